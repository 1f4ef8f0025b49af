"""Thailand's administrative divisions (DOPA, shipped offline by `geothai`), indexed for the
place rules: names by level, the province each district and subdistrict is in, and a one-edit
index so a post's spelling (ราวต้นจันทน์) finds the gazetteer's (ราวต้นจันทร์)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import geothai

from nlp.lexicon import table
from nlp.normalize import clean

BANGKOK = "10"
_BKK_PREFIX = "เขต"


@dataclass(frozen=True)
class Area:
    level: str  # "province" | "district" | "subdistrict"
    code: str
    name: str  # canonical name as an analyst writes it (Bangkok เขต without "เขต")
    province_code: str
    district_code: str | None = None

    @property
    def province(self) -> str:
        return gazetteer().province_name[self.province_code]


def _deletions(name: str) -> set[str]:
    return {name[:i] + name[i + 1 :] for i in range(len(name))}


class Gazetteer:
    def __init__(self) -> None:
        self.province_name: dict[str, str] = {}
        self.district_name: dict[str, str] = {}
        self.by_name: dict[str, dict[str, list[Area]]] = {
            "province": {},
            "district": {},
            "subdistrict": {},
        }
        self._fuzzy: dict[str, dict[str, set[str]]] = {}
        # English names as the gazetteer spells them, lower-cased: "sukhothai" → สุโขทัย.
        self.english: dict[str, dict[str, str]] = {"province": {}, "district": {}}
        for p in geothai.provinces():
            area = Area("province", p.code, clean(p.name_th), p.code)
            self.province_name[p.code] = area.name
            self.by_name["province"].setdefault(area.name, []).append(area)
            self.english["province"][p.name_en.lower()] = area.name
            for d in geothai.districts(p.code):
                name = clean(d.name_th)
                if p.code == BANGKOK and name.startswith(_BKK_PREFIX):
                    name = name[len(_BKK_PREFIX) :]
                darea = Area("district", d.code, name, p.code, d.code)
                self.district_name[d.code] = name
                self.english["district"].setdefault(d.name_en.lower(), name)
                self.by_name["district"].setdefault(name, []).append(darea)
                for s in geothai.subdistricts(d.code):
                    sarea = Area("subdistrict", s.code, clean(s.name_th), p.code, d.code)
                    self.by_name["subdistrict"].setdefault(sarea.name, []).append(sarea)
        self.province_alias: dict[str, str] = {}
        for alias, canonical in table("province_aliases.tsv"):
            self.province_alias[alias] = clean(canonical)
        self.max_len = {lvl: max(map(len, names)) for lvl, names in self.by_name.items()}

    def exact(self, level: str, name: str) -> list[Area]:
        return self.by_name[level].get(name, [])

    def near(self, level: str, name: str) -> list[str]:
        """Names of `level` one edit (insert, delete, substitute) away from `name`."""
        index = self._fuzzy.get(level)
        if index is None:
            index = {}
            for known in self.by_name[level]:
                if len(known) >= 4:
                    index.setdefault(known, set()).add(known)
                    for d in _deletions(known):
                        index.setdefault(d, set()).add(known)
            self._fuzzy[level] = index
        found: set[str] = set()
        for key in {name} | _deletions(name):
            found |= index.get(key, set())
        found.discard(name)
        return sorted(found)

    def province_of(self, name: str) -> str | None:
        """The canonical province for a name, an alias or its English name."""
        if name in self.by_name["province"]:
            return name
        return self.province_alias.get(name) or self.english["province"].get(name.lower())

    def district_of(self, name: str) -> str | None:
        """The canonical district for a name or its English name (Si Samrong → ศรีสำโรง)."""
        if name in self.by_name["district"]:
            return name
        return self.english["district"].get(name.lower())


_PROVINCE_PREFIX = re.compile(r"^\s*(?:จังหวัด|จ\.\s*)")


def canonical_province(typed: str) -> str | None:
    """A province as a person types it (จังหวัดสุโขทัย, จ.สุโขทัย, กทม., โคราช) → the gazetteer's
    name, or None when it names no province."""
    name = clean(_PROVINCE_PREFIX.sub("", typed))
    return gazetteer().province_of(name)


def provinces_like(typed: str) -> list[str]:
    """Province names one edit away from `typed`: suggestions for a typo."""
    return gazetteer().near("province", clean(_PROVINCE_PREFIX.sub("", typed)))


# อำเภอ/อ. before a district, เขต before a Bangkok one (stored without it, as analysts write).
_DISTRICT_PREFIX = re.compile(r"^\s*(?:กิ่งอำเภอ|อำเภอ|อ\.\s*|เขต)\s*")


def canonical_district(typed: str) -> str | None:
    """A district as a person types it (อ.ศรีสำโรง, อำเภอศรีสำโรง, เขตบางรัก, Si Samrong) → the
    gazetteer's name, or None. A name shared by districts of several provinces is one name."""
    g = gazetteer()
    name = clean(typed)
    return g.district_of(name) or g.district_of(clean(_DISTRICT_PREFIX.sub("", name)))


def districts_like(typed: str) -> list[str]:
    """District names one edit away from `typed` (prefix aside): suggestions for a typo."""
    return gazetteer().near("district", clean(_DISTRICT_PREFIX.sub("", clean(typed))))


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()
