"""Annotated Doc -> Fact records, the same code for every language.

Per sentence: keep the quantities that can be business measures, decide which are changes and
which are levels, join a change to its level ("revenue of X, a year-on-year increase of Y%";
"fell Y% to X"), then ask the attribute pickers for metric, subject, period and modality.
Sentences with a strong forward-looking cue and no number give one fact for the statement.

The sentence assembler is split by question: whose figure (`subject_choice`), what a share
is of (`shares`), when (`timing`) and statements without a figure (`statements`); the
article-wide context lives in `article_context`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from pipeline import attribution as attr
from pipeline.article_context import (
    DocContext,
    dominant_currency,
    is_company_article,
    main_subject,
    named_spans,
    report_period,
    reporting_organization,
    topic_market,
    usual_region,
)
from pipeline.components.base import Cue, doc_text
from pipeline.drafts import (
    Draft,
    basis_near,
    direction_cue,
    drafts_for,
    from_year_before,
    is_scaled,
    left_edge,
    same_stem,
)
from pipeline.fact_ids import fact_id
from pipeline.figures import usable
from pipeline.lexicon import load_lexicon
from pipeline.models import Change, Evidence, Fact, Party, Subject, TimeRef, Value
from pipeline.periods import (
    COMPARISON_KINDS,
    earlier,
    finer,
    within,
)
from pipeline.quantities import Quantity
from pipeline.sentence_view import SentenceView, sentence_views
from pipeline.shares import UNIT_VOLUME_METRICS, ShareMixin
from pipeline.statements import (
    OWN_ACTION_AFTER,
    WILL_ROWS,
    StatementMixin,
    benchmark_wins,
    quoted_titles,
    wins_fact,
)
from pipeline.subject_choice import COMPANY_REF, SubjectMixin
from pipeline.timing import DAY_LABEL, YEAR_ONLY, TimingMixin

COMPARED_SIGN = re.compile(r"\ba\s+(?:net\s+)?(loss|profit)\s+of\s+$", re.I)
# "told analysts that Yum China aims to ...", 向投资者表示: the audience, not the speaker
MONTH_SPAN = re.compile(r"(\d{4})-\d{2}/\1-\d{2}")
REVISION = re.compile(
    r"\b(?:raised|lowered|cut|revised|upgraded|downgraded|trimmed|lifted)\b[^.;]{0,40}"
    r"\b(?:target|forecast|estimate|guidance|outlook|expectation)s?\b", re.I)
FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+)?$", re.I)
PREVIOUSLY_AFTER = re.compile(r"\s*(?:previously|earlier|before)\b", re.I)
TO_BEFORE_FROM = re.compile(r"\bto\s+\S+[^,;]{0,30}\s+from\s+(?:about\s+|around\s+)?$", re.I)
STOCK_METRICS = {"employees", "users", "cash"}
YEAR_END_TEXT = re.compile(r"\bend of\b|年末|年底|去年底", re.I)
YEAR_END_AFTER = re.compile(r"(?:末|底)")
MONTHLY_MEASURE = re.compile(r"月活|月均|monthly|\bMAUs?\b", re.I)  # a month's flow, not a day's
GENERATION_CLAIM = attr.GENERATION_CLAIM  # "2x faster than the previous generation": no rival
SINCE_YEAR_START = re.compile(r"上年末|年初|去年底|上年底|去年末|end of (?:last|the previous) year|"
                              r"beginning of (?:the|this) year|start of (?:the|this) year", re.I)
# "ByteDance, Alibaba and Baidu have all cut", 字节跳动、阿里巴巴和百度均已下调
ALL_MARKER = re.compile(r"\b(?:all|each|both)\b|均|都|皆|纷纷", re.I)
ALL_OF_THEM = re.compile(r"(?P<names>(?:[^,，、;；。]{1,30}(?:,|，|、)\s*){0,6}[^,，、;；。]{1,30}?"
                         r"(?:\s+and\s+|和|与|及)[^,，、;；。]{1,30}?)\s*(?:have|has|had|were|are)?"
                         r"\s*(?:(?:all|each|both)\b|(?:均|都|皆|纷纷)(?:已经|已)?)", re.I)
ON_AFTER = re.compile(r"\s+on\s+", re.I)
TIMES_WORD = re.compile(r"\btimes$", re.I)
COMPARED_COUNT_BEFORE = re.compile(r"\b(?:compared with|compared to|versus|up from|down from|"
                                   r"from|another|than)\s+(?:about\s+|around\s+|nearly\s+|"
                                   r"roughly\s+)?$", re.I)
RANKED_WITH_BEFORE = re.compile(r"\b(?:followed|ranked \w+|came \w+|was \w+)\s+with\s+"
                                r"(?:about\s+|around\s+|nearly\s+|roughly\s+)?$", re.I)
FLOW_METRICS = {"revenue", "sales", "net_profit", "net_profit_attributable", "adjusted_net_profit",
                "gross_profit", "operating_profit", "shipments", "sales_volume", "users"}
GROWTH_AFTER = re.compile(r"^\s*(?:growth(?: rate)?|increase|增速|增长率|增幅)(?![^,;，；]*\d)"
                          r"[^,;，；]{0,40}$", re.I)
DECLINE_WORD = re.compile(r"\b(?:decline|fall|drop|shrink)\w*|下降|下滑|减少", re.I)
MONTH_LABEL = re.compile(r"^\d{4}-\d{2}$")
IMPACT_BEFORE = re.compile(r"\b(?:drive|drives|driving|boost|boosts|lift|lifts|add|adds|"
                           r"contribute|contributes)\b[^,;.]{0,12}$|拉动|带动|贡献", re.I)
GROWTH_WORD = re.compile(r"\bgrowth\b|\bgrow|增长|增速", re.I)
LEVEL_WORD = re.compile(r"\b(?:rate|index|ratio|level)\b|率|指数", re.I)
ECONOMY_ARTICLE = 3  # economy indicators named before an article is taken to be about one
COMPARATIVE_AT = re.compile(r"(?:higher|lower) than\b", re.I)
FIGURE_REF = re.compile(
    r"\s*(?:The|This|That) (?:figure|number|result)\b|\s*(?:该|这一|此)(?:数字|数据)"
    r"|\s*(?:That|This|It) (?:beat|topped|missed|exceeded|surpassed|fell short of|trailed|"
    r"compared with|compares with|was (?:above|below|ahead of|short of|higher than|lower than|"
    r"better than|worse than|in line with))\b"
    r"|\s*Analysts\b[^.]{0,40}?\b(?:had been looking for|had expected|had forecast|"
    r"had estimated|were expecting|had on average expected)\b")
FACILITY_REACH = 16  # "45 drone delivery routes": a few words between count and noun
HEAD_END = re.compile(r"^(?:\s*$|\s+(?:using|on|in|of|who|that|with|across|at)\b)")
NUMBER_OF_BEFORE = re.compile(
    r"\bnumber of\s+(?P<counted>[^,;.]{1,60}?)\s*\b(?:to|at|reached|reach|was|were|is|of|from|"
    r"by|to exceed|to reach|exceeded|exceeds|topped|rose to|grew to|increased to)\s+$|"
    r"\b(?:bringing|brings|bring|taking|takes|take) (?:the|its|their) total (?:number )?"
    r"(?P<total>)to\s+$|"
    r"\b(?:increase|raise|expand|grow|lift|bring) (?:the|that|this) number (?P<back>)to\s+$|"
    r"(?:数量|个数|数目)(?:已)?(?:达到|达|为|增至|增加到|提升至|超过|突破)了?$", re.I)
def unit_class(q: Quantity | None) -> str:
    """Rule-name prefix for a quantity: money, percent, count, multiple, number."""
    if q is None:
        return "statement"
    if q.unit and len(q.unit) == 3:
        return "money"
    return {"%": "percent", "pp": "percent", "count": "count", "x": "multiple"}.get(
        q.unit or "", "number")


class SentenceAssembler(SubjectMixin, ShareMixin, TimingMixin, StatementMixin):
    """Turns one sentence's drafts into facts."""

    def __init__(self, ctx: DocContext, view: SentenceView) -> None:
        self.ctx = ctx
        self.view = view
        self.speaker = attr.pick_speaker(view)
        self.base_period = next((t.label for t in view.times
                                 if t.kind in ("point", "interval", "current") and t.label), None)
        # the metric of the sentence's last figure per unit: "Dell took 16.4% of the market,
        # followed by HPE with 8.8%" ranks on
        self.metric_by_unit: dict[str, str] = {}
        self.built: dict[int, tuple[str, Subject | None]] = {}  # figure start -> metric, subject
        self.rivals: dict[str, Subject] = {}  # rival compared with -> the claim's subject
        self.last_anchor_end = view.start
        # sentence-wide tests, read once per sentence rather than once per figure
        self.revises = bool(REVISION.search(view.text))
        self.refers_to_company = bool(COMPANY_REF.search(view.text))

    def value_for(self, q: Quantity, metric: str | None, negative: bool) -> Value | None:
        """The level as a Value: unit defaulted from the metric, losses negative."""
        unit = q.unit
        if unit is None:  # a bare number: money for money metrics, else a count
            definition = self.ctx.lex.metric_def(metric)
            money = definition is not None and definition.group in ("income", "money")
            if metric in attr.COUNT_METRICS or (metric and is_scaled(q) and not money) \
                    or self.number_of_before(q) or self.counted_like_compared(q) \
                    or self.counts_facilities(q):  # "490 retail centers"
                unit = "count"
            elif money and is_scaled(q) and self.ctx.currency:
                unit = self.ctx.currency
            else:
                return None
        amount = q.amount
        if negative and unit and len(unit) == 3 and amount > 0 and (
                metric in attr.PROFIT_METRICS or metric == "other"):  # "EBITA was a loss of"
            amount = -amount
        counted = q.counted
        if unit == "count" and counted is None and metric:
            counted = self.ctx.lex.counted_default(metric)
        low = -q.high if amount < 0 < q.amount and q.high is not None else q.low
        high = -q.low if amount < 0 < q.amount and q.low is not None else q.high
        return Value(amount=amount, unit=unit, text=q.text, start=q.start, end=q.end,
                     qualifier=q.qualifier, low=low, high=high,
                     counted=counted if unit == "count" else None)

    @staticmethod
    def countable(level: Quantity | None, metric: str | None, how: str) -> bool:
        """Whether a count is a business measure.

        Small unscaled counts ("four quarters", "12家机构") are, only when they count what a
        count metric counts ("134 employees", "1,200 related personnel").
        """
        if level is None or is_scaled(level) or level.amount >= 1000:
            return True
        if metric not in attr.COUNT_METRICS or metric == "benchmark_wins":
            return False
        return level.unit == "count" or how in ("metric_after_value", "metric_in_value")

    def change_for(self, draft: Draft, metric: str | None) -> Change | None:
        """The change of a draft; a bare number needs a count metric or a scale and currency."""
        q = draft.change
        if q is None or draft.direction is None:
            return None
        unit = q.unit
        if unit == "count" and TIMES_WORD.search(q.text):
            unit = "x"  # "increased by 2.5 times": a multiple, not 2.5 counted times
        if unit is None and metric in attr.COUNT_METRICS:
            unit = "count"
        elif unit is None and is_scaled(q):
            unit = self.ctx.currency
        if unit is None:
            return None
        start = min(draft.change_start or q.start, q.start)
        text = self.view.between(start, q.end)
        return Change(amount=abs(q.amount), unit=unit, direction=draft.direction,
                      basis=draft.basis, qualifier=q.qualifier, text=text)

    def modality_of(self, draft: Draft, period_label: str | None,
                    cue: Cue | None) -> tuple[str, Cue | None]:
        """Reported unless the scoped cue `cue` makes it forward-looking.

        A "will" about a period already over stays reported (machine-translated narrative).
        """
        view = self.view
        anchor = draft.anchor
        own_clauses = {view.clause(anchor.start)}
        if draft.change is not None:
            own_clauses.add(view.clause(draft.change.start))
        in_clause = cue is not None and view.clause(cue.start) in own_clauses
        generation = cue is not None and cue.row == GENERATION_CLAIM
        end = attr.period_end(period_label)
        ahead = end is not None and self.ctx.published is not None and end > self.ctx.published
        if draft.basis in ("yoy", "qoq", "vs_previous") and draft.change is not None and (
                not in_clause or cue.label == "claim") and not generation and not ahead:
            return "reported", None  # a change against last year is a reported result
        if cue is not None and cue.label == "claim" and cue.row != GENERATION_CLAIM and \
                attr.claim_object(view, cue) is None:
            cue = None
        if cue is None:
            future = attr.future_before(view, anchor.start) or attr.future_after_figures(
                view, anchor.end)
            if future is None:
                return "reported", None
            said = any(c.label == "forecast" and c.end <= future.start and not
                       OWN_ACTION_AFTER.match(view.between(c.end, view.end))
                       for c in attr.live_cues(view.modality))
            # ("Newzoo expects ..., while console games will generate US$51.9 billion": the
            # forecaster's "will" still)
            cue = Cue(future.start, future.end, future.text, "forecast" if said else "plan",
                      future.row)
        if cue.label in ("plan", "forecast") and self.ctx.published is not None:
            if period_label is None and cue.row in WILL_ROWS and (basis_near(
                    view, view.start, view.end) in ("yoy", "qoq")
                    or any(t.kind in COMPARISON_KINDS for t in view.times)):
                # "net income will be 13.5 billion yuan, up 69% from a year earlier": translated
                # narrative of the report period, not a plan
                period_label = self.ctx.carried_period
            end = attr.period_end(period_label)
            if end is not None and end < self.ctx.published and (
                    cue.row in WILL_ROWS or cue.row.startswith("future")):
                return "reported", None
            if end is not None and end < self.ctx.published and cue.label == "forecast" and any(
                    c.label == "past" and cue.end <= c.start and c.end <= anchor.start
                    and view.clause(c.start) == view.clause(anchor.start)
                    for c in view.modality):
                return "reported", None  # "estimates that the market was worth X in 2023"
        return cue.label, cue

    def build(self, draft: Draft) -> Fact | None:
        """One Fact from one draft, or None when it is not a business measure."""
        view, ctx = self.view, self.ctx
        anchor = draft.anchor
        if draft.level is anchor and self.superseded(anchor):
            return None  # "raised its target price to HK$21.5 from HK$20": the old figure
        if draft.earlier and not any(anchor.end <= t.start and t.end <= draft.until
                                     for t in view.times) and not from_year_before(view, anchor):
            return None  # "from X to Y": X is a fact only with its own period (ANNOTATING.md)
        unit = anchor.unit
        choice = attr.pick_metric(view, ctx.lex, anchor.start, anchor.end, unit)
        compared = self.compared_figure(anchor)
        if compared is not None:  # "R&D was 4.3 billion, compared with 4.1 billion": same metric
            choice = attr.pick_metric(view, ctx.lex, compared.start, compared.end, unit)
            sign = COMPARED_SIGN.search(view.between(max(view.start, left_edge(anchor) - 32),
                                                     left_edge(anchor)))
            if sign is not None:  # "a net loss of 165 million, compared with a profit of 112"
                choice = replace(choice, negative=sign.group(1).lower().startswith("loss"))
        if draft.list_index is not None:
            choice = attr.list_metric(view, ctx.lex, draft.list_start, draft.list_index,
                                      draft.list_size) or choice
        metric = choice.metric
        if metric == "gdp_impact" and choice.cue is not None and not IMPACT_BEFORE.search(
                view.between(max(view.start, choice.cue.start - 30), choice.cue.start)):
            metric = "other"  # GDP itself; "AI will drive global GDP growth of 7%" is an impact
        if draft.rival is not None and metric != "benchmark_score":
            metric = "other"  # an edge in fuel use or computing power is no business measure
        growth = self.growth_rate(draft, choice, metric)
        if growth is not None:  # "cloud revenue growth to accelerate to 7% year-on-year"
            draft = growth
        share_level = draft.level is not None and draft.level.unit == "%" and (
            draft.change is None or draft.change.unit == "pp")  # "46% of revenue, up 4 points"
        if share_level and (
                metric not in attr.RATIO_METRICS):
            share_of_revenue = metric == "revenue" and choice.how == "metric_after_value"
            metric = "revenue_share" if share_of_revenue else "other"
        value = None
        if draft.level is not None:
            value = self.value_for(draft.level, metric, choice.negative)
            if value is None and draft.change is None:
                return None
        if value is not None and value.qualifier in ("more_than", "less_than") and \
                self.comparison_not_bound(draft.level):
            value.qualifier = "exact"  # "53.2%, ... but lower than 54.1% a year earlier"
        if value is not None and draft.list_index and value.qualifier == "exact":
            first = next((q for q in view.quantities if q.start == draft.list_start), None)
            if first is not None and first.qualifier in ("approx", "more_than", "less_than"):
                value.qualifier = first.qualifier  # 分别约为42%和38%: "约" covers the list
        if value is not None and len(value.unit) == 3 and metric in ("sales_volume", "shipments"):
            metric = "sales"  # "car exports were worth 76.8 billion US dollars": money from sales
        if value is not None and len(value.unit) == 3 and metric in ("usage", "users"):
            metric = "other"  # "new orders of 4.7 billion yuan": money, not a count of uses
        counted_phrase = self.number_of_phrase(draft.level)
        if value is not None and counted_phrase is not None:
            # "the number of drone delivery routes to 100": the head noun says what is counted
            head = next((c for c in view.metrics if counted_phrase[0] < c.end <= counted_phrase[1]
                         and HEAD_END.match(
                             view.between(c.end, counted_phrase[1]))), None)
            metric = head.label if head is not None else "other"
        if value is not None and value.unit == "count":
            metric = ctx.lex.count_variant(metric) if metric else None
            if not self.countable(draft.level, metric, choice.how) and draft.change is None \
                    and not self.number_of_before(draft.level) \
                    and not self.counts_facilities(draft.level) \
                    and not self.counted_like_compared(draft.level):
                return None
        change = self.change_for(draft, metric)
        if change is not None and value is not None and value.amount < 0 and \
                self.loss_gap_cue(draft):
            # "the net loss ... narrowing by 21.2%": a smaller loss is a higher profit (the
            # direction is the signed measure's, as "a doubled loss" is down)
            change.direction = "up" if change.direction == "down" else "down"
        if value is None and change is None:
            return None
        metric = metric or "other"  # a measured figure with no metric words is still a fact
        if metric == "employees" and value is None and change is not None:
            metric = "headcount_change"  # "cut about 5% of its workforce", 员工净减少134人
        mention = attr.time_for(view, anchor.start, anchor.end)
        listed_time = None
        if draft.list_index is not None:
            listed_time = attr.list_time(view, draft.list_start, draft.list_index,
                                         draft.list_size)
            mention = listed_time or mention
        label, ptext = self.period_of(mention, change, ctx.lex.metric_def(metric))
        last = ctx.last_as_of
        if mention is None and last is not None and last[0] == view.paragraph and (
                metric in STOCK_METRICS or self.counts_facilities(draft.level)):
            # "As of June 30, the ANTA brand had 9,869 stores. FILA had 2,051 stores": the
            # paragraph's day dates the next stock figure too
            label, ptext = last[1], None
        if change is not None and change.basis == "qoq" and label and MONTH_LABEL.match(label):
            change.basis = "mom"  # 环比 / "sequentially" between months
        governing = attr.governing_modality(view, anchor.start)
        modality, cue = self.modality_of(draft, self.due_label(governing, mention, label),
                                         governing)
        if modality != "reported" and (draft.earlier or compared is not None) and \
                self.over(mention and self.this_year_or_next(mention)) and \
                not self.past_forecast(cue):
            modality, cue = "reported", None  # "will reach X in 2024, up from Y in 2023": Y is past
        if draft.rival is not None:
            modality = "claim"
        elif metric == "benchmark_score" and modality == "reported":
            # a capability score is its maker's claim, ranked against whom the sentence names
            modality = "claim"
            cue = next((c for c in view.modality if c.label == "claim"), None)
        elif modality in ("plan", "target") and self.outsider_before(anchor.start):
            modality = "forecast"  # "analysts believe Meituan will ...": not Meituan's plan
        subject = self.subject_for(anchor.start, metric)
        levied = ON_AFTER.match(view.between(anchor.end, min(view.end, anchor.end + 5)))
        target = next((s for s in view.subjects if s.label == "company" and levied is not None
                       and s.start == anchor.end + levied.end()), None)
        if target is not None:  # "duties of 17.0% on BYD, 19.3% on Geely": the one charged
            subject = Subject(name=target.row, text=target.text, type="company")
        counted = next((s for s in view.subjects if s.label == "product" and value is not None
                        and value.unit == "count" and anchor.start < s.start < anchor.end), None)
        if counted is not None:  # "deliver more than 1 million H20 chips": the product's count
            subject = Subject(name=attr.owned_product(view, counted), text=counted.text,
                              type="product")
        last = next((p for p in reversed(ctx.recent_products) if p.row != draft.rival.row),
                    None) if draft.pattern == "model_comparison" else None
        if last is not None and (subject is None or subject.type != "product"
                                 or subject.name == draft.rival.row):
            # "Lee said the latency has been cut by 50% compared with Yi-Large": the model
            # the article was just talking about
            subject = Subject(name=last.row, text=last.text, type="product")
        if draft.pattern == "model_comparison" and change is not None and subject is not None \
                and same_stem(subject.name, draft.rival.row):
            change.basis = "vs_previous"  # against the maker's own earlier model
        if draft.rival is not None and subject is not None and (
                subject.name == draft.rival.row or subject.type == "company"
                and draft.rival.row.startswith(subject.name + " ")):
            # (or the rival's maker: "2.7 times the performance of Intel's Xeon"): the product
            # named before the rival (思元590…达到英伟达A100的约90%), else the article's company
            before = attr.nearest_before([s for s in view.subjects if s.label == "product"
                                          and s.row != draft.rival.row], draft.rival.start,
                                         view.start)
            main = before or ctx.main_subject or ctx.previous_company  # 其空调…比格力同类产品
            subject = Subject(name=main.row, text=main.text, type=main.label) if main else None
        if draft.rival is not None and subject is not None:
            # "70% of ... Nvidia's A100, and ... twice that of its predecessor": the second
            # claim is the first one's subject's, not its rival's
            subject = self.rivals.get(subject.name, subject)
            self.rivals[draft.rival.row] = subject
        if draft.pattern == "rival_share":
            metric = "benchmark_score"  # "70% of the training performance of the A100"
        metric, subject = self.refine_share(draft, choice, metric, subject, value, share_level)
        economy = choice.cue is not None and ctx.lex.metric_rows[choice.cue.row].economy
        if (economy and (subject is None or subject.type == "market")) or (
                subject is None and ctx.economy_article and metric in ("other", "investment")):
            region = attr.nearest_before(attr.regions_in(view), anchor.start, view.start)
            name = region.row if region else ctx.market_region
            if name is not None:  # "China's GDP grew 4.7%", 社会消费品零售总额; in an article on
                # the economy, "Goldman Sachs kept its forecast of 4.9%"
                subject = Subject(name=f"{name} economy", text=region.text if region else name,
                                  type="other")
                if economy and metric == "market_size":
                    metric = ctx.lex.metric_rows[choice.cue.row].metric  # an economy's online
                    # retail sales are its indicator, not a market's size
                if value is not None and value.unit == "%" and change is None and \
                        GROWTH_WORD.search(view.text) and not LEVEL_WORD.search(view.between(
                            view.clause(anchor.start)[0], anchor.start)):
                    # "a growth target of around 5%", "forecast of 4.9%": a growth rate
                    change = Change(amount=value.amount, unit="%", direction="up",
                                    qualifier=value.qualifier, text=value.text)
                    value = None
        listed_region = False
        if draft.list_index is not None:
            listed = attr.list_subject(view, draft.list_start, draft.list_index, draft.list_size)
            if listed is not None:
                company = listed.label == "company"
                parent = ctx.lex.parent_of(listed.row, self.main_name) if company else None
                subject = Subject(name=parent or listed.row, text=listed.text,
                                  type=listed.label)
            elif subject is not None and subject.type == "market":
                market = attr.list_market(view, draft.list_start, draft.list_index,
                                          draft.list_size, ctx.market_region)
                region = attr.list_region(view, draft.list_start, draft.list_index,
                                          draft.list_size, ctx.lex) if market is None else None
                if market is not None:  # "console games and PC games will generate US$51.9
                    # billion and US$43.2 billion respectively": the n-th category's market
                    subject = Subject(name=market[0], text=market[1], type="market")
                elif region is not None:  # "Billings in Japan and Europe declined 9% and 38%"
                    subject = self.in_region(subject, region)
                    listed_region = True
        metric, subject = self.carry_over(draft, choice, metric, subject, value, compared)
        if value is not None and metric != "other":
            self.metric_by_unit[value.unit] = metric
            if value.unit == "count" and metric in UNIT_VOLUME_METRICS:
                ctx.volume_metric = (view.paragraph, metric)
        if not listed_region:  # (one region of a list is not the market under discussion)
            self.remember_market(subject)
        kind = "financial_fact" if modality == "reported" else "forward_looking"
        period = horizon = None
        if kind == "financial_fact":
            if label and YEAR_ONLY.fullmatch(label) and mention is not None and (
                    YEAR_END_TEXT.search(mention.text)
                    or YEAR_END_AFTER.match(view.between(mention.end, mention.end + 2))):
                label = f"{label}-12-31"  # "at the end of last year", 上年末: a stock's day
            if label and MONTH_LABEL.fullmatch(label) and mention is not None and \
                    not MONTHLY_MEASURE.search(view.text) and (
                    attr.AS_OF_BEFORE.search(view.between(max(view.start, mention.start - 12),
                                                          mention.start))
                    or attr.AS_OF_START.match(mention.text)):
                # "as of June 2024", 截至6月: counted on the month's last day
                label = attr.last_day(label)
            if label and change is not None and change.basis == "vs_previous" and \
                    SINCE_YEAR_START.search(view.text) and attr.period_end(label) is not None \
                    and not DAY_LABEL.fullmatch(label):
                # 较上年末增长4.98%, "up from 80 at the end of last year": a stock counted on the
                # last day of the report period, not over it
                label = attr.last_day(label)
            period = TimeRef(label=label, text=ptext) if (label or ptext) else None
            season = label is not None and MONTH_SPAN.fullmatch(label) is not None
            if label and ("/" not in label and len(label) < 10 or season) and mention is not None \
                    and (mention.kind == "point" or season and mention.kind == "interval") \
                    and not (within(label, ctx.report_period) and not (
                        season and YEAR_ONLY.fullmatch(ctx.report_period or ""))) \
                    and not attr.compared_time(view, mention):
                # a report period, not a span of years ("2008/2021") nor a part of the article's
                # own ("其中第二季度" inside a half-year report); a span of months carries on
                # in its paragraph ("in January-July 2024 ... . The import value was ...")
                ctx.carried_period = label
                ctx.fiscal_report = False
            elif mention is not None and mention.kind == "fiscal":
                ctx.carried_period = None  # a fiscal report period has no calendar label
                ctx.fiscal_report = True
        elif modality == "plan" and choice.cue is not None and choice.cue.row == "dividend" \
                and mention is not None and self.over(replace(mention, label=label)):
            # a declared dividend is for the period its name gives (中期股息, "an interim
            # dividend for the first half"), not due then (CONVENTIONS.md); a payment day to
            # come stays its horizon
            period = TimeRef(label=label, text=ptext)
        else:
            horizon = self.horizon_of(mention, cue, anchor, metric, listed_time is not None)
        due = horizon.label if horizon is not None and horizon.label else None
        if draft.year_multiple and change is not None and change.basis == "yoy" and due and \
                ctx.published is not None and int(due[:4]) > ctx.published.year:
            change.basis = "vs_previous"  # "triple its sales team next year", "double its
            # warehouse area by the end of 2025": against today's level, not a year earlier
        obj = Party(name=draft.rival.row, type=draft.rival.label) if draft.rival else None
        if obj is None and modality == "claim" and cue is not None:
            target = attr.claim_object(view, cue)
            obj = Party(name=target.row, type=target.label) if target else None
        self.built[anchor.start] = (metric, subject)
        ctx.last_figure = (metric, subject)
        self.last_anchor_end = anchor.end
        rule = f"{unit_class(draft.level or draft.change)}.{draft.pattern}.{choice.how}"
        return Fact(
            id=fact_id(ctx.doc_id, view.start, anchor.start, anchor.end, rule),
            doc_id=ctx.doc_id, kind=kind, modality=modality, subject=subject,
            metric=metric, metric_text=choice.cue.text if choice.cue else None,
            segment=self.segment_for(anchor.start, choice.cue),
            value=value, change=change, period=period,
            horizon=None if modality == "claim" else horizon,  # a claim holds when made
            speaker=self.speaker_party(), object=obj,
            evidence=Evidence(text=view.text, start=view.start, end=view.end), rule=rule,
        )

    def carry_over(self, draft: Draft, choice: attr.MetricChoice, metric: str,
                   subject: Subject | None, value: Value | None,
                   compared: Quantity | None) -> tuple[str, Subject | None]:
        """Measure and subject taken from a figure said before, when this one names neither."""
        view, ctx = self.view, self.ctx
        if value is not None and choice.how == "no_metric" and metric == "other" \
                and draft.change is None:
            metric = self.metric_by_unit.get(value.unit, metric)
        volume = ctx.volume_metric
        if metric == "other" and choice.how == "no_metric" and volume is not None and \
                volume[0] == view.paragraph and (
                    value is not None and value.unit == "count" and value.counted in (None, "unit")
                    or value is None and subject is not None and subject.type == "market"):
            # "OPPO ranked fourth with 28.6 million units", "Africa grew 16%" in a paragraph
            # of shipments
            metric = volume[1]
        if metric == "other" and not self.built and ctx.last_figure is not None and \
                FIGURE_REF.match(view.text):
            metric, subject = ctx.last_figure  # "... revenue of X. The figure was higher than"
        if compared is not None and compared.start in self.built:
            # "accounted for 32% of shipments, up from 28% a year earlier": the same measure
            metric, subject = self.built[compared.start]
        elif subject is not None and self.built and ctx.main_subject is not None and \
                subject.name == ctx.main_subject.row and not any(
                    s.row == subject.name for s in view.subjects):
            # a figure with no subject of its own continues the sentence's last one ("shipments
            # will reach 625.8 million units, a compound annual growth rate of 3.1%")
            subject = list(self.built.values())[-1][1]
        return metric, subject

    def growth_rate(self, draft: Draft, choice: attr.MetricChoice,
                    metric: str | None) -> Draft | None:
        """A percentage named as a flow metric's growth is its change, not a level.

        "revenue growth to accelerate to 7% year-on-year", 营收增速有望达到15%.
        """
        q = draft.level
        if q is None or q.unit != "%" or draft.change is not None or choice.cue is None \
                or metric not in FLOW_METRICS or choice.cue.end > q.start:
            return None
        gap = self.view.between(choice.cue.end, q.start)
        if not GROWTH_AFTER.match(gap):
            return None
        direction = "down" if DECLINE_WORD.search(gap) else "up"
        return replace(draft, level=None, change=q, direction=direction, change_start=q.start,
                       basis=basis_near(self.view, choice.cue.start, q.end),
                       pattern="growth_rate")

    def loss_gap_cue(self, draft: Draft) -> bool:
        """Whether the change is written as a loss narrowing or widening (收窄, "widened")."""
        return any(c.start == draft.change_start and c.row in ("narrow", "widen")
                   for c in self.view.changes)

    def superseded(self, q: Quantity) -> bool:
        """The old figure of a revised target or forecast: only the new one is a fact.

        "raised the delivery target to 120,000 units, from 100,000 units previously".
        """
        view = self.view
        if not self.revises:
            return False
        edge = left_edge(q)
        before = view.between(max(view.start, edge - 12), edge)
        after = view.between(q.end, min(view.end, q.end + 14))
        return bool(FROM_BEFORE.search(before) and (
            PREVIOUSLY_AFTER.match(after) or TO_BEFORE_FROM.search(
                view.between(max(view.start, edge - 60), edge))))

    def compared_figure(self, q: Quantity) -> Quantity | None:
        """The figure `q` is the comparison point of ("X, compared with q"), if any.

        It is the previous figure of the same unit in the semicolon clause; `q` inherits its
        metric.
        """
        view = self.view
        edge = left_edge(q)
        if not attr.COMPARED_POINT.search(view.between(max(view.start, edge - 32), edge)):
            return None
        semi = view.semiclause(q.start)
        earlier = [p for p in view.quantities if semi[0] <= p.start and p.end <= edge
                   and (p.unit == q.unit or (q.unit is None and p.unit == "count"))
                   and p is not q and direction_cue(view, p) is None]
        # ("ship more than 100,000 GPUs this year, compared with roughly 40,000 in 2023")
        return earlier[-1] if earlier else None  # ("increased 28%, ... from 46%": not the 28%)

    def comparison_not_bound(self, q: Quantity | None) -> bool:
        """"higher/lower than X" after another figure of the unit compares it with X."""
        if q is None or q.qualifier_start is None:
            return False
        view = self.view
        return bool(COMPARATIVE_AT.match(view.between(q.qualifier_start, q.start))) and any(
            p.unit == q.unit and p.end <= q.qualifier_start for p in view.quantities)

    def counts_facilities(self, q: Quantity | None) -> bool:
        """"35个工业园", "45 drone delivery routes", "70 countries": a count of sites."""
        if q is None:
            return False
        view = self.view
        edge = q.qualifier_start if q.qualifier_start is not None else q.start
        for c in view.metrics:
            if c.row != "facilities":
                continue
            if q.start <= c.start <= q.end + FACILITY_REACH and not re.search(
                    r"[,，;；。]", view.between(q.end, max(q.end, c.start))):
                return True
            if view.lang == "zh" and 0 <= edge - c.end <= 4:
                return True  # 海外制造中心超过60个: the noun before the number
        return False

    def counted_like_compared(self, q: Quantity | None) -> bool:
        """"30 companies listed ..., compared with 31": the comparison point counts the same."""
        compared = self.compared_figure(q) if q is not None else None
        return compared is not None and (self.counts_facilities(compared)
                                         or self.number_of_before(compared))

    def number_of_before(self, q: Quantity | None) -> bool:
        """"increase the number of drone routes to more than 100", 门店数量达到: a count."""
        return self.number_of_phrase(q) is not None

    def number_of_phrase(self, q: Quantity | None) -> tuple[int, int] | None:
        """Bounds of what "the number of ..." counts before `q` (English), else None."""
        if q is None:
            return None
        view = self.view
        lo = view.semiclause(q.start)[0]
        edge = q.qualifier_start if q.qualifier_start is not None else q.start
        m = NUMBER_OF_BEFORE.search(view.between(lo, edge))
        if m is None:
            return None
        phrase = m.group("counted") or ""
        start = lo + m.start("counted") if m.group("counted") else lo + m.start()
        return start, start + len(phrase.rstrip())

    def speaker_party(self) -> Party | None:
        """The sentence speaker as a Party."""
        if self.speaker is None:
            return None
        return Party(name=self.speaker.row, type=self.speaker.label)

