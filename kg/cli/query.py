"""`kg query`: ask the graph a named question, a .rq file or SPARQL text."""

from __future__ import annotations

import click

from kg.ask.query import (
    ask,
    bindings_for,
    fill_values,
    portable_sparql,
    questions,
    resolve,
    unknown_value_note,
)
from kg.ask.results import FORMATS, render
from kg.cli import detail, main, note
from kg.cli.store_option import open_graph, store_options
from kg.errors import QueryError


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {pair!r}: expected NAME=VALUE")
        out[key.strip()] = value
    return out


def sent_sparql(query: str, values: dict[str, str]) -> str:
    """The query text as the store gets it (values in its VALUES blocks), for --verbose."""
    sparql, question = resolve(query)
    text, rest = fill_values(sparql, bindings_for(question, values))
    return text.rstrip("\n") + (f"\n(bound by Oxigraph's substitution: {', '.join(sorted(rest))})" if rest else "")


def complete_question(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of QUERY: the named questions."""
    return [name for name in questions() if name.startswith(incomplete)]


def list_questions() -> str:
    lines = []
    for name, q in questions().items():
        params = " ".join(f"--param {p.name}=…" for p in q.params)
        lines.append(f"{name}{'  ' + params if params else ''}\n    {q.title['zh']} | {q.title['en']}")
    return "\n".join(lines) + "\n"


@main.command()
@click.argument("query", required=False, shell_complete=complete_question)
@click.option("--graph", default=None, help="Store, output folder or graph file [default: the store in outputs/].")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable (as an RDF literal, never pasted into the text). Repeatable.")
@click.option("--list", "list_", is_flag=True, help="List the named questions and exit.")
@click.option("--sparql", "show_sparql", is_flag=True,
              help="Print the standard SPARQL to run elsewhere (parameters in its VALUES blocks) and exit.")
@store_options()
def query(query: str | None, graph: str | None, fmt: str, params: tuple[str, ...], list_: bool,
          show_sparql: bool, store_url: str | None, store_query: str | None) -> None:
    """Ask the graph: QUERY is a named question, a .rq file or SPARQL text.

    SELECT and ASK answers print as a table (or CSV, JSON, Markdown); a CONSTRUCT or DESCRIBE
    answer is a graph and prints as Turtle (JSON-LD with --format json).

    \b
    Examples:
      kg query --list
      kg query speeches-by-party
      kg query region-sectors --param region=晋中市 --format markdown
      kg query region-sectors --param region=晋中市 --sparql > q.rq   # for any SPARQL engine
      kg query "SELECT (COUNT(?s) AS ?n) WHERE { ?s a kg:Speech }" --graph outputs/graph.ttl
    """
    if list_:
        click.echo(list_questions(), nl=False)
        return
    if not query:
        raise click.UsageError("give a QUERY (a named question, a .rq file or SPARQL text), or --list")
    values = parse_params(params)
    if show_sparql:
        click.echo(portable_sparql(query, values), nl=False)
        return
    store = open_graph(graph, store_url, store_query)
    detail(f"the SPARQL sent to the store:\n{sent_sparql(query, values)}")
    result = ask(store, query, values)
    click.echo(render(result, fmt), nl=False)
    notes = []
    if result.kind == "graph" and fmt in ("csv", "markdown"):  # asked for a table, given a graph
        notes.append(f"the answer is a graph (CONSTRUCT/DESCRIBE), printed as Turtle, not as {fmt}; "
                     "--format json gives JSON-LD")
    notes.append(unknown_value_note(store, query, values))
    for message in filter(None, notes):
        note(message)
