"""Dense, keyword and language-aware hybrid retrieval over one store.

The hybrid retriever searches every language of the record separately, in both indexes, and
fuses all the ranked lists on calibrated scores (:mod:`.fusion`), so a Lao question reaches
Vietnamese passages even though Lao passages are always nearer to it in the embedding space.
Passages that are language versions of each other (same document family, same paragraph)
come back as one hit, cited from the official original with the translations beside it.
:meth:`Retriever.search_documents` ranks whole documents instead (:mod:`.documents`).
"""
from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Optional

import numpy as np

from ..config import Settings
from ..records import DocumentHit, Hit, Passage, Ranked, Version
from ..store.chroma import Store
from ..store.keyword import KeywordIndex, allow_meta
from ..store.mirror import CorpusMirror
from ..text.detect import detect_language, wanted_language
from ..text.glossary import expand_query
from .documents import CrossLanguagePull, as_document_hits, pull_passages, rank_documents
from .docvectors import DocumentMatrix
from .filters import Filters
from .fusion import calibrate, fuse_calibrated, fuse_rrf
from .hubness import HubnessCorrection
from .vectors import LanguageVectors

log = logging.getLogger(__name__)

MODES = ("dense", "keyword", "hybrid")

DOCUMENT_CANDIDATES = 50
"""Documents per language searched by their whole-document vectors for the cross-language pull
(50 rather than 30 chosen on half A of eval-dev's article queries without their translations)."""


class RerankerError(RuntimeError):
    """The configured cross-encoder cannot be loaded."""


