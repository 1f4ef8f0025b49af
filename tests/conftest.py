"""Fixtures every test folder may use: the mirrors of the two sites, and a fresh archive."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")


@pytest.fixture(scope="session")
def mirror() -> Iterator[str]:
    """Base URL (`http://127.0.0.1:PORT`) of the bundled mirror, served on a free port."""
    from scraper.mirror.server import MirrorServer

    with MirrorServer(port=0) as server:
        yield server.url


@pytest.fixture(scope="session")
def thaigov_mirror() -> Iterator[str]:
    """Base URL of the bundled mirror of www.thaigov.go.th (real posts), on a free port."""
    from scraper.mirror.server import MirrorServer

    with MirrorServer(port=0, site="thaigov") as server:
        yield server.url


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    """URL of a freshly migrated, empty SQLite archive under tmp_path."""
    from archive import db
    from archive.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'archive.sqlite'}"
    upgrade(url)
    yield url
    db.dispose_all()
