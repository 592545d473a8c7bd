"""Who, which metric, when and how sure: the attribute pickers of assembly.

Each picker answers one question about one quantity from the cues of its sentence, preferring the
nearest cue in the same clause, then the same semicolon clause, then the sentence. Distance and
clause structure generalize across articles and languages; no picker knows any company or word.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from pipeline.components.base import Cue
from pipeline.lexicon import Lexicon
from pipeline.periods import COMPARISON_KINDS, TimeMention, previous_quarter, shift_year
from pipeline.quantities import Quantity
from pipeline.sentence_view import SentenceView

PROFIT_METRICS = {
    "net_profit", "net_profit_attributable", "net_profit_excl_nonrecurring",
    "adjusted_net_profit", "operating_profit", "gross_profit", "eps",
}
REFINED_PROFIT = {"net_profit_attributable", "net_profit_excl_nonrecurring", "adjusted_net_profit"}
RATIO_METRICS = {"market_share", "revenue_share", "gross_margin", "adoption_rate",
                 "benchmark_score", "other"}
VERB_OBJECT_REACH = 40  # "spend 10 billion yuan on capital expenditure": the noun right after
SHARE_METRICS = {"market_share", "revenue_share", "gross_margin", "adoption_rate"}
COUNT_METRICS = {"shipments", "sales_volume", "users", "downloads", "usage", "employees",
                 "headcount_change", "benchmark_wins"}
MARKET_METRICS = {"shipments", "market_size", "sales_volume", "sales"}
SUBJECT_TYPES = {"company", "product"}
SPEAKER_TYPES = {"person", "organization", "company"}
# coordinated capitalised names before a "respectively" list: "HPE and Inspur with 8.8% and 8.3%"
_NAME = r"[A-Z][\w&.\-]*(?: [A-Z0-9][\w&.\-]*)*"
NAME_PHRASE = re.compile(_NAME)
COORDINATED = re.compile(rf"(?<![\w-]){_NAME}(?:, {_NAME})*,? and {_NAME}")
POSSESSIVE = ("'s ", "’s ")
# a company named in a prepositional phrase ("led by Alibaba", "than Tesla") is rarely the
# one the figure is about
# "after the company refreshed its iPad lineup in May": a clause of its own, with a verb (not
# "after a funding round in November 2023", which dates the valuation it led to)
EVENT_CLAUSE = re.compile(r"\b(?:after|when|because)\s+(?:the\s+[a-z]+|it|they|he|she|"
                          r"[A-Z][\w.]+(?:\s[A-Z][\w.]+)*)\s+(?:[a-z]+ed|was|were|had|began)\b")
AGENT_BEFORE = re.compile(
    r"(?:\b(?:(?<!followed )(?<!trailed )by|from|with|than|against|like|including|versus|"
    r"vs\.?|thanks to|on the back of|"
    r"driven by|powered by|interest in|stake in|holding in|investment in|losses of|profits of|"
    r"results of)\s+(?:the\s+)?|由|被|获|凭借|依靠|借助|得益于)$", re.I)
AMONG_THEM = re.compile(r"\s*(?:其中|among (?:them|which)|of (?:which|this|these))", re.I)
COMPONENT = re.compile(r"\b(?:panel|chip|battery|module|display|lens|sensor|lidar|CPU|GPU|"
                       r"memory|HBM|DRAM|NAND)s?$", re.I)  # a part that goes into a device
DESTINATION_BEFORE = re.compile(r"\b(?:export\w*|ship\w*|sold|sent|deliver\w*)\b[^;]{0,40}"
                                r"\b(?:to|into)\s+(?:the\s+)?$|\bfollowed by\s+(?:the\s+)?$",
                                re.I)
FOR_USE = re.compile(r"\s+(?:for|used in)\s+(?:the\s+)?")  # "panels for smartphones"
JOINED_START = re.compile(r"^[\s,]*(?:and|while|but|whereas)\b", re.I)  # a clause of its own
COMPARISON_BEFORE = re.compile(
    r"\b(?:from|(?<!more )(?<!less )(?<!fewer )(?<!rather )than|compared with|compared to|versus|"
    r"(?:the )?same as|similar to|in line with|flat with)\b"
    r"|较|相比|(?<![同环占对无])比(?![亚例重率])", re.I)
# what may stand between a comparing "from" and its figure or time ("from about US$1.2 billion")
FROM_POINT_GAP = re.compile(r"\s*(?:(?:the|a|an|its|their|last|about|around|nearly|roughly|"
                            r"approximately|some|US|HK|RMB)\b\W*)*(?:[\d$¥€£]|$)", re.I)
# "for the first time since 2020", "the highest level since 2019": a record, not a period
RECORD_BEFORE = re.compile(r"\b(?:first time|time|highest|lowest|best|worst|level|record|strongest"
                           r"|weakest|fastest|slowest)\b[^,;]{0,12}\bsince\s*$|首次[^，；]{0,6}$",
                           re.I)
# "L7", "H20", "RT6": a bare model code names no brand ("Ascend 910B" does)
MODEL_CODE = re.compile(r"^[A-Z]{1,3}\d{1,4}[A-Za-z]?$")
# "Cui Dongshu, secretary general of the CPCA, said": a person, a role, then the verb
APPOSITION = re.compile(r"\s*[,，]\s*[^,，;；]{2,70}[,，]\s*")
LITERAL_MARKET = re.compile(r"(?:'s|’s)?\s+(?P<words>(?:[A-Za-z][\w-]*\s+){1,5}?)market\b")
GENERATION_CLAIM = "claim.generation"  # "2x faster than the previous generation": no rival
# a rival written right after a claim cue: 'than "Genshin Impact"', "that of Hello Kitty"
RIVAL_AFTER = re.compile(
    r"\s*(?:that of |those of |the )?(?:(?:similar|comparable|rival|competing) products "
    r"(?:from|of|by) )?(?P<name>“[^”]{1,40}”|\"[^\"]{1,40}\"|《[^》]{1,40}》|"
    r"(?:[A-Z]|[a-z]+[A-Z])(?:[\w+-]|\.(?=\w))*(?:[ -](?:[A-Z]|\d)(?:[\w+-]|\.(?=\w))*)*)")
# the link to the next item of a list: "... a year earlier and 355 million", 、
LIST_AND_BEFORE = re.compile(r"(?:\band|\bas well as|[、和及与])\s*$")
MARKET_NAMED = re.compile(r"\b(?:market|industry|nationwide|countrywide)\b|市场|行业|全国|全球",
                          re.I)
LOSS_OF_NAMED = re.compile(r"\s+(?:was|were|is|are|recorded|posted|swung to|turned to)\s+(?:a\s+)?"
                           r"(?:net\s+)?loss(?:es)?", re.I)
FIGURE_LIST_GAP = re.compile(r"[和及、与\s]*(?:分别|也|还|都)?")
LEVEL_AFTER = re.compile(r"\s*(?:levels?\b|年?(?:同期)?的?水平)", re.I)
LEVEL_OF_BEFORE = re.compile(
    r"(?:\b(?:of|to|at|than|above|below)\s+(?:the\s+)?|恢复至|恢复到|达到|超过)$", re.I)
SAME_PERIOD_OF_BEFORE = re.compile(r"\bof the same period (?:of|in)\s+$", re.I)
COUNTED_REACH = 40  # characters from a count to the category it counts
RELATIVE_OPENING = re.compile(r"\s*(?:which|who|whose)\b", re.I)
SOURCE_FROM = re.compile(r"\b(?:data|figures|statistics|estimates|reports?|information) from\b",
                         re.I)
FORECASTER_GAP = 24  # characters from a company to its forecasting verb ("Maoyan Pro lowered")
DATA_SHOW = re.compile(r"\s*(?:data|figures) from\s+[^,;]{1,60}?\s+(?:show|shows|showed|"
                       r"suggest|suggests|indicate|indicates)(?:\s+that)?\b", re.I)
SOURCE_OPENING = re.compile(r"\s*(?:according to|data from|figures from|据|根据)", re.I)
APPOSITION_OPENING = re.compile(
    r"\s*(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:platform|unit|arm|subsidiary|affiliate|division|"
    r"app|tracker|database|service|agency)\s+(?:of|under|owned by)\b", re.I)
NOT_A_MARKET_NAME = re.compile(
    r"\b(?:the|a|an|is|was|are|were|be|been|remain(?:ed|s)?|became|becomes|its|their|our|"
    r"largest|biggest|second|third|top|single|only|one)\b", re.I)
# a time a figure is a share of: 恢复至2019年同期的120%
RECOVERED_TO = re.compile(r"(?:恢复|回升|回到|相当于)(?:至|到)?$")
# a clause that opens with a comparison: "12.2%, compared with 6.2% in Q2 2023 and 9.2% in ..."
COMPARISON_OPENING = re.compile(r"\s*(?:compared with|compared to|versus|vs\.?|up from|down from|"
                                r"较|相比)", re.I)
# a figure written as the point of comparison: "from 6.2 billion", "compared with 23.5 billion"
COMPARED_POINT = re.compile(r"(?:\b(?:from|compared with|compared to|versus|vs\.?|than)\s+"
                            r"(?:the\s+|a\s+(?:net\s+)?(?:loss|profit)\s+of\s+)?|(?:较|相比|高于|低于|去年同期为|上年同期为|同期为)上?\s*)$",
                            re.I)
AGENT_WIDTH = len("on the back of the")  # the longest phrase of AGENT_BEFORE
AS_OF_BEFORE = re.compile(r"(?:\bas of|\bas at|截至|截止到?|到)\s*(?:the\s+)?(?:end of\s+)?$", re.I)
QUOTE_CLOSE_BEFORE = re.compile(r"[\"”」』]\s*$|[,，]\s*[\"”」』]\s*$")
CURRENCY_AFTER = re.compile(r"\s*(?:dollars?\b|\$|元)", re.I)
INTERVAL_FROM = re.compile(r"\bfrom\s*$", re.I)  # "from January to August" opens its span
AS_OF_START = re.compile(r"(?:as of|as at|截至|截止)", re.I)
MARKET_WORD = re.compile(r"^\s*(?:market|industry|市场|行业)", re.I)
STRONG_MODALITIES = ("claim", "target", "plan", "forecast")
WEAK_CUES = ("forecast.hedge", "forecast.will")  # scope only their own clause, or need a speaker


@dataclass(frozen=True, slots=True)
class MetricChoice:
    """The metric of a quantity, the cue that gave it, and whether it is a loss."""

    metric: str | None
    cue: Cue | None
    negative: bool
    how: str


NAME_JOIN = re.compile(r"\s*(?:,|，|、|and|和|与|及)\s*(?:and\s+)?", re.I)
ANNOUNCED_BEFORE = re.compile(r"\b(?:(?:announced|approved|unveiled|proposed|launched|introduced|"
                              r"disclosed)\s+(?:in|on|at|last|earlier)?|(?:said|says|told|stated|"
                              r"noted)\s+(?:on|in)|(?:press conference|earnings call|conference "
                              r"call|briefing|interview|forum|summit)\s+(?:on|in))\s*$", re.I)
EVENT_AFTER = re.compile(r"^,\s*(?:[^,;]{0,50}?)\b(?:published|announced|said|released|unveiled|"
                         r"disclosed|reported|issued)\b", re.I)
# 本次IPO募集资金, "this IPO": the company's own deal, not the IPO market
OWN_DEAL_BEFORE = re.compile(r"(?:本次|此次|该次|这次|\bthis\s+)$", re.I)

def ends_with(pattern: re.Pattern[str], text: str, width: int) -> bool:
    """`pattern.search(text)` for a pattern made of one word and whitespace up to the end.

    A match can only start `width` (the longest word) characters before the trailing whitespace;
    searching from there instead of from the start of a long sentence gives the same answer.
    """
    return pattern.search(text, max(0, len(text.rstrip()) - width)) is not None


def nearest_before(cues: list[Cue], pos: int, lo: int) -> Cue | None:
    """The cue ending closest before `pos`, not before `lo`."""
    best = None
    for cue in cues:
        if lo <= cue.start and cue.end <= pos and (best is None or cue.end > best.end):
            best = cue
    return best


def first_after(cues: list[Cue], pos: int, hi: int) -> Cue | None:
    """The first cue starting at or after `pos`, ending by `hi`."""
    return next((c for c in cues if c.start >= pos and c.end <= hi), None)


def pick_metric(view: SentenceView, lex: Lexicon, start: int, end: int,
                unit: str | None = None) -> MetricChoice:
    """Nearest metric cue before the quantity (clause, then semiclause, then after, sentence).

    A share or a margin cannot measure a count or an amount of money ("a market share of
    36.6%, and Samsung ranked second with 7.0 million units"): with such a `unit` those cues
    are passed over.
    """
    rows = lex.metric_rows
    plain = [c for c in view.metrics if not rows[c.row].modifier
             and not (unit not in (None, "%", "pp") and c.label in SHARE_METRICS)
             and not (unit is not None and len(unit) == 3 and c.label in ("users", "usage"))]
    # (users or uses never measure money: "revenue from external customers reached 61 billion")
    clause = view.clause(start)
    semi = view.semiclause(start)
    inside = [c for c in plain if start <= c.start and c.end <= end]
    if inside:  # "1,200 related personnel", "30.4 million units": the counted noun names it
        cue = inside[-1]
        return MetricChoice(cue.label, cue, rows[cue.row].sign < 0, "metric_in_value")
    cue, how = nearest_before(plain, start, clause[0]), "metric_before_value"
    if cue is None:  # a cue that starts in the figure's clause may run past its comma
        after_end = view.clause(max(end - 1, start))[1]
        cue, how = next((c for c in plain if end <= c.start < after_end), None), \
            "metric_after_value"
    if cue is None and unit in (None, "count"):
        # "截至6月底，库迪门店总数已超过7,000家": a count's own clause names what it counts
        own = nearest_before([c for c in view.metrics if rows[c.row].modifier], start, clause[0])
        if own is not None:
            return MetricChoice(own.label, own, False, "metric_modifier")
    if cue is None:  # (not from a relative clause: "EBITA, which it regards as its key profit
        # indicator, was 44.97 billion yuan")
        outside = [c for c in plain if c.end > start or not RELATIVE_OPENING.match(
            view.between(view.clause(c.start)[0], c.start))]
        cue, how = nearest_before(outside, start, semi[0]), "metric_before_value"
    if cue is None:
        cue, how = nearest_before(plain, start, view.start), "metric_before_value"
    if cue is not None and rows[cue.row].verb:
        noun = first_after([c for c in plain if not rows[c.row].verb], end,
                           min(clause[1], end + VERB_OBJECT_REACH))
        if noun is not None:
            cue, how = noun, "metric_after_value"
    if cue is None:
        modifier = nearest_before(view.metrics, start, semi[0])
        if modifier is None:
            return MetricChoice(None, None, False, "no_metric")
        return MetricChoice(modifier.label, modifier, False, "metric_modifier")
    if rows[cue.row].sign < 0 and cue.label == "net_profit":
        # "the segment's adjusted EBITA was a loss of 3.71 billion": a loss of the measure named
        # before it
        named = nearest_before([c for c in plain if c is not cue], cue.start, clause[0])
        if named is not None and LOSS_OF_NAMED.fullmatch(view.between(named.end, cue.end)):
            return MetricChoice(named.label, named, True, how)
    metric = cue.label
    negative = rows[cue.row].sign < 0
    lo = min(cue.start, start)
    for other in view.metrics:
        row = rows[other.row]
        if other is not cue and lo <= other.start and other.end <= start and row.sign < 0:
            negative = True
    if metric == "net_profit":
        refiners = [c for c in view.metrics if c.start < cue.start
                    and (rows[c.row].modifier or c.label != "net_profit")]
        refiner = nearest_before(refiners, cue.start, semi[0])
        right_after = next((c for c in view.metrics if rows[c.row].modifier
                            and 0 <= c.start - cue.end <= 2), None)
        if right_after is not None:  # "net income attributable to Baidu"
            metric = right_after.label
        elif refiner is not None and (rows[refiner.row].modifier
                                      or refiner.label in REFINED_PROFIT):
            metric = refiner.label
        if metric == "net_profit_attributable" and any(
                c.label == "adjusted_net_profit" and rows[c.row].modifier and semi[0] <= c.start
                < cue.start for c in view.metrics):
            metric = "adjusted_net_profit"  # 非国际财务报告准则下，归属于公司股东的净利润
    return MetricChoice(metric, cue, negative, how)


def speakers(view: SentenceView) -> list[tuple[Cue, Cue]]:
    """(speaker mention, cue) pairs: "according to X", "X said", "X predicts"."""
    found = []
    named = [s for s in view.subjects if s.label in SPEAKER_TYPES]
    for cue in view.modality:
        if cue.label == "speaker_before":
            mention = first_after(named, cue.end, min(view.end, cue.end + 40))
            if mention is not None and not view.between(cue.end, mention.start).count(","):
                found.append((mention, cue))
        elif cue.label == "speaker_after":
            mention = nearest_before(named, cue.start, max(view.start, cue.start - 90))
            right_after = next((m for m in named if 0 <= m.start - cue.end <= 3), None)
            if right_after is not None and QUOTE_CLOSE_BEFORE.search(
                    view.between(max(view.start, cue.start - 4), cue.start)):
                found.append((right_after, cue))  # '"…," said Ishan Dutt'
                continue
            if mention is None:
                continue
            gap = view.between(mention.end, cue.start)
            if ("," not in gap and cue.start - mention.end <= 45) or (
                    mention.label == "person" and APPOSITION.fullmatch(gap)):
                found.append((mention, cue))
    return found


def pick_speaker(view: SentenceView) -> Cue | None:
    """The first speaker of the sentence (persons and organisations state, companies report)."""
    pairs = speakers(view)
    return pairs[0][0] if pairs else None


RELATIVE_ASIDE = re.compile(r",\s+(?:which|who)\s+[^,;]+,")  # a describing aside


def market_subject(view: SentenceView, start: int,
                   region_hint: str | None = None) -> tuple[str, str, str | None] | None:
    """"global smartphone market" from a product category and a region near the quantity.

    Without a region in the sentence, the region of the article's previous market is used
    (`region_hint`): a market article keeps talking about the same country.
    """
    semi = view.semiclause(start)
    asides = [(view.start + m.start(), view.start + m.end()) for m in RELATIVE_ASIDE.finditer(
        view.text) if view.start + m.end() <= start]
    products = [c for c in view.segments if c.label == "product" and not OWN_DEAL_BEFORE.search(
        view.between(max(view.start, c.start - 6), c.start))
        and not any(lo <= c.start < hi for lo, hi in asides)]
    # ("Client games, which are played on personal computers, generated": not the PC market)
    product = nearest_before(products, start, semi[0]) or nearest_before(products, start,
                                                                          view.start)
    if product is None:  # "China imported 312.3 billion integrated circuits": the counted noun
        product = first_after(products, start, min(semi[1], start + COUNTED_REACH))
    if product is None:
        return None
    used_in = next((p for p in products if p.end < product.start and FOR_USE.fullmatch(
        view.between(p.end, product.start))), None)
    if used_in is not None:  # "AMOLED panels for smartphones": the smartphone OLED panel market
        product = Cue(used_in.start, product.end, view.between(used_in.start, product.end),
                      "product", f"{product.row} {used_in.row}")
    device = next((p for p in products if p.end <= product.start and not view.between(
        p.end, product.start).strip() and p.row != product.row
        and COMPONENT.search(product.row) and not COMPONENT.search(p.row)), None)
    if device is not None:  # "smartphone OLED panels", 手机OLED面板: the device's component
        product = Cue(device.start, product.end, view.between(device.start, product.end),
                      "product", f"{device.row} {product.row}")
    regions = [c for c in view.segments if c.label == "region" and not DESTINATION_BEFORE.search(
        view.between(max(view.start, c.start - 60), c.start))]  # ("exported 768,000 vehicles
    # to Russia, followed by Mexico with 301,000 units": where they went, not the market)
    own = regional_market(view, start)
    region = own or nearest_before(regions, product.start, max(semi[0], product.start - 40)) \
        or first_after(regions, product.end, min(view.end, product.end + 15))
    region_name = region.row if region else region_hint
    if own is not None and own.start > product.end:  # "其中，中国大陆市场出货量": same product
        return f"{region_name} {product.row} market", view.between(own.start, own.end), \
            region_name
    name = f"{region_name} {product.row} market" if region_name else f"{product.row} market"
    text_start = region.start if region and region.start < product.start else product.start
    return name, view.between(text_start, product.end), region_name


def literal_market(view: SentenceView, start: int) -> tuple[str, str] | None:
    """A market the text names word for word before the figure.

    "China's AI public cloud services market" -> "China AI public cloud services market"; when
    the words are just a product category ("smartphones"), its canonical name is used. The
    phrase must stand in the figure's semicolon clause.
    """
    semi = view.semiclause(start)
    regions = [c for c in regions_in(view) if semi[0] <= c.start < start]
    if not regions or "market" not in view.between(regions[0].end, start):
        return None
    for region in reversed(regions):
        m = LITERAL_MARKET.match(view.between(region.end, start))
        if m is None:
            continue
        words = m.group("words").strip()
        if NOT_A_MARKET_NAME.search(words):
            continue  # "China remained the largest market": a clause, not a market's name
        products = [c for c in view.segments if c.label == "product" and c.text == words
                    and region.end <= c.start < region.end + m.end()]
        name = products[0].row if products else words
        return f"{region.row} {name} market", view.between(region.start, region.end + m.end())
    return None


def regions_in(view: SentenceView) -> list[Cue]:
    """Region cues that name a place ("US dollars" and "US$" do not)."""
    return [c for c in view.segments if c.label == "region"
            and not CURRENCY_AFTER.match(view.between(c.end, min(view.end, c.end + 9)))
            and not DESTINATION_BEFORE.search(view.between(max(view.start, c.start - 60),
                                                           c.start))]


def regional_market(view: SentenceView, start: int) -> Cue | None:
    """A region named as a market in the quantity's semicolon clause.

    "the Latin American market", 中国大陆市场: the figure is about that region's part of the
    market being discussed.
    """
    semi = view.semiclause(start)
    regions = [c for c in regions_in(view) if semi[0] <= c.start < start
               and MARKET_WORD.match(view.between(c.end, min(view.end, c.end + 12)))]
    return regions[-1] if regions else None


def source_clauses(view: SentenceView) -> tuple[int, int] | None:
    """The opening "According to X" / 据X clause and its appositions ("the platform of Y")."""
    if not SOURCE_OPENING.match(view.text):
        return None
    shown = DATA_SHOW.match(view.text)
    if shown is not None:  # "Data from SteamDB show that its players peaked at 2.42 million"
        return view.start, view.start + shown.end()
    lo, hi = view.clause(view.start)
    while hi < view.end:
        nxt = view.clause(hi + 1)
        if not APPOSITION_OPENING.match(view.between(nxt[0], nxt[1])) or any(
                nxt[0] <= q.start < nxt[1] for q in view.quantities):
            break
        hi = nxt[1]
    return lo, hi


def named_market(view: SentenceView, start: int) -> bool:
    """A product category named as a market.

    "the global semiconductor market", 全球PC市场, or a region right before the category
    ("global semiconductor revenue").
    """
    semi = view.semiclause(start)
    regions = [c for c in view.segments if c.label == "region"]
    for c in view.segments:
        if c.label != "product" or not semi[0] <= c.start < start:
            continue
        if MARKET_WORD.match(view.between(c.end, min(view.end, c.end + 12))):
            return True
        if any(0 <= c.start - r.end <= 2 or view.between(r.end, c.start) in POSSESSIVE
               for r in regions):
            return True  # "global semiconductor revenue", "mainland China's cloud spending"
    return False


def pick_subject(view: SentenceView, start: int, metric: str | None, main: Cue | None,
                 lex: Lexicon, region_hint: str | None = None,
                 company_article: bool = False) -> tuple[str, str, str] | None:
    """(name, text, type): nearest company/product before the quantity, else the main subject.

    Money is reported by companies: a product named before a revenue figure is the business
    line, so money metrics take the nearest company (or the article's company) instead.
    """
    definition = lex.metric_def(metric)
    if definition is not None and definition.subject_type:
        typed = [s for s in view.subjects if s.label == definition.subject_type]
        if typed:
            near = min(typed, key=lambda s: abs(s.start - start))
            return near.row, near.text, near.label
        market = market_subject(view, start, region_hint)
        if market is not None:  # "the penetration rate of new energy vehicles"
            return market[0], market[1], "market"
    candidates = [s for s in view.subjects if s.label in SUBJECT_TYPES]
    source = source_clauses(view)
    if source is not None and not source[0] <= start < source[1]:
        # "According to data from Beacon Pro, the platform of Alibaba Pictures, the box office
        # was ...": who supplies the figure is not what it is about
        candidates = [s for s in candidates if not source[0] <= s.start < source[1]]
    if definition is not None and definition.product_level:
        semi = view.semiclause(start)
        product = nearest_before([s for s in candidates if s.label == "product"], start, semi[0])
        if product is not None:  # "the H20 chip, which Nvidia launched, is priced at"
            return product.row, product.text, product.label
    agents = [s for s in candidates
              if ends_with(AGENT_BEFORE, view.between(view.start, s.start), AGENT_WIDTH)]
    before = nearest_before([s for s in candidates if s not in agents], start, view.start)
    if before is None and main is None:  # "Powered by the Xinghuo model, ...": an instrument
        before = nearest_before(candidates, start, view.start)
    money = definition is not None and definition.group in ("income", "money")
    if (money or metric == "market_share") and before is not None and before.label == "product":
        company = nearest_before([c for c in candidates if c.label == "company"], start,
                                 view.start)
        if company is not None:
            before = company
        elif main is not None and main.label == "company":
            return main.row, main.text, main.label
    own_line = company_article and main is not None and main.label == "company" and \
        before is None and not (regions_in(view) or MARKET_NAMED.search(view.text))
    forecaster = before is not None and before.label == "company" and any(
        c.label == "forecast" and 0 <= c.start - before.end <= FORECASTER_GAP
        for c in view.modality) and bool(regions_in(view))
    if (metric in MARKET_METRICS or named_market(view, start) or forecaster) and not own_line:
        # (in a company's article, "sales of new energy vehicles were 320,000 units" with no
        # market or region named are the company's own; "Maoyan Pro lowered its forecast for
        # China's full-year box office to 47 billion yuan" is the market's, Maoyan forecasts)
        market = market_subject(view, start, region_hint)
        if market is not None and (before is None or before.label != "company" or forecaster
                                   or before.end < view.semiclause(start)[0]):
            return market[0], market[1], "market"
    if before is not None:
        return before.row, before.text, before.label
    clause = view.clause(start)
    after = first_after(candidates, start, clause[1])
    if after is not None:
        return after.row, after.text, after.label
    if not candidates and not own_line:  # no company named: a product category means its market
        market = market_subject(view, start, region_hint)
        # a share of revenue is the company's split by product line (智能手机收入占比为32%)
        if market is not None and (not money or main is None) and metric != "revenue_share":
            return market[0], market[1], "market"
    if main is not None:
        return main.row, main.text, main.label
    return None


def owned_product(view: SentenceView, product: Cue) -> str:
    """A bare model code takes its maker's name: "Li Auto ... the L7 Air" -> "Li Auto L7".

    Only unknown codes ("L7", "H20") are prefixed, by the company nearest to them in the
    sentence; gazetteer products and names with a brand ("Ascend 910B", "Qwen-Long") stay.
    """
    if product.row != product.text or not MODEL_CODE.match(product.text):
        return product.row
    products = [p for p in view.subjects if p.label == "product" and p is not product]
    companies = [c for c in view.subjects if c.label == "company" and not any(
        c.end <= p.start <= c.end + 3 for p in products)]  # ("Nvidia's A100": Nvidia's own)
    if not companies:
        return product.row
    maker = min(companies, key=lambda c: abs(c.start - product.start))
    return f"{maker.row} {product.row}"


def templated_subject(lex: Lexicon, metric: str | None,
                      view: SentenceView) -> tuple[str, str, str] | None:
    """Subjects implied by the metric (GDP is about an economy), named by the nearest region."""
    definition = lex.metric_def(metric)
    if definition is None or not definition.subject_template:
        return None
    regions = [c for c in view.segments if c.label == "region"]
    region = regions[0].row if regions else "global"
    text = regions[0].text if regions else metric or ""
    return definition.subject_template.format(region=region), text, "other"


def dates_announcement(view: SentenceView, lo: int, t: TimeMention) -> bool:
    """Whether `t`, after `lo` (a figure or a plan's cue), only dates an announcement.

    "the buyback program of up to US$2 billion announced in June": June is not the figure's
    period nor the plan's horizon.
    """
    if t.start < lo:
        return False
    if ANNOUNCED_BEFORE.search(view.between(max(lo, t.start - 24), t.start)) is not None:
        return True
    # "revenue jumped 24% after the company refreshed its iPad lineup in May": the time of
    # the event the figure is explained by
    return EVENT_CLAUSE.search(view.between(lo, t.start)) is not None and not any(
        lo <= c <= t.start for c in view.semiclause_breaks)


def times_not_announcing(view: SentenceView, lo: int) -> list[TimeMention]:
    """The sentence's times, less those after `lo` that only date an announcement."""
    return [t for t in view.times if not dates_announcement(view, lo, t)]


def dates_event(view: SentenceView, t: TimeMention) -> bool:
    """"On August 20, the European Commission published ...": the day of the news event.

    Such a time dates the announcement; it is no horizon of what was announced.
    """
    return bool(t.label and len(t.label) == 10) and EVENT_AFTER.match(
        view.between(t.end, min(view.end, t.end + 70))) is not None  # a day, not a period


YEAR_TAIL = re.compile(r"\s*(?:19|20)\d\d")


def time_for(view: SentenceView, start: int, end: int) -> TimeMention | None:
    """The time mention of a quantity, nearest first.

    Its clause, then its semicolon clause (a time written before the figure wins), then the
    sentence; "since X" comes last.

    "The same period last year" is a comparison point, not the figure's own period, unless it
    stands in the figure's clause or opens the sentence before the figure.
    """
    clause = view.clause(start)
    usable = [t for t in times_not_announcing(view, end) if (t.kind != "next_n_years" or t.label)
              and t.kind not in ("since", "cumulative")]
    in_clause = [t for t in usable if clause[0] <= t.start < clause[1]
                 and (t.end <= clause[1]
                      or YEAR_TAIL.fullmatch(view.between(clause[1] + 1, t.end)) is not None)
                 # ("as of March 31, 2024": the year after the date's comma is still its own)
                 and not (t.start >= end and compares(
                     INTERVAL_FROM.sub("", view.between(end, t.start))
                     if t.kind == "interval" else view.between(end, t.start)))
                 and not (t.end <= start and compared_time(view, t, start))
                 and not level_point(view, t)]
    if in_clause:  # "fell to 6.1% from 7.9% in the same period": that time is 7.9%'s
        return min(in_clause, key=lambda t: start - t.end if t.end <= start else t.start - end)
    running = [t for t in view.times if t.kind == "cumulative"
               and clause[0] <= t.start and t.end <= clause[1]]
    if running:  # "一季度投入11亿元，累计投入已达42亿元": the total has no period ...
        semi = view.semiclause(start)
        cue = running[0]
        as_of = [t for t in usable if semi[0] <= t.start and t.end <= start and (
            AS_OF_BEFORE.search(view.between(max(view.start, t.start - 12), t.start))
            or AS_OF_START.match(t.text) or (t.end <= cue.start and not any(
                t.end <= q.start < cue.start for q in view.quantities)))]
        # ... unless it is dated (截至6月末，累计) or its window is written just before it
        # ("From January to August, cumulative exports", 上半年，公司累计实现收入); a time
        # with another figure in between is that figure's (一季度投入11亿元，累计投入已达42亿元)
        if as_of:
            return as_of[-1]
        first = next((t for t in view.times if t.kind == "cumulative" and t.start < semi[0]),
                     None)
        if first is not None:  # "上半年，业务量累计完成801.6亿件；业务收入累计完成6,727.4亿元":
            # a second running total of the same sentence shares the first one's window
            dated = [t for t in usable if t.end <= first.start and not any(
                t.end <= q.start < first.start for q in view.quantities)]
            if dated:
                return dated[-1]
        if AMONG_THEM.match(view.text):
            return None  # "其中，同城快递业务量累计完成64.9亿件": a part of the total just
            # given, over its window (the period carried from it)
        return cue
    semi = view.semiclause(start)
    usable = [t for t in usable if not compared_time(view, t)]
    own = [t for t in usable if t.kind not in COMPARISON_KINDS]
    in_semi = [t for t in own if semi[0] <= t.start and t.end <= semi[1]]
    before = [t for t in in_semi if t.end <= start]
    if before or in_semi:
        return before[-1] if before else in_semi[0]
    before = [t for t in usable if t.end <= start and (t.kind not in COMPARISON_KINDS
                                                        or semi[0] <= t.start)]
    if before or own:  # "去年同期为31亿元；每股收益为5.73元": that 去年同期 is the 31亿元's
        return before[-1] if before else own[0]
    since = [t for t in view.times if t.kind == "since" and not RECORD_BEFORE.search(
        view.between(max(view.start, t.start - 40), t.start))]
    return since[0] if since else None


def compared_time(view: SentenceView, t: TimeMention, own: int | None = None) -> bool:
    """A time inside a comparison ("up from 50 million in December") dates the earlier figure.

    It follows a figure written as a comparison point ("from 6.2 billion yuan in the first
    quarter of 2022"), or stands after a comparison word in its clause. `own`: the start of
    the figure being dated; its own time is never a comparison for it.
    """
    after = next((q for q in view.quantities if q.unit == "%" and 0 <= q.start - t.end <= 5), None)
    if after is not None and RECOVERED_TO.search(view.between(max(view.start, t.start - 6),
                                                             t.start)):
        return True  # 恢复至2019年同期的120%: the level the figure is a share of
    if level_point(view, t):
        return True  # "recovering to about 81% of the 2019 level": the level compared with
    if own is not None and 0 <= own - t.end <= 3:
        # "上一季度的10.7元": the time written right before the figure is its own, unless it is
        # the point a change is counted from (较上年增长15%)
        return bool(COMPARED_POINT.search(view.between(max(view.start, t.start - 8), t.start))
                    and view.between(t.end, own).strip() not in ("", "的", "of"))
    before = [q for q in view.quantities if q.end <= t.start
              and len(view.between(q.end, t.start)) <= 16]
    if before:
        q = before[-1]
        if COMPARED_POINT.search(view.between(q.end, t.start)):
            return True  # "up 69% from a year earlier"
        if own != q.start and view.clause(q.start) == view.clause(t.start) and \
                COMPARISON_OPENING.match(view.between(view.clause(q.start)[0], q.start)):
            return True  # "12.2%, compared with 6.2% in Q2 2023 and 9.2% in Q1 2024"
        if own is not None and q.start == own:
            return False
        return compared_figure(view, q)
    if t.kind == "interval":  # "from January to July": its "from" opens the span
        return False
    clause = view.clause(t.start)
    before = SOURCE_FROM.sub("", view.between(clause[0], t.start))  # "Data from X showed"
    return own is None and compares(before)


def compares(text: str) -> bool:
    """A comparison word in `text` (which ends where the dated time begins).

    "from" compares only when a figure or the time follows it ("up from 50 million in
    December", "down from the first quarter"); "revenue from games ... in the first quarter"
    names a source.
    """
    for m in COMPARISON_BEFORE.finditer(text):
        if m.group().lower() != "from" or FROM_POINT_GAP.match(text, m.end()) or any(
                c.isdigit() for c in text[m.end():]):  # "from a net profit of 1.47 billion
            return True
    return False


def compared_figure(view: SentenceView, q: Quantity) -> bool:
    """A figure written as a comparison point: "from 1.16 billion", or the next one of a list.

    "from 1.16 billion yuan a year earlier and 355 million yuan in the first quarter": both.
    """
    edge = q.qualifier_start if q.qualifier_start is not None else q.start
    if COMPARED_POINT.search(view.between(max(view.start, edge - 20), edge)):
        return True
    clause = view.clause(q.start)
    earlier = [p for p in view.quantities if clause[0] <= p.start and p.end <= edge
               and p.unit == q.unit]
    if not earlier or not LIST_AND_BEFORE.search(view.between(earlier[-1].end, edge)):
        return False
    first = earlier[-1]
    first_edge = first.qualifier_start if first.qualifier_start is not None else first.start
    return bool(COMPARED_POINT.search(view.between(max(view.start, first_edge - 20),
                                                   first_edge)))


def level_point(view: SentenceView, t: TimeMention) -> bool:
    """A time naming the level a figure is compared with: "81% of the 2019 level"."""
    before = view.between(max(view.start, t.start - 24), t.start)
    return bool(LEVEL_AFTER.match(view.between(t.end, min(view.end, t.end + 8)))
                and LEVEL_OF_BEFORE.search(before[-12:])) or bool(
                    SAME_PERIOD_OF_BEFORE.search(before))  # "85% of the same period in 2019"


def resolve_period(mention: TimeMention | None, sentence_base: str | None,
                   carried: str | None) -> tuple[str | None, str | None]:
    """(label, text) of a reported fact; "the same period last year" shifts the base back."""
    if mention is None:
        return carried, None
    if mention.kind == "same_period":
        return shift_year(sentence_base or carried, -1), mention.text
    if mention.kind == "previous_quarter":
        return previous_quarter(sentence_base or carried), mention.text
    return mention.label, mention.text


def period_end(label: str | None) -> date | None:
    """Last day of a period label (for "is this 'will' about the past?")."""
    if not label:
        return None
    last = label.split("/")[-1]
    year = int(last[:4])
    part = last[5:]
    if not part:
        return date(year, 12, 31)
    if part.startswith("H"):
        return date(year, 6, 30) if part == "H1" else date(year, 12, 31)
    if part.startswith("Q"):
        month = int(part[1]) * 3
        return date(year, month, 28)
    month = int(part[:2])
    return date(year, month, 28)


def last_day(label: str) -> str | None:
    """The exact last day of a period label: "2024-Q3" -> "2024-09-30"."""
    approx = period_end(label)
    if approx is None:
        return None
    return approx.replace(day=calendar.monthrange(approx.year, approx.month)[1]).isoformat()


def live_cues(cues: list[Cue]) -> list[Cue]:
    """Strong cues not cancelled by a veto around them ("as expected", "to achieve this goal")."""
    vetoes = [c for c in cues if c.label == "past"]
    return [c for c in cues if c.label in STRONG_MODALITIES
            and not any(v.start <= c.start and c.end <= v.end for v in vetoes)]


def governing_modality(view: SentenceView, start: int) -> Cue | None:
    """The strong cue that scopes over position `start`: nearest before, else next in clause."""
    clause = view.clause(start)
    strong = [c for c in live_cues(view.modality)
              if c.row not in WEAK_CUES or view.clause(c.start) == clause]
    cue = nearest_before(strong, start, view.start)
    if cue is not None and any(t.label == "terminate" and cue.end <= t.start and t.end <= start
                               for t in view.modality):
        cue = None  # "..., but this year the share is below 5%": the cue's scope ended
    if cue is not None and view.clause(cue.start) != clause and JOINED_START.match(
            view.between(clause[0], start)) and any(
            c.label == "past" and clause[0] <= c.start and c.end <= start for c in view.modality):
        cue = None  # "raised its sales forecast to 2.3 trillion yen, and China accounted for
        # 49.9% of its sales": a new clause stating what was
    if cue is None:
        cue = first_after(strong, start, view.clause(start)[1])
    return cue


def future_before(view: SentenceView, start: int) -> Cue | None:
    """A bare future marker ("will", 将) before the position in its semicolon clause."""
    futures = [c for c in view.modality if c.label == "future"]
    return nearest_before(futures, start, view.semiclause(start)[0])


def future_after_figures(view: SentenceView, end: int) -> Cue | None:
    """A future marker right after a figure or a list of them (24.60亿元和11.25亿元将分别投向)."""
    futures = [c for c in view.modality if c.label == "future" and view.lang == "zh"]
    after = first_after(futures, end, view.clause(end - 1)[1])
    if after is None:
        return None
    gap = view.between(end, after.start)
    for q in view.quantities:  # the rest of a list of figures may stand in between
        if end <= q.start and q.end <= after.start:
            gap = gap.replace(q.text, "")
    return after if FIGURE_LIST_GAP.fullmatch(gap) else None


def claim_object(view: SentenceView, cue: Cue) -> Cue | None:
    """What a claim compares with: the first product/company named after the claim cue.

    A rival the gazetteer lacks counts when it follows the cue directly: a quoted title or a
    capitalised name ("surpassed that of Hello Kitty", 'runs more smoothly than "Genshin Impact"').
    """
    targets = [s for s in view.subjects if s.label in SUBJECT_TYPES]
    known = first_after(targets, cue.end, view.end)
    if known is not None and any(cue.end <= q.start and q.end <= known.start
                                 for q in view.quantities):
        known = None  # 月活跃用户数已超过2700万，百度…: a figure, then another sentence's actor
    owned = next((s for s in targets if known is not None and known.label == "company"
                  and s.label == "product" and known.end <= s.start <= known.end + 3), None)
    if owned is not None:  # "better than OpenAI's Sora": the maker's product
        return owned
    if known is not None or cue.row == GENERATION_CLAIM:
        return known
    m = RIVAL_AFTER.match(view.text, cue.end - view.start)
    if m is None:
        return None
    name = m.group("name").strip("“”\"《》")
    start = view.start + m.start("name")
    return Cue(start, view.start + m.end("name"), m.group("name"), "product", name)


def list_metric(view: SentenceView, lex: Lexicon, list_start: int, index: int,
                size: int) -> MetricChoice | None:
    """"销售费用和管理费用分别为X、Y": the n-th metric named before a list of n figures."""
    rows = lex.metric_rows
    lo = view.semiclause(list_start)[0]
    cues = [c for c in view.metrics if lo <= c.start and c.end <= list_start
            and not rows[c.row].modifier]
    if len(cues) != size:
        return None
    cue = cues[index]
    return MetricChoice(cue.label, cue, rows[cue.row].sign < 0, "metric_list")


def list_time(view: SentenceView, list_start: int, index: int,
              size: int) -> TimeMention | None:
    """The n-th period of a list ("Q1 and Q2 ... respectively"), or of a range of quarters."""
    points = [t for t in view.times if t.end <= list_start and t.label and "/" not in t.label
              and t.kind == "point"]
    if len(points) == size and all(NAME_JOIN.fullmatch(view.between(a.end, b.start))
                                   for a, b in zip(points, points[1:])):
        return points[index]
    clause_end = view.semiclause(list_start)[1]
    after = [t for t in view.times if list_start < t.start and t.end <= clause_end and t.label
             and "/" not in t.label and t.kind == "point"]
    if len(after) == size:  # "15,620 units, 20,544 units and 21,209 units in April, May and June"
        return after[index]
    for t in view.times:
        quarters = _quarter_range(t.label)
        if quarters and len(quarters) == size:
            return TimeMention(t.start, t.end, t.text, quarters[index], "point")
    return None


def _quarter_range(label: str | None) -> list[str]:
    """"2023-Q1/2023-Q4" -> the four quarter labels, "2024/2026" -> the three years."""
    if not label or "/" not in label:
        return []
    first, last = label.split("/")
    if re.fullmatch(r"\d{4}", first) and re.fullmatch(r"\d{4}", last):
        return [str(y) for y in range(int(first), int(last) + 1)]  # 2024年至2026年…分别为
    if first[:4] != last[:4] or first[5:6] != "Q" or last[5:6] != "Q":
        return []
    return [f"{first[:4]}-Q{i}" for i in range(int(first[6]), int(last[6]) + 1)]


def list_subject(view: SentenceView, list_start: int, index: int, size: int) -> Cue | None:
    """"苹果和小米分别以16%和14%": the n-th company named before a list of n figures."""
    places = {(c.start, c.end) for c in regions_in(view)}

    def named_from(lo: int) -> list[Cue]:
        return [s for s in view.subjects if s.label in SUBJECT_TYPES
                and lo <= s.start and s.end <= list_start and (s.start, s.end) not in places]

    named = named_from(view.clause(list_start)[0])
    if len(named) == size:
        return named[index]
    coordinated = coordinated_name(view, list_start, index, size)
    if coordinated is not None and (coordinated.start, coordinated.end) not in places:
        return coordinated
    named = named_from(view.semiclause(list_start)[0])
    if len(named) > size and all(NAME_JOIN.fullmatch(view.between(a.end, b.start))
                                 for a, b in zip(named[-size:], named[-size + 1:])):
        named = named[-size:]  # "BOE ranked second ..., while TCL CSOT, Visionox and Tianma held"
    return named[index] if len(named) == size else None


def list_region(view: SentenceView, list_start: int, index: int, size: int,
                lex: Lexicon) -> Cue | None:
    """"Billings in Japan and Europe declined 9% and 38% respectively": the n-th region.

    A shortened list names the last region in full and the others by their initial
    (东、中、西部地区 is eastern, central and western China).
    """
    regions: list[Cue] = []
    for lo in (view.clause(list_start)[0], view.semiclause(list_start)[0]):
        # (a second list of the sentence shares the first one's regions: "东、中、西部地区快递
        # 业务量比重分别为…，业务收入比重分别为…")
        regions = [c for c in regions_in(view) if lo <= c.start and c.end <= list_start][-size:]
        if regions:
            break
    if 0 < len(regions) < size:
        regions = shortened_regions(view, regions[0], lex) + regions
    if len(regions) != size or not all(NAME_JOIN.fullmatch(view.between(a.end, b.start))
                                       for a, b in zip(regions, regions[1:])):
        return None
    return regions[index]


def shortened_regions(view: SentenceView, first: Cue, lex: Lexicon) -> list[Cue]:
    """The regions written by their initials right before `first` (东、中、 of 东、中、西部地区)."""
    initials = {r.initial: r.name for r in lex.regions if r.initial}
    if not initials:
        return []
    alternatives = "|".join(sorted(map(re.escape, initials), key=len, reverse=True))
    m = re.search(rf"(?:(?:{alternatives})、)+$", view.between(view.start, first.start))
    if m is None:
        return []
    cues, pos = [], view.start + m.start()
    for initial in m.group().split("、")[:-1]:
        cues.append(Cue(pos, pos + len(initial), initial, "region", initials[initial]))
        pos += len(initial) + 1
    return cues


def list_market(view: SentenceView, list_start: int, index: int, size: int,
                region_hint: str | None) -> tuple[str, str] | None:
    """The n-th of the product categories coordinated before a list of n figures, as a market."""
    lo = view.clause(list_start)[0]
    products = [c for c in view.segments if c.label == "product" and lo <= c.start
                and c.end <= list_start]
    products = products[-size:]
    if len(products) != size or not all(NAME_JOIN.fullmatch(view.between(a.end, b.start))
                                        for a, b in zip(products, products[1:])):
        return None
    region = nearest_before(regions_in(view), products[0].start, view.start)
    name = region.row if region else region_hint
    product = products[index]
    return (f"{name} {product.row} market" if name else f"{product.row} market"), product.text


def coordinated_name(view: SentenceView, list_start: int, index: int, size: int) -> Cue | None:
    """The n-th of "HPE and Inspur with 8.8% and 8.3% respectively" when a name is unknown.

    The coordinated capitalised names right before the list are its holders; a known subject
    keeps its canonical name, an unknown one is taken as a company.
    """
    lo = view.clause(list_start)[0]
    found = None
    for m in COORDINATED.finditer(view.text, lo - view.start, list_start - view.start):
        found = m
    if found is None or list_start - view.start - found.end() > 30:
        return None
    names = [(n.start() + found.start(), n.end() + found.start())
             for n in NAME_PHRASE.finditer(found.group())]
    if len(names) != size:
        return None
    start, end = (b + view.start for b in names[index])
    known = next((s for s in view.subjects if s.start <= start and end <= s.end), None)
    if known is not None:
        return known
    text = view.between(start, end)
    return Cue(start, end, text, "company", text)
