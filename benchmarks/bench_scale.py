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
from sqlalchemy import MetaData, Table, create_engine, func, insert, select, text  # noqa: E402

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


def rows(
    posts: list[thaigov_pool.Pooled], first: int, last: int, vectors: list[str] | None = None
) -> dict[str, list[dict]]:
    """The rows of posts first..last (ids), a real post each, for every table they touch; with
    `vectors` (PostgreSQL: each pooled post's tsvector, as the migration's trigger builds it),
    its search_vectors row too, the trigger being off during the load."""
    out: dict[str, list[dict[str, Any]]] = {
        t: [] for t in ("posts", "search_docs", "extractions", "visits", "visit_terms")
    }
    if vectors is not None:
        out["search_vectors"] = []
    fetched = dt.datetime(2026, 1, 1)
    for n in range(first, last + 1):
        drawn = (n * 7919) % len(posts)  # every size draws from the whole corpus
        p = posts[drawn]
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
        if vectors is not None:
            out["search_vectors"].append({"post_id": n, "tsv": vectors[drawn]})
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
#: search_vectors has no model (the migration makes it); its columns are both given.
TABLES["search_vectors"] = Table("search_vectors", MetaData())


def _defaults(table: Table, given: dict[str, Any]) -> dict[str, Any]:
    """The model's scalar defaults for the columns the generator does not fill (COPY does not
    apply them; SQLAlchemy's insert does)."""
    out = {}
    for column in table.columns:
        default = column.default
        if column.name not in given and default is not None and default.is_scalar:
            out[column.name] = default.arg
    return out


def pg_vectors(url: str, posts: list[thaigov_pool.Pooled]) -> list[str]:
    """Each pooled post's tsvector, built once by the migration's own SQL function (the pool
    repeats its 27,937 texts: building it per copy cost most of the load)."""
    out: list[str] = []
    with db.get_engine(url).connect() as conn:
        for i in range(0, len(posts), 1000):
            chunk = posts[i : i + 1000]
            out += conn.scalars(
                text(
                    "SELECT (search_words_tsvector(t, 'A', 1) || search_words_tsvector(b, 'B', 2))"
                    "::text FROM unnest(CAST(:t AS text[]), CAST(:b AS text[])) "
                    "WITH ORDINALITY AS u(t, b, i) ORDER BY i"
                ),
                {"t": [p.title_words for p in chunk], "b": [p.body_words for p in chunk]},
            ).all()
    return out


def pg_drop_indexes(url: str) -> list[str]:
    """Drop the archive's secondary indexes (not those of a key or unique constraint) for a
    bulk load into an empty archive; their definitions, to build them at the end."""
    with db.get_engine(url).begin() as conn:
        found = conn.execute(
            text(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i "
                "WHERE i.schemaname = current_schema() AND NOT EXISTS ("
                "  SELECT 1 FROM pg_constraint c WHERE c.conindid = "
                "  (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)"
            )
        ).all()
        for name, _ in found:
            conn.execute(text(f'DROP INDEX "{name}"'))
    return [definition for _, definition in found]


def pg_build_indexes(url: str, definitions: list[str]) -> None:
    if not definitions:
        return
    with db.get_engine(url).begin() as conn:
        conn.execute(text("SET maintenance_work_mem = '1GB'"))
        for definition in definitions:
            conn.execute(text(definition))


#: On PostgreSQL, posts past the first REPLICATE_FROM are copies the server makes of a kept
#: archive of that size (INSERT … SELECT, its rows shifted to fresh ids and dates as rows()
#: gives them): the same real texts, loaded ten times faster than through COPY.
REPLICATE_FROM = 100_000
_DAY = f"(DATE '{FIRST_DAY}' + ((({{id}})::bigint * 7919) % {DAYS})::int)"


