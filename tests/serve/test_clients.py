"""SPARQLWrapper in every return format it offers, and rdflib's SPARQLStore, against a real server."""

from __future__ import annotations

import csv
import io
import json
from xml.dom.minidom import Document

import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDF, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

# SPARQLWrapper's own deprecation and "Accept */*" warnings are not ours to fix
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::RuntimeWarning")
PREF_LABEL = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
NAMES = sorted(["安运涛", "王轩", "梁宏", "岳丽"])
PARTIES = {"民革", "九三学社", "民盟"}
SELECT = "SELECT ?name WHERE { ?p a foaf:Person ; foaf:name ?name } ORDER BY ?name"
CONSTRUCT = "CONSTRUCT { ?p skos:prefLabel ?l } WHERE { ?p a kg:Party ; skos:prefLabel ?l }"
DESCRIBE = "DESCRIBE ?p WHERE { ?p a kg:Party }"
GRAPH_FORMATS = {TURTLE: "turtle", N3: "n3", RDFXML: "xml", RDF: "xml", XML: "xml", JSONLD: "json-ld"}


def wrapper(endpoint: str, query: str, fmt: str = JSON, method: str = "GET") -> SPARQLWrapper:
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    sw.setTimeout(20)
    return sw


def select_values(converted, fmt: str) -> list[str]:
    if fmt == JSON:
        return [b["name"]["value"] for b in converted["results"]["bindings"]]
    if fmt == XML:
        assert isinstance(converted, Document)
        return [n.getElementsByTagName("literal")[0].firstChild.data
                for n in converted.getElementsByTagName("result")]
    text = converted.decode("utf-8")
    if fmt == CSV:
        return [row[0] for row in list(csv.reader(io.StringIO(text)))[1:]]
    return [line.split("@")[0].strip('"') for line in text.splitlines()[1:]]  # TSV: "王轩"@zh


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_select_in_every_results_format(endpoint, fmt, method):
    converted = wrapper(endpoint, SELECT, fmt, method).query().convert()
    assert select_values(converted, fmt) == NAMES


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_ask_in_every_results_format(endpoint, fmt):
    for query, expected in (("ASK { ?r a kg:CompositeRegion }", True), ("ASK { ?r a kg:Nothing }", False)):
        converted = wrapper(endpoint, query, fmt).query().convert()
        if fmt == JSON:
            assert converted["boolean"] is expected
        elif fmt == XML:
            assert converted.getElementsByTagName("boolean")[0].firstChild.data == str(expected).lower()
        else:
            assert converted.decode().strip().splitlines()[-1] == str(expected).lower()


def as_graph(converted, fmt: str) -> Graph:
    if isinstance(converted, Graph):
        return converted
    data = converted if isinstance(converted, bytes | str) else json.dumps(converted)
    return Graph().parse(data=data, format=GRAPH_FORMATS[fmt])


@pytest.mark.parametrize("fmt", list(GRAPH_FORMATS))
def test_construct_and_describe_in_every_graph_format(endpoint, fmt):
    graph = as_graph(wrapper(endpoint, CONSTRUCT, fmt).query().convert(), fmt)
    assert {str(o) for o in graph.objects(None, PREF_LABEL)} == PARTIES
    described = as_graph(wrapper(endpoint, DESCRIBE, fmt).query().convert(), fmt)
    assert len(set(described.subjects(PREF_LABEL, None))) == 3
    assert len(described) > len(graph)  # a description holds more than the labels


def test_malformed_query_is_400_with_position(endpoint):
    with pytest.raises(QueryBadFormed) as err:
        wrapper(endpoint, "SELECT ?x WHERE { ?x ?p }").query()
    assert "line 1, column" in str(err.value)


def test_rdflib_sparqlstore_reads_the_endpoint(endpoint):
    store = SPARQLStore(endpoint, returnFormat="json")
    try:
        rows = list(store.query("SELECT ?t WHERE { ?s a <https://w3id.org/zxkg/ontology#Speech> ; "
                                "<http://purl.org/dc/terms/title> ?t }"))
        assert len(rows) == 5
        assert store.query("ASK { ?s a <https://w3id.org/zxkg/ontology#Party> }").askAnswer is True
        graph = Graph(store=store)
        parties = set(graph.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                     URIRef("https://w3id.org/zxkg/ontology#Party")))
        assert len(parties) == 3
        labels = store.query("CONSTRUCT { ?p <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } WHERE { "
                             "?p a <https://w3id.org/zxkg/ontology#Party> ; "
                             "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }")
        assert {str(o) for o in labels.graph.objects(None, PREF_LABEL)} == PARTIES
    finally:
        store.close()
