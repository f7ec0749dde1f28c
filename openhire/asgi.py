"""ASGI entry point: HTTP through Django, WebSockets through Channels."""

import logging
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openhire.settings")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.conf import settings  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

import ai  # noqa: E402
from openhire import daphne_limits  # noqa: E402
from openhire.middleware import BodySizeLimit  # noqa: E402
from openhire.routing import websocket_urlpatterns  # noqa: E402
from openhire.sockets import SocketCap  # noqa: E402
from openhire.ws_origin import OriginCheck  # noqa: E402

# Bodies over the limit are refused while they stream in: by daphne itself (which
# would otherwise spool the whole body first) and at the ASGI edge (uvicorn).
daphne_limits.install()

# Build the model engine (import and set up its client) before the first request,
# not on the event loop while requests wait. A broken configuration is reported
# by the requests that need it, as before.
try:
    ai.engine_warm()
except Exception as error:  # noqa: BLE001
    logging.getLogger("openhire.ai").warning(
        "model engine not built at start-up: %s", error
    )

application = ProtocolTypeRouter(
    {
        "http": BodySizeLimit(
            django_asgi_app,
            max_bytes=settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
            timeout=settings.OPENHIRE_BODY_TIMEOUT_S,
        ),
        "websocket": OriginCheck(
            import_string(settings.OPENHIRE_WS_AUTH_MIDDLEWARE)(
                SocketCap(URLRouter(websocket_urlpatterns))
            )
        ),
    }
)
