"""Who: the actor a line names for the question (an organization, a unit, a person with a title), on the side
the question asks for ("for the Lao side", "phía Việt Nam"), or who receives ("cho ai", "to whom")."""
from __future__ import annotations

import re

from ..text.names import ACTOR_KINDS, NAMES, PLACE_KINDS, Found
from ..text.normalize import fold_latin
from .facts import ACTOR_CUE, COMPOSITE_AFTER, COMPOSITE_BEFORE, Fact, anchors, cell_kind, composite_office, distance
from .lines import Line
from .question import Question, side_named


def fact_side(keys: list[str]) -> str:
    """The country of an actor fact's keys ("title:director|vss" is VSS's, "ss:sekong" Sekong's), "" if unknown."""
    for k in keys:
        k = k.split("|")[-1].split(":")[-1] if not k.startswith("raw:") else ""
        if k and NAMES.country_of(k):
            return NAMES.country_of(k)
    return ""


_WANTS_ORG = re.compile(r"co quan nao|to chuc nao|\bbo nao|agency|organi[sz]ation|\bbody\b|ministry|institution|"
                        r"ອົງການໃດ|ກະຊວງໃດ", re.I)
_WANTS_UNIT = re.compile(r"don vi nao|\bvu nao|\bban nao|trung tam nao|\bunit\b|department|centre|center|ຫົວໜ່ວຍໃດ|ກົມໃດ",
                         re.I)
_WANTS_PERSON = re.compile(r"\bled\b|\blead\b|headed|dan dau|truong doan|chu tri doan|ຫົວໜ້າຄະນະ|ເປັນຫົວໜ້າ|ນຳພາ",
                           re.I)


# "who were the 3 translators", "các chuyên gia là ai", "ຜູ້ແປ ແມ່ນໃຜ": people by their role, answered only by the persons
# a line names in that role (an organization is not a translator, nor a signer a lecturer); Vietnamese folded
_ROLES = {
    "translator": r"\btranslators?\b|\binterpreters?\b|\bbien dich vien\b|\bphien dich vien\b|ນັກແປ|ຜູ້ແປ",
    "expert": r"\bexperts?\b|\bchuyen gia\b|ຊ່ຽວຊານ",
    "lecturer": r"\blecturers?\b|\btrainers?\b|\bgiang vien\b|ວິທະຍາກອນ|ຜູ້ບັນຍາຍ",
    "speaker": r"\bspeakers?\b|\bpresenters?\b|\bbao cao vien\b",
    "delegate": r"\bdelegates?\b",
}
_ROLE_RES = {k: re.compile(v, re.I) for k, v in _ROLES.items()}


def _roles(text: str, lang: str) -> set[str]:
    probe = fold_latin(text) if lang != "lo" else text
    return {k for k, r in _ROLE_RES.items() if r.search(probe)}


# the role is what "who" asks ("who were the translators", "các chuyên gia là ai", "ຜູ້ແປ ແມ່ນໃຜ"), not the object of
# another verb ("who sent experts": an organization)
_WHO_IS = re.compile(r"\bwho (?:was|were|is|are)\b|\bla (?:nhung )?ai\b|\bai la\b|ແມ່ນໃຜ|ແມ່ນແມ່ນໃຜ|ໃຜແດ່ ?ແມ່ນ", re.I)


def _wanted_actor(q: Question) -> str:
    probe = fold_latin(q.text) if q.lang != "lo" else q.text
    if _roles(q.text, q.lang) and _WHO_IS.search(probe) and not _WANTS_PERSON.search(probe):
        return "person"
    if _WANTS_ORG.search(probe):
        return "org"
    if _WANTS_UNIT.search(probe):
        return "unit"
    if _WANTS_PERSON.search(probe):
        return "title"
    return ""


_TO_WHOM = re.compile(r"\bcho ai\b|\bto whom\b|\bfor whom\b|\bwho (?:received|got|will receive)|ໃຫ້ແກ່ໃຜ|ໃຫ້ໃຜ", re.I)
_RECIPIENT = re.compile(r"\b(?:cho|to)\s+(?:các\s+|the\s+)?([^,;.:()]{3,80})|ໃຫ້ແກ່\s*([^,;.:()]{3,80})", re.I)


def _recipients(line: Line) -> list[Fact]:
    """Who receives: the words after "cho" / "to" / "ໃຫ້ແກ່" (as written: no table names them)."""
    out = []
    for m in _RECIPIENT.finditer(line.text):
        g = 1 if m.group(1) else 2
        text = re.split(r"\s+(?:đã|đang|sẽ|who|that|ທີ່)\s+", m.group(g))[0].strip()
        if len(text) >= 3:
            out.append(Fact("actor", line, m.start(g), m.start(g) + len(text), [f"raw:{text}"], 0.8))
    return out


