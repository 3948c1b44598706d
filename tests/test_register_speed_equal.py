"""The register's shortcuts find what the plain ways found: the dated index of reporting units leaves out
only units that score 0 against a commitment, cited dates looked up by month are those compared one by
one, and a family's document is the one a pass over every document picks. (A build at 100,000 passages
spent an hour on the plain ways; these checks keep the faster ones exact.)"""
from __future__ import annotations

import random
from types import SimpleNamespace

from rag.records import Passage, PassageMeta
from rag.register import lexicon as lx
from rag.register.commitments import _cited_dates
from rag.register.corpus import Corpus
from rag.register.matching import DatedPostings, Features, Postings, score

TERMS = ["training", "seminar", "database", "draft", "signing", "extension", "pension", "exchange", "visit"]
PAIRS = [f"w{i} w{i + 1}" for i in range(8)]
DATES = ["", "2019-05-02", "2020-01-10", "2020-01-10", "2021-06", "2022-03-15", "2023", "2024-12-31"]


def _features(rng: random.Random) -> Features:
    return Features(
        terms={k: rng.choice((1, 1, 2)) for k in rng.sample(TERMS, rng.randint(0, 4))},
        places=set(rng.sample(["vientiane", "hanoi", "savannakhet"], rng.randint(0, 2))),
        numbers=set(rng.sample(["30", "120"], rng.randint(0, 1))),
        periods=set(rng.sample(["2021-2025", "2026-2030"], rng.randint(0, 1))),
        dates=set(rng.sample(DATES[1:], rng.randint(0, 1))),
        pairs=set(rng.sample(PAIRS, rng.randint(0, 5))),
        lang=rng.choice(("vi", "en")),
        counted=set(rng.sample([("10", "computer"), ("30", "staff")], rng.randint(0, 1))),
    )


def _shares(c: Features, u: Features) -> bool:
    """Whether ``u`` shares with commitment ``c`` a term counted twice on c's side, a word pair in one
    language or a count (what the postings were first found by)."""
    return (any(c.terms[k] >= 2 for k in c.terms.keys() & u.terms.keys())
            or (c.lang == u.lang and bool(c.pairs & u.pairs)) or bool(c.counted & u.counted))


def test_reporting_units_left_out_by_date_or_pairs_are_only_those_out_of_time_or_scoring_zero():
    rng = random.Random(7)
    units = [_features(rng) for _ in range(300)]
    dates = [rng.choice(DATES) for _ in units]
    dated = DatedPostings(units, dates)
    left_out = 0
    for _ in range(200):
        c = _features(rng)
        after, until = sorted(rng.sample(DATES, 2))
        found = dated.candidates(c, after, until)
        window = {n for n, u in enumerate(units) if _shares(c, u) and after < dates[n] <= until}
        assert found <= window
        assert all(score(c, units[n], "2019-05-02", {"2020-01-10"}) == 0 for n in window - found)
        left_out += len(window - found)
    assert left_out  # the test reaches the pairs left out


def test_commitments_left_out_by_pairs_are_only_those_scoring_zero():
    rng = random.Random(11)
    made = [_features(rng) for _ in range(150)]
    index = Postings(strong_terms_only=True)
    for i, c in enumerate(made):
        index.add(i, c)
    for _ in range(200):
        f = _features(rng)
        found = index.candidates(f)
        shared = {i for i, c in enumerate(made) if _shares(c, f)}
        assert found <= shared
        assert all(score(made[i], f, "2019-05-02", {"2020-01-10"}) == 0 for i in shared - found)


def test_cited_dates_by_month_as_compared_with_every_date():
    def plain(reads, made_on):
        out = set()
        for r in reads:
            u = r.unit
            for iso, start in r.dates:
                month = len(iso) == 7 and lx.MEETING_REF.search(u.text[max(0, start - 60):start])
                out |= {m for m in made_on if m != u.doc_date and (m == iso or (month and m.startswith(iso)))}
        return frozenset(out)

    made_on = frozenset({"2023-03-15", "2023-03-20", "2023-04-02", "2023", "2023-03", "2024-01-09"})
    by_month: dict[str, set[str]] = {}
    for d in made_on:
        if len(d) >= 7:
            by_month.setdefault(d[:7], set()).add(d)
    text = "Under the minutes of the working session in March 2023 and the report of 2024-01-09"
    for doc_date in ("2023-03-15", "2024-05-01"):
        for dates in ([("2023-03", 45)], [("2023-03", 0)], [("2023-03-15", 5), ("2023", 0)], [("2024-01-09", 70)]):
            reads = [SimpleNamespace(unit=SimpleNamespace(text=text, doc_date=doc_date), dates=tuple(dates))]
            assert _cited_dates(reads, made_on, by_month) == plain(reads, made_on)  # type: ignore[arg-type]


def test_a_familys_document_is_the_one_a_pass_over_every_document_picks():
    rng = random.Random(3)
    passages = []
    for i in range(40):
        family = f"fam{rng.randint(0, 6)}"
        doc_id = rng.choice((family, f"doc{i}"))
        meta = PassageMeta(doc_id=doc_id, family=family, title=doc_id, date="2023-03-16", lang="vi", doc_lang="vi",
                           official=rng.random() < 0.5, start=0, end=4)
        passages.append(Passage(f"{doc_id}:0:h{i}", "text", meta))
    corpus = Corpus(passages)
    for family in {p.meta.family_id for p in passages}:
        firsts = [ps[0] for ps in corpus.docs.values() if ps and ps[0].meta.family_id == family]
        want = min(firsts, key=lambda p: (not p.meta.official, p.doc_id != p.meta.family_id, p.doc_id)).doc_id
        assert corpus.rep_doc(family) == want
