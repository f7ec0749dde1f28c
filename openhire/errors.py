"""One error shape for every failure: `{"detail", "code"}` plus `errors` for fields.

Raise `OpenHireError(message, code, status=...)` from services and views; DRF's
own exceptions (validation, auth, throttling, 404, 405) are rewritten to the same
shape by `exception_handler`, and `handler404`/`handler500` cover what happens
outside DRF. User-facing messages are module-level constants so tests can assert them.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, JsonResponse
from rest_framework import exceptions
from rest_framework.response import Response

NOT_FOUND = "Not found."
SERVER_ERROR = "The server hit an unexpected error; it has been logged."
INVALID_ID = "'{value}' is not a valid id."
BODY_TOO_LARGE = "The request body is too large."
BAD_REQUEST = "The request could not be read."


class OpenHireError(Exception):
    """A failure the client can act on: a sentence, a machine code, an HTTP status."""

    def __init__(
        self,
        message: str,
        code: str,
        *,
        status: int = 400,
        errors: dict[str, list[str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.errors = errors
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = {"detail": self.message, "code": self.code}
        if self.errors:
            data["errors"] = self.errors
        return data


def not_found(what: str = "Resource") -> OpenHireError:
    """Return the 404 error for an unknown `what`."""
    return OpenHireError(f"{what} not found.", "not_found", status=404)


def _flatten(detail: Any) -> list[str]:
    if isinstance(detail, dict):
        return [msg for value in detail.values() for msg in _flatten(value)]
    if isinstance(detail, list):
        return [msg for item in detail for msg in _flatten(item)]
    return [str(detail)]


def _field_errors(detail: Any) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        return {str(key): _flatten(value) for key, value in detail.items()}
    return {"non_field_errors": _flatten(detail)}


def _validation_sentence(errors: dict[str, list[str]]) -> str:
    field, messages = next(iter(errors.items()))
    message = messages[0] if messages else "is invalid"
    if field == "non_field_errors":
        return message
    return f"{field}: {message}"


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """Render any API exception as `{detail, code}` (plus `errors`)."""
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, RequestDataTooBig):  # DATA_UPLOAD_MAX_MEMORY_SIZE, any view
        exc = too_large()
    elif isinstance(exc, SuspiciousOperation):  # e.g. too many form fields
        exc = OpenHireError(BAD_REQUEST, "bad_request")
    if isinstance(exc, OpenHireError):
        return Response(exc.body(), status=exc.status, headers=exc.headers)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(NOT_FOUND)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # a real bug: Django's 500 handling takes over
    if isinstance(exc, exceptions.ValidationError):
        errors = _field_errors(exc.detail)
        response.data = {
            "detail": _validation_sentence(errors),
            "code": "invalid",
            "errors": errors,
        }
        return response
    detail = getattr(exc, "detail", str(exc))
    code = (
        detail.code
        if hasattr(detail, "code")
        else getattr(exc, "default_code", "error")
    )
    if isinstance(exc, exceptions.Throttled):
        code = "throttled"
    response.data = {
        "detail": str(detail)
        if not isinstance(detail, (dict, list))
        else " ".join(_flatten(detail)),
        "code": str(code),
    }
    return response


def too_large(message: str = BODY_TOO_LARGE) -> OpenHireError:
    """Return the 413 for a body (or, with its own message, an upload) too large."""
    return OpenHireError(message, "too_large", status=413)


def error_response(error: OpenHireError) -> JsonResponse:
    """Render an error outside DRF (Django's handlers, ASGI middleware)."""
    return JsonResponse(error.body(), status=error.status, headers=error.headers)


def _is_admin_path(request: HttpRequest) -> bool:
    return request.path.startswith("/admin")


def handler404(request: HttpRequest, exception: Exception | None = None):
    """Answer unknown URLs with the JSON error shape (HTML only under /admin)."""
    if _is_admin_path(request):
        from django.views.defaults import page_not_found

        return page_not_found(request, exception)
    return error_response(OpenHireError(NOT_FOUND, "not_found", status=404))


def handler400(request: HttpRequest, exception: Exception | None = None):
    """Answer requests Django refuses before any view (e.g. a bad Host) as JSON."""
    if _is_admin_path(request):
        from django.views.defaults import bad_request

        return bad_request(request, exception)
    return error_response(OpenHireError(BAD_REQUEST, "bad_request"))


def handler500(request: HttpRequest):
    """Answer unexpected errors with the JSON error shape and no traceback."""
    return error_response(OpenHireError(SERVER_ERROR, "server_error", status=500))
