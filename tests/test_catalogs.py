"""The bundled catalogues carry every fact of the five vendor pages, verbatim."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
import seed_pages
from conftest import ROOT

from errlookup.catalog import load_file
from errlookup.schema import _SUPPORTED, Validator

CATALOGS = ROOT / "catalogs"
EXPECTED_COUNTS = {"salto": 36, "rev23": 11, "imiconnect": 328, "voipnow": 75, "askia": 107}


def entries(source: str) -> list[dict]:
    return json.loads((CATALOGS / f"{source}.json").read_text(encoding="utf-8"))["entries"]


def find(source: str, code: str | None, **fields: object) -> dict:
    found = [e for e in entries(source) if e["code"] == code and all(e.get(k) == v for k, v in fields.items())]
    assert len(found) == 1, (source, code, fields, found)
    return found[0]


@pytest.mark.parametrize("source", sorted(EXPECTED_COUNTS))
def test_entry_count_is_pinned(source: str) -> None:
    assert len(entries(source)) == EXPECTED_COUNTS[source]


@pytest.mark.parametrize("source", sorted(seed_pages.PAGES))
def test_every_fact_of_the_page_is_in_the_catalogue(source: str) -> None:
    page = seed_pages.PAGES[source]()
    catalogue = entries(source)
    assert len(page) == len(catalogue)
    for i, (expected, actual) in enumerate(zip(page, catalogue, strict=True)):
        for field in seed_pages.FIELDS:
            assert actual.get(field) == expected[field], f"{source} entry {i} ({expected['code']}) field {field}"


def test_seed_copies_are_the_pages_the_readme_names() -> None:
    readme = (seed_pages.SEEDS / "README.md").read_text(encoding="utf-8")
    for name in ("salto-ks-errors.txt", "rev23-status-codes.txt", "imiconnect-api-status-codes.txt"):
        assert name in readme
        assert (seed_pages.SEEDS / name).stat().st_size > 1000


# A broad sample read off the pages by hand, independent of the parser above.
@pytest.mark.parametrize(
    ("source", "code", "fields"),
    [
        ("salto", "1100", {"http_status": [400], "message": "The request received is invalid"}),
        ("salto", "1101", {"http_status": [404], "http_status_doubtful": True}),
        ("salto", "2211", {"http_status": [200], "message": "Tenant Certificate Sync failed for Iq", "kind": "error"}),
        ("salto", "2212", {"message": "You cannot access this feature on this site at this moment because you don’t have a valid subscription."}),
        ("salto", "3010", {"http_status": [], "name": "ClpFunctionException"}),
        ("salto", "3201", {"http_status": [500], "name": "RequestFailedException"}),
        ("salto", "2208", {"http_status": [400], "name": "IqActivationException"}),
        ("salto", "4201", {"http_status": [400], "message": "We could not invite the user"}),
        ("rev23", "402", {"name": "Payment Required", "description": "The subscription payment is either past-due or is a trial and has expired."}),
        ("rev23", "503", {"http_status": [503], "name": "Service Unavailable"}),
        ("imiconnect", "7302", {"section": "Messaging", "message": "Rate limit exceeded", "description": "Returned when the rate limit exceeded."}),
        ("imiconnect", "7010", {"section": "Messaging", "message": "Service provider exceptioni"}),
        ("imiconnect", "7501", {"section": "Messaging", "message": "Submited", "kind": "success"}),
        ("imiconnect", "7501", {"section": "Transaction Status", "message": "Submitted", "kind": "success"}),
        ("imiconnect", "7111", {"section": "Transaction Status", "message": "Span content detected"}),
        ("imiconnect", "1002", {"section": "Event", "message": "Queues", "kind": "success"}),
        ("imiconnect", "1002", {"section": "Profile", "message": "Partial success"}),
        ("imiconnect", "7025", {"section": "Event", "message": "Mandatory custom parameters missing"}),
        ("imiconnect", "7012", {"section": "Profile", "message": "Batch size limit(100) exceeded"}),
        ("voipnow", "expired_token", {"http_status": [401], "message": "Token is expired or otherwise invalid."}),
        ("voipnow", "fx_recipients_invalid", {"message": "The recipients parmeter is invalid."}),
        ("voipnow", "pce_access_denied", {"http_status": [403], "section": "403 Forbidden"}),
        ("voipnow", "not_implemented", {"http_status": [501]}),
        ("voipnow", "204", {"kind": "success", "description": "The request was successful. There is no content to return."}),
        ("askia", "0", {"name": "Success", "category": "success [0-100]", "kind": "success"}),
        ("askia", "2", {"legacy": ["3"], "remarks": "Code was 3 in old versions"}),
        ("askia", "105", {"name": "ObjectInUse", "description": "Object is in use", "category": "general errors"}),
        ("askia", "126", {"since": "5.4.8", "remarks": "Only in 5.4.8+"}),
        ("askia", "302", {"since": "5.4.7", "category": "list errors"}),
        ("askia", "404", {"name": "ReportInvalidFormula", "category": "reporting errors"}),
        ("askia", "604", {"category": "update failed", "description": "DID already used"}),
        ("askia", "714", {"legacy": ["715"], "name": "ListenInCallEnd"}),
        ("askia", "913", {"name": "ManualDialMaxNumberOfCallsExceeded"}),
        ("askia", "1003", {"description": None, "category": "Recording Management Service errors"}),
        ("askia", "10002", {"description": "CCA command timeout", "category": "CcaAPI-specific errors (never generated by CCA)"}),
    ],
)  # fmt: skip
def test_sample_rows_read_off_the_pages(source: str, code: str, fields: dict) -> None:
    selector = {k: v for k, v in fields.items() if k in ("section", "message")}
    entry = find(source, code, **selector)
    for key, value in fields.items():
        assert entry.get(key) == value, (source, code, key)


def test_codes_with_several_messages_keep_each_one() -> None:
    assert len([e for e in entries("imiconnect") if e["code"] == "7003" and e["section"] == "Messaging"]) == 29
    assert len([e for e in entries("imiconnect") if e["code"] == "7208" and e["section"] == "Messaging"]) == 2
    assert len([e for e in entries("voipnow") if e["code"] == "filtervalue_invalid"]) == 3
    assert len([e for e in entries("rev23") if e["code"] == "409"]) == 2
    # the exact duplicate row on the VoipNow page appears once
    assert len([e for e in entries("voipnow") if e["code"] == "extension_invalid"]) == 1


def test_lost_cells_stay_empty_and_are_explained() -> None:
    ccc = [e for e in entries("salto") if e["code"] is None]
    assert [e["message"] for e in ccc] == [
        "Ccc generic exception",
        "Ccc command failed due to iq error.",
        "Ccc operation cannot be executed.",
        "Ccc entity not found",
        "Iq is offline it is not connected to CCC",
    ]
    assert all(e.get("note") for e in ccc)
    notes = json.loads((CATALOGS / "salto.json").read_text(encoding="utf-8"))["notes"]
    assert any("2208" in n for n in notes) and any("Ccc" in n for n in notes)


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads((CATALOGS / "schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("source", sorted(EXPECTED_COUNTS))
def test_catalogue_is_valid_under_the_published_schema(source: str, schema: dict) -> None:
    document = json.loads((CATALOGS / f"{source}.json").read_text(encoding="utf-8"))
    assert document["$schema"] == "./schema.json"
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert list(Validator(schema).errors(document)) == []
    assert load_file(CATALOGS / f"{source}.json", "bundled").id == source


def _keywords(node: object) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            if key in ("properties", "$defs"):
                for sub in value.values():
                    found |= _keywords(sub)
            else:
                found |= _keywords(value)
    elif isinstance(node, list):
        for item in node:
            found |= _keywords(item)
    return found


def test_schema_uses_only_keywords_the_builtin_validator_knows(schema: dict) -> None:
    assert _keywords(schema) <= _SUPPORTED | {"summary", "example", "http_status"} | set()


MUTATIONS = [
    lambda d: d.pop("id"),
    lambda d: d.update(id="Not An Id"),
    lambda d: d.update(entries={}),
    lambda d: d["entries"][0].update(code=7302),
    lambda d: d["entries"][0].update(code=""),
    lambda d: d["entries"][0].update(http_status=["400"]),
    lambda d: d["entries"][0].update(http_status=[99]),
    lambda d: d["entries"][0].update(http_status=[True]),
    lambda d: d["entries"][0].update(kind="warning"),
    lambda d: d["entries"][0].update(colour="red"),
    lambda d: d["entries"][1].pop("code"),
    lambda d: d["entries"][1].update(legacy="3"),
    lambda d: d.update(notes="one note"),
    lambda d: d.update(error_format={"summary": 1}),
]


@pytest.mark.parametrize("mutate", MUTATIONS)
def test_builtin_validator_agrees_with_jsonschema(mutate, schema: dict) -> None:
    document = copy.deepcopy(json.loads((CATALOGS / "askia.json").read_text(encoding="utf-8")))
    mutate(document)
    reference = sorted(
        "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.absolute_path)
        for e in jsonschema.Draft202012Validator(schema).iter_errors(document)
    )
    # jsonschema reports an unknown key at its parent object; ours names the key itself
    ours = sorted(
        {where.rsplit(".", 1)[0] if what.startswith("unknown key") else where
         for where, what in Validator(schema).errors(document)}
    )  # fmt: skip
    assert reference, "the mutation must make the document invalid"
    assert ours == sorted(set(reference))
