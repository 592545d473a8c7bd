"""Literal hints never rule out a line the regex matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.regex_hints import FOLDS_TO_ASCII, may_match, required_literals
from pipeline.segment import furniture_rules

PATTERNS = sorted({rule.pattern for lang in ("en", "zh") for rule in furniture_rules(lang)})


def test_hints_name_the_literal_words():
    assert required_literals(r"\bfor reference only\b|^disclaimer\b", re.I) == (
        "for reference only", "disclaimer")
    assert required_literals(r"(?:a|)b?", re.I) is None  # nothing every match must contain
    assert required_literals(r"版权(?:声明|所有)", re.I) == ("版权",)


def test_a_line_without_any_hint_cannot_match():
    hints = required_literals(r"\b(?:does not|do not) (?:represent|reflect) the views?\b", re.I)
    assert hints is not None
    assert not may_match(hints, "revenue rose 5% to 10 billion yuan.")
    assert may_match(hints, "this DOES NOT reflect the views of ...".lower())


WORDS = ["Copyright", "copyright 2024", "©", "(c) 2024", "All Rights Reserved",
         "for reference only", "does not", "DON'T", "represent", "reflect the views", "版权所有",
         "未经授权转载", "ſ", "K", "İ", "ı", "disclaimer", " ", "revenue"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=8).map(" ".join))
def test_hints_are_necessary(line):
    for pattern in PATTERNS:
        hints = required_literals(pattern, re.I)
        if hints is None or FOLDS_TO_ASCII.search(line):
            continue
        if not may_match(hints, line.lower()):
            assert not re.search(pattern, line, re.I), (pattern, line)
