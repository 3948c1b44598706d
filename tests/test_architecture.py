"""The shape of the code, checked: imports flow one way, no file is too long, every string translated.

Data flows text -> store -> ingest / retrieval / register -> answers -> briefing -> runtime and
evaluation -> command lines and the app. No module imports one above it, and no import of our
own code hides inside a function (the usual way to dodge an import cycle).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from helpers.paths import REPO_ROOT

from rag.text.i18n import missing_translations

# Lower number = lower layer. A module may import its own layer and those below.
LAYERS = {
    "rag.config": 0, "rag.text": 0, "rag.records": 1,
    "rag.store": 2, "rag.security": 2,  # accounts, audit trail, conversations: config, text and records only
    "rag.security.corpus": 3,  # the checked, audited corpus writes (over rag.ingest)
    "rag.ingest": 3, "rag.retrieval": 3, "rag.register": 3,
    "rag.answer": 4,
    "rag.briefing": 5,
    "rag.runtime": 6, "rag.evaluation": 6,
    "rag.cli": 7, "rag": 7, "ingest": 7, "ui": 7,
    "app": 8,
}
SOURCES = sorted([*REPO_ROOT.glob("rag/**/*.py"), *REPO_ROOT.glob("ui/**/*.py"), *REPO_ROOT.glob("ingest/*.py"),
                  REPO_ROOT / "app.py"])
MAX_LINES = 550


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def layer(module: str) -> int | None:
    best = None
    for prefix, n in LAYERS.items():
        if module == prefix or module.startswith(prefix + "."):
            if best is None or len(prefix) > len(best[0]):
                best = (prefix, n)
    return best[1] if best else None


def our_imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, inside a function) for every import of our own code in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out = []

    def visit(node, in_function: bool):
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                out.extend((a.name, child.lineno, in_function) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")[: len(package.split(".")) - child.level + 1]
                    name = ".".join(base + ([child.module] if child.module else []))
                else:
                    name = child.module or ""
                if child.module is None:  # "from .. import register": the names are modules
                    out.extend((f"{name}.{a.name}", child.lineno, in_function) for a in child.names)
                else:
                    out.append((name, child.lineno, in_function))
            visit(child, inside)

    visit(tree, False)
    return [(m, line, f) for m, line, f in out if layer(m) is not None]


def test_imports_flow_one_way():
    wrong = []
    for path in SOURCES:
        me = module_name(path)
        mine = layer(me)
        for imported, line, _ in our_imports(path):
            if layer(imported) > mine:
                wrong.append(f"{path.relative_to(REPO_ROOT)}:{line} imports {imported} (layer {layer(imported)} > {mine})")
    assert not wrong, "\n".join(wrong)


def test_no_import_of_our_code_inside_a_function():
    hidden = [f"{p.relative_to(REPO_ROOT)}:{line} imports {m} inside a function"
              for p in SOURCES for m, line, inside in our_imports(p) if inside]
    assert not hidden, "\n".join(hidden)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_files_stay_short(path):
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_LINES, f"{path.relative_to(REPO_ROOT)} has {n} lines: split it by what it does"


def test_every_module_knows_its_layer():
    assert all(layer(module_name(p)) is not None for p in SOURCES)


def test_every_string_is_in_every_language():
    assert not missing_translations()
