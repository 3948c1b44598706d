"""``rag`` / ``python -m rag``: ask, chat, eval, brief, docs — everything the app does, scriptable."""
from __future__ import annotations

import argparse
import gc
import json
import logging
import sys
from pathlib import Path

from ..answer.backends import BackendError, backend_names
from ..answer.types import Answer
from ..briefing import write_briefing
from ..evaluation import RETRIEVERS, format_table, run_eval, to_json
from ..ingest.service import list_documents
from ..retrieval.filters import Filters
from ..retrieval.hybrid import RerankerError
from ..runtime import Runtime, build_runtime
from ..security.corpus import record_seeded
from ..store.chroma import Store, StoreError
from ..store.embeddings import EmbeddingModelError
from ..text.dates import parse_date_arg
from ..text.langs import LANGS
from .common import add_store_flags, audit_trail, fail, settings_from_args

log = logging.getLogger(__name__)


def _filter_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", dest="langs", help="search only passages in these languages, e.g. vi,lo")
    p.add_argument("--doc", dest="docs", action="append", help="search only this document id (repeatable)")
    p.add_argument("--from", dest="date_from", help="documents dated on/after YYYY[-MM[-DD]]")
    p.add_argument("--to", dest="date_to", help="documents dated on/before YYYY[-MM[-DD]]")
    p.add_argument("--k", dest="top_k", type=int, help="passages to use (RAG_TOP_K)")
    p.add_argument("--retriever", choices=["dense", "keyword", "hybrid"], help="retrieval (RAG_RETRIEVER)")
    p.add_argument("--backend", choices=backend_names(), help="answer backend (RAG_BACKEND)")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="rag", description="Ask the VSS-Laos cooperation record.")
    sub = p.add_subparsers(dest="cmd", required=True)

    a = sub.add_parser("ask", help="answer one question with citations")
    a.add_argument("question")
    a.add_argument("--json", action="store_true", help="print one JSON object")
    a.add_argument("--history", type=Path, help="earlier turns as JSON: [{\"question\": ..., \"answer\": ...}]")
    _filter_flags(a)
    add_store_flags(a)

    c = sub.add_parser("chat", help="interactive conversation in the console")
    _filter_flags(c)
    add_store_flags(c)

    e = sub.add_parser("eval", help="measure retrieval on a JSONL corpus (or folder) and queries")
    e.add_argument("--corpus", required=True, type=Path, help="CORPUS.jsonl, or a folder to ingest")
    e.add_argument("--queries", required=True, type=Path, help="QUERIES.jsonl")
    e.add_argument("--k", type=int, default=10, help="cut-off for recall and MRR (default 10)")
    e.add_argument("--retriever", dest="eval_retrievers", default=None, help="dense, keyword, hybrid, a comma list, or all")
    e.add_argument("--json", action="store_true", help="print one JSON object")
    e.add_argument("--out", type=Path, help="also write the JSON result to this file")
    e.add_argument("--limit", type=int, help="use only the first N queries of each slice (quick checks)")
    e.add_argument("--keep-store", type=Path, help="index into this folder and keep it (a second run only queries)")
    add_store_flags(e, store=False)  # eval always indexes into a fresh temporary store

    b = sub.add_parser("brief", help="draft a briefing note (timeline, agreements, activities), cited")
    b.add_argument("--topic", default="")
    b.add_argument("--from", dest="date_from")
    b.add_argument("--to", dest="date_to")
    b.add_argument("--as-of", dest="as_of")
    b.add_argument("--lang", dest="brief_lang", choices=["vi", "lo", "en"], default="vi")
    b.add_argument("--delegation", default="", help="who the briefing is for (title block)")
    b.add_argument("--visit", dest="visit_date", help="the delegation's date (YYYY-MM-DD; default: --as-of): "
                                                      "what is due by then and not done is an open item")
    b.add_argument("--backend", choices=backend_names())
    b.add_argument("--out", type=Path, required=True, help="FILE.docx or FILE.md")
    add_store_flags(b)

    d = sub.add_parser("docs", help="list the documents in the store")
    d.add_argument("--json", action="store_true")
    add_store_flags(d)
    return p


def _filters(args) -> Filters:
    langs = [x.strip() for x in args.langs.split(",")] if getattr(args, "langs", None) else None
    bad = [x for x in langs or [] if x not in LANGS]
    if bad:
        raise fail(f"unknown language {', '.join(bad)} in --lang: use vi, lo, en (comma-separated)")
    try:
        return Filters.from_strings(langs, getattr(args, "docs", None), args.date_from, args.date_to)
    except ValueError as exc:
        raise fail(str(exc)) from None


def _runtime(settings, backend_name=None, serving: bool = False) -> Runtime:
    try:
        rt = build_runtime(settings, backend_name=backend_name, seed=not settings.read_only, serving=serving)
    except (StoreError, BackendError, RerankerError, EmbeddingModelError) as exc:
        raise fail(str(exc)) from None
    if rt.seeded is not None:  # the bundled corpus went into an empty store: a corpus change (issue 15)
        record_seeded(audit_trail(settings), rt.seeded)
    return rt


