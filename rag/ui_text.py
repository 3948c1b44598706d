"""Every string of the Streamlit app, in Vietnamese (default), Lao and English, in one place.

``t(key, lang, **fields)`` returns the string for the interface language, falling back to
Vietnamese and then to the key itself, so a missing translation never breaks the app.
``localize_reason`` turns the ingest pipeline's plain-English failure reasons into the
interface language (the English original is kept for anything it does not recognise).
"""
from __future__ import annotations

import re

UI_LANGS = ("vi", "lo", "en")
DEFAULT_UI_LANG = "vi"

# The language selector shows each language in its own script.
UI_LANG_NAMES = {"vi": "Tiếng Việt", "lo": "ພາສາລາວ", "en": "English"}

TEXT: dict[str, dict[str, str]] = {
    # --- app frame -----------------------------------------------------------------------
    "app_title": {
        "vi": "Trợ lý hồ sơ hợp tác BHXH Việt Nam – Lào",
        "lo": "ຜູ້ຊ່ວຍເອກະສານການຮ່ວມມື ປະກັນສັງຄົມ ຫວຽດນາມ – ລາວ",
        "en": "VSS – Laos cooperation record assistant",
    },
    "app_caption": {
        "vi": "Hỏi về hồ sơ hợp tác giữa BHXH Việt Nam và Lào; mỗi câu trả lời dẫn đến đúng đoạn văn nguồn.",
        "lo": "ຖາມກ່ຽວກັບເອກະສານການຮ່ວມມືລະຫວ່າງ ປະກັນສັງຄົມຫວຽດນາມ ແລະ ລາວ; ທຸກຄຳຕອບອ້າງອີງເຖິງຂໍ້ຄວາມຕົ້ນສະບັບ.",
        "en": "Ask about the cooperation record of Vietnam Social Security and Laos; every answer cites its passage.",
    },
    "ui_language": {"vi": "Ngôn ngữ giao diện", "lo": "ພາສາຂອງໜ້າຈໍ", "en": "Interface language"},
    "page": {"vi": "Trang", "lo": "ໜ້າ", "en": "Page"},
    "page_chat": {"vi": "Hỏi đáp", "lo": "ຖາມ-ຕອບ", "en": "Chat"},
    "page_add": {"vi": "Thêm tài liệu", "lo": "ເພີ່ມເອກະສານ", "en": "Add documents"},
    "page_corpus": {"vi": "Kho tài liệu", "lo": "ຄັງເອກະສານ", "en": "Corpus"},
    "page_briefing": {"vi": "Bản tóm tắt", "lo": "ບົດສະຫຼຸບ", "en": "Briefing"},
    "page_agreements": {
        "vi": "Thỏa thuận & hoạt động",
        "lo": "ຂໍ້ຕົກລົງ ແລະ ກິດຈະກຳ",
        "en": "Agreements & activities",
    },
    "loading": {
        "vi": "Đang tải mô hình và kho tài liệu (lần đầu có thể mất một phút)…",
        "lo": "ກຳລັງໂຫຼດແບບຈຳລອງ ແລະ ຄັງເອກະສານ (ຄັ້ງທຳອິດອາດໃຊ້ເວລາໜຶ່ງນາທີ)…",
        "en": "Loading the model and the corpus (the first start can take a minute)…",
    },
    "startup_error": {
        "vi": "Ứng dụng không khởi động được với cấu hình hiện tại:",
        "lo": "ແອັບບໍ່ສາມາດເລີ່ມຕົ້ນໄດ້ດ້ວຍການຕັ້ງຄ່າປັດຈຸບັນ:",
        "en": "The app cannot start with the current settings:",
    },
    "seeded": {
        "vi": "Kho đang trống: đã nạp bộ tài liệu kèm theo ({n} tài liệu).",
        "lo": "ຄັງຫວ່າງເປົ່າ: ໄດ້ນຳເຂົ້າເອກະສານທີ່ມາພ້ອມແອັບແລ້ວ ({n} ເອກະສານ).",
        "en": "The store was empty: the bundled corpus was added ({n} documents).",
    },
    "store_line": {
        "vi": "{docs} tài liệu · {passages} đoạn",
        "lo": "{docs} ເອກະສານ · {passages} ຂໍ້ຄວາມ",
        "en": "{docs} documents · {passages} passages",
    },
    # --- sidebar: filters ----------------------------------------------------------------
    "filters": {"vi": "Bộ lọc tìm kiếm", "lo": "ຕົວກອງການຄົ້ນຫາ", "en": "Search filters"},
    "filters_help": {
        "vi": "Bộ lọc áp dụng ngay khi tìm đoạn văn, không chỉ khi hiển thị.",
        "lo": "ຕົວກອງຖືກນຳໃຊ້ໃນເວລາຄົ້ນຫາຂໍ້ຄວາມ, ບໍ່ແມ່ນພຽງແຕ່ການສະແດງຜົນ.",
        "en": "Filters apply to the search itself, not only to what is shown.",
    },
    "filter_langs": {"vi": "Ngôn ngữ của đoạn văn", "lo": "ພາສາຂອງຂໍ້ຄວາມ", "en": "Passage languages"},
    "filter_docs": {"vi": "Tài liệu", "lo": "ເອກະສານ", "en": "Documents"},
    "filter_all": {"vi": "Tất cả", "lo": "ທັງໝົດ", "en": "All"},
    "filter_dates": {"vi": "Lọc theo thời gian", "lo": "ກອງຕາມວັນທີ", "en": "Filter by date"},
    "date_from": {"vi": "Từ ngày", "lo": "ແຕ່ວັນທີ", "en": "From"},
    "date_to": {"vi": "Đến ngày", "lo": "ຫາວັນທີ", "en": "To"},
    "dates_reversed": {
        "vi": "“Từ ngày” đứng sau “Đến ngày”: không có tài liệu nào khớp.",
        "lo": "“ແຕ່ວັນທີ” ຢູ່ຫຼັງ “ຫາວັນທີ”: ບໍ່ມີເອກະສານໃດກົງກັນ.",
        "en": "“From” is after “To”: no document can match.",
    },
    "filters_active": {
        "vi": "Đang lọc: {what}",
        "lo": "ກຳລັງກອງ: {what}",
        "en": "Filtered: {what}",
    },
    "new_chat": {"vi": "Cuộc trò chuyện mới", "lo": "ເລີ່ມການສົນທະນາໃໝ່", "en": "New conversation"},
    # --- chat ----------------------------------------------------------------------------
    "chat_placeholder": {
        "vi": "Đặt câu hỏi về hợp tác BHXH Việt Nam – Lào…",
        "lo": "ຖາມກ່ຽວກັບການຮ່ວມມື ປະກັນສັງຄົມ ຫວຽດນາມ – ລາວ…",
        "en": "Ask about VSS – Laos cooperation…",
    },
    "chat_intro": {
        "vi": "Hỏi bằng tiếng Việt, tiếng Lào hoặc tiếng Anh. Ví dụ:",
        "lo": "ຖາມເປັນພາສາຫວຽດນາມ, ພາສາລາວ ຫຼື ພາສາອັງກິດ. ຕົວຢ່າງ:",
        "en": "Ask in Vietnamese, Lao or English. For example:",
    },
    "chat_examples": {
        "vi": "Bản ghi nhớ giai đoạn 2022-2025 được ký khi nào?\nHai bên sẽ chia sẻ kinh nghiệm về những lĩnh vực nào?",
        "lo": "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ໄລຍະ 2022-2025 ລົງນາມເມື່ອໃດ?\nສອງຝ່າຍຈະແລກປ່ຽນປະສົບການໃນຂົງເຂດໃດແດ່?",
        "en": "When was the 2022-2025 memorandum of understanding signed?\nIn which areas will the two sides share experience?",
    },
    "searching": {"vi": "Đang tìm trong hồ sơ…", "lo": "ກຳລັງຊອກຫາໃນເອກະສານ…", "en": "Searching the record…"},
    "understood_as": {"vi": "Hiểu câu hỏi là: {q}", "lo": "ເຂົ້າໃຈຄຳຖາມວ່າ: {q}", "en": "Understood as: {q}"},
    "answered_by": {"vi": "Trả lời bởi: {backend}", "lo": "ຕອບໂດຍ: {backend}", "en": "Answered by: {backend}"},
    "timing": {"vi": "{s:.1f} giây", "lo": "{s:.1f} ວິນາທີ", "en": "{s:.1f} s"},
    "backend_extractive": {
        "vi": "trích xuất (không dùng mô hình ngôn ngữ)",
        "lo": "ສະກັດຂໍ້ຄວາມ (ບໍ່ໃຊ້ແບບຈຳລອງພາສາ)",
        "en": "extractive (no language model)",
    },
    "backend_llamacpp": {
        "vi": "mô hình ngôn ngữ cục bộ (llama.cpp)",
        "lo": "ແບບຈຳລອງພາສາໃນເຄື່ອງ (llama.cpp)",
        "en": "local language model (llama.cpp)",
    },
    "backend_openai": {
        "vi": "máy chủ mô hình tương thích OpenAI",
        "lo": "ເຊີບເວີແບບຈຳລອງທີ່ເຂົ້າກັນໄດ້ກັບ OpenAI",
        "en": "OpenAI-compatible model server",
    },
    "backend_ollama": {"vi": "máy chủ Ollama", "lo": "ເຊີບເວີ Ollama", "en": "Ollama server"},
    "fallback": {
        "vi": "Câu trả lời của {model} không qua được bước kiểm tra nguồn, nên đây là câu trả lời trích xuất.",
        "lo": "ຄຳຕອບຂອງ {model} ບໍ່ຜ່ານການກວດສອບແຫຼ່ງອ້າງອີງ, ສະນັ້ນນີ້ແມ່ນຄຳຕອບແບບສະກັດຂໍ້ຄວາມ.",
        "en": "{model}'s answer failed the source checks, so this is the extractive answer.",
    },
    "sources": {"vi": "Nguồn", "lo": "ແຫຼ່ງອ້າງອີງ", "en": "Sources"},
    "refused": {"vi": "Không có câu trả lời trong hồ sơ", "lo": "ບໍ່ມີຄຳຕອບໃນເອກະສານ", "en": "Not answered by the record"},
    "closest": {
        "vi": "Các đoạn gần nhất (không đủ để trả lời)",
        "lo": "ຂໍ້ຄວາມທີ່ໃກ້ຄຽງທີ່ສຸດ (ບໍ່ພຽງພໍທີ່ຈະຕອບ)",
        "en": "Closest passages (not enough to answer)",
    },
    "unsupported": {
        "vi": "Câu đã bị loại vì không có đoạn nguồn hỗ trợ",
        "lo": "ປະໂຫຍກທີ່ຖືກຕັດອອກ ເພາະບໍ່ມີຂໍ້ຄວາມຕົ້ນສະບັບຮອງຮັບ",
        "en": "Sentences removed because no passage supports them",
    },
    "answer_error": {
        "vi": "Không trả lời được câu hỏi do lỗi: {error}",
        "lo": "ບໍ່ສາມາດຕອບຄຳຖາມໄດ້ ເນື່ອງຈາກຂໍ້ຜິດພາດ: {error}",
        "en": "The question could not be answered because of an error: {error}",
    },
    "empty_store": {
        "vi": "Kho tài liệu đang trống. Hãy thêm tài liệu ở trang “Thêm tài liệu”.",
        "lo": "ຄັງເອກະສານຫວ່າງເປົ່າ. ກະລຸນາເພີ່ມເອກະສານຢູ່ໜ້າ “ເພີ່ມເອກະສານ”.",
        "en": "The corpus is empty. Add documents on the “Add documents” page.",
    },
    # --- citation cards ------------------------------------------------------------------
    "official": {"vi": "bản chính thức", "lo": "ສະບັບທາງການ", "en": "official"},
    "working": {"vi": "bản dịch tham khảo", "lo": "ສະບັບແປເພື່ອອ້າງອີງ", "en": "working translation"},
    "page_n": {"vi": "trang {page}", "lo": "ໜ້າ {page}", "en": "page {page}"},
    "no_date": {"vi": "không rõ ngày", "lo": "ບໍ່ລະບຸວັນທີ", "en": "undated"},
    "other_versions": {
        "vi": "Bản ngôn ngữ khác của đoạn này",
        "lo": "ຂໍ້ຄວາມນີ້ໃນພາສາອື່ນ",
        "en": "This passage in other languages",
    },
    "version_label": {"vi": "{lang} — {status}", "lo": "{lang} — {status}", "en": "{lang} — {status}"},
    "relevance": {"vi": "độ liên quan {sim:.2f}", "lo": "ຄວາມກ່ຽວຂ້ອງ {sim:.2f}", "en": "relevance {sim:.2f}"},
    # --- languages and kinds -------------------------------------------------------------
    "lang_vi": {"vi": "Tiếng Việt", "lo": "ພາສາຫວຽດນາມ", "en": "Vietnamese"},
    "lang_lo": {"vi": "Tiếng Lào", "lo": "ພາສາລາວ", "en": "Lao"},
    "lang_en": {"vi": "Tiếng Anh", "lo": "ພາສາອັງກິດ", "en": "English"},
    "lang_und": {"vi": "Chưa xác định", "lo": "ບໍ່ຮູ້ພາສາ", "en": "Undetermined"},
    "kind_mou": {"vi": "Biên bản ghi nhớ", "lo": "ບົດບັນທຶກຄວາມເຂົ້າໃຈ", "en": "MoU"},
    "kind_minutes": {"vi": "Biên bản họp", "lo": "ບົດບັນທຶກກອງປະຊຸມ", "en": "Minutes"},
    "kind_report": {"vi": "Báo cáo", "lo": "ບົດລາຍງານ", "en": "Report"},
    "kind_news": {"vi": "Tin tức", "lo": "ຂ່າວ", "en": "News"},
    "kind_other": {"vi": "Khác", "lo": "ອື່ນໆ", "en": "Other"},
    # --- add documents -------------------------------------------------------------------
    "add_title": {"vi": "Thêm tài liệu", "lo": "ເພີ່ມເອກະສານ", "en": "Add documents"},
    "add_intro": {
        "vi": "Tải lên một hoặc nhiều tệp (PDF, DOCX, HTML, TXT, MD), kiểm tra thông tin của từng tệp rồi bấm “Thêm vào kho”. "
              "Tài liệu mới có thể được hỏi ngay, không cần khởi động lại.",
        "lo": "ອັບໂຫຼດໜຶ່ງ ຫຼື ຫຼາຍໄຟລ໌ (PDF, DOCX, HTML, TXT, MD), ກວດສອບຂໍ້ມູນຂອງແຕ່ລະໄຟລ໌ ແລ້ວກົດ “ເພີ່ມເຂົ້າຄັງ”. "
              "ສາມາດຖາມກ່ຽວກັບເອກະສານໃໝ່ໄດ້ທັນທີ ໂດຍບໍ່ຕ້ອງເປີດແອັບຄືນໃໝ່.",
        "en": "Upload one or several files (PDF, DOCX, HTML, TXT, MD), check each file's details, then press “Add to the corpus”. "
              "A new document can be asked about at once, without restarting.",
    },
    "limit_explained": {
        "vi": "Mỗi tệp tối đa {mb} MB. Giới hạn này giữ cho việc xử lý trên máy chủ nhỏ nhanh và ổn định; "
              "tệp lớn hơn hãy tách thành nhiều phần. PDF scan (ảnh chụp) phải được nhận dạng chữ (OCR) trước. "
              "Quản trị viên đổi giới hạn bằng RAG_MAX_UPLOAD_MB và server.maxUploadSize.",
        "lo": "ແຕ່ລະໄຟລ໌ບໍ່ເກີນ {mb} MB. ຂອບເຂດນີ້ຮັກສາໃຫ້ການປະມວນຜົນໃນເຊີບເວີນ້ອຍໄວ ແລະ ໝັ້ນຄົງ; "
              "ໄຟລ໌ທີ່ໃຫຍ່ກວ່າໃຫ້ແບ່ງເປັນຫຼາຍສ່ວນ. PDF ທີ່ສະແກນ (ຮູບພາບ) ຕ້ອງຜ່ານການອ່ານຕົວອັກສອນ (OCR) ກ່ອນ. "
              "ຜູ້ດູແລລະບົບປ່ຽນຂອບເຂດໄດ້ດ້ວຍ RAG_MAX_UPLOAD_MB ແລະ server.maxUploadSize.",
        "en": "Each file can be up to {mb} MB. The limit keeps processing on a small server fast and stable; "
              "split a larger file into parts. A scanned PDF (images only) needs OCR first. "
              "Administrators change the limit with RAG_MAX_UPLOAD_MB and server.maxUploadSize.",
    },
    "uploader": {"vi": "Chọn tệp", "lo": "ເລືອກໄຟລ໌", "en": "Choose files"},
    "file_too_big": {
        "vi": "{name}: tệp nặng {size:.1f} MB, vượt giới hạn {mb} MB. Tệp này không được thêm; kho tài liệu không thay đổi.",
        "lo": "{name}: ໄຟລ໌ມີຂະໜາດ {size:.1f} MB, ເກີນຂອບເຂດ {mb} MB. ໄຟລ໌ນີ້ບໍ່ຖືກເພີ່ມ; ຄັງເອກະສານບໍ່ມີການປ່ຽນແປງ.",
        "en": "{name}: the file is {size:.1f} MB, over the {mb} MB limit. It was not added; the corpus is unchanged.",
    },
    "file_bad_type": {
        "vi": "{name}: không đọc được loại tệp “{ext}”. Chỉ nhận PDF, DOCX, HTML, TXT và MD. Kho tài liệu không thay đổi.",
        "lo": "{name}: ບໍ່ສາມາດອ່ານໄຟລ໌ປະເພດ “{ext}”. ຮັບສະເພາະ PDF, DOCX, HTML, TXT ແລະ MD. ຄັງເອກະສານບໍ່ມີການປ່ຽນແປງ.",
        "en": "{name}: files of type “{ext}” cannot be read. Only PDF, DOCX, HTML, TXT and MD are accepted. The corpus is unchanged.",
    },
    "file_unreadable": {
        "vi": "{name}: không đọc được tệp — {reason}. Tệp này không được thêm; kho tài liệu không thay đổi.",
        "lo": "{name}: ບໍ່ສາມາດອ່ານໄຟລ໌ — {reason}. ໄຟລ໌ນີ້ບໍ່ຖືກເພີ່ມ; ຄັງເອກະສານບໍ່ມີການປ່ຽນແປງ.",
        "en": "{name}: the file cannot be read — {reason}. It was not added; the corpus is unchanged.",
    },
    "file_details": {"vi": "Thông tin: {name}", "lo": "ຂໍ້ມູນ: {name}", "en": "Details: {name}"},
    "field_title": {"vi": "Tiêu đề", "lo": "ຫົວຂໍ້", "en": "Title"},
    "field_date": {"vi": "Ngày (YYYY, YYYY-MM hoặc YYYY-MM-DD)", "lo": "ວັນທີ (YYYY, YYYY-MM ຫຼື YYYY-MM-DD)",
                   "en": "Date (YYYY, YYYY-MM or YYYY-MM-DD)"},
    "field_lang": {"vi": "Ngôn ngữ", "lo": "ພາສາ", "en": "Language"},
    "field_lang_help": {
        "vi": "Nhận dạng tự động: {lang}. Có thể sửa.",
        "lo": "ກວດພົບອັດຕະໂນມັດ: {lang}. ສາມາດແກ້ໄຂໄດ້.",
        "en": "Detected automatically: {lang}. You can change it.",
    },
    "field_kind": {"vi": "Loại tài liệu", "lo": "ປະເພດເອກະສານ", "en": "Kind"},
    "field_version_of": {
        "vi": "Là bản ngôn ngữ khác của",
        "lo": "ເປັນສະບັບພາສາອື່ນຂອງ",
        "en": "Version of (in another language)",
    },
    "field_version_help": {
        "vi": "Chọn tài liệu gốc nếu tệp này là bản dịch; tệp sẽ được ghi là bản dịch tham khảo.",
        "lo": "ເລືອກເອກະສານຕົ້ນສະບັບ ຖ້າໄຟລ໌ນີ້ແມ່ນສະບັບແປ; ໄຟລ໌ຈະຖືກບັນທຶກເປັນສະບັບແປເພື່ອອ້າງອີງ.",
        "en": "Choose the original if this file is a translation; it will be recorded as a working translation.",
    },
    "none": {"vi": "— Không —", "lo": "— ບໍ່ມີ —", "en": "— None —"},
    "doc_id_line": {"vi": "Mã tài liệu: {id}", "lo": "ລະຫັດເອກະສານ: {id}", "en": "Document id: {id}"},
    "collision": {
        "vi": "Mã “{id}” đã thuộc về một tài liệu trong kho: “{title}”. Chọn cách thêm tệp này:",
        "lo": "ລະຫັດ “{id}” ເປັນຂອງເອກະສານໃນຄັງແລ້ວ: “{title}”. ເລືອກວິທີເພີ່ມໄຟລ໌ນີ້:",
        "en": "The id “{id}” already belongs to a document in the corpus: “{title}”. Choose how to add this file:",
    },
    "collision_new": {
        "vi": "Tài liệu mới (mã {new_id})",
        "lo": "ເອກະສານໃໝ່ (ລະຫັດ {new_id})",
        "en": "A new document (id {new_id})",
    },
    "collision_revision": {
        "vi": "Bản sửa đổi mới của tài liệu đã có (thay thế nội dung cũ)",
        "lo": "ສະບັບປັບປຸງໃໝ່ຂອງເອກະສານທີ່ມີຢູ່ (ແທນເນື້ອໃນເກົ່າ)",
        "en": "A new revision of the existing document (replaces its text)",
    },
    "collision_required": {
        "vi": "Hãy chọn “tài liệu mới” hoặc “bản sửa đổi” cho: {names}. Chưa có gì được thêm.",
        "lo": "ກະລຸນາເລືອກ “ເອກະສານໃໝ່” ຫຼື “ສະບັບປັບປຸງ” ສຳລັບ: {names}. ຍັງບໍ່ມີຫຍັງຖືກເພີ່ມ.",
        "en": "Choose “new document” or “new revision” for: {names}. Nothing was added yet.",
    },
    "batch_duplicate": {
        "vi": "Các tệp {names} sẽ có cùng mã tài liệu; hãy đổi tên một tệp rồi tải lên lại. Chưa có gì được thêm.",
        "lo": "ໄຟລ໌ {names} ຈະມີລະຫັດເອກະສານດຽວກັນ; ກະລຸນາປ່ຽນຊື່ໄຟລ໌ໜຶ່ງ ແລ້ວອັບໂຫຼດຄືນ. ຍັງບໍ່ມີຫຍັງຖືກເພີ່ມ.",
        "en": "The files {names} would get the same document id; rename one and upload it again. Nothing was added yet.",
    },
    "bad_date": {
        "vi": "{name}: ngày “{date}” không đúng dạng YYYY, YYYY-MM hoặc YYYY-MM-DD. Chưa có gì được thêm.",
        "lo": "{name}: ວັນທີ “{date}” ບໍ່ຖືກຮູບແບບ YYYY, YYYY-MM ຫຼື YYYY-MM-DD. ຍັງບໍ່ມີຫຍັງຖືກເພີ່ມ.",
        "en": "{name}: the date “{date}” is not YYYY, YYYY-MM or YYYY-MM-DD. Nothing was added yet.",
    },
    "add_button": {"vi": "Thêm vào kho", "lo": "ເພີ່ມເຂົ້າຄັງ", "en": "Add to the corpus"},
    "progress": {
        "vi": "Đang xử lý {name} ({i}/{n})…",
        "lo": "ກຳລັງປະມວນຜົນ {name} ({i}/{n})…",
        "en": "Processing {name} ({i}/{n})…",
    },
    "progress_done": {"vi": "Xong.", "lo": "ສຳເລັດ.", "en": "Done."},
    "results": {"vi": "Kết quả", "lo": "ຜົນໄດ້ຮັບ", "en": "Results"},
    "status_added": {"vi": "Đã thêm", "lo": "ເພີ່ມແລ້ວ", "en": "Added"},
    "status_updated": {"vi": "Đã cập nhật", "lo": "ອັບເດດແລ້ວ", "en": "Updated"},
    "status_unchanged": {"vi": "Không thay đổi", "lo": "ບໍ່ມີການປ່ຽນແປງ", "en": "Unchanged"},
    "status_failed": {"vi": "Thất bại", "lo": "ບໍ່ສຳເລັດ", "en": "Failed"},
    "status_removed": {"vi": "Đã xóa", "lo": "ລຶບແລ້ວ", "en": "Removed"},
    "result_ok": {
        "vi": "**{status}** · {name} → “{title}” ({lang}, {passages} đoạn, mã {id})",
        "lo": "**{status}** · {name} → “{title}” ({lang}, {passages} ຂໍ້ຄວາມ, ລະຫັດ {id})",
        "en": "**{status}** · {name} → “{title}” ({lang}, {passages} passages, id {id})",
    },
    "result_failed": {
        "vi": "**{status}** · {name}: {reason}",
        "lo": "**{status}** · {name}: {reason}",
        "en": "**{status}** · {name}: {reason}",
    },
    "answerable_now": {
        "vi": "Tài liệu mới đã có thể được hỏi ở trang “Hỏi đáp”.",
        "lo": "ສາມາດຖາມກ່ຽວກັບເອກະສານໃໝ່ໄດ້ແລ້ວຢູ່ໜ້າ “ຖາມ-ຕອບ”.",
        "en": "The new documents can be asked about on the “Chat” page now.",
    },
    # --- corpus --------------------------------------------------------------------------
    "corpus_title": {"vi": "Kho tài liệu", "lo": "ຄັງເອກະສານ", "en": "Corpus"},
    "corpus_empty": {
        "vi": "Kho tài liệu đang trống.",
        "lo": "ຄັງເອກະສານຫວ່າງເປົ່າ.",
        "en": "The corpus is empty.",
    },
    "col_id": {"vi": "Mã", "lo": "ລະຫັດ", "en": "Id"},
    "col_title": {"vi": "Tiêu đề", "lo": "ຫົວຂໍ້", "en": "Title"},
    "col_date": {"vi": "Ngày", "lo": "ວັນທີ", "en": "Date"},
    "col_lang": {"vi": "Ngôn ngữ", "lo": "ພາສາ", "en": "Language"},
    "col_kind": {"vi": "Loại", "lo": "ປະເພດ", "en": "Kind"},
    "col_status": {"vi": "Chính thức / bản dịch", "lo": "ທາງການ / ສະບັບແປ", "en": "Official / working"},
    "col_version_of": {"vi": "Bản dịch của", "lo": "ແປຈາກ", "en": "Translation of"},
    "col_passages": {"vi": "Số đoạn", "lo": "ຈຳນວນຂໍ້ຄວາມ", "en": "Passages"},
    "col_added": {"vi": "Ngày thêm", "lo": "ວັນທີເພີ່ມ", "en": "Added"},
    "open_doc": {"vi": "Mở tài liệu", "lo": "ເປີດເອກະສານ", "en": "Open a document"},
    "doc_source": {"vi": "Nguồn: {source}", "lo": "ແຫຼ່ງທີ່ມາ: {source}", "en": "Source: {source}"},
    "delete_header": {"vi": "Xóa tài liệu này", "lo": "ລຶບເອກະສານນີ້", "en": "Delete this document"},
    "delete_explain": {
        "vi": "Xóa khỏi kho vector và chỉ mục từ khóa: các đoạn của tài liệu sẽ không còn được trích dẫn. "
              "Tài liệu kèm theo đã xóa sẽ không tự quay lại khi khởi động lại. Các bản ngôn ngữ khác vẫn được giữ.",
        "lo": "ລຶບອອກຈາກຄັງເວັກເຕີ ແລະ ດັດຊະນີຄຳສັບ: ຂໍ້ຄວາມຂອງເອກະສານນີ້ຈະບໍ່ຖືກອ້າງອີງອີກ. "
              "ເອກະສານທີ່ມາພ້ອມແອັບທີ່ຖືກລຶບຈະບໍ່ກັບຄືນມາເມື່ອເປີດໃໝ່. ສະບັບພາສາອື່ນຍັງຄົງຢູ່.",
        "en": "Removes it from the vector store and the keyword index: its passages can no longer be cited. "
              "A deleted bundled document does not come back at the next start. Its other language versions stay.",
    },
    "delete_confirm": {
        "vi": "Tôi xác nhận xóa “{title}” (không hoàn tác được)",
        "lo": "ຂ້ອຍຢືນຢັນການລຶບ “{title}” (ບໍ່ສາມາດຍົກເລີກໄດ້)",
        "en": "I confirm deleting “{title}” (this cannot be undone)",
    },
    "delete_button": {"vi": "Xóa", "lo": "ລຶບ", "en": "Delete"},
    "deleted": {
        "vi": "Đã xóa “{title}” ({n} đoạn). Tài liệu này không còn được trích dẫn.",
        "lo": "ລຶບ “{title}” ແລ້ວ ({n} ຂໍ້ຄວາມ). ເອກະສານນີ້ຈະບໍ່ຖືກອ້າງອີງອີກ.",
        "en": "Deleted “{title}” ({n} passages). It can no longer be cited.",
    },
    "delete_failed": {
        "vi": "Không xóa được: {reason}",
        "lo": "ບໍ່ສາມາດລຶບໄດ້: {reason}",
        "en": "Could not delete: {reason}",
    },
    # --- briefing and agreements -----------------------------------------------------------
    "briefing_title": {"vi": "Bản tóm tắt theo chủ đề", "lo": "ບົດສະຫຼຸບຕາມຫົວຂໍ້", "en": "Briefing on a topic"},
    "briefing_intro": {
        "vi": "Tổng hợp những gì hồ sơ nói về một chủ đề trong một khoảng thời gian, mỗi ý đều có nguồn.",
        "lo": "ສັງລວມສິ່ງທີ່ເອກະສານກ່າວເຖິງຫົວຂໍ້ໜຶ່ງໃນໄລຍະເວລາໜຶ່ງ, ທຸກຂໍ້ມີແຫຼ່ງອ້າງອີງ.",
        "en": "What the record says about a topic over a period, every point with its source.",
    },
    "briefing_topic": {"vi": "Chủ đề", "lo": "ຫົວຂໍ້", "en": "Topic"},
    "briefing_as_of": {"vi": "Tính đến ngày", "lo": "ນັບຮອດວັນທີ", "en": "As of"},
    "briefing_lang": {"vi": "Ngôn ngữ của bản tóm tắt", "lo": "ພາສາຂອງບົດສະຫຼຸບ", "en": "Briefing language"},
    "briefing_button": {"vi": "Lập bản tóm tắt", "lo": "ສ້າງບົດສະຫຼຸບ", "en": "Build the briefing"},
    "briefing_need_topic": {
        "vi": "Hãy nhập chủ đề.",
        "lo": "ກະລຸນາໃສ່ຫົວຂໍ້.",
        "en": "Enter a topic.",
    },
    "download_docx": {"vi": "Tải về (Word)", "lo": "ດາວໂຫຼດ (Word)", "en": "Download (Word)"},
    "download_md": {"vi": "Tải về (Markdown)", "lo": "ດາວໂຫຼດ (Markdown)", "en": "Download (Markdown)"},
    "agreements_title": {
        "vi": "Thỏa thuận và hoạt động",
        "lo": "ຂໍ້ຕົກລົງ ແລະ ກິດຈະກຳ",
        "en": "Agreements and activities",
    },
    "agreements_intro": {
        "vi": "Các thỏa thuận đã ký và các hoạt động hai bên cam kết, lấy từ hồ sơ, mỗi mục có nguồn.",
        "lo": "ຂໍ້ຕົກລົງທີ່ໄດ້ລົງນາມ ແລະ ກິດຈະກຳທີ່ສອງຝ່າຍໄດ້ຕົກລົງ, ຈາກເອກະສານ, ທຸກລາຍການມີແຫຼ່ງອ້າງອີງ.",
        "en": "Signed agreements and the activities both sides committed to, from the record, each with its source.",
    },
    "briefing_preview": {"vi": "Xem trước", "lo": "ເບິ່ງກ່ອນ", "en": "Preview"},
    "briefing_built": {
        "vi": "Đã lập bản tóm tắt: {events} sự kiện, {agreements} thỏa thuận, {activities} hoạt động, {sources} nguồn.",
        "lo": "ສ້າງບົດສະຫຼຸບແລ້ວ: {events} ເຫດການ, {agreements} ຂໍ້ຕົກລົງ, {activities} ກິດຈະກຳ, {sources} ແຫຼ່ງອ້າງອີງ.",
        "en": "Briefing ready: {events} events, {agreements} agreements, {activities} activities, {sources} sources.",
    },
    "filter_area": {"vi": "Lĩnh vực", "lo": "ຂົງເຂດ", "en": "Area"},
    "filter_status": {"vi": "Tình trạng", "lo": "ສະຖານະ", "en": "Status"},
    "row_agreement": {"vi": "Thỏa thuận", "lo": "ຂໍ້ຕົກລົງ", "en": "Agreement"},
    "row_activity": {"vi": "Hoạt động", "lo": "ກິດຈະກຳ", "en": "Activity"},
    "col_type": {"vi": "Loại", "lo": "ປະເພດ", "en": "Type"},
    "col_item": {"vi": "Thỏa thuận / hoạt động", "lo": "ຂໍ້ຕົກລົງ / ກິດຈະກຳ", "en": "Agreement / activity"},
    "col_area": {"vi": "Lĩnh vực", "lo": "ຂົງເຂດ", "en": "Area"},
    "col_period": {"vi": "Giai đoạn", "lo": "ໄລຍະ", "en": "Period"},
    "col_source": {"vi": "Nguồn", "lo": "ແຫຼ່ງ", "en": "Source"},
    "rows_count": {"vi": "{n} dòng", "lo": "{n} ແຖວ", "en": "{n} rows"},
    "row_source": {"vi": "Xem đoạn nguồn của dòng", "lo": "ເບິ່ງຂໍ້ຄວາມອ້າງອີງຂອງແຖວ", "en": "Show the source passage of a row"},
    "download_csv": {"vi": "Tải bảng (CSV)", "lo": "ດາວໂຫຼດຕາຕະລາງ (CSV)", "en": "Download the table (CSV)"},
    "nothing_found": {"vi": "Không tìm thấy mục nào.", "lo": "ບໍ່ພົບລາຍການໃດ.", "en": "Nothing found."},
    "feature_unavailable": {
        "vi": "Chức năng này chưa sẵn sàng trong bản cài đặt này ({error}).",
        "lo": "ຟັງຊັນນີ້ຍັງບໍ່ພ້ອມໃນການຕິດຕັ້ງນີ້ ({error}).",
        "en": "This feature is not available in this installation ({error}).",
    },
    "feature_error": {
        "vi": "Không thực hiện được: {error}",
        "lo": "ບໍ່ສາມາດດຳເນີນການໄດ້: {error}",
        "en": "Could not do it: {error}",
    },
}

