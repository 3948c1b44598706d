"""Is one document a translation of another? Passage alignment, numbers, and the decision.

Two documents in different languages are compared passage by passage:

- **alignment**: a monotone one-to-one path through the passage similarity matrix (order is
  preserved, passages may be skipped), scored on similarities normalised by row and column so
  that a passage counts as aligned when it stands out *for that passage*, not because every
  passage of the domain looks alike, and helped or hurt by whether the two passages carry the
  same numbers;
- **numbers**: dates, counts and amounts are the part of a text that translation leaves
  unchanged (Lao digits read as Arabic ones, Lao and English month names as month numbers,
  Roman quarters as numbers). The share of the shorter document's numbers that reappear in the
  passage aligned with theirs separates a translation from a document on the same topic;
- **embedding ranks**: whether each document is the other's nearest document in its language,
  and by what margin (measured by the caller over the whole store).

:func:`decide` turns the evidence into a yes or no, with the reason.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from ..text.langs import EN_MONTHS, LAO_MONTHS, LAO_TO_ARABIC

# Tuned on the public development set (NTREX articles and FLORES sentences in Lao and
# Vietnamese, every cross-language pair of nearest documents) and on eval/fixtures/record:
# no pair linked wrongly there, and 51 of 55 article pairs linked.
NUMBERS_DECIDE = 2.0  # weight of numbers (on the shorter side) from which numbers decide
NUMBERS_AGREE = 0.6  # share of that weight found again in aligned passages: a translation
NUMBERS_DISAGREE = 0.4  # below this: not a translation, whatever the embeddings say
MARGIN = 0.005  # cosine by which the pair must be nearer each other than any other document
MIN_SHARE = 0.5  # share of the shorter document's passages aligned, for numbers to link
RANK_WITH_NUMBERS = 3  # with agreeing numbers, each may be among the other's 3 nearest
# Without numbers, passage alignment decides when the mean vectors are too close to: the pair's
# aligned passages must be nearer than those of any rival among either's 3 nearest, by this much.
# Chosen on the development set's final index: at 0.01, 2 more true article pairs and no wrong one; at 0, 1 wrong.
ALIGN_MARGIN = 0.01
# Where one pair of passages is all the evidence (a document of one passage), two documents whose lengths
# differ by more than this factor are not translations of each other, however near their vectors: the true
# pairs of the development set differ by 2.2 at most (Lao against Vietnamese sentences), and a
# 1,150-character list of names (two passages) was linked to a 255-character sentence that named one of
# them (cosine margin 0.006). Where several passages align, alignment decides: a partial translation is
# shorter by design.
MAX_LENGTH_RATIO = 3.0

_MONTH_WORDS = {**LAO_MONTHS, **{k: v for k, v in EN_MONTHS.items() if len(k) > 3}}
_MONTH = re.compile("|".join(sorted(map(re.escape, _MONTH_WORDS), key=len, reverse=True)), re.I)
_ROMAN = re.compile(r"(?<![A-Za-z])(II|III|IV|VI|VII|VIII|IX|XI|XII)(?![A-Za-z])")
_ROMAN_VALUE = {"II": 2, "III": 3, "IV": 4, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "XI": 11, "XII": 12}
_NUMBER = re.compile(r"\d+")


def numbers_in(text: str) -> Counter:
    """The numbers of a text as strings ('2024', '45', '12'), whatever digits or month words wrote them."""
    text = text.translate(LAO_TO_ARABIC)
    text = _MONTH.sub(lambda m: f" {_MONTH_WORDS.get(m.group(0), _MONTH_WORDS.get(m.group(0).lower(), ''))} ", text)
    text = _ROMAN.sub(lambda m: f" {_ROMAN_VALUE[m.group(1)]} ", text)
    return Counter(n.lstrip("0") or "0" for n in _NUMBER.findall(text))


def weight(numbers: Counter) -> float:
    """How much a set of numbers tells: a year or a one-digit number (a list item, a month) less."""
    total = 0.0
    for n, count in numbers.items():
        w = 0.25 if len(n) == 1 else 0.5 if len(n) == 4 and n[:2] in ("19", "20") else 1.0
        total += w * count
    return total


@dataclass
class Evidence:
    """How two documents (a: n passages, b: m passages) compare; ``path`` pairs passage positions."""

    path: list[tuple[int, int]] = field(default_factory=list)
    share: float = 0.0  # aligned passages / passages of the shorter document
    score: float = 0.0  # mean cosine of the aligned passages
    numbers: float = -1.0  # share of the shorter side's numbers found in aligned passages; -1: too few
    rank_ab: int = 0  # b's rank among a's nearest documents in b's language (1 = nearest)
    rank_ba: int = 0
    margin: Optional[float] = None  # how much nearer than the next document, both ways (None: no rival)
    align_margin: Optional[float] = None  # aligned-passage score over the best rival's, both ways (None: no rival)
    length_ratio: float = 1.0  # longer / shorter document, where one passage pair aligned (1.0 otherwise)

    @property
    def aligned(self) -> int:
        return len(self.path)


def align(sim: np.ndarray, nums_a: list[Counter], nums_b: list[Counter]) -> Evidence:
    """Align two documents' passages (``sim``: cosine matrix, n x m) and measure their numbers."""
    n, m = sim.shape
    agree = np.zeros((n, m))
    has = np.zeros((n, m), dtype=bool)
    wa = [weight(c) for c in nums_a]
    wb = [weight(c) for c in nums_b]
    for i in range(n):
        for j in range(m):
            if wa[i] + wb[j] > 0:
                has[i, j] = True
                agree[i, j] = 2 * weight(nums_a[i] & nums_b[j]) / (wa[i] + wb[j])
    if n == 1 or m == 1:
        i, j = np.unravel_index(int(np.argmax(sim)), sim.shape)
        path = [(int(i), int(j))]
    else:
        rows = (sim - sim.mean(1, keepdims=True)) / (sim.std(1, keepdims=True) + 1e-6)
        cols = (sim - sim.mean(0, keepdims=True)) / (sim.std(0, keepdims=True) + 1e-6)
        gain = (rows + cols) / 2 + np.where(has, 2 * agree - 1, 0.0)
        path = _monotone_path(gain)
    ev = Evidence(path=path)
    ev.share = len(path) / min(n, m)
    ev.score = float(np.mean([sim[i, j] for i, j in path])) if path else 0.0
    if min(sum(wa), sum(wb)) >= NUMBERS_DECIDE:
        a_in_b = _numbers_found(nums_a, nums_b, path)
        b_in_a = _numbers_found(nums_b, nums_a, [(j, i) for i, j in path])
        # The shorter side's numbers; on a tie, the better of the two (the same whichever
        # document is given first: a pair's decision must not depend on which was stored first).
        ev.numbers = a_in_b if sum(wa) < sum(wb) else b_in_a if sum(wb) < sum(wa) else max(a_in_b, b_in_a)
    return ev


