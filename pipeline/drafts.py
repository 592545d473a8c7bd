"""Which quantities of a sentence are levels, which are changes, and which goes with which.

"revenue of X, a year-on-year increase of Y%", "fell Y% to X", "A and B were X and Y, up P% and
Q% respectively", "20% lower than that of its rival".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline import attribution as attr
from pipeline.components.base import Cue
from pipeline.lexicon import load_lexicon
from pipeline.periods import TimeMention
from pipeline.quantities import Quantity
from pipeline.sentence_view import SentenceView

MULTIPLE_OF_EARLIER = re.compile(
    r"\s*(?:that|those|the level|the figure)\s+(?:of|in|at)\s+(?:the same period(?: of)? last year|"
    r"a year earlier|a year ago|last year|the previous year|the same period|"
    r"the (?:start|beginning|end) of (?:the|this|last) year|the (?:start|beginning) of \w+|"
    r"the previous quarter|a quarter earlier|the (?:previous|prior) (?:month|year)|launch|"
    r"(?:early|mid|late|the end of)?[- ]?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b)", re.I)
MULTIPLE_OF_EARLIER_NEAR = re.compile(r"\btimes (?:that|those|the level)\b|同期的[\d.]+倍", re.I)
MULTIPLE_OF_EARLIER_ZH = re.compile(
    r"(?:是|为|达到?|相当于)(?:去年同期|上年同期|去年|上年|今年年初|年初|去年底|年末|上季度|[一二三四]季度)的$")
RAISE_WORD = re.compile(r"rais(?:e|ed|es|ing)|los(?:e|es|t|ing)", re.I)
BY_BEFORE = re.compile(r"\bby\s*(?:about|around|nearly|some|roughly)?\s*$", re.I)
TO_AFTER = re.compile(r"\s*to\b", re.I)
CHANGE_FILLER = re.compile(
    r"^\s*(?:(?:by|of|at|a|an|some|around|about|nearly|another|a further|further|slightly|"
    r"an additional|year-on-year|year on year|同比|了|达|为|约|近|幅度为|幅度达)\s*)*$", re.I)
TO_LEVEL = re.compile(
    r"^\s*(?:[,，]\s*(?:year-on-year|year on year|yoy|同比)?|(?:year-on-year|year on year|yoy|"
    r"quarter-on-quarter|quarter on quarter|month-on-month|sequentially|"
    r"同比|环比|(?:from|over|compared with|versus) (?:a year (?:earlier|ago)|"
    r"the same (?:period|quarter)(?: of)? (?:last|a) year(?: earlier)?|"
    r"the previous (?:year|quarter)|last year)|"
    r"(?:on\s+(?:[A-Z][a-z]+\s+\d{1,2}|\w+day)\s+)?to\s+(?:close|end|finish|settle)|"
    r"[^\d,;，；]{0,16}?))?\s*(?:to|at|reaching|至|到|达到|为|报|收报|收于)"
    r"(?:\s+(?:a\s+)?(?:record(?:\s+high(?:\s+of)?)?|new high of|all-time high of))?\s*$", re.I)
YEAR_LABEL = re.compile(r"\d{4}")
COUNTED_NOUN_GAP = re.compile(r"\s?(?:[a-z-]+\s){0,2}")  # "10.24 million [public] charging piles"
YEAR_END_WORD = re.compile(r"末|底|\s?\bend\b", re.I)  # 较上年末: a day, not last year's period
OVER_YEAR_AFTER = re.compile(r"\s*(?:over|from|compared with|versus|than)\s+(?:that of\s+|in\s+)?"
                             r"(\d{4})\b", re.I)
FROM_BEFORE = re.compile(r"(?:\bfrom|从|由)\s*$", re.I)
# 从2023年的5,175亿元增长至2028年的11,634亿元: the earlier level with its own year before it
FROM_YEAR_BEFORE = re.compile(r"(?:从|由)\s*\d{4}年[^，。；,的\d]{0,6}的\s*$")
TO_WORD = re.compile(r"\bto\b|至|到", re.I)
FROM_LEVEL = re.compile(r"^\s*(?:year-on-year|year on year|同比)?\s*(?:from|从|由)\s*$", re.I)
AFTER_QUALIFIER = re.compile(r"\s*(?:以上|以下|左右|多)")
RIVAL_AFTER = re.compile(r"^\s*(?P<word>higher|lower|shorter|longer|faster|slower|better|cheaper|"
                         r"less|more|greater|smaller)\s+(?:[a-z-]+\s+){0,3}?than\s+", re.I)
# ("20% longer battery life than Apple's MacBook Air": a few words may name what is compared)
RIVAL_BEFORE_ZH = re.compile(r"比(?P<what>[^，。；比]{1,24}?)(?P<word>高|低|快|慢|少|多|短|长|省)"
                             r"(?:出|了)?(?:约|近|超过)?$")
RIVAL_NAME = re.compile(r"(?:(?:that|those) of\s+)?(?:(?:its|their) (?:rivals?|competitors?)\s+|"
                        r"(?:its|their) (?:predecessor|previous (?:generation|model)),?\s+"
                        r"(?:the\s+)?|"
                        r"the\s+)?(?P<name>[A-Z][\w&-]*(?: [A-Z0-9][\w&-]*)*)")
RIVAL_MULTIPLE = re.compile(r"^\s*(?P<word>that|those|as \w+ as|the \w+ of)\s+(?:of\s+)?", re.I)
# ("about twice the range of rival air taxis such as VoloCity", "2.7 times the performance of")
# "latency cut by 50% compared with Yi-Large", 与上一代GLM-4相比，…推理速度提升约50%: a change
# measured against a named model or product, not against a period
COMPARED_AFTER = re.compile(r"^\s*(?:compared (?:with|to)|relative to|versus|vs\.?)\s+(?:the\s+)?",
                            re.I)
COMPARED_BEFORE = re.compile(r"(?:\b(?:compared (?:with|to)|relative to)\s+(?:the\s+)?|"
                             r"(?:与|和|同)(?=[^，。；]{1,30}相比)|相较于?|相比于?)", re.I)
# "70% of the training performance of Nvidia's A100", 达到A100性能的70%
CAPABILITY = r"performance|throughput|speed|computing power|capabilit(?:y|ies)|efficiency"
SHARE_OF_CAPABILITY = re.compile(rf"^\s*of\s+(?:the|its)\s+(?:[\w-]+\s+){{0,2}}?(?:{CAPABILITY})"
                                 r"\s+of\s+(?:the\s+)?", re.I)
CAPABILITY_SHARE_ZH = re.compile(r"(?:达到|相当于|约为|为)(?:了)?(?P<what>[^，。；的]{1,20})的?"
                                 r"(?:性能|算力|速度|能力|水平)?的?(?:约|近|超过)?$")
PREDECESSOR_END = re.compile(r"(?:predecessor|previous (?:generation|model))\s*$", re.I)
# a model's written name: "Yi-Large", "SenseNova 5.0"
MODEL_NAME = re.compile(r"[A-Z](?:\w|\.(?=\w))*(?:[ -][A-Z0-9](?:\w|\.(?=\w))*)*")
STEM = re.compile(r"[A-Za-z]{2,}")  # a model's family name: "GLM" of GLM-4, "Step" of Step-2
PREVIOUS_WORD = re.compile(r"previous|predecessor|earlier|上一代|前代|上代", re.I)
COMPARED_LIST_BEFORE = re.compile(r"(?P<lead>\b(?:compared with|compared to|versus|against))"
                                  r"[^,;，；]{1,40}?\band\s+$", re.I)
COMPARED_CHANGE_BEFORE = re.compile(r"\b(?:after|from|compared with|compared to|versus|than)\s+"
                                    r"an?\s+$", re.I)
YEAR_AGO = re.compile(r"year earlier|year ago|last year", re.I)
YEAR_TO_DATE = re.compile(r"so far|year[ -]to[ -]date|年内|今年以来", re.I)
CHANGE_NOUN = re.compile(r"increase|decrease|rise|decline|drop|gain|jump|fall|reduction|cut",
                         re.I)
ARTICLE_END = re.compile(r"\ban?\s+$", re.I)
RIVAL_DOWN = {"lower", "shorter", "slower", "cheaper", "less", "smaller"}
RIVAL_UP = {"higher", "longer", "faster", "better", "more", "greater", "高", "快", "多", "长"}
RESPECTIVELY = re.compile(r"respectively|分别")
LIST_JOIN = re.compile(r"^\s*(?:,|，|、)?\s*(?:and|和|及|与|以及)?\s*$", re.I)
# a level written as the comparison point of the figure before it
COMPARED_LEVEL = re.compile(r"(?:\b(?:compared with|compared to|versus|vs\.?|up from|down from|"
                            r"than)|去年同期为|上年同期为|去年同期|上年同期|同期为|"
                            r"(?:较|比|相比)[^，。；,;\d]{1,10}的)\s*(?:the\s+)?$", re.I)
WHOLE_OF = re.compile(r"^\s*of\s+(?:[\w'’]+\s+){0,3}$")  # "46% of the group's revenue"
LIST_AND = re.compile(r"(?:\band|和|及|、)\s*$")
SHARED_CUE = "shared"  # a direction cue lent by the change before ("up X% yoy and Y% qoq")
SHARED_CHANGE_GAP = re.compile(r"^\s*(?:[\w-]+\s*)?,?\s*(?:and|和|及|、|,|，)\s*$", re.I)
SCALE_WORD = re.compile(
    r"thousand|million|billion|trillion|\d\s*(?:k|m|mn|bn|tn|b)\b|[万亿千]", re.I)


@dataclass(slots=True)
class Draft:
    """A fact under construction: its level and/or change quantities and how they were found."""

    level: Quantity | None
    change: Quantity | None = None
    direction: str | None = None
    basis: str | None = None
    change_start: int | None = None
    pattern: str = "value_only"
    earlier: bool = False
    until: int = 0
    list_index: int | None = None
    list_size: int = 0
    list_start: int = 0
    rival: Cue | None = None  # "20% lower than that of Foodpanda": a claim against it
    year_multiple: bool = False  # a multiple's basis read from the year it is due in

    @property
    def anchor(self) -> Quantity:
        """The quantity that carries the fact's position (level first)."""
        return self.level or self.change  # type: ignore[return-value]


