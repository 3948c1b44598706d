"""Write ``eval/questions.jsonl``: the question set over the whole record (corpus/ + fixtures).

The questions are data in this file; the script only formats them (date, month and quarter
alternatives in each language, place and organisation spellings), assigns ``qid`` and
``split``, and writes one JSON object per line (UTF-8, NFC). ``python eval/check_questions.py``
verifies the result against the documents.

    /work/main/.venv/bin/python eval/make_questions.py
"""
from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------------
# Documents (ids) and their languages
# ---------------------------------------------------------------------------------------------
REAL = "vss-lao-2022-11-22-vi"                       # the real article (vi original + lo, en translations)
MIN_HN = "fx-2023-03-15-vi-bien-ban-ha-noi"           # vi PDF minutes, Hà Nội 15/3/2023
NOTE_LO = "fx-2023-09-12-lo-note-training"            # lo TXT note with Lao digits (Lao-only facts)
DIGI_VI = "fx-2023-11-10-vi-tin-chuyen-doi-so"        # vi HTML news, IT Centre in Vientiane (vi-only facts)
APP_LO = "fx-2023-11-24-lo-news-mobile-app"           # lo HTML news, online seminar on mobile apps
PLAN24 = "fx-2024-01-10-vi-ke-hoach-2024"             # vi DOCX plan 2024 with a table of commitments
PILOT_EN = "fx-2024-01-22-en-pilot-launch"            # en TXT news, pilot launch
DANANG_EN = "fx-2024-06-03-en-report-da-nang"         # en DOCX report, Đà Nẵng visit (en-only facts)
LP_VI = "fx-2024-06-19-vi-hoi-thao-luong-pha-bang"    # vi MD news (original of LP_LO)
LP_LO = "fx-2024-06-19-lo-seminar-luang-prabang"      # lo MD translation of LP_VI
REP24 = "fx-2025-02-20-vi-bao-cao-2024"               # vi PDF report on 2024
DB_LO = "fx-2025-04-10-lo-minutes-database"           # lo PDF minutes on the database
MOU30 = "fx-2025-09-18-vi-tin-mou-2026-2030"          # vi HTML news, 2026-2030 MoU planned

DOC_LANGS = {
    REAL: ["vi", "lo", "en"], MIN_HN: ["vi"], NOTE_LO: ["lo"], DIGI_VI: ["vi"], APP_LO: ["lo"],
    PLAN24: ["vi"], PILOT_EN: ["en"], DANANG_EN: ["en"], LP_VI: ["vi"], LP_LO: ["lo"],
    REP24: ["vi"], DB_LO: ["lo"], MOU30: ["vi"],
}

# ---------------------------------------------------------------------------------------------
# Alternatives for dates, places and organisations
# ---------------------------------------------------------------------------------------------
EN_M = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"]
LO_M = ["", "ມັງກອນ", "ກຸມພາ", "ມີນາ", "ເມສາ", "ພຶດສະພາ", "ມິຖຸນາ", "ກໍລະກົດ", "ສິງຫາ", "ກັນຍາ",
        "ຕຸລາ", "ພະຈິກ", "ທັນວາ"]
ROMAN = ["", "I", "II", "III", "IV"]
EN_ORD = ["", "first", "second", "third", "fourth"]
_LAO_DIG = str.maketrans("0123456789", "໐໑໒໓໔໕໖໗໘໙")


def _uniq(xs):
    return list(dict.fromkeys(xs))


def day(lang, y, m, d):
    base = [f"{d}/{m}/{y}", f"{d:02d}/{m:02d}/{y}"]
    if lang == "vi":
        alts = base + [f"ngày {d} tháng {m} năm {y}", f"{d} tháng {m} năm {y}", f"{d}-{m}-{y}"]
    elif lang == "en":
        alts = [f"{d} {EN_M[m]} {y}", f"{EN_M[m]} {d}, {y}", f"{EN_M[m]} {d} {y}"] + base + [f"{y}-{m:02d}-{d:02d}"]
    else:
        alts = base + [f"ວັນທີ {d} ເດືອນ {LO_M[m]} ປີ {y}", f"ວັນທີ {d} ເດືອນ {LO_M[m]} {y}",
                       f"{d} ເດືອນ {LO_M[m]} {y}", f"{d} {LO_M[m]} {y}", f"{d} {LO_M[m]} ປີ {y}",
                       f"{d}/{m}/{y}".translate(_LAO_DIG)]
    return _uniq(alts)


def month(lang, y, m):
    if lang == "vi":
        alts = [f"tháng {m}/{y}", f"tháng {m} năm {y}", f"tháng {m:02d}/{y}", f"{m}/{y}"]
    elif lang == "en":
        alts = [f"{EN_M[m]} {y}", f"{m}/{y}"]
    else:
        alts = [f"ເດືອນ {LO_M[m]} {y}", f"ເດືອນ {LO_M[m]} ປີ {y}", f"{LO_M[m]} {y}", f"{LO_M[m]} ປີ {y}",
                f"ເດືອນ {m}/{y}", f"{m}/{y}", f"{m}/{y}".translate(_LAO_DIG)]
    return _uniq(alts)


def quarter(lang, y, q):
    if lang == "vi":
        return [f"quý {ROMAN[q]}/{y}", f"quý {q}/{y}", f"quý {ROMAN[q]} năm {y}", f"quý {q} năm {y}"]
    if lang == "en":
        return [f"Q{q} {y}", f"Q{q}/{y}", f"Q{q}-{y}", f"{EN_ORD[q]} quarter of {y}"]
    return [f"ໄຕມາດທີ {q} ປີ {y}", f"ໄຕມາດທີ {q}/{y}", f"ໄຕມາດ {q}/{y}", f"ໄຕມາດທີ {q} {y}",
            f"ໄຕມາດ {q} ປີ {y}", f"ໄຕມາດທີ {q} ປີ {y}".translate(_LAO_DIG)]


PLACE = {
    "vientiane": {"vi": ["Viêng Chăn", "Vientiane"], "en": ["Vientiane"], "lo": ["ວຽງຈັນ"]},
    "savannakhet": {"vi": ["Xa-van-na-khet", "Xavannakhet", "Savannakhet", "Xa van na khet"],
                    "en": ["Savannakhet"], "lo": ["ສະຫວັນນະເຂດ"]},
    "luang_prabang": {"vi": ["Luông Pha Bang", "Luang Prabang", "Luang Phabang", "Luông Prabang"],
                      "en": ["Luang Prabang", "Luang Phabang", "Louangphabang"], "lo": ["ຫຼວງພະບາງ", "ຫລວງພະບາງ"]},
    "hanoi": {"vi": ["Hà Nội"], "en": ["Hanoi", "Ha Noi", "Hà Nội"], "lo": ["ຮ່າໂນ້ຍ"]},
    "danang": {"vi": ["Đà Nẵng"], "en": ["Da Nang", "Đà Nẵng", "Danang"], "lo": ["ດ່ານັງ", "ດານັງ", "ດ່າໜັງ"]},
    "quangnam": {"vi": ["Quảng Nam"], "en": ["Quang Nam", "Quảng Nam"], "lo": ["ກວາງນາມ", "ກວາງນາມ"]},
}
ORG = {
    "vss": {"vi": ["BHXH Việt Nam", "Bảo hiểm xã hội Việt Nam"], "en": ["Vietnam Social Security", "VSS"],
            "lo": ["ປະກັນສັງຄົມຫວຽດນາມ", "ປະກັນສັງຄົມ ຫວຽດນາມ"]},
    "molsw": {"vi": ["Bộ Lao động và Phúc lợi xã hội"],
              "en": ["Ministry of Labour and Social Welfare", "Ministry of Labor and Social Welfare", "MoLSW"],
              "lo": ["ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ", "ກະຊວງແຮງງານແລະສະຫວັດດີການສັງຄົມ"]},
    "lsso": {"vi": ["Cơ quan BHXH quốc gia Lào", "Cơ quan Bảo hiểm xã hội quốc gia Lào", "Cơ quan BHXH Lào",
                    "Cơ quan Bảo hiểm xã hội Lào"],
             "en": ["Lao Social Security Organization", "Lao Social Security Organisation", "LSSO"],
             "lo": ["ອົງການປະກັນສັງຄົມແຫ່ງຊາດ", "ອປສ"]},
    "itc": {"vi": ["Trung tâm Công nghệ thông tin", "Trung tâm CNTT"],
            "en": ["IT Centre", "IT Center", "Information Technology Centre", "Information Technology Center"],
            "lo": ["ສູນເຕັກໂນໂລຊີຂໍ້ມູນຂ່າວສານ", "ສູນເຕັກໂນໂລຢີຂໍ້ມູນຂ່າວສານ", "ສູນໄອທີ"]},
}


