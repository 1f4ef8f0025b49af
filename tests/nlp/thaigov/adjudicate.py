"""Two annotators' files → gold (what both agree on) and uncertain (what they dispute), and
their agreement per field: the ceiling any extractor is measured against.

    python tests/nlp/thaigov/adjudicate.py TEXTS RAW_A RAW_B OUT [--ids t076-t099]

`--ids FIRST-LAST` adjudicates only the posts in that range (inclusive): a pair's dev posts can be
added to the gold without reading its blind ones. Several runs can write into one OUT folder.
Values are compared as `nlp.scoring` scores the pipeline (spelling normalised, officials by
person, districts one edit apart, sites 85% similar), so agreement and scores are alike.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from string import ascii_lowercase
from typing import Any

from nlp.scoring import FIELDS, matcher, person_key, spelling

LISTS = tuple(f for f in FIELDS if f != "officials")


def _agree(a: list[str], b: list[str], field_: str) -> tuple[list[str], list[str]]:
    same = matcher(field_)
    both = [x for x in a if any(same(spelling(x), spelling(y)) for y in b)]
    disputed = [x for x in a if x not in both]
    disputed += [y for y in b if not any(same(spelling(x), spelling(y)) for x in a)]
    return both, disputed


def adjudicate(text: dict[str, Any], a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    ga, gb = a.get("gold") or {}, b.get("gold") or {}
    gold: dict[str, Any] = {}
    uncertain: list[dict[str, str]] = []
    for f in LISTS:
        both, disputed = _agree(list(ga.get(f) or []), list(gb.get(f) or []), f)
        gold[f] = both
        uncertain += [{"field": f, "value": v, "reason": "one annotator of two"} for v in disputed]
    by_person = {person_key(o["name"]): o for o in gb.get("officials") or [] if o.get("name")}
    officials = []
    for o in ga.get("officials") or []:
        other = by_person.pop(person_key(o.get("name") or ""), None)
        if other is None:
            uncertain.append(
                {"field": "officials", "value": o["name"], "reason": "one annotator of two"}
            )
            continue
        entry: dict[str, Any] = {"name": o["name"], "position": o.get("position")}
        if spelling(o.get("position") or "") != spelling(other.get("position") or ""):
            entry["position"] = None
            uncertain.append(
                {"field": "positions", "value": o["name"], "reason": "positions differ"}
            )
        if o.get("role") and o.get("role") == other.get("role"):
            entry["role"] = o["role"]
        officials.append(entry)
    uncertain += [
        {"field": "officials", "value": o["name"], "reason": "one annotator of two"}
        for o in by_person.values()
    ]
    gold["officials"] = officials
    out: dict[str, Any] = {
        "source_url": text.get("url"),
        "title": text.get("title"),
        "text": text["text"],
        "gold": gold,
        "uncertain": uncertain,
    }
    if a.get("reports_visit") == b.get("reports_visit"):
        out["reports_visit"] = a.get("reports_visit")
    return out


def agreement(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, float]:
    """Per field, F1 of one annotator against the other (micro over posts); decision and roles
    as the share of posts / of officials both name on which they agree."""
    out: dict[str, float] = {}
    for f in (*LISTS, "officials"):
        agreed = total = 0
        for a, b in pairs:
            va = [o["name"] if f == "officials" else o for o in (a.get("gold") or {}).get(f) or []]
            vb = [o["name"] if f == "officials" else o for o in (b.get("gold") or {}).get(f) or []]
            if f == "officials":
                va, vb = [person_key(v) for v in va], [person_key(v) for v in vb]
            both, _ = _agree(va, vb, f)
            agreed, total = agreed + 2 * len(both), total + len(va) + len(vb)
        out[f] = agreed / total if total else 1.0
    out["reports_visit"] = sum(
        a.get("reports_visit") == b.get("reports_visit") for a, b in pairs
    ) / max(len(pairs), 1)
    same = named = 0
    for a, b in pairs:
        roles = {
            person_key(o["name"]): o.get("role")
            for o in (b.get("gold") or {}).get("officials") or []
        }
        for o in (a.get("gold") or {}).get("officials") or []:
            if person_key(o["name"]) in roles:
                named += 1
                same += o.get("role") == roles[person_key(o["name"])]
    out["roles"] = same / named if named else 1.0
    return out


def id_range(spec: str) -> tuple[int, int]:
    """ "t076-t099" (or "u000-u059", "w000-w029", "76-99": any sample letter) → (76, 99)."""
    try:
        first, last = (int(part.strip().lstrip(ascii_lowercase)) for part in spec.split("-"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a range like t076-t099: {spec!r}") from None
    if first > last:
        raise argparse.ArgumentTypeError(f"empty range: {spec!r}")
    return first, last


def main(
    texts: Path, raw_a: Path, raw_b: Path, out: Path, ids: tuple[int, int] | None = None
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    pairs = []
    for fa in sorted(raw_a.glob("*.json")):
        if ids is not None and not ids[0] <= int(fa.stem[1:]) <= ids[1]:
            continue  # outside the range: not even opened (the blind part stays unread)
        fb = raw_b / fa.name
        if not fb.exists():
            continue
        a, b = json.loads(fa.read_text()), json.loads(fb.read_text())
        text = json.loads((texts / fa.name).read_text())
        (out / fa.name).write_text(json.dumps(adjudicate(text, a, b), ensure_ascii=False, indent=1))
        pairs.append((a, b))
    print(f"{len(pairs)} posts annotated by both")
    for field_, value in agreement(pairs).items():
        print(f"  {field_:14} {value:.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for arg in ("texts", "raw_a", "raw_b", "out"):
        parser.add_argument(arg, type=Path)
    parser.add_argument("--ids", type=id_range, help="only posts FIRST-LAST, e.g. t076-t099")
    a = parser.parse_args()
    main(a.texts, a.raw_a, a.raw_b, a.out, a.ids)
