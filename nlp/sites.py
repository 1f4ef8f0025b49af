"""Sites visited: named places (schools, community centres, halls, hospitals, temples,
stations, offices, villages...), as written, with their type.

A site is a type word from site_types.tsv at a word start, followed by its name, cut where the
clause goes on ("ศูนย์ดิจิทัลชุมชนวัดบูรพา ต.ทุ่งแต้" → ศูนย์ดิจิทัลชุมชนวัดบูรพา). A type word
with no name after it is generic (ศูนย์ดิจิทัลชุมชนแห่งนี้) unless it is pinned to a named host
with ณ ("ศูนย์การเรียนรู้ ICT ชุมชน ณ โรงเรียน…"). Words that also name organisations met
elsewhere (บริษัท, สำนักงาน) count only right after a visit word or in a list of sites.
Villages are บ้าน + name where a village number, a place chain or a visit word vouches for them;
after ณ, a short unknown name is a site too (ณ ครัวชวนชม).
A place named as a body that acts or is told to act (โรงเรียนยังมี…, ขอให้โรงพยาบาล…), whom to
call (…สายด่วน 1300), a figure of a water report (เขื่อน… มีปริมาณน้ำ…), the university of a
faculty just named, and the places a report counts (มีสนามสอบ 8 แห่ง ได้แก่ …) are not places
visited, unless a visit word leads to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from nlp.document import Spans, Tokens
from nlp.lexicon import alternation, ends_with_any, sections, starts_with_any, table, words
from nlp.normalize import clean

_L = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e"
_NAME_CHAR = re.compile(rf"[{_L}A-Za-z0-9.\-]")
_PAREN = re.compile(r"\s?\(([^()\n]{1,30})\)")
_ROOM_TAIL = re.compile(r"(?:\s?\d{1,3})?(?:\s(?:ชั้น|ชั้นที่)\s?\d{1,2})?\s")
_MOO_BEFORE = re.compile(r"(?:หมู่(?:ที่)?|ม\.)\s?\d{1,2}\s?$")
# The words an administrative place starts with (ตำบล…, อ.…): a place chain after a site.
_ADMIN = ("อำเภอ", "อ.", "ตำบล", "ต.", "จังหวัด", "จ.", "เขต", "แขวง")
_ADMIN_RE = "|".join(map(re.escape, _ADMIN))
# Words glued before a site word that make it a kind of place: every, each, a network of.
_KIND_BEFORE = ("ทุก", "แต่ละ", "เครือข่าย")
_PLACE_AFTER = re.compile(rf"\s?(?:ณ\s)?(?:หมู่|ม\.\d|{_ADMIN_RE})")
# A word that is itself a place (ตำบลX, อ.X, หมู่ 3): never more of a site's name.
_PLACE_WORD = re.compile(rf"(?:กิ่งอำเภอ|หมู่|ม\.\s?\d|{_ADMIN_RE})")
_CUE_WINDOW = 30
_NAME_MAX = 100
# "จำนวน 11 แห่ง": the count word may come before the number.
_COUNT_AFTER = re.compile(r"\s?(?:จำนวน\s?)?\d+\s?(?:แห่ง|จุด|หมู่บ้าน|ตำบล|อำเภอ|จังหวัด|โรง)")
# After a name, words that make it a kind of place: "สถานีทดลองต่างๆ", "ศูนย์เรียนรู้…ทั่วประเทศ".
_KIND_AFTER = re.compile(r"\s?(?:หลาย|ใด|ต่างๆ|ต่าง ๆ|ทั่วประเทศ|ทุกแห่ง|ทุกจังหวัด|ทั้งหมด|ทั้ง \d+ แห่ง)")
# A count right before a site word: kinds of place counted ("4 เขื่อนหลัก", "10 โรงพยาบาลชุมชน").
_COUNT_BEFORE = re.compile(r"(?<![\d.,:/])\d{1,3}\s?$")
# Words that, between a visit word and a site, show the site is in another clause.
_GAP_STOPS = ("ให้", "ได้", "เป็น", "และ", "จาก", "ซึ่ง", "โดย", "เพื่อ", "กับ", "แก่", "ว่า")
# A name in Latin letters after the type word and a space: up to four capitalised words.
_LATIN_NAME = re.compile(r" [A-Z][A-Za-z&'.\-]*(?: [A-Z][A-Za-z&'.\-]*){0,3}")
_BRANDED = ("hotel", "mall", "building", "company")  # the kinds of venue a brand names
_COMPANY = re.compile(r"บริษัท\s?([^\n]{1,40}?)\s?จำกัด(?:\s?\(มหาชน\))?")


@dataclass
class SiteMention:
    start: int
    end: int
    type: str
    rule: str
    attrs: dict[str, object] = field(default_factory=dict)


def _key(head: str) -> str:
    return re.sub(r"\s+", "", head)


@cache
def _types() -> dict[str, tuple[str, str]]:
    return {_key(head): (kind, needs) for head, kind, needs in table("site_types.tsv")}


@cache
def site_type_labels() -> dict[str, str]:
    """Each type of site (site_types.tsv) with the Thai a reader names it by."""
    return {kind: clean(label) for kind, label in table("site_type_labels.tsv")}


def site_type_named(typed: str) -> str | None:
    """The type a reader means by its name (school), its Thai label (โรงเรียน) or a head word
    of site_types.tsv (วิทยาลัย, รพ.สต.); None when it names no type."""
    wanted = _key(clean(typed)).lower()
    labels = site_type_labels()
    # Latin names with or without their underscore (community centre, community_centre).
    by_name = {_key(kind.replace("_", "")): kind for kind in labels}
    by_name |= {_key(label): kind for kind, label in labels.items()}
    return by_name.get(wanted.replace("_", "")) or _types().get(wanted, (None, ""))[0]


@cache
def site_heads() -> re.Pattern[str]:
    """The type words a site's name starts with (site_types.tsv)."""
    return re.compile(alternation(row[0] for row in table("site_types.tsv")))


@cache
def _cut_words() -> tuple[str, ...]:
    return words("generic_places.txt") + words("glued_stops.txt") + words("site_name_stops.txt")


@cache
def _not_sites() -> tuple[str, ...]:
    return words("not_sites.txt")


@cache
def _place_cues() -> tuple[str, ...]:
    return sections("visit_cues.txt")["place"]


@cache
def _members() -> dict[str, tuple[str, ...]]:
    return sections("members.txt")


@cache
def _not_before() -> tuple[str, ...]:
    members = _members()["people"] + _members()["from"] + _members()["org"]
    return words("positions.txt") + members + words("institutions.txt")


@cache
def _meet_words() -> tuple[str, ...]:
    cues = sections("visit_cues.txt")
    return cues["meet"] + tuple(w for w in cues["place"] if w not in ("ณ", "ที่"))


# Words that open a new clause: a visit word before them does not reach the people after them.
_CLAUSE_OPENERS = re.compile(r"โดย|ซึ่ง|ทั้งนี้|อีกทั้ง|นอกจากนี้|ขณะที่")
_MEET_REACH = 150


def _met_there(text: str, pos: int, tokens: Tokens, readable) -> bool:  # type: ignore[no-untyped-def]
    """A visit or meeting word earlier in the clause of the people written at `pos` (a word of
    its own, not the ตรวจ of a title "ผู้ตรวจราชการ")."""
    lo = max(text.rfind("\n", 0, pos) + 1, pos - _MEET_REACH)
    opened = [m.end() for m in _CLAUSE_OPENERS.finditer(text, lo, pos)]
    lo = opened[-1] if opened else lo
    for word in _meet_words():
        i = text.find(word, lo, pos)
        while i >= 0:
            if i in tokens.starts and text[i - 3 : i] != "ผู้" and readable(i, i + len(word)):
                return True
            i = text.find(word, i + 1, pos)
    return False


_QUOTE_OR_SPACE = " \"'“”‘’«"


def _named_here(text: str, pos: int) -> bool:
    """Whether a naming word (naming_words.txt) comes right before `pos`, glued or across a
    space or an opening quote ("เดิมชื่อวัดลาว", "เรียกว่า วัดอุดม", "ใช้ชื่อว่า “โรงเรียน…")."""
    before = text[max(0, pos - 20) : pos].rstrip(_QUOTE_OR_SPACE)
    return ends_with_any(before, words("naming_words.txt")) is not None