def assemble(doc: Doc) -> list[Fact]:
    """All facts of one processed Doc."""
    lang = doc.lang_
    quantities = outside_names(doc._.quantities or [], doc._.cues.get("subjects", []))
    views = sentence_views(doc, quantities)
    published = date.fromisoformat(doc._.published) if doc._.published else None
    ctx = DocContext(doc_id=doc._.doc_id or "", lex=load_lexicon(lang),
                     published=published, main_subject=main_subject(views, doc._.title)
                     or reporting_organization(views, doc._.title),
                     currency=dominant_currency(quantities))
    ctx.carried_period = ctx.report_period = report_period(views, published)
    ctx.market_region = usual_region(views)
    ctx.company_article = is_company_article(views)
    if ctx.main_subject is None:
        ctx.topic_market = topic_market(views)
    ctx.economy_article = sum(1 for view in views for c in view.metrics
                              if ctx.lex.metric_rows[c.row].economy) >= ECONOMY_ARTICLE
    
    facts: list[Fact] = []
    text = doc_text(doc)
    paragraph = None
    for view in views:
        if view.paragraph != paragraph and (within(ctx.report_period, ctx.carried_period)
                                            or finer(ctx.carried_period, ctx.report_period)
                                            or MONTH_SPAN.fullmatch(ctx.carried_period or "")
                                            or ctx.main_subject is not None and earlier(
                                                ctx.carried_period, ctx.report_period)):
            # (a company's report returns to its period after an aside on an older one:
            # "Canalys data showed that ... in the first quarter of 2024")
            # a new paragraph returns to the report period: a paragraph on the half year
            # (上半年…) or on July's deliveries in a Q2 report is an aside
            ctx.carried_period = ctx.report_period
        paragraph = view.paragraph
        days = [t.label for t in view.times if t.kind == "point" and t.label
                and DAY_LABEL.fullmatch(t.label)]
        if days:  # a day named before the figure dates the paragraph's running levels
            ctx.last_day = (view.paragraph, days[-1])
        as_of = [t.label for t in view.times if t.label and DAY_LABEL.fullmatch(t.label) and (
            attr.AS_OF_START.match(t.text) or attr.AS_OF_BEFORE.search(
                view.between(max(view.start, t.start - 12), t.start)))]
        if as_of:  # "As of June 30, 2024, ...": the day the paragraph's stocks are counted
            ctx.last_as_of = (view.paragraph, as_of[-1])
        ctx.named_spans.update(named_spans(view))
        facts.extend(sentence_facts(ctx, view, text))
        named = [s for s in view.subjects if s.label in attr.SUBJECT_TYPES]
        rivals = {(r.start, r.end) for c in view.modality if c.label == "claim"
                  and (r := attr.claim_object(view, c)) is not None}
        actors = [s for s in named if not attr.ends_with(
            attr.AGENT_BEFORE, view.between(view.start, s.start), attr.AGENT_WIDTH)
            and (s.start, s.end) not in rivals]  # ("surpassed GPT-4o. The model ...": not it)
        if actors:  # ("..., with existing shareholders including Tencent participating.
            # The deal brings its total raised to ...": not Tencent's)
            ctx.last_subject = actors[-1]
            ctx.last_subject_paragraph = view.paragraph
        products = [s for s in named if s.label == "product"] + quoted_titles(view)
        spoken_of = [p for p in products if (p.start, p.end) not in rivals]
        if spoken_of:  # ("ahead of GPT-4o. ... the model ranked second": not GPT-4o)
            ctx.last_product = max(spoken_of, key=lambda c: c.start)
        if products:
            ctx.recent_products = [*ctx.recent_products[-3:], *sorted(
                products, key=lambda c: c.start)]
        companies = [s for s in named if s.label == "company" and not attr.ends_with(
            attr.AGENT_BEFORE, view.between(view.start, s.start), attr.AGENT_WIDTH)]
        # the company the previous sentence was about: "Nvidia ... revenue of ... . The gross
        # margin was 75.1%" (the article's main company otherwise)
        ctx.previous_company = companies[0] if len(companies) == 1 else None
        if len(companies) == 1 and not ctx.company_article:  # a round-up's paragraph on one
            # company: "亿航智能… 。二季度公司实现营收1.28亿元" is that company's
            one = companies[0]
            ctx.focus = (view.paragraph, Subject(name=one.row, text=one.text, type="company"))
        ctx.previous_companies = frozenset(c.row for c in companies)
        ctx.previous_sentence = view.start
    return facts


