"""Build the held-out documents of ``eval/holdout/record/`` from ``eval/holdout/src/``.

Adapted from ``eval/fixtures/make_fixtures.py`` (same source format, same writers), so the
held-out documents come out of the same pipeline as the development fixtures; only their
content was written independently. Each source is a small text file: YAML front matter
(``output`` = file name to write in ``record/``, ``meta`` = the document metadata, optional
``site`` = page header of an HTML news page), then one block per line:

    # Title                 heading 1            ## Section      heading 2
    ::center text           centred line         ::right text    right-aligned line
    | a | b | c |           table row (the first row is the header)
    anything else           one paragraph (list items such as "1. …", "a) …", "- …", "• …",
                            "ກ. …", "໑. …" stay as typed)

The output format follows the extension of ``output``: .pdf (fpdf2, Noto Sans / Noto Sans Lao),
.docx (python-docx), .html, .txt and .md. TXT and MD carry the metadata as YAML front matter;
PDF, DOCX and HTML get a sidecar ``NAME.meta.yaml``. Every document is marked as a fictional
held-out document in its metadata (``source``) only, never in its text, and none sets
``version_of``. Outputs are byte-for-byte reproducible.

    /work/main/.venv/bin/python eval/holdout/make_holdout.py          # build and verify
    /work/main/.venv/bin/python eval/holdout/make_holdout.py --check  # verify only

Verification reads every output back (pypdf, python-docx, BeautifulSoup) and checks that each
source block comes back in NFC, in order, that no body text says the document is fictional, and
that each document is 150-600 words (Lao, written without spaces between words, is counted as
characters / 5).
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "record"
SOURCE_MARK = "TEST FIXTURE – fictional held-out document for evaluation"
META_FIELDS = ("id", "title", "date", "lang", "kind", "publisher", "source")

FONT_DIR = Path("/usr/share/fonts/truetype/noto")
FONTS = {
    ("NotoSans", ""): FONT_DIR / "NotoSans-Regular.ttf",
    ("NotoSans", "B"): FONT_DIR / "NotoSans-Bold.ttf",
    ("NotoSansLao", ""): FONT_DIR / "NotoSansLao-Regular.ttf",
    ("NotoSansLao", "B"): FONT_DIR / "NotoSansLao-Bold.ttf",
}

_FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.S)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# ---------------------------------------------------------------------------------------------
# Source parsing
# ---------------------------------------------------------------------------------------------
class Source:
    def __init__(self, path: Path):
        text = nfc(path.read_text(encoding="utf-8"))
        m = _FRONT.match(text)
        if not m:
            raise SystemExit(f"{path.name}: no front matter")
        head = yaml.safe_load(m.group(1))
        self.path = path
        self.output: str = head["output"]
        self.site: str = head.get("site", "")
        meta = dict(head["meta"])
        meta["source"] = SOURCE_MARK
        if "version_of" in meta:
            raise SystemExit(f"{path.name}: held-out documents must not set version_of")
        self.meta = {k: str(meta[k]) for k in META_FIELDS}
        self.blocks: list[tuple[str, object]] = []  # (kind, text or rows)
        table: list[list[str]] = []
        for raw in text[m.end():].splitlines():
            line = raw.strip()
            if line.startswith("|"):
                table.append([c.strip() for c in line.strip("|").split("|")])
                continue
            if table:
                self.blocks.append(("table", table))
                table = []
            if not line:
                continue
            if line.startswith("## "):
                self.blocks.append(("h2", line[3:]))
            elif line.startswith("# "):
                self.blocks.append(("h1", line[2:]))
            elif line.startswith("::center "):
                self.blocks.append(("center", line[9:]))
            elif line.startswith("::right "):
                self.blocks.append(("right", line[8:]))
            else:
                self.blocks.append(("p", line))
        if table:
            self.blocks.append(("table", table))

    @property
    def lang(self) -> str:
        return self.meta["lang"]

    @property
    def fixed_time(self) -> dt.datetime:
        y, m, d = (self.meta["date"].split("-") + ["1", "1"])[:3]
        return dt.datetime(int(y), int(m), int(d), 9, 0, 0, tzinfo=dt.UTC)

    def texts(self) -> list[str]:
        """Every text unit of the document in reading order (table cells one by one)."""
        out: list[str] = []
        for kind, val in self.blocks:
            if kind == "table":
                out.extend(c for row in val for c in row)
            else:
                out.append(val)
        return out


def is_list_item(text: str) -> bool:
    return bool(re.match(r"^(?:\d+\.|[a-zđ]\)|[ກຂຄງ]\.|[໐-໙]+\.|-|•)\s", text))


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------
def write_sidecar(src: Source, out: Path) -> None:
    side = out.with_name(out.stem + ".meta.yaml")
    side.write_text(yaml.safe_dump(src.meta, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def front_matter(src: Source) -> str:
    return "---\n" + yaml.safe_dump(src.meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def write_pdf(src: Source, out: Path) -> None:
    from fpdf import FPDF

    lao = src.lang == "lo"
    main = "NotoSansLao" if lao else "NotoSans"
    pdf = FPDF(format="A4")
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=20)
    for (family, style), path in FONTS.items():
        pdf.add_font(family, style, str(path))
    pdf.set_fallback_fonts(["NotoSans" if lao else "NotoSansLao"])
    pdf.set_title(src.meta["title"])
    pdf.set_author(src.meta["publisher"])
    pdf.set_subject(src.meta["source"])
    pdf.set_lang(src.lang)
    pdf.set_creator("eval/holdout/make_holdout.py")
    pdf.set_creation_date(src.fixed_time)
    pdf.add_page()
    line_h = 6.4 if lao else 5.6
    for kind, val in src.blocks:
        if kind == "h1":
            pdf.ln(3)
            pdf.set_font(main, "B", 14)
            pdf.multi_cell(0, line_h + 1.5, val, align="C", new_x="LMARGIN", new_y="NEXT")
        elif kind == "h2":
            pdf.ln(2)
            pdf.set_font(main, "B", 11)
            pdf.multi_cell(0, line_h, val, align="L", new_x="LMARGIN", new_y="NEXT")
        elif kind in ("center", "right"):
            pdf.set_font(main, "", 10.5)
            pdf.multi_cell(0, line_h, val, align="C" if kind == "center" else "R", new_x="LMARGIN", new_y="NEXT")
        elif kind == "p":
            pdf.set_font(main, "", 10.5)
            indent = 6 if is_list_item(val) and not re.match(r"^\d+\.\s|^[໐-໙]+\.\s", val) else 0
            pdf.set_x(pdf.l_margin + indent)
            pdf.multi_cell(0, line_h, val, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.2)
        elif kind == "table":
            pdf.set_font(main, "", 9)
            with pdf.table(line_height=line_h - 0.6) as table:
                for row in val:
                    r = table.row()
                    for cell in row:
                        r.cell(cell)
    pdf.output(str(out))
    write_sidecar(src, out)


def _fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite a DOCX (zip) with fixed member timestamps, so the file is reproducible."""
    stamp = (when.year, when.month, when.day, 9, 0, 0)
    zin = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, zin.read(info.filename))
    return buf.getvalue()


