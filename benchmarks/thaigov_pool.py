"""The real posts of the shared thaigov corpus, segmented and extracted once, for the scale
benchmark to replicate into archives of any size.

Segmenting real Thai costs about 30 ms a post and extracting as much again, so the pool is
built once (in parallel) and kept in bench-output/ (never committed); a benchmark then draws its
posts from it, each copy with an id and a date of its own.
"""

from __future__ import annotations

import gzip
import json
import lzma
import multiprocessing
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / ".." / "shared" / "corpus" / "thaigov" / "posts.jsonl.xz"
CACHE = ROOT / "bench-output" / "thaigov-pool.jsonl.gz"
PREFIX = "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-"  # every title of the site starts so: not the headline


@dataclass(frozen=True)
class Pooled:
    """One real post with what its rows need: its words and its extracted visit (if any)."""

    source_id: int
    title: str
    body: str
    category: str
    title_words: str
    body_words: str
    provinces: list[str]
    districts: list[str]
    subdistricts: list[str]
    officials: list[str]
    sites: list[str]
    terms: list[tuple[str, str, str | None, str | None, str | None]]


def _prepare(raw: dict[str, Any]) -> Pooled:
    from archive.search import words
    from archive.store import visit_terms
    from nlp.pipeline import extract

    title = raw["title"].removeprefix(PREFIX)
    body = raw["text"]
    result = extract(body, title=title)
    visit = result.visits[0] if result.visits else None
    return Pooled(
        source_id=raw["id"],
        title=title,
        body=body,
        category=raw.get("category") or "",
        title_words=" ".join(words(title)),
        body_words=" ".join(words(body)),
        provinces=list(visit.provinces) if visit else [],
        districts=list(visit.districts) if visit else [],
        subdistricts=list(visit.subdistricts) if visit else [],
        officials=list(visit.officials) if visit else [],
        sites=list(visit.sites) if visit else [],
        terms=[tuple(t) for t in visit_terms(visit, result.facts)] if visit else [],
    )


def build(processes: int = 2) -> None:
    """Segment and extract every post of the corpus into CACHE (about 15 min on 2 cores)."""
    with lzma.open(CORPUS, "rt", encoding="utf-8") as f:
        raws = [json.loads(line) for line in f]
    CACHE.parent.mkdir(exist_ok=True)
    partial = CACHE.with_suffix(".partial")
    with multiprocessing.Pool(processes) as workers, gzip.open(partial, "wt") as out:
        for n, pooled in enumerate(workers.imap(_prepare, raws, chunksize=50), 1):
            out.write(json.dumps(asdict(pooled), ensure_ascii=False) + "\n")
            if n % 1000 == 0:
                print(f"\r  pool: {n:,} of {len(raws):,} posts", end="", file=sys.stderr)
    print(file=sys.stderr)
    partial.rename(CACHE)


def load() -> list[Pooled]:
    """The pool, built first if it is not in bench-output/ yet."""
    if not CACHE.exists():
        build()
    with gzip.open(CACHE, "rt") as f:
        out = []
        for line in f:
            raw = json.loads(line)
            raw["terms"] = [tuple(t) for t in raw["terms"]]
            out.append(Pooled(**raw))
        return out


if __name__ == "__main__":
    build(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
