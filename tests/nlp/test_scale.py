"""Extraction stays linear in a post's size: many dates on one line, a very long post. The
bounds are generous CPU-time ceilings (four times what the linear code takes), not timings.
The linearity tests lift the size cap, which bounds the cost of real posts on its own."""

from __future__ import annotations

import time

import pytest

from nlp import extract, pipeline

VISIT = (
    "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี ผู้ตรวจราชการกระทรวง ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านสันติสุข "
    "ตำบลป่าก่อดำ อำเภอแม่ลาว จังหวัดเชียงราย โดยมี นายวิชัย รักษ์ถิ่น ผู้อำนวยการโรงเรียน ให้การต้อนรับ\n"
)
LATER = "วันที่ 9 มีนาคม 2566 นายสมชาย ใจดี ลงพื้นที่ตรวจเยี่ยมโรงพยาบาลน่าน อำเภอเมืองน่าน จังหวัดน่าน\n"


def _cpu(text: str) -> float:
    began = time.process_time()
    extract(text)
    return time.process_time() - began


@pytest.fixture
def uncapped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_CHARS", 10**9)


def test_four_thousand_dates_on_one_line(uncapped: None):
    line = " ".join(f"{d % 28 + 1} มกราคม 2563" for d in range(4000))
    assert _cpu(VISIT + line) < 20  # the quadratic code: 63 s


def test_a_post_of_half_a_megabyte(uncapped: None):
    text = VISIT * 2500  # ~500,000 characters, 5,000 names, 2,500 sites
    assert len(text) > 450_000
    assert _cpu(text) < 15  # the quadratic code: 28 s


def test_a_post_is_read_up_to_the_size_cap_and_the_rest_is_counted():
    filler = "ที่ประชุมรับทราบผลการดำเนินงานตามแผนงานประจำปีของหน่วยงานในสังกัดทุกแห่ง\n"
    head = VISIT + filler * (pipeline.MAX_CHARS // len(filler))
    text = head + LATER * 50
    ex = extract(text)
    assert ex.unread > len(LATER) * 50 - 1  # everything after the cap is counted as unread
    assert len(text) - ex.unread <= pipeline.MAX_CHARS
    assert text[len(text) - ex.unread] == "\n"  # cut at a line break, not inside a word
    assert {f.value for f in ex.of("province")} == {"เชียงราย"}  # น่าน lies past the cap
    assert all(f.end <= len(text) - ex.unread for f in ex.facts)
    assert extract(VISIT).unread == 0


def test_the_size_cap_bounds_the_cost_of_a_huge_post():
    assert _cpu(VISIT * 2500) < 3  # read: the first 20,000 characters only
