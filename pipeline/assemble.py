"""Annotated Doc -> Fact records, the same code for every language.

Per sentence: keep the quantities that can be business measures, decide which are changes and
which are levels, join a change to its level ("revenue of X, a year-on-year increase of Y%";
"fell Y% to X"), then ask the attribute pickers for metric, subject, period and modality.
Sentences with a strong forward-looking cue and no number give one fact for the statement.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc

from pipeline import attribution as attr
from pipeline.components.base import Cue, doc_text
from pipeline.drafts import (
    LIST_AND,
    Draft,
    basis_near,
    direction_cue,
    drafts_for,
    from_year_before,
    is_scaled,
    left_edge,
    same_stem,
)
from pipeline.figures import usable
from pipeline.lexicon import Lexicon, MetricDef, load_lexicon
from pipeline.models import Change, Evidence, Fact, Party, Subject, TimeRef, Value
from pipeline.periods import (
    COMPARISON_KINDS,
    TimeMention,
    finer,
    label_bounds,
    shift_year,
    within,
)
from pipeline.quantities import Quantity
from pipeline.sentence_view import SentenceView, sentence_views

PIPELINE_VERSION = "0.1.0"
PAST_FORECAST_BEFORE = re.compile(
    r"(?:此前|之前|先前|早前)[^，。；]{0,30}$|\b(?:previously|previous|earlier|prior)\b[^,;]{0,20}$",
    re.I)
MARKET_REVENUE = ("revenue", "sales")
MARKET_SPENDING = ("other", "investment")  # "cloud services spending rose to US$9.1 billion"
COMPARED_SIGN = re.compile(r"\ba\s+(?:net\s+)?(loss|profit)\s+of\s+$", re.I)
# "told analysts that Yum China aims to ...", 向投资者表示: the audience, not the speaker
AUDIENCE_BEFORE = re.compile(r"(?:\b(?:told|telling|tells|to|with|for)\s+(?:the\s+)?|向|对)$",
                             re.I)
TOPIC_MARKET_AFTER = re.compile(r"\s?(?:market\b|市场)", re.I)  # "IPO market", 智能手机市场
TOPIC_PARAGRAPHS = 2  # the headline and the lead name the market a round-up is about
MARKET_WORD = re.compile(r"\bmarket\b")
MONTH_SPAN = re.compile(r"(\d{4})-\d{2}/\1-\d{2}")
REVISION = re.compile(
    r"\b(?:raised|lowered|cut|revised|upgraded|downgraded|trimmed|lifted)\b[^.;]{0,40}"
    r"\b(?:target|forecast|estimate|guidance|outlook|expectation)s?\b", re.I)
FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+)?$", re.I)
PREVIOUSLY_AFTER = re.compile(r"\s*(?:previously|earlier|before)\b", re.I)
TO_BEFORE_FROM = re.compile(r"\bto\s+\S+[^,;]{0,30}\s+from\s+(?:about\s+|around\s+)?$", re.I)
STAFF_WHOLE_AFTER = re.compile(
    r"\s+of\s+(?:its|the company's|the group's|total|all)\s+(?:total\s+)?(?:workforce|employees|"
    r"staff|headcount)\b", re.I)
UNITS_WHOLE_AFTER = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|all\s+|total\s+){0,2}(?:[\w-]+\s+){0,2}?(?:room nights|"
    r"nights|orders|visits|trips|bookings|rides|members|customers|users|hours|minutes)\b", re.I)
TRADE_WORD = re.compile(r"import|export|进口|出口", re.I)
TRADE_TOTAL = re.compile(r"imports?\s+and\s+exports?|exports?\s+and\s+imports?|进出口", re.I)
STOCK_METRICS = {"employees", "users", "cash"}
YEAR_END_TEXT = re.compile(r"\bend of\b|年末|年底|去年底", re.I)
YEAR_END_AFTER = re.compile(r"(?:末|底)")
AUTHOR_INFERENCE = re.compile(r"\s*(?:this|that|it) (?:also )?means\b|这(?:也)?意味着|这表明", re.I)
SHARE_OF_MARKET = re.compile(r"\bshare of (?:the )?(?:[\w-]+ ){0,5}market\b", re.I)
MARKET_WHOLE_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:box office|total (?:foreign trade|retail sales|"
    r"sales|installations|shipments)|foreign trade|retail sales)\b", re.I)
MONTHLY_MEASURE = re.compile(r"月活|月均|monthly|\bMAUs?\b", re.I)  # a month's flow, not a day's
DAY_LABEL = re.compile(r"\d{4}-\d{2}-\d{2}")
DOMINANCE = 2  # the main company is named at least twice as often as any other
COMPANY_ARTICLE_MENTIONS = 5
MARKET_WORD_AFTER = re.compile(r"\bmarket\b|市场|\bof (?:the )?(?:global|worldwide)\b|\bindustry\b|"
                               r"全球|行业", re.I)
GENERATION_CLAIM = attr.GENERATION_CLAIM  # "2x faster than the previous generation": no rival
WINS_AFTER = re.compile(r"^\s*(?:of\b|out of\b|项)")
WINS_VERB_AFTER = re.compile(r"^(?:成绩|得分)?(?:超过|超越|领先|优于|胜过)")
PRONOUN = re.compile(r"\b(?:it|its|the model|this model|the company)\b|该模型|其|它", re.I)
WILL_ROWS = ("future.will", "forecast.will", "plan.will")  # "will" phrases: may be narrative
# a year the text names: "2024", "last year", 去年 (a yearless "September 26" is resolved)
WRITTEN_YEAR = re.compile(r"(?:19|20)\d\d|\byears?\b|年(?!\d)|[今去明前]年", re.I)
THIS_MARKET = re.compile(r"\b(?:this|that|the same) market\b|该市场|这一市场|这个市场", re.I)
YEAR_ONLY = re.compile(r"\d{4}")
SAME_PART_OF = re.compile(r"\bsame (?:period|quarter|half|half-year|month) (?:of|in)\s+$", re.I)
SAME_PART_AFTER = re.compile(r"^\s*(?:年)?同期")
QUOTE_OPEN = re.compile(r"[\"“「『]")  # a statement quoted, its speaker named after the quote
# a figure of the company just named: "its revenue", "It aims to", 其
# "the game", "the car", "this model": the product named last
PRODUCT_REF = re.compile(r"\b(?:the|this) (?:new )?(?:game|car|vehicle|model|phone|smartphone|chip|"
                         r"app|device|film|movie|drug|robot)\b|该(?:游戏|车型|车|机型|芯片|产品|影片)",
                         re.I)
PRODUCT_METRICS = {"price", "sales_volume", "shipments", "users", "downloads", "usage"}
CAGR_BEFORE = re.compile(r"(?:compound annual growth rate|CAGR|compound growth rate|"
                         r"年均复合增长率|年复合增长率|复合增长率|复合年增长率)"
                         r"[^,;，；。]{0,25}$", re.I)
ZH_RIVAL_BEFORE = re.compile(r"(?P<word>(?:明显|均已|已经|已|均|连续多年)?"
                             r"(?:超过|超越|高于|优于|领先于))$")
EN_COMPARATIVE_BEFORE = re.compile(
    r"\b(?P<word>more|fewer|higher|lower|better|faster|cheaper|longer|shorter|larger|bigger|"
    r"stronger|greater)\b(?:\s+[\w-]+){0,4}?\s+than\s+(?:that of\s+|those of\s+|the\s+)?$", re.I)
SINCE_YEAR_START = re.compile(r"上年末|年初|去年底|上年底|去年末|end of (?:last|the previous) year|"
                              r"beginning of (?:the|this) year|start of (?:the|this) year", re.I)
# "ByteDance, Alibaba and Baidu have all cut", 字节跳动、阿里巴巴和百度均已下调
ALL_MARKER = re.compile(r"\b(?:all|each|both)\b|均|都|皆|纷纷", re.I)
ALL_OF_THEM = re.compile(r"(?P<names>(?:[^,，、;；。]{1,30}(?:,|，|、)\s*){0,6}[^,，、;；。]{1,30}?"
                         r"(?:\s+and\s+|和|与|及)[^,，、;；。]{1,30}?)\s*(?:have|has|had|were|are)?"
                         r"\s*(?:(?:all|each|both)\b|(?:均|都|皆|纷纷)(?:已经|已)?)", re.I)
ON_AFTER = re.compile(r"\s+on\s+", re.I)
TIMES_WORD = re.compile(r"\btimes$", re.I)
OWNER_REF = re.compile(r"\b(?:its|their)\b|^\s*(?:It|The company)\b|其", re.I)
EXPENSE_METRICS = {"rd_expense", "selling_expense", "admin_expense", "operating_expense",
                   "cost_of_sales", "capex", "depreciation"}
SHARE_OF_VOLUME_FROM = {"revenue_share", "other", "shipments", "sales_volume", "sales",
                        "market_share"}
VOLUME_WHOLE_AFTER = re.compile(
    r"\s*of\s+(?:[\w'’-]+\s+){0,5}?(?:shipments|sales volumes?|unit sales|deliveries|"
    r"(?:new )?(?:car|vehicle|smartphone|PC) sales)\b", re.I)
# "38% had put AI agents into use", "33% of enterprise software applications will include"
ADOPTION_AFTER = re.compile(
    r"^\s*(?:of\s+(?:[\w-]+\s+){0,4}?)?(?:had|have|has|will|would|are|were|plan to|planned to)?"
    r"\s*(?:already\s+)?(?:put|adopted|adopt|deployed|deploy|used|use|using|include|included|"
    r"introduced|rolled out)\s+", re.I)
ADOPTED_REACH = 12  # characters from the verb to the technology ("put [the] AI agents")
COMPARED_COUNT_BEFORE = re.compile(r"\b(?:compared with|compared to|versus|up from|down from|"
                                   r"from|another|than)\s+(?:about\s+|around\s+|nearly\s+|"
                                   r"roughly\s+)?$", re.I)
NATIONWIDE = re.compile(r"全国|\bnationwide\b|\bnational\b(?! (?:team|champion))", re.I)
RANKED_WITH_BEFORE = re.compile(r"\b(?:followed|ranked \w+|came \w+|was \w+)\s+with\s+"
                                r"(?:about\s+|around\s+|nearly\s+|roughly\s+)?$", re.I)
LIKE_BEFORE = re.compile(r"\b(?:similar (?:rate|pace|level) to|similar to|the same (?:rate|pace|"
                         r"level) as|in line with|compared with|compared to|than)\s+(?:the\s+)?$",
                         re.I)
REGION_MOVED = re.compile(r"\s+(?:grew|rose|fell|declined|increased|decreased|dropped|jumped|"
                          r"slipped|expanded|shrank|was (?:up|down))\b", re.I)  # "Africa grew 16%"
MONTH_END_WORD = re.compile(r"\bend of\b|月底|月末", re.I)
UNIT_VOLUME_METRICS = {"shipments", "sales_volume"}  # what a paragraph's "units" count
HEADCOUNT_METRICS = {"employees", "users", "downloads", "headcount_change"}  # never money
PER_UNIT_BEFORE = re.compile(r"单票|单车|单件|每单|每票|每件|单台|单吨|"
                             r"\b(?:per|each) (?:parcel|vehicle|unit|order|car|tonne|ton|IPO|"
                             r"deal|listing|store)\b", re.I)
HELD_BEFORE = re.compile(r"\b(?:held|holds|hold|took|takes|captured|with|had)\s+(?:a\s+|about\s+|"
                         r"roughly\s+|around\s+|nearly\s+)?(?:[\d.]+%\s*(?:,|and)\s*)*$", re.I)
SHARE_NOUN = re.compile(r"\bshare\b(?! (?:price|buyback|repurchase))|份额|占有率", re.I)
STAKE_AFTER = re.compile(r"\s*of\s+(?:the\s+|its\s+)?(?:shares|stake|equity|voting)", re.I)
IN_TOTAL_BEFORE = re.compile(r"\bin (?:the |its )?total (?:[\w-]+ ){0,2}", re.I)
VOLUME_WHOLE_BEFORE = re.compile(
    r"占[^，。；,;]{0,24}(?:出货量|销量|交付量)(?:的|比例为|比重为|比例达到?)?(?:约|超过|近|逾)?$|"
    r"\b(?:proportion|share) of (?:[\w'’-]+ ){1,4}in (?:the )?total (?:[\w-]+ ){0,2}"
    r"(?:sales|shipments|deliveries)\b[^,;]{0,40}$", re.I)
# ("the proportion of new energy vehicles in total new car sales will reach nearly 40%")
SHARE_VERB_BEFORE = re.compile(r"\baccount(?:s|ed|ing)? for\b|\bcontributed\b|占|比例|比重|占比",
                               re.I)
FLOW_METRICS = {"revenue", "sales", "net_profit", "net_profit_attributable", "adjusted_net_profit",
                "gross_profit", "operating_profit", "shipments", "sales_volume", "users"}
GROWTH_AFTER = re.compile(r"^\s*(?:growth(?: rate)?|increase|增速|增长率|增幅)(?![^,;，；]*\d)"
                          r"[^,;，；]{0,40}$", re.I)
DECLINE_WORD = re.compile(r"\b(?:decline|fall|drop|shrink)\w*|下降|下滑|减少", re.I)
STATEMENT_METRIC_REACH = 40  # characters between a statement's cue and the measure it is about
# the name of a period right before its span in brackets: "the summer transport period (",
# 暑运期间（
SPAN_NAME_BEFORE = re.compile(
    r"(?:\bthe\s+|this\s+year's\s+)(?P<name>(?:[\w-]+\s+){0,3}?(?:period|season|holiday|"
    r"festival|rush|week|promotion|campaign))\s*[(（]\s*(?:from\s+)?$|"
    r"(?P<zh>[\u4e00-\u9fff“”0-9]{2,8}?)(?:期间|档期)?[（(]$", re.I)
CJK_TEXT = re.compile(r"[\u4e00-\u9fff]")
SPAN_WORDS_NOT_NAMES = {"same", "whole", "entire", "reporting", "review", "first", "second",
                        "third", "fourth", "last", "next", "this", "that", "previous", "current",
                        "holiday", "festival", "promotion", "sales", "shopping"}
BARE_OUTLOOK = re.compile(r"outlook|guidance|forecasts?|projections?|expectations?", re.I)
THAT_AFTER = re.compile(r"\s*(?:that|of|for|to)\b", re.I)
CONFIDENT_OF_TARGET = re.compile(
    r"对(?:完成|实现|达成)[^，。；]{0,12}目标[^，。；]{0,6}(?:有|充满|很有)信心|"
    r"\bconfident (?:of|in|about|that)\b[^.;]{0,40}\b(?:target|goal|guidance)", re.I)
# what a company does on its own schedule, right after "expected (to)" / 预计
OWN_ACTION_AFTER = re.compile(
    r"\s*(?:to\s+)?(?:be\s+)?(?:(?:completed|launched|put into (?:production|operation)|"
    r"installed|commissioned|opened|released|rolled out|go into (?:production|operation)|"
    r"start (?:production|operation))\b|[于在]?[^，。；]{0,12}?(?:投产|建成|竣工|完工|落地|上线|"
    r"推出|发布|开业|交付使用))", re.I)
COMPANY_SAYS = re.compile(r"\b(?:said|says|announced)\b|表示|称|透露|介绍|公告", re.I)
AGAINST_AFTER = re.compile(r"\b(?:against|over)\s+(?:that of\s+|the\s+)?")  # "wins ... against X"
JOINED_CLAUSE = re.compile(r",\s+(?:and|while|but)\s+|，(?:并|同时|还|且|而)|"
                           r"\s+and\s+(?=(?:plan(?:s|ned)|aim(?:s|ed)|intend(?:s|ed)|expect(?:s|ed)|"
                           r"hope(?:s|d))\s+to\b)")
# 公司将继续推进数字化变革，计划年内新增3个生产基地: a bare comma before a second cue, after a
# clause that states a plan of its own (not a speaker's "X预计，")
ZH_CUE_CLAUSE = re.compile(r"，(?=[^，。；]{0,8}?(?:计划|力争|预计|拟|目标|有望))")
SPEAKER_END = re.compile(r"(?:预计|表示|认为|称|指出|说|透露|强调|介绍)$")
JOINED_CUE_REACH = 40  # characters from the joint to the joined clause's own cue
QUOTED_TITLE = re.compile(
    r"(?:\"|“|《)(?P<title>[A-Z0-9\u4e00-\u9fff][^\"“”《》]{0,38}[^\s\"“”《》])(?:\"|”|》)")
QUOTED_TITLE_BEFORE = re.compile(
    r"(?:\"|“|《)(?P<title>[A-Z0-9\u4e00-\u9fff][^\"“”《》]{0,38}[^\s\"“”《》])(?:\"|”|》)"
    r"(?:\s+(?:is|are|was|were))?\s*$")
NAME_BEFORE = re.compile(r"\b[A-Z][\w-]+\s+$")
MONTH_LABEL = re.compile(r"^\d{4}-\d{2}$")
REPORT_LABEL = re.compile(r"^\d{4}-[QH]\d$")
YEAR_TO_DATE = re.compile(r"^(\d{4})-\d{2}/\1-\d{2}$")  # "January to August", "July 1 to August 31"
DAY_SPAN = re.compile(r"^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$")  # "from May 20 to June 18"
IMPACT_BEFORE = re.compile(r"\b(?:drive|drives|driving|boost|boosts|lift|lifts|add|adds|"
                           r"contribute|contributes)\b[^,;.]{0,12}$|拉动|带动|贡献", re.I)
GROWTH_WORD = re.compile(r"\bgrowth\b|\bgrow|增长|增速", re.I)
LEVEL_WORD = re.compile(r"\b(?:rate|index|ratio|level)\b|率|指数", re.I)
ECONOMY_ARTICLE = 3  # economy indicators named before an article is taken to be about one
REPORT_LAG = 150  # days: results come out within a few months of the period's end
COMPARATIVE_AT = re.compile(r"(?:higher|lower) than\b", re.I)
FIGURE_REF = re.compile(
    r"\s*(?:The|This|That) (?:figure|number|result)\b|\s*(?:该|这一|此)(?:数字|数据)")
OWN_WHOLE = re.compile(r"^\s*of\s+(?:the\s+(?:group|company|firm)['’]s|its|their)\b", re.I)
ADOPTERS_AFTER = re.compile(r"^\s*of\s+(?:[\w-]+\s+){0,3}?(?:enterprises|companies|businesses|"
                            r"organizations|organisations|firms|households|consumers|hospitals|"
                            r"schools|banks)\b", re.I)
VOLUME_BEFORE_SHARE = re.compile(r"(?:销量|出货量|订单|交付量|装机量|人员|员工|人数|客户数)$")
PER_USER = re.compile(r"\bper (?:\w+ ){0,3}(?:user|customer|buyer|member)\b|"
                      r"\b(?:users|customers|buyers)['’]\s+\w+|人均|户均", re.I)
PROPORTION = re.compile(
    r"(?:the |this |that )?(?:proportion|share|ratio)|这一比例|该比例|比例|占比", re.I)
FACILITY_REACH = 16  # "45 drone delivery routes": a few words between count and noun
HEAD_END = re.compile(r"^(?:\s*$|\s+(?:using|on|in|of|who|that|with|across|at)\b)")
NUMBER_OF_BEFORE = re.compile(
    r"\bnumber of\s+(?P<counted>[^,;.]{1,60}?)\s*\b(?:to|at|reached|reach|was|were|is|of|from|"
    r"by|to exceed|to reach|exceeded|exceeds|topped|rose to|grew to|increased to)\s+$|"
    r"\b(?:bringing|brings|bring|taking|takes|take) (?:the|its|their) total (?:number )?"
    r"(?P<total>)to\s+$|"
    r"\b(?:increase|raise|expand|grow|lift|bring) (?:the|that|this) number (?P<back>)to\s+$|"
    r"(?:数量|个数|数目)(?:已)?(?:达到|达|为|增至|增加到|提升至|超过|突破)了?$", re.I)
COMPANY_THEN_WILL = re.compile(r"(?:\b(?:the company|the group|we)\s+|"
                               r"\b(?:said|says|announced|stated)\s+(?:that\s+)?its\s+(?:[\w,-]+\s+){1,7}|"
                               r"\b(?:said|says|announced|stated)\s+(?:that\s+)?it\s+|"
                               r"\bthe (?:company|group)'s\s+(?:[\w,-]+\s+){1,7}|"
                               r"(?:该公司|公司|我们)(?:(?:还|也)?(?:表示|称|透露|介绍|指出|强调)[，,：:]?)?"
                               r"(?:今年|明年|下半年|上半年|年内|后续|近期|未来|"
                               r"第?[一二三四]季度|还|也|仍){0,2})$", re.I)
# (公司表示，下半年将继续推进: the company says what it will do)
COMPANY_REF_BEFORE = re.compile(r"\b(?:the company|the group)\b|该公司|(?<![子母])公司", re.I)
COMPANY_REF = re.compile(r"\b(?:the company|the group|the firm|we)\b|该公司|公司|我们", re.I)


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


def unit_class(q: Quantity | None) -> str:
    """Rule-name prefix for a quantity: money, percent, count, multiple, number."""
    if q is None:
        return "statement"
    if q.unit and len(q.unit) == 3:
        return "money"
    return {"%": "percent", "pp": "percent", "count": "count", "x": "multiple"}.get(
        q.unit or "", "number")


def fact_id(doc_id: str, *parts: object) -> str:
    """Deterministic id: same article text and pipeline version, same id."""
    raw = "|".join([PIPELINE_VERSION, doc_id, *map(str, parts)])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


class SentenceAssembler:
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
                                          draft.list_size) if market is None else None
                if market is not None:  # "console games and PC games will generate US$51.9
                    # billion and US$43.2 billion respectively": the n-th category's market
                    subject = Subject(name=market[0], text=market[1], type="market")
                elif region is not None:  # "Billings in Japan and Europe declined 9% and 38%"
                    subject = self.in_region(subject, region)
        metric, subject = self.carry_over(draft, choice, metric, subject, value, compared)
        if value is not None and metric != "other":
            self.metric_by_unit[value.unit] = metric
            if value.unit == "count" and metric in UNIT_VOLUME_METRICS:
                ctx.volume_metric = (view.paragraph, metric)
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

    def refine_share(self, draft: Draft, choice: attr.MetricChoice, metric: str,
                     subject: Subject | None, value: Value | None,
                     share_level: bool) -> tuple[str, Subject | None]:
        """Which share, size or ratio a figure is, by what it is a share of and who holds it."""
        view, anchor = self.view, draft.anchor
        money = value is not None and value.unit not in ("%", "pp", "count", "x")
        trade = choice.cue is not None and TRADE_WORD.search(choice.cue.text) and not \
            TRADE_TOTAL.search(view.between(max(view.start, choice.cue.start - 14),
                                            choice.cue.end))  # (total trade is the market's)
        if money and choice.cue is not None and metric in ("revenue", "sales", "other",
                                                           "funding") and \
                PER_UNIT_BEFORE.search(view.between(max(view.start, choice.cue.start - 8),
                                                    min(view.end, choice.cue.end + 12))):
            return "other", subject  # 平均单票收入约为8.39元, "revenue per vehicle": a rate per
            # unit sold, neither the revenue nor a market's size
        if value is not None and value.unit == "count" and metric in attr.SHARE_METRICS:
            metric = "other"  # ("a share of 18.8%, and State Grid ranked third with 196,000")
        if money and metric in HEADCOUNT_METRICS:
            metric = "other"  # ("People familiar with the matter said ... 25 billion yuan")
        if money and metric in attr.RATIO_METRICS:  # a share or a margin is no sum of money
            metric = "market_size" if subject is not None and subject.type == "market" \
                else "other"
        if subject is not None and subject.type == "market" and not trade and (
                metric in MARKET_REVENUE or (money and metric in MARKET_SPENDING)):
            metric = "market_size"  # a market's revenue, sales or spending is its size (its
            # imports and exports stay sales: a flow across the border, not the market)
        if metric in ("revenue", "sales", "other") and value is not None and value.unit == "%" \
                and share_level and SHARE_VERB_BEFORE.search(view.between(
                    max(view.start, anchor.start - 24), anchor.start)) \
                and (metric != "other" or attr.nearest_before(
                    [c for c in view.metrics if c.label in ("revenue", "sales")], anchor.start,
                    view.semiclause(anchor.start)[0])):
            metric = "revenue_share"  # "net sales were 6.24 billion, of which China accounted
            # for 49%", 占营业总收入的比例为41.6%
        if metric == "revenue_share" and self.expense_before(anchor):
            metric = "other"  # "selling expenses ..., accounting for 32.9% of revenue": a ratio
        if metric == "revenue_share" and (STAFF_WHOLE_AFTER.match(view.between(
                anchor.end, view.end)) or UNITS_WHOLE_AFTER.match(view.between(
                anchor.end, view.clause(anchor.end - 1)[1]))):
            metric = "other"  # "accounting for 70% of its workforce", "67% of room nights
            # sold": a share of staff or of units, not of revenue
        # a list's whole comes after its last item ("held 42.9%, 34.5% and 19.6% of the market")
        clause_end = view.semiclause(anchor.start)[1] if draft.list_index is not None \
            else view.clause(anchor.end - 1)[1]
        if metric in ("revenue_share", "other", "shipments", "sales_volume") and value is not None \
                and value.unit == "%" and (MARKET_WORD_AFTER.search(view.between(
                    anchor.end, clause_end)) or SHARE_OF_MARKET.search(
                    view.between(view.clause(anchor.start)[0], anchor.start))):
            metric = "market_share"  # "accounted for 80% of the market", "AMD's share of the
            # x86 server CPU market by unit shipments rose to 24.1%"
        if metric in ("revenue_share", "other") and value is not None and value.unit == "%" \
                and (subject is None or subject.type != "company") and MARKET_WHOLE_AFTER.match(
                    view.between(anchor.end, view.clause(anchor.end - 1)[1])):
            metric = "market_share"  # a film's "28.4% of the summer box office", "5.8% of
            # China's total foreign trade": a part's share of a market's whole
        if value is not None and value.unit == "%" and share_level \
                and metric in SHARE_OF_VOLUME_FROM and self.share_of_volume(anchor):
            metric, subject = self.volume_share(anchor)
        elif value is not None and value.unit == "%" and metric in ("other", "revenue_share") \
                and ADOPTERS_AFTER.match(view.between(anchor.end, view.clause(anchor.start)[1])):
            metric = "adoption_rate"  # "more than 50% of large Chinese enterprises will deploy"
        elif value is not None and value.unit == "%" and metric in ("other", "revenue_share"):
            adopted = self.adopted_after(anchor)
            if adopted is not None:  # "38% had put AI agents into use": the rate at which a
                # technology is taken up, about the technology
                metric = "adoption_rate"
                subject = Subject(name=adopted.row, text=adopted.text, type="other")
        if metric == "revenue_share" and choice.cue is not None and VOLUME_BEFORE_SHARE.search(
                view.between(max(view.start, choice.cue.start - 6), choice.cue.start)):
            metric = "other"  # 储能电池销量占比约两成, 海外订单占比: a share of units, not revenue
        if metric in ("users", "usage", "revenue", "sales") and choice.cue is not None and \
                PER_USER.search(
                view.between(max(view.start, choice.cue.start - 40),
                             min(view.end, choice.cue.end + 20))):
            metric = "other"  # "transactions per annual transacting user", "users' shopping
            # frequency": a rate per user, not a count of users
        if value is not None and value.unit == "%" and metric == "other" and self.built:
            last_metric = list(self.built.values())[-1][0]
            own_clause = view.clause(anchor.start)[0]
            if last_metric in attr.SHARE_METRICS and (choice.how == "no_metric" or (
                    choice.cue is not None and PROPORTION.fullmatch(choice.cue.text))
                    or not any(own_clause <= c.start < anchor.start for c in view.metrics)
                    or LIST_AND.search(view.between(self.last_anchor_end, anchor.start))):
                # "50% of China's PC shipments in 2025 and 85% in 2028", "..., and the
                # proportion will reach 60%": the same share of the same subject
                metric, subject = list(self.built.values())[-1]
        if value is not None and value.unit == "%" and metric == "other" and \
                choice.how == "no_metric" and subject is not None and subject.type == "company" \
                and HELD_BEFORE.search(view.between(max(view.start, anchor.start - 40),
                                                    anchor.start)) and (
                self.ctx.last_figure is not None and self.ctx.last_figure[0] == "market_share"
                or SHARE_NOUN.search(view.text)) and not STAKE_AFTER.match(
                    view.between(anchor.end, view.end)):
            metric = "market_share"  # "BOE ranked second with 16.8%", "Visionox and Tianma
            # held 7.5% and 6.9%": a vendor's part of the market the paragraph ranks
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

    def expense_before(self, q: Quantity) -> bool:
        """An expense named last before the figure in its clause group.

        Its share of revenue is a ratio, not a business line's share of revenue.
        """
        semi = self.view.semiclause(q.start)
        rows = self.ctx.lex.metric_rows
        named = [c for c in self.view.metrics if semi[0] <= c.start and c.end <= q.start
                 and not rows[c.row].modifier and c.label not in ("revenue_share", "revenue")]
        return bool(named) and (named[-1].label in EXPENSE_METRICS or named[-1].row in (
            "staff_cost", "one_off_gain"))  # 员工成本…，占收入的32.8%: a cost's share of revenue

    @property
    def main_name(self) -> str | None:
        """The canonical name of the article's main company."""
        return self.ctx.main_subject.row if self.ctx.main_subject is not None else None

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
            return mention.label + base[4:], mention.text
        return attr.resolve_period(mention, base_period, carried)

    def as_of_day(self) -> str | None:
        """The day a running level is read on: the paragraph's last named day, else publication.

        "On Tuesday, the shares closed at ... . They have risen 20% since the start of the year."
        """
        last = self.ctx.last_day
        if last is not None and last[0] == self.view.paragraph:
            return last[1]
        return self.ctx.published.isoformat() if self.ctx.published else None

    def comparison_not_bound(self, q: Quantity | None) -> bool:
        """"higher/lower than X" after another figure of the unit compares it with X."""
        if q is None or q.qualifier_start is None:
            return False
        view = self.view
        return bool(COMPARATIVE_AT.match(view.between(q.qualifier_start, q.start))) and any(
            p.unit == q.unit and p.end <= q.qualifier_start for p in view.quantities)

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

    def outsider_before(self, pos: int) -> bool:
        """Analysts or insiders speak before `pos`: what they say will happen is a forecast."""
        view = self.view
        return any(c.label == "outsider" and c.end <= pos and not AUDIENCE_BEFORE.search(
            view.between(max(view.start, c.start - 12), c.start)) for c in view.modality)

    def company_ref_before(self, pos: int) -> int | None:
        """Where "the company" / 公司 last stands before `pos` in the semicolon clause."""
        view = self.view
        lo = view.semiclause(pos)[0]
        found = None
        for m in COMPANY_REF_BEFORE.finditer(view.text, lo - view.start, pos - view.start):
            found = m
        return view.start + found.start() if found is not None else None

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

    def remember_market(self, subject: Subject | None) -> None:
        """Market articles keep talking about one market: remember it and its region."""
        if subject is None or subject.type != "market":
            return
        self.ctx.last_market = subject
        focus = self.ctx.focus
        if focus is None or focus[0] != self.view.paragraph or focus[1].type != "company":
            self.ctx.focus = (self.view.paragraph, subject)  # (a paragraph on one company
            # stays on it when a product of its names a market: "交付EH216系列产品63架")
        regions = [r.name for r in self.ctx.lex.regions if subject.name.startswith(r.name + " ")]
        if regions:  # "South Korea semiconductor equipment market": the longest region name
            self.ctx.market_region = max(regions, key=len)

    def in_region(self, market: Subject, region: Cue) -> Subject:
        """The same market in another region: "global X market" -> "Japan X market"."""
        prefixes = [r.name for r in self.ctx.lex.regions] + ["global"]
        held = max((p for p in prefixes if market.name.startswith(p + " ")), key=len, default="")
        rest = market.name[len(held):].lstrip()
        return Subject(name=f"{region.row} {rest}",
                       text=self.view.between(region.start, region.end), type="market")

    def speaker_party(self) -> Party | None:
        """The sentence speaker as a Party."""
        if self.speaker is None:
            return None
        return Party(name=self.speaker.row, type=self.speaker.label)

    def adopted_after(self, anchor: Quantity) -> Cue | None:
        """The technology a share of adopters takes up ("38% had put AI agents into use")."""
        view = self.view
        clause_end = view.clause(anchor.start)[1]
        m = ADOPTION_AFTER.match(view.between(anchor.end, clause_end))
        if m is None:
            return None
        lo = anchor.end + m.end()
        return next((c for c in view.segments if c.label == "product"
                     and lo <= c.start <= lo + ADOPTED_REACH and c.end <= clause_end), None)

    def share_of_volume(self, anchor: Quantity) -> bool:
        """A percentage of units shipped or sold ("20% of global PC shipments", 占新车销量的)."""
        view = self.view
        after = view.between(anchor.end, view.clause(anchor.end - 1)[1])
        before = view.between(view.clause(anchor.start)[0], anchor.start)
        return bool(VOLUME_WHOLE_AFTER.match(after) or VOLUME_WHOLE_BEFORE.search(before))

    def volume_share(self, anchor: Quantity) -> tuple[str, Subject | None]:
        """Metric and subject of a share of volume, by who holds the share.

        A company's share of shipments is its market share; a product category's share of its
        wider category ("AI PCs will account for 20% of PC shipments") is an adoption rate,
        about the category's market.
        """
        view = self.view
        holders = [c for c in view.subjects if c.label == "company" and c.end <= anchor.start]
        holders += [c for c in view.segments if c.label == "product" and c.end <= anchor.start
                    and not VOLUME_WHOLE_BEFORE.search(view.between(view.start, c.start))
                    and not IN_TOTAL_BEFORE.search(view.between(max(view.start, c.start - 24),
                                                                c.start))]
        holder = max(holders, key=lambda c: c.start, default=None)
        if holder is None or holder.label == "company":
            return "market_share", self.subject_for(anchor.start, "market_share")
        companies = [s for s in view.subjects if s.label == "company" and s.end <= anchor.start]
        main = companies[-1] if companies else self.ctx.main_subject  # "Lenovo ... the company"
        if main is not None and main.label == "company" and (OWN_WHOLE.match(
                view.between(anchor.end, view.clause(anchor.start)[1])) or self.ctx.company_article
                and IN_TOTAL_BEFORE.search(view.between(view.clause(anchor.start)[0],
                                                        anchor.start))):
            # ("The proportion of new energy vehicles in total sales rose to 33.5%" in Geely's
            # article: Geely's own mix)
            # "AI PCs accounted for 8% of the group's PC shipments": the company's own mix
            return "adoption_rate", Subject(name=main.row, text=main.text, type="company")
        market = attr.market_subject(view, holder.end, self.ctx.market_region)
        if market is None:
            return "adoption_rate", self.subject_for(anchor.start, "adoption_rate")
        return "adoption_rate", Subject(name=market[0], text=market[1], type="market")

    def subject_for(self, start: int, metric: str | None) -> Subject | None:
        """The subject of a figure at `start`."""
        templated = attr.templated_subject(self.ctx.lex, metric, self.view)
        if templated is not None:
            return Subject(name=templated[0], text=templated[1], type="other")
        named = [s for s in self.view.subjects if s.label in attr.SUBJECT_TYPES]
        main = self.ctx.main_subject
        ref = self.company_ref_before(start)
        previous = self.ctx.previous_company
        if ref is not None and main is not None and main.label == "company" and not any(
                ref <= s.start < start or s.label == "product" for s in named) \
                and metric != "market_size" \
                and (previous is None or previous.row == main.row):
            # 公司四季度销量有望环比提升20%, "the company plans to ...": the article's company,
            # whatever market the sentence names
            said = COMPANY_REF_BEFORE.match(self.view.text, ref - self.view.start)
            return Subject(name=main.row, text=said.group() if said else main.text,
                           type="company")
        semi = self.view.semiclause(start)
        if NATIONWIDE.search(self.view.between(semi[0], start)) and not any(
                semi[0] <= s.start < start and s.label == "company" for s in named):
            market = attr.market_subject(self.view, start, "China")
            if market is not None:  # 三季度末全国生猪存栏43477万头 in a pig farmer's report: the
                # country's herd, not the company's
                return Subject(name=market[0], text=market[1], type="market")
        focus = self.ctx.focus
        if ref is not None and (main is None or main.label != "company") and focus is not None \
                and focus[0] == self.view.paragraph and focus[1].type == "company" and not any(
                ref <= s.start < start for s in named):
            # "亿航智能发布二季报。二季度公司实现营收1.28亿元" in a round-up: the company the
            # paragraph is about
            said = COMPANY_REF_BEFORE.match(self.view.text, ref - self.view.start)
            return Subject(name=focus[1].name, text=said.group() if said else focus[1].text,
                           type="company")
        products = [c for c in self.view.segments if c.label == "product"]
        literal = attr.literal_market(self.view, start) if metric != "market_share" else None
        if literal is not None:  # "China's AI public cloud services market reached ..."
            return Subject(name=literal[0], text=literal[1], type="market")
        if self.ctx.last_market is not None and THIS_MARKET.search(
                self.view.between(self.view.start, start)):
            return self.ctx.last_market  # "IDC expects this market to grow to ..."
        product = self.ctx.last_product
        if product is not None and metric in PRODUCT_METRICS and not any(
                s.label == "product" for s in named) and PRODUCT_REF.search(
                self.view.between(self.view.start, start)):
            # "According to Game Science, the game had sold more than 10 million copies"
            return Subject(name=product.row, text=product.text, type="product")
        last = self.ctx.last_subject
        main = self.ctx.main_subject
        if last is not None and self.ctx.last_subject_paragraph != self.view.paragraph and \
                main is not None and main.label == "company":
            last = main  # "its" in a new paragraph of a company's article: the company's
        if not named and last is not None and last.label == "company" and OWNER_REF.search(
                self.view.between(self.view.start, start)):
            # "Applied Materials reported ... . China contributed 32% of its revenue",
            # "It aims to sell more than 1.5 million vehicles overseas"
            main = self.ctx.main_subject
            if main is not None and len(self.ctx.previous_companies) > 1 and \
                    main.row in self.ctx.previous_companies:
                # "StepFun was founded by a former Microsoft executive. The company has ...":
                # of the companies named, the article's own
                ref = OWNER_REF.search(self.view.between(self.view.start, start))
                return Subject(name=main.row, text=ref.group() if ref else main.text,
                               type="company")
            return Subject(name=self.ctx.lex.parent_of(last.row, self.main_name) or last.row,
                           text=last.text, type="company")
        region_moved = attr.nearest_before(attr.regions_in(self.view), start,
                                           self.view.clause(start)[0])
        market_metric = metric in attr.MARKET_METRICS or metric == "market_size" or (
            metric == "other" and region_moved is not None and REGION_MOVED.match(
                self.view.text, region_moved.end - self.view.start)
            and self.ctx.volume_metric is not None
            and self.ctx.volume_metric[0] == self.view.paragraph)
        # ("Among the regions, Africa grew 16% year-on-year" in a paragraph of shipments)
        if market_metric and not named and not products and self.ctx.last_market:
            last = self.ctx.last_market  # "环比来看，三季度出货量增长6%左右": the same market
            region = attr.regional_market(self.view, start) or attr.nearest_before(
                attr.regions_in(self.view), start,
                self.view.semiclause(start)[0])  # "Billings in Taiwan fell 4% to ..."
            old_region = self.ctx.market_region
            if region is None or old_region is None or not last.name.startswith(old_region):
                return last
            # "shipments in the Latin American market": the same product, another region
            return Subject(name=region.row + last.name[len(old_region):],
                           text=self.view.between(region.start, region.end), type="market")
        ctx = self.ctx
        # "the group's cash" in a company's article is that company's, whatever the previous
        # sentence was about (an investee such as "Amer Sports")
        referred = ctx.main_subject is not None and self.refers_to_company
        picked = attr.pick_subject(self.view, start, metric,
                                   ctx.main_subject if referred else
                                   ctx.previous_company or ctx.main_subject,
                                   self.ctx.lex,
                                   self.ctx.market_region, self.ctx.company_article)
        if picked is None:  # a round-up's figure with no subject: the market its paragraph
            # is on ("The daily average was 2.35 million passenger trips"), else the article's
            focus = self.ctx.focus
            return focus[1] if focus is not None and focus[0] == self.view.paragraph \
                else self.ctx.topic_market
        name, text, kind = picked
        parent = self.ctx.lex.parent_of(name, self.main_name) if kind == "company" else None
        if parent is not None:
            return Subject(name=parent, text=text, type="company")
        if kind == "product":
            product = next((s for s in self.view.subjects if s.text == text and s.row == name),
                           None)
            name = attr.owned_product(self.view, product) if product is not None else name
        if self.ctx.main_subject is not None and name == self.ctx.main_subject.row:
            ref = COMPANY_REF.search(self.view.text)
            if text == self.ctx.main_subject.text and ref and name not in self.view.text:
                text = ref.group()
        return Subject(name=name, text=text, type=kind)

    def segment_for(self, start: int, metric_cue: Cue | None) -> str | None:
        """The business line named with the metric ("smartphone revenue", "revenue of X")."""
        segs = [c for c in self.view.segments if c.label in ("segment", "product")]
        clause = self.view.clause(start)
        if metric_cue is not None:
            for seg in segs:
                gap = self.view.between(seg.end, metric_cue.start) if seg.end <= metric_cue.start \
                    else None
                if gap is not None and len(gap) <= 3:
                    return seg.row
                if seg.start >= metric_cue.end and re.fullmatch(
                        r"\s*(?:of|from)\s+(?:the\s+)?", self.view.between(metric_cue.end,
                                                                           seg.start)):
                    return seg.row
        seg = attr.nearest_before(segs, start, clause[0])
        if seg is not None and (metric_cue is None or seg.start > metric_cue.end):
            return seg.row
        return None

    def statement_metric(self, lo: int, hi: int, cue: Cue) -> Cue | None:
        """The measure a numberless statement is about: a metric word in the cue's clause.

        "Lau expects online advertising revenue to maintain growth", 公司仍将保持对大模型的投入.
        """
        semi = self.view.semiclause(cue.start)
        lex = self.ctx.lex
        near = [m for m in self.view.metrics if max(lo, semi[0]) <= m.start
                and m.end <= min(hi, semi[1]) and not lex.metric_rows[m.row].modifier
                and (cue.label == "claim" or getattr(lex.metric_def(m.label), "group", "")
                     != "claims")]
        def distance(m: Cue) -> int:
            return m.start - cue.end if m.start >= cue.end else cue.start - m.end

        near = [m for m in near if distance(m) <= STATEMENT_METRIC_REACH]
        return min(near, key=distance) if near else None

    def statement_clauses(self) -> list[tuple[int, int]]:
        """Where one statement ends and the next may begin: semicolons, and ", and ... will".

        "We will continue to invest in AI infrastructure, and we will launch more applications"
        states two plans; a joined clause counts only when a cue of its own follows closely.
        """
        view = self.view
        cuts = {b + 1 for b in view.semiclause_breaks}
        cues = [c for c in view.modality if c.label in (*attr.STRONG_MODALITIES, "future")]
        speakers = [c for c in view.modality if c.label == "speaker_after"]
        for m in ZH_CUE_CLAUSE.finditer(view.text) if view.lang == "zh" else ():
            joint = view.start + m.start()
            before = [c for c in cues if c.label in ("plan", "target", "future", "forecast")
                      and c.end <= joint and c.start >= max(
                [view.start, *(cut for cut in cuts if cut <= joint)])
                      and not (c.label == "forecast" and view.text.startswith(
                          ("，", ",", "：", ":"), c.end - view.start))]
            # (他预计，随着…，公司收入有望…: the speaker's frame, one statement)
            if before and not SPEAKER_END.search(view.between(view.start, joint)):
                cuts.add(joint + 1)
        for m in JOINED_CLAUSE.finditer(view.text):
            joint = view.start + m.end()
            spoken = any(0 <= c.start - joint <= JOINED_CUE_REACH for c in speakers) and any(
                c.start > joint and c.label in attr.STRONG_MODALITIES for c in cues)
            if spoken or any(0 <= c.start - joint <= JOINED_CUE_REACH for c in cues) or \
                    view.text.startswith("that ", m.end()):
                # ", and the company claimed that its PC version runs more smoothly than ...";
                # "claimed that X ..., and that it won 7 of 10": a second thing said
                cuts.add(view.start + m.start() + 1)
        edges = [view.start, *sorted(cuts), view.end]
        return list(zip(edges, edges[1:], strict=False))

    def statements(self, taken: list[Fact] | None = None) -> list[Fact]:
        """Forward-looking facts without a number: one per statement clause with a cue.

        In a sentence with numeric facts (`taken`), only clauses holding none of them count.
        """
        anchors = [self.anchor_of(f) for f in taken or []]
        claims = [f for f in taken or [] if f.modality == "claim" and f.subject is not None]
        rivals = {f.object.name for f in claims if f.object is not None}
        found = []
        for lo, hi in self.statement_clauses():
            if taken and (any(a is None or lo <= a < hi for a in anchors)):
                continue
            fact = self.statement(lo, hi)
            if fact is not None and fact.modality == "claim" and claims and (
                    fact.subject is None or fact.subject.name in rivals):
                # "abab 7 surpassed GPT-4 in 6 of them, and its overall performance is on par
                # with Claude 3 Opus": the second claim is the first one's subject's too
                fact = fact.model_copy(update={"subject": claims[-1].subject})
            found.append(fact)
        return [f for f in found if f is not None]

    def anchor_of(self, fact: Fact) -> int | None:
        """Where a numeric fact's figure stands (a change-only fact: where its change is)."""
        if fact.value is not None:
            return fact.value.start
        if fact.change is None or fact.metric == "benchmark_wins":
            return None
        found = self.view.text.find(fact.change.text)
        return self.view.start + found if found >= 0 else None

    def rival_cues(self, lo: int, hi: int, cues: list[Cue]) -> list[Cue]:
        """A comparison word right before a named rival: a claim.

        ("星火V4.0均已超过GPT-4 Turbo", 王文杰称…出货量已连续多年超过大立光). Alone these words are
        quantity qualifiers (超过100亿元), so they are no cue in the lexicon. In English a
        comparative said by someone: "The company claimed that its service covers more counties
        than SF Express" (unsaid, it is the author's ranking).
        """
        view = self.view
        if any(c.label == "claim" for c in cues):
            return []
        if view.lang == "zh":
            before, width = ZH_RIVAL_BEFORE, 8
        elif self.speaker is not None or any(c.label == "speaker_after" for c in view.modality):
            before, width = EN_COMPARATIVE_BEFORE, 60
        else:
            return []
        found = []
        for s in view.subjects:
            if s.label not in attr.SUBJECT_TYPES or not lo <= s.start < hi:
                continue
            m = before.search(view.between(max(lo, s.start - width), s.start))
            if m is not None:
                start = s.start - (len(m.group()))
                found.append(Cue(start, start + len(m.group("word")), m.group("word"), "claim",
                                 "claim.benchmark"))
        return found

    def statement(self, lo: int, hi: int) -> Fact | None:
        """One forward-looking fact for the clause [lo, hi) of a numberless sentence."""
        view, ctx = self.view, self.ctx
        cues = [c for c in view.modality if lo <= c.start and c.end <= hi]
        cues += self.rival_cues(lo, hi, cues)
        if not cues:
            return None  # no strong cue and no "will"
        strong = [c for c in attr.live_cues(cues)
                  if (c.row not in attr.WEAK_CUES or self.speaker is not None)
                  and (c.label != "claim" or attr.claim_object(view, c) is not None
                       and not AUTHOR_INFERENCE.match(view.text))]
        # (a comparison word with no rival named compares nothing: the clause's "will" speaks;
        # "This means that BYD's revenue has surpassed Tesla's" is the author's ranking)
        futures = [c for c in cues if c.label == "future"]
        named = [s for s in view.subjects if s.label in attr.SUBJECT_TYPES]
        titled = None
        if not strong:
            subject_then_will = [f for f in futures for s in named
                                 if 0 <= f.start - s.end <= 12] + [
                f for f in futures if COMPANY_THEN_WILL.search(
                    view.between(max(view.start, f.start - 80), f.start))]
            # (公司将继续推进, "the company will continue": the company's own plan, whoever says it)
            titled = next((t for f in futures if (t := quoted_title_before(view, f.start))),
                          None)
            if titled is not None and not subject_then_will:  # 《X》 / "Delta Force" will ...
                subject_then_will = [f for f in futures if 0 <= f.start - titled.end <= 12]
            spoken = [f for f in futures if self.speaker is not None and (
                f.start > self.speaker.end or QUOTE_OPEN.search(view.between(view.start, f.start)))]
            if subject_then_will:
                cue = Cue(subject_then_will[0].start, subject_then_will[0].end,
                          subject_then_will[0].text, "plan", "future.will")
            elif spoken:  # "X said that ... will ...": the speaker's expectation
                cue = Cue(spoken[0].start, spoken[0].end, spoken[0].text, "forecast",
                          "future.speaker")
            else:
                return None
        else:  # a claim needs a rival; without one the next cue speaks ("scheduled to")
            ranked = sorted(strong, key=lambda c: (attr.STRONG_MODALITIES.index(c.label), c.start))
            cue = next((c for c in ranked if c.label != "claim"
                        or attr.claim_object(view, c) is not None), ranked[0])
            titled = quoted_title_before(view, cue.start) if cue.label == "plan" else None
            named = named or ([titled] if titled else [])
        named_before_cue = NAME_BEFORE.search(view.between(max(view.start, cue.start - 30),
                                                           cue.start))
        someone_speaks = any(c.label in ("speaker_after", "speaker_before")
                             for c in view.modality)  # 他透露，…将于三季度推送
        insiders_on_market = ctx.last_market is not None and cue.label == "forecast" and \
            self.outsider_before(cue.start)  # "Industry insiders expect exports to slow down"
        market_named = cue.label == "forecast" and any(
            c.label == "product" and lo <= c.start < hi for c in view.segments)
        if not named and self.speaker is None and not COMPANY_REF.search(view.text) \
                and not named_before_cue and not (someone_speaks and (
                    cue.label == "plan" or market_named)) \
                and not insiders_on_market:
            return None  # "Lau expects ...", "CAAM predicts ..." name their speaker
        if cue.label == "forecast" and BARE_OUTLOOK.fullmatch(cue.text) and not any(
                c.label == "future" for c in cues) and not THAT_AFTER.match(
                view.between(cue.end, hi)):
            return None  # "TSMC also raised its full-year outlook.", "Global forecasts are just
            # as bullish.": a forecast named, nothing forecast
        if cue.label in ("plan", "target") and (self.outsider_before(cue.start) or (
                cue.label == "target" and CONFIDENT_OF_TARGET.search(view.between(lo, hi)))):
            # (对完成全年目标充满信心, "confident of meeting the full-year target": a
            # forecast that the target will be met, not the target itself)
            cue = Cue(cue.start, cue.end, cue.text, "forecast", cue.row)
        elif cue.label == "forecast" and OWN_ACTION_AFTER.match(view.between(cue.end, hi)) \
                and not self.outsider_before(cue.start) and COMPANY_SAYS.search(view.text):
            cue = Cue(cue.start, cue.end, cue.text, "plan", cue.row)  # 公司表示，工厂预计2025年
            # 投产, "the base, which is expected to be completed by 2026": its own schedule
        obj = attr.claim_object(view, cue) if cue.label == "claim" else None
        if cue.label == "claim" and obj is None:
            return None
        ahead = [t for t in attr.times_not_announcing(view, cue.start) if cue.start <= t.start < hi]
        # "profitable for the full year on a GAAP basis in 2025": the written year, not the
        # running year a bare "full year" reads as
        horizon_mention = next((t for t in ahead if t.kind != "since"), None) or next(
            iter(ahead), None)
        if horizon_mention is not None:  # "will be launched on September 26": the coming one
            horizon_mention = upcoming(horizon_mention, ctx.published)
        due = horizon_mention
        if due is None and cue.row in WILL_ROWS:  # "In late June, Baidu will release ..."
            due = attr.nearest_before([t for t in view.times if t.label], cue.start,
                                      max(lo, view.semiclause(cue.start)[0]))
        if self.over(due) and cue.label in ("plan", "target"):
            return None  # "In late June, Baidu will release ...": narrative, not a plan
        if horizon_mention is None:  # a time before the cue, unless it is already over
            earlier = next(iter(view.times), None)
            if earlier is not None and not self.over(earlier):
                horizon_mention = earlier
        subject = self.subject_for(cue.start, None)
        ref = self.company_ref_before(cue.start)
        between = [s for s in named if ref is not None and ref <= s.start < cue.start]
        if ref is not None and not any(s.label == "company" or cue.label == "claim"
                                       for s in between):
            # (a claim is the product's: "the company claimed that Shensuan-3 is comparable")
            # "the company will continue to invest in Instashopping and Keeta": the company
            # named before it ("Baidu's CEO said that the company ..."), else the article's
            owner = attr.nearest_before([s for s in named if s.label == "company"], ref,
                                        view.start) or ctx.main_subject
            if owner is not None and owner.label == "company":
                subject = Subject(name=owner.row, text=owner.text, type="company")
        if subject is None and insiders_on_market:
            subject = ctx.last_market
        if titled is not None and cue.label == "plan":
            subject = Subject(name=titled.row, text=titled.text, type="product")
        if cue.label == "claim" and not any(s.end <= cue.start for s in named):
            last = ctx.last_subject
            if last is None or not PRONOUN.search(view.between(view.start, cue.start)) or (
                    obj is not None and last.row == obj.row):
                return None
            subject = Subject(name=last.row, text=last.text, type=last.label)
        if obj is not None and subject is not None and subject.name == obj.row:
            subject = None
        speaker = self.speaker_party()
        if subject is None and speaker is not None and speaker.type in ("company",
                                                                        "organization"):
            # "the ministry will introduce ...", said its spokesperson: the speaker's own plan
            subject = Subject(name=speaker.name, text=speaker.name, type=speaker.type)
            if cue.row == "future.speaker":
                cue = replace(cue, label="plan")
        metric_cue = self.statement_metric(lo, hi, cue)
        if cue.label == "claim" and metric_cue is not None and \
                metric_cue.label != "benchmark_score":
            metric_cue = None  # a comparison without a number names no measure of its own
        rule = f"statement.{cue.label}.{cue.row}"
        horizon = TimeRef(label=month_due(horizon_mention.label, horizon_mention.text),
                          text=horizon_mention.text) if horizon_mention else None
        return Fact(
            id=fact_id(ctx.doc_id, view.start, view.end, lo, rule), doc_id=ctx.doc_id,
            kind="forward_looking", modality=cue.label, subject=subject,
            horizon=None if cue.label == "claim" else horizon,
            metric=metric_cue.label if metric_cue else None,
            metric_text=metric_cue.text if metric_cue else None,
            speaker=speaker,
            object=Party(name=obj.row, type=obj.label) if obj else None,
            evidence=Evidence(text=view.text, start=view.start, end=view.end), rule=rule,
        )


