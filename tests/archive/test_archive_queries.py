"""Visits, officials and posts as a researcher filters them, and the facets beside a search."""

from __future__ import annotations

import datetime as dt

import pytest
from archive_data import CHAIYAWUT, PHUWIANG, add_field_visits, add_visits

from archive import queries
from archive.db import session_scope
from archive.filters import Filters, parse_filters
from archive.search import facets
from nlp.facts import Visit


def visit_places(url: str, **filters: str) -> list[str]:
    """The provinces of the selected visits, in the order they come."""
    with session_scope(url) as session:
        return ["+".join(v.provinces) for v in queries.visits(session, parse_filters(**filters))]


def test_all_current_visits_in_date_order(field_visits: str) -> None:
    assert visit_places(field_visits) == ["เชียงราย", "เชียงใหม่", "ตาก", "พิษณุโลก"]


def test_a_page_of_visits_is_the_same_window_of_the_whole_list(field_visits: str) -> None:
    with session_scope(field_visits) as session:
        every = list(queries.visits(session, Filters()))
        window = list(queries.visits(session, Filters(), limit=2, offset=1))
    assert window == every[1:3]


def test_visit_counts_are_exact_up_to_the_cap_then_of_the_latest_archived(
    field_visits: str,
) -> None:
    with session_scope(field_visits) as session:
        every = list(queries.visits(session, Filters()))
        exact = queries.visit_counts(session, Filters(), cap=4)
        capped = queries.visit_counts(session, Filters(), cap=2)
    assert (exact.total, exact.exact, exact.undated) == (4, True, 0)
    assert exact.per_province == {p: 1 for row in every for p in row.provinces}
    assert exact.per_month == {"2021-03": 2, "2022-11": 1, "2023-01": 1}
    latest = sorted(every, key=lambda row: row.visit_id)[-2:]
    assert (capped.total, capped.exact, capped.among) == (2, False, 2)
    assert capped.per_province == {p: 1 for row in latest for p in row.provinces}


def test_visit_charts_past_the_sample_are_of_the_latest_archived_and_the_total_stays_exact(
    field_visits: str,
) -> None:
    with session_scope(field_visits) as session:
        every = list(queries.visits(session, Filters()))
        sampled = queries.visit_counts(session, Filters(), cap=4, sample=3)
    assert (sampled.total, sampled.exact, sampled.among) == (4, True, 3)
    latest = sorted(every, key=lambda row: row.visit_id)[-3:]
    assert sampled.per_province == {p: 1 for row in latest for p in row.provinces}
    assert sum(sampled.per_month.values()) + sampled.undated == 3


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        # Read from the visit terms alone: the current visits only (สุโขทัย was pipeline 0.9's).
        (Filters(province="สุโขทัย"), 0),
        (Filters(province="พิษณุโลก"), 1),
        (Filters(official="ชัยวุฒิ"), 2),
        (Filters(official="ชัยวุฒิ", province="เชียงใหม่"), 1),  # both terms on one visit
        (Filters(official="ภูเวียง", district="แม่สอด"), 0),
        # The same filters with a date or a version are read from the visits.
        (Filters(official="ชัยวุฒิ", since=dt.date(2022, 1, 1)), 1),
        (Filters(province="สุโขทัย", pipeline_version="0.9"), 1),
    ],
)
def test_visit_totals_agree_with_the_rows(field_visits: str, filters: Filters, expected: int):
    with session_scope(field_visits) as session:
        rows = list(queries.visits(session, filters))
        counted = queries.visit_counts(session, filters)
    assert counted.total == len(rows) == expected
    assert sum(counted.per_province.values()) == sum(len(set(r.provinces)) for r in rows)


