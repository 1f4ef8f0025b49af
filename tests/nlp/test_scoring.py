"""The corpus README's scoring rules, on hand-made posts."""

from nlp.scoring import person_key, score_post, spelling


def _post(gold: dict, uncertain: list | None = None) -> dict:
    full = {
        f: []
        for f in ("visit_dates", "provinces", "districts", "subdistricts", "officials", "sites")
    }
    full.update(gold)
    return {"text": "", "gold": full, "uncertain": uncertain or []}


def test_spelling_normalisation():
    assert spelling(" เเขวง  กําลังใจ ") == "แขวง กำลังใจ"


def test_person_key_ignores_honorifics_and_ranks():
    assert person_key("พล.อ.อ.ประจิน จั่นตอง") == person_key("พลอากาศเอก ประจิน จั่นตอง")
    assert person_key("ผศ.(พิเศษ) นพ.พลวรรธน์ วิทูรกลชิต") == "พลวรรธน์ วิทูรกลชิต"
    assert person_key("ดร. ชมภารี ชมภูรัตน์") == "ชมภารี ชมภูรัตน์"


def test_districts_match_one_character_apart_provinces_do_not():
    s = score_post(
        "x.json",
        {"subdistricts": ["ราวต้นจันทร์"], "provinces": ["สุโขทั"]},
        _post({"subdistricts": ["ราวต้นจันทน์"], "provinces": ["สุโขทัย"]}),
    )
    assert (s.tallies["subdistricts"].tp, s.tallies["subdistricts"].fp) == (1, 0)
    assert (s.tallies["provinces"].tp, s.tallies["provinces"].fp, s.tallies["provinces"].fn) == (
        0,
        1,
        1,
    )


def test_sites_match_at_85_percent():
    s = score_post(
        "x.json",
        {"sites": ["ศูนย์การเรียนรู้ ICT ชุมชน", "โรงเรียน"]},
        _post({"sites": ["ศูนย์การเรียนรู้ ICT  ชุมชน.", "โรงเรียนบ้านราวต้นจันทน์"]}),
    )
    assert (s.tallies["sites"].tp, s.tallies["sites"].fp, s.tallies["sites"].fn) == (1, 1, 1)


def test_officials_on_the_person_positions_apart():
    s = score_post(
        "x.json",
        {"officials": [{"name": "พลเอก ประยุทธ์ จันทร์โอชา", "position": "นายก"}]},
        _post({"officials": [{"name": "พลเอกประยุทธ์ จันทร์โอชา", "position": "นายกรัฐมนตรี"}]}),
    )
    assert s.tallies["officials"].tp == 1
    assert (s.tallies["positions"].tp, s.tallies["positions"].fp, s.tallies["positions"].fn) == (
        0,
        1,
        1,
    )


def test_uncertain_values_count_neither_way_unless_they_must_not_be_extracted():
    uncertain = [
        {"field": "visit_dates", "value": "2018-06-11/2018-06-12", "reason": "an upcoming trip"},
        {
            "field": "provinces",
            "value": "พิจิตร",
            "reason": "only in a job title — should NOT be extracted",
        },
        {"field": "sites", "value": "โรงเรียนบ้านราวต้นจันทน์", "reason": "host building"},
    ]
    s = score_post(
        "x.json",
        {
            "visit_dates": ["2018-06-11", "2018-06-12"],
            "provinces": ["พิจิตร"],
            "sites": ["โรงเรียนบ้านราวต้นจันทน์"],
        },
        _post({}, uncertain),
    )
    assert s.tallies["visit_dates"].fp == 0
    assert s.tallies["sites"].fp == 0
    assert s.tallies["provinces"].fp == 1
    assert s.spurious == {"provinces": ["พิจิตร"]}
