"""Page furniture in whole-page text dumps: accessibility widgets, badges, counters, social
links and the publisher's postal address. Nothing in it is a fact about a visit."""

from __future__ import annotations

import re
from functools import cache

from nlp.lexicon import sections

_LINE = re.compile(r"[^\n]*")
# A postal address: a five-digit Thai postcode on a line that also has address words.
_POSTCODE = re.compile(r"(?<!\d)[1-9]\d{4}(?!\d)")
_ADDRESS_WORD = re.compile(r"ถนน|ถ\.|แขวง|เขต|ตำบล|ต\.|อำเภอ|อ\.|หมู่|ชั้น|อาคาร|ซอย|โทร")


@cache
def _markers() -> dict[str, tuple[str, ...]]:
    s = sections("furniture.txt")
    return {k: tuple(m.casefold() for m in v) for k, v in s.items()}


def _is_address(line: str) -> bool:
    return bool(_POSTCODE.search(line)) and len(_ADDRESS_WORD.findall(line)) >= 2


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that are page furniture."""
    marks = _markers()
    exact = set(marks.get("exact", ()))
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip():
            continue
        folded = " ".join(line.split()).casefold()
        if any(f in folded for f in marks.get("footer", ())):
            if m.start() >= len(text) // 2:
                out.append((m.start(), len(text)))
                break
            out.append(m.span())
            continue
        contains = any(c in folded for c in marks.get("contains", ()))
        if folded in exact or contains or _is_address(line):
            out.append(m.span())
    return out