def place(key, lang):
    return PLACE[key][lang]


def org(key, lang):
    return ORG[key][lang]


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
Q(vi, "date", "Bản ghi nhớ giai đoạn 2022-2025 được ký khi nào?",
  [day(vi, 2022, 11, 22)], [REAL, MIN_HN, PLAN24, MOU30],
  note="Article: 'Hôm nay (22/11)'; the year comes from the document date")
Q(vi, "date", "Ban ghi nho hop tac 2022-2025 duoc ky ngay nao?",
  [day(vi, 2022, 11, 22)], [REAL, MIN_HN, PLAN24, MOU30], note="no tone marks")
Q(vi, "date", "Còn giai đoạn trước thì sao?", [month(vi, 2015, 12)], [REAL, REP24],
  history=H("Bản ghi nhớ giai đoạn 2022-2025 được ký khi nào?",
            "Bản ghi nhớ hợp tác giai đoạn 2022-2025 được ký ngày 22/11/2022 tại Lào, nhân dịp Hội nghị An sinh thế giới (ASSA 39). [1]"),
  note="follow-up: the 2016-2020 MoU, signed 12/2015")
Q(vi, "date", "Thí điểm thu BHXH điện tử ở Viêng Chăn và Xa-van-na-khet phải xong trước ngày nào?",
  [day(vi, 2024, 6, 30)], [MIN_HN, PLAN24, PILOT_EN, REP24])
Q(vi, "date", "Lễ khởi động thí điểm thu BHXH điện tử tại Lào diễn ra hôm nào?",
  [day(vi, 2024, 1, 22)], [PILOT_EN], note="cross-lingual: only the English news has the launch date")
Q(vi, "date", "Khóa tập huấn chuyển đổi số cho cán bộ Lào ở Hà Nội năm 2023 thực tế diễn ra từ ngày nào đến ngày nào?",
  [["21/8", "21 tháng 8", "21/08", "ngày 21", "21 đến", "21-31", "21–31"], ["31/8/2023", "31 tháng 8 năm 2023", "31/08/2023", "tháng 8/2023", "tháng 8 năm 2023"]],
  [NOTE_LO], note="cross-lingual: dates only in the Lao note (Lao digits)")
Q(vi, "date", "Khi nào BHXH Việt Nam trao Kỷ niệm chương cho 15 cá nhân phía Lào?",
  [day(vi, 2024, 12, 12)], [REP24])
Q(vi, "date", "Han chot phia Lao gui du thao Luat BHXH sua doi de BHXH Viet Nam gop y la ngay nao?",
  [day(vi, 2023, 9, 30)], [MIN_HN], note="no tone marks")
# place
Q(vi, "place", "Buổi làm việc ngày 15/3/2023 giữa BHXH Việt Nam và Cơ quan BHXH quốc gia Lào diễn ra ở đâu?",
  [place("hanoi", vi)], [MIN_HN, NOTE_LO, DANANG_EN, DB_LO])
Q(vi, "place", "Hội nghị tổng kết hợp tác song phương giai đoạn 2016-2022 được tổ chức tại đâu?",
  [place("quangnam", vi)], [REAL])
Q(vi, "place", "Thi diem thu BHXH dien tu o Lao duoc thuc hien tai nhung tinh nao?",
  [place("vientiane", vi), place("savannakhet", vi)], [MIN_HN, DIGI_VI, PLAN24, PILOT_EN, REP24, MOU30],
  note="no tone marks")
Q(vi, "place", "Hội nghị tổng kết 3 năm thực hiện bản ghi nhớ 2022-2025 dự kiến tổ chức ở tỉnh nào?",
  [place("savannakhet", vi)], [MOU30])
Q(vi, "place", "Ở đâu vậy?", [place("luang_prabang", vi)], [LP_VI, LP_LO, REP24, PLAN24, MIN_HN],
  history=H("Hội thảo chia sẻ kinh nghiệm thanh tra - kiểm tra năm 2024 diễn ra khi nào?",
            "Hội thảo diễn ra trong hai ngày 18 và 19/6/2024. [1]"))
Q(vi, "place", "Tháng 5/2024 đoàn Cơ quan BHXH Lào sang học tập kinh nghiệm ở thành phố nào của Việt Nam?",
  [place("danang", vi)], [DANANG_EN], note="cross-lingual: English-only report")
Q(vi, "place", "Dự kiến ký bản ghi nhớ đó ở đâu?", [place("vientiane", vi)], [MOU30],
  history=H("Bản ghi nhớ giai đoạn 2026-2030 đã được ký chưa?",
            "Chưa. Hồ sơ không ghi nhận việc ký; ngày 18/9/2025 hai bên thống nhất sẽ ký vào quý IV/2025. [1]"))
# count
Q(vi, "count", "Khóa tập huấn chuyển đổi số năm 2023 dành cho bao nhiêu cán bộ Lào?",
  [["30 cán bộ", "30 người", "30 học viên"]], [MIN_HN, NOTE_LO])
Q(vi, "count", "Biên bản ghi nhớ ký tháng 12/2015 có bao nhiêu điều khoản?",
  [["8 điều", "8 Điều khoản", "tám điều"]], [REAL])
Q(vi, "count", "Bao nhiêu đơn vị sử dụng lao động đã tham gia thí điểm thu BHXH điện tử?",
  [["1.240 đơn vị", "1240 đơn vị", "1 240 đơn vị", "1,240 đơn vị"]], [REP24],
  note="the whole pilot; the English launch news gives 300 for the first phase only")
Q(vi, "count", "Trong thời gian thí điểm, số tiền thu qua hệ thống điện tử đạt bao nhiêu?",
  [["38,5 tỷ kíp", "38.5 tỷ kíp"]], [REP24])
Q(vi, "count", "Tháng 11/2023 BHXH Việt Nam tặng phía Lào bao nhiêu máy tính, trị giá bao nhiêu?",
  [["20 bộ máy tính", "20 máy tính"], ["850 triệu đồng", "850 triệu"]], [DIGI_VI])
Q(vi, "count", "Có bao nhiêu đại biểu tham dự?", [["45 đại biểu", "45 người"]], [LP_VI, LP_LO, REP24],
  history=H("Hội thảo thanh tra - kiểm tra ở Luông Pha Bang diễn ra khi nào?",
            "Hội thảo diễn ra ngày 18-19/6/2024 tại tỉnh Luông Pha Bang. [1]"))
