"""Text into Word runs, shared by every DOCX we write (the briefing, a conversation's export).

Lao stretches get their own runs in a Lao font; runs are plain (a document's link or image stays
text) and characters XML cannot hold are dropped.
"""
from __future__ import annotations

import re

from docx.oxml.ns import qn

from .langs import LAO_BLOCK
from .markup import xml_safe

LAO_FONT = "Noto Sans Lao"  # Phetsarath OT is the other common Lao font; Word falls back by script
LAO_RUN = re.compile(f"[{LAO_BLOCK}]+(?:[\\s\\d.,;:()\\-–%/\"“”'’…]+[{LAO_BLOCK}]+)*")


def set_lao_font(run) -> None:
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), LAO_FONT)
    fonts.set(qn("w:hint"), "cs")


def add_text(par, text: str, bold: bool = False, italic: bool = False) -> None:
    """Add ``text`` to a python-docx paragraph, Lao stretches in their own runs with a Lao font."""
    text = xml_safe(text)
    pos = 0
    pieces = []
    for m in LAO_RUN.finditer(text):
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
            set_lao_font(run)