# Ingest failure reasons (ingest/loaders.py, ingest/metadata.py) -> interface language.
_REASONS: list[tuple[re.Pattern, dict[str, str]]] = [
    (re.compile(r"^the file is empty"), {
        "vi": "tệp trống", "lo": "ໄຟລ໌ຫວ່າງເປົ່າ", "en": "the file is empty"}),
    (re.compile(r"^unsupported file type (?P<ext>\S+);"), {
        "vi": "không hỗ trợ loại tệp {ext}; hãy dùng PDF, DOCX, HTML, TXT hoặc MD",
        "lo": "ບໍ່ຮອງຮັບໄຟລ໌ປະເພດ {ext}; ກະລຸນາໃຊ້ PDF, DOCX, HTML, TXT ຫຼື MD",
        "en": "unsupported file type {ext}; use PDF, DOCX, HTML, TXT or MD"}),
    (re.compile(r"^the file is (?P<size>[\d.]+) MB, over the limit of (?P<mb>[\d.]+) MB"), {
        "vi": "tệp nặng {size} MB, vượt giới hạn {mb} MB",
        "lo": "ໄຟລ໌ມີຂະໜາດ {size} MB, ເກີນຂອບເຂດ {mb} MB",
        "en": "the file is {size} MB, over the limit of {mb} MB"}),
    (re.compile(r"^the PDF has no text layer"), {
        "vi": "PDF không có lớp chữ (có lẽ là bản scan); hãy nhận dạng chữ (OCR) trước rồi thêm lại",
        "lo": "PDF ບໍ່ມີຊັ້ນຕົວອັກສອນ (ອາດແມ່ນການສະແກນ); ກະລຸນາເຮັດ OCR ກ່ອນ ແລ້ວເພີ່ມຄືນ",
        "en": "the PDF has no text layer (it is probably a scan); run OCR on it first and add the result"}),
    (re.compile(r"^the PDF is encrypted"), {
        "vi": "PDF có mật khẩu bảo vệ; hãy lưu một bản không khóa rồi thêm bản đó",
        "lo": "PDF ມີລະຫັດຜ່ານປ້ອງກັນ; ກະລຸນາບັນທຶກສະບັບທີ່ບໍ່ລັອກ ແລ້ວເພີ່ມສະບັບນັ້ນ",
        "en": "the PDF is encrypted (password-protected); save an unprotected copy and add that"}),
    (re.compile(r"^(the PDF is damaged|this is not a PDF file)"), {
        "vi": "tệp PDF bị hỏng hoặc không phải PDF",
        "lo": "ໄຟລ໌ PDF ເສຍຫາຍ ຫຼື ບໍ່ແມ່ນ PDF",
        "en": "the PDF is damaged or not a PDF"}),
    (re.compile(r"^the DOCX file is damaged"), {
        "vi": "tệp DOCX bị hỏng hoặc không phải tài liệu Word",
        "lo": "ໄຟລ໌ DOCX ເສຍຫາຍ ຫຼື ບໍ່ແມ່ນເອກະສານ Word",
        "en": "the DOCX file is damaged or not a Word document"}),
    (re.compile(r"legacy Vietnamese encoding"), {
        "vi": "văn bản dùng bảng mã tiếng Việt cũ (TCVN3/ABC hoặc VNI), không phải Unicode; "
              "hãy chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của UniKey) rồi thêm lại",
        "lo": "ຂໍ້ຄວາມໃຊ້ການເຂົ້າລະຫັດພາສາຫວຽດນາມແບບເກົ່າ (TCVN3/ABC ຫຼື VNI), ບໍ່ແມ່ນ Unicode; "
              "ກະລຸນາປ່ຽນເປັນ Unicode ກ່ອນ ແລ້ວເພີ່ມຄືນ",
        "en": "the text is in a legacy Vietnamese encoding (TCVN3/ABC or VNI), not Unicode; "
              "convert it to Unicode first (for example with UniKey's converter) and add it again"}),
    (re.compile(r"^the text is not UTF-8"), {
        "vi": "văn bản không ở dạng UTF-8; hãy lưu lại dưới dạng UTF-8 rồi thêm lại",
        "lo": "ຂໍ້ຄວາມບໍ່ແມ່ນ UTF-8; ກະລຸນາບັນທຶກເປັນ UTF-8 ແລ້ວເພີ່ມຄືນ",
        "en": "the text is not UTF-8; save it as UTF-8 and add it again"}),
    (re.compile(r"^this is a binary file"), {
        "vi": "đây là tệp nhị phân, không phải văn bản; hãy kiểm tra loại tệp",
        "lo": "ນີ້ແມ່ນໄຟລ໌ໄບນາຣີ, ບໍ່ແມ່ນຂໍ້ຄວາມ; ກະລຸນາກວດສອບປະເພດໄຟລ໌",
        "en": "this is a binary file, not text; check the file type"}),
    (re.compile(r"has no text"), {
        "vi": "tài liệu không có chữ nào đọc được",
        "lo": "ເອກະສານບໍ່ມີຕົວອັກສອນທີ່ອ່ານໄດ້",
        "en": "the document has no readable text"}),
]


