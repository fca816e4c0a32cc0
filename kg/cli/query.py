"""`kg query`: ask the graph a named question, a .rq file or SPARQL text."""

from __future__ import annotations

import click

from kg.cli import main
from kg.cli.store_option import open_graph, store_options
from kg.errors import QueryError
from kg.query import ask, questions, undated_note, unknown_value_note
from kg.results import FORMATS, render

DEFAULT_GRAPH = "outputs/graph.ttl"


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {pair!r}: expected NAME=VALUE")
        out[key.strip()] = value
    return out


def list_questions() -> str:
    lines = []
    for name, q in questions().items():
        params = " ".join(f"--param {p.name}=…" for p in q.params)
        lines.append(f"{name}{'  ' + params if params else ''}\n    {q.title['zh']} | {q.title['en']}")
    return "\n".join(lines) + "\n"


@main.command()
@click.argument("query", required=False)
@click.option("--graph", "graph", default=DEFAULT_GRAPH, show_default=True, help="Graph file to query.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable (as an RDF literal, never pasted into the text). Repeatable.")
@click.option("--list", "list_", is_flag=True, help="List the named questions and exit.")
@store_options()
def query(query: str | None, graph: str, fmt: str, params: tuple[str, ...], list_: bool,
          store_url: str | None, store_query: str | None) -> None:
    """Ask the graph: QUERY is a named question, a .rq file or SPARQL text.

    SELECT and ASK answers print as a table (or CSV, JSON, Markdown); a CONSTRUCT or DESCRIBE
    answer is a graph and prints as Turtle (JSON-LD with --format json).

    \b
    Examples:
      kg query --list
      kg query speeches-by-party
      kg query region-sectors --param region=晋中市 --format markdown
      kg query "SELECT (COUNT(?s) AS ?n) WHERE { ?s a kg:Speech }" --graph outputs/graph.ttl
    """
    if list_:
        click.echo(list_questions(), nl=False)
        return
    if not query:
        raise click.UsageError("give a QUERY (a named question, a .rq file or SPARQL text), or --list")
    store = open_graph(graph, store_url, store_query)
    values = parse_params(params)
    result = ask(store, query, values)
    click.echo(render(result, fmt), nl=False)
    notes = [undated_note(store, query)]
    if result.kind == "graph" and fmt in ("csv", "markdown"):  # asked for a table, given a graph
        notes.append(f"the answer is a graph (CONSTRUCT/DESCRIBE), printed as Turtle, not as {fmt}; "
                     "--format json gives JSON-LD")
    notes.append(unknown_value_note(store, query, values))
    for note in filter(None, notes):
        click.echo(f"kg: note: {note}", err=True)
