"""Writing a reading as an answer: the asked fact first, in the asker's language, then its source.

The first sentence states the fact. In Vietnamese and Lao, which put question words where the
answer goes, the question itself becomes the answer ("… được ký khi nào?" -> "… được ký ngày
22/11/2022 [1]."); otherwise, and in English, a per-kind phrasing of the strings table holds the
fact ("Date: 22 November 2022 [1]."). Facts are written for the reader's language (dates,
numbers with their units, places and organizations through the name table); the source sentence
follows, quoted from the version in the reader's language when the record has one, else quoted
in its own language and marked so. Lists are one cited item per line. Nothing is written that
neither the tables nor the record say.
"""
from __future__ import annotations

import re
from typing import Optional

from ..records import Passage, Version
from ..retrieval.filters import Filters
from ..store.mirror import CorpusMirror
from ..text.i18n import lang_name, t
from ..text.names import NAMES, PLACE_KINDS, TERMS
from ..text.normalize import fold_latin
from ..text.when import When, say_when
from .citations import Citation, Highlight
from .facts import Fact
from .items import gist, inline_items, item_text, statement
from .lines import Line, LineIndex
from .question import Question, Slot
from .reader import Reading
from .types import Answer

_ECHO = {
    "vi": {
        "date": r"(?:vao |trong )?(?:tu ngay nao den ngay nao|thoi gian nao|thoi diem nao|khi nao|bao gio|luc nao|ngay nao|"
                r"hom nao|nam nao|thang nao|thang may|ngay may|quy nao|quy may)",
        "place": r"(?:o|tai) dau(?: vay)?|noi nao|dia diem nao|(?:tinh|thanh pho|nuoc|quoc gia) nao",
        "count": r"bao nhieu(?: tien)?|\bmay\b|thu may",
        "period": r"giai doan nao|thoi ky nao",
        "actor": r"(?:co quan|don vi|to chuc|bo|ben|doan|uy ban|vu|ban|trung tam) nao|\bai\b",
    },
    "lo": {
        "date": r"(?:ແຕ່\s*)?ວັນທີເທົ່າໃດ\s*ຫາ\s*ວັນທີເທົ່າໃດ|ວັນທີເທົ່າໃດ|ວັນທີໃດ|ວັນໃດ|ເດືອນໃດ|ແຕ່ປີໃດ|ປີໃດ|ເມື່ອໃດ|"
                r"ໃນໄຕມາດໃດ|ໄຕມາດໃດ|ໃນໄຕມາດທີເທົ່າໃດ|ໄຕມາດທີເທົ່າໃດ",
        "place": r"ຢູ່ໃສ|ທີ່ໃດ|ບ່ອນໃດ|ແຂວງໃດ|ເມືອງໃດ|ປະເທດໃດ|ນະຄອນໃດ",
        "count": r"ຄັ້ງທີເທົ່າໃດ|ຈັກ|ເທົ່າໃດ",
        "period": r"ໄລຍະປີໃດ|ໄລຍະໃດ",
        "actor": r"ໃຜ|(?:ອົງການ|ຫົວໜ່ວຍ|ຄະນະກຳມະການ|ກະຊວງ|ຝ່າຍ|ກົມ)ໃດ",
    },
}
_TRAILING = re.compile(r"[\s?？!.]*(?:vậy|thế|nhỉ|ạ|vay|the|nhi|ເດ|ແດ່)?[\s?？!.]*$", re.I)
_LEADING = re.compile(r"^\s*(?:còn|vậy còn|thế còn|vậy|con|ແລ້ວ)\s+", re.I)
_EN_PREP = {"day": "on ", "range": "on ", "month": "in ", "quarter": "in ", "year": "in ", "end": "at "}


