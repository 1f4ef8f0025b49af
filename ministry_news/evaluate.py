"""`ministry-news evaluate`: run the pipeline over a folder of annotated posts and print
precision, recall and F1 per field, the misses when asked, and throughput on one core."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from nlp.scoring import EXTRA, SCORED, PostScore, as_record, score_post, total

_FIELD_NAMES = {"visit_dates": "dates"}


def _load(corpus_dir: Path) -> list[tuple[str, dict[str, Any]]]:
    posts = []
    for path in sorted(corpus_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{path.name}: not a readable JSON post ({exc})") from exc
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise ValueError(f"{path.name}: no 'text' string")
        posts.append((path.name, data))
    return posts


def _print_table(scores: list[PostScore], out: TextIO) -> None:
    sums = total(scores)
    out.write(f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}\n")
    scored = [f for f in EXTRA if any(f in s.tallies for s in scores)]
    for f in (*SCORED, *scored):  # the decision and the roles only where the gold has them
        t = sums[f]
        name = _FIELD_NAMES.get(f, f)
        out.write(
            f"{name:<14}{t.precision:>7.3f}{t.recall:>7.3f}{t.f1:>7.3f}{t.tp:>6}{t.fp:>6}{t.fn:>6}\n"
        )


def _print_misses(scores: list[PostScore], out: TextIO) -> None:
    for s in scores:
        if not s.missed and not s.spurious:
            continue
        out.write(f"\n{s.file}\n")
        for f in (*SCORED, *EXTRA):
            name = _FIELD_NAMES.get(f, f)
            for v in s.missed.get(f, []):
                out.write(f"  - {name}: {v}\n")
            for v in s.spurious.get(f, []):
                out.write(f"  + {name}: {v}\n")


def run(
    corpus_dir: Path,
    predictions: Path | None = None,
    misses: bool = False,
    out: TextIO = sys.stdout,
) -> int:
    """Score the pipeline on `corpus_dir`; exit code 0, or 2 when the corpus cannot be read."""
    from nlp.pipeline import extract

    corpus_dir = Path(corpus_dir)
    try:
        if not corpus_dir.is_dir():
            raise ValueError(f"{corpus_dir}: not a directory")
        posts = _load(corpus_dir)
        if not posts:
            raise ValueError(f"{corpus_dir}: no *.json posts")
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    extract(posts[0][1]["text"], posts[0][1].get("title"))  # start-up: corpora, gazetteer
    began = time.process_time()
    results = [(name, extract(d["text"], d.get("title"))) for name, d in posts]
    elapsed = time.process_time() - began
    scores = [
        score_post(name, as_record(ex), data)
        for (name, ex), (_, data) in zip(results, posts, strict=True)
    ]
    _print_table(scores, out)
    rate = len(posts) / elapsed if elapsed > 0 else float("inf")
    out.write(f"\n{len(posts)} posts, {rate:.0f} posts/s on one core (CPU time after start-up)\n")
    if misses:
        _print_misses(scores, out)
    if predictions is not None:
        try:
            with Path(predictions).open("w", encoding="utf-8") as fh:
                for name, ex in results:
                    line = {"file": name, "facts": as_record(ex)}
                    fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        except OSError as exc:
            print(f"error: cannot write predictions: {exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(run(Path(sys.argv[1]), misses="--misses" in sys.argv))
