"""Retrieval when the gold document's translation is NOT in the index (the eval command, on a reduced corpus).

For every query whose gold document has a language twin in the corpus (same id but for the
language suffix, ``…-lo`` / ``…-vi``), the twin is left out, so the gold document must be found
on its own: no linked version can lift it, and strict and family scorings are the same. Queries
are grouped by the language of their gold documents; each group is one run of ``run_eval`` on
the corpus without that group's twins (a twin left out for one query is never the gold of
another query of its group).

    python scripts/eval_without_translations.py --corpus ../shared/eval-dev/corpus.jsonl \\
        --queries ../shared/eval-dev/queries.jsonl --out results/eval-dev-no-translation.json

and, for the README's ablation of the cross-language pull, the same with ``RAG_DOC_VECTOR_WEIGHT=0``
and ``--out results/eval-dev-no-translation-no-pull.json``.

With ``--from-store DIR`` (an index kept by ``rag eval --keep-store DIR`` on the full corpus), each
group starts from a copy of that index with the twins removed (removal unlinks them, as in the
app) instead of indexing the reduced corpus from scratch.
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import shutil
import tempfile
from pathlib import Path

from rag.config import Settings, load_settings
from rag.evaluation import read_jsonl, run_eval, to_json
from rag.ingest.service import remove_document
from rag.store.chroma import Store

_LANG_SUFFIX = re.compile(r"^(?P<base>.+)-(?P<lang>vi|lo|en)$")


def twins(doc_id: str, corpus_ids: set[str]) -> list[str]:
    m = _LANG_SUFFIX.match(doc_id)
    if not m:
        return []
    return [f"{m['base']}-{lang}" for lang in ("vi", "lo", "en")
            if lang != m["lang"] and f"{m['base']}-{lang}" in corpus_ids]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--corpus", type=Path, required=True)
    p.add_argument("--queries", type=Path, required=True)
    p.add_argument("--retriever", default="hybrid")
    p.add_argument("--slices", default="article", help="only slices whose name contains this (default: article)")
    p.add_argument("--out", type=Path)
    p.add_argument("--from-store", type=Path, help="start each group from a copy of this kept full index")
    args = p.parse_args()
    logging.basicConfig(level=logging.WARNING)
    docs = read_jsonl(args.corpus)
    ids = {d["doc_id"] for d in docs}
    groups: dict[str, list[dict]] = {}
    for q in read_jsonl(args.queries):
        if args.slices in q.get("slice", "") and q.get("gold_doc_ids") and twins(q["gold_doc_ids"][0], ids):
            lang = _LANG_SUFFIX.match(q["gold_doc_ids"][0])["lang"]
            groups.setdefault(lang, []).append(q)
    settings = load_settings()
    runs = {}
    with tempfile.TemporaryDirectory(prefix="rag-notwin-") as tmp:
        for lang, qs in sorted(groups.items()):
            drop = {t for q in qs for g in q["gold_doc_ids"] for t in twins(g, ids)}
            corpus, queries = Path(tmp) / f"corpus-{lang}.jsonl", Path(tmp) / f"queries-{lang}.jsonl"
            corpus.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs if d["doc_id"] not in drop),
                              encoding="utf-8")
            queries.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in qs), encoding="utf-8")
            kept = None
            if args.from_store:
                kept = Path(tmp) / f"store-{lang}"
                shutil.copytree(args.from_store, kept)
                store = Store(settings.model_copy(update={"store_dir": kept, "chroma_host": None,
                                                          "collection": "eval-run"})).warm_up()
                for doc_id in sorted(drop):
                    remove_document(store, doc_id)
                del store
            res = run_eval(settings, corpus, queries, [args.retriever], keep_store=kept)
            res["run"].update(corpus=str(args.corpus), queries=str(args.queries), left_out=len(drop),
                              gold_language=lang)
            runs[lang] = res
    # The ablations beside the default run (the cross-language pull off, RAG_DOC_VECTOR_WEIGHT=0; the centroid
    # kept on the question, RAG_CENTROID_WEIGHT=0) are named by the variables that differ from the defaults.
    env = "".join(f"RAG_{name.upper()}={getattr(settings, name):g} " for name in ("doc_vector_weight", "centroid_weight")
                  if getattr(settings, name) != Settings.model_fields[name].default)
    out = {"retriever": args.retriever, "runs": runs,
           "command": f"{env}python scripts/eval_without_translations.py --corpus ../shared/eval-dev/corpus.jsonl "
                      f"--queries ../shared/eval-dev/queries.jsonl --out results/{(args.out or Path('-')).name}"}
    text = to_json(out)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    for lang, res in runs.items():
        for sl, m in res["slices"].items():
            print(f"{sl} (gold {lang}, {res['run']['left_out']} twins left out): "
                  f"R@10 {m['recall@10']:.3f}, MRR@10 {m['mrr@10']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
