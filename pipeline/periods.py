"""Find time expressions in raw text and resolve them against the article date.

Surfaces come from `resources/<lang>/periods.jsonl`; this module only knows how the pieces combine
(part + year, relative year, "the next N years", "late 2025 or early 2026", "X to Y").
Resolution of a bare part ("the first quarter") picks the latest such period that has started by
the publication date, which is what a news report about results means.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from pipeline.lexicon import PeriodRow, load_lexicon
from pipeline.quantities import find_quantities
from pipeline.trie import trie_regex

YEAR = r"(?<![\d.])(?P<year>(?:19|20)\d{2})(?!\d|\.\d|%)"
CONNECTOR = {
    "en": r"\s*(?:of|in)?\s*(?:the\s+)?",
    "zh": r"\s*(?:的)?\s*",
}
INTERVAL_JOIN = {
    "en": r"\s*(?:or|to|through|until|till|-to-|-|–)\s*(?:the\s+)?",
    "zh": r"\s*(?:或|至|到|-|–|~)\s*",
}
CONNECTOR_END = {lang: re.compile(rf"{pattern}$") for lang, pattern in CONNECTOR.items()}
INTERVAL_JOIN_END = {lang: re.compile(rf"{pattern}$") for lang, pattern in INTERVAL_JOIN.items()}
COMMA_GAP = re.compile(r",\s*")
MONTH_ZH = r"(?<![\d.])(?P<month>1[0-2]|[1-9])月(?:份|(?P<zhday>[12]\d|3[01]|[1-9])日)?"
DAY_EN = re.compile(r"\s+(?P<day>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)?(?![\d:]|\.\d)")
WHOLE_YEAR = re.compile(r"full|whole|entire|全", re.I)  # "annual capacity" names no year
RANGE_WORD = re.compile(r"\bto\b|\bthrough\b|至|到|[-–]")
SINCE_BEFORE = {
    "en": re.compile(r"\b[Ss]ince\b[^,.;:]{0,80}$"),
    "zh": re.compile(r"自[^，。；：]{0,6}$"),
}
SINCE_AFTER = {"en": re.compile(r"^\s*(?:onwards|on)\b"), "zh": re.compile(r"^\s*(?:以来|至今)")}


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression: its span, its resolved label (or None), and what kind it is."""

    start: int
    end: int
    text: str
    label: str | None
    kind: str  # "point", "same_period", "next_n_years", "deadline", "interval", "cumulative",
    # "current" ("in the quarter": the quarter being reported)


@dataclass(frozen=True, slots=True)
class _Part:
    start: int
    end: int
    row: PeriodRow | None
    year: int | None = None
    month: int | None = None
    day: int | None = None


@cache
def _part_regex(lang: str) -> re.Pattern[str]:
    rows = load_lexicon(lang).periods
    surfaces = sorted({s for r in rows for s in r.surfaces})
    boundary_l = r"(?<![A-Za-z])" if lang == "en" else ""
    # "H20" is a chip, not H2; a Chinese word may touch a digit (未来12个月)
    boundary_r = r"(?![A-Za-z0-9])" if lang == "en" else r"(?:(?<![A-Za-z0-9])|(?![0-9]))"
    # longest surface first, as a trie: one walk per position instead of one try per surface
    words = trie_regex(surfaces, loose_spaces=False)
    month = f"|{MONTH_ZH}" if lang == "zh" else ""
    flags = 0
    # a Chinese year is written with 年 (or opens a span of years): "2000座" is a count
    year = YEAR if lang == "en" else rf"{YEAR}(?=\s*年|\s*[-—–~至到]\s*(?:19|20)\d\d)"
    return re.compile(rf"{boundary_l}(?P<w>{words}){boundary_r}|{year}(?:\s*年)?{month}", flags)


@cache
def _row_by_surface(lang: str) -> dict[str, PeriodRow]:
    table: dict[str, PeriodRow] = {}
    for row in load_lexicon(lang).periods:
        for surface in row.surfaces:
            table.setdefault(surface.lower(), row)
    return table


