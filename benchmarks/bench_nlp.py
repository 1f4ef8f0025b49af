"""Throughput of the extraction pipeline on one core, over the annotated dev corpus.

Prints posts per second after start-up (CPU time of this process, so other work on the machine
does not count), the figure issue #3 asks to stay above 100.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp.pipeline import extract  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
ROUNDS = 5


def main() -> int:
    posts = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.json"))]
    if not posts:
        print(f"no posts in {CORPUS}", file=sys.stderr)
        return 1
    started = time.process_time()
    extract(posts[0]["text"], posts[0].get("title"))
    startup = time.process_time() - started
    began = time.process_time()
    for _ in range(ROUNDS):
        for p in posts:
            extract(p["text"], p.get("title"))
    elapsed = time.process_time() - began
    n = ROUNDS * len(posts)
    chars = ROUNDS * sum(len(p["text"]) for p in posts)
    print(
        f"nlp: start-up {startup:.2f}s CPU; {n / elapsed:.0f} posts/s, {chars / elapsed:,.0f} chars/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
