"""Draw the mirror's sample of real posts from the shared thaigov corpus (run once, output shipped).

The sample is every corpus post whose id lies in one contiguous window, so the gaps between its
ids are the site's own (deleted, unpublished or withheld posts): an id walk that stops after a
run of misses meets them as the live site would, and reaches every sampled post. The window
(31783–32247, 1–12 June 2020) was chosen as one of the few of 400 posts holding every main
category, the COVID-19 news included, Thai-digit dates and real gaps of up to 6 ids.

    python -m scraper.mirror.thaigov.sample [CORPUS] [OUTPUT]

Same corpus in, same bytes out: rows sorted by id, keys in a fixed order, xz at a fixed preset.
"""

from __future__ import annotations

import json
import lzma
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

FIRST_ID = 31783
LAST_ID = 32247
HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[3] / "shared" / "corpus" / "thaigov" / "posts.jsonl.xz"
SAMPLE = HERE / "posts.jsonl.xz"
FIELDS = ("id", "url", "category", "title", "text")


def read(path: Path) -> Iterator[dict[str, object]]:
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def draw(rows: Iterable[dict[str, object]]) -> list[dict[str, object]]:
    """The posts of the window, by id, with only the corpus's own fields."""
    kept = [r for r in rows if FIRST_ID <= int(r["id"]) <= LAST_ID]  # type: ignore[call-overload]
    return [{k: r[k] for k in FIELDS} for r in sorted(kept, key=lambda r: int(r["id"]))]  # type: ignore[call-overload]


def write(rows: list[dict[str, object]], path: Path) -> None:
    text = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows)
    path.write_bytes(lzma.compress(text.encode("utf-8"), preset=9 | lzma.PRESET_EXTREME))


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else CORPUS
    out = Path(argv[1]) if len(argv) > 1 else SAMPLE
    rows = draw(read(corpus))
    write(rows, out)
    print(
        f"sample: {len(rows)} posts, ids {rows[0]['id']}–{rows[-1]['id']}, {out.stat().st_size:,} bytes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
