"""Result types of the OCR module: one recognised word, one recognised page, and the error staff see.

They are plain dataclasses so that ingest can store them (``dataclasses.asdict``) and citations can
point back at the page image: every word keeps its box in page pixels and its code-point offsets in
``OcrPage.text``, so a quoted span of text can be mapped back to a rectangle and a confidence.
"""
from __future__ import annotations

from dataclasses import dataclass, field

Box = tuple[int, int, int, int]


class OcrError(Exception):
    """OCR could not run or the input cannot be read; the message says, in plain words, what to do."""


@dataclass
class OcrWord:
    """One recognised word: its text, tesseract's confidence (0-100), its box and its place in the page text."""

    text: str
    conf: float
    box: Box  # x0, y0, x1, y1 in page pixels
    start: int  # code-point offsets of this word in OcrPage.text
    end: int


@dataclass
class OcrPage:
    """The recognised text of one page with word geometry, after post-correction (NFC)."""

    page: int  # 1-based
    text: str  # paragraphs separated by a blank line, lines of a paragraph by a newline
    words: list[OcrWord] = field(default_factory=list)
    width: int = 0
    height: int = 0
    dpi: int = 300
    lang: str = "vi"  # 'vi', 'lo' or 'en': the language OCR ran in
    mean_conf: float = 0.0

    def span_box(self, start: int, end: int) -> tuple[Box | None, float]:
        """Bounding box (union of the word boxes) and mean word confidence of ``text[start:end]``.

        Every word that overlaps the span counts; a span that touches no word (e.g. only the
        whitespace between two paragraphs) gives ``(None, 0.0)``.
        """
        hit = [w for w in self.words if w.start < end and w.end > start]
        if not hit:
            return None, 0.0
        box = (
            min(w.box[0] for w in hit),
            min(w.box[1] for w in hit),
            max(w.box[2] for w in hit),
            max(w.box[3] for w in hit),
        )
        return box, sum(w.conf for w in hit) / len(hit)
