"""``python -m rag eval``: retrieval quality and speed, through the same pipeline ``rag ask`` uses.

The corpus (JSONL, or a folder of documents) is ingested once into a fresh temporary store
by the normal ingest pipeline (translations are linked there as at any ingest); each query
runs through the retriever for every retriever asked for. Without ``gold_quotes``, documents
are ranked (:meth:`Retriever.search_documents`) and scored both strictly (the gold document
itself) and by family (or a language version shown with a result); with ``gold_quotes`` a
hit is a retrieved passage (or one of its language versions) that contains a quote.
"""
from __future__ import annotations

import json
import logging
import re
import tempfile
import time
import unicodedata
import zlib
from pathlib import Path
from typing import Optional

from tqdm import tqdm

from .config import Settings
from .ingest.loaders import RawDocument
from .ingest.service import ingest_many, ingest_paths
from .records import DocumentHit
from .retrieval.hybrid import MODES, Retriever
from .store.chroma import Store
from .store.links import LinkStore

log = logging.getLogger(__name__)

KS = (1, 5, 10)
RETRIEVERS = MODES


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, start=1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append(json.loads(line))
            except ValueError as exc:
                raise ValueError(f"{path}:{no}: not valid JSON ({exc})") from None
    return rows


def index_corpus(settings: Settings, corpus: Path):
    """Ingest a JSONL corpus or a folder into a fresh store; returns (store, seconds)."""
    store = Store(settings).warm_up()
    t = time.perf_counter()
    if corpus.is_dir():
        summary = ingest_paths(store, [corpus], bar=False)
        failed = summary.failed
    else:
        docs = read_jsonl(corpus)
        items = []
        for d in docs:
            for key in ("doc_id", "text"):
                if key not in d:
                    raise ValueError(f"{corpus}: every line needs 'doc_id', 'lang' and 'text' (missing {key!r})")
            meta = {"id": d["doc_id"], "lang": d.get("lang") if d.get("lang") in ("vi", "lo", "en") else None,
                    "title": d.get("title") or "", "kind": "other"}
            items.append((RawDocument(Path(d["doc_id"]), d["text"], meta), d["doc_id"]))
        failed = [r for r in ingest_many(store, items) if r.status == "failed"]
    for f in failed:
        log.warning("not indexed: %s (%s)", f.doc_id or f.path, f.reason)
    return store, time.perf_counter() - t


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def first_hit_rank(hits, gold_ids: set[str], quotes: list[str], k: int) -> Optional[int]:
    """1-based rank of the first passage among the top ``k`` that contains a quote (itself or one
    of its language versions), or None."""
    quotes = [_nfc(q) for q in quotes]
    for rank, h in enumerate(hits[:k], start=1):
        if any(q in _nfc(t) for t in h.texts() for q in quotes):
            return rank
    return None


def ranked_entries(docs: list[DocumentHit], k: int) -> list[dict]:
    """The top ``k`` documents as the eval writes them: id and the ids of the versions shown with it."""
    return [{"doc_id": d.doc_id, "versions": list(d.versions)} for d in docs[:k]]


def document_ranks(entries: list[dict], gold_ids: set[str]) -> tuple[Optional[int], Optional[int]]:
    """(strict, family) 1-based ranks: the first entry that is a gold document; the first that is
    one or shows one among its versions."""
    strict = next((i for i, e in enumerate(entries, 1) if e["doc_id"] in gold_ids), None)
    family = next((i for i, e in enumerate(entries, 1)
                   if e["doc_id"] in gold_ids or gold_ids & set(e["versions"])), None)
    return strict, family


def _metrics(ranks: list[Optional[int]]) -> dict:
    n = len(ranks)
    out = {f"recall@{k}": round(sum(1 for r in ranks if r and r <= k) / n, 4) if n else 0.0 for k in KS}
    out["mrr@10"] = round(sum(1 / r for r in ranks if r and r <= 10) / n, 4) if n else 0.0
    out["n"] = n
    return out


