"""Write ``eval/holdout/questions.jsonl``: the held-out question set.

Same schema as ``eval/questions.jsonl`` (see ``eval/README.md``), qids prefixed ``ho-``, and
``split`` = ``report`` for every question: this set is never tuned on. The questions ask
mostly about the held-out documents of ``eval/holdout/record/`` but are answered over the whole
record (``corpus/`` + ``eval/fixtures/record/`` + ``eval/holdout/record/``). The questions are
data in this file; the script only expands date / month / quarter / place alternatives, numbers
the qids and writes one JSON object per line (UTF-8, NFC).
``eval/holdout/check_holdout.py`` verifies the result against the documents.

    /work/main/.venv/bin/python eval/holdout/make_questions.py
"""
from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------------------------
IT19 = "ho-2019-10-09-vi-thoa-thuan-cntt"              # vi PDF  IT agreement 2019-2021 (Vinh)
SW_VI = "ho-2021-07-06-vi-tin-phan-mem-luong-huu"      # vi HTML pension software live 05/7/2021
SW_LO = "ho-2021-07-20-lo-note-pension-software"       # lo TXT  same topic, Lao digits (NOT a translation)
MOF_EN = "ho-2023-10-27-en-report-finance-visit"       # en DOCX Lao Ministry of Finance visit (en only)
XK_LO = "ho-2024-03-28-lo-minutes-xieng-khouang"       # lo PDF  Xieng Khouang - Nghệ An minutes
SP_LO = "ho-2024-08-09-lo-news-sports-quang-tri"       # lo MD   sports exchange, Savannakhet side (NOT a translation)
QT_VI = "ho-2024-08-12-vi-tin-quang-tri-savannakhet"   # vi HTML Quảng Trị - Savannakhet (original)
QT_EN = "ho-2024-08-12-en-news-quang-tri-savannakhet"  # en TXT  its English translation
MOF_VI = "ho-2024-11-14-vi-bien-ban-bo-tai-chinh"      # vi DOCX online meeting with the Lao MoF (table)
NA_VI = "ho-2024-12-10-vi-tin-nghe-an-xieng-khoang"    # vi MD   Nghệ An donation, study visit, planned agreement
EC_VI = "ho-2025-08-14-vi-tin-the-dien-tu-oudomxay"    # vi MD   e-card pilot agreed ("Chiều 14/8")
EC_LO = "ho-2025-11-03-lo-news-e-card-oudomxay"        # lo HTML e-card pilot launched (Lao-only facts)
# development record, for the few whole-record questions
REAL = "vss-lao-2022-11-22-vi"
DIGI_VI = "fx-2023-11-10-vi-tin-chuyen-doi-so"
DANANG_EN = "fx-2024-06-03-en-report-da-nang"
DB_LO = "fx-2025-04-10-lo-minutes-database"
MOU30 = "fx-2025-09-18-vi-tin-mou-2026-2030"
REP24 = "fx-2025-02-20-vi-bao-cao-2024"

DOC_LANGS = {
    IT19: ["vi"], SW_VI: ["vi"], SW_LO: ["lo"], MOF_EN: ["en"], XK_LO: ["lo"], SP_LO: ["lo"],
    QT_VI: ["vi"], QT_EN: ["en"], MOF_VI: ["vi"], NA_VI: ["vi"], EC_VI: ["vi"], EC_LO: ["lo"],
    REAL: ["vi", "lo", "en"], DIGI_VI: ["vi"], DANANG_EN: ["en"], DB_LO: ["lo"], MOU30: ["vi"], REP24: ["vi"],
}

# ---------------------------------------------------------------------------------------------
# Alternatives (same conventions as eval/make_questions.py)
# ---------------------------------------------------------------------------------------------
EN_M = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"]
LO_M = ["", "ມັງກອນ", "ກຸມພາ", "ມີນາ", "ເມສາ", "ພຶດສະພາ", "ມິຖຸນາ", "ກໍລະກົດ", "ສິງຫາ", "ກັນຍາ",
        "ຕຸລາ", "ພະຈິກ", "ທັນວາ"]
ROMAN = ["", "I", "II", "III", "IV"]
EN_ORD = ["", "first", "second", "third", "fourth"]
LAO_DIG = str.maketrans("0123456789", "໐໑໒໓໔໕໖໗໘໙")


def _uniq(xs):
    return list(dict.fromkeys(xs))


def day(lang, y, m, d):
    base = [f"{d}/{m}/{y}", f"{d:02d}/{m:02d}/{y}", f"{d:02d}/{m}/{y}"]
    if lang == "vi":
        alts = base + [f"ngày {d} tháng {m} năm {y}", f"{d} tháng {m} năm {y}", f"ngày {d:02d} tháng {m} năm {y}",
                       f"{d}-{m}-{y}"]
    elif lang == "en":
        alts = [f"{d} {EN_M[m]} {y}", f"{EN_M[m]} {d}, {y}", f"{EN_M[m]} {d} {y}"] + base + [f"{y}-{m:02d}-{d:02d}"]
    else:
        alts = base + [f"ວັນທີ {d} ເດືອນ {LO_M[m]} ປີ {y}", f"ວັນທີ {d} ເດືອນ {LO_M[m]} {y}",
                       f"{d} ເດືອນ {LO_M[m]} {y}", f"{d} {LO_M[m]} {y}", f"{d} {LO_M[m]} ປີ {y}",
                       f"{d}/{m}/{y}".translate(LAO_DIG), f"{d} ເດືອນ {LO_M[m]} {y}".translate(LAO_DIG),
                       f"{d} {LO_M[m]} {y}".translate(LAO_DIG)]
    return _uniq(alts)


def month(lang, y, m):
    if lang == "vi":
        alts = [f"tháng {m}/{y}", f"tháng {m} năm {y}", f"tháng {m:02d}/{y}", f"{m}/{y}"]
    elif lang == "en":
        alts = [f"{EN_M[m]} {y}", f"{m}/{y}"]
    else:
        alts = [f"ເດືອນ {LO_M[m]} {y}", f"ເດືອນ {LO_M[m]} ປີ {y}", f"{LO_M[m]} {y}", f"{LO_M[m]} ປີ {y}",
                f"ເດືອນ {m}/{y}", f"{m}/{y}", f"{m}/{y}".translate(LAO_DIG),
                f"ເດືອນ {LO_M[m]} {y}".translate(LAO_DIG)]
    return _uniq(alts)


def quarter(lang, y, q):
    if lang == "vi":
        return [f"quý {ROMAN[q]}/{y}", f"quý {q}/{y}", f"quý {ROMAN[q]} năm {y}", f"quý {q} năm {y}"]
    if lang == "en":
        return [f"Q{q} {y}", f"Q{q}/{y}", f"Q{q}-{y}", f"{EN_ORD[q]} quarter of {y}"]
    return [f"ໄຕມາດທີ {q} ປີ {y}", f"ໄຕມາດທີ {q}/{y}", f"ໄຕມາດ {q}/{y}", f"ໄຕມາດທີ {q} {y}",
            f"ໄຕມາດ {q} ປີ {y}", f"ໄຕມາດທີ {q} ປີ {y}".translate(LAO_DIG)]


