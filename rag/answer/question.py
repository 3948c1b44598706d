"""Question understanding: what is asked, and the constraints an answer must satisfy.

:func:`understand` reads a question in Vietnamese (with or without tone marks), Lao or English:

- what it asks (:data:`KINDS`): a date, a place, a count or amount, a period, a list, an actor,
  yes/no, a status, an open "what happened" (``event``), else ``open``; a question may ask
  several things ("ở đâu và khi nào", "có mấy thành viên và tốn bao nhiêu tiền"): ``slots``;
- its constraints: names of the name table (countries, provinces, cities, organizations),
  time expressions, periods, numbers, whether it is about a memorandum or agreement, and an
  ordinal ("mới", "previous", "ຕໍ່ໄປ");
- its focus: the content words and vocabulary keys left once question words and constraints
  are taken out, and the asker's own word for what a count counts ("bao nhiêu cán bộ").

Nothing here looks at the record; :mod:`.evidence` checks the constraints against it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..text.dates import DateMention, find_periods, year_part_spans
from ..text.detect import question_language
from ..text.names import CONTENT_KINDS, NAMES, TERMS, Found, find_loose
from ..text.normalize import canonical_lao, fold_latin, nfc
from ..text.quantities import Quantity, find_quantities
from ..text.tokens import QUESTION_WORDS, tokenize
from ..text.when import When, find_when

KINDS: tuple[str, ...] = ("date", "place", "count", "period", "list", "actor", "yesno", "status", "event", "open")

# Cue patterns per kind. Vietnamese and English ones run on folded text (no tone marks, lower
# case), Lao ones on canonical Lao. Order inside a kind does not matter.
_VI = {
    "date": r"\b(?:khi nao|bao gio|luc nao|ngay nao|hom nao|thang nao|nam nao|thoi gian nao|thoi diem nao|ngay may|"
            r"thang may|han chot|thoi han nao|tu ngay nao|quy nao|quy may)\b",
    "period": r"\b(?:giai doan nao|thoi ky nao|giai doan gi|nhung nam nao|thoi han bao lau|bao lau)\b",
    "place": r"\b(?:o dau|tai dau|noi nao|dia diem nao|tinh nao|thanh pho nao|nuoc nao|quoc gia nao|cho nao|"
             r"dau vay|o tinh nao|o nuoc nao|dia diem|(?<!co )quan nao|huyen nao|(?<!to chuc )xa nao|dia phuong nao)\b",
    "count": r"\b(?:bao nhieu|may (?!gio)\w+|thu may)\b",
    "actor": r"(?:^|[^\w])(?:ai|co quan nao|don vi nao|to chuc nao|bo nao|ben nao|doan nao|uy ban nao|"
             r"nhung ai|gom nhung ai|nguoi nao|vu nao|ban nao|trung tam nao|truong nao|dai hoc nao|ngan hang nao|"
             r"cong ty nao|vien nao)\b",
    "list": r"\b(?:nhung (?:gi|viec gi|noi dung|hoat dong|linh vuc|chu de|van de|gi khac|hinh thuc)|"
            r"gom nhung (?!ai)|nhung \w+(?: \w+)? (?:nao|gi)|cac [\w-]+(?: [\w-]+){0,8} (?:la gi|nao|gi)|"
            r"(?:thong nhat|nhat tri|dong y|cam ket) (?:nhung )?(?:viec |dieu |noi dung )?gi)\b",
    "status": r"\b(?:ra sao|the nao roi|den dau roi|tien do|tinh trang|xong chua|hoan thanh chua|con hieu luc|"
              r"da co hieu luc|trang thai|hien nay the nao|hien gio the nao)\b",
    "yesno": r"(?:\bco\b.*\bkhong\s*\??\s*$|\bkhong\s*\??\s*$|\bchua\s*\??\s*$|phai khong|hay khong|\bdung khong)",
    "event": r"\b(?:de lam gi|lam gi|co gi moi|su kien gi|hoat dong gi|chuyen gi|ket qua gi|noi dung gi|"
             r"dien ra (?:su kien|hoat dong) gi|dat (?:duoc )?ket qua|ban ve|thong nhat (?:nhung )?gi)\b",
}
_EN = {
    "date": r"\b(?:when|what date|which date|what day|which day|what year|which year|what time|deadline|"
            r"since when|until when|by when|which quarter|what quarter|which month|what month)\b",
    "period": r"\b(?:what period|which period|which years|what years|for what period|period does|how long)\b",
    "place": r"\b(?:where|which city|which province|what city|what province|which country|what country|"
             r"in which (?:city|province|country|place)|what place|venue|location|"
             r"(?:which|what) (?:[\w-]+ )?(?:district|town|city|province|country))\b",
    "count": r"\b(?:how many|how much|what number|what (?:is|was|are|were) the (?:[\w-]+ ){0,5}(?:total|amount|cost|"
             r"budget|rate|value|number|size|age|figure)|what percentage|what share|at which session|which session)\b",
    "actor": r"\b(?:who|whom|which (?:agency|unit|body|organi[sz]ation|ministry|committee|department|office|side|"
             r"institution|officials?|individuals?|lao body|vss unit|people|persons?|delegates|leaders?|university|"
             r"school|bank|banks|company|institute)|"
             r"which (?:\w+ )(?:agency|unit|body|organi[sz]ation|ministry|committee|department|officials|"
             r"representatives)|what (?:agency|unit|body|organi[sz]ation|ministry))\b",
    "list": r"\b(?:(?:what|which) (?:[\w-]+ ){0,3}(?:activities|areas|topics|fields|subjects|things|steps|items|"
            r"lessons|measures|contents|kinds|types|anniversaries|issues|commitments|directions|support|projects)|"
            r"what (?:did|do|does|will|have|had) .{0,80}\bagree(?:d)?\b(?: to do| on| upon)?|what (?:was|were|has been) agreed|"
            r"what does .{0,60}\b(?:cover|include|contain)|list|(?:what|which) (?:[\w-]+ ){0,2}(?!(?:year|month|day|date|"
            r"time|hour|period|province|cit|countr|place|people|persons)\w*\b)[\w-]+s (?:were|are|did|do|does|have|had|"
            r"will|would|should))\b",
    "status": r"\b(?:what is the status|status of|how far|progress|still in force|still valid|been (?:finished|"
              r"completed|done|launched)|in force|what happened to|what became of|where does .{0,40} stand|"
              r"current state|stand now)\b",
    "yesno": r"^\s*(?:is|was|are|were|did|does|do|has|have|had|will|can|could|should)\b",
    "event": r"\b(?:what happened|what did .{0,60}(?:agree|decide|do|discuss|sign)|what came out|what was (?:agreed|"
             r"decided|discussed|signed)|what took place|what is new|why|for what purpose|what (?:were|was) the "
             r"(?:purpose|result|outcome)s?)\b",
}
_LO = {
    "date": r"(?:ເມື່ອໃດ|ວັນທີເທົ່າໃດ|ວັນທີໃດ|ວັນໃດ|ເດືອນໃດ|(?<!ໄລຍະ)ປີໃດ|ເວລາໃດ|ແຕ່ປີໃດ|ກຳນົດເວລາ|ໄຕມາດໃດ|ໄຕມາດທີເທົ່າໃດ)",
    "period": r"(?:ໄລຍະໃດ|ໄລຍະປີໃດ|ໄລຍະເວລາໃດ|ດົນປານໃດ|ດົນເທົ່າໃດ|ໃຊ້ເວລາເທົ່າໃດ|ໃຊ້ເວລາດົນ)",
    "place": r"(?:ຢູ່ໃສ|ຈາກໃສ|ໄປໃສ|ທີ່ໃດ|ບ່ອນໃດ|ແຂວງໃດ|ເມືອງໃດ|ປະເທດໃດ|ສະຖານທີ່|ນະຄອນໃດ)",
    "count": r"(?:ຈັກ|(?<!ວັນທີ)(?<!ວັນທີ )ເທົ່າໃດ|ຄັ້ງທີເທົ່າໃດ)",
    "actor": r"(?:ໃຜ|ອົງການໃດ|ຫົວໜ່ວຍໃດ|ຄະນະກຳມະການໃດ|ກະຊວງໃດ|ຝ່າຍໃດ|ໜ່ວຍງານໃດ|ກົມໃດ|ມະຫາວິທະຍາໄລໃດ|ໂຮງຮຽນໃດ|"
             r"ທະນາຄານໃດ|ບໍລິສັດໃດ|ສະຖາບັນໃດ)",
    "list": r"(?:ຫຍັງແດ່|ໃດແດ່|ອັນໃດແດ່|ແນວໃດແດ່)",
    "status": r"(?:ສະຖານະ|ຄືບໜ້າ|ຮອດໃສແລ້ວ|ສຳເລັດແລ້ວບໍ|ຍັງມີຜົນສັກສິດ|ມີຜົນສັກສິດແລ້ວບໍ|ປັດຈຸບັນ.{0,12}ແນວໃດ)",
    "yesno": r"(?:ບໍ\s*[?？]?\s*$|ແທ້ບໍ|ແລ້ວບໍ|ຫຼືບໍ່|ຫຼືບໍ|ຫຼືຍັງ)",
    "event": r"(?:ມີຫຍັງເກີດຂຶ້ນ|ເກີດຫຍັງຂຶ້ນ|ກອງປະຊຸມຫຍັງ|ກິດຈະກຳຫຍັງ|ໄດ້ຮັບຜົນແນວໃດ|ໃນໂອກາດໃດ|ເພື່ອຫຍັງ|ຫຍັງ)",
}
# Question words proper: a question with none of them that reads as yes/no asks yes or no.
_WH = {"vi": re.compile(r"\b(?:nao|dau|gi|bao nhieu|may|ai|bao gio|sao|the nao)\b"),
       "en": re.compile(r"\b(?:when|where|who|whom|whose|which|what|how|why)\b"),
       "lo": re.compile(r"ໃດ|ໃສ|ເທົ່າໃດ|ຈັກ|ໃຜ|ຫຍັງ|ແນວໃດ")}
_COMPILED = {lang: {k: re.compile(v, re.I) for k, v in table.items()} for lang, table in
             (("vi", _VI), ("en", _EN), ("lo", _LO))}
_PRIORITY = ("list", "date", "place", "count", "period", "actor", "status", "yesno", "event")

_MONEY = re.compile(r"\b(?:tien|tri gia|kinh phi|chi phi|ngan sach|tai tro|cost|costs|budget|funding|much|spent|"
                    r"contribute[ds]?|price|value)\b|ງົບປະມານ|ມູນຄ່າ|ທຶນ|ເງິນ|ຄ່າໃຊ້ຈ່າຍ", re.I)
_PERCENT = re.compile(r"\b(?:ty le|phan tram|percent|percentage|rate)\b|ເປີເຊັນ|ອັດຕາ", re.I)
_UNTIL = re.compile(r"hieu luc den|den khi nao|den bao gio|until when|valid until|in force until|valid till|"
                    r"ມີຜົນສັກສິດຮອດ|ຮອດເມື່ອໃດ", re.I)
_DEADLINE = re.compile(r"phai xong|han chot|truoc ngay nao|xong truoc|deadline|due|ກ່ອນວັນທີ|ສຳເລັດກ່ອນ", re.I)
_ACTUAL = re.compile(r"thuc te|actually|really|ແທ້", re.I)
_ORDINALS = [
    ("previous", re.compile(r"\b(?:truoc(?: do)?|ky truoc|previous|prior|earlier|the one before|before that)\b|"
                            r"ກ່ອນໜ້ານັ້ນ|ສະບັບກ່ອນ|ກ່ອນ", re.I)),
    ("next", re.compile(r"\b(?:tiep theo|sap toi|ke tiep|next|following|upcoming)\b|ຕໍ່ໄປ|ຖັດໄປ|ຄັ້ງໜ້າ", re.I)),
    ("new", re.compile(r"\b(?:moi nhat|moi|gan day nhat|newest|new|latest|most recent|current)\b|ໃໝ່|ລ່າສຸດ", re.I)),
    ("first", re.compile(r"\b(?:dau tien|lan dau|first)\b|ທຳອິດ", re.I)),
]
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
                 "ສອງ": 2, "ສາມ": 3, "ສີ່": 4, "ຫ້າ": 5, "ຫົກ": 6, "ເຈັດ": 7, "ແປດ": 8, "ເກົ້າ": 9, "ສິບ": 10}
_LIST_SIZE = re.compile(r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:main\s+|key\s+)?(?:topics|areas|"
                        r"activities|items|steps|fields|lessons|subjects|points)\b|"
                        r"\b(\d{1,2}|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s+(?:chu de|linh vuc|hoat dong|noi dung|buoc|"
                        r"nhom)\b|(\d{1,2}|ສອງ|ສາມ|ສີ່|ຫ້າ|ຫົກ)\s*(?:ຫົວຂໍ້|ຂົງເຂດ|ກິດຈະກຳ|ຂັ້ນຕອນ|ກຸ່ມ)", re.I)
# "lần thứ hai", "lần trao đổi thứ hai", "the second exchange", "ຄັ້ງທີສອງ": which one of a series (one is
# "first", an ordinal above)
_RANK_WORDS = {"nhat": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
               "muoi": 10, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
               "ninth": 9, "tenth": 10, "ໜຶ່ງ": 1, "ສອງ": 2, "ສາມ": 3, "ສີ່": 4, "ຫ້າ": 5, "ຫົກ": 6, "ເຈັດ": 7,
               "ແປດ": 8, "ເກົ້າ": 9, "ສິບ": 10}
_RANK_LATIN = re.compile(r"\b(?:lan|ky|dot|khoa|phien|hoi nghi|cuoc|nhiem ky)(?:\s+[a-z]+){0,4}?\s+thu\s+(nhat|hai|ba|bon|tu|nam|sau|bay|"
                         r"tam|chin|muoi|\d{1,2})\b|\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b|"
                         r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_RANK_LAO = re.compile(r"ຄັ້ງທີ\s*(ໜຶ່ງ|ສອງ|ສາມ|ສີ່|ຫ້າ|ຫົກ|ເຈັດ|ແປດ|ເກົ້າ|ສິບ|[\d໐-໙]{1,2})")


def ranks(text: str) -> frozenset[int]:
    """The places in a series a text names ("lần thứ hai", "the 2nd", "ຄັ້ງທີ 2" -> {2}), in any language."""
    out = set()
    for m in _RANK_LATIN.finditer(fold_latin(text)):
        word = next(g for g in m.groups() if g)
        out.add(int(word) if word.isdigit() else _RANK_WORDS[word.lower()])
    for m in _RANK_LAO.finditer(canonical_lao(text)):
        word = m.group(1).translate(str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789"))
        out.add(int(word) if word.isdigit() else _RANK_WORDS[word])
    return frozenset(out)


def rank_words(text: str) -> list[tuple[int, int]]:
    """Where the words that say which one of a series sit in ``text`` ("hai" of "lần thứ hai", "second", "2" of
    "ຄັ້ງທີ 2"), to swap them for a follow-up's ("And the third one?")."""
    out = [m.span(1) for m in _RANK_LAO.finditer(text)]
    folded = fold_latin(text)
    if len(folded) == len(text):
        for m in _RANK_LATIN.finditer(folded):
            out.append(next(m.span(i) for i in range(1, 4) if m.group(i)))
    return sorted(out)


