"""The stage components: each one picks its rule table and hands it to the tagger it needs."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.base import doc_text, expand_span
from pipeline.components.lexicon_tagger import LexiconTagger
from pipeline.components.names import find_unknown_names, glued_versions, model_variants
from pipeline.lexicon import load_lexicon
from pipeline.periods import find_time_mentions
from pipeline.quantities import find_quantities
from pipeline.segment import segment
from pipeline.share_words import with_share_words


def lang_of(nlp: Language) -> str:
    """Our rule tables are keyed by the pipeline's language code."""
    return nlp.lang


class ArticleSegmenter:
    """Find the article body and its sentences; read the date from the header if none is given."""

    def __init__(self, nlp: Language) -> None:
        self.lang = lang_of(nlp)

    def __call__(self, doc: Doc) -> Doc:
        """Segment the raw text; set sentences and the header date."""
        seg = segment(doc_text(doc), self.lang, title=doc._.title)
        doc._.segmentation = seg
        if doc._.published is None and seg.published:
            doc._.published = seg.published
        spans = [expand_span(doc, s.start, s.end) for s in seg.sentences]
        doc.spans["sentences"] = [s for s in spans if s is not None]
        return doc


class QuantityTagger:
    """Numbers, money, percentages and counts, found on the raw text by find_quantities()."""

    def __init__(self, nlp: Language) -> None:
        self.lang = lang_of(nlp)

    def __call__(self, doc: Doc) -> Doc:
        """Store every quantity of the raw text."""
        text = doc_text(doc)
        found = with_share_words(text, find_quantities(text, self.lang), self.lang)
        doc._.quantities = found
        spans = [expand_span(doc, q.start, q.end, label=q.unit or "number") for q in found]
        doc.spans["quantities"] = [s for s in spans if s is not None]
        return doc


class PeriodTagger:
    """Time expressions per sentence, resolved against the publication date."""

    def __init__(self, nlp: Language) -> None:
        self.lang = lang_of(nlp)

    def __call__(self, doc: Doc) -> Doc:
        """Store the time mentions of every sentence."""
        published = date.fromisoformat(doc._.published) if doc._.published else None
        mentions = []
        seg = doc._.segmentation
        text = doc_text(doc)
        bounds = [(s.start, s.end) for s in seg.sentences] if seg else [(0, len(text))]
        for start, end in bounds:
            for m in find_time_mentions(text[start:end], self.lang, published):
                mentions.append(type(m)(m.start + start, m.end + start, m.text, m.label, m.kind))
        doc._.time_mentions = mentions
        spans = [expand_span(doc, m.start, m.end, label=m.kind, kb_id=m.label or "")
                 for m in mentions]
        doc.spans["periods"] = [s for s in spans if s is not None]
        return doc


class SubjectTagger:
    """Companies, products, organisations and people: the gazetteer, then unknown names."""

    def __init__(self, nlp: Language) -> None:
        self.lang = lang_of(nlp)
        rows = load_lexicon(self.lang).subjects
        entries = [(alias, row.type, row.name) for row in rows for alias in row.aliases]
        self.gazetteer = LexiconTagger(nlp, "subjects", entries, case_sensitive=True,
                                       overlap="all")

    def __call__(self, doc: Doc) -> Doc:
        """Tag gazetteer names, then add the names the text itself marks as companies."""
        doc = self.gazetteer(doc)
        text = doc_text(doc)
        known = model_variants(text, glued_versions(text, doc._.cues["subjects"], self.lang),
                               self.lang)
        unknown = find_unknown_names(doc_text(doc), known, self.lang, doc._.title)
        # a model name found around a gazetteer name ("Qwen-Long") replaces it
        known = [c for c in known if not any(u.start <= c.start and c.end <= u.end
                                             for u in unknown)]
        doc._.cues["subjects"] = sorted([*known, *unknown], key=lambda c: (c.start, c.end))
        spans = [expand_span(doc, c.start, c.end, label=c.label, span_id=c.row) for c in unknown]
        doc.spans["subjects"] = [*doc.spans["subjects"], *[s for s in spans if s is not None]]
        return doc


def subject_tagger(nlp: Language) -> SubjectTagger:
    """Companies, products, organisations and people (gazetteer plus unknown names)."""
    return SubjectTagger(nlp)


def metric_tagger(nlp: Language) -> MaskingTagger:
    """Metric cue phrases; the row id says metric, sign (losses) and whether it only modifies.

    Rows with id `not_metric` mask the metric words inside them ("raised its forecast").
    """
    rows = load_lexicon(lang_of(nlp)).metrics
    entries = [(s, row.metric, row.id) for row in rows for s in row.surfaces]
    return MaskingTagger(nlp, "metrics", entries, overlap="all", mask="not_metric")


def sentence_cased(surfaces: list[str]) -> list[str]:
    """Surfaces plus their sentence-initial form ("New energy vehicle exports were ...").

    The table is case-sensitive for region codes ("US", not "us"), so a lower-case category
    would miss the first word of a sentence.
    """
    capitalized = [s[0].upper() + s[1:] for s in surfaces if s[:1].islower()]
    return [*surfaces, *(c for c in capitalized if c not in surfaces)]


def segment_tagger(nlp: Language) -> LexiconTagger:
    """Business lines, product categories and regions (for segments and market subjects)."""
    lex = load_lexicon(lang_of(nlp))
    entries = [(s, "product" if row.product else "segment", row.name)
               for row in lex.segments for s in sentence_cased(row.surfaces)]
    entries += [(s, "region", row.name) for row in lex.regions
                for s in sentence_cased(row.surfaces)]
    return LexiconTagger(nlp, "segments", entries, case_sensitive=True, overlap="all")


class MaskingTagger(LexiconTagger):
    """Cues minus those inside a phrase that only looks like one.

    "make up 50% of" holds no change; "raised its forecast" raises no funds. Rows whose label
    or row id is `mask` are such phrases: they and every cue they cover are dropped.
    """

    def __init__(self, *args, mask: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.mask = mask

    def __call__(self, doc: Doc) -> Doc:
        """Tag, then drop the masking phrases and every cue they cover."""
        doc = super().__call__(doc)
        cues = doc._.cues[self.group]
        masks = [c for c in cues if self.mask in (c.label, c.row)]
        if masks:
            def masked(start: int, end: int) -> bool:
                return any(m.start <= start and end <= m.end for m in masks)
            doc._.cues[self.group] = [c for c in cues if not masked(c.start, c.end)]
            doc.spans[self.group] = [s for s in doc.spans[self.group]
                                     if not masked(s.start_char, s.end_char)]
        return doc


def change_tagger(nlp: Language) -> MaskingTagger:
    """Direction (up/down/flat), basis (yoy/qoq) and from/to cues of changes."""
    rows = load_lexicon(lang_of(nlp)).changes
    entries = [(s, row.role, row.id) for row in rows for s in row.surfaces]
    return MaskingTagger(nlp, "changes", entries, mask="not_change")


def modality_tagger(nlp: Language) -> MaskingTagger:
    """ConText-style cues: target, plan, forecast, claim, speaker, future and past markers.

    Rows with id `not_cue` mask the cues inside them ("employee stock ownership plan").
    """
    rows = load_lexicon(lang_of(nlp)).modality
    entries = [(s, row.category, row.id) for row in rows for s in row.surfaces]
    return MaskingTagger(nlp, "modality", entries, mask="not_cue")
