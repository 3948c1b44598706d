"""``rag-ingest`` / ``python -m ingest PATH...``: add, update or remove documents in the store."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tqdm import tqdm

from ..ingest.check import check_store
from ..ingest.service import STATUSES, Summary, ingest_paths, list_documents, remove_document
from ..store.chroma import Store, StoreError
from ..store.local import LocalIndex, index_path
from .common import add_store_flags, fail, settings_from_args


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m ingest",
        description="Add documents (PDF, DOCX, HTML, TXT, MD; folders are walked) to the cooperation record. "
        "Ingesting an unchanged file changes nothing; a changed file replaces its passages.",
    )
    p.add_argument("paths", nargs="*", type=Path, help="files or folders to ingest")
    p.add_argument("--remove", metavar="DOC_ID", action="append", default=[], help="remove a document (repeatable)")
    p.add_argument("--reset", action="store_true", help="empty the collection first (to re-index with another model)")
    p.add_argument("--replace", action="store_true",
                   help="let a file replace a stored document of another file whose id it takes "
                        "(by its metadata id, or a name that differs only by the extension)")
    p.add_argument("--check", action="store_true",
                   help="check the store: documents whole, no passage left of a stopped write (changes nothing)")
    p.add_argument("--repair", action="store_true",
                   help="delete what a stopped write left behind (invisible passages), then check")
    p.add_argument("--list", action="store_true", help="list the documents in the store")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    add_store_flags(p)
    return p


def print_summary(full: Summary) -> None:
    for r in full.results:
        if r.status == "failed":
            print(f"failed     {r.path}: {r.reason}")
        elif r.status == "removed":
            print(f"removed    {r.doc_id} ({r.passages} passages)")
        else:
            print(f"{r.status:<10} {r.path} -> {r.doc_id} [{r.lang}] ({r.passages} passages)")
        for w in r.warnings:
            print(f"           note: {w}")
    counts = full.counts
    shown = STATUSES + (("removed",) if "removed" in counts else ())
    print("summary: " + ", ".join(f"{counts.get(s, 0)} {s}" for s in shown))


def _catch_up_index(store: Store, bar: bool) -> None:
    """Bring this node's keyword index up to date now, so the next reader starts at once."""
    stamp = store.corpus_version()
    records = store.documents(full=False)
    local = LocalIndex(index_path(store.settings), store.identity())
    with tqdm(desc="keyword index", unit="doc", disable=not bar, leave=False) as pbar:
        def progress(done: int, total: int) -> None:
            pbar.total = total
            pbar.n = done
            pbar.refresh()

        local.sync(records, lambda recs: store.read_documents(recs), progress=progress, stamp=stamp)


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    if not (args.paths or args.remove or args.list or args.reset or args.check or args.repair):
        build_parser().print_usage(sys.stderr)
        raise fail("give files or folders to ingest, --remove DOC_ID, --list, --check or --repair")
    if args.list and (args.paths or args.remove or args.reset):
        raise fail("--list only lists: run it on its own, after adding, removing or resetting")
    if (args.check or args.repair) and (args.paths or args.remove or args.reset or args.list):
        raise fail("--check and --repair run on their own")
    settings = settings_from_args(args)
    try:
        store = Store.recreate(settings) if args.reset else Store(settings).warm_up()
    except StoreError as exc:
        raise fail(str(exc)) from None
    if args.check or args.repair:
        try:
            report = check_store(store, repair=args.repair)
        except StoreError as exc:
            raise fail(str(exc)) from None
        if args.json:
            print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        else:
            for line in report.lines():
                print(line)
        return 0 if report.ok else 1
    if args.list:
        rows = list_documents(store)
        if args.json:
            print(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
        else:
            for r in rows:
                flag = "official" if r.official else f"translation of {r.version_of}"
                print(f"{r.doc_id}\t{r.date or '-'}\t{r.lang}\t{r.kind}\t{r.passages} passages\t{flag}\t{r.title}")
        return 0
    results = [remove_document(store, doc_id) for doc_id in args.remove]
    if args.paths:
        results += ingest_paths(store, args.paths, bar=not args.no_progress, replace=args.replace).results
    full = Summary(results)
    if full.changed:
        _catch_up_index(store, bar=not args.no_progress)
    if args.json:
        print(full.to_json())
    else:
        print_summary(full)
    return 1 if full.failed else 0
