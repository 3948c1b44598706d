"""The passages as documents and paragraph units (language versions side by side), and candidates.

A :class:`Cand` is a sentence of one passage that carries an item, with what was found in it.
An item found in several language versions is cited from the official original (:func:`rank`
puts it first) and keeps, per output language, the sentence of the version in that language
(:func:`shown_spans`), so that one register serves a briefing in any language.
"""
from __future__ import annotations

import io
import logging
import pickle
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..records import Passage
from ..text.langs import LANGS
from ..text.sentences import whole_sentences
from .model import Span

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class Cand:
    """A sentence of one passage that carries an item, with what was found in it."""

    p: Passage
    a: int  # document offsets of the sentence
    b: int
    sent: str
    value: str = ""
    evidence: str = ""
    ev_at: int = 0  # offset of the evidence in ``sent``
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.p.lang

    def span(self) -> Span:
        m = self.p.meta
        return Span(m.doc_id, self.p.id, m.lang, self.a, self.b, self.sent, self.evidence, self.ev_at, self.value,
                    m.title, m.date or "")


def rank(c: Cand) -> tuple:
    """Citation order: the official original first, then the family's own document, the oldest."""
    m = c.p.meta
    return (not m.official, m.doc_id != m.family_id, m.date or "9999", m.doc_id, m.position, c.a)


class Corpus:
    """Passages by id, by paragraph unit (family, para) and by document (in order)."""

    def __init__(self, passages: Iterable[Passage]):
        self.by_id: dict[str, Passage] = {}
        self.units: dict[tuple[str, int], list[Passage]] = defaultdict(list)
        self.docs: dict[str, list[Passage]] = defaultdict(list)
        # One order whatever order the store returned them in: documents by id, passages in order.
        for p in sorted(passages, key=lambda p: (p.doc_id, p.meta.position)):
            self.by_id[p.id] = p
            self.units[p.unit].append(p)
            self.docs[p.doc_id].append(p)
        self._sentences: dict[str, list[tuple[int, int, str]]] = {}
        self._reps: dict[str, str] = {}
        self._firsts: dict[str, list[Passage]] = {}  # family -> first passage of each of its documents (see rep_doc)
        # What each extractor read from a document on its own (document -> stage -> pickle): handed in
        # from an earlier build (``kept``) or derived by this one (``derived``, to be kept).
        self.kept: dict[str, dict[str, bytes]] = {}
        self.derived: dict[str, dict[str, bytes]] = defaultdict(dict)
        self._memos: dict[tuple[str, str], tuple[dict, int]] = {}

    def memo(self, stage: str, doc_id: str) -> dict:
        """A table of results of ``stage`` on the units of document ``doc_id`` (plain keys and values), kept
        with the document like :meth:`per_doc`; what a build adds to it is kept by :meth:`grown`."""
        found = self._memos.get((stage, doc_id))
        if found is None:
            data = self.kept.get(doc_id, {}).get(stage)
            try:
                table = pickle.loads(data) if data is not None else {}
            except Exception:  # unreadable: start it again
                table = {}
            found = self._memos[(stage, doc_id)] = (table, len(table))
        return found[0]

    def grown(self) -> dict[str, dict[str, bytes]]:
        """What this build derived, the tables it added to included (document -> stage -> pickle)."""
        for (stage, doc_id), (table, n) in self._memos.items():
            if len(table) != n:
                self.derived[doc_id][stage] = pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)
        return self.derived

    def per_doc(self, derive: Callable[[Corpus, str], T], doc_id: str) -> T:
        """What an extractor reads from document ``doc_id`` alone with ``derive`` (its name names what is kept): as
        kept from an earlier build on exactly these passages, else ``derive(self, doc_id)`` (noted in
        :attr:`derived`, as it was then: later changes by the caller are not kept). Passages are kept by id and
        found again in this corpus."""
        stage = derive.__name__
        data = self.kept.get(doc_id, {}).get(stage)
        if data is not None:
            try:
                unpickler = pickle.Unpickler(io.BytesIO(data))
                unpickler.persistent_load = self.by_id.__getitem__  # type: ignore[assignment]
                return unpickler.load()
            except Exception as exc:  # unreadable: derive it again
                log.warning("kept %s of %s could not be read (%s): reading the document again", stage, doc_id, exc)
        value = derive(self, doc_id)
        buf = io.BytesIO()
        pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.persistent_id = lambda obj: obj.id if isinstance(obj, Passage) else None  # type: ignore[assignment]
        pickler.dump(value)
        self.derived[doc_id][stage] = buf.getvalue()
        return value

    def sentences(self, p: Passage) -> list[tuple[int, int, str]]:
        """Whole sentences of a passage, with document offsets."""
        if p.id not in self._sentences:
            base = p.meta.start
            self._sentences[p.id] = [(base + s.start, base + s.end, p.text[s.start : s.end])
                                     for s in whole_sentences(p.text)]
        return self._sentences[p.id]

    def rep_doc(self, family: str) -> str:
        """The document a family is cited from: its official original (else the family's own id)."""
        if family not in self._reps:
            if not self._firsts:  # the documents by family, once: a pass over every document per family grew
                for ps in self.docs.values():  # with the square of the record
                    if ps:
                        self._firsts.setdefault(ps[0].meta.family_id, []).append(ps[0])
            firsts = self._firsts.get(family, [])
            self._reps[family] = min(firsts, key=lambda p: (not p.meta.official, p.doc_id != p.meta.family_id,
                                                            p.doc_id)).doc_id
        return self._reps[family]


def pick(cands: Sequence[Cand], lang: str) -> Cand:
    """The candidate to show in ``lang``: the cited one if it is in ``lang``, else the version in
    ``lang`` of the same paragraph, else of the same document family, else the cited one."""
    primary = min(cands, key=rank)
    if primary.lang == lang:
        return primary
    same_unit = [c for c in cands if c.lang == lang and c.p.unit == primary.p.unit]
    same_family = [c for c in cands if c.lang == lang and c.p.meta.family_id == primary.p.meta.family_id]
    return min(same_unit or same_family or [primary], key=rank)


def shown_cands(cands: Sequence[Cand]) -> dict[str, Cand]:
    """Output language -> the candidate of the version in that language that has the item."""
    return {lang: c for lang in LANGS if (c := pick(cands, lang)).lang == lang}


def shown_spans(cands: Sequence[Cand]) -> dict[str, Span]:
    """Output language -> span of the version in that language that has the item (for each such language)."""
    return {lang: c.span() for lang, c in shown_cands(cands).items()}
