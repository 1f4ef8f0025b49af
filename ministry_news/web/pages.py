"""The pages a researcher reads: search with facets, visits with charts, a post with its facts.

Each page links its JSON twin (/api/...) and the download of the same rows (/export/...).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from archive import queries
from archive.db import session_scope
from archive.search import FACETS
from ministry_news.web import charts, views
from ministry_news.web.errors import BadRequest, bad_input
from ministry_news.web.highlight import segments
from ministry_news.web.labels import language, words
from ministry_news.web.params import SearchParams, VisitParams
from ministry_news.web.render import render

router = APIRouter(include_in_schema=False)

KIND_TITLES = {  # a fact's kind: the key of its heading in labels.LABELS
    "date": "date",
    "province": "provinces",
    "district": "districts",
    "subdistrict": "subdistricts",
    "official": "officials",
    "site": "site",
}


def facet_params(name: str, value: str) -> dict[str, str | None]:
    """The URL parameters that narrow to a facet value (a year is a publication period)."""
    if name == "year":
        return {"published_since": value, "published_until": value, "offset": None}
    return {name: value, "offset": None}


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, params: Annotated[SearchParams, Query()]) -> HTMLResponse:
    with bad_input(), session_scope(request.app.state.db_url) as session:
        view = views.search_view(
            session,
            params.filters(session),
            params.limit,
            params.offset,
            request.app.state.total_cap,
        )
        names = views.category_names(session)
    hits = [
        (hit, segments(hit.snippet.text, [(s, e, None) for s, e in hit.snippet.spans])[0])
        for hit in view.page.hits
    ]
    facet_links = [
        (name, [(v, n, facet_params(name, v)) for v, n in view.facets[name]])
        for name in FACETS
        if view.facets.get(name)
    ]
    return render(
        request,
        "search.html",
        {
            "page": view.page,
            "hits": hits,
            "facets": facet_links,
            "facets_among": view.facets.among,
            "params": params,
            "category_names": names,
        },
    )


@router.get("/visits", response_class=HTMLResponse)
def visits_page(request: Request, params: Annotated[VisitParams, Query()]) -> HTMLResponse:
    with bad_input(), session_scope(request.app.state.db_url) as session:
        view = views.visits_view(
            session,
            params.filters(session),
            params.limit,
            params.offset,
            request.app.state.total_cap,
        )
    labels = {key: views.month_label(key) for key, _ in view.per_month}
    unit = words(language(request.query_params))("unit_visits")
    return render(
        request,
        "visits.html",
        {
            "view": view,
            "provinces": charts.horizontal(view.per_province, unit=unit),
            "months": charts.columns(view.per_month, labels, unit),
            "params": params,
        },
    )


@router.get("/posts/{post_id}", response_class=HTMLResponse)
def post_page(request: Request, post_id: int) -> HTMLResponse:
    with session_scope(request.app.state.db_url) as session:
        view = views.post_view(session, post_id)
        if view is None:
            raise BadRequest(f"no post {post_id} in the archive", 404)
        post = view.post
        texts = {"title": post.title, "body": post.body}
        marked: dict[str, Any] = {}
        shown: set[int] = set()
        for source, text in texts.items():
            # A fact is marked only where the text still says what it was extracted from.
            spans = [
                (f.start, f.end, f.kind)
                if f.source == source and text[f.start : f.end] == f.surface
                else (0, 0, None)
                for f in view.facts
            ]
            marked[source], hit = segments(text, spans)
            shown |= hit
        by_kind: dict[str, list[tuple[int, Any]]] = {}
        for i, fact in enumerate(view.facts):
            by_kind.setdefault(fact.kind, []).append((i, fact))
        return render(
            request,
            "post.html",
            {
                "view": view,
                "post": post,
                "title_segments": marked["title"],
                "body_segments": marked["body"],
                "facts": [
                    (KIND_TITLES.get(kind, kind), by_kind[kind])
                    for kind in sorted(
                        by_kind,
                        key=lambda k: (
                            list(KIND_TITLES).index(k) if k in KIND_TITLES else len(KIND_TITLES)
                        ),
                    )
                ],
                "shown": shown,
            },
        )


@router.get("/visits/{visit_id}")
def visit_permalink(request: Request, visit_id: int) -> RedirectResponse:
    """A visit's citable address: its row on its post's page, or, for a visit that a
    re-extraction replaced, the visit that took its place (the id is never reused)."""
    with session_scope(request.app.state.db_url) as session:
        found = queries.visit_location(session, visit_id) if views.can_be_id(visit_id) else None
    if found is None:
        raise BadRequest(f"no visit {visit_id} in the archive", 404)
    post_id, replaced_by = found
    if replaced_by is not None:
        return RedirectResponse(f"/visits/{replaced_by}", status_code=301)
    return RedirectResponse(f"/posts/{post_id}#visit-{visit_id}", status_code=302)


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    """The OpenAPI schema, readable without the CDN-hosted Swagger UI (this archive runs offline)."""
    schema = request.app.openapi()
    return render(request, "api.html", {"schema": schema})
