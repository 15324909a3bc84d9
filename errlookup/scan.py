"""Finding error codes in logs: what counts as a finding, which source it belongs to.

Two stages keep the per-byte cost near that of copying the input. The first works
on whole blocks of bytes with regular expressions that each start with a literal
(``code``, ``status``, ``http/`` ...), which the regex engine finds at memchr speed,
and picks out the few lines that may hold a finding. The second reads only those
lines closely: key/value pairs, status lines, phrases and names, each finding
resolved to catalogue entries and ranked by what else the line says.

Nothing here prints: ``scan_stream`` yields blocks of input with the findings of
their lines, and the renderer writes them out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import BinaryIO

from errlookup.index import Index, normalize
from errlookup.model import Catalog, Entry, Match

#: Bytes read at a time; a line is held whole up to MAX_LINE bytes, longer ones in pieces.
BLOCK = 1 << 20
MAX_LINE = 8 << 20
#: Bytes of the previous piece of an over-long line read again with the next piece,
#: so a code split across the cut is still seen.
OVERLAP = 512

# Keys (lower-cased, without "_", "-" and ".") whose value is an HTTP status, and
# keys whose value is an error code. A key may carry a prefix ("rev23_status",
# "last_error_code"): it counts when it ends with one of the suffixes.
HTTP_KEYS = ("statuscode", "httpstatus", "httpcode", "status")
CODE_KEYS = (
    "errorcode", "errcode", "resultcode", "returncode", "faultcode", "reasoncode", "errornumber", "errorno",
    "errno", "errnum", "subcode", "error", "err", "code",
)  # fmt: skip
# Keys that end like a code key but never hold one.
NOT_CODE_KEYS = frozenset(
    "areacode zipcode postcode postalcode promocode couponcode currencycode countrycode languagecode langcode "
    "exitcode authcode authorizationcode verificationcode qrcode barcode colorcode colourcode shortcode "
    "productcode itemcode regioncode statecode citycode sourcecode passcode discountcode hashcode "
    "opcode unicode encode decode keycode charcode zip timezone".split()
)
_NOT_VALUES = frozenset("true false null none nil ok success yes no undefined nan".split())

# key: value, key=value, "key": "value", 'key': value. The value is taken whole and
# may not itself be followed by ":" or "=" (then it is the next key, as in
# `cca: "ResultCode": 102`), so one pair never swallows the key of the next.
# Quotes may be doubled (CSV) or escaped (JSON inside a JSON string): ""code"", \"code\".
_KV = re.compile(
    r"""(?<![\w.$@-])(?P<key>[A-Za-z_$@][\w.$@-]{0,63})(?:\\{0,2}["']){0,2}[ \t]{0,8}[:=][ \t]{0,8}"""
    r"""(?P<q>(?:\\{0,2}["']){0,2})(?P<val>[A-Za-z0-9_.+-]{1,64})(?![A-Za-z0-9_.+-])(?P=q)(?![ \t]*[:=])"""
)
# Reason phrases of RFC 9110 (lower-cased) that follow a status in logs ("404 Not Found").
REASONS = (
    "bad request", "unauthorized", "payment required", "forbidden", "not found", "method not allowed",
    "not acceptable", "proxy authentication required", "request timeout", "conflict", "gone",
    "length required", "precondition failed", "content too large", "payload too large", "uri too long",
    "unsupported media type", "range not satisfiable", "expectation failed", "misdirected request",
    "unprocessable content", "unprocessable entity", "locked", "failed dependency", "too early",
    "upgrade required", "precondition required", "too many requests", "request header fields too large",
    "unavailable for legal reasons", "internal server error", "not implemented", "bad gateway",
    "service unavailable", "gateway timeout", "http version not supported", "insufficient storage",
    "network authentication required", "ok", "created", "accepted", "no content",
)  # fmt: skip
# HTTP statuses outside key/value pairs, matched on the lower-cased line: a status
# line or access-log field (HTTP/1.1" 404), "HTTP 503", "returned 402", "404 Client Error".
_HTTP = re.compile(
    r"http(?:/\d(?:\.\d)?\"?[ \t]+(?P<line>[1-5]\d\d)"
    r"|(?:[ \t]+(?:error|status|code|response))?[ \t]*[:=#]?[ \t]*(?P<word>[1-5]\d\d))\b(?![.:/-]\d)"
)
_RETURNED = re.compile(
    r"\b(?:returned|responded(?:[ \t]+with)?|failed[ \t]+with|rejected[ \t]+with)[ \t]+(?:an?[ \t]+)?"
    r"(?:http[ \t]+)?(?:status[ \t]+)?(?:code[ \t]+)?(?P<returned>[1-5]\d\d)\b(?![.:/-]\d)"
)
_CLIENT = re.compile(r"(?<![.,:])\b(?P<client>[45]\d\d)[ \t]+(?:(?:client|server)[ \t]+)?errors?\b")
# Rarer shapes, each tried only when a cheap test of the line lets it:
# "404 Not Found" (a status, then words that begin a reason phrase), "| 404 |" (a
# pipe-separated access log), "0/0/1/401/402 503 212" (HAProxy's timers, status, bytes).
_REASON = re.compile(r"(?<![.,:])\b(?P<reason>[1-5]\d\d)[ \t]+(?P<words>[a-z][a-z ]{1,40})")
# "GET /v1/users 409 8ms", "-> 400": a request line or an arrow, then the status
_METHOD = re.compile(r"\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+/\S*[ \t]+(?P<method>[1-5]\d\d)\b(?![.:/-]\d)")
_ARROW = re.compile(r"(?:->|=>|→)[ \t]*(?P<arrow>[1-5]\d\d)\b(?![.:/-]\d)")
_REASON_FIRST = frozenset(r.split(" ", 1)[0] for r in REASONS)
_PIPE = re.compile(r"\|[ \t]*(?P<pipe>[1-5]\d\d)[ \t]*\|")
_HAPROXY = re.compile(r"(?<![\d/])(?:\d+/){4}\+?\d+[ \t]+(?P<haproxy>[1-5]\d\d)[ \t]+\+?\d+\b")
_HTTP_CONTEXTS = {
    "line": "HTTP status line",
    "word": "HTTP status",
    "returned": "HTTP status (returned)",
    "client": "HTTP error",
    "reason": "HTTP status and reason phrase",
    "pipe": "access log status field",
    "haproxy": "HAProxy log status field",
    "method": "request line status",
    "arrow": "HTTP status (after an arrow)",
}
# "error 7302", "error code 2213", "result code 102", "status code 7628", on the lower-cased line
_PHRASE = re.compile(
    r"\b(?P<word>error|err|result|return|response|fault|reason|status|failure)"
    r"(?:[ \t_-]?(?:code|number|no\.?|num|#))?(?![a-z])[ \t]*(?:[:#=][ \t]*)?"
    r"(?P<val>\d{1,6}|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b(?![.:/-]\d)"
)
_TOKEN = re.compile(r"[A-Za-z0-9_]+")
_PARENT = re.compile(r"[A-Za-z_]\w{0,40}$")

# First stage, on the lower-cased block: each pattern starts with a literal.
_Q = rb"""(?:\\{0,2}["']){0,2}"""  # no, one, doubled or escaped quotes
_SEP = rb"[ \t]{0,8}"
_STAGE1_ERRORS = [
    re.compile(rb"code" + _Q + _SEP + rb"[:= ]" + _SEP + _Q + rb"[a-z0-9_]"),
    re.compile(rb"status" + _Q + _SEP + rb"[:= ]" + _SEP + _Q + rb"(?:code[ \t]+)?(?:[45]\d\d|\d{4})"),
    re.compile(rb"err(?:or|no)?" + _Q + _SEP + rb"[:=# ]" + _SEP + _Q + rb"(?:code[ \t]+|#)?[a-z0-9_]"),
    re.compile(rb"haproxy"),
    re.compile(rb"""http/\d(?:\.\d)?"?[ \t]+[45]\d\d"""),
    re.compile(rb"""http[ \t]+(?:error[ \t]+|status[ \t]+|code[ \t]+)?[45]\d\d"""),
    re.compile(rb"""returned[ \t]+"""),
    re.compile(rb"""failed[ \t]+with"""),
]
_STAGE1_ALL = [
    re.compile(rb"""http/\d(?:\.\d)?"?[ \t]+[1-5]\d\d"""),
    re.compile(rb"status" + _Q + _SEP + rb"[:= ]" + _SEP + _Q + rb"[0-9]"),
]
# Upper/lower-case shape of a block, for finding CamelCase names at memchr speed.
_SHAPE = bytes.maketrans(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", b"A" * 26 + b"a" * 26 + b"0" * 10
)
_HUMP = re.compile(rb"Aa+A")
_TOKEN_AT = re.compile(rb"[A-Za-z0-9_]+")


@dataclass(frozen=True, slots=True)
class Finding:
    """One code seen in an error context on one line."""

    line: int
    code: str
    text: str  # the matched text, as it stands in the line
    context: str  # what made it a finding: the key, "HTTP status line", a phrase ...
    kind: str  # "http" (an HTTP status), "code" (a vendor code) or "name" (a symbolic name)
    column: int  # 1-based character position of the code in the line
    matches: tuple[Match, ...] = ()
    success: bool = False
    http_status: int | None = None  # the HTTP status logged on the same line, if any
    inconsistency: str | None = None  # logged HTTP status vs the documented one

    @property
    def best(self) -> Entry | None:
        return self.matches[0].entry if self.matches else None


@dataclass
class LineResult:
    """The findings of one input line; ``end`` is the offset just past it in its block."""

    number: int
    end: int
    findings: list[Finding]


@dataclass
class Block:
    """A run of whole input lines, byte for byte, and the findings of those lines."""

    data: bytes
    lines: list[LineResult] = field(default_factory=list)


@lru_cache(maxsize=4096)
def _norm_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", key.lower())


@lru_cache(maxsize=4096)
def _key_path(key: str) -> tuple[str, ...]:
    """``Response.ResultCode`` -> ("response", "resultcode")."""
    return tuple(_norm_key(part) for part in key.split(".") if part)


@lru_cache(maxsize=4096)
def _key_class(key: str) -> str | None:
    """'http' for a key holding an HTTP status, 'code' for an error code, else None."""
    last, full = _norm_key(key.rsplit(".", 1)[-1]), _norm_key(key)
    if not last or last in NOT_CODE_KEYS or full in NOT_CODE_KEYS:
        return None
    if full.endswith(HTTP_KEYS):
        return "http"
    if last in CODE_KEYS or full.endswith(tuple(k for k in CODE_KEYS if k not in ("code", "err"))):
        return "code"
    return None


class Scanner:
    """Finds and explains the codes in log lines, against one set of catalogues."""

    def __init__(
        self,
        index: Index,
        sources: Sequence[str] | None = None,
        include_success: bool = False,
        report_unknown: bool = False,
    ) -> None:
        self.index = index
        #: Also report codes in error contexts that no catalogue knows (for the summary).
        self.report_unknown = report_unknown and sources is None
        self.sources = list(sources) if sources is not None else None
        self.include_success = include_success
        self.catalogs: dict[str, Catalog] = {c.id: c for c in index.catalogs}
        self._order = {c.id: i for i, c in enumerate(index.catalogs)}
        # the keys each catalogue claims: "ResultCode" is Askia's, "error.code" VoipNow's
        self.claims = [(_key_path(key), c.id) for c in index.catalogs for key in c.scan_keys if _key_path(key)]
        # one pattern for every source's hint words, a named group per source
        self._hint_groups = {f"s{i}": c.id for i, c in enumerate(index.catalogs) if c.scan_hints}
        alternatives = [
            f"(?P<s{i}>" + "|".join(re.escape(h.lower()) for h in sorted(c.scan_hints, key=len, reverse=True)) + ")"
            for i, c in enumerate(index.catalogs)
            if c.scan_hints
        ]
        self._hints = (
            re.compile(r"(?<![a-z0-9])(?:" + "|".join(alternatives) + r")(?![a-z0-9])") if alternatives else None
        )
        self._hint_cache: tuple[str | None, set[str]] = (None, set())
        self._resolved: dict[tuple[str, str, str | None], tuple[Match, ...]] = {}
        # Codes and names distinctive enough to count on their own as a word:
        # snake_case codes and CamelCase names of two or more words.
        self.distinctive: dict[str, str] = {}
        for entry in index.entries:
            for label in (entry.code, entry.name):
                if label and _is_distinctive(label):
                    self.distinctive.setdefault(label.lower(), label)
        self._distinctive_keys = frozenset(self.distinctive)
        # numbers that may stand before their own message ("7014 Customer not found");
        # one- and two-digit codes are left out: such numbers are everywhere in logs
        self._numbers = frozenset(k for k in index.by_code if k.isdigit() and len(k) >= 3)
        tails = sorted({k.split("_", 1)[1] for k in self.distinctive if "_" in k}, key=len, reverse=True)
        self._stage1 = list(_STAGE1_ERRORS) + (_STAGE1_ALL if include_success else [])
        self._snake = re.compile(b"_(?:" + b"|".join(re.escape(t.encode()) for t in tails) + rb")\b") if tails else None

    # ------------------------------------------------------------------ stage 1
    def candidate_lines(self, block: bytes) -> list[int]:
        """Offsets of the starts of the lines of a block that may hold a finding."""
        starts: set[int] = set()
        low = block.lower()
        patterns = list(self._stage1) + ([self._snake] if self._snake is not None else [])
        for pattern in patterns:
            _line_starts(low, (m.start() for m in pattern.finditer(low)), starts)
        shape = block.translate(_SHAPE)
        # "404 Not Found", "| 404 |": three digits then a capitalised word, or between pipes
        for literal in (b"000 Aa", b"| 000 |"):
            _line_starts(low, _find_all(shape, literal), starts)
        if self.distinctive:
            _line_starts(
                low,
                (p for p in (m.start() for m in _HUMP.finditer(shape)) if self._is_name_at(block, shape, p)),
                starts,
            )
        return sorted(starts)

    def _is_name_at(self, block: bytes, shape: bytes, at: int) -> bool:
        if at and shape[at - 1] in b"Aa0_":
            return False  # inside a longer identifier
        token = _TOKEN_AT.match(block, at)
        return bool(token) and token.group().decode("ascii", "replace").lower() in self.distinctive

    # ------------------------------------------------------------------ stage 2
    def scan_line(self, text: str, number: int = 1) -> list[Finding]:
        """Every finding of one line (decoded text, without its line ending)."""
        low = text.lower()
        if len(low) != len(text):  # a few non-ASCII letters change length when lower-cased
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        spans = _Spans()
        self._key_values(text, spans)
        self._http_statuses(text, low, spans)
        self._phrases(text, low, spans)
        self._words(text, low, spans)
        return self._findings(spans.raw, text, number) if spans.raw else []

    def _key_values(self, text: str, spans: _Spans) -> None:
        """``"code": 7302``, ``error_code=2213``, ``'status': 400``: keys that hold codes."""
        for m in _KV.finditer(text):
            key, val = m.group("key"), m.group("val")
            cls = _key_class(key)
            if cls is None:
                continue
            full_key = key
            if "." not in key and self.claims and _norm_key(key) == "code":
                parent = self._parent_key(text, m.start())
                if parent:
                    full_key = f"{parent}.{key}"
            start, end = m.start("val"), m.end("val")
            context = f"key {key}"
            if cls == "http":
                if val.isdigit() and len(val) == 3 and "100" <= val <= "599":
                    spans.add(start, end, val, context, "http", full_key)
                elif val.isdigit() and 4 <= len(val) <= 6:
                    spans.add(start, end, val, context, "code", full_key)  # "status": 7628 is no HTTP status
            elif val.lower() in _NOT_VALUES:
                continue
            elif val.isdigit():
                if len(val) <= 6:
                    spans.add(start, end, val, context, "code", full_key)
            elif self.index.codes(val):
                spans.add(start, end, val, context, "code", full_key)
            elif self.index.names(val):
                spans.add(start, end, val, context, "name", full_key)  # "Error": "CcaTimeout"
            elif _looks_like_code(val):
                spans.add(start, end, val, context, "code", full_key)

    def _http_statuses(self, text: str, low: str, spans: _Spans) -> None:
        """Statuses outside key/value pairs; each rarer shape only where a cheap test allows."""
        gated = [(_HTTP, "http"), (_RETURNED, "returned"), (_RETURNED, "responded"), (_RETURNED, "with"),
                 (_CLIENT, "error")]  # fmt: skip
        for pattern in dict.fromkeys(p for p, word in gated if word in low):
            for m in pattern.finditer(low):
                group = m.lastgroup or "line"
                if m.group(group) is None or (group == "word" and m.start() and low[m.start() - 1].isalnum()):
                    continue
                spans.add(m.start(group), m.end(group), m.group(group), _HTTP_CONTEXTS[group], "http")
        for m in _REASON.finditer(low):
            words = m.group("words")
            if words.split(" ", 1)[0] not in _REASON_FIRST:
                continue
            if any(words.startswith(r) and words[len(r) : len(r) + 1] in ("", " ") for r in REASONS):
                spans.add(m.start("reason"), m.end("reason"), m.group("reason"), _HTTP_CONTEXTS["reason"], "http")
        for pattern, gate, haystack in ((_PIPE, "|", low), (_METHOD, " /", text), (_ARROW, ">", text),
                                        (_ARROW, "→", text), (_HAPROXY, "haproxy", low)):  # fmt: skip
            if gate in haystack:
                for m in pattern.finditer(haystack):
                    group = m.lastgroup or ""
                    spans.add(m.start(group), m.end(group), m.group(group), _HTTP_CONTEXTS[group], "http")

    def _phrases(self, text: str, low: str, spans: _Spans) -> None:
        """ "error 7302", "error code 2213", "result code 102", "StatusCode 400"."""
        for m in _PHRASE.finditer(low):
            start, end = m.start("val"), m.end("val")
            if spans.covers(start):
                continue
            val, word = text[start:end], m.group("word")
            phrase = text[m.start() : m.start("val")].strip(" \t:#=")
            http_like = val.isdigit() and len(val) == 3 and "100" <= val <= "599"
            if http_like and (word == "status" or phrase.lower() in ("error", "err")):
                spans.add(start, end, val, f"phrase '{phrase}'", "http")
            elif val.isdigit() or val.lower() in self.distinctive:
                spans.add(start, end, val, f"phrase '{phrase}'", "code")

    def _words(self, text: str, low: str, spans: _Spans) -> None:
        """Names and string codes standing alone, and known codes written before their message.

        First a set intersection in C; only when it finds something, a walk to place them.
        """
        tokens = set(_TOKEN.findall(low))
        for hit in (tokens & self._distinctive_keys) | (tokens & self._numbers):
            label = self.distinctive.get(hit)
            if label and _humps(label) < 3 and "_" not in label and not self._hinted(low) & self._name_sources(label):
                continue  # a short name ("AccessDenied", "DatabaseError") is too common alone: needs its vendor
            for start in _word_positions(low, hit):
                end = start + len(hit)
                if spans.covers(start):
                    continue
                token = text[start:end]
                if label:
                    kind = "name" if self.index.names(label) and not self.index.codes(label) else "code"
                    spans.add(start, end, token, "word", kind)
                elif self._followed_by_its_message(token, text, end):
                    spans.add(start, end, token, "code followed by its message", "code")

    def _findings(self, raw: list[tuple[int, int, str, str, str, str | None]], text: str, number: int) -> list[Finding]:
        """Resolve each span to entries; one finding per entry named twice; success codes only when asked."""
        raw.sort()
        http_status = next((int(code) for _, _, code, _, kind, _ in raw if kind == "http"), None)
        findings: list[Finding] = []
        seen_entries: dict[tuple[str, str | None], str] = {}
        for start, end, code, context, kind, key in raw:
            matches = self._resolve(code, kind, key, text, http_status)
            best = matches[0].entry if matches else None
            if best is not None:
                same = seen_entries.get((best.source, best.code))
                if same is not None and "name" in (kind, same):
                    continue  # "ResultCode=809 (QuotaLockFailed)" is one finding
                seen_entries.setdefault((best.source, best.code), kind)
            success = _is_success(code, kind, best)
            if success and not self.include_success:
                continue
            if not matches and kind != "http" and not self.report_unknown:
                continue  # a code no catalogue knows: only the summary lists those
            findings.append(
                Finding(
                    line=number,
                    code=best.code if best is not None and best.code is not None and kind == "name" else code,
                    text=text[start:end],
                    context=context,
                    kind=kind,
                    column=start + 1,
                    matches=tuple(matches),
                    success=success,
                    http_status=http_status if kind != "http" else None,
                    inconsistency=_inconsistency(best, kind, http_status),
                )
            )
        return findings

    def _followed_by_its_message(self, code: str, text: str, at: int) -> bool:
        """``7014 Customer not found``: a known code written just before its own message."""
        rest = text[at : at + 200].lstrip(" \t:-(\"'").lower()
        for entry in self.index.codes(code, self.sources):
            for label in (entry.message, entry.name):
                if label and len(label) >= 6 and rest.startswith(label.lower()):
                    return True
        return False

    def _hinted(self, lowered: str) -> set[str]:
        """Sources whose hint words stand on the (lower-cased) line; cached for the line being read."""
        if self._hint_cache[0] != lowered:
            found = {m.lastgroup for m in self._hints.finditer(lowered)} if self._hints else set()
            self._hint_cache = (lowered, {self._hint_groups[g] for g in found if g})
        return self._hint_cache[1]

    def _name_sources(self, label: str) -> set[str]:
        return {e.source for e in self.index.names(label)} | {e.source for e in self.index.codes(label)}

    def _known(self, value: str) -> bool:
        return value.lower() in self.distinctive or bool(self.index.codes(value) or self.index.names(value))

    def claimed_by(self, key: str) -> set[str]:
        """Sources whose documented response shape puts their codes under this key."""
        path = _key_path(key)
        return {source for claim, source in self.claims if path[-len(claim) :] == claim}

    def _parent_key(self, text: str, at: int) -> str | None:
        """The key of the object a key stands in: ``error`` for ``{"error": {"code": ...``."""
        brace = text.rfind("{", max(0, at - 200), at)
        if brace < 0 or "}" in text[brace:at]:
            return None
        before = text[max(0, brace - 48) : brace].rstrip(" \t")
        if not before.endswith((":", "=")):
            return None
        m = _PARENT.search(before.rstrip(":= \t").rstrip("\"'"))
        return m.group(0) if m else None

    def _resolve(self, code: str, kind: str, key: str | None, line: str, http_status: int | None) -> list[Match]:
        """The entries a code may be, best guess first, given what else the line says."""
        memo_key = (code, kind, key)
        known = self._resolved.get(memo_key)
        if known is not None:
            return list(known)  # one candidate, or none: nothing else on the line can change it
        matches = self._rank(code, kind, key, line, http_status)
        if len(matches) <= 1:
            if len(self._resolved) > 8192:
                self._resolved.clear()  # bounded: constant memory on any input
            self._resolved[memo_key] = tuple(matches)
        return matches

    def _rank(self, code: str, kind: str, key: str | None, line: str, http_status: int | None) -> list[Match]:
        if kind == "name":
            entries = self.index.names(code, self.sources)
            match_kind = "name"
        else:
            entries = list(self.index.codes(code, self.sources))
            match_kind = "exact"
            if not entries and kind != "http":
                entries = self.index.names(code, self.sources)
                match_kind = "name"
        if not entries:
            return []
        if kind == "http":
            entries = [e for e in entries if _is_http_entry(e)]
        claimed = self.claimed_by(key) if key else set()
        if claimed and any(e.source in claimed for e in entries):
            entries = [e for e in entries if e.source in claimed]
        if len(entries) == 1:
            return [Match(code, entries[0], match_kind)]  # type: ignore[arg-type]
        lowered = line.lower()
        # hint words only tell sources apart; within one source they change nothing
        hinted = self._hinted(lowered) if len({e.source for e in entries}) > 1 else set()

        def score(entry: Entry) -> tuple[int, int]:
            points = 0
            if entry.source in claimed:
                points += 8
            if entry.source in hinted:
                points += 4
            if http_status is not None and http_status in entry.http_status and not _is_http_entry(entry):
                points += 3
            for text in (entry.message, entry.name):
                if text and len(text) >= 4 and text.lower() in lowered and text.lower() != code.lower():
                    points += 5
                    break
            if kind != "http" and _is_http_entry(entry):
                # "code": 200 under a key no catalogue claims is far likelier HTTP's OK than
                # a vendor's report code 200; an error status there is less certain
                points += 6 if key and not claimed and code.startswith("2") else -2
            return (-points, self._order.get(entry.source, 99))

        ranked = sorted(entries, key=score)
        return [Match(code, e, match_kind) for e in ranked]  # type: ignore[arg-type]

    # ------------------------------------------------------------------ streams
    def scan_stream(self, stream: BinaryIO) -> Iterator[Block]:
        """Blocks of whole lines as read, each with its lines' findings; constant memory."""
        state = StreamState()
        for unit in units(stream):
            yield self.scan_unit(unit, state)

    def scan_unit(self, unit: Unit, state: StreamState) -> Block:
        """Scan one unit of a stream; ``state`` carries an over-long line from piece to piece."""
        if unit.piece:
            # an over-long line: pass this piece through and look at it now
            state.carry.extend(self._scan_piece(unit.data, unit.number + 1, state.overlap))
            state.overlap = unit.data[-OVERLAP:].decode("utf-8", "replace")
            return Block(unit.data)
        block, _ = self._scan_block(unit.data, unit.number, state.carry, state.overlap, final=unit.final)
        state.carry, state.overlap = [], ""
        return block

    def _scan_piece(self, data: bytes, number: int, overlap: str) -> list[Finding]:
        if not self.candidate_lines(overlap.encode("utf-8", "replace") + data):
            return []  # the block filter first: most of a huge line is seldom worth a close look
        text = overlap + data.decode("utf-8", "replace")
        return [f for f in self.scan_line(text, number) if f.column > len(overlap)]

    def _scan_block(
        self, data: bytes, number: int, carry: list[Finding], overlap: str, final: bool = False
    ) -> tuple[Block, int]:
        block = Block(data)
        candidates = self.candidate_lines(data)
        first_end = data.find(b"\n") + 1 or len(data)
        if carry or overlap:
            # the first line of this block ends an over-long line begun in earlier pieces
            found = list(carry)
            if 0 not in candidates:
                candidates = [0, *candidates]
            line_text = overlap + _decode_line(data[:first_end])
            found.extend(f for f in self.scan_line(line_text, number + 1) if f.column > len(overlap))
            if found:
                block.lines.append(LineResult(number + 1, first_end, found))
            candidates = [c for c in candidates if c != 0]
        line_starts = _LineCounter(data)
        for start in candidates:
            end = data.find(b"\n", start)
            end = len(data) if end < 0 else end + 1
            text = _decode_line(data[start:end])
            line_no = number + line_starts.number(start)
            found = self.scan_line(text, line_no)
            if found:
                block.lines.append(LineResult(line_no, end, found))
        number += data.count(b"\n") + (1 if final and not data.endswith(b"\n") else 0)
        return block, number


def _word_positions(text: str, word: str) -> Iterator[int]:
    """Where a word stands whole in a text (not inside a longer identifier)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            yield at
        at = text.find(word, at + 1)


class _Spans:
    """The spans of one line that hold a code, each taken once (first finder wins)."""

    __slots__ = ("raw", "taken")

    def __init__(self) -> None:
        self.raw: list[tuple[int, int, str, str, str, str | None]] = []  # start, end, code, context, kind, key
        self.taken: set[tuple[int, int]] = set()

    def add(self, start: int, end: int, code: str, context: str, kind: str, key: str | None = None) -> None:
        if (start, end) not in self.taken:
            self.taken.add((start, end))
            self.raw.append((start, end, code, context, kind, key))

    def covers(self, at: int) -> bool:
        return any(start <= at < end for start, end, *_ in self.raw)


def _find_all(data: bytes, literal: bytes) -> Iterator[int]:
    at = data.find(literal)
    while at >= 0:
        yield at
        at = data.find(literal, at + 1)


def _line_starts(data: bytes, positions: Iterable[int], into: set[int]) -> None:
    """Add the start of the line of each position (increasing), each line looked up once."""
    line_end = -1
    for at in positions:
        if at < line_end:
            continue
        into.add(data.rfind(b"\n", 0, at) + 1)
        line_end = data.find(b"\n", at)
        if line_end < 0:
            line_end = len(data)


@dataclass(frozen=True, slots=True)
class Unit:
    """A run of input to scan: whole lines (``number`` lines came before), or a piece of
    an over-long line."""

    data: bytes
    number: int
    final: bool = False
    piece: bool = False


@dataclass
class StreamState:
    """What one piece of an over-long line leaves for the next."""

    carry: list[Finding] = field(default_factory=list)
    overlap: str = ""

    @property
    def idle(self) -> bool:
        return not self.carry and not self.overlap


def units(stream: BinaryIO) -> Iterator[Unit]:
    """Cut a byte stream into units as it is read: whole lines where it can, constant memory."""
    from errlookup.errors import InputError

    number = 0
    pending = b""
    read = getattr(stream, "read1", stream.read)
    while True:
        try:
            chunk = read(BLOCK)
        except (OSError, EOFError) as exc:
            raise InputError(getattr(exc, "strerror", None) or str(exc)) from None
        if not chunk:
            break
        data = pending + chunk if pending else chunk
        cut = data.rfind(b"\n") + 1
        if cut == 0 and len(data) < MAX_LINE:
            pending = data
            continue
        if cut == 0:
            pending = b""
            yield Unit(data, number, piece=True)
            continue
        whole, pending = data[:cut], data[cut:]
        yield Unit(whole, number)
        number += whole.count(b"\n")
    if pending:
        yield Unit(pending, number, final=True)


class _LineCounter:
    """Line number of an offset within a block, counting forward as offsets grow."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offset = 0
        self.count = 1

    def number(self, offset: int) -> int:
        self.count += self.data.count(b"\n", self.offset, offset)
        self.offset = offset
        return self.count


def _decode_line(raw: bytes) -> str:
    return raw.rstrip(b"\r\n").decode("utf-8", "replace")


def _humps(label: str) -> int:
    """Words of a CamelCase name: QuotaLockFailed has 3."""
    return len(re.findall(r"[A-Z][a-z0-9]*", label))


def _is_distinctive(label: str) -> bool:
    if len(label) < 6 or not label.isascii():
        return False
    if "_" in label.strip("_") and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]+", label):
        return True
    return bool(re.fullmatch(r"(?:[A-Z][a-z0-9]+){2,}[A-Za-z0-9]*|[A-Z][a-z]+(?:[A-Z]+[a-z0-9]*)+", label))


