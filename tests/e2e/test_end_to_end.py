"""The whole path as a user runs it: `ministry-news` commands in subprocesses against the mirror.

crawl (real Scrapy over HTTP on 127.0.0.1) → archive (SQLite file) → extract (PyThaiNLP) →
search / visits / export / stats, each checked against the mirror's ground truth.
"""

from __future__ import annotations

import csv
import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from scraper.mirror.posts import by_role, posts
from tests.scraper.furniture import BOILERPLATE

ROOT = Path(__file__).resolve().parents[2]
SEED = by_role("seed")


def cli(db_url: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHAINLP_OFFLINE": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "ministry_news", "--db", db_url, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory, mirror: str) -> Iterator[str]:
    """An archive built by `crawl --fast` over the whole mirror, facts extracted."""
    path = tmp_path_factory.mktemp("e2e") / "archive.sqlite"
    url = f"sqlite:///{path}"
    out = cli(url, "crawl", "--fast", "--start-url", f"{mirror}/news/")
    # The mirror holds a listed post that answers 404: the summary must count it as failed.
    failed = re.search(r"\b(\d+) failed \(", out.stdout)
    assert failed is not None and int(failed.group(1)) >= 1, out.stdout
    assert "extract:" in out.stdout
    yield url


def query(url: str, sql: str, **params: object) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params)]
    finally:
        engine.dispose()


def seed_id(archive: str) -> int:
    """The archive's own id of the seed post (the mirror's id is MDES's)."""
    [(post_id,)] = query(
        archive, "SELECT id FROM posts WHERE source = 'mdes' AND source_id = :i", i=SEED.id
    )
    return int(post_id)


def test_every_reachable_post_is_stored_once_with_gregorian_dates(archive: str) -> None:
    reachable = {p.id: p for p in posts() if not p.missing}
    rows = query(archive, "SELECT source_id, published FROM posts")  # by the mirror's ids
    assert sorted(r[0] for r in rows) == sorted(reachable)
    for post_id, published in rows:
        post = reachable[post_id]
        # A card without a date: the date the body opens with stands in for it.
        expected = post.published.isoformat() if post.card_date else post.truth.dates[0]
        assert str(published) == expected


def test_the_404_post_is_a_failure_not_a_post(archive: str) -> None:
    missing = next(p for p in posts() if p.missing)
    assert query(archive, "SELECT id FROM posts WHERE source_id = :i", i=missing.id) == []
    failures = query(archive, "SELECT url, status FROM fetch_failures")
    assert any(str(missing.id) in url and status == 404 for url, status in failures)


def test_the_seed_post_extracts_to_what_a_researcher_reads(archive: str) -> None:
    facts = query(
        archive,
        "SELECT f.kind, f.value, f.attrs FROM facts f JOIN posts p ON p.id = f.post_id"
        " WHERE p.source_id = :i AND f.source = 'body'",
        i=SEED.id,
    )
    by_kind: dict[str, set[str]] = {}
    for kind, value, _ in facts:
        by_kind.setdefault(kind, set()).add(value)
    assert by_kind["date"] == {"2020-07-23"}
    assert by_kind["province"] == {"สุโขทัย"}
    assert by_kind["district"] == {"ศรีสำโรง"}
    # The gazetteer spells it ราวต้นจันทร์; the post ราวต้นจันทน์: either is the same tambon.
    assert len(by_kind["subdistrict"]) == 2 and "ทับผึ้ง" in by_kind["subdistrict"]
    assert by_kind["subdistrict"] & {"ราวต้นจันทน์", "ราวต้นจันทร์"}
    officials = [json.loads(a) for k, _, a in facts if k == "official"]
    assert {(o["person"], o["position"]) for o in officials} == {
        ("ปิยนุช วุฒิสอน", "ผู้ตรวจราชการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม")
    }
    assert {"ศาลาประชาคมบ้านเกาะวงษ์เกียรติ์", "ศูนย์การเรียนรู้ ICT ชุมชน"} <= by_kind["site"]


def test_no_boilerplate_in_any_body_nor_any_fact_from_it(archive: str) -> None:
    for (body,) in query(archive, "SELECT body FROM posts"):
        assert not [b for b in BOILERPLATE if b in body]
    # The ministry's Bangkok address is on every page: it must never become a visit.
    bangkok = query(archive, "SELECT post_id FROM facts WHERE value = 'หลักสี่'")
    assert bangkok == []


def test_a_word_inside_unbroken_thai_text_finds_the_post(archive: str) -> None:
    # "เน็ตประชารัฐ" stands inside "...การใช้ประโยชน์เน็ตประชารัฐ ณ ศาลาประชาคม..." with no spaces.
    out = cli(archive, "search", "ศาลาประชาคม", "--json", "--limit", "100").stdout
    hits = [json.loads(line) for line in out.splitlines()]
    assert seed_id(archive) in {h["post_id"] for h in hits}
    assert all("[" in h["snippet"] for h in hits)


def test_visits_filter_by_province_and_official(archive: str) -> None:
    out = cli(archive, "visits", "--province", "สุโขทัย", "--json").stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert seed_id(archive) in {r["post_id"] for r in rows}
    assert all("สุโขทัย" in r["provinces"] for r in rows)
    out = cli(archive, "visits", "--official", "ปิยนุช วุฒิสอน", "--json").stdout
    assert {json.loads(line)["post_id"] for line in out.splitlines()} == {seed_id(archive)}


def test_csv_export_opens_as_utf8_with_bom(archive: str, tmp_path: Path) -> None:
    target = tmp_path / "visits.csv"
    cli(archive, "export", "visits", "--format", "csv", "-o", str(target))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    seed_rows = [r for r in rows if r["post_id"] == str(seed_id(archive))]
    assert {r["source"] for r in rows} == {"mdes"}
    assert seed_rows and seed_rows[0]["start_date"] == "2020-07-23"
    assert "นางปิยนุช วุฒิสอน" in seed_rows[0]["officials"]


def test_extract_again_replaces_rather_than_duplicates(archive: str) -> None:
    before = query(archive, "SELECT count(*) FROM facts")[0][0]
    cli(archive, "extract")
    assert query(archive, "SELECT count(*) FROM facts")[0][0] == before


def test_malformed_input_gets_one_line_and_a_usage_exit(archive: str) -> None:
    proc = cli(archive, "visits", "--since", "2563-13-45", check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "since" in proc.stderr


def test_stats_counts_per_category_province_and_year(archive: str) -> None:
    out = cli(archive, "stats").stdout
    assert "per category" in out and "per province" in out and "per year" in out
    assert f"{len([p for p in posts() if not p.missing])} posts" in out


def test_an_unreachable_database_is_one_line_and_exit_1() -> None:
    proc = cli("postgresql+psycopg://nobody@127.0.0.1:1/none", "stats", check=False)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "database unavailable" in proc.stderr


def test_an_unreachable_site_is_one_line_exit_3_and_keeps_the_archive(archive: str) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    before = query(archive, "SELECT count(*), sum(length(body)) FROM posts")
    proc = cli(archive, "crawl", "--fast", "--start-url", f"{closed}/news/119", check=False)
    assert proc.returncode == 3, proc.stderr
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert proc.stderr.startswith(f"error: cannot reach {closed}/news/119 (offline?)")
    assert query(archive, "SELECT count(*), sum(length(body)) FROM posts") == before
