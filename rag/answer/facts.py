"""Facts of the asked kind, read from a line: a date, a place, a count, a period, an actor, a list.

Each reader takes a scored line and the question and returns :class:`Fact` candidates with a
score (how well the fact fits the question within its line) and the span that carries it. A fact
is language-neutral (a :class:`~rag.text.when.When`, a name key, a quantity, a period) and is
written for the reader by :meth:`Fact.say` from the name and vocabulary tables and the strings
table; what no table covers (an unknown place, an activity) is quoted as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from ..text.i18n import t
from ..text.langs import DURATION_UNITS
from ..text.names import ACTOR_KINDS, NAMES, PLACE_KINDS, Found
from ..text.normalize import fold_latin
from ..text.quantities import say_quantity
from ..text.when import find_when, say_period, say_when
from .evidence import GENERIC_TERMS
from .lines import Line
from .question import Question, Slot

# Kinds of event a question may count or place: a fact about one of them comes from a line about it.
EVENT_TERMS = frozenset({"training", "seminar", "conference", "visit", "survey", "ceremony", "review", "launch",
                         "sports_exchange", "pilot"})
# The stage of a review: a first-year (interim) review and the final one are two events of one agreement. Lao
# calls both a "summing up" (ກອງປະຊຸມສະຫຼຸບ ຄັ້ງທີ 2 is the second yearly one): a line that says so may be either.
_STAGES = {"interim": re.compile(r"sơ kết|so ket|mid-?term|interim|first-year review|ໄລຍະກາງ", re.I),
           "final": re.compile(r"tổng kết|tong ket|final review|final evaluation", re.I)}
_LINE_STAGES = {**_STAGES, "final": re.compile(_STAGES["final"].pattern + "|ສະຫຼຸບ", re.I)}
_EVENT_FAMILY = {"seminar": "meeting", "conference": "meeting", "working_session": "meeting"}


def _event_kinds(keys: set[str]) -> set[str]:
    """The kinds of event named (a seminar and a conference are both meetings: one is often called the other)."""
    return {_EVENT_FAMILY.get(k, k) for k in keys if k in EVENT_TERMS or k in _EVENT_FAMILY}


def _asked_events(q: Question) -> set[str]:
    """The kinds of event the question names; a ceremony of something it also names (the medal ceremony, the
    signing ceremony) is that thing's event, whatever a line calls it."""
    keys = set(q.term_keys)
    events = _event_kinds(keys)
    if "ceremony" in events and any(f.kind in ("action", "thing") and f.key not in ("ceremony", "social_insurance",
                                                                                  "cooperation") for f in q.terms):
        events.discard("ceremony")
    return events


def other_event(line: Line, q: Question) -> bool:
    """The question names a kind of event (a seminar, a visit) and the line, with its heading, names none
    of that kind, or another stage of it (the first-year review for the final one): its date, place or
    count belongs to something else."""
    events = _asked_events(q)
    specific = events - {"meeting"}  # "the review conference": a seminar is a meeting, not the review
    return bool(events) and not (specific or events) & _event_kinds(line.term_keys | line.ctx_terms) \
        or _other_stage(line, q)


def other_action(line: Line, q: Question) -> bool:
    """The question names what was done (adjusted, published, installed) and neither the line nor its heading
    names it: a figure there counts something else ("about 40% of the pensioners" is not how much pensions
    were raised)."""
    acts = {f.key for f in q.terms if f.kind == "action"} - GENERIC_TERMS - EVENT_TERMS - {"agree", "lead", "host",
                                                                                            "in_charge"}
    return bool(acts) and not acts & (line.term_keys | line.ctx_terms)


def _other_stage(line: Line, q: Question) -> bool:
    """The question asks about a stage of a review (the final one) and the line names no such stage, or another:
    "the action plan was reviewed on 2 June" is not the final review."""
    asked = {k for k, rx in _STAGES.items() if rx.search(q.text)}
    return bool(asked) and not asked & {k for k, rx in _LINE_STAGES.items() if rx.search(line.text)}


def names_other_event(line: Line, q: Question) -> bool:
    """The question names a kind of event and the line itself names another kind (and not the asked one)."""
    events = _asked_events(q)
    own = _event_kinds(line.term_keys)
    if not events or not own:
        return False
    return not ((events - {"meeting"}) or events) & own


