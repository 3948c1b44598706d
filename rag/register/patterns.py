"""The patterns the register reads the record with, in Vietnamese, Lao and English.

Dates come from :mod:`rag.text.dates`; everything else the register finds (event kinds, areas
of cooperation, memorandum mentions, signings, parties, places, occasions, plans) is one of
the patterns here, tried on the Lao text in one spelling (:func:`rag.text.normalize.canonical_lao`).
Helpers return values and offsets in the sentence, never words for a reader.
"""
from __future__ import annotations

import re
from typing import Optional

from ..text.dates import DateMention, find_dates, find_periods
from ..text.normalize import canonical_lao
from .lexicon import Words, toneless_vi

# First match wins, so the more specific kinds come first.
EVENT_RX: list[tuple[str, Words]] = [
    ("award", Words(re.compile(r"(?:trao|trao\s+tặng|tặng)\s+(?:[^.,;]{0,20})?(?:kỷ\s+niệm\s+chương|huân\s+chương|bằng\s+khen)|"
                         r"\bmedals?\s+(?:was|were)\s+presented|\bpresented\s+(?:the\s+)?medals?|\bawarded\b|"
                         r"ມອບຫຼຽນ|ມອບຫລຽນ", re.I))),
    ("launch", Words(re.compile(r"\blaunch(?:ed|es)?\b|khai\s+trương|khởi\s+động|(?:đã\s+được\s+|đã\s+)mở\s+rộng\s+sang|"
                          r"\bextended\s+to\b|ເປີດນຳໃຊ້|ໄດ້ຂະຫຍາຍ|vận\s+hành\s+chính\s+thức|chính\s+thức\s+(?:vận\s+hành|đi\s+vào)|"
                          r"đưa\s+vào\s+(?:vận\s+hành|sử\s+dụng)|\bofficially\s+(?:in\s+operation|in\s+use|put\s+into)|"
                          r"\bwent\s+live\b|\bgo-live\b|ນຳໃຊ້ຢ່າງເປັນທາງການ|ເລີ່ມນຳໃຊ້", re.I))),
    ("signing", Words(re.compile(r"(?<!đăng\s)(?<!thư\s)\bký(?:\s+kết)?\b(?!\s+(?:hiệu|túc|sự|giả|ức))|"
                           r"\bsign(?:ed|ing|s)?\b|ລົງນາມ|ເຊັນສັນຍາ", re.I))),
    ("review", Words(re.compile(r"tổng\s+kết|sơ\s+kết|\breview(?:ed|ing|s)?\b|ສະຫຼຸບ|ສະຫລຸບ|ທົບທວນ", re.I))),
    ("establishment", Words(re.compile(r"thiết\s+lập|thành\s+lập|\bestablish(?:ed|ing|ment)?\b|ສ້າງຕັ້ງ|ສ້າງສາຍພົວພັນ", re.I))),
    ("conference", Words(re.compile(r"hội\s+nghị|hội\s+thảo|diễn\s+đàn|\bconference\b|\bseminar\b|\bforum\b|\bsummit\b|"
                              r"ສຳມະນາ", re.I))),
    ("visit", Words(re.compile(r"\bthăm\b(?!\s+hỏi)|sang\s+làm\s+việc|khảo\s+sát|\bvisit(?:ed|ing|s)?\b|study\s+tour|"
                         r"ຢ້ຽມຢາມ|ຢ້ຽມຊົມ|ທັດສະນະສຶກສາ|giao\s+lưu|\bfriendship\s+(?:sports\s+)?exchange|"
                         r"\bsports\s+exchange|\btravell?ed\s+to\b|ແລກປ່ຽນກິລາ|ເດີນທາງໄປ|"
                         # a delegation that hands over a donation is visiting
                         r"\bdelegation\b[^.;]{0,40}\bhanded\s+over\b|\bđoàn\b[^.;]{0,60}\b(?:trao\s+tặng|bàn\s+giao)\b|"
                         r"ຄະນະຜູ້ແທນ[^.;]{0,60}ມອບ", re.I))),
    ("meeting", Words(re.compile(r"làm\s+việc|hội\s+đàm|gặp\s+gỡ|\bmet\b|\bmeeting\b|working\s+session|\btalks\b|ພົບປະ|"
                           r"ເຮັດວຽກຮ່ວມ|ເຈລະຈາ|ກອງປະຊຸມ", re.I))),
    ("training", Words(re.compile(r"tập\s+huấn|đào\s+tạo|\btraining\b|ຝຶກອົບຮົມ", re.I))),
    ("milestone", Words(re.compile(r"đã\s+(?:được\s+)?(?:hoàn\s+thành|gửi|bàn\s+giao|chuyển\s+giao)|\bcompleted\b|\bwas\s+sent\b|"
                             r"\bdelivered\b|\bsau\s+khi\b|ສຳເລັດແລ້ວ|ໄດ້ສົ່ງ", re.I))),
]

