"""find_quantities(): numbers, money, percentages, counts, multiples and ranges in raw text.

Pure string processing, no spaCy: quantities are found on the raw string and the pipeline maps the
offsets to tokens afterwards. The vocabulary (number words, scales, currencies, qualifiers, counted
nouns) lives in `resources/common/currencies.jsonl` and `resources/<lang>/quantity_words.jsonl`;
this module holds only the grammar. Amounts are exact `Decimal`s with the scale applied.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation, localcontext
from functools import cache
from importlib import resources

from pipeline.errors import RuleFileError

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
    """Return every quantity in `text`, sorted by start offset."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r} (have: {', '.join(LANGUAGES)})")
    if not text:
        return []
    with localcontext() as ctx:
        ctx.prec = 60
        finder = _Finder(text, _lexicon(lang))
        found = finder.run()
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
               frozenset({"case_sensitive", "financial", "not_before", "qualifier"})),
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
                    "sign", "point", "and", "over", "digit", "multiplier", "half", "approx"),
    "fraction.role": ("half", "quarter", "ordinal", "ordinal_after_tens"),
    "currency.position": ("before", "after", "both"),
    "percent.position": ("before", "after"),
    "percent.unit": ("%", "pp"),
    "percent.role": ("plain", "tenths", "discount"),
    "qualifier.position": ("before", "after"),
    "qualifier.qualifier": QUALIFIERS[1:6],
    "number.qualifier": QUALIFIERS[1:6],
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
                Decimal(str(value))
            except InvalidOperation as exc:
                raise RuleFileError(f"{where}:{line}: {key}: {value!r} is not a number") from exc
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
# Regex building blocks.

_NORMALIZE = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    "．": ".", "％": "%", "－": "-", "＋": "+", "／": "/", "＄": "$", "＾": "^",
    "−": "-", "‐": "-", "‑": "-", "–": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\u3000": " ", "\t": " ", "～": "~", "〜": "~", "＆": "&",
})
_DIGITS = (
    r"(?:\d+(?:\.\d+){2,}(?![\d.]?\d)"  # dotted chains: 192.168.1.2
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d|\d)"
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,]\d|\d)"  # Indian grouping: 12,34,567
    r"|\d{1,3}(?: \d{3})+(?:\.\d+)?(?![\d])"
    r"|\d+(?:\.\d+)?|(?<![\d.])\.\d+)"
    r"(?:[eE][+-]?\d{1,3}(?![\w.]))?(?:\^-*\+?-*\d{1,3}(?!\d))?"
)
_DIGITS_EN = _DIGITS.replace(r"|\d+(?:\.\d+)?|", r"|(?<![\d,])\d+,\d{1,2}(?![\d,])|\d+(?:\.\d+)?|", 1)
_FULLWIDTH_THOUSANDS = re.compile(r"(?<=[０-９])，(?=[０-９])")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+", re.I)
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SIGN_CONTEXT = set(" \n\r([{:;,=/<>\"'“‘（【《：；，、")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