def rank_text(text: str) -> str:
    """The words that name a place in a series, as the text writes them ("lần thứ ba", "third", "ຄັ້ງທີ 3")."""
    m = _RANK_LAO.search(text)
    if m:
        return m.group()
    m = _RANK_LATIN.search(fold_latin(text))
    return text[m.start() : m.end()] if m and len(fold_latin(text)) == len(text) else (m.group() if m else "")


_PAST = re.compile(r"\b(?:da|thuc te|actually|did|was|were|held|happened|took place|came out|result|ket qua)\b|"
                   r"ໄດ້ຮັບຜົນ|ໄດ້ຈັດ|ໄດ້ລົງນາມ", re.I)


# What a count of people counts (a number of athletes answers "how many people")
PEOPLE = {"person", "staff", "participant", "member", "trainee", "individual", "expert", "engineer", "lecturer",
          "insured_person", "athlete"}


@dataclass(frozen=True)
class Slot:
    """One thing the question asks: its kind, where its question words are, the asker's unit word."""

    kind: str
    start: int
    end: int
    unit: str = ""  # for counts: the asker's own word for what is counted ("cán bộ", "ຄົນ", "members")
    unit_key: str = ""  # that word's vocabulary key, if known
    money: bool = False  # "bao nhiêu tiền", "how much … cost"
    currency: str = ""  # of money, when the asker names it ("ຈັກລ້ານກີບ": kip): an amount in another is not it


