"""Measure answers: the asked fact in the first sentence, citations, refusals, latency; results/answers.json.

Two question sets, each on its own store built here from the files it is about:

- ``questions``: eval/questions.jsonl over corpus/ + eval/fixtures/record/ (the ``report`` half by
  default; the ``tune`` half chose the settings and is measured too for the default answerer);
- ``gold``: eval/gold.jsonl over corpus/ (its ``test`` half reported, ``calib`` = tune);
- ``holdout``: eval/holdout/questions.jsonl over the whole record (corpus, fixtures, held-out documents),
  written without reading the rules; ``report`` = H2 (never tuned on), ``tune`` = H1;
- ``h3``: eval/holdout/h3/questions.jsonl (all ``tune``) over the whole record plus the H3 and H4 documents;
- ``h5``: eval/holdout/h5/questions.jsonl (all ``report``, never tuned on) over all of those plus the H5 documents;
- ``h6``: eval/holdout/h6/questions.jsonl (all ``tune``: rich in out-of-record questions with answerable twins)
  over all of those plus the H6 documents.

For every backend (``extractive`` = the default answerer, ``llamacpp`` = the local model) and question,
per language and overall:

- ``fact_first``: share of answerable questions whose answer is not refused and whose FIRST sentence
  holds every expected fact (one of its alternatives; compared after NFC, case-folding, Lao digits as
  Arabic digits and spaces collapsed; an alternative written only in digits and separators, a date or
  period such as "22/11" or "12/2015", also matches the same numbers written in another form, "22
  November 2022", by the rule of the citation check below). The first sentence ends at the first '.', '!' or '?' followed by
  a space, or at a line break; a line ending with ':' followed by list lines ('• …') is one sentence
  with its list;
- ``citations_with_fact``: share of the citations of answered, answerable questions whose passage
  (any language version) holds one of the expected facts: literally, by all of its numbers (Lao
  digits, month names and quarters read as numbers, the document's date supplying the year of
  "22/11": the rule of eval/check_questions.py), or, for a term written in another language than the
  passage, by the same names and vocabulary keys (rag.text.names);
- ``wrong_refusals``: share of answerable questions refused; ``oor_refused``: share of out-of-record
  questions refused;
- latency of each answer (p50 / p95 of the total time, and of the first token), models loaded first.

    python scripts/eval_answers.py [--backends extractive,llamacpp] [--sets questions,gold]
                                   [--splits report,tune] [--model-splits report] [--limit N]
    python scripts/eval_answers.py --merge results/tmp/answers-llamacpp.json   # a run made with --out there
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import platform
import re
import tempfile
import time
import unicodedata
from pathlib import Path

from tqdm import tqdm

from rag.answer.assistant import Assistant
from rag.config import load_settings
from rag.evaluation import read_jsonl
from rag.ingest.service import ingest_paths
from rag.runtime import build_runtime
from rag.text.langs import EN_MONTH_NAMES, LAO_MONTH_NAMES
from rag.text.names import NAMES, TERMS

ROOT = Path(__file__).resolve().parents[1]
LAO_DIGITS = str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789")
SETS = {
    "questions": {"file": ROOT / "eval" / "questions.jsonl", "folders": [ROOT / "corpus", ROOT / "eval" / "fixtures" /
                                                                          "record"]},
    "gold": {"file": ROOT / "eval" / "gold.jsonl", "folders": [ROOT / "corpus"]},
    # written by someone who never read rag/ (eval/holdout/README.md): the whole record, H2 = report
    "holdout": {"file": ROOT / "eval" / "holdout" / "questions.jsonl",
                "folders": [ROOT / "corpus", ROOT / "eval" / "fixtures" / "record", ROOT / "eval" / "holdout" / "record"]},
    # H3 (eval/holdout/h3/README.md), a tune set written like the holdout one; its questions are answered over
    # the whole record including the H4 briefing documents (eval/holdout/h4/record), as its writer wrote them
    "h3": {"file": ROOT / "eval" / "holdout" / "h3" / "questions.jsonl",
           "folders": [ROOT / "corpus", ROOT / "eval" / "fixtures" / "record", ROOT / "eval" / "holdout" / "record",
                       ROOT / "eval" / "holdout" / "h4" / "record", ROOT / "eval" / "holdout" / "h3" / "record"]},
    # H5 (eval/holdout/h5/README.md), written like H3 and never tuned on: a report set over the whole record
    "h5": {"file": ROOT / "eval" / "holdout" / "h5" / "questions.jsonl",
           "folders": [ROOT / "corpus", ROOT / "eval" / "fixtures" / "record", ROOT / "eval" / "holdout" / "record",
                       ROOT / "eval" / "holdout" / "h4" / "record", ROOT / "eval" / "holdout" / "h3" / "record",
                       ROOT / "eval" / "holdout" / "h5" / "record"]},
    # H6 (eval/holdout/h6/README.md), written like H5, a tune set: most of its out-of-record questions have an
    # answerable twin that differs by one constraint
    "h6": {"file": ROOT / "eval" / "holdout" / "h6" / "questions.jsonl",
           "folders": [ROOT / "corpus", ROOT / "eval" / "fixtures" / "record", ROOT / "eval" / "holdout" / "record",
                       ROOT / "eval" / "holdout" / "h4" / "record", ROOT / "eval" / "holdout" / "h3" / "record",
                       ROOT / "eval" / "holdout" / "h5" / "record", ROOT / "eval" / "holdout" / "h6" / "record"]},
}


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s or "").translate(LAO_DIGITS)).casefold().strip()


def first_sentence(text: str) -> str:
    """The answer's first sentence (a list introduced by a line ending with ':' belongs to it)."""
    lines = (text or "").split("\n")
    if len(lines) > 1 and lines[0].rstrip().endswith(":"):
        out = [lines[0]]
        for line in lines[1:]:
            if not line.lstrip().startswith(("•", "-", "*")):
                break
            out.append(line)
        return "\n".join(out)
    m = re.search(r"(?<![\d.])[.!?](?=\s)|\n", text or "")
    return text[: m.start() + 1] if m else (text or "")