def _looks_like_code(value: str) -> bool:
    """An unknown value that still reads as a code: snake_case, CamelCase or UPPER words."""
    if not value.isascii() or len(value) < 3 or value.lower() in _NOT_VALUES:
        return False
    if re.fullmatch(r"\d+(?:\.\d+)+", value):
        return False  # a version or a decimal
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+", value))


def _is_http_entry(entry: Entry) -> bool:
    """An entry whose code is itself an HTTP status (Rev23's 404, VoipNow's 200)."""
    return bool(entry.code and entry.code.isdigit() and int(entry.code) in entry.http_status)


def _is_success(code: str, kind: str, best: Entry | None) -> bool:
    if best is not None:
        return best.is_success
    if kind == "http":
        return code < "400"
    return normalize(code) == "0"


def _inconsistency(best: Entry | None, kind: str, http_status: int | None) -> str | None:
    if best is None or kind == "http" or http_status is None or not best.http_status or _is_http_entry(best):
        return None
    if http_status in best.http_status:
        return None
    documented = " / ".join(str(s) for s in best.http_status)
    doubt = ", marked doubtful" if best.http_status_doubtful else ""
    return f"logged with HTTP {http_status}, documented as {documented}{doubt}"


# ---------------------------------------------------------------------- inputs


def open_input(path: str) -> BinaryIO:
    """A binary stream for a path (``-`` is stdin); ``.gz`` files are read decompressed."""
    import sys

    from errlookup.errors import ErrlookupError

    if path == "-":
        return sys.stdin.buffer
    try:
        fh = open(path, "rb")  # noqa: SIM115 - the caller closes it
        if fh.peek(2)[:2] == b"\x1f\x8b":
            import gzip

            return gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[return-value]
        return fh
    except FileNotFoundError:
        raise ErrlookupError(f"cannot read {path}: no such file") from None
    except IsADirectoryError:
        raise ErrlookupError(f"cannot read {path}: is a folder") from None
    except PermissionError:
        raise ErrlookupError(f"cannot read {path}: permission denied") from None
    except OSError as exc:
        raise ErrlookupError(f"cannot read {path}: {exc.strerror or exc}") from None


