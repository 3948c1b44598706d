"""What the answer step hands out: one answer, and the events that stream it."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

from .citations import Citation


@dataclass
class Answer:
    """One answer; ``as_dict`` is the JSON contract of ``rag ask --json`` (fields are only added)."""

    question: str
    language: str
    answer: str
    refused: bool
    backend: str
    citations: list[Citation] = field(default_factory=list)
    rewritten_question: Optional[str] = None
    unsupported: list[dict[str, str]] = field(default_factory=list)
    closest: list[Citation] = field(default_factory=list)
    fallback_from: Optional[str] = None
    timings: dict[str, float] = field(default_factory=dict)
    kind: str = ""  # what the question asks: date, place, count, period, list, actor, yesno, status, event, open
    reason: str = ""  # why a refusal refused: absent:<name|period|when|number>, unmet:<…>, kind, planned, relevance
    ocr_note: str = ""  # set when a citation was read from a scan with low confidence (citations.ocr_note)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """A streamed piece: ``kind`` is rewritten, token, reset or final."""

    kind: str
    text: str = ""
    answer: Optional[Answer] = None