@dataclass
class Question:
    """A question as understood: asked kinds, constraints and focus."""

    text: str
    lang: str
    kind: str
    slots: list[Slot] = field(default_factory=list)
    names: list[Found] = field(default_factory=list)
    terms: list[Found] = field(default_factory=list)
    whens: list[When] = field(default_factory=list)
    periods: list[DateMention] = field(default_factory=list)
    numbers: list[Quantity] = field(default_factory=list)
    agreement: bool = False  # about a memorandum or agreement
    ordinal: str = ""  # previous, next, new, first
    sub: str = ""  # until (an expiry), deadline, actual (what really happened)
    past: bool = False  # asks about something that happened
    toneless: bool = False
    focus: list[str] = field(default_factory=list)  # content tokens (not question words, names, dates)
    list_size: int = 0  # "the four topics", "4 chủ đề": how many items a list answer should have
    ranks: frozenset[int] = frozenset()  # "the second exchange": which one of a series
    side: str = ""  # the country whose side the answer must be on ("for the Lao side", "phía Lào", "ຝ່າຍລາວ")
    exact_day: bool = False  # "ngày nào", "on what date", "ວັນທີເທົ່າໃດ": a month or a quarter does not answer

    @property
    def asks(self) -> list[str]:
        return [s.kind for s in self.slots] or [self.kind]

    @property
    def name_keys(self) -> list[str]:
        return list(dict.fromkeys(f.key for f in self.names))

    @property
    def term_keys(self) -> list[str]:
        return list(dict.fromkeys(f.key for f in self.terms))

    @property
    def years(self) -> set[int]:
        out = {w.year for w in self.whens}
        for p in self.periods:
            out.update({p.year, p.end_year})
        return out

    def period_texts(self) -> list[str]:
        return [f"{p.year}-{p.end_year}" for p in self.periods]


