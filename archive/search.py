"""Thai full-text search. Thai has no spaces, so text is segmented into words with PyThaiNLP both
when indexing and when querying; the engine's own full-text index does the rest.

Both engines index exactly the words `words()` returns (SQLite: FTS5 with the `ascii` tokenizer,
which only splits on the spaces we put; PostgreSQL: a tsvector built from the same words, see the
migration), and both are queried with the same parsed query, so they find the same posts. Long
compounds PyThaiNLP's dictionary holds whole are indexed as the words they are made of, so that
ดิจิทัล finds กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม. Hits rank alike on both engines, straight from
the index: headline matches first, then the latest archived (see HEADLINE).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ARRAY,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    case,
    cast,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
    true,
    union_all,
)
from sqlalchemy.dialects.postgresql import TSQUERY, TSVECTOR
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from archive.filters import (
    Filters,
    Refusal,
    chosen_posts,
    json_items,
    post_conditions,
    term_visit_ids,
    visit_conditions,
)
from archive.models import Post, SearchDoc, Visit, VisitTerm

MAX_WORD = 100  # longer "words" are URLs or noise; PostgreSQL refuses lexemes over 2 KB anyway
MAX_QUERY_WORDS = 64
# Refused before segmenting: 64 Thai words with spaces are some 400 characters, and segmenting a
# pasted page costs seconds of CPU for a query that would be refused anyway.
MAX_QUERY_CHARS = 1000
# Totals and facet counts are exact up to this many posts, then "more than" it (as Elasticsearch's
# track_total_hits): counting every one of a million matches would cost more than the page.
TOTAL_CAP = 10_000
# Facets and the visit charts count among at most this many of the selection, the latest
# archived, and say so past it: each counted post or visit costs a few index lookups, and
# 10,000 of them cost some 100 ms at a million posts, against a budget of 50.
SAMPLE = 2_000
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


def _letters(token: str) -> str:
    """A token's letters, marks and digits (Thai digits as 0-9), lower-cased; punctuation and
    symbols are not searchable."""
    if _PLAIN.fullmatch(token):  # most tokens: nothing to drop
        kept = token
    else:
        kept = "".join(ch for ch in token if unicodedata.category(ch)[0] in "LMN")
    return kept.translate(_THAI_DIGITS).lower()


def _clean(token: str) -> str:
    """A token as the index keeps it: its letters, unless there are more than MAX_WORD."""
    kept = _letters(token)
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
    brackets are dropped with the punctuation, an unbalanced quote runs to the end.

    Refused in one line, before any costly segmenting where it can be: a query over
    MAX_QUERY_CHARS characters, a word longer than the index keeps (MAX_WORD letters: it could
    never be found), more than MAX_QUERY_WORDS words, nothing to search for.
    """
    q = q or ""
    if len(q) > MAX_QUERY_CHARS:
        line = f"q: too long ({len(q):,} characters; at most {MAX_QUERY_CHARS:,})"
        raise Refusal(line, "q", "q_length", f"{len(q):,}", limit=f"{MAX_QUERY_CHARS:,}")
    word_tokenize = _thai()[0]
    long_word = next(
        (
            w
            for w in map(_letters, word_tokenize(normalize(q), engine="newmm"))
            if len(w) > MAX_WORD
        ),
        None,
    )
    if long_word is not None:
        line = (
            f"q: words of more than {MAX_WORD} letters are not indexed, so cannot be searched: "
            f"{long_word[:20]!r}…"
        )
        raise Refusal(line, "q", "q_word", long_word[:20] + "…", limit=str(MAX_WORD))
    phrases: list[tuple[str, ...]] = []
    n_words = 0
    for i, chunk in enumerate(q.split('"')):
        pieces = [chunk] if i % 2 else chunk.split()
        for piece in pieces:
            phrase = tuple(words(piece))
            if phrase and phrase not in phrases:
                phrases.append(phrase)
                n_words += len(phrase)
                if n_words > MAX_QUERY_WORDS:
                    line = f"q: too many words (at most {MAX_QUERY_WORDS})"
                    raise Refusal(line, "q", "q_words", limit=str(MAX_QUERY_WORDS))
    if not phrases:
        line = f"q: nothing to search for in {q!r} (no Thai or Latin words)"
        raise Refusal(line, "q", "q_empty", q)
    return Query(tuple(phrases))


