"""The one JSONL writer: sorted, deterministic bytes, never a half-written file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pipeline.models import Fact


def sort_key(fact: Fact) -> tuple[str, int, str]:
    """The contract's order: doc_id, then evidence start, then id."""
    return (fact.doc_id, fact.evidence.start, fact.id)


def fact_lines(facts: Iterable[Fact]) -> list[str]:
    """One JSON line per fact, in contract order, Chinese kept readable."""
    return [f.model_dump_json() + "\n" for f in sorted(facts, key=sort_key)]


def write_text_atomically(path: Path, content: str) -> None:
    """Write beside the target and rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_facts(facts: Iterable[Fact], path: Path) -> int:
    """Write facts atomically in contract order; return the count."""
    lines = fact_lines(facts)
    write_text_atomically(path, "".join(lines))
    return len(lines)
