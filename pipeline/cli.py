"""`extract`: a thin typer app over the library (parse options, call, print a summary)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import click
import typer
from typer.core import TyperGroup

from pipeline.cli_evaluate import evaluate
from pipeline.errors import PipelineError


class DefaultToRun(TyperGroup):
    """`extract PATH...` runs extraction; known names (`schema`, `evaluate`) are subcommands."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Insert the hidden `run` command unless the first word names a subcommand."""
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=DefaultToRun,
    help="Turn financial news articles into a grounded JSON Lines fact base.\n\n"
    "Main form: extract PATH... [-o OUT] [--lang en|zh] [--quiet]: reads .txt/.md files, "
    "folders and .jsonl corpora, writes outputs/facts.jsonl (see `extract run --help`). "
    "A folder named like a subcommand is given as ./schema.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("evaluate", help="Score a fact base against gold annotations.")(evaluate)


@app.command("run", hidden=True)
def run(
    paths: Annotated[list[Path], typer.Argument(
        help="Article files (.txt, .md), folders (read recursively) or .jsonl corpora.")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Where to write the fact base (JSON Lines).")]
    = Path("outputs/facts.jsonl"),
    lang: Annotated[str | None, typer.Option(
        help="Force the language of every article (en or zh); default: metadata, else "
             "detection.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress lines.")] = False,
) -> None:
    """Extract facts from PATHS and write them to OUTPUT."""
    from pipeline.extract import extract_corpus
    from pipeline.output import FactBaseWriter

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        typer.echo(f"error: no such file or folder: {', '.join(missing)}", err=True)
        raise typer.Exit(2)
    if lang is not None and lang not in ("en", "zh"):
        typer.echo(f"error: --lang must be en or zh, not {lang!r}", err=True)
        raise typer.Exit(2)

    def progress(doc_id: str) -> None:
        if not quiet:
            typer.echo(f"  extracted {doc_id}", err=True)

    writer = FactBaseWriter(output)
    try:
        result = extract_corpus(paths, lang=lang, progress=progress, sink=writer.add)
    except PipelineError as exc:
        writer.discard()
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    for problem in result.problems:
        typer.echo(f"problem: {problem.source}: {problem.message}", err=True)
    if result.articles or not result.problems:
        count = writer.commit()
    else:
        writer.discard()
        count = 0
        typer.echo("no article could be read; the output file was left unchanged", err=True)
    print_summary(result, count, output)
    if result.problems:
        raise typer.Exit(1)


def print_summary(result, count: int, output: Path) -> None:  # noqa: ANN001
    """Articles, facts by kind and modality, problems."""
    kinds, modalities = result.kinds, result.modalities
    langs = ", ".join(f"{k} {v}" for k, v in sorted(result.languages.items()))
    typer.echo(f"{result.articles} articles ({langs or 'none'}), {count} facts -> {output}")
    typer.echo("  by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    typer.echo("  by modality: " + ", ".join(f"{k} {v}" for k, v in sorted(modalities.items())))
    typer.echo(f"  problems: {len(result.problems)}")


@app.command("schema", help="Print the JSON Schema of one fact (from the pydantic models).")
def schema() -> None:
    """Print the JSON Schema of a Fact."""
    from pipeline.models import Fact

    typer.echo(json.dumps(Fact.model_json_schema(mode="serialization"), indent=2,
                          ensure_ascii=False))


def main() -> None:
    """Console-script entry point."""
    app(prog_name="extract")


if __name__ == "__main__":
    sys.exit(main())
