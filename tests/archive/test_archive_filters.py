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
