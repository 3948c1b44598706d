"""Citations as data: number, document, passage, offsets, versions and highlighted sentences."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

from ..records import Hit, Passage, Version
from ..text.i18n import t


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
    # a passage read by OCR from a scanned page (issue 16): its confidence, box and page image
    ocr: bool = False
    ocr_conf: float = -1.0  # mean word confidence 0-100; -1 when the passage was not OCR'd
    ocr_box: str = ""  # "x0,y0,x1,y1" in pixels of the page image
    ocr_image: str = ""  # the page image, relative to Settings.files_path

    @classmethod
    def of(cls, n: int, passage: Passage, versions: list[Version], score: float = 0.0,
           similarity: float = 0.0) -> Citation:
        m = passage.meta
        return cls(n=n, doc_id=m.doc_id, chunk_id=passage.id, title=m.title, date=m.date, lang=m.lang, kind=m.kind,
                   official=m.official, text=passage.text, start=m.start, end=m.end, page=m.page_number,
                   score=round(float(score), 6), similarity=round(float(similarity), 4),
                   versions=[{"doc_id": v.doc_id, "lang": v.lang, "official": v.official, "text": v.text,
                              "start": v.start, "end": v.end, "title": v.title, "chunk_id": v.chunk_id}
                             for v in versions],
                   ocr=m.ocr, ocr_conf=m.ocr_conf, ocr_box=m.ocr_box, ocr_image=m.ocr_image)

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


def ocr_note(citations: list[Citation], lang: str, threshold: float) -> str:
    """A note in ``lang`` when a cited passage was read by OCR with a mean word confidence under
    ``threshold`` (issue 16): the reader should check it against the page image. '' otherwise."""
    low = [c for c in citations if c.ocr and 0 <= c.ocr_conf < threshold]
    if not low:
        return ""
    refs = ", ".join(f"[{c.n}]" for c in low)
    return t("answer_ocr_low", lang, refs=refs, conf=f"{min(c.ocr_conf for c in low):.0f}")
