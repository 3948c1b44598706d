"""Regenerate the README's tables from the results files (never typed by hand).

Each table sits between ``<!-- BEGIN name -->`` and ``<!-- END name -->`` markers:
- ``settings``: every field of rag.config.Settings with its variable, default and description;
- ``retrieval-evaldev``: results/eval-dev.json (python -m rag eval on ../shared/eval-dev);
- ``retrieval-ablation``: results/eval-dev.json beside results/eval-dev-no-hubness.json (one part off);
- ``retrieval-no-translation``: results/eval-dev-no-translation.json (scripts/eval_without_translations.py);
- ``linking``: results/linking.json (scripts/eval_linking.py): translations found at ingest;
- ``retrieval-gold``: results/gold.json (python -m rag eval on corpus/ + eval/gold.jsonl);
- ``refusal``: results/refusal.json (scripts/calibrate_refusal.py);
- ``answers``: results/answers.json (scripts/eval_answers.py).

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


def no_translation_table(res: dict, with_twins: dict) -> str:
    """Article slices with each gold document's translation left out of the index, beside the full index."""
    name = res["retriever"]
    rows = [f"Made by `{res['command']}` ({name}; the full index: results/eval-dev.json).", "",
            "| slice | n | without the translation: R@10 | MRR@10 | with it (strict): R@10 | MRR@10 | "
            "with it (by family): R@10 | MRR@10 |",
            "|---|---|---|---|---|---|---|---|"]
    full = (with_twins.get("retrievers") or {}).get(name, {}).get("slices", {})
    for _lang, run in sorted(res["runs"].items()):
        for sl, m in run["slices"].items():
            f = full.get(sl)
            both = (f"{f['recall@10']:.3f} | {f['mrr@10']:.3f} | {f['family']['recall@10']:.3f} | "
                    f"{f['family']['mrr@10']:.3f}") if f and "family" in f else "— | — | — | —"
            rows.append(f"| {sl} | {m['n']} | {m['recall@10']:.3f} | {m['mrr@10']:.3f} | {both} |")
    lat = ", ".join(f"gold {lang}: p95 {run['latency_ms']['p95']} ms" for lang, run in sorted(res["runs"].items()))
    rows += ["", f"Query latency ({name}) — {lat}."]
    return "\n".join(rows)


def linking_table(res: dict) -> str:
    fx = res["fixtures"]
    rows = [f"Made by `{res['command']}`, from the pairs linked while the eval run above indexed the set.", "",
            "| documents | true pairs | linked at ingest | linked wrongly |", "|---|---|---|---|"]
    for kind, m in res["dev_set"].items():
        rows.append(f"| development set: {kind} | {m['pairs']} | {m['linked']} | {m['wrong']} |")
    yes = {True: "yes", False: "no"}
    rows += ["", f"Fixture record: the Luang Prabang seminar (vi, lo) linked: **{yes[fx['pair_linked']]}**; "
                 f"the two news items on the same topic linked: **{yes[fx['same_topic_linked']]}**; "
                 f"other links: **{fx['other_links']}**."]
    return "\n".join(rows)


def refusal_table(res: dict) -> str:
    rows = [
        f"Gate: refuse when `similarity − {res['refusal_unseen_weight']} × unseen < {res['refusal_threshold']}` "
        "(chosen on the `calib` half of eval/gold.jsonl; errors reported on both halves).",
        "",
        "| half | in-record questions | wrongly refused | out-of-record questions | wrongly answered |",
        "|---|---|---|---|---|",
    ]
    for half in ("calib", "test"):
        e = res[half]
        rows.append(f"| {half} | {e['in_record']} | {e['wrong_refusals']} ({e['wrong_refusal_rate']:.1%}) | "
                    f"{e['out_of_record']} | {e['wrong_answers']} ({e['wrong_answer_rate']:.1%}) |")
    return "\n".join(rows)


def answers_table(res: dict) -> str:
    rows = [
        f"Gold questions: `{res['gold']}`, split `{res['split']}`; machine: {res['machine']}.",
        "",
        "| backend | answers with the expected fact | citations whose passage has it | wrong refusals | "
        "wrong answers | answered extractively (failed checks, or Lao: quoted by design) | first token p50 / p95 | "
        "total p50 / p95 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, b in res["backends"].items():
        label = name + (f" ({b['model']})" if b.get("model") else "")
        rows.append(
            f"| {label} | {b['answer_has_fact']:.1%} | {b['citations_with_fact']:.1%} | {b['wrong_refusal_rate']:.1%} | "
            f"{b['wrong_answer_rate']:.1%} | {b['fallbacks']} of {b['questions']} | "
            f"{b['first_token_ms']['p50'] / 1000:.2f} s / {b['first_token_ms']['p95'] / 1000:.2f} s | "
            f"{b['total_ms']['p50'] / 1000:.2f} s / {b['total_ms']['p95'] / 1000:.2f} s |"
        )
    return "\n".join(rows)


def tables() -> dict[str, str]:
    out = {"settings": settings_table()}
    ev = _load("eval-dev.json")
    if ev:
        out["retrieval-evaldev"] = retrieval_table(
            ev, "python -m rag eval --corpus ../shared/eval-dev/corpus.jsonl --queries ../shared/eval-dev/queries.jsonl "
                "--retriever all --out results/eval-dev.json")
        out["retrieval-ablation"] = ablation_table(ev)
        nt = _load("eval-dev-no-translation.json")
        if nt:
            out["retrieval-no-translation"] = no_translation_table(nt, ev)
    gold = _load("gold.json")
    if gold:
        out["retrieval-gold"] = retrieval_table(
            gold, "python -m rag eval --corpus corpus --queries eval/gold.jsonl --retriever all --out results/gold.json")
    linking = _load("linking.json")
    if linking:
        out["linking"] = linking_table(linking)
    ref = _load("refusal.json")
    if ref:
        out["refusal"] = refusal_table(ref)
    ans = _load("answers.json")
    if ans:
        out["answers"] = answers_table(ans)
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
