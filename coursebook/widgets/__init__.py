"""Widgets: each is a Python class (state and data) plus one bundled ES module."""

from .base import BookWidget, embed_json
from .progress import Progress, progress
from .quiz import Quiz, quiz

__all__ = ["BookWidget", "Progress", "Quiz", "embed_json", "progress", "quiz"]
