"""Scoring as spec/FACTS.md defines it, on small hand-made articles."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from pipeline.cli_evaluate import evaluate as evaluate_command
from pipeline.errors import AnnotationError
from pipeline.evaluate import (
    alias_folder,
    amounts_agree,
    attribute_verdicts,
    can_pair,
    evaluate,
    load_gold,
    normalize_name,
    pair_facts,
    record_from_dict,
    validate_gold,
)

DOC = "acme-2024-h1"
TEXT = (
    "Acme Inc. achieved revenue of 9.325 billion yuan in the first half of the year, "
    "a year-on-year increase of 18.91%. "
    "The net loss reached 401 million yuan. "
    "The company aims to reach 100 million users in 2025. "
    "Its Spark model fully benchmarked GPT-4 Turbo."
)
GOLD: list[dict[str, Any]] = [
    {
        "kind": "financial_fact", "modality": "reported",
        "subject": {"name": "Acme", "text": "Acme Inc.", "type": "company"},
        "metric": "revenue",
        "value": {"amount": 9325000000, "unit": "CNY", "text": "9.325 billion yuan",
                  "qualifier": "exact"},
        "change": {"amount": 18.91, "unit": "%", "direction": "up", "basis": "yoy",
                   "text": "a year-on-year increase of 18.91%"},
        "period": {"label": "2024-H1", "text": "in the first half of the year"},
        "horizon": None,
        "quote": "Acme Inc. achieved revenue of 9.325 billion yuan in the first half of the "
                 "year, a year-on-year increase of 18.91%.",
    },
    {
        "kind": "financial_fact", "modality": "reported",
        "subject": {"name": "Acme", "text": "The company", "type": "company"},
        "metric": "net_profit",
        "value": {"amount": -401000000, "unit": "CNY", "text": "401 million yuan",
                  "qualifier": "exact"},
        "change": None, "period": {"label": "2024-H1", "text": "first half"}, "horizon": None,
        "quote": "The net loss reached 401 million yuan.",
    },
    {
        "kind": "forward_looking", "modality": "target",
        "subject": {"name": "Acme", "text": "The company", "type": "company"},
        "metric": "users",
        "value": {"amount": 100000000, "unit": "count", "text": "100 million",
                  "qualifier": "exact", "counted": "user"},
        "change": None, "period": None, "horizon": {"label": "2025", "text": "in 2025"},
        "quote": "The company aims to reach 100 million users in 2025.",
    },
    {
        "kind": "forward_looking", "modality": "claim",
        "subject": {"name": "Acme Spark", "text": "Its Spark model", "type": "product"},
        "metric": None, "value": None, "change": None, "period": None, "horizon": None,
        "object": {"name": "GPT-4 Turbo", "type": "product"},
        "quote": "Its Spark model fully benchmarked GPT-4 Turbo.",
    },
]


def as_prediction(gold: dict[str, Any], number: int, text: str = TEXT) -> dict[str, Any]:
    """A predicted fact equal to a gold line, with the offsets the extractor would write."""
    fact = copy.deepcopy(gold)
    quote = fact.pop("quote")
    start = text.index(quote)
    fact.update(id=f"p{number}", doc_id=DOC, rule="test.rule",
                evidence={"text": quote, "start": start, "end": start + len(quote)})
    if fact.get("value"):
        value_start = text.index(fact["value"]["text"], start)
        fact["value"].update(start=value_start, end=value_start + len(fact["value"]["text"]))
    return fact


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
    return path


@pytest.fixture
def case(tmp_path: Path) -> dict[str, Path]:
    corpus, gold = tmp_path / "corpus", tmp_path / "annotations"
    corpus.mkdir()
    (corpus / f"{DOC}.txt").write_text(TEXT, "utf-8")
    (corpus / f"{DOC}.meta.json").write_text('{"lang": "en", "published": "2024-08-23"}')
    write_jsonl(gold / f"{DOC}.jsonl", GOLD)
    write_jsonl(gold / "readings" / f"{DOC}.reader1.jsonl", [{"junk": True}])
    pred = write_jsonl(tmp_path / "facts.jsonl", [as_prediction(g, i) for i, g in enumerate(GOLD)])
    return {"corpus": corpus, "gold": gold, "pred": pred, "root": tmp_path}


def record(line: int, kind: str = "financial_fact", span: tuple[int, int] = (0, 10),
           **fields: Any) -> Any:
    data = {"doc_id": DOC, "kind": kind, "evidence": {"text": "", "start": span[0],
                                                     "end": span[1]}, **fields}
    return record_from_dict(data, line)


def money(amount: str, unit: str = "CNY", **extra: Any) -> dict[str, Any]:
    return {"amount": Decimal(amount), "unit": unit, "text": amount, **extra}


# --- tolerance ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("100", "100.5", True),
        ("100", "99.5", True),
        ("100", "100.51", False),
        ("100", "99.49", False),
        ("-401000000", "-403005000", True),
        ("-401000000", "-403005001", False),
        ("-401000000", "401000000", False),
        ("0", "0", True),
        ("0", "0.000000001", True),
        ("0", "-0.000000001", True),
        ("0", "0.000000002", False),
        ("0", "0.01", False),
    ],
)
def test_amount_tolerance(gold: str, predicted: str, expected: bool) -> None:
    assert amounts_agree(Decimal(gold), Decimal(predicted)) is expected


def test_key_needs_same_unit_and_kind() -> None:
    gold = record(1, value=money("100"))
    assert can_pair(gold, record(1, value=money("100")))
    assert not can_pair(gold, record(1, value=money("100", "USD")))
    assert not can_pair(gold, record(1, kind="forward_looking", value=money("100")))


def test_change_is_the_key_when_there_is_no_value() -> None:
    gold = record(1, change={"amount": 13.3, "unit": "%", "direction": "down", "text": "13.3%"})
    same = record(1, change={"amount": 13.3, "unit": "%", "direction": "down", "text": "13.3%"})
    assert can_pair(gold, same)
    with_level = record(1, value=money("5"),
                        change={"amount": 13.3, "unit": "%", "direction": "down", "text": "13.3%"})
    assert not can_pair(gold, with_level)


# --- pairing --------------------------------------------------------------------------------


def test_best_agreement_wins_over_closest_amount() -> None:
    gold = [
        record(1, metric="revenue", value=money("100")),
        record(2, metric="net_profit", value=money("100.3")),
    ]
    predicted = [
        record(1, metric="revenue", value=money("100.3")),
        record(2, metric="net_profit", value=money("100")),
    ]
    pairs = pair_facts(gold, predicted)
    assert [(pair.gold.line, pair.predicted.line) for pair in pairs] == [(1, 1), (2, 2)]
    assert all(pair.fully_correct for pair in pairs)


def test_second_candidate_with_better_agreement_is_taken() -> None:
    gold = [record(1, value=money("100"), period={"label": "2024", "text": "2024"})]
    predicted = [
        record(1, value=money("100"), period={"label": "2023", "text": "2023"}),
        record(2, value=money("100.2"), period={"label": "2024", "text": "2024"}),
    ]
    (pair,) = pair_facts(gold, predicted)
    assert pair.predicted.line == 2


def test_ties_break_by_amount_then_order() -> None:
    gold = [record(1, value=money("100"))]
    predicted = [record(1, value=money("100.4")), record(2, value=money("100.1")),
                 record(3, value=money("100.1"))]
    (pair,) = pair_facts(gold, predicted)
    assert pair.predicted.line == 2


@pytest.mark.parametrize(
    ("gold_span", "predicted_span", "pairs"),
    [((10, 50), (30, 80), True), ((10, 50), (50, 90), False), ((10, 50), (0, 11), True)],
)
def test_facts_without_quantity_pair_by_evidence_overlap(
    gold_span: tuple[int, int], predicted_span: tuple[int, int], pairs: bool
) -> None:
    gold = record(1, kind="forward_looking", span=gold_span)
    predicted = record(1, kind="forward_looking", span=predicted_span)
    assert can_pair(gold, predicted) is pairs


def test_fact_with_quantity_never_pairs_with_one_without() -> None:
    gold = record(1, kind="forward_looking")
    assert not can_pair(gold, record(1, kind="forward_looking", value=money("5")))


def test_kind_mismatch_does_not_pair() -> None:
    gold = [record(1, kind="financial_fact", span=(0, 10))]
    predicted = [record(1, kind="forward_looking", span=(0, 10))]
    assert pair_facts(gold, predicted) == []


# --- attributes -----------------------------------------------------------------------------


def test_left_out_fields_are_not_scored_but_null_is() -> None:
    gold = record(1, value=money("100"), change=None, period=None)
    predicted = record(1, value=money("100"), change=None, period=None, metric="revenue")
    verdicts = attribute_verdicts(gold, predicted)
    assert "metric" not in verdicts
    assert "subject.name" not in verdicts
    assert verdicts["change"] and verdicts["period.label"]

    wrong = record(1, value=money("100"), period={"label": "2024", "text": "2024"},
                   change={"amount": 1, "unit": "%", "direction": "up", "text": "1%"})
    verdicts = attribute_verdicts(gold, wrong)
    assert verdicts["change"] is False
    assert verdicts["period.label"] is False


@pytest.mark.parametrize(
    ("predicted", "agrees"),
    [
        ({"amount": 18.915, "unit": "%", "direction": "up", "basis": "yoy"}, True),
        ({"amount": 18.93, "unit": "%", "direction": "up", "basis": "yoy"}, False),
        ({"amount": 18.91, "unit": "%", "direction": "down", "basis": "yoy"}, False),
        ({"amount": 18.91, "unit": "%", "direction": "up", "basis": None}, False),
        (None, False),
    ],
)
def test_change_attribute(predicted: dict[str, Any] | None, agrees: bool) -> None:
    gold = record(1, value=money("5"),
                  change={"amount": Decimal("18.91"), "unit": "%", "direction": "up",
                          "basis": "yoy"})
    verdicts = attribute_verdicts(gold, record(1, value=money("5"), change=predicted))
    assert verdicts["change"] is agrees


def test_value_qualifier_defaults_to_exact_in_predictions() -> None:
    gold = record(1, value=money("5", qualifier="exact"))
    assert attribute_verdicts(gold, record(1, value=money("5")))["value.qualifier"]
    unannotated = record(1, value=money("5"))
    assert "value.qualifier" not in attribute_verdicts(unannotated, record(1, value=money("5")))


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("Xiaomi", "xiaomi group"),
        ("Acme", "Acme Inc."),
        ("Acme", "ACME Co., Ltd."),
        ("Tencent", "Tencent Holdings"),
        ("科大讯飞", "科大讯飞股份有限公司"),
        ("小米", "小米集团"),
    ],
)
def test_subject_names_ignore_case_and_corporate_suffixes(gold: str, predicted: str) -> None:
    assert normalize_name(gold) == normalize_name(predicted)


def test_subject_name_still_distinguishes_companies() -> None:
    assert normalize_name("Costco") != normalize_name("Cost")
    assert normalize_name("Group") == "group"


def test_alias_folding_joins_names_of_one_gazetteer_entity_only() -> None:
    fold = alias_folder()
    assert fold("Mindray Medical") == fold("Mindray") == fold("迈瑞医疗")
    assert fold("Alibaba Pictures") != fold("Alibaba")
    assert fold("Zentrix Labs") == "zentrix labs"  # unknown names stay as written


# --- gold loading ---------------------------------------------------------------------------


def test_gold_quotes_are_located_and_values_placed(case: dict[str, Path]) -> None:
    (article,) = load_gold(case["gold"], case["corpus"])
    assert article.doc_id == DOC and article.lang == "en"
    first = article.facts[0]
    assert TEXT[first.evidence.start:first.evidence.end] == GOLD[0]["quote"]
    value = first.data["value"]
    assert TEXT[value["start"]:value["end"]] == "9.325 billion yuan"


def test_quote_not_in_article_names_doc_line_and_quote(case: dict[str, Path]) -> None:
    broken = copy.deepcopy(GOLD)
    broken[1]["quote"] = "The net loss reached 402 million yuan."
    write_jsonl(case["gold"] / f"{DOC}.jsonl", broken)
    with pytest.raises(AnnotationError) as caught:
        load_gold(case["gold"], case["corpus"])
    message = str(caught.value)
    assert DOC in message and ":2:" in message and "402 million yuan" in message


def test_value_text_outside_quote_is_an_error(case: dict[str, Path]) -> None:
    broken = copy.deepcopy(GOLD)
    broken[1]["value"]["text"] = "9.325 billion yuan"
    write_jsonl(case["gold"] / f"{DOC}.jsonl", broken)
    with pytest.raises(AnnotationError, match="not inside the quote"):
        load_gold(case["gold"], case["corpus"])


def test_duplicate_quote_takes_first_occurrence_after_previous_line(tmp_path: Path) -> None:
    text = "Revenue was 10 yuan. Profit was 2 yuan. Revenue was 10 yuan. End."
    revenue, profit = "Revenue was 10 yuan.", "Profit was 2 yuan."
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "dup.txt").write_text(text, "utf-8")
    lines = [{"kind": "financial_fact", "quote": quote, "value": None}
             for quote in (revenue, profit, revenue, revenue, profit)]
    write_jsonl(tmp_path / "g" / "dup.jsonl", lines)
    (article,) = load_gold(tmp_path / "g", tmp_path / "c")
    assert [fact.evidence.start for fact in article.facts] == [0, 21, 40, 40, 21]


def test_validate_gold_accepts_good_gold_and_lists_problems(case: dict[str, Path]) -> None:
    assert validate_gold(case["gold"], case["corpus"]) == []
    broken = copy.deepcopy(GOLD)
    broken[0]["modality"] = "forecast"
    broken[1]["metric"] = "profit"
    broken[2]["value"]["unit"] = "users"
    broken[3]["quote"] = "not in the article"
    write_jsonl(case["gold"] / f"{DOC}.jsonl", broken)
    problems = validate_gold(case["gold"], case["corpus"])
    assert len(problems) == 4
    assert any(":1:" in p and "reported iff financial_fact" in p for p in problems)
    assert any(":2:" in p and "'profit'" in p for p in problems)
    assert any(":3:" in p and "value.unit" in p for p in problems)
    assert any(":4:" in p and "quote not found" in p for p in problems)


def test_every_gold_file_in_the_repository_validates() -> None:
    root = Path(__file__).resolve().parents[1]
    assert validate_gold(root / "annotations", root / "corpus") == []


# --- scores ---------------------------------------------------------------------------------


def test_perfect_prediction_scores_one(case: dict[str, Path]) -> None:
    result = evaluate(case["gold"], case["pred"], case["corpus"])
    assert (result.precision, result.recall, result.f1, result.strict_f1) == (1, 1, 1, 1)
    assert all(t.accuracy in (1.0, None) for t in result.attributes.values())
    assert result.format_errors() == "no errors\n"


def test_strict_f1_counts_only_fully_correct_facts(case: dict[str, Path]) -> None:
    predictions = [as_prediction(g, i) for i, g in enumerate(GOLD)]
    predictions[0]["period"]["label"] = "2024"
    predictions[1]["subject"]["name"] = "Acme Group"
    write_jsonl(case["pred"], predictions)
    result = evaluate(case["gold"], case["pred"], case["corpus"])
    assert result.f1 == 1.0
    assert result.overall.fully_correct == 3
    assert result.strict_f1 == pytest.approx(0.75)
    period = result.attributes["period.label"]
    assert (period.scored, period.correct) == (4, 3)
    errors = result.format_errors()
    assert 'period.label: gold "2024-H1" vs pred "2024"' in errors
    assert "subject.name" not in errors


def test_modality_breakdown_counts_a_pair_only_when_modalities_agree(
    case: dict[str, Path],
) -> None:
    predictions = [as_prediction(g, i) for i, g in enumerate(GOLD)]
    predictions[2]["modality"] = "plan"
    write_jsonl(case["pred"], predictions)
    result = evaluate(case["gold"], case["pred"], case["corpus"])
    assert result.f1 == 1.0
    modality = result.by_modality
    assert (modality["target"].gold, modality["target"].predicted, modality["target"].paired) == (
        1, 0, 0)
    assert (modality["plan"].gold, modality["plan"].predicted, modality["plan"].paired) == (
        0, 1, 0)
    assert result.by_kind["forward_looking"].paired == 2


def test_docs_without_gold_are_ignored_and_gold_without_predictions_all_missed(
    case: dict[str, Path],
) -> None:
    other = dict(as_prediction(GOLD[1], 9), doc_id="no-gold")
    write_jsonl(case["pred"], [other])
    result = evaluate(case["gold"], case["pred"], case["corpus"])
    assert result.ignored_predictions == 1 and result.ignored_docs == ["no-gold"]
    assert (result.overall.gold, result.overall.predicted, result.recall) == (4, 0, 0.0)
    errors = result.format_errors()
    assert errors.count("MISSED") == 4 and "The net loss reached 401 million yuan." in errors


def test_false_positive_is_listed_with_its_sentence(case: dict[str, Path]) -> None:
    extra = as_prediction(GOLD[1], 7)
    extra["value"]["amount"] = -500000000
    write_jsonl(case["pred"], [*[as_prediction(g, i) for i, g in enumerate(GOLD)], extra])
    result = evaluate(case["gold"], case["pred"], case["corpus"])
    assert result.precision == pytest.approx(0.8)
    assert "FALSE POSITIVE pred line 5 rule test.rule" in result.format_errors()


# --- CLI ------------------------------------------------------------------------------------

app = typer.Typer()
app.callback()(lambda: None)
app.command("evaluate")(evaluate_command)


def run(case: dict[str, Path], *extra: str) -> Any:
    arguments = ["evaluate", "--gold", str(case["gold"]), "--pred", str(case["pred"]),
                 "--corpus", str(case["corpus"]), *extra]
    return CliRunner().invoke(app, arguments)


def test_cli_perfect_prediction_passes_the_gates(case: dict[str, Path]) -> None:
    result = run(case, "--min-f1", "0.9", "--min-strict-f1", "0.9")
    assert result.exit_code == 0, result.output
    assert "overall" in result.output and "subject.name" in result.output


def test_cli_gate_trips_when_half_the_facts_are_dropped(case: dict[str, Path]) -> None:
    write_jsonl(case["pred"], [as_prediction(g, i) for i, g in enumerate(GOLD)][::2])
    result = run(case, "--min-f1", "0.9", "--errors")
    assert result.exit_code == 1
    assert "below --min-f1" in result.output and "MISSED" in result.output


def test_cli_json_report(case: dict[str, Path]) -> None:
    out = case["root"] / "reports" / "scores.json"
    assert run(case, "--json", str(out)).exit_code == 0
    report = json.loads(out.read_text("utf-8"))
    assert list(report)[:4] == ["precision", "recall", "f1", "strict_f1"]
    assert {"strict_precision", "strict_recall", "counts", "by_kind", "by_modality",
            "by_language", "attributes", "articles"} <= set(report)
    assert report["articles"][DOC]["lang"] == "en"
    assert report["by_language"]["en"]["gold"] == 4


@pytest.mark.parametrize("problem", ["missing predictions", "bad quote"])
def test_cli_input_problems_exit_2(case: dict[str, Path], problem: str) -> None:
    if problem == "missing predictions":
        case["pred"].unlink()
    else:
        broken = copy.deepcopy(GOLD)
        broken[0]["quote"] = "nowhere"
        write_jsonl(case["gold"] / f"{DOC}.jsonl", broken)
    result = run(case)
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and result.output.count("\n") == 1


def test_cli_has_help_text() -> None:
    result = CliRunner().invoke(app, ["evaluate", "--help"])
    assert result.exit_code == 0 and "--min-strict-f1" in result.output


@pytest.mark.parametrize(("a", "b", "same"), [
    ("2024-Q1/2024-Q3", "2024-01/2024-09", True),
    ("2024-H1", "2024-01/2024-06", True),
    ("2024", "2024-01/2024-12", True),
    ("2024-Q2", "2024-06", False),
    ("2024-Q2", "2023-Q2", False),
    ("2024-07/2024-08", "2024-06/2024-08", False),
])
def test_period_labels_agree_when_they_name_the_same_days(a: str, b: str, same: bool) -> None:
    from pipeline.evaluate import same_span

    assert same_span(a, b) is same