def print_answer(ans: Answer, out=None, text: bool = True) -> None:
    """The answer (``text=False``: only what follows it, when it was streamed), its notes and sources, to
    ``out`` (standard output as it is when called, not as it was when this module was imported)."""
    out = out or sys.stdout
    if ans.rewritten_question:
        out.write(f"(question understood as: {ans.rewritten_question})\n")
    if text:
        out.write(ans.answer + "\n")
    if ans.ocr_note:
        out.write(ans.ocr_note + "\n")
    if ans.unsupported:
        for u in ans.unsupported:
            out.write(f"  [removed: {u['sentence']} — {u['reason']}]\n")
    cites = ans.closest if ans.refused else ans.citations
    if cites:
        out.write("\nClosest passages:\n" if ans.refused else "\nSources:\n")
    for c in cites:
        text, doc_id, _ = c.passage_in(ans.language)
        lang = ans.language if doc_id != c.doc_id else c.lang
        where = f" — page {c.page}" if c.page else ""
        if c.ocr:  # read from a scan: how sure OCR was, and the page image to check it against
            where += f" (scan read by OCR, confidence {c.ocr_conf:.0f}/100; page image {c.ocr_image})"
        out.write(f"[{c.n}] {c.title} — {c.date or 'undated'} — {c.doc_id}{where}\n")
        out.write(f"    ({lang}) " + text.replace("\n", "\n    ") + "\n")
        if doc_id != c.doc_id:
            out.write(f"    ({c.lang}, original) " + c.text.replace("\n", "\n    ") + "\n")
    out.write(f"\n(answered by: {ans.backend}{' after ' + ans.fallback_from + ' failed the checks' if ans.fallback_from else ''})\n")


def cmd_ask(args) -> int:
    if not args.question.strip():
        raise fail("the question is empty")
    settings = settings_from_args(args)
    history = []
    if args.history:
        try:
            history = json.loads(args.history.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise fail(f"--history {args.history}: {exc}") from None
        if not isinstance(history, list) or not all(isinstance(t, dict) and "question" in t for t in history):
            raise fail('--history must hold a JSON list of earlier turns: [{"question": "...", "answer": "..."}, ...]')
    assistant = _runtime(settings, args.backend).assistant
    if args.json:
        ans = assistant.ask(args.question, history, _filters(args))
        print(json.dumps(ans.as_dict(), ensure_ascii=False, indent=2))
        return 0
    final = None
    for ev in assistant.stream(args.question, history, _filters(args)):
        if ev.kind == "rewritten":
            sys.stdout.write(f"(question understood as: {ev.text})\n")
        elif ev.kind == "token":
            sys.stdout.write(ev.text)
            sys.stdout.flush()
        elif ev.kind == "reset":
            sys.stdout.write("\n[the model's answer failed the citation checks; extractive answer instead]\n")
        elif ev.kind == "final":
            final = ev.answer
    sys.stdout.write("\n")
    final.rewritten_question = None
    print_answer(final, text=False)
    return 0


def cmd_chat(args) -> int:
    settings = settings_from_args(args)
    assistant = _runtime(settings, args.backend, serving=True).assistant
    history: list[dict] = []
    sys.stdout.write("Ask about the VSS-Laos cooperation record (empty line or Ctrl-D to quit).\n")
    while True:
        try:
            q = input("> ").strip()
        except EOFError:
            break
        if not q:
            break
        try:
            ans = assistant.ask(q, history, _filters(args))
        except StoreError as exc:  # shown, not raised: the next question works
            sys.stdout.write(f"error: {exc}\n")
            continue
        print_answer(ans)
        history.append({"role": "user", "question": q, "rewritten_question": ans.rewritten_question,
                        "answer": ans.answer})
    return 0


def cmd_eval(args) -> int:
    settings = settings_from_args(args)
    names = args.eval_retrievers or settings.retriever
    names = list(RETRIEVERS) if names == "all" else [n.strip() for n in names.split(",")]
    for n in names:
        if n not in RETRIEVERS:
            raise fail(f"unknown retriever {n!r}: use dense, keyword, hybrid or all")
    try:
        result = run_eval(settings, args.corpus, args.queries, names, k=args.k, limit=args.limit,
                          keep_store=args.keep_store)
    except (OSError, ValueError) as exc:
        raise fail(str(exc)) from None
    text = to_json(result)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text if args.json else format_table(result))
    return 0


def cmd_brief(args) -> int:
    if args.out.suffix.lower() not in (".docx", ".md"):
        raise fail(f"--out {args.out}: write the briefing to a .docx or a .md file")
    try:  # check the dates before loading anything
        for flag, value, end in (("--from", args.date_from, False), ("--to", args.date_to, True),
                                 ("--as-of", args.as_of, True), ("--visit", args.visit_date, True)):
            parse_date_arg(value, end=end, what=flag)
    except ValueError as exc:
        raise fail(str(exc)) from None
    settings = settings_from_args(args)
    assistant = _runtime(settings, args.backend).assistant
    try:
        path = write_briefing(assistant, args.out, topic=args.topic, date_from=args.date_from,
                              date_to=args.date_to, as_of=args.as_of, lang=args.brief_lang,
                              delegation=args.delegation, visit_date=args.visit_date)
    except ValueError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot write {args.out}: {exc}") from None
    print(path)
    return 0


def cmd_docs(args) -> int:
    try:
        rows = list_documents(Store(settings_from_args(args)).warm_up())
    except StoreError as exc:
        raise fail(str(exc)) from None
    if args.json:
        print(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r.doc_id}\t{r.date or '-'}\t{r.lang}\t{r.kind}\t{r.passages}\t{r.title}")
    return 0


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    return {"ask": cmd_ask, "chat": cmd_chat, "eval": cmd_eval, "brief": cmd_brief, "docs": cmd_docs}[args.cmd](args)


def run() -> None:
    """The ``rag`` command (and ``python -m rag``): :func:`main` in a process of its own, which ends after it.

    The objects alive before the command (the imported modules) and after it (a large record's outline and
    inventory) are frozen (``gc.freeze``): the garbage collections of the command walk only what it makes,
    and the interpreter's last collection at exit walks nothing the operating system is about to free. At
    100k passages a one-question process spent 0.5 s in collections and 0.7 s in that last one.
    """
    gc.freeze()
    code = main()
    gc.freeze()
    raise SystemExit(code)
