"""The whole CLI on a temporary corpus."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()
EN = "Acme Robotics posted revenue of 1.2 billion yuan in 2023, up 10% year-on-year.\n"
ZH = "2024年上半年，科大讯飞实现营业收入93.25亿元，同比增长18.91%。\n"


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "zh").mkdir(parents=True)
    (root / "acme.txt").write_text(EN, encoding="utf-8")
    (root / "acme.meta.json").write_text('{"published": "2024-03-01"}', encoding="utf-8")
    (root / "zh" / "xunfei.md").write_text(ZH, encoding="utf-8")
    return root


def read_facts(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_mixed_corpus(corpus, tmp_path):
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, [str(corpus), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    facts = read_facts(out)
    assert {f["doc_id"] for f in facts} == {"acme", "zh/xunfei"}
    assert "2 articles (en 1, zh 1)" in result.output
    keys = [(f["doc_id"], f["evidence"]["start"], f["id"]) for f in facts]
    assert keys == sorted(keys)


def test_bad_file_is_reported_and_the_rest_written(corpus, tmp_path):
    (corpus / "broken.txt").write_bytes(b"%PDF-1.4\x00\x01\x02\xff\xfe binary")
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, [str(corpus), "-o", str(out)])
    assert result.exit_code == 1
    assert "broken" in result.output
    assert {f["doc_id"] for f in read_facts(out)} == {"acme", "zh/xunfei"}


def test_missing_path_is_a_clear_error(tmp_path):
    result = runner.invoke(app, [str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_output_is_byte_identical_across_runs(corpus, tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    runner.invoke(app, [str(corpus), "-o", str(a), "-q"])
    runner.invoke(app, [str(corpus), "-o", str(b), "-q"])
    assert a.read_bytes() == b.read_bytes()


def test_schema_is_the_fact_model():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    for field in ("id", "doc_id", "kind", "modality", "subject", "metric", "value", "change",
                  "period", "horizon", "speaker", "object", "evidence", "rule"):
        assert field in schema["properties"]


def test_folder_named_like_a_subcommand(tmp_path, monkeypatch):
    folder = tmp_path / "schema"
    folder.mkdir()
    (folder / "a.txt").write_text(EN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["./schema", "-o", "out.jsonl", "-q"])
    assert result.exit_code == 0, result.output
    assert read_facts(tmp_path / "out.jsonl")


@pytest.mark.parametrize("command", [[], ["schema"], ["evaluate"], ["run"]])
def test_every_command_has_help(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_no_readable_article_leaves_the_old_output_untouched(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"\x00\x01binary\xff")
    out = tmp_path / "facts.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    result = runner.invoke(app, [str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
