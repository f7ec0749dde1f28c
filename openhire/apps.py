from django.apps import AppConfig


class OpenhireConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "openhire"
    verbose_name = "OpenHire"

    def ready(self) -> None:
        from openhire import schema  # noqa: F401  (registers the OpenAPI auth extension)
        from openhire.files import connect_file_cleanup
        from openhire.redaction import install as install_log_redaction

        connect_file_cleanup()
        install_log_redaction()
