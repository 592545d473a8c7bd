"""Find the article body in raw text and split it into paragraphs and sentences.

Scraped news pages wrap the body in menus, bylines, banners, disclaimers and share bars; a number
found there is noise, so those lines are dropped (and reported with a reason). Every offset points
into the text exactly as given: nothing here cleans or rewrites the text (spec "Grounding").

Sentence rules, in short (details in `_is_boundary`):
- English ends sentences on . ! ? and ellipses, but not inside numbers ("9.325"), after
  abbreviations ("Mr.", "No. 1", "U.S. President"), before a lowercase word, or inside a quote.
- Chinese ends sentences on 。！？ (and ASCII ! ?), keeping closing quotes ”」 with the sentence.
- Semicolons do not end sentences by default: the gold annotations quote whole sentences up to
  the full stop ("...644.59%; After deducting...") and the assembler already works per semicolon
  clause, which keeps each level with its change and lets later clauses share the subject and
  period stated once at the start ("一季度，小米...；经调整净利润..."). With
  `split_semicolons=True`, "；" always splits and an English ";" splits only before an uppercase
  word (machine translation writes "；" as "; After deducting...", while a lowercase list
  "...to 47.9 billion yuan; sales and promotion expenses decreased..." stays whole); a sentence
  that starts after a semicolon then has `continues=True`.
- Chinese lines are paragraphs; English lines are too, unless a line is hard-wrapped (it does not
  end a sentence and the next line starts lowercase).
- Sentence edges exclude whitespace, markdown emphasis (** __ *), bullets, list numbers and
  an opening quote that never closes ('"And the revenue ... growth.').
- The title stays in the body as its own first paragraph (headlines state facts, and the gold
  annotates them); `Segmentation.title` gives its text. Other lines between the title and the
  first sentence-like line are dropped as "header".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from pydantic import Field, field_validator

from pipeline.lexicon import Row, parse_rows, read_rows
from pipeline.regex_hints import FOLDS_TO_ASCII, Hints, may_match, required_literals


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: `text[start:end]`, edges free of whitespace and markdown markers."""

    start: int
    end: int
    paragraph: int
    continues: bool = False


@dataclass(frozen=True, slots=True)
class Segmentation:
    """The article body found in a raw text, with everything dropped around it."""

    body_start: int
    body_end: int
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    published: str | None
    title: str | None
    dropped: tuple[tuple[int, int, str], ...]


