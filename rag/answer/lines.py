"""Documents as lines with their context: headings, list leads, table headers, dates, names, terms.

A :class:`Line` is one sentence (or list item, or table row) of a stored document, with document
offsets, the heading it sits under, the line that introduces its list ("… gồm:", "II. PHƯƠNG
HƯỚNG NĂM 2025"), the header of its table row, and what it holds: time expressions, quantities,
periods, names and vocabulary keys (all language-neutral). :class:`LineIndex` builds the lines of
a document once per corpus version from the corpus mirror and hands out those of a retrieved
passage, so an answer can join an item to its lead or a sentence to the date two paragraphs up.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Optional

from ..records import Passage
from ..store.kept import KeptDocuments
from ..store.mirror import CorpusMirror
from ..text.dates import DateMention, find_periods
from ..text.guard import flag
from ..text.names import CONTENT_KINDS, NAMES, TERMS, Found
from ..text.quantities import Quantity, find_quantities
from ..text.sentences import sentences
from ..text.when import When, find_when

_ITEM = re.compile(r"^\s*(?:[-–•*+]|\(?\d{1,2}[.)]|\(?[a-zđ][.)]|\(?[ກ-ຮ][.)]|\(?[໐-໙]{1,2}[.)])\s+", re.I)
_HEAD_NUM = re.compile(r"^\s*(?:[IVX]{1,5}|\d{1,2}|[A-Z])[.)]\s+\S")
_CELL = re.compile(r"\s*\|\s*")


@dataclass
class Line:
    """A sentence, list item or table row of a document, with its context and what it holds."""

    doc_id: str
    chunk_id: str
    lang: str
    start: int  # document offsets
    end: int
    text: str
    index: int  # position among the document's lines
    para: int
    family: str
    official: bool
    doc_date: str
    title: str
    heading: str = ""
    lead: str = ""  # the line introducing the list this item belongs to
    item: bool = False
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    is_heading: bool = False
    whens: list[When] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    periods: list[DateMention] = field(default_factory=list)
    names: list[Found] = field(default_factory=list)
    terms: list[Found] = field(default_factory=list)
    ctx_names: set[str] = field(default_factory=set)  # names of the line, its lead, heading, header and title
    ctx_terms: set[str] = field(default_factory=set)
    frame: str = ""  # for a list item: the paragraph of the line that introduces its list
    marker: str = ""  # list marker kind of an item: digit, latin, lao, bullet
    part: int = 0  # sentence number within its line (an item's first sentence is 0)
    row: int = 0  # the line of text (paragraph line) it comes from: its sentences share it

    @property
    def name_keys(self) -> set[str]:
        return {f.key for f in self.names}

    @property
    def term_keys(self) -> set[str]:
        return {f.key for f in self.terms}

    def context(self) -> str:
        """The words around the line that qualify it: its heading, list lead and table header."""
        return " ".join(x for x in (self.heading, self.lead, " | ".join(self.header)) if x)


def _is_heading(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > 100 or t[-1] in ".;:,":
        return False
    letters = [c for c in t if c.isalpha()]
    upper = letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(letters) > 3
    numbered = _HEAD_NUM.match(t) and len(t.split()) <= 7 and not find_when(t)
    return bool(upper or numbered or t.startswith("#"))


# "Thứ nhất, … Thứ hai, …", "First, … Second, …", "ທີໜຶ່ງ, … ທີສອງ, …": a list written as sentences
_ENUM_FIRST = re.compile(r"^\s*(?:thứ nhất|một là|first(?:ly)?|ທີໜຶ່ງ|ປະການທີໜຶ່ງ|ປະການທີ\s*1)\s*[,:]", re.I)
_ENUM_NEXT = re.compile(r"^\s*(?:thứ (?:hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(?:hai|ba|bốn|năm|sáu) là|"
                        r"second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|finally|lastly|cuối cùng|"
                        r"ທີ(?:ສອງ|ສາມ|ສີ່|ຫ້າ|ຫົກ)|ປະການທີ\s*(?:ສອງ|ສາມ|ສີ່|ຫ້າ|[2-9])|ສຸດທ້າຍ)\s*[,:]", re.I)
_INLINE_HEAD_WORDS = re.compile(r"^((?:(?:Điều|Article|ມາດຕາ)\s+[\d໐-໙]{1,2}\.?\s+)?[^\W\d][^\n,.;:\d]{2,40}?)\s+"
                                r"([a-zđ]\)\s+\S)")
_INLINE_HEAD = re.compile(r"^((?:[IVX]{1,5}|\d{1,2})\.\s+[^\n]{3,}?)\s+((?:\d{1,2}\.|[a-zđ]\))\s+\S)")
_TRAILING_MARK = re.compile(r"^(.*\S)\s+((?:\d{1,2}|[a-zđ]|[ກ-ຮ]|[໐-໙]{1,2})[.)])\s*$")
_DANGLING = re.compile(r"^\s*(?:\d{1,2}|[a-zđ]|[໐-໙]{1,2}|[ກ-ຮ])[.)]\s*$")


def _marker(text: str) -> str:
    """The kind of list marker a line starts with: digit, latin, lao, bullet ('' when none)."""
    m = _ITEM.match(text)
    if not m:
        return ""
    g = m.group().strip().strip("().")
    if not g or g in "-–•*+":
        return "bullet"
    if g[0].isdigit() or "໐" <= g[0] <= "໙":
        return "digit"
    return "lao" if "\u0e80" <= g[0] <= "\u0eff" else "latin"


# The national motto that opens an official document, when a PDF runs it into the title and first sentence
_MOTTO = re.compile(r"^\s*(?:ສາທາລະນະລັດ\s*ປະຊາທິປະໄຕ\s*ປະຊາຊົນ\s*ລາວ\s*(?:ສັນຕິພາບ\s*ເອກະລາດ\s*ປະຊາທິປະໄຕ\s*"
                    r"ເອກະພາບ\s*ວັດທະນະຖາວອນ)?|CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM\s*(?:Độc\s+lập\s*[-–]\s*"
                    r"Tự\s+do\s*[-–]\s*Hạnh\s+phúc)?|LAO\s+PEOPLE'S\s+DEMOCRATIC\s+REPUBLIC\s*(?:Peace\s+Independence\s+"
                    r"Democracy\s+Unity\s+Prosperity)?)\s*")


def _segments(p: Passage) -> list[tuple[int, int, bool]]:
    """(start, end, forced heading) of the lines of a passage: a heading run together with the first item
    ("III. CÁC NỘI DUNG ĐÃ THỐNG NHẤT 1. BHXH …") is cut in two."""
    out = []
    for m in re.finditer(r"[^\n]+", p.text):
        a, line = m.start(), m.group()
        motto = _MOTTO.match(line)
        if motto and motto.end() < len(line):  # the state's motto run into the title: a heading of its own
            out.append((a, a + motto.end(), True))
            a, line = a + motto.end(), line[motto.end() :]
        h = _INLINE_HEAD.match(line)
        tail = _TRAILING_MARK.match(line)
        w = _INLINE_HEAD_WORDS.match(line)
        if h and not any(c.islower() for c in h.group(1)):
            out.append((a, a + len(h.group(1)), False))
            out.append((a + h.start(2), a + len(line), False))
        elif w and len(w.group(1).split()) <= 6 and w.group(1)[0].isupper() and len(line) - w.start(2) > 40:
            out.append((a, a + len(w.group(1)), True))  # "Nội dung cụ thể a) Bên Việt Nam …": heading, then item a
            out.append((a + w.start(2), a + len(line), False))
        elif tail and _ITEM.match(line) is None or tail and len(tail.group(1)) < 60:
            out.append((a, a + len(tail.group(1)), False))  # "2. ຂໍ້ຕົກລົງຂອງກອງປະຊຸມ ກ.": heading, then item ກ
            out.append((a + tail.start(2), a + len(line), False))
        else:
            out.append((a, a + len(line), False))
    return out


def build_lines(passages: list[Passage]) -> list[Line]:
    """The lines of one document (its passages in order)."""
    out: list[Line] = []
    heading = ""
    header: tuple[str, ...] = ()
    dangling = ""
    implicit = ""  # a lead ending with ':' whose items lost their markers (HTML lists)
    row = 0
    for p in passages:
        if flag(p.text):  # a passage that holds an instruction is withheld whole (rag.text.guard)
            continue
        m = p.meta
        base = m.start
        for a0, b0, forced in _segments(p):
            row += 1
            line_text = p.text[a0:b0]
            if _DANGLING.match(line_text):
                dangling = _marker(line_text + " x") or "digit"  # "3." at the end of a page: the next line is that item
                continue
            if "|" in line_text and line_text.count("|") >= 2:
                cells = tuple(c for c in _CELL.split(line_text.strip().strip("|")))
                is_header = not re.match(r"^\s*\d", cells[0]) and not any(find_when(c) for c in cells)
                if is_header:
                    header = cells
                out.append(Line(m.doc_id, p.id, p.lang, base + a0, base + b0, line_text, len(out), m.para,
                                m.family_id, m.official, m.date, m.title, heading, "", False, cells,
                                () if is_header else header, is_header, row=row))
                continue
            marker = _marker(line_text) or (dangling or "")
            dangling = ""
            if not marker and implicit and len(line_text) < 160 and not _is_heading(line_text):
                marker = "implicit"
            item = bool(marker)
            if marker != "bullet" and (forced or _is_heading(line_text)):
                item = False
                heading = line_text.strip().lstrip("#").strip()
                out.append(Line(m.doc_id, p.id, p.lang, base + a0, base + b0, line_text, len(out), m.para,
                                m.family_id, m.official, m.date, m.title, heading, "", is_heading=True, row=row))
                continue
            lead = (implicit if marker == "implicit" else _lead_for(out, marker)) if item else ""
            if marker == "implicit" and line_text.rstrip().endswith("."):
                implicit = ""
            mk = _ITEM.match(line_text) if item else None
            skip = mk.end() if mk else 0
            spans = _joined([(a0 + skip + s.start, a0 + skip + s.end) for s in sentences(line_text[skip:], lao_clauses=False)],
                            p.text)
            if spans and skip:
                spans[0] = (a0, spans[0][1])
            for part, (a, b) in enumerate(spans):
                text = p.text[a:b]
                ln = Line(m.doc_id, p.id, p.lang, base + a, base + b, text, len(out), m.para, m.family_id,
                          m.official, m.date, m.title, heading, lead, item)
                ln.marker, ln.part, ln.row = marker, part, row
                out.append(ln)
            if not item:
                last = out[-1].text.strip() if out and out[-1].chunk_id == p.id else ""
                implicit = last if last.endswith(":") else ""
    for ln in out:
        if ln.item and ln.lead:
            lead = next((x for x in reversed(out[: ln.index]) if x.text.strip() == ln.lead), None)
            if lead is not None:  # the lead and what precedes it on its own line of text
                ln.frame = " ".join(x.text for x in out[max(0, lead.index - 4) : lead.index + 1] if x.row == lead.row)
    for ln in out:
        date = ln.doc_date or None
        ln.whens = find_when(ln.text, date)
        ln.quantities = find_quantities(ln.text, ln.lang, date)
        ln.periods = find_periods(ln.text)
        ln.names = NAMES.find(ln.text)
        ln.terms = TERMS.find(ln.text, kinds=CONTENT_KINDS)
        around = " ".join((ln.context(), ln.title, ln.frame))
        ln.ctx_names = ln.name_keys | NAMES.keys(around)
        ln.ctx_terms = ln.term_keys | TERMS.keys(around, kinds=("thing", "action", "topic", "measure"))
    return out


# "Law No. 41/2024/QH15", "Art. 5", "Số. 12": an abbreviation's full stop before a number ends no sentence
_ABBR_END = re.compile(r"\b(?:No|Nos|Nr|Art|Ref|Số|số)\.$")


def _joined(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and _ABBR_END.search(text[out[-1][0] : out[-1][1]]) and text[a : a + 1].isdigit():
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _lead_for(lines: list[Line], marker: str) -> str:
    """The line introducing an item with ``marker``: the nearest earlier line ending with ':' that is not
    an item of the same kind, else the heading it sits under."""
    for ln in reversed(lines[-40:]):
        if ln.is_heading:
            return ln.text.strip()
        if ln.item and ln.marker == marker:
            continue
        if ln.text.rstrip().endswith(":"):
            return ln.text.strip()
    return ""


class LineIndex:
    """The lines of each document at the mirror's current version, built on first use.

    The ``keep`` documents used last are kept (a large record is not held in memory as lines: the
    answer layer's inventory refers to lines by document and position, see :mod:`.evidence`)."""

    def __init__(self, mirror: CorpusMirror, keep: int = 4096, on_disk: bool = True):
        self.mirror = mirror
        self.keep = keep
        self._docs: OrderedDict[str, tuple[tuple[str, ...], list[Line]]] = OrderedDict()
        self._lock = threading.Lock()
        self.on_disk = on_disk
        self._kept: Optional[KeptDocuments] = None

    def kept(self) -> KeptDocuments:
        """The lines of each document kept on disk beside the node's local index (opened on first use)."""
        if self._kept is None:
            self._kept = KeptDocuments("answer-lines", ("answer", "text"), self.mirror.local_index().path)
        return self._kept

    def _built(self, doc_id: str, passages: list[Passage]) -> list[Line]:
        """The lines of these passages of ``doc_id``: as kept on disk for exactly these passages, else built
        (and kept)."""
        if not self.on_disk or not passages:
            return build_lines(passages)
        kept = self.kept()
        key = kept.key(*(f"{p.id}\x00{p.text}\x00{p.meta!r}" for p in passages))
        lines = kept.get(doc_id, key)
        if lines is None:
            lines = build_lines(passages)
            kept.put(doc_id, key, lines)
        return lines

    def document(self, doc_id: str) -> list[Line]:
        passages = self.mirror.document(doc_id)
        ids = tuple(p.id for p in passages)
        with self._lock:
            cached = self._docs.get(doc_id)
            if cached is not None and cached[0] == ids:
                self._docs.move_to_end(doc_id)
                return cached[1]
        lines = self._built(doc_id, passages)
        with self._lock:
            self._docs[doc_id] = (ids, lines)
            self._docs.move_to_end(doc_id)
            while len(self._docs) > self.keep:
                self._docs.popitem(last=False)
        return lines

    def read(self, doc_id: str) -> list[Line]:
        """The lines of ``doc_id``, from the kept ones or from disk, or built (and kept on disk, not in
        memory: a pass over the whole record)."""
        with self._lock:
            cached = self._docs.get(doc_id)
        passages = self.mirror.document(doc_id)
        if cached is not None and cached[0] == tuple(p.id for p in passages):
            return cached[1]
        return self._built(doc_id, passages)

    def lines_of(self, doc_id: str, start: int, end: int) -> list[Line]:
        """The lines of ``doc_id`` inside the document span [start, end)."""
        return [ln for ln in self.document(doc_id) if ln.start >= start and ln.end <= end]

    def near(self, line: Line, before: int = 3, after: int = 0) -> list[Line]:
        doc = self.document(line.doc_id)
        return doc[max(0, line.index - before) : line.index + after + 1]

    def item_block(self, line: Line) -> list[Line]:
        """The list items that share ``line``'s lead (consecutive), or the table rows under its header."""
        doc = self.document(line.doc_id)
        if line.cells:
            return [ln for ln in doc if ln.header == line.header and ln.cells and not ln.is_heading]
        if not line.item:
            return []
        block = [line]
        i = line.index - 1
        while i >= 0 and doc[i].item and doc[i].lead == line.lead:
            block.insert(0, doc[i])
            i -= 1
        i = line.index + 1
        while i < len(doc) and doc[i].item and doc[i].lead == line.lead:
            block.append(doc[i])
            i += 1
        return [ln for ln in block if ln.part == 0 and ln.marker == line.marker]

    def enumerated(self, line: Line) -> tuple[list[Line], Optional[Line]]:
        """The sentences of a list written as "Thứ nhất, … Thứ hai, …" that ``line`` opens, leads or belongs to,
        and the sentence before them (its lead); ([], None) when there is no such list."""
        doc = self.document(line.doc_id)
        i = line.index
        if i + 1 < len(doc) and _ENUM_FIRST.match(doc[i + 1].text):
            i += 1
        while i > 0 and not _ENUM_FIRST.match(doc[i].text) and _ENUM_NEXT.match(doc[i].text):
            i -= 1
        if not _ENUM_FIRST.match(doc[i].text):
            return [], None
        block = [doc[i]]
        for ln in doc[i + 1 : i + 12]:
            if not _ENUM_NEXT.match(ln.text):
                break
            block.append(ln)
        if len(block) < 2:
            return [], None
        return block, (doc[i - 1] if i > 0 and not doc[i - 1].is_heading else None)

    def lead_line(self, line: Line) -> Optional[Line]:
        """The line that introduces ``line``'s list (its lead sentence, else its heading)."""
        if not line.lead:
            return None
        doc = self.document(line.doc_id)
        for ln in reversed(doc[: line.index]):
            if ln.text.strip() == line.lead:
                return ln
        return None
