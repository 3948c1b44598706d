"""Conversations: the user's kept conversations - reopen, rename, delete, export (Markdown, DOCX) -
and, for editors and admins, every answer marked wrong, with its comment."""
from __future__ import annotations

import csv
import datetime as dt
import io

import streamlit as st

from rag.security.conversations import NotFound
from rag.security.export import file_stem, to_docx_bytes, to_markdown
from rag.security.roles import User
from ui.conversation import history_of
from ui.markdown import md_escape
from ui.session import lang, page_header, security, tr, user

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _when(iso: str) -> str:
    return iso[:16].replace("T", " ")


def mine(u: User) -> None:
    store = security().conversations
    convs = store.list(u.name)
    msg = st.session_state.pop("conv_msg", None)
    if msg:
        st.success(msg)
    if not convs:
        st.info(tr("conv_none"), icon=":material/forum:")
        return
    st.dataframe([{tr("col_title"): c.title or tr("conv_untitled"), tr("conv_col_created"): _when(c.created_at),
                   tr("conv_col_updated"): _when(c.updated_at)} for c in convs], hide_index=True, width="stretch")
    names = {c.id: c.title or tr("conv_untitled") for c in convs}
    if st.session_state.get("conv_sel") not in names:
        st.session_state.pop("conv_sel", None)
    conv_id = st.selectbox(tr("conv_choose"), list(names), format_func=lambda i: names[i][:90], key="conv_sel")
    try:
        conv = store.get(u.name, conv_id)
    except NotFound:
        st.rerun()
    with st.container(border=True):
        st.markdown(f"**{md_escape(conv.title or tr('conv_untitled'))}**")
        st.caption(tr("conv_turns", n=len(conv.turns), created=_when(conv.created_at), updated=_when(conv.updated_at)))
        c1, c2, c3 = st.columns(3)
        if c1.button(tr("conv_open"), key="conv_open", icon=":material/forum:", width="stretch"):
            st.session_state["conv_id"], st.session_state["history"] = conv.id, history_of(conv)
            st.switch_page("ui/pages/chat.py")
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        c2.download_button(tr("download_md"), to_markdown(conv, lang(), u.label, stamp).encode("utf-8"),
                           file_name=f"{file_stem(conv)}.md", mime="text/markdown", key="conv_md",
                           icon=":material/download:", width="stretch")
        c3.download_button(tr("download_docx"), to_docx_bytes(conv, lang(), u.label, stamp),
                           file_name=f"{file_stem(conv)}.docx", mime=DOCX_MIME, key="conv_docx",
                           icon=":material/download:", width="stretch")
        title = st.text_input(tr("conv_rename"), value=conv.title, key=f"conv_title_{conv.id}", max_chars=200)
        if st.button(tr("conv_rename_button"), key="conv_rename_btn", disabled=title.strip() == conv.title):
            store.rename(u.name, conv.id, title)
            st.session_state["conv_msg"] = tr("conv_renamed")
            st.rerun()
        ok = st.checkbox(tr("conv_delete_confirm"), key=f"conv_del_ok_{conv.id}")
        if st.button(tr("conv_delete"), key="conv_delete", type="primary", disabled=not ok, icon=":material/delete:"):
            store.delete(u.name, conv.id)
            if st.session_state.get("conv_id") == conv.id:
                st.session_state.pop("history", None)
                st.session_state["conv_id"] = None
            st.session_state.pop("conv_sel", None)
            st.session_state["conv_msg"] = tr("conv_deleted")
            st.rerun()


def wrong_answers(u: User) -> None:
    """The answers staff marked wrong (editors and admins), to find and fix what the assistant gets wrong."""
    if not u.can("feedback_review"):
        return
    st.markdown(f"### {tr('feedback_review_title')}")
    verdict = st.radio(tr("feedback_title"), ["wrong", "helpful", ""], horizontal=True, key="fb_filter",
                       format_func=lambda v: tr(f"feedback_{v}") if v else tr("filter_all"))
    rows = security().conversations.feedback(verdict or None)
    if not rows:
        st.info(tr("feedback_none"))
        return
    table = [{tr("feedback_col_at"): _when(r.at), tr("feedback_col_user"): r.owner,
              tr("feedback_col_verdict"): tr(f"feedback_{r.verdict}"), tr("feedback_col_question"): r.question,
              tr("feedback_col_answer"): r.answer, tr("feedback_col_comment"): r.comment,
              tr("feedback_col_backend"): r.backend} for r in rows]
    st.dataframe(table, hide_index=True, width="stretch")
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(table[0]))
    w.writeheader()
    w.writerows([{k: ("'" + v if isinstance(v, str) and v[:1] in "=+-@" else v) for k, v in row.items()}
                 for row in table])
    st.download_button(tr("download_csv"), buf.getvalue().encode("utf-8-sig"), file_name="feedback.csv",
                       mime="text/csv", key="fb_csv", icon=":material/download:")


def render() -> None:
    u = user()
    page_header("conversations")
    mine(u)
    wrong_answers(u)


render()
