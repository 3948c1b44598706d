"""Document text on screen: always literal, never live Markdown or HTML.

``st.markdown`` would turn a document's ``[link](…)``, ``![img](…)``, ``# heading`` or
``<b>`` into live elements; every character of document text goes through :func:`md_escape`
(or :func:`marked_passage`, which adds only our own ``<mark>`` around supporting sentences).
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable

MARK_OPEN = '<mark style="background:#ffe98f;padding:0 2px;border-radius:3px">'
_INLINE = set("\\`*_[]~$|:!<>&")
_LINE_START = set("#-+=")
_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")


def _escaped_chars(text: str) -> list[str]:
    """Each character of ``text`` as markdown/HTML-safe source (one entry per character)."""
    out: list[str] = []
    line_start = True
    digits_only = True  # the line so far is only digits ("1." would start an ordered list)
    for ch in text:
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
        out.append(e)
        digits_only = digits_only and ch.isdigit()
        line_start = False
    return out


def md_escape(text: str) -> str:
    """Text shown literally by ``st.markdown`` (also with ``unsafe_allow_html``)."""
    return "".join(_escaped_chars(text or ""))


def answer_markdown(text: str) -> str:
    """An answer with its [n] markers in bold, so they stand out and match the card numbers."""
    text = text or ""
    chars = _escaped_chars(text)
    out, pos = [], 0
    for m in _MARKER.finditer(text):
        out.append("".join(chars[pos : m.start()]))
        out.append(f"**[{m.group(1)}]**")
        pos = m.end()
    out.append("".join(chars[pos:]))
    return "".join(out)


def highlight_spans(text: str, base: int, highlights: Iterable[dict], doc_id: str) -> list[tuple[int, int]]:
    """Offsets in ``text`` (a passage starting at document offset ``base``) of its highlighted sentences."""
    spans = []
    for h in highlights:
        if h.get("doc_id") != doc_id:
            continue
        sent = h.get("sentence") or ""
        a, b = int(h.get("start", 0)) - base, int(h.get("end", 0)) - base
        if not (0 <= a < b <= len(text)) or (sent and text[a:b] != sent):
            i = text.find(sent) if sent else -1
            if i < 0:
                continue
            a, b = i, i + len(sent)
        spans.append((a, b))
    spans.sort()
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def marked_passage(text: str, base: int, highlights: Iterable[dict], doc_id: str) -> str:
    """A passage as markdown with its supporting sentences in ``<mark>`` (needs ``unsafe_allow_html``)."""
    chars = _escaped_chars(text or "")
    out, pos = [], 0
    for a, b in highlight_spans(text or "", base, highlights, doc_id):
        out.append("".join(chars[pos:a]))
        out.append(MARK_OPEN + "".join(chars[a:b]) + "</mark>")
        pos = b
    out.append("".join(chars[pos:]))
    return "".join(out)
