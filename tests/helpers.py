"""Shared assertions for extraction tests."""

from __future__ import annotations

from pipeline.models import Fact


def assert_grounded(fact: Fact, text: str) -> None:
    """Every offset of a fact points at exactly the text it claims, value inside evidence."""
    ev = fact.evidence
    assert text[ev.start:ev.end] == ev.text, (ev.start, ev.end, ev.text)
    if fact.value is not None:
        v = fact.value
        assert text[v.start:v.end] == v.text, (v.start, v.end, v.text)
        assert ev.start <= v.start and v.end <= ev.end
