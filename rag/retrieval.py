"""Retrieval: dense (Chroma), keyword (BM25) and language-aware hybrid fusion.

The hybrid retriever searches every language of the record separately, in both indexes, and
fuses all the ranked lists with reciprocal rank fusion, so a Lao question reaches Vietnamese
passages even though Lao passages are always nearer to it in the embedding space. Passages
that are language versions of each other (same document family, same paragraph) come back
as one hit, cited from the official original with the translations beside it.
"""
from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

import numpy as np

from ingest.language import detect_language

from .config import Settings
from .glossary import expand_query
from .keyword import KeywordIndex
from .store import Store

log = logging.getLogger(__name__)


class RerankerError(RuntimeError):
    """The configured cross-encoder cannot be loaded."""


@dataclass
class Filters:
    """Restrictions that reach the search itself (Chroma ``where`` and the keyword index)."""

    langs: Optional[Sequence[str]] = None
    doc_ids: Optional[Sequence[str]] = None
    date_from: Optional[int] = None  # YYYYMMDD, inclusive
    date_to: Optional[int] = None

    @staticmethod
    def from_strings(langs=None, docs=None, date_from: str | None = None, date_to: str | None = None) -> "Filters":
        from ingest.metadata import date_range, normalize_date

        f = date_range(normalize_date(date_from, "--from"))[0] if date_from else None
        t = date_range(normalize_date(date_to, "--to"))[1] if date_to else None
        return Filters(list(langs) if langs else None, list(docs) if docs else None, f, t)

    def conditions(self) -> list[dict]:
        c: list[dict] = []
        if self.langs:
            c.append({"lang": {"$in": list(self.langs)}})
        if self.doc_ids:
            c.append({"doc_id": {"$in": list(self.doc_ids)}})
        if self.date_from:
            c.append({"date_to": {"$gte": int(self.date_from)}})
        if self.date_to:
            c.append({"date_from": {"$lte": int(self.date_to)}})
            c.append({"date_from": {"$gt": 0}})
        return c

    def where(self, lang: Optional[str] = None) -> Optional[dict]:
        c = self.conditions() + ([{"lang": lang}] if lang else [])
        if not c:
            return None
        return c[0] if len(c) == 1 else {"$and": c}

    def allows(self, meta: dict) -> bool:
        if self.langs and meta.get("lang") not in self.langs:
            return False
        if self.doc_ids and meta.get("doc_id") not in self.doc_ids:
            return False
        if self.date_from and int(meta.get("date_to") or 0) < self.date_from:
            return False
        if self.date_to and not (0 < int(meta.get("date_from") or 0) <= self.date_to):
            return False
        return True

    @property
    def active(self) -> bool:
        return bool(self.conditions())


@dataclass
class Hit:
    """One retrieved passage (with its language versions) and how it scored."""

    chunk_id: str
    text: str
    meta: dict[str, Any]
    score: float
    similarity: float = 0.0  # query-passage cosine of the best version (for the refusal gate)
    versions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.meta.get("doc_id", "")

    def texts(self) -> list[str]:
        """The passage and all its versions' texts."""
        return [self.text] + [v["text"] for v in self.versions]

    def version_in(self, lang: str) -> Optional[dict]:
        """This passage in ``lang`` (itself or a version), or None."""
        if self.meta.get("lang") == lang:
            return {"doc_id": self.doc_id, "lang": lang, "text": self.text, "start": self.meta.get("start"),
                    "end": self.meta.get("end"), "official": self.meta.get("official"), "chunk_id": self.chunk_id}
        for v in self.versions:
            if v["lang"] == lang:
                return v
        return None


