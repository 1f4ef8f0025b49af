"""`ministry-news demo`: the whole path (serve mirror → crawl → extract → summary) in one command."""

from __future__ import annotations

import time

import click


def run_demo(db_url: str) -> None:
    from ministry_news.harvest import FAST_SETTINGS, crawl_then_extract
    from ministry_news.summary import print_summary
    from scraper.mirror.server import MirrorServer

    started = time.perf_counter()
    with MirrorServer(port=0) as mdes, MirrorServer(port=0, site="thaigov") as thaigov:
        click.echo(
            f"demo: serving the bundled mirrors at {mdes.url} (mdes), {thaigov.url} (thaigov)"
        )
        # Our own servers on loopback: politeness delays would only slow the demo down.
        crawl_then_extract(
            db_url,
            start_urls=[*mdes.start_urls(), *thaigov.start_urls()],
            settings=dict(FAST_SETTINGS),
            echo=click.echo,
        )
    print_summary(db_url)
    click.echo(f"demo: done in {time.perf_counter() - started:.1f} s; archive at {db_url}")
