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
from collections.abc import Callable, Sequence
from functools import cache

from nlp.decision import TITLE_PREFIX, deeds, story_lines
from nlp.document import Doc
from nlp.facts import HOST, MENTIONED, VISITOR
from nlp.lexicon import alternation, sections, starts_with_any, words
from nlp.people import Person, initials, position_heads

VisitWords = Callable[[Doc, int, int], list[int]]
Line = tuple[int, int, int]  # a line's span and its first deed
# After a speech word: "said after (doing)": the speaker did it (เปิดเผยภายหลังตรวจเยี่ยม…).
_AFTER_DEED = re.compile(r"\s?(?:ภายหลัง|หลัง|ขณะ|ระหว่าง|ในระหว่าง)")
CLAUSE_REACH = 80  # characters after a name (and its title) in which its clause says what they did
WITH_REACH = 400  # characters after a พร้อมด้วย in which the travellers are listed
# A headline names the visitor by given name alone ("“อุตตม”ลงพื้นที่…", "ม.ล.ปนัดดาฯ ตรวจเยี่ยม…").
MIN_GIVEN = 3
MIN_TITLE = 8  # a title that names one office (อธิบดีกรม…), not a bare rank (นายก, ผอ.)
TITLE_TO_DEED = 30  # characters from a line's opening title to its deed (… พร้อมคณะ ลงพื้นที่)


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    return sections("role_cues.txt")


# A cue that goes on into another word is not that cue: รับมอบ (a host takes a gift) is not
# รับมอบหมาย (someone is sent), ร่วม (taking part) is not ร่วมมือ, ร่วมกับ or ร่วมใจ (in names:
# ชุมชนร่วมใจ…).
_NOT_BEFORE = {"host_after": "(?!หมาย)", "joins": "(?!มือ|กับ|ใจ)"}


@cache
def _re(section: str) -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(_cues()[section])}){_NOT_BEFORE.get(section, '')}")


@cache
def _speech() -> re.Pattern[str]:
    said = alternation(sections("visit_cues.txt")["speech"] + _cues()["reported"])
    # ว่า opens speech, but not inside a word: ว่าการ, ว่าที่, ผู้ว่า are titles, กว่า is "more
    # than", ว่าจ้าง "hire"
    return re.compile(f"{said}|(?<!ก)(?<!ผู้)ว่า(?!การ|ที่|จ้าง)")


# "X อธิบดีกรม… ในฐานะผู้อำนวยการศูนย์… ได้กล่าวรายงาน": a second title in apposition, not yet
# the clause of what X did.
_AS = re.compile(r"[ ]*ในฐานะ\S*[ ]?")


def _clause_after(doc: Doc, p: Person, others: Sequence[Person]) -> str:
    """What follows a mention (after its title and an ในฐานะ… title in apposition), up to the
    next person named."""
    start = p.pos_end if p.pos_end is not None else p.end
    apposed = _AS.match(doc.text, start)
    start = apposed.end() if apposed else start
    nxt = min((q.start for q in others if q.start >= start), default=len(doc.text))
    return doc.text[start : min(nxt, start + CLAUSE_REACH)]


SUBJECT_LINES = 6  # story lines in which a post names who made its visit
SHORT_LINE = 120  # a subject line shorter than this is a sentence broken by a line break


def _lines(doc: Doc) -> list[tuple[int, int]]:
    """The lines of a field in which a post names who did what."""
    return [(0, len(doc.text))] if doc.source == "title" else story_lines(doc, SUBJECT_LINES)


FirstDeed = Callable[[Doc, int, int], int | None]


