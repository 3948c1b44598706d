"""A long-running reader, as the app is: one runtime, questions from stdin, one JSON line per answer.

Run as ``python tests/helpers/reader.py`` with the store in RAG_* variables. Each line tells
whether the answer worked, the documents found, and any document the reader holds only in
part (its passages differ from the count its metadata records): that must never happen.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rag.config import load_settings  # noqa: E402
from rag.runtime import build_runtime  # noqa: E402


def main() -> None:
    rt = build_runtime(load_settings(), seed=False)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        q = line.strip()
        if not q:
            continue
        try:
            hits = rt.retriever.search(q, k=5)
            ans = rt.assistant.ask(q)
            passages = rt.retriever.mirror.passages()
            count = Counter(p.doc_id for p in passages)
            expected = {p.doc_id: p.meta.n_passages for p in passages}
            out = {"ok": True, "docs": [h.doc_id for h in hits], "cited": [c.doc_id for c in ans.citations],
                   "documents": len(count), "partial": sorted(d for d, n in count.items() if n != expected[d])}
        except Exception as exc:  # reported, and the next question must work again
            out = {"ok": False, "error": f"{exc.__class__.__name__}: {exc}"}
        print(json.dumps(out, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