def period(a, b, lang="vi"):
    alts = [f"{a}-{b}", f"{a} - {b}", f"{a}–{b}"]
    if lang == "en":
        alts.append(f"{a} to {b}")
    if lang == "lo":
        alts.append(f"{a}-{b}".translate(LAO_DIG))
    return alts


PLACE = {
    "vientiane": {"vi": ["Viêng Chăn", "Vientiane"], "en": ["Vientiane"], "lo": ["ວຽງຈັນ"]},
    "hanoi": {"vi": ["Hà Nội"], "en": ["Hanoi", "Ha Noi", "Hà Nội"], "lo": ["ຮ່າໂນ້ຍ"]},
    "vinh": {"vi": ["Vinh"], "en": ["Vinh"], "lo": ["ວິນ", "Vinh"]},
    "nghe_an": {"vi": ["Nghệ An"], "en": ["Nghệ An", "Nghe An"], "lo": ["ເງ້ອານ", "ເງະອານ", "ເງ່ອານ"]},
    "dong_ha": {"vi": ["Đông Hà"], "en": ["Đông Hà", "Dong Ha"], "lo": ["ດົງຮ່າ"]},
    "kaysone": {"vi": ["Cay-xỏn Phôm-vi-hản", "Kaysone Phomvihane", "Cay-xỏn", "Kaysone"],
                "en": ["Kaysone Phomvihane", "Kaysone"], "lo": ["ໄກສອນ ພົມວິຫານ", "ໄກສອນພົມວິຫານ", "ໄກສອນ"]},
    "oudomxay": {"vi": ["U-đôm-xay", "U Đôm Xay", "Oudomxay", "Udomxay", "Oudomxai"],
                 "en": ["Oudomxay", "Oudomxai", "Udomxay", "Udomxai"], "lo": ["ອຸດົມໄຊ"]},
    "beng": {"vi": ["Bẹng", "Beng"], "en": ["Beng"], "lo": ["ເບັງ"]},
    "xieng_khouang": {"vi": ["Xiêng Khoảng", "Xieng Khouang"], "en": ["Xieng Khouang", "Xiengkhouang", "Xiêng Khoảng"],
                      "lo": ["ຊຽງຂວາງ"]},
    "ha_tinh": {"vi": ["Hà Tĩnh"], "en": ["Hà Tĩnh", "Ha Tinh"], "lo": ["ຮ່າຕິ້ງ", "ຮ່າຕິ່ງ", "ຮ່າຕິງ"]},
    "luang_namtha": {"vi": ["Luông Nậm Thà", "Luang Namtha", "Luang Nam Tha"], "en": ["Luang Namtha", "Luang Nam Tha"],
                     "lo": ["ຫຼວງນ້ຳທາ", "ຫລວງນ້ຳທາ"]},
    "savannakhet": {"vi": ["Xa-van-na-khet", "Xavannakhet", "Savannakhet", "Xa van na khet"], "en": ["Savannakhet"],
                    "lo": ["ສະຫວັນນະເຂດ"]},
}
ITC = {"vi": ["Trung tâm Công nghệ thông tin", "Trung tâm CNTT"],
       "en": ["IT Centre", "IT Center", "Information Technology Centre", "Information Technology Center"],
       "lo": ["ສູນເຕັກໂນໂລຊີຂໍ້ມູນຂ່າວສານ", "ສູນເຕັກໂນໂລຢີຂໍ້ມູນຂ່າວສານ", "ສູນໄອທີ"]}
LSSO = {"vi": ["Cơ quan BHXH quốc gia Lào", "Cơ quan Bảo hiểm xã hội quốc gia Lào", "Cơ quan BHXH Lào",
               "Cơ quan Bảo hiểm xã hội Lào"],
        "en": ["Lao Social Security Organization", "Lao Social Security Organisation", "LSSO"],
        "lo": ["ອົງການປະກັນສັງຄົມແຫ່ງຊາດ", "ອປສ"]}
# "the record reports nothing": how a first sentence says so
NOREP = {
    "vi": ["không ghi nhận", "chưa có thông tin", "không có thông tin", "chưa được báo cáo", "không có báo cáo",
           "chưa có báo cáo", "không thấy", "chưa thấy", "không có văn bản"],
    "lo": ["ບໍ່ມີຂໍ້ມູນ", "ບໍ່ມີການລາຍງານ", "ຍັງບໍ່ມີ", "ບໍ່ມີເອກະສານ", "ບໍ່ພົບ"],
    "en": ["no report", "not reported", "no record", "no information", "does not say", "no later", "no document"],
}


def place(key, lang):
    return PLACE[key][lang]


# ---------------------------------------------------------------------------------------------
# The questions
# ---------------------------------------------------------------------------------------------
QUESTIONS: list[dict] = []


def Q(lang, kind, question, expected=None, gold=(), history=None, missing=None, note=None):
    QUESTIONS.append(dict(lang=lang, kind=kind, question=question, expected=expected, gold=list(gold),
                          history=history or [], missing=missing, note=note))


def H(question, answer):
    return [{"question": question, "answer": answer}]


# ============================== Vietnamese ==============================
vi = "vi"
# date
Q(vi, "date", "Thỏa thuận hợp tác về công nghệ thông tin giai đoạn 2019-2021 giữa BHXH Việt Nam và Cơ quan BHXH quốc gia Lào được ký ngày nào?",
  [day(vi, 2019, 10, 9)], [IT19, SW_LO], note="the Lao report cites it as ໙/໑໐/໒໐໑໙ (Lao digits)")
Q(vi, "date", "Phần mềm quản lý chi trả lương hưu chính thức vận hành tại Cơ quan BHXH quốc gia Lào từ ngày nào?",
  [day(vi, 2021, 7, 5)], [SW_VI, SW_LO, EC_VI], note="written 05/7/2021, ngày 5 tháng 7 năm 2021 and ໕ ເດືອນ ກໍລະກົດ ໒໐໒໑")
Q(vi, "date", "Khoa tap huan truc tuyen cho 15 can bo CNTT cua Lao nam 2021 dien ra tu ngay nao den ngay nao?",
  [["7/6", "07/6", "7 tháng 6", "ngày 7", "7 đến", "7-11", "7–11"],
   ["11/6/2021", "11 tháng 6 năm 2021", "11/06/2021", "tháng 6/2021", "tháng 6 năm 2021"]],
  [SW_LO], note="no tone marks; cross-lingual: dates only in the Lao report, in Lao digits")
Q(vi, "date", "BHXH tỉnh Nghệ An trao tặng máy tính cho tỉnh Xiêng Khoảng vào ngày nào?", [day(vi, 2024, 12, 5)], [NA_VI])
Q(vi, "date", "Lễ khai trương thí điểm thẻ BHYT điện tử ở U-đôm-xay diễn ra hôm nào?", [day(vi, 2025, 10, 20)], [EC_LO],
  note="cross-lingual: launch reported only in the Lao news")
Q(vi, "date", "Ban đầu dự kiến ký khi nào?",
  [["6 tháng đầu năm 2024", "sáu tháng đầu năm 2024", "nửa đầu năm 2024", "H1 2024", "H1/2024"]], [MOF_VI, MOF_EN],
  history=H("Bản ghi nhớ giữa BHXH Việt Nam và Bộ Tài chính Lào đã được ký chưa?",
            "Chưa. Tại cuộc họp trực tuyến ngày 14/11/2024, hai bên thống nhất dự kiến ký Bản ghi nhớ trong quý II/2025 tại Viêng Chăn; hồ sơ không ghi nhận việc ký. [1]"),
  note="follow-up; 'H1 2024' in the English report, '6 tháng đầu năm 2024' in the Vietnamese minutes")
