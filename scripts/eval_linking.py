"""How well ingest finds translations: links made on the development set and on the fixture record.

- Development set: the pairs linked while ``rag eval`` indexed it (``run.linked_pairs`` of
  results/eval-dev.json), against its true pairs (the same id but for the ``-lo`` / ``-vi``
  suffix: NTREX articles, FLORES sentences), by kind of document (the id's first part).
- Fixture record: eval/fixtures/record and corpus/ ingested into a temporary store; the Luang
  Prabang seminar (vi, lo) must be linked, the digital-transformation news (vi) and the
  mobile-app news (lo) must not, and nothing else (the corpus's versions are declared).

    python scripts/eval_linking.py [--eval-dev results/eval-dev.json] [--out results/linking.json]
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import tempfile
from collections import Counter
from pathlib import Path

from rag.config import load_settings
from rag.evaluation import read_jsonl
from rag.ingest.service import ingest_paths
from rag.store.chroma import Store
from rag.store.links import LinkStore

ROOT = Path(__file__).resolve().parents[1]
PAIR = {"fx-2024-06-19-vi-hoi-thao-luong-pha-bang", "fx-2024-06-19-lo-seminar-luang-prabang"}
SAME_TOPIC = {"fx-2023-11-10-vi-tin-chuyen-doi-so", "fx-2023-11-24-lo-news-mobile-app"}
_SUFFIX = re.compile(r"^(?P<base>.+)-(?P<lang>vi|lo|en)$")


def base(doc_id: str) -> str:
    m = _SUFFIX.match(doc_id)
    return m["base"] if m else doc_id


def kind(doc_id: str) -> str:
    return doc_id.split("-", 1)[0]


def dev_set(result: dict, corpus: Path) -> dict:
    ids = [d["doc_id"] for d in read_jsonl(corpus)]
    by_base = Counter(base(i) for i in ids if _SUFFIX.match(i))
    true = Counter(kind(b) for b, n in by_base.items() if n >= 2)
    linked = result["run"].get("linked_pairs") or []
    right, wrong = Counter(), Counter()
    for a, b in linked:
        (right if base(a) == base(b) else wrong)[kind(a)] += 1
    return {kind_: {"pairs": true[kind_], "linked": right[kind_], "wrong": wrong[kind_]}
            for kind_ in sorted(set(true) | set(wrong))}


def fixtures() -> dict:
    with tempfile.TemporaryDirectory(prefix="rag-links-") as tmp:
        store = Store(load_settings(store_dir=Path(tmp), collection="fixture-links")).warm_up()
        ingest_paths(store, [ROOT / "eval" / "fixtures" / "record", ROOT / "corpus"], bar=False)
        links = [x for x in LinkStore(store).all() if x.active]
    pairs = [{x.original, x.translation} for x in links]
    return {"pair_linked": PAIR in pairs, "same_topic_linked": SAME_TOPIC in pairs,
            "other_links": sum(1 for p in pairs if p != PAIR),
            "evidence": [x.as_dict() for x in links if {x.original, x.translation} == PAIR]}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--eval-dev", type=Path, default=ROOT / "results" / "eval-dev.json")
    p.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "eval-dev" / "corpus.jsonl")
    p.add_argument("--out", type=Path, default=ROOT / "results" / "linking.json")
    args = p.parse_args()
    logging.basicConfig(level=logging.WARNING)
    result = json.loads(args.eval_dev.read_text(encoding="utf-8"))
    corpus = args.corpus if args.corpus.exists() else Path(result["run"]["corpus"])
    out = {"dev_set": dev_set(result, corpus), "fixtures": fixtures(),
           "command": "python scripts/eval_linking.py"}
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in out.items() if k != "command"}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