def _match_text(text: str, lang: str) -> str:
    return canonical_lao(text) if lang == "lo" else fold_latin(text)


def _unit_after(text: str, end: int, lang: str) -> tuple[str, str, bool, str]:
    """The asker's word for what is counted, right after the question words ("bao nhiêu |cán bộ"), and the
    currency named there ("ຈັກລ້ານ|ກີບ")."""
    rest = text[end : end + 40]
    money = bool(re.match(r"\s*(?:tiền|kinh phí|much|ເງິນ|ກີບ|ດົ່ງ)", rest, re.I))
    every = TERMS.find(rest, kinds=("unit", "currency", "scale"))
    found = [f for f in every
             if not rest[: f.start].strip() or (lang != "lo" and len(rest[: f.start].split()) <= 1
                                                 and (NAMES.find(rest[: f.start]) or TERMS.find(rest[: f.start])))]
    if found:
        f = found[0]
        if f.kind in ("currency", "scale"):
            cur = next((g.key for g in every if g.kind == "currency" and g.start <= f.end + 2), "")
            return "", "", True, cur
        return f.text.strip(), f.key, money, ""
    if lang == "lo":
        m = re.match(r"\s*([\u0e80-\u0eff]{1,6}?)(?:[\s?？]|$|ທີ່|ທີ່|ຂອງ|ໃນ|ທັງ)", rest)
        word = m.group(1) if m else ""
        return word, "", money, ""
    m = re.match(r"\s*([^\W\d_]+)", rest)
    word = m.group(1) if m and m.group(1).lower() not in QUESTION_WORDS else ""
    if word and _MONEY.search(fold_latin(word)):
        return "", "", True, ""
    return word, "", money, ""


