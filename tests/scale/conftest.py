"""Fixtures for the scale tests: the archive tests' engines (reused, not redefined), Redis, and
the mirror served by a server that notes when each request arrived.

Without MINISTRY_NEWS_TEST_PG_URL or MINISTRY_NEWS_TEST_REDIS_URL the tests that need them fail,
loudly: `eval "$(bash .ci/services.sh)"` starts both (make test and CI do).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

# The archive tests' fixtures: a fresh archive per engine, PostgreSQL in a schema of its own.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "archive"))
from tests.archive.conftest import archive_url, make_archive  # noqa: E402, F401
from tests.scale.timed_mirror import TimedMirror  # noqa: E402

REDIS_ENV = "MINISTRY_NEWS_TEST_REDIS_URL"


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get(REDIS_ENV)
    if not url:
        pytest.fail(
            f"{REDIS_ENV} is not set: the distributed crawl tests need Redis. Start it with "
            '`eval "$(bash .ci/services.sh)"` (make test and CI do).',
            pytrace=False,
        )
    return url


@pytest.fixture(scope="module")
def timed_mirror() -> Iterator[TimedMirror]:
    server = TimedMirror()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
