"""Text in, facts out: the order the rules run in and how their findings become `Fact`s.

People run first because a name and the title after it claim their words: a province inside
"ผู้ว่าราชการจังหวัดตาก" or a surname "ณ สกลนคร" is not a place visited. Page furniture is
fenced off before anything reads the text. A post with no word of a visit at all (a press
summary, a statement, the announcement of an event still to come) keeps its officials but yields
no dates, places or sites.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import replace
from functools import cache

from nlp.dates import DateMention, find_dates, other_event_spans, page_date
from nlp.decision import at_home, negated, reports_visit
from nlp.document import Doc, Spans
from nlp.facts import Extraction, Fact
from nlp.gazetteer import gazetteer
from nlp.lexicon import sections
from nlp.normalize import clean
from nlp.people import NOT_A_WORD_START, Person, find_people
from nlp.places import PlaceMention, find_places
from nlp.roles import roles
from nlp.sites import find_sites, site_heads
from nlp.visits import group_visits

PIPELINE_VERSION = "2026.12.8"
# The size cap: a post is read up to its first MAX_CHARS characters (cut at the last line break
# in the final quarter, if any), so one huge post costs no more than a long one. A visit post
# says what was done in its lead; what lies past the cap (the tail of a cabinet summary of
# 100,000 characters) is counted in `Extraction.unread`, not read. 157 of the 27,937 shared posts
# are longer.
MAX_CHARS = 20_000
INFERRED = "inferred-from-district"  # the rule of a province no word of the post names


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    return sections("visit_cues.txt")


def _visit_words(doc: Doc, start: int = 0, end: int | None = None) -> list[int]:
    """Where the field (or its span [start, end)) says a visit or an event took place: a visit
    word standing as a word, outside page furniture, names, site names (the ประชุม of
    ศูนย์ประชุม) and the clauses about a planned or another event ("เตรียมจัดงาน … ณ …")."""
    text = doc.text
    end = len(text) if end is None else end
    inside_head = Spans()
    for m in site_heads().finditer(text, start, end):
        inside_head.add(m.start() + 1, m.end())
    found = []
    for cue in _cues()["visit"]:
        i = text.find(cue, start, end)
        while i >= 0:
            j = i + len(cue)
            if (
                doc.readable(i, j)
                and not inside_head.overlaps(i, i + 1)
                and not doc.claimed.overlaps(i, j, ("name", "other_event"))
                and not negated(text, i, cue)
                and not NOT_A_WORD_START.match(text, j)  # the ณ of ณัฐ: mid-syllable
                and i in doc.tokens.starts
            ):
                found.append(i)
            i = text.find(cue, i + 1, end)
    return sorted(found)


_OPEN_QUOTE = {"“": "”", '"': '"', "‘": "’"}
QUOTE_REACH = 12  # characters between a speech word and the quote it opens


def quote_spans(text: str) -> list[tuple[int, int]]:
    """What an official said word for word (กล่าวว่า “…”): plans, comparisons and praise, not
    the account of where the visit went. To the closing quote, or the paragraph's end."""
    spans = []
    for cue in _cues()["speech"]:
        i = text.find(cue)
        while i >= 0:
            after = i + len(cue)
            gap = text[after : after + QUOTE_REACH]
            opened = next(((k, c) for k, c in enumerate(gap) if c in _OPEN_QUOTE), None)
            if opened is not None and not gap[: opened[0]].strip(" :"):
                start = after + opened[0]
                close = text.find(_OPEN_QUOTE[opened[1]], start + 1)
                line_end = text.find("\n", start)
                ends = [e for e in (close + 1 if close >= 0 else -1, line_end) if e > start]
                spans.append((start, min(ends, default=len(text))))
            i = text.find(cue, after)
    return spans


def _press_reports_visit(doc: Doc, d: DateMention) -> bool:
    """A press dateline dates the visit only when the sentence it opens reports one, before
    anyone is quoted ("- นายX ลงพื้นที่…", not "- นายX กล่าวว่า … จะลงพื้นที่…")."""
    text = doc.text
    start = len(text) - len(text[d.end :].lstrip(" -\n"))  # the sentence may start a line below
    _, line_end = doc.line_bounds(start)
    speech = [text.find(w, start, line_end) for w in _cues()["speech"]]
    end = min([i for i in speech if i >= 0], default=line_end)
    return any(start <= i < end for i in _visit_words(doc))


