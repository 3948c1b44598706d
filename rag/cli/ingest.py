"""``rag-ingest`` / ``python -m ingest PATH...``: add, update or remove documents in the store.

Every change is recorded in the audit trail under the operating-system user (``--audit`` prints
it); ``--reset`` and ``--remove`` ask for confirmation (``--yes`` skips it) and every write is
refused when the corpus is read-only (``RAG_READ_ONLY``).
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import asdict
from pathlib import Path

from tqdm import tqdm

from ..answer.evidence import RECORD, Evidence
from ..ingest.check import check_store
from ..ingest.errors import IngestError
from ..ingest.linking import Linker, link_unseen
from ..ingest.service import STATUSES, Summary, list_documents
from ..register import register_cache
from ..register.build import KEPT as REGISTER
from ..security import corpus
from ..security.audit import select, to_csv
from ..security.roles import PermissionDenied
from ..store.chroma import Store, StoreError
from ..store.local import LocalIndex, index_path
from ..store.mirror import CorpusMirror
from .common import (
    add_store_flags,
    audit_trail,
    cli_user,
    confirm,
    fail,
    refuse_if_read_only,
    settings_from_args,
)

log = logging.getLogger(__name__)


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
    # Translations linked at ingest (issue 12): list them, confirm or undo one.
    p.add_argument("--links", action="store_true", help="list the translation links, with their evidence")
    p.add_argument("--confirm-link", nargs=2, metavar=("DOC_A", "DOC_B"), action="append", default=[],
                   help="confirm that two documents are language versions (links them if they are not)")
    p.add_argument("--unlink", nargs=2, metavar=("DOC_A", "DOC_B"), action="append", default=[],
                   help="undo the link between two documents; they are never linked again")
    p.add_argument("--find-links", action="store_true",
                   help="look for translations among all stored documents (a store filled before links existed)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--no-register", action="store_true",
                   help="do not prepare the register and the answer inventory of the new record now (the next reader "
                   "builds them)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("-y", "--yes", action="store_true", help="do not ask before --reset or --remove")
    g = p.add_argument_group("audit trail (who changed what; see RAG_AUDIT_FILE)")
    g.add_argument("--audit", action="store_true", help="print the audit trail and check its hash chain")
    g.add_argument("--csv", action="store_true", help="with --audit: print it as CSV")
    g.add_argument("--since", metavar="YYYY-MM-DD", default="", help="with --audit: from this day (UTC)")
    g.add_argument("--until", metavar="YYYY-MM-DD", default="", help="with --audit: up to this day (UTC)")
    g.add_argument("--user", default="", help="with --audit: entries of users whose name contains this")
    g.add_argument("--action", action="append", default=[], help="with --audit: only this action (repeatable)")
    g.add_argument("--doc", default="", help="with --audit: entries whose document id or file contains this")
    add_store_flags(p)
    return p


def print_audit(args: argparse.Namespace) -> int:
    """The audit trail (filtered), then whether its hash chain is intact; exit 1 when it is not."""
    trail = audit_trail(settings_from_args(args))
    events = select(trail.events(), since=args.since, until=args.until, who=args.user, actions=args.action,
                    doc=args.doc)
    check = trail.verify()
    if args.csv:
        sys.stdout.write(to_csv(events))
    elif args.json:
        print(json.dumps({"path": str(trail.path), "chain_intact": check.ok, "broken_at": check.broken_at,
                          "events": [asdict(e) for e in events]}, ensure_ascii=False, indent=2))
    else:
        for e in events:
            changes = json.dumps(e.changes, ensure_ascii=False) if e.changes else ""
            print(f"{e.seq:>5} {e.at} {e.who} ({e.role or '-'}, {e.via}) {e.action} {e.result} "
                  f"{e.doc_id or '-'} {e.file or '-'} {e.sha256[:12] or '-'} {changes} {e.note}".rstrip())
        print(f"{len(events)} entries shown; {trail.path}: " + (
            f"hash chain intact ({check.entries} entries)" if check.ok else
            f"HASH CHAIN BROKEN at line {check.broken_at}: {check.reason}"))
    return 0 if check.ok else 1


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


def confirmed(args: argparse.Namespace, settings) -> bool:
    """--reset and --remove change what others rely on: say what will happen and ask (unless --yes)."""
    if args.reset:
        return confirm(f"This empties the collection of {settings.describe_store()}: every document goes.",
                       args.yes)
    if args.remove:
        return confirm(f"This removes {', '.join(args.remove)} from {settings.describe_store()}.", args.yes)
    return True


def _catch_up_index(store: Store, bar: bool) -> set[str]:
    """Bring this node's keyword index up to date now, so the next reader starts at once. Returns the
    documents it changed (some, when an earlier run was stopped after committing and before this)."""
    stamp = store.corpus_version()
    records = store.documents(full=False)
    local = LocalIndex(index_path(store.settings), store.identity())
    with tqdm(desc="keyword index", unit="doc", disable=not bar, leave=False) as pbar:
        def progress(done: int, total: int) -> None:
            pbar.total = total
            pbar.n = done
            pbar.refresh()

        return local.sync(records, lambda recs: store.read_documents(recs), progress=progress, stamp=stamp)


def _readers_prepared(store: Store) -> bool:
    """Whether the register and the answer inventory of the corpus as stored now are kept for readers."""
    index, version = index_path(store.settings), store.corpus_version()
    return (REGISTER.holds(REGISTER.path(index), version, store.embedder.fingerprint)
            and RECORD.holds(RECORD.path(index), version, ""))


def _prepare_for_readers(store: Store) -> None:
    """Build the register of the record as it now is, and the answer layer's inventory of it, and keep
    them beside the keyword index, so the next ``rag ask`` or app reads them instead of building them
    (minutes at 10k passages and more)."""
    mirror = CorpusMirror(store)
    mirror.refresh()
    register = register_cache(mirror, store.embedder).get()
    Evidence(mirror, store.embedder).record()
    log.info("register prepared: %d events, %d agreements, %d commitments", len(register.events),
             len(register.agreements), len(register.commitments))


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    if args.audit:
        return print_audit(args)
    editing = args.confirm_link or args.unlink or args.find_links
    if not (args.paths or args.remove or args.list or args.reset or args.check or args.repair or args.links
            or editing):
        build_parser().print_usage(sys.stderr)
        raise fail("give files or folders to ingest, --remove DOC_ID, --list, --links, --check, --repair or --audit")
    if args.list and (args.paths or args.remove or args.reset or editing):
        raise fail("--list only lists: run it on its own, after adding, removing or resetting")
    if args.links and (args.paths or args.remove or args.reset or editing or args.list):
        raise fail("--links only lists: run it on its own, after adding, removing, confirming or undoing")
    if (args.check or args.repair) and (args.paths or args.remove or args.reset or args.list or editing):
        raise fail("--check and --repair run on their own")
    settings = settings_from_args(args)
    if not (args.list or args.check or args.links):
        refuse_if_read_only(settings, "added, removed, repaired or reset")
    if not confirmed(args, settings):
        raise fail("nothing was changed (confirm with 'yes', or add --yes)", 1)
    user, trail = cli_user(), audit_trail(settings)
    try:
        store = corpus.reset(settings, trail, user) if args.reset else Store(settings).warm_up()
    except StoreError as exc:
        raise fail(str(exc)) from None
    except PermissionDenied as exc:
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
                flag = "official" if r.official else f"translation of {r.version_of or '(linked: see --links)'}"
                print(f"{r.doc_id}\t{r.date or '-'}\t{r.lang}\t{r.kind}\t{r.passages} passages\t{flag}\t{r.title}")
        return 0
    if args.links:
        print_links(Linker(store).all(), args.json)
        return 0
    results = [corpus.remove(store, trail, user, doc_id) for doc_id in args.remove]
    if args.paths:
        results += corpus.ingest_files(store, trail, user, args.paths, bar=not args.no_progress,
                                       replace=args.replace).results
    full = Summary(results)
    if args.paths or args.remove or args.reset:
        # Also when this run changed nothing: a run killed after committing and before this leaves the
        # index behind and the register unprepared, and re-running the same ingest is how staff recover.
        linked = link_unseen(store, bar=not args.no_progress) if args.paths else []
        caught_up = _catch_up_index(store, bar=not args.no_progress) | set(linked)
        if not args.no_register and (full.changed or caught_up or not _readers_prepared(store)):
            _prepare_for_readers(store)
        if args.json:
            print(full.to_json())
        else:
            print_summary(full)
    if editing:
        print_links(edit_links(args, store, trail, user), args.json)
    return 1 if full.failed else 0


def edit_links(args: argparse.Namespace, store: Store, trail, user) -> list:
    """--confirm-link, --unlink (each checked and recorded in the audit trail), --find-links."""
    linker = Linker(store)
    changed = []
    try:
        for confirmed_, pairs in ((True, args.confirm_link), (False, args.unlink)):
            for a, b in pairs:
                corpus.record_link(store.settings, trail, user, confirmed_, b, a)
                changed.append(linker.confirm(a, b) if confirmed_ else linker.unlink(a, b))
        if args.find_links:
            changed += linker.documents_stored([d.doc_id for d in list_documents(store)], bar=not args.no_progress)
    except IngestError as exc:
        raise fail(str(exc), code=1) from None
    except PermissionDenied as exc:
        raise fail(str(exc)) from None
    if changed:
        _catch_up_index(store, bar=not args.no_progress)
    return changed


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
