"""`kg serve` as a command: it says where it listens, logs one line a request, and Ctrl-C stops it."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.parse

from serving import FIXTURE, fetch


def _ctrl_c_reaches_it() -> None:
    """A job started in the background (nohup, CI runners, `cmd &`) ignores SIGINT, and its children
    inherit that: the server under test gets the terminal's default back, as an interactive one has."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_cli_serve_answers_logs_and_stops_on_interrupt():
    command = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--graph", str(FIXTURE),
               "--port", "0", "--timeout", "5", "--workers", "1", "--cors", "http://app.example"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, preexec_fn=_ctrl_c_reaches_it)
    try:
        line = proc.stderr.readline()
        url = line.split(" at ", 1)[1].split(" ", 1)[0]
        assert url.startswith("http://127.0.0.1:")
        ask = urllib.parse.quote("ASK { ?s a kg:Speech }")
        status, headers, body = fetch(f"{url}sparql?query={ask}", headers={"Origin": "http://app.example"})
        assert (status, json.loads(body)["boolean"]) == (200, True)
        assert headers["access-control-allow-origin"] == "http://app.example"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
        log = proc.stderr.read()
        assert " GET /sparql 200 " in log and "rows=1" in log and "Speech" not in log
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


def test_cli_serve_refuses_a_missing_graph(tmp_path):
    command = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--graph",
               str(tmp_path / "none.ttl"), "--port", "0"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "no such graph file" in done.stderr and "Traceback" not in done.stderr


def test_ctrl_c_right_after_the_serving_line_stops_cleanly():
    """The sibling processes answer as soon as the line is out: Ctrl-C may come before the loop runs."""
    command = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--graph", str(FIXTURE),
               "--port", "0", "--processes", "2", "--workers", "2"]
    for _ in range(3):
        proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, preexec_fn=_ctrl_c_reaches_it)
        assert " at http://127.0.0.1:" in proc.stderr.readline()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0, proc.stderr.read()
