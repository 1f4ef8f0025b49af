"""Provinces, districts and subdistricts, read against the DOPA gazetteer (via `geothai`).

A name is only a place when the gazetteer knows it (one edit of tolerance for a post's spelling,
reported under the gazetteer's name), and only a place *visited* when it is not part of a title,
an organisation's or a thing's name, a surname, a list of a province group's members, an
enumeration or a statistic (beneficiaries, target areas), the extent of an area a decree or a
grant describes, or the address of the officials' own office. `อ.เมือง` takes its province
from the words around it; a district or subdistrict name shared by several provinces is settled
by the places the same post names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from nlp.decision import AGENT, AGENT_REACH, at_home
from nlp.document import Spans
from nlp.gazetteer import BANGKOK, Area, gazetteer
from nlp.lexicon import alternation, ends_with_any, sections, words

_L = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e"  # Thai letters and marks (not ฯ or digits)
_RUN = re.compile(f"[{_L}]+(?:-[{_L}]+)*")  # a hyphen inside a name: สุไหงโก-ลก
_MOO = re.compile(r"(?:หมู่(?:ที่)?|ม\.)\s?(\d{1,2})(?!\d)")
_FOLLOW = (
    "จังหวัด",
    "จ.",
    "อำเภอ",
    "อ.",
    "ตำบล",
    "ต.",
    "เขต",
    "แขวง",
    "หมู่",
    "และ",
    "ซึ่ง",
    "โดย",
    "เพื่อ",
    "ที่",
    "ใน",
    "ของ",
    "ได้",
    "พร้อม",
    "จาก",
    "ให้",
)
_CHAIN_WINDOW = 60
_GROUP_WINDOW = 80
_GROUP_MARKERS = ("กลุ่มจังหวัด", "เขตตรวจราชการ")  # the provinces an inspector's zone holds
SPACED_HEAD = 4  # letters an office or title word needs to name one across a space
_LOCATIVE = ("ที่", "ณ", "ใน", "พื้นที่", "เยือน", "ไป", "ไปยัง", "สู่", "ทั่ว", "ยัง", "ลงพท.")


@dataclass
class PlaceMention:
    level: str
    start: int
    end: int
    written: str
    candidates: list[Area]
    rule: str
    visited: bool = True
    why_not: str = ""
    area: Area | None = None
    bare_city: bool = False  # อ.เมือง with the province left to context
    fuzzy: bool = False  # written one edit away from the gazetteer's name
    attrs: dict[str, object] = field(default_factory=dict)

    @property
    def value(self) -> str | None:
        if self.area is not None:
            return self.area.name
        names = {a.name for a in self.candidates}
        return names.pop() if len(names) == 1 else None


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    g = gazetteer()
    provinces = list(g.by_name["province"]) + list(g.province_alias)
    return {
        "province_prefixed": re.compile(r"(?:จังหวัด|(?<!\.)จ\.)\s?"),
        "province_name": re.compile(alternation(provinces)),
        "district": re.compile(r"(?:กิ่งอำเภอ|อำเภอ|(?<!\.)อ\.)\s?"),
        "district_bare_o": re.compile(rf"(?<![{_L}.])อ\s+"),
        "bkk_district": re.compile(r"เขต\s?"),
        "subdistrict": re.compile(r"(?:ตำบล|(?<!\.)ต\.)\s?"),
        "bkk_subdistrict": re.compile(r"แขวง\s?"),
    }


def _lookup(
    level: str, text: str, pos: int, *, exact_only: bool = False
) -> tuple[int, list[Area], bool]:
    """The gazetteer name written at `pos`: (length written, areas, spelled differently),
    longest exact name first, then a one-edit match that ends where the word does."""
    g = gazetteer()
    run = _RUN.match(text, pos)
    if not run:
        return 0, [], False
    word = run.group()
    fallback: tuple[int, list[Area], bool] = (0, [], False)
    for length in range(min(len(word), g.max_len[level]), 1, -1):
        areas = g.exact(level, word[:length])
        if not areas:
            continue
        rest = word[length:]
        if not rest or text.startswith(_FOLLOW, pos + length):  # ".. อ.สามเงาจ.ตาก"
            return length, areas, False
        if not fallback[1] and length >= 3:
            fallback = (length, areas, False)
    if not exact_only and len(word) >= 4:
        near = g.near(level, word)
        if near:
            return len(word), [a for n in near for a in g.exact(level, n)], True
    return fallback


def _glued_before(text: str, pos: int) -> str:
    """The Thai run glued to the left of `pos`, or the space-separated word before it."""
    i = pos
    while i > 0 and (text[i - 1] in "().ฯ" or "\u0e01" <= text[i - 1] <= "\u0e4e"):
        i -= 1
    if i == pos:
        j = pos
        while j > 0 and text[j - 1] == " ":
            j -= 1
        k = j
        while k > 0 and (text[k - 1] in ".ฯ" or "\u0e01" <= text[k - 1] <= "\u0e4e"):
            k -= 1
        return text[k:j] if j < pos else ""
    return text[i:pos]


@cache
def _institutions() -> tuple[str, ...]:
    return words("institutions.txt") + words("positions.txt")


@cache
def _visit_words() -> tuple[str, ...]:
    """Visit words long enough not to hide inside another word (the ที่ of เที่ยว)."""
    cues = sections("visit_cues.txt")
    return tuple(w for w in cues["visit"] + cues["place"] if len(w) >= 4)


def _institution_before(text: str, pos: int, after_place: bool = False) -> bool:
    """An office or a title before the place ("สำนักงานสถิติจังหวัด…"), read after the last
    visit word: "ตรวจราชการจังหวัด…" is an inspection there, "ผู้ตรวจราชการจังหวัด…" a title.
    An office's name glued to the place may run long ("สำนักงานดิจิทัลเพื่อเศรษฐกิจและสังคม
    จังหวัด…"): a สำนัก… word anywhere in it makes it one. Across a space the word before is
    an address's venue ("วิทยาลัยการปกครอง อำเภอ…"): a short head (รอง) inside it, or the end of
    the place just named (จังหวัดนครนายก), is not a title."""
    before = _glued_before(text, pos)
    cut = 0
    for cue in _visit_words():
        i = before.rfind(cue)
        if i >= 0 and not before[:i].endswith("ผู้"):
            cut = max(cut, i + len(cue))
    before = before[cut:]
    if not before:
        return False
    if not ("\u0e01" <= text[pos - 1] <= "\u0e4e"):  # across a space
        if after_place:
            return False
        head = ends_with_any(before, _institutions())
        return head is not None and (len(head) >= SPACED_HEAD or head == before)
    if ends_with_any(before, _institutions()) is not None:
        return True
    return any(w in before for w in _offices())


@cache
def _offices() -> tuple[str, ...]:
    return tuple(w for w in words("institutions.txt") if w.startswith("สำนัก"))


# "จาก" (from) right before a place, or before the bodies in it ("จากหน่วยงานราชการใน…"), or
# before a count ("จาก 3 จังหวัด ได้แก่").
_FROM = re.compile(
    rf"จาก(?P<bodies>[{_L}]{{1,30}}?ใน)?\s?"
    r"(?:\d+\s?(?:จังหวัด|อำเภอ|ตำบล)\s?(?:ได้แก่|คือ)?\s?)?$"
)
_NOT_FROM = ("นอกจาก", "หลังจาก", "ต่อจาก", "แยกจาก")  # besides, after: not an origin
_LIST_GAP = re.compile(r"\s?(?:,|และ|หรือ)?\s?")


def _origin(text: str, p: PlaceMention, prev: PlaceMention | None) -> bool:
    """Where participants come from ("ผู้ประกอบการจากจังหวัดA B และC ร่วมออกร้าน"), and the
    places listed or chained after it: not where the visit is. The officials' own travel
    ("เดินทางจากจังหวัดA ไปยังจังหวัดB") is left to the other rules."""
    after_origin = prev is not None and prev.why_not == "origin" and prev.end <= p.start
    if after_origin and _LIST_GAP.fullmatch(text, prev.end, p.start):  # type: ignore[union-attr]
        return True
    m = _FROM.search(text, max(0, p.start - 60), p.start)
    if not m:
        return False
    bodies = m.group("bodies") or ""
    if bodies.startswith("นั้น") or any(cue in bodies for cue in _visit_words()):
        return False  # "จากนั้นลงพื้นที่ใน…": then, not from
    before = _glued_before(text, m.start()) + "จาก"
    if ends_with_any(before, _NOT_FROM):
        return False
    travel = before.endswith("เดินทางจาก") and not before.endswith("ที่เดินทางจาก")
    return not travel


def _in_group_list(text: str, pos: int) -> bool:
    """Inside "(…)" after กลุ่มจังหวัด… or เขตตรวจราชการที่…: the members of a province group,
    not places visited."""
    open_ = text.rfind("(", max(0, pos - _GROUP_WINDOW), pos)
    if open_ < 0 or ")" in text[open_:pos] or "\n" in text[open_:pos]:
        return False
    before = text[max(0, open_ - _GROUP_WINDOW) : open_]
    return any(marker in before for marker in _GROUP_MARKERS)


def find_places(text: str, readable) -> list[PlaceMention]:  # type: ignore[no-untyped-def]
    """Every gazetteer place named in normalised `text`; `readable(start, end)` says which
    spans may be read at all (page furniture may not)."""
    found: list[PlaceMention] = []
    pats = _patterns()
    g = gazetteer()
    taken = Spans()

    def free(a: int, b: int, level: str = "", areas: list[Area] | None = None) -> bool:
        if _glued(text, a) and text.startswith(("จ.", "อ.", "ต."), a):
            # a glued short form only after a locative ("ในพื้นที่จ.ตาก", not "อบต.กะเฉด") or
            # as a link of a chain the gazetteer agrees with ("ต.บ้านนาอ.สามเงาจ.ตาก")
            linked = _chained(text, found, level, a, b, areas or [])
            return (linked or ends_with_any(_glued_before(text, a), _LOCATIVE) is not None) and (
                free_(a, b)
            )
        return free_(a, b)

    def free_(a: int, b: int) -> bool:
        return readable(a, b) and not taken.overlaps(a, b)

    def add(level: str, a: int, at: int, hit: tuple[int, list[Area], bool], rule: str) -> None:
        length, areas, fuzzy = hit
        b = at + length
        if length and areas and free(a, b, level, areas):
            pm = PlaceMention(level, a, b, text[at:b], areas, rule + ("_near" if fuzzy else ""))
            pm.fuzzy = fuzzy
            found.append(pm)
            taken.add(a, b)

    # Districts and subdistricts first: "อำเภอเมืองสุโขทัย" holds a province name.
    for m in pats["district"].finditer(text):
        at = m.end()
        if text.startswith("เมือง", at):
            hit = _lookup("district", text, at, exact_only=True)
            if not hit[1] or hit[0] <= len("เมือง"):
                if free(m.start(), at + 5):
                    pm = PlaceMention("district", m.start(), at + 5, "เมือง", [], "district_city")
                    pm.bare_city = True
                    found.append(pm)
                    taken.add(m.start(), at + 5)
                continue
            add("district", m.start(), at, hit, "district")
            continue
        length, areas, fuzzy = _lookup("district", text, at)
        areas = [a for a in areas if a.province_code != BANGKOK] or areas
        add("district", m.start(), at, (length, areas, fuzzy), "district")
    for m in pats["district_bare_o"].finditer(text):
        hit = _lookup("district", text, m.end(), exact_only=True)
        run = _RUN.match(text, m.end())
        if run and hit[0] == len(run.group()):
            add("district", m.start(), m.end(), hit, "district_o")
    for m in pats["bkk_district"].finditer(text):
        length, areas, fuzzy = _lookup("district", text, m.end())
        areas = [a for a in areas if a.province_code == BANGKOK]
        add("district", m.start(), m.end(), (length, areas, fuzzy), "district_khet")
    for m in pats["subdistrict"].finditer(text):
        add("subdistrict", m.start(), m.end(), _lookup("subdistrict", text, m.end()), "subdistrict")
    for m in pats["bkk_subdistrict"].finditer(text):
        length, areas, fuzzy = _lookup("subdistrict", text, m.end())
        areas = [a for a in areas if a.province_code == BANGKOK]
        add("subdistrict", m.start(), m.end(), (length, areas, fuzzy), "subdistrict_khwaeng")
    for m in pats["province_prefixed"].finditer(text):
        at = m.end()
        pm = pats["province_name"].match(text, at)
        if pm and g.province_of(pm.group()):
            name = g.province_of(pm.group()) or ""
            add(
                "province",
                m.start(),
                at,
                (len(pm.group()), g.exact("province", name), False),
                "province",
            )
            continue
        run = _RUN.match(text, at)
        if run and len(run.group()) >= 4:
            near = g.near("province", run.group())
            if len(near) == 1:
                hit = (len(run.group()), g.exact("province", near[0]), True)
                add("province", m.start(), at, hit, "province")
    for m in pats["province_name"].finditer(text):
        name = g.province_of(m.group())
        if not name or not free(m.start(), m.end()):
            continue
        after = text[m.end() : m.end() + 1]
        alias = m.group() in g.province_alias
        if (
            after
            and ("\u0e01" <= after <= "\u0e4e")
            and not (
                alias and (m.group().endswith(("ฯ", ".")) or text.startswith(_FOLLOW, m.end()))
            )
        ):
            continue  # a longer word that starts like a province (เลยไป, ตากแดด, กรุงเทพพาณิชย์)
        rule = "province_alias" if m.group() in g.province_alias else "province_bare"
        add(
            "province",
            m.start(),
            m.start(),
            (len(m.group()), g.exact("province", name), False),
            rule,
        )
    found.sort(key=lambda p: p.start)
    _judge(text, found)
    _enumerations(text, found)
    _resolve(text, found)
    _attach_moo(text, found)
    return found


VENUE_REACH = 120  # characters an address after ณ runs to the province that ends it
_VENUE_BREAK = re.compile(r"\n|ว่า|โดย|ซึ่ง|เพื่อ|\s(?:และ|พร้อม)")


def _venue_before(text: str, pos: int) -> str | None:
    """The venue a place ends the address of, given after ณ on the same line and in the same
    clause: "ณ โรงแรมปริ๊นซ์ พาเลซ กรุงเทพมหานคร", "ณ อพวช. คลองห้า ปทุมธานี"."""
    at = text.rfind("ณ ", max(0, pos - VENUE_REACH), pos)
    if at < 0 or (at > 0 and not text[at - 1].isspace()):
        return None
    venue = text[at + 2 : pos]
    if not venue.strip() or not venue[-1].isspace() or _VENUE_BREAK.search(venue):
        return None
    return venue


def _at_home(text: str, pos: int) -> bool:
    """The address of the officials' own office ("ณ ทำเนียบรัฐบาล กรุงเทพฯ"): desk work there,
    not a place visited."""
    venue = _venue_before(text, pos)
    return venue is not None and at_home(text, pos - len(venue), pos)


_UP = {
    "subdistrict": ("district", re.compile(r" ?(?:อ\.|อำเภอ)")),
    "district": ("province", re.compile(r" ?(?:จ\.|จังหวัด)")),
}


def _chained(
    text: str, found: list[PlaceMention], level: str, a: int, b: int, areas: list[Area]
) -> bool:
    """A short form glued to the word before it that is a link of a place chain (a post typed
    without spaces: "เขื่อนภูมิพลต.บ้านนาอ.สามเงาจ.ตาก"): the level above follows, naming the
    area's own district or province, or a district of the province ends right before it."""
    if level == "province":
        codes = {c.province_code for c in areas}
        return any(
            p.level == "district"
            and p.end == a
            and any(c.province_code in codes for c in p.candidates)
            for p in found
        )
    if level not in _UP:
        return False
    up, prefix = _UP[level]
    m = prefix.match(text, b)
    if not m:
        return False
    if up == "district":
        _, parents, _ = _lookup("district", text, m.end(), exact_only=True)
        return any(c.district_code == d.code for c in areas for d in parents)
    g = gazetteer()
    name = _patterns()["province_name"].match(text, m.end())
    code = (
        next((q.code for q in g.exact("province", g.province_of(name.group()) or "")), None)
        if name
        else None
    )
    return code is not None and any(c.province_code == code for c in areas)


