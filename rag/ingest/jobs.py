"""Background ingest jobs: a long scan is read by OCR while the app stays usable, its progress polled.

One worker thread runs the jobs in the order they were given (OCR keeps a CPU core busy; two
scans at once on a 2-core machine would only slow both and the answers with them). A job is a
function that ingests one file and reports ``(stage, done, total)`` as it goes; its state is read
with :meth:`JobRunner.get` (the app polls it every second). Nothing here knows about Streamlit.
"""
from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Optional

from .service import FileResult

log = logging.getLogger(__name__)

Report = Callable[[str, int, int], None]  # (stage: "ocr" | "embed", done, total)
Work = Callable[[Report], FileResult]


@dataclass
class JobState:
    """Where one job stands: queued, running (stage, done of total) or done (with its FileResult)."""

    id: str
    name: str
    pages: int = 0  # scanned pages to read by OCR (for the first time estimate)
    status: str = "queued"  # queued, running, done
    stage: str = ""  # ocr, embed
    done: int = 0
    total: int = 0
    started: float = 0.0  # time.monotonic() when it started running
    stage_started: float = 0.0
    finished: float = 0.0
    result: Optional[FileResult] = None

    @property
    def seconds_left(self) -> Optional[float]:
        """Remaining time of the current stage, from its pace so far (None before the first step)."""
        if self.status != "running" or not self.done or not self.total:
            return None
        pace = (time.monotonic() - self.stage_started) / self.done
        return pace * (self.total - self.done)


class JobRunner:
    """Runs ingest jobs one at a time on a background thread; cheap to construct, thread-safe."""

    def __init__(self) -> None:
        self._jobs: dict[str, JobState] = {}
        self._queue: queue.Queue[tuple[str, Work]] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: Optional[threading.Thread] = None
        self._ids = itertools.count(1)

    def submit(self, name: str, work: Work, pages: int = 0) -> str:
        """Queue ``work`` (ingesting the file ``name``); returns the job's id."""
        with self._lock:
            job_id = f"job-{next(self._ids)}"
            self._jobs[job_id] = JobState(job_id, name, pages=pages)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="ingest-jobs", daemon=True)
                self._thread.start()
        self._queue.put((job_id, work))
        return job_id

    def get(self, job_id: str) -> Optional[JobState]:
        """A copy of the job's state (None for an unknown id)."""
        with self._lock:
            job = self._jobs.get(job_id)
            return replace(job) if job else None

    def forget(self, job_id: str) -> None:
        """Drop a finished job's state once its result has been shown."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job and job.status == "done":
                del self._jobs[job_id]

    def wait(self, job_id: str, timeout: float) -> Optional[JobState]:
        """Block until the job is done or ``timeout`` seconds passed (for scripts and tests)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            job = self.get(job_id)
            if job is None or job.status == "done":
                return job
            time.sleep(0.2)
        return self.get(job_id)

    def _update(self, job_id: str, **changes) -> None:
        with self._lock:
            job = self._jobs[job_id]
            for key, value in changes.items():
                setattr(job, key, value)

    def _run(self) -> None:
        while True:
            job_id, work = self._queue.get()
            now = time.monotonic()
            self._update(job_id, status="running", started=now, stage_started=now)

            def report(stage: str, done: int, total: int, job_id=job_id) -> None:
                with self._lock:
                    job = self._jobs[job_id]
                    if stage != job.stage:
                        job.stage, job.stage_started = stage, time.monotonic()
                    job.done, job.total = done, total

            name = self.get(job_id).name
            try:
                result = work(report)
            except Exception as exc:  # a bug must not kill the worker: the job fails with the error
                log.exception("ingest job %s (%s) failed", job_id, name)
                result = FileResult(name, "failed", reason=f"{exc.__class__.__name__}: {exc}")
            self._update(job_id, status="done", result=result, finished=time.monotonic())
            log.info("ingest job %s (%s): %s in %.1f s", job_id, name, result.status, time.monotonic() - now)
