"""Opening what a command reads, without re-parsing when a store is there: ``open_store``."""

from __future__ import annotations

from pathlib import Path

from kg.errors import KgError
from kg.store.embedded import GraphStore

DEFAULT_OUTPUTS = Path("outputs")
# What marks a folder as an Oxigraph (RocksDB) store.
_STORE_MARK = "CURRENT"


def open_store(target: str | Path | None = None, *, read_only: bool = True) -> GraphStore:
    """The store at ``target``: a store folder, an output folder of `kg build` (the store of its
    current generation, or its graph file when it has no store), or a graph file, which is
    loaded into memory; an http(s) URL is a SPARQL 1.1 store (kg.store.remote). ``None`` means
    the output folder ``outputs/``.
    """
    if isinstance(target, str) and target.startswith(("http://", "https://")):
        from kg.store.remote import RemoteStore

        return RemoteStore.at(target)
    path = Path(target) if target is not None else DEFAULT_OUTPUTS
    if path.is_dir():
        for candidate in (path, path / "store", path / "current" / "store"):
            if (candidate / _STORE_MARK).is_file():
                return GraphStore(candidate.resolve(), read_only=read_only)
        for name in ("graph.trig", "graph.ttl"):
            if (path / name).is_file():
                return GraphStore.from_file(path / name)
        raise KgError(f"{path}: neither a store nor an output folder of `kg build` (run `kg build` first)")
    if not path.exists():
        hint = "run `kg build` first" if target is None else "give a store folder or a graph file"
        raise KgError(f"{path}: no such graph file or store ({hint})")
    return GraphStore.from_file(path)
