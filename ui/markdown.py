"""Document text on screen: always literal, never live Markdown or HTML.

``st.markdown`` would turn a document's ``[link](…)``, ``![img](…)``, ``# heading``, ``<b>`` or a
bare ``www.…`` address into live elements; every character of document text goes through
:func:`md_escape` (:mod:`rag.text.markup`) or :func:`marked_passage`, which adds only our own
``<mark>`` around supporting sentences. Widget labels and radio options are Markdown too: a
document's words go into them escaped.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from rag.text.markup import escaped_chars, md_escape

MARK_OPEN = '<mark style="background:#ffe98f;padding:0 2px;border-radius:3px">'
_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")


def answer_markdown(text: str) -> str:
    """An answer with its [n] markers in bold, so they stand out and match the card numbers."""
    text = text or ""
    chars = escaped_chars(text)
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
    chars = escaped_chars(text or "")
    out, pos = [], 0
    for a, b in highlight_spans(text or "", base, highlights, doc_id):
        out.append("".join(chars[pos:a]))
        out.append(MARK_OPEN + "".join(chars[a:b]) + "</mark>")
        pos = b
    out.append("".join(chars[pos:]))
    return "".join(out)


__all__ = ["MARK_OPEN", "answer_markdown", "highlight_spans", "marked_passage", "md_escape"]
