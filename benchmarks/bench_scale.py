"""Benchmark the archive at scale, and crawls split over processes. Prints figures; asserts nothing.

1. Archive: generates posts from the mirror's generator (scraper.mirror.posts, its generated
   visit posts), 1,000,000 on PostgreSQL and 100,000 on SQLite by default, bulk-loaded (COPY on
   PostgreSQL) with their search documents, extractions, visits and visit terms. At each
   checkpoint (1 %, 10 %, 100 % of the size) it prints the load rate so far, search latency
   (median, p95 over a fixed query set) and the cost of storing one more post the way a crawl
   does (archive.store.save_post: segmentation, row, index); at the end, export throughput.
   So the figures show how each cost grows with the archive.
2. Crawl: a mirror of --crawl-posts generated posts on 127.0.0.1, crawled with politeness off
   by 1, 2 and 4 processes sharing one Redis queue and one PostgreSQL archive (`crawl --redis`).

Segmenting Thai is the costly part of indexing (milliseconds a post), so a pool of --pool
distinct mirror posts is segmented once and the archive's posts are drawn from it, with their
own ids and dates; the first posts are checked against archive.search.words().

    python benchmarks/bench_scale.py                 # the sizes the issue asks (~25 min, 2 cores)
    python benchmarks/bench_scale.py --pg-posts 200000 --sqlite-posts 100000 --crawl-posts 2000
    python benchmarks/bench_scale.py --pg-posts 0 --sqlite-posts 0   # only the crawl rates

Needs MINISTRY_NEWS_TEST_PG_URL and MINISTRY_NEWS_TEST_REDIS_URL (`eval "$(bash
.ci/services.sh)"`); works in PostgreSQL schemas of its own and drops them at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import redis  # noqa: E402
from sqlalchemy import Table, create_engine, func, insert, select, text  # noqa: E402

import scraper.mirror.posts as mirror_posts  # noqa: E402
from archive import db  # noqa: E402
from archive.db import session_scope  # noqa: E402
from archive.export import export  # noqa: E402
from archive.filters import Filters, parse_filters  # noqa: E402
from archive.migrate import upgrade  # noqa: E402
from archive.models import Post, PostExtraction, SearchDoc, Visit, VisitTerm  # noqa: E402
from archive.search import words  # noqa: E402
from archive.store import save_post, visit_terms  # noqa: E402
from benchmarks.search_timing import REPEAT, percentile, time_search  # noqa: E402
from nlp import facts as nlp_facts  # noqa: E402
from scraper.fleet import CRAWL_STATE, crawl_key  # noqa: E402

PG_ENV, REDIS_ENV = "MINISTRY_NEWS_TEST_PG_URL", "MINISTRY_NEWS_TEST_REDIS_URL"
BATCH = 20_000  # posts per load transaction
STORE_SAMPLE = 100  # posts stored one by one at each checkpoint
FIRST_DAY = dt.date(2012, 1, 1)
DAYS = 14 * 365  # published dates spread over fourteen years, as a ministry's news is

# Words, phrases and filters a researcher uses on this archive: provinces, projects, a person,
# a phrase, a word in every post (the worst case: every post ranked), filters with and without
# text. From the mirror's own tables, so every query finds posts.
QUERIES: list[dict[str, str]] = [
    {"q": "เชียงใหม่"},
    {"q": "สงขลา"},
    {"q": "เน็ตประชารัฐ"},
    {"q": "ศูนย์ดิจิทัลชุมชน"},
    {"q": "อินเทอร์เน็ตความเร็วสูง"},
    {"q": "ข่าวปลอม"},
    {"q": "วิชัย ลิ้มสกุลทอง"},
    {"q": '"ตรวจเยี่ยม ศูนย์ดิจิทัลชุมชน"'},
    {"q": "โรงเรียน วัด"},
    {"q": "สำมะโนประชากร"},
    {"q": "จังหวัด"},
    {"q": "โรงเรียน", "province": "เชียงใหม่"},
    {"q": "เน็ตประชารัฐ", "since": "2020-01-01", "until": "2020-12-31"},
    {"province": "ตาก"},
]


# --- the generated archive ----------------------------------------------------------------------


@dataclass(frozen=True)
class Pooled:
    """One mirror post with what its rows need, segmented once."""

    title: str
    body: str
    categories: list[str]
    title_words: str
    body_words: str
    visit: nlp_facts.Visit
    terms: list[tuple[str, str, str | None, str | None]]


def pool(size: int) -> list[Pooled]:
    """`size` distinct visit posts from the mirror's generator, segmented."""
    mirror_posts.GENERATED = size  # the generator's own knob: how many visit posts it writes
    mirror_posts.posts.cache_clear()
    out = []
    for p in mirror_posts.posts():
        if p.missing or not p.truth.provinces:
            continue
        body = "\n\n".join(p.paragraphs)
        truth = p.truth
        visit = nlp_facts.Visit(
            dates=list(truth.dates),
            provinces=list(truth.provinces),
            districts=list(truth.districts),
            subdistricts=list(truth.subdistricts),
            officials=[name for name, _ in truth.officials],
            sites=list(truth.sites),
        )
        out.append(
            Pooled(
                title=p.title,
                body=body,
                categories=list(p.categories),
                title_words=" ".join(words(p.title)),
                body_words=" ".join(w for para in p.paragraphs for w in words(para)),
                visit=visit,
                terms=visit_terms(visit, []),
            )
        )
    for p in out[:50]:  # the shortcut indexes exactly what archive.search.index_post would
        assert p.body_words == " ".join(words(p.body)), p.title
    return out


