"""The multilingual name table, and the vocabulary table built the same way.

A :class:`Lexicon` holds entries (a key, a kind, names per language, abbreviations) and finds
them in any text of the record's languages: :meth:`Lexicon.find` returns each match as a key
with its span, and :meth:`Lexicon.name` writes a key in a language. Two lexicons are data in
this folder:

- :data:`NAMES` (``names.toml``): countries, Lao and Vietnamese provinces and cities,
  organizations, their units and titles ("Viêng Chăn" = "ວຽງຈັນ" = "Vientiane" -> ``vientiane``);
- :data:`TERMS` (``terms.toml``): the record's vocabulary of things and actions (training,
  memorandum, postponed, participants …), so that a question in one language can be matched
  with a passage in another and a fact can be worded for the reader.

Matching forgives how people type: case, Vietnamese without tone marks (when the text itself has
none: "Vieng Chan"), hyphens and spaces ("Xa-van-na-khet" = "Xa van na khet"), and both Lao
spellings (ຫນ/ໜ, ຫມ/ໝ, ຫລ/ຫຼ). One-syllable Vietnamese names ("Lào", "Huế") must be capitalised,
so "lao động" is not Laos. Abbreviations ("VSS", "ILO") match case-sensitively. Where matches
overlap, the longest wins ("Lào Cai" over "Lào", "Phó Tổng Giám đốc" over "Tổng Giám đốc").
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Optional

from .langs import LANGS
from .normalize import fold_latin, nfc

HERE = Path(__file__).resolve().parent
PLACE_KINDS: tuple[str, ...] = ("country", "province", "city")
ACTOR_KINDS: tuple[str, ...] = ("org", "unit", "title")
# the vocabulary a question and a line are read for (what they are about, what is counted, over which span)
CONTENT_KINDS: tuple[str, ...] = ("thing", "action", "topic", "unit", "measure", "span")

_LAO_CHAR = re.compile(r"[\u0e80-\u0eff]")
_VI_MARKED = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)
# Between a name's words. En and em dashes are read as "-" (the images below), so the set stays within
# Latin-1: Python's ``re`` compiles a set with a character past it a hundred times slower, and the name
# tables hold hundreds of these (0.45 s of a cold start, 0.15 s now).
_LATIN_SEP = r"[\s\-.']*"
_LATIN_SPLIT = re.compile(r"[\s\-–—.,']+")
_LAO_VARIANTS = (("ຫນ", "(?:ຫນ|ໜ)"), ("ໜ", "(?:ຫນ|ໜ)"), ("ຫມ", "(?:ຫມ|ໝ)"), ("ໝ", "(?:ຫມ|ໝ)"),
                 ("ຫລ", "(?:ຫລ|ຫຼ)"), ("ຫຼ", "(?:ຫລ|ຫຼ)"))


@dataclass(frozen=True)
class Entry:
    """One thing with its names: ``names[lang]`` lists its names in ``lang`` (the first is written)."""

    key: str
    kind: str
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    abbr: tuple[str, ...] = ()
    parent: str = ""
    match: tuple[str, ...] = ()  # also recognised, never written
    capital: bool = False  # every Latin name must be capitalised ("Ba Lan" the country, not "ba lần")

    def spellings(self) -> list[str]:
        out = [n for lang in LANGS for n in self.names.get(lang, ())] + list(self.match)
        return list(dict.fromkeys(out))


# Vietnamese phrases that, typed without tone marks, start with a name: "lao dong" (lao động, labour) is not
# Laos, "thai san" (thai sản, maternity) not Thailand.
_NOT_NAMES = re.compile(r"(?:lao\s+dong|thai\s+san)\b")
# ... and its "dong" is not a term of its own: "lao dong" is lao động (labour), not đóng (to contribute).
_LAO_BEFORE = re.compile(r"\blao\s+$")


@dataclass(frozen=True)
class Found:
    """A name found in a text: its key and kind, and the span ``text[start:end]``."""

    key: str
    kind: str
    start: int
    end: int
    text: str


class _PerCharacter(dict):
    """A ``str.translate`` table that works out each character's image once, on first sight."""

    def __init__(self, image):
        super().__init__()
        self._image = image

    def __missing__(self, code: int) -> str:
        out = self[code] = self._image(chr(code))
        return out