def _subject_lines(
    doc: Doc,
    spans: list[tuple[int, int]],
    people: Sequence[Person],
    visit_words: VisitWords,
    first_deed: FirstDeed,
) -> list[Line]:
    """The subject line, and the later story lines that restate it with the same subject
    first (a headline repeated, then the lead that lists who came along)."""
    spans = _broken_sentences(doc, spans, first_deed)
    first = _subject_line(doc, spans, people, visit_words, first_deed)
    if first is None:
        return []
    lead = _first_named(people, first[0], first[2])
    a, b, v = first
    nxt = next((span for span in spans if span[0] >= b), None)
    if b - a < SHORT_LINE and nxt is not None:
        first = a, nxt[1], v  # "… มอบนโยบาย\nการบูรณาการ… ร่วมกับนายX": the sentence goes on
    out = [first]
    for a, b in spans:
        if a <= first[0] or not any(p.person == lead and a <= p.start < b for p in people):
            continue
        v = first_deed(doc, a, b)
        v = _event_place(doc, a, b, visit_words) if v is None else v  # ร่วมชม… ณ …
        if v is not None and lead is not None and _first_named(people, a, v) == lead:
            out.append((a, b, v))
    return out


def _event_place(doc: Doc, a: int, b: int, visit_words: VisitWords) -> int | None:
    """Where line [a, b) names the place of its event (ณ …, ที่ …), when it names no deed."""
    found = (i for i in visit_words(doc, a, b) if doc.text.startswith(("ณ", "ที่"), i))
    return next(found, None)


def _broken_sentences(
    doc: Doc, spans: list[tuple[int, int]], first_deed: FirstDeed
) -> list[tuple[int, int]]:
    """The lines with each short one that names no deed joined to the next when that goes on
    with a title, a [with] word or และ: a lead written a phrase a line (name / title /
    พร้อมด้วย … / และคณะ ลงพื้นที่ …) is one sentence."""
    out: list[tuple[int, int]] = []
    start = None
    for (a, b), nxt in zip(spans, [*spans[1:], None], strict=False):  # spans may be empty
        start = a if start is None else start
        short = b - a < SHORT_LINE and first_deed(doc, a, b) is None
        if short and nxt is not None and _goes_on(doc.text[nxt[0] : nxt[1]]):
            continue
        out.append((start, b))
        start = None
    return out


def _goes_on(line: str) -> bool:
    """Whether a line carries on the sentence of the line before (its subject's title, who
    came with them, และคณะ …)."""
    line = line.lstrip()
    return line.startswith("และ") or bool(
        _re("with").match(line) or starts_with_any(line, position_heads())
    )


def _first_named(people: Sequence[Person], a: int, v: int) -> str | None:
    return next((p.person for p in people if a <= p.start < v), None)


def _subject_line(
    doc: Doc,
    spans: list[tuple[int, int]],
    people: Sequence[Person],
    visit_words: VisitWords,
    first_deed: FirstDeed,
) -> Line | None:
    """The first of the story lines `spans` where someone is named before a deed (ลงพื้นที่,
    เป็นประธาน …): its subject made the visit. Returns the line and its first deed."""
    for a, b in spans:
        v = first_deed(doc, a, b)
        if v is not None and any(a <= p.start < v for p in people):
            return a, b, v
    # no deed named after anyone: the subject is whoever comes before the place of the event
    # ("X … ได้เข้าร่วมการประชุม … ณ โรงแรม …")
    for a, b in spans:
        at = _event_place(doc, a, b, visit_words)
        if at is not None and any(a <= p.start < at for p in people):
            return a, b, at
    return None


def _reports(text: str, start: int, v: int, titles: Sequence[Person] = ()) -> bool:
    """Whether someone named at `start` only tells of the deed at `v` (a spokesman who
    เปิดเผยว่า …), rather than saying so after doing it (กล่าวภายหลังการประชุม… ว่า …: what
    follows is theirs). A speech word inside a title of `titles` is part of it
    (ที่ปรึกษารัฐมนตรีว่ากระทรวง…, ว่าการ misspelt)."""
    first = _said(text, start, v, titles)
    if first is None or _own_deed().fullmatch(text, first.end(), v):
        return False
    after = _said_after().search(text, start)
    return after is None or after.start() > first.start() or _new_subject(text, after.end(), titles)


def _new_subject(text: str, i: int, people: Sequence[Person]) -> bool:
    """Whether the clause at `i` (after เปิดเผยภายหลัง…) names a subject of its own (…ภายหลัง
    นายกรัฐมนตรีลงพื้นที่…, …ภายหลังนายX…): the deed is theirs, the speaker only tells of it."""
    i = len(text) - len(text[i:].lstrip())
    return bool(starts_with_any(text[i : i + 40], position_heads())) or any(
        q.start == i for q in people
    )