def _glued(text: str, pos: int) -> bool:
    """A Thai letter right before `pos`: the place is written as the end of a longer word."""
    return pos > 0 and "\u0e01" <= text[pos - 1] <= "\u0e4e"


def _after_place(text: str, found: list[PlaceMention], i: int) -> bool:
    """The mention follows the one before it across spaces only (จังหวัดนครนายก ปราจีนบุรี)."""
    return i > 0 and not text[found[i - 1].end : found[i].start].strip()


def _judge(text: str, found: list[PlaceMention]) -> None:
    """Decide which mentions are places visited."""
    for i, p in enumerate(found):
        if _dateline(text, p):
            p.visited, p.why_not = False, "dateline"
        elif _institution_before(text, p.start, _after_place(text, found, i)):
            p.visited, p.why_not = False, "institution"
        elif _in_group_list(text, p.start):
            p.visited, p.why_not = False, "province_group"
        elif _origin(text, p, found[i - 1] if i else None):
            p.visited, p.why_not = False, "origin"
        elif _at_home(text, p.start):
            p.visited, p.why_not = False, "home"
        elif _in_name(text, p.start):
            p.visited, p.why_not = False, "in_name"
        elif _surname(text, p):
            p.visited, p.why_not = False, "surname"
        elif _common_word(p) and not _chain_follows(found, i):
            p.visited, p.why_not = False, "common_word"
        elif p.rule == "province_bare" or p.rule == "province_alias" and _glued(text, p.start):
            before = _glued_before(text, p.start)
            prev = found[i - 1] if i else None
            chained = prev is not None and 0 <= p.start - prev.end <= 4 and prev.visited
            if not (
                ends_with_any(before, _LOCATIVE)
                or chained
                or _venue_before(text, p.start) is not None
            ):
                p.visited, p.why_not = False, "bare_name"
    _extents(text, found)


