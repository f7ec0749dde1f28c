"""Stored files go with their rows: deleting a row deletes its files.

Any model with a `FileField` gets a `post_delete` receiver (connected in
`OpenhireConfig.ready()`), so a file leaves storage however its row goes:
a job deleted with its applications, a user erased, the admin, a cascade.
`manage.py purge_data` removes files that no row names (orphans).
"""

from __future__ import annotations

import datetime as dt
import logging

from django.apps import apps
from django.db import models
from django.db.models.signals import post_delete

logger = logging.getLogger("openhire.files")


def file_fields(model: type[models.Model]) -> list[str]:
    """Return the names of `model`'s file fields."""
    return [f.name for f in model._meta.get_fields() if isinstance(f, models.FileField)]


def delete_row_files(sender, instance: models.Model, **kwargs) -> None:
    """Delete the stored files a just-deleted row named."""
    for name in file_fields(sender):
        stored = getattr(instance, name)
        if stored and stored.name:
            try:
                stored.storage.delete(stored.name)
            except OSError:
                logger.warning("could not delete a stored file of %s", sender.__name__)


def connect_file_cleanup() -> None:
    """Connect `delete_row_files` to every installed model that stores files."""
    for model in apps.get_models():
        if file_fields(model):
            post_delete.connect(
                delete_row_files,
                sender=model,
                dispatch_uid=f"files:{model._meta.label}",
            )


def referenced_file_names() -> set[str]:
    """Return every stored file name some row of some model names."""
    names: set[str] = set()
    for model in apps.get_models():
        for field in file_fields(model):
            values = model._default_manager.exclude(**{field: ""}).values_list(
                field, flat=True
            )
            names.update(value for value in values if value)
    return names


def _walk(storage, directory: str = ""):
    subdirs, files = storage.listdir(directory)
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for sub in subdirs:
        yield from _walk(storage, f"{directory}/{sub}" if directory else sub)


def orphan_files_delete(*, storage, older_than: dt.datetime) -> int:
    """Delete stored files that no row names and that were written before `older_than`.

    The age guard leaves alone a file whose row is still being committed.
    """
    try:
        stored = list(_walk(storage))
    except FileNotFoundError:  # nothing was ever stored
        return 0
    referenced = referenced_file_names()
    deleted = 0
    for name in stored:
        if name in referenced or storage.get_modified_time(name) >= older_than:
            continue
        storage.delete(name)
        deleted += 1
    return deleted
