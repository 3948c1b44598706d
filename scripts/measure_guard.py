"""How often the instruction guard flags ordinary text, and what it costs per passage.

    python scripts/measure_guard.py --corpus ../shared/eval-dev/corpus.jsonl --out results/guard.json

Scans every passage of the development corpus (FLORES-200 sentences, XQuAD paragraphs, NTREX
articles in vi/lo/en: text the guard was never tuned on), the bundled corpus and the evaluation
fixtures, and counts the passages :func:`rag.text.guard.flag` would withhold (none of them holds an
instruction to an assistant, so every one flagged is a false alarm), with the time per passage.
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.ingest.loaders import load_file  # noqa: E402
from rag.text.guard import flag  # noqa: E402
from rag.text.instructions import patterns  # noqa: E402
from rag.text.normalize import normalize_text  # noqa: E402
from rag.text.sentences import split_passages  # noqa: E402


def passages_of(corpus: Path | None) -> dict[str, list[tuple[str, str]]]:
    """(source, passage text) per collection."""
    out: dict[str, list[tuple[str, str]]] = {}
    if corpus and corpus.is_file():
        for line in corpus.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            for seg in split_passages(normalize_text(d["text"])):
                out.setdefault(f"eval-dev:{d.get('corpus') or d.get('lang')}", []).append((d["doc_id"], seg.text))
    record = [*(ROOT / "corpus").glob("*.md"),
              *(p for p in (ROOT / "eval/fixtures/record").iterdir() if not p.name.endswith(".meta.yaml"))]
    for path in record:
        for seg in split_passages(normalize_text(load_file(path).text)):
            out.setdefault("record (corpus + fixtures)", []).append((path.name, seg.text))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "eval-dev" / "corpus.jsonl")
    ap.add_argument("--out", type=Path, default=ROOT / "results" / "guard.json")
    args = ap.parse_args(argv)
    patterns()  # compiled once, outside the timing
    rows, flagged_examples = [], []
    for name, items in sorted(passages_of(args.corpus).items()):
        t0 = time.perf_counter()
        flagged = [(src, text) for src, text in items if flag(text)]
        ms = (time.perf_counter() - t0) * 1000 / max(len(items), 1)
        rows.append({"collection": name, "passages": len(items), "flagged": len(flagged),
                     "ms_per_passage": round(ms, 3)})
        flagged_examples += [{"collection": name, "source": s, "text": x[:300]} for s, x in flagged]
    total = {"passages": sum(r["passages"] for r in rows), "flagged": sum(r["flagged"] for r in rows)}
    result = {"machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores", "collections": rows,
              "total": total, "false_alarms": flagged_examples}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for r in rows:
        print(f"{r['collection']:<32} {r['passages']:>6} passages  {r['flagged']:>3} flagged  "
              f"{r['ms_per_passage']:.2f} ms/passage")
    print(f"total: {total['flagged']} of {total['passages']} passages flagged -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