@cache
def _function_words() -> frozenset[str]:
    return frozenset(words("clause_stops.txt") + words("generic_places.txt"))


def _common_word(p: PlaceMention) -> bool:
    """A place whose name is also a function word (ตำบลและ, ตำบลควร)."""
    return p.level in ("district", "subdistrict") and p.written.strip() in _function_words()


def _chain_follows(found: list[PlaceMention], i: int) -> bool:
    """The next level of the place chain follows: "ตำบลและ อำเภอทุ่งช้าง", not "ตำบลและหมู่บ้าน"."""
    nxt = found[i + 1] if i + 1 < len(found) else None
    return nxt is not None and nxt.level != found[i].level and 0 <= nxt.start - found[i].end <= 4


@cache
def _name_heads() -> tuple[str, ...]:
    return words("name_heads.txt")


def _in_name(text: str, pos: int) -> bool:
    """A place glued to the end of a bank's, a port's, a university's or a document's name
    (ธนาคารกรุงเทพ, มหาวิทยาลัยเทคโนโลยีราชมงคลกรุงเทพ): the name's, not a place visited.
    "ในพื้นที่กรุงเทพฯ" is read after the last visit or locative word."""
    if not _glued(text, pos):
        return False
    before = _glued_before(text, pos)
    for cue in (*_visit_words(), "ใน", "ณ", "ที่", "ของ", "และ"):
        i = before.rfind(cue)
        if i >= 0:
            before = before[i + len(cue) :]
    return any(head in before for head in _name_heads())


