"""find_quantities(): numbers, money, percentages, counts, multiples and ranges in raw text.

(Interface fixed; implementation in progress.)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity as written in the text, with its exact normalized amount."""

    text: str
    start: int
    end: int
    amount: Decimal
    unit: str | None = None
    qualifier: str = "exact"
    low: Decimal | None = None
    high: Decimal | None = None
    counted: str | None = None
    qualifier_start: int | None = None


def find_quantities(text: str, lang: str = "en") -> list[Quantity]:
    """Return every quantity in `text`, sorted by start offset."""
    raise NotImplementedError