def _after_person(text: str, pos: int, readable) -> bool:  # type: ignore[no-untyped-def]
    """A site written one space after a person's name or title is where the person works or
    comes from ("นายแพทย์สุรสิทธิ์ ปานมณี โรงพยาบาลหาดใหญ่ เป็นหัวหน้าชุด")."""
    return (
        pos >= 2
        and text[pos - 1] == " "
        and re.match(f"[{_L}]", text[pos - 2]) is not None
        and not readable(pos - 2, pos - 1)
    )


#: A hotline or a telephone number right after a name: the body to call, not a place visited.
def _after_staff(text: str, pos: int, tokens: Tokens, readable) -> bool:  # type: ignore[no-untyped-def]
    """A site one space after a word for its staff, with no name between ("ตัวแทนหน่วยงาน
    บริษัท…", "ผู้อำนวยการ โรงเรียน…"): where they work, unless they are met there."""
    if pos < 2 or text[pos - 1] != " ":
        return False
    lo = max(text.rfind(" ", 0, pos - 1), text.rfind("\n", 0, pos - 1)) + 1
    word = starts_with_any(text[lo : pos - 1], _people_words())
    return word is not None and not _met_there(text, lo, tokens, readable)


_CONTACT = re.compile(r"\s?(?:สายด่วน|โทร\.|โทรศัพท์|หมายเลขโทรศัพท์|Call Center)")

#: The kinds of place a water report measures, and the measure written right after the name
#: (its volume or capacity, or a flow "ประมาณ 700 ลบ.ม./วินาที"): a figure of the report, not a
#: place visited (the dam a visit went to is written after its visit word elsewhere).
_WATER_KINDS = frozenset(("dam", "reservoir"))
_MEASURED = re.compile(
    r"\s*(?:ปัจจุบัน|ขณะนี้)?\s?(?:มี)?(?:ปริมาณ|ปริมาตร|ความจุ)"
    r"|\s+ประมาณ\s?[\d,.]+\s?(?:ล้าน\s?)?(?:ลบ\.\s?ม|ลูกบาศก์เมตร)"
)


# Words glued before a place that make it the one told or made to do what follows.
_TOLD = ("ให้", "ทำให้", "ขอให้")


def _told_to(text: str, pos: int, tokens: Tokens) -> bool:
    """Whether ให้ (ทำให้, ขอให้) is glued right before `pos` as a word of its own: "ได้ให้
    โรงพยาบาลวังเหนือ…จัดทีม", the place as a body that acts (ให้แก่/ให้กับ, a recipient, is
    another reading: the gift may be handed over there)."""
    return any(text.endswith(w, 0, pos) and tokens.at.get(pos - len(w)) == w for w in _TOLD)


def _acts(text: str, end: int, tokens: Tokens) -> bool:
    """Whether an auxiliary or a verb of acting_words.txt is glued right after the name that
    ends at `end`, as a word of its own: the place is the subject of the clause."""
    if end == 0 or end >= len(text) or not re.match(f"[{_L}]", text[end - 1 : end + 1]):
        return False
    word = starts_with_any(text[end:], words("acting_words.txt"))
    return word is not None and end in tokens.starts and tokens.boundary(end + len(word))


#: The kinds of place that have faculties and departments (members.txt [unit]).
_UNIT_HOSTS = frozenset(("university", "school", "institute"))


@cache
def _unit_before() -> re.Pattern[str]:
    """A faculty or a department (its name ends with ศาสตร์) and a space, right before `pos`."""
    return re.compile(rf"(?:{alternation(_members()['unit'])})[{_L}]*ศาสตร์ $")


def _after_unit(text: str, pos: int, tokens: Tokens) -> bool:
    """A university written one space after one of its faculties or departments is whose unit
    that is ("คณะเกษตรศาสตร์ มหาวิทยาลัยเชียงใหม่"), unless a visit word leads to the unit."""
    m = _unit_before().search(text, max(0, pos - 60), pos)
    return m is not None and m.start() in tokens.starts and not _has_cue(text, m.start(), tokens)


def _belongs_elsewhere(text: str, start: int, before: str, tokens: Tokens, readable) -> bool:  # type: ignore[no-untyped-def]
    """Whether the words glued before a site make it a title, an office, or the place people
    belong to or come from rather than a place visited. People met at a named place during a
    visit ("พบปะครูและนักเรียนโรงเรียนบ้าน…") are a visit to it."""
    groups = _members()
    of = ends_with_any(before, groups["of"])
    if of and ends_with_any(before[: -len(of)], groups["people"]):
        return True  # นักเรียนของโรงเรียน…
    word = ends_with_any(before, _not_before())
    if word is None:
        return False
    people = ends_with_any(before, _people_words())
    if people is None or len(people) < len(word):
        return True  # an office, or people coming from it (จาก)
    return not _met_there(text, start - len(people), tokens, readable)


@cache
def _people_words() -> tuple[str, ...]:
    """The people of a place: its members, and its staff named by their title
    ("ผู้อำนวยการโรงเรียน…" met there)."""
    return _members()["people"] + words("positions.txt")


def _name_end(text: str, pos: int, tokens: Tokens) -> int:
    """Where the name that starts at `pos` ends: at a space, punctuation, or a token that
    starts a new clause."""
    end = pos
    last = ""  # the token before `end`
    while end < len(text) and _NAME_CHAR.match(text[end]):
        if end > pos and end in tokens.starts:
            tok = tokens.at.get(end, "")
            # a noun that starts with ที่ is more of the name ("…การพัฒนาที่ดิน"), not a clause
            relative = tok.startswith(("ที่", "ซึ่ง")) and tok not in words("thi_nouns.txt")
            cut = tok in _cut_words() or relative or _glued_place(text, end, tok)
            # a verb made a noun by การ/ความ is part of the name ("…เฝ้าระวังการทำการประมง"),
            # and so is what it is from ("สถานคุ้มครองสวัสดิภาพผู้เสียหายจากการค้ามนุษย์")
            cut = cut and last not in _NOMINAL
            cut = cut and not (tok == "จาก" and text.startswith(_NOMINAL, end + len(tok)))
            # "…ชลประทานขนาดใหญ่ที่ 11": a size before an office's number is part of its name
            cut = cut and _NUMBERED.match(text, end + len(tok)) is None
            if cut and not _inside_phrase(text, end) and not _joins_name(text, end, tokens):
                break
            if _NUMBERED.match(text, end):
                break  # "…แรงงานแห่งที่ 2": _extend takes the number whole
        if end in tokens.starts:
            last = tokens.at.get(end, "")
        end += 1
    while end > pos and text[end - 1] in ".-":
        end -= 1
    return end


_NOMINAL = ("การ", "ความ")
_SHORT_ADMIN = {"ต.": "subdistrict", "อ.": "district", "จ.": "province"}


def _glued_place(text: str, pos: int, tok: str) -> bool:
    """A text written without spaces glues the place chain to the name: the word ณ
    ("เขื่อนณเขื่อนภูมิพล"), or ต./อ./จ. and a place of that level ("เขื่อนภูมิพลต.บ้านนา")."""
    from nlp.gazetteer import gazetteer

    if tok == "ณ":  # before another site's word or a place word, not a letter of a name (ชุณหะวัณ)
        return site_heads().match(text, pos + 1) is not None or text.startswith(_ADMIN, pos + 1)
    level = _SHORT_ADMIN.get(tok)
    if level is None:
        return False
    g = gazetteer()
    after = text[pos + 2 : pos + 2 + g.max_len[level]]
    return any(after.startswith(n) for n in g.by_name[level] if len(n) >= 3)


_GLUED_TAIL = re.compile(rf"[{_L}A-Za-z0-9]+")
_PLACE_NEXT = re.compile(rf"\s?(?:{_ADMIN_RE}|\()")
NAME_JOINS = ("และ", "เพื่อ")  # glued inside a name: ศูนย์ฝึกและอบรมเด็ก…, ศูนย์วิทยาศาสตร์เพื่อการศึกษา…


