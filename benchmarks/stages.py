"""Wall time of every pipeline stage over the corpus: milliseconds of its fastest pass.

usage: python benchmarks/stages.py [--corpus corpus] [--repeat 10] [--profile N]

Same texts as speed.py; the tokenizer, each component of `nlp.pipeline`, and assembly with JSON
serialization are timed separately, so a change can be credited to the stage it touched. With
`--profile N`, the N most expensive functions (cumulative) of the whole run are printed too.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections import defaultdict
from pathlib import Path

from pipeline.assemble import assemble
from pipeline.corpus import ReadProblem, iter_articles, resolve_language
from pipeline.models import Article
from pipeline.nlp import build_nlp


def load(corpus: Path) -> list[tuple[Article, str]]:
    """Articles of the corpus with their language."""
    items = [a for a in iter_articles([corpus]) if not isinstance(a, ReadProblem)]
    return [(a, resolve_language(a, None)) for a in items]


def one_pass(articles: list[tuple[Article, str]], times: dict[str, float]) -> None:
    """Run every article once, adding each stage's seconds to `times`."""
    clock = time.perf_counter
    for article, lang in articles:
        nlp = build_nlp(lang)
        start = clock()
        doc = nlp.make_doc(article.text)
        times["tokenizer"] += clock() - start
        doc._.raw_text = article.text
        doc._.doc_id = article.doc_id
        doc._.published = article.published
        doc._.title = article.title
        for name, component in nlp.pipeline:
            start = clock()
            doc = component(doc)
            times[name] += clock() - start
        start = clock()
        for fact in assemble(doc):
            fact.model_dump_json()
        times["assemble+json"] += clock() - start


def main() -> None:
    """Print milliseconds per corpus pass for every stage."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--profile", type=int, default=0)
    args = parser.parse_args()
    articles = load(args.corpus)
    one_pass(articles, defaultdict(float))  # warm up
    passes: list[dict[str, float]] = []
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    for _ in range(args.repeat):
        passes.append(defaultdict(float))
        one_pass(articles, passes[-1])
    if profiler:
        profiler.disable()
    # the fastest pass of each stage: other load on the machine only ever adds time
    best = {name: min(p[name] for p in passes) for name in passes[0]}
    total = sum(best.values())
    for name, seconds in best.items():
        print(f"{name:18} {1000 * seconds:8.1f} ms  {100 * seconds / total:5.1f} %")
    print(f"{'total':18} {1000 * total:8.1f} ms")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
