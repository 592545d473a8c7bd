"""Article-wide context that every sentence of one article shares.

The date, the report period, the main subject, the market and the currency, read once
before the sentences are assembled.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from pipeline import attribution as attr
from pipeline.components.base import Cue
from pipeline.lexicon import Lexicon, load_lexicon
from pipeline.models import Subject
from pipeline.periods import (
    label_bounds,
)
from pipeline.quantities import Quantity
from pipeline.sentence_view import SentenceView

TOPIC_MARKET_AFTER = re.compile(r"\s?(?:market\b|市场)", re.I)  # "IPO market", 智能手机市场
TOPIC_PARAGRAPHS = 2  # the headline and the lead name the market a round-up is about
MARKET_WORD = re.compile(r"\bmarket\b")
DOMINANCE = 2  # the main company is named at least twice as often as any other
COMPANY_ARTICLE_MENTIONS = 5
SPAN_NAME_BEFORE = re.compile(
    r"(?:\bthe\s+|this\s+year's\s+)(?P<name>(?:[\w-]+\s+){0,3}?(?:period|season|holiday|"
    r"festival|rush|week|promotion|campaign))\s*[(（]\s*(?:from\s+)?$|"
    r"(?P<zh>[\u4e00-\u9fff“”0-9]{2,8}?)(?:期间|档期)?[（(]$", re.I)
CJK_TEXT = re.compile(r"[\u4e00-\u9fff]")
SPAN_WORDS_NOT_NAMES = {"same", "whole", "entire", "reporting", "review", "first", "second",
                        "third", "fourth", "last", "next", "this", "that", "previous", "current",
                        "holiday", "festival", "promotion", "sales", "shopping"}
REPORT_LABEL = re.compile(r"^\d{4}-[QH]\d$")
YEAR_TO_DATE = re.compile(r"^(\d{4})-\d{2}/\1-\d{2}$")  # "January to August", "July 1 to August 31"
DAY_SPAN = re.compile(r"^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$")  # "from May 20 to June 18"
REPORT_LAG = 150  # days: results come out within a few months of the period's end
HEADLINE_MENTIONS = 3  # a headline's opening company named this often is the article's


@dataclass
class DocContext:
    """Article-wide facts that single sentences need: date, rules, main subject, currency."""

    doc_id: str
    lex: Lexicon
    published: date | None
    main_subject: Cue | None
    currency: str | None
    carried_period: str | None = None
    report_period: str | None = None
    last_subject: Cue | None = None
    last_subject_paragraph: int | None = None
    previous_company: Cue | None = None
    previous_companies: frozenset[str] = frozenset()  # every company the last sentence named
    last_market: Subject | None = None
    last_count: tuple[int, str] | None = None  # (paragraph, counted noun) of its last count
    volume_metric: tuple[int, str] | None = None  # (paragraph, metric) of its last unit count
    # what the paragraph was last about, a market or a company: (paragraph, subject)
    focus: tuple[int, Subject] | None = None
    last_product: Cue | None = None  # the product named last ("... the game had sold")
    recent_products: list[Cue] = field(default_factory=list)  # the last few, oldest first
    last_day: tuple[int, str] | None = None  # (paragraph, "2024-08-20"): the last day named
    last_as_of: tuple[int, str] | None = None  # (paragraph, "2024-06-30"): the last "as of" day
    company_article: bool = False  # one company dominates: its unnamed figures are its own
    topic_market: Subject | None = None  # the market a round-up is about ("Hong Kong's IPO market")
    market_region: str | None = None
    fiscal_report: bool = False  # the period being reported is fiscal (no calendar label)
    economy_article: bool = False  # the article reports on an economy (GDP, retail sales ...)
    last_figure: tuple[str, Subject | None] | None = None  # metric and subject of the last fact
    # (paragraph, sentence start, label) of the last horizon read from a sentence's own words
    last_horizon: tuple[int, int, str | None] | None = None
    previous_sentence: int | None = None  # start of the sentence before the current one
    # periods the article defines: "the summer transport period (July 1 to August 31)" ->
    # {"summer transport period": "2024-07/2024-08", "summer": ...}
    named_spans: dict[str, str] = field(default_factory=dict)


def named_spans(view: SentenceView) -> dict[str, str]:
    """Periods the sentence defines by a span in brackets, and the words that name them.

    "during the summer transport period (July 1 to August 31)" defines "summer transport
    period" and "summer"; 暑运期间（7月1日至8月31日） defines 暑运.
    """
    found = {}
    for t in view.times:
        if not t.label or "/" not in t.label:
            continue
        before = view.between(max(view.start, t.start - 50), t.start)
        m = SPAN_NAME_BEFORE.search(before)
        if m is None:
            continue
        phrase = (m.group("name") or m.group("zh")).strip().lower()
        found[phrase] = t.label
        first = phrase.split()[0] if " " in phrase else None
        if first is not None and first not in SPAN_WORDS_NOT_NAMES:
            found.setdefault(first, t.label)  # "summer", "618"
    return found


def defined_period(view: SentenceView, spans: dict[str, str]) -> tuple[str, str] | None:
    """(label, text) of a period the article defined earlier, named again in this sentence."""
    for phrase, label in spans.items():
        if CJK_TEXT.match(phrase):
            at = view.text.find(phrase)
            if at >= 0:
                return label, phrase
            continue
        m = re.search(rf"\b(?:during|in|over|for|throughout)\s+(?:the\s+|this\s+year's\s+)?"
                      rf"{re.escape(phrase)}\b", view.text, re.I)
        if m is not None:
            return label, m.group()
    return None


def report_period(views: list[SentenceView], published: date | None = None) -> str | None:
    """The quarter or half an article reports on: the first one its body names that is recent.

    A report comes out within months of its period: a forecast's "second half of next year" or
    a look back at "the fourth quarter of 2023" in a September article reports nothing.
    """
    for view in views:
        for t in view.times:
            if t.label and (t.kind == "point" and REPORT_LABEL.match(t.label) or t.kind in (
                    "point", "interval") and (YEAR_TO_DATE.match(t.label)
                                              or DAY_SPAN.match(t.label))):
                bounds = label_bounds(t.label)
                if published is None or bounds is None or (
                        bounds[0] <= published and (published - bounds[1]).days <= REPORT_LAG):
                    return t.label
    return None


def usual_region(views: list[SentenceView]) -> str | None:
    """The region an article names most: a market it names without one is that region's."""
    counts = Counter(c.row for view in views for c in attr.regions_in(view))
    return counts.most_common(1)[0][0] if counts else None