Q(vi, "count", "Đoàn Lào sang Đà Nẵng có mấy thành viên và chuyến đi tốn bao nhiêu tiền?",
  [["12 thành viên", "12 người", "12 cán bộ"], ["380 triệu đồng", "380 triệu"]], [DANANG_EN],
  note="cross-lingual: English-only report")
Q(vi, "count", "Kinh phí dự kiến cho các hoạt động hợp tác với Lào năm 2024 là bao nhiêu?",
  [["1,2 tỷ đồng", "1.2 tỷ đồng"]], [PLAN24])
Q(vi, "count", "Có bao nhiêu cán bộ Lào được cấp chứng chỉ sau khóa tập huấn ở Hà Nội?",
  [["28 cán bộ", "28 người", "28 học viên"]], [NOTE_LO], note="cross-lingual: Lao-only note")
Q(vi, "count", "Hội thảo trực tuyến về ứng dụng di động tháng 11/2023 có bao nhiêu người tham dự?",
  [["80 người", "80 đại biểu", "80 thành viên"]], [APP_LO], note="cross-lingual: Lao-only news")
# period
Q(vi, "period", "Bản ghi nhớ ký năm 2022 áp dụng cho giai đoạn nào?",
  [["2022-2025", "2022 - 2025", "2022–2025"]], [REAL])
Q(vi, "period", "Biên bản ghi nhớ 2022-2025 có hiệu lực đến khi nào?",
  [day(vi, 2025, 12, 31) + ["hết năm 2025", "cuối năm 2025"]], [MOU30])
Q(vi, "period", "Hoi nghi o Quang Nam thang 8/2022 tong ket hop tac giai doan nao?",
  [["2016-2022", "2016 - 2022", "2016–2022"]], [REAL], note="no tone marks")
Q(vi, "period", "Hai bên đang chuẩn bị ký bản ghi nhớ mới cho giai đoạn nào?",
  [["2026-2030", "2026 - 2030", "2026–2030"]], [MOU30, REP24, DB_LO, DANANG_EN])
# list
Q(vi, "list", "Các hoạt động hợp tác dự kiến giai đoạn 2022-2025 là gì?",
  [["thủ tục hành chính"], ["chuyển đổi số"], ["thanh tra"]], [REAL])
Q(vi, "list", "Năm 2025 hai bên định làm những việc gì?",
  [["cơ sở dữ liệu"], ["thu BHXH điện tử", "thu điện tử"], ["2026-2030"]], [REP24, PLAN24, DB_LO],
  note="the 2025 directions of the 2024 report; the 2024 plan and the Lao minutes of 10/4/2025 add other 2025 items")
Q(vi, "list", "Dự thảo bản ghi nhớ 2026-2030 tập trung vào những lĩnh vực gì?",
  [["chuyển đổi số"], ["đầu tư quỹ"], ["thanh tra"], ["đào tạo"]], [MOU30])
Q(vi, "list", "Đoàn Lào học hỏi những chủ đề gì khi thăm Đà Nẵng?",
  [["một cửa"], ["BHYT điện tử", "bảo hiểm y tế điện tử", "giám định điện tử", "thanh toán BHYT điện tử", "hồ sơ BHYT điện tử"],
   ["bưu điện"]], [DANANG_EN], note="cross-lingual: English-only report")
Q(vi, "list", "BHXH Viet Nam se ho tro Lao nhung gi theo ket qua lam viec voi Uy ban Van hoa-Xa hoi Quoc hoi Lao?",
  [["bao phủ"], ["đầu tư quỹ"], ["cơ sở dữ liệu"], ["Luật BHXH", "sửa Luật"]], [REAL], note="no tone marks")
# actor
Q(vi, "actor", "Cơ quan nào chủ trì thí điểm thu BHXH điện tử ở Lào?", [org("lsso", vi)], [MIN_HN, PILOT_EN])
Q(vi, "actor", "Đơn vị nào của BHXH Việt Nam chủ trì khảo sát công tác tuyên truyền tại Chăm-pa-xắc?",
  [["Trung tâm Truyền thông"]], [PLAN24])
Q(vi, "actor", "Năm 2022 BHXH Việt Nam ký biên bản ghi nhớ với cơ quan nào của Lào?", [org("molsw", vi)], [REAL])
Q(vi, "actor", "Ai đón tiếp đoàn?",
  [["BHXH thành phố Đà Nẵng", "Bảo hiểm xã hội thành phố Đà Nẵng", "BHXH Đà Nẵng", "Bảo hiểm xã hội Đà Nẵng"]],
  [DANANG_EN], history=H("Đoàn Lào sang Đà Nẵng tháng 5/2024 có bao nhiêu người?",
                         "Đoàn Cơ quan BHXH quốc gia Lào sang Đà Nẵng gồm 12 thành viên. [1]"),
  note="cross-lingual follow-up")
Q(vi, "actor", "Ai dẫn đầu đoàn Cơ quan BHXH quốc gia Lào làm việc tại Hà Nội ngày 18/9/2025?",
  [["Tổng Giám đốc"]], [MOU30], note="article says 'Hôm nay (18/9)'; year from the document date")
# yesno
Q(vi, "yesno", "BHXH Việt Nam đã ký bản ghi nhớ giai đoạn 2026-2030 với phía Lào chưa?",
  [["Chưa", "không"], quarter(vi, 2025, 4)], [MOU30, DB_LO],
  note="planned for quý IV/2025; no document reports the signing")
Q(vi, "yesno", "Hội thảo thanh tra ở Luông Pha Bang có bị lùi lịch không?",
  [["Có", "bị lùi", "đã lùi", "được lùi"], quarter(vi, 2024, 2)], [LP_VI, PLAN24, LP_LO, REP24])
Q(vi, "yesno", "Nam 2024 BHXH Viet Nam co trao Ky niem chuong cho ca nhan phia Lao khong?",
  [["Có", "Đã"], ["15 cá nhân", "15 người"]], [REP24], note="no tone marks")
Q(vi, "yesno", "BHXH Việt Nam có gửi bộ tài liệu thanh tra dịch sang tiếng Lào như đã hứa không?",
  [["Có", "Đã"], month(vi, 2024, 11)], [REP24])
Q(vi, "yesno", "Hai bên có hẹn tổ chức thêm hội thảo thanh tra nữa không?",
  [["Có"], ["2026"]], [LP_VI, LP_LO])
# status
Q(vi, "status", "Thí điểm thu BHXH điện tử ở hai tỉnh của Lào đã hoàn thành chưa?",
  [["hoàn thành"], day(vi, 2024, 6, 28)], [REP24])
Q(vi, "status", "Khóa tập huấn về quản lý và đầu tư quỹ cho cán bộ Lào giờ ra sao rồi?",
  [["lùi", "hoãn", "dời"], quarter(vi, 2026, 2)], [REP24])
Q(vi, "status", "Việc xây dựng cơ sở dữ liệu người tham gia BHXH của Lào đến đâu rồi?",
  [["70%"], month(vi, 2026, 6)], [MOU30], note="latest report (18/9/2025)")
Q(vi, "status", "Cam kết gửi dự thảo Luật BHXH sửa đổi của phía Lào đã được thực hiện chưa?",
  [["không ghi nhận", "chưa có thông tin", "không có thông tin", "chưa được báo cáo", "không có báo cáo",
    "chưa có báo cáo", "không thấy"], day(vi, 2023, 9, 30)], [MIN_HN],
  note="overdue: due 30/9/2023, no later document reports it")
Q(vi, "status", "Ban ghi nho 2026-2030 da co hieu luc chua?", [["Chưa"], quarter(vi, 2025, 4)], [MOU30],
  note="no tone marks; planned, never reported signed")