_LANG_SUFFIX = re.compile(r"-(vi|lo|en)$")


def article_half(doc_id: str) -> str:
    """'A' or 'B': the half of a development set a gold document falls in, by the parity of the
    CRC-32 of its id without the language suffix (an article's versions are in one half). Settings
    are chosen on half A; half B reports whether the choice holds."""
    return "A" if zlib.crc32(_LANG_SUFFIX.sub("", doc_id).encode("utf-8")) % 2 == 0 else "B"


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    i = min(len(values) - 1, max(0, int(round(p / 100 * (len(values) - 1)))))
    return round(values[i], 1)


# The settings that shape retrieval, recorded with every result so that a figure says what made it.
RETRIEVAL_SETTINGS = ("chunk_chars", "title_context", "candidates", "fusion", "keyword_weight",
                      "dense_global_weight", "centroid_weight", "centroid_from", "centroid_hubness_weight", "hubness_weight", "doc_support_weight", "doc_vector_weight", "hubness_k", "rrf_k", "reranker_model",
                      "hnsw_ef_search", "hnsw_ef_construction")


def first_of_each_slice(queries: list[dict], n: int) -> list[dict]:
    """The first ``n`` queries of each slice, in file order (a quick run still sees every slice)."""
    seen: dict[str, int] = {}
    out = []
    for q in queries:
        slice_ = q.get("slice", "all")
        seen[slice_] = seen.get(slice_, 0) + 1
        if seen[slice_] <= n:
            out.append(q)
    return out


def run_eval(settings: Settings, corpus: Path, queries: Path, retrievers: list[str], k: int = 10,
             limit: Optional[int] = None, keep_store: Optional[Path] = None) -> dict:
    """Index ``corpus``, run every query through each retriever, score strictly and by family.

    A query with ``gold_quotes`` is scored on passages (:meth:`Retriever.search`); any other on
    documents (:meth:`Retriever.search_documents`): strictly, a hit is a gold document itself;
    by family, also a document that shows a gold document among its language versions. Each
    query's ranked documents (with their versions) are kept in the result.

    The index is built in a temporary folder, or in ``keep_store`` (kept; a second run on it finds
    every document unchanged and only runs the queries).
    """
    qs = [q for q in read_jsonl(queries) if q.get("gold_doc_ids")]
    if limit:
        qs = first_of_each_slice(qs, limit)
    for q in qs:
        for key in ("qid", "query"):
            if key not in q:
                raise ValueError(f"{queries}: every query needs qid, slice, query, query_lang, gold_doc_ids")
    with tempfile.TemporaryDirectory(prefix="rag-eval-") as tmp:
        s = settings.model_copy(update={"store_dir": Path(keep_store or tmp), "chroma_host": None,
                                        "collection": "eval-run"})
        store, index_seconds = index_corpus(s, corpus)
        links = [[x.original, x.translation] for x in LinkStore(store).all() if x.active]
        retriever = Retriever(store, s).warm_up()
        per: dict[str, dict] = {}
        for name in retrievers:
            strict: dict[str, list] = {}
            family: dict[str, list] = {}
            lat, rows = [], []
            for q in tqdm(qs, desc=f"queries ({name})", unit="q"):
                gold, quotes = set(q["gold_doc_ids"]), q.get("gold_quotes") or []
                lang = q.get("query_lang") or None
                t = time.perf_counter()
                if quotes:
                    hits = retriever.search(q["query"], k=k, mode=name, query_lang=lang)
                    lat.append((time.perf_counter() - t) * 1000)
                    r_strict = r_family = first_hit_rank(hits, gold, quotes, k)
                    entries = [{"doc_id": h.doc_id, "versions": [v.doc_id for v in h.versions]} for h in hits[:k]]
                else:
                    docs = retriever.search_documents(q["query"], k=k, mode=name, query_lang=lang)
                    lat.append((time.perf_counter() - t) * 1000)
                    entries = ranked_entries(docs, k)
                    r_strict, r_family = document_ranks(entries, gold)
                sl = q.get("slice", "all")
                strict.setdefault(sl, []).append(r_strict)
                family.setdefault(sl, []).append(r_family)
                rows.append({"qid": q["qid"], "slice": sl, "gold": sorted(gold), "ranked": entries,
                             "rank_strict": r_strict, "rank_family": r_family})
            per[name] = {
                "slices": {sl: {**_metrics(v), "family": _metrics(family[sl])} for sl, v in sorted(strict.items())},
                "overall": {**_metrics([r for v in strict.values() for r in v]),
                            "family": _metrics([r for v in family.values() for r in v])},
                "latency_ms": {"p50": _pct(lat, 50), "p95": _pct(lat, 95)},
                "queries": rows,
            }
        del retriever, store
    meta = {"corpus": str(corpus), "queries": str(queries), "k": k, "n_queries": len(qs),
            "embedding_model": settings.embedding_model, "links": len(links), "linked_pairs": links,
            "settings": {name: getattr(settings, name) for name in RETRIEVAL_SETTINGS}}
    if len(retrievers) == 1:
        return {**per[retrievers[0]], "index_seconds": round(index_seconds, 1), "retriever": retrievers[0], "run": meta}
    return {"index_seconds": round(index_seconds, 1), "retrievers": per, "run": meta}