def _fact(doc: Doc, kind: str, value: str, start: int, end: int, rule: str, **attrs) -> Fact:  # type: ignore[no-untyped-def]
    a, b = doc.norm.span(start, end)
    return Fact(
        kind=kind,  # type: ignore[arg-type]
        value=value,
        start=a,
        end=b,
        surface=doc.norm.original[a:b],
        source=doc.source,  # type: ignore[arg-type]
        rule=rule,
        attrs=attrs,
    )


def _people(doc: Doc) -> list[Person]:
    people = [p for p in find_people(doc.text) if doc.readable(p.start, p.end)]
    for p in people:
        doc.claimed.add(p.start, p.end, "name")
        if p.pos_start is not None and p.pos_end is not None:
            doc.claimed.add(p.pos_start, p.pos_end, "position")
    return people


def _official_facts(docs_people: list[tuple[Doc, list[Person]]], visited: bool) -> list[Fact]:
    """One fact per person, at their first mention (body before title); the position is the
    fullest one written for them (a headline abbreviates it: ผอ.โครงการ…); the role is read
    from all their mentions (nlp.roles)."""
    by_person: dict[str, list[tuple[Doc, Person]]] = {}
    for doc, people in docs_people:
        for p in people:
            by_person.setdefault(p.person, []).append((doc, p))
    role_of = roles(by_person, {d.source: ps for d, ps in docs_people}, _visit_words, visited)
    facts = []
    for person, mentions in by_person.items():
        doc, p = mentions[0]
        position = max((q.position for _, q in mentions if q.position), key=len, default=None)
        written = " ".join(doc.text[p.start : p.end].split())  # no zero-width spaces
        facts.append(
            _fact(
                doc,
                "official",
                written,
                p.start,
                p.end,
                "honorific_name",
                honorific=p.honorific,
                given=p.given,
                surname=p.surname,
                position=position,
                person=person,
                mentions=len(mentions),
                role=role_of[person],
            )
        )
    return facts


def _date_facts(docs: list[Doc], published: dt.date | None) -> list[Fact]:
    published = published or page_date(docs[0].text)  # the title has no stamp of its own
    found = [(doc, d) for doc in docs for d in find_dates(doc.text, published)]
    found = [(doc, d) for doc, d in found if doc.readable(d.start, d.end)]
    found = [(doc, d) for doc, d in found if not doc.claimed.overlaps(d.start, d.end)]
    events = [(doc, d) for doc, d in found if d.role == "event"]
    events = _event_runs(_lead_and_visit_dates(events))
    if not events:
        events = [
            (doc, d)
            for doc, d in found
            if d.role == "dateline"
            and not _page_stamp(doc, d)
            or d.role == "press"
            and _press_reports_visit(doc, d)
        ]
    return [
        _fact(
            doc,
            "date",
            d.days[0].isoformat(),
            d.start,
            d.end,
            d.rule,
            dates=[x.isoformat() for x in d.days],
            role=d.role,
        )
        for doc, d in events
    ]


def _page_stamp(doc: Doc, d: DateMention) -> bool:
    """A dateline that opens the body (วันศุกร์ที่ 14 กรกฎาคม 2560 above the headline) is the
    page's publication stamp: it dates the post, not the visit, unless the text says so."""
    return doc.source == "body" and not doc.text[: doc.line_bounds(d.start)[0]].strip()


DATE_CLAUSE_REACH = 120  # characters after a date in which its clause says what happened
TRIP_GAP_DAYS = 7  # a later date further than this from the lead's is not the same trip