def left_edge(q: Quantity) -> int:
    """Where a quantity's words begin: its qualifier when one stands before it ("nearly")."""
    if q.qualifier_start is not None and q.qualifier_start < q.start:
        return q.qualifier_start
    return q.start


def is_scaled(q: Quantity) -> bool:
    """True when the number carries a scale word ("131 million", "6500万", "两千万")."""
    return bool(SCALE_WORD.search(q.text))


def direction_cue(view: SentenceView, q: Quantity) -> Cue | None:
    """The direction cue of a change, if the number is one.

    Before the number ("increase of", "fell by", 同比增长) or a comparative right after it
    ("8 million fewer").
    """
    for cue in view.changes:
        if cue.row.endswith("_after") and q.start < cue.start and (
                cue.start <= q.end + 1
                or AFTER_QUALIFIER.fullmatch(view.between(q.end, cue.start))):
            return cue  # "8 million fewer", 20%以上的同比增长
        if cue.label in ("up", "down") and 0 <= cue.start - q.end <= 1 and \
                CHANGE_NOUN.fullmatch(cue.text) and ARTICLE_END.search(
                    view.between(max(view.start, left_edge(q) - 4), left_edge(q))):
            return cue  # "US$1.40, an 11% increase from a year earlier", "a 5% decline"
    left = left_edge(q)
    for cue in sorted(view.changes, key=lambda c: -c.end):
        if cue.end > left or cue.label not in ("up", "down", "flat"):
            continue
        if cue.row.endswith("_to"):
            return None  # "fell to X", 降至X: X is the new level
        if cue.row.endswith("_percent") and q.unit != "%":
            return None  # "Tencent adding 0.9 per cent" is a rise; "added 592 GW" a level
        if left - cue.end <= 60 and BY_BEFORE.search(view.between(cue.end, left)) and (
                TO_AFTER.match(view.between(q.end, min(view.end, q.end + 6)))
                or (q.unit == "%" and not any(cue.end <= p.start and p.end <= left
                                               for p in view.quantities))):
            return cue  # "lowering the price of Hunyuan-Pro by about 55% to 0.03 yuan", "cut the
            # prices of their main models by more than 90%"
        if left - cue.end > 40:
            break
        gap = view.between(cue.end, left)
        if cue.label == "flat" and re.search(r"\bat\b|于|在", gap):
            return None  # "stable at 9%", 稳定在9%: the level it stayed at
        if RAISE_WORD.fullmatch(cue.text) and q.unit and len(q.unit) == 3 and \
                not BY_BEFORE.search(gap) and (cue.text.lower().startswith("rais") or not any(
                    view.clause(cue.start)[0] <= m.start < cue.start for m in view.metrics)):
            return None  # "which raised HK$2.59 billion": money raised, not a rise; "had
            # lost 1.16 billion yuan": a loss, not a fall
        if CHANGE_FILLER.match(gap):
            return cue
        break
    return None