class FurnitureRule(Row):
    """One row of `resources/<lang>/furniture.jsonl`: a line pattern and why it is dropped."""

    id: str = Field(pattern=r"^[a-z_]+(\.[a-z0-9_]+)+$")
    reason: str = Field(pattern=r"^[a-z_]+$")
    pattern: str
    max_len: int | None = Field(default=None, gt=0)
    target: Literal["core", "line"] = "core"
    rest: bool = False

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value, re.IGNORECASE)
        except re.error as err:
            raise ValueError(f"bad regular expression: {err}") from err
        return value

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern (case-insensitive; `(?-i:...)` opts out locally)."""
        return _compile(self.pattern)


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Languages with a furniture file. All are applied to every text (own language first): translated
# articles keep the source site's furniture, e.g. a stray "责任编辑：" in an English text.
FURNITURE_LANGUAGES = ("en", "zh")

# Language-neutral furniture, checked after the language files.
SUBHEADING_MAX_EN = 90  # characters: longer lines without a full stop are sentences
SUBHEADING_MAX_ZH = 30
SUBHEADING_ENDINGS = ".。!！?？:：;；\"”』」)）…,，、"
_COMMON_RULES = (
    {"id": "section_number.bare", "reason": "section_number",
     "pattern": r"^(?:part\s*)?\d{1,2}[.、)）]?$|^[ivx]{1,4}[.)]?$"
                r"|^[(（]?(?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）、.]?$"},
    {"id": "menu.breadcrumb_shape", "reason": "menu", "max_len": 100,
     "pattern": r"^[^>»›\n]{1,24}(?:\s*[>»›]\s*[^>»›\n]{1,24}){2,}$"},
    {"id": "comment_box.counter", "reason": "comment_box", "pattern": r"^\d+\s*/\s*\d+$"},
    {"id": "link.bare_url", "reason": "link", "pattern": r"^(?:https?://|www\.)\S+$"},
    {"id": "contact.bare_email", "reason": "contact", "pattern": r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$"},
)

# Whitespace as str.strip() sees it, plus BOM and zero-width characters scraped pages carry.
_WS = (" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
       "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u200c\u200d")
_MARKERS = "*_"
_CORE_EDGE = _WS + _MARKERS + "#>•·▪●◦■◆►|"
_TERMINAL_END = ".!?。！？;；…"
_NO_TITLE_END = ".。,，;；:：、"

_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_SPACE_RUN = re.compile(r"\s+")
_LEAD_DASH = re.compile(r"^[-–—]\s+")

# Header dates: 2024/08/23, 2024-08-23, 2024.8.23, 2024年8月23日, Aug 23, 2024, 23 August 2024.
_MONTHS = {m: i for i, ms in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june",
     "jul july", "aug august", "sep sept september", "oct october", "nov november",
     "dec december"), start=1) for m in ms.split()}
_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?" \
         r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*"
               r"(?P<d>\d{1,2})(?:\s*[日号])?(?!\d)"),
    re.compile(_MONTH + r"\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})\b",
               re.IGNORECASE),
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"\.?,?\s+(?P<y>(?:19|20)\d{2})\b",
               re.IGNORECASE),
)
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b(?:gmt|utc|bjt|cst|edt|est)\b"
                   r"(?:\s*[+-]\s*\d{1,2})?|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|星期.|周.",
                   re.IGNORECASE)
_DATELINE_MAX_WORDS = 6
_DATELINE_MAX_LEN = 100

_BANNER_MAX_LEN = 150
_TITLE_MAX_LEN = {"en": 150, "zh": 50}
_SENTENCE_MIN_LEN = {"en": 150, "zh": 60}
_TITLE_SEARCH_LINES = 8
_SPACES = re.compile(r"\s+")
_WRAP_MIN_LEN = 40
_QUOTE_MAX_LEN = 400

# Sentence boundaries: a terminator run, then closing quotes/brackets and emphasis markers.
_CLOSERS_EN = "\"'”’»)\\]」』*_"
# (?P<term>[.!?…。！？]+|[;；]) and (?P<term>[。！？；]+|[!?;](?![A-Za-z0-9=&/])), written to open
# with one character class (re scans for it in C); each branch checks that character behind it
_TERM_EN = re.compile(r"(?P<term>[.!?…。！？;；](?:(?<=[.!?…。！？])[.!?…。！？]*|(?<=[;；])))"
                      r"(?P<close>[" + _CLOSERS_EN + r"]*)")
_TERM_ZH = re.compile(r"(?P<term>[。！？；!?;](?:(?<=[。！？；])[。！？；]*"
                      r"|(?<=[!?;])(?![A-Za-z0-9=&/])))(?P<close>[\"'”’»)）\]】」』》*_]*)")
_FOLLOW = re.compile(r"(?P<gap>[\s\ufeff\u200b]*)(?P<md>(?:\*\*|__)?)\s*[\"“‘'(\[「『《]*")
_GLUED = re.compile(r"[a-z]{2}[.!?][A-Z][a-z]")
_CAMEL = re.compile(r"[a-z]{1,2}[A-Z]")
_TOKEN_BEFORE = re.compile(r"(?<![A-Za-z.0-9-])[A-Za-z](?:[A-Za-z]|\.(?=[A-Za-z]))*\Z")
_INITIALS = re.compile(r"[A-Za-z](?:\.[A-Za-z])*")
_NEXT_WORD = re.compile(r"[A-Za-z]+")
_CONTINUATION_START = frozenset(",;:，；：、)]}")
_QUOTES = (
    re.compile(r"“[^“”\n]*”"),
    re.compile(r"\"[^\"\n]*\""),
    re.compile(r"「[^「」\n]*」"),
    re.compile(r"『[^『』\n]*』"),
    re.compile(r"«[^«»\n]*»"),
)
# Chinese attribution right after a closing quote stays with the quote: “……。”他说。
_ZH_SPEECH_AFTER_QUOTE = re.compile(
    r"[^\s。！？；“”]{0,10}?(?:说|表示|称|指出|认为|强调|坦言|透露|介绍|回应)[。，,：:]")
_ZH_FURTHER = re.compile(r"还|也|同时|另外|此外|进一步")
# At a paragraph start: whitespace, emphasis, bullets, heading marks, list and section numbers.
_PARA_LEAD = re.compile(
    r"(?:[\s\ufeff\u200b*_]+|[•·▪●◦■◆►]|[-–—+>#]+(?=\s)|0\d(?=\s)|\d{1,2}[.)、](?=\s)"
    r"|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|[一二三四五六七八九十]{1,3}、)*")
_SENT_LEAD = re.compile(r"[\s\ufeff\u200b*_]*")
_LIST_MARKER = re.compile(r"[(（]?(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})[.)）、]")

# Abbreviations (lowercase, without the final dot). "Mr. Lu" never ends a sentence; "No. 1" does
# not when a number follows; "Xiaomi Inc." or "the U.S." end one only before a typical sentence
# opener ("... Inc. The company ..."), so "U.S. President" and "Apple Inc. CEO" stay whole.
_ABBREV_ALWAYS = frozenset(
    "mr mrs ms dr prof sr st mt gen gov sen rep rev hon capt col lt sgt messrs mme vs v e.g i.e "
    "cf approx incl ca viz al resp dept univ".split())
_ABBREV_BEFORE_NUMBER = frozenset(
    "no nos fig figs p pp vol ch sec art op est jan feb mar apr jun jul aug sep sept oct nov "
    "dec".split())
_ABBREV_WEAK = frozenset("inc corp ltd co bros plc llc etc jr ag sa nv bhd pte gmbh".split())
_SENTENCE_OPENERS = frozenset(
    "the a an it its this that these those there he she they we i in on at as but and however "
    "meanwhile also after before since while for according although by during if last next so "
    "still yet then its their his her our".split())


def segment(text: str, lang: str = "en", *, split_semicolons: bool = False,
            title: str | None = None) -> Segmentation:
    """Find the body of a raw article, its paragraphs and sentences, and what was dropped.

    `title` (from the article's metadata) names the title line when the text repeats it, so a
    site name above it or a question mark at its end does not hide it.
    """
    language = _language(lang)
    lines = _lines(text)
    reasons = [_classify(line, language) for line in lines]
    _mark_banners(lines, reasons)
    _mark_rest(lines, reasons, len(text), language)
    title_index = _mark_header(lines, reasons, language, title)
    groups = _group_paragraphs(lines, reasons, language, title_index)
    paragraphs = tuple((group[0].start, group[-1].end) for group in groups)
    sentences: list[Sentence] = []
    headings: list[tuple[int, int, str]] = []
    for index, (start, end) in enumerate(paragraphs):
        if index and _is_subheading(text, start, end, language, paragraphs[index + 1:]):
            headings.append((start, end, "subheading"))  # "Vehicle margin returned above 20%"
            continue
        sentences.extend(_split_paragraph(text, start, end, index, language, split_semicolons))
    dropped = tuple(sorted([(line.start, line.end, reason) for line, reason in zip(lines, reasons)
                            if reason is not None] + headings))
    body_start, body_end = (paragraphs[0][0], paragraphs[-1][1]) if paragraphs else (0, 0)
    return Segmentation(
        body_start=body_start,
        body_end=body_end,
        paragraphs=paragraphs,
        sentences=tuple(sentences),
        published=_published(lines, reasons, title_index),
        title=None if title_index is None else lines[title_index].core,
        dropped=dropped,
    )


def _is_subheading(text: str, start: int, end: int, language: str,
                   after: tuple[tuple[int, int], ...]) -> bool:
    """A short one-line paragraph without closing punctuation, followed by a longer one.

    In-body section headings ("Vehicle margin returned above 20%", 门店逼近2万家) summarise the
    paragraphs below them; their figures are stated there again.
    """
    line = text[start:end].strip().strip("*#_ ")
    limit = SUBHEADING_MAX_ZH if language == "zh" else SUBHEADING_MAX_EN
    if not line or "\n" in line or len(line) > limit or line[-1] in SUBHEADING_ENDINGS:
        return False
    return bool(after) and after[0][1] - after[0][0] > 2 * len(line)


def find_date(text: str) -> str | None:
    """The first valid calendar date written in `text`, as ISO YYYY-MM-DD."""
    found = _first_date(text)
    return found[0] if found else None


@cache
def furniture_rules(lang: str) -> tuple[FurnitureRule, ...]:
    """Rules for `lang`: its own file first, then the other languages', then neutral ones."""
    language = _language(lang)
    order = [language, *(other for other in FURNITURE_LANGUAGES if other != language)]
    rules: list[FurnitureRule] = []
    for code in order:
        if code in FURNITURE_LANGUAGES:
            rules.extend(_load_rule_file(code))
    rules.extend(FurnitureRule.model_validate(row) for row in _COMMON_RULES)
    return tuple(rules)


@cache
def _load_rule_file(code: str) -> tuple[FurnitureRule, ...]:
    return read_rows(f"pipeline.resources.{code}", "furniture.jsonl", FurnitureRule)


def parse_furniture_rules(content: str, name: str) -> tuple[FurnitureRule, ...]:
    """Validate the rows of a furniture file; errors name `file:line` so they are quick to fix."""
    return parse_rows(content, name, FurnitureRule)


def _language(lang: str | None) -> str:
    code = (lang or "en").strip().lower().replace("_", "-").split("-")[0]
    return "zh" if code in ("zh", "cn", "chinese", "zho", "chi") else code or "en"


def _segmenter_language(language: str) -> str:
    return "zh" if language == "zh" else "en"


@dataclass(frozen=True, slots=True)
class _Line:
    """A non-blank line: trimmed span, the text stripped of edge markup, and layout."""

    start: int
    end: int
    line: str
    core: str
    after_gap: bool


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    gap = True
    for piece in text.splitlines(keepends=True):
        content = piece.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = content.strip(_WS)
        if stripped:
            start = offset + len(content) - len(content.lstrip(_WS))
            core = _LEAD_DASH.sub("", stripped.strip(_CORE_EDGE)).strip(_CORE_EDGE)
            lines.append(_Line(start, start + len(stripped), stripped, core, gap))
            gap = False
        else:
            gap = True
        offset += len(piece)
    return lines


_RuleCheck = tuple[bool, int | None, Hints | None, Callable, str]


@cache
def _rule_checks(language: str) -> tuple[_RuleCheck, ...]:
    """(on whole line, max length, literal hints, search, reason) per rule, once per language.

    Rules without a length limit search every body line, which none of them matches: their
    literal hints rule most lines out with `in` before the regex scans them.
    """
    return tuple((rule.target == "line", rule.max_len,
                  required_literals(rule.pattern, re.IGNORECASE) if rule.max_len is None
                  else None, rule.regex.search, rule.reason)
                 for rule in furniture_rules(language))


@cache
def _rules_for(language: str, line_len: int, core_len: int) -> tuple[_RuleCheck, ...]:
    """The rules whose length limit admits a line of these lengths, in rule order.

    Body lines are longer than any limit: they share one short tuple instead of testing every
    rule's limit. Lengths come rounded up to a limit (`_length_class`): same rules, few keys.
    """
    return tuple(check for check in _rule_checks(language)
                 if check[1] is None or (line_len if check[0] else core_len) <= check[1])


@cache
def _limits(language: str) -> tuple[int, ...]:
    return tuple(sorted({check[1] for check in _rule_checks(language) if check[1] is not None}))


def _length_class(limits: tuple[int, ...], length: int) -> int:
    """The smallest limit that admits `length` (past every limit: one more than the longest).

    A limit admits the length exactly when it admits this class, so rules come out the same.
    """
    i = bisect_left(limits, length)
    return limits[i] if i < len(limits) else (limits[-1] + 1 if limits else 0)


def _classify(line: _Line, language: str) -> str | None:
    if not _LETTER.search(line.core) and not _DIGIT.search(line.core):
        return "separator"
    if _is_dateline(line.core):
        return "dateline"
    # the core is a piece of the line: one test says whether hints apply to both
    lowered = {False: line.core.lower(), True: line.line.lower()} \
        if not FOLDS_TO_ASCII.search(line.line) else None
    limits = _limits(language)
    for on_line, _limit, hints, search, reason in _rules_for(
            language, _length_class(limits, len(line.line)), _length_class(limits, len(line.core))):
        subject = line.line if on_line else line.core
        if hints is not None and lowered is not None and not may_match(hints, lowered[on_line]):
            continue
        if search(subject):
            return reason
    return None


def _first_date(text: str) -> tuple[str, int, int] | None:
    best: tuple[str, int, int] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso_date(match)
            if iso and (best is None or match.start() < best[1]):
                best = (iso, match.start(), match.end())
                break
    return best


def _iso_date(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    month = _MONTHS[parts["mon"].lower()] if parts.get("mon") else int(parts["m"])
    try:
        return date(int(parts["y"]), month, int(parts["d"])).isoformat()
    except ValueError:
        return None


def _is_dateline(core: str) -> bool:
    """A short line that is a date, a time and a few words: "Bohu Finance 2024/08/23 10:42"."""
    if len(core) > _DATELINE_MAX_LEN or core.endswith(tuple(".。!！?？")):
        return False
    found = _first_date(core)
    if found is None:
        return False
    rest = _TIME.sub(" ", core[:found[1]] + " " + core[found[2]:])
    return len(_WORD.findall(rest)) <= _DATELINE_MAX_WORDS and not _DIGIT.search(rest)


def _banner_key(core: str) -> str:
    return _SPACE_RUN.sub(" ", core.casefold())


def _mark_banners(lines: list[_Line], reasons: list[str | None]) -> None:
    """Drop lines repeated as banners: short, recurring, and not ordinary sentences."""
    counts: dict[str, int] = {}
    for line, reason in zip(lines, reasons):
        if reason is None and len(line.core) <= _BANNER_MAX_LEN:
            key = _banner_key(line.core)
            counts[key] = counts.get(key, 0) + 1
    for index, line in enumerate(lines):
        if reasons[index] is not None or len(line.core) > _BANNER_MAX_LEN:
            continue
        count = counts.get(_banner_key(line.core), 0)
        if count >= 3 or (count == 2 and not line.core.endswith(tuple(_TERMINAL_END))):
            reasons[index] = "repeated_banner"


def _mark_rest(lines: list[_Line], reasons: list[str | None], length: int,
               language: str) -> None:
    """After a "Related articles" heading in the second half, everything is furniture."""
    rest = {rule.reason for rule in furniture_rules(language) if rule.rest}
    for index, line in enumerate(lines):
        if reasons[index] in rest and line.start >= length // 2:
            for later in range(index + 1, len(lines)):
                reasons[later] = reasons[later] or reasons[index]
            return


def _is_sentence_like(core: str, language: str) -> bool:
    closed = core.rstrip(_CLOSERS_EN + "”’」』）")
    return closed.endswith(tuple(_TERMINAL_END)) or len(core) > _SENTENCE_MIN_LEN[language]


def _is_title_like(line: _Line, language: str) -> bool:
    core = line.core
    return (bool(_LETTER.search(core)) and len(core) <= _TITLE_MAX_LEN[language]
            and not core.endswith(tuple(_NO_TITLE_END))
            and not core[:1].isdigit())


def _mark_header(lines: list[_Line], reasons: list[str | None], lang: str,
                 known_title: str | None = None) -> int | None:
    """Find the title line and drop the other lines before the body as header.

    The body starts at the first sentence-like line after the title. Nothing is dropped when
    no sentence-like line follows, so a short snippet is never mistaken for a header.
    """
    language = _segmenter_language(lang)
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    if not kept:
        return None
    named = _title_line(lines, kept, known_title)
    if named is not None:  # the metadata's title: what stands above it is header
        for index in kept:
            if index >= named:
                break
            reasons[index] = "header"
        kept = [i for i in kept if i >= named]
    first = lines[kept[0]]
    wrapped = (len(kept) > 1 and kept[1] == kept[0] + 1 and not lines[kept[1]].after_gap
               and language == "en" and _is_hard_wrap(first, lines[kept[1]]))
    title_index = kept[0] if named is not None or (
        _is_title_like(first, language) and not wrapped) else None
    after_title = kept[1:] if title_index is not None else kept
    body = next((i for i in after_title if _is_sentence_like(lines[i].core, language)), None)
    if body is None:
        return None
    while (language == "en" and body - 1 in after_title and not lines[body].after_gap
           and _is_hard_wrap(lines[body - 1], lines[body])):
        body -= 1
    for index in after_title:
        if index >= body:
            break
        reasons[index] = "header"
    return title_index


def _title_line(lines: list[_Line], kept: list[int], title: str | None) -> int | None:
    """The line among the first few that repeats the metadata title (spacing and case aside)."""
    if not title or not title.strip():
        return None
    wanted = _SPACES.sub(" ", title).strip().casefold()
    return next((i for i in kept[:_TITLE_SEARCH_LINES]
                 if _SPACES.sub(" ", lines[i].core).strip().casefold() == wanted), None)


def _group_paragraphs(lines: list[_Line], reasons: list[str | None], lang: str,
                      title_index: int | None) -> list[list[_Line]]:
    language = _segmenter_language(lang)
    groups: list[list[_Line]] = []
    previous_kept = False
    for index, line in enumerate(lines):
        if reasons[index] is not None:
            previous_kept = False
            continue
        if (previous_kept and not line.after_gap and language == "en"
                and index - 1 != title_index and _is_hard_wrap(groups[-1][-1], line)):
            groups[-1].append(line)
        else:
            groups.append([line])
        previous_kept = True
    return groups


def _is_hard_wrap(previous: _Line, line: _Line) -> bool:
    """A line continues the previous one when that one stops mid-sentence."""
    return (len(previous.line) >= _WRAP_MIN_LEN
            and not previous.line.endswith(tuple(_TERMINAL_END + ":：\"”’)*_"))
            and line.line[0].islower())


def _published(lines: list[_Line], reasons: list[str | None],
               title_index: int | None) -> str | None:
    """The first date on a dropped line above the body, else on any dateline."""
    for index, (line, reason) in enumerate(zip(lines, reasons)):
        if reason is None and index != title_index:
            break
        if reason not in (None, "repeated_banner"):
            found = find_date(line.core)
            if found:
                return found
    for line, reason in zip(lines, reasons):
        if reason == "dateline":
            found = find_date(line.core)
            if found:
                return found
    return None


def _split_paragraph(text: str, start: int, end: int, paragraph: int, lang: str,
                     split_semicolons: bool) -> list[Sentence]:
    language = _segmenter_language(lang)
    content_start = _PARA_LEAD.match(text, start, end).end()
    quotes = _quote_spans(text, content_start, end)
    terminators = _TERM_ZH if language == "zh" else _TERM_EN
    cuts: list[tuple[int, bool]] = []
    for match in terminators.finditer(text, content_start, end):
        semicolon = match.group("term")[-1] in ";；"
        if (split_semicolons or not semicolon) and _is_boundary(text, match, end, quotes,
                                                                language):
            cuts.append((match.end(), semicolon))
    sentences: list[Sentence] = []
    begin, continues = content_start, False
    for cut, semicolon in [*cuts, (end, False)]:
        span = _trim(text, begin, cut)
        if span is not None:
            sentences.append(Sentence(span[0], span[1], paragraph, continues))
        begin, continues = cut, semicolon
    return sentences


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    start = _SENT_LEAD.match(text, start, end).end()
    piece = text[start:end].rstrip(_WS + _MARKERS)
    if piece[:1] in ('"', "“") and not any(q in piece[1:] for q in ('"', "”")):
        start = _SENT_LEAD.match(text, start + 1, end).end()
        piece = text[start:end].rstrip(_WS + _MARKERS)
    if not piece or _LIST_MARKER.fullmatch(piece):
        return None
    if not (_LETTER.search(piece) or _DIGIT.search(piece)):
        return None
    return start, start + len(piece)


def _quote_spans(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Short quotations in a paragraph, as sorted starts and their ends."""
    spans = sorted(
        (match.start(), match.end())
        for pattern in _QUOTES
        for match in pattern.finditer(text, start, end)
        if match.end() - match.start() <= _QUOTE_MAX_LEN
    )
    return [s for s, _ in spans], [e for _, e in spans]


def _inside_quote(quotes: tuple[list[int], list[int]], term_start: int, cut: int) -> bool:
    starts, ends = quotes
    index = bisect_right(starts, term_start - 1)
    return any(starts[i] < term_start and cut < ends[i] for i in range(max(0, index - 3), index))


def _is_boundary(text: str, match: re.Match[str], end: int,
                 quotes: tuple[list[int], list[int]], language: str) -> bool:
    follow = _FOLLOW.match(text, match.end(), end)
    after = follow.end()
    if after >= end:
        return True
    if _inside_quote(quotes, match.start(), match.end()):
        return False
    if language == "zh":
        speech = match.group("close") and _ZH_SPEECH_AFTER_QUOTE.match(text, match.end(), end)
        # “…。”郭谨一还透露，…: a further statement starts a sentence of its own
        return not speech or bool(_ZH_FURTHER.search(speech.group()))
    return _is_english_boundary(text, match, follow, end)


def _is_english_boundary(text: str, match: re.Match[str], follow: re.Match[str],
                         end: int) -> bool:
    term, close = match.group("term"), match.group("close")
    after = follow.end()
    spaced = bool(follow.group("gap") or follow.group("md") or close.endswith(("**", "__")))
    if not spaced:
        return term in ".!?" and bool(_GLUED.match(text, max(0, match.start() - 2), after + 2))
    first = text[after]
    if first in _CONTINUATION_START:
        return False
    if term[-1] in ";；":
        return first.isupper()
    if first.islower() and not _CAMEL.match(text, after, end):
        return False
    if term != "." or close:
        return True
    return _ends_after_period(text, match.start(), after, end)


def _ends_after_period(text: str, dot: int, after: int, end: int) -> bool:
    """Whether a single '.' ends a sentence, given the word before it and the one after."""
    token_match = _TOKEN_BEFORE.search(text, max(0, dot - 24), dot)
    if token_match is None:
        return True
    token = token_match.group(0).lower()
    if token in _ABBREV_ALWAYS:
        return False
    if token in _ABBREV_BEFORE_NUMBER:
        return not text[after].isdigit()
    if token in _ABBREV_WEAK or _INITIALS.fullmatch(token):
        next_word = _NEXT_WORD.match(text, after, end)
        return bool(next_word) and next_word.group(0).lower() in _SENTENCE_OPENERS
    return True
