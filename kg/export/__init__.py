"""Exports of a built graph for other tools: RDF formats and CSV (formats.py), the entity network
for Gephi (network.py) and CSV files for Neo4j's bulk import (neo4j.py)."""
