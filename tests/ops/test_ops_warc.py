"""Every response a crawl receives is in a WARC file, with its request, and indexed: read back
from the index's offsets it is byte for byte what the server sent."""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import replace
from pathlib import Path

import brotli
import pytest
from backports import zstd
from warcio.archiveiterator import ArchiveIterator

from archive import warc
from archive.encodings import TooLarge
from scraper.mirror.posts import by_role, posts
from scraper.mirror.server import MirrorServer
from scraper.mirror.site import site
from scraper.settings import USER_AGENT
from tests.ops.helpers import FAST, crawl, path_of, records, runs, sqlite_url

pytestmark = pytest.mark.slow


def exchange(n: int, size: int = 400) -> warc.Exchange:
    return warc.Exchange(
        url=f"http://127.0.0.1/news/detail/{n}-x",
        status=200,
        response_headers=[("Content-Type", "text/html; charset=utf-8")],
        body=f"<p>{n}</p>".encode() + "ข่าว".encode() * size,
        request_headers=[("User-Agent", "test")],
    )


def test_files_rotate_by_size_and_every_record_reads_back(tmp_path: Path) -> None:
    series = warc.WarcSeries(tmp_path, "t", max_size=3000, info={"software": "test"})
    written = [series.write(exchange(n)) for n in range(6)]
    series.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert len(files) >= 2 and files == sorted({w.file for w in written})
    for name in files:
        with open(tmp_path / name, "rb") as fh:
            assert next(iter(ArchiveIterator(fh))).rec_type == "warcinfo"
    for n, where in enumerate(written):
        back = warc.read(tmp_path, where.file, where.offset)
        assert (back.url, back.status, back.body) == (exchange(n).url, 200, exchange(n).body)
    assert [f.url for f in warc.scan(tmp_path)] == [exchange(n).url for n in range(6)]


def test_a_file_cut_short_by_a_kill_keeps_what_precedes_the_cut(tmp_path: Path) -> None:
    series = warc.WarcSeries(tmp_path, "t")
    written = [series.write(exchange(n)) for n in range(3)]
    series.close()
    path = tmp_path / written[0].file
    path.write_bytes(path.read_bytes()[: written[2].offset + 40])  # the third record torn
    assert [f.offset for f in warc.scan(tmp_path)] == [w.offset for w in written[:2]]
    assert warc.read(tmp_path, written[1].file, written[1].offset).body == exchange(1).body


def test_a_brotli_or_zstd_body_kept_as_sent_by_an_older_crawl_reads_back_bounded(
    tmp_path: Path,
) -> None:
    html = exchange(1).body
    series = warc.WarcSeries(tmp_path, "t")
    written = {
        name: series.write(replace(exchange(1), body=packed, response_headers=[
            ("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", name)]))
        for name, packed in (("br", brotli.compress(html)), ("zstd", zstd.compress(html)))
    }  # fmt: skip
    series.close()
    for name, where in written.items():
        back = warc.read(tmp_path, where.file, where.offset)
        assert back.body == html, name
        assert not any(k.lower() == "content-encoding" for k, _ in back.response_headers)
        with pytest.raises(TooLarge):
            warc.read(tmp_path, where.file, where.offset, limit=len(html) - 1)


def test_each_archive_has_its_own_warc_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo, real = sqlite_url(tmp_path / "demo.sqlite"), sqlite_url(tmp_path / "real.sqlite")
    assert warc.default_warc_dir(demo) == tmp_path / "demo.warc"
    assert warc.default_warc_dir(real) == tmp_path / "real.warc"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    one = warc.default_warc_dir("postgresql://u:secret@db:5432/news")
    other = warc.default_warc_dir("postgresql://u:secret@db:5432/news?options=-csearch_path=b")
    assert one.parent == other.parent == tmp_path / "share" / "ministry-news" / "warc"
    assert one != other and one.name.startswith("news-") and "secret" not in str(one)


def test_a_scan_reads_this_archives_files_old_and_new_and_no_others(tmp_path: Path) -> None:
    """Before each archive had its own folder, all those of a folder shared `warc/`: of that one
    only the files named after this archive are read."""
    url = sqlite_url(tmp_path / "real.sqlite")
    written = {}
    for folder, prefix, n in (
        (tmp_path / "warc", "real-20261101000000-run1", 1),  # this archive's, from before
        (tmp_path / "warc", "demo-20261101000000-run1", 2),  # the demo's, in the shared folder
        (tmp_path / "warc", "real-demo-20261101000000-run1", 3),  # a name that only begins alike
        (tmp_path / "demo.warc", "demo-20261201000000-run2", 4),
        (warc.default_warc_dir(url), "real-20261201000000-run2", 5),
    ):
        series = warc.WarcSeries(folder, prefix)
        written[n] = series.write(exchange(n))
        series.close()
    where = warc.location(url)
    assert [f.url for f in warc.scan(where)] == [exchange(1).url, exchange(5).url]
    old = written[1]
    assert warc.read(where, old.file, old.offset).body == exchange(1).body  # the index's name
    explicit = warc.location(url, tmp_path / "demo.warc")
    assert [f.url for f in warc.scan(explicit)] == [exchange(4).url]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[str], Path]:
    """A crawl of the whole mirror with small WARC files; what the server was asked for."""
    folder = tmp_path_factory.mktemp("warc-crawl")
    db_url = sqlite_url(folder / "archive.sqlite")
    with MirrorServer(port=0) as server:
        crawl(db_url, *(a for u in server.start_urls() for a in ("--start-url", u)), *FAST,
              "-s", "WARC_MAX_SIZE=100000")  # fmt: skip
        asked = server.requests
    return db_url, asked, warc.default_warc_dir(db_url)


def test_every_response_is_indexed_and_reads_back_as_sent(
    crawled: tuple[str, list[str], Path],
) -> None:
    db_url, asked, folder = crawled
    rows = records(db_url)
    assert sorted(path_of(r.url) for r in rows) == sorted(path_of(p) for p in asked)
    stored_posts = [p for p in posts() if p.stored]
    kinds = Counter(r.kind for r in rows)
    assert kinds["robots"] == 1 and kinds["listing"] == 9
    assert kinds["post"] == len(stored_posts) + 1  # and the 404
    assert kinds["attachment"] == len([p for p in posts() if p.attachment])
    for row in rows:
        back = warc.read(folder, row.file, row.offset)
        assert (back.url, back.status, len(back.body)) == (row.url, row.status, row.size)
        sha1 = base64.b32encode(hashlib.sha1(back.body).digest()).decode()
        assert row.digest == f"sha1:{sha1}"
        if row.kind == "attachment":
            assert back.body == site().files[path_of(row.url)].body
    [gone] = [r for r in rows if r.post_id == by_role("404").id]
    assert gone.status == 404


def test_each_response_has_its_request_and_the_run_lists_its_files(
    crawled: tuple[str, list[str], Path],
) -> None:
    db_url, _, folder = crawled
    [run] = runs(db_url)
    files = run.report["warc_files"]
    assert len(files) > 1 and sorted(p.name for p in folder.iterdir()) == files
    responses = requests = 0
    for name in files:
        with open(folder / name, "rb") as fh:
            previous = None
            for record in ArchiveIterator(fh):
                if record.rec_type == "response":
                    responses += 1
                    previous = record.rec_headers.get_header("WARC-Record-ID")
                elif record.rec_type == "request":
                    requests += 1
                    assert record.rec_headers.get_header("WARC-Concurrent-To") == previous
                    assert record.http_headers.get_header("User-Agent") == USER_AGENT
    assert responses == requests == len(records(db_url))
