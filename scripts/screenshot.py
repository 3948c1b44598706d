"""Take the README screenshot: the chat answering a question with its citation cards.

    python scripts/screenshot.py                       # -> docs/screenshot-chat.png
    python scripts/screenshot.py --out /tmp/chat.png --question "..."

It starts ``streamlit run app.py`` headless on a free loopback port with a fresh store in a
temporary folder (the bundled corpus is ingested on first start), drives Debian's Chromium
(``apt-get install -y chromium fonts-noto-core``) through Playwright's Python package with
``executable_path=/usr/bin/chromium`` - never ``playwright install`` - asks the question, waits
for the first citation card and saves a screenshot. The same helpers serve tests/test_browser.py.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
    "--disable-dev-shm-usage", "--font-render-hinting=none",
]
QUESTION = "Bản ghi nhớ giai đoạn 2022-2025 được ký khi nào?"
FIRST_CARD = ".st-key-cite-0-1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def run_app(store_dir: Path, port: Optional[int] = None, timeout: float = 90, log_path: Optional[Path] = None,
            extra_env: Optional[dict] = None) -> Iterator[str]:
    """``streamlit run app.py`` on 127.0.0.1; yields its URL once it answers its health check."""
    port = port or free_port()
    env = dict(os.environ, RAG_STORE_DIR=str(store_dir), STREAMLIT_BROWSER_GATHER_USAGE_STATS="false",
               PYTHONUNBUFFERED="1", **(extra_env or {}))
    log_file = open(log_path or Path(store_dir).with_suffix(".streamlit.log"), "w")
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {proc.returncode}; see {log_file.name}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"streamlit did not answer on {url} within {timeout:.0f} s; see {log_file.name}")
            time.sleep(0.5)
        yield url
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # the group we started (start_new_session)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        log_file.close()


@contextlib.contextmanager
def browser_page(width: int = 1400, height: int = 1100) -> Iterator:
    """A Playwright page in Debian's Chromium (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN",
                                          device_scale_factor=1)
            yield context.new_page()
        finally:
            browser.close()


def ask(page, url: str, question: str, load_timeout: float = 240, answer_timeout: float = 120):
    """Open the app, ask ``question`` in the chat input and return the first citation card's locator."""
    page.goto(url, wait_until="domcontentloaded")
    box = page.locator("[data-testid='stChatInputTextArea']")
    box.wait_for(state="visible", timeout=load_timeout * 1000)  # first start: model + bundled corpus
    box.fill(question)
    box.press("Enter")
    card = page.locator(FIRST_CARD)
    card.wait_for(state="visible", timeout=answer_timeout * 1000)
    page.wait_for_timeout(800)  # let the last layout pass settle before a screenshot
    return card


def open_versions(card) -> None:
    """Open the card's "other language versions" (Lao and English beside each other)."""
    summary = card.locator("[data-testid='stExpander'] summary").first
    if summary.count():
        summary.click()
        card.page.wait_for_timeout(600)


def hide_toasts(page, timeout: float = 15) -> None:
    """Wait for notifications (e.g. "bundled corpus added") to fade out of the picture."""
    toasts = page.locator("[data-testid='stToast']")
    try:
        toasts.first.wait_for(state="detached", timeout=timeout * 1000)
    except Exception:  # still there: the screenshot shows it
        pass


def take(out: Path, question: str = QUESTION) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rag-shot-") as tmp:
        store = Path(tmp) / "store"
        with run_app(store, log_path=Path(tmp) / "streamlit.log") as url, browser_page() as page:
            card = ask(page, url, question)
            open_versions(card)
            hide_toasts(page)
            page.mouse.move(5, 5)
            page.screenshot(path=str(out))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot-chat.png")
    ap.add_argument("--question", default=QUESTION)
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"Chromium not found at {CHROMIUM}: sudo apt-get install -y chromium fonts-noto-core", file=sys.stderr)
        return 2
    print(take(args.out, args.question))
    return 0


if __name__ == "__main__":
    sys.exit(main())
