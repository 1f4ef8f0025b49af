"""What a researcher narrows the archive to, and the SQL conditions that say it.

One `Filters` serves search, facets, visit/official/post queries and exports alike, so a filter
means the same thing everywhere. Visit filters (province, district, official, site type, visit
dates) select visits; a post is selected when one of its visits matches all of them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Select, and_, func, select, true
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from archive.models import Post, PostExtraction, Visit, VisitTerm
from archive.sources import SOURCES, source_named
from nlp.buddhist_era import full_gregorian_year
from nlp.facts import ROLES

DATE_HELP = "YYYY-MM-DD, YYYY-MM or YYYY; Buddhist-era years (2563) are converted"


@dataclass(frozen=True)
class Filters:
    """Every field optional; None means "any".

    `since`/`until` select visits that overlap the period (a visit from the 29th to the 31st is
    in `since` the 30th); `published_*` bound the post's publication date. `pipeline_version`
    None means each post's current facts: those of the newest pipeline version that ran over it.
    """

    q: str | None = None
    province: str | None = None
    district: str | None = None
    official: str | None = None
    role: str | None = None  # the official's part: visitor, host or mentioned (nlp.facts.ROLES)
    site_type: str | None = None
    category: str | None = None
    source: str | None = None  # the site the posts are of (archive.sources), e.g. thaigov
    since: dt.date | None = None
    until: dt.date | None = None
    published_since: dt.date | None = None
    published_until: dt.date | None = None
    pipeline_version: str | None = None

    @property
    def on_visits(self) -> bool:
        """Whether any filter is about visits rather than posts."""
        return any(
            (
                self.province,
                self.district,
                self.official,
                self.role,
                self.site_type,
                self.since,
                self.until,
            )
        )


MIN_YEAR, MAX_YEAR = 1900, 2200  # outside these a typed year is a typo, not a visit's
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_date(name: str, value: str, end: bool = False) -> dt.date:
    """A day, or the first (last, when `end`) day of a month or year; Buddhist era converted."""
    match = _DATE.fullmatch(value.strip())
    try:
        if match is None:
            raise ValueError
        # Four digits are the year as written: the two-digit rule (63 → 2563) is for posts.
        year = full_gregorian_year(int(match[1]))
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError
        month = int(match[2] or (12 if end else 1))
        if match[3]:
            return dt.date(year, month, int(match[3]))
        first = dt.date(year, month, 1)
        if not end:
            return first
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    except ValueError:
        raise ValueError(f"{name}: not a date (YYYY-MM-DD): {_echo(value)!r}") from None


ECHO = 40  # characters of a refused value an error repeats: enough to see it, never a flood


def _echo(value: str) -> str:
    return value if len(value) <= ECHO else value[:ECHO] + "…"


def parse_role(value: str) -> str:
    """visitor, host or mentioned, in English or in the Thai of nlp.facts.ROLES."""
    wanted = value.strip().lower()
    for role, thai in ROLES.items():
        if wanted in (role, thai):
            return role
    choices = ", ".join(f"{role} ({thai})" for role, thai in ROLES.items())
    raise ValueError(f"role: not a role: {_echo(value)!r} (choose {choices})")


def parse_province(value: str) -> str:
    """The gazetteer's name for a province however it is typed (จ.สุโขทัย, กทม., โคราช)."""
    from nlp.gazetteer import canonical_province, provinces_like

    found = canonical_province(value)
    if found is None:
        near = provinces_like(value)
        hint = f" (did you mean {', '.join(near)}?)" if near else ""
        raise ValueError(f"province: not a Thai province: {value!r}{hint}")
    return found


def parse_source(value: str) -> str:
    """A site by its name (thaigov) or its host (www.thaigov.go.th), as archive.sources has it."""
    found = source_named(value)
    if found is None:
        near = difflib.get_close_matches(value.strip().lower()[:ECHO], list(SOURCES), n=3)
        hint = f" (did you mean {', '.join(near)}?)" if near else f" (known: {', '.join(SOURCES)})"
        raise ValueError(f"source: not a source: {_echo(value)!r}{hint}")
    return found


_TEXT_FIELDS = ("q", "province", "district", "official", "site_type", "category")
_START_DATES = ("since", "published_since")
_END_DATES = ("until", "published_until")


def parse_filters(**values: str | None) -> Filters:
    """Filters from strings as typed on a command line or in a URL; empty means not given.

    Raises ValueError with one line naming the field: `since: not a date (YYYY-MM-DD): ...`.
    """
    known = {f.name for f in fields(Filters)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"{unknown[0]}: not a filter (known: {', '.join(sorted(known))})")
    parsed: dict[str, Any] = {}
    for name, raw in values.items():
        value = " ".join((raw or "").split())
        if not value:
            continue
        if name in _START_DATES or name in _END_DATES:
            parsed[name] = parse_date(name, value, end=name in _END_DATES)
        elif name == "province":
            parsed[name] = parse_province(value)
        elif name == "role":
            parsed[name] = parse_role(value)
        elif name == "source":
            parsed[name] = parse_source(value)
        else:
            parsed[name] = value
    for start, end in (("since", "until"), ("published_since", "published_until")):
        if start in parsed and end in parsed and parsed[start] > parsed[end]:
            raise ValueError(f"{start}: {parsed[start]} is after {end} {parsed[end]}")
    return Filters(**parsed)


