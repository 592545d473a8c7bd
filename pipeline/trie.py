"""Regexes for large word lists, built from their prefix trie.

Python's `re` tries every alternative of `a|b|c...` at every position; a trie-shaped pattern
walks shared prefixes once, several times faster on lexicons of hundreds of surfaces, with the
same longest-match-first behaviour (greedy optional ends).
"""

from __future__ import annotations

import re


def trie_regex(words: list[str], spaced: bool = False, loose_spaces: bool = True) -> str:
    """A regex matching exactly `words`, longest first, built from their prefix trie.

    A space in a word matches a run of spaces unless `loose_spaces` is False.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_regex(trie, "", " *" if spaced else "", "[ ]+" if loose_spaces else "[ ]")


def _node_regex(node: dict, lead: str, gap: str, space: str) -> str:
    """Branches for the children of `node`; `lead` goes before each (spaced CJK: " *")."""
    branches = [
        lead + (space if char == " " else re.escape(char)) + _node_regex(node[char], gap, gap,
                                                                         space)
        for char in sorted(c for c in node if c)
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


def first_char_branches(words: list[str]) -> tuple[str, str]:
    """(first characters, branches) such that `[firsts](?:branches)` matches as trie_regex(words).

    Each branch checks the first character behind it, so a pattern can open with a character
    class, which `re` scans for in C instead of trying the whole pattern at every position.
    Words must not start with a space (trie_regex lets a space match a run of spaces).
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    branches = "|".join(f"(?<={re.escape(first)}){trie_regex(sorted(rests))}"
                        for first, rests in sorted(groups.items()))
    return "".join(sorted(groups)), branches


# İ ı ſ K: the only non-ASCII characters that re.IGNORECASE matches to ASCII letters
_ASCII_FOLDS = "\u0130\u0131\u017f\u212a"


def compile_trie(words: list[str], ignore_case: bool = False) -> re.Pattern[str]:
    """re.compile(trie_regex(words), re.I if ignore_case else 0), opening with a character class.

    `re` cannot scan for the first characters of a case-insensitive pattern in C; a class that
    lists both cases itself can be. First letters outside ASCII have case partners this does not
    enumerate: those word lists are compiled as they are.
    """
    if not words or not ignore_case:
        return re.compile(trie_regex(words), re.IGNORECASE if ignore_case else 0)
    firsts, branches = first_char_branches(words)
    cased = [c for c in firsts if c.lower() != c.upper()]
    if any(not c.isascii() for c in cased) or any(w[:1] == " " for w in words):
        return re.compile(trie_regex(words), re.IGNORECASE)
    chars = set(firsts) | {c.swapcase() for c in cased} | (set(_ASCII_FOLDS) if cased else set())
    return re.compile(f"[{re.escape(''.join(sorted(chars)))}](?i:{branches})")
