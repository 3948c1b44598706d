"""Evidence: the lines of the retrieved passages, scored against the question and its constraints.

For each retrieved passage and each of its language versions, :class:`Evidence` takes the lines
(:mod:`.lines`) and scores them: meaning (cosine to the question), words of the question's
language, vocabulary and names shared across languages (:data:`rag.text.names.TERMS` and
``NAMES``), and the question's constraints. A constraint is met when the line, or what frames
it (its list lead, heading, table header, paragraph and document title; for time, the
document's date), names it: the names of the question (those that are not in most documents of
the record anyway), its time expressions, periods and numbers. :meth:`Evidence.unmet` says which
constraint the whole record, or the best evidence, fails — the reason a refusal gives.
"""
from __future__ import annotations

import hashlib
import logging
import math
import re
import threading
import time
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Optional

import numpy as np

from ..records import Hit
from ..retrieval.filters import Filters
from ..store.embeddings import BaseEmbedder
from ..store.kept import Kept, KeptDocuments
from ..store.mirror import CorpusMirror
from ..text.dates import find_periods
from ..text.names import NAMES
from ..text.normalize import fold_latin
from ..text.quantities import Quantity
from ..text.tokens import QUESTION_WORDS, tokenize
from ..text.when import When, find_when
from .known import best_first, day_keys, read_inventory, split_ref, unknown_names
from .lines import Line, LineIndex
from .question import PEOPLE, Question, ranks
from .scope import other_times, own_times


@dataclass
class Weights:
    """How the parts of a line's score add up (tuned on the ``tune`` half of eval/questions.jsonl)."""

    sim: float = 1.0
    lex: float = 0.35
    terms: float = 0.25
    names: float = 0.3
    whens: float = 0.2
    periods: float = 0.3
    numbers: float = 0.25
    rank: float = 0.08
    phrase: float = 0.15
    ordinal: float = 0.1  # "the next seminar": a plan; "the previous one": a report
    action: float = 0.15  # the line reports another action than the one asked about ("completed" for "launched")
    own_lang: float = 0.02
    nth: float = 0.3  # the question names one of a series ("lần thứ hai") and the line names it, or another


@dataclass
class Scored:
    """A line with its score, the hit it came from and the constraints it meets."""

    line: Line
    hit: Hit
    rank: int
    sim: float = 0.0
    score: float = 0.0
    met: dict[str, float] = field(default_factory=dict)  # constraint -> 1 in the line, 0.5 around it, 0 not
    about: bool = True  # shares one of the question's subjects (seminar, pilot …), or the question names none
    parts: dict[str, float] = field(default_factory=dict)

    @property
    def satisfied(self) -> bool:
        return all(v > 0 for v in self.met.values())

    def missing(self) -> list[str]:
        return [k for k, v in self.met.items() if v <= 0]


@dataclass(frozen=True)
class Constraint:
    """One constraint of a question: ``kind`` name, when, period or number; ``key`` its value."""

    kind: str
    key: str
    text: str
    when: Optional[When] = None
    in_period: bool = False  # a year the record names only inside a period ("2025" of "2022-2025")
    unit: str = ""  # of a number: what it counts ("3 pilot provinces": province_unit)
    own_year: bool = False  # a time of a question that asks no date: a line naming only other times is not of it


def mark_in_period(cons: list[Constraint], info: dict) -> list[Constraint]:
    """A year the record names only inside a period: lines said of that period meet it by a quarter."""
    return [replace(c, in_period=True) if c.kind == "when" and c.when is not None and c.when.year not in info["years"]
            else c for c in cons]


def constraints(q: Question, common: set[str]) -> list[Constraint]:
    """The question's constraints that discriminate (names found in most documents are not constraints)."""
    out = []
    for f in q.names:
        if f.key not in common and all(c.key != f.key for c in out):
            out.append(Constraint("name", f.key, f.text))
    for w in q.whens:
        out.append(Constraint("when", w.iso, w.text, w, own_year=w in own_times(q)))
    for p in q.periods:
        out.append(Constraint("period", f"{p.year}-{p.end_year}", p.text))
    for n in q.numbers:
        if n.unit in DURATION_UNITS:  # "5 năm hợp tác", "10 years of cooperation": a description, rarely restated
            continue
        if not n.ordinal or n.value > 3:
            out.append(Constraint("number", f"{n.value:g}", n.text, unit=n.unit))
    return out


