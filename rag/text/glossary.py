"""Domain abbreviations staff type, expanded in queries so both indexes can match them.

"MoU" in a question finds "Memorandum of Understanding" in a passage; "BHXH" finds
"bảo hiểm xã hội". Expansions are appended in brackets, so the original words still count.
"""
from __future__ import annotations

import re

GLOSSARY: dict[str, str] = {
    # English
    "MoU": "memorandum of understanding",
    "MoUs": "memoranda of understanding",
    "VSS": "Vietnam Social Security",
    "LSSO": "Lao Social Security Organization",
    "NSSF": "National Social Security Fund",
    "MoLSW": "Ministry of Labour and Social Welfare",
    "MLSW": "Ministry of Labour and Social Welfare",
    "ASSA": "ASEAN Social Security Association",
    "ISSA": "International Social Security Association",
    # Vietnamese
    "BHXH": "bảo hiểm xã hội",
    "BHYT": "bảo hiểm y tế",
    "BHTN": "bảo hiểm thất nghiệp",
    "ASXH": "an sinh xã hội",
    "BBGN": "biên bản ghi nhớ",
    "LĐTBXH": "Lao động - Thương binh và Xã hội",
    "CHDCND": "Cộng hòa Dân chủ Nhân dân",
    # Lao
    "ສປປ": "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນ",
}
_PATTERN = re.compile(r"(?<![\w])(" + "|".join(sorted(map(re.escape, GLOSSARY), key=len, reverse=True)) + r")(?![\w])",
                      re.IGNORECASE)
_LOWER = {k.lower(): v for k, v in GLOSSARY.items()}


def expand_query(query: str) -> str:
    """Append the expansion of each abbreviation found: 'MoU signed' -> 'MoU signed (memorandum of understanding)'."""
    found = []
    for m in _PATTERN.finditer(query):
        exp = _LOWER.get(m.group(1).lower())
        if exp and exp.lower() not in query.lower() and exp not in found:
            found.append(exp)
    return f"{query} ({'; '.join(found)})" if found else query


def spell_out(query: str) -> str:
    """Replace each abbreviation by its expansion: 'the MoU' -> 'the memorandum of understanding'."""
    return _PATTERN.sub(lambda m: _LOWER.get(m.group(1).lower(), m.group(1)), query)
