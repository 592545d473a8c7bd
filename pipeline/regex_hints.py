r"""Literal hints: strings one of which every match of a regex contains, to skip hopeless searches.

`re` tries a pattern such as `\bfor reference only\b|\bsee disclaimer\b` at every position of a
line; a line that contains none of "for reference only" and "see disclaimer" cannot match, and
`in` tells that much faster. Hints are read from the parse tree that `re.compile` itself uses, and
only from characters whose case-insensitive matching is plain: ASCII (on texts without the four
non-ASCII letters that `re.IGNORECASE` folds to ASCII), CJK ideographs and the copyright sign.
Anything the reader is unsure of gives no hint, and the regex runs as before.
"""

from __future__ import annotations

import re
from re import _constants as sre  # private: the opcodes of the parse tree below
from re import _parser  # private: the parser behind re.compile (stable since 3.11)

# İ ı ſ K: the only non-ASCII characters that IGNORECASE matches to ASCII letters
FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)

Hints = tuple[str, ...]


def required_literals(pattern: str, flags: int = 0) -> Hints | None:
    """Lowercase strings of which every match of `pattern` contains one; None when unknown."""
    try:
        return _sequence(list(_parser.parse(pattern, flags)))
    except re.error:
        return None


def may_match(hints: Hints, lowered: str) -> bool:
    """False only when no match is possible: `lowered` is the subject lowercased.

    Only for subjects without `FOLDS_TO_ASCII` characters.
    """
    for hint in hints:  # a plain loop: cheaper than any() over a generator for a few hints
        if hint in lowered:
            return True
    return False


def _plain(code: int) -> bool:
    """A character that matches itself and its ASCII case partner only."""
    return code < 128 or 0x4E00 <= code <= 0x9FFF or code == 0xA9


def _sequence(items: list) -> Hints | None:
    """The best hint of a sequence: its longest literal run, or a hint of one of its parts."""
    found: list[Hints] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL and _plain(av):
            run.append(chr(av).lower())
            continue
        if run:
            found.append(("".join(run),))
            run = []
        inner = _node(op, av)
        if inner is not None:
            found.append(inner)
    return max(found, key=lambda hints: min(map(len, hints)), default=None)


def _node(op: object, av: object) -> Hints | None:
    """Hints of one parse-tree node that every match of it must contain."""
    if op is sre.SUBPATTERN:
        return _sequence(list(av[3]))  # type: ignore[index]
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))  # type: ignore[call-overload]
    if op in _REPEATS and av[0] >= 1:  # type: ignore[index]
        return _sequence(list(av[2]))  # type: ignore[index]
    if op is sre.BRANCH:
        branches = [_sequence(list(branch)) for branch in av[1]]  # type: ignore[index]
        if any(b is None for b in branches):
            return None
        return tuple(h for b in branches for h in b)  # type: ignore[union-attr]
    return None
