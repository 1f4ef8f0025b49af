"""Every filter answers or says why on the web as on the command line: the forms a Thai reader
writes select visits, and an unknown value is a one-line 400 with the closest known ones (an
unknown official too: "0 visits" would hide a typo in a shared link)."""

from __future__ import annotations

import html

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("district", "อ.ศรีสำโรง"),
        ("district", "อำเภอศรีสำโรง"),
        ("province", "Sukhothai"),
        ("site_type", "โรงเรียน"),
        ("category", "ข่าวผู้ตรวจราชการกระทรวง"),
        ("official", "ปิยนุช"),
    ],
)
def test_the_forms_a_reader_writes_select_visits(client: TestClient, name: str, typed: str) -> None:
    response = client.get("/api/visits", params={name: typed})
    assert response.status_code == 200, response.text
    assert response.json()["total"] > 0


@pytest.mark.parametrize(
    ("name", "typed", "message", "suggested"),
    [
        ("district", "อ.ศรีสำโรงง", "district: not a Thai district", "ศรีสำโรง"),
        ("province", "Sukhotai", "province: not a Thai province", "Sukhothai"),
        ("site_type", "schol", "site_type: not a site type", "school/โรงเรียน"),
        ("category", "1155", "category: no category '1155' in the archive", "115"),
        ("official", "ปิยนุด วุฒิสอน", "official: no official matches", "ปิยนุช วุฒิสอน"),
    ],
)
@pytest.mark.parametrize("path", ["/api/visits", "/api/search", "/export/visits.csv", "/visits"])
def test_an_unknown_value_is_a_one_line_400_with_a_suggestion(
    client: TestClient, path: str, name: str, typed: str, message: str, suggested: str
) -> None:
    response = client.get(path, params={name: typed, "lang": "en"})
    assert response.status_code == 400, response.text
    is_json = path.startswith(("/api", "/export"))
    text = response.json()["error"] if is_json else html.unescape(response.text)
    assert message in text and f"did you mean {suggested}" in text
    if is_json:
        assert "\n" not in text


@pytest.mark.parametrize(
    ("name", "typed", "said"),
    [
        ("district", "อ.ศรีสำโรงง", "อำเภอ: ไม่พบอำเภอ “อ.ศรีสำโรงง” (หรือหมายถึง ศรีสำโรง"),
        ("province", "Sukhotai", "จังหวัด: ไม่พบจังหวัด “Sukhotai” (หรือหมายถึง Sukhothai"),
        (
            "site_type",
            "schol",
            "ประเภทสถานที่: ไม่มีประเภทสถานที่ “schol” (หรือหมายถึง school/โรงเรียน",
        ),
        ("category", "1155", "หมวดข่าว: ไม่มีหมวดข่าว “1155” ในคลังนี้ (หรือหมายถึง 115"),
        ("role", "guest", "บทบาท: ไม่มีบทบาท “guest” (ที่มี: ผู้ลงพื้นที่, ผู้ต้อนรับ, ผู้ถูกกล่าวถึง)"),
    ],
)
def test_a_page_says_a_refused_value_in_thai_and_in_english_when_asked(
    client: TestClient, name: str, typed: str, said: str
) -> None:
    thai = html.unescape(client.get("/visits", params={name: typed}).text)
    assert said in thai
    english = html.unescape(client.get("/visits", params={name: typed, "lang": "en"}).text)
    assert f"{name}: not a" in english or f"{name}: no " in english
    assert said not in english
