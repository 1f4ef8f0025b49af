"""Writes to the archive, each one idempotent: storing a post twice leaves one row."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from archive import search
from archive.models import (
    CrawlRun,
    Fact,
    FetchFailure,
    Post,
    PostExtraction,
    PostVersion,
    RetiredVisit,
    Visit,
    VisitTerm,
    utcnow,
)
from archive.sources import DEFAULT_SOURCE, source_of

if TYPE_CHECKING:
    from nlp import facts as nlp_facts
    from nlp.facts import Extraction

SaveOutcome = Literal["new", "changed", "unchanged"]


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _datetime(value: Any) -> dt.datetime:
    if value in (None, ""):
        return utcnow()
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return dt.datetime.fromisoformat(str(value)).replace(tzinfo=None)


def find_post(session: Session, source: str, source_id: int, lock: bool = False) -> Post | None:
    """The stored post of site `source` under that site's id; `lock`: writers take turns."""
    stmt = select(Post).where(Post.source == source, Post.source_id == source_id)
    return session.scalar(stmt.with_for_update() if lock else stmt)


def save_post(session: Session, item: Mapping[str, Any]) -> SaveOutcome:
    """Insert a post, or update it when its content changed (keeping the old text as a version).

    The post is the item's site's (`source`, absent: archive.sources.DEFAULT_SOURCE) under that
    site's id (`post_id`); a new one gets the archive's next id. Categories accumulate: the same
    post listed under two categories is one row with both. Safe when several crawlers store the
    same post at once (see _insert_first).
    """
    source, source_id = source_of(item), int(item["post_id"])
    post = find_post(session, source, source_id, lock=True)
    categories = [str(c) for c in item.get("categories") or []]
    fetched_at = _datetime(item.get("fetched_at"))
    if post is None:
        post = Post(
            source=source,
            source_id=source_id,
            url=item["url"],
            title=item.get("title") or "",
            published=_date(item.get("published")),
            body=item.get("body") or "",
            categories=sorted(set(categories)),
            category_name=item.get("category_name"),
            images=list(item.get("images") or []),
            attachments=list(item.get("attachments") or []),
            content_hash=item["content_hash"],
            encoding=item.get("encoding"),
            version=1,
            first_fetched_at=fetched_at,
            fetched_at=fetched_at,
        )
        if not _insert_first(session, post):
            return save_post(session, item)  # another writer stored it first: now an update
        search.index_post(session, post)
        return "new"

    merged = sorted(set(post.categories or []) | set(categories))
    if merged != list(post.categories or []):
        post.categories = merged
    if post.content_hash == item["content_hash"]:
        post.fetched_at = fetched_at
        return "unchanged"

    session.add(
        PostVersion(
            post_id=post.id,
            version=post.version,
            title=post.title,
            body=post.body,
            published=post.published,
            content_hash=post.content_hash,
            fetched_at=post.fetched_at,
        )
    )
    post.version += 1
    post.title = item.get("title") or ""
    post.body = item.get("body") or ""
    post.published = _date(item.get("published")) or post.published
    post.category_name = item.get("category_name") or post.category_name
    post.images = list(item.get("images") or [])
    post.attachments = list(item.get("attachments") or [])
    post.content_hash = item["content_hash"]
    post.encoding = item.get("encoding")
    post.fetched_at = fetched_at
    session.flush()
    search.index_post(session, post)
    return "changed"


def add_category(
    session: Session, post_id: int, category: str, source: str = DEFAULT_SOURCE
) -> bool:
    """List a stored post (the site's id) under one more category; False when it is not stored
    (yet)."""
    post = find_post(session, source, post_id, lock=True)
    if post is None:
        return False
    merged = sorted(set(post.categories or []) | {str(category)})
    if merged != list(post.categories or []):
        post.categories = merged
    return True


def _insert_first(session: Session, post: Post) -> bool:
    """Insert a new post's row; False when another process inserted the same post meanwhile.

    The unique (source, source_id) decides, not timing: the second insert waits for the first transaction and
    then fails, inside a savepoint, so the caller can store its copy as an update of that row.
    (SQLite has one writer at a time, and pysqlite's savepoints would commit early: no savepoint.)
    """
    if session.get_bind().dialect.name == "sqlite":
        session.add(post)
        session.flush()
        return True
    try:
        with session.begin_nested():
            session.add(post)
    except IntegrityError:
        if find_post(session, post.source, post.source_id, lock=True) is None:
            raise  # not a concurrent insert of this post: a real error
        return False
    return True


