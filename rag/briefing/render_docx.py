"""The briefing as a Word document (python-docx), Lao text in a Lao font."""
from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Union

import docx
from docx.oxml.ns import qn

from ..text.langs import LANGUAGES, LAO_BLOCK
from ..text.markup import xml_safe
from .blocks import Segs, blocks
from .labels import labels
from .model import Briefing

LAO_FONT = "Noto Sans Lao"  # Phetsarath OT is the other common Lao font; Word falls back by script
_LAO_RUN = re.compile(f"[{LAO_BLOCK}]+(?:[\\s\\d.,;:()\\-–%/\"“”'’…]+[{LAO_BLOCK}]+)*")


def _set_lao_font(run) -> None:
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), LAO_FONT)
    fonts.set(qn("w:hint"), "cs")


def _add_text(par, text: str, bold: bool = False, italic: bool = False) -> None:
    """Add ``text`` to a paragraph, Lao stretches in their own runs with a Lao font (plain runs: a document's
    link or image stays text; characters XML cannot hold are dropped)."""
    text = xml_safe(text)
    pos = 0
    pieces = []
    for m in _LAO_RUN.finditer(text):
        if m.start() > pos:
            pieces.append((text[pos : m.start()], False))
        pieces.append((m.group(), True))
        pos = m.end()
    if pos < len(text):
        pieces.append((text[pos:], False))
    for piece, lao in pieces:
        run = par.add_run(piece)
        run.bold = bold or None
        run.italic = italic or None
        if lao:
            _set_lao_font(run)


def _add_segs(par, segs: Segs, bold: bool = False) -> None:
    for text, n in segs:
        if text:
            _add_text(par, text, bold=bold)
        if n:
            par.add_run(f" [{n}]" if par.text else f"[{n}]")


def _document(b: Briefing):
    document = docx.Document()
    normal = document.styles["Normal"]
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:cs"), LAO_FONT)  # complex-script (Lao) text defaults to a Lao font everywhere
    document.core_properties.title = labels(b.lang)["title"]
    document.core_properties.language = LANGUAGES[b.lang].locale
    for block in blocks(b):
        kind = block[0]
        if kind == "title":
            _add_text(document.add_heading(level=0), block[1])
        elif kind == "h1":
            _add_text(document.add_heading(level=1), block[1])
        elif kind == "h2":
            _add_text(document.add_heading(level=2), block[1])
        elif kind == "meta":
            _add_text(document.add_paragraph(), block[1], italic=True)
        elif kind == "para":
            _add_segs(document.add_paragraph(), block[1])
        elif kind == "table":
            header, rows = block[1], block[2]
            table = document.add_table(rows=1, cols=len(header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, header):
                cell.paragraphs[0].text = ""
                _add_text(cell.paragraphs[0], text, bold=True)
            for row in rows:
                cells = table.add_row().cells
                for cell, segs in zip(cells, row):
                    _add_segs(cell.paragraphs[0], segs)
        elif kind == "bullets":
            for line in block[1]:
                _add_segs(document.add_paragraph(style="List Bullet"), line)
        elif kind == "numbered":
            for line in block[1]:
                _add_segs(document.add_paragraph(style="List Number"), line)
        elif kind == "sources":
            for entry in block[1]:
                _add_text(document.add_paragraph(), entry["head"], bold=True)
                for label, text in entry["texts"]:
                    if label:
                        _add_text(document.add_paragraph(), label + ":", italic=True)
                    _add_text(document.add_paragraph(style="Quote"), text)
    return document


def to_docx(b: Briefing, path: Union[str, Path]) -> Path:
    """Write the briefing as a Word document (python-docx); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _document(b).save(str(path))
    return path


def to_docx_bytes(b: Briefing) -> bytes:
    """The briefing as the bytes of a .docx file (for a download button)."""
    buf = io.BytesIO()
    _document(b).save(buf)
    return buf.getvalue()