def rows(posts: list[Pooled], first: int, last: int) -> dict[str, list[dict[str, Any]]]:
    """The rows of posts first..last (ids), one visit each, for every table they touch."""
    out: dict[str, list[dict[str, Any]]] = {
        t: [] for t in ("posts", "search_docs", "extractions", "visits", "visit_terms")
    }
    fetched = dt.datetime(2026, 1, 1)
    for n in range(first, last + 1):
        p = posts[n % len(posts)]
        published = FIRST_DAY + dt.timedelta(days=(n * 7919) % DAYS)
        out["posts"].append(
            {
                "id": n,
                "url": f"https://www.mdes.go.th/news/detail/{n}-bench",
                "title": p.title,
                "published": published,
                "body": p.body,
                "categories": json.dumps(p.categories),
                "category_name": None,
                "images": "[]",
                "attachments": "[]",
                "content_hash": hashlib.sha256(f"{n}{p.title}".encode()).hexdigest(),
                "encoding": "utf-8",
                "version": 1,
                "first_fetched_at": fetched,
                "fetched_at": fetched,
            }
        )
        out["search_docs"].append(
            {"post_id": n, "title_words": p.title_words, "body_words": p.body_words}
        )
        out["extractions"].append(
            {
                "post_id": n,
                "pipeline_version": "bench",
                "extracted_at": fetched,
                "current": True,
                "facts": 0,
                "visits": 1,
            }
        )
        day = published - dt.timedelta(days=1)
        v = p.visit
        out["visits"].append(
            {
                "id": n,
                "post_id": n,
                "pipeline_version": "bench",
                "seq": 0,
                "start_date": day,
                "end_date": day,
                "dates": json.dumps([day.isoformat()]),
                "provinces": json.dumps(v.provinces, ensure_ascii=False),
                "districts": json.dumps(v.districts, ensure_ascii=False),
                "subdistricts": json.dumps(v.subdistricts, ensure_ascii=False),
                "officials": json.dumps(v.officials, ensure_ascii=False),
                "sites": json.dumps(v.sites, ensure_ascii=False),
                "current": True,
            }
        )
        out["visit_terms"] += [
            {
                "visit_id": n,
                "post_id": n,
                "kind": k,
                "value": val,
                "key": key,
                "detail": detail,
                "role": role,
            }
            for k, val, key, detail, role in p.terms
        ]
    return out