@cache
def basis_surfaces(lang: str) -> dict[str, tuple[str, ...]]:
    """Basis words per basis, to read the basis inside a fused cue such as 同比增长."""
    table: dict[str, tuple[str, ...]] = {b: () for b in ("yoy", "qoq", "hoh", "mom")}
    for row in load_lexicon(lang).changes:
        if row.role in table:
            table[row.role] += row.surfaces
    return table


@cache
def last_year_words(lang: str) -> frozenset[str]:
    """Words for the previous year ("last year", 上年): a comparison with them is year-on-year."""
    return frozenset(s.lower() for row in load_lexicon(lang).periods
                     if row.type == "relative_year" and row.offset == -1 for s in row.surfaces)


def basis_near(view: SentenceView, lo: int, hi: int, window: int = 25) -> str | None:
    """Yoy / qoq / hoh / mom cue near the change, else vs_previous for "compared with"."""
    clauses = (view.clause(lo), view.clause(max(lo, hi - 1)))
    near = [c for c in view.changes if lo - window <= c.start and c.start <= hi + window
            and view.clause(c.start) in clauses]
    surfaces = basis_surfaces(view.lang)
    opening = view.clause(view.start)
    if not any(opening[0] <= q.start < opening[1] for q in view.quantities):
        # "On a quarter-on-quarter basis, revenue grew 12.2%", 环比来看，…: for the sentence
        near += [c for c in view.changes if c.end <= opening[1] and c not in near]
    def basis_of(c: Cue) -> str | None:
        if YEAR_END_WORD.match(view.between(c.end, min(view.end, c.end + 1))):
            return None  # 较上年末: against last year's closing day, not last year
        if c.row.endswith("_after") and YEAR_AGO.search(c.text):
            return "yoy"  # "14.2% less than a year earlier"
        return next((label for label in ("yoy", "qoq", "hoh", "mom") if c.label == label
                     or any(s in c.text for s in surfaces[label])), None)

    based = [c for c in near if basis_of(c)]
    if based:  # the basis written nearest the change: "down 0.4% year-on-year but up 156.4%
        # quarter-on-quarter" gives each change its own
        nearest = min(based, key=lambda c: c.start - hi if c.start >= hi else (lo - c.end) + 1)
        return basis_of(nearest)
    if any(t.kind == "same_period" and lo - 12 <= t.start and t.start - hi <= 20
           for t in view.times) and MULTIPLE_OF_EARLIER_NEAR.search(view.between(
               max(view.start, lo - 12), min(view.end, hi + 20))):
        return "yoy"  # "4.5 times that of the same period last year", 是去年同期的4.5倍
    if any(q.unit == "x" and lo <= q.start < hi + 1 and (
            MULTIPLE_OF_EARLIER.match(view.between(q.end, view.end))
            or MULTIPLE_OF_EARLIER_ZH.search(view.between(max(view.start, q.start - 12), q.start)))
           for q in view.quantities):
        return "vs_previous"  # 约为今年年初的30倍, "30 times the level at the start of the year"
    compared = [c for c in view.changes if c.label == "vs" and (c.end <= lo or (
        c.end <= hi and any(0 <= t.start - c.end <= 2 for t in view.times)))]
    if compared:
        last_year = last_year_words(view.lang)
        if any(0 <= t.start - c.end <= 2 and (t.text.lower() in last_year or year_before_another(
                view, t)) and not YEAR_END_WORD.search(view.between(t.start, t.end + 1))
               and 0 <= lo - t.end <= 4
               for c in compared for t in view.times):
            return "yoy"  # 较上年增长15%: against last year, no figure given
        return "vs_previous"  # "compared with ...", 资产负债率为57.9%，较年初下降1.1个百分点
    over_year = OVER_YEAR_AFTER.match(view.between(hi, min(view.end, hi + 24)))
    if over_year is not None and any(t.start == hi + over_year.start(1) and year_before_another(
            view, t) for t in view.times):
        return "yoy"  # "an increase of 41.5% over 2023" in a sentence about 2024
    semi = view.semiclause(lo)
    if any(c.label == "from" and semi[0] <= c.start and c.end <= lo and any(
            0 <= q.start - c.end <= 3 for q in view.quantities) for c in view.changes):
        return "vs_previous"  # "cut from 10 yuan to 1 yuan, a decrease of 90%" (not "revenue
        # from the power segment")
    if any(c.label in ("from", "vs") and 0 <= c.start - hi <= 2 and (any(
            0 <= t.start - c.end <= 6 for t in view.times) or any(
            0 <= left_edge(p) - c.end <= 6 for p in view.quantities)) for c in view.changes):
        return "vs_previous"  # "down 3.4% from June", "2.1% compared with March 31", "down
        # about 95% from the 20 yuan charged for Yi-Large"
    if any((t.kind == "since" or YEAR_TO_DATE.match(t.text)) and 0 <= t.start - hi <= 8
           for t in view.times):
        return "vs_previous"  # "has risen about 20% since the beginning of the year", "has
        # gained about 14% so far this year"
    if any(t.kind == "since" and opening[0] <= t.start < opening[1] for t in view.times) and \
            not any(opening[0] <= q.start < opening[1] for q in view.quantities):
        return "vs_previous"  # 今年以来，公司股价累计下跌约15%: since the opening's time
    return None


