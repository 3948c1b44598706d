"""Citations as data: number, document, passage, offsets, versions and highlighted sentences."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

from .retrieval import Hit


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
    def from_hit(cls, n: int, hit: Hit) -> "Citation":
        m = hit.meta
        page = m.get("page")
        return cls(
            n=n,
            doc_id=m.get("doc_id", ""),
            chunk_id=hit.chunk_id,
            title=m.get("title", ""),
            date=m.get("date", ""),
            lang=m.get("lang", ""),
            kind=m.get("kind", ""),
            official=bool(m.get("official", True)),
            text=hit.text,
            start=int(m.get("start", 0)),
            end=int(m.get("end", 0)),
            page=int(page) if page not in (None, -1, "") else None,
            score=round(float(hit.score), 6),
            similarity=round(float(hit.similarity), 4),
            versions=[{k: v.get(k) for k in ("doc_id", "lang", "official", "text", "start", "end")} for v in hit.versions],
        )

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