# In priority order: an item naming several areas is filed under the first.
AREA_RX: list[tuple[str, re.Pattern]] = [
    ("admin_reform", re.compile(r"cải\s+cách(?:\s+thủ\s+tục)?\s+hành\s+chính|administrative\s+(?:procedure\s+)?reform|"
                                r"ປະຕິຮູບ", re.I)),
    ("digital", re.compile(r"chuyển\s+đổi\s+số|công\s+nghệ\s+thông\s+tin|\bdigital|information\s+technology|ດິຈິຕອນ|"
                           r"ເຕັກໂນໂລຊີ", re.I)),
    ("inspection", re.compile(r"thanh\s+tra|kiểm\s+tra|\binspection|\baudit|ກວດກາ|ກວດສອບ", re.I)),
    ("coverage", re.compile(r"bao\s+phủ|\bcoverage\b|ປົກຄຸມ", re.I)),
    ("fund", re.compile(r"đầu\s+tư\s+quỹ|quản\s+lý\s+(?:và\s+đầu\s+tư\s+)?quỹ|\bfunds?\b(?!\s+\(?(?:was|were))|"
                        r"ກອງທຶນ", re.I)),
    ("database", re.compile(r"cơ\s+sở\s+dữ\s+liệu|\bdatabases?\b|ຖານຂໍ້ມູນ", re.I)),
    ("expansion", re.compile(r"mở\s+rộng\s+(?:các\s+)?lĩnh\s+vực|expand\w*\s+(?:the\s+)?areas?\s+of\s+cooperation|"
                             r"ຂະຫຍາຍຂົງເຂດ", re.I)),
    ("legislation", re.compile(r"\bluật\b|pháp\s+luật|\blaws?\b|legislat|ກົດໝາຍ", re.I)),
    ("capacity", re.compile(r"năng\s+lực|\bcapacity\b|\btraining\b|đào\s+tạo|tập\s+huấn|bồi\s+dưỡng|ຄວາມອາດສາມາດ|"
                            r"ຝຶກອົບຮົມ", re.I)),
    ("organisation", re.compile(r"cơ\s+cấu\s+tổ\s+chức|hội\s+đồng\s+quản\s+lý|organi[sz]ational\s+structure|"
                                r"management\s+board|ໂຄງປະກອບການຈັດຕັ້ງ|ສະພາຄຸ້ມຄອງ", re.I)),
    ("communication", re.compile(r"tuyên\s+truyền|phổ\s+biến|communicat|disseminat|ໂຄສະນາ|ເຜີຍແຜ່", re.I)),
    ("policy", re.compile(r"chính\s+sách|chế\s+độ|\bpolic(?:y|ies)\b|\bregimes?\b|ນະໂຍບາຍ|ລະບອບ", re.I)),
    ("exchange", re.compile(r"trao\s+đổi|chia\s+sẻ\s+kinh\s+nghiệm|\bexchang|sharing\s+experience|share\s+experience|"
                            r"delegations?|ແລກປ່ຽນ|ແບ່ງປັນປະສົບການ|ຄະນະຜູ້ແທນ", re.I)),
    ("recognition", re.compile(r"kỷ\s+niệm\s+chương|huân\s+chương|bằng\s+khen|\bmedals?\b|\baward|ຫຼຽນ|ຫລຽນ", re.I)),
]

