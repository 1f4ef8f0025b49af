"""Crawl rate against the bundled mirror on 127.0.0.1, and what a post costs on disk.

Prints requests per second
- with politeness off (no delay, AutoThrottle off, 8 requests at a time per host): the engine's
  own ceiling with WARC recording, the index and the archive writes included;
- with the project's default politeness (robots.txt, about one request a second, AutoThrottle):
  the rate to expect against the real site, whatever the machine;
and the bytes stored per post after the fast crawl and extraction: the SQLite archive (posts,
versions, facts, search index, WARC index) and the WARC files (every response, gzip).

    .venv/bin/python benchmarks/bench_crawl.py [--polite-category 7]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scraper.mirror.server import MirrorServer  # noqa: E402

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
FAST += ["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"]


def crawl(db_url: str, *args: str) -> tuple[dict, float]:
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "ministry_news.crawl", "--db", db_url, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1]), time.perf_counter() - began


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polite-category", default="7", help="category crawled politely")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, MirrorServer(port=0) as mirror:
        folder = Path(tmp)
        fast_db = f"sqlite:///{folder / 'fast' / 'archive.sqlite'}"
        starts = [a for u in mirror.start_urls() for a in ("--start-url", u)]
        summary, wall = crawl(fast_db, *starts, *FAST)
        fast_rate = summary["responses"] / summary["seconds"]
        print(
            f"crawl, politeness off: {summary['responses']} requests in {summary['seconds']:.1f} s"
            f" = {fast_rate:.1f} requests/s ({summary['new']} posts; {wall:.1f} s with start-up)"
        )

        from archive.db import dispose_all
        from ministry_news.extract import extract_posts

        extract_posts(fast_db)
        dispose_all()
        db_bytes = sum(p.stat().st_size for p in (folder / "fast").glob("archive.sqlite*"))
        warc_bytes = size(folder / "fast" / "warc")
        posts = summary["new"]
        print(
            f"storage per post: {db_bytes / posts / 1024:.1f} KiB database + "
            f"{warc_bytes / posts / 1024:.1f} KiB WARC = {(db_bytes + warc_bytes) / posts / 1024:.1f}"
            f" KiB ({posts} posts, {summary['responses']} responses recorded)"
        )

        polite_db = f"sqlite:///{folder / 'polite' / 'archive.sqlite'}"
        start = f"{mirror.url}/news/{args.polite_category}"
        summary, _ = crawl(polite_db, "--start-url", start)
        polite_rate = summary["responses"] / summary["seconds"]
        print(
            f"crawl, default politeness: {summary['responses']} requests in "
            f"{summary['seconds']:.1f} s = {polite_rate:.2f} requests/s "
            f"(category {args.polite_category}: expect about 1/s against the real site)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
