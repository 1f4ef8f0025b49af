"""Each official's part in a visit: who went, who received them, who is only named."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

from ministry_news.evaluate import run
from nlp.pipeline import extract

VISIT = (
    "เมื่อวันที่ 5 พฤศจิกายน 2565 นายชัยวุฒิ ธนาคมานุสรณ์ รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม "
    "ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านห้วยปลาหลด อำเภอแม่สอด จังหวัดตาก โดยมี นายสมชาย ใจดี "
    "ผู้ว่าราชการจังหวัดตาก ให้การต้อนรับ ตามนโยบายของ พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี"
)


def roles(text: str) -> dict[str, str]:
    return {f.value: f.attrs["role"] for f in extract(text).of("official")}


def test_the_lead_subject_visits_the_governor_hosts_and_the_credited_premier_is_mentioned() -> None:
    assert roles(VISIT) == {
        "นายชัยวุฒิ ธนาคมานุสรณ์": "visitor",
        "นายสมชาย ใจดี": "host",
        "พลเอก ประยุทธ์ จันทร์โอชา": "mentioned",
    }
    (visit,) = extract(VISIT).visits
    assert visit.roles["นายสมชาย ใจดี"] == "host"


def test_a_governor_who_makes_the_visit_is_its_visitor() -> None:
    text = (
        "เมื่อวันที่ 3 มีนาคม 2564 นายสมชาย ใจดี ผู้ว่าราชการจังหวัดตาก ลงพื้นที่ตรวจเยี่ยม"
        "โรงเรียนบ้านห้วยปลาหลด อำเภอแม่สอด จังหวัดตาก"
    )
    assert roles(text) == {"นายสมชาย ใจดี": "visitor"}


def test_in_a_post_that_reports_no_visit_everyone_is_only_mentioned() -> None:
    text = "นายชัยวุฒิ ธนาคมานุสรณ์ รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม กล่าวถึงนโยบายดิจิทัล"
    ex = extract(text)
    assert not ex.reports_visit and ex.visits == []
    assert roles(text) == {"นายชัยวุฒิ ธนาคมานุสรณ์": "mentioned"}


def test_evaluate_scores_roles_and_the_post_level_decision_where_the_gold_has_them(
    tmp_path: Path,
) -> None:
    gold = {
        "text": VISIT,
        "reports_visit": True,
        "gold": {
            "visit_dates": ["2022-11-05"],
            "provinces": ["ตาก"],
            "officials": [
                {"name": "นายชัยวุฒิ ธนาคมานุสรณ์", "position": None, "role": "visitor"},
                {"name": "นายสมชาย ใจดี", "position": None, "role": "visitor"},  # wrong on purpose
            ],
        },
    }
    (tmp_path / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = StringIO()
    assert run(tmp_path, predictions=tmp_path / "p.jsonl", out=out) == 0
    assert "roles: 1 of 2 matched officials right (0.500)" in out.getvalue()
    assert "visit post" in out.getvalue()
    (line,) = (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()
    officials = json.loads(line)["facts"]["officials"]
    assert [o["role"] for o in officials] == ["visitor", "host", "mentioned"]