@cache
def _own_deed() -> re.Pattern[str]:
    """Only [own_deed] words between a speech word and the deed: the speaker tells of their
    own (เปิดเผยถึงการลงพื้นที่…, กล่าวว่า ได้ลงพื้นที่…)."""
    return re.compile(rf"(?:\s|{alternation(_cues()['own_deed'])})*")


@cache
def _said_after() -> re.Pattern[str]:
    return re.compile(alternation(_cues()["speaks"]) + _AFTER_DEED.pattern)


def _delegates(text: str, start: int, v: int, titles: Sequence[Person]) -> bool:
    """Whether someone named at `start` sends others to do the deed at `v` (มอบหมายให้ …),
    not being sent (ได้รับมอบหมาย)."""
    return any(
        not text.endswith("รับ", 0, m.start()) and not _in_title(m.start(), titles)
        for m in _re("delegates").finditer(text, start, v)
    )


def _in_title(i: int, people: Sequence[Person]) -> bool:
    return any(q.pos_start is not None and q.pos_start <= i < (q.pos_end or 0) for q in people)


def _said(text: str, a: int, b: int, people: Sequence[Person]) -> re.Match[str] | None:
    """The first speech word in [a, b) that is not inside someone's name or title (the ว่า of
    นายอรัญ อนุพรรณสว่าง, of ที่ปรึกษารัฐมนตรีว่ากระทรวง…)."""
    return next(
        (
            m
            for m in _speech().finditer(text, a, b)
            if not _in_title(m.start(), people)
            and not any(q.start <= m.start() < q.end for q in people)
        ),
        None,
    )


