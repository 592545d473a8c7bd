"""When a figure happened or is due: its period, the horizon of a forward-looking one.

Mixed into the sentence assembler; reads the sentence view and the article context.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from pipeline import attribution as attr
from pipeline.article_context import defined_period
from pipeline.components.base import Cue
from pipeline.lexicon import MetricDef
from pipeline.models import Change, TimeRef
from pipeline.periods import (
    COMPARISON_KINDS,
    TimeMention,
    shift_year,
)
from pipeline.quantities import Quantity

PAST_FORECAST_BEFORE = re.compile(
    r"(?:此前|之前|先前|早前)[^，。；]{0,30}$|\b(?:previously|previous|earlier|prior)\b[^,;]{0,20}$",
    re.I)
DAY_LABEL = re.compile(r"\d{4}-\d{2}-\d{2}")
WRITTEN_YEAR = re.compile(r"(?:19|20)\d\d|\byears?\b|年(?!\d)|[今去明前]年", re.I)
YEAR_ONLY = re.compile(r"\d{4}")
SAME_PART_OF = re.compile(r"\bsame (?:period|quarter|half|half-year|month) (?:of|in)\s+$", re.I)
SAME_PART_AFTER = re.compile(r"^\s*(?:年)?同期")
CAGR_BEFORE = re.compile(r"(?:compound annual growth rate|CAGR|compound growth rate|"
                         r"年均复合增长率|年复合增长率|复合增长率|复合年增长率)"
                         r"[^,;，；。]{0,25}$", re.I)
LIKE_BEFORE = re.compile(r"\b(?:similar (?:rate|pace|level) to|similar to|the same (?:rate|pace|"
                         r"level) as|in line with|compared with|compared to|than)\s+(?:the\s+)?$",
                         re.I)
MONTH_END_WORD = re.compile(r"\bend of\b|月底|月末", re.I)


class TimingMixin:
    """Methods of the sentence assembler (see `pipeline.assemble`)."""

    def due_label(self, cue: Cue | None, mention: TimeMention | None,
                  label: str | None) -> str | None:
        """The time a statement is about, to tell narrative "will" from a real plan.

        A time after the forward cue wins ("In March, X announced it will buy back ... in 2024").
        """
        if cue is not None and mention is not None and mention.start >= cue.end:
            # "will grow from X in 2023 to Y in 2028": Y's own time, not the earlier level's
            return self.this_year_or_next(mention).label
        if cue is not None:
            after = attr.first_after(attr.times_not_announcing(self.view, cue.end), cue.end,
                                     self.view.end)
            if after is not None and after.label:
                return self.this_year_or_next(after).label
        if mention is not None and label == mention.label:
            return self.this_year_or_next(mention).label
        return label if mention is not None else None

    def this_year_or_next(self, mention: TimeMention) -> TimeMention:
        """A yearless time under a future cue resolved to last year is the upcoming one.

        "will raise ... on September 12" in an August article is this September. A time of this
        year stays ("In July, deliveries will be ..." in August is narrative), and so does one
        whose sentence writes a year.
        """
        published = self.ctx.published
        if published is None or not mention.label or mention.label[:4] >= str(published.year) \
                or WRITTEN_YEAR.search(self.view.text):  # "In 2023, ... the fourth quarter"
            return mention
        return upcoming(mention, published)

    def period_of(self, mention: TimeMention | None, change: Change | None,
                  metric_def: MetricDef | None) -> tuple[str | None, str | None]:
        """(label, text) of a reported figure; the article's report period when none is named.

        "compared with the same period last year" next to a change is its basis, not its
        period: the figure keeps the sentence's own period.
        """
        carried = self.ctx.carried_period
        if mention is None and self.ctx.named_spans:
            defined = defined_period(self.view, self.ctx.named_spans)
            if defined is not None:  # "during the summer transport period", defined before
                return defined
        base_period = self.base_near(mention)
        if metric_def is not None and metric_def.point_in_time and (
                mention is None or mention.kind in ("since", "cumulative")) and any(
                t.kind == "since" for t in self.view.times):
            return self.as_of_day(), None  # "shares have risen 70% since the start of the year"
        if mention is not None and mention.kind == "cumulative":
            return None, mention.text
        if mention is not None and mention.kind == "report_end":
            end = attr.period_end(self.ctx.report_period or carried)
            return (end.isoformat() if end else None), mention.text
        if mention is not None and mention.kind in ("current", "previous_quarter") and \
                self.ctx.fiscal_report:
            return None, mention.text  # "in the quarter" of a fiscal report: a fiscal quarter
        if mention is None and metric_def is not None and metric_def.point_in_time:
            return None, None  # a price or a headcount is not a figure of the report period
        if mention is not None and mention.kind in COMPARISON_KINDS and change is not None:
            if change.basis is None:
                change.basis = "yoy" if mention.kind == "same_period" else "qoq"
            return base_period or carried, None
        if mention is not None and mention.label and YEAR_ONLY.fullmatch(mention.label) and (
                base_period or carried) and (SAME_PART_OF.search(self.view.between(
                    max(self.view.start, mention.start - 30), mention.start))
                    or SAME_PART_AFTER.match(self.view.between(mention.end, self.view.end))):
            # "the same period of 2023", 2023年同期: the report period's part in that year
            base = next((b for b in (carried, base_period)
                         if b and not YEAR_ONLY.fullmatch(b)), mention.label)
            return "/".join(mention.label + part[4:] for part in base.split("/")), mention.text
            # ("the summer season ... the same period of 2023": both ends in 2023)
        return attr.resolve_period(mention, base_period, carried)

    def as_of_day(self) -> str | None:
        """The day a running level is read on: the paragraph's last named day, else publication.

        "On Tuesday, the shares closed at ... . They have risen 20% since the start of the year."
        """
        last = self.ctx.last_day
        if last is not None and last[0] == self.view.paragraph:
            return last[1]
        return self.ctx.published.isoformat() if self.ctx.published else None

    def base_near(self, mention: TimeMention | None) -> str | None:
        """The period "the same period last year" counts back from.

        The one named before it (in its semicolon clause first), else the report period when
        the sentence names its period only after it ("54.1% in the same period last year; ...
        42.0% in the first quarter").
        """
        if mention is None:
            return self.base_period
        semi = self.view.semiclause(mention.start)
        named = [t for t in self.view.times if t.kind in ("point", "interval", "current")
                 and t.label and t.start < mention.start]
        own = next((t.label for t in reversed(named) if semi[0] <= t.start), None)
        earlier = named[0].label if named else None
        return own or earlier or self.ctx.carried_period or self.base_period

    def growth_span(self, anchor: Quantity) -> TimeRef | None:
        """A compound annual growth rate runs from the first year the sentence names to the last.

        "from US$1.2 trillion in 2023 to US$2.5 trillion in 2027, a CAGR of about 20%" and
        "5.5 billion yuan this year ... 52 billion yuan by 2028, a CAGR of about 75%": 2023/2027,
        2024/2028.
        """
        view = self.view
        if not CAGR_BEFORE.search(view.between(max(view.start, anchor.start - 40), anchor.start)):
            return None
        years = sorted({int(y) for t in view.times if t.label
                        for y in re.findall(r"\b(\d{4})(?=-|/|$)", t.label)})
        if len(years) < 2:
            return None
        return TimeRef(label=f"{years[0]}/{years[-1]}", text=None)

    def horizon_of(self, mention: TimeMention | None, cue: Cue | None,
                   anchor: Quantity, metric: str | None = None,
                   listed: bool = False) -> TimeRef | None:
        """When a forward-looking figure is due.

        Its clause's own time, else the first time after the cue ("Gartner predicts ... by 2026").
        A figure of a list takes its place in the list of times (`listed`: "58.6, 60.2 and 61.5
        billion yuan in 2024, 2025 and 2026 respectively").
        """
        view = self.view
        span = self.growth_span(anchor)
        if span is not None:
            return span
        after = attr.first_after([t for t in attr.times_not_announcing(view, cue.end)
                                  if not LIKE_BEFORE.search(view.between(
                                      max(view.start, t.start - 30), t.start))], cue.end,
                                 view.end) if cue is not None else None
        # ("expects revenue to grow at a similar rate to the June quarter": not its due time)
        clause = view.clause(anchor.start)
        if mention is not None and (mention.kind == "cumulative" or LIKE_BEFORE.search(
                view.between(max(view.start, mention.start - 30), mention.start))):
            mention = None
        own = mention is not None and (listed or clause[0] <= mention.start <= mention.end
                                       <= clause[1])
        if not own and metric == "share_price":
            return None  # a target price has no date unless its own clause gives one
        ahead = mention is not None and not self.over(mention)
        if after is not None and after.start > anchor.end and not (
                clause[0] <= after.start and after.end <= clause[1]) and ahead:
            after = None  # "By 2028, shipments ... 625.8 million units, a CAGR ... from 2023 to
            # 2028": the span after the figure is the next figure's
        if mention is not None and attr.dates_event(view, mention) and mention.end <= anchor.start:
            mention, own = None, False  # "On August 20, the Commission published ...": news day
        chosen = mention if own or after is None or after.kind in COMPARISON_KINDS else after
        if chosen is not None and not self.past_forecast(cue):
            # "预计四季度…", "will impose … from October 1": the coming one
            chosen = upcoming(chosen, self.ctx.published)
        if chosen is None and cue is not None and cue.row == "forecast.consensus":
            # "beat the analysts' estimate of 53.8 billion": an estimate of the reported period
            carried = self.ctx.carried_period
            return TimeRef(label=carried, text=None) if carried else None
        if chosen is not None:
            label = month_due(chosen.label, chosen.text)
            self.ctx.last_horizon = (view.paragraph, view.start, label)
            return TimeRef(label=label, text=chosen.text)
        last = self.ctx.last_horizon
        if last is not None and not view.times and last[0] == view.paragraph and \
                last[1] == self.ctx.previous_sentence and cue is not None and \
                cue.label == "forecast":
            # "For the third quarter, TSMC expects revenue of ... . Gross margin is expected to
            # be between 53.5% and 55.5%": the guidance goes on for the same quarter
            return TimeRef(label=last[2], text=None)
        return None

    def over(self, mention: TimeMention | None) -> bool:
        """Whether a time mention names a period that ended before publication."""
        end = attr.period_end(mention.label) if mention is not None else None
        return end is not None and self.ctx.published is not None and end < self.ctx.published

    def past_forecast(self, cue: Cue | None) -> bool:
        """A forecast the reported figure is measured against: its period is the one reported.

        "higher than the 81.6 billion expected by analysts", 高于此前给出的指引.
        """
        if cue is None:
            return False
        if cue.row == "forecast.consensus":
            return True
        view = self.view
        return bool(PAST_FORECAST_BEFORE.search(view.between(max(view.start, cue.start - 40),
                                                             cue.start)))


def upcoming(mention: TimeMention, published: date | None) -> TimeMention:
    """A yearless date named after a future cue is the next one, not the last one."""
    end = attr.period_end(mention.label)
    if published is None or end is None or end >= published or "/" in (mention.label or "") \
            or WRITTEN_YEAR.search(mention.text):
        return mention
    return replace(mention, label=shift_year(mention.label, 1))


def month_due(label: str | None, text: str) -> str | None:
    """A due time at a month's end is that month ("before the end of March 2025", 2025年3月底).

    As a year end is due that year (CONVENTIONS.md); the last day stays for stocks counted on it.
    """
    if label and DAY_LABEL.fullmatch(label) and MONTH_END_WORD.search(text):
        return label[:7]
    return label
