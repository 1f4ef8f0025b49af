"""The archive's tables. The schema itself is created and upgraded by Alembic (archive/migrations)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

MAX_ID = 2**31 - 1
"""The largest id an `Integer` key holds on every engine (PostgreSQL's is 4 bytes): an id past
it names no row, and asking the database about it would be an error, not an answer."""


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


class Post(Base):
    """The current version of a post; earlier versions live in `post_versions`.

    `id` is the archive's own (cited in links and exports); a post is found again by the site it
    came from (`source`, a name of archive.sources) and that site's id for it (`source_id`), since
    two sites number their posts alike. Posts archived before a second site keep their ids, which
    were MDES's.
    """

    __tablename__ = "posts"
    __table_args__ = (
        Index("uq_posts_source_source_id", "source", "source_id", unique=True),
        # A post's site by its id from the index alone: visit charts count visits per site
        # without reading the posts (on SQLite, `source` lies past the body's overflow pages).
        Index("ix_posts_id_source", "id", "source"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    source_id: Mapped[int] = mapped_column(Integer)
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    body: Mapped[str] = mapped_column(Text, default="")
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    category_name: Mapped[str | None] = mapped_column(Text)
    images: Mapped[list[str]] = mapped_column(JSON, default=list)
    attachments: Mapped[list[str]] = mapped_column(JSON, default=list)
    content_hash: Mapped[str] = mapped_column(String(64))
    encoding: Mapped[str | None] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer, default=1)
    first_fetched_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    fetched_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    facts: Mapped[list[Fact]] = relationship(back_populates="post", passive_deletes=True)
    visits: Mapped[list[Visit]] = relationship(back_populates="post", passive_deletes=True)


class PostVersion(Base):
    """A post's text as it was before it changed: researchers cite what a post said on a date."""

    __tablename__ = "post_versions"
    __table_args__ = (UniqueConstraint("post_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    content_hash: Mapped[str] = mapped_column(String(64))
    fetched_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Fact(Base):
    """One extracted fact with its offsets into the post's title or body."""

    __tablename__ = "facts"
    __table_args__ = (
        Index("ix_facts_kind_value", "kind", "value"),
        Index("ix_facts_post_version", "post_id", "pipeline_version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    pipeline_version: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(8), default="body")
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column("end_offset", Integer)
    surface: Mapped[str] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(String(64), default="")
    attrs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    post: Mapped[Post] = relationship(back_populates="facts")


class Visit(Base):
    """A post's facts grouped into one visit: the row an analyst exports."""

    __tablename__ = "visits"
    __table_args__ = (
        Index("ix_visits_post_version", "post_id", "pipeline_version"),
        # Covering the visit filters, so they read an index instead of the wide rows.
        Index("ix_visits_period", "start_date", "end_date", "current", "post_id"),
        Index("ix_visits_lookup", "id", "current", "post_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    pipeline_version: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int] = mapped_column(Integer, default=0)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    dates: Mapped[list[str]] = mapped_column(JSON, default=list)
    provinces: Mapped[list[str]] = mapped_column(JSON, default=list)
    districts: Mapped[list[str]] = mapped_column(JSON, default=list)
    subdistricts: Mapped[list[str]] = mapped_column(JSON, default=list)
    officials: Mapped[list[str]] = mapped_column(JSON, default=list)
    sites: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Beside `officials` and `sites`, one entry each in the same order ("" where none is known),
    # so an export row says who held which position and role and what kind of place each site is.
    # NULL on visits stored before these columns existed.
    positions: Mapped[list[str] | None] = mapped_column(JSON, default=list)
    roles: Mapped[list[str] | None] = mapped_column(JSON, default=list)
    site_types: Mapped[list[str] | None] = mapped_column(JSON, default=list)
    # Whether this is of the post's current pipeline version (extractions.current, copied here by
    # archive.store so every visit query need not look it up).
    current: Mapped[bool] = mapped_column(Boolean, default=True)

    post: Mapped[Post] = relationship(back_populates="visits")


class VisitTerm(Base):
    """One value of a visit's lists (a province, an official, a site...), one row each.

    Derived from `visits` and `facts` by archive.store.replace_facts, so filters and facets are
    plain indexed lookups on both engines instead of JSON functions that differ between them.
    `key` groups values: the person (name without honorific) of an official, the type of a site.
    `detail` is an official's position as written next to the name; `role` is an official's part
    in the visit (visitor, host or mentioned; NULL from pipelines that did not tell them apart).
    """

    __tablename__ = "visit_terms"
    __table_args__ = (
        # Covering: filters find visits by value, facets count posts per value, index only.
        Index("ix_visit_terms_kind_value", "kind", "value", "visit_id", "post_id", "current"),
        Index("ix_visit_terms_kind_key", "kind", "key", "visit_id", "post_id", "current"),
        # Facets count the terms of the selected posts (10,000 at most), index only.
        Index("ix_visit_terms_post", "post_id", "kind", "current", "value", "key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    # The visit's post and current flag, copied so facets count posts from this table alone.
    post_id: Mapped[int] = mapped_column(Integer)
    current: Mapped[bool] = mapped_column(Boolean, default=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(Text)
    key: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(String(16))


class RetiredVisit(Base):
    """A visit id that a re-extraction removed, and the visit of the same post that replaced it.

    Visit ids are cited (permalinks, exports): an id that no longer exists still answers, saying
    what became of it. `replaced_by` is NULL when the post has no visit any more.
    """

    __tablename__ = "retired_visits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(Integer, index=True)
    pipeline_version: Mapped[str] = mapped_column(String(32))
    replaced_by: Mapped[int | None] = mapped_column(Integer)
    retired_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class PostExtraction(Base):
    """That a pipeline version ran over a post, even when it found nothing.

    `current` marks the newest version per post (by version number): the one queries show unless
    asked for another.
    """

    __tablename__ = "extractions"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
    )
    pipeline_version: Mapped[str] = mapped_column(String(32), primary_key=True)
    extracted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    current: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    facts: Mapped[int] = mapped_column(Integer, default=0)
    visits: Mapped[int] = mapped_column(Integer, default=0)


class SearchDoc(Base):
    """Title and body segmented into Thai words, space-separated: what full-text search indexes.

    Written by archive.search.index_post in the post's transaction. The engine's index follows it
    on its own, by triggers the migration creates: on SQLite an external-content FTS5 table
    (`search_fts`), on PostgreSQL a table of tsvectors with a GIN index (`search_vectors`).
    """

    __tablename__ = "search_docs"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
    )
    title_words: Mapped[str] = mapped_column(Text, default="")
    body_words: Mapped[str] = mapped_column(Text, default="")


class CrawlRun(Base):
    """One crawl, start to end, with what it did: operators read these with `ministry-news runs`."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16), default="running")
    start_urls: Mapped[list[str]] = mapped_column(JSON, default=list)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    new_posts: Mapped[int] = mapped_column(Integer, default=0)
    changed_posts: Mapped[int] = mapped_column(Integer, default=0)
    unchanged_posts: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str | None] = mapped_column(Text)
    #: incremental, full or resume; report: outcomes by kind, categories walked to the end, rates.
    mode: Mapped[str | None] = mapped_column(String(16))
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=dict)


class FetchFailure(Base):
    """A URL that could not become a post (404, refused, broken page), with the reason."""

    __tablename__ = "fetch_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id"), index=True)
    source: Mapped[str] = mapped_column(Text)  # the site whose page failed (archive.sources)
    url: Mapped[str] = mapped_column(Text)
    status: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class WarcRecord(Base):
    """One HTTP response kept in a WARC file: where to read it back (file, offset) and what it was.

    Written by the crawl's WARC recorder as each response arrives, before the spider sees it, so
    every post the archive holds has its page here: `reextract` rebuilds posts from these alone.
    `kind` is listing, post, attachment, robots or page; `post_id` is set for a post's page, and
    is the site's id for it (`posts.source_id`: the page is kept before the post is stored), of
    the site `source`.
    """

    __tablename__ = "warc_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id"), index=True)
    source: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text, index=True)
    fetched_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    status: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), default="page")
    post_id: Mapped[int | None] = mapped_column(Integer, index=True)
    content_type: Mapped[str | None] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer, default=0)  # payload bytes
    digest: Mapped[str] = mapped_column(String(64))  # WARC-Payload-Digest, sha1:BASE32
    file: Mapped[str] = mapped_column(String(255))  # name inside the WARC folder
    offset: Mapped[int] = mapped_column(BigInteger)
    length: Mapped[int] = mapped_column(Integer)  # the record's bytes in the file (gzipped)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)


class CrawlRunPost(Base):
    """What a run did to a post (the archive's id): written in the post's own transaction, so it
    survives a kill."""

    __tablename__ = "crawl_run_posts"

    run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id"), primary_key=True)
    post_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outcome: Mapped[str] = mapped_column(String(16))  # new, changed or unchanged