def _lead_and_visit_dates(events: list[tuple[Doc, DateMention]]) -> list[tuple[Doc, DateMention]]:
    """A body's first date is the visit's (the lead sentence says when). A later one is a
    visit date only if it lies within days of it and a visit word follows it in its clause
    ("วันที่ 18 … ลงพื้นที่…"); else it dates something the post mentions: a survey period, an
    earlier meeting, a repair, last June's event recalled ("เมื่อวันที่ 5 มิถุนายน … ได้จัดงาน")."""
    body = [d for doc, d in events if doc.source == "body"]
    if len(body) < 2:
        return events
    doc = next(doc for doc, _ in events if doc.source == "body")
    text = doc.text
    cues = [i for i in _visit_words(doc) if not text.endswith("การ", 0, i)]
    starts = sorted(d.start for d in body)
    kept = set()
    lead = body[0].days
    for d in body[1:]:
        if min(abs((x - y).days) for x in d.days for y in lead) > TRIP_GAP_DAYS:
            continue  # weeks before or after the lead's day: an earlier event, or a plan
        if d.days[-1] < lead[0]:
            continue  # days before the lead's (ซึ่งเมื่อวันที่ 10 … องคมนตรี… ได้มาประชุม…): recalled
        k = bisect.bisect_right(starts, d.start)
        nxt = starts[k] if k < len(starts) else len(text)
        end = min(nxt, d.end + DATE_CLAUSE_REACH, len(text))
        line_end = text.find("\n", d.end, end)
        end = line_end if line_end >= 0 else end
        c = bisect.bisect_left(cues, d.end)
        if c < len(cues) and cues[c] < end:
            kept.add(id(d))
    return [(dc, d) for dc, d in events if dc.source != "body" or d is body[0] or id(d) in kept]


def _event_runs(events: list[tuple[Doc, DateMention]]) -> list[tuple[Doc, DateMention]]:
    """A range of days that holds the one single day the post also dates (วันนี้ (12 ก.พ.) …
    การอบรม ซึ่งจัดขึ้นระหว่างวันที่ 11-19 ก.พ.) is the run of the fair or workshop the
    officials came to on that day: the day is the visit's, the run is not."""
    singles = {d.days[0] for _, d in events if len(d.days) == 1}
    return [
        (doc, d)
        for doc, d in events
        if not d.rule.startswith("date_range") or len(singles.intersection(d.days)) != 1
    ]


def _places_and_sites(doc: Doc) -> tuple[list[Fact], list[Fact]]:
    """Place facts and site facts of one field, and the provinces named only in a direct quote
    (kept aside: they count when the post names no other). A province inside an office's name
    is a title (สำนักงานสถิติจังหวัดชลบุรี) unless that office is itself a site visited."""
    mentions = [
        p
        for p in find_places(doc.text, doc.readable)
        if not doc.claimed.overlaps(p.start, p.end, ("name", "position", "other_event"))
    ]

    def site_readable(a: int, b: int) -> bool:
        labels = ("name", "position", "other_event", "quote")
        return doc.readable(a, b) and not doc.claimed.overlaps(a, b, labels)

    sites = find_sites(doc.text, site_readable, doc.tokens, [(p.start, p.end) for p in mentions])
    sites = [s for s in sites if not at_home(doc.text, s.start, s.end)]
    site_spans = Spans()
    for s in sites:
        site_spans.add(s.start, s.end)
    for p in mentions:
        around = site_spans.covering(p.start, p.end)
        in_site = any(a <= p.start and p.end <= b for a, b, _ in around)
        if p.level == "province" and not p.visited and p.why_not == "institution" and in_site:
            p.visited, p.why_not = True, ""
    quoted = [
        p
        for p in mentions
        if p.level == "province"
        and p.visited
        and p.value is not None
        and doc.claimed.overlaps(p.start, p.end, ("quote",))
    ]
    for p in quoted:
        p.visited, p.why_not = False, "quoted"
    places = [_place_fact(doc, p) for p in mentions if p.visited and p.value is not None]
    facts = list(places)
    seen: set[str] = set()
    for s in sites:
        value = " ".join(doc.text[s.start : s.end].split())
        if value in seen:
            continue
        seen.add(value)
        a, b = doc.norm.span(s.start, s.end)
        where = _place_after(places, a, b)
        written = " ".join(doc.norm.original[a:b].split())
        facts.append(_fact(doc, "site", written, s.start, s.end, s.rule, type=s.type, **where))
    return facts, [_place_fact(doc, p) for p in quoted]