def _numbers_found(short: list[Counter], long: list[Counter], path: list[tuple[int, int]]) -> float:
    """Share of the numbers of ``short`` (by weight) found where the alignment allows them in
    ``long``: between the counterparts of the nearest aligned passages before and after (a
    paragraph one translator split in two keeps its numbers)."""
    partner = dict(path)
    found = total = 0.0
    for i, nums in enumerate(short):
        w = weight(nums)
        if not w:
            continue
        lo = max((partner[k] for k in partner if k < i), default=-1) + 1
        hi = min((partner[k] for k in partner if k > i), default=len(long))
        if i in partner:
            lo, hi = partner[i], partner[i] + 1
            # a paragraph split in two: the unaligned neighbours of its counterpart count too
            while lo > 0 and (lo - 1) not in partner.values():
                lo -= 1
            while hi < len(long) and hi not in partner.values():
                hi += 1
        elif lo >= hi:
            # No passage of its own between its neighbours' counterparts: it is the rest of a
            # paragraph the other side keeps in one passage (a one-passage document against a
            # two-passage one), so its numbers are looked for in those counterparts.
            lo, hi = max(0, lo - 1), min(len(long), hi + 1)
        region: Counter = Counter()
        for j in range(lo, hi):
            region |= long[j]
        total += w
        found += weight(nums & region)
    return found / total if total else -1.0


