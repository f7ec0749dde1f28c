from django.urls import path

from hiring import views

urlpatterns = [
    path(
        "applications/<str:application_id>",
        views.ApplicationDetailView.as_view(),
        name="application-detail",
    ),
    path(
        "applications/<str:application_id>/decisions",
        views.ApplicationDecisionsView.as_view(),
        name="application-decisions",
    ),
]
