"""Load step: read TXT, MD, HTML, PDF and DOCX into text plus raw metadata.

Every failure is an :class:`IngestError` whose message is plain words a member of staff can
act on (corrupt or encrypted PDF, no text layer, empty file, binary file, wrong encoding,
legacy Vietnamese encodings TCVN3/VNI).

What a loader returns: a :class:`RawDocument` -- the text (paragraphs separated by blank
lines), raw metadata fields (front matter, HTML title/lang, PDF/DOCX title, then a sidecar),
PDF page spans and notes for the user. Cost is bounded per file before anything is stored
(:data:`LIMITS`): paragraphs, line length (longer lines are split), decompressed DOCX parts.
"""
from __future__ import annotations

import io
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..text.detect import detect_language, is_vietnamese_syllable
from .errors import IngestError
from .hidden import drop_hidden
from .metadata import read_sidecar, split_front_matter, strip_stray_date
from .scans import IMAGE_SUFFIXES, ScanPage, ScanSource, has_text_layer, image_source, pdf_scan_source

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"} | IMAGE_SUFFIXES

MAX_PARAGRAPHS = 50_000  # blocks of text (TXT/MD/HTML) or paragraphs (DOCX) per file
MAX_LINE_CHARS = 5_000  # a longer line is split at spaces (or anywhere) into lines this long
MAX_DOCX_PART_MB = 40  # decompressed size of one XML part of a DOCX (the text, tables, notes)
LIMITS = {"paragraphs": MAX_PARAGRAPHS, "line_chars": MAX_LINE_CHARS, "docx_part_mb": MAX_DOCX_PART_MB}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

# Latin-1 symbols that Vietnamese never uses but TCVN3 (ABC) and VNI fonts produce when their
# bytes are read as Windows-1252/Unicode: "Vieät Nam" (VNI), "B¶o hiÓm x· héi" (TCVN3).
_LEGACY_VI = set("¸µ¶·¹¨©®¡¢£¤¥¦§«¬¯°±²³´½¾¼ÞßÐðøåæçëîïñäöüÿþ÷×ÆÇÈËÌÎÏÑÖØÙÜÝ")


@dataclass
class RawDocument:
    path: Path
    text: str
    meta: dict
    page_spans: Optional[list[tuple[int, int, int]]] = None  # (start, end, page) in ``text``
    warnings: list[str] = field(default_factory=list)
    scan: Optional[ScanSource] = None  # pages still to be read by OCR (scan_ocr.read_scans)
    ocr_pages: list[ScanPage] = field(default_factory=list)  # pages read by OCR, once read


# What each TCVN3 (ABC) byte, read as Windows-1252, stands for, reduced to its base letter.
_TCVN3_BASE = {
    **dict.fromkeys("¡¢", "A"), "£": "E", **dict.fromkeys("¤¥", "O"), "¦": "U", "§": "D",
    **dict.fromkeys("¨©µ¶·¸¹»¼½¾ÆÇÈÉÊË", "a"), **dict.fromkeys("ªÌÎÏÐÑÒÓÔÕÖ", "e"),
    **dict.fromkeys("×ØÜÝÞ", "i"), **dict.fromkeys("«¬ßáâãäåæçèéêëìíî", "o"),
    **dict.fromkeys("\u00adïñòóôõö÷øù", "u"), **dict.fromkeys("úûüýþ", "y"), "®": "d",
}
# VNI: a base letter followed by a mark byte; a few letters are single bytes.
_VNI_MARKS = set("ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË")
_VNI_BASE = {"ô": "o", "Ô": "O", "ö": "u", "Ö": "U", "ñ": "d", "Ñ": "D", "ò": "i", "ì": "i", "í": "i", "æ": "i", "ó": "i"}
_VOWELS = set("aeiouyAEIOUY")
_LEGACY_WORD = re.compile(r"[A-Za-z\u00a0-\u00ff]+")


def _tcvn3_skeleton(word: str) -> str:
    return "".join(_TCVN3_BASE.get(c, c) for c in word)


def _vni_skeleton(word: str) -> str:
    out: list[str] = []
    for c in word:
        if c in _VNI_MARKS and out and out[-1] in _VOWELS:
            continue
        out.append(_VNI_BASE.get(c, c))
    return "".join(out)