Q(vi, "status", "Ứng dụng di động cho người tham gia BHXH của Lào hiện đã xong chưa?",
  [["chưa", "đang"], quarter(vi, 2026, 1)], [DB_LO], note="cross-lingual: Lao-only minutes")
# event
Q(vi, "event", "Tháng 11/2023 đoàn Trung tâm Công nghệ thông tin BHXH Việt Nam sang Viêng Chăn để làm gì?",
  [["chuyển đổi số"], ["khảo sát"]], [DIGI_VI])
Q(vi, "event", "Ngày 21/11/2023 hai bên đã tổ chức hoạt động gì?",
  [["trực tuyến"], ["ứng dụng", "VssID", "di động"]], [APP_LO], note="cross-lingual: Lao-only news")
Q(vi, "event", "Năm 2025 việc thu BHXH điện tử ở Lào có gì mới?",
  [place("luang_prabang", vi), month(vi, 2025, 7)], [MOU30])
Q(vi, "event", "Ngay 22/11/2022 o Lao da dien ra su kien gi?", [["ký"], ["ghi nhớ"]], [REAL], note="no tone marks")
# out of record
Q(vi, "count", "Tỷ lệ đóng BHXH ở Thái Lan là bao nhiêu?", missing={"type": "country", "value": "Thailand"})
Q(vi, "date", "BHXH Việt Nam đã ký biên bản ghi nhớ với Campuchia khi nào?", missing={"type": "country", "value": "Cambodia"})
Q(vi, "period", "Bản ghi nhớ giai đoạn 2031-2035 có hiệu lực từ khi nào đến khi nào?",
  missing={"type": "period", "value": "2031-2035"})
Q(vi, "count", "ILO đã tài trợ bao nhiêu tiền cho thí điểm thu BHXH điện tử ở Lào?",
  missing={"type": "organization", "value": "ILO"})
Q(vi, "count", "Tỷ lệ đóng BHXH bắt buộc của người lao động Lào là bao nhiêu phần trăm?",
  missing={"type": "figure", "value": "contribution rate"})
Q(vi, "date", "Hội thảo thanh tra ở tỉnh Phông-xa-lỳ được tổ chức khi nào?",
  missing={"type": "place", "value": "Phongsaly"})
Q(vi, "date", "BHXH Viet Nam ky ban ghi nho voi Myanmar nam nao?", missing={"type": "country", "value": "Myanmar"},
  note="no tone marks")
Q(vi, "count", "Tổng tài sản quỹ BHXH của Lào hiện nay là bao nhiêu?", missing={"type": "figure", "value": "fund size"})
Q(vi, "actor", "Đoàn BHXH Việt Nam sang làm việc tại Trung Quốc năm 2024 gồm những ai?",
  missing={"type": "country", "value": "China"})
Q(vi, "event", "Hội nghị tổng kết ở Xa-van-na-khet quý I/2026 đã đạt kết quả gì?",
  missing={"type": "event", "value": "review conference in Savannakhet held"},
  note="only planned (18/9/2025); no document reports it took place")
Q(vi, "list", "Ngân hàng Thế giới hỗ trợ những gì cho cơ sở dữ liệu BHXH của Lào?",
  missing={"type": "organization", "value": "World Bank"})
Q(vi, "status", "Bản ghi nhớ giữa BHXH Việt Nam và Bộ Y tế Lào còn hiệu lực không?",
  missing={"type": "organization", "value": "Lao Ministry of Health"})
Q(vi, "yesno", "Đoàn Cơ quan BHXH Lào có đến thăm TP. Hồ Chí Minh không?",
  missing={"type": "place", "value": "Ho Chi Minh City"})
Q(vi, "list", "Các hoạt động hợp tác dự kiến năm 2027 là gì?", missing={"type": "period", "value": "2027"})
Q(vi, "date", "Còn với Campuchia thì ký khi nào?", missing={"type": "country", "value": "Cambodia"},
  history=H("Bản ghi nhớ với Lào giai đoạn 2022-2025 ký khi nào?",
            "Bản ghi nhớ giai đoạn 2022-2025 được ký ngày 22/11/2022 tại Lào. [1]"),
  note="out-of-record follow-up")

# ============================== Lao ==============================
lo = "lo"
# date
Q(lo, "date", "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະປີ 2022-2025 ໄດ້ລົງນາມເມື່ອໃດ?",
  [day(lo, 2022, 11, 22)], [REAL, MIN_HN, PLAN24, MOU30])
Q(lo, "date", "ແລ້ວ ສະບັບກ່ອນໜ້ານັ້ນເດ?", [month(lo, 2015, 12)], [REAL, REP24],
  history=H("ບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະປີ 2022-2025 ໄດ້ລົງນາມເມື່ອໃດ?",
            "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະປີ 2022-2025 ໄດ້ລົງນາມໃນວັນທີ 22/11/2022 ທີ່ ສປປ ລາວ. [1]"),
  note="follow-up: the 2016-2020 MoU, signed 12/2015")
Q(lo, "date", "ກອງປະຊຸມເຮັດວຽກ ລະຫວ່າງ ປະກັນສັງຄົມຫວຽດນາມ ແລະ ອົງການປະກັນສັງຄົມແຫ່ງຊາດ ທີ່ຮ່າໂນ້ຍ ໃນປີ 2023 ຈັດຂຶ້ນວັນທີເທົ່າໃດ?",
  [day(lo, 2023, 3, 15)], [MIN_HN, NOTE_LO, DB_LO, DANANG_EN])
Q(lo, "date", "ພິທີເປີດນຳໃຊ້ການເກັບເງິນສົມທົບແບບເອເລັກໂຕຣນິກ ໄລຍະທົດລອງ ຈັດຂຶ້ນວັນໃດ?",
  [day(lo, 2024, 1, 22)], [PILOT_EN], note="cross-lingual: English-only news")
Q(lo, "date", "ປະກັນສັງຄົມຫວຽດນາມ ມອບຫຼຽນທີ່ລະລຶກໃຫ້ 15 ທ່ານ ຢູ່ວຽງຈັນ ວັນທີເທົ່າໃດ?",
  [day(lo, 2024, 12, 12)], [REP24], note="cross-lingual: Vietnamese-only report")
Q(lo, "date", "ປະກັນສັງຄົມຫວຽດນາມ ກັບ ລາວ ມີສາຍພົວພັນກັນມາແຕ່ປີໃດ?", [["1998", "໑໙໙໘"]], [REAL])
Q(lo, "date", "ການທົດລອງເກັບເງິນສົມທົບແບບເອເລັກໂຕຣນິກ ຕ້ອງໃຫ້ສຳເລັດກ່ອນວັນທີເທົ່າໃດ?",
  [day(lo, 2024, 6, 30)], [MIN_HN, PLAN24, PILOT_EN, REP24], note="cross-lingual: vi and en documents only")
# place
Q(lo, "place", "ກອງປະຊຸມສຳມະນາ ດ້ານການກວດກາ-ກວດສອບ ປີ 2024 ຈັດຢູ່ໃສ?",
  [place("luang_prabang", lo)], [LP_LO, LP_VI, REP24])
Q(lo, "place", "ການຝຶກອົບຮົມການນຳໃຊ້ຖານຂໍ້ມູນ ສຳລັບພະນັກງານ 25 ຄົນ ຈະຈັດຢູ່ໃສ?",
  [place("savannakhet", lo)], [DB_LO])
