"""The briefing as Markdown: headings, tables, numbered sources with their passages.

Every piece of text that comes from a document or a user (titles, topic, delegation, passages, table
cells, list items) is escaped (:func:`rag.text.markup.md_escape_line`): a document's ``[link](…)``,
``![image](…)``, ``<tag>`` or bare address stays text in any Markdown viewer, the app's preview
included (issue 15). Our own labels and the citation markers ``[n]`` are written as they are.
"""
from __future__ import annotations

import re

from ..text.markup import md_escape_line as _esc
from .blocks import Segs, blocks
from .model import Briefing


def _segs(segs: Segs) -> str:
    """Pieces of document text, escaped, each closed by its (literal) citation marker."""
    return "".join(_esc(text) + (f" [{n}]" if n else "") for text, n in segs)


def _head(head: str) -> str:
    m = re.match(r"\[\d+\] ", head)
    return (m.group() if m else "") + _esc(head[m.end() if m else 0 :])


def to_markdown(b: Briefing) -> str:
    """The briefing as Markdown (headings, a timeline table, numbered sources with their passages)."""
    out: list[str] = []
    for block in blocks(b):
        kind = block[0]
        if kind == "title":
            out += [f"# {_esc(block[1])}", ""]
        elif kind == "meta":  # labels with the topic, the delegation, dates
            out += [f"**{_esc(block[1])}**", ""]
        elif kind == "note":  # a label
            out += [f"*{block[1]}*", ""]
        elif kind == "pagebreak":
            out += ["---", ""]
        elif kind == "h1":  # a label
            out += [f"## {block[1]}", ""]
        elif kind == "h2":
            out += [f"### {_esc(block[1])}", ""]
        elif kind == "para":
            out += [_segs(block[1]), ""]
        elif kind == "table":
            header, rows = block[1], block[2]
            out.append("| " + " | ".join(header) + " |")
            out.append("|" + "---|" * len(header))
            for row in rows:
                out.append("| " + " | ".join(_segs(c).strip() for c in row) + " |")
            out.append("")
        elif kind == "bullets":
            out += [f"- {_segs(line)}" for line in block[1]] + [""]
        elif kind == "numbered":
            out += [f"{i}. {_segs(line)}" for i, line in enumerate(block[1], start=1)] + [""]
        elif kind == "sources":
            for entry in block[1]:
                out.append(f"**{_head(entry['head'])}**")
                out.append("")
                for label, text in entry["texts"]:
                    if label:
                        out.append(f"> *{_esc(label)}:*")
                    out += ["> " + _esc(line) for line in text.splitlines()] + [""]
    return "\n".join(out).rstrip() + "\n"
