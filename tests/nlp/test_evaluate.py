"""`ministry-news evaluate`: the table, the misses, the predictions file, bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

from ministry_news.evaluate import run
from nlp.scoring import total

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

POST = {
    "source_url": None,
    "title": None,
    "text": "วันที่ 5 พฤศจิกายน 2565 นายชัยวุฒิ ธนาคมานุสรณ์ รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม "
    "ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านห้วยปลาหลด ต.ด่านแม่ละเมา อ.แม่สอด จ.ตาก",
    "gold": {
        "visit_dates": ["2022-11-05"],
        "provinces": ["ตาก"],
        "districts": ["แม่สอด"],
        "subdistricts": ["ด่านแม่ละเมา"],
        "officials": [
            {"name": "นายชัยวุฒิ ธนาคมานุสรณ์", "position": "รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"}
        ],
        "sites": ["โรงเรียนบ้านห้วยปลาหลด", "วัดไม่มีอยู่จริง"],
    },
}


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "001.json").write_text(json.dumps(POST, ensure_ascii=False), encoding="utf-8")
    return folder


def test_table_misses_and_predictions(tmp_path):
    out = io.StringIO()
    preds = tmp_path / "pred.jsonl"
    assert run(_corpus(tmp_path), predictions=preds, misses=True, out=out) == 0
    lines = out.getvalue().splitlines()
    table = {ln.split()[0]: ln.split()[1:] for ln in lines[1:8]}
    assert table["dates"][:3] == ["1.000", "1.000", "1.000"]
    assert table["sites"][3:] == ["1", "0", "1"]  # tp fp fn
    assert any("posts/s" in ln for ln in lines)
    assert "  - sites: วัดไม่มีอยู่จริง" in lines
    (record,) = [json.loads(ln) for ln in preds.read_text(encoding="utf-8").splitlines()]
    assert record["file"] == "001.json"
    (official,) = record["facts"]["officials"]
    assert official == POST["gold"]["officials"][0] | {"role": "visitor"}
    assert record["facts"]["subdistricts"] == ["ด่านแม่ละเมา"]
    assert record["facts"]["reports_visit"] is True


def test_the_decision_and_the_roles_are_scored_where_the_gold_has_them(tmp_path):
    """A gold that says the post reports no visit, and gives roles: the table gains a row for
    each, and --misses says which role was wrong."""
    folder = _corpus(tmp_path)
    host = "นายสมศักดิ์ ใจงาม ผู้ว่าราชการจังหวัดตาก"
    visit = dict(POST, text=POST["text"] + f" โดยมี{host} ให้การต้อนรับ")
    gold = dict(POST["gold"], officials=[
        dict(POST["gold"]["officials"][0], role="host"),  # wrong on purpose: scored as a miss
        {"name": "นายสมศักดิ์ ใจงาม", "position": "ผู้ว่าราชการจังหวัดตาก", "role": "host"},
    ])  # fmt: skip
    (folder / "001.json").write_text(
        json.dumps(dict(visit, gold=gold, reports_visit=True), ensure_ascii=False), "utf-8"
    )
    desk = {
        "text": "วันนี้ (5 พ.ย. 65) ณ ห้องประชุม ตึกบัญชาการ 1 ทำเนียบรัฐบาล นายชัยวุฒิ ธนาคมานุสรณ์ "
        "รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม ประชุมคณะกรรมการดิจิทัล จังหวัดตาก",
        "reports_visit": False,
        "gold": {"officials": [{"name": "นายชัยวุฒิ ธนาคมานุสรณ์", "role": "mentioned"}]},
    }
    (folder / "002.json").write_text(json.dumps(desk, ensure_ascii=False), "utf-8")
    out = io.StringIO()
    assert run(folder, misses=True, out=out) == 0
    lines = out.getvalue().splitlines()
    table = {ln.split()[0]: ln.split()[1:] for ln in lines[1:10] if ln.strip()}
    assert table["reports_visit"][:3] == ["1.000", "1.000", "1.000"]
    assert table["roles"][3:] == ["2", "1", "1"]  # host right, the minister's "host" wrong
    assert "  + roles: ชัยวุฒิ ธนาคมานุสรณ์: visitor (gold host)" in lines


def test_a_broken_post_is_one_clear_error(tmp_path, capsys):
    folder = _corpus(tmp_path)
    (folder / "002.json").write_text("{not json", encoding="utf-8")
    out = io.StringIO()
    assert run(folder, out=out) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "002.json" in err[0]
    assert out.getvalue() == ""


def test_not_a_folder(tmp_path, capsys):
    assert run(tmp_path / "missing", out=io.StringIO()) == 2
    assert "not a directory" in capsys.readouterr().err


def test_dev_corpus_meets_the_issue_targets(tmp_path):
    """Issue #3's bar on the hand-annotated dev corpus beside the repository."""
    from ministry_news import evaluate as ev
    from nlp.pipeline import extract
    from nlp.scoring import as_record, score_post

    posts = ev._load(SHARED / "corpus" / "dev")
    assert len(posts) >= 20
    scores = [score_post(n, as_record(extract(d["text"], d.get("title"))), d) for n, d in posts]
    f1 = {f: t.f1 for f, t in total(scores).items()}
    assert f1["visit_dates"] >= 0.95 and f1["provinces"] >= 0.95
    assert f1["districts"] >= 0.85 and f1["subdistricts"] >= 0.85
    assert f1["officials"] >= 0.90
    assert f1["sites"] >= 0.80
