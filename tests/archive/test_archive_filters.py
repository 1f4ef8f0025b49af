"""Filters typed on a command line or in a URL: accepted forms and one-line refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from archive.filters import Filters, parse_filters


def test_dates_in_iso_or_buddhist_era_and_whole_months_or_years() -> None:
    f = parse_filters(since="2563-03-01", until="2021-02", published_since="2564")
    assert f.since == dt.date(2020, 3, 1)
    assert f.until == dt.date(2021, 2, 28)  # the end of the month
    assert f.published_since == dt.date(2021, 1, 1)
    assert parse_filters(until="2564").until == dt.date(2021, 12, 31)
    assert parse_filters(until="2020-12").until == dt.date(2020, 12, 31)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("since", "2563-13-01"),
        ("until", "2020-02-30"),
        ("since", "31/12/2563"),
        ("published_since", "yesterday"),
        ("published_until", "2020-1-1x"),
    ],
)
def test_a_malformed_date_is_refused_naming_the_field(name: str, value: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_filters(**{name: value})
    assert str(caught.value) == f"{name}: not a date (YYYY-MM-DD): {value!r}"


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="^since: 2021-01-01 is after until 2020-12-31$"):
        parse_filters(since="2021-01-01", until="2020-12-31")


def test_empty_values_mean_not_given_and_spaces_are_tidied() -> None:
    f = parse_filters(q="", official="  ปิยนุช   วุฒิสอน ", province=None, since=" ")
    assert f == Filters(official="ปิยนุช วุฒิสอน")
    assert f.on_visits


@pytest.mark.parametrize(
    "typed",
    ["สุโขทัย", "จังหวัดสุโขทัย", "จ.สุโขทัย", " จ. สุโขทัย "],
)
def test_a_province_is_found_however_it_is_typed(typed: str) -> None:
    assert parse_filters(province=typed).province == "สุโขทัย"


def test_province_nicknames_are_the_gazetteers_names() -> None:
    assert parse_filters(province="กทม.").province == "กรุงเทพมหานคร"
    assert parse_filters(province="โคราช").province == "นครราชสีมา"


def test_a_misspelt_province_is_refused_with_a_suggestion() -> None:
    with pytest.raises(ValueError, match="^province: not a Thai province: .*did you mean เชียงใหม่"):
        parse_filters(province="เชียงใหม")
    with pytest.raises(ValueError, match="^province: not a Thai province: 'Paris'$"):
        parse_filters(province="Paris")


def test_an_unknown_filter_is_refused() -> None:
    with pytest.raises(ValueError, match="^provice: not a filter"):
        parse_filters(provice="ตาก")


def test_which_filters_are_about_visits() -> None:
    assert parse_filters(until="2020").on_visits
    assert parse_filters(site_type="school").on_visits
    assert not parse_filters(q="ตาก", category="8", published_since="2020").on_visits


@pytest.mark.parametrize("typed", ["0000", "0063", "1066-01", "9999"])
def test_a_four_digit_year_is_the_year_written_and_an_unlikely_one_is_refused(typed: str) -> None:
    # 0063 used to take the two-digit rule (2563 → 2020) and 0000 became 1957.
    with pytest.raises(ValueError, match="since: not a date"):
        parse_filters(since=typed)


def test_a_refused_date_is_echoed_short() -> None:
    with pytest.raises(ValueError) as refused:
        parse_filters(since="2" * 100_000)
    assert len(str(refused.value)) < 200


@pytest.mark.parametrize(
    ("typed", "district"),
    [
        ("ศรีสำโรง", "ศรีสำโรง"),
        ("อ.ศรีสำโรง", "ศรีสำโรง"),
        ("อ. ศรีสำโรง", "ศรีสำโรง"),
        ("อำเภอศรีสำโรง", "ศรีสำโรง"),
        ("อำเภอเมืองระยอง", "เมืองระยอง"),
        ("เขตบางรัก", "บางรัก"),
        ("Si Samrong", "ศรีสำโรง"),
    ],
)
def test_a_district_is_found_however_a_thai_reader_writes_it(typed: str, district: str) -> None:
    assert parse_filters(district=typed).district == district


def test_a_misspelt_district_is_refused_with_a_suggestion() -> None:
    with pytest.raises(ValueError, match="^district: not a Thai district: .*did you mean ศรีสำโรง"):
        parse_filters(district="อ.ศรีสำโรงง")


@pytest.mark.parametrize(
    ("typed", "province"),
    [("Sukhothai", "สุโขทัย"), ("sukhothai", "สุโขทัย"), ("BANGKOK", "กรุงเทพมหานคร")],
)
def test_a_province_by_its_english_gazetteer_name(typed: str, province: str) -> None:
    assert parse_filters(province=typed).province == province


def test_a_misspelt_english_province_is_refused_with_the_english_name() -> None:
    with pytest.raises(ValueError, match=r"did you mean Sukhothai\?\)$"):
        parse_filters(province="Sukhotai")


@pytest.mark.parametrize(
    ("typed", "site_type"),
    [
        ("school", "school"),
        ("School", "school"),
        ("โรงเรียน", "school"),
        ("วิทยาลัย", "school"),
        ("รพ.สต.", "health_centre"),
        ("community centre", "community_centre"),
        ("ศูนย์ดิจิทัลชุมชน", "community_centre"),
    ],
)
def test_a_site_type_in_english_or_thai(typed: str, site_type: str) -> None:
    assert parse_filters(site_type=typed).site_type == site_type


def test_an_unknown_site_type_is_refused_with_the_closest_in_both_languages() -> None:
    with pytest.raises(ValueError, match=r"^site_type: not a site type: 'schol' \(did you mean "):
        parse_filters(site_type="schol")
    with pytest.raises(ValueError, match="school/โรงเรียน"):
        parse_filters(site_type="schol")


def test_every_site_type_the_pipeline_gives_has_a_thai_label() -> None:
    from nlp.lexicon import table
    from nlp.sites import site_type_labels

    assert {row[1] for row in table("site_types.tsv")} == set(site_type_labels())


def test_a_refused_place_is_echoed_short() -> None:
    for name in ("province", "district", "site_type"):
        with pytest.raises(ValueError) as refused:
            parse_filters(**{name: "ก" * 100_000})
        assert len(str(refused.value)) < 400, name


# --- values only the archive knows: its categories and the officials it names ----------------


def _known(url: str, **typed: str) -> Filters:
    from archive.db import session_scope
    from archive.filters import known_in_archive

    with session_scope(url) as session:
        return known_in_archive(session, parse_filters(**typed))


def test_a_category_by_the_id_or_the_name_the_archive_holds(field_visits: str) -> None:
    assert _known(field_visits, category="119").category == "119"
    assert _known(field_visits, category="ข่าวประชาสัมพันธ์").category == "ข่าวประชาสัมพันธ์"


def test_an_unknown_category_is_refused_with_the_closest(field_visits: str) -> None:
    with pytest.raises(ValueError, match=r"^category: no category '1199' in the archive .*119"):
        _known(field_visits, category="1199")
    with pytest.raises(ValueError, match=r"^category: no category 'abc' in the archive \(known: "):
        _known(field_visits, category="abc")


def test_an_official_the_archive_names_is_kept_as_typed(field_visits: str) -> None:
    assert _known(field_visits, official="ภูเวียง").official == "ภูเวียง"


def test_an_unknown_official_is_refused_with_the_closest_people(field_visits: str) -> None:
    with pytest.raises(ValueError, match="^official: no official matches 'ภูเวียน ประคำมินท'"):
        _known(field_visits, official="ภูเวียน ประคำมินท")
    with pytest.raises(ValueError, match="did you mean ภูเวียง ประคำมินทร์"):
        _known(field_visits, official="ภูเวียน ประคำมินท")
