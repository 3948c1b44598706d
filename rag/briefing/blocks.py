"""The layout of a briefing, once for every output: a list of blocks that Markdown and DOCX both write.

A block is a tuple whose first element names it: ``("title", text)``, ``("meta", text)``,
``("h1", text)``, ``("h2", text)``, ``("para", segs)``, ``("table", header, rows, name)``,
``("bullets", lines)``, ``("numbered", lines)``, ``("sources", entries)``. Segs are pieces of
text, each closed by the number of the source it cites (or None).
"""
from __future__ import annotations

from typing import Any, Optional

from ..answer.citations import Citation
from ..text.dates import format_iso
from ..text.i18n import t
from .labels import labels, lang_name
from .model import Briefing, Fact

Segs = list[tuple[str, Optional[int]]]  # text, then the citation number that closes it (or None)


def segs_text(segs: Segs) -> str:
    return "".join(text + (f" [{n}]" if n else "") for text, n in segs)


def blocks(b: Briefing) -> list[tuple]:
    L = labels(b.lang)
    out: list[tuple] = []
    out.append(("title", L["title"] + (f": {b.topic}" if b.topic else "")))
    span = L["all_dates"]
    if b.date_from or b.date_to:
        span = f"{format_iso(b.date_from) if b.date_from else '…'} – {format_iso(b.date_to) if b.date_to else '…'}"
    out.append(("meta", f"{L['as_of']}: {format_iso(b.as_of)} · {L['period']}: {span} · "
                        f"{L['generated']}: {format_iso(b.generated_at[:10])} · {L['mode']}: {b.backend}"))
    out.append(("meta", L["intro"]))
    _timeline(b, L, out)
    _agreements(b, L, out)
    _activities(b, L, out)

    model = b.talking_points_mode == "model"
    out.append(("h1", L["talking_points"] if model else L["relevant"]))
    if not model:
        out.append(("meta", L["relevant_note"]))
    if b.talking_points:
        out.append(("numbered", [[(tp.text, tp.n)] for tp in b.talking_points]))
    else:
        out.append(("para", [(L["none_points"], None)]))

    out.append(("h1", L["sources"]))
    out.append(("sources", [_source_entry(b, c) for c in b.sources]))
    return out


def _timeline(b: Briefing, L: dict[str, str], out: list[tuple]) -> None:
    out.append(("h1", L["timeline"]))
    if not b.timeline:
        out.append(("para", [(L["none_events"], None)]))
        return
    planned = t("status_planned", b.lang).lower()
    rows = []
    for ev in b.timeline:
        date = ev.date_display + (f" {L['approx']}" if ev.approximate else "")
        kind = ev.kind_label + (f" ({planned})" if ev.planned else "")
        cell: Segs = [(f"{kind}: {ev.text}", ev.n)]
        for i, f in enumerate(ev.related):
            cell.append(((" — " if i == 0 else "; ") + f.text, f.n))
        rows.append([[(date, None)], cell, [(_doc_ref(b, ev.n), None)]])
    out.append(("table", [L["col_date"], L["col_event"], L["col_source"]], rows, "timeline"))


def _agreements(b: Briefing, L: dict[str, str], out: list[tuple]) -> None:
    out.append(("h1", L["agreements"]))
    if not b.agreements:
        out.append(("para", [(L["none_agreements"], None)]))
    ns = L["not_stated"]

    def fact_cell(f: Optional[Fact]) -> Segs:
        return [(f.text, f.n)] if f else [(ns, None)]

    for ag in b.agreements:
        out.append(("h2", ag.name))
        areas: Segs = [((", " if i else "") + f.text, f.n) for i, f in enumerate(ag.areas)]
        status: Segs = [(f"{ag.status_label} — {ag.status_note}", ag.period.n if ag.period else None)]
        if ag.followed_by:
            later = next((o for o in b.agreements if o.key == ag.followed_by), None)
            if later is not None:
                status.append(("; " + t("brief_note_followed", b.lang, name=later.name),
                               later.period.n if later.period else later.n))
        rows = [
            [[(L["f_signed"], None)], fact_cell(ag.signed)],
            [[(L["f_place"], None)], fact_cell(ag.place)],
            [[(L["f_parties"], None)], fact_cell(ag.parties)],
            [[(L["f_period"], None)], fact_cell(ag.period)],
            [[(L["f_articles"], None)], fact_cell(ag.articles)],
            [[(L["f_areas"], None)], areas or [(ns, None)]],
        ]
        if ag.occasion:
            rows.append([[(L["f_occasion"], None)], fact_cell(ag.occasion)])
        rows.append([[(L["f_status"], None)], status])
        out.append(("table", [L["col_field"], L["col_value"]], rows, "agreement"))


def _activities(b: Briefing, L: dict[str, str], out: list[tuple]) -> None:
    out.append(("h1", L["activities"]))
    groups = b.activities_by_area()
    if not groups:
        out.append(("para", [(L["none_activities"], None)]))
    for key, items in groups.items():
        out.append(("h2", t(f"area_{key}", b.lang)))
        lines = []
        for a in items:
            note = f" — {a.status_label}; {short(a.document)}" + (f", {a.date_display}" if a.date_display else "")
            lines.append([(a.text, a.n), (note, None)])
        out.append(("bullets", lines))


def short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 2].rsplit(" ", 1)[0] + " …"


def _doc_ref(b: Briefing, n: int) -> str:
    """The cited document, briefly: its title (in the briefing language where a version exists) and date."""
    try:
        c = b.source(n)
    except KeyError:
        return ""
    title = c.title
    if c.lang != b.lang:
        title = next((v.get("title") or title for v in c.versions if v.get("lang") == b.lang), title)
    return short(title) + (f" ({format_iso(c.date)})" if c.date else "")


def _source_entry(b: Briefing, c: Citation) -> dict[str, Any]:
    head = f"[{c.n}] {c.title}"
    if c.date:
        head += f" — {format_iso(c.date)}"
    head += f" — {c.doc_id} ({lang_name(c.lang, b.lang)})"
    texts = [(None, c.text)]
    if b.lang != c.lang:
        for v in c.versions:
            if v.get("lang") == b.lang:
                label = t("brief_version", b.lang, lang=lang_name(b.lang, b.lang))
                texts.append((f"{label} ({v['doc_id']})", v["text"]))
                break
    return {"n": c.n, "head": head, "texts": texts}