def from_year_before(view: SentenceView, q: Quantity) -> bool:
    """从2023年的X: an earlier level with its own year written between "from" and the figure."""
    edge = left_edge(q)
    return FROM_YEAR_BEFORE.search(view.between(max(view.start, edge - 16), edge)) is not None


def year_before_another(view: SentenceView, t: TimeMention) -> bool:
    """"41.5% over 2023" in a sentence about this year (2024): the year before, i.e. yoy."""
    return bool(t.label and YEAR_LABEL.fullmatch(t.label) and any(
        u.label and u.label[:4] == str(int(t.label) + 1) for u in view.times))


def list_runs(view: SentenceView, roles: list[tuple[Quantity, Cue | None]],
              changes: bool) -> list[list[int]]:
    """Runs of two or more levels (or changes) written as a list ("36.50亿元、56.75亿元")."""
    runs: list[list[int]] = []
    for i, (q, cue) in enumerate(roles):
        if (cue is not None) != changes:
            continue
        prev = runs[-1][-1] if runs else None
        if prev is not None and prev == i - 1 and roles[prev][0].unit == q.unit and \
                LIST_JOIN.match(view.between(roles[prev][0].end, left_edge(q))):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [run for run in runs if len(run) > 1]


def share_direction(view: SentenceView, roles: list[tuple[Quantity, Cue | None]]) -> None:
    """A second rate joined to a change and followed by its basis is a change too.

    "up 98.9% year-on-year and 76.1% quarter-on-quarter": the 76.1% shares the "up".
    """
    for i in range(1, len(roles)):
        (q, cue), (pq, pcue) = roles[i], roles[i - 1]
        if cue is not None or q.unit not in ("%", "pp") or not any(
                c.label in ("yoy", "qoq", "mom", "hoh") and 0 <= c.start - q.end <= 2
                for c in view.changes):
            continue
        if pcue is not None and q.unit == pq.unit and SHARED_CHANGE_GAP.match(
                view.between(pq.end, left_edge(q))):
            roles[i] = (q, Cue(pcue.start, pcue.end, pcue.text, pcue.label, SHARED_CUE))
        elif pcue is None and i >= 2 and LIST_AND.search(view.between(pq.end, left_edge(q))):
            # "up 60.2% from 5.06 billion yuan a year earlier and 23.8% from the previous
            # quarter": the change before the compared level lends its direction
            (cq, ccue) = roles[i - 2]
            if ccue is not None and cq.unit == q.unit and \
                    view.semiclause(cq.start) == view.semiclause(q.start):
                roles[i] = (q, Cue(ccue.start, ccue.end, ccue.text, ccue.label, SHARED_CUE))


