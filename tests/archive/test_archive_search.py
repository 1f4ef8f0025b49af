"""Thai full-text search as a researcher uses it: words inside unbroken Thai text, phrases,
no hit on a piece of a syllable, ranking, snippets, and an index that follows the posts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from archive_data import CORPUS, ENGINES, MINISTER, add_post, archive_id, site_id
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select

from archive import db
from archive.db import session_scope
from archive.filters import Filters
from archive.migrate import upgrade
from archive.models import Post
from archive.search import BODY, HEADLINE, SearchPage, facets, normalize, search


@pytest.fixture(scope="module", params=ENGINES)
def corpus(request: pytest.FixtureRequest, make_archive: Callable[[str], str]) -> str:
    url = make_archive(request.param)
    with session_scope(url) as session:
        for post_id, (title, body) in CORPUS.items():
            add_post(session, post_id, title, body)
    return url


def find(url: str, q: str, **filters: object) -> SearchPage:
    with session_scope(url) as session:
        return search(session, Filters(q=q, **filters))  # type: ignore[arg-type]


def ranked(url: str, page: SearchPage) -> list[int]:
    """The site's ids of the posts found, in order (the tests store posts under those)."""
    with session_scope(url) as session:
        return [site_id(session, h.post_id) for h in page.hits]


def ids(url: str, q: str) -> set[int]:
    return set(ranked(url, find(url, q)))


def test_a_word_inside_an_unbroken_run_of_thai_is_found(corpus: str) -> None:
    # "...ลงพื้นที่ตรวจเยี่ยมโรงเรียนบ้านห้วยปลาหลด..." has no space around either word.
    assert ids(corpus, "ห้วยปลาหลด") == {101}
    assert ids(corpus, "ความเร็วสูง") == {101}
    assert ids(corpus, "ศาลากลาง") == {102}


def test_a_word_inside_a_compound_the_dictionary_holds_whole_is_found(corpus: str) -> None:
    # PyThaiNLP segments the ministry's name and ผู้ว่าราชการจังหวัด as single words.
    assert ids(corpus, "เศรษฐกิจ") == {101}
    assert ids(corpus, "ราชการ") == {102}
    assert ids(corpus, "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม") == {101}


def test_no_hit_on_a_piece_of_a_syllable_or_of_a_word(corpus: str) -> None:
    assert ids(corpus, "ตา") == set()  # only ตาก, ตาม and ติดตาม in the posts
    assert ids(corpus, "หวัด") == set()  # only จังหวัด
    assert ids(corpus, "inter") == set()  # only Internet
    assert ids(corpus, "ตาก") == {101}


def test_several_words_must_all_occur_anywhere(corpus: str) -> None:
    assert ids(corpus, "ตรวจเยี่ยม โรงเรียน") == {101, 103}
    assert ids(corpus, "ตรวจเยี่ยม เชียงใหม่") == set()
    assert ids(corpus, "ชุมชน เชียงราย") == {103}


def test_a_quoted_phrase_needs_its_words_together(corpus: str) -> None:
    # 103 has both words, apart ("...ตรวจเยี่ยมศูนย์... ให้โรงเรียน...").
    assert ids(corpus, '"ตรวจเยี่ยม โรงเรียน"') == {101}
    assert ids(corpus, '"ตรวจเยี่ยมโรงเรียน"') == {101}
    assert ids(corpus, '"โรงเรียน ตรวจเยี่ยม"') == set()


def test_a_phrase_is_found_however_often_its_words_came_before(archive_url: str) -> None:
    # A long post (minutes: การประชุม at every item) names the cabinet's meeting after its 300th
    # ประชุม. A PostgreSQL tsvector keeps 256 places of a word, so the phrase's words apart could
    # not place it there; its pairs of adjacent words (migration 0008), each rare, can, as FTS5
    # does from its own positions.
    body = " ".join(["การประชุม"] * 300) + " แล้วเข้าประชุมคณะรัฐมนตรี"
    with session_scope(archive_url) as session:
        add_post(session, 1, "รายงานการประชุม", body)
    assert ids(archive_url, '"ประชุมคณะรัฐมนตรี"') == {1}
    assert ids(archive_url, "เข้าประชุม คณะรัฐมนตรี") == {1}
    assert ids(archive_url, '"ประชุม แล้ว"') == {1}
    assert ids(archive_url, '"คณะรัฐมนตรี ประชุม"') == set()


