"""The bad-input catalogue: hostile, broken and tricky files, and what ingest must do with each.

One table read by the tests (``test_integrity.py``: in-process and through the command line,
with time and memory measured for the files meant to exhaust the machine) and by
``scripts/update_readme.py``, which prints it as the README's catalogue. Each case is files to
ingest (after ``before``, ingested first and added), the file whose result is checked, the
status it must get, and the reason code (``reason_<code>`` in the strings table) with words the
English message must hold.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from .documents import TCVN3_TEXT, VNI_TEXT, make_encrypted_pdf, make_pdf, make_scan_pdf

VI = "Bảo hiểm xã hội Việt Nam và Bộ Lao động - Thương binh và Xã hội Lào ký biên bản hợp tác về đào tạo cán bộ."
LO = "ອົງການປະກັນສັງຄົມລາວ ແລະ ປະກັນສັງຄົມຫວຽດນາມ ໄດ້ລົງນາມບົດບັນທຶກການຮ່ວມມື ກ່ຽວກັບການຝຶກອົບຮົມພະນັກງານ."
YEN = ("Giá vé tham quan là ¥2.500 và ¥130.000 cho cả đoàn cán bộ bảo hiểm xã hội sang Nhật Bản học tập.\n\n"
       "ລາຄາປີ້ແມ່ນ ¥2.500 ແລະ ¥130.000 ສຳລັບຄະນະພະນັກງານປະກັນສັງຄົມທັງໝົດ.")


def _front(fields: str, body: str = VI) -> bytes:
    return f"---\n{fields}\n---\n{body}\n".encode()


def docx_bytes(document_xml: bytes) -> bytes:
    """A minimal Word file around ``document_xml`` (the body of word/document.xml)."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>'))
        z.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'))
        z.writestr("word/document.xml", b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + ns.encode()
                   + b"><w:body>" + document_xml + b"</w:body></w:document>")
    return out.getvalue()


