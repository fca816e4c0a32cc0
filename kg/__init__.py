"""kg: knowledge graphs from CPPCC plenary speech digests (政协大会发言摘编).

The Python API (docs/api.md), loaded on first use so that ``import kg`` stays light:

- ``kg.build_graph(inputs, output="outputs")`` builds digests into an output folder → ``Graph``;
- ``kg.open(path_or_folder)`` opens a built graph → ``Graph``;
- ``Graph.ask(name, **params)``, ``Graph.query(sparql, **params)`` → ``Answer`` (typed values,
  ``.records()``, ``.to_pandas()``); ``Graph.records()``: the extraction records;
- ``kg.questions()``: the named questions; ``kg.IRI``: an IRI with its label; ``kg.KgError``.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["IRI", "Answer", "Graph", "KgError", "build_graph", "open", "questions"]

_HOMES = {"IRI": "kg.ask.results", "KgError": "kg.errors", "Answer": "kg.api", "Graph": "kg.api",
          "build_graph": "kg.api", "open": "kg.api", "questions": "kg.api"}


def __getattr__(name: str):
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
