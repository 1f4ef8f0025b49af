"""A reader meets an archive of another schema with one line saying what to run: the CLI's
queries and `serve` alike. Migration 0008 made this matter: on an archive still at 0007,
PostgreSQL would have answered every phrase search with nothing, silently."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from archive import db
from archive.db import ArchiveError
from archive.migrate import head_revision, upgrade
from ministry_news.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]


def cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ministry_news", "--db", url, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_an_archive_behind_this_version_is_refused_with_what_to_run(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    upgrade(url, "0007")
    for args in (("search", "เน็ตประชารัฐ"), ("visits",), ("stats",)):
        done = cli(url, *args)
        assert done.returncode == 1, done.stderr
        assert done.stderr.strip() == (
            f"error: this archive's schema is at revision 0007, this version reads "
            f"{head_revision()}: run `ministry-news migrate` first (it upgrades the archive in place)"
        )
    with pytest.raises(ArchiveError, match="revision 0007.*ministry-news migrate"):
        create_app(url)
    db.dispose_all()

    assert cli(url, "migrate").returncode == 0
    done = cli(url, "search", "เน็ตประชารัฐ")
    assert done.returncode == 0, done.stderr


def test_an_archive_of_a_newer_version_asks_for_a_newer_ministry_news(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    upgrade(url)
    with create_engine(url).begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    done = cli(url, "visits")
    assert done.returncode == 1
    assert "is newer than this version of ministry-news reads" in done.stderr
    assert "upgrade ministry-news" in done.stderr