def _joins_name(text: str, pos: int, tokens: Tokens) -> bool:
    """A และ / เพื่อ glued between words (no space) joins two halves of one name, not two
    clauses, when the words glued after it hold no clause or meeting word and the run closes
    the name: a place chain follows (อ.…, จังหวัด…) or it ends with a place's name
    (วิทยาลัยเกษตรและเทคโนโลยีชลบุรี)."""
    from nlp.gazetteer import gazetteer

    tok = tokens.at.get(pos, "")
    if tok not in NAME_JOINS or pos == 0 or text[pos - 1].isspace():
        return False
    run = _GLUED_TAIL.match(text, pos + len(tok))
    if run is None:
        return False
    inside = [tokens.at.get(i, "") for i in range(run.start(), run.end()) if i in tokens.starts]
    if any(t in _joint_stops() and t not in NAME_JOINS for t in inside):
        return False
    if _PLACE_NEXT.match(text, run.end()):
        return True
    last = next(
        (
            tokens.at.get(i, "")
            for i in range(run.end() - 1, run.start() - 1, -1)
            if i in tokens.starts
        ),
        "",
    )
    g = gazetteer()
    if _place_word_ends(text[run.start() : run.end()], exact=True) and _place_word_ends(text[:pos]):
        return False  # "โรงพยาบาลสระบุรีและลพบุรี": the hospitals of two provinces, a list
    return bool(last) and any(g.exact(level, last) for level in ("province", "district"))


def _second_site(text: str, h: int, end: int, tokens: Tokens) -> int | None:
    """Where a second site starts inside the name `text[h:end]` of a site kept: a site word
    glued after และ ("…เครื่องปั้นดินเผาและชุมชนบ้านแก่ง"), which the place chain after the
    pair had joined into one name. Asked only of a site kept, so that the second one shares
    the first one's reading (visited, or met elsewhere)."""
    for m in re.finditer("และ", text[h:end]):
        at = h + m.end()
        head = site_heads().match(text, at)
        if head and h + m.start() in tokens.starts and at in tokens.starts and head.end() < end:
            return at
    return None


def _place_word_ends(text: str, exact: bool = False) -> bool:
    """Whether `text` is (exact) or ends with the name of a province or a district."""
    from nlp.gazetteer import gazetteer

    g = gazetteer()
    for level in ("province", "district"):
        if exact and g.exact(level, text):
            return True
        if not exact and any(text.endswith(n) for n in g.by_name[level] if len(n) >= 4):
            return True
    return False


@cache
def _joint_stops() -> frozenset[str]:
    """Words that start a new clause after a glued และ (…และมอบทุน, …และพบปะ…)."""
    meet = sections("visit_cues.txt")["meet"]
    return _name_stops() | frozenset(meet)


@cache
def _name_phrases() -> tuple[str, ...]:
    return words("name_phrases.txt")


def _inside_phrase(text: str, pos: int) -> bool:
    """Whether `pos` falls inside (or starts) one of the names that hold a clause word."""
    for phrase in _name_phrases():
        i = text.find(phrase, max(0, pos - len(phrase) + 1), pos + len(phrase))
        if 0 <= i <= pos:
            return True
    return False


#: The kinds of place mostly named after a site in them ("ชุมชนวัดกก", "ชุมชนวัดบางบัว"): a
#: site word inside the name of one that is not read as a site is part of that name.
_NAMED_AFTER_SITES = frozenset(("community",))

#: The kinds of place a province has one of, named after it ("เรือนจำจังหวัดกาญจนบุรี",
#: "กศน.จังหวัดลพบุรี"; a district's centre is named after it too: "กศน.อำเภอบ้านหมี่").
_ONE_PER_PROVINCE = frozenset(("prison", "nfe_centre"))
#: The kinds of place named only by the area they serve (กศน.อำเภอบ้านหมี่).
_NAMED_BY_PLACE = frozenset(("nfe_centre",))
_PLACE_NAMED = re.compile(rf"(?:{_ADMIN_RE})\s?[{_L}]{{2,}}")


def _branch_after(text: str, end: int) -> bool:
    """Brackets after a name that name its branch by the district or subdistrict it is in
    ("… (ลาดหลุมแก้ว 2)", "… (สันกำแพง)"): one named place."""
    from nlp.gazetteer import gazetteer

    m = re.match(rf"\s?\(([{_L}]+)", text[end : end + 40])
    g = gazetteer()
    return m is not None and any(
        g.exact(level, m.group(1)) for level in ("district", "subdistrict")
    )


def _generic(text: str, start: int, end: int, tokens: Tokens, kind: str = "") -> bool:
    """No name, or a name that is a function word ("…แห่งนี้", "…ดังกล่าว"), or a count after it
    ("โรงพยาบาลชุมชน 3 แห่ง"): a kind of place, not a place."""
    if end <= start:
        return True
    first = tokens.at.get(start) or text[start:end]
    if first == "ณ" and _glued_place(text, start, first):
        return True  # "ในเขื่อนณเขื่อนภูมิพล": the word ณ glued, the site's name comes after it
    if first.startswith(("ที่", "ซึ่ง")) and first not in words("thi_nouns.txt"):
        return True  # "โรงพยาบาลที่ประกาศนโยบาย…": the hospitals that did so, a kind of place
    if first in _cut_words() or starts_with_any(text[start:end], _cut_words()) == text[start:end]:
        return True
    if kind != "village" and first in _clause_words():  # บ้านช่วง is a village's name
        return True  # "โรงเรียนส่วนใหญ่จัด…", "โรงพยาบาลประมาณ 70%": a grammatical word, no name
    if kind != "village" and text[start:end] in words("kind_names.txt"):  # บ้านใหม่ is a name
        return True  # "โรงพยาบาลเอกชน", "ที่ตลาดต้องการ": a kind of place, or what it does
    if kind in _NAMED_BY_PLACE and not _PLACE_NAMED.fullmatch(text, start, end):
        return True  # "กศน.ตำบล", "กศน.กว่า": a centre is named by its district or province
    branch = _branch_after(text, end)
    if text.startswith(("จังหวัด", "จ."), start) and kind not in _ONE_PER_PROVINCE and not branch:
        # ... unless its own name follows in brackets: "โครงการบ้านเอื้ออาทรจังหวัดปทุมธานี (ลาดหลุมแก้ว 2)"
        return True  # "ศูนย์ดิจิทัลชุมชนจังหวัดเชียงราย": the province's centres, not one
    return _counted(text, end) or _KIND_AFTER.match(text, end) is not None


@cache
def _clause_words() -> frozenset[str]:
    """PyThaiNLP's stopwords that no place's name holds and no site's name begins with
    (name_stopwords.txt): written first after a type word, they go on with the clause."""
    from pythainlp.corpus import thai_stopwords

    from nlp.gazetteer import gazetteer

    g = gazetteer()
    names = "\n".join(n for lv in ("province", "district", "subdistrict") for n in g.by_name[lv])
    held = set(words("name_stopwords.txt"))
    return frozenset(w for w in thai_stopwords() if w not in names and w not in held)


_UNIT_LEVEL = {"จังหวัด": "province", "อำเภอ": "district", "ตำบล": "subdistrict"}


def _counted(text: str, end: int) -> bool:
    """A count right after a name ("โรงพยาบาลชุมชน 3 แห่ง", "ศูนย์… 5 จังหวัด"). A number
    before the place chain is the name's own ("ศูนย์การค้าเทอร์มินอล 21 จังหวัดนครราชสีมา"):
    the unit is glued to the name of a place of its level."""
    from nlp.gazetteer import gazetteer

    m = _COUNT_AFTER.match(text, end)
    if m is None:
        return False
    level = next((lv for unit, lv in _UNIT_LEVEL.items() if m.group().endswith(unit)), None)
    if level is None:
        return True
    g = gazetteer()
    place = re.match(rf"[{_L}]+", text[m.end() : m.end() + g.max_len[level] + 1])
    return not (place and any(place.group().startswith(n) for n in g.by_name[level]))


