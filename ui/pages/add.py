"""Add documents: upload, check the metadata, add; the assistant uses them at once."""
from __future__ import annotations

import streamlit as st

from rag.records import KINDS
from rag.runtime import Runtime
from rag.security.roles import PermissionDenied
from rag.text.i18n import lang_name, named, t
from rag.text.langs import LANGS
from ui.documents import documents
from ui.markdown import md_escape
from ui.scans import collect_finished, scan_notice, show_jobs, start_job
from ui.session import lang, runtime, security, settings, tr, upload_limit_mb, user
from ui.uploads import (
    UPLOAD_TYPES,
    UploadPreview,
    check_date,
    ingest_upload,
    preview_upload,
    upload_key,
    upload_overrides,
)


def preview_for(file, max_bytes: int, existing: dict) -> UploadPreview:
    cache = st.session_state.setdefault("upload_previews", {})
    data = file.getvalue()
    key = upload_key(file.name, data)
    p = cache.get(key)
    if p is None or (p.collision is None) != (p.doc_id not in existing) or (p.collision and p.new_id in existing):
        p = cache[key] = preview_upload(file.name, data, max_bytes, existing)
    return p


def show_results() -> None:
    results = st.session_state.get("upload_results")
    if not results:
        return
    ui_lang = lang()
    st.markdown(f"#### {tr('results')}")
    for r in results:
        status = named("status", r.status, ui_lang)
        if r.status == "failed":
            st.error(tr("result_failed", status=status, name=md_escape(r.path), reason=md_escape(r.reason_in(ui_lang))))
            continue
        line = tr("result_ok", status=status, name=md_escape(r.path), title=md_escape(r.title),
                  lang=lang_name(r.lang or "und", ui_lang), passages=r.passages, id=md_escape(r.doc_id))
        (st.success if r.status in ("added", "updated") else st.info)(line)
        for w in r.warnings:
            st.caption(f"⚠ {md_escape(w)}")
    if any(r.status in ("added", "updated") for r in results):
        st.caption(tr("answerable_now"))


def file_form(p: UploadPreview, existing: dict, ui_lang: str):
    """The metadata form of one readable upload; returns what the user chose."""
    labels = {i: f"{d.title[:70]} ({d.lang})" for i, d in existing.items()}
    k = p.key
    with st.container(border=True):
        st.markdown(f"**{tr('file_details', name=md_escape(p.name))}**")
        st.caption(tr("doc_id_line", id=md_escape(p.doc_id)))
        scan_notice(p)  # a scan: read by OCR in the background, and how long that takes
        c1, c2 = st.columns([3, 1])
        title = c1.text_input(tr("field_title"), value=p.title, key=f"up_title_{k}")
        date = c2.text_input(tr("field_date"), value=p.date, key=f"up_date_{k}")
        c3, c4, c5 = st.columns(3)
        options = list(LANGS)
        doc_lang = c3.selectbox(tr("field_lang"), options, index=options.index(p.lang) if p.lang in options else None,
                                format_func=lambda c: lang_name(c, ui_lang), key=f"up_lang_{k}",
                                help=tr("field_lang_help", lang=lang_name(p.lang or "und", ui_lang)),
                                placeholder=lang_name("und", ui_lang))
        kinds = list(KINDS)
        kind = c4.selectbox(tr("field_kind"), kinds, index=kinds.index(p.kind) if p.kind in kinds else len(kinds) - 1,
                            format_func=lambda c: named("kind", c, ui_lang), key=f"up_kind_{k}")
        v_opts = [""] + [i for i in existing if i != p.doc_id]
        version_of = c5.selectbox(tr("field_version_of"), v_opts,
                                  index=v_opts.index(p.version_of) if p.version_of in v_opts else 0,
                                  format_func=lambda i: labels.get(i, i) if i else t("none", ui_lang),
                                  key=f"up_ver_{k}", help=tr("field_version_help"))
        mode = None
        if p.collision is not None:
            st.warning(tr("collision", id=md_escape(p.doc_id), title=md_escape(p.collision.title)))
            mode = st.radio(tr("collision", id=md_escape(p.doc_id), title=md_escape(p.collision.title)),
                            ["new", "revision"], index=None, key=f"up_mode_{k}", label_visibility="collapsed",
                            format_func=lambda m, new_id=p.new_id: t("collision_new", ui_lang, new_id=new_id)
                            if m == "new" else t("collision_revision", ui_lang))
    return p, title, date, doc_lang, kind, version_of, mode


