#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian machine, then run both tiers.
#   - Debian: Chromium and Noto fonts (the browser test, Lao and Vietnamese glyphs), Tesseract with
#     Vietnamese and Lao (OCR), LibreOffice Writer and poppler (the briefing rendered to check it)
#   - Python: a virtual environment (.venv) with the package, its test tools and the language-model
#     backends (scripts/setup.sh), then the local model, joined and verified (scripts/install_model.py)
#   - ruff, then the fast tier (plain pytest) and the real-parts tier (pytest -m real); in CI
#     (CI=true) no test of a real part may skip itself.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
DEBS=(chromium fonts-noto-core tesseract-ocr tesseract-ocr-vie tesseract-ocr-lao tesseract-ocr-script-laoo
      libreoffice-writer-nogui poppler-utils python3-venv)
missing=()
for p in "${DEBS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# llama.cpp is compiled by the [llm] extra: for any x86-64 CPU, not this one's every instruction (a native build
# segfaulted on a CPU with AMX, in llama_decode). Set before setup.sh, which builds it.
export CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF -DLLAVA_BUILD=OFF}"
EXTRAS="[test,llm]" bash scripts/setup.sh
VPY=.venv/bin/python
$VPY scripts/install_model.py
.venv/bin/ruff check .
$VPY -m pytest -q "$@"             # fast tier
$VPY -m pytest -q -m real "$@"     # real parts
