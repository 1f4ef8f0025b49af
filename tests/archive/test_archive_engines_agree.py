"""The engine is the --db URL alone: the same archive answers the same on SQLite and PostgreSQL."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from archive_data import CORPUS, add_field_visits, add_post

from archive.db import session_scope
from archive.export import export
from archive.filters import parse_filters
from archive.search import facets, search

QUERIES = [
    "โรงเรียน",
    "จังหวัด",
    "ตรวจเยี่ยม โรงเรียน",
    '"ตรวจเยี่ยม โรงเรียน"',
    "ดิจิทัล",
    "กระทรวง",
    "เน็ตประชารัฐ",
    "แห่งชาติ",
    "2565",
    "ตา",
    '"ไม่ปิด',
]
FILTERS = [
    {},
    {"province": "เชียงใหม่"},
    {"official": "ชัยวุฒิ"},
    {"q": "กระทรวง", "since": "2022-01-01"},
    {"category": "8"},
    {"pipeline_version": "0.9"},
]


@pytest.mark.postgres
def test_search_facets_and_exports_agree(make_archive: Callable[[str], str]) -> None:
    answers = []
    for engine in ("sqlite", "postgresql"):
        url = make_archive(engine)
        with session_scope(url) as session:
            for post_id, (title, body) in CORPUS.items():
                add_post(session, post_id, title, body)
            add_field_visits(session)
        got: dict[str, object] = {}
        with session_scope(url) as session:
            for q in QUERIES:
                page = search(session, parse_filters(q=q), limit=50)
                got[q] = (
                    page.total,
                    sorted((h.post_id, h.snippet.text, h.snippet.spans) for h in page.hits),
                )
            for raw in FILTERS:
                filters = parse_filters(**raw)
                got[f"facets {raw}"] = facets(session, filters)
                for what in ("posts", "visits", "officials"):
                    for fmt in ("csv", "jsonl"):
                        out = io.BytesIO()
                        export(session, what, fmt, out, filters)
                        got[f"{what}.{fmt} {raw}"] = out.getvalue()
        answers.append(got)
    sqlite, postgresql = answers
    assert sqlite.keys() == postgresql.keys()
    for key in sqlite:
        assert sqlite[key] == postgresql[key], key
    assert sqlite["โรงเรียน"][0] == 3  # the comparison is not between two empty answers