def known_hashes(
    session: Session, post_ids: list[int], source: str = DEFAULT_SOURCE
) -> dict[int, str]:
    """The stored content hash of each of the site's ids that is archived."""
    rows = session.execute(
        select(Post.source_id, Post.content_hash).where(
            Post.source == source, Post.source_id.in_(post_ids)
        )
    )
    return {pid: h for pid, h in rows}


def replace_facts(session: Session, post_id: int, extraction: Extraction) -> None:
    """Store one pipeline version's facts for a post, replacing that version's earlier ones.

    Ids are cited, so a fact or visit found again exactly as before keeps its row and id; only
    what changed is deleted and added. A visit id that goes is recorded in `retired_visits` with
    the visit that took its place. Also records that this version ran over the post (even if it
    found nothing) and which stored version is now the post's current one: the newest.
    """
    version = extraction.version
    _replace_fact_rows(session, post_id, extraction)
    rows = _replace_visit_rows(session, post_id, extraction)
    newest = _record_extraction(session, post_id, version, len(extraction.facts), len(rows))
    # The current flag, copied where queries read it (see archive.models).
    session.execute(
        update(Visit)
        .where(Visit.post_id == post_id)
        .values(current=Visit.pipeline_version == newest)
        .execution_options(synchronize_session=False)
    )
    current_visits = select(Visit.id).where(
        Visit.post_id == post_id, Visit.pipeline_version == newest
    )
    session.execute(
        update(VisitTerm)
        .where(VisitTerm.post_id == post_id)
        .values(current=VisitTerm.visit_id.in_(current_visits))
        .execution_options(synchronize_session=False)
    )


def _fact_key(f: Any) -> str:
    """What makes a fact the same one: a stored row and an extracted fact share these names."""
    return json.dumps(
        [f.kind, f.value, f.source, f.start, f.end, f.rule, f.attrs or {}], sort_keys=True
    )


def _replace_fact_rows(session: Session, post_id: int, extraction: Extraction) -> None:
    version = extraction.version
    kept: dict[str, list[Fact]] = {}
    for row in session.scalars(
        select(Fact).where(Fact.post_id == post_id, Fact.pipeline_version == version)
    ):
        kept.setdefault(_fact_key(row), []).append(row)
    for f in extraction.facts:
        same = kept.get(_fact_key(f))
        if same:
            same.pop()
            continue
        session.add(
            Fact(
                post_id=post_id,
                pipeline_version=version,
                kind=f.kind,
                value=f.value,
                source=f.source,
                start=f.start,
                end=f.end,
                surface=f.surface,
                rule=f.rule,
                attrs=dict(f.attrs),
            )
        )
    stale = [row.id for rows in kept.values() for row in rows]
    if stale:
        session.execute(delete(Fact).where(Fact.id.in_(stale)))


def _visit_fields(visit: nlp_facts.Visit, terms: list[Term]) -> dict[str, Any]:
    """The stored columns of one visit: its lists, and beside officials and sites their details."""
    officials = {
        value: (detail or "", role or "")
        for kind, value, _, detail, role in terms
        if kind == "official"
    }
    types = {value: key or "" for kind, value, key, _, _ in terms if kind == "site"}
    return {
        "start_date": _date(visit.start_date),
        "end_date": _date(visit.end_date),
        "dates": list(visit.dates),
        "provinces": list(visit.provinces),
        "districts": list(visit.districts),
        "subdistricts": list(visit.subdistricts),
        "officials": list(visit.officials),
        "sites": list(visit.sites),
        "positions": [officials.get(name, ("", ""))[0] for name in visit.officials],
        "roles": [officials.get(name, ("", ""))[1] for name in visit.officials],
        "site_types": [types.get(site, "") for site in visit.sites],
    }


_SAME_VISIT = (
    "dates",
    "provinces",
    "districts",
    "subdistricts",
    "officials",
    "sites",
    "positions",
    "roles",
    "site_types",
)


def _visit_key(fields: Mapping[str, Any]) -> str:
    return json.dumps([list(fields.get(k) or []) for k in _SAME_VISIT])


