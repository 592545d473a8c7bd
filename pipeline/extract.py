"""Library entry points: one article or a whole corpus in, Fact records out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from pipeline.assemble import assemble
from pipeline.corpus import ReadProblem, iter_articles, resolve_language
from pipeline.models import Article, Fact
from pipeline.nlp import build_nlp


def annotate(article: Article, lang: str) -> Doc:
    """Run the component pipeline over one article, with its metadata on the Doc."""
    nlp = build_nlp(lang)
    doc = nlp.make_doc(article.text)
    doc._.raw_text = article.text
    doc._.doc_id = article.doc_id
    doc._.published = article.published
    doc._.title = article.title
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


def extract_article(article: Article, lang: str | None = None) -> list[Fact]:
    """Facts of one article (language from `lang`, else metadata, else detection)."""
    return assemble(annotate(article, lang or resolve_language(article, None)))


def extract_text(text: str, doc_id: str = "doc", lang: str | None = None,
                 published: str | None = None) -> list[Fact]:
    """Facts of a raw text; convenient for notebooks and tests."""
    article = Article(doc_id=doc_id, text=text, lang=lang, published=published)
    return extract_article(article, lang)


@dataclass
class CorpusRun:
    """What a corpus run produced: facts (unless streamed to a sink), counts, problems."""

    facts: list[Fact] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)
    articles: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    modalities: Counter[str] = field(default_factory=Counter)


def extract_corpus(paths: Sequence[str | Path], lang: str | None = None,
                   progress: Callable[[str], None] | None = None,
                   sink: Callable[[str, list[Fact]], None] | None = None) -> CorpusRun:
    """Extract every article under `paths`; unreadable inputs become problems, not crashes.

    With a `sink`, each article's facts go there instead of being collected (a streaming
    writer keeps memory flat over large corpora).
    """
    run = CorpusRun()
    for item in iter_articles(paths):
        if isinstance(item, ReadProblem):
            run.problems.append(item)
            continue
        article_lang = resolve_language(item, lang)
        try:
            facts = extract_article(item, article_lang)
        except Exception as exc:  # noqa: BLE001 - one bad article must not sink the corpus
            run.problems.append(ReadProblem(item.doc_id, f"extraction failed: {exc!r}"))
            continue
        if sink is not None:
            sink(item.doc_id, facts)
        else:
            run.facts.extend(facts)
        run.articles += 1
        run.languages[article_lang] += 1
        run.kinds.update(f.kind for f in facts)
        run.modalities.update(f.modality for f in facts)
        if progress is not None:
            progress(item.doc_id)
    return run
