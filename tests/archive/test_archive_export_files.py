"""`export -o FILE` as a user's shell meets it: the file appears whole or not at all (Ctrl-C and
SIGTERM included), with the user's umask, and a FIFO, a device or a symlink given as FILE is
written through rather than replaced."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from archive_data import add_field_visits
from sqlalchemy import create_engine, text

from archive.db import session_scope
from archive.export import export
from archive.filters import Filters

ROOT = Path(__file__).resolve().parents[2]


def run(url: str, out: Path) -> int:
    with session_scope(url) as session:
        return export(session, "visits", "csv", out, Filters())


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    before = os.umask(0o022)
    yield lambda mask: os.umask(mask) and None
    os.umask(before)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_export_has_the_users_umask(
    field_visits: str, tmp_path: Path, umask: Callable[[int], None], mask: int, mode: int
) -> None:
    umask(mask)
    out = tmp_path / "visits.csv"
    assert run(field_visits, out) == 4
    assert stat.S_IMODE(out.stat().st_mode) == mode


def test_a_replaced_export_keeps_its_mode(field_visits: str, tmp_path: Path) -> None:
    out = tmp_path / "visits.csv"
    out.write_text("old")
    out.chmod(0o640)
    run(field_visits, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_text() != "old"


def test_a_symlink_stays_a_symlink_to_the_new_rows(field_visits: str, tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    real = tmp_path / "shared" / "visits.csv"
    real.write_text("old")
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    assert run(field_visits, link) == 4
    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes().decode("utf-8-sig").count("\r\n") == 5  # header + 4 visits
    assert sorted(p.name for p in (tmp_path / "shared").iterdir()) == ["visits.csv"]


def test_a_fifo_is_written_into(field_visits: str, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert run(field_visits, fifo) == 4
    reader.join(timeout=60)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got and got[0].decode("utf-8-sig").count("\r\n") == 5  # header + 4 visits
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_device_is_written_into(field_visits: str, tmp_path: Path) -> None:
    # A null device of the test's own: were the export to replace it, /dev/null stays whole.
    null = tmp_path / "null"
    try:
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("this machine lets no one make a device node")
    assert run(field_visits, null) == 4
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


@pytest.mark.postgres
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_export_leaves_no_part_file(
    make_archive: Callable[[str], str], tmp_path: Path, sig: int, code: int
) -> None:
    """The export is held mid-file by a lock on its rows, so the signal surely comes while the
    `.part` exists, however loaded the machine."""
    url = make_archive("postgresql")
    with session_scope(url) as session:
        add_field_visits(session)
    out = tmp_path / "visits.csv"
    locker = create_engine(url).connect()
    locker.execute(text("LOCK TABLE visits IN ACCESS EXCLUSIVE MODE"))
    try:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "ministry_news",
                "--db",
                url,
                "export",
                "visits",
                "-o",
                str(out),
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHAINLP_OFFLINE": "1"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 120
        while not list(tmp_path.glob(".visits.csv.*.part")):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the export never started its file"
            time.sleep(0.05)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=180)  # a loaded machine unwinds slowly
    finally:
        locker.rollback()
        locker.close()
    assert proc.returncode == code, err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


#: Stopped inside a constructor, as a signal can stop psycopg's ServerCursor: the half-built
#: object's __del__ fails when it is freed (AttributeError on a field never set).
HALF_BUILT = """
import sys
from ministry_news import cli

class HalfBuilt:
    def __init__(self):
        raise cli.Terminated
    def __del__(self):
        self._closed

def stopped_mid_construction(**_kwargs):
    HalfBuilt()

cli.cli.main = stopped_mid_construction
cli.main()
"""


def test_a_stop_inside_a_drivers_constructor_prints_one_line_not_a_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-c", HALF_BUILT], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 143, done.stderr
    assert done.stderr.strip() == "interrupted: everything committed before stays stored"
