"""Content-Security-Policy for every response (django-csp), plus this host's WebSocket.

The policy (settings.CONTENT_SECURITY_POLICY) allows scripts, styles, images
and fonts from this origin only: no inline script anywhere (the interview page
and the admin load theirs from files; /docs is Swagger UI's split view, whose
set-up script is a file too). `connect-src` allows this origin and its
WebSocket origin (`ws://host` or `wss://host`), added here per request since the
host is only known then (browsers differ on whether 'self' covers ws:).
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.core.exceptions import DisallowedHost


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with this host's WebSocket origin in connect-src."""

    def get_policy_parts(self, request, response, report_only: bool = False):
        parts: PolicyParts = super().get_policy_parts(request, response, report_only)
        try:
            host = request.get_host()
        except DisallowedHost:
            return parts
        scheme = "wss" if request.is_secure() else "ws"
        update = dict(parts.update or {})
        update["connect-src"] = [*update.get("connect-src", []), f"{scheme}://{host}"]
        parts.update = update
        return parts
