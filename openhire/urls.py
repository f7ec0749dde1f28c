"""Root URLs: the service's own views, then each project app's `urls.py`."""

from importlib.util import find_spec

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView

from openhire import views

urlpatterns = [
    path("", views.RootView.as_view(), name="root"),
    path("health", views.HealthView.as_view(), name="health"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    # The split view serves Swagger UI's set-up script as a file (no inline script,
    # so the Content-Security-Policy needs no exception).
    path("docs", SpectacularSwaggerSplitView.as_view(url_name="openapi"), name="docs"),
    path("admin/", admin.site.urls),
]
urlpatterns += [
    path("", include(f"{app}.urls"))
    for app in settings.PROJECT_APPS
    if app != "openhire" and find_spec(f"{app}.urls") is not None
]

handler400 = "openhire.errors.handler400"
handler404 = "openhire.errors.handler404"
handler500 = "openhire.errors.handler500"
