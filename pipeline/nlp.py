"""build_nlp(lang): a blank spaCy pipeline plus our rule components, in order. The only place."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

import pipeline.factories  # noqa: F401  (registers the components)
from pipeline.lexicon import LANGUAGES, load_lexicon

STAGES = (
    "facts_segment", "facts_quantities", "facts_subjects", "facts_metrics", "facts_segments",
    "facts_changes", "facts_periods", "facts_modality",
)


def _teach_jieba(lang: str) -> None:
    """Keep every lexicon surface whole in jieba's segmentation, so phrase patterns match."""
    import jieba

    jieba.setLogLevel(60)
    lex = load_lexicon(lang)
    tables = (lex.metrics, lex.segments, lex.regions, lex.changes, lex.periods, lex.modality)
    words = {s for table in tables for row in table for s in row.surfaces}
    words |= {a for row in lex.subjects for a in row.aliases}
    for word in sorted(words):
        jieba.add_word(word)


@cache
def build_nlp(lang: str = "en") -> Language:
    """Blank tokenizer of `lang` (jieba for Chinese) followed by the fact components."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    if lang == "zh":
        _teach_jieba(lang)
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    else:
        nlp = spacy.blank(lang)
    for stage in STAGES:
        nlp.add_pipe(stage)
    return nlp