def _monotone_path(gain: np.ndarray) -> list[tuple[int, int]]:
    """The order-preserving one-to-one pairs with the largest total gain (skipping costs nothing)."""
    n, m = gain.shape
    best = np.zeros((n + 1, m + 1))
    step = np.zeros((n + 1, m + 1), dtype=np.int8)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            take, skip_a, skip_b = best[i - 1, j - 1] + gain[i - 1, j - 1], best[i - 1, j], best[i, j - 1]
            if take >= skip_a and take >= skip_b:
                best[i, j], step[i, j] = take, 0
            elif skip_a >= skip_b:
                best[i, j], step[i, j] = skip_a, 1
            else:
                best[i, j], step[i, j] = skip_b, 2
    i, j, path = n, m, []
    while i > 0 and j > 0:
        if step[i, j] == 0:
            path.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif step[i, j] == 1:
            i -= 1
        else:
            j -= 1
    return [(i, j) for i, j in reversed(path) if gain[i, j] > 0]


def decide(ev: Evidence) -> tuple[bool, str]:
    """(link?, reason code). Numbers decide when there are enough of them; otherwise each
    document must be the other's nearest in its language by a margin over the next one."""
    if ev.numbers >= 0 and ev.numbers < NUMBERS_DISAGREE:
        return False, "numbers_disagree"
    if ev.length_ratio > MAX_LENGTH_RATIO:
        return False, "lengths_differ"
    nearest_both = ev.rank_ab == 1 and ev.rank_ba == 1
    if nearest_both and ev.margin is not None and ev.margin >= MARGIN:
        return True, "nearest_both"
    near_enough = min(ev.rank_ab, ev.rank_ba) == 1 and max(ev.rank_ab, ev.rank_ba) <= RANK_WITH_NUMBERS
    if ev.numbers >= NUMBERS_AGREE and near_enough and ev.share >= MIN_SHARE:
        return True, "numbers_agree"
    # Mean vectors of two short articles on one topic can be a hair apart (a rival nearer by 0.001);
    # their passages, aligned one by one, still tell the translation from the rival.
    # Only between documents of several aligned passages: for one sentence, alignment is its vector
    # again, and a lone sentence linked so took its neighbour's translation while its own was unstored.
    if (ev.numbers < 0 and near_enough and ev.share >= MIN_SHARE and ev.aligned >= 2
            and ev.align_margin is not None and ev.align_margin >= ALIGN_MARGIN):
        return True, "aligned_best"
    return False, "not_nearest"


NO_COUNTERPART = -1000  # paragraph numbers below this: a translation's passage with no aligned original


def translation_paragraphs(path: list[tuple[int, int]], original_paras: list[int], n: int) -> list[int]:
    """The paragraph number each of a translation's ``n`` passages takes from the original.

    An aligned passage takes its counterpart's; one between two aligned passages of the same
    paragraph takes that paragraph too (a paragraph split differently); any other gets a number
    of its own, so it is never grouped with an unrelated paragraph.
    """
    own = {i: original_paras[j] for i, j in path}
    out = []
    for i in range(n):
        if i in own:
            out.append(own[i])
            continue
        before = [own[k] for k in own if k < i]
        after = [own[k] for k in own if k > i]
        if before and after and before[-1] == after[0]:
            out.append(before[-1])
        else:
            out.append(NO_COUNTERPART - i)
    return out
