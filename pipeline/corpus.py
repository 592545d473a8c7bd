"""Read articles from files, folders and JSONL corpora, with metadata, doc ids and languages.

A corpus is messy: one bad file must not stop the run. `iter_articles` yields an `Article` for
each good input and a `ReadProblem` for each bad one (the CLI reports it and goes on).

Decoding: strict UTF-8, so offsets refer to the text exactly as a plain UTF-8 decoder sees it; a
UTF-8 BOM is therefore kept as U+FEFF at offset 0 (segment() treats it as whitespace). Files
with a UTF-16 BOM are decoded as UTF-16 (the codec drops the BOM). Files that are not UTF-8 but
decode as GB18030 into mostly Chinese text are legacy Chinese files and are accepted.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipeline.errors import ArticleReadError
from pipeline.models import Article

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIX = ".jsonl"
META_SUFFIX = ".meta.json"
METADATA_KEYS = ("title", "published", "source", "lang", "url")

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_CJK_OR_PUNCT = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
                           r"\u2018-\u201d\u2026\u00b7\U00020000-\U0002ffff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# GB18030 decodes many byte strings; accept it only when the result is clearly Chinese.
_GB18030_MIN_CJK_SHARE = 0.7
_LANGUAGE_ALIASES = {"cn": "zh", "chinese": "zh", "zho": "zh", "chi": "zh",
                     "english": "en", "eng": "en"}


@dataclass(frozen=True)
class ReadProblem:
    """An input that could not be read as an article: where, and why, in one line."""

    source: str
    message: str


def iter_articles(paths: Sequence[str | Path]) -> Iterator[Article | ReadProblem]:
    """Yield the articles of files, folders (recursively, sorted) and JSONL corpora, in order."""
    seen: dict[str, str] = {}
    for given in paths:
        for source, item in _iter_path(Path(given)):
            if isinstance(item, Article):
                if item.doc_id in seen:
                    item = ReadProblem(source, f"duplicate doc_id {item.doc_id!r} "
                                               f"(already read from {seen[item.doc_id]})")
                else:
                    seen[item.doc_id] = source
            yield item


def read_text_article(path: str | Path, doc_id: str | None = None) -> Article:
    """Read one .txt/.md article and its sidecar metadata; raise ArticleReadError if unusable."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ArticleReadError(f"cannot read file: {err.strerror or err}") from err
    text = decode_article_bytes(data)
    metadata = read_sidecar(path)
    return _article(doc_id if doc_id is not None else path.stem, text, metadata)