_ON_BEHALF = re.compile(r"\bthay mat\b|\bdai dien (?:cho )?(?:ben|phia|so|bhxh|bao hiem)|\bon behalf of\b|ຕາງໜ້າ|ໃນນາມ", re.I)


def _asked_offices(q: Question) -> set[str]:
    """The places whose office the question names as the side acted for ("thay mặt BHXH tỉnh Quảng Nam", "for Sơn La
    Provincial Social Security", "on behalf of the Sekong Department …"): that office is not who is asked."""
    behalf = _ON_BEHALF.search(fold_latin(q.text) if q.lang != "lo" else q.text)
    return {f.key for f in q.names if f.kind in PLACE_KINDS and (
        COMPOSITE_AFTER.match(q.text[f.end :]) or COMPOSITE_BEFORE.search(q.text[: f.start])
        or (behalf and behalf.start() < f.start))}


def actors(line: Line, q: Question) -> list[Fact]:
    qn = set(q.name_keys)
    if _TO_WHOM.search(fold_latin(q.text) if q.lang != "lo" else q.text):
        return _recipients(line)
    wanted = _wanted_actor(q)
    spots = anchors(line, q)
    names = line.names
    out = []
    i = 0
    asked_offices = _asked_offices(q)
    while i < len(names) and wanted != "person":
        f = names[i]
        if f.kind in PLACE_KINDS and composite_office(line, f):
            if f.key in asked_offices:
                i += 1  # "who signed for Sơn La Provincial Social Security": not that office again, but who signed
                continue
            if q.kind == "actor" and any(NAMES.kind(k) == "title" for k in qn):
                i += 1  # "Ai là Giám đốc BHXH tỉnh Quảng Trị?": an office is not a director
                continue
            m = COMPOSITE_AFTER.match(line.text[f.end :])
            end = f.end + (m.end() if m else 0)
            out.append(Fact("actor", line, f.start if m else _composite_start(line, f), end, [f"ss:{f.key}"], 0.6))
            i += 1
            continue
        if f.kind not in ACTOR_KINDS or f.key in qn:
            i += 1
            continue
        keys, start, end = [f.key], f.start, f.end
        if f.kind == "title" and i + 1 < len(names) and names[i + 1].kind in ("org", "unit") and \
                not line.text[f.end : names[i + 1].start].strip(" ,"):
            org = names[i + 1]
            keys, end = [f"title:{f.key}|{org.key}"], org.end
            i += 1
        s = 0.4 + (0.2 if f.kind in ("title", "unit") else 0.0)
        if wanted:
            s += 0.35 if f.kind == wanted else -0.2
        before = line.text[max(0, start - 30) : start]
        after = line.text[end : end + 30]
        if ACTOR_CUE.search(before) or ACTOR_CUE.search(after):
            s += 0.4
        if line.cells and cell_kind(line, start) == "actor":
            s += 0.6
        s += 0.3 * (1 - min(distance(start, spots), 120) / 120)
        out.append(Fact("actor", line, start, end, keys, s))
        i += 1
    if wanted == "person" and not _roles(q.text, q.lang) & _roles(line.text, line.lang):
        return []  # "the 3 translators": only a line that names translators names them
    if wanted in ("", "title", "person"):  # "who led …": the person, "Mr Phạm Quốc Bảo", before the title he holds
        for m in _PERSON.finditer(line.text):
            g = 1 if m.group(1) else 2
            start, end = m.start(g), m.end(g)
            sc = 1.3 + (0.4 if ACTOR_CUE.search(line.text[max(0, start - 40) : start]) else 0.0)
            out.append(Fact("actor", line, start, end, [f"raw:{m.group(g)}"],
                            sc + 0.3 * (1 - min(distance(start, spots), 120) / 120)))
    if not out and wanted != "person":  # "led by the Director of …" when the question asks who the Director is: no answer
        titles = {k for k in qn if NAMES.kind(k) == "title"}
        out = [f for f in _raw_actors(line) if not titles & NAMES.keys(line.text[f.start : f.end])]
    if q.side:  # "who signed for the Lao side": not Vietnam Social Security, nor its Director General
        out = [f for f in out if (fact_side(f.value) or _person_side(line, f)) in ("", q.side)]
    return out


def _person_side(line: Line, f: Fact) -> str:
    """The side of a person as the line gives it: the body named right after them ("ông Nguyễn Thế Mạnh,
    Tổng Giám đốc BHXH Việt Nam"), before the next person."""
    nxt = _PERSON.search(line.text, f.end)
    stop = min(f.end + 80, nxt.start() if nxt else len(line.text))
    after = next((NAMES.country_of(n.key) for n in line.names if f.end <= n.start < stop and n.kind in ("org", "unit")
                  and NAMES.country_of(n.key)), "")
    before = re.split(r"[.;]\s|,\s(?=[^,]*$)", line.text[max(0, f.start - 40) : f.start])[-1]
    return after or side_named(before)  # "ຝ່າຍຫວຽດນາມ ນຳໂດຍ ທ່ານ …", "phía Lào do ông … dẫn đầu"