def _parts(text: str, lang: str) -> list[_Part]:
    table = _row_by_surface(lang)
    parts: list[_Part] = []
    for m in _part_regex(lang).finditer(text):
        if m.group("w"):
            row = table.get(m.group("w").lower())
            if row is None or (row.type == "month" and not m.group("w")[0].isupper()):
                continue
            day = DAY_EN.match(text, m.end()) if row.type == "month" else None
            if day is not None:
                parts.append(_Part(m.start(), day.end(), row, day=int(day.group("day"))))
            else:
                parts.append(_Part(m.start(), m.end(), row))
        elif m.group("year"):
            parts.append(_Part(m.start(), m.end(), None, year=int(m.group("year"))))
        else:
            day = int(m.group("zhday")) if m.group("zhday") else None
            parts.append(_Part(m.start(), m.end(), None, month=int(m.group("month")), day=day))
    return parts


def _latest_started(kind: str, index: int, published: date | None) -> int | None:
    """Year of the latest half/quarter/month `index` that has started by `published`."""
    if published is None:
        return None
    first_month = {"half": (index - 1) * 6 + 1, "quarter": (index - 1) * 3 + 1}.get(kind, index)
    return published.year if published.month >= first_month else published.year - 1


def _ended_label(year: str, month: int, months: int) -> str | None:
    """"the quarter / six months / nine months / year ended <month>" as a period label."""
    if months == 3:
        return f"{year}-Q{(month - 1) // 3 + 1}"
    if months == 6 and month in (6, 12):
        return f"{year}-H{month // 6}"
    if months == 9 and month == 9:
        return f"{year}-Q1/{year}-Q3"
    if months == 12 and month == 12:
        return year
    return None  # a fiscal span ("the six months ended September 30") has no calendar label


def _label(kind: str, index: int | None, year: int) -> str:
    if kind in ("half", "year_edge"):
        return f"{year}-H{index}"
    if kind == "year_edge_quarter":  # "by the end of 2024" is the year's goal, not its Q4
        return f"{year}-Q{index}" if index == 1 else str(year)
    if kind == "quarter":
        return f"{year}-Q{index}"
    if kind == "quarters_to":
        return f"{year}-Q1/{year}-Q{index}"
    if kind == "months_to":
        return f"{year}-01/{year}-{index:02d}"
    if kind == "month":
        return f"{year}-{index:02d}"
    return str(year)