def _slots(text: str, lang: str) -> list[Slot]:
    probe = _match_text(text, lang)
    tables = [_COMPILED[lang]] + ([_COMPILED["en"]] if lang == "vi" and not re.search(r"[^\x00-\x7f]", text) else [])
    found: dict[str, tuple[int, int]] = {}
    for table in tables:
        for kind, rx in table.items():
            for m in rx.finditer(probe):
                found.setdefault(kind, (m.start(), m.end()))
    counts = []
    if "count" in found:
        rx = _COMPILED[lang]["count"]
        for m in rx.finditer(probe):
            if m.group().startswith("may ") and lang == "vi":  # "mấy thành viên": the unit is inside the match
                if not re.match(r"mấy\b|may\b", text[m.start() : m.start() + 4].lower()) or \
                        (text[m.start() : m.start() + 3].lower() != "mấy" and re.search(r"[^\x00-\x7f]", text)):
                    continue
                unit, key, money, cur = _unit_after(text, m.start() + 4, lang)
            else:
                unit, key, money, cur = _unit_after(text, m.end(), lang)
            near = probe[max(0, m.start() - 30) : m.end() + 12]
            if not unit and _PERCENT.search(near):
                unit, key = "%", "percent"
            money = money or (not unit and bool(_MONEY.search(near)))
            counts.append(Slot("count", m.start(), m.end(), unit, key, money, cur))
        if not counts:
            found.pop("count")
    kinds = [k for k in _PRIORITY if k in found]
    # What a kind's cue means depends on the others: "hoạt động gì" in a list question is the list.
    if "list" in kinds and "event" in kinds:
        kinds.remove("event")
    if "status" in kinds and "event" in kinds:
        kinds.remove("event")
    if "date" in kinds and "period" in kinds and found["period"][0] <= found["date"][0] <= found["period"][1]:
        kinds.remove("date")
    if "yesno" in kinds and not _WH[lang].search(probe):
        # "Was it installed by the deadline of …?": a yes/no question naming a date, not asking one
        kinds = ["yesno"] + [k for k in kinds if k == "status"]
    elif any(k in kinds for k in ("date", "place", "count", "period", "actor", "list")):
        kinds = [k for k in kinds if k not in ("yesno", "event")]
    if "status" in kinds and "yesno" in kinds:
        kinds.remove("yesno")
    if "list" in kinds and "actor" in kinds and found["actor"][0] > found["list"][0]:
        kinds.remove("actor")
    if "list" in kinds and "place" in kinds and found["place"][0] < found["list"][1]:
        kinds.remove("list")  # "tại những tỉnh nào": the places are the list
    if "list" in kinds and "actor" in kinds:
        kinds.remove("list")  # "gồm những ai"
    slots = []
    for k in kinds:
        if k == "count":
            slots.extend(counts or [Slot("count", *found["count"])])
        else:
            slots.append(Slot(k, *found[k]))
    primary = kinds[0] if kinds else "open"
    slots.sort(key=lambda s: s.start)
    # The primary kind first, then the others in text order.
    slots.sort(key=lambda s: s.kind != primary)
    return slots