def looks_legacy_vietnamese(text: str) -> bool:
    """True for text typed in TCVN3/VNI fonts, which reads as garbled Latin-1 in Unicode.

    Two signs must agree: symbols Vietnamese never uses make up a noticeable share of the
    letters, and the words carrying them are Vietnamese syllables once those symbols are read
    as TCVN3 or VNI ("B¶o" -> "Bao", "Vieät" -> "Viet"). The second sign keeps French, German
    or Spanish text (ç, ö, ñ) from being taken for a legacy Vietnamese encoding.
    """
    letters = [c for c in text if c.isalpha() or c in _LEGACY_VI]
    if len(letters) < 12:
        return False
    # Only symbols inside words count: "¥2.500", "25°C" or "§ 3" are symbols, not garbled letters.
    marked = [w for w in _LEGACY_WORD.findall(text)
              if _LEGACY_VI & set(w) and len(w) > 1 and any("a" <= c.lower() <= "z" for c in w)]
    odd = sum(1 for w in marked for c in w if c in _LEGACY_VI)
    if odd / len(letters) <= 0.03 or not marked:
        return False
    vietnamese = sum(
        1 for w in marked if is_vietnamese_syllable(_tcvn3_skeleton(w)) or is_vietnamese_syllable(_vni_skeleton(w))
    )
    return vietnamese / len(marked) >= 0.6


def _vietnamese_code_page(data: bytes) -> Optional[str]:
    """The text of a Windows-1258 (Vietnamese code page) file, or None if it does not read as Vietnamese."""
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    if detect_language(text) == "vi" and not looks_legacy_vietnamese(text):
        return text
    return None


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """The encoding of BOM-less UTF-16 text (most characters of the record's scripts have one
    zero byte, always on the same side), or None."""
    head = data[:8192]
    if len(head) < 8 or len(head) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def check_not_binary(text: str) -> str:
    """Refuse decoded text that is mostly control characters (a binary file named .txt)."""
    sample = text[:100_000]
    if "\x00" in sample:
        raise IngestError("binary_file")
    if len(_CONTROL.findall(sample)) > 0.01 * max(len(sample), 1):
        raise IngestError("binary_control")
    return text


def decode_text(data: bytes, warnings: Optional[list[str]] = None) -> str:
    """Decode bytes of a text file: UTF-8 (with or without BOM), UTF-16 (with a BOM or without),
    UTF-32 with a BOM, or Windows-1258 Vietnamese (with a note in ``warnings``). Text that is
    mostly control characters is refused as binary."""
    if not data.strip():
        raise IngestError("empty_file")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        try:
            return check_not_binary(data.decode("utf-32"))
        except UnicodeDecodeError:
            raise IngestError("utf32_bad") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return check_not_binary(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise IngestError("utf16_bad") from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return check_not_binary(data.decode(utf16))
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise IngestError("binary_file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        vietnamese = _vietnamese_code_page(data)
        if vietnamese is not None:
            if warnings is not None:
                warnings.append("the file is in the Windows-1258 Vietnamese code page, not UTF-8; it was converted")
            return vietnamese
        guess = data.decode("cp1252", errors="replace")
        if looks_legacy_vietnamese(guess):
            raise IngestError("legacy_encoding") from None
        raise IngestError("not_utf8", pos=exc.start) from None
    check_not_binary(text)
    if looks_legacy_vietnamese(text):
        raise IngestError("legacy_encoding")
    return text


def split_long_lines(text: str, limit: int = MAX_LINE_CHARS) -> str:
    """Lines longer than ``limit`` cut at the last space before it (or at it), so no later
    step works on one enormous line."""
    if len(text) <= limit or all(len(line) <= limit for line in text.split("\n")):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", limit // 2, limit)
            cut = cut if cut > 0 else limit
            out.append(line[:cut])
            line = line[cut:].lstrip(" ")
        out.append(line)
    return "\n".join(out)


def check_paragraphs(n: int) -> None:
    if n > MAX_PARAGRAPHS:
        raise IngestError("too_many_paragraphs", n=n, limit=MAX_PARAGRAPHS)


def _load_text(path: Path, data: bytes) -> RawDocument:
    warnings: list[str] = []
    text = decode_text(data, warnings).replace("\r\n", "\n").replace("\r", "\n")  # Windows line ends
    front, body = split_front_matter(text)
    stray, body = strip_stray_date(body)
    if stray and not front.get("date"):
        front["date"] = stray
    check_paragraphs(len(re.findall(r"\n[ \t]*\n", body)) + 1)
    return RawDocument(path, split_long_lines(body), front, warnings=warnings)


_HTML_BLOCK_TAG = re.compile(rb"<(?:p|h[1-6]|li|td|th|blockquote|pre)[\s>/]", re.IGNORECASE)


def _load_html(path: Path, data: bytes) -> RawDocument:
    from bs4 import BeautifulSoup

    if not data.strip():
        raise IngestError("empty_file")
    if b"\x00" in data[:8192] and not _utf16_without_bom(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError("binary_file")
    # Counted on the bytes before parsing: a page of more block elements than the paragraph limit is
    # refused in milliseconds instead of after building its whole tree (an HTML "bomb", issue 13).
    check_paragraphs(len(_HTML_BLOCK_TAG.findall(data)))
    try:
        soup = BeautifulSoup(data, "lxml")
    except Exception as exc:  # lxml refuses very broken input
        raise IngestError("html_unparseable", error=exc.__class__.__name__) from None
    meta: dict = {}
    if soup.title and soup.title.string:
        meta["title"] = soup.title.string.strip()
    html = soup.find("html")
    if html and html.get("lang"):
        meta["lang"] = str(html.get("lang")).split("-")[0].lower()
    drop_hidden(soup)  # text the page hides from its reader (issue 15: CSS-hidden instructions)
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "form", "template"]):
        tag.decompose()
    body = soup.body or soup
    blocks = []
    for el in body.find_all(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "pre"]):
        if el.find(["p", "li", "td"]):
            continue  # the inner blocks carry the text
        t = re.sub(r"\s+", " ", el.get_text(" ", strip=True))
        if t:
            blocks.append(t)
    check_paragraphs(len(blocks))
    text = "\n\n".join(blocks) if blocks else body.get_text("\n\n", strip=True)
    if not text.strip():
        raise IngestError("no_text")
    text = split_long_lines(check_not_binary(text))
    if looks_legacy_vietnamese(text):
        raise IngestError("legacy_encoding")
    if meta.get("lang") not in ("vi", "lo", "en"):
        meta.pop("lang", None)
    return RawDocument(path, text, meta)


