"""Who made a visit and who received it, and visit ids that stay citable across re-extractions."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest
from archive_data import add_post, add_visits, archive_id, official, site, site_id
from sqlalchemy import select
from sqlalchemy.orm import Session

from archive import queries
from archive.db import session_scope
from archive.export import export
from archive.filters import Filters, parse_filters
from archive.models import Fact, RetiredVisit
from archive.models import Visit as StoredVisit
from nlp.facts import Visit

MINISTER = "นายชัยวุฒิ ธนาคมานุสรณ์"
GOVERNOR = "นายสมชาย ใจดี"


def _visit(province: str = "ตาก") -> Visit:
    return Visit(
        dates=["2022-11-05"],
        provinces=[province],
        officials=[MINISTER, GOVERNOR],
        sites=["โรงเรียนบ้านห้วยปลาหลด"],
        roles={MINISTER: "visitor", GOVERNOR: "host"},
    )


FACTS = [
    official(MINISTER, "ชัยวุฒิ ธนาคมานุสรณ์", "รัฐมนตรีว่าการกระทรวงดิจิทัลฯ"),
    official(GOVERNOR, "สมชาย ใจดี", "ผู้ว่าราชการจังหวัดตาก"),
    site("โรงเรียนบ้านห้วยปลาหลด", "school"),
]


def _add_trip(session: Session, post_id: int = 7, province: str = "ตาก") -> None:
    """A post whose one visit the minister made and the governor received."""
    add_post(session, post_id, f"ลงพื้นที่{province}", "ข้อความ")
    add_visits(session, post_id, [_visit(province)], FACTS)


def _stored(url: str) -> tuple[list[int], list[int]]:
    with session_scope(url) as session:
        visits = list(session.scalars(select(StoredVisit.id).order_by(StoredVisit.id)))
        facts = list(session.scalars(select(Fact.id).order_by(Fact.id)))
    return visits, facts


def test_a_visit_found_again_keeps_its_id_and_its_facts_theirs(archive_url: str) -> None:
    with session_scope(archive_url) as session:
        _add_trip(session)
    before = _stored(archive_url)
    for _ in range(2):  # re-extraction by the same pipeline, as `extract` and `make demo` do
        with session_scope(archive_url) as session:
            add_visits(session, 7, [_visit()], FACTS)
    assert _stored(archive_url) == before
    assert len(before[0]) == 1 and len(before[1]) == 3


def test_a_visit_that_changed_retires_its_id_and_names_the_visit_that_replaced_it(
    archive_url: str,
) -> None:
    with session_scope(archive_url) as session:
        _add_trip(session)
    (old,), _ = _stored(archive_url)
    with session_scope(archive_url) as session:
        add_visits(session, 7, [_visit("สุโขทัย")], FACTS)
    (new,), _ = _stored(archive_url)
    assert new != old
    with session_scope(archive_url) as session:
        retired = session.get(RetiredVisit, old)
        assert retired is not None
        assert (retired.post_id, retired.replaced_by) == (archive_id(session, 7), new)


def test_the_visits_export_gives_each_officials_position_and_role_and_each_sites_type(
    archive_url: str, tmp_path: Path
) -> None:
    with session_scope(archive_url) as session:
        _add_trip(session)
        export(session, "visits", "csv", tmp_path / "v.csv", Filters())
    with (tmp_path / "v.csv").open(encoding="utf-8-sig", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["officials"] == f"{MINISTER}; {GOVERNOR}"
    assert row["positions"] == "รัฐมนตรีว่าการกระทรวงดิจิทัลฯ; ผู้ว่าราชการจังหวัดตาก"
    assert row["roles"] == "visitor; host"
    assert row["site_types"] == "school"


def test_an_officials_visits_are_the_visits_made_and_receiving_is_counted_apart(
    archive_url: str,
) -> None:
    with session_scope(archive_url) as session:
        _add_trip(session)
        _add_trip(session, 8, "สุโขทัย")
        rows = {r.person: r for r in queries.officials(session, Filters())}
    minister, governor = rows["ชัยวุฒิ ธนาคมานุสรณ์"], rows["สมชาย ใจดี"]
    assert (minister.visits, minister.hosted, minister.posts) == (2, 0, 2)
    assert (governor.visits, governor.hosted, governor.posts) == (0, 2, 0)


def test_every_visit_an_official_made_leaves_out_the_visits_the_official_received(
    archive_url: str,
) -> None:
    with session_scope(archive_url) as session:
        _add_trip(session)  # the minister visits, the governor hosts
        add_post(session, 8, "ผู้ว่าฯ ลงพื้นที่", "ข้อความ")
        trip = Visit(dates=["2022-12-01"], provinces=["ลำปาง"], officials=[GOVERNOR])
        add_visits(session, 8, [dataclasses.replace(trip, roles={GOVERNOR: "visitor"})], FACTS)

        def posts(**filters: str) -> list[int]:
            visits = queries.visits(session, parse_filters(**filters))
            return [site_id(session, r.post_id) for r in visits]

        assert posts(official="สมชาย") == [7, 8]
        assert posts(official="สมชาย", role="visitor") == [8]
        assert posts(official="สมชาย", role="ผู้ต้อนรับ") == [7]  # the Thai label works too
        assert posts(role="host") == [7]
    with pytest.raises(ValueError, match="role: not a role"):
        parse_filters(role="guest")
