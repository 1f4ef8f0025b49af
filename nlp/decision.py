"""Does a post report a visit or an on-site event that took place?

Government news sites publish far more desk work than field work: cabinet summaries, statements,
press conferences at Government House, meetings in the ministry's own rooms, trips still to come.
Whole posts of all kinds mention visit words somewhere (an earlier trip, a plan, a quote), so the
decision reads only where a news post says what happened: the headline and the lead paragraph.
A field word there (ลงพื้นที่, ตรวจราชการ, เยี่ยมชม …) reports a visit unless it is a plan
(จะ…, มีกำหนด…); an event word (เป็นประธาน, ประชุม, พิธี …) reports one only when the lead says
where it was held and that place is not the officials' own office; a ceremony word (พิธี,
เปิดงาน …) reports one unless the lead places it at that office.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache, lru_cache

from nlp.document import Doc
from nlp.lexicon import alternation, sections
from nlp.people import NOT_A_WORD_START

LEAD_LINES = (
    1  # story lines after the headline that make up the lead (one more, dated, after a summary)
)
HEADING_KEY = 20  # a body line starting like the title is the headline again
STORY_MIN = 80  # a shorter line is a heading, a menu item or a caption, read but not the lead
MIN_THAI = 12  # a line with fewer Thai letters is furniture or code, not a sentence
FUTURE_REACH = 30  # characters before a visit word in which a plan word makes it a plan
WHERE_REACH = 120  # characters after ณ / ที่ that name the place
TITLE_PREFIX = re.compile(r"^[^\n]*?ข่าวทำเนียบรัฐบาล-")  # the site's breadcrumb in front of titles
AGENT, AGENT_REACH = "ผู้", 8  # ผู้ + a visit word (ผู้เข้าเยี่ยม) is a person, not a deed
OTHER = ("other_event",)  # the label of the clauses about a planned or another event
_THAI = re.compile("[\u0e01-\u0e4e]")
_STAMP_WORDS = re.compile(r"วัน[\u0e01-\u0e4e]*|ที่|เวลา|พ\.\s?ศ\.|น\.|ลง")


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
    happened. A line that repeats the title's start is a headline; short lines before the
    story (subheadings, a page's menu) are read with it."""
    text = doc.text
    heading = _key(TITLE_PREFIX.sub("", title or ""))
    spans: list[tuple[int, int]] = []
    story = 0
    pos = 0
    summary = False  # the last story line read is an undated summary
    seen: set[str] = set()  # the starts of the lines read
    cut = False  # the last story line read is a dated lead broken off by a line break
    hanging = False  # the last story line read ends on a word its sentence goes on from (เมื่อ)
    while pos <= len(text) and (story < LEAD_LINES or summary or cut or hanging):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        key = _key(line)[:HEADING_KEY]
        if key in seen:
            pass  # the page repeats its summary paragraph: read once
        elif hanging and line.strip():
            spans.append((pos, end))  # the date, then the rest, of the broken sentence
            hanging = _stamp(line)  # a date alone: the sentence's subject comes next
        elif doc.readable(pos, end) and len(_THAI.findall(line)) >= MIN_THAI and not _stamp(line):
            headline = heading and key == heading[:HEADING_KEY]
            seen.add(key)
            if summary and not headline and line.lstrip().startswith(_cues()["continues"]):
                spans.append((pos, end))  # the summary's sentence goes on (พร้อม…): read it
                pos = end + 1
                continue
            earlier = line.lstrip().startswith(_cues()["earlier"])
            if summary and (headline or earlier or not _dated(line, FOLLOW_REACH)):
                break  # the summary is the lead after all
            if cut and earlier:
                break  # what came before (โดยก่อนหน้านี้ …): the short lead was whole
            if cut and doc.claimed.overlaps(pos, pos + 1, ("name", "position")):
                break  # a new sentence opens with its subject: the short lead was whole
            spans.append((pos, end))
            if cut:
                cut = False
            elif not headline and len(line) >= STORY_MIN:
                story += 1
                cut = story == LEAD_LINES and len(line) < CUT_LEAD and _dated(line)
                summary = story == LEAD_LINES and not summary and not _dated(line)
                hanging = story == LEAD_LINES and line.rstrip().endswith(HANGING)
                summary = summary and not hanging
        pos = end + 1
    return spans


