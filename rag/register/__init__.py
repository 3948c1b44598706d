"""The register of the record: events, agreements and planned activities, language-neutral.

Extraction is deterministic: date patterns (:mod:`rag.text.dates`), keyword patterns in
Vietnamese, Lao and English (:mod:`.patterns`) and the sentence splitter of the ingest step.
The register holds keys (event kinds, area and status keys, agreement keys), ISO dates, values
and spans, never a word chosen for a reader: an item is cited from the official original of a
translated document and keeps the matching sentence of each language version, so one register
serves a briefing in Vietnamese, Lao or English (:mod:`rag.briefing.localize` adds the words).

- :func:`build_register` (passages -> :class:`Register`); :func:`current_register` (a mirror ->
  the register of its current corpus version, built once per version by its
  :class:`RegisterCache`, see :func:`register_cache`); :func:`current_agreements` (its agreements
  alone, kept in their own small file: what an answer reads).
- :func:`agreement_status` (an agreement and a day -> status and note keys), :func:`successor`.
- :class:`Commitment` (a dated commitment: who, what, when, where) with its :class:`FollowUp` reports;
  :meth:`Commitment.state_on` (a day -> :class:`FollowState`: done, in progress, postponed, cancelled, overdue, no news);
  :func:`status_finding` (the finding whose passage decides an agreement's status); :func:`due_span`
  (first and last day of an ISO due date, quarters included).
- Keys: :data:`EVENT_KINDS`, :data:`AREAS`, :data:`STATUSES`, :data:`NOTES`, :data:`FOLLOW_STATES`.
- :func:`happenings` (a sentence and its document's date -> the dates on which it reports something
  that happened, whatever the verb), :func:`kind_at` (the kind of event, ``event`` when none is named);
  :func:`find_when` (due dates and dates in every form: quarters, halves, "by mid-2025", "năm nay", ranges).
- ``build_register(passages, version, embedder)``: with the store's embedding model, commitments are also
  matched with later reports by meaning (:mod:`.meaning`, :func:`meaning_for`; only for a model with a
  tuned margin, so the toy model keeps the pattern path).

Modules: :mod:`.model` (records), :mod:`.patterns`, :mod:`.lexicon` (activity terms, places, organisations,
counts, cues), :mod:`.when` (quarters, deadlines, day ranges), :mod:`.happened` (what happened on a stated
date), :mod:`.meaning` (matching by meaning), :mod:`.commitments`, :mod:`.corpus` (passages as documents and
paragraph units), :mod:`.events`, :mod:`.agreements`, :mod:`.activities`, :mod:`.build`.
"""
from __future__ import annotations

from .build import RegisterCache, build_register, current_agreements, current_register, register_cache
from .happened import Happening, happenings, kind_at
from .meaning import meaning_for
from .model import (
    ACTIVITY_STATUSES,
    AGREEMENT_STATUSES,
    AREAS,
    EVENT_KINDS,
    FOLLOW_STATES,
    NOTES,
    STATUSES,
    Activity,
    Agreement,
    Commitment,
    Event,
    Finding,
    FollowState,
    FollowUp,
    Register,
    Relation,
    Sourced,
    Span,
    agreement_status,
    in_range,
    iso_span,
    status_finding,
    successor,
)
from .when import When, due_span, find_when

__all__ = [
    "ACTIVITY_STATUSES", "AGREEMENT_STATUSES", "AREAS", "EVENT_KINDS", "FOLLOW_STATES", "NOTES", "STATUSES", "Activity",
    "Agreement", "Commitment", "Event", "Finding", "FollowState", "FollowUp", "Register", "RegisterCache", "Relation",
    "Sourced", "Span", "agreement_status", "build_register", "current_agreements", "current_register", "due_span",
    "in_range", "iso_span",
    "register_cache", "status_finding", "successor",
    # round 2 (additive)
    "Happening", "When", "find_when", "happenings", "kind_at", "meaning_for",
]