DURATION_UNITS = frozenset({"year_unit"})
RECORD = Kept("answer-record", ("answer", "text"))
log = logging.getLogger(__name__)


_DAY_LINES = 40  # more lines than that dated one day (the extra lines' budget): a day too busy to say which document tells of it


class Evidence:
    """Scores lines of retrieved passages for a question; caches line vectors per corpus version."""

    def __init__(self, mirror: CorpusMirror, embedder: BaseEmbedder, weights: Optional[Weights] = None,
                 has_term: Optional[Callable[[str], bool]] = None):
        self.mirror = mirror
        self.has_term = has_term or (lambda term: True)
        self.embedder = embedder
        self.lines = LineIndex(mirror)
        self.weights = weights or Weights()
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self._record: Optional[tuple[str, dict]] = None
        self.extra_lines = 40  # lines added from the whole record beside those of the retrieved passages
        self._disk: Optional[KeptDocuments] = None

    def warm_up(self, max_lines: int = 20000, embed_lines: bool = True) -> Evidence:
        """Read the record's inventory and, for a record of ordinary size, embed all its lines once (a
        process that serves many questions; ``embed_lines=False`` for one that answers one question: it
        embeds only the lines it reads, with the same vectors)."""
        self.mirror.refresh()
        info = self.record()
        if embed_lines and info["n_lines"] <= max_lines:
            texts = [ln.text for d in info["docs"] for ln in self.lines.document(d) if not ln.is_heading]
            for i in range(0, len(texts), 64):
                self.vectors(texts[i : i + 64])
        return self

    # --- the whole record ------------------------------------------------------------------------
    def record(self) -> dict:
        """Per corpus version: names per document (for 'common' names), every name, year and number.
        Kept beside the node's local index (:mod:`rag.store.kept`): the next process on the same
        version reads it instead of reading every document again."""
        version = self.mirror.version or ""
        if self._record is not None and self._record[0] == version:
            return self._record[1]
        kept = RECORD.path(self.mirror.local_index().path)
        t0 = time.perf_counter()
        info = RECORD.load(kept, version, "", dict) if version else None
        if info is None:
            info = self._read_record()
            log.info("inventory of corpus version %s built in %.2f s", version, time.perf_counter() - t0)
            if version and self.mirror.version == version:
                RECORD.save(kept, info, version, "")
        else:
            log.info("inventory of corpus version %s read from %s in %.2f s", version, kept, time.perf_counter() - t0)
        self._record = (version, info)
        return info

    def _read_record(self) -> dict:
        return read_inventory(self.lines, sorted({p.doc_id for p in self.mirror.passages()}))

    def unknown_names(self, q: Question) -> list[str]:
        """Proper names of the question that neither the name table nor the record knows (:mod:`.known`)."""
        return unknown_names(q, self.record()["loose"])

    def family_terms(self, family: str) -> set[str]:
        """The vocabulary keys a document names anywhere, in any of its language versions (its title too)."""
        return self.record()["family_terms"].get(family, set())

    # --- scoring ---------------------------------------------------------------------------------
    def _kept_vectors(self) -> KeptDocuments:
        """Line vectors kept on disk beside the node's local index, by the line's text and the model: a new
        process reads the vectors of the lines it scores instead of embedding them again (seconds a question)."""
        if self._disk is None:
            self._disk = KeptDocuments("line-vectors", (), self.mirror.local_index().path)
        return self._disk

    def vectors(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if missing:
            disk = self._kept_vectors()
            key = disk.key(getattr(self.embedder, "fingerprint", "") or self.embedder.name,
                           getattr(self.embedder, "version", ""), "passage")
            ids = {t: hashlib.sha1(t.encode("utf-8", "surrogatepass")).hexdigest() for t in missing}
            found = disk.get_many(list(ids.values()), key)
            todo = [t for t in missing if ids[t] not in found]
            fresh = dict(zip(todo, self.embedder.encode_passages(todo))) if todo else {}
            if fresh:
                disk.put_many({ids[t]: np.asarray(v, dtype=np.float32) for t, v in fresh.items()}, key)
            with self._lock:
                for t in missing:
                    self._vectors[t] = np.asarray(fresh[t] if t in fresh else found[ids[t]], dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts]) if texts else np.zeros((0, 1), dtype=np.float32)

    def candidates(self, hits: list[Hit], q: Optional[Question] = None,
                   cons: Optional[list[Constraint]] = None,
                   filters: Optional[Filters] = None) -> list[tuple[Line, Hit, int]]:
        """Every line of every version of the hits, and, from the whole record (within ``filters``: the
        documents, languages and dates the asker chose), the lines that meet the question's constraints
        or share its vocabulary (whatever their language)."""
        seen: set[tuple[str, int]] = set()
        out = []
        for rank, h in enumerate(hits):
            for v in h.all_versions():
                if filters is not None and filters.active and not self._allowed(v.chunk_id, filters):
                    continue  # a language version outside the asker's documents, languages or dates
                for ln in self.lines.lines_of(v.doc_id, v.start, v.end):
                    key = (ln.doc_id, ln.start)
                    if key not in seen and not ln.is_heading:
                        seen.add(key)
                        out.append((ln, h, rank))
        if q is None:
            return out
        info = self.record()
        votes: Counter = Counter()
        idf = self.idf
        for c in cons or []:
            key = {"name": "n:", "period": "p:", "number": "q:"}.get(c.kind, "") + c.key if c.kind != "when" \
                else f"y:{c.when.year}"
            for ref in info["by_key"].get(key, ()):
                votes[ref] += 2.0
            for day in day_keys(c.when) if c.kind == "when" and c.when is not None else ():
                for ref in info["by_key"].get(day, ()):
                    votes[ref] += 1.5  # the very day asked, in whatever language the line is
                of_day = info["by_key"].get("d" + day, ())
                if len(of_day) <= _DAY_LINES:  # the documents of that day: their lines tell what happened on it
                    for ref in of_day:  # ("22 people took part" in the minutes of the meeting asked about)
                        votes[ref] += 4.0  # above a line that names the year and a word of the question
        for k in q.term_keys:
            for ref in info["by_key"].get(f"t:{k}", ()):
                votes[ref] += idf(f"t:{k}")
        extra = 0
        # at most len(seen) of them are skipped: the best len(seen) + extra_lines are enough (in the same order)
        for ref, v in best_first(votes, len(seen) + self.extra_lines):
            if extra >= self.extra_lines or v < 2.0:
                break
            ln = self._line_at(info, ref)
            if ln is None or (ln.doc_id, ln.start) in seen:
                continue
            p = self.mirror.get(ln.chunk_id)
            if p is None or (filters is not None and not filters.allows(p.meta)):
                continue
            seen.add((ln.doc_id, ln.start))
            out.append((ln, Hit(p, 0.0, versions=self.mirror.versions_of(p)), len(hits)))
            extra += 1
        return out

    def _line_at(self, info: dict, ref: int) -> Optional[Line]:
        doc_no, index = split_ref(ref)
        doc = self.lines.document(info["docs"][doc_no])
        return doc[index] if index < len(doc) else None

    def _allowed(self, chunk_id: str, filters: Filters) -> bool:
        p = self.mirror.get(chunk_id)
        return p is not None and filters.allows(p.meta)

    def unseen_share(self, q: Question) -> float:
        """Share of the question's own words that the record never uses, in any language: words the
        vocabulary table maps to a concept the record has count as seen (a Lao word for a thing the
        record names only in Vietnamese is not unknown); question words, names and dates do not count.
        Vietnamese is judged by compound words ("lương_cơ_sở"), English with its plural and past forms."""
        info = self.record()
        covered = [(f.start, f.end) for f in q.terms if f.key in info["terms"]]
        text = "".join(" " if any(a <= i < b for a, b in covered) else c for i, c in enumerate(q.text))
        if q.lang == "vi" and not q.toneless:  # with tone marks: "lương" is not "lượng"
            taken = [(f.start, f.end) for f in q.names] + [(w.start, w.end) for w in q.whens]
            plain = "".join(" " if any(a <= i < b for a, b in taken) else c for i, c in enumerate(text))
            own = [w.lower() for w in re.findall(r"[^\W\d_]+", plain)]
            own = [w for w in own if fold_latin(w) not in QUESTION_WORDS and fold_latin(w) not in _VI_ASKING]
            if own:
                # a word typed without marks in a marked question (a follow-up joined to its subject) is
                # judged as typed: "dan dau" is "dẫn đầu"
                return sum(1 for w in own if w not in info["words"] and not (w == fold_latin(w) and w in
                                                                              info["folded"])) / len(own)
        left = set(tokenize(text, q.lang))
        compounds = [t for t in q.focus if "_" in t and not all(p in QUESTION_WORDS for p in t.split("_"))]
        parts = {p for c in compounds for p in c.split("_")}
        words = compounds + [t for t in q.focus if "_" not in t and t not in parts]
        if not words:
            return 0.0
        unseen = 0
        words = [w for w in words if w not in _EN_VERBS and w not in ("ເກີດຂຶ້ນ", "ມີຫຍັງ")]
        if not words:
            return 0.0
        for w in words:
            if "_" in w and not all(p in left for p in w.split("_")):
                continue  # partly a known concept
            if "_" not in w and w not in left:
                continue
            if not any(self.has_term(v) for v in _variants(w)):
                unseen += 1
        return unseen / len(words)

    def _neighbours(self, ln: Line, reach: int = 2) -> list[Line]:
        """The sentences around a line in its own paragraph (or its own list item), within ``reach``."""
        doc = self.lines.document(ln.doc_id)
        out = []
        for other in doc[max(0, ln.index - reach) : ln.index + reach + 1]:
            if other is ln or other.is_heading:
                continue
            if other.para == ln.para and other.chunk_id == ln.chunk_id and not (other.item and ln.item and
                                                                                 other.part == 0 and ln.part == 0):
                out.append(other)
            elif ln.item and other.item and other.lead == ln.lead and other.index > ln.index and other.part > 0:
                out.append(other)
        return out

    def idf(self, key: str) -> float:
        info = self.record()
        return math.log(1 + info["n_lines"] / (1 + info["df"].get(key, 0)))

    def score(self, q: Question, hits: list[Hit], qvec: np.ndarray,
              filters: Optional[Filters] = None) -> list[Scored]:
        info = self.record()
        cons = mark_in_period(constraints(q, info["common"]), info)
        cands = self.candidates(hits, q, cons, filters)
        if not cands:
            return []
        texts = [ln.text for ln, _, _ in cands]
        sims = self.vectors(texts) @ qvec
        focus = set(q.focus)
        qterms = {f.key for f in q.terms if f.kind != "unit"} | {s.unit_key for s in q.slots if s.unit_key}
        subjects = subject_terms(q)
        things = {f.key for f in q.terms if f.kind in ("thing", "topic")} - GENERIC_TERMS - _ASKED_THINGS
        # the rarest thing the question names is what singles out its event ("digital transformation" of
        # "the training in digital transformation"): the line's document must name it
        things = set(sorted(things, key=lambda k: (-self.idf(f"t:{k}"), k))[:1])
        actions = {f.key for f in q.terms if f.kind == "action"} - GENERIC_TERMS
        bigrams = question_bigrams(q)
        w = self.weights
        out = []
        for (ln, h, rank), sim in zip(cands, sims):
            s = Scored(ln, h, rank, float(sim))
            terms = sum(self.idf(f"t:{k}") for k in qterms & (ln.term_keys | ln.ctx_terms)) / \
                max(sum(self.idf(f"t:{k}") for k in qterms), 1e-6) if qterms else 0.0
            phrase = 0.0
            if ln.lang == q.lang:
                toks = set(tokenize(ln.text + " " + ln.context(), ln.lang))
                lex = len(focus & toks) / max(len(focus), 1) if focus else 0.0
                if bigrams:
                    low = ln.text.lower()
                    phrase = sum(1 for b in bigrams if b in low) / len(bigrams)
            else:  # another language: the question's words are found through the vocabulary table
                lex = 0.8 * terms
            s.sim = float(sim) + cross_offset(q.lang, ln.lang)
            s.about = not subjects or bool(subjects & (ln.term_keys | ln.ctx_terms)) or \
                any(subjects & n.term_keys for n in self._neighbours(ln))
            # every thing the question names is named somewhere in the line's document: "the training in
            # digital transformation" is not answered by a note on pension software that mentions a training
            s.about = s.about and things <= self.family_terms(ln.family)
            for c in cons:
                s.met[f"{c.kind}:{c.key}"] = self.meets(ln, h, c)
            by_kind: dict[str, list[float]] = {}
            for c in cons:
                by_kind.setdefault(c.kind, []).append(s.met[f"{c.kind}:{c.key}"])
            parts = {"sim": s.sim, "lex": lex, "phrase": phrase, "terms": terms, "rank": 1.0 / (1 + rank),
                     "own_lang": float(ln.lang == q.lang)}
            for kind, vals in by_kind.items():
                vals = [0.75 if v == 0.5 else v for v in vals]  # met around the line: nearly as good
                parts[kind + "s"] = sum(vals) / len(vals) - (0.5 if min(vals) <= 0 else 0.0)
            if actions and q.kind in ("date", "place", "count", "actor"):  # the date of one action is not another's
                own = {f.key for f in ln.terms if f.kind == "action"}
                parts["action"] = -1.0 if own and not actions & (own | ln.ctx_terms) else 0.0
            if q.ordinal in ("next", "previous") and (q.agreement or subjects):
                plan = bool(PLAN_WORDS.search(ln.text))
                parts["ordinal"] = 1.0 if plan == (q.ordinal == "next") else 0.0
            if q.ranks:  # "the second exchange": the line about the second, not the first
                own_ranks = ranks(ln.text)
                parts["nth"] = 1.0 if q.ranks & own_ranks else -1.0 if own_ranks else 0.0
            s.parts = parts
            s.score = sum(getattr(w, k, 0.0) * v for k, v in parts.items())
            out.append(s)
        out.sort(key=lambda s: -s.score)
        return out

    def meets(self, ln: Line, h: Hit, c: Constraint) -> float:
        """1 when the line names the constraint, 0.5 when what frames it does, 0 otherwise (0.25 for a year
        inside a period the line is said of)."""
        if c.kind == "name":
            if c.key in ln.name_keys or _parent_of(c.key, ln.name_keys):
                return 1.0
            if c.key in ln.ctx_names or _parent_of(c.key, ln.ctx_names) or \
                    any(c.key in n.name_keys for n in self._neighbours(ln)):
                return 0.5  # framed by it, or by one of its bodies ("Vietnam" in a news item titled "BHXH Việt Nam …")
            return 0.0
        if c.kind == "when":
            qw = c.when
            if any(qw.covers(x) and _not_coarser(x, qw) for x in ln.whens):
                return 1.0
            if c.own_year and other_times(ln, qw):
                return 0.0  # "480 triệu đồng cho năm 2024 và năm 2025", asked of 2026: not framed into it
            around = find_when(ln.context() + " " + ln.title + " " + ln.frame)
            if any(qw.covers(x) and _not_coarser(x, qw) for x in around):
                return 0.5
            if qw.precision in ("day", "range", "month") and any(
                    qw.covers(x) and _not_coarser(x, qw) for n in self._neighbours(ln) for x in n.whens):
                return 0.5  # the sentences around it date it
            if c.in_period and qw.precision == "year" and any(
                    p.end_year and p.year <= qw.year <= p.end_year
                    for p in [*ln.periods, *find_periods(ln.context() + " " + ln.title + " " + ln.frame)]):
                return 0.25  # said of a period that holds the year asked ("giai đoạn 2022-2025" for 2025): a
                # line dated in the year itself, or framed by it, goes first
            if ln.doc_date:
                doc = _doc_when(ln.doc_date)
                if doc is not None and qw.precision == doc.precision == "day" and qw.covers(doc) and \
                        not any(x.precision != "year" and not qw.covers(x) for x in ln.whens):
                    return 1.0  # an item of news dated that very day
                if doc is not None and qw.covers(doc) and qw.precision in ("year", "month", "quarter") and \
                        not any(x.precision != "year" and not qw.covers(x) for x in ln.whens):
                    return 0.5
            return 0.0
        if c.kind == "period":
            if c.key in {f"{p.year}-{p.end_year}" for p in ln.periods}:
                return 1.0
            if c.key in ln.context() or c.key in ln.title or c.key in ln.frame or \
                    any(c.key in n.text for n in self._neighbours(ln)):
                return 0.5
            return 0.0
        if c.kind == "number":
            if any(same_count(x, c) for x in ln.quantities):
                return 1.0
            if any(same_count(x, c) for other in self._neighbours(ln) for x in other.quantities):
                return 0.5
            return 0.0
        return 0.0


