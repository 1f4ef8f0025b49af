"""Deterministic sample of whole thaigov posts to annotate: visit-cue posts and others.

    python tests/nlp/thaigov/sample.py DIR [--ids t000-t099]

`--ids` writes only that range of the same sample (the dev part, without the blind texts).
"""

import argparse
import json
import lzma
import random
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[3].parent / "shared/corpus/thaigov/posts.jsonl.xz"
CUE = re.compile(r"ลงพื้นที่|ตรวจราชการ|ตรวจเยี่ยม|ตรวจติดตาม|เยี่ยมชม|เดินทางไป")


def corpus(path: Path = CORPUS) -> list[dict]:
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def annotated(posts: list[dict]) -> list[dict]:
    """The 152 posts of the annotated set, in the order of their files t000 … t151."""
    posts = [p for p in posts if 400 <= len(p["text"]) <= 4500]
    rng = random.Random(20261202)
    cue = [p for p in posts if CUE.search(p["text"][:600])]
    other = [p for p in posts if not CUE.search(p["text"][:600])]
    pick = rng.sample(cue, 84) + rng.sample(other, 68)
    rng.shuffle(pick)
    return pick


def main() -> None:
    from adjudicate import id_range

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", default=Path("texts"))
    parser.add_argument("--ids", type=id_range, help="only posts FIRST-LAST, e.g. t000-t099")
    args = parser.parse_args()
    out, ids = args.out, args.ids or (0, 10**6)
    posts = corpus()
    pick = annotated(posts)
    out.mkdir(parents=True, exist_ok=True)
    for i, p in enumerate(pick):
        if not ids[0] <= i <= ids[1]:
            continue
        record = {"file": f"t{i:03d}", **p}
        (out / f"t{i:03d}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1))
    kept = [p for p in posts if 400 <= len(p["text"]) <= 4500]
    cue = sum(bool(CUE.search(p["text"][:600])) for p in kept)
    print(len(kept), cue, len(kept) - cue, sum(len(p["text"]) for p in pick))


if __name__ == "__main__":
    main()
