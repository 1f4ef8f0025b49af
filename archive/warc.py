"""Every HTTP exchange of a crawl, kept in WARC files, and the index that finds each response.

Researchers cite what a page said on a date, and parsers improve: so the bytes the site sent are
the archive's ground truth, and posts are what we made of them. WARC (ISO 28500) because every
web archive reads it. One series of files per crawl run, gzip with one member per record (any
record can be read back from its offset alone), rotated by size. Each response is indexed in the
database (URL, time, status, digest, file, offset) after its bytes are flushed to the file, so an
index row always points at a whole record, even after a kill.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from sqlalchemy import make_url, select
from sqlalchemy.orm import Session
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive import encodings
from archive.db import DEFAULT_DB_PATH, is_sqlite
from archive.models import WarcRecord
from archive.sources import DEFAULT_SOURCE

#: Size at which a WARC file is closed and the next one begun (the usual 1 GB of web archives).
DEFAULT_MAX_SIZE = 1_000_000_000
SUFFIX = ".warc.gz"
#: Largest body a page may have, sent or decompressed (the crawl's DOWNLOAD_MAXSIZE): past it a
#: page is refused during the crawl and not read back from a WARC file either.
MAX_BODY = 8 * 2**20
#: Hop-by-hop framing the downloader has already undone: the recorded payload is de-chunked.
_FRAMING = {"transfer-encoding"}
#: Prefix of a header the site sent that no longer describes the stored payload (decoded).
ORIGINAL = "X-Archive-Orig-"

Headers = list[tuple[str, str]]


def data_dir(db_url: str) -> Path:
    """The folder of the SQLite file (data/ for the default archive); data/ for a server DB."""
    if is_sqlite(db_url) and "///" in db_url:
        path = db_url.split("///", 1)[1].split("?", 1)[0]
        if path and path != ":memory:":
            return Path(path).parent
    return DEFAULT_DB_PATH.parent


def archive_stem(db_url: str) -> str:
    """The archive's name: its SQLite file's stem, or its database's name."""
    return Path(db_url.split("?", 1)[0].rsplit("/", 1)[-1]).stem or "archive"


def default_warc_dir(db_url: str) -> Path:
    """Where an archive's WARC files go unless told (WARC_DIR, `--warc-dir`): each archive its own.

    SQLite: `<stem>.warc/` beside the file (`data/demo.sqlite` → `data/demo.warc/`). A server
    database: `$XDG_DATA_HOME/ministry-news/warc/<database>-<hash of its URL>/` (by default under
    `~/.local/share`), the same whatever folder the command runs in.
    """
    if is_sqlite(db_url):
        return data_dir(db_url) / f"{archive_stem(db_url)}.warc"
    url = make_url(db_url)
    digest = hashlib.sha1(url.render_as_string(hide_password=True).encode()).hexdigest()[:10]
    home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return home / "ministry-news" / "warc" / f"{url.database or 'archive'}-{digest}"


@dataclass(frozen=True)
class Location:
    """An archive's WARC folder, and the folder `warc/` that every archive beside it shared
    before each had its own: of that one only this archive's files are read (`legacy_stem`)."""

    directory: Path
    legacy: Path | None = None
    legacy_stem: str = ""

    def path(self, file: str) -> Path:
        own = self.directory / file
        if self.legacy is not None and not own.exists() and (self.legacy / file).exists():
            return self.legacy / file
        return own

    def files(self) -> list[Path]:
        """Every WARC file of the archive, oldest first (names begin with a timestamp)."""
        found = list(self.directory.glob(f"*{SUFFIX}"))
        if self.legacy is not None:
            ours = re.compile(rf"{re.escape(self.legacy_stem)}-\d{{14}}(-run\d+)?-\d{{5}}")
            found += [
                p for p in self.legacy.glob(f"*{SUFFIX}") if ours.fullmatch(p.name[: -len(SUFFIX)])
            ]
        return sorted(found, key=lambda p: p.name)


def location(db_url: str, directory: Path | str | None = None) -> Location:
    """The WARC files of the archive at `db_url`: in `directory` if given, else in the default
    folder (and the old shared `warc/` beside a SQLite archive, for files written before)."""
    if directory:
        return Location(Path(directory))
    legacy = data_dir(db_url) / "warc" if is_sqlite(db_url) else None
    return Location(default_warc_dir(db_url), legacy, archive_stem(db_url))


def _located(where: Location | Path | str) -> Location:
    return where if isinstance(where, Location) else Location(Path(where))


