"""Check the H6 held-out set (``questions.jsonl``) against the built record.

Reads the documents with this set's own extraction (``make_holdout.extract``: pypdf, python-docx,
BeautifulSoup, front matter stripped), never with the product's loaders, over the whole record:
``corpus/``, ``eval/fixtures/record/``, ``eval/holdout/record/``, ``eval/holdout/h4/record/`` and
``eval/holdout/h6/record/``.

Checks
  * shape: unique ``h6-<lang>-<kind>-NN`` / ``h6-<lang>-oor-NN`` qids, split ``tune``, NFC, kinds and
    languages allowed, history items {question, answer}, questions noted "no tone marks" are ASCII,
    out-of-record questions have empty expected / gold / answer_langs and a ``missing``;
  * gold: every gold id exists; ``answer_langs`` equals the languages of the gold documents;
  * expected: every fact (inner list) has at least one spelling that occurs in a gold document
    (NFC, case-insensitive, whitespace-insensitive, Lao digits read as Arabic digits), except facts
    made only of answer words (yes / no / "no report" words), which are listed to read by eye;
    spellings that do not occur literally (other-language or other-format renderings of a fact
    found in another spelling) are counted and, with --verbose, listed;
  * earlier sets: no H6 document contains the (literal) missing value of an out-of-record question
    of ``eval/questions.jsonl`` or ``eval/holdout/questions.jsonl``;
  * out of record: for every out-of-record question, none of the documents of the whole record
    contains its missing value (each check is a list of groups; a document breaks the check if it
    contains a spelling of every group); questions whose missing fact is a figure never given or an
    event only planned are also listed to read by eye.

    /work/main/.venv/bin/python eval/holdout/h6/check_h6.py [--verbose]
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE.parent))
import make_holdout  # noqa: E402

RECORD_DIRS = [ROOT / "corpus", ROOT / "eval/fixtures/record", ROOT / "eval/holdout/record",
               ROOT / "eval/holdout/h4/record", ROOT / "eval/holdout/h3/record", ROOT / "eval/holdout/h5/record",
               HERE / "record"]
KINDS = {"date", "place", "count", "period", "list", "actor", "yesno", "status", "event"}
LANGS = {"vi", "lo", "en"}
LAO_DIGITS = str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789")
# answer words: a fact made only of these is a yes/no or "no report" judgement, read by eye
ANSWER_WORDS = {"có", "không", "chưa", "đã", "rồi", "yes", "no", "not yet", "ແມ່ນ", "ບໍ່", "ຍັງ", "ທັນ",
                "no report", "not reported", "no record", "no information", "does not say", "no later",
                "no document", "not been signed", "planned"}

SONLA = ["Sơn La", "Son La", "ເຊີນລາ"]
XN = ["Xay-nha-bu-ly", "Xaignabouli", "Sainyabuli", "Xayaboury", "ໄຊຍະບູລີ"]
CAMBODIA = ["Cambodia", "Campuchia", "ກຳປູເຈຍ", "Khmer"]
MYANMAR = ["Myanmar", "Mi-an-ma", "ມຽນມາ"]
THAILAND = ["Thailand", "Thái Lan", "ປະເທດໄທ"]
LAI_CHAU = ["Lai Châu", "Lai Chau", "ລາຍເຈົາ"]
PENSION_SEMINAR_HELD = [["ການປັບເງິນບຳນານ", "điều chỉnh lương hưu", "pension adjustment"], ["ສຳມະນາ", "hội thảo", "seminar"],
                        ["ໄດ້ຈັດຂຶ້ນແລ້ວ", "đã được tổ chức", "was held", "took place"]]
# qid -> list of checks; a check is a list of groups of spellings that must not co-occur in one document.
# An empty list means the missing fact (a figure, a person, a day, a yes/no) cannot be searched: read by eye.
OOR_TERMS: dict[str, list[list[list[str]]]] = {
    "h6-vi-oor-01": [[CAMBODIA]],
    "h6-vi-oor-02": [[["Điện Biên", "Dien Bien", "ດ້ຽນບຽນ"]]],
    "h6-vi-oor-03": [[["VSS paid", "VSS covered", "BHXH Việt Nam chi", "ສສຫວ ຈ່າຍ"], ["printing", "in bản dịch", "ພິມ"]]],
    "h6-vi-oor-04": [[["6 tháng đầu năm 2024", "first six months of 2024", "H1 2024"], ["giao dịch điện tử", "electronic transaction"]]],
    "h6-vi-oor-05": [],
    "h6-vi-oor-06": [[["chuyên gia", "experts", "ຊ່ຽວຊານ"], XN, ["đã sang", "arrived", "ໄດ້ມາຮອດ", "đã hỗ trợ"]]],
    "h6-vi-oor-07": [[["tổng kết", "final review"], SONLA, ["/10/2026", "/11/2026", "tháng 10/2026", "tháng 11/2026", "tháng 12/2026", "December 2026"]]],
    "h6-vi-oor-08": [],
    "h6-vi-oor-09": [[XN, ["đã bắt đầu thí điểm", "started the pilot", "began the pilot", "ໄດ້ເລີ່ມ"]]],
    "h6-vi-oor-10": [[MYANMAR]],
    "h6-vi-oor-11": [[["Học viện Tài chính", "Academy of Finance", "ສະຖາບັນການເງິນ"]]],
    "h6-vi-oor-12": [[["2021-2023", "2021 – 2023", "2021–2023"], SONLA]],
    "h6-vi-oor-13": [[["máy tính xách tay", "laptop", "ໂນດບຸກ"], ["trị giá", "worth", "value", "ມູນຄ່າ"], SONLA]],
    "h6-vi-oor-14": [[["sơ kết năm thứ hai", "sơ kết năm thứ 2", "second-year review", "ປີທີສອງ"]]],
    "h6-vi-oor-15": [PENSION_SEMINAR_HELD],
    "h6-lo-oor-01": [[CAMBODIA]],
    "h6-lo-oor-02": [[LAI_CHAU]],
    "h6-lo-oor-03": [[["ສສຫວ ຈະຮັບຜິດຊອບ", "VSS will cover", "BHXH Việt Nam chi"], ["ສຳມະນາ", "seminar", "hội thảo"]]],
    "h6-lo-oor-04": [[["2023"], ["ເກີດລູກ", "thai sản", "maternity"], XN]],
    "h6-lo-oor-05": [],
    "h6-lo-oor-06": [PENSION_SEMINAR_HELD],
    "h6-lo-oor-07": [],
    "h6-lo-oor-08": [],
    "h6-lo-oor-09": [[["ຮ່າງດຳລັດ", "draft decree", "dự thảo nghị định"], ["ໄດ້ສົ່ງ", "was sent", "đã gửi", "submitted"]]],
    "h6-lo-oor-10": [[MYANMAR]],
    "h6-lo-oor-11": [[["ມະຫາວິທະຍາໄລແຫ່ງຊາດລາວ", "National University of Laos", "Đại học Quốc gia Lào"]]],
    "h6-lo-oor-12": [[["ເປີເຊັນ", "percent", "%", "phần trăm"], ["ບຳນານ", "pension", "lương hưu"], ["ປັບ", "adjust", "điều chỉnh"]]],
    "h6-lo-oor-13": [[["2019-2021", "2019 – 2021", "2019–2021"], SONLA]],
    "h6-lo-oor-14": [],
    "h6-lo-oor-15": [],
    "h6-en-oor-01": [[THAILAND]],
    "h6-en-oor-02": [[["Bank of the Lao PDR", "ທະນາຄານແຫ່ງ ສປປ ລາວ", "Ngân hàng Nhà nước Lào"], ["statistic", "thống kê", "ສະຖິຕິ"]]],
    "h6-en-oor-03": [[["LSSO grants", "scholarships for VSS", "học bổng cho cán bộ BHXH Việt Nam"]]],
    "h6-en-oor-04": [[["2023"], ["38"], ["indicators", "chỉ tiêu"]]],
    "h6-en-oor-05": [[["pages", "trang"], ["translation", "bản dịch", "ສະບັບແປ"]]],
    "h6-en-oor-06": [[["yearbook", "niên giám"], ["published", "phát hành", "ຈັດພິມ"]]],
    "h6-en-oor-07": [[["pilot", "thí điểm"], XN, ["/1/2026", "/2/2026", "/3/2026", "January 2026", "February 2026", "March 2026"]]],
    "h6-en-oor-08": [],
    "h6-en-oor-09": [[["National Assembly", "Quốc hội", "ສະພາແຫ່ງຊາດ"], ["study visit", "khảo sát"], ["was held in 2026", "took place in 2026", "đã diễn ra"]]],
    "h6-en-oor-10": [[CAMBODIA]],
    "h6-en-oor-11": [[LAI_CHAU]],
    "h6-en-oor-12": [],
    "h6-en-oor-13": [[["second half of 2025", "6 tháng cuối năm 2025", "H2 2025"]]],
    "h6-en-oor-14": [[["third training course", "third course", "khóa thứ ba", "ຫຼັກສູດທີ 3"], ["statistic", "thống kê", "ສະຖິຕິ"]]],
    "h6-en-oor-15": [[["reporting tool", "công cụ báo cáo", "ເຄື່ອງມືລາຍງານ"], ["installed in", "đã cài đặt", "ໄດ້ຕິດຕັ້ງ"]]],
}
BY_EYE_TYPES = {"figure", "event", "period", "side", "granularity", "person", "yesno"}


def norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).casefold().translate(LAO_DIGITS)
    return re.sub(r"\s+", " ", s)


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def load_record() -> dict[str, tuple[Path, str]]:
    docs: dict[str, tuple[Path, str]] = {}
    for d in RECORD_DIRS:
        for p in sorted(d.iterdir()):
            if p.name.endswith(".meta.yaml") or p.suffix not in (".pdf", ".docx", ".html", ".txt", ".md"):
                continue
            if p.suffix in (".pdf", ".docx", ".html"):
                meta = yaml.safe_load(p.with_name(p.stem + ".meta.yaml").read_text(encoding="utf-8"))
            else:
                m = make_holdout._FRONT.match(p.read_text(encoding="utf-8"))
                meta = yaml.safe_load(m.group(1))
            docs[str(meta["id"])] = (p, norm(make_holdout.extract(p)))
    return docs


def found(spelling: str, text: str, loose: bool = True) -> bool:
    """Spelling in text; loose also ignores all whitespace (PDF extraction may split or join words)."""
    s = norm(spelling)
    return s in text or (loose and squash(s) in squash(text))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    docs = load_record()
    by_dir = collections.Counter(p.parent.relative_to(ROOT).as_posix() for p, _ in docs.values())
    qs = [json.loads(line) for line in (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    errors: list[str] = []
    eye: list[str] = []
    not_literal: list[str] = []
    seen = set()
    table = collections.Counter()
    cross = collections.Counter()
    followups = [0, 0]
    notone = 0
    for x in qs:
        qid = x["qid"]
        raw = json.dumps(x, ensure_ascii=False)
        if raw != unicodedata.normalize("NFC", raw):
            errors.append(f"{qid}: not NFC")
        if qid in seen:
            errors.append(f"{qid}: duplicate")
        seen.add(qid)
        m = re.fullmatch(r"h6-(vi|lo|en)-([a-z]+)-(\d\d)", qid)
        if not m or m.group(1) != x["lang"] or (m.group(2) != "oor" and m.group(2) != x["kind"]):
            errors.append(f"{qid}: bad qid")
        if x["split"] != "tune" or x["lang"] not in LANGS or x["kind"] not in KINDS:
            errors.append(f"{qid}: bad split / lang / kind")
        if any(set(t) != {"question", "answer"} for t in x["history"]):
            errors.append(f"{qid}: bad history item")
        if "no tone marks" in x.get("note", ""):
            notone += 1
            if not x["question"].isascii():
                errors.append(f"{qid}: noted 'no tone marks' but not ASCII")
        if x["history"]:
            followups[0 if x["answerable"] else 1] += 1
        if not x["answerable"]:
            table[(x["kind"], x["lang"], "oor")] += 1
            if x["expected"] or x["gold_doc_ids"] or x["answer_langs"] or "missing" not in x:
                errors.append(f"{qid}: out-of-record shape")
            if qid not in OOR_TERMS:
                errors.append(f"{qid}: no out-of-record terms in check_h6.py")
                continue
            for check in OOR_TERMS[qid]:
                for did, (_p, text) in docs.items():
                    if all(any(found(s, text, loose=len(squash(norm(s))) >= 8) for s in group) for group in check):
                        errors.append(f"{qid}: missing value {x['missing']['value']!r} occurs in {did}")
            if not OOR_TERMS[qid] or x["missing"]["type"] in BY_EYE_TYPES:
                eye.append(f"{qid} [{x['missing']['type']}: {x['missing']['value']}] {x.get('note', '')}".rstrip())
            continue
        table[(x["kind"], x["lang"], "ans")] += 1
        missing_ids = [d for d in x["gold_doc_ids"] if d not in docs]
        if missing_ids or not x["gold_doc_ids"]:
            errors.append(f"{qid}: unknown gold ids {missing_ids}")
            continue
        langs = {re.search(r"-(vi|lo|en)(?:-|$)", d).group(1) for d in x["gold_doc_ids"]}
        if set(x["answer_langs"]) != langs:
            errors.append(f"{qid}: answer_langs {x['answer_langs']} != gold languages {sorted(langs)}")
        if x["lang"] not in langs:
            cross[x["lang"]] += 1
        if not x["expected"]:
            errors.append(f"{qid}: answerable without expected")
        texts = [docs[d][1] for d in x["gold_doc_ids"]]
        for fact in x["expected"]:
            hits = [s for s in fact if any(found(s, t) for t in texts)]
            if not hits:
                if all(norm(s) in ANSWER_WORDS for s in fact):
                    eye.append(f"{qid}: answer words {fact}")
                else:
                    errors.append(f"{qid}: no spelling of {fact} in the gold documents")
            for s in fact:
                if s not in hits and norm(s) not in ANSWER_WORDS:
                    not_literal.append(f"{qid}: {s!r}")
    # H6 documents must not break the out-of-record questions of the earlier sets (literal values)
    for f in (ROOT / "eval/questions.jsonl", ROOT / "eval/holdout/questions.jsonl", ROOT / "eval/holdout/h3/questions.jsonl"):
        for line in f.read_text(encoding="utf-8").splitlines():
            y = json.loads(line) if line.strip() else None
            if not y or y.get("answerable", True) or not y.get("missing"):
                continue
            for did, (_p, text) in docs.items():
                v = norm(y["missing"]["value"])
                if did.startswith("h6-") and re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", text):
                    errors.append(f"{did} contains {y['missing']['value']!r}, the missing value of {y['qid']}")
    print("record: " + ", ".join(f"{k} {v}" for k, v in sorted(by_dir.items())) + f" ({len(docs)} documents)")
    n_ans = sum(1 for x in qs if x["answerable"])
    print(f"{len(qs)} questions: {n_ans} answerable, {len(qs) - n_ans} out of record")
    print("kind      vi      lo      en      (answerable / out of record)")
    for k in sorted(KINDS):
        print(f"{k:8}" + "".join(f"  {table[(k, l, 'ans')]:>2} / {table[(k, l, 'oor')]:<2}" for l in ("vi", "lo", "en")))
    print(f"cross-lingual: {sum(cross.values())} ({dict(cross)}); follow-ups: {sum(followups)} "
          f"({followups[0]} answerable, {followups[1]} out of record); Vietnamese without tone marks: {notone}")
    print(f"spellings not literally in a gold document (other renderings of a fact found in another spelling): {len(not_literal)}")
    if args.verbose:
        for s in not_literal:
            print("   ", s)
    print(f"to read by eye: {len(eye)}")
    for e in eye:
        print("   ", e)
    for e in errors:
        print("ERROR", e)
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