MEMO = re.compile(
    r"(?:biên\s+bản|bản)\s+ghi\s+nhớ|hiệp\s+định\s+hợp\s+tác|th[ỏo]a\s+thuận\s+hợp\s+tác|thoả\s+thuận\s+hợp\s+tác|"
    r"memorand(?:um|a)\s+of\s+understanding|\bmou\b|cooperation\s+agreement|agreement\s+on\s+cooperation|"
    r"ບົດບັນທຶກຄວາມເຂົ້າໃຈ|ບົດບັນທຶກຄວາມຕົກລົງ|ສັນຍາຮ່ວມມື|ຂໍ້ຕົກລົງຮ່ວມມື",
    re.I,
)
AGREEMENT_WORD = re.compile(r"hiệp\s+định|th[ỏo]a\s+thuận|thoả\s+thuận|agreement|ສັນຍາ|ຂໍ້ຕົກລົງ", re.I)
INSTRUMENT = re.compile(
    r"hiệp\s+định|th[ỏo]a\s+thuận|thoả\s+thuận|\bagreement\b|ສັນຍາ(?!ລັກ)|ຂໍ້ຕົກລົງ|phụ\s+lục|\bannex\b|"
    r"ເອກະສານຊ້ອນທ້າຍ|nghị\s+định\s+thư|\bprotocol\b|ພິທີສານ|ບົດບັນທຶກ(?:ຄວາມ|ການ)?(?:ເຂົ້າໃຈ|ຕົກລົງ|ຮ່ວມມື)|"
    r"\bmemorand(?:um|a)\b|\bMoC\b",
    re.I)
"""A word that names an instrument (agreement, annex, protocol, memorandum): with the period it
covers next to it ("Thỏa thuận hợp tác về công nghệ thông tin giai đoạn 2019-2021", "the annex for
2024-2026"), it names an agreement whatever words stand between."""
REFERENCE = re.compile(r"^\W*(?:căn\s+cứ|theo|pursuant\s+to|under|in\s+accordance\s+with|according\s+to|"
                       r"with\s+reference\s+to|ອີງຕາມ|ຕາມ|ອີງໃສ່)\b", re.I)
"""A sentence that opens by citing an instrument ("Căn cứ Biên bản ghi nhớ … 2016-2020", "ອີງຕາມ…"): it
names an earlier instrument, which the sentences after it do not speak of."""
DATED = re.compile(r"ລົງວັນທີ|\bdated\b", re.I)
"""An instrument cited by the day it bears ("ຂໍ້ຕົກລົງ … ລົງວັນທີ ໙/໑໐/໒໐໑໙"): the day it was signed."""


def anaphor_kind(word: str) -> str:
    """'mou' or 'agreement' for a word naming an instrument ("thỏa thuận" -> agreement, "biên bản" -> mou)."""
    return "mou" if re.search(r"biên\s+bản|bản\s+ghi|memorand|\bmou\b|ບົດບັນທຶກ", word, re.I) else "agreement"
ANAPHOR = re.compile(r"\bbiên\s+bản\b|\b(?:the|this|that)\s+(?:memorandum|agreement)\b|\bthỏa\s+thuận\b|"
                      r"\bthoả\s+thuận\b|\bhiệp\s+định\b|ບົດບັນທຶກ|(?<!ສົນທິ)(?<!ໝັ້ນ)ສັນຍາ", re.I)
SIGN = re.compile(r"(?<!đăng\s)(?<!thư\s)\bký(?:\s+kết)?\b(?!\s+(?:hiệu|túc|sự|giả|ức))|\bsign(?:ed|ing|s)?\b|"
                   r"ລົງນາມ|ເຊັນ", re.I)
RENEW = re.compile(r"gia\s+hạn|kéo\s+dài\s+hiệu\s+lực|\bextend(?:ed|s)?\b|\brenew(?:ed|al|s)?\b|ຕໍ່ອາຍຸ|ຂະຫຍາຍເວລາ",
                    re.I)