_PLACE_CUE = re.compile(r"(?:tại|ở|đến|sang|in|at|to|ທີ່|ຢູ່|ໄປ)\s*(?:tỉnh|thành phố|thủ đô|thị xã|the|ແຂວງ|ນະຄອນຫຼວງ|ນະຄອນ|ເມືອງ)?\s*$",
                        re.I)
ACTOR_CUE = re.compile(r"\bdo\b|làm trưởng đoàn|trưởng đoàn|chủ trì|dẫn đầu|led by|headed by|hosted|host\b|"
                        r"chaired|chủ tọa|ເປັນຫົວໜ້າ|ເປັນປະທານ|ນຳພາ|ຮັບຜິດຊອບ|ເປັນເຈົ້າພາບ", re.I)
COMPOSITE_AFTER = re.compile(r"^\s+(?:City|Provincial|Province)?\s*Social Security(?:\s+Office)?", re.I)
COMPOSITE_BEFORE = re.compile(r"(?:BHXH|Bảo hiểm xã hội)\s+(?:tỉnh|thành phố|TP\.?)?\s*$|ຫ້ອງການປະກັນສັງຄົມ\s*(?:ແຂວງ)?\s*$",
                               re.I)
_DATELINE = re.compile(r"^\s*[^\d,]{2,40},\s*(?:ngày|ວັນທີ)?\s*[\d໐-໙]", re.I)


@dataclass
class Fact:
    """One fact found in a line: ``kind``, the value, the span in the line, and how well it fits."""

    kind: str
    line: Line
    start: int
    end: int
    value: Any
    score: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.line.text[self.start : self.end]

    def say(self, lang: str, q: Optional[Question] = None, slot: Optional[Slot] = None) -> str:
        """The fact written for a reader of ``lang``."""
        if self.kind == "date":
            return say_when(self.value, lang)
        if self.kind == "period":
            return say_period(self.value[0], self.value[1], lang)
        if self.kind == "duration":
            n, unit = self.value
            words = DURATION_UNITS[unit][lang]
            return f"{n:g} {words[-1] if lang == 'en' and n == 1 else words[0]}"
        if self.kind == "count":
            unit = slot.unit if slot and slot.unit and lang == (q.lang if q else lang) else ""
            if slot and slot.unit_key == "percent":
                unit = ""
            if unit and q is not None and self.line.lang == lang and not self.value.is_amount:
                unit = unit_as_written(self.line.text, self.value, q.text[slot.start :]) or unit
            return say_quantity(self.value, lang, unit)
        if self.kind in ("place", "actor"):
            return say_names(self.value, lang, self.text)
        return self.text


_WORDS = re.compile(r"[^\W\d_]+")


def unit_as_written(text: str, qty: Any, asked: str) -> str:
    """The line's words for what a count counts, as far as the question uses them too: "143 lao động là
    công dân Lào" asked as "bao nhiêu lao động Lào" gives "lao động" (the asker's first word alone, "lao",
    would cut the unit)."""
    at = text.find(qty.number, qty.start)
    if at < 0:
        return ""
    rest = text[at + len(qty.number) : at + len(qty.number) + 60]
    words = []
    pos = 0
    for m in _WORDS.finditer(rest):
        if rest[pos : m.start()].strip():
            break  # only words that follow the number directly
        words.append(m)
        pos = m.end()
    asked_words = [fold_latin(w).lower() for w in _WORDS.findall(asked)][:12]
    best = 0
    for k in range(1, min(len(words), 5) + 1):
        probe = [fold_latin(m.group()).lower() for m in words[:k]]
        if any(asked_words[i : i + k] == probe for i in range(len(asked_words))):
            best = k
        else:
            break
    return rest[words[0].start() : words[best - 1].end()] if best else ""


def say_names(keys: list[str], lang: str, as_written: str) -> str:
    """Name keys (or composite 'org:place' keys) in ``lang``, joined; the text as written when unknown."""
    parts = []
    for key in keys:
        if key.startswith("ss:"):
            parts.append(t("answer_ss_office", lang, place=NAMES.name(key[3:], lang)))
        elif key.startswith("raw:"):
            parts.append(key[4:])
        elif key.startswith("title:"):
            title, _, org = key[6:].partition("|")
            parts.append(t("answer_title_of", lang, title=NAMES.name(title, lang), org=NAMES.name(org, lang))
                         if org else NAMES.name(title, lang))
        else:
            parts.append(NAMES.name(key, lang))
    if not parts:
        return as_written
    return t("answer_and", lang, a=", ".join(parts[:-1]), b=parts[-1]) if len(parts) > 1 else parts[0]