def _replace_visit_rows(session: Session, post_id: int, extraction: Extraction) -> list[Visit]:
    """This version's visits of the post, reusing the rows of visits found again unchanged."""
    version = extraction.version
    old: dict[str, list[Visit]] = {}
    for row in session.scalars(
        select(Visit)
        .where(Visit.post_id == post_id, Visit.pipeline_version == version)
        .order_by(Visit.seq)
    ):
        old.setdefault(_visit_key({k: getattr(row, k) for k in _SAME_VISIT}), []).append(row)
    rows: list[Visit] = []
    fresh: list[tuple[Visit, list[Term]]] = []
    for seq, visit in enumerate(extraction.visits):
        terms = visit_terms(visit, extraction.facts)
        fields = _visit_fields(visit, terms)
        same = old.get(_visit_key(fields))
        if same:
            row = same.pop(0)
            row.seq = seq
        else:
            row = Visit(post_id=post_id, pipeline_version=version, seq=seq, **fields)
            session.add(row)
            fresh.append((row, terms))
        rows.append(row)
    session.flush()
    stale = [row for group in old.values() for row in group]
    if stale:
        stale_ids = [row.id for row in stale]
        session.execute(delete(VisitTerm).where(VisitTerm.visit_id.in_(stale_ids)))
        session.execute(delete(Visit).where(Visit.id.in_(stale_ids)))
        for row in stale:
            successor = rows[min(row.seq, len(rows) - 1)].id if rows else None
            session.add(
                RetiredVisit(
                    id=row.id, post_id=post_id, pipeline_version=version, replaced_by=successor
                )
            )
    session.add_all(
        VisitTerm(
            visit_id=row.id,
            post_id=post_id,
            kind=kind,
            value=value,
            key=key,
            detail=detail,
            role=role,
        )
        for row, terms in fresh
        for kind, value, key, detail, role in terms
    )
    return rows


# The attrs the nlp pipeline puts on facts that the archive groups by (see nlp.facts.Fact).
PERSON_ATTR = "person"  # official: given name + surname, without honorific
POSITION_ATTR = "position"  # official: the position written after the name
ROLE_ATTR = "role"  # official: visitor, host or mentioned (see nlp.facts.Visit.roles)
SITE_TYPE_ATTR = "type"  # site: school, hospital, ...

Term = tuple[str, str, str | None, str | None, str | None]  # kind, value, key, detail, role


def visit_terms(visit: nlp_facts.Visit, facts: Iterable[nlp_facts.Fact]) -> list[Term]:
    """A visit's list values as rows, with the person behind each official and each site's type.

    An official or site is matched to its fact by value; without a fact (or without the attr)
    the person is the name as written and the site has no type. An official's role is the
    visit's (nlp.facts.Visit.roles), else the fact's, else unknown (None).
    """
    by_value: dict[tuple[str, str], nlp_facts.Fact] = {}
    for fact in facts:
        by_value.setdefault((fact.kind, fact.value), fact)
    terms: list[Term] = []
    for kind, values in (
        ("province", visit.provinces),
        ("district", visit.districts),
        ("subdistrict", visit.subdistricts),
    ):
        terms.extend((kind, v, None, None, None) for v in dict.fromkeys(values))
    for name in dict.fromkeys(visit.officials):
        attrs = _attrs(by_value.get(("official", name)))
        person = str(attrs.get(PERSON_ATTR) or "").strip() or name
        position = str(attrs.get(POSITION_ATTR) or "").strip() or None
        role = visit.roles.get(name) or str(attrs.get(ROLE_ATTR) or "") or None
        terms.append(("official", name, person, position, role))
    for site in dict.fromkeys(visit.sites):
        site_type = str(_attrs(by_value.get(("site", site))).get(SITE_TYPE_ATTR) or "") or None
        terms.append(("site", site, site_type, None, None))
    return terms


def _attrs(fact: nlp_facts.Fact | None) -> Mapping[str, Any]:
    return fact.attrs if fact is not None and fact.attrs else {}


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Order pipeline versions as numbers where they are numbers: 0.10 is newer than 0.9."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part)
        for part in re.split(r"[.\-+_ ]+", version)
        if part
    )


def _record_extraction(
    session: Session, post_id: int, version: str, facts: int, visits: int
) -> str:
    """Record the run and mark the post's current version; return that version."""
    runs = {
        e.pipeline_version: e
        for e in session.scalars(select(PostExtraction).where(PostExtraction.post_id == post_id))
    }
    run = runs.get(version)
    if run is None:
        run = runs[version] = PostExtraction(post_id=post_id, pipeline_version=version)
        session.add(run)
    run.extracted_at, run.facts, run.visits = utcnow(), facts, visits
    newest = max(runs, key=version_key)
    for name, e in runs.items():
        e.current = name == newest
    return newest


def start_run(session: Session, start_urls: list[str]) -> CrawlRun:
    run = CrawlRun(start_urls=list(start_urls), status="running")
    session.add(run)
    session.flush()
    return run


def record_failure(
    session: Session,
    url: str,
    reason: str,
    status: int | None = None,
    run_id: int | None = None,
    source: str = DEFAULT_SOURCE,
) -> None:
    session.add(FetchFailure(source=source, url=url, status=status, reason=reason, run_id=run_id))
