"""Tokens segments a text piece by piece (between runs of spaces) only where it is asked about:
the words must be exactly those newmm gives for the whole line."""

from __future__ import annotations

from pythainlp.tokenize import word_tokenize

import nlp.document
from nlp.document import Tokens

# The shapes of a thaigov lead (date, time, names, a number with separators, an English word,
# a dictionary word written with a space: ต่าง ๆ), with doubled spaces, a tab, an empty line,
# spaces at a line's ends and a typo that newmm reads differently before a space (เปลี่ย).
TEXT = (
    "วันที่ 13 พฤษภาคม 2563 เวลา 13.30 น.  นายสมชาย ใจดี ลงพื้นที่ตรวจเยี่ยม ณ ชุมชนบ้านสันติสุข\n"
    "\n"
    "  ติดตามการแก้ปัญหาต่าง ๆ ของชุมชน\tพื้นที่ 1,234.5 ไร่ ในโครงการ COVID-19 คนเปลี่ย ในวันนั้น  \n"
    "ปัญหาต่าง ๆ"
)


def _whole_lines(text: str) -> tuple[set[int], set[int], dict[int, str]]:
    """Starts, ends and words of newmm run on each whole line (a line break is a word)."""
    starts: set[int] = set()
    ends: set[int] = set()
    at: dict[int, str] = {}
    a = 0
    while a <= len(text):
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        x = a
        for tok in word_tokenize(text[a:b], engine="newmm") if b > a else []:
            starts.add(x)
            at[x] = tok
            x += len(tok)
            ends.add(x)
        ends.add(a)
        if b < len(text):
            starts.add(b)
            at[b] = "\n"
            ends.add(b + 1)
            starts.add(b + 1)
        a = b + 1
    return starts, ends, at


def test_pieces_give_the_words_of_the_whole_line() -> None:
    starts, ends, at = _whole_lines(TEXT)
    tokens = Tokens(TEXT)
    for pos in range(len(TEXT) + 2):
        assert (pos in tokens.starts) == (pos in starts), pos
        assert (pos in tokens.ends) == (pos in ends), pos
        assert tokens.at.get(pos) == at.get(pos), pos


def test_asked_backwards_too() -> None:
    starts, ends, at = _whole_lines(TEXT)
    tokens = Tokens(TEXT)
    for pos in reversed(range(len(TEXT) + 1)):
        assert tokens.at.get(pos) == at.get(pos), pos
        assert (pos in tokens.ends) == (pos in ends), pos


def test_a_question_segments_only_its_piece(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def recording(text: str) -> tuple[str, ...]:
        asked.append(text)
        return tuple(word_tokenize(text, engine="newmm"))

    monkeypatch.setattr(nlp.document, "_newmm", recording)  # past the cache of pieces
    tokens = Tokens(TEXT)
    assert TEXT.index("ลงพื้นที่") in tokens.starts  # right after a space: nothing to segment
    assert asked == []
    assert TEXT.index("ตรวจเยี่ยม") in tokens.starts
    assert asked == ["ลงพื้นที่ตรวจเยี่ยม "]  # that piece alone, not its line


def test_a_dictionary_word_across_a_space_is_not_cut() -> None:
    text = "ติดตามการแก้ปัญหาต่าง ๆ ของชุมชน"
    tokens = Tokens(text)
    assert tokens.at.get(text.index("ต่าง")) == "ต่าง ๆ"
    assert text.index("ของ") in tokens.starts
