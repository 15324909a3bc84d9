"""Fuzzy search over messages, descriptions, names and codes, and "did you mean".

Scoring works on words rather than whole strings, so word order, extra or missing
words and typos all lower the score gently. Each query word is matched to its
closest word in an entry (RapidFuzz, vectorised over the vocabulary once per query),
each entry word answering at most one query word. An entry scores by how much of the
query it covers, each word weighted by how rare it is among all entries, plus a
little for how much of the entry the query covers, so a short specific message beats
a long one that merely contains the words.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from errlookup.index import Index
from errlookup.model import Match

_WORD = re.compile(r"[a-z0-9]+")
_TOKEN = re.compile(r"[A-Za-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# British and American spellings are folded the same way on both sides, so a fold
# that over-reaches ("otherwise") is harmless: it changes query and entry alike.
_SPELLING = [
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"([^aeiou])our$"), r"\1or"),
    (re.compile(r"([^aeiou])ours$"), r"\1ors"),
    (re.compile(r"ll(ed|ing)$"), r"l\1"),
    (re.compile(r"ence$"), "ense"),
]
# Query words that carry no meaning of their own. Negations stay ("not locked").
_STOP = frozenset(
    (
        "a an the is are was be been to of for in on at by or and it its this that with "
        "when as from has have had my your our their out up me we i us got get says said "
        "error errors"
    ).split()
)
_SUFFIXES = ("ings", "ing", "ers", "er", "ied", "ies", "ed", "es", "s")
# Everyday abbreviations of support tickets and chat; a word also matches these.
_ABBREVIATIONS = {
    "db": ("database",), "msg": ("message",), "msgs": ("messages",), "auth": ("authentication", "authorized"),
    "config": ("configuration",), "cfg": ("configuration",), "conf": ("configuration",),
    "param": ("parameter",), "params": ("parameters",), "arg": ("argument",), "args": ("arguments",),
    "dup": ("duplicate",), "dupe": ("duplicate",), "creds": ("credentials",), "cred": ("credentials",),
    "cert": ("certificate",), "certs": ("certificates",), "perm": ("permission",), "perms": ("permissions",),
    "tweet": ("twitter",), "tweets": ("twitter",), "req": ("request",), "resp": ("response",),
    "conn": ("connection",), "txn": ("transaction",), "tx": ("transaction",), "info": ("information",),
    "max": ("maximum",), "min": ("minimum",), "addr": ("address",), "svc": ("service",), "acct": ("account",),
    "attr": ("attribute",), "attrs": ("attributes",), "num": ("number",), "tel": ("telephone", "phone"),
    "sub": ("subscription", "subscriber"), "subs": ("subscription", "subscriber"), "ttl": ("time", "live"),
    "dnd": ("disturb",), "sim": ("sim",), "pwd": ("password",), "id": ("identifier", "id"),
}  # fmt: skip

#: Points for a text that holds the whole query as a phrase.
PHRASE_BONUS = 5.0
#: Default number of results and lowest score shown for a text query.
DEFAULT_LIMIT = 5
DEFAULT_MIN_SCORE = 35.0


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    if not word.isalpha():
        return word  # codes and numbers have no spelling to fold
    for pattern, repl in _SPELLING:
        if pattern.search(word):
            return pattern.sub(repl, word)
    return word


@lru_cache(maxsize=1 << 16)
def _token_words(token: str) -> tuple[str, ...]:
    parts = _WORD.findall(_CAMEL.sub(" ", token).lower())
    folded = tuple(fold(w) for w in parts)
    return (*folded, fold(token.lower())) if len(parts) > 1 else folded


def words(text: str) -> list[str]:
    """Lower-case words of a text, spelling folded; camelCase is split and kept whole too."""
    return [w for token in _TOKEN.findall(text) for w in _token_words(token)]


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


class _Doc(NamedTuple):
    gid: int
    source: str
    text_length: int
    primary: frozenset[str]
    secondary: frozenset[str]
    length: int


class SearchIndex:
    """Word vocabulary and postings over every entry; built once per process."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.docs: list[_Doc] = []
        self.postings: dict[str, list[int]] = {}
        df: dict[str, int] = {}
        for i, (source, row) in enumerate(self.index.rows()):
            code, name, message, description, legacy = row[0], row[1], row[4], row[5], row[9]
            main = (message, name, code, *legacy, None if message else description)
            primary = frozenset(words(" ".join(t for t in main if t)))
            secondary = frozenset(words(description or "")) - primary if message else frozenset()
            text = message or description or name or ""
            self.docs.append(_Doc(i, source, len(text), primary, secondary, max(1, len(primary))))
            for w in primary | secondary:
                self.postings.setdefault(w, []).append(i)
                df[w] = df.get(w, 0) + 1
        n = max(1, len(self.docs))
        # words with digits in them (codes) match exactly only, so fuzzy matching
        # looks at real words alone: with a large catalogue most tokens are codes
        self.vocab = sorted(w for w in self.postings if w.isalpha())
        self.stems = [stem(w) for w in self.vocab]
        self.idf = {w: math.log(1 + n / c) for w, c in df.items()}

    def _similar(self, qword: str) -> dict[str, float]:
        """Vocabulary words close to one query word, with a similarity in 0..1."""
        from rapidfuzz import fuzz, process

        found: dict[str, float] = {}
        for alt in (qword, *_ABBREVIATIONS.get(qword, ())):
            if alt in self.postings:
                found[alt] = 1.0
        if qword.isdigit() or len(qword) < 3:
            return found  # numbers match exactly or not at all: 7301 is not 7302
        # short words need to be closer: "rate" must not match "create"
        cutoff = 85 if len(qword) <= 4 else 80 if len(qword) <= 6 else 75
        qstem = stem(qword)
        for choices, key in ((self.vocab, qword), (self.stems, qstem)):
            for _, score, i in process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None):
                word = self.vocab[i]
                sim = 0.95 if score == 100 else 0.9 * score / 100
                found[word] = max(found.get(word, 0.0), sim)
        if len(qword) >= 4:
            # a fragment of a word ("auth" for "authentication"): a range of the sorted vocabulary
            at = bisect_left(self.vocab, qword)
            while at < len(self.vocab) and self.vocab[at].startswith(qword):
                if self.vocab[at] != qword:
                    found[self.vocab[at]] = max(found.get(self.vocab[at], 0.0), 0.8)
                at += 1
            # a word cut short in a name ("Init" for "initialization")
            for end in range(4, len(qword)):
                prefix = qword[:end]
                if prefix in self.postings and prefix.isalpha():
                    found[prefix] = max(found.get(prefix, 0.0), 0.8)
        return found

    def search(
        self,
        query: str,
        sources: Sequence[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        min_score: float = DEFAULT_MIN_SCORE,
        label: str | None = None,
    ) -> list[Match]:
        """Best matches for free text; ``label`` is the query as the user wrote it."""
        qwords = list(dict.fromkeys(words(query)))
        if not qwords:
            return []
        content = [w for w in qwords if w not in _STOP] or qwords
        sims = {w: self._similar(w) for w in content}
        rare = math.log(1 + len(self.docs))
        weights = {w: max((self.idf[v] for v in sims[w] if sims[w][v] >= 0.95), default=rare) for w in content}
        total = sum(weights.values())
        # How many query words each entry can answer (set unions and a Counter: C loops).
        # Entries answering more words are scored first; a group whose best possible
        # score cannot reach the last place shown is never scored at all.
        coverage: Counter[int] = Counter()
        for w in content:
            coverage.update(set().union(*(self.postings[v] for v in sims[w])))
        groups: dict[int, list[int]] = {}
        for i, count in coverage.items():
            groups.setdefault(count, []).append(i)
        heaviest = sorted(weights.values(), reverse=True)
        stops = frozenset(w for w in qwords if w in _STOP)
        bonus = PHRASE_BONUS if len(qwords) > 1 else 0.0

        def best_possible(count: int) -> float:
            return 100 * (0.8 * sum(heaviest[:count]) / total + 0.2) + bonus

        phrase = " ".join(qwords)
        scored: list[tuple[float, int, int, int, frozenset[str]]] = []
        for count in sorted(groups, reverse=True):
            ceiling = best_possible(count)
            if ceiling < min_score:
                break
            if len(scored) >= limit:
                kth = sorted((row[0] for row in scored), reverse=True)[limit - 1]
                if ceiling < kth:
                    break
            scored.extend(self._score(groups[count], content, stops, sims, weights, total, sources, min_score))
        return self._rank(scored, qwords, phrase, limit, min_score, label or query)

    def _score(
        self,
        candidates: list[int],
        content: list[str],
        stops: frozenset[str],
        sims: dict[str, dict[str, float]],
        weights: dict[str, float],
        total: float,
        sources: Sequence[str] | None,
        min_score: float,
    ) -> list[tuple[float, int, int, int, frozenset[str]]]:
        scored: list[tuple[float, int, int, int, frozenset[str]]] = []
        for i in candidates:
            doc = self.docs[i]
            if sources is not None and doc.source not in sources:
                continue
            # every (query word, entry word) pair, best first; each side is used once
            pairs = []
            for w in content:
                for word, sim in sims[w].items():
                    if word in doc.primary:
                        s = sim
                    elif word in doc.secondary:
                        s = sim * 0.85
                    else:
                        continue
                    credit = s * min(weights[w], self.idf[word]) if s < 0.95 else s * weights[w]
                    pairs.append((credit, s, w, word))
            pairs.sort(reverse=True)
            used_q: set[str] = set()
            used_d: set[str] = set()
            covered = 0.0
            exact_words = 0
            for credit, _, w, word in pairs:
                if w in used_q or word in used_d:
                    continue
                used_q.add(w)
                used_d.add(word)
                covered += credit
                exact_words += word == w
            query_cov = covered / total
            # the entry's words the query covers, small words ("from") included
            doc_cov = (len(used_d & doc.primary) + len(stops & doc.primary)) / doc.length
            score = 100 * (0.8 * query_cov + 0.2 * min(1.0, doc_cov))
            if score + PHRASE_BONUS >= min_score:
                scored.append((score, exact_words, -doc.text_length, -i, frozenset(used_d)))
        return scored

    def _rank(
        self,
        scored: list[tuple[float, int, int, int, frozenset[str]]],
        qwords: list[str],
        phrase: str,
        limit: int,
        min_score: float,
        label: str,
    ) -> list[Match]:
        scored.sort(key=lambda row: row[:4], reverse=True)
        if len(qwords) > 1 and scored:
            # the whole query as a phrase in the text earns a bonus; only entries within
            # the bonus of the last place shown can move, so only those are read
            cut = scored[min(limit, len(scored)) - 1][0] - PHRASE_BONUS
            head = [row for row in scored if row[0] >= cut]
            for n, row in enumerate(head):
                if phrase in " ".join(words(self.index.entry(self.docs[-row[3]].gid).text)):
                    head[n] = (row[0] + PHRASE_BONUS, *row[1:])
            scored = head + scored[len(head) :]
            scored.sort(key=lambda row: row[:4], reverse=True)
        # 100 is reserved for exact look-ups
        scored = [(min(row[0], 99.0), *row[1:]) for row in scored if min(row[0], 99.0) >= min_score]
        return [
            Match(label, self.index.entry(self.docs[-i].gid), "fuzzy", round(s, 1), hits)
            for s, _, _, i, hits in scored[:limit]
        ]


def suggest(index: Index, query: str, sources: Sequence[str] | None = None, limit: int = 3) -> list[str]:
    """Codes and names close to a query that matched nothing, best first; none for junk."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import OSA

    q = query.strip()
    if not q or len(q) > 64:
        return []
    labels: dict[str, str] = {}  # lower-cased key -> label as the vendor writes it
    for entry in index.entries:
        if sources is not None and entry.source not in sources:
            continue
        for label in (entry.code, entry.name):
            if label:
                labels.setdefault(label.lower(), label)
    ql = q.lower()
    if ql.isdigit():
        close = [k for k in labels if k.isdigit() and OSA.distance(ql, k) <= 1]
        return sorted(close, key=lambda k: (abs(int(k) - int(ql)), k))[:limit]
    found = process.extract(ql, list(labels), scorer=fuzz.ratio, score_cutoff=80, limit=limit)
    return [labels[k] for k, _, _ in found]


_INDEXES: dict[int, SearchIndex] = {}


def search_index(index: Index) -> SearchIndex:
    """The search index of an exact index, built on first use and kept for the process."""
    found = _INDEXES.get(id(index))
    if found is None or found.index is not index:
        found = _INDEXES[id(index)] = SearchIndex(index)
    return found
