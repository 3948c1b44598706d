"""Dense search from vectors held in memory (a large record in a long-lived process): the same
CSLS-corrected scores as Chroma's search, filters applied, never loaded by a one-question process,
and a new document found at once while the matrices catch up."""
from __future__ import annotations

import numpy as np
import pytest
from helpers.paths import CORPUS_DIR

from rag.ingest.service import ingest_bytes, ingest_paths
from rag.retrieval.docvectors import CENTROID_SAMPLE, distinct_mean
from rag.retrieval.filters import Filters
from rag.retrieval.hybrid import Retriever
from rag.store.chroma import Store

GENERIC = [
    "Hai bên trao đổi kinh nghiệm về bảo hiểm xã hội.",
    "Hai bên đã trao đổi kinh nghiệm trong lĩnh vực bảo hiểm xã hội.",
    "Hai cơ quan trao đổi kinh nghiệm về chính sách bảo hiểm xã hội.",
    "ສອງຝ່າຍໄດ້ແລກປ່ຽນປະສົບການກ່ຽວກັບປະກັນສັງຄົມ.",
]


def _ingest(store, doc_id: str, text: str, lang: str = "vi") -> None:
    body = f"---\nid: {doc_id}\ntitle: {doc_id}\nlang: {lang}\n---\n{text}\n"
    assert ingest_bytes(store, f"{doc_id}.md", body.encode()).status == "added"


def _six_documents(settings) -> Store:
    """Four generic sentences (one Lao), one specific one, and a document of two passages."""
    store = Store(settings).warm_up()
    for i, text in enumerate(GENERIC):
        _ingest(store, f"chung-{i}", text, "lo" if i == 3 else "vi")
    _ingest(store, "dac-biet", "Năm 2015, Bảo hiểm xã hội Việt Nam và Bộ Lao động Lào ký biên bản ghi nhớ tại Viêng Chăn.")
    _ingest(store, "hai-doan", "Đoàn công tác thăm tỉnh Quảng Nam.\n\nĐoàn công tác đã thăm tỉnh Quảng Nam.")
    return store


def test_in_memory_scores_are_cosine_less_the_hubness_of_other_documents(settings_factory):
    settings = settings_factory(hubness_weight=0.5, hubness_k=2, memory_vectors_from=1)
    store = _six_documents(settings)
    r = Retriever(store, settings).warm_up()
    assert r.vectors.wait() and r.vectors.usable()
    qvec = store.embedder.encode_queries(["Biên bản ghi nhớ ký năm nào?"])[0]
    passages = {p.id: p for p in r.mirror.passages()}
    vecs = store.embeddings(list(passages))
    for lang in (None, "vi", "lo"):
        ranked = r.dense_candidates(qvec, 10, Filters(), lang)
        assert ranked and all(lang is None or x.passage.lang == lang for x in ranked)
        assert len(ranked) == sum(1 for p in passages.values() if lang is None or p.lang == lang)
        for x in ranked:
            pid = x.passage.id
            others = sorted((float(vecs[pid] @ vecs[o]) for o in vecs if passages[o].doc_id != x.passage.doc_id),
                            reverse=True)[:2]
            assert x.score == pytest.approx(float(vecs[pid] @ qvec) - 0.5 * float(np.mean(others)), abs=1e-4)
        assert [x.score for x in ranked] == sorted((x.score for x in ranked), reverse=True)
    assert r.dense_candidates(qvec, 10, Filters())[0].passage.doc_id == "dac-biet"
    assert r.dense_candidates(qvec, 10, Filters(), "en") == []  # a language the record does not have
    # The same candidates, in the same order, as Chroma's search with the same correction.
    chroma = Retriever(store, settings.model_copy(update={"memory_vectors_from": 0})).warm_up()
    assert not chroma.vectors.wait() and not chroma.vectors.usable()
    assert ([x.passage.id for x in chroma.dense_candidates(qvec, 5, Filters(), "vi")]
            == [x.passage.id for x in r.dense_candidates(qvec, 5, Filters(), "vi")])