def decode_article_bytes(data: bytes) -> str:
    """Decode a file's bytes as article text, or say clearly why it is not text."""
    if not data.strip():
        raise ArticleReadError("empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise ArticleReadError(f"invalid UTF-16 text: {err.reason}") from err
    elif b"\x00" in data:
        raise ArticleReadError("binary file (contains NUL bytes), not text")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            legacy = _decode_gb18030(data)
            if legacy is None:
                raise ArticleReadError(
                    f"not UTF-8 text (invalid byte 0x{data[err.start]:02x} at byte {err.start}) "
                    "and not GB18030 Chinese") from err
            text = legacy
    if not text.strip():
        raise ArticleReadError("empty file (only whitespace)")
    return text


def read_sidecar(path: str | Path) -> dict[str, str | None]:
    """Metadata from `<stem>.meta.json` beside an article; empty when there is none."""
    path = Path(path)
    sidecar = path.with_name(path.stem + META_SUFFIX)
    if not sidecar.is_file():
        return {}
    try:
        loaded = json.loads(sidecar.read_bytes().decode("utf-8-sig"))
    except OSError as err:
        raise ArticleReadError(f"cannot read metadata {sidecar.name}: {err.strerror}") from err
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ArticleReadError(f"broken metadata {sidecar.name}: {err}") from err
    if not isinstance(loaded, dict):
        raise ArticleReadError(f"broken metadata {sidecar.name}: expected a JSON object")
    try:
        return metadata_fields(loaded)
    except ValueError as err:
        raise ArticleReadError(f"broken metadata {sidecar.name}: {err}") from err


def metadata_fields(record: Mapping[str, object]) -> dict[str, str | None]:
    """The known metadata keys of a record, checked; other keys (e.g. `note`) are ignored."""
    fields: dict[str, str | None] = {}
    for key in METADATA_KEYS:
        value = record.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise ValueError(f"{key!r} must be a string, not {type(value).__name__}")
        fields[key] = value.strip()
    published = fields.get("published")
    if published is not None and not _is_iso_date(published):
        raise ValueError(f"'published' must be an ISO date YYYY-MM-DD, not {published!r}")
    return fields


def detect_language(text: str) -> str:
    """Say "zh" when CJK ideographs carry a substantial share of the words, else "en".

    A Chinese word is one to two ideographs, so a text is Chinese when it has at least as many
    ideographs as Latin words: Chinese full of English product names stays "zh", English with
    a few Chinese names in brackets stays "en".
    """
    ideographs = len(_CJK.findall(text))
    if ideographs == 0:
        return "en"
    return "zh" if ideographs >= len(_LATIN_WORD.findall(text)) else "en"


def normalize_language(code: str | None) -> str | None:
    """A language tag as a short code: "zh-CN" -> "zh", "English" -> "en"; None if blank."""
    if code is None or not code.strip():
        return None
    short = code.strip().lower().replace("_", "-").split("-")[0]
    return _LANGUAGE_ALIASES.get(short, short)


def resolve_language(article: Article, override: str | None) -> str:
    """The language to process an article in: the CLI override, else its metadata, else detected."""
    return (normalize_language(override) or normalize_language(article.lang)
            or detect_language(article.text))


def _is_iso_date(value: str) -> bool:
    if not _ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _decode_gb18030(data: bytes) -> str | None:
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    non_ascii = len(_NON_ASCII.findall(text))
    chinese = len(_CJK_OR_PUNCT.findall(text))
    return text if non_ascii and chinese >= _GB18030_MIN_CJK_SHARE * non_ascii else None


def _article(doc_id: str, text: str, metadata: Mapping[str, str | None]) -> Article:
    return Article(
        doc_id=doc_id,
        text=text,
        title=metadata.get("title"),
        published=metadata.get("published"),
        lang=normalize_language(metadata.get("lang")) or detect_language(text),
        url=metadata.get("url"),
        source=metadata.get("source"),
    )


def _iter_path(path: Path) -> Iterator[tuple[str, Article | ReadProblem]]:
    source = str(path)
    if path.is_dir():
        files = _article_files(path)
        if not files:
            yield source, ReadProblem(source, "no .txt, .md or .jsonl files found")
        for file in files:
            relative = file.relative_to(path)
            yield from _read_file(file, relative.with_suffix("").as_posix())
    elif path.is_file():
        yield from _read_file(path, path.stem)
    else:
        yield source, ReadProblem(source, "no such file or directory")


def _read_file(path: Path, doc_id: str) -> Iterator[tuple[str, Article | ReadProblem]]:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix == JSONL_SUFFIX:
        yield from _read_jsonl(path)
    elif suffix in TEXT_SUFFIXES:
        try:
            yield source, read_text_article(path, doc_id)
        except ArticleReadError as err:
            yield source, ReadProblem(source, str(err))
    else:
        yield source, ReadProblem(source, "unsupported file type (expected .txt, .md or .jsonl)")


def _article_files(root: Path) -> list[Path]:
    """Article files under a folder: sorted, hidden files and folders, READMEs and sidecars out."""
    found: list[Path] = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in names:
            lowered = name.lower()
            if (name.startswith(".") or lowered.startswith("readme")
                    or lowered.endswith(META_SUFFIX)):
                continue
            if lowered.endswith((*TEXT_SUFFIXES, JSONL_SUFFIX)):
                found.append(Path(folder, name))
    return sorted(found, key=lambda file: file.relative_to(root).parts)


def _read_jsonl(path: Path) -> Iterator[tuple[str, Article | ReadProblem]]:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        yield source, ReadProblem(source, f"cannot read file: {err.strerror or err}")
        return
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if not data.strip():
        yield source, ReadProblem(source, "empty file")
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield where, _jsonl_article(raw)
        except ArticleReadError as err:
            yield where, ReadProblem(where, str(err))


def _jsonl_article(raw: bytes) -> Article:
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise ArticleReadError(f"not UTF-8 (invalid byte at column {err.start + 1})") from err
    except json.JSONDecodeError as err:
        raise ArticleReadError(f"invalid JSON: {err.msg} (column {err.colno})") from err
    if not isinstance(record, dict):
        raise ArticleReadError("expected a JSON object with 'id' and 'text'")
    doc_id = record.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise ArticleReadError("missing or empty 'id' (a string)")
    text = record.get("text")
    if not isinstance(text, str):
        raise ArticleReadError(f"record {doc_id!r}: missing 'text' (a string)")
    if not text.strip():
        raise ArticleReadError(f"record {doc_id!r}: empty 'text'")
    try:
        metadata = metadata_fields(record)
    except ValueError as err:
        raise ArticleReadError(f"record {doc_id!r}: {err}") from err
    return _article(doc_id.strip(), text, metadata)
