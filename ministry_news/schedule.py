"""`ministry-news schedule`: crawl + extract on a schedule, in the foreground, for years.

Each run is a child process (`python -m ministry_news.crawl --resume ...`): Twisted's reactor
runs once per process, and a crash or leak in one run cannot take the schedule down. The
archive's crawl lock keeps runs from overlapping, whoever starts them (this loop, cron, a person):
a run that finds the lock taken is skipped and said so. SIGTERM (systemd stopping the service) and
Ctrl-C stop the current crawl cleanly, so the next start resumes it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from cronsim import CronSim, CronSimError

from ministry_news.exits import EXIT_BUSY
from ministry_news.harvest import after_crawl

ROOT = Path(__file__).resolve().parents[1]
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$")


@dataclass(frozen=True)
class Schedule:
    """Either every `seconds` (the first run at once) or at the times of a cron expression."""

    seconds: float | None = None
    cron: str | None = None

    def first(self, now: dt.datetime) -> dt.datetime:
        return now if self.seconds is not None else self.after(now)

    def after(self, moment: dt.datetime) -> dt.datetime:
        if self.seconds is not None:
            return moment + dt.timedelta(seconds=self.seconds)
        assert self.cron is not None
        return next(CronSim(self.cron, moment.replace(microsecond=0)))

    def describe(self) -> str:
        return f"every {self.seconds:g} s" if self.seconds is not None else f"cron {self.cron!r}"


def parse_schedule(every: str | None, cron: str | None) -> Schedule:
    """`--every 6h` (s, m, h, d) or `--cron "0 */6 * * *"`; ValueError with a message otherwise."""
    if bool(every) == bool(cron):
        raise ValueError("give one of --every (e.g. 6h) or --cron (e.g. '0 */6 * * *')")
    if every:
        match = _EVERY.match(every)
        if not match or float(match.group(1)) <= 0:
            raise ValueError(
                f"--every takes a number and a unit s, m, h or d (e.g. 6h), not {every!r}"
            )
        return Schedule(seconds=float(match.group(1)) * _UNITS[match.group(2)])
    try:
        next(CronSim(cron or "", dt.datetime.now()))
    except (CronSimError, StopIteration) as exc:
        raise ValueError(f"not a cron expression {cron!r}: {exc}") from None
    return Schedule(cron=cron)


class _Stop:
    """SIGTERM / SIGINT: stop waiting, and ask the running crawl to stop cleanly."""

    def __init__(self) -> None:
        self.requested = False
        self.child: subprocess.Popen[str] | None = None

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True
        if self.child is not None and self.child.poll() is None:
            self.child.send_signal(signal.SIGINT)  # Scrapy's clean shutdown: the queue is saved


def run_schedule(
    db_url: str,
    schedule: Schedule,
    crawl_args: list[str],
    times: int | None = None,
    full_every: int | None = None,
    extract: bool = True,
    echo: Callable[[str], None] = print,
) -> int:
    """Run crawl (+ extract of what it stored) at each time of `schedule`, `times` runs or until
    stopped; every `full_every`-th run walks everything (`--full`). Returns how many ran."""
    stop = _Stop()
    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    done = 0
    due = schedule.first(dt.datetime.now())
    echo(f"schedule: {schedule.describe()}; first run {due:%Y-%m-%d %H:%M:%S}")
    try:
        while not stop.requested and (times is None or done < times):
            while not stop.requested and (wait := (due - dt.datetime.now()).total_seconds()) > 0:
                time.sleep(min(wait, 1.0))
            if stop.requested:
                break
            began = dt.datetime.now()
            command = [sys.executable, "-m", "ministry_news.crawl", "--db", db_url, "--resume"]
            if full_every and (done + 1) % full_every == 0:
                command.append("--full")
            stop.child = subprocess.Popen(
                [*command, *crawl_args], cwd=ROOT, stdout=subprocess.PIPE, text=True
            )
            out, _ = stop.child.communicate()
            code, stop.child = stop.child.returncode, None
            done += 1
            if code == EXIT_BUSY:
                echo(f"{began:%Y-%m-%d %H:%M:%S} skipped: {json.loads(out or '{}').get('message')}")
            else:
                _report(db_url, code, out, extract, echo)
            due = schedule.after(max(due, began))
            if due <= dt.datetime.now():  # a run longer than the interval: the next one now
                due = dt.datetime.now()
            if not stop.requested and (times is None or done < times):
                echo(f"schedule: next run {due:%Y-%m-%d %H:%M:%S}")
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return done


def _report(
    db_url: str,
    code: int,
    out: str,
    extract: bool,
    echo: Callable[[str], None],
) -> None:
    try:
        summary = json.loads(out.strip().splitlines()[-1])
    except (IndexError, ValueError):
        echo(f"crawl failed (exit {code}); its errors are above")
        return
    after_crawl(db_url, summary, extract, echo)
