"""HTML from Jinja2 templates with autoescaping on for every template, so text from crawled
pages is always printed as text; and the links that keep a page's filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from archive import sources
from ministry_news.web.labels import ENGLISH, LANG, around, language, site_type_names, words
from ministry_news.web.params import FILTER_NAMES, KNOWN_PARAMS, PAGE_PARAMS
from nlp.facts import ROLES

TEMPLATES = Path(__file__).parent / "templates"
DATA_PATHS = ("/api/", "/export/")  # answer in data, not in a language


def url_with(request: Request, path: str | None = None, **changes: str | int | None) -> str:
    """This page's URL (or `path`) with the same parameters, changed as asked (None removes).

    A link to another path drops the page window, which means something else there; parameters
    no query takes (a tracker's) are not passed on, nor the interface's language to data.
    """
    kept = (
        KNOWN_PARAMS if (path or request.url.path).startswith(DATA_PATHS) else {*KNOWN_PARAMS, LANG}
    )
    params = {k: v for k, v in request.query_params.items() if k in kept and v.strip()}
    if path is not None:
        for name in PAGE_PARAMS:
            params.pop(name, None)
    for name, value in changes.items():
        if value is None or value == "":
            params.pop(name, None)
        else:
            params[name] = str(value)
    query = urlencode(params)
    return (path or request.url.path) + (f"?{query}" if query else "")


def link(request: Request, path: str) -> str:
    """A link to another page of the site, in the language this page is read in."""
    return path + (f"?{LANG}={ENGLISH}" if language(request.query_params) == ENGLISH else "")


def shorten(text: str, limit: int = 300) -> str:
    """Text cut for display (a 780,000-character headline exists): whole words kept whole
    where there are spaces, an ellipsis where it was cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


def active_filters(request: Request) -> list[tuple[str, str, str]]:
    """(name, value, URL without it) for each filter the page's URL sets."""
    return [
        (name, value, url_with(request, **{name: None, "offset": None}))
        for name in FILTER_NAMES
        if (value := request.query_params.get(name, "").strip())
    ]


def safe_href(url: str | None) -> str | None:
    """A crawled URL fit for href: http(s) only, so no `javascript:` link can come from a post."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every template, whatever its name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        url_with=url_with,
        active_filters=active_filters,
        safe_href=safe_href,
        roles=ROLES,
        sources=sources.SOURCES,
        source_label=sources.display,
        link=link,
        shorten=shorten,
    )
    return env


ENV = _environment()


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    lang = language(request.query_params)
    words_of = {
        "lang": lang,
        "t": words(lang),
        "around": around(lang),
        "site_types": site_type_names(lang),
        "category_names": {},
    }
    html = ENV.get_template(name).render(request=request, **{**words_of, **context})
    return HTMLResponse(html, status_code=status)