def same_count(x: Quantity, c: Constraint) -> bool:
    """The question's number ``c`` is the figure ``x`` of the same things: "3 provinces" is not "3 experts"
    (a figure or a number without a unit is taken as the same; people of any kind are people)."""
    return f"{x.value:g}" == c.key and (not c.unit or not x.unit or x.unit == c.unit
                                        or (x.unit in PEOPLE and c.unit in PEOPLE))


_SHARED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # mirror -> embedder id -> Evidence
_SHARED_LOCK = threading.Lock()


def shared_evidence(mirror: CorpusMirror, embedder: BaseEmbedder, has_term: Optional[Callable[[str], bool]] = None
                    ) -> Evidence:
    """The one :class:`Evidence` of a mirror and embedding model (its lines and their vectors are built once,
    whichever assistant asks)."""
    with _SHARED_LOCK:
        per = _SHARED.setdefault(mirror, {})
        key = str(id(embedder))
        ev = per.get(key)
        if ev is None:
            ev = per[key] = Evidence(mirror, embedder, has_term=has_term)
        return ev


# How much lower the cosine of a question and a sentence is when they are in different languages
# (measured on the tune half of eval/questions.jsonl: the best sentence's cosine per language pair).
CROSS_OFFSET = {frozenset(("vi", "en")): 0.07, frozenset(("vi", "lo")): 0.07, frozenset(("lo", "en")): 0.09}


