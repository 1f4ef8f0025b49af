"""Benchmark the archive at scale on real text, and crawls split over processes. Prints figures;
asserts nothing.

1. Archive: the 27,937 real posts of ../shared/corpus/thaigov (benchmarks/thaigov_pool.py:
   segmented and extracted once, kept in bench-output/), replicated with fresh ids and dates up
   to each size asked (10,000 / 100,000 / 1,000,000 by default), bulk-loaded (COPY on
   PostgreSQL) with their search documents, extractions, visits and visit terms. At each size it
   prints the load rate, `search … p95 N ms` over a set of real researchers' queries,
   `facets … p95 N ms`, `/api/visits?limit=20 … p95 N ms`, the CSV export rate, the size on
   disk and the server's memory; at the end, whether each query's top hits are the same on both
   engines at each size both reached.
2. Crawl (--crawl-posts): a mirror of generated posts on 127.0.0.1, crawled with politeness off
   by 1, 2 and 4 processes sharing one Redis queue and one PostgreSQL archive (`crawl --redis`).

    python benchmarks/bench_scale.py --sizes 10000,100000            # both engines (~15 min)
    python benchmarks/bench_scale.py --engines postgresql --sizes 1000000
    python benchmarks/bench_scale.py --engines none --crawl-posts 2000  # only the crawl rates

Needs MINISTRY_NEWS_TEST_PG_URL (and MINISTRY_NEWS_TEST_REDIS_URL for the crawl: `eval "$(bash
.ci/services.sh)"`); works in PostgreSQL schemas of its own and drops them at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import redis  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import Table, create_engine, func, insert, select, text  # noqa: E402

from archive import db  # noqa: E402
from archive.db import session_scope  # noqa: E402
from archive.export import export  # noqa: E402
from archive.filters import Filters, parse_filters  # noqa: E402
from archive.migrate import upgrade  # noqa: E402
from archive.models import Post, PostExtraction, SearchDoc, Visit, VisitTerm  # noqa: E402
from archive.search import facets, search  # noqa: E402
from benchmarks import thaigov_pool  # noqa: E402
from benchmarks.search_timing import percentile  # noqa: E402
from ministry_news.web import create_app  # noqa: E402
from scraper.fleet import CRAWL_STATE, crawl_key  # noqa: E402

PG_ENV, REDIS_ENV = "MINISTRY_NEWS_TEST_PG_URL", "MINISTRY_NEWS_TEST_REDIS_URL"
BATCH = 20_000  # posts per load transaction
REPEAT = 5  # timed runs of each query after a warm-up run
TOP = 10  # hits compared across engines
FIRST_DAY = dt.date(2012, 1, 1)
DAYS = 14 * 365  # published dates spread over fourteen years, as a ministry's news is

# What researchers of Thai government news ask: provinces (one rare), programme names, officials'
# names, two-word queries, a phrase, a word in almost every post, rare words, and filters with
# and without text. Counts in the 27,937 real posts: จังหวัด 11,354, ประยุทธ์ 5,312, โควิด 3,593,
# ดิจิทัล 2,998, เชียงใหม่ 1,359, เน็ตประชารัฐ 255, บึงกาฬ 191, ทุเรียน 187.
QUERIES: list[dict[str, str]] = [
    {"q": "เชียงใหม่"},
    {"q": "สงขลา"},
    {"q": "บึงกาฬ"},
    {"q": "เน็ตประชารัฐ"},
    {"q": "บัตรสวัสดิการแห่งรัฐ"},
    {"q": "ศูนย์ดำรงธรรม"},
    {"q": "ระเบียงเศรษฐกิจพิเศษภาคตะวันออก"},
    {"q": "ประยุทธ์ จันทร์โอชา"},
    {"q": "วิษณุ เครืองาม"},
    {"q": "ภัยแล้ง เกษตรกร"},
    {"q": "โควิด วัคซีน"},
    {"q": '"ประชุมคณะรัฐมนตรี"'},
    {"q": "จังหวัด"},
    {"q": "ทุเรียน"},
    {"q": "สตาร์ทอัพ"},
    {"q": "จังหวัด", "province": "เชียงใหม่"},
    {"q": "โควิด", "since": "2021-01-01", "until": "2021-12-31"},
    {"province": "สงขลา"},
]
FACET_QUERIES: list[dict[str, str]] = [
    {},
    {"q": "จังหวัด"},
    {"q": "ดิจิทัล"},
    {"q": "ทุเรียน"},
    {"province": "เชียงใหม่"},
    {"since": "2020-01-01", "until": "2020-12-31"},
]


# --- the archive of real posts ------------------------------------------------------------------


def rows(posts: list[thaigov_pool.Pooled], first: int, last: int) -> dict[str, list[dict]]:
    """The rows of posts first..last (ids), a real post each, for every table they touch."""
    out: dict[str, list[dict[str, Any]]] = {
        t: [] for t in ("posts", "search_docs", "extractions", "visits", "visit_terms")
    }
    fetched = dt.datetime(2026, 1, 1)
    for n in range(first, last + 1):
        p = posts[(n * 7919) % len(posts)]  # every size draws from the whole corpus
        published = FIRST_DAY + dt.timedelta(days=(n * 7919) % DAYS)
        out["posts"].append(
            {
                "id": n,
                "source": "thaigov",
                "source_id": n,
                "url": f"https://www.thaigov.go.th/news/contents/details/{n}",
                "title": p.title,
                "published": published,
                "body": p.body,
                "categories": json.dumps([p.category], ensure_ascii=False),
                "category_name": p.category,
                "images": "[]",
                "attachments": "[]",
                "content_hash": hashlib.sha256(f"{n}{p.source_id}".encode()).hexdigest(),
                "encoding": "utf-8",
                "version": 1,
                "first_fetched_at": fetched,
                "fetched_at": fetched,
            }
        )
        out["search_docs"].append(
            {"post_id": n, "title_words": p.title_words, "body_words": p.body_words}
        )
        has_visit = bool(p.provinces)
        out["extractions"].append(
            {
                "post_id": n,
                "pipeline_version": "bench",
                "extracted_at": fetched,
                "current": True,
                "facts": 0,
                "visits": int(has_visit),
            }
        )
        if not has_visit:
            continue
        day = published - dt.timedelta(days=1)
        out["visits"].append(
            {
                "id": n,
                "post_id": n,
                "pipeline_version": "bench",
                "seq": 0,
                "start_date": day,
                "end_date": day,
                "dates": json.dumps([day.isoformat()]),
                "provinces": json.dumps(p.provinces, ensure_ascii=False),
                "districts": json.dumps(p.districts, ensure_ascii=False),
                "subdistricts": json.dumps(p.subdistricts, ensure_ascii=False),
                "officials": json.dumps(p.officials, ensure_ascii=False),
                "sites": json.dumps(p.sites, ensure_ascii=False),
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


def timed(run: Callable[[], Any]) -> tuple[list[float], Any]:
    """One warm-up run, then REPEAT timed runs (ms); the warm-up's result."""
    result = run()
    times = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        run()
        times.append((time.perf_counter() - t0) * 1000)
    return times, result


