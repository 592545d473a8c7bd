"""Pydantic models of the fact base: spec/FACTS.md, field for field.

These models are the source of truth in code; `extract schema` exports them as JSON Schema.
Amounts are kept as `Decimal` so that scale words apply exactly, and are written to JSON as plain
numbers (integers when whole) so downstream tools never see float noise or quoted numbers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema

Kind = Literal["financial_fact", "forward_looking"]
Modality = Literal["reported", "target", "plan", "forecast", "claim"]
Qualifier = Literal["exact", "approx", "more_than", "at_least", "less_than", "at_most", "range"]
Direction = Literal["up", "down", "flat"]
Basis = Literal["yoy", "qoq", "hoh", "mom", "vs_previous"]
SubjectType = Literal["company", "product", "market", "person", "organization", "other"]

METRICS: tuple[str, ...] = (
    "revenue", "gross_profit", "gross_margin", "operating_profit", "net_profit",
    "net_profit_attributable", "net_profit_excl_nonrecurring", "adjusted_net_profit", "eps",
    "cost_of_sales", "rd_expense", "selling_expense", "admin_expense", "operating_expense",
    "investment", "capex", "funding", "valuation", "market_cap", "share_price", "cash",
    "depreciation", "subsidy", "shipments", "sales_volume", "users", "downloads", "usage",
    "employees", "headcount_change", "price", "market_share", "revenue_share", "sales",
    "market_size", "market_value_change", "gdp_impact", "adoption_rate", "benchmark_score",
    "benchmark_wins", "other",
)
Metric = Literal[METRICS]  # type: ignore[valid-type]


def decimal_to_json_number(amount: Decimal) -> int | float:
    """Write whole amounts as int and others as the shortest float that reads back the same."""
    if amount == amount.to_integral_value():
        return int(amount)
    return float(amount)


Amount = Annotated[
    Decimal,
    PlainSerializer(decimal_to_json_number, return_type=int | float, when_used="json"),
    WithJsonSchema({"type": "number"}),
]


class Strict(BaseModel):
    """Base: unknown fields are an error, so the schema cannot drift silently."""

    model_config = ConfigDict(extra="forbid")


class Subject(Strict):
    """Who or what a fact is about."""

    name: str = Field(description="Canonical name (aliases and languages folded).")
    text: str = Field(description="The mention as written.")
    type: SubjectType


class Value(Strict):
    """The quantity as a level, normalized, with its offsets in the article."""

    amount: Amount = Field(description="Normalized amount; for a range, the low bound.")
    unit: str = Field(pattern=r"^([A-Z]{3}|%|pp|count|x)$")
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    qualifier: Qualifier = "exact"
    low: Amount | None = None
    high: Amount | None = None
    counted: str | None = Field(default=None, description="For unit `count`: what is counted.")


class Change(Strict):
    """A change reported with or instead of the level."""

    amount: Amount = Field(ge=0, description="Magnitude, always positive.")
    unit: str = Field(pattern=r"^([A-Z]{3}|%|pp|count|x)$")
    direction: Direction
    basis: Basis | None = None
    qualifier: Qualifier = "exact"
    text: str


class TimeRef(Strict):
    """A period or horizon: normalized label and the words that gave it."""

    label: str | None = Field(
        default=None,
        pattern=r"^\d{4}(-(H[12]|Q[1-4]|\d{2}(-\d{2})?))?(/\d{4}(-(H[12]|Q[1-4]|\d{2}(-\d{2})?))?)?$",
        description="YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD or START/END; null if unresolved.",
    )
    text: str | None = Field(
        default=None, description="As written; null when inherited from an earlier sentence.")


class Party(Strict):
    """A speaker or a compared object."""

    name: str
    type: SubjectType


class Evidence(Strict):
    """The sentence that states the fact, with its offsets."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Fact(Strict):
    """One line of the fact base."""

    id: str
    doc_id: str
    kind: Kind
    modality: Modality
    subject: Subject | None = None
    metric: Metric | None = None
    metric_text: str | None = None
    segment: str | None = None
    value: Value | None = None
    change: Change | None = None
    period: TimeRef | None = None
    horizon: TimeRef | None = None
    speaker: Party | None = None
    object: Party | None = None
    evidence: Evidence
    rule: str


class Article(Strict):
    """One article to extract from, with the metadata the pipeline reads."""

    doc_id: str
    text: str
    title: str | None = None
    published: str | None = Field(default=None, description="ISO date YYYY-MM-DD when known.")
    lang: str | None = None
    url: str | None = None
    source: str | None = None