class Retriever:
    """Dense, keyword or hybrid search over one store; the one retrieval ask, chat and eval use."""

    def __init__(self, store: Store, settings: Optional[Settings] = None):
        self.store = store
        self.settings = settings or store.settings
        self.keyword = KeywordIndex(store)
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="retrieval")
        self._hub_lock = threading.Lock()
        self._hub_cache: dict[str, float] = {}
        self._hub_version: Optional[str] = None
        self.reranker = None
        if self.settings.reranker_model:
            try:
                from sentence_transformers import CrossEncoder

                self.reranker = CrossEncoder(self.settings.reranker_model, device="cpu")
            except Exception as exc:
                raise RerankerError(
                    f"cannot load the re-ranking model {self.settings.reranker_model!r} "
                    f"({exc.__class__.__name__}: {exc}). Give a local cross-encoder path in RAG_RERANKER_MODEL, "
                    "or unset it to search without re-ranking."
                ) from None
        self.keyword.refresh(force=True)

    # --- public ------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        k: Optional[int] = None,
        filters: Optional[Filters] = None,
        mode: Optional[str] = None,
        query_lang: Optional[str] = None,
    ) -> list[Hit]:
        k = k or self.settings.top_k
        filters = filters or Filters()
        mode = mode or self.settings.retriever
        query_lang = query_lang or detect_language(query)
        query = expand_query(query)
        self.keyword.refresh()
        n = max(self.settings.candidates, k)
        langs = [l for l in self.keyword.languages() if not filters.langs or l in filters.langs] or [None]
        # Keyword search runs while the query is embedded (the embedding engine releases the GIL).
        kw_langs = langs if mode == "hybrid" else [None]
        kw_future = self._pool.submit(
            lambda: [self._keyword(query, n, filters, lang, query_lang) for lang in kw_langs]
        ) if mode in ("hybrid", "keyword") else None
        qvec = self.store.embedder.encode_queries([query])[0]
        if mode == "dense":
            lists = [self._dense(qvec, n, filters, None)]
        elif mode == "keyword":
            lists = kw_future.result()
        elif mode == "hybrid":
            dense = list(self._pool.map(lambda lang: self._dense(qvec, n, filters, lang), langs))
            keyword = kw_future.result()
            if self.settings.fusion == "rrf":
                fused = self._fuse(dense + keyword)
            else:
                fused = self._fuse_calibrated(dense, keyword, self.keyword.query_weight(query, query_lang))
        else:
            raise ValueError(f"unknown retriever {mode!r}: use dense, keyword or hybrid")
        if mode != "hybrid":
            fused = self._fuse(lists)
        hits = self._group(fused, qvec, filters)
        if self.reranker is not None and hits:
            hits = self._rerank(query, hits)
        return hits[:k]

    # --- parts -------------------------------------------------------------------------------
    def _dense(self, qvec, n, filters: Filters, lang) -> list[tuple[str, dict, str, float]]:
        alpha = self.settings.hubness_weight
        # With the hubness correction, twice the candidates, so that passages it lifts are among them.
        found = self.store.dense_search(qvec, 2 * n if alpha else n, filters.where(lang), n=len(self.keyword),
                                        vectors=bool(alpha))
        hub = self._hubness(found) if alpha else {}
        ranked = [(c.id, c.meta, c.text, s - alpha * hub.get(c.id, 0.0)) for c, s in found]
        ranked.sort(key=lambda x: -x[3])
        return ranked[:n]

    def _hubness(self, found) -> dict[str, float]:
        """Mean similarity of each candidate to its nearest passages elsewhere in the corpus,
        cached until the corpus changes.

        This is the CSLS correction of cross-lingual retrieval (Conneau et al., 2018): a passage
        in a crowded part of the embedding space (a short, generic sentence) is near every query;
        subtracting how near it is to everything else leaves how near it is to *this* query.
        """
        version = self.keyword.version
        with self._hub_lock:
            if self._hub_version != version:
                self._hub_cache, self._hub_version = {}, version
            cache = self._hub_cache
            todo = [c for c, _ in found if c.id not in cache]
        got = self._neighbour_similarity(todo) if todo else {}
        with self._hub_lock:
            if self._hub_version == version:
                cache.update(got)
        return {c.id: got.get(c.id, cache.get(c.id, 0.0)) for c, _ in found}

    def _neighbour_similarity(self, chunks, spare: int = 10) -> dict[str, float]:
        """Mean cosine of each passage to its ``hubness_k`` nearest passages of *other* documents.

        Passages of its own document are skipped (a long document is not a crowded one), their
        documents read from the keyword index; ``spare`` extra neighbours make up for them.
        """
        k = self.settings.hubness_k
        entries = self.keyword.entries
        out = {}
        for c, near in zip(chunks, self.store.neighbours([c.vector for c in chunks], k + spare)):
            own = c.meta.get("doc_id")
            sims = [s for i, s in near if i != c.id and (i not in entries or entries[i].meta.get("doc_id") != own)][:k]
            out[c.id] = float(np.mean(sims)) if sims else 0.0
        return out

    def _keyword(self, query, n, filters: Filters, lang, query_lang) -> list[tuple[str, dict, str, float]]:
        allow = filters.allows if filters.active else None
        return [(e.id, e.meta, e.text, s) for e, s in self.keyword.search(query, n, allow, lang, query_lang)]

    def _fuse(self, lists) -> list[tuple[str, dict, str, float]]:
        scores: dict[str, float] = {}
        info: dict[str, tuple[dict, str]] = {}
        rk = self.settings.rrf_k
        for ranked in lists:
            for rank, (cid, meta, text, _s) in enumerate(ranked):
                scores[cid] = scores.get(cid, 0.0) + 1.0 / (rk + rank + 1)
                info[cid] = (meta, text)
        order = sorted(scores, key=lambda c: -scores[c])
        return [(c, info[c][0], info[c][1], scores[c]) for c in order]

    def _fuse_calibrated(self, dense_lists, keyword_lists, query_weight: float):
        """Score fusion that is fair across languages.

        A dense similarity counts by how far it stands out from the other candidates *of its
        own language* (a z-score within that language's list), because a question is always
        nearer, in the embedding space, to anything written in its own language; a smaller
        share of the z-score over all languages keeps genuinely closer passages ahead. A
        keyword score counts as the share of the query's term weight (sum of IDF) it matched.
        """
        scores: dict[str, float] = {}
        info: dict[str, tuple[dict, str]] = {}
        pooled = np.array([s for lst in dense_lists for *_, s in lst], dtype=np.float64)
        if pooled.size:
            g_mu, g_sd = pooled.mean(), max(pooled.std(), 1e-3)
        for lst in dense_lists:
            if not lst:
                continue
            sims = np.array([s for *_, s in lst], dtype=np.float64)
            mu, sd = sims.mean(), max(sims.std(), 1e-3)
            for (cid, meta, text, s) in lst:
                z = (s - mu) / sd + self.settings.dense_global_weight * (s - g_mu) / g_sd
                scores[cid] = scores.get(cid, 0.0) + z
                info[cid] = (meta, text)
        w = self.settings.keyword_weight / max(query_weight, 1e-6)
        for lst in keyword_lists:
            for (cid, meta, text, s) in lst:
                scores[cid] = scores.get(cid, 0.0) + w * s
                info[cid] = (meta, text)
        order = sorted(scores, key=lambda c: -scores[c])
        return [(c, info[c][0], info[c][1], scores[c]) for c in order]

    def _group(self, fused, qvec, filters: Filters) -> list[Hit]:
        """Merge language versions of one passage into one hit, cited from the official original."""
        groups: dict[tuple[str, int], list[tuple[str, dict, str, float]]] = {}
        order: list[tuple[str, int]] = []
        for item in fused:
            meta = item[1]
            key = (meta.get("family") or meta.get("doc_id"), int(meta.get("para", meta.get("position", 0))))
            if meta.get("family") == meta.get("doc_id") and not self._has_versions(meta):
                key = (meta.get("doc_id"), -1 - int(meta.get("position", 0)))  # plain doc: per passage
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append(item)
        hits: list[Hit] = []
        for key in order:
            members = groups[key]
            score = sum(m[3] for m in members)
            family, para = key
            if para >= 0:
                everyone = self._family_members(family, para, filters)
                rep = self._representative([m for m in everyone if filters.allows(m[1])]) or members[0]
            else:
                everyone, rep = [members[0]], members[0]
            cid, meta, text, _ = rep
            versions = self._versions(everyone, cid)
            hits.append(Hit(cid, text, meta, score, versions=versions))
        self._similarities(hits, qvec)
        hits.sort(key=lambda h: -h.score)
        return hits

    def _has_versions(self, meta: dict) -> bool:
        return self.keyword.has_versions(meta.get("family") or meta.get("doc_id", ""))

    def _family_members(self, family: str, para: int, filters: Filters) -> list[tuple[str, dict, str, float]]:
        return [(e.id, e.meta, e.text, 0.0) for e in self.keyword.family_passages(family, para)
                if filters.allows(e.meta) or not filters.langs]

    @staticmethod
    def _representative(members):
        if not members:
            return None
        official = [m for m in members if m[1].get("official")]
        return sorted(official or members, key=lambda m: (m[1].get("doc_id"), m[1].get("position", 0)))[0]

    @staticmethod
    def _versions(members, rep_id: str) -> list[dict]:
        by_doc: dict[str, list] = {}
        for cid, meta, text, _ in members:
            if cid != rep_id:
                by_doc.setdefault(meta["doc_id"], []).append((cid, meta, text))
        out = []
        for doc_id, parts in by_doc.items():
            parts.sort(key=lambda p: p[1].get("position", 0))
            meta = parts[0][1]
            out.append({
                "doc_id": doc_id,
                "chunk_id": parts[0][0],
                "lang": meta.get("lang"),
                "official": bool(meta.get("official")),
                "title": meta.get("title", ""),
                "text": "\n".join(p[2] for p in parts),
                "start": parts[0][1].get("start"),
                "end": parts[-1][1].get("end"),
            })
        return out

    def _similarities(self, hits: list[Hit], qvec) -> None:
        ids, owner = [], []
        for i, h in enumerate(hits[: max(self.settings.top_k * 2, 10)]):
            for cid in [h.chunk_id] + [v["chunk_id"] for v in h.versions]:
                ids.append(cid)
                owner.append(i)
        if not ids:
            return
        vecs = self.store.embeddings(ids)
        q = np.asarray(qvec, dtype=np.float32)
        for i, cid in zip(owner, ids):
            if cid in vecs:
                hits[i].similarity = max(hits[i].similarity, float(vecs[cid] @ q))

    def _rerank(self, query: str, hits: list[Hit]) -> list[Hit]:
        top = hits[: max(self.settings.top_k * 3, 15)]
        scores = self.reranker.predict([(query, h.text) for h in top])
        for h, s in zip(top, scores):
            h.score = float(s)
        return sorted(top, key=lambda h: -h.score) + hits[len(top):]


def timed_search(retriever: Retriever, query: str, **kw) -> tuple[list[Hit], float]:
    t = time.perf_counter()
    hits = retriever.search(query, **kw)
    return hits, (time.perf_counter() - t) * 1000