# Same length as the text, so offsets found in the image are offsets in the text.
_DASHES = {"–": "-", "—": "-"}
_LOWER = _PerCharacter(lambda c: _DASHES.get(c) or (c.lower() if len(c.lower()) == 1 else c))
_FOLD = _PerCharacter(lambda c: (fold_latin(c) or c)[0])


def _lower_same_length(text: str) -> str:
    return text.translate(_LOWER)


def _fold_same_length(text: str) -> str:
    return text.translate(_FOLD)


def _lao_compact(text: str) -> str:
    text = text.replace("ຫນ", "ໜ").replace("ຫມ", "ໝ").replace("ຫລ", "ຫຼ")
    return re.sub(r"\s+", "", text)


def _latin_compact(text: str) -> str:
    return re.sub(r"[\s\-–—.,']+", "", text)


_SEP_MARK = "\0"


def _trie_pattern(names: list[list[str]]) -> str:
    """One regular expression for names given as token lists, their common beginnings shared (a trie):
    Python's ``re`` tries the alternatives of a flat alternation one by one at every position, so a
    table of a thousand names cost 100 us a sentence; the trie reads each character once. At a
    fork the longer continuation is tried first (a name that is the beginning of another loses to it)."""
    trie: dict = {}
    for toks in names:
        node = trie
        for i, tok in enumerate(toks):
            if i:
                node = node.setdefault(_SEP_MARK, {})
            for ch in tok:
                node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(_LATIN_SEP if k == _SEP_MARK else re.escape(k)) + emit(child)
                    for k, child in sorted(node.items()) if k]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _lao_pattern(variant: str) -> str:
    parts = []
    for word in variant.split():
        p = re.escape(word)
        for a, b in _LAO_VARIANTS:
            p = p.replace(a, "\0" + str(_LAO_VARIANTS.index((a, b))) + "\0")
        p = re.sub(r"\0(\d+)\0", lambda m: _LAO_VARIANTS[int(m.group(1))][1], p)
        parts.append(p)
    return r"\s*".join(parts)


