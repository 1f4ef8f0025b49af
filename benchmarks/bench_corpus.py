"""The pipeline over every real post of the shared thaigov corpus (27,937 whole posts).

Prints throughput on one core (CPU time after start-up), the posts that crashed (must be 0), the
posts read only up to the size cap, the share of posts that report a visit, and the most visited
provinces and most active visitors: the figures a new user sees first. `--sample N` runs on a deterministic sample instead;
`--visits FILE` also writes every visit produced (JSON lines: post id, visit), for a hand audit
(tests/nlp/thaigov/audit.py).
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "thaigov" / "posts.jsonl.xz"
TOP = 15
# One sentence that wakes every part of the pipeline (segmenter, gazetteer, word lists): the
# start-up is timed on it, apart from the posts. Its second chain is misspelt one letter short,
# so that the gazetteer's one-edit index is built here, not inside the first post that needs it.
WARMUP = (
    "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี ผู้ตรวจราชการกระทรวง ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านสันติสุข "
    "ตำบลป่าก่อดำ อำเภอแม่ลาว จังหวัดเชียงราย และตำบลป่าก่อด อำเภอแม่ลา จังหวัดเชียงรา"
)


def start() -> tuple[Callable[..., Any], float]:
    """The pipeline's `extract` and the CPU seconds its import and first call took."""
    started = time.process_time()
    from nlp.pipeline import extract

    extract(WARMUP)
    return extract, time.process_time() - started


def posts(path: Path = CORPUS, sample: int | None = None, seed: int = 9) -> list[dict]:
    """The corpus's posts, or a deterministic sample of them (same seed, same posts)."""
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        items = [json.loads(line) for line in fh]
    if sample is not None and sample < len(items):
        items = random.Random(seed).sample(items, sample)
    return items


def _run(extract: Callable[..., Any], items: list[dict]) -> Iterator[tuple[dict, object]]:
    for p in items:
        try:
            yield p, extract(p["text"], p.get("title"))
        except Exception:  # noqa: BLE001 - a crash is counted and shown, not fatal
            yield p, traceback.format_exc(limit=3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=None, help="posts to draw (default: all)")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--visits", type=Path, help="write every visit produced here (JSON lines)")
    args = parser.parse_args()
    items = posts(sample=args.sample, seed=args.seed)
    extract, startup = start()
    provinces: Counter[str] = Counter()
    visitors: Counter[str] = Counter()
    crashes: list[tuple[int, str]] = []
    with_visit = cut = 0
    dump = args.visits.open("w", encoding="utf-8") if args.visits else None
    began = time.process_time()
    for p, ex in _run(extract, items):
        if isinstance(ex, str):
            crashes.append((p.get("id"), ex))
            continue
        if ex.visits:  # type: ignore[attr-defined]
            with_visit += 1
        cut += bool(ex.unread)  # type: ignore[attr-defined]
        person = {f.value: f.attrs["person"] for f in ex.of("official")}  # type: ignore[attr-defined]
        for v in ex.visits:  # type: ignore[attr-defined]
            if dump:
                dump.write(json.dumps({"id": p.get("id"), "visit": asdict(v)}, ensure_ascii=False))
                dump.write("\n")
            provinces.update(v.provinces)
            visitors.update({person[o] for o in v.officials if v.roles.get(o) == "visitor"})
    elapsed = time.process_time() - began
    if dump:
        dump.close()
    n = len(items)
    chars = sum(len(p["text"]) for p in items)
    print(f"posts: {n:,}; start-up {startup:.2f}s CPU")
    print(f"throughput: {n / elapsed:.0f} posts/s, {chars / elapsed:,.0f} chars/s (one core)")
    print(f"crashes: {len(crashes)}")
    for pid, tb in crashes[:5]:
        print(f"  post {pid}: {tb.strip().splitlines()[-1]}")
    print(f"posts read only up to the size cap: {cut:,}")
    print(f"posts with a visit: {with_visit:,} ({with_visit / n:.1%})")
    print("top provinces (visits):", ", ".join(f"{k} {c}" for k, c in provinces.most_common(TOP)))
    print(
        "top visitors (visits made; name without title):",
        ", ".join(f"{k} {c}" for k, c in visitors.most_common(TOP)),
    )
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