DATED_REACH = 40  # characters at a line's start in which a dated lead states its date
# … and in which the line after an undated summary does ("นายX … เปิดเผยภายหลังเป็นประธาน
# เปิดโครงการ… วันที่ 23 พฤศจิกายน 2560 ณ โรงแรม…"): the summary's subject comes first there
FOLLOW_REACH = 200
# a dated lead shorter than this is cut by a line break ("วันนี้ (…) นายX รัฐมนตรี… มอบนโยบาย" /
# "การ… ในการประชุม… ณ โรงแรม…"): the next line ends its sentence
CUT_LEAD = 120
# a story line ending on เมื่อ ("…ภายในปี 2562 เมื่อ" / "วันที่ 22 พฤศจิกายน 2561" / "นายX …
# ได้เดินทางเยือน…"): its sentence, the dated lead, goes on over the next lines
HANGING = ("เมื่อ",)
_DATED_START = re.compile(r"\s*(?:วันนี้|วานนี้|เมื่อวัน|เมื่อ\s?\(|วันที่|\()")


def _dated(line: str, reach: int = DATED_REACH) -> bool:
    """A line that opens with its date (วันนี้ (…), เมื่อวันที่ …): the sentence that says what
    happened. A first story line without one is often a summary, and the dated lead follows."""
    from nlp.dates import find_dates

    if _DATED_START.match(line):
        return True
    return any(d.start < reach for d in find_dates(line[: reach * 3]))


def deeds(doc: Doc, a: int, b: int, visit_words: Callable[[Doc, int, int], list[int]]) -> list[int]:
    """The visit words of [a, b) that tell of something done: not a plan, not a person's title
    (ผู้ตรวจราชการ), not the ณ / ที่ of a place."""
    text = doc.text
    return [
        i
        for i in visit_words(doc, a, b)
        if not _agent(text, i)
        and not _modal(text, i, a)
        and not _planned(text, i, a)
        and not _re("where").match(text, i)
    ]


def story_lines(doc: Doc, limit: int) -> list[tuple[int, int]]:
    """The first `limit` lines of a field that read as sentences (not furniture, stamps or
    code): where a post names who did what."""
    text = doc.text
    out: list[tuple[int, int]] = []
    pos = 0
    while pos <= len(text) and len(out) < limit:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if doc.readable(pos, end) and len(_THAI.findall(line)) >= MIN_THAI and not _stamp(line):
            out.append((pos, end))
        pos = end + 1
    return out


def _agent(text: str, i: int) -> bool:
    """ผู้ตรวจราชการ, ผู้เข้าเยี่ยม: a visit word made a person's title or a noun."""
    k = text.rfind(AGENT, max(0, i - AGENT_REACH), i)
    return k >= 0 and not text[k:i].count(" ")


def _modal(text: str, i: int, line_start: int) -> bool:
    """สามารถ just before the visit word: what someone can (or cannot) do, not a deed; and
    a when or an if right before it (เมื่อเดินทางไปห้างสรรพสินค้า, ทุกครั้งเวลาพบปะผู้คน): what
    anyone does in a case, advice or a rule, not a deed."""
    return (
        _re("modal").search(text, max(line_start, i - FUTURE_REACH), i) is not None
        or _when().search(text, max(line_start, i - WHEN_REACH), i) is not None
    )


WHEN_REACH = 8  # characters before a visit word in which a when (เมื่อ, หาก) makes it a case


@cache
def _when() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(_cues()['when'])})\s*$")


def _plan_in(text: str, a: int, b: int) -> bool:
    """A plan word in [a, b); เตรียมพร้อม / เตรียมความพร้อม is getting ready, not a plan, and
    a bracketed one is part of a name (อุทยานแห่งชาติ… (เตรียมการ), a park being set up)."""
    return any(
        not text.startswith(("พร้อม", "ความพร้อม"), m.end())
        and not (text.startswith("(", m.start() - 1) and text.find(")", m.end(), m.end() + 8) >= 0)
        for m in _re("plan").finditer(text, a, b)
    )


