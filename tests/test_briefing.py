"""The briefing on a real Chroma store: timeline, agreements, planned activities, talking points,
Markdown and DOCX output, the CLI, and a new Lao document. Extraction reads patterns, not the
embedding model, so most of this runs in the fast tier; relevance of talking points is ``real``."""
from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from helpers.paths import CORPUS_DIR
from helpers.stores import make_settings

from rag.answer.assistant import Assistant
from rag.briefing import (
    AREAS,
    LABELS,
    LAO_FONT,
    Briefing,
    build_briefing,
    extract_agreements_and_activities,
    filter_rows,
    rows_as_records,
    to_docx,
    to_docx_bytes,
    to_markdown,
    write_briefing,
)
from rag.ingest.service import ingest_paths
from rag.retrieval.hybrid import Retriever
from rag.store.chroma import Store
from rag.text.dates import find_dates
from rag.text.normalize import lao_to_arabic

VI_DOC = "vss-lao-2022-11-22-vi"
MARKER = re.compile(r"\[(\d+)\]")
NUMBER = re.compile(r"\d+(?:[/\-–]\d+)*")
LAO = re.compile(r"[\u0e80-\u0eff]")


# --- fixtures -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def assistant(toy_corpus) -> Assistant:
    return Assistant(toy_corpus.settings, toy_corpus.retriever)


@pytest.fixture(scope="module")
def briefings(assistant) -> dict[str, Briefing]:
    return {lang: build_briefing(assistant, lang=lang) for lang in ("vi", "lo", "en")}


@pytest.fixture(scope="module")
def chunks(toy_corpus) -> dict[str, object]:
    return {c.id: c for c in toy_corpus.store.get()}


def event_on(b: Briefing, date: str, kind: str):
    found = [e for e in b.timeline if e.date == date and e.kind == kind]
    assert len(found) == 1, [(e.date, e.kind, e.text) for e in b.timeline]
    return found[0]


def check_span(item, chunks) -> str:
    """The item's (chunk_id, start, end) locate its quoted sentence exactly in the stored passage."""
    c = chunks[item.chunk_id]
    assert c.meta.doc_id == item.doc_id
    a, b = item.start - c.meta.start, item.end - c.meta.start
    assert 0 <= a < b <= len(c.text)
    assert c.text[a:b] == item.quote
    return c.text


# --- timeline -------------------------------------------------------------------------------
def test_timeline_has_the_four_milestones_cited_to_the_right_passage(briefings, chunks):
    b = briefings["vi"]
    assert [e.date for e in b.timeline] == sorted(e.date for e in b.timeline)  # oldest first

    est = event_on(b, "1998", "establishment")
    text = check_span(est, chunks)
    assert est.doc_id == VI_DOC and est.date_display == "1998"
    assert "Từ năm 1998" in est.quote and "thiết lập" in est.quote
    assert chunks[est.chunk_id].meta.para == 6 and "1998" in text

    mou15 = event_on(b, "2015-12", "signing")
    check_span(mou15, chunks)
    assert mou15.date_display == "12/2015" and mou15.evidence == "tháng 12/2015"
    assert "lần thứ 38" in mou15.quote and "2016-2020" in mou15.quote

    review = event_on(b, "2022-08", "review")
    check_span(review, chunks)
    assert review.date_display == "08/2022" and review.place == "Quảng Nam"
    assert "Hội nghị tổng kết" in review.quote

    sign22 = event_on(b, "2022-11-22", "signing")
    text = check_span(sign22, chunks)
    assert sign22.date_display == "22/11/2022" and sign22.inherited_year and not sign22.approximate
    assert sign22.evidence == "22/11" and "tại Lào" in text and sign22.place == "Lào"
    # The memorandum signed (2022-2025) and the occasion (ASSA 39) are cited to their own passages.
    related = {f.name: f for f in sign22.related}
    assert related["agreement"].value == "Biên bản ghi nhớ hợp tác giai đoạn 2022-2025"
    assert "2022-2025" in check_span(related["agreement"], chunks)
    assert "ASSA 39" in related["occasion"].value and "ASSA 39" in check_span(related["occasion"], chunks)

    for e in b.timeline:  # every event is cited from the official original
        assert e.doc_id == VI_DOC and e.n >= 1


