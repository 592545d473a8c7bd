"""Forward-looking statements without a figure, and benchmark claims.

A sentence with a strong cue (a plan, a forecast, a claim against a rival) and no number of
its own gives one fact for the statement; "won 8 of 12 benchmarks" gives a wins fact.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline import attribution as attr
from pipeline.article_context import DocContext
from pipeline.components.base import Cue
from pipeline.drafts import (
    is_scaled,
)
from pipeline.fact_ids import fact_id
from pipeline.models import Evidence, Fact, Party, Subject, TimeRef, Value
from pipeline.quantities import Quantity
from pipeline.sentence_view import SentenceView
from pipeline.subject_choice import COMPANY_REF
from pipeline.timing import month_due, upcoming

AUTHOR_INFERENCE = re.compile(r"\s*(?:this|that|it) (?:also )?means\b|这(?:也)?意味着|这表明", re.I)
WINS_AFTER = re.compile(r"^\s*(?:of\b|out of\b|项)")
WINS_VERB_AFTER = re.compile(r"^(?:成绩|得分)?(?:超过|超越|领先|优于|胜过)")
PRONOUN = re.compile(r"\b(?:it|its|the model|this model|the company)\b|该模型|其|它", re.I)
WILL_ROWS = ("future.will", "forecast.will", "plan.will")  # "will" phrases: may be narrative
# a year the text names: "2024", "last year", 去年 (a yearless "September 26" is resolved)
QUOTE_OPEN = re.compile(r"[\"“「『]")  # a statement quoted, its speaker named after the quote
# a figure of the company just named: "its revenue", "It aims to", 其
# "the game", "the car", "this model": the product named last
ZH_RIVAL_BEFORE = re.compile(r"(?P<word>(?:明显|均已|已经|已|均|连续多年)?"
                             r"(?:超过|超越|高于|优于|领先于))$")
EN_COMPARATIVE_BEFORE = re.compile(
    r"\b(?P<word>more|fewer|higher|lower|better|faster|cheaper|longer|shorter|larger|bigger|"
    r"stronger|greater)\b(?:\s+[\w-]+){0,4}?\s+than\s+(?:that of\s+|those of\s+|the\s+)?$", re.I)
STATEMENT_METRIC_REACH = 40  # characters between a statement's cue and the measure it is about
# the name of a period right before its span in brackets: "the summer transport period (",
# 暑运期间（
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
COMPANY_THEN_WILL = re.compile(r"(?:\b(?:the company|the group|we)\s+|"
                               r"\b(?:said|says|announced|stated)\s+(?:that\s+)?its\s+(?:[\w,-]+\s+){1,7}|"
                               r"\b(?:said|says|announced|stated)\s+(?:that\s+)?it\s+|"
                               r"\bthe (?:company|group)'s\s+(?:[\w,-]+\s+){1,7}|"
                               r"(?:该公司|公司|我们)(?:(?:还|也)?(?:表示|称|透露|介绍|指出|强调)[，,：:]?)?"
                               r"(?:今年|明年|下半年|上半年|年内|后续|近期|未来|"
                               r"第?[一二三四]季度|还|也|仍){0,2})$", re.I)
# (公司表示，下半年将继续推进: the company says what it will do)


class StatementMixin:
    """Methods of the sentence assembler (see `pipeline.assemble`)."""

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
                aside = self.claim_beside_figures(lo, hi, anchors, taken)
                if aside is None:
                    continue
                lo = aside  # "X, priced at 1 yuan per million tokens, matched GPT-4o on ..."
            fact = self.statement(lo, hi)
            if fact is not None and fact.modality == "claim" and claims and (
                    fact.subject is None or fact.subject.name in rivals):
                # "abab 7 surpassed GPT-4 in 6 of them, and its overall performance is on par
                # with Claude 3 Opus": the second claim is the first one's subject's too
                fact = fact.model_copy(update={"subject": claims[-1].subject})
            found.append(fact)
        return [f for f in found if f is not None]

    def claim_beside_figures(self, lo: int, hi: int, anchors: list[int | None],
                             taken: list[Fact]) -> int | None:
        """Start of a claim's own comma clause in a statement clause that also holds figures.

        Only when every figure is a plain reported one and the claim names its rival: the
        price in "X, priced at 1 yuan, matched GPT-4o on coding benchmarks" is a fact of its
        own, the parity with GPT-4o a claim of its own.
        """
        if any(f.modality != "reported" for f in taken):
            return None
        view = self.view
        for cue in view.modality:
            if cue.label != "claim" or not lo <= cue.start < hi or \
                    attr.claim_object(view, cue) is None:
                continue
            clause = view.clause(cue.start)
            if not any(a is not None and clause[0] <= a < clause[1] for a in anchors):
                return max(lo, clause[0])
        return None

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
