"""Deterministic samples of whole thaigov posts to annotate: visit-cue posts and others.

    python tests/nlp/thaigov/sample.py DIR [--ids t000-t099]
    python tests/nlp/thaigov/sample.py DIR --set u

`--ids` writes only that range of a sample (the dev part, without the blind texts). `--set`
picks the sample: `t` (t000–t151, the first 152 posts), `u` (u000–u059, 60 fresh posts drawn
with another seed from the posts outside set t: the second blind part) or `v` (v000–v059, drawn
the same way outside sets t and u: the third blind part), `w` and `x` (60 each, outside every
set before them: the fourth and fifth blind parts).
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


#: Each sample: its seed, how many posts with a visit cue and how many without, and the samples
#: whose posts it leaves out.
SETS = {
    "t": (20261202, 84, 68, ()),
    "u": (20261203, 33, 27, ("t",)),
    "v": (20261204, 33, 27, ("t", "u")),
    "w": (20261205, 33, 27, ("t", "u", "v")),
    "x": (20261206, 33, 27, ("t", "u", "v", "w")),
}


def annotated(posts: list[dict], name: str = "t") -> list[dict]:
    """The posts of sample `name`, in the order of their files (t000 … t151, u000 … u059, …)."""
    seed, n_cue, n_other, before = SETS[name]
    taken = {p["id"] for other in before for p in annotated(posts, other)}
    posts = [p for p in posts if 400 <= len(p["text"]) <= 4500 and p["id"] not in taken]
    rng = random.Random(seed)
    cue = [p for p in posts if CUE.search(p["text"][:600])]
    other = [p for p in posts if not CUE.search(p["text"][:600])]
    pick = rng.sample(cue, n_cue) + rng.sample(other, n_other)
    rng.shuffle(pick)
    return pick


def main() -> None:
    from adjudicate import id_range

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", default=Path("texts"))
    parser.add_argument("--ids", type=id_range, help="only posts FIRST-LAST, e.g. t000-t099")
    parser.add_argument("--set", choices=sorted(SETS), default="t", help="which sample (t)")
    args = parser.parse_args()
    out, ids, name = args.out, args.ids or (0, 10**6), args.set
    posts = corpus()
    pick = annotated(posts, name)
    out.mkdir(parents=True, exist_ok=True)
    for i, p in enumerate(pick):
        if not ids[0] <= i <= ids[1]:
            continue
        record = {"file": f"{name}{i:03d}", **p}
        (out / f"{name}{i:03d}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1))
    kept = [p for p in posts if 400 <= len(p["text"]) <= 4500]
    cue = sum(bool(CUE.search(p["text"][:600])) for p in kept)
    print(len(kept), cue, len(kept) - cue, sum(len(p["text"]) for p in pick))


if __name__ == "__main__":
    main()
