"""Citation cards and answers as the chat shows them (from ``Answer.as_dict()``)."""
from __future__ import annotations

import streamlit as st

from rag.text.guard import flag
from rag.text.i18n import lang_name, named

from .markdown import answer_markdown, marked_passage, md_escape
from .scans import page_image
from .session import lang, tr


def version_caption(lang_code: str, official: bool) -> str:
    return tr("version_label", lang=lang_name(lang_code or "und", lang()), status=tr("official" if official else "working"))


def render_card(c: dict, key: str) -> None:
    """One numbered citation card: header, details, passage with highlights, other versions."""
    ui_lang = lang()
    hls = c.get("highlights") or []
    with st.container(border=True, key=key):
        st.markdown(f"**[{c['n']}] {md_escape(c.get('title') or c['doc_id'])}**")
        details = [c.get("date") or tr("no_date"), lang_name(c.get("lang") or "und", ui_lang),
                   named("kind", c.get("kind") or "other", ui_lang), tr("official" if c.get("official") else "working")]
        if c.get("page"):
            details.append(tr("page_n", page=c["page"]))
        if c.get("similarity"):
            details.append(tr("relevance", sim=c["similarity"]))
        st.caption(" · ".join(md_escape(x) for x in details))
        if flag(c.get("text") or ""):  # shown as it is written, but never used to answer
            st.caption(tr("card_flagged"), help=tr("card_flagged_help"))
        hl_docs = {h["doc_id"] for h in hls}
        versions = c.get("versions") or []
        beside = [v for v in versions if v.get("doc_id") in hl_docs]
        rest = sorted((v for v in versions if v not in beside), key=lambda v: {"lo": 0, "vi": 1}.get(v.get("lang"), 2))
        main = marked_passage(c.get("text", ""), int(c.get("start") or 0), hls, c["doc_id"])
        if beside:
            cols = st.columns(1 + len(beside))
            cols[0].caption(version_caption(c.get("lang"), c.get("official")))
            cols[0].markdown(main, unsafe_allow_html=True)
            for col, v in zip(cols[1:], beside):
                col.caption(version_caption(v.get("lang"), v.get("official")))
                col.markdown(marked_passage(v.get("text", ""), int(v.get("start") or 0), hls, v["doc_id"]),
                             unsafe_allow_html=True)
        else:
            st.markdown(main, unsafe_allow_html=True)
        page_image(c)  # a passage read from a scan: its page image, cropped to it
        if rest:
            with st.expander(tr("other_versions")):
                cols = st.columns(len(rest))
                for col, v in zip(cols, rest):
                    col.caption(version_caption(v.get("lang"), v.get("official")))
                    col.markdown(md_escape(v.get("text", "")))


def render_answer(a: dict, idx: int) -> None:
    """An answer (as ``Answer.as_dict()``) with its cards, backend line and notes."""
    ui_lang = lang()
    if a.get("rewritten_question"):
        st.caption(tr("understood_as", q=md_escape(a["rewritten_question"])))
    if a.get("refused"):
        st.warning(f"**{tr('refused')}** — {md_escape(a['answer'])}", icon=":material/block:")
        if a.get("closest"):
            st.markdown(f"**{tr('closest')}**")
            for c in a["closest"]:
                render_card(c, f"closest-{idx}-{c['n']}")
    else:
        if a.get("fallback_from"):
            st.info(tr("fallback", model=named("backend", a["fallback_from"], ui_lang)), icon=":material/rule:")
        st.markdown(answer_markdown(a["answer"]))
        if a.get("ocr_note"):
            st.warning(md_escape(a["ocr_note"]), icon=":material/document_scanner:")
        if a.get("unsupported"):
            with st.expander(tr("unsupported")):
                for u in a["unsupported"]:
                    st.markdown(f"- {md_escape(u['sentence'])} — _{md_escape(u['reason'])}_")
        if a.get("citations"):
            st.markdown(f"**{tr('sources')}**")
            for c in a["citations"]:
                render_card(c, f"cite-{idx}-{c['n']}")
    parts = [tr("answered_by", backend=named("backend", a.get("backend", ""), ui_lang))]
    total = (a.get("timings") or {}).get("total_ms")
    if total:
        parts.append(tr("timing", s=total / 1000))
    st.caption(" · ".join(parts))
