"""The researcher's path in a real headless Chromium (Debian's, at /usr/bin/chromium): search,
narrow by a facet, open a post, download the CSV; no crawled text ever runs as script; Thai is
drawn as Thai letters, with the font the app serves, even where the machine has no Thai font."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"  # .ci/services.sh installs Debian's chromium package
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NET = "เน็ตประชารัฐ"


@contextmanager
def chromium(tmp_path: Path, env: dict[str, str] | None = None) -> Iterator[tuple[Page, list[str]]]:
    """A page in a fresh Chromium profile, and the problems it reported (dialogs a script
    opened, console errors such as a Content-Security-Policy violation, uncaught errors)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash .ci/services.sh` (make test does)")
    problems: list[str] = []
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=ARGS,
            accept_downloads=True,
            env=env,
        )
        context.set_default_timeout(10_000)
        page = context.new_page()
        page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.on(
            "console",
            lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
        try:
            yield page, problems
        finally:
            context.close()


@pytest.fixture
def browser_page(tmp_path: Path) -> Iterator[tuple[Page, list[str]]]:
    with chromium(tmp_path) as opened:
        yield opened


@pytest.fixture
def without_thai_fonts(tmp_path: Path) -> Iterator[tuple[Page, list[str]]]:
    """Chromium on a machine whose only fonts are DejaVu's, which has no Thai letter."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{tmp_path / 'fc'}</cachedir>"
        "</fontconfig>"
    )
    with chromium(tmp_path, {"FONTCONFIG_FILE": str(conf)}) as opened:
        yield opened


LETTERS = "กขคงจฉ"  # distinct letters: drawn as boxes (a missing glyph), they all look alike


def thai_drawn(page: Page) -> tuple[int, bool]:
    """How many distinct pictures the page's font draws for LETTERS (1: every one is the
    missing-glyph box), and whether the page's own Sarabun is loaded and covers Thai."""
    spans = page.evaluate_handle(
        """letters => { const made = [];
        for (const c of letters) { const s = document.createElement('span');
          s.textContent = c; s.style.fontSize = '48px'; s.className = 'glyph';
          document.querySelector('main').append(s); made.push(s); }
        return made.length; }""",
        LETTERS,
    )
    assert spans.json_value() == len(LETTERS)
    page.evaluate("document.fonts.ready.then(() => true)")
    pictures = {span.screenshot() for span in page.locator("main span.glyph").all()}
    loaded = page.evaluate(
        """() => [...document.fonts].some(f => f.family.replace(/"/g, '') === 'Sarabun'
             && f.status === 'loaded' && f.unicodeRange.includes('E01'))
           && document.fonts.check('16px Sarabun', 'ก')"""
    )
    return len(pictures), bool(loaded)


def hits(page: Page) -> list[int]:
    return sorted(
        int(x) for x in page.locator("li.hit").evaluate_all("els => els.map(e => e.dataset.post)")
    )


def test_search_narrow_open_a_post_and_download_the_csv(
    server: str, browser_page: tuple[Page, list[str]], tmp_path: Path
) -> None:
    page, problems = browser_page

    # Search from the box, as typed.
    page.goto(f"{server}/")
    page.fill("#q", NET)
    page.click("#go")
    page.wait_for_url("**/?q=*")
    assert page.inner_text("#total") == "4"
    assert hits(page) == [101, 102, 103, 104]  # 104 is the post full of markup and script
    assert page.locator("li.hit .snippet mark").first.inner_text() == NET

    # Narrow by a facet: the count beside it is what the results become.
    facet = page.locator('a[data-facet="province"][data-value="สุโขทัย"]')
    assert facet.locator("xpath=following-sibling::span").inner_text() == "2"
    facet.click()
    page.wait_for_url("**province=*")
    assert page.inner_text("#total") == "2"
    assert hits(page) == [101, 102]
    assert page.locator(".chip", has_text="จังหวัด: สุโขทัย").count() == 1

    # Download the CSV of what is on screen.
    with page.expect_download() as download:
        page.click("#csv")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    with saved.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted(int(r["post_id"]) for r in rows) == hits(page)
    assert {r["provinces"] for r in rows} == {"สุโขทัย"}

    # Open a post: its facts are marked in the text and listed beside it.
    page.click('li.hit[data-post="101"] h3 a')
    page.wait_for_url("**/posts/101")
    marks = page.locator(".body mark").all_inner_texts()
    assert "นางปิยนุช วุฒิสอน" in marks and "จังหวัดสุโขทัย" in marks
    page.click('aside.facts a:text("สุโขทัย")')
    assert page.url.endswith("#f4")
    assert page.get_attribute("#original", "href") == "https://www.mdes.go.th/news/detail/101-x"

    # The hostile post: shown as text, nothing injected, nothing run.
    page.goto(f"{server}/posts/104")
    assert page.inner_text("h1") == 'เน็ตประชารัฐ <script>alert("title")</script>'
    assert page.locator("script, .body img, .body b").count() == 0
    assert page.locator("#original").count() == 0

    # Thai is drawn as letters, in the font the app serves.
    assert thai_drawn(page) == (len(LETTERS), True)
    assert problems == []


def test_thai_is_drawn_with_the_served_font_where_the_machine_has_no_thai_font(
    server: str, without_thai_fonts: tuple[Page, list[str]]
) -> None:
    page, problems = without_thai_fonts
    page.goto(f"{server}/posts/101")
    assert thai_drawn(page) == (len(LETTERS), True)
    assert problems == []


def test_the_check_sees_missing_glyphs_when_the_font_is_not_served(
    server: str, without_thai_fonts: tuple[Page, list[str]]
) -> None:
    """What the checks above would see if the app served no Thai font: boxes."""
    page, _ = without_thai_fonts
    page.route("**/static/fonts/**", lambda route: route.abort())
    page.goto(f"{server}/posts/101")
    assert thai_drawn(page) == (1, False)
