"""The lookup core as a library: data in, data out, nothing printed."""

from __future__ import annotations

import pytest

from errlookup.catalog import load_all, parse_sources
from errlookup.errors import ExitCode, UsageError
from errlookup.index import Index, normalize
from errlookup.lookup import resolve


@pytest.fixture(scope="module")
def index() -> Index:
    return Index.build(load_all(include_user=False).catalogs)


def found(index: Index, query: str, sources=None) -> list[tuple[str, str | None, str]]:
    return [(m.entry.source, m.entry.code, m.match) for m in resolve(index, query, sources).matches]


def test_numeric_code_finds_every_message_in_every_section(index: Index) -> None:
    result = resolve(index, "7302")
    assert {(m.entry.section, m.entry.message) for m in result.matches} == {
        ("Messaging", "Rate limit exceeded"),
        ("Transaction Status", "Rate limit exceeded"),
    }
    assert all(m.match == "exact" and m.score == 100 for m in result.matches)


def test_shared_number_is_answered_for_every_vendor(index: Index) -> None:
    sources = {s for s, _, _ in found(index, "401")}
    assert sources == {"rev23", "askia"}  # HTTP status at one vendor, report error at another


def test_string_codes_and_names_ignore_case(index: Index) -> None:
    assert found(index, "EXPIRED_TOKEN") == [("voipnow", "expired_token", "exact")]
    assert found(index, "objectinuse") == [("askia", "105", "name")]
    assert found(index, "clpfunctionexception") == [("salto", "3010", "name")]


def test_legacy_code_resolves_to_the_current_entry(index: Index) -> None:
    assert found(index, "3") == [("askia", "2", "legacy")]
    # 710 is a current code and the old number of 709: both are shown, the current one first
    assert found(index, "710") == [("askia", "710", "exact"), ("askia", "709", "legacy")]


def test_source_qualified_query_and_source_filter(index: Index) -> None:
    assert found(index, "askia:105") == [("askia", "105", "exact")]
    assert found(index, "ASKIA:ObjectInUse") == [("askia", "105", "name")]
    assert {s for s, _, _ in found(index, "400", ["voipnow"])} == set()
    assert {s for s, _, _ in found(index, "401", ["rev23"])} == {"rev23"}
    # a qualifier outside the --source filter finds nothing
    assert found(index, "askia:105", ["salto"]) == []


def test_colon_inside_a_message_is_not_a_source(index: Index) -> None:
    result = resolve(index, "Parameter missing: appid")
    assert result.matches and result.matches[0].entry.code == "7623"


def test_leading_zeros_and_whitespace(index: Index) -> None:
    assert normalize(" 007302 ") == "7302"
    assert found(index, "  007302\t")[0][1] == "7302"


def test_empty_query_is_a_usage_error(index: Index) -> None:
    with pytest.raises(UsageError) as info:
        resolve(index, "  \x00 ")
    assert info.value.exit_code == ExitCode.USAGE


def test_unknown_source_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown source 'nope'"):
        parse_sources(["askia,nope"], ["askia", "salto"])
    assert parse_sources(["askia, SALTO", "askia"], ["askia", "salto"]) == ["askia", "salto"]
    assert parse_sources(None, ["askia"]) is None


def test_exact_lookups_use_the_index_not_a_scan(index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    def scanned(self):
        raise AssertionError("a look-up walked every entry")

    # with the list of all entries out of reach, only the prebuilt tables can answer
    monkeypatch.setattr(Index, "entries", property(scanned))
    assert found(index, "7302")
    assert found(index, "ObjectInUse")
