"""The counts `ministry-news stats` prints."""

from __future__ import annotations

import datetime as dt

from archive_data import add_field_visits

from archive.db import session_scope
from archive.stats import summary
from archive.store import record_failure, start_run


def test_summary_counts_the_current_facts(archive_url: str) -> None:
    with session_scope(archive_url) as session:
        add_field_visits(session)
        run = start_run(session, ["https://www.mdes.go.th/news/119"])
        run.pages, run.new_posts, run.status = 3, 4, "finished"
        record_failure(session, "https://www.mdes.go.th/news/detail/9-x", "HTTP 404", 404, run.id)
    with session_scope(archive_url) as session:
        s = summary(session)
    assert (s["posts"], s["visits"], s["failures"]) == (4, 4, 1)
    assert s["facts"] == 5  # 2 + 3; post 3's visits came without facts
    assert s["per_province"] == [("ตาก", 1), ("พิษณุโลก", 1), ("เชียงราย", 1), ("เชียงใหม่", 1)]
    assert s["per_year"] == [("2023", 1), ("2022", 1), ("2021", 1)]
    assert s["per_category"] == [("119 ข่าวกิจกรรม", 3), ("8 ข่าวประชาสัมพันธ์", 1)]
    assert s["pipeline_versions"] == [("0.10", 1), ("1.0", 2)]
    assert (s["first_published"], s["last_published"]) == (
        dt.date(2021, 4, 1),
        dt.date(2023, 1, 12),
    )
    assert s["last_run"]["pages"] == 3 and s["last_run"]["status"] == "finished"


def test_summary_of_an_empty_archive(archive_url: str) -> None:
    with session_scope(archive_url) as session:
        s = summary(session)
    assert (s["posts"], s["visits"], s["facts"], s["failures"]) == (0, 0, 0, 0)
    assert s["per_province"] == s["per_year"] == s["per_category"] == []
    assert s["last_run"] is None