def write_docx(src: Source, out: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = "Noto Sans"
    normal.font.size = Pt(11)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:cs"), "Noto Sans Lao")
    for kind, val in src.blocks:
        if kind == "h1":
            h = d.add_heading(val, level=1)
            h.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "h2":
            d.add_heading(val, level=2)
        elif kind in ("center", "right"):
            p = d.add_paragraph(val)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER if kind == "center" else WD_ALIGN_PARAGRAPH.RIGHT
        elif kind == "p":
            p = d.add_paragraph(val)
            if is_list_item(val) and not re.match(r"^\d+\.\s", val):
                p.paragraph_format.left_indent = Pt(18)
        elif kind == "table":
            t = d.add_table(rows=len(val), cols=len(val[0]))
            t.style = "Table Grid"
            for i, row in enumerate(val):
                for j, cell in enumerate(row):
                    c = t.cell(i, j)
                    c.text = cell
                    if i == 0:
                        for run in c.paragraphs[0].runs:
                            run.bold = True
    cp = d.core_properties
    cp.title = src.meta["title"]
    cp.author = src.meta["publisher"]
    cp.last_modified_by = src.meta["publisher"]
    cp.comments = src.meta["source"]
    cp.language = src.lang
    cp.revision = 1
    naive = src.fixed_time.replace(tzinfo=None)
    cp.created = naive
    cp.modified = naive
    buf = io.BytesIO()
    d.save(buf)
    out.write_bytes(_fixed_zip(buf.getvalue(), src.fixed_time))
    write_sidecar(src, out)


_NAV = {
    "vi": "Trang chủ · Tin hoạt động · Hợp tác quốc tế · Liên hệ",
    "lo": "ໜ້າຫຼັກ · ຂ່າວສານ · ການຮ່ວມມືສາກົນ · ຕິດຕໍ່",
    "en": "Home · News · International cooperation · Contact",
}
_FOOT = {
    "vi": "Cổng thông tin điện tử – bản quyền thuộc cơ quan chủ quản.",
    "lo": "ເວັບໄຊທາງການ – ສະຫງວນລິຂະສິດ.",
    "en": "Official website – all rights reserved.",
}


def write_html(src: Source, out: Path) -> None:
    e = html.escape
    y, m, d = src.meta["date"].split("-")
    shown = f"{d}/{m}/{y}"
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{src.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(src.meta['title'])}</title>",
        f'<meta name="date" content="{src.meta["date"]}">',
        "</head>",
        "<body>",
        "<header>",
        f'<div class="site">{e(src.site or src.meta["publisher"])}</div>',
        f"<nav>{e(_NAV[src.lang])}</nav>",
        f'<time datetime="{src.meta["date"]}">{shown}</time>',
        "</header>",
        "<main>",
        "<article>",
    ]
    in_ul = False
    for kind, val in src.blocks:
        bullet = kind == "p" and val.startswith("- ")
        if in_ul and not bullet:
            lines.append("</ul>")
            in_ul = False
        if kind == "h1":
            lines.append(f"<h1>{e(val)}</h1>")
        elif kind == "h2":
            lines.append(f"<h2>{e(val)}</h2>")
        elif kind in ("center", "right"):
            lines.append(f'<p style="text-align:{kind}">{e(val)}</p>')
        elif bullet:
            if not in_ul:
                lines.append("<ul>")
                in_ul = True
            lines.append(f"<li>{e(val[2:])}</li>")
        elif kind == "p":
            lines.append(f"<p>{e(val)}</p>")
        elif kind == "table":
            lines.append("<table>")
            for i, row in enumerate(val):
                tag = "th" if i == 0 else "td"
                lines.append("<tr>" + "".join(f"<{tag}>{e(c)}</{tag}>" for c in row) + "</tr>")
            lines.append("</table>")
    if in_ul:
        lines.append("</ul>")
    lines += ["</article>", "</main>", f"<footer>{e(_FOOT[src.lang])}</footer>", "</body>", "</html>", ""]
    out.write_text("\n".join(lines), encoding="utf-8")
    write_sidecar(src, out)