def fts5_expression(query: Query) -> str:
    # Words hold letters, marks and digits only, so quoting them cannot go wrong.
    return " AND ".join('"' + " ".join(p) + '"' for p in query.phrases)


def _tsquery_phrase(phrase: tuple[str, ...]) -> str:
    """A phrase as PostgreSQL's vectors hold it (migration 0008): a word alone, else its pairs
    of adjacent words ('w1 w2', at w1's position), one position apart. GIN holds no positions:
    asked as words (`a <-> b <-> c`), every post holding the three was a candidate, rechecked
    from its vector; asked as pairs, a two-word phrase is one lexeme of the index and a longer
    one's candidates are the few posts holding every pair."""
    if len(phrase) == 1:
        return f"'{phrase[0]}'"
    return " <-> ".join(f"'{a} {b}'" for a, b in zip(phrase, phrase[1:], strict=False))


def tsquery_expression(query: Query) -> str:
    # The migration leaves a gap between headline and body, so <-> stays inside one of them,
    # and pairs are made within each of them only.
    return " & ".join(_tsquery_phrase(p) for p in query.phrases)


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


_VECTORS = table("search_vectors", column("post_id", Integer), column("tsv", TSVECTOR))

# Hits rank in two tiers, alike on both engines: the posts whose headline holds every phrase of
# the query, then the others; within a tier the latest archived first. Each tier is read from
# the full-text index in post id order and cut at the page, so a page costs a page however many
# posts match. BM25 (FTS5) and ts_rank (PostgreSQL), ranked before, had to score every match
# first (6.8 s p95 at a million posts), and their top hits differ from one engine to the other.
HEADLINE, BODY = 2.0, 1.0
TIERS = ("headline", "body")


def _headline_fts5(query: Query) -> str:
    return "{title_words} : (" + fts5_expression(query) + ")"


def _headline_vector() -> ColumnElement[Any]:
    # Weight A marks the headline's words (see migration 0001); migration 0006 indexes them
    # apart, so the headline tier is read from an index of headlines, not by rechecking the
    # weights of every match's vector.
    return func.ts_filter(_VECTORS.c.tsv, literal_column("'{a}'::\"char\"[]"), type_=TSVECTOR)


def matches(
    session: Session,
    query: Query,
    within: Select[Any] | None = None,
    tier: str | None = None,
    ordered: bool = False,
    span: tuple[int, int] | None = None,
) -> Select[Any]:
    """The ids (post_id) of the posts the query finds, among the post ids `within` selects if
    given; of one tier only if given ("headline": every phrase in the headline; "body": the
    others); with `span` (lo, hi), only ids lo < id <= hi. With a tier or `ordered`, latest
    archived first (FTS5 yields them so from its index; PostgreSQL's GIN yields matches in table
    order, which is why newest_matches reads them span by span there)."""
    if _dialect(session) == "sqlite":
        expr = fts5_expression(query)
        if tier == "headline":
            expr = _headline_fts5(query)
        elif tier == "body":
            expr = f"({expr}) NOT {_headline_fts5(query)}"
        sql = "SELECT rowid AS post_id FROM search_fts WHERE search_fts MATCH :fts_expr"
        bounds: dict[str, Any] = {"fts_expr": expr}
        if span is not None:
            sql += " AND rowid > :fts_lo AND rowid <= :fts_hi"
            bounds |= {"fts_lo": span[0], "fts_hi": span[1]}
        fts = text(sql).bindparams(**bounds).columns(post_id=Integer).subquery("fts")
        stmt = select(fts.c.post_id)
        if within is not None:
            # "+ 0": else FTS5 runs the MATCH once per chosen post (a rowid lookup each), a
            # hundred times slower than checking each match against the chosen set.
            stmt = stmt.where((fts.c.post_id + 0).in_(within))
        return stmt.order_by(fts.c.post_id.desc()) if tier or ordered else stmt
    ts_query = cast(bindparam("ts_expr", tsquery_expression(query)), TSQUERY)
    in_headline = _headline_vector().bool_op("@@")(ts_query)
    post_id = _VECTORS.c.post_id
    if tier == "headline":
        stmt = select(post_id).where(in_headline)
    else:
        stmt = select(post_id).where(_VECTORS.c.tsv.bool_op("@@")(ts_query))
        if tier == "body":
            stmt = stmt.where(~in_headline)
    if span is not None:
        stmt = stmt.where(post_id > span[0], post_id <= span[1])
    if (tier is not None or ordered) and span is None:  # a span is sorted by its reader
        stmt = stmt.order_by(post_id.desc())
    if within is not None:
        stmt = stmt.where(post_id.in_(within))
    return stmt


