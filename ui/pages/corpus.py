"""Corpus: the stored documents, one opened to read, and its removal."""
from __future__ import annotations

import streamlit as st

from rag.security.roles import PermissionDenied
from rag.text.i18n import lang_name, named
from ui.documents import delete, documents, full_text
from ui.markdown import md_escape
from ui.session import lang, runtime, security, settings, tr, user


def render() -> None:
    rt = runtime()
    ui_lang = lang()
    st.markdown(f"## {tr('corpus_title')}")
    msg = st.session_state.pop("corpus_msg", None)
    if msg:
        (st.success if msg[0] == "ok" else st.error)(msg[1])
    docs = documents(rt.store)
    if not docs:
        st.info(tr("corpus_empty"))
        return
    st.caption(tr("store_line", docs=len(docs), passages=sum(d.passages for d in docs)))
    table = [{
        tr("col_title"): d.title,
        tr("col_date"): d.date,
        tr("col_lang"): lang_name(d.lang or "und", ui_lang),
        tr("col_kind"): named("kind", d.kind or "other", ui_lang),
        tr("col_status"): tr("official" if d.official else "working"),
        tr("col_version_of"): d.version_of,
        tr("col_passages"): d.passages,
        tr("col_added"): d.added_at[:16].replace("T", " "),
        tr("col_id"): d.doc_id,
    } for d in docs]
    st.dataframe(table, hide_index=True, width="stretch")
    by_id = {d.doc_id: d for d in docs}
    if st.session_state.get("corpus_doc") not in by_id:
        st.session_state.pop("corpus_doc", None)
    doc_id = st.selectbox(tr("open_doc"), list(by_id), key="corpus_doc",
                          format_func=lambda i: f"{by_id[i].title[:90]} ({by_id[i].lang}, {i})")
    if not doc_id:
        return
    d = by_id[doc_id]
    with st.container(border=True):
        st.markdown(f"### {md_escape(d.title)}")
        st.caption(" · ".join(md_escape(x) for x in [
            d.date or tr("no_date"), lang_name(d.lang or "und", ui_lang), named("kind", d.kind or "other", ui_lang),
            tr("official" if d.official else "working"), doc_id]))
        if d.source:
            st.caption(tr("doc_source", source=md_escape(d.source)))
        with st.container(height=420, border=False):
            st.markdown(md_escape(full_text(rt.store, doc_id)))
    u = user()
    if u is None or not u.can("write") or settings().read_only:  # readers see no delete control
        return
    with st.container(border=True):
        st.markdown(f"**{tr('delete_header')}**")
        st.caption(tr("delete_explain"))
        ok = st.checkbox(tr("delete_confirm", title=md_escape(d.title[:90])), key=f"del_ok_{doc_id}")
        if st.button(tr("delete_button"), type="primary", disabled=not ok, key="delete_btn", icon=":material/delete:"):
            try:  # checked again on the server side, and recorded in the audit trail
                res = delete(rt.store, security().trail, u, doc_id)
            except PermissionDenied as exc:
                st.error(tr(f"denied_{exc.code}"))
                return
            if res.status == "removed":
                st.session_state["corpus_msg"] = ("ok", tr("deleted", title=md_escape(d.title), n=res.passages))
            else:
                st.session_state["corpus_msg"] = ("err", tr("delete_failed", reason=md_escape(res.reason_in(ui_lang))))
            st.session_state.pop("corpus_doc", None)
            st.rerun()


render()