def distance(a: int, spans: list[tuple[int, int]]) -> int:
    if not spans:
        return 999
    return min(abs(a - s) if a >= s else s - a for s, _ in spans)


def anchors(line: Line, q: Question) -> list[tuple[int, int]]:
    """Where the question's terms and names occur in the line (to judge which fact is the asked one)."""
    qt, qn = set(q.term_keys), set(q.name_keys)
    return [(f.start, f.end) for f in line.terms if f.key in qt] + [(f.start, f.end) for f in line.names if f.key in qn]


# --- dates ------------------------------------------------------------------------------------
_DOC_REF = re.compile(r"(?:biên bản làm việc|biên bản họp|ລົງວັນທີ|\bdated\b|minutes of)\s*(?:ngày|the|of)?\s*$", re.I)
_PRECISION = {"day": 1.0, "range": 1.0, "month": 0.85, "quarter": 0.8, "end": 0.75, "year": 0.65}


def dates(line: Line, q: Question) -> list[Fact]:
    qiso = {w.iso for w in q.whens}
    spots = anchors(line, q)
    dateline = bool(_DATELINE.match(line.text)) and len(line.text) < 60
    elsewhere = other_event(line, q)
    span_of_years = _anniversary_spans(line)
    out = []
    seen = set()
    for w in line.whens:
        if w.iso in qiso or (w.iso, w.qualifier) in seen:
            continue
        if any(qw.precision == w.precision == "year" for qw in q.whens):
            continue
        seen.add((w.iso, w.qualifier))
        s = _PRECISION.get(w.precision, 0.4)
        if q.sub == "deadline":
            s += 0.5 if w.qualifier == "before" else -0.1
        elif q.sub == "until":
            s += 0.5 if w.qualifier == "until" else -0.1
        elif w.qualifier in ("before", "until"):
            s -= 0.15
        if q.sub == "actual" and w.precision == "range":
            s += 0.3
        if w.relative and not w.approximate:
            s -= 0.05
        if w.approximate:
            s -= 0.4
        s += 0.3 * (1 - min(distance(w.start, spots), 120) / 120)
        if dateline:
            s -= 0.6
        if elsewhere:
            s -= 0.3
        year = _doc_year(line)
        if year and (abs(w.year - year) > 3 or w.start in span_of_years) and w.year not in q.years:
            s -= 0.6  # "(5/9/1962 - 5/9/2024)": an anniversary's span, not the date of what the document reports
        before = _action_before(line, w.start)
        if before and before not in q.term_keys:
            s -= 0.3  # "the memorandum signed on 22/11/2022, … set up a working group on 3 April 2024": not the setting up
        if _DOC_REF.search(line.text[max(0, w.start - 40) : w.start]) and "minutes" not in q.term_keys:
            s -= 0.4  # "Biên bản làm việc ngày 15/3/2023", "ລົງວັນທີ …": the date of a document, not of an event
        out.append(Fact("date", line, w.start, w.end, w, s))
    return out


def _action_before(line: Line, at: int) -> str:
    """The nearest action named before a date (within 120 characters, no other date between): the date is that
    action's ('' when none is)."""
    prev = max((w.end for w in line.whens if w.end <= at), default=max(0, at - 120))
    acts = [f for f in line.terms if f.kind == "action" and f.key not in GENERIC_TERMS and max(prev, at - 120) <= f.start
            and f.end <= at]
    return acts[-1].key if acts else ""


def _anniversary_spans(line: Line) -> set[int]:
    """Starts of the dates inside brackets that also hold a date years away from the document's
    ("(5/9/1962 - 5/9/2024)"): both ends of an anniversary's span."""
    year = _doc_year(line)
    out: set[int] = set()
    for m in re.finditer(r"\([^()]*\)", line.text):
        inside = [w for w in line.whens if m.start() <= w.start < m.end()]
        if year and any(abs(w.year - year) > 3 for w in inside):
            out.update(w.start for w in inside)
    return out


def _doc_year(line: Line) -> int:
    m = re.match(r"(\d{4})", line.doc_date or "")
    return int(m.group(1)) if m else 0


