"""The extractive answerer: the sentences of the retrieved passages that best answer the question."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..records import Hit
from ..store.embeddings import BaseEmbedder
from ..text.dates import find_dates
from ..text.glossary import spell_out
from ..text.guard import safe_sentences
from ..text.i18n import t
from ..text.tokens import QUESTION_WORDS, tokenize
from .citations import Citation, Highlight
from .patterns import NUMBER, WHEN
from .types import Answer


@dataclass
class Sentence:
    """A sentence of a retrieved passage, in the question's language where a version has it."""

    rank: int  # the hit it comes from
    text: str
    doc_id: str
    lang: str
    start: int  # offsets into its document
    end: int


def sentence_pool(hits: list[Hit], lang: str, top_k: int) -> list[Sentence]:
    """Sentences of the top passages, in the question's language where a version exists."""
    pool = []
    for rank, h in enumerate(hits[:top_k]):
        v = h.version_in(lang) or h.own_version()
        for s in safe_sentences(v.text):  # none of a passage that holds an instruction (rag.text.guard)
            body = v.text[s.start : s.end]
            if len(body) >= 12:
                pool.append(Sentence(rank, body, v.doc_id, v.lang, v.start + s.start, v.start + s.end))
    return pool


def extractive_answer(question: str, query: str, lang: str, hits: list[Hit], embedder: BaseEmbedder,
                      top_k: int) -> Answer | None:
    """One or two sentences quoted from the passages, cited; None when there is nothing to quote."""
    pool = sentence_pool(hits, lang, top_k)
    if not pool:
        return None
    qvec = embedder.encode_queries([query])[0]
    svecs = embedder.encode_passages([s.text for s in pool])
    qtok = {w for w in tokenize(spell_out(query), lang) if not w.isdigit()} - QUESTION_WORDS
    qnums = set(NUMBER.findall(query))
    wants_date = bool(WHEN.search(query))
    sims = [float(v @ qvec) for v in svecs]

    def has_date(i: int) -> bool:
        return bool(find_dates(pool[i].text, hits[pool[i].rank].meta.date))

    scores = []
    for i, s in enumerate(pool):
        lex = len(qtok & set(tokenize(s.text, lang))) / max(len(qtok), 1)
        nums = len(qnums & set(NUMBER.findall(s.text))) / max(len(qnums), 1) if qnums else 0.0
        date = 1.0 if wants_date and has_date(i) else 0.0
        # Retrieval already weighed dense, keyword and cross-language evidence: trust its order.
        scores.append(sims[i] + 0.15 * lex + 0.02 * nums + 0.06 * date - 0.02 * s.rank)
    order = np.argsort(scores)[::-1]
    best = scores[order[0]]
    chosen = [i for i in order[:3] if scores[i] >= best - 0.05][:2]
    if wants_date and not any(has_date(i) for i in chosen):
        # A "when" question deserves a dated sentence: add the best one that is close enough.
        chosen += [i for i in order if has_date(i) and scores[i] >= best - 0.12][:1]
    cites: dict[int, Citation] = {}
    parts = []
    # The sentence closest in meaning to the question comes first and is cited [1].
    for i in sorted(chosen, key=lambda i: -sims[i]):
        s = pool[i]
        c = cites.get(s.rank)
        if c is None:
            c = cites[s.rank] = Citation.from_hit(len(cites) + 1, hits[s.rank])
        c.highlights.append(Highlight(s.doc_id, s.lang, s.start, s.end, s.text))
        note = f" {t('answer_quoted', lang)}" if s.lang != lang else ""
        parts.append(f"{s.text.rstrip()}{note} [{c.n}]")
    return Answer(question, lang, " ".join(parts), False, "extractive", list(cites.values()))