Q(vi, "date", "Khi nào BHXH Việt Nam gửi Sổ tay kiểm toán nội bộ cho Bộ Tài chính Lào?", [month(vi, 2023, 12)], [MOF_VI])
# place
Q(vi, "place", "Thỏa thuận hợp tác về công nghệ thông tin năm 2019 được ký ở đâu?", [place("vinh", vi)], [IT19, SW_VI])
Q(vi, "place", "Giao luu the thao giua BHXH tinh Quang Tri va BHXH tinh Xa-van-na-khet nam 2024 to chuc o dau?",
  [place("dong_ha", vi)], [QT_VI, QT_EN, SP_LO], note="no tone marks")
Q(vi, "place", "Hội thảo về thu BHXH đối với lao động qua biên giới dự kiến tổ chức ở đâu?", [place("kaysone", vi)],
  [QT_VI, QT_EN])
Q(vi, "place", "Thí điểm thẻ BHYT điện tử của Lào được triển khai tại những bệnh viện nào?",
  [place("oudomxay", vi), place("beng", vi)], [EC_VI, EC_LO])
Q(vi, "place", "Họ học tập ở thành phố nào?", [place("vinh", vi)], [NA_VI, XK_LO],
  history=H("Năm 2024 cán bộ tỉnh Xiêng Khoảng sang Nghệ An học tập kinh nghiệm khi nào?",
            "Từ ngày 16 đến ngày 20/9/2024, 8 cán bộ của Sở Lao động và Phúc lợi xã hội và BHXH tỉnh Xiêng Khoảng đã sang học tập kinh nghiệm tại BHXH tỉnh Nghệ An. [1]"),
  note="follow-up")
Q(vi, "place", "Ngoài Hà Nội, đoàn Bộ Tài chính Lào tháng 10/2023 còn đến làm việc ở tỉnh nào?", [place("ha_tinh", vi)],
  [MOF_EN], note="cross-lingual: English-only report")
# count
Q(vi, "count", "Theo thỏa thuận năm 2019, BHXH Việt Nam đào tạo bao nhiêu cán bộ công nghệ thông tin cho phía Lào?",
  [["15 cán bộ", "15 người", "mười lăm cán bộ"]], [IT19, SW_LO])
Q(vi, "count", "Lúc đầu phần mềm chi trả lương hưu quản lý việc chi trả cho bao nhiêu người hưởng lương hưu ở Viêng Chăn?",
  [["12.400 người", "12 400 người", "12400 người", "12,400 người"]], [SW_LO], note="cross-lingual: Lao-only, Lao digits ໑໒.໔໐໐")
Q(vi, "count", "BHXH tỉnh Nghệ An tặng BHXH tỉnh Xiêng Khoảng bao nhiêu máy tính, máy in và trị giá bao nhiêu?",
  [["10 bộ máy tính", "10 máy tính", "mười bộ máy tính"], ["2 máy in", "hai máy in"], ["265 triệu đồng", "265 triệu"]],
  [NA_VI, XK_LO], note="the value is only in the Vietnamese news; the Lao minutes give the two counts")
Q(vi, "count", "Trong 6 thang dau nam 2024, BHXH tinh Quang Tri da huong dan dang ky BHXH bat buoc cho bao nhieu lao dong Lao?",
  [["143 lao động", "143 người"]], [QT_VI, QT_EN], note="no tone marks")
Q(vi, "count", "Khóa tập huấn về định phí bảo hiểm dành cho bao nhiêu cán bộ?", [["24 cán bộ", "24 người"]], [MOF_VI, MOF_EN])
Q(vi, "count", "Đoàn Bộ Tài chính Lào sang Việt Nam tháng 10/2023 có bao nhiêu thành viên và BHXH Việt Nam chi bao nhiêu?",
  [["8 thành viên", "8 người", "tám thành viên"], ["260 triệu đồng", "260 triệu"]], [MOF_EN],
  note="cross-lingual: English-only report")
Q(vi, "count", "Tháng 10/2025 BHXH Việt Nam cử bao nhiêu chuyên gia sang U-đôm-xay?", [["3 chuyên gia", "ba chuyên gia"]],
  [EC_VI, EC_LO])
Q(vi, "count", "Tháng 11/2023 BHXH Việt Nam tặng Cơ quan BHXH quốc gia Lào bao nhiêu bộ máy tính?",
  [["20 bộ máy tính", "20 máy tính"]], [DIGI_VI],
  note="whole record: development fact; not to be confused with the 10 computers Nghệ An gave Xiêng Khoảng in 12/2024")
# period
Q(vi, "period", "Thỏa thuận hợp tác công nghệ thông tin ký năm 2019 có hiệu lực đến khi nào?",
  [day(vi, 2021, 12, 31) + ["hết năm 2021", "cuối năm 2021"]], [IT19])
Q(vi, "period", "Thỏa thuận hợp tác giữa BHXH tỉnh Nghệ An và tỉnh Xiêng Khoảng dự kiến áp dụng cho giai đoạn nào?",
  [period(2026, 2028)], [XK_LO, NA_VI])
Q(vi, "period", "Ban ghi nho voi Bo Tai chinh Lao du kien cho giai doan nao?", [period(2024, 2026)], [MOF_EN, MOF_VI],
  note="no tone marks")
Q(vi, "period", "Thỏa thuận công nghệ thông tin năm 2019 được ký căn cứ vào Biên bản ghi nhớ giai đoạn nào?",
  [period(2016, 2020)], [IT19])
# list
Q(vi, "list", "Thỏa thuận hợp tác CNTT 2019-2021 gồm những nội dung cụ thể nào?",
  [["lương hưu"], ["đào tạo", "15 cán bộ"], ["song ngữ", "trang thông tin"]], [IT19])
Q(vi, "list", "Phần mềm quản lý chi trả lương hưu mang lại những thay đổi gì cho phía Lào?",
  [["tập trung", "cơ sở dữ liệu thống nhất"], ["tự động"], ["thời gian thực"]], [SW_VI])
Q(vi, "list", "Tại buổi làm việc với BHXH tỉnh Xa-van-na-khet tháng 8/2024, BHXH tỉnh Quảng Trị thống nhất những việc gì?",
  [["6 tháng"], ["qua biên giới", "hội thảo"], ["2026", "lần thứ hai"]], [QT_VI, QT_EN])
Q(vi, "list", "Những văn bản hợp tác nào với phía Lào đang ở dạng dự kiến ký mà hồ sơ chưa ghi nhận đã ký?",
  [["2026-2030"], ["Bộ Tài chính", "2024-2026"], ["Xiêng Khoảng", "2026-2028"]],
  [MOU30, DB_LO, MOF_VI, MOF_EN, NA_VI, XK_LO], note="whole record: the national 2026-2030 MoU plus two held-out ones")