@dataclass(frozen=True)
class Exchange:
    """One request and the response it got, as they went over the wire."""

    url: str
    status: int
    response_headers: Headers
    body: bytes
    method: str = "GET"
    request_headers: Headers | None = None
    request_body: bytes = b""
    protocol: str = "HTTP/1.1"
    ip_address: str | None = None
    fetched_at: dt.datetime | None = None

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.response_headers if k.lower() == name), None)


def readable(exchange: Exchange, limit: int = MAX_BODY) -> Exchange:
    """The exchange as it is best kept: as sent, unless its Content-Encoding is one warcio cannot
    undo (br, zstd: `warcio check` and replay tools would fail on it). Such a body is kept decoded,
    the site's Content-Encoding and Content-Length headers as `X-Archive-Orig-*`, the web
    archives' convention. A body that does not decode within `limit` is kept as sent."""
    if all(
        e in encodings.WARCIO_READS for e in encodings.names(exchange.header("Content-Encoding"))
    ):
        return exchange
    try:
        body = encodings.decode(exchange.body, exchange.header("Content-Encoding"), limit)
    except ValueError:  # too large or broken: the bytes as sent, for whoever can read them
        return exchange
    renamed = {"content-encoding", "content-length"}
    headers = [
        (ORIGINAL + k if k.lower() in renamed else k, v) for k, v in exchange.response_headers
    ]
    return replace(exchange, response_headers=headers, body=body)


@dataclass(frozen=True)
class Written:
    file: str
    offset: int
    length: int
    digest: str