def test_vague_date_takes_the_documents_date_marked_approximate(briefings, chunks):
    visit = event_on(briefings["vi"], "2022-11-22", "visit")
    assert visit.approximate and visit.evidence == "Vừa qua"
    check_span(visit, chunks)
    md = to_markdown(briefings["vi"])
    assert "22/11/2022 " + LABELS["vi"]["approx"] in md


def test_events_are_one_per_language_family_shown_in_the_briefing_language(briefings):
    vi, lo, en = briefings["vi"], briefings["lo"], briefings["en"]
    assert len(vi.timeline) == len(lo.timeline) == len(en.timeline)
    for a, b_, c in zip(vi.timeline, lo.timeline, en.timeline):
        assert a.chunk_id == b_.chunk_id == c.chunk_id  # same cited passage whatever the language
    e_lo = event_on(lo, "2015-12", "signing")
    assert e_lo.text_lang == "lo" and "ເດືອນ 12/2015" in e_lo.text and e_lo.shown["doc_id"].endswith("-lo")
    assert e_lo.kind_label == "ລົງນາມ"
    e_en = event_on(en, "2015-12", "signing")
    assert e_en.text.startswith("In December 2015") and e_en.text_lang == "en"


# --- agreements -----------------------------------------------------------------------------
def test_agreements_with_fields_status_and_not_stated(assistant, briefings, chunks):
    b = briefings["vi"]
    by_period = {a.period.value: a for a in b.agreements if a.period}
    assert set(by_period) == {"2016-2020", "2022-2025"}

    old = by_period["2016-2020"]
    assert old.signed.value == "12/2015" and old.signed_date == "2015-12"
    assert "lần thứ 38" in old.place.value
    assert old.parties.value == "BHXH Việt Nam và Bộ Lao động và Phúc lợi Xã hội Lào"
    assert old.articles.value == "8" and "8 Điều khoản" in check_span(old.articles, chunks)
    assert {f.key for f in old.areas} >= {"capacity", "policy"}
    assert old.status == "expired" and old.followed_by == by_period["2022-2025"].key  # as of today

    new = by_period["2022-2025"]
    assert new.signed.value == "22/11/2022" and new.place.value == "Lào"
    assert "22/11" in check_span(new.signed, chunks)
    assert "2022-2025" in check_span(new.period, chunks)
    assert new.articles is None  # the record does not say: shown as "not stated", not guessed
    assert "ASSA 39" in new.occasion.value
    assert {f.key for f in new.areas} >= {"admin_reform", "digital", "inspection", "policy"}
    for f in [new.signed, new.place, new.parties, new.period, new.occasion, *new.areas]:
        check_span(f, chunks)

    table = to_markdown(b).split("## 2. ")[1].split("## 3. ")[0]
    assert "| Biên bản ghi nhớ hợp tác giai đoạn 2022-2025 [" in table

    def status(as_of):  # the same extraction as the briefing, without the talking points
        rows = extract_agreements_and_activities(assistant, as_of=as_of, lang="en", status=None)
        return {r.period: r.status for r in rows if r.kind == "agreement"}

    assert status("2018-06-01") == {"2016-2020": "in_force", "2022-2025": "not_yet_in_force"}
    assert status("2023-06-01") == {"2016-2020": "expired", "2022-2025": "in_force"}
    assert status("2022-11-01") == {"2016-2020": "expired", "2022-2025": "not_yet_in_force"}  # not yet signed


# --- planned activities ---------------------------------------------------------------------
def test_planned_activities_by_area_each_with_its_document(briefings, chunks):
    b = briefings["vi"]
    areas = {a.area for a in b.activities}
    # The areas the article lists for the coming period.
    assert areas >= {"admin_reform", "digital", "inspection", "policy", "coverage", "fund", "database",
                     "legislation", "expansion"}
    for a in b.activities:
        text = check_span(a, chunks)
        assert a.doc_id == VI_DOC and a.document and a.date
        assert a.text.rstrip(".…") in text or a.text[1:] in text  # the item is in the cited passage
    digital = [a for a in b.activities if a.area == "digital"]
    assert {a.text for a in digital} == {"Chia sẻ kinh nghiệm về thực hiện chuyển đổi số trong lĩnh vực an sinh xã hội",
                                         "Chuyển đổi số toàn diện"}
    assert any(a.agreement for a in digital)  # "Theo đó" after the 2022-2025 signing
    lo_digital = [a for a in briefings["lo"].activities if a.area == "digital"]
    assert all(LAO.search(a.text) and a.text_lang == "lo" for a in lo_digital)
    assert set(b.activities_by_area()) == areas