def spread(name: str, samples: list[float]) -> str:
    """`name median A ms, p95 B ms, max C ms`: the line format the issue reads."""
    return (
        f"{name} median {statistics.median(samples):.1f} ms, p95 {percentile(samples, 95):.1f} ms,"
        f" max {max(samples):.1f} ms"
    )


def bench_search(url: str) -> tuple[list[float], list[tuple[float, str, dict[str, str]]], dict]:
    """Every timed run; each query's median, total and raw filters; each query's top hit ids."""
    samples: list[float] = []
    per_query = []
    top: dict[str, list[int]] = {}
    with session_scope(url) as session:
        for raw in QUERIES:
            filters = parse_filters(**raw)
            times, page = timed(lambda f=filters: search(session, f))  # type: ignore[misc]
            samples += times
            total = f"{'' if page.total_is_exact else '>'}{page.total:,}"
            per_query.append((statistics.median(times), total, raw))
            top[json.dumps(raw, ensure_ascii=False)] = [h.post_id for h in page.hits[:TOP]]
    return samples, per_query, top


def bench_facets(url: str) -> list[float]:
    samples: list[float] = []
    with session_scope(url) as session:
        for raw in FACET_QUERIES:
            filters = parse_filters(**raw)
            samples += timed(lambda f=filters: facets(session, f))[0]  # type: ignore[misc]
    return samples


def bench_visits_api(url: str) -> list[float]:
    """GET /api/visits?limit=20 (whole archive, a province, a year) through the web app."""
    samples: list[float] = []
    with TestClient(create_app(url)) as client:
        for params in ({}, {"province": "เชียงใหม่"}, {"since": "2020", "until": "2020"}):
            query = {"limit": "20", **params}
            samples += timed(
                lambda q=query: client.get("/api/visits", params=q).raise_for_status()
            )[0]  # type: ignore[misc]
    return samples


def bench_export(url: str, workdir: Path) -> str:
    path = workdir / "export.csv"
    with session_scope(url) as session:
        t0 = time.perf_counter()
        n = export(session, "visits", "csv", path, Filters())
        seconds = time.perf_counter() - t0
    size = path.stat().st_size / 1e6
    path.unlink()
    return f"export visits CSV {n:,} rows in {seconds:.1f} s = {n / seconds:,.0f} rows/s, {size / seconds:.1f} MB/s"


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


