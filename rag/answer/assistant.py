"""The answer service: refusal gate, extractive or model answers, citations checked in code.

The flow for one question: detect its language -> rewrite a follow-up into a standalone
question -> retrieve -> refuse when nothing relevant was found (the model is not called) ->
answer (extractive, or a language model behind :mod:`.backends`) -> check every sentence
against the passages it cites -> renumber citations -> one :class:`~.types.Answer`.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import Optional

from ..config import Settings
from ..records import Hit
from ..retrieval.filters import Filters
from ..retrieval.hybrid import Retriever
from ..text.detect import question_language
from ..text.glossary import spell_out
from ..text.i18n import t
from .backends import ChatBackend, make_backend
from .citations import Citation, ocr_note
from .extractive import extractive_answer
from .followup import record_periods, rewrite_rule_based
from .prompts import answer_messages, rewrite_messages
from .types import Answer, Event
from .verify import verify

log = logging.getLogger(__name__)


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

    def warm_up(self) -> Assistant:
        self.embedder.warm_up()
        self.retriever.warm_up()
        return self

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
        hits = self.retriever.search(query, k=self.settings.top_k, filters=filters, query_lang=lang)
        timings = {"retrieval_ms": round((time.perf_counter() - t0) * 1000, 1)}
        if not hits or self.relevance(query, lang, hits) < self.settings.refusal_threshold:
            ans = self._refusal(question, lang, hits, rewritten, self.backend_name)
            yield Event("token", ans.answer)
            ans.timings = timings | {"total_ms": round((time.perf_counter() - t0) * 1000, 1)}
            yield Event("final", answer=ans)
            return
        model_writes = lang in [x.strip() for x in self.settings.llm_languages.split(",")]
        if self.backend is None or not model_writes:
            ans = self.extractive(question, query, lang, hits)
            ans.rewritten_question = rewritten
            if self.backend is not None:  # e.g. Lao: quote the Lao passages rather than invent Lao text
                ans.fallback_from = self.backend_name
            yield Event("token", ans.answer)
            timings["first_token_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        else:
            ans = None
            for ev in self._generate(question, query, lang, hits, t0, timings):
                if ev.kind == "final":
                    ans = ev.answer
                else:
                    yield ev
            ans.rewritten_question = rewritten
        ans.timings = timings | {"total_ms": round((time.perf_counter() - t0) * 1000, 1)}
        ans.ocr_note = ocr_note(ans.citations, lang, self.settings.ocr_low_confidence)  # issue 16: scans
        yield Event("final", answer=ans)

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
    def relevance(self, query: str, lang: str, hits: list[Hit]) -> float:
        """How well the record answers: best passage similarity, lowered by words the record never uses."""
        unseen = self.retriever.keyword.unseen_fraction(spell_out(query), lang)
        return hits[0].similarity - self.settings.refusal_unseen_weight * unseen

    def _refusal(self, question: str, lang: str, hits: list[Hit], rewritten: Optional[str], backend: str) -> Answer:
        closest = [Citation.from_hit(i + 1, h) for i, h in enumerate(hits[:3])]
        return Answer(question, lang, t("answer_refusal", lang), True, backend, [], rewritten, [], closest)

    # --- answering ---------------------------------------------------------------------------
    def extractive(self, question: str, query: str, lang: str, hits: list[Hit]) -> Answer:
        ans = extractive_answer(question, query, lang, hits, self.embedder, self.settings.top_k)
        return ans if ans is not None else self._refusal(question, lang, hits, None, "extractive")

    def verify(self, question: str, lang: str, raw: str, given: list[Hit]) -> Optional[Answer]:
        """A model's text, checked sentence by sentence against the passages it cites."""
        return verify(question, lang, raw, given, self.embedder, self.settings.support_threshold, self.backend_name)

    def _generate(self, question, query, lang, hits, t0, timings) -> Iterator[Event]:
        messages, given = answer_messages(self.backend, question, lang, hits, self.settings.llm_max_tokens)
        pieces = []
        for piece in self.backend.stream(messages, self.settings.llm_max_tokens):
            if not pieces:
                timings["first_token_ms"] = round((time.perf_counter() - t0) * 1000, 1)
            pieces.append(piece)
            yield Event("token", piece)
        ans = self.verify(question, lang, "".join(pieces).strip(), given)
        if ans is None:
            yield Event("reset")
            ans = self.extractive(question, query, lang, hits)
            ans.fallback_from = self.backend_name
            yield Event("token", ans.answer)
        yield Event("final", answer=ans)