class _Resolver:
    """Combine parts into mentions for one text."""

    def __init__(self, text: str, lang: str, published: date | None) -> None:
        self.days: dict[int, int] = {}
        self.text = text
        self.lang = lang
        self.published = published
        self.connector = CONNECTOR_END[lang]

    def gap_ok(self, a: _Part, b: _Part, max_len: int = 12) -> bool:
        gap = self.text[a.end:b.start]
        if a.day is not None and b.year is not None and COMMA_GAP.fullmatch(gap):
            return True  # "June 30, 2024"
        return len(gap) <= max_len and bool(self.connector.match(gap))

    def mentions(self, parts: list[_Part]) -> list[TimeMention]:
        self.days = {p.end: p.day for p in parts if p.day is not None}
        out: list[TimeMention] = []
        i = 0
        while i < len(parts):
            mention, used = self.combine(parts, i)
            if mention is not None:
                out.append(mention)
            i += used
        return _join_intervals(out, self.text, self.lang)

    def combine(self, parts: list[_Part], i: int) -> tuple[TimeMention | None, int]:
        p = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        prev_year = self.year_before(parts, i)
        if p.row is None and p.year is not None:
            return self.year_first(p, nxt)
        if p.row is None:  # Chinese numeric month without a year
            year = prev_year or _latest_started("month", p.month or 1, self.published)
            return self.point(p.start, p.end, "month", p.month, year), 1
        row = p.row
        if row.type in ("half", "quarter", "quarters_to", "month", "year_part", "year_edge",
                        "months_to", "year_edge_quarter"):
            if nxt is not None and self.gap_ok(p, nxt):
                if nxt.row is None and nxt.year is not None:
                    return self.point(p.start, nxt.end, row.type, row.index, nxt.year), 2
                if nxt.row is not None and nxt.row.type == "relative_year":
                    year = self.relative(nxt.row)
                    return self.point(p.start, nxt.end, row.type, row.index, year), 2
            written = self.text[p.start:p.end]
            if self.published is not None and (
                    (row.type == "year_part" and WHOLE_YEAR.search(written))
                    or (row.type == "year_edge_quarter" and "年" in written)):
                # 全年, 年底 with no year: this year's ("the end of the quarter" is no year's)
                year = self.context_year(parts, i) or self.published.year
                kind = "year" if row.type == "year_part" else row.type
                return self.point(p.start, p.end, kind, row.index, year), 1
            if row.type in ("year_part", "year_edge", "year_edge_quarter"):
                return None, 1
            year = self.context_year(parts, i) or _latest_started(
                row.type, row.index or 1, self.published)
            return self.point(p.start, p.end, row.type, row.index, year), 1
        if row.type == "relative_year":
            if nxt is not None and nxt.row is not None and self.gap_ok(p, nxt, 6) and (
                nxt.row.type in ("half", "quarter", "quarters_to", "month", "months_to",
                                 "year_edge", "year_edge_quarter")
            ):
                year = self.relative(row)
                return self.point(p.start, nxt.end, nxt.row.type, nxt.row.index, year), 2
            if nxt is not None and nxt.row is None and nxt.month is not None and \
                    self.gap_ok(p, nxt, 2):
                return self.point(p.start, nxt.end, "month", nxt.month, self.relative(row)), 2
            return self.point(p.start, p.end, "year", None, self.relative(row)), 1
        if row.type == "quarter_ended" and nxt is not None and nxt.start - p.end <= 2 and \
                nxt.row is not None and nxt.row.type == "month":
            inner, used = self.combine(parts, i + 1)  # "the quarter ended March 31, 2024"
            if inner is not None and inner.label:
                year, month = inner.label[:4], int(inner.label[5:7])
                label = _ended_label(year, month, row.index or 3)
                if label is None:
                    return None, 1
                return TimeMention(p.start, inner.end, self.text[p.start:inner.end], label,
                                   "point"), used + 1
        if row.type == "weekday":  # "closed at US$86.30 on Thursday": the last one, at the latest
            label = _last_weekday(self.published, row.index or 1)  # the publication day
            return TimeMention(p.start, p.end, self.text[p.start:p.end], label, "point"), 1
        if row.type == "latest_quarter":  # "in the quarter", 当季: the last one completed
            return TimeMention(p.start, p.end, self.text[p.start:p.end],
                               _latest_quarter(self.published), "current"), 1
        if row.type == "now":
            label = self.published.isoformat() if self.published else None
            return TimeMention(p.start, p.end, self.text[p.start:p.end], label, "point"), 1
        if row.type == "cumulative":  # "cumulative", 累计: a running total, no period of its own
            return TimeMention(p.start, p.end, self.text[p.start:p.end], None, "cumulative"), 1
        if row.type == "same_period_last_year":
            return TimeMention(p.start, p.end, self.text[p.start:p.end], None, "same_period"), 1
        if row.type == "report_end":  # "as of the end of the reporting period", 截至报告期末
            return TimeMention(p.start, p.end, self.text[p.start:p.end], None, "report_end"), 1
        if row.type == "previous_quarter":  # a comparison point, one quarter before the base
            return TimeMention(p.start, p.end, self.text[p.start:p.end], None,
                               "previous_quarter"), 1
        if row.type == "next_n_years":
            earlier = next((q.year for q in reversed(parts[:i]) if q.year is not None), None)
            return self.next_years(p, earlier), 1
        if row.type == "deadline" and nxt is not None and nxt.start - p.end <= 5 and \
                not self.text[p.end:nxt.start].strip(" the"):
            if nxt.year is not None:
                return self.year_first(nxt, parts[i + 2] if i + 2 < len(parts) else None,
                                       start=p.start, kind="deadline")
            inner, used = self.combine(parts, i + 1)  # "by the end of this year"
            if inner is not None and inner.label:
                return TimeMention(p.start, inner.end, self.text[p.start:inner.end],
                                   inner.label, "deadline"), used + 1
        return None, 1

    def year_first(self, p: _Part, nxt: _Part | None, start: int | None = None,
                   kind: str = "point") -> tuple[TimeMention | None, int]:
        year = p.year or 0
        used = 1 if start is None else 2
        if nxt is not None and nxt.row is not None and self.gap_ok(p, nxt, 4) and (
            nxt.row.type in ("half", "quarter", "quarters_to", "month", "year_part", "year_edge",
                             "year_edge_quarter")
        ):
            m = self.point(start if start is not None else p.start, nxt.end, nxt.row.type,
                           nxt.row.index, year)
            return TimeMention(m.start, m.end, m.text, m.label, kind), used + 1
        if nxt is not None and nxt.row is None and nxt.month is not None and nxt.start == p.end:
            m = self.point(p.start if start is None else start, nxt.end, "month", nxt.month, year)
            return TimeMention(m.start, m.end, m.text, m.label, kind), used + 1
        s = start if start is not None else p.start
        return TimeMention(s, p.end, self.text[s:p.end], str(year), kind), used

    def point(self, start: int, end: int, kind: str, index: int | None,
              year: int | None) -> TimeMention:
        label = _label(kind, index, year) if year is not None else None
        day = self.days.get(end) or next((d for e, d in self.days.items() if start < e <= end
                                          and kind == "month"), None)
        if label is not None and kind == "month" and day:
            label = f"{label}-{day:02d}"
        return TimeMention(start, end, self.text[start:end], label, "point")

    def relative(self, row: PeriodRow) -> int | None:
        if self.published is None:
            return None
        return self.published.year + (row.offset or 0)

    def context_year(self, parts: list[_Part], i: int) -> int | None:
        """The year that a bare part ("the first quarter") belongs to, if the sentence says.

        The last explicit year before it, else one that closes a range right after it ("from
        the first quarter to the fourth quarter of 2023").
        """
        before = next((p.year for p in reversed(parts[:i])
                       if p.year is not None and not self.is_since(p)), None)
        if before is not None:
            return before
        return next((p.year for p in parts[i + 1:i + 3]
                     if p.year is not None and p.start - parts[i].end <= 40
                     and RANGE_WORD.search(self.text[parts[i].end:p.start])
                     and not CLAUSE_PUNCT.search(self.text[parts[i].end:p.start])), None)

    def is_since(self, p: _Part) -> bool:
        """A year that starts a "since" span ("since 2014", 2014年以来) sets no context."""
        return bool(SINCE_BEFORE[self.lang].search(self.text[max(0, p.start - 90):p.start])
                    or SINCE_AFTER[self.lang].match(self.text[p.end:p.end + 12]))

    def year_before(self, parts: list[_Part], i: int) -> int | None:
        if i and parts[i - 1].year is not None and parts[i - 1].end == parts[i].start:
            return parts[i - 1].year
        return None

    def next_years(self, p: _Part, base_year: int | None = None) -> TimeMention:
        tail = self.text[p.end:p.end + 20]
        if self.lang == "en":
            m = re.match(r"\s*(?:the\s+)?(?:next|coming)?\s*(\S+)\s+(years?|months?)", tail)
        else:
            m = re.match(r"\s*(\S{1,4}?)\s*(年|个月)", tail)
        if m and m.group(2).startswith(("month", "个")):
            return self.next_months(p, m)
        end = p.end + (m.end() if m else 0)
        count = None
        if m:
            found = find_quantities(m.group(1), self.lang)
            if found and found[0].unit in (None, "count"):
                count = int(found[0].amount)
        base = base_year or (self.published.year if self.published else None)
        label = f"{base}/{base + count}" if base is not None and count else None
        return TimeMention(p.start, end, self.text[p.start:end], label, "next_n_years")


    def next_months(self, p: _Part, m: re.Match[str]) -> TimeMention:
        """"over the next 12 months", 未来12个月: from the publication month."""
        end = p.end + m.end()
        found = find_quantities(m.group(1), self.lang)
        label = None
        if found and found[0].unit in (None, "count") and self.published is not None:
            months = self.published.year * 12 + self.published.month - 1 + int(found[0].amount)
            label = f"{self.published:%Y-%m}/{months // 12}-{months % 12 + 1:02d}"
        return TimeMention(p.start, end, self.text[p.start:end], label, "next_n_years")


