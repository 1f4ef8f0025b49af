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

from adjudicate import id_range

CORPUS = Path(__file__).resolve().parents[3].parent / "shared/corpus/thaigov/posts.jsonl.xz"
parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("out", type=Path, nargs="?", default=Path("texts"))
parser.add_argument("--ids", type=id_range, help="only posts FIRST-LAST, e.g. t000-t099")
args = parser.parse_args()
OUT, IDS = args.out, args.ids or (0, 10**6)
CUE = re.compile(r"ลงพื้นที่|ตรวจราชการ|ตรวจเยี่ยม|ตรวจติดตาม|เยี่ยมชม|เดินทางไป")
with lzma.open(CORPUS, "rt", encoding="utf-8") as lines:
    posts = [json.loads(line) for line in lines]
posts = [p for p in posts if 400 <= len(p["text"]) <= 4500]
rng = random.Random(20261202)
cue = [p for p in posts if CUE.search(p["text"][:600])]
other = [p for p in posts if not CUE.search(p["text"][:600])]
pick = rng.sample(cue, 84) + rng.sample(other, 68)
rng.shuffle(pick)
OUT.mkdir(parents=True, exist_ok=True)
for i, p in enumerate(pick):
    if not IDS[0] <= i <= IDS[1]:
        continue
    record = {"file": f"t{i:03d}", **p}
    (OUT / f"t{i:03d}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1))
print(len(posts), len(cue), len(other), sum(len(p["text"]) for p in pick))
