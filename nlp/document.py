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
    word: the วัด of จังหวัด, the ณ of ธนาคมานุสรณ์.

    Segmentation is the pipeline's dearest step and most lines of a whole post are never asked
    about (a post with no visit reads only its lead), so each line is segmented the first time
    a position in it is asked about. A line break is a word of its own, as in newmm's output."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._done: set[int] = set()  # start offsets of the lines segmented
        self._starts: set[int] = set()
        self._ends: set[int] = set()
        self._at: dict[int, str] = {}
        self.starts = _Lazy(self, self._starts)
        self.ends = _Lazy(self, self._ends)
        self.at = _Lazy(self, self._at)

    def _segment(self, pos: int) -> None:
        text = self._text
        a = text.rfind("\n", 0, pos) + 1
        if a in self._done or not 0 <= pos <= len(text):
            return
        from pythainlp.tokenize import word_tokenize

        self._done.add(a)
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        at = a
        for tok in word_tokenize(text[a:b], engine="newmm", keep_whitespace=True) if b > a else ():
            self._starts.add(at)
            self._at[at] = tok
            at += len(tok)
            self._ends.add(at)
        self._ends.add(a)
        if b < len(text):  # the line break
            self._starts.add(b)
            self._at[b] = "\n"
            self._ends.add(b + 1)
            self._starts.add(b + 1)

    def boundary(self, pos: int) -> bool:
        return pos in self.starts or pos in self.ends


class _Lazy:
    """A set or a dict of `Tokens` whose lines are segmented on first use."""

    def __init__(self, tokens: Tokens, items: set[int] | dict[int, str]) -> None:
        self._tokens, self._items = tokens, items

    def __contains__(self, pos: object) -> bool:
        if not isinstance(pos, int):
            return False
        self._tokens._segment(pos)
        return pos in self._items

    def get(self, pos: int, default: str | None = None) -> str | None:
        self._tokens._segment(pos)
        return self._items.get(pos, default) if isinstance(self._items, dict) else default


class Spans:
    """A set of half-open intervals, queried by overlap in time bounded by the intervals near
    the query: short intervals are found by bisecting their starts (none starts more than the
    longest short one before the query), the few long ones (a quote, a footer) are scanned."""

    LONG = 400  # characters: longer intervals are kept apart

    def __init__(self) -> None:
        self._items: list[tuple[int, int, str]] = []
        self._starts: list[int] = []
        self._long: list[tuple[int, int, str]] = []
        self._reach = 0  # the longest short interval

    def add(self, start: int, end: int, label: str = "") -> None:
        if end <= start:
            return
        if end - start > self.LONG:
            self._long.append((start, end, label))
            return
        self._reach = max(self._reach, end - start)
        i = bisect.bisect(self._starts, start)
        self._starts.insert(i, start)
        self._items.insert(i, (start, end, label))

    def covering(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Intervals that overlap [start, end)."""
        lo = bisect.bisect_left(self._starts, start - self._reach)
        hi = bisect.bisect_left(self._starts, end)
        near = [it for it in self._items[lo:hi] if it[1] > start]
        return near + [it for it in self._long if it[0] < end and it[1] > start]

    def overlaps(self, start: int, end: int, labels: tuple[str, ...] | None = None) -> bool:
        return any(labels is None or it[2] in labels for it in self.covering(start, end))

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(sorted(self._items + self._long))


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