def _as_months(label: str, first: bool) -> str:
    """A quarter as its first or last month, to join it to a month; other labels stay.

    ("April-June quarter" is 2024-04/2024-06, that is 2024-Q2)
    """
    m = QUARTER_LABEL.fullmatch(label)
    if m is None:
        return label
    month = 3 * int(m.group(2)) - (2 if first else 0)
    return f"{m.group(1)}-{month:02d}"


def _join_intervals(mentions: list[TimeMention], text: str, lang: str) -> list[TimeMention]:
    """Merge "late 2025 or early 2026" / "from 2008 to 2021" into one interval mention."""
    join = INTERVAL_JOIN_END[lang]
    out: list[TimeMention] = []
    for m in mentions:
        if out and out[-1].label and m.label and "/" not in out[-1].label + m.label:
            prev = out[-1]
            gap = text[prev.end:m.start]
            if m.kind == "deadline" and not gap.strip() and join.match(m.text[:1]):
                gap = m.text[:1]  # "3月至6月": 至 joins a range here, it is no deadline
            if len(gap) <= 10 and join.match(gap) and prev.kind in ("point", "deadline"):
                merged = f"{prev.label}/{m.label}"
                if bool(QUARTER_LABEL.fullmatch(prev.label)) != bool(
                        QUARTER_LABEL.fullmatch(m.label)):  # a month joined to a quarter
                    merged = f"{_as_months(prev.label, True)}/{_as_months(m.label, False)}"
                out[-1] = TimeMention(prev.start, m.end, text[prev.start:m.end], merged, "interval")
                continue
        out.append(m)
    return out


