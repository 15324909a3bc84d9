#!/usr/bin/env python3
"""Validate tests/data/scan/corpus.jsonl against the bundled catalogues."""
import json
import re
import sys
from pathlib import Path
from collections import Counter

HERE = Path(__file__).resolve().parent
CAT = HERE.parents[2] / "catalogs"
CORPUS = sys.argv[1] if len(sys.argv) > 1 else HERE / "corpus.jsonl"
VENDORS = ["salto", "rev23", "imiconnect", "voipnow", "askia"]
cats = {v: json.load(open(f"{CAT}/{v}.json"))["entries"] for v in VENDORS}
errors = []


def err(n, msg):
    errors.append(f"line {n}: {msg}")


def entries(src, code):
    return [e for e in cats[src] if e["code"] is not None and e["code"].lower() == code.lower()]


def check_item(n, it, line, want_kind):
    if set(it) - {"code", "source", "name"} or not {"code", "source"} <= set(it):
        err(n, f"bad keys {it}")
        return
    code, src = it["code"], it["source"]
    if not isinstance(code, str):
        err(n, f"code not a string: {it}")
    if src == "http":
        if not re.fullmatch(r"[1-5]\d\d", code):
            err(n, f"http code not a 3-digit status: {code}")
        elif want_kind == "error" and not code[0] in "45":
            err(n, f"http finding is not 4xx/5xx: {code}")
        elif want_kind == "success" and code[0] != "2":
            err(n, f"http success is not 2xx: {code}")
    elif src in cats:
        es = entries(src, code)
        if not es:
            err(n, f"({src}, {code}) not in catalogue")
        elif not any(e["kind"] == want_kind for e in es):
            err(n, f"({src}, {code}) has no entry of kind {want_kind}")
        if "name" in it and not any((e["name"] or "") == it["name"] for e in es):
            err(n, f"name {it['name']} does not belong to ({src}, {code})")
    else:
        err(n, f"unknown source {src}")
    # the code (or its name) must be visible in the line
    token = it.get("name") or code
    if not re.search(r"(?<![A-Za-z0-9_])" + re.escape(token) + r"(?![A-Za-z0-9_])", line, re.I):
        err(n, f"{token} does not appear as a word in the line")


per_source = Counter()        # lines with at least one finding of that source
per_source_findings = Counter()
n_find = n_none = n_incons = n_multi = 0
seen = set()
for n, raw in enumerate(open(CORPUS, encoding="utf-8"), 1):
    try:
        o = json.loads(raw)
    except json.JSONDecodeError as e:
        err(n, f"invalid JSON: {e}")
        continue
    if set(o) - {"line", "findings", "success", "note", "inconsistent"}:
        err(n, f"unexpected keys {set(o)}")
    line = o.get("line")
    if not isinstance(line, str) or "\n" in line or not line:
        err(n, "line missing, empty or multi-line")
        continue
    if line in seen:
        err(n, "duplicate line")
    seen.add(line)
    if not o.get("note"):
        err(n, "note missing")
    fs = o.get("findings")
    if not isinstance(fs, list):
        err(n, "findings not a list")
        continue
    for it in fs:
        check_item(n, it, line, "error")
    for it in o.get("success", []):
        check_item(n, it, line, "success")
    if fs:
        n_find += 1
        n_multi += len(fs) > 1
        for s in {f["source"] for f in fs}:
            per_source[s] += 1
        for f in fs:
            per_source_findings[f["source"]] += 1
    else:
        n_none += 1
    if o.get("inconsistent"):
        n_incons += 1
        sal = [f for f in fs if f["source"] == "salto"]
        https = {int(f["code"]) for f in fs if f["source"] == "http"}
        if len(sal) != 1 or not https:
            err(n, "inconsistent line needs one salto code and an http status")
        else:
            doc = set(entries("salto", sal[0]["code"])[0]["http_status"])
            if not doc or https & doc:
                err(n, f"marked inconsistent but status {https} vs documented {doc}")
    else:
        # salto code with an http status on the line: must match the documented one
        for f in fs:
            if f["source"] == "salto":
                doc = set(entries("salto", f["code"])[0]["http_status"])
                https = {int(x["code"]) for x in fs + o.get("success", []) if x["source"] == "http"}
                if doc and https and not https & doc:
                    err(n, f"salto {f['code']} with status {https}, documented {doc}, not marked inconsistent")

total = n_find + n_none
print(f"lines: {total}  with findings: {n_find} ({100*n_find/total:.1f}%)  distractors: {n_none}"
      f"  multi-finding lines: {n_multi}  inconsistent: {n_incons}")
print("lines per source:", dict(per_source.most_common()))
print("findings per source:", dict(per_source_findings.most_common()))
if Path(CORPUS).name == "corpus.jsonl":  # the generated corpus's size; the blind ones are smaller
    if total < 400:
        errors.append(f"only {total} lines")
    for v in VENDORS:
        if per_source[v] < 40:
            errors.append(f"{v}: only {per_source[v]} finding lines")
for e in errors:
    print("ERROR", e)
print("OK" if not errors else f"{len(errors)} problems")
sys.exit(1 if errors else 0)
