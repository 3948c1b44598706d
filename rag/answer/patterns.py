"""Patterns the answer step shares: numbers, citation markers, "when" questions."""
from __future__ import annotations

import re

NUMBER = re.compile(r"\d+(?:[.,/]\d+)*%?")
MARKER = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
WHEN = re.compile(r"khi nào|khi nao|bao giờ|bao gio|năm nào|nam nao|thời gian nào|\bwhen\b|what year|what date|"
                  r"which year|ເມື່ອໃດ|ວັນທີໃດ|ປີໃດ|ເວລາໃດ", re.I)