# actor
Q(vi, "actor", "Ai dẫn đầu đoàn Bộ Tài chính Lào sang Việt Nam tháng 10/2023?",
  [["Vụ trưởng", "Tổng Vụ trưởng", "Cục trưởng", "Tổng cục trưởng", "Director General"]], [MOF_EN],
  note="cross-lingual: 'a Director General of the Lao Ministry of Finance'")
Q(vi, "actor", "Đơn vị nào của BHXH Việt Nam thực hiện việc trao đổi số liệu thu, chi quỹ BHXH với phía Lào?",
  [["Vụ Tài chính - Kế toán", "Vụ Tài chính-Kế toán", "Vụ Tài chính – Kế toán"]], [MOF_VI])
Q(vi, "actor", "Ai chủ trì đánh giá kết quả thí điểm thẻ BHYT điện tử ở U-đôm-xay?", [LSSO["vi"]], [EC_VI, EC_LO])
Q(vi, "actor", "Ai dan dau doan do?", [["Giám đốc", "người đứng đầu", "Trưởng"]], [QT_VI, QT_EN, SP_LO],
  history=H("Đầu tháng 8/2024 đoàn BHXH tỉnh Xa-van-na-khet sang Quảng Trị có bao nhiêu thành viên?",
            "Đoàn BHXH tỉnh Xa-van-na-khet sang Đông Hà đầu tháng 8/2024 gồm 20 thành viên. [1]"),
  note="no tone marks; follow-up")
Q(vi, "actor", "Phía Lào, đơn vị nào là đầu mối thực hiện Thỏa thuận hợp tác CNTT năm 2019?",
  [["Vụ Kế hoạch và Hợp tác"]], [IT19])
# yesno
Q(vi, "yesno", "Khóa đào tạo 15 cán bộ CNTT của Lào có được tổ chức tại Hà Nội như thỏa thuận không?",
  [["Không"], ["trực tuyến", "online"]], [SW_LO], note="cross-lingual: held online 7-11/6/2021 (Lao report only)")
Q(vi, "yesno", "Bản ghi nhớ giữa BHXH Việt Nam và Bộ Tài chính Lào đã được ký chưa?",
  [["Chưa", "không"], quarter(vi, 2025, 2)], [MOF_VI, MOF_EN],
  note="moved to quý II/2025 on 14/11/2024; no later document reports the signing")
Q(vi, "yesno", "Thỏa thuận hợp tác giữa BHXH tỉnh Nghệ An và tỉnh Xiêng Khoảng đã được ký chưa?",
  [["Chưa", "không"], quarter(vi, 2026, 1)], [NA_VI, XK_LO])
Q(vi, "yesno", "Hai ben co hen to chuc giao luu the thao lan thu hai khong?", [["Có"], ["2026"]], [QT_VI, QT_EN, SP_LO],
  note="no tone marks")
# status
Q(vi, "status", "Việc mở rộng phần mềm chi trả lương hưu sang các tỉnh của Lào đến đâu rồi?",
  [place("savannakhet", vi), ["2026"]], [EC_VI],
  note="in progress: used in Viêng Chăn and Xa-van-na-khet; Khăm Muộn and Chăm-pa-xắc expected in 2026 (planned 'ພາຍໃນປີ ໒໐໒໒' in the Lao report)")
Q(vi, "status", "Khóa tập huấn định phí bảo hiểm cho cán bộ Lào hiện ra sao?",
  [["lùi", "hoãn", "dời"], month(vi, 2026, 3)], [MOF_VI])
Q(vi, "status", "Trang thông tin điện tử song ngữ Việt - Lào theo thỏa thuận năm 2019 đã hoàn thành chưa?",
  [NOREP["vi"], ["2021"]], [IT19], note="overdue: due in 2021, no later document mentions it")
Q(vi, "status", "Hội thảo về thu BHXH đối với lao động qua biên giới ở Xa-van-na-khet đã được tổ chức chưa?",
  [NOREP["vi"], quarter(vi, 2025, 1)], [QT_VI, QT_EN], note="overdue: planned for quý I/2025, never reported")
Q(vi, "status", "Thí điểm thẻ BHYT điện tử ở U-đôm-xay đã bắt đầu chưa?", [["đã", "rồi"], day(vi, 2025, 10, 20)], [EC_LO],
  note="cross-lingual: done, reported only in Lao")
# event
Q(vi, "event", "Ngày 14/11/2024 BHXH Việt Nam và Bộ Tài chính Lào đã làm gì?", [["họp trực tuyến", "trực tuyến"], ["quỹ", "rà soát"]],
  [MOF_VI])
Q(vi, "event", "Ngày 5/7/2021 đã diễn ra sự kiện gì giữa BHXH Việt Nam và phía Lào?", [["vận hành"], ["lương hưu"]],
  [SW_VI, SW_LO, EC_VI])
Q(vi, "event", "Từ ngày 16 đến 20/9/2024 có hoạt động hợp tác nào với phía Lào?", [["học tập"], place("xieng_khouang", vi)],
  [NA_VI])
Q(vi, "event", "Chiều 14/8/2025 BHXH Việt Nam họp với phía Lào về việc gì?", [["thẻ"], ["điện tử"]], [EC_VI],
  note="the news writes 'Chiều 14/8'; the year comes from the document date")
# out of record
Q(vi, "place", "Thỏa thuận hợp tác CNTT giai đoạn 2022-2024 giữa BHXH Việt Nam và Cơ quan BHXH quốc gia Lào được ký ở đâu?",
  missing={"type": "period", "value": "2022-2024"}, note="the IT agreement covers 2019-2021")
Q(vi, "count", "BHXH tỉnh Nghệ An đã tặng tỉnh Hủa Phăn bao nhiêu máy tính?", missing={"type": "place", "value": "Houaphanh"})
Q(vi, "count", "Buổi giao lưu thể thao ở Đông Hà có bao nhiêu khán giả?", missing={"type": "figure", "value": "spectators"})
Q(vi, "count", "Phần mềm quản lý chi trả lương hưu chuyển giao cho Lào có giá trị bao nhiêu tiền?",
  missing={"type": "figure", "value": "value of the pension software"})
Q(vi, "date", "Bản ghi nhớ giữa BHXH Việt Nam và Bộ Tài chính Lào đã được ký vào ngày nào?",
  missing={"type": "event", "value": "VSS - Lao Ministry of Finance MoU signed"},
  note="planned (H1 2024, then quý II/2025), never reported signed")
Q(vi, "yesno", "BHXH Việt Nam có thỏa thuận hợp tác CNTT với Hàn Quốc không?", missing={"type": "country", "value": "Korea"})
Q(vi, "count", "Ty le lao dong Lao o Quang Tri da tham gia BHXH la bao nhieu phan tram?",
  missing={"type": "figure", "value": "coverage rate of Lao workers"}, note="no tone marks; only the count 143 is given")
Q(vi, "count", "Hội thảo thu BHXH đối với lao động qua biên giới ở Cay-xỏn Phôm-vi-hản có bao nhiêu đại biểu?",
  missing={"type": "event", "value": "cross-border contribution seminar held"}, note="planned for quý I/2025, never reported")
Q(vi, "count", "Đoàn Bộ Nội vụ Lào sang làm việc với BHXH Việt Nam năm 2024 gồm bao nhiêu người?",
  missing={"type": "organization", "value": "Lao Ministry of Home Affairs"})