@cache
def _lineages() -> frozenset[str]:
    return frozenset(words("lineage_surnames.txt"))


def _surname(text: str, p: PlaceMention) -> bool:
    """ "นายเดชาภิวัฒน์ ณ สงขลา", "ปริยรณ พรหมสาขา ณ สกลนคร": a royally granted surname after
    a name, not "at". After an event word ("จัดประชุม ณ เชียงใหม่") the ณ is "at"."""
    if not text.startswith("ณ ", p.start - 2) or "ณ " + p.written not in _lineages():
        return False
    before = _glued_before(text, p.start - 2)
    if not before or not ("\u0e01" <= before[-1] <= "\u0e4e"):
        return False
    return ends_with_any(before, _visit_words() + _LOCATIVE) is None


@cache
def _extent_words() -> tuple[str, ...]:
    return words("extent_words.txt")


# What may stand between two places of one chain or list: commas, และ/หรือ, and a place the
# gazetteer does not know ("ตำบลท่าขนุน และตำบลเขาชะแล อำเภอทองผาภูมิ").
_CHAIN_GAP = re.compile(
    rf"[\s,]*(?:(?:และ|หรือ)\s*)?(?:(?:ตำบล|อำเภอ|ต\.|อ\.|แขวง|เขต)[{_L}-]+[\s,]*(?:และ\s*)?)*"
)


