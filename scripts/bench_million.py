"""Dense search at a million vectors on a Chroma server: the part of a million-passage record that
cannot be projected from the 100k measurements (``scripts/bench_scale.py``) without measuring it.

Usage (any folder store whose vectors are real, e.g. the app's ``data/chroma``, or one kept by
``python -m rag eval --keep-store DIR``)::

    python scripts/bench_million.py --store DIR [--n 1000000] [--queries 200]

**The vectors** are derived from the store's real ones (embedding a million passages takes two days
here): each is the normalised sum of a real vector, a third of another real vector of the same
language, and Gaussian noise with the real vectors' per-dimension spread, so the collection keeps
their clusters (topic, language) instead of being uniform noise, which an HNSW index searches
differently. Each carries its source's language, as passages do.

**Steps:** ``chroma run`` on a temporary folder; the vectors added in the largest batches the server
takes (the rate is recorded); then the nearest 30 to each query (a real vector, perturbed the same way)
over all languages, and restricted to one language (``where lang``), as the retriever asks; the
server's peak memory (``VmHWM``) and its folder's size. Everything goes to ``results/scale.json``
under ``million``; ``scripts/update_readme.py`` puts it in the README with the projection of the rest.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import chromadb  # noqa: E402
from bench_scale import _du, _save  # noqa: E402

from rag.config import load_settings  # noqa: E402
from rag.store.chroma import Store  # noqa: E402
from rag.store.mirror import CorpusMirror  # noqa: E402


def _real_vectors(store_dir: Path) -> tuple[np.ndarray, list[str]]:
    store = Store(load_settings(store_dir=store_dir)).warm_up()
    mirror = CorpusMirror(store)
    mirror.refresh()
    ids = [p.id for p in mirror.passages()]
    got = store.embeddings(ids)
    keep = [i for i in ids if i in got]
    return np.stack([got[i] for i in keep]).astype(np.float32), [mirror.lang_of(i) or "" for i in keep]


def _derive(real: np.ndarray, langs: list[str], n: int, rng: np.random.Generator) -> tuple[np.ndarray, list[str]]:
    by_lang: dict[str, np.ndarray] = {}
    for lang in sorted(set(langs)):
        by_lang[lang] = np.flatnonzero(np.asarray(langs) == lang)
    spread = real.std(axis=0)
    src = rng.integers(0, len(real), n)
    other = np.array([rng.choice(by_lang[langs[i]]) for i in src])
    v = real[src] + real[other] / 3 + rng.standard_normal((n, real.shape[1])).astype(np.float32) * spread
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return v.astype(np.float32), [langs[i] for i in src]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _peak_rss_mb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True, type=Path, help="a folder store with real vectors")
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    real, langs = _real_vectors(args.store)
    print(f"{len(real)} real vectors ({', '.join(sorted(set(langs)))}) from {args.store}", flush=True)
    exe = Path(sys.executable).with_name("chroma")
    folder = Path(tempfile.mkdtemp(prefix="million-"))
    port = _free_port()
    env = dict(os.environ, ANONYMIZED_TELEMETRY="False")
    log = open(folder / "server.log", "wb")
    server = subprocess.Popen([str(exe), "run", "--path", str(folder / "data"), "--host", "127.0.0.1", "--port",
                               str(port)], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
    try:
        client = None
        for _ in range(100):
            try:
                client = chromadb.HttpClient(host="127.0.0.1", port=port)
                client.heartbeat()
                break
            except Exception:
                time.sleep(0.3)
        if client is None:
            raise SystemExit("the Chroma server did not start: see " + str(folder / "server.log"))
        settings = load_settings()
        col = client.create_collection("million", embedding_function=None, configuration={"hnsw": {
            "space": "cosine", "ef_search": settings.hnsw_ef_search, "ef_construction": settings.hnsw_ef_construction}})
        batch = min(client.get_max_batch_size(), 5000)
        start, added = time.perf_counter(), 0
        while added < args.n:
            m = min(batch, args.n - added)
            vecs, vlangs = _derive(real, langs, m, rng)
            col.add(ids=[f"v{added + i}" for i in range(m)], embeddings=vecs, metadatas=[{"lang": lg} for lg in vlangs])
            added += m
            if added % 100_000 < batch:
                print(f"{added} added, {added / (time.perf_counter() - start):.0f}/s", flush=True)
        add_s = time.perf_counter() - start
        queries, qlangs = _derive(real, langs, args.queries, rng)
        col.query(query_embeddings=[queries[0]], n_results=30)  # the index is loaded
        lat: dict[str, list[float]] = {"all": [], "one": []}
        for q, lg in zip(queries, qlangs):
            t = time.perf_counter()
            col.query(query_embeddings=[q], n_results=30, include=["distances"])
            lat["all"].append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            col.query(query_embeddings=[q], n_results=30, where={"lang": lg}, include=["distances"])
            lat["one"].append((time.perf_counter() - t) * 1000)
        for v in lat.values():
            v.sort()
        row = {"vectors": args.n, "real_vectors": len(real), "add_per_s": round(args.n / add_s),
               "add_s": round(add_s), "query_all_p50_ms": round(lat["all"][len(lat["all"]) // 2], 1),
               "query_all_p95_ms": round(lat["all"][int(len(lat["all"]) * 0.95) - 1], 1),
               "query_lang_p50_ms": round(lat["one"][len(lat["one"]) // 2], 1),
               "query_lang_p95_ms": round(lat["one"][int(len(lat["one"]) * 0.95) - 1], 1),
               "server_peak_mb": _peak_rss_mb(server.pid), "disk_mb": round(_du(folder / "data") / 1e6),
               "queries": args.queries, "load": round(os.getloadavg()[0], 1)}
        print(json.dumps(row), flush=True)
        _save("million", "chroma-server", row)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
