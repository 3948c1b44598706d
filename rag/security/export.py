"""A conversation as Markdown or Word: each question, its answer, and every citation with its passage
(the sentences that support the answer in bold) and the feedback given.

Document text is data here too: in Markdown every character of it is escaped
(:func:`rag.text.markup.md_escape`), so a passage's ``[link](…)`` or ``![image](…)`` stays text in
any Markdown viewer; in Word it goes into plain runs (no hyperlink, field or image is ever made) with
the characters XML cannot hold removed.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import Any

import docx
from docx.oxml.ns import qn

from ..text.i18n import lang_name, t
from ..text.markup import escaped_chars, md_escape, md_escape_line, xml_safe
from ..text.wordrun import LAO_FONT
from ..text.wordrun import add_text as _add_text
from .conversations import Conversation


def _spans(c: dict[str, Any]) -> list[tuple[int, int]]:
    """Offsets, in the citation's passage, of the sentences that support the answer."""
    text, base, out = c.get("text") or "", int(c.get("start") or 0), []
    for h in c.get("highlights") or []:
        if h.get("doc_id") != c.get("doc_id"):
            continue
        a, b = int(h.get("start", 0)) - base, int(h.get("end", 0)) - base
        if not (0 <= a < b <= len(text)) or text[a:b] != h.get("sentence", text[a:b]):
            i = text.find(h.get("sentence") or "\x00")
            if i < 0:
                continue
            a, b = i, i + len(h["sentence"])
        out.append((a, b))
    merged: list[list[int]] = []
    for a, b in sorted(out):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def _source_line(c: dict[str, Any], lang: str) -> str:
    parts = [c.get("date") or t("no_date", lang), lang_name(c.get("lang") or "und", lang),
             t("official" if c.get("official") else "working", lang)]
    if c.get("page"):
        parts.append(t("page_n", lang, page=c["page"]))
    return " · ".join(parts)


def _citations(answer: dict[str, Any]) -> list[dict[str, Any]]:
    return list(answer.get("citations") or answer.get("closest") or [])


# --- Markdown ------------------------------------------------------------------------------------
def _md_passage(c: dict[str, Any]) -> list[str]:
    text = c.get("text") or ""
    chars = escaped_chars(text)
    out, pos = [], 0
    for a, b in _spans(c):
        out += ["".join(chars[pos:a]), "**", "".join(chars[a:b]), "**"]
        pos = b
    out.append("".join(chars[pos:]))
    return ["> " + line for line in "".join(out).split("  \n")]


def to_markdown(conv: Conversation, lang: str, exported_by: str = "", exported_at: str = "") -> str:
    out = [f"# {md_escape_line(conv.title or t('conv_untitled', lang))}", ""]
    meta = [t("conv_exported", lang, at=exported_at[:16].replace("T", " ") or conv.updated_at[:16].replace("T", " "))]
    if exported_by:
        meta.append(md_escape_line(exported_by))
    out += [f"*{' · '.join(meta)}*", ""]
    for i, turn in enumerate(conv.turns, start=1):
        a = turn.answer
        out += [f"## {i}. {md_escape_line(turn.question)}", ""]
        if a.get("refused"):
            out += [f"**{t('refused', lang)}** — {md_escape(a.get('answer', ''))}", ""]
        else:
            out += [md_escape(a.get("answer", "")), ""]
        out.append(f"*{t('answered_by', lang, backend=md_escape_line(a.get('backend', '')))}*")
        out.append("")
        cites = _citations(a)
        if cites:
            out += [f"**{t('closest' if a.get('refused') else 'sources', lang)}**", ""]
            for c in cites:
                head = md_escape_line(c.get("title") or c.get("doc_id", ""))
                out += [f"**\\[{c.get('n')}\\] {head}** — {md_escape_line(_source_line(c, lang))}", ""]
                out += _md_passage(c) + [""]
        if turn.feedback:
            fb = turn.feedback
            line = t(f"feedback_{fb.verdict}", lang) + (f" — {md_escape_line(fb.comment)}" if fb.comment else "")
            out += [f"*{t('feedback_label', lang)}: {line}*", ""]
    return "\n".join(out).rstrip() + "\n"


# --- Word ----------------------------------------------------------------------------------------
def _add_passage(document, c: dict[str, Any]) -> None:
    text = c.get("text") or ""
    par = document.add_paragraph(style="Quote")
    pos = 0
    for a, b in _spans(c):
        _add_text(par, text[pos:a])
        _add_text(par, text[a:b], bold=True)
        pos = b
    _add_text(par, text[pos:])


def to_docx_bytes(conv: Conversation, lang: str, exported_by: str = "", exported_at: str = "") -> bytes:
    document = docx.Document()
    fonts = document.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:cs"), LAO_FONT)
    document.core_properties.title = xml_safe(conv.title)[:200]
    _add_text(document.add_heading(level=0), conv.title or t("conv_untitled", lang))
    meta = [t("conv_exported", lang, at=(exported_at or conv.updated_at)[:16].replace("T", " "))]
    if exported_by:
        meta.append(exported_by)
    _add_text(document.add_paragraph(), " · ".join(meta), italic=True)
    for i, turn in enumerate(conv.turns, start=1):
        a = turn.answer
        _add_text(document.add_heading(level=2), f"{i}. {turn.question}")
        par = document.add_paragraph()
        if a.get("refused"):
            _add_text(par, t("refused", lang) + " — ", bold=True)
        _add_text(par, a.get("answer", ""))
        _add_text(document.add_paragraph(), t("answered_by", lang, backend=a.get("backend", "")), italic=True)
        cites = _citations(a)
        if cites:
            _add_text(document.add_paragraph(), t("closest" if a.get("refused") else "sources", lang), bold=True)
            for c in cites:
                par = document.add_paragraph()
                _add_text(par, f"[{c.get('n')}] {c.get('title') or c.get('doc_id', '')}", bold=True)
                _add_text(par, f" — {_source_line(c, lang)}")
                _add_passage(document, c)
        if turn.feedback:
            fb = turn.feedback
            _add_text(document.add_paragraph(), f"{t('feedback_label', lang)}: {t(f'feedback_{fb.verdict}', lang)}"
                      + (f" — {fb.comment}" if fb.comment else ""), italic=True)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def file_stem(conv: Conversation) -> str:
    """A safe file name for an export: the conversation's date and a slug of its title."""
    slug = re.sub(r"[^\w]+", "-", conv.title, flags=re.UNICODE).strip("-")[:50] or "conversation"
    return f"{conv.created_at[:10]}-{slug}"


__all__: Iterable[str] = ["file_stem", "to_docx_bytes", "to_markdown"]