def test_a_visit_row_carries_its_post_and_lists(field_visits: str) -> None:
    with session_scope(field_visits) as session:
        (row,) = queries.visits(session, Filters(province="ตาก"))
    assert (row.post_id, row.url) == (1, "https://www.mdes.go.th/news/detail/1-x")
    assert row.title == "รัฐมนตรีลงพื้นที่จังหวัดตาก"
    assert row.published == dt.date(2022, 11, 6)
    assert (row.start_date, row.end_date) == (dt.date(2022, 11, 5), dt.date(2022, 11, 5))
    assert row.districts == ["แม่สอด"] and row.subdistricts == ["ด่านแม่ละเมา"]
    assert row.officials == ["นายชัยวุฒิ ธนาคมานุสรณ์"]
    assert row.sites == ["โรงเรียนบ้านห้วยปลาหลด"]
    assert row.pipeline_version == "1.0"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"province": "เชียงใหม่"}, ["เชียงใหม่"]),
        ({"district": "แม่สอด"}, ["ตาก"]),
        ({"official": "ชัยวุฒิ"}, ["เชียงใหม่", "ตาก"]),  # with or without นาย
        ({"official": "นายภูเวียง ประคำมินทร์"}, ["เชียงราย", "เชียงใหม่"]),
        ({"site_type": "school"}, ["ตาก"]),
        ({"since": "2021-03-30", "until": "2021-03-30"}, ["เชียงราย"]),  # overlaps 29..31
        ({"since": "2564-03-31", "until": "2565-12"}, ["เชียงราย", "เชียงใหม่", "ตาก"]),
        ({"published_since": "2022"}, ["ตาก", "พิษณุโลก"]),
        ({"published_until": "2022-11-05"}, ["เชียงราย", "เชียงใหม่"]),
        ({"category": "8"}, ["เชียงราย", "เชียงใหม่"]),
        ({"category": "ข่าวประชาสัมพันธ์"}, ["เชียงราย", "เชียงใหม่"]),
        ({"q": "เน็ตประชารัฐ"}, ["เชียงราย", "เชียงใหม่"]),
        ({"q": "เน็ตประชารัฐ", "official": "ชัยวุฒิ"}, ["เชียงใหม่"]),
        (
            {"province": "เชียงใหม่", "official": "ภูเวียง", "site_type": "community_centre"},
            ["เชียงใหม่"],
        ),
        ({"province": "เชียงราย", "site_type": "community_centre"}, []),
        ({"province": "สุโขทัย"}, []),  # only the superseded pipeline 0.9 said so
        ({"pipeline_version": "0.9"}, ["สุโขทัย"]),
    ],
)
def test_visit_filters(field_visits: str, filters: dict[str, str], expected: list[str]) -> None:
    assert visit_places(field_visits, **filters) == expected


def test_the_newest_pipeline_version_stays_current_when_an_older_one_reruns(
    archive_url: str,
) -> None:
    with session_scope(archive_url) as session:
        add_field_visits(session)
    with session_scope(archive_url) as session:
        add_visits(session, 3, [Visit(dates=["2023-01-10"], provinces=["ตาก"])], version="0.9")
    assert visit_places(archive_url, q="ตรวจราชการ") == ["พิษณุโลก"]
    with session_scope(archive_url) as session:
        add_visits(session, 3, [Visit(dates=["2023-01-10"], provinces=["น่าน"])], version="0.11")
    assert visit_places(archive_url, q="ตรวจราชการ") == ["น่าน"]
    assert visit_places(archive_url, q="ตรวจราชการ", pipeline_version="0.9") == ["ตาก"]
    with session_scope(archive_url) as session:
        assert facets(session, Filters(q="ตรวจราชการ"))["province"] == [("น่าน", 1)]
        older = facets(session, Filters(q="ตรวจราชการ", pipeline_version="0.9"))
        assert older["province"] == [("ตาก", 1)]


def test_one_official_row_per_person_whatever_the_honorific(field_visits: str) -> None:
    with session_scope(field_visits) as session:
        rows = {r.person: r for r in queries.officials(session, Filters())}
    assert set(rows) == {CHAIYAWUT, PHUWIANG}
    chaiyawut = rows[CHAIYAWUT]
    assert chaiyawut.names == ["ชัยวุฒิ ธนาคมานุสรณ์", "นายชัยวุฒิ ธนาคมานุสรณ์"]
    assert chaiyawut.positions == ["รัฐมนตรีว่าการกระทรวงดิจิทัลฯ"]
    assert (chaiyawut.visits, chaiyawut.posts) == (2, 2)
    assert (chaiyawut.first_visit, chaiyawut.last_visit) == (
        dt.date(2021, 3, 31),
        dt.date(2022, 11, 5),
    )
    phuwiang = rows[PHUWIANG]
    assert (phuwiang.visits, phuwiang.posts) == (2, 1)
    assert (phuwiang.first_visit, phuwiang.last_visit) == (
        dt.date(2021, 3, 29),
        dt.date(2021, 3, 31),
    )


def test_an_official_without_a_fact_is_the_person_as_written(archive_url: str) -> None:
    with session_scope(archive_url) as session:
        add_field_visits(session)
        add_visits(session, 4, [Visit(dates=["2020-05-01"], officials=["ดร.สมศักดิ์ ใจดี"])], facts=[])
        rows = [r for r in queries.officials(session, Filters()) if r.visits == 1]
    assert [(r.person, r.names, r.positions) for r in rows] == [
        ("ดร.สมศักดิ์ ใจดี", ["ดร.สมศักดิ์ ใจดี"], [])
    ]


def test_officials_follow_the_filters(field_visits: str) -> None:
    with session_scope(field_visits) as session:
        in_chiang_rai = list(queries.officials(session, Filters(province="เชียงราย")))
        asked_for = list(queries.officials(session, Filters(official="ภูเวียง")))
    assert [(r.person, r.visits) for r in in_chiang_rai] == [(PHUWIANG, 1)]
    # Only the person asked for, not everyone who was on the same visits.
    assert [(r.person, r.visits) for r in asked_for] == [(PHUWIANG, 2)]