# --- places -----------------------------------------------------------------------------------
def places(line: Line, q: Question) -> list[Fact]:
    qn = set(q.name_keys)
    wants_country = bool(re.search(r"nước nào|quốc gia nào|nuoc nao|quoc gia nao|country|ປະເທດໃດ", q.text, re.I))
    found = [f for f in line.names if f.kind in PLACE_KINDS and f.key not in qn]
    if line.cells and line.header:
        found = [f for f in found if cell_kind(line, f.start) in ("place", "")] or found
    spots = anchors(line, q)
    elsewhere = other_event(line, q)
    out = []
    i = 0
    while i < len(found):
        f = found[i]
        group = [f]
        j = i + 1
        while j < len(found) and re.fullmatch(r"\s*(?:,|và|and|ແລະ|&)?\s*(?:tỉnh|thành phố|the|ແຂວງ)?\s*",
                                              line.text[group[-1].end : found[j].start], re.I):
            group.append(found[j])
            j += 1
        i = j
        keys = [g.key for g in group if not (len(group) > 1 and g.kind == "country")]
        s = 0.5
        if _PLACE_CUE.search(line.text[max(0, f.start - 22) : f.start]):
            s += 0.5
        kinds = {NAMES.kind(k) for k in keys}
        if wants_country:
            s += 0.4 if "country" in kinds else -0.3
        elif kinds == {"country"}:
            s -= 0.15
        if elsewhere:
            s -= 0.3
        if kinds == {"country"} and not wants_country and re.match(r"\s*\(", line.text[max(0, f.start - 2) : f.start]):
            s -= 0.3  # "tại thị xã La-mam, tỉnh Xê Kông (Lào)": the bracketed country qualifies the place
        if composite_office(line, group[-1]):
            s -= 0.6  # "Đà Nẵng City Social Security" is an actor, not the place
        s += 0.3 * (1 - min(distance(f.start, spots), 120) / 120)
        out.append(Fact("place", line, group[0].start, group[-1].end, keys, s))
    # Places the table does not know, written after "tại / in / ທີ່" ("tại thành phố Đông Hà"): a place word
    # before them makes them likelier the asked place than a known name with none (the country in brackets).
    taken = [(f.start, f.end) for f in out]
    known = bool(out)
    for raw in _raw_places(line):
        if not any(raw.start < b and a < raw.end for a, b in taken) and not re.search(r"\d", raw.text):
            raw.score = 0.75 + 0.3 * (1 - min(distance(raw.start, spots), 120) / 120) if known else raw.score
            out.append(raw)
    for raw in _lao_places(line):
        if not any(raw.start < b and a < raw.end for a, b in [(f.start, f.end) for f in out]):
            out.append(raw)
    level = _asked_level(q)
    if level:  # "ເມືອງໃດ", "huyện nào", "which province": a place of that level goes first
        for f in out:
            before = line.text[max(0, f.start - 14) : f.end]
            kinds = {NAMES.kind(k) for k in f.value if not k.startswith("raw:")}
            if _LEVEL_WORDS[level].search(before) or (level in kinds and level != "district"):
                f.score += 0.4
            elif kinds and level == "district":
                f.score -= 0.2  # a known province or city is not the district asked
    if level:  # "tỉnh nào", "which city": a country is no answer ("tỉnh Lào")
        out = [f for f in out if any(NAMES.kind(k) != "country" for k in f.value)]
    only_countries = bool(out) and not wants_country and all(
        {NAMES.kind(k) for k in f.value} == {"country"} for f in out)
    if not out or only_countries:  # the place the heading or title gives ("study visit … to Đà Nẵng"), finer than a country
        around = [k for k in line.ctx_names - line.name_keys if NAMES.kind(k) in ("city", "province") and k not in qn]
        if around:
            s = max(f.score for f in out) + 0.05 if out else 0.2
            out.append(Fact("place", line, 0, 0, around[:1], s))
    return out


_RAW_PLACE = re.compile(r"(?:\btại|\bở|\bin|\bat|ທີ່|ຢູ່)\s+((?:tỉnh|thành phố|thị xã|thị trấn|huyện|quận|xã|the|ແຂວງ|ເມືອງ|ບ້ານ)?\s*"
                        r"[A-ZĐÀ-Ỹ\u0e80-\u0eff][^,;.:()\n]{1,50}?)(?=\s*(?:[,;.:()]|$)|\s+(?:và|and|để|to|for|with|trong|"
                        r"vào|on|from|ໃນ|ເພື່ອ)\s)")