def _shifted(table: str, off: int) -> dict[str, str]:
    """What replaces a column in a copy of `table`'s rows `off` ids further."""
    post = f"post_id + {off}"
    day = _DAY.format(id=post) + " - 1"
    return {
        "posts": {
            "id": f"id + {off}",
            "source_id": f"source_id + {off}",
            "url": f"'https://www.thaigov.go.th/news/contents/details/' || (id + {off})",
            "published": _DAY.format(id=f"id + {off}"),
        },
        "search_docs": {"post_id": post},
        "search_vectors": {"post_id": post},
        "extractions": {"post_id": post},
        "visits": {
            "id": f"id + {off}",
            "post_id": post,
            "start_date": day,
            "end_date": day,
            "dates": f"json_build_array(to_char({day}, 'YYYY-MM-DD'))",
        },
        "visit_terms": {"visit_id": f"visit_id + {off}", "post_id": post},
    }[table]


def pg_replicate(url: str, source_schema: str, base: int, size: int) -> None:
    """Fill the archive at `url` with size // base copies of the kept archive of `base` posts
    in `source_schema`, the k-th shifted by k × base ids."""
    engine = db.get_engine(url)
    for k in range(size // base):
        with engine.begin() as conn:
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            for table in TABLES:
                columns = [
                    c
                    for c in conn.scalars(
                        text(
                            "SELECT column_name FROM information_schema.columns WHERE "
                            "table_schema = current_schema() AND table_name = :t "
                            "ORDER BY ordinal_position"
                        ),
                        {"t": table},
                    )
                    if not (table == "visit_terms" and c == "id")
                ]
                shifted = _shifted(table, k * base)
                exprs = ", ".join(shifted.get(c, f'"{c}"') for c in columns)
                quoted = ", ".join(f'"{c}"' for c in columns)
                conn.execute(
                    text(
                        f"INSERT INTO {table} ({quoted}) SELECT {exprs} FROM {source_schema}.{table}"
                    )
                )
        print(f"\r  copied {(k + 1) * base:,} posts", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    with engine.begin() as conn:  # visit_terms' own ids: its sequence, past the copies'
        conn.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('visit_terms', 'id'), max(id)) FROM visit_terms"
            )
        )


def load_postgresql(url: str, batch: dict[str, list[dict[str, Any]]]) -> None:
    """COPY each table's rows, triggers and foreign-key checks off (session_replication_role:
    the rows are consistent by construction, and search_vectors comes with the batch)."""
    raw = db.get_engine(url).raw_connection()
    try:
        conn = raw.driver_connection
        with conn.cursor() as cur:
            cur.execute("SET LOCAL session_replication_role = replica")
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


#: A writer storing posts as a crawl does (save_post: a row lock, the segmenting, the index by
#: trigger, one commit each), a real text of the archive each, every WRITE_EVERY seconds, until
#: stdin closes; then prints how many it stored.
WRITE_EVERY = 0.2
WRITER = """
import sys, threading, time, hashlib
from archive.db import session_scope
from archive.store import save_post
from archive.models import Post
from sqlalchemy import select
url, every = sys.argv[1], float(sys.argv[2])
with session_scope(url) as session:
    texts = session.execute(select(Post.title, Post.body).order_by(Post.id).limit(500)).all()
stop = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
print("ready", flush=True)
n, t0 = 0, time.time()
while not stop.is_set():
    title, body = texts[n % len(texts)]
    with session_scope(url) as session:
        save_post(session, {"source": "bench-writer", "post_id": n + 1, "url": f"bench:{n}",
                            "title": title, "body": body, "published": "2026-01-01",
                            "content_hash": hashlib.sha256(str(n).encode()).hexdigest()})
    n += 1
    time.sleep(every)
print(n, time.time() - t0, flush=True)
"""


def bench_while_writing(url: str) -> str:
    """Search timings while a writer stores posts (its posts removed afterwards)."""
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, url, str(WRITE_EVERY)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    writer.stdout.readline()
    samples = bench_search(url)[0]
    stored, seconds = writer.communicate("")[0].split()
    with db.get_engine(url).begin() as conn:
        conn.execute(text("DELETE FROM posts WHERE source = 'bench-writer'"))
    rate = int(stored) / float(seconds)
    return spread(f"search while a writer stores {rate:.1f} posts/s:", samples)


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


