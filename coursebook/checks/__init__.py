"""Cross-checks between files, one rule per function, one module per collection.

A rule is a function ``rule(book, report)`` that looks at the loaded book and adds
``file:line`` problems to ``report``; it never raises. ``@rule(needs=(...))`` names
the collections a rule refers to: when one of them has problems of its own (it did not
parse, or an entry is invalid), the rule is skipped, so one typo in ``glossary.yaml``
is reported once, not again as every note's "term not in glossary".

To add a rule, write the function in its collection's module with ``@rule``; the
module is imported below. Each rule can be run alone: ``run(book, report, [fn])``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import CROSS, Problems

RuleFunction = Callable[..., None]


@dataclass(frozen=True)
class Rule:
    function: RuleFunction
    needs: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.function.__module__.rsplit('.', 1)[-1]}.{self.function.__name__}"


RULES: list[Rule] = []


def rule(*, needs: tuple[str, ...] = ()) -> Callable[[RuleFunction], RuleFunction]:
    """Register a cross-check; ``needs``: the collections it relies on being sound."""

    def register(function: RuleFunction) -> RuleFunction:
        RULES.append(Rule(function, tuple(needs)))
        function.needs = tuple(needs)  # type: ignore[attr-defined]
        return function

    return register


def run(book, report: Problems | None = None, rules: Iterable[RuleFunction] | None = None) -> Problems:
    """Run every rule (or the given ones) whose collections are sound; return the report."""
    report = report if report is not None else Problems(book.paths.root, stage=CROSS)
    chosen = RULES if rules is None else [Rule(f, getattr(f, "needs", ())) for f in rules]
    for item in chosen:
        if book.failed.intersection(item.needs):
            continue
        item.function(book, report)
    return report


# The rules, by collection (importing a module registers its rules).
from . import (  # noqa: E402,F401
    chapters,
    claims,
    entries,
    events,
    evidence,
    models,
    notes,
    quizzes,
    references,
    verdicts,
)