ROMAN = {"IV": "4", "III": "3", "II": "2", "I": "1"}


def numbers_of(s: str) -> set[str]:
    """The numbers a text states (as eval/check_questions.py reads them): Lao digits as Arabic, thousands
    separators ignored, month names and Roman quarters as their numbers."""
    s = unicodedata.normalize("NFC", s).translate(LAO_DIGITS)
    s = re.sub(r"\b(quý)\s+(IV|III|II|I)\b", lambda m: f"{m[1]} {ROMAN[m[2].upper()]}", s, flags=re.I)
    out = set()
    for tok in re.findall(r"\d+(?:[.,]\d+)*", s):
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", tok):
            tok = re.sub(r"[.,]", "", tok)
        else:
            tok = tok.replace(",", ".")
        out.add(tok.lstrip("0") or "0" if tok.isdigit() else tok)
    low = s.casefold()
    for i, name in enumerate(EN_MONTH_NAMES, 1):
        if re.search(rf"\b{name.casefold()}\b", low):
            out.add(str(i))
    for i, name in enumerate(LAO_MONTH_NAMES, 1):
        if name in s:
            out.add(str(i))
    return out


def fact_in_passage(alternatives: list[str], texts: list[str], date: str) -> bool:
    """One alternative is in one of the texts: literally, by all its numbers, or by its names and terms."""
    joined = " ".join(texts)
    low = norm(joined)
    nums = numbers_of(joined) | ({date[:4]} if date else set())
    for alt in alternatives:
        if norm(alt) in low:
            return True
        alt_nums = numbers_of(alt)
        if alt_nums and alt_nums <= nums:
            return True
        keys = NAMES.keys(alt) | TERMS.keys(alt, kinds=("thing", "action", "topic", "measure"))
        if keys and keys <= (NAMES.keys(joined) | TERMS.keys(joined, kinds=("thing", "action", "topic", "measure"))) \
                and (not alt_nums or alt_nums <= nums):
            return True
    return False


DIGITS_ONLY = re.compile(r"\d+(?:\s*[/.\-–]\s*\d+)+")


def states(alt: str, first: str) -> bool:
    """The first sentence (normalized) states ``alt``: literally, or, for a date or period written only in
    digits and separators, by all of its numbers (so "22/11" is stated by "22 November 2022")."""
    if norm(alt) in first:
        return True
    return bool(DIGITS_ONLY.fullmatch(norm(alt))) and numbers_of(alt) <= numbers_of(first)


def load_rows(name: str) -> list[dict]:
    rows = read_jsonl(SETS[name]["file"])
    if name == "gold":
        return [dict(qid=r["qid"], split={"calib": "tune", "test": "report"}.get(r.get("split"), "report"),
                     lang=r["query_lang"], kind=r.get("slice", ""), question=r["query"], history=[],
                     answerable=bool(r.get("gold_doc_ids")), expected=[[f] for f in r.get("expected_facts") or []])
                for r in rows]
    return rows


def pct(values: list[float], p: float):
    if not values:
        return None
    v = sorted(values)
    return round(v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))], 1)


def summarize(per: list[dict]) -> dict:
    ans = [r for r in per if r["answerable"]]
    oor = [r for r in per if not r["answerable"]]
    answered = [r for r in ans if not r["refused"]]
    cites = [c for r in answered for c in r["citations_ok"]]
    return {
        "questions": len(per), "answerable": len(ans), "out_of_record": len(oor),
        "fact_first": round(sum(r["fact_first"] for r in ans) / max(len(ans), 1), 3),
        "citations": len(cites),
        "citations_with_fact": round(sum(cites) / max(len(cites), 1), 3),
        "wrong_refusals": round(sum(r["refused"] for r in ans) / max(len(ans), 1), 3),
        "oor_refused": round(sum(r["refused"] for r in oor) / max(len(oor), 1), 3),
        "fallbacks": sum(1 for r in per if r["fallback_from"]),
        "total_ms": {"p50": pct([r["total_ms"] for r in per], 50), "p95": pct([r["total_ms"] for r in per], 95)},
        "first_token_ms": {"p50": pct([r["first_token_ms"] for r in per], 50),
                           "p95": pct([r["first_token_ms"] for r in per], 95)},
    }