_THIS = re.compile(r"\s*นี้")  # after a date: this coming (ระหว่างวันที่ 27-29 ก.ย. นี้)


def _dates_to_come(text: str, a: int, b: int, page: dt.date | None) -> bool:
    """A date in [a, b) followed by นี้ (ระหว่างวันที่ 27-29 ก.ย.62 นี้), or dates all after the
    page's own day `page` (ชวนผู้สนใจร่วมฟังเสวนา… ในวันที่ 28 มิ.ย.2560 on a page of 26 June):
    an event still to come (a fair a release promotes); เมื่อวันที่ … นี้ is a past day of
    this month."""
    from nlp.dates import find_dates

    if page is not None:
        dated = find_dates(text[a:b], page)
        if dated and all(d.days[0] > page for d in dated):
            return True
    return any(
        _THIS.match(text, a + d.end) and "เมื่อ" not in text[max(a, a + d.start - 8) : a + d.start]
        for d in find_dates(text[a:b])
    )


def _title_span(doc: Doc) -> list[tuple[int, int]]:
    """The title without the site's breadcrumb (which names ทำเนียบรัฐบาล on every post)."""
    m = TITLE_PREFIX.match(doc.text)
    return [(m.end() if m else 0, len(doc.text))]


@lru_cache(maxsize=1024)
def _stamp(line: str) -> bool:
    """A line that is a date and little else (the page's stamp, a dateline). Kept for the
    lines last read: the lead, the story lines and the roles all ask about the same lines."""
    from nlp.dates import find_dates

    rest = line
    for d in reversed(find_dates(line)):
        rest = rest[: d.start] + rest[d.end :]
    return len(_THAI.findall(_STAMP_WORDS.sub("", rest))) < MIN_THAI


def _planned(text: str, i: int, line_start: int) -> bool:
    """A plan word just before the visit word, or an announcement earlier in the line: what
    someone says will happen (เปิดเผยว่า จะนำคณะ…ลงพื้นที่…) is a plan to its end, and so is
    what follows a coming time (เปิดเผยภารกิจนายกรัฐมนตรีในสัปดาห์หน้าว่า … การลงพื้นที่…)."""
    before = text[max(line_start, i - FUTURE_REACH) : i]
    return bool(
        _re("future").search(before)
        or _announced().search(text, line_start, i)
        or _re("coming").search(text, line_start, i)
        or _ordered(text, line_start, i)
    )


ORDER_REACH = 30  # characters before an order word in which ตาม makes it the order obeyed


def _ordered(text: str, a: int, i: int) -> bool:
    """An order word before i in the line (ศบค.มท. สั่งการผู้ว่าฯ … ติดตาม…กลับไปยังหมู่บ้าน): what
    follows is what others are told to do. Not the order obeyed (ตามที่นายกฯ สั่งการ…, ตามข้อ
    สั่งการ…: the visit that follows carries it out)."""
    return any(
        "ตาม" not in text[max(a, m.start() - ORDER_REACH) : m.start()]
        for m in _re("order").finditer(text, a, i)
    )


@cache
def _announced() -> re.Pattern[str]:
    speech, future = alternation(_cues()["speech"]), alternation(_cues()["future"])
    return re.compile(rf"(?:{speech})\s*(?:{future})")


@cache
def _province_names() -> re.Pattern[str]:
    from nlp.gazetteer import gazetteer

    g = gazetteer()
    return re.compile(alternation([*g.by_name["province"], *g.province_alias]))


# After ที่ / บริเวณ (also conjunctions), a place starts with a building, a floor or a room word
# (บริเวณชั้นล่างอาคารกระทรวง…: a floor of the ministry is the ministry's own).
VENUE_WORDS = ("ห้อง", "ชั้น", "อาคาร", "ตึก", "โถง", "ศาลาว่าการ", "กระทรวง", "สำนักงาน", "กรม")
HOME_REACH = 60  # characters after a venue in which the building it is in is named


def _desk(text: str, a: int, b: int) -> bool:
    """Whether [a, b) places its event at the officials' office or on a video call."""
    return bool(_re("home").search(text, a, b) or _re("remote").search(text, a, b))


