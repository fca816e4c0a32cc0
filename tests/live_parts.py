"""Real servers on 127.0.0.1 for the tests: ``oxigraph serve`` (PyPI ``oxigraph``) and a Dask
cluster (``dask scheduler`` and ``dask worker`` from PyPI ``distributed``), each started on a free
port and stopped by its PID. A part that is not installed skips the test, except under CI=true,
where it fails it (CI installs them: pip install -e '.[test]')."""

from __future__ import annotations

import importlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

START_SECONDS = 60.0


def require(program: str) -> str:
    """The path of ``program`` (this venv's first), or skip (fail under CI=true) without it."""
    found = shutil.which(program, path=str(Path(sys.executable).parent)) or shutil.which(program)
    return found or _missing(program)


def require_module(name: str):
    try:
        return importlib.import_module(name)
    except ImportError:
        _missing(f"the Python package {name}")


def _missing(what: str):
    message = f"{what} is not installed (pip install -e '.[test]')"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Part:
    """A started server process, its log and how to stop it."""

    name: str
    process: subprocess.Popen
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(10)

    def fail_if_dead(self) -> None:
        if self.process.poll() is not None:
            raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.log.read_text()[-2000:]}")


def start(name: str, args: list[str], folder: Path, cwd: Path | None = None) -> Part:
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / f"{name}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, cwd=cwd or folder)
    return Part(name, process, log)


def start_oxigraph(folder: Path) -> tuple[Part, str]:
    """``oxigraph serve`` on a free port, with its data in ``folder``; (part, base URL)."""
    program = require("oxigraph")
    port = free_port()
    part = start("oxigraph", [program, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"],
                 folder)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    while True:
        part.fail_if_dead()
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=2):
                return part, url
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                part.stop()
                raise RuntimeError(f"oxigraph serve did not answer at {url}") from None
            time.sleep(0.2)


def start_dask(folder: Path, workers: int = 2) -> tuple[list[Part], str]:
    """``dask scheduler`` and ``workers`` single-threaded ``dask worker`` processes on loopback;
    (parts, scheduler address). The workers run in their own folder, not the repository: a path
    relative to the tests' working directory means nothing there, so they can only extract what
    they are sent."""
    program = require("dask")
    Client = require_module("distributed").Client  # noqa: N806

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    parts = [start("scheduler", [program, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                 "--no-dashboard"], folder)]
    try:
        for n in range(workers):
            home = folder / f"worker{n}"
            home.mkdir(parents=True, exist_ok=True)
            parts.append(start(f"worker{n}", [program, "worker", address, "--nthreads", "1", "--no-nanny",
                                              "--host", "127.0.0.1", "--no-dashboard",
                                              "--local-directory", str(home)], folder, cwd=home))
        with Client(address, timeout=START_SECONDS, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=START_SECONDS)
    except BaseException:
        for part in reversed(parts):
            part.stop()
        raise
    return parts, address


VIRTUOSO_INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 300
"""
# Virtuoso's Graph Store endpoint without authentication writes as the SPARQL user: allow it.
VIRTUOSO_GRANTS = "GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"


def start_virtuoso(folder: Path) -> tuple[Part, str]:
    """Debian's Virtuoso (``virtuoso-t``, opt-in: apt-get install virtuoso-opensource) with a new
    database in ``folder``, on free ports; (part, HTTP base URL). Skipped without it, under CI too:
    it is a second store, not one CI installs."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if not (server and isql):
        pytest.skip("Virtuoso is opt-in: apt-get install virtuoso-opensource")
    db = folder / "db"
    db.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    (db / "virtuoso.ini").write_text(VIRTUOSO_INI.format(db=db, sql_port=sql_port, http_port=http_port))
    part = start("virtuoso", [server, "+foreground", "+configfile", str(db / "virtuoso.ini")], folder, cwd=db)
    deadline = time.monotonic() + START_SECONDS * 2  # a new database takes a while
    while True:
        part.fail_if_dead()
        grant = subprocess.run([isql, str(sql_port), "dba", "dba", f"exec={VIRTUOSO_GRANTS}"],
                               capture_output=True, text=True)
        if grant.returncode == 0 and "Error" not in grant.stdout + grant.stderr:
            return part, f"http://127.0.0.1:{http_port}"
        if time.monotonic() > deadline:
            part.stop()
            raise RuntimeError(f"Virtuoso did not start: {grant.stdout}{grant.stderr}")
        time.sleep(1)
