"""Measure the briefing's agreement statuses, commitment follow-up states and timeline against
eval/briefing_gold.json, on the tune and report halves of the fixture documents.

The corpus and the fixtures are ingested into a fresh store (toy embedding model: extraction
reads patterns, not vectors), the register is built once, and the gold items are split by the
document that makes them: fixture documents in date order alternate tune / report (the article
is tune; the three agreements alternate tune / report / tune). Tune on ``tune``; publish ``report``.

    python scripts/eval_briefing.py [--out results/briefing.json]
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


def evaluate(register, gold: dict) -> dict:
    as_of = dt.date.fromisoformat(gold["as_of"])
    split = halves(gold)
    rows: list[dict] = []

    for i, g in enumerate(gold["agreements"]):
        ag = next((a for a in register.agreements if a.period_text == g["key_period"]), None)
        want = "planned" if "planned" in g["status"] else "expired" if "expired" in g["status"] else "in_force"
        got, note = agreement_status(ag, as_of) if ag else ("missing", "")
        decides = status_finding(ag, as_of) if ag else None
        cited = bool(decides) and decides.cited.doc_id in g["status_doc_ids"]
        rows.append({"kind": "agreement", "id": g["key_period"], "half": ("tune", "report")[i % 2],
                     "want": want, "got": got, "ok": got == want, "cited_ok": cited})

    for g in gold["commitments"]:
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
            want_docs = set(g.get("state_doc_ids", []))
            cited = (fs.report.doc_id in want_docs) if want_docs and fs.report else not want_docs
        rows.append({"kind": "commitment", "id": g["id"], "half": split[g["doc_id"]], "want": g["state"],
                     "got": got, "ok": got == g["state"], "found": c is not None,
                     "due_ok": bool(c) and _same_due(c.due, g["due"]), "cited_ok": cited})

    for g in gold["timeline"]:
        docs = {g["doc_id"], *g.get("also_in", [])}
        hit = any(e.date == g["date"] for e in register.events if ({e.doc_id} | {s.doc_id for s in e.also}) & docs)
        rows.append({"kind": "event", "id": f"{g['date']} {g['kind']}", "half": split[g["doc_id"]], "ok": hit})
    not_events = 0
    for g in gold["not_events"]:
        lo, hi = due_span(g["planned"])
        not_events += any(e.doc_id == g["doc_id"] and lo <= due_span(e.date)[0] <= hi for e in register.events)

    def share(items: list[dict], key: str = "ok") -> dict:
        return {"n": len(items), "correct": sum(1 for r in items if r[key]),
                "accuracy": round(sum(1 for r in items if r[key]) / len(items), 3) if items else None}

    summary = {}
    for half in ("tune", "report"):
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
            "commitments_extracted": len(register.commitments), "events_extracted": len(register.events),
            "rows": rows}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "results" / "briefing.json"))
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(store_dir=Path(tmp) / "store", corpus_dir=ROOT / "corpus", embedding_model="toy")
        store = Store(settings).warm_up()
        summary = ingest_paths(store, [ROOT / "corpus", FIXTURES], bar=False)
        if summary.failed:
            print(summary.to_json(), file=sys.stderr)
            return 1
        t0 = time.perf_counter()
        register = build_register(store.get())
        seconds = time.perf_counter() - t0
    res = evaluate(register, gold)
    res["register_build_seconds"] = round(seconds, 2)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for half, s in res["halves"].items():
        print(half, {k: f"{v['correct']}/{v['n']}" for k, v in s.items()})
    print("planned items shown as events:", res["planned_items_shown_as_events"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
