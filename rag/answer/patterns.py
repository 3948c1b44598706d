"""Patterns the answer step shares: numbers and citation markers."""
from __future__ import annotations

import re

NUMBER = re.compile(r"\d+(?:[.,/]\d+)*%?")
MARKER = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