#: PostgreSQL reads the newest matches span by span of post ids, from the newest: the first
#: span FIRST_SPAN ids wide, each next one SPAN_GROWTH times wider, or as wide as the matches
#: found so far say the rest needs (each match read costs a page of the vectors' table: a
#: broad word's second span had read three times the matches the facets wanted). A GIN index
#: yields every match of a word (in table order), and sorting 400,000 matches by id to keep
#: the latest 20 cost seconds; a span's matches are those of the index ANDed with the id range
#: of the primary key, so a broad word costs its first span, a rare one a few cheap spans.
FIRST_SPAN, SPAN_GROWTH = 2_000, 8


def newest_matches(
    session: Session,
    query: Query,
    within: Select[Any] | None,
    want: int,
    tier: str | None = None,
) -> list[int]:
    """The ids of the `want` latest archived posts the query finds (of `tier` if given)."""
    if _dialect(session) == "sqlite":
        stmt = matches(session, query, within, tier, ordered=True)
        return list(session.scalars(stmt.limit(want)))
    hi = session.scalar(select(func.max(Post.id)))
    out: list[int] = []
    width, read = FIRST_SPAN, 0
    while hi is not None and hi > 0 and len(out) < want:
        lo = max(0, hi - width)
        out += _span_matches(session, query, within, tier, (lo, hi))[: want - len(out)]
        read += hi - lo
        hi, width = lo, width * SPAN_GROWTH
        if out:  # no wider than the matches seen so far say the rest needs, and a quarter more
            width = max(FIRST_SPAN, min(width, (want - len(out)) * read * 5 // (4 * len(out))))
    return out


@contextmanager
def _scans_off(session: Session, *scans: str) -> Iterator[None]:
    """PostgreSQL's plans of these kinds (indexscan, seqscan) off for the reads inside only,
    so that they read bitmaps of the indexes."""
    for scan in scans:
        session.execute(text(f"SET LOCAL enable_{scan} = off"))
    try:
        yield
    finally:
        for scan in scans:
            session.execute(text(f"SET LOCAL enable_{scan} TO DEFAULT"))


def _span_matches(
    session: Session,
    query: Query,
    within: Select[Any] | None,
    tier: str | None,
    span: tuple[int, int],
) -> list[int]:
    """PostgreSQL: the ids of a span's matches, newest first, sorted here. Unordered, the
    matches come from the indexes alone (GIN ANDed with the id range); asked in id order with
    a limit, the planner walked the primary key instead and read each post's vector. The body
    tier is every match but the headline's, so no vector is read to tell them apart."""

    def ids(tier_: str | None) -> set[int]:
        return set(session.scalars(matches(session, query, within, tier_, span=span)))

    # The planner prices a vector's check as if it were not toasted, and walks the primary key
    # over the span reading every vector (0.6 s for 16,000 posts) rather than AND the id range's
    # bitmap with the word's (0.14 s): plain index scans are off for these reads only.
    with _scans_off(session, "indexscan"):
        found = ids(None) - ids("headline") if tier == "body" else ids(tier)
    return sorted(found, reverse=True)


def every_match(
    session: Session, query: Query, within: Select[Any] | None, cap: int = TOTAL_CAP
) -> tuple[list[int], set[int]] | tuple[()]:
    """PostgreSQL: every match of the query (among `within`), newest first, and those of the
    headline tier, if there are at most `cap`; else () (read no further than cap + 1: the
    total is "more than `cap`").

    One read of the word's index and one of the headlines' give the page and the exact total
    at once: read span by span and counted apart, a word of a few thousand matches had cost
    several reads of its whole bitmap (one per span, one for the count)."""

    def ids(tier: str | None) -> list[int]:
        return list(session.scalars(matches(session, query, within, tier).limit(cap + 1)))

    # Bitmaps only: as in _span_matches, and a sequential scan, which the planner prefers for
    # a word in half the posts (10,001 rows of 20,000), checks each one's toasted vector
    # (0.5 s at 100,000 posts; a bitmap of the index needs no vector at all).
    with _scans_off(session, "indexscan", "seqscan"):
        found = ids(None)
        if len(found) > cap:
            return ()
        head = set(ids("headline")) if found else set()
    return sorted(found, reverse=True), head


def top_hits(
    session: Session,
    query: Query,
    within: Select[Any] | None,
    limit: int,
    offset: int = 0,
    every: tuple[list[int], set[int]] | None = None,
) -> list[tuple[int, float]]:
    """(post id, tier score) of the page: headline tier first, each tier read only as far as
    the page reaches (or taken from `every`, every_match's answer, when given)."""
    want = offset + limit
    if every is not None:
        found, in_headline = every
        head = [(i, HEADLINE) for i in found if i in in_headline]
        body = [(i, BODY) for i in found if i not in in_headline]
        return (head + body)[offset:want]
    head = newest_matches(session, query, within, want, "headline")
    hits = [(post_id, HEADLINE) for post_id in head]
    if len(head) < want:
        rest = newest_matches(session, query, within, want - len(head), "body")
        hits += [(post_id, BODY) for post_id in rest]
    return hits[offset:]


def text_condition(session: Session, q: str) -> ColumnElement[bool]:
    """The post is one the text query finds (ValueError if there is nothing to search for)."""
    return Post.id.in_(matches(session, parse_query(q)))


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
    total_is_exact: bool = True  # False: `total` is the cap, and more posts than that match


def capped_count(session: Session, ids: Select[Any], cap: int = TOTAL_CAP) -> tuple[int, bool]:
    """How many rows `ids` selects, reading at most cap + 1 of them: (count, exact), the count
    being `cap` and exact False when there are more."""
    n = int(session.scalar(select(func.count()).select_from(ids.limit(cap + 1).subquery())) or 0)
    return min(n, cap), n <= cap


def search(
    session: Session,
    filters: Filters,
    limit: int = 20,
    offset: int = 0,
    total_cap: int = TOTAL_CAP,
) -> SearchPage:
    """One page of the posts the filters select: by relevance with a text query, else newest
    first; the total exact up to `total_cap`. Raises ValueError (one line) for a query with
    nothing to search or a bad page."""
    if not 1 <= limit <= 1000:
        raise ValueError("limit: must be between 1 and 1000")
    if offset < 0:
        raise ValueError("offset: must be 0 or more")
    query = parse_query(filters.q) if filters.q else None
    chosen = chosen_posts(filters, _dialect(session))
    every: tuple[list[int], set[int]] | tuple[()] | None = None
    if query is None:
        listed = select(Post.id)
        if chosen is not None:
            listed = listed.where(Post.id.in_(chosen))
        ordered = listed.order_by(Post.published.desc().nulls_last(), Post.id.desc())
        page = [(i, 0.0) for i in session.scalars(ordered.limit(limit).offset(offset))]
        found = listed
    else:
        if _dialect(session) == "postgresql":
            every = every_match(session, query, chosen, total_cap)
        page = top_hits(session, query, chosen, limit, offset, every or None)
        found = matches(session, query, chosen)
    if every is not None:  # every_match read them: all of them, or more than the cap
        total, exact = (len(every[0]), True) if every else (total_cap, False)
    else:
        total, exact = capped_count(session, found, total_cap) if page or offset else (0, True)
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
            .where(Post.id.in_([post_id for post_id, _ in page]))
        )
    }
    hits = []
    for post_id, score in page:
        post = details[post_id]
        hits.append(
            Hit(
                post_id=post.id,
                source=post.source,
                url=post.url,
                title=post.title,
                published=post.published,
                score=score,
                snippet=snippet(
                    post.title,
                    post.body,
                    query,
                    title_words=post.title_words,
                    body_words=post.body_words,
                ),
            )
        )
    return SearchPage(hits, total, limit, offset, query, filters, exact)


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
    segmented again, and only the body's paragraphs up to the snippet are normalised (a whole
    real post costs some 5 ms to normalise; twenty of them were most of a page's time).
    """
    if query is not None:
        if body_words is not None:
            found_in_body = _body_snippet(body, body_words, query, width)
            if found_in_body is not None:
                return found_in_body
        else:
            norm = normalize(body)
            found = _phrase_spans(_locate(norm, body_words, body), query)
            if found:
                return _cut(norm, found, width)
        title_norm = normalize(title)
        found = _phrase_spans(_locate(title_norm, title_words, title), query)
        if found:
            return Snippet(title_norm, tuple(found), "title")
    text_ = _Normalizing(body)
    text_.extend(width + 31)
    return _cut(text_.norm, [], width, text_.more)


class _Normalizing:
    """A text normalised paragraph by paragraph, as far as asked: `norm` so far and its search
    form `hay` (lower-cased, Thai digits as 0-9, same offsets); `more` while some is left."""

    def __init__(self, text_: str) -> None:
        self._paragraphs = text_.split("\n")
        self._next = 0
        self.norm = self.hay = ""

    @property
    def more(self) -> bool:
        return self._next < len(self._paragraphs)

    def extend(self, upto: int) -> None:
        while self.more and len(self.norm) < upto:
            part = normalize(self._paragraphs[self._next])
            lower = part.lower()
            hay = (lower if len(lower) == len(part) else part).translate(_THAI_DIGITS)
            sep = "\n" if self._next else ""
            self.norm, self.hay = self.norm + sep + part, self.hay + sep + hay
            self._next += 1


def _first_match(seq: list[str], query: Query) -> int | None:
    """The index in `seq` where the earliest phrase of the query begins, if any does."""
    best: int | None = None
    for phrase in query.phrases:
        i = -1
        while True:
            try:
                i = seq.index(phrase[0], i + 1)
            except ValueError:
                break
            if best is not None and i >= best:
                break
            if tuple(seq[i : i + len(phrase)]) == phrase:
                best = i
                break
    return best


def _hay(norm: str) -> str:
    """`norm` as the indexed words spell it: lower-cased, Thai digits as 0-9, same offsets."""
    lower = norm.lower()
    return (lower if len(lower) == len(norm) else norm).translate(_THAI_DIGITS)


def _skip(hay: str, pos: int) -> int:
    """The first letter or digit at or after `pos`."""
    while pos < len(hay) and not _letters(hay[pos]):
        pos += 1
    return pos


def _follows(hay: str, pos: int, words_: Sequence[str]) -> int | None:
    """Where `words_` end if they stand one after the other from `pos` (only spaces and
    punctuation between them), else None."""
    for word in words_:
        pos = _skip(hay, pos)
        if not hay.startswith(word, pos):
            return None
        pos += len(word)
    return pos


def _precedes(hay: str, pos: int, word: str | None) -> bool:
    """Whether `word` (None: the start of the text) ends just before `pos`, punctuation aside."""
    while pos > 0 and not _letters(hay[pos - 1]):
        pos -= 1
    return pos == 0 if word is None else hay.endswith(word, 0, pos)


def _window_snippet(
    body: str, seq: list[str], first: int, query: Query, width: int
) -> Snippet | None:
    """The snippet around the first match, normalising only a window of the body around the
    place its words are found (None: not found so, e.g. a spelling normalisation changed)."""
    phrase = next(p for p in query.phrases if tuple(seq[first : first + len(p)]) == p)
    previous = seq[first - 1] if first else None
    # Thai letters have no case and no digits: for Thai words the raw body is its own search
    # form, and lower-casing a whole real post for each hit cost most of a snippet.
    thai = all(_THAI_ONLY.fullmatch(w) for w in (*phrase, previous or "ก"))
    raw = body if thai else _hay(body)
    # Occurrences of the word's letters inside other words may come first: the match is where
    # the word before it ends and the phrase's words follow (checked on the raw text, then
    # again in the normalised window).
    c = raw.find(phrase[0])
    while c != -1 and not (_precedes(raw, c, previous) and _follows(raw, c, phrase)):
        c = raw.find(phrase[0], c + 1)
    if c == -1:
        return None
    lo = max(0, body.rfind(" ", 0, max(0, c - width)))
    hi = body.find(" ", c + 2 * width)
    hi = len(body) if hi == -1 else hi
    norm = normalize(body[lo:hi])
    hay = _hay(norm)
    at = hay.find(phrase[0], max(0, c - lo - 40))
    end = _follows(hay, at, phrase) if at != -1 and _precedes(hay, at, previous) else None
    if end is None:
        return None
    toks: list[Token] = []  # the words from the match on, found in order as _locate does
    cursor = at
    for word in seq[first : first + 150]:  # some 3 × width characters of Thai
        pos = hay.find(word, cursor, cursor + len(word) + 200)
        if pos != -1:
            toks.append(Token(pos, pos + len(word), word))
            cursor = pos + len(word)
    return _cut(norm, _phrase_spans(toks, query), width, hi < len(body), lo > 0)


def _body_snippet(body: str, indexed: str, query: Query, width: int) -> Snippet | None:
    """The snippet around the body's first match (None: no match): from a window around it if
    its words are found there, else finding the indexed words (as _locate does) in order only
    through the snippet's end."""
    seq = indexed.split()
    first = _first_match(seq, query)
    if first is None:
        return None
    windowed = _window_snippet(body, seq, first, query, width)
    if windowed is not None:
        return windowed
    last = first + max(len(p) for p in query.phrases)
    text_ = _Normalizing(body)
    toks: list[Token] = []
    cursor, match_start = 0, None
    for j, word in enumerate(seq):
        text_.extend(cursor + len(word) + 200)
        pos = text_.hay.find(word, cursor, cursor + len(word) + 200)
        if pos != -1:
            toks.append(Token(pos, pos + len(word), word))
            cursor = pos + len(word)
        if j == first:
            match_start = pos if pos != -1 else cursor
        if j >= last and match_start is not None and cursor > match_start + width + 30:
            break
    text_.extend(cursor + 31)
    found = _phrase_spans(toks, query)
    return _cut(text_.norm, found, width, text_.more) if found else None


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
    return _merged(found)


