"""Hypothesis drives the whole pipeline: no exception, grounded offsets, same output twice."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import extract_text
from tests.helpers import assert_grounded

WORDS = [
    "revenue", "net profit", "loss", "of", "rose", "fell", "year-on-year", "to", "billion",
    "million", "yuan", "US$", "%", "in the first half of 2024", "Xiaomi", "iFLYTEK", "plans to",
    "predicts", "benchmarked against GPT-4 Turbo", ",", ";", ".", "\n\n", "**", "同比增长", "亿元",
    "营收", "科大讯飞", "预计", "。", "万", "约", "more than", "nearly", "respectively", "分别",
]
piece = st.one_of(st.sampled_from(WORDS), st.decimals(min_value=0, max_value=10**6, places=2)
                  .map(str), st.text(max_size=8))
texts = st.lists(piece, max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["en", "zh"]))
def test_any_text_gives_grounded_deterministic_facts(text, lang):
    first = extract_text(text, lang=lang, published="2024-08-23")
    for fact in first:
        assert_grounded(fact, text)
    again = extract_text(text, lang=lang, published="2024-08-23")
    assert [f.model_dump_json() for f in first] == [f.model_dump_json() for f in again]
