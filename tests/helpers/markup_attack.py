"""A document that tries to put live links, images and HTML on staff screens, and the checks that none are.

Its dated sentences carry the payloads, so they reach answers, citation cards, the briefing's
timeline and sources, the agreements table and conversation exports. :func:`live_markup` parses
Markdown the way the app's renderer reads it (CommonMark with tables and raw HTML, plus GitHub's
address autolinks) and lists whatever would go live.
"""
from __future__ import annotations

import io
import re
import zipfile

from markdown_it import MarkdownIt

EVIL = "evil.example"
HOSTILE_ID = "hostile-note"
HOSTILE_DOC = f"""---
id: {HOSTILE_ID}
title: "Biên bản [đăng nhập lại](http://{EVIL}/phish) <img src=http://{EVIL}/t.png>"
date: 2024-03-15
lang: vi
kind: minutes
---
Ngày 15/3/2024, tại Hà Nội, BHXH Việt Nam và Cơ quan BHXH quốc gia Lào ký biên bản ghi nhớ về chuyển đổi số [đăng nhập lại](http://{EVIL}/phish) ![x](http://{EVIL}/beacon.png).

Ngày 20/3/2024, hai bên thống nhất kế hoạch tập huấn <img src="http://{EVIL}/pixel.gif"> <a href="http://{EVIL}/a">bấm vào đây</a> <script>alert(1)</script>, xem www.{EVIL}/login hoặc gửi thư tới admin@{EVIL}.

Ngày 25/3/2024, Hội nghị đánh giá hợp tác chuyển đổi số: [liên kết][r] :red[đỏ] :material/warning: $x^2$ <b>đậm</b> `mã` https://{EVIL}/x.

[r]: http://{EVIL}/ref
"""
HOSTILE_QUESTION = "Biên bản ghi nhớ về chuyển đổi số được ký ngày nào?"

_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
# GitHub-flavoured Markdown turns plain text that looks like an address into a link (after escapes).
_AUTOLINK = re.compile(r"(?:https?://|www\.)[-.\w]+|[-.\w+]+@[-\w]+(?:\.[-\w]+)+", re.I)
OURS = re.compile(r'^(?:<mark style="[^"<>]*">|</mark>)$')  # the only HTML the app writes itself


def live_markup(markdown: str) -> list[str]:
    """Links, images, raw HTML (other than our <mark>) and address autolinks in ``markdown``."""
    found = []
    for block in _MD.parse(markdown):
        if block.type == "html_block":
            found.append(block.content.strip())
        for tok in block.children or []:
            if tok.type in ("link_open", "image"):
                found.append(f"{tok.type}: {tok.attrGet('href') or tok.attrGet('src')}")
            elif tok.type == "html_inline" and not OURS.match(tok.content):
                found.append(tok.content)
            elif tok.type == "text" and _AUTOLINK.search(tok.content):
                found.append(f"autolink: {_AUTOLINK.search(tok.content).group()}")
    return found


OUR_FIELDS = re.compile(r"^\s*(?:PAGE|NUMPAGES|SECTIONPAGES)\b")  # page numbers the briefing's footer writes


def docx_live_parts(data: bytes) -> list[str]:
    """Hyperlinks, fields (other than page numbers), images and external relationships inside a .docx file."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            xml = z.read(name).decode("utf-8", "replace")
            for pattern in ("<w:hyperlink", "<w:drawing", "<w:pict", 'TargetMode="External"'):
                if pattern in xml:
                    out.append(f"{name}: {pattern}")
            fields = re.findall(r"<w:instrText[^>]*>([^<]*)<", xml) + re.findall(r'<w:fldSimple[^>]*w:instr="([^"]*)"', xml)
            out += [f"{name}: field {f.strip()}" for f in fields if not OUR_FIELDS.match(f)]
    return out