def cross_offset(q_lang: str, line_lang: str) -> float:
    return 0.0 if q_lang == line_lang else CROSS_OFFSET.get(frozenset((q_lang, line_lang)), 0.08)


GENERIC_TERMS = frozenset({"social_insurance", "cooperation", "activity", "agreement", "plan", "report", "support",
                           "agree", "experience_sharing", "data", "delegation", "working_session", "complete",
                           "postpone", "documents"})


_ASKED_THINGS = frozenset({"validity", "ceremony"})  # what a status or date question asks of its subject, not it


def subject_terms(q: Question) -> set[str]:
    """What the question is about, as vocabulary keys: its things, topics and events (not the generic
    ones, units or measures)."""
    return {f.key for f in q.terms if f.kind in ("thing", "topic", "action")} - GENERIC_TERMS


PLAN_WORDS = re.compile(  # words of a plan: what will be done, next
    r"\bsẽ\b|dự kiến|\bwill\b|\bplan|tiếp theo|next|(?<!ກິດ)ຈະ(?!ແຈ້ງ)|ຄາດວ່າ|ຕໍ່ໄປ", re.I)


def question_bigrams(q: Question) -> list[str]:
    """Pairs of adjacent content words of the question, as written (lower case): "first phase"."""
    words = [w for w in re.findall(r"[^\W\d_]+", q.text.lower()) if w not in QUESTION_WORDS and len(w) > 1]
    if q.lang == "lo":
        return []
    return [f"{a} {b}" for a, b in zip(words, words[1:])]