FISCAL_LINK = {
    "en": re.compile(r"\s*,?\s*(?:(?:of|for|in|ended|ending|that ended)\s+)?"
                     r"(?:the\s+|its\s+|their\s+)?"),
    "zh": re.compile(r"\s*(?:的)?\s*"),
}


def find_time_mentions(text: str, lang: str, published: date | None) -> list[TimeMention]:
    """All time expressions in `text`, resolved against `published`."""
    parts = _parts(text, lang)
    found = _Resolver(text, lang, published).mentions(parts)
    found = _fiscal(found, [p for p in parts if p.row is not None and p.row.type == "fiscal"],
                    text, FISCAL_LINK[lang])
    if lang == "zh":
        found = _zh_month_ranges(found, text, published)
    else:
        found = _fiscal_quarter_by_end(found, text, published)
    return [_period_end(_canonical_span(_since(m, text, lang, published)), text, lang)
            for m in found]


FISCAL_QUARTER_ENDED = re.compile(r"\s*,?\s*(?:which|that)?\s*(?:ended|ending|ends)\s+(?:on\s+)?$",
                                  re.I)
QUARTER_WORD = re.compile(r"\bquarter\b", re.I)
# only a calendar quarter's last day gives a fiscal quarter a calendar label; one that ended on
# June 29 or July 28 stays unlabelled (CONVENTIONS.md, fiscal periods)
QUARTER_END_DAY = re.compile(r"\d{4}-(?:03-31|06-30|09-30|12-31)")


def _fiscal_quarter_by_end(found: list[TimeMention], text: str,
                           published: date | None) -> list[TimeMention]:
    """"the first quarter of fiscal 2025, which ended June 30": the calendar quarter it is.

    A fiscal quarter has no calendar label of its own; a calendar quarter's last day as its end
    gives one (2024-Q2), as "the quarter ended March 31, 2024" does.
    """
    out: list[TimeMention] = []
    skip = -1
    for i, m in enumerate(found):
        if i == skip:
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if m.kind == "fiscal" and m.label is None and QUARTER_WORD.search(m.text) and \
                nxt is not None and nxt.label and re.fullmatch(r"\d{4}-\d{2}-\d{2}", nxt.label) \
                and nxt.start - m.end <= 20 and FISCAL_QUARTER_ENDED.search(text, m.end,
                                                                           nxt.start):
            skip = i + 1
            if not QUARTER_END_DAY.fullmatch(nxt.label):
                # "which ended June 29": the fiscal quarter's end, no period of a figure's own
                out.append(TimeMention(m.start, nxt.end, text[m.start:nxt.end], None, "fiscal"))
                continue
            year, month = int(nxt.label[:4]), int(nxt.label[5:7])
            if published is not None and date.fromisoformat(nxt.label) > published:
                year -= 1  # "fiscal 2025, which ended June 30" told in August 2024: June 2024
            out.append(TimeMention(m.start, nxt.end, text[m.start:nxt.end],
                                   f"{year}-Q{(month - 1) // 3 + 1}", "point"))
            continue
        out.append(m)
    return out


END_BEFORE = re.compile(r"(?:the\s+)?end\s+of\s+(?:the\s+)?$", re.I)
SINGLE_PART = re.compile(r"\d{4}-(?:\d{2}|[QH][1-4])")