class Retriever:
    """Dense, keyword or hybrid search over one store; the one retrieval ask, chat and eval use.

    The constructor is cheap; :meth:`warm_up` (or the first search) reads the store into the
    corpus mirror and loads the optional re-ranker.
    """

    def __init__(self, store: Store, settings: Optional[Settings] = None, mirror: Optional[CorpusMirror] = None):
        self.store = store
        self.settings = settings or store.settings
        self.mirror = mirror or CorpusMirror(store)
        self.keyword = KeywordIndex.attach(self.mirror)
        self.hubness = HubnessCorrection(store, self.mirror, self.settings.hubness_k)
        self.documents = DocumentMatrix(store, self.mirror)
        self.vectors = LanguageVectors(store, self.mirror, self.settings.memory_vectors_from, self.settings.hubness_k)
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="retrieval")
        self._warm = threading.Lock()
        self.reranker = None
        self._ready = False

    def warm_up(self, segmenters: bool = True) -> Retriever:
        """Catch up with the store and load what searching needs; ``segmenters=False`` leaves the word
        segmenters to the first question that needs them (a process that answers one question)."""
        with self._warm:
            if self._ready:
                return self
            # Chroma loads its vector index on the first search (a second at 100,000 passages), without holding
            # the interpreter: it loads beside the corpus layout and the word segmenters read here.
            self._pool.submit(self.store.load_vectors)
            self.mirror.refresh(force=True)
            if self.settings.reranker_model:
                given = self.settings.reranker_model
                if given.startswith(("/", "./", "../", "~")) and not Path(given).expanduser().exists():
                    raise RerankerError(
                        f"no re-ranking model at {given!r}: the folder does not exist. Give a local "
                        "cross-encoder path in RAG_RERANKER_MODEL, or unset it to search without re-ranking."
                    )
                try:
                    from sentence_transformers import CrossEncoder

                    self.reranker = CrossEncoder(self.settings.reranker_model, device="cpu")
                except Exception as exc:
                    raise RerankerError(
                        f"cannot load the re-ranking model {self.settings.reranker_model!r} "
                        f"({exc.__class__.__name__}: {exc}). Give a local cross-encoder path in "
                        "RAG_RERANKER_MODEL, or unset it to search without re-ranking."
                    ) from None
            if segmenters:
                self.keyword.warm_up()
            self._ready = True
        return self

    # --- public ------------------------------------------------------------------------------
    def search(self, query: str, k: Optional[int] = None, filters: Optional[Filters] = None,
               mode: Optional[str] = None, query_lang: Optional[str] = None) -> list[Hit]:
        """The best passages, language versions of one paragraph grouped into one hit."""
        k = k or self.settings.top_k
        filters = filters or Filters()
        query_lang = query_lang or detect_language(query)
        fused, qvec, query = self._fused(query, k, filters, mode, query_lang)
        pull = self._cross_language_pull(qvec, query_lang, filters, mode)
        if pull is not None:
            fused = pull_passages(fused, pull, self.mirror, filters, lambda docs: self._nearest(docs, qvec))
        hits = self._group(fused, filters)
        hits.sort(key=lambda h: -h.score)
        hits = self._one_per_document(hits, fused, filters, k, query, mode)
        self._similarities(hits, qvec)  # of the best hits: after sorting (a family's sum can lift a late group)
        if self.reranker is not None and hits:
            hits = self._rerank(query, hits)
        return hits[:k]

    def search_documents(self, query: str, k: int = 10, filters: Optional[Filters] = None,
                         mode: Optional[str] = None, query_lang: Optional[str] = None) -> list[DocumentHit]:
        """The best documents, ranked by their passages (:mod:`.documents`): one result per
        document, each language a fair share of the top ``k``, language versions lifted beside the
        version that matched; each with its best passage (and its versions) and its family."""
        filters = filters or Filters()
        fused, qvec, _ = self._fused(query, k, filters, mode, query_lang)
        pull = self._cross_language_pull(qvec, query_lang or detect_language(query), filters, mode)
        ranked = rank_documents(fused, self.mirror, filters, k, wanted_language(query),
                                support=self._support(mode), pull=pull)[:k]
        docs = as_document_hits(ranked, lambda p, score: self._hit(p, score, filters))
        self._similarities([d.hit for d in docs], qvec)
        return docs

    def _one_per_document(self, hits: list[Hit], fused: list[Ranked], filters: Filters, k: int,
                          query: str, mode: Optional[str] = None) -> list[Hit]:
        """The best hit first, then the best hit of each of the top ``k`` documents of the
        language-fair document ranking, then the rest: a long document's second and third
        passages no longer push out the one passage of a document in another language."""
        docs = rank_documents(fused, self.mirror, filters, k, wanted_language(query), own_only=True,
                              support=self._support(mode))[:k]
        first = hits[:1]
        for d, _ in docs:
            h = next((h for h in hits if h.doc_id == d.doc_id or any(v.doc_id == d.doc_id for v in h.versions)), None)
            if h is not None and all(h is not x for x in first):
                first.append(h)
        return first + [h for h in hits if all(h is not x for x in first)]

    def _cross_language_pull(self, qvec, query_lang: str, filters: Filters,
                             mode: Optional[str]) -> Optional[CrossLanguagePull]:
        """Every language's documents nearest to the question's own vector (not the one less the record's
        centroid: with it the Lao->Vietnamese articles without their translation lost on half A of eval-dev)
        by their whole-document vectors,
        calibrated per language (:func:`.fusion.calibrate`); on hybrid z-score fusion, when the
        question is in one of the record's languages (else every document is in another language
        and the pull only crowds out the passage evidence: measured on eval-dev's English questions)."""
        mode = mode or self.settings.retriever
        weight = self.settings.doc_vector_weight
        langs = self.mirror.languages()
        if not weight or mode != "hybrid" or self.settings.fusion != "zscore" or query_lang not in langs:
            return None
        langs = [lang for lang in langs if not filters.langs or lang in filters.langs or lang == query_lang]
        if len(langs) < 2:
            return None
        lists = [self.documents.nearest(qvec, DOCUMENT_CANDIDATES, lang) for lang in langs]
        return CrossLanguagePull(query_lang, calibrate(lists, self.settings.dense_global_weight), weight)

    def _nearest(self, docs: list[list[Passage]], qvec) -> list[Passage]:
        """Each document's passage nearest to the question vector (its first if none is stored)."""
        vecs = self.store.embeddings([p.id for ps in docs for p in ps])
        q = np.asarray(qvec, dtype=np.float32)
        return [max(ps, key=lambda p: float(vecs[p.id] @ q) if p.id in vecs else -2.0) for ps in docs]

    def _support(self, mode: Optional[str]) -> float:
        """Weight of a document's second passage: only on calibrated (z-score) hybrid scores; rank
        fusion's scores are too close together for an added score to mean anything."""
        mode = mode or self.settings.retriever
        return self.settings.doc_support_weight if mode == "hybrid" and self.settings.fusion == "zscore" else 0.0

    def _fused(self, query: str, k: int, filters: Filters, mode: Optional[str], query_lang: Optional[str]):
        """Every candidate passage with its fused score, the query vector and the expanded query (dense
        search uses the query vector less the record's centroid: :meth:`_dense_query`)."""
        self.warm_up()
        mode = mode or self.settings.retriever
        if mode not in MODES:
            raise ValueError(f"unknown retriever {mode!r}: use dense, keyword or hybrid")
        query_lang = query_lang or detect_language(query)
        query = expand_query(query)
        self.mirror.refresh()
        self.vectors.note_search()
        n = max(self.settings.candidates, k)
        langs = [lang for lang in self.mirror.languages() if not filters.langs or lang in filters.langs] or [None]
        # Keyword search runs while the query is embedded (the embedding engine releases the GIL).
        kw_langs = langs if mode == "hybrid" else [None]
        kw_future = self._pool.submit(
            lambda: [self.keyword_candidates(query, n, filters, lang, query_lang) for lang in kw_langs]
        ) if mode in ("hybrid", "keyword") else None
        qvec = self.store.embedder.encode_queries([query])[0]
        dvec = self._dense_query(qvec) if mode != "keyword" else qvec
        if mode == "dense":
            fused = fuse_rrf([self.dense_candidates(dvec, n, filters, None)], self.settings.rrf_k)
        elif mode == "keyword":
            fused = fuse_rrf(kw_future.result(), self.settings.rrf_k)
        else:
            dense = self._dense_lists(qvec, dvec, n, filters, langs, query_lang)
            keyword = kw_future.result()
            if self.settings.fusion == "rrf":
                fused = fuse_rrf(dense + keyword, self.settings.rrf_k)
            else:
                fused = fuse_calibrated(dense, keyword, self.keyword.query_weight(query, query_lang),
                                        self.settings.dense_global_weight, self.settings.keyword_weight)
        return fused, qvec, query

    def _dense_query(self, qvec: np.ndarray) -> np.ndarray:
        """The question's vector less ``RAG_CENTROID_WEIGHT`` times the record's centroid (the mean of its
        distinct documents' vectors), for the other languages' passages (:meth:`_dense_lists`). Every passage of a language shares a direction with every other passage of it,
        and with the question when it is in that language: taking the shared part off ranks a language's
        passages by what they say rather than by how typical of the record they are, which is what lets an
        article in the other language reach a question (eval-dev's article slices without their
        translation: measured in the README). A passage's score is then its cosine to the question less the
        weight times its cosine to the centroid. A record of fewer than ``RAG_CENTROID_FROM`` distinct documents
        keeps the question's own vector: the mean of a few documents is their subject, and taking it off would
        rank their passages by everything but it (a hundred copies of one template are one document there:
        :func:`.docvectors.distinct_mean`)."""
        centroid = self._centroid()
        if centroid is None:
            return qvec
        return (np.asarray(qvec, dtype=np.float32) - self.settings.centroid_weight * centroid).astype(np.float32)

    def _centroid(self) -> Optional[np.ndarray]:
        """The record's centroid when dense search takes it off the question, else None."""
        if not self.settings.centroid_weight:
            return None
        return self.documents.centroid(self.settings.centroid_from)

    def _hubness_weight(self) -> float:
        """``RAG_HUBNESS_WEIGHT``, or ``RAG_CENTROID_HUBNESS_WEIGHT`` where the centroid is taken off the
        question: that already lowers the passages typical of the whole record, and the full correction on
        top of it cost the Lao->Vietnamese articles on half A of eval-dev."""
        s = self.settings
        return s.centroid_hubness_weight if self._centroid() is not None else s.hubness_weight

    def _dense_lists(self, qvec, dvec, n: int, filters: Filters, langs: list[Optional[str]],
                     query_lang: str) -> list[list[Ranked]]:
        """Each language's dense candidates (:meth:`_dense_by_language`). Where the centroid is taken off
        (``dvec`` is not ``qvec``), the question's own language is searched with the question's own vector:
        what all passages of a language share is noise only across languages, and within the question's
        language taking it off ranked a record of near-identical minutes by what was left of each vector
        (the real tier's toy model). Its scores are lowered by the mean cosine of that language's documents
        to the centroid (times the weight), so that they stand at the level of the other lists for the
        z-score over all languages (:func:`.fusion.fuse_calibrated`) and the order within the list is the
        question's own."""
        if dvec is qvec or query_lang not in langs or len(langs) < 2:
            return self._dense_by_language(dvec, n, filters, langs)
        offset = self.settings.centroid_weight * self.documents.typicality(query_lang)
        lists = self._dense_by_language(dvec, n, filters, langs, own=(query_lang, qvec))
        return [[Ranked(r.passage, r.score - offset) for r in lst] if lang == query_lang else lst
                for lang, lst in zip(langs, lists)]

    # --- parts -------------------------------------------------------------------------------
    def _dense_by_language(self, qvec, n: int, filters: Filters, langs: list[Optional[str]],
                           own: Optional[tuple[str, np.ndarray]] = None) -> list[list[Ranked]]:
        """:meth:`dense_candidates` of each language (``own``: a language searched with a vector of its own).
        Without filters and vectors in memory, one search over the whole collection per vector serves every
        language that has its ``n`` (or ``2n``) nearest among the results (they are then exactly that
        language's nearest); a language short of them is searched on its own. A search restricted to one
        language costs Chroma a scan of its metadata (0.3 s at 100,000 passages), one over the whole
        collection a few milliseconds."""
        vec_of = {lang: own[1] if own and lang == own[0] else qvec for lang in langs}
        if len(langs) < 2 or None in langs or filters.active or self.vectors.usable():
            return list(self._pool.map(lambda lang: self.dense_candidates(vec_of[lang], n, filters, lang), langs))
        alpha = self._hubness_weight()
        want = 2 * n if alpha else n
        total = len(self.mirror)
        full: dict[str, list] = {}
        for vec in {id(v): v for v in vec_of.values()}.values():
            mine = [lang for lang in langs if vec_of[lang] is vec]
            found = self.store.dense_search(vec, min(total, 2 * want * len(langs)), None, n=total,
                                            visible=self.mirror.__contains__, vectors=bool(alpha))
            by_lang: dict[str, list] = {lang: [] for lang in mine}
            for f in found:
                got = by_lang.get(self.mirror.lang_of(f[0]) or "")
                if got is not None:
                    got.append(f)
            full.update({lang: got[:want] for lang, got in by_lang.items()
                         if len(got) >= want or len(found) >= total})  # all of the record was returned
        return list(self._pool.map(
            lambda lang: self.dense_candidates(vec_of[lang], n, filters, lang, full.get(lang)), langs))

    def dense_candidates(self, qvec, n: int, filters: Filters, lang: Optional[str] = None,
                         found: Optional[list[tuple[str, float, Optional[np.ndarray]]]] = None) -> list[Ranked]:
        """The ``n`` passages with the highest dot product with ``qvec`` (a unit vector, or the question less
        the record's centroid: :meth:`_dense_query`), less the hubness correction, best first (``found``: the
        nearest passages, already searched)."""
        alpha = self._hubness_weight()
        in_memory = self.vectors.search(qvec, n, filters, lang, alpha)  # a large record, in a long-lived process
        if in_memory is not None:
            return [Ranked(p, s) for p, s in in_memory]
        # With the hubness correction, twice the candidates, so that passages it lifts are among them.
        if found is None:
            found = self.store.dense_search(qvec, 2 * n if alpha else n, filters.where(lang), n=len(self.mirror),
                                            visible=self.mirror.__contains__, vectors=bool(alpha))
        self.mirror.prefetch(pid for pid, _, _ in found)
        hub = self.hubness.scores([(pid, v) for pid, _, v in found], self.mirror.version) if alpha else {}
        scale = float(np.linalg.norm(qvec))  # Chroma's cosine divides by it
        ranked = [Ranked(self.mirror.get(pid), scale * s - alpha * hub.get(pid, 0.0)) for pid, s, _ in found]
        ranked.sort(key=lambda r: -r.score)
        return ranked[:n]

    def keyword_candidates(self, query: str, n: int, filters: Filters, lang: Optional[str] = None,
                           query_lang: str = "") -> list[Ranked]:
        """The ``n`` best BM25 passages (of passage language ``lang``), best first."""
        allow = allow_meta(self.mirror, filters.allows) if filters.active else None
        out = []
        found = self.keyword.search(query, n, allow, lang, query_lang)
        self.mirror.prefetch(pid for pid, _ in found)
        for pid, s in found:
            p = self.mirror.get(pid)
            if p is not None:
                out.append(Ranked(p, s))
        return out

    def _group(self, fused: list[Ranked], filters: Filters) -> list[Hit]:
        """Merge language versions of one passage into one hit, cited from the official original."""
        groups: dict[tuple[str, int], list[Ranked]] = {}
        for r in fused:
            m = r.passage.meta
            if m.family_id == m.doc_id and not self.mirror.has_versions(m.family_id):
                key = (m.doc_id, -1 - m.position)  # a document without versions: per passage
            else:
                key = (m.family_id, m.para)
            groups.setdefault(key, []).append(r)
        hits: list[Hit] = []
        for (_family, para), members in groups.items():
            score = sum(r.score for r in members)
            if para >= 0:
                hits.append(self._hit(max(members, key=lambda r: r.score).passage, score, filters,
                                      found={r.passage.id: r.score for r in members}))
            else:
                hits.append(Hit(members[0].passage, score))
        return hits

    def _hit(self, p: Passage, score: float, filters: Filters, found: Optional[dict[str, float]] = None) -> Hit:
        """A hit for passage ``p``: its paragraph cited from the official original, with the
        paragraph's other language versions beside it."""
        m = p.meta
        if m.para < 0 or not self.mirror.has_versions(m.family_id):
            return Hit(p, score)
        everyone = [q for q in self.mirror.unit(m.family_id, m.para) if filters.allows(q.meta) or not filters.langs]
        rep = self._representative([q for q in everyone if filters.allows(q.meta)], found or {p.id: score}) or p
        return Hit(rep, score, versions=self._versions(everyone, rep))

    @staticmethod
    def _representative(members: list[Passage], found: dict[str, float]) -> Optional[Passage]:
        """The official original's passage: the one the search found best, else its first."""
        if not members:
            return None
        official = [p for p in members if p.meta.official] or members
        return min(official, key=lambda p: (-found.get(p.id, float("-inf")), p.doc_id, p.meta.position))

    @staticmethod
    def _versions(members: list[Passage], rep: Passage) -> list[Version]:
        by_doc: dict[str, list[Passage]] = {}
        for p in members:
            if p.doc_id != rep.doc_id:
                by_doc.setdefault(p.doc_id, []).append(p)
        return [Version.of(ps) for ps in by_doc.values()]

    def _similarities(self, hits: list[Hit], qvec) -> None:
        """Each hit's query cosine: the best over its versions (the refusal gate reads it)."""
        ids, owner = [], []
        for i, h in enumerate(hits[: max(self.settings.top_k * 2, 10)]):
            for cid in [h.chunk_id] + [v.chunk_id for v in h.versions]:
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