def _docx_paragraphs(n: int) -> bytes:
    return docx_bytes(b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" + b"<w:p/>" * n)


def _docx_bomb() -> bytes:
    body = b"<w:p><w:r><w:t>" + b"a" * 60_000_000 + b"</w:t></w:r></w:p>"
    return docx_bytes(body)


def _alias_bomb() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return _front("title: Alias bomb\n" + "\n".join(lines))


@dataclass(frozen=True)
class Case:
    """One kind of bad (or tricky) input and what ingest must do with it."""

    kind: str
    files: Callable[[], dict[str, bytes]]
    target: str  # the file whose result is checked
    status: str  # failed / added
    code: str = ""  # the reason code when it fails
    says: str = ""  # words the English message holds
    before: Callable[[], dict[str, bytes]] = field(default=lambda: {})
    exhausting: bool = False  # built to exhaust time or memory: refused within seconds, under 500 MB
    group: str = "text"
    without_ocr: str = ""  # the reason code instead, on a machine where Tesseract is not installed


CASES: list[Case] = [
    # --- encodings: text or nothing ---------------------------------------------------------
    Case("UTF-32 text with a byte-order mark", lambda: {"utf32.txt": (VI + "\n\n" + LO).encode("utf-32")},
         "utf32.txt", "added"),
    Case("UTF-16 text without a byte-order mark", lambda: {"utf16-nobom.txt": (VI + "\n\n" + LO).encode("utf-16-le")},
         "utf16-nobom.txt", "added"),
    Case("UTF-16 text with a byte-order mark", lambda: {"utf16.txt": (LO + "\n\n" + VI).encode("utf-16")},
         "utf16.txt", "added"),
    Case("Unicode Vietnamese and Lao quoting prices in yen (¥2.500 và ¥130.000)",
         lambda: {"yen.txt": YEN.encode("utf-8")}, "yen.txt", "added"),
    Case("binary of control characters named .txt", lambda: {"controls.txt": bytes(range(1, 32)) * 300},
         "controls.txt", "failed", "binary_control", "control characters"),
    Case("binary with NUL bytes named .txt", lambda: {"binary.txt": bytes(range(256)) * 8},
         "binary.txt", "failed", "binary_file", "binary"),
    Case("Latin-1 (not UTF-8) text", lambda: {"latin1.txt": "Le garçon a reçu une leçon à Vientiane.".encode("latin-1")},
         "latin1.txt", "failed", "not_utf8", "not UTF-8"),
    Case("legacy Vietnamese font encoding TCVN3", lambda: {"tcvn3.txt": TCVN3_TEXT.encode("cp1252")},
         "tcvn3.txt", "failed", "legacy_encoding", "TCVN3"),
    Case("legacy Vietnamese font encoding VNI", lambda: {"vni.txt": VNI_TEXT.encode("utf-8")},
         "vni.txt", "failed", "legacy_encoding", "VNI"),
    Case("empty file", lambda: {"empty.txt": b""}, "empty.txt", "failed", "empty_file", "empty"),
    Case("only blank lines", lambda: {"blank.md": b"  \n\n \t\n"}, "blank.md", "failed", "empty_file", "empty"),
    # --- files built to exhaust the machine -------------------------------------------------
    Case("YAML alias bomb in front matter (a few hundred bytes)", lambda: {"alias-bomb.md": _alias_bomb()},
         "alias-bomb.md", "failed", "meta_alias", "aliases", exhausting=True, group="exhaustion"),
    Case("front matter of 100 KB", lambda: {"big-front.md": _front("title: " + "x" * 100_000)},
         "big-front.md", "failed", "meta_too_big", "limit of 64 KB", exhausting=True, group="exhaustion"),
    Case("DOCX of 2,000,000 empty paragraphs (18 KB zipped)", lambda: {"paragraphs.docx": _docx_paragraphs(2_000_000)},
         "paragraphs.docx", "failed", "too_many_paragraphs", "limit of 50000 paragraphs", exhausting=True,
         group="exhaustion"),
    Case("DOCX whose text part inflates to 60 MB (zip bomb)", lambda: {"zip-bomb.docx": _docx_bomb()},
         "zip-bomb.docx", "failed", "docx_part_too_big", "limit of 40 MB", exhausting=True, group="exhaustion"),
    Case("5 MB of text on one line", lambda: {"one-line.txt": ("Bảo hiểm xã hội " * 330_000).encode("utf-8")},
         "one-line.txt", "failed", "too_many_passages", "limit of 5000 passages", exhausting=True, group="exhaustion"),
    Case("text of 60,000 paragraphs", lambda: {"many-paragraphs.txt": ("Lào.\n\n" * 60_000).encode("utf-8")},
         "many-paragraphs.txt", "failed", "too_many_paragraphs", "limit of 50000", exhausting=True, group="exhaustion"),
    Case("HTML of 60,000 paragraphs", lambda: {"many.html": b"<html><body>" + b"<p>L\xc3\xa0o</p>" * 60_000
                                               + b"</body></html>"},
         "many.html", "failed", "too_many_paragraphs", "limit of 50000", exhausting=True, group="exhaustion"),
    # --- metadata -------------------------------------------------------------------------------
    Case("impossible date in front matter (2022-13-45)", lambda: {"bad-date.md": _front("date: 2022-13-45")},
         "bad-date.md", "failed", "meta_date_real", "2022-13-45", group="metadata"),
    Case("impossible date in a sidecar (2022-02-30)",
         lambda: {"memo-feb.txt": VI.encode(), "memo-feb.meta.yaml": b"date: 2022-02-30\n"},
         "memo-feb.txt", "failed", "meta_date_real", "2022-02-30", group="metadata"),
    Case("front matter that is not YAML", lambda: {"not-yaml.md": _front("title: [unclosed")},
         "not-yaml.md", "failed", "meta_yaml", "not valid YAML", group="metadata"),
    Case("id with characters ids may not have", lambda: {"bad-id.md": _front("id: a/b")},
         "bad-id.md", "failed", "meta_id", "may hold only", group="metadata"),
    Case("unknown language", lambda: {"bad-lang.md": _front("lang: fr")},
         "bad-lang.md", "failed", "meta_lang", "must be vi, lo or en", group="metadata"),
    # --- PDF, Word and other types ----------------------------------------------------------------
    Case("corrupt PDF", lambda: {"corrupt.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\ngarbage"},
         "corrupt.pdf", "failed", "pdf_damaged", "damaged", group="formats"),
    Case("text file named .pdf", lambda: {"misnamed.pdf": b"Just some words in a file called PDF."},
         "misnamed.pdf", "failed", "pdf_not_pdf", "not a PDF", group="formats"),
    Case("password-protected PDF", lambda: {"encrypted.pdf": make_encrypted_pdf()},
         "encrypted.pdf", "failed", "pdf_encrypted", "encrypted", group="formats"),
    Case("scanned PDF whose page has no readable text (OCR finds nothing)", lambda: {"scan.pdf": make_scan_pdf()},
         "scan.pdf", "failed", "scan_no_text", "no text layer", group="formats", without_ocr="scan_no_ocr"),
    Case("truncated Word file", lambda: {"broken.docx": b"PK\x03\x04 this zip is cut short"},
         "broken.docx", "failed", "docx_damaged", "damaged or not a Word document", group="formats"),
    Case("unsupported type", lambda: {"table.xlsx": b"PK\x03\x04 not really a spreadsheet"},
         "table.xlsx", "failed", "unsupported_type", "unsupported file type .xlsx", group="formats"),
    # --- ids that collide: refused, never a silent replacement ------------------------------------
    Case("a sidecar whose id names a document stored from another file",
         lambda: {"note.md": b"A one-line English note.\n", "note.meta.yaml": b"id: official-article\n"},
         "note.md", "failed", "id_taken_meta", "--replace",
         before=lambda: {"official.md": _front("id: official-article\ntitle: Official article")}, group="collisions"),
    Case("front matter whose id names a document stored from another file",
         lambda: {"copy.md": _front("id: official-article", "An English note that would replace the article.")},
         "copy.md", "failed", "id_taken_meta", "--replace",
         before=lambda: {"official.md": _front("id: official-article\ntitle: Official article")}, group="collisions"),
    Case("good.docx after good.pdf (same name, another extension)",
         lambda: {"good.docx": docx_bytes(b"<w:p><w:r><w:t>" + VI.encode() + b"</w:t></w:r></w:p>")},
         "good.docx", "failed", "id_taken_ext", "another extension",
         before=lambda: {"good.pdf": make_pdf([VI])}, group="collisions"),
    Case("names without Latin letters (中文.txt, 报告.txt, Отчет.md) get ids of their own",
         lambda: {"报告.txt": VI.encode(), "Отчет.md": LO.encode()}, "报告.txt", "added",
         before=lambda: {"中文.txt": VI.encode()}, group="collisions"),
    Case("two files with one id in one batch",
         lambda: {"a-one.md": _front("id: same-id"), "b-two.md": _front("id: same-id", LO)},
         "b-two.md", "failed", "id_in_batch", "also used by", group="collisions"),
]

GROUPS = {"text": "Encodings", "exhaustion": "Files built to exhaust the machine", "metadata": "Metadata",
          "formats": "PDF, Word and other types", "collisions": "Ids that collide"}