def at_home(text: str, start: int, end: int) -> bool:
    """Whether the venue at [start, end) is, or is in, the officials' own office (a press room
    at Government House, ตึกสันติไมตรี): no site visited, and no place (nlp.places asks it of
    the address after ณ that a place ends)."""
    line_end = text.find("\n", end)
    stop = min(end + HOME_REACH, len(text) if line_end < 0 else line_end)
    return bool(_re("home").search(text, start, stop))


def _agency_room(place: str) -> bool:
    """A room of a government office (ห้องประชุม 401 สำนักงานนโยบาย…): the officials' own."""
    return place.startswith("ห้อง") and "สำนักงาน" in place


# a ministry and the province it stands in (ที่กระทรวงสาธารณสุข จ.นนทบุรี): that province is the
# ministry's address, not a province hall's room
_SEAT = re.compile(r"(?:ห้อง[^\s]*\s*)?กระทรวง[\u0e01-\u0e4e]+\s*(?:จ\.|จังหวัด)\s*[\u0e01-\u0e4e]+")
# … and named after the unit of the ministry a place starts with (the space before จ. keeps out
# a provincial office's name, ศูนย์ราชการกระทรวงแรงงานจังหวัดมหาสารคาม)
_SEAT_IN = re.compile(r"กระทรวง[\u0e01-\u0e4e]+\s+(?:จ\.|จังหวัด)\s*[\u0e01-\u0e4e]+")
_ORG = re.compile(r"(?:กระทรวง|กรม|สำนักงาน)([\u0e01-\u0e4e]+)")


def _subjects_own(doc: Doc, a: int, b: int, place: str) -> bool:
    """Whether an agency's venue belongs to the body of the line's first official (who is its
    subject): a minister's own ministry (any office named after it: สำนักงานกองทุนยุติธรรม of
    the Ministry of Justice), not a department (กรมบังคับคดี, which GUIDE.md counts as visited)
    and not a ministry inspected by a Prime Minister or a deputy, whose office is Government
    House. A line naming no official keeps the venue as the officials' own."""
    positions = sorted((s, e) for s, e, label in doc.claimed.covering(a, b) if label == "position")
    if not positions:
        return True
    s, e = positions[0]
    own = _ORG.search(doc.text, s, e)
    if own is None:
        return False
    name = own.group(1).rstrip("ฯ")
    venue = [m.group(1).rstrip("ฯ") for m in _ORG.finditer(place)]
    return name in place or any(v and name.startswith(v) for v in venue)


_BODY = re.compile(r"\s*((?:กรม|สำนักงาน)[\u0e01-\u0e4e]+)")


def _visits_venue(text: str, j: int, place: str) -> bool:
    """The field word ending at j names as what it visits the body whose building the venue
    is (ตรวจเยี่ยมสำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม… ณ ห้องประชุม… อาคารสำนักงานมาตรฐาน
    ผลิตภัณฑ์อุตสาหกรรม): a visit to a unit's premises, as to a department's, even of the
    officials' own ministry; only the ministry's own building is their office."""
    m = _BODY.match(text, j)
    return m is not None and m.group(1) in place


def _site_next(place: str) -> bool:
    """ที่ชุมชนX, ที่โรงเรียนX: a named site follows."""
    from nlp.sites import site_heads

    return site_heads().match(place) is not None


def _province_next(place: str) -> bool:
    return bool(_re("province_hall").match(place) or _province_names().match(place))


def negated(text: str, i: int, cue: str) -> bool:
    """The visit word at i is part of a [not] word (มอบหมาย, เปิดให้สัญจร, ณ วันที่): no visit."""
    for w in _cues()["not"]:
        k = w.find(cue)
        if k >= 0 and text.startswith(w, i - k) and i >= k:
            return True
    return False


@cache
def _clause_end() -> re.Pattern[str]:
    """A space and a word that starts a new clause (โดย, เพื่อ, กล่าว …): the venue ends there."""
    from nlp.lexicon import words

    return re.compile(rf"\s(?:{alternation(words('clause_stops.txt'))})")


