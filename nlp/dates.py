"""Dates of the visit, in every form the posts write them, as Gregorian days.

PyThaiNLP's `thai_strptime` drops the start of a range and misreads numeric months, so the
parser is ours; its month and weekday tables are reused. Text reaches here normalised (arabic
digits, plain hyphens). A mention is an *event* date unless its context says it is the page's
own stamp (a label such as ลงวันที่, a clock time right after it, a bare dd/mm/yyyy) or the
date of something else (an anniversary inside a name, a founding, a deadline, a day after the
page's own: what is still to come when the page is published). A line holding
nothing but a date is a *dateline*: the visit date only when the post states no other. A press
dateline ("เชียงใหม่ 3 มี.ค. 2566 - …") is the *press* release's stamp: the pipeline takes it
for the visit date only when the sentence it opens reports a visit.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from pythainlp.util.date import (
    thai_abbr_months,
    thai_full_month_lists,
    thai_full_months,
    thai_full_weekdays,
)

from nlp.buddhist_era import gregorian_year
from nlp.lexicon import table

MAX_RANGE_DAYS = 31  # longer spans are periods (a fiscal year, a campaign), not a visit
_THAI_LETTER = "\u0e01-\u0e4e"


@dataclass
class DateMention:
    start: int
    end: int
    days: list[dt.date]
    role: str  # "event" | "dateline" (a line holding only a date) | "press" | "stamp" | "other"
    rule: str
    year_known: bool = True
    parts: list[tuple[int, int, int | None]] = field(default_factory=list)  # (day, month, year)


def _abbr_pattern(abbr: str) -> str:
    """`ก.ค.` also written `ก.ค`, `ก. ค.`, `กค.`; a form without its final dot must end the word."""
    letters = [p for p in abbr.split(".") if p]
    body = r"(?:\.\s?)?".join(re.escape(p) for p in letters)
    return rf"{body}(?:\.|(?![{_THAI_LETTER}]))"


@cache
def _month_regex() -> tuple[re.Pattern[str], dict[str, int]]:
    lookup: dict[str, int] = {}
    full_forms: list[str] = []
    for i, name in enumerate(thai_full_months, start=1):
        lookup[name] = i
        full_forms.append(name)
    for i, forms in enumerate(thai_full_month_lists, start=1):
        for f in forms:
            if not f.isdigit() and "." not in f:
                lookup.setdefault(f, i)
                full_forms.append(f)
    for form, num in table("month_variants.tsv"):
        lookup[form.casefold()] = int(num)
        full_forms.append(form)
    abbr = []
    for i, a in enumerate(thai_abbr_months, start=1):
        lookup[a.replace(".", "")] = i
        abbr.append(_abbr_pattern(a))
    words = sorted(set(full_forms), key=len, reverse=True)
    word_alt = "|".join(rf"{re.escape(w)}(?![{_THAI_LETTER}a-zA-Z])" for w in words)
    return re.compile(f"(?:{word_alt}|{'|'.join(abbr)})", re.IGNORECASE), lookup


def _month_number(form: str) -> int | None:
    _, lookup = _month_regex()
    key = re.sub(r"[\s.]", "", form)
    return lookup.get(form) or lookup.get(key) or lookup.get(form.casefold())


_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = (
    r"(?:(?P<era{n}>พ\.\s?ศ\.?|ค\.\s?ศ\.?|พ\.ศ|ค\.ศ)\s*)?(?P<y{n}>\d{{4}}|\d{{2}})(?![\d:]|\.\d)"
)
# "วันที่" or a weekday ("วันพุธที่") before the second day of a range or a list.
_DAY_WORD = "วัน(?:" + "|".join(w.removeprefix("วัน") for w in thai_full_weekdays) + ")?ที่"
_RANGE = rf"\s*(?:-|ถึง(?:{_DAY_WORD})?)\s*(?:{_DAY_WORD}\s*)?"
_LIST = rf"\s*(?:,|และ)\s*(?:{_DAY_WORD}\s*)?"
# … after the name of a day commemorated, words that open a date of its own (ในวันเสาร์ที่ 28 …,
# เมื่อ…, ณ …): the date after them is when something was held
OCCASION_BREAK = re.compile(rf"\n|{_DAY_WORD}|วันนี้|เมื่อ|ระหว่าง|ตั้งแต่|ณ\s")


@cache
def _date_regex() -> re.Pattern[str]:
    month, _ = _month_regex()
    m = month.pattern
    d0 = rf"(?<![\d.:/]){_DAY}(?!\d)"

    def y(n: int) -> str:
        return rf"(?:\s*,?\s*{_YEAR.format(n=n)})?"

    cross = rf"(?P<a_d1>{d0})\s*(?P<a_m1>{m}){y(1)}{_RANGE}(?P<a_d2>{_DAY})\s*(?P<a_m2>{m}){y(2)}"
    same = rf"(?P<b_d1>{d0}){_RANGE}(?P<b_d2>{_DAY})\s*(?P<b_m>{m}){y(3)}"
    listed = rf"(?P<c_ds>{d0}(?:{_LIST}{_DAY})+)\s*(?P<c_m>{m}){y(4)}"
    single = rf"(?P<d_d>{d0})\s*(?P<d_m>{m}){y(5)}"
    numeric = rf"(?P<e_d>{d0})/(?P<e_m>0?[1-9]|1[0-2])/(?P<y6>\d{{4}})(?!\d)"
    return re.compile(f"{cross}|{same}|{listed}|{single}|{numeric}", re.IGNORECASE)


def full_year(digits: str, era: str | None = None) -> int | None:
    """The Gregorian year of a written year: two digits are Buddhist-era 25xx; four digits are
    Buddhist era from 2400 up and Christian era below (a Thai-digit ๒๐๒๐ is 2020)."""
    n = int(digits) + (2500 if len(digits) == 2 else 0)
    if not (era and era.replace(" ", "").startswith("ค")):
        n = gregorian_year(n)
    return n if 1900 <= n <= 2200 else None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None  # 31 เม.ย. and 29 ก.พ. of a common year are rejected, not guessed


@cache
def _labels() -> tuple[tuple[str, str], ...]:
    """The labels before a date, longest first, case-folded once (each date is tested on all)
    and without spaces: posts typed without them write ณวันที่ for ณ วันที่."""
    rows = [(_squeeze(label), role) for label, role in table("date_labels.tsv")]
    rows.sort(key=lambda r: len(r[0]), reverse=True)
    return tuple(rows)


@cache
def _label_ends() -> tuple[re.Pattern[str], dict[str, int]]:
    """The labels reversed, longest first, as one alternation, and each label's rank: matched
    at the start of a reversed text, it finds the first label of `_labels` the text ends with
    in one pass (trying each label on each date was a dear step of every post)."""
    rank: dict[str, int] = {}
    for n, (label, _) in enumerate(_labels()):
        rank.setdefault(label[::-1], n)
    return re.compile("|".join(map(re.escape, rank))), rank


def _label_role(candidates: tuple[str, ...]) -> str | None:
    """The role of the first label (longest first) that one of `candidates` ends with."""
    ends, rank = _label_ends()
    found = [rank[m.group()] for c in candidates if (m := ends.match(c[::-1]))]
    return _labels()[min(found)][1] if found else None


def _squeeze(text: str) -> str:
    return "".join(text.split()).casefold()


_WEEKDAY = "|".join(map(re.escape, thai_full_weekdays))
_PREFIX_NOISE = re.compile(rf"(?:\s|\(|\)|:|,|\"|(?:{_WEEKDAY})|วัน|ที่|เมื่อ|ระหว่าง|ใน|วันนี้|ช่วง|>)*$")
_PRESS_DASH = re.compile(r"\s+-\s")
_CLOCK_AFTER = re.compile(r"\s*,?\s*(?:เวลา\s*)?\d{1,2}[:.]\d{2}(?:\s*น\.?)?")
_STAMP_LINE_NOISE = re.compile(
    rf"(?:{_WEEKDAY})|วันที่|ที่|เวลา|น\.|ครั้ง|views?|\d+|[\s.,:()\-/|>*]", re.IGNORECASE
)


# a bare dd/mm/yyyy is the page's stamp, but not in brackets after วันนี้ / วานนี้ (วานนี้
# (10/10/2562) นายX…): that opener dates what the sentence reports
_TODAY_OPEN = re.compile(r"(?:วันนี้|วานนี้|เมื่อวานนี้|เมื่อวาน)\s*\(\s*$")
PRESS_PLACE_MAX = 60  # characters of a press dateline's place before its date
DATELINE_MAX = 160  # a line holding a date and only stamp words is never longer


def _role(text: str, start: int, end: int, numeric: bool) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - 40) : start]
    head = before[: _PREFIX_NOISE.search(before).start()]  # type: ignore[union-attr]
    candidates = (_squeeze(head), _squeeze(before.rstrip(' (:"')))
    if (role := _label_role(candidates)) is not None:
        return role
    clock = _CLOCK_AFTER.match(text, end)
    if clock and "เวลา" not in clock.group():
        return "stamp"
    if numeric and not (before.rstrip().endswith("วันที่") or _TODAY_OPEN.search(before)):
        return "stamp"
    if (
        _PRESS_DASH.match(text, end)
        and start - line_start <= PRESS_PLACE_MAX
        and len(text[line_start:start].strip()) <= 20
    ):
        return "press"  # "กรุงเทพฯ 3 มี.ค. 2565 - …": a press dateline
    if line_end - line_start > DATELINE_MAX:
        return "event"  # read no further: a long line is no dateline (and each date stays O(1))
    rest = text[line_start:start] + text[end:line_end]
    if not _STAMP_LINE_NOISE.sub("", rest):
        return "dateline"
    return "event"


_CLAUSE_END = re.compile(r"\n|นั้น|\sจากนั้น|\sต่อมา|\sโดย|\sซึ่ง|\sทั้งนี้|\s(?:และ)?ได้")
OTHER_EVENT_REACH = 150


@cache
def _other_event_re() -> re.Pattern[str]:
    from nlp.lexicon import alternation, words

    return re.compile(alternation(words("other_event_cues.txt")))


def other_event_spans(text: str) -> list[tuple[int, int]]:
    """Clauses about another event than the visit ("…ประชุมติดตามผลอีกครั้งในวันที่ 15 ธันวาคม
    2563 ที่กรุงเทพมหานคร"): from the cue to the end of the clause, at most one date on. A cue
    made a noun ("ติดตามการเตรียมจัดงาน ณ …") is what the visit looks at, not another event."""
    spans = []
    for m in _other_event_re().finditer(text):
        if text.endswith("การ", 0, m.start()):
            continue
        limit = min(len(text), m.end() + OTHER_EVENT_REACH)
        end_m = _CLAUSE_END.search(text, m.end(), limit)
        end = end_m.start() if end_m else limit
        dates = list(_date_regex().finditer(text, m.end(), end))
        if len(dates) > 1:
            end = dates[1].start()
        spans.append((m.start(), end))
    return spans


OCCASION_REACH = 100  # characters from a commemorated day's word to its date
# … words that open a date of its own: the date after them is when something was done


@cache
def _occasion_re() -> re.Pattern[str]:
    from nlp.lexicon import alternation, words

    return re.compile(alternation(words("occasion_cues.txt")))


def _commemorated(text: str, start: int) -> bool:
    """A date written after the name of a day commemorated (เนื่องในโอกาสวันเฉลิมพระชนมพรรษา
    … 28 กรกฎาคม 2563): the day honoured, not the day of the event that honours it."""
    a = max(0, start - OCCASION_REACH)
    cues = list(_occasion_re().finditer(text, a, start))
    return bool(cues) and OCCASION_BREAK.search(text, cues[-1].end(), start) is None


def _month_and_year(g: dict[str, str | None], month: str, n: int) -> tuple[int, int | None] | None:
    """The month in group `month` and the year in group y{n} (None when not written); None
    when either is written but is no month or year."""
    number = _month_number(g[month] or "")
    written = g[f"y{n}"]
    year = full_year(written, g[f"era{n}"]) if written else None
    if not number or written and year is None:
        return None
    return number, year


def _range(a: dt.date, b: dt.date) -> list[dt.date] | None:
    if b < a or (b - a).days >= MAX_RANGE_DAYS:
        return None
    return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]


_DIGIT = re.compile("[0-9]")


def _matches(text: str) -> Iterator[re.Match[str]]:
    """The date regex's matches in `text`, as `finditer` finds them. Every date starts with an
    ASCII digit, so the regex is tried only at digits: its leading look-behind keeps `re` from
    skipping ahead itself, and trying it at every character was the dearest step of the
    pipeline."""
    date, pos = _date_regex(), 0
    while (digit := _DIGIT.search(text, pos)) is not None:
        m = date.match(text, digit.start())
        if m:
            yield m
        pos = m.end() if m else digit.start() + 1


@lru_cache(maxsize=8)
def _date_matches(text: str) -> tuple[re.Match[str], ...]:
    """`_matches` of `text`, scanned once (`find_dates` reads a text twice, its stamp date
    first)."""
    return tuple(_matches(text))


def find_dates(text: str, published: dt.date | None = None) -> list[DateMention]:
    """Every date mention in normalised `text`, with its role. A day with no year takes the
    year that puts it nearest to `published`; without `published` it is left out."""
    if published is None:
        published = page_date(text)
    out: list[DateMention] = []
    for start, end, parts, role, rule, is_range in _mentions(text):
        year_known = all(p[2] is not None for p in parts)
        if not year_known:
            if published is None:
                continue
            parts = [(d, mo, yr or _nearest_year(d, mo, published)) for d, mo, yr in parts]
            rule += "_pubyear"
        days = [_day(yr, mo, d) for d, mo, yr in parts]  # type: ignore[arg-type]
        if any(x is None for x in days):
            continue
        valid: list[dt.date] = [x for x in days if x is not None]
        if is_range:
            span = _range(valid[0], valid[1])
            if span is None:
                continue
            valid = span
        if role == "event" and published is not None and _history(valid[-1], published):
            role = "other"
        elif role == "event" and published is not None and valid[0] > published:
            role = "other"  # after the page's own day: a plan or an event still to come
        out.append(DateMention(start, end, valid, role, rule, year_known, list(parts)))
    return out


_Parts = list[tuple[int, int, int | None]]


@lru_cache(maxsize=8)
def _mentions(text: str) -> tuple[tuple[int, int, _Parts, str, str, bool], ...]:
    """The date mentions of `text` before the page's date is known: span, (day, month, year)
    parts, role, rule, whether a range. Read once: `find_dates` reads a text twice (its stamp
    date first, through `page_date`), and the decision reads the same lines again."""
    others = other_event_spans(text)
    other_starts = [a for a, _ in others]
    other_reach = list(itertools.accumulate((b for _, b in others), max))  # sorted by start
    out = []
    for m in _date_matches(text):
        if (read := _parts(m)) is None:
            continue
        parts, rule, is_range = read
        role = _role(text, m.start(), m.end(), numeric=rule == "date_numeric")
        k = bisect.bisect_right(other_starts, m.start())
        if role == "event" and k and other_reach[k - 1] > m.start():
            role = "other"  # inside a clause about another event
        elif role == "event" and _commemorated(text, m.start()):
            role = "other"
        out.append((m.start(), m.end(), parts, role, rule, is_range))
    return tuple(out)


def _parts(m: re.Match[str]) -> tuple[_Parts, str, bool] | None:
    """A date match's (day, month, year) parts, rule and whether a range; None when its month
    or year is none."""
    g = m.groupdict()
    if g["a_d1"]:
        first, second = _month_and_year(g, "a_m1", 1), _month_and_year(g, "a_m2", 2)
        if first is None or second is None:
            return None
        (m1, y1), (m2, y2) = first, second
        if y1 is None and y2 is not None:
            y1 = y2 - 1 if m1 > m2 else y2
        return [(int(g["a_d1"]), m1, y1), (int(g["a_d2"]), m2, y2)], "date_range_months", True
    if g["b_d1"]:
        if (month_year := _month_and_year(g, "b_m", 3)) is None:
            return None
        return [(int(g["b_d1"]), *month_year), (int(g["b_d2"]), *month_year)], "date_range", True
    if g["c_ds"]:
        if (month_year := _month_and_year(g, "c_m", 4)) is None:
            return None
        return [(int(d), *month_year) for d in re.findall(r"\d+", g["c_ds"])], "date_list", False
    if g["d_d"]:
        if (month_year := _month_and_year(g, "d_m", 5)) is None:
            return None
        return [(int(g["d_d"]), *month_year)], "date", False
    yr = full_year(g["y6"])
    if yr is None:
        return None
    return [(int(g["e_d"]), int(g["e_m"]), yr)], "date_numeric", False


HISTORY_DAYS = 90  # a visit is reported within weeks: a date months before the page is history
YEAR_SLIP_DAYS = 7  # … but one a year before to the week is the year typed one off


def _history(day: dt.date, published: dt.date) -> bool:
    """A day months before the page's own date (a founding in 2484, a cabinet resolution, last
    year's fair): the background a post recalls, not its visit. A day a year before to the week
    is this year's typed with last year's number (วันนี้ (8 มกราคม 2561) on a page of 8 January
    2562), as posts early in a year often write it."""
    gap = published.toordinal() - day.toordinal()
    return gap > HISTORY_DAYS and abs(gap - 365) > YEAR_SLIP_DAYS


_PAGE_ROLES = ("stamp", "dateline", "press")
_ISO_STAMP = re.compile(
    r"(?<![\d/-])((?:19|20)\d\d)-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?(?![\d/-])"
)


@lru_cache(maxsize=8)
def page_date(text: str) -> dt.date | None:
    """The page's own date, to place days written without a year: its first stamp or
    dateline, else an ISO date left by the crawler ("date 2024-07")."""
    # the first mention whose own context makes it a stamp: read lazily, as the stamp most
    # often opens the page, and without the clauses about other events, which only turn
    # events into "other" (this is find_dates(text, dt.date.min)'s first such mention)
    for m in _matches(text):
        read = _parts(m)
        if read is None or any(yr is None for _, _, yr in read[0]):
            continue
        parts, rule, is_range = read
        days = [_day(yr, mo, d) for d, mo, yr in parts]  # type: ignore[arg-type]
        if any(x is None for x in days) or is_range and _range(days[0], days[1]) is None:  # type: ignore[arg-type]
            continue
        if _role(text, m.start(), m.end(), numeric=rule == "date_numeric") in _PAGE_ROLES:
            return days[0]
    iso = _ISO_STAMP.search(text)
    if iso:
        return _day(int(iso.group(1)), int(iso.group(2)), int(iso.group(3) or 1))
    return None


def _nearest_year(day: int, month: int, published: dt.date) -> int:
    best = published.year
    best_gap: int | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        d = _day(year, month, day)
        if d is None:
            continue
        gap = abs((d - published).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best