@pytest.mark.postgres
def test_migrating_makes_the_stored_posts_phrases_findable(
    make_archive: Callable[..., str],
) -> None:
    # An archive of revision 0007 (vectors of words alone) upgraded in place: its posts are found
    # by phrase as the pairs of adjacent words the queries now ask for.
    url = make_archive("postgresql", "0007")
    with session_scope(url) as session:
        add_post(session, 1, "ข่าวศูนย์ดำรงธรรม", "ผู้ว่าฯ ตรวจศูนย์ดำรงธรรมจังหวัด")
        add_post(session, 2, "ข่าวศูนย์", "ศูนย์ราชการ ดำรงตำแหน่ง ธรรมาภิบาล")
    upgrade(url)
    assert ids(url, "ศูนย์ดำรงธรรม") == {1}
    assert ids(url, '"ตรวจ ศูนย์"') == {1}
    assert [h.score for h in find(url, "ศูนย์ดำรงธรรม").hits] == [HEADLINE]  # its headline's


def test_spelling_variants_and_thai_digits_match(corpus: str) -> None:
    assert ids(corpus, "แห่งชาติ") == {104}  # the post wrote เเห่ง with two SARA E
    assert ids(corpus, "2565") == {101, 104}  # 104 wrote ๒๕๖๕
    assert ids(corpus, "INTERNET") == {103}


def test_a_match_in_the_headline_ranks_above_one_in_the_body(corpus: str) -> None:
    page = find(corpus, "เน็ตประชารัฐ")
    assert ranked(corpus, page) == [104, 102]
    assert page.hits[0].score > page.hits[1].score
    assert page.total == 2


def test_headline_matches_come_first_then_the_latest_archived(archive_url: str) -> None:
    with session_scope(archive_url) as session:
        add_post(session, 1, "ภัยแล้ง ภัยแล้ง", "ภัยแล้ง ภัยแล้ง ภัยแล้ง ภัยแล้ง")  # most mentions
        add_post(session, 2, "ข่าวภัยแล้ง", "ประชุม")
        add_post(session, 3, "ข่าวประชุม", "เรื่องภัยแล้ง")  # the latest, in its body only
        add_post(session, 4, "ข่าวประชุม", "ไม่เกี่ยวข้อง")
        ids = list(session.scalars(select(Post.id).order_by(Post.id)))
        pages = [search(session, Filters(q="ภัยแล้ง"), limit=1, offset=n) for n in range(4)]
    first, second, third = ids[1], ids[0], ids[2]
    assert [h.post_id for p in pages for h in p.hits] == [first, second, third]
    assert [p.total for p in pages] == [3, 3, 3, 3]  # past the last hit: an empty page