def main_subject(views: list[SentenceView], title: str | None = None) -> Cue | None:
    """The company the article is about: the most mentioned one (first mention breaks ties).

    It is named in the headline or the lead: a company that only comes up further down a
    market piece ("NBS: new home sales fell ...", then Vanke's loss) is not its subject.
    """
    first: dict[str, Cue] = {}
    texts: dict[str, set[str]] = {}
    for s in company_cues(views):
        first.setdefault(s.row, s)
        texts.setdefault(s.row, set()).add(s.text)
    counts = company_mentions(views)
    if not counts:
        return None
    best = max(counts, key=lambda name: (counts[name], -first[name].start))
    runner_up = max((n for name, n in counts.items() if name != best), default=0)
    if counts[best] < DOMINANCE * runner_up:
        opener = next((name for name in counts if title and counts[name] >= HEADLINE_MENTIONS
                       and any(title.lstrip().startswith(t) for t in texts[name])), None)
        # ("Moore Threads unveils ... as it takes aim at Nvidia": the company the headline
        # opens with, named often enough, is the article's even beside a much-named rival)
        return first[opener] if opener is not None else None  # a market round-up names
        # several companies about as often: none is its subject
    lead = views[0].paragraph if views else 0
    in_title = title is not None and any(t in title for t in texts[best])
    if title and not in_title and first[best].start > max(
            (v.end for v in views if v.paragraph <= lead), default=0):
        return None
    return first[best]


def reporting_organization(views: list[SentenceView], title: str | None) -> Cue | None:
    """A brokerage or bank the gazetteer files as a forecaster, reporting its own results.

    "中信证券上半年归母净利润105.73亿元": the organization the headline opens with and the
    article names at least three times is the article's company.
    """
    if not title:
        return None
    counts = Counter(s.row for v in views for s in v.subjects if s.label == "organization")
    for row, n in counts.most_common(1):
        first = next(s for v in views for s in v.subjects if s.row == row)
        if n >= 3 and title.lstrip().startswith(first.text):
            return replace(first, label="company")
    return None


def company_cues(views: list[SentenceView]) -> Iterator[Cue]:
    """Every company mention, except those that only name a figure's source ("According to").

    A business unit counts as its parent ("Cloud Intelligence Group" is Alibaba's).
    """
    for view in views:
        source = attr.source_clauses(view)
        lex = load_lexicon(view.lang)
        for s in view.subjects:
            if s.label == "company" and (source is None or not source[0] <= s.start < source[1]):
                parent = lex.parent_of(s.row)
                yield replace(s, row=parent) if parent else s


def company_mentions(views: list[SentenceView]) -> Counter[str]:
    """How often each company is named in the article (not counting sources)."""
    return Counter(s.row for s in company_cues(views))


def is_company_article(views: list[SentenceView]) -> bool:
    """An article about one company: named often, and far more often than any other."""
    counts = company_mentions(views).most_common(2)
    if not counts:
        return False
    runner_up = counts[1][1] if len(counts) > 1 else 0
    return counts[0][1] >= COMPANY_ARTICLE_MENTIONS and counts[0][1] >= 3 * runner_up


def topic_market(views: list[SentenceView]) -> Subject | None:
    """The market a round-up names in its headline or first paragraphs ("Hong Kong's IPO market").

    A figure of such an article that names no subject at all ("30 companies listed in the first
    half") is about that market.
    """
    for view in views:
        if view.paragraph > TOPIC_PARAGRAPHS:
            return None
        for product in (c for c in view.segments if c.label == "product"):
            if TOPIC_MARKET_AFTER.match(view.between(product.end, view.end)):
                market = attr.market_subject(view, product.end)
                if market is not None:
                    return Subject(name=market[0], text=market[1], type="market")
        for word in MARKET_WORD.finditer(view.text):  # "the global games market"
            literal = attr.literal_market(view, view.start + word.end())
            if literal is not None:
                return Subject(name=literal[0], text=literal[1], type="market")
    return None


def dominant_currency(quantities: list[Quantity]) -> str | None:
    """The article's usual currency, for amounts written without one ("less than 19 billion")."""
    counts = Counter(q.unit for q in quantities if q.unit and len(q.unit) == 3)
    return counts.most_common(1)[0][0] if counts else None