def server_memory(engine: str) -> str:
    """PostgreSQL: the proportional set size (shared buffers counted once) of every postgres
    process; SQLite runs inside this process: its peak resident size."""
    if engine == "sqlite":
        return (
            f"this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:,.0f} MB peak"
        )
    pss = 0
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and (proc / "comm").read_text().strip() == "postgres":
                for line in (proc / "smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            continue
    return f"postgres processes {pss / 1e3:,.0f} MB (PSS)"


def bench_archive(
    engine: str, url: str, sizes: list[int], posts: list[thaigov_pool.Pooled], workdir: Path
) -> dict[int, dict[str, list[int]]]:
    """Grow one archive through `sizes`, measuring at each; each size's top hits per query."""
    load: Callable[[str, dict[str, list[dict[str, Any]]]], None] = (
        load_postgresql if engine == "postgresql" else load_sqlite
    )
    print(f"\n{engine}: real posts from a pool of {len(posts):,} (../shared/corpus/thaigov)")
    upgrade(url)
    loaded, load_seconds = 0, 0.0
    tops: dict[int, dict[str, list[int]]] = {}
    for size in sorted(sizes):
        while loaded < size:
            last = min(size, loaded + BATCH)
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
        searched, per_query, tops[size] = bench_search(url)
        faceted = bench_facets(url)
        visited = bench_visits_api(url)
        print(
            f"  {engine} at {size:,} posts: load {loaded / load_seconds:,.0f} posts/s so far "
            f"(+{analyzed:.0f} s analyze) · {size_on_disk(url)} on disk · {server_memory(engine)}"
        )
        print(f"    {spread(f'search {len(QUERIES)} queries ×{REPEAT}', searched)}")
        print(f"    {spread(f'facets {len(FACET_QUERIES)} selections ×{REPEAT}', faceted)}")
        print(f"    {spread('/api/visits?limit=20 ×3 filters', visited)}")
        print(f"    {bench_export(url, workdir)}")
        print(f"    search per query at {size:,} posts (median of {REPEAT}, posts found):")
        for ms, total, raw in sorted(per_query, key=lambda x: x[0], reverse=True):
            print(f"      {ms:8.1f} ms  {total:>9}  {json.dumps(raw, ensure_ascii=False)}")
    return tops


def compare_tops(tops: dict[str, dict[int, dict[str, list[int]]]]) -> None:
    """Whether each query's top hits are the same on both engines, at each size both reached."""
    if len(tops) < 2:
        return
    (a, at), (b, bt) = tops.items()
    for size in sorted(at.keys() & bt.keys()):
        differ = [q for q in at[size] if at[size][q] != bt[size].get(q)]
        same = len(at[size]) - len(differ)
        print(
            f"\ntop {TOP} hits at {size:,} posts: the same on {a} and {b} for {same} of {len(at[size])} queries"
        )
        for q in differ:
            print(f"  differ: {q}\n    {a}: {at[size][q]}\n    {b}: {bt[size][q]}")


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
    parser.add_argument("--engines", default="sqlite,postgresql", help="none: skip the archive")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="posts, comma-separated")
    parser.add_argument("--crawl-posts", type=int, default=0, help="0: skip the crawl rates")
    parser.add_argument("--processes", default="1,2,4", help="crawler processes to compare")
    args = parser.parse_args()
    engines = [e for e in args.engines.split(",") if e in ("sqlite", "postgresql")]
    sizes = [int(s) for s in args.sizes.split(",") if s]
    pg_base, redis_url = os.environ.get(PG_ENV), os.environ.get(REDIS_ENV)
    if ("postgresql" in engines or args.crawl_posts) and not pg_base:
        sys.exit(f'bench: set {PG_ENV} (eval "$(bash .ci/services.sh)")')
    if args.crawl_posts and not redis_url:
        sys.exit(f'bench: set {REDIS_ENV} (eval "$(bash .ci/services.sh)")')
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        workdir = Path(tmp)
        tops: dict[str, dict[int, dict[str, list[int]]]] = {}
        if engines:
            t0 = time.perf_counter()
            posts = thaigov_pool.load()
            print(f"pool: {len(posts):,} real posts read in {time.perf_counter() - t0:.0f} s")
        if "sqlite" in engines:
            url = f"sqlite:///{workdir / 'bench.sqlite'}"
            tops["sqlite"] = bench_archive("sqlite", url, sizes, posts, workdir)
            db.dispose_all()
            (workdir / "bench.sqlite").unlink()
        if "postgresql" in engines:
            assert pg_base is not None
            with pg_schema(pg_base) as url:
                tops["postgresql"] = bench_archive("postgresql", url, sizes, posts, workdir)
        compare_tops(tops)
        if args.crawl_posts:
            assert pg_base is not None and redis_url is not None
            print(f"\ncrawl: a mirror of {args.crawl_posts:,} generated posts, politeness off")
            for n in (int(p) for p in args.processes.split(",")):
                print(crawl_rate(n, args.crawl_posts, pg_base, redis_url, workdir), flush=True)


if __name__ == "__main__":
    main()
