"""Gold vs predicted facts, scored exactly as spec/FACTS.md "How extraction is scored" says.

Pairing, per article, one-to-one and greedy. A candidate pair needs the same `kind` and either
matching key quantities (the `value`, else the `change`: same unit, amount within 0.5% of the gold
amount, or within 1e-9 when gold is 0) or, for two facts without any quantity, overlapping
evidence. Candidates are then taken best agreement first, ordered by:

1. fully correct pairs (every annotated attribute agrees) before the others;
2. more agreeing annotated attributes;
3. larger evidence overlap (intersection over union of the two character spans);
4. closer key amounts (relative difference to the gold amount);
5. earlier gold line, then earlier predicted line (a deterministic tie-break).

Breakdowns: gold facts are counted under their gold label, predicted facts under their predicted
label. A pair always shares its kind, so it is a true positive for that kind; it is a true
positive for a modality only when gold and prediction give the same modality (otherwise it counts
as a miss of the gold modality and a false positive of the predicted one).

Empty denominators: with nothing to find and nothing found, precision and recall are 1.0; when
only one side is empty they are 0.0. Attribute accuracy with nothing scored is null.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pipeline.corpus import read_text_article, resolve_language
from pipeline.errors import AnnotationError, ArticleReadError, PipelineError
from pipeline.models import METRICS, Article, decimal_to_json_number

KINDS: tuple[str, ...] = ("financial_fact", "forward_looking")
MODALITIES: tuple[str, ...] = ("reported", "target", "plan", "forecast", "claim")
QUALIFIERS = frozenset(
    {"exact", "approx", "more_than", "at_least", "less_than", "at_most", "range"}
)
DIRECTIONS = frozenset({"up", "down", "flat"})
BASES = frozenset({"yoy", "qoq", "hoh", "mom", "vs_previous"})
SUBJECT_TYPES = frozenset({"company", "product", "market", "person", "organization", "other"})
ATTRIBUTES: tuple[str, ...] = (
    "subject.name", "metric", "period.label", "change", "modality", "horizon.label",
    "value.qualifier",
)
GOLD_FIELDS = frozenset(
    {"id", "doc_id", "kind", "modality", "subject", "metric", "metric_text", "segment", "value",
     "change", "period", "horizon", "speaker", "object", "evidence", "rule", "quote", "note",
     "comment"}
)
UNANNOTATED = "unannotated"

KEY_TOLERANCE = Decimal("0.005")
ZERO_TOLERANCE = Decimal("1e-9")
CHANGE_TOLERANCE = Decimal("0.01")
UNIT_RE = re.compile(r"^([A-Z]{3}|%|pp|count|x)$")
_LABEL_PART = r"\d{4}(-(H[12]|Q[1-4]|\d{2}(-\d{2})?))?"
LABEL_RE = re.compile(rf"^{_LABEL_PART}(/{_LABEL_PART})?$")
LATIN_SUFFIX_RE = re.compile(
    r"[\s,.]*\b(inc|ltd|limited|co|corp|corporation|company|group|holdings?|plc|llc)\.?$",
    re.IGNORECASE,
)
CJK_SUFFIXES: tuple[str, ...] = (
    "股份有限公司", "有限责任公司", "有限公司", "控股集团", "集团", "控股", "公司",
)


class MISSING:
    """Sentinel: the gold line leaves the field out, so it is not scored."""


class EvaluationInputError(PipelineError):
    """The predictions or the gold folder cannot be read (missing file, malformed line)."""


# ---------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True)
class Span:
    """Character offsets into the article text, with the text they cover."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Record:
    """A gold or predicted fact reduced to what pairing and scoring need."""

    doc_id: str
    line: int
    data: dict[str, Any]
    evidence: Span
    key: tuple[str, Decimal] | None

    @property
    def kind(self) -> str:
        """The fact's kind (required on both sides)."""
        return str(self.data["kind"])

    @property
    def modality(self) -> str:
        """The modality, or `unannotated` when a gold line leaves it out."""
        value = self.data.get("modality")
        return UNANNOTATED if value is None else str(value)

    def describe(self) -> str:
        """One-line summary for error listings: labels, metric and key quantity."""
        parts = [f"{self.kind}/{self.modality}"]
        subject = self.data.get("subject")
        if isinstance(subject, dict) and subject.get("name"):
            parts.append(str(subject["name"]))
        if self.data.get("metric"):
            parts.append(str(self.data["metric"]))
        parts.append(_describe_key(self))
        return " ".join(parts)


def _describe_key(record: Record) -> str:
    if record.key is None:
        return "(no quantity)"
    unit, amount = record.key
    quantity = record.data.get("value") or record.data.get("change") or {}
    text = quantity.get("text") if isinstance(quantity, dict) else None
    written = f" {json.dumps(text, ensure_ascii=False)}" if text else ""
    return f"{format(amount, 'f')} {unit}{written}"


