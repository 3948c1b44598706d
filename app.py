"""The Streamlit app: chat with cited sources, adding documents, managing the corpus.

Run with ``streamlit run app.py``. Settings come from ``RAG_*`` variables (``RAG_STORE_DIR``,
``RAG_BACKEND``, ``RAG_MAX_UPLOAD_MB``...). The app is a thin layer: heavy parts are built
once (``st.cache_resource``) by :mod:`rag.app_support`, which calls the ingest pipeline and the
retrieval / answer code. Every interface string lives in :mod:`rag.ui_text` (vi / lo / en).
"""
from __future__ import annotations

import datetime as dt
import logging

import streamlit as st

from rag import app_support as sup
from rag import ui_text as ui
from rag.config import offline_environment

log = logging.getLogger("rag.app")

PAGES = ("chat", "add", "corpus", "briefing", "agreements")
DATE_MIN, DATE_MAX = dt.date(1975, 1, 1), dt.date(2100, 12, 31)


def L() -> str:
    """The interface language of this session."""
    lang = st.session_state.get("ui_lang", ui.DEFAULT_UI_LANG)
    return lang if lang in ui.UI_LANGS else ui.DEFAULT_UI_LANG


def tr(key: str, /, **fields) -> str:
    return ui.t(key, L(), **fields)