def _is_letter(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalpha()


def _alt(surfaces: list[tuple[str, bool]], *, spaced: bool = False) -> str:
    """Alternation, longest first; (surface, case_sensitive) pairs, CJK optionally spaced."""
    parts = []
    for surface, sensitive in sorted(set(surfaces), key=lambda p: (-len(p[0]), p[0])):
        if spaced:
            body = " *".join(re.escape(c) for c in surface)
        else:
            body = re.escape(surface).replace(r"\ ", "[ ]+")
        parts.append(body if sensitive else f"(?i:{body})")
    return "|".join(parts) if parts else "(?!)"


def _wb(alt: str) -> str:
    """Word boundaries that also work for surfaces made of symbols or CJK."""
    return rf"(?<![A-Za-z])(?:{alt})(?![A-Za-z])"


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

    def currency_code(self, surface: str) -> str | None:
        """Code of a currency surface as matched (exact first, then case-insensitive)."""
        key = re.sub(r"\s+", " ", surface)
        return self.currency.get(key) or self.currency_ci.get(key.lower())


@cache
def _lexicon(lang: str) -> _Lex:
    """Load, validate and compile the tables of one language (once per process)."""
    lex = _Lex(lang)
    rows = _load_rows(lang)
    cur_before: list[tuple[str, bool]] = []
    cur_after: list[tuple[str, bool]] = []
    for code, symbols in _currencies().items():
        for s in [code, *symbols]:
            lex.currency[s] = code
            cur_before.append((s, True))
            cur_after.append((s, True))
    by_kind: dict[str, list[dict]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row)
        surface, kind = row["surface"], row["kind"]
        sensitive = bool(row.get("case_sensitive", lang == "zh"))
        if kind == "number":
            word = _Word(row["role"], Decimal(str(row["value"])), row)
            (lex.exact_words if sensitive else lex.words)[surface if sensitive else
                                                          surface.lower()] = word
        elif kind == "fraction":
            lex.fractions[surface.lower()] = _Word(row["role"], Decimal(row["value"]), row)
        elif kind == "scale_abbrev":
            lex.scale_abbrev[surface if sensitive else surface.lower()] = row
        elif kind == "currency":
            if sensitive:
                lex.currency[surface] = row["code"]
            else:
                lex.currency_ci[surface.lower()] = row["code"]
            if row["position"] in ("before", "both"):
                cur_before.append((surface, sensitive))
            if row["position"] in ("after", "both"):
                cur_after.append((surface, sensitive))
        elif kind == "coin":
            lex.coins[surface.lower()] = row
        elif kind == "subunit":
            lex.subunits[surface.lower()] = row
        elif kind == "percent":
            lex.percent[surface.lower()] = row
        elif kind == "qualifier":
            lex.qualifiers[f"{row['position']}:{surface.lower()}"] = row
        elif kind == "counted":
            lex.counted[surface.lower()] = row
        elif kind == "counted_stop":
            lex.counted_stop.add(surface.lower())
        elif kind == "multiple":
            lex.multiples[surface.lower()] = row
        elif kind == "times_follow":
            lex.times_follow.add(surface.lower())
        elif kind == "range":
            if row["role"] == "open":
                lex.range_open[surface.lower()] = row.get("mid", "")
            else:
                lex.range_mid.add(surface.lower())
        elif kind == "change_word":
            lex.change_words.add(surface.lower())
    _compile(lex, by_kind, cur_before, cur_after)
    return lex


def _compile(lex: _Lex, by_kind: dict[str, list[dict]], cur_before: list[tuple[str, bool]],
             cur_after: list[tuple[str, bool]]) -> None:
    zh = lex.lang == "zh"
    p = lex.patterns

    def surfaces(kind: str, **where: str) -> list[tuple[str, bool]]:
        return [(r["surface"], bool(r.get("case_sensitive", zh))) for r in by_kind.get(kind, [])
                if all(r.get(k) == v for k, v in where.items())]

    def bounded(alt: str) -> str:
        return f"(?:{alt})" if zh else _wb(alt)

    p["cur_before"] = re.compile(rf"(?:{_alt(cur_before)})[ ]{{0,2}}\Z")
    p["cur_after"] = re.compile(rf"[ ]{{0,2}}(?:-[ ]?)?({_alt(cur_after)})" +
                                ("" if zh else r"(?![A-Za-z])"))
    p["scale"] = re.compile(rf"[ ]{{0,2}}({_alt(surfaces('scale_abbrev'))})(?![A-Za-z])")
    p["pct_after"] = re.compile(
        rf"[ ]*({_alt(surfaces('percent', position='after'), spaced=zh)})" +
        ("" if zh else r"(?![A-Za-z])"))
    p["pct_before"] = re.compile(
        rf"{bounded(_alt(surfaces('percent', position='before')))}[ ]+\Z")
    p["qual_before"] = re.compile(
        rf"{bounded(_alt(surfaces('qualifier', position='before')))}[ ]*\Z")
    p["qual_after"] = re.compile(
        rf"[ ]*({bounded(_alt(surfaces('qualifier', position='after')))})")
    p["multiple_word"] = re.compile(bounded(_alt(surfaces("multiple", role="word"))))
    p["not_number"] = re.compile(bounded(_alt(surfaces("not_number"))))
    p["coin"] = re.compile(rf"[ ]{{0,2}}(?:-[ ]?)?({_alt(surfaces('coin'))})(?![A-Za-z])")
    p["subunit"] = re.compile(rf"[ ]*({_alt(surfaces('subunit'))})" +
                              ("" if zh else r"(?![A-Za-z])"))
    p["counted"] = re.compile(
        rf"[ ]*({_alt(surfaces('counted', role='measure'))})?[ ]*"
        rf"({_alt(surfaces('counted', role='noun'))})?" if zh else
        rf"[ -]+((?:[A-Za-z][\w'-]*[ ]+){{0,2}}?)({_alt(surfaces('counted'))})(?![A-Za-z])")
    mids = [(m, False) for m in lex.range_mid]
    p["range_mid"] = re.compile(rf"[ ]*(?:{_alt(mids)})[ ]*\Z" if zh else
                                rf"[ ]*(?:{_wb(_alt(mids))})[ ]*\Z")
    if zh:
        _compile_zh(lex, by_kind)
    else:
        _compile_en(lex, by_kind)


def _compile_en(lex: _Lex, by_kind: dict[str, list[dict]]) -> None:
    conn_roles = {"article", "and", "over", "point", "sign"}
    core, conn = [], []
    for r in by_kind.get("number", []):
        pair = (r["surface"], bool(r.get("case_sensitive", False)))
        (conn if r["role"] in conn_roles else core).append(pair)
    core += [(r["surface"], False) for r in by_kind.get("fraction", [])]
    core_re = rf"(?:{_DIGITS_EN}|{_wb(_alt(core))})"
    conn_re = _wb(_alt(conn))
    sep = r"[ ]*(?:[-,][ ]*)?"
    token = rf"(?:{_DIGITS_EN}|{_wb(_alt(core + conn))})"
    lex.patterns["run"] = re.compile(
        rf"(?:{conn_re}{sep})*{core_re}(?:{sep}(?:{core_re}|{conn_re}))*")
    lex.patterns["token"] = re.compile(token)
    article_words = [(s, False) for s, code in lex.currency_ci.items()
                     if s.isalpha() and not s.endswith("s") and s.isascii()]
    article_words += [(s, False) for s in lex.coins if not s.endswith("s")]
    lex.patterns["article_money"] = re.compile(
        rf"(?<![A-Za-z])(?i:an?)[ ]+(?=(?:{_alt(article_words)})(?![A-Za-z]))")
    lex.patterns["range_open"] = re.compile(
        rf"{_wb(_alt([(o, False) for o in lex.range_open]))}[ ]+\Z")
    times = _alt([(r["surface"], False) for r in by_kind.get("multiple", [])
                  if r["role"] == "times"])
    glued = _alt([(r["surface"], False) for r in by_kind.get("multiple", [])
                  if r["role"] == "suffix" and len(r["surface"]) == 1])
    words = _alt([(r["surface"], False) for r in by_kind.get("multiple", [])
                  if r["role"] == "suffix" and len(r["surface"]) > 1])
    lex.patterns["times"] = re.compile(
        rf"[ ]+({times})(?![A-Za-z])(?:[ ]+([A-Za-z]+))?")
    lex.patterns["fold"] = re.compile(rf"[- ]?(?:{words})(?![A-Za-z])|(?:{glued})(?![A-Za-z])")
    lex.patterns["digit_fraction"] = re.compile(
        r"(?<![\d/.,-])(?:(\d{1,3})[ ]+)?(\d{1,4})/(\d{1,4})(?![\d/]|-\d|\.\d)")


_CN_DIGITS = "〇零一二三四五六七八九两兩倆俩壹贰貳叁參肆伍陆陸柒捌玖"
_CN_MULTS = "十百千万萬亿億兆拾佰仟"


def _compile_zh(lex: _Lex, by_kind: dict[str, list[dict]]) -> None:
    chars = "".join(sorted({r["surface"] for r in by_kind.get("number", [])
                            if r["role"] in ("digit", "multiplier", "tens")}))
    dec_digits = "".join(sorted({r["surface"] for r in by_kind.get("number", [])
                                 if r["role"] == "digit" and r["value"] != "2"} | {"二", "贰",
                                                                                    "貳"}))
    points = "".join(r["surface"] for r in by_kind.get("number", []) if r["role"] == "point")
    approx = "".join(r["surface"] for r in by_kind.get("number", []) if r["role"] == "approx")
    signs = "".join(r["surface"] for r in by_kind.get("number", []) if r["role"] == "sign")
    tok = rf"(?:{_DIGITS}|[{chars}])"
    point = rf"[{points}](?=[ ]*(?:\d|[{dec_digits}]))"
    run = (rf"(?:[{signs}][ ]*)?{tok}"
           rf"(?:[ ]*(?:{tok}|{point}|[{approx}]))*")
    lex.patterns["run"] = re.compile(
        rf"(?:(?P<whole>{run})[ ]*又[ ]*)?(?P<den>{run})[ ]*分[ ]*之[ ]*(?P<num>{run})"
        rf"|(?P<dfrac>(?<![\d/.,-])(?:\d{{1,3}}[ ]+)?\d{{1,4}}/\d{{1,4}}(?![\d/]|-\d|\.\d))"
        rf"|(?P<half>一半|半[个個]|半百|半折|(?<=打)[对對]折)"
        rf"|(?P<run>{run})")
    lex.patterns["cn_token"] = re.compile(
        rf"(?P<a>{_DIGITS})|(?P<c>[{chars}])|(?P<p>[{points}])|(?P<q>[{approx}])|(?P<s>[{signs}])")
    lex.patterns["digit_fraction"] = re.compile(r"(?:(\d{1,3})[ ]+)?(\d{1,4})/(\d{1,4})")
    small = rf"(?:\d{{1,2}}|[{dec_digits}两兩])"
    lex.patterns["cn_small"] = re.compile(small)
    units = "".join(sorted({r["surface"] for r in by_kind.get("subunit", [])
                            if len(r["surface"]) == 1}))
    lex.patterns["cn_subunit"] = re.compile(
        rf"[ ]*(?:又[ ]*)?({small})[ ]*([角毛毫])(?:[ ]*({small})[ ]*分?)?"
        rf"|[ ]*(?:又[ ]*)?({small})[ ]*(美分|[{units}])"
        rf"|[ ]*[零〇]({small})分?"
        rf"|({small})(?=[ ]*(?:$|[至到~\-,.;:!?，。；：！？、）)\s]))")


# --------------------------------------------------------------------------------------------
# The finder: atoms first (numbers with their units), then qualifiers, then ranges.


@dataclass
class _Num:
    start: int
    end: int
    value: Decimal
    scale: Decimal = Decimal(1)
    first_digits: bool = False
    last_digits: bool = False
    integer: bool = False
    qualifier: str | None = None
    lone: str = ""


@dataclass
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


@dataclass
class _Tok:
    kind: str
    value: Decimal
    start: int
    end: int
    text: str = ""
    role: str = ""
    integer: bool = True


class _Finder:
    """One pass over one text; holds the normalized copy that all regexes run on."""

    def __init__(self, text: str, lex: _Lex) -> None:
        self.raw = text
        self.text = _FULLWIDTH_THOUSANDS.sub(",", text).translate(_NORMALIZE)
        self.lex = lex
        self.p = lex.patterns
        self.n = len(text)
        self.last_end = 0
        self.blocked = [(m.start(), m.end()) for m in _URL_RE.finditer(self.text)]
        self.blocked += [(m.start(), m.end()) for m in self.p["not_number"].finditer(self.text)]

    def run(self) -> list[_Q]:
        atoms = self.atoms_zh() if self.lex.lang == "zh" else self.atoms_en()
        atoms += self.multiple_words()
        atoms = [q for q in atoms if not self.inside_blocked(q.start, q.end)]
        atoms = _resolve(atoms)
        if self.lex.lang == "en":
            atoms = self.merge_cents(atoms)
        for q in atoms:
            self.qualify(q)
        return _resolve(self.merge_ranges(atoms))

    def inside_blocked(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.blocked)

    # ---- shared helpers -------------------------------------------------------------------

    def multiple_words(self) -> list[_Q]:
        out = []
        for m in self.p["multiple_word"].finditer(self.text):
            row = self.lex.multiples.get(m.group(0).lower()) or self.lex.multiples.get(
                re.sub(r"\s+", "", m.group(0)).lower())
            if row and row.get("value"):
                out.append(_Q(m.start(), m.end(), Decimal(row["value"]), unit="x"))
        return out

    def sign_before(self, s: int) -> int:
        """Start of a sign written right before `s` (or `s`): "-5", "- 5" at line start."""
        t = self.text
        if s - 1 <= self.last_end and self.last_end > 0:
            return s  # "五元六角-五元七毛八分": a dash right after a quantity joins a range
        if s >= 1 and t[s - 1] == "-":
            before = t[s - 2] if s >= 2 else ""
            if not before or before in _SIGN_CONTEXT or _is_cjk(before):
                return s - 1
        if s >= 2 and t[s - 1] == " " and t[s - 2] == "-" and (s == 2 or t[s - 3] in "\n(:="):
            return s - 2
        return s

    def currency_before(self, s: int) -> tuple[str, int] | None:
        m = self.p["cur_before"].search(self.text, max(0, s - 24), s)
        if not m:
            return None
        surface = m.group(0).rstrip(" ")
        code = self.lex.currency_code(surface)
        if code is None:
            return None
        if _is_letter(surface[0]) and _is_letter(self.text[m.start() - 1] if m.start() else ""):
            return None
        if m.start() < self.last_end:
            return None
        return code, m.start()

    def qualify(self, q: _Q) -> None:
        left = q.start
        m = self.p["qual_before"].search(self.text, max(0, left - 30), left)
        if m:
            key = "before:" + re.sub(r"\s+", " ", m.group(0).strip()).lower()
            row = self.lex.qualifiers.get(key)
            if row and q.qualifier == "exact":
                q.qualifier, q.qualifier_start = row["qualifier"], m.start()
                return
        m = self.p["qual_after"].match(self.text, q.end)
        if m:
            key = "after:" + re.sub(r"\s+", " ", m.group(1).strip()).lower()
            row = self.lex.qualifiers.get(key)
            if row and q.qualifier == "exact":
                q.qualifier, q.qualifier_start = row["qualifier"], m.start(1)
                return
        if q.inner and q.qualifier == "exact":
            q.qualifier = q.inner

    def merge_ranges(self, qs: list[_Q]) -> list[_Q]:
        out: list[_Q] = []
        i = 0
        while i < len(qs):
            a = qs[i]
            if i + 1 < len(qs):
                merged = self.range_of(a, qs[i + 1])
                if merged is not None:
                    out.append(merged)
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    def range_of(self, a: _Q, b: _Q) -> _Q | None:
        if b.qualifier_start is not None and b.qualifier_start < b.start:
            return None
        if a.low is not None or b.low is not None or "x" in (a.unit, b.unit):
            return None
        if a.unit and b.unit and a.unit != b.unit:
            return None
        if a.unit is None and b.unit is None and a.scale == 1 and b.scale == 1:
            return None
        gap = self.text[a.end:b.start]
        if not gap.strip() and self.lex.lang == "en":
            return None
        m = self.p["range_mid"].fullmatch(gap) if gap else None
        if m is None and not (self.lex.lang == "zh" and gap.strip() in self.lex.range_mid):
            return None
        word = gap.strip().lower()
        open_start = None
        if self.lex.lang == "en":
            left = a.qualifier_start if a.qualifier_start is not None else a.start
            om = self.p["range_open"].search(self.text, max(0, left - 12), left)
            opener = om.group(0).strip().lower() if om else None
            if word == "and" and opener != "between":
                return None
            if opener and self.lex.range_open.get(opener) != word:
                opener = None
            if word in ("to", "through") or opener == "from":
                if self.change_before(om.start() if opener else left):
                    return None
            if opener:
                open_start = om.start()
            if word == "-" and (re.match(r"-\d", self.text[b.end:b.end + 2])
                                or re.search(r"\d-\Z", self.text[max(0, a.start - 2):a.start])):
                return None
        low, high = a.amount, b.amount
        if a.scale == 1 and b.scale != 1 and a.unit in (None, b.unit):
            low = low * b.scale  # "3至5亿元", "between 2 and 3 billion dollars"
        if low > high:
            return None
        return _Q(a.start, b.end, low, unit=b.unit or a.unit, counted=b.counted or a.counted,
                  qualifier="range", qualifier_start=open_start if open_start is not None
                  else a.qualifier_start, low=low, high=high, scale=b.scale)

    def change_before(self, pos: int) -> bool:
        window = self.text[max(0, pos - 60):pos]
        clause = re.split(r"[.;:,!?\n]", window)[-1]
        words = re.findall(r"[A-Za-z][A-Za-z.]*", clause)[-4:]
        return any(w.lower() in self.lex.change_words for w in words)

    # ---- English ---------------------------------------------------------------------------

    def atoms_en(self) -> list[_Q]:
        out: list[_Q] = []
        taken: list[tuple[int, int]] = []
        for m in self.p["digit_fraction"].finditer(self.text):
            q = self.digit_fraction(m)
            if q is not None:
                out.append(q)
                taken.append((m.start(), m.end()))
        for m in self.p["run"].finditer(self.text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            for num in self.parse_en_run(m.start(), m.end()):
                if self.inside_blocked(num.start, num.end) or num.start < self.last_end:
                    continue
                q = self.attach_en(num)
                if q is not None:
                    out.append(q)
                    self.last_end = q.end
        for m in self.p["article_money"].finditer(self.text):
            num = _Num(m.start(), m.start() + len(m.group(0).rstrip()), Decimal(1), integer=True)
            q = self.attach_en(num, article=True)
            if q is not None and q.unit:
                out.append(q)
        return out

    def digit_fraction(self, m: re.Match) -> _Q | None:
        whole, a, b = m.group(1), Decimal(m.group(2)), Decimal(m.group(3))
        if b == 0 or a == 0:
            return None
        value = a / b + (Decimal(whole) if whole else 0)
        return _Q(m.start(), m.end(), value)

    def en_tokens(self, start: int, end: int) -> list[_Tok]:
        toks = []
        for m in self.p["token"].finditer(self.text, start, end):
            raw = m.group(0)
            if raw[0].isdigit() or raw[0] == ".":
                for value, s, e, integer in _digit_values(raw, m.start(), "en"):
                    toks.append(_Tok("num", value, s, e, raw, integer=integer))
                continue
            key = re.sub(r"\s+", " ", raw).lower()
            word = self.lex.exact_words.get(raw) or self.lex.words.get(key)
            if word is not None:
                toks.append(_Tok(word.role, word.value, m.start(), m.end(), raw, word.role))
                continue
            frac = self.lex.fractions.get(key)
            if frac is not None:
                toks.append(_Tok("frac", frac.value, m.start(), m.end(), raw, frac.role))
                continue
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
            if j + 1 < n and toks[j].kind == "over":
                den = _en_cardinal(toks, j + 1)
                if den is not None and den.value != 0 and not re.match(
                        r"[ ]+[A-Za-z]", self.text[toks[den.end - 1].end:]):
                    best = _Parsed(best.value / den.value, den.end, words=True)
                    j = den.end
            s = toks[first].start
            num = _Num(s, toks[j - 1].end, sign * best.value, scale=best.scale,
                       first_digits=toks[i].kind == "num" and sign == 1,
                       last_digits=toks[j - 1].kind == "num", integer=best.integer,
                       qualifier=best.qualifier, lone=toks[i].text.lower() if j == i + 1 else "")
            out.append(num)
            i = j
        return out

    def attach_en(self, n: _Num, article: bool = False) -> _Q | None:
        """Grow a bare English number into a quantity: currency, scale, unit, counted noun."""
        t = self.text
        q = _Q(n.start, n.end, n.value, scale=n.scale, inner=n.qualifier)
        if n.first_digits and not self.left_en(q):
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
        if n.last_digits and re.match(r"-[A-Z](?![A-Za-z])", t[q.end:q.end + 3]):
            return None  # "10-K", "Form 10-Q": a name
        if n.last_digits and _is_letter(t[q.end:q.end + 1]) and not (
                q.unit is None and (re.match(r"s(?![A-Za-z])", t[q.end:q.end + 2]) and n.integer
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

    def left_en(self, q: _Q) -> bool:
        """Currency prefix and sign; False when the digits are glued to a word ("GPT-4")."""
        t, s = self.text, q.start
        found = self.currency_before(s)
        prev = t[s - 1:s]
        if found:
            q.unit, q.start = found
        elif _is_letter(prev) or prev == "_" or (prev == "-" and _is_letter(t[s - 2:s - 1])):
            return False
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
        if m:
            row = self.lex.percent[re.sub(r"\s+", " ", m.group(1)).lower()]
            q.unit, q.end = row["unit"], m.end()
            q.amount *= Decimal(row.get("factor", "1"))

    def currency_after(self, q: _Q) -> None:
        m = self.p["cur_after"].match(self.text, q.end)
        if not m:
            return
        code = self.lex.currency_code(m.group(1))
        wordlike = _is_letter(m.group(1)[0])
        if code is None or ("-" in self.text[q.end:m.start(1)] and not wordlike):
            return
        if q.unit is None or (q.unit == code and wordlike):
            q.unit, q.end = code, m.end()

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
            follow = (m.group(2) or "").lower()
            q.end = m.end(1)
            if follow in self.lex.times_follow:
                q.unit = "x"  # "3 times higher"
            else:
                q.unit, q.counted = "count", "time"  # "131 million times"

    def counted_after(self, q: _Q, n: _Num) -> None:
        m = self.p["counted"].match(self.text, q.end)
        if not m:
            return
        mods = m.group(1).split()
        year_like = n.integer and q.scale == 1 and 1900 <= q.amount <= 2099
        if (year_like and mods) or any(w.lower() in self.lex.counted_stop
                                       or w.lower() in self.lex.words
                                       or self.lex.currency_code(w) for w in mods):
            return
        row = self.lex.counted[re.sub(r"\s+", " ", m.group(2)).lower()]
        q.unit, q.end = "count", m.end()
        q.counted = " ".join([*mods, row.get("lemma", m.group(2))])

    def number_ends_at(self, pos: int) -> bool:
        """A number written right before `pos` ("30 percent of 10": 10 is not the percentage)."""
        m = re.search(r"(\d|[A-Za-z]+)[ ]*\Z", self.text[max(0, pos - 20):pos])
        return bool(m) and (m.group(1).isdigit() or m.group(1).lower() in self.lex.words)

    def free_after(self, e: int) -> bool:
        """No noun follows ("a grand total" is not money, "a grand." is)."""
        m = re.match(r"[ ]+([A-Za-z]+)", self.text[e:e + 40])
        return m is None or m.group(1).lower() in self.lex.counted_stop

    def merge_cents(self, qs: list[_Q]) -> list[_Q]:
        out: list[_Q] = []
        i = 0
        while i < len(qs):
            a = qs[i]
            b = qs[i + 1] if i + 1 < len(qs) else None
            if (b is not None and a.unit and len(a.unit) == 3 and a.integer and a.minor is None
                    and ((b.unit is None and b.integer) or b.minor is not None)):
                cents = b.amount if b.minor is None else b.minor
                gap = self.text[a.end:b.start]
                if re.fullmatch(r"[ ]*(?:(?i:and)|&)?[ ]*", gap) and 0 <= cents < 100:
                    m = self.p["subunit"].match(self.text, b.end) if b.minor is None else None
                    end = m.end() if m else b.end
                    rest = self.text[end:end + 6]
                    if m or b.minor is not None or re.match(
                            r"[ ]*(?:$|[.,;:!?)\n]|(?i:and|or)\b)", rest):
                        out.append(_Q(a.start, end, a.amount + cents / 100, unit=a.unit,
                                      qualifier=a.qualifier, scale=a.scale))
                        i += 2
                        continue
            out.append(a)
            i += 1
        return out

    # ---- Chinese ---------------------------------------------------------------------------

    def atoms_zh(self) -> list[_Q]:
        out: list[_Q] = []
        for m in self.p["run"].finditer(self.text):
            if m.group("num") is not None:
                q = self.zh_fraction(m)
                if q is not None:
                    out.append(q)
            elif m.group("dfrac") is not None:
                fm = self.p["digit_fraction"].fullmatch(m.group("dfrac"))
                if fm:
                    q = self.digit_fraction(fm)
                    if q is not None:
                        q.start, q.end = m.start(), m.end()
                        out.append(q)
            elif m.group("half") is not None:
                out.append(self.zh_half(m))
            else:
                for num in self.parse_zh_run(m.start(), m.end()):
                    if self.inside_blocked(num.start, num.end) or num.start < self.last_end:
                        continue
                    q = self.attach_zh(num)
                    if q is not None:
                        out.append(q)
                        self.last_end = q.end
        return out

    def zh_half(self, m: re.Match) -> _Q:
        word = m.group("half")
        if word == "半百":
            return _Q(m.start(), m.end(), Decimal(50))
        if word.endswith("折"):
            return _Q(m.start(), m.end(), Decimal(50), unit="%")
        if word[0] == "半":
            return _Q(m.start(), m.end(), Decimal("0.5"), unit="count", counted=word[1])
        return _Q(m.start(), m.end(), Decimal("0.5"))

    def zh_fraction(self, m: re.Match) -> _Q | None:
        den_toks = self.cn_tokens(m.start("den"), m.end("den"))
        num_toks = self.cn_tokens(m.start("num"), m.end("num"))
        den, num = _cn_value(den_toks), _cn_value(num_toks)
        if den is None or num is None or den[0] == 0:
            return None
        dv, nv = abs(den[0]), abs(num[0])
        e = m.end()
        if all(t.kind == "m" for t in den_toks if t.kind != "s"):
            value = nv * 100 / dv
            sm = self.p["scale"].match(self.text, e)
            if sm and num_toks and num_toks[-1].kind == "a":
                row = self.lex.scale_abbrev.get(sm.group(1))
                if row:
                    value, e = value * Decimal(row["value"]), sm.end()
            return _Q(m.start(), e, value, unit="%")
        if nv != nv.to_integral_value():
            return None
        value = nv / dv
        if m.group("whole") is not None:
            whole = _cn_value(self.cn_tokens(m.start("whole"), m.end("whole")))
            if whole is None:
                return None
            value += whole[0]
        return _Q(m.start(), e, value)

    def cn_tokens(self, start: int, end: int) -> list[_Tok]:
        toks: list[_Tok] = []
        for m in self.p["cn_token"].finditer(self.text, start, end):
            kind = m.lastgroup or ""
            raw = m.group(0)
            if kind == "a":
                for value, s, e, integer in _digit_values(raw, m.start(), "zh"):
                    toks.append(_Tok("a", value, s, e, raw, integer=integer))
                continue
            if kind == "c":
                word = self.lex.exact_words[raw]
                kind = {"digit": "z" if word.value == 0 else "d", "multiplier": "m",
                        "tens": "t"}[word.role]
                toks.append(_Tok(kind, word.value, m.start(), m.end(), raw,
                                 "financial" if word.row.get("financial") else "",
                                 ))
                continue
            word = self.lex.exact_words.get(raw)
            toks.append(_Tok(kind, Decimal(0), m.start(), m.end(), raw,
                             word.row.get("qualifier", "") if word else ""))
        return toks

    def parse_zh_run(self, start: int, end: int) -> list[_Num]:
        toks = self.cn_tokens(start, end)
        if not toks:
            return []
        parsed = _cn_value(toks)
        groups = [toks]
        if parsed is None and self.concat_context(toks[-1].end):
            parsed = self.concat(toks)
        if parsed is None:
            groups = _split_at_spaces(toks)
            if len(groups) == 1 and not self.concat_context(toks[-1].end):
                groups = [[t] for t in toks if t.kind == "a"] if all(
                    t.kind == "a" for t in toks) else []
        out = []
        for g in groups:
            res = _cn_value(g) if g is not toks or parsed is None else parsed
            if res is None:
                res = self.concat(g)
            if res is None:
                continue
            value, qual = res
            body = [t for t in g if t.kind not in ("s", "q")]
            if not body:
                continue
            lone = body[0].role if len(body) == 1 and body[0].kind in ("d", "z") else ""
            if all(t.kind == "m" for t in body) and not (
                    body[0].value == 10 or (len(body) > 1 and body[0].value in (100, 1000))):
                lone = "needs_unit"
            out.append(_Num(g[0].start, g[-1].end, value, first_digits=g[0].kind == "a",
                            last_digits=g[-1].kind == "a",
                            integer=value == value.to_integral_value(), qualifier=qual,
                            lone=lone or ("plain" if len(body) == 1 else ""),
                            scale=_cn_scale(g)))
        return out

    def concat_context(self, end: int) -> bool:
        return bool(re.match(r"[ ]*[折年]", self.text[end:end + 3]))

    def concat(self, toks: list[_Tok]) -> tuple[Decimal, str | None] | None:
        """Digits read one by one: years (二〇二一), discounts (三八折, 7 2 折)."""
        if not toks or any(t.kind not in ("d", "z", "a") for t in toks):
            return None
        if any(t.kind == "a" and not t.integer for t in toks[:-1]):
            return None
        if len(toks) < 3 and not self.concat_context(toks[-1].end):
            return None
        digits = "".join(t.text if t.kind == "a" else str(int(t.value)) for t in toks)
        try:
            return Decimal(digits), None
        except InvalidOperation:
            return None

    def attach_zh(self, n: _Num) -> _Q | None:
        t = self.text
        s, e, value, scale = n.start, n.end, n.value, n.scale
        unit: str | None = None
        counted: str | None = None
        found = self.currency_before(s)
        prev = t[s - 1] if s else ""
        if found:
            unit, s = found[0], found[1]
        elif n.first_digits and (_is_letter(prev) or (prev == "-" and _is_letter(t[s - 2:s - 1]))):
            return None
        if value >= 0:
            signed = self.sign_before(s)
            if signed < s:
                value, s = -value, signed
        if n.last_digits:
            m = self.p["scale"].match(t, e)
            if m and not _is_letter(t[m.end():m.end() + 1]):
                row = self.lex.scale_abbrev.get(m.group(1))
                if row:
                    factor = Decimal(row["value"])
                    value, scale, e = value * factor, scale * factor, m.end()
            if _is_letter(t[e:e + 1]):
                return None
        if unit is None:
            m = self.p["pct_after"].match(t, e)
            if m:
                key = re.sub(r"\s+", "", m.group(1)).lower()
                row = self.lex.percent.get(key)
                res = _zh_percent(row, value, n, t, m.end()) if row else None
                if res is not None:
                    value, e = res
                    unit = row["unit"]
        if unit is None and t[e:e + 1] == "倍":
            unit, e = "x", e + 1
        m = self.p["cur_after"].match(t, e)
        if m and unit in (None, self.lex.currency_code(m.group(1))) and not (
                unit is None and _is_letter(t[m.end():m.end() + 1])):
            unit, e = self.lex.currency_code(m.group(1)), m.end()
        if unit is None and t[e:e + 1] == "打" and t[e + 1:e + 2] not in ("折", "对", "對"):
            value, e = value * 12, e + 1
        if found and unit == found[0] and t[e:e + 1] in ("个", "個"):
            sub = self.p["cn_subunit"].match(t, e + 1)
            if sub and sub.group(1):
                e += 1  # Cantonese money reading: 港幣三個一毫四 = HK$3.14
        if unit is None:
            m = self.p["counted"].match(t, e)
            if m and (m.group(1) or m.group(2)):
                word = m.group(2) or m.group(1)
                unit, counted, e = "count", word, m.end()
                if t[e:e + 1] == "半" and word in ("个", "個"):
                    value, e = value + Decimal("0.5"), e + 1
        if unit and len(unit) == 3 and n.integer and scale == 1 and unit in ("CNY", "USD", "HKD"):
            sub = self.p["cn_subunit"].match(t, e)
            if sub:
                extra = _cn_subunit_value(sub, self.lex)
                if extra is not None:
                    value, e = value + (extra if value >= 0 else -extra), sub.end()
        if n.lone == "financial" and unit is None and _is_cjk(t[e:e + 1]):
            return None
        if n.lone == "needs_unit" and unit is None:
            return None
        return _Q(s, e, value, unit=unit, counted=counted, scale=scale,
                  integer=n.integer and scale == 1, inner=n.qualifier)


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


# --------------------------------------------------------------------------------------------
# Digits.


def _digit_values(raw: str, start: int, lang: str) -> list[tuple[Decimal, int, int, bool]]:
    """Digits as written → [(value, start, end, is_integer)]; dotted chains give several."""
    base = re.match(r"[\d., ]+", raw)
    body = base.group(0).rstrip(". ") if base else raw
    rest = raw[len(body):]
    if body.count(".") >= 2 and "," not in body:
        out, pos = [], start
        for part in body.split("."):
            if part:
                out.append((Decimal(part), pos, pos + len(part), True))
            pos += len(part) + 1
        return out
    if re.fullmatch(r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?", body):
        number = body.replace(",", "").replace(" ", "")
    elif lang == "en" and re.fullmatch(r"\d+,\d{1,2}", body):
        number = body.replace(",", ".")
    else:
        number = body
    try:
        value = Decimal(number)
    except InvalidOperation:
        return []
    exp = re.match(r"[eE]([+-]?\d+)", rest)
    if exp:
        value = value.scaleb(int(exp.group(1)))
        rest = rest[exp.end():]
    power = re.match(r"\^(-*)\+?(-*)(\d+)", rest)
    if power:
        n = int(power.group(3))
        if (len(power.group(1)) + len(power.group(2))) % 2:
            n = -n
        if (value == 0 and n <= 0) or abs((value.adjusted() + 1) * n) > 60:
            return []
        value = value ** n
    end = start + len(body) + (len(raw) - len(body) - len(rest) if (exp or power) else 0)
    if exp or power:
        end = start + len(raw)
    integer = "." not in number and not exp and not power
    return [(value, start, end, integer)]


# --------------------------------------------------------------------------------------------
# English cardinals and fractions over tokens.


@dataclass
class _Parsed:
    value: Decimal
    end: int
    scale: Decimal = Decimal(1)
    integer: bool = True
    words: bool = False
    last_big: Decimal = Decimal(1)
    qualifier: str | None = None


_WORDISH = {"num", "unit", "teen", "tens", "hundred", "scale", "and", "article", "dozen"}


def _en_cardinal(toks: list[_Tok], i: int, stop: int | None = None) -> _Parsed | None:
    """Longest cardinal starting at token i ("two hundred and five thousand", "4 thousand 3")."""
    n = len(toks) if stop is None else stop
    total = Decimal(0)
    hund = small = Decimal(0)
    last: str | None = None
    last_big: Decimal | None = None
    best: _Parsed | None = None
    scale = Decimal(1)
    integer = True
    qualifier = None
    j = i
    while j < n:
        t = toks[j]
        k = t.kind
        nxt = toks[j + 1].kind if j + 1 < n else None
        if k == "num":
            if last is None:
                small, integer = t.value, t.integer
            elif last in ("scale", "and", "hundred") and t.integer and not (
                    last == "hundred" and t.value >= 100) and not (
                    last_big is not None and last in ("scale", "and") and hund == 0
                    and small == 0 and t.value >= last_big):
                small = t.value
            else:
                break
        elif k in ("unit", "teen"):
            if last in (None, "scale", "hundred", "and") and small == 0:
                small = t.value
            elif last == "tens" and k == "unit" and small % 10 == 0 and t.value != 0:
                small += t.value
            else:
                break
        elif k == "tens":
            if last in (None, "scale", "hundred", "and") and small == 0:
                small = t.value
            elif last == "unit" and hund == 0 and 0 < small < 10 and j - 1 == i:
                hund, small = small * 100, t.value
            else:
                break
        elif k == "hundred":
            if last in ("unit", "teen", "tens", "num", "article") and hund == 0 and small > 0 \
                    and (last != "num" or small < 1000):
                hund, small = small * 100, Decimal(0)
            else:
                break
        elif k == "scale":
            group = hund + small
            if last in ("unit", "teen", "tens", "num", "hundred", "article", "dozen") and group:
                if last_big is not None and t.value >= last_big:
                    break
                total += group * t.value
                hund = small = Decimal(0)
                last_big = t.value
                scale = t.value
            elif last == "scale" and last_big is not None and t.value > last_big and total:
                total *= t.value
                last_big = t.value
                scale = scale * t.value
            else:
                break
        elif k == "dozen":
            if last in ("unit", "teen", "tens", "num", "article") and small > 0:
                small *= 12
            elif last == "hundred":
                hund *= 12
            else:
                break
        elif k == "and":
            if last in ("hundred", "scale") and nxt in ("num", "unit", "teen", "tens", "article"):
                pass
            else:
                break
        elif k == "article":
            if last is None and nxt in ("hundred", "scale", "dozen", "after_article"):
                small = Decimal(1)
            else:
                break
        elif k == "after_article":
            if last == "article":
                small = t.value
                qualifier = t.text and _AFTER_ARTICLE_QUAL.get(t.text.lower())
            else:
                break
        elif k == "point":
            dec = _en_decimals(toks, j + 1)
            if dec is None or last in ("and", "article", "dozen") or (last is None and j > i):
                break
            digits, j2 = dec
            value = total + hund + small + Decimal("0." + digits)
            end = j2
            sc = Decimal(1)
            if end < n and toks[end].kind == "scale" and total == 0:
                sc = toks[end].value
                value *= sc
                end += 1
            return _Parsed(value, end, scale=sc if sc != 1 else scale, integer=False,
                           words=True)
        else:
            break
        last = k
        j += 1
        if k not in ("and", "article"):
            best = _Parsed(total + hund + small, j, scale=scale,
                           integer=integer and k != "dozen" or integer,
                           words=True, last_big=last_big or Decimal(1), qualifier=qualifier)
    if best is not None and best.end == i + 1 and toks[i].kind == "num":
        best.words = False
    return best


_AFTER_ARTICLE_QUAL = {"few": "approx"}


def _en_decimals(toks: list[_Tok], j: int) -> tuple[str, int] | None:
    digits = ""
    n = len(toks)
    while j < n:
        t = toks[j]
        if t.kind == "unit" and t.value < 10:
            digits += str(int(t.value))
        elif t.kind == "tens" and not digits:
            digits += str(int(t.value))[0]
            if j + 1 < n and toks[j + 1].kind == "unit" and toks[j + 1].value > 0:
                digits += str(int(toks[j + 1].value))
                j += 1
            else:
                digits += "0"
            j += 1
            break
        elif t.kind == "teen" and not digits:
            digits += str(int(t.value))
            j += 1
            break
        elif t.kind == "num" and t.integer and not digits and t.text.isdigit():
            digits = t.text
            j += 1
            break
        else:
            break
        j += 1
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
    if re.match(r"-[A-Za-z]", text[d.end:d.end + 2]):
        return None  # "half-year", "quarter-end": compounds, not fractions
    after_scale = toks[k + 1] if k + 1 < n and toks[k + 1].kind == "scale" else None
    end = k + 2 if after_scale else k + 1
    if k == i:
        if d.role in ("half", "quarter") and after_scale:
            return _Parsed(after_scale.value / d.value, end, scale=after_scale.value,
                           integer=False, words=True)
        if (d.role == "half" and k + 2 < n and toks[k + 1].kind == "article"
                and toks[k + 2].kind == "scale"):
            return _Parsed(toks[k + 2].value / 2, k + 3, scale=toks[k + 2].value, integer=False,
                           words=True)
        return None
    den, num_end = d.value, k
    if d.role == "ordinal_after_tens" or (d.role == "ordinal" and d.value < 10):
        if toks[k - 1].kind == "tens" and k - 1 > i:
            den, num_end = toks[k - 1].value + d.value, k - 1
        elif d.role == "ordinal_after_tens":
            return None
    if d.role == "quarter" and toks[i].kind == "article" and num_end == i + 1 and not (
            after_scale or re.match(r"[ ]+of\b", text[d.end:d.end + 5])):
        return None
    mult = after_scale.value if after_scale else Decimal(1)
    ands = [p for p in range(i, num_end) if toks[p].kind == "and"]
    if ands:
        p = ands[-1]
        whole = _en_cardinal(toks, i, p)
        part = _en_cardinal_or_article(toks, p + 1, num_end)
        if whole and whole.end == p and part and part.end == num_end and part.value < den:
            if after_scale and whole.last_big == 1:
                value = (whole.value + part.value / den) * mult
            else:
                factor = mult if after_scale else (whole.last_big if whole.last_big >= 1000
                                                   else 1)
                value = whole.value + part.value / den * factor
            return _Parsed(value, end, integer=False, words=True)
    if any(toks[q].kind == "num" for q in range(i, num_end)):
        return None
    top = _en_cardinal_or_article(toks, i, num_end)
    if top is None:
        return None
    if top.end == num_end:
        return _Parsed(top.value / den * mult, end, integer=False, words=True)
    rest = _en_cardinal(toks, top.end, num_end)
    if rest and rest.end == num_end and rest.value >= 100 and den < 100:
        return _Parsed(top.value / (rest.value + den) * mult, end, integer=False, words=True)
    return None


def _en_cardinal_or_article(toks: list[_Tok], i: int, stop: int) -> _Parsed | None:
    if i < stop and toks[i].kind == "article":
        return _Parsed(Decimal(1), i + 1, words=True)
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
        elif t.kind not in ("q",):
            break
    return scale


def _cn_value(toks: list[_Tok]) -> tuple[Decimal, str | None] | None:
    """Value of a Chinese numeral (digits, 十百千万亿, 点, signs) or None when malformed."""
    sign = Decimal(1)
    if toks and toks[0].kind == "s":
        sign, toks = Decimal(-1), toks[1:]
    qual = next((t.role for t in toks if t.kind == "q"), None) or None
    toks = [t for t in toks if t.kind != "q"]
    if not toks or any(t.kind == "s" for t in toks):
        return None
    points = [i for i, t in enumerate(toks) if t.kind == "p"]
    if len(points) > 1:
        return None
    if points:
        p = points[0]
        int_part = toks[:p]
        digits, j = "", p + 1
        while j < len(toks) and toks[j].kind in ("d", "z", "a"):
            t = toks[j]
            if t.kind == "a":
                if not t.text.isdigit():
                    return None
                digits += t.text
            else:
                digits += str(int(t.value))
            j += 1
        tail = toks[j:]
        if not digits or any(t.kind != "m" or t.value < 10000 for t in tail):
            return None
        whole = _cn_int(int_part) if int_part else Decimal(0)
        if whole is None:
            return None
        value = whole + Decimal("0." + digits)
        for t in tail:
            value *= t.value
        return sign * value, qual
    value = _cn_int(toks)
    return None if value is None else (sign * value, qual)


def _cn_int(toks: list[_Tok]) -> Decimal | None:
    mults = [t.value for t in toks if t.kind == "m"]
    if not mults:
        body = list(toks)
        while len(body) > 1 and body[0].kind == "z":
            body = body[1:]
        if len(body) == 1:
            return body[0].value
        if len(body) == 2 and body[0].kind == "t" and body[1].kind == "d":
            return body[0].value + body[1].value
        return None
    top = max(mults)
    idx = max(i for i, t in enumerate(toks) if t.kind == "m" and t.value == top)
    left, right = toks[:idx], toks[idx + 1:]
    if any(t.kind == "p" for t in left + right):
        return None
    if left and all(t.kind == "z" for t in left):
        left = []
    lv = _cn_int(left) if left else Decimal(1)
    if lv is None or lv == 0:
        return None
    if top < 10000 and not (lv < 10 or (len(left) == 1 and left[0].kind == "a")):
        return None
    zero_lead = bool(right) and right[0].kind == "z"
    while right and right[0].kind == "z":
        right = right[1:]
    if not right:
        rv = Decimal(0)
    elif not zero_lead and len(right) == 1 and right[0].kind == "d" and top >= 100:
        rv = right[0].value * top / 10
    else:
        rv = _cn_int(right)
        if rv is None or rv >= top:
            return None
    return lv * top + rv


def _zh_percent(row: dict, value: Decimal, n: _Num, t: str,
                end: int) -> tuple[Decimal, int] | None:
    nb = row.get("not_before", "")
    if nb and t[end:end + 1] and t[end:end + 1] in nb:
        return None
    role = row.get("role", "plain")
    factor = Decimal(row.get("factor", "1"))
    if role == "tenths":
        if value > 10 or value < 0:
            return None
        if t[end:end + 1] == "半":
            value, end = value + Decimal("0.5"), end + 1
        return value * factor, end
    if role == "discount":
        if value <= 0 or value >= 100:
            return None
        if value < 10:
            return value * factor, end
        if value == value.to_integral_value():
            return value, end
        return None
    return value * factor, end


def _cn_subunit_value(m: re.Match, lex: _Lex) -> Decimal | None:
    def digit(s: str | None) -> Decimal:
        if not s:
            return Decimal(0)
        if s.isdigit():
            return Decimal(s)
        word = lex.exact_words.get(s)
        return word.value if word else Decimal(0)

    if m.group(1):
        jiao, fen = digit(m.group(1)), digit(m.group(3))
        if jiao >= 10 or fen >= 10:
            return None
        return jiao / 10 + fen / 100
    if m.group(4):
        row = lex.subunits.get(m.group(5).lower())
        return digit(m.group(4)) * Decimal(row["value"]) if row else None
    if m.group(6):
        return digit(m.group(6)) / 100
    if m.group(7):
        d = digit(m.group(7))
        return d / 10 if d < 10 else None
    return None
