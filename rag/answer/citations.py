"""Citations as data: number, document, passage, offsets, versions and highlighted sentences."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

from ..records import Hit, Passage, Version


@dataclass
class Highlight:
    """A sentence of a cited passage that supports the answer (offsets into its document)."""

    doc_id: str
    lang: str
    start: int
    end: int
    sentence: str


@dataclass
class Citation:
    """One numbered source of an answer or a briefing; ``as_dict`` is part of the JSON contract."""

    n: int
    doc_id: str
    chunk_id: str
    title: str
    date: str
    lang: str
    kind: str
    official: bool
    text: str
    start: int
    end: int
    page: Optional[int]
    score: float
    similarity: float = 0.0
    versions: list[dict[str, Any]] = field(default_factory=list)
    highlights: list[Highlight] = field(default_factory=list)

    @classmethod
    def of(cls, n: int, passage: Passage, versions: list[Version], score: float = 0.0,
           similarity: float = 0.0) -> Citation:
        m = passage.meta
        return cls(n=n, doc_id=m.doc_id, chunk_id=passage.id, title=m.title, date=m.date, lang=m.lang, kind=m.kind,
                   official=m.official, text=passage.text, start=m.start, end=m.end, page=m.page_number,
                   score=round(float(score), 6), similarity=round(float(similarity), 4),
                   versions=[{"doc_id": v.doc_id, "lang": v.lang, "official": v.official, "text": v.text,
                              "start": v.start, "end": v.end, "title": v.title, "chunk_id": v.chunk_id}
                             for v in versions])

    @classmethod
    def from_hit(cls, n: int, hit: Hit) -> Citation:
        return cls.of(n, hit.passage, hit.versions, hit.score, hit.similarity)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def passage_in(self, lang: str) -> tuple[str, str, int]:
        """(text, doc_id, start) of this passage in ``lang`` if a version exists, else the original."""
        if self.lang == lang:
            return self.text, self.doc_id, self.start
        for v in self.versions:
            if v.get("lang") == lang:
                return v["text"], v["doc_id"], int(v.get("start") or 0)
        return self.text, self.doc_id, self.start

    def all_texts(self) -> list[str]:
        return [self.text] + [v["text"] for v in self.versions]
