"""Officials: a name with its honorific or rank, given name and surname apart, and the
position written right after it, cut where the position's clause ends.

Thai writes no spaces between words but puts one between given name and surname and usually
one after the surname, so a person is honorific + given + space + surname; the position is the
chunk that follows, extended over chunks that continue it ("ผู้ตรวจราชการกรม กรมการจัดหางาน").
Titles that start like an honorific (นายกรัฐมนตรี, นายอำเภอ) are listed in not_names.txt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.lexicon import alternation, ends_with_any, sections, starts_with_any, table, words

_THAI = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e"  # letters, vowels, marks; no ฯ, digits
_RUN = re.compile(f"[{_THAI}]+")
_NICKNAME = re.compile(r"\"[^\"\n]{1,30}\"\s*")
_PAREN = re.compile(r"\([^()\n]{1,40}\)")
_NUMBER_CHUNK = re.compile(r"\d")
# "…ภาค 5", "…เขต 1", "ผู้ใหญ่บ้านหมู่ 1", "ผู้บังคับกองบิน 41": the number belongs to the position.
_NUMBERED = ("ที่", "หมู่", "ภาค", "เขต", "กองบิน", "กองพล", "กองพัน", "กองร้อย")
# Vowels and marks that follow a consonant: no Thai word starts with one.
NOT_A_WORD_START = re.compile("[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]")
# "ผู้อำนวยการสำนักงาน… สาขาทุ่งสง": a branch goes on with the office before it (but starts no
# position of its own: "นางสาวก ข สาขาแม่ขรี" names a bank's branch).
_BRANCH = "สาขา"
_FEMALE = "หญิง"  # a rank held by a woman: "พ.ต.อ.หญิง", "เรืออากาศโทหญิง"
MAX_GIVEN, MAX_SURNAME = 20, 25
_AHEAD = 120  # what is read after a name to judge it: a surname, spaces and a title's head


@dataclass
class Person:
    start: int
    end: int  # end of the name (surname included)
    honorific: str
    given: str
    surname: str
    position: str | None = None
    pos_start: int | None = None
    pos_end: int | None = None

    @property
    def person(self) -> str:
        return f"{self.given} {self.surname}"


@cache
def _honorific_re() -> re.Pattern[str]:
    hon = alternation(words("honorifics.txt"), flexible_space=True)
    hon += rf"(?:{_FEMALE})?"
    return re.compile(rf"{hon}(?:\s?{hon})*")


@cache
def _stop_words() -> tuple[str, ...]:
    return words("clause_stops.txt") + words("generic_places.txt")


@cache
def _site_heads() -> tuple[str, ...]:
    return tuple(row[0] for row in table("site_types.tsv") if len(row[0]) >= 4)


_ALWAYS_CLAUSE = ("ได้", "เป็น", "จะ", "ก็", "ซึ่ง", "และ", "โดย", "เพื่อ", "ที่", "ใน", "ของ")
_SHORT_STOP_RUN = 8  # "มีสุข", "ร่วมใจ" are surnames; "ร่วมลงพื้นที่" is a clause


def _not_a_surname(run: str, titled: bool = False) -> bool:
    """Whether a word after a given name starts a clause rather than being a surname; one that
    a position follows (`titled`) is a surname even when long ("ร่วมรักษ์ ปลัดกระทรวง…")."""
    if run in _stop_words() or run in words("not_surnames.txt") or run.startswith(_ALWAYS_CLAUSE):
        return True
    stop = starts_with_any(run, _stop_words())
    return stop is not None and (len(stop) >= 5 or (len(run) > _SHORT_STOP_RUN and not titled))


@cache
def position_heads() -> tuple[str, ...]:
    return words("positions.txt")


def _honorific_at(text: str, pos: int) -> bool:
    """Whether a person's name starts at `pos` (an honorific that is not part of a title)."""
    m = _honorific_re().match(text, pos)
    if not m:
        return False
    run = _RUN.match(text, m.end() + (1 if text.startswith(" ", m.end()) else 0))
    return not (
        run and _is_title_word(m.group(), run.group(), text[run.end() : run.end() + _AHEAD])
    )


@cache
def _dual_titles() -> tuple[str, ...]:
    """Medical titles that are an honorific before a name and a position after one
    (นายแพทย์, ทันตแพทย์): the words both lists hold."""
    positions = set(position_heads())
    return tuple(h for h in words("honorifics.txt") if h in positions)


