"""Rules about ``data/evidence.yaml``: the links from a claim to the events that bear on it.

Each link names a claim of ``claims.yaml`` and an event of ``events.yaml``, once; and
every claim that looks forward (a prediction) has at least two events for it and two
against it, or says on the claim (``evidence_note``) why it has not.
"""

from __future__ import annotations

from ..errors import Problems
from . import rule
from .common import close

#: How many events for, and against, a prediction needs (or an ``evidence_note``).
ENOUGH = 2


@rule(needs=("claims", "events"))
def evidence_links_resolve(book, report: Problems) -> None:
    for link in book.evidence:
        if link.claim not in book.claims:
            report.at(
                link, "claim", f"the claim “{link.claim}” is not in data/claims.yaml{close(link.claim, book.claims)}"
            )
        if link.event not in book.events:
            report.at(
                link, "event", f"the event “{link.event}” is not in data/events.yaml{close(link.event, book.events)}"
            )


@rule()
def evidence_links_unique(book, report: Problems) -> None:
    seen: dict[tuple[str, str], int] = {}
    for link in book.evidence:
        pair = (link.claim, link.event)
        if pair in seen:
            report.at(
                link,
                None,
                f"the claim “{link.claim}” is linked to the event “{link.event}” twice (also at line {seen[pair]}); keep one link",
            )
        else:
            seen[pair] = link.where.line


@rule(needs=("claims", "events", "evidence"))
def predictions_have_evidence_both_ways(book, report: Problems) -> None:
    for claim in book.claims.values():
        if not claim.looks_forward or claim.evidence_note:
            continue
        counts = {bears: len(book.claim_evidence(claim.id, bears)) for bears in ("for", "against")}
        short = [f"{counts[b]} {b}" for b in ("for", "against") if counts[b] < ENOUGH]
        if short:
            report.at(
                claim,
                "id",
                f"the prediction “{claim.id}” has only {' and '.join(short)} in data/evidence.yaml; link at least "
                f"{ENOUGH} events for it and {ENOUGH} against it, or say why there are none in “evidence_note”",
            )


@rule(needs=("claims", "events", "evidence"))
def evidence_notes_still_needed(book, report: Problems) -> None:
    """An ``evidence_note`` says why a claim lacks evidence on one side; once the links
    supply it, the note contradicts the table beside it (one fact, one place)."""
    for claim in book.claims.values():
        if not claim.evidence_note:
            continue
        counts = {bears: len(book.claim_evidence(claim.id, bears)) for bears in ("for", "against")}
        if all(n >= ENOUGH for n in counts.values()):
            report.at(
                claim,
                "evidence_note",
                f"the claim “{claim.id}” now has {counts['for']} events for it and {counts['against']} against it "
                "in data/evidence.yaml, so its “evidence_note” (which explains missing evidence) is out of date: "
                "remove it (a remark on how good that evidence is can go in “caveat”)",
            )