def _merged(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, overlapping ones made one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _cut(
    norm: str,
    spans: list[tuple[int, int]],
    width: int,
    more: bool = False,
    before: bool = False,
) -> Snippet:
    """About `width` characters of `norm` from a little before the first span (`more`, `before`:
    the text goes on past `norm`'s end, before its start)."""
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
    prefix = "…" if start > 0 or before else ""
    suffix = "…" if end < len(norm) or more else ""
    piece = norm[start:end].replace("\n", " ")
    shift = len(prefix) - start
    return Snippet(prefix + piece + suffix, tuple((s + shift, e + shift) for s, e in kept))


# --- facets -----------------------------------------------------------------------------------

FACETS = ("province", "district", "official", "site_type", "category", "source", "year")


class Facets(dict[str, list[tuple[str, int]]]):
    """Facet name → (value, posts) most first. `exact` False: more than `among` posts were
    selected, and the counts are of the `among` latest archived of them (a sample, as
    Elasticsearch's sampler), not of all."""

    def __init__(self, counts: dict[str, list[tuple[str, int]]], among: int | None = None):
        super().__init__(counts)
        self.among = among

    @property
    def exact(self) -> bool:
        return self.among is None


def among_ids(col: Any, ids: list[int], dialect: str) -> ColumnElement[bool]:
    """`col` is one of `ids` (not empty), bound as one parameter (an array; JSON on SQLite)
    whatever their number, within their range too: the latest posts' ids are close together,
    and the range lets the engine read just their part of an index on `col`."""
    if dialect == "sqlite":
        listed = bindparam("ids_json", json.dumps(ids), unique=True)
        chosen = select(column("value")).select_from(func.json_each(listed))
    else:
        array = bindparam("ids", ids, type_=ARRAY(Integer), unique=True)
        chosen = select(func.unnest(array))
    return and_(col.between(min(ids), max(ids)), col.in_(chosen))


def facets(
    session: Session,
    filters: Filters,
    limit: int = 20,
    cap: int = TOTAL_CAP,
    sample: int = SAMPLE,
) -> Facets:
    """How many of the selected posts fall under each value, most first, `limit` per facet;
    exact up to `sample` selected posts (at most `cap`), else counted among that many latest
    archived of them.

    The selection is read once, as at most sample + 1 post ids (from the full-text index in
    post id order with a text query), and every facet counts among those ids: the cost is that
    of `sample` posts at any size of archive. Province, district, official (the person, without
    honorific) and site type count the posts whose visits (of the chosen pipeline version,
    matching the visit filters) have the value, in one read of the visit terms by post.
    """
    dialect = _dialect(session)
    cap = min(cap, sample)
    if filters.q:
        query = parse_query(filters.q)
        ids = newest_matches(session, query, chosen_posts(filters, dialect), cap + 1)
    else:
        ids = _newest_posts(session, filters, dialect, cap + 1)
    exact = len(ids) <= cap
    ids = ids[:cap]
    out: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    if ids:
        out.update(_term_facets(session, filters, ids, dialect, limit))
        out.update(_post_facets(session, ids, dialect, limit))
    return Facets(out, None if exact else cap)


def _newest_posts(session: Session, filters: Filters, dialect: str, want: int) -> list[int]:
    """The ids of the `want` latest archived posts the filters (without a text query) select.

    Chosen by their visits alone, they are read as the visits' post ids, from the indexes of
    the visit terms or of the visits' dates (a lookup of each post had cost 0.15 s at a
    million posts)."""
    if post_conditions(filters, dialect, with_visits=False) or not filters.on_visits:
        selected = select(Post.id.label("post_id")).where(*post_conditions(filters, dialect))
    else:
        selected = term_visit_ids(filters)
        if selected is None:
            selected = select(Visit.post_id).where(*visit_conditions(filters))
    chosen = selected.subquery("chosen")
    newest = select(chosen.c.post_id).distinct().order_by(chosen.c.post_id.desc()).limit(want)
    return list(session.scalars(newest))


#: The facets counted from visit terms: name, kind of term, whether the value or the key.
_TERM_FACETS = (
    ("province", "province", "value"),
    ("district", "district", "value"),
    ("official", "official", "key"),
    ("site_type", "site", "key"),
)


def _term_facets(
    session: Session, filters: Filters, ids: list[int], dialect: str, limit: int
) -> dict[str, list[tuple[str, int]]]:
    """Posts per province, district, official and site type among `ids`, in one query."""
    grouped = case(
        *((VisitTerm.kind == kind, getattr(VisitTerm, col)) for _, kind, col in _TERM_FACETS)
    )
    n_posts = func.count(VisitTerm.post_id.distinct())
    conds = [
        among_ids(VisitTerm.post_id, ids, dialect),
        VisitTerm.kind.in_([kind for _, kind, _ in _TERM_FACETS]),
        grouped.is_not(None),
    ]
    if not filters.pipeline_version:
        conds.append(VisitTerm.current.is_(True))
    if filters.on_visits or filters.pipeline_version:
        # The visits the filters select, from the terms' index alone where they are terms,
        # else among the visits of the chosen posts' range of ids: the whole selection of
        # visits cost a lookup of each (12,000 for a province at a million posts).
        chosen = term_visit_ids(filters)
        if chosen is None:
            in_range = Visit.post_id.between(min(ids), max(ids))
            chosen = select(Visit.id).where(in_range, *visit_conditions(filters))
        else:
            terms = chosen.subquery("terms")
            chosen = select(terms.c.id).where(terms.c.post_id.between(min(ids), max(ids)))
        conds.append(VisitTerm.visit_id.in_(chosen))
    counted = (
        select(VisitTerm.kind.label("kind"), grouped.label("v"), n_posts.label("n"))
        .where(*conds)
        .group_by(VisitTerm.kind, grouped)
        .subquery()
    )
    rank = func.row_number().over(
        partition_by=counted.c.kind, order_by=(counted.c.n.desc(), counted.c.v)
    )
    ranked = select(counted, rank.label("r")).subquery()
    stmt = (
        select(ranked.c.kind, ranked.c.v, ranked.c.n)
        .where(ranked.c.r <= limit)
        .order_by(ranked.c.kind, ranked.c.r)
    )
    name_of = {kind: name for name, kind, _ in _TERM_FACETS}
    out: dict[str, list[tuple[str, int]]] = {name: [] for name, _, _ in _TERM_FACETS}
    for kind, value, n in session.execute(stmt):
        out[name_of[kind]].append((str(value), int(n)))
    return out


def _post_facets(
    session: Session, ids: list[int], dialect: str, limit: int
) -> dict[str, list[tuple[str, int]]]:
    """Posts per category, site and year among `ids` (the posts' own columns), reading each
    post once for the three (each facet reading them apart had cost three lookups a post)."""
    read = (
        select(Post.id, Post.categories, Post.source, Post.published)
        .where(among_ids(Post.id, ids, dialect))
        .cte("read")
        .prefix_with("MATERIALIZED")
    )
    items = json_items(read.c.categories, dialect)
    year = func.extract("year", read.c.published)
    parts = [
        select(literal("category"), items.c.value, func.count(read.c.id.distinct()))
        .select_from(read)
        .join(items, true())
        .group_by(items.c.value),
        select(literal("source"), read.c.source, func.count()).group_by(read.c.source),
        select(literal("year"), cast(cast(year, Integer), String), func.count())
        .where(read.c.published.is_not(None))
        .group_by(year),
    ]
    counted: dict[str, list[tuple[Any, int]]] = {"category": [], "source": [], "year": []}
    for facet, value, n in session.execute(union_all(*parts)):
        counted[facet].append((value, int(n)))
    out = {
        facet: [(str(v), n) for v, n in sorted(counted[facet], key=lambda vn: (-vn[1], str(vn[0])))]
        for facet in ("category", "source")
    }
    by_year = sorted(((int(y), n) for y, n in counted["year"]), reverse=True)
    out["year"] = [(str(y), n) for y, n in by_year]
    return {facet: values[:limit] for facet, values in out.items()}
