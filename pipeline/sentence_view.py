"""Everything the components found, regrouped per sentence, in character offsets.

Assembly reasons about order and distance inside a sentence ("the nearest metric cue before the
number, in the same clause"), so it needs each stage's hits as sorted (start, end, label, id)
records and the clause boundaries, not spaCy tokens.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline.components.base import Cue, doc_text
from pipeline.periods import TimeMention
from pipeline.quantities import Quantity

# (?<!\d),|,(?!\d)|[;；，:：!?。！？]|\s[-–—]\s|—— written to open with a character class (re
# scans for it in C); each alternative checks that first character behind it
CLAUSE_BREAK = re.compile(r"[,;；，:：!?。！？\s—](?:(?<=,)(?<!\d,)|(?<=,)(?!\d)"
                          r"|(?<=[;；，:：!?。！？])|(?<=\s)[-–—]\s|(?<=—)—)")
SEMICLAUSE_BREAK = re.compile(r"[;；。!?！？]")
# CLAUSE_BREAK without its branches for " - " and "——": on a text where no whitespace stands
# before a dash and no "——" occurs they cannot match, and re need not stop at every space
PUNCT_BREAK = re.compile(r"[,;；，:：!?。！？]"
                         r"(?:(?<=,)(?<!\d,)|(?<=,)(?!\d)|(?<=[;；，:：!?。！？]))")
DASHES = "-–—"


def clause_breaks(text: str) -> list[int]:
    """Offsets in `text` where CLAUSE_BREAK matches (the simpler pattern when it finds the same)."""
    pattern = CLAUSE_BREAK if _dash_break_possible(text) else PUNCT_BREAK
    return [m.start() for m in pattern.finditer(text)]


def _dash_break_possible(text: str) -> bool:
    r"""Whether a dash follows whitespace (as `\s` and str.isspace see it) or "——" occurs."""
    if "——" in text:
        return True
    for dash in DASHES:
        i = text.find(dash, 1)
        while i != -1:
            if text[i - 1].isspace():
                return True
            i = text.find(dash, i + 1)
    return False


@dataclass(slots=True)
class SentenceView:
    """One sentence with the hits of every stage that fall inside it."""

    start: int
    end: int
    text: str
    paragraph: int
    lang: str = "en"
    quantities: list[Quantity] = field(default_factory=list)
    subjects: list[Cue] = field(default_factory=list)
    metrics: list[Cue] = field(default_factory=list)
    segments: list[Cue] = field(default_factory=list)
    changes: list[Cue] = field(default_factory=list)
    modality: list[Cue] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    clause_breaks: list[int] = field(default_factory=list)
    semiclause_breaks: list[int] = field(default_factory=list)

    def clause(self, pos: int) -> tuple[int, int]:
        """Bounds of the comma clause holding `pos` (absolute offsets)."""
        return _bounds(self.clause_breaks, pos, self.start, self.end)

    def semiclause(self, pos: int) -> tuple[int, int]:
        """Bounds of the semicolon clause holding `pos`."""
        return _bounds(self.semiclause_breaks, pos, self.start, self.end)

    def between(self, start: int, end: int) -> str:
        """Raw text between two absolute offsets."""
        return self.text[start - self.start:end - self.start]


def _bounds(breaks: list[int], pos: int, start: int, end: int) -> tuple[int, int]:
    i = bisect_right(breaks, pos)
    left = breaks[i - 1] + 1 if i > 0 else start
    j = bisect_left(breaks, pos)
    right = breaks[j] if j < len(breaks) else end
    return left, right


def _cues(doc: Doc, group: str) -> list[Cue]:
    return list(doc._.cues.get(group, []))


class _ByStart:
    """Items sorted by start, sliced by offset range with bisect (no scan per sentence)."""

    def __init__(self, items: list) -> None:
        self.items = sorted(items, key=lambda x: (x.start, x.end))
        self.starts = [x.start for x in self.items]

    def inside(self, start: int, end: int) -> list:
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        return [x for x in self.items[lo:hi] if x.end <= end]


ECONOMY_ROWS = ("macro", "macro_investment", "gdp_impact")  # metric rows naming the economy


def outside_names(metrics: list[Cue], named: list[Cue]) -> list[Cue]:
    """Metric words that are not part of a name ("China Overseas Land & Investment")."""
    return [m for m in metrics if not any(
        n.start <= m.start and m.end <= n.end and (n.start, n.end) != (m.start, m.end)
        for n in named)]


def sentence_views(doc: Doc, quantities: list[Quantity]) -> list[SentenceView]:
    """Split every stage's hits by sentence (sentences come from the segmenter)."""
    seg = doc._.segmentation
    subjects, metrics, segments, changes, modality = (
        _ByStart(_cues(doc, g)) for g in ("subjects", "metrics", "segments", "changes", "modality"))
    times = _ByStart(doc._.time_mentions or [])
    numbers = _ByStart(quantities)
    views = []
    full_text = doc_text(doc)
    lang = doc.lang_
    for sentence in seg.sentences:
        if seg.title is not None and sentence.paragraph == 0:
            continue  # the headline repeats the body's facts; it is page header, not text
        s, e = sentence.start, sentence.end
        text = full_text[s:e]
        named = subjects.inside(s, e)
        kinds = segments.inside(s, e)
        products = [c for c in kinds if c.label == "product"]
        found = outside_names(metrics.inside(s, e), named)
        found = [m for m in found if m.row not in ECONOMY_ROWS or m in outside_names([m], products)]
        # ("the size of China's low-altitude economy": a product category, not the economy)
        views.append(SentenceView(
            s, e, text, sentence.paragraph, lang, quantities=numbers.inside(s, e),
            subjects=named, metrics=found,
            segments=kinds, changes=changes.inside(s, e),
            modality=modality.inside(s, e), times=times.inside(s, e),
            clause_breaks=[s + i for i in clause_breaks(text)],
            semiclause_breaks=[s + m.start() for m in SEMICLAUSE_BREAK.finditer(text)]))
    return views
