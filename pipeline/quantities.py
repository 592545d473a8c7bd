"""find_quantities(): numbers, money, percentages, counts, multiples and ranges in raw text.

Pure string processing, no spaCy: quantities are found on the raw string and the pipeline maps the
offsets to tokens afterwards. The vocabulary (number words, scales, currencies, qualifiers, counted
nouns) lives in `resources/common/currencies.jsonl` and `resources/<lang>/quantity_words.jsonl`;
this module holds only the grammar. Amounts are exact `Decimal`s with the scale applied.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation, localcontext
from functools import cache
from importlib import resources

from pipeline.errors import RuleFileError
from pipeline.trie import first_char_branches, trie_regex

LANGUAGES = ("en", "zh")
QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity as written in the text, with its exact normalized amount."""

    text: str
    start: int
    end: int
    amount: Decimal
    unit: str | None = None
    qualifier: str = "exact"
    low: Decimal | None = None
    high: Decimal | None = None
    counted: str | None = None
    qualifier_start: int | None = None


def find_quantities(text: str, lang: str = "en") -> list[Quantity]:
    """Return every quantity in `text`, sorted by start offset.

    `lang` is "en" or "zh" (a region suffix such as "zh-TW" is ignored); it chooses the
    vocabulary, not the script: digits, symbols and ISO codes are read in both.
    """
    base = lang.lower().split("-")[0].split("_")[0]
    if base not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r} (have: {', '.join(LANGUAGES)})")
    if not text:
        return []
    with localcontext() as ctx:
        ctx.prec = 60  # exact for scale arithmetic on long digit strings
        found = _Finder(text, _lexicon(base)).run()
        return [
            Quantity(text=text[q.start:q.end], start=q.start, end=q.end, amount=_tidy(q.amount),
                     unit=q.unit, qualifier=q.qualifier,
                     low=None if q.low is None else _tidy(q.low),
                     high=None if q.high is None else _tidy(q.high),
                     counted=q.counted, qualifier_start=q.qualifier_start)
            for q in found
        ]


# --------------------------------------------------------------------------------------------
# Rule data: one loader, validated row by row, cached per language.

_KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # kind: (required fields besides kind/surface, optional fields)
    "number": (frozenset({"value", "role"}),
               frozenset({"case_sensitive", "financial", "not_before", "qualifier", "unit"})),
    "scale_abbrev": (frozenset({"value"}), frozenset({"case_sensitive", "needs_currency"})),
    "fraction": (frozenset({"value", "role"}), frozenset()),
    "currency": (frozenset({"code", "position"}), frozenset({"case_sensitive"})),
    "coin": (frozenset({"code", "value"}), frozenset()),
    "subunit": (frozenset({"value"}), frozenset({"code"})),
    "percent": (frozenset({"unit", "position"}),
                frozenset({"factor", "role", "not_before", "case_sensitive"})),
    "qualifier": (frozenset({"qualifier", "position"}), frozenset()),
    "counted": (frozenset(), frozenset({"lemma", "role"})),
    "counted_stop": (frozenset(), frozenset()),
    "multiple": (frozenset({"role"}), frozenset({"value"})),
    "times_follow": (frozenset(), frozenset()),
    "range": (frozenset({"role"}), frozenset({"mid"})),
    "not_number": (frozenset(), frozenset()),
    "change_word": (frozenset(), frozenset()),
}
_CHOICES: dict[str, tuple[str, ...]] = {
    "number.role": ("unit", "teen", "tens", "hundred", "scale", "dozen", "after_article", "article",
                    "sign", "point", "and", "over", "digit", "multiplier", "half_word",
                    "approx"),
    "fraction.role": ("half", "quarter", "ordinal", "ordinal_after_tens"),
    "currency.position": ("before", "after", "both"),
    "percent.position": ("before", "after"),
    "percent.unit": ("%", "pp"),
    "percent.role": ("plain", "tenths", "discount"),
    "qualifier.position": ("before", "after"),
    "qualifier.qualifier": QUALIFIERS[1:6],
    "number.qualifier": QUALIFIERS[1:6],
    "number.unit": ("%", "count"),
    "counted.role": ("noun", "measure"),
    "multiple.role": ("word", "suffix", "times"),
    "range.role": ("open", "mid"),
}
_DECIMAL_FIELDS = {"value", "factor"}
_BOOL_FIELDS = {"case_sensitive", "financial", "needs_currency"}


def _read_text(package: str, filename: str) -> tuple[str, str]:
    where = f"{package.replace('.', '/')}/{filename}"
    try:
        return resources.files(package).joinpath(filename).read_text(encoding="utf-8"), where
    except FileNotFoundError as exc:
        raise RuleFileError(f"{where}: rule file is missing") from exc


def _parse_jsonl(raw: str, where: str) -> list[tuple[int, dict]]:
    rows = []
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RuleFileError(f"{where}:{number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise RuleFileError(f"{where}:{number}: a row must be a JSON object")
        rows.append((number, row))
    return rows


def _check_currency_row(where: str, line: int, row: dict) -> None:
    if set(row) - {"code", "name", "symbols"} or not {"code", "name"} <= set(row):
        raise RuleFileError(f"{where}:{line}: a currency row has exactly code, name, symbols")
    if not re.fullmatch(r"[A-Z]{3}", str(row["code"])):
        raise RuleFileError(f"{where}:{line}: code: {row['code']!r} is not an ISO 4217 code")
    symbols = row.get("symbols", [])
    if not isinstance(symbols, list) or not all(isinstance(s, str) and s for s in symbols):
        raise RuleFileError(f"{where}:{line}: symbols: must be a list of non-empty strings")


def _check_word_row(where: str, line: int, row: dict, codes: set[str]) -> None:
    kind = row.get("kind")
    if kind not in _KINDS:
        raise RuleFileError(f"{where}:{line}: kind: {kind!r} is not one of {sorted(_KINDS)}")
    surface = row.get("surface")
    if not isinstance(surface, str) or not surface.strip():
        raise RuleFileError(f"{where}:{line}: surface: must be a non-blank string")
    required, optional = _KINDS[kind]
    present = set(row) - {"kind", "surface"}
    if missing := required - present:
        raise RuleFileError(f"{where}:{line}: {kind} row lacks {', '.join(sorted(missing))}")
    if unknown := present - required - optional:
        raise RuleFileError(f"{where}:{line}: {kind} row has unknown {', '.join(sorted(unknown))}")
    for key in present:
        value = row[key]
        if key in _BOOL_FIELDS:
            if not isinstance(value, bool):
                raise RuleFileError(f"{where}:{line}: {key}: must be true or false")
        elif key in _DECIMAL_FIELDS:
            try:
                finite = Decimal(str(value)).is_finite()
            except InvalidOperation:
                finite = False
            if not finite or isinstance(value, bool):
                raise RuleFileError(f"{where}:{line}: {key}: {value!r} is not a number")
        elif not isinstance(value, str):
            raise RuleFileError(f"{where}:{line}: {key}: must be a string")
        choices = _CHOICES.get(f"{kind}.{key}")
        if choices and value not in choices:
            raise RuleFileError(f"{where}:{line}: {key}: {value!r} is not one of {list(choices)}")
    if "code" in row and row["code"] not in codes:
        raise RuleFileError(f"{where}:{line}: code: {row['code']!r} is not in currencies.jsonl")


def _currency_rows(raw: str, where: str) -> dict[str, list[str]]:
    """ISO code -> symbols, validated (the code itself is always a surface)."""
    out: dict[str, list[str]] = {}
    for line, row in _parse_jsonl(raw, where):
        _check_currency_row(where, line, row)
        if row["code"] in out:
            raise RuleFileError(f"{where}:{line}: duplicate code {row['code']!r}")
        out[row["code"]] = list(row.get("symbols", []))
    return out


def _word_rows(raw: str, where: str, codes: set[str]) -> list[dict]:
    """Validated rows of one quantity_words.jsonl; a surface appears once per kind."""
    rows, seen = [], set()
    for line, row in _parse_jsonl(raw, where):
        _check_word_row(where, line, row, codes)
        key = (row["kind"], row["surface"])
        if key in seen:
            raise RuleFileError(f"{where}:{line}: duplicate {row['kind']} {row['surface']!r}")
        seen.add(key)
        rows.append(row)
    return rows


@cache
def _currencies() -> dict[str, list[str]]:
    return _currency_rows(*_read_text("pipeline.resources.common", "currencies.jsonl"))


def _load_rows(lang: str) -> list[dict]:
    raw, where = _read_text(f"pipeline.resources.{lang}", "quantity_words.jsonl")
    return _word_rows(raw, where, set(_currencies()))


# --------------------------------------------------------------------------------------------
# Regex building blocks. Every regex runs on a normalized copy of the text with the same length,
# so offsets found on the copy are offsets into the caller's string.

_NORMALIZE = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    "．": ".", "％": "%", "－": "-", "＋": "+", "／": "/", "＄": "$", "＾": "^", "＆": "&",
    "−": "-", "‐": "-", "‑": "-", "–": "-", "～": "~", "〜": "~",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u3000": " ", "\t": " ",
})
_DIGITS = (
    r"(?:\d+(?:\.\d+){2,}(?![\d.]?\d)"  # dotted chains (192.168.1.2) are split later
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d|\d)"
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,]\d|\d)"  # Indian grouping: 12,34,567
    r"|\d{1,3}(?: \d{3})+(?:\.\d+)?(?!\d)"  # 1 234 567
    r"|\d+(?:\.\d+)?|(?<![\d.])\.\d+)"
    r"(?:[eE][+-]?\d{1,3}(?![\w.]))?(?:\^-*\+?-*\d{1,3}(?!\d))?"  # 1.3e6, 1.1^23
)
_DECIMAL_COMMA = r"|(?<![\d,])\d+,\d{1,2}(?![\d,])"  # English only: "1,3", "5,00"
_DIGITS_EN = _DIGITS.replace(r"|\d+(?:\.\d+)?|", _DECIMAL_COMMA + r"|\d+(?:\.\d+)?|", 1)
# ４，５６５ but not $20，300; the comma comes first so that re scans for it in C
# İ ı ſ K: the only non-ASCII characters that re.IGNORECASE matches to ASCII letters
_FOLDS = "\u0130\u0131\u017f\u212a"
_FOLDS_TO_ASCII = re.compile(f"[{_FOLDS}]")
_FULLWIDTH_THOUSANDS = re.compile(r"，(?<=[０-９]，)(?=[０-９])")
# any character that _NORMALIZE rewrites: most texts have none and skip the translation
_TO_NORMALIZE = re.compile("[" + re.escape("".join(map(chr, _NORMALIZE))) + "]")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+", re.I)
_URL_HINTS = ("@", "://")
# "the top 100 real estate enterprises", "TOP10": a ranking group, not a count
_RANK_RE = re.compile(r"\b(?:top|Top|TOP)[- ]?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
                      r"twenty|fifty|hundred)\b")
