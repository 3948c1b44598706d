"""Lao post-correction of tesseract text: canonical spelling, then dictionary correction.

tesseract's Lao models (``lao``, ``Lao``) cannot emit some characters at all: ໜ and ໝ come out as
ຫນ / ຫມ (or as look-alikes such as ບນ), ຳ as ໍ + າ, and the Lao digits ໐-໙ are missing from
their character sets (lao_digits.py fixes those from the pixels). Text-level steps here:

- ``normalize``: NFC, ໍາ -> ຳ, ຫນ -> ໜ, ຫມ -> ໝ, ເເ -> ແ, a tone mark typed before an upper
  vowel moved after it, doubled marks removed;
- ``dictionary``: every run of Lao letters is segmented into words of laonlp's word lists plus the
  caller's ``vocabulary`` (the record's own words). A stretch that is no word but one edit away from
  exactly one word is replaced by it. Substitutions between letters tesseract is known to confuse
  (ຈ/ອ, ໃ/ໄ, ັ/ົ ...) and a missing or extra mark cost less than other edits, and a stretch with two
  equally good candidates is left alone: the step corrects only when it is confident.
"""
from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterable

log = logging.getLogger(__name__)

ALL_STEPS = ("normalize", "digits", "dictionary")

TONES = "\u0ec8\u0ec9\u0eca\u0ecb"
UPPER_VOWELS = "\u0eb1\u0eb4\u0eb5\u0eb6\u0eb7\u0ebb\u0ecd"
MARKS = set(UPPER_VOWELS + TONES + "\u0eb8\u0eb9\u0ebc\u0ecc")
LEADING = set("ເແໂໄໃ")
LAO_RUN = re.compile("[\u0e81-\u0ec5\u0ec8-\u0ecd\u0edc-\u0edf]+")
MAX_WORD = 18  # code points of the longest stretch looked up

# Pairs of Lao characters that tesseract confuses on degraded scans (seen on the tune half).
CONFUSIONS = [
    ("ຈ", "ອ"), ("ໃ", "ໄ"), ("ັ", "ົ"), ("ິ", "ີ"), ("ຶ", "ື"), ("ຸ", "ູ"), ("່", "້"), ("ບ", "ປ"),
    ("ຜ", "ພ"), ("ຝ", "ຟ"), ("ດ", "ຕ"), ("ຂ", "ຊ"), ("ຄ", "ດ"), ("ນ", "ມ"), ("ວ", "ຈ"), ("ທ", "ຫ"),
    ("ຍ", "ບ"), ("ຽ", "ວ"), ("ຄ", "ຕ"), ("ໍ", "ົ"), ("ີ", "ື"), ("ິ", "ຶ"), ("ລ", "ສ"), ("ຮ", "ອ"),
]
CONFUSABLE = {frozenset(p) for p in CONFUSIONS}
# Two characters read for one: ໝ and ໜ are not in tesseract's Lao character set.
SPLIT_READINGS = [("ບນ", "ໝ"), ("ບມ", "ໝ"), ("ທນ", "ໜ"), ("ຫນ", "ໜ"), ("ຫມ", "ໝ"), ("ນນ", "ໝ")]
COST_CONFUSION = 0.35
COST_MARK = 0.5  # a combining mark missing or extra
COST_OTHER = 0.8
COST_UNKNOWN = 1.0  # per character cluster left as it is
VOCAB_FACTOR = 0.25  # edits towards the caller's own words (the record) cost a quarter
COST_WORD = 0.1  # per word, so fewer longer words win


def normalize_lao(text: str) -> str:
    """Canonical Lao spelling of OCR output (see module doc); other scripts pass through unchanged."""
    text = unicodedata.normalize("NFC", text)
    if not any("\u0e80" <= ch <= "\u0eff" for ch in text):
        return text
    text = text.replace("\u0ecd\u0eb2", "\u0eb3").replace("ຫນ", "ໜ").replace("ຫມ", "ໝ").replace("ເເ", "ແ")
    text = re.sub(f"([{TONES}])([{UPPER_VOWELS}])", r"\2\1", text)
    text = re.sub(f"([{''.join(sorted(MARKS))}])\\1+", r"\1", text)
    return text