def test_one_question_never_loads_and_a_new_document_is_found_before_the_matrices_catch_up(settings_factory):
    settings = settings_factory(memory_vectors_from=1)
    store = Store(settings).warm_up()
    ingest_paths(store, [CORPUS_DIR], bar=False)
    r = Retriever(store, settings).warm_up()
    r.search("memorandum 2022-2025", k=5)
    assert not r.vectors.usable() and r.vectors._thread is None  # a `rag ask` process stops here
    r.search("memorandum 2022-2025", k=5)  # the second search starts the background load
    assert r.vectors.wait(60)
    # Filters apply to the in-memory search as to Chroma's.
    lo_only = r.search("memorandum 2022-2025", k=5, filters=Filters(langs=["lo"]))
    assert lo_only and all(h.meta.lang == "lo" for h in lo_only)
    en_doc = r.search("Quảng Nam", k=5, filters=Filters(doc_ids=["vss-lao-2022-11-22-en"]))
    assert en_doc and all(h.doc_id == "vss-lao-2022-11-22-en" for h in en_doc)
    assert r.search("Quảng Nam", k=5, filters=Filters.from_strings(date_from="2023-01")) == []
    # A new document: the old matrices are not used for the new version (Chroma answers meanwhile),
    # and the reload reads only the new vectors.
    note = "Ngày 2/5/2023, hai bên thống nhất lập nhóm công tác về cơ sở dữ liệu hưu trí."
    _ingest(store, "ghi-chu-2023", note)
    qvec = store.embedder.encode_queries([note])[0]
    r.mirror.refresh()
    assert r.vectors.search(qvec, 1, Filters(), None, 0.5) is None  # the matrices are of the old version
    hits = r.search(note, k=3)
    assert hits and hits[0].doc_id == "ghi-chu-2023"
    assert r.vectors.wait(60)
    assert r.dense_candidates(qvec, 1, Filters())[0].passage.doc_id == "ghi-chu-2023"
    assert r.dense_candidates(qvec, 1, Filters(langs=["vi"]), "vi")[0].passage.doc_id == "ghi-chu-2023"


def test_a_one_question_process_reads_the_hubness_kept_by_a_process_that_held_the_vectors(settings_factory, monkeypatch):
    """The app's exact hubness values are kept beside the node's local index: a one-question process uses
    them instead of asking Chroma for each candidate's neighbours, while the record's size stays near the
    size they were computed at; past that, Chroma is asked again."""
    settings = settings_factory(hubness_weight=0.5, hubness_k=2, memory_vectors_from=1)
    store = Store(settings).warm_up()
    for i, text in enumerate(GENERIC):
        _ingest(store, f"chung-{i}", text, "lo" if i == 3 else "vi")
    _ingest(store, "dac-biet", "Năm 2015, Bảo hiểm xã hội Việt Nam và Bộ Lao động Lào ký biên bản ghi nhớ tại Viêng Chăn.")
    app = Retriever(store, settings).warm_up()
    assert app.vectors.wait()
    qvec = store.embedder.encode_queries(["Biên bản ghi nhớ ký năm nào?"])[0]
    expected = {x.passage.id: x.score for x in app.dense_candidates(qvec, 10, Filters())}
    one_question = settings.model_copy(update={"memory_vectors_from": 0})
    asked = []
    real = Store.neighbours

    def counted(self, *a, **kw):
        asked.append(1)
        return real(self, *a, **kw)

    monkeypatch.setattr(Store, "neighbours", counted)
    cold = Retriever(Store(settings).warm_up(), one_question).warm_up()
    got = {x.passage.id: x.score for x in cold.dense_candidates(qvec, 10, Filters())}
    assert not asked and got == pytest.approx(expected, abs=1e-4)
    for i in range(3):  # 5 -> 8 passages: more than a quarter more
        _ingest(store, f"moi-{i}", f"Ghi chú số {i}: đoàn công tác thăm tỉnh Quảng Nam năm 202{i}.")
    grown = Retriever(Store(settings).warm_up(), one_question).warm_up()
    grown.dense_candidates(qvec, 10, Filters())
    assert asked


