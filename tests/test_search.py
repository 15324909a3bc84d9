"""Text search, ranking quality and "did you mean", through the CLI and the core."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from errlookup.catalog import load_all
from errlookup.index import Index
from errlookup.lookup import resolve
from errlookup.search import SearchIndex, suggest

DATA = Path(__file__).parent / "data"
# Two labelled sets written apart from the code: one by kind of slip (typos,
# paraphrases, word order ...), one of natural queries typed from memory.
QUERIES = json.loads((DATA / "search_queries.json").read_text(encoding="utf-8"))
NATURAL = json.loads((DATA / "search_queries_natural.json").read_text(encoding="utf-8"))
THIRD = json.loads((DATA / "search_queries_third.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def index() -> Index:
    return Index.build(load_all(include_user=False).catalogs)


def _is_expected(match, expect: list[dict]) -> bool:
    e = match.entry
    return any(
        e.source == x["source"] and e.code == x["code"] and (x.get("message") is None or x["message"] == e.message)
        for x in expect
    )


def test_query_set_is_large_and_varied() -> None:
    assert len(QUERIES) >= 50
    assert len({q["kind"] for q in QUERIES}) >= 6
    assert len({x["source"] for q in QUERIES for x in q["expect"]}) == 5


@pytest.mark.parametrize("queries", [QUERIES, NATURAL, THIRD], ids=["by-kind", "natural", "third"])
def test_ranking_quality_on_the_labelled_queries(index: Index, queries: list[dict]) -> None:
    first = top3 = 0
    misses = []
    for q in queries:
        matches = resolve(index, q["query"], limit=5, min_score=0).matches
        hit1 = bool(matches) and _is_expected(matches[0], q["expect"])
        hit3 = any(_is_expected(m, q["expect"]) for m in matches[:3])
        first += hit1
        top3 += hit3
        if not hit1:
            misses.append(q["query"])
    assert first / len(queries) >= 0.90, misses
    assert top3 / len(queries) >= 0.98, misses


def test_text_query_is_a_fuzzy_search_with_scores(run) -> None:
    result = run("--json", "rate limit exeeded")
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert (data[0]["source"], data[0]["code"], data[0]["match"]) == ("imiconnect", "7302", "fuzzy")
    assert all(0 <= d["score"] <= 100 for d in data)
    assert [d["score"] for d in data] == sorted((d["score"] for d in data), reverse=True)
    assert data[0]["score"] < 100  # 100 is kept for exact look-ups


def test_search_command_limit_and_min_score(run) -> None:
    many = json.loads(run("search", "invalid", "parameter", "--json", "--limit", "20").stdout)
    assert len(many) == 20
    few = json.loads(run("search", "invalid", "parameter", "--json", "--limit", "2").stdout)
    assert few == many[:2]
    strict = json.loads(run("search", "rate", "limit", "exceeded", "--json", "--min-score", "90").stdout)
    assert strict and all(d["score"] >= 90 for d in strict)
    assert run("search", "zzqx", "wvvq").exit_code == 1
    assert run("search", "x", "--limit", "0").exit_code == 2


def test_search_respects_source_filter(run) -> None:
    data = json.loads(run("search", "access", "denied", "--json", "-s", "askia").stdout)
    assert data and {d["source"] for d in data} == {"askia"}
    assert data[0]["code"] == "111"


@pytest.mark.parametrize(
    ("query", "source", "code"),
    [
        ("unauthorised request", "salto", "1500"),
        ("7302 rate", "imiconnect", "7302"),
        ("EXISTS ALREADY POD NAME", "salto", "2213"),
        ("pod name alredy exists", "salto", "2213"),
        ("token expired", "voipnow", "expired_token"),
        ("object in use", "askia", "105"),
        ("db error", "askia", "106"),  # everyday abbreviation
        ("810 quota lock failed", "askia", "809"),  # 810 is 809's number in old versions
        ("DID number already in use", "askia", "604"),  # "did" is no stop word here
    ],
)
def test_what_people_type(index: Index, query: str, source: str, code: str) -> None:
    top = resolve(index, query).matches[0].entry
    assert (top.source, top.code) == (source, code)


def test_ties_prefer_the_shorter_more_specific_message(index: Index) -> None:
    matches = resolve(index, "message expired", limit=10).matches
    texts = [m.entry.message for m in matches]
    assert texts[0] == "Message expired"
    assert texts.index("Message expired before delivery attempt") > texts.index("Message expired")


def test_numbers_in_text_match_exactly(index: Index) -> None:
    # 10003 is no code: it must not count as a near miss of 10002 (CcaTimeout) or 10001
    searcher = SearchIndex(index)
    matches = searcher.search("10003 cca timeout", min_score=0, limit=5)
    assert matches[0].entry.code == "10002"
    assert all(not (m.matched & {"10001", "10002"}) for m in matches)
    # the right number does count: it lifts its own entry over its word-alike neighbour
    assert searcher.search("7301 message expired", limit=1)[0].entry.code == "7301"


@pytest.mark.parametrize(
    ("query", "expected"),
    [("expird_token", "expired_token"), ("ObjectInUs", "ObjectInUse"), ("QuotaLockFaild", "QuotaLockFailed"),
     ("7320", "7302")],
)  # fmt: skip
def test_did_you_mean(run, query: str, expected: str) -> None:
    result = run(query)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "did you mean" in result.stderr and expected in result.stderr


@pytest.mark.parametrize("junk", ["qqqzzzxx", "x_y_z_w", "asdfghjkl_qwerty", "1234567890123456789012345"])
def test_junk_gets_no_suggestion(index: Index, junk: str) -> None:
    assert suggest(index, junk) == []


def test_matched_words_are_highlighted_on_a_terminal(run) -> None:
    out = run("rate limit exeeded", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[1;33mexceeded\x1b[0m" in out  # the typed "exeeded" matched "exceeded"
    plain = run("rate limit exeeded").stdout
    assert "\x1b[" not in plain


def test_search_index_is_built_once_per_process(index: Index) -> None:
    from errlookup.search import search_index

    assert search_index(index) is search_index(index)


@pytest.mark.parametrize("junk", ["hello world", "the quick brown fox", "lorem ipsum dolor"])
def test_text_with_nothing_in_common_finds_nothing(run, junk: str) -> None:
    result = run(junk)
    assert result.exit_code == 1 and result.stdout == ""


def test_skipping_entries_that_cannot_place_never_changes_the_answer(index: Index) -> None:
    searcher = SearchIndex(index)
    for q in QUERIES + NATURAL + THIRD:
        top = searcher.search(q["query"], limit=5, min_score=0)
        everything = searcher.search(q["query"], limit=100_000, min_score=0)
        assert [(m.entry, m.score) for m in top] == [(m.entry, m.score) for m in everything[:5]], q["query"]
