"""The web app over a real SQLite archive, for TestClient and for a real browser."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_data import fill

from archive import db
from archive.db import session_scope
from archive.migrate import upgrade
from ministry_news.web import create_app


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of an archive holding web_data's posts (the app never writes, so one is enough)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'archive.sqlite'}"
    upgrade(url)
    with session_scope(url) as session:
        fill(session)
    yield url
    db.dispose_all()


@pytest.fixture(scope="session")
def app(archive: str) -> FastAPI:
    return create_app(archive)


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def capped(archive: str) -> Iterator[TestClient]:
    """The app over the same archive counting totals exactly up to 2 posts only."""
    with TestClient(create_app(archive, total_cap=2), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def server(app: FastAPI) -> Iterator[str]:
    """Base URL of the app served by uvicorn in a thread on a free 127.0.0.1 port."""
    sock = socket.create_server(("127.0.0.1", 0))
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    yield base
    srv.should_exit = True
    thread.join(timeout=10)
    sock.close()
