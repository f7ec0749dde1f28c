"""Background tasks of `resumes` (run by the OPENHIRE_TASKS backend)."""

from __future__ import annotations

import logging

from django_tasks import task

from resumes.rescreen import rescreen_run_chunk

logger = logging.getLogger(__name__)


@task()
def rescreen_chunk(
    rescreen_id: str, generation: int, application_ids: list[str]
) -> None:
    """Review one chunk of a job's rescreen (`resumes.rescreen`)."""
    try:
        rescreen_run_chunk(
            rescreen_id=rescreen_id,
            generation=generation,
            application_ids=application_ids,
        )
    except Exception:
        logger.exception("rescreen chunk of %s failed", rescreen_id)
        raise