TABLES: dict[str, Table] = {
    m.__tablename__: m.__table__  # type: ignore[misc]
    for m in (Post, SearchDoc, PostExtraction, Visit, VisitTerm)
}


def _defaults(table: Table, given: dict[str, Any]) -> dict[str, Any]:
    """The model's scalar defaults for the columns the generator does not fill (COPY does not
    apply them; SQLAlchemy's insert does)."""
    out = {}
    for column in table.columns:
        default = column.default
        if column.name not in given and default is not None and default.is_scalar:
            out[column.name] = default.arg
    return out


def load_postgresql(url: str, batch: dict[str, list[dict[str, Any]]]) -> None:
    """COPY each table's rows: PostgreSQL's bulk path (the triggers still index every post)."""
    raw = db.get_engine(url).raw_connection()
    try:
        conn = raw.driver_connection
        with conn.cursor() as cur:
            for name, table_rows in batch.items():
                if not table_rows:
                    continue
                defaults = _defaults(TABLES[name], table_rows[0])
                columns = [*table_rows[0], *defaults]
                quoted = ", ".join(f'"{c}"' for c in columns)
                with cur.copy(f"COPY {name} ({quoted}) FROM STDIN") as copy:
                    for row in table_rows:
                        copy.write_row([{**defaults, **row}[c] for c in columns])
        raw.commit()
    finally:
        raw.close()


def load_sqlite(url: str, batch: dict[str, list[dict[str, Any]]]) -> None:
    """executemany per table in one transaction (the FTS5 triggers index every post)."""
    json_columns = {"categories", "images", "attachments", "dates", "provinces", "districts"}
    json_columns |= {"subdistricts", "officials", "sites"}
    with db.get_engine(url).begin() as conn:
        for name, table_rows in batch.items():
            if table_rows:  # the JSON columns take Python lists here
                decoded = [
                    {k: json.loads(v) if k in json_columns else v for k, v in r.items()}
                    for r in table_rows
                ]
                conn.execute(insert(TABLES[name]), decoded)


# --- measurements -------------------------------------------------------------------------------


def bench_search(url: str) -> tuple[float, float, list[tuple[float, int, dict[str, str]]]]:
    """Median and p95 (ms) over every query's runs; each query's median and hit count."""
    with session_scope(url) as session:
        timed = time_search(session, QUERIES)
    return timed.median, timed.p95, timed.per_query


def bench_store(url: str, posts: list[Pooled], first_id: int) -> tuple[float, float]:
    """Store STORE_SAMPLE new posts one transaction each, as the crawl pipeline does: median and
    p95 ms per post (PyThaiNLP segmentation of the post included)."""
    times = []
    for k in range(STORE_SAMPLE):
        p = posts[(first_id + k) % len(posts)]
        item = {
            "post_id": first_id + k,
            "url": f"https://www.mdes.go.th/news/detail/{first_id + k}-stored",
            "title": p.title,
            "body": p.body + f" ({k})",
            "published": "2026-01-02",
            "categories": p.categories,
            "content_hash": hashlib.sha256(f"stored{first_id + k}".encode()).hexdigest(),
        }
        t0 = time.perf_counter()
        with session_scope(url) as session:
            save_post(session, item)
        times.append((time.perf_counter() - t0) * 1000)
    with session_scope(url) as session:  # take them out again: the archive keeps its size
        session.execute(text("DELETE FROM posts WHERE id >= :first"), {"first": first_id})
    return statistics.median(times), percentile(times, 95)