def _warc_date(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class WarcSeries:
    """Files `{prefix}-{n:05d}.warc.gz` in `directory`, each opened with a warcinfo record and
    closed for the next once it reaches `max_size` bytes. Never appends to an existing file."""

    def __init__(
        self,
        directory: Path,
        prefix: str,
        max_size: int = DEFAULT_MAX_SIZE,
        info: dict | None = None,
    ) -> None:
        self.directory = Path(directory)
        self.prefix = prefix
        self.max_size = max_size
        self.info = dict(info or {})
        self.files: list[str] = []
        self._fh: BinaryIO | None = None
        self._writer: WARCWriter | None = None
        self._serial = 0

    def _open(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        while True:
            self._serial += 1
            name = f"{self.prefix}-{self._serial:05d}{SUFFIX}"
            path = self.directory / name
            try:
                self._fh = open(path, "xb")  # noqa: SIM115 (held open across records)
            except FileExistsError:
                continue
            break
        self.files.append(name)
        self._writer = WARCWriter(self._fh, gzip=True, warc_version="1.1")
        self._writer.write_record(self._writer.create_warcinfo_record(name, self.info))
        self._fh.flush()

    def _rotate_if_full(self) -> None:
        if self._fh is not None and self._fh.tell() >= self.max_size:
            self.close()
        if self._fh is None:
            self._open()

    def write(self, exchange: Exchange) -> Written:
        """Append the response record and its request record; return where the response is."""
        self._rotate_if_full()
        assert self._fh is not None and self._writer is not None
        writer, moment = self._writer, exchange.fetched_at or dt.datetime.now(dt.UTC)
        common = {"WARC-Date": _warc_date(moment)}
        if exchange.ip_address:
            common["WARC-IP-Address"] = exchange.ip_address
        try:
            phrase = HTTPStatus(exchange.status).phrase
        except ValueError:
            phrase = "Unknown"
        kept = [(k, v) for k, v in exchange.response_headers if k.lower() not in _FRAMING]
        response = writer.create_warc_record(
            exchange.url,
            "response",
            payload=BytesIO(exchange.body),
            length=len(exchange.body),
            warc_headers_dict=dict(common),
            http_headers=StatusAndHeaders(
                f"{exchange.status} {phrase}", kept, protocol=exchange.protocol
            ),
        )
        parts = urlsplit(exchange.url)
        target = parts.path or "/"
        if parts.query:
            target += f"?{parts.query}"
        request_headers = list(exchange.request_headers or [])
        if not any(k.lower() == "host" for k, _ in request_headers):
            request_headers.insert(0, ("Host", parts.netloc))
        request = writer.create_warc_record(
            exchange.url,
            "request",
            payload=BytesIO(exchange.request_body),
            length=len(exchange.request_body),
            warc_headers_dict={
                **common,
                "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
            },
            http_headers=StatusAndHeaders(
                f"{exchange.method} {target} {exchange.protocol}",
                request_headers,
                is_http_request=True,
            ),
        )
        offset = self._fh.tell()
        writer.write_record(response)
        length = self._fh.tell() - offset
        writer.write_record(request)
        self._fh.flush()
        digest = response.rec_headers.get_header("WARC-Payload-Digest") or ""
        return Written(self.files[-1], offset, length, digest)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
        self._fh, self._writer = None, None


def index(
    session: Session,
    exchange: Exchange,
    written: Written,
    run_id: int | None,
    kind: str,
    post_id: int | None = None,
    source: str = DEFAULT_SOURCE,
) -> WarcRecord:
    """Index one written record; `post_id` is the site's id of a post's page, `source` the site."""
    row = WarcRecord(
        run_id=run_id,
        source=source,
        url=exchange.url,
        fetched_at=(exchange.fetched_at or dt.datetime.now(dt.UTC))
        .astimezone(dt.UTC)
        .replace(tzinfo=None),
        status=exchange.status,
        kind=kind,
        post_id=post_id,
        content_type=exchange.header("Content-Type"),
        size=len(exchange.body),
        digest=written.digest,
        file=written.file,
        offset=written.offset,
        length=written.length,
        etag=exchange.header("ETag"),
        last_modified=exchange.header("Last-Modified"),
    )
    session.add(row)
    return row


def validators(session: Session, url: str) -> WarcRecord | None:
    """The newest good response for `url` that the server gave an ETag or Last-Modified."""
    query = (
        select(WarcRecord)
        .where(
            WarcRecord.url == url,
            WarcRecord.status == 200,
            (WarcRecord.etag.is_not(None)) | (WarcRecord.last_modified.is_not(None)),
        )
        .order_by(WarcRecord.id.desc())
        .limit(1)
    )
    return session.scalars(query).first()


# --- reading back -------------------------------------------------------------------------------


def _exchange(record, limit: int) -> Exchange:  # type: ignore[no-untyped-def]
    http = record.http_headers
    date = record.rec_headers.get_header("WARC-Date")
    moment = dt.datetime.fromisoformat(date.replace("Z", "+00:00")) if date else None
    raw = record.raw_stream.read(limit + 1 if limit else -1)
    if limit and len(raw) > limit:
        raise encodings.TooLarge(limit)
    body = encodings.decode(raw, http.get_header("Content-Encoding"), limit)  # as Scrapy does
    headers = [(k, v) for k, v in http.headers if k.lower() != "content-encoding"]
    return Exchange(
        url=record.rec_headers.get_header("WARC-Target-URI"),
        status=int(http.get_statuscode()),
        response_headers=headers,
        body=body,
        protocol=http.protocol or "HTTP/1.1",
        ip_address=record.rec_headers.get_header("WARC-IP-Address"),
        fetched_at=moment,
    )


def read(where: Location | Path, file: str, offset: int, limit: int = MAX_BODY) -> Exchange:
    """The response recorded at `offset` of `file` (what the index says), its content encoding
    undone. Raises encodings.TooLarge for a body over `limit` bytes, sent or decompressed (a
    bomb that the crawl refused is still kept in the file), ValueError for one unreadable."""
    with open(_located(where).path(file), "rb") as fh:
        fh.seek(offset)
        record = next(iter(ArchiveIterator(fh)))
        if record.rec_type != "response":
            raise ValueError(f"{file}@{offset} is a {record.rec_type} record, not a response")
        return _exchange(record, limit)


@dataclass(frozen=True)
class Found:
    """A response found by scanning a file: the index row it would have."""

    file: str
    offset: int
    url: str
    status: int
    fetched_at: dt.datetime | None


def scan(where: Location | Path) -> Iterator[Found]:
    """Every response record in the folder's WARC files, oldest file first, without the index.

    A file cut short (the crawl was killed while writing) yields what precedes the cut.
    """
    for path in _located(where).files():
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            try:
                for record in records:
                    if record.rec_type != "response":
                        continue
                    date = record.rec_headers.get_header("WARC-Date")
                    yield Found(
                        path.name,
                        records.get_record_offset(),
                        record.rec_headers.get_header("WARC-Target-URI"),
                        int(record.http_headers.get_statuscode()),
                        dt.datetime.fromisoformat(date.replace("Z", "+00:00")) if date else None,
                    )
            except (ArchiveLoadFailed, EOFError, OSError, ValueError):
                continue  # a torn last record: everything before it was read