class Lexicon:
    """A Lao word set with a one-deletion index (SymSpell style) for edit-distance-1 look-ups."""

    def __init__(self, words: Iterable[str], common: dict[str, int] | None = None):
        self.words: set[str] = set()
        self.index: dict[str, list[str]] = {}
        self.common: dict[str, int] = dict(common or {})  # how often a word is seen in running text
        self.vocab: set[str] = set()  # the caller's own words: trusted most
        for w in words:
            self.add(w)

    def rank(self, word: str) -> tuple[int, int]:
        """Preference among equally near candidates: the caller's vocabulary, then common words."""
        return (word in self.vocab, self.common.get(word, 0))

    def add(self, word: str) -> None:
        word = normalize_lao(word.strip())
        if not word or word in self.words or not LAO_RUN.fullmatch(word):
            return
        self.words.add(word)
        for d in _deletes(word) | {word}:
            self.index.setdefault(d, []).append(word)

    def near(self, s: str) -> list[str]:
        """Words at edit distance exactly 1 from ``s`` (substitution, insertion or deletion)."""
        found: set[str] = set()
        for q in _deletes(s) | {s}:
            for w in self.index.get(q, ()):
                if w != s and w not in found and _edit_cost(s, w) is not None:
                    found.add(w)
        return sorted(found)


def _deletes(s: str) -> set[str]:
    return {s[:i] + s[i + 1:] for i in range(len(s))}


def _edit_cost(s: str, w: str) -> float | None:
    """Cost of the single edit turning ``s`` into ``w`` (None if they are not one edit apart)."""
    if len(s) == len(w):
        diff = [i for i in range(len(s)) if s[i] != w[i]]
        if len(diff) != 1:
            return None
        a, b = s[diff[0]], w[diff[0]]
        if frozenset((a, b)) in CONFUSABLE:
            return COST_CONFUSION
        return COST_MARK if a in MARKS and b in MARKS else COST_OTHER
    short, long_ = (s, w) if len(s) < len(w) else (w, s)
    if len(long_) - len(short) != 1:
        return None
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1:] == short:
            return COST_MARK if long_[i] in MARKS else COST_OTHER
    return None


def _commonness() -> dict[str, int]:
    """How many contexts each word has in laonlp's two part-of-speech tagger models.

    laonlp ships no word frequencies, but its averaged-perceptron taggers keep one feature per
    (word, neighbour position) seen in their training text: a word with many such features is a
    word of running text, which separates ໄດ້ ("did", everywhere) from ໃຕ້ ("south") when a
    misread ໃດ້ is one edit from both.
    """
    import json
    import os

    import laonlp

    counts: dict[str, int] = {}
    folder = os.path.join(os.path.dirname(laonlp.__file__), "corpus")
    for name in ("ptagger_Yunshan-Cup_corpus.json", "ptagger_SeqLabeling_corpus.json"):
        try:
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                model = json.load(fh)
        except (OSError, ValueError):
            continue
        for key in model.get("weights", {}):
            m = re.match(r"i(?:[+-][12])? word (.+)$", key)
            if m:
                counts[m.group(1)] = counts.get(m.group(1), 0) + 1
        for word in model.get("tagdict", {}):
            counts[word] = counts.get(word, 0) + 5
    return {normalize_lao(k): v for k, v in counts.items() if LAO_RUN.fullmatch(k)}


@functools.lru_cache(maxsize=1)
def base_lexicon() -> Lexicon:
    """laonlp's Lao word lists (dictionary, spell-check list, Wiktionary); empty if laonlp is missing."""
    try:
        from laonlp.corpus import lao_words
    except ImportError:
        log.warning("laonlp is not installed: Lao dictionary correction is off")
        return Lexicon(())
    common = _commonness()
    return Lexicon(list(lao_words()) + list(common), common)


@functools.lru_cache(maxsize=8)
def _lexicon_cached(vocab: tuple[str, ...]) -> Lexicon:
    base = base_lexicon()
    if not vocab:
        return base
    lex = Lexicon((), base.common)
    lex.words = set(base.words)
    lex.index = {k: list(v) for k, v in base.index.items()}
    for phrase in vocab:
        for w in LAO_RUN.findall(normalize_lao(phrase)):
            lex.add(w)
            lex.vocab.add(w)
    return lex


