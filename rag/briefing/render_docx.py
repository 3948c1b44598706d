"""The briefing as a Word document (python-docx), Lao text in a Lao font."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Union

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..text.langs import LANGUAGES
from ..text.wordrun import LAO_FONT
from ..text.wordrun import add_text as _add_text
from .blocks import Segs, blocks
from .labels import labels
from .model import Briefing

LATIN_FONT = "Times New Roman"  # the usual font of Vietnamese administrative documents
# A4 with the margins of Vietnamese administrative documents (top/bottom 2 cm, left 3 cm, right 2 cm).
PAGE = {"width": Cm(21.0), "height": Cm(29.7), "top": Cm(2.0), "bottom": Cm(2.0), "left": Cm(3.0), "right": Cm(2.0)}
TEXT_WIDTH = 16.0  # cm between the margins
# Column widths (cm) per table: narrow columns for dates and numbers, the rest for the text.
WIDTHS = {
    "timeline": [2.9, 13.1],
    "agreements": [5.0, 3.6, 7.4],
    "commitments": [0.8, 8.4, 2.3, 4.5],
    "agreement": [3.5, 12.5],
}


def _add_segs(par, segs: Segs, bold: bool = False) -> None:
    for text, n in segs:
        if text:
            _add_text(par, text, bold=bold)
        if n:
            par.add_run(f" [{n}]" if par.text else f"[{n}]")


def _size(run, pt: float) -> None:
    """Font size of a run, for Latin and complex-script (Lao) text alike."""
    run.font.size = Pt(pt)
    rpr = run._element.get_or_add_rPr()
    cs = rpr.find(qn("w:szCs"))
    if cs is None:
        cs = OxmlElement("w:szCs")
        rpr.append(cs)
    cs.set(qn("w:val"), str(int((pt - 1) * 2)))  # Noto Sans Lao runs large


def _set_widths(table, widths: list[float]) -> None:
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = Cm(w)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _page_numbers(section, lang: str) -> None:
    par = section.footer.paragraphs[0]
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = par.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)
    _size(run, 9)


def _styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(11)
    cs = OxmlElement("w:szCs")
    cs.set(qn("w:val"), "19")  # Lao text a little smaller than Latin: Noto Sans Lao runs large
    normal.element.get_or_add_rPr().append(cs)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:cs"), LAO_FONT)  # complex-script (Lao) text defaults to a Lao font everywhere
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for name, size in (("Title", 17), ("Heading 1", 13), ("Heading 2", 11.5)):
        st = document.styles[name]
        st.font.name = LATIN_FONT
        st.font.size = Pt(size)
        st.font.bold = True
        st.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        st.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), LAO_FONT)
        hcs = OxmlElement("w:szCs")
        hcs.set(qn("w:val"), str(int(size * 2) - 4))  # Lao headings a little smaller: Noto Sans Lao runs large
        st.element.get_or_add_rPr().append(hcs)
        st.paragraph_format.space_before = Pt(8 if name != "Title" else 0)
        st.paragraph_format.space_after = Pt(3)
    for name in ("List Bullet", "List Number", "Quote"):
        document.styles[name].font.size = Pt(10.5)
        document.styles[name].paragraph_format.space_after = Pt(1)
        document.styles[name].paragraph_format.line_spacing = 1.0


def _document(b: Briefing):
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE["width"], PAGE["height"]
    section.top_margin, section.bottom_margin = PAGE["top"], PAGE["bottom"]
    section.left_margin, section.right_margin = PAGE["left"], PAGE["right"]
    _styles(document)
    _page_numbers(section, b.lang)
    document.core_properties.title = labels(b.lang)["title"] + (f": {b.topic}" if b.topic else "")
    document.core_properties.language = LANGUAGES[b.lang].locale
    for block in blocks(b):
        kind = block[0]
        if kind == "title":
            par = document.add_paragraph(style="Title")
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _add_text(par, block[1])
        elif kind == "h1":
            _add_text(document.add_heading(level=1), block[1])
        elif kind == "h2":
            _add_text(document.add_heading(level=2), block[1])
        elif kind == "meta":
            par = document.add_paragraph()
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _add_text(par, block[1], bold=True)
        elif kind == "note":
            par = document.add_paragraph()
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _add_text(par, block[1], italic=True)
            for run in par.runs:
                _size(run, 9)
        elif kind == "pagebreak":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "para":
            _add_segs(document.add_paragraph(), block[1])
        elif kind == "table":
            header, rows, name = block[1], block[2], block[3]
            table = document.add_table(rows=1, cols=len(header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, header):
                cell.paragraphs[0].text = ""
                _add_text(cell.paragraphs[0], text, bold=True)
            _repeat_header(table.rows[0])
            for row in rows:
                new = table.add_row()
                new._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row stays on one page
                cells = new.cells
                for cell, segs in zip(cells, row):
                    _add_segs(cell.paragraphs[0], segs)
            for row in table.rows:
                for cell in row.cells:
                    for par in cell.paragraphs:
                        par.paragraph_format.space_after = Pt(0)
                        for run in par.runs:
                            _size(run, 9)
            _set_widths(table, WIDTHS.get(name) or [TEXT_WIDTH / len(header)] * len(header))
        elif kind == "bullets":
            for line in block[1]:
                _add_segs(document.add_paragraph(style="List Bullet"), line)
        elif kind == "numbered":
            for line in block[1]:
                _add_segs(document.add_paragraph(style="List Number"), line)
        elif kind == "sources":
            for entry in block[1]:
                par = document.add_paragraph()
                par.paragraph_format.space_after = Pt(2)
                par.paragraph_format.left_indent = Cm(0.6)
                par.paragraph_format.first_line_indent = Cm(-0.6)
                _add_text(par, entry["head"], bold=True)
                for label, text in entry["texts"]:
                    _add_text(par, (f" {label}: " if label else ": ") + f"“{text}”", italic=bool(label))
                for run in par.runs:
                    _size(run, 8)
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