class Lexicon:
    """Entries found in texts by any of their spellings; written in any language."""

    def __init__(self, entries: list[Entry], proper: bool = True):
        self.entries: dict[str, Entry] = {e.key: e for e in entries}
        self.proper = proper  # proper names: one-syllable Vietnamese names must be capitalised
        self._loose: Optional[dict[str, str]] = None

    @classmethod
    def from_toml(cls, path: Path, proper: bool = True) -> Lexicon:
        with path.open("rb") as f:
            raw = tomllib.load(f)
        entries = []
        for key, v in raw.items():
            names = {lang: tuple(nfc(n) for n in v.get(lang, ())) for lang in LANGS if v.get(lang)}
            entries.append(Entry(key, v.get("kind", "term"), names, tuple(v.get("abbr", ())), v.get("parent", ""),
                                 tuple(nfc(n) for n in v.get("match", ())), bool(v.get("capital", False))))
        return cls(entries, proper)

    # --- building the matchers ------------------------------------------------------------------
    @cached_property
    def _tables(self) -> dict[str, object]:
        marked: dict[str, tuple[str, bool]] = {}  # compact lower form -> (key, must be capitalised)
        folded: dict[str, tuple[str, bool]] = {}
        lao: dict[str, str] = {}
        abbr: dict[str, str] = {}
        pats_lao: list[tuple[int, str]] = []
        toks_marked: list[list[str]] = []
        toks_folded: list[list[str]] = []
        for e in self.entries.values():
            for name in e.spellings():
                if _LAO_CHAR.search(name):
                    lao.setdefault(_lao_compact(name), e.key)
                    pats_lao.append((len(name), _lao_pattern(name)))
                    continue
                single = self.proper and (e.capital or len(_LATIN_SPLIT.split(name.strip())) == 1
                                          and (bool(_VI_MARKED.search(name)) or name in e.match))
                # (an English adjective, "Thai", only capitalised: "thai sản" is maternity)
                low = _lower_same_length(name)
                tokens = [t for t in _LATIN_SPLIT.split(low) if t]
                if not tokens:
                    continue
                marked.setdefault(_latin_compact(low), (e.key, single))
                toks_marked.append(tokens)
                ftoks = [_fold_same_length(t) for t in tokens]
                folded.setdefault(_latin_compact(_fold_same_length(low)), (e.key, single))
                toks_folded.append(ftoks)
            for a in e.abbr:
                abbr.setdefault(a, e.key)

        def alternation(pats: list[tuple[int, str]]) -> Optional[re.Pattern]:  # Lao: no word boundaries
            return re.compile("(?:" + "|".join(p for _, p in sorted(set(pats), key=lambda x: -x[0])) + ")") \
                if pats else None

        abbr_rx = (re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, sorted(abbr, key=len, reverse=True)))
                              + r")(?![^\W_])") if abbr else None)

        def trie(names: list[list[str]]) -> Optional[re.Pattern]:
            return re.compile(rf"(?<![^\W_]){_trie_pattern(names)}(?![^\W_])") if names else None

        return {"marked": marked, "folded": folded, "lao": lao, "abbr": abbr,
                "rx_marked": trie(toks_marked), "rx_folded": trie(toks_folded),
                "rx_lao": alternation(pats_lao), "rx_abbr": abbr_rx}

    # --- public -----------------------------------------------------------------------------------
    def find(self, text: str, kinds: Optional[tuple[str, ...] | list[str] | set[str]] = None) -> list[Found]:
        """Every entry named in ``text`` (of ``kinds`` if given), in text order, overlaps resolved."""
        if not text:
            return []
        if unicodedata.is_normalized("NFC", text) is False:
            text = nfc(text)
        tb = self._tables
        found: list[Found] = []
        toned = bool(_VI_MARKED.search(text))
        lat = _lower_same_length(text) if toned else _fold_same_length(_lower_same_length(text))
        rx, table = (tb["rx_marked"], tb["marked"]) if toned else (tb["rx_folded"], tb["folded"])
        if rx is not None:
            for m in rx.finditer(lat):
                hit = table.get(_latin_compact(m.group()))
                if hit is None:
                    continue
                key, capital = hit
                if capital and not text[m.start()].isupper():
                    continue
                if self.proper and not toned and _NOT_NAMES.match(lat, m.start()):
                    continue  # "So Lao dong" typed without marks is the Labour Department, not Laos
                if not self.proper and not toned and lat.startswith("dong", m.start()) and \
                        _LAO_BEFORE.search(lat[max(0, m.start() - 8) : m.start()]):
                    continue  # "Lao dong" typed without marks is labour: its "dong" is no contribution
                found.append(self._found(key, m.start(), m.end(), text))
        if tb["rx_lao"] is not None and _LAO_CHAR.search(text):
            for m in tb["rx_lao"].finditer(text):
                key = tb["lao"].get(_lao_compact(m.group()))
                if key is not None:
                    found.append(self._found(key, m.start(), m.end(), text))
        if tb["rx_abbr"] is not None:
            for m in tb["rx_abbr"].finditer(text):
                found.append(self._found(tb["abbr"][m.group()], m.start(), m.end(), text))
        found = _resolve(found)
        if kinds is not None:
            found = [f for f in found if f.kind in kinds]
        return found

    def keys(self, text: str, kinds=None) -> set[str]:
        """The keys named in ``text``."""
        return {f.key for f in self.find(text, kinds)}

    def name(self, key: str, lang: str, fallback: str = "") -> str:
        """``key`` written in ``lang``: its first name there, else in vi, en, lo (``fallback`` if unknown)."""
        e = self.entries.get(key)
        if e is None:
            return fallback or key
        for candidate in (lang, "vi", "en", "lo"):
            names = e.names.get(candidate)
            if names:
                return names[0]
        return e.abbr[0] if e.abbr else key

    def loose_table(self) -> dict[str, str]:
        """Loose spelling (:func:`loose_spelling`) of every Latin name -> key (ambiguous spellings left out)."""
        if self._loose is None:
            table: dict[str, str] = {}
            clash: set[str] = set()
            for key, e in self.entries.items():
                for name in e.spellings():
                    if re.search(r"[^\W\d_]", name) and not re.search(r"[\u0e80-\u0eff]", name):
                        k = loose_spelling(name)
                        if len(k) >= 6:
                            if table.get(k, key) != key:
                                clash.add(k)
                            table[k] = key
            self._loose = {k: v for k, v in table.items() if k not in clash}
        return self._loose

    def entry(self, key: str) -> Optional[Entry]:
        return self.entries.get(key)

    def kind(self, key: str) -> str:
        e = self.entries.get(key)
        return e.kind if e else ""

    def country_of(self, key: str) -> str:
        """The country a name belongs to, through its parents ("vss_it_centre" -> "vss" -> "vietnam");
        "" when the table does not say (the ILO, a ministry of health of either side)."""
        for _ in range(5):
            e = self.entries.get(key)
            if e is None:
                return ""
            if e.kind == "country":
                return key
            key = e.parent
        return ""

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def _found(self, key: str, start: int, end: int, text: str) -> Found:
        return Found(key, self.entries[key].kind, start, end, text[start:end])


