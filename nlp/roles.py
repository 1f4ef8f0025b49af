"""Who made the visit, who received it, who is only named: each official's role.

A news post's lead names its subject first: the people before the lead's first visit word (and
those joined to them, พร้อมด้วย X …) made the visit, unless they only reported it (a spokesman
who เปิดเผยว่า …). People whose clause says they received or briefed the visitors
(ให้การต้อนรับ, บรรยายสรุป) are hosts, and so is anyone with a local title (a governor, a
district chief, a village head, a school's director) who is not the subject. Everyone else is
mentioned, and so is everyone of a post that reports no visit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nlp.document import Doc
from nlp.lexicon import alternation, sections, starts_with_any
from nlp.people import Person

VISITOR, HOST, MENTIONED = "visitor", "host", "mentioned"
CLAUSE_REACH = 80  # characters after a name (and its title) in which its clause says what they did
WITH_REACH = 400  # characters after a พร้อมด้วย in which the travellers are listed


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    return sections("role_cues.txt")


@cache
def _re(section: str) -> re.Pattern[str]:
    return re.compile(alternation(_cues()[section]))


@cache
def _speech() -> re.Pattern[str]:
    return re.compile(alternation(sections("visit_cues.txt")["speech"] + ("เปิดเผย", "เผย")))


def _clause_after(doc: Doc, p: Person, others: Sequence[Person]) -> str:
    """What follows a mention (after its title), up to the next person named."""
    start = p.pos_end if p.pos_end is not None else p.end
    nxt = min((q.start for q in others if q.start >= start), default=len(doc.text))
    return doc.text[start : min(nxt, start + CLAUSE_REACH)]


def roles(
    mentions: dict[str, list[tuple[Doc, Person]]],
    leads: dict[str, list[tuple[int, int, int | None]]],
    people: dict[str, list[Person]],
    reports_visit: bool,
) -> dict[str, str]:
    """Role of each person (key `Person.person`). `leads[source]` lists the lead's lines, each
    with its first visit word (None when it has none); `people[source]` lists every mention of
    a field."""
    if not reports_visit:
        return dict.fromkeys(mentions, MENTIONED)
    out: dict[str, str] = {}
    for key, ms in mentions.items():
        host = visitor = False
        for doc, p in ms:
            after = _clause_after(doc, p, people[doc.source])
            if _re("host_after").match(after.lstrip(" ,")) or _re("host_after").search(
                after[: CLAUSE_REACH // 2]
            ):
                host = True
            for a, b, v in leads.get(doc.source, []):
                if v is None or not a <= p.start < b:
                    continue
                subject = p.start < v and not _speech().search(doc.text, p.end, v)
                visitor = visitor or subject or v <= p.start and _joined(doc.text, v, p.start)
        titled = any(
            q.position and starts_with_any(q.position, _cues()["host_title"]) for _, q in ms
        )
        if host and not visitor or titled and not visitor:
            out[key] = HOST
        elif visitor:
            out[key] = VISITOR
        else:
            out[key] = MENTIONED
    return out


def _joined(text: str, v: int, pos: int) -> bool:
    """Whether a person after the lead's visit word travels with its subject (พร้อมด้วย …)."""
    for m in _re("with").finditer(text, v, pos):
        if pos - m.end() <= WITH_REACH and not _re("host_after").search(text, m.end(), pos):
            return True
    return False
