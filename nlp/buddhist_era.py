"""The Buddhist era, in one place: every package converts years through these two functions."""

from __future__ import annotations

BE_OFFSET = 543  # Buddhist era = Gregorian + 543 (2563 = 2020)
BE_FROM = 2400  # a four-digit year from here up is Buddhist era; below it, already Gregorian


def gregorian_year(year: int) -> int:
    """A year as Thai posts write it → Gregorian: 2563 → 2020; 63 → 2020 (two-digit years are
    Buddhist era 25xx); 2020 stays 2020 (a year below 2400 is Christian era, e.g. ๒๐๒๐)."""
    if year < 100:
        year += 2500
    return full_gregorian_year(year)


def full_gregorian_year(year: int) -> int:
    """A year written in full → Gregorian: 2563 → 2020, 2020 and 0063 as they are."""
    return year - BE_OFFSET if year >= BE_FROM else year


def buddhist_year(year: int) -> int:
    """A Gregorian year as the site shows it: 2020 → 2563."""
    return year + BE_OFFSET
