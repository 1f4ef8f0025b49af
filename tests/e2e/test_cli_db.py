"""Where the archive is: `--db` is taken before or after the subcommand, and a command that only
reads never creates a missing SQLite archive (nor its folders) to answer "0 visits" from it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MINISTRY_NEWS_DB"}
    return subprocess.run(
        [sys.executable, "-m", "ministry_news", *args],
        cwd=cwd,
        env={**env, "PYTHAINLP_OFFLINE": "1", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_db_after_the_subcommand_is_the_archive_used(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'given.sqlite'}"
    assert cli(tmp_path, "migrate", "--db", url).returncode == 0
    proc = cli(tmp_path, "stats", "--db", url)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("archive: 0 posts")
    assert not (tmp_path / "data").exists()  # the default archive was not touched


def test_db_given_twice_differently_is_refused(tmp_path: Path) -> None:
    a, b = (f"sqlite:///{tmp_path / n}" for n in ("a.sqlite", "b.sqlite"))
    proc = cli(tmp_path, "--db", a, "visits", "--db", b)
    assert proc.returncode == 2
    assert "give one" in proc.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "command",
    [["search", "เน็ตประชารัฐ"], ["visits"], ["export", "visits"], ["stats"], ["runs"], ["serve"]],
)
@pytest.mark.parametrize("where", ["default", "given"])
def test_a_read_only_command_creates_no_missing_archive(
    tmp_path: Path, command: list[str], where: str
) -> None:
    db = (
        ["--db", f"sqlite:///{tmp_path / 'new' / 'folder' / 'x.sqlite'}"]
        if where == "given"
        else []
    )
    proc = cli(tmp_path, *db, *command)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert (
        proc.stderr.startswith("error: no archive at ")
        and "crawl first or give --db" in proc.stderr
    )
    assert len(proc.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []
