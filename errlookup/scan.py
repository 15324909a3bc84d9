"""Finding error codes in logs: what counts as a finding, which source it belongs to.

Two stages keep the per-byte cost near that of copying the input. The first works
on whole blocks of bytes with regular expressions that each start with a literal
(``code``, ``status``, ``http/`` ...), which the C library's ``strstr`` skips to
(``findbytes``), and picks out the few lines that may hold a finding. The second
reads only those lines closely: key/value pairs, status lines, phrases and names,
each finding resolved to catalogue entries and ranked by what else the line says.

Nothing here prints: ``scan_stream`` yields blocks of input with the findings of
their lines, and the renderer writes them out.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import AnyStr, BinaryIO, NamedTuple

from errlookup import findbytes, patterns, regexes
from errlookup.index import Index, normalize
from errlookup.model import Catalog, Entry, Match
from errlookup.stream import StreamState, Unit, units

#: Bytes of the previous piece of an over-long line read again with the next piece,
#: so a code split across the cut is still seen.
OVERLAP = 512
#: Findings of an over-long line kept until it ends when lines are not numbered (the
#: annotations after it show 20 and count the rest). Numbered output (JSON Lines, the
#: summary) takes a piece's findings with the piece instead. Held whole, a line of 80 MiB
#: with a code every KiB took 104 MiB to annotate and 196 MiB as JSON Lines.
CARRY_KEEP = 1000
_NONE: frozenset[str] = frozenset()
#: How far from a code, on a line longer than twice this, the ranking looks for its entries' texts.
RANK_REACH = 4096


class Finding(NamedTuple):
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


class LineResult(NamedTuple):
    """The findings of one input line; ``end`` is the offset just past it in its block."""

    number: int
    end: int
    findings: list[Finding]
    #: Findings past ``findings``, counted and not kept: an over-long line scanned without
    #: line numbers (annotate mode) keeps its first CARRY_KEEP only, so that memory stays
    #: bounded whatever the line's length.
    more: int = 0


class Block:
    """A run of whole input lines, byte for byte, and the findings of those lines."""

    __slots__ = ("data", "lines")

    def __init__(self, data: bytes, lines: list[LineResult] | None = None) -> None:
        self.data = data
        self.lines: list[LineResult] = [] if lines is None else lines

    def __repr__(self) -> str:
        return f"Block(data={self.data!r}, lines={self.lines!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Block) and (self.data, self.lines) == (other.data, other.lines)

    __hash__ = None  # type: ignore[assignment]


#: A NamedTuple from a tuple of all its fields, without the ``__new__`` it has in Python.
_make = tuple.__new__


@lru_cache(maxsize=4096)
def _norm_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", key.lower())


@lru_cache(maxsize=4096)
def _key_path(key: str) -> tuple[str, ...]:
    """``Response.ResultCode`` -> ("response", "resultcode")."""
    return tuple(_norm_key(part) for part in key.split(".") if part)


@lru_cache(maxsize=4096)
def _key_about(key: str) -> tuple[str, str, bool] | None:
    """(class, context, a bare "code" that may stand in a parent object) of a key, or None."""
    cls = _key_class(key)
    return None if cls is None else (cls, f"key {key}", "." not in key and _norm_key(key) == "code")


@lru_cache(maxsize=4096)
def _key_class(key: str) -> str | None:
    """'http' for a key holding an HTTP status, 'code' for an error code, else None."""
    last, full = _norm_key(key.rsplit(".", 1)[-1]), _norm_key(key)
    if not last or last in patterns.NOT_CODE_KEYS or full in patterns.NOT_CODE_KEYS:
        return None
    if full.endswith(patterns.HTTP_KEYS):
        return "http"
    if ("http" in last or "response" in last) and last.endswith(("error", "code", "status")):
        return "http"  # HTTPError: 401, ClientResponseError: 504, response_code=502
    if last in patterns.CODE_KEYS or full.endswith(tuple(k for k in patterns.CODE_KEYS if k not in ("code", "err"))):
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
        line_numbers: bool = True,
    ) -> None:
        self.index = index
        #: Number the lines of findings; annotating a stream does not need to (it is a
        #: pass over every byte), and then each finding's ``line`` is 0.
        self.line_numbers = line_numbers
        #: Also report codes in error contexts that no catalogue knows (for the summary).
        self.report_unknown = report_unknown and sources is None
        self.sources = list(sources) if sources is not None else None
        self.include_success = include_success
        self.catalogs: dict[str, Catalog] = {c.id: c for c in index.catalogs}
        self._order = {c.id: i for i, c in enumerate(index.catalogs)}
        # the keys each catalogue claims: "ResultCode" is Askia's, "error.code" VoipNow's
        self.claims = [(_key_path(key), c.id) for c in index.catalogs for key in c.scan_keys if _key_path(key)]
        # one pattern for every source's hint words; the word found tells the sources
        self._hint_sources: dict[str, set[str]] = {}
        for c in index.catalogs:
            for hint in c.scan_hints:
                if hint.strip():
                    self._hint_sources.setdefault(hint.strip().lower(), set()).add(c.id)
        self._hint_words = sorted(self._hint_sources, key=len, reverse=True)
        self._candidates: dict[tuple[str, str, str | None], _Candidates] = {}
        self._labels: dict[str, tuple[str, ...]] = {}  # a known number's messages and names, lower-cased
        self._value_kinds: dict[tuple[str, str], str | None] = {}  # (key class, value) -> kind
        # Codes and names distinctive enough to count on their own as a word:
        # snake_case codes and CamelCase names of two or more words.
        self.distinctive: dict[str, str] = {}
        for entry in index.entries:
            for label in (entry.code, entry.name):
                if label and _is_distinctive(label):
                    self.distinctive.setdefault(label.lower(), label)
        # entries whose code is itself an HTTP status, by identity (asked for every finding)
        self._http_entries = {id(e) for e in index.entries if _is_http_entry(e)}
        # numbers that may stand before their own message ("7014 Customer not found");
        # one- and two-digit codes are left out: such numbers are everywhere in logs
        self._numbers = frozenset(k for k in index.by_code if k.isdigit() and len(k) >= 3)
        tails = sorted({k.split("_", 1)[1] for k in self.distinctive if "_" in k}, key=len, reverse=True)
        #: How far back the block filter looks for the start of a CamelCase word (past any name's length).
        self._name_window = max(map(len, self.distinctive), default=0) + 1
        self._triggers = (
            patterns.STAGE1_ERRORS + patterns.STAGE1_MARKS + (patterns.STAGE1_ALL if include_success else ())
        )
        # the snake_case codes, found by what follows their first "_"
        after = _trie(tails)
        self._snake_block = regexes.compile(f"_(?:{after})\\b".encode()) if tails else None
        self._snake_line = regexes.compile(f"_(?:{after})(?!\\w)") if tails else None
        regexes.save()  # every pattern of a scan is compiled by now

    # ------------------------------------------------------------------ stage 1
    def candidate_lines(self, block: bytes) -> list[int]:
        """Offsets of the starts of the lines of a block that may hold a finding."""
        return self._candidates_in(block)[0]

    def _candidates_in(self, block: bytes) -> tuple[list[int], list[int], bool]:
        """The candidate lines' starts; where the known CamelCase names of the block begin
        (the close reading takes them from here); whether a known snake_case code stands
        anywhere in it (else the close reading need not look for those)."""
        starts: set[int] = set()
        low = block.lower()
        find = findbytes.finder(low)
        for literal, pattern in self._triggers:
            # one byte: memchr (bytes.find) skips to it faster than strstr, and is cheaper to call
            _lines_with(literal, pattern, low, starts, find if len(literal) > 1 else low.find)
        snakes = False
        if self._snake_block is not None:
            snakes = _lines_matching(self._snake_block, low, starts)
        shape = block.translate(patterns.SHAPE)
        find_shape = findbytes.finder(shape)
        _line_starts(low, _find_all(shape, patterns.REASON_SHAPE, find_shape), starts)  # "404 Not Found"
        humps = self._names_in(block, shape, find_shape) if self.distinctive else []
        _line_starts(low, humps, starts)
        w3c = (
            at
            for at in _find_all(shape, patterns.W3C_PORT_SHAPE, find_shape)
            if shape[at - 2 : at] == patterns.W3C_PORT_BEFORE
        )
        _line_starts(low, w3c, starts)  # W3C (IIS)
        if b"\t" in block:  # memchr
            _lines_with(*patterns.STAGE1_TAB, low, starts, low.find)
        return sorted(starts), humps, snakes

    def _names_in(self, block: bytes, shape: bytes, find: findbytes.Find) -> list[int]:
        """Where the CamelCase words of a block that are known names begin.

        Found from their first hump, a small letter before a capital ("aA" on the shape):
        that is rare in logs outside such words, where a search for their start (a
        capital and a small letter) stops at every capitalised word.
        """
        found = []
        window = self._name_window
        for at in _find_all(shape, b"aA", find):
            piece = shape[max(0, at - window) : at + 1]
            start = at + 1 - (len(piece) - len(piece.rstrip(b"Aa0_")))  # where the word begins
            if start == at - window and start > 0:
                continue  # a word longer than any name
            # the word's first hump ("Quota" of QuotaLock...): a capital, then small letters only
            if start < at and shape[start] == 65 and not shape[start + 1 : at + 1].strip(b"a"):  # 65: "A"
                token = patterns.TOKEN_AT.match(block, start)
                if token and token.group().decode("ascii", "replace").lower() in self.distinctive:
                    found.append(start)
        return found

    # ------------------------------------------------------------------ stage 2
    def scan_line(self, text: str, number: int = 1) -> list[Finding]:
        """Every finding of one line (decoded text, without its line ending)."""
        return self.scan_lines([text], [number])[0]

    def scan_lines(
        self,
        texts: Sequence[str],
        numbers: Sequence[int],
        names: bool = True,
        snakes: bool = True,
        name_starts: Sequence[list[int]] | None = None,
    ) -> list[list[Finding]]:
        """The findings of each line (decoded, without line endings) and its number.

        The lines are read together, joined by newlines, which no pattern crosses: a
        call of a regular expression costs more than reading one short line with it.
        ASCII lines are joined apart from the others, which would make the regular
        expressions read all of them as wide characters, more slowly. ``names`` and
        ``snakes`` False skip looking for CamelCase names and snake_case codes standing
        alone, when the block filter saw none in these lines' block. ``name_starts``, for
        each line, where the block filter found known CamelCase names (offsets in the
        line): the ASCII lines take them from there instead of looking again.
        """
        found: list[list[Finding]] = [[] for _ in texts]
        narrow = [i for i, t in enumerate(texts) if t.isascii()]
        wide = [i for i, t in enumerate(texts) if not t.isascii()] if len(narrow) < len(texts) else []
        for group in (narrow, wide):
            if not group:
                continue
            lines = _Lines([texts[i] for i in group])
            self._find_hints(lines)
            spans = _Spans()
            self._key_values(lines, spans)
            standing = self._http_statuses(lines, spans)
            self._phrases(lines, spans)
            found_names = None
            if name_starts is not None and group is narrow:  # ASCII: offsets in bytes are offsets in text
                found_names = [lines.starts[k] + at for k, i in enumerate(group) for at in name_starts[i]]
            self._words(lines, spans, standing, names, snakes, found_names)
            for i, raw in spans.by_line(lines):
                found[group[i]] = self._findings(raw, lines, i, numbers[group[i]])
        return found

    def _key_values(self, lines: _Lines, spans: _Spans) -> None:
        """``"code": 7302``, ``error_code=2213``, ``'status': 400``: keys that hold codes."""
        for word, pattern in patterns.KV:
            if lines.has(word):
                for m in pattern.finditer(lines.low):
                    self._key_value(m, lines, spans)

    def _key_value(self, m: re.Match[str], lines: _Lines, spans: _Spans) -> None:
        text = lines.text
        key_start = _key_start(text, m.start(), m.start("kq"))
        if key_start < 0:
            return
        if key_start and text[key_start - 1] in "?&":
            return  # a parameter of a request's URL, not an answer
        if lines.low.endswith(patterns.RUST_IO_ERROR, 0, key_start):
            return  # Rust's io::Error: the system's errno
        key = text[key_start : m.start("kq")]
        about = _key_about(key)
        if about is None:
            return
        cls, context, bare_code = about
        if cls == "code" and _norm_key(key) == "resultcode" and lines.line_holds(m.start(), patterns.APP_INSIGHTS):
            cls = "http"  # Azure Application Insights: its ResultCode is the HTTP status
        start, end = m.start("val"), m.end("val")
        val = text[start:end]
        kind = self._value_kinds.get((cls, val), "")
        if kind == "":
            if len(self._value_kinds) > 8192:
                self._value_kinds.clear()  # bounded: constant memory on any input
            kind = self._value_kinds[(cls, val)] = self._value_kind(cls, val)
        if kind is None:
            return
        digits = val.isdigit()
        if not digits:
            if val.lower() in patterns.OAUTH_ERRORS and _norm_key(key) == "error":
                return  # error=access_denied: OAuth's error parameter, not a vendor's error.code
            if kind != "http" and text.startswith("&", m.end()):
                return  # error=access_denied&error_description=...: a form or URL query (OAuth's)
        full_key = key
        if bare_code and self.claims:
            parent = self._parent_key(text, key_start, lines.start_of(key_start))
            if parent:
                full_key = f"{parent}.{key}"
        if not digits and kind != "http" and _plain_word(val) and not self.claimed_by(full_key) & self._sources_of(val):
            return  # "Error: Unauthorized" is English; VoipNow's code unauthorized comes in error.code
        spans.add(start, end, val, context, kind, full_key)

    def _value_kind(self, cls: str, val: str) -> str | None:
        """What the value of a code-holding key is: "http", "code", "name", or None (not a code)."""
        if cls == "http":
            if val.isdigit() and len(val) == 3 and "100" <= val <= "599":
                return "http"
            return "code" if val.isdigit() and 4 <= len(val) <= 6 else None  # "status": 7628 is no HTTP status
        if val.lower() in patterns.NOT_VALUES:
            return None
        if val.isdigit():
            return "code" if len(val) <= 6 else None
        if self.index.codes(val):
            return "code"
        if self.index.names(val):
            return "name"  # "Error": "CcaTimeout"
        return "code" if _looks_like_code(val) else None

    def _http_statuses(self, lines: _Lines, spans: _Spans) -> list[tuple[int, str]]:
        """Statuses outside key/value pairs, each shape only where a cheap test allows.

        Returns the numbers standing alone that a catalogue knows (for ``_words``).
        """
        self._shapes(patterns.HTTP_FIRST, lines, spans)
        known: list[tuple[int, str]] = []
        low = lines.low
        for m in _matches_by_shape(patterns.NUMBER, patterns.NUMBER_SHAPE, patterns.DIGIT_SHAPE, low):
            start, number = m.start(), m.group("num")
            if low.endswith(patterns.OTHER_PROTOCOLS, 0, start):
                continue  # "SIP/2.0 401 Unauthorized": another protocol's status
            if len(number) == 3 and "1" <= number[0] <= "5" and not (start and low[start - 1] in ".,:"):
                if m.group("reason") is not None:
                    spans.add(start, start + 3, number, patterns.HTTP_CONTEXTS["reason"], "http")
                elif m.group("client") is not None and number[0] in "45":
                    spans.add(start, start + 3, number, patterns.HTTP_CONTEXTS["client"], "http")
            if number in self._numbers:
                known.append((start, number))
        self._shapes(patterns.HTTP_RARER, lines, spans)
        if "(" in low:
            for m in patterns.PAREN.finditer(low):
                # "returned an error: (401) Unauthorized" (.NET's WebException)
                before = low[max(lines.start_of(m.start()), m.start() - 64) : m.start()].rstrip(" \t:")
                if before.endswith(patterns.REASON_ENDINGS) or _after_request(before):
                    spans.add(m.start(1), m.end(1), m.group(1), patterns.HTTP_CONTEXTS["paren"], "http")
        for end in lines.hint_ends:
            after = patterns.AFTER_HINT.match(low, end)
            if after:
                spans.add(after.start(1), after.end(1), after.group(1), patterns.HTTP_CONTEXTS["hint"], "http")
        w3c_lines = {
            lines.index(at)
            for at in _find_all(low, " - ", lines.find)
            if low[at - 2 : at].isdigit() and low[at + 3 : at + 4].isdigit()
        }
        for i in sorted(w3c_lines):
            line = low[lines.starts[i] : lines.end(i)]
            m = patterns.W3C.match(line)
            if m and m.end() == len(line.rstrip()):
                at = lines.starts[i] + m.start("w3c")
                spans.add(at, at + 3, m.group("w3c"), patterns.HTTP_CONTEXTS["w3c"], "http")
        if "\t" in low:
            for m in patterns.TAB.finditer(low):
                if lines.line_holds(m.start(), patterns.TAB_METHODS):
                    spans.add(m.start(1), m.end(1), m.group(1), patterns.HTTP_CONTEXTS["tab"], "http")
        return known

    def _shapes(self, shapes: Iterable[patterns.Shape], lines: _Lines, spans: _Spans) -> None:
        text, low = lines.text, lines.low
        for pattern, gates, on_text, by_line in shapes:
            haystack = text if on_text else low
            find = haystack.find if on_text else lines.find
            if by_line:  # finding the gates' lines also tells whether any line holds one
                held = sorted({lines.index(at) for gate in gates for at in _find_all(haystack, gate, find)})
                found: Iterable[re.Match[str]] = (
                    m for i in held for m in pattern.finditer(haystack, lines.starts[i], lines.end(i))
                )
            elif any(find(gate, 0) >= 0 for gate in gates):
                found = pattern.finditer(haystack)
            else:
                continue
            for m in found:
                group = m.lastgroup or "line"
                if m.group(group) is None or (group == "word" and m.start() and low[m.start() - 1].isalnum()):
                    continue
                if group == "word" and low.startswith("  ", m.end(group)) and "  " in low[m.start() : m.start(group)]:
                    continue  # "HTTP  512  POST /x": a packet list's protocol and frame length columns (Wireshark)
                spans.add(m.start(group), m.end(group), m.group(group), patterns.HTTP_CONTEXTS[group], "http")

    def _phrases(self, lines: _Lines, spans: _Spans) -> None:
        """ "error 7302", "error code 2213", "result code 102", "StatusCode 400"."""
        text, low = lines.text, lines.low
        for first, pattern in patterns.PHRASES:
            if not lines.has(first):
                continue
            for m in pattern.finditer(low):
                start, end = m.start("val"), m.end("val")
                if spans.covers(start):
                    continue
                val, word = text[start:end], m.group("word")
                before = low[max(lines.start_of(m.start()), m.start() - 64) : m.start()]  # all _bare_code reads
                if word == "code" and not self._bare_code(val, before):
                    continue
                if (m.start() and low[m.start() - 1] in "?&") or (text.startswith("&", end) and not val.isdigit()):
                    continue  # a parameter of a request's URL or a form (OAuth's error=access_denied&...)
                phrase = text[m.start() : m.start("val")].strip(" \t:#=\"'")
                if phrase.lower() == "errno":
                    continue  # [Errno 111]: the operating system's error numbers
                if phrase.lower() == "error" and val.lower() in patterns.OAUTH_ERRORS:
                    continue  # "returned error=access_denied": OAuth's error parameter
                if patterns.SQLSTATE_AFTER.match(text, end):
                    continue  # MySQL's "ERROR 1100 (HY000)": a database's error, with its SQLSTATE
                http_like = val.isdigit() and len(val) == 3 and "100" <= val <= "599"
                if http_like and (word in ("status", "response") or phrase.lower() in ("error", "err")):
                    spans.add(start, end, val, f"phrase '{phrase}'", "http")
                elif val.isdigit() or val.lower() in self.distinctive:
                    if self._foreign(lines.hinted(start), low[max(lines.start_of(start), start - 48) : start], val):
                        continue  # "Cloudflare error 1101": another system's code, the same number
                    spans.add(start, end, val, f"phrase '{phrase}'", "code")

    def _foreign(self, hinted: AbstractSet[str], before: str, code: str) -> bool:
        """Whether the (lower-cased) text just before a code names another system that has
        error codes, and its line (whose hint words name ``hinted``) no source of this
        code: then the code is that system's."""
        return any(word in before for word in patterns.FOREIGN) and not hinted & self._sources_of(code)

    def _bare_code(self, val: str, before: str) -> bool:
        """ "code 7025" counts with a code of three digits or more, or a distinctive one, and
        not after a word that makes it another kind of code ("verification code 401105",
        "exited with code 1100"); ``before`` is the (lower-cased) line up to "code"."""
        if not ((val.isdigit() and len(val) >= 3) or val.lower() in self.distinctive):
            return False
        if "exit" in before[-20:] or "close" in before[-24:] or before.endswith(patterns.RUST_IO_ERROR):
            return False  # a process's exit code, a WebSocket's close code, Rust's io::Error (an errno)
        word = patterns.PARENT.search(before[-41:].rstrip(" \t_-"))
        return not (word and word.group(0) + "code" in patterns.NOT_CODE_KEYS)

    def _words(
        self,
        lines: _Lines,
        spans: _Spans,
        numbers: list[tuple[int, str]],
        names: bool = True,
        snakes: bool = True,
        name_starts: list[int] | None = None,
    ) -> None:
        """Names and string codes standing alone, and known codes written before their message.

        Only words of the shapes such labels have are looked up: the known numbers of
        three digits or more (``numbers``), snake_case (any case) and CamelCase as written;
        ``name_starts``, where the block filter found the known CamelCase names, if it did.
        """
        text, low = lines.text, lines.low
        known = self.distinctive
        hits = list(numbers)
        if snakes and self._snake_line is not None and "_" in low:
            for m in self._snake_line.finditer(low):
                start = m.start() - patterns.WORD_BACK.match(low[max(0, m.start() - 64) : m.start()][::-1]).end()
                word = low[start : m.end()]
                if word in known and not (start and patterns.WORD_CHAR.match(low, start - 1)):
                    hits.append((start, word))
        if names:
            if name_starts is None:
                camels = _matches_by_shape(patterns.CAMEL, patterns.CAMEL_SHAPE, patterns.SHAPE, text)
            else:  # the same words: the block filter found them by their first hump
                camels = (m for at in name_starts if (m := patterns.CAMEL.match(text, at)) is not None)
            hits += [(m.start(), key) for m in camels if (key := m.group().lower()) in known]
        for start, hit in hits:
            if spans.covers(start):
                continue
            label = known.get(hit)
            end = start + len(hit)
            if label is None:
                line_end = lines.end_of(start)
                if self._followed_by_its_message(hit, text[end : min(line_end, end + 200)]):
                    spans.add(start, end, hit, "code followed by its message", "code")
                continue
            if _in_url_query(text, start):
                continue  # ?error=access_denied: a parameter of a request's URL
            if hit in patterns.OAUTH_ERRORS and patterns.OAUTH_KEY_BEFORE.search(low, max(0, start - 12), start):
                continue  # error=access_denied: OAuth's error parameter
            if text[max(0, start - 6) : start].lower() == "<code>" and lines.line_holds(start, ("<error>",)):
                continue  # <Error><Code>AccessDenied</Code>: S3's error document, not a vendor's name
            if lines.line_holds(start, ("insert into",)) and low.rfind("values", lines.start_of(start), start) >= 0:
                continue  # INSERT INTO errors VALUES ('askia', 105, 'ObjectInUse'): a row of data, not an error
            if start > 1 and text[start - 1] == "." and text[start - 2].isalnum() and "_" not in label:
                continue  # Azure.RequestFailedException: a class of another library
            hinted = lines.hinted(start)
            if lines.line_holds(start, patterns.FOREIGN) and not hinted & self._sources_of(label):
                continue  # "RequestFailedException ... (Azure.Storage.Blobs)": another system's name
            if _short_name(label) and not hinted & self._sources_of(label):
                continue  # a short name ("AccessDenied", "DatabaseError") is too common alone: needs its vendor
            kind = "name" if self.index.names(label) and not self.index.codes(label) else "code"
            spans.add(start, end, text[start:end], "word", kind)

    def _findings(
        self, raw: list[tuple[int, int, str, str, str, str | None]], lines: _Lines, i: int, number: int
    ) -> list[Finding]:
        """Resolve each span to entries; one finding per entry named twice; success codes only when asked."""
        text, line_start = lines.text, lines.starts[i]
        http_status = None
        for span in raw:
            if span[4] == "http":
                http_status = int(span[2])
                break
        findings: list[Finding] = []
        seen_entries: dict[tuple[str, str | None], str] = {}
        statuses: dict[str, set[str]] = {}  # HTTP status -> the contexts it was counted in
        low = lines.low[line_start : lines.end(i)]  # the lower-cased line
        expected = "expected" in low
        http_entries = self._http_entries
        memo = self._candidates
        for start, end, code, context, kind, key in raw:
            if expected and _expected_only(low, start - line_start, end - line_start):
                continue  # "expected HTTP 400 but was 500": only the actual value is a finding
            found = memo.get((code, kind, key)) or self._candidates_of(code, kind, key)
            matches = found.matches
            if len(matches) > 1:
                near = low  # what the ranking reads for the entries' texts: the line, or ...
                if len(low) > 2 * RANK_REACH:  # ... in a long one, the text around the code (else quadratic)
                    near = low[max(0, start - line_start - RANK_REACH) : end - line_start + RANK_REACH]
                matches = self._rank(found, near, http_status, lines.hinted(line_start))
            best = matches[0].entry if matches else None
            if best is not None and kind == "code" and best.kind != "success" and lines.beside_success_text(start, end):
                continue  # "code":"1001","description":"Queued": an accepted answer, not that number's error
            if kind == "http" or (best is not None and id(best) in http_entries):
                if lines.has_any(patterns.OTHER_PROTOCOL_WORDS) and any(
                    text.find(word, line_start, start) >= 0 for word in patterns.OTHER_PROTOCOL_COLUMNS
                ):
                    continue  # "SIP  512  Status: 503 Service Unavailable": a packet list's SIP line
                roles = statuses.setdefault(code, set())
                if roles and context not in roles:
                    continue  # "status": 409 ... HTTP Error 409: Conflict: one status, named twice
                if roles and start > line_start and low[start - line_start - 1] == ">":
                    continue  # 502 Bad Gateway: "<h1>502 Bad Gateway</h1>": the error page says it again
                roles.add(context)
            if best is not None:
                same = seen_entries.get((best.source, best.code))
                if same is not None and "name" in (kind, same):
                    continue  # "ResultCode=809 (QuotaLockFailed)" is one finding
                seen_entries.setdefault((best.source, best.code), kind)
                success = best.kind == "success"
            else:
                success = _is_success(code, kind)
            if success and not self.include_success:
                continue
            if best is None and kind != "http" and not self.report_unknown:
                continue  # a code no catalogue knows: only the summary lists those
            findings.append(
                _make(  # Finding(...) without its __new__ in Python: all ten fields, in order
                    Finding,
                    (
                        number,
                        best.code if best is not None and best.code is not None and kind == "name" else code,
                        text[start:end],
                        context,
                        kind,
                        start - line_start + 1,
                        matches,
                        success,
                        http_status if kind != "http" else None,
                        _inconsistency(best, kind, http_status) if http_status is not None else None,
                    ),
                )
            )
        return findings

    def _followed_by_its_message(self, code: str, rest: str) -> bool:
        """``7014 Customer not found``: a known code written just before its own message."""
        labels = self._labels.get(code)
        if labels is None:
            entries = self.index.codes(code, self.sources)
            found = {t.lower() for e in entries for t in (e.message, e.name) if t and len(t) >= 6}
            labels = self._labels[code] = tuple(found)
        return bool(labels) and rest[:200].lstrip(" \t:-(\"'").lower().startswith(labels)

    def _find_hints(self, lines: _Lines) -> None:
        """Find the hint words of lines read together once: where each ends, and the
        sources each line's words name (asked for many of its findings)."""
        by_line: dict[int, set[str]] = {}
        ends = []
        for word, end in self._hint_words_in(lines):
            ends.append(end)
            by_line.setdefault(lines.index(end - 1), set()).update(self._hint_sources[word])
        lines.hint_ends, lines.hinted_sources = ends, by_line

    def _hint_words_in(self, lines: _Lines) -> Iterator[tuple[str, int]]:
        """(hint word, where it ends) for each hint word standing as a word in lines read together.

        A find for each of the few words costs less than one pattern for all of them,
        which would be tried at most letters of the text.
        """
        low, find = lines.low, lines.find
        for word in self._hint_words:
            at = find(word, 0)
            while at >= 0:
                end = at + len(word)
                if not (at and low[at - 1].isalnum() and low[at - 1].isascii()) and not (
                    end < len(low) and low[end].isalnum() and low[end].isascii()
                ):
                    yield word, end
                at = find(word, end)

    def _sources_of(self, label: str) -> set[str]:
        """The sources that have this code or name."""
        return {e.source for e in self.index.codes(label, self.sources)} | {
            e.source for e in self.index.names(label, self.sources)
        }

    def claimed_by(self, key: str) -> set[str]:
        """Sources whose documented response shape puts their codes under this key."""
        path = _key_path(key)
        return {source for claim, source in self.claims if path[-len(claim) :] == claim}

    def _parent_key(self, text: str, at: int, line_start: int = 0) -> str | None:
        """The key of the object a key stands in: ``error`` for ``{"error": {"code": ...``."""
        brace = text.rfind("{", max(line_start, at - 200), at)
        if brace < 0 or "}" in text[brace:at]:
            return None
        before = text[max(line_start, brace - 48) : brace].rstrip(" \t%")  # Elixir's %{...}
        if not before.endswith((":", "=", "=>")):
            return None
        m = patterns.PARENT.search(before.rstrip(":=> \t").rstrip("\"'"))
        return m.group(0) if m else None

    def _candidates_of(self, code: str, kind: str, key: str | None) -> _Candidates:
        """The entries a code under a key may be (kept: a log repeats its codes)."""
        memo_key = (code, kind, key)
        found = self._candidates.get(memo_key)
        if found is None:
            if len(self._candidates) > 8192:
                self._candidates.clear()  # bounded: constant memory on any input
            found = self._candidates[memo_key] = self._candidates_for(code, kind, key)
        return found

    def _rank(
        self, found: _Candidates, low: str, http_status: int | None, hinted: AbstractSet[str]
    ) -> tuple[Match, ...]:
        """Several candidates, best guess first, given what else the (lower-cased) line says
        and the sources its hint words name."""
        scored = []
        rows = zip(found.fixed, found.sources, found.statuses, found.texts, found.order, found.matches, strict=True)
        for fixed, source, statuses, texts, order, match in rows:  # a plain loop: no generator per row
            points = fixed
            if source in hinted:
                points += 4
            if http_status in statuses:
                points += 3
            for text in texts:
                if text in low:
                    points += 5
                    break
            scored.append((-points, order, len(scored), match))
        scored.sort()  # the position breaks ties: matches themselves are never compared
        return tuple(row[3] for row in scored)

    def _candidates_for(self, code: str, kind: str, key: str | None) -> _Candidates:
        """The entries a code under a key may be, and what of their ranking the line cannot change."""
        if kind == "name":
            entries = self.index.names(code, self.sources)
            match_kind = "name"
        else:
            entries = list(self.index.codes(code, self.sources))
            match_kind = "exact"
            if not entries and kind != "http":
                entries = self.index.names(code, self.sources)
                match_kind = "name"
        if kind == "http":
            entries = [e for e in entries if _is_http_entry(e)]
        claimed = self.claimed_by(key) if key else set()
        if claimed and any(e.source in claimed for e in entries):
            entries = [e for e in entries if e.source in claimed]
        fixed = []
        for entry in entries:
            points = 8 if entry.source in claimed else 0
            if key and entry.source not in claimed and self.catalogs[entry.source].scan_keys:
                points -= 3  # a source that names its keys (Askia's ResultCode) is less likely under others
            if kind != "http" and _is_http_entry(entry):
                # "code": 200 under a key no catalogue claims is far likelier HTTP's OK than
                # a vendor's report code 200; an error status there is less certain
                points += 6 if key and not claimed and code.startswith("2") else -2
            fixed.append(points)
        lowered = code.lower()
        return _Candidates(
            matches=tuple(Match(code, e, match_kind) for e in entries),  # type: ignore[arg-type]
            fixed=tuple(fixed),
            sources=tuple(e.source for e in entries),
            # the HTTP status logged beside a vendor code agrees with the one it documents
            statuses=tuple(frozenset(() if _is_http_entry(e) else e.http_status) for e in entries),
            # the line repeats the entry's message or name
            texts=tuple(
                tuple(t.lower() for t in (e.message, e.name) if t and len(t) >= 4 and t.lower() != lowered)
                for e in entries
            ),
            order=tuple(self._order.get(e.source, 99) for e in entries),
        )

    # ------------------------------------------------------------------ streams
    def scan_stream(self, stream: BinaryIO) -> Iterator[Block]:
        """Blocks of whole lines as read, each with its lines' findings; constant memory."""
        state = StreamState()
        for unit in units(stream, self.line_numbers):
            yield self.scan_unit(unit, state)

    def scan_unit(self, unit: Unit, state: StreamState) -> Block:
        """Scan one unit of a stream; ``state`` carries an over-long line from piece to piece."""
        if unit.piece:
            # an over-long line: pass this piece through and look at it now
            text = None if unit.data.isascii() else unit.data.decode("utf-8", "replace")  # ASCII: decoded if read
            found = self._scan_piece(unit.data, text, unit.number + 1, state)
            state.overlap = unit.data[-OVERLAP:].decode("utf-8", "replace")
            state.chars += len(unit.data) if text is None else len(text)
            if self.line_numbers:  # numbered output takes them now: nothing is held
                return Block(unit.data, [LineResult(unit.number + 1, len(unit.data), found)] if found else None)
            kept = found[: max(0, CARRY_KEEP - len(state.carry))]
            state.carry.extend(kept)
            state.more += len(found) - len(kept)
            return Block(unit.data)
        block = self._scan_block(unit.data, unit.number, state)
        state.carry, state.overlap, state.more, state.chars = [], "", 0, 0
        return block

    def _scan_piece(self, data: bytes, text: str | None, number: int, state: StreamState) -> list[Finding]:
        """A piece's findings; ``text`` the piece decoded, or None to decode it here if need be."""
        overlap = state.overlap
        if not self.candidate_lines(overlap.encode("utf-8", "replace") + data):
            return []  # the block filter first: most of a huge line is seldom worth a close look
        return self._rest_of_line(overlap + (data.decode("utf-8", "replace") if text is None else text), number, state)

    def _rest_of_line(self, text: str, number: int, state: StreamState) -> list[Finding]:
        """The findings of a piece of an over-long line (after the end of the piece before
        it, read again), in columns of the whole line: the same however the line was cut."""
        overlap, shift = len(state.overlap), state.chars - len(state.overlap)
        found = [f for f in self.scan_line(text, number) if f.column > overlap]
        return [f._replace(column=f.column + shift) for f in found] if shift else found

    def _scan_block(self, data: bytes, number: int, state: StreamState) -> Block:
        block = Block(data)
        candidates, names, snakes = self._candidates_in(data)
        first_end = data.find(b"\n") + 1 or len(data)
        if not state.idle:
            # the first line of this block ends an over-long line begun in earlier pieces
            found, more = list(state.carry), state.more
            if 0 not in candidates:
                candidates = [0, *candidates]
            found.extend(self._rest_of_line(state.overlap + _decode_line(data[:first_end]), number + 1, state))
            if not self.line_numbers and len(found) > CARRY_KEEP:
                found, more = found[:CARRY_KEEP], more + len(found) - CARRY_KEEP
            if found:
                block.lines.append(LineResult(number + 1, first_end, found, more))
            candidates = [c for c in candidates if c != 0]
        line_starts = _LineCounter(data)
        ends, texts, numbers, name_starts = [], [], [], []
        k = 0  # the next name (in the block's order)
        for start in candidates:
            end = data.find(b"\n", start)
            end = len(data) if end < 0 else end + 1
            ends.append(end)
            texts.append(_decode_line(data[start:end]))
            numbers.append(number + line_starts.number(start) if self.line_numbers else 0)
            while k < len(names) and names[k] < start:
                k += 1
            here = []
            while k < len(names) and names[k] < end:
                here.append(names[k] - start)
                k += 1
            name_starts.append(here)
        found_by_line = self.scan_lines(texts, numbers, bool(names), snakes, name_starts)
        for end, line_no, found in zip(ends, numbers, found_by_line, strict=True):
            if found:
                block.lines.append(LineResult(line_no, end, found))
        return block


