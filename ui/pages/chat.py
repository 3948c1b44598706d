"""Chat: questions in vi / lo / en, answers with their cited passages, filters in the sidebar."""
from __future__ import annotations

import streamlit as st

from rag.retrieval.filters import Filters
from rag.runtime import Runtime
from rag.text.i18n import lang_name, named
from rag.text.langs import LANGS
from ui.cards import render_answer
from ui.conversation import history_for_assistant, make_filters, make_turn
from ui.documents import documents
from ui.markdown import answer_markdown, md_escape
from ui.session import lang, log, runtime, tr
from ui.widgets import DATE_MAX, DATE_MIN


def new_conversation() -> None:
    st.session_state["history"] = []


def sidebar_filters(rt: Runtime) -> Filters:
    ui_lang = lang()
    docs = documents(rt.store)
    titles = {d.doc_id: f"{d.title[:70]} ({d.lang})" for d in docs}
    if "f_docs" in st.session_state:  # a deleted document cannot stay selected
        st.session_state["f_docs"] = [i for i in st.session_state["f_docs"] if i in titles]
    with st.sidebar:
        st.button(tr("new_chat"), on_click=new_conversation, key="new_chat", icon=":material/add_comment:",
                  width="stretch")
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


def ask(rt: Runtime, question: str, filters: Filters, idx: int) -> None:
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
        except Exception as exc:  # shown, not raised: the conversation stays usable
            log.exception("answering %r failed", question)
            note.empty()
            warn.empty()
            slot.error(tr("answer_error", error=md_escape(f"{exc.__class__.__name__}: {exc}")))
            return
        note.empty()
        warn.empty()
        turn = make_turn(question, answer)
        with slot.container():
            render_answer(turn["answer"], idx)
    history.append(turn)


def render() -> None:
    rt = runtime()
    filters = sidebar_filters(rt)
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
    question = st.chat_input(tr("chat_placeholder"), key="chat_q")
    if question and question.strip():
        intro.empty()
        ask(rt, question.strip(), filters, len(history))


render()