def _text_body(src: Source, markdown: bool) -> str:
    parts: list[str] = []
    prev_item = False
    for kind, val in src.blocks:
        if kind == "table":
            rows = val
            if markdown:
                t = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
                t += ["| " + " | ".join(r) + " |" for r in rows[1:]]
            else:
                t = [" | ".join(r) for r in rows]
            parts.append("\n".join(t))
            prev_item = False
            continue
        if kind == "h1":
            text = ("# " if markdown else "") + val
        elif kind == "h2":
            text = ("## " if markdown else "") + val
        else:
            text = val
        item = kind == "p" and is_list_item(val)
        if item and prev_item:
            parts[-1] += "\n" + text  # consecutive list items stay one block
        else:
            parts.append(text)
        prev_item = item
    return "\n\n".join(parts) + "\n"


def write_text(src: Source, out: Path, markdown: bool) -> None:
    out.write_text(front_matter(src) + _text_body(src, markdown), encoding="utf-8")


WRITERS = {
    ".pdf": write_pdf,
    ".docx": write_docx,
    ".html": write_html,
    ".txt": lambda s, o: write_text(s, o, markdown=False),
    ".md": lambda s, o: write_text(s, o, markdown=True),
}


# ---------------------------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------------------------
def extract(out: Path) -> str:
    suffix = out.suffix
    if suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(p.extract_text() or "" for p in PdfReader(str(out)).pages)
    if suffix == ".docx":
        import docx

        d = docx.Document(str(out))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.extend(c.text for c in row.cells)
        return "\n".join(parts)
    if suffix == ".html":
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(out.read_bytes(), "lxml")
        for tag in soup(["header", "footer", "nav"]):
            tag.decompose()
        return soup.get_text("\n")
    text = out.read_text(encoding="utf-8")
    m = _FRONT.match(text)
    return text[m.end():] if m else text


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def word_count(src: Source) -> int:
    """Words of the body; Lao (no spaces between words) counted as Lao characters / 5."""
    text = " ".join(src.texts())
    lao = len(re.findall(r"[\u0e80-\u0eff]", text))
    other = len(re.findall(r"[^\s\u0e80-\u0eff|]+", re.sub(r"[\u0e80-\u0eff]+", " ", text)))
    return other + round(lao / 5)


