"""What each page shows, computed once for the HTML page and its JSON twin alike.

Every number and row comes from the archive's own queries (`archive.search`, `archive.queries`):
the web layer only windows and counts what they yield, so a page, its JSON and its CSV are the
same rows for the same filters.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from archive import queries
from archive.filters import Filters, json_items
from archive.models import MAX_ID, Fact, Post, PostExtraction
from archive.queries import VisitRow
from archive.search import TOTAL_CAP, Facets, SearchPage, facets, search


@dataclass(frozen=True)
class SearchView:
    page: SearchPage
    facets: Facets


def search_view(
    session: Session, filters: Filters, limit: int, offset: int, cap: int = TOTAL_CAP
) -> SearchView:
    """One page of hits and the facet counts of everything the filters select (both exact up
    to `cap` posts)."""
    return SearchView(
        search(session, filters, limit, offset, total_cap=cap), facets(session, filters, cap=cap)
    )


@dataclass
class VisitsView:
    """A window of the selected visits, and counts over them for the charts (over all of them
    up to the sample, else over the `among` latest archived)."""

    rows: list[VisitRow]
    total: int
    total_is_exact: bool
    limit: int
    offset: int
    per_province: list[tuple[str, int]] = field(default_factory=list)
    per_source: list[tuple[str, int]] = field(default_factory=list)
    per_month: list[tuple[str, int]] = field(default_factory=list)
    undated: int = 0
    among: int | None = None


def visits_view(
    session: Session, filters: Filters, limit: int, offset: int, cap: int = TOTAL_CAP
) -> VisitsView:
    """The page's rows (cut in SQL) and archive.queries.visit_counts: visits per province and
    per month of their first day, months without visits included so the timeline does not lie
    about gaps."""
    rows = list(queries.visits(session, filters, limit, offset))
    counts = queries.visit_counts(session, filters, cap)
    per_province, per_source = (
        sorted(c.items(), key=lambda item: (-item[1], item[0]))
        for c in (counts.per_province, counts.per_source)
    )
    return VisitsView(
        rows,
        counts.total,
        counts.exact,
        limit,
        offset,
        per_province,
        per_source,
        _every_month(counts.per_month),
        counts.undated,
        counts.among,
    )


def _every_month(counts: Counter[str]) -> list[tuple[str, int]]:
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:])
    out: list[tuple[str, int]] = []
    while (key := f"{year:04d}-{month:02d}") <= last:
        out.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


@dataclass(frozen=True)
class PostView:
    post: Post
    pipeline_version: str | None  # of the facts shown: the post's current one
    facts: list[Fact]
    visits: list[VisitRow]


def post_view(session: Session, post_id: int) -> PostView | None:
    """A post with the facts and visits of its current pipeline version (None: no such post)."""
    if not can_be_id(post_id):
        return None
    post = session.get(Post, post_id)
    if post is None:
        return None
    version = session.scalar(
        select(PostExtraction.pipeline_version).where(
            PostExtraction.post_id == post_id, PostExtraction.current.is_(True)
        )
    )
    facts = list(
        session.scalars(
            select(Fact)
            .where(Fact.post_id == post_id, Fact.pipeline_version == version)
            .order_by(Fact.source.desc(), Fact.start, Fact.id)  # title first, then body
        )
    )
    return PostView(post, version, facts, queries.post_visits(session, post_id, version))


def category_names(session: Session) -> dict[str, str]:
    """Each category id as the site names it: the name its own posts carry most often (a post
    lists its categories' ids and shows the name of one; a post of one category says whose)."""
    items = json_items(Post.categories, session.get_bind().dialect.name)
    n = func.count()
    rows = session.execute(
        select(items.c.value, Post.category_name, n)
        .select_from(Post)
        .join(items, true())
        .where(Post.category_name.is_not(None), func.json_array_length(Post.categories) == 1)
        .group_by(items.c.value, Post.category_name)
        .order_by(n, Post.category_name.desc())
    ).all()
    return {str(value): name for value, name, _ in rows}  # the most common comes last, and stays


def can_be_id(n: int) -> bool:
    """Whether a row of the archive can have this id (past MAX_ID the database would fail)."""
    return 0 <= n <= MAX_ID


def month_label(key: str) -> str:
    """2020-03 as a Thai reader dates it (PyThaiNLP's month names, Buddhist era): มี.ค. 2563."""
    from pythainlp.util import thai_strftime

    return thai_strftime(dt.datetime(int(key[:4]), int(key[5:]), 1), "%b %Y")
