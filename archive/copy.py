"""Move a whole archive to another database (SQLite → PostgreSQL, or back) and prove it arrived.

A team outgrows the SQLite file; the archive must reach the server with nothing lost, and "nothing
lost" should be a figure, not a hope. So every table is copied in foreign-key order, in batches,
inside one transaction on the target, and then counted and checksummed on both sides before that
transaction commits: a mismatch rolls everything back and leaves the target as empty as it was.

The engines' own search indexes are derived, never copied: SQLite's FTS5 table follows
`search_docs` by trigger, PostgreSQL's tsvector column is generated from it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Integer, Table, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from archive import migrate
from archive.db import ArchiveError, get_engine, is_sqlite
from archive.models import Base

BATCH = 5000
_MODULUS = 2**256

Progress = Callable[[str, int], None]  # table, rows copied so far


@dataclass(frozen=True)
class TableCheck:
    """One table on both sides: row counts and an order-independent checksum of the rows."""

    table: str
    source_rows: int
    target_rows: int
    source_sum: str
    target_sum: str

    @property
    def ok(self) -> bool:
        return (self.source_rows, self.source_sum) == (self.target_rows, self.target_sum)


@dataclass(frozen=True)
class CopyReport:
    tables: list[TableCheck]
    seconds: float

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.tables)

    @property
    def rows(self) -> int:
        return sum(t.source_rows for t in self.tables)


def shown(url: str) -> str:
    """A database URL fit to print: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL at all: say it as given
        return url


def tables() -> list[Table]:
    """Every table of the archive, parents before children (the models know the newest schema)."""
    return list(Base.metadata.sorted_tables)


def copy_archive(
    source_url: str, target_url: str, batch: int = BATCH, progress: Progress | None = None
) -> CopyReport:
    """Copy the archive at `source_url` into the empty archive at `target_url` (created or
    upgraded to the newest schema first) and compare them table by table.

    Raises ValueError when both are the same archive, ArchiveError (one line) when the source is
    missing or at another schema revision, or the target already holds rows. Returns the report
    either way; the target keeps the rows only when every table matched.
    """
    if make_url(source_url) == make_url(target_url):
        raise ValueError("copy: the source and the target are the same archive")
    with _opening(source_url):
        _check_source(source_url)
    with _opening(target_url):
        migrate.upgrade(target_url)
    started = time.perf_counter()
    snapshot = {} if is_sqlite(source_url) else {"isolation_level": "REPEATABLE READ"}
    source, target = get_engine(source_url), get_engine(target_url)
    with source.connect().execution_options(**snapshot) as src, target.connect() as dst:
        transaction = dst.begin()  # rolled back when the connection closes, should anything fail
        _check_empty(dst, target_url)
        copied = [(t, *_copy_table(src, dst, t, batch, progress)) for t in tables()]
        if dst.dialect.name == "postgresql":
            _fix_sequences(dst)
        checks = []
        for table, rows, digest in copied:
            target_rows, target_sum = checksum(dst, table, batch)
            checks.append(TableCheck(table.name, rows, target_rows, digest, target_sum))
        report = CopyReport(checks, time.perf_counter() - started)
        if report.ok:
            transaction.commit()
        else:
            transaction.rollback()  # nothing half-copied stays behind
    return report


@contextmanager
def _opening(url: str) -> Iterator[None]:
    """A server that does not answer, or refuses us, is one line naming it (not SQL noise)."""
    try:
        yield
    except OperationalError as exc:
        reason = str(exc.orig or exc).strip().splitlines()[0]
        raise ArchiveError(f"copy: cannot open {shown(url)}: {reason}") from exc


def _check_source(url: str) -> None:
    if is_sqlite(url):
        path = make_url(url).database or ""
        if not path or path == ":memory:" or not Path(path).is_file():
            raise ArchiveError(f"copy: no archive at {shown(url)} (no such file)")
    revision, head = migrate.current_revision(url), migrate.head_revision()
    if revision is None:
        raise ArchiveError(f"copy: {shown(url)} is not an archive (no schema revision)")
    if revision != head:
        raise ArchiveError(
            f"copy: the source is at schema revision {revision}, this version writes {head}: "
            f"run `ministry-news --db SOURCE migrate` with the newer of the two first"
        )


def _check_empty(conn: Connection, url: str) -> None:
    for table in tables():
        rows = conn.scalar(select(func.count()).select_from(table)) or 0
        if rows:
            raise ArchiveError(
                f"copy: the target {shown(url)} is not empty ({table.name}: {rows} rows); "
                "copy into a new archive"
            )


def _stream(conn: Connection, table: Table, batch: int) -> Iterator[list[tuple[Any, ...]]]:
    yield from conn.execute(select(*table.columns).execution_options(yield_per=batch)).partitions()


def _copy_table(
    src: Connection, dst: Connection, table: Table, batch: int, progress: Progress | None
) -> tuple[int, str]:
    """Copy one table; its row count and checksum as read from the source."""
    names = [c.name for c in table.columns]
    total, count = 0, 0
    stmt = insert(table)
    for rows in _stream(src, table, batch):
        total = (total + sum(_row_hash(r) for r in rows)) % _MODULUS
        dst.execute(stmt, [dict(zip(names, r, strict=True)) for r in rows])
        count += len(rows)
        if progress:
            progress(table.name, count)
    return count, f"{total:064x}"


def checksum(conn: Connection, table: Table, batch: int = BATCH) -> tuple[int, str]:
    """Rows and their checksum: the sum of each row's sha256 (mod 2**256), so the order rows
    come back in does not matter (the engines sort text differently)."""
    total, count = 0, 0
    for rows in _stream(conn, table, batch):
        total = (total + sum(_row_hash(r) for r in rows)) % _MODULUS
        count += len(rows)
    return count, f"{total:064x}"


def _row_hash(row: Iterable[Any]) -> int:
    encoded = json.dumps(
        [_plain(v) for v in row], ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    return int.from_bytes(hashlib.sha256(encoded.encode()).digest(), "big")


def _plain(value: Any) -> Any:
    """A value as both engines give it back: dates as ISO text, JSON as Python lists/dicts."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def _fix_sequences(conn: Connection) -> None:
    """Rows came with their ids: move each id sequence past the largest, or the next insert
    (a crawl run, a fact) would collide with a copied row."""
    for table in tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue
        sequence = conn.scalar(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": table.name, "column": pk[0].name},
        )
        if sequence is None:  # an id that is not generated
            continue
        conn.execute(
            text(
                f'SELECT setval(:sequence, COALESCE(MAX("{pk[0].name}"), 0) + 1, false) '
                f'FROM "{table.name}"'
            ),
            {"sequence": sequence},
        )
