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
    """Keep company and product names whole in jieba's segmentation (tokens stay meaningful)."""
    import jieba

    jieba.setLogLevel(60)
    for word in sorted({a for row in load_lexicon(lang).subjects for a in row.aliases}):
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