def _as_decimal(number: Any) -> Decimal:
    if isinstance(number, bool) or not isinstance(number, int | float | Decimal):
        raise ValueError(f"amount {number!r} is not a number")
    return Decimal(str(number)) if isinstance(number, float) else Decimal(number)


def _key_of(data: dict[str, Any]) -> tuple[str, Decimal] | None:
    """The key quantity: the value, else the change; raises ValueError when it is malformed."""
    for name in ("value", "change"):
        quantity = data.get(name)
        if quantity is None:
            continue
        if not isinstance(quantity, dict) or "amount" not in quantity or "unit" not in quantity:
            raise ValueError(f"`{name}` needs `amount` and `unit`")
        return str(quantity["unit"]), _as_decimal(quantity["amount"])
    return None


def _parse_json_line(raw: str) -> dict[str, Any]:
    data = json.loads(raw, parse_float=Decimal)
    if not isinstance(data, dict):
        raise ValueError("line is not a JSON object")
    return data


def _json_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Non-blank lines with their 1-based numbers; bytes decoded strictly as UTF-8."""
    content = path.read_bytes().decode("utf-8-sig")
    for number, raw in enumerate(content.splitlines(), start=1):
        if raw.strip():
            yield number, raw


# ---------------------------------------------------------------------------------------------
# Corpus


def read_article(corpus_dir: Path, doc_id: str) -> Article:
    """The article as the extractor reads it, so gold and predicted offsets index one text."""
    for suffix in (".txt", ".md"):
        path = corpus_dir / f"{doc_id}{suffix}"
        if path.is_file():
            try:
                return read_text_article(path, doc_id)
            except ArticleReadError as err:
                raise AnnotationError(f"gold for '{doc_id}': article {path}: {err}") from err
    raise AnnotationError(f"gold for '{doc_id}' has no article {corpus_dir / doc_id}.txt or .md")


# ---------------------------------------------------------------------------------------------
# Gold


@dataclass
class GoldArticle:
    """One article's gold facts with the text and language they were checked against."""

    doc_id: str
    lang: str
    text: str
    facts: list[Record]


def gold_files(gold_dir: Path) -> list[Path]:
    """Top-level `*.jsonl` files only: `readings/` holds raw readings, not gold."""
    if not gold_dir.is_dir():
        raise EvaluationInputError(f"gold folder {gold_dir} not found")
    return sorted(path for path in gold_dir.glob("*.jsonl") if path.is_file())


def _quote_text(path: Path, line: int, data: dict[str, Any]) -> str | None:
    quote = data.get("quote")
    evidence = data.get("evidence")
    if quote is None and isinstance(evidence, dict) and "start" not in evidence:
        quote = evidence.get("text")
    if quote is None:
        return None
    if not isinstance(quote, str) or not quote:
        raise AnnotationError(f"{path}:{line}: `quote` must be a non-empty string")
    return quote


def _locate_quote(quote: str, text: str, cursor: int) -> int:
    """First occurrence at or after the previous line's quote, else the first; -1 if absent."""
    found = text.find(quote, cursor)
    return found if found >= 0 else text.find(quote)


def _gold_evidence(
    path: Path, line: int, data: dict[str, Any], text: str, cursor: int
) -> Span:
    doc_id = path.stem
    quote = _quote_text(path, line, data)
    if quote is not None:
        start = _locate_quote(quote, text, cursor)
        if start < 0:
            shown = json.dumps(quote, ensure_ascii=False)
            raise AnnotationError(
                f"{path}:{line}: quote not found in article '{doc_id}': {shown}"
            )
        return Span(start, start + len(quote), quote)
    evidence = data.get("evidence")
    if not isinstance(evidence, dict):
        raise AnnotationError(f"{path}:{line}: gold fact needs `quote` or `evidence`")
    start, end = evidence.get("start"), evidence.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or text[start:end] != evidence.get(
        "text"
    ):
        raise AnnotationError(
            f"{path}:{line}: evidence offsets {start}:{end} do not give its text in '{doc_id}'"
        )
    return Span(start, end, text[start:end])


def _place_value(path: Path, line: int, data: dict[str, Any], text: str, evidence: Span) -> None:
    """Check `value.text` lies in the quote and fill `value.start`/`end` when gold omits them."""
    value = data.get("value")
    if not isinstance(value, dict):
        return
    written = value.get("text")
    shown = json.dumps(written, ensure_ascii=False)
    if not isinstance(written, str) or not written:
        raise AnnotationError(f"{path}:{line}: `value.text` must be a non-empty string")
    start, end = value.get("start"), value.get("end")
    if isinstance(start, int) and isinstance(end, int):
        if text[start:end] != written or not (evidence.start <= start and end <= evidence.end):
            raise AnnotationError(
                f"{path}:{line}: value {shown} at {start}:{end} is not inside the quote "
                f"in '{path.stem}'"
            )
        return
    found = evidence.text.find(written)
    if found < 0:
        raise AnnotationError(
            f"{path}:{line}: value text {shown} is not inside the quote in '{path.stem}'"
        )
    value["start"] = evidence.start + found
    value["end"] = value["start"] + len(written)