ARTICLES = re.compile(r"(?<![\d.])(\d{1,3})\s+(?:điều\s+khoản|điều\b|articles?\b|clauses?\b|ມາດຕາ)", re.I)
_PARTY_ANCHOR = re.compile(
    r"\s+(?:đã\s+|cùng\s+|chính\s+thức\s+)*(?:diễn\s+ra|tổ\s+chức|ký)\b|"
    r"\s+(?:have\s+|has\s+|had\s+|officially\s+|jointly\s+)*(?:held|signed|sign)\b|"
    r"\s*ໄດ້(?:ຈັດພິທີ)?(?:ລົງນາມ|ເຊັນ)|\s*ໄດ້ຈັດພິທີ",
    re.I,
)
_ORG = re.compile(r"BHXH|bảo\s+hiểm|\bBộ\b|cơ\s+quan|ủy\s+ban|social\s+security|ministry|committee|agency|"
                  r"ປະກັນສັງຄົມ|ກະຊວງ|ອົງການ|ຄະນະ", re.I)
_JOIN = re.compile(r"\svà\s|\sand\s|\sແລະ\s|\sgiữa\s|\sbetween\s|ລະຫວ່າງ", re.I)
_PLACE = re.compile(r"^(?:tại|ở)\s+(.+)$|^(?:in|at)\s+(.+)$|^ທີ່\s*(.+)$", re.I | re.S)
_PLACE_VI = re.compile(r"\btại\s+([^,;.()]+?)(?=\s*(?:[,;.()]|$)|\s+(?:và|để|nhằm|với|trong|vào|từ|đã|sẽ)\s)", re.I)
_NOT_PLACE = re.compile(r"^(?:đây|đó|này|there|this|that|the\s+same|ນີ້|ນັ້ນ)\b", re.I)
_OCCASION = re.compile(r"trong\s+chương\s+trình|nhân\s+dịp|bên\s+lề|as\s+part\s+of|on\s+the\s+occasion\s+of|"
                       r"on\s+the\s+sidelines\s+of|ໃນໂຄງການ|ເນື່ອງໃນໂອກາດ|ໃນໂອກາດ", re.I)
CONSEQUENCE = re.compile(r"^\s*(?:theo\s+đó|accordingly|under\s+(?:it|the\s+memorandum|the\s+agreement)|"
                          r"theo\s+(?:biên\s+bản|bản\s+ghi\s+nhớ|th[ỏo]a\s+thuận|thoả\s+thuận|hiệp\s+định)|"
                          r"ຕາມນັ້ນ|ຕາມບົດບັນທຶກ|ຕາມສັນຍາ)", re.I)
PLAN = re.compile(
    r"\bdự\s+kiến\b|\bsẽ\b|thời\s+gian\s+tới|kế\s+hoạch|cam\s+kết|\bwill\b|\bplan(?:s|ned)?\s+to\b|\bplanned\b|"
    r"in\s+the\s+coming|coming\s+(?:time|period|years?)|\bcommit(?:s|ted|ment)?\b|"
    r"(?<!ກິດ)ຈະ(?!ແຈ້ງ)|ຄາດວ່າ|ມີແຜນ|ໃນໄລຍະຈະມາເຖິງ",
    re.I,
)
NEED = re.compile(r"nhu\s+cầu|đề\s+nghị|mong\s+muốn|\bneeds?\b|\brequest(?:s|ed)?\b|ຄວາມຕ້ອງການ|ສະເໜີ|ຂໍໃຫ້", re.I)


def clean_item(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" \t\n;,.:")
    text = re.sub(r"(?:…|\.\.\.)+$", "", text).strip()
    text = re.sub(r"^(?:và|and|ແລະ)\s+", "", text, flags=re.I)
    return text[:1].upper() + text[1:] if text else text


def classify_event(sent: str) -> Optional[str]:
    s = canonical_lao(sent)
    bare = toneless_vi(sent)  # a staff note typed without tone marks: the kinds' words without theirs
    for kind, words in EVENT_RX:
        rx = words.bare if bare else words.rx
        if rx.search(s):
            return kind
    return None


