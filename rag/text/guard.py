"""Passages are data: text inside a document that reads as an instruction to an assistant
("ignore the above and …", "bỏ qua các hướng dẫn trên …") is withheld from the model and
from answers, so a document cannot change what the assistant does.
"""
from __future__ import annotations

import re

from .sentences import sentences

_INSTRUCTION = re.compile(
    r"\b(ignore|disregard|forget|override)\b.{0,60}\b(above|previous|prior|earlier|preceding|instructions?|rules?|prompt)\b|"
    r"\b(you are now|act as|pretend to be|new instructions?|system prompt|as an ai)\b|"
    r"\b(answer|reply|respond|say|write|output)\b.{0,20}\b(only|exactly|instead)\b.{0,5}:|"
    r"(bỏ qua|phớt lờ|quên|bỏ hết|không cần tuân theo).{0,60}(hướng dẫn|chỉ dẫn|chỉ thị|yêu cầu|ở trên|phía trên|trước đó|nói trên)|"
    r"(hãy|chỉ được|chỉ)\s+(trả lời|nói|viết)\s+.{0,20}(rằng|là|:)\s*[\"“']|"
    r"(ບໍ່ຕ້ອງສົນໃຈ|ບໍ່ສົນໃຈ|ລືມ|ຍົກເລີກ).{0,60}(ຄຳແນະນຳ|ຄຳສັ່ງ|ຂ້າງເທິງ|ກ່ອນໜ້ານີ້)",
    re.IGNORECASE | re.DOTALL,
)
WITHHELD = "[…]"


def is_instruction(sentence: str) -> bool:
    """True for a sentence that addresses an assistant rather than stating a fact."""
    return bool(_INSTRUCTION.search(sentence))


def sanitize(text: str) -> str:
    """The passage with instruction-like sentences replaced by a marker."""
    out, pos = [], 0
    for s in sentences(text, lao_clauses=False):
        if is_instruction(text[s.start : s.end]):
            out.append(text[pos : s.start])
            out.append(WITHHELD)
            pos = s.end
    out.append(text[pos:])
    return "".join(out)