def _extents(text: str, found: list[PlaceMention]) -> None:
    """Districts and subdistricts written after ท้องที่ / ครอบคลุม, and those chained to them:
    the extent of a forest, a park or a plot of land a decree or a grant describes, not where
    the officials went. The province of the chain is left to the other rules."""
    in_extent = False
    for i, p in enumerate(found):
        if ends_with_any(_glued_before(text, p.start), _extent_words()):
            in_extent = True
        elif not (i and _CHAIN_GAP.fullmatch(text, found[i - 1].end, p.start)):
            in_extent = False
        if in_extent and p.level != "province" and p.visited:
            p.visited, p.why_not = False, "extent"


_DATELINE_AFTER = re.compile(r"\s*(?:\(|\d{1,2}\s?[^\d\s]|-\s)")


# A list of places: items joined by commas, และ/หรือ, each maybe with its จังหวัด.
_ITEM_GAP = re.compile(r"\s?(?:,|และ|หรือ)?\s?(?:จังหวัด|จ\.)?\s?")
# What introduces an enumeration (such as, namely, N provinces), maybe with what is counted
# ("ประกอบด้วยสถานประกอบกิจการใน…", "ประกอบด้วย พื้นที่ใน…"): beneficiaries, statistics, a
# programme's members, not the places a visit went to.
_LIST_MARKER = re.compile(
    r"(?:ได้แก่|คือ|อาทิ|เช่น|ประกอบด้วย|รวมถึง|รวมทั้ง|\d+\s?(?:จังหวัด|อำเภอ|ตำบล))"
    rf"\s?(?:[{_L}]{{0,24}}(?:ใน|ที่))?\s?(?:จังหวัด|จ\.)?\s?$"
)
MIN_LIST = 2  # places of one level in a row that make an enumeration
LIST_LEAD = 80  # characters before a list's marker in which a visit word makes it the visit's


