"""The JSON API: the same queries as the pages, documented by the OpenAPI schema at
/openapi.json (and readable at /api)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from archive.db import session_scope
from archive.queries import VisitRow
from ministry_news.web import views
from ministry_news.web.errors import BadRequest, ErrorOut, bad_input
from ministry_news.web.params import SearchParams, VisitParams, ignored
from ministry_news.web.render import url_with

router = APIRouter(prefix="/api", tags=["api"])
BAD = {400: {"model": ErrorOut, "description": "A malformed parameter, named in one line."}}


class Count(BaseModel):
    value: str
    count: int


class SnippetOut(BaseModel):
    text: str = Field(description="Plain text around the match (never markup).")
    spans: list[tuple[int, int]] = Field(description="(start, end) of each matched word in text.")
    source: str = Field(description="title or body")


SOURCE_HELP = "The site the post is of, by its profile's name (mdes, thaigov)."


class HitOut(BaseModel):
    post_id: int
    source: str = Field(description=SOURCE_HELP)
    url: str = Field(description="The post on the ministry's site.")
    title: str
    published: dt.date | None
    score: float = Field(description="Relevance; higher is better (0 without a text query).")
    snippet: SnippetOut


IGNORED = Field(description="Parameters of the URL that no query takes (a tracker's), left out.")


class SearchOut(BaseModel):
    ignored_parameters: list[str] = IGNORED
    total: int = Field(description="Posts the filters select, on every page (at most the cap).")
    total_is_exact: bool = Field(
        description="False: more posts than `total` (the cap, 10,000) are selected."
    )
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page, if any.")
    hits: list[HitOut]
    facets: dict[str, list[Count]] = Field(
        description="Posts per value among all those selected: province, district, official "
        "(the person), site_type, category, source (the site), year (published)."
    )
    facets_among: int | None = Field(
        description="null: facets count every selected post; N: more than N are selected, and "
        "facets count the N latest archived of them."
    )


class VisitsOut(BaseModel):
    ignored_parameters: list[str] = IGNORED
    total: int = Field(description="Visits the filters select, on every page (at most the cap).")
    total_is_exact: bool = Field(
        description="False: more visits than `total` (the cap, 10,000) are selected."
    )
    counts_among: int | None = Field(
        description="null: per_province, per_month and undated count every selected visit; "
        "N: more than N are selected, and they count the N latest archived of them."
    )
    limit: int
    offset: int
    next: str | None
    rows: list[VisitRow]
    per_province: list[Count] = Field(description="Visits per province, over every page.")
    per_source: list[Count] = Field(description="Visits per site (source), over every page.")
    per_month: list[Count] = Field(
        description="Visits per month of their first day (YYYY-MM), empty months included."
    )
    undated: int = Field(description="Visits without a date (in no month).")


class FactOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)  # read from archive.models.Fact

    kind: str
    value: str = Field(description="Canonical value: ISO date, gazetteer name, name as written.")
    source: str = Field(description="title or body: the text the offsets point into.")
    start: int
    end: int
    surface: str = Field(description="The text at [start, end) as the post wrote it.")
    rule: str
    attrs: dict[str, Any]


class PostOut(BaseModel):
    """A stored post's columns, with the view's facts and visits."""

    post_id: int = Field(description="The archive's own id (of this page's address).")
    source: str = Field(description=SOURCE_HELP)
    source_id: int = Field(description="The site's own id for the post.")
    url: str
    title: str
    published: dt.date | None
    categories: list[str]
    category_name: str | None
    body: str
    images: list[str]
    attachments: list[str]
    version: int = Field(description="How many times the post's text has changed, plus one.")
    first_fetched_at: dt.datetime
    fetched_at: dt.datetime
    pipeline_version: str | None = Field(description="Of the facts and visits below.")
    facts: list[FactOut]
    visits: list[VisitRow]


#: What the post page's JSON takes from the view rather than from the stored post.
_FROM_VIEW = {"post_id", "pipeline_version", "facts", "visits"}


def _next(
    request: Request, total: int, limit: int, offset: int, exact: bool = True, shown: int = 0
) -> str | None:
    """The next page's URL; past the cap the total is a floor, so there is one while pages
    come full."""
    more = offset + limit < total or (not exact and shown == limit)
    return url_with(request, offset=offset + limit) if more else None


def _counts(pairs: list[tuple[str, int]]) -> list[Count]:
    return [Count(value=v, count=n) for v, n in pairs]


@router.get("/search", response_model=SearchOut, responses=BAD)  # type: ignore[misc]
def search(request: Request, params: Annotated[SearchParams, Query()]) -> SearchOut:
    """Posts by words and filters, best first, with snippets and facet counts."""
    with bad_input(), session_scope(request.app.state.db_url) as session:
        view = views.search_view(
            session,
            params.filters(session),
            params.limit,
            params.offset,
            request.app.state.total_cap,
        )
    page = view.page
    return SearchOut(
        ignored_parameters=ignored(request.query_params),
        total=page.total,
        total_is_exact=page.total_is_exact,
        limit=page.limit,
        offset=page.offset,
        next=_next(
            request, page.total, page.limit, page.offset, page.total_is_exact, len(page.hits)
        ),
        hits=[
            HitOut(
                post_id=h.post_id,
                source=h.source,
                url=h.url,
                title=h.title,
                published=h.published,
                score=round(h.score, 4),
                snippet=SnippetOut(
                    text=h.snippet.text, spans=list(h.snippet.spans), source=h.snippet.source
                ),
            )
            for h in page.hits
        ],
        facets={name: _counts(values) for name, values in view.facets.items()},
        facets_among=view.facets.among,
    )


@router.get("/visits", response_model=VisitsOut, responses=BAD)  # type: ignore[misc]
def visits(request: Request, params: Annotated[VisitParams, Query()]) -> VisitsOut:
    """Visits (when, where, who, which sites) in date order, with counts for charts."""
    with bad_input(), session_scope(request.app.state.db_url) as session:
        view = views.visits_view(
            session,
            params.filters(session),
            params.limit,
            params.offset,
            request.app.state.total_cap,
        )
    return VisitsOut(
        ignored_parameters=ignored(request.query_params),
        total=view.total,
        total_is_exact=view.total_is_exact,
        counts_among=view.among,
        limit=view.limit,
        offset=view.offset,
        next=_next(
            request, view.total, view.limit, view.offset, view.total_is_exact, len(view.rows)
        ),
        rows=view.rows,
        per_province=_counts(view.per_province),
        per_source=_counts(view.per_source),
        per_month=_counts(view.per_month),
        undated=view.undated,
    )


@router.get(
    "/posts/{post_id}",
    response_model=PostOut,
    responses={404: {"model": ErrorOut, "description": "No such post in the archive."}},
)  # type: ignore[misc]
def post(request: Request, post_id: int) -> PostOut:
    """One post: its text, every extracted fact with its offsets, and its visits."""
    with session_scope(request.app.state.db_url) as session:
        view = views.post_view(session, post_id)
        if view is None:
            raise BadRequest(f"post_id: no post {post_id} in the archive", 404)
        return PostOut.model_validate(
            {
                **{
                    name: getattr(view.post, name)
                    for name in PostOut.model_fields.keys() - _FROM_VIEW
                },
                "post_id": view.post.id,
                "pipeline_version": view.pipeline_version,
                "facts": [FactOut.model_validate(f) for f in view.facts],
                "visits": view.visits,
            }
        )