def respectively_drafts(view: SentenceView, roles: list[tuple[Quantity, Cue | None]],
                        used: set[int]) -> list[Draft]:
    """Pair the lists of a "respectively" sentence, in order.

    "A and B were X and Y, up P% and Q% respectively": the n-th level takes the n-th change,
    and the draft remembers its place in the list for metric and period distribution.
    """
    for i in range(1, len(roles)):
        (q, cue), (pq, pcue) = roles[i], roles[i - 1]
        if cue is None and pcue is not None and q.unit == pq.unit and LIST_JOIN.match(
                view.between(pq.end, left_edge(q))):
            roles[i] = (q, pcue)
    change_runs = list_runs(view, roles, changes=True)
    drafts = []
    for run in list_runs(view, roles, changes=False):
        partner = next((c for c in change_runs if len(c) == len(run) and c[0] > run[-1]), None)
        for k, index in enumerate(run):
            draft = Draft(level=roles[index][0], pattern="respectively", list_index=k,
                          list_size=len(run), list_start=roles[run[0]][0].start)
            if partner is not None:
                q, cue = roles[partner[k]]
                draft.change, draft.direction, draft.change_start = q, cue.label, cue.start
                draft.basis = basis_near(view, cue.start, q.end)
                used.add(partner[k])
            used.add(index)
            drafts.append(draft)
    for run in change_runs:  # "贷款约6.84万亿元，存款约8.62万亿元，分别增长4.98%和5.69%"
        if any(i in used for i in run):
            continue
        levels = [i for i in range(run[0]) if i not in used and roles[i][1] is None
                  and view.semiclause(roles[i][0].start) == view.semiclause(roles[run[0]][0].start)]
        if len(levels) < len(run):
            if not levels and len(run) > 1:  # 营业收入和净利润分别增长10.2%和11.0%: changes alone
                for k, partner in enumerate(run):
                    q, cue = roles[partner]
                    drafts.append(Draft(level=None, change=q, direction=cue.label,
                                        change_start=cue.start, pattern="change_only",
                                        basis=basis_near(view, cue.start, q.end), list_index=k,
                                        list_size=len(run), list_start=roles[run[0]][1].start))
                    used.add(partner)
            continue
        for index, partner in zip(levels[-len(run):], run, strict=True):
            q, cue = roles[partner]
            drafts.append(Draft(level=roles[index][0], change=q, direction=cue.label,
                                change_start=cue.start, pattern="respectively_changes",
                                basis=basis_near(view, cue.start, q.end)))
            used.update((index, partner))
    return drafts


