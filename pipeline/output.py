"""The one JSONL writer: sorted, deterministic bytes, never a half-written file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from pipeline.models import Fact


def sort_key(fact: Fact) -> tuple[str, int, str]:
    """The contract's order: doc_id, then evidence start, then id."""
    return (fact.doc_id, fact.evidence.start, fact.id)


def fact_lines(facts: Iterable[Fact]) -> list[str]:
    """One JSON line per fact, in contract order, Chinese kept readable."""
    return [f.model_dump_json() + "\n" for f in sorted(facts, key=sort_key)]


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A binary handle on a temp file beside `path`, renamed over it only on success.

    A reader never sees half a file, and a failure leaves the old file as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomically(path: Path, content: str) -> None:
    """Write UTF-8 text atomically (see `atomic_file`)."""
    with atomic_file(path) as handle:
        handle.write(content.encode("utf-8"))


class FactBaseWriter:
    """Stream facts article by article into a spool file; sort only a small index at the end.

    Memory stays flat as the corpus grows: each article's lines go to disk at once, and only
    (doc_id, offset, length) is kept per article. `commit()` copies the chunks in doc_id order
    into a temp file beside the target and renames it; without `commit()` nothing is written.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.spool = tempfile.TemporaryFile(mode="w+b", dir=path.parent)
        self.index: list[tuple[str, int, int]] = []
        self.count = 0

    def add(self, doc_id: str, facts: Iterable[Fact]) -> None:
        """Spool one article's facts (already in contract order within the article)."""
        data = "".join(fact_lines(facts)).encode("utf-8")
        self.index.append((doc_id, self.spool.tell(), len(data)))
        self.spool.write(data)
        self.count += data.count(b"\n")

    def commit(self) -> int:
        """Write the sorted fact base atomically; return the number of facts."""
        try:
            with atomic_file(self.path) as out:
                for _doc_id, offset, length in sorted(self.index):
                    self.spool.seek(offset)
                    out.write(self.spool.read(length))
        finally:
            self.spool.close()
        return self.count

    def discard(self) -> None:
        """Drop the spool; the target file is left as it was."""
        self.spool.close()