def _gold_record(path: Path, line: int, raw: str, text: str, cursor: int) -> Record:
    doc_id = path.stem
    try:
        data = _parse_json_line(raw)
    except ValueError as err:
        raise AnnotationError(f"{path}:{line}: not a JSON object: {err}") from err
    if data.setdefault("doc_id", doc_id) != doc_id:
        raise AnnotationError(f"{path}:{line}: doc_id {data['doc_id']!r} is not {doc_id!r}")
    if not isinstance(data.get("kind"), str):
        raise AnnotationError(f"{path}:{line}: gold fact needs a `kind`")
    evidence = _gold_evidence(path, line, data, text, cursor)
    _place_value(path, line, data, text, evidence)
    try:
        key = _key_of(data)
    except ValueError as err:
        raise AnnotationError(f"{path}:{line}: {err}") from err
    return Record(doc_id, line, data, evidence, key)


def _gold_records(
    path: Path, text: str, on_error: Callable[[AnnotationError], None] | None = None
) -> list[Record]:
    """Read one gold file; errors raise, or go to `on_error` so validation can list them all."""
    records: list[Record] = []
    cursor = 0
    try:
        lines = list(_json_lines(path))
    except UnicodeDecodeError as err:
        raise AnnotationError(f"{path}: not UTF-8: {err}") from err
    for line, raw in lines:
        try:
            record = _gold_record(path, line, raw, text, cursor)
        except AnnotationError as err:
            if on_error is None:
                raise
            on_error(err)
            continue
        records.append(record)
        cursor = record.evidence.start
    return records


def load_gold_article(path: Path, corpus_dir: Path) -> GoldArticle:
    """Read one gold file against its article; the first problem raises AnnotationError."""
    article = read_article(corpus_dir, path.stem)
    lang = resolve_language(article, None)
    return GoldArticle(article.doc_id, lang, article.text, _gold_records(path, article.text))


def load_gold(gold_dir: Path, corpus_dir: Path) -> list[GoldArticle]:
    """Every gold article, sorted by doc_id."""
    return [load_gold_article(path, corpus_dir) for path in gold_files(gold_dir)]


def _vocabulary_problems(data: dict[str, Any]) -> Iterator[str]:
    """Vocabulary checks from spec/FACTS.md; fields left out are not checked."""
    for name in sorted(set(data) - GOLD_FIELDS):
        yield f"unknown field `{name}`"
    kind, modality = data.get("kind"), data.get("modality", MISSING)
    if kind not in KINDS:
        yield f"kind {kind!r} is not one of {', '.join(KINDS)}"
    if modality is not MISSING:
        if modality not in MODALITIES:
            yield f"modality {modality!r} is not one of {', '.join(MODALITIES)}"
        elif kind in KINDS and (modality == "reported") != (kind == "financial_fact"):
            yield f"modality {modality!r} does not fit kind {kind!r} (reported iff financial_fact)"
    metric = data.get("metric")
    if metric is not None and metric not in METRICS:
        yield f"metric {metric!r} is not in the vocabulary"
    yield from _quantity_problems("value", data.get("value"))
    yield from _quantity_problems("change", data.get("change"))
    yield from _party_problems(data)
    for name in ("period", "horizon"):
        ref = data.get(name)
        label = ref.get("label") if isinstance(ref, dict) else None
        if label is not None and not (isinstance(label, str) and LABEL_RE.match(label)):
            yield f"{name}.label {label!r} is not YYYY, YYYY-H1, YYYY-Q1, YYYY-MM(-DD) or A/B"


def _quantity_problems(name: str, quantity: Any) -> Iterator[str]:
    if quantity is None:
        return
    if not isinstance(quantity, dict):
        yield f"`{name}` must be an object or null"
        return
    unit = quantity.get("unit")
    if not (isinstance(unit, str) and UNIT_RE.match(unit)):
        yield f"{name}.unit {unit!r} is not an ISO 4217 code, %, pp, count or x"
    try:
        amount = _as_decimal(quantity.get("amount"))
    except ValueError as err:
        yield f"{name}.{err}"
    else:
        if name == "change" and amount < 0:
            yield "change.amount must be positive (the direction carries the sign)"
    if "qualifier" in quantity and quantity["qualifier"] not in QUALIFIERS:
        yield f"{name}.qualifier {quantity['qualifier']!r} is not in the vocabulary"
    if name == "change":
        if quantity.get("direction") not in DIRECTIONS:
            yield f"change.direction {quantity.get('direction')!r} is not up, down or flat"
        if quantity.get("basis") is not None and quantity.get("basis") not in BASES:
            yield f"change.basis {quantity.get('basis')!r} is not in the vocabulary"