def to_json(result: dict) -> str:
    """The result as indented JSON, with each per-query row and each linked pair on one line (a
    result file stays a few thousand lines)."""
    rows: list[str] = []

    def mark(value) -> str:
        rows.append(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
        return f"\x00{len(rows) - 1}\x00"

    def walk(node):
        if isinstance(node, dict):
            return {key: ([mark(x) for x in val] if key in ("queries", "linked_pairs") and isinstance(val, list)
                          else walk(val)) for key, val in node.items()}
        return node

    text = json.dumps(walk(result), ensure_ascii=False, indent=2)
    return re.sub(r'"\\u0000(\d+)\\u0000"', lambda m: rows[int(m.group(1))], text)


def _table(per: dict, scoring: str) -> list[str]:
    names = list(per)
    slices = list(next(iter(per.values()))["slices"]) + ["overall"]
    head = "| slice | n | " + " | ".join(f"{n} R@1 | {n} R@5 | {n} R@10 | {n} MRR@10" for n in names) + " |"
    rows = [head, "|" + "---|" * (2 + 4 * len(names))]
    for sl in slices:
        cells, n = [], None
        for name in names:
            m = per[name]["overall"] if sl == "overall" else per[name]["slices"][sl]
            m = m.get("family", m) if scoring == "family" else m
            n = m["n"]
            cells += [f"{m['recall@1']:.3f}", f"{m['recall@5']:.3f}", f"{m['recall@10']:.3f}", f"{m['mrr@10']:.3f}"]
        label = f"**{sl}**" if sl == "overall" else sl
        rows.append(f"| {label} | {n} | " + " | ".join(cells) + " |")
    return rows


def format_table(result: dict) -> str:
    """Markdown: the same slices scored strictly and by family, each retriever side by side."""
    per = result.get("retrievers") or {result.get("retriever", "?"): result}
    names = list(per)
    rows = ["Scored strictly (a hit is the gold document itself):", ""] + _table(per, "strict")
    rows += ["", "Scored by family (the gold document, or a language version shown with a result):", ""]
    rows += _table(per, "family")
    lat = ", ".join(f"{n}: p50 {per[n]['latency_ms']['p50']} ms, p95 {per[n]['latency_ms']['p95']} ms" for n in names)
    links = result.get("run", {}).get("links")
    rows.append("")
    rows.append(f"Indexing: {result['index_seconds']} s"
                + (f" ({links} pairs of documents linked as translations)" if links is not None else "")
                + f". Query latency — {lat}.")
    return "\n".join(rows)
