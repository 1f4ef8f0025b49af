"""The interface's words, Thai first and English as a choice (`?lang=en`): one table, so a
label is said the same way on every page, and a missing one fails loudly (KeyError) in tests.

An English text may hold `{n}` (a count) and `{s}` (its plural ending); Thai has no plural.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.datastructures import QueryParams

from archive.filters import Refusal

LANG = "lang"  # the URL parameter; anything but "en" is Thai
ENGLISH = "en"

LABELS: dict[str, tuple[str, str]] = {
    # header, footer
    "brand": ("คลังข่าวกระทรวง", "ministry-news"),
    "nav_search": ("ค้นหาข่าว", "Search"),
    "nav_visits": ("การลงพื้นที่", "Visits"),
    "other_language": ("English", "ภาษาไทย"),
    "footer": (
        "ข่าวของกระทรวงต่าง ๆ และรัฐบาลไทย เก็บไว้พร้อมข้อมูลที่สกัดโดยอัตโนมัติ: โปรดตรวจสอบกับข่าวต้นฉบับ",
        "News of Thai ministries and the Royal Thai Government, archived with facts extracted"
        " automatically: check them against the original post.",
    ),
    "schema": ("สคีมา OpenAPI", "OpenAPI schema"),
    # the filter form
    "search_words": ("คำค้น", "Search words"),
    "search": ("ค้นหา", "Search"),
    "filters": ("ตัวกรอง", "Filters"),
    "any_site_type": ("ทุกประเภท", "any type"),
    "remove_filter": ("เอาตัวกรองนี้ออก", "remove this filter"),
    "previous": ("← ก่อนหน้า", "← previous"),
    "next": ("ถัดไป →", "next →"),
    "of": ("จาก", "of"),
    "more_than": ("มากกว่า", "more than"),
    "facets_among": (
        "นับจากข่าวที่เก็บล่าสุด {n} ข่าวในจำนวนนี้",
        "Counted among the {n} latest archived of these posts.",
    ),
    "counts_among": (
        "แผนภูมินับจากการลงพื้นที่ที่เก็บล่าสุด {n} ครั้งในจำนวนนี้",
        "Charts count the {n} latest archived of these visits.",
    ),
    # filters and facets: one name each, as the form, the chips and the facets say it
    "q": ("คำค้น", "Words"),
    "province": ("จังหวัด", "Province"),
    "district": ("อำเภอ", "District"),
    "subdistrict": ("ตำบล", "Subdistrict"),
    "role": ("บทบาท", "Role"),
    "official": ("บุคคล", "Official"),
    "site_type": ("ประเภทสถานที่", "Site type"),
    "category": ("หมวดข่าว", "Category"),
    "source": ("แหล่งข่าว", "Source"),
    "year": ("ปีที่เผยแพร่", "Published"),
    "since": ("ลงพื้นที่ตั้งแต่", "Visits since"),
    "until": ("ลงพื้นที่ถึง", "Visits until"),
    "published_since": ("เผยแพร่ตั้งแต่", "Published since"),
    "published_until": ("เผยแพร่ถึง", "Published until"),
    "pipeline_version": ("รุ่นการสกัด", "Pipeline version"),
    "category_hint": ("ข่าวกิจกรรม หรือ 119", "ข่าวกิจกรรม or 119"),
    "since_hint": ("2563 หรือ 2563-03", "2563 or 2020-03"),
    # search
    "search_title": ("ค้นหาข่าว", "Search"),
    "posts_found": ("พบ {n} ข่าว", "{n} post{s} found"),
    "visits_of_posts": ("การลงพื้นที่ในข่าวเหล่านี้", "visits of these posts"),
    "csv_posts": ("CSV ({n} ข่าว)", "CSV ({n} post{s})"),
    "untitled": ("(ไม่มีหัวข้อ)", "(untitled)"),
    "no_date": ("ไม่ระบุวันที่", "no date"),
    "nothing_found": (
        "ไม่พบข่าว ลองเอาตัวกรองออก หรือใช้คำค้นให้น้อยลง",
        "Nothing found. Remove a filter, or try fewer words.",
    ),
    # visits
    "visits_title": ("การลงพื้นที่", "Visits"),
    "visits_count": ("{n} ครั้ง", "{n} visit{s}"),
    "csv_visits": ("CSV ({n} ครั้ง)", "CSV ({n} visit{s})"),
    "csv_officials": ("CSV ของบุคคล", "CSV of their officials"),
    "the_posts": ("ข่าวเหล่านี้", "the posts"),
    "per_province": ("การลงพื้นที่รายจังหวัด (คลิกเพื่อกรอง)", "Visits per province (click to narrow)"),
    "per_source": (
        "การลงพื้นที่รายแหล่งข่าว (คลิกเพื่อกรอง)",
        "Visits per source (click to narrow)",
    ),
    "per_month": ("การลงพื้นที่รายเดือน", "Visits per month"),
    "undated": ("ไม่ระบุวันที่ {n} ครั้ง", "{n} without a date"),
    "no_dated": ("ไม่มีการลงพื้นที่ที่ระบุวันที่", "No dated visits."),
    "more": ("และอีก {n} รายการ", "and {n} more"),
    "axis_visits": ("จำนวนครั้งที่ลงพื้นที่", "number of visits"),
    "axis_month": ("เดือน (ปี ค.ศ./พ.ศ.)", "month (year CE/BE)"),
    "unit_visits": ("ครั้ง", "visits"),
    "no_visits": ("ไม่พบการลงพื้นที่ ลองเอาตัวกรองออก", "No visits match. Remove a filter."),
    "when": ("วันที่", "When"),
    "officials": ("บุคคล", "Officials"),
    "sites": ("สถานที่", "Sites"),
    "post": ("ข่าว", "Post"),
    # a post
    "changed": ("แก้ไข {n} ครั้งหลังเก็บครั้งแรก", "changed {n} time{s} since first archived"),
    "original_post": ("ข่าวต้นฉบับ", "original post"),
    "original": ("ต้นฉบับ", "original"),
    "whole_title": ("หัวข้อเต็ม ({n:,} ตัวอักษร)", "the whole headline ({n:,} characters)"),
    "attachments": ("ไฟล์แนบ", "Attachments"),
    "facts": ("ข้อมูลที่สกัดได้", "Facts"),
    "pipeline": ("รุ่น", "pipeline"),
    "in_title": ("ในหัวข้อ", "in the title"),
    "no_facts": ("ยังไม่มีข้อมูลที่สกัด", "No facts extracted"),
    "run_extract": ("สั่ง", "run"),
    "visits_in_post": ("การลงพื้นที่ในข่าวนี้", "Visits in this post"),
    "date": ("วันที่", "Dates"),
    "provinces": ("จังหวัด", "Provinces"),
    "districts": ("อำเภอ", "Districts"),
    "subdistricts": ("ตำบล", "Subdistricts"),
    "site": ("สถานที่", "Sites"),
    # errors
    "error": ("ข้อผิดพลาด", "Error"),
    "search_archive": ("ค้นหาในคลังข่าว", "Search the archive"),
}


#: Each kind of archive.filters.Refusal as a Thai reader is told it (`{value}`: what was typed,
#: `{limit}`: the bound it broke); the English is the archive's own line.
REFUSALS_TH: dict[str, str] = {
    "date": "อ่านเป็นวันที่ไม่ได้: “{value}” (เขียนเป็น ปปปป-ดด-วว, ปปปป-ดด หรือ ปปปป ใช้ปี พ.ศ. ได้)",
    "role": "ไม่มีบทบาท “{value}”",
    "province": "ไม่พบจังหวัด “{value}”",
    "district": "ไม่พบอำเภอ “{value}”",
    "source": "ไม่มีแหล่งข่าว “{value}”",
    "site_type": "ไม่มีประเภทสถานที่ “{value}”",
    "category": "ไม่มีหมวดข่าว “{value}” ในคลังนี้",
    "official": "ไม่พบบุคคลที่ชื่อตรงกับ “{value}” ในคลังนี้",
    "order": "วันเริ่มอยู่หลังวันสิ้นสุด ({value})",
    "q_length": "คำค้นยาวเกินไป ({value} ตัวอักษร ได้ไม่เกิน {limit})",
    "q_word": "คำที่ยาวเกิน {limit} ตัวอักษรไม่ได้ทำดัชนีไว้ จึงค้นไม่ได้: “{value}”",
    "q_words": "คำค้นมากเกินไป (ได้ไม่เกิน {limit} คำ)",
    "q_empty": "ไม่มีคำให้ค้นใน “{value}” (ไม่มีคำภาษาไทยหรืออักษรละติน)",
}


def refusal(exc: Refusal, lang: str) -> str:
    """A refused value in one line, in this language: the field's label, what is wrong with the
    value, and the closest known values (or the values there are)."""
    if lang == ENGLISH:
        return str(exc)
    said = REFUSALS_TH[exc.kind].format(value=exc.value, limit=exc.limit)
    line = f"{LABELS[exc.field][0]}: {said}"
    if exc.near:
        return f"{line} (หรือหมายถึง {', '.join(exc.near)}?)"
    if exc.choices:
        return f"{line} (ที่มี: {', '.join(exc.choices)})"
    return line


def language(query: QueryParams) -> str:
    return ENGLISH if query.get(LANG) == ENGLISH else "th"


def words(lang: str) -> Callable[..., str]:
    """`t(key, n=None)`: the label in this language, with its count filled in."""
    column = 1 if lang == ENGLISH else 0

    def t(key: str, n: int | None = None) -> str:
        return LABELS[key][column].format(n=n, s="" if n == 1 else "s")

    return t


def around(lang: str) -> Callable[[str, int], tuple[str, str]]:
    """`around(key, n)`: the label's words before and after its count, for a page that sets
    the count apart (in <strong>)."""
    t = words(lang)

    def split(key: str, n: int) -> tuple[str, str]:
        before, _, after = t(key, n).partition(str(n))
        return before, after

    return split


def site_type_names(lang: str) -> dict[str, str]:
    """Each type of site as a reader names it: nlp's Thai label, or the type's own English name."""
    from nlp.sites import site_type_labels

    labels = site_type_labels()
    return {k: k.replace("_", " ") if lang == ENGLISH else v for k, v in labels.items()}