def _party_problems(data: dict[str, Any]) -> Iterator[str]:
    for name in ("subject", "speaker", "object"):
        party = data.get(name)
        if party is None:
            continue
        if not isinstance(party, dict):
            yield f"`{name}` must be an object or null"
        elif "type" in party and party["type"] not in SUBJECT_TYPES:
            yield f"{name}.type {party['type']!r} is not in the vocabulary"


def validate_gold(gold_dir: Path, corpus_dir: Path) -> list[str]:
    """Every problem of every gold file as `file:line: message`, for a test that they all pass."""
    problems: list[str] = []
    for path in gold_files(gold_dir):
        try:
            text = read_article(corpus_dir, path.stem).text
            records = _gold_records(path, text, on_error=lambda err: problems.append(str(err)))
        except AnnotationError as err:
            problems.append(str(err))
            continue
        for record in records:
            problems.extend(
                f"{path}:{record.line}: {problem}" for problem in _vocabulary_problems(record.data)
            )
    return problems


# ---------------------------------------------------------------------------------------------
# Predictions


def load_predictions(pred_path: Path) -> dict[str, list[Record]]:
    """Predicted facts grouped by doc_id, in file order; `line` is the 1-based file line."""
    if not pred_path.is_file():
        raise EvaluationInputError(f"predictions file {pred_path} not found")
    by_doc: dict[str, list[Record]] = {}
    try:
        lines = list(_json_lines(pred_path))
    except UnicodeDecodeError as err:
        raise EvaluationInputError(f"{pred_path}: not UTF-8: {err}") from err
    for line, raw in lines:
        try:
            record = _predicted_record(line, raw)
        except (ValueError, KeyError, TypeError) as err:
            raise EvaluationInputError(f"{pred_path}:{line}: {err}") from err
        by_doc.setdefault(record.doc_id, []).append(record)
    return by_doc


def _predicted_record(line: int, raw: str) -> Record:
    return record_from_dict(_parse_json_line(raw), line)


def record_from_dict(data: dict[str, Any], line: int) -> Record:
    """A predicted fact (evidence with offsets) as a Record; ValueError when unusable."""
    doc_id, kind, evidence = data.get("doc_id"), data.get("kind"), data.get("evidence")
    if not isinstance(doc_id, str) or not isinstance(kind, str):
        raise ValueError("a fact needs string `doc_id` and `kind`")
    if not isinstance(evidence, dict):
        raise ValueError("a fact needs an `evidence` object")
    start, end = evidence.get("start"), evidence.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        raise ValueError("`evidence` needs integer `start` and `end`")
    span = Span(start, end, str(evidence.get("text", "")))
    return Record(doc_id, line, data, span, _key_of(data))


# ---------------------------------------------------------------------------------------------
# Attributes


def normalize_name(name: str) -> str:
    """Casefolded name without corporate suffixes: "Xiaomi Group" and "xiaomi" agree."""
    current = name.strip().casefold()
    while True:
        stripped = LATIN_SUFFIX_RE.sub("", current).strip(" ,.")
        for suffix in CJK_SUFFIXES:
            if stripped.endswith(suffix):
                stripped = stripped[: -len(suffix)].strip()
                break
        if not stripped or stripped == current:
            return current
        current = stripped


def _field(data: dict[str, Any], path: str, default: Any) -> Any:
    """Dotted lookup; a null parent gives None, a left-out field gives `default`."""
    current: Any = data
    for part in path.split("."):
        if current is None:
            return None
        if not isinstance(current, dict) or part not in current:
            return default
        current = current[part]
    return current


def _predicted_field(data: dict[str, Any], attribute: str) -> Any:
    if attribute == "value.qualifier" and isinstance(data.get("value"), dict):
        return data["value"].get("qualifier", "exact")
    return _field(data, attribute, None)