def _has_cue(text: str, start: int, tokens: Tokens) -> bool:
    """A visit word ends shortly before `start`, in the same clause. One right before it (glued
    or a space before) counts even where the words cut it ("ต่อไป|ยัง|หอประชุม…" holds ไปยัง)."""
    end = start - 1 if text.endswith(" ", 0, start) else start
    glued = ends_with_any(text[max(0, end - 15) : end], _place_cues())
    if glued and len(glued) > 3 and not text.endswith("ผู้", 0, end - len(glued)):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    lo = max(line_start, start - _CUE_WINDOW - 15)
    for pos in range(start - 1, lo - 1, -1):
        if pos not in tokens.starts or text[pos - 3 : pos] == "ผู้":
            continue
        cue = starts_with_any(text[pos:start], _place_cues())
        if cue is None:
            continue
        gap = text[pos + len(cue) : start]
        if len(gap) > _CUE_WINDOW or "\n" in gap:
            return False
        gap_tokens = [tokens.at.get(i, "") for i in range(pos + len(cue), start)]
        return not any(t in _GAP_STOPS for t in gap_tokens if t)
    return False


def find_sites(
    text: str,
    readable: Callable[[int, int], bool],
    tokens: Tokens | None = None,
    places: list[tuple[int, int]] | None = None,
) -> list[SiteMention]:
    """Named sites in normalised `text`. `readable(a, b)` is False where nothing may be read
    (furniture) or where the words belong to a person's name or title. `places` are the spans
    of the place names found: a site word inside one (the เขื่อน of อำเภอคำเขื่อนแก้ว) is part
    of the place's name."""
    tokens = tokens or Tokens(text)
    found: list[SiteMention] = []
    taken = Spans()
    inner = Spans()  # the insides of place names
    for a, b in places or []:
        inner.add(a + 1, b)

    def in_place(pos: int) -> bool:
        return inner.overlaps(pos, pos + 1)

    def free(a: int, b: int) -> bool:
        return readable(a, b) and not taken.overlaps(a, b)

    def keep(s: SiteMention) -> None:
        found.append(s)
        taken.add(s.start, s.end)

    for m in site_heads().finditer(text):
        a, h = m.start(), m.end()
        if not free(a, h) or starts_with_any(text[a:], _not_sites()) or in_place(a):
            continue
        if a not in tokens.starts:  # asked last: segmenting the line is the dearest test
            continue
        kind, needs = _types().get(_key(m.group()), ("other", "visit"))
        before = _glued_before(text, a)
        if _in_village_name(before, a, tokens):
            continue  # the วัด of "บ้านคลองวัดไร่เหนือ": the village rule reads the whole name
        if before.endswith(_KIND_BEFORE) or _COUNT_BEFORE.search(text, max(0, a - 5), a):
            continue  # "ทุกสถานี…", "เครือข่ายสถานีตรวจอากาศ…": every one of a kind, not one place
        elsewhere = before and _belongs_elsewhere(text, a, before, tokens, readable)
        if _named_here(text, a):
            taken.add(a, _name_end(text, h, tokens))
            continue  # "วัดนี้เดิมชื่อวัดลาว": a name told, not a place visited
        if not before and _after_person(text, a, readable):
            taken.add(a, _name_end(text, h, tokens))
            continue  # "นายแพทย์สุรสิทธิ์ ปานมณี โรงพยาบาลหาดใหญ่": where the person works
        if not before and _after_staff(text, a, tokens, readable):
            taken.add(a, _name_end(text, h, tokens))
            continue  # "ที่ปรึกษาอาวุโส บริษัท…", "อดีตเจ้าอาวาส วัด…": where the staff work
        if not before and kind in _UNIT_HOSTS and _after_unit(text, a, tokens):
            taken.add(a, _name_end(text, h, tokens))
            continue  # "ผลงานวิจัยของคณะวิทยาศาสตร์ มหาวิทยาลัยพะเยา": whose faculty it is
        if elsewhere or before.endswith(_ADMIN) or _describes(text, a, tokens):
            # ... or part of a place's name (ตำบลวัดประดู่): nothing inside it is a site either
            taken.add(a, _name_end(text, h, tokens))
            continue
        listed = bool(found) and _listed_after(text, found[-1].end, a)
        if _told_to(text, a, tokens) and not (listed or _has_cue(text, a, tokens)):
            taken.add(a, _name_end(text, h, tokens))  # nothing inside its name is a site either
            continue  # "ขอให้โรงพยาบาลสำรวจ…", "ทำให้โรงเรียนหมดปัญหา": a body told or made to act
        glue = (*_place_cues(), *_members()["of"])
        if needs != "name" and before and not (listed or ends_with_any(before, glue)):
            if kind in _NAMED_AFTER_SITES and site_heads().match(text, h):  # "ในชุมชนวัดวิเศษการ"
                taken.add(a, _name_end(text, h, tokens))
            continue
        end = _name_end(text, h, tokens)
        latin = _LATIN_NAME.match(text, h) if end == h and kind in _BRANDED else None
        if latin:
            end = latin.end()  # "โรงแรม Crowne Plaza"
        elif end == h and kind in _BRAND_KINDS and _AT_BEFORE.search(text, max(0, a - 5), a):
            # "ณ ศูนย์แสดงสินค้าและการประชุม อิมแพ็ค เมืองทองธานี", "ณ โรงแรม เวสทิน แกรนด์"
            tail = _brand_tail(text, h, tokens)
            end = tail if re.search(f"[{_L}A-Za-z]", text[h:tail]) else h
        name = text[h:end]
        company = _COMPANY.match(text, a) if kind == "company" else None
        if company:
            end, name = company.end(), company.group(1)
        if kind == "room":
            room = _room(text, a, h, end, tokens, _has_cue(text, a, tokens))
            if room and free(room.start, room.end):
                # the building is the site (GUIDE.md, after set u); the room with its building,
                # the shared dev corpus's reading, is kept too (GUIDE: uncertain, no error)
                b: SiteMention = room.attrs.pop("building")  # type: ignore[assignment]
                b.end = room.end = _extend(text, b.start, b.end, tokens, "", free, b.type)
                keep(room)
                found.append(b)
            continue
        # a short name is a cut word unless a place chain vouches for it ("ณ ตลาดไท ตำบลคลองหนึ่ง")
        short = len(name) < 3 and not name.isascii() and _PLACE_AFTER.match(text, end) is None
        if _generic(text, h, end, tokens, kind) or short:
            host = re.match(r"\s?(?:ณ\s?)?", text[end:])
            at = site_heads().match(text, end + host.end()) if host else None
            # a centre hosted by a school; "ศูนย์ดิจิทัลชุมชน ณ ศูนย์ดิจิทัลชุมชน…" is one place
            host_kind = _types().get(_key(at.group()), ("",))[0] if at else ""
            # ... by a host with a name: "ศูนย์การเรียนรู้ใน กศน.ตำบล" names no place
            if at and needs != "visit" and host_kind != kind and _host_named(text, at, tokens):
                named = _named_by_host(text, a, at, host.group(), host_kind, tokens, free)
                keep(named or SiteMention(a, end, kind, "site_hosted"))
            continue
        end = _extend(text, a, end, tokens, name, free, kind)
        if end - a > _NAME_MAX or not free(a, end) or _district_named(text, a, end):
            continue
        pinned = _PINNED.match(text, end) is not None  # "ศูนย์… (FMC) ณ กรมประมง": a place
        if needs == "visit" and not (_has_cue(text, a, tokens) or listed or pinned):
            continue
        if _CONTACT.match(text, end):
            continue  # "สามารถแจ้งมาที่ศูนย์ช่วยเหลือสังคม สายด่วน พม. โทร. 1300": whom to call
        if kind in _WATER_KINDS and _MEASURED.match(text, end):
            continue  # "3) เขื่อนแควน้อยบำรุงแดน มีปริมาณน้ำเก็บกัก 144 ล้าน ลบ.ม.": a water report
        if _acts(text, end, tokens) and not (_has_cue(text, a, tokens) or listed):
            continue  # "ทั้งนี้ มหาวิทยาลัยพะเยายังได้นำ…": the body acting, not a place visited
        second = _second_site(text, h, end, tokens)
        if second is not None:  # "ศูนย์พิพิธภัณฑ์…และชุมชนบ้านแก่ง จังหวัด…": two sites visited
            keep(SiteMention(a, second - len("และ"), kind, "site"))
            again = _types().get(_key(site_heads().match(text, second).group()), ("other",))[0]  # type: ignore[union-attr]
            keep(SiteMention(second, end, again, "site"))
            continue
        keep(SiteMention(a, end, kind, "site"))
    _villages(text, tokens, lambda a, b: free(a, b) and not in_place(a), keep)
    _after_na(text, tokens, free, keep)
    found.sort(key=lambda s: s.start)
    listed = _beneficiaries(text)
    examples = _examples(text, tokens)
    found = [s for s in found if not listed.overlaps(s.start, s.start + 1)]
    found = [s for s in found if not examples.overlaps(s.start, s.start + 1)]
    found = _without_run_ons(text, [_clause_cut(text, s, tokens) for s in found], tokens)
    return _without_short_names(text, _without_hosts(text, found))


