"""What a URL may ask for: the archive's filters and a page window, as documented query models.

Every page, its JSON twin and its downloads take the same parameters and turn them into the
same `archive.filters.Filters` with `parse_filters`, so a link, an API call and a CSV never
disagree about what a filter means. Unknown parameters are refused (a typo must not silently
widen a researcher's table).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model
from sqlalchemy.orm import Session

from archive.filters import FILTERS, Filters, known_in_archive, parse_filters

FILTER_NAMES: tuple[str, ...] = tuple(f.name for f in FILTERS)


class _Filters(BaseModel):
    model_config = ConfigDict(extra="forbid")

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
    offset: int = Field(0, ge=0, description="Skip this many posts.")


class VisitParams(FilterParams):
    limit: int = Field(100, ge=1, le=1000, description="Visits per page.")
    offset: int = Field(0, ge=0, description="Skip this many visits.")


KNOWN_PARAMS: frozenset[str] = frozenset(SearchParams.model_fields)
