"""Whose figure it is: the company, product or market a sentence's figure belongs to.

Mixed into the sentence assembler; remembers the paragraph's market and company.
"""

from __future__ import annotations

import re

from pipeline import attribution as attr
from pipeline.components.base import Cue
from pipeline.models import Subject

AUDIENCE_BEFORE = re.compile(r"(?:\b(?:told|telling|tells|to|with|for)\s+(?:the\s+)?|向|对)$",
                             re.I)
THIS_MARKET = re.compile(r"\b(?:this|that|the same) market\b|该市场|这一市场|这个市场", re.I)
PRODUCT_REF = re.compile(r"\b(?:the|this) (?:new )?(?:game|title|car|vehicle|model|phone|"
                         r"smartphone|chip|app|device|film|movie|drug|robot)\b"
                         r"|该(?:游戏|车型|车|机型|芯片|产品|影片)", re.I)
PRODUCT_METRICS = {"price", "sales", "sales_volume", "shipments", "users", "downloads", "usage"}
OWNER_REF = re.compile(r"\b(?:its|their)\b|^\s*(?:It|The company)\b|其", re.I)
NATIONWIDE = re.compile(r"全国|\bnationwide\b|\bnational\b(?! (?:team|champion))", re.I)
REGION_MOVED = re.compile(r"\s+(?:grew|rose|fell|declined|increased|decreased|dropped|jumped|"
                          r"slipped|expanded|shrank|was (?:up|down))\b", re.I)  # "Africa grew 16%"
COMPANY_REF_BEFORE = re.compile(r"\b(?:the company|the group)\b|该公司|(?<![子母])公司", re.I)
COMPANY_REF = re.compile(r"\b(?:the company|the group|the firm|we)\b|该公司|公司|我们", re.I)


class SubjectMixin:
    """Methods of the sentence assembler (see `pipeline.assemble`)."""

    @property
    def main_name(self) -> str | None:
        """The canonical name of the article's main company."""
        return self.ctx.main_subject.row if self.ctx.main_subject is not None else None

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


