from hypothesis import given
from hypothesis import strategies as st

from nlp.normalize import clean, normalize


def test_thai_digits_become_arabic_with_offsets_kept():
    n = normalize("วันที่ ๑๖ มีนาคม ๒๕๖๓")
    assert n.text == "วันที่ 16 มีนาคม 2563"
    start = n.text.index("2563")
    a, b = n.span(start, start + 4)
    assert n.original[a:b] == "๒๕๖๓"


def test_two_sara_e_and_decomposed_sara_am_are_joined():
    n = normalize("เเขวง กําลังใจ")
    assert n.text == "แขวง กำลังใจ"
    a, b = n.span(0, len("แขวง"))
    assert n.original[a:b] == "เเขวง"


def test_misordered_tone_marks_are_put_back():
    assert normalize("นำ้ท่วม").text == "น้ำท่วม"
    assert normalize("ส่ิงแวดล้อม").text == "สิ่งแวดล้อม"
    assert normalize("เจ้าหน้าท่ี").text == "เจ้าหน้าที่"


def test_zero_width_space_is_dropped_and_offsets_skip_it():
    n = normalize("นาย\u200bสมชาย")
    assert n.text == "นายสมชาย"
    a, b = n.span(3, 8)
    assert n.original[a:b] == "สมชาย"


def test_clean_collapses_whitespace():
    assert clean("  นายชัยวุฒิ \u00a0 ธนาคมานุสรณ์ ") == "นายชัยวุฒิ ธนาคมานุสรณ์"


_THAI_CHUNKS = st.sampled_from(
    ["นา", "ย", "เเ", "ํ", "า", "่", "้", "ิ", "ี", "ำ", "๒", "๕", "\u200b", " ", "\n", "“", "–", "a"]
)


@given(st.lists(_THAI_CHUNKS, max_size=40).map("".join))
def test_every_normalised_span_maps_inside_the_original(text):
    n = normalize(text)
    for i in range(len(n.text)):
        for j in range(i + 1, min(len(n.text), i + 4) + 1):
            a, b = n.span(i, j)
            assert 0 <= a <= b <= len(text)
    assert list(n.starts) == sorted(n.starts)
