"""A PhraseMatcher over one rule table: writes labelled spans into a span group.

Subjects, metrics, segments, regions, change cues and modality cues are all "find these surfaces
and say which row fired", so one class serves them; each stage only chooses its table.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans


class LexiconTagger:
    """Tag every surface of a rule table; overlapping hits keep the longest per label group."""

    def __init__(self, nlp: Language, group: str, entries: Iterable[tuple[str, str, str]],
                 attr: str = "LOWER", overlap: str = "label") -> None:
        """`entries` are (surface, label, row id); `overlap` is "label" or "all"."""
        self.group = group
        self.overlap = overlap
        self.matcher = PhraseMatcher(nlp.vocab, attr=attr)
        self.rows: dict[int, tuple[str, str]] = {}
        by_key: dict[tuple[str, str], list[str]] = {}
        for surface, label, row_id in entries:
            by_key.setdefault((label, row_id), []).append(surface)
        for (label, row_id), surfaces in sorted(by_key.items()):
            key = f"{group}|{label}|{row_id}"
            self.matcher.add(key, list(nlp.tokenizer.pipe(surfaces)))
            self.rows[nlp.vocab.strings[key]] = (label, row_id)

    def __call__(self, doc: Doc) -> Doc:
        spans = [
            Span(doc, start, end, label=self.rows[match_id][0], span_id=self.rows[match_id][1])
            for match_id, start, end in self.matcher(doc)
        ]
        doc.spans[self.group] = self.resolve_overlaps(spans)
        return doc

    def resolve_overlaps(self, spans: list[Span]) -> list[Span]:
        """Keep the longest span where hits overlap (per label, or across all labels)."""
        if self.overlap == "all":
            return sorted(filter_spans(spans), key=lambda s: (s.start, s.end))
        kept: list[Span] = []
        for label in sorted({s.label_ for s in spans}):
            kept.extend(filter_spans([s for s in spans if s.label_ == label]))
        return sorted(kept, key=lambda s: (s.start, s.end, s.label_))