def _matches_by_shape(
    pattern: re.Pattern[str], shaped: re.Pattern[bytes], table: bytes, text: str
) -> Iterator[re.Match[str]]:
    """``pattern``'s matches in a text, its candidates found by ``shaped`` on the text's
    shape (``text`` translated by ``table``) when the text is ASCII, where a character is
    a byte: a pattern that begins with a digit or a capital is tried at every one."""
    if not text.isascii():
        yield from pattern.finditer(text)
        return
    match = pattern.match
    for candidate in shaped.finditer(text.encode("ascii").translate(table)):
        m = match(text, candidate.start())
        if m is not None:
            yield m


def _key_start(text: str, at: int, end: int) -> int:
    """Where the key whose last word stands at ``at`` (and which ends at ``end``) begins,
    or -1 when that is no key.

    The look-behind a key pattern would need, written out: the key's characters run
    back to one that cannot be in a key; a key begins with a letter, ``_``, ``$`` or
    ``@`` and is at most 64 characters long.
    """
    if text.isascii():  # the run of key characters by str.rstrip, without a regex call
        before = text[max(0, at - 64) : at]
        start = at - len(before) + len(before.rstrip(_KEY_CHARS))
        if end - start > 64 or (start and text[start - 1] in _KEY_CHARS):
            return -1
        return start if text[start] in _KEY_FIRST else -1
    run = patterns.KEY_BACK.match(text[max(0, at - 64) : at][::-1]).end()
    start = at - run
    if end - start > 64 or (start and patterns.KEY_CHAR.match(text, start - 1)):
        return -1
    return start if patterns.KEY_START.match(text, start) else -1


