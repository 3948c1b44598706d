"""The chat's turns and filters, as plain data (no widgets); stored turns as the chat holds them."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from rag.answer.types import Answer
from rag.retrieval.filters import Filters
from rag.security.conversations import Conversation, Turn


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


# --- kept conversations ---------------------------------------------------------------------------
def turn_dict(turn: Turn) -> dict:
    """A stored turn in the shape the chat keeps in its session (``history``)."""
    fb = turn.feedback
    return {"id": turn.id, "question": turn.question, "rewritten_question": turn.answer.get("rewritten_question"),
            "answer": turn.answer, "feedback": {"verdict": fb.verdict, "comment": fb.comment} if fb else None}


def history_of(conv: Conversation) -> list[dict]:
    return [turn_dict(t) for t in conv.turns]
