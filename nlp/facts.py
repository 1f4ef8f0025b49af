"""The shapes the pipeline returns; the archive stores them as they are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# An official's part in a visit, with the Thai a reader filters and reads it by.
VISITOR, HOST, MENTIONED = "visitor", "host", "mentioned"
ROLES = {VISITOR: "ผู้ลงพื้นที่", HOST: "ผู้ต้อนรับ", MENTIONED: "ผู้ถูกกล่าวถึง"}

Kind = Literal["date", "province", "district", "subdistrict", "official", "site"]
Source = Literal["title", "body"]


@dataclass(frozen=True)
class Fact:
    """One thing the text says, and exactly where it says it.

    `value` is the canonical form a researcher filters on (an ISO date, the gazetteer's province
    name, an official's name as written with honorific); `surface` is `text[start:end]` of the
    `source` field, so every fact can be shown in its sentence.
    """

    kind: Kind
    value: str
    start: int
    end: int
    surface: str
    source: Source = "body"
    rule: str = ""
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Visit:
    """Who went where, when, and what they saw: the row an analyst exports."""

    dates: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    subdistricts: list[str] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # official (as in `officials`) -> role

    @property
    def start_date(self) -> str | None:
        return min(self.dates) if self.dates else None

    @property
    def end_date(self) -> str | None:
        return max(self.dates) if self.dates else None


@dataclass
class Extraction:
    """`reports_visit` is the post-level decision: whether the post reports a visit or an
    on-site event that took place. When it does not, the officials are kept (with role
    "mentioned") but no date, place or site is, and there is no visit. `unread` counts the
    characters past the size cap (`nlp.pipeline.MAX_CHARS`) that were not read."""

    version: str
    facts: list[Fact]
    visits: list[Visit]
    reports_visit: bool = True
    unread: int = 0

    def of(self, kind: Kind) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]
