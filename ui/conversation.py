"""The chat's turns and filters, as plain data (no widgets)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from rag.answer.types import Answer
from rag.retrieval.filters import Filters


def make_filters(langs=(), doc_ids=(), date_from: Optional[dt.date] = None,
                 date_to: Optional[dt.date] = None) -> Filters:
    """Sidebar choices as retrieval filters (empty choices mean no restriction)."""
    def day(d: Optional[dt.date]) -> Optional[int]:
        return int(d.strftime("%Y%m%d")) if d else None

    return Filters(list(langs) or None, list(doc_ids) or None, day(date_from), day(date_to))


def history_for_assistant(turns: list[dict]) -> list[dict]:
    """The session's turns in the shape ``Assistant.stream`` reads."""
    return [{"question": t["question"], "rewritten_question": t.get("rewritten_question"),
             "answer": (t.get("answer") or {}).get("answer", "")} for t in turns]


def make_turn(question: str, answer: Answer) -> dict:
    d = answer.as_dict()
    return {"question": question, "rewritten_question": d.get("rewritten_question"), "answer": d}


def cited_doc_ids(turn: dict) -> set[str]:
    """Every document a turn's answer cites (including the versions shown beside its passages)."""
    out = set()
    for c in (turn.get("answer") or {}).get("citations", []):
        out.add(c["doc_id"])
        out.update(v["doc_id"] for v in c.get("versions", []))
    return out
