"""Webhook endpoints and their delivery log in the admin: read-only, owner-scoped."""

from django.contrib import admin

from accounts.admin_site import RecruiterScopedAdmin
from webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint


class AttemptInline(admin.TabularInline):
    model = WebhookAttempt
    extra = 0
    can_delete = False
    fields = ["number", "at", "status_code", "error", "response_excerpt"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(RecruiterScopedAdmin, admin.ModelAdmin):
    owner_lookup = "owner"
    list_display = ["url", "owner", "created_at"]
    exclude = ["secret"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(RecruiterScopedAdmin, admin.ModelAdmin):
    owner_lookup = "endpoint__owner"
    list_display = ["event", "endpoint", "status", "attempts", "created_at"]
    list_filter = ["status", "event"]
    inlines = [AttemptInline]
    exclude = ["body"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request, *args) -> bool:
        return False