def _changes_agree(gold: Any, predicted: Any) -> bool:
    """Amount within 0.01, same direction and basis; only the sub-fields gold annotates."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if not isinstance(gold, dict) or not isinstance(predicted, dict):
        return False
    if "amount" in gold:
        try:
            difference = abs(_as_decimal(predicted.get("amount")) - _as_decimal(gold["amount"]))
        except ValueError:
            return False
        if difference > CHANGE_TOLERANCE:
            return False
    return all(
        predicted.get(name) == gold[name] for name in ("direction", "basis") if name in gold
    )


NameFolder = Callable[[str], str]


def _attribute_agrees(attribute: str, gold: Any, predicted: Any,
                      fold: NameFolder | None = None) -> bool:
    if attribute == "change":
        return _changes_agree(gold, predicted)
    if attribute == "subject.name" and isinstance(gold, str) and isinstance(predicted, str):
        if normalize_name(gold) == normalize_name(predicted):
            return True
        return fold is not None and fold(gold) == fold(predicted)
    if attribute in ("period.label", "horizon.label") and isinstance(gold, str) \
            and isinstance(predicted, str) and gold != predicted:
        return same_span(gold, predicted)
    return gold == predicted


def same_span(a: str, b: str) -> bool:
    """Two labels of one span of days: "2024-Q1/2024-Q3" and "2024-01/2024-09" agree."""
    from pipeline.periods import label_bounds

    def span(label: str) -> tuple[date, date] | None:
        parts = [label_bounds(part) for part in label.split("/")]
        if not parts or any(p is None for p in parts) or len(parts) > 2:
            return None
        return parts[0][0], parts[-1][1]

    bounds = span(a)
    return bounds is not None and bounds == span(b)


def attribute_verdicts(gold: Record, predicted: Record,
                       fold: NameFolder | None = None) -> dict[str, bool]:
    """Agreement of each attribute the gold line annotates (left-out fields are skipped).

    `fold` maps a subject name to its entity (see `alias_folder`); without it names must agree
    as the spec says: case-insensitive, corporate suffixes ignored.
    """
    verdicts: dict[str, bool] = {}
    for attribute in ATTRIBUTES:
        gold_value = _field(gold.data, attribute, MISSING)
        if gold_value is MISSING:
            continue
        predicted_value = _predicted_field(predicted.data, attribute)
        verdicts[attribute] = _attribute_agrees(attribute, gold_value, predicted_value, fold)
    return verdicts


def alias_folder() -> NameFolder:
    """Name -> canonical gazetteer name, through the aliases of both languages.

    For a diagnostic score only: two readers may write the same company as "Mindray" or
    "Mindray Medical"; the gazetteer says whether those are one entity.
    """
    from pipeline.lexicon import LANGUAGES, load_lexicon

    table: dict[str, str] = {}
    for lang in LANGUAGES:
        for row in load_lexicon(lang).subjects:
            for name in (row.name, *row.aliases):
                table.setdefault(normalize_name(name), normalize_name(row.name))

    def fold(name: str) -> str:
        key = normalize_name(name)
        return table.get(key, key)

    return fold


# ---------------------------------------------------------------------------------------------
# Pairing


@dataclass(frozen=True)
class Pair:
    """A gold fact and the predicted fact paired with it, with per-attribute agreement."""

    gold: Record
    predicted: Record
    verdicts: dict[str, bool]

    @property
    def fully_correct(self) -> bool:
        """Paired and every annotated attribute agrees."""
        return all(self.verdicts.values())


def amounts_agree(gold: Decimal, predicted: Decimal) -> bool:
    """Within 0.5% of the gold amount (inclusive), or within 1e-9 when gold is 0."""
    if gold == 0:
        return abs(predicted) <= ZERO_TOLERANCE
    return abs(predicted - gold) <= KEY_TOLERANCE * abs(gold)


def _overlap(first: Span, second: Span) -> int:
    return max(0, min(first.end, second.end) - max(first.start, second.start))


def _evidence_iou(first: Span, second: Span) -> float:
    union = max(first.end, second.end) - min(first.start, second.start)
    return _overlap(first, second) / union if union > 0 else 0.0


def can_pair(gold: Record, predicted: Record) -> bool:
    """The pairing condition of spec/FACTS.md, before agreement decides among candidates."""
    if gold.kind != predicted.kind:
        return False
    if gold.key is None or predicted.key is None:
        both_bare = gold.key is None and predicted.key is None
        return both_bare and _overlap(gold.evidence, predicted.evidence) > 0
    (gold_unit, gold_amount), (predicted_unit, predicted_amount) = gold.key, predicted.key
    return gold_unit == predicted_unit and amounts_agree(gold_amount, predicted_amount)


def _closeness(gold: Record, predicted: Record) -> Decimal:
    if gold.key is None or predicted.key is None:
        return Decimal(0)
    gold_amount, predicted_amount = gold.key[1], predicted.key[1]
    difference = abs(predicted_amount - gold_amount)
    return difference / abs(gold_amount) if gold_amount else difference


def _candidate_order(pair: Pair) -> tuple[Any, ...]:
    """Sort key, best first; see the module docstring for the order."""
    agreeing = sum(pair.verdicts.values())
    return (
        not pair.fully_correct,
        -agreeing,
        -_evidence_iou(pair.gold.evidence, pair.predicted.evidence),
        _closeness(pair.gold, pair.predicted),
        pair.gold.line,
        pair.predicted.line,
    )


def pair_facts(gold: list[Record], predicted: list[Record],
               fold: NameFolder | None = None) -> list[Pair]:
    """One-to-one greedy pairing of one article's facts, best agreement first."""
    candidates = [
        Pair(g, p, attribute_verdicts(g, p, fold)) for g in gold for p in predicted
        if can_pair(g, p)
    ]
    candidates.sort(key=_candidate_order)
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: list[Pair] = []
    for pair in candidates:
        if id(pair.gold) in used_gold or id(pair.predicted) in used_predicted:
            continue
        used_gold.add(id(pair.gold))
        used_predicted.add(id(pair.predicted))
        pairs.append(pair)
    pairs.sort(key=lambda pair: pair.gold.line)
    return pairs