def bench_export(url: str, workdir: Path) -> list[str]:
    lines = []
    with session_scope(url) as session:
        last_year = session.scalar(select(func.max(Post.published)))
    year = str(last_year.year if last_year else 2025)
    for what, fmt, filters in (
        ("visits", "csv", Filters()),
        ("visits", "parquet", Filters()),
        ("posts", "jsonl", parse_filters(since=f"{year}-01-01", until=f"{year}-12-31")),
    ):
        path = workdir / f"export.{fmt}"
        with session_scope(url) as session:
            t0 = time.perf_counter()
            n = export(session, what, fmt, path, filters)  # type: ignore[arg-type]
            seconds = time.perf_counter() - t0
        size = path.stat().st_size / 1e6
        scope = "all" if filters == Filters() else f"published in {year}"
        lines.append(
            f"  export {what} {fmt} ({scope}): {n:,} rows in {seconds:.1f} s = "
            f"{n / seconds:,.0f} rows/s, {size / seconds:.1f} MB/s"
        )
        path.unlink()
    return lines


def size_on_disk(url: str) -> str:
    engine = db.get_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            schema = conn.scalar(text("SELECT current_schema()"))
            total = conn.scalar(
                text(
                    "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = :schema AND c.relkind = 'r'"
                ),
                {"schema": schema},
            )
        return f"{float(total or 0) / 1e9:.2f} GB"
    path = Path(engine.url.database or "")
    wal = path.with_name(path.name + "-wal")
    return f"{(path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)) / 1e9:.2f} GB"


