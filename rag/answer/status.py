"""Status from evidence: done, cancelled, postponed, in progress, planned, or due with no report since.

A yes/no or status question is about something the record tracks over time: a commitment, an
event, an agreement. :func:`classify` reads one line's status (its verb and its date);
:func:`verdict` takes the lines about the subject, orders them by their documents' dates and
lets the latest decide, so a plan of 2023 reported done in a 2025 report is done, and a
commitment whose date has passed with no later report is ``overdue``. What the question asks
(was it done? postponed? planned? still in force?) turns the status into yes or no.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from ..register.lexicon import CANCELLED
from ..text.when import When
from .lines import Line

_DONE = re.compile(
    r"\bđã\s+(?:được\s+)?(?:hoàn thành|tổ chức|gửi|trao|ký|triển khai|diễn ra|thực hiện|mở rộng|khai trương|khởi động|"
    r"tiếp|dịch|nhận|cử|sang)|hoàn thành ngày|được ký|được tổ chức|\b(?:was|were|has been|have been)\s+(?:\w+\s+)?"
    r"(?:held|completed|signed|sent|launched|presented|awarded|organi[sz]ed|extended|finished|done|delivered)|"
    r"\b(?:completed|launched|sent|presented|signed|held|took place|visited|extended)\b|"
    r"ໄດ້ຈັດ|ສຳເລັດແລ້ວ|ໄດ້ສົ່ງ|ໄດ້ມອບ|ໄດ້ລົງນາມ|ໄດ້ຂະຫຍາຍ|ໄດ້ປະຕິບັດ", re.I)
_POSTPONED = re.compile(r"\blùi\b|\bhoãn\b|\bdời\b|postpon|reschedul|delayed|ເລື່ອນ", re.I)
_PROGRESS = re.compile(r"\bđang\b|in progress|under way|underway|ongoing|\bstill\b|ກຳລັງ|ຢູ່ໃນຂັ້ນຕອນ", re.I)
_NOT_DONE = re.compile(r"chưa thực hiện|chưa hoàn thành|chưa được|not (?:yet )?(?:been )?(?:held|done|completed|carried)|"
                       r"ຍັງບໍ່ທັນ|ຍັງບໍ່ໄດ້", re.I)
_PLANNED = re.compile(r"\bsẽ\b|dự kiến|kế hoạch|cam kết|thống nhất|\bwill\b|\bplan(?:s|ned)?\b|\bdue\b|\bexpected\b|"
                      r"\bcommit|\bagreed\b|\bagree to\b|(?<!ກິດ)ຈະ(?!ແຈ້ງ)|ຄາດວ່າ|ວາງແຜນ|ກຳນົດ|ຕົກລົງ|ໃຫ້ຄຳໝັ້ນສັນຍາ", re.I)
_COMMITTED = re.compile(r"hoàn thành\s+(?:trong|trước|vào|chậm nhất)|\bshall\b|\bto be (?:completed|held|done|"
                        r"finished|signed)\b|ຕ້ອງໃຫ້ສຳເລັດ", re.I)
_AFTER_TO = re.compile(r"(?:sang|đến|to|until|till|ເປັນ|ໄປ|ມາເປັນ)\s*(?:ngày\s*|the\s*)?$", re.I)
_EXPECTED = re.compile(r"(?:dự kiến|expected|ຄາດວ່າ)[^.;]{0,40}$", re.I)
_PARTIAL = re.compile(r"(?:hoàn thành|completed|ປະຕິບັດແລ້ວ|ສຳເລັດ)[^.;]{0,25}\d{1,2}\s*%|\d{1,2}\s*%[^.;]{0,25}"
                      r"(?:khối lượng|complete|of the work)", re.I)

STATUS_KEYS = ("done", "cancelled", "postponed", "in_progress", "planned", "overdue", "in_force", "expired", "not_yet")


@dataclass
class LineStatus:
    """The status one line gives, with the date that goes with it."""

    key: str
    line: Line
    when: Optional[When]
    percent: str = ""


def _pick_when(line: Line, key: str) -> Optional[When]:
    ws = [w for w in line.whens if not w.relative]
    if not ws:
        return None
    if key == "postponed":
        after = [w for w in ws if _AFTER_TO.search(line.text[max(0, w.start - 12) : w.start])]
        if after:
            return after[-1]
        if line.cells:  # a plan's row: the date column is the new date
            return ws[-1]
        return None
    if key == "in_progress":
        expected = [w for w in ws if _EXPECTED.search(line.text[max(0, w.start - 60) : w.start])]
        return expected[-1] if expected else ws[-1]
    if key == "done":
        days = [w for w in ws if w.precision in ("day", "range", "month") and w.qualifier != "before"]
        return days[0] if days else ws[0]
    if key in ("planned", "in_progress"):
        return ws[-1]
    return ws[0]


def reports_done(text: str) -> bool:
    """The text reports something done ("đã được tổ chức", "was held", "ໄດ້ຈັດ"), not after a "will"."""
    m = _DONE.search(text)
    return m is not None and not re.search(r"\bsẽ\b|\bwill\b|ຈະ", text[: m.start()], re.I)


def classify(line: Line) -> Optional[LineStatus]:
    """The status a line reports, or None when it reports none."""
    text = line.text
    pct = next((q.text for q in line.quantities if q.percent), "")
    if CANCELLED.search(text):
        key = "cancelled"  # "was cancelled", "bị hủy", "ຖືກຍົກເລີກ", a plan's row "| Cancelled"
    elif _POSTPONED.search(text):
        key = "postponed"
    elif _PARTIAL.search(text):
        key = "in_progress"
    elif line.cells and line.header and any(re.search(r"thời hạn|thời gian|deadline|date|ກຳນົດ|ເວລາ", h, re.I)
                                             for h in line.header):
        key = "planned"  # a row of a plan's table
    elif _NOT_DONE.search(text) and not _POSTPONED.search(text):
        key = "in_progress" if _PROGRESS.search(text) else "planned"
    elif _PROGRESS.search(text) and not re.search(r"đã hoàn thành|completed|ສຳເລັດແລ້ວ", text, re.I):
        key = "in_progress"
    elif _DONE.search(text) and not re.search(r"\bsẽ\b|\bwill\b|ຈະ", text[: _DONE.search(text).start()], re.I):
        key = "done"
    elif _PLANNED.search(text) or _COMMITTED.search(text) or any(w.qualifier == "before" for w in line.whens):
        key = "planned"  # "…, hoàn thành trong năm 2021", "… trước ngày 31/12/2020": a commitment
    else:
        return None
    return LineStatus(key, line, _pick_when(line, key), pct)


def classify_item(line: Line, lead: Optional[Line]) -> Optional[LineStatus]:
    """A line's status, or, for an item that reports none, the plan its lead announces ("Hai bên thống
    nhất:" / "The two sides agreed:" followed by "- to hold a seminar … in Q1 2025;")."""
    st = classify(line)
    if st is not None or lead is None:
        return st
    head = classify(lead)
    if head is None or head.key != "planned":
        return None
    return LineStatus("planned", line, _pick_when(line, "planned"))