# ---------------------------------------------------------------------------------------------
# Scores


def _ratio(hits: int, total: int, other_total: int) -> float:
    """hits/total; an empty total scores 1.0 only when the other side is empty too."""
    if total:
        return hits / total
    return 1.0 if other_total == 0 else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Tally:
    """Counts of one slice (overall, a kind, a modality, a language, an article)."""

    gold: int = 0
    predicted: int = 0
    paired: int = 0
    fully_correct: int = 0

    def add(self, other: Tally) -> None:
        """Accumulate another slice's counts."""
        self.gold += other.gold
        self.predicted += other.predicted
        self.paired += other.paired
        self.fully_correct += other.fully_correct

    @property
    def precision(self) -> float:
        """Paired predictions over all predictions."""
        return _ratio(self.paired, self.predicted, self.gold)

    @property
    def recall(self) -> float:
        """Paired gold facts over all gold facts."""
        return _ratio(self.paired, self.gold, self.predicted)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return _f1(self.precision, self.recall)

    @property
    def strict_precision(self) -> float:
        """Fully correct predictions over all predictions."""
        return _ratio(self.fully_correct, self.predicted, self.gold)

    @property
    def strict_recall(self) -> float:
        """Fully correct predictions over all gold facts."""
        return _ratio(self.fully_correct, self.gold, self.predicted)

    @property
    def strict_f1(self) -> float:
        """F1 counting only fully correct facts."""
        return _f1(self.strict_precision, self.strict_recall)

    def to_dict(self) -> dict[str, Any]:
        """Scores first, then counts; floats rounded to 4 places for stable diffs."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "strict_f1": round(self.strict_f1, 4),
            "strict_precision": round(self.strict_precision, 4),
            "strict_recall": round(self.strict_recall, 4),
            "gold": self.gold,
            "predicted": self.predicted,
            "paired": self.paired,
            "fully_correct": self.fully_correct,
        }


@dataclass
class AttributeTally:
    """Agreement of one attribute over the pairs whose gold annotates it."""

    scored: int = 0
    correct: int = 0

    @property
    def accuracy(self) -> float | None:
        """Correct over scored; None when no pair annotates the attribute."""
        return self.correct / self.scored if self.scored else None

    def to_dict(self) -> dict[str, Any]:
        """Counts and accuracy (null when nothing was scored)."""
        accuracy = self.accuracy
        return {
            "scored": self.scored,
            "correct": self.correct,
            "accuracy": None if accuracy is None else round(accuracy, 4),
        }


@dataclass
class ArticleResult:
    """One gold article: its facts, the predictions for it and how they paired."""

    doc_id: str
    lang: str
    gold: list[Record]
    predicted: list[Record]
    pairs: list[Pair]

    @property
    def tally(self) -> Tally:
        """Counts of this article."""
        return Tally(
            len(self.gold), len(self.predicted), len(self.pairs),
            sum(pair.fully_correct for pair in self.pairs),
        )

    @property
    def missed(self) -> list[Record]:
        """Gold facts no prediction paired with."""
        paired = {id(pair.gold) for pair in self.pairs}
        return [record for record in self.gold if id(record) not in paired]

    @property
    def false_positives(self) -> list[Record]:
        """Predictions that paired with no gold fact."""
        paired = {id(pair.predicted) for pair in self.pairs}
        return [record for record in self.predicted if id(record) not in paired]


def _label_tallies(
    articles: list[ArticleResult],
    labels: tuple[str, ...],
    label_of: Callable[[Record], str],
) -> dict[str, Tally]:
    """Gold counted by gold label, predictions by predicted label, pairs only when both agree."""
    tallies = {label: Tally() for label in labels}
    for article in articles:
        for record in article.gold:
            tallies.setdefault(label_of(record), Tally()).gold += 1
        for record in article.predicted:
            tallies.setdefault(label_of(record), Tally()).predicted += 1
        for pair in article.pairs:
            label = label_of(pair.gold)
            if label == label_of(pair.predicted):
                tallies[label].paired += 1
                tallies[label].fully_correct += pair.fully_correct
    return tallies


@dataclass
class EvaluationResult:
    """Everything the evaluation found; `to_json()` for machines, `format_*()` for people."""

    articles: list[ArticleResult]
    ignored_predictions: int = 0
    ignored_docs: list[str] = field(default_factory=list)

    @property
    def overall(self) -> Tally:
        """Counts summed over all gold articles."""
        total = Tally()
        for article in self.articles:
            total.add(article.tally)
        return total

    @property
    def precision(self) -> float:
        """Overall detection precision."""
        return self.overall.precision

    @property
    def recall(self) -> float:
        """Overall detection recall."""
        return self.overall.recall

    @property
    def f1(self) -> float:
        """Overall detection F1 (what `--min-f1` gates)."""
        return self.overall.f1

    @property
    def strict_f1(self) -> float:
        """Overall F1 of fully correct facts (what `--min-strict-f1` gates)."""
        return self.overall.strict_f1

    @property
    def by_kind(self) -> dict[str, Tally]:
        """Tallies per kind."""
        return _label_tallies(self.articles, KINDS, lambda record: record.kind)

    @property
    def by_modality(self) -> dict[str, Tally]:
        """Tallies per modality; a pair counts only when both modalities agree."""
        return _label_tallies(self.articles, MODALITIES, lambda record: record.modality)

    @property
    def by_language(self) -> dict[str, Tally]:
        """Tallies per article language."""
        tallies: dict[str, Tally] = {}
        for article in self.articles:
            tallies.setdefault(article.lang, Tally()).add(article.tally)
        return dict(sorted(tallies.items()))

    @property
    def attributes(self) -> dict[str, AttributeTally]:
        """Accuracy of each attribute over the pairs."""
        tallies = {attribute: AttributeTally() for attribute in ATTRIBUTES}
        for article in self.articles:
            for pair in article.pairs:
                for attribute, agrees in pair.verdicts.items():
                    tallies[attribute].scored += 1
                    tallies[attribute].correct += agrees
        return tallies

    def to_dict(self) -> dict[str, Any]:
        """The JSON layout: overall scores first, then counts and breakdowns."""
        overall = self.overall
        scores = overall.to_dict()
        return {
            **{name: scores[name] for name in (
                "precision", "recall", "f1", "strict_f1", "strict_precision", "strict_recall",
            )},
            "counts": {
                "articles": len(self.articles),
                "gold": overall.gold,
                "predicted": overall.predicted,
                "paired": overall.paired,
                "fully_correct": overall.fully_correct,
                "missed": overall.gold - overall.paired,
                "false_positives": overall.predicted - overall.paired,
                "ignored_predictions": self.ignored_predictions,
                "ignored_docs": self.ignored_docs,
            },
            "by_kind": {label: tally.to_dict() for label, tally in self.by_kind.items()},
            "by_modality": {label: tally.to_dict() for label, tally in self.by_modality.items()},
            "by_language": {label: tally.to_dict() for label, tally in self.by_language.items()},
            "attributes": {name: tally.to_dict() for name, tally in self.attributes.items()},
            "articles": {
                article.doc_id: {"lang": article.lang, **article.tally.to_dict()}
                for article in self.articles
            },
        }

    def to_json(self) -> str:
        """Indented JSON with readable Chinese, ending in a newline."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def format_table(self) -> str:
        """Aligned plain-text summary: overall, kinds, modalities, languages, attributes, docs."""
        return format_table(self)

    def format_errors(self) -> str:
        """Every miss, false positive and attribute disagreement, grouped by article."""
        return format_errors(self)