Q(vi, "date", "Còn thỏa thuận với Mông Cổ thì ký khi nào?", missing={"type": "country", "value": "Mongolia"},
  history=H("Thỏa thuận hợp tác CNTT 2019-2021 được ký khi nào?",
            "Thỏa thuận được ký ngày 09/10/2019 tại thành phố Vinh, tỉnh Nghệ An. [1]"),
  note="out-of-record follow-up")

# ============================== Lao ==============================
lo = "lo"
# date
Q(lo, "date", "ໂປຣແກຣມຄຸ້ມຄອງການຈ່າຍເງິນບຳນານ ໄດ້ນຳໃຊ້ຢ່າງເປັນທາງການ ແຕ່ວັນທີເທົ່າໃດ?",
  [day(lo, 2021, 7, 5)], [SW_LO, SW_VI, EC_VI])
Q(lo, "date", "ກອງປະຊຸມ ລະຫວ່າງ ພະແນກແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ ແຂວງຊຽງຂວາງ ແລະ ປະກັນສັງຄົມແຂວງເງ້ອານ ຈັດຂຶ້ນວັນທີເທົ່າໃດ?",
  [day(lo, 2024, 3, 28)], [XK_LO, NA_VI])
Q(lo, "date", "ຄະນະຜູ້ແທນ ກະຊວງການເງິນ ລາວ ໄປຢ້ຽມຢາມ ຫວຽດນາມ ເມື່ອໃດ?",
  [["16-19", "16 ຫາ 19", "16–19", "ວັນທີ 16", "16/10"], month(lo, 2023, 10) + ["19/10/2023", "19 ຕຸລາ 2023"]],
  [MOF_EN], note="cross-lingual: English-only report")
Q(lo, "date", "ປະກັນສັງຄົມຫວຽດນາມ ໄດ້ສົ່ງປຶ້ມຄູ່ມືການກວດສອບພາຍໃນ ໃຫ້ກະຊວງການເງິນ ລາວ ເມື່ອໃດ?",
  [month(lo, 2023, 12)], [MOF_VI], note="cross-lingual: Vietnamese-only minutes")
Q(lo, "date", "ການແລກປ່ຽນກິລາມິດຕະພາບ ຢູ່ນະຄອນດົງຮ່າ ຈັດຂຶ້ນເມື່ອໃດ?",
  [["5 ຫາ 7 ສິງຫາ 2024", "5-7 ສິງຫາ 2024", "5-7/8/2024", "ສິງຫາ 2024", "ເດືອນ ສິງຫາ 2024", "8/2024"]],
  [SP_LO, QT_VI, QT_EN], note="exact days only in the Lao news; 'đầu tháng 8/2024' / 'early August 2024' elsewhere")
# place
Q(lo, "place", "ຂໍ້ຕົກລົງຮ່ວມມືດ້ານເຕັກໂນໂລຊີຂໍ້ມູນຂ່າວສານ ປີ 2019 ໄດ້ລົງນາມຢູ່ໃສ?",
  [place("vinh", lo) + place("nghe_an", lo)], [IT19, SW_VI], note="cross-lingual: only the Vietnamese documents name the place")
Q(lo, "place", "ການແລກປ່ຽນກິລາມິດຕະພາບ ຄັ້ງທີ 2 ຈະຈັດຂຶ້ນຢູ່ໃສ?", [place("kaysone", lo) + place("savannakhet", lo)],
  [SP_LO, QT_VI, QT_EN])
Q(lo, "place", "ຖ້າການທົດລອງໄດ້ຜົນດີ, ບັດປະກັນສຸຂະພາບເອເລັກໂຕຣນິກ ຈະຂະຫຍາຍໄປແຂວງໃດ?", [place("luang_namtha", lo)], [EC_LO])
Q(lo, "place", "ແລ້ວ ຈະຈັດຢູ່ໃສ?", [place("hanoi", lo)], [MOF_EN, MOF_VI],
  history=H("ປະກັນສັງຄົມຫວຽດນາມ ຈະຈັດຝຶກອົບຮົມດ້ານຄະນິດສາດປະກັນໄພ ໃຫ້ພະນັກງານລາວ ຈັກຄົນ?",
            "ຊຸດຝຶກອົບຮົມ ແມ່ນສຳລັບພະນັກງານ 24 ຄົນ ຂອງກະຊວງການເງິນ ລາວ ແລະ ອົງການປະກັນສັງຄົມແຫ່ງຊາດ. [1]"),
  note="cross-lingual follow-up: en report and vi minutes")
Q(lo, "place", "ຄະນະຜູ້ແທນແຂວງສະຫວັນນະເຂດ ໄດ້ໄປຢ້ຽມຢາມປະກັນສັງຄົມເມືອງໃດ ທີ່ຢູ່ຕິດກັບຊາຍແດນ?",
  [["ເຮືອງຮວາ"]], [SP_LO], note="Lao-only fact (Hướng Hóa)")
# count
Q(lo, "count", "ປະກັນສັງຄົມແຂວງເງ້ອານ ມອບຄອມພິວເຕີໃຫ້ແຂວງຊຽງຂວາງ ຈັກເຄື່ອງ?", [["10 ເຄື່ອງ", "໑໐ ເຄື່ອງ", "ຄອມພິວເຕີ 10"]],
  [XK_LO, NA_VI])
Q(lo, "count", "ມາຮອດທ້າຍເດືອນ ຕຸລາ 2025, ໄດ້ອອກບັດປະກັນສຸຂະພາບເອເລັກໂຕຣນິກ ແລ້ວຈັກບັດ?",
  [["3.600 ບັດ", "3,600 ບັດ", "3600 ບັດ", "3 600 ບັດ"]], [EC_LO])
Q(lo, "count", "ມີນັກກິລາເຂົ້າຮ່ວມການແຂ່ງຂັນ ຢູ່ນະຄອນດົງຮ່າ ຈັກຄົນ?", [["46 ຄົນ", "46 ທ່ານ", "ນັກກິລາ 46", "46 ນັກກິລາ"]],
  [QT_VI, QT_EN], note="cross-lingual: the Lao news on the same event does not give the number")
Q(lo, "count", "ພະນັກງານໄອທີ ທີ່ໄດ້ຮັບການຝຶກອົບຮົມທາງອອນລາຍ ໃນປີ 2021 ມີຈັກຄົນ?", [["15 ຄົນ", "໑໕ ຄົນ"]], [SW_LO])
Q(lo, "count", "ແລ້ວ ພະນັກງານໂຮງໝໍ ໄດ້ຮັບການຝຶກອົບຮົມຈັກຄົນ?", [["36 ຄົນ", "36 ທ່ານ"]], [EC_LO],
  history=H("ປະກັນສັງຄົມຫວຽດນາມ ສົ່ງຊ່ຽວຊານຈັກທ່ານ ມາຊ່ວຍຕິດຕັ້ງໂປຣແກຣມກວດສອບບັດ ຢູ່ອຸດົມໄຊ?",
            "ປະກັນສັງຄົມຫວຽດນາມ ໄດ້ສົ່ງຊ່ຽວຊານ 3 ທ່ານ ຈາກສູນເຕັກໂນໂລຊີຂໍ້ມູນຂ່າວສານ ແຕ່ວັນທີ 6 ຫາ 17 ຕຸລາ 2025. [1]"),
  note="follow-up")