def outside_names(quantities: list[Quantity], names: list[Cue]) -> list[Quantity]:
    """Quantities not written inside a name (a name's digits and numerals are no figure).

    茶百道 is a tea chain, not "百道" (100 counts); "Qwen2-72B" is a model.
    """
    starts = [c.start for c in names]
    kept = []
    for q in quantities:
        i = bisect_left(starts, q.end)  # names starting before the quantity ends
        near = names[max(0, i - 4):i]
        if not any(c.start < q.end and q.start < c.end and not (
                q.start <= c.start and c.end <= q.end) for c in near):
            kept.append(q)
    return kept


def counted_like_earlier(view: SentenceView, q: Quantity, earlier: list[Quantity],
                         paragraph_count: str | None = None) -> Quantity:
    """A bare number compared with a count counts the same thing.

    "30 companies listed ..., compared with 31 in the same period last year", "to about 1,000
    stores, from 720 at the end of October", "opened 155 hotels, and another 782 were ...".
    """
    if q.unit is not None or is_scaled(q) or q.amount != q.amount.to_integral_value():
        return q
    count = next((p for p in reversed(earlier) if p.unit == "count" and p.counted), None)
    before = view.between(max(view.start, left_edge(q) - 20), left_edge(q))
    if count is not None and COMPARED_COUNT_BEFORE.search(before):
        return replace(q, unit="count", counted=count.counted)
    if paragraph_count is not None and q.amount >= 1000 and RANKED_WITH_BEFORE.search(before):
        # "TELD operated 659,000 public piles. Star Charge followed with 585,000": the count
        # the paragraph is ranking
        return replace(q, unit="count", counted=paragraph_count)
    return q