def _raw_places(line: Line) -> list[Fact]:
    """Places the name table does not know, as written after "tại / in / ທີ່" (quoted, never translated)."""
    out = []
    for m in _RAW_PLACE.finditer(line.text):
        text = m.group(1).strip()
        a, b = m.start(1), m.start(1) + len(text)
        # a name that runs on past the cut ("at the Lao Ministry of Labour | and Social Welfare") is read whole
        b = max([f.end for f in line.names if a <= f.start < b < f.end] + [b])
        text = line.text[a:b]
        if find_when(text) or NAMES.find(text, kinds=ACTOR_KINDS) or len(text) < 3:
            continue
        out.append(Fact("place", line, m.start(1), m.start(1) + len(text), [f"raw:{text}"], 0.45))
    return out


_LEVEL_WORDS = {
    "district": re.compile(r"huyện|thị xã|quận|\bdistrict|ເມືອງ(?!ໃດ)", re.I),
    "province": re.compile(r"tỉnh|\bprovince|ແຂວງ", re.I),
    "city": re.compile(r"thành phố|\bcity|ນະຄອນ", re.I),
}
_ASKED_LEVEL = [("district", re.compile(r"huyện nào|thị xã nào|quận nào|which district|what district|ເມືອງໃດ", re.I)),
                ("province", re.compile(r"tỉnh nào|which province|what province|ແຂວງໃດ", re.I)),
                ("city", re.compile(r"thành phố nào|which city|what city|ນະຄອນໃດ", re.I))]
_LAO_PLACE = re.compile(r"(?:ເມືອງ|ແຂວງ|ນະຄອນ)\s?([\u0e80-\u0eff]{2,24})(?=[\s,.;:()]|$)|"
                        r"\b(?:huyện|thị xã|quận)\s+((?:[A-ZĐÀ-Ỹ][\wà-ỹ-]*)(?:\s+[A-ZĐÀ-Ỹ][\wà-ỹ-]*){0,3})|"
                        r"\b((?:[A-Z][\w-]+)(?:\s+[A-Z][\w-]+){0,2})\s+District\b")


def _asked_level(q: Question) -> str:
    return next((level for level, rx in _ASKED_LEVEL if rx.search(q.text)), "")


def _lao_places(line: Line) -> list[Fact]:
    """Districts and towns the name table does not know, with their level ("ເມືອງເຮືອງຮວາ", "huyện Hướng Hóa",
    "Hướng Hóa District"), quoted as written."""
    out = []
    for m in _LAO_PLACE.finditer(line.text):
        if NAMES.find(m.group()) or (m.group(1) or "").startswith(("ໃດ", "ນີ້", "ນັ້ນ")):
            continue
        cued = _PLACE_CUE.search(line.text[max(0, m.start() - 22) : m.start()])
        out.append(Fact("place", line, m.start(), m.end(), [f"raw:{m.group()}"], 0.95 if cued else 0.45))
    return out


def composite_office(line: Line, f: Found) -> bool:
    return bool(COMPOSITE_AFTER.match(line.text[f.end :]) or COMPOSITE_BEFORE.search(line.text[: f.start]))


def cell_kind(line: Line, at: int) -> str:
    """The kind the header gives the table cell at offset ``at`` (place, date, actor, count or '')."""
    pos = 0
    for i, cell in enumerate(line.text.split("|")):
        if pos <= at < pos + len(cell) + 1:
            head = line.header[i].lower() if i < len(line.header) else ""
            return header_kind(head)
        pos += len(cell) + 1
    return ""


def header_kind(head: str) -> str:
    head = head.lower()
    if re.search(r"địa điểm|nơi|place|location|venue|ສະຖານທີ່", head):
        return "place"
    if re.search(r"thời hạn|thời gian|ngày|deadline|date|time|when|ເວລາ|ວັນທີ|ກຳນົດ", head):
        return "date"
    if re.search(r"đơn vị|chủ trì|cơ quan|phụ trách|responsible|lead|unit|agency|ຫົວໜ່ວຍ|ຜູ້ຮັບຜິດຊອບ", head):
        return "actor"
    if re.search(r"số lượng|kinh phí|number|amount|budget|ຈຳນວນ|ງົບປະມານ", head):
        return "count"
    if re.search(r"hoạt động|nội dung|activity|content|ກິດຈະກຳ|ເນື້ອໃນ", head):
        return "activity"
    return ""
