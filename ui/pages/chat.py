"""Chat: questions in vi / lo / en, answers with their cited passages, filters in the sidebar.

Every turn is kept in the user's conversation (:mod:`rag.security.conversations`): a reload or a
restart reopens the latest one, the sidebar reopens any other, and each answer takes feedback
(helpful / wrong, with a comment) stored beside it.
"""
from __future__ import annotations

import streamlit as st

from rag.retrieval.filters import Filters
from rag.runtime import Runtime
from rag.security.conversations import NotFound
from rag.security.roles import User
from rag.text.i18n import lang_name, named
from rag.text.langs import LANGS
from ui.cards import render_answer
from ui.conversation import history_for_assistant, history_of, make_filters, make_turn
from ui.documents import documents
from ui.markdown import answer_markdown, md_escape
from ui.session import lang, runtime, security, show_error, tr, user
from ui.widgets import DATE_MAX, DATE_MIN


def new_conversation() -> None:
    st.session_state["history"] = []
    st.session_state["conv_id"] = None
    st.session_state.pop("conv_pick", None)


def open_conversation(u: User, conv_id: str) -> None:
    """Load one of the user's conversations into the session (someone else's is not found)."""
    try:
        conv = security().conversations.get(u.name, conv_id)
    except NotFound:
        new_conversation()
        return
    st.session_state["conv_id"] = conv.id
    st.session_state["history"] = history_of(conv)


def restore(u: User) -> None:
    """A new session (a reload, a restart) continues the user's latest conversation."""
    if "history" in st.session_state:
        return
    latest = security().conversations.list(u.name)[:1]
    if latest:
        open_conversation(u, latest[0].id)
    else:
        new_conversation()


def _picked(u: User) -> None:
    conv_id = st.session_state.get("conv_pick")
    if conv_id:
        open_conversation(u, conv_id)


def sidebar_filters(rt: Runtime, u: User) -> Filters:
    ui_lang = lang()
    docs = documents(rt.store)
    titles = {d.doc_id: f"{d.title[:70]} ({d.lang})" for d in docs}
    if "f_docs" in st.session_state:  # a deleted document cannot stay selected
        st.session_state["f_docs"] = [i for i in st.session_state["f_docs"] if i in titles]
    convs = security().conversations.list(u.name)
    with st.sidebar:
        st.button(tr("new_chat"), on_click=new_conversation, key="new_chat", icon=":material/add_comment:",
                  width="stretch")
        if convs:
            names = {c.id: c.title or tr("conv_untitled") for c in convs}
            current = st.session_state.get("conv_id")
            st.session_state["conv_pick"] = current if current in names else None
            st.selectbox(tr("conv_reopen"), list(names), format_func=lambda i: names[i][:60], key="conv_pick",
                         placeholder=tr("conv_pick_placeholder"), on_change=_picked, args=(u,))
        st.markdown(f"**{tr('filters')}**", help=tr("filters_help"))
        langs = st.multiselect(tr("filter_langs"), list(LANGS), format_func=lambda c: lang_name(c, ui_lang),
                               key="f_langs", placeholder=tr("filter_all"))
        chosen = st.multiselect(tr("filter_docs"), list(titles), format_func=lambda i: titles.get(i, i), key="f_docs",
                                placeholder=tr("filter_all"))
        c1, c2 = st.columns(2)
        d_from = c1.date_input(tr("date_from"), value=None, min_value=DATE_MIN, max_value=DATE_MAX, key="f_from",
                               format="DD/MM/YYYY")
        d_to = c2.date_input(tr("date_to"), value=None, min_value=DATE_MIN, max_value=DATE_MAX, key="f_to",
                             format="DD/MM/YYYY")
        if d_from and d_to and d_from > d_to:
            st.warning(tr("dates_reversed"))
        st.caption(tr("store_line", docs=len(docs), passages=sum(d.passages for d in docs)))
        st.caption(tr("answered_by", backend=named("backend", rt.assistant.backend_name, ui_lang)))
    return make_filters(langs, chosen, d_from, d_to)


