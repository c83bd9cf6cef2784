"""Widgets: each is a Python class (state and data) plus one bundled ES module."""

from .base import BookWidget, embed_json
from .progress import Progress, progress
from .prompts import Prompts
from .quiz import Quiz, quiz
from .sliders import DeadEnd, IranBet, dead_end, iran_bet, run
from .timeline import Timeline, timeline

__all__ = [
    "BookWidget",
    "DeadEnd",
    "IranBet",
    "Progress",
    "Prompts",
    "Quiz",
    "Timeline",
    "dead_end",
    "embed_json",
    "iran_bet",
    "progress",
    "quiz",
    "run",
    "timeline",
]