#: KEY_CHAR's and KEY_START's characters in an ASCII text
_KEY_CHARS = "".join(chr(c) for c in range(128) if patterns.KEY_CHAR.match(chr(c)))
_KEY_FIRST = "".join(chr(c) for c in range(128) if patterns.KEY_START.match(chr(c)))


class _Candidates(NamedTuple):
    """The entries one code may be, in catalogue order, with the parts of their ranking
    that do not depend on the line (kept per code, kind and key)."""

    matches: tuple[Match, ...]
    fixed: tuple[int, ...]
    sources: tuple[str, ...]
    statuses: tuple[frozenset[int], ...]
    texts: tuple[tuple[str, ...], ...]
    order: tuple[int, ...]


class _Lines:
    """Lines joined by newlines, read as one text; positions are in the joined text."""

    __slots__ = ("_asked", "_find", "_success_texts", "hint_ends", "hinted_sources", "low", "starts", "text")

    def __init__(self, texts: Sequence[str]) -> None:
        self.text = text = "\n".join(texts)
        low = text.lower()
        if len(low) != len(text):  # a few non-ASCII letters change length when lower-cased
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        self.low = low
        # the C library's search where it pays: an ASCII text of more than a few lines
        self._find = findbytes.finder(low.encode("ascii")) if len(low) > 2048 and low.isascii() else None
        self.starts = starts = [0] * len(texts)
        for i in range(1, len(texts)):
            starts[i] = starts[i - 1] + len(texts[i - 1]) + 1
        self._success_texts: list[int] | None = None  # where a success word stands as its key's value
        self._asked: dict[tuple[int, tuple[str, ...]], bool] = {}  # (line, words) -> held (line_holds)
        self.hint_ends: list[int] = []  # where each hint word ends (Scanner._find_hints)
        self.hinted_sources: dict[int, set[str]] = {}  # line -> the sources its hint words name

    def find(self, word: str, start: int = 0) -> int:
        """``low.find(word, start)``: the lower-cased text is read for a dozen words."""
        if self._find is None:
            return self.low.find(word, start)
        encoded = _ascii(word)
        return -1 if encoded is None else self._find(encoded, start)

    def has(self, word: str) -> bool:
        return self.find(word) >= 0

    def beside_success_text(self, start: int, end: int) -> bool:
        """Whether a success text stands in the same object as the code at ``start:end``
        (between the braces around it, and near): in a list of results, the next one's
        "Delivered" is not this one's."""
        texts = self._success_texts
        if texts is None:  # found in all the lines at once, when first asked
            texts = self._success_texts = self._find_success_texts()
        i = bisect_left(texts, start - 96)
        if i == len(texts) or texts[i] >= end + 96:
            return False  # none near, whatever the braces say (most codes: asked for each)
        low = self.low
        line_start, line_end = self.start_of(start), self.end_of(start)
        left = low.rfind("{", max(line_start, start - 96), start) + 1 or max(line_start, start - 96)
        right = low.find("}", end, min(line_end, end + 96))
        right = min(line_end, end + 96) if right < 0 else right
        i = bisect_left(texts, left)
        return i < len(texts) and texts[i] < right

    def _find_success_texts(self) -> list[int]:
        low, found = self.low, []
        for word in patterns.SUCCESS_WORDS:
            for at in _find_all(low, word, self.find):
                end = at + len(word)
                after = low[end : end + 1]
                if after.isalnum() or after == "_":
                    continue  # "success_rate", "queuedAt"
                if at and low[at - 1] in "\"'" and after not in "\"'\\":
                    continue  # "message": "Success rate below 90%": a message, not the word alone
                if patterns.SUCCESS_KEY_BEFORE.search(low, max(0, at - 24), at):
                    found.append(at)
        return sorted(found)

    def has_any(self, words: tuple[str, ...]) -> bool:
        """Whether any line holds any of these (lower-cased) words: asked before asking each line."""
        held = self._asked.get((-1, words))
        if held is None:
            held = self._asked[(-1, words)] = any(self.find(word) >= 0 for word in words)
        return held

    def index(self, at: int) -> int:
        return bisect_right(self.starts, at) - 1

    def end(self, i: int) -> int:
        return self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)

    def start_of(self, at: int) -> int:
        return self.starts[self.index(at)]

    def end_of(self, at: int) -> int:
        return self.end(self.index(at))

    def hinted(self, at: int) -> AbstractSet[str]:
        """The sources named by the hint words of the line a position is in."""
        return self.hinted_sources.get(self.index(at), _NONE)

    def line_holds(self, at: int, words: tuple[str, ...]) -> bool:
        """Whether the (lower-cased) line a position is in holds any of these words.

        Asked once per line and set of words: asked for each finding of a long line
        full of them, reading the line each time would make the scan quadratic.
        """
        i = self.index(at)
        held = self._asked.get((i, words))
        if held is None:
            line = self.low[self.starts[i] : self.end(i)]
            held = self._asked[(i, words)] = any(word in line for word in words)
        return held


