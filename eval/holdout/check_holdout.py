"""Check the held-out set: ``questions.jsonl``, ``briefing_gold.json`` and the documents.

Adapted from ``eval/check_questions.py``, with one difference on purpose: the record is read
with this set's own extraction (front matter / sidecars, pypdf, python-docx, BeautifulSoup, as
in ``make_holdout.py``), not with the product's loaders, so the check does not depend on code
under test. The record is the whole record: ``corpus/`` (one family per ``version_of``) +
``eval/fixtures/record/`` + ``eval/holdout/record/``.

- documents: every held-out document has the held-out source mark, no ``version_of``, NFC
  metadata; no held-out document contains a value that an out-of-record question of the
  development set (``eval/check_questions.py``, FORBIDDEN) or of this set says is absent;
- questions: every line parses, qids are unique and start with ``ho-``, split is ``tune`` or ``report``,
  text is NFC, fields and values are the allowed ones, Vietnamese without tone marks is ASCII;
- answerable questions: gold doc ids exist, ``answer_langs`` are the gold documents' languages,
  and every expected fact is backed by a gold document: ``literal`` (one alternative occurs,
  case-insensitive, NFC, spaces collapsed), ``numbers`` (all numbers of one alternative occur in
  it, Lao digits read as Arabic, thousands separators ignored, the document date counted),
  otherwise ``eyeball`` (a term whose source is in another language; listed for a person);
- out-of-record questions: no expected facts, no gold, a ``missing`` constraint whose spellings
  (vi/lo/en) occur nowhere in the record (values whose spelling list is empty are events that
  the record plans but never reports: they are listed to be read);
- ``briefing_gold.json``: known doc ids, every doc a held-out one, states that agree with the dates
  (overdue = last due before ``as_of``, no report; no_news = due after it; postponed /
  in_progress = new_due after it; done = reported by a later document), events not after as_of.

    /work/main/.venv/bin/python eval/holdout/check_holdout.py [--verbose]
"""
from __future__ import annotations

import argparse
import ast
import calendar
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from make_holdout import _FRONT, SOURCE_MARK, extract  # noqa: E402  (this set's own reader)

KINDS = ("date", "place", "count", "period", "list", "actor", "yesno", "status", "event")
LANGS = ("vi", "lo", "en")
MISSING_TYPES = ("country", "period", "organization", "figure", "event", "place")
LAO2ASCII = str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789")
EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december"]
LO_MONTHS = ["ມັງກອນ", "ກຸມພາ", "ມີນາ", "ເມສາ", "ພຶດສະພາ", "ມິຖຸນາ", "ກໍລະກົດ", "ສິງຫາ", "ກັນຍາ", "ຕຸລາ",
             "ພະຈິກ", "ທັນວາ"]
ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4"}