def build_archive(
    engine: str,
    url: str,
    size: int,
    posts: list[thaigov_pool.Pooled],
    replicate_from: str | None = None,
) -> dict[str, float]:
    """Load `size` posts into the empty archive at `url` (PostgreSQL: copies of the kept
    archive in the schema `replicate_from` if given); the seconds loading, indexing and
    analyzing took. PostgreSQL: secondary indexes dropped first and built at the end."""
    upgrade(url)
    vectors, indexes = None, []
    if engine == "postgresql":
        vectors = pg_vectors(url, posts) if replicate_from is None else None
        indexes = pg_drop_indexes(url)
    load: Callable[[str, dict[str, list[dict[str, Any]]]], None] = (
        load_postgresql if engine == "postgresql" else load_sqlite
    )
    t0 = time.perf_counter()
    if replicate_from is not None:
        pg_replicate(url, replicate_from, REPLICATE_FROM, size)
    else:
        for first in range(1, size + 1, BATCH):
            last = min(size, first + BATCH - 1)
            load(url, rows(posts, first, last, vectors))
            print(f"\r  loaded {last:,} posts", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    loaded = time.perf_counter()
    if engine == "postgresql":  # the ids were given: the archive's own sequence goes past them
        with db.get_engine(url).begin() as conn:
            conn.execute(text("SELECT setval('posts_id_seq', max(id)) FROM posts"))
    pg_build_indexes(url, indexes)
    indexed = time.perf_counter()
    db.analyze(url)
    return {
        "posts": size,
        "load": loaded - t0,
        "index": indexed - loaded,
        "analyze": time.perf_counter() - indexed,
    }


def bench_archive(
    engine: str, url: str, size: int, built: dict[str, float], workdir: Path
) -> dict[str, list[int]]:
    """Measure one archive of `size` posts; each query's top hits."""
    rate = size / (built["load"] + built["index"])
    searched, per_query, tops = bench_search(url)
    faceted = bench_facets(url)
    visited = bench_visits_api(url)
    print(
        f"  {engine} at {size:,} posts: load {rate:,.0f} posts/s ({built['load']:.0f} s load"
        f" + {built['index']:.0f} s index, +{built['analyze']:.0f} s analyze) · "
        f"{size_on_disk(url)} on disk · {server_memory(engine)}"
    )
    print(f"    {spread(f'search {len(QUERIES)} queries ×{REPEAT}', searched)}")
    print(f"    {spread(f'facets {len(FACET_QUERIES)} selections ×{REPEAT}', faceted)}")
    print(f"    {spread('/api/visits?limit=20 ×3 filters', visited)}")
    print(f"    {bench_while_writing(url)}")
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


def _schema_url(base: str, schema: str) -> str:
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


@contextmanager
def pg_schema(base: str) -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a schema of its own, dropped afterwards."""
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield _schema_url(base, schema)
    finally:
        db.dispose_all()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@contextmanager
def kept_archive(
    engine: str, size: int, keep: Path | None, reuse: bool, pg_base: str | None, workdir: Path
) -> Iterator[tuple[str, dict[str, float] | None]]:
    """The URL of the archive of `size` posts on `engine`, and what building it took if it is
    kept already (`reuse`), else None (empty: to build). Kept (`keep`): SQLite in
    keep/sqlite-N.sqlite, PostgreSQL in the schema bench_N; keep/ENGINE-N.json says that it is
    complete. Not kept: a temporary file or schema, removed afterwards."""
    if keep is None:
        if engine == "sqlite":
            path = workdir / f"sqlite-{size}.sqlite"
            yield f"sqlite:///{path}", None
            db.dispose_all()
            path.unlink()
        else:
            assert pg_base is not None
            with pg_schema(pg_base) as url:
                yield url, None
        return
    done = keep / f"{engine}-{size}.json"
    built = json.loads(done.read_text()) if reuse and done.exists() else None
    if built is None:
        done.unlink(missing_ok=True)
    if engine == "sqlite":
        path = keep / f"sqlite-{size}.sqlite"
        if built is None:
            for old in path.parent.glob(f"{path.name}*"):
                old.unlink()
        url = f"sqlite:///{path}"
    else:
        assert pg_base is not None
        schema = f"bench_{size}"
        if built is None:
            admin = create_engine(pg_base)
            with admin.begin() as conn:
                conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
                conn.execute(text(f"CREATE SCHEMA {schema}"))
            admin.dispose()
        url = _schema_url(pg_base, schema)
    yield url, built
    db.dispose_all()


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
    parser.add_argument("--keep-dir", type=Path, help="keep the archives (see kept_archive)")
    parser.add_argument("--reuse", action="store_true", help="measure kept archives again")
    parser.add_argument("--load-only", action="store_true", help="build, do not measure")
    parser.add_argument("--crawl-posts", type=int, default=0, help="0: skip the crawl rates")
    parser.add_argument("--processes", default="1,2,4", help="crawler processes to compare")
    args = parser.parse_args()
    engines = [e for e in args.engines.split(",") if e in ("sqlite", "postgresql")]
    sizes = sorted(int(s) for s in args.sizes.split(",") if s)
    pg_base, redis_url = os.environ.get(PG_ENV), os.environ.get(REDIS_ENV)
    if ("postgresql" in engines or args.crawl_posts) and not pg_base:
        sys.exit(f'bench: set {PG_ENV} (eval "$(bash .ci/services.sh)")')
    if args.crawl_posts and not redis_url:
        sys.exit(f'bench: set {REDIS_ENV} (eval "$(bash .ci/services.sh)")')
    if args.keep_dir:
        args.keep_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        workdir = Path(tmp)
        tops: dict[str, dict[int, dict[str, list[int]]]] = {}
        posts: list[thaigov_pool.Pooled] = []
        for engine in engines:
            print(f"\n{engine}: real posts (../shared/corpus/thaigov)")
            tops[engine] = {}
            for size in sizes:
                with kept_archive(engine, size, args.keep_dir, args.reuse, pg_base, workdir) as (
                    url,
                    built,
                ):
                    base = (
                        args.keep_dir / f"postgresql-{REPLICATE_FROM}.json"
                        if args.keep_dir
                        else None
                    )
                    source = None
                    if (
                        engine == "postgresql"
                        and size > REPLICATE_FROM
                        and size % REPLICATE_FROM == 0
                        and base
                        and base.exists()
                    ):
                        source = f"bench_{REPLICATE_FROM}"
                    if built is None and source is not None:
                        built = build_archive(engine, url, size, posts, source)
                        built["copied_from"] = REPLICATE_FROM
                        args.keep_dir.joinpath(f"{engine}-{size}.json").write_text(
                            json.dumps(built)
                        )
                    if built is None:
                        if not posts:
                            t0 = time.perf_counter()
                            posts = thaigov_pool.load()
                            print(
                                f"pool: {len(posts):,} real posts read in {time.perf_counter() - t0:.0f} s"
                            )
                        built = build_archive(engine, url, size, posts)
                        if args.keep_dir:
                            done = args.keep_dir / f"{engine}-{size}.json"
                            done.write_text(json.dumps(built))
                    if args.load_only:
                        rate = size / (built["load"] + built["index"])
                        print(f"  {engine} at {size:,} posts: built, {rate:,.0f} posts/s {built}")
                    else:
                        tops[engine][size] = bench_archive(engine, url, size, built, workdir)
        compare_tops(tops)
        if args.crawl_posts:
            assert pg_base is not None and redis_url is not None
            print(f"\ncrawl: a mirror of {args.crawl_posts:,} generated posts, politeness off")
            for n in (int(p) for p in args.processes.split(",")):
                print(crawl_rate(n, args.crawl_posts, pg_base, redis_url, workdir), flush=True)


if __name__ == "__main__":
    main()