@cache
def _counts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A count right after a place ("กรุงเทพมหานคร 4,034 ราย", "นครสวรรค์ ประมาณ 1,000 ลบ.ม."),
    and the count after a list, which may say จำนวน ("…และอุบลราชธานี จำนวน 120 คน"). The
    count may start with the areas it spans ("อำเภอท่ายาง 2 ตำบล 17 หมู่บ้าน", a disaster zone's
    row); an area count alone is a chain's ("ลงพื้นที่จังหวัดน่าน 3 อำเภอ ได้แก่ …")."""
    units = alternation(words("count_units.txt"))
    number = r"\d+(?:[,.]\d+)*\s?"  # not a list's numbering ("5. โครงการ…")
    areas = r"(?:\d+\s?(?:อำเภอ|ตำบล)\s?)*"
    return (
        re.compile(rf"\s?(?:ประมาณ|กว่า)?\s?{areas}{number}{units}"),
        re.compile(rf"\s?(?:จำนวน|รวม|ประมาณ|กว่า)?\s?{areas}{number}{units}"),
    )


def _enumerations(text: str, found: list[PlaceMention]) -> None:
    """Places listed after such as / namely / N provinces (two or more of one level in a row,
    maybe each with its chain) or followed by a count, unless a visit word leads the list ("ลงพื้นที่ 3 จังหวัด
    ได้แก่ …") with no other place between; and a place followed by a count ("กรุงเทพมหานคร
    4,034 ราย"): statistics and beneficiaries, not places visited."""
    single, after_list = _counts()
    run: list[PlaceMention] = []
    for p in [*found, None]:
        if p is not None and run and _joined(text, run[-1].end, p.start):
            run.append(p)
            continue
        levels = Counter(q.level for q in run)
        listed = (
            bool(levels)
            and max(levels.values()) >= MIN_LIST
            and _listed(text, found, run, after_list)
        )
        if listed or _long_list(text, found, run):
            for q in run:
                q.visited, q.why_not = False, "enumeration"
        run = [p] if p is not None else []
    _named_lists(text, found)
    for level in ("province", "district", "subdistrict"):
        mentions = [p for p in found if p.level == level]
        for group in _numbered(text, mentions):
            if _listed(text, found, group, after_list, group[0].attrs["number"]):  # type: ignore[arg-type]
                for q in group:
                    q.visited, q.why_not = False, "enumeration"
        for p in mentions:
            if single.match(text, p.end):
                p.visited, p.why_not = False, "statistic"


NAME_REACH = 60  # characters of a listed thing's name written before its place
# What introduces a list of named things (such as, namely, N places) and the first one's name.
_NAMED_HEAD = re.compile(
    r"(?:ได้แก่|คือ|อาทิ|เช่น|ประกอบด้วย|\d+\s?(?:จังหวัด|อำเภอ|ตำบล|แห่ง))"
    rf"\s?(?P<name>[{_L}\s(),“”\"-]{{1,{NAME_REACH}}})\s$"
)
_NAMED_GAP = re.compile(rf"[\s,]*(?:(?:และ|หรือ)\s*)?(?P<name>[{_L}\s()“”\"-]{{1,{NAME_REACH}}})\s")


@cache
def _name_breaks() -> re.Pattern[str]:
    """What a thing's name does not hold: a verb of the visit, a clause's start, or the ณ
    of a venue ("OTOP 6 จังหวัด ภาคเหนือ ณ ห้องสักทอง …" is where the fair was)."""
    stops = [w for w in words("clause_stops.txt") if len(w) >= 3] + list(_visit_words())
    return re.compile(rf"{alternation(stops)}|(?:^|\s)ณ(?:\s|$)")


def _plain_name(name: str) -> bool:
    return _name_breaks().search(name) is None


def _named_lists(text: str, found: list[PlaceMention]) -> None:
    """Places of a list of named things, each written with its place, after such as / namely
    ("ได้แก่ บึงสีไฟ จังหวัดพิจิตร และบึงบอระเพ็ด จังหวัดนครสวรรค์", "เช่นวิทยาลัยเทคนิคสิชล
    จังหวัดนครศรีธรรมราช วิทยาลัยเทคนิคพังงา จังหวัดพังงา เป็นต้น"): where the things are
    (a network's shelters, a region's crafts, examples), not where the visit went, unless a
    field word leads the list (_led)."""
    runs: list[list[PlaceMention]] = []
    # a place already read as part of a name (วิทยาลัยเทคนิคพังงา) is a word of that name
    for p in (q for q in found if q.visited or q.why_not == "enumeration"):
        gap = _NAMED_GAP.fullmatch(text, runs[-1][-1].end, p.start) if runs else None
        if runs and (
            _joined(text, runs[-1][-1].end, p.start) or (gap and _plain_name(gap["name"]))
        ):
            runs[-1].append(p)
        else:
            runs.append([p])
    for run in runs:
        areas = {(q.level, q.value) for q in run}  # a list names different places
        if max(Counter(level for level, _ in areas).values()) < MIN_LIST:
            continue
        head = _NAMED_HEAD.search(text, max(0, run[0].start - NAME_REACH - 12), run[0].start)
        if (
            head
            and _plain_name(head["name"])
            and not _led(text, found, run, head.start(), run[0].start)
        ):
            for q in run:
                q.visited, q.why_not = False, "enumeration"