def _place_fact(doc: Doc, p: PlaceMention) -> Fact:
    attrs: dict[str, object] = {"written": p.written, **p.attrs}
    if p.area is not None:
        attrs["code"] = p.area.code
        attrs["province"] = p.area.province
        if p.level == "subdistrict" and p.area.district_code:
            attrs["district"] = gazetteer().district_name[p.area.district_code]
    return _fact(doc, p.level, p.value or "", p.start, p.end, p.rule, **attrs)


def _place_after(places: list[Fact], start: int, end: int) -> dict[str, str]:
    """The place chain written right after a site (or inside it): where the site is."""
    out: dict[str, str] = {}
    for f in places:
        if f.start >= start and f.start - end <= 60:
            out.setdefault(f.kind, f.value)
            if f.kind == "province" or len(out) == 3:
                break
    return out


def _provinces_of_districts(facts: list[Fact]) -> list[Fact]:
    """A post that names districts visited but no province ("อำเภอเมืองสุโขทัย", "เขตสาทร") is
    still about the province they are in: researchers filter by province. The fact points at
    the district's words it is inferred from."""
    if any(f.kind == "province" for f in facts):
        return []
    out: list[Fact] = []
    seen: set[str] = set()
    for f in facts:
        province = f.attrs.get("province") if f.kind in ("district", "subdistrict") else None
        if not province or province in seen:
            continue
        seen.add(province)
        attrs = {"inferred_from": f.value, "inferred_from_kind": f.kind}
        out.append(replace(f, kind="province", value=province, rule=INFERRED, attrs=attrs))
    return out


def _drop_title_nicknames(facts: list[Fact], body: str) -> list[Fact]:
    """A headline names a site in short ("ตรวจเยี่ยมสถานีตรวจอากาศโคราช") where the body names
    it in full: a title site the body does not write is kept only when the body names no site
    of its type, and one that is part of a body site's name ("หาดบางแสน" in "ชายหาดบางแสน")
    is that site."""
    body_sites = [f for f in facts if f.kind == "site" and f.source == "body"]
    body_types = {f.attrs.get("type") for f in body_sites}
    body_names = [_flat(f.value) for f in body_sites]
    flat = _flat(body)

    def nickname(f: Fact) -> bool:
        written = _flat(f.value)
        if any(written in name for name in body_names):
            return True
        return f.attrs.get("type") in body_types and written not in flat

    return [f for f in facts if not (f.kind == "site" and f.source == "title" and nickname(f))]


def _flat(text: str) -> str:
    return clean(text).replace(" ", "")


def extract(text: str, title: str | None = None, published: dt.date | None = None) -> Extraction:
    """The facts of one post. Offsets are into `text` (source "body") or `title`."""
    if isinstance(published, dt.datetime):
        published = published.date()
    text, unread = _capped(text or "")
    body = Doc.of(text, "body")
    docs = [body] + ([Doc.of(title, "title")] if title else [])
    people = [(doc, _people(doc)) for doc in docs]
    for doc in docs:
        for a, b in other_event_spans(doc.text):
            doc.claimed.add(a, b, "other_event")
        for a, b in quote_spans(doc.text):
            doc.claimed.add(a, b, "quote")
    visited = reports_visit(docs, _visit_words, title)
    facts: list[Fact] = _official_facts(people, visited)
    if visited:
        facts += _date_facts(docs, published)
        quoted: list[Fact] = []
        for doc in docs:
            found, in_quotes = _places_and_sites(doc)
            facts += found
            quoted += in_quotes
        facts = _drop_title_nicknames(facts, body.text)
        facts += _provinces_of_districts(facts)
        if not any(f.kind == "province" for f in facts):
            facts += quoted  # the post names its province only in what someone said
    facts.sort(key=lambda f: (f.source != "body", f.start, f.kind))
    visits = group_visits(facts) if visited else []
    return Extraction(PIPELINE_VERSION, facts, visits, reports_visit=visited, unread=unread)


def _capped(text: str) -> tuple[str, int]:
    """The part of `text` that is read, and how many characters are left unread."""
    if len(text) <= MAX_CHARS:
        return text, 0
    cut = text.rfind("\n", MAX_CHARS * 3 // 4, MAX_CHARS)
    cut = MAX_CHARS if cut < 0 else cut
    return text[:cut], len(text) - cut
