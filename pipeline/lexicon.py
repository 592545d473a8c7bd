"""The one loader of rule data: `resources/<lang>/*.jsonl`, validated row by row.

Language knowledge (company aliases, metric words, cue phrases) lives in data files so that a new
language or a new company is a data change, not a code change. Every row is checked by a pydantic
model with `extra="forbid"`, ids must be unique per file, and errors name `file:line`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from pipeline.errors import RuleFileError
from pipeline.models import METRICS, SubjectType

LANGUAGES = ("en", "zh")


class Row(BaseModel):
    """Base of every rule row: unknown keys are typos, and typos must fail loudly."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @property
    def key(self) -> str:
        """The id that must be unique within a file."""
        return getattr(self, "id", None) or getattr(self, "name")


class WithSurfaces(Row):
    """A row that lists the words it matches."""

    surfaces: tuple[str, ...]

    @field_validator("surfaces")
    @classmethod
    def _non_empty(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value or any(not s.strip() for s in value):
            raise ValueError("surfaces must be a non-empty list of non-blank strings")
        return value


class MetricDef(Row):
    """One metric id of the shared vocabulary."""

    id: str
    group: str
    counted: str | None = None
    count_metric: str | None = None
    subject_type: str | None = None
    subject_template: str | None = None
    # a level at a moment (a price, a headcount, a download total), not a flow over the
    # article's report period: such a figure takes a period only from its own sentence
    point_in_time: bool = False
    # a figure about one product (a price): the product named near it is the subject
    product_level: bool = False


class SubjectRow(Row):
    """A company, product, organisation or person with its aliases."""

    name: str
    type: SubjectType
    # a business unit reports as its parent ("Alibaba Cloud" -> Alibaba, CONVENTIONS.md);
    # it still speaks and sets prices under its own name
    parent: str | None = None
    # a listed subsidiary (Youdao) reports as its parent only in the parent's own article
    listed: bool = False
    aliases: tuple[str, ...]


class MetricRow(WithSurfaces):
    """Words that name a metric (and whether they mean a loss)."""

    id: str
    metric: str
    sign: Literal[1, -1] = 1
    modifier: bool = False
    # a verb ("spend") names the metric only when no noun right after the figure does
    # ("spend 10 billion yuan on capital expenditure")
    verb: bool = False
    direction: Literal["up", "down"] | None = None
    # an indicator of the whole economy (GDP, retail sales, CPI): its subject is "<region> economy"
    economy: bool = False

    @field_validator("metric")
    @classmethod
    def _known_metric(cls, value: str) -> str:
        if value not in METRICS:
            raise ValueError(f"metric {value!r} is not in the FACTS.md vocabulary")
        return value


class SegmentRow(WithSurfaces):
    """A business line or product category."""

    name: str
    product: bool = False


class RegionRow(WithSurfaces):
    """A region, for market subjects and economies."""

    name: str
    initial: str | None = None  # what a shortened list writes for it: 东 in 东、中、西部地区


class ChangeRow(WithSurfaces):
    """A change cue: direction, basis, or from/to."""

    id: str
    role: Literal["up", "down", "flat", "yoy", "qoq", "hoh", "mom", "to", "from", "vs",
                  "not_change"]


class PeriodRow(WithSurfaces):
    """A period word and how it resolves."""

    id: str
    type: Literal[
        "half", "quarter", "quarters_to", "year_part", "relative_year",
        "same_period_last_year", "next_n_years", "deadline", "month", "year_edge", "now",
        "months_to", "year_edge_quarter", "quarter_ended", "cumulative",
        "fiscal", "weekday", "latest_quarter", "previous_quarter", "report_end",
    ]
    index: int | None = None
    offset: int | None = None


class ModalityRow(WithSurfaces):
    """A modality or speaker cue."""

    id: str
    category: Literal[
        "target", "plan", "forecast", "claim", "speaker_before", "speaker_after", "future", "past",
        "terminate", "outsider", "not_cue",
    ]


class NameStopRow(WithSurfaces):
    """Capitalised words that are never company names ("The", "CEO", "AI")."""

    id: str


R = TypeVar("R", bound=Row)


def read_rows(package: str, filename: str, model: type[R]) -> tuple[R, ...]:
    """Read and validate one JSONL rule file shipped in the package."""
    where = f"{package.replace('.', '/')}/{filename}"
    try:
        text = resources.files(package).joinpath(filename).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RuleFileError(f"{where}: rule file is missing") from exc
    return parse_rows(text, where, model)


def parse_rows(text: str, where: str, model: type[R]) -> tuple[R, ...]:
    """Validate rows of a rule file; the error names the file and line."""
    rows: list[R] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            row = model.model_validate(json.loads(line))
        except json.JSONDecodeError as exc:
            raise RuleFileError(f"{where}:{number}: not valid JSON ({exc.msg})") from exc
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "row"
            raise RuleFileError(f"{where}:{number}: {field}: {first['msg']}") from exc
        if row.key in seen:
            raise RuleFileError(f"{where}:{number}: duplicate id {row.key!r}")
        seen.add(row.key)
        rows.append(row)
    return tuple(rows)


@dataclass(frozen=True)
class Lexicon:
    """Every rule table of one language."""

    lang: str
    metric_defs: tuple[MetricDef, ...]
    subjects: tuple[SubjectRow, ...]
    metrics: tuple[MetricRow, ...]
    segments: tuple[SegmentRow, ...]
    regions: tuple[RegionRow, ...]
    changes: tuple[ChangeRow, ...]
    periods: tuple[PeriodRow, ...]
    modality: tuple[ModalityRow, ...]

    @cached_property
    def subject_rows(self) -> dict[str, SubjectRow]:
        """Gazetteer rows by canonical name (the first of each): looked up once per fact."""
        table: dict[str, SubjectRow] = {}
        for row in self.subjects:
            table.setdefault(row.name, row)
        return table

    def parent_of(self, name: str, main: str | None = None) -> str | None:
        """The parent company a business unit's figures belong to.

        A listed subsidiary belongs to its parent only in an article about the parent (`main`).
        """
        row = self.subject_rows.get(name)
        if row is None or row.parent is None or (row.listed and row.parent != main):
            return None
        return row.parent

    @cached_property
    def metric_rows(self) -> dict[str, MetricRow]:
        """Metric cue rows by id: the pickers look one up per cue, many times per sentence."""
        return {row.id: row for row in self.metrics}

    @cached_property
    def directed_metrics(self) -> dict[str, str]:
        """Direction of the metric rows that carry one ("losses narrowed": down)."""
        return {row.id: row.direction for row in self.metrics if row.direction}

    @cached_property
    def _defs_by_id(self) -> dict[str, MetricDef]:
        """The first definition of each metric id (what a scan in file order would find)."""
        table: dict[str, MetricDef] = {}
        for m in self.metric_defs:
            table.setdefault(m.id, m)
        return table

    def metric_def(self, metric: str | None) -> MetricDef | None:
        """The common definition of a metric id (group, defaults), or None."""
        return self._defs_by_id.get(metric) if metric is not None else None

    @cached_property
    def _count_metrics(self) -> dict[str, str]:
        """The first count metric given for each metric id (what a scan in file order finds)."""
        table: dict[str, str] = {}
        for m in self.metric_defs:
            if m.count_metric:
                table.setdefault(m.id, m.count_metric)
        return table

    def count_variant(self, metric: str) -> str:
        """The metric to use when the figure is a count ("sales" of 30.4 million units)."""
        return self._count_metrics.get(metric, metric)

    def counted_default(self, metric: str) -> str | None:
        """What a count of this metric counts when the text does not say ("user", "unit")."""
        found = self._defs_by_id.get(metric)
        return found.counted if found is not None else None


@cache
def load_lexicon(lang: str) -> Lexicon:
    """Load and validate the rule tables of `lang` (cached: rule files are read once)."""
    if lang not in LANGUAGES:
        raise RuleFileError(f"no rule files for language {lang!r} (have: {', '.join(LANGUAGES)})")
    package = f"pipeline.resources.{lang}"
    common = read_rows("pipeline.resources.common", "metrics.jsonl", MetricDef)
    return Lexicon(
        lang=lang,
        metric_defs=common,
        subjects=read_rows(package, "subjects.jsonl", SubjectRow),
        metrics=read_rows(package, "metrics.jsonl", MetricRow),
        segments=read_rows(package, "segments.jsonl", SegmentRow),
        regions=read_rows(package, "regions.jsonl", RegionRow),
        changes=read_rows(package, "changes.jsonl", ChangeRow),
        periods=read_rows(package, "periods.jsonl", PeriodRow),
        modality=read_rows(package, "modality.jsonl", ModalityRow),
    )


@cache
def canonical_subjects() -> dict[str, str]:
    """Canonical subject name -> type, across languages (one name, one type)."""
    types: dict[str, str] = {}
    for lang in LANGUAGES:
        for row in load_lexicon(lang).subjects:
            if types.setdefault(row.name, row.type) != row.type:
                raise RuleFileError(
                    f"pipeline/resources/{lang}/subjects.jsonl: {row.name!r} has type "
                    f"{row.type!r} here and {types[row.name]!r} in another language"
                )
    return types