class Composer:
    """Answers from readings, with citations numbered in the order they first appear."""

    def __init__(self, mirror: CorpusMirror, lines: LineIndex, filters: Optional[Filters] = None):
        self.mirror = mirror
        self.lines = lines
        self.filters = filters  # set on a per-answer copy: versions outside them are neither shown nor cited

    def _allowed(self, p: Passage) -> bool:
        return self.filters is None or self.filters.allows(p.meta)

    # --- citations --------------------------------------------------------------------------------
    def _cite(self, cites: dict, ln: Line) -> Citation:
        p = self.mirror.get(ln.chunk_id)
        fam = p.meta.family_id if p else ln.family
        key = (fam, ln.para) if p is not None and self.mirror.has_versions(fam) else (ln.chunk_id, -1)
        c = cites.get(key)
        if c is None:
            rep, versions = self._passage(p, key[1] >= 0)
            c = cites[key] = Citation.of(len(cites) + 1, rep, versions)
        if all(h.start != ln.start or h.doc_id != ln.doc_id for h in c.highlights):
            c.highlights.append(Highlight(ln.doc_id, ln.lang, ln.start, ln.end, ln.text))
        return c

    def _passage(self, p: Passage, grouped: bool) -> tuple[Passage, list[Version]]:
        if not grouped:
            return p, []
        unit = [x for x in self.mirror.unit(*p.unit) if self._allowed(x)] or [p]
        by_doc: dict[str, list[Passage]] = {}
        for x in unit:
            by_doc.setdefault(x.doc_id, []).append(x)
        rep_doc = min(by_doc, key=lambda d: (not by_doc[d][0].meta.official, d))
        rep = min(by_doc[rep_doc], key=lambda x: x.meta.position)
        return rep, [Version.of(ps) for d, ps in by_doc.items() if d != rep_doc]

    def in_lang(self, ln: Line, lang: str) -> Line:
        """The same sentence in the version of ``lang`` when the record has one (matched by its numbers,
        names and vocabulary), else the line itself."""
        if ln.lang == lang:
            return ln
        p = self.mirror.get(ln.chunk_id)
        if p is None or not self.mirror.has_versions(p.meta.family_id):
            return ln
        sig = _signature(ln)
        best, best_score = ln, 0.0
        for other in self.mirror.unit(*p.unit):
            if other.lang != lang or not self._allowed(other):
                continue
            for cand in self.lines.lines_of(other.doc_id, other.meta.start, other.meta.end):
                s = len(sig & _signature(cand)) / max(len(sig | _signature(cand)), 1)
                if s > best_score:
                    best, best_score = cand, s
        return best if best_score >= 0.2 else ln

    # --- the answer --------------------------------------------------------------------------------
    def answer(self, r: Reading, question: str, backend: str) -> Answer:
        if r.filters is not None and r.filters is not self.filters:
            return Composer(self.mirror, self.lines, r.filters).answer(r, question, backend)
        lang = r.q.lang
        cites: dict = {}
        if r.items:
            text = self._list(r, cites)
        elif r.status is not None:
            text = self._status(r, cites)
        elif r.facts:
            text = self._facts(r, cites)
        else:
            text = self._open(r, cites)
        return Answer(question, lang, text.strip(), False, backend, sorted(cites.values(), key=lambda c: c.n))

    def _quote(self, ln: Line, lang: str, cites: dict) -> str:
        shown = self.in_lang(ln, lang)
        c = self._cite(cites, ln)
        if shown is not ln:
            self._cite(cites, shown)
        body = shown.text.strip()
        if shown.lang != lang:
            return f"{t('answer_quote_other', lang, lang=lang_name(shown.lang, lang))} “{body}” [{c.n}]"
        return f"“{body}” [{c.n}]"

    def _facts(self, r: Reading, cites: dict) -> str:
        q, lang = r.q, r.q.lang
        markers = []
        for _, f in r.facts:
            n = self._cite(cites, f.line).n
            if n not in markers:
                markers.append(n)
        phrases = [(slot, f, self._phrase(f, slot, q)) for slot, f in r.facts]
        first = self._echo(q, phrases) or self._template(q, phrases)
        first = f"{first.rstrip(' .')} {''.join(f'[{n}]' for n in markers)}."
        quotes = []
        seen = set()
        for _, f in r.facts:
            if id(f.line) not in seen:
                seen.add(id(f.line))
                quotes.append(self._quote(f.line, lang, cites))
        return first + "\n" + "\n".join(quotes)

    def _phrase(self, f: Fact, slot: Slot, q: Question) -> str:
        lang = q.lang
        text = f.say(lang, q, slot)
        if f.kind == "count" and f.value.ordinal and not any(g.kind == "date" for g in q.slots):
            w = next((x for x in f.line.whens if not x.relative and x.precision != "year"), None)
            if w is not None:
                text = f"{text} ({say_when(w, lang, qualified=False)})"
        if f.kind == "date" and not any(g.kind == "place" for g in q.slots) and not q.names:
            place = next((p for p in _places_near(f) if p), None)
            if place:
                text = f"{text} {t('answer_at_place', lang, place=NAMES.name(place, lang))}"
        return text

    def _echo(self, q: Question, phrases: list[tuple[Slot, Fact, str]]) -> Optional[str]:
        if q.lang not in _ECHO or q.toneless or len(q.text.split()) < 4 or _LEADING.match(q.text) or \
                "(" in q.text:  # a follow-up joined to its subject reads badly echoed: the template says it
            return None
        probe = fold_latin(q.text) if q.lang == "vi" else q.text
        if len(probe) != len(q.text):
            return None
        text = q.text
        edits = []
        for slot, f, phrase in phrases:
            rx = re.compile(_ECHO[q.lang][slot.kind], re.I) if slot.kind in _ECHO[q.lang] else None
            m = None
            if rx is not None:
                ms = [m for m in rx.finditer(probe) if not any(a < m.end() and m.start() < b for a, b, _ in edits)]
                m = ms[0] if ms else None
            if m is None:
                return None
            end = m.end()
            if f.kind == "count" and f.value.is_amount:
                # "bao nhiêu triệu đồng", "ຈັກກີບ": the amount is said whole, with its own magnitude and currency
                money = _MONEY_AFTER.match(probe, end)
                if money and money.end() > end:
                    edits.append((m.start(), money.end(), phrase))
                    continue
            edits.append((m.start(), end, self._replacement(q, slot, f, phrase, probe, m)))
        for a, b, rep in sorted(edits, reverse=True):
            if rep[:1].isdigit() and re.match(r"[\u0e80-\u0eff]", text[a - 1 : a]):
                rep = " " + rep  # "ໃນຈັກແຂວງ" -> "ໃນ 3 ແຂວງ", not "ໃນ3 ແຂວງ"
            text = text[:a] + rep + text[b:]
        text = _TRAILING.sub("", text).strip()
        return text[:1].upper() + text[1:]

    def _replacement(self, q: Question, slot: Slot, f: Fact, phrase: str, probe: str, m: re.Match) -> str:
        lang, wh = q.lang, m.group()
        before = probe[: m.start()].rstrip()
        if f.kind == "date":
            w: When = f.value
            if re.search(r"(?:truoc|den|ກ່ອນ|ຮອດ)$", before):
                phrase = say_when(w, lang, qualified=False)
            if lang == "vi":
                return ("vào " if wh.startswith("vao") or w.precision in ("month", "quarter", "year", "end")
                        and not wh.startswith(("nam", "thang")) else "") + phrase
            return ("ແຕ່ " if wh.startswith("ແຕ່") and not phrase.startswith("ແຕ່") else "") + phrase
        if f.kind == "place":
            noun = re.match(r"(tinh|thanh pho|nuoc|quoc gia) nao", wh)
            if lang == "vi":
                if noun:
                    return q.text[m.start() : m.start() + len(noun.group(1))] + " " + phrase
                return ("tại " if "dau" in wh else "") + phrase
            if before.endswith("ໃນ"):  # "… ໃນຢູ່ໃສ" of a follow-up rewritten from "… ໃນວັນທີເທົ່າໃດ": "ໃນ ວຽງຈັນ"
                return " " + phrase
            return {"ຢູ່ໃສ": "ຢູ່ ", "ທີ່ໃດ": "ທີ່ "}.get(wh, wh[:-2] if wh.endswith("ໃດ") else "") + phrase
        if f.kind == "count":
            qty = f.value
            unit_follows = bool(slot.unit)
            if wh == "thu may" or wh.startswith("ຄັ້ງທີ"):
                when = phrase[phrase.find(" (") :] if " (" in phrase else ""
                return ("thứ " if lang == "vi" else "ຄັ້ງທີ ") + f"{qty.value:g}" + when
            number, _, tail = phrase.partition(" ")
            rest = re.sub(r"\s+", "", q.text[m.end() : m.end() + len(tail) + 4]).lower()
            if slot.money and tail and rest.startswith(re.sub(r"\s+", "", tail).lower()):
                return number + (" " if lang == "lo" else "")  # "ຈັກລ້ານກີບ": the question names the scale and currency
            if wh.endswith("tien") or not unit_follows or slot.unit_key == "percent" or \
                    (qty.is_amount and not slot.unit_key and fold_latin(slot.unit) not in _MONEY_WORDS):
                return phrase  # "bao nhiêu kinh phí": "350 triệu đồng kinh phí", the amount keeps its currency
            from_number = phrase.split(" ")[0]
            return from_number + (" " if lang == "lo" else "")
        if f.kind == "period":
            return phrase
        if f.kind == "actor":  # "ໃຜລົງນາມ": "Khăm-phăn Sụt-thi-vông ລົງນາມ", a name in Latin letters set apart
            return phrase + (" " if lang == "lo" and not re.search(r"[\u0e80-\u0eff]$", phrase) else "")
        return phrase

    def _template(self, q: Question, phrases: list[tuple[Slot, Fact, str]]) -> str:
        lang = q.lang
        parts = []
        for _, f, phrase in phrases:
            key = f.kind
            if f.kind == "date" and q.sub in ("deadline", "until") and f.value.qualifier in ("before", "until"):
                key = "deadline" if q.sub == "deadline" else "until"
            elif f.kind == "count":
                key = "amount" if f.value.is_amount else "percent" if f.value.percent else "count"
            parts.append(t(f"answer_label_{key}", lang, fact=phrase))
        return "; ".join(parts)

    # --- lists, statuses, open questions -------------------------------------------------------------
    def _list(self, r: Reading, cites: dict) -> str:
        lang = r.q.lang
        lines = []
        lead = r.lead
        for ln, a, b in r.items:
            c = self._cite(cites, ln)
            shown = self.in_lang(ln, lang)
            if shown is not ln:
                self._cite(cites, shown)
            body = item_text(ln.text[a:b]) if (a, b) != (0, len(ln.text)) else item_text(_row_activity(ln))
            if shown.lang == lang and shown is not ln:
                if (a, b) == (0, len(ln.text)):
                    body = item_text(_row_activity(shown))
                else:  # the same inline list in the asker's language: its item at the same place, when both count alike
                    ours, theirs = inline_items(ln.text), inline_items(shown.text)
                    if len(theirs) == len(ours) and (a, b) in ours:
                        x, y = theirs[ours.index((a, b))]
                        body = item_text(shown.text[x:y])
            if ln.lang != lang and shown.lang != lang:
                g = statement(body, ln.lang, lang, ln.doc_date)
                body = f"{g} — “{body}”" if g else f"“{body}”"
            lines.append(f"• {body} [{c.n}]")
        head = t("answer_list", lang)
        if lead is not None:
            lead_shown = self.in_lang(lead, lang)
            if lead_shown.lang == lang:
                head = lead_shown.text.strip()
                listed = inline_items(head)
                if listed and any(x is lead for x, _, _ in r.items):  # the items are in the lead: say only what they are
                    head = head[:listed[0][0]]
                head = item_text(head).rstrip(":.。") + ":"
            else:
                about = gist(lead.text, lang)
                head = t("answer_list_about", lang, about=about) if about else head
        return head + "\n" + "\n".join(lines)

    def _status(self, r: Reading, cites: dict) -> str:
        q, lang = r.q, r.q.lang
        st = r.status
        c = self._cite(cites, st.line)
        when = _say_status_when(st.when, lang) if st.when is not None else ""
        if lang == "en" and st.key in ("planned", "postponed"):
            when = re.sub(r"^in ", "", when)  # "planned for 2026", "postponed to Q1 2026", not "… to in Q1 2026"
        pct = t("answer_pct", lang, pct=st.percent) if st.percent else ""
        undated = not when and st.key in ("postponed", "planned")  # "đã lùi sang" with no date would be cut
        phrase = t(f"answer_status_{st.key}{'_undated' if undated else ''}", lang, when=when, pct=pct).strip(" ;,:")
        counts = [x.text for x in st.line.quantities if x.unit and x.unit in q.term_keys and not x.percent]
        if counts and st.line.lang == lang:
            phrase = f"{phrase} ({'; '.join(counts)})"
        if q.kind == "yesno" or (q.kind == "status" and r.yes is not None and re.search(
                r"\bchua\b|\bkhong\b|ແລ້ວບໍ|ບໍ\s*[?？]?$|^(?:is|was|has|have|did|does)\b", fold_latin(q.text))):
            yet = bool(_ASKS_YET.search(fold_latin(q.text) if lang != "lo" else q.text))
            word = t("answer_yes", lang) if r.yes else (
                t("answer_not_yet", lang) if st.key in ("planned", "in_progress", "overdue", "not_signed")
                or (st.key == "postponed" and yet) else t("answer_no", lang))
            first = f"{word}: {phrase}"
        else:
            first = phrase[:1].upper() + phrase[1:]
        return f"{first} [{c.n}].\n{self._quote(st.line, lang, cites)}"

    def _open(self, r: Reading, cites: dict) -> str:
        lang = r.q.lang
        lines = [s.line for s in r.support]
        shown = [self.in_lang(ln, lang) for ln in lines]
        marks = []
        for ln, sh in zip(lines, shown):
            n = self._cite(cites, ln).n
            if sh is not ln:
                self._cite(cites, sh)
            marks.append(n)
        if all(sh.lang == lang for sh in shown):
            body = "; ".join(_ITEM_MARK.sub("", sh.text.strip()).rstrip(".;") for sh in shown)
            return f"{body} {''.join(f'[{n}]' for n in dict.fromkeys(marks))}."
        # what the tables can state of the best sentence, in the asker's language, with the original beside it
        best, n0 = lines[0], marks[0]
        said = statement(best.text, best.lang, lang, best.doc_date)
        if not any(NAMES.kind(k) in PLACE_KINDS for k in best.name_keys):  # the place its heading or title gives
            places = [NAMES.name(k, lang) for k in sorted(best.ctx_names - best.name_keys)
                      if NAMES.kind(k) in PLACE_KINDS]
            said = "; ".join(x for x in (said, ", ".join(places)) if x)
        original = f"“{best.text.strip().rstrip('.')}”"
        first = t("answer_event", lang, gist=f"{said} — {original}") if said else original
        quotes = "\n".join(self._quote(ln, lang, cites) for ln in lines[1:])
        return f"{first} [{n0}].\n{quotes}".strip()


