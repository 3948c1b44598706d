"""The layout of a briefing, once for every output: a list of blocks that Markdown and DOCX both write.

A block is a tuple whose first element names it: ``("title", text)``, ``("meta", text)``,
``("h1", text)``, ``("h2", text)``, ``("para", segs)``, ``("table", header, rows, name)``,
``("bullets", lines)``, ``("numbered", lines)``, ``("sources", entries)``, ``("note", text)``,
``("pagebreak",)``. Segs are pieces of text, each closed by the number of the source it cites (or None).
"""
from __future__ import annotations

import re
from typing import Any, Optional

from ..answer.citations import Citation
from ..text.dates import format_iso
from ..text.i18n import t
from .labels import labels, lang_name
from .model import Agreement, Briefing, FollowItem, TimelineEvent

Segs = list[tuple[str, Optional[int]]]  # text, then the citation number that closes it (or None)


def segs_text(segs: Segs) -> str:
    return "".join(text + (f" [{n}]" if n else "") for text, n in segs)


def _dates(ev: TimelineEvent) -> str:
    if ev.end_date and ev.end_date != ev.date:
        a, b = format_iso(ev.date), format_iso(ev.end_date)
        return f"{a[:5]}–{b}" if a[-4:] == b[-4:] else f"{a} – {b}"
    return ev.date_display


def blocks(b: Briefing) -> list[tuple]:
    """The briefing as blocks: a title block, a one-page summary (agreements, open items, next dates),
    then the details (timeline, agreements, commitments and their follow-up, points, sources)."""
    L = labels(b.lang)
    out: list[tuple] = []
    out.append(("title", L["title"]))
    if b.topic:
        out.append(("meta", f"{L['topic']}: {b.topic}"))
    if b.delegation:
        out.append(("meta", f"{L['delegation']}: {b.delegation}"))
    span = L["all_dates"]
    if b.date_from or b.date_to:
        span = f"{format_iso(b.date_from) if b.date_from else '…'} – {format_iso(b.date_to) if b.date_to else '…'}"
    line = f"{L['as_of']}: {format_iso(b.as_of)}"
    if b.visit_date and b.visit_date != b.as_of:
        line += f" · {L['visit_date']}: {format_iso(b.visit_date)}"
    out.append(("meta", f"{line} · {L['period']}: {span}"))
    out.append(("note", L["intro"]))
    _summary(b, L, out)
    out.append(("pagebreak",))
    _timeline(b, L, out)
    _agreements(b, L, out)
    _commitments(b, L, out)

    model = b.talking_points_mode == "model"
    out.append(("h1", L["talking_points"] if model else L["relevant"]))
    if b.talking_points:
        out.append(("numbered", [[(short(tp.text, 240), tp.n)] for tp in b.talking_points]))
    else:
        out.append(("para", [(L["none_points"], None)]))

    out.append(("h1", L["sources"]))
    out.append(("sources", [_source_entry(b, c) for c in b.sources]))
    return out


def _status_line(ag: Agreement) -> Segs:
    fact = ag.status_fact or ag.period or ag.signed
    return [(f"{ag.status_label} — {ag.status_note}", fact.n if fact else ag.n)]


def _summary(b: Briefing, L: dict[str, str], out: list[tuple]) -> None:
    out.append(("h1", L["summary"]))
    out.append(("h2", L["sum_agreements"]))
    if b.agreements:
        out.append(("bullets", [[(f"{ag.name}: ", None), *_status_line(ag)] for ag in b.agreements]))
    else:
        out.append(("para", [(L["none_agreements"], None)]))
    out.append(("h2", L["sum_open"]))
    items = b.open_items()
    if items:
        out.append(("bullets", [_summary_line(b, c, L) for c in items]))
    else:
        out.append(("para", [(L["none_open"], None)]))
    out.append(("h2", L["sum_next"]))
    later = b.next_dates()[:6]
    if later:
        out.append(("bullets", [_summary_line(b, c, L) for c in later]))
    else:
        out.append(("para", [(L["none_next"], None)]))