def drafts_for(view: SentenceView, quantities: list[Quantity]) -> list[Draft]:
    """Classify quantities into levels and changes and join each change to its level."""
    roles: list[tuple[Quantity, Cue | None]] = []
    lex = load_lexicon(view.lang)
    directed = lex.directed_metrics
    for q in quantities:
        cue = direction_cue(view, q)
        if cue is None:
            metric = attr.nearest_before(view.metrics, q.start, view.clause(q.start)[0])
            if metric is not None and metric.row in directed:
                cue = Cue(metric.start, metric.end, metric.text, directed[metric.row], metric.row)
        if q.unit == "x" and cue is None and (not q.text[:1].isdigit() or MULTIPLE_OF_EARLIER.match(
                view.between(q.end, view.end)) or MULTIPLE_OF_EARLIER_ZH.search(
                view.between(max(view.start, q.start - 12), q.start))):
            # "nearly 4.5 times that of the same period last year", 是去年同期的4.5倍: a change
            cue = Cue(q.start, q.end, q.text, "up", "multiple")
        keep = cue is not None and (q.unit is not None or is_scaled(q) or cue.row in directed)
        roles.append((q, cue if keep else None))
    share_direction(view, roles)
    used: set[int] = set()
    drafts = respectively_drafts(view, roles, used) if RESPECTIVELY.search(view.text) else []
    for i, (q, _cue) in enumerate(roles):
        rivalry = rival_comparison(view, q)
        if rivalry is not None and i not in used:
            used.add(i)
            drafts.append(Draft(level=None, change=q, direction=rivalry[0], change_start=q.start,
                                pattern="rival_comparison", rival=rivalry[1],
                                basis=against_previous(view, rivalry[1])))
        rival = rival_share(view, q) if i not in used else None
        if rival is not None:
            used.add(i)
            drafts.append(Draft(level=q, pattern="rival_share", rival=rival))
    for i, (q, cue) in enumerate(roles):
        model = named_comparison(view, q) if cue is not None and i not in used else None
        if model is not None and cue is not None:
            used.add(i)
            drafts.append(Draft(level=None, change=q, direction=cue.label, change_start=cue.start,
                                pattern="model_comparison", rival=model,
                                basis=against_previous(view, model)))
    for i, (q, cue) in enumerate(roles):
        if cue is None or i in used:
            continue
        used.add(i)
        stepped_over = False  # the change skipped a compared level to reach the current one
        draft = Draft(level=None, change=q, direction=cue.label, change_start=cue.start,
                      pattern="change_only")
        nxt = i + 1
        if nxt < len(roles) and roles[nxt][1] is None and nxt not in used:
            gap = view.between(q.end, left_edge(roles[nxt][0]))
            if FROM_LEVEL.match(gap):
                used.add(nxt)
                until = roles[nxt + 1][0].start if nxt + 1 < len(roles) else view.end
                drafts.append(Draft(level=roles[nxt][0], pattern="earlier_level", earlier=True,
                                    until=until))
                nxt += 1
                if nxt < len(roles):
                    gap = "to" if re.search(r"\b(?:to)\b|至|到", view.between(
                        roles[nxt - 1][0].end, roles[nxt][0].start)) else ""
            if nxt < len(roles) and roles[nxt][1] is None and nxt not in used and (
                    TO_LEVEL.match(gap) or gap == "to"):
                used.add(nxt)
                draft.level, draft.pattern = roles[nxt][0], "change_then_value"
        if draft.level is None and i > 0 and (i - 1) not in used and roles[i - 1][1] is None:
            back = i - 1
            if back > 0 and (back - 1) not in used and roles[back - 1][1] is None and \
                    COMPARED_LEVEL.search(view.between(max(view.start, left_edge(
                        roles[back][0]) - 30), left_edge(roles[back][0]))):
                back -= 1  # "3.27 billion, compared with 23.52 billion ..., down 86%": the first
            else:
                lead = COMPARED_LIST_BEFORE.search(view.between(
                    max(view.start, left_edge(roles[back][0]) - 60), left_edge(roles[back][0])))
                if lead is not None:  # "raising 32.4 billion yuan, compared with 189 companies
                    # and 213.6 billion yuan a year earlier, a decrease of 85%": the current one
                    cut = left_edge(roles[back][0]) - (len(lead.group()) - lead.start("lead"))
                    current = next((j for j in range(back - 1, -1, -1)
                                    if roles[j][0].end <= cut and roles[j][1] is None
                                    and j not in used
                                    and roles[j][0].unit == roles[back][0].unit), None)
                    if current is not None:
                        back = current
            prev = roles[back][0]
            same = view.semiclause(prev.start) == view.semiclause(q.start)
            between = [m for m in view.metrics if prev.end <= m.start < cue.start
                       and not WHOLE_OF.match(view.between(prev.end, m.start))
                       and not COUNTED_NOUN_GAP.fullmatch(view.between(prev.end, m.start))]
            # ("10.24 million charging facilities, up 54.0%": the level's own counted noun)
            if same and not between and changes_unit_of(q, prev):
                used.add(back)
                draft.level, draft.pattern = prev, "value_then_change"
                stepped_over = back < i - 1
        if stepped_over:
            # 56.24亿元，较去年同期的48.3亿元增长16.4%: against the earlier figure written, unless
            # the change itself says 同比 / year-on-year
            draft.basis = basis_near(view, roles[back + 1][0].end, q.end, window=0) \
                or "vs_previous"
        elif cue.row == SHARED_CUE:  # "... and 76.1% quarter-on-quarter": its own basis
            draft.basis = basis_near(view, q.start, q.end, window=3)
        else:
            draft.basis = basis_near(view, min(cue.start, draft.anchor.start),
                                     max(q.end, draft.anchor.end))
        if draft.earlier is False and any(d.earlier for d in drafts[-1:]) and draft.basis is None:
            draft.basis = "vs_previous"
        if draft.basis is None and q.unit == "x" and not q.text[:1].isdigit() and any(
                t.label and YEAR_LABEL.fullmatch(t.label)
                and view.clause(t.start) == view.clause(q.start) for t in view.times):
            draft.basis = "yoy"  # "to double its overseas shipments in 2024": over last year
            draft.year_multiple = True  # (a later year's multiple is against today's level)
        drafts.append(draft)
    for i, (q, _cue) in enumerate(roles):
        if i in used:
            continue
        nxt = roles[i + 1][0] if i + 1 < len(roles) else None
        before = view.between(view.start, left_edge(q))
        if nxt is not None and (attr.ends_with(FROM_BEFORE, before, len("from"))
                                or from_year_before(view, q)) and \
                TO_WORD.search(view.between(q.end, left_edge(nxt))):
            drafts.append(Draft(level=q, pattern="earlier_level", earlier=True, until=nxt.start))
        else:
            drafts.append(Draft(level=q))
    for draft in drafts:
        if draft.change is not None and draft.basis is None and any(
                p.start > draft.anchor.end and view.semiclause(p.start) == view.semiclause(
                    draft.anchor.start) and (COMPARED_LEVEL.search(view.between(
                        max(view.start, left_edge(p) - 30), left_edge(p))) or FROM_BEFORE.search(
                        view.between(max(view.start, left_edge(p) - 8), left_edge(p))))
                for p in quantities):
            draft.basis = "vs_previous"  # "increase 4.1% to 559.7 million, up from 537.6 million"
    ordered = sorted((d for d in drafts if d.change is not None), key=lambda d: d.change.start)
    for before, draft in zip(ordered, ordered[1:], strict=False):
        if before.basis in ("yoy", "qoq", "mom", "hoh") and draft.basis in (None, "vs_previous") \
                and draft.level is None and COMPARED_CHANGE_BEFORE.search(view.between(
                    max(view.start, left_edge(draft.change) - 20), left_edge(draft.change))):
            # "grew 5.3% year-on-year in June, after a 5.6% increase in May", "compared with
            # a 1.4% decline in August": the earlier change, on the same basis
            draft.basis = before.basis
    for i, draft in enumerate(ordered):
        before = next((d.basis for d in reversed(ordered[:i]) if d.basis), None)
        after = next((d.basis for d in ordered[i + 1:] if d.basis), None)
        if draft.basis is None and before is not None and before == after and \
                before != "vs_previous":
            draft.basis = before  # "Africa grew 16% year-on-year, Latin America grew 11% and
            # Southeast Asia grew 9%, while North America declined 3% year-on-year"
    bases = {d.basis for d in drafts if d.change is not None and d.basis is not None}
    if len(bases) == 1 and RESPECTIVELY.search(view.text):
        for draft in drafts:  # "grew 10%, 32% and 17% year-on-year respectively": all three
            if draft.change is not None and draft.basis is None:
                draft.basis = next(iter(bases))
    return sorted(drafts, key=lambda d: d.anchor.start)