_LOOSE = (("ph", "f"), ("kh", "k"), ("th", "t"), ("gh", "g"), ("x", "s"), ("z", "s"), ("y", "i"), ("w", "u"),
          ("c", "k"), ("q", "k"))


def loose_spelling(word: str) -> str:
    """A spelling key under which transliterations of one name meet: no marks, hyphens or spaces, x = s,
    ph = f, doubled letters once ("Chăm-pa-sắc", "Champassak", "Chăm-pa-xắc" -> "khampasak")."""
    s = re.sub(r"[^a-z]", "", fold_latin(word))
    for a, b in _LOOSE:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


def find_loose(text: str, lexicon: Lexicon) -> list[Found]:
    """Capitalised Latin names the exact lookup missed, found under their loose spelling (at least 6 letters):
    "Chăm-pa-sắc" for the province the table writes "Chăm-pa-xắc"."""
    table = lexicon.loose_table()
    taken = [(f.start, f.end) for f in lexicon.find(text)]
    out = []
    words = [m for m in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)*", text)]
    for i, m in enumerate(words):
        if not m.group(0)[0].isupper():
            continue
        for n in (4, 3, 2, 1):
            run = words[i:i + n]
            if len(run) < n or not all(w.group(0)[0].isupper() for w in run) or \
                    any(text[a.end():b.start()] != " " for a, b in zip(run, run[1:])):
                continue
            start, end = run[0].start(), run[-1].end()
            if any(a < end and start < b for a, b in taken + [(f.start, f.end) for f in out]):
                continue
            key = table.get(loose_spelling(text[start:end]))
            if key is not None:
                out.append(lexicon._found(key, start, end, text))
                break
    return out


def _resolve(found: list[Found]) -> list[Found]:
    """Overlapping matches: the longest wins, then the earliest."""
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(f.end <= g.start or g.end <= f.start for g in out):
            out.append(f)
    return sorted(out, key=lambda f: f.start)


NAMES = Lexicon.from_toml(HERE / "names.toml")
"""Countries, provinces, cities, organizations, units and titles."""


TERMS = Lexicon.from_toml(HERE / "terms.toml", proper=False)
"""The record's vocabulary: things, actions, units of counts, scales and currencies."""


def find_names(text: str, kinds=None) -> list[Found]:
    """Names of :data:`NAMES` in ``text`` (keys with spans)."""
    return NAMES.find(text, kinds)


def name_of(key: str, lang: str) -> str:
    """A name key written in ``lang`` ("vientiane", "lo" -> "ວຽງຈັນ")."""
    return NAMES.name(key, lang)


def is_place(key: str) -> bool:
    return NAMES.kind(key) in PLACE_KINDS