def _without_run_ons(text: str, found: list[SiteMention], tokens: Tokens) -> list[SiteMention]:
    """A site written once on its own ("…ลงพื้นที่ตลาดประชานิเวศน์ ตาม…") and elsewhere with
    the words of its clause glued after it ("ตลาดประชานิเวศน์คุมเข้มมาตรการ", "วัดยานนาวามอบเงิน")
    is the one site: the glued writing ends where the clean one does. Only where the clean
    writing is a whole name: it ends with its own name (a word no dictionary holds, or a
    place's name) or its address follows it ("ตลาดประชานิเวศน์ เขตจตุจักร"), not with the
    common word of a name cut short ("ศูนย์ดำรงธรรม" of "ศูนย์ดำรงธรรมจังหวัด…"); and the words
    after it are not a place ("…จังหวัดยโสธร", "…เชียงใหม่")."""
    ends = {
        text[s.start : s.end]
        for s in found
        if _ends_clean(text, s.end)
        and not _name_follows(text, s.start, s.end)
        and (_own_name_ends(text, s.start, s.end, tokens) or _PLACE_AFTER.match(text, s.end))
    }
    out: list[SiteMention] = []
    for s in found:
        name = text[s.start : s.end]
        cut = max(
            (
                len(c)
                for c in ends
                if len(c) < len(name)
                and name.startswith(c)
                and s.start + len(c) in tokens.starts
                and re.match(f"[{_L}]", name[len(c)])
                and not _place_starts(text, s.start + len(c))
            ),
            default=0,
        )
        out.append(SiteMention(s.start, s.start + cut, s.type, s.rule, s.attrs) if cut else s)
    return out


def _clause_cut(text: str, s: SiteMention, tokens: Tokens) -> SiteMention:
    """A name glued to a grammatical word of its clause ends before it ("โรงเรียนบ้านพรานอ้น
    ครั้งนี้ของ…", "รพ.สต.วัดไทรจนถึงชุมชน"): see _clause_words. Not inside the phrases of
    agencies' names (name_phrases.txt: "…แห่งประเทศไทย") or the name's own number, nor in brackets, a company's name or
    a word cut out of a foreign name ("ไทยยูเนี่ยน": the word after is a lone letter)."""
    head = site_heads().match(text, s.start)
    lo = head.end() if head else s.start
    hi = text.find("(", lo, s.end)
    if s.type in ("company", "village"):  # บ้านช่วง: a village's name is ordinary words
        return s
    for i in range(lo + 1, s.end if hi < 0 else hi):
        word = tokens.at.get(i, "") if i in tokens.starts else ""
        if word not in _clause_words() or _inside_phrase(text, i) or _NUMBERED.match(text, i):
            continue  # "…แรงงานแห่งที่ 2": แห่ง opens the office's ordinal, not a clause
        after = i + len(word)
        if after < s.end and len(tokens.at.get(after, "")) < 2:
            continue
        return SiteMention(s.start, i, s.type, s.rule, s.attrs)
    return s


def _name_follows(text: str, start: int, end: int) -> bool:
    """Whether the site `text[start:end]` ends with a word a name follows (บ้าน, ตำบล, a type
    word): "…เยาวชนชายบ้าน" is cut before its name (อุเบกขา), not a whole name."""
    return any(m.end() == end for m in _name_starts().finditer(text, start, end))


def _ends_clean(text: str, end: int) -> bool:
    """Whether a name ending at `end` is written apart from what follows (not glued, not ฯ)."""
    return end == len(text) or re.match(f"[{_L}ฯ]", text[end]) is None


def _own_name_ends(text: str, start: int, end: int, tokens: Tokens) -> bool:
    """Whether the last word of the site `text[start:end]` is a proper name: not in the
    dictionary, or the name of a place."""
    from nlp.gazetteer import gazetteer

    last = next((i for i in range(end - 1, start, -1) if i in tokens.starts), start)
    word = text[last:end]
    if site_heads().fullmatch(word) or not re.fullmatch(f"[{_L}]+", word):
        return False
    g = gazetteer()
    return word not in _dictionary() or any(g.exact(lv, word) for lv in ("province", "district"))


def _place_starts(text: str, pos: int) -> bool:
    """Whether a place word or a province's or district's name starts at `pos`."""
    from nlp.gazetteer import gazetteer

    if _PLACE_WORD.match(text, pos):
        return True
    g = gazetteer()
    return any(text.startswith(n, pos) for lv in ("province", "district") for n in g.by_name[lv])


_LIST_REACH = 150  # characters between the owner word and the list it opens
_LIST_MAX = 300


