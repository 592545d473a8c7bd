"""Unknown company and person names, for subjects and speakers the gazetteer does not list.

News keeps naming new companies (MiniMax, iQIYI, 群智咨询) and people; a fact whose subject is
missing falls back to the article's main company, which is wrong for every other company. A
name is taken when the text itself marks it as one: a possessive ("MiniMax's"), a corporate
suffix ("Acme Robotics Inc.", "群智咨询"), mixed case ("iQIYI", "DeepSeek"), or a role next to a
person ("CEO Yan Junjie", "Liz Lee, an analyst at"). Words every language table already knows
(regions, months, metric words, the stop list in `names.jsonl`) are never names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from pipeline.components.base import Cue
from pipeline.lexicon import NameStopRow, load_lexicon, read_rows
from pipeline.regex_hints import FOLDS_TO_ASCII, Hints, may_match, required_literals
from pipeline.trie import first_char_branches, trie_regex

WORD = r"[A-Z][A-Za-z0-9&.\-]*[A-Za-z0-9]|[A-Z]"
NAME = rf"(?:{WORD})(?:\s(?:{WORD}|\d+(?:\.\d+)?))*"
# Every pattern below opens with a character class, so `re` jumps from candidate to candidate in
# C instead of trying the pattern at every position (several times faster). A test that belongs
# before that first character ("\b", a lookbehind) follows it as a lookbehind that spans it:
# "[A-Z](?<!\w[A-Z])" is "\b[A-Z]", and "[A-Z](?:rest)?" is WORD with the same match order.
NAME_LEAD = rf"[A-Z](?<!\w[A-Z])(?:[A-Za-z0-9&.\-]*[A-Za-z0-9])?(?:\s(?:{WORD}|\d+(?:\.\d+)?))*"
# "(?:^|(?<=[.!?]\s)|(?<=\n))" (^ at line starts) in front of an [A-Z]
SENTENCE_LEAD = r"[A-Z](?:(?<![^\n][A-Z])|(?<=[.!?]\s[A-Z])|(?<=\n[A-Z]))"
EN_PATTERNS = (
    re.compile(rf"(?P<name>{NAME_LEAD})(?='s\b|’s\b)"),
    re.compile(rf"(?P<name>{NAME_LEAD})(?=,?\s+(?:Inc|Corp|Corporation|Group|Holdings|Ltd|Co|"
               rf"Technology|Technologies|Motors|Auto|Bank|Capital|Securities|Research)\b)"),
    # \b(?:[A-Z][a-z]+[A-Z][A-Za-z]*|i[A-Z][A-Za-z]+|[A-Z][A-Z]+[a-z]+[A-Za-z]*): mixed case
    re.compile(r"(?P<name>[A-Zi](?<!\w[A-Zi])(?:(?<=[A-Z])[a-z]+[A-Z][A-Za-z]*|(?<=i)[A-Z][A-Za-z]+"
               r"|(?<=[A-Z])[A-Z]+(?!s\b)[a-z]+[A-Za-z]*))(?:[\s-](?:V?\d+(?:\.\d+)?|[A-Z][a-z]+))?\b"),
    # (an acronym's plural is no name: "MPUs", "GPUs")
    # a sentence that opens with a name and a reporting verb: "Acme Robotics posted revenue"
    re.compile(rf"(?P<name>{SENTENCE_LEAD}(?:[A-Za-z0-9&.\-]*[A-Za-z0-9])?"
               rf"(?:\s(?:{WORD}|\d+(?:\.\d+)?))*)\s+(?:posted|reported|recorded|"
               r"achieved|raised|launched|released|delivered|sold|shipped)\b"),
)
ROLES = ("CEO", "CFO", "CTO", "COO", "[Cc]hairman", "[Pp]resident", "[Cc]o-founder", "[Ff]ounder",
         "[Aa]nalyst", "[Dd]irector", "[Ss]ecretary [Gg]eneral", "[Ss]pokesperson", "[Ee]conomist",
         "[Pp]artner", "[Cc]hief [Ee]xecutive", "[Vv]ice [Pp]resident", "[Hh]ead", "[Ss]cientist")
ROLE_EN = f"(?:{'|'.join(ROLES)})"


def _role_lead() -> str:
    r"""`\b` and ROLE_EN, opening with a class; each role checks its first letter behind."""
    def first(role: str) -> str:
        return role[:4] if role.startswith("[") else role[0]

    letters = "".join(sorted({c for role in ROLES for c in first(role).strip("[]")}))
    tails = "|".join(f"(?<={first(role)}){role[len(first(role)):]}" for role in ROLES)
    return rf"[{letters}](?<!\w[{letters}])(?:{tails})"


PERSON_TAIL = r"[a-z]+(?:[ -][A-Z][a-z]+){1,2}"
PERSON = rf"[A-Z]{PERSON_TAIL}"
PEOPLE_PATTERNS = {
    "en": (
        re.compile(rf"{_role_lead()}\s+(?P<name>{PERSON})\b"),
        re.compile(rf"(?P<name>[A-Z](?<!\w[A-Z]){PERSON_TAIL}),\s+(?:the\s+)?(?:\w+\s+){{0,2}}"
                   rf"{ROLE_EN}\b"),
    ),
    "zh": (
        re.compile(r"(?:董事长|总裁|CEO|首席执行官|创始人|分析师|秘书长|总经理|副总裁|负责人|首席[^\s，。]{0,4}官)"
                   r"(?P<name>[\u4e00-\u9fff]{2,3}?)(?=表示|称|认为|指出|透露|介绍|说|预计|预测)"),
    ),
}
# product model names: "Ascend 910B", "Mate 60", "H20", "A100" (a word and a model number, or a
# letter glued to digits); the month and stop-word filters keep "May 24" and "Q3" out
PRODUCT_PATTERNS = (
    # each opens with a character class (re scans for it in C) and checks the boundary behind
    re.compile(r"(?P<name>[A-Z](?<!\w[A-Z])[a-z]+ (?:\d{1,4}|[A-Z]\d{1,3})[A-Za-z]{0,2})\b"
               r"(?![.,]\d)"),
    # a maker's code in capitals before a model code: "MTT S4000", "NIO ET9" (not "GDP Q2")
    re.compile(r"(?P<name>[A-Z](?<!\w[A-Z])[A-Z]{1,4} (?![QH][1-4]\b)[A-Z]{1,2}\d{2,4}[A-Za-z]?)"
               r"(?![\w.-])"),
    re.compile(r"(?P<name>[A-Z](?<![\w-][A-Z])(?!(?<=F)Y\d)[A-Z]{0,2}\d{1,4}[A-Za-z]?)"
               r"(?![\w-]|\.\d)"),
    # a name right after "model" (or before 模型) with a version or a hyphen: "the lightweight
    # model abab 6.5s", 主力模型Qwen-Long, moonshot-v1-128k模型
    re.compile(r"m(?<!\wm)odels?\s+(?!(?:exceeded|exceed|reached|reach|rose|fell|grew|hit|topped|"
               r"surpassed|were|was|have|has|had|are|is|with|and|in|to|of|for|at|by|over|"
               r"under|about|nearly|around|only|up|down)\b)"
               r"(?P<name>[a-z][a-z0-9]*[ -]v?\d[A-Za-z0-9.]*[A-Za-z0-9]"
               r"|[A-Za-z][A-Za-z0-9.]*-[A-Za-z0-9.-]*[A-Za-z0-9])"),
    re.compile(r"模型(?P<name>[A-Za-z][A-Za-z0-9.]*-[A-Za-z0-9.-]*[A-Za-z0-9])"),
    # a capitalised word and a version after a hyphen: "Shensuan-3", "Hunyuan-2" (not "Top-10")
    re.compile(r"(?P<name>[A-Z](?<![\w-][A-Z])(?!(?:op|ier|lass|hase|evel|eries|ype|ovid|ear|"
               r"ge|uarter|onth|eek|ay)-)[a-z]+-\d{1,3}(?:\.\d)?[A-Za-z]?)(?![\w.-])"),
    # a capitalised name right before "large model": "its self-developed Yanxi large model"
    re.compile(r"(?P<name>[A-Z](?<![\w-][A-Z])[a-z]+(?: [A-Z0-9][\w.]*)?) (?=large (?:language )?"
               r"models?\b)"),
    re.compile(r"(?<![A-Za-z0-9.-])(?P<name>[A-Za-z][A-Za-z0-9.]*-[A-Za-z0-9.-]*[A-Za-z0-9])模型"),
)
ZH_PATTERNS = (
    re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4}?(?:科技|集团|控股|咨询|资本))"),
    EN_PATTERNS[2],
)


CJK = re.compile(r"[\u4e00-\u9fff]")
# research firms, banks and brokers speak about others' numbers: organisations, not subjects
ORGANIZATION = re.compile(
    r"(?:咨询|研究院|证券|资本|银行|Research|Consulting|Securities|Capital|Bank|Association|"
    r"Institute)$")
# "Renaissance Capital", "CITIC Securities": a name followed by one of these is an organisation
ORGANIZATION_AFTER = re.compile(r"\s+(?:Capital|Securities|Research|Consulting|Bank|Partners|"
                                r"Investments|Advisors|Advisers|Institute|Association)\b")
# "据群智咨询统计": the name starts after 据
ZH_LEADING_FUNCTION_CHARS = "据由在与和及对从被向将让为是经"
ZH_BUSINESS_AFTER = r"(?:业务|收入|板块|事业部|事业群)"
ZH_LEADING_WORDS = re.compile(r"^(?:旗下|其|该|子公司|全资子公司)")  # 旗下库卡集团 -> 库卡集团
MONTH_OR_PERIOD = re.compile(r"^(?:[QH]\d\b|[A-Z][a-z]+ (?:19|20)\d\d$)")


@cache
def stop_words(lang: str) -> frozenset[str]:
    """Capitalised words that are not names: table words of the language plus the stop list."""
    lex = load_lexicon(lang)
    words = {s.lower() for table in (lex.regions, lex.segments, lex.periods, lex.metrics,
                                     lex.modality, lex.changes) for row in table
             for s in row.surfaces}
    words |= {s.lower() for row in read_rows(f"pipeline.resources.{lang}", "names.jsonl",
                                             NameStopRow) for s in row.surfaces}
    return frozenset(words)


def _is_stop(name: str, stops: frozenset[str]) -> bool:
    first = name.split()[0].lower()
    return name.lower() in stops or first in stops or len(name) < 2


def _names_regex(latin: list[str], cjk: list[str]) -> str:
    r"""`LATIN|CJK` of two name tries, opening with a class of first letters.

    A Latin name must not touch another Latin letter or digit; a Chinese character next to it is
    fine (模型Qwen-Long的).
    """
    latin_firsts, latin_branches = first_char_branches(sorted(latin)) if latin else ("", "")
    cjk_firsts, cjk_branches = first_char_branches(sorted(cjk)) if cjk else ("", "")
    parts = [rf"(?<![A-Za-z0-9_][\s\S])(?:{latin_branches})(?![A-Za-z0-9_])"] if latin else []
    parts += [f"(?:{cjk_branches})"] if cjk else []
    return f"[{re.escape(latin_firsts + cjk_firsts)}](?:{'|'.join(parts)})"


def title_subject(title: str | None, text: str, lang: str) -> str | None:
    """The name a headline opens with, when the body repeats it: 宁德时代上半年净利润… -> 宁德时代.

    Headlines put the company first; the name ends where the first period, metric or change
    word of the language tables (or a digit) begins.
    """
    if not title:
        return None
    if lang != "zh":
        m = re.match(rf"\s*(?P<name>{NAME})(?='s\b|’s\b|\s)", title)
        name = m.group("name") if m else None
    else:
        cut = first_table_word(lang).search(title)
        name = title[:cut.start()].strip() if cut else None
        if name and not re.fullmatch(r"[\u4e00-\u9fffA-Za-z]{2,8}", name):
            name = None
    stops = stop_words(lang)
    if not name or _is_stop(name, stops) or text.count(name) < 3:
        return None
    return name


@cache
def first_table_word(lang: str) -> re.Pattern[str]:
    """Any period, metric or change word of the language, or a digit."""
    lex = load_lexicon(lang)
    words = {s for table in (lex.periods, lex.metrics, lex.changes) for row in table
             for s in row.surfaces}
    return re.compile(rf"\d|{trie_regex(sorted(words))}")


@cache
def _hints(pattern: re.Pattern[str]) -> Hints | None:
    """Literals one of which every match of `pattern` contains (None: unknown)."""
    return required_literals(pattern.pattern, pattern.flags)


def _finditer(pattern: re.Pattern[str], text: str, lowered: str | None) -> Iterable[re.Match]:
    """`pattern.finditer(text)`, skipped when `lowered` (the text lowercased) lacks its hints.

    Several patterns need a word most texts lack ("模型", "model", a role, a corporate suffix);
    `in` tells that far faster than a scan of the whole text for a match.
    """
    hints = _hints(pattern)
    if hints is not None and lowered is not None and not may_match(hints, lowered):
        return ()
    return pattern.finditer(text)


def find_unknown_names(text: str, known: list[Cue], lang: str,
                       title: str | None = None) -> list[Cue]:
    """Company and person mentions the gazetteer missed, every occurrence of each name."""
    stops = stop_words(lang) | unit_abbreviations(text, stop_words(lang))
    lowered = text.lower() if not FOLDS_TO_ASCII.search(text) else None
    kinds: dict[str, str] = {}
    headline = title_subject(title, text, lang)
    if headline is not None and not any(c.text == headline for c in known):
        kinds[headline] = "company"
    for pattern in PEOPLE_PATTERNS[lang]:  # "CEO Yan Junjie", "Liz Lee, an analyst at"
        for m in _finditer(pattern, text, lowered):
            name = m.group("name").strip()
            if not _is_stop(name, stops):
                kinds.setdefault(name, "person")
    for pattern in PRODUCT_PATTERNS:
        for m in _finditer(pattern, text, lowered):
            name = m.group("name").strip()
            if not _is_stop(name, stops) and not MONTH_OR_PERIOD.match(name):
                kinds.setdefault(name, "product")
    for pattern in (ZH_PATTERNS if lang == "zh" else EN_PATTERNS):
        for m in _finditer(pattern, text, lowered):
            name = ZH_LEADING_WORDS.sub("", m.group("name").strip().lstrip(
                ZH_LEADING_FUNCTION_CHARS))
            if lang == "zh" and re.search(re.escape(name) + ZH_BUSINESS_AFTER, text):
                continue  # 智能建筑科技收入为159.75亿元: a business line, not a company
            if (len(name) > 2 or not CJK.search(name)) and not _is_stop(name, stops):
                org = ORGANIZATION.search(name) or ORGANIZATION_AFTER.match(text, m.end("name"))
                kinds.setdefault(name, "organization" if org else "company")
    taken = bytearray(len(text))  # characters already inside a known or found name
    for c in known:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    found: list[Cue] = []
    if not kinds:
        return found
    # every occurrence of every name in one pass, longest name first at each position
    latin = [n for n in kinds if not CJK.search(n)]
    cjk = [n for n in kinds if CJK.search(n)]
    for m in re.finditer(_names_regex(latin, cjk), text):
        if any(taken[m.start():m.end()]) and not (
                kinds[m.group()] == "product" and _extends_known(m, known)):
            continue
        taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        found.append(Cue(m.start(), m.end(), m.group(), kinds[m.group()], m.group()))
    return _short_forms_as_full(found)


def _short_forms_as_full(found: list[Cue]) -> list[Cue]:
    """"Atour Lifestyle Holdings ... Atour opened 155 hotels": the short form is the same company.

    A found company name that is the first word(s) of a longer found company name takes the
    longer one as its row (only when exactly one longer name starts with it); a found product
    code that ends exactly one longer product name likewise ("S4000" of "MTT S4000").
    """
    companies = {c.row for c in found if c.label == "company" and not CJK.search(c.row)}
    longer: dict[tuple[str, str], str] = {}
    for short in companies:
        fuller = [n for n in companies if n != short and n.startswith(short + " ")]
        if len(fuller) == 1:
            longer["company", short] = fuller[0]
    # a product code after its maker's code: "MTT S4000 ... It said the S4000"
    products = {c.row for c in found if c.label == "product"}
    for short in products:
        fuller = [n for n in products if n != short and n.endswith(" " + short)]
        if len(fuller) == 1:
            longer["product", short] = fuller[0]
    if not longer:
        return found
    return [Cue(c.start, c.end, c.text, c.label, longer[c.label, c.row])
            if (c.label, c.row) in longer else c for c in found]


UNIT_DEFINITION = re.compile(r"(?P<full>(?:[A-Z][a-z]+ (?:and |& )?){1,4}(?:Group|Division|Unit|"
                             r"Segment|Business))\s*\((?P<abbr>[A-Z]{2,6})\)")


def unit_abbreviations(text: str, stops: frozenset[str]) -> frozenset[str]:
    """Abbreviations of business units: "the Infrastructure Solutions Group (ISG)" -> isg.

    A unit named only with common words reports as its parent company (CONVENTIONS.md), so
    neither its name nor its abbreviation is a company of its own.
    """
    if "(" not in text:
        return frozenset()
    found = set()
    for m in UNIT_DEFINITION.finditer(text):
        words = re.findall(r"[A-Za-z]+", m.group("full"))
        if all(w.lower() in stops for w in words):
            found.add(m.group("abbr").lower())
    return frozenset(found)


def _extends_known(m: re.Match[str], known: list[Cue]) -> bool:
    """A model name that contains a known name ("Qwen-Long" around "Qwen") and nothing else."""
    hits = [c for c in known if c.start < m.end() and m.start() < c.end]
    return bool(hits) and all(m.start() <= c.start and c.end <= m.end() and
                              (c.start, c.end) != m.span() for c in hits)


# a model code written right after its maker's name: 理想L6, 理想i8, "Apple M3"
MAKER_CODE = re.compile(r" ?(?P<code>[A-Za-z]{1,2}\d{1,4}[A-Za-z]?)(?![A-Za-z0-9])")


@cache
def variant_pattern(lang: str) -> re.Pattern[str]:
    """What may follow a known model name to make a variant: versions, sizes, tier words."""
    rows = read_rows(f"pipeline.resources.{lang}", "names.jsonl", NameStopRow)
    words = sorted({s for row in rows if row.id == "model_variants" for s in row.surfaces})
    part = rf"(?:v?\d+(?:\.\d+)*[A-Za-z]?|{trie_regex(words)})(?![A-Za-z])"
    return re.compile(rf"(?:[- ]?{part})+")


@cache
def glued_version_pattern(lang: str) -> re.Pattern[str] | None:
    """Known model families with a version glued on: "Qwen2-72B", "Qwen2.5"."""
    rows = load_lexicon(lang).subjects
    aliases = sorted({a for row in rows if row.type == "product" for a in row.aliases
                      if len(a) >= 3 and a[-1].isalpha() and not CJK.search(a)}, key=len,
                     reverse=True)
    if not aliases:
        return None
    return re.compile(rf"(?<![\w-])(?P<family>{trie_regex(aliases)})(?=\d)"
                      r"\d+(?:\.\d+)*[a-z]?(?:-\d+(?:\.\d+)?[BbMmKk])?(?![\w-]|\.\w)")


def glued_versions(text: str, known: list[Cue], lang: str) -> list[Cue]:
    """Known cues plus families written with their version glued on ("Qwen2-72B" is Qwen)."""
    pattern = glued_version_pattern(lang)
    if pattern is None:
        return known
    rows = {a: row.name for row in load_lexicon(lang).subjects if row.type == "product"
            for a in row.aliases}
    found = [Cue(m.start(), m.end(), m.group(), "product", rows[m.group("family")])
             for m in pattern.finditer(text)
             if not any(c.start < m.end() and m.start() < c.end for c in known)]
    return sorted([*known, *found], key=lambda c: (c.start, c.end)) if found else known


def model_variants(text: str, known: list[Cue], lang: str) -> list[Cue]:
    """Known products extended by the variant written right after them.

    "Hunyuan-Pro", "ERNIE 4.0 Turbo", 星火Pro: prices and benchmarks are about the variant. A
    bare version number ("Spark V4.0") is still the model. A Latin name keeps its written form;
    a Chinese alias gives the canonical name plus the variant.
    """
    pattern = variant_pattern(lang)
    out = []
    for c in known:
        code = MAKER_CODE.match(text, c.end) if c.label == "company" else None
        if code is not None:  # 理想L6, "Apple M3": the maker's model
            out.append(Cue(c.start, code.end(), text[c.start:code.end()], "product",
                           f"{c.row} {code.group('code')}"))
            continue
        m = pattern.match(text, c.end) if c.label == "product" else None
        tail = m.group().strip(" -") if m else ""
        if not tail or re.fullmatch(r"[v\d. ]+[a-z]?", tail, re.I):
            # a bare version stays the model ("Spark V4.0", "SenseNova 5o"), written in full
            out.append(c if not tail else Cue(c.start, m.end(), text[c.start:m.end()], c.label,
                                              c.row))
            continue
        written = text[c.start:m.end()]
        row = written if not CJK.search(c.text) else f"{c.row} {tail}"
        out.append(Cue(c.start, m.end(), written, c.label, row))
    return out

