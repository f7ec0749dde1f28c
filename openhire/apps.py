from django.apps import AppConfig


class OpenhireConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "openhire"
    verbose_name = "OpenHire"

    def ready(self) -> None:
        from openhire import schema  # noqa: F401  (registers the OpenAPI auth extension)
