"""Every spaCy registration of the package, in one module (spaCy's own habit, avoids cycles)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components import stages

DOC_EXTENSIONS = {
    "raw_text": None,
    "doc_id": None,
    "published": None,
    "segmentation": None,
    "quantities": None,
    "time_mentions": None,
}
for _name, _default in DOC_EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Doc.has_extension("cues"):
    Doc.set_extension("cues", getter=lambda doc: doc.user_data.setdefault("facts_cues", {}))


@Language.factory("facts_segment")
def make_segmenter(nlp: Language, name: str) -> stages.ArticleSegmenter:
    """Article body and sentences."""
    return stages.ArticleSegmenter(nlp)


@Language.factory("facts_quantities")
def make_quantities(nlp: Language, name: str) -> stages.QuantityTagger:
    """Quantities via find_quantities()."""
    return stages.QuantityTagger(nlp)


@Language.factory("facts_subjects")
def make_subjects(nlp: Language, name: str):  # noqa: ANN201
    """Gazetteer of subjects."""
    return stages.subject_tagger(nlp)


@Language.factory("facts_metrics")
def make_metrics(nlp: Language, name: str):  # noqa: ANN201
    """Metric cues."""
    return stages.metric_tagger(nlp)


@Language.factory("facts_segments")
def make_segments(nlp: Language, name: str):  # noqa: ANN201
    """Segments, product categories, regions."""
    return stages.segment_tagger(nlp)


@Language.factory("facts_changes")
def make_changes(nlp: Language, name: str):  # noqa: ANN201
    """Change cues."""
    return stages.change_tagger(nlp)


@Language.factory("facts_periods")
def make_periods(nlp: Language, name: str) -> stages.PeriodTagger:
    """Periods and horizons."""
    return stages.PeriodTagger(nlp)


@Language.factory("facts_modality")
def make_modality(nlp: Language, name: str):  # noqa: ANN201
    """Modality and speaker cues."""
    return stages.modality_tagger(nlp)