# --- talking points -------------------------------------------------------------------------
def test_extractive_talking_points_are_relevant_passages(briefings, chunks):
    b = briefings["vi"]
    assert b.talking_points_mode == "extractive" and 1 <= len(b.talking_points) <= 5
    for tp in b.talking_points:
        check_span(tp, chunks)
    assert "## 4. Các đoạn liên quan nhất đến chủ đề" in to_markdown(b)


class ScriptedBackend:
    """An LLMBackend that answers with one point copied from passage [1] and one invented point."""

    name = "scripted"
    context_tokens = 4096

    def __init__(self):
        self.first = ""

    def count_tokens(self, text: str) -> int:
        return len(text) // 3 + 1

    def stream(self, messages, max_tokens):
        user = messages[-1]["content"]
        passage = re.search(r"\[1\] [^\n]*\n<<<\n(.*?)\n>>>", user, re.S).group(1)
        self.first = re.split(r"(?<=[.…])\s+", passage)[0].rstrip(".")
        yield f"- {self.first} [1]\n"
        yield "- Hai bên sẽ ký hiệp định về du lịch vũ trụ vào năm 2031 [2]\n"
        yield f"- {self.first} [9]\n"  # passage [9] was never given
        yield f"- {self.first}\n"  # no citation at all


class BrokenBackend(ScriptedBackend):
    def stream(self, messages, max_tokens):
        raise RuntimeError("model crashed")


def test_model_talking_points_keep_only_supported_cited_points(toy_corpus, chunks):
    corpus_store = toy_corpus
    backend = ScriptedBackend()
    a = Assistant(corpus_store.settings, corpus_store.retriever, backend=backend)
    b = build_briefing(a, topic="chuyển đổi số", lang="vi")
    assert b.talking_points_mode == "model" and b.backend == "scripted"
    assert [tp.text.rstrip(".") for tp in b.talking_points] == [backend.first]
    tp = b.talking_points[0]
    assert backend.first in check_span(tp, chunks) and backend.first in tp.quote
    assert "2031" not in to_markdown(b)
    assert "## 4. Điểm trao đổi và câu hỏi mở" in to_markdown(b)

    broken = build_briefing(Assistant(corpus_store.settings, corpus_store.retriever, backend=BrokenBackend()),
                            lang="vi")
    assert broken.talking_points_mode == "extractive" and broken.talking_points


# --- citations, Markdown and DOCX -----------------------------------------------------------
def _docx_content(path: Path):
    """(claims, sources): claims are (row or None, text) in reading order before the Sources heading;
    sources map n -> (head, [passage texts]) as written at the end of the document."""
    d = docx.Document(str(path))
    claims: list[tuple] = []
    sources: dict[int, tuple[str, list[str]]] = {}
    in_sources = False
    current = None
    for block in d.iter_inner_content():
        if isinstance(block, docx.table.Table):
            for row in block.rows[1:]:
                cells = [c.text for c in row.cells]
                for text in cells:
                    claims.append((cells, text))
            continue
        text, style = block.text, block.style.name
        if style.startswith("Heading 1") and text.startswith("5."):
            in_sources = True
            continue
        if not in_sources:
            claims.append((None, text))
        elif m := re.match(r"\[(\d+)\] (.*?): “(.*)”$", text, re.S):
            current = int(m.group(1))
            sources[current] = (m.group(2), [m.group(3)])
    return d, claims, sources


