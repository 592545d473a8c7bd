"""Shares written as words: "nearly half of its games revenue", 近一半 -> 50 %.

The normalizer reads "half" and 一半 as the number 0.5, as number recognizers do; in a fact base
"half of revenue" states a share, so the quantity stage re-reads these words as percentages. The
words and their values live in `resources/<lang>/share_words.jsonl`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import cache

from pipeline.lexicon import WithSurfaces, read_rows
from pipeline.quantities import Quantity, qualifier_before
from pipeline.trie import trie_regex

# "the first half of", "the second half", "in half of the year": a period, not a share
PERIOD_BEFORE = re.compile(r"(?:first|second|latter|1st|2nd|other|the|a|and)\s+$", re.I)
PERIOD_AFTER = re.compile(r"\s+(?:the\s+)?(?:year|month|quarter|decade|century|(?:19|20)\d\d)",
                          re.I)


class ShareWordRow(WithSurfaces):
    """Words of one fraction; `needs_after`: the word that must follow ("of")."""

    id: str
    percent: Decimal
    needs_after: str | None = None


@cache
def _rows(lang: str) -> tuple[ShareWordRow, ...]:
    return read_rows(f"pipeline.resources.{lang}", "share_words.jsonl", ShareWordRow)


@cache
def _pattern(lang: str) -> re.Pattern[str] | None:
    surfaces = sorted({s for row in _rows(lang) for s in row.surfaces})
    if not surfaces:
        return None
    body = trie_regex(surfaces)
    return re.compile(rf"(?<![A-Za-z-])(?:{body})(?![A-Za-z-])" if lang == "en" else body, re.I)


def _row_of(lang: str, surface: str) -> ShareWordRow:
    folded = surface.lower()
    return next(r for r in _rows(lang) if folded in {s.lower() for s in r.surfaces})


def with_share_words(text: str, found: list[Quantity], lang: str) -> list[Quantity]:
    """`found` with every share word as a percentage (replacing its 0.5 reading, if any)."""
    pattern = _pattern(lang)
    if pattern is None:
        return found
    out = list(found)
    for m in pattern.finditer(text):
        row = _row_of(lang, m.group())
        after = text[m.end():m.end() + 40]
        if row.needs_after and not re.match(rf"\s+{row.needs_after}\b", after):
            continue
        if PERIOD_BEFORE.search(text[max(0, m.start() - 12):m.start()]) and lang == "en":
            continue
        if PERIOD_AFTER.match(after[len(row.needs_after or "") + 1:]):
            continue  # "half of the year"
        inside = [q for q in out if q.start <= m.start() and m.end() <= q.end]
        if inside:
            q = inside[0]
            if q.unit is not None or q.amount != Decimal("0.5"):
                continue  # "one and a half" is a number, "半个" a count
            out[out.index(q)] = replace(q, amount=row.percent, unit="%")
            continue
        if any(q.start < m.end() and m.start() < q.end for q in out):
            continue
        qualifier = qualifier_before(text, m.start(), lang)
        out.append(Quantity(text=m.group(), start=m.start(), end=m.end(), amount=row.percent,
                            unit="%", qualifier=qualifier[0] if qualifier else "exact",
                            qualifier_start=qualifier[1] if qualifier else None))
    return sorted(out, key=lambda q: (q.start, q.end))
