"""The README's class diagram is the one generated from ontology/kg.ttl."""

from __future__ import annotations

from paths import REPO

from kg.view.diagram import mermaid_class_diagram


def test_readme_diagram_matches_the_ontology() -> None:
    diagram = mermaid_class_diagram()
    assert "kg_Speech --> kg_Issue : kg:hasIssue" in diagram
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "```mermaid\n" + diagram + "```" in readme, "regenerate it: python -m kg.view.diagram"