_VI_ASKING = frozenset("la cua o tai vao nam thang ngay hien nay hom nay bao nhieu may".split())
_EN_VERBS = frozenset("""happen happened happens occur occurred take took taken place decide decided do did does done
    get got go went come came make made have had be been being there their them they it its""".split())


def _variants(word: str) -> list[str]:
    out = [word]
    for suffix in ("s", "es", "ed", "d", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)])
    return out


def _parent_of(key: str, keys: set[str]) -> bool:
    """A question naming a country is met by a line naming one of its provinces or organizations."""
    return any((NAMES.entry(k) and NAMES.entry(k).parent == key) for k in keys)


def _not_coarser(x: When, q: When) -> bool:
    order = {"day": 0, "range": 0, "month": 1, "quarter": 2, "end": 2, "year": 3}
    return order.get(x.precision, 3) <= order.get(q.precision, 3) or q.precision == "year"


def _doc_when(doc_date: str) -> Optional[When]:
    parts = (doc_date or "").split("-")
    if not parts or not parts[0].isdigit():
        return None
    y = int(parts[0])
    mo = int(parts[1]) if len(parts) > 1 else None
    d = int(parts[2]) if len(parts) > 2 else None
    return When(0, 0, doc_date, "day" if d else "month" if mo else "year", y, mo, d)