def test_dense_search_takes_the_records_centroid_off_the_question_in_memory_and_in_chroma(settings_factory):
    """With ``RAG_CENTROID_WEIGHT`` a passage scores its cosine to the question less the weight times its
    cosine to the record's centroid (the mean of the documents' vectors, each document once), the same
    from the in-memory matrices as from Chroma's search (whose cosine divides by the shifted vector's length)."""
    settings = settings_factory(centroid_hubness_weight=0.0, centroid_weight=0.8, centroid_from=1, memory_vectors_from=1)
    store = _six_documents(settings)
    memory = Retriever(store, settings).warm_up()
    assert memory.vectors.wait() and memory.vectors.usable()
    passages = {p.id: p for p in memory.mirror.passages()}
    vecs = store.embeddings(list(passages))
    by_doc: dict[str, list[np.ndarray]] = {}
    for pid, p in passages.items():
        by_doc.setdefault(p.doc_id, []).append(vecs[pid])
    means = [np.mean(v, axis=0) for v in by_doc.values()]
    centroid = np.mean([m / np.linalg.norm(m) for m in means], axis=0)
    assert memory.documents.centroid() == pytest.approx(centroid, abs=1e-5)
    qvec = store.embedder.encode_queries(["Biên bản ghi nhớ ký năm nào?"])[0]
    dvec = memory._dense_query(qvec)
    expected = {pid: float(vecs[pid] @ qvec) - 0.8 * float(vecs[pid] @ centroid) for pid in passages}
    chroma = Retriever(store, settings.model_copy(update={"memory_vectors_from": 0})).warm_up()
    for r in (memory, chroma):
        got = {x.passage.id: x.score for x in r.dense_candidates(dvec, 10, Filters(), "vi")}
        assert got == pytest.approx({pid: s for pid, s in expected.items() if passages[pid].lang == "vi"}, abs=1e-4)
    # 0 turns it off, and a record of fewer documents than RAG_CENTROID_FROM (6 here) keeps the question's vector.
    # The hubness correction then has its own weight (RAG_CENTROID_HUBNESS_WEIGHT, 0 here).
    assert memory._hubness_weight() == 0.0
    for update in ({"centroid_weight": 0.0}, {"centroid_from": 7}):
        off = Retriever(store, settings.model_copy(update=update)).warm_up()
        assert np.array_equal(off._dense_query(qvec), qvec) and off._hubness_weight() == settings.hubness_weight
    assert not np.array_equal(Retriever(store, settings.model_copy(update={"centroid_from": 6}))._dense_query(qvec), qvec)



def test_the_questions_own_language_keeps_the_questions_vector_at_the_other_lists_level(settings_factory):
    """With the centroid on, the other languages' passages are searched with the question less the centroid and
    the question's own language with the question itself, its scores lowered by the weight times the mean cosine
    of that language's documents to the centroid (so the z-score over all languages compares like with like)."""
    settings = settings_factory(centroid_hubness_weight=0.0, centroid_weight=0.8, centroid_from=1)
    store = _six_documents(settings)
    r = Retriever(store, settings).warm_up()
    qvec = store.embedder.encode_queries(["Biên bản ghi nhớ ký năm nào?"])[0]
    dvec = r._dense_query(qvec)
    lists = r._dense_lists(qvec, dvec, 10, Filters(), ["vi", "lo"], "vi")
    centroid = r.documents.centroid()
    ids, matrix = r.documents._matrices()["vi"]
    offset = 0.8 * float((matrix @ centroid).mean())
    assert offset > 0.1
    own = {x.passage.id: x.score + offset for x in lists[0]}
    assert own == pytest.approx({x.passage.id: x.score for x in r.dense_candidates(qvec, 10, Filters(), "vi")}, abs=1e-5)
    other = {x.passage.id: x.score for x in lists[1]}
    assert other == pytest.approx({x.passage.id: x.score for x in r.dense_candidates(dvec, 10, Filters(), "lo")}, abs=1e-5)
    # A question in a language the record does not hold, or the centroid off: every list as before.
    assert [[x.passage.id for x in lst] for lst in r._dense_lists(qvec, dvec, 10, Filters(), ["vi", "lo"], "en")] == \
        [[x.passage.id for x in r.dense_candidates(dvec, 10, Filters(), lang)] for lang in ("vi", "lo")]
    assert r._dense_lists(qvec, qvec, 10, Filters(), ["vi", "lo"], "vi")[0][0].score == pytest.approx(
        r.dense_candidates(qvec, 10, Filters(), "vi")[0].score)


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_a_templates_copies_count_as_one_document_in_the_centroid():
    """Near-duplicates (cosine 0.95 or more) share one weight: 150 copies of a template beside 3 other
    documents count as 4 documents, and the centroid is not the template's; distinct documents keep the
    plain mean; above the sample size the count is scaled to the whole record."""
    rng = np.random.default_rng(7)
    template = rng.normal(size=32)
    copies = _unit(template + 0.05 * rng.normal(size=(150, 32)))
    others = _unit(rng.normal(size=(3, 32)))
    mean, count = distinct_mean(np.concatenate([copies, others]))
    assert count == pytest.approx(4, abs=0.01)
    assert mean == pytest.approx((copies.mean(axis=0) + others.sum(axis=0)) / 4, abs=1e-3)
    distinct = _unit(rng.normal(size=(200, 32)))
    mean, count = distinct_mean(distinct)
    assert count == pytest.approx(200) and mean == pytest.approx(distinct.mean(axis=0), abs=1e-6)
    many = _unit(rng.normal(size=(CENTROID_SAMPLE * 2, 32)))
    assert distinct_mean(many)[1] == pytest.approx(CENTROID_SAMPLE * 2, rel=0.01)
