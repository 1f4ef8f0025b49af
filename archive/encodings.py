"""HTTP content encodings undone with a bound: what a recorded body says once decompressed.

A WARC file keeps what the site sent, and the site may send a bomb: a few KB of gzip that inflate
to a GiB. So every body read back is decompressed in chunks and given up past `limit` bytes (the
crawl's DOWNLOAD_MAXSIZE), the way the crawl itself refuses it. gzip, deflate, br and zstd: the
encodings the crawler asks for.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator

import brotli

try:  # Python 3.14 has zstd in the standard library; before it, the backport Scrapy uses
    from compression import zstd  # type: ignore[import-not-found]
except ImportError:
    from backports import zstd

#: Encodings warcio reads back by itself (`warcio check`, replay tools); the others are stored
#: decoded (archive.warc).
WARCIO_READS = frozenset({"gzip", "x-gzip", "deflate", "identity"})
_CHUNK = 64 * 1024


class TooLarge(ValueError):
    """A body that decompresses to more than the limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"decompresses to over {limit:,} bytes")
        self.limit = limit


def names(header: str | None) -> list[str]:
    """The encodings of a Content-Encoding header, in the order they were applied."""
    return [e.strip().lower() for e in (header or "").split(",") if e.strip()]


def _zlib(data: bytes, wbits: int) -> Iterator[bytes]:
    while data:
        inflater = zlib.decompressobj(wbits)
        chunk = inflater.decompress(data, _CHUNK)
        yield chunk
        while inflater.unconsumed_tail and not inflater.eof:
            yield inflater.decompress(inflater.unconsumed_tail, _CHUNK)
        data = inflater.unused_data if wbits > 16 else b""  # gzip: members one after another


def _deflate(data: bytes) -> Iterator[bytes]:
    try:
        zlib.decompressobj().decompress(data[:64], 1)
    except zlib.error:  # raw deflate, as some servers send it
        yield from _zlib(data, -zlib.MAX_WBITS)
        return
    yield from _zlib(data, zlib.MAX_WBITS)


def _brotli(data: bytes) -> Iterator[bytes]:
    decompressor = brotli.Decompressor()
    chunk = decompressor.process(data, output_buffer_limit=_CHUNK)
    yield chunk
    while chunk and not decompressor.is_finished():
        chunk = decompressor.process(b"", output_buffer_limit=_CHUNK)
        yield chunk


def _zstd(data: bytes) -> Iterator[bytes]:
    decompressor = zstd.ZstdDecompressor()
    chunk = decompressor.decompress(data, _CHUNK)
    yield chunk
    while not decompressor.eof and not decompressor.needs_input:
        yield decompressor.decompress(b"", _CHUNK)


_DECODERS: dict[str, Callable[[bytes], Iterator[bytes]]] = {
    "gzip": lambda data: _zlib(data, 16 + zlib.MAX_WBITS),
    "x-gzip": lambda data: _zlib(data, 16 + zlib.MAX_WBITS),
    "deflate": _deflate,
    "br": _brotli,
    "zstd": _zstd,
}


def decode(body: bytes, header: str | None, limit: int) -> bytes:
    """`body` with its Content-Encoding `header` undone (last applied, first undone).

    Raises TooLarge past `limit` bytes (0: no limit) and ValueError for an encoding unknown or
    broken; neither ever holds more than `limit` bytes of output plus one chunk.
    """
    for name in reversed(names(header)):
        if name == "identity":
            continue
        decoder = _DECODERS.get(name)
        if decoder is None:
            raise ValueError(f"unknown content encoding {name!r}")
        out, size = [], 0
        try:
            for chunk in decoder(body):
                size += len(chunk)
                if limit and size > limit:
                    raise TooLarge(limit)
                out.append(chunk)
        except (zlib.error, brotli.error, zstd.ZstdError, EOFError) as exc:
            raise ValueError(f"broken {name} content: {exc}") from exc
        body = b"".join(out)
    if limit and len(body) > limit:
        raise TooLarge(limit)
    return body
