"""One real-browser test: ``streamlit run app.py`` headless on a loopback port, driven by Chromium.

Needs Debian's Chromium and fonts for Lao and Vietnamese, and Playwright's Python package only
(the browser is the system one, ``executable_path=/usr/bin/chromium``; never ``playwright install``):

    sudo apt-get update && sudo apt-get install -y chromium fonts-noto-core
    pip install '.[test]'   (scripts/test.sh does both)

In CI (``CI=true``) a missing browser or package fails the test instead of skipping it.
"""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from helpers.markup_attack import EVIL, HOSTILE_DOC, HOSTILE_QUESTION
from helpers.paths import IN_CI
from helpers.paths import REPO_ROOT as ROOT

from rag.config import load_settings
from rag.ingest.service import ingest_bytes
from rag.store.chroma import Store

pytestmark = pytest.mark.real
VI_TITLE = "BHXH Việt Nam và Bộ Lao động và Phúc lợi xã hội Lào ký Biên bản ghi nhớ hợp tác giai đoạn 2022-2025"


def _helpers():
    spec = importlib.util.spec_from_file_location("rag_screenshot", ROOT / "scripts" / "screenshot.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _require_browser(shot) -> None:
    problems = []
    if not Path(shot.CHROMIUM).exists():
        problems.append(f"{shot.CHROMIUM} is missing (apt-get install -y chromium fonts-noto-core)")
    if importlib.util.find_spec("playwright") is None:
        problems.append("the playwright package is missing (pip install '.[test]')")
    if problems:
        if IN_CI:
            pytest.fail("; ".join(problems))
        pytest.skip("; ".join(problems))


def test_chat_in_a_real_browser(tmp_path):
    shot = _helpers()
    _require_browser(shot)
    png = tmp_path / "chat.png"
    with shot.run_app(tmp_path / "chroma", log_path=tmp_path / "streamlit.log", timeout=120) as url, \
            shot.browser_page() as page:
        card = shot.ask(page, url, shot.QUESTION)
        card_text = card.inner_text()
        assert "[1]" in card_text and VI_TITLE in card_text, card_text
        assert "2022-11-22" in card_text
        # the sentence that carries the asked date is highlighted inside the card
        mark = card.locator("mark").first
        assert "22/11" in mark.inner_text()
        # the answer above the cards states the date first, with the matching [1] marker
        answer = page.locator("[data-testid='stChatMessage']").nth(1)
        assert re.search(r"22/11/2022[^\n]*\[1\]", answer.inner_text()), answer.inner_text()
        # the Lao version of the passage opens in the card, beside the English one
        card.locator("[data-testid='stExpander'] summary").first.click()
        lao = card.get_by_text(re.compile(r"ມື້ນີ້ \(22/11\)")).first
        lao.wait_for(state="visible", timeout=10_000)
        box = lao.bounding_box()
        assert box and box["width"] > 50 and box["height"] > 10
        page.screenshot(path=str(png))
        assert not page.locator("[data-testid='stException']").count()
    assert png.stat().st_size > 20_000
    log = (tmp_path / "streamlit.log").read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in log, log[-3000:]


def test_document_links_images_and_html_stay_inert_in_a_real_browser(tmp_path):
    """A document full of links, images, HTML and addresses: no page makes a link to, or a request for, any of it."""
    shot = _helpers()
    _require_browser(shot)
    store = Store(load_settings(store_dir=tmp_path / "chroma")).warm_up()
    assert ingest_bytes(store, "hostile.md", HOSTILE_DOC.encode()).status == "added"
    requested, dialogs = [], []
    env = {"RAG_REFUSAL_THRESHOLD": "0", "RAG_SECURITY_DIR": str(tmp_path / "security")}
    with shot.run_app(tmp_path / "chroma", log_path=tmp_path / "streamlit.log", timeout=120, extra_env=env) as url, \
            shot.browser_page() as page:
        page.route(f"**/*{EVIL}*", lambda route: (requested.append(route.request.url), route.abort()))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

        def inert(where: str) -> None:
            page.wait_for_timeout(1500)
            assert EVIL in page.inner_text("body"), where  # the payload is on the page, as text …
            live = page.locator(f"a[href*='{EVIL}'], img[src*='{EVIL}'], [src*='{EVIL}']").count()
            assert live == 0 and requested == [] and dialogs == [], (where, live, requested, dialogs)  # … inert

        shot.ask(page, url, HOSTILE_QUESTION)
        inert("chat")
        page.goto(f"{url}/corpus", wait_until="domcontentloaded")
        page.get_by_text("Ngày 20/3/2024").first.wait_for(timeout=60_000)
        inert("corpus")
        page.goto(f"{url}/briefing", wait_until="domcontentloaded")
        page.locator(".st-key-b_build button").click()
        page.get_by_text("15/03/2024").first.wait_for(timeout=120_000)
        inert("briefing")
        assert not page.locator("[data-testid='stException']").count()
    log = (tmp_path / "streamlit.log").read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in log, log[-3000:]
