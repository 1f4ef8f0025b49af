"""`ministry-news demo`: the whole path (serve mirror → crawl → extract → summary) in one command."""

from __future__ import annotations

import time

import click


def run_demo(db_url: str) -> None:
    from ministry_news.harvest import FAST_SETTINGS, crawl_then_extract
    from ministry_news.summary import print_summary
    from scraper.mirror.server import MirrorServer

    started = time.perf_counter()
    with MirrorServer(port=0) as mirror:
        click.echo(f"demo: serving the bundled mirror at {mirror.url}")
        # Our own server on loopback: politeness delays would only slow the demo down.
        crawl_then_extract(
            db_url, start_urls=mirror.start_urls(), settings=dict(FAST_SETTINGS), echo=click.echo
        )
    print_summary(db_url)
    click.echo(f"demo: done in {time.perf_counter() - started:.1f} s; archive at {db_url}")
