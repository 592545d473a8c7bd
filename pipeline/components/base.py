"""What every component shares: the cue record and the Doc's text read once."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


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
