"""The app at its edges, as shared links, crawlers and hostile clients meet it: tracking
parameters, numbers past what a database holds, a crash, a forged Host header, HEAD."""

from __future__ import annotations

import http.client
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from archive.db import get_engine, session_scope
from archive.migrate import upgrade
from archive.store import save_post
from ministry_news.web import create_app
from tests.archive.archive_data import post_item

NET = "เน็ตประชารัฐ"
TRACKERS = {"fbclid": "IwAR0x", "utm_source": "line", "utm_medium": "social"}
HUGE = str(2**63)
HUGER = "99999999999999999999"


@pytest.mark.parametrize(
    "path",
    ["/", "/visits", "/api/search", "/api/visits", "/export/posts.csv", "/export/visits.jsonl"],
)
def test_a_shared_link_with_tracking_parameters_answers_as_without(
    client: TestClient, path: str
) -> None:
    plain = client.get(path, params={"q": NET})
    shared = client.get(path, params={"q": NET, **TRACKERS})
    assert shared.status_code == plain.status_code == 200, shared.text
    if path.startswith("/api/"):
        body, expected = shared.json(), plain.json()
        assert body.pop("ignored_parameters") == sorted(TRACKERS)
        assert expected.pop("ignored_parameters") == []
        expected["next"] = body["next"]  # (both None here: four hits on one page)
        assert body == expected
    elif path.startswith("/export/"):
        assert shared.content == plain.content
    else:
        # The page shows the same rows, and its links do not pass the trackers on.
        soup = BeautifulSoup(shared.text, "lxml")
        assert (
            soup.select_one("#total").get_text()
            == BeautifulSoup(plain.text, "lxml").select_one("#total").get_text()
        )
        hrefs = [a["href"] for a in soup.select("a[href]")]
        assert any("q=" in h for h in hrefs)
        assert not [h for h in hrefs if "fbclid" in h or "utm_" in h]


def test_a_parameter_out_of_its_place_or_misspelt_is_refused_not_ignored(
    client: TestClient,
) -> None:
    # A download is every row: `limit` there would silently mean nothing.
    response = client.get("/export/visits.csv", params={"limit": "5", **TRACKERS})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error.startswith("limit: not a parameter here (known: q, province, ")
    assert "limit" not in error[len("limit:") :]
    # A misspelt filter would widen the table: it says which one was meant.
    response = client.get("/api/visits", params={"provnce": "สุโขทัย"})
    assert response.status_code == 400
    assert response.json() == {"error": "provnce: not a parameter (did you mean province?)"}


@pytest.mark.parametrize(
    ("path", "status", "error"),
    [
        (f"/?offset={HUGE}", 400, "offset: input should be less than or equal to"),
        (f"/visits?offset={HUGER}", 400, "offset: input should be less than or equal to"),
        (f"/api/search?offset={HUGE}", 400, "offset: input should be less than or equal to"),
        (f"/api/visits?limit={HUGER}", 400, "limit: input should be less than or equal to"),
        ("/?offset=1e3", 400, "offset: input should be a valid integer"),
        ("/?offset=12abc", 400, "offset: input should be a valid integer"),
        (f"/posts/{HUGER}", 404, f"no post {HUGER} in the archive"),
        (f"/posts/{2**31}", 404, f"no post {2**31} in the archive"),
        ("/posts/-1", 404, "no post -1 in the archive"),
        (f"/api/posts/{HUGER}", 404, f"post_id: no post {HUGER} in the archive"),
        (f"/visits/{HUGER}", 404, f"no visit {HUGER} in the archive"),
        ("/posts/1.5", 400, "post_id: input should be a valid integer"),
    ],
)
def test_numbers_no_database_holds_are_one_line_400s_or_404s(
    client: TestClient, path: str, status: int, error: str
) -> None:
    response = client.get(path)
    assert response.status_code == status, response.text
    if response.headers["content-type"].startswith("application/json"):
        message = response.json()["error"]
    else:
        message = BeautifulSoup(response.text, "lxml").select_one(".error").get_text()
    assert message.startswith(error)
    assert "\n" not in message


def secure(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    assert "default-src 'none'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


@pytest.fixture
def broken(tmp_path: Path) -> str:
    """An archive whose search table was lost after the app started: every search crashes."""
    url = f"sqlite:///{tmp_path / 'broken.sqlite'}"
    upgrade(url)
    with session_scope(url) as session:
        save_post(session, post_item(1, "ข่าว", "เนื้อข่าว"))
    return url


def test_a_crash_is_a_one_line_500_with_the_security_headers(broken: str) -> None:
    app = create_app(broken)
    with get_engine(broken).begin() as conn:
        conn.execute(sa.text("DROP TABLE visits"))
    with TestClient(app, raise_server_exceptions=False) as client:
        for path in ("/visits", "/api/visits"):
            response = client.get(path)
            assert response.status_code == 500
            secure(response)
            text = (
                response.text
                if path.startswith("/api/")
                else BeautifulSoup(response.text, "lxml").select_one(".error").get_text()
            )
            assert "internal error (OperationalError); see the server log" in text
            assert "Traceback" not in response.text and "DROP" not in response.text


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/"),
        ("GET", "/posts/101"),
        ("GET", "/static/style.css"),
        ("GET", "/static/nothing.css"),
        ("GET", "/api/posts/0"),
        ("GET", "/export/visits.csv"),
        ("GET", "/visits/"),
        ("POST", "/"),
        ("HEAD", "/visits"),
    ],
)
def test_every_response_carries_the_security_headers(
    client: TestClient, method: str, path: str
) -> None:
    secure(client.request(method, path, follow_redirects=False))


@pytest.mark.parametrize(("path", "target"), [("/static", "/static/"), ("/visits/", "/visits")])
def test_a_forged_host_header_is_never_sent_back_in_a_redirect(
    client: TestClient, path: str, target: str
) -> None:
    response = client.get(
        path, params={"q": NET}, headers={"host": "evil.example"}, follow_redirects=False
    )
    assert response.is_redirect
    location = response.headers["location"]
    assert "evil.example" not in location
    assert urlsplit(location).path == target and not urlsplit(location).netloc
    assert parse_qs(urlsplit(location).query) == {"q": [NET]}


@pytest.mark.parametrize(
    "path", ["/", "/visits?province=สุโขทัย", "/posts/101", "/api/search", "/static/style.css"]
)
def test_head_answers_like_get_without_a_body(server: str, path: str) -> None:
    """Over a real socket: the server must send no body, or the next answer on it breaks."""
    host = urlsplit(server).netloc
    conn = http.client.HTTPConnection(host, timeout=30)
    try:
        quoted = path.replace(
            "สุโขทัย", "%E0%B8%AA%E0%B8%B8%E0%B9%82%E0%B8%82%E0%B8%97%E0%B8%B1%E0%B8%A2"
        )
        conn.request("GET", quoted)
        got = conn.getresponse()
        body = got.read()
        conn.request("HEAD", quoted)
        head = conn.getresponse()
        assert head.read() == b""
        assert head.status == got.status == 200
        assert head.getheader("content-type") == got.getheader("content-type")
        assert int(head.getheader("content-length")) == len(body)
        assert head.getheader("content-security-policy")
        conn.request("GET", quoted)  # the connection still answers after the HEAD
        assert conn.getresponse().read() == body
    finally:
        conn.close()