# a person: an honorific and a capitalised name ("Mr Bounmy Vongsa", "ông Lê Văn Thành", "bà Văn-đi Phôm-ma-chăn"),
# or "ທ່ານ" / "ທ່ານນາງ" and a Lao given and family name (not "໕ ທ່ານ", five persons)
_CAP = r"[A-ZÀ-ỸĐ][^\W\d_]*(?:-[^\W\d_]+)*"
_PERSON = re.compile(rf"(?:\b(?:Mr|Mrs|Ms|Dr|Madam)\.?|(?<![\w])(?:[ôÔ]ng|[bB]à))\s+({_CAP}(?:\s+{_CAP}){{0,4}})|"
                     r"(?<![\d\u0ed0-\u0ed9]\s)(?<![\d\u0ed0-\u0ed9])ທ່ານ(?:ນາງ)?\s*([\u0e81-\u0eae\u0ec0-\u0ec4][\u0e80-\u0ecf]+"
                     r"(?:\s[\u0e81-\u0eae\u0ec0-\u0ec4][\u0e80-\u0ecf]+)?)(?=\s*[,;.)]|\s+[\u0e80-\u0eff]|\s*$)")
_RAW_ACTOR = re.compile(r"\b(?:led by|headed by|hosted by|chaired by)\s+(?:a\s+|the\s+)?([^,;.()]{3,60})|"
                        r"\bdo\s+([^,;.()]{3,60}?)\s+(?:làm trưởng đoàn|dẫn đầu|chủ trì)|"
                        r"(?:Đơn vị chủ trì|Trưởng đoàn|Chủ trì)\s*:\s*([^,;.()]{3,60})", re.I)


def _raw_actors(line: Line) -> list[Fact]:
    """Who, when the name table does not know them: after "led by", "do … làm trưởng đoàn", "Chủ trì:"."""
    out = []
    for m in _RAW_ACTOR.finditer(line.text):
        g = next(i for i in (1, 2, 3) if m.group(i))
        text = m.group(g).strip()
        out.append(Fact("actor", line, m.start(g), m.start(g) + len(text), [f"raw:{text}"], 0.5))
    return out


def _composite_start(line: Line, f: Found) -> int:
    m = COMPOSITE_BEFORE.search(line.text[: f.start])
    return m.start() if m else f.start


# a line of a signature block: "ĐẠI DIỆN BÊN LÀO: Giám đốc Sở …, ông …" (said so), or "Ông …, Giám đốc Bảo hiểm
# xã hội tỉnh …" (a person and their office, which may also be a list of participants: weaker)
_SIGNING = re.compile(r"dai dien|\bfor the\b|\bsigned\b|on behalf|ຕາງໜ້າ|ລົງນາມ", re.I)
_OFFICE_AFTER = re.compile(r"^\W*,\s*(?:pho |deputy |vice )?(?:giam doc|chu tich|truong|director|chair|head|minister|"
                           r"bo truong)|^\W*,\s*(?:ຮອງ)?(?:ຫົວໜ້າ|ອຳນວຍການ|ລັດຖະມົນຕີ)", re.I)


def signer(lines: list[Line], q: Question) -> list[Fact]:
    """Who signed for the side the question names, from an agreement's signature block: a person on one of its
    last lines, with an office of the place asked ("thay mặt BHXH tỉnh Quảng Nam": "Ông Lê Văn Thành, Giám đốc
    Bảo hiểm xã hội tỉnh Quảng Nam") or of the side asked ("for the Lao side") beside them."""
    places = _asked_offices(q) or {f.key for f in q.names if f.kind in PLACE_KINDS}
    out = []
    for ln in lines[-6:]:
        people = list(_PERSON.finditer(ln.text))
        for i, m in enumerate(people):
            g = 1 if m.group(1) else 2
            a = people[i - 1].end() if i else 0  # the person's part of the line: from the one before to the next
            b = people[i + 1].start() if i + 1 < len(people) else len(ln.text)
            before, after = ln.text[a : m.start()], ln.text[m.end() : b]
            probe = fold_latin(before) + " " + fold_latin(after) if ln.lang != "lo" else before + " " + after
            said = bool(_SIGNING.search(probe))
            if len(before) + len(after) > 150 or not (said or _OFFICE_AFTER.search(fold_latin(after))):
                continue
            office = [n for n in ln.names if a <= n.start < b]
            side = next((NAMES.country_of(n.key) for n in office if NAMES.country_of(n.key)), "")
            if places & {n.key for n in office} or (q.side and not places and side == q.side):
                out.append(Fact("actor", ln, m.start(g), m.end(g), [f"raw:{m.group(g)}"], 2.5 if said else 2.0))
    return out
