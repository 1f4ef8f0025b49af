"""A cited visit keeps answering: its permalink leads to its row, or to the visit that replaced it."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import select

from archive.db import session_scope
from archive.migrate import upgrade
from archive.models import Visit as StoredVisit
from archive.store import replace_facts, save_post
from ministry_news.web import create_app
from nlp.facts import Extraction, Visit
from tests.archive.archive_data import ids_from, post_item

MINISTER, GOVERNOR = "นายชัยวุฒิ ธนาคมานุสรณ์", "นายสมชาย ใจดี"


def _extract(url: str, province: str) -> int:
    visit = Visit(
        dates=["2022-11-05"],
        provinces=[province],
        officials=[MINISTER, GOVERNOR],
        roles={MINISTER: "visitor", GOVERNOR: "host"},
    )
    with session_scope(url) as session:
        replace_facts(session, 5, Extraction(version="1", facts=[], visits=[visit]))
    with session_scope(url) as session:
        return session.scalars(select(StoredVisit.id)).one()


def test_a_visit_permalink_survives_the_re_extraction_that_replaced_the_visit(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'archive.sqlite'}"
    upgrade(url)
    with session_scope(url) as session, ids_from(session, 5):  # the archive's id 5 too
        save_post(session, post_item(5, "ลงพื้นที่", "ข้อความ"))
    old = _extract(url, "ตาก")
    new = _extract(url, "สุโขทัย")
    assert new != old
    with TestClient(create_app(url)) as client:
        moved = client.get(f"/visits/{old}", follow_redirects=False)
        assert (moved.status_code, moved.headers["location"]) == (301, f"/visits/{new}")
        here = client.get(f"/visits/{new}", follow_redirects=False)
        assert here.headers["location"] == f"/posts/5#visit-{new}"
        row = BeautifulSoup(client.get("/posts/5").text, "lxml").select_one(f"#visit-{new}")
        assert row is not None and "สุโขทัย" in row.get_text()
        assert "(ผู้ต้อนรับ)" in row.get_text()  # the governor received the minister
        assert client.get("/visits/999").status_code == 404