def evaluate_articles(
    gold_articles: list[GoldArticle], predictions: dict[str, list[Record]],
    fold: NameFolder | None = None,
) -> EvaluationResult:
    """Pair and score each gold article; predictions for docs without gold are only counted."""
    articles = []
    for gold in gold_articles:
        predicted = predictions.get(gold.doc_id, [])
        articles.append(
            ArticleResult(gold.doc_id, gold.lang, gold.facts, predicted,
                          pair_facts(gold.facts, predicted, fold))
        )
    gold_ids = {gold.doc_id for gold in gold_articles}
    ignored = sorted(doc_id for doc_id in predictions if doc_id not in gold_ids)
    return EvaluationResult(
        articles=articles,
        ignored_predictions=sum(len(predictions[doc_id]) for doc_id in ignored),
        ignored_docs=ignored,
    )


def evaluate(gold_dir: Path, pred_path: Path, corpus_dir: Path,
             fold_aliases: bool = False) -> EvaluationResult:
    """Score the predictions file against every top-level gold file."""
    gold_articles = load_gold(gold_dir, corpus_dir)
    if not gold_articles:
        raise EvaluationInputError(f"no gold files (*.jsonl) in {gold_dir}")
    fold = alias_folder() if fold_aliases else None
    return evaluate_articles(gold_articles, load_predictions(pred_path), fold)


# ---------------------------------------------------------------------------------------------
# Human-readable output


def _score(number: float | None) -> str:
    return "-" if number is None else f"{number:.3f}"