@lru_cache(maxsize=256)
def _ascii(word: str) -> bytes | None:
    return word.encode("ascii") if word.isascii() else None


class _Spans:
    """The spans that hold a code, each taken once (first finder wins)."""

    __slots__ = ("covered", "raw", "taken")

    def __init__(self) -> None:
        self.raw: list[tuple[int, int, str, str, str, str | None]] = []  # start, end, code, context, kind, key
        self.taken: set[tuple[int, int]] = set()
        self.covered: set[int] = set()

    def add(self, start: int, end: int, code: str, context: str, kind: str, key: str | None = None) -> None:
        if (start, end) not in self.taken:
            self.taken.add((start, end))
            self.raw.append((start, end, code, context, kind, key))
            self.covered.update(range(start, end))

    def covers(self, at: int) -> bool:
        return at in self.covered

    def by_line(self, lines: _Lines) -> Iterator[tuple[int, list[tuple[int, int, str, str, str, str | None]]]]:
        """(line index, its spans in order) for each line that has any."""
        self.raw.sort()
        current, group = -1, []
        for span in self.raw:
            i = lines.index(span[0])
            if i != current:
                if group:
                    yield current, group
                current, group = i, []
            group.append(span)
        if group:
            yield current, group


def _trie(words: Iterable[str]) -> str:
    """An alternation of words as a trie: ``in(?:valid|fo)`` for invalid, info. The
    regex engine tries the branches of a flat alternation one by one at each place."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [re.escape(char) + render(child) if char else "" for char, child in sorted(node.items())]
        if len(branches) == 1:
            return branches[0]
        optional = "" in branches
        rest = [b for b in branches if b]
        body = "(?:" + "|".join(rest) + ")"
        return body + "?" if optional else body

    return render(tree)


def _find_all(data: AnyStr, literal: AnyStr, find: Callable[[AnyStr, int], int] | None = None) -> Iterator[int]:
    find = find or data.find
    at = find(literal, 0)
    while at >= 0:
        yield at
        at = find(literal, at + 1)


#: When a literal counts as common in a block and the regex engine, whose search costs
#: more per byte but less per occurrence, takes over: after COMMON misses, if they came
#: more often than once in COMMON_SPACING bytes. A miss costs about 0.55 us (a strstr
#: call and a match), the engine's search about 0.6 ns a byte: break-even near one miss
#: a KiB. A count alone sent "err" and "response" (300 and 60 a MiB in the benchmark)
#: to the engine for most of a 1 MiB block, at twice their cost.
COMMON = 48
COMMON_SPACING = 1024


def _lines_with(
    literal: bytes, pattern: re.Pattern[bytes] | None, data: bytes, into: set[int], find: findbytes.Find
) -> None:
    """Add the start of each line of ``data`` where ``pattern`` matches at ``literal``
    (or the literal alone stands); after a match the search goes on from the next line.
    ``find`` finds the literal (``findbytes.finder(data)``)."""
    match = pattern.match if pattern is not None else None
    misses = 0
    at = find(literal, 0)
    while at >= 0:
        if match is None or match(data, at):
            into.add(data.rfind(b"\n", 0, at) + 1)
            end = data.find(b"\n", at)  # memchr
            if end < 0:
                return
            at = find(literal, end + 1)
            continue
        misses += 1
        if misses > COMMON and pattern is not None and misses * COMMON_SPACING > at:
            _lines_matching(pattern, data, into, at + 1)
            return
        at = find(literal, at + 1)


def _lines_matching(pattern: re.Pattern[bytes], data: bytes, into: set[int], pos: int = 0) -> bool:
    """Add the start of each line of ``data`` (from ``pos``) where ``pattern`` matches;
    after a match the search goes on from the next line. True when anything matched."""
    search = pattern.search
    m = search(data, pos)
    found = m is not None
    while m is not None:
        at = m.start()
        into.add(data.rfind(b"\n", 0, at) + 1)
        end = data.find(b"\n", at)
        if end < 0:
            break
        m = search(data, end + 1)
    return found


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


_TOKEN_START = regexes.compile(r"[^\s\"'<>]*")


def _in_url_query(text: str, at: int) -> bool:
    """Whether ``at`` is in the query of a URL (``callback?error=access_denied``)."""
    before = text[max(0, at - 200) : at]
    token = before[len(before) - _TOKEN_START.match(before[::-1]).end() :]
    return token.find("?") > 0


def _w3c_port_at(low: str, at: int) -> bool:
    return low[at - 2 : at].isdigit() and low[at + 3 : at + 4].isdigit()


def _expected_only(low: str, start: int, end: int) -> bool:
    """Whether a value on a (lower-cased) line is given as the expected one, before the actual one."""
    return bool(
        patterns.EXPECTED_BEFORE.search(low, max(0, start - 30), start) and patterns.EXPECTED_AFTER.match(low, end)
    )


def _after_request(before: str) -> bool:
    """Whether a text ends with a request's path or URL: "PATCH /uapi/faxes/@me (501)"."""
    words = before.rsplit(None, 1)
    return bool(words) and words[-1].startswith(("/", "http://", "https://"))