# period
Q(lo, "period", "ຂໍ້ຕົກລົງຮ່ວມມືດ້ານເຕັກໂນໂລຊີຂໍ້ມູນຂ່າວສານ ທີ່ລົງນາມໃນປີ 2019 ກວມເອົາໄລຍະໃດ?", [period(2019, 2021, lo)],
  [IT19, SW_VI, SW_LO])
Q(lo, "period", "ສັນຍາຮ່ວມມື ລະຫວ່າງ ປະກັນສັງຄົມແຂວງເງ້ອານ ແລະ ພະແນກແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ ແຂວງຊຽງຂວາງ ແມ່ນໄລຍະໃດ?",
  [period(2026, 2028, lo)], [XK_LO, NA_VI])
Q(lo, "period", "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ລະຫວ່າງ ປະກັນສັງຄົມຫວຽດນາມ ແລະ ກະຊວງການເງິນ ລາວ ກວມເອົາໄລຍະໃດ?", [period(2024, 2026, lo)],
  [MOF_EN, MOF_VI], note="cross-lingual")
# list
Q(lo, "list", "ໃນການຢ້ຽມຢາມຂອງຄະນະຜູ້ແທນ ກະຊວງການເງິນ ລາວ ເດືອນ ຕຸລາ 2023, ສອງຝ່າຍ ໄດ້ຕົກລົງຫຍັງແດ່?",
  [["ກວດສອບພາຍໃນ", "ຄູ່ມື"], ["ຄະນິດສາດປະກັນໄພ", "ຝຶກອົບຮົມ"], ["ລາຍຮັບ", "ລາຍຈ່າຍ", "ແລກປ່ຽນຂໍ້ມູນ"]], [MOF_EN],
  note="cross-lingual: English-only report")
Q(lo, "list", "ການແຂ່ງຂັນກິລາຢູ່ດົງຮ່າ ມີກິລາປະເພດໃດແດ່?", [["ບານສົ່ງ"], ["ຕີດອກປີກໄກ່"]], [SP_LO, QT_VI, QT_EN])
Q(lo, "list", "ໂປຣແກຣມຄຸ້ມຄອງການຈ່າຍເງິນບຳນານ ຈະຂະຫຍາຍໄປແຂວງໃດແດ່?", [["ສະຫວັນນະເຂດ"], ["ຄຳມ່ວນ"], ["ຈຳປາສັກ"]],
  [SW_LO, EC_VI])
# actor
Q(lo, "actor", "ຊ່ຽວຊານ ທີ່ມາຕິດຕັ້ງໂປຣແກຣມກວດສອບບັດ ຢູ່ແຂວງອຸດົມໄຊ ມາຈາກໜ່ວຍງານໃດ?", [ITC["lo"] + ["ປະກັນສັງຄົມຫວຽດນາມ"]],
  [EC_LO, EC_VI])
Q(lo, "actor", "ຝ່າຍຫວຽດນາມ ໃນກອງປະຊຸມທີ່ແຂວງຊຽງຂວາງ ວັນທີ 28/3/2024 ນຳໂດຍໃຜ?", [["ຮອງຫົວໜ້າປະກັນສັງຄົມແຂວງເງ້ອານ", "ຮອງຫົວໜ້າ"]],
  [XK_LO])
Q(lo, "actor", "ໃຜເປັນຫົວໜ້າຄະນະ ກະຊວງການເງິນ ລາວ ທີ່ໄປຫວຽດນາມ ໃນເດືອນ ຕຸລາ 2023?",
  [["ຫົວໜ້າກົມ", "ອະທິບໍດີ", "ຜູ້ອຳນວຍການໃຫຍ່", "Director General"]], [MOF_EN], note="cross-lingual: English-only report")
# yesno
Q(lo, "yesno", "ໂປຣແກຣມຄຸ້ມຄອງການຈ່າຍເງິນບຳນານ ຕິດຕັ້ງສຳເລັດທັນກຳນົດ ທ້າຍປີ 2020 ບໍ?",
  [["ບໍ່"], ["ໂຄວິດ", "COVID"]], [SW_LO, SW_VI])
Q(lo, "yesno", "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ລະຫວ່າງ ປະກັນສັງຄົມຫວຽດນາມ ແລະ ກະຊວງການເງິນ ລາວ ໄດ້ລົງນາມແລ້ວບໍ?",
  [["ຍັງ", "ບໍ່"], quarter(lo, 2025, 2)], [MOF_VI, MOF_EN], note="cross-lingual")
Q(lo, "yesno", "ຊ່ຽວຊານ 3 ທ່ານ ຂອງປະກັນສັງຄົມຫວຽດນາມ ໄດ້ມາອຸດົມໄຊ ແທ້ບໍ?", [["ແມ່ນ", "ໄດ້ມາ", "ມາແລ້ວ"], ["6 ຫາ 17 ຕຸລາ 2025", "6-17/10/2025", "ເດືອນ ຕຸລາ 2025", "ຕຸລາ 2025", "10/2025"]],
  [EC_LO], note="promised in the Vietnamese news, reported done in Lao")
# status
Q(lo, "status", "ການຝຶກອົບຮົມດ້ານຄະນິດສາດປະກັນໄພ ສຳລັບພະນັກງານ 24 ຄົນ ຢູ່ໃນສະຖານະໃດ?", [["ເລື່ອນ"], month(lo, 2026, 3)],
  [MOF_VI], note="cross-lingual: postponed (Vietnamese-only minutes)")
Q(lo, "status", "ການທັດສະນະສຶກສາ ຂອງພະນັກງານແຂວງຊຽງຂວາງ 8 ຄົນ ຢູ່ແຂວງເງ້ອານ ໄດ້ຈັດຂຶ້ນແລ້ວບໍ?",
  [["ແລ້ວ", "ໄດ້ຈັດ", "ສຳເລັດ", "ແມ່ນ"], ["16-20/9/2024", "16 ຫາ 20 ກັນຍາ 2024", "ເດືອນ ກັນຍາ 2024", "ກັນຍາ 2024", "9/2024"]],
  [NA_VI], note="cross-lingual: promised in the Lao minutes, reported done only in Vietnamese")
Q(lo, "status", "ການຂະຫຍາຍໂປຣແກຣມຈ່າຍເງິນບຳນານ ໄປແຂວງຄຳມ່ວນ ແລະ ແຂວງຈຳປາສັກ ຮອດໃສແລ້ວ?",
  [["ກຳລັງ", "ຍັງບໍ່", "ຄາດວ່າ"], ["2026"]], [EC_VI], note="cross-lingual: in progress, expected in 2026")
Q(lo, "status", "ກອງປະຊຸມສຳມະນາ ກ່ຽວກັບການເກັບເງິນສົມທົບ ຂອງຜູ້ອອກແຮງງານຂ້າມແດນ ທີ່ແຂວງສະຫວັນນະເຂດ ໄດ້ຈັດຂຶ້ນແລ້ວບໍ?",
  [NOREP["lo"], quarter(lo, 2025, 1)], [QT_VI, QT_EN], note="overdue; cross-lingual")
