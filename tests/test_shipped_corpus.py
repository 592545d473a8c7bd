"""The committed fact base is current, valid and as good as the gates say."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import evaluate
from pipeline.extract import extract_corpus
from pipeline.output import fact_lines

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def fresh_lines():
    run = extract_corpus([ROOT / "corpus"])
    assert not run.problems, run.problems
    return fact_lines(run.facts)


def test_committed_output_is_current_and_deterministic(fresh_lines):
    committed = (ROOT / "outputs" / "facts.jsonl").read_text(encoding="utf-8")
    assert "".join(fresh_lines) == committed, "run `extract corpus/` and commit outputs/"


def gates() -> dict[str, float]:
    words = (ROOT / ".ci" / "gates").read_text(encoding="utf-8").split()
    return {words[i]: float(words[i + 1]) for i in range(0, len(words), 2)}


def test_quality_gates_hold(fresh_lines, tmp_path):
    pred = tmp_path / "facts.jsonl"
    pred.write_text("".join(fresh_lines), encoding="utf-8")
    result = evaluate(ROOT / "annotations", pred, ROOT / "corpus")
    bars = gates()
    assert result.f1 >= bars["--min-f1"]
    assert result.strict_f1 >= bars["--min-strict-f1"]
    for lang, row in result.to_dict()["by_language"].items():
        assert row["f1"] >= 0.9, f"{lang} detection F1 {row['f1']} is below 0.9"


def test_a_broken_extractor_trips_the_gate(fresh_lines, tmp_path):
    pred = tmp_path / "facts.jsonl"
    pred.write_text("".join(fresh_lines[::2]), encoding="utf-8")
    result = evaluate(ROOT / "annotations", pred, ROOT / "corpus")
    assert result.f1 < gates()["--min-f1"]
