"""Keyword index (BM25) over word-segmented text, derived from what Chroma holds.

Tokens forgive how people type:
- Vietnamese: syllables and pyvi compound words, folded without tone marks and with đ -> d,
  so "bao hiem xa hoi" finds "bảo hiểm xã hội" and "hoà" equals "hòa".
- Lao: laonlp words after canonical spelling (ຫນ -> ໜ, ຫມ -> ໝ, no zero-width spaces, Lao
  digits -> Arabic).
- English and anything else: lower-cased words.

The index keeps the ``corpus_version`` stamp of the collection it mirrors; before each search
it reads the stamp and, if another write (in this or any other process) changed it, catches
up by adding the new chunk ids and dropping the removed ones. It is never rebuilt per query.
"""
from __future__ import annotations

import logging
import math
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from ingest.normalize import normalize_text

log = logging.getLogger(__name__)

_LAO_RUN = re.compile(r"[\u0e80-\u0eff]+")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_LAO_DIGITS = str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789")
_LAO_CANON = (("ຫນ", "ໜ"), ("ຫມ", "ໝ"))
_LAO_STOP = frozenset("ແລະ ໃນ ທີ່ ຂອງ ໄດ້ ເປັນ ກັບ ໃຫ້ ຈາກ ມີ ວ່າ ນີ້ ນັ້ນ ການ".split())
QUESTION_WORDS = frozenset(
    """bao nhieu gi nao sao khi dau ai the nhu khong chua hay hoac la co nhung
    what which who whom whose when where why how much many does did do is are was were the a an of in
    ໃດ ແນວໃດ ຫຍັງ ເທົ່າໃດ ຈັກ ບໍ ແມ່ນ ໃຜ ເມື່ອໃດ ຢູ່ໃສ ແດ່ ຄື ປີໃດ ອັນໃດ""".split()
)
_VI_STOP = frozenset("va cua cac la co duoc trong cho voi nhung mot da den tai nay do the thi se".split())


def fold_latin(text: str) -> str:
    """Lower-case, no tone marks or diacritics, đ -> d: 'Hòa/Hoà' -> 'hoa'."""
    text = text.lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def canonical_lao(text: str) -> str:
    for a, b in _LAO_CANON:
        text = text.replace(a, b)
    return text.translate(_LAO_DIGITS)


@lru_cache(maxsize=1)
def _vi_tokenizer():
    from pyvi import ViTokenizer

    return ViTokenizer


@lru_cache(maxsize=1)
def _lao_tokenizer():
    from laonlp import word_tokenize

    return word_tokenize


def _latin_tokens(text: str, lang: str) -> list[str]:
    words = [fold_latin(w) for w in _TOKEN.findall(text)]
    tokens = [w for w in words if w not in _VI_STOP]
    if lang == "vi" and len(words) > 1:
        # Compound words from pyvi ("bảo_hiểm") add phrase evidence on top of syllables.
        seg = _vi_tokenizer().tokenize(text)
        tokens += [fold_latin(w) for w in seg.split() if "_" in w]
    return tokens


def _lao_tokens(text: str) -> list[str]:
    out: list[str] = []
    for run in _LAO_RUN.findall(canonical_lao(text)):
        for w in _lao_tokenizer()(run):
            w = w.strip()
            if w and w not in _LAO_STOP and not w.isspace():
                out.append(w)
    return out


def tokenize(text: str, lang: str = "") -> list[str]:
    """Keyword tokens of a text in any of the record's languages (mixed text works too)."""
    text = canonical_lao(normalize_text(text))
    tokens: list[str] = []
    pos = 0
    for m in _LAO_RUN.finditer(text):
        tokens += _latin_tokens(text[pos : m.start()], lang)
        tokens += _lao_tokens(m.group())
        pos = m.end()
    tokens += _latin_tokens(text[pos:], lang)
    return tokens


@dataclass
class Entry:
    id: str
    text: str
    meta: dict
    length: int