def add_files(rt: Runtime, ready: list, max_bytes: int) -> None:
    undecided = [p.name for p, *_, mode in ready if p.collision is not None and mode is None]
    if undecided:
        st.warning(tr("collision_required", names=", ".join(md_escape(n) for n in undecided)))
        return
    ids: dict[str, list[str]] = {}
    for p, *_, mode in ready:
        ids.setdefault(p.new_id if p.collision is not None and mode == "new" else p.doc_id, []).append(p.name)
    clashes = [names for names in ids.values() if len(names) > 1]
    if clashes:
        for names in clashes:
            st.error(tr("batch_duplicate", names=", ".join(md_escape(n) for n in names)))
        return
    bad = [(p.name, date) for p, _, date, *_ in ready if check_date(date) is None]
    if bad:
        for name, date in bad:
            st.error(tr("bad_date", name=md_escape(name), date=md_escape(date)))
        return
    bar = st.progress(0.0, text="")
    results = []
    total = len(ready)
    before = documents(rt.store)
    for i, (p, title, date, doc_lang, kind, version_of, mode) in enumerate(ready):
        label = tr("progress", name=md_escape(p.name), i=i + 1, n=total)
        bar.progress(i / total, text=label)

        def progress(done: int, of: int, i=i, label=label) -> None:
            bar.progress(min(1.0, (i + (done / of if of else 1.0)) / total), text=label)

        overrides = upload_overrides(p, title, check_date(date) or "", doc_lang, kind, version_of, mode)
        try:  # checked again on the server side: a reader's forged request stops here
            if p.scan_pages:  # OCR takes seconds per page: a background job, its progress shown below
                start_job(rt, security().trail, user(), p, overrides, max_bytes)
                continue
            results.append(ingest_upload(rt.store, security().trail, user(), p, overrides, max_bytes, progress, before))
        except PermissionDenied as exc:
            bar.empty()
            st.error(tr(f"denied_{exc.code}"))
            return
    bar.progress(1.0, text=tr("progress_done"))
    st.session_state["upload_results"] = results
    st.session_state["upload_previews"] = {}
    st.session_state["uploader_n"] = st.session_state.get("uploader_n", 0) + 1  # empties the uploader
    st.rerun()


def render() -> None:
    u, s = user(), settings()
    if u is None or not u.can("write") or s.read_only:  # the page is not even listed for them
        st.error(tr("denied_read_only" if s.read_only else "denied_role"))
        return
    rt = runtime()
    ui_lang = lang()
    limit = upload_limit_mb(rt.settings)
    max_bytes = limit * 1_000_000
    st.markdown(f"## {tr('add_title')}")
    st.markdown(tr("add_intro"))
    st.info(tr("limit_explained_scans", mb=limit), icon=":material/info:")
    collect_finished()
    show_results()
    show_jobs()
    n = st.session_state.setdefault("uploader_n", 0)
    files = st.file_uploader(tr("uploader"), type=list(UPLOAD_TYPES), accept_multiple_files=True,
                             key=f"uploader_{n}", max_upload_size=limit)
    if not files:
        return
    existing = {d.doc_id: d for d in documents(rt.store)}
    ready = []
    for f in files:
        p = preview_for(f, max_bytes, existing)
        if p.error == "too_big":
            st.error(tr("file_too_big", name=md_escape(p.name), size=p.size_mb, mb=limit))
        elif p.error == "bad_type":
            st.error(tr("file_bad_type", name=md_escape(p.name), ext=md_escape(p.ext)))
        elif p.error:
            reason = t(f"reason_{p.error_code}", ui_lang, **p.error_params)
            st.error(tr("file_unreadable", name=md_escape(p.name), reason=md_escape(reason)))
        else:
            ready.append(file_form(p, existing, ui_lang))
    if ready and st.button(tr("add_button"), type="primary", key="add_btn", icon=":material/upload_file:"):
        add_files(rt, ready, max_bytes)


render()
