"""A malformed number on the command line is one clear line and exit 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_negative_visits_limit_is_refused_in_one_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'a.sqlite'}"
    proc = subprocess.run(
        [sys.executable, "-m", "ministry_news", "--db", db, "visits", "--limit", "-1"],
        cwd=ROOT,
        env={**os.environ, "PYTHAINLP_OFFLINE": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "--limit" in proc.stderr and "-1" in proc.stderr
