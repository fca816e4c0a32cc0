"""kg.endpoint.negotiation: format= when the server knows it, else Accept, else the default."""

from __future__ import annotations

from kg.endpoint.negotiation import negotiate, prefers_html, ranked

JSON, XML = "application/sparql-results+json", "application/sparql-results+xml"
CSV = "text/csv; charset=utf-8"  # Oxigraph's media type for CSV


def test_accept_ranking_by_q_then_order():
    assert ranked("text/csv;q=0.5, application/json, text/plain;q=0") == ["application/json", "text/csv"]
    assert negotiate(f"text/csv, {JSON};q=0.5")[0] == CSV
    assert negotiate(f"{JSON};q=0.2, {XML}")[0] == XML
    assert negotiate("*/*") == (JSON, "text/turtle")
    assert negotiate("image/png") == (JSON, "text/turtle")


def test_a_known_format_parameter_binds_and_an_unknown_one_is_passed_over():
    assert negotiate("", ["xml"]) == (XML, "application/rdf+xml")
    assert negotiate("", ["json-ld"])[1] == "application/ld+json"
    assert negotiate("", ["rdf+xml", "application/rdf+xml"])[1] == "application/rdf+xml"  # as SPARQLWrapper sends
    assert negotiate("", ["n3"])[1] == "text/n3"
    assert negotiate("text/csv", ["pdf"]) == (CSV, "text/turtle")
    assert negotiate("text/rdf+n3", ["whatever"])[1] == "text/n3"  # an alias SPARQLWrapper sends
    assert negotiate("", ["text/turtle"]) == (JSON, "text/turtle")
    assert negotiate("application/n-quads")[1] == "text/turtle"  # a CONSTRUCT answer is triples


def test_browsers_get_the_page_and_rdf_clients_the_description():
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert prefers_html(browser, default_html=False)
    assert not prefers_html("text/turtle", default_html=True)
    assert not prefers_html("*/*", default_html=False) and prefers_html("*/*", default_html=True)