# event
Q(lo, "event", "ວັນທີ 20 ຕຸລາ 2025 ມີເຫດການຫຍັງ ຢູ່ແຂວງອຸດົມໄຊ?", [["ເປີດນຳໃຊ້"], ["ບັດປະກັນສຸຂະພາບ"]], [EC_LO])
Q(lo, "event", "ວັນທີ 14 ພະຈິກ 2024 ປະກັນສັງຄົມຫວຽດນາມ ແລະ ກະຊວງການເງິນ ລາວ ໄດ້ເຮັດຫຍັງ?", [["ປະຊຸມ"], ["ອອນລາຍ", "ທາງໄກ"]],
  [MOF_VI], note="cross-lingual: Vietnamese-only minutes")
Q(lo, "event", "ວັນທີ 5 ທັນວາ 2024 ມີເຫດການຫຍັງ ລະຫວ່າງ ປະກັນສັງຄົມແຂວງເງ້ອານ ແລະ ແຂວງຊຽງຂວາງ?",
  [["ມອບ", "ຄອມພິວເຕີ"]], [NA_VI], note="cross-lingual: Vietnamese-only news")
# out of record
Q(lo, "count", "ປະກັນສັງຄົມແຂວງເງ້ອານ ມອບຄອມພິວເຕີ ໃຫ້ແຂວງບໍ່ແກ້ວ ຈັກເຄື່ອງ?", missing={"type": "place", "value": "Bokeo"})
Q(lo, "date", "ຂໍ້ຕົກລົງຮ່ວມມືດ້ານໄອທີ ກັບ ອິນໂດເນເຊຍ ລົງນາມເມື່ອໃດ?", missing={"type": "country", "value": "Indonesia"})
Q(lo, "count", "ຄ່າໃຊ້ຈ່າຍທັງໝົດ ຂອງການທົດລອງບັດປະກັນສຸຂະພາບເອເລັກໂຕຣນິກ ຢູ່ອຸດົມໄຊ ແມ່ນເທົ່າໃດ?",
  missing={"type": "figure", "value": "cost of the e-card pilot"})
Q(lo, "list", "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ລະຫວ່າງ ປະກັນສັງຄົມຫວຽດນາມ ແລະ ກະຊວງການເງິນ ລາວ ໄລຍະປີ 2029-2033 ມີເນື້ອໃນຫຍັງແດ່?",
  missing={"type": "period", "value": "2029-2033"})
Q(lo, "list", "ກອງປະຊຸມສຳມະນາ ກ່ຽວກັບການເກັບເງິນສົມທົບ ຂອງຜູ້ອອກແຮງງານຂ້າມແດນ ທີ່ນະຄອນໄກສອນ ພົມວິຫານ ໄດ້ຕົກລົງຫຍັງແດ່?",
  missing={"type": "event", "value": "cross-border contribution seminar held"}, note="planned for Q1 2025, never reported")
Q(lo, "count", "ທະນາຄານພັດທະນາອາຊີ ໃຫ້ທຶນຊ່ວຍເຫຼືອ ໂປຣແກຣມຄຸ້ມຄອງການຈ່າຍເງິນບຳນານ ເທົ່າໃດ?",
  missing={"type": "organization", "value": "Asian Development Bank"})
Q(lo, "count", "ມີຜູ້ຮັບເງິນບຳນານ ຢູ່ແຂວງສະຫວັນນະເຂດ ຈັກຄົນ?", missing={"type": "figure", "value": "pensioners in Savannakhet"},
  note="the record gives 12.400 pensioners for Vientiane Capital only")
Q(lo, "count", "ແລ້ວ ແຂວງຫົວພັນ ເດ?", missing={"type": "place", "value": "Houaphanh"},
  history=H("ປະກັນສັງຄົມແຂວງເງ້ອານ ມອບຄອມພິວເຕີໃຫ້ແຂວງຊຽງຂວາງ ຈັກເຄື່ອງ?",
            "ປະກັນສັງຄົມແຂວງເງ້ອານ ໄດ້ມອບຄອມພິວເຕີ 10 ເຄື່ອງ ແລະ ເຄື່ອງພິມ 2 ເຄື່ອງ ໃຫ້ແຂວງຊຽງຂວາງ. [1]"),
  note="out-of-record follow-up")

# ============================== English ==============================
en = "en"
# date
Q(en, "date", "When was the IT cooperation agreement between VSS and LSSO signed?", [day(en, 2019, 10, 9)], [IT19, SW_LO],
  note="cross-lingual: vi agreement and lo report")
Q(en, "date", "When did the Lao Ministry of Finance delegation visit Vietnam?",
  [["16 to 19", "16-19", "16–19", "16 October"], ["October 2023", "19 October 2023"]], [MOF_EN])
Q(en, "date", "When was the friendship sports exchange between the Quảng Trị and Savannakhet social security offices held?",
  [["August 2024", "early August", "5-7 August", "5–7 August", "5 to 7 August"]], [QT_EN, QT_VI, SP_LO])
Q(en, "date", "When is it scheduled now?", [month(en, 2026, 3)], [MOF_VI],
  history=H("Did the actuarial training for Lao officials take place in Q3 2024?",
            "No. The actuarial course planned in Hanoi for the third quarter of 2024 was not held because the Lao side had not finished collecting the input data. [1]"),
  note="cross-lingual follow-up: Vietnamese-only minutes")
Q(en, "date", "When did the pension payment software go live at LSSO?", [day(en, 2021, 7, 5)], [SW_VI, SW_LO, EC_VI],
  note="cross-lingual")
# place
Q(en, "place", "Where is the electronic health insurance card being piloted in Laos?", [place("oudomxay", en)], [EC_VI, EC_LO],
  note="cross-lingual")
Q(en, "place", "Apart from Hanoi, where did the Lao Ministry of Finance delegation go?", [place("ha_tinh", en)], [MOF_EN])
Q(en, "place", "Where did the Xieng Khouang staff go for their study visit in September 2024?",
  [place("vinh", en) + place("nghe_an", en)], [NA_VI, XK_LO], note="cross-lingual")
Q(en, "place", "Where do the two sides plan to sign the memorandum between VSS and the Lao Ministry of Finance?",
  [place("vientiane", en)], [MOF_VI], note="cross-lingual: Vietnamese-only minutes")
# count
Q(en, "count", "How many Lao workers did Quảng Trị Provincial Social Security register for compulsory social insurance in H1 2024?",
  [["143 Lao workers", "143 workers"]], [QT_EN, QT_VI])
Q(en, "count", "How many pensioners did the pension payment software cover at first?",
  [["12,400 pensioners", "12.400 pensioners", "12 400 pensioners", "12400 pensioners"]], [SW_LO],
  note="cross-lingual: Lao-only, Lao digits")
Q(en, "count", "How many electronic health insurance cards had been issued by the end of October 2025?",
  [["3,600 cards", "3.600 cards", "3 600 cards", "3600 cards"]], [EC_LO], note="cross-lingual: Lao-only")
Q(en, "count", "How much were the computers and printers donated by Nghệ An Social Security worth?",
  [["VND 265 million", "265 million"]], [NA_VI], note="cross-lingual")
Q(en, "count", "How many officials will the actuarial training course be for?", [["24 officials", "24 staff", "24 people"]],
  [MOF_EN, MOF_VI])
# period
Q(en, "period", "What period does the planned agreement between Nghệ An Social Security and the Xieng Khouang labour department cover?",
  [period(2026, 2028, en)], [XK_LO, NA_VI], note="cross-lingual")
