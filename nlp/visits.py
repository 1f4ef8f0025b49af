"""Group a post's facts into visits: who went where, when, and what they saw.

Most posts report one visit. A post that dates several stops ("วันที่ 5 … จากนั้นวันที่ 6 …")
is split at each new date: the places, sites and officials written after a date belong to it.
Facts before the first date (the lead, the title) belong to the first visit; a visit that names
no official inherits the previous one's.
"""

from __future__ import annotations

from nlp.facts import MENTIONED, Fact, Visit


def _add(values: list[str], value: str | None) -> None:
    if value and value not in values:
        values.append(value)


def _dates_of(f: Fact) -> list[str]:
    return list(f.attrs.get("dates") or [f.value])


def group_visits(facts: list[Fact]) -> list[Visit]:
    body = sorted((f for f in facts if f.source == "body"), key=lambda f: f.start)
    title = [f for f in facts if f.source == "title"]
    # Split points: body date facts whose days differ from the visit being built.
    segments: list[list[Fact]] = [[]]
    seen_dates: list[set[str]] = [set()]
    for f in body:
        if f.kind == "date":
            days = set(_dates_of(f))
            if seen_dates[-1] and not days & seen_dates[-1]:
                segments.append([])
                seen_dates.append(set())
            seen_dates[-1] |= days
        segments[-1].append(f)
    segments[0] = title + segments[0]
    visits: list[Visit] = []
    for seg in segments:
        v = Visit()
        for f in seg:
            if f.kind == "date":
                for d in _dates_of(f):
                    _add(v.dates, d)
            elif f.kind == "province":
                _add(v.provinces, f.value)
            elif f.kind == "district":
                _add(v.districts, f.value)
                _add(v.provinces, f.attrs.get("province"))
            elif f.kind == "subdistrict":
                _add(v.subdistricts, f.value)
                _add(v.districts, f.attrs.get("district"))
                _add(v.provinces, f.attrs.get("province"))
            elif f.kind == "official":
                _add(v.officials, f.value)
                v.roles.setdefault(f.value, f.attrs.get("role", MENTIONED))
            elif f.kind == "site":
                _add(v.sites, f.value)
        v.dates.sort()
        visits.append(v)
    visits = [v for v in visits if any(vars(v).values())]
    for prev, cur in zip(visits, visits[1:], strict=False):
        if not cur.officials:
            cur.officials = list(prev.officials)
            cur.roles = dict(prev.roles)
    return visits
