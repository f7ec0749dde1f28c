"""Enqueue background tasks once the data they read is committed.

Tasks are Django Tasks (`django_tasks.task`), run by the backend OPENHIRE_TASKS
names: `immediate` runs them in this process, `database` leaves them to
`manage.py db_worker` (`make worker`). Enqueue through `enqueue_on_commit`: a
request that rolls back enqueues (and so sends) nothing, and a worker never
starts on rows it cannot see yet.

    enqueue_on_commit(webhook_deliver, str(delivery.id))
    enqueue_on_commit(webhook_deliver, str(delivery.id), run_after=later)
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.db import transaction
from django_tasks import default_task_backend
from django_tasks.base import Task

logger = logging.getLogger(__name__)


def tasks_can_defer() -> bool:
    """Say whether the task backend can hold a task until a given time."""
    return bool(default_task_backend.supports_defer)


def enqueue_on_commit(
    task: Task, *args: Any, run_after: dt.datetime | None = None, **kwargs: Any
) -> None:
    """Enqueue `task(*args, **kwargs)` when the current transaction commits.

    Outside a transaction it is enqueued at once. `run_after` needs a backend
    that can defer (`tasks_can_defer`). A failure to enqueue is logged, not
    raised: the request that asked for it has already committed.
    """

    def enqueue() -> None:
        queued = task.using(run_after=run_after) if run_after else task
        try:
            queued.enqueue(*args, **kwargs)
        except Exception:
            logger.exception("could not enqueue task %s", task.name)

    transaction.on_commit(enqueue)
