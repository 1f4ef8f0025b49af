"""Draw the visits of a whole-corpus run for a hand audit, outside the annotated sets.

    python benchmarks/bench_corpus.py --visits /tmp/corpus_visits.jsonl
    python tests/nlp/thaigov/audit.py /tmp/corpus_visits.jsonl [--n 50] [--seed 2026]

Prints, for each visit drawn (a seeded sample of all visits the run produced, none from a post of
the annotated sets t, u or v), the post's id, title and opening, and the visit's fields, so a
reader can judge it right, partly wrong or wrong against the text (AUDIT.md keeps the verdicts).
"""

import argparse
import json
import random
from pathlib import Path

from sample import SETS, annotated, corpus

OPENING = 900  # characters of the post shown: the headline and the lead, where a visit is told


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("visits", type=Path)
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    posts = corpus()
    skip = {p["id"] for name in SETS for p in annotated(posts, name)}
    by_id = {p["id"]: p for p in posts}
    with args.visits.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    rows = [r for r in rows if r["id"] not in skip]
    for k, r in enumerate(random.Random(args.seed).sample(rows, args.n), 1):
        p, v = by_id[r["id"]], r["visit"]
        print(f"=== {k}. post {r['id']}  {p.get('title', '')}")
        print(p["text"][:OPENING].strip())
        print("--- visit:", json.dumps(v, ensure_ascii=False))
    print(f"({len(rows)} visits outside the annotated sets)")


if __name__ == "__main__":
    main()
