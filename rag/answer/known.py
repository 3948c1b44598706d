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
        for m in _WORD.finditer(q.text):
            word = m.group(0)
            if (first is not None and m.start() == first.start()) or not word[0].isupper() or len(word) < 3 or \
                    any(a <= m.start() < b for a, b in taken) or fold_latin(word) in QUESTION_WORDS:
                continue
            parts = [p for p in word.split("-") if len(p) >= 3]
            if loose_spelling(word) not in known and any(loose_spelling(p) not in known for p in parts):
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
                    keys.update(loose_spelling("".join(words[i:i + n])) for i in range(len(words) - n + 1))
            self._loose = (version, frozenset(keys))
            return self._loose[1]
