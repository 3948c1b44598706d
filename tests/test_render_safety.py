"""No link, image or HTML from a document ever goes live: answers, cards, corpus view, briefing, exports.

A document full of Markdown links, images, raw HTML, bare addresses and Streamlit directives is
ingested; everything the app renders from it (the strings the pages hand to ``st.markdown``), the
briefing (Markdown and DOCX) and a conversation export (Markdown and DOCX) are checked by parsing
them. The pages themselves are checked through AppTest in ``test_app_security.py`` and in a real
browser in ``test_browser.py``.
"""
from __future__ import annotations

import io

import docx
import pytest
from helpers.markup_attack import EVIL, HOSTILE_DOC, HOSTILE_ID, HOSTILE_QUESTION, docx_live_parts, live_markup
from helpers.paths import FAST_MODEL
from helpers.stores import make_settings

from rag.briefing import build_briefing, to_docx_bytes, to_markdown
from rag.ingest.service import document_passages, ingest_bytes
from rag.retrieval.filters import Filters
from rag.runtime import build_runtime
from rag.security import export
from rag.security.conversations import ConversationStore
from rag.text.markup import md_escape, xml_safe
from ui.markdown import answer_markdown, marked_passage


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    rt = build_runtime(make_settings(folder / "chroma", embedding_model=FAST_MODEL, refusal_threshold=0.0),
                       seed=False)
    assert ingest_bytes(rt.store, "hostile.md", HOSTILE_DOC.encode()).status == "added"
    answer = rt.assistant.ask(HOSTILE_QUESTION, filters=Filters(doc_ids=[HOSTILE_ID])).as_dict()
    return rt, answer, folder


def test_the_checker_sees_live_markup_in_the_raw_document():
    found = live_markup(HOSTILE_DOC)
    assert any(f.startswith("link_open") for f in found) and any(f.startswith("image") for f in found)
    assert any("<img" in f for f in found) and any(f.startswith("autolink") for f in found)


def test_answers_and_cards_render_document_text_inert(hostile):
    rt, a, _ = hostile
    assert not a["refused"] and a["citations"], a
    assert EVIL in " ".join(c["text"] for c in a["citations"])  # the payload is there, as text
    shown = [answer_markdown(a["answer"])]
    for c in a["citations"]:
        shown += [md_escape(c["title"]), marked_passage(c["text"], c["start"], c["highlights"], c["doc_id"])]
        shown += [md_escape(v["text"]) for v in c["versions"]]
    full = "\n\n".join(p.text for p in document_passages(rt.store, HOSTILE_ID))
    shown.append(md_escape(full))  # the corpus page's document view
    for md in shown:
        assert live_markup(md) == [], md


def test_the_briefing_renders_document_text_inert(hostile):
    rt, _, _ = hostile
    b = build_briefing(rt.assistant, topic="chuyển đổi số [x](http://evil.example/t)", as_of="2025-01-01", lang="vi")
    md = to_markdown(b)
    assert EVIL in md and "15/03/2024" in md  # the hostile sentences are in it …
    assert live_markup(md) == []  # … and nothing of them is live
    data = to_docx_bytes(b)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert EVIL in text and docx_live_parts(data) == []


def test_conversation_exports_render_document_text_inert(hostile):
    rt, a, folder = hostile
    store = ConversationStore(folder / "security")
    conv = store.create("reader1")
    turn = store.add_turn("reader1", conv.id, HOSTILE_QUESTION + " <img src=x> [y](http://evil.example)", a)
    store.set_feedback("reader1", turn.id, "wrong", "[z](http://evil.example/fb)")
    conv = store.get("reader1", conv.id)
    md = export.to_markdown(conv, "vi")
    assert EVIL in md and "**" in md and live_markup(md) == []
    data = export.to_docx_bytes(conv, "en")
    d = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in d.paragraphs)
    assert HOSTILE_QUESTION in text and EVIL in text and "Wrong" in text
    assert docx_live_parts(data) == []


def test_text_xml_cannot_hold_is_dropped_not_fatal():
    assert xml_safe("a\x00b\x0bc\x1fd\ufffe") == "abcd"
    assert md_escape("www.evil.example http://x.org a@b.org") .count("\u2060") == 3