# --- SQL --------------------------------------------------------------------------------------


def json_items(column: Any, dialect: str) -> Any:
    """The elements of a JSON list column as a table with a `value` column, on either engine."""
    fn = func.json_each if dialect == "sqlite" else func.json_array_elements_text
    return fn(column).table_valued("value").alias("items")


def _has_term(kind: str, condition: Callable[[Any], ColumnElement[bool]]) -> ColumnElement[bool]:
    # Not correlated, so both engines read the (kind, value, visit_id) index once and look the
    # visits up from it; an alias, so it holds inside queries that select from visit_terms too.
    term = aliased(VisitTerm)
    return Visit.id.in_(select(term.visit_id).where(term.kind == kind, condition(term)))


def official_matches(official: str, term: Any = VisitTerm) -> ColumnElement[bool]:
    """An official's term matches when the text is part of the name as written or the person
    (so "ภูเวียง" and "นายภูเวียง ประคำมินทร์" both find นายภูเวียง ประคำมินทร์)."""
    needle = official.lower()
    return func.lower(term.value).contains(needle, autoescape=True) | func.lower(term.key).contains(
        needle, autoescape=True
    )


def version_condition(filters: Filters) -> ColumnElement[bool]:
    """Visits of the asked pipeline version, or of each post's current one."""
    if filters.pipeline_version:
        return Visit.pipeline_version == filters.pipeline_version
    return Visit.current.is_(True)


def visit_conditions(filters: Filters) -> list[ColumnElement[bool]]:
    """Conditions on `visits` (pipeline version included; posts' own filters not)."""
    conds = [version_condition(filters)]
    province, district, official, site_type = (
        filters.province,
        filters.district,
        filters.official,
        filters.site_type,
    )
    if province:
        conds.append(_has_term("province", lambda t: t.value == province))
    if district:
        conds.append(_has_term("district", lambda t: t.value == district))
    role = filters.role
    if official or role:
        # One term must be both: the person named, in the part asked (not a host named elsewhere).
        def official_term(t: Any) -> ColumnElement[bool]:
            parts = [official_matches(official, t)] if official else []
            return and_(*parts, t.role == role) if role else parts[0]

        conds.append(_has_term("official", official_term))
    if site_type:
        conds.append(_has_term("site", lambda t: t.key == site_type))
    if filters.since:
        conds.append(func.coalesce(Visit.end_date, Visit.start_date) >= filters.since)
    if filters.until:
        conds.append(Visit.start_date <= filters.until)
    return conds


def _posts_via_visits(filters: Filters) -> Select[Any] | None:
    """The ids of posts with a visit matching the visit filters (or, given only a pipeline
    version, extracted by it); None when no such filter is set."""
    if filters.on_visits:
        return select(Visit.post_id).where(*visit_conditions(filters))
    if filters.pipeline_version:
        return select(PostExtraction.post_id).where(
            PostExtraction.pipeline_version == filters.pipeline_version
        )
    return None


def post_conditions(
    filters: Filters, dialect: str, with_visits: bool = True
) -> list[ColumnElement[bool]]:
    """Conditions on `posts` except the text query (archive.search adds it).

    With `with_visits`, a post must have a visit matching the visit filters, and with an
    explicit pipeline version, must have been extracted by it.
    """
    conds: list[ColumnElement[bool]] = []
    if filters.source:  # the posts' unique (source, source_id) index serves it
        conds.append(Post.source == filters.source)
    if filters.category:
        items = json_items(Post.categories, dialect)
        listed = select(true()).select_from(items).where(items.c.value == filters.category)
        conds.append(listed.exists() | (Post.category_name == filters.category))
    if filters.published_since:
        conds.append(Post.published >= filters.published_since)
    if filters.published_until:
        conds.append(Post.published <= filters.published_until)
    via = _posts_via_visits(filters) if with_visits else None
    if via is not None:
        conds.append(Post.id.in_(via))
    return conds


def chosen_posts(filters: Filters, dialect: str) -> Select[Any] | None:
    """The ids of the posts the filters select, text query aside; None when that is all posts.

    Visit filters alone give the visits' post ids as they are, without a round through
    `posts` (which costs a lookup per post).
    """
    own = post_conditions(filters, dialect, with_visits=False)
    via = _posts_via_visits(filters)
    if not own:
        return via
    chosen = select(Post.id).where(*own)
    return chosen if via is None else chosen.where(Post.id.in_(via))