def measure(assistant: Assistant, rows: list[dict], label: str) -> dict:
    per = []
    for q in tqdm(rows, desc=label, unit="q", leave=False, disable=None):
        t = time.perf_counter()
        ans = assistant.ask(q["question"], history=q.get("history") or None)
        total = (time.perf_counter() - t) * 1000
        first = norm(first_sentence(ans.answer))
        expected = q.get("expected") or []
        fact_first = bool(q["answerable"] and not ans.refused and expected and
                          all(any(states(alt, first) for alt in fact) for fact in expected))
        citations_ok = [any(fact_in_passage(fact, c.all_texts(), c.date) for fact in expected) for c in ans.citations] \
            if q["answerable"] and not ans.refused else []
        per.append({
            "qid": q["qid"], "lang": q["lang"], "kind": q.get("kind", ""), "answerable": q["answerable"],
            "refused": ans.refused, "reason": ans.reason, "fact_first": fact_first, "citations_ok": citations_ok,
            "backend": ans.backend, "fallback_from": ans.fallback_from, "rewritten": ans.rewritten_question,
            "first_token_ms": ans.timings.get("first_token_ms", round(total, 1)), "total_ms": round(total, 1),
            "answer": ans.answer,
        })
    out = {"overall": summarize(per), "per_lang": {}}
    for lang in ("vi", "lo", "en"):
        sub = [r for r in per if r["lang"] == lang]
        if sub:
            out["per_lang"][lang] = summarize(sub)
    out["per_question"] = per
    return out


def build_store(name: str, tmp: Path):
    settings = load_settings(store_dir=tmp / name, corpus_dir=str(ROOT / "corpus"))
    rt = build_runtime(settings, seed=False)
    summary = ingest_paths(rt.store, SETS[name]["folders"], bar=False)
    if summary.failed:
        raise SystemExit(f"could not ingest the {name} record: {summary.to_json()}")
    return settings, rt.retriever


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--backends", default="extractive,llamacpp")
    p.add_argument("--sets", default="questions,gold")
    p.add_argument("--splits", default="report,tune", help="splits measured with the default answerer")
    p.add_argument("--model-splits", default="report", help="splits measured with a language model (slow)")
    p.add_argument("--limit", type=int)
    p.add_argument("--out", type=Path, default=ROOT / "results" / "answers.json")
    p.add_argument("--merge", type=Path, help="copy the backends measured in this results file (a run written with "
                                               "--out elsewhere, e.g. the long model run) into --out, and stop")
    args = p.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.merge:
        into = json.loads(args.out.read_text(encoding="utf-8"))
        for name, entry in json.loads(args.merge.read_text(encoding="utf-8")).get("sets", {}).items():
            target = into["sets"].setdefault(name, {"file": entry["file"], "backends": {}})
            target["backends"].update(entry["backends"])
        args.out.write_text(json.dumps(into, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return 0
    out = {"date": dt.date.today().isoformat(), "machine": f"{platform.machine()}, {os.cpu_count()} cores",
           "sets": {}}
    if args.out.exists():  # keep what this run does not measure (a model run is long)
        out["sets"] = json.loads(args.out.read_text(encoding="utf-8")).get("sets", {})
    with tempfile.TemporaryDirectory() as tmp:
        for name in [s.strip() for s in args.sets.split(",") if s.strip()]:
            settings, retriever = build_store(name, Path(tmp))
            out["settings"] = {"refusal_threshold": settings.refusal_threshold,
                               "refusal_unseen_weight": settings.refusal_unseen_weight}
            rows = load_rows(name)
            entry = out["sets"].setdefault(name, {"file": str(SETS[name]["file"].relative_to(ROOT)), "backends": {}})
            for backend in [b.strip() for b in args.backends.split(",") if b.strip()]:
                t = time.perf_counter()
                assistant = Assistant(settings, retriever, backend_name=backend).warm_up()
                load_s = round(time.perf_counter() - t, 1)
                splits = args.splits if backend == "extractive" else args.model_splits
                res = entry["backends"].setdefault(backend, {})
                res["load_seconds"] = load_s
                if backend == "llamacpp":
                    res["model"] = getattr(assistant.backend, "model_file", "")
                for split in [s.strip() for s in splits.split(",") if s.strip()]:
                    chosen = [r for r in rows if split == "all" or r["split"] == split][: args.limit]
                    res[split] = measure(assistant, chosen, f"{name}/{backend}/{split}")
                    print(name, backend, split, json.dumps(res[split]["overall"], ensure_ascii=False))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
