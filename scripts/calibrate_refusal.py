"""Calibrate the refusal gate on one half of the gold set and report its errors on the other.

The gate refuses when ``similarity - unseen_weight * unseen < refusal_threshold``, where
``similarity`` is the cosine between the question and the best retrieved passage (any
language version) and ``unseen`` the share of the question's content words that occur
nowhere in the record. Questions with ``split == "calib"`` choose the two numbers (fewest
errors, ties broken towards fewer wrong answers); ``split == "test"`` questions report
both error rates: wrong refusals of in-record questions, answers given to out-of-record ones.

    python scripts/calibrate_refusal.py [--gold eval/gold.jsonl] [--corpus corpus] [--out results/refusal.json]
"""
from __future__ import annotations

import argparse
import json
import logging
import tempfile
from pathlib import Path

from rag.config import load_settings
from rag.evaluation import read_jsonl
from rag.runtime import build_runtime
from rag.text.detect import question_language
from rag.text.glossary import spell_out

ROOT = Path(__file__).resolve().parents[1]

log = logging.getLogger("calibrate")


def features(retriever, rows):
    out = []
    for q in rows:
        lang = question_language(q["query"])
        hits = retriever.search(q["query"], k=3, query_lang=lang)
        sim = hits[0].similarity if hits else 0.0
        unseen = retriever.keyword.unseen_fraction(spell_out(q["query"]), lang)
        out.append({"qid": q["qid"], "in_record": bool(q.get("gold_doc_ids")), "split": q.get("split", "test"),
                    "lang": lang, "similarity": round(sim, 4), "unseen": round(unseen, 4)})
    return out


def errors(rows, weight, threshold):
    wrong_refusals = sum(1 for r in rows if r["in_record"] and r["similarity"] - weight * r["unseen"] < threshold)
    wrong_answers = sum(1 for r in rows if not r["in_record"] and r["similarity"] - weight * r["unseen"] >= threshold)
    n_in = sum(1 for r in rows if r["in_record"])
    n_out = len(rows) - n_in
    return {
        "wrong_refusals": wrong_refusals, "in_record": n_in,
        "wrong_refusal_rate": round(wrong_refusals / max(n_in, 1), 3),
        "wrong_answers": wrong_answers, "out_of_record": n_out,
        "wrong_answer_rate": round(wrong_answers / max(n_out, 1), 3),
    }


def calibrate(rows):
    """Fewest errors; among equals the widest gap between scores, with the threshold in its middle."""
    best = None
    for weight in [i / 100 for i in range(0, 41, 2)]:
        scores = sorted({r["similarity"] - weight * r["unseen"] for r in rows})
        for lo, hi in zip(scores, scores[1:]):
            t = (lo + hi) / 2
            e = errors(rows, weight, t)
            key = (e["wrong_refusals"] + e["wrong_answers"], -(hi - lo), e["wrong_answers"])
            if best is None or key < best[0]:
                best = (key, weight, round(t, 4))
    return best[1], best[2]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--gold", type=Path, default=ROOT / "eval" / "gold.jsonl")
    p.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    p.add_argument("--out", type=Path, default=ROOT / "results" / "refusal.json")
    args = p.parse_args()
    logging.basicConfig(level=logging.WARNING)
    rows = read_jsonl(args.gold)
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(store_dir=tmp, corpus_dir=str(args.corpus))
        feats = features(build_runtime(settings).retriever, rows)
    calib = [r for r in feats if r["split"] == "calib"]
    test = [r for r in feats if r["split"] != "calib"]
    weight, threshold = calibrate(calib)
    result = {
        "refusal_unseen_weight": weight,
        "refusal_threshold": threshold,
        "calib": errors(calib, weight, threshold),
        "test": errors(test, weight, threshold),
        "questions": feats,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "questions"}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
