"""Keyword index (BM25) over word-segmented text: a view on the corpus mirror.

Tokens are those of :mod:`rag.text.tokens` (tone-insensitive Vietnamese with pyvi compounds,
canonical Lao words, lower-cased English). Statistics (average length) are kept per language,
so a short Lao passage is not penalised for living beside long Vietnamese ones. The index is
updated change by change from the mirror; it is never rebuilt per query.
"""
from __future__ import annotations

import math
import threading
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Optional

from ..records import Passage, PassageMeta
from ..text.tokens import QUESTION_WORDS, query_terms, tokenize
from .mirror import Change, CorpusMirror


class KeywordIndex:
    """BM25 over the mirror's passages (subscribe it to the mirror with :meth:`attach`)."""

    def __init__(self, k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.postings: dict[str, dict[str, int]] = defaultdict(dict)
        self._length: dict[str, int] = {}
        self._lang: dict[str, str] = {}
        self._terms: dict[str, tuple[str, ...]] = {}
        self._lang_len: Counter = Counter()
        self._lang_n: Counter = Counter()
        self._lock = threading.RLock()

    @classmethod
    def attach(cls, mirror: CorpusMirror, **kw) -> KeywordIndex:
        index = cls(**kw)
        mirror.subscribe(index)
        return index

    def apply(self, change: Change) -> None:
        with self._lock:
            for p in change.removed:
                self._remove(p.id)
            for p in change.added:
                self._add(p)

    def _add(self, p: Passage) -> None:
        toks = tokenize(p.text, p.lang)
        counts = Counter(toks)
        self._length[p.id] = len(toks)
        self._lang[p.id] = p.lang
        self._terms[p.id] = tuple(counts)
        self._lang_len[p.lang] += len(toks)
        self._lang_n[p.lang] += 1
        for t, n in counts.items():
            self.postings[t][p.id] = n

    def _remove(self, pid: str) -> None:
        if pid not in self._length:
            return
        lang = self._lang.pop(pid)
        self._lang_len[lang] -= self._length.pop(pid)
        self._lang_n[lang] -= 1
        for t in self._terms.pop(pid):
            post = self.postings.get(t)
            if post is not None:
                post.pop(pid, None)
                if not post:
                    del self.postings[t]

    # --- queries ---------------------------------------------------------------------------
    def languages(self) -> list[str]:
        return sorted(lang for lang, n in self._lang_n.items() if n > 0)

    def search(self, query: str, k: int, allow: Optional[Callable[[str], bool]] = None, lang: Optional[str] = None,
               query_lang: str = "") -> list[tuple[str, float]]:
        """BM25 top ``k`` passage ids (with scores) among those ``allow`` passes, of passage language ``lang``."""
        terms = query_terms(query, query_lang)
        with self._lock:
            if not terms:
                return []
            n_all = max(len(self._length), 1)
            scores: dict[str, float] = defaultdict(float)
            for t, _qtf in Counter(terms).items():
                post = self.postings.get(t)
                if not post:
                    continue
                idf = math.log(1 + (n_all - len(post) + 0.5) / (len(post) + 0.5))
                for pid, tf in post.items():
                    el = self._lang[pid]
                    if lang is not None and el != lang:
                        continue
                    avg = self._lang_len[el] / max(self._lang_n[el], 1)
                    denom = tf + self.k1 * (1 - self.b + self.b * self._length[pid] / max(avg, 1))
                    scores[pid] += idf * tf * (self.k1 + 1) / denom
            ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        out = []
        for pid, s in ranked:
            if allow is None or allow(pid):
                out.append((pid, s))
                if len(out) >= k:
                    break
        return out

    def query_weight(self, query: str, query_lang: str = "") -> float:
        """Sum of the query terms' IDF: the score of a passage matching every term once, at average length."""
        with self._lock:
            n_all = max(len(self._length), 1)
            total = 0.0
            for t in set(query_terms(query, query_lang)):
                df = len(self.postings.get(t, ()))
                total += math.log(1 + (n_all - df + 0.5) / (df + 0.5))
            return total

    def has_term(self, term: str) -> bool:
        return term in self.postings

    def unseen_fraction(self, query: str, query_lang: str = "") -> float:
        """Share of the query's content words that occur nowhere in the record.

        A question about an entity the record never mentions (another country, a price, a
        sport) has such words; question words ("bao nhiêu", "which", "ເທົ່າໃດ") do not count.
        Only judged when the record holds passages in the question's language: a question in
        a language the record lacks proves nothing by its words.
        """
        if query_lang and query_lang not in self.languages():
            return 0.0
        words = [t for t in tokenize(query, "") if t not in QUESTION_WORDS and len(t) > 1]
        if not words:
            return 0.0
        return sum(1 for t in words if t not in self.postings) / len(words)

    def __len__(self) -> int:
        return len(self._length)


def allow_meta(mirror: CorpusMirror, accept: Callable[[PassageMeta], bool]) -> Callable[[str], bool]:
    """An id filter from a metadata filter (the keyword search filters by id)."""
    def allow(pid: str) -> bool:
        p = mirror.get(pid)
        return p is not None and accept(p.meta)

    return allow
