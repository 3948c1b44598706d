"""The register of a corpus version is kept beside the node's local index: a new process on the
same record reads it instead of building it, and anything that no longer matches is rebuilt."""
from __future__ import annotations

import functools
import json

import numpy as np

import rag.answer.lines as lines_module
import rag.register.build as build_module
import rag.register.commitments as commitments_module
import rag.register.events as events_module
from rag.answer.evidence import Evidence
from rag.answer.lines import LineIndex
from rag.ingest.service import ingest_paths
from rag.records import Passage, PassageMeta
from rag.register import build_register, current_agreements, current_register, register_cache
from rag.register.build import AGREEMENTS, KEPT
from rag.retrieval.hybrid import Retriever
from rag.store.chroma import Store
from rag.store.kept import KeptDocuments

NOTE = """---
id: note-{n}
title: "Biên bản làm việc {n}"
date: 2023-0{n}-20
lang: vi
kind: minutes
---

Ngày 15/0{n}/2023, tại Viêng Chăn, đoàn công tác BHXH Việt Nam đã làm việc với Cơ quan BHXH quốc gia Lào.
Hai bên thống nhất tổ chức khóa đào tạo về thu BHXH cho 30 cán bộ Lào trong quý IV/2023.
"""


def _ingest(store: Store, tmp_path, n: int) -> None:
    path = tmp_path / f"note-{n}.md"
    path.write_text(NOTE.format(n=n), encoding="utf-8")
    assert not ingest_paths(store, [path], bar=False).failed


def _new_process_register(settings):
    """What a process that starts now gets: its own store handle, mirror and register cache."""
    retriever = Retriever(Store(settings).warm_up())
    return current_register(retriever.mirror), register_cache(retriever.mirror), retriever


def test_a_new_process_reads_the_register_of_the_same_corpus_version(settings_factory, tmp_path):
    settings = settings_factory()
    store = Store(settings).warm_up()
    _ingest(store, tmp_path, 3)
    first = Retriever(store)
    built = current_register(first.mirror)
    assert register_cache(first.mirror).builds == 1 and built.commitments and built.events
    kept = KEPT.path(first.mirror.local_index().path)
    assert kept.is_file()

    read, cache, _ = _new_process_register(settings)
    assert cache.builds == 0 and read == built and read is not built

    _ingest(store, tmp_path, 4)  # a new corpus version: the kept register is of the old one
    newer, cache, _ = _new_process_register(settings)
    assert cache.builds == 1 and newer.version != built.version and len(newer.events) == 2


def test_a_damaged_register_file_is_rebuilt_and_replaced(settings_factory, tmp_path, caplog):
    settings = settings_factory()
    store = Store(settings).warm_up()
    _ingest(store, tmp_path, 3)
    built, _, retriever = _new_process_register(settings)
    kept = KEPT.path(retriever.mirror.local_index().path)
    kept.write_bytes(b"\x80\x04not a register")
    again, cache, _ = _new_process_register(settings)
    assert cache.builds == 1 and again == built
    assert "could not be read" in caplog.text
    _, cache, _ = _new_process_register(settings)  # the rebuilt one was written back
    assert cache.builds == 0


def test_ingest_prepares_the_register_that_the_next_ask_reads(run_cli, tmp_path):
    folder = tmp_path / "store"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "note-3.md").write_text(NOTE.format(n=3), encoding="utf-8")
    proc = run_cli("-m", "ingest", tmp_path / "docs", "--store", folder, "--no-progress",
                   env={"RAG_LOG_LEVEL": "INFO"})
    assert proc.returncode == 0, proc.stderr
    assert "register prepared" in proc.stderr and list(folder.glob("*.register.pickle"))
    proc = run_cli("-m", "rag", "ask", "--store", folder, "Khóa đào tạo về thu BHXH dành cho bao nhiêu cán bộ?",
                   env={"RAG_LOG_LEVEL": "INFO"})
    assert proc.returncode == 0, proc.stderr
    assert "agreements of corpus version" in proc.stderr and "inventory of corpus version" in proc.stderr
    assert "built in" not in proc.stderr  # neither the register nor the answer layer's inventory is rebuilt
    assert "register of corpus version" not in proc.stderr  # an answer reads the agreements alone
    assert "note-3" in proc.stdout  # its passage is shown (answered or as the closest passage)


