"""The whole pipeline: the seed post of issue #2, offsets, purity, visits."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp import PIPELINE_VERSION, extract
from tests.nlp.helpers import dates, values

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _seed() -> str:
    (path,) = sorted((SHARED / "seed").glob("000_*.txt"))
    return path.read_text(encoding="utf-8")


def test_seed_post_extracts_the_visit_and_nothing_from_the_page_furniture():
    text = _seed()
    ex = extract(text)
    assert ex.version == PIPELINE_VERSION
    assert dates(ex) == ["2020-07-23"]
    assert values(ex, "province") == ["สุโขทัย"]
    assert values(ex, "district") == ["ศรีสำโรง"]
    subs = ex.of("subdistrict")
    assert [f.value for f in subs] == ["ทับผึ้ง", "ราวต้นจันทร์"]
    assert subs[1].attrs["written"] == "ราวต้นจันทน์"
    assert subs[0].attrs["moo"] == "2"
    (official,) = ex.of("official")
    assert official.value == "นางปิยนุช วุฒิสอน"
    assert official.attrs["position"] == "ผู้ตรวจราชการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"
    site_values = values(ex, "site")
    assert "ศาลาประชาคมบ้านเกาะวงษ์เกียรติ์" in site_values
    assert "ศูนย์การเรียนรู้ ICT ชุมชน" in site_values
    # The footer: the ministry's address in Bangkok, the WCAG badge, the counter, social links.
    footer = text.index("WCAG")
    assert all(f.start < footer for f in ex.facts)
    assert "กรุงเทพมหานคร" not in values(ex, "province")
    assert not {"หลักสี่", "ทุ่งสองห้อง"} & set(values(ex, "district") + values(ex, "subdistrict"))
    assert len(ex.visits) == 1
    visit = ex.visits[0]
    assert visit.start_date == visit.end_date == "2020-07-23"
    assert visit.officials == ["นางปิยนุช วุฒิสอน"]


def test_every_fact_points_at_its_own_words_in_title_and_body():
    title = "ผู้ตรวจราชการฯ ลงพื้นที่จังหวัดสุโขทัย"
    text = "๒๓ ก.ค.๖๓ นางปิยนุช  วุฒิสอน ผู้ตรวจราชการกระทรวง ตรวจเยี่ยม ณ ศาลาประชาคมบ้านเกาะ ต.ทับผึ้ง"
    ex = extract(text, title)
    assert {f.source for f in ex.facts} == {"title", "body"}
    for f in ex.facts:
        field = text if f.source == "body" else title
        assert field[f.start : f.end] == f.surface
        assert f.rule


def test_same_input_same_output():
    text = _seed()
    assert extract(text) == extract(text)


def test_a_post_without_a_visit_keeps_its_officials_only():
    text = (
        "นายอาคม เติมพิทยาไพสิฐ รัฐมนตรีว่าการกระทรวงคมนาคม เปิดเผยถึง ความคืบหน้าการสร้างจุดพักรถ "
        "ซึ่งตามผลการศึกษามีทั้งหมด 41 จุด เปิดใช้แล้ว 2 จุด ในพื้นที่จ.นครราชสีมา โดยในปี 61 จะสร้างอีก 2-3 จุด"
    )
    ex = extract(text, "สรุปข่าวหนังสือพิมพ์ ประจำวันที่ 9 มีนาคม 2561")
    assert [f.kind for f in ex.facts] == ["official"]


def test_two_dated_stops_make_two_visits():
    text = (
        "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี ผู้ตรวจราชการกระทรวง ตรวจเยี่ยมโรงเรียนบ้านหนองบัว "
        "ต.หนองบัว อ.เมืองอุดรธานี จ.อุดรธานี\n"
        "วันที่ 6 มีนาคม 2566 ตรวจเยี่ยมวัดสะเดา อำเภอวังทอง จังหวัดพิษณุโลก"
    )
    first, second = extract(text).visits
    assert (first.dates, first.provinces, first.sites) == (
        ["2023-03-05"],
        ["อุดรธานี"],
        ["โรงเรียนบ้านหนองบัว"],
    )
    assert (second.dates, second.provinces, second.sites) == (
        ["2023-03-06"],
        ["พิษณุโลก"],
        ["วัดสะเดา"],
    )
    assert second.officials == ["นายสมชาย ใจดี"]


_PIECES = st.sampled_from(
    [
        "นาย", "นางสาว", "ดร.", "พล.อ.", "สมชาย", " ", "  ", "\n", "ใจดี", "ผู้ว่าราชการ",
        "จังหวัด", "จ.", "อ.", "ต.", "เขต", "แขวง", "หมู่ที่ ", "สุโขทัย", "เมือง", "ศรีสำโรง",
        "ทับผึ้ง", "กทม.", "กรุงเทพฯ", "วันที่ ", "23 ", "ก.ค.", "63", "๒๕๖๓", "๑", "-", "–", " - ",
        "มีนาคม", "ณ ", "โรงเรียน", "บ้าน", "ศูนย์ดิจิทัลชุมชน", "วัด", "ลงพื้นที่", "ตรวจเยี่ยม",
        "เเ", "ํา", "นำ้", "ท่ี", "\u200b", "“", "”", "(", ")", "=", "ฯ", "2/2567", "10210", "a",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=30).map("".join), st.lists(_PIECES, max_size=8).map("".join))
def test_any_text_yields_facts_whose_offsets_point_at_their_surface(text, title):
    ex = extract(text, title or None)
    for f in ex.facts:
        field = text if f.source == "body" else title
        assert 0 <= f.start <= f.end <= len(field)
        assert field[f.start : f.end] == f.surface
        if f.kind == "date":
            assert len(f.value) == 10 and f.value[4] == "-" and f.value[7] == "-"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_breaks_the_offsets(text):
    for f in extract(text).facts:
        assert text[f.start : f.end] == f.surface
