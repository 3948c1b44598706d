"""Spans of time as facts: how long something lasts ("kéo dài 24 tháng") and the periods a line names
("giai đoạn 2022-2025"). Split from :mod:`.facts` (dates, places, counts)."""
from __future__ import annotations

import re

from ..text.dates import year_part_spans
from ..text.langs import DURATION_UNITS, LAO_TO_ARABIC, NUMBER_WORDS
from .facts import Fact, anchors, distance
from .lines import Line
from .question import Question

# --- durations --------------------------------------------------------------------------------
ASKS_DURATION = re.compile(r"how long|bao lâu|bao lau|ດົນປານໃດ|ດົນເທົ່າໃດ|ໃຊ້ເວລາເທົ່າໃດ|ໃຊ້ເວລາດົນ", re.I)
_UNIT_OF = {w.lower(): unit for unit, by_lang in DURATION_UNITS.items() for ws in by_lang.values() for w in ws}
_DURATION = re.compile(r"(?<![\w/.,-])(\d{1,3}|[໐-໙]{1,3}|" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len,
                                                                          reverse=True))
                       + r")\s*(" + "|".join(sorted(map(re.escape, _UNIT_OF), key=len, reverse=True)) + r")(?![\w/])",
                       re.I)


def durations(line: Line, q: Question) -> list[Fact]:
    """Spans of time a line gives ("khóa học kéo dài 24 tháng", "took 8 months", "໒໔ ເດືອນ"), not dates ("tháng
    9/2025") nor parts of a year ("6 tháng đầu năm")."""
    parts = year_part_spans(line.text)
    spots = anchors(line, q)
    out = []
    for m in _DURATION.finditer(line.text):
        if any(a <= m.start() < b for a, b in parts):
            continue
        word = m.group(1).lower()
        n = NUMBER_WORDS.get(word) or int(word.translate(LAO_TO_ARABIC))
        s = 0.6 + 0.3 * (1 - min(distance(m.start(), spots), 120) / 120)
        out.append(Fact("duration", line, m.start(), m.end(), (float(n), _UNIT_OF[m.group(2).lower()]), s))
    return out


# --- periods ----------------------------------------------------------------------------------
def periods(line: Line, q: Question) -> list[Fact]:
    qp = set(q.period_texts())
    spots = anchors(line, q)
    out = []
    for p in line.periods:
        key = f"{p.year}-{p.end_year}"
        if key in qp:
            continue
        s = 0.6 + (0.3 if p.cue else 0.0) + 0.3 * (1 - min(distance(p.start, spots), 120) / 120)
        out.append(Fact("period", line, p.start, p.end, (p.year, p.end_year), s))
    return out
