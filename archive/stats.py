"""What the archive holds, in counts: the `stats` command and the summary after a crawl."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from archive.filters import Filters, json_items, version_condition
from archive.models import (
    CrawlRun,
    Fact,
    FetchFailure,
    Post,
    PostExtraction,
    PostVersion,
    Visit,
    VisitTerm,
)


def summary(session: Session) -> dict[str, Any]:
    """Counts of posts, facts, visits (each post's current pipeline version), posts per category
    and per publication year, visits per province, failed fetches, and the last crawl run.

    The per_* entries are lists of (label, count), most first (years: newest first).
    """
    current = Filters()
    facts = (
        select(func.count())
        .select_from(Fact)
        .where(
            select(PostExtraction.post_id)
            .where(
                PostExtraction.post_id == Fact.post_id,
                PostExtraction.pipeline_version == Fact.pipeline_version,
                PostExtraction.current.is_(True),
            )
            .exists()
        )
    )
    n_visits = func.count(VisitTerm.visit_id.distinct())
    per_province = session.execute(
        select(VisitTerm.value, n_visits)
        .where(VisitTerm.kind == "province", VisitTerm.current.is_(True))
        .group_by(VisitTerm.value)
        .order_by(n_visits.desc(), VisitTerm.value)
    ).all()
    year = func.extract("year", Post.published)
    per_year = session.execute(
        select(year, func.count())
        .where(Post.published.is_not(None))
        .group_by(year)
        .order_by(year.desc())
    ).all()
    versions = session.execute(
        select(PostExtraction.pipeline_version, func.count())
        .where(PostExtraction.current.is_(True))
        .group_by(PostExtraction.pipeline_version)
        .order_by(PostExtraction.pipeline_version)
    ).all()
    last_run = session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(1)).first()
    return {
        "posts": _count(session, Post),
        "post_versions": _count(session, PostVersion),
        "facts": int(session.scalar(facts) or 0),
        "visits": int(
            session.scalar(select(func.count(Visit.id)).where(version_condition(current))) or 0
        ),
        "failures": _count(session, FetchFailure),
        "first_published": session.scalar(select(func.min(Post.published))),
        "last_published": session.scalar(select(func.max(Post.published))),
        "pipeline_versions": [(v, int(n)) for v, n in versions],
        "per_category": _per_category(session),
        "per_province": [(p, int(n)) for p, n in per_province],
        "per_year": [(str(int(y)), int(n)) for y, n in per_year],
        "last_run": None
        if last_run is None
        else {
            "id": last_run.id,
            "started_at": last_run.started_at,
            "finished_at": last_run.finished_at,
            "status": last_run.status,
            "pages": last_run.pages,
            "new_posts": last_run.new_posts,
            "changed_posts": last_run.changed_posts,
            "unchanged_posts": last_run.unchanged_posts,
            "errors": last_run.errors,
        },
    }


def _count(session: Session, model: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _per_category(session: Session) -> list[tuple[str, int]]:
    """Posts per category id, labelled with the tab name most posts listed under it show."""
    items = json_items(Post.categories, session.get_bind().dialect.name)
    rows = session.execute(
        select(items.c.value, Post.category_name, func.count())
        .select_from(Post)
        .join(items, true())
        .group_by(items.c.value, Post.category_name)
    ).all()
    posts: Counter[str] = Counter()
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for category, name, n in rows:
        posts[str(category)] += int(n)
        if name:
            names[str(category)][name] += int(n)
    labelled = [
        (f"{c} {names[c].most_common(1)[0][0]}" if names[c] else c, n) for c, n in posts.items()
    ]
    return sorted(labelled, key=lambda item: (-item[1], item[0]))
