"""What a URL may ask for: the archive's filters and a page window, as documented query models.

Every page, its JSON twin and its downloads take the same parameters and turn them into the
same `archive.filters.Filters` with `parse_filters`, so a link, an API call and a CSV never
disagree about what a filter means. Parameters this app never takes (`fbclid`, `utm_source`:
what sharing a link adds to it) are ignored, so a shared link still opens; a parameter it takes
elsewhere (`limit` on a download) is refused, since ignoring it would hand over other rows than
the ones asked for.
"""

from __future__ import annotations

from difflib import get_close_matches
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator
from pydantic_core import PydanticCustomError
from sqlalchemy.orm import Session
from starlette.datastructures import QueryParams

from archive.filters import FILTERS, Filters, known_in_archive, parse_filters

FILTER_NAMES: tuple[str, ...] = tuple(f.name for f in FILTERS)
PAGE_PARAMS: tuple[str, ...] = ("limit", "offset")
KNOWN_PARAMS: frozenset[str] = frozenset(FILTER_NAMES + PAGE_PARAMS)
"""Every parameter some query of this app takes; any other is ignored everywhere."""
NOT_HERE = "not_here"  # the error type of a known parameter sent where it means nothing
MAX_OFFSET = 2**63 - 1  # the largest integer SQLite and PostgreSQL take for OFFSET


def ignored(query: QueryParams) -> list[str]:
    """The parameters of a URL that no query takes, as the JSON lists them."""
    return sorted(set(query) - KNOWN_PARAMS)


class _Filters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _drop_unknown(cls, data: Any) -> Any:
        """Parameters no query takes are dropped, but one that another query takes, or a
        misspelt one (`provnce`), is refused: either would hand over more rows than asked."""
        if not isinstance(data, dict):
            return data
        here = cls.model_fields.keys()
        for name in sorted(data):
            if name in KNOWN_PARAMS and name not in here:
                raise PydanticCustomError(
                    NOT_HERE,
                    "{name}: not a parameter here (known: {known})",
                    {"name": name, "known": ", ".join(here)},
                )
            if name not in KNOWN_PARAMS and (meant := get_close_matches(name, here, 1, 0.8)):
                raise PydanticCustomError(
                    NOT_HERE,
                    "{name}: not a parameter (did you mean {meant}?)",
                    {"name": name, "meant": meant[0]},
                )
        return {k: v for k, v in data.items() if k in KNOWN_PARAMS}

    def filters(self, session: Session) -> Filters:
        """The archive's Filters, each value checked as the CLI checks it; ValueError (one line
        naming the field, with the closest known values) when malformed or unknown."""
        typed = parse_filters(**{name: getattr(self, name) for name in FILTER_NAMES})
        return known_in_archive(session, typed)


def _field(spec: Any) -> Any:
    examples = [spec.example] if spec.example else None
    return (str | None, Field(None, description=spec.help, examples=examples))


#: The filters every query shares, one parameter per archive.filters.FILTERS entry; empty
#: means "any".
FilterParams: type[_Filters] = create_model(  # type: ignore[call-overload]
    "FilterParams", __base__=_Filters, **{spec.name: _field(spec) for spec in FILTERS}
)


class SearchParams(FilterParams):
    limit: int = Field(20, ge=1, le=1000, description="Posts per page.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Skip this many posts.")


class VisitParams(FilterParams):
    limit: int = Field(100, ge=1, le=1000, description="Visits per page.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Skip this many visits.")