def sentence_facts(ctx: DocContext, view: SentenceView, doc_text: str) -> list[Fact]:
    """Facts of one sentence: numeric ones, else one statement fact."""
    if not view.quantities and not view.modality:
        return []  # no figure and no forward-looking cue: nothing to assemble
    assembler = SentenceAssembler(ctx, view)
    facts: list[Fact] = []
    kept = []
    for q in view.quantities:
        if not usable(q, view, doc_text):
            continue
        if benchmark_wins(view, q, doc_text):
            fact = wins_fact(ctx, view, q, assembler.speaker_party())
            if fact is not None:
                facts.append(fact)
            continue
        last = ctx.last_count
        kept.append(counted_like_earlier(view, q, kept, last[1] if last is not None
                                         and last[0] == view.paragraph else None))
    counted = [q for q in kept if q.unit == "count" and q.counted]
    if counted:
        ctx.last_count = (view.paragraph, counted[-1].counted)
    drafts = drafts_for(view, kept)
    for draft in drafts:
        fact = assembler.build(draft)
        if fact is not None:
            facts.extend(shared_by_all(view, fact))
    facts.extend(assembler.statements(facts))
    return facts


def shared_by_all(view: SentenceView, fact: Fact) -> list[Fact]:
    """One fact per company of a list that all share the figure, when its subject is one of them.

    "ByteDance, Alibaba and Baidu have all cut the prices ... by more than 90%".
    """
    if fact.subject is None or fact.subject.type != "company" or not ALL_MARKER.search(view.text):
        return [fact]  # (the cheap test first: the list pattern is slow to fail)
    m = ALL_OF_THEM.search(view.text)
    if m is None:
        return [fact]
    lo, hi = view.start + m.start(), view.start + m.end("names")
    if any(lo <= q.start < hi for q in view.quantities):
        return [fact]  # 三星以20%…，OPPO与传音的份额均为10%: a list with figures of its own
    names = [s for s in view.subjects if s.label == "company" and lo <= s.start and s.end <= hi]
    rows = list(dict.fromkeys(s.row for s in names))
    if len(rows) < 2 or fact.subject.name not in rows:
        return [fact]
    by_row = {s.row: s for s in names}
    return [fact if row == fact.subject.name else fact.model_copy(update={
        "id": fact_id(fact.doc_id, fact.id, row),
        "subject": Subject(name=row, text=by_row[row].text, type="company")}) for row in rows]