_SURNAME_AFTER = re.compile(f" +([{_THAI}]{{2,{MAX_SURNAME}}}) ")


def _name_follows(given: str, rest: str) -> bool:
    """Whether `given` (and `rest`, what follows it) read as a person's name rather than the
    rest of a title: a given name PyThaiNLP knows, or a word, a surname and a position."""
    if starts_with_any(given, position_heads()):
        return False  # นายแพทย์+สาธารณสุขจังหวัด…
    if given in _first_names():
        return True
    if starts_with_any(given, _stop_words()):
        return False
    m = _SURNAME_AFTER.match(rest)
    if not m or _not_a_surname(m.group(1)) or starts_with_any(m.group(1), _title_heads()):
        return False
    return starts_with_any(rest[m.end() :], position_heads()) is not None


def _is_title_word(honorific: str, given: str, rest: str = "") -> bool:
    """นาย+กรัฐมนตรี is a title, not a man called กรัฐมนตรี; นายแพทย์+สมชาย ใจดี is a name,
    นายแพทย์+สาธารณสุขจังหวัด a title."""
    compact = honorific.replace(" ", "")
    if ends_with_any(compact, _dual_titles()):
        return not _name_follows(given, rest)
    for hon in words("honorifics.txt"):
        h = hon.replace(" ", "")
        if compact.endswith(h) and starts_with_any(h + given, words("not_names.txt")):
            return True
    return False


def _cut_run(run: str) -> str:
    """A name run ends where a clause word or a title is glued to it."""
    m = _glued_re().search(run, 2)
    return run[: m.start()] if m else run


@cache
def _glued_re() -> re.Pattern[str]:
    """Any clause word or long title (one search finds the first of them, not one per word)."""
    return re.compile(alternation(words("glued_stops.txt") + _long_heads(), flexible_space=False))


@cache
def _title_heads() -> tuple[str, ...]:
    """Position words a surname cannot start with (รอง, ครู may: รองเมือง, ครูศรี)."""
    return tuple(w for w in position_heads() if len(w) >= 4)


@cache
def _long_heads() -> tuple[str, ...]:
    """Position words long enough never to occur inside a name."""
    return tuple(w for w in position_heads() if len(w) >= 5)


@cache
def _org_words() -> tuple[str, ...]:
    return tuple(
        w for w in words("position_continuations.txt") if len(w) >= 3 and not w.startswith("และ")
    )


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def find_people(text: str) -> list[Person]:
    """Every named person in normalised `text`, in order, positions attached."""
    people: list[Person] = []
    taken = -1
    for m in _honorific_re().finditer(text):
        if m.start() < taken:
            continue
        person = _person_at(text, m)
        if person is None:
            continue
        people.append(person)
        taken = person.end
    people += _bare_names(text, people)
    people += _credit_names(text, people)
    people += _latin_names(text, people)
    people.sort(key=lambda p: p.start)
    starts = [p.start for p in people] + [len(text)]
    for i, p in enumerate(people):
        _attach_position(text, p, limit=starts[i + 1])
    return _without_latin_doubles(people)


def _without_latin_doubles(people: list[Person]) -> list[Person]:
    """A foreigner written once in Latin letters and elsewhere in Thai script, with the same
    position ("Mr. Hiromu KUROKAWA ปลัดกระทรวงยุติธรรมประเทศญี่ปุ่น", "นายฮิโรมุ โคโรคาวะ
    ปลัดกระทรวงยุติธรรมประเทศญี่ปุ่น"), is one person: the Thai-script name stands."""
    thai = {p.position for p in people if p.position and not p.surname.isascii()}
    return [p for p in people if not (p.surname.isascii() and p.position in thai)]


@cache
def _first_names() -> frozenset[str]:
    from pythainlp.corpus import thai_female_names, thai_male_names

    return thai_male_names() | thai_female_names()


_WORD_START = re.compile(f"(?<![{_THAI}.])[{_THAI}]")
_BARE = re.compile(f"([{_THAI}]{{2,20}}) ([{_THAI}]{{2,25}}) (?=[{_THAI}])")