def bench_archive(engine: str, url: str, size: int, posts: list[Pooled], workdir: Path) -> None:
    load: Callable[[str, dict[str, list[dict[str, Any]]]], None] = (
        load_postgresql if engine == "postgresql" else load_sqlite
    )
    checkpoints = sorted({max(1, size // 100), max(1, size // 10), size})
    print(f"\n{engine}: {size:,} posts from a pool of {len(posts):,} mirror posts, one visit each")
    upgrade(url)
    loaded, load_seconds = 0, 0.0
    for checkpoint in checkpoints:
        while loaded < checkpoint:
            last = min(checkpoint, loaded + BATCH)
            batch = rows(posts, loaded + 1, last)
            t0 = time.perf_counter()
            load(url, batch)
            load_seconds += time.perf_counter() - t0
            loaded = last
            print(f"\r  loaded {loaded:,} posts", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        t0 = time.perf_counter()
        db.analyze(url)
        analyzed = time.perf_counter() - t0
        median, p95, per_query = bench_search(url)
        store_median, store_p95 = bench_store(url, posts, 10 * size + 1)
        print(
            f"  at {loaded:>9,} posts ({size_on_disk(url)}): load {loaded / load_seconds:,.0f} "
            f"posts/s so far (+{analyzed:.0f} s analyze) · search median {median:.1f} ms, "
            f"p95 {p95:.1f} ms · store one post median {store_median:.0f} ms, "
            f"p95 {store_p95:.0f} ms"
        )
    print(f"  search at {loaded:,} posts, per query (median of {REPEAT}):")
    for ms, total, raw in sorted(per_query, key=lambda x: x[0], reverse=True):
        print(f"    {ms:8.1f} ms  {total:9,} posts  {raw}")
    for line in bench_export(url, workdir):
        print(line)


@contextmanager
def pg_schema(base: str) -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a schema of its own, dropped afterwards."""
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    finally:
        db.dispose_all()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


# --- crawl rate ---------------------------------------------------------------------------------

#: The mirror, grown to N generated posts, in a process of its own (the crawlers must not share
#: its interpreter). It prints its URL, then, when stdin closes, what it served and when.
MIRROR = """
import json, sys, threading, time
import scraper.mirror.posts as posts
posts.GENERATED = int(sys.argv[1])
from scraper.mirror.server import MirrorServer
server = MirrorServer(port=0).start()
print(server.url, flush=True)
seen, first, last = 0, None, None
def watch():
    global seen, first, last
    while True:
        n = len(server.requests)
        if n != seen:
            seen, last = n, time.time()
            first = first or last
        time.sleep(0.02)
threading.Thread(target=watch, daemon=True).start()
sys.stdin.read()
time.sleep(0.1)
print(json.dumps({"requests": seen, "first": first, "last": last}), flush=True)
"""


def crawl_rate(processes: int, posts_n: int, pg_base: str, redis_url: str, workdir: Path) -> str:
    mirror = subprocess.Popen(
        [sys.executable, "-c", MIRROR, str(posts_n)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert mirror.stdout is not None and mirror.stdin is not None
    url = mirror.stdout.readline().strip()
    key = f"ministry-news-bench:{uuid.uuid4().hex[:12]}"
    settings = {
        "REDIS_URL": redis_url,
        "FLEET_KEY": key,
        "DOWNLOAD_DELAY": 0,  # politeness off: a local mirror
        "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
        "INCREMENTAL": False,
        "WARC_DIR": str(workdir / f"warc-{processes}"),
    }
    with pg_schema(pg_base) as db_url:
        upgrade(db_url)
        args = [a for k, v in settings.items() for a in ("-s", f"{k}={v}")]
        started = time.time()
        crawlers = [
            subprocess.Popen(
                [sys.executable, "-m", "ministry_news.crawl", "--db", db_url]
                + ["--start-url", f"{url}/news/", *args],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            for _ in range(processes)
        ]
        summaries = [json.loads(c.communicate()[0]) for c in crawlers]
        ended = time.time()
        with session_scope(db_url) as session:
            stored = session.scalar(select(func.count()).select_from(Post)) or 0
    served = json.loads(mirror.communicate("")[0])
    state = [crawl_key(key, name) for name in CRAWL_STATE]
    redis.Redis.from_url(redis_url).unlink(*state, f"{key}:fleet:workers", f"{key}:fleet:busy")
    pages = sum(s["pages"] for s in summaries)
    busy = served["last"] - served["first"]
    split = "/".join(str(s["pages"]) for s in summaries)
    return (
        f"  {processes} process{'es' if processes > 1 else ''}: {served['requests']:,} requests, "
        f"{stored:,} posts stored, pages per process {split}; "
        f"{served['requests'] / busy:,.0f} requests/s while crawling ({busy:.1f} s), "
        f"{pages / (ended - started):,.0f} pages/s from start to exit ({ended - started:.1f} s)"
    )


# --- main ---------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg-posts", type=int, default=1_000_000, help="0: skip PostgreSQL")
    parser.add_argument("--sqlite-posts", type=int, default=100_000, help="0: skip SQLite")
    parser.add_argument("--pool", type=int, default=2000, help="distinct mirror posts")
    parser.add_argument("--crawl-posts", type=int, default=2000, help="0: skip the crawl rates")
    parser.add_argument("--processes", default="1,2,4", help="crawler processes to compare")
    args = parser.parse_args()
    pg_base, redis_url = os.environ.get(PG_ENV), os.environ.get(REDIS_ENV)
    if (args.pg_posts or args.crawl_posts) and not pg_base:
        sys.exit(f'bench: set {PG_ENV} (eval "$(bash .ci/services.sh)")')
    if args.crawl_posts and not redis_url:
        sys.exit(f'bench: set {REDIS_ENV} (eval "$(bash .ci/services.sh)")')
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        workdir = Path(tmp)
        if args.pg_posts or args.sqlite_posts:
            t0 = time.perf_counter()
            posts = pool(args.pool)
            print(
                f"pool: {len(posts):,} mirror posts segmented in {time.perf_counter() - t0:.0f} s"
            )
        if args.sqlite_posts:
            url = f"sqlite:///{workdir / 'bench.sqlite'}"
            bench_archive("sqlite", url, args.sqlite_posts, posts, workdir)
            db.dispose_all()
            (workdir / "bench.sqlite").unlink()
        if args.pg_posts:
            assert pg_base is not None
            with pg_schema(pg_base) as url:
                bench_archive("postgresql", url, args.pg_posts, posts, workdir)
        if args.crawl_posts:
            assert pg_base is not None and redis_url is not None
            print(f"\ncrawl: a mirror of {args.crawl_posts:,} generated posts, politeness off")
            for n in (int(p) for p in args.processes.split(",")):
                print(crawl_rate(n, args.crawl_posts, pg_base, redis_url, workdir), flush=True)


if __name__ == "__main__":
    main()
