"""`ministry-news demo`: the whole path in one command, into its own archive."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from scraper.mirror.posts import posts
from scraper.mirror.thaigov.posts import posts as thaigov_posts


def test_demo_crawls_both_mirrors_into_its_own_archive(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "MINISTRY_NEWS_DB"}
    env["PYTHAINLP_OFFLINE"] = "1"
    proc = subprocess.run(
        [sys.executable, "-m", "ministry_news", "demo"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,  # both mirrors, a 5xx burst included, on a loaded machine
    )
    assert proc.returncode == 0, proc.stderr
    assert "demo: done in" in proc.stdout and "visits" in proc.stdout
    # The mirror's posts are invented: they must never land in the real archive's file.
    assert not (tmp_path / "data" / "ministry-news.sqlite").exists()
    engine = create_engine(f"sqlite:///{tmp_path / 'data' / 'demo.sqlite'}")
    with engine.connect() as conn:
        stored = dict(
            conn.execute(text("SELECT source, count(*) FROM posts GROUP BY source")).all()
        )
        visits = conn.execute(text("SELECT count(*) FROM visits")).scalar()
    engine.dispose()
    assert stored["mdes"] == len([p for p in posts() if not p.missing])
    # every post of the thaigov mirror's sample of real posts: its 5xx burst is outlasted
    assert stored["thaigov"] == len(thaigov_posts())
    assert visits and visits > 0