def keep(u: User, turn: dict) -> None:
    """Store a turn in the session's conversation (made on the first question)."""
    store = security().conversations
    conv_id = st.session_state.get("conv_id")
    try:
        if not conv_id:
            raise NotFound("none yet")
        stored = store.add_turn(u.name, conv_id, turn["question"], turn["answer"])
    except NotFound:  # the first question, or the conversation was deleted meanwhile
        conv_id = st.session_state["conv_id"] = store.create(u.name).id
        stored = store.add_turn(u.name, conv_id, turn["question"], turn["answer"])
    turn["id"], turn["feedback"] = stored.id, None


def feedback(u: User, turn: dict) -> None:
    """Helpful / wrong, with a comment, stored beside the answer."""
    if not turn.get("id"):
        return
    fb = turn.get("feedback")
    label = tr("feedback_title") + (f" · {tr('feedback_' + fb['verdict'])}" if fb else "")
    with st.expander(label, icon=":material/rate_review:"):
        key = turn["id"]
        verdict = st.radio(tr("feedback_title"), ["helpful", "wrong"], key=f"fb_v_{key}", horizontal=True,
                           index=["helpful", "wrong"].index(fb["verdict"]) if fb else None,
                           format_func=lambda v: tr(f"feedback_{v}"), label_visibility="collapsed")
        comment = st.text_area(tr("feedback_comment"), value=(fb or {}).get("comment", ""), key=f"fb_c_{key}",
                               height=68)
        if st.button(tr("feedback_save"), key=f"fb_s_{key}", disabled=verdict is None):
            saved = security().conversations.set_feedback(u.name, turn["id"], verdict, comment)
            turn["feedback"] = {"verdict": saved.verdict, "comment": saved.comment}
            st.toast(tr("feedback_saved"))


def ask(rt: Runtime, u: User, question: str, filters: Filters, idx: int) -> None:
    history = st.session_state.setdefault("history", [])
    with st.chat_message("user"):
        st.markdown(md_escape(question))
    with st.chat_message("assistant"):
        note = st.empty()  # "understood as: ..." for a follow-up
        warn = st.empty()  # the model's answer failed the checks: the extractive one follows
        slot = st.empty()  # the answer as it streams in, then the answer with its cards
        slot.caption(tr("searching"))
        text, answer = "", None
        try:
            for ev in rt.assistant.stream(question, history_for_assistant(history), filters):
                if ev.kind == "rewritten":
                    note.caption(tr("understood_as", q=md_escape(ev.text)))
                elif ev.kind == "token":
                    text += ev.text
                    slot.markdown(answer_markdown(text) + " ▌")
                elif ev.kind == "reset":
                    text = ""
                    warn.info(tr("fallback", model=named("backend", rt.assistant.backend_name, lang())))
                    slot.caption(tr("searching"))
                elif ev.kind == "final":
                    answer = ev.answer
        except Exception as exc:  # shown with an id, not raised: the conversation stays usable
            note.empty()
            warn.empty()
            with slot.container():
                show_error(exc, "answer")
            return
        note.empty()
        warn.empty()
        turn = make_turn(question, answer)
        keep(u, turn)
        with slot.container():
            render_answer(turn["answer"], idx)
            feedback(u, turn)
    history.append(turn)


def render() -> None:
    u = user()
    rt = runtime()
    restore(u)
    filters = sidebar_filters(rt, u)
    history = st.session_state.setdefault("history", [])
    st.markdown(f"## {tr('page_chat')}")
    intro = st.empty()
    if not history:
        if rt.store.count() == 0:
            intro.info(tr("empty_store"))
        else:
            examples = "\n".join(f"- {md_escape(q)}" for q in tr("chat_examples").split("\n"))
            intro.info(f"{tr('chat_intro')}\n\n{examples}", icon=":material/forum:")
    for i, turn in enumerate(history):
        with st.chat_message("user"):
            st.markdown(md_escape(turn["question"]))
        with st.chat_message("assistant"):
            render_answer(turn["answer"], i)
            feedback(u, turn)
    question = st.chat_input(tr("chat_placeholder"), key="chat_q")
    if question and question.strip():
        intro.empty()
        ask(rt, u, question.strip(), filters, len(history))


render()