def rival_comparison(view: SentenceView, q: Quantity) -> tuple[str, Cue] | None:
    """(direction, rival) of a stated edge over a named rival, else None.

    "its delivery time is about 30% shorter than that of its rival Foodpanda", 能耗比格力同类产品
    低约15%: a claim when a company says so (a speaker in the sentence) or a product is compared.
    """
    if q.unit not in ("%", "x"):
        return None
    named = [s for s in view.subjects if s.label in attr.SUBJECT_TYPES]
    after = view.between(q.end, view.clause(q.start)[1])
    m = RIVAL_AFTER.match(after) or (RIVAL_MULTIPLE.match(after) if q.unit == "x" else None)
    if m is not None:
        word, lo, hi = m.group("word"), q.end + m.end(), view.clause(q.start)[1]
        if PREDECESSOR_END.search(view.between(lo, hi)):  # "its predecessor, the MTT S3000"
            hi = view.semiclause(q.start)[1]
    else:
        m = RIVAL_BEFORE_ZH.search(view.between(view.clause(q.start)[0], q.start))
        if m is None:
            return None
        word = m.group("word")
        lo = view.clause(q.start)[0] + m.start("what")
        hi = view.clause(q.start)[0] + m.end("what")
    rival = attr.first_after(named, lo, hi) or unknown_rival(view, lo, hi)
    stated = any(c.label in ("speaker_after", "claim") for c in view.modality)
    if rival is None or not (stated or any(s.label == "product" and s.end <= q.start
                                           for s in named)):
        return None
    owned = next((s for s in named if s.label == "product"
                  and rival.end <= s.start <= rival.end + 3), None)
    if rival.label == "company" and owned is not None:  # "Nvidia's A100": the maker's product
        rival = Cue(rival.start, owned.end, view.between(rival.start, owned.end), "product",
                    attr.owned_product(view, owned))
    up = word.lower() in RIVAL_UP or q.unit == "x" and word.lower() not in RIVAL_DOWN
    return ("up" if up else "down"), rival


