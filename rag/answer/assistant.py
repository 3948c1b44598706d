"""The answer service: question understanding, answerability from evidence, facts first, citations.

The flow for one question: detect its language -> rewrite a follow-up into a standalone
question -> understand it (:mod:`.question`: what it asks, its constraints) -> retrieve (the
question, with the names and terms it uses in the record's other languages) -> read the
evidence (:mod:`.reader`): refuse, before any model is called, when the record does not meet
the question's constraints or holds nothing of the asked kind, saying which -> answer with the
fact first in the asker's language (:mod:`.compose`), or with a language model whose sentences
are checked against the passages they cite (:mod:`.verify`) -> one :class:`~.types.Answer`.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterator
from typing import Optional

from ..config import Settings
from ..records import Hit
from ..register import Register, current_agreements
from ..retrieval.filters import Filters
from ..retrieval.hybrid import Retriever
from ..text.detect import question_language
from ..text.i18n import t
from ..text.names import NAMES, TERMS
from .backends import ChatBackend, make_backend
from .citations import Citation, ocr_note
from .compose import Composer
from .evidence import shared_evidence
from .followup import record_periods, rewrite_rule_based
from .prompts import answer_messages, rewrite_messages
from .question import Question, understand
from .reader import Reader, Reading, Thresholds
from .types import Answer, Event
from .verify import verify

log = logging.getLogger(__name__)

SEARCH_K = 8  # passages read for evidence (the answer cites only those that carry its facts)


class Assistant:
    """Everything the app and the command lines need to answer a question."""

    def __init__(self, settings: Settings, retriever: Retriever, backend: Optional[ChatBackend] = None,
                 backend_name: Optional[str] = None):
        self.settings = settings
        self.retriever = retriever
        self.embedder = retriever.store.embedder
        name = backend_name or settings.backend
        self.backend = backend if backend is not None else make_backend(name, settings)
        self.backend_name = getattr(self.backend, "name", None) or "extractive"
        self.evidence = shared_evidence(retriever.mirror, self.embedder, has_term=retriever.keyword.has_term)
        self.reader = Reader(self.evidence, Thresholds(min_sim=settings.refusal_threshold,
                                                                  min_score=settings.refusal_threshold + 0.15,
                                                                  max_unseen=settings.refusal_unseen_weight))
        self.composer = Composer(retriever.mirror, self.evidence.lines)
        self.today: Optional[dt.date] = None  # the day statuses are judged on (None: today)

    def warm_up(self, serving: bool = True) -> Assistant:
        """Load the models and the record's inventory. ``serving`` (the app, ``rag chat``): also embed every
        line of a record of ordinary size now, so no question waits for it; a one-question process
        (``rag ask``) embeds only the lines its question reads."""
        self.embedder.warm_up()
        self.retriever.warm_up()
        self.evidence.warm_up(embed_lines=serving)
        self.register()
        return self

    def register(self) -> Optional[Register]:
        """The register's agreements (all an answer reads of it), without the rest of a large record's register."""
        try:
            return current_agreements(self.retriever.mirror)
        except Exception as exc:  # the register is a help for agreements, never a reason not to answer
            log.warning("the register of the record could not be built (%s); answering without it", exc)
            return None

    # --- public ------------------------------------------------------------------------------
    def ask(self, question: str, history: Optional[list[dict]] = None, filters: Optional[Filters] = None) -> Answer:
        final = None
        for ev in self.stream(question, history, filters):
            if ev.kind == "final":
                final = ev.answer
        assert final is not None
        return final

    def stream(self, question: str, history: Optional[list[dict]] = None,
               filters: Optional[Filters] = None) -> Iterator[Event]:
        t0 = time.perf_counter()
        lang = question_language(question)
        rewritten = self.rewrite(question, history or [], lang)
        if rewritten:
            yield Event("rewritten", rewritten)
        query = rewritten or question
        q = understand(query, lang)
        hits = self.retriever.search(search_text(q), k=max(self.settings.top_k, SEARCH_K), filters=filters,
                                     query_lang=lang)
        timings = {"retrieval_ms": round((time.perf_counter() - t0) * 1000, 1)}
        reading = self.read(q, hits, filters)
        timings["reading_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        if reading.refused:
            ans = self.refusal(question, q, reading, hits, rewritten)
            yield Event("token", ans.answer)
            ans.timings = timings | {"total_ms": round((time.perf_counter() - t0) * 1000, 1)}
            yield Event("final", answer=ans)
            return
        model_writes = lang in [x.strip() for x in self.settings.llm_languages.split(",")]
        if self.backend is None or not model_writes:
            ans = self.composer.answer(reading, question, "extractive")
            ans.rewritten_question = rewritten
            if self.backend is not None:  # e.g. Lao: the answer is written from the tables, not by the model
                ans.fallback_from = self.backend_name
            yield Event("token", ans.answer)
            timings["first_token_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        else:
            ans = None
            for ev in self._generate(question, q, reading, model_hits(reading, hits, self.settings.top_k), t0, timings):
                if ev.kind == "final":
                    ans = ev.answer
                else:
                    yield ev
            ans.rewritten_question = rewritten
        ans.kind = q.kind
        ans.timings = timings | {"total_ms": round((time.perf_counter() - t0) * 1000, 1)}
        ans.ocr_note = ocr_note(ans.citations, lang, self.settings.ocr_low_confidence)  # issue 16: scans
        yield Event("final", answer=ans)

    def understand(self, question: str) -> Question:
        return understand(question)

    def read(self, q: Question, hits: list[Hit], filters: Optional[Filters] = None) -> Reading:
        """The evidence for ``q`` in ``hits`` (and, within ``filters``, the rest of the record): facts,
        items or status, or why the record does not answer."""
        qvec = self.embedder.encode_queries([q.text])[0]
        return self.reader.read(q, hits, qvec, self.register(), self.today, filters)

    def rewrite(self, question: str, history: list[dict], lang: str) -> Optional[str]:
        if not history:
            return None
        rule = rewrite_rule_based(question, history, record_periods(self.retriever.mirror.passages()))
        if rule is None or self.backend is None:
            return rule
        try:
            out = "".join(self.backend.stream(rewrite_messages(question, history), 64)).strip().split("\n")[0]
        except Exception as exc:  # a model failure must not stop the answer
            log.warning("model rewrite failed (%s); using the rule-based rewrite", exc)
            return rule
        return out if out and question_language(out) == lang else rule

    # --- refusal -----------------------------------------------------------------------------
    def refusal(self, question: str, q: Question, reading: Reading, hits: list[Hit],
                rewritten: Optional[str]) -> Answer:
        closest = [Citation.from_hit(i + 1, h) for i, h in enumerate(hits[:3])]
        text = f"{refusal_reason(q, reading)} {t('answer_refusal', q.lang)}".strip()
        ans = Answer(question, q.lang, text, True, self.backend_name, [], rewritten, [], closest)
        ans.kind = q.kind
        ans.reason = reading.reason
        return ans

    # --- the model path ------------------------------------------------------------------------
    def verify(self, question: str, lang: str, raw: str, given: list[Hit]) -> Optional[Answer]:
        """A model's text, checked sentence by sentence against the passages it cites."""
        return verify(question, lang, raw, given, self.embedder, self.settings.support_threshold, self.backend_name)

    def _generate(self, question: str, q: Question, reading: Reading, hits: list[Hit], t0: float,
                  timings: dict) -> Iterator[Event]:
        messages, given = answer_messages(self.backend, question, q.lang, hits, self.settings.llm_max_tokens)
        pieces = []
        for piece in self.backend.stream(messages, self.settings.llm_max_tokens):
            if not pieces:
                timings["first_token_ms"] = round((time.perf_counter() - t0) * 1000, 1)
            pieces.append(piece)
            yield Event("token", piece)
        ans = self.verify(question, q.lang, "".join(pieces).strip(), given)
        if ans is None:
            yield Event("reset")
            ans = self.composer.answer(reading, question, "extractive")
            ans.fallback_from = self.backend_name
            yield Event("token", ans.answer)
        yield Event("final", answer=ans)


