"""Regenerate the README's tables from the results files (never typed by hand).

Each table sits between ``<!-- BEGIN name -->`` and ``<!-- END name -->`` markers:
- ``settings``: every field of rag.config.Settings with its variable, default and description;
- ``retrieval-evaldev``: results/eval-dev.json (python -m rag eval on ../shared/eval-dev);
- ``retrieval-ablation``: results/eval-dev.json beside results/eval-dev-no-hubness.json (one part off);
- ``retrieval-gold``: results/gold.json (python -m rag eval on corpus/ + eval/gold.jsonl);
- ``answers`` and ``refusal``: results/answers.json (scripts/eval_answers.py).

    python scripts/update_readme.py [--check]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from rag.config import Settings
from rag.evaluation import format_table

ROOT = Path(__file__).resolve().parents[1]

README = ROOT / "README.md"
RESULTS = ROOT / "results"


def _load(name: str):
    p = RESULTS / name
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else None


def settings_table() -> str:
    rows = ["| variable | default | what it does |", "|---|---|---|"]
    for name, f in Settings.model_fields.items():
        default = f.default
        default = "—" if default is None else (str(default) if not isinstance(default, Path) else str(default))
        rows.append(f"| `RAG_{name.upper()}` | `{default}` | {f.description or ''} |")
    return "\n".join(rows)


def retrieval_table(res: dict, source: str) -> str:
    head = f"Made by `{source}`.\n\n"
    return head + format_table(res)


ABLATIONS = [  # (results file, what differs, the variable that makes it)
    ("eval-dev-no-hubness.json", "without the hubness correction", "RAG_HUBNESS_WEIGHT=0"),
]


def ablation_table(main: dict) -> str:
    """Hybrid retrieval as configured beside the same run with one part switched off."""
    rows_in = [("as configured", main)]
    sources = []
    for name, label, env in ABLATIONS:
        res = _load(name)
        if res:
            rows_in.append((label, res))
            sources.append(f"`{env} python -m rag eval --corpus ../shared/eval-dev/corpus.jsonl --queries "
                           f"../shared/eval-dev/queries.jsonl --retriever all --out results/{name}`")
    slices = list(main["retrievers"]["hybrid"]["slices"])
    rows = [f"Made by {', '.join(sources)} (hybrid retrieval; recall@10 per slice)." if sources else "",
            "",
            "| hybrid | " + " | ".join(slices) + " | overall MRR@10 | p95 latency |",
            "|---|" + "---|" * (len(slices) + 2)]
    for label, res in rows_in:
        h = res["retrievers"]["hybrid"]
        cells = [f"{h['slices'][sl]['recall@10']:.3f}" if sl in h["slices"] else "—" for sl in slices]
        rows.append(f"| {label} | " + " | ".join(cells) + f" | {h['overall']['mrr@10']:.3f} | {h['latency_ms']['p95']:.0f} ms |")
    return "\n".join(rows)


SET_LABEL = {"questions": "eval/questions.jsonl (corpus + fixtures)", "gold": "eval/gold.jsonl (corpus)"}
SPLIT_LABEL = {"questions": {"report": "report", "tune": "tune"}, "gold": {"report": "test", "tune": "calib"}}


def _ms(d: dict) -> str:
    return f"{d['p50'] / 1000:.2f} s / {d['p95'] / 1000:.2f} s" if d and d.get("p50") is not None else "—"


def answers_table(res: dict) -> str:
    """Per question set, half, backend and language: the figures of scripts/eval_answers.py."""
    rows = [
        f"Made by `python scripts/eval_answers.py` ({res['date']}; machine: {res['machine']}; the default answerer is "
        "`extractive`, the local model is `llamacpp`, measured on the report half only).",
        "",
        "| set | half | backend | language | answerable / out of record | fact in the first sentence | "
        "citations holding the fact | wrong refusals | out-of-record refused | answer time p50 / p95 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, entry in res["sets"].items():
        for backend, b in entry["backends"].items():
            label = backend + (f" ({b['model']})" if b.get("model") else "")
            for split in ("report", "tune"):
                if split not in b:
                    continue
                groups = [("all", b[split]["overall"])] + list(b[split]["per_lang"].items())
                for lang, m in groups:
                    lang_cell = "**all**" if lang == "all" else lang
                    rows.append(
                        f"| {SET_LABEL.get(name, name)} | {SPLIT_LABEL.get(name, {}).get(split, split)} | {label} | "
                        f"{lang_cell} | {m['answerable']} / {m['out_of_record']} | {m['fact_first']:.1%} | "
                        f"{m['citations_with_fact']:.1%} | {m['wrong_refusals']:.1%} | {m['oor_refused']:.1%} | "
                        f"{_ms(m['total_ms'])} |")
    return "\n".join(rows)


REASONS = ("absent", "unmet", "kind", "planned", "relevance")


def refusal_table(res: dict) -> str:
    """Why out-of-record questions were refused (default answerer), and how many were answered anyway."""
    s = res["settings"]
    rows = [
        "The gate refuses, before any model is called, when a name, period, year or number of the question occurs "
        "nowhere in the record (`absent`), when no evidence meets all of the question's constraints together "
        "(`unmet`), when the evidence holds nothing of the asked kind (`kind`), when the record only plans an event "
        "whose outcome is asked (`planned`), or when nothing is close enough: best evidence cosine below "
        f"`RAG_REFUSAL_THRESHOLD` = {s['refusal_threshold']}, or, for a question naming none of the record's "
        f"concepts, more than `RAG_REFUSAL_UNSEEN_WEIGHT` = {s['refusal_unseen_weight']} of its words unknown to the "
        "record (`relevance`). Figures from results/answers.json (default answerer).",
        "",
        "| set | half | out-of-record questions | refused | " + " | ".join(f"`{r}`" for r in REASONS) +
        " | answerable questions wrongly refused |",
        "|---|---|---|---|" + "---|" * len(REASONS) + "---|",
    ]
    for name, entry in res["sets"].items():
        b = entry["backends"].get("extractive")
        if not b:
            continue
        for split in ("report", "tune"):
            if split not in b:
                continue
            per = b[split]["per_question"]
            oor = [q for q in per if not q["answerable"]]
            ans = [q for q in per if q["answerable"]]
            counts = [sum(1 for q in oor if q["refused"] and q["reason"].split(":")[0] == r) for r in REASONS]
            wrong = sum(1 for q in ans if q["refused"])
            rows.append(f"| {SET_LABEL.get(name, name)} | {SPLIT_LABEL.get(name, {}).get(split, split)} | {len(oor)} | "
                        f"{sum(q['refused'] for q in oor)} | " + " | ".join(map(str, counts)) +
                        f" | {wrong} of {len(ans)} |")
    return "\n".join(rows)


def tables() -> dict[str, str]:
    out = {"settings": settings_table()}
    ev = _load("eval-dev.json")
    if ev:
        out["retrieval-evaldev"] = retrieval_table(
            ev, "python -m rag eval --corpus ../shared/eval-dev/corpus.jsonl --queries ../shared/eval-dev/queries.jsonl "
                "--retriever all --out results/eval-dev.json")
        out["retrieval-ablation"] = ablation_table(ev)
    gold = _load("gold.json")
    if gold:
        out["retrieval-gold"] = retrieval_table(
            gold, "python -m rag eval --corpus corpus --queries eval/gold.jsonl --retriever all --out results/gold.json")
    ans = _load("answers.json")
    if ans and "sets" in ans:
        out["answers"] = answers_table(ans)
        out["refusal"] = refusal_table(ans)
    return out


def render(text: str) -> str:
    for name, body in tables().items():
        pattern = re.compile(rf"(<!-- BEGIN {re.escape(name)} -->\n).*?(<!-- END {re.escape(name)} -->)", re.S)
        text = pattern.sub(lambda m, body=body: m.group(1) + body + "\n" + m.group(2), text)
    return text


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--check", action="store_true", help="exit 1 if the README is not up to date")
    args = p.parse_args()
    old = README.read_text(encoding="utf-8")
    new = render(old)
    if args.check:
        if new != old:
            print("README.md tables are out of date: run python scripts/update_readme.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