def _render(headers: list[str], rows: Iterable[list[str]]) -> list[str]:
    """Left-align the first column and right-align the rest."""
    table = [headers, *rows]
    widths = [max(len(row[column]) for row in table) for column in range(len(headers))]
    return [
        "  ".join(
            cell.ljust(width) if column == 0 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in table
    ]


SCORE_HEADERS = ["", "gold", "pred", "paired", "correct", "P", "R", "F1", "strict P",
                 "strict R", "strict F1"]


def _score_row(label: str, tally: Tally) -> list[str]:
    """Counts and scores; an empty slice shows "-" rather than a vacuous 1.000."""
    counts = [str(tally.gold), str(tally.predicted), str(tally.paired), str(tally.fully_correct)]
    scores = [tally.precision, tally.recall, tally.f1, tally.strict_precision,
              tally.strict_recall, tally.strict_f1]
    empty = tally.gold == 0 and tally.predicted == 0
    return [label, *counts, *(_score(None if empty else score) for score in scores)]


def format_table(result: EvaluationResult) -> str:
    """The summary tables a developer reads after each run."""
    rows = [_score_row("overall", result.overall)]
    rows += [_score_row(f"kind {label}", tally) for label, tally in result.by_kind.items()]
    rows += [_score_row(f"modality {label}", tally) for label, tally in result.by_modality.items()]
    rows += [_score_row(f"lang {label}", tally) for label, tally in result.by_language.items()]
    lines = [_summary_line(result), "", *_render(SCORE_HEADERS, rows), ""]
    attribute_rows = [
        [name, str(tally.scored), str(tally.correct), _score(tally.accuracy)]
        for name, tally in result.attributes.items()
    ]
    lines += _render(["attribute", "scored", "correct", "accuracy"], attribute_rows)
    article_rows = [
        _score_row(f"{article.doc_id} ({article.lang})", article.tally)
        for article in result.articles
    ]
    lines += ["", *_render(["article", *SCORE_HEADERS[1:]], article_rows)]
    return "\n".join(lines) + "\n"


def _summary_line(result: EvaluationResult) -> str:
    overall = result.overall
    line = (
        f"articles with gold: {len(result.articles)}; gold facts: {overall.gold}; "
        f"predicted: {overall.predicted}; paired: {overall.paired}; "
        f"fully correct: {overall.fully_correct}"
    )
    if result.ignored_predictions:
        line += (
            f"; ignored: {result.ignored_predictions} predicted facts of articles without gold "
            f"({len(result.ignored_docs)})"
        )
    return line


def _sentence(record: Record) -> str:
    return "    sentence: " + json.dumps(record.evidence.text, ensure_ascii=False)


def _shown(attribute: str, value: Any) -> str:
    """An attribute as scored: a change shows only amount, unit, direction and basis."""
    if attribute == "change" and isinstance(value, dict):
        value = {name: value.get(name) for name in ("amount", "unit", "direction", "basis")}
    return json.dumps(value, ensure_ascii=False, default=decimal_to_json_number)


def _disagreement_lines(pair: Pair) -> list[str]:
    wrong = [name for name, agrees in pair.verdicts.items() if not agrees]
    if not wrong:
        return []
    lines = [
        f"  DISAGREE gold line {pair.gold.line} ~ pred line {pair.predicted.line}: "
        f"{pair.gold.describe()}"
    ]
    for name in wrong:
        gold_value = _field(pair.gold.data, name, None)
        predicted_value = _predicted_field(pair.predicted.data, name)
        lines.append(
            f"    {name}: gold {_shown(name, gold_value)} vs pred {_shown(name, predicted_value)}"
        )
    lines.append(_sentence(pair.gold))
    return lines


def _article_errors(article: ArticleResult) -> list[str]:
    missed, false_positives = article.missed, article.false_positives
    disagreements = [pair for pair in article.pairs if not pair.fully_correct]
    if not (missed or false_positives or disagreements):
        return []
    lines = [
        f"== {article.doc_id} ({article.lang}): {len(missed)} missed, "
        f"{len(false_positives)} false positive(s), {len(disagreements)} pair(s) with "
        "attribute disagreements"
    ]
    for record in missed:
        lines += [f"  MISSED gold line {record.line}: {record.describe()}", _sentence(record)]
    for record in false_positives:
        rule = record.data.get("rule")
        origin = f" rule {rule}" if rule else ""
        lines += [
            f"  FALSE POSITIVE pred line {record.line}{origin}: {record.describe()}",
            _sentence(record),
        ]
    for pair in disagreements:
        lines += _disagreement_lines(pair)
    return lines


def format_errors(result: EvaluationResult) -> str:
    """What to fix, article by article; empty articles are left out."""
    lines: list[str] = []
    for article in result.articles:
        block = _article_errors(article)
        if block:
            lines += [*block, ""]
    if result.ignored_docs:
        lines.append(f"predictions ignored (no gold): {', '.join(result.ignored_docs)}")
    return "\n".join(lines).rstrip("\n") + "\n" if lines else "no errors\n"
