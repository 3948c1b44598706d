"""Document text in Markdown, HTML and Word: always literal, never a live link, image or tag.

A document may hold ``[đăng nhập lại](http://…)``, ``![x](http://…/beacon.png)``, ``<img src=…>``,
a bare ``www.…`` address or an e-mail address. Wherever such text is shown (the app, the
briefing's Markdown, a conversation export), it goes through :func:`md_escape` first:

- every character that Markdown or HTML would read as markup is escaped (``\\[``, ``&lt;``; a colon
  when a word follows it, as in Streamlit's ``:red[…]`` and ``:material/…:``);
- GitHub-flavoured Markdown also turns *plain text* that looks like an address into a link
  (``www.x.org``, ``http://x.org``, ``a@b.org``), after escapes are resolved, so escaping is not
  enough there: a word joiner (U+2060, invisible, zero width) is put inside ``www.``, ``://`` and
  before ``@``, which no longer match an address.

:func:`xml_safe` drops the characters XML 1.0 cannot hold (a Word file cannot be written with them).
"""
from __future__ import annotations

import html
import re

WORD_JOINER = "\u2060"
_INLINE = set("\\`*_[]~$|!<>&")
_LINE_START = set("#-+=")
# Where plain text would become an address link: "www." / "://" / "@" after a word character.
_AUTOLINK = re.compile(r"(?i)(?<=www)(?=\.)|(?=://)|(?<=[\w.+-])(?=@)")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def defuse_addresses(text: str) -> str:
    """``text`` with a word joiner inside every would-be address (``www⁠.x``, ``http⁠://``, ``a⁠@b``)."""
    return _AUTOLINK.sub(WORD_JOINER, text or "")


def escaped_chars(text: str) -> list[str]:
    """Each character of ``text`` as Markdown/HTML-safe source, one entry per character of ``text``
    (so that callers can wrap spans of the original text, e.g. in ``<mark>``)."""
    out: list[str] = []
    line_start = True
    digits_only = True  # the line so far is only digits ("1." would start an ordered list)
    breaks = {m.start() for m in _AUTOLINK.finditer(text)}
    for i, ch in enumerate(text):
        if ch == ":" and text[i + 1 : i + 2].strip():  # ":red[", ":smile:", "http:" - not "ngày: 30/11"
            out.append((WORD_JOINER if i in breaks else "") + "\\:")
            line_start = digits_only = False
            continue
        if ch == "\n":
            out.append("  \n")
            line_start, digits_only = True, True
            continue
        if line_start and ch in " \t":
            out.append("")  # no indented code blocks
            continue
        e = html.escape(ch, quote=False)
        if e == ch and (ch in _INLINE or (line_start and ch in _LINE_START) or
                        (digits_only and not line_start and ch in ".)")):
            e = "\\" + e
        out.append((WORD_JOINER + e) if i in breaks else e)
        digits_only = digits_only and ch.isdigit()
        line_start = False
    return out


def md_escape(text: str) -> str:
    """Text shown literally by a Markdown renderer (also one that allows HTML)."""
    return "".join(escaped_chars(text or ""))


def md_escape_line(text: str) -> str:
    """Like :func:`md_escape` for text that must stay on one line (a table cell, a list item)."""
    return md_escape(" ".join((text or "").split()))


def xml_safe(text: str) -> str:
    """``text`` without the control characters XML 1.0 (and so a .docx file) cannot hold."""
    return _XML_BAD.sub("", text or "")
