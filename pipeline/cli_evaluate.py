"""`extract evaluate`: score predictions against the gold annotations, optionally as a CI gate.

Exit codes: 0 scored (and every gate passed), 1 a gate tripped, 2 inputs missing or gold invalid.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.errors import AnnotationError
from pipeline.evaluate import EvaluationInputError, EvaluationResult
from pipeline.evaluate import evaluate as evaluate_files
from pipeline.output import write_text_atomically


def gate_failures(
    result: EvaluationResult, min_f1: float | None, min_strict_f1: float | None
) -> list[str]:
    """One message per tripped gate; empty when every requested gate passes."""
    failures = []
    if min_f1 is not None and result.f1 < min_f1:
        failures.append(f"F1 {result.f1:.4f} is below --min-f1 {min_f1:.4f}")
    if min_strict_f1 is not None and result.strict_f1 < min_strict_f1:
        failures.append(
            f"strict F1 {result.strict_f1:.4f} is below --min-strict-f1 {min_strict_f1:.4f}"
        )
    return failures


def evaluate(
    gold: Annotated[
        Path, typer.Option(help="Folder of gold files <doc_id>.jsonl (subfolders are ignored).")
    ] = Path("annotations"),
    pred: Annotated[
        Path, typer.Option(help="Predicted facts, JSON Lines as written by `extract`.")
    ] = Path("outputs/facts.jsonl"),
    corpus: Annotated[
        Path, typer.Option(help="Corpus folder holding <doc_id>.txt/.md and .meta.json files.")
    ] = Path("corpus"),
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the scores as JSON to this file.")
    ] = None,
    errors: Annotated[
        bool,
        typer.Option(
            "--errors", help="List every missed fact, false positive and attribute disagreement."
        ),
    ] = False,
    min_f1: Annotated[
        float | None, typer.Option("--min-f1", help="Exit 1 when detection F1 is below this.")
    ] = None,
    min_strict_f1: Annotated[
        float | None,
        typer.Option("--min-strict-f1", help="Exit 1 when strict F1 is below this."),
    ] = None,
    fold_aliases: Annotated[
        bool,
        typer.Option(
            "--fold-aliases",
            help="Diagnostic: count subject names as agreeing when the gazetteer lists them as "
            "aliases of one entity (\"Mindray\" / \"Mindray Medical\"). Off by default: the "
            "spec compares names as written, ignoring case and corporate suffixes.",
        ),
    ] = False,
) -> None:
    """Score predicted facts against the gold annotations (spec/FACTS.md scoring)."""
    try:
        result = evaluate_files(gold, pred, corpus, fold_aliases)
    except (AnnotationError, EvaluationInputError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from err
    typer.echo(result.format_table(), nl=False)
    if errors:
        typer.echo()
        typer.echo(result.format_errors(), nl=False)
    if json_out is not None:
        write_text_atomically(json_out, result.to_json())
    failures = gate_failures(result, min_f1, min_strict_f1)
    for failure in failures:
        typer.echo(f"gate failed: {failure}", err=True)
    if failures:
        raise typer.Exit(1)
