"""Writing a briefing to a file: .docx or .md, chosen by the file's suffix."""
from __future__ import annotations

from pathlib import Path
from typing import Union

from ..answer.assistant import Assistant
from ..retrieval.hybrid import Retriever
from ..store.chroma import Store
from ..text.dates import DateArg
from .build import build_briefing
from .render_docx import to_docx
from .render_md import to_markdown


def write_briefing(
    assistant: Union[Assistant, Retriever, Store],
    out_path: Union[str, Path],
    topic: str = "",
    date_from: DateArg = None,
    date_to: DateArg = None,
    as_of: DateArg = None,
    lang: str = "vi",
    delegation: str = "",
    visit_date: DateArg = None,
) -> Path:
    """Build the briefing and write it to ``out_path`` (.docx or .md); returns the path."""
    out_path = Path(out_path)
    suffix = out_path.suffix.lower()
    if suffix not in (".docx", ".md"):
        raise ValueError(f"--out {out_path}: write the briefing to a .docx or a .md file")
    b = build_briefing(assistant, topic=topic, date_from=date_from, date_to=date_to, as_of=as_of, lang=lang,
                       delegation=delegation, visit_date=visit_date)
    if suffix == ".docx":
        return to_docx(b, out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(to_markdown(b), encoding="utf-8")
    return out_path