def verdict(lines: list[Line], today: dt.date, asks_postponed: bool = False,
            leads: Optional[dict[int, Line]] = None) -> Optional[LineStatus]:
    """The status the latest line about the subject gives; a plan whose date passed with no later
    report is ``overdue``. ``leads`` maps an item line's id to the line introducing its list."""
    leads = leads or {}
    found = [s for s in (classify_item(ln, leads.get(id(ln))) for ln in lines) if s is not None]
    if not found:
        return None
    # Within one document, a line that dates its status beats a lead-in ("hai bên thống nhất:") that does not.
    found.sort(key=lambda s: (s.line.doc_date or "", s.key != "planned", s.when is not None, s.line.index))
    latest = found[-1]
    if asks_postponed:  # "was it postponed?": the report of the postponement, with its new date
        moved = [s for s in found if s.key == "postponed"]
        if moved:
            latest = ([s for s in moved if s.when is not None] or moved)[-1]
    if latest.key == "postponed" and latest.when is None:
        dated = [s for s in found if s.key == "postponed" and s.when is not None]
        if dated:
            latest = dated[-1]
    if latest.key == "planned" and latest.when is not None and latest.when.last < today:
        return LineStatus("overdue", latest.line, latest.when, latest.percent)
    if latest.key == "in_progress" and latest.when is not None and latest.when.last < today and \
            not re.search(r"\b(?:expected|dự kiến)\b|ຄາດວ່າ", latest.line.text, re.I):
        return LineStatus("overdue", latest.line, latest.when, latest.percent)
    return latest


ASKS_POSTPONED = re.compile(r"\blui\b|\bhoan\b(?! thanh)|\bdoi\b|postpon|reschedul|delay|ເລື່ອນ", re.I)
_ASKS_PLAN = re.compile(r"\bhen\b|\bse\b|\bwill\b|du kien|ke hoach|\bplan|\bagree(?!ment)|ນັດ|ວາງແຜນ|ຕົກລົງ", re.I)
# whether something took place: "was it held", "đã được tổ chức chưa", "ໄດ້ຈັດຂຶ້ນແລ້ວບໍ"
ASKS_HELD = re.compile(r"\b(?:held|happen(?:ed)?|take place|took place|carried out|organi[sz]ed|da (?:duoc )?to chuc|"
                       r"duoc to chuc|da dien ra|dien ra chua)\b|ໄດ້ຈັດຂຶ້ນ|ໄດ້ຈັດ", re.I)
# "… như kế hoạch không?", "as planned?": whether it happened on time, not whether it is planned
_AS_PLANNED = re.compile(r"(?:nhu|theo|dung) ke hoach|as (?:it was )?planned|according to (?:the )?plan|on schedule|"
                         r"ຕາມແຜນ(?:ການ)?", re.I)
_ASKS_FORCE = re.compile(r"hieu luc|in force|valid|ຜົນສັກສິດ", re.I)


def answer_is_yes(status: str, probe: str) -> Optional[bool]:
    """Whether ``status`` answers the yes/no question (``probe``: its folded text) with yes."""
    if ASKS_POSTPONED.search(probe):
        return status == "postponed"
    if _ASKS_FORCE.search(probe):
        return status == "in_force"
    if _ASKS_PLAN.search(_AS_PLANNED.sub(" ", probe)) and status != "cancelled" and not ASKS_HELD.search(probe):
        return status in ("planned", "postponed", "in_progress", "done", "overdue")
    if status in ("done", "in_force"):
        return True
    if status in ("planned", "in_progress", "postponed", "overdue", "expired", "not_yet", "cancelled"):
        return False
    return None