def understand(text: str, lang: Optional[str] = None) -> Question:
    """What ``text`` asks and under which constraints."""
    text = nfc(text.strip())
    lang = lang or question_language(text)
    slots = _slots(text, lang)
    terms = TERMS.find(text, kinds=CONTENT_KINDS)
    # "ມີນັກກິລາ … ຈັກຄົນ", "how many people were athletes": the people named are what is counted; not for
    # participants, who are the persons of a meeting ("ມີຜູ້ເຂົ້າຮ່ວມ … ຈັກຄົນ" is answered by "38 ຄົນ")
    named = [f.key for f in terms if f.key in PEOPLE and f.key not in ("person", "participant")]
    slots = [Slot(s.kind, s.start, s.end, s.unit, named[0], s.money, s.currency) if s.kind == "count" and s.unit_key == "person"
             and named else s for s in slots]
    slots = [_counted(s, text, terms) for s in slots]
    kind = slots[0].kind if slots else "open"
    probe = _match_text(text, lang)
    names = sorted(NAMES.find(text) + find_loose(text, NAMES), key=lambda f: f.start)
    whens = [w for w in find_when(text, None, relative=False)]
    periods = [p for p in find_periods(text)]
    parts = year_part_spans(text)  # "6 tháng đầu năm 2024": a period, not a figure the record must give
    numbers = [q for q in find_quantities(text, lang) if q.value >= 1 and not q.percent
               and not any(a <= q.start < b for a, b in parts)]
    ordinal = ""
    for name, rx in _ORDINALS:
        if rx.search(probe if lang != "lo" else text):
            ordinal = name
            break
    sub = "until" if _UNTIL.search(probe) else "deadline" if _DEADLINE.search(probe) else ""
    if _ACTUAL.search(probe) and not sub:
        sub = "actual"
    taken = [(f.start, f.end) for f in names] + [(w.start, w.end) for w in whens] + \
            [(p.start, p.end) for p in periods] + [(q.start, q.end) for q in numbers]
    focus = []
    for tok in tokenize("".join(" " if any(a <= i < b for a, b in taken) else c for i, c in enumerate(text)), lang):
        if tok not in QUESTION_WORDS and len(tok) > 1 and not tok.isdigit():
            focus.append(tok)
    size = _LIST_SIZE.search(probe if lang != "lo" else text)
    list_size = 0
    if size:
        word = next(g for g in size.groups() if g)
        list_size = int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower(), 0)
    return Question(
        list_size=list_size, ranks=ranks(text),
        text=text, lang=lang, kind=kind, slots=slots, names=names, terms=terms, whens=whens, periods=periods,
        numbers=numbers, agreement=any(f.key in ("memorandum", "agreement") for f in terms), ordinal=ordinal, sub=sub,
        past=bool(_PAST.search(probe if lang != "lo" else text)),
        toneless=lang == "vi" and not re.search(r"[^\x00-\x7f]", text), focus=list(dict.fromkeys(focus)),
        side=_side(text, probe, lang, names, slots),
        exact_day=bool(_EXACT_DAY.search(probe if lang != "lo" else text)),
    )


