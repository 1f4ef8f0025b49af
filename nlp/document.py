"""One field of a post (body or title) as the rules see it: normalised text, the spans they
must not read, and the spans earlier rules have claimed (an official's name and title)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
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

    Segmentation is the pipeline's dearest step and most of a whole post is never asked about
    (a post with no visit reads only its lead; a rule asks about the words near a cue), so the
    text is segmented piece by piece, the first time a position in a piece is asked about. A
    piece ends at a run of spaces that no dictionary word spans: newmm always cuts there and
    starts afresh after it, so each piece's words are exactly those of its whole line
    (tests/nlp/test_document.py checks this against whole lines). A line break is a word of its
    own, as in newmm's output."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: dict[int, tuple[int, list[int]]] = {}  # line start -> (end, piece cuts)
        self._done: set[int] = set()  # start offsets of the pieces segmented
        self._starts: set[int] = set()
        self._ends: set[int] = set()
        self._at: dict[int, str] = {}
        self.starts = _Lazy(self, self._starts)
        self.ends = _Lazy(self, self._ends)
        self.at = _Lazy(self, self._at)

    def _segment(self, pos: int, items: set[int] | dict[int, str]) -> None:
        """Segment the pieces that hold `pos` or end at it, unless the line's runs of spaces
        already put `pos` in `items` (a cue right after a space starts a word)."""
        text = self._text
        if not 0 <= pos <= len(text):
            return
        a = text.rfind("\n", 0, pos) + 1
        line = self._lines.get(a)
        if line is None:
            line = self._lines[a] = self._line(a)
            if pos in items:
                return
        b, cuts = line
        u = min(bisect.bisect_right(cuts, pos), len(cuts) - 1) - 1
        while u >= 0 and cuts[u + 1] >= pos:
            if cuts[u] < cuts[u + 1] and cuts[u] not in self._done:  # empty pieces: none
                self._piece(u % 2 == 1, cuts[u], cuts[u + 1], b)
            u -= 1

    def _line(self, a: int) -> tuple[int, list[int]]:
        """The line at `a`: its end and the cuts between its pieces (words, spaces, words, …),
        with the words of its spaces and of its line break recorded: a word ends where a run
        of spaces starts and one starts where it ends."""
        text = self._text
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        cuts = [a]
        for m in _SPACES.finditer(text, a, b):
            s, e = m.span()
            if not any(_spanned(text, i) for i in range(s, e)):
                cuts += [s, e]
                self._done.add(s)
                self._ends.update((s, e))
                self._starts.add(s)
                self._at[s] = m.group()
                if e < b:
                    self._starts.add(e)
        cuts.append(b)
        self._ends.add(a)
        if b < len(text):  # the line break
            self._starts.add(b)
            self._at[b] = "\n"
            self._ends.add(b + 1)
            self._starts.add(b + 1)
        return b, cuts

    def _piece(self, spaces: bool, a: int, b: int, line_end: int) -> None:
        self._done.add(a)
        text = self._text
        if spaces:
            words: tuple[str, ...] = (text[a:b],)
        else:
            # the space after the piece is kept for newmm's look-ahead, then dropped
            words = _newmm(text[a : min(b + 1, line_end)])
            if b < line_end:
                words = words[:-1]
        at = a
        for tok in words:
            self._starts.add(at)
            self._at[at] = tok
            at += len(tok)
            self._ends.add(at)

    def boundary(self, pos: int) -> bool:
        return pos in self.starts or pos in self.ends


@lru_cache(maxsize=1 << 16)
def _newmm(piece: str) -> tuple[str, ...]:
    """newmm's words of a piece; pieces recur from post to post (a title, a formula, a name)."""
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(piece, engine="newmm", keep_whitespace=True))


_SPACES = re.compile(r"[ \t]+")  # what newmm reads as one word of spaces


@cache
def _spaced_words() -> dict[tuple[str, str], tuple[tuple[int, str], ...]]:
    """The dictionary's words with a space inside (ต่าง ๆ), by the letters around each space:
    such a word may span a run of spaces, so no piece ends there."""
    from pythainlp.tokenize import word_dict_trie

    out: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for w in word_dict_trie():
        for k, c in enumerate(w):
            if c in " \t":
                around = (w[k - 1] if k else "", w[k + 1] if k + 1 < len(w) else "")
                out.setdefault(around, []).append((k, w))
    return {key: tuple(v) for key, v in out.items()}


def _spanned(text: str, i: int) -> bool:
    """Whether a dictionary word with a space inside is written across the space at i."""
    near = _spaced_words().get((text[i - 1] if i else "", text[i + 1 : i + 2]), ())
    return any(text.startswith(w, i - k) for k, w in near if i >= k)


class _Lazy:
    """A set or a dict of `Tokens` whose lines are segmented on first use."""

    def __init__(self, tokens: Tokens, items: set[int] | dict[int, str]) -> None:
        self._tokens, self._items = tokens, items

    def __contains__(self, pos: object) -> bool:
        if not isinstance(pos, int):
            return False
        if pos not in self._items:  # what is recorded is final
            self._tokens._segment(pos, self._items)
        return pos in self._items

    def get(self, pos: int, default: str | None = None) -> str | None:
        if pos not in self._items:
            self._tokens._segment(pos, self._items)
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
