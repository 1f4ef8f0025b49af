"""Normalise a post's text once, at the pipeline's entrance, and remember where every character
came from.

Rules and gazetteers are written against one spelling (arabic digits, `แ` not `เเ`, composed
SARA AM, tone marks after vowels, plain quotes and hyphens), but every fact must point into the
text as the post wrote it. `Normalized` carries both and maps spans back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from pythainlp import thai_above_vowels, thai_below_vowels, thai_tonemarks
from pythainlp.util import thai_digit_to_arabic_digit

_TONES = thai_tonemarks + "\u0e4c"  # tone marks and THANTHAKHAT (karan)
_NIKHAHIT, _SARA_AA, _SARA_AM = "\u0e4d", "\u0e32", "\u0e33"

# (pattern, replacement); each keeps or shortens the text, never reorders across words.
_RULES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]"), ""),  # zero-width, soft hyphen
    (re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]"), " "),
    (re.compile("\r\n?"), "\n"),
    (re.compile("[\u2010-\u2015\u2212]"), "-"),  # dashes, minus
    (re.compile("[\u201c\u201d\u201e\u201f\u00ab\u00bb]"), '"'),
    (re.compile("[\u2018\u2019\u201a\u201b]"), "'"),
    (re.compile("\u0e40\u0e40"), "\u0e41"),  # เเ -> แ
    (re.compile(f"([{_TONES}]+)([{thai_above_vowels}{thai_below_vowels}]+)"), r"\2\1"),
    (re.compile(f"{_NIKHAHIT}([{_TONES}]?){_SARA_AA}"), lambda m: m.group(1) + _SARA_AM),
    (re.compile(f"{_SARA_AM}([{_TONES}]+)"), lambda m: m.group(1) + _SARA_AM),  # นำ้ -> น้ำ
]
_COMBINING = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


@dataclass(frozen=True)
class Normalized:
    """`text` is the normalised text; `starts[i]`/`ends[i]` bound the original characters that
    normalised character `i` came from."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span [start, end)."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def _apply(
    text: str,
    starts: list[int],
    ends: list[int],
    pattern: re.Pattern[str],
    repl: str | Callable[[re.Match[str]], str],
) -> tuple[str, list[int], list[int]]:
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    last = 0
    for m in pattern.finditer(text):
        a, b = m.span()
        out.append(text[last:a])
        new_starts.extend(starts[last:a])
        new_ends.extend(ends[last:a])
        rep = repl(m) if callable(repl) else m.expand(repl)
        if len(rep) == b - a == 1:  # one for one: the character keeps its origin
            new_starts.extend(starts[a:b])
            new_ends.extend(ends[a:b])
        elif rep:
            new_starts.extend([starts[a]] * len(rep))
            new_ends.extend([ends[b - 1]] * len(rep))
        out.append(rep)
        last = b
    if last == 0 and not out:
        return text, starts, ends
    out.append(text[last:])
    new_starts.extend(starts[last:])
    new_ends.extend(ends[last:])
    return "".join(out), new_starts, new_ends


def _nfc(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFC", m.group())


def normalize(text: str) -> Normalized:
    """Normalise `text` (see the module docstring); offsets map back through `Normalized.span`."""
    text = text or ""
    starts = list(range(len(text)))
    ends = list(range(1, len(text) + 1))
    cur = thai_digit_to_arabic_digit(text)  # one character for one: offsets unchanged
    if not unicodedata.is_normalized("NFC", cur):
        cur, starts, ends = _apply(cur, starts, ends, _COMBINING, _nfc)
    for pattern, repl in _RULES:
        cur, starts, ends = _apply(cur, starts, ends, pattern, repl)
    return Normalized(text, cur, tuple(starts), tuple(ends))


def clean(text: str) -> str:
    """The normalised form of a short string (a name, a gold value), whitespace collapsed."""
    return " ".join(normalize(text).text.split())
