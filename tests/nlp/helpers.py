"""Helpers for the nlp tests: read an extraction's facts by kind."""

from __future__ import annotations


def values(extraction, kind: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Distinct fact values of one kind, in text order."""
    return list(dict.fromkeys(f.value for f in extraction.of(kind)))


def dates(extraction) -> list[str]:  # type: ignore[no-untyped-def]
    """Every day the date facts cover, sorted."""
    return sorted({d for f in extraction.of("date") for d in f.attrs["dates"]})