def _period_end(m: TimeMention, text: str, lang: str) -> TimeMention:
    """"the end of June", 6月末, 二季度末: a stock figure on the period's last day (2024-06-30)."""
    if not m.label or not SINGLE_PART.fullmatch(m.label):
        return m
    start, end = m.start, m.end
    if lang == "zh" and text[end:end + 1] in ("末", "底"):
        end += 1
    elif lang != "zh" and (before := END_BEFORE.search(text, max(0, start - 16), start)):
        start = before.start()
    else:
        return m
    bounds = label_bounds(m.label)
    if bounds is None:
        return m
    return TimeMention(start, end, text[start:end], bounds[1].isoformat(), m.kind)


ZH_MONTH_RANGE = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})\s*年\s*|(?P<rel>今年|去年|上年|本年))?"
    r"(?<![\d.])(?P<a>1[0-2]|[1-9])\s*(?:月份?)?\s*[-—–~至到]\s*(?P<b>1[0-2]|[1-9])\s*月(?:份)?")
SPAN_NAMES = {(1, 6): "H1", (7, 12): "H2", (1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4"}


def _zh_month_ranges(found: list[TimeMention], text: str,
                     published: date | None) -> list[TimeMention]:
    """1-6月, 2024年1至7月: one span of months (the parts only see "6月")."""
    for m in ZH_MONTH_RANGE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a >= b:
            continue
        if m.group("year"):
            year = int(m.group("year"))
        elif published is None:
            continue
        elif m.group("rel") in ("去年", "上年"):
            year = published.year - 1
        elif m.group("rel"):
            year = published.year
        else:  # the latest such span that has started
            year = published.year if published.month >= a else published.year - 1
        label = f"{year}-{a:02d}/{year}-{b:02d}"
        found = [f for f in found if f.end <= m.start() or f.start >= m.end()]
        found.append(TimeMention(m.start(), m.end(), m.group(), label, "interval"))
    return sorted(found, key=lambda f: (f.start, f.end))


def _canonical_span(m: TimeMention) -> TimeMention:
    """A span of months that is exactly a half or a quarter takes its name.

    2024-01/2024-06 -> 2024-H1, as the report periods of the same figures are written. A span of
    days from a month's first day to a month's last is that span of months ("from July 1 to
    August 31" -> 2024-07/2024-08).
    """
    days = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})/(\d{4})-(\d{2})-(\d{2})", m.label or "")
    if days is not None and days.group(3) == "01":
        year, month, day = int(days.group(4)), int(days.group(5)), int(days.group(6))
        if day == calendar.monthrange(year, month)[1]:
            first, last = f"{days.group(1)}-{days.group(2)}", f"{days.group(4)}-{days.group(5)}"
            label = first if first == last else f"{first}/{last}"
            m = TimeMention(m.start, m.end, m.text, label, m.kind)
    hit = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", m.label or "")
    if hit is None or hit.group(1) != hit.group(3):
        return m
    name = SPAN_NAMES.get((int(hit.group(2)), int(hit.group(4))))
    if name is None:
        return m
    return TimeMention(m.start, m.end, m.text, f"{hit.group(1)}-{name}", "point")


def _fiscal(found: list[TimeMention], markers: list[_Part], text: str,
            link: re.Pattern[str]) -> list[TimeMention]:
    """"the second quarter of fiscal 2025 ended July 28", 2025财年第二季度: one unresolved mention.

    Fiscal calendars differ from company to company, so the label stays null rather than
    guessed; the quarter, the year and the end date written around the marker are absorbed.
    """
    for marker in markers:
        start, end = marker.start, marker.end
        grown = True
        while grown:
            grown = False
            for m in found:
                if m.end <= start and link.fullmatch(text[m.end:start]):
                    start, grown = m.start, True
                elif m.start >= end and link.fullmatch(text[end:m.start]):
                    end, grown = m.end, True
        found = [m for m in found if m.end <= start or m.start >= end]
        found.append(TimeMention(start, end, text[start:end], _fiscal_span(text[start:end]),
                                 "fiscal"))
    return sorted(found, key=lambda m: (m.start, m.end))


FISCAL_ENDING = re.compile(
    r"\b(?P<what>year|quarter)\s+(?:ending|ended|that ends|that ended|to)\s+(?P<month>"
    r"January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?:\d{1,2},?\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")


