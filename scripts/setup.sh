#!/usr/bin/env bash
# Install the app into a virtual environment (.venv): the CPU build of torch, then this package.
#
#   bash scripts/setup.sh                      # the app and both command lines (rag, rag-ingest)
#   EXTRAS="[test,llm]" bash scripts/setup.sh  # also the test tools and the language-model backends
#   FRESH=1 bash scripts/setup.sh              # start from an empty virtual environment (what CI does)
#
# torch is installed first, pinned to its CPU build: from this machine's own package sources when
# they have it, else from PyTorch's CPU index (an unpinned torch from PyPI is a multi-GB CUDA build).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=${VENV:-.venv}
EXTRAS=${EXTRAS:-}
export PIP_DISABLE_PIP_VERSION_CHECK=1
if [ "${FRESH:-0}" = "1" ]; then rm -rf "$VENV"; fi
if [ ! -x "$VENV/bin/python" ]; then
  if ! "$PY" -m venv "$VENV"; then
    echo "error: cannot create a virtual environment with $PY; on Debian or Ubuntu: sudo apt-get install -y python3-venv" >&2
    exit 2
  fi
fi
PIP=("$VENV/bin/python" -m pip)
if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  "${PIP[@]}" install -q "torch==2.13.0+cpu" 2>/dev/null \
    || "${PIP[@]}" install -q "torch==2.13.0+cpu" --extra-index-url https://download.pytorch.org/whl/cpu
fi
"${PIP[@]}" install -q -e ".${EXTRAS}"
echo "installed in $VENV: $("$VENV/bin/python" -c 'import torch, chromadb, streamlit; print("torch", torch.__version__, "| chromadb", chromadb.__version__, "| streamlit", streamlit.__version__)')"