def areas_of(text: str) -> list[str]:
    s = canonical_lao(text)
    return [key for key, rx in AREA_RX if rx.search(s)]


def _clauses(sent: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\s*[,;]\s*", sent):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(sent)))
    return [(a, b) for a, b in out if b > a]


def place_in(sent: str, doc_date: str) -> Optional[tuple[str, int]]:
    """The place a dated sentence names in one of its first clauses ("tại Lào", "in Quảng Nam", "ທີ່ ສປປ ລາວ")."""
    for a, b in _clauses(sent)[:4]:
        clause = sent[a:b].strip()
        m = _PLACE.match(clause)
        if not m:
            continue
        value = next(g for g in m.groups() if g).strip()
        if _NOT_PLACE.match(value) or find_dates(value, doc_date, relative=False) or len(value) > 160:
            continue
        return value, a + clause.index(value)
    m = _PLACE_VI.search(sent)  # Vietnamese "tại …" is a place wherever it stands
    if m and not _NOT_PLACE.match(m.group(1)) and len(m.group(1)) <= 80:
        if not find_dates(m.group(1), doc_date, relative=False):
            return m.group(1).strip(), m.start(1)
    return None


def parties_in(sent: str) -> Optional[tuple[str, int]]:
    """The signatories: the clause just before the signing verb ("X và Y đã ký", "X and Y signed")."""
    m = _PARTY_ANCHOR.search(sent)
    if not m:
        return None
    head = sent[: m.start()]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"))
    value = head[cut + 1 :].strip()
    value = _PARTY_TAIL.sub("", value).strip()  # "… (sau đây gọi là Bên Lào) thống nhất" -> the parties
    if not (8 <= len(value) <= 220 and _ORG.search(value) and _JOIN.search(" " + value + " ")):
        return None
    return value, sent.index(value, cut + 1)


_PARTY_TAIL = re.compile(r"(?:\s+(?:thống\s+nhất|đồng\s+ý|cùng\s+nhau|agreed\s+to|jointly|ໄດ້ຕົກລົງ|ຕົກລົງ))+$", re.I)


def agreement_period(sent: str, at: int) -> Optional[DateMention]:
    """The period a memorandum mention at ``at`` covers: a named period after it in the same clause."""
    periods = [p for p in find_periods(sent)
               if p.cue or (0 <= p.start - at <= 60 and not re.search(r"[,;]", sent[at : p.start]))]  # "Protocol … for 2020-2022"
    after = [p for p in periods if p.start >= at and ";" not in sent[at : p.start]]
    if after:
        return after[0]
    before = [p for p in periods if p.end <= at and at - p.end <= 40 and ";" not in sent[p.end : at]]
    return before[-1] if before else None


def occasion_in(sent: str) -> Optional[tuple[str, int]]:
    """The occasion clause of a sentence ("trong chương trình dự Hội nghị … (ASSA 39) tại Lào")."""
    found = []
    for m in _OCCASION.finditer(sent):
        end = len(sent)
        for stop in re.finditer(r",\s|;|\.\s|\.$", sent[m.start() :]):
            end = m.start() + stop.start()
            break
        value = sent[m.start() : end].strip()
        found.append((value, m.start()))
    if not found:
        return None
    conf = [f for f in found if classify_event(f[0]) in ("conference", "meeting", "review")]
    return (conf or found)[0]


def list_items(sent: str) -> list[tuple[str, int]]:
    """The items of a list sentence ("…gồm: A; B; C…"), with their offsets in the sentence."""
    start = 0
    colon = sent.find(":")
    if 0 <= colon < len(sent) - 1:
        start = colon + 1
    items, pos = [], start
    for m in re.finditer(r";", sent[start:]):
        items.append((pos, start + m.start()))
        pos = start + m.end()
    items.append((pos, len(sent)))
    out = []
    for a, b in items:
        raw = sent[a:b]
        text = clean_item(raw)
        if len(text) >= 8:
            out.append((text, a + max(0, len(raw) - len(raw.lstrip()))))
    return out
