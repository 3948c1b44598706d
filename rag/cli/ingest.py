"""``rag-ingest`` / ``python -m ingest PATH...``: add, update or remove documents in the store."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..ingest.errors import IngestError
from ..ingest.linking import Linker
from ..ingest.service import STATUSES, Summary, ingest_paths, list_documents, remove_document
from ..store.chroma import Store, StoreError
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
    p.add_argument("--list", action="store_true", help="list the documents in the store")
    # Translations linked at ingest (issue 12): list them, confirm or undo one.
    p.add_argument("--links", action="store_true", help="list the translation links, with their evidence")
    p.add_argument("--confirm-link", nargs=2, metavar=("DOC_A", "DOC_B"), action="append", default=[],
                   help="confirm that two documents are language versions (links them if they are not)")
    p.add_argument("--unlink", nargs=2, metavar=("DOC_A", "DOC_B"), action="append", default=[],
                   help="undo the link between two documents; they are never linked again")
    p.add_argument("--find-links", action="store_true",
                   help="look for translations among all stored documents (a store filled before links existed)")
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


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    editing = args.confirm_link or args.unlink or args.find_links
    if not (args.paths or args.remove or args.list or args.reset or args.links or editing):
        build_parser().print_usage(sys.stderr)
        raise fail("give files or folders to ingest, --remove DOC_ID, --list, or --links")
    if args.list and (args.paths or args.remove or args.reset or editing):
        raise fail("--list only lists: run it on its own, after adding, removing or resetting")
    if args.links and (args.paths or args.remove or args.reset or editing or args.list):
        raise fail("--links only lists: run it on its own, after adding, removing, confirming or undoing")
    settings = settings_from_args(args)
    try:
        store = Store.recreate(settings) if args.reset else Store(settings).warm_up()
    except StoreError as exc:
        raise fail(str(exc)) from None
    if args.list:
        rows = list_documents(store)
        if args.json:
            print(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
        else:
            for r in rows:
                flag = "official" if r.official else f"translation of {r.version_of or '(linked: see --links)'}"
                print(f"{r.doc_id}\t{r.date or '-'}\t{r.lang}\t{r.kind}\t{r.passages} passages\t{flag}\t{r.title}")
        return 0
    if args.links:
        print_links(Linker(store).all(), args.json)
        return 0
    results = [remove_document(store, doc_id) for doc_id in args.remove]
    if args.paths:
        results += ingest_paths(store, args.paths, bar=not args.no_progress).results
    full = Summary(results)
    if args.paths or args.remove or args.reset:
        if args.json:
            print(full.to_json())
        else:
            print_summary(full)
    if editing:
        linker = Linker(store)
        try:
            changed = [linker.confirm(a, b) for a, b in args.confirm_link] + [linker.unlink(a, b) for a, b in args.unlink]
            if args.find_links:
                changed += linker.documents_stored([d.doc_id for d in list_documents(store)], bar=not args.no_progress)
        except IngestError as exc:
            raise fail(str(exc), code=1) from None
        print_links(changed, args.json)
    return 1 if full.failed else 0


def print_links(links, as_json: bool = False) -> None:
    """One line per link: original, translation, status, then the evidence."""
    if as_json:
        print(json.dumps([x.as_dict() for x in links], ensure_ascii=False, indent=2))
        return
    if not links:
        print("no translation links")
    for x in links:
        if x.status == "undone":
            print(f"{x.status:<10} {x.original} and {x.translation}: not language versions (by {x.by}, {x.updated_at})")
            continue
        numbers = f"{x.numbers:.0%}" if x.numbers >= 0 else "too few"
        print(f"{x.status:<10} {x.translation} -> translation of {x.original}  "
              f"(aligned passages {x.share:.0%}, similarity {x.score:.3f}, numbers agreeing {numbers}, "
              f"margin {x.margin:+.3f}; by {x.by}, {x.updated_at})")
