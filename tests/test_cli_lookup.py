"""``errlookup QUERY...`` as a user runs it: tables, JSON, exit statuses, odd input."""

from __future__ import annotations

import json
import re

import pytest

CONTRACT_KEYS = {
    "query", "source", "code", "name", "http_status", "message", "description",
    "section", "category", "remarks", "match", "score",
}  # fmt: skip


def in_order(text: str, output: str) -> bool:
    """Every word of text appears in output in order (a wrapped cell interleaves with others)."""
    tokens = iter(output.split())
    return all(any(word == token for token in tokens) for word in text.split())


def test_lookup_prints_a_table_with_every_meaning(run) -> None:
    result = run("7302")
    assert result.exit_code == 0
    assert "imiconnect" in result.stdout
    assert "Rate limit exceeded" in result.stdout
    assert "Returned when the rate limit" in result.stdout
    assert "Messaging" in result.stdout and "Transaction Status" in result.stdout
    assert result.stderr == ""


def test_lookup_command_is_the_same_as_the_default(run) -> None:
    assert run("lookup", "askia:105").stdout == run("askia:105").stdout


def test_json_output_follows_the_contract(run) -> None:
    result = run("--json", "7302", "askia:105")
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert [(d["query"], d["source"], d["code"]) for d in data] == [
        ("7302", "imiconnect", "7302"),
        ("7302", "imiconnect", "7302"),
        ("askia:105", "askia", "105"),
    ]
    for item in data:
        assert set(item) >= CONTRACT_KEYS
        assert isinstance(item["code"], str)
        assert isinstance(item["http_status"], list)
        assert item["match"] == "exact" and item["score"] == 100.0
    assert data[0]["description"] == "Returned when the rate limit exceeded."
    assert data[2]["name"] == "ObjectInUse" and data[2]["category"] == "general errors"


def test_json_several_messages_of_one_code_are_several_objects(run) -> None:
    data = json.loads(run("--json", "imiconnect:7003").stdout)
    assert [d["section"] for d in data].count("Messaging") == 29
    assert [d["section"] for d in data].count("Profile") == 14
    assert len({(d["section"], d["message"], d["description"]) for d in data}) == len(data)


def test_json_http_status_and_legacy_matches(run) -> None:
    salto = json.loads(run("--json", "salto:1101").stdout)[0]
    assert salto["http_status"] == [404] and salto["http_status_doubtful"] is True
    legacy = json.loads(run("--json", "3").stdout)
    assert [(d["source"], d["code"], d["match"], d["legacy"]) for d in legacy] == [("askia", "2", "legacy", ["3"])]
    ccc = json.loads(run("--json", "Ccc entity not found").stdout)[0]
    assert ccc["code"] is None and ccc["source"] == "salto"


def test_names_and_string_codes_any_case(run) -> None:
    assert json.loads(run("--json", "objectinuse").stdout)[0]["match"] == "name"
    assert json.loads(run("--json", "EXPIRED_TOKEN").stdout)[0]["code"] == "expired_token"


def test_not_found_exits_1_with_a_line_on_stderr(run) -> None:
    result = run("99999")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("errlookup: no entry matches '99999'")
    assert result.stderr.count("\n") == 1


def test_one_missing_query_of_many_exits_1_but_prints_the_rest(run) -> None:
    result = run("--json", "7302", "nosuchcode_xyz")
    assert result.exit_code == 1
    assert {d["query"] for d in json.loads(result.stdout)} == {"7302"}
    assert "nosuchcode_xyz" in result.stderr


def test_source_filter_repeatable_and_comma_separated(run) -> None:
    both = json.loads(run("--json", "--source", "rev23,askia", "401").stdout)
    assert {d["source"] for d in both} == {"rev23", "askia"}
    one = json.loads(run("--json", "-s", "rev23", "-s", "rev23", "401").stdout)
    assert {d["source"] for d in one} == {"rev23"}
    none = run("--source", "askia", "expired_token")
    assert none.exit_code == 1


def test_unknown_source_is_a_usage_error(run) -> None:
    result = run("--source", "nope", "401")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "errlookup: unknown source 'nope' (known: askia, imiconnect, rev23, salto, voipnow)\n"


