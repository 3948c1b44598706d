"""Regenerate the README's tables from the results files (never typed by hand).

Each table sits between ``<!-- BEGIN name -->`` and ``<!-- END name -->`` markers:
- ``settings``: every field of rag.config.Settings with its variable, default and description;
- ``retrieval-evaldev``: results/eval-dev.json (python -m rag eval on ../shared/eval-dev);
- ``retrieval-ablation``: results/eval-dev.json beside results/eval-dev-no-hubness.json (one part off);
- ``retrieval-gold``: results/gold.json (python -m rag eval on corpus/ + eval/gold.jsonl);
- ``refusal``: results/refusal.json (scripts/calibrate_refusal.py);
- ``answers``: results/answers.json (scripts/eval_answers.py);
- ``bad-inputs``: the bad-input catalogue of the tests (tests/helpers/hostile.py) with each reason's
  English message, and results/hostile.json (scripts/bench_hostile.py) for the files built to
  exhaust the machine.

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
from rag.text.i18n import t

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

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


def bad_inputs_table() -> str:
    """The catalogue the integrity tests run (tests/helpers/hostile.py), with measured costs."""
    from helpers.hostile import CASES, GROUPS

    measured = (_load("hostile.json") or {}).get("cases", {})
    rows = ["Generated from `tests/helpers/hostile.py` (the cases `tests/test_integrity.py` and "
            "`tests/test_integrity_processes.py` run); time and peak memory of the `python -m ingest` process "
            "(start included) by `scripts/bench_hostile.py`"
            + (f" on {(_load('hostile.json') or {}).get('machine', '')}" if measured else "") + ".",
            "",
            "| group | input | outcome | message (English; the app shows it in vi / lo / en) | time, peak memory |",
            "|---|---|---|---|---|"]
    for c in CASES:
        msg = t(f"reason_{c.code}", "en") if c.code else ""
        m = measured.get(c.kind)
        cost = f"{m['seconds']:.1f} s, {m['peak_mb']} MB" if m else ""
        outcome = "refused" if c.status == "failed" else "added"
        rows.append(f"| {GROUPS[c.group]} | {c.kind} | {outcome} | {msg.replace('|', '/')} | {cost} |")
    return "\n".join(rows)


def scale_table(res: dict) -> str:
    """results/scale.json (scripts/bench_scale.py): ingest and query figures per corpus size and model."""
    rows = [f"Made by `scripts/bench_scale.py` ({res.get('machine', '')}; load average shown per row: the machine "
            "was shared while measuring).",
            "",
            "| model | passages | ingest passages/s | ingest peak memory | store + index on disk | cold `rag ask`: "
            "wall (beyond loading the model) | cold `rag ask`: CPU (beyond the model) | hybrid p50 / p95 | "
            "app process peak memory | load |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    models = sorted({k.split("-", 1)[1] for k in res if k.startswith(("ingest-", "query-"))})
    for model in models:
        ing, qry = res.get(f"ingest-{model}", {}), res.get(f"query-{model}", {})
        steps = ["bundled", "10k", "30k", "100k"]
        for step in steps + sorted(set(ing) - set(steps)):
            i, q = ing.get(step), qry.get(step)
            if not i and not q:
                continue
            cells = [model, step]
            cpu = f" ({i['passages_per_cpu_s']:.1f} per CPU-second)" if i and "passages_per_cpu_s" in i else ""
            cells.append(f"{i['passages_per_s']:.1f}{cpu}" if i else "—")
            cells.append(f"{i['peak_mb']} MB" if i else "—")
            disk = (q or i)["disk_mb"]
            cells.append(f"{disk} MB")
            cells.append(f"{q['cold_ask_s']:.1f} s ({q['beyond_model_s']:+.1f} s)" if q else "—")
            cells.append(f"{q['cold_ask_cpu_s']:.1f} s ({q['beyond_model_cpu_s']:+.1f} s)"
                         if q and "cold_ask_cpu_s" in q else "—")
            cells.append(f"{q['hybrid_p50_ms']:.0f} / {q['hybrid_p95_ms']:.0f} ms" if q else "—")
            cells.append(f"{q['app_peak_mb']} MB" if q else "—")
            cells.append(str((q or i).get("load", "")))
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


DOCS = [ROOT / "docs" / "deployment.md"]  # other files with generated tables


def tables() -> dict[str, str]:
    out = {"settings": settings_table(), "bad-inputs": bad_inputs_table()}
    scale = _load("scale.json")
    if scale:
        out["scale"] = scale_table(scale)
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
    stale = []
    for path in [README, *DOCS]:
        old = path.read_text(encoding="utf-8")
        new = render(old)
        if new != old:
            stale.append(path.name)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    if args.check and stale:
        print(f"{', '.join(stale)} tables are out of date: run python scripts/update_readme.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