def test_rerunning_an_ingest_stopped_after_committing_catches_up_the_index_and_prepares_readers(
        run_cli, settings_factory, tmp_path):
    """A run killed after its last commit (before catching up the node's keyword index and preparing the
    register) is recovered by running the same ingest again, although every document is unchanged."""
    folder, docs = tmp_path / "store", tmp_path / "docs"
    docs.mkdir()
    (docs / "note-3.md").write_text(NOTE.format(n=3), encoding="utf-8")
    assert run_cli("-m", "ingest", docs, "--store", folder, "--no-progress").returncode == 0
    (docs / "note-4.md").write_text(NOTE.format(n=4), encoding="utf-8")
    assert not ingest_paths(Store(settings_factory(store_dir=folder)).warm_up(), [docs / "note-4.md"],
                            bar=False).failed  # committed, and stopped there
    proc = run_cli("-m", "ingest", docs, "--store", folder, "--no-progress", "--json",
                   env={"RAG_LOG_LEVEL": "INFO"})
    assert proc.returncode == 0, proc.stderr
    assert {r["status"] for r in json.loads(proc.stdout)["files"]} == {"unchanged"}
    assert "register prepared" in proc.stderr
    report = json.loads(run_cli("-m", "ingest", "--check", "--store", folder, "--json").stdout)
    assert report["ok"] and report["index_behind"] == 0 and report["index_drift"] == {}, report
    proc = run_cli("-m", "ingest", docs, "--store", folder, "--no-progress", env={"RAG_LOG_LEVEL": "INFO"})
    assert proc.returncode == 0 and "register prepared" not in proc.stderr  # nothing to do: nothing done


MOU = """---
id: mou-news
title: "Ký Bản ghi nhớ hợp tác giai đoạn 2022-2025"
date: 2022-11-22
lang: vi
kind: news
---

Ngày 22/11/2022, tại Viêng Chăn, BHXH Việt Nam và Bộ Lao động - Thương binh và Phúc lợi xã hội Lào đã ký Bản ghi nhớ
hợp tác giai đoạn 2022-2025.
"""


def test_an_answering_process_reads_the_agreements_alone(settings_factory, tmp_path):
    settings = settings_factory()
    store = Store(settings).warm_up()
    (tmp_path / "mou.md").write_text(MOU, encoding="utf-8")
    assert not ingest_paths(store, [tmp_path / "mou.md"], bar=False).failed
    built = current_register(Retriever(store).mirror)
    assert built.agreements
    retriever = Retriever(Store(settings).warm_up())
    KEPT.path(retriever.mirror.local_index().path).unlink()  # the whole register is not what it reads
    alone = current_agreements(retriever.mirror)
    assert register_cache(retriever.mirror).builds == 0
    assert alone.agreements == built.agreements and not alone.events and alone.version == built.version
    AGREEMENTS.path(retriever.mirror.local_index().path).unlink()  # without their file: from the register
    retriever = Retriever(Store(settings).warm_up())
    assert current_agreements(retriever.mirror).agreements == built.agreements
    assert register_cache(retriever.mirror).builds == 1


def _lines(store: Store) -> LineIndex:
    mirror = Retriever(store).mirror
    mirror.refresh()
    return LineIndex(mirror)


def test_a_new_process_reads_the_lines_of_a_document_kept_on_disk_and_rebuilds_them_when_it_changes(
        settings_factory, tmp_path, monkeypatch):
    settings = settings_factory()
    store = Store(settings).warm_up()
    _ingest(store, tmp_path, 3)
    built = _lines(store).document("note-3")
    assert any("30 cán bộ" in ln.text for ln in built)

    calls = []
    real = lines_module.build_lines
    monkeypatch.setattr(lines_module, "build_lines", lambda ps: calls.append(1) or real(ps))
    again = _lines(Store(settings).warm_up())  # another process: nothing in memory
    read = again.document("note-3")
    assert calls == [] and [ln.text for ln in read] == [ln.text for ln in built]
    assert [ln.whens for ln in read] == [ln.whens for ln in built]

    (tmp_path / "note-3.md").write_text(NOTE.format(n=3).replace("30 cán bộ", "45 cán bộ"), encoding="utf-8")
    assert not ingest_paths(store, [tmp_path / "note-3.md"], bar=False).failed
    changed = _lines(Store(settings).warm_up()).document("note-3")
    assert calls == [1] and any("45 cán bộ" in ln.text for ln in changed)


def test_kept_documents_survive_a_damaged_row_and_forget_removed_documents(tmp_path):
    kept = KeptDocuments("things", ("answer",), tmp_path / "keywords-x.sqlite")
    key = kept.key("a", "b")
    kept.put("d1", key, [1, 2])
    kept.put("d2", key, [3])
    assert kept.get("d1", key) == [1, 2] and kept.get("d1", kept.key("a", "c")) is None
    kept._conn().execute("UPDATE kept SET value = x'00' WHERE doc_id = 'd2'")
    assert kept.get("d2", key) is None  # read as a miss: derived again, and the write replaces it
    assert kept.keep_only({"d1"}) == 1 and kept.get("d1", key) == [1, 2]


def test_a_new_process_reads_line_vectors_kept_on_disk_for_the_same_model_only(settings_factory, tmp_path):
    settings = settings_factory()
    store = Store(settings).warm_up()
    _ingest(store, tmp_path, 3)
    texts = ["Hai bên thống nhất tổ chức khóa đào tạo.", "Ngày 15/03/2023, tại Viêng Chăn."]
    first = Evidence(Retriever(store).mirror, store.embedder).vectors(texts)

    calls = []
    again = Store(settings).warm_up()  # another process
    real = again.embedder.encode_passages
    again.embedder.encode_passages = lambda ts: calls.append(list(ts)) or real(ts)
    read = Evidence(Retriever(again).mirror, again.embedder).vectors(texts + ["Một dòng mới."])
    assert calls == [["Một dòng mới."]]
    assert np.allclose(read[:2], first)

    again.embedder.fingerprint = "another-model"  # vectors of another model are never mixed in
    Evidence(Retriever(again).mirror, again.embedder).vectors(texts)
    assert calls[-1] == texts


