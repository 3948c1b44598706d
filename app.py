"""The Streamlit app: a thin frame over the page files in ``ui/pages/``.

Run with ``streamlit run app.py``. Settings come from ``RAG_*`` variables. The runtime (store,
retriever, assistant) is built once per settings by :func:`ui.session.runtime`
(``st.cache_resource``), never at import time. Every string lives in ``rag/text/strings.toml``.
"""
from __future__ import annotations

import streamlit as st

from rag.config import offline_environment
from rag.text.i18n import native_name
from rag.text.langs import LANGS
from ui.session import runtime, tr

PAGES = (  # file, key of its title, icon
    ("ui/pages/chat.py", "page_chat", ":material/forum:"),
    ("ui/pages/add.py", "page_add", ":material/upload_file:"),
    ("ui/pages/corpus.py", "page_corpus", ":material/folder_open:"),
    ("ui/pages/briefing.py", "page_briefing", ":material/description:"),
    ("ui/pages/agreements.py", "page_agreements", ":material/handshake:"),
)


def main() -> None:
    offline_environment()
    st.set_page_config(page_title=tr("app_title"), page_icon=":material/handshake:", layout="wide",
                       initial_sidebar_state="expanded")
    pages = [st.Page(path, title=tr(key), icon=icon, default=i == 0) for i, (path, key, icon) in enumerate(PAGES)]
    page = st.navigation(pages, position="sidebar")
    with st.sidebar:
        st.markdown(f"### {tr('app_title')}")
        st.radio(tr("ui_language"), LANGS, format_func=native_name, key="ui_lang", horizontal=True)
    rt = runtime()
    if rt.seeded is not None:  # said once, to the session that started the app
        st.toast(tr("seeded", n=len(rt.seeded.results)))
        rt.seeded = None
    page.run()


main()
