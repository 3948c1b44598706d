"""Measure answers per backend on the project's gold set; writes results/answers.json.

For each backend and each gold question (the ``test`` split by default: the ``calib`` split
chose the refusal threshold) it records whether the answer contains an expected fact, the
share of citations whose passage (any language version) contains one, wrong refusals
(in-record questions refused), wrong answers (out-of-record questions answered), and time to
first token and total time (p50, p95) on this machine.

    python scripts/eval_answers.py [--backends extractive,llamacpp] [--split test|calib|all] [--limit N]
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import tempfile
import time
import unicodedata
from pathlib import Path

from rag.answer.assistant import Assistant
from rag.config import load_settings
from rag.evaluation import read_jsonl
from rag.runtime import build_runtime

ROOT = Path(__file__).resolve().parents[1]


def _norm(s: str) -> str:
    return unicodedata.normalize("NFC", s).casefold()


def _pct(values, p):
    if not values:
        return None
    v = sorted(values)
    return round(v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))], 1)


def measure(assistant, rows) -> dict:
    per = []
    for q in rows:
        t = time.perf_counter()
        ans = assistant.ask(q["query"])
        total = (time.perf_counter() - t) * 1000
        facts = [_norm(f) for f in q.get("expected_facts") or []]
        in_record = bool(q.get("gold_doc_ids"))
        text = _norm(ans.answer)
        cites = ans.citations
        cite_ok = [any(f in _norm(t) for t in c.all_texts() for f in facts) for c in cites] if facts else []
        per.append({
            "qid": q["qid"], "slice": q.get("slice"), "lang": q.get("query_lang"), "in_record": in_record,
            "refused": ans.refused, "backend": ans.backend, "fallback_from": ans.fallback_from,
            "has_fact": (any(f in text for f in facts) if facts else None),
            "citations": len(cites), "citations_with_fact": sum(cite_ok),
            "first_token_ms": ans.timings.get("first_token_ms", round(total, 1)), "total_ms": round(total, 1),
            "answer": ans.answer,
        })
    answered_in = [r for r in per if r["in_record"] and not r["refused"] and r["has_fact"] is not None]
    n_in = sum(1 for r in per if r["in_record"])
    n_out = sum(1 for r in per if not r["in_record"])
    n_cites = sum(r["citations"] for r in per if r["in_record"])
    return {
        "questions": len(per),
        "in_record": n_in,
        "out_of_record": n_out,
        "answer_has_fact": round(sum(1 for r in answered_in if r["has_fact"]) / max(n_in, 1), 3),
        "citations_with_fact": round(sum(r["citations_with_fact"] for r in per if r["in_record"]) / max(n_cites, 1), 3),
        "wrong_refusal_rate": round(sum(1 for r in per if r["in_record"] and r["refused"]) / max(n_in, 1), 3),
        "wrong_answer_rate": round(sum(1 for r in per if not r["in_record"] and not r["refused"]) / max(n_out, 1), 3),
        "fallbacks": sum(1 for r in per if r["fallback_from"]),
        "first_token_ms": {"p50": _pct([r["first_token_ms"] for r in per], 50),
                           "p95": _pct([r["first_token_ms"] for r in per], 95)},
        "total_ms": {"p50": _pct([r["total_ms"] for r in per], 50), "p95": _pct([r["total_ms"] for r in per], 95)},
        "per_question": per,
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--gold", type=Path, default=ROOT / "eval" / "gold.jsonl")
    p.add_argument("--backends", default="extractive,llamacpp")
    p.add_argument("--split", default="test", choices=["test", "calib", "all"])
    p.add_argument("--limit", type=int)
    p.add_argument("--out", type=Path, default=ROOT / "results" / "answers.json")
    args = p.parse_args()
    logging.basicConfig(level=logging.WARNING)
    rows = [r for r in read_jsonl(args.gold) if args.split == "all" or r.get("split", "test") == args.split]
    if args.limit:
        rows = rows[: args.limit]
    out = {"gold": str(args.gold.relative_to(ROOT) if args.gold.is_relative_to(ROOT) else args.gold),
           "split": args.split, "machine": f"{platform.machine()}, {os.cpu_count()} cores",
           "backends": {}}
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(store_dir=tmp)
        retriever = build_runtime(settings).retriever
        for name in [b.strip() for b in args.backends.split(",") if b.strip()]:
            t = time.perf_counter()
            assistant = Assistant(settings, retriever, backend_name=name)
            load_s = time.perf_counter() - t
            res = measure(assistant, rows)
            res["load_seconds"] = round(load_s, 1)
            if name == "llamacpp":
                res["model"] = getattr(assistant.backend, "model_file", "")
            out["backends"][name] = res
            summary = {k: v for k, v in res.items() if k != "per_question"}
            print(name, json.dumps(summary, ensure_ascii=False))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