def _date_supported(date_cell: str, head: str, passages: list[str]) -> bool:
    """A dd/mm/yyyy, mm/yyyy or yyyy date is written in the passage, or is its document's date (an
    approximate date; "reported on dd/mm/yyyy"). A range "21/08–31/08/2023" is checked by its first day
    (the day the cited sentence gives; the last may come from the next line of a programme)."""
    shown = date_cell.split(" ")[0]
    if "–" in shown:  # a range: either end written in the passage
        first, last = shown.split("–")
        first = first + last[len(first):] if len(first) < len(last) else first
        rest = date_cell[len(date_cell.split(" ")[0]):]
        return _date_supported(first + rest, head, passages) or _date_supported(last + rest, head, passages)
    parts = [int(x) for x in shown.split("/")][::-1]
    iso = "-".join(f"{x:02d}" if i else f"{x:04d}" for i, x in enumerate(parts))
    doc_date = re.search(r" — (\d{2}/\d{2}/\d{4})", head).group(1)
    d, m, y = doc_date.split("/")
    if iso == f"{y}-{m}-{d}":
        return True
    if "(" in date_cell:  # approximate: the document's date
        return False
    return any(x.iso == iso for p in passages for x in find_dates(p, f"{y}-{m}-{d}"))


def _number_supported(token: str, head: str, passages: list[str]) -> bool:
    joined = lao_to_arabic(" ".join(passages))
    if token in joined:
        return True
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}", token):
        return _date_supported(token, head, passages)
    return False


def check_docx(path: Path, b: Briefing, chunks) -> int:
    d, claims, printed = _docx_content(path)
    assert set(printed) == {c.n for c in b.sources} == set(range(1, len(b.sources) + 1))
    sources = {}
    for c in b.sources:  # [n] quotes sentences of the stored passage of its citation; claims are checked on it
        stored = chunks[c.chunk_id].text
        for piece in printed[c.n][1][0].split(" … "):
            piece = piece.strip(" …")
            assert re.sub(r"\s+", " ", piece) in re.sub(r"\s+", " ", stored), (c.n, piece)
        sources[c.n] = (printed[c.n][0], [stored])
    checked = 0
    for row, text in claims:
        pos = 0
        for m in MARKER.finditer(text):
            n = int(m.group(1))
            assert n in sources, f"[{n}] does not resolve: {text}"
            head, passages = sources[n]
            claim = lao_to_arabic(text[pos : m.start()])
            for token in NUMBER.findall(claim):
                assert _number_supported(token, head, passages), f"{token!r} of {claim!r} is not in [{n}]"
            if row is not None and len(row) == 2 and pos == 0 and row[1] == text:
                assert _date_supported(row[0], head, passages), f"date {row[0]} is not in [{n}]"  # timeline row
            pos = m.end()
            checked += 1
    return checked


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_docx_opens_and_every_cited_number_resolves(briefings, chunks, tmp_path, lang):
    b = briefings[lang]
    path = to_docx(b, tmp_path / f"brief-{lang}.docx")
    checked = check_docx(path, b, chunks)
    assert checked >= len(b.timeline) + len(b.talking_points[:3])
    d = docx.Document(str(path))
    section = d.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)  # A4
    headings = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
    L = LABELS[lang]
    for key in ("summary", "timeline", "agreements", "sources"):
        assert L[key] in headings
    assert "3. " + L["commitments"] in headings
    text = "\n".join(p.text for p in d.paragraphs)
    assert "extractive" not in text and "scripted" not in text  # no internal words
    timeline = d.tables[0]
    assert [c.text for c in timeline.rows[0].cells] == [L["col_date"], L["col_event"]]
    assert timeline.columns[0].width < timeline.columns[1].width / 3  # the date column is narrow
    assert len(timeline.rows) == len(b.timeline) + 1
    assert timeline.rows[1].cells[0].text == "1998"
    # Lao text is set in a Lao font (complex-script font of the run).
    lao_runs = [r for p in d.paragraphs for r in p.runs if LAO.search(r.text)]
    lao_runs += [r for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs
                 if LAO.search(r.text)]
    if lang == "lo":
        assert len(lao_runs) > 20
    for r in lao_runs:
        fonts = r._element.rPr.rFonts
        assert fonts.get(qn("w:cs")) == LAO_FONT and fonts.get(qn("w:hint")) == "cs"
    assert to_docx_bytes(b)[:2] == b"PK"


