"""The README's way to query the demo archive names the archive `make demo` really fills."""

import re
from pathlib import Path

from ministry_news.cli import DEMO_DB

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_says_how_to_query_the_demo_archive() -> None:
    """After `make demo` a new user copies the next examples: they must be told how to reach the demo
    archive, by the environment variable and by --db, with the URL the demo command writes to."""
    text = README.read_text(encoding="utf-8")
    assert f"export MINISTRY_NEWS_DB={DEMO_DB}" in text
    assert re.search(rf"ministry-news --db {re.escape(DEMO_DB)} \w+", text)