LONG_LIST = 4  # different places of one level in a row that make a list without its marker


def _long_list(text: str, found: list[PlaceMention], run: list[PlaceMention]) -> bool:
    """Four or more places of one level in a row that no field word leads ("โดยให้แยกอำเภอ
    บึงกาฬ อำเภอเซกา อำเภอโซ่พิสัย อำเภอบุ่งคล้า … ออกจากเขตการปกครองของจังหวัดหนองคาย"): a
    list written without its marker, of what a law, a plan or a network spans."""
    areas = {(q.level, q.value) for q in run}
    if not run or max(Counter(level for level, _ in areas).values()) < LONG_LIST:
        return False
    # a long itinerary may follow a long lead and other places of it: "ลงพื้นที่เยี่ยมให้กำลังใจ
    # เจ้าหน้าที่ … ตามเส้นทาง 4 สายหลัก ได้แก่ จังหวัดนครปฐม ราชบุรี … อยุธยา สิงห์บุรี อ่างทอง …"
    return not _led(text, [], run, run[0].start, run[0].start, None)


def _joined(text: str, a: int, b: int) -> bool:
    """Two places written as items of one list, or as links of one chain (a list of items
    "จังหวัดสุรินทร์ อำเภอบัวเชด จังหวัดศรีสะเกษ อำเภอภูสิงห์")."""
    return bool(_ITEM_GAP.fullmatch(text, a, b) or _CHAIN_GAP.fullmatch(text, a, b))


_NUMBERING = re.compile(r"(?:^|\s)\(?\d{1,2}[).]\s?$")
NUMBERED_GAP = 300  # characters between two numbered rows of one list


def _numbered(text: str, mentions: list[PlaceMention]) -> list[list[PlaceMention]]:
    """Places that open the numbered rows of a list ("คือ 1) จ.ตรัง มีพื้นที่เฝ้าระวัง … 2) จ.
    พัทลุง …"), grouped by list; each row's place records where its number starts."""
    groups: list[list[PlaceMention]] = []
    for p in mentions:
        m = _NUMBERING.search(text, max(0, p.start - 6), p.start)
        if not m:
            continue
        p.attrs["number"] = m.start()
        if groups and p.start - groups[-1][-1].end <= NUMBERED_GAP:
            groups[-1].append(p)
        else:
            groups.append([p])
    return [g for g in groups if len(g) >= 2]


def _listed(
    text: str,
    found: list[PlaceMention],
    run: list[PlaceMention],
    count: re.Pattern[str],
    first: int | None = None,
) -> bool:
    """Whether a run of places (starting at `first`, its numbering) is an enumeration rather
    than where the visit went."""
    if count.match(text, run[-1].end):
        return True
    first = run[0].start if first is None else first
    marker = _LIST_MARKER.search(text, max(0, first - 60), first)
    return marker is not None and not _led(text, found, run, marker.start(), first)


def _led(
    text: str,
    found: list[PlaceMention],
    run: list[PlaceMention],
    marker: int,
    first: int,
    reach: int | None = LIST_LEAD,
) -> bool:
    """A field word before the list's marker (within `reach`, or anywhere before it on the
    list's line) makes the list the itinerary ("ลงพื้นที่ 3 จังหวัด ได้แก่ …"), unless a place
    of the list's level stands between: then the field word led to that place ("ลงพื้นที่
    ครั้งนี้มีเป้าหมายที่จังหวัดสระแก้ว จังหวัดใกล้เคียง ได้แก่ …"); a province before its
    districts is their chain ("ลงพื้นที่จังหวัดน่าน 3 อำเภอ ได้แก่ …")."""
    line = text.rfind("\n", 0, marker) + 1  # a paragraph's list, not the one before's
    start = line if reach is None else max(line, marker - reach)
    led = _field_word_end(text, start, marker)
    if led is None:
        return False
    levels = {q.level for q in run}
    return not any(led <= q.start < first and q.level in levels for q in found)


@cache
def _field_words() -> tuple[str, ...]:
    """The words of going somewhere (ลงพื้นที่, ตรวจเยี่ยม …): they lead an itinerary, where a
    training (อบรม) or a meeting before a list leads its participants."""
    return sections("visit_cues.txt")["field"]


@cache
def _field_word_re() -> re.Pattern[str]:
    return re.compile(alternation(_field_words()))


