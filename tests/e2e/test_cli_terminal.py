"""A hostile site's text reaches no terminal raw: a title, a percent-decoded URL or a run's
message with escape sequences is shown escaped by search, visits, runs and stats, and JSON Lines
escape the line separators that would split a record."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from archive import db
from archive.db import session_scope
from archive.migrate import upgrade
from archive.models import CrawlRun
from ministry_news.terminal import shown
from nlp.facts import Visit
from tests.archive.archive_data import add_post, add_visits
from tests.ops import helpers as ops

CLEAR, TITLE_BAR, OVERRIDE = "\x1b[2J", "\x1b]0;pwned\x07", "\u202e"
HOSTILE = f"ลงพื้นที่ตรวจเยี่ยม{CLEAR}โรงเรียน{TITLE_BAR}บ้านนา{OVERRIDE}\u2028ตาก\x9b31m"


cli = partial(ops.cli, timeout=180)  # the command as a user runs it


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'archive.sqlite'}"
    upgrade(url)
    with session_scope(url) as session:
        add_post(session, 1, HOSTILE, HOSTILE, url="https://www.mdes.go.th/news/detail/1-%1B%5B2J")
        add_visits(session, 1, [Visit(dates=["2022-11-05"], provinces=["ตาก"])])
        session.add(CrawlRun(status="finished", message=f"site said {CLEAR}{TITLE_BAR}"))
    db.dispose_all()
    yield url


def assert_escaped(output: str) -> None:
    for raw in ("\x1b", "\x07", "\x9b", OVERRIDE, "\u2028"):
        assert raw not in output, repr(raw)
    assert "\\x1b[2J" in output


@pytest.mark.parametrize(
    "command",
    [
        ["search", "ตรวจเยี่ยม"],
        ["visits"],
        ["runs"],
        ["runs", "1"],
        ["search", "ตรวจเยี่ยม", "--facets"],
    ],
)
def test_crawled_text_is_shown_escaped(archive: str, command: list[str]) -> None:
    proc = cli("--db", archive, *command)
    assert proc.returncode == 0, proc.stderr
    assert_escaped(proc.stdout + proc.stderr)
    if command[0] != "runs":
        assert "ลงพื้นที่ตรวจเยี่ยม" in proc.stdout and "\\u202e" in proc.stdout


def test_json_lines_escape_the_line_separators(archive: str, tmp_path: Path) -> None:
    out = tmp_path / "posts.jsonl"
    assert (
        cli("--db", archive, "export", "posts", "--format", "jsonl", "-o", str(out)).returncode == 0
    )
    text = out.read_text(encoding="utf-8")
    assert "\u2028" not in text and "\\u2028" in text
    assert [json.loads(line)["title"] for line in text.splitlines()] == [HOSTILE]
    listed = cli("--db", archive, "visits", "--json").stdout
    assert "\u2028" not in listed and json.loads(listed)["title"] == HOSTILE


def test_shown_leaves_thai_and_latin_alone_and_escapes_controls() -> None:
    assert shown("ศูนย์ดิจิทัลชุมชน Internet") == "ศูนย์ดิจิทัลชุมชน Internet"
    assert shown("a\x1b[31mb\nc\u2066") == "a\\x1b[31mb\\nc\\u2066"


def test_crawl_log_lines_are_escaped() -> None:
    from ministry_news.crawl import _Escaped

    record = logging.LogRecord(
        "scraper", logging.WARNING, __file__, 1, "not stored: %s", (HOSTILE,), None
    )
    assert _Escaped().filter(record)
    assert_escaped(record.getMessage())