_SENTENCE_END = tuple(".!?…:;")


def unwrap_lines(text: str) -> str:
    """Join the layout line wraps of PDF text back into sentences ("ghi nhớ năm\n2015." -> "... năm 2015.").

    A line break stays when the line ends a sentence, or when it is short (a heading, the last
    line of a paragraph) and the next line starts with a capital letter.
    """
    lines = [ln.strip() for ln in text.split("\n")]
    width = max((len(ln) for ln in lines), default=0)
    out = lines[0] if lines else ""
    for prev, line in zip(lines, lines[1:]):
        if not prev or not line:
            out += "\n" + line
        elif prev.endswith("-") and prev[-2:-1].isalnum() and line[:1].isalnum():
            out += line  # a word or date split at a hyphen: "2016-" + "2020"
        elif prev.endswith(_SENTENCE_END) or (len(prev) < 0.7 * width and line[:1].isupper()):
            out += "\n" + line
        else:
            out += " " + line
    return out


class _PdfProblems(logging.Handler):
    """Collects what pypdf reports while it recovers from a damaged file."""

    _SIGNS = ("not defined", "wrong pointing object", "invalid", "damaged", "cannot find", "can't find",
              "unexpected", "eof marker")

    def __init__(self):
        super().__init__(logging.WARNING)
        self.damaged: list[str] = []
        self._logger = logging.getLogger("pypdf")

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage()
        if any(sign in msg.lower() for sign in self._SIGNS):
            self.damaged.append(msg.strip().rstrip("."))

    def __enter__(self):
        self._level = self._logger.level
        if not self._logger.isEnabledFor(logging.WARNING):  # e.g. RAG_LOG_LEVEL=ERROR
            self._logger.setLevel(logging.WARNING)
        self._logger.addHandler(self)
        return self

    def __exit__(self, *exc):
        self._logger.removeHandler(self)
        self._logger.setLevel(self._level)
        return False


