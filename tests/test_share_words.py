"""Shares written as words become percentages; periods and plain numbers stay what they are."""

from decimal import Decimal

import pytest

from pipeline.quantities import find_quantities
from pipeline.share_words import with_share_words


def shares(text: str, lang: str = "en"):
    found = with_share_words(text, find_quantities(text, lang), lang)
    return [q for q in found if q.unit == "%" and q.text in ("half", "一半", "半数")]


@pytest.mark.parametrize("text, lang, qualifier", [
    ("Transaction services contributed nearly half of total revenues.", "en", "approx"),
    ("More than half of the new stocks fell below their offer price.", "en", "more_than"),
    ("The goal is for overseas markets to contribute half of games revenue.", "en", "exact"),
    ("海外市场收入占总收入的近一半。", "zh", "approx"),
    ("半数新股首日破发。", "zh", "exact"),
])
def test_half_of_something_is_fifty_percent(text, lang, qualifier):
    (share,) = shares(text, lang)
    assert (share.amount, share.qualifier) == (Decimal(50), qualifier)
    assert share.text in ("half", "一半", "半数")
    assert text[share.start:share.end] == share.text


@pytest.mark.parametrize("text", [
    "In the first half of 2024, revenue rose 10%.",
    "Revenue in the second half will be stronger.",
    "Shipments grew in half of the year.",
    "The half was strong.",
])
def test_a_half_year_is_no_share(text):
    assert shares(text) == []


def test_a_half_inside_a_number_stays_a_number():
    text = "It sold one and a half million units."
    assert with_share_words(text, find_quantities(text, "en"), "en") == find_quantities(text, "en")