def test_unknown_option_is_one_line_exit_2(run) -> None:
    result = run("--bogus", "7302")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "--bogus" in result.stderr


@pytest.mark.parametrize(
    "query",
    ["", "   ", "\x00", "a\x00b", "x" * 5000, "1234567890123456789012345", "ünïcödé ошибка 错误", "[bold]red[/]",
     "\x1b[31m7302", "%s%n", "../../etc/passwd", "'; DROP TABLE"],
)  # fmt: skip
def test_odd_queries_never_trace_back(run, query: str) -> None:
    result = run(query)
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code:
        assert result.stderr.startswith("errlookup: ") and result.stderr.count("\n") == 1


def test_a_query_that_looks_like_an_option_needs_double_dash(run) -> None:
    assert run("-1").exit_code == 2
    result = run("--", "-1")
    assert result.exit_code == 1 and "Traceback" not in result.stderr


def test_table_wraps_at_80_columns_and_never_cuts_a_message(run) -> None:
    result = run("salto:2220")
    lines = result.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    message = "Can not perform this operation on the site user because they are a pod member. Please remove them from the pod first."
    assert in_order(message, result.stdout)


def test_messages_of_one_code_are_grouped_under_one_code_cell(run) -> None:
    out = run("voipnow:filtervalue_invalid").stdout
    body = out.split("\n", 1)[1]  # below the title line
    assert body.count("filtervalue_invalid") == 1  # the code cell is written once for the group
    for message in ("Parameter filterValue for onArray operation is invalid.", "Parameter filterValue is invalid."):
        assert in_order(message, out)


COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|9[0-7]|4[0-9])[0-9;]*m")


def test_no_colour_when_not_a_terminal_or_no_color(run) -> None:
    assert "\x1b[" not in run("rate limit exceeded").stdout
    forced = run("rate limit exceeded", env={"FORCE_COLOR": "1"}).stdout
    assert COLOUR.search(forced), "a terminal gets colour"
    assert not COLOUR.search(run("rate limit exceeded", env={"NO_COLOR": "1", "FORCE_COLOR": "1"}).stdout)


def test_markup_in_a_query_is_printed_literally(run) -> None:
    result = run("[bold]x[/bold]_code")
    assert "[bold]x[/bold]_code" in result.stderr


def test_sources_lists_every_catalogue(run) -> None:
    result = run("sources")
    assert result.exit_code == 0
    for sid, count in (("salto", 36), ("rev23", 11), ("imiconnect", 328), ("voipnow", 75), ("askia", 107)):
        row = next(line for line in result.stdout.splitlines() if line.strip().startswith(sid))
        assert str(count) in row and "bundled" in row
    data = json.loads(run("sources", "--json").stdout)
    assert {d["id"]: d["entries"] for d in data} == {
        "askia": 107, "imiconnect": 328, "rev23": 11, "salto": 36, "voipnow": 75,
    }  # fmt: skip


def test_version_and_help(run) -> None:
    from errlookup import __version__

    assert run("--version").stdout == f"errlookup {__version__}\n"
    for args in ([], ["--help"], ["lookup", "--help"], ["sources", "--help"], ["search", "--help"]):
        result = run(*args)
        assert result.exit_code == 0, args
        assert "Usage" in result.stdout


def test_every_entry_is_reachable_through_json(run) -> None:
    """What an acceptance check of the pages would do: ask for each entry, find its facts."""
    from conftest import ROOT

    fields = ("name", "message", "description", "section", "category", "remarks", "http_status")
    for source in ("salto", "rev23", "imiconnect", "voipnow", "askia"):
        entries = json.loads((ROOT / "catalogs" / f"{source}.json").read_text(encoding="utf-8"))["entries"]
        answers: dict[str, list] = {}
        for entry in entries:
            query = f"{source}:{entry['code']}" if entry["code"] else entry["message"]
            if query not in answers:
                result = run("--json", "--source", source, query)
                assert result.exit_code == 0, query
                answers[query] = json.loads(result.stdout)
            got = answers[query] if entry["code"] else answers[query][:1]  # text: the first answer
            wanted = {f: entry.get(f) if f != "http_status" else entry.get("http_status", []) for f in fields}
            assert any(all(g[f] == v for f, v in wanted.items()) for g in got), (source, entry)
