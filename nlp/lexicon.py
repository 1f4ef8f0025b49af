"""The word lists in `nlp/data/`, read once. Each list lives in exactly one file there; the
modules that use them ask here instead of spelling the words out again."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

from nlp.normalize import clean


def _lines(name: str) -> list[str]:
    text = files("nlp").joinpath("data", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def words(name: str) -> tuple[str, ...]:
    """A one-word-per-line list, normalised like the text it is matched against."""
    return tuple(dict.fromkeys(clean(w) for w in _lines(name)))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated table; the first column is normalised."""
    rows = []
    for ln in _lines(name):
        cols = ln.split("\t")
        rows.append((clean(cols[0]), *(c.strip() for c in cols[1:])))
    return tuple(rows)


@cache
def sections(name: str) -> dict[str, tuple[str, ...]]:
    """A list split into `[section]`s."""
    out: dict[str, list[str]] = {}
    current = ""
    for ln in _lines(name):
        if ln.startswith("[") and ln.endswith("]"):
            current = ln[1:-1]
            continue
        out.setdefault(current, []).append(clean(ln))
    return {k: tuple(v) for k, v in out.items()}


def alternation(items: Iterable[str], *, flexible_space: bool = True) -> str:
    """A regex alternation of `items`, longest first, spaces matching any run of spaces."""
    parts = []
    for item in sorted(set(items), key=len, reverse=True):
        esc = re.escape(item)
        if flexible_space:
            esc = esc.replace(r"\ ", r"\s*")
        parts.append(esc)
    return "(?:" + "|".join(parts) + ")"


_INDEX: dict[int, tuple[object, tuple[int, ...], frozenset[str]]] = {}


def _index(words_: tuple[str, ...] | frozenset[str]) -> tuple[tuple[int, ...], frozenset[str]]:
    """The distinct lengths (longest first) and the set of an immutable word list, built once
    per list: a lookup then costs one slice per length instead of a test per word. Keyed by
    identity, holding the list so its id is not reused; lists made per call are let go in bulk."""
    hit = _INDEX.get(id(words_))
    if hit is not None and hit[0] is words_:
        return hit[1], hit[2]
    if len(_INDEX) > 512:
        _INDEX.clear()
    lengths = tuple(sorted({len(w) for w in words_}, reverse=True))
    members = frozenset(words_)
    _INDEX[id(words_)] = (words_, lengths, members)
    return lengths, members


def starts_with_any(text: str, prefixes: Iterable[str]) -> str | None:
    """The longest of `prefixes` that `text` starts with."""
    if isinstance(prefixes, tuple | frozenset):
        lengths, members = _index(prefixes)
        size = len(text)
        for n in lengths:
            if n <= size and text[:n] in members:
                return text[:n]
        return None
    best = None
    for p in prefixes:
        if text.startswith(p) and (best is None or len(p) > len(best)):
            best = p
    return best


def ends_with_any(text: str, suffixes: Iterable[str]) -> str | None:
    """The longest of `suffixes` that `text` ends with."""
    if isinstance(suffixes, tuple | frozenset):
        lengths, members = _index(suffixes)
        size = len(text)
        for n in lengths:
            if n <= size and text[size - n :] in members:
                return text[size - n :]
        return None
    best = None
    for s in suffixes:
        if text.endswith(s) and (best is None or len(s) > len(best)):
            best = s
    return best
