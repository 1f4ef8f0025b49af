"""Throughput of the extraction pipeline on one core, over real whole posts.

A deterministic sample of 2,000 posts of the shared thaigov corpus (whole posts of every kind,
most with no visit), not the short dev excerpts. Prints the start-up (first call: PyThaiNLP's
dictionary, the gazetteer, the word lists) apart from the steady rate in posts and characters per
second, in CPU time of this process so other work on the machine does not count. Issue #9 asks
for at least 100 posts/s.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import posts, start  # noqa: E402

SAMPLE = 2000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=SAMPLE)
    args = parser.parse_args()
    items = posts(sample=args.sample)
    extract, startup = start()
    began = time.process_time()
    for p in items:
        extract(p["text"], p.get("title"))
    elapsed = time.process_time() - began
    chars = sum(len(p["text"]) for p in items)
    print(f"nlp: {len(items)} whole posts; start-up {startup:.2f}s CPU")
    print(f"nlp: {len(items) / elapsed:.0f} posts/s, {chars / elapsed:,.0f} chars/s (one core)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