def _passage(doc_id: str, date: str, text: str) -> Passage:
    meta = PassageMeta(doc_id=doc_id, family=doc_id, title=doc_id, date=date, lang="vi", doc_lang="vi", kind="minutes",
                       para=0, start=0, end=len(text), n_passages=1)
    return Passage(f"{doc_id}:0:{abs(hash(text)) % 10**8}", text, meta)


PLAN = ("Ngày 15/3/2023, tại Viêng Chăn, đoàn công tác BHXH Việt Nam đã làm việc với Cơ quan BHXH quốc gia Lào. "
        "Hai bên thống nhất tổ chức khóa đào tạo về thu BHXH cho 30 cán bộ Lào tại Viêng Chăn trong quý IV/2023.")
REPORT = ("Khóa đào tạo về thu BHXH cho 30 cán bộ Lào tại Viêng Chăn đã được tổ chức xong trong tháng 11/2023, "
          "theo biên bản làm việc ngày 15/3/2023.")
OTHER = "Ngày 5/6/2022, hai bên đã ký Bản ghi nhớ hợp tác giai đoạn 2022-2025 tại Hà Nội."


def test_a_build_reads_again_only_the_documents_that_changed(tmp_path, monkeypatch):
    calls = {"docs": [], "states": 0}
    doc_events, report_state = events_module.doc_events, commitments_module.report_state

    @functools.wraps(doc_events)  # what is kept is named after the function
    def counted_doc(corpus, doc_id):
        calls["docs"].append(doc_id)
        return doc_events(corpus, doc_id)

    def counted_state(*args, **kwargs):
        calls["states"] += 1
        return report_state(*args, **kwargs)

    monkeypatch.setattr(build_module, "PER_DOCUMENT", (counted_doc, *build_module.PER_DOCUMENT[1:]))
    monkeypatch.setattr(events_module, "doc_events", counted_doc)
    monkeypatch.setattr(commitments_module, "report_state", counted_state)
    kept = KeptDocuments("register-readings", ("register", "text"), tmp_path / "index.sqlite")
    record = [_passage("plan", "2023-03-20", PLAN), _passage("report", "2024-01-10", REPORT),
              _passage("other", "2022-06-06", OTHER)]

    first = build_register(record, "v1", kept=kept)
    assert sorted(calls["docs"]) == ["other", "plan", "report"] and calls["states"] >= 1
    (commitment,) = first.commitments
    assert commitment.followups and commitment.followups[0].state == "done"

    calls.update(docs=[], states=0)
    again = build_register(list(reversed(record)), "v1", kept=kept)
    assert calls == {"docs": [], "states": 0}  # every document, and what the report says of the plan, as kept
    assert again == first and again is not first

    changed = [*record[:2], _passage("other", "2022-06-06", OTHER.replace("Hà Nội", "Viêng Chăn"))]
    calls.update(docs=[], states=0)
    after = build_register(changed, "v2", kept=kept)
    assert calls["docs"] == ["other"] and calls["states"] == 0
    monkeypatch.setattr(events_module, "doc_events", doc_events)
    assert after == build_register(changed, "v2")  # the same register as one read from nothing


def test_a_first_build_stopped_midway_resumes_with_the_documents_it_kept(tmp_path, monkeypatch):
    read: list[str] = []
    doc_events = events_module.doc_events

    @functools.wraps(doc_events)
    def failing_on_report(corpus, doc_id):
        if doc_id == "report" and "stopped" not in read:
            read.append("stopped")
            raise KeyboardInterrupt  # the process stopped while reading the second document
        read.append(doc_id)
        return doc_events(corpus, doc_id)

    monkeypatch.setattr(build_module, "BATCH", 1)
    monkeypatch.setattr(build_module, "PER_DOCUMENT", (failing_on_report, *build_module.PER_DOCUMENT[1:]))
    monkeypatch.setattr(events_module, "doc_events", failing_on_report)
    kept = KeptDocuments("register-readings", ("register", "text"), tmp_path / "index.sqlite")
    record = [_passage("plan", "2023-03-20", PLAN), _passage("report", "2024-01-10", REPORT)]
    try:
        build_register(record, "v1", kept=kept)
    except KeyboardInterrupt:
        pass
    assert read == ["plan", "stopped"]
    resumed = build_register(record, "v1", kept=kept)
    assert read == ["plan", "stopped", "report"]  # the plan was kept before the stop
    monkeypatch.setattr(events_module, "doc_events", doc_events)
    assert resumed == build_register(record, "v1")