def test_markdown_output(briefings):
    md = to_markdown(briefings["vi"])
    assert md.startswith("# Bản tin chuẩn bị làm việc")
    for key in ("summary", "timeline", "agreements", "sources"):
        assert f"## {LABELS['vi'][key]}" in md
    assert "| Ngày | Sự kiện |" in md
    assert "| 12/2015 | Ký kết: Đến tháng 12/2015" in md
    cited = {int(n) for n in MARKER.findall(md.split("## 5. Nguồn")[0])}
    assert cited == {c.n for c in briefings["vi"].sources}
    for c in briefings["vi"].sources:
        assert f"**[{c.n}] {c.title[:40]}" in md
    lo = to_markdown(briefings["lo"])
    assert "ນັບແຕ່ປີ 1998" in lo and "## 1. ລຳດັບເຫດການການຮ່ວມມື" in lo
    assert "Bản tiếng Lào" not in md


def test_period_filter_and_write_briefing(assistant, tmp_path):
    b = build_briefing(assistant, date_from="2015", date_to="2016-06", as_of="2016-01-01", lang="en")
    assert [e.date for e in b.timeline] == ["2015-12"]
    assert [a.period.value for a in b.agreements] == ["2016-2020"] and b.agreements[0].status == "in_force"
    assert b.commitments == []
    assert "The record has no dated commitment in this period." in to_markdown(b)
    out = write_briefing(assistant, tmp_path / "out" / "b.md", date_from="2022", lang="en")
    assert out.read_text(encoding="utf-8").startswith("# Briefing note")
    with pytest.raises(ValueError):
        write_briefing(assistant, tmp_path / "b.txt")
    with pytest.raises(ValueError):
        build_briefing(assistant, date_from="2015-13")
    with pytest.raises(ValueError):
        build_briefing(assistant, lang="fr")


# --- the "Agreements and activities" table --------------------------------------------------
def test_agreements_and_activities_rows_and_filters(assistant, chunks):
    rows = extract_agreements_and_activities(assistant, lang="en", as_of="2023-06-01")
    kinds = {r.kind for r in rows}
    assert kinds == {"agreement", "activity"}
    for r in rows:
        assert r.chunk_id in chunks and r.passage == chunks[r.chunk_id].text
        assert r.quote in r.passage and r.n >= 1
    ags = {r.period: r for r in rows if r.kind == "agreement"}
    assert ags["2022-2025"].status == "in_force" and ags["2016-2020"].status == "expired"
    assert ags["2022-2025"].date == "2022-11-22"

    digital = extract_agreements_and_activities(assistant, lang="en", area="digital")
    assert digital and all("digital" in r.areas for r in digital)
    assert any(r.kind == "agreement" for r in digital)  # the 2022-2025 memorandum names it
    assert {r.period for r in digital if r.kind == "activity"} == {"2022-2025"}

    expired = filter_rows(rows, status="expired")
    assert [r.period for r in expired] == ["2016-2020"]
    early = extract_agreements_and_activities(assistant, lang="vi", date_from="2015", date_to="2020")
    assert {r.kind for r in early} == {"agreement"} and [r.period for r in early] == ["2016-2020"]
    assert filter_rows(rows, date_from="2022-08", date_to="2022-08") == [
        r for r in rows if (r.kind == "activity" and r.date == "2022-08")
        or (r.kind == "agreement" and r.period == "2022-2025")]
    records = rows_as_records(rows)
    assert records[0]["chunk_id"] and set(records[0]) >= {"area", "activity", "document", "date", "status"}
    assert set(AREAS) >= {r.area for r in rows if r.area}