Q(lo, "place", "ແລ້ວ ສະຖານທີ່ເດ?", [place("danang", lo)], [DANANG_EN],
  history=H("ຄະນະຜູ້ແທນ ອົງການປະກັນສັງຄົມແຫ່ງຊາດ ທີ່ໄປທັດສະນະສຶກສາຢູ່ຫວຽດນາມ ໃນເດືອນ ພຶດສະພາ 2024 ມີຈັກຄົນ?",
            "ຄະນະຜູ້ແທນ ມີ 12 ຄົນ, ນຳໂດຍຮອງຫົວໜ້າອົງການປະກັນສັງຄົມແຫ່ງຊາດ. [1]"),
  note="cross-lingual follow-up: English-only report")
Q(lo, "place", "ໃນເດືອນ ກໍລະກົດ 2025, ການເກັບເງິນສົມທົບແບບເອເລັກໂຕຣນິກ ໄດ້ຂະຫຍາຍໄປແຂວງໃດ?",
  [place("luang_prabang", lo)], [MOU30], note="cross-lingual: Vietnamese-only news")
Q(lo, "place", "ກອງປະຊຸມສະຫຼຸບການຮ່ວມມື ໄລຍະປີ 2016-2022 ຈັດຂຶ້ນຢູ່ໃສ?", [place("quangnam", lo)], [REAL])
Q(lo, "place", "ສອງຝ່າຍ ວາງແຜນຈະລົງນາມບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະປີ 2026-2030 ຢູ່ໃສ?",
  [place("vientiane", lo)], [MOU30], note="cross-lingual: Vietnamese-only news")
# count
Q(lo, "count", "ການຝຶກອົບຮົມດ້ານການຫັນເປັນດິຈິຕອນ ຢູ່ຮ່າໂນ້ຍ ມີພະນັກງານເຂົ້າຮ່ວມຈັກຄົນ?",
  [["30 ຄົນ", "໓໐ ຄົນ"]], [NOTE_LO, MIN_HN])
Q(lo, "count", "ກອງປະຊຸມສຳມະນາທາງອອນລາຍ ວັນທີ 21 ພະຈິກ 2023 ມີຜູ້ເຂົ້າຮ່ວມຈັກທ່ານ?",
  [["80 ທ່ານ", "80 ຄົນ"]], [APP_LO])
Q(lo, "count", "ໃນໄລຍະທຳອິດຂອງການທົດລອງ ມີນາຍຈ້າງເຂົ້າຮ່ວມຈັກແຫ່ງ?",
  [["300 ແຫ່ງ", "300 ຫົວໜ່ວຍ", "ນາຍຈ້າງ 300", "300 ນາຍຈ້າງ", "300 ບໍລິສັດ"]], [PILOT_EN],
  note="cross-lingual: English-only news")
Q(lo, "count", "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ທີ່ລົງນາມໃນເດືອນ 12/2015 ມີຈັກມາດຕາ?", [["8 ມາດຕາ", "໘ ມາດຕາ"]], [REAL])
Q(lo, "count", "ງົບປະມານສຳລັບການໂອນຍ້າຍຂໍ້ມູນ ແມ່ນປະມານເທົ່າໃດ?",
  [["1.200 ລ້ານກີບ", "1,200 ລ້ານກີບ", "1200 ລ້ານກີບ"]], [DB_LO])
Q(lo, "count", "ຄອມພິວເຕີ ແລະ ເຊີເວີ ທີ່ປະກັນສັງຄົມຫວຽດນາມ ມອບໃຫ້ໃນເດືອນ ພະຈິກ 2023 ມີມູນຄ່າເທົ່າໃດ?",
  [["850 ລ້ານດົ່ງ", "850 ລ້ານ"]], [DIGI_VI], note="cross-lingual: Vietnamese-only news")
Q(lo, "count", "ແລ້ວ ມີຜູ້ແທນເຂົ້າຮ່ວມຈັກທ່ານ?", [["45 ທ່ານ", "45 ຄົນ"]], [LP_LO, LP_VI, REP24],
  history=H("ກອງປະຊຸມສຳມະນາ ດ້ານການກວດກາ-ກວດສອບ ປີ 2024 ຈັດຢູ່ໃສ?",
            "ກອງປະຊຸມສຳມະນາ ໄດ້ຈັດຂຶ້ນຢູ່ແຂວງຫຼວງພະບາງ ໃນວັນທີ 18 ແລະ 19/6/2024. [1]"))
# period
Q(lo, "period", "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ສະບັບໃໝ່ ກວມເອົາໄລຍະໃດ?", [["2022-2025", "2022 - 2025", "2022–2025"]], [REAL],
  note="the newest SIGNED memorandum; 2026-2030 is only planned")
Q(lo, "period", "ກອງປະຊຸມທີ່ແຂວງກວາງນາມ ໄດ້ກຳນົດທິດທາງການຮ່ວມມື ສຳລັບໄລຍະໃດ?",
  [["2022-2025", "2022 - 2025", "2022–2025"]], [REAL])
Q(lo, "period", "ອົງການປະກັນສັງຄົມແຫ່ງຊາດ ສະເໜີໃຫ້ຈັດຊຸດຝຶກອົບຮົມຂັ້ນສູງ ໃນໄລຍະປີໃດ?",
  [["2024-2025", "໒໐໒໔-໒໐໒໕", "2024 - 2025"]], [NOTE_LO])
Q(lo, "period", "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະປີ 2022-2025 ມີຜົນສັກສິດຮອດເມື່ອໃດ?",
  [day(lo, 2025, 12, 31) + ["ທ້າຍປີ 2025"]], [MOU30], note="cross-lingual: Vietnamese-only news")
# list
Q(lo, "list", "ບັນດາກິດຈະກຳຮ່ວມມື ທີ່ຄາດວ່າຈະຈັດຕັ້ງປະຕິບັດ ໃນໄລຍະປີ 2022-2025 ມີຫຍັງແດ່?",
  [["ຂັ້ນຕອນການບໍລິຫານ"], ["ດິຈິຕອນ"], ["ກວດກາ"]], [REAL])
Q(lo, "list", "ຊຸດຝຶກອົບຮົມຢູ່ຮ່າໂນ້ຍ ປີ 2023 ມີຫົວຂໍ້ຫຍັງແດ່?",
  [["ຖານຂໍ້ມູນ"], ["ເງິນສົມທົບ"], ["ອອນລາຍ"], ["ຄວາມປອດໄພ"]], [NOTE_LO])
Q(lo, "list", "ຮ່າງບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະປີ 2026-2030 ເນັ້ນໃສ່ຂົງເຂດໃດແດ່?",
  [["ດິຈິຕອນ"], ["ກອງທຶນ"], ["ກວດກາ"], ["ຝຶກອົບຮົມ", "ບຳລຸງ", "ພະນັກງານ"]], [MOU30],
  note="cross-lingual: Vietnamese-only news")
Q(lo, "list", "ກອງປະຊຸມສຳມະນາຢູ່ຫຼວງພະບາງ ໄດ້ປຶກສາຫາລືກ່ຽວກັບເນື້ອໃນຫຼັກຫຍັງແດ່?",
  [["ຂັ້ນຕອນການກວດກາ", "ການກວດກາວິຊາສະເພາະ"], ["ຊັກຊ້າ"], ["ລະບອບ"]], [LP_LO, LP_VI])
# actor
Q(lo, "actor", "ໃຜເປັນຜູ້ຮັບຜິດຊອບຄ່າໃຊ້ຈ່າຍ ຂອງຊຸດຝຶກອົບຮົມຢູ່ຮ່າໂນ້ຍ?", [org("vss", lo)], [NOTE_LO, MIN_HN])
Q(lo, "actor", "ຫົວໜ່ວຍໃດຂອງປະກັນສັງຄົມຫວຽດນາມ ຮັບຜິດຊອບການຊ່ວຍສ້າງຖານຂໍ້ມູນ ໄລຍະທີ 1?",
  [org("itc", lo)], [PLAN24, DB_LO, MOU30])