def t(key: str, lang: str = DEFAULT_UI_LANG, /, **fields) -> str:
    """The interface string ``key`` in ``lang`` with ``fields`` filled in."""
    entry = TEXT.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get(DEFAULT_UI_LANG) or key
    return text.format(**fields) if fields else text


def lang_name(code: str, lang: str) -> str:
    """A document language code (vi / lo / en / und) named in the interface language."""
    return t(f"lang_{code}", lang) if f"lang_{code}" in TEXT else (code or "?")


def kind_name(code: str, lang: str) -> str:
    return t(f"kind_{code}", lang) if f"kind_{code}" in TEXT else (code or "?")


def status_name(code: str, lang: str) -> str:
    return t(f"status_{code}", lang) if f"status_{code}" in TEXT else code


def backend_name(code: str, lang: str) -> str:
    return t(f"backend_{code}", lang) if f"backend_{code}" in TEXT else code


def localize_reason(reason: str, lang: str) -> str:
    """An ingest failure reason in the interface language (the original if it is not known)."""
    for pattern, texts in _REASONS:
        m = pattern.search(reason or "")
        if m:
            return (texts.get(lang) or texts["en"]).format(**m.groupdict())
    return reason


def missing_translations() -> list[str]:
    """Keys lacking one of the interface languages (used by the tests)."""
    return [f"{k}:{l}" for k, v in TEXT.items() for l in UI_LANGS if not v.get(l)]
