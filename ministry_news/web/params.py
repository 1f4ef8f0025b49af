"""What a URL may ask for: the archive's filters and a page window, as documented query models.

Every page, its JSON twin and its downloads take the same parameters and turn them into the
same `archive.filters.Filters` with `parse_filters`, so a link, an API call and a CSV never
disagree about what a filter means. Unknown parameters are refused (a typo must not silently
widen a researcher's table).
"""

from __future__ import annotations

from dataclasses import fields

from pydantic import BaseModel, ConfigDict, Field

from archive.filters import DATE_HELP, Filters, parse_filters
from archive.sources import SOURCES

FILTER_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Filters))


class FilterParams(BaseModel):
    """The filters every query shares; an empty value means "any"."""

    model_config = ConfigDict(extra="forbid")

    q: str | None = Field(
        None,
        description='Thai or Latin words, all required; "a quoted phrase" must occur as written. '
        "Words are found inside unbroken Thai text.",
        examples=["เน็ตประชารัฐ"],
    )
    province: str | None = Field(
        None, description="Visits to this province (canonical Thai name).", examples=["สุโขทัย"]
    )
    district: str | None = Field(None, description="Visits to this district.")
    official: str | None = Field(
        None,
        description="Visits by this person: part of the name, with or without honorific.",
        examples=["ปิยนุช วุฒิสอน"],
    )
    role: str | None = Field(
        None,
        description="The official's part in the visit: visitor (made it), host (received it) "
        "or mentioned; with `official`, that person in that part.",
        examples=["visitor"],
    )
    site_type: str | None = Field(
        None, description="Visits that saw a site of this type (school, temple, ...)."
    )
    category: str | None = Field(None, description="Posts listed under this category id.")
    source: str | None = Field(
        None,
        description="Posts of this site: " + ", ".join(SOURCES) + " (or its host).",
        examples=["thaigov"],
    )
    since: str | None = Field(None, description=f"Visits on or after this date: {DATE_HELP}.")
    until: str | None = Field(None, description=f"Visits on or before this date: {DATE_HELP}.")
    published_since: str | None = Field(
        None, description=f"Posts published on or after this date: {DATE_HELP}."
    )
    published_until: str | None = Field(
        None, description=f"Posts published on or before this date: {DATE_HELP}."
    )
    pipeline_version: str | None = Field(
        None, description="Facts of this pipeline version (default: each post's newest)."
    )

    def filters(self) -> Filters:
        """The archive's Filters; ValueError (one line naming the field) when malformed."""
        return parse_filters(**{name: getattr(self, name) for name in FILTER_NAMES})


class SearchParams(FilterParams):
    limit: int = Field(20, ge=1, le=1000, description="Posts per page.")
    offset: int = Field(0, ge=0, description="Skip this many posts.")


class VisitParams(FilterParams):
    limit: int = Field(100, ge=1, le=1000, description="Visits per page.")
    offset: int = Field(0, ge=0, description="Skip this many visits.")


KNOWN_PARAMS: frozenset[str] = frozenset(SearchParams.model_fields)
