"""Number formatting exactly as the widgets' JavaScript does it.

``Number.prototype.toFixed`` rounds the exact binary value half away from zero;
``Decimal(float)`` is that exact value, so ``ROUND_HALF_UP`` reproduces it. The
browser tests compare the page with the model through these functions.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def fixed(value: float, digits: int) -> str:
    """Like JavaScript's ``value.toFixed(digits)``, with thousands separators added."""
    quantum = Decimal(1).scaleb(-digits)
    rounded = Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0.0"
    return f"{rounded:,.{digits}f}"


def billions(value: float) -> str:
    """'$1.2bn' / '−$3.4bn' from a value in billions (as js/lib/format.js)."""
    text = fixed(abs(value), 1)
    # U+2060 (word joiner) keeps the minus sign on the same line as the amount.
    return f"−\u2060${text}bn" if value < 0 and text != "0.0" else f"${text}bn"


def millions(value: float) -> str:
    """'$120m' / '−$3m' from a value in millions (as js/lib/format.js)."""
    text = fixed(abs(value), 0)
    return f"−\u2060${text}m" if value < 0 and text != "0" else f"${text}m"