# --- the record grows: a new Lao document appears in the next briefing ----------------------
NEW_LAO_DOC = """---
id: lao-lss-visit-2023-03
title: "ຄະນະຜູ້ແທນອົງການປະກັນສັງຄົມແຫ່ງຊາດ ລາວ ຢ້ຽມຢາມ ແລະ ເຮັດວຽກກັບປະກັນສັງຄົມຫວຽດນາມ"
date: 2023-03-16
lang: lo
kind: news
publisher: ອົງການປະກັນສັງຄົມແຫ່ງຊາດ ລາວ
---

ວັນທີ ໑໕ ເດືອນມີນາ ປີ ໒໐໒໓, ທີ່ນະຄອນຫຼວງຮ່າໂນ້ຍ, ຄະນະຜູ້ແທນອົງການປະກັນສັງຄົມແຫ່ງຊາດ ລາວ ໄດ້ຢ້ຽມຢາມ ແລະ ເຮັດວຽກຮ່ວມກັບປະກັນສັງຄົມຫວຽດນາມ ເພື່ອແລກປ່ຽນບົດຮຽນກ່ຽວກັບການເກັບເງິນສົມທົບ ແລະ ການຈ່າຍເງິນບຳນານ.

ສອງຝ່າຍໄດ້ແລກປ່ຽນປະສົບການກ່ຽວກັບການຫັນເປັນດິຈິຕອນ ແລະ ການຄຸ້ມຄອງກອງທຶນປະກັນສັງຄົມ. ໃນໄລຍະຈະມາເຖິງ, ສອງຝ່າຍຈະສືບຕໍ່ຮ່ວມມືໃນການສ້າງຖານຂໍ້ມູນຜູ້ປະກັນຕົນ.
"""


def test_new_lao_document_appears_in_the_next_briefing(tmp_path):
    settings = make_settings(tmp_path / "grow", embedding_model="toy")
    store = Store(settings).warm_up()
    assert not ingest_paths(store, [CORPUS_DIR / "vss-lao-2022-11-22.vi.md"], bar=False).failed
    a = Assistant(settings, Retriever(store, settings))
    before = build_briefing(a, lang="lo")
    assert all(not e.date.startswith("2023") for e in before.timeline)

    path = tmp_path / "lao-visit.md"
    path.write_text(NEW_LAO_DOC, encoding="utf-8")
    summary = ingest_paths(store, [path], bar=False)
    assert [r.status for r in summary.results] == ["added"]

    after = build_briefing(a, lang="lo")  # the same assistant: no other step
    new = [e for e in after.timeline if e.doc_id == "lao-lss-visit-2023-03"]
    assert len(new) == 1, [(e.date, e.kind, e.doc_id) for e in after.timeline]
    e = new[0]
    assert (e.date, e.date_display, e.kind, e.precision) == ("2023-03-15", "15/03/2023", "visit", "day")
    assert e.evidence == "ວັນທີ ໑໕ ເດືອນມີນາ ປີ ໒໐໒໓" and e.place == "ນະຄອນຫຼວງຮ່າໂນ້ຍ"
    stored = {c.id: c for c in store.get()}
    assert e.evidence in check_span(e, stored)
    assert after.timeline[-1] is e  # the newest event is last
    assert any(x.doc_id == "lao-lss-visit-2023-03" and x.area == "database" for x in after.activities)
    md = to_markdown(after)
    assert "| 15/03/2023 | ການຢ້ຽມຢາມ: ວັນທີ ໑໕ ເດືອນມີນາ ປີ ໒໐໒໓" in md
    assert check_docx(to_docx(after, tmp_path / "after.docx"), after, stored) > 0


# --- the command line -----------------------------------------------------------------------
@pytest.mark.real
def test_cli_brief_writes_a_docx(corpus_store, run_cli, tmp_path):
    out = tmp_path / "brief.docx"
    proc = run_cli("-m", "rag", "brief", "--store", corpus_store.settings.store_dir, "--out", out,
                   "--lang", "en", "--as-of", "2023-01-01", "--topic", "digital transformation")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(out)
    d = docx.Document(str(out))
    text = "\n".join(p.text for p in d.paragraphs)
    assert text.startswith("Briefing note\nTopic: digital transformation")
    assert "In force — within the 2022-2025 period" in "\n".join(
        c.text for t in d.tables for row in t.rows for c in row.cells)

    bad = run_cli("-m", "rag", "brief", "--store", corpus_store.settings.store_dir, "--out", tmp_path / "b.txt")
    assert bad.returncode == 2 and ".docx or a .md" in bad.stderr
    bad = run_cli("-m", "rag", "brief", "--store", corpus_store.settings.store_dir, "--out", out, "--from", "2022-13")
    assert bad.returncode == 2 and "--from" in bad.stderr
