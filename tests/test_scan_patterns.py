"""Fast scan patterns find exactly what the plain patterns they replace find."""

from __future__ import annotations

import random
import re

import pytest

from pipeline.quantities import _alt, _first_chars, _guarded_wb, _load_rows, _scan_alt
from pipeline.sentence_view import CLAUSE_BREAK, clause_breaks

GLUE = [" ", "  ", "", "-", "x", "\n", ".", "K", "\u212a", "\u017f", "\u0130", "é", "1", "の"]


def _texts(words: list[str], seed: int) -> list[str]:
    """Random texts of the table's own words, in odd cases, with odd neighbours."""
    rng = random.Random(seed)
    texts = []
    for _ in range(400):
        pieces = [rng.choice(words) for _ in range(rng.randrange(1, 8))]
        pieces = [p.upper() if rng.random() < 0.2 else p.title() if rng.random() < 0.2 else p
                  for p in pieces]
        texts.append("".join(rng.choice(GLUE) + p + rng.choice(GLUE) for p in pieces))
    return texts


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", ["multiple", "not_number", "counted", "qualifier"])
@pytest.mark.parametrize("word", [True, False])
def test_scan_alt_finds_what_the_lookahead_form_finds(lang: str, kind: str, word: bool) -> None:
    rows = [r for r in _load_rows(lang) if r["kind"] == kind]
    rng = random.Random(len(rows))
    surfaces = [(r["surface"], rng.random() < 0.5) for r in rows]  # both case rules
    scan = _scan_alt(surfaces, word=word)
    if scan is None:
        pytest.skip("a first character the class form does not take")
    guard = f"(?=(?:{_first_chars(surfaces)}))"
    plain = _guarded_wb(surfaces) if word else f"{guard}(?:{_alt(surfaces)})"
    fast, slow = re.compile(scan), re.compile(plain)
    for text in _texts([s for s, _ in surfaces], seed=len(kind)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]


def test_clause_breaks_match_the_full_pattern() -> None:
    rng = random.Random(5)
    alphabet = list(" ,;；，:：!?。！？—–-\u3000\t\n1a.")
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        assert clause_breaks(text) == [m.start() for m in CLAUSE_BREAK.finditer(text)]
