"""Stage "ask": named questions (queries/*.rq) and SPARQL over a built graph (query.py), answers as
tables, CSV, JSON or Markdown (results.py), and queries under a time limit in worker processes
(pool.py, worker.py) for the endpoint (kg.endpoint)."""