def model_hits(reading: Reading, hits: list[Hit], k: int) -> list[Hit]:
    """The passages a model is given: those holding the evidence the reading found first, then the rest."""
    out: list[Hit] = []
    seen: set[str] = set()
    for h in [s.hit for s in reading.support] + hits:
        if h.chunk_id not in seen:
            seen.add(h.chunk_id)
            out.append(h)
    return out[:k]


def search_text(q: Question) -> str:
    """The question with the names and terms it uses written in the record's other languages too, so
    that keyword search reaches a passage in another language."""
    extra = []
    for f in q.names:
        for lang in ("vi", "lo", "en"):
            if lang != q.lang:
                extra.append(NAMES.name(f.key, lang))
    for f in q.terms:
        if f.kind in ("thing", "topic", "action"):
            for lang in ("vi", "lo", "en"):
                if lang != q.lang:
                    extra.append(TERMS.name(f.key, lang))
    extra = [e for e in dict.fromkeys(extra) if e and e.lower() not in q.text.lower()]
    return f"{q.text} ({'; '.join(extra)})" if extra else q.text


def refusal_reason(q: Question, r: Reading) -> str:
    """Why the record does not answer, in the asker's language, naming the constraint not met."""
    lang = q.lang
    reason, _, kind = r.reason.partition(":")
    if reason == "absent" and kind == "name":
        value = NAMES.name(r.value, lang)
        subject = next((TERMS.name(f.key, lang) for f in q.terms if f.key in ("memorandum", "agreement", "training",
                                                                              "seminar", "conference", "visit",
                                                                              "delegation", "working_session")), "")
        if subject:
            return t("answer_refuse_absent_name_subject", lang, subject=subject, value=value)
        return t("answer_refuse_absent_name", lang, value=value)
    if reason == "absent" and kind == "term":
        return t("answer_refuse_absent_name", lang, value=r.value)
    if reason == "absent" and kind in ("period", "when", "number"):
        return t(f"answer_refuse_absent_{kind}", lang, value=r.value)
    if reason == "unmet" and kind == "action":
        return t("answer_refuse_no_action", lang, value=TERMS.name(r.value, lang))
    if reason == "unmet" and kind == "day":
        return t("answer_refuse_day", lang, value=r.value)
    if reason == "unmet" and kind == "side":
        return t("answer_refuse_side", lang, value=NAMES.name(r.value, lang))
    if reason == "unmet" and r.value:
        value = NAMES.name(r.value, lang) if r.value in NAMES else r.value
        return t("answer_refuse_unmet", lang, value=value)
    if reason == "kind":
        return t("answer_refuse_kind", lang, what=t(f"answer_what_{q.kind}", lang))
    if reason == "planned":
        return t("answer_refuse_planned", lang)
    return ""
