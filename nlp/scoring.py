"""Scoring of extractions against hand-annotated posts, exactly as the corpus README states it.

Per field, micro-averaged precision, recall and F1 over all posts; each post's values compared
as sets after spelling normalisation (NFC, one space, เเ→แ, ํา→ำ). Officials match on the
person (honorifics ignored), positions are scored apart; districts and subdistricts match one
character apart; sites at 85% similarity. `uncertain` values count neither way unless their
reason says they should NOT be extracted.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from nlp.facts import MENTIONED, Extraction

FIELDS = ("visit_dates", "provinces", "districts", "subdistricts", "officials", "sites")
SCORED = (*FIELDS, "positions")
# Scored only where the gold has them: the post-level decision (its P/R/F1 over posts that
# report a visit) and the roles of matched officials (right / matched: P = R = F1 = accuracy).
DECISION, ROLES = "reports_visit", "roles"
EXTRA = (DECISION, ROLES)
SITE_SIMILARITY = 0.85
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def spelling(value: str) -> str:
    """The README's comparison form: NFC, whitespace collapsed, เเ→แ, ํา→ำ."""
    value = unicodedata.normalize("NFC", value or "")
    value = value.replace("\u0e40\u0e40", "\u0e41").replace("\u0e4d\u0e32", "\u0e33")
    return " ".join(value.split())


@cache
def _honorific_re() -> re.Pattern[str]:
    from nlp.lexicon import alternation, words

    hon = alternation(words("honorifics.txt"))
    return re.compile(rf"^(?:{hon}\s?)+")


def person_key(name: str) -> str:
    """Given name + surname: the honorifics, ranks and titles in front are dropped."""
    name = spelling(name)
    stripped = _honorific_re().sub("", name)
    return stripped.strip() or name


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _similar(a: str, b: str) -> bool:
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= SITE_SIMILARITY


def matcher(field_: str) -> Callable[[str, str], bool]:
    if field_ in ("districts", "subdistricts"):
        return _one_edit
    if field_ == "sites":
        return _similar
    return str.__eq__


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class PostScore:
    file: str
    tallies: dict[str, Tally] = field(default_factory=dict)
    missed: dict[str, list[str]] = field(default_factory=dict)
    spurious: dict[str, list[str]] = field(default_factory=dict)


def _values(record: dict[str, Any], field_: str) -> list[str]:
    raw = record.get(field_) or []
    if field_ == "officials":
        return list(dict.fromkeys(person_key(o["name"]) for o in raw if o.get("name")))
    if field_ == "positions":
        return list(
            dict.fromkeys(
                f"{person_key(o['name'])} | {spelling(o['position'])}"
                for o in record.get("officials") or []
                if o.get("name") and o.get("position")
            )
        )
    return list(dict.fromkeys(spelling(v) for v in raw if v))


def _uncertain(gold_post: dict[str, Any], field_: str) -> tuple[list[str], list[str]]:
    """(neutral values, values that must not be extracted) for one field."""
    neutral: list[str] = []
    wrong: list[str] = []
    target = "officials" if field_ == "positions" else field_
    for item in gold_post.get("uncertain") or []:
        if item.get("field") != target:
            continue
        bucket = wrong if "should not be extracted" in item.get("reason", "").lower() else neutral
        bucket.extend(_uncertain_values(field_, item.get("value", "")))
    return neutral, wrong


def _uncertain_values(field_: str, value: str) -> list[str]:
    if field_ == "visit_dates":
        out: list[str] = []
        for part in re.split(r"[;,]\s*", value):
            days = _ISO.findall(part)
            if len(days) == 2 and "/" in part:
                out.extend(_days_between(days[0], days[1]))
            else:
                out.extend(days)
        return out
    parts = [p.strip() for p in value.split(";")]
    if field_ in ("officials", "positions"):
        parts = [q.strip() for p in parts for q in p.split(" / ")]
        return [person_key(p) for p in parts if p]
    return [spelling(p) for p in parts if p]


