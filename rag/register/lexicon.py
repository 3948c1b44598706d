"""What a commitment is about, in Vietnamese, Lao and English: activity terms, places, organisations,
counts, and the words that say an item is planned, done, under way or postponed.

These are the keys commitments are matched by across languages (a Lao note reports done what a
Vietnamese minute planned: same activity terms, places, counts), and the fields a briefing words
in its own language (``concept_<key>``, ``place_<key>``, ``org_<key>``, ``unit_<key>`` in the
strings table). Patterns are tried on the text with Lao digits read as Arabic (same offsets).

The place table is the register's own small one (the answers work adds ``rag/text/names``; the
two can merge when it lands).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text.detect import detect_language
from ..text.names import NAMES
from ..text.normalize import canonical_lao, lao_to_arabic, strip_marks

_VI_MARKED = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)


@lru_cache(maxsize=8192)
def toneless_vi(text: str) -> bool:
    """Vietnamese typed without tone marks or diacritics ("tang 10 bo may tinh"): a staff note."""
    return not _VI_MARKED.search(text) and detect_language(text) == "vi"


class Words:
    """A pattern of the lexicon that also reads Vietnamese typed without tone marks: on such a text it is
    tried with its own marks taken off ("tập huấn" -> "tap huan"); on any other text as written (so the
    English "the" never reads as "thẻ")."""

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        self.bare = re.compile(strip_marks(rx.pattern), rx.flags)
        self.pattern, self.flags = rx.pattern, rx.flags

    def _on(self, text: str) -> re.Pattern:
        return self.bare if toneless_vi(text) else self.rx

    def search(self, text: str, *a):
        return self._on(text).search(text, *a)

    def match(self, text: str, *a):
        return self._on(text).match(text, *a)

    def finditer(self, text: str, *a):
        return self._on(text).finditer(text, *a)

    def sub(self, repl, text: str, *a, **k):
        return self._on(text).sub(repl, text, *a, **k)


def _words(p: str, flags: int = re.I) -> Words:
    return Words(re.compile(p, flags))


def _words_rx(p: str, flags: int = 0) -> Words:
    return Words(re.compile(p, flags))

# Activity terms: key -> (weight in matching, pattern). An item's terms are what it is about.
CONCEPTS: dict[str, tuple[int, Words]] = {k: (w, _words(p)) for k, w, p in [
    ("training", 2, r"tập\s+huấn|đào\s+tạo|bồi\s+dưỡng|khóa\s+học|\btrain(?:s|ed|ing)?\b|\bcourses?\b|ຝຶກອົບຮົມ"),
    ("seminar", 2, r"hội\s+thảo|\bseminars?\b|\bworkshops?\b|ສຳມະນາ"),
    ("conference", 2, r"hội\s+nghị|\bconferences?\b"),
    ("review", 1, r"tổng\s+kết|sơ\s+kết|\breview(?:ing)?\b|ສະຫຼຸບ|ສະຫລຸບ"),
    ("pilot", 2, r"thí\s+điểm|\bpilot|ທົດລອງ"),
    ("ecollection", 2, r"thu\s+(?:BHXH\s+)?điện\s+tử|electronic\s+(?:contribution\s+)?collection|"
                       r"ເກັບເງິນສົມທົບແບບເອເລັກໂຕຣນິກ"),
    ("database", 2, r"cơ\s+sở\s+dữ\s+liệu|\bdatabases?\b|ຖານຂໍ້ມູນ"),
    ("app", 2, r"ứng\s+dụng|\bapps?\b|\bapplication\b|ແອັບ"),
    ("mobile", 2, r"di\s+động|\bmobile\b|ມືຖື"),
    ("medal", 2, r"kỷ\s+niệm\s+chương|huân\s+chương|\bmedals?\b|ຫຼຽນ|ຫລຽນ"),
    ("survey", 2, r"khảo\s+sát|\bsurvey|ສຳຫຼວດ|ສຳຫລວດ"),
    ("law", 2, r"\bluật\b|\blaws?\b|ກົດໝາຍ"),
    ("experts", 2, r"chuyên\s+gia|\bexperts?\b|\bengineers?\b|ຊ່ຽວຊານ"),
    ("draft", 2, r"dự\s+thảo|\bdraft|ຮ່າງ"),
    ("signing", 2, r"(?<!đăng\s)\bký(?:\s+kết)?\b(?!\s+(?:hiệu|túc|sự|giả|ức))|\bsign(?:ed|ing|s)?\b|ລົງນາມ"),
    ("memo", 1, r"(?:biên\s+bản|bản)\s+ghi\s+nhớ|memorand(?:um|a)|\bmou\b|ບົດບັນທຶກຄວາມເຂົ້າໃຈ"),
    ("documents", 2, r"tài\s+liệu|sổ\s+tay|cẩm\s+nang|\bdocuments?\b|\bguidance\b|\bmaterials?\b|\bmanuals?\b|"
                     r"\bhandbooks?\b|\bguidebooks?\b|\bguidelines?\b|ເອກະສານ|ຄູ່ມື"),
    ("translation", 2, r"dịch\s+sang|được\s+dịch|bản\s+dịch|\btranslat|ແປເປັນ|ການແປ"),
    ("visit", 2, r"\bthăm\b|\bvisits?\b|\bstudy\s+tour|ຢ້ຽມ|ທັດສະນະສຶກສາ"),
    ("exchange", 1, r"trao\s+đổi|giao\s+lưu|\bexchanges?\b|ແລກປ່ຽນ"),
    ("extension", 2, r"mở\s+rộng|\bextend(?!\w*\s+(?:it\b|its\s+validity|the\s+(?:agreement|memorandum|mou)\b))|\bexpan|"
                     r"ຂະຫຍາຍ(?!ເວລາ)"),
    ("migration", 2, r"chuyển\s+đổi\s+dữ\s+liệu|\bmigrat|ໂອນຍ້າຍຂໍ້ມູນ"),
    ("inspection", 1, r"thanh\s+tra|kiểm\s+tra|\binspection|ກວດກາ|ກວດສອບ"),
    ("fund", 2, r"\bquỹ\b|\bfunds?\b|ກອງທຶນ"),
    ("communication", 2, r"truyền\s+thông|tuyên\s+truyền|\bcommunicat|ໂຄສະນາ|ເຜີຍແຜ່"),
    ("twinning", 2, r"kết\s+nghĩa|\btwinning|ຄູ່ແຝດ"),
    ("digital", 1, r"chuyển\s+đổi\s+số|số\s+hóa|số\s+hoá|\bdigital|\bdigiti[sz]|ດິຈິຕອນ"),
    # what an activity is about, in the vocabulary of social-security cooperation (round 2)
    ("software", 2, r"phần\s+mềm|\bsoftware\b|ໂປຣແກຣມ|ໂປແກຣມ|ຊອບແວ"),
    ("pension", 2, r"lương\s+hưu|\bpensions?\b|ບຳນານ"),
    ("website", 2, r"trang\s+(?:thông\s+tin\s+điện\s+tử|web)|cổng\s+thông\s+tin|\bwebsite|\bweb\s+portal|ເວັບໄຊ"),
    ("sports", 2, r"thể\s+thao|bóng\s+đá|\bsports?\b|\bfootball\b|ກິລາ|ບານເຕະ"),
    ("card", 2, r"\bthẻ\b|\bcards?\b|ບັດ(?!ນີ້)"),
    ("health", 2, r"\bBHYT\b|bảo\s+hiểm\s+y\s+tế|health\s+insurance|ປະກັນສຸຂະພາບ"),
    ("crossborder", 2, r"qua\s+biên\s+giới|xuyên\s+biên\s+giới|cross-?border|ຂ້າມແດນ"),
    # other things the two sides work on, in the social-security vocabulary (round 3)
    ("unemployment", 2, r"bảo\s+hiểm\s+thất\s+nghiệp|\bBHTN\b|\bunemployment|ຫວ່າງງານ"),
    ("accident", 2, r"tai\s+nạn\s+lao\s+động|bệnh\s+nghề\s+nghiệp|occupational\s+(?:accident|disease|injur)|"
                    r"\bwork(?:place)?\s+(?:accident|injur)|ອຸບັດຕິເຫດ|ພະຍາດອາຊີບ"),
    ("hotline", 2, r"tổng\s+đài|đường\s+dây\s+nóng|call\s+cent(?:re|er)|\bhotlines?\b|ສາຍດ່ວນ"),
    ("onestop", 2, r"một\s+cửa|\bone-?stop|ປະຕູດຽວ"),
    ("voluntary", 2, r"tự\s+nguyện|\bvoluntary|ສະໝັກໃຈ"),
    ("scholarship", 2, r"học\s+bổng|\bscholarships?\b|ທຶນການສຶກສາ"),
    ("equipment", 2, r"máy\s+tính|máy\s+in|máy\s+chủ|trang\s+thiết\s+bị|\bcomputers?\b|\bprinters?\b|\bservers?\b|"
                     r"\bequipment\b|ຄອມພິວເຕີ|ເຄື່ອງພິມ|ເຊີເວີ|ອຸປະກອນ"),
    ("infoexchange", 2, r"trao\s+đổi\s+(?:thông\s+tin|dữ\s+liệu)|\bexchang\w*\s+(?:of\s+)?(?:data|information)\b|"
                        r"\b(?:data|information)\s+exchange|ແລກປ່ຽນຂໍ້ມູນ|ແລກປ່ຽນຂ່າວສານ"),
    # an agreement's validity prolonged, not a pilot spread to more places (round 4, H4); rare and specific
    # enough to match on its own (a plan "to consider extending it" names no place or period)
    ("renewal", 4, r"gia\s+hạn|\brenew(?:al|ed|s|ing)?\b|\bextend\w*\s+(?:it\b|its\s+validity|the\s+(?:agreement|"
                   r"memorandum|mou)\b)|\bextension\s+of\s+the\s+(?:agreement|memorandum|mou)\b|ຕໍ່ອາຍຸ|ຂະຫຍາຍເວລາ"),
    # written comments on a draft (round 4, H4)
    ("comments", 2, r"góp\s+ý|\bcomments?\b|\bfeedback\b|ຄຳເຫັນ"),
]}
OBJECTS = frozenset({"ecollection", "database", "app", "law", "medal", "fund", "software", "website", "card", "health",
                     "sports", "documents", "equipment", "unemployment", "accident", "hotline", "scholarship"})
"""What an activity works on: two items each about an object the other does not name are different
activities, whatever else they share ("extend e-collection to 3 provinces" is not "extend the pension
software to 3 provinces")."""
EXCLUSIVE = ({"draft", "signing"},)  # drafting a memorandum and signing it are different activities

# Places: key -> pattern (words for each language: ``place_<key>``). Countries only after "in / tại / ທີ່".
PLACES: dict[str, Words] = {k: _words(p) for k, p in [
    ("hanoi", r"hà\s+nội|\bha\s*noi\b|ຮ່າໂນ້ຍ"),
    ("vientiane", r"viêng\s+chăn|vientiane|ວຽງຈັນ"),
    ("savannakhet", r"xa-?van-?na-?khet|savannakhet|ສະຫວັນນະເຂດ"),
    ("luangprabang", r"luông\s+pha\s+bang|luang\s*pra?bang|ຫຼວງພະບາງ|ຫລວງພະບາງ"),
    ("champasak", r"chăm-?pa-?xắc|champass?ak|ຈຳປາສັກ"),
    ("khammouane", r"khăm\s+muộn|khammou?ane|khammuan|ຄຳມ່ວນ"),
    ("bolikhamxay", r"bô-?ly-?khăm-?xay|bolikhamx?s?ai|ບໍລິຄຳໄຊ"),
    ("danang", r"đà\s+nẵng|\bda\s*nang\b|ດ່ານັງ|ດານັງ"),
    ("quangnam", r"quảng\s+nam|quang\s+nam|ກວາງນາມ"),
    # every Lao province and the Vietnamese provinces on the border (the answers work's name table,
    # rag/text/names.py, is to replace this list when it lands)
    ("phongsaly", r"phông-?\s?xa-?\s?lỳ|phongsa(?:ly|li)|ຜົ້ງສາລີ"),
    ("luangnamtha", r"luông\s+nậm\s+thà|luang\s*nam\s*tha|ຫຼວງນ້ຳທາ|ຫລວງນ້ຳທາ"),
    ("oudomxay", r"u-?\s?đôm-?\s?xay|oudomx[ae]y|oudomxai|ອຸດົມໄຊ"),
    ("bokeo", r"bò\s+kẹo|\bbokeo\b|ບໍ່ແກ້ວ"),
    ("houaphanh", r"hủa\s+phăn|hou?aphanh?|huaphan|ຫົວພັນ"),
    ("xayaboury", r"xay-?\s?nha-?\s?bu-?\s?ly|xa(?:y|i)a?bou?ry|sainyabuli|ໄຊຍະບູລີ"),
    ("xiengkhouang", r"xiêng\s+khoảng|xieng\s*khouang|xiangkhouang|ຊຽງຂວາງ"),
    ("salavan", r"sa-?\s?la-?\s?van|salavan|saravane|ສາລະວັນ"),
    ("sekong", r"xê-?\s?kông|\bsekong\b|ເຊກອງ"),
    ("attapeu", r"a-?\s?tô-?\s?pư|attapeu|attapue|ອັດຕະປື"),
    ("xaisomboun", r"xay-?\s?xổm-?\s?bun|xaisomboun|saysomboun|ໄຊສົມບູນ"),
    ("quangtri", r"quảng\s+trị|quang\s+tri\b|ກວາງຈິ|ກວາງຕີ"),
    ("nghean", r"nghệ\s+an|nghe\s+an\b|ເງ້ອານ|ແງ້ອານ"),
    ("hatinh", r"hà\s+tĩnh|ha\s+tinh\b|ຮ່າຕິ້ງ|ຮາຕິ້ງ"),
    ("quangbinh", r"quảng\s+bình|quang\s+binh\b|ກວາງບິ່ງ|ກວາງບິງ"),
    ("thanhhoa", r"thanh\s+hóa|thanh\s+hoá|thanh\s+hoa\b|ທັນຮວາ|ແທັງຮວາ"),
    ("dienbien", r"điện\s+biên|dien\s+bien\b|ດຽນບຽນ"),
    ("sonla", r"sơn\s+la\b|son\s+la\b|ເຊີນລາ|ເຊີນລ່າ"),
    ("hue", r"thừa\s+thiên\s*-?\s*huế|\bhuế\b|\bhue\b|ເຫວ້"),
    ("kontum", r"kon\s*tum|ກອນຕູມ|ກອນຕຸມ"),
    ("hcmc", r"thành\s+phố\s+hồ\s+chí\s+minh|tp\.?\s*hcm|ho\s+chi\s+minh\s+city|ໂຮ່ຈິມິນ"),
]}
COUNTRIES: dict[str, re.Pattern] = {
    "vietnam": re.compile(r"(?:\btại|\bở|\bsang|\bin|\bto|ທີ່|ຢູ່)\s+(?:nước\s+)?(?:việt\s+nam|vietnam|viet\s+nam|ຫວຽດນາມ)"
                          r"(?!\s*(?:social|\(|đã|sẽ))", re.I),
    "laos": re.compile(r"(?:\btại|\bở|\bsang|\bin|\bto|ທີ່|ຢູ່)\s+(?:nước\s+)?(?:lào|laos|ສປປ\s*ລາວ)(?![\w])", re.I),
}

# Organisations: key -> pattern (words: ``org_<key>``); "both" is the two sides together.
ORGS: dict[str, Words] = {k: _words(p) for k, p in [
    ("lsso", r"cơ\s+quan\s+(?:BHXH|bảo\s+hiểm\s+xã\s+hội)\s+(?:quốc\s+gia\s+)?lào|"
             r"lao\s+social\s+security\s+organi[sz]ation|\bLSSO\b|ອົງການປະກັນສັງຄົມແຫ່ງຊາດ"),
    ("molsw", r"bộ\s+lao\s+động\s+và\s+phúc\s+lợi\s+xã\s+hội(?:\s+lào)?|ministry\s+of\s+labou?r\s+and\s+social\s+welfare|"
              r"\bMoLSW\b|ກະຊວງແຮງງານ\s*ແລະ\s*ສະຫວັດດີການສັງຄົມ"),
    ("vss", r"(?:BHXH|bảo\s+hiểm\s+xã\s+hội)\s*(?:\(BHXH\)\s*)?việt\s+nam|vietnam\s+social\s+security|\bVSS\b|"
            r"ປະກັນສັງຄົມຫວຽດນາມ"),
    ("both", r"hai\s+bên|hai\s+phía|(?:the\s+)?two\s+sides|both\s+sides|ສອງຝ່າຍ|ທັງສອງຝ່າຍ"),
]}
LEAD_LABEL = _words_rx(r"(?:đơn\s+vị\s+chủ\s+trì(?:\s+phía\s+việt\s+nam)?|\blead(?:\s+unit)?|\bresponsible|"
                        r"ຜູ້ຮັບຜິດຊອບ|ຫົວໜ່ວຍຮັບຜິດຊອບ)\s*:\s*([^.;\n]+)", re.I)

# Counts: a number and what it counts (words: ``unit_<key>``).
UNITS: dict[str, str] = {
    "people": r"cán\s+bộ|người|cá\s+nhân|đại\s+biểu|thành\s+viên|học\s+viên|công\s+chức|viên\s+chức|staff|people|"
              r"persons|participants|members|officers|officials|trainees|individuals|ຄົນ|ທ່ານ|ພະນັກງານ|ເຈົ້າໜ້າທີ່|ເຈົ້າຫນ້າທີ່",
    "employers": r"đơn\s+vị\s+sử\s+dụng\s+lao\s+động|doanh\s+nghiệp|employers|ຫົວໜ່ວຍທຸລະກິດ|ນາຍຈ້າງ",
    "experts": r"chuyên\s+gia|experts|engineers|ຊ່ຽວຊານ",
    "provinces": r"tỉnh|provinces|ແຂວງ",
    "computers": r"bộ\s+máy\s+tính|máy\s+tính|computers|ຄອມພິວເຕີ",
    "percent": r"%",
}
_COUNT = re.compile(r"(?<![\d/.,:\-])(\d{1,3}(?:[.,]\d{3})*|\d+)\s*(?:(?-i:[A-Z]{2,6})\s+)?(%|"  # "15 LSSO staff"
                    + "|".join(f"(?:{p})" for p in UNITS.values()) + r")", re.I)
_COUNT_AFTER = re.compile(r"(" + "|".join(f"(?:{p})" for k, p in UNITS.items() if k != "percent") +
                          r")\s*(?:ຈຳນວນ\s*)?(\d{1,3}(?:[.,]\d{3})*|\d+)(?![\d/])", re.I)  # Lao: ພະນັກງານ 25 ຄົນ
_UNIT_RX = {k: re.compile(f"^(?:{p})$", re.I) for k, p in UNITS.items()}

# Cues: what an item says of itself.
PLAN = _words_rx(
    r"\bsẽ\b|\bdự\s+kiến\b|\bkế\s+hoạch\b|cam\s+kết|thống\s+nhất|\bphấn\s+đấu\b|\bwill\b|\bplan(?:s|ned)?\b|"
    r"\bdue\s+to\b|\bexpected\b|\bcommit(?:s|ted|ment|ments)?\b|\bagreed\b|\bto\s+be\b|(?<!ກິດ)ຈະ(?!ແຈ້ງ)|ຄາດວ່າ|ມີແຜນ|ວາງແຜນ|ຕົກລົງ|ຄຳໝັ້ນສັນຍາ|ຄຳຫມັ້ນສັນຍາ",
    re.I)
FUTURE = _words_rx(
    r"\bsẽ\b|\bdự\s+kiến\b|\bkế\s+hoạch\b|\bphấn\s+đấu\b|\bwill\b|\bplan(?:s|ned)?\b|\bexpected\b|\bdue\s+to\s+be\b|"
    r"\bto\s+be\s+(?:held|signed|completed)\b|(?<!ກິດ)ຈະ(?!ແຈ້ງ)|ຄາດວ່າ|ມີແຜນ|ວາງແຜນ|ກຳນົດຈະ",
    re.I)
"""Cues that put what follows in the future (a plan), not agreement words: the day two sides
agreed on something is a day something happened."""
WILL = _words_rx(r"\bsẽ\b|\bdự\s+kiến\b|\bwill\b|\bexpected\s+to\b|\bplan(?:s|ned)?\s+to\b|(?<!ກິດ)ຈະ(?!ແຈ້ງ)|ຄາດວ່າ",
                  re.I)
"""The future tense itself ("sẽ", "will", "ຈະ"): a year or quarter that has begun is still ahead for it."""
VALIDITY = _words_rx(r"hiệu\s+lực|\bvalid\b|\bvalidity|\bexpires?\b|\bin\s+force|ມີຜົນສັກສິດ|ມີຜົນບັງຄັບ", re.I)
REQUEST = _words_rx(r"đề\s+nghị|mong\s+muốn|\brequest(?:s|ed)?\b|\bask(?:s|ed)?\b|\bpropos(?:e|ed|al)\b|ສະເໜີ|ສະເຫນີ|ຂໍໃຫ້",
                     re.I)
DONE = _words_rx(
    r"đã\s+(?:được\s+)?(?:hoàn\s+thành|tổ\s+chức|gửi|trao|ký|tiến\s+hành|triển\s+khai\s+xong|mở\s+rộng|khai\s+trương|"
    r"diễn\s+ra|thực\s+hiện\s+xong|bàn\s+giao|sang|cử)|\bhoàn\s+thành\s+ngày|"
    r"\bcompleted\b|\bwas\s+held\b|\bwere\s+held\b|\bheld\s+on\b|\bdelivered\b|\bwas\s+sent\b|\bwere\s+sent\b|"
    r"\bpresented\b|\bfinished\b|\bcarried\s+out\b|"
    r"ໄດ້ຈັດ|ໄດ້ສຳເລັດ|ສຳເລັດແລ້ວ|ໄດ້ສົ່ງ|ໄດ້ມອບ|ໄດ້ລົງນາມ|ໄດ້ດຳເນີນ|ໄດ້ຂະຫຍາຍ|ໄດ້ເປີດ|"
    # in official operation: what was to be installed or built is done
    r"vận\s+hành\s+chính\s+thức|chính\s+thức\s+(?:vận\s+hành|đi\s+vào\s+hoạt\s+động)|đưa\s+vào\s+(?:vận\s+hành|sử\s+dụng)|"
    r"\bofficially\s+(?:in\s+operation|in\s+use|put\s+into)|\bwent\s+live\b|\bput\s+into\s+operation|"
    r"ນຳໃຊ້ຢ່າງເປັນທາງການ|ເລີ່ມນຳໃຊ້ຢ່າງເປັນທາງການ|"
    # in use now (where it is in use: a place not named there is still to come, see commitments._state)
    r"đã\s+(?:được\s+)?(?:sử\s+dụng|áp\s+dụng)|\b(?:is|are|has\s+been|have\s+been)\s+(?:now\s+)?in\s+use\b|ໄດ້ນຳໃຊ້|"
    # handed over, installed, trained, issued: the verbs of delivering what was promised
    r"đã\s+(?:được\s+)?(?:lắp\s+đặt|cài\s+đặt|hoàn\s+tất|ban\s+hành|đào\s+tạo|tập\s+huấn|chuyển\s+giao|nghiệm\s+thu|"
    r"khánh\s+thành|cấp\s+(?:thẻ|sổ|chứng\s+chỉ)|xây\s+dựng\s+xong)|\b(?:handed\s+over|took\s+place|installed)\b|"
    r"\b(?:was|were|has\s+been|have\s+been)\s+(?:successfully\s+)?(?:trained|organi[sz]ed|conducted|launched|issued|"
    r"adopted|signed|provided|opened|inaugurated)\b|"
    r"ໄດ້ຕິດຕັ້ງ|ໄດ້ຝຶກອົບຮົມ|ໄດ້ຮັບການຝຶກອົບຮົມ|ໄດ້ຈັດຕັ້ງປະຕິບັດ|ໄດ້ຮັບມອບ|ໄດ້ອອກ|"
    # the passive with its agent: "đã được Cơ quan BHXH quốc gia Lào hoàn thành"
    r"đã\s+được\s+(?:[^\s,.;]+\s+){1,8}?(?:hoàn\s+thành|tổ\s+chức|bàn\s+giao|ký\s+kết)\b",
    re.I)
_TO_BE = re.compile(r"(?:\bwill|\bto|\bshall|\bsẽ|\bcần|\bphải|ຈະ|ຕ້ອງ)\s*(?:be\s+|được\s+)?(?:\w+\s+)?$", re.I)


def done_in(text: str) -> bool:
    """A completion cue that is not itself the thing planned ("is expected to be completed in 2026", "sẽ
    được đưa vào sử dụng": a plan; "was completed", "đã hoàn thành": done)."""
    return any(not _TO_BE.search(text[max(0, m.start() - 30) : m.start()]) for m in DONE.finditer(text))


HELD = _words_rx(r"đã\s+(?:được\s+)?(?:tổ\s+chức|diễn\s+ra|tiến\s+hành)|\bwas\s+held\b|\bwere\s+held\b|\bheld\s+on\b|"
                  r"ໄດ້ຈັດຂຶ້ນ|ໄດ້ດຳເນີນ", re.I)
EVENTS = {"training", "seminar", "conference", "review", "visit", "exchange", "medal", "signing", "survey", "experts",
          "inspection"}
"""Activities that take place on a day (a course, a seminar, an experts' mission): a report that they took
place on a stated day reports them done."""
EXISTS = _words_rx(r"gồm\s+\d+\s+(?:điều|chương|phần)|\bconsists?\s+of\s+\d+|\bhas\s+\d+\s+articles|"
                    r"ປະກອບມີ\s*\d+\s*ມາດຕາ", re.I)
AFTER = _words_rx(r"\bsau\s+khi\b|\bafter\b|ຫຼັງຈາກ", re.I)
STARTED = _words_rx(r"\blaunch(?:ed|es)?\b|khai\s+trương|khởi\s+động|ເປີດນຳໃຊ້|ເປີດໂຕ", re.I)
PROGRESS = _words_rx(
    r"\bđang\b|\bđạt\s+(?:khoảng\s+)?\d|chuẩn\s+bị|\bunder\s+way|\bunderway|\bin\s+progress|\bongoing\b|\bpreparing\b|"
    r"\bunder\s+development|ກຳລັງ|ປະຕິບັດແລ້ວປະມານ|\d+\s*%|"
    r"\b(?:is|are)\s+(?:still\s+)?being\s+\w+ed\b|\bpartly\b|\bpartially\b|một\s+phần|ບາງສ່ວນ|"
    r"\bstill\s+(?:in|at)\s+the\s+\w+\s+stage|vẫn\s+đang|ຢູ່ໃນຂັ້ນຕອນ",
    re.I)
POSTPONE = _words_rx(r"\blùi\b|\bhoãn\b|\bdời\b|chuyển\s+sang|\bpostpon|\bdelay|\breschedul|\bmoved\s+to|"
                      r"\bdeferred\b|\bpushed\s+back|\bput\s+off\b|ເລື່ອນ", re.I)
NOT_DONE = _words_rx(r"chưa\s+(?:được\s+)?(?:thực\s+hiện|tổ\s+chức|hoàn\s+thành|ký|triển\s+khai|gửi|bàn\s+giao|xong)|bị\s+hủy|"
                      r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:held|done|carried|completed|finished|signed|delivered|sent|"
                      r"organi[sz]ed|implemented|launched)|\b(?:has|have)\s+yet\s+to\b|\bcancell?ed\b|"
                      r"ຍັງບໍ່ທັນ|ຍັງບໍ່ໄດ້|ຖືກຍົກເລີກ", re.I)
CANCELLED = _words_rx(r"\bcancell?ed\b|\bcalled\s+off\b|\bdropped\b|bị\s+hủy|hủy\s+bỏ|đã\s+hủy|không\s+tổ\s+chức\s+nữa|"
                      r"không\s+được\s+tổ\s+chức|\b(?:was|were)\s+not\s+held\b|\bdid\s+not\s+take\s+place\b|"
                      r"ຍົກເລີກ|ບໍ່ໄດ້ຈັດ", re.I)
"""An activity called off ("was cancelled", "bị hủy", "ຖືກຍົກເລີກ"): not done, and no longer due."""
MEETING_REF = _words_rx(r"biên\s+bản|cuộc\s+họp|buổi\s+(?:làm\s+việc|họp)|phiên\s+họp|hội\s+nghị|hội\s+đàm|"
                        r"\bminutes\b|\bmeeting\b|\bsession\b|\btalks\b|ກອງປະຊຸມ|ບົດບັນທຶກ|ການເຈລະຈາ", re.I)
"""A meeting or its record named in a sentence: a month it gives may be the date of that meeting."""
NOW = _words_rx(r"\bhiện\s+(?:nay|đã|đang|tại|vẫn)|\bnow\b|\bcurrently\b|\bto\s+date\b|\bso\s+far\b|ປັດຈຸບັນ|ດຽວນີ້|"
                 r"ມາຮອດນີ້", re.I)
"""A report of the present state ("hiện đã được sử dụng", "now in use"): not only history."""
BUDGET = _words_rx(r"kinh\s+phí|ngân\s+sách|\bbudget|\bfunding\b|ງົບປະມານ", re.I)
PLAN_SECTION = _words_rx(
    r"phương\s+hướng|kế\s+hoạch|đã\s+thống\s+nhất|hoạt\s+động\s+cụ\s+thể|nhiệm\s+vụ|thống\s+nhất\s+(?:như\s+sau|các)|"
    r"next\s+steps|follow-up|work\s+plan|action\s+plan|directions|the\s+following|"
    r"ແຜນການ|ຂໍ້ຕົກລົງ|ຕົກລົງເຫັນດີ|ທິດທາງ", re.I)
RESULT_SECTION = _words_rx(r"kết\s+quả|đánh\s+giá|thành\s+phần|nội\s+dung\s+trao\s+đổi|điều\s+khoản|\bresults?\b|"
                            r"\bassessment|\blessons|\bbackground|\bprogramme|ຜົນໄດ້ຮັບ|ການທົບທວນ|ຜູ້ເຂົ້າຮ່ວມ|ເນື້ອໃນ",
                            re.I)
ITEM = _words_rx(r"^\s*(?:\d{1,2}[.)]|[a-zđ][.)]|[ກຂຄງຈສຊຍດຕ][.)]|[-•–*]|[IVX]{1,4}\.)\s+", re.I)
HEADING = _words_rx(r"^\s*(?:[IVX]{1,4}\.|\d{1,2}\.)\s+[^.:;]{2,70}:?$|^[^.;]{2,60}:$")


@dataclass(frozen=True)
class Count:
    value: str  # digits as written, Lao digits read ("1.240", "30")
    unit: str  # key of UNITS
    at: int


def terms(text: str) -> dict[str, int]:
    """Activity terms of a text -> their weights (Lao in one spelling: ຫນ/ໜ, ຫມ/ໝ)."""
    t = canonical_lao(text)
    return {k: w for k, (w, rx) in CONCEPTS.items() if rx.search(t)}


def places(text: str) -> list[str]:
    """Place keys a text names, in text order (countries only where the text puts something there)."""
    t = lao_to_arabic(text)
    found = [(m.start(), k) for k, rx in PLACES.items() if (m := rx.search(t))]
    found += [(m.start(), k) for k, rx in COUNTRIES.items() if (m := rx.search(t))]
    return [k for _, k in sorted(found)]


def where(text: str) -> set[str]:
    """Places a text names, for matching: every province and city of the shared name table
    (:data:`rag.text.names.NAMES`, wider than :data:`PLACES`) and a country the text puts something in."""
    found = {f.key for f in NAMES.find(text, ("province", "city"))}
    return found | {k for k, rx in COUNTRIES.items() if rx.search(lao_to_arabic(text))}


SIDES = frozenset({"vss", "lsso", "molsw", "nssf", "molisa"})
"""The two social-security sides of the record (and their ministries): every item names them."""


def third_parties(text: str) -> set[str]:
    """Organisations of the shared name table a text names, other than :data:`SIDES` (a ministry, an
    international organisation): who else an activity is with."""
    return {f.key for f in NAMES.find(text, ("org",))} - SIDES


def orgs(text: str) -> list[tuple[int, str]]:
    """(offset, organisation key) of every organisation a text names."""
    t = lao_to_arabic(text)
    out = [(m.start(), k) for k, rx in ORGS.items() for m in rx.finditer(t)]
    return sorted(out)


def unit_of(word: str) -> str:
    w = word.strip()
    return next((k for k, rx in _UNIT_RX.items() if rx.match(w)), "")


def counts(text: str) -> list[Count]:
    """The counts of a text ("30 cán bộ", "ພະນັກງານ 25 ຄົນ", "40%"), not dates, years or list numbers."""
    t = lao_to_arabic(text)
    out, seen = [], set()
    for m in _COUNT.finditer(t):
        value, unit = m[1], unit_of(m[2]) or ("percent" if m[2] == "%" else "")
        if unit and not re.fullmatch(r"(?:19|20)\d\d", value) and m.start() not in seen:
            out.append(Count(value, unit, m.start()))
            seen.add(m.start())
    for m in _COUNT_AFTER.finditer(t):
        unit, value = unit_of(m[1]), m[2]
        if unit and not re.fullmatch(r"(?:19|20)\d\d", value) and m.start(2) not in seen:
            if not any(c.value == value for c in out):
                out.append(Count(value, unit, m.start(2)))
                seen.add(m.start(2))
    return sorted(out, key=lambda c: c.at)


def numbers(text: str) -> set[str]:
    """Numbers that identify an activity (counts), without the separators."""
    return {re.sub(r"[.,]", "", c.value) for c in counts(text) if c.unit != "percent"}


def bigrams(text: str) -> set[str]:
    """Lower-case word pairs of a spaced language, organisation names left out (same-language matching)."""
    t = lao_to_arabic(text)
    for rx in ORGS.values():
        t = rx.sub(" ", t)
    words = [w for w in re.findall(r"\w+", t.lower()) if not w.isdigit() or len(w) <= 2]
    return {f"{a} {b}" for a, b in zip(words, words[1:])}