def test_the_latest_matches_are_found_across_spans_of_post_ids(
    archive_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PostgreSQL reads the newest matches span by span of ids (archive.search.newest_matches);
    # spans of 2, 4, 8… ids over 12 posts make a page and the facets' sample cross several,
    # matches sitting in some spans and not in others, headline ones among them.
    monkeypatch.setattr("archive.search.FIRST_SPAN", 2)
    monkeypatch.setattr("archive.search.SPAN_GROWTH", 2)
    with session_scope(archive_url) as session:
        for n in range(1, 13):
            title = "ข่าวภัยแล้ง" if n in (2, 9) else "ข่าวประชุม"
            body = "เรื่องภัยแล้ง" if n % 3 == 0 else "ไม่เกี่ยวข้อง"
            add_post(session, n, title, body)
        ids = {n: archive_id(session, n) for n in range(1, 13)}
        page = search(session, Filters(q="ภัยแล้ง"), limit=4)
        rest = search(session, Filters(q="ภัยแล้ง"), limit=4, offset=4)
        # More matches than the total's cap: the page is read span by span (on PostgreSQL; a
        # total within the cap comes with every match at once, see the next test).
        spanned = search(session, Filters(q="ภัยแล้ง"), limit=4, total_cap=4)
        counted = facets(session, Filters(q="ภัยแล้ง"), cap=3)
    headline, body_only = [ids[9], ids[2]], [ids[12], ids[6], ids[3]]
    assert [h.post_id for h in page.hits + rest.hits] == headline + body_only
    assert (page.total, page.total_is_exact) == (5, True)
    assert [h.post_id for h in spanned.hits] == (headline + body_only)[:4]
    assert (spanned.total, spanned.total_is_exact) == (4, False)
    assert counted.among == 3 and counted["year"] == [("2022", 3)]  # the 3 latest of the 5


@pytest.mark.postgres
def test_a_total_within_the_cap_comes_with_the_page_from_two_reads_of_the_index(
    make_archive: Callable[..., str],
) -> None:
    # PostgreSQL: the page and the exact total of a query of at most TOTAL_CAP matches come from
    # one read of the words' index and one of the headlines' (span by span and counted apart,
    # a word of a few thousand matches had cost a read of its whole bitmap per span and one
    # more for the count).
    url = make_archive("postgresql")
    with session_scope(url) as session:
        for n in range(1, 7):
            add_post(session, n, "ข่าวภัยแล้ง" if n == 2 else "ข่าว", "เรื่องภัยแล้ง" if n % 2 else "")
        expected = [archive_id(session, n) for n in (2, 5, 3, 1)]
    reads: list[str] = []
    engine = db.get_engine(url)

    def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        if "search_vectors" in statement:
            reads.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        page = find(url, "ภัยแล้ง")
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert [h.post_id for h in page.hits] == expected
    assert [h.score for h in page.hits] == [HEADLINE, BODY, BODY, BODY]
    assert (page.total, page.total_is_exact) == (4, True)
    assert len(reads) == 2


def test_snippet_marks_the_matched_words_in_the_post_text(corpus: str) -> None:
    hit = find(corpus, "โรงเรียน ด่านแม่ละเมา").hits[0]
    snippet = hit.snippet
    marked = [snippet.text[s:e] for s, e in snippet.spans]
    assert marked == ["โรงเรียน", "ด่านแม่ละเมา"]
    assert "[โรงเรียน]บ้านห้วยปลาหลด ตำบล[ด่านแม่ละเมา]" in snippet.marked()
    assert snippet.text.strip("…") in normalize(MINISTER)


def test_snippet_is_plain_text_even_when_the_post_holds_markup(
    archive_url: str,
) -> None:
    body = 'ข้อความ <script>alert("x")</script> เกี่ยวกับเน็ตประชารัฐ & <b>ชุมชน</b>'
    with session_scope(archive_url) as session:
        add_post(session, 7, "หัวข้อ", body)
    snippet = find(archive_url, "เน็ตประชารัฐ").hits[0].snippet
    assert snippet.text == body  # the text as it is: escaping is the page's job
    assert [snippet.text[s:e] for s, e in snippet.spans] == ["เน็ตประชารัฐ"]


def test_a_match_deep_in_a_long_post_is_marked_where_it_stands(archive_url: str) -> None:
    # Paragraphs before the match and after it: only those up to the snippet are read.
    filler = "\n".join(f"ย่อหน้าที่ {n} ว่าด้วยการประชุมประจำเดือน" for n in range(40))
    body = f"{filler}\nนายกรัฐมนตรีตรวจเยี่ยมศูนย์ดิจิทัลชุมชนบ้านแม่ริม\n{filler}"
    with session_scope(archive_url) as session:
        add_post(session, 8, "ข่าว", body)
    snippet = find(archive_url, "ศูนย์ดิจิทัลชุมชน").hits[0].snippet
    assert "ตรวจเยี่ยม[ศูนย์ดิจิทัลชุมชน]บ้านแม่ริม" in snippet.marked()
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert snippet.text.strip("…") in normalize(body).replace("\n", " ")


def test_a_headline_only_match_gets_its_snippet_from_the_headline(corpus: str) -> None:
    snippet = find(corpus, "อาสาสมัคร").hits[0].snippet
    assert snippet.source == "title"
    assert snippet.marked() == "[อาสาสมัคร]ดิจิทัลจังหวัดเชียงราย"


@pytest.mark.parametrize(
    "q",
    [
        '"unbalanced',
        '"',
        "NEAR(",
        "NEAR(a b)",
        "*",
        "โรงเรียน*",
        "a OR",
        "AND",
        "title:โรงเรียน",
        "-โรงเรียน",
        "^โรงเรียน",
        "((()))",
        "'; DROP TABLE posts; --",
        "':* & !",
        "\\",
    ],
)
def test_a_malformed_query_never_reaches_the_engine_as_syntax(corpus: str, q: str) -> None:
    try:
        page = find(corpus, q)
    except ValueError as exc:
        assert str(exc).startswith("q: ")
        assert "\n" not in str(exc)
    else:
        assert page.total == len(page.hits)
    assert ids(corpus, "โรงเรียน") == {101, 103}  # the archive is intact


# What a user might type: operator characters and words of both FTS syntaxes, quotes, Thai.
QUERY_TEXT = st.lists(
    st.sampled_from(
        [*"\"*()^:-+{}[],.;'\\<>&|!~ \tนะตกาAaZz0๑", "NEAR", "AND", "OR", "NOT", "โรงเรียน"]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(q=QUERY_TEXT)
def test_any_typed_query_gives_results_or_one_clear_line(corpus: str, q: str) -> None:
    try:
        page = find(corpus, q)
    except ValueError as exc:
        assert str(exc).startswith("q: ") and "\n" not in str(exc)
    else:
        assert page.total >= len(page.hits)
        assert all(post_id in CORPUS for post_id in ranked(corpus, page))


def test_operator_characters_are_dropped_not_obeyed(corpus: str) -> None:
    assert ids(corpus, "โรงเรียน*") == {101, 103}
    assert ids(corpus, "title:โรงเรียน") == set()  # "title" is a word no post has


def test_an_empty_query_is_refused_with_one_line(corpus: str) -> None:
    with pytest.raises(ValueError, match="^q: nothing to search for"):
        find(corpus, " * ")


def test_a_pasted_page_is_refused_by_its_length_before_it_is_segmented(corpus: str) -> None:
    # 15,000 words would take seconds to segment only to be refused for their number.
    with pytest.raises(ValueError, match=r"^q: too long \(119,999 characters; at most 1,000\)$"):
        find(corpus, " ".join(["จังหวัด"] * 15_000))
    with pytest.raises(ValueError, match="^q: too many words"):
        find(corpus, " ".join(f"โรงเรียน{n}" for n in range(40)))  # 80 words, 560 characters


def test_a_word_longer_than_the_index_keeps_is_refused_for_what_it_is(corpus: str) -> None:
    long_word = "x" * 200
    with pytest.raises(ValueError, match="^q: words of more than 100 letters are not indexed"):
        find(corpus, long_word)
    with pytest.raises(ValueError, match="^q: words of more than 100 letters are not indexed"):
        find(corpus, f"จังหวัด {long_word}")  # not silently dropped from a longer query
    assert find(corpus, "x" * 100).total == 0  # as long as the index keeps: searched


def test_pages_of_results(corpus: str) -> None:
    first = find(corpus, "จังหวัด")
    with session_scope(corpus) as session:
        second = search(session, Filters(q="จังหวัด"), limit=2, offset=1)
    assert first.total == second.total == 3
    assert [h.post_id for h in second.hits] == [h.post_id for h in first.hits[1:3]]
    with pytest.raises(ValueError, match="^limit"), session_scope(corpus) as session:
        search(session, Filters(q="จังหวัด"), limit=0)


def test_totals_are_exact_up_to_the_cap_then_more_than_it(corpus: str) -> None:
    with session_scope(corpus) as session:
        exact = search(session, Filters(q="จังหวัด"), total_cap=3)
        capped = search(session, Filters(q="จังหวัด"), limit=1, total_cap=2)
        listed = search(session, Filters(), limit=1, total_cap=2)
    assert (exact.total, exact.total_is_exact) == (3, True)
    assert (capped.total, capped.total_is_exact) == (2, False)
    assert [h.post_id for h in capped.hits] == [exact.hits[0].post_id]  # ranking unchanged
    assert (listed.total, listed.total_is_exact) == (2, False)


def test_no_query_lists_the_filtered_posts_newest_first(archive_url: str) -> None:
    with session_scope(archive_url) as session:
        add_post(session, 1, "เก่า", "ข่าวเก่า", published="2020-01-01")
        add_post(session, 2, "ใหม่", "ข่าวใหม่", published="2023-01-01")
        page = search(session, Filters())
    assert ranked(archive_url, page) == [2, 1]
    assert page.total == 2


def test_the_index_follows_changed_and_deleted_posts(archive_url: str) -> None:
    with session_scope(archive_url) as session:
        add_post(session, 5, "ข่าว", "ติดตั้งอินเทอร์เน็ตที่โรงเรียน")
        add_post(session, 6, "ข่าว", "ประชุมที่ศาลากลาง")
    assert ids(archive_url, "อินเทอร์เน็ต") == {5}

    with session_scope(archive_url) as session:
        assert add_post(session, 5, "ข่าว", "ติดตั้งกล้องวงจรปิดที่โรงเรียน") == "changed"
    assert ids(archive_url, "อินเทอร์เน็ต") == set()
    assert ids(archive_url, "กล้องวงจรปิด") == {5}

    with session_scope(archive_url) as session:
        session.delete(session.get(Post, archive_id(session, 5)))
    assert ids(archive_url, "โรงเรียน") == set()
    assert ids(archive_url, "ศาลากลาง") == {6}
    with session_scope(archive_url) as session:
        assert session.scalars(select(Post.source_id)).all() == [6]
