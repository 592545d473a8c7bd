"""Every spaCy registration of the package, in one module (spaCy's own habit, avoids cycles)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components import stages

DOC_EXTENSIONS = {
    "raw_text": None,
    "doc_id": None,
    "published": None,
    "title": None,
    "segmentation": None,
    "quantities": None,
    "time_mentions": None,
}
for _name, _default in DOC_EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Doc.has_extension("cues"):
    Doc.set_extension("cues", getter=lambda doc: doc.user_data.setdefault("facts_cues", {}))

# factory name -> builder(nlp); each stage is one rule-based component
FACTORIES: dict[str, Callable[[Language], Callable[[Doc], Doc]]] = {
    "facts_segment": stages.ArticleSegmenter,
    "facts_quantities": stages.QuantityTagger,
    "facts_subjects": stages.subject_tagger,
    "facts_metrics": stages.metric_tagger,
    "facts_segments": stages.segment_tagger,
    "facts_changes": stages.change_tagger,
    "facts_periods": stages.PeriodTagger,
    "facts_modality": stages.modality_tagger,
}


def _register(factory: str, builder: Callable[[Language], Callable[[Doc], Doc]]) -> None:
    def make(nlp: Language, name: str) -> Callable[[Doc], Doc]:
        return builder(nlp)

    make.__doc__ = builder.__doc__
    Language.factory(factory, func=make)


for _factory, _builder in FACTORIES.items():
    if not Language.has_factory(_factory):
        _register(_factory, _builder)
