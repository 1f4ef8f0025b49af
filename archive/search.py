"""Thai full-text search. Thai has no spaces, so text is segmented into words with PyThaiNLP both
when indexing and when querying; the engine's own full-text index does the rest.

Both engines index exactly the words `words()` returns (SQLite: FTS5 with the `ascii` tokenizer,
which only splits on the spaces we put; PostgreSQL: a tsvector built from the same words, see the
migration), and both are queried with the same parsed query, so they find the same posts. Long
compounds PyThaiNLP's dictionary holds whole are indexed as the words they are made of, so that
ดิจิทัล finds กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม. Hits are ranked by the engine (FTS5's BM25,
PostgreSQL's ts_rank), the headline weighing more than the body; ties go to the newer post id.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Float,
    Integer,
    Select,
    bindparam,
    cast,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
    true,
)
from sqlalchemy.dialects.postgresql import TSQUERY, TSVECTOR
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from archive.filters import (
    Filters,
    chosen_posts,
    json_items,
    post_conditions,
    visit_conditions,
)
from archive.models import Post, SearchDoc, Visit, VisitTerm

MAX_WORD = 100  # longer "words" are URLs or noise; PostgreSQL refuses lexemes over 2 KB anyway
MAX_QUERY_WORDS = 64
# A word in the headline counts 2.5 times one in the body (PostgreSQL's weights A 1.0, B 0.4).
TITLE_WEIGHT = 2.5
SNIPPET_WIDTH = 160

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_THAI_ONLY = re.compile(r"[\u0E00-\u0E7F]+")
# Thai letters, vowels, tone marks and digits, and Latin letters and digits.
_PLAIN = re.compile(
    r"[\u0E01-\u0E2E\u0E30-\u0E3A\u0E40-\u0E45\u0E47-\u0E4E\u0E50-\u0E59a-zA-Z0-9]+"
)


# --- words ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _thai() -> tuple[Any, Any, Callable[[str], str], frozenset[str]]:
    """PyThaiNLP loads its dictionaries lazily; so do we (the CLI starts fast without them)."""
    from pythainlp.corpus import thai_words
    from pythainlp.tokenize import syllable_tokenize, word_tokenize
    from pythainlp.util import normalize

    return word_tokenize, syllable_tokenize, normalize, thai_words()


def normalize(text_: str) -> str:
    """PyThaiNLP's normalisation (เเ → แ, ํา → ำ, zero-width and repeated marks removed) after
    NFC: the index and the query must spell a word the same way however the post typed it."""
    return _thai()[2](unicodedata.normalize("NFC", text_ or ""))


def _clean(token: str) -> str:
    """A token as the index keeps it: letters, marks and digits only (Thai digits as 0-9),
    lower-cased; punctuation and symbols are not searchable."""
    if _PLAIN.fullmatch(token):  # most tokens: nothing to drop
        kept = token
    else:
        kept = "".join(ch for ch in token if unicodedata.category(ch)[0] in "LMN")
    kept = kept.translate(_THAI_DIGITS).lower()
    return kept if len(kept) <= MAX_WORD else ""


@lru_cache(maxsize=65536)
def _parts(word: str) -> tuple[str, ...]:
    """A long compound split into the dictionary words it is made of, so that a word inside it
    is found: กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม → กระทรวง ดิจิทัล เพื่อ เศรษฐกิจ และ สังคม.

    PyThaiNLP's dictionary holds such compounds whole. Only words of three syllables or more
    are split, into the fewest dictionary words of three letters or more (so จังหวัด stays one
    word and a search for หวัด does not find it), recursively.
    """
    if len(word) < 6 or not _THAI_ONLY.fullmatch(word):
        return (word,)
    _, syllables, _, dictionary = _thai()
    if len(syllables(word, engine="dict")) < 3:
        return (word,)
    n = len(word)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)  # best[i]: fewest parts of word[i:]
    best[n] = ()
    for i in range(n - 3, -1, -1):
        for j in range(n, i + 2, -1):  # longest first part wins a tie
            rest = best[j]
            if rest is None or (i == 0 and j == n) or word[i:j] not in dictionary:
                continue
            current = best[i]
            if current is None or len(rest) + 1 < len(current):
                best[i] = (word[i:j], *rest)
    split = best[0]
    if not split:
        return (word,)
    return tuple(p for part in split for p in _parts(part))


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str


def _tokens_of_normalized(text_: str) -> list[Token]:
    word_tokenize = _thai()[0]
    out: list[Token] = []
    pos = 0
    for tok in word_tokenize(text_, engine="newmm", keep_whitespace=True):
        start, pos = pos, pos + len(tok)
        word = _clean(tok)
        if not word:
            continue
        parts = _parts(word)
        if len(parts) == 1 or len(word) != len(tok):
            out.extend(Token(start, pos, p) for p in parts)
            continue
        offset = start
        for p in parts:
            out.append(Token(offset, offset + len(p), p))
            offset += len(p)
    return out


def tokens(text_: str) -> tuple[str, list[Token]]:
    """The normalised text and its searchable words with their offsets in it."""
    norm = normalize(text_)
    return norm, _tokens_of_normalized(norm)


def words(text_: str) -> list[str]:
    """The words of a text as search sees them: normalised, segmented, cleaned, compounds split."""
    return [t.word for t in tokens(text_)[1]]


def index_post(session: Session, post: Post) -> None:
    """Write the post's words; the engine's own index follows them by trigger (see the
    migration), in the same transaction."""
    doc = session.get(SearchDoc, post.id)
    title_words = " ".join(words(post.title))
    body_words = " ".join(words(post.body))
    if doc is None:
        session.add(SearchDoc(post_id=post.id, title_words=title_words, body_words=body_words))
    elif (doc.title_words, doc.body_words) != (title_words, body_words):
        doc.title_words, doc.body_words = title_words, body_words


# --- queries ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    """What a search string means: every phrase must occur (AND); a phrase is consecutive words.

    A bare word that PyThaiNLP segments into several words is a phrase of them, which is how a
    word inside an unbroken run of Thai text is found without matching across its parts.
    """

    phrases: tuple[tuple[str, ...], ...]


def parse_query(q: str) -> Query:
    """Words (all required) and "quoted phrases". Anything else is text: operators, stars and
    brackets are dropped with the punctuation, an unbalanced quote runs to the end."""
    phrases: list[tuple[str, ...]] = []
    for i, chunk in enumerate((q or "").split('"')):
        pieces = [chunk] if i % 2 else chunk.split()
        for piece in pieces:
            phrase = tuple(words(piece))
            if phrase and phrase not in phrases:
                phrases.append(phrase)
    if not phrases:
        raise ValueError(f"q: nothing to search for in {q!r} (no Thai or Latin words)")
    if sum(len(p) for p in phrases) > MAX_QUERY_WORDS:
        raise ValueError(f"q: too many words (at most {MAX_QUERY_WORDS})")
    return Query(tuple(phrases))


def fts5_expression(query: Query) -> str:
    # Words hold letters, marks and digits only, so quoting them cannot go wrong.
    return " AND ".join('"' + " ".join(p) + '"' for p in query.phrases)


def tsquery_expression(query: Query) -> str:
    # The migration leaves a gap between headline and body, so <-> stays inside one of them.
    return " & ".join(" <-> ".join(f"'{w}'" for w in p) for p in query.phrases)


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


_VECTORS = table("search_vectors", column("post_id", Integer), column("tsv", TSVECTOR))


def matches(
    session: Session, query: Query, scored: bool = True, within: Select[Any] | None = None
) -> Any:
    """A subquery (post_id, score) of the posts the query finds (among the post ids `within`
    selects, if given); higher score = better.

    SQLite ranks with FTS5's BM25, PostgreSQL with ts_rank (normalised by document length);
    both weigh a word in the headline 2.5 times one in the body.
    """
    if _dialect(session) == "sqlite":
        score = f"-bm25(search_fts, {TITLE_WEIGHT}, 1.0)" if scored else "0.0"
        fts = (
            text(
                f"SELECT rowid AS post_id, {score} AS score "
                "FROM search_fts WHERE search_fts MATCH :fts_expr"
            )
            .bindparams(fts_expr=fts5_expression(query))
            .columns(post_id=Integer, score=Float)
            .subquery("fts")
        )
        stmt = select(fts.c.post_id, fts.c.score)
        if within is not None:
            # "+ 0": else FTS5 runs the MATCH once per chosen post (a rowid lookup each), a
            # hundred times slower than checking each match against the chosen set.
            stmt = stmt.where((fts.c.post_id + 0).in_(within))
        return stmt.subquery("matches")
    ts_query = cast(bindparam("ts_expr", tsquery_expression(query)), TSQUERY)
    score_column = func.ts_rank(_VECTORS.c.tsv, ts_query, 1) if scored else literal(0.0, Float)
    stmt = select(_VECTORS.c.post_id, score_column.label("score")).where(
        _VECTORS.c.tsv.op("@@")(ts_query)
    )
    if within is not None:
        stmt = stmt.where(_VECTORS.c.post_id.in_(within))
    # OFFSET 0 keeps this a subquery: ranked here, the vectors are read once and never carried
    # up into the sort or the window that counts.
    return stmt.offset(0).subquery("matches")


def text_condition(session: Session, q: str) -> ColumnElement[bool]:
    """The post is one the text query finds (ValueError if there is nothing to search for)."""
    m = matches(session, parse_query(q), scored=False)
    return Post.id.in_(select(m.c.post_id))


def post_filter(
    session: Session, filters: Filters, with_visits: bool = True
) -> list[ColumnElement[bool]]:
    """Every condition on `posts` the filters ask for, the text query included (see
    archive.filters.post_conditions for `with_visits`)."""
    conds = post_conditions(filters, _dialect(session), with_visits)
    if filters.q:
        conds.append(text_condition(session, filters.q))
    return conds


# --- search -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Snippet:
    """A piece of the post's (normalised) text with the matched words as (start, end) spans.

    Plain text, never markup: a web page escapes `text` and wraps the spans itself.
    """

    text: str
    spans: tuple[tuple[int, int], ...] = ()
    source: str = "body"

    def marked(self, open_: str = "[", close: str = "]") -> str:
        out, pos = [], 0
        for start, end in self.spans:
            out += [self.text[pos:start], open_, self.text[start:end], close]
            pos = end
        out.append(self.text[pos:])
        return "".join(out)


@dataclass(frozen=True)
class Hit:
    post_id: int
    source: str  # the post's site (archive.sources)
    url: str
    title: str
    published: date | None
    score: float
    snippet: Snippet


@dataclass(frozen=True)
class SearchPage:
    hits: list[Hit]
    total: int
    limit: int
    offset: int
    query: Query | None = None
    filters: Filters = field(default_factory=Filters)


def search(session: Session, filters: Filters, limit: int = 20, offset: int = 0) -> SearchPage:
    """One page of the posts the filters select: by relevance with a text query, else newest
    first. Raises ValueError (one line) for a query with nothing to search or a bad page."""
    if not 1 <= limit <= 1000:
        raise ValueError("limit: must be between 1 and 1000")
    if offset < 0:
        raise ValueError("offset: must be 0 or more")
    query = parse_query(filters.q) if filters.q else None
    ranked, counted = _ranked(session, query, chosen_posts(filters, _dialect(session)))
    page = session.execute(ranked.limit(limit).offset(offset)).all()
    if page and "total" in page[0]._fields:
        total = int(page[0].total)
    else:
        total = int(session.scalar(counted) or 0) if page or offset else 0
    details = {
        r.id: r
        for r in session.execute(
            select(
                Post.id,
                Post.source,
                Post.url,
                Post.title,
                Post.published,
                Post.body,
                SearchDoc.title_words,
                SearchDoc.body_words,
            )
            .outerjoin(SearchDoc, SearchDoc.post_id == Post.id)
            .where(Post.id.in_([r.post_id for r in page]))
        )
    }
    hits = []
    for r in page:
        post = details[r.post_id]
        hits.append(
            Hit(
                post_id=post.id,
                source=post.source,
                url=post.url,
                title=post.title,
                published=post.published,
                score=float(r.score or 0.0),
                snippet=snippet(
                    post.title,
                    post.body,
                    query,
                    title_words=post.title_words,
                    body_words=post.body_words,
                ),
            )
        )
    return SearchPage(hits, total, limit, offset, query, filters)


def _ranked(
    session: Session, query: Query | None, chosen: Select[Any] | None
) -> tuple[Select[Any], Select[Any]]:
    """The page statement (post_id, score), best first, and the statement counting all hits,
    among the `chosen` post ids (all posts if None).

    The text match is ranked on its own, the posts table only consulted for the filters:
    joining every match to `posts` would cost more than ranking them.
    """
    if query is None:
        listed = select(Post.id.label("post_id"), literal_column("0.0", Float).label("score"))
        counted = select(func.count()).select_from(Post)
        if chosen is not None:
            listed, counted = listed.where(Post.id.in_(chosen)), counted.where(Post.id.in_(chosen))
        return listed.order_by(Post.published.desc().nulls_last(), Post.id.desc()), counted
    m = matches(session, query, within=chosen)
    stmt = select(m.c.post_id, m.c.score)
    if _dialect(session) == "postgresql":
        # Ranking reads every match's vector anyway: count them in the same scan. (FTS5 counts
        # matches from its index alone, faster than a window over the ranked rows.)
        stmt = stmt.add_columns(func.count().over().label("total"))
    count = select(func.count()).select_from(matches(session, query, False, chosen))
    return stmt.order_by(m.c.score.desc(), m.c.post_id.desc()), count


def snippet(
    title: str,
    body: str,
    query: Query | None,
    width: int = SNIPPET_WIDTH,
    title_words: str | None = None,
    body_words: str | None = None,
) -> Snippet:
    """Where the body matches (else the title), about `width` characters, words marked.

    `title_words`/`body_words` are the post's indexed words (search_docs); given, no text is
    segmented again, which keeps a page of hits to a millisecond or two.
    """
    norm = normalize(body)
    if query is not None:
        found = _phrase_spans(_locate(norm, body_words, body), query)
        if found:
            return _cut(norm, found, width)
        title_norm = normalize(title)
        found = _phrase_spans(_locate(title_norm, title_words, title), query)
        if found:
            return Snippet(title_norm, tuple(found), "title")
    return _cut(norm, [], width)


def _locate(norm: str, indexed: str | None, original: str) -> list[Token]:
    """The indexed words' places in the normalised text, found in order.

    The words are the text's own letters (lower-cased, Thai digits as 0-9), so each is found
    just after the previous one; a word whose punctuation was dropped (ก.ค. → กค) is skipped.
    """
    if indexed is None:
        indexed = " ".join(words(original))
    haystack = norm.lower()
    if len(haystack) != len(norm):  # a rare letter whose lower case is longer
        haystack = norm
    haystack = haystack.translate(_THAI_DIGITS)
    out: list[Token] = []
    cursor = 0
    for word in indexed.split():
        pos = haystack.find(word, cursor, cursor + len(word) + 200)
        if pos != -1:
            out.append(Token(pos, pos + len(word), word))
            cursor = pos + len(word)
    return out


def _phrase_spans(toks: Sequence[Token], query: Query) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    seq = [t.word for t in toks]
    for phrase in query.phrases:
        n = len(phrase)
        for i in range(len(seq) - n + 1):
            if tuple(seq[i : i + n]) == phrase:
                found.append((toks[i].start, toks[i + n - 1].end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _cut(norm: str, spans: list[tuple[int, int]], width: int) -> Snippet:
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    if start:
        space = norm.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(norm), max(start + width, spans[0][1] if spans else 0))
    if end < len(norm):
        space = norm.rfind(" ", end - 30, end)
        end = space if space > (spans[0][1] if spans else start) else end
    kept = [(s, e) for s, e in spans if s >= start and e <= end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(norm) else ""
    piece = norm[start:end].replace("\n", " ")
    shift = len(prefix) - start
    return Snippet(prefix + piece + suffix, tuple((s + shift, e + shift) for s, e in kept))


# --- facets -----------------------------------------------------------------------------------

FACETS = ("province", "district", "official", "site_type", "category", "source", "year")


def facets(session: Session, filters: Filters, limit: int = 20) -> dict[str, list[tuple[str, int]]]:
    """How many of the selected posts fall under each value, most first, `limit` per facet.

    Province, district, official (the person, without honorific) and site type count the posts
    whose visits (of the chosen pipeline version, matching the visit filters) have the value.
    """
    dialect = _dialect(session)
    terms: list[ColumnElement[bool]] = []
    if not filters.pipeline_version:
        terms.append(VisitTerm.current.is_(True))
    on_posts = post_filter(session, filters, with_visits=False)
    if on_posts:
        terms.append(VisitTerm.post_id.in_(select(Post.id).where(*on_posts)))
    if filters.on_visits or filters.pipeline_version:
        terms.append(VisitTerm.visit_id.in_(select(Visit.id).where(*visit_conditions(filters))))
    out: dict[str, list[tuple[str, int]]] = {}
    n_posts = func.count(VisitTerm.post_id.distinct())
    for name, kind, grouped in (
        ("province", "province", VisitTerm.value),
        ("district", "district", VisitTerm.value),
        ("official", "official", VisitTerm.key),
        ("site_type", "site", VisitTerm.key),
    ):
        stmt = (
            select(grouped, n_posts)
            .where(VisitTerm.kind == kind, grouped.is_not(None), *terms)
            .group_by(grouped)
        )
        out[name] = _top(session, stmt, n_posts, grouped, limit)

    # Categories and years count the posts themselves.
    chosen = post_filter(session, filters)
    items = json_items(Post.categories, dialect)
    n = func.count(Post.id.distinct())
    stmt = (
        select(items.c.value, n)
        .select_from(Post)
        .join(items, true())
        .where(*chosen)
        .group_by(items.c.value)
    )
    out["category"] = _top(session, stmt, n, items.c.value, limit)

    stmt = select(Post.source, func.count()).where(*chosen).group_by(Post.source)
    out["source"] = _top(session, stmt, func.count(), Post.source, limit)

    year = func.extract("year", Post.published)
    stmt = select(year, func.count()).where(*chosen, Post.published.is_not(None)).group_by(year)
    rows = session.execute(stmt.order_by(year.desc()).limit(limit)).all()
    out["year"] = [(str(int(y)), int(c)) for y, c in rows]
    return out


def _top(session: Session, stmt: Select[Any], count: Any, value: Any, limit: int) -> list:
    rows = session.execute(stmt.order_by(count.desc(), value).limit(limit)).all()
    return [(str(v), int(c)) for v, c in rows]
