"""Write ``eval/holdout/h5/questions.jsonl`` (the H5 held-out questions, split ``report``).

Same schema as ``eval/holdout/questions.jsonl``. ``answer_langs`` is derived from the languages of
the gold documents; everything else is written by hand below. Check with ``check_h5.py``.

    /work/main/.venv/bin/python eval/holdout/h5/make_questions.py
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

# H5 documents
QB = "h5-2024-07-05-vi-thoa-thuan-quang-binh-bo-ly-kham-xay"   # vi PDF, agreement 2024-2026
BK = "h5-2025-01-20-lo-report-bolikhamxay-quang-binh"          # lo TXT, Lao digits
UI = "h5-2025-06-16-vi-tin-bao-hiem-that-nghiep-quang-binh"    # vi HTML, "Hôm nay (16/6)"
AU = "h5-2023-10-07-vi-tin-tap-huan-kiem-toan-noi-bo"          # vi MD, internal audit course
FI = "h5-2025-03-28-en-report-fund-investment-workshop"        # en DOCX, table
AS = "h5-2024-09-27-en-news-assa-bilateral-meeting"            # en MD
SW = "h5-2025-01-16-lo-minutes-software-handover"              # lo PDF
# existing record
MOU_VI, MOU_LO, MOU_EN = "vss-lao-2022-11-22-vi", "vss-lao-2022-11-22-lo", "vss-lao-2022-11-22-en"
FX_MOU = "fx-2025-09-18-vi-tin-mou-2026-2030"

Q: list[dict] = []


def q(qid, question, kind, expected, gold, note="", history=None):
    Q.append({"qid": "h5-" + qid, "split": "report", "lang": qid.split("-")[0], "question": question,
              "history": history or [], "kind": kind, "answerable": True, "expected": expected,
              "gold_doc_ids": gold, "answer_langs": None, "note": note})


def oor(qid, question, kind, mtype, value, note="", history=None):
    Q.append({"qid": "h5-" + qid, "split": "report", "lang": qid.split("-")[0], "question": question,
              "history": history or [], "kind": kind, "answerable": False, "expected": [],
              "gold_doc_ids": [], "answer_langs": [], "missing": {"type": mtype, "value": value},
              "note": note})


def h(question, answer):
    return [{"question": question, "answer": answer}]


D_SIGN_VI = ["5/7/2024", "05/07/2024", "05/7/2024", "ngày 5 tháng 7 năm 2024", "5 tháng 7 năm 2024", "5-7-2024",
             "ວັນທີ 5 ເດືອນ ກໍລະກົດ 2024", "5 ເດືອນ ກໍລະກົດ 2024"]
PAKSAN = ["Pắc-xan", "Pac-xan", "Paksan", "Pak San", "Pakxan", "ປາກຊັນ"]
DONGHOI = ["Đồng Hới", "Dong Hoi", "ດົງໂຮ້ຍ"]

# ------------------------------------------------------------------------------------------ vi
q("vi-date-01", "Thỏa thuận hợp tác giữa BHXH tỉnh Quảng Bình và Sở Lao động và Phúc lợi xã hội tỉnh Bô-ly-khăm-xay được ký ngày nào?", "date",
  [D_SIGN_VI], [QB, BK, UI], "the Lao report writes ວັນທີ ໕ ເດືອນ ກໍລະກົດ ໒໐໒໔ (Lao digits)")
q("vi-date-02", "BHXH tinh Quang Binh ban giao 10 may tinh va 2 may in cho tinh Bo-ly-kham-xay vao ngay nao?", "date",
  [["18/9/2024", "18/09/2024", "ngày 18 tháng 9 năm 2024", "18 tháng 9 năm 2024", "18-9-2024", "18 ກັນຍາ 2024"]], [BK],
  "no tone marks; cross-lingual: the hand-over date is only in the Lao report (໑໘ ກັນຍາ ໒໐໒໔)")
q("vi-date-03", "Hội thảo về đầu tư quỹ BHXH giữa Cơ quan BHXH quốc gia Lào và BHXH Việt Nam tại Viêng Chăn diễn ra vào những ngày nào?", "date",
  [["11-13/3/2025", "11–13/3/2025", "11 đến 13/3/2025", "11 đến ngày 13 tháng 3 năm 2025", "11-13 March 2025", "11 to 13 March 2025"]], [FI],
  "cross-lingual: English-only report")
q("vi-date-04", "Buổi trao đổi kinh nghiệm về bảo hiểm thất nghiệp giữa BHXH tỉnh Quảng Bình và đoàn tỉnh Bô-ly-khăm-xay diễn ra ngày nào?", "date",
  [["16/6/2025", "16/06/2025", "ngày 16 tháng 6 năm 2025", "16 tháng 6 năm 2025", "16/6", "16-6-2025"]], [UI],
  "'Hôm nay (16/6)' in the news of 2025-06-16: the year comes from the document date")
q("vi-date-05", "Thực tế phần mềm được bàn giao vào ngày nào?", "date",
  [["14/1/2025", "14/01/2025", "ngày 14 tháng 1 năm 2025", "14 tháng 1 năm 2025", "14-1-2025", "14 ມັງກອນ 2025"]], [SW],
  "follow-up; cross-lingual: the hand-over meeting is only in the Lao minutes",
  h("Theo kế hoạch, BHXH Việt Nam bàn giao cho Cơ quan BHXH quốc gia Lào phần mềm quản lý người tham gia BHXH tự nguyện khi nào?",
    "Trước cuối năm 2024; BHXH Việt Nam cử 3 chuyên gia công nghệ thông tin sang cài đặt (thống nhất tại cuộc gặp song phương ngày 26/9/2024 ở Hà Nội). [1]"))
q("vi-date-06", "Khóa tập huấn kiểm toán nội bộ cho cán bộ Cơ quan BHXH quốc gia Lào tại Hà Nội diễn ra từ ngày nào đến ngày nào?", "date",
  [["ngày 2 đến ngày 6", "2/10/2023", "02/10/2023", "2-6/10/2023", "2 đến 6/10/2023"], ["6 tháng 10 năm 2023", "6/10/2023", "06/10/2023"]], [AU])

q("vi-place-01", "Thỏa thuận hợp tác giai đoạn 2024-2026 giữa BHXH tỉnh Quảng Bình và tỉnh Bô-ly-khăm-xay được ký ở đâu?", "place",
  [PAKSAN], [QB, BK])
q("vi-place-02", "Khoa tap huan phat trien BHXH tu nguyen cho nong dan danh cho can bo tinh Bo-ly-kham-xay duoc to chuc o dau?", "place",
  [DONGHOI], [QB, BK], "no tone marks")
q("vi-place-03", "Cuộc gặp song phương giữa lãnh đạo BHXH Việt Nam và Cơ quan BHXH quốc gia Lào bên lề Hội nghị Ban Chấp hành ASSA năm 2024 diễn ra ở đâu?", "place",
  [["Hà Nội", "Hanoi", "Ha Noi"]], [AS], "cross-lingual: English-only news")
q("vi-place-04", "Cuộc họp bàn giao đó diễn ra ở đâu?", "place",
  [["Viêng Chăn", "Vientiane", "ນະຄອນຫຼວງວຽງຈັນ", "trụ sở Cơ quan BHXH quốc gia Lào", "ສຳນັກງານໃຫຍ່"]], [SW],
  "follow-up; cross-lingual: Lao-only minutes",
  h("BHXH Việt Nam bàn giao phần mềm quản lý người tham gia BHXH tự nguyện cho Lào vào ngày nào?",
    "Ngày 14/1/2025, tại cuộc họp bàn giao có 28 người tham dự. [1]"))

q("vi-count-01", "Đoàn công tác tỉnh Bô-ly-khăm-xay sang Đồng Hới trao đổi về bảo hiểm thất nghiệp gồm bao nhiêu thành viên?", "count",
  [["11"]], [UI])
q("vi-count-02", "Co bao nhieu nong dan tinh Bo-ly-kham-xay tham gia BHXH tu nguyen vao cuoi thang 12/2024?", "count",
  [["475"]], [BK], "no tone marks; cross-lingual: Lao-only figure (໔໗໕ ຄົນ)")
q("vi-count-03", "Thỏa thuận Quảng Bình – Bô-ly-khăm-xay bố trí bao nhiêu kinh phí cho các hoạt động năm 2024 và năm 2025?", "count",
  [["480 triệu đồng", "480 triệu"]], [QB])
q("vi-count-04", "Trong 6 tháng đầu năm 2025, BHXH tỉnh Quảng Bình chi trả trợ cấp thất nghiệp cho bao nhiêu người?", "count",
  [["2.340", "2340", "2,340"]], [UI])
q("vi-count-05", "Hội thảo về đầu tư quỹ BHXH tại Viêng Chăn tháng 3/2025 có bao nhiêu người tham dự?", "count",
  [["46"]], [FI], "cross-lingual: English-only")
q("vi-count-06", "Bao nhiêu cán bộ của Cơ quan BHXH quốc gia Lào dự khóa tập huấn kiểm toán nội bộ tại Hà Nội năm 2023?", "count",
  [["16"]], [AU])
q("vi-count-07", "Cơ quan BHXH quốc gia Lào chi bao nhiêu tiền để mua máy chủ cho phần mềm quản lý người tham gia BHXH tự nguyện?", "count",
  [["320 ລ້ານກີບ", "320 triệu kíp", "320 million kip", "LAK 320 million"]], [SW], "cross-lingual: Lao-only")

q("vi-count-08", "Thỏa thuận hợp tác giữa BHXH tỉnh Quảng Bình và tỉnh Bô-ly-khăm-xay gồm bao nhiêu điều?", "count",
  [["7 điều", "bảy điều"]], [QB])
q("vi-count-09", "Buổi trao đổi về bảo hiểm thất nghiệp tại Đồng Hới là lần làm việc thứ mấy giữa hai bên kể từ khi ký Thỏa thuận?", "count",
  [["lần làm việc thứ ba", "thứ ba"]], [UI], "ordinal")

q("vi-period-01", "Thỏa thuận hợp tác giữa BHXH tỉnh Quảng Bình và tỉnh Bô-ly-khăm-xay có hiệu lực đến khi nào?", "period",
  [["31/12/2026", "ngày 31 tháng 12 năm 2026", "31 tháng 12 năm 2026", "hết năm 2026"]], [QB])
q("vi-period-02", "Thoa thuan hop tac giua BHXH tinh Quang Binh va tinh Bo-ly-kham-xay ap dung cho giai doan nao?", "period",
  [["2024-2026", "2024 – 2026", "2024–2026", "2024 đến 2026"]], [QB, BK, UI], "no tone marks")
q("vi-period-03", "Theo kế hoạch, phần mềm quản lý người tham gia BHXH tự nguyện được thử nghiệm tại 4 tỉnh của Lào vào thời gian nào?", "period",
  [["ໄຕມາດທີ 2 ປີ 2025", "quý II/2025", "quý 2/2025", "quý II năm 2025", "quý 2 năm 2025"]], [SW], "cross-lingual: Lao-only")

q("vi-list-01", "Thỏa thuận Quảng Bình – Bô-ly-khăm-xay gồm những nội dung hợp tác nào?", "list",
  [["tập huấn", "15 cán bộ"], ["10 máy tính", "máy in"], ["bảo hiểm thất nghiệp"], ["kiểm toán nội bộ"]], [QB])
q("vi-list-02", "Khóa tập huấn kiểm toán nội bộ năm 2023 cho cán bộ Lào gồm những chuyên đề nào?", "list",
  [["tổ chức bộ máy", "quy chế"], ["thu bảo hiểm xã hội", "chi trả các chế độ"], ["chi phí khám, chữa bệnh", "khám, chữa bệnh"], ["báo cáo kiểm toán", "kiến nghị"]], [AU])
q("vi-list-03", "Hội thảo đầu tư quỹ BHXH tại Viêng Chăn năm 2025 bàn những chủ đề gì?", "list",
  [["khung pháp lý", "legal framework"], ["trái phiếu chính phủ", "government bonds", "bank deposits"], ["quản lý rủi ro", "risk management"], ["báo cáo", "reporting"]], [FI],
  "cross-lingual: English-only")

q("vi-actor-01", "Ai ký Thỏa thuận hợp tác giai đoạn 2024-2026 thay mặt Sở Lao động và Phúc lợi xã hội tỉnh Bô-ly-khăm-xay?", "actor",
  [["Xổm-xạ-nít Phôm-ma-vông", "Somsanit Phommavong", "Xổm-xạ-nít", "ສົມສະນິດ ພົມມະວົງ"]], [QB])
q("vi-actor-02", "Ai làm trưởng đoàn tỉnh Bô-ly-khăm-xay trong buổi trao đổi về bảo hiểm thất nghiệp tại Đồng Hới?", "actor",
  [["Bua-phăn Xi-la-vông", "Bouaphanh Silavong", "ບົວພັນ ສີລາວົງ", "Bua-phăn"]], [UI])
q("vi-actor-03", "Ai dan dau doan chuyen gia BHXH Viet Nam tai hoi thao ve dau tu quy o Vieng Chan?", "actor",
  [["Trịnh Minh Quân", "Trinh Minh Quan"]], [FI], "no tone marks; cross-lingual: English-only")

q("vi-yesno-01", "Buổi trao đổi kinh nghiệm về bảo hiểm thất nghiệp có được tổ chức trong quý IV/2024 như kế hoạch không?", "yesno",
  [["Không", "lùi", "ເລື່ອນ"], ["mưa lũ", "ນ້ຳຖ້ວມ", "lũ"]], [UI, BK], "postponed (floods); held 16/6/2025")
q("vi-yesno-02", "Doan tinh Bo-ly-kham-xay co di tham quan Vuon quoc gia Phong Nha - Ke Bang khong?", "yesno",
  [["Không", "hủy", "huỷ"]], [UI], "no tone marks; cancelled (mưa lớn)")
q("vi-yesno-03", "Chuyến thăm Sở Giao dịch Chứng khoán Hà Nội của Cơ quan BHXH quốc gia Lào sau hội thảo đầu tư quỹ có được thực hiện không?", "yesno",
  [["Không", "hủy", "cancelled"]], [FI], "cross-lingual: English-only (Cancelled)")

q("vi-status-01", "Khóa tập huấn người dùng phần mềm tại tỉnh Chăm-pa-xắc dự kiến tháng 2/2025 hiện ra sao?", "status",
  [["ຍົກເລີກ", "hủy", "huỷ", "bị hủy"]], [SW], "cross-lingual: Lao-only minutes")
q("vi-status-02", "Hội nghị sơ kết lần thứ nhất Thỏa thuận Quảng Bình – Bô-ly-khăm-xay dự kiến tổ chức khi nào và ở đâu?", "status",
  [["tháng 12/2025", "12/2025"], PAKSAN], [UI], "planned; no later document reports it")
q("vi-status-03", "Hội thảo lần thứ hai về báo cáo đầu tư giữa Cơ quan BHXH quốc gia Lào và BHXH Việt Nam, dự kiến quý IV/2025, hiện ra sao?", "status",
  [["Postponed to 2026", "postponed", "lùi", "hoãn"], ["2026"]], [FI], "cross-lingual: English-only")

q("vi-event-01", "Ngày 5/7/2024 tại Pắc-xan đã diễn ra sự kiện gì?", "event",
  [["ký", "Thỏa thuận hợp tác"], ["Quảng Bình"]], [QB])
q("vi-event-02", "Ngày 26/9/2024 tại Hà Nội, lãnh đạo BHXH Việt Nam và Cơ quan BHXH quốc gia Lào đã làm gì?", "event",
  [["bilateral meeting", "cuộc gặp song phương", "gặp"], ["ASSA"]], [AS], "cross-lingual: English-only")
q("vi-event-03", "Ngày 22/11/2022, BHXH Việt Nam và Bộ Lao động và Phúc lợi xã hội Lào đã ký văn bản gì?", "event",
  [["Biên bản ghi nhớ", "ghi nhớ hợp tác", "Memorandum"]], [MOU_VI, QB], "existing record (corpus); the H5 agreement cites it")

# ------------------------------------------------------------------------------------------ lo
q("lo-date-01", "ຂໍ້ຕົກລົງຮ່ວມມື ລະຫວ່າງ ແຂວງບໍລິຄຳໄຊ ແລະ ປະກັນສັງຄົມແຂວງກວາງບິ່ງ ໄດ້ລົງນາມ ເມື່ອໃດ?", "date",
  [["ວັນທີ 5 ເດືອນ ກໍລະກົດ 2024", "5 ເດືອນ ກໍລະກົດ 2024", "5 ກໍລະກົດ 2024", "5/7/2024", "ngày 5 tháng 7 năm 2024"]], [BK, QB, UI])
q("lo-date-02", "ຊຸດຝຶກອົບຮົມ ສຳລັບພະນັກງານ 15 ຄົນ ຂອງແຂວງບໍລິຄຳໄຊ ຢູ່ນະຄອນດົງໂຮ້ຍ ຈັດຂຶ້ນ ແຕ່ວັນທີເທົ່າໃດ ຫາ ວັນທີເທົ່າໃດ?", "date",
  [["26"], ["30 ສິງຫາ 2024", "30/8/2024"]], [BK], "Lao only (໒໖ ຫາ ວັນທີ ໓໐ ສິງຫາ ໒໐໒໔); the vi news says only 'tháng 8/2024'")
q("lo-date-03", "ກອງປະຊຸມ ມອບ-ຮັບ ໂປຣແກຣມຄຸ້ມຄອງ ຜູ້ປະກັນຕົນແບບສະໝັກໃຈ ຈັດຂຶ້ນ ວັນທີເທົ່າໃດ?", "date",
  [["ວັນທີ 14 ມັງກອນ 2025", "14 ມັງກອນ 2025", "14/1/2025", "14/01/2025"]], [SW])
q("lo-date-04", "ກອງປະຊຸມສຳມະນາ ກ່ຽວກັບການລົງທຶນກອງທຶນປະກັນສັງຄົມ ຢູ່ນະຄອນຫຼວງວຽງຈັນ ຈັດຂຶ້ນເມື່ອໃດ?", "date",
  [["11-13 March 2025", "11 to 13 March 2025", "11-13 ມີນາ 2025", "11 ຫາ 13 ມີນາ 2025", "11-13/3/2025"]], [FI], "cross-lingual: English-only")
q("lo-date-05", "ແລ້ວ ຈັດຂຶ້ນແທ້ ວັນທີເທົ່າໃດ ເດ?", "date",
  [["16/6/2025", "16/6", "16 ມິຖຸນາ 2025", "ngày 16 tháng 6 năm 2025"]], [UI],
  "follow-up; cross-lingual: the date is only in the vi news ('Hôm nay (16/6)', document date 2025-06-16)",
  h("ປະກັນສັງຄົມແຂວງກວາງບິ່ງ ຈັດການແລກປ່ຽນບົດຮຽນ ດ້ານປະກັນການຫວ່າງງານ ກັບແຂວງບໍລິຄຳໄຊ ຢູ່ໃສ ແລະ ເມື່ອໃດ?",
    "ຢູ່ນະຄອນດົງໂຮ້ຍ; ຕາມແຜນ ໃນໄຕມາດທີ 4 ປີ 2024, ແຕ່ໄດ້ເລື່ອນໄປເປັນ ໄຕມາດທີ 2 ປີ 2025 ຍ້ອນໄພນ້ຳຖ້ວມ. [1]"))

q("lo-place-01", "ຂໍ້ຕົກລົງຮ່ວມມື ລະຫວ່າງ ແຂວງບໍລິຄຳໄຊ ແລະ ປະກັນສັງຄົມແຂວງກວາງບິ່ງ ລົງນາມ ຢູ່ໃສ?", "place",
  [PAKSAN], [BK, QB])
q("lo-place-02", "ກອງປະຊຸມສອງຝ່າຍ ລະຫວ່າງ ຜູ້ນຳ ປະກັນສັງຄົມຫວຽດນາມ ແລະ ອົງການປະກັນສັງຄົມແຫ່ງຊາດ ໃນໂອກາດກອງປະຊຸມ ASSA ເດືອນກັນຍາ 2024 ຈັດຂຶ້ນຢູ່ໃສ?", "place",
  [["ຮ່າໂນ້ຍ", "Hanoi", "Hà Nội"]], [AS], "cross-lingual: English-only")
q("lo-place-03", "ຊຸດຝຶກອົບຮົມ ດ້ານການກວດສອບພາຍໃນ ສຳລັບພະນັກງານ ອປສ 16 ຄົນ ໃນເດືອນຕຸລາ 2023 ຈັດຂຶ້ນຢູ່ໃສ?", "place",
  [["ຮ່າໂນ້ຍ", "Hà Nội", "Hanoi"]], [AU], "cross-lingual: Vietnamese-only news")
q("lo-place-04", "ການແລກປ່ຽນບົດຮຽນ ດ້ານປະກັນການຫວ່າງງານ ລະຫວ່າງ ແຂວງບໍລິຄຳໄຊ ແລະ ແຂວງກວາງບິ່ງ ຈັດຂຶ້ນຢູ່ໃສ?", "place",
  [DONGHOI], [BK, UI])

q("lo-count-01", "ຝ່າຍຫວຽດນາມ ມອບຄອມພິວເຕີ ໃຫ້ຫ້ອງການປະກັນສັງຄົມແຂວງບໍລິຄຳໄຊ ຈັກເຄື່ອງ?", "count",
  [["10 ເຄື່ອງ", "10", "10 máy tính"]], [BK, QB])
q("lo-count-02", "ຝ່າຍລາວ ໃຊ້ງົບປະມານ ຈັກລ້ານກີບ ສຳລັບຄ່າເດີນທາງ ຂອງພະນັກງານ ແຂວງບໍລິຄຳໄຊ ໃນປີ 2024?", "count",
  [["95 ລ້ານກີບ", "95"]], [BK], "Lao only (໙໕ ລ້ານກີບ)")
q("lo-count-03", "ພະນັກງານໄອທີ ຈັກຄົນ ໄດ້ຮັບການຝຶກອົບຮົມ ການນຳໃຊ້ໂປຣແກຣມ ຄຸ້ມຄອງຜູ້ປະກັນຕົນແບບສະໝັກໃຈ?", "count",
  [["24"]], [SW])
q("lo-count-04", "ກອງປະຊຸມສຳມະນາ ດ້ານການລົງທຶນກອງທຶນ ຢູ່ວຽງຈັນ ເດືອນມີນາ 2025 ໃຊ້ງົບປະມານ ຂອງ ອປສ ເທົ່າໃດ?", "count",
  [["185 ລ້ານກີບ", "LAK 185 million", "185 million"]], [FI], "cross-lingual: English-only")
q("lo-count-05", "ປະກັນສັງຄົມແຂວງກວາງບິ່ງ ຈ່າຍເງິນຊ່ວຍເຫຼືອການຫວ່າງງານ ໃຫ້ຈັກຄົນ ໃນ 6 ເດືອນຕົ້ນປີ 2025?", "count",
  [["2.340", "2340", "2,340"]], [UI], "cross-lingual: Vietnamese-only")
q("lo-count-06", "ກອງປະຊຸມ ASSA ຢູ່ຮ່າໂນ້ຍ ເດືອນກັນຍາ 2024 ມີຜູ້ແທນ ປະມານຈັກທ່ານ?", "count",
  [["150"]], [AS], "cross-lingual: English-only")

q("lo-period-01", "ຂໍ້ຕົກລົງຮ່ວມມື ລະຫວ່າງ ແຂວງບໍລິຄຳໄຊ ແລະ ແຂວງກວາງບິ່ງ ແມ່ນໄລຍະປີໃດ?", "period",
  [["2024-2026", "ໄລຍະປີ 2024-2026", "2024 – 2026"]], [BK, QB, UI])
q("lo-period-02", "ຂໍ້ຕົກລົງ ລະຫວ່າງ ແຂວງບໍລິຄຳໄຊ ແລະ ແຂວງກວາງບິ່ງ ມີຜົນສັກສິດ ຮອດເມື່ອໃດ?", "period",
  [["31/12/2026", "31 ທັນວາ 2026", "ngày 31 tháng 12 năm 2026"]], [QB], "cross-lingual: only the vi agreement gives the end date")
q("lo-period-03", "ກອງປະຊຸມ ASSA ຄັ້ງຕໍ່ໄປ ທີ່ ອປສ ເຊີນ ປະກັນສັງຄົມຫວຽດນາມ ໄປຮ່ວມ ຈະຈັດຂຶ້ນ ໃນໄລຍະໃດ?", "period",
  [["mid-2025", "ກາງປີ 2025"]], [AS], "cross-lingual: English-only")

q("lo-list-01", "ກອງປະຊຸມ ມອບ-ຮັບ ໂປຣແກຣມ ວັນທີ 14 ມັງກອນ 2025 ໄດ້ຕົກລົງ ຫຍັງແດ່?", "list",
  [["ຕິດຕັ້ງ", "40 ເຄື່ອງ"], ["ຝຶກອົບຮົມ", "24 ຄົນ"], ["ທົດລອງ", "ໄຕມາດທີ 2 ປີ 2025"], ["ທົ່ວປະເທດ", "ທ້າຍປີ 2025"]], [SW])
q("lo-list-02", "ແລ້ວ ແມ່ນແຂວງໃດແດ່ ເດ?", "list",
  [["ນະຄອນຫຼວງວຽງຈັນ", "Vientiane"], ["ບໍລິຄຳໄຊ", "Bolikhamxay"], ["ຄຳມ່ວນ", "Khammouane"], ["ຈຳປາສັກ", "Champasak"]], [SW],
  "follow-up",
  h("ໂປຣແກຣມຄຸ້ມຄອງ ຜູ້ປະກັນຕົນແບບສະໝັກໃຈ ຈະທົດລອງນຳໃຊ້ ເມື່ອໃດ?", "ໃນໄຕມາດທີ 2 ປີ 2025, ຢູ່ 4 ແຂວງ. [1]"))
q("lo-list-03", "ປະກັນສັງຄົມຫວຽດນາມ ແລະ ອປສ ໄດ້ຕົກລົງຫຍັງແດ່ ໃນກອງປະຊຸມສອງຝ່າຍ ວັນທີ 26 ກັນຍາ 2024?", "list",
  [["software", "ໂປຣແກຣມ"], ["fund investment", "ການລົງທຶນ"], ["2026-2030"], ["every six months", "ທຸກໆ 6 ເດືອນ"]], [AS],
  "cross-lingual: English-only")

q("lo-actor-01", "ໃຜເປັນຜູ້ລົງນາມ ບົດລາຍງານ ຂອງຫ້ອງການປະກັນສັງຄົມແຂວງບໍລິຄຳໄຊ ປີ 2024?", "actor",
  [["ບົວພັນ ສີລາວົງ", "Bouaphanh Silavong", "Bua-phăn Xi-la-vông"]], [BK])
q("lo-actor-02", "ໃຜນຳພາ ຄະນະຊ່ຽວຊານ ປະກັນສັງຄົມຫວຽດນາມ ໃນກອງປະຊຸມ ມອບ-ຮັບ ໂປຣແກຣມ?", "actor",
  [["ຫງວຽນ ວັນ ມິງ", "Nguyễn Văn Minh"]], [SW])
q("lo-actor-03", "ໃຜເປັນຫົວໜ້າຄະນະ ຂອງ ປະກັນສັງຄົມຫວຽດນາມ ໃນກອງປະຊຸມສອງຝ່າຍ ຢູ່ຮ່າໂນ້ຍ ເດືອນກັນຍາ 2024?", "actor",
  [["Lê Hùng Sơn", "Le Hung Son", "ເລ ຫຸ່ງ ເຊີນ"]], [AS], "cross-lingual: English-only")
q("lo-actor-04", "ໃຜເປັນຜູ້ລົງນາມ ຂໍ້ຕົກລົງ ກັບແຂວງບໍລິຄຳໄຊ ໃນນາມ ປະກັນສັງຄົມແຂວງກວາງບິ່ງ?", "actor",
  [["Hoàng Văn Thắng", "Hoang Van Thang", "ຮວາງ ວັນ ທັງ"]], [QB, UI], "cross-lingual: Vietnamese-only")

q("lo-yesno-01", "ຝ່າຍຫວຽດນາມ ໄດ້ມອບຄອມພິວເຕີ ໃຫ້ແຂວງບໍລິຄຳໄຊ ທັນຕາມກຳນົດ ບໍ?", "yesno",
  [["ແມ່ນ", "ທັນຕາມກຳນົດ"]], [BK])
q("lo-yesno-02", "ການມອບໂປຣແກຣມຄຸ້ມຄອງ ຜູ້ປະກັນຕົນແບບສະໝັກໃຈ ສຳເລັດ ພາຍໃນທ້າຍປີ 2024 ຕາມແຜນເດີມ ບໍ?", "yesno",
  [["ບໍ່", "ເລື່ອນ"], ["ມັງກອນ 2025"]], [SW])
q("lo-yesno-03", "ຊຸດຝຶກອົບຮົມ ASSA ກ່ຽວກັບຂໍ້ມູນປະກັນສັງຄົມ ທີ່ວາງແຜນໄວ້ ຢູ່ຮ່າໂນ້ຍ ເດືອນພະຈິກ 2024 ໄດ້ຈັດຂຶ້ນ ບໍ?", "yesno",
  [["ບໍ່", "cancelled", "ຍົກເລີກ"]], [AS], "cross-lingual: English-only")

q("lo-status-01", "ການແລກປ່ຽນບົດຮຽນ ດ້ານປະກັນການຫວ່າງງານ ທີ່ວາງແຜນໄວ້ ໃນໄຕມາດທີ 4 ປີ 2024 ເປັນແນວໃດ?", "status",
  [["ເລື່ອນ", "postponed", "lùi"], ["ໄຕມາດທີ 2 ປີ 2025"]], [BK])
q("lo-status-02", "ການຝຶກອົບຮົມ ຜູ້ໃຊ້ງານ ຢູ່ແຂວງຈຳປາສັກ ໃນເດືອນ ກຸມພາ 2025 ເປັນແນວໃດ?", "status",
  [["ຍົກເລີກ"]], [SW])
q("lo-status-03", "ຮ່າງຄູ່ມືການລົງທຶນ ຂອງ ອປສ ຢູ່ໃນສະຖານະໃດ ຕາມບົດລາຍງານ ເດືອນມີນາ 2025?", "status",
  [["Planned", "ວາງແຜນ"], ["by mid-2025", "mid-2025", "ກາງປີ 2025"]], [FI], "cross-lingual: English-only (table)")

q("lo-event-01", "ວັນທີ 14 ມັງກອນ 2025 ຢູ່ສຳນັກງານໃຫຍ່ ອປສ ມີເຫດການຫຍັງ?", "event",
  [["ມອບ-ຮັບ", "ມອບ"], ["ໂປຣແກຣມ"]], [SW])
q("lo-event-02", "ວັນທີ 16 ມິຖຸນາ 2025 ຢູ່ນະຄອນດົງໂຮ້ຍ ມີກິດຈະກຳຫຍັງ ລະຫວ່າງ ແຂວງກວາງບິ່ງ ແລະ ແຂວງບໍລິຄຳໄຊ?", "event",
  [["bảo hiểm thất nghiệp", "ປະກັນການຫວ່າງງານ"], ["trao đổi kinh nghiệm", "ແລກປ່ຽນບົດຮຽນ"]], [UI], "cross-lingual: Vietnamese-only")
q("lo-event-03", "ໃນເດືອນຕຸລາ 2023 ພະນັກງານ ອປສ 16 ຄົນ ໄປເຂົ້າຮ່ວມຫຍັງ ຢູ່ຮ່າໂນ້ຍ?", "event",
  [["kiểm toán nội bộ", "ການກວດສອບພາຍໃນ"], ["tập huấn", "ຝຶກອົບຮົມ"]], [AU], "cross-lingual: Vietnamese-only")

# ------------------------------------------------------------------------------------------ en
q("en-date-01", "When did Quảng Bình Provincial Social Security and Bolikhamxay province sign their cooperation agreement?", "date",
  [["5 July 2024", "5/7/2024", "July 5, 2024", "ngày 5 tháng 7 năm 2024", "ວັນທີ 5 ເດືອນ ກໍລະກົດ 2024"]], [QB, BK, UI],
  "cross-lingual: the full date is in the vi and lo documents (the en news says only 'July 2024')")
q("en-date-02", "When was the workshop on social insurance fund investment held in Vientiane?", "date",
  [["11-13 March 2025", "11 to 13 March 2025", "11–13 March 2025"]], [FI])
q("en-date-03", "When did the Vietnamese side hand over the computers and printers to the Bolikhamxay Social Security Office?", "date",
  [["18 September 2024", "18/9/2024", "18 ກັນຍາ 2024", "September 18, 2024"]], [BK], "cross-lingual: Lao-only")
q("en-date-04", "When were the 24 IT staff trained on the voluntary social insurance software?", "date",
  [["15"], ["17 ມັງກອນ 2025", "17 January 2025", "17/1/2025"]], [SW], "cross-lingual: Lao-only (15-17 January 2025)")
q("en-date-05", "And when was the ASSA Board Meeting itself held?", "date",
  [["24 to 26 September 2024", "24-26 September 2024", "24–26 September 2024"]], [AS], "follow-up",
  h("What did the VSS and LSSO leaders agree about a new memorandum when they met in Hanoi in September 2024?",
    "To start preparing a new memorandum for 2026-2030, to be signed in the fourth quarter of 2025. [1]"))

q("en-place-01", "Where did VSS and LSSO hold the workshop on social insurance fund investment in March 2025?", "place",
  [["Vientiane"]], [FI])
q("en-place-02", "Where was the cooperation agreement between Quảng Bình and Bolikhamxay signed?", "place",
  [PAKSAN], [QB, BK], "cross-lingual: vi agreement and lo report")
q("en-place-03", "And which hospital did the trainees visit?", "place",
  [["Đức Giang", "Duc Giang"]], [AU], "follow-up; cross-lingual: Vietnamese-only",
  h("When was the internal audit training course for LSSO officials held in 2023?",
    "From 2 to 6 October 2023, at the VSS headquarters in Hanoi, for 16 LSSO officials. [1]"))
q("en-place-04", "And where?", "place",
  [["Hanoi", "Hà Nội"]], [AS], "follow-up",
  h("When did VSS and LSSO leaders hold their bilateral meeting on the sidelines of the ASSA Board Meeting?", "On 26 September 2024. [1]"))

q("en-count-01", "How many participants attended the fund investment workshop in Vientiane?", "count",
  [["46"]], [FI])
q("en-count-02", "About how many delegates attended the ASSA Board Meeting in Hanoi in September 2024?", "count",
  [["150"]], [AS])
q("en-count-03", "On how many computers was the voluntary social insurance software installed?", "count",
  [["40"]], [SW], "cross-lingual: Lao-only")
q("en-count-04", "How many farmers in Bolikhamxay had joined voluntary social insurance by the end of 2023?", "count",
  [["210"]], [BK], "cross-lingual: Lao-only (໒໑໐ ຄົນ)")
q("en-count-05", "How much money did Quảng Bình Provincial Social Security set aside for the 2024 and 2025 activities with Bolikhamxay?", "count",
  [["480 triệu đồng", "VND 480 million", "480 million"]], [QB], "cross-lingual: Vietnamese-only")
q("en-count-06", "How many trainers from Quảng Bình taught the Bolikhamxay staff in August 2024?", "count",
  [["5 ທ່ານ", "5", "five"]], [BK], "cross-lingual: Lao-only (ວິທະຍາກອນ ໕ ທ່ານ)")
q("en-count-07", "How many LSSO officials are to go on the study visit to VSS planned for the third quarter of 2025?", "count",
  [["5"]], [FI])

q("en-count-08", "Which meeting of the VSS and LSSO leaders in 2024 was the bilateral meeting held in Hanoi in September?", "count",
  [["second meeting", "the second"]], [AS], "ordinal; the first was held online in March")

q("en-period-01", "What period does the memorandum reviewed by the VSS and LSSO leaders in Hanoi in September 2024 cover?", "period",
  [["2022-2025", "2022 – 2025", "2022–2025"]], [AS, MOU_EN])
q("en-period-02", "Until when is the Quảng Bình – Bolikhamxay cooperation agreement valid?", "period",
  [["31/12/2026", "31 December 2026", "December 31, 2026", "end of 2026"]], [QB], "cross-lingual: Vietnamese-only")
q("en-period-03", "In which quarter is the pilot of the voluntary social insurance software in 4 Lao provinces planned?", "period",
  [["ໄຕມາດທີ 2 ປີ 2025", "second quarter of 2025", "Q2 2025", "Q2/2025"]], [SW], "cross-lingual: Lao-only")

q("en-list-01", "What topics did the fund investment workshop in Vientiane cover?", "list",
  [["legal framework"], ["government bonds", "bank deposits"], ["risk management", "investment committee"], ["reporting", "accounting"]], [FI])
q("en-list-02", "What did VSS and LSSO agree at their bilateral meeting of 26 September 2024?", "list",
  [["software", "voluntary social insurance members"], ["fund investment"], ["2026-2030"], ["every six months", "cooperation agreements between"]], [AS])
q("en-list-03", "What are the cooperation activities of the Quảng Bình – Bolikhamxay agreement?", "list",
  [["tập huấn", "training", "15 cán bộ"], ["10 máy tính", "computers", "máy in"], ["bảo hiểm thất nghiệp", "unemployment insurance"], ["kiểm toán nội bộ", "internal audit"]], [QB],
  "cross-lingual: Vietnamese-only")

q("en-actor-01", "Who led the VSS side at the bilateral meeting with LSSO in Hanoi in September 2024?", "actor",
  [["Lê Hùng Sơn", "Le Hung Son"]], [AS])
q("en-actor-02", "Who prepared the report on the fund investment workshop?", "actor",
  [["Khamla Sengdara"]], [FI])
q("en-actor-03", "Who led the Lao delegation at the internal audit training in Hanoi in October 2023?", "actor",
  [["Bun-lọt Văn-na-xỉn", "Bounlot Vannasin", "Bun-lọt"]], [AU], "cross-lingual: Vietnamese-only")
q("en-actor-04", "Who headed the Lao side at the software handover meeting in January 2025?", "actor",
  [["ແສງເພັດ ດວງຈັນ", "Sengphet Douangchanh"]], [SW], "cross-lingual: Lao-only")

q("en-yesno-01", "Did LSSO visit the Hanoi Stock Exchange as planned after the fund investment workshop?", "yesno",
  [["No", "cancelled"]], [FI])
q("en-yesno-02", "Did the Vietnamese side deliver the computers to Bolikhamxay on time?", "yesno",
  [["Yes", "ທັນຕາມກຳນົດ", "on time"]], [BK], "cross-lingual: Lao-only")
q("en-yesno-03", "Was the software handover completed by the end of 2024 as first planned?", "yesno",
  [["No", "ເລື່ອນ", "postponed"], ["ມັງກອນ 2025", "January 2025"]], [SW], "cross-lingual: Lao-only")
q("en-yesno-04", "Did the Bolikhamxay delegation visit Phong Nha – Kẻ Bàng National Park in June 2025?", "yesno",
  [["No", "hủy", "cancelled"]], [UI], "cross-lingual: Vietnamese-only")

q("en-status-01", "What is the status of the second workshop, on investment reporting, that was planned for the fourth quarter of 2025?", "status",
  [["Postponed to 2026", "postponed"], ["2026"]], [FI])
q("en-status-02", "What happened to the user training in Champasak planned for February 2025?", "status",
  [["cancelled", "ຍົກເລີກ"]], [SW], "cross-lingual: Lao-only")
q("en-status-03", "Has the 2026-2030 memorandum between VSS and the Lao side been signed?", "status",
  [["fourth quarter of 2025", "quý IV/2025", "Q4 2025"]], [AS, FX_MOU],
  "planned for the fourth quarter of 2025 (en news 2024, vi fixture 2025-09-18); no document reports the signing")

q("en-event-01", "What happened between VSS and LSSO in Hanoi on 26 September 2024?", "event",
  [["bilateral meeting"], ["ASSA"]], [AS])
q("en-event-02", "What took place on 14 January 2025 at LSSO headquarters in Vientiane?", "event",
  [["handover", "ມອບ-ຮັບ", "ມອບ"], ["software", "ໂປຣແກຣມ"]], [SW], "cross-lingual: Lao-only")
q("en-event-03", "What was held in Đồng Hới on 16 June 2025 between Quảng Bình and Bolikhamxay?", "event",
  [["unemployment insurance", "bảo hiểm thất nghiệp"], ["exchange", "trao đổi kinh nghiệm"]], [UI], "cross-lingual: Vietnamese-only")

# ------------------------------------------------------------------------------ out of record
oor("vi-oor-01", "Thỏa thuận hợp tác giữa BHXH tỉnh Quảng Bình và tỉnh Khăm Muộn được ký ngày nào?", "date", "place", "Quảng Bình – Khammouane agreement",
    "Quảng Bình's partner is Bô-ly-khăm-xay; Khăm Muộn's is Hà Tĩnh")
oor("vi-oor-02", "Tỷ lệ đóng BHXH tự nguyện của nông dân tỉnh Bô-ly-khăm-xay là bao nhiêu phần trăm?", "count", "figure", "voluntary contribution rate in Bolikhamxay")
oor("vi-oor-03", "Thỏa thuận Quảng Bình – Bô-ly-khăm-xay bố trí bao nhiêu kinh phí cho các hoạt động năm 2026?", "count", "period", "budget for 2026",
    "the record gives 480 triệu đồng for 2024 and 2025 only")
oor("vi-oor-04", "BHXH Việt Nam có tổ chức hội thảo về đầu tư quỹ BHXH với Campuchia không?", "yesno", "country", "Cambodia")
oor("vi-oor-05", "Hội nghị sơ kết lần thứ nhất Thỏa thuận Quảng Bình – Bô-ly-khăm-xay tại Pắc-xan tháng 12/2025 đã thống nhất những gì?", "list", "event", "first review of the Quảng Bình – Bolikhamxay agreement held",
    "planned in the June 2025 news; no later document")
oor("vi-oor-06", "Tại hội thảo đầu tư quỹ ở Viêng Chăn, lợi suất đầu tư quỹ BHXH của Lào năm 2024 được báo cáo là bao nhiêu?", "count", "figure", "investment yield of the Lao fund in 2024")
oor("vi-oor-07", "BHXH tỉnh Hà Tĩnh đã trao tặng tỉnh Bô-ly-khăm-xay bao nhiêu máy in?", "count", "organization", "Hà Tĩnh gift to Bolikhamxay",
    "the printers came from Quảng Bình")
oor("vi-oor-08", "Khoa tap huan kiem toan noi bo cho can bo Lao nam 2023 co bao nhieu giang vien?", "count", "figure", "number of trainers of the audit course",
    "no tone marks")
oor("vi-oor-09", "Bộ phận đó đã được thành lập chưa?", "yesno", "event", "LSSO internal audit unit established",
    "follow-up; planned for 2024 in the October 2023 news; no later document",
    h("Cơ quan BHXH quốc gia Lào dự kiến thành lập bộ phận kiểm toán nội bộ khi nào?",
      "Trong năm 2024, tại văn phòng trung ương (theo tin về khóa tập huấn tháng 10/2023). [1]"))
oor("vi-oor-10", "Còn với Thái Lan thì gặp ở đâu?", "place", "country", "Thailand", "follow-up",
    h("BHXH Việt Nam và Cơ quan BHXH quốc gia Lào gặp song phương bên lề Hội nghị ASSA năm 2024 ở đâu?", "Tại Hà Nội, ngày 26/9/2024. [1]"))
oor("vi-oor-11", "Trung tâm Dịch vụ việc làm tỉnh Bô-ly-khăm-xay chi trả trợ cấp thất nghiệp cho bao nhiêu người trong 6 tháng đầu năm 2025?", "count", "organization", "unemployment benefits paid in Bolikhamxay",
    "the record's figure (2.340) is Quảng Bình's")

oor("lo-oor-01", "ປະກັນສັງຄົມຫວຽດນາມ ໄດ້ມອບໂປຣແກຣມຄຸ້ມຄອງ ຜູ້ປະກັນຕົນແບບສະໝັກໃຈ ໃຫ້ ກຳປູເຈຍ ເມື່ອໃດ?", "date", "country", "Cambodia")
oor("lo-oor-02", "ໂປຣແກຣມຄຸ້ມຄອງ ຜູ້ປະກັນຕົນແບບສະໝັກໃຈ ໄດ້ຕິດຕັ້ງ ຢູ່ແຂວງສະຫວັນນະເຂດ ຈັກເຄື່ອງ?", "count", "place", "software installed in Savannakhet",
    "the 4 provinces are Vientiane Capital, Bolikhamxay, Khammouane and Champasak")
oor("lo-oor-03", "ອັດຕາເງິນສົມທົບ ປະກັນການຫວ່າງງານ ຢູ່ຫວຽດນາມ ແມ່ນຈັກເປີເຊັນ?", "count", "figure", "unemployment insurance contribution rate")
oor("lo-oor-04", "ປະກັນສັງຄົມແຂວງເງ້ອານ ໄດ້ມອບຄອມພິວເຕີ 10 ເຄື່ອງ ແລະ ເຄື່ອງພິມ 2 ເຄື່ອງ ໃຫ້ແຂວງບໍລິຄຳໄຊ ເມື່ອໃດ?", "date", "organization", "Nghệ An gift to Bolikhamxay",
    "the gift came from Quảng Bình")
oor("lo-oor-05", "ຝ່າຍລາວ ໃຊ້ງົບປະມານ ຈັກລ້ານກີບ ສຳລັບຄ່າເດີນທາງ ຂອງພະນັກງານ ແຂວງບໍລິຄຳໄຊ ໃນປີ 2025?", "count", "period", "Bolikhamxay travel budget for 2025",
    "the record gives 95 million kip for 2024 only")
oor("lo-oor-06", "ກອງປະຊຸມສຳມະນາ ຄັ້ງທີ 2 ກ່ຽວກັບການລາຍງານການລົງທຶນ ໄດ້ຈັດຂຶ້ນ ຢູ່ໃສ?", "place", "event", "second investment workshop held",
    "postponed to 2026 in the March 2025 report; no later document")
oor("lo-oor-07", "ທະນາຄານແຫ່ງ ສປປ ລາວ ສົ່ງພະນັກງານ ຈັກຄົນ ເຂົ້າຮ່ວມ ການຝຶກອົບຮົມ ການກວດສອບພາຍໃນ ຢູ່ຮ່າໂນ້ຍ ປີ 2023?", "count", "organization", "Bank of the Lao PDR at the audit course",
    "the Bank of the Lao PDR sent 8 officials to the 2025 fund investment workshop, not to the audit course")
oor("lo-oor-08", "ແລ້ວ ຢູ່ແຂວງຄຳມ່ວນ ເດ?", "count", "place", "Quảng Bình experts to Khammouane", "follow-up",
    h("ປະກັນສັງຄົມແຂວງກວາງບິ່ງ ຈະສົ່ງຊ່ຽວຊານ ຈັກທ່ານ ໄປຊ່ວຍສ້າງລະບຽບການກວດສອບພາຍໃນ ຢູ່ປາກຊັນ?",
      "2 ທ່ານ, ໃນໄຕມາດທີ 3 ປີ 2025 (ຂ່າວ ວັນທີ 16/6/2025). [1]"))
oor("lo-oor-09", "ຄ່າໃຊ້ຈ່າຍ ຂອງຊ່ຽວຊານ 3 ທ່ານ ຂອງ ປະກັນສັງຄົມຫວຽດນາມ ທີ່ມາຕິດຕັ້ງໂປຣແກຣມ ແມ່ນເທົ່າໃດ?", "count", "figure", "cost of the 3 VSS experts",
    "the minutes say the software was free and the server cost 320 million kip; no cost of the experts")
oor("lo-oor-10", "ໂປຣແກຣມຄຸ້ມຄອງ ຜູ້ປະກັນຕົນແບບສະໝັກໃຈ ໄດ້ຂະຫຍາຍການນຳໃຊ້ ທົ່ວປະເທດ ແລ້ວ ບໍ?", "yesno", "event", "nationwide roll-out done",
    "planned for the end of 2025; no later document")

oor("en-oor-01", "Did LSSO hold a workshop on fund investment with Thailand's Social Security Office?", "yesno", "country", "Thailand")
oor("en-oor-02", "What rate of return did LSSO earn on its government bonds, according to the fund investment workshop report?", "count", "figure", "return on government bonds")
oor("en-oor-03", "How much did VSS spend on the travel of its delegation to the Vientiane fund investment workshop?", "count", "figure", "VSS travel cost",
    "the report says VSS covered its travel, without a figure")
oor("en-oor-04", "Which ASSA member organisations attended the joint ASSA training course on social security data in Hanoi in November 2024?", "list", "event", "ASSA data training course held",
    "cancelled by the ASSA secretariat")
oor("en-oor-05", "When did Quảng Trị Provincial Social Security sign a cooperation agreement with Bolikhamxay province?", "date", "organization", "Quảng Trị – Bolikhamxay agreement")
oor("en-oor-06", "How many farmers in Bolikhamxay had joined voluntary social insurance by the end of 2022?", "count", "period", "Bolikhamxay farmers end of 2022",
    "the record gives end 2023 (210), end 2024 (475) and May 2025 (612)")
oor("en-oor-07", "What were the results of the study visit of 5 LSSO officials to VSS on fund investment in the third quarter of 2025?", "event", "event", "fund investment study visit held",
    "planned in the March 2025 report; no later document")
oor("en-oor-08", "Who represented the Lao Ministry of Labour and Social Welfare at the software handover meeting of 14 January 2025?", "actor", "organization", "Ministry of Labour and Social Welfare at the handover")
oor("en-oor-09", "And how many came from Cambodia?", "count", "country", "Cambodia", "follow-up",
    h("How many participants attended the fund investment workshop in Vientiane?",
      "46: 38 officials of LSSO and 8 officials of the Bank of the Lao PDR. [1]"))
oor("en-oor-10", "Has LSSO adopted its investment guideline?", "yesno", "event", "investment guideline adopted",
    "drafting planned by mid-2025; no later document")
oor("en-oor-11", "When did Quảng Bình Provincial Social Security hold its unemployment insurance exchange in Paksan?", "date", "place", "unemployment insurance exchange in Paksan",
    "the exchange was held in Đồng Hới; Paksan is only planned for the first review and the audit experts")


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