# Spellings of each out-of-record value of THIS set that must not occur anywhere in the record.
# An empty list: an event the record plans but never reports; checked by reading (listed).
FORBIDDEN = {
    "2022-2024": ["2022-2024", "2022 - 2024", "2022–2024"],
    "Houaphanh": ["Houaphanh", "Hủa Phăn", "ຫົວພັນ", "Huaphan"],
    "spectators": ["khán giả", "spectators", "ຜູ້ຊົມ", "cổ động viên"],
    "value of the pension software": ["giá trị phần mềm", "software cost", "cost of the software", "ມູນຄ່າໂປຣແກຣມ"],
    "VSS - Lao Ministry of Finance MoU signed": [],
    "Korea": ["Hàn Quốc", "Korea", "ເກົາຫຼີ", "ເກົາຫລີ"],
    "coverage rate of Lao workers": ["tỷ lệ bao phủ", "coverage rate", "phần trăm lao động"],
    "cross-border contribution seminar held": [],
    "Lao Ministry of Home Affairs": ["Bộ Nội vụ", "Ministry of Home Affairs", "ກະຊວງພາຍໃນ"],
    "Mongolia": ["Mông Cổ", "Mongolia", "ມົງໂກລີ"],
    "Bokeo": ["Bokeo", "Bò Kẹo", "Bó Kẹo", "ບໍ່ແກ້ວ"],
    "Indonesia": ["Indonesia", "In-đô-nê-xi-a", "Inđônêxia", "ອິນໂດເນເຊຍ"],
    "cost of the e-card pilot": ["chi phí thí điểm", "cost of the pilot", "ຄ່າໃຊ້ຈ່າຍຂອງການທົດລອງ", "ຄ່າໃຊ້ຈ່າຍທັງໝົດ ຂອງການທົດລອງ"],
    "2029-2033": ["2029", "2033"],
    "Asian Development Bank": ["Asian Development Bank", "ADB", "Ngân hàng Phát triển châu Á", "ທະນາຄານພັດທະນາອາຊີ"],
    "pensioners in Savannakhet": [],
    "Philippines": ["Philippines", "Phi-líp-pin", "Philippin", "ຟີລິບປິນ"],
    "total number of pensioners": ["total number of pensioners", "tổng số người hưởng", "ຜູ້ຮັບເງິນບຳນານທັງໝົດ"],
    "actuarial training held": [],
    "fund investment return": ["investment return", "rate of return", "lợi nhuận đầu tư", "ຜົນຕອບແທນ"],
    "UNICEF": ["UNICEF"],
    "Quảng Ninh": ["Quảng Ninh", "Quang Ninh", "ກວາງນິນ"],
    "Cambodia": ["Campuchia", "Cambodia", "ກຳປູເຈຍ"],
}