def _fiscal_span(text: str) -> str | None:
    """The calendar span a fiscal period names by its end, else None (unknown calendar).

    "fiscal year ending March 2025" -> 2024-04/2025-03; "quarter ending September 30, 2024" ->
    2024-Q3.
    """
    m = FISCAL_ENDING.search(text)
    if m is None:
        return None
    month, year = MONTHS.index(m.group("month").lower()) + 1, int(m.group("year"))
    if m.group("what").lower() == "quarter":
        return f"{year}-Q{month // 3}" if month % 3 == 0 else None
    if month == 12:
        return str(year)
    return f"{year - 1}-{month + 1:02d}/{year}-{month:02d}"


def _since(m: TimeMention, text: str, lang: str, published: date | None) -> TimeMention:
    """"since September last year" / "自去年9月…以来": from then until publication."""
    if m.label is None or m.kind not in ("point", "deadline"):
        return m
    before = SINCE_BEFORE[lang].search(text[max(0, m.start - 90):m.start])
    after = SINCE_AFTER[lang].match(text[m.end:m.end + 12])
    if not (before or after) or "/" in m.label:
        return m
    until = f"/{published:%Y-%m}" if published else ""
    return TimeMention(m.start, m.end, m.text, f"{m.label}{until}" if until else m.label, "since")


COMPARISON_KINDS = ("same_period", "previous_quarter")  # times that count back from a base
QUARTER_LABEL = re.compile(r"(\d{4})-Q([1-4])")


def previous_quarter(label: str | None) -> str | None:
    """The quarter before a quarter label ("2024-Q1" -> "2023-Q4"); None for other labels."""
    m = QUARTER_LABEL.fullmatch(label or "")
    if m is None:
        return None
    year, quarter = int(m.group(1)), int(m.group(2))
    return f"{year}-Q{quarter - 1}" if quarter > 1 else f"{year - 1}-Q4"


def shift_year(label: str | None, years: int) -> str | None:
    """Shift every year in a period label ("2024-H1" -> "2023-H1") for "same period last year"."""
    if label is None:
        return None
    return re.sub(r"\d{4}", lambda m: str(int(m.group()) + years), label)


@cache
def label_bounds(label: str | None) -> tuple[date, date] | None:
    """First and last day of a single period label ("2024-Q2", "2024-H1", "2024-06", "2024")."""
    m = re.fullmatch(r"(\d{4})(?:-(?:([HQ])(\d)|(\d{2})(?:-(\d{2}))?))?", label or "")
    if m is None:
        return None
    year = int(m.group(1))
    if m.group(2):
        size = 6 if m.group(2) == "H" else 3
        first = (int(m.group(3)) - 1) * size + 1
        last = first + size - 1
    elif m.group(4):
        first = last = int(m.group(4))
        if m.group(5):
            day = date(year, first, int(m.group(5)))
            return day, day
    else:
        first, last = 1, 12
    end = date(year + 1, 1, 1) if last == 12 else date(year, last + 1, 1)
    return date(year, first, 1), date.fromordinal(end.toordinal() - 1)


def finer(a: str | None, b: str | None) -> bool:
    """Whether period `a` is shorter than period `b` (a month against a quarter)."""
    x, y = label_bounds(a), label_bounds(b)
    return x is not None and y is not None and (x[1] - x[0]) < (y[1] - y[0])


def within(inner: str | None, outer: str | None) -> bool:
    """Whether period `inner` lies inside period `outer` (and is not the same)."""
    a, b = label_bounds(inner), label_bounds(outer)
    return a is not None and b is not None and a != b and b[0] <= a[0] and a[1] <= b[1]


CLAUSE_PUNCT = re.compile(r"[，,；;。]")  # a range of periods stays within one clause


def _latest_quarter(published: date | None) -> str | None:
    """The last quarter completed by the publication date: results come out after it."""
    if published is None:
        return None
    year, quarter = published.year, (published.month - 1) // 3
    return f"{year - 1}-Q4" if quarter == 0 else f"{year}-Q{quarter}"


def _last_weekday(published: date | None, index: int) -> str | None:
    """The date of the latest weekday `index` (Monday = 1) on or before `published`."""
    if published is None:
        return None
    back = (published.isoweekday() - index) % 7
    return date.fromordinal(published.toordinal() - back).isoformat()


def earlier(label: str | None, than: str | None) -> bool:
    """Whether period `label` ended before period `than` began."""
    a, b = label_bounds(label), label_bounds(than)
    return a is not None and b is not None and a[1] < b[0]
