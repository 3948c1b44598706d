"""Check ``eval/questions.jsonl`` against the record and print its coverage.

- shape: every line parses, qids are unique, text is NFC, fields and values are the allowed ones;
- answerable questions: every gold doc id exists, ``answer_langs`` are the languages of the gold
  documents, and every expected fact is backed by a gold document (any language version):
  ``literal`` when one alternative occurs in the text (case-insensitive, NFC, spaces collapsed),
  ``numbers`` when all numbers of one alternative occur in it (Lao digits read as Arabic digits,
  thousands separators ignored, the document's own date counted: "Hôm nay (22/11)" + 2022),
  otherwise ``eyeball`` (a term in the question's language whose source is in another language;
  these are listed for a person to read);
- out-of-record questions: no expected facts, no gold, a ``missing`` constraint whose value (in
  vi/lo/en spellings) occurs in no document of the record.

It also checks ``eval/briefing_gold.json``: known doc ids, and states that agree with the dates
(overdue = due before ``as_of``; no_news = due after it; postponed / in_progress = new_due after
it; done = reported by a document dated after the commitment's own document).

    /work/main/.venv/bin/python eval/check_questions.py [--verbose]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from rag.ingest.loaders import load_file  # noqa: E402  (read-only use of the product's loaders)

KINDS = ("date", "place", "count", "period", "list", "actor", "yesno", "status", "event")
LANGS = ("vi", "lo", "en")
MISSING_TYPES = ("country", "period", "organization", "figure", "event", "place")
LAO2ASCII = str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789")
EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december"]
LO_MONTHS = ["ມັງກອນ", "ກຸມພາ", "ມີນາ", "ເມສາ", "ພຶດສະພາ", "ມິຖຸນາ", "ກໍລະກົດ", "ສິງຫາ", "ກັນຍາ", "ຕຸລາ",
             "ພະຈິກ", "ທັນວາ"]
ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4"}

# Spellings of each out-of-record value that must not occur anywhere in the record.
FORBIDDEN = {
    "Thailand": ["Thái Lan", "Thailand", "ໄທ "], "Cambodia": ["Campuchia", "Cambodia", "ກຳປູເຈຍ"],
    "Myanmar": ["Myanmar", "Miến Điện", "ມຽນມາ"], "China": ["Trung Quốc", "China", "Chinese", "ຈີນ"],
    "2031-2035": ["2031"], "2027": ["2027"], "ILO": ["ILO", "Tổ chức Lao động quốc tế", "International Labour"],
    "World Bank": ["World Bank", "Ngân hàng Thế giới", "ທະນາຄານໂລກ"],
    "Asian Development Bank": ["Asian Development Bank", "ADB"],
    "Phongsaly": ["Phongsaly", "Phông-xa-lỳ", "ຜົ້ງສາລີ"], "Attapeu": ["Attapeu", "Át-tô-pư", "ອັດຕະປື"],
    "Ho Chi Minh City": ["Hồ Chí Minh", "Ho Chi Minh", "ໂຮ່ຈິມິນ"],
    "Lao Ministry of Health": ["Bộ Y tế", "Ministry of Health", "ກະຊວງສາທາລະນະສຸກ"],
    "Ministry of Health": ["Bộ Y tế", "Ministry of Health", "ກະຊວງສາທາລະນະສຸກ"],
    "contribution rate": ["tỷ lệ đóng", "contribution rate", "ອັດຕາເງິນສົມທົບ"],
    "fund size": ["tổng tài sản", "total assets"],
    "pension replacement rate": ["replacement rate", "tỷ lệ hưởng"],
    "total number of insured persons": ["total number of insured", "tổng số người tham gia", "ຈຳນວນຜູ້ປະກັນຕົນທັງໝົດ"],
    "cooperation agreement signed in 2010": ["2010"],
    "VSS representative office in Vientiane": ["representative office", "văn phòng đại diện", "ຫ້ອງການຜູ້ຕາງໜ້າ"],
    "review conference in Savannakhet held": [],  # planned only: checked by reading (no later report)
}


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).casefold().strip()


def number_tokens(s: str) -> set[str]:
    s = unicodedata.normalize("NFC", s).translate(LAO2ASCII)
    s = re.sub(r"\b(quý)\s+(IV|III|II|I)\b", lambda m: f"{m[1]} {ROMAN[m[2]]}", s, flags=re.I)
    out = set()
    for t in re.findall(r"\d+(?:[.,]\d+)*", s):
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", t):
            t = re.sub(r"[.,]", "", t)
        else:
            t = t.replace(",", ".")
        out.add(t.lstrip("0") or "0" if t.isdigit() else t)
    low = s.casefold()
    for i, name in enumerate(EN_MONTHS, 1):
        if re.search(rf"\b{name}\b", low):
            out.add(str(i))
    for i, name in enumerate(LO_MONTHS, 1):
        if name in s:
            out.add(str(i))
    return out


def load_record() -> dict[str, dict]:
    """doc id -> {"langs": [...], "text": all language versions joined, "date": ISO}."""
    docs: dict[str, dict] = {}
    files = sorted((ROOT / "corpus").glob("*.md")) + sorted(
        p for p in (HERE / "fixtures" / "record").iterdir() if not p.name.endswith(".meta.yaml"))
    for p in files:
        raw = load_file(p)
        meta = raw.meta
        fam = meta.get("version_of") or meta["id"]
        d = docs.setdefault(fam, {"langs": [], "text": "", "date": str(meta.get("date", ""))})
        d["langs"].append(meta["lang"])
        d["text"] += "\n" + unicodedata.normalize("NFC", raw.text)
    return docs


def period_end(value: str) -> str:
    """'2025' -> '2025-12-31', '2024-10' -> '2024-10-31', '2025-Q4' -> '2025-12-31', ISO day unchanged."""
    import calendar

    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        y, q = int(m[1]), int(m[2])
        mo = 3 * q
        return f"{y}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-12-31"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        y, mo = map(int, value.split("-"))
        return f"{value}-{calendar.monthrange(y, mo)[1]:02d}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    raise ValueError(value)


def check_briefing(docs: dict) -> list[str]:
    gold = json.loads((HERE / "briefing_gold.json").read_text(encoding="utf-8"))
    as_of = gold["as_of"]
    errors: list[str] = []

    def known(ids, where):
        for d in ids:
            if d not in docs:
                errors.append(f"briefing {where}: unknown doc id {d}")

    for ag in gold["agreements"]:
        known(ag["status_doc_ids"] + ag.get("also_in", []), ag["key_period"])
        end = ag.get("valid_until") or (period_end(ag["key_period"][-4:]))
        if "signed" in ag["status"] and ("expired" in ag["status"]) != (end < as_of):
            errors.append(f"briefing agreement {ag['key_period']}: expired flag disagrees with {end}")
        if "planned" in ag["status"] and (ag.get("signing_date") or not ag.get("planned_date")):
            errors.append(f"briefing agreement {ag['key_period']}: planned needs a planned_date and no signing_date")
    for c in gold["commitments"]:
        where = c["id"]
        known([c["doc_id"]] + c["state_doc_ids"] + c.get("also_in", []), where)
        end = period_end(c["due"])
        st = c["state"]
        if st == "overdue" and not (end < as_of and not c["state_doc_ids"]):
            errors.append(f"briefing {where}: overdue but due {end} or has reports")
        if st == "no_news" and not (end > as_of and not c["state_doc_ids"]):
            errors.append(f"briefing {where}: no_news but due {end} or has reports")
        if st in ("postponed", "in_progress") and not (c.get("new_due") and period_end(c["new_due"]) > as_of):
            errors.append(f"briefing {where}: {st} needs a new_due after as_of")
        if st in ("done", "postponed", "in_progress"):
            if not c["state_doc_ids"]:
                errors.append(f"briefing {where}: {st} without the reporting document")
            for d in c["state_doc_ids"]:
                if d in docs and docs[d]["date"] <= docs[c["doc_id"]]["date"]:
                    errors.append(f"briefing {where}: report {d} is not later than {c['doc_id']}")
        if st not in ("done", "in_progress", "postponed", "overdue", "no_news"):
            errors.append(f"briefing {where}: unknown state {st}")
    for ev in gold["timeline"] + gold["timeline_real_record"]:
        known([ev["doc_id"]] + ev.get("also_in", []), ev["date"])
        if ev["date"] > as_of:
            errors.append(f"briefing event {ev['date']} is after as_of")
    states = Counter(c["state"] for c in gold["commitments"])
    print(f"\nbriefing_gold.json: {len(gold['agreements'])} agreements, {len(gold['commitments'])} commitments "
          f"{dict(states)}, {len(gold['timeline'])} fixture events")
    return errors


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true", help="also list facts backed by numbers only")
    args = ap.parse_args(argv)
    docs = load_record()
    all_text = norm("\n".join(d["text"] for d in docs.values()))
    rows = [json.loads(line) for line in (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    errors: list[str] = []
    eyeball: list[str] = []
    numeric: list[str] = []
    qids = Counter(r["qid"] for r in rows)
    errors += [f"duplicate qid {q}" for q, n in qids.items() if n > 1]
    for r in rows:
        qid = r["qid"]
        raw = json.dumps(r, ensure_ascii=False)
        if raw != unicodedata.normalize("NFC", raw):
            errors.append(f"{qid}: not NFC")
        if r["kind"] not in KINDS or r["lang"] not in LANGS or r["split"] not in ("tune", "report"):
            errors.append(f"{qid}: bad kind/lang/split")
        for turn in r["history"]:
            if set(turn) != {"question", "answer"}:
                errors.append(f"{qid}: history turn needs question and answer")
        if r["lang"] == "vi" and r["question"].isascii() and "no tone" not in r.get("note", ""):
            errors.append(f"{qid}: ASCII-only Vietnamese question not marked 'no tone marks'")
        if "no tone" in r.get("note", "") and not r["question"].isascii():
            errors.append(f"{qid}: marked no tone marks but has diacritics")
        if not r["answerable"]:
            if r["expected"] or r["gold_doc_ids"] or r["answer_langs"]:
                errors.append(f"{qid}: out-of-record question with expected/gold/answer_langs")
            m = r.get("missing") or {}
            if m.get("type") not in MISSING_TYPES or not m.get("value"):
                errors.append(f"{qid}: bad missing {m}")
            elif m["value"] not in FORBIDDEN:
                errors.append(f"{qid}: no spelling list for missing value {m['value']!r}")
            else:
                for spelling in FORBIDDEN[m["value"]]:
                    pat = re.escape(norm(spelling))
                    if spelling.isascii():
                        pat = rf"\b{pat}\b"
                    if re.search(pat, all_text):
                        errors.append(f"{qid}: missing value {m['value']!r} occurs in the record as {spelling!r}")
            continue
        if not r["expected"] or not r["gold_doc_ids"]:
            errors.append(f"{qid}: answerable without expected facts or gold docs")
            continue
        unknown = [d for d in r["gold_doc_ids"] if d not in docs]
        if unknown:
            errors.append(f"{qid}: unknown gold doc ids {unknown}")
            continue
        langs = {l for d in r["gold_doc_ids"] for l in docs[d]["langs"]}
        if set(r["answer_langs"]) != langs:
            errors.append(f"{qid}: answer_langs {r['answer_langs']} but gold documents are in {sorted(langs)}")
        gold_text = "\n".join(docs[d]["text"] for d in r["gold_doc_ids"])
        gold_norm = norm(gold_text)
        gold_nums = number_tokens(gold_text)
        for d in r["gold_doc_ids"]:
            gold_nums |= number_tokens(docs[d]["date"].replace("-", " "))
        for fact in r["expected"]:
            if not fact or not all(isinstance(a, str) and a.strip() for a in fact):
                errors.append(f"{qid}: empty fact or alternative")
                continue
            if any(norm(a) in gold_norm for a in fact):
                continue
            with_nums = [a for a in fact if number_tokens(a)]
            if with_nums and any(number_tokens(a) <= gold_nums for a in with_nums):
                numeric.append(f"{qid} [{r['lang']}] {fact[0]!r}  <- numbers found in {r['gold_doc_ids']}")
                continue
            if with_nums and not any(not number_tokens(a) for a in fact):
                errors.append(f"{qid}: numbers of fact {fact[0]!r} not in gold documents {r['gold_doc_ids']}")
                continue
            eyeball.append(f"{qid} [{r['lang']}->{','.join(r['answer_langs'])}] {fact[0]!r}  | {r['question']}")
    # ----- report -----
    ans = [r for r in rows if r["answerable"]]
    print(f"{len(rows)} questions: {len(ans)} answerable, {len(rows) - len(ans)} out of record")
    print("\nkind x language (answerable / out of record):")
    print(f"{'':8}" + "".join(f"{l:>10}" for l in LANGS))
    for k in KINDS:
        cells = []
        for l in LANGS:
            a = sum(1 for r in rows if r["kind"] == k and r["lang"] == l and r["answerable"])
            o = sum(1 for r in rows if r["kind"] == k and r["lang"] == l and not r["answerable"])
            cells.append(f"{a}/{o}")
        print(f"{k:8}" + "".join(f"{c:>10}" for c in cells))
    cross = [r for r in ans if r["lang"] not in r["answer_langs"]]
    follow = [r for r in rows if r["history"]]
    notone = [r for r in rows if r["lang"] == "vi" and r["question"].isascii()]
    print(f"\ncross-lingual: {len(cross)} ({dict(Counter(r['lang'] for r in cross))})")
    print(f"follow-ups: {len(follow)} ({sum(1 for r in follow if r['answerable'])} answerable)")
    print(f"Vietnamese without tone marks: {len(notone)}")
    sp = Counter(r["split"] for r in rows)
    print(f"split: {dict(sp)}")
    halves = defaultdict(set)
    for r in rows:
        halves[(r["lang"], r["kind"] if r["answerable"] else "out-of-record")].add(r["split"])
    one_sided = [g for g, s in halves.items() if len(s) == 1]
    print(f"groups (lang, kind | out-of-record) present in only one half: {len(one_sided)} {sorted(one_sided)}")
    for l in LANGS:
        print(f"  {l} by split: {dict(Counter(r['split'] for r in rows if r['lang'] == l))}")
    for name, sub in (("cross-lingual", cross), ("follow-ups", follow), ("out of record", [r for r in rows if not r["answerable"]])):
        print(f"  {name} by split: {dict(Counter(r['split'] for r in sub))}")
    print(f"\nfacts backed by numbers only: {len(numeric)}")
    if args.verbose:
        for line in numeric:
            print("  " + line)
    print(f"facts to read by eye (term in another language than its source): {len(eyeball)}")
    for line in eyeball:
        print("  " + line)
    errors += check_briefing(docs)
    for e in errors:
        print("ERROR", e)
    print(f"\n{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