Q(lo, "actor", "ຄະນະຜູ້ແທນຂອງຄະນະກຳມະການໃດ ຂອງສະພາແຫ່ງຊາດລາວ ໄດ້ມາຢ້ຽມຢາມປະກັນສັງຄົມຫວຽດນາມ?",
  [["ວັດທະນະທຳ-ສັງຄົມ", "ວັດທະນະທຳ - ສັງຄົມ", "ວັດທະນະທຳ ແລະ ສັງຄົມ"]], [REAL])
Q(lo, "actor", "ໃຜເປັນຫົວໜ້າຄະນະ ອົງການປະກັນສັງຄົມແຫ່ງຊາດ ທີ່ໄປທັດສະນະສຶກສາຢູ່ດ່ານັງ?",
  [["ຮອງຫົວໜ້າ", "ຮອງຜູ້ອຳນວຍການໃຫຍ່", "ຮອງອຳນວຍການໃຫຍ່", "Deputy Director General"]], [DANANG_EN],
  note="cross-lingual: English-only report")
# yesno
Q(lo, "yesno", "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະປີ 2026-2030 ໄດ້ລົງນາມແລ້ວບໍ?",
  [["ຍັງ", "ບໍ່"], quarter(lo, 2025, 4) + ["ທ້າຍປີ 2025"]], [MOU30, DB_LO])
Q(lo, "yesno", "ປະກັນສັງຄົມຫວຽດນາມ ໄດ້ສົ່ງຊ່ຽວຊານ 4 ທ່ານ ມາວຽງຈັນ ແທ້ບໍ?",
  [["ແມ່ນ", "ໄດ້ສົ່ງ", "ສົ່ງແລ້ວ"], month(lo, 2025, 6)], [MOU30],
  note="cross-lingual: promised in the Lao minutes, reported done only in the Vietnamese news")
Q(lo, "yesno", "ກອງປະຊຸມສຳມະນາຢູ່ຫຼວງພະບາງ ໄດ້ຖືກເລື່ອນບໍ?",
  [["ແມ່ນ", "ໄດ້ເລື່ອນ", "ຖືກເລື່ອນ"], quarter(lo, 2024, 2)], [LP_LO, LP_VI, PLAN24])
# status
Q(lo, "status", "ການພັດທະນາແອັບພລິເຄຊັນມືຖື ສຳລັບຜູ້ປະກັນຕົນ ຄືບໜ້າໄປຮອດໃສແລ້ວ?",
  [["ກຳລັງ"], quarter(lo, 2026, 1)], [DB_LO])
Q(lo, "status", "ການທົດລອງເກັບເງິນສົມທົບແບບເອເລັກໂຕຣນິກ ຢູ່ສອງແຂວງ ສຳເລັດແລ້ວບໍ?",
  [["ສຳເລັດ"], day(lo, 2024, 6, 28)], [REP24], note="cross-lingual: Vietnamese-only report")
Q(lo, "status", "ການຝຶກອົບຮົມຄືນ ໃຫ້ພະນັກງານຂັ້ນແຂວງ 120 ຄົນ ໄດ້ຈັດແລ້ວບໍ?",
  [["ບໍ່ມີຂໍ້ມູນ", "ບໍ່ມີການລາຍງານ", "ຍັງບໍ່ມີ", "ບໍ່ມີເອກະສານ", "ບໍ່ພົບ"], quarter(lo, 2023, 4)], [NOTE_LO],
  note="overdue: due in Q4 2023, no later document reports it")
Q(lo, "status", "ຊຸດຝຶກອົບຮົມ ດ້ານການຄຸ້ມຄອງ ແລະ ລົງທຶນກອງທຶນ ສຳລັບພະນັກງານລາວ 20 ຄົນ ຢູ່ໃນສະຖານະໃດ?",
  [["ເລື່ອນ"], quarter(lo, 2026, 2)], [REP24], note="cross-lingual: Vietnamese-only report")
# event
Q(lo, "event", "ມີຫຍັງເກີດຂຶ້ນ ໃນວັນທີ 22/11/2022 ທີ່ ສປປ ລາວ?", [["ລົງນາມ"], ["ບົດບັນທຶກຄວາມເຂົ້າໃຈ"]], [REAL])
Q(lo, "event", "ໃນເດືອນ ພຶດສະພາ 2024 ມີກິດຈະກຳຫຍັງ ລະຫວ່າງສອງຝ່າຍ?",
  [["ທັດສະນະສຶກສາ", "ຢ້ຽມຢາມ", "ຮຽນຮູ້"], place("danang", lo)], [DANANG_EN], note="cross-lingual: English-only report")
Q(lo, "event", "ວັນທີ 10 ເມສາ 2025 ມີກອງປະຊຸມຫຍັງ ຢູ່ວຽງຈັນ?", [["ຖານຂໍ້ມູນ"]], [DB_LO])
Q(lo, "event", "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະປີ 2016-2020 ໄດ້ລົງນາມໃນໂອກາດໃດ?",
  [["ຄັ້ງທີ 38"], ["ຄະນະກຳມະການລະຫວ່າງລັດຖະບານ"]], [REAL])
# out of record
Q(lo, "yesno", "ປະກັນສັງຄົມຫວຽດນາມ ໄດ້ລົງນາມບົດບັນທຶກຄວາມເຂົ້າໃຈ ກັບ ກຳປູເຈຍ ບໍ?",
  missing={"type": "country", "value": "Cambodia"})
Q(lo, "count", "ອັດຕາເງິນສົມທົບປະກັນສັງຄົມ ຂອງລາວ ແມ່ນຈັກເປີເຊັນ?", missing={"type": "figure", "value": "contribution rate"})
Q(lo, "date", "ການຝຶກອົບຮົມຢູ່ແຂວງຜົ້ງສາລີ ຈັດຂຶ້ນເມື່ອໃດ?", missing={"type": "place", "value": "Phongsaly"})
Q(lo, "list", "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ກັບ ໄທ ມີເນື້ອໃນຫຍັງແດ່?", missing={"type": "country", "value": "Thailand"})
Q(lo, "list", "ອົງການແຮງງານສາກົນ (ILO) ໃຫ້ການຊ່ວຍເຫຼືອຫຍັງແດ່ ແກ່ອົງການປະກັນສັງຄົມແຫ່ງຊາດ ໃນການຫັນເປັນດິຈິຕອນ?",
  missing={"type": "organization", "value": "ILO"})
Q(lo, "period", "ແຜນການຮ່ວມມື ໄລຍະປີ 2031-2035 ເລີ່ມ ແລະ ສິ້ນສຸດເມື່ອໃດ?", missing={"type": "period", "value": "2031-2035"})
Q(lo, "count", "ຈຳນວນຜູ້ປະກັນຕົນທັງໝົດຂອງລາວ ໃນປີ 2024 ແມ່ນຈັກຄົນ?",
  missing={"type": "figure", "value": "total number of insured persons"},
  note="the record gives only 215.000 records imported into the new database (April 2025), not the total")
Q(lo, "date", "ຄະນະຜູ້ແທນ ປະກັນສັງຄົມຫວຽດນາມ ໄປຢ້ຽມຢາມ ມຽນມາ ເມື່ອໃດ?", missing={"type": "country", "value": "Myanmar"})
Q(lo, "count", "ທະນາຄານໂລກ ສະໜອງທຶນເທົ່າໃດ ໃຫ້ໂຄງການຖານຂໍ້ມູນ?", missing={"type": "organization", "value": "World Bank"})
Q(lo, "event", "ກອງປະຊຸມສະຫຼຸບ ຢູ່ແຂວງສະຫວັນນະເຂດ ໃນໄຕມາດທີ 1 ປີ 2026 ໄດ້ຮັບຜົນແນວໃດ?",
  missing={"type": "event", "value": "review conference in Savannakhet held"},
  note="only planned; no document reports it took place")
