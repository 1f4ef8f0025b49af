"""Thai full-text search. Thai has no spaces, so text is segmented into words with PyThaiNLP both
when indexing and when querying; the engine's own full-text index does the rest."""

from __future__ import annotations

import re
from functools import lru_cache

from sqlalchemy import text
from sqlalchemy.orm import Session

from archive.db import is_sqlite
from archive.models import Post, SearchDoc

_SPACE = re.compile(r"\s+")
_KEEP = re.compile(r"[\w\u0E00-\u0E7F]", re.UNICODE)


@lru_cache(maxsize=1)
def _tokenizer():  # type: ignore[no-untyped-def]
    from pythainlp.tokenize import word_tokenize

    return word_tokenize


def words(text_: str) -> list[str]:
    """The words of a text as search sees them: segmented, lower-cased, punctuation dropped."""
    tokens = _tokenizer()(text_ or "", engine="newmm", keep_whitespace=False)
    out = []
    for tok in tokens:
        tok = "".join(ch for ch in tok.lower() if _KEEP.match(ch))
        if tok:
            out.append(tok)
    return out


def index_post(session: Session, post: Post) -> None:
    doc = session.get(SearchDoc, post.id)
    title_words = " ".join(words(post.title))
    body_words = " ".join(words(post.body))
    if doc is None:
        session.add(SearchDoc(post_id=post.id, title_words=title_words, body_words=body_words))
    else:
        doc.title_words, doc.body_words = title_words, body_words
    if is_sqlite(session.get_bind()):
        session.flush()
        session.execute(text("DELETE FROM search_fts WHERE rowid = :id"), {"id": post.id})
        session.execute(
            text("INSERT INTO search_fts(rowid, title_words, body_words) VALUES (:id, :t, :b)"),
            {"id": post.id, "t": title_words, "b": body_words},
        )
