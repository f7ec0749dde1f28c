from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


def _invalidate_job_counts(sender, **kwargs) -> None:
    from jobs.services import JOB_COUNT_SCOPE
    from openhire.pagination import count_cache_invalidate

    count_cache_invalidate(JOB_COUNT_SCOPE)


class JobsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jobs"

    def ready(self) -> None:
        # Cached listing totals (X-Total-Count) must follow every write, wherever
        # it comes from (API, admin, shell).
        post_save.connect(
            _invalidate_job_counts, sender="jobs.Job", dispatch_uid="job-counts-save"
        )
        post_delete.connect(
            _invalidate_job_counts, sender="jobs.Job", dispatch_uid="job-counts-delete"
        )