def _days_between(a: str, b: str) -> list[str]:
    import datetime as dt

    start, end = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
    return [(start + dt.timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]


def _match(pred: Iterable[str], gold: Iterable[str], same: Callable[[str, str], bool]):  # type: ignore[no-untyped-def]
    """One-to-one greedy matching, exact pairs first. Returns (matched preds, matched golds)."""
    pred, gold = list(pred), list(gold)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for exact in (True, False):
        for i, p in enumerate(pred):
            if i in used_p:
                continue
            for j, g in enumerate(gold):
                if j not in used_g and (p == g if exact else same(p, g)):
                    used_p.add(i)
                    used_g.add(j)
                    break
    return used_p, used_g


def score_post(file: str, predicted: dict[str, Any], gold_post: dict[str, Any]) -> PostScore:
    gold = gold_post.get("gold") or {}
    out = PostScore(file)
    for field_ in SCORED:
        same = matcher(field_)
        if field_ == "positions":
            same = str.__eq__
        pred, gold_vals = _values(predicted, field_), _values(gold, field_)
        neutral, _ = _uncertain(gold_post, field_)
        used_p, used_g = _match(pred, gold_vals, same)
        tally = Tally(tp=len(used_g))
        spurious = []
        for i, p in enumerate(pred):
            if i in used_p:
                continue
            key = p.split(" | ")[0] if field_ == "positions" else p
            if any(same(key, n) or key == n for n in neutral):
                continue
            if field_ == "positions" and key not in _values(gold, "officials"):
                continue  # the person is not in the gold at all: the officials field counts it
            spurious.append(p)
        tally.fp = len(spurious)
        missed = [g for j, g in enumerate(gold_vals) if j not in used_g]
        tally.fn = len(missed)
        out.tallies[field_] = tally
        if missed:
            out.missed[field_] = missed
        if spurious:
            out.spurious[field_] = spurious
    _score_decision(out, predicted, gold_post)
    _score_roles(out, predicted, gold)
    return out


def _score_decision(out: PostScore, predicted: dict[str, Any], gold_post: dict[str, Any]) -> None:
    if not isinstance(gold_post.get(DECISION), bool):
        return
    said, truth = bool(predicted.get(DECISION, True)), gold_post[DECISION]
    out.tallies[DECISION] = Tally(tp=int(said and truth), fp=int(said and not truth),
                                  fn=int(truth and not said))  # fmt: skip
    if said != truth:
        (out.spurious if said else out.missed)[DECISION] = [str(truth).lower()]


def _score_roles(out: PostScore, predicted: dict[str, Any], gold: dict[str, Any]) -> None:
    """Roles of the officials found in both, where the gold gives one."""
    pred_roles = {person_key(o["name"]): o.get("role") for o in predicted.get("officials") or []}
    tally = Tally()
    wrong = []
    for o in gold.get("officials") or []:
        key = person_key(o.get("name") or "")
        if not o.get("role") or key not in pred_roles:
            continue
        if pred_roles[key] == o["role"]:
            tally.tp += 1
        else:
            tally.fp += 1
            tally.fn += 1
            wrong.append(f"{key}: {pred_roles[key]} (gold {o['role']})")
    if tally.tp or tally.fp:
        out.tallies[ROLES] = tally
    if wrong:
        out.spurious[ROLES] = wrong


def total(scores: Iterable[PostScore]) -> dict[str, Tally]:
    sums = {f: Tally() for f in (*SCORED, *EXTRA)}
    for s in scores:
        for f, t in s.tallies.items():
            sums[f].tp += t.tp
            sums[f].fp += t.fp
            sums[f].fn += t.fn
    return sums


def as_record(extraction: Extraction) -> dict[str, Any]:
    """An extraction in the gold's shape (the predictions file's "facts")."""
    rec: dict[str, Any] = {f: [] for f in FIELDS}
    rec[DECISION] = extraction.reports_visit

    def add(field_: str, value: Any) -> None:
        if value not in rec[field_]:
            rec[field_].append(value)

    for f in extraction.facts:
        if f.kind == "date":
            for d in f.attrs.get("dates") or [f.value]:
                add("visit_dates", d)
        elif f.kind == "official":
            official = {"name": f.value, "position": f.attrs.get("position")}
            add("officials", official | {"role": f.attrs.get("role", MENTIONED)})
        else:
            add({"province": "provinces", "district": "districts",
                 "subdistrict": "subdistricts", "site": "sites"}[f.kind], f.value)  # fmt: skip
    rec["visit_dates"].sort()
    return rec
