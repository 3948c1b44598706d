"""Agreements & activities: one row per memorandum and per planned activity; a row opens its passage."""
from __future__ import annotations

import csv
import datetime as dt
import io

import streamlit as st

from rag.briefing import area_labels, extract_agreements_and_activities, filter_rows, status_labels
from rag.runtime import Runtime
from rag.text.i18n import lang_name
from ui.markdown import marked_passage, md_escape
from ui.session import lang, page_header, runtime, tr
from ui.widgets import optional_date


@st.cache_data(show_spinner=False, max_entries=32)
def agreement_rows(_rt: Runtime, version: str, store_key: str, d_from, d_to, as_of, ui_lang: str) -> list:
    """Rows once per corpus version, period and language (filters by area and status are applied after)."""
    return extract_agreements_and_activities(_rt.retriever, date_from=d_from, date_to=d_to, as_of=as_of, lang=ui_lang)


def render() -> None:
    rt = runtime()
    ui_lang = lang()
    page_header("agreements")
    c1, c2, c3 = st.columns(3)
    d_from = optional_date("date_from", "a_from", c1)
    d_to = optional_date("date_to", "a_to", c2)
    as_of = optional_date("briefing_as_of", "a_as_of", c3, value=dt.date.today())
    areas, statuses = area_labels(ui_lang), status_labels(ui_lang)
    c4, c5 = st.columns(2)
    area = c4.multiselect(tr("filter_area"), list(areas), format_func=lambda k: areas.get(k, k), key="a_area",
                          placeholder=tr("filter_all"))
    status = c5.multiselect(tr("filter_status"), list(statuses), format_func=lambda k: statuses.get(k, k),
                            key="a_status", placeholder=tr("filter_all"))
    try:
        rows = agreement_rows(rt, rt.store.corpus_version(), rt.settings.model_dump_json(), d_from, d_to, as_of,
                              ui_lang)
    except ValueError as exc:
        st.error(tr("feature_error", error=md_escape(str(exc))))
        return
    rows = filter_rows(rows, area=area or None, status=status or None)
    st.caption(tr("rows_count", n=len(rows)))
    if not rows:
        st.info(tr("nothing_found"))
        return
    table = [{
        tr("col_type"): tr(f"row_{r.kind}"),
        tr("col_item"): r.activity,
        tr("col_area"): r.area_label,
        tr("filter_status"): r.status_label,
        tr("col_date"): r.date_display,
        tr("col_period"): r.period,
        tr("col_source"): f"[{r.n}] {r.document}",
    } for r in rows]
    picked = st.dataframe(table, hide_index=True, width="stretch", key="a_table", on_select="rerun",
                          selection_mode="single-row")
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(table[0]))
    writer.writeheader()
    writer.writerows(table)
    st.download_button(tr("download_csv"), buf.getvalue().encode("utf-8-sig"), file_name="agreements-activities.csv",
                       mime="text/csv", key="a_csv", icon=":material/download:")
    chosen = list(picked.selection.rows) if picked is not None and picked.selection else []
    if chosen:
        st.session_state["a_row"] = chosen[0]
    pick = st.selectbox(tr("row_source"), list(range(len(rows))), key="a_row",
                        format_func=lambda i: f"[{rows[i].n}] {rows[i].activity[:100]}")
    r = rows[pick]
    with st.container(border=True):
        st.markdown(f"**[{r.n}] {md_escape(r.document)}**")
        details = [r.date_display or tr("no_date"), lang_name(r.lang or "und", ui_lang), r.doc_id]
        st.caption(" · ".join(md_escape(x) for x in details if x))
        hl = [{"doc_id": r.doc_id, "start": -1, "end": -1, "sentence": r.quote}]
        st.markdown(marked_passage(r.passage or r.quote, 0, hl, r.doc_id), unsafe_allow_html=True)


render()
