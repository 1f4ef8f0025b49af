"""One field of a post (body or title) as the rules see it: normalised text, the spans they
must not read, and the spans earlier rules have claimed (an official's name and title)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from nlp.normalize import Normalized, normalize


@dataclass
class Mention:
    """A fact found in normalised text; the pipeline maps it back to the original."""

    kind: str
    value: str
    start: int
    end: int
    rule: str
    attrs: dict[str, Any] = field(default_factory=dict)


class Tokens:
    """Word boundaries of a text (PyThaiNLP newmm), to tell a word from the inside of another
    word: the วัด of จังหวัด, the ณ of ธนาคมานุสรณ์."""

    def __init__(self, text: str) -> None:
        from pythainlp.tokenize import word_tokenize

        self.starts: set[int] = set()
        self.ends: set[int] = set()
        self.at: dict[int, str] = {}
        pos = 0
        for tok in word_tokenize(text, engine="newmm", keep_whitespace=True):
            self.starts.add(pos)
            self.at[pos] = tok
            pos += len(tok)
            self.ends.add(pos)

    def boundary(self, pos: int) -> bool:
        return pos in self.starts or pos in self.ends


class Spans:
    """A set of half-open intervals, queried by overlap."""

    def __init__(self) -> None:
        self._items: list[tuple[int, int, str]] = []
        self._starts: list[int] = []

    def add(self, start: int, end: int, label: str = "") -> None:
        if end <= start:
            return
        i = bisect.bisect(self._starts, start)
        self._starts.insert(i, start)
        self._items.insert(i, (start, end, label))

    def covering(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Intervals that overlap [start, end)."""
        i = bisect.bisect_left(self._starts, end)
        return [it for it in self._items[:i] if it[1] > start]

    def overlaps(self, start: int, end: int, labels: tuple[str, ...] | None = None) -> bool:
        return any(labels is None or it[2] in labels for it in self.covering(start, end))

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._items)


@dataclass
class Doc:
    norm: Normalized
    source: str
    blocked: Spans = field(default_factory=Spans)  # furniture: read nothing there
    claimed: Spans = field(default_factory=Spans)  # names, titles, organisations, sites

    @classmethod
    def of(cls, text: str, source: str) -> Doc:
        from nlp.furniture import furniture_spans

        doc = cls(normalize(text), source)
        for a, b in furniture_spans(doc.text):
            doc.blocked.add(a, b, "furniture")
        return doc

    @property
    def text(self) -> str:
        return self.norm.text

    @cached_property
    def tokens(self) -> Tokens:
        return Tokens(self.text)

    def readable(self, start: int, end: int) -> bool:
        return not self.blocked.overlaps(start, end)

    def line_bounds(self, pos: int) -> tuple[int, int]:
        a = self.text.rfind("\n", 0, pos) + 1
        b = self.text.find("\n", pos)
        return a, (len(self.text) if b < 0 else b)
