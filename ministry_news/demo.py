"""`ministry-news demo`: the whole path (serve mirror → crawl → extract → summary) in one command."""

from __future__ import annotations

import time

import click


def run_demo(db_url: str) -> None:
    from ministry_news.cli import _fast_settings, _print_crawl, _run_extract
    from ministry_news.crawl import run_crawl
    from ministry_news.summary import print_summary
    from scraper.mirror.server import MirrorServer

    started = time.perf_counter()
    with MirrorServer(port=0) as mirror:
        click.echo(f"demo: serving the bundled mirror at {mirror.url}")
        # Our own server on loopback: politeness delays would only slow the demo down.
        stats = run_crawl(db_url, start_urls=mirror.start_urls(), settings=_fast_settings())
    _print_crawl(stats)
    _run_extract(db_url)
    print_summary(db_url)
    click.echo(f"demo: done in {time.perf_counter() - started:.1f} s; archive at {db_url}")
