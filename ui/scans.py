"""Scans in the app: OCR uploads as background jobs with page progress, and page images on citation cards."""
from __future__ import annotations

import io
import logging
from typing import Optional

import streamlit as st
from PIL import Image, ImageDraw

from rag.ingest.jobs import JobRunner, JobState
from rag.ingest.scan_ocr import estimate_seconds, page_image_file
from rag.ingest.service import FileResult
from rag.runtime import Runtime
from rag.security.audit import AuditTrail
from rag.security.corpus import check_write
from rag.security.roles import User

from .markdown import md_escape
from .session import runtime, tr
from .uploads import UploadPreview, ingest_upload

log = logging.getLogger("ui")

JOBS_KEY = "ocr_jobs"  # this session's running job ids
POLL_SECONDS = 1.0


@st.cache_resource(show_spinner=False)
def job_runner() -> JobRunner:
    """One runner for the whole app process: scans are read one after another, whoever uploaded them."""
    return JobRunner()


def scan_notice(p: UploadPreview) -> None:
    """In an upload's form: the file is a scan, read by OCR in the background, and roughly how long it takes."""
    if p.scan_pages:
        st.info(tr("scan_notice", pages=p.scan_pages, s=round(estimate_seconds(p.scan_pages))),
                icon=":material/document_scanner:")


def start_job(rt: Runtime, trail: AuditTrail, user: Optional[User], p: UploadPreview, overrides: dict,
              max_bytes: int) -> str:
    """Queue the ingest of a scanned upload; the page shows its progress until it is done. The user's right
    to add documents is checked now, and again when the job runs."""
    check_write(rt.settings, trail, user, "add", file=p.name)
    store = rt.store

    def work(report) -> FileResult:
        return ingest_upload(store, trail, user, p, overrides, max_bytes,
                             progress=lambda d, n: report("embed", d, n),
                             page_progress=lambda d, n: report("ocr", d, n))

    job_id = job_runner().submit(p.name, work, pages=p.scan_pages)
    st.session_state.setdefault(JOBS_KEY, []).append(job_id)
    log.info("app upload %s: OCR job %s queued (%d pages)", p.name, job_id, p.scan_pages)
    return job_id


def collect_finished() -> bool:
    """Move finished jobs' results into the page's results; True when one finished."""
    ids = st.session_state.get(JOBS_KEY) or []
    runner = job_runner()
    moved = False
    for job_id in list(ids):
        job = runner.get(job_id)
        if job is None or job.status == "done":
            ids.remove(job_id)
            if job is not None and job.result is not None:
                st.session_state.setdefault("upload_results", []).append(job.result)
                runner.forget(job_id)
                moved = True
    return moved


def _progress_line(job: JobState) -> tuple[float, str]:
    name = md_escape(job.name)
    if job.status == "queued" or not job.total:
        return 0.0, tr("job_queued", name=name, pages=job.pages, s=round(estimate_seconds(job.pages)))
    left = job.seconds_left
    tail = tr("job_left", s=round(left)) if left is not None and job.done < job.total else ""
    if job.stage == "ocr":
        return 0.9 * job.done / job.total, tr("job_ocr", name=name, done=job.done, total=job.total) + tail
    return 0.9 + 0.1 * job.done / job.total, tr("job_embed", name=name, done=job.done, total=job.total)


def show_jobs() -> None:
    """This session's OCR jobs with their page progress, polled every second while one runs."""
    active = bool(st.session_state.get(JOBS_KEY))

    @st.fragment(run_every=POLL_SECONDS if active else None)
    def jobs_panel() -> None:
        if collect_finished():
            st.rerun(scope="app")  # the results and the document list change
        runner = job_runner()
        for job_id in st.session_state.get(JOBS_KEY) or []:
            job = runner.get(job_id)
            if job is not None:
                value, text = _progress_line(job)
                st.progress(min(1.0, value), text=text)
        if st.session_state.get(JOBS_KEY):
            st.caption(tr("job_background"))

    jobs_panel()


def _box(value: str) -> Optional[tuple[int, int, int, int]]:
    try:
        x0, y0, x1, y1 = (int(v) for v in value.split(","))
    except ValueError:
        return None
    return (x0, y0, x1, y1) if x1 > x0 and y1 > y0 else None


@st.cache_data(show_spinner=False, max_entries=256)
def _crop(path: str, box: str, mtime: float) -> bytes:
    """The passage's region of its page image, with some of the page around it and the passage framed."""
    with Image.open(path) as im:
        page = im.convert("RGB")
    w, h = page.size
    b = _box(box)
    if b is None:  # no box: the whole page
        out = page
    else:
        mx, my = round(0.03 * w), round(0.02 * h)
        area = (max(0, b[0] - mx), max(0, b[1] - my), min(w, b[2] + mx), min(h, b[3] + my))
        draw = ImageDraw.Draw(page)
        draw.rectangle((b[0] - 3, b[1] - 3, b[2] + 3, b[3] + 3), outline=(230, 160, 0), width=2)
        out = page.crop(area)
    buf = io.BytesIO()
    out.save(buf, format="PNG")
    return buf.getvalue()


def page_image(c: dict) -> None:
    """On a citation card of a passage read by OCR: the page image cropped to the passage, and how sure OCR was."""
    if not c.get("ocr"):
        return
    settings = runtime().settings
    conf = float(c.get("ocr_conf") if c.get("ocr_conf") is not None else -1)
    caption = tr("card_scan", page=c.get("page") or "?", conf=f"{conf:.0f}")
    path = page_image_file(settings, c.get("ocr_image") or "")
    if path is None:
        st.caption(f"{caption} · {tr('card_scan_missing')}")
        return
    st.image(_crop(str(path), c.get("ocr_box") or "", path.stat().st_mtime), caption=caption, width="stretch")
    if 0 <= conf < settings.ocr_low_confidence:
        st.warning(tr("card_scan_low", conf=f"{conf:.0f}"), icon=":material/warning:")