def _summary_line(b: Briefing, c: FollowItem, L: dict[str, str]) -> Segs:
    """"due: item [n] — state [m]"; a date moved by a later report is cited to that report."""
    req = f" ({L['request']})" if c.kind == "request" else ""
    report = c.report.n if c.report else None
    if c.effective_due != c.due:
        return [(f"{short(c.text, 110)}{req}", c.n),
                (f" — {c.state_label}, {t('brief_due_moved', b.lang, d=c.effective_due_display)}", report)]
    return [(f"{c.due_display}: {short(c.text, 110)}{req}", c.n), (f" — {c.state_label}", report)]


def _timeline(b: Briefing, L: dict[str, str], out: list[tuple]) -> None:
    out.append(("h1", L["timeline"]))
    if not b.timeline:
        out.append(("para", [(L["none_events"], None)]))
        return
    rows = []
    for ev in b.timeline:
        date = _dates(ev) + (f" {L['approx']}" if ev.approximate else "")
        text = f"{ev.kind_label}: {short(ev.text, 200)}" if ev.text_lang == b.lang else ev.text
        cell: Segs = [(text, ev.n)]
        for i, f in enumerate(ev.related):
            cell.append(((" — " if i == 0 else "; ") + f.text, f.n))
        rows.append([[(date, None)], cell])
    out.append(("table", [L["col_date"], L["col_event"]], rows, "timeline"))


def _agreements(b: Briefing, L: dict[str, str], out: list[tuple]) -> None:
    out.append(("h1", L["agreements"]))
    if not b.agreements:
        out.append(("para", [(L["none_agreements"], None)]))
        return
    ns = L["not_stated"]
    rows = []
    for ag in b.agreements:
        name: Segs = [(ag.name, ag.period.n if ag.period else ag.n)]
        if ag.parties:
            name.append((f" — {ag.parties.text}", ag.parties.n))
        signed: Segs = [(ag.signed.text, ag.signed.n)] if ag.signed else [(ns, None)]
        if ag.signed and ag.place:
            signed.append((f", {ag.place.text}", ag.place.n))
        if ag.planned:
            signed = [(f"{t('status_planned', b.lang)}: {ag.planned.text}", ag.planned.n)]
        status = _status_line(ag)
        if ag.followed_by:
            later = next((o for o in b.agreements if o.key == ag.followed_by), None)
            if later is not None:
                status.append(("; " + t("brief_note_followed", b.lang, name=later.name),
                               later.period.n if later.period else later.n))
        rows.append([name, signed, status])
    out.append(("table", [L["col_agreement"], L["col_signed"], L["col_status"]], rows, "agreements"))


def _commitments(b: Briefing, L: dict[str, str], out: list[tuple]) -> None:
    out.append(("h1", "3. " + L["commitments"]))
    if not b.commitments:
        out.append(("para", [(L["none_commitments"], None)]))
        return
    rows = []
    for i, c in enumerate(sorted(b.commitments, key=lambda c: c.effective_due_order), start=1):
        item: Segs = [(short(c.text, 170), c.n)]
        extra = [x for x in (f"{L['lead']}: {c.lead}" if c.lead else "", ", ".join(c.places)) if x]
        if c.kind == "request":
            extra.insert(0, L["request"])
        if extra:
            item.append((" (" + "; ".join(extra) + ")", None))
        state: Segs = [(c.state_label + (f" — {c.state_note}" if c.state_note else ""), c.report.n if c.report else None)]
        rows.append([[(str(i), None)], item, [(c.due_display, None)], state])
    out.append(("table", ["#", L["col_item"], L["col_due"], L["col_state"]], rows, "commitments"))


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
    """A numbered source: document, date, language, and the sentences the briefing cites from it (the
    passage itself when it cites none), each cut to a readable length."""
    head = f"[{c.n}] {short(c.title, 64)}"
    if c.date:
        head += f" — {format_iso(c.date)}"
    head += f" ({lang_name(c.lang, b.lang)})"
    sentences = list(dict.fromkeys(re.sub(r"\s+", " ", h.sentence).strip() for h in c.highlights
                                   if h.sentence and h.doc_id == c.doc_id))
    # the cited sentences, cut so that a source takes about two lines whatever the record's size
    quote = " … ".join(short(x, 130 if len(sentences) > 1 else 200) for x in sentences[:2]) if sentences \
        else short(re.sub(r"\s+", " ", c.text), 160)
    return {"n": c.n, "head": head, "texts": [(None, quote)]}