def _plain_word(value: str) -> bool:
    """One word of plain English, as written in prose: unauthorized, Forbidden, NOT_FOUND is not."""
    return value.isalpha() and (value.islower() or value.isupper() or value.istitle())


@lru_cache(maxsize=1024)
def _short_name(label: str) -> bool:
    """A CamelCase name of two words (AccessDenied); QuotaLockFailed has three."""
    return "_" not in label and len(re.findall(r"[A-Z][a-z0-9]*", label)) < 3


def _is_distinctive(label: str) -> bool:
    if len(label) < 6 or not label.isascii():
        return False
    if "_" in label.strip("_") and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]+", label):
        return True
    return bool(re.fullmatch(r"(?:[A-Z][a-z0-9]+){2,}[A-Za-z0-9]*|[A-Z][a-z]+(?:[A-Z]+[a-z0-9]*)+", label))


def _looks_like_code(value: str) -> bool:
    """An unknown value that still reads as a code: snake_case, CamelCase or UPPER words."""
    if not value.isascii() or len(value) < 3 or value.lower() in patterns.NOT_VALUES:
        return False
    if re.fullmatch(r"\d+(?:\.\d+)+", value):
        return False  # a version or a decimal
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+", value))


def _is_http_entry(entry: Entry) -> bool:
    """An entry whose code is itself an HTTP status (Rev23's 404, VoipNow's 200)."""
    return bool(entry.code and entry.code.isdigit() and int(entry.code) in entry.http_status)


def _is_success(code: str, kind: str) -> bool:
    """Whether a code no catalogue knows reports success."""
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
