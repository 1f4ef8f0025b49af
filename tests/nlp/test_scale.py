"""Extraction stays linear in a post's size: many dates on one line, a very long post. The
bounds are generous CPU-time ceilings (four times what the linear code takes), not timings."""

from __future__ import annotations

import time

from nlp import extract

VISIT = (
    "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี ผู้ตรวจราชการกระทรวง ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านสันติสุข "
    "ตำบลป่าก่อดำ อำเภอแม่ลาว จังหวัดเชียงราย โดยมี นายวิชัย รักษ์ถิ่น ผู้อำนวยการโรงเรียน ให้การต้อนรับ\n"
)


def _cpu(text: str) -> float:
    began = time.process_time()
    extract(text)
    return time.process_time() - began


def test_four_thousand_dates_on_one_line():
    line = " ".join(f"{d % 28 + 1} มกราคม 2563" for d in range(4000))
    assert _cpu(VISIT + line) < 20  # the quadratic code: 63 s


def test_a_post_of_half_a_megabyte():
    text = VISIT * 2500  # ~500,000 characters, 5,000 names, 2,500 sites
    assert len(text) > 450_000
    assert _cpu(text) < 15  # the quadratic code: 28 s