# --- running parts -------------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def get_runtime(settings_key: str, _settings) -> sup.Runtime:
    """Store, retriever and assistant, built once per distinct settings (the key)."""
    logging.basicConfig(level=_settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return sup.build_runtime(_settings)


def load_runtime() -> sup.Runtime:
    from rag.backends import BackendError
    from rag.config import SettingsError, load_settings
    from rag.embeddings import EmbeddingModelError
    from rag.retrieval import RerankerError
    from rag.store import StoreError

    try:
        settings = load_settings()
        with st.spinner(tr("loading")):
            return get_runtime(settings.model_dump_json(), settings)
    except (SettingsError, StoreError, BackendError, RerankerError, EmbeddingModelError) as exc:
        st.error(f"**{tr('startup_error')}**\n\n```\n{exc}\n```")
        st.stop()


def upload_limit_mb(settings) -> int:
    """The smaller of our limit and Streamlit's server limit (both are enforced)."""
    try:
        server = int(st.get_option("server.maxUploadSize"))
    except Exception:
        server = settings.max_upload_mb
    return max(1, min(int(settings.max_upload_mb), server))


# --- sidebar -------------------------------------------------------------------------------
def sidebar_frame() -> str:
    with st.sidebar:
        st.markdown(f"### {tr('app_title')}")
        st.radio(tr("ui_language"), ui.UI_LANGS, format_func=ui.UI_LANG_NAMES.get, key="ui_lang")
        lang = L()  # bound now: format functions may be called outside the script run
        page = st.radio(tr("page"), PAGES, format_func=lambda p: ui.t(f"page_{p}", lang), key="page")
    return page


def new_conversation() -> None:
    st.session_state["history"] = []


def sidebar_filters(rt: sup.Runtime):
    lang = L()
    docs = sup.documents(rt.store)
    ids = [d["doc_id"] for d in docs]
    titles = {d["doc_id"]: f"{d['title'][:70]} ({d['lang']})" for d in docs}
    if "f_docs" in st.session_state:  # a deleted document cannot stay selected
        st.session_state["f_docs"] = [i for i in st.session_state["f_docs"] if i in titles]
    with st.sidebar:
        st.button(tr("new_chat"), on_click=new_conversation, key="new_chat", icon=":material/add_comment:",
                  width="stretch")
        st.markdown(f"**{tr('filters')}**", help=tr("filters_help"))
        langs = st.multiselect(tr("filter_langs"), ["vi", "lo", "en"], format_func=lambda c: ui.lang_name(c, lang),
                               key="f_langs", placeholder=tr("filter_all"))
        chosen = st.multiselect(tr("filter_docs"), ids, format_func=lambda i: titles.get(i, i), key="f_docs",
                                placeholder=tr("filter_all"))
        c1, c2 = st.columns(2)
        d_from = c1.date_input(tr("date_from"), value=None, min_value=DATE_MIN, max_value=DATE_MAX, key="f_from",
                               format="DD/MM/YYYY")
        d_to = c2.date_input(tr("date_to"), value=None, min_value=DATE_MIN, max_value=DATE_MAX, key="f_to",
                             format="DD/MM/YYYY")
        if d_from and d_to and d_from > d_to:
            st.warning(tr("dates_reversed"))
        st.caption(tr("store_line", docs=len(docs), passages=sum(d["passages"] for d in docs)))
        st.caption(tr("answered_by", backend=ui.backend_name(rt.assistant.backend_name, lang)))
    return sup.make_filters(langs, chosen, d_from, d_to)


# --- chat ----------------------------------------------------------------------------------
def version_caption(lang_code: str, official: bool) -> str:
    lang = L()
    return tr("version_label", lang=ui.lang_name(lang_code or "und", lang), status=tr("official" if official else "working"))


def render_card(c: dict, key: str) -> None:
    """One numbered citation card: header, details, passage with highlights, other versions."""
    lang = L()
    hls = c.get("highlights") or []
    with st.container(border=True, key=key):
        st.markdown(f"**[{c['n']}] {sup.md_escape(c.get('title') or c['doc_id'])}**")
        details = [c.get("date") or tr("no_date"), ui.lang_name(c.get("lang") or "und", lang),
                   ui.kind_name(c.get("kind") or "other", lang), tr("official" if c.get("official") else "working")]
        if c.get("page"):
            details.append(tr("page_n", page=c["page"]))
        if c.get("similarity"):
            details.append(tr("relevance", sim=c["similarity"]))
        st.caption(" · ".join(sup.md_escape(x) for x in details))
        hl_docs = {h["doc_id"] for h in hls}
        versions = c.get("versions") or []
        beside = [v for v in versions if v.get("doc_id") in hl_docs]
        rest = sorted((v for v in versions if v not in beside), key=lambda v: {"lo": 0, "vi": 1}.get(v.get("lang"), 2))
        main = sup.marked_passage(c.get("text", ""), int(c.get("start") or 0), hls, c["doc_id"])
        if beside:
            cols = st.columns(1 + len(beside))
            cols[0].caption(version_caption(c.get("lang"), c.get("official")))
            cols[0].markdown(main, unsafe_allow_html=True)
            for col, v in zip(cols[1:], beside):
                col.caption(version_caption(v.get("lang"), v.get("official")))
                col.markdown(sup.marked_passage(v.get("text", ""), int(v.get("start") or 0), hls, v["doc_id"]),
                             unsafe_allow_html=True)
        else:
            st.markdown(main, unsafe_allow_html=True)
        if rest:
            with st.expander(tr("other_versions")):
                cols = st.columns(len(rest))
                for col, v in zip(cols, rest):
                    col.caption(version_caption(v.get("lang"), v.get("official")))
                    col.markdown(sup.md_escape(v.get("text", "")))


def render_answer(a: dict, idx: int) -> None:
    """An answer (as ``Answer.as_dict()``) with its cards, backend line and notes."""
    lang = L()
    if a.get("rewritten_question"):
        st.caption(tr("understood_as", q=sup.md_escape(a["rewritten_question"])))
    if a.get("refused"):
        st.warning(f"**{tr('refused')}** — {sup.md_escape(a['answer'])}", icon=":material/block:")
        if a.get("closest"):
            st.markdown(f"**{tr('closest')}**")
            for c in a["closest"]:
                render_card(c, f"closest-{idx}-{c['n']}")
    else:
        if a.get("fallback_from"):
            st.info(tr("fallback", model=ui.backend_name(a["fallback_from"], lang)), icon=":material/rule:")
        st.markdown(sup.answer_markdown(a["answer"]))
        if a.get("unsupported"):
            with st.expander(tr("unsupported")):
                for u in a["unsupported"]:
                    st.markdown(f"- {sup.md_escape(u['sentence'])} — _{sup.md_escape(u['reason'])}_")
        if a.get("citations"):
            st.markdown(f"**{tr('sources')}**")
            for c in a["citations"]:
                render_card(c, f"cite-{idx}-{c['n']}")
    parts = [tr("answered_by", backend=ui.backend_name(a.get("backend", ""), lang))]
    total = (a.get("timings") or {}).get("total_ms")
    if total:
        parts.append(tr("timing", s=total / 1000))
    st.caption(" · ".join(parts))


def ask(rt: sup.Runtime, question: str, filters, idx: int) -> None:
    history = st.session_state.setdefault("history", [])
    with st.chat_message("user"):
        st.markdown(sup.md_escape(question))
    with st.chat_message("assistant"):
        note = st.empty()  # "understood as: ..." for a follow-up
        warn = st.empty()  # the model's answer failed the checks: the extractive one follows
        slot = st.empty()  # the answer as it streams in, then the answer with its cards
        slot.caption(tr("searching"))
        text, answer = "", None
        try:
            for ev in rt.assistant.stream(question, sup.history_for_assistant(history), filters):
                if ev.kind == "rewritten":
                    note.caption(tr("understood_as", q=sup.md_escape(ev.text)))
                elif ev.kind == "token":
                    text += ev.text
                    slot.markdown(sup.answer_markdown(text) + " ▌")
                elif ev.kind == "reset":
                    text = ""
                    warn.info(tr("fallback", model=ui.backend_name(rt.assistant.backend_name, L())))
                    slot.caption(tr("searching"))
                elif ev.kind == "final":
                    answer = ev.answer
        except Exception as exc:  # shown, not raised: the conversation stays usable
            log.exception("answering %r failed", question)
            note.empty()
            warn.empty()
            slot.error(tr("answer_error", error=sup.md_escape(f"{exc.__class__.__name__}: {exc}")))
            return
        note.empty()
        warn.empty()
        turn = sup.make_turn(question, answer)
        with slot.container():
            render_answer(turn["answer"], idx)
    history.append(turn)


def page_chat(rt: sup.Runtime) -> None:
    filters = sidebar_filters(rt)
    history = st.session_state.setdefault("history", [])
    st.markdown(f"## {tr('page_chat')}")
    intro = st.empty()
    if not history:
        if rt.store.count() == 0:
            intro.info(tr("empty_store"))
        else:
            examples = "\n".join(f"- {sup.md_escape(q)}" for q in tr("chat_examples").split("\n"))
            intro.info(f"{tr('chat_intro')}\n\n{examples}", icon=":material/forum:")
    for i, turn in enumerate(history):
        with st.chat_message("user"):
            st.markdown(sup.md_escape(turn["question"]))
        with st.chat_message("assistant"):
            render_answer(turn["answer"], i)
    question = st.chat_input(tr("chat_placeholder"), key="chat_q")
    if question and question.strip():
        intro.empty()
        ask(rt, question.strip(), filters, len(history))


# --- add documents -------------------------------------------------------------------------
def preview_for(file, max_bytes: int, existing: dict) -> sup.UploadPreview:
    cache = st.session_state.setdefault("upload_previews", {})
    data = file.getvalue()
    key = sup.upload_key(file.name, data)
    p = cache.get(key)
    if p is None or (p.collision is None) != (p.doc_id not in existing) or (p.collision and p.new_id in existing):
        p = cache[key] = sup.preview_upload(file.name, data, max_bytes, existing)
    return p


def show_results() -> None:
    results = st.session_state.get("upload_results")
    if not results:
        return
    lang = L()
    st.markdown(f"#### {tr('results')}")
    for r in results:
        status = ui.status_name(r["status"], lang)
        if r["status"] == "failed":
            st.error(tr("result_failed", status=status, name=sup.md_escape(r["name"]),
                        reason=sup.md_escape(ui.localize_reason(r["reason"], lang))))
            continue
        line = tr("result_ok", status=status, name=sup.md_escape(r["name"]), title=sup.md_escape(r["title"]),
                  lang=ui.lang_name(r["lang"] or "und", lang), passages=r["passages"], id=sup.md_escape(r["doc_id"]))
        (st.success if r["status"] in ("added", "updated") else st.info)(line)
        for w in r.get("warnings") or []:
            st.caption(f"⚠ {sup.md_escape(w)}")
    if any(r["status"] in ("added", "updated") for r in results):
        st.caption(tr("answerable_now"))


def page_add(rt: sup.Runtime) -> None:
    lang = L()
    limit = upload_limit_mb(rt.settings)
    max_bytes = limit * 1_000_000
    st.markdown(f"## {tr('add_title')}")
    st.markdown(tr("add_intro"))
    st.info(tr("limit_explained", mb=limit), icon=":material/info:")
    show_results()
    n = st.session_state.setdefault("uploader_n", 0)
    files = st.file_uploader(tr("uploader"), type=list(sup.UPLOAD_TYPES), accept_multiple_files=True,
                             key=f"uploader_{n}", max_upload_size=limit)
    if not files:
        return
    docs = sup.documents(rt.store)
    existing = {d["doc_id"]: d for d in docs}
    doc_ids = [d["doc_id"] for d in docs]
    labels = {d["doc_id"]: f"{d['title'][:70]} ({d['lang']})" for d in docs}
    ready = []
    for f in files:
        p = preview_for(f, max_bytes, existing)
        if p.error == "too_big":
            st.error(tr("file_too_big", name=sup.md_escape(p.name), size=p.size_mb, mb=limit))
            continue
        if p.error == "bad_type":
            st.error(tr("file_bad_type", name=sup.md_escape(p.name), ext=sup.md_escape(p.ext)))
            continue
        if p.error:
            st.error(tr("file_unreadable", name=sup.md_escape(p.name),
                        reason=sup.md_escape(ui.localize_reason(p.reason, lang))))
            continue
        k = p.key
        with st.container(border=True):
            st.markdown(f"**{tr('file_details', name=sup.md_escape(p.name))}**")
            st.caption(tr("doc_id_line", id=sup.md_escape(p.doc_id)))
            c1, c2 = st.columns([3, 1])
            title = c1.text_input(tr("field_title"), value=p.title, key=f"up_title_{k}")
            date = c2.text_input(tr("field_date"), value=p.date, key=f"up_date_{k}")
            c3, c4, c5 = st.columns(3)
            options = ["vi", "lo", "en"]
            doc_lang = c3.selectbox(tr("field_lang"), options, index=options.index(p.lang) if p.lang in options else None,
                                    format_func=lambda c: ui.lang_name(c, lang), key=f"up_lang_{k}",
                                    help=tr("field_lang_help", lang=ui.lang_name(p.lang or "und", lang)),
                                    placeholder=ui.lang_name("und", lang))
            kinds = ["mou", "minutes", "report", "news", "other"]
            kind = c4.selectbox(tr("field_kind"), kinds, index=kinds.index(p.kind) if p.kind in kinds else 4,
                                format_func=lambda c: ui.kind_name(c, lang), key=f"up_kind_{k}")
            v_opts = [""] + [i for i in doc_ids if i != p.doc_id]
            version_of = c5.selectbox(tr("field_version_of"), v_opts,
                                      index=v_opts.index(p.version_of) if p.version_of in v_opts else 0,
                                      format_func=lambda i: labels.get(i, i) if i else ui.t("none", lang),
                                      key=f"up_ver_{k}", help=tr("field_version_help"))
            mode = None
            if p.collision is not None:
                st.warning(tr("collision", id=sup.md_escape(p.doc_id), title=sup.md_escape(p.collision.get("title", ""))))
                mode = st.radio(tr("collision", id=p.doc_id, title=p.collision.get("title", "")), ["new", "revision"],
                                index=None, key=f"up_mode_{k}", label_visibility="collapsed",
                                format_func=lambda m, new_id=p.new_id: ui.t("collision_new", lang, new_id=new_id)
                                if m == "new" else ui.t("collision_revision", lang))
        ready.append((p, title, date, doc_lang, kind, version_of, mode))
    if not ready:
        return
    if st.button(tr("add_button"), type="primary", key="add_btn", icon=":material/upload_file:"):
        add_files(rt, ready, max_bytes)


def add_files(rt: sup.Runtime, ready: list, max_bytes: int) -> None:
    undecided = [p.name for p, *_, mode in ready if p.collision is not None and mode is None]
    if undecided:
        st.warning(tr("collision_required", names=", ".join(sup.md_escape(n) for n in undecided)))
        return
    ids: dict[str, list[str]] = {}
    for p, *_, mode in ready:
        ids.setdefault(p.new_id if p.collision is not None and mode == "new" else p.doc_id, []).append(p.name)
    clashes = [names for names in ids.values() if len(names) > 1]
    if clashes:
        for names in clashes:
            st.error(tr("batch_duplicate", names=", ".join(sup.md_escape(n) for n in names)))
        return
    bad = [(p.name, date) for p, _, date, *_ in ready if sup.check_date(date) is None]
    if bad:
        for name, date in bad:
            st.error(tr("bad_date", name=sup.md_escape(name), date=sup.md_escape(date)))
        return
    bar = st.progress(0.0, text="")
    results = []
    total = len(ready)
    for i, (p, title, date, doc_lang, kind, version_of, mode) in enumerate(ready):
        label = tr("progress", name=p.name, i=i + 1, n=total)
        bar.progress(i / total, text=label)

        def progress(done: int, of: int, i=i, label=label) -> None:
            bar.progress(min(1.0, (i + (done / of if of else 1.0)) / total), text=label)

        overrides = sup.upload_overrides(p, title, sup.check_date(date) or "", doc_lang, kind, version_of, mode)
        res = sup.ingest_upload(rt.store, p, overrides, max_bytes, progress)
        results.append({"name": p.name, "status": res.status, "doc_id": res.doc_id, "title": res.title,
                        "lang": res.lang, "passages": res.passages, "reason": res.reason, "warnings": res.warnings})
    bar.progress(1.0, text=tr("progress_done"))
    st.session_state["upload_results"] = results
    st.session_state["upload_previews"] = {}
    st.session_state["uploader_n"] = st.session_state.get("uploader_n", 0) + 1  # empties the uploader
    st.rerun()


# --- corpus --------------------------------------------------------------------------------
def page_corpus(rt: sup.Runtime) -> None:
    lang = L()
    st.markdown(f"## {tr('corpus_title')}")
    msg = st.session_state.pop("corpus_msg", None)
    if msg:
        (st.success if msg[0] == "ok" else st.error)(msg[1])
    docs = sup.documents(rt.store)
    if not docs:
        st.info(tr("corpus_empty"))
        return
    st.caption(tr("store_line", docs=len(docs), passages=sum(d["passages"] for d in docs)))
    table = [{
        tr("col_title"): d["title"],
        tr("col_date"): d["date"],
        tr("col_lang"): ui.lang_name(d["lang"] or "und", lang),
        tr("col_kind"): ui.kind_name(d["kind"] or "other", lang),
        tr("col_status"): tr("official" if d["official"] else "working"),
        tr("col_version_of"): d.get("version_of") or "",
        tr("col_passages"): d["passages"],
        tr("col_added"): (d.get("added_at") or "")[:16].replace("T", " "),
        tr("col_id"): d["doc_id"],
    } for d in docs]
    st.dataframe(table, hide_index=True, width="stretch")
    by_id = {d["doc_id"]: d for d in docs}
    if st.session_state.get("corpus_doc") not in by_id:
        st.session_state.pop("corpus_doc", None)
    doc_id = st.selectbox(tr("open_doc"), list(by_id), key="corpus_doc",
                          format_func=lambda i: f"{by_id[i]['title'][:90]} ({by_id[i]['lang']}, {i})")
    if not doc_id:
        return
    d = by_id[doc_id]
    with st.container(border=True):
        st.markdown(f"### {sup.md_escape(d['title'])}")
        st.caption(" · ".join(sup.md_escape(x) for x in [
            d["date"] or tr("no_date"), ui.lang_name(d["lang"] or "und", lang), ui.kind_name(d["kind"] or "other", lang),
            tr("official" if d["official"] else "working"), doc_id]))
        if d.get("source"):
            st.caption(tr("doc_source", source=sup.md_escape(d["source"])))
        with st.container(height=420, border=False):
            st.markdown(sup.md_escape(sup.document_full_text(rt.store, doc_id)))
    with st.container(border=True):
        st.markdown(f"**{tr('delete_header')}**")
        st.caption(tr("delete_explain"))
        ok = st.checkbox(tr("delete_confirm", title=d["title"][:90]), key=f"del_ok_{doc_id}")
        if st.button(tr("delete_button"), type="primary", disabled=not ok, key="delete_btn", icon=":material/delete:"):
            res = sup.delete_document(rt.store, doc_id)
            if res.status == "removed":
                st.session_state["corpus_msg"] = ("ok", tr("deleted", title=sup.md_escape(d["title"]), n=res.passages))
            else:
                st.session_state["corpus_msg"] = ("err", tr("delete_failed", reason=sup.md_escape(res.reason)))
            st.session_state.pop("corpus_doc", None)
            st.rerun()


# --- briefing and agreements ---------------------------------------------------------------------
def optional_date(label_key: str, key: str, col, value=None):
    return col.date_input(tr(label_key), value=value, min_value=DATE_MIN, max_value=DATE_MAX, key=key,
                          format="DD/MM/YYYY")


def briefing_module():
    mod, err = sup.load_briefing_module()
    if mod is None:
        st.info(tr("feature_unavailable", error=sup.md_escape(str(err))))
    return mod


def briefing_page_header(page: str):
    """Title and intro of a briefing-based page; the briefing module, or None when unavailable."""
    st.markdown(f"## {tr(page + '_title')}")
    st.markdown(tr(page + "_intro"))
    return briefing_module()


def page_briefing(rt: sup.Runtime) -> None:
    lang = L()
    B = briefing_page_header("briefing")
    if B is None:
        return
    topic = st.text_input(tr("briefing_topic"), key="b_topic", placeholder=B.LABELS[lang]["default_topic"])
    c1, c2, c3, c4 = st.columns(4)
    d_from = optional_date("date_from", "b_from", c1)
    d_to = optional_date("date_to", "b_to", c2)
    as_of = optional_date("briefing_as_of", "b_as_of", c3, value=dt.date.today())
    b_lang = c4.selectbox(tr("briefing_lang"), list(ui.UI_LANGS), index=ui.UI_LANGS.index(lang),
                          format_func=lambda c: ui.lang_name(c, lang), key="b_lang")
    if st.button(tr("briefing_button"), type="primary", key="b_build", icon=":material/description:"):
        try:
            with st.spinner(tr("searching")):
                st.session_state["briefing"] = B.build_briefing(rt.assistant, topic=topic or "", date_from=d_from,
                                                                date_to=d_to, as_of=as_of, lang=b_lang)
        except ValueError as exc:
            st.error(tr("feature_error", error=sup.md_escape(str(exc))))
            return
    b = st.session_state.get("briefing")
    if b is None:
        return
    st.success(tr("briefing_built", events=len(b.timeline), agreements=len(b.agreements),
                  activities=len(b.activities), sources=len(b.sources)))
    name = f"briefing-{b.as_of}-{b.lang}"
    c1, c2 = st.columns(2)
    c1.download_button(tr("download_docx"), B.to_docx_bytes(b), file_name=f"{name}.docx", key="b_docx",
                       mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                       icon=":material/download:", width="stretch")
    md = B.to_markdown(b)
    c2.download_button(tr("download_md"), md.encode("utf-8"), file_name=f"{name}.md", mime="text/markdown",
                       key="b_md", icon=":material/download:", width="stretch")
    st.markdown(f"#### {tr('briefing_preview')}")
    with st.container(border=True, height=640):
        st.markdown(md.replace("$", "\\$"))


@st.cache_data(show_spinner=False, max_entries=32)
def agreement_rows(_rt: sup.Runtime, version: str, store_key: str, d_from, d_to, as_of, lang: str) -> list:
    """Extraction once per corpus version and period (filters by area and status are applied after)."""
    from rag import briefing as B

    return B.extract_agreements_and_activities(_rt.retriever, date_from=d_from, date_to=d_to, as_of=as_of, lang=lang)


def page_agreements(rt: sup.Runtime) -> None:
    lang = L()
    B = briefing_page_header("agreements")
    if B is None:
        return
    c1, c2, c3 = st.columns(3)
    d_from = optional_date("date_from", "a_from", c1)
    d_to = optional_date("date_to", "a_to", c2)
    as_of = optional_date("briefing_as_of", "a_as_of", c3, value=dt.date.today())
    areas, statuses = B.area_labels(lang), B.status_labels(lang)
    c4, c5 = st.columns(2)
    area = c4.multiselect(tr("filter_area"), list(areas), format_func=lambda k: areas.get(k, k), key="a_area",
                          placeholder=tr("filter_all"))
    status = c5.multiselect(tr("filter_status"), list(statuses), format_func=lambda k: statuses.get(k, k),
                            key="a_status", placeholder=tr("filter_all"))
    try:
        rows = agreement_rows(rt, rt.store.corpus_version(), rt.settings.model_dump_json(), d_from, d_to, as_of, lang)
    except ValueError as exc:
        st.error(tr("feature_error", error=sup.md_escape(str(exc))))
        return
    rows = B.filter_rows(rows, area=area or None, status=status or None)
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
    st.dataframe(table, hide_index=True, width="stretch")
    import csv
    import io

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(table[0]))
    writer.writeheader()
    writer.writerows(table)
    st.download_button(tr("download_csv"), buf.getvalue().encode("utf-8-sig"), file_name="agreements-activities.csv",
                       mime="text/csv", key="a_csv", icon=":material/download:")
    pick = st.selectbox(tr("row_source"), list(range(len(rows))), key="a_row",
                        format_func=lambda i: f"[{rows[i].n}] {rows[i].activity[:100]}")
    r = rows[pick]
    with st.container(border=True):
        st.markdown(f"**[{r.n}] {sup.md_escape(r.document)}**")
        st.caption(" · ".join(sup.md_escape(x) for x in [r.date_display or tr("no_date"), ui.lang_name(r.lang or "und", lang),
                                                          r.doc_id] if x))
        hl = [{"doc_id": r.doc_id, "start": -1, "end": -1, "sentence": r.quote}]
        st.markdown(sup.marked_passage(r.passage or r.quote, 0, hl, r.doc_id), unsafe_allow_html=True)


# --- main ----------------------------------------------------------------------------------
def main() -> None:
    offline_environment()
    st.set_page_config(page_title=ui.t("app_title", L()), page_icon=":material/handshake:", layout="wide",
                       initial_sidebar_state="expanded")
    page = sidebar_frame()
    rt = load_runtime()
    if rt.seeded is not None:  # said once, to the session that started the app
        st.toast(tr("seeded", n=len(rt.seeded.results)))
        rt.seeded = None
    {"chat": page_chat, "add": page_add, "corpus": page_corpus, "briefing": page_briefing,
     "agreements": page_agreements}[page](rt)


main()
