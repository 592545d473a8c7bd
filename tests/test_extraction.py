"""End-to-end extraction on small texts written for the tests (English and Chinese)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline import extract_text
from tests.helpers import assert_grounded

EN_RESULTS = (
    "In the first half of 2024, Acme Robotics posted revenue of 1.25 billion yuan, a year-on-year "
    "increase of 12.5%. Its net loss reached 30 million yuan. Smartphone shipments fell 8% "
    "year-on-year to 4.2 million units."
)
ZH_RESULTS = "2024年上半年，科大讯飞实现营业收入93.25亿元，同比增长18.91%；归母净利润亏损4.01亿元。"


def one(facts, amount):
    found = [f for f in facts if f.value is not None and f.value.amount == Decimal(amount)]
    assert len(found) == 1, [f.value for f in facts]
    return found[0]


def test_level_and_change_make_one_fact():
    facts = extract_text(EN_RESULTS, published="2024-08-20")
    for fact in facts:
        assert_grounded(fact, EN_RESULTS)
    revenue = one(facts, "1250000000")
    assert (revenue.metric, revenue.value.unit) == ("revenue", "CNY")
    assert revenue.period.label == "2024-H1"
    assert revenue.change.amount == Decimal("12.5") and revenue.change.direction == "up"
    assert revenue.change.basis == "yoy"


def test_loss_is_a_negative_profit():
    facts = extract_text(EN_RESULTS, published="2024-08-20")
    loss = one(facts, "-30000000")
    assert loss.metric == "net_profit" and loss.kind == "financial_fact"


def test_change_then_level_with_count_unit():
    facts = extract_text(EN_RESULTS, published="2024-08-20")
    shipments = one(facts, "4200000")
    assert shipments.value.unit == "count" and shipments.metric == "shipments"
    assert shipments.change.direction == "down" and shipments.change.amount == Decimal("8")


def test_chinese_earnings_sentence():
    facts = extract_text(ZH_RESULTS, lang="zh", published="2024-08-22")
    for fact in facts:
        assert_grounded(fact, ZH_RESULTS)
    revenue = one(facts, "9325000000")
    assert revenue.subject.name == "iFLYTEK" and revenue.metric == "revenue"
    assert revenue.change.amount == Decimal("18.91") and revenue.change.basis == "yoy"
    assert revenue.period.label == "2024-H1"
    loss = one(facts, "-401000000")
    assert loss.metric == "net_profit_attributable"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Acme Robotics aims to reach 100 million users in 2026.", "target"),
        ("Gartner predicts that more than 80% of enterprises will use generative AI by 2026.",
         "forecast"),
        ("Acme Robotics plans to invest 2 billion yuan in new factories in 2026.", "plan"),
    ],
)
def test_forward_looking_numbers(text, modality):
    facts = extract_text(text, published="2024-01-10")
    assert facts, text
    assert {f.modality for f in facts} == {modality}
    assert all(f.kind == "forward_looking" and f.horizon is not None for f in facts)


def test_benchmark_claim_without_number_names_its_object():
    text = "iFLYTEK said its Spark model is fully benchmarked against GPT-4 Turbo."
    facts = extract_text(text, published="2024-06-30")
    assert [(f.modality, f.object.name) for f in facts] == [("claim", "GPT-4 Turbo")]


@pytest.mark.parametrize(
    "text",
    [
        "The company was founded in 2008 and moved on May 24.",
        "The model V4.0 was trained on Feixing No. 1 at 10:42.",
        "Google released four new models.",
    ],
)
def test_not_facts(text):
    assert extract_text(text, published="2024-06-30") == []


def test_same_input_same_output():
    first = [f.model_dump_json() for f in extract_text(EN_RESULTS, published="2024-08-20")]
    second = [f.model_dump_json() for f in extract_text(EN_RESULTS, published="2024-08-20")]
    assert first == second


def test_json_amounts_are_plain_numbers_without_float_noise():
    facts = extract_text(EN_RESULTS, published="2024-08-20")
    line = one(facts, "1250000000").model_dump_json()
    assert '"amount":1250000000,' in line
    assert '"amount":12.5,' in line


def test_a_comparison_time_belongs_to_the_earlier_figure():
    text = ("In August, Zentrix's share of the market fell to 6.1% from 7.9% in the same period "
            "last year.")
    facts = extract_text(text, published="2024-09-12")
    share = one(facts, "6.1")
    assert share.period.label == "2024-08"
    assert share.metric == "market_share"


def test_earlier_level_without_its_own_period_is_not_a_fact():
    text = "The subsidy was raised from 10,000 yuan to 20,000 yuan."
    amounts = {f.value.amount for f in extract_text(text, published="2024-09-12") if f.value}
    assert amounts == {Decimal("20000")}
