"""Documents for the translation-linking tests: fixture bodies without their metadata, and a
Vietnamese translation of the Lao training note (written for these tests, paragraph by paragraph)."""
from __future__ import annotations

import shutil
from pathlib import Path

from rag.ingest.metadata import split_front_matter

from .paths import FIXTURES_DIR

LO_NOTE = FIXTURES_DIR / "2023-09-12_lsso-note-training-hanoi.txt"
LO_SEMINAR = FIXTURES_DIR / "2024-06-19_kongpasum-samana-luang-prabang.md"
VI_SEMINAR = FIXTURES_DIR / "2024-06-19_hoi-thao-thanh-tra-luong-pha-bang.md"
VI_DIGITAL_NEWS = "2023-11-10_tin-chuyen-doi-so-vieng-chan.html"  # same topic as the next, not a translation
LO_APP_NEWS = "2023-11-24_lsso-news-mobile-app.html"

# The Lao note of 12/9/2023 (eval/fixtures/record/2023-09-12_lsso-note-training-hanoi.txt) in Vietnamese.
VI_NOTE = """Cơ quan Bảo hiểm xã hội quốc gia Lào

Vụ Kế hoạch và Hợp tác

BẢN GHI CHÉP

Về kết quả khóa đào tạo về chuyển đổi số tại Hà Nội

Thủ đô Viêng Chăn, ngày 12 tháng 9 năm 2023

Căn cứ Biên bản làm việc giữa Bảo hiểm xã hội Việt Nam và Cơ quan Bảo hiểm xã hội quốc gia Lào ngày 15/3/2023 tại Hà Nội, Bảo hiểm xã hội Việt Nam đã tổ chức khóa đào tạo về chuyển đổi số cho cán bộ của Cơ quan Bảo hiểm xã hội quốc gia Lào. Vụ Kế hoạch và Hợp tác xin tổng hợp kết quả như sau:

1. Thời gian và địa điểm: khóa đào tạo được tổ chức từ ngày 21 đến ngày 31 tháng 8 năm 2023, gồm 9 ngày làm việc, tại Trung tâm Công nghệ thông tin của Bảo hiểm xã hội Việt Nam, thành phố Hà Nội.
2. Người tham dự: 30 cán bộ, trong đó 12 người từ cơ quan trung ương và 18 người từ 6 tỉnh: Thủ đô Viêng Chăn, Luông Pha Bang, Xa-van-na-khệt, Chăm-pa-xắc, Khăm Muộn và Bô-ly-khăm-xay.
3. Nội dung: khóa đào tạo gồm 4 chuyên đề:
a. Quản lý cơ sở dữ liệu người tham gia bảo hiểm;
b. Thu bảo hiểm xã hội điện tử;
c. Dịch vụ công trực tuyến;
d. An toàn thông tin.

Giảng viên là 6 chuyên gia của Trung tâm Công nghệ thông tin, Bảo hiểm xã hội Việt Nam.

4. Kết quả: 28 học viên được cấp chứng chỉ; 2 người về trước thời hạn vì có công việc đột xuất. Toàn bộ chi phí của khóa đào tạo do Bảo hiểm xã hội Việt Nam chi trả.
5. Kế hoạch tiếp theo:
- Cơ quan Bảo hiểm xã hội quốc gia Lào sẽ tổ chức đào tạo lại cho 120 cán bộ cấp tỉnh trong quý IV năm 2023, do 12 cán bộ cơ quan trung ương đã được đào tạo tại Hà Nội làm giảng viên.
- Đề nghị Bảo hiểm xã hội Việt Nam tiếp tục tổ chức các khóa đào tạo nâng cao trong giai đoạn 2024-2025.

Vụ Kế hoạch và Hợp tác
"""


def body(path: Path) -> str:
    """A fixture's text without its front matter (a document that arrives with no metadata)."""
    return split_front_matter(path.read_text(encoding="utf-8"))[1].strip() + "\n"


def write_plain(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` as a file with no metadata at all (no front matter, no sidecar)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def partial(text: str, paragraphs: int) -> str:
    """The first ``paragraphs`` paragraphs of a text (a partial translation)."""
    return "\n\n".join(text.strip().split("\n\n")[:paragraphs]) + "\n"


def copy_fixtures(folder: Path, leave_out: tuple[str, ...] = ()) -> Path:
    """The fixture record (documents and sidecars) in ``folder``, except the files named."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in sorted(FIXTURES_DIR.iterdir()):
        stem = f.name.split(".")[0]
        if f.is_file() and not any(stem == x.split(".")[0] for x in leave_out):
            shutil.copy2(f, folder / f.name)
    return folder
