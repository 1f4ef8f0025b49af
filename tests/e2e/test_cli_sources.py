"""`--source` on every query command: narrows to one site, says each row's site, and refuses an
unknown site in one line (exit 2) with the closest name."""

from __future__ import annotations

import csv
import io
import json

import pytest

from archive.db import session_scope
from archive.migrate import upgrade
from nlp.facts import Visit
from tests.archive.archive_data import add_post, add_visits
from tests.ops.helpers import cli


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Post 4445 of each site, each with one visit (ตาก: MDES's; ยะลา: the government's)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('cli-sources') / 'archive.sqlite'}"
    upgrade(url)
    with session_scope(url) as session:
        for source, province in (("mdes", "ตาก"), ("thaigov", "ยะลา")):
            add_post(session, 4445, f"ลงพื้นที่จังหวัด{province}", "ข้อความ", source=source)
            add_visits(session, 4445, [Visit(["2024-01-01"], [province])], source=source)
    return url


@pytest.mark.parametrize("command", [["search"], ["visits"], ["export", "posts"]])
def test_an_unknown_source_is_one_line_and_exit_2(db: str, command: list[str]) -> None:
    done = cli("--db", db, *command, "--source", "thaigv")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: source: not a source: 'thaigv' (did you mean thaigov?)"
    ]
    assert done.stdout == ""


def test_search_narrows_to_a_source_and_counts_each(db: str) -> None:
    done = cli("--db", db, "search", "--source", "thaigov", "--json", "--facets")
    assert done.returncode == 0, done.stderr
    hits = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(h["source"], h["title"]) for h in hits] == [("thaigov", "ลงพื้นที่จังหวัดยะลา")]
    assert "source: thaigov (1)" in done.stderr.splitlines()
    every = cli("--db", db, "search", "--facets")
    assert "source: mdes (1), thaigov (1)" in every.stdout.splitlines()


def test_visits_say_their_source_and_count_by_it(db: str) -> None:
    done = cli("--db", db, "visits")
    assert done.returncode == 0, done.stderr
    assert "[mdes]" in done.stdout and "[thaigov]" in done.stdout
    assert done.stderr.strip() == "2 visits (mdes 1, thaigov 1)"
    gov = cli("--db", db, "visits", "--source", "www.thaigov.go.th", "--json")
    assert [json.loads(line)["source"] for line in gov.stdout.splitlines()] == ["thaigov"]


@pytest.mark.parametrize("what", ["posts", "visits"])
def test_the_export_has_a_source_column(db: str, what: str) -> None:
    done = cli("--db", db, "export", what, "--source", "mdes")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert [r["source"] for r in rows] == ["mdes"]


def test_the_help_names_the_sites() -> None:
    done = cli("search", "--help")
    assert "--source" in done.stdout and "thaigov" in done.stdout
