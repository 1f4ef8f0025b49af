"""The JSON API and downloads as a script or notebook uses them: same filters, same rows."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from fastapi.testclient import TestClient
from web_data import SUKHOTHAI_1

from archive.queries import VisitRow

NET = "เน็ตประชารัฐ"


def get(client: TestClient, path: str, **params: str) -> dict:
    response = client.get(path, params=params or None)
    assert response.status_code == 200, response.text
    return response.json()


def test_search_finds_a_word_inside_unbroken_thai_and_marks_it_in_the_snippet(
    client: TestClient,
) -> None:
    found = get(client, "/api/search", q=NET)
    assert found["total"] == 4
    assert {h["post_id"] for h in found["hits"]} == {101, 102, 103, 104}
    for hit in found["hits"]:
        text, spans = hit["snippet"]["text"], hit["snippet"]["spans"]
        assert spans and all(text[s:e] == NET for s, e in spans), hit


def test_a_province_narrows_the_search_and_facets_count_what_is_selected(
    client: TestClient,
) -> None:
    everything = get(client, "/api/search", q=NET)
    facets = {name: {c["value"]: c["count"] for c in v} for name, v in everything["facets"].items()}
    assert facets["province"] == {"สุโขทัย": 2, "เชียงใหม่": 1, "ตาก": 1}
    assert facets["official"] == {"ปิยนุช วุฒิสอน": 2, "ภูเวียง ประคำมินทร์": 1}
    assert facets["site_type"] == {"school": 2, "community_centre": 1}
    assert facets["year"] == {"2022": 1, "2021": 1, "2020": 2}

    narrowed = get(client, "/api/search", q=NET, province="สุโขทัย")
    assert narrowed["total"] == 2
    assert {h["post_id"] for h in narrowed["hits"]} == {101, 102}
    facets = {name: {c["value"]: c["count"] for c in v} for name, v in narrowed["facets"].items()}
    assert facets["province"] == {"สุโขทัย": 2}
    assert facets["district"] == {"ศรีสำโรง": 1, "กงไกรลาศ": 1}


def test_past_the_cap_the_total_is_more_than_it_and_next_links_still_reach_every_hit(
    client: TestClient, capped: TestClient
) -> None:
    exact = get(client, "/api/search", q=NET)
    assert exact["total_is_exact"] is True and exact["facets_among"] is None
    page = get(capped, "/api/search", q=NET, limit="3")
    assert (page["total"], page["total_is_exact"], page["facets_among"]) == (2, False, 2)
    assert sum(c["count"] for c in page["facets"]["year"]) == 2  # counted among 2 posts
    seen = [h["post_id"] for h in page["hits"]]
    while page["next"]:
        page = capped.get(page["next"]).json()
        seen += [h["post_id"] for h in page["hits"]]
    assert seen == [h["post_id"] for h in exact["hits"]]


def test_search_pages_follow_next_links_to_every_hit(client: TestClient) -> None:
    seen: list[int] = []
    page = get(client, "/api/search", q=NET, limit="3")
    assert page["total"] == 4 and len(page["hits"]) == 3
    seen += [h["post_id"] for h in page["hits"]]
    assert page["next"] is not None
    page = client.get(page["next"]).json()
    seen += [h["post_id"] for h in page["hits"]]
    assert page["next"] is None
    assert sorted(seen) == [101, 102, 103, 104]


def test_without_words_search_lists_the_newest_posts_first(client: TestClient) -> None:
    listed = get(client, "/api/search")
    assert [h["post_id"] for h in listed["hits"]] == [105, 104, 103, 102, 101]


def test_which_sites_did_an_official_inspect(client: TestClient) -> None:
    visits = get(client, "/api/visits", official="นางปิยนุช วุฒิสอน")
    assert visits["total"] == 2
    assert [(r["post_id"], r["sites"]) for r in visits["rows"]] == [
        (101, ["โรงเรียนบ้านนาเชิงคีรี"]),
        (103, ["โรงเรียนบ้านแม่ริม"]),
    ]
    # Without the honorific, and by a part of the name, the same person.
    assert get(client, "/api/visits", official="ปิยนุช")["total"] == 2


def test_every_visit_to_a_province_in_a_buddhist_era_year(client: TestClient) -> None:
    visits = get(client, "/api/visits", province="สุโขทัย", since="2563", until="2563")
    assert [r["start_date"] for r in visits["rows"]] == ["2020-03-09", "2020-07-02"]
    assert get(client, "/api/visits", province="สุโขทัย", since="2564")["total"] == 0


def test_visits_past_the_cap_say_so_and_next_links_still_reach_every_visit(
    client: TestClient, capped: TestClient
) -> None:
    exact = get(client, "/api/visits")
    assert exact["total_is_exact"] is True and exact["counts_among"] is None
    page = get(capped, "/api/visits", limit="3")
    assert (page["total"], page["total_is_exact"], page["counts_among"]) == (2, False, 2)
    assert sum(c["count"] for c in page["per_month"]) + page["undated"] == 2
    seen = [r["visit_id"] for r in page["rows"]]
    while page["next"]:
        page = capped.get(page["next"]).json()
        seen += [r["visit_id"] for r in page["rows"]]
    assert seen == [r["visit_id"] for r in exact["rows"]]


def test_visit_rows_have_the_export_columns(client: TestClient) -> None:
    row = get(client, "/api/visits", province="เชียงใหม่")["rows"][0]
    assert list(row) == [f.name for f in dataclasses.fields(VisitRow)]
    assert row["districts"] == ["แม่ริม"] and row["officials"] == ["นางปิยนุช วุฒิสอน"]


def test_visit_counts_per_province_and_month_cover_every_page(client: TestClient) -> None:
    visits = get(client, "/api/visits", limit="1")
    assert visits["total"] == 4 and len(visits["rows"]) == 1
    assert {c["value"]: c["count"] for c in visits["per_province"]} == {
        "สุโขทัย": 2,
        "เชียงใหม่": 1,
        "ตาก": 1,
    }
    months = [(c["value"], c["count"]) for c in visits["per_month"]]
    # March 2020 to January 2021, months without a visit included; the hostile post's visit
    # has no date.
    assert len(months) == 11
    assert months[0] == ("2020-03", 1) and months[4] == ("2020-07", 1)
    assert months[-1] == ("2021-01", 1)
    assert sum(n for _, n in months) == 3 and visits["undated"] == 1


def test_a_post_with_its_facts_at_their_offsets(client: TestClient) -> None:
    post = get(client, "/api/posts/101")
    assert post["body"] == SUKHOTHAI_1
    assert post["pipeline_version"] == "test-1"
    assert {(f["kind"], f["value"]) for f in post["facts"]} >= {
        ("province", "สุโขทัย"),
        ("official", "นางปิยนุช วุฒิสอน"),
        ("date", "2020-03-09"),
    }
    for f in post["facts"]:
        assert post["body"][f["start"] : f["end"]] == f["surface"]
    official = next(f for f in post["facts"] if f["kind"] == "official")
    assert official["attrs"]["person"] == "ปิยนุช วุฒิสอน"
    assert [v["start_date"] for v in post["visits"]] == ["2020-03-09"]


def test_an_unknown_post_is_a_404_with_one_line(client: TestClient) -> None:
    response = client.get("/api/posts/999")
    assert response.status_code == 404
    assert response.json() == {"error": "post_id: no post 999 in the archive"}


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/api/search?since=2563-13", "since: not a date"),
        ("/api/search?q=!!!", "q: nothing to search for"),
        ("/api/search?q=" + "ก " * 5000, "q: too long"),
        ("/api/search?q=" + "x" * 200, "q: words of more than 100 letters"),
        ("/api/search?limit=0", "limit:"),
        ("/api/search?limit=abc", "limit:"),
        ("/api/search?offset=-1", "offset:"),
        ("/api/search?provnce=สุโขทัย", "provnce: not a parameter"),
        ("/api/visits?since=2021&until=2020", "since: 2021-01-01 is after until"),
        ("/api/visits?limit=5000", "limit:"),
        ("/api/posts/abc", "post_id:"),
        ("/export/visits.xlsx", "fmt:"),
        ("/export/tables.csv", "what:"),
        ("/export/visits.csv?until=soon", "until: not a date"),
        ("/export/visits.csv?limit=3", "limit: not a parameter"),
    ],
)
def test_malformed_parameters_are_a_400_naming_the_field(
    client: TestClient, path: str, field: str
) -> None:
    response = client.get(path)
    assert response.status_code == 400, response.text
    body = response.json()
    assert list(body) == ["error"]
    assert body["error"].startswith(field), body
    assert "\n" not in body["error"] and "Traceback" not in body["error"]


def csv_rows(response) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    assert response.content.startswith("\ufeff".encode())  # Excel reads Thai as UTF-8
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_visits_csv_holds_the_rows_the_api_lists_for_the_same_filters(
    client: TestClient,
) -> None:
    params = {"province": "สุโขทัย", "q": NET}
    response = client.get("/export/visits.csv", params=params)
    assert response.headers["content-disposition"].startswith("attachment;")
    assert response.headers["content-type"].startswith("text/csv")
    rows = csv_rows(response)
    listed = get(client, "/api/visits", **params)["rows"]
    assert [int(r["visit_id"]) for r in rows] == [r["visit_id"] for r in listed]
    assert [r["sites"] for r in rows] == ["โรงเรียนบ้านนาเชิงคีรี", "ศูนย์ดิจิทัลชุมชนบ้านกง"]


def test_the_posts_csv_holds_the_posts_the_search_finds(client: TestClient) -> None:
    rows = csv_rows(client.get("/export/posts.csv", params={"q": NET, "province": "สุโขทัย"}))
    assert {int(r["post_id"]) for r in rows} == {101, 102}
    assert {r["provinces"] for r in rows} == {"สุโขทัย"}


def test_officials_as_json_lines(client: TestClient) -> None:
    response = client.get("/export/officials.jsonl", params={"official": "ปิยนุช"})
    assert response.status_code == 200
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [(o["person"], o["visits"], o["posts"]) for o in lines] == [("ปิยนุช วุฒิสอน", 2, 2)]
    assert lines[0]["first_visit"] == "2020-03-09" and lines[0]["last_visit"] == "2021-01-15"


def test_the_openapi_schema_documents_the_queries(client: TestClient) -> None:
    schema = get(client, "/openapi.json")
    paths = schema["paths"]
    assert {"/api/search", "/api/visits", "/api/posts/{post_id}"} <= set(paths)
    search = paths["/api/search"]["get"]
    params = {p["name"]: p for p in search["parameters"]}
    assert {"q", "province", "official", "since", "until", "limit", "offset"} <= set(params)
    assert "Buddhist" in json.dumps(params["since"])
    assert "400" in search["responses"]
    # The HTML pages are not API endpoints.
    assert "/" not in paths and "/visits" not in paths