_TIMES_COUNTED = {"次", "time", "times"}
_PER_TIME = re.compile(r"\s?/\s?(?:天|日|周|月|年|day|week|month|year)\b|/(?:天|日|周|月|年)")
# "($1 = 7.1475 yuan)", "(1 US dollar = 7.1 yuan)": a conversion note, not a figure
_FX_NOTE_RE = re.compile(r"[(（]\s*(?:US)?\$\s?1\s*=\s*[^()（）]{1,30}[)）]|[(（]\s*1\s*(?:US )?"
                         r"(?:dollars?|美元|欧元|euros?|港元)\s*=\s*[^()（）]{1,30}[)）]", re.I)


def _may_hold_url(text: str) -> bool:
    """Whether `_URL_RE` can match at all (it needs "@", "://" or "www."), so most texts skip it.

    Only "W" lowercases to "w", so `lower()` finds "www." in any case `re.I` would.
    """
    return any(h in text for h in _URL_HINTS) or "www." in text.lower()


_SIGN_CONTEXT = set(" \n\r([{:;,=/<>\"'“‘（【《：；，、")
# Small patterns of the finder's steps, compiled once: they run per number, and re's own
# pattern cache costs a lookup per call.
_BY_BEFORE = re.compile(r"(?:\bby|被)\s*\Z", re.I)
_CENTS_END = re.compile(r"[ ]*(?:$|[.,;:!?)\n]|(?i:and|or)\b)")
_CENTS_JOIN = re.compile(r"[ ]*(?:(?i:and)|&)?[ ]*")
_CLAUSE_MARK = re.compile(r"[.;:,!?\n]")
_COMMA_DECIMAL = re.compile(r"\d+,\d{1,2}")
_CONCAT_CONTEXT = re.compile(r"[ ]*[折年]")
_DASH_DIGIT = re.compile(r"-\d")
_DIGIT_BODY = re.compile(r"[\d., ]+")
_DIGIT_DASH_END = re.compile(r"\d-\Z")
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_EXPONENT = re.compile(r"[eE]([+-]?\d+)")
_FROM_BEFORE = re.compile(r"(?:\bfrom|从|由)\s*\Z", re.I)
_RANGE_FROM = re.compile(r"\brang(?:e|es|ed|ing)\s+from\s+$", re.I)
_GROUPED_DIGITS = re.compile(r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?"
                             r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")
_HYPHEN_WORD = re.compile(r"-[A-Za-z]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z.]*")
_LETTER_SUFFIX = re.compile(r"-[A-Z](?![A-Za-z])")
_NEXT_WORD = re.compile(r"[ ]+([A-Za-z]+)")
_NOT_DOZEN_AFTER = re.compile(r"[折对對]")
_NUMBER_BEFORE = re.compile(r"(\d|[A-Za-z]+)[ ]*\Z")
_OF_AFTER = re.compile(r"[ ]+of\b")
_PLURAL_S = re.compile(r"s(?![A-Za-z])")
_POWER = re.compile(r"\^(-*)\+?(-*)(\d+)")
_SPACE_LETTER = re.compile(r"[ ]+[A-Za-z]")
_SPACE_RUN = re.compile(r"\s+")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")


def _normalized(text: str) -> str:
    """Full-width digits, dashes and odd spaces as ASCII, same length (offsets stay valid)."""
    if "，" in text:
        text = _FULLWIDTH_THOUSANDS.sub(",", text)
    return text.translate(_NORMALIZE) if _TO_NORMALIZE.search(text) else text


def _is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


def _is_letter(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalpha()


def _alt(surfaces: list[tuple[str, bool]], *, spaced: bool = False) -> str:
    """Alternation, longest first; (surface, case_sensitive) pairs, CJK optionally spaced."""
    if not surfaces:
        return "(?!)"
    sensitive = sorted({s for s, case in surfaces if case})
    folded = sorted({s.lower() for s, case in surfaces if not case})
    # One trie per case rule: the regex engine walks shared prefixes once instead of trying
    # every alternative at every position; greedy optional ends keep longest-match order.
    parts = []
    if sensitive:
        parts.append(trie_regex(sensitive, spaced))
    if folded:
        parts.append(f"(?i:{trie_regex(folded, spaced)})")
    return "|".join(parts)


def _wb(alt: str) -> str:
    """Word boundaries that also work for surfaces made of symbols ("US$", "€ur")."""
    return rf"(?<![A-Za-z])(?:{alt})(?![A-Za-z])"


def _first_chars(surfaces: list[tuple[str, bool]]) -> str:
    """A lookahead body for the first character of any surface, with the surface's case rule.

    A scan tries its whole pattern at every position; this one-character test, implied by the
    pattern itself, rejects most positions at once without changing any match.
    """
    sensitive = "".join(sorted({s[0] for s, case in surfaces if case}))
    folded = "".join(sorted({s[0].lower() for s, case in surfaces if not case}))
    parts = [f"[{re.escape(sensitive)}]"] if sensitive else []
    parts += [f"(?i:[{re.escape(folded)}])"] if folded else []
    return "|".join(parts) or "(?!)"


def _guarded_wb(surfaces: list[tuple[str, bool]]) -> str:
    """`_wb` of the surfaces, led by a first-character test (for patterns scanned whole)."""
    return rf"(?=(?<![A-Za-z])(?:{_first_chars(surfaces)})){_wb(_alt(surfaces))}"


def _scan_alt(surfaces: list[tuple[str, bool]], *, word: bool) -> str | None:
    """`_alt(surfaces)` (in `_wb` when `word`) opening with a class of first characters.

    A pattern led by a lookahead is tried at every position of the text; one led by a class is
    only tried where `re` finds a character of the class, scanning for it in C. Each branch
    checks its first character behind it, with its table's case rule (as `first_char_branches`
    does). None when a first character is a space (a space in a surface matches a run) or
    outside ASCII with case: the lookahead form is kept then.
    """
    sensitive = sorted({s for s, case in surfaces if case})
    folded = sorted({s.lower() for s, case in surfaces if not case})
    firsts = {s[0] for s in [*sensitive, *folded]}
    if not surfaces or " " in firsts or any(not c.isascii() and c.lower() != c.upper()
                                            for c in firsts):
        return None
    chars = {s[0] for s in sensitive}
    cased = {c for s in folded for c in (s[0], s[0].upper())}
    chars |= cased | (set(_FOLDS) if any(c.isalpha() for c in cased) else set())
    parts = [f"(?:{first_char_branches(sensitive)[1]})"] if sensitive else []
    parts += [f"(?i:{first_char_branches(folded)[1]})"] if folded else []
    behind = r"(?<![A-Za-z][\s\S])" if word else ""
    after = r"(?![A-Za-z])" if word else ""
    return f"[{re.escape(''.join(sorted(chars)))}]{behind}(?:{'|'.join(parts)}){after}"


def _tidy(d: Decimal) -> Decimal:
    if d == d.to_integral_value():
        return Decimal(int(d))
    return d.normalize()


@dataclass(frozen=True)
class _Word:
    role: str
    value: Decimal
    row: dict


@dataclass
class _Lex:
    """Every table of one language, with the regexes compiled from it."""

    lang: str
    words: dict[str, _Word] = field(default_factory=dict)
    exact_words: dict[str, _Word] = field(default_factory=dict)
    fractions: dict[str, _Word] = field(default_factory=dict)
    scale_abbrev: dict[str, dict] = field(default_factory=dict)
    currency: dict[str, str] = field(default_factory=dict)
    currency_ci: dict[str, str] = field(default_factory=dict)
    coins: dict[str, dict] = field(default_factory=dict)
    subunits: dict[str, dict] = field(default_factory=dict)
    percent: dict[str, dict] = field(default_factory=dict)
    qualifiers: dict[str, dict] = field(default_factory=dict)
    counted: dict[str, dict] = field(default_factory=dict)
    counted_stop: set[str] = field(default_factory=set)
    multiples: dict[str, dict] = field(default_factory=dict)
    times_follow: set[str] = field(default_factory=set)
    range_open: dict[str, str] = field(default_factory=dict)
    range_mid: set[str] = field(default_factory=set)
    change_words: set[str] = field(default_factory=set)
    patterns: dict[str, re.Pattern] = field(default_factory=dict)
    # how a currency or qualifier written before a number can end (None: unknown)
    currency_ends: _Tails | None = None
    qualifier_ends: _Tails | None = None

    def currency_code(self, surface: str) -> str | None:
        """Code of a currency surface as matched (exact first, then case-insensitive)."""
        key = _SPACE_RUN.sub(" ", surface)
        return self.currency.get(key) or self.currency_ci.get(key.lower())

    def number_rows(self, *roles: str) -> list[dict]:
        """Number rows of the given roles (Chinese grammar builds its character classes)."""
        return [w.row for w in [*self.words.values(), *self.exact_words.values()]
                if w.role in roles]


@cache
def _lexicon(lang: str) -> _Lex:
    """Load, validate and compile the tables of one language (once per process)."""
    lex = _Lex(lang)
    cur_before: list[tuple[str, bool]] = []
    cur_after: list[tuple[str, bool]] = []
    for code, symbols in _currencies().items():
        for s in [code, *symbols]:
            lex.currency[s] = code
            cur_before.append((s, True))
            cur_after.append((s, True))
    by_kind: dict[str, list[dict]] = {}
    for row in _load_rows(lang):
        by_kind.setdefault(row["kind"], []).append(row)
        surface, kind, key = row["surface"], row["kind"], row["surface"].lower()
        sensitive = bool(row.get("case_sensitive", lang == "zh"))
        if kind == "number":
            word = _Word(row["role"], Decimal(str(row["value"])), row)
            if sensitive:
                lex.exact_words[surface] = word
            else:
                lex.words[key] = word
        elif kind == "fraction":
            lex.fractions[key] = _Word(row["role"], Decimal(row["value"]), row)
        elif kind == "scale_abbrev":
            lex.scale_abbrev[surface if sensitive else key] = row
        elif kind == "currency":
            if sensitive:
                lex.currency[surface] = row["code"]
            else:
                lex.currency_ci[key] = row["code"]
            if row["position"] in ("before", "both"):
                cur_before.append((surface, sensitive))
            if row["position"] in ("after", "both"):
                cur_after.append((surface, sensitive))
        elif kind == "qualifier":
            lex.qualifiers[f"{row['position']}:{key}"] = row
        elif kind == "range":
            if row["role"] == "open":
                lex.range_open[key] = row.get("mid", "")
            else:
                lex.range_mid.add(key)
        else:
            table = {"coin": lex.coins, "subunit": lex.subunits, "percent": lex.percent,
                     "counted": lex.counted, "multiple": lex.multiples}.get(kind)
            if table is not None:
                table[key] = row
            else:
                {"counted_stop": lex.counted_stop, "times_follow": lex.times_follow,
                 "change_word": lex.change_words}.get(kind, set()).add(key)
    _compile(lex, by_kind, cur_before, cur_after)
    lex.currency_ends = _Tails.of(cur_before)
    lex.qualifier_ends = _Tails.of(
        [(r["surface"], bool(r.get("case_sensitive", lang == "zh")))
         for r in by_kind.get("qualifier", []) if r["position"] == "before"])
    return lex


@dataclass(frozen=True, slots=True)
class _Tails:
    """How the surfaces of one table end: their last two characters (one for one-letter ones).

    A test of the two characters before a number costs far less than searching a window for a
    surface that ends there, and most numbers fail it.
    """

    exact: frozenset[str]  # of case-sensitive surfaces
    folded: frozenset[str]  # of case-insensitive ones, lowercased
    # every character a tail can end with, in both cases, and the characters re.I folds to ASCII
    last: frozenset[str]

    @staticmethod
    def of(surfaces: list[tuple[str, bool]]) -> _Tails | None:
        """The tails of `_alt(surfaces)`; None when a case-insensitive tail is not plain."""
        exact, folded = set(), set()
        for surface, sensitive in surfaces:
            tail = surface[-2:]
            if sensitive:
                exact.add(tail)
            elif tail.isascii() or tail.lower() == tail.upper():
                folded.add(tail.lower())
            else:
                return None
        last = {t[-1] for t in exact} | {c for t in folded for c in (t[-1], t[-1].upper())}
        return _Tails(frozenset(exact), frozenset(folded), frozenset(last | set(_FOLDS)))

    def may_end(self, text: str, pos: int, lo: int) -> bool:
        """Whether a surface can end with the character at `pos` and start at or after `lo`."""
        for piece in (text[pos], text[pos - 1:pos + 1] if pos > lo else None):
            if piece is None:
                break
            if piece in self.exact or piece.lower() in self.folded or _FOLDS_TO_ASCII.search(
                    piece):
                return True
        return False


_Surfaces = Callable[..., list[tuple[str, bool]]]


def _compile(lex: _Lex, by_kind: dict[str, list[dict]], cur_before: list[tuple[str, bool]],
             cur_after: list[tuple[str, bool]]) -> None:
    zh = lex.lang == "zh"
    p = lex.patterns
    tail = "" if zh else r"(?![A-Za-z])"

    def surfaces(kind: str, **where: str) -> list[tuple[str, bool]]:
        return [(r["surface"], bool(r.get("case_sensitive", zh))) for r in by_kind.get(kind, [])
                if all(r.get(k) == v for k, v in where.items())]

    def bounded(alt: str) -> str:
        return f"(?:{alt})" if zh else _wb(alt)

    def scanned(found: list[tuple[str, bool]]) -> str:
        """`bounded` for a pattern scanned over the whole text: first-character test in front."""
        fast = _scan_alt(found, word=not zh)
        if fast is not None:
            return fast
        if zh:
            return f"(?=(?:{_first_chars(found)})){bounded(_alt(found))}"
        return _guarded_wb(found)

    p["cur_before"] = re.compile(rf"(?:{_alt(cur_before)})[ ]{{0,2}}\Z")
    p["cur_after"] = re.compile(rf"[ ]{{0,2}}(?:-[ ]?)?({_alt(cur_after)}){tail}")
    p["scale"] = re.compile(rf"[ ]{{0,2}}({_alt(surfaces('scale_abbrev'))})(?![A-Za-z])")
    p["pct_after"] = re.compile(
        rf"[ ]*({_alt(surfaces('percent', position='after'), spaced=zh)}){tail}")
    p["pct_before"] = re.compile(rf"{bounded(_alt(surfaces('percent', position='before')))}"
                                 r"[ ]+\Z")
    p["qual_before"] = re.compile(
        rf"{bounded(_alt(surfaces('qualifier', position='before')))}[ ]*\Z")
    p["qual_after"] = re.compile(
        rf"[ ]*({bounded(_alt(surfaces('qualifier', position='after')))})")
    p["multiple_word"] = re.compile(scanned(surfaces("multiple", role="word")))
    p["not_number"] = re.compile(scanned(surfaces("not_number")))
    p["coin"] = re.compile(rf"[ ]{{0,2}}(?:-[ ]?)?({_alt(surfaces('coin'))})(?![A-Za-z])")
    p["subunit"] = re.compile(rf"[ ]*({_alt(surfaces('subunit'))}){tail}")
    mids = [(m, False) for m in lex.range_mid]
    p["range_mid"] = re.compile(rf"[ ]*{bounded(_alt(mids))}[ ]*\Z")
    if zh:
        _compile_zh(lex, by_kind, surfaces)
    else:
        _compile_en(lex, by_kind, surfaces)


def _compile_en(lex: _Lex, by_kind: dict[str, list[dict]], surfaces: _Surfaces) -> None:
    connectors = {"article", "and", "over", "point", "sign"}
    core, conn = [], []
    for r in by_kind.get("number", []):
        pair = (r["surface"], bool(r.get("case_sensitive", False)))
        (conn if r["role"] in connectors else core).append(pair)
    core += surfaces("fraction")
    core_re = rf"(?:{_DIGITS_EN}|{_wb(_alt(core))})"
    conn_re = _wb(_alt(conn))
    sep = r"[ ]*(?:[-,][ ]*)?"
    p = lex.patterns
    # A run is number words and digits with their connectors; the parser splits it.
    # a run starts with a digit, a dot or a word of the tables: test that character first
    first = rf"(?=[\d.]|(?<![A-Za-z])(?:{_first_chars(core + conn)}))"
    p["run"] = re.compile(
        rf"{first}(?:{conn_re}{sep})*{core_re}(?:{sep}(?:{core_re}|{conn_re}))*")
    p["token"] = re.compile(rf"(?:{_DIGITS_EN}|{_wb(_alt(core + conn))})")
    after_article = [(s, False) for s in [*lex.currency_ci, *lex.coins]
                     if s.isascii() and s.isalpha() and not s.endswith("s")]
    # \b(?i:an?) written to open with a class (re scans for it in C): [aA], then no letter
    # before it; re.I folds no other character to "a" or "n"
    p["article_money"] = re.compile(
        rf"[aA](?<![A-Za-z][aA])[nN]?[ ]+(?=(?:{_alt(after_article)})(?![A-Za-z]))")
    p["range_open"] = re.compile(
        rf"{_wb(_alt([(o, False) for o in lex.range_open]))}[ ]+\Z")
    glued = [s for s in surfaces("multiple", role="suffix") if len(s[0]) == 1]
    spaced = [s for s in surfaces("multiple", role="suffix") if len(s[0]) > 1]
    p["times"] = re.compile(
        rf"[ ]+({_alt(surfaces('multiple', role='times'))})(?![A-Za-z])(?:[ ]+([A-Za-z]+))?")
    p["fold"] = re.compile(rf"[- ]?(?:{_alt(spaced)})(?![A-Za-z])|(?:{_alt(glued)})(?![A-Za-z])")
    p["digit_fraction"] = re.compile(
        r"(?=\d)(?<![\d/.,-])(?:(\d{1,3})[ ]+)?(\d{1,4})/(\d{1,4})(?![\d/]|-\d|\.\d)")
    # Up to two modifiers before a counted noun ("100 million software users"), never a stop
    # word ("3 of the users") or a number word.
    stops = _alt([(w, False) for w in [*lex.counted_stop, *lex.words]])
    # a size is a modifier too: "60,000 12-inch wafers"
    modifier = (rf"(?:(?!(?:{stops})(?![\w'-]))[A-Za-z][\w'-]*"
                rf"|\d+(?:\.\d+)?-(?:inch|nanometer|nm|mm|millimeter))[ ]+")
    p["counted"] = re.compile(
        rf"[ -]+((?:{modifier}){{0,2}})({_alt(surfaces('counted'))})(?![A-Za-z])")


def _compile_zh(lex: _Lex, by_kind: dict[str, list[dict]], surfaces: _Surfaces) -> None:
    def chars(*roles: str) -> str:
        return "".join(sorted({r["surface"] for r in lex.number_rows(*roles)
                               if not r.get("not_before")}))

    # 千克 (kg), 兆瓦 (MW): a multiplier that starts a unit word is not part of the number.
    guarded = "|".join(f"{re.escape(r['surface'])}(?![{re.escape(r['not_before'])}])"
                       for r in lex.number_rows("multiplier") if r.get("not_before"))
    numeral = rf"[{chars('digit', 'multiplier', 'tens')}]" + (f"|{guarded}" if guarded else "")
    # 两 is never a decimal digit: 一点两小时 is "one o'clock, two hours".
    decimals = "".join(sorted({r["surface"] for r in lex.number_rows("digit")
                               if r["surface"] not in "两兩倆俩"}))
    points, approx, signs, joins = (chars(role) for role in ("point", "approx", "sign", "and"))
    tok = rf"(?:{_DIGITS}|{numeral})"
    point = rf"[{points}](?=[ ]*(?:\d|[{decimals}]))"
    run = rf"(?:[{signs}][ ]*)?{tok}(?:[ ]*(?:{tok}|{point}|[{approx}]))*"
    halves = _alt(surfaces("number", role="half_word"))
    p = lex.patterns
    starts = "".join(sorted({r["surface"][0] for r in lex.number_rows(
        "digit", "multiplier", "tens", "sign", "half_word")}))
    # every character a run (and a join) can consume: 分之 must follow a stretch of them, or the
    # fraction cannot match. Testing that first keeps a long digit run without 分之 from being
    # split every possible way (exponential) before the fraction gives up.
    run_chars = re.escape("".join(sorted({c for r in lex.number_rows(
        "digit", "multiplier", "tens", "point", "approx", "sign", "and") for c in r["surface"]})))
    p["run"] = re.compile(
        rf"(?=[\d.{starts}])"  # cheap first-character test before the alternation
        rf"(?:(?=[\d.,eE+\-^ {run_chars}]*分[ ]*之)"
        rf"(?:(?P<whole>{run})[ ]*[{joins}][ ]*)?(?P<den>{run})[ ]*分[ ]*之[ ]*(?P<num>{run})"
        rf"|(?P<dfrac>(?<![\d/.,-])(?:\d{{1,3}}[ ]+)?\d{{1,4}}/\d{{1,4}}(?![\d/]|-\d|\.\d))"
        rf"|(?P<half>{halves})"
        rf"|(?P<run>{run}))")
    p["cn_token"] = re.compile(
        rf"(?P<a>{_DIGITS})|(?P<c>{numeral})|(?P<p>[{points}])|(?P<q>[{approx}])"
        rf"|(?P<s>[{signs}])")
    p["digit_fraction"] = re.compile(r"(?:(\d{1,3})[ ]+)?(\d{1,4})/(\d{1,4})")
    small = rf"(?:\d{{1,2}}|[{decimals}两兩])"
    tenths = _alt(surfaces("subunit", value="0.1"))
    hundredths = _alt(surfaces("subunit"))
    p["cn_subunit"] = re.compile(
        rf"[ ]*(?:[{joins}][ ]*)?({small})[ ]*(?:{tenths})(?:[ ]*({small})[ ]*分?)?"  # 五毛八
        rf"|[ ]*(?:[{joins}][ ]*)?({small})[ ]*({hundredths})"  # 三美分, 四分
        rf"|[ ]*[零〇]({small})分?"  # 三块零四
        rf"|({small})(?=[ ]*(?:$|[至到~\-,.;:!?，。；：！？、）)\s]))")  # 一块二
    p["counted"] = re.compile(rf"[ ]*({_alt(surfaces('counted', role='measure'))})?[ ]*"
                              rf"({_alt(surfaces('counted', role='noun'))})?")


# --------------------------------------------------------------------------------------------
# The finder: numbers first, grown into quantities with their units; then cents, qualifiers
# and ranges over the sorted list.


@dataclass(slots=True)
class _Num:
    """A bare number as parsed from a run, before units are attached."""

    start: int
    end: int
    value: Decimal
    scale: Decimal = Decimal(1)
    first_digits: bool = False
    last_digits: bool = False
    integer: bool = False
    qualifier: str | None = None
    lone: str = ""


@dataclass(slots=True)
class _Q:
    start: int
    end: int
    amount: Decimal
    unit: str | None = None
    counted: str | None = None
    qualifier: str = "exact"
    qualifier_start: int | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    scale: Decimal = Decimal(1)
    integer: bool = False
    inner: str | None = None
    minor: Decimal | None = None


@dataclass(slots=True)
class _Tok:
    kind: str
    value: Decimal
    start: int
    end: int
    text: str = ""
    role: str = ""
    integer: bool = True
    qualifier: str | None = None


class _Finder:
    """One pass over one text; holds the normalized copy that all regexes run on."""

    def __init__(self, text: str, lex: _Lex) -> None:
        self.text = _normalized(text)
        self.lex = lex
        self.p = lex.patterns
        self.last_end = 0
        self.blocked = [(m.start(), m.end()) for m in _URL_RE.finditer(self.text)] \
            if _may_hold_url(self.text) else []
        self.blocked += [(m.start(), m.end()) for m in self.p["not_number"].finditer(self.text)]
        self.blocked += [(m.start(), m.end()) for m in _RANK_RE.finditer(self.text)]
        if "=" in self.text:
            self.blocked += [(m.start(), m.end()) for m in _FX_NOTE_RE.finditer(self.text)]

    def run(self) -> list[_Q]:
        atoms = self.atoms_zh() if self.lex.lang == "zh" else self.atoms_en()
        atoms += self.multiple_words()
        atoms = _resolve([q for q in atoms if not self.inside_blocked(q.start, q.end)])
        if self.lex.lang == "en":
            atoms = self.merge_cents(atoms)
        for q in atoms:
            self.qualify(q)
            self.per_time(q)
        return _resolve(self.merge_ranges(atoms))

    def per_time(self, q: _Q) -> None:
        """"4.2次/天", "3 times a day": a rate per unit of time is a multiple, not a count."""
        if q.unit != "count" or q.counted not in _TIMES_COUNTED:
            return
        m = _PER_TIME.match(self.text, q.end)
        if m is not None:
            q.end, q.unit, q.counted = m.end(), "x", None

    def inside_blocked(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.blocked)

    def keep(self, q: _Q | None, out: list[_Q]) -> None:
        if q is not None:
            out.append(q)
            self.last_end = max(self.last_end, q.end)

    # ---- shared steps ----------------------------------------------------------------------

    def multiple_words(self) -> list[_Q]:
        out = []
        for m in self.p["multiple_word"].finditer(self.text):
            row = self.lex.multiples.get(_SPACE_RUN.sub(" ", m.group(0)).lower())
            if row and row.get("value"):
                out.append(_Q(m.start(), m.end(), Decimal(row["value"]), unit="x"))
        return out

    def sign_before(self, s: int) -> int:
        """Start of a minus written right before `s` ("-5", "- 5" at line start), else `s`."""
        t = self.text
        if 0 < self.last_end and s - 1 <= self.last_end:
            return s  # "五元六角-五元七毛八分": a dash right after a quantity joins a range
        if s >= 1 and t[s - 1] == "-":
            before = t[s - 2] if s >= 2 else ""
            if not before or before in _SIGN_CONTEXT or _is_cjk(before):
                return s - 1
        if s >= 2 and t[s - 2:s] == "- " and (s == 2 or t[s - 3] in "\n(:="):
            return s - 2
        return s

    def currency_before(self, s: int) -> tuple[str, int] | None:
        lo = max(0, s - 24)
        if not self.may_end_at(self.lex.currency_ends, lo, s, 2):
            return None
        m = self.p["cur_before"].search(self.text, lo, s)
        if not m or m.start() < self.last_end:
            return None  # "4人民币5美元": 人民币 already closed the previous quantity
        surface = m.group(0).rstrip(" ")
        code = self.lex.currency_code(surface)
        if code is None or (_is_letter(surface[0]) and _is_letter(self.text[m.start() - 1:
                                                                             m.start()])):
            return None
        return code, m.start()

    def may_end_at(self, ends: _Tails | None, lo: int, s: int, spaces: int) -> bool:
        """Whether a surface of `ends`, then up to `spaces` spaces, can end at `s` (from `lo`).

        Searching a window before a number for "surface + spaces + end" costs far more than
        looking at the characters before the spaces, and most numbers fail that test.
        """
        if ends is None:
            return True
        text, last = self.text, ends.last
        for pos in range(s - 1, max(lo, s - spaces - 1) - 1, -1):
            char = text[pos]
            # a tail ends with a character of `last`, unless a folding character precedes it
            if (char in last or (pos > lo and text[pos - 1] in _FOLDS)) and ends.may_end(
                    text, pos, lo):
                return True
            if char != " ":
                return False
        return False

    def glued_left(self, s: int) -> bool:
        """Digits glued to a word on the left are part of a name: "V4", "A2021", "GPT-4"."""
        prev = self.text[s - 1:s]
        return _is_letter(prev) or prev == "_" or (
            prev == "-" and _is_letter(self.text[s - 2:s - 1]))

    def left(self, q: _Q, n: _Num) -> bool:
        """Currency prefix and minus sign; False when the number is glued to a name."""
        found = self.currency_before(q.start)
        if found:
            q.unit, q.start = found
        elif n.first_digits and self.glued_left(q.start):
            return False
        if q.amount >= 0:
            signed = self.sign_before(q.start)
            if signed < q.start:
                q.amount, q.start = -q.amount, signed
        return True

    def scale_abbrev(self, q: _Q) -> None:
        m = self.p["scale"].match(self.text, q.end)
        if not m:
            return
        row = self.lex.scale_abbrev.get(m.group(1)) or self.lex.scale_abbrev.get(
            m.group(1).lower())
        if row is None or (row.get("case_sensitive") and m.group(1) not in self.lex.scale_abbrev):
            return
        if row.get("needs_currency") and not (q.unit or self.p["cur_after"].match(self.text,
                                                                                  m.end())):
            return  # "1m" is a metre unless money is around: "$1m", "1m euros"
        factor = Decimal(row["value"])
        q.amount, q.scale, q.end = q.amount * factor, q.scale * factor, m.end()

    def percent_after(self, q: _Q) -> None:
        m = self.p["pct_after"].match(self.text, q.end)
        if not m:
            return
        row = self.lex.percent.get(_SPACE_RUN.sub(" " if self.lex.lang == "en" else "",
                                          m.group(1)).lower())
        if row is None:  # re.I folds "ſ" to "s" and the Kelvin sign to "k"; lower() does not
            return
        amount = _percent_amount(row, q.amount, self.text, m.end())
        if amount is not None:
            (q.amount, q.end), q.unit = amount, row["unit"]

    def currency_after(self, q: _Q) -> None:
        m = self.p["cur_after"].match(self.text, q.end)
        if not m:
            return
        code = self.lex.currency_code(m.group(1))
        wordlike = m.group(1)[0].isalpha()
        if code is None or ("-" in self.text[q.end:m.start(1)] and not wordlike):
            return  # "$10-$20": the dash belongs to a range
        if q.unit is None or (q.unit == code and wordlike):
            q.unit, q.end = code, m.end()

    def qualify(self, q: _Q) -> None:
        lo = max(0, q.start - 30)
        before = _qualifier_before(self.lex, self.text, q.start) \
            if self.may_end_at(self.lex.qualifier_ends, lo, q.start, 30) else None
        if before is not None:
            q.qualifier, q.qualifier_start = before
            return
        m = self.p["qual_after"].match(self.text, q.end)
        row = m and self.lex.qualifiers.get(
            "after:" + _SPACE_RUN.sub(" ", m.group(1).strip()).lower())
        if m and row:
            q.qualifier, q.qualifier_start = row["qualifier"], m.start(1)
        elif q.inner:
            q.qualifier = q.inner

    def merge_ranges(self, qs: list[_Q]) -> list[_Q]:
        out: list[_Q] = []
        i = 0
        while i < len(qs):
            merged = self.range_of(qs[i], qs[i + 1]) if i + 1 < len(qs) else None
            out.append(merged or qs[i])
            i += 2 if merged else 1
        return out

    def range_of(self, a: _Q, b: _Q) -> _Q | None:
        """One quantity for "3至5亿元", "20-30%", "between 2 and 3 billion dollars"."""
        prefixed = b.qualifier_start is not None and b.qualifier_start < b.start
        if (prefixed or a.low is not None or "x" in (a.unit, b.unit)
                or (a.unit and b.unit and a.unit != b.unit)
                or (a.unit is None and b.unit is None and a.scale == b.scale == 1)):
            return None
        gap = self.text[a.end:b.start]
        if not gap.strip() or not self.p["range_mid"].fullmatch(gap):
            return None
        if self.not_a_range(a, b):
            return None
        open_start = None
        if self.lex.lang == "en":
            word = gap.strip().lower()
            left = a.qualifier_start if a.qualifier_start is not None else a.start
            om = self.p["range_open"].search(self.text, max(0, left - 12), left)
            opener = om.group(0).strip().lower() if om else None
            if opener and self.lex.range_open.get(opener) != word:
                opener = None
            if word == "and" and opener is None:
                return None  # "and" joins bounds only after "between"
            if (word.isalpha() and word != "and") or opener == "from":
                both_percent = a.unit == b.unit == "%" and opener != "from"
                if self.change_before(om.start() if om and opener else left) and not both_percent:
                    return None  # "rose from 5% to 7%" is a change, not a range
            if word == "-" and (_DASH_DIGIT.match(self.text[b.end:b.end + 2])
                                or _DIGIT_DASH_END.search(self.text[max(0, a.start - 2):a.start])):
                return None  # 1-222-2222 is a phone number
            open_start = om.start() if opener and om else None
        low, high = a.amount, b.amount
        if a.scale == 1 and b.scale != 1 and (a.unit is None or b.unit in (None, a.unit)):
            low = low * b.scale  # the scale applies to both bounds: 3至5亿元
        if low > high:
            return None
        return _Q(a.start, b.end, low, unit=b.unit or a.unit, counted=b.counted or a.counted,
                  qualifier="range", qualifier_start=open_start if open_start is not None
                  else a.qualifier_start, low=low, high=high, scale=b.scale)

    def not_a_range(self, a: _Q, b: _Q) -> bool:
        """Two quantities that only look like a range.

        "cut by 14,000 yuan to 231,900 yuan" is a change and its result, and so is "from 10,000
        yuan to 20,000 yuan" when both ends carry their unit ("from 10 to 20 dollars" is a
        range); "in 2022 to 4.7 billion yuan" is a year and an amount.
        """
        left = a.qualifier_start if a.qualifier_start is not None else a.start
        before = self.text[max(0, left - 6):left]
        if _BY_BEFORE.search(before) and not a.unit == b.unit == "%":
            return True  # "increase by 13% to 15%" stays a range of rates
        if a.unit is not None and _FROM_BEFORE.search(before) and not _RANGE_FROM.search(
                self.text, max(0, left - 20), left):
            return True  # ... but "is expected to range from 18.87 to 19.44 billion yuan"
        if self.lex.lang == "zh" and a.unit is not None and not a.unit == b.unit == "%" and any(
                before.rstrip("了 ").endswith(w) for w in self.lex.change_words):
            return True  # 售价下调1.8万元至30.18万元: the cut and the new price
        year = _YEAR_DIGITS.fullmatch(self.text[a.start:a.end]) is not None
        return year and a.unit is None and (b.unit is not None or b.scale != 1)

    def change_before(self, pos: int) -> bool:
        clause = _CLAUSE_MARK.split(self.text[max(0, pos - 60):pos])[-1]
        words = _LATIN_WORD.findall(clause)[-4:]
        return any(w.lower() in self.lex.change_words for w in words)

    # ---- English ---------------------------------------------------------------------------

    def atoms_en(self) -> list[_Q]:
        out: list[_Q] = []
        taken: list[tuple[int, int]] = []
        fractions = self.p["digit_fraction"].finditer(self.text) if "/" in self.text else ()
        for m in fractions:
            q = self.digit_fraction(m)
            if q is not None:
                out.append(q)
                taken.append((m.start(), m.end()))
        for m in self.p["run"].finditer(self.text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            for num in self.parse_en_run(m.start(), m.end()):
                if not self.inside_blocked(num.start, num.end) and num.start >= self.last_end:
                    self.keep(self.attach_en(num), out)
        for m in self.p["article_money"].finditer(self.text):  # "a dollar", "a dime"
            num = _Num(m.start(), m.start() + len(m.group(0).rstrip()), Decimal(1), integer=True)
            q = self.attach_en(num, article=True)
            if q is not None:
                out.append(q)
        return out

    def digit_fraction(self, m: re.Match) -> _Q | None:
        whole, a, b = m.group(1), Decimal(m.group(2)), Decimal(m.group(3))
        if b == 0 or a == 0:
            return None
        return _Q(m.start(), m.end(), a / b + (Decimal(whole) if whole else 0))

    def en_tokens(self, start: int, end: int) -> list[_Tok]:
        raw = self.text[start:end]
        if raw.isdecimal():  # most runs are plain digits: the token regex would find just them
            return [_Tok("num", Decimal(raw), start, end, raw)]
        toks = []
        for m in self.p["token"].finditer(self.text, start, end):
            raw = m.group(0)
            if raw[0].isdigit() or raw[0] == ".":
                for value, s, e, integer in _digit_values(raw, m.start(), "en"):
                    toks.append(_Tok("num", value, s, e, raw, integer=integer))
                continue
            key = (_SPACE_RUN.sub(" ", raw) if " " in raw else raw).lower()  # only spaces
            word = self.lex.exact_words.get(raw) or self.lex.words.get(key)
            frac = self.lex.fractions.get(key)
            if word is not None:
                toks.append(_Tok(word.role, word.value, m.start(), m.end(), raw, word.role,
                                 qualifier=word.row.get("qualifier")))
            elif frac is not None:
                toks.append(_Tok("frac", frac.value, m.start(), m.end(), raw, frac.role))
            else:
                toks.append(_Tok("stop", Decimal(0), m.start(), m.end(), raw))
        return toks

    def parse_en_run(self, start: int, end: int) -> list[_Num]:
        toks = self.en_tokens(start, end)
        out: list[_Num] = []
        i, n = 0, len(toks)
        while i < n:
            sign, first = 1, i
            if toks[i].kind == "sign" and i + 1 < n:
                sign, i = -1, i + 1
            best = _en_fraction(toks, i, self.text)
            card = _en_cardinal(toks, i)
            if card is not None and (best is None or card.end > best.end):
                best = card
            if best is None:
                i = first + 1
                continue
            j = best.end
            if j + 1 < n and toks[j].kind == "over":  # "one over three", not "over 3 years"
                den = _en_cardinal(toks, j + 1)
                if den is not None and den.value != 0 and not _SPACE_LETTER.match(
                        self.text[toks[den.end - 1].end:]):
                    best = _Parsed(best.value / den.value, den.end, integer=False)
                    j = den.end
            out.append(_Num(toks[first].start, toks[j - 1].end, sign * best.value,
                            scale=best.scale, first_digits=toks[i].kind == "num" and sign == 1,
                            last_digits=toks[j - 1].kind == "num", integer=best.integer,
                            qualifier=best.qualifier))
            i = j
        return out

    def attach_en(self, n: _Num, article: bool = False) -> _Q | None:
        """Grow a bare English number into a quantity: currency, scale, unit, counted noun."""
        t = self.text
        q = _Q(n.start, n.end, n.value, scale=n.scale, inner=n.qualifier)
        if n.first_digits and not self.left(q, n):
            return None
        if n.last_digits and q.scale == 1:
            self.scale_abbrev(q)
        if q.unit is None:
            self.percent_after(q)
        self.currency_after(q)
        if q.unit is None:
            self.coin_after(q, n, article)
        if article and (q.unit is None or not self.free_after(q.end)):
            return None
        if q.unit is None:
            self.multiple_after(q, n)
        if q.unit is None:
            self.counted_after(q, n)
        if n.last_digits and _LETTER_SUFFIX.match(t[q.end:q.end + 3]):
            return None  # "10-K", "Form 10-Q": a name
        if n.last_digits and _is_letter(t[q.end:q.end + 1]) and not (
                q.unit is None and (_PLURAL_S.match(t[q.end:q.end + 2]) and n.integer
                                    or self.p["subunit"].match(t, q.end))):
            return None  # glued to letters: "180ml", "5G", "4th"; "1960s" is a year
        if q.unit is None:
            m = self.p["pct_before"].search(t, max(0, q.start - 20), q.start)
            if m and not self.number_ends_at(m.start()):
                q.unit, q.start = "%", m.start()  # "percent of 10"
        converted = self.last_end > 0 and q.start - 1 - self.last_end <= 3  # "X yuan ($Y)"
        if (q.unit and len(q.unit) == 3 and t[q.start - 1:q.start] == "("
                and t[q.end:q.end + 1] == ")" and not converted):
            q.amount, q.start, q.end = -q.amount, q.start - 1, q.end + 1  # accounting negative
        q.integer = n.integer and q.scale == 1 and q.minor is None
        return q

    def coin_after(self, q: _Q, n: _Num, article: bool) -> None:
        m = self.p["coin"].match(self.text, q.end)
        if not m:
            return
        word = m.group(1).lower()
        row = self.lex.coins[word]
        if word == "grand" and not (article or self.free_after(m.end())):
            return  # "a grand total"
        if word in self.lex.subunits and n.integer and 0 <= q.amount < 100:
            q.minor = q.amount  # "43 cents" after "$20" becomes 20.43
        q.unit, q.amount, q.end = row["code"], q.amount * Decimal(row["value"]), m.end()

    def multiple_after(self, q: _Q, n: _Num) -> None:
        m = self.p["fold"].match(self.text, q.end)
        if m and (m.group(0)[:1] not in "xX" or (n.last_digits and m.start() == q.end)):
            q.unit, q.end = "x", m.end()  # "3x", "2-fold"
            return
        m = self.p["times"].match(self.text, q.end)
        if m:
            q.end = m.end(1)
            if (m.group(2) or "").lower() in self.lex.times_follow:
                q.unit = "x"  # "3 times higher"
            else:
                q.unit, q.counted = "count", "time"  # "131 million times"

    def counted_after(self, q: _Q, n: _Num) -> None:
        m = self.p["counted"].match(self.text, q.end)
        if not m:
            return
        mods = m.group(1).split()
        year_like = n.integer and q.scale == 1 and 1900 <= q.amount <= 2099
        if (year_like and mods) or any(self.lex.currency_code(w) for w in mods):
            return
        row = self.lex.counted.get(_SPACE_RUN.sub(" ", m.group(2)).lower())
        if row is None:  # matched only through Unicode case folding ("ſ")
            return
        q.unit, q.end = "count", m.end()
        q.counted = " ".join([*mods, row.get("lemma", m.group(2))])

    def number_ends_at(self, pos: int) -> bool:
        """A number written right before `pos` ("30 percent of 10": 10 is not the percentage)."""
        m = _NUMBER_BEFORE.search(self.text[max(0, pos - 20):pos])
        return bool(m) and (m.group(1).isdigit() or m.group(1).lower() in self.lex.words)

    def free_after(self, e: int) -> bool:
        """No noun follows ("a grand total" is not money, "a grand." is)."""
        m = _NEXT_WORD.match(self.text[e:e + 40])
        return m is None or m.group(1).lower() in self.lex.counted_stop

    def merge_cents(self, qs: list[_Q]) -> list[_Q]:
        """"$20 and 43c", "twenty dollar 43", "3 GBP 1 pence": minor units join the amount."""
        out: list[_Q] = []
        i = 0
        while i < len(qs):
            a = qs[i]
            b = qs[i + 1] if i + 1 < len(qs) else None
            merged = self.cents_of(a, b) if b is not None else None
            out.append(merged or a)
            i += 2 if merged else 1
        return out

    def cents_of(self, a: _Q, b: _Q) -> _Q | None:
        if not (a.unit and len(a.unit) == 3 and a.integer
                and ((b.unit is None and b.integer) or b.minor is not None)):
            return None
        cents = b.amount if b.minor is None else b.minor
        if not (0 <= cents < 100 and _CENTS_JOIN.fullmatch(self.text[a.end:b.start])):
            return None
        m = self.p["subunit"].match(self.text, b.end) if b.minor is None else None
        end = m.end() if m else b.end
        if not (m or b.minor is not None or _CENTS_END.match(self.text[end:end + 6])):
            return None  # "$20 and 43 employees"
        return _Q(a.start, end, a.amount + cents / 100, unit=a.unit, scale=a.scale)

    # ---- Chinese ---------------------------------------------------------------------------

    def atoms_zh(self) -> list[_Q]:
        out: list[_Q] = []
        for m in self.p["run"].finditer(self.text):
            if m.group("num") is not None:
                self.keep(self.zh_fraction(m), out)
            elif m.group("dfrac") is not None:
                fm = self.p["digit_fraction"].fullmatch(m.group("dfrac"))
                q = self.digit_fraction(fm) if fm else None
                if q is not None:
                    q.start, q.end = m.start(), m.end()
                    self.keep(q, out)
            elif m.group("half") is not None:
                self.keep(self.zh_half(m), out)
            else:
                for num in self.parse_zh_run(m.start(), m.end()):
                    if not self.inside_blocked(num.start, num.end) and num.start >= self.last_end:
                        self.keep(self.attach_zh(num), out)
        return out

    def zh_half(self, m: re.Match) -> _Q:
        word = m.group("half")
        row = self.lex.exact_words[word].row
        unit = row.get("unit") or None
        return _Q(m.start(), m.end(), Decimal(row["value"]), unit=unit,
                  counted=word[-1] if unit == "count" else None)

    def zh_fraction(self, m: re.Match) -> _Q | None:
        """X分之Y: 五分之二 = 0.4; with only 百/千/万 below it is a percentage (千分之一 = 0.1%)."""
        den_toks = self.cn_tokens(m.start("den"), m.end("den"))
        num_toks = self.cn_tokens(m.start("num"), m.end("num"))
        den, num = _cn_value(den_toks), _cn_value(num_toks)
        if den is None or num is None or den[0] == 0:
            return None
        dv, nv = abs(den[0]), abs(num[0])
        q = _Q(m.start(), m.end(), nv / dv)
        if all(t.kind == "m" for t in den_toks if t.kind != "s"):
            q.amount, q.unit = nv * 100 / dv, "%"
            if num_toks and num_toks[-1].kind == "a":
                self.scale_abbrev(q)  # 百分之15K
            return q
        if nv != nv.to_integral_value():
            return None  # 五百分之2.2 is not a fraction
        if m.group("whole") is not None:
            whole = _cn_value(self.cn_tokens(m.start("whole"), m.end("whole")))
            if whole is None:
                return None
            q.amount += whole[0]
        return q

    def cn_tokens(self, start: int, end: int) -> list[_Tok]:
        raw = self.text[start:end]
        if raw.isdecimal():  # plain digits: the token regex would find just them
            return [_Tok("a", Decimal(raw), start, end, raw)]
        toks: list[_Tok] = []
        for m in self.p["cn_token"].finditer(self.text, start, end):
            kind, raw = m.lastgroup or "", m.group(0)
            if kind == "a":
                for value, s, e, integer in _digit_values(raw, m.start(), "zh"):
                    toks.append(_Tok("a", value, s, e, raw, integer=integer))
                continue
            word = self.lex.exact_words[raw]
            if kind == "c":
                kind = {"digit": "z" if word.value == 0 else "d", "multiplier": "m",
                        "tens": "t"}[word.role]
            toks.append(_Tok(kind, word.value, m.start(), m.end(), raw,
                             "financial" if word.row.get("financial") else "",
                             qualifier=word.row.get("qualifier")))
        return toks

    def parse_zh_run(self, start: int, end: int) -> list[_Num]:
        """A run of numerals → numbers; malformed runs are split at spaces or dropped."""
        toks = self.cn_tokens(start, end)
        if not toks:
            return []
        whole = _cn_value(toks)
        if whole is None and self.concat_context(toks[-1].end):
            whole = self.concat(toks)
        groups: list[tuple[list[_Tok], tuple[Decimal, str | None] | None]] = [(toks, whole)]
        if whole is None:
            parts = _split_at_spaces(toks)
            if len(parts) == 1:
                parts = [[t] for t in toks] if all(t.kind == "a" for t in toks) else []
            groups = [(g, _cn_value(g) or self.concat(g)) for g in parts]
        out = []
        for g, res in groups:
            body = [t for t in g if t.kind not in ("s", "q")]
            if res is None or not body:
                continue
            value, qual = res
            if all(t.kind == "m" for t in body) and not (
                    body[0].value == 10 or (len(body) > 1 and body[0].value in (100, 1000))):
                lone = "needs_unit"  # 万 alone is no number, but 万卡 is
            elif len(body) == 1 and body[0].kind in ("d", "z") and body[0].role:
                lone = "financial"  # 陆 alone: 陆地, 登陆
            else:
                lone = ""
            out.append(_Num(g[0].start, g[-1].end, value, scale=_cn_scale(g),
                            first_digits=g[0].kind == "a", last_digits=g[-1].kind == "a",
                            integer=value == value.to_integral_value(), qualifier=qual,
                            lone=lone))
        return out

    def concat_context(self, end: int) -> bool:
        return bool(_CONCAT_CONTEXT.match(self.text[end:end + 3]))

    def concat(self, toks: list[_Tok]) -> tuple[Decimal, str | None] | None:
        """Digits read one by one: years (二〇二一年), discounts (三八折, 7 2 折)."""
        if not toks or any(t.kind not in ("d", "z", "a") for t in toks):
            return None
        if any(t.kind == "a" and not t.integer for t in toks[:-1]):
            return None
        if len(toks) < 3 and not self.concat_context(toks[-1].end):
            return None  # 两两, 二三 are not numbers
        digits = "".join(t.text if t.kind == "a" else str(int(t.value)) for t in toks)
        try:
            return Decimal(digits), None
        except InvalidOperation:
            return None

    def attach_zh(self, n: _Num) -> _Q | None:
        """Grow a Chinese number into a quantity: currency, %, 成/折, 倍, measure word."""
        t = self.text
        q = _Q(n.start, n.end, n.value, scale=n.scale, inner=n.qualifier)
        if not self.left(q, n):
            return None
        prefix = q.unit
        if n.last_digits:
            self.scale_abbrev(q)
            if _is_letter(t[q.end:q.end + 1]):
                return None  # "5G", "4S店"
        if q.unit is None:
            self.percent_after(q)
        suffix = self.lex.multiples.get(t[q.end:q.end + 1])
        if q.unit is None and suffix and suffix["role"] == "suffix":
            q.unit, q.end = "x", q.end + 1  # 3倍
        if q.unit is None or q.unit == prefix:
            self.currency_after(q)
        dozen = self.lex.exact_words.get(t[q.end:q.end + 1])
        if q.unit is None and dozen and dozen.role == "dozen" and not _NOT_DOZEN_AFTER.match(
                t[q.end + 1:q.end + 2]):
            q.amount, q.end = q.amount * dozen.value, q.end + 1  # 五打 = 60, but 打折
        if prefix and q.unit == prefix and t[q.end:q.end + 1] in "个個":
            sub = self.p["cn_subunit"].match(t, q.end + 1)
            if sub and sub.group(1):
                q.end += 1  # Cantonese: 港幣三個一毫四 = HK$3.14
        if q.unit is None:
            m = self.p["counted"].match(t, q.end)
            if m and (m.group(1) or m.group(2)):
                q.unit, q.counted, q.end = "count", m.group(2) or m.group(1), m.end()
                if t[q.end:q.end + 1] == "半" and q.counted in "个個":
                    q.amount, q.end = q.amount + Decimal("0.5"), q.end + 1  # 一个半
        if q.unit and len(q.unit) == 3 and n.integer and q.scale == 1:
            sub = self.p["cn_subunit"].match(t, q.end)
            extra = _cn_subunit_value(sub, self.lex) if sub else None
            if extra is not None:
                q.amount += extra if q.amount >= 0 else -extra  # 三块五毛二 = 3.52
                q.end = sub.end()
        if q.unit is None and (n.lone == "needs_unit" or (n.lone == "financial"
                                                           and _is_cjk(t[q.end:q.end + 1]))):
            return None
        q.integer = n.integer and q.scale == 1
        return q


def _qualifier_before(lex: _Lex, text: str, pos: int) -> tuple[str, int] | None:
    lo = max(0, pos - 30)
    m = lex.patterns["qual_before"].search(text, lo, pos)
    row = m and lex.qualifiers.get("before:" + _SPACE_RUN.sub(" ", m.group(0).strip()).lower())
    return (row["qualifier"], m.start()) if m and row else None


def qualifier_before(text: str, pos: int, lang: str) -> tuple[str, int] | None:
    """The qualifier written right before `pos` ("nearly", "more than", 超过) and its start."""
    return _qualifier_before(_lexicon(lang), _normalized(text), pos)


def _resolve(qs: list[_Q]) -> list[_Q]:
    """Drop overlaps, keeping the longer quantity (the earlier one on ties)."""
    kept: list[_Q] = []
    for q in sorted(qs, key=lambda q: (q.start, -(q.end - q.start))):
        if kept and q.start < kept[-1].end:
            if q.end - q.start > kept[-1].end - kept[-1].start:
                kept[-1] = q
            continue
        kept.append(q)
    return kept


def _percent_amount(row: dict, value: Decimal, t: str,
                    end: int) -> tuple[Decimal, int] | None:
    """Percent value after a percent word; 成 is tenths (三成 = 30%), 折 a discount (八折 = 80%)."""
    if row.get("not_before") and t[end:end + 1] and t[end:end + 1] in row["not_before"]:
        return None  # 成本, 折旧
    role = row.get("role", "plain")
    factor = Decimal(row.get("factor", "1"))
    if role == "tenths":
        if not 0 <= value <= 10:
            return None
        if t[end:end + 1] == "半":
            value, end = value + Decimal("0.5"), end + 1  # 三成半 = 35%
        return value * factor, end
    if role == "discount":
        if 0 < value < 10:
            return value * factor, end  # 八折, 9.5折
        if 10 <= value < 100 and value == value.to_integral_value():
            return value, end  # 75折, 三八折
        return None
    return value * factor, end


# --------------------------------------------------------------------------------------------
# Digits.


def _digit_values(raw: str, start: int, lang: str) -> list[tuple[Decimal, int, int, bool]]:
    """Digits as written → [(value, start, end, is_integer)]; dotted chains give several."""
    if raw.isdecimal():  # the common case: no separators, exponent or power to read
        return [(Decimal(raw), start, start + len(raw), True)]
    body = _DIGIT_BODY.match(raw).group(0).rstrip(". ")  # type: ignore[union-attr]
    rest = raw[len(body):]
    if body.count(".") >= 2 and "," not in body and not _DOTTED_THOUSANDS.fullmatch(body):
        out, pos = [], start  # 192.168.1.2 is four numbers; 1.000.000 is one
        for part in body.split("."):
            if part:
                out.append((Decimal(part), pos, pos + len(part), True))
            pos += len(part) + 1
        return out
    if _GROUPED_DIGITS.fullmatch(body):
        number = body.replace(",", "").replace(" ", "")
    elif body.count(".") >= 2:
        number = body.replace(".", "")
    elif lang == "en" and _COMMA_DECIMAL.fullmatch(body):
        number = body.replace(",", ".")
    else:
        number = body
    try:
        value = Decimal(number)
    except InvalidOperation:
        return []
    exp = _EXPONENT.match(rest)
    if exp:
        value = value.scaleb(int(exp.group(1)))
        rest = rest[exp.end():]
    power = _POWER.match(rest)
    if power:
        n = int(power.group(3))
        if (len(power.group(1)) + len(power.group(2))) % 2:
            n = -n
        if (value == 0 and n <= 0) or abs((value.adjusted() + 1) * n) > 60:
            return []
        value = value ** n
    integer = "." not in number and not exp and not power
    return [(value, start, start + len(raw), integer)]


# --------------------------------------------------------------------------------------------
# English cardinals and fractions over tokens.


@dataclass(slots=True)
class _Parsed:
    value: Decimal
    end: int
    scale: Decimal = Decimal(1)
    integer: bool = True
    last_big: Decimal = Decimal(1)
    qualifier: str | None = None


_WORDISH = {"num", "unit", "teen", "tens", "hundred", "scale", "and", "article", "dozen"}
_GROUP_START = (None, "scale", "hundred", "and")


def _en_cardinal(toks: list[_Tok], i: int, stop: int | None = None) -> _Parsed | None:
    """Longest cardinal from token i: "two hundred and five thousand", "4 thousand 3 hundred"."""
    n = len(toks) if stop is None else stop
    total = hund = small = Decimal(0)
    scale = Decimal(1)
    last: str | None = None
    last_big: Decimal | None = None
    best: _Parsed | None = None
    integer, qualifier = True, None
    j = i
    while j < n:
        t, k = toks[j], toks[j].kind
        nxt = toks[j + 1].kind if j + 1 < n else None
        if k == "num":
            if last is None:
                small, integer = t.value, t.integer
            elif last in ("scale", "and", "hundred") and t.integer and not (
                    last == "hundred" and t.value >= 100) and not (
                    last_big is not None and hund == small == 0 and t.value >= last_big):
                small = t.value  # "4 thousand 3 hundred and 21"
            else:
                break
        elif k in ("unit", "teen"):
            if last in _GROUP_START and small == 0:
                small = t.value
            elif last == "tens" and k == "unit" and small % 10 == 0 and t.value != 0:
                small += t.value
            else:
                break
        elif k == "tens":
            if last in _GROUP_START and small == 0:
                small = t.value
            elif last == "unit" and hund == 0 and 0 < small < 10 and j - 1 == i:
                hund, small = small * 100, t.value  # "one twenty two" = 122
            else:
                break
        elif k == "hundred":
            if (last in ("unit", "teen", "tens", "num", "article") and hund == 0 and small > 0
                    and (last != "num" or small < 1000)):
                hund, small = small * 100, Decimal(0)
            else:
                break
        elif k == "scale":
            if last in ("unit", "teen", "tens", "num", "hundred", "article", "dozen"):
                if last_big is not None and t.value >= last_big:
                    break
                total += (hund + small) * t.value
                hund = small = Decimal(0)
                last_big = scale = t.value
            elif last == "scale" and last_big is not None and t.value > last_big and total:
                total *= t.value  # "three thousand millions"
                scale *= t.value
                last_big = t.value
            else:
                break
        elif k == "dozen":
            if last in ("unit", "teen", "tens", "num", "article") and small > 0:
                small *= 12  # "three hundred and two dozens" = 324
            elif last == "hundred":
                hund *= 12  # "two hundred dozens" = 2400
            else:
                break
        elif k == "and":
            if not (last in ("hundred", "scale") and nxt in ("num", "unit", "teen", "tens",
                                                              "article")):
                break
        elif k == "article":
            if last is None and nxt in ("hundred", "scale", "dozen", "after_article"):
                small = Decimal(1)
            else:
                break
        elif k == "after_article":
            if last != "article":
                break
            small, qualifier = t.value, t.qualifier  # "a couple", "a few"
        elif k == "point":
            dec = _en_decimals(toks, j + 1)
            if dec is None or last in ("and", "article", "dozen") or (last is None and j > i):
                break
            digits, end = dec
            value = total + hund + small + Decimal("0." + digits)
            if end < n and toks[end].kind == "scale" and total == 0:
                scale = toks[end].value  # "two point two million"
                value *= scale
                end += 1
            return _Parsed(value, end, scale=scale, integer=False)
        else:
            break
        last = k
        j += 1
        if k not in ("and", "article"):
            best = _Parsed(total + hund + small, j, scale=scale, integer=integer,
                           last_big=last_big or Decimal(1), qualifier=qualifier)
    return best


def _en_decimals(toks: list[_Tok], j: int) -> tuple[str, int] | None:
    """Digits after "point": "zero three", "seventy-one", "77"."""
    digits = ""
    n = len(toks)
    while j < n:
        t = toks[j]
        if t.kind == "unit" and t.value < 10:
            digits += str(int(t.value))
            j += 1
            continue
        if not digits:
            if t.kind == "tens":
                unit = toks[j + 1] if j + 1 < n and toks[j + 1].kind == "unit" else None
                digits = str(int(t.value + (unit.value if unit else 0)))
                j += 2 if unit else 1
            elif t.kind == "teen" or (t.kind == "num" and t.text.isdigit()):
                digits = t.text if t.kind == "num" else str(int(t.value))
                j += 1
        break
    return (digits, j) if digits else None


def _en_fraction(toks: list[_Tok], i: int, text: str) -> _Parsed | None:
    """Fractions in words: "two thirds", "one hundred and three quarters", "a half million"."""
    n = len(toks)
    k = i
    while k < n and toks[k].kind in _WORDISH:
        k += 1
    if k >= n or toks[k].kind != "frac":
        return None
    d = toks[k]
    if _HYPHEN_WORD.match(text[d.end:d.end + 2]):
        return None  # "half-year", "quarter-end": compounds, not fractions
    after_scale = toks[k + 1] if k + 1 < n and toks[k + 1].kind == "scale" else None
    end = k + 2 if after_scale else k + 1
    if k == i:
        if d.role in ("half", "quarter") and after_scale:
            return _Parsed(after_scale.value / d.value, end, scale=after_scale.value,
                           integer=False)  # "quarter million"
        if (d.role == "half" and k + 2 < n and toks[k + 1].kind == "article"
                and toks[k + 2].kind == "scale"):
            return _Parsed(toks[k + 2].value / 2, k + 3, scale=toks[k + 2].value,
                           integer=False)  # "half a million"
        return None
    den, num_end = d.value, k
    if d.role == "ordinal_after_tens" or (d.role == "ordinal" and d.value < 10):
        if toks[k - 1].kind == "tens" and k - 1 > i:
            den, num_end = toks[k - 1].value + d.value, k - 1  # "three twenty firsts"
        elif d.role == "ordinal_after_tens":
            return None  # "first", "second" alone are ordinals
    if d.role == "quarter" and toks[i].kind == "article" and num_end == i + 1 and not (
            after_scale or _OF_AFTER.match(text[d.end:d.end + 5])):
        return None  # "a quarter earlier" is a period
    mult = after_scale.value if after_scale else Decimal(1)
    ands = [p for p in range(i, num_end) if toks[p].kind == "and"]
    if ands:  # mixed number when the part after the last "and" is a proper fraction
        p = ands[-1]
        whole = _en_cardinal(toks, i, p)
        part = _en_cardinal_or_article(toks, p + 1, num_end)
        if whole and whole.end == p and part and part.end == num_end and part.value < den:
            if after_scale and whole.last_big == 1:
                value = (whole.value + part.value / den) * mult  # "three and a half billion"
            else:
                factor = mult if after_scale else (whole.last_big if whole.last_big >= 1000
                                                   else 1)
                value = whole.value + part.value / den * factor  # "six million and two thirds"
            return _Parsed(value, end, integer=False)
    if any(toks[q].kind == "num" for q in range(i, num_end)):
        return None  # "100 millionths" is not read as a fraction
    top = _en_cardinal_or_article(toks, i, num_end)
    if top is None:
        return None
    if top.end == num_end:
        return _Parsed(top.value / den * mult, end, integer=False)
    rest = _en_cardinal(toks, top.end, num_end)  # "one one hundred fifth" = 1/105
    if rest and rest.end == num_end and rest.value >= 100 and den < 100:
        return _Parsed(top.value / (rest.value + den) * mult, end, integer=False)
    return None


def _en_cardinal_or_article(toks: list[_Tok], i: int, stop: int) -> _Parsed | None:
    if i < stop and toks[i].kind == "article":
        return _Parsed(Decimal(1), i + 1)
    return _en_cardinal(toks, i, stop)


# --------------------------------------------------------------------------------------------
# Chinese numerals.


def _split_at_spaces(toks: list[_Tok]) -> list[list[_Tok]]:
    groups: list[list[_Tok]] = [[]]
    for prev, t in zip([None, *toks[:-1]], toks, strict=True):
        if prev is not None and t.start > prev.end:
            groups.append([])
        groups[-1].append(t)
    return [g for g in groups if g]


def _cn_scale(toks: list[_Tok]) -> Decimal:
    """The multiplier a range's first bound may borrow ("3至5亿元" → 亿)."""
    scale = Decimal(1)
    for t in reversed(toks):
        if t.kind == "m" and t.value >= 10000:
            scale *= t.value
        elif t.kind != "q":
            break
    return scale


def _cn_value(toks: list[_Tok]) -> tuple[Decimal, str | None] | None:
    """(value, qualifier) of a Chinese numeral, or None when malformed."""
    sign = Decimal(1)
    if toks and toks[0].kind == "s":
        sign, toks = Decimal(-1), toks[1:]
    qualifier = next((t.qualifier for t in toks if t.kind == "q"), None)  # 二十多, 十余, 几
    toks = [t for t in toks if t.kind != "q"]
    if not toks or any(t.kind == "s" for t in toks):
        return None
    points = [i for i, t in enumerate(toks) if t.kind == "p"]
    if len(points) > 1:
        return None
    if not points:
        value = _cn_int(toks)
        return None if value is None else (sign * value, qualifier)
    p = points[0]
    digits, j = "", p + 1
    while j < len(toks) and toks[j].kind in ("d", "z", "a"):
        if toks[j].kind == "a" and not toks[j].text.isdigit():
            return None
        digits += toks[j].text if toks[j].kind == "a" else str(int(toks[j].value))
        j += 1
    tail = toks[j:]  # 三点五亿
    if not digits or any(t.kind != "m" or t.value < 10000 for t in tail):
        return None
    whole = _cn_int(toks[:p]) if p else Decimal(0)
    if whole is None:
        return None
    value = whole + Decimal("0." + digits)
    for t in tail:
        value *= t.value
    return sign * value, qualifier


def _cn_int(toks: list[_Tok]) -> Decimal | None:
    """Integer from digits and multipliers, split at the largest multiplier (一万五千亿)."""
    mults = [t.value for t in toks if t.kind == "m"]
    if not mults:
        body = list(toks)
        while len(body) > 1 and body[0].kind == "z":
            body = body[1:]
        if len(body) == 1:
            return body[0].value
        if len(body) == 2 and body[0].kind == "t" and body[1].kind == "d":
            return body[0].value + body[1].value  # 卅三
        return None
    top = max(mults)
    idx = max(i for i, t in enumerate(toks) if t.kind == "m" and t.value == top)
    left, right = toks[:idx], toks[idx + 1:]
    if left and all(t.kind == "z" for t in left):
        left = []  # 零十 = 10
    lv = _cn_int(left) if left else Decimal(1)
    if lv is None or (lv == 0 and left[0].kind != "a"):
        return None
    if top < 10000 and not (lv < 10 or (len(left) == 1 and left[0].kind == "a")):
        return None
    zero_lead = bool(right) and right[0].kind == "z"
    while right and right[0].kind == "z":
        right = right[1:]
    if not right:
        rv = Decimal(0)
    elif not zero_lead and len(right) == 1 and right[0].kind == "d" and top >= 100:
        rv = right[0].value * top / 10  # abbreviated: 一万三 = 13000, 九百九 = 990
    else:
        rv = _cn_int(right)
        if rv is None or rv >= top:
            return None
    return lv * top + rv


def _cn_subunit_value(m: re.Match, lex: _Lex) -> Decimal | None:
    """角/毛/分 after 元: 五毛八 = 0.58, 零四 = 0.04, a bare digit after 块 is 角."""
    def digit(s: str | None) -> Decimal:
        if not s:
            return Decimal(0)
        if s.isdigit():
            return Decimal(s)
        word = lex.exact_words.get(s)
        return word.value if word else Decimal(0)

    if m.group(1):
        tenths, hundredths = digit(m.group(1)), digit(m.group(2))
        return tenths / 10 + hundredths / 100 if tenths < 10 and hundredths < 10 else None
    if m.group(3):
        row = lex.subunits.get(m.group(4).lower())
        return digit(m.group(3)) * Decimal(row["value"]) if row else None
    if m.group(5):
        return digit(m.group(5)) / 100
    if m.group(6):
        d = digit(m.group(6))
        return d / 10 if d < 10 else None
    return None