# ---------------------------------------------------------------------- summary


@dataclass
class Seen:
    """How often one code was seen, and where first and last."""

    count: int = 0
    first: tuple[str, int] = ("", 0)
    last: tuple[str, int] = ("", 0)
    entry: Entry | None = None
    contexts: set[str] = field(default_factory=set)

    def add(self, path: str, line: int) -> None:
        if not self.count:
            self.first = (path, line)
        self.count += 1
        self.last = (path, line)


@dataclass
class Tally:
    """Counts for ``scan --summary``: known codes by source and code, unknown codes apart."""

    known: dict[tuple[str, str], Seen] = field(default_factory=dict)
    unknown: dict[str, Seen] = field(default_factory=dict)
    lines_with_findings: int = 0
    paths: list[str] = field(default_factory=list)

    def add(self, path: str, findings: Sequence[Finding]) -> None:
        if path not in self.paths:
            self.paths.append(path)
        if findings:
            self.lines_with_findings += 1
        for f in findings:
            best = f.best
            if best is None:
                key = f"HTTP {f.code}" if f.kind == "http" else f.code
                seen = self.unknown.setdefault(key, Seen())
            else:
                seen = self.known.setdefault((best.source, best.code or f.code), Seen(entry=best))
            seen.contexts.add(f.context)
            seen.add(path, f.line)

    @property
    def total(self) -> int:
        return sum(s.count for s in self.known.values()) + sum(s.count for s in self.unknown.values())
