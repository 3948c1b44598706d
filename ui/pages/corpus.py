"""Corpus: the stored documents, one opened to read, and its removal; translations found at ingest."""
from __future__ import annotations

import streamlit as st

from rag.ingest.errors import IngestError
from rag.ingest.linking import Linker
from rag.security.corpus import record_link
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
    render_links(rt.store, by_id)
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


def render_links(store, by_id: dict) -> None:
    """The translation links with their evidence; an editor confirms or undoes one."""
    linker = Linker(store)
    links = linker.all()
    with st.expander(tr("links_header") + (f" ({sum(1 for x in links if x.active)})" if links else ""),
                     expanded=any(x.status == "auto" for x in links)):
        st.caption(tr("links_explain"))
        if not links:
            st.info(tr("links_empty"))
            return

        def title(doc_id: str) -> str:
            d = by_id.get(doc_id)
            return f"{d.title[:60]} ({d.lang}, {doc_id})" if d else doc_id

        st.dataframe([{
            tr("col_original"): title(x.original),
            tr("col_translation"): title(x.translation),
            tr("col_link_status"): tr(f"link_status_{x.status}"),
            tr("col_link_share"): f"{x.share:.0%}",
            tr("col_link_score"): f"{x.score:.3f}",
            tr("col_link_numbers"): f"{x.numbers:.0%}" if x.numbers >= 0 else tr("link_numbers_few"),
        } for x in links], hide_index=True, width="stretch")
        u = user()
        if u is None or not u.can("write") or settings().read_only:  # readers see the links, not the controls
            return
        keys = {x.key: x for x in links}
        key = st.selectbox(tr("link_pick"), list(keys), key="corpus_link",
                           format_func=lambda k: f"{keys[k].translation} → {keys[k].original} "
                                                 f"({tr('link_status_' + keys[k].status)})")
        link = keys.get(key)
        if link is None:
            return
        evidence = {"share": link.share, "score": link.score, "numbers": link.numbers}
        left, right = st.columns(2)
        try:
            if left.button(tr("link_confirm_button"), key="link_confirm", disabled=link.status == "confirmed",
                           icon=":material/link:"):
                # checked on the server side and recorded in the audit trail before the change
                record_link(settings(), security().trail, u, True, link.translation, link.original, evidence)
                done = linker.confirm(link.original, link.translation)
                st.session_state["corpus_msg"] = ("ok", tr("link_confirmed_msg", original=md_escape(done.original),
                                                           translation=md_escape(done.translation)))
                st.rerun()
            if right.button(tr("link_undo_button"), key="link_undo", disabled=link.status == "undone",
                            icon=":material/link_off:"):
                record_link(settings(), security().trail, u, False, link.translation, link.original, evidence)
                linker.unlink(link.original, link.translation)
                st.session_state["corpus_msg"] = ("ok", tr("link_undone_msg", a=md_escape(link.original),
                                                           b=md_escape(link.translation)))
                st.rerun()
        except PermissionDenied as exc:
            st.error(tr(f"denied_{exc.code}"))
        except IngestError as exc:
            st.error(exc.localized(lang()))


render()
