"""Who made a visit and who received it: each official's role, from where and how they are named.

The first person the body names is the subject of its lead sentence, the one who went. A person
whose position is a local head's (a governor, a district chief, a village head, a school
director) or whose clause says they received or briefed the visitors is a host; one credited
before the name (ตามนโยบายของ …) did not go. Everyone else named in a visit post went along.
In a post that reports no visit, everyone is only mentioned.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from nlp.facts import Fact
from nlp.lexicon import sections
from nlp.normalize import clean

VISITOR, HOST, MENTIONED = "visitor", "host", "mentioned"
BEFORE_REACH = 20  # characters before a name in which a crediting word stands
AFTER_REACH = 120  # characters after a name (and its position) in which its clause goes on


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    return {k: tuple(clean(w) for w in v) for k, v in sections("role_cues.txt").items()}


def _clause_after(text: str, start: int, next_name: int) -> str:
    end = min(next_name, start + AFTER_REACH, len(text))
    line_end = text.find("\n", start)
    if 0 <= line_end < end:
        end = line_end
    return text[start:end]


def assign_roles(facts: list[Fact], body: str, reports_visit: bool) -> list[Fact]:
    """The facts with each official's `role` attr set (offsets of body facts index `body`)."""
    officials = sorted(
        (f for f in facts if f.kind == "official" and f.source == "body"), key=lambda f: f.start
    )
    starts = [f.start for f in officials]
    roles: dict[str, str] = {}
    for i, f in enumerate(officials):
        if not reports_visit:
            roles[f.value] = MENTIONED
            continue
        position = clean(str(f.attrs.get("position") or ""))
        before = body[max(0, f.start - BEFORE_REACH) : f.start]
        following = starts[i + 1] if i + 1 < len(starts) else len(body)
        after = _clause_after(body, f.end, following)
        if any(before.rstrip().endswith(w) for w in _cues()["mentioned_before"]):
            roles[f.value] = MENTIONED
        elif i > 0 and (
            any(t in position for t in _cues()["host_title"])
            or any(w in after for w in _cues()["host_after"])
        ):
            roles[f.value] = HOST
        else:
            roles[f.value] = VISITOR
    out = []
    for f in facts:
        if f.kind != "official":
            out.append(f)
            continue
        role = roles.get(f.value, MENTIONED if not reports_visit else VISITOR)
        out.append(replace(f, attrs={**f.attrs, "role": role}))
    return out
