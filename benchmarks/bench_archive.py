"""Benchmark the archive's queries: build an archive of generated posts (100,000 by default) on
each engine, then print search latency (median and p95 over a fixed query set) and export
throughput. It prints figures; it is not a test and asserts nothing.

Targets on the project's machine: p95 search under 50 ms, CSV export of 100,000 visits under
10 s. Posts are Thai text assembled from ministry-news phrases and real place names (geothai),
one visit each; the search index holds exactly what archive.search.words() makes of them.

    python benchmarks/bench_archive.py                       # both engines, 100,000 posts
    python benchmarks/bench_archive.py --posts 20000 --engine sqlite
PostgreSQL needs MINISTRY_NEWS_TEST_PG_URL (`eval "$(bash .ci/services.sh)"`); the benchmark
works in a schema of its own and drops it at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, insert, text  # noqa: E402

from archive import db  # noqa: E402
from archive.db import session_scope  # noqa: E402
from archive.export import export  # noqa: E402
from archive.filters import Filters, parse_filters  # noqa: E402
from archive.migrate import upgrade  # noqa: E402
from archive.models import (  # noqa: E402
    Fact,
    Post,
    PostExtraction,
    SearchDoc,
    Visit,
    VisitTerm,
)
from archive.search import facets, words  # noqa: E402
from archive.store import visit_terms  # noqa: E402
from benchmarks.search_timing import REPEAT, time_search  # noqa: E402
from nlp import facts as nlp_facts  # noqa: E402

SEED = 20261125
BATCH = 2000

GIVEN = [
    "ภูเวียง",
    "ชัยวุฒิ",
    "สมศักดิ์",
    "วิชัย",
    "ประเสริฐ",
    "สุนทร",
    "อนุชา",
    "กิตติพงษ์",
    "ธนากร",
    "ศิริพร",
    "วราภรณ์",
    "พรทิพย์",
    "สุภาพร",
    "อรุณี",
    "ณัฐพล",
    "ปิยะ",
    "ชาญชัย",
    "เอกชัย",
    "ธีรวัฒน์",
    "นพดล",
    "รัตนา",
    "มาลัย",
    "จิราพร",
    "สมหมาย",
    "บุญเลิศ",
    "ทรงศักดิ์",
    "วีระ",
    "อภิชาติ",
    "ศุภชัย",
    "ปรีชา",
]
SURNAMES = [
    "ประคำมินทร์",
    "ธนาคมานุสรณ์",
    "ศรีสวัสดิ์",
    "วงศ์ไทย",
    "แก้วมณี",
    "บุญมา",
    "สุขเจริญ",
    "ทองดี",
    "รุ่งเรือง",
    "จันทร์เพ็ญ",
    "พิทักษ์ไทย",
    "ศักดิ์สิทธิ์",
    "มั่นคง",
    "เจริญผล",
    "ใจดี",
    "สายทอง",
    "ชัยมงคล",
    "ปัญญาวงศ์",
    "อินทรวงศ์",
    "มณีรัตน์",
]
HONORIFICS = ("นาย", "นาง", "นางสาว", "ดร.", "พล.อ.")
POSITIONS = (
    "รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
    "ปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
    "รองปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
    "ผู้ตรวจราชการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
    "ผู้อำนวยการสำนักงานสถิติจังหวัด",
    "ผู้ว่าราชการจังหวัด",
    "นายอำเภอ",
    "ผู้อำนวยการกองยุทธศาสตร์และแผนงาน",
)
SITES = (
    ("โรงเรียนบ้าน", "school"),
    ("ศูนย์ดิจิทัลชุมชนตำบล", "community_centre"),
    ("โรงพยาบาลส่งเสริมสุขภาพตำบล", "hospital"),
    ("วัด", "temple"),
    ("ศูนย์การเรียนรู้ชุมชน", "learning_centre"),
    ("องค์การบริหารส่วนตำบล", "local_government"),
)
ACTIONS = (
    "ติดตามความคืบหน้า",
    "ตรวจเยี่ยม",
    "รับฟังปัญหาเรื่อง",
    "ส่งเสริม",
    "ประชุมหารือแนวทาง",
    "มอบนโยบายด้าน",
    "สาธิตการใช้",
    "ประเมินผล",
    "บรรยายเรื่อง",
    "สนับสนุน",
)
OBJECTS = [
    "โครงการเน็ตประชารัฐ",
    "อินเทอร์เน็ตความเร็วสูง",
    "ศูนย์ดิจิทัลชุมชน",
    "อาสาสมัครดิจิทัล",
    "ความปลอดภัยไซเบอร์",
    "การป้องกันข่าวปลอม",
    "ภัยออนไลน์",
    "กล้องวงจรปิด",
    "ระบบเตือนภัยพิบัติ",
    "การพยากรณ์อากาศ",
    "โครงข่ายใยแก้วนำแสง",
    "สถานีฐานโทรศัพท์เคลื่อนที่",
    "การไปรษณีย์ชุมชน",
    "ตลาดออนไลน์",
    "วิสาหกิจชุมชน",
    "สินค้าเกษตร",
    "โดรนเพื่อการเกษตร",
    "เกษตรอัจฉริยะ",
    "ผู้สูงอายุ",
    "ทักษะดิจิทัล",
    "การเรียนออนไลน์",
    "โรงเรียนขยายโอกาส",
    "บริการภาครัฐออนไลน์",
    "ข้อมูลสถิติ",
    "การสำรวจครัวเรือน",
    "เทคโนโลยีสารสนเทศ",
    "ธุรกรรมทางอิเล็กทรอนิกส์",
    "ลายมือชื่อดิจิทัล",
    "คลาวด์ภาครัฐ",
    "ศูนย์ข้อมูล",
    "ปัญญาประดิษฐ์",
    "บล็อกเชน",
    "เมืองอัจฉริยะ",
    "การท่องเที่ยวชุมชน",
    "สุขภาพทางไกล",
    "การแพทย์ทางไกล",
    "อุทกภัย",
    "ภาวะฉุกเฉิน",
    "ภัยแล้ง",
    "ไฟป่า",
    "หมอกควัน",
    "ดาวเทียม",
    "คลื่นความถี่",
    "เสาสัญญาณ",
    "อินเทอร์เน็ตของสรรพสิ่ง",
    "สตาร์ทอัพ",
    "เศรษฐกิจดิจิทัล",
    "การคุ้มครองข้อมูลส่วนบุคคล",
    "การแจ้งเตือนภัย",
    "ห้องเรียนดิจิทัล",
    "ห้องสมุดดิจิทัล",
    "อุปกรณ์คอมพิวเตอร์",
    "แท็บเล็ต",
    "วิทยุสื่อสาร",
    "จุดกระจายสัญญาณไวไฟ",
    "ผู้พิการ",
    "เยาวชน",
    "แรงงานดิจิทัล",
    "การค้าชายแดน",
]
CLOSINGS = (
    "โดยมีหัวหน้าส่วนราชการและผู้นำชุมชนให้การต้อนรับ",
    "ทั้งนี้เพื่อยกระดับคุณภาพชีวิตของประชาชนด้วยเทคโนโลยีดิจิทัล",
    "ซึ่งเป็นส่วนหนึ่งของแผนพัฒนาดิจิทัลเพื่อเศรษฐกิจและสังคม",
    "พร้อมรับฟังข้อเสนอแนะเพื่อนำไปปรับปรุงการให้บริการ",
)
MONTHS = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
]
CATEGORIES = (("3", "ข่าวประชาสัมพันธ์"), ("8", "ข่าวกิจกรรม"), ("119", "ข่าวผู้บริหาร"))

# A fixed query set: places, people, topics, a phrase, several words, a word in every post, and
# searches combined with filters. Each runs REPEAT times after one warm-up run.
QUERIES: list[dict[str, str]] = [
    {"q": "เชียงใหม่"},
    {"q": "แม่สอด"},
    {"q": "ภูเวียง ประคำมินทร์"},
    {"q": "เน็ตประชารัฐ"},
    {"q": "อินเทอร์เน็ตความเร็วสูง"},
    {"q": "ศูนย์ดิจิทัลชุมชน"},
    {"q": "ไซเบอร์"},
    {"q": '"ตรวจเยี่ยม โรงเรียน"'},
    {"q": "ข่าวปลอม"},
    {"q": "โดรน เกษตร"},
    {"q": "ดิจิทัล เชียงราย"},
    {"q": "ใยแก้วนำแสง"},
    {"q": "อุทกภัย ภาวะฉุกเฉิน"},
    {"q": "กล้องวงจรปิด"},
    {"q": "ผู้ตรวจราชการ"},
    {"q": "จังหวัด"},
    {"q": "โรงเรียน", "province": "เชียงใหม่"},
    {"q": "อินเทอร์เน็ต", "since": "2020-01-01", "until": "2020-12-31"},
    {"q": "ผู้สูงอายุ", "site_type": "hospital"},
    {"province": "ตาก"},
]


@dataclass
class Generated:
    post: dict[str, Any]
    doc: dict[str, Any]
    visit: nlp_facts.Visit
    facts: list[nlp_facts.Fact]


@cache
def chunk_words(chunk: str) -> str:
    """Segmentation is the costly part of indexing; chunks repeat, so segment each once."""
    return " ".join(words(chunk))


def places() -> list[tuple[str, str, str]]:
    import geothai

    out = []
    for province in geothai.provinces():
        for district in geothai.districts(province.code):
            for sub in geothai.subdistricts(district.code):
                out.append((province.name_th, district.name_th, sub.name_th))
    return out


def generate(n: int) -> Iterator[Generated]:
    rng = random.Random(SEED)
    where = places()
    people = [
        (rng.choice(HONORIFICS), given, surname, rng.choice(POSITIONS))
        for given in GIVEN
        for surname in SURNAMES
    ]
    start = dt.date(2015, 1, 1)
    for post_id in range(1, n + 1):
        province, district, sub = rng.choice(where)
        day = start + dt.timedelta(days=rng.randrange(3650))
        team = rng.sample(people, rng.choice((1, 1, 2)))
        site_prefix, site_type = rng.choice(SITES)
        site = site_prefix + sub
        topics = [rng.choice(ACTIONS) + rng.choice(OBJECTS) for _ in range(rng.randint(5, 8))]
        names = [f"{h}{g} {s}" for h, g, s, _ in team]
        lead = ["เมื่อวันที่", str(day.day), MONTHS[day.month - 1], str(day.year + 543)]
        for name, (_, _, _, position) in zip(names, team, strict=True):
            lead += [*name.split(" "), position]
        lead += [
            "ลงพื้นที่ตรวจเยี่ยม" + site,
            "ตำบล" + sub,
            "อำเภอ" + district,
            "จังหวัด" + province,
        ]
        body_chunks = [*lead, *topics, rng.choice(CLOSINGS)]
        title_chunks = [team[0][3], "ลงพื้นที่" + topics[0], "จังหวัด" + province]
        body = " ".join(body_chunks)
        title = " ".join(title_chunks)
        category, category_name = rng.choice(CATEGORIES)
        facts = [
            nlp_facts.Fact(
                "official",
                name,
                body.find(name),
                body.find(name) + len(name),
                name,
                attrs={"person": f"{g} {s}", "position": position},
            )
            for name, (_, g, s, position) in zip(names, team, strict=True)
        ]
        facts.append(
            nlp_facts.Fact(
                "site",
                site,
                body.find(site),
                body.find(site) + len(site),
                site,
                attrs={"type": site_type},
            )
        )
        visit = nlp_facts.Visit(
            dates=[day.isoformat()],
            provinces=[province],
            districts=[district],
            subdistricts=[sub],
            officials=names,
            sites=[site],
        )
        yield Generated(
            post={
                "id": post_id,
                "url": f"https://www.mdes.go.th/news/detail/{post_id}-bench",
                "title": title,
                "published": day + dt.timedelta(days=rng.randint(0, 3)),
                "body": body,
                "categories": [category],
                "category_name": category_name,
                "images": [],
                "attachments": [],
                "content_hash": hashlib.sha256((title + body).encode()).hexdigest(),
                "encoding": "utf-8",
                "version": 1,
            },
            doc={
                "post_id": post_id,
                "title_words": " ".join(chunk_words(c) for c in title_chunks),
                "body_words": " ".join(chunk_words(c) for c in body_chunks),
            },
            visit=visit,
            facts=facts,
        )


def build(url: str, n: int) -> float:
    """Insert n generated posts with their index, facts, visits and terms; seconds taken."""
    started = time.perf_counter()
    visit_id = 0
    checked = 0
    batch: list[Generated] = []

    def flush() -> None:
        nonlocal visit_id
        posts, docs, runs, visits, terms, fact_rows = [], [], [], [], [], []
        for g in batch:
            posts.append(g.post)
            docs.append(g.doc)
            runs.append(
                {
                    "post_id": g.post["id"],
                    "pipeline_version": "bench",
                    "current": True,
                    "facts": len(g.facts),
                    "visits": 1,
                }
            )
            visit_id += 1
            v = g.visit
            visits.append(
                {
                    "id": visit_id,
                    "post_id": g.post["id"],
                    "pipeline_version": "bench",
                    "seq": 0,
                    "start_date": dt.date.fromisoformat(v.dates[0]),
                    "end_date": dt.date.fromisoformat(v.dates[-1]),
                    "dates": v.dates,
                    "provinces": v.provinces,
                    "districts": v.districts,
                    "subdistricts": v.subdistricts,
                    "officials": v.officials,
                    "sites": v.sites,
                    "current": True,
                }
            )
            terms += [
                {
                    "visit_id": visit_id,
                    "post_id": g.post["id"],
                    "current": True,
                    "kind": k,
                    "value": val,
                    "key": key,
                    "detail": detail,
                    "role": role,
                }
                for k, val, key, detail, role in visit_terms(v, g.facts)
            ]
            fact_rows += [
                {
                    "post_id": g.post["id"],
                    "pipeline_version": "bench",
                    "kind": f.kind,
                    "value": f.value,
                    "source": f.source,
                    "start": f.start,
                    "end_offset": f.end,
                    "surface": f.surface,
                    "rule": "bench",
                    "attrs": f.attrs,
                }
                for f in g.facts
            ]
        with session_scope(url) as session:
            for model, rows in (
                (Post, posts),
                (SearchDoc, docs),
                (PostExtraction, runs),
                (Visit, visits),
                (VisitTerm, terms),
            ):
                session.execute(insert(model), rows)
            session.execute(insert(Fact.__table__), fact_rows)
        batch.clear()

    for g in generate(n):
        if checked < 50:  # the shortcut indexes exactly what index_post would
            expected = (" ".join(words(g.post["title"])), " ".join(words(g.post["body"])))
            assert (g.doc["title_words"], g.doc["body_words"]) == expected, g.post["id"]
            checked += 1
        g.post["first_fetched_at"] = g.post["fetched_at"] = dt.datetime(2024, 1, 1)
        batch.append(g)
        if len(batch) >= BATCH:
            flush()
            print(f"\r  built {g.post['id']:,} posts", end="", file=sys.stderr, flush=True)
    if batch:
        flush()
    print(file=sys.stderr)
    db.analyze(url)
    return time.perf_counter() - started


def bench_search(url: str) -> None:
    with session_scope(url) as session:
        timed = time_search(session, QUERIES)
        facet_times = []
        for raw in ({}, {"q": "เน็ตประชารัฐ"}, {"province": "เชียงใหม่"}):
            facets(session, parse_filters(**raw))
            t0 = time.perf_counter()
            facets(session, parse_filters(**raw))
            facet_times.append(((time.perf_counter() - t0) * 1000, raw))
    print(
        f"  search: {len(QUERIES)} queries × {REPEAT}: median {timed.median:.1f} ms,"
        f" p95 {timed.p95:.1f} ms, max {max(timed.samples):.1f} ms "
        "(20 hits with snippets + total count)"
    )
    for ms, total, raw in sorted(timed.per_query, key=lambda x: x[0], reverse=True):
        print(f"    {ms:7.1f} ms  {total:7,} posts  {raw}")
    for ms, raw in facet_times:
        print(f"  facets {raw or '(whole archive)'}: {ms:.0f} ms")


def bench_export(url: str, workdir: Path) -> None:
    for what, fmt in (
        ("visits", "csv"),
        ("visits", "jsonl"),
        ("visits", "parquet"),
        ("posts", "csv"),
        ("officials", "csv"),
    ):
        path = workdir / f"{what}.{fmt}"
        with session_scope(url) as session:
            t0 = time.perf_counter()
            rows = export(session, what, fmt, path, Filters())  # type: ignore[arg-type]
            seconds = time.perf_counter() - t0
        size = path.stat().st_size / 1e6
        print(
            f"  export {what} {fmt}: {rows:,} rows in {seconds:.2f} s "
            f"({rows / seconds:,.0f} rows/s, {size:.0f} MB)"
        )
        path.unlink()


def archive_urls(engines: list[str], workdir: Path) -> Iterator[tuple[str, str]]:
    for engine in engines:
        if engine == "sqlite":
            yield engine, f"sqlite:///{workdir / 'bench.sqlite'}"
            continue
        base = os.environ.get("MINISTRY_NEWS_TEST_PG_URL")
        if not base:
            sys.exit('bench: set MINISTRY_NEWS_TEST_PG_URL (eval "$(bash .ci/services.sh)")')
        schema = f"bench_{uuid.uuid4().hex[:12]}"
        admin = create_engine(base)
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        try:
            yield engine, f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
        finally:
            db.dispose_all()
            with admin.begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument(
        "--engine", action="append", choices=("sqlite", "postgresql"), dest="engines"
    )
    args = parser.parse_args()
    engines = args.engines or ["sqlite", "postgresql"]
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as tmp:
        workdir = Path(tmp)
        for engine, url in archive_urls(engines, workdir):
            print(f"{engine}: {args.posts:,} generated posts, one visit each")
            upgrade(url)
            print(
                f"  build: {build(url, args.posts):.0f} s (bulk insert, index kept by the engine)"
            )
            bench_search(url)
            bench_export(url, workdir)


if __name__ == "__main__":
    main()
