"""Deterministic sample of whole thaigov posts to annotate: visit-cue posts and others."""

import json
import lzma
import random
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[3].parent / "shared/corpus/thaigov/posts.jsonl.xz"
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "texts")
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
    record = {"file": f"t{i:03d}", **p}
    (OUT / f"t{i:03d}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1))
print(len(posts), len(cue), len(other), sum(len(p["text"]) for p in pick))
