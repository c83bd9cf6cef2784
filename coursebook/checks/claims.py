"""Rules about ``data/claims.yaml``: each claim quotes its paragraph exactly once."""

from __future__ import annotations

from ..errors import Problems
from . import rule
from .common import paragraph_exists, quote_matches_once


@rule()
def claim_quotes_match(book, report: Problems) -> None:
    for claim in book.claims.values():
        if paragraph_exists(book, claim, "paragraph", claim.paragraph, report):
            quote_matches_once(book, claim, report)