def lexicon_for(vocabulary: Iterable[str] = ()) -> Lexicon:
    """The base lexicon plus the Lao words of ``vocabulary`` (cached per vocabulary)."""
    return _lexicon_cached(tuple(sorted({v for v in vocabulary if v})))


def _boundaries(run: str) -> list[int]:
    """Offsets where a word may start or end: before a base character, never after a leading vowel."""
    out = [0]
    for i in range(1, len(run)):
        if run[i] in MARKS or run[i - 1] in LEADING or run[i] in "ະາຳຽ":
            continue
        out.append(i)
    out.append(len(run))
    return out


def _best_candidate(sub: str, lex: Lexicon) -> tuple[float, str] | None:
    """The one confident one-edit correction of ``sub`` with its cost, or None.

    Edits towards the caller's vocabulary cost a quarter. Among equally cheap candidates the one that
    ranks first (vocabulary, then clearly more common: twice the contexts) wins; a tie is no answer.
    """
    cands = []
    for two, one in SPLIT_READINGS:
        at = sub.find(two)
        while at >= 0:
            w = sub[:at] + one + sub[at + 2:]
            if w in lex.words:
                cands.append((COST_CONFUSION, w))
            at = sub.find(two, at + 1)
    for w in lex.near(sub):
        c = _edit_cost(sub, w)
        if c is None or (c >= COST_OTHER and len(sub) < 5):
            continue
        cands.append((c * (VOCAB_FACTOR if w in lex.vocab else 1.0), w))
    if not cands:
        return None
    low = min(c for c, _ in cands)
    top = sorted((w for c, w in cands if c == low), key=lex.rank, reverse=True)
    if len(top) > 1:
        first, second = lex.rank(top[0]), lex.rank(top[1])
        if not (first[0] > second[0] or first[1] >= max(2, 2 * second[1])):
            return None
    return low, top[0]


def correct_run(run: str, lex: Lexicon) -> str:
    """Best segmentation of one run of Lao letters into known words, correcting confident one-edit slips."""
    if run in lex.words or len(run) < 2:
        return run
    cuts = _boundaries(run)
    n = len(cuts)
    best: list[tuple[float, list[str]] | None] = [None] * n
    best[0] = (0.0, [])
    for a in range(n - 1):
        if best[a] is None:
            continue
        base_cost, base_out = best[a]
        for b in range(a + 1, n):
            i, j = cuts[a], cuts[b]
            if j - i > MAX_WORD:
                break
            sub = run[i:j]
            options: list[tuple[float, str]] = []
            if sub in lex.words and len(sub) > 1:  # the lists hold every letter: a lone one proves nothing
                options.append((COST_WORD, sub))
            elif len(sub) >= 3:
                pick = _best_candidate(sub, lex)
                if pick is not None:
                    options.append((pick[0] + COST_WORD, pick[1]))
            if b == a + 1:
                options.append((COST_UNKNOWN, sub))
            for cost, text in options:
                total = base_cost + cost
                if best[b] is None or total < best[b][0] - 1e-9:
                    best[b] = (total, base_out + [text])
    result = "".join(best[-1][1]) if best[-1] else run
    if result != run:
        log.debug("lao dictionary: %s -> %s", run, result)
    return result


def correct_token(token: str, lexicon: Lexicon | None, steps: Iterable[str] = ALL_STEPS) -> str:
    """Correct one OCR word (a space-free stretch that may mix Lao letters, digits and punctuation)."""
    steps = set(steps)
    if "normalize" in steps:
        token = normalize_lao(token)
    if lexicon is not None and "dictionary" in steps and lexicon.words:
        token = LAO_RUN.sub(lambda m: correct_run(m.group(0), lexicon), token)
    return token


def correct_lao(text: str, vocabulary: Iterable[str] = ()) -> str:
    """Lao post-correction of plain text (normalisation and dictionary correction, word by word).

    Whitespace and non-Lao text are kept as they are. The Lao digit pass needs the page pixels, so
    it runs inside ``ocr_image`` only.
    """
    lex = lexicon_for(vocabulary)
    return re.sub(r"\S+", lambda m: correct_token(m.group(0), lex), text)