def _field_word_end(text: str, a: int, b: int) -> int | None:
    """Where the last field word of [a, b) ends, a deed's, not a title's (ผู้ตรวจราชการ) nor
    an inspection zone's name (เขตตรวจราชการที่ 18): those lead no itinerary."""
    end = None
    for m in _field_word_re().finditer(text, a, b):
        agent = text.rfind(AGENT, max(0, m.start() - AGENT_REACH), m.start())
        if agent >= 0 and " " not in text[agent : m.start()]:
            continue
        if any(text.startswith(g, m.end() - len(g)) for g in _GROUP_MARKERS):
            continue
        end = m.end()
    return end


def _dateline(text: str, p: PlaceMention) -> bool:
    """ "กรุงเทพฯ 3 มี.ค. 2565 - …", "เชียงใหม่ - …": a press dateline, not a place visited."""
    line_start = text.rfind("\n", 0, p.start) + 1
    if text[line_start : p.start].strip(" \"'*•>"):
        return False
    return _DATELINE_AFTER.match(text, p.end) is not None


def _next(found: list[PlaceMention], i: int, level: str) -> PlaceMention | None:
    p = found[i]
    for q in found[i + 1 :]:
        if q.start - p.end > _CHAIN_WINDOW:
            return None
        if q.level == level:
            return q
    return None


def _resolve(text: str, found: list[PlaceMention]) -> None:
    context_provinces = {
        a.province_code for p in found if p.level == "province" for a in p.candidates
    }
    for p in found:
        if p.level == "province":
            p.area = p.candidates[0]
    for i, p in enumerate(found):
        if p.level != "district":
            continue
        chain = _next(found, i, "province")
        if p.bare_city:
            prov = chain.area.province_code if chain and chain.area else None
            if prov is None:
                earlier = [q for q in found[:i] if q.level == "province" and q.area]
                if earlier:
                    prov = earlier[-1].area.province_code  # type: ignore[union-attr]
                elif len(context_provinces) == 1:
                    prov = next(iter(context_provinces))
            city = _city_district(prov) if prov else None
            if city is None:
                p.visited, p.why_not = False, "unresolved_city"
                continue
            p.candidates, p.area = [city], city
            continue
        p.area = _choose(
            p.candidates,
            chain.area.province_code if chain and chain.area else None,
            context_provinces,
            "province_code",
        )
    context_districts = {p.area.code for p in found if p.level == "district" and p.area}
    for i, p in enumerate(found):
        if (
            p.level == "district"
            and p.fuzzy
            and not _district_agrees(p, _next(found, i, "province"))
        ):
            p.visited, p.why_not = False, "unknown_name"
    for i, p in enumerate(found):
        if p.level != "subdistrict":
            continue
        chain = _next(found, i, "district")
        if chain and chain.area:
            p.area = _choose(p.candidates, chain.area.code, set(), "district_code")
        else:
            p.area = _choose(p.candidates, None, context_districts, "district_code")
            if p.area is None and len(p.candidates) > 1:
                p.area = _choose(p.candidates, None, context_provinces, "province_code")
        if p.fuzzy and not _agrees(p, chain, context_districts, context_provinces):
            p.visited, p.why_not = False, "unknown_name"


def _district_agrees(p: PlaceMention, chain: PlaceMention | None) -> bool:
    """A district spelled unlike the gazetteer is trusted only when the province written after
    it holds it ("อำเภอบ้านหม้อ จ.อุตรดิตถ์" is not บ้านหมอ of Saraburi)."""
    if p.area is None:
        return False
    return not (chain and chain.area) or p.area.province_code == chain.area.province_code


def _agrees(
    p: PlaceMention, chain: PlaceMention | None, districts: set[str], provinces: set[str]
) -> bool:
    """A name spelled unlike the gazetteer is trusted only where the post's other places agree."""
    if p.area is None:
        return False
    if chain and chain.area:
        return p.area.district_code == chain.area.code
    return p.area.district_code in districts or p.area.province_code in provinces


def _choose(candidates: list[Area], key: str | None, context: set[str], attr: str) -> Area | None:
    if key is not None:
        fit = [a for a in candidates if getattr(a, attr) == key]
        if fit:
            return fit[0] if len(fit) == 1 else None
    fit = [a for a in candidates if getattr(a, attr) in context]
    if len(fit) == 1:
        return fit[0]
    return candidates[0] if len(candidates) == 1 else None


def _city_district(province_code: str) -> Area | None:
    g = gazetteer()
    name = "เมือง" + g.province_name[province_code]
    areas = g.exact("district", name)
    return areas[0] if areas else None


def _attach_moo(text: str, found: list[PlaceMention]) -> None:
    for m in _MOO.finditer(text):
        for p in found:
            if p.level in ("subdistrict", "district") and 0 <= p.start - m.end() <= 40:
                p.attrs.setdefault("moo", m.group(1))
                break