def upcoming(mention: TimeMention, published: date | None) -> TimeMention:
    """A yearless date named after a future cue is the next one, not the last one."""
    end = attr.period_end(mention.label)
    if published is None or end is None or end >= published or "/" in (mention.label or "") \
            or WRITTEN_YEAR.search(mention.text):
        return mention
    return replace(mention, label=shift_year(mention.label, 1))


def quoted_titles(view: SentenceView) -> list[Cue]:
    """Quoted titles of the sentence ('"Black Myth: Wukong"', 《黑神话：悟空》): products."""
    return [Cue(view.start + m.start("title"), view.start + m.end("title"), m.group("title"),
                "product", m.group("title")) for m in QUOTED_TITLE.finditer(view.text)]


def quoted_title_before(view: SentenceView, pos: int) -> Cue | None:
    """A quoted title right before `pos` ('shooter "Delta Force" will', 《黑神话》将): a product."""
    base = max(view.start, pos - 60)
    m = QUOTED_TITLE_BEFORE.search(view.between(base, pos))
    if m is None:
        return None
    start = base + m.start("title")
    return Cue(start, start + len(m.group("title")), m.group("title"), "product",
               m.group("title"))


def benchmark_wins(view: SentenceView, q: Quantity, doc_text: str) -> bool:
    """"8 of the 12 test sets", "12项测试中8项": a small count of wins in a claim sentence."""
    if q.unit not in (None, "count") or q.amount > 1000 or is_scaled(q):
        return False
    if not (q.text[-1:].isdigit() or q.text.endswith("项")):
        return False
    after = doc_text[q.end:q.end + 9]  # " out of " needs the whole phrase
    if q.text.endswith("项") and WINS_VERB_AFTER.match(after):
        return True  # "有7项超过GPT-4 Turbo": 超过 is "more than" elsewhere, a win here
    if not any(c.label == "claim" for c in view.modality):
        return False
    if WINS_AFTER.match(after) or doc_text[q.start - 1:q.start] == "中":
        return True
    return q.text.endswith("项") and any(  # "有8项成绩超越"
        c.label == "claim" and 0 <= c.start - q.end <= 6 for c in view.modality)


