"""Briefing: a cited note for a delegation visit (timeline, agreements, activities), as DOCX or Markdown."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from rag.briefing import build_briefing, to_docx_bytes, to_markdown
from rag.text.i18n import lang_name, t
from rag.text.langs import LANGS
from ui.markdown import md_escape
from ui.session import lang, page_header, runtime, tr
from ui.widgets import optional_date


def render() -> None:
    rt = runtime()
    ui_lang = lang()
    page_header("briefing")
    topic = st.text_input(tr("briefing_topic"), key="b_topic", placeholder=t("brief_default_topic", ui_lang))
    c0, c00 = st.columns([3, 1])
    delegation = c0.text_input(tr("briefing_delegation"), key="b_delegation")
    visit = optional_date("briefing_visit", "b_visit", c00)
    c1, c2, c3, c4 = st.columns(4)
    d_from = optional_date("date_from", "b_from", c1)
    d_to = optional_date("date_to", "b_to", c2)
    as_of = optional_date("briefing_as_of", "b_as_of", c3, value=dt.date.today())
    b_lang = c4.selectbox(tr("briefing_lang"), list(LANGS), index=LANGS.index(ui_lang),
                          format_func=lambda c: lang_name(c, ui_lang), key="b_lang")
    if st.button(tr("briefing_button"), type="primary", key="b_build", icon=":material/description:"):
        try:
            with st.spinner(tr("searching")):
                st.session_state["briefing"] = build_briefing(rt.assistant, topic=topic or "", date_from=d_from,
                                                              date_to=d_to, as_of=as_of, lang=b_lang,
                                                              delegation=delegation or "", visit_date=visit)
        except ValueError as exc:
            st.error(tr("feature_error", error=md_escape(str(exc))))
            return
    b = st.session_state.get("briefing")
    if b is None:
        return
    st.success(tr("briefing_built", events=len(b.timeline), agreements=len(b.agreements),
                  activities=len(b.activities), sources=len(b.sources)))
    name = f"briefing-{b.as_of}-{b.lang}"
    c1, c2 = st.columns(2)
    c1.download_button(tr("download_docx"), to_docx_bytes(b), file_name=f"{name}.docx", key="b_docx",
                       mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                       icon=":material/download:", width="stretch")
    md = to_markdown(b)
    c2.download_button(tr("download_md"), md.encode("utf-8"), file_name=f"{name}.md", mime="text/markdown",
                       key="b_md", icon=":material/download:", width="stretch")
    st.markdown(f"#### {tr('briefing_preview')}")
    with st.container(border=True, height=640):
        st.markdown(md)  # to_markdown escapes every document character (issue 15)


render()
