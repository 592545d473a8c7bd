"""Stable fact ids: the same article text and pipeline version give the same id."""

from __future__ import annotations

import hashlib

PIPELINE_VERSION = "0.1.0"


def fact_id(doc_id: str, *parts: object) -> str:
    """Deterministic id: same article text and pipeline version, same id."""
    raw = "|".join([PIPELINE_VERSION, doc_id, *map(str, parts)])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]
