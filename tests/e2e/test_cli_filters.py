"""Every filter answers or says why on the command line: the forms a Thai reader writes find
visits, and an unknown value is one line with the closest known values, exit 2 (never "0 visits",
exit 0, which hides a typo)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pytest

from archive import db
from archive.db import session_scope
from archive.migrate import upgrade
from tests.archive.archive_data import add_field_visits
from tests.ops import helpers as ops

cli = partial(ops.cli, timeout=180)  # the command as a user runs it


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A SQLite archive holding archive_data's field visits (Tak, Chiang Rai, Chiang Mai…)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'archive.sqlite'}"
    upgrade(url)
    with session_scope(url) as session:
        add_field_visits(session)
    db.dispose_all()
    yield url


@pytest.mark.parametrize(
    "option",
    [
        ("--district", "อ.แม่สอด"),
        ("--province", "Tak"),
        ("--category", "ข่าวประชาสัมพันธ์"),
        ("--official", "ชัยวุฒิ"),
    ],
)
def test_the_forms_a_reader_writes_find_visits(archive: str, option: tuple[str, str]) -> None:
    proc = cli("--db", archive, "visits", *option)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() != "0 visits" and "#" in proc.stdout


@pytest.mark.parametrize(
    ("command", "option", "said"),
    [
        ("visits", ("--district", "อำเภอแม่สอดด"), "district: not a Thai district: "),
        ("search", ("--site-type", "schol"), "did you mean school/โรงเรียน"),
        ("visits", ("--category", "abc"), "category: no category 'abc' in the archive (known: "),
        ("export", ("--official", "ชัยวุฒ ธนาคมานุสรน"), "did you mean ชัยวุฒิ ธนาคมานุสรณ์?"),
    ],
)
def test_an_unknown_value_is_one_line_and_exit_2(
    archive: str, command: str, option: tuple[str, str], said: str
) -> None:
    args = ["visits"] if command == "export" else []
    proc = cli("--db", archive, command, *args, *option)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert said in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert proc.stdout == ""


def test_the_help_of_every_query_command_comes_from_the_one_filter_table() -> None:
    from archive.filters import FILTERS

    for command in ("search", "visits", "export"):
        shown = cli(command, "--help").stdout
        for spec in FILTERS:
            if spec.name != "q":
                assert spec.flag in shown, (command, spec.flag)
