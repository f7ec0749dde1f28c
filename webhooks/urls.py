from django.urls import path

from webhooks import views

urlpatterns = [
    path("webhooks", views.WebhookListCreateView.as_view(), name="webhook-list"),
    path(
        "webhooks/<str:webhook_id>",
        views.WebhookDetailView.as_view(),
        name="webhook-detail",
    ),
    path(
        "webhooks/<str:webhook_id>/deliveries",
        views.WebhookDeliveriesView.as_view(),
        name="webhook-deliveries",
    ),
    path(
        "webhooks/<str:webhook_id>/deliveries/<str:delivery_id>/replay",
        views.WebhookReplayView.as_view(),
        name="webhook-replay",
    ),
]
