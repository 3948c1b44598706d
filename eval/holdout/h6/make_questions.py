"""Write ``eval/holdout/h6/questions.jsonl`` (the H6 tune questions).

Same schema as ``eval/holdout/questions.jsonl``. ``answer_langs`` is derived from the languages of
the gold documents; twins are written ``twin:<qid>`` in the notes of both questions. Everything
else is written by hand below. Check with ``check_h6.py``.

    /work/main/.venv/bin/python eval/holdout/h6/make_questions.py
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

SL = "h6-2024-04-18-vi-thoa-thuan-son-la-xay-nha-bu-ly"      # vi PDF, agreement 2024-2026
XR = "h6-2025-01-15-lo-report-xaignabouli-son-la"            # lo TXT, Lao digits
ED = "h6-2025-06-12-vi-tin-giao-dich-dien-tu-son-la"         # vi HTML, "Hôm nay (12/6)"
ST = "h6-2025-10-20-en-report-statistics-working-group"      # en DOCX, table
LT = "h6-2025-03-06-en-news-law-translation"                 # en MD
PA = "h6-2025-05-22-lo-minutes-pension-adjustment"           # lo PDF
SC = "h6-2026-01-09-vi-tin-hoc-bong-can-bo-lao"              # vi MD

Q: list[dict] = []
TWINS: list[tuple[str, str]] = []


def q(qid, question, kind, expected, gold, note="", history=None, twin=None):
    Q.append({"qid": "h6-" + qid, "split": "tune", "lang": qid.split("-")[0], "question": question,
              "history": history or [], "kind": kind, "answerable": True, "expected": expected,
              "gold_doc_ids": gold, "answer_langs": None, "note": note})
    if twin:
        TWINS.append(("h6-" + qid, "h6-" + twin))


def oor(qid, question, kind, cls, value, note="", history=None):
    Q.append({"qid": "h6-" + qid, "split": "tune", "lang": qid.split("-")[0], "question": question,
              "history": history or [], "kind": kind, "answerable": False, "expected": [],
              "gold_doc_ids": [], "answer_langs": [], "missing": {"type": cls, "value": value},
              "note": ("oor:" + cls + ("; " + note if note else ""))})


def h(question, answer):
    return [{"question": question, "answer": answer}]


D_SIGN = ["18/4/2024", "18/04/2024", "ngày 18 tháng 4 năm 2024", "18 tháng 4 năm 2024", "18 April 2024",
          "18 ເດືອນ ເມສາ 2024", "18 ເມສາ 2024"]
D_HANDOVER_LAW = ["5 March 2025", "5/3/2025", "05/3/2025", "ngày 5 tháng 3 năm 2025", "5 ມີນາ 2025"]
D_LAPTOPS = ["28 ຕຸລາ 2024", "28/10/2024", "ngày 28 tháng 10 năm 2024", "28 October 2024"]
D_SEMINAR_LAW = ["10/12/2025", "ngày 10 tháng 12 năm 2025", "10 December 2025", "10 ທັນວາ 2025"]
D_REVIEW1 = ["20/11/2025", "ngày 20 tháng 11 năm 2025", "20 November 2025", "20 ພະຈິກ 2025"]
D_WG = ["3 April 2024", "3/4/2024", "ngày 3 tháng 4 năm 2024", "3 ເມສາ 2024"]
D_PA_MEET = ["21 ພຶດສະພາ 2025", "21/5/2025", "ngày 21 tháng 5 năm 2025", "21 May 2025"]
Q4_2025_LO = ["ໄຕມາດທີ 4 ປີ 2025", "ໄຕມາດທີ 4/2025", "quý IV/2025", "the fourth quarter of 2025", "Q4 2025"]
SON_LA_CITY = ["thành phố Sơn La", "TP Sơn La", "ນະຄອນເຊີນລາ", "Sơn La city", "Son La city"]
XNBL = ["Xay-nha-bu-ly", "Xaignabouli", "Sainyabuli", "Xayaboury", "ໄຊຍະບູລີ"]

# ================================================================================= vi answerable
q("vi-date-01", "Thỏa thuận hợp tác giữa BHXH tỉnh Sơn La và Sở Lao động và Phúc lợi xã hội tỉnh Xay-nha-bu-ly được ký ngày nào?", "date",
  [D_SIGN], [SL, XR], "the Lao report writes ວັນທີ ໑໘ ເດືອນ ເມສາ ໒໐໒໔", twin="vi-oor-02")
q("vi-date-02", "BHXH Việt Nam bàn giao bản dịch tiếng Lào Luật Bảo hiểm xã hội số 41/2024/QH15 cho phía Lào vào ngày nào?", "date",
  [D_HANDOVER_LAW], [LT], "cross-lingual: the day is only in the English news (the vi news of 2026 says only tháng 3/2025)", twin="vi-oor-01")
q("vi-date-03", "Bàn giao vào ngày nào?", "date", [D_LAPTOPS], [XR],
  "follow-up; cross-lingual: the hand-over date is only in the Lao report (໒໘ ຕຸລາ ໒໐໒໔)",
  h("BHXH tỉnh Sơn La cam kết trao tặng tỉnh Xay-nha-bu-ly những gì?",
    "12 máy tính xách tay, trước ngày 31/10/2024 (Thỏa thuận hợp tác giai đoạn 2024-2026, Điều 2 điểm b). [1]"))
q("vi-date-04", "Hoi thao gioi thieu diem moi cua Luat BHXH nam 2024 tai Vieng Chan duoc to chuc ngay nao?", "date",
  [D_SEMINAR_LAW], [SC], "no tone marks")
q("vi-date-05", "Hội nghị sơ kết năm thứ nhất Thỏa thuận hợp tác giữa BHXH tỉnh Sơn La và tỉnh Xay-nha-bu-ly đã được tổ chức ngày nào?", "date",
  [D_REVIEW1], [SC])
q("vi-date-06", "Hội nghị tổng kết Thỏa thuận hợp tác giữa BHXH tỉnh Sơn La và tỉnh Xay-nha-bu-ly sẽ tổ chức trong quý nào?", "date",
  [["quý IV/2026", "quý 4/2026", "quý IV năm 2026"]], [SL, ED], twin="vi-oor-07")
q("vi-date-07", "Còn hội thảo về điều chỉnh lương hưu thì dự kiến tổ chức khi nào?", "date",
  [Q4_2025_LO], [PA], "follow-up; cross-lingual: Lao-only minutes (postponed from ໄຕມາດທີ 2 ປີ 2025)",
  h("Hội thảo giới thiệu điểm mới của Luật BHXH năm 2024 được tổ chức ở đâu?",
    "Tại Viêng Chăn, ngày 10/12/2025, với 80 đại biểu. [1]"), twin="vi-oor-15")
q("vi-date-08", "Thỏa thuận hợp tác giữa BHXH tỉnh Sơn La và tỉnh Xay-nha-bu-ly có hiệu lực đến ngày nào?", "date",
  [["31/12/2026", "ngày 31 tháng 12 năm 2026", "31 December 2026"]], [SL])

q("vi-place-01", "Hoi nghi so ket nam thu nhat Thoa thuan Son La - Xay-nha-bu-ly to chuc o dau?", "place",
  [XNBL], [ED, SC], "no tone marks", twin="vi-oor-14")
q("vi-place-02", "Thỏa thuận hợp tác giữa BHXH tỉnh Sơn La và tỉnh Xay-nha-bu-ly được ký ở đâu?", "place",
  [SON_LA_CITY], [SL, XR])
q("vi-place-03", "Cán bộ LSSO nhận học bổng thạc sĩ của BHXH Việt Nam đang học ở trường nào?", "place",
  [["Trường Đại học Kinh tế Quốc dân", "Đại học Kinh tế Quốc dân", "National Economics University"]], [SC])

q("vi-count-01", "Trong 6 tháng đầu năm 2025, BHXH tỉnh Sơn La đã tiếp nhận bao nhiêu hồ sơ qua giao dịch điện tử?", "count",
  [["186.400", "186400", "186,400"]], [ED], twin="vi-oor-04")
q("vi-count-02", "BHXH tỉnh Sơn La trao tặng tỉnh Xay-nha-bu-ly bao nhiêu máy tính xách tay?", "count",
  [["12"]], [SL, XR, ED], twin="vi-oor-13")
q("vi-count-03", "LSSO đã chi bao nhiêu tiền để in bản dịch tiếng Lào Luật Bảo hiểm xã hội?", "count",
  [["LAK 45 million", "45 triệu kíp", "45 million", "45 ລ້ານກີບ"]], [LT], "cross-lingual: English-only", twin="vi-oor-03")
q("vi-count-04", "BHXH Việt Nam dành bao nhiêu suất học bổng thạc sĩ cho cán bộ LSSO của Lào?", "count",
  [["5"]], [LT, SC], twin="vi-oor-10")
q("vi-count-05", "Nam 2024, tinh Xay-nha-bu-ly da chi tro cap thai san cho bao nhieu nguoi?", "count",
  [["187"]], [XR], "no tone marks; cross-lingual: Lao-only (໑໘໗ ຄົນ)")
q("vi-count-06", "Thỏa thuận hợp tác giữa BHXH tỉnh Sơn La và tỉnh Xay-nha-bu-ly giai đoạn 2024-2026 có bao nhiêu điều?", "count",
  [["7 điều", "7", "bảy điều"]], [SL], twin="vi-oor-12")
q("vi-count-07", "Bên Việt Nam bố trí bao nhiêu kinh phí cho Thỏa thuận hợp tác Sơn La – Xay-nha-bu-ly?", "count",
  [["420 triệu đồng", "420 triệu"]], [SL])

q("vi-period-01", "Thỏa thuận hợp tác giữa BHXH tỉnh Sơn La và Sở Lao động và Phúc lợi xã hội tỉnh Xay-nha-bu-ly áp dụng cho giai đoạn nào?", "period",
  [["2024-2026", "2024 – 2026", "2024–2026"]], [SL, XR, ED])
q("vi-period-02", "Khóa học thạc sĩ của cán bộ LSSO theo học bổng BHXH Việt Nam kéo dài bao lâu?", "period",
  [["24 tháng", "24 months", "hai năm", "2 năm"]], [SC])
q("vi-period-03", "Lớp tập huấn về chế độ ốm đau, thai sản cho 14 cán bộ tỉnh Xay-nha-bu-ly diễn ra từ ngày nào đến ngày nào?", "period",
  [["9-13/9/2024", "9 ຫາ 13 ກັນຍາ 2024", "9 đến 13/9/2024", "từ ngày 9 đến ngày 13 tháng 9 năm 2024", "9-13 September 2024"]], [XR],
  "cross-lingual: the dates are only in the Lao report (ແຕ່ວັນທີ ໙ ຫາ ໑໓ ກັນຍາ ໒໐໒໔); the vi news says only tháng 9/2024")

q("vi-list-01", "Theo kế hoạch thống nhất ngày 12/6/2025, BHXH tỉnh Sơn La và tỉnh Xay-nha-bu-ly sẽ làm những việc gì?", "list",
  [["2 chuyên gia", "chuyên gia công nghệ thông tin"], ["thí điểm", "quý I/2026"], ["tổng kết", "quý IV/2026"]], [ED])
q("vi-list-02", "Thỏa thuận hợp tác Sơn La – Xay-nha-bu-ly gồm những nội dung hợp tác nào?", "list",
  [["tập huấn", "14 cán bộ"], ["12 máy tính xách tay", "máy tính xách tay"], ["giao dịch điện tử", "sổ bảo hiểm xã hội điện tử"], ["giao lưu văn hóa", "Bun-pi-mạy"]], [SL])
q("vi-list-03", "Để hỗ trợ Lào sửa đổi Luật An sinh xã hội, LSSO và BHXH Việt Nam thống nhất những hoạt động nào?", "list",
  [["seminar", "hội thảo"], ["scholarships", "học bổng"], ["question-and-answer", "hỏi đáp"]], [LT, SC])

q("vi-actor-01", "Ai chủ trì buổi làm việc về giao dịch điện tử với đoàn tỉnh Xay-nha-bu-ly tại thành phố Sơn La ngày 12/6/2025?", "actor",
  [["Cầm Văn Đoàn"]], [ED], twin="vi-oor-08")
q("vi-actor-02", "Ai ky Thoa thuan hop tac thay mat So Lao dong va Phuc loi xa hoi tinh Xay-nha-bu-ly?", "actor",
  [["Khăm-phăn Sụt-thi-vông", "Kham-phan Sut-thi-vong"]], [SL], "no tone marks")
q("vi-actor-03", "Phía Lào, ai là người nhận bản dịch tiếng Lào Luật Bảo hiểm xã hội?", "actor",
  [["Vilayvanh Sisomphone"]], [LT], "cross-lingual: English-only")

q("vi-yesno-01", "Phía Việt Nam có bàn giao máy tính xách tay cho tỉnh Xay-nha-bu-ly đúng hạn không?", "yesno",
  [["có", "đúng hạn", "ທັນຕາມກຳນົດ"], D_LAPTOPS], [XR], "cross-lingual: Lao-only (deadline 31/10/2024 in the vi agreement)")
q("vi-yesno-02", "Buổi hỏi đáp trực tuyến cho cán bộ pháp chế của LSSO đã được tổ chức chưa?", "yesno",
  [["chưa", "chưa tổ chức được"]], [SC])

q("vi-status-01", "Hoạt động giao lưu văn hóa nhân dịp Tết Bun-pi-mạy tháng 4/2025 giữa hai tỉnh hiện ra sao?", "status",
  [["không được tổ chức", "bị hủy", "đã hủy", "ຍົກເລີກ"]], [ED, XR])
q("vi-status-02", "Niên giám thống kê chung đầu tiên của LSSO và BHXH Việt Nam hiện ở tình trạng nào?", "status",
  [["postponed", "lùi", "hoãn"], ["the first quarter of 2026", "Q1 2026", "quý I/2026"]], [ST], "cross-lingual: English-only")

q("vi-event-01", "Ngày 21/5/2025, LSSO và BHXH Việt Nam họp trực tuyến về vấn đề gì?", "event",
  [["ການປັບເງິນບຳນານ", "điều chỉnh lương hưu", "pension adjustment"]], [PA], "cross-lingual: Lao-only")
q("vi-event-02", "Ngày 3/4/2024, LSSO và BHXH Việt Nam đã thành lập gì?", "event",
  [["joint working group on social security statistics", "working group", "tổ công tác", "nhóm công tác"]], [ST], "cross-lingual: English-only")

# ================================================================================= vi out of record
oor("vi-oor-01", "BHXH Việt Nam bàn giao bản dịch tiếng Khmer Luật Bảo hiểm xã hội số 41/2024/QH15 cho phía Campuchia vào ngày nào?", "date",
    "country", "Cambodia (Khmer translation)")
oor("vi-oor-02", "Thỏa thuận hợp tác giữa BHXH tỉnh Điện Biên và Sở Lao động và Phúc lợi xã hội tỉnh Xay-nha-bu-ly được ký ngày nào?", "date",
    "province", "Điện Biên Social Security")
oor("vi-oor-03", "BHXH Việt Nam đã chi bao nhiêu tiền để in bản dịch tiếng Lào Luật Bảo hiểm xã hội?", "count",
    "side", "VSS share of the printing cost", "only LSSO's amount (LAK 45 million) is given")
oor("vi-oor-04", "Trong 6 tháng đầu năm 2024, BHXH tỉnh Sơn La đã tiếp nhận bao nhiêu hồ sơ qua giao dịch điện tử?", "count",
    "period", "e-transaction files in H1 2024", "the record gives H1 2025 only")
oor("vi-oor-05", "Chuyến công tác của 2 chuyên gia công nghệ thông tin BHXH tỉnh Sơn La sang tỉnh Xay-nha-bu-ly có kinh phí bao nhiêu?", "count",
    "figure", "cost of the IT experts' mission")
oor("vi-oor-06", "Hai chuyên gia công nghệ thông tin của BHXH tỉnh Sơn La đã sang tỉnh Xay-nha-bu-ly vào ngày nào?", "date",
    "event", "IT experts' mission held", "planned for quý IV/2025, never reported")
oor("vi-oor-07", "Hội nghị tổng kết Thỏa thuận hợp tác giữa BHXH tỉnh Sơn La và tỉnh Xay-nha-bu-ly sẽ tổ chức vào ngày nào?", "date",
    "granularity", "day of the final review", "only quý IV/2026 is given")
oor("vi-oor-08", "Ai chủ trì hội nghị sơ kết năm thứ nhất Thỏa thuận hợp tác Sơn La – Xay-nha-bu-ly ngày 20/11/2025?", "actor",
    "person", "chair of the first-year review")
oor("vi-oor-09", "Tinh Xay-nha-bu-ly da bat dau thi diem tiep nhan ho so om dau, thai san qua giao dich dien tu chua?", "yesno",
    "yesno", "start of the Xaignabouli e-filing pilot", "no tone marks; planned from quý I/2026, no later report")
oor("vi-oor-10", "BHXH Việt Nam dành bao nhiêu suất học bổng thạc sĩ cho cán bộ bảo hiểm xã hội của Mi-an-ma?", "count",
    "country", "Myanmar scholarships")
oor("vi-oor-11", "Cán bộ LSSO nhận học bổng thạc sĩ của BHXH Việt Nam học tại Học viện Tài chính từ khi nào?", "date",
    "organization", "Academy of Finance", "the record names the National Economics University")
oor("vi-oor-12", "Thỏa thuận hợp tác giữa BHXH tỉnh Sơn La và tỉnh Xay-nha-bu-ly giai đoạn 2021-2023 có bao nhiêu điều?", "count",
    "period", "2021-2023 Sơn La agreement")
oor("vi-oor-13", "Mỗi máy tính xách tay BHXH tỉnh Sơn La trao tặng tỉnh Xay-nha-bu-ly trị giá bao nhiêu?", "count",
    "figure", "value of a laptop")
oor("vi-oor-14", "Hoi nghi so ket nam thu hai Thoa thuan Son La - Xay-nha-bu-ly to chuc o dau?", "place",
    "event", "second-year review", "no tone marks")
oor("vi-oor-15", "Còn hội thảo về điều chỉnh lương hưu thì tổ chức ngày nào?", "date",
    "event", "pension adjustment seminar held", "follow-up; only planned (ໄຕມາດທີ 4 ປີ 2025), never reported held",
    h("Hội thảo giới thiệu điểm mới của Luật BHXH năm 2024 được tổ chức ở đâu?",
      "Tại Viêng Chăn, ngày 10/12/2025, với 80 đại biểu. [1]"))

# ================================================================================= lo answerable
q("lo-date-01", "ອປສ ແລະ ປະກັນສັງຄົມຫວຽດນາມ ຈັດກອງປະຊຸມທາງວິດີໂອ ຄັ້ງທີ 2 ກ່ຽວກັບ ການປັບເງິນບຳນານ ໃນວັນທີເທົ່າໃດ?", "date",
  [D_PA_MEET], [PA], twin="lo-oor-01")
q("lo-date-02", "ສສຫວ ມອບ ສະບັບແປ ກົດໝາຍວ່າດ້ວຍປະກັນສັງຄົມ ຂອງຫວຽດນາມ ເປັນພາສາລາວ ໃນວັນທີເທົ່າໃດ?", "date",
  [D_HANDOVER_LAW], [LT], "cross-lingual: English-only", twin="lo-oor-10")
q("lo-date-03", "ສຳມະນາ ກ່ຽວກັບ ການປັບເງິນບຳນານ ຢູ່ນະຄອນຫຼວງວຽງຈັນ ຖືກເລື່ອນໄປເປັນເວລາໃດ?", "date",
  [Q4_2025_LO], [PA], twin="lo-oor-06")
q("lo-date-04", "ຊ່ຽວຊານ ສສຫວ 2 ທ່ານ ຈະໄປນະຄອນຫຼວງວຽງຈັນ ໃນໄລຍະໃດ?", "date",
  [["ໄຕມາດທີ 3 ປີ 2025", "ໄຕມາດທີ 3/2025", "quý III/2025", "Q3 2025"]], [PA], twin="lo-oor-15")
q("lo-date-05", "ກຸ່ມເຮັດວຽກຮ່ວມ ດ້ານສະຖິຕິປະກັນສັງຄົມ ລະຫວ່າງ ອປສ ແລະ ສສຫວ ຖືກສ້າງຕັ້ງຂຶ້ນ ໃນວັນທີເທົ່າໃດ?", "date",
  [D_WG], [ST], "cross-lingual: English-only")
q("lo-date-06", "ຂໍ້ຕົກລົງຮ່ວມມື ລະຫວ່າງ ປະກັນສັງຄົມແຂວງເຊີນລາ ແລະ ແຂວງໄຊຍະບູລີ ມີຜົນສັກສິດ ຮອດວັນທີເທົ່າໃດ?", "date",
  [["31/12/2026", "31 ທັນວາ 2026", "ngày 31 tháng 12 năm 2026"]], [SL], "cross-lingual: only the vi agreement gives it")

q("lo-place-01", "ຂໍ້ຕົກລົງຮ່ວມມື ລະຫວ່າງ ປະກັນສັງຄົມແຂວງເຊີນລາ ແລະ ແຂວງໄຊຍະບູລີ ໄລຍະປີ 2024-2026 ໄດ້ລົງນາມ ຢູ່ໃສ?", "place",
  [SON_LA_CITY], [SL, XR], twin="lo-oor-02")
q("lo-place-02", "ພະນັກງານ ແຂວງໄຊຍະບູລີ 14 ຄົນ ໄດ້ຮັບການຝຶກອົບຮົມ ກ່ຽວກັບ ເງິນອຸດໜູນ ເວລາເຈັບເປັນ ແລະ ເກີດລູກ ຢູ່ໃສ?", "place",
  [SON_LA_CITY], [XR, SL])
q("lo-place-03", "ແລ້ວ ຈັດຢູ່ໃສ ເດ?", "place",
  [["Viêng Chăn", "ນະຄອນຫຼວງວຽງຈັນ", "ວຽງຈັນ", "Vientiane"]], [SC], "follow-up; cross-lingual: the seminar is reported held only in the vi news",
  h("ສຳມະນາ ກ່ຽວກັບ ຈຸດໃໝ່ ຂອງກົດໝາຍວ່າດ້ວຍປະກັນສັງຄົມ ຂອງຫວຽດນາມ ປີ 2024 ໄດ້ຈັດຂຶ້ນ ໃນວັນທີເທົ່າໃດ?",
    "ວັນທີ 10 ທັນວາ 2025, ມີຜູ້ແທນ 80 ທ່ານ. [1]"))

q("lo-count-01", "ໃນປີ 2024, ຫ້ອງການປະກັນສັງຄົມແຂວງໄຊຍະບູລີ ໄດ້ຈ່າຍເງິນອຸດໜູນ ເວລາເກີດລູກ ໃຫ້ຈັກຄົນ?", "count",
  [["187", "໑໘໗"]], [XR], twin="lo-oor-04")
q("lo-count-02", "ມີຜູ້ເຂົ້າຮ່ວມ ກອງປະຊຸມທາງວິດີໂອ ຄັ້ງທີ 2 ກ່ຽວກັບ ການປັບເງິນບຳນານ ຈັກຄົນ?", "count",
  [["27"]], [PA], twin="lo-oor-05")
q("lo-count-03", "ອປສ ຈະຮັບຜິດຊອບ ຄ່າໃຊ້ຈ່າຍ ຂອງສຳມະນາ ກ່ຽວກັບການປັບເງິນບຳນານ ຈຳນວນເທົ່າໃດ?", "count",
  [["90 ລ້ານກີບ", "90 ລ້ານ", "LAK 90 million"]], [PA], twin="lo-oor-03")
q("lo-count-04", "ເຄື່ອງມືລາຍງານ ຂອງ ສສຫວ ຈະຖືກຕິດຕັ້ງ ໃນຈັກແຂວງ?", "count",
  [["3", "ສາມ"]], [ST], "cross-lingual: English-only (3 pilot provinces, Q2 2026)", twin="lo-oor-07")
q("lo-count-05", "ອປສ ໄດ້ຮັບທຶນການສຶກສາ ປະລິນຍາໂທ ຈາກ ສສຫວ ຈັກທຶນ?", "count",
  [["5", "ຫ້າ"]], [LT, SC], "cross-lingual: en and vi documents", twin="lo-oor-11")
q("lo-count-06", "ແລ້ວ ເງິນອຸດໜູນ ເວລາເຈັບເປັນ ເດ?", "count",
  [["412", "໔໑໒"]], [XR], "follow-up",
  h("ໃນປີ 2024, ແຂວງໄຊຍະບູລີ ຈ່າຍເງິນອຸດໜູນ ເວລາເກີດລູກ ໃຫ້ຈັກຄົນ?", "໑໘໗ ຄົນ. [1]"), twin="lo-oor-14")
q("lo-count-07", "ຝ່າຍລາວ ໄດ້ໃຊ້ງົບປະມານ ຈັກລ້ານກີບ ສຳລັບຄ່າເດີນທາງ ຂອງພະນັກງານ ໄປຝຶກອົບຮົມ ຢູ່ນະຄອນເຊີນລາ?", "count",
  [["85 ລ້ານກີບ", "໘໕ ລ້ານກີບ", "85"]], [XR])

q("lo-period-01", "ຂໍ້ຕົກລົງຮ່ວມມື ລະຫວ່າງ ປະກັນສັງຄົມແຂວງເຊີນລາ ແລະ ພະແນກແຮງງານ ແຂວງໄຊຍະບູລີ ແມ່ນໄລຍະປີໃດ?", "period",
  [["2024-2026", "໒໐໒໔-໒໐໒໖", "2024 – 2026"]], [SL, XR, ED])
q("lo-period-02", "ການຝຶກອົບຮົມ ພະນັກງານ ແຂວງໄຊຍະບູລີ ຢູ່ນະຄອນເຊີນລາ ຈັດຂຶ້ນ ແຕ່ວັນທີໃດ ຫາ ວັນທີໃດ?", "period",
  [["9 ຫາ 13 ກັນຍາ 2024", "໙ ຫາ ໑໓ ກັນຍາ ໒໐໒໔", "9-13/9/2024"]], [XR])
q("lo-period-03", "ການແປ ກົດໝາຍວ່າດ້ວຍປະກັນສັງຄົມ ເປັນພາສາລາວ ໃຊ້ເວລາຈັກເດືອນ?", "period",
  [["8 months", "8 ເດືອນ"]], [LT], "cross-lingual: English-only")

q("lo-list-01", "ກອງປະຊຸມ ວັນທີ 21 ພຶດສະພາ 2025 ໄດ້ຕົກລົງ ຫຍັງແດ່?", "list",
  [["ຊ່ຽວຊານ 2 ທ່ານ", "ຊ່ຽວຊານ"], ["ຮ່າງດຳລັດ"], ["ສຳມະນາ"], ["ແລກປ່ຽນ ຂໍ້ມູນ", "ທຸກໆ 6 ເດືອນ"]], [PA])
q("lo-list-02", "ໃນປີ 2026, ສສຫວ ວາງແຜນ ເຮັດຫຍັງແດ່ ກ່ຽວກັບ ທຶນການສຶກສາ ແລະ ການຮ່ວມມື ກັບ ອປສ?", "list",
  [["5 cán bộ", "5 ທ່ານ", "tháng 9/2026"], ["lớp tiếng Việt", "tháng 6/2026"], ["từ điển", "ວັດຈະນານຸກົມ"]], [SC], "cross-lingual: vi-only")

q("lo-actor-01", "ໃຜເປັນປະທານ ກອງປະຊຸມທາງວິດີໂອ ວັນທີ 21 ພຶດສະພາ 2025 ຝ່າຍ ອປສ?", "actor",
  [["ສົມສັກ ວົງພະຈັນ"]], [PA])
q("lo-actor-02", "ໃຜເປັນປະທານ ກຸ່ມເຮັດວຽກຮ່ວມ ດ້ານສະຖິຕິປະກັນສັງຄົມ?", "actor",
  [["Phonsavanh Inthavong", "ພອນສະຫວັນ ອິນທະວົງ"]], [ST], "cross-lingual: English-only")
q("lo-actor-03", "ໃຜເປັນຫົວໜ້າຄະນະ ແຂວງໄຊຍະບູລີ ທີ່ໄປເຮັດວຽກ ຢູ່ນະຄອນເຊີນລາ ໃນເດືອນ ມິຖຸນາ 2025?", "actor",
  [["Bua-khăm Kẹo-ma-ni", "ບົວຄຳ ແກ້ວມະນີ"]], [ED], "cross-lingual: vi-only (she signs the Lao report, but the visit is only in the vi news)")

q("lo-yesno-01", "ຝ່າຍຫວຽດນາມ ມອບຄອມພິວເຕີໂນດບຸກ ໃຫ້ແຂວງໄຊຍະບູລີ ທັນຕາມກຳນົດ ບໍ?", "yesno",
  [["ແມ່ນ", "ທັນ", "ທັນຕາມກຳນົດ"], D_LAPTOPS], [XR])
q("lo-yesno-02", "ການແລກປ່ຽນປະສົບການ ກ່ຽວກັບ ທຸລະກຳເອເລັກໂຕຣນິກ ທີ່ຄາດວ່າຈະຈັດ ໃນໄຕມາດທີ 2 ປີ 2025 ໄດ້ຈັດຂຶ້ນ ແທ້ບໍ?", "yesno",
  [["ແມ່ນ", "có"], ["12/6", "12 ມິຖຸນາ 2025", "ngày 12/6/2025"]], [ED], "cross-lingual: held 'Hôm nay (12/6)' in the vi news dated 2025-06-12")

q("lo-status-01", "ງານແລກປ່ຽນວັດທະນະທຳ ເນື່ອງໃນບຸນປີໃໝ່ລາວ ເດືອນ ເມສາ 2025 ເປັນແນວໃດ?", "status",
  [["ຍົກເລີກ", "ຖືກຍົກເລີກ", "không được tổ chức"]], [XR, ED])
q("lo-status-02", "ການຢ້ຽມຢາມ ຂອງຄະນະ ອປສ ໄປຮ່າໂນ້ຍ ໃນເດືອນ ມິຖຸນາ 2025 ເປັນແນວໃດ?", "status",
  [["ຍົກເລີກ", "ຖືກຍົກເລີກ"]], [PA])
q("lo-status-03", "ແຜນການ ຊື້ຊອບແວສະຖິຕິ ແຍກຕ່າງຫາກ ເປັນແນວໃດ?", "status",
  [["cancelled", "ຍົກເລີກ"]], [ST], "cross-lingual: English-only")

q("lo-event-01", "ວັນທີ 5 ມີນາ 2025, ສສຫວ ໄດ້ມອບຫຍັງ ໃຫ້ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ?", "event",
  [["Lao translation", "ສະບັບແປ", "Law on Social Insurance", "ກົດໝາຍວ່າດ້ວຍປະກັນສັງຄົມ"]], [LT], "cross-lingual: English-only")
q("lo-event-02", "ວັນທີ 20 ພະຈິກ 2025 ມີກອງປະຊຸມຫຍັງ ຢູ່ແຂວງໄຊຍະບູລີ?", "event",
  [["sơ kết năm thứ nhất", "ກອງປະຊຸມສະຫຼຸບ ປີທຳອິດ", "first-year review"]], [SC], "cross-lingual: vi-only")

# ================================================================================= lo out of record
oor("lo-oor-01", "ອປສ ແລະ ປະກັນສັງຄົມກຳປູເຈຍ ຈັດກອງປະຊຸມທາງວິດີໂອ ຄັ້ງທີ 2 ກ່ຽວກັບ ການປັບເງິນບຳນານ ໃນວັນທີເທົ່າໃດ?", "date",
    "country", "Cambodia")
oor("lo-oor-02", "ຂໍ້ຕົກລົງຮ່ວມມື ລະຫວ່າງ ປະກັນສັງຄົມແຂວງລາຍເຈົາ ແລະ ແຂວງໄຊຍະບູລີ ໄລຍະປີ 2024-2026 ໄດ້ລົງນາມ ຢູ່ໃສ?", "place",
    "province", "Lai Châu Social Security")
oor("lo-oor-03", "ສສຫວ ຈະຮັບຜິດຊອບ ຄ່າໃຊ້ຈ່າຍ ຂອງສຳມະນາ ກ່ຽວກັບການປັບເງິນບຳນານ ຈຳນວນເທົ່າໃດ?", "count",
    "side", "VSS share of the seminar cost", "only LSSO's 90 ລ້ານກີບ is given")
oor("lo-oor-04", "ໃນປີ 2023, ຫ້ອງການປະກັນສັງຄົມແຂວງໄຊຍະບູລີ ໄດ້ຈ່າຍເງິນອຸດໜູນ ເວລາເກີດລູກ ໃຫ້ຈັກຄົນ?", "count",
    "period", "maternity recipients in 2023")
oor("lo-oor-05", "ມີຜູ້ເຂົ້າຮ່ວມ ກອງປະຊຸມທາງວິດີໂອ ຄັ້ງທີ 1 ກ່ຽວກັບ ການປັບເງິນບຳນານ ຈັກຄົນ?", "count",
    "figure", "participants of the first video meeting")
oor("lo-oor-06", "ສຳມະນາ ກ່ຽວກັບ ການປັບເງິນບຳນານ ຢູ່ນະຄອນຫຼວງວຽງຈັນ ໄດ້ຈັດຂຶ້ນ ໃນວັນທີເທົ່າໃດ?", "date",
    "event", "pension adjustment seminar held", "postponed to ໄຕມາດທີ 4 ປີ 2025, never reported held")
oor("lo-oor-07", "ເຄື່ອງມືລາຍງານ ຂອງ ສສຫວ ຈະຖືກຕິດຕັ້ງ ຢູ່ແຂວງໃດແດ່?", "list",
    "granularity", "names of the 3 pilot provinces")
oor("lo-oor-08", "ໃຜເປັນຫົວໜ້າ ຊ່ຽວຊານ ສສຫວ 2 ທ່ານ ທີ່ຈະໄປນະຄອນຫຼວງວຽງຈັນ ໃນໄຕມາດທີ 3 ປີ 2025?", "actor",
    "person", "leader of the two VSS experts")
oor("lo-oor-09", "ອປສ ໄດ້ສົ່ງ ຮ່າງດຳລັດ ວ່າດ້ວຍການປັບເງິນບຳນານ ໃຫ້ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ ແລ້ວບໍ?", "yesno",
    "yesno", "draft decree sent", "planned by end 2025, no later report")
oor("lo-oor-10", "ສສຫວ ມອບ ສະບັບແປ ກົດໝາຍວ່າດ້ວຍປະກັນສັງຄົມ ຂອງຫວຽດນາມ ເປັນພາສາມຽນມາ ໃນວັນທີເທົ່າໃດ?", "date",
    "country", "Myanmar translation")
oor("lo-oor-11", "ມະຫາວິທະຍາໄລແຫ່ງຊາດລາວ ໄດ້ຮັບທຶນການສຶກສາ ປະລິນຍາໂທ ຈາກ ສສຫວ ຈັກທຶນ?", "count",
    "organization", "National University of Laos")
oor("lo-oor-12", "ເງິນບຳນານ ຂອງລາວ ຈະຖືກປັບຂຶ້ນ ຈັກເປີເຊັນ?", "count",
    "figure", "pension adjustment rate")
oor("lo-oor-13", "ຂໍ້ຕົກລົງຮ່ວມມື ລະຫວ່າງ ປະກັນສັງຄົມແຂວງເຊີນລາ ແລະ ແຂວງໄຊຍະບູລີ ໄລຍະປີ 2019-2021 ໄດ້ລົງນາມ ຢູ່ໃສ?", "place",
    "period", "2019-2021 Sơn La agreement")
TWINS.append(("h6-lo-place-01", "h6-lo-oor-13"))
oor("lo-oor-14", "ແລ້ວ ແຂວງເຊີນລາ ເດ?", "count",
    "province", "sickness benefit recipients in Sơn La", "follow-up",
    h("ໃນປີ 2024, ແຂວງໄຊຍະບູລີ ຈ່າຍເງິນອຸດໜູນ ເວລາເຈັບເປັນ ໃຫ້ຈັກຄົນ?", "໔໑໒ ຄົນ. [1]"))
oor("lo-oor-15", "ຊ່ຽວຊານ ສສຫວ 2 ທ່ານ ຈະໄປນະຄອນຫຼວງວຽງຈັນ ໃນວັນທີເທົ່າໃດ?", "date",
    "granularity", "day of the experts' visit", "only ໄຕມາດທີ 3 ປີ 2025 is given")

# ================================================================================= en answerable
q("en-date-01", "When was the joint working group on social security statistics between LSSO and VSS set up?", "date",
  [D_WG], [ST], twin="en-oor-01")
q("en-date-02", "When is the first joint statistical yearbook now planned?", "date",
  [["the first quarter of 2026", "Q1 2026", "first quarter of 2026"]], [ST], twin="en-oor-06")
q("en-date-03", "When was the cooperation agreement between Sơn La Provincial Social Security and Xaignabouli province signed?", "date",
  [D_SIGN], [SL, XR], "cross-lingual: vi agreement and lo report", twin="en-oor-11")
q("en-date-04", "In which quarter will Xaignabouli start the pilot of electronic submission of sickness and maternity files?", "date",
  [["quý I/2026", "the first quarter of 2026", "Q1 2026"]], [ED], "cross-lingual: vi-only", twin="en-oor-07")
q("en-date-05", "On which day was the seminar on the main changes of Vietnam's new Law on Social Insurance held in Vientiane?", "date",
  [D_SEMINAR_LAW], [SC], "cross-lingual: planned in the en news (fourth quarter of 2025), reported held only in the vi news")
q("en-date-06", "When does Vietnam's Law on Social Insurance No. 41/2024/QH15 take effect?", "date",
  [["1 July 2025", "1/7/2025"]], [LT])

q("en-place-01", "And the first one?", "place",
  [["online"]], [ST], "follow-up", h("Where was the second statistics training course held?",
                                      "In Hanoi, on 14-18 October 2024, for 12 LSSO officials. [1]"), twin="en-oor-14")
q("en-place-02", "Where was the second statistics training course for LSSO officials held?", "place",
  [["Hanoi", "Hà Nội"]], [ST])
q("en-place-03", "Where was the first-year review conference of the Sơn La – Xaignabouli agreement held?", "place",
  [XNBL], [SC, ED], "cross-lingual: vi-only")
q("en-place-04", "And where?", "place",
  [["Lao Ministry of Labour and Social Welfare", "Vientiane"]], [LT], "follow-up",
  h("When did VSS hand over the Lao translation of the Law on Social Insurance?", "On 5 March 2025. [1]"))

q("en-count-01", "How many LSSO officials attended the second statistics training course in Hanoi?", "count",
  [["12"]], [ST], twin="en-oor-02")
q("en-count-02", "How many copies of the Lao translation of the Law on Social Insurance were printed?", "count",
  [["1,000", "1000", "1.000"]], [LT], twin="en-oor-05")
q("en-count-03", "How many master's scholarships did VSS offer to LSSO officials?", "count",
  [["5", "five"]], [LT, SC], twin="en-oor-10")
q("en-count-04", "How many files did Sơn La Provincial Social Security receive through electronic transactions in the first six months of 2025?", "count",
  [["186,400", "186.400", "186400"]], [ED], "cross-lingual: vi-only ('6 tháng đầu năm 2025')", twin="en-oor-13")
q("en-count-05", "How many insured persons received sickness benefits from the Xaignabouli social security office in 2024?", "count",
  [["412"]], [XR], "cross-lingual: Lao-only (໔໑໒)")
q("en-count-06", "How many people took part in the second video meeting on pension adjustment?", "count",
  [["27"]], [PA], "cross-lingual: Lao-only")
q("en-count-07", "How much is each scholarship that VSS grants to LSSO officials?", "count",
  [["180 triệu đồng", "180 million", "VND 180 million"]], [SC], "cross-lingual: vi-only (per year)", twin="en-oor-03")

q("en-period-01", "How long did the Lao translation of the Law on Social Insurance take?", "period",
  [["8 months", "eight months"]], [LT])
q("en-period-02", "What period does the Sơn La – Xaignabouli cooperation agreement cover?", "period",
  [["2024-2026", "2024–2026", "2024 – 2026"]], [SL, XR, ED], "cross-lingual: vi and lo documents")
q("en-period-03", "From when to when was the second statistics training course held?", "period",
  [["14-18 October 2024", "14–18 October 2024"]], [ST])

q("en-list-01", "What did the two sides agree to support the drafting of amendments to the Lao Law on Social Security?", "list",
  [["seminar"], ["5 scholarships", "scholarships"], ["question-and-answer", "online question"]], [LT])
q("en-list-02", "What experience did Sơn La Social Security share with the Xaignabouli delegation on 12 June 2025?", "list",
  [["giao dịch điện tử", "electronic transactions"], ["sổ BHXH điện tử", "VssID", "electronic social insurance book"], ["ốm đau, thai sản", "sickness and maternity"]], [ED],
  "cross-lingual: vi-only")

q("en-actor-01", "Who handed over the Lao translation of the Law on Social Insurance?", "actor",
  [["Vũ Thanh Bình", "Vu Thanh Binh"]], [LT])
q("en-actor-02", "Who leads the VSS side of the joint statistics working group?", "actor",
  [["Đỗ Quang Huy", "Do Quang Huy"]], [ST])
q("en-actor-03", "Who signed the Sơn La – Xaignabouli agreement for Sơn La Provincial Social Security?", "actor",
  [["Cầm Văn Đoàn", "Cam Van Doan"]], [SL], "cross-lingual: vi-only")

q("en-yesno-01", "Was the study visit of Lao National Assembly staff to VSS held in April 2025?", "yesno",
  [["no"], ["postponed", "2026"]], [LT], twin="en-oor-09")
q("en-yesno-02", "Were the 12 laptops handed over to Xaignabouli on time?", "yesno",
  [["yes", "on time", "ທັນຕາມກຳນົດ"], D_LAPTOPS], [XR], "cross-lingual: Lao-only")

q("en-status-01", "What is the status of the plan to buy separate statistical software?", "status",
  [["cancelled", "canceled"]], [ST])
q("en-status-02", "What is the status of the online question-and-answer session for LSSO legal staff that was planned by mid-2025?", "status",
  [["not held", "chưa tổ chức được", "not yet held"]], [SC], "cross-lingual: the outcome is only in the vi news")
q("en-status-03", "What happened to the planned visit of the Xaignabouli delegation to Mộc Châu?", "status",
  [["cancelled", "bị hủy"]], [ED], "cross-lingual: vi-only")

q("en-event-01", "What did the joint statistics working group adopt in the third quarter of 2024?", "event",
  [["38 statistical indicators", "set of 38", "38"]], [ST], twin="en-oor-04")
q("en-event-02", "What took place at the Lao Ministry of Labour and Social Welfare on 5 March 2025?", "event",
  [["Lao translation", "hand-over", "handed over"]], [LT])
q("en-event-03", "What did LSSO and VSS discuss at their video meeting of 21 May 2025?", "event",
  [["ການປັບເງິນບຳນານ", "pension adjustment"]], [PA], "cross-lingual: Lao-only")

# ================================================================================= en out of record
oor("en-oor-01", "When was the joint working group on social security statistics between LSSO and Thailand's Social Security Office set up?", "date",
    "country", "Thailand")
oor("en-oor-02", "How many officials of the Bank of the Lao PDR attended the second statistics training course in Hanoi?", "count",
    "organization", "Bank of the Lao PDR at the statistics course", "the record's 12 are LSSO officials")
oor("en-oor-03", "How much is each scholarship that LSSO grants to VSS officials?", "count",
    "side", "LSSO scholarships for VSS officials", "reversed direction: only VSS grants scholarships")
oor("en-oor-04", "What did the joint statistics working group adopt in the third quarter of 2023?", "event",
    "period", "working group in 2023", "the group was set up on 3 April 2024")
oor("en-oor-05", "How many pages does the Lao translation of the Law on Social Insurance have?", "count",
    "figure", "pages of the translation")
oor("en-oor-06", "When was the first joint statistical yearbook published?", "date",
    "event", "statistical yearbook published", "postponed to the first quarter of 2026, never reported published")
oor("en-oor-07", "On which day will Xaignabouli start the pilot of electronic submission of sickness and maternity files?", "date",
    "granularity", "day of the pilot start", "only quý I/2026 is given")
oor("en-oor-08", "Who were the 3 translators of the VSS International Cooperation Department who made the Lao translation?", "actor",
    "person", "names of the translators")
oor("en-oor-09", "Was the study visit of Lao National Assembly staff to VSS held in 2026?", "yesno",
    "yesno", "National Assembly study visit held", "postponed to 2026; no later report")
oor("en-oor-10", "How many master's scholarships did VSS offer to officials of Cambodia's National Social Security Fund?", "count",
    "country", "Cambodia scholarships")
oor("en-oor-11", "When was the cooperation agreement between Lai Châu Provincial Social Security and Xaignabouli province signed?", "date",
    "province", "Lai Châu Social Security")
oor("en-oor-12", "How much did Sơn La Provincial Social Security spend on the visit of the 10-member Xaignabouli delegation in June 2025?", "count",
    "figure", "cost of the June 2025 visit")
oor("en-oor-13", "How many files did Sơn La Provincial Social Security receive through electronic transactions in the second half of 2025?", "count",
    "period", "e-transaction files in H2 2025")
oor("en-oor-14", "And the third one?", "place",
    "event", "third statistics training course", "follow-up",
    h("Where was the second statistics training course held?", "In Hanoi, on 14-18 October 2024, for 12 LSSO officials. [1]"))
oor("en-oor-15", "When was the VSS reporting tool installed in the 3 pilot provinces?", "date",
    "event", "reporting tool installed", "planned for Q2 2026")


def lang_of(doc_id: str) -> str:
    m = re.search(r"-(vi|lo|en)(?:-|$)", doc_id)
    return m.group(1)


def main() -> None:
    order = {"vi": 0, "lo": 1, "en": 2}
    by = {x["qid"]: x for x in Q}
    for a, b in TWINS:
        for x, other in ((by[a], b), (by[b], a)):
            tag = "twin:" + other
            if tag not in x["note"]:
                x["note"] = (x["note"] + "; " if x["note"] else "") + tag
    for x in Q:
        if x["answerable"]:
            x["answer_langs"] = sorted({lang_of(d) for d in x["gold_doc_ids"]}, key=order.get)
        if not x["note"]:
            del x["note"]
    lines = [unicodedata.normalize("NFC", json.dumps(x, ensure_ascii=False)) for x in Q]
    (HERE / "questions.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(Q)} questions written, {len(TWINS)} twin pairs")


if __name__ == "__main__":
    main()
