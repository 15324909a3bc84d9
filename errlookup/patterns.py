"""The patterns of the scanner: which keys hold codes, and how codes stand in logs.

Kept apart from the scanner's logic so the two can be read (and changed) separately.
Patterns for the first stage work on whole lower-cased blocks of bytes and each
starts with a literal, which the block filter's search skips to (``findbytes``: the C
library's ``strstr``); the others read the candidate lines.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from errlookup import regexes

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
#: OAuth 2.0's error codes (RFC 6749, 6750), which come as ``error=...`` or ``"error": "..."``
#: and some of which a vendor also uses in its own shape (VoipNow's error.code access_denied).
OAUTH_ERRORS = frozenset(
    "invalid_request unauthorized_client access_denied unsupported_response_type invalid_scope server_error "
    "temporarily_unavailable invalid_client invalid_grant unsupported_grant_type invalid_token "
    "insufficient_scope expired_token".split()
)
OAUTH_KEY_BEFORE = regexes.compile(r"(?<![\w.])error[\"']?[ \t]*[:=][ \t]*[\"']?$")
NOT_VALUES = frozenset("true false null none nil ok success yes no undefined nan".split())


def word_ending(suffix: str, *words: tuple[str, str]) -> str:
    r"""``\b(?:word1 rest1|word2 rest2 ...)`` for words that all end in ``suffix``.

    Written to begin with that literal, which the regex engine skips to at the speed of
    a string search; each word is then checked by looking behind.
    """
    branches = (f"(?<={re.escape(w)})(?<!\\w{re.escape(w)}){rest}" for w, rest in words)
    return re.escape(suffix) + "(?:" + "|".join(branches) + ")"


#: Not a code: a count and its share, "Err: 401 (5.49%)" (after a key's value or a phrase's).
_NOT_A_SHARE = r"(?![ \t]*+\([0-9.,]++[ \t]*+%\))"
#: Rust's io::Error, "Os { code: 111, kind: ConnectionRefused }": the system's errno (lower-cased, before its "code").
RUST_IO_ERROR = "os { "
# key: value, key=value, "key": "value", 'key': value, on the lower-cased line. Every
# key that holds a code ends in one of these words (errorCode, rev23_status, errno,
# error.number), so the pattern starts there and the key's beginning is found by
# looking back (KEY_BACK). The value is taken whole and may not itself be followed by
# ":" or "=" (then it is the next key, as in `cca: "ResultCode": 102`), so one pair
# never swallows the key of the next. Quotes may be doubled (CSV) or escaped (JSON
# inside a JSON string): ""code"", \"code\".
# The repeats are possessive where what follows cannot match what they would give back
# (the same matches on the corpora and 3,000 random texts of keys, quotes and
# separators): a failed attempt stops at once instead of trying every shorter run, a
# third of these patterns' time. Not "\]?": `code: abc]:` matches by leaving its "]" out.
_KV_VALUE = (
    r"""[_.$@-]{0,8}+(?P<kq>(?:\\{0,2}+["']){0,2}+)[ \t]{0,8}+(?:=>|[:=])[ \t]{0,8}+"""
    r"""(?P<q>(?:\\{0,2}+["']){0,2}+)\[?(?P<val>[a-z0-9_.+-]{1,64}+)(?![a-z0-9_.+-])\]?(?P=q)(?![ \t]*+[:=])"""
    + _NOT_A_SHARE
)
#: One pattern per last word, so that each begins with a literal the engine skips to.
KV = (
    ("code", regexes.compile("code" + _KV_VALUE)),
    ("status", regexes.compile("status" + _KV_VALUE)),
    ("err", regexes.compile(r"err(?:or)?+(?:[_.-]?(?:number|num|no))?" + _KV_VALUE)),
)
#: A key's characters, matched on the reversed text before a key's last word.
KEY_BACK = regexes.compile(r"[\w.$@-]{0,64}")
KEY_CHAR = regexes.compile(r"[\w.$@-]")
KEY_START = regexes.compile(r"[A-Za-z_$@]")
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
HTTP = regexes.compile(
    r"http(?:/[0-9](?:\.[0-9])?(?:\"?[ \t]+|\",\")(?P<line>[1-5][0-9][0-9])\b(?![.:/-][0-9])"
    r"|[ \t]+error[ \t]+(?P<iis>[45][0-9][0-9])\.[0-9]{1,3}(?![0-9])"  # IIS: "HTTP Error 404.13"
    # ASP.NET Core: "Request finished HTTP/1.1 POST http://host/path - 500 0 - 12.3ms"
    r"|/[0-9](?:\.[0-9])?[ \t]+[a-z]+[ \t]+\S+(?:[ \t]+-)++[ \t]+(?P<finished>[1-5][0-9][0-9])\b(?![.:/-][0-9])"
    r"|(?:[ \t]+(?:error|status|code|response))?[ \t]*[:=#]?[ \t]*(?P<word>[1-5][0-9][0-9])\b(?![.:/-][0-9]))"
)
_RETURNED_STATUS = (
    r"[ \t]+(?:an?[ \t]+)?(?:http[ \t]+)?(?:status[ \t]+)?(?:code[ \t]+)?(?:of[ \t]+)?"
    r"(?P<returned>[1-5][0-9][0-9])\b(?![.:/-][0-9])"
)
RETURNED = regexes.compile(
    word_ending(
        "ed",
        ("returned", ""),
        ("responded", r"(?:[ \t]+with)?"),
        ("failed", r"[ \t]+with"),
        ("rejected", r"[ \t]+with"),
        ("answered", r"(?:[ \t]+with)?"),
        ("replied", r"(?:[ \t]+with)?"),
    )
    + _RETURNED_STATUS
)
# the same in the present tense: "the API returns 404", "answers 400 with ..."
RETURNS = regexes.compile(
    word_ending(
        "s",
        ("returns", ""),
        ("responds", r"(?:[ \t]+with)?"),
        ("answers", r"(?:[ \t]+with)?"),
        ("replies", r"(?:[ \t]+with)?"),
        ("fails", r"[ \t]+with"),
    )
    + _RETURNED_STATUS
)
# "expected 200 but got 404", "client got 504"; "... but was 500". Each begins with its
# literal, which the engine skips to: as one pattern beginning with an alternation it was
# tried at every character of the lines read (60 ms of a 32 MiB scan, a tenth of its close reading).
GOT = regexes.compile(r"got(?<![a-z]got)" + _RETURNED_STATUS)
BUT_WAS = regexes.compile(r"but[ \t]+was" + _RETURNED_STATUS)
#: A value given as the expected one, before the actual one: "expected HTTP 400 but was
#: 500", "expected <a> but was <b>", jest's "Expected: a  Received: b" (on the lower-cased
#: line, before the value and after it)
EXPECTED_BEFORE = regexes.compile(r"expected[ \t:]*(?:http[ \t]+)?(?:status[ \t]+)?(?:code[ \t]+)?[\"'<\[]?$")
EXPECTED_AFTER = regexes.compile(r"[\"'>\]]?[ \t,;]*(?:but[ \t]+(?:was|got|received)|received:)")
#: Status lines of other protocols, before a status and its reason ("SIP/2.0 401 Unauthorized")
OTHER_PROTOCOLS = ("sip/2.0 ", "rtsp/1.0 ")
#: Another protocol's name as a column of a packet list, before a "Status:" (Wireshark's
#: "SIP  512  Status: 503 Service Unavailable"), on the line as written
OTHER_PROTOCOL_COLUMNS = (" SIP ", " RTSP ")
OTHER_PROTOCOL_WORDS = tuple(word.lower() for word in OTHER_PROTOCOL_COLUMNS)
#: A success text beside a code: ``"code":"1001","description":"Queued"`` is a vendor's
#: accepted answer (IMIconnect's send API), not the error another catalogue gives that
#: number. Found from the words (on the lower-cased text), then the key before them: a
#: pattern that begins with the keys is tried at most letters (40 ns a byte, measured).
SUCCESS_WORDS = ("queued", "accepted", "successful", "success", "delivered", "submitted")
SUCCESS_KEY_BEFORE = regexes.compile(
    r"""(?<![a-z_])(?:description|desc|message|msg|status_?text|detail)["'\\]{0,3}[ \t]*[:=][ \t]*["'\\]{0,3}$"""
)
#: Application Insights records, whose ResultCode is an HTTP status (not Askia's)
APP_INSIGHTS = ("apprequests", "appdependencies", "dependencytype")
# and ongoing: "keeps answering 401"
RETURNING = regexes.compile(
    word_ending(
        "ing",
        ("returning", ""),
        ("responding", r"(?:[ \t]+with)?"),
        ("answering", r"(?:[ \t]+with)?"),
        ("replying", r"(?:[ \t]+with)?"),
        ("failing", r"[ \t]+with"),
    )
    + _RETURNED_STATUS
)
# A number of three digits or more standing alone before a word, and what may follow
# it: "404 Not Found" or "502 (Bad Gateway)" (an RFC 9110 reason phrase), "404 Client
# Error", a message. One pattern for all of them, since one that begins with a digit
# is tried at every digit of the line.
NUMBER = regexes.compile(
    r"(?P<num>[0-9](?<!\w.)[0-9][0-9]+)(?!\w)(?=[ \t:(\"'-]*+[a-z])(?:[ \t]+(?:\(?(?P<reason>"
    + "|".join(re.escape(r) for r in sorted(REASONS, key=len, reverse=True))
    + r")(?![a-z])|(?:(?:client|server)[ \t]+)?(?P<client>errors?)\b))?"
)
#: The shape of an ASCII text in which NUMBER's candidates are found quickly: letters
#: and "_" become "a", digits "0". A pattern that begins with a digit is tried at every
#: digit of the text (a log line is a third digits); on the shape it begins with the
#: literal "000", which the engine skips to (twice as fast, measured).
DIGIT_SHAPE = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_0123456789", b"a" * 53 + b"0" * 10)
NUMBER_SHAPE = regexes.compile(rb"000(?<![a0]000)0*+[ \t:(\"'-]++a")
# "GET /v1/users 409 8ms", "-> 400", "| 404 |", HAProxy's "0/0/1/401/402 503 212": a
# request line, an arrow, a pipe-separated field, HAProxy's timers, then the status
METHOD = regexes.compile(
    word_ending(" /", *((f"{m} /", "") for m in ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")))
    + r"\S*[ \t]+(?P<method>[1-5][0-9][0-9])\b(?![.:/-][0-9])"
)
_ARROW_STATUS = r"[ \t]*(?P<arrow>[1-5][0-9][0-9])\b(?![.:/-][0-9])"
ARROW = regexes.compile(r">(?<=[-=]>)" + _ARROW_STATUS)  # "->", "=>"
ARROW_SIGN = regexes.compile("→" + _ARROW_STATUS)
ARROW_BACK = regexes.compile(r"<--?" + _ARROW_STATUS)  # OkHttp's "<-- 400 https://..."
PIPE = regexes.compile(r"\|[ \t]*(?P<pipe>[1-5][0-9][0-9])[ \t]*\|")
HAPROXY = regexes.compile(
    r"[0-9](?<![0-9/].)[0-9]*/(?:-?[0-9]+/){3}\+?-?[0-9]+[ \t]+(?P<haproxy>[1-5][0-9][0-9])[ \t]+\+?[0-9]+\b"
)
# an AWS ALB access log: "h2 <time>Z app/<name>/<id> client:port target:port 0.001 -1 -1
# 504 - 734 310 "POST ...": the load balancer's status after the three timings
ALB = regexes.compile(
    r"z app/\S+ \S+ \S+ -?[0-9.]+ -?[0-9.]+ -?[0-9.]+ (?P<alb>[1-5][0-9][0-9]) (?:[1-5][0-9][0-9]|-) [0-9]+ [0-9]+ \""
)


class Shape(NamedTuple):
    """An HTTP status shape, read only on the lines that hold one of its ``gates``."""

    pattern: re.Pattern[str]
    gates: tuple[str, ...]
    on_text: bool = False  # matched on the line as written, not lower-cased
    #: The pattern does not begin with its gate (it begins with a suffix, or a digit):
    #: the lines that hold a gate are found first, and only they are read (a line's
    #: findings never depend on its neighbours).
    by_line: bool = False


#: The HTTP status shapes. Between the first and the rarer ones the scanner reads NUMBER
#: ("404 Not Found").
HTTP_FIRST: tuple[Shape, ...] = (
    Shape(HTTP, ("http",)),
    # the verbs themselves: a pattern that begins with "ed" or "s" is tried at most words
    Shape(RETURNED, ("returned", "responded", "failed", "rejected", "answered", "replied"), by_line=True),
    Shape(RETURNS, ("returns", "responds", "answers", "replies", "fails"), by_line=True),
    Shape(GOT, ("got",)),
    Shape(BUT_WAS, ("but",)),
    Shape(RETURNING, ("returning", "responding", "answering", "replying", "failing"), by_line=True),
)
HTTP_RARER: tuple[Shape, ...] = (
    Shape(PIPE, ("|",)),
    Shape(METHOD, (" /",), on_text=True),
    Shape(ARROW, (">",), on_text=True),
    Shape(ARROW_SIGN, ("→",), on_text=True),
    Shape(ARROW_BACK, ("<-",)),
    Shape(HAPROXY, ("haproxy",), by_line=True),  # begins with a digit
    Shape(ALB, ("z app/",)),
)
# "failed: conflict (409)", "call failed (401)": a status in parentheses after its reason
# phrase or "failed" (checked by the scanner)
PAREN = regexes.compile(r"\((?P<paren>[45][0-9][0-9])\)")
#: A SQLSTATE in parentheses after an error number: MySQL's "ERROR 1100 (HY000)"
SQLSTATE_AFTER = regexes.compile(r"[ \t]*\((?=[0-9A-Z]*[0-9])[0-9A-Z]{5}\)")
#: Other systems with error codes of their own, whose names on a line make a code in a
#: phrase theirs, unless the line also names a source of that code (lower-cased).
FOREIGN = (
    "mysql", "mariadb", "postgres", "sqlstate", "cloudflare", "websocket", "twilio", "stripe",
    "smtp", "grpc", "redis", "mongo", "kafka", "azure",
)  # fmt: skip
REASON_ENDINGS = (*sorted(REASONS, key=len, reverse=True), "failed", "error", "status")
# "Salto KS 403 ErrorCode 1500": a status right after a vendor's name (its hint word)
AFTER_HINT = regexes.compile(r"[ \t:]+(?:api[ \t]+)?(?P<hint>[45][0-9][0-9])(?![\w.])")
# a tab-separated access log (CloudFront): the status right after the path, on a line
# with a method field
TAB = regexes.compile(r"\t/[^\t]*\t(?P<tab>[1-5][0-9][0-9])\t")
TAB_METHODS = tuple(f"\t{method}\t" for method in ("get", "post", "put", "patch", "delete", "head", "options"))
# a W3C extended log line (IIS, Azure App Service): date, time, ... the status and the
# numbers after it (substatus, Win32 status, bytes, time taken) at the end
W3C = regexes.compile(
    r"[0-9]{4}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9] .* (?P<w3c>[1-5][0-9][0-9])(?: [0-9]+){3,5}"
)
#: What a W3C line carries between the server's port and the client's address, an
#: empty user field (" 443 - 10.0.0.8"), on a shape in which digits are "0": found
#: from its rarer end (strstr checks a needle's first two bytes at once, and "00" is
#: everywhere in a shape), then the port's last digits looked at.
W3C_PORT_SHAPE = b" - 0"
W3C_PORT_BEFORE = b"00"
HTTP_CONTEXTS = {
    "line": "HTTP status line",
    "word": "HTTP status",
    "returned": "HTTP status (returned)",
    "client": "HTTP error",  # "404 Client Error"
    "reason": "HTTP status and reason phrase",
    "pipe": "access log status field",
    "haproxy": "HAProxy log status field",
    "method": "request line status",
    "arrow": "HTTP status (after an arrow)",
    "paren": "HTTP status after its reason phrase",
    "tab": "access log status field",
    "w3c": "W3C log status field",
    "hint": "HTTP status after the vendor's name",
    "iis": "HTTP status (with IIS substatus)",
    "finished": "request log status",
    "alb": "ALB log status field",
}
# "error 7302", "error code 2213", "result code 102", "status code 7628", on the lower-cased line
# Possessive where nothing given back could match (as in _KV_VALUE; the same matches
# on the corpora and 20,000 random texts of these words): 17% less time in the engine.
_PHRASE_VALUE = (
    r"(?:[ \t_-]?(?:code|number|no\.?|num|#))?(?![a-z])[ \t]*+(?:[:#=][ \t]*+)?+(?:of[ \t]++)?+[\"'\[]?"
    r"(?P<val>[0-9]{1,6}+|[a-z][a-z0-9]*+(?:_[a-z0-9]++)++)\b(?![.:/-][0-9])"
    r"(?![ \t]*+(?:m?s|secs?|seconds?|mins?|minutes?|hours?|bytes?|[kmg]i?b|%)(?![a-z]))"  # 503 s: a duration
    + _NOT_A_SHARE
)
#: (a word the line must hold, the pattern): each begins with a literal.
PHRASES = tuple(
    (first, regexes.compile(f"(?P<word>{first}(?<!\\w{first}){rest})" + _PHRASE_VALUE))
    for first, rest in (
        ("err", "(?:or)?"),
        ("re", "(?:sult|turn|sponse|ason)"),
        ("fa", "(?:ult|ilure)"),
        ("status", ""),
        ("code", ""),  # "(code 7025)": the scanner asks more of a bare "code"
    )
)
# Words that may be a code or name standing alone: numbers of three digits or more (on
# the lower-cased line), CamelCase words (on the line as written); snake_case codes are
# found by what follows their first "_" (the scanner builds that pattern from its catalogues).
#: The characters of a word, matched on the reversed text before a "_".
WORD_BACK = regexes.compile(r"[a-z0-9_]*")
WORD_CHAR = regexes.compile(r"\w")
# (a capital, small letters, a capital: what the block filter finds from its "aA")
CAMEL = regexes.compile(r"[A-Z](?<!\w.)[a-z]+[A-Z][A-Za-z0-9_]*(?!\w)")
#: CAMEL's candidates on the shape of an ASCII text (SHAPE below), where it begins with
#: a literal the engine skips to, instead of being tried at every capital letter.
CAMEL_SHAPE = regexes.compile(rb"Aaa*+A")
PARENT = regexes.compile(r"[A-Za-z_]\w{0,40}$")

# First stage, on the lower-cased block. Each trigger is a literal and a pattern that
# begins with it: findbytes skips to the literal faster than the regex engine (strstr;
# bytes.find two to four times, measured), and the pattern is tried only there. Possessive repeats keep
# the engine from trying the other ways to match.
# Quotes around a key or value: none, one, doubled or escaped (a superset of the line
# patterns' forms, matched possessively: nothing after them is a quote).
Q = rb"""["'\\]{0,6}+"""
# Between key and value: ":", "=" or a space, with spaces around.
SEP = rb"[ \t]{0,8}(?:=>|[:= ])[ \t]{0,8}+"
Trigger = tuple[bytes, "re.Pattern[bytes] | None"]
STAGE1_ERRORS: tuple[Trigger, ...] = (
    (b"code", regexes.compile(rb"code" + Q + SEP + Q + rb"[a-z0-9_]")),
    (b"status", regexes.compile(rb"status" + Q + SEP + Q + rb"(?:code[ \t]+)?(?:of[ \t]+)?(?:[45]\d\d|\d{4})")),
    (
        b"err",
        regexes.compile(
            rb"err(?:or|no)?" + Q + rb"[ \t]{0,8}(?:=>|[:=# ])[ \t]{0,8}+" + Q + rb"(?:code[ \t]+|#|\[)?[a-z0-9_]"
        ),
    ),
    (b"haproxy", None),
    # an AWS ALB access log line (its time, then its name): found from " app/", since
    # strstr checks a needle's first two bytes at once and "z " follows every ISO time
    (b" app/", regexes.compile(rb" app/(?<=z app/)")),
    (b"response", regexes.compile(rb"response[ \t]++(?:code[ \t]++)?+[:=#]?[ \t]*+[\"']?[1-5]\d\d")),
    (
        b"http",
        regexes.compile(
            rb"""http(?:/\d(?:\.\d)?+(?:"?+[ \t]++|","|[ \t]++[a-z]++[ \t]++\S++(?:[ \t]++-)++[ \t]++)"""
            rb"""|[ \t]++(?:(?:error|status|code)[ \t]++)?+)[45]\d\d"""
        ),
    ),
    # "returned 402", "failed with 503", "responded with HTTP 500": a verb in -ed, a status
    (
        b"ed ",
        regexes.compile(
            rb"ed [ \t]*+(?:with[ \t]++)?+(?:an?[ \t]++)?+(?:http[ \t]++)?+(?:status[ \t]++)?+(?:code[ \t]++)?+"
            rb"(?:of[ \t]++)?+[1-5]\d\d"
        ),
    ),
)
#: Triggers on one byte, which bytes.find (memchr) skips to fastest, two to three times
#: faster than strstr: "-> 503", OkHttp's "<-- 400", "(501)", "| 404 |".
STAGE1_MARKS: tuple[Trigger, ...] = (
    (b">", regexes.compile(rb">(?<=[-=]>)[ \t]*+[1-5]\d\d(?!\d)")),
    (b"<", regexes.compile(rb"<--?+[ \t]*+[1-5]\d\d(?!\d)")),
    (b"(", regexes.compile(rb"\((?:[45]\d\d\)|(?<=[1-5]\d\d \()[a-z])")),  # "(501)", "502 (Bad Gateway)"
    (b"|", regexes.compile(rb"\|[ \t]*[1-5]\d\d[ \t]*\|")),
)
STAGE1_ALL: tuple[Trigger, ...] = (
    (b"http/", regexes.compile(rb"""http/\d(?:\.\d)?"?[ \t]+[1-5]\d\d""")),
    (b"status", regexes.compile(rb"status" + Q + SEP + Q + rb"[0-9]")),
)
#: A tab-separated access log's status field (CloudFront): found from the tab.
STAGE1_TAB = (b"\t", regexes.compile(rb"\t/[^\t\n]*+\t[1-5]\d\d\t"))
# Upper/lower-case shape of a block, where the block filter finds CamelCase names from
# their first hump ("aA") and statuses before a capitalised word ("000 Aa") by literals.
SHAPE = bytes.maketrans(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", b"A" * 26 + b"a" * 26 + b"0" * 10
)
#: On the shape, a status before a capitalised word ("404 Not Found").
REASON_SHAPE = b"000 Aa"
TOKEN_AT = regexes.compile(rb"[A-Za-z0-9_]+")