class KeywordIndex:
    """An in-memory BM25 index mirroring a :class:`rag.store.Store` collection."""

    def __init__(self, store, k1: float = 1.2, b: float = 0.75):
        self.store = store
        self.k1, self.b = k1, b
        self.version: Optional[str] = None
        self.entries: dict[str, Entry] = {}
        self.postings: dict[str, dict[str, int]] = defaultdict(dict)
        self._lang_len: Counter = Counter()
        self._lang_n: Counter = Counter()
        self._lock = threading.RLock()
        self._by_para: dict[tuple[str, int], list[str]] = {}
        self._family_docs: dict[str, set[str]] = {}

    # --- sync with Chroma ------------------------------------------------------------------
    def refresh(self, force: bool = False) -> bool:
        """Catch up with Chroma if its corpus stamp changed; returns True when it changed."""
        with self._lock:
            version = self.store.corpus_version()
            if not force and version == self.version:
                return False
            ids = set(self.store.all_ids())
            gone = [i for i in self.entries if i not in ids]
            for i in gone:
                self._remove(i)
            new = [i for i in ids if i not in self.entries]
            for c in self.store.get(ids=new):
                self._add(c.id, c.text, c.meta)
            # Metadata (titles, dates) can change without the text: refresh it.
            if not new or len(new) < len(ids):
                for c in self.store.get(ids=[i for i in ids if i not in set(new)], documents=False):
                    if c.id in self.entries:
                        self.entries[c.id].meta = c.meta
            self._index_families()
            self.version = version
            log.debug("keyword index synced: +%d -%d = %d passages", len(new), len(gone), len(self.entries))
            return True

    def _add(self, cid: str, text: str, meta: dict) -> None:
        toks = tokenize(text, meta.get("lang", ""))
        self.entries[cid] = Entry(cid, text, meta, len(toks))
        lang = meta.get("lang", "und")
        self._lang_len[lang] += len(toks)
        self._lang_n[lang] += 1
        for t, n in Counter(toks).items():
            self.postings[t][cid] = n

    def _remove(self, cid: str) -> None:
        e = self.entries.pop(cid)
        lang = e.meta.get("lang", "und")
        self._lang_len[lang] -= e.length
        self._lang_n[lang] -= 1
        for t in set(tokenize(e.text, lang)):
            p = self.postings.get(t)
            if p is not None:
                p.pop(cid, None)
                if not p:
                    del self.postings[t]

    # --- queries ---------------------------------------------------------------------------
    def languages(self) -> list[str]:
        return sorted(lang for lang, n in self._lang_n.items() if n > 0)

    def search(
        self, query: str, k: int, allow: Optional[callable] = None, lang: Optional[str] = None, query_lang: str = ""
    ) -> list[tuple[Entry, float]]:
        """BM25 top ``k`` among entries passing ``allow`` (and of passage language ``lang``)."""
        with self._lock:
            return self._search(query, k, allow, lang, query_lang)

    def _search(self, query, k, allow, lang, query_lang) -> list[tuple[Entry, float]]:
        terms = self._query_terms(query, query_lang)
        if not terms:
            return []
        n_all = max(len(self.entries), 1)
        scores: dict[str, float] = defaultdict(float)
        for t, qtf in Counter(terms).items():
            post = self.postings.get(t)
            if not post:
                continue
            idf = math.log(1 + (n_all - len(post) + 0.5) / (len(post) + 0.5))
            for cid, tf in post.items():
                e = self.entries[cid]
                el = e.meta.get("lang", "und")
                if lang is not None and el != lang:
                    continue
                avg = self._lang_len[el] / max(self._lang_n[el], 1)
                denom = tf + self.k1 * (1 - self.b + self.b * e.length / max(avg, 1))
                scores[cid] += idf * tf * (self.k1 + 1) / denom
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        out = []
        for cid, s in ranked:
            e = self.entries[cid]
            if allow is None or allow(e.meta):
                out.append((e, s))
                if len(out) >= k:
                    break
        return out

    def _index_families(self) -> None:
        by_para: dict[tuple[str, int], list[str]] = defaultdict(list)
        docs: dict[str, set[str]] = defaultdict(set)
        for e in self.entries.values():
            fam = e.meta.get("family") or e.meta.get("doc_id", "")
            by_para[(fam, int(e.meta.get("para", 0)))].append(e.id)
            docs[fam].add(e.meta.get("doc_id", ""))
        self._by_para, self._family_docs = dict(by_para), dict(docs)

    def query_weight(self, query: str, query_lang: str = "") -> float:
        """Sum of the query terms' IDF: the score of a passage matching every term once, at average length."""
        n_all = max(len(self.entries), 1)
        total = 0.0
        for t in set(self._query_terms(query, query_lang)):
            df = len(self.postings.get(t, ()))
            total += math.log(1 + (n_all - df + 0.5) / (df + 0.5))
        return total

    def _query_terms(self, query: str, query_lang: str) -> list[str]:
        terms = tokenize(query, query_lang)
        if query_lang != "vi":
            terms += [t for t in tokenize(query, "vi") if "_" in t]
        return terms

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

    def family_passages(self, family: str, para: int) -> list[Entry]:
        """All stored passages of a document family at one paragraph index (its language versions)."""
        return [self.entries[i] for i in self._by_para.get((family, para), ()) if i in self.entries]

    def has_versions(self, family: str) -> bool:
        """True when more than one document (language version) shares this family."""
        return len(self._family_docs.get(family, ())) > 1

    def snapshot(self) -> list[Entry]:
        """A consistent copy of every indexed passage, after catching up with Chroma."""
        self.refresh()
        with self._lock:
            return [Entry(e.id, e.text, dict(e.meta), e.length) for e in self.entries.values()]

    def __len__(self) -> int:
        return len(self.entries)


def iter_languages(entries: Iterable[Entry]) -> set[str]:
    return {e.meta.get("lang", "und") for e in entries}