def dev_forbidden() -> dict[str, list[str]]:
    """The development set's FORBIDDEN table, read from eval/check_questions.py without importing it."""
    tree = ast.parse((ROOT / "eval" / "check_questions.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "FORBIDDEN" for t in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit("FORBIDDEN not found in eval/check_questions.py")


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


def read_meta(p: Path) -> dict:
    if p.suffix in (".pdf", ".docx", ".html"):
        return yaml.safe_load(p.with_name(p.stem + ".meta.yaml").read_text(encoding="utf-8"))
    m = _FRONT.match(p.read_text(encoding="utf-8"))
    return yaml.safe_load(m.group(1)) if m else {}


def load_record() -> dict[str, dict]:
    """doc id -> {"langs", "text" (all language versions), "date", "part" (corpus/fixtures/holdout), "meta"}."""
    docs: dict[str, dict] = {}
    parts = [("corpus", sorted((ROOT / "corpus").glob("*.md"))),
             ("fixtures", sorted(p for p in (ROOT / "eval" / "fixtures" / "record").iterdir() if not p.name.endswith(".meta.yaml"))),
             ("holdout", sorted(p for p in (HERE / "record").iterdir() if not p.name.endswith(".meta.yaml")))]
    for part, files in parts:
        for p in files:
            meta = read_meta(p)
            fam = meta.get("version_of") or meta["id"]
            d = docs.setdefault(fam, {"langs": [], "text": "", "date": str(meta.get("date", "")), "part": part, "meta": meta})
            d["langs"].append(meta["lang"])
            d["text"] += "\n" + unicodedata.normalize("NFC", extract(p))
    return docs


def period_end(value: str) -> str:
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        y, mo = int(m[1]), 3 * int(m[2])
        return f"{y}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-12-31"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        y, mo = map(int, value.split("-"))
        return f"{value}-{calendar.monthrange(y, mo)[1]:02d}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    raise ValueError(value)


def check_documents(docs: dict) -> list[str]:
    errors = []
    held = {k: d for k, d in docs.items() if d["part"] == "holdout"}
    for k, d in held.items():
        meta = d["meta"]
        if meta.get("source") != SOURCE_MARK:
            errors.append(f"{k}: source is not the held-out mark")
        if "version_of" in meta:
            errors.append(f"{k}: sets version_of")
        if not k.startswith("ho-"):
            errors.append(f"{k}: id does not start with ho-")
        raw = json.dumps(meta, ensure_ascii=False)
        if raw != unicodedata.normalize("NFC", raw) or d["text"] != unicodedata.normalize("NFC", d["text"]):
            errors.append(f"{k}: not NFC")
    held_text = norm("\n".join(d["text"] for d in held.values()))
    for value, spellings in dev_forbidden().items():
        for sp in spellings:
            pat = re.escape(norm(sp))
            if sp.isascii():
                pat = rf"\b{pat}\b"
            if re.search(pat, held_text):
                errors.append(f"held-out text contains {sp!r}, which a development out-of-record question ({value}) needs absent")
    print(f"record: {len(docs)} document families ({Counter(d['part'] for d in docs.values())})")
    print(f"held-out documents: {len(held)}; languages {dict(Counter(d['meta']['lang'] for d in held.values()))}; "
          f"kinds {dict(Counter(d['meta']['kind'] for d in held.values()))}")
    return errors


def check_briefing(docs: dict) -> list[str]:
    gold = json.loads((HERE / "briefing_gold.json").read_text(encoding="utf-8"))
    as_of = gold["as_of"]
    errors: list[str] = []

    def known(ids, where):
        for d in ids:
            if d not in docs:
                errors.append(f"briefing {where}: unknown doc id {d}")
            elif docs[d]["part"] != "holdout":
                errors.append(f"briefing {where}: {d} is not a held-out document")

    for ag in gold["agreements"]:
        where = ag["key_period"]
        known(ag["status_doc_ids"] + ag.get("also_in", []), where)
        st = ag["status"]
        if "signed" in st:
            end = ag.get("valid_until") or period_end(ag["key_period"][-4:])
            if ("expired" in st) != (end < as_of) or ("in_force" in st) == (end < as_of):
                errors.append(f"briefing agreement {where}: expired / in_force disagrees with {end}")
            if not ag.get("signing_date"):
                errors.append(f"briefing agreement {where}: signed without signing_date")
        if "planned" in st and (ag.get("signing_date") or not ag.get("planned_date")):
            errors.append(f"briefing agreement {where}: planned needs a planned_date and no signing_date")
    for c in gold["commitments"]:
        where = c["id"]
        known([c["doc_id"]] + c["state_doc_ids"] + c.get("also_in", []) + [h["doc_id"] for h in c.get("history", [])], where)
        st = c["state"]
        last_due = period_end(c.get("new_due") or c["due"])
        if st == "overdue" and not (last_due < as_of and not c["state_doc_ids"]):
            errors.append(f"briefing {where}: overdue but due {last_due} or has reports")
        if st == "no_news" and not (period_end(c["due"]) > as_of and not c["state_doc_ids"]):
            errors.append(f"briefing {where}: no_news but due {c['due']} or has reports")
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
    for ev in gold["timeline"]:
        known([ev["doc_id"]] + ev.get("also_in", []), ev["date"])
        if ev["date"] > as_of or ev.get("end", "") > as_of:
            errors.append(f"briefing event {ev['date']} is after as_of")
    for ne in gold["not_events"]:
        known([ne["doc_id"]], ne["description"])
    states = Counter(c["state"] for c in gold["commitments"])
    cross = [c["id"] for c in gold["commitments"] if c["state"] == "done"
             and any(docs[d]["langs"] != docs[c["doc_id"]]["langs"] for d in c["state_doc_ids"] if d in docs)]
    print(f"\nbriefing_gold.json: {len(gold['agreements'])} agreements "
          f"{[(a['key_period'], '/'.join(a['status'])) for a in gold['agreements']]}, {len(gold['commitments'])} commitments "
          f"{dict(states)} (done in another language: {cross}), {len(gold['timeline'])} events, "
          f"{len(gold['not_events'])} not-events")
    return errors


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true", help="also list facts backed by numbers only")
    args = ap.parse_args(argv)
    docs = load_record()
    errors = check_documents(docs)
    all_text = norm("\n".join(d["text"] for d in docs.values()))
    rows = [json.loads(line) for line in (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    eyeball: list[str] = []
    numeric: list[str] = []
    to_read: list[str] = []
    qids = Counter(r["qid"] for r in rows)
    errors += [f"duplicate qid {q}" for q, n in qids.items() if n > 1]
    fields = {"qid", "split", "lang", "question", "history", "kind", "answerable", "expected", "gold_doc_ids", "answer_langs"}
    for r in rows:
        qid = r["qid"]
        raw = json.dumps(r, ensure_ascii=False)
        if not qid.startswith("ho-"):
            errors.append(f"{qid}: qid does not start with ho-")
        if not fields <= set(r) or set(r) - fields - {"missing", "note"}:
            errors.append(f"{qid}: fields {sorted(r)}")
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
                if not FORBIDDEN[m["value"]]:
                    to_read.append(f"{qid} [{r['lang']}] {m['value']}  | {r['question']}")
                for spelling in FORBIDDEN[m["value"]]:
                    pat = re.escape(norm(spelling))
                    if spelling.isascii():
                        pat = rf"\b{pat}\b"
                    if re.search(pat, all_text):
                        errors.append(f"{qid}: missing value {m['value']!r} occurs in the record as {spelling!r}")
            continue
        if "missing" in r:
            errors.append(f"{qid}: answerable question with missing")
        if not r["expected"] or not r["gold_doc_ids"]:
            errors.append(f"{qid}: answerable without expected facts or gold docs")
            continue
        unknown = [d for d in r["gold_doc_ids"] if d not in docs]
        if unknown:
            errors.append(f"{qid}: unknown gold doc ids {unknown}")
            continue
        if len(set(r["gold_doc_ids"])) != len(r["gold_doc_ids"]):
            errors.append(f"{qid}: duplicate gold doc id")
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
    print(f"\n{len(rows)} questions: {len(ans)} answerable, {len(rows) - len(ans)} out of record")
    print("\nkind x language (answerable / out of record):")
    print(f"{'':8}" + "".join(f"{l:>10}" for l in LANGS))
    for k in KINDS:
        cells = []
        for l in LANGS:
            a = sum(1 for r in rows if r["kind"] == k and r["lang"] == l and r["answerable"])
            o = sum(1 for r in rows if r["kind"] == k and r["lang"] == l and not r["answerable"])
            cells.append(f"{a}/{o}")
            if not a:
                errors.append(f"no answerable {k} question in {l}")
        print(f"{k:8}" + "".join(f"{c:>10}" for c in cells))
    cross = [r for r in ans if r["lang"] not in r["answer_langs"]]
    follow = [r for r in rows if r["history"]]
    notone = [r for r in rows if r["lang"] == "vi" and r["question"].isascii()]
    held_q = [r for r in ans if any(docs[d]["part"] == "holdout" for d in r["gold_doc_ids"])]
    only_dev = [r["qid"] for r in ans if r not in held_q]
    print(f"\nby language: {dict(Counter(r['lang'] for r in rows))}")
    print(f"cross-lingual: {len(cross)} ({dict(Counter(r['lang'] for r in cross))})")
    print(f"follow-ups: {len(follow)} ({sum(1 for r in follow if r['answerable'])} answerable)")
    print(f"Vietnamese without tone marks: {len(notone)}")
    print(f"answerable with a held-out gold document: {len(held_q)}; answered by the development record only: {only_dev}")
    print(f"out of record by type: {dict(Counter(r['missing']['type'] for r in rows if not r['answerable']))}, "
          f"by language: {dict(Counter(r['lang'] for r in rows if not r['answerable']))}")
    cited = Counter(d for r in ans for d in r["gold_doc_ids"] if docs[d]["part"] == "holdout")
    uncited = [k for k, d in docs.items() if d["part"] == "holdout" and k not in cited]
    print(f"held-out documents never a gold document: {uncited}")
    if uncited:
        errors.append(f"held-out documents never cited: {uncited}")
    print(f"\nfacts backed by numbers only: {len(numeric)}")
    if args.verbose:
        for line in numeric:
            print("  " + line)
    print(f"facts to read by eye (term in another language than its source): {len(eyeball)}")
    for line in eyeball:
        print("  " + line)
    print(f"out-of-record events to read by eye (planned, never reported): {len(to_read)}")
    for line in to_read:
        print("  " + line)
    errors += check_briefing(docs)
    for e in errors:
        print("ERROR", e)
    print(f"\n{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
