"""What a researcher narrows the archive to, and the SQL conditions that say it.

One `Filters` serves search, facets, visit/official/post queries and exports alike, so a filter
means the same thing everywhere. Visit filters (province, district, official, site type, visit
dates) select visits; a post is selected when one of its visits matches all of them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, func, intersect, select, text, true
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from archive.models import Post, PostExtraction, Visit, VisitTerm
from archive.sources import SOURCES, source_named
from nlp.buddhist_era import full_gregorian_year
from nlp.facts import ROLES

DATE_HELP = "YYYY-MM-DD, YYYY-MM or YYYY; Buddhist-era years (2563) are converted"


class Refusal(ValueError):
    """A typed value refused in one line: `str()` is the English the CLI and the API print
    (`province: not a Thai province: 'Paris'`); its parts (the field, the kind of refusal, the
    value as echoed, the closest known values, or else the values there are, the bound it
    broke) let an interface say it in its reader's language (the web app's Thai,
    ministry_news/web/labels.py)."""

    def __init__(
        self,
        line: str,
        field: str,
        kind: str,
        value: str = "",
        near: Sequence[str] = (),
        choices: Sequence[str] = (),
        limit: str = "",
    ) -> None:
        super().__init__(line)
        self.field, self.kind, self.value = field, kind, value
        self.near, self.choices, self.limit = tuple(near), tuple(choices), limit


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
        line = f"{name}: not a date (YYYY-MM-DD): {_echo(value)!r}"
        raise Refusal(line, name, "date", _echo(value)) from None


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
    line = f"role: not a role: {_echo(value)!r} (choose {choices})"
    raise Refusal(line, "role", "role", _echo(value), choices=list(ROLES.values()))


def closest(value: str, choices: Iterable[str], near: Iterable[str] = ()) -> list[str]:
    """The (at most three) choices closest to a refused value, best first.

    `near` are suggestions found otherwise (the gazetteer's one-edit names); difflib adds the
    closest by spelling, case aside, so `schol` finds school and `Sukhotai` Sukhothai.
    """
    by_lower = {c.lower(): c for c in choices}
    close = difflib.get_close_matches(value.lower()[:ECHO], list(by_lower), n=3, cutoff=0.6)
    return list(dict.fromkeys([*near, *(by_lower[c] for c in close)]))[:3]


def did_you_mean(suggestions: Iterable[str]) -> str:
    shown = ", ".join(suggestions)
    return f" (did you mean {shown}?)" if shown else ""


KNOWN_SHOWN = 10  # known values a refusal lists when none is close: a hint, not a catalogue


def known(values: Iterable[str]) -> str:
    """` (known: a, b, …)`: the first few values a refused one could have been."""
    items = list(values)
    more = ", …" if len(items) > KNOWN_SHOWN else ""
    return f" (known: {', '.join(items[:KNOWN_SHOWN])}{more})"


def parse_province(value: str) -> str:
    """The gazetteer's name for a province however it is typed (จ.สุโขทัย, กทม., โคราช, Sukhothai)."""
    from nlp.gazetteer import canonical_province, gazetteer, provinces_like

    found = canonical_province(value)
    if found is None:
        choices = [*gazetteer().by_name["province"], *_titles(gazetteer().english["province"])]
        near = closest(value, choices, provinces_like(value))
        line = f"province: not a Thai province: {_echo(value)!r}{did_you_mean(near)}"
        raise Refusal(line, "province", "province", _echo(value), near)
    return found


def parse_source(value: str) -> str:
    """A site by its name (thaigov) or its host (www.thaigov.go.th), as archive.sources has it."""
    found = source_named(value)
    if found is None:
        near = closest(value.strip(), SOURCES)
        hint = did_you_mean(near) or known(SOURCES)
        line = f"source: not a source: {_echo(value)!r}{hint}"
        raise Refusal(line, "source", "source", _echo(value), near, choices=list(SOURCES))
    return found


def parse_district(value: str) -> str:
    """The gazetteer's name for a district however it is typed (อ.ศรีสำโรง, เขตบางรัก, Si Samrong).

    A name that districts of several provinces share is accepted: it selects all of them.
    """
    from nlp.gazetteer import canonical_district, districts_like, gazetteer

    found = canonical_district(value)
    if found is None:
        near = closest(value, gazetteer().by_name["district"], districts_like(value))
        line = f"district: not a Thai district: {_echo(value)!r}{did_you_mean(near)}"
        raise Refusal(line, "district", "district", _echo(value), near)
    return found


def parse_site_type(value: str) -> str:
    """A site type by its name (school), its Thai label (โรงเรียน) or a head word (รพ.สต.)."""
    from nlp.sites import site_type_labels, site_type_named

    found = site_type_named(value)
    if found is None:
        labels = site_type_labels()
        by_choice = {**{k: k for k in labels}, **{thai: k for k, thai in labels.items()}}
        kinds = dict.fromkeys(by_choice[c] for c in closest(value, by_choice))
        near = [f"{k}/{labels[k]}" for k in kinds]
        hint = did_you_mean(near) or known(labels)
        line = f"site_type: not a site type: {_echo(value)!r}{hint}"
        raise Refusal(line, "site_type", "site_type", _echo(value), near, list(labels.values()))
    return found


def _titles(english: dict[str, str]) -> list[str]:
    return [name.title() for name in english]


def _as_typed(value: str) -> str:
    return value


@dataclass(frozen=True)
class Filter:
    """One filter, declared once: the CLI option (--site-type), the URL parameter (site_type)
    and their help text are made from it, so they cannot drift apart.

    `parse` turns the typed text into the value stored in `Filters`, raising a one-line
    ValueError (with a suggestion) for an unknown one; `in_archive` checks a value that only the
    archive can know (categories, officials) and answers its canonical form.
    """

    name: str
    help: str
    parse: Callable[[str], Any] = _as_typed
    example: str | None = None
    in_archive: Callable[[Session, Any], Any] | None = None

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


def _category_in_archive(session: Session, value: str) -> str:
    """A category id or name the archive lists, else a one-line refusal with the closest."""
    dialect = session.get_bind().dialect.name
    if session.scalar(select(Post.id).where(_in_category(value, dialect)).limit(1)) is not None:
        return value  # the common case: one indexed probe, not a read of every category
    items = json_items(Post.categories, dialect)
    ids = session.scalars(select(items.c.value).select_from(Post).join(items, true()).distinct())
    names = session.scalars(
        select(Post.category_name).where(Post.category_name.is_not(None)).distinct()
    )
    names_or_ids = {str(c) for c in ids} | set(names)
    if value in names_or_ids:
        return value
    lowered = {k.lower(): k for k in names_or_ids}
    if value.lower() in lowered:
        return lowered[value.lower()]
    listed = known(sorted(names_or_ids)) if names_or_ids else " (the archive has none)"
    near = closest(value, names_or_ids)
    line = f"category: no category {_echo(value)!r} in the archive{did_you_mean(near) or listed}"
    raise Refusal(line, "category", "category", _echo(value), near)


OFFICIALS_SUGGESTED_FROM = 20_000  # distinct people read for a suggestion: bounded on any archive


def _official_in_archive(session: Session, value: str) -> str:
    """An official the archive names (part of a name or of the person), else one line saying
    so with the closest people: "0 visits" would hide a typo."""
    term = aliased(VisitTerm)
    hit = select(term.id).where(term.kind == "official", official_matches(value, term)).limit(1)
    if session.scalar(hit) is not None:
        return value
    people = session.scalars(
        select(VisitTerm.key)
        .where(VisitTerm.kind == "official")
        .distinct()
        .limit(OFFICIALS_SUGGESTED_FROM)
    )
    near = closest(value, [p for p in people if p])
    line = f"official: no official matches {_echo(value)!r}{did_you_mean(near)}"
    raise Refusal(line, "official", "official", _echo(value), near)


FILTERS: tuple[Filter, ...] = (
    Filter(
        "q",
        'Thai or Latin words, all required; "a quoted phrase" must occur as written. '
        "Words are found inside unbroken Thai text.",
        example="เน็ตประชารัฐ",
    ),
    Filter(
        "province",
        "Visits to this province: its Thai or English name, with or without จ./จังหวัด, or a "
        "nickname (สุโขทัย, Sukhothai, กทม., โคราช).",
        parse_province,
        example="สุโขทัย",
    ),
    Filter(
        "district",
        "Visits to this district: its Thai or English name, with or without อ./อำเภอ/เขต "
        "(ศรีสำโรง, อ.เมืองระยอง, เขตบางรัก).",
        parse_district,
        example="ศรีสำโรง",
    ),
    Filter(
        "official",
        "Visits by this person: part of the name, with or without honorific; one the archive "
        "does not name is refused with the closest names.",
        example="ปิยนุช วุฒิสอน",
        in_archive=_official_in_archive,
    ),
    Filter(
        "role",
        "The official's part: visitor (made the visit), host (received it) or mentioned, in "
        "English or Thai; with official, that person in that part.",
        parse_role,
        example="visitor",
    ),
    Filter(
        "site_type",
        "Visits that saw a site of this type, in English or Thai (school/โรงเรียน, "
        "temple/วัด, community_centre/ศูนย์ดิจิทัลชุมชน…).",
        parse_site_type,
        example="school",
    ),
    Filter(
        "category",
        "Posts listed under this category of the site: its id (119) or its name as the "
        "archive holds it.",
        example="119",
        in_archive=_category_in_archive,
    ),
    Filter(
        "source",
        "Posts of this site: "
        + " or ".join(f"{s.name} ({s.host})" for s in SOURCES.values())
        + ", by its name or its host.",
        parse_source,
        example="thaigov",
    ),
    Filter(
        "since", f"Visits on or after this date: {DATE_HELP}.", lambda v: parse_date("since", v)
    ),
    Filter(
        "until",
        f"Visits on or before this date: {DATE_HELP}.",
        lambda v: parse_date("until", v, end=True),
    ),
    Filter(
        "published_since",
        f"Posts published on or after this date: {DATE_HELP}.",
        lambda v: parse_date("published_since", v),
    ),
    Filter(
        "published_until",
        f"Posts published on or before this date: {DATE_HELP}.",
        lambda v: parse_date("published_until", v, end=True),
    ),
    Filter("pipeline_version", "Facts of this pipeline version (default: each post's newest)."),
)
BY_NAME: dict[str, Filter] = {f.name: f for f in FILTERS}


def parse_filters(**values: str | None) -> Filters:
    """Filters from strings as typed on a command line or in a URL; empty means not given.

    Raises ValueError with one line naming the field: `since: not a date (YYYY-MM-DD): ...`.
    """
    unknown = sorted(set(values) - set(BY_NAME))
    if unknown:
        raise ValueError(f"{unknown[0]}: not a filter (known: {', '.join(sorted(BY_NAME))})")
    parsed: dict[str, Any] = {}
    for name, raw in values.items():
        value = " ".join((raw or "").split())
        if value:
            parsed[name] = BY_NAME[name].parse(value)
    for start, end in (("since", "until"), ("published_since", "published_until")):
        if start in parsed and end in parsed and parsed[start] > parsed[end]:
            line = f"{start}: {parsed[start]} is after {end} {parsed[end]}"
            raise Refusal(line, start, "order", f"{parsed[start]} > {parsed[end]}")
    return Filters(**parsed)


def known_in_archive(session: Session, filters: Filters) -> Filters:
    """The filters with each value only the archive can know checked against it (a category it
    lists, an official it names); ValueError, one line with the closest values, otherwise."""
    checked = {
        f.name: f.in_archive(session, getattr(filters, f.name))
        for f in FILTERS
        if f.in_archive is not None and getattr(filters, f.name)
    }
    return dataclasses.replace(filters, **checked) if checked else filters


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


def _in_category(category: str, dialect: str) -> ColumnElement[bool]:
    """A post listed under the category: by its id or by the name the site gives it."""
    items = json_items(Post.categories, dialect)
    listed = select(true()).select_from(items).where(items.c.value == category)
    return listed.exists() | (Post.category_name == category)


def version_condition(filters: Filters) -> ColumnElement[bool]:
    """Visits of the asked pipeline version, or of each post's current one."""
    if filters.pipeline_version:
        return Visit.pipeline_version == filters.pipeline_version
    return Visit.current.is_(True)


TermCondition = Callable[[Any], ColumnElement[bool]]


def term_filters(filters: Filters) -> list[tuple[str, TermCondition]]:
    """The visit filters that are visit terms: (kind of term, condition on a term)."""
    out: list[tuple[str, TermCondition]] = []
    province, district, official, site_type = (
        filters.province,
        filters.district,
        filters.official,
        filters.site_type,
    )
    if province:
        out.append(("province", lambda t: t.value == province))
    if district:
        out.append(("district", lambda t: t.value == district))
    role = filters.role
    if official or role:
        # One term must be both: the person named, in the part asked (not a host named elsewhere).
        def official_term(t: Any) -> ColumnElement[bool]:
            parts = [official_matches(official, t)] if official else []
            return and_(*parts, t.role == role) if role else parts[0]

        out.append(("official", official_term))
    if site_type:
        out.append(("site", lambda t: t.key == site_type))
    return out


def visit_conditions(filters: Filters) -> list[ColumnElement[bool]]:
    """Conditions on `visits` (pipeline version included; posts' own filters not)."""
    conds = [version_condition(filters)]
    conds += [_has_term(kind, condition) for kind, condition in term_filters(filters)]
    if filters.since:
        conds.append(func.coalesce(Visit.end_date, Visit.start_date) >= filters.since)
    if filters.until:
        conds.append(Visit.start_date <= filters.until)
    return conds


#: A visit's span in days, as migration 0007 indexes it (`ix_visits_span`) on each engine: the
#: expression must be written alike here for the engine to read its greatest from the index.
SPAN = {
    "postgresql": "coalesce(end_date, start_date) - start_date",
    "sqlite": "julianday(coalesce(end_date, start_date)) - julianday(start_date)",
}


def earliest_start(session: Session, since: dt.date) -> dt.date:
    """The earliest a visit ending on or after `since` can start: that day less the longest
    visit's span, read from `ix_visits_span`. A bound on start_date the date index can use,
    beside "ends on or after `since`", which it cannot (`visits?since=2020` had walked the
    visits from the first ever to 2020: 0.2 s at a million posts). Computed apart, as a
    constant: inside a statement the planner misjudged the selections that carried it."""
    dialect = session.get_bind().dialect.name
    longest = session.scalar(text(f"SELECT max({SPAN[dialect]}) FROM visits"))
    return since - dt.timedelta(days=max(0, math.ceil(longest or 0)))


def term_visit_ids(filters: Filters) -> Select[Any] | None:
    """The ids (`id`) of the current visits the filters select and their posts' (`post_id`),
    read from the visit terms alone (their copy of `current`) when every visit filter is a
    term; None otherwise.

    Counting visits found by their terms this way reads one index range per term, where
    checking each visit's own row cost a lookup per visit (10,000 for a capped total)."""
    terms = term_filters(filters)
    if not terms or filters.since or filters.until or filters.pipeline_version:
        return None
    selects = []
    for kind, condition in terms:
        term = aliased(VisitTerm)
        chosen = select(term.visit_id.label("id"), term.post_id.label("post_id")).where(
            term.kind == kind, term.current.is_(True), condition(term)
        )
        selects.append(chosen)
    if len(selects) == 1:
        return selects[0].distinct()
    combined = intersect(*selects).subquery("terms")
    return select(combined.c.id, combined.c.post_id)


def _posts_via_visits(filters: Filters) -> Select[Any] | None:
    """The ids of posts with a visit matching the visit filters (or, given only a pipeline
    version, extracted by it); None when no such filter is set."""
    if filters.on_visits:
        terms = term_visit_ids(filters)
        if terms is not None:  # from the terms' index, not a lookup of each visit
            return select(terms.subquery("terms").c.post_id)
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
        conds.append(_in_category(filters.category, dialect))
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
