"""Exports of posts, visits and officials as CSV, JSON Lines or Parquet, streamed row by row.

CSV is written for Excel, where most researchers open it: UTF-8 with a BOM (or Thai turns to
mojibake), ISO dates, lists joined with "; ", and no cell that Excel would run as a formula.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import io
import json
import os
import stat
import sys
import tempfile
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Literal, TextIO

from sqlalchemy.orm import Session

from archive import queries
from archive.filters import Filters

What = Literal["posts", "visits", "officials"]
Format = Literal["csv", "jsonl", "parquet"]
Out = BinaryIO | TextIO
Advance = Callable[[], None]
FORMATS: tuple[str, ...] = typing.get_args(Format)
WHATS: tuple[str, ...] = typing.get_args(What)

LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BATCH = 5000  # Parquet rows per record batch


def export(
    session: Session,
    what: What,
    fmt: Format,
    out: Path | BinaryIO | TextIO,
    filters: Filters | None = None,
    progress: bool = False,
) -> int:
    """Write every row of `what` the filters select to `out`; return how many rows.

    A path is written to a temporary file first and renamed at the end, so a failed export
    leaves no half file and an earlier file of the same name intact. Raises ValueError (one
    line) for an unknown kind, format or a malformed filter, before writing anything.
    """
    if what not in WHATS:
        raise ValueError(f"export: unknown rows {what!r} (choose {', '.join(WHATS)})")
    if fmt not in FORMATS:
        raise ValueError(f"export: unknown format {fmt!r} (choose {', '.join(FORMATS)})")
    if fmt == "parquet" and isinstance(out, io.TextIOBase):
        raise ValueError("export: parquet needs a file path or a binary file, not a text stream")
    if isinstance(out, str | os.PathLike) and not Path(out).parent.is_dir():
        raise ValueError(f"export: no folder {str(Path(out).parent)!r} to write {out} in")
    filters = filters or Filters()
    produce, row_type = queries.ROWS[what]
    rows: Iterator[Any] = produce(session, filters)
    with _progress(session, what, filters, progress) as advance:
        if isinstance(out, str | os.PathLike):
            return _to_path(Path(out), _WRITERS[fmt], row_type, rows, advance)
        return _WRITERS[fmt](out, row_type, rows, advance)


def _columns(row_type: type) -> list[str]:
    return [f.name for f in dataclasses.fields(row_type)]


def _to_path(
    path: Path, write: Callable[..., int], row_type: type, rows: Iterator[Any], advance: Advance
) -> int:
    """Rows to a file named by the user, never half written nor put in place of what is there.

    A FIFO or a device (or a symlink to one) is where the user sends the rows: written into.
    A symlink to a file keeps being one: the file it points to is replaced. Otherwise the rows
    go to a hidden `.NAME.*.part` beside it, renamed over NAME at the end and removed on any
    failure or interruption; it gets the mode of the file it replaces, or the umask's.
    """
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise ValueError(f"export: {str(path)!r} is a folder, not a file")
    if target.exists() and not target.is_file():
        with open(target, "wb") as stream:
            return write(stream, row_type, rows, advance)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        os.fchmod(fd, _mode_for(target))
        with os.fdopen(fd, "wb") as f:
            n = write(f, row_type, rows, advance)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return n


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or a new file's under the umask (mkstemp's are 0600)."""
    if target.exists():
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def _text(out: Out, encoding: str) -> Iterator[TextIO]:
    if isinstance(out, io.TextIOBase):
        yield typing.cast(TextIO, out)
        return
    binary = typing.cast(typing.IO[bytes], out)
    wrapper = io.TextIOWrapper(binary, encoding=encoding, newline="", write_through=True)
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()  # the caller's file stays open


# --- CSV --------------------------------------------------------------------------------------


def csv_cell(value: Any) -> str:
    """One value as Excel should see it."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    elif isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    elif not isinstance(value, str):
        return str(value)
    # A cell starting like a formula would run as one in Excel or LibreOffice (CSV injection).
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _write_csv(out: Out, row_type: type, rows: Iterator[Any], advance: Advance) -> int:
    columns = _columns(row_type)
    with _text(out, "utf-8-sig") as f:
        if isinstance(out, io.TextIOBase) and (f.encoding or "").lower().replace("-", "_") != (
            "utf_8_sig"
        ):
            f.write("\ufeff")  # a text stream does not add the BOM itself
        writer = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(columns)
        n = 0
        for row in rows:
            writer.writerow([csv_cell(getattr(row, c)) for c in columns])
            n += 1
            advance()
    return n


# --- JSON Lines -------------------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def json_line(record: dict[str, Any]) -> str:
    """One JSON Lines record, Thai as is; U+2028/U+2029 escaped, since JavaScript and many line
    readers take them for line ends and would split the record."""
    text = json.dumps(record, ensure_ascii=False, default=_json_default)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _write_jsonl(out: Out, row_type: type, rows: Iterator[Any], advance: Advance) -> int:
    columns = _columns(row_type)
    with _text(out, "utf-8") as f:
        n = 0
        for row in rows:
            record = {c: getattr(row, c) for c in columns}
            f.write(json_line(record) + "\n")
            n += 1
            advance()
    return n


# --- Parquet ----------------------------------------------------------------------------------


def arrow_schema(row_type: type) -> Any:
    """The Parquet columns, typed from the row dataclass: lists stay lists, dates stay dates."""
    import pyarrow as pa

    def arrow(hint: Any) -> Any:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if typing.get_origin(hint) is list:
            return pa.list_(arrow(args[0]))
        if args:  # X | None
            return arrow(args[0])
        return {
            int: pa.int64(),
            float: pa.float64(),
            str: pa.string(),
            bool: pa.bool_(),
            dt.date: pa.date32(),
            dt.datetime: pa.timestamp("us"),
        }[hint]

    hints = typing.get_type_hints(row_type)
    return pa.schema([(f.name, arrow(hints[f.name])) for f in dataclasses.fields(row_type)])


def _write_parquet(out: Out, row_type: type, rows: Iterator[Any], advance: Advance) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = _columns(row_type)
    schema = arrow_schema(row_type)
    n = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append({c: getattr(row, c) for c in columns})
            advance()
            if len(batch) >= BATCH:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch:
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


_WRITERS: dict[str, Callable[..., int]] = {
    "csv": _write_csv,
    "jsonl": _write_jsonl,
    "parquet": _write_parquet,
}


# --- progress ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _progress(session: Session, what: str, filters: Filters, wanted: bool) -> Iterator[Advance]:
    """A rich progress bar on stderr when asked for and stderr is a terminal; else nothing."""
    if not (wanted and sys.stderr.isatty()):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    total = queries.count(session, what, filters)
    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(f"exporting {what}", total=total)
        done = 0

        def advance() -> None:
            nonlocal done
            done += 1
            if done % 500 == 0:
                bar.update(task, completed=done)

        yield advance