Q(lo, "actor", "ໃຜເປັນຜູ້ຕາງໜ້າຂອງຈີນ ໃນກອງປະຊຸມສຳມະນາຢູ່ຫຼວງພະບາງ?", missing={"type": "country", "value": "China"})
Q(lo, "status", "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ກັບ ກະຊວງສາທາລະນະສຸກ ຍັງມີຜົນສັກສິດຢູ່ບໍ?",
  missing={"type": "organization", "value": "Ministry of Health"})
Q(lo, "yesno", "ອົງການປະກັນສັງຄົມແຫ່ງຊາດ ໄດ້ເປີດຫ້ອງການຢູ່ນະຄອນໂຮ່ຈິມິນ ແລ້ວບໍ?",
  missing={"type": "place", "value": "Ho Chi Minh City"})
Q(lo, "list", "ປີ 2027 ມີກິດຈະກຳຫຍັງແດ່ ທີ່ວາງແຜນໄວ້?", missing={"type": "period", "value": "2027"})
Q(lo, "actor", "ແລ້ວ ກັບ ໄທ ເດ?", missing={"type": "country", "value": "Thailand"},
  history=H("ປະກັນສັງຄົມຫວຽດນາມ ລົງນາມບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະປີ 2022-2025 ກັບອົງການໃດຂອງລາວ?",
            "ປະກັນສັງຄົມຫວຽດນາມ ໄດ້ລົງນາມກັບ ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ ລາວ. [1]"),
  note="out-of-record follow-up")

# ============================== English ==============================
en = "en"
# date
Q(en, "date", "When was the 2016-2020 MoU signed?", [month(en, 2015, 12)], [REAL, REP24])
Q(en, "date", "When did VSS and the Lao ministry sign the 2022-2025 memorandum?",
  [day(en, 2022, 11, 22)], [REAL, MIN_HN, PLAN24, MOU30])
Q(en, "date", "And the one before that?", [month(en, 2015, 12)], [REAL, REP24],
  history=H("When was the 2022-2025 MoU signed?",
            "The 2022-2025 memorandum was signed on 22 November 2022 in Laos, during the ASSA 39 conference. [1]"))
Q(en, "date", "When was the digital transformation course for LSSO staff in Hanoi actually held?",
  [["21 August", "21–31 August", "21-31 August", "21 to 31 August", "21/8"], ["August 2023", "31/8/2023"]],
  [NOTE_LO], note="cross-lingual: dates only in the Lao note (Lao digits)")
Q(en, "date", "What was the deadline for the electronic contribution pilot?",
  [day(en, 2024, 6, 30)], [PILOT_EN, MIN_HN, PLAN24, REP24])
Q(en, "date", "When was the medal ceremony for the 15 Lao individuals?", [day(en, 2024, 12, 12)], [REP24],
  note="cross-lingual: Vietnamese-only report")
Q(en, "date", "When do they plan the next inspection seminar, and in which country?",
  [["2026"], ["Vietnam", "Viet Nam"]], [LP_VI, LP_LO], note="cross-lingual: vi news and its lo translation")
# place
Q(en, "place", "Where did the LSSO delegation go for its study visit in May 2024?", [place("danang", en)], [DANANG_EN])
Q(en, "place", "Where was the review conference on 2016-2022 cooperation held?", [place("quangnam", en)], [REAL])
Q(en, "place", "Where will the 25 LSSO staff be trained on using the database?", [place("savannakhet", en)], [DB_LO],
  note="cross-lingual: Lao-only minutes")
Q(en, "place", "Where was the 2023 digital-transformation training for LSSO staff held?", [place("hanoi", en)],
  [MIN_HN, NOTE_LO], note="cross-lingual: vi minutes and lo note")
Q(en, "place", "And where?", [place("luang_prabang", en)], [LP_VI, LP_LO, REP24, PLAN24, MIN_HN],
  history=H("When did the two sides hold the inspection seminar in Laos?",
            "The seminar on social insurance inspection was held on 18-19 June 2024. [1]"),
  note="cross-lingual follow-up")
Q(en, "place", "Where do the two sides plan to sign the 2026-2030 memorandum?", [place("vientiane", en)], [MOU30],
  note="cross-lingual: Vietnamese-only news")
# count
Q(en, "count", "How many employers took part in the first phase of the e-contribution pilot?",
  [["300 employers"]], [PILOT_EN])
Q(en, "count", "How many articles did the 2016-2020 memorandum have?", [["8 articles", "eight articles"]], [REAL])
Q(en, "count", "How much did the Da Nang study visit cost VSS?", [["VND 380 million", "380 million"]], [DANANG_EN])
Q(en, "count", "How many people attended the online seminar on mobile apps in November 2023?",
  [["80 participants", "80 people", "80 attendees", "80 delegates", "80 representatives"]], [APP_LO],
  note="cross-lingual: Lao-only news")
Q(en, "count", "By April 2025, how many insured persons' records had been imported into LSSO's new database?",
  [["215,000", "215.000", "215 000"]], [DB_LO], note="cross-lingual: Lao-only minutes")
Q(en, "count", "How many LSSO trainees received certificates after the Hanoi course?",
  [["28 trainees", "28 participants", "28 of the 30", "28 staff", "28 people", "28 officials"]], [NOTE_LO],
  note="cross-lingual: Lao-only note (Lao digits)")
Q(en, "count", "How many engineers did the VSS IT Centre send to Vientiane for the pilot launch?",
  [["5 engineers", "five engineers"]], [PILOT_EN])
Q(en, "count", "How many articles does the draft have?", [["9 articles", "nine articles"]], [MOU30],
  history=H("Is the 2026-2030 memorandum signed?",
            "No. The record shows no signing; on 18 September 2025 the two sides agreed to sign it in Q4 2025 in Vientiane. [1]"),
  note="cross-lingual follow-up")
# period
Q(en, "period", "What period does the memorandum signed in November 2022 cover?",
  [["2022-2025", "2022–2025", "2022 to 2025"]], [REAL])
Q(en, "period", "Until when is the 2022-2025 MoU valid?", [day(en, 2025, 12, 31) + ["end of 2025"]], [MOU30],
  note="cross-lingual: Vietnamese-only news")
Q(en, "period", "For which period are the two sides drafting a new memorandum?",
  [["2026-2030", "2026–2030", "2026 to 2030"]], [MOU30, DB_LO, REP24, DANANG_EN])
# list
Q(en, "list", "Which activities are planned for 2025?",
  [["database"], ["electronic contribution", "electronic collection", "e-collection", "e-contribution"], ["2026-2030"]],
  [REP24, PLAN24, DB_LO], note="cross-lingual: the 2025 directions of the Vietnamese 2024 report (other 2025 items in the 2024 plan and the Lao minutes)")
Q(en, "list", "What topics did the Lao delegation study in Da Nang?",
  [["one-stop"], ["health-insurance claims", "health insurance claims", "e-claims"], ["post offices"]], [DANANG_EN])
Q(en, "list", "Which areas will VSS support Laos in, as agreed with the Lao National Assembly's Culture-Social Committee delegation?",
  [["coverage"], ["fund"], ["database"], ["Law on Social Insurance", "Social Insurance Law"]], [REAL])