def rival_against(view: SentenceView, named: list[Cue], q: Quantity) -> Cue | None:
    """The rival right after "against"/"over" following a count of wins, named or not."""
    m = AGAINST_AFTER.search(view.text, q.end - view.start, view.semiclause(q.start)[1]
                             - view.start)
    if m is None:
        return None
    start = view.start + m.end()
    known = next((s for s in named if s.start == start), None)
    if known is not None:
        return known
    name = attr.RIVAL_AFTER.match(view.text, m.end())
    if name is None:
        return None
    return Cue(view.start + name.start("name"), view.start + name.end("name"), name.group("name"),
               "product", name.group("name"))


def wins_fact(ctx: DocContext, view: SentenceView, q: Quantity,
              speaker: Party | None) -> Fact | None:
    """A benchmark-wins claim with its object."""
    claim = next((c for c in view.modality if c.label == "claim"), None)
    named = [s for s in view.subjects if s.label in attr.SUBJECT_TYPES]
    # "won 7 of 10 evaluation dimensions against Runway Gen-3": the rival after the count;
    # without a claim cue the win verb follows the count ("有7项超过GPT-4 Turbo")
    target = rival_against(view, named, q) or \
        attr.first_after(named, claim.end if claim else q.end, view.end)
    subjects = [s for s in view.subjects if s.label in attr.SUBJECT_TYPES
                and (target is None or s.start != target.start)]
    # the one that wins is named before the win verb ("abab 7 surpassed GPT-4 in 6 of them")
    subject = (attr.nearest_before(subjects, claim.start, view.start) if claim else None) or \
        attr.nearest_before(subjects, q.start, view.start) or ctx.main_subject
    rule = "count.benchmark_wins"
    return Fact(
        id=fact_id(ctx.doc_id, view.start, q.start, q.end, rule), doc_id=ctx.doc_id,
        kind="forward_looking", modality="claim",
        subject=Subject(name=subject.row, text=subject.text, type=subject.label)
        if subject else None,
        metric="benchmark_wins", metric_text=None,
        value=Value(amount=q.amount, unit="count", text=q.text, start=q.start, end=q.end,
                    qualifier=q.qualifier, counted="test set"),
        speaker=speaker, object=Party(name=target.row, type=target.label) if target else None,
        evidence=Evidence(text=view.text, start=view.start, end=view.end), rule=rule,
    )


def month_due(label: str | None, text: str) -> str | None:
    """A due time at a month's end is that month ("before the end of March 2025", 2025年3月底).

    As a year end is due that year (CONVENTIONS.md); the last day stays for stocks counted on it.
    """
    if label and DAY_LABEL.fullmatch(label) and MONTH_END_WORD.search(text):
        return label[:7]
    return label


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


def earlier(label: str | None, than: str | None) -> bool:
    """Whether period `label` ended before period `than` began."""
    a, b = label_bounds(label), label_bounds(than)
    return a is not None and b is not None and a[1] < b[0]


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


HEADLINE_MENTIONS = 3  # a headline's opening company named this often is the article's


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
        actors = [s for s in named if not attr.ends_with(
            attr.AGENT_BEFORE, view.between(view.start, s.start), attr.AGENT_WIDTH)]
        if actors:  # ("..., with existing shareholders including Tencent participating.
            # The deal brings its total raised to ...": not Tencent's)
            ctx.last_subject = actors[-1]
            ctx.last_subject_paragraph = view.paragraph
        products = [s for s in named if s.label == "product"] + quoted_titles(view)
        if products:
            ctx.last_product = max(products, key=lambda c: c.start)
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
