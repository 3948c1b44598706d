"""Write ``eval/holdout/h3/questions.jsonl`` (the H3 held-out questions).

Same schema as ``eval/holdout/questions.jsonl``. ``answer_langs`` is derived from the languages of
the gold documents; everything else is written by hand below. Check with ``check_h3.py``.

    /work/main/.venv/bin/python eval/holdout/h3/make_questions.py
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

# H3 documents
QA = "h3-2023-09-12-vi-thoa-thuan-quang-nam-xe-kong"   # vi PDF, agreement 2023-2026
SK = "h3-2024-07-15-lo-report-sekong-quang-nam"        # lo TXT, Lao digits
SR = "h3-2025-03-24-vi-tin-so-ket-quang-nam-xe-kong"   # vi HTML, second review
BK = "h3-2024-10-30-en-report-pension-bank-payment"    # en DOCX, table
UL = "h3-2024-05-27-en-news-ulsa-actuarial-course"     # en MD
OA = "h3-2025-02-14-lo-minutes-occupational-accident"  # lo PDF
HU = "h3-2025-10-15-vi-tin-bhyt-sinh-vien-lao-hue"     # vi MD
CC = "h3-2025-12-10-lo-news-call-centre-sekong"        # lo HTML, Lao digits
# existing record
MOU_VI, MOU_LO, MOU_EN = "vss-lao-2022-11-22-vi", "vss-lao-2022-11-22-lo", "vss-lao-2022-11-22-en"
FX_MOU = "fx-2025-09-18-vi-tin-mou-2026-2030"

NO_REPORT_EN = ["no report", "not reported", "no record", "no information", "does not say", "no later", "no document"]

Q: list[dict] = []


def q(qid, question, kind, expected, gold, note="", history=None):
    Q.append({"qid": "h3-" + qid, "split": "tune", "lang": qid.split("-")[0], "question": question,
              "history": history or [], "kind": kind, "answerable": True, "expected": expected,
              "gold_doc_ids": gold, "answer_langs": None, "note": note})


def oor(qid, question, kind, mtype, value, note="", history=None):
    Q.append({"qid": "h3-" + qid, "split": "tune", "lang": qid.split("-")[0], "question": question,
              "history": history or [], "kind": kind, "answerable": False, "expected": [],
              "gold_doc_ids": [], "answer_langs": [], "missing": {"type": mtype, "value": value},
              "note": note})


def h(question, answer):
    return [{"question": question, "answer": answer}]


# ------------------------------------------------------------------------------------------ vi
q("vi-date-01", "Thỏa thuận hợp tác giữa BHXH tỉnh Quảng Nam và Sở Lao động và Phúc lợi xã hội tỉnh Xê Kông được ký ngày nào?", "date",
  [["12/9/2023", "12/09/2023", "ngày 12 tháng 9 năm 2023", "12 tháng 9 năm 2023", "ngày 12/9/2023", "12-9-2023"]], [QA, SK],
  "the Lao report writes ວັນທີ ໑໒ ເດືອນ ກັນຍາ ໒໐໒໓ (Lao digits)")
q("vi-date-02", "Tong dai tu van song ngu Viet - Lao o tinh Xe Kong chinh thuc hoat dong tu ngay nao?", "date",
  [["2/12/2025", "02/12/2025", "ngày 2 tháng 12 năm 2025", "2 tháng 12 năm 2025", "2-12-2025", "2 ທັນວາ 2025"]], [CC],
  "no tone marks; cross-lingual: the opening is reported only in the Lao news (໒ ທັນວາ ໒໐໒໕)")
q("vi-date-03", "Khóa học về dự báo tính toán bảo hiểm (actuarial) cho cán bộ Cơ quan BHXH Lào tại Trường Đại học Lao động – Xã hội diễn ra từ ngày nào đến ngày nào?", "date",
  [["20-24/5/2024", "20–24/5/2024", "20 đến 24/5/2024", "20 đến ngày 24 tháng 5 năm 2024", "20-24 May 2024", "20/5 đến 24/5/2024"]], [UL],
  "cross-lingual: English-only news")
q("vi-date-04", "Bàn giao vào ngày nào?", "date",
  [["25/6/2024", "25/06/2024", "ngày 25 tháng 6 năm 2024", "25 tháng 6 năm 2024", "25 ມິຖຸນາ 2024"]], [SK],
  "follow-up; cross-lingual: the hand-over date is only in the Lao report (໒໕ ມິຖຸນາ ໒໐໒໔)",
  h("BHXH tỉnh Quảng Nam cam kết trao tặng tỉnh Xê Kông những thiết bị gì?",
    "8 máy tính và 1 máy chủ cho Phòng BHXH tỉnh Xê Kông, trước ngày 30/6/2024 (Thỏa thuận hợp tác giai đoạn 2023-2026, Điều 2 điểm b). [1]"))
q("vi-date-05", "Biên bản ghi nhớ hợp tác giai đoạn 2022-2025 giữa BHXH Việt Nam và Bộ Lao động và Phúc lợi xã hội Lào được ký ngày nào?", "date",
  [["22/11/2022", "ngày 22 tháng 11 năm 2022", "22 tháng 11 năm 2022", "22-11-2022"]], [MOU_VI, MOU_LO, MOU_EN, QA, UL],
  "existing record (corpus); the H3 agreement and the ULSA news also cite it")
q("vi-date-06", "Tổng đài tư vấn song ngữ được lùi sang thời hạn nào?", "date",
  [["quý IV/2025", "quý 4/2025", "quý IV năm 2025", "quý 4 năm 2025"]], [SR],
  "follow-up",
  h("Tổng đài tư vấn song ngữ Quảng Nam – Xê Kông có đi vào hoạt động trong quý III/2024 không?",
    "Không. Do đường truyền tại tỉnh Xê Kông chưa bảo đảm, tổng đài chưa hoạt động trong quý III/2024 như kế hoạch. [1]"))

q("vi-place-01", "Thỏa thuận hợp tác giai đoạn 2023-2026 giữa BHXH tỉnh Quảng Nam và tỉnh Xê Kông được ký ở đâu?", "place",
  [["La-mam", "Lamam", "La Mam", "ລະມາມ"]], [QA, SK])
q("vi-place-02", "Hội nghị sơ kết lần thứ hai Thỏa thuận hợp tác giữa BHXH tỉnh Quảng Nam và tỉnh Xê Kông được tổ chức ở đâu?", "place",
  [["Tam Kỳ", "Tam Ky"]], [SR])
q("vi-place-03", "Hoi thao ve bao hiem tai nan lao dong giua Co quan BHXH Lao va BHXH Viet Nam du kien to chuc o dau?", "place",
  [["Viêng Chăn", "Vientiane", "Vieng Chan", "ວຽງຈັນ"]], [OA], "no tone marks; cross-lingual: Lao-only minutes")
q("vi-place-04", "Thí điểm chi trả lương hưu qua tài khoản ngân hàng của Cơ quan BHXH Lào dự kiến mở rộng sang tỉnh nào?", "place",
  [["Luang Prabang", "Luông Pha-bang", "Luông Prabang", "Luang Pha Bang", "Luông Pha Bang"]], [BK], "cross-lingual: English-only report")
q("vi-place-05", "Còn lần trao đổi thứ ba thì tổ chức ở đâu?", "place",
  [["Viêng Chăn", "Vientiane", "Vieng Chan"]], [UL], "follow-up; cross-lingual",
  h("Khóa học dự báo actuarial tháng 5/2024 là lần trao đổi thứ mấy giữa Trường Đại học Lao động – Xã hội và Cơ quan BHXH Lào?",
    "Lần trao đổi thứ hai; lần thứ nhất là các bài giảng trực tuyến về thống kê BHXH vào tháng 11/2023. [1]"))

q("vi-count-01", "Có bao nhiêu cán bộ tỉnh Xê Kông được tập huấn về phát triển người tham gia BHXH tự nguyện tại Tam Kỳ?", "count",
  [["12"]], [QA, SR, SK])
q("vi-count-02", "Số người tham gia BHXH tự nguyện ở tỉnh Xê Kông đến cuối tháng 6/2024 là bao nhiêu?", "count",
  [["540"]], [SK], "cross-lingual: only in the Lao report, in Lao digits (໕໔໐, up from ໓໑໐)")
q("vi-count-03", "Nam hoc 2025-2026 Dai hoc Hue co bao nhieu sinh vien Lao?", "count",
  [["386"]], [HU], "no tone marks")
q("vi-count-04", "Tính đến 30/9/2024 có bao nhiêu người hưởng lương hưu ở Thủ đô Viêng Chăn nhận lương hưu qua ngân hàng?", "count",
  [["2.350", "2,350", "2350"]], [BK], "cross-lingual: English-only")
q("vi-count-05", "Thỏa thuận Quảng Nam – Xê Kông bố trí bao nhiêu kinh phí cho các hoạt động năm 2024?", "count",
  [["350 triệu đồng", "350 triệu"]], [QA])
q("vi-count-06", "Có bao nhiêu sinh viên Lào tham dự?", "count",
  [["210"]], [HU], "follow-up",
  h("Hội nghị tuyên truyền BHYT học sinh, sinh viên cho lưu học sinh Lào tại Đại học Huế diễn ra ngày nào?",
    "Ngày 10/10/2025, tại Hội trường Đại học Huế. [1]"))

q("vi-period-01", "Thỏa thuận hợp tác giữa BHXH tỉnh Quảng Nam và tỉnh Xê Kông có hiệu lực đến khi nào?", "period",
  [["31/12/2026", "ngày 31 tháng 12 năm 2026", "31 tháng 12 năm 2026", "hết năm 2026", "31 ທັນວາ 2026"]], [QA, CC])
q("vi-period-02", "Thoa thuan hop tac giua BHXH tinh Quang Nam va So Lao dong va Phuc loi xa hoi tinh Xe Kong ap dung cho giai doan nao?", "period",
  [["2023-2026", "2023 – 2026", "2023–2026", "2023 đến 2026"]], [QA, SR, SK, CC], "no tone marks")
q("vi-period-03", "Năm học nào Đại học Huế có 386 sinh viên Lào theo học?", "period",
  [["2025-2026", "2025 – 2026", "2025–2026"]], [HU])

q("vi-list-01", "Thỏa thuận Quảng Nam – Xê Kông giai đoạn 2023-2026 gồm những nội dung hợp tác nào?", "list",
  [["tập huấn", "12 cán bộ"], ["8 máy tính", "máy tính"], ["tổng đài"], ["lưu trữ", "số hóa"]], [QA])
q("vi-list-02", "Tại hội nghị ngày 10/10/2025, BHXH thành phố Huế và Đại học Huế thống nhất những việc gì?", "list",
  [["tờ gấp"], ["đầu mối", "nhân viên y tế"], ["đối thoại", "tháng 3/2026"]], [HU])
q("vi-list-03", "Cơ quan BHXH Lào và BHXH Việt Nam thống nhất những việc gì về bảo hiểm tai nạn lao động tại cuộc họp tháng 2/2025?", "list",
  [["văn bản", "quy định", "biểu mẫu", "ນິຕິກຳ", "ແບບຟອມ"], ["hội thảo", "ສຳມະນາ"], ["6 cán bộ", "6 ຄົນ"], ["sổ tay", "cẩm nang", "ຄູ່ມື"]], [OA],
  "cross-lingual: Lao-only minutes")

q("vi-actor-01", "Ai ký Thỏa thuận hợp tác giai đoạn 2023-2026 thay mặt BHXH tỉnh Quảng Nam?", "actor",
  [["Lê Văn Thành", "Le Van Thanh"]], [QA])
q("vi-actor-02", "Ai dẫn đầu đoàn tỉnh Xê Kông dự hội nghị sơ kết lần thứ hai tại Tam Kỳ?", "actor",
  [["Văn-đi Phôm-ma-chăn", "Vandy Phommachanh", "ວັນດີ ພົມມະຈັນ", "Văn-đi"]], [SR])
q("vi-actor-03", "Ngân hàng nào chi trả lương hưu thí điểm qua tài khoản cho Cơ quan BHXH Lào?", "actor",
  [["Lao-Viet Bank", "Ngân hàng Lào – Việt", "Ngân hàng Lào-Việt", "Ngân hàng Liên doanh Lào – Việt", "LaoVietBank"]], [BK],
  "cross-lingual: English-only")

q("vi-yesno-01", "Tổng đài tư vấn song ngữ Quảng Nam – Xê Kông có đi vào hoạt động trong quý III/2024 như kế hoạch không?", "yesno",
  [["Không", "chưa"], ["quý IV/2025", "quý 4/2025", "quý IV năm 2025", "quý 4 năm 2025"]], [SR],
  "postponed to quý IV/2025; it opened on 2/12/2025 (Lao news)")
q("vi-yesno-02", "Giai bong da giao huu giua can bo hai tinh Quang Nam va Xe Kong co duoc to chuc khong?", "yesno",
  [["Không"], ["hủy", "huỷ"]], [SR], "no tone marks; cancelled (mưa lũ)")
q("vi-yesno-03", "Thẻ BHYT của sinh viên Lào tại Huế có dùng được khi khám bệnh ở Lào không?", "yesno",
  [["Không"], ["ở Việt Nam", "tại Việt Nam"]], [HU])

q("vi-status-01", "Tổng đài tư vấn song ngữ Việt – Lào ở tỉnh Xê Kông hiện ra sao?", "status",
  [["đã", "hoạt động", "khai trương", "ເປີດນຳໃຊ້"], ["2/12/2025", "ngày 2 tháng 12 năm 2025", "2 tháng 12 năm 2025", "2 ທັນວາ 2025"]], [CC, SR],
  "cross-lingual: postponed in the Vietnamese news, reported opened only in Lao")
q("vi-status-02", "Việc lập điểm chi trả tiền mặt ở 3 huyện của Thủ đô Viêng Chăn hiện thế nào?", "status",
  [["hủy", "huỷ", "cancelled"]], [BK], "cross-lingual: cancelled (English-only)")
q("vi-status-03", "Việc số hóa hồ sơ người tham gia BHXH tỉnh Xê Kông đã hoàn thành chưa?", "status",
  [["đã", "hoàn thành", "ສຳເລັດ"], ["tháng 6/2025", "tháng 6 năm 2025", "ມິຖຸນາ 2025", "6/2025"]], [CC, SR],
  "cross-lingual: planned in the Vietnamese news (6 tháng đầu năm 2025), done per the Lao news (5.200 files)")

q("vi-event-01", "Hôm 24/3/2025 ở Tam Kỳ diễn ra sự kiện gì với phía Lào?", "event",
  [["sơ kết"], ["lần thứ hai", "Xê Kông"]], [SR], "the news writes 'Hôm nay (24/3)'; the year comes from the document date")
q("vi-event-02", "Ngày 10/10/2025 tại Đại học Huế có hoạt động gì liên quan đến sinh viên Lào?", "event",
  [["tuyên truyền", "hội nghị"], ["BHYT", "bảo hiểm y tế"]], [HU])
q("vi-event-03", "Ngày 14/2/2025 Cơ quan BHXH Lào và BHXH Việt Nam đã làm gì?", "event",
  [["họp trực tuyến", "trực tuyến", "họp", "ທາງໄກ"], ["tai nạn lao động", "ອຸບັດຕິເຫດ"]], [OA], "cross-lingual: Lao-only")

# ------------------------------------------------------------------------------------------ lo
q("lo-date-01", "ຂໍ້ຕົກລົງຮ່ວມມື ລະຫວ່າງ ພະແນກແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ ແຂວງເຊກອງ ແລະ ປະກັນສັງຄົມແຂວງກວາງນາມ ລົງນາມວັນທີເທົ່າໃດ?", "date",
  [["12/9/2023", "໑໒/໙/໒໐໒໓", "ວັນທີ 12 ເດືອນ ກັນຍາ 2023", "12 ເດືອນ ກັນຍາ 2023", "ວັນທີ ໑໒ ເດືອນ ກັນຍາ ໒໐໒໓", "12 ກັນຍາ 2023", "12/09/2023"]], [SK, QA])
q("lo-date-02", "ຊຸດຝຶກອົບຮົມ ກ່ຽວກັບປະກັນສັງຄົມແບບສະໝັກໃຈ ຢູ່ນະຄອນຕາມກີ ຈັດຂຶ້ນ ແຕ່ວັນທີເທົ່າໃດ ຫາ ວັນທີເທົ່າໃດ?", "date",
  [["13", "໑໓"], ["17 ພຶດສະພາ 2024", "໑໗ ພຶດສະພາ ໒໐໒໔", "17/5/2024", "ພຶດສະພາ 2024"]], [SK],
  "Lao digits; the Vietnamese news only says tháng 5/2024")
q("lo-date-03", "ອົງການປະກັນສັງຄົມແຫ່ງຊາດ ໄດ້ລົງນາມສັນຍາບໍລິການ ກັບ ທະນາຄານລາວ-ຫວຽດ ວັນທີເທົ່າໃດ?", "date",
  [["8 July 2024", "July 8, 2024", "8/7/2024", "08/07/2024", "ວັນທີ 8 ກໍລະກົດ 2024", "8 ກໍລະກົດ 2024"]], [BK], "cross-lingual: English-only")
q("lo-date-04", "ກອງປະຊຸມສະຫຼຸບ ຄັ້ງທີ 2 ຂອງຂໍ້ຕົກລົງ ລະຫວ່າງ ປະກັນສັງຄົມແຂວງກວາງນາມ ແລະ ແຂວງເຊກອງ ຈັດຂຶ້ນວັນທີເທົ່າໃດ?", "date",
  [["24/3/2025", "24/3", "ວັນທີ 24 ມີນາ 2025", "24 ມີນາ 2025", "24/03/2025"]], [SR],
  "cross-lingual: the Vietnamese news writes 'Hôm nay (24/3)', year from the document date")
q("lo-date-05", "ທີມຮ່ວມ ຂອງ ອປສ ແລະ ມະຫາວິທະຍາໄລແຮງງານ ແລະ ສັງຄົມ ຕ້ອງສ້າງ ການຄາດຄະເນ ກອງທຶນບຳນານ ໄລຍະຍາວ ໃຫ້ສຳເລັດເມື່ອໃດ?", "date",
  [["mid-2025", "ກາງປີ 2025", "ເຄິ່ງປີ 2025", "ກາງປີ ໒໐໒໕", "ເດືອນ ມິຖຸນາ 2025"]], [UL], "cross-lingual: English-only")

q("lo-place-01", "ພິທີເປີດນຳໃຊ້ ສູນໃຫ້ຄຳປຶກສາທາງໂທລະສັບ ສອງພາສາ ລາວ-ຫວຽດ ຈັດຂຶ້ນຢູ່ໃສ?", "place",
  [["ລະມາມ", "Lamam", "La-mam"]], [CC])
q("lo-place-02", "ຫຼັກສູດ ການຄາດຄະເນທາງຄະນິດສາດປະກັນໄພ ສຳລັບພະນັກງານ ອປສ 18 ຄົນ ໃນເດືອນ ພຶດສະພາ 2024 ຈັດຂຶ້ນຢູ່ໃສ?", "place",
  [["ມະຫາວິທະຍາໄລແຮງງານ ແລະ ສັງຄົມ", "University of Labour and Social Affairs", "ULSA", "ຮ່າໂນ້ຍ", "Hanoi"]], [UL], "cross-lingual: English-only")
q("lo-place-03", "ນັກສຶກສາລາວ 386 ຄົນ ທີ່ເຂົ້າຮ່ວມປະກັນສຸຂະພາບ ນັກຮຽນ-ນັກສຶກສາ ຮຽນຢູ່ມະຫາວິທະຍາໄລໃດ?", "place",
  [["Đại học Huế", "ມະຫາວິທະຍາໄລເຫວ້", "Hue University", "Huế"]], [HU], "cross-lingual: Vietnamese-only")
q("lo-place-04", "ແລ້ວ ຈັດຢູ່ໃສ ເດ?", "place",
  [["ນະຄອນຫຼວງວຽງຈັນ", "ວຽງຈັນ"]], [OA], "follow-up",
  h("ອປສ ແລະ ປະກັນສັງຄົມຫວຽດນາມ ຈະຈັດກອງປະຊຸມສຳມະນາ ກ່ຽວກັບອຸບັດຕິເຫດຈາກການເຮັດວຽກ ເມື່ອໃດ?",
    "ໃນໄຕມາດທີ 2 ປີ 2025, ມີຜູ້ເຂົ້າຮ່ວມປະມານ 40 ຄົນ. [1]"))

q("lo-count-01", "ຝ່າຍຫວຽດນາມ ມອບຄອມພິວເຕີ ໃຫ້ຫ້ອງການປະກັນສັງຄົມແຂວງເຊກອງ ຈັກເຄື່ອງ?", "count",
  [["8", "໘"]], [SK, QA, SR])
q("lo-count-02", "ໃນອາທິດທຳອິດ ສູນໃຫ້ຄຳປຶກສາທາງໂທລະສັບ ຢູ່ແຂວງເຊກອງ ໄດ້ຮັບສາຍ ທັງໝົດຈັກສາຍ?", "count",
  [["214", "໒໑໔"]], [CC], "Lao digits")
q("lo-count-03", "ໃນປີ 2024 ກອງທຶນປະກັນສັງຄົມ ຈ່າຍເງິນຊ່ວຍເຫຼືອ ກໍລະນີອຸບັດຕິເຫດຈາກການເຮັດວຽກ ໃຫ້ຜູ້ອອກແຮງງານ ຈັກຄົນ?", "count",
  [["418"]], [OA])
q("lo-count-04", "ຫຼັກສູດ ການຄາດຄະເນ ທີ່ມະຫາວິທະຍາໄລແຮງງານ ແລະ ສັງຄົມ ໃນເດືອນ ພຶດສະພາ 2024 ມີຄ່າໃຊ້ຈ່າຍເທົ່າໃດ?", "count",
  [["VND 310 million", "310 million", "310 ລ້ານດົ່ງ"]], [UL], "cross-lingual: English-only")
q("lo-count-05", "ອຸປະກອນ ທີ່ຝ່າຍຫວຽດນາມ ມອບໃຫ້ສູນໃຫ້ຄຳປຶກສາທາງໂທລະສັບ ແຂວງເຊກອງ ມີມູນຄ່າເທົ່າໃດ?", "count",
  [["280 ລ້ານກີບ", "໒໘໐ ລ້ານກີບ"]], [CC])
q("lo-count-06", "ແລ້ວ ມີຜູ້ເຂົ້າຮ່ວມທັງໝົດ ຈັກທ່ານ ເດ?", "count",
  [["22"]], [OA], "follow-up",
  h("ໃຜນຳພາຝ່າຍລາວ ໃນກອງປະຊຸມ ທາງໄກ ວັນທີ 14 ກຸມພາ 2025?",
    "ທ່ານ ສີສະຫວາດ ອິນທະວົງ, ຮອງຫົວໜ້າ ອົງການປະກັນສັງຄົມແຫ່ງຊາດ. [1]"))

q("lo-period-01", "ຂໍ້ຕົກລົງຮ່ວມມື ກັບ ປະກັນສັງຄົມແຂວງກວາງນາມ ຈະໝົດອາຍຸເມື່ອໃດ?", "period",
  [["31 ທັນວາ 2026", "໓໑ ທັນວາ ໒໐໒໖", "31/12/2026", "ວັນທີ 31 ທັນວາ 2026"]], [CC, QA])
q("lo-period-02", "ຂໍ້ຕົກລົງຮ່ວມມື ລະຫວ່າງ ແຂວງເຊກອງ ແລະ ປະກັນສັງຄົມແຂວງກວາງນາມ ແມ່ນໄລຍະປີໃດ?", "period",
  [["2023-2026", "໒໐໒໓-໒໐໒໖", "2023 - 2026"]], [SK, CC, QA, SR])
q("lo-period-03", "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ທີ່ລົງນາມ ໃນວັນທີ 22 ພະຈິກ 2022 ລະຫວ່າງ ປະກັນສັງຄົມຫວຽດນາມ ແລະ ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ ແມ່ນໄລຍະປີໃດ?", "period",
  [["2022-2025", "2022 - 2025", "໒໐໒໒-໒໐໒໕"]], [MOU_LO, MOU_VI, MOU_EN], "existing record (corpus)")

q("lo-list-01", "ໃນກອງປະຊຸມ ທາງໄກ ວັນທີ 14 ກຸມພາ 2025, ອປສ ແລະ ປະກັນສັງຄົມຫວຽດນາມ ໄດ້ຕົກລົງຫຍັງແດ່?", "list",
  [["ນິຕິກຳ", "ແບບຟອມ"], ["ສຳມະນາ"], ["6 ຄົນ", "ຮຽນຮູ້"], ["ຄູ່ມື"]], [OA])
q("lo-list-02", "ຫ້ອງການປະກັນສັງຄົມແຂວງເຊກອງ ລາຍງານຄວາມຫຍຸ້ງຍາກຫຍັງແດ່ ໃນ 6 ເດືອນຕົ້ນປີ 2024?", "list",
  [["ອິນເຕີເນັດ"], ["ພາສາຫວຽດ"]], [SK])
q("lo-list-03", "ຫຼັກສູດ ການຄາດຄະເນ ທີ່ມະຫາວິທະຍາໄລແຮງງານ ແລະ ສັງຄົມ (ULSA) ມີເນື້ອໃນຫຍັງແດ່?", "list",
  [["ປະຊາກອນ", "insured population", "ຜູ້ປະກັນຕົນ"], ["cash-flow", "ກະແສເງິນສົດ", "ກອງທຶນບຳນານ"], ["retirement age", "ອາຍຸບຳນານ", "ອາຍຸການ"], ["policy makers", "ນຳສະເໜີ", "presentation"]], [UL],
  "cross-lingual: English-only")

q("lo-actor-01", "ໃຜເປັນຫົວໜ້າຫ້ອງການປະກັນສັງຄົມແຂວງເຊກອງ?", "actor",
  [["ວັນດີ ພົມມະຈັນ", "Văn-đi Phôm-ma-chăn", "Vandy Phommachanh"]], [SK, CC, SR])
q("lo-actor-02", "ໃຜນຳພາຝ່າຍລາວ ໃນກອງປະຊຸມ ທາງໄກ ກ່ຽວກັບອຸບັດຕິເຫດຈາກການເຮັດວຽກ?", "actor",
  [["ສີສະຫວາດ ອິນທະວົງ", "ສີສະຫວາດ"]], [OA])
q("lo-actor-03", "ໃຜນຳຄະນະຜູ້ແທນ ອປສ ໄປຮຽນ ຢູ່ມະຫາວິທະຍາໄລແຮງງານ ແລະ ສັງຄົມ ໃນເດືອນ ພຶດສະພາ 2024?", "actor",
  [["Bounmy Vongsa", "ບຸນມີ ວົງສາ"]], [UL], "cross-lingual: English-only")

q("lo-yesno-01", "ຝ່າຍຫວຽດນາມ ມອບຄອມພິວເຕີ ໃຫ້ແຂວງເຊກອງ ທັນຕາມກຳນົດ ບໍ?", "yesno",
  [["ແມ່ນ", "ທັນ"], ["25 ມິຖຸນາ 2024", "໒໕ ມິຖຸນາ ໒໐໒໔", "25/6/2024"]], [SK, SR])
q("lo-yesno-02", "ການຈ່າຍເງິນບຳນານ ຜ່ານບັນຊີທະນາຄານ ຢູ່ນະຄອນຫຼວງວຽງຈັນ ມີຄວາມຜິດພາດ ບໍ?", "yesno",
  [["ບໍ່", "No payment error", "no payment error"]], [BK], "cross-lingual: English-only ('No payment error was reported')")
q("lo-yesno-03", "ການສົນທະນາ ຄັ້ງທຳອິດ ກັບນັກສຶກສາລາວ ຢູ່ເຫວ້ ໄດ້ຈັດຂຶ້ນ ໃນເດືອນ ເມສາ 2025 ບໍ?", "yesno",
  [["ບໍ່", "ເລື່ອນ", "hoãn"], ["ສອບເສັງ", "ເສັງ", "thi học kỳ", "lịch thi"]], [HU], "cross-lingual: postponed (Vietnamese-only)")

q("lo-status-01", "ການແຂ່ງຂັນບານເຕະມິດຕະພາບ ລະຫວ່າງ ພະນັກງານ ແຂວງກວາງນາມ ແລະ ແຂວງເຊກອງ ຢູ່ລະມາມ ເປັນແນວໃດ?", "status",
  [["ຍົກເລີກ", "hủy", "huỷ"], ["ນ້ຳຖ້ວມ", "ຝົນ", "mưa lũ"]], [SR], "cross-lingual: cancelled (Vietnamese-only)")
q("lo-status-02", "ການເປີດຈຸດຈ່າຍເງິນສົດ ຢູ່ 3 ເມືອງ ຂອງນະຄອນຫຼວງວຽງຈັນ ຢູ່ໃນສະຖານະໃດ?", "status",
  [["ຍົກເລີກ", "cancelled"]], [BK], "cross-lingual: English-only")
q("lo-status-03", "ການສະແກນ ແລະ ເກັບຮັກສາ ເອກະສານຜູ້ປະກັນຕົນ ຢູ່ແຂວງເຊກອງ ຮອດໃສແລ້ວ?", "status",
  [["ສຳເລັດ"], ["ມິຖຸນາ 2025", "ເດືອນ ມິຖຸນາ ໒໐໒໕", "6/2025"]], [CC, SR])

q("lo-event-01", "ວັນທີ 2 ທັນວາ 2025 ມີເຫດການຫຍັງ ຢູ່ເມືອງລະມາມ?", "event",
  [["ເປີດນຳໃຊ້"], ["ສູນໃຫ້ຄຳປຶກສາ", "ໂທລະສັບ"]], [CC])
q("lo-event-02", "ວັນທີ 25 ກັນຍາ 2024 ມີເຫດການຫຍັງ ກ່ຽວກັບເງິນບຳນານ ຢູ່ນະຄອນຫຼວງວຽງຈັນ?", "event",
  [["ບັນຊີທະນາຄານ", "bank accounts", "ທະນາຄານ"], ["ບຳນານ", "pensions"]], [BK], "cross-lingual: English-only")
q("lo-event-03", "ວັນທີ 22 ພະຈິກ 2022 ມີເຫດການຫຍັງ ລະຫວ່າງ ປະກັນສັງຄົມຫວຽດນາມ ແລະ ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ ລາວ?", "event",
  [["ລົງນາມ"], ["ບົດບັນທຶກຄວາມເຂົ້າໃຈ"]], [MOU_LO, MOU_VI, MOU_EN], "existing record (corpus)")

# ------------------------------------------------------------------------------------------ en
q("en-date-01", "When were the first LSSO pensions credited to bank accounts in the Lao-Viet Bank pilot?", "date",
  [["25 September 2024", "September 25, 2024", "25/9/2024", "2024-09-25"]], [BK])
q("en-date-02", "When did the Sekong provincial social security office receive the computers from Quảng Nam?", "date",
  [["25 June 2024", "June 25, 2024", "25/6/2024", "25 ມິຖຸນາ 2024", "2024-06-25"]], [SK], "cross-lingual: Lao-only date (Lao digits)")
q("en-date-03", "When did Quảng Nam Social Security hold the second review of its agreement with Sekong?", "date",
  [["24 March 2025", "March 24, 2025", "24/3/2025", "24/3", "2025-03-24"]], [SR], "cross-lingual: 'Hôm nay (24/3)' with the document date")
q("en-date-04", "By when should VSS send its regulations and forms on occupational accidents to LSSO?", "date",
  [["March 2025", "ມີນາ 2025", "3/2025"]], [OA], "cross-lingual: Lao-only")

q("en-place-01", "Where did the course on actuarial projections for 18 LSSO officials take place in May 2024?", "place",
  [["University of Labour and Social Affairs", "ULSA", "Hanoi"]], [UL])
q("en-place-02", "Where will the third exchange between ULSA and LSSO be held?", "place",
  [["Vientiane"]], [UL])
q("en-place-03", "Where was the Quảng Nam – Sekong cooperation agreement signed?", "place",
  [["Lamam", "La-mam", "La Mam", "ລະມາມ"]], [QA, SK], "cross-lingual")
q("en-place-04", "And where was the opening ceremony?", "place",
  [["Lamam", "La-mam", "ລະມາມ"]], [CC], "follow-up; cross-lingual",
  h("When was the bilingual Lao-Vietnamese call centre in Sekong opened?",
    "On 2 December 2025, when the Sekong provincial social security office officially launched it. [1]"))

q("en-count-01", "How many LSSO officials took the actuarial projections course at ULSA in May 2024?", "count",
  [["18"]], [UL])
q("en-count-02", "How much does LSSO pay Lao-Viet Bank per pension payment?", "count",
  [["LAK 3,000", "3,000 kip", "3,000"]], [BK])
q("en-count-03", "How many Lao students at Huế University are covered by student health insurance in the 2025-2026 school year?", "count",
  [["386"]], [HU], "cross-lingual: Vietnamese-only")
q("en-count-04", "How many operators answer calls at the Sekong bilingual call centre?", "count",
  [["4", "four", "໔"]], [CC, SR], "cross-lingual")
q("en-count-05", "How many participants are expected at the occupational accident seminar in Vientiane?", "count",
  [["40", "about 40"]], [OA], "cross-lingual: Lao-only")
q("en-count-06", "And how much did it cost?", "count",
  [["VND 310 million", "310 million"]], [UL], "follow-up",
  h("When did the ULSA course on actuarial projections for LSSO officials take place?",
    "From 20-24 May 2024, in Hanoi. [1]"))

q("en-period-01", "For what period is the Quảng Nam – Sekong cooperation agreement?", "period",
  [["2023-2026", "2023 to 2026", "2023–2026"]], [QA, SR, SK, CC], "cross-lingual")
q("en-period-02", "Until when is the agreement between Quảng Nam Social Security and Sekong valid?", "period",
  [["31 December 2026", "December 31, 2026", "31/12/2026", "end of 2026"]], [QA, CC], "cross-lingual")
q("en-period-03", "What period does the MoU signed by VSS and the Lao Ministry of Labour and Social Welfare on 22 November 2022 cover?", "period",
  [["2022-2025", "2022–2025", "2022 to 2025"]], [MOU_EN, MOU_VI, MOU_LO], "existing record (corpus)")

q("en-list-01", "What did the participants work on during the ULSA actuarial course?", "list",
  [["insured population", "pensioners"], ["cash-flow"], ["retirement age", "reference salary"], ["policy makers", "presentation"]], [UL])
q("en-list-02", "Which activities of LSSO's bank payment work plan are done?", "list",
  [["study visit"], ["service contract", "Lao-Viet Bank"]], [BK])
q("en-list-03", "What did Quảng Nam and Sekong agree to do next at their second review in March 2025?", "list",
  [["digitis", "digitiz", "số hóa", "5.000", "5,000"], ["call centre", "call center", "tổng đài"], ["final review", "tổng kết", "Q4 2026", "quý IV/2026"]], [SR],
  "cross-lingual: Vietnamese-only")

q("en-actor-01", "Who led the VSS experts who helped set up the bank payment pilot in Vientiane?", "actor",
  [["Phạm Quốc Bảo", "Pham Quoc Bao"]], [BK])
q("en-actor-02", "Who opened the actuarial course at ULSA?", "actor",
  [["Nguyễn Thu Hà", "Nguyen Thu Ha"]], [UL])
q("en-actor-03", "Who signed the 2023-2026 agreement on behalf of the Sekong Department of Labour and Social Welfare?", "actor",
  [["Bun-thon Xay-nha-vông", "Bounthone Xayyavong", "ບຸນທອນ ໄຊຍະວົງ", "Bounthone"]], [QA, CC],
  "cross-lingual: signatory in the Vietnamese agreement; the Lao news names him as head of the department")

q("en-yesno-01", "Does Lao-Viet Bank charge pensioners a transfer fee?", "yesno",
  [["No"], ["waives"]], [BK])
q("en-yesno-02", "Was the training of 12 Sekong officials held in Tam Kỳ in Q2 2024 as agreed?", "yesno",
  [["Yes"], ["May 2024", "13-17 May 2024", "tháng 5/2024", "ພຶດສະພາ 2024"]], [SK, SR], "cross-lingual")
q("en-yesno-03", "Has the Quảng Nam – Sekong bilingual call centre started operating?", "yesno",
  [["Yes"], ["2 December 2025", "December 2, 2025", "2/12/2025", "2 ທັນວາ 2025"]], [CC], "cross-lingual: Lao-only")

q("en-status-01", "What is the status of the cash-payment points in Xaythany, Sikhottabong and Hadxayfong?", "status",
  [["cancelled", "canceled"]], [BK])
q("en-status-02", "What is the status of the extension of bank pension payment to Luang Prabang?", "status",
  [["planned", "no report", "not reported", "no information"], ["mid-2025"]], [BK],
  "planned by mid-2025; no later document reports it (overdue)")
q("en-status-03", "What happened to the friendship football match between Quảng Nam and Sekong staff planned for December 2024?", "status",
  [["cancelled", "canceled", "hủy"], ["flood", "rain", "mưa lũ"]], [SR], "cross-lingual: Vietnamese-only")
q("en-status-04", "Has the VSS–LSSO Memorandum of Understanding for 2026-2030 been signed?", "status",
  [NO_REPORT_EN + ["not been signed", "not yet"], ["Q4 2025", "quý IV/2025", "fourth quarter of 2025", "Q4/2025"]], [FX_MOU],
  "existing record (fixture): planned for quý IV/2025, never reported signed; H3 does not report it either")

q("en-event-01", "What happened at ULSA from 20 to 24 May 2024?", "event",
  [["actuarial"], ["course", "training"]], [UL])
q("en-event-02", "What did LSSO and VSS discuss in their video meeting of 14 February 2025?", "event",
  [["occupational accident", "work accident", "ອຸບັດຕິເຫດຈາກການເຮັດວຽກ"]], [OA], "cross-lingual: Lao-only")
q("en-event-03", "What took place at Huế University on 10 October 2025?", "event",
  [["health insurance", "BHYT", "bảo hiểm y tế"], ["Lao students", "sinh viên Lào"]], [HU], "cross-lingual: Vietnamese-only")

# ------------------------------------------------------------------------------ out of record
oor("vi-oor-01", "Thỏa thuận hợp tác giữa BHXH tỉnh Quảng Nam và tỉnh Sa-la-van được ký ngày nào?", "date", "place", "Salavan")
oor("vi-oor-02", "BHXH tỉnh Kon Tum đã trao tặng tỉnh Xê Kông bao nhiêu máy tính?", "count", "organization", "Kon Tum Provincial Social Security")
oor("vi-oor-03", "Hội nghị sơ kết lần thứ ba Thỏa thuận Quảng Nam – Xê Kông diễn ra ở đâu?", "place", "event", "third review of the Quảng Nam – Sekong agreement",
    "only the second review (24/3/2025) and a final review in quý IV/2026 are in the record")
oor("vi-oor-04", "Tong dai tu van song ngu o Xe Kong nhan duoc bao nhieu cuoc goi trong thang dau tien?", "count", "figure", "calls in the first month",
    "no tone marks; the record gives only the first week (214)")
oor("vi-oor-05", "Thỏa thuận Quảng Nam – Xê Kông bố trí bao nhiêu kinh phí cho các hoạt động năm 2025?", "count", "period", "budget for 2025",
    "the agreement gives 350 triệu đồng for 2024 only")
oor("vi-oor-06", "Có bao nhiêu sinh viên Campuchia tại Đại học Huế tham gia BHYT học sinh, sinh viên?", "count", "country", "Cambodia")
oor("vi-oor-07", "Ngân hàng Lào – Việt trả lãi suất bao nhiêu cho tài khoản nhận lương hưu?", "count", "figure", "interest rate")
oor("vi-oor-08", "Hội thảo về bảo hiểm tai nạn lao động tại Viêng Chăn trong quý II/2025 đã đạt kết quả gì?", "event", "event", "occupational accident seminar held",
    "planned for ໄຕມາດທີ 2 ປີ 2025 (about 40 participants), never reported held")
oor("vi-oor-09", "Còn thỏa thuận giữa BHXH tỉnh Thanh Hóa và tỉnh Hủa Phăn thì ký ngày nào?", "date", "place", "Thanh Hóa – Houaphanh",
    "follow-up",
    h("Thỏa thuận hợp tác giữa BHXH tỉnh Quảng Nam và tỉnh Xê Kông được ký ngày nào?",
      "Ngày 12/9/2023, tại thị xã La-mam, tỉnh Xê Kông. [1]"))
oor("vi-oor-10", "Biên bản ghi nhớ hợp tác giai đoạn 2026-2030 giữa BHXH Việt Nam và phía Lào đã được ký ngày nào, ở đâu?", "date", "event", "2026-2030 MoU signed",
    "planned for quý IV/2025 (fixture), never reported signed")
oor("vi-oor-11", "Sinh vien Lao tai Dai hoc Hue phai dong BHYT voi muc bao nhieu tien moi nam?", "count", "figure", "student health insurance contribution",
    "no tone marks")

oor("lo-oor-01", "ຂໍ້ຕົກລົງຮ່ວມມື ລະຫວ່າງ ແຂວງເຊກອງ ແລະ ປະກັນສັງຄົມແຂວງກວາງນາມ ໄລຍະປີ 2027-2030 ມີເນື້ອໃນຫຍັງແດ່?", "list", "period", "2027-2030")
oor("lo-oor-02", "ປະກັນສັງຄົມນະຄອນດ່ານັງ ມອບຄອມພິວເຕີ ໃຫ້ແຂວງເຊກອງ ຈັກເຄື່ອງ?", "count", "organization", "Đà Nẵng Social Security gift to Sekong",
    "the computers came from Quảng Nam")
oor("lo-oor-03", "ອັດຕາເງິນສົມທົບ ປະກັນສັງຄົມແບບສະໝັກໃຈ ຢູ່ແຂວງເຊກອງ ແມ່ນຈັກເປີເຊັນ?", "count", "figure", "voluntary contribution rate")
oor("lo-oor-04", "ໃນປີ 2023 ກອງທຶນປະກັນສັງຄົມ ຈ່າຍເງິນຊ່ວຍເຫຼືອ ກໍລະນີອຸບັດຕິເຫດຈາກການເຮັດວຽກ ໃຫ້ຜູ້ອອກແຮງງານ ຈັກຄົນ?", "count", "period", "2023 occupational accident beneficiaries",
    "the minutes give 418 for 2024 only")
oor("lo-oor-05", "ພະນັກງານ ອປສ 6 ຄົນ ທີ່ໄປຮຽນຮູ້ ດ້ານອຸບັດຕິເຫດຈາກການເຮັດວຽກ ຢູ່ປະກັນສັງຄົມຫວຽດນາມ ໄດ້ຮຽນຫຍັງແດ່?", "list", "event", "study visit of 6 LSSO officials held",
    "planned for ໄຕມາດທີ 3 ປີ 2025, never reported")
oor("lo-oor-06", "ປະກັນສັງຄົມຫວຽດນາມ ໄດ້ລົງນາມຂໍ້ຕົກລົງ ດ້ານປະກັນໄພອຸບັດຕິເຫດຈາກການເຮັດວຽກ ກັບ ປະເທດໄທ ບໍ?", "yesno", "country", "Thailand")
oor("lo-oor-07", "ສູນໃຫ້ຄຳປຶກສາທາງໂທລະສັບ ຂອງແຂວງສາລະວັນ ເປີດນຳໃຊ້ເມື່ອໃດ?", "date", "place", "Salavan")
oor("lo-oor-08", "ແລ້ວ ແຂວງອັດຕະປື ເດ?", "date", "place", "Attapeu", "follow-up",
    h("ສູນໃຫ້ຄຳປຶກສາທາງໂທລະສັບ ສອງພາສາ ລາວ-ຫວຽດ ຢູ່ແຂວງເຊກອງ ເປີດນຳໃຊ້ເມື່ອໃດ?",
      "ວັນທີ 2 ທັນວາ 2025, ຢູ່ເມືອງລະມາມ. [1]"))
oor("lo-oor-09", "ທະນາຄານພັດທະນາລາວ ຈ່າຍເງິນບຳນານ ຜ່ານບັນຊີ ໃຫ້ຜູ້ຮັບບຳນານ ຢູ່ນະຄອນຫຼວງວຽງຈັນ ຈັກຄົນ?", "count", "organization", "Lao Development Bank",
    "the pilot bank is Lao-Viet Bank")
oor("lo-oor-10", "ງົບປະມານ ສຳລັບການສົ່ງພະນັກງານ ອປສ 6 ຄົນ ໄປຮຽນຮູ້ ຢູ່ຫວຽດນາມ ແມ່ນເທົ່າໃດ?", "count", "figure", "budget of the study visit",
    "the minutes give a budget (150 ລ້ານກີບ) for the seminar only")

oor("en-oor-01", "When did Quảng Nam Social Security sign a cooperation agreement with a province of Thailand?", "date", "country", "Thailand")
oor("en-oor-02", "How many pensioners in Luang Prabang receive their pensions through Lao-Viet Bank?", "count", "event", "extension to Luang Prabang done",
    "planned by mid-2025, never reported")
oor("en-oor-03", "How many LSSO officials attended the first exchange with ULSA in November 2023?", "count", "figure", "participants of the first exchange")
oor("en-oor-04", "What did the third exchange between ULSA and LSSO in Vientiane conclude?", "event", "event", "third ULSA–LSSO exchange held",
    "planned for the fourth quarter of 2025, never reported")
oor("en-oor-05", "How much did VSS pay for the 2 experts it sent to Vientiane in September 2024?", "count", "figure", "cost of the expert mission")
oor("en-oor-06", "When did the Myanmar social security board visit the University of Labour and Social Affairs?", "date", "country", "Myanmar")
oor("en-oor-07", "Did BIDV sign a pension payment contract with LSSO?", "yesno", "organization", "BIDV")
oor("en-oor-08", "And with Cambodia?", "place", "country", "Cambodia", "follow-up",
    h("Where was the Quảng Nam – Sekong cooperation agreement signed?",
      "In Lamam (La-mam), Sekong province, on 12/9/2023. [1]"))
oor("en-oor-09", "How many Lao students at the University of Labour and Social Affairs in Hanoi are covered by student health insurance?", "count", "organization", "ULSA (students' health insurance)",
    "the record's figure (386) is for Huế University")
oor("en-oor-10", "When did Hòa Bình Provincial Social Security sign its cooperation agreement with a Lao province?", "date", "organization", "Hòa Bình Provincial Social Security")
oor("en-oor-11", "Was the dialogue with Lao students in Huế planned for March 2026 held?", "yesno", "event", "March 2026 dialogue held",
    "planned in the October 2025 news; no later document")


def lang_of(doc_id: str) -> str:
    m = re.search(r"-(vi|lo|en)(?:-|$)", doc_id)
    return m.group(1)


def main() -> None:
    order = {"vi": 0, "lo": 1, "en": 2}
    for x in Q:
        if x["answerable"]:
            x["answer_langs"] = sorted({lang_of(d) for d in x["gold_doc_ids"]}, key=order.get)
        if not x["note"]:
            del x["note"]
    lines = [unicodedata.normalize("NFC", json.dumps(x, ensure_ascii=False)) for x in Q]
    (HERE / "questions.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(Q)} questions written")


if __name__ == "__main__":
    main()