Q(en, "list", "What were the four topics of the 2023 training course in Hanoi?",
  [["database"], ["contribution"], ["online"], ["security"]], [NOTE_LO], note="cross-lingual: Lao-only note")
# actor
Q(en, "actor", "Who led the Lao delegation at the 15 March 2023 working session in Hanoi?",
  [["Director General", "Director-General"]], [MIN_HN], note="cross-lingual: Vietnamese-only minutes")
Q(en, "actor", "Which VSS unit supports Laos on the participant database?", [org("itc", en)], [PLAN24, DB_LO, MOU30],
  note="cross-lingual: vi plan and lo minutes")
Q(en, "actor", "Who hosted the Lao delegation in Da Nang?",
  [["Da Nang City Social Security", "Đà Nẵng City Social Security", "Da Nang Social Security"]], [DANANG_EN])
Q(en, "actor", "Which Lao body did VSS sign the 2022-2025 MoU with?", [org("molsw", en)], [REAL])
Q(en, "actor", "Who led them?", [["Deputy Director General", "Deputy Director-General"]], [DANANG_EN],
  history=H("How many LSSO officials took part in the Đà Nẵng study visit?",
            "The LSSO delegation to Đà Nẵng had 12 members. [1]"))
# yesno
Q(en, "yesno", "Is the 2026-2030 memorandum signed?", [["No", "not yet", "not been signed"], quarter(en, 2025, 4)],
  [MOU30, DB_LO], note="planned for Q4 2025; no document reports the signing")
Q(en, "yesno", "Was the e-contribution pilot completed on time?", [["Yes"], day(en, 2024, 6, 28)], [REP24],
  note="cross-lingual: Vietnamese-only report")
Q(en, "yesno", "Did VSS send the Lao-language inspection handbook it promised?", [["Yes"], month(en, 2024, 11)], [REP24],
  note="cross-lingual: Vietnamese-only report")
# status
Q(en, "status", "What is the status of the fund-investment training for 20 LSSO staff?",
  [["postponed", "rescheduled", "moved"], quarter(en, 2026, 2)], [REP24], note="cross-lingual: Vietnamese-only report")
Q(en, "status", "Did the communication survey in Champasak ever take place?",
  [["no report", "not reported", "no record", "no information", "does not say", "no later"], month(en, 2024, 8)], [PLAN24],
  note="overdue: planned for August 2024, never reported; cross-lingual (Vietnamese plan)")
Q(en, "status", "Has LSSO's mobile app for insured persons been finished?",
  [["No", "not yet", "still"], quarter(en, 2026, 1)], [DB_LO], note="cross-lingual: Lao-only minutes")
Q(en, "status", "Is the 2016-2020 memorandum still in force?", [["No", "expired", "ended"], ["2020"]], [REAL])
# event
Q(en, "event", "What happened on 22 January 2024 in Vientiane?",
  [["launch"], ["pilot"], ["electronic contribution", "e-contribution", "electronic social security contribution"]], [PILOT_EN])
Q(en, "event", "What did the two sides agree at their meeting in Hanoi on 18 September 2025?",
  [["2026-2030"], quarter(en, 2025, 4)], [MOU30], note="cross-lingual: Vietnamese-only news ('Hôm nay (18/9)')")
Q(en, "event", "What happened at the 38th session of the Vietnam–Laos Intergovernmental Committee?",
  [["signed"], ["2016-2020"]], [REAL])
Q(en, "event", "What happened to the inspection seminar that was first planned for Q4 2023?",
  [["postponed", "moved", "rescheduled"], quarter(en, 2024, 2)], [LP_VI, LP_LO, PLAN24, REP24],
  note="cross-lingual: vi and lo documents")
# out of record
Q(en, "yesno", "Did VSS sign an MoU with Cambodia?", missing={"type": "country", "value": "Cambodia"})
Q(en, "count", "What is the social insurance contribution rate in Thailand?", missing={"type": "country", "value": "Thailand"})
Q(en, "list", "What does the 2031-2035 memorandum cover?", missing={"type": "period", "value": "2031-2035"})
Q(en, "count", "How much funding did the ILO provide for the e-contribution pilot?",
  missing={"type": "organization", "value": "ILO"})
Q(en, "date", "When did the LSSO delegation visit Ho Chi Minh City?", missing={"type": "place", "value": "Ho Chi Minh City"})
Q(en, "count", "How many people are insured by LSSO in total?",
  missing={"type": "figure", "value": "total number of insured persons"})
Q(en, "actor", "Which Myanmar officials attended the Luang Prabang seminar?", missing={"type": "country", "value": "Myanmar"})
Q(en, "date", "When was the inspection training in Attapeu province held?", missing={"type": "place", "value": "Attapeu"})
Q(en, "event", "What came out of the Savannakhet review conference in Q1 2026?",
  missing={"type": "event", "value": "review conference in Savannakhet held"},
  note="only planned; no document reports it took place")
Q(en, "count", "How much did the Asian Development Bank contribute to the LSSO database?",
  missing={"type": "organization", "value": "Asian Development Bank"})
Q(en, "yesno", "Has VSS opened a representative office in Vientiane?",
  missing={"type": "event", "value": "VSS representative office in Vientiane"})
Q(en, "count", "What is the pension replacement rate in Laos?", missing={"type": "figure", "value": "pension replacement rate"})
Q(en, "status", "Is the memorandum with China's social security agency still in force?",
  missing={"type": "country", "value": "China"})
Q(en, "period", "For what period was the 2010 cooperation agreement valid?",
  missing={"type": "event", "value": "cooperation agreement signed in 2010"})
Q(en, "place", "And with Thailand, where was it signed?", missing={"type": "country", "value": "Thailand"},
  history=H("Where was the 2022-2025 memorandum with Laos signed?",
            "It was signed in Laos on 22 November 2022, during the ASSA 39 conference. [1]"),
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


def assign_splits(qs: list[dict]) -> list[str]:
    """Alternate tune/report within each group, in the order listed.

    A question belongs to several groups: its (language, kind) for answerable questions or its
    (language, out-of-record); the follow-ups; the cross-lingual questions; its language; all.
    Each question goes to the half that has fewer members of its groups so far (the first
    group that is unbalanced decides; ties go to ``tune``), so every (language, kind) group with
    two or more questions, the follow-ups, the cross-lingual and the out-of-record questions are
    each split half and half, within one question.
    """
    count: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    splits = []
    for q in qs:
        answerable = q["missing"] is None
        langs = {l for d in q["gold"] for l in DOC_LANGS[d]}
        keys = [("group", q["lang"], q["kind"] if answerable else "oor")]
        if q["history"]:
            keys.append(("follow-up",))
        if answerable and q["lang"] not in langs:
            keys.append(("cross-lingual",))
        keys += [("lang", q["lang"]), ("all",)]
        choice = 0
        for k in keys:
            t, r = count[k]
            if t != r:
                choice = 0 if t < r else 1
                break
        for k in keys:
            count[k][choice] += 1
        splits.append(("tune", "report")[choice])
    return splits


def build() -> list[dict]:
    rows = []
    counters: dict[tuple, int] = defaultdict(int)
    splits = assign_splits(QUESTIONS)
    for q, split in zip(QUESTIONS, splits):
        answerable = q["missing"] is None
        tag = q["kind"] if answerable else "oor"
        counters[(q["lang"], tag)] += 1
        qid = f"{q['lang']}-{tag}-{counters[(q['lang'], tag)]:02d}"
        langs = sorted({l for d in q["gold"] for l in DOC_LANGS[d]}, key=["vi", "lo", "en"].index)
        row = {
            "qid": qid,
            "split": split,
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
    print(f"wrote {len(rows)} questions to {out.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