def named_comparison(view: SentenceView, q: Quantity) -> Cue | None:
    """The model a change is measured against ("cut by 50% compared with Yi-Large"), else None.

    Only a product, or a model-like name (a capital and a digit or hyphen), counts: "compared
    with the same period" or "compared with Tencent" compare periods or companies, not models.
    """
    if q.unit not in ("%", "x"):
        return None
    named = [s for s in view.subjects if s.label == "product"]
    lo, hi = view.clause(q.start)
    m = COMPARED_AFTER.match(view.between(q.end, hi))
    if m is not None:
        start = q.end + m.end()
        return as_written(next((s for s in named if s.start == start), None)) or model_at(
            view, start, hi)
    for m in COMPARED_BEFORE.finditer(view.between(view.start, q.start)):
        start = view.start + m.end()
        rival = as_written(next((s for s in named if s.start == start), None)) or model_at(
            view, start, q.start)
        if rival is None:  # 与上一代GLM-4相比: the model after the word for "previous"
            rival = next((s for s in named if start <= s.start <= start + 6 and
                          PREVIOUS_WORD.search(view.between(start, s.start))), None)
        if rival is not None:
            return rival
    return None


def against_previous(view: SentenceView, model: Cue) -> str | None:
    """vs_previous when the model compared with is the maker's own earlier one, else None.

    ("twice that of its predecessor, the MTT S3000", "compared with the previous generation
    Step-1", GLM-4-Plus against GLM-4)
    """
    before = view.between(max(view.start, model.start - 30), model.start)
    return "vs_previous" if PREVIOUS_WORD.search(before) or same_family(view, model) else None


def rival_share(view: SentenceView, q: Quantity) -> Cue | None:
    """The named product a percentage measures up to, else None.

    "achieves about 70% of the training performance of Nvidia's A100", 性能达到A100的70%: a
    claim of capability, scored against that product.
    """
    if q.unit != "%":
        return None
    named = [s for s in view.subjects if s.label in attr.SUBJECT_TYPES]
    lo, hi = view.clause(q.start)
    m = SHARE_OF_CAPABILITY.match(view.between(q.end, hi))
    if m is not None:
        rival = attr.first_after(named, q.end + m.end(), hi)
        if rival is None or rival.start > q.end + m.end() + 1:
            return None
    else:
        m = CAPABILITY_SHARE_ZH.search(view.between(lo, q.start))
        rival = attr.first_after(named, lo + m.start("what"), lo + m.end("what")) if m else None
        if rival is None:
            return None
    owned = next((s for s in named if s.label == "product"
                  and rival.end <= s.start <= rival.end + 3), None)
    if rival.label == "company" and owned is not None:  # "Nvidia's A100": the maker's product
        rival = Cue(rival.start, owned.end, view.between(rival.start, owned.end), "product",
                    attr.owned_product(view, owned))
    return rival if rival.label == "product" else None


def as_written(model: Cue | None) -> Cue | None:
    """A model with its version as written: "SenseNova 5.0", compared with SenseNova 5.5."""
    if model is None or model.text == model.row or not model.text.startswith(model.row):
        return model
    return Cue(model.start, model.end, model.text, model.label, model.text)


def same_family(view: SentenceView, model: Cue) -> bool:
    """Another product of the sentence shares the model's stem.

    (GLM-4-Plus / GLM-4, Step-2 / Step-1): a comparison with the maker's own earlier model.
    """
    return any(s.label == "product" and s.start != model.start and same_stem(s.row, model.row)
               for s in view.subjects)


def same_stem(name: str, other: str) -> bool:
    """Two different model names of one family.

    "Yi-Lightning" and "Yi-Large", "SenseNova" and "SenseNova 5.0".
    """
    stem = STEM.match(other)
    return stem is not None and name != other and name.lower().startswith(stem.group().lower())


def model_at(view: SentenceView, start: int, hi: int) -> Cue | None:
    """A model-like name the gazetteer lacks, starting right at `start`: "Yi-Large"."""
    m = MODEL_NAME.match(view.between(start, hi))
    if m is None or not re.search(r"\d|-", m.group()) or any(
            t.start <= start < t.end for t in view.times):
        return None  # ("compared with March 31" is a day)
    return Cue(start, start + m.end(), m.group(), "product", m.group())


def unknown_rival(view: SentenceView, lo: int, hi: int) -> Cue | None:
    """A capitalised name right after "than (that of) (its rival)": "Foodpanda"."""
    m = RIVAL_NAME.match(view.between(lo, hi))
    if m is None:
        return None
    start = lo + m.start("name")
    return Cue(start, start + len(m.group("name")), m.group("name"), "company", m.group("name"))


def changes_unit_of(change: Quantity, level: Quantity) -> bool:
    """A change can be of this level: relative (%, pp, x) or in the level's own unit.

    "资本开支约为75亿美元，年内新增约6万片月产能": wafers added are no change of a dollar amount.
    """
    if change.unit in ("%", "pp", "x"):
        return True
    return (change.unit or "count") == (level.unit or "count") or change.unit is None \
        or level.unit is None
