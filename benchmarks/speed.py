"""Throughput against the bare spaCy tokenizer, and memory as the corpus grows.

usage: python benchmarks/speed.py [--corpus corpus] [--repeat 20] [--json FILE]

Both sides see the same texts: the articles of the corpus, repeated. The baseline is
`spacy.blank(lang).tokenizer` (jieba for Chinese) alone; the pipeline is the whole extraction
(segment, components, assemble, serialize). Memory: peak traced allocation while streaming
N and 4N articles; a flat pipeline keeps the two peaks close.
"""

from __future__ import annotations

import argparse
import json
import time
import tracemalloc
from pathlib import Path

from pipeline.corpus import ReadProblem, iter_articles, resolve_language
from pipeline.extract import extract_article
from pipeline.models import Article
from pipeline.nlp import build_nlp


def load(corpus: Path) -> list[tuple[Article, str]]:
    """Articles of the corpus with their language."""
    items = [a for a in iter_articles([corpus]) if not isinstance(a, ReadProblem)]
    return [(a, resolve_language(a, None)) for a in items]


def tokenizer_rate(articles: list[tuple[Article, str]], repeat: int) -> float:
    """Characters per second of the bare tokenizer."""
    tokenizers = {lang: build_nlp(lang).tokenizer for _, lang in articles}
    chars = 0
    start = time.perf_counter()
    for _ in range(repeat):
        for article, lang in articles:
            tokenizers[lang](article.text)
            chars += len(article.text)
    return chars / (time.perf_counter() - start)


def pipeline_rate(articles: list[tuple[Article, str]], repeat: int) -> float:
    """Characters per second of the whole extraction, JSON serialization included."""
    chars = 0
    start = time.perf_counter()
    for _ in range(repeat):
        for article, lang in articles:
            for fact in extract_article(article, lang):
                fact.model_dump_json()
            chars += len(article.text)
    return chars / (time.perf_counter() - start)


def peak_memory(articles: list[tuple[Article, str]], count: int) -> int:
    """Peak traced bytes while streaming `count` articles (facts serialized, not kept)."""
    tracemalloc.start()
    for i in range(count):
        article, lang = articles[i % len(articles)]
        for fact in extract_article(article.model_copy(update={"doc_id": f"a{i}"}), lang):
            fact.model_dump_json()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    """Print (and optionally save) throughput and memory figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    articles = load(args.corpus)
    for _, lang in articles:  # warm up: build pipelines, load rules, fill caches
        build_nlp(lang)
    pipeline_rate(articles, 1)
    base = tokenizer_rate(articles, args.repeat)
    ours = pipeline_rate(articles, args.repeat)
    small, large = len(articles) * 2, len(articles) * 8
    mem_small, mem_large = peak_memory(articles, small), peak_memory(articles, large)
    report = {
        "articles": len(articles),
        "characters": sum(len(a.text) for a, _ in articles),
        "tokenizer_chars_per_s": round(base),
        "pipeline_chars_per_s": round(ours),
        "ratio": round(ours / base, 3),
        f"peak_bytes_{small}_articles": mem_small,
        f"peak_bytes_{large}_articles": mem_large,
        "memory_growth": round(mem_large / mem_small, 3),
    }
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
