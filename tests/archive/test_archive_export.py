"""Exports read back with the standard readers: csv, json, pyarrow and pandas."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from archive_data import CHAIYAWUT
from sqlalchemy import insert
from sqlalchemy.orm import Session

from archive import queries
from archive.db import session_scope
from archive.export import export
from archive.filters import Filters
from archive.models import Post, PostExtraction, Visit

VISIT_COLUMNS = [f.name for f in dataclasses.fields(queries.VisitRow)]


def run(url: str, what: str, fmt: str, out: object, **filters: object) -> int:
    with session_scope(url) as session:
        return export(session, what, fmt, out, Filters(**filters))  # type: ignore[arg-type]


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_visits_csv_opens_in_excel_as_utf8_with_one_header(field_visits: str, tmp_path: Path):
    path = tmp_path / "visits.csv"
    assert run(field_visits, "visits", "csv", path) == 4
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    assert raw.count(b"\xef\xbb\xbf") == 1
    rows = read_csv(path)
    assert rows[0] == VISIT_COLUMNS
    assert len(rows) == 5
    assert [r[0] for r in rows[1:]] != [r[0] for r in rows[:1]]  # no repeated header
    chiang_rai = dict(zip(rows[0], rows[1], strict=True))
    assert chiang_rai["provinces"] == "เชียงราย"
    assert chiang_rai["dates"] == "2021-03-29; 2021-03-30; 2021-03-31"
    assert (chiang_rai["start_date"], chiang_rai["end_date"]) == ("2021-03-29", "2021-03-31")
    assert chiang_rai["published"] == "2021-04-01"
    assert chiang_rai["url"] == "https://www.mdes.go.th/news/detail/2-x"
    chiang_mai = dict(zip(rows[0], rows[2], strict=True))
    assert chiang_mai["officials"] == "นายภูเวียง ประคำมินทร์; ชัยวุฒิ ธนาคมานุสรณ์"


def test_posts_csv_keeps_awkward_text_and_defuses_formulas(field_visits: str, tmp_path: Path):
    path = tmp_path / "posts.csv"
    assert run(field_visits, "posts", "csv", path) == 4
    rows = {r["post_id"]: r for r in csv.DictReader(io.StringIO(path.read_text("utf-8-sig")))}
    # Commas, quotes and a line break survive; a leading = is shown, never run.
    assert rows["4"]["body"] == "'" + '=HYPERLINK("http://x") รับสมัคร, "ด่วน"\nบรรทัดสอง'
    assert rows["4"]["published"] == ""
    assert rows["2"]["categories"] == "8"
    assert rows["2"]["provinces"] == "เชียงราย; เชียงใหม่"
    assert rows["2"]["first_fetched_at"] == "2022-11-06T00:00:00"
    frame = pd.read_csv(path, encoding="utf-8-sig")
    assert list(frame["post_id"]) == [2, 1, 3, 4]
    assert frame.shape[0] == 4


def test_officials_csv_one_row_per_person(field_visits: str, tmp_path: Path) -> None:
    path = tmp_path / "officials.csv"
    assert run(field_visits, "officials", "csv", path) == 2
    rows = {r["person"]: r for r in csv.DictReader(io.StringIO(path.read_text("utf-8-sig")))}
    assert rows[CHAIYAWUT]["names"] == "ชัยวุฒิ ธนาคมานุสรณ์; นายชัยวุฒิ ธนาคมานุสรณ์"
    assert rows[CHAIYAWUT]["visits"] == "2"
    assert rows[CHAIYAWUT]["first_visit"] == "2021-03-31"
    assert rows[CHAIYAWUT]["last_visit"] == "2022-11-05"


def test_visits_jsonl_keeps_lists_and_iso_dates(field_visits: str, tmp_path: Path) -> None:
    path = tmp_path / "visits.jsonl"
    assert run(field_visits, "visits", "jsonl", path, province="เชียงใหม่") == 1
    raw = path.read_bytes()
    assert "เชียงใหม่".encode() in raw  # readable Thai, not \\u escapes
    (record,) = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
    assert list(record) == VISIT_COLUMNS
    assert record["officials"] == ["นายภูเวียง ประคำมินทร์", "ชัยวุฒิ ธนาคมานุสรณ์"]
    assert record["start_date"] == "2021-03-31"
    assert record["districts"] == ["แม่ริม"]


def test_visits_parquet_has_typed_columns(field_visits: str, tmp_path: Path) -> None:
    path = tmp_path / "visits.parquet"
    assert run(field_visits, "visits", "parquet", path) == 4
    table = pq.read_table(path)
    assert table.column_names == VISIT_COLUMNS
    assert table.schema.field("start_date").type == pa.date32()
    assert table.schema.field("provinces").type == pa.list_(pa.string())
    assert table.schema.field("visit_id").type == pa.int64()
    rows = table.to_pylist()
    assert rows[0]["dates"] == ["2021-03-29", "2021-03-30", "2021-03-31"]
    assert rows[0]["start_date"] == dt.date(2021, 3, 29)
    assert [r["provinces"] for r in rows] == [["เชียงราย"], ["เชียงใหม่"], ["ตาก"], ["พิษณุโลก"]]
    frame = pd.read_parquet(path)
    assert list(frame["title"])[2] == "รัฐมนตรีลงพื้นที่จังหวัดตาก"


def test_posts_and_officials_parquet(field_visits: str, tmp_path: Path) -> None:
    assert run(field_visits, "posts", "parquet", tmp_path / "p.parquet") == 4
    posts = pq.read_table(tmp_path / "p.parquet")
    assert posts.schema.field("fetched_at").type == pa.timestamp("us")
    assert posts.column("visits").to_pylist() == [2, 1, 1, 0]
    assert run(field_visits, "officials", "parquet", tmp_path / "o.parquet") == 2
    officials = pq.read_table(tmp_path / "o.parquet").to_pylist()
    assert officials[0]["person"] == CHAIYAWUT and officials[0]["posts"] == 2


def test_exports_follow_a_search_and_filters(field_visits: str, tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    assert run(field_visits, "visits", "csv", path, q="เน็ตประชารัฐ", official="ชัยวุฒิ") == 1
    header, *rows = read_csv(path)
    assert [r[header.index("start_date")] for r in rows] == ["2021-03-31"]


def test_export_to_open_binary_and_text_files(field_visits: str) -> None:
    binary = io.BytesIO()
    assert run(field_visits, "visits", "csv", binary) == 4
    assert binary.getvalue().startswith(b"\xef\xbb\xbf" + b"visit_id,")
    assert not binary.closed
    text = io.StringIO()
    assert run(field_visits, "visits", "jsonl", text) == 4
    assert len(text.getvalue().splitlines()) == 4
    text_csv = io.StringIO()
    run(field_visits, "officials", "csv", text_csv)
    assert text_csv.getvalue().startswith("\ufeffperson,")
    parquet = io.BytesIO()
    assert run(field_visits, "visits", "parquet", parquet) == 4
    assert pq.read_table(io.BytesIO(parquet.getvalue())).num_rows == 4
    with pytest.raises(ValueError, match="parquet needs a file path or a binary file"):
        run(field_visits, "visits", "parquet", io.StringIO())


def test_an_empty_selection_writes_a_header_or_schema(field_visits: str, tmp_path: Path):
    assert run(field_visits, "visits", "csv", tmp_path / "e.csv", province="ไม่มี") == 0
    assert read_csv(tmp_path / "e.csv") == [VISIT_COLUMNS]
    assert run(field_visits, "visits", "parquet", tmp_path / "e.parquet", province="ไม่มี") == 0
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 0 and table.column_names == VISIT_COLUMNS


def test_a_failed_export_leaves_the_earlier_file_alone(field_visits: str, tmp_path: Path):
    path = tmp_path / "visits.csv"
    path.write_text("earlier export\n")
    with pytest.raises(ValueError, match="^q: "):
        run(field_visits, "visits", "csv", path, q="***")
    with pytest.raises(ValueError, match="unknown format 'xlsx'"):
        run(field_visits, "visits", "xlsx", path)
    with pytest.raises(ValueError, match="unknown rows 'sites'"):
        run(field_visits, "sites", "csv", path)
    with pytest.raises(ValueError, match="no folder"):
        run(field_visits, "visits", "csv", tmp_path / "missing" / "v.csv")
    assert path.read_text() == "earlier export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["visits.csv"]


def test_no_progress_bar_when_not_on_a_terminal(
    field_visits: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with session_scope(field_visits) as session:
        export(session, "visits", "csv", tmp_path / "v.csv", Filters(), progress=True)
    assert capsys.readouterr().err == ""


class _Discard(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, b) -> int:  # type: ignore[no-untyped-def, override]
        return len(b)


def test_export_streams_rather_than_holding_every_row(archive_url: str) -> None:
    n_posts, per_post = 1000, 10
    with session_scope(archive_url) as session:
        session.execute(
            insert(Post),
            [
                {
                    "id": i,
                    "source": "mdes",
                    "source_id": i,
                    "url": f"https://www.mdes.go.th/news/detail/{i}-x",
                    "title": f"ข่าวที่ {i}",
                    "body": "",
                    "categories": ["119"],
                    "images": [],
                    "attachments": [],
                    "content_hash": str(i),
                    "version": 1,
                    "published": dt.date(2020, 1, 1),
                }
                for i in range(n_posts)
            ],
        )
        session.execute(
            insert(PostExtraction),
            [{"post_id": i, "pipeline_version": "1.0", "current": True} for i in range(n_posts)],
        )
        session.execute(
            insert(Visit),
            [
                {
                    "post_id": i,
                    "pipeline_version": "1.0",
                    "seq": s,
                    "start_date": dt.date(2020, 1, 1) + dt.timedelta(days=s),
                    "dates": ["2020-01-01"],
                    "provinces": ["เชียงใหม่", "เชียงราย"],
                    "districts": [],
                    "subdistricts": [],
                    "officials": ["นายภูเวียง ประคำมินทร์"] * 3,
                    "sites": ["ศูนย์ดิจิทัลชุมชนบ้านแม่ริม"] * 3,
                }
                for i in range(n_posts)
                for s in range(per_post)
            ],
        )

    def peak(action: Callable[[Session], object]) -> int:
        """The most memory Python held while running `action` (after connecting)."""
        with session_scope(archive_url) as session:
            session.connection()
            tracemalloc.start()
            try:
                action(session)
                return tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()

    # Ten times the rows (past the read chunk), about the same memory: rows go out as they come.
    one_day = Filters(since=dt.date(2020, 1, 1), until=dt.date(2020, 1, 1))
    with session_scope(archive_url) as session:
        assert queries.count(session, "visits", one_day) == n_posts
    small = peak(lambda s: export(s, "visits", "csv", _Discard(), one_day))
    large = peak(lambda s: export(s, "visits", "csv", _Discard(), Filters()))
    held = peak(lambda s: list(queries.visits(s, Filters())))
    assert large < 3 * small, (large, small)
    assert held > 3 * large, (held, large)  # what holding them all would have cost