def _event_in(text: str, a: int, b: int) -> bool:
    """Whether [a, b) tells of an event (…เปิดเผยว่า รมว. เป็นประธานการประชุม… ณ โรงแรม…): a
    place after a speech word is the reported event's only then."""
    where = _cues()["where"]
    return any(
        m.group() not in where and not text.endswith(EARLIER_EVENT, a, m.start())
        for m in _re("visit").finditer(text, a, b)
    )


# what an event led to (…เปิดเผยว่า จากการประชุมรัฐมนตรีอาเซียน… เมื่อวันที่ … ณ กรุง…, and
# then the post's news): an earlier event, not the one reported
EARLIER_EVENT = "จากการ"


@cache
def _title_heads() -> tuple[str, ...]:
    from nlp.lexicon import words

    return words("institutions.txt") + words("positions.txt")


TITLE_REACH = 30  # characters of the word glued before a district or tambon word


def _titled(text: str, i: int, j: int) -> bool:
    """The district or tambon word at [i, j) glued after a title or an office (นายอำเภอ,
    ปลัดอำเภอ, สำนักงานเกษตรอำเภอ): a person or a body, wherever they are (ขอให้ผู้ว่าฯ
    กำชับนายอำเภอ…), not a place named."""
    from nlp.lexicon import ends_with_any

    k = i
    while k > max(0, i - TITLE_REACH) and (
        text[k - 1] in ".ฯ" or "\u0e01" <= text[k - 1] <= "\u0e4e"
    ):
        k -= 1
    heads = _title_heads()
    return k < i and any(
        ends_with_any(glued, heads) is not None for glued in (text[k:i], text[k:j])
    )


# a name (อำเภอเมือง…, อำเภอแม่ลาว: a consonant or a leading vowel) or a number (หมู่ที่ 5)
_NAME_NEXT = re.compile(r"[\u0e01-\u0e2e\u0e40-\u0e44]| ?\d")


def _named(text: str, j: int) -> bool:
    """The district, tambon or village word ending at j names one (อำเภอเมืองน่าน, หมู่ที่ 5),
    not any or all of them (จังหวัดและอำเภอ ทั่วประเทศ, ทุกอำเภอ, อำเภอต่างๆ, อำเภอละ 2 แห่ง)."""
    return _NAME_NEXT.match(text, j) is not None and not text.startswith(_cues()["generic"], j)


def _where(doc: Doc, a: int, b: int) -> str | None:
    """Where the line [a, b) says its event was held: "away", "office" (the officials' own:
    Government House, the ministry's rooms, a video call) or None when it does not say. The
    place runs from ณ / ที่ to the next name or title."""
    text = doc.text
    if _desk(text, a, b):
        return "office"
    said = _re("speech").search(text, a, b)
    # a district or tambon named in what someone says (…เปิดเผยถึงความคืบหน้า… ว่า จากกรณี…
    # บริษัท… ตำบลบ้านไร่ อำเภอเทพสถิต…) is where the matter is, unless an event is told before it
    found = (
        "away"
        if any(
            _named(text, m.end())
            and not _titled(text, m.start(), m.end())
            and (said is None or m.start() < said.start() or _event_in(text, said.end(), m.start()))
            for m in _re("local").finditer(text, a, b)
        )
        else None
    )
    for m in _re("where").finditer(text, a, b):
        if doc.claimed.overlaps(m.start(), m.end()):
            continue
        if negated(text, m.start(), m.group()) or NOT_A_WORD_START.match(text, m.end()):
            continue  # ณ วันที่ …: "as of", no place; the ณ of พลเอกณัฐ: a name's syllable
        end = min(b, m.end() + WHERE_REACH)
        claims = [s for s, _, label in doc.claimed.covering(m.end(), end) if s >= m.end()]
        place = text[m.end() : min(claims, default=end)]
        place = place.split("[")[0].lstrip()  # a headline's [กระทรวง…] tags the agency
        place = _clause_end().split(place, maxsplit=1)[0]  # "… โดยกล่าวว่า กระทรวง…" is not it
        # กระทรวงสาธารณสุข จ.นนทบุรี: the ministry and its address, also after the unit of it
        # the place starts with (ที่ศูนย์ปฏิบัติการ… กระทรวงสาธารณสุข จ.นนทบุรี), a department
        # (ที่กรม…) aside
        seat = _SEAT.match(place) or (None if place.startswith("กรม") else _SEAT_IN.search(place))
        venue = m.group() == "ณ" or place.startswith(VENUE_WORDS) or seat is not None
        hall = _re("province_hall")
        in_province = (
            hall.search(place, seat.end()) or hall.search(place, 0, seat.start())
            if seat
            else hall.search(place)
        )
        own = venue and not in_province and (_re("ministry").search(place) or _agency_room(place))
        if not own and m.group() != "ณ" and not (_province_next(place) or _site_next(place)):
            continue  # ที่ / บริเวณ are also conjunctions: a place only with a province or a site
        if m.start() not in doc.tokens.starts:
            continue  # asked last: segmenting the line is the dearest test
        if own:
            field = [f for f in _re("field").finditer(text, a, b) if not _agent(text, f.start())]
            if not field or (  # not ผู้ตรวจราชการ
                _subjects_own(doc, a, b, place)
                and not any(_visits_venue(text, f.end(), place) for f in field)
            ):
                return "office"
            found = "away"  # an inspection of another body's premises: the officials went there
            continue
        if said is None or m.start() < said.start() or _event_in(text, said.end(), m.start()):
            found = "away"  # not the seat of an office that data or a claim comes from
    return found


