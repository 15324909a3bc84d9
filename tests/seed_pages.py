"""An independent reading of the five seed pages, for the fidelity tests.

Written apart from the catalogues (and in a different style from the one-off
transcription) so that a mistake in a catalogue shows up as a difference here.
Judgement calls match the catalogues' notes: Salto 2208 restored from the other
copy of the page, the `408 / 404 / …` line is the HTTP cell of the row after it.
"""

from __future__ import annotations

import re
from pathlib import Path

SEEDS = Path(__file__).parent / "data" / "seeds"
FIELDS = [
    "code", "name", "message", "description", "http_status", "http_status_doubtful",
    "section", "category", "remarks", "legacy", "since",
]  # fmt: skip


def _e(code: str | None, **kw: object) -> dict:
    e: dict = {
        "code": code, "name": None, "http_status": [], "http_status_doubtful": False, "message": None,
        "description": None, "section": None, "category": None, "remarks": None, "legacy": [], "since": None,
    }  # fmt: skip
    e.update(kw)
    return e


def _lines(name: str) -> list[str]:
    return (SEEDS / name).read_text(encoding="utf-8").split("\n")


def salto() -> list[dict]:
    out: list[dict] = []
    started = False
    pending_http: list[int] = []
    for line in _lines("salto-ks-errors.txt"):
        if line == "Error code":
            started = True
            continue
        text = line.replace("App storePlay store", "")
        if not started or not text.strip():
            continue
        m = re.match(r"^(\d{3}|\?\?\?)( \?\?\?)?(\d{4})(.*)$", text)
        if m:
            http = [] if m.group(1) == "???" else [int(m.group(1))]
            named = re.match(r"^(\w+Exception) \?\?\?$", m.group(4))
            out.append(
                _e(m.group(3), http_status=http, http_status_doubtful=bool(m.group(2)), message=m.group(4),
                   name=named.group(1) if named else None)
            )  # fmt: skip
        elif re.match(r"^\d{3}( / \d{3})+$", text):
            pending_http = [int(x) for x in text.split(" / ")]
        else:
            out.append(_e(None, message=text, http_status=pending_http))
            pending_http = []
    at = next(i for i, e in enumerate(out) if e["code"] == "2207") + 1
    out.insert(at, _e("2208", http_status=[400], message="IqActivationException", name="IqActivationException"))
    return out


def rev23() -> list[dict]:
    out: list[dict] = []
    heading: tuple[str, str] | None = None
    for line in _lines("rev23-status-codes.txt"):
        m = re.match(r"^(\d{3}) (.+)$", line)
        if m:
            heading = (m.group(1), m.group(2))
            continue
        m = re.match(r"^\s*\u2022 Description: (.*)$", line)
        if m and heading:
            code, reason = heading
            out.append(_e(code, name=reason, http_status=[int(code)], description=m.group(1)))
    return out


def imiconnect() -> list[dict]:
    out: list[dict] = []
    section = last = None
    seen: set[tuple] = set()
    for line in _lines("imiconnect-api-status-codes.txt"):
        if line in ("Messaging", "Transaction Status", "Event", "Profile"):
            section, last = line, None
            continue
        if line.startswith(("Code | ", "---")) or " | " not in line:
            continue
        cells = [c.strip() for c in line.rstrip().rstrip("|").split(" | ")]
        if re.fullmatch(r"\d{4}", cells[0]):
            code, msg, desc = cells[0], cells[1], cells[2]
            last = code
        else:
            code, msg, desc = last, cells[0], cells[1].rstrip(" |")
        key = (section, code, msg, desc)
        if key not in seen:
            seen.add(key)
            out.append(_e(code, message=msg, description=desc, section=section))
    return out


def voipnow() -> list[dict]:
    out: list[dict] = []
    section = None
    http = 0
    seen: set[tuple] = set()
    for line in _lines("voipnow-unifiedapi-http-return-codes.txt"):
        if line.endswith("Successful Codes"):
            section = "Successful Codes"
            continue
        m = re.match(r"^(\d{3}) ([A-Z].*)$", line)
        if m:
            section, http = line, int(m.group(1))
            continue
        if section == "Successful Codes":
            m = re.match(r"^\| (\d{3}) \| (.*) \|$", line)
            if m:
                out.append(_e(m.group(1), http_status=[int(m.group(1))], description=m.group(2), section=section))
            continue
        m = re.match(r"^([a-z_]+) \| (.*) \|$", line)
        if m and section and (section, m.group(1), m.group(2)) not in seen:
            seen.add((section, m.group(1), m.group(2)))
            out.append(_e(m.group(1), http_status=[http], message=m.group(2), section=section))
    return out


ASKIA_CATEGORIES = [
    "success [0-100]", "general errors", "task errors", "list errors", "reporting errors", "locking errors",
    "update failed", "listen-in errors", "quota errors", "manual dial errors",
    "Recording Management Service errors", "CcaAPI-specific errors (never generated by CCA)",
]  # fmt: skip


def askia() -> list[dict]:
    out: list[dict] = []
    category = None
    started = False
    for line in _lines("askia-cca-result-codes.txt"):
        if line.startswith("Name Code Description"):
            started = True
            continue
        if not started or line.startswith("Have more") or not line.strip():
            continue
        name, code, rest = re.match(r"^(\w+) (\d+) (.*)$", line).groups()
        rest = rest.replace("\xa0", " ")
        remark = re.search(r"(Code was \d+ in old versions|Only in [\d.]+\+)\s*$", rest)
        if remark:
            rest = rest[: remark.start()]
        rest = rest.strip()
        for c in ASKIA_CATEGORIES:
            if rest.endswith(c):
                category, rest = c, rest[: -len(c)].strip()
                break
        r = remark.group(1) if remark else None
        old = re.match(r"Code was (\d+)", r or "")
        since = re.match(r"Only in ([\d.]+)\+", r or "")
        out.append(
            _e(code, name=name, description=rest or None, category=category, remarks=r,
               legacy=[old.group(1)] if old else [], since=since.group(1) if since else None)
        )  # fmt: skip
    return out


PAGES = {"salto": salto, "rev23": rev23, "imiconnect": imiconnect, "voipnow": voipnow, "askia": askia}
