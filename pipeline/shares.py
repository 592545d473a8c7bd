"""What a percentage is a share of: market, revenue, units, adopters or staff.

Mixed into the sentence assembler; refines the metric a share was first given.
"""

from __future__ import annotations

import re

from pipeline import attribution as attr
from pipeline.components.base import Cue
from pipeline.drafts import (
    LIST_AND,
    Draft,
)
from pipeline.models import Subject, Value
from pipeline.quantities import Quantity

MARKET_REVENUE = ("revenue", "sales")
MARKET_SPENDING = ("other", "investment")  # "cloud services spending rose to US$9.1 billion"
STAFF_WHOLE_AFTER = re.compile(
    r"\s+of\s+(?:its|the company's|the group's|total|all)\s+(?:total\s+)?(?:workforce|employees|"
    r"staff|headcount)\b", re.I)
UNITS_WHOLE_AFTER = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|all\s+|total\s+){0,2}(?:[\w-]+\s+){0,2}?(?:room nights|"
    r"nights|orders|visits|trips|bookings|rides|members|customers|users|hours|minutes)\b", re.I)
TRADE_WORD = re.compile(r"import|export|进口|出口", re.I)
TRADE_TOTAL = re.compile(r"imports?\s+and\s+exports?|exports?\s+and\s+imports?|进出口", re.I)
SHARE_OF_MARKET = re.compile(r"\bshare of (?:the )?(?:[\w-]+ ){0,5}market\b", re.I)
MARKET_WHOLE_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:box office|total (?:foreign trade|retail sales|"
    r"sales|installations|shipments)|foreign trade|retail sales)\b", re.I)
MARKET_WORD_AFTER = re.compile(r"\bmarket\b|市场|\bof (?:the )?(?:global|worldwide)\b|\bindustry\b|"
                               r"全球|行业", re.I)
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
HEADCOUNT_METRICS = {"employees", "users", "downloads", "headcount_change"}  # never money
# money per unit: 单票收入 (the unit written before the metric), "revenue per vehicle" (after)
PER_UNIT_BEFORE = re.compile(r"单票|单车|单件|每单|每票|每件|单台|单吨|人均|每人|\bper[ -]capita\b",
                             re.I)
PER_UNIT_AFTER = re.compile(r"^\s*(?:per|each) (?:parcel|vehicle|unit|order|car|tonne|ton|IPO|"
                            r"deal|listing|store|capita|person|head|trip|visitor|traveller|"
                            r"traveler|passenger|household)\b", re.I)
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
OWN_WHOLE = re.compile(r"^\s*of\s+(?:the\s+(?:group|company|firm)['’]s|its|their)\b", re.I)
ADOPTERS_AFTER = re.compile(r"^\s*of\s+(?:[\w-]+\s+){0,3}?(?:enterprises|companies|businesses|"
                            r"organizations|organisations|firms|households|consumers|hospitals|"
                            r"schools|banks)\b", re.I)
VOLUME_BEFORE_SHARE = re.compile(r"(?:销量|出货量|订单|交付量|装机量|人员|员工|人数|客户数)$")
VOLUME_SHARE_AFTER = re.compile(r"^\s*(?:的)?(?:比重|占比|份额)")  # 业务量比重, 销量占比
UNIT_VOLUME_METRICS = {"shipments", "sales_volume"}  # what a paragraph's "units" count
PER_USER = re.compile(r"\bper (?:\w+ ){0,3}(?:user|customer|buyer|member)\b|"
                      r"\b(?:users|customers|buyers)['’]\s+\w+|人均|户均", re.I)
PROPORTION = re.compile(
    r"(?:the |this |that )?(?:proportion|share|ratio)|这一比例|该比例|比例|占比", re.I)


class ShareMixin:
    """Methods of the sentence assembler (see `pipeline.assemble`)."""

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
                                                           "funding", "investment") and \
                (PER_UNIT_BEFORE.search(view.between(max(view.start, choice.cue.start - 12),
                                                     choice.cue.end))
                 or PER_UNIT_AFTER.match(view.between(choice.cue.end, view.end))
                 or PER_UNIT_BEFORE.search(view.between(view.clause(anchor.start)[0],
                                                        anchor.start))):
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
            metric = "market_share" if subject is not None and subject.type == "market" \
                else "other"  # 储能电池销量占比约两成, 海外订单占比: a share of units, not revenue
            # (a region's 快递业务量比重 is its part of the market's volume)
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
        if metric == "other" and value is not None and value.unit == "%" and subject is not None \
                and subject.type == "market" and choice.metric in UNIT_VOLUME_METRICS | {"usage"} \
                and choice.cue is not None and VOLUME_SHARE_AFTER.match(
                    view.between(choice.cue.end, anchor.start)):
            metric = "market_share"  # 东部地区快递业务量比重为74.8%: a part of the market's volume
        if metric == "market_size" and subject is not None and subject.type == "company":
            metric = "other"  # 承销规模, 托管客户资产规模: a company's volume is no market's size
        if metric == "revenue_share" and subject is not None and subject.type == "market":
            metric = "market_share"  # a market has no revenue of its own to take a share of:
            # "mobile games accounted for 72% of the total" is a category's part of the market
        return metric, subject

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