def verify(src: Source) -> list[str]:
    out = OUT / src.output
    problems: list[str] = []
    if not out.exists():
        return [f"{out.name}: missing"]
    text = extract(out)
    if text != nfc(text):
        problems.append(f"{out.name}: extracted text is not NFC")
    flat = _squash(text)
    pos = 0
    for unit in src.texts():
        unit_s = _squash(unit[2:] if out.suffix == ".html" and unit.startswith("- ") else unit)
        # python-docx (and the ingest loader) read a DOCX's paragraphs first, then its tables
        i = flat.find(unit_s, 0 if out.suffix == ".docx" else pos)
        if i < 0:
            problems.append(f"{out.name}: not extracted in order: {unit[:60]!r}")
        elif out.suffix != ".docx":
            pos = i + len(unit_s)
    if re.search(r"fictional|hư cấu|test fixture|held-out|ທົດສອບ", text, re.I):
        problems.append(f"{out.name}: the body says the document is a test fixture")
    words = word_count(src)
    if not 150 <= words <= 600:
        problems.append(f"{out.name}: {words} words, outside 150-600")
    if out.suffix in (".pdf", ".docx", ".html"):
        side = out.with_name(out.stem + ".meta.yaml")
        meta = yaml.safe_load(side.read_text(encoding="utf-8")) if side.exists() else None
    else:
        m = _FRONT.match(out.read_text(encoding="utf-8"))
        meta = yaml.safe_load(m.group(1)) if m else None
    if meta != src.meta:
        problems.append(f"{out.name}: metadata differs from the source")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only verify the existing outputs")
    args = ap.parse_args(argv)
    sources = [Source(p) for p in sorted(SRC.glob("*.md"))]
    ids = [s.meta["id"] for s in sources]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate ids in src/")
    OUT.mkdir(exist_ok=True)
    if not args.check:
        for s in sources:
            WRITERS[Path(s.output).suffix](s, OUT / s.output)
    problems = [p for s in sources for p in verify(s)]
    for p in problems:
        print("PROBLEM", p)
    for s in sources:
        print(f"  {s.meta['id']:48} {Path(s.output).suffix[1:]:4} {s.lang}  {word_count(s)} words")
    print(f"{len(sources)} documents, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