def _first_story(doc: Doc, spans: list[tuple[int, int]], title: str | None) -> int | None:
    """The index of the first story line among a body's lead spans (not a headline, not a
    short subheading): the line that opens the news."""
    if doc.source != "body":
        return None
    heading = _key(TITLE_PREFIX.sub("", title or ""))[:HEADING_KEY]
    for n, (a, b) in enumerate(spans):
        line = doc.text[a:b]
        if len(line) >= STORY_MIN and not (heading and _key(line)[:HEADING_KEY] == heading):
            return n
    return None


def reports_visit(
    docs: list[Doc], visit_words: Callable[[Doc, int, int], list[int]], title: str | None
) -> bool:
    """The post-level decision. `visit_words(doc, a, b)` finds a field's visit words (outside
    names, site names and clauses about another event)."""
    from nlp.dates import page_date

    # the headline repeated in the body is compared with the title as normalised, as the body
    # is (‘…’ written '…', a zero-width space dropped): the raw title would not match it
    title = next((doc.text for doc in docs if doc.source == "title"), title)
    field, travel, ceremony = _cues()["field"], _cues()["travel"], _cues()["ceremony"]
    heading = _key(TITLE_PREFIX.sub("", title or ""))[:HEADING_KEY]
    page = next((page_date(doc.text) for doc in docs if doc.source == "body"), None)
    if title and _re("summary").search(title):
        return False
    fields = [
        (doc, _title_span(doc) if doc.source == "title" else lead_spans(doc, title)) for doc in docs
    ]
    # a lead that places its event at the officials' office places the headline's there too
    where = [_where(doc, a, b) for doc, spans in fields for a, b in spans]
    office = "office" in where
    away = "away" in where and not office
    # a lead that names no place at all (no ณ, no district, no province) places no inspection
    # away: รมว. ตรวจความพร้อมสินค้าในรถคาราวาน… may be made at the ministry's own door; only a
    # trip word ([travel]: ลงพื้นที่, เดินทางไป…) says by itself that the officials went out
    placed = any(where) or any(
        _province_names().search(doc.text, a, b) for doc, spans in fields for a, b in spans
    )
    found = False
    plans: dict[str, bool] = {}  # per field: its story line (or title) tells of a plan
    story_goes = received = False
    for doc, spans in fields:
        text = doc.text
        last_plan = False
        schedule = False  # a line read announces a schedule (…มีกำหนดการดังนี้)
        for n, (a, b) in enumerate(spans):
            # a visit word inside a quote (…โดยกล่าวว่า "… จากการลงพื้นที่ ไม่พบปัญหา…") is what
            # someone said, not what the lead reports done
            words = [
                i
                for i in visit_words(doc, a, b)
                if not _agent(text, i)
                and not _modal(text, i, a)
                and not doc.claimed.overlaps(i, i + 1, ("quote",))
            ]
            # a line that announces a schedule, and the lines after it (เวลา 13.00 น. นายกฯ
            # เดินทางถึง…), tell of what is to come
            schedule = schedule or _re("schedule").search(text, a, b) is not None
            headline = doc.source == "title" or bool(
                heading and _key(text[a:b])[:HEADING_KEY] == heading
            )
            standing = [] if schedule else [i for i in words if not _planned(text, i, a)]
            said = _re("speech").search(text, a, b)
            # ณ / ที่ alone tell where something happened, unless it is only reported; after a
            # speech word, where an event told between them was held (…ให้สัมภาษณ์ว่า ได้นำคณะ
            # เข้าร่วมการประชุม… ณ สำนักงานใหญ่สหประชาชาติ), as _where reads it
            deeds = [
                i
                for i in standing
                if not _re("where").match(text, i)
                or said is None
                or i < said.start()
                or _event_in(text, said.end(), i)
            ]
            goes = [i for i in deeds if any(text.startswith(w, i) for w in field)]
            # a plan word after what was done tells its purpose (…เปิดป้ายอุทยาน เตรียมรับ
            # นักท่องเที่ยว), not a plan
            first = min(standing, default=b)
            # … and so does a coming date anywhere in a line that names no one: an agency's
            # release for an event still to come (ธ.ก.ส.นำผลิตภัณฑ์… ร่วมงาน… ณ … 10-13 พ.ค. นี้)
            nobody = n == _first_story(doc, spans, title) and not doc.claimed.overlaps(
                a, b, ("name",)
            )
            # a plan word in a headline with no visit word (nor a clause about an event planned,
            # "เตรียมจัดงาน…") plans something else (ก.อุตสาหกรรม จับมือ UNIDO…
            # และเตรียมวางยุทธศาสตร์…: a policy; รมช. เชิญชวนบริโภคกุ้ง ภายในงาน…), not a trip
            plan = bool(
                words
                and not standing
                or _plan_in(text, a, first)
                and not (headline and not words and not doc.claimed.overlaps(a, b, OTHER))
                or _dates_to_come(text, a, b if nobody else first, page)
            )
            # a line that only places what the line before it told (ระหว่างวันที่ … ณ กรุง…
            # below "มีกำหนดเดินทาง…") continues that line's plan
            places_only = bool(standing) and all(_re("where").match(text, i) for i in standing)
            # … and so does one that places an announcement of what comes next week (ณ ทำเนียบ
            # รัฐบาล โฆษก… เปิดเผยภารกิจ…ในสัปดาห์หน้าว่า … การลงพื้นที่…)
            coming = len(words) > len(standing) and _re("coming").search(text, a, b) is not None
            plan = plan or places_only and (last_plan or coming)
            last_plan = plan
            if doc.source == "title" or n == len(spans) - 1:
                plans[doc.source] = plan and not goes
                story_goes = story_goes or doc.source == "body" and bool(goes)
                # the story line's officials first receive someone (ให้การต้อนรับคณะ…): the
                # guests made the visit, the officials stayed at their office
                if doc.source == "body" and deeds and not goes:
                    received = any(text.startswith(w, deeds[0]) for w in _cues()["receive"])
            for i in deeds:
                if headline and _re("reveal").search(text, a, i):
                    continue  # X เผยผล… หลังชุดปฏิบัติการลงพื้นที่…: a statement's headline
                # at the office, a trip someone speaks of (เผยถึงภารกิจเดินสายพบปะสื่อมวลชน) is
                # reported, not made
                told = said is not None and said.start() < i and not text.endswith("การ", 0, i)
                moved = any(text.startswith(w, i) for w in travel)
                travelled = moved and not told
                went = i in goes and (not office or travelled) and (moved or placed)
                ceremonial = any(text.startswith(w, i) for w in ceremony)
                found = found or went or (ceremonial and not office) or away
    # a story line that tells of a plan makes its headline one; a headline's plan counts only
    # when the story line reports no field visit
    planned = plans.get("body", False) or plans.get("title", False) and not story_goes
    return found and not planned and not received
