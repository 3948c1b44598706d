"""The briefing as Markdown: headings, tables, numbered sources with their passages."""
from __future__ import annotations

from .blocks import blocks, segs_text
from .model import Briefing


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(b: Briefing) -> str:
    """The briefing as Markdown (headings, a timeline table, numbered sources with their passages)."""
    out: list[str] = []
    for block in blocks(b):
        kind = block[0]
        if kind == "title":
            out += [f"# {block[1]}", ""]
        elif kind == "meta":
            out += [f"**{block[1]}**", ""]
        elif kind == "note":
            out += [f"*{block[1]}*", ""]
        elif kind == "pagebreak":
            out += ["---", ""]
        elif kind == "h1":
            out += [f"## {block[1]}", ""]
        elif kind == "h2":
            out += [f"### {block[1]}", ""]
        elif kind == "para":
            out += [segs_text(block[1]), ""]
        elif kind == "table":
            header, rows = block[1], block[2]
            out.append("| " + " | ".join(header) + " |")
            out.append("|" + "---|" * len(header))
            for row in rows:
                out.append("| " + " | ".join(_cell(segs_text(c).strip()) for c in row) + " |")
            out.append("")
        elif kind == "bullets":
            out += [f"- {segs_text(line)}" for line in block[1]] + [""]
        elif kind == "numbered":
            out += [f"{i}. {segs_text(line)}" for i, line in enumerate(block[1], start=1)] + [""]
        elif kind == "sources":
            for entry in block[1]:
                out.append(f"**{entry['head']}**")
                out.append("")
                for label, text in entry["texts"]:
                    if label:
                        out.append(f"> *{label}:*")
                    out += ["> " + line for line in text.splitlines()] + [""]
    return "\n".join(out).rstrip() + "\n"
