"""Tag every surface of one rule table: exact hits for assembly, spans for spaCy users.

Subjects, metrics, segments, regions, change cues and modality cues are all "find these surfaces
and say which row fired", so one class serves them; each stage only chooses its table.
English matches tokens with a PhraseMatcher (word boundaries for free). Chinese matches
characters with one compiled alternation: jieba fuses words unpredictably (环比增长, 同比下降了),
so a token-level pattern would miss cues that a character-level one finds, offsets unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline.components.base import Cue, doc_text, expand_span, token_bounds
from pipeline.trie import compile_trie


def _position(hit: Cue) -> tuple[int, int, str, str]:
    return hit.start, hit.end, hit.label, hit.row


def keep_longest(hits: list[Cue], per_label: bool) -> list[Cue]:
    """Resolve overlaps: the longest hit wins (per label, or across all labels).

    Only overlapping hits compete, so the text is cut into runs of overlapping hits: a hit
    alone in its run is kept as it is, and only the few crowded runs are resolved.
    """
    kept: list[Cue] = []
    crowd: list[Cue] = []
    crowd_end = -1
    for hit in sorted(hits, key=_position):
        if crowd and hit.start >= crowd_end:
            kept.extend(crowd if len(crowd) == 1 else _resolve(crowd, per_label))
            crowd = []
        crowd.append(hit)
        crowd_end = max(crowd_end, hit.end)
    if crowd:
        kept.extend(crowd if len(crowd) == 1 else _resolve(crowd, per_label))
    return kept


def _resolve(hits: list[Cue], per_label: bool) -> list[Cue]:
    """Longest first, each hit kept if its characters are still free (per label or in all)."""
    kept: list[Cue] = []
    taken: dict[str, set[int]] = {}
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start, h.label, h.row)):
        occupied = taken.setdefault(hit.label if per_label else "", set())
        positions = range(hit.start, hit.end)
        if occupied.isdisjoint(positions):
            occupied.update(positions)
            kept.append(hit)
    return sorted(kept, key=_position)


class LexiconTagger:
    """Writes `doc._.cues[group]` (exact hits) and `doc.spans[group]` (token-aligned spans)."""

    def __init__(self, nlp: Language, group: str, entries: Iterable[tuple[str, str, str]],
                 case_sensitive: bool = False, overlap: str = "label") -> None:
        """`entries` are (surface, label, row id); `overlap` is "label" or "all"."""
        self.group = group
        self.per_label = overlap == "label"
        self.by_chars = nlp.lang == "zh"
        entries = list(entries)
        # labels and row ids as their StringStore keys: a Span given the key skips hashing
        self.keys = {s: nlp.vocab.strings.add(s) for _, label, row in entries for s in (label, row)}
        if self.by_chars:
            self.case_sensitive = case_sensitive
            groups: dict[str, dict[str, list[tuple[str, str]]]] = {}
            for surface, label, row_id in entries:
                table = groups.setdefault(label if self.per_label else "", {})
                table.setdefault(self.fold(surface), []).append((label, row_id))
            # one alternation per label group, longest first, so cues of different labels
            # may overlap ("同比" yoy inside "同比增长" up) as they do with the PhraseMatcher
            self.patterns = [(compile_trie(sorted(t), ignore_case=not case_sensitive), t)
                             for _, t in sorted(groups.items())]
            return
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH" if case_sensitive else "LOWER")
        self.rows: dict[int, tuple[str, str]] = {}
        by_key: dict[tuple[str, str], list[str]] = {}
        for surface, label, row_id in entries:
            by_key.setdefault((label, row_id), []).append(surface)
        for (label, row_id), surfaces in sorted(by_key.items()):
            key = f"{group}|{label}|{row_id}"
            self.matcher.add(key, list(nlp.tokenizer.pipe(surfaces)))
            self.rows[nlp.vocab.strings[key]] = (label, row_id)

    def __call__(self, doc: Doc) -> Doc:
        """Find every surface, resolve overlaps, store hits and spans."""
        tokens: dict[tuple[int, int], tuple[int, int]] = {}
        hits = keep_longest(self.find(doc, tokens), self.per_label)
        doc._.cues[self.group] = hits
        spans = []
        keys = self.keys
        for hit in hits:
            label, row = keys[hit.label], keys[hit.row]
            bounds = tokens.get((hit.start, hit.end))
            if bounds is not None:  # a token match: its tokens are what char_span would expand to
                spans.append(Span(doc, *bounds, label=label, span_id=row))
                continue
            span = expand_span(doc, hit.start, hit.end, label=label, span_id=row)
            if span is not None:
                spans.append(span)
        doc.spans[self.group] = spans
        return doc

    def fold(self, surface: str) -> str:
        """Case-folded key unless the table is case-sensitive."""
        return surface if self.case_sensitive else surface.lower()

    def find(self, doc: Doc, tokens: dict[tuple[int, int], tuple[int, int]] | None = None
             ) -> list[Cue]:
        """All hits before overlap resolution; token matches also fill `tokens` (chars -> tokens).

        Offsets and text come from the first and last token and the Doc's text: building a Span
        and its text token by token costs more than the match itself.
        """
        if self.by_chars:
            text = doc_text(doc)
            return [
                Cue(m.start(), m.end(), m.group(), label, row)
                for pattern, table in self.patterns
                for m in pattern.finditer(text)
                for label, row in table[self.fold(m.group())]
            ]
        found = []
        text = doc_text(doc)
        starts, ends = token_bounds(doc)
        for match_id, start, end in self.matcher(doc):
            start_char, end_char = starts[start], ends[end - 1]
            label, row = self.rows[match_id]
            found.append(Cue(start_char, end_char, text[start_char:end_char], label, row))
            if tokens is not None:
                tokens[start_char, end_char] = (start, end)
        return found