def _beneficiaries(text: str) -> Spans:
    """The lists of places that receive something or belong to a network (site_lists.txt):
    their places were not visited."""
    lists = sections("site_lists.txt")
    spans = Spans()
    visit_words = [w for w in _place_cues() if w not in ("ที่",)]
    for m in re.finditer(alternation(lists["marker"]), text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        lo = max(line_start, m.start() - _LIST_REACH)
        owner = max((text.rfind(w, lo, m.start()) for w in lists["owner"]), default=-1)
        owned = owner >= 0 and not any(text.find(w, owner, m.start()) >= 0 for w in visit_words)
        if not owned and not _counted_list(text, lo, m.start()):
            continue
        line_end = text.find("\n", m.end())
        hi = min(m.end() + _LIST_MAX, len(text) if line_end < 0 else line_end)
        stop = [text.find(w, m.end(), hi) for w in lists["end"]]
        at = _NA.search(text, m.end(), hi)  # "… เป็นต้น ณ อิมแพค": where the event was
        stop.append(at.start() if at else -1)
        spans.add(m.end(), min([i for i in stop if i > m.end()], default=hi))
    return spans


def _examples(text: str, tokens: Tokens) -> Spans:
    """The places written as examples of a kind (site_lists.txt [example]: "เช่น …"), where no
    visit word comes before the example word in its clause (the line, up to _LIST_REACH): they
    illustrate what the sentence is about and were not visited. The list ends where the lists
    of site_lists.txt do, or at ณ."""
    lists = sections("site_lists.txt")
    spans = Spans()
    visit_words = [w for w in _place_cues() if w not in ("ที่", "ณ")]
    for m in re.finditer(alternation(lists["example"]), text):
        if m.start() not in tokens.starts or starts_with_any(
            text[m.start() :], lists["not_example"]
        ):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        lo = max(line_start, m.start() - _LIST_REACH)
        if any(text.find(w, lo, m.start()) >= 0 for w in visit_words):
            continue
        line_end = text.find("\n", m.end())
        hi = min(m.end() + _LIST_MAX, len(text) if line_end < 0 else line_end)
        stop = [text.find(w, m.end(), hi) for w in lists["end"]]
        at = _NA.search(text, m.end(), hi)  # "เช่น กทม. ตำรวจ ร่วมสำรวจเส้นทาง ณ วัด…": a place
        stop.append(at.start() if at else -1)
        spans.add(m.end(), min([i for i in stop if i > m.end()], default=hi))
    return spans


# A count of places ("มีสนามสอบ 8 แห่ง", "อ่างเก็บน้ำขนาดใหญ่ 2 แห่ง", "จำนวน 8 สถานี").
# Or a count without a number: "มีแหล่งท่องเที่ยวที่น่าสนใจมากมาย ประกอบด้วย …".
_PLACE_COUNT = re.compile(
    r"(?<![\d.,:/])\d{1,3}\s?(?:แห่ง|สถานี|จุด|โรง)(?![\u0e01-\u0e4e])|มากมาย\s?$|หลายแห่ง\s?$"
)


def _counted_list(text: str, lo: int, marker: int) -> bool:
    """A list opened by a count of places with no visit word in its clause ("แหล่งเก็บกักน้ำ
    6 แห่ง ได้แก่ …", "มีสนามสอบ 8 แห่ง ได้แก่ …"): the places a report counts, not the ones
    visited ("ลงพื้นที่ 4 แห่ง ได้แก่ …" has its visit word)."""
    if _PLACE_COUNT.search(text, lo, marker) is None:
        return False
    words_ = [w for w in _place_cues() if w not in ("ที่", "ณ")]
    return not any(text.find(w, lo, marker) >= 0 for w in words_)


def _without_short_names(text: str, found: list[SiteMention]) -> list[SiteMention]:
    """A site written once with its short name or status in brackets ("มูลนิธิ… (LPN)") and
    elsewhere without, or by the bracketed name alone, is one site, named in full; so is a name written after two type words of
    one type (วิสาหกิจชุมชน/กลุ่มวิสาหกิจชุมชน, โรงพยาบาล/รพ.): the first writing is kept."""
    names = {text[s.start : s.end] for s in found}
    full = [n for n in names if n.endswith(")")]

    def shortened(name: str, end: int) -> bool:
        if text.startswith("ฯ", end):  # "โรงพยาบาลยี่งอฯ": short for a name written in full
            return any(f.startswith(name) and len(f) > len(name) for f in names)
        if any(f.startswith(name) and f[len(name) :].lstrip().startswith("(") for f in full):
            return True
        if any(f.endswith(f"({name})") for f in full):
            return True  # "ณ บ้านเกร็ดตระการ" for "สถานคุ้มครอง… (บ้านเกร็ดตระการ)": its own name
        # "ศูนย์…อาชีวศึกษา" in a headline cut before "เขต…", and its full name in the body
        return any(f.startswith(name) and _PLACE_WORD.match(f, len(name)) for f in names)

    kept: list[SiteMention] = []
    seen: set[tuple[str, str]] = set()
    for s in found:
        if shortened(text[s.start : s.end], s.end):
            continue
        head = site_heads().match(text, s.start)
        own = (s.type, text[head.end() if head else s.start : s.end].strip())
        if head and own in seen:
            continue  # "กลุ่มวิสาหกิจชุมชนX" after "วิสาหกิจชุมชนX", "รพ.X" after "โรงพยาบาลX"
        seen.add(own)
        kept.append(s)
    return kept


#: The kinds of place that house another (and departments, members.txt [org]): a site of
#: another kind written right before one of them (after a space or ณ) is inside it
#: ("ศูนย์ปฏิบัติการ… ณ กรมประมง"). A village or a kitchen after ณ is a site of its own.
_HOST_KINDS = frozenset(
    ("university", "school", "hotel", "building", "office", "temple", "hospital")
    + ("local_government", "institute", "industrial_estate", "mall")
)
#: The kinds of place that are mostly inside another: after a space, the host follows them;
#: other kinds after a space are a list of sites ("มหาวิทยาลัยราชภัฏ… วิทยาลัยเกษตร…").
_INSIDE_KINDS = frozenset(("building", "room", "centre", "learning_centre", "library", "museum"))
_ACRONYM = re.compile(r"[A-Z][A-Z.&\-]{1,9}")  # "(FMC)", "(LPN)": a site's short name
_PINNED = re.compile(r"\s?ณ\s?(?!วันที่|เวลา|ขณะ)[\u0e01-\u0e2eA-Za-z]")
#: After a space, a campus or a building is where any site before it is ("สภาอุตสาหกรรม…
#: อาคารปฏิบัติการ… มหาวิทยาลัย…"), unless that site is a school or a campus too (a list).
_CAMPUS_KINDS = frozenset(("university", "building"))
_HOST_JOINT = re.compile(r"\s?ณ\s?")


def _without_hosts(text: str, found: list[SiteMention]) -> list[SiteMention]:
    """The building or campus written right after a site is where it is, not a second site
    (the README: the building that hosts a named centre is no site). A hall written with the
    university it belongs to is one site ("ศูนย์ประชุม…กาญจนาภิเษก มหาวิทยาลัยขอนแก่น")."""
    out: list[SiteMention] = []
    chain_end = -1
    for s in found:
        prev = out[-1] if out else None
        joint = text[chain_end : s.start] if prev and chain_end <= s.start else None
        if prev and joint is not None and s.type != prev.type:
            host = s.type in _HOST_KINDS or starts_with_any(text[s.start :], _members()["org"])
            at = _HOST_JOINT.fullmatch(joint) is not None and host  # "… ณ กรมประมง"
            campus = s.type in _CAMPUS_KINDS and prev.type not in _CAMPUS_KINDS | {"school"}
            inside = joint == " " and (prev.type in _INSIDE_KINDS and host or campus)
            if at or inside:
                if prev.type == "building" and joint == " " and prev.end == chain_end:
                    out[-1] = SiteMention(prev.start, s.end, prev.type, "site_in_host")
                chain_end = s.end
                continue
        out.append(s)
        chain_end = s.end
    return out


def _host_named(text: str, at: re.Match[str], tokens: Tokens) -> bool:
    """Whether the site word `at` after a generic one has a name of its own ("ศูนย์ดิจิทัลชุมชน
    วัดบูรพา"): bare type words one after another are a list of kinds of place ("บ้าน วัด
    โรงเรียน", "เขื่อน อ่างเก็บน้ำ ฝาย"), none of them hosting another."""
    end = _name_end(text, at.end(), tokens)
    kind = _types().get(_key(at.group()), ("other",))[0]
    return end - at.end() >= 2 and not _generic(text, at.end(), end, tokens, kind)


#: Bodies whose name, written right after a centre's generic name, is the centre's own name
#: (ศูนย์ดิจิทัลชุมชน อบต.X is the อบต.'s centre); a school or a temple is a host building.
_NAMING_HOSTS = ("local_government",)


def _named_by_host(  # type: ignore[no-untyped-def]
    text: str, a: int, at: re.Match[str], joint: str, host_kind: str, tokens: Tokens, free
) -> SiteMention | None:
    """ "ศูนย์ดิจิทัลชุมชน อบต.เฉนียง": a centre named by the body it belongs to, one site. With ณ
    between, or a building after it ("… ณ โรงเรียน…"), the centre keeps its generic name."""
    if joint != " " or host_kind not in _NAMING_HOSTS:
        return None
    end = _name_end(text, at.end(), tokens)
    if end - at.end() < 2 or not free(at.start(), end):
        return None
    kind = _types().get(_key(text[a : at.start()].strip()), ("other",))[0]
    return SiteMention(a, end, kind, "site_named_by_host")


_COPULA = re.compile(r"เป็น\s?$")


def _describes(text: str, pos: int, tokens: Tokens) -> bool:
    """A site word right after เป็น ("…ซึ่งเป็นโรงเรียนต้นแบบด้าน…", "ที่เป็นศูนย์…") says what
    the place just named is; it does not name another one."""
    m = _COPULA.search(text, max(0, pos - 6), pos)
    return m is not None and m.start() in tokens.starts


def _in_village_name(before: str, pos: int, tokens: Tokens) -> bool:
    """Whether the words glued before `pos` start with a village's บ้าน + name, after a visit
    word or not ("ที่บ้านคลองวัดไร่เหนือ"), so the site word at `pos` is inside its name."""
    i = before.rfind("บ้าน")
    start = pos - len(before) + i
    if (
        i < 0
        or start not in tokens.starts
        or len(before) - i <= 4
        or not tokens.boundary(start + 4)
    ):
        return False
    inside = (tokens.at.get(k, "") for k in range(start + 4, pos) if k in tokens.starts)
    return not any(t in _name_stops() for t in inside)  # "บ้านหนองเม็กและวิสาหกิจ…" ends at และ


def _glued_before(text: str, pos: int) -> str:
    i = pos
    while i > 0 and ("\u0e01" <= text[i - 1] <= "\u0e4e" or text[i - 1] == "."):
        i -= 1
    return text[i:pos]


def _listed_after(text: str, prev_end: int, start: int) -> bool:
    between = text[prev_end:start]
    return len(between) <= 6 and re.fullmatch(r"\s*(?:,|และ)?\s*", between) is not None


def _extend(  # type: ignore[no-untyped-def]
    text: str, start: int, end: int, tokens: Tokens, name: str, free, kind: str = ""
) -> int:
    """Take in what still belongs to the site: a short (parenthesis), a campus after a space,
    further names of the same kind ("ป่าA ป่าB และป่าC"), one more word of its name before
    the place it is in ("ศูนย์การค้าเซ็นทรัลพลาซา แจ้งวัฒนะ อำเภอ…"). A word the site already
    holds is the place written after it, not more of its name ("ศูนย์…ตำบลX ตำบลX อำเภอ…")."""
    while True:
        more = _WORD_BEFORE_PLACE.match(text, end)
        if (
            more
            and not _written_again(text, start, end, more.group(1))
            and free(end, more.end())
            and _name_word(text, more.start(1), more.end(), tokens)
        ):
            end = more.end()
            continue
        number = _NUMBERED.match(text, end)
        if number is None and text.endswith("หมายเลข", 0, end):
            number = _NUMBER.match(text, end)  # "ท่าเรือหมายเลข 23": the number word is the name
        if number:
            end = number.end()  # "สำนักจัดการทรัพยากรป่าไม้ที่ 7", "…เฉลิมพระเกียรติ 80 พรรษา"
            end = _seat_after(text, end, tokens)  # "…ที่ 22 ค่ายสรรพสิทธิประสงค์"
            continue
        par = _PAREN.match(text, end)
        # "วิสาหกิจชุมชน… (บ้านน้ำเกี๋ยน)": the village it is in, read as a site of its own; after
        # a home or a centre, (บ้าน…) is the house's own name ("… ผู้สูงอายุ (บ้านบุรีรัมย์)")
        village = kind in _IN_VILLAGES and par is not None and par.group(1).startswith("บ้าน")
        # "ชุมชนหมู่บ้านยวน (ไทย-ยวน หรือ โยนก)": brackets with "or" explain, they name nothing
        gloss = par is not None and re.search(
            r"(?<![\u0e01-\u0e4e])หรือ(?![\u0e01-\u0e4e])", par.group(1)
        )
        if (
            par
            and not village
            and not gloss
            and (re.search(f"[{_L}]", par.group(1)) or _ACRONYM.fullmatch(par.group(1)))
        ):
            end = par.end()
            continue
        province = _province_after().match(text, end)
        if (
            province
            and " " not in text[start:end]
            and not re.match(f"[{_L}]", text[province.end() : province.end() + 1])
        ):
            end = province.end()  # "โรงแรมเซ็นทาราแกรนด์ อุดรธานี"
            continue
        part = re.match(r"\s", text[end : end + 1])
        if _venue_tail(text, end) > end:
            end = _venue_tail(text, end)  # "โรงแรมมิราเคิล แกรนด์ คอนเวนชั่น"
            continue
        if part and starts_with_any(text[end + 1 :], words("site_parts.txt")):
            end = _name_end(text, end + 1, tokens)
            continue
        same = re.match(r"(?:\s|\s?และ\s?|,\s?)", text[end:])
        if name and same:
            at = end + same.end()
            word = tokens.at.get(at, "")
            nxt = _name_end(text, at, tokens)
            again = _written_again(text, start, end, text[at:nxt]) or _PLACE_WORD.match(text, at)
            if (
                len(word) >= 2
                and name.startswith(word)
                and nxt > at + len(word)
                and word != "บ้าน"
                and not again
            ):
                end = nxt
                continue
        latin = _LATIN_NAME.match(text, end) if re.match(f"[{_L}]", text[end - 1]) else None
        if latin and _venue_ends(text, latin.end()) or latin and text[latin.end() :][:1] in "\n,(":
            end = latin.end()  # "สถาบันการเชื่อม SLV Mannhiem สหพันธ์สาธารณรัฐเยอรมนี"
            continue
        if kind in _BRAND_KINDS and _brand_tail(text, end, tokens) > end:
            end = _brand_tail(text, end, tokens)  # "โรงแรมพูลแมน คิง เพาเวอร์"
            continue
        return end


_AT_BEFORE = re.compile(r"(?:ณ|ที่)\s?$")
#: The kinds of place that are in a village, written after them in brackets.
_IN_VILLAGES = frozenset(("community_enterprise", "community"))
#: The kinds of venue whose brand name is mostly written with spaces (hotels, malls, halls).
_BRAND_KINDS = frozenset(("hotel", "mall", "building"))
_BRAND_WORD = re.compile(rf"[{_L}A-Za-z0-9&'\-]{{1,20}}(?![{_L}A-Za-z0-9&'\-])")
_BRAND_WORDS = 4
# What a venue's name ends before: the place it is in, the street, a floor, a date, a country.
_VENUE_ENDS = (*_ADMIN, "กรุง", "ถนน", "ถ.", "ซอย", "เลขที่", "ชั้น", "วันที่", "เมื่อ", "ระหว่าง")


def _brand_tail(text: str, end: int, tokens: Tokens) -> int:
    """Where a venue's brand name ends that goes on after spaces ("โรงแรมพูลแมน คิง เพาเวอร์",
    "โรงแรมอนันตรา สยาม", "ศูนย์การค้าเทอร์มินอล 21"): up to four more words, when a known end
    follows them (the line's end, a place chain, a street, a date, a person, a clause word) and
    none of them is itself such an end or another site. Without a known end in sight the words
    may be a new clause, and the name stays as it is."""
    pos = end
    for _ in range(_BRAND_WORDS + 1):
        if pos == len(text) or text[pos] in "\n,()" or _venue_ends(text, pos):
            return pos
        word = _BRAND_WORD.match(text, pos + 1) if text[pos] == " " else None
        if word is None or site_heads().match(word.group()) and not _place_named(word.group()):
            return end  # another site follows; a branch may be a district's name (หาดใหญ่)
        inside = (
            tokens.at.get(i, "") for i in range(word.start(), word.end()) if i in tokens.starts
        )
        if any(t in _name_stops() for t in inside):
            return end
        pos = word.end()
    return end


def _place_named(word: str) -> bool:
    from nlp.gazetteer import gazetteer

    return any(gazetteer().exact(level, word) for level in ("district", "subdistrict"))


def _venue_ends(text: str, pos: int) -> bool:
    """Whether a word after the space at `pos` ends a venue's name (see _brand_tail)."""
    if pos == len(text) or text[pos] != " ":
        return False
    rest = text[pos + 1 : pos + 40]
    if rest[:1] in ("\n", "(", ""):
        return True
    ends = (*_VENUE_ENDS, *words("honorifics.txt"), *words("positions.txt"))
    ends += (*words("polities.txt"), *_name_stops(), *_members()["org"])  # "… กระทรวงวัฒนธรรม"
    return starts_with_any(rest, ends) is not None or _province_after().match(text, pos) is not None


def _venue_tail(text: str, end: int) -> int:
    """Where a venue's name ends that goes on after a space with words of a brand name
    (venue_words.txt): "อิมแพค เมืองทองธานี", "โรงแรมปริ๊นซ์ พาเลซ"."""
    while text.startswith(" ", end):
        word = starts_with_any(text[end + 1 :], words("venue_words.txt"))
        after = end + 1 + len(word) if word else end
        if not word or re.match(f"[{_L}]", text[after : after + 1]):
            break
        end = after
    return end


def _written_again(text: str, start: int, end: int, word: str) -> bool:
    """Whether `word` repeats the site's own name or a place or site named inside it (the
    หนองหงส์ of "ศูนย์…เทศบาลตำบลหนองหงส์ หนองหงส์ อำเภอ…", the ท่าตูม of "ศูนย์การเรียนรู้
    ชุมชนท่าตูม ท่าตูม"): the site's address, not more of its name. A brand's branch may share
    a word with it ("ศูนย์การค้าเมกาบางนา บางนา")."""
    head = site_heads().match(text, start)
    name = text[head.end() if head else start : end]
    if word == name:
        return True
    for m in _name_starts().finditer(name):
        rest = name[m.end() :].removeprefix(" ")
        if rest.startswith(word) and not re.match(f"[{_L}]", rest[len(word) : len(word) + 1]):
            return True
    return False


@cache
def _name_starts() -> re.Pattern[str]:
    """The words a place's or a site's own name follows (ตำบล, บ้าน, ชุมชน…)."""
    return re.compile(rf"{_PLACE_WORD.pattern}|บ้าน|{site_heads().pattern}")


# A number that is part of a name: an office's ordinal (ที่ 7, ภาคที่ 1, หมายเลข 23), a royal
# anniversary (เฉลิมพระเกียรติ 80 พรรษา) or the year a hall marks (หอประชุมนานาชาติ 40 ปี).
_NUMBERED = re.compile(
    r"\s?(?:(?:ภาค|แห่ง)?ที่|หมายเลข)\s{0,2}\d{1,3}(?![\d.,:/])|\s?\d{1,3}\s?พรรษา|\s\d{2,3}\s?ปี(?![\u0e01-\u0e4e])"
)
_NUMBER = re.compile(r"\s{0,2}\d{1,3}(?![\d.,:/])")
_CAMP = re.compile(r"\s{1,2}(?=ค่าย[\u0e01-\u0e4e])")


def _seat_after(text: str, end: int, tokens: Tokens) -> int:
    """Where the name of a numbered unit or office ends that goes on with its seat after a
    space: the camp it is in or the district it serves ("ศูนย์พักพิงมณฑลทหารบก ที่ 22
    ค่ายสรรพสิทธิประสงค์", "สำนักงานพัฒนาฝีมือแรงงานแห่งที่ 2 แม่สอด"), one name as written."""
    from nlp.gazetteer import gazetteer

    camp = _CAMP.match(text, end)
    if camp:
        return _name_end(text, camp.end(), tokens)
    word = re.match(rf"\s{{1,2}}([{_L}]+)(?![{_L}])", text[end : end + 40])
    if word and gazetteer().exact("district", word.group(1)):
        return end + word.end()
    return end


_WORD_BEFORE_PLACE = re.compile(rf" ([{_L}A-Za-z0-9\-]+)(?= (?:{_ADMIN_RE}|กรุงเทพ))")


def _name_word(text: str, start: int, end: int, tokens: Tokens) -> bool:
    """Whether the word at [start, end) can be part of a name: not a place word, a site, a
    village or a clause ("ตั้งอยู่")."""
    from nlp.gazetteer import gazetteer

    word = text[start:end]
    if (
        _PLACE_WORD.match(word)
        or word.startswith(_VENUE_ENDS)  # a street or a floor (ถนนวิภาวดีรังสิต), not a name
        or word.startswith("บ้าน")
        or word.isdigit()
        or site_heads().match(word)
    ):
        return False
    inside = [tokens.at.get(i, "") for i in range(start, end) if i in tokens.starts]
    if any(t in _name_stops() for t in inside):
        return False
    g = gazetteer()
    place = any(g.exact(level, word) for level in ("province", "district", "subdistrict"))
    return place or re.search("[A-Za-z]", word) is not None or word not in _dictionary()


@cache
def _dictionary() -> frozenset[str]:
    """PyThaiNLP's word list: a brand or a branch written in Thai is mostly not in it."""
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


@cache
def _name_stops() -> frozenset[str]:
    return frozenset(_cut_words() + words("clause_stops.txt") + _place_cues())


@cache
def _province_after() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built lazily
    from nlp.gazetteer import gazetteer

    return re.compile(r" (?:" + alternation(gazetteer().by_name["province"]) + ")")


def _room(
    text: str, start: int, head_end: int, name_end: int, tokens: Tokens, cued: bool
) -> SiteMention | None:
    """A room with the building it is in: after its name, number and floor
    ("ห้องประชุม 1 ชั้น 5 ศาลากลาง…"), or glued to the room word after a visit word
    ("ณ ห้องประชุมศาลากลางจังหวัด…")."""
    building = site_heads().match(text, head_end) if cued else None
    if not building:
        tail = _ROOM_TAIL.match(text, name_end)
        if not tail:
            return None
        building = site_heads().match(text, tail.end())
    if not building or _types().get(_key(building.group()), ("", ""))[1] == "room":
        return None
    end = _name_end(text, building.end(), tokens)
    if _generic(text, building.end(), end, tokens):
        return None
    kind = _types().get(_key(building.group()), ("other", ""))[0]
    inside = SiteMention(building.start(), end, kind, "site_building")
    return SiteMention(start, end, "room", "site_room", {"building": inside})


def _district_named(text: str, start: int, end: int) -> bool:
    """A "site" that is a district's whole name (หาดใหญ่, บ้านโป่ง) is the district, unless a
    village number follows (บ้านไผ่ หมู่ 3 is a village)."""
    from nlp.gazetteer import gazetteer

    if not gazetteer().exact("district", text[start:end]):
        return False
    return re.match(r"\s?(?:หมู่|ม\.)", text[end:]) is None


def _villages(text: str, tokens: Tokens, free, keep) -> None:  # type: ignore[no-untyped-def]
    """บ้าน + name, where a village number before it, a place chain after it or a visit word
    vouches that it is a village and not a house. The one word หมู่บ้าน + name is a village
    where a place chain follows ("ณ หมู่บ้านผาบ่อง อำเภอเมือง"); without one it is mostly a kind
    of village ("หมู่บ้านรางวัลพระราชทาน…")."""
    named: set[str] = set()  # บ้านคลองวัว and หมู่บ้านคลองวัว are one village
    for m in re.finditer("(?:หมู่)?บ้าน", text):
        a, h = m.start(), m.end()
        hamlet = h - a > 4 and a + 4 not in tokens.starts
        a = a if hamlet or h - a == 4 else a + 4
        if a not in tokens.starts or not tokens.boundary(h) or not free(a, h):
            continue
        if starts_with_any(text[a:], _not_sites()):
            continue
        end = _name_end(text, h, tokens)
        name = text[h:end]
        if len(name) < 2 or _generic(text, h, end, tokens, "village"):
            continue
        before = text[max(0, a - 20) : a]
        chain = _PLACE_AFTER.match(text, end + text.startswith(")", end)) is not None
        if text.startswith("(", a - 1) and chain and not hamlet:
            before += "หมู่"  # "วิสาหกิจชุมชน… (บ้านน้ำเกี๋ยน) อ.ภูเพียง": the site's village
        vouched = (
            _PLACE_AFTER.match(text, end) is not None
            if hamlet
            else (
                before.endswith("หมู่")
                or _MOO_BEFORE.search(before) is not None
                or _PLACE_AFTER.match(text, end) is not None
                or _has_cue(text, a, tokens)
            )
        )
        glued = _glued_before(text, a)
        if glued and not glued.endswith("หมู่"):
            # glued to a visit word ("ลงพื้นที่บ้าน…", "เดินทางไปยังบ้าน…") only when the place
            # chain follows: otherwise it is a house or part of another word
            cue = ends_with_any(glued, _place_cues())
            if not (cue and _PLACE_AFTER.match(text, end)):
                continue
        if not vouched or _district_named(text, a, end):
            continue
        if free(a, end) and name not in named:
            named.add(name)
            keep(SiteMention(a, end, "village", "site_village"))


# ณ as a word of its own: not the first letter of a name (ณัฐพล, ณัฎฐสมบูรณ์), which a vowel or
# a tone mark follows.
_NA = re.compile(r"(?<![\u0e01-\u0e4e])ณ(?![\u0e30-\u0e3a\u0e45-\u0e4e])\s?")


def _after_na(text: str, tokens: Tokens, free, keep) -> None:  # type: ignore[no-untyped-def]
    """ณ + a short name no other rule knows: a named place (ณ ครัวชวนชม)."""
    from nlp.gazetteer import gazetteer

    g = gazetteer()
    for m in _NA.finditer(text):
        a = m.end()
        end = _name_end(text, a, tokens)
        name = text[a:end]
        if not (3 <= len(name) <= 20) or not free(a, end) or _generic(text, a, end, tokens):
            continue
        if end < len(text) and "\u0e01" <= text[end] <= "\u0e4e":
            continue  # the name runs on into a clause: not a short place name
        end = _venue_tail(text, end)
        if _CONTACT.match(text, end):
            continue  # "สำนักงานขาย ณ โครงการ โทร. 091…": whom to call, not a place visited
        if site_heads().match(name) or g.province_of(name) or _PLACE_AFTER.match(name):
            continue
        office = starts_with_any(name, _not_before())
        if (
            office
            and office not in _members()["org"]
            or starts_with_any(name, words("na_measures.txt"))
        ):
            continue
        if starts_with_any(name, words("polities.txt")):
            continue  # a country or a city the trip went to, not a site
        keep(SiteMention(a, end, "other", "site_at"))