def _bare_names(text: str, found: list[Person]) -> list[Person]:
    """A name written without honorific ("ประจิน จั่นตอง รองนายกรัฐมนตรี"): a given name from
    PyThaiNLP's name lists, a surname, and a position right after."""
    out = []
    for w in _WORD_START.finditer(text):
        m = _BARE.match(text, w.start())
        if not m:
            continue
        given, surname = m.group(1), m.group(2)
        if given not in _first_names() or any(p.start <= m.start() < p.end for p in found):
            continue
        if _not_a_surname(surname) or starts_with_any(surname, position_heads()):
            continue
        if not starts_with_any(text[m.end() : m.end() + _AHEAD], _long_heads()):
            continue
        out.append(Person(m.start(), m.start() + len(given) + 1 + len(surname), "", given, surname))
    return out


@cache
def _credit_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A footer credit line: labels then names ("Photo Credit ก ข, ค ง"), or a name then its
    labels ("สมภพ ศีลบุตร - ภาพ/", "นวรัตน์ รามสูต: เรียบเรียง")."""
    label = alternation(words("credit_labels.txt"))
    labels = rf"{label}(?:\s*/\s*{label})*"
    name = f"[{_THAI}]{{2,{MAX_GIVEN}}} [{_THAI}]{{2,{MAX_SURNAME}}}"
    names = rf"{name}(?:\s*,\s*{name})*"
    lead = re.compile(rf"^[ ]*{labels}[ ]*:?[ ]*(?P<names>{names})[ ]*(?:[/(,].*)?$", re.M)
    trail = re.compile(
        rf"^[ ]*(?P<names>(?:{name}[ ]*/[ ]*)?{name}(?: ณ [{_THAI}]+)?)[ ]*[-:]?[ ]*{labels}[ ]*/?[ ]*$",
        re.M,
    )
    return lead, trail


_NAME_PAIR = re.compile(f"([{_THAI}]+) ([{_THAI}]+)")


def _credit_names(text: str, found: list[Person]) -> list[Person]:
    """The writers, photographers and editors a post credits at its foot, written without an
    honorific: named people, listed like anyone named."""
    out: list[Person] = []
    taken = [(p.start, p.end) for p in found]
    for regex in _credit_res():
        for line in regex.finditer(text):
            for m in _NAME_PAIR.finditer(text, line.start("names"), line.end("names")):
                given, surname = m.group(1), m.group(2)
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                if _not_credit_name(given) or _not_credit_name(surname):
                    continue
                person = Person(m.start(), m.end(), "", given, surname)
                _add_lineage(text, person)
                out.append(person)
                taken.append((person.start, person.end))
    return out


_LATIN_WORD = r"[A-Z][A-Za-z.'\-]*"
_LATIN_NAME = re.compile(
    r"(?:(?P<thai>ฯพณฯ|นางสาว|นาง|นาย) ?|(?P<latin>(?:(?:H\.E\.|Mr\.|Mrs\.|Ms\.|Dr\.|Prof\.) ?)+))"
    rf"(?P<name>{_LATIN_WORD}(?: {_LATIN_WORD}){{1,4}})"
)


def _latin_names(text: str, found: list[Person]) -> list[Person]:
    """A foreigner written in Latin letters after a title ("นาย Peter Haymond", "ฯพณฯ DAG
    Lionel Yee", "H.E. Mr. Tofial Ahmed"), unless the name glosses the Thai name just before it
    ("นายฮิโรมุ โคโรคาวะ (Mr. Hiromu KUROKAWA)")."""
    out = []
    for m in _LATIN_NAME.finditer(text):
        if text[m.start() - 1 : m.start()] == "(" and _named_before(text, m.start() - 1):
            continue
        if any(p.start <= m.start() < p.end for p in found):
            continue
        name = m.group("name").split(" ")
        cut = next((i for i, w in enumerate(name) if w in words("latin_titles.txt")), len(name))
        if cut < 2:
            continue
        *given, surname = name[:cut]
        end = m.start("name") + len(" ".join(name[:cut]))
        honorific = (m.group("thai") or m.group("latin") or "").strip()
        out.append(Person(m.start(), end, honorific, " ".join(given), surname))
    return out


_GLOSSED = 40  # how far before a bracket a Thai name may start that the bracket glosses


def _named_before(text: str, bracket: int) -> bool:
    """Whether a person's name in Thai script (an honorific before a name, "นายมุน แช-อิน")
    ends right before `bracket`: the Latin name in it is that name's gloss."""
    before = text[max(0, bracket - _GLOSSED) : bracket]
    return any(_honorific_at(before, m.start()) for m in _honorific_re().finditer(before))


def _not_credit_name(word: str) -> bool:
    """An organisation or a title on a credit line ("Photo by กลุ่มประชาสัมพันธ์ สำนักงาน…")."""
    return bool(
        _not_a_surname(word)
        or starts_with_any(word, position_heads())
        or starts_with_any(word, _org_words())
        or starts_with_any(word, words("credit_labels.txt"))
    )


def _add_lineage(text: str, person: Person) -> None:
    """A royally granted surname goes on after a space: "สุริยกุล ณ อยุธยา"."""
    end = person.end
    for lineage in words("lineage_surnames.txt"):
        tail = text[end : end + len(lineage) + 1]
        if tail.startswith(" " + lineage) and not _RUN.match(text, end + 1 + len(lineage)):
            person.surname += " " + lineage
            person.end = end + 1 + len(lineage)
            return


def _person_at(text: str, m: re.Match[str]) -> Person | None:
    honorific = m.group()
    pos = m.end()
    if pos < len(text) and text[pos] == " ":
        pos += 1
    run = _RUN.match(text, pos)
    if not run or NOT_A_WORD_START.match(run.group()):
        return None  # "อ.นายายอาม": the นาย of a place name, not a man called ายอาม
    given = _cut_run(run.group())
    rest = text[pos + len(given) : pos + len(given) + _AHEAD]
    if len(given) < 2 or len(given) > MAX_GIVEN or _is_title_word(honorific, given, rest):
        return None
    if given in position_heads() or (starts_with_any(given, _stop_words()) and len(given) <= 4):
        return None  # นาง+รอง … is not a woman called รอง
    after = pos + len(given)
    if len(given) < len(run.group()):
        return None  # a clause glued to the given name: a reference, not a full name
    spaced = _skip_spaces(text, after)
    if spaced == after or spaced - after > 3:
        return None
    srun = _RUN.match(text, spaced)
    if not srun:
        return None
    surname = _cut_run(srun.group())
    ahead = _skip_spaces(text, spaced + len(surname))
    titled = starts_with_any(text[ahead : ahead + _AHEAD], position_heads())
    if (
        len(surname) < 2
        or len(surname) > MAX_SURNAME
        or _not_a_surname(surname, titled is not None)
        or starts_with_any(surname, _title_heads())
        or _honorific_at(surname, 0)
        or starts_with_any(surname, _site_heads())
    ):
        return None
    hyphen = _HYPHENED.match(text, spaced + len(surname))  # "นายมุน แช-อิน"
    if hyphen:
        surname += hyphen.group()
    person = Person(m.start(), spaced + len(surname), " ".join(honorific.split()), given, surname)
    _add_lineage(text, person)
    _add_third_part(text, person)
    return person


_HYPHENED = re.compile(f"-[{_THAI}]{{1,{MAX_SURNAME}}}(?![{_THAI}]|-)")
_GLOSS = re.compile(r" ?\((?:H\.E\.\s*|Mr\.\s*|Mrs\.\s*|Ms\.\s*|Dr\.\s*)*([A-Za-z][^()\n]{0,60})\)")
_THIRD = re.compile(f" ([{_THAI}]{{2,{MAX_SURNAME}}})(?= ?\\()")


def _add_third_part(text: str, person: Person) -> None:
    """A foreign name of three parts, glossed in Latin letters word for word right after it
    ("นายกามินี ชยวิกรมะ เปเรรา (Gamini Jayawickrama Perera)"): the third part is the name's."""
    m = _THIRD.match(text, person.end)
    if not m or _not_credit_name(m.group(1)):
        return
    gloss = _GLOSS.match(text, m.end())
    if gloss and len(gloss.group(1).split()) == 3:
        person.surname += " " + m.group(1)
        person.end = m.end()


def _chunk(text: str, pos: int, limit: int) -> tuple[int, int]:
    """The chunk at `pos`: up to the next space, or a whole (parenthesis) with its spaces."""
    if text.startswith("(", pos):
        par = _PAREN.match(text, pos)
        if par and par.end() <= limit:
            end = par.end()
            while end < limit and not text[end].isspace():
                end += 1
            return pos, end
    end = pos
    while end < limit and not text[end].isspace():
        end += 1
    return pos, end


def _cut_glued(text: str, start: int, end: int, first: bool) -> int:
    """Where a position chunk stops: at a clause word glued to it or at the next person's name
    glued to it ("…สังคม=นายชิงชัย")."""
    chunk = text[start:end]
    cut = len(chunk)
    for w in words("glued_stops.txt") + _position_stops()["glued"]:
        i = chunk.find(w, 1 if not first else 2)
        if 0 < i < cut:
            cut = i
    cut = _complete_end(chunk, cut)
    hon = _honorific_re()
    for hm in hon.finditer(chunk, 1):
        if hm.start() >= cut:
            break
        nxt = _RUN.match(chunk, hm.end())
        glued_name = chunk[hm.start() - 1] in "=\"',;" or hm.group() in ("นาย", "นาง", "นางสาว")
        if (
            nxt
            and glued_name
            and not NOT_A_WORD_START.match(nxt.group())  # พัฒนางาน: no name starts with า
            and not _is_title_word(hm.group(), nxt.group())
        ):
            cut = hm.start()
            break
    return start + cut


@cache
def _position_stops() -> dict[str, tuple[str, ...]]:
    return sections("position_stops.txt")


@cache
def _goes_on_complete() -> tuple[str, ...]:
    """What may follow a complete position: a continuation, or a country ("นายกรัฐมนตรี
    สาธารณรัฐสังคมนิยมเวียดนาม"; not the short กรุง, รัฐ: "…นายกรัฐมนตรี รัฐมนตรี…")."""
    polities = tuple(w for w in words("polities.txt") if len(w) >= 5)
    return words("position_continuations.txt") + polities + ("และ",)


def _complete_end(chunk: str, cut: int) -> int:
    """Where a complete position glued in `chunk[:cut]` ends it: at its end, unless a
    continuation follows ("นายกรัฐมนตรีทักทาย…" ends after นายกรัฐมนตรี; "…นายกรัฐมนตรีและ…" not)."""
    for w in words("complete_positions.txt"):
        i = chunk.find(w, 0, cut)
        while i >= 0:
            end = i + len(w)
            rest = chunk[end:cut]
            if rest and not starts_with_any(rest, _goes_on_complete()):
                return end
            i = chunk.find(w, end, cut)
    return cut


def _continues(prev: str, chunk: str) -> bool:
    """Whether `chunk`, after a space, goes on with the position ending in `prev`."""
    if prev == _AT:
        return True  # "เอกอัครราชทูต ณ" + the city (_goes_on_after)
    if starts_with_any(chunk, _position_stops()["glued"] + _position_stops()["spaced"]):
        return False
    if starts_with_any(chunk, words("position_continuations.txt")) or prev.endswith("และ"):
        return True  # "…สังคมและ ความมั่นคงของมนุษย์"
    if prev.endswith(_ACTING_FOR) and starts_with_any(chunk, position_heads()):
        return True  # "รักษาราชการแทน ผู้อำนวยการสำนักงาน…": the post held for someone
    if initials(chunk):
        return True  # "รักษาราชการแทนเลขาธิการ ปปง.", "หัวหน้าคณะทำงาน รมช.ศธ.": whose post
    if starts_with_any(chunk, _countries()) and len(chunk) <= MAX_COUNTRY:
        return True  # "…ประจำเกาะอำบน ประเทศอินโดนีเซีย", "รองอัยการสูงสุด สาธารณรัฐสิงคโปร์"
    if chunk.startswith(_BRANCH) and any(w in prev for w in _org_words()):
        return True
    if chunk.startswith("และ") and starts_with_any(chunk[3:], _title_heads()):
        return True  # "ผู้ตรวจราชการกระทรวง และโฆษกกระทรวงฯ": a second position
    if starts_with_any(chunk, _stop_words()):
        return False
    bare = prev.removeprefix("และ")
    if bare in words("complete_positions.txt"):
        return starts_with_any(chunk, _goes_on_complete()) is not None
    if bare in position_heads():
        return True  # "รองประธาน กรรมการ…", "… และหัวหน้า คสช."
    return prev.endswith(_NUMBERED) and _NUMBER_CHUNK.match(chunk) is not None


# An office's initials, each group closed by a dot (ปปง., รมช.ศธ., สกสค.), standing alone
# after a space: the office the title before it belongs to.
_ABBREVIATION = re.compile(r"(?:[\u0e01-\u0e2e]{1,5}\.)+")
MIN_ABBREVIATION = 3  # not a lone จ. / อ. (a province's or a district's, written before its name)
# The longest country's name (สาธารณรัฐสังคมนิยมประชาธิปไตยศรีลังกา): a longer chunk has a
# clause glued to it (สาธารณรัฐสิงคโปร์เกี่ยวกับการลงนาม…).
MAX_COUNTRY = 40
_ACTING_FOR = "แทน"  # รักษาราชการแทน, ปฏิบัติหน้าที่แทน: a post that a title follows
_AT = "ณ"  # "เอกอัครราชทูต ณ กรุงโคเปนเฮเกน": where an ambassador's post is
_HOME = "กรุงเทพ"  # ณ กรุงเทพฯ is where the event was, no foreign post


@cache
def _countries() -> tuple[str, ...]:
    """The words of polities.txt that open a country's name (ประเทศ…, สาธารณรัฐ…), not a
    city's (กรุง, นคร, เมือง: also the start of ordinary words)."""
    return tuple(w for w in words("polities.txt") if len(w) >= 5)


def initials(word: str) -> bool:
    """Whether `word` is an office's initials (ปปง., รมช.ศธ.): it names the office as surely as
    its full name does."""
    return bool(_ABBREVIATION.fullmatch(word)) and len(word.replace(".", "")) >= MIN_ABBREVIATION


def _goes_on_after(text: str, chunk: str, nxt: int, limit: int) -> bool:
    """Whether a chunk that is no position by itself (และ, ณ) joins the next one to it:
    "รัฐมนตรีประจำสำนักนายกรัฐมนตรี และ รัฐมนตรีว่าการกระทรวงวัฒนธรรม" (a second post),
    "เอกอัครราชทูต ณ กรุงโคเปนเฮเกน" (a foreign post's city)."""
    after = text[_skip_spaces(text, nxt) : limit]
    if chunk == "และ":
        return starts_with_any(after, _title_heads()) is not None
    if chunk == _AT:
        return (
            not after.startswith(_HOME)
            and starts_with_any(after, words("polities.txt")) is not None
        )
    return False


def _attach_position(text: str, p: Person, limit: int) -> None:
    """The position written right after the name (a quoted nickname skipped), up to `limit`
    (the next person)."""
    pos = _skip_spaces(text, p.end)
    nick = _NICKNAME.match(text, pos) or _GLOSS.match(text, pos)  # "ป๊อบ", (Mr. Hiromu KUROKAWA)
    if nick:
        pos = _skip_spaces(text, nick.end())
    if text.startswith("\n", pos) and starts_with_any(text[pos + 1 : pos + 40], position_heads()):
        pos = _skip_spaces(text, pos + 1)  # "พลอากาศเอก ประจิน จั่นตอง\nรองนายกรัฐมนตรี…": a line each
    if pos >= limit or text.startswith(")", pos):
        return  # "รัฐมนตรี… (นายวราวุธ ศิลปอาชา)": the position was written before the name
    a, b = _chunk(text, pos, limit)
    first = text[a:b]
    head = starts_with_any(first, position_heads())
    if not first or _honorific_at(first, 0):
        return
    if not head and starts_with_any(first, _stop_words()):
        return
    if not head and not any(w in first for w in _org_words()):
        return
    end = _cut_glued(text, a, b, first=True)
    if end <= a or (not head and not any(w in text[a:end] for w in _org_words())):
        return  # "ผู้ที่เปิดเผย…ศูนย์…" cut to ผู้ที่: no organisation left, no position
    prev = text[a:end]
    cur = end
    while end == b:  # the chunk ran to its space: the position may go on
        nxt = _skip_spaces(text, b)
        if nxt >= limit or nxt - b > 4 or nxt == b:
            break
        c_a, c_b = _chunk(text, nxt, limit)
        chunk = text[c_a:c_b]
        if not chunk or _honorific_at(chunk, 0):
            break
        if chunk in ("และ", _AT) and _goes_on_after(text, chunk, c_b, limit):
            prev, cur, b, end = chunk, c_b, c_b, c_b  # the next chunk goes on after it
            continue
        if not _continues(prev, chunk):
            break
        end = _cut_glued(text, c_a, c_b, first=False)
        if end <= c_a:
            break
        prev, cur, b = text[c_a:end], end, c_b
    cur = max(cur, end)
    while cur > a and text[cur - 1] in " (\xa0,":  # "…นายกรัฐมนตรี (พลอากาศเอก …)", "…แพทย์, …"
        cur -= 1
    p.pos_start, p.pos_end = a, cur
    p.position = " ".join(text[a:cur].split())