def _load_pdf(path: Path, data: bytes) -> RawDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.strip():
        raise IngestError("empty_file")
    if not data.lstrip().startswith(b"%PDF"):
        raise IngestError("pdf_not_pdf")
    problems = _PdfProblems()
    try:
        with problems:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    ok = reader.decrypt("")
                except Exception:
                    ok = 0
                if not ok:
                    raise IngestError("pdf_encrypted")
            pages = [p.extract_text() or "" for p in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, Exception) as exc:  # pypdf raises many types on damaged files
        raise IngestError("pdf_damaged", error=exc.__class__.__name__) from None
    scan = pdf_scan_source(data, pages)  # pages without a text layer: read by OCR later
    parts, spans, pos = [], [], 0
    for no, page in enumerate(pages, start=1):
        page = unwrap_lines(page.strip())
        if not page or (scan and not has_text_layer(page)):
            continue
        if parts:
            pos += 2
        spans.append((pos, pos + len(page), no))
        parts.append(page)
        pos += len(page)
    text = "\n\n".join(parts)
    if len(re.sub(r"\W", "", text)) < 5 and problems.damaged:
        # pypdf read past broken objects and found nothing: the file is damaged, not a scan.
        raise IngestError("pdf_unreadable_pages", detail=problems.damaged[0])
    if len(re.sub(r"\W", "", text)) < 5 and scan is None:
        raise IngestError("pdf_no_text")
    check_paragraphs(text.count("\n\n") + 1)
    text = split_long_lines(text)
    if text and looks_legacy_vietnamese(text):
        raise IngestError("legacy_encoding")
    meta: dict = {}
    try:
        if reader.metadata and reader.metadata.title:
            meta["title"] = str(reader.metadata.title).strip()
    except Exception:
        pass
    return RawDocument(path, text, meta, page_spans=spans, scan=scan)


def _check_docx_parts(data: bytes) -> None:
    """Before a DOCX is parsed: each XML part decompresses to at most MAX_DOCX_PART_MB (read,
    not trusted from the zip header), and the text has at most MAX_PARAGRAPHS paragraphs."""
    import zipfile

    limit = MAX_DOCX_PART_MB * 1_000_000
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        for info in zf.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                continue
            size, paras, tail = 0, 0, b""
            with zf.open(info) as part:
                while chunk := part.read(1 << 20):
                    size += len(chunk)
                    if size > limit:
                        raise IngestError("docx_part_too_big", part=info.filename, limit=MAX_DOCX_PART_MB)
                    block = tail + chunk
                    paras += len(re.findall(rb"<w:p[ />]", block)) - len(re.findall(rb"<w:p[ />]", tail))
                    tail = chunk[-8:]
            if info.filename == "word/document.xml":
                check_paragraphs(paras)
    except IngestError:
        raise
    except Exception as exc:  # not a zip, or a damaged one: python-docx says so next
        log.debug("docx pre-check: %s", exc)


def _load_docx(path: Path, data: bytes) -> RawDocument:
    import zipfile

    import docx

    if not data.strip():
        raise IngestError("empty_file")
    _check_docx_parts(data)
    try:
        d = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, Exception) as exc:
        raise IngestError("docx_damaged", error=exc.__class__.__name__) from None
    blocks = [p.text.strip() for p in d.paragraphs if p.text.strip()]
    for table in d.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                blocks.append(" | ".join(dict.fromkeys(cells)))
    text = split_long_lines("\n\n".join(blocks))
    if not text.strip():
        raise IngestError("no_text")
    if looks_legacy_vietnamese(text):
        raise IngestError("legacy_encoding")
    meta: dict = {}
    if d.core_properties.title:
        meta["title"] = d.core_properties.title.strip()
    return RawDocument(path, text, meta)


def _mb(n: int) -> str:
    return f"{n / 1e6:.3g}"


def load_file(path: Path, max_bytes: Optional[int] = None, data: Optional[bytes] = None) -> RawDocument:
    """Read one file (or its bytes, for uploads) into a :class:`RawDocument`; sidecar metadata wins.

    Uploaded bytes (``data``) have no folder, so no sidecar is read for them.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError("unsupported_type", ext=suffix or "(none)")
    from_disk = data is None
    if data is None:
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise IngestError("file_unreadable", error=exc.strerror) from None
        if max_bytes is not None and size > max_bytes:
            raise IngestError("too_large", size=_mb(size), mb=_mb(max_bytes))
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise IngestError("file_unreadable", error=exc.strerror or exc.__class__.__name__) from None
    elif max_bytes is not None and len(data) > max_bytes:
        raise IngestError("too_large", size=_mb(len(data)), mb=_mb(max_bytes))
    if suffix in TEXT_SUFFIXES:
        doc = _load_text(path, data)
    elif suffix in HTML_SUFFIXES:
        doc = _load_html(path, data)
    elif suffix == ".pdf":
        doc = _load_pdf(path, data)
    elif suffix in IMAGE_SUFFIXES:  # a scan: every page is read by OCR later (scan_ocr.read_scans)
        doc = RawDocument(path, "", {}, page_spans=[], scan=image_source(data))
    else:
        doc = _load_docx(path, data)
    if from_disk:  # an upload's name is not a path: never read a sidecar from the working folder
        doc.meta.update(read_sidecar(path))
    return doc