Q(en, "period", "Until when was the 2019 IT cooperation agreement valid?", [day(en, 2021, 12, 31) + ["end of 2021"]], [IT19],
  note="cross-lingual")
Q(en, "period", "What period is the memorandum between VSS and the Lao Ministry of Finance meant to cover?",
  [period(2024, 2026, en)], [MOF_EN, MOF_VI])
# list
Q(en, "list", "What follow-up did VSS and the Lao Ministry of Finance agree on in October 2023?",
  [["internal audit manual", "audit manual"], ["actuarial"], ["revenue and expenditure", "fund data", "annual data"]], [MOF_EN])
Q(en, "list", "Which sports were played at the friendship exchange in Đông Hà?", [["volleyball"], ["badminton"]],
  [QT_EN, QT_VI, SP_LO])
Q(en, "list", "Which Lao provinces cooperate directly with Vietnamese provincial social security offices?",
  [place("xieng_khouang", en), place("savannakhet", en), ["Champasak", "Champassak"]],
  [XK_LO, NA_VI, QT_VI, QT_EN, SP_LO, DANANG_EN],
  note="whole record: Xieng Khouang - Nghệ An, Savannakhet - Quảng Trị (held-out) and the planned Champasak - Đà Nẵng twinning (fixture)")
# actor
Q(en, "actor", "Who led the Lao Ministry of Finance delegation?", [["Director General", "Director-General"]], [MOF_EN])
Q(en, "actor", "Which VSS unit is responsible for exchanging social insurance fund data with Laos?",
  [["Finance and Accounting", "Finance-Accounting", "Finance & Accounting", "Vụ Tài chính - Kế toán"]], [MOF_VI],
  note="cross-lingual")
Q(en, "actor", "Who sent experts to help set it up?", [ITC["en"] + ["Vietnam Social Security", "VSS"]], [EC_VI, EC_LO],
  history=H("Which Lao province hosts the electronic health insurance card pilot?",
            "The pilot is in Oudomxay province, at the provincial hospital and the Beng district hospital. [1]"),
  note="cross-lingual follow-up")
Q(en, "actor", "Who chaired the Lao side at the 28 March 2024 meeting in Xieng Khouang?",
  [["Deputy Head", "Deputy Director", "deputy head"]], [XK_LO], note="cross-lingual: Lao-only minutes")
# yesno
Q(en, "yesno", "Was the pension payment software installed in Vientiane by the deadline of 31 December 2020?",
  [["No"], day(en, 2021, 7, 5) + ["July 2021"]], [SW_VI, SW_LO], note="cross-lingual")
Q(en, "yesno", "Has the cooperation agreement between Nghệ An Social Security and Xieng Khouang been signed?",
  [["No", "not yet", "not been signed"], quarter(en, 2026, 1)], [XK_LO, NA_VI], note="cross-lingual")
Q(en, "yesno", "Did VSS send its internal audit manual to the Lao Ministry of Finance?", [["Yes"], month(en, 2023, 12)], [MOF_VI],
  note="cross-lingual: promised in English, reported done in Vietnamese")
# status
Q(en, "status", "Has the first exchange of social insurance fund data with the Lao Ministry of Finance taken place?",
  [NOREP["en"], ["mid-2025", "middle of 2025", "June 2025"]], [MOF_EN, MOF_VI],
  note="overdue: 'by mid-2025' / 'Giữa năm 2025', no report")
Q(en, "status", "Did the bilingual Vietnamese-Lao website from the 2019 IT agreement ever get built?", [NOREP["en"], ["2021"]],
  [IT19], note="overdue; cross-lingual")
Q(en, "status", "What is the status of the electronic health insurance card pilot in Oudomxay?",
  [["launched", "started", "under way", "in operation", "began"], day(en, 2025, 10, 20)], [EC_LO],
  note="cross-lingual: Lao-only")
# event
Q(en, "event", "What happened on 5 July 2021 between VSS and LSSO?",
  [["pension"], ["software"], ["launch", "operation", "went live", "into use"]], [SW_VI, SW_LO, EC_VI], note="cross-lingual")
Q(en, "event", "What happened in Phonsavan on 5 December 2024?", [["computers"], place("nghe_an", en)], [NA_VI],
  note="cross-lingual")
Q(en, "event", "What happened at the Oudomxay provincial hospital on 20 October 2025?",
  [["launch", "opening", "opened"], ["card"]], [EC_LO], note="cross-lingual: Lao-only")
# out of record
Q(en, "date", "When did VSS sign an IT cooperation agreement with the Philippines?", missing={"type": "country", "value": "Philippines"})
Q(en, "count", "How many pensioners does LSSO pay in total across Laos?",
  missing={"type": "figure", "value": "total number of pensioners"}, note="only the 12,400 of Vientiane Capital are given")
Q(en, "event", "What did the actuarial training in March 2026 conclude?",
  missing={"type": "event", "value": "actuarial training held"}, note="postponed to March 2026, after the as-of date")
Q(en, "count", "What investment return did the Lao social security fund earn in 2024?",
  missing={"type": "figure", "value": "fund investment return"})
Q(en, "list", "Which UNICEF projects support the Oudomxay e-card pilot?", missing={"type": "organization", "value": "UNICEF"})
Q(en, "date", "When did the Lao delegation visit Quảng Ninh Provincial Social Security?",
  missing={"type": "place", "value": "Quảng Ninh"})
Q(en, "period", "For what period was the second IT cooperation agreement, for 2022-2024, valid?",
  missing={"type": "period", "value": "2022-2024"}, note="there is only the 2019-2021 IT agreement")
Q(en, "place", "And the one with Cambodia?", missing={"type": "country", "value": "Cambodia"},
  history=H("Where was the 2019 IT cooperation agreement signed?",
            "It was signed in Vinh City, Nghệ An province, on 9 October 2019. [1]"),
  note="out-of-record follow-up")


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------
def nfc(x):
    if isinstance(x, str):
        return unicodedata.normalize("NFC", x)
    if isinstance(x, list):
        return [nfc(v) for v in x]
    if isinstance(x, dict):
        return {k: nfc(v) for k, v in x.items()}
    return x


def build() -> list[dict]:
    rows = []
    counters: dict[tuple, int] = defaultdict(int)
    for q in QUESTIONS:
        answerable = q["missing"] is None
        tag = q["kind"] if answerable else "oor"
        counters[(q["lang"], tag)] += 1
        qid = f"ho-{q['lang']}-{tag}-{counters[(q['lang'], tag)]:02d}"
        langs = sorted({l for d in q["gold"] for l in DOC_LANGS[d]}, key=["vi", "lo", "en"].index)
        row = {
            "qid": qid,
            "split": "report",
            "lang": q["lang"],
            "question": q["question"],
            "history": q["history"],
            "kind": q["kind"],
            "answerable": answerable,
            "expected": q["expected"] if answerable else [],
            "gold_doc_ids": q["gold"] if answerable else [],
            "answer_langs": langs if answerable else [],
        }
        if not answerable:
            row["missing"] = q["missing"]
        if q["note"]:
            row["note"] = q["note"]
        rows.append(nfc(row))
    return rows


def main() -> None:
    rows = build()
    out = HERE / "questions.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} questions to {out.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