_EXACT_DAY = re.compile(r"\b(?:ngay nao|ngay may|hom nao|(?:what|which) (?:day|date)|on what date|exact date)\b|"
                        r"ວັນທີເທົ່າໃດ|ວັນທີໃດ|ວັນໃດ|ມື້ໃດ", re.I)


# "for the Lao side", "on behalf of VSS", "phía Lào", "thay mặt BHXH Việt Nam", "ຝ່າຍລາວ", "ຕາງໜ້າ …": whose
# side the asked actor or figure is on (on folded Latin text, or canonical Lao)
_SIDE = re.compile(r"\b(?:for|on|from|of|by)\s+the\s+((?:lao|laotian|vietnamese|viet\s?nam)\w*)\s+side\b|"
                   r"\b((?:lao|laotian|vietnamese)\w*)\s+side\b|\bon behalf of\s+(?:the\s+)?([^?,;]{3,60})|"
                   r"\bphia\s+(?:ban\s+)?([^?,;]{3,40})|\bben\s+(lao|viet nam)\b|"
                   r"\b(?:thay mat|dai dien)\s+(?:cho\s+)?(?:phia\s+)?([^?,;]{3,60})|"
                   r"ຝ່າຍ\s*([\u0e80-\u0eff][^?,;]{1,40})|ຕາງໜ້າ(?:ໃຫ້)?\s*([\u0e80-\u0eff][^?,;]{1,40})")