def test_posts_oldest_first_with_what_their_visits_say(field_visits: str) -> None:
    with session_scope(field_visits) as session:
        rows = list(queries.posts(session, Filters()))
    assert [r.post_id for r in rows] == [2, 1, 3, 4]  # undated last
    two = rows[0]
    assert two.visits == 2
    assert two.provinces == ["เชียงราย", "เชียงใหม่"]
    assert two.officials == ["นายภูเวียง ประคำมินทร์", "ชัยวุฒิ ธนาคมานุสรณ์"]
    assert two.categories == ["8"] and two.category_name == "ข่าวประชาสัมพันธ์"
    assert rows[2].provinces == ["พิษณุโลก"]
    assert rows[3].visits == 0 and rows[3].provinces == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"province": "เชียงใหม่"}, [2]),
        ({"q": "กระทรวง"}, [2, 1]),
        ({"q": "กระทรวง", "since": "2022-01-01"}, [1]),
        ({"pipeline_version": "0.9"}, [3]),
        ({"category": "119"}, [1, 3, 4]),
    ],
)
def test_post_filters(field_visits: str, filters: dict[str, str], expected: list[int]) -> None:
    with session_scope(field_visits) as session:
        rows = queries.posts(session, parse_filters(**filters))
        assert [r.post_id for r in rows] == expected


def test_counts_match_the_rows(field_visits: str) -> None:
    with session_scope(field_visits) as session:
        for what, (produce, _) in queries.ROWS.items():
            for filters in (Filters(), Filters(province="เชียงใหม่"), Filters(q="กระทรวง")):
                n = queries.count(session, what, filters)
                assert n == len(list(produce(session, filters))), (what, filters)


def test_facets_count_posts_over_the_whole_archive(field_visits: str) -> None:
    with session_scope(field_visits) as session:
        got = facets(session, Filters())
    assert got["province"] == [("ตาก", 1), ("พิษณุโลก", 1), ("เชียงราย", 1), ("เชียงใหม่", 1)]
    assert got["official"] == [(CHAIYAWUT, 2), (PHUWIANG, 1)]
    assert got["site_type"] == [("community_centre", 1), ("school", 1)]
    assert got["district"] == [("แม่ริม", 1), ("แม่สอด", 1)]
    assert got["category"] == [("119", 3), ("8", 1)]
    assert got["year"] == [("2023", 1), ("2022", 1), ("2021", 1)]


def test_facet_counts_past_the_cap_are_of_the_latest_archived_posts_and_say_so(
    field_visits: str,
) -> None:
    with session_scope(field_visits) as session:
        whole = facets(session, Filters(), cap=4)
        sampled = facets(session, Filters(), cap=2)
    assert whole.exact and whole.among is None
    assert not sampled.exact and sampled.among == 2
    # Posts 4 and 3 (the latest archived): 3's current visit is in พิษณุโลก, 4 has none.
    assert sampled["province"] == [("พิษณุโลก", 1)]
    assert sampled["year"] == [("2023", 1)]
    assert sampled["category"] == [("119", 2)]


def test_facet_counts_past_the_sample_are_of_the_latest_selected_posts_and_say_so(
    field_visits: str,
) -> None:
    with session_scope(field_visits) as session:
        sampled = facets(session, Filters(official="ชัยวุฒิ"), cap=4, sample=1)
        dated = facets(session, Filters(since=dt.date(2021, 1, 1)), cap=4, sample=2)
    # Posts 1 and 2 name him; the latest, 2, on its visit to เชียงใหม่ (not the one to เชียงราย).
    assert not sampled.exact and sampled.among == 1
    assert sampled["province"] == [("เชียงใหม่", 1)]
    assert sampled["year"] == [("2021", 1)]
    # Visits since 2021 are of posts 1, 2 and 3: the latest two are 3 and 2.
    assert dated.among == 2 and dated["year"] == [("2023", 1), ("2021", 1)]


def test_facets_combine_with_the_text_query_and_filters(field_visits: str) -> None:
    with session_scope(field_visits) as session:
        searched = facets(session, Filters(q="เน็ตประชารัฐ"))
        in_chiang_mai = facets(session, Filters(province="เชียงใหม่"))
        nothing = facets(session, Filters(q="ไม่มีคำนี้"))
    assert searched["province"] == [("เชียงราย", 1), ("เชียงใหม่", 1)]
    assert searched["category"] == [("8", 1)]
    assert searched["year"] == [("2021", 1)]
    # Drill-down: the officials on the visits in Chiang Mai, not on every visit of the post.
    assert in_chiang_mai["official"] == [(CHAIYAWUT, 1), (PHUWIANG, 1)]
    assert in_chiang_mai["site_type"] == [("community_centre", 1)]
    assert all(values == [] for values in nothing.values())
