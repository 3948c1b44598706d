"""Each user's conversations, kept across reloads and restarts, and the feedback on their answers.

One SQLite file (``security_dir/conversations.sqlite3``, readable by its owner only). A turn keeps
the question and the whole answer as ``rag ask --json`` gives it (``Answer.as_dict()``: text,
citations with their passages, backend), so a reopened or exported conversation shows exactly what
was answered. Every call names its owner and is refused (:class:`NotFound`) for a conversation or
a turn of someone else, whatever id a request carries. Feedback (helpful / wrong, with a comment) is
stored beside its answer; editors list the answers marked wrong (:meth:`ConversationStore.feedback`).
"""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .users import now, secure_dir

VERDICTS = ("helpful", "wrong")
TITLE_CHARS = 80

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, title TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_owner ON conversations(owner, updated_at);
CREATE TABLE IF NOT EXISTS turns (
    id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, question TEXT NOT NULL, answer_json TEXT NOT NULL, created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS turns_conversation ON turns(conversation_id, position);
CREATE TABLE IF NOT EXISTS feedback (
    turn_id TEXT PRIMARY KEY REFERENCES turns(id) ON DELETE CASCADE, verdict TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '', at TEXT NOT NULL
);
"""


class NotFound(LookupError):
    """No such conversation or turn for this user (someone else's is not found either)."""


@dataclass
class Feedback:
    verdict: str  # helpful | wrong
    comment: str
    at: str


@dataclass
class Turn:
    id: str
    position: int
    question: str
    answer: dict[str, Any]  # Answer.as_dict()
    created_at: str
    feedback: Optional[Feedback] = None


@dataclass
class Conversation:
    id: str
    owner: str
    title: str
    created_at: str
    updated_at: str
    turns: list[Turn] = field(default_factory=list)


@dataclass
class FeedbackRow:
    """An answer with its feedback, for the team reviewing wrong answers."""

    owner: str
    conversation_id: str
    conversation_title: str
    turn_id: str
    question: str
    answer: str
    backend: str
    verdict: str
    comment: str
    at: str


def default_title(question: str) -> str:
    q = " ".join(question.split())
    return q if len(q) <= TITLE_CHARS else q[: TITLE_CHARS - 1].rstrip() + "…"


class ConversationStore:
    """Conversations in ``security_dir/conversations.sqlite3``; cheap to construct."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / "conversations.sqlite3"

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        new = not self.path.exists()
        secure_dir(self.path.parent)
        con = sqlite3.connect(self.path, timeout=10)
        try:
            con.row_factory = sqlite3.Row
            con.execute("PRAGMA foreign_keys = ON")
            con.executescript(SCHEMA)
            if new:
                with contextlib.suppress(OSError):
                    os.chmod(self.path, 0o600)
            with con:
                yield con
        finally:
            con.close()

    @staticmethod
    def _owned(con: sqlite3.Connection, owner: str, conversation_id: str) -> sqlite3.Row:
        row = con.execute("SELECT * FROM conversations WHERE id = ? AND owner = ?",
                          (str(conversation_id), owner)).fetchone()
        if row is None:
            raise NotFound(conversation_id)
        return row

    def create(self, owner: str, title: str = "") -> Conversation:
        cid, at = uuid.uuid4().hex, now()
        with self._db() as con:
            con.execute("INSERT INTO conversations VALUES (?,?,?,?,?)", (cid, owner, title.strip(), at, at))
        return Conversation(cid, owner, title.strip(), at, at)

    def list(self, owner: str) -> list[Conversation]:
        """The owner's conversations, most recent first (without their turns)."""
        with self._db() as con:
            rows = con.execute("SELECT * FROM conversations WHERE owner = ? ORDER BY updated_at DESC, created_at DESC",
                               (owner,)).fetchall()
        return [Conversation(r["id"], r["owner"], r["title"], r["created_at"], r["updated_at"]) for r in rows]

    def get(self, owner: str, conversation_id: str) -> Conversation:
        with self._db() as con:
            c = self._owned(con, owner, conversation_id)
            rows = con.execute("SELECT t.*, f.verdict, f.comment, f.at AS f_at FROM turns t LEFT JOIN feedback f "
                               "ON f.turn_id = t.id WHERE t.conversation_id = ? ORDER BY t.position",
                               (c["id"],)).fetchall()
        turns = [Turn(r["id"], r["position"], r["question"], json.loads(r["answer_json"]), r["created_at"],
                      Feedback(r["verdict"], r["comment"], r["f_at"]) if r["verdict"] else None) for r in rows]
        return Conversation(c["id"], c["owner"], c["title"], c["created_at"], c["updated_at"], turns)

    def add_turn(self, owner: str, conversation_id: str, question: str, answer: dict[str, Any]) -> Turn:
        tid, at = uuid.uuid4().hex, now()
        with self._db() as con:
            c = self._owned(con, owner, conversation_id)
            pos = con.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM turns WHERE conversation_id = ?",
                              (c["id"],)).fetchone()[0]
            con.execute("INSERT INTO turns VALUES (?,?,?,?,?,?)",
                        (tid, c["id"], pos, question, json.dumps(answer, ensure_ascii=False), at))
            title = c["title"] or default_title(question)
            con.execute("UPDATE conversations SET updated_at = ?, title = ? WHERE id = ?", (at, title, c["id"]))
        return Turn(tid, pos, question, answer, at)

    def rename(self, owner: str, conversation_id: str, title: str) -> None:
        title = " ".join((title or "").split())[:200]
        with self._db() as con:
            c = self._owned(con, owner, conversation_id)
            con.execute("UPDATE conversations SET title = ? WHERE id = ?", (title, c["id"]))

    def delete(self, owner: str, conversation_id: str) -> None:
        with self._db() as con:
            c = self._owned(con, owner, conversation_id)
            con.execute("DELETE FROM conversations WHERE id = ?", (c["id"],))

    def set_feedback(self, owner: str, turn_id: str, verdict: str, comment: str = "") -> Feedback:
        if verdict not in VERDICTS:
            raise ValueError(f"feedback is one of {', '.join(VERDICTS)}, not {verdict!r}")
        fb = Feedback(verdict, (comment or "").strip()[:2000], now())
        with self._db() as con:
            row = con.execute("SELECT t.id FROM turns t JOIN conversations c ON c.id = t.conversation_id "
                              "WHERE t.id = ? AND c.owner = ?", (str(turn_id), owner)).fetchone()
            if row is None:
                raise NotFound(turn_id)
            con.execute("INSERT INTO feedback VALUES (?,?,?,?) ON CONFLICT(turn_id) DO UPDATE SET "
                        "verdict = excluded.verdict, comment = excluded.comment, at = excluded.at",
                        (row["id"], fb.verdict, fb.comment, fb.at))
        return fb

    def feedback(self, verdict: Optional[str] = "wrong") -> list[FeedbackRow]:
        """Every answer with feedback (of ``verdict``, None for all), newest first - for the team, not per owner:
        the caller checks the ``feedback_review`` permission."""
        sql = ("SELECT c.owner, c.id AS cid, c.title, t.id AS tid, t.question, t.answer_json, f.verdict, f.comment, "
               "f.at FROM feedback f JOIN turns t ON t.id = f.turn_id JOIN conversations c ON c.id = t.conversation_id")
        args: tuple = ()
        if verdict:
            sql, args = sql + " WHERE f.verdict = ?", (verdict,)
        with self._db() as con:
            rows = con.execute(sql + " ORDER BY f.at DESC", args).fetchall()
        out = []
        for r in rows:
            a = json.loads(r["answer_json"])
            out.append(FeedbackRow(r["owner"], r["cid"], r["title"], r["tid"], r["question"], a.get("answer", ""),
                                   a.get("backend", ""), r["verdict"], r["comment"], r["at"]))
        return out
