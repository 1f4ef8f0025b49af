"""The rows researchers take away: visits, officials, posts, each streamed from the database.

Each function reads in chunks (a server-side cursor on PostgreSQL), so exporting a million
rows never holds a million rows in memory. The row types are also the export's columns.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, literal, select, true, union_all
from sqlalchemy.orm import Session

from archive.filters import (
    Filters,
    earliest_start,
    json_items,
    official_matches,
    term_visit_ids,
    visit_conditions,
)
from archive.models import Post, RetiredVisit, Visit, VisitTerm
from archive.search import SAMPLE, TOTAL_CAP, among_ids, capped_count, post_filter
from nlp.facts import HOST, MENTIONED, ROLES, VISITOR

CHUNK = 1000


@dataclass(frozen=True)
class VisitRow:
    visit_id: int
    post_id: int
    source: str  # the post's site (archive.sources): the visit is told by that site's post
    url: str
    title: str
    published: dt.date | None
    start_date: dt.date | None
    end_date: dt.date | None
    dates: list[str]
    provinces: list[str]
    districts: list[str]
    subdistricts: list[str]
    officials: list[str]
    positions: list[str]  # beside officials, in their order ("" where none was written)
    roles: list[str]  # beside officials: visitor, host, mentioned ("" where not told)
    sites: list[str]
    site_types: list[str]  # beside sites, in their order ("" where not known)
    pipeline_version: str


@dataclass(frozen=True)
class OfficialRow:
    """One person (name without honorific) across every visit the filters select.

    `visits` counts the visits the person made (role visitor, or untold by an older pipeline);
    receiving or briefing visitors is counted apart in `hosted`, being named in `mentioned`.
    Posts, first and last visit are of the visits made.
    """

    person: str
    source: list[str]  # the sites whose posts name the person (archive.sources), in name order
    names: list[str]  # as written, honorific included, in order of first appearance
    positions: list[str]
    visits: int
    hosted: int
    mentioned: int
    posts: int
    first_visit: dt.date | None
    last_visit: dt.date | None


@dataclass(frozen=True)
class PostRow:
    post_id: int  # the archive's own id
    source: str  # the site the post is of (archive.sources)
    source_id: int  # that site's id for it
    url: str
    title: str
    published: dt.date | None
    categories: list[str]
    category_name: str | None
    body: str
    images: list[str]
    attachments: list[str]
    version: int
    first_fetched_at: dt.datetime
    fetched_at: dt.datetime
    visits: int
    provinces: list[str]  # from the post's visits (of the chosen pipeline version)
    officials: list[str]


def _stream(session: Session, stmt: Select[Any]) -> Iterator[Any]:
    yield from session.execute(stmt.execution_options(yield_per=CHUNK))


def _visit_conditions(session: Session, filters: Filters) -> list[Any]:
    """archive.filters.visit_conditions, and for visits since a day the earliest they can
    start, so that the date index serves them."""
    conds = visit_conditions(filters)
    if filters.since:
        conds.append(Visit.start_date >= earliest_start(session, filters.since))
    return conds


def _visits_stmt(session: Session, filters: Filters, *columns: Any) -> Select[Any]:
    """Visits matching the visit filters, of posts matching the post filters (text included)."""
    return (
        select(*columns)
        .select_from(Visit)
        .join(Post, Post.id == Visit.post_id)
        .where(
            *_visit_conditions(session, filters),
            *post_filter(session, filters, with_visits=False),
        )
    )


_VISIT_COLUMNS = (
    Visit.id,
    Visit.post_id,
    Post.source,
    Post.url,
    Post.title,
    Post.published,
    Visit.start_date,
    Visit.end_date,
    Visit.dates,
    Visit.provinces,
    Visit.districts,
    Visit.subdistricts,
    Visit.officials,
    Visit.positions,
    Visit.roles,
    Visit.sites,
    Visit.site_types,
    Visit.pipeline_version,
)


def visits(
    session: Session, filters: Filters, limit: int | None = None, offset: int = 0
) -> Iterator[VisitRow]:
    """The visits the filters select, in date order (undated last): all of them, or the page
    of `limit` after `offset` (cut in SQL, so a page costs a page)."""
    stmt = _visits_stmt(session, filters, *_VISIT_COLUMNS).order_by(
        Visit.start_date.asc().nulls_last(), Visit.post_id, Visit.seq
    )
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    for row in _stream(session, stmt):
        yield _visit_row(row)


@dataclass(frozen=True)
class VisitCounts:
    """How many visits the filters select and how they spread, for a page's totals and charts.

    `total` is exact up to the cap (`exact`), else the cap; the spread is of all the selected
    visits up to the sample, else (`among` set) of the `among` latest archived, so counting
    costs the same at any size of archive.
    """

    total: int
    exact: bool
    among: int | None
    per_province: Counter[str]  # a visit to two provinces counts in both
    per_source: Counter[str]
    per_month: Counter[str]  # YYYY-MM of the visit's first day
    undated: int


def visit_counts(
    session: Session, filters: Filters, cap: int = TOTAL_CAP, sample: int = SAMPLE
) -> VisitCounts:
    """The selected visits counted: the total by reading at most cap + 1 visit ids, the
    spread of the `sample` latest archived (at most `cap`) grouped by the engine in one
    statement, so only the counts cross to Python (decoding 10,000 visits' provinces here had
    cost most of /api/visits at a million posts)."""
    dialect = session.get_bind().dialect.name
    post_conds = post_filter(session, filters, with_visits=False)
    ids = None if post_conds else term_visit_ids(filters)
    if ids is None:
        ids = select(Visit.id.label("id")).where(*_visit_conditions(session, filters))
        if post_conds:
            ids = ids.join(Post, Post.id == Visit.post_id).where(*post_conds)
    total, exact = capped_count(session, ids, cap)
    sample = min(sample, cap)
    chosen = ids.subquery("chosen")
    newest = list(session.scalars(select(chosen.c.id).order_by(chosen.c.id.desc()).limit(sample)))
    counts: dict[str, Counter[str]] = {"province": Counter(), "source": Counter()}
    counts["month"] = Counter()
    undated = 0
    if newest:
        read = (
            select(Visit.id, Visit.start_date, Visit.provinces, Post.source)
            .join(Post, Post.id == Visit.post_id)
            .where(among_ids(Visit.id, newest, dialect))
            .cte("read")
            .prefix_with("MATERIALIZED")
        )
        items = json_items(read.c.provinces, dialect)
        month = _month(read.c.start_date, dialect)
        parts = [
            select(literal("province"), items.c.value, func.count(read.c.id.distinct()))
            .select_from(read)
            .join(items, true())
            .group_by(items.c.value),
            select(literal("source"), read.c.source, func.count()).group_by(read.c.source),
            select(literal("month"), month, func.count()).group_by(month),
        ]
        for what, value, number in session.execute(union_all(*parts)):
            if what == "month" and value is None:
                undated = int(number)
            else:
                counts[what][str(value)] = int(number)
    return VisitCounts(
        total,
        exact,
        sample if total > sample or not exact else None,
        counts["province"],
        counts["source"],
        counts["month"],
        undated,
    )


def _month(day: Any, dialect: str) -> Any:
    """YYYY-MM of a date column (SQLite keeps dates as ISO text)."""
    if dialect == "sqlite":
        return func.substr(day, 1, 7)
    return func.to_char(day, "YYYY-MM")


def post_visits(session: Session, post_id: int, version: str | None) -> list[VisitRow]:
    """The visits one pipeline version made of one post, in the order it found them."""
    stmt = (
        select(*_VISIT_COLUMNS)
        .join(Post, Post.id == Visit.post_id)
        .where(Visit.post_id == post_id, Visit.pipeline_version == version)
        .order_by(Visit.seq)
    )
    return [_visit_row(row) for row in session.execute(stmt)]


def visit_location(session: Session, visit_id: int) -> tuple[int, int | None] | None:
    """Where a cited visit id leads: (post id, None) for a stored visit, (post id, the visit
    that replaced it) for one a re-extraction retired, None for an id never given."""
    post_id = session.scalar(select(Visit.post_id).where(Visit.id == visit_id))
    if post_id is not None:
        return post_id, None
    retired = session.get(RetiredVisit, visit_id)
    if retired is None:
        return None
    return retired.post_id, retired.replaced_by


def _visit_row(row: Any) -> VisitRow:
    """A row of _VISIT_COLUMNS; a list column left NULL reads as empty, and the lists beside
    officials and sites (NULL on visits stored before them) as one "" per entry."""
    lists = [list(v or []) for v in row[8:17]]
    officials, sites = lists[4], lists[7]
    for i, beside in ((5, officials), (6, officials), (8, sites)):
        if len(lists[i]) != len(beside):
            lists[i] = [""] * len(beside)
    return VisitRow(*row[:8], *lists, row[17])


def officials(session: Session, filters: Filters) -> Iterator[OfficialRow]:
    """One row per person over the selected visits, in order of the person's name.

    With an `official` filter, only the persons it matches (not everyone on their visits).
    """
    stmt = _visits_stmt(
        session,
        filters,
        VisitTerm.key,
        VisitTerm.value,
        VisitTerm.detail,
        VisitTerm.role,
        Visit.id,
        Visit.post_id,
        Visit.start_date,
        Visit.end_date,
        Post.source,
    ).join(VisitTerm, VisitTerm.visit_id == Visit.id)
    stmt = stmt.where(VisitTerm.kind == "official")
    if filters.official:
        stmt = stmt.where(official_matches(filters.official))
    stmt = stmt.order_by(VisitTerm.key, Visit.start_date.asc().nulls_last(), Visit.id)
    for person, rows in itertools.groupby(_stream(session, stmt), key=lambda r: r[0]):
        names: dict[str, None] = {}
        positions: dict[str, None] = {}
        by_role: dict[str, set[int]] = {role: set() for role in ROLES}
        post_ids: set[int] = set()
        days: list[dt.date] = []
        sources: set[str] = set()
        for _, name, position, role, visit_id, post_id, start, end, source in rows:
            names[name] = None
            sources.add(source)
            if position:
                positions[position] = None
            role = role if role in by_role else VISITOR  # an older pipeline's untold: made
            by_role[role].add(visit_id)
            if role == VISITOR:
                post_ids.add(post_id)
                days += [d for d in (start, end) if d is not None]
        yield OfficialRow(
            person=person,
            source=sorted(sources),
            names=list(names),
            positions=list(positions),
            visits=len(by_role[VISITOR]),
            hosted=len(by_role[HOST]),
            mentioned=len(by_role[MENTIONED]),
            posts=len(post_ids),
            first_visit=min(days, default=None),
            last_visit=max(days, default=None),
        )


_POST_COLUMNS = (
    Post.id,
    Post.source,
    Post.source_id,
    Post.url,
    Post.title,
    Post.published,
    Post.categories,
    Post.category_name,
    Post.body,
    Post.images,
    Post.attachments,
    Post.version,
    Post.first_fetched_at,
    Post.fetched_at,
)


def posts(session: Session, filters: Filters) -> Iterator[PostRow]:
    """Every post the filters select, oldest first, with what its visits say."""
    stmt = (
        select(*_POST_COLUMNS)
        .where(*post_filter(session, filters))
        .order_by(Post.published.asc().nulls_last(), Post.id)
    )
    result = session.execute(stmt.execution_options(yield_per=CHUNK))
    for chunk in result.partitions():
        summaries = _visit_summaries(session, filters, [row.id for row in chunk])
        for row in chunk:
            n, provinces, people = summaries.get(row.id, (0, [], []))
            yield PostRow(
                post_id=row.id,
                source=row.source,
                source_id=row.source_id,
                url=row.url,
                title=row.title,
                published=row.published,
                categories=list(row.categories or []),
                category_name=row.category_name,
                body=row.body,
                images=list(row.images or []),
                attachments=list(row.attachments or []),
                version=row.version,
                first_fetched_at=row.first_fetched_at,
                fetched_at=row.fetched_at,
                visits=n,
                provinces=provinces,
                officials=people,
            )


def _visit_summaries(
    session: Session, filters: Filters, post_ids: Iterable[int]
) -> dict[int, tuple[int, list[str], list[str]]]:
    version_only = Filters(pipeline_version=filters.pipeline_version)
    stmt = (
        select(Visit.post_id, Visit.provinces, Visit.officials)
        .where(Visit.post_id.in_(list(post_ids)), *visit_conditions(version_only))
        .order_by(Visit.post_id, Visit.seq)
    )
    out: dict[int, tuple[int, list[str], list[str]]] = {}
    for post_id, rows in itertools.groupby(session.execute(stmt), key=lambda r: r[0]):
        provinces: dict[str, None] = {}
        people: dict[str, None] = {}
        n = 0
        for _, visit_provinces, visit_officials in rows:
            n += 1
            provinces.update(dict.fromkeys(visit_provinces or []))
            people.update(dict.fromkeys(visit_officials or []))
        out[post_id] = (n, list(provinces), list(people))
    return out


ROWS = {
    "posts": (posts, PostRow),
    "visits": (visits, VisitRow),
    "officials": (officials, OfficialRow),
}


def count(session: Session, what: str, filters: Filters) -> int:
    """How many rows `what` would yield (for a progress bar)."""
    if what == "posts":
        stmt = select(func.count()).select_from(Post).where(*post_filter(session, filters))
    elif what == "visits":
        stmt = _visits_stmt(session, filters, func.count(Visit.id))
    else:
        stmt = _visits_stmt(session, filters, func.count(VisitTerm.key.distinct())).join(
            VisitTerm, VisitTerm.visit_id == Visit.id
        )
        stmt = stmt.where(VisitTerm.kind == "official")
        if filters.official:
            stmt = stmt.where(official_matches(filters.official))
    return int(session.scalar(stmt) or 0)
