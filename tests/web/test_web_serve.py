"""`ministry-news serve` as a user starts it: a real process on 127.0.0.1, one-line errors."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "ministry_news", *args]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHAINLP_OFFLINE": "1"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(*args), cwd=ROOT, env=env(), capture_output=True, text=True, timeout=60
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_on_127_0_0_1_and_stops_on_ctrl_c(archive: str) -> None:
    port = free_port()
    proc = subprocess.Popen(
        command("--db", archive, "serve", "--port", str(port)),
        cwd=ROOT,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = (
            f"http://127.0.0.1:{port}/api/search?q={quote('เน็ตประชารัฐ')}&province={quote('สุโขทัย')}"
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    found = json.load(response)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"serve did not answer: {proc.communicate()}") from None
                time.sleep(0.2)
        assert {h["post_id"] for h in found["hits"]} == {101, 102}
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert out.splitlines()[0] == f"serve: http://127.0.0.1:{port}/ (Ctrl-C to stop)"
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_a_busy_port_is_one_line(archive: str) -> None:
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        proc = run("--db", archive, "serve", "--port", str(port))
    assert proc.returncode == 1
    assert proc.stderr == f"error: cannot listen on 127.0.0.1:{port}: Address already in use\n"


def test_a_database_without_an_archive_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.sqlite").touch()  # a missing file is refused sooner (tests/e2e/test_cli_db)
    proc = run("--db", f"sqlite:///{tmp_path / 'empty.sqlite'}", "serve")
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: no archive in this database yet")
    assert proc.stderr.count("\n") == 1


def test_help_says_where_it_listens() -> None:
    proc = run("serve", "--help")
    assert proc.returncode == 0
    assert "--host" in proc.stdout and "127.0.0.1" in proc.stdout
    assert "/api/search" in proc.stdout
