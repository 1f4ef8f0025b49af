"""The short report printed after `demo` and `make run`, and by `stats`."""

from __future__ import annotations

from typing import Any

import click

from ministry_news import terminal


def print_summary(db_url: str, top: int = 10) -> None:
    from archive.db import session_scope
    from archive.stats import summary

    with session_scope(db_url) as session:
        s: dict[str, Any] = summary(session)
    click.echo(
        f"archive: {s.get('posts', 0)} posts, {s.get('visits', 0)} visits, "
        f"{s.get('facts', 0)} facts, {s.get('failures', 0)} failed fetches"
    )
    for title, key in (
        ("per category", "per_category"),
        ("per province", "per_province"),
        ("per year", "per_year"),
    ):
        rows = list(s.get(key) or [])
        if not rows:
            continue
        items = rows.items() if isinstance(rows, dict) else rows
        listed = ", ".join(f"{k} {v}" for k, v in list(items)[:top])
        more = f" (+{len(rows) - top} more)" if len(rows) > top else ""
        click.echo(f"  {title}: {terminal.shown(listed)}{more}")