# a list item's own marker ("ຄ.", "b)", "2.", "-") opens no answer: the first sentence would end at its full stop
_ITEM_MARK = re.compile(r"^(?:[-•*]|\(?(?:\d{1,2}|[a-zđ]|[\u0e81-\u0eae])[.)])\s+", re.I)


_MONEY_WORDS = frozenset({"trieu", "ty", "dong", "nghin", "ngan", "usd", "kip", "million", "billion", "ລ້ານ", "ກີບ"})
_MONEY_AFTER = re.compile(r"(?:\s*(?:" + "|".join(sorted(_MONEY_WORDS, key=len, reverse=True)) + r")\b)+", re.I)


def _signature(ln: Line) -> set[str]:
    out = {f"n:{q.value:g}" for q in ln.quantities} | {f"w:{w.iso}" for w in ln.whens}
    out |= {f"k:{k}" for k in ln.name_keys} | {f"t:{k}" for k in ln.term_keys}
    out |= {f"p:{p.year}-{p.end_year}" for p in ln.periods}
    return out


# "đã hoàn thành chưa?", "ແລ້ວບໍ?", "yet?": the asker expects "not yet" rather than "no"
_ASKS_YET = re.compile(r"\bchua\s*\??\s*$|ແລ້ວບໍ|ຫຼືຍັງ|\byet\b", re.I)
_PLACE_WORD = re.compile(r"(?:tại|ở|in|at|ທີ່|ຢູ່)\s*(?:tỉnh|thành phố|thủ đô|the|ແຂວງ)?\s*$", re.I)


def _places_near(f: Fact) -> list[str]:
    """Places named right after a place word in the fact's own sentence ("tại Lào", "ທີ່ ສປປ ລາວ")."""
    ln = f.line
    return [n.key for n in ln.names if n.kind in PLACE_KINDS and _PLACE_WORD.search(ln.text[max(0, n.start - 14):
                                                                                            n.start])][:1]


def _row_activity(ln: Line) -> str:
    """A table row as an item: its activity cell and the rest joined."""
    if not ln.cells:
        return ln.text
    cells = [c for c in ln.cells if c and not re.fullmatch(r"\d{1,3}", c.strip())]
    return " — ".join(cells)


def _say_status_when(w: When, lang: str) -> str:
    text = say_when(w, lang, qualified=False)
    if lang == "en" and w.precision in _EN_PREP:
        return _EN_PREP[w.precision] + text
    return text


__all__ = ["Composer", "TERMS"]
