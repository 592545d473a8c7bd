"""Tests for pipeline.corpus: folders, JSONL, encodings, sidecar metadata, doc ids, languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.corpus import (
    ReadProblem,
    decode_article_bytes,
    detect_language,
    iter_articles,
    normalize_language,
    resolve_language,
)
from pipeline.errors import ArticleReadError
from pipeline.models import Article

EN = "Xiaomi's revenue was 59.5 billion yuan, a year-on-year decrease of 18.9%."
ZH = "一季度，小米实现总收入595亿元，同比下降18.9%。"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_all(*paths: Path | str) -> tuple[list[Article], list[ReadProblem]]:
    items = list(iter_articles(list(paths)))
    articles = [item for item in items if isinstance(item, Article)]
    problems = [item for item in items if isinstance(item, ReadProblem)]
    assert len(articles) + len(problems) == len(items)
    return articles, problems


# --- folders and doc ids ------------------------------------------------------------------

def test_folder_is_read_recursively_sorted_with_relative_doc_ids(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", EN)
    write(tmp_path / "a.md", EN)
    write(tmp_path / "sub" / "deeper" / "c.txt", EN)
    write(tmp_path / "sub" / "a.txt", EN)
    write(tmp_path / "a.meta.json", "{}")
    write(tmp_path / "README.md", "# Corpus notes")
    write(tmp_path / "readme.txt", "notes")
    write(tmp_path / ".hidden.txt", EN)
    write(tmp_path / ".git" / "x.txt", EN)
    write(tmp_path / "notes.csv", "a,b")
    articles, problems = read_all(tmp_path)
    assert problems == []
    assert [a.doc_id for a in articles] == ["a", "b", "sub/a", "sub/deeper/c"]


def test_reading_is_deterministic(tmp_path: Path) -> None:
    for name in ("z.txt", "m/a.txt", "a.txt", "m/b.md"):
        write(tmp_path / name, EN)
    assert list(iter_articles([tmp_path])) == list(iter_articles([tmp_path]))


def test_single_file_doc_id_is_its_stem(tmp_path: Path) -> None:
    path = write(tmp_path / "deep" / "xiaomi-2023-q1.txt", EN)
    articles, problems = read_all(path)
    assert problems == []
    assert [(a.doc_id, a.text) for a in articles] == [("xiaomi-2023-q1", EN)]


PATH_PROBLEMS = [
    ("missing.txt", None, "no such file or directory"),
    ("notes.csv", "a,b", "unsupported file type"),
    ("empty-folder", "folder", "no .txt, .md or .jsonl files found"),
]


@pytest.mark.parametrize(("name", "content", "message"), PATH_PROBLEMS)
def test_path_problems(tmp_path: Path, name: str, content: str | None, message: str) -> None:
    path = tmp_path / name
    if content == "folder":
        path.mkdir()
    elif content is not None:
        write(path, content)
    articles, problems = read_all(path)
    assert articles == []
    assert problems == [ReadProblem(str(path), problems[0].message)]
    assert message in problems[0].message


# --- decoding -----------------------------------------------------------------------------

DECODE_CASES = [
    (EN.encode("utf-8"), EN),
    (ZH.encode("utf-8"), ZH),
    (b"\xef\xbb\xbf" + EN.encode("utf-8"), "\ufeff" + EN),
    (ZH.encode("utf-16"), ZH),
    (ZH.encode("gb18030"), ZH),
    (b"Bohu Finance\r\n", "Bohu Finance\r\n"),
]


@pytest.mark.parametrize(("data", "text"), DECODE_CASES)
def test_decoding(data: bytes, text: str) -> None:
    assert decode_article_bytes(data) == text


DECODE_PROBLEMS = [
    (b"", "empty file"),
    (b" \n\t\n", "empty file"),
    ("\u3000\n".encode(), "empty file (only whitespace)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("café crème brûlée".encode("latin-1"), "not UTF-8 text (invalid byte 0xe9 at byte 3)"),
]


@pytest.mark.parametrize(("data", "message"), DECODE_PROBLEMS)
def test_decoding_problems(data: bytes, message: str) -> None:
    with pytest.raises(ArticleReadError, match=message.replace("(", r"\(").replace(")", r"\)")):
        decode_article_bytes(data)


def test_bad_files_are_problems_and_the_rest_continue(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", EN)
    write(tmp_path / "b.txt", b"")
    write(tmp_path / "c.txt", b"\x00\x01binary")
    write(tmp_path / "d.txt", "caf\xe9".encode("latin-1"))
    write(tmp_path / "e.txt", ZH)
    articles, problems = read_all(tmp_path)
    assert [a.doc_id for a in articles] == ["a", "e"]
    assert [(Path(p.source).name, p.message.split(" (")[0]) for p in problems] == [
        ("b.txt", "empty file"),
        ("c.txt", "binary file"),
        ("d.txt", "not UTF-8 text"),
    ]


def test_unreadable_file_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "locked.txt", EN)
    real_read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    articles, problems = read_all(path)
    assert articles == []
    assert problems == [ReadProblem(str(path), "cannot read file: Permission denied")]


# --- sidecar metadata ---------------------------------------------------------------------

def test_sidecar_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "iflytek-2024-h1.txt", EN)
    write(tmp_path / "iflytek-2024-h1.meta.json", json.dumps({
        "title": "Large model", "published": "2024-08-23", "source": "Bohu Finance",
        "lang": "en", "url": "https://example.com/a", "note": "ignored",
    }))
    [article], problems = read_all(path)
    assert problems == []
    assert article == Article(doc_id="iflytek-2024-h1", text=EN, title="Large model",
                              published="2024-08-23", lang="en", url="https://example.com/a",
                              source="Bohu Finance")


def test_no_sidecar_detects_language(tmp_path: Path) -> None:
    write(tmp_path / "zh.md", ZH)
    [article], _ = read_all(tmp_path)
    assert (article.title, article.published, article.lang) == (None, None, "zh")


BROKEN_SIDECARS = [
    ("{not json", "broken metadata a.meta.json"),
    ("[1, 2]", "expected a JSON object"),
    ('{"published": "23/08/2024"}', "'published' must be an ISO date"),
    ('{"published": "2024-02-30"}', "'published' must be an ISO date"),
    ('{"title": 5}', "'title' must be a string"),
]


@pytest.mark.parametrize(("sidecar", "message"), BROKEN_SIDECARS)
def test_broken_sidecar_is_a_problem_for_that_article(
        tmp_path: Path, sidecar: str, message: str) -> None:
    write(tmp_path / "a.txt", EN)
    write(tmp_path / "a.meta.json", sidecar)
    write(tmp_path / "b.txt", EN)
    articles, problems = read_all(tmp_path)
    assert [a.doc_id for a in articles] == ["b"]
    assert len(problems) == 1 and problems[0].source == str(tmp_path / "a.txt")
    assert message in problems[0].message


# --- JSONL corpora ------------------------------------------------------------------------

def test_jsonl_corpus_with_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "x1", "text": EN, "title": "T", "published": "2023-05-24"}),
        "{broken",
        json.dumps({"id": "x2"}),
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "x3", "text": ZH, "lang": "zh-CN", "extra": 1}, ensure_ascii=False),
        json.dumps({"id": "x4", "text": "   "}),
        json.dumps({"text": EN}),
        json.dumps({"id": "x5", "text": EN, "published": "May 2023"}),
    ]
    path = write(tmp_path / "corpus.jsonl", "\n".join(lines) + "\n")
    articles, problems = read_all(path)
    assert [(a.doc_id, a.title, a.published, a.lang) for a in articles] == [
        ("x1", "T", "2023-05-24", "en"), ("x3", None, None, "zh")]
    assert [(p.source, p.message.split(":")[0]) for p in problems] == [
        (f"{path}:2", "invalid JSON"),
        (f"{path}:3", "record 'x2'"),
        (f"{path}:5", "expected a JSON object with 'id' and 'text'"),
        (f"{path}:7", "record 'x4'"),
        (f"{path}:8", "missing or empty 'id' (a string)"),
        (f"{path}:9", "record 'x5'"),
    ]


def test_jsonl_text_is_kept_exactly(tmp_path: Path) -> None:
    text = "  **Revenue** rose.\r\n\n"
    path = write(tmp_path / "c.jsonl", json.dumps({"id": 7, "text": text}))
    [article], problems = read_all(path)
    assert problems == [] and (article.doc_id, article.text) == ("7", text)


def test_jsonl_bad_encoding_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "text": EN}).encode()
    bad = b'{"id": "bad", "text": "caf\xe9"}'
    path = write(tmp_path / "c.jsonl", b"\xef\xbb\xbf" + good + b"\n" + bad + b"\n")
    articles, problems = read_all(path)
    assert [a.doc_id for a in articles] == ["ok"]
    assert problems == [ReadProblem(f"{path}:2", "not UTF-8 (invalid byte at column 27)")]


def test_empty_jsonl(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", "\n\n")
    assert read_all(path) == ([], [ReadProblem(str(path), "empty file")])


# --- duplicate ids ------------------------------------------------------------------------

def test_duplicate_doc_ids(tmp_path: Path) -> None:
    write(tmp_path / "a.md", EN)
    write(tmp_path / "a.txt", EN)
    write(tmp_path / "b.jsonl", "\n".join(json.dumps({"id": i, "text": EN})
                                           for i in ("a", "j", "j")))
    articles, problems = read_all(tmp_path)
    assert [a.doc_id for a in articles] == ["a", "j"]
    assert [(Path(p.source).name, p.message) for p in problems] == [
        ("a.txt", f"duplicate doc_id 'a' (already read from {tmp_path / 'a.md'})"),
        ("b.jsonl:1", f"duplicate doc_id 'a' (already read from {tmp_path / 'a.md'})"),
        ("b.jsonl:3", f"duplicate doc_id 'j' (already read from {tmp_path / 'b.jsonl'}:2)"),
    ]


def test_same_file_given_twice_is_a_duplicate(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", EN)
    articles, problems = read_all(tmp_path, path)
    assert len(articles) == 1
    assert [p.message for p in problems] == [f"duplicate doc_id 'a' (already read from {path})"]


# --- languages ----------------------------------------------------------------------------

LANGUAGE_CASES = [
    (EN, "en"),
    (ZH, "zh"),
    ("", "en"),
    ("12345 %%%", "en"),
    ("Xiaomi (小米) and iFLYTEK (科大讯飞) reported results for the first quarter of 2023.", "en"),
    ("讯飞星火V4.0正式发布，全面对标GPT-4 Turbo，在HumanEval、GPQA等测试中领先。", "zh"),
]


@pytest.mark.parametrize(("text", "lang"), LANGUAGE_CASES)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


NORMALIZE_CASES = [("zh-CN", "zh"), ("ZH_Hans", "zh"), ("Chinese", "zh"), ("en-US", "en"),
                   ("English", "en"), ("de", "de"), ("", None), ("  ", None), (None, None)]


@pytest.mark.parametrize(("code", "expected"), NORMALIZE_CASES)
def test_normalize_language(code: str | None, expected: str | None) -> None:
    assert normalize_language(code) == expected


RESOLVE_CASES = [
    (None, None, ZH, "zh"),
    (None, "en", ZH, "en"),
    ("zh", "en", EN, "zh"),
    ("", None, EN, "en"),
]


@pytest.mark.parametrize(("override", "meta_lang", "text", "expected"), RESOLVE_CASES)
def test_resolve_language(override: str | None, meta_lang: str | None, text: str,
                          expected: str) -> None:
    article = Article(doc_id="d", text=text, lang=meta_lang)
    assert resolve_language(article, override) == expected


def test_metadata_lang_wins_over_detection(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ZH)
    write(tmp_path / "a.meta.json", '{"lang": "en"}')
    [article], _ = read_all(path)
    assert article.lang == "en"
