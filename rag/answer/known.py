"""What the record knows, per corpus version: the vocabulary each document names, and the spellings of its words.

Two checks of a question against the whole record, beside the name table: a proper name the question
writes (a capitalized Latin word, not its first) that the record never writes in any close spelling
("Phnom Penh") refuses it; and the rarest thing the question names must be named somewhere in the
document of a line that answers it.
"""
from __future__ import annotations

import re
import threading

from ..text.names import TERMS, loose_spelling
from ..text.normalize import fold_latin
from ..text.tokens import QUESTION_WORDS
from .lines import Line
from .question import Question

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


class Known:
    """Caches, per corpus version, the record's loose spellings and each document's vocabulary keys."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loose: tuple[str, frozenset[str]] = ("", frozenset())
        self._terms: tuple[str, dict[str, set[str]]] = ("", {})

    def warm_up(self, version: str, lines: list[Line]) -> Known:
        """Build both caches for ``version`` now rather than at the first question."""
        self._loose_keys(version, lines)
        self.family_terms("", version, lines)
        return self

    def unknown_names(self, q: Question, version: str, lines: list[Line]) -> list[str]:
        """Proper names of a Latin-script question (capitalized words of 3 letters or more, not its first
        word) that are neither in the name table nor anywhere in the record, in any spelling close to theirs:
        "Phnom Penh". Lao script has no capitals: nothing is found."""
        if q.lang == "lo":
            return []
        # names, dates and the vocabulary's words ("MoU", "CNTT") are known by their tables
        taken = [(f.start, f.end) for f in [*q.names, *q.terms]] + [(w.start, w.end) for w in q.whens]
        first = _WORD.search(q.text)
        known = self._loose_keys(version, lines)
        out = []
        ms = list(_WORD.finditer(q.text))
        for i, m in enumerate(ms):
            word = m.group(0)
            if (first is not None and m.start() == first.start()) or not word[0].isupper() or len(word) < 3 or \
                    any(a <= m.start() < b for a, b in taken) or fold_latin(word) in QUESTION_WORDS:
                continue
            parts = [p for p in word.split("-") if len(p) >= 3]
            pairs = [a.group(0) + b.group(0) for a, b in ((ms[i - 1], m), (m, ms[i + 1] if i + 1 < len(ms) else None))
                     if a is not None and b is not None and a is not b and q.text[a.end() : b.start()] == " "
                     and a.group(0)[0].isupper() and b.group(0)[0].isupper()]
            if any(not _unknown(p, known) for p in pairs):
                continue  # "Sam Neua" is the record's "Sầm Nưa" as a whole
            if _unknown(word, known) and any(_unknown(p, known) for p in parts):
                out.append(word)  # "Vietnamese-Lao" is known by its parts
        return out

    def family_terms(self, family: str, version: str, lines: list[Line]) -> set[str]:
        """The vocabulary keys a document names anywhere, in any of its language versions (its title too)."""
        with self._lock:
            if self._terms[0] != version or not self._terms[1]:
                by: dict[str, set[str]] = {}
                for ln in lines:
                    by.setdefault(ln.family, set()).update(ln.term_keys | ln.ctx_terms)
                for fam, title in {ln.family: ln.title for ln in lines}.items():
                    by[fam] |= TERMS.keys(title)
                self._terms = (version, by)
            return self._terms[1].get(family, set())

    def _loose_keys(self, version: str, lines: list[Line]) -> frozenset[str]:
        """Loose spellings of the record's words and of its runs of two and three words ("Luông Pha Bang")."""
        with self._lock:
            if self._loose[0] == version and self._loose[1]:
                return self._loose[1]
            keys: set[str] = set()
            titles = {ln.family: ln.title for ln in lines}
            for text in [ln.text for ln in lines] + list(titles.values()):
                words = re.findall(r"[^\W\d_]+", text)
                for n in (1, 2, 3):
                    runs = [loose_spelling("".join(words[i:i + n])) for i in range(len(words) - n + 1)]
                    keys.update(runs)
                    keys.update("~" + _skeleton(r) for r in runs)
            self._loose = (version, frozenset(keys))
            return self._loose[1]


def _skeleton(loose: str) -> str:
    """The consonants of a loose spelling: "Sam Neua" and "Sầm Nưa" differ in their vowels only."""
    return re.sub(r"[aeiou]", "", loose)


def _unknown(word: str, known: frozenset[str]) -> bool:
    key = loose_spelling(word)
    return key not in known and ("~" + _skeleton(key) not in known or len(_skeleton(key)) < 3)
