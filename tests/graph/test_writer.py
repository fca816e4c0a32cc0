"""The graph stage's N-Triples writer (kg/graph/writer.py): what it writes reads back as the same
terms through pyoxigraph's and rdflib's parsers, whatever the text holds."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.graph.writer import Names, escape, in_graph, integer, iri, lines, literal, rdflib_triples
from kg.namespace import KG

AWKWARD = [
    "",
    'say "yes"',
    "back\\slash \\n not a newline \\u0041",
    "line one\nline two\r\nthree",
    "tab\there",
    "bell\x07 nul\x00 esc\x1b del\x7f",
    "form\x0cfeed back\x08space",
    "非BMP：𠮷野家 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "separators\u2028\u2029\x85 nbsp\u00a0",
    "中华人民共和国\n第十四届全国委员会",
    '"', "\\", "\\\"", "ends with backslash\\",
]

S, P = "https://example.org/s", "https://example.org/p"
XSD = "http://www.w3.org/2001/XMLSchema#"


def term_triples(objects: list[str]) -> list[tuple[str, str, str]]:
    return [(iri(S), iri(P), o) for o in objects]


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_strings_read_back_through_pyoxigraph(text: str) -> None:
    written = [literal(text), literal(text, lang="zh"), literal(text, datatype=XSD + "token")]
    parsed = [t.object for t in ox.parse(lines(term_triples(written)), format=ox.RdfFormat.N_TRIPLES)]
    assert parsed == [ox.Literal(text), ox.Literal(text, language="zh"),
                      ox.Literal(text, datatype=ox.NamedNode(XSD + "token"))]


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_strings_read_back_through_rdflib(text: str) -> None:
    data = lines(term_triples([literal(text), literal(text, lang="en-GB")]))
    graph = Graph().parse(data=data.decode("utf-8"), format="nt")
    assert set(graph.objects(URIRef(S), URIRef(P))) == {Literal(text), Literal(text, lang="en-GB")}


def test_escape_is_what_oxigraph_writes() -> None:
    """One spelling per string: the same escapes as Oxigraph's own writer, so equal terms are equal
    strings (a document's triples are deduplicated as strings)."""
    for text in AWKWARD:
        theirs = ox.serialize([ox.Triple(ox.NamedNode(S), ox.NamedNode(P), ox.Literal(text))],
                              format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        assert theirs == f'<{S}> <{P}> "{escape(text)}" .\n'


def test_integers_and_typed_literals() -> None:
    data = lines(term_triples([integer(0), integer(-42), integer(10**20),
                               literal("2023", datatype=XSD + "gYear")]))
    objects = [t.object for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
    assert [(o.value, o.datatype.value) for o in objects] == [
        ("0", XSD + "integer"), ("-42", XSD + "integer"), (str(10**20), XSD + "integer"),
        ("2023", XSD + "gYear")]
    with pytest.raises(ValueError):
        integer(1.5)  # an xsd:integer is never written from a float


def test_quads_in_a_named_graph() -> None:
    graph = "https://example.org/g"
    data = lines(term_triples([literal("a b .\n c"), iri("https://example.org/o")]), graph=iri(graph))
    quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    assert {q.graph_name for q in quads} == {ox.NamedNode(graph)}
    assert [q.object for q in quads] == [ox.Literal("a b .\n c"), ox.NamedNode("https://example.org/o")]


@pytest.mark.parametrize("ntriples", [
    lines(term_triples([literal('x .\n"y" .'), literal("z", lang="zh")])),
    # another writer's shape: a comment, a blank line, no space before the dot, no final newline
    f'# made elsewhere\n\n<{S}> <{P}> "x".\n<{S}> <{P}> <{S}> .'.encode(),
    b"",
])
def test_in_graph_puts_every_triple_in_the_graph(ntriples: bytes) -> None:
    graph = ox.NamedNode("https://example.org/entities")
    quads = list(ox.parse(in_graph(ntriples, iri(graph.value)), format=ox.RdfFormat.N_QUADS))
    triples = list(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
    assert [q.triple for q in quads] == [t.triple for t in triples]
    assert all(q.graph_name == graph for q in quads)


def test_rdflib_triples_are_the_terms_rdflib_would_make() -> None:
    data = lines(term_triples([literal("甲"), literal("乙", lang="zh"), integer(7),
                               literal("2020", datatype=XSD + "gYear"), iri(str(KG.Speech))]))
    objects = [o for _, _, o in rdflib_triples(data)]
    assert objects == [Literal("甲"), Literal("乙", lang="zh"), Literal(7),
                       Literal("2020", datatype=URIRef(XSD + "gYear")), KG.Speech]
    assert objects[0].datatype is None  # a plain string, as rdflib makes it, not xsd:string
    assert hash(objects[2]) == hash(Literal(7))


def test_names_spell_namespace_terms_and_keep_closed_namespaces_closed() -> None:
    assert Names(RDF).type == f"<{RDF.type}>"
    assert Names(SKOS).prefLabel == f"<{SKOS.prefLabel}>"
    assert Names(KG).Speech == f"<{KG.Speech}>"
    with pytest.raises(AttributeError):
        Names(KG).spekaer  # noqa: B018 (a misspelt term fails, as KG.spekaer does)
