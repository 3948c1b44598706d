"""Briefing before a delegation: timeline, agreements, planned activities, talking points, sources.

The items come from the register of the record (:mod:`rag.register`: language-neutral, built
once per corpus version); this package puts them in the briefing's language, adds talking
points and numbers the sources, and writes the result as Markdown or DOCX.

- :mod:`.labels`: the briefing's words, from the one strings table.
- :mod:`.localize`: register items -> items in one language (labels, the sentence shown).
- :mod:`.build`: :func:`build_briefing` -> :class:`Briefing`; the "Agreements and activities"
  table (:func:`extract_agreements_and_activities` -> :class:`Row`, :func:`filter_rows`,
  :func:`rows_as_records`, :func:`area_labels`, :func:`status_labels`).
- :mod:`.blocks` (the layout), :mod:`.render_md` (:func:`to_markdown`), :mod:`.render_docx`
  (:func:`to_docx`, :func:`to_docx_bytes`), :mod:`.write` (:func:`write_briefing`).

``AREAS``, ``EVENT_KINDS`` and ``STATUSES`` are the keys (their words: :func:`area_labels`,
:func:`status_labels`, ``t("event_<kind>", lang)``); ``LABELS[lang]`` maps each briefing word's
name to its string in ``lang`` (``brief_<name>`` in the strings table).
"""
from __future__ import annotations

from ..register import AREAS, EVENT_KINDS, STATUSES
from .build import build_briefing, extract_agreements_and_activities, filter_rows, rows_as_records
from .labels import LABELS, area_labels, labels, status_labels
from .model import Activity, Agreement, Briefing, Cited, Fact, Row, TalkingPoint, TimelineEvent
from .render_docx import LAO_FONT, to_docx, to_docx_bytes
from .render_md import to_markdown
from .write import write_briefing

__all__ = [
    "AREAS", "Activity", "Agreement", "Briefing", "Cited", "EVENT_KINDS", "Fact", "LABELS", "LAO_FONT", "Row",
    "STATUSES", "TalkingPoint", "TimelineEvent", "area_labels", "build_briefing", "extract_agreements_and_activities",
    "filter_rows", "labels", "rows_as_records", "status_labels", "to_docx", "to_docx_bytes", "to_markdown",
    "write_briefing",
]
