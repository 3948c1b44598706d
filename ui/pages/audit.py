"""Audit trail (editors and admins): every corpus change - who, when, what, which file (name and
SHA-256), what changed - filtered and exported as CSV; the hash chain is checked on every visit."""
from __future__ import annotations

import json

import streamlit as st

from rag.security.audit import ACCOUNT_ACTIONS, CORPUS_ACTIONS, select, to_csv
from rag.security.roles import require
from ui.markdown import md_escape
from ui.session import page_header, security, tr, user
from ui.widgets import optional_date


def render() -> None:
    require(user(), "audit")  # the page is listed for editors and admins only; checked here too
    page_header("audit")
    trail = security().trail
    check = trail.verify()
    if check.ok:
        st.success(tr("audit_chain_ok", n=check.entries, path=md_escape(str(trail.path))), icon=":material/verified:")
    else:
        st.error(tr("audit_chain_broken", line=check.broken_at, reason=check.reason, path=md_escape(str(trail.path))),
                 icon=":material/gpp_bad:")
    c1, c2, c3 = st.columns(3)
    d_from = optional_date("date_from", "au_from", c1)
    d_to = optional_date("date_to", "au_to", c2)
    result = c3.selectbox(tr("audit_result"), ["", "ok", "denied", "failed"], key="au_result",
                          format_func=lambda r: tr(f"audit_result_{r}") if r else tr("filter_all"))
    c4, c5, c6 = st.columns(3)
    who = c4.text_input(tr("audit_who"), key="au_who")
    doc = c5.text_input(tr("audit_doc"), key="au_doc")
    actions = c6.multiselect(tr("audit_action"), list(CORPUS_ACTIONS + ACCOUNT_ACTIONS), key="au_actions",
                             format_func=lambda a: tr(f"audit_{a}"), placeholder=tr("filter_all"))
    events = select(trail.events(), since=d_from.isoformat() if d_from else "", until=d_to.isoformat() if d_to else "",
                    who=who, actions=actions, doc=doc, result=result)
    events.reverse()  # newest first
    st.caption(tr("rows_count", n=len(events)))
    if not events:
        st.info(tr("nothing_found"))
        return
    st.dataframe([{
        "#": e.seq, tr("audit_col_at"): e.at.replace("T", " ")[:19], tr("audit_who"): e.who,
        tr("audit_col_role"): tr(f"role_{e.role}") if e.role else "", tr("audit_col_via"): tr(f"via_{e.via}"),
        tr("audit_action"): tr(f"audit_{e.action}"), tr("audit_result"): tr(f"audit_result_{e.result}"),
        tr("audit_col_doc"): e.doc_id, tr("audit_col_file"): e.file, "SHA-256": e.sha256[:16],
        tr("audit_col_changes"): json.dumps(e.changes, ensure_ascii=False) if e.changes else "",
        tr("audit_col_note"): e.note,
    } for e in events], hide_index=True, width="stretch", key="au_table")
    st.download_button(tr("download_csv"), to_csv(events).encode("utf-8-sig"), file_name="audit-trail.csv",
                       mime="text/csv", key="au_csv", icon=":material/download:")


render()
