"""Patterns the answer step shares: numbers, citation markers, a change "from A to B"."""
from __future__ import annotations

import re

NUMBER = re.compile(r"\d+(?:[.,/]\d+)*%?")
MARKER = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
# "tăng từ 310 lên 540", "from 310 to 540", "ຈາກ 310 ຄົນ … ເປັນ 540 ຄົນ": the number before and the one after
FROM_BEFORE = re.compile(r"(?:\btừ|\bfrom|ຈາກ)\s*$", re.I)
TO_AFTER = re.compile(r"^.{0,50}?(?:\blên|\bthành|\bto|ເປັນ)\s*[\d໐-໙]", re.I)
# "6 tháng", "3 years": a span of time after a number, not what a question counts
TIME_AFTER = re.compile(r"\s*(?:tháng|năm|ngày|tuần|quý|months?|years?|days?|weeks?|quarters?|ເດືອນ|ປີ|ວັນ|ອາທິດ)", re.I)