def roles(
    mentions: dict[str, list[tuple[Doc, Person]]],
    people: dict[str, list[Person]],
    visit_words: VisitWords,
    reports_visit: bool,
) -> dict[str, str]:
    """Role of each person (key `Person.person`); `people[source]` lists every mention of a
    field, `visit_words(doc, a, b)` finds its visit words."""
    if not reports_visit:
        return dict.fromkeys(mentions, MENTIONED)
    docs = {doc.source: doc for ms in mentions.values() for doc, _ in ms}
    memo: dict[tuple[str, int, int], int | None] = {}

    def first_deed(doc: Doc, a: int, b: int) -> int | None:
        """The first deed of line [a, b), read once (deeds segment the line)."""
        key = (doc.source, a, b)
        if key not in memo:
            found = deeds(doc, a, b, visit_words)  # not in a title: (กำกับเขตตรวจราชการ…)
            memo[key] = next((i for i in found if not _in_title(i, people[doc.source])), None)
        return memo[key]

    lines = {src: _lines(doc) for src, doc in docs.items()}
    subject = {
        src: _subject_lines(doc, lines[src], people[src], visit_words, first_deed)
        for src, doc in docs.items()
    }
    givens = {ms[0][1].given for ms in mentions.values() if len(ms[0][1].given) >= MIN_GIVEN}
    headlines = [
        doc.text[a:v]
        for src, doc in docs.items()
        for a, b in lines[src]
        if not any(a <= q.start < b for q in people[src])
        and any(g in doc.text[a:b] for g in givens)
        and (v := first_deed(doc, a, b)) is not None
    ]
    titled_leads = [  # "อธิบดีกรมบังคับคดี พร้อมคณะ ลงพื้นที่…": a line's subject by title alone
        TITLE_PREFIX.sub("", doc.text[a:v]).lstrip(' “"')
        for src, doc in docs.items()
        for a, b in lines[src]
        if (v := first_deed(doc, a, b)) is not None
        and not any(a <= q.start < v for q in people[src])
    ]
    fallback = None if any(subject.values()) else _first_of_lead(docs, lines, people)
    out: dict[str, str] = {}
    for key, ms in mentions.items():
        host = took_part = False
        given = ms[0][1].given
        titles = {q.position for _, q in ms if q.position and len(q.position) >= MIN_TITLE}
        visitor = led = (
            key == fallback
            or (len(given) >= MIN_GIVEN and any(given in h for h in headlines))
            or any(
                h.startswith(t) and len(h) - len(t) <= TITLE_TO_DEED
                for h in titled_leads
                for t in titles
            )
        )
        for doc, p in ms:
            after = _clause_after(doc, p, people[doc.source])
            visitor = visitor or _goes_out(after)
            if _re("host_after").match(after.lstrip(" ,")) or _re("host_after").search(
                after[: CLAUSE_REACH // 2]
            ):
                host = True
            host = host or _called_on(doc.text, p, people[doc.source])
            host = host or _organises(doc.text, p.position)
            host = host or _put_on(doc.text, p, people[doc.source])
            host = host or _given_from(doc.text, p, people[doc.source])
            lead_text = "\n".join(doc.text[a:b] for a, b, _ in subject.get(doc.source, []))
            host = host or _heads_the_venue(lead_text, p.position)
            listed = _listed(doc, lines[doc.source], p, first_deed, people[doc.source])
            host = host or listed == HOST
            took_part = took_part or listed == VISITOR
            line = next(
                (ln for ln in subject.get(doc.source, []) if ln[0] <= p.start < ln[1]), None
            )
            if line is None:
                continue
            a, b, v = line
            named_end = p.pos_end if p.pos_end is not None else p.end
            lead = (
                p.start < v
                and not _reports(doc.text, named_end, v, people[doc.source])
                and not _re("host_after").search(doc.text, named_end, v)  # รอให้การต้อนรับ คณะ…
                and not _delegates(doc.text, named_end, v, people[doc.source])
            )
            led = led or (  # not พร้อมด้วย X, not โดยมี X … เป็นประธาน (a list, not the subject)
                lead
                and not _re("with").search(doc.text, a, p.start)
                and not _re("listed").search(doc.text, a, p.start)
                # "นายX หัวหน้าผู้ตรวจราชการ… นางY อุตสาหกรรมจังหวัด… ลงพื้นที่": a local
                # official named after the subject takes the visitors round their own province
                and not (
                    p.position
                    and _is_local(p.position)
                    and _first_named(people[doc.source], a, v) != p.person
                )
            )
            visitor = (
                visitor
                or lead
                or v <= p.start
                and _joined(doc.text, v, p.start, people[doc.source])
            )
        titled = any(q.position and _is_local(q.position) for _, q in ms)
        if host and not visitor or titled and not led:  # a governor who joins the visit hosts it
            out[key] = HOST
        elif visitor or took_part:
            out[key] = VISITOR
        else:
            out[key] = MENTIONED
    refs = _references([q for k, ms in mentions.items() if out[k] == VISITOR for _, q in ms])
    for key, ms in mentions.items():
        if out[key] == MENTIONED and any(
            _with_a_visitor(d.text, p.start, refs, people[d.source]) for d, p in ms
        ):
            local = any(q.position and _is_local(q.position) for _, q in ms)
            out[key] = HOST if local else VISITOR  # a governor who joins the visit hosts it
    for src, doc in docs.items():
        for chain in _lists(doc.text, people[src]):
            told = {out[p.person] for p in chain} - {MENTIONED}
            for p in chain:
                if out[p.person] != MENTIONED:
                    continue
                local = bool(p.position and _is_local(p.position))
                if out[chain[0].person] == VISITOR:  # the visitor, ตลอดจน X และ Y
                    out[p.person] = HOST if local else VISITOR
                elif told == {HOST} and not _central(p.position):
                    out[p.person] = HOST
    return out


_LINK = re.compile(r"[\s,]*(?:และ|ตลอดจน|รวมทั้ง)?[\s,]*")  # what joins two people of a list


def _lists(text: str, people: Sequence[Person]) -> list[list[Person]]:
    """Runs of people named one after another, each right after the last one's title, joined
    by nothing but a comma, และ or ตลอดจน: a list, whose people share one role. Those the rules
    above left mentioned take it: the visitors' when the list opens with a visitor (X, Y
    ตลอดจน Z …), the hosts' when all the others told are hosts, unless their title is central."""
    runs: list[list[Person]] = []
    ordered = sorted(people, key=lambda q: q.start)
    for q in ordered:
        last = runs[-1][-1] if runs else None
        end = None if last is None else last.pos_end if last.pos_end is not None else last.end
        if end is not None and end <= q.start and _LINK.fullmatch(text, end, q.start):
            runs[-1].append(q)
        else:
            runs.append([q])
    return [run for run in runs if len(run) > 1]


def _references(visitors: Sequence[Person]) -> tuple[str, ...]:
    """How a story refers back to its visitors: by title, given name or surname."""
    refs = {q.position for q in visitors if q.position}
    refs |= {n for q in visitors for n in (q.given, q.surname) if n and len(n) >= MIN_GIVEN}
    return tuple(refs)


def _with_a_visitor(text: str, pos: int, refs: tuple[str, ...], people: Sequence[Person]) -> bool:
    """Whether someone at `pos` is listed after a visitor and a [with] word, later in the story
    (ในการนี้ รัฐมนตรีว่าการกระทรวง… พร้อมด้วย X, Y … เยี่ยมชม…): they came along. The list
    is people and their titles one after another; what comes after it was visited or met."""
    if not refs:
        return False
    for m in _re("with").finditer(text, max(0, pos - WITH_REACH), pos):
        before = text[max(0, m.start() - CLAUSE_REACH) : m.start()].rstrip(" ฯ\u200b\xa0")
        between = text[m.end() : pos]
        if (
            before.endswith(refs)
            and _in_list(m.end(), pos, people)
            and "\n" not in between
            and not _said(text, m.end(), pos, people)
            and not _re("host_after").search(between)
        ):
            return True
    return False


LIST_GAP = 40  # characters between two people of a list (และ, ตลอดจน, คณะผู้บริหาร …)


def _in_list(start: int, pos: int, people: Sequence[Person]) -> bool:
    """Whether the people from `start` up to `pos` follow one another with short gaps."""
    cur = start
    for q in sorted((q for q in people if start <= q.start < pos), key=lambda q: q.start):
        if q.start - cur > LIST_GAP:
            return False
        cur = max(cur, q.pos_end if q.pos_end is not None else q.end)
    return pos - cur <= LIST_GAP


def _organises(text: str, position: str | None) -> bool:
    """Whether someone's title heads the organiser of the event (ผู้อำนวยการสถาบันรับรอง
    คุณภาพสถานพยาบาล … งาน… จัดโดยสถาบันรับรองคุณภาพสถานพยาบาล): they hosted it. Not a
    central title: the ministry's own people came with its minister."""
    head = starts_with_any(position or "", position_heads())
    if position is None or head is None or _central(position):
        return False
    org = position[len(head) :].strip()
    return (
        len(org) >= MIN_ORG
        and re.search(rf"{_re('organised_by').pattern}\s*{re.escape(org)}", text) is not None
    )


VENUE_REACH = 60  # characters after ณ in which the venue names its organisation
# Words that open the second post of a title (… รักษาราชการแทนอธิบดีกรมป่าไม้): what follows is
# an office the person heads too.
_ACTING = re.compile(r"^(?:รักษาราชการแทน|รักษาการแทน|รักษาการ|ปฏิบัติหน้าที่แทน|ปฏิบัติหน้าที่)")


@cache
def _org_heads() -> tuple[str, ...]:
    """Words an organisation's name begins with (กรม, สำนักงาน, ศูนย์, บริษัท …)."""
    return words("position_continuations.txt")


def _heads_the_venue(text: str, position: str | None) -> bool:
    """Whether someone's title heads the organisation the lead's event is held at (เลขาธิการ
    คณะกรรมการการอาชีวศึกษา … ณ สำนักงานคณะกรรมการการอาชีวศึกษา; รองปลัด… รักษาราชการแทน
    อธิบดีกรมป่าไม้ … ณ ห้องประชุมใหญ่ อาคารเทียมคมกฤส กรมป่าไม้): they hosted it, on their own
    premises. Not a ministry's officials: an event ณ กระทรวง… is their minister's."""
    for part in (position or "").split(" "):
        part = _ACTING.sub("", part)
        head = starts_with_any(part, position_heads())
        org = part if initials(part) else part[len(head) :] if head else ""  # … ปปง.: สำนักงาน ปปง.
        if not (initials(org) or len(org) >= MIN_ORG and starts_with_any(org, _org_heads())):
            continue  # an office (กรม…, สำนักงาน…, ปปง.), not a place (ส.ส.กาญจนบุรี)
        if "กระทรวง" in org:  # (รัฐมนตรี)ว่าการกระทรวง…: a ministry's people
            continue
        at = rf"(?<!\S)ณ\s*[^\n]{{0,{VENUE_REACH}}}?{re.escape(org)}"  # ณ, not คุณ, ประมาณ
        if re.search(at, text):
            return True
    return False


PUT_ON_REACH = 160  # characters after someone's title in which their clause says they held it


def _put_on(text: str, p: Person, people: Sequence[Person]) -> bool:
    """Whether `p` put the event on (X ผู้บัญชาการ… ได้ตระหนักถึง… จึงได้จัดพิธี…), in their own
    clause: before anyone else is named, anyone speaks or the line ends. The organiser hosts,
    unless their title is central."""
    start = p.pos_end if p.pos_end is not None else p.end
    end = min(len(text), start + PUT_ON_REACH)
    end = min([end] + [q.start for q in people if start <= q.start < end])
    end = min(end, text.find("\n", start) % (len(text) + 1))
    if _central(p.position):
        return False  # a ministry's people put on their minister's event
    for m in _re("puts_on").finditer(text, start, end):
        if not text.endswith("การ", 0, m.start()):  # การจัดงาน: the event, not who held it
            return _said(text, start, m.start(), people) is None
    return False


FROM_REACH = 120  # characters from a รับ… (received) to the จาก before its giver


def _given_from(text: str, p: Person, people: Sequence[Person]) -> bool:
    """Whether the visitors received something from `p` (รับมอบภาพวาดจาก X, รับฟังการบรรยาย
    สรุปจาก X, ได้รับการต้อนรับจาก X): a host. Not who sent them (ได้รับมอบหมายจาก X) nor
    who honoured or praised (ได้รับเกียรติจาก X, ได้รับการชื่นชมจาก X)."""
    a = max(text.rfind("\n", 0, p.start) + 1, p.start - FROM_REACH)
    before = text[a : p.start]
    if not _FROM_END.search(before) or any(a <= q.start < p.start for q in people):
        return False
    got = [m for m in re.finditer("รับ", before)]
    return bool(got) and not starts_with_any(before[got[-1].end() :], _cues()["not_given"])


_FROM_END = re.compile(r"จาก\s*$")
MIN_ORG = 8  # an organisation's name, not a bare word of a title (กรม, ศูนย์)
HOST_BEFORE_REACH = 40  # characters between a courtesy call's word and the one it is paid to


def _called_on(text: str, p: Person, people: Sequence[Person]) -> bool:
    """Whether `p` is the one a courtesy call is paid to (เข้าเยี่ยมคารวะ รองนายกรัฐมนตรี
    (นายY)), with no one else named in between."""
    a = max(0, p.start - HOST_BEFORE_REACH)
    m = max(_re("host_before").finditer(text, a, p.start), key=lambda x: x.start(), default=None)
    return m is not None and not any(m.end() <= q.start < p.start for q in people)


def _goes_out(after: str) -> bool:
    """Whether someone's clause opens with a field deed (X นายกรัฐมนตรี เดินทางไปตรวจราชการ…,
    X … ได้ลงพื้นที่…): they went out, a visitor."""
    return _field().match(after.lstrip(" ,\xa0")) is not None


@cache
def _field() -> re.Pattern[str]:
    return re.compile(rf"(?:ได้\s*)?{alternation(sections('visit_cues.txt')['field'])}")


def _first_of_lead(
    docs: dict[str, Doc], lines: dict[str, list[tuple[int, int]]], people: dict[str, list[Person]]
) -> str | None:
    """When no line names anyone before a deed (the deed is a word the cues lack: ทักทาย,
    ชื่นชม), the lead's subject is still the first person its story names."""
    body = docs.get("body")
    for a, b in lines.get("body", []) if body else []:
        first = next((p for p in people["body"] if a <= p.start < b), None)
        if first is not None:
            return first.person
    return None


def _joined(text: str, v: int, pos: int, people: Sequence[Person]) -> bool:
    """Whether a person after the subject line's deed travels with its subject (พร้อมด้วย …),
    in the same sentence (no one has started speaking since)."""
    if _said(text, v, pos, people):
        return False
    for m in _re("with").finditer(text, v, pos):
        if (
            pos - m.end() <= WITH_REACH
            and not _re("host_after").search(text, m.end(), pos)
            and not _opens_list(text, m.end(), pos, people)
        ):
            return True
    return False


@cache
def _list_end() -> re.Pattern[str]:
    return re.compile(rf"(?:{_re('listed').pattern})\s*$")


def _opens_list(text: str, a: int, pos: int, people: Sequence[Person]) -> bool:
    """Whether a โดยมี / โดย opens a new list of people between `a` and the one at `pos`
    (พร้อมด้วย X เข้าร่วม โดยมี Y … ให้การต้อนรับ): who follows it is no longer joined to the
    subject by the พร้อมด้วย before it; the list's own verb tells their role."""
    starts = [q.start for q in people if a < q.start < pos] + [pos]
    return any(_list_end().search(text, a, i) for i in starts)


def _listed(
    doc: Doc,
    lines: list[tuple[int, int]],
    p: Person,
    first_deed: FirstDeed,
    people: Sequence[Person],
) -> str | None:
    """The role of someone in a โดยมี list after a story line's deed, read off the verb that
    closes the list: ร่วมงาน, เข้าร่วม… (they took part: visitors) or ให้การต้อนรับ… (hosts)."""
    text = doc.text
    line = next(((a, b) for a, b in lines if a <= p.start < b), None)
    if line is None or not _re("listed").search(text, line[0], p.start):
        return None
    v = first_deed(doc, *line)
    if v is None or v > p.start:
        return None
    end = p.end
    m = max(_re("listed").finditer(text, v, end), key=lambda x: x.start(), default=None)
    if m is None or _said(text, m.end(), end, people):
        return None
    verb = _closing().search(text, end, min(len(text), end + WITH_REACH))  # to the line's end
    if verb is None or verb.lastgroup is None:
        return _by_title(p.position)  # no verb says what the list did: the titles tell
    return HOST if verb.lastgroup == "host" else VISITOR


def _by_title(position: str | None) -> str | None:
    """The role a title gives someone listed at a visit without a verb to tell: a ministry's
    or a department's officials came with it (visitors), a province's or a district's received
    it (hosts)."""
    if not position:
        return None
    if starts_with_any(position, _cues()["central_title"]) or "กระทรวง" in position:
        return VISITOR
    if _is_local(position):
        return HOST
    return None


def _central(position: str | None) -> bool:
    """A title of the central government (รัฐมนตรี…, อธิบดี…, any ministry's)."""
    return bool(position) and (
        starts_with_any(position, _cues()["central_title"]) is not None or "กระทรวง" in position
    )


def _is_local(position: str) -> bool:
    """A local title: a host_title one, or a provincial or district office's
    ("อุตสาหกรรมจังหวัดแม่ฮ่องสอน", "ผู้อำนวยการสำนักงานบังคับคดีจังหวัด…"), not a state
    enterprise's governor (ผู้ว่าการ…)."""
    if starts_with_any(position, _cues()["enterprise_title"]):
        return False
    if starts_with_any(position, _cues()["host_title"]):
        return True
    if starts_with_any(position, _cues()["central_title"]) or "กระทรวง" in position:
        return False
    return any(w in position for w in _cues()["local_place"])


@cache
def _closing() -> re.Pattern[str]:
    host, joins = _re("host_after").pattern, _re("joins").pattern
    new_list = alternation(_cues()["listed"])  # a new list: the verb after it is not theirs
    # ผู้เข้าร่วมงาน (the participants, a noun) is not a verb of the list
    return re.compile(rf"(?P<host>{host})|(?P<joins>(?<!ผู้)(?<!ผู้เข้า){joins})|{new_list}|\n")
