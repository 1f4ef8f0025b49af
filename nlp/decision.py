"""Does a post report a visit or an on-site event that took place?

Government news sites publish far more desk work than field work: cabinet summaries, statements,
press conferences at Government House, meetings in the ministry's own rooms, trips still to come.
Whole posts of all kinds mention visit words somewhere (an earlier trip, a plan, a quote), so the
decision reads only where a news post says what happened: the headline and the lead paragraph.
A field word there (ลงพื้นที่, ตรวจราชการ, เยี่ยมชม …) reports a visit unless it is a plan
(จะ…, มีกำหนด…); an event word (เป็นประธาน, ประชุม, พิธี …) reports one only when the lead says
where it was held and that place is not the officials' own office.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from nlp.document import Doc
from nlp.lexicon import alternation, sections

LEAD_LINES = 2  # story lines after the headline that make up the lead
HEADING_KEY = 20  # a body line starting like the title is the headline again
MIN_THAI = 12  # a line with fewer Thai letters is furniture or code, not a sentence
FUTURE_REACH = 30  # characters before a visit word in which a plan word makes it a plan
WHERE_REACH = 120  # characters after ณ / ที่ that name the place
TITLE_PREFIX = re.compile(r"^[^\n]*?ข่าวทำเนียบรัฐบาล-")  # the site's breadcrumb in front of titles
_THAI = re.compile("[\u0e01-\u0e4e]")
_STAMP = re.compile(r"^\s*(?:วัน\S*ที่\s*)?\d{1,2}\s*\S+\s*\d{4}\s*$")


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    return sections("visit_cues.txt")


@cache
def _re(section: str) -> re.Pattern[str]:
    return re.compile(alternation(_cues()[section]), re.IGNORECASE)


def _key(line: str) -> str:
    return "".join(line.split())


def lead_spans(doc: Doc, title: str | None) -> list[tuple[int, int]]:
    """The headline lines and the first story lines of a body: where a news post says what
    happened. A line that repeats the title's start is a headline."""
    text = doc.text
    heading = _key(TITLE_PREFIX.sub("", title or ""))
    spans: list[tuple[int, int]] = []
    story = 0
    pos = 0
    while pos <= len(text) and story < LEAD_LINES:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if (
            doc.readable(pos, end)
            and len(_THAI.findall(line)) >= MIN_THAI
            and not _STAMP.match(line)
        ):
            spans.append((pos, end))
            if not (heading and _key(line)[:HEADING_KEY] == heading[:HEADING_KEY]):
                story += 1
        pos = end + 1
    return spans


def _planned(text: str, i: int, line_start: int) -> bool:
    before = text[max(line_start, i - FUTURE_REACH) : i]
    return bool(_re("future").search(before))


def _held_away(line: str) -> bool:
    """Whether the line says where its event was held, at a place that is not the officials'
    own office."""
    if _re("home").search(line):
        return False
    away = False
    for m in _re("where").finditer(line):
        place = line[m.end() : m.end() + WHERE_REACH]
        if m.group() != "ณ" and not _re("province_hall").search(place[:40]):
            continue  # ที่ / บริเวณ are also plain conjunctions: only with a province or district
        if _re("ministry").search(place) and not _re("province_hall").search(place):
            return False
        away = True
    return away


def reports_visit(
    docs: list[Doc], visit_words: Callable[[Doc], list[int]], title: str | None
) -> bool:
    """The post-level decision; `visit_words` finds a field's visit words (outside names, site
    names and clauses about another event)."""
    field = _cues()["field"]
    for doc in docs:
        text = doc.text
        spans = [(0, len(text))] if doc.source == "title" else lead_spans(doc, title)
        words = visit_words(doc)
        for a, b in spans:
            line = text[a:b]
            away = None
            for i in words:
                if not a <= i < b or _planned(text, i, a):
                    continue
                if any(text.startswith(w, i) for w in field):
                    return True
                if away is None:
                    away = _held_away(line)
                if away:
                    return True
    return False