_BODY_SIDE = re.compile(r"\bthe\s+([A-ZĐ][\w.\- ]{1,40}?)\s+side\b")  # "the VSS side" (as written: abbreviations keep case)
_SIDE_WORDS = (("lao", "laos"), ("ລາວ", "laos"), ("viet", "vietnam"), ("ຫວຽດ", "vietnam"))


def side_named(text: str) -> str:
    """The country of the last side a text names ("ຝ່າຍຫວຽດນາມ ນຳໂດຍ", "phía Lào", "the Lao side"), or ""."""
    said = [next(g for g in m.groups() if g) for m in _SIDE.finditer(text if re.search(r"[\u0e80-\u0eff]", text)
                                                                        and not re.search(r"[a-zA-Z]", text)
                                                                        else fold_latin(text))]
    said += [m.group(1) for m in _BODY_SIDE.finditer(text)]
    for part in reversed(said):
        for f in NAMES.find(part) + find_loose(part, NAMES):
            if NAMES.country_of(f.key):
                return NAMES.country_of(f.key)
        country = next((c for w, c in _SIDE_WORDS if part.lower().startswith(w)), "")
        if country:
            return country
    return ""


def _side(text: str, probe: str, lang: str, names: list[Found], slots: list[Slot]) -> str:
    """The country whose side the answer must be on: named as a side ("phía Lào", "on behalf of VSS"), or,
    for an amount, the side of the first organization the question names ("how much did VSS give …")."""
    m = _SIDE.search(probe if lang != "lo" else text)
    if m:
        said = next(g for g in m.groups() if g)
        for f in NAMES.find(said) + find_loose(said, NAMES):
            if NAMES.country_of(f.key):
                return NAMES.country_of(f.key)
        return next((c for w, c in _SIDE_WORDS if said.lower().startswith(w)), "")
    m = _BODY_SIDE.search(text)
    country = next((NAMES.country_of(f.key) for f in NAMES.find(m.group(1)) if NAMES.country_of(f.key)), "") if m else ""
    if country:
        return country  # "who leads the VSS side"
    if any(s.money for s in slots):
        first = next((f for f in names if f.kind in ("org", "unit") and NAMES.country_of(f.key)), None)
        return NAMES.country_of(first.key) if first is not None else ""
    return ""


_NUMBER_OF = re.compile(r"(?:^|[\s,(])(?:tổng số|số lượng|số|tong so|so luong|so|(?:the )?(?:total )?number of|ຈຳນວນ)\s*$",
                        re.I)


def _counted(slot: Slot, text: str, terms: list[Found]) -> Slot:
    """"Số người tham gia … là bao nhiêu?", "the number of pensioners … is?": a count with no word after its
    question word counts what "số / number of / ຈຳນວນ" names."""
    if slot.kind != "count" or slot.unit or slot.unit_key or slot.money:
        return slot
    for f in terms:
        if f.start < slot.start and (f.kind == "unit" or f.key in PEOPLE) and _NUMBER_OF.search(text[: f.start]):
            return Slot(slot.kind, slot.start, slot.end, f.text, f.key, slot.money, slot.currency)
    return slot
