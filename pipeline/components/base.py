"""What every component shares: the cue record and the Doc's text read once."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span


@dataclass(frozen=True, slots=True)
class Cue:
    """One hit of a rule table: exact character offsets, text as written, label and row id."""

    start: int
    end: int
    text: str
    label: str
    row: str


def doc_text(doc: Doc) -> str:
    """The Doc's text, computed once: spaCy rebuilds `Doc.text` from every token on each call."""
    if doc._.raw_text is None:
        doc._.raw_text = doc.text
    return doc._.raw_text


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end character offset of every token, read once per Doc."""
    bounds = doc.user_data.get("facts_token_bounds")
    if bounds is None:
        table = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        bounds = ([s for s, _ in table], [s + n for s, n in table])
        doc.user_data["facts_token_bounds"] = bounds
    return bounds


def expand_span(doc: Doc, start: int, end: int, **attrs: object) -> Span | None:
    """`doc.char_span(start, end, alignment_mode="expand")` by bisection on token offsets.

    The span runs from the first token ending after `start` to the last token starting before
    `end`, as spaCy's expand mode does; char_span walks tokens in Python on every call.
    """
    starts, ends = token_bounds(doc)
    first = bisect_right(ends, start)
    last = bisect_left(starts, end) - 1
    if first > last:
        return None
    return Span(doc, first, last + 1, **attrs)
