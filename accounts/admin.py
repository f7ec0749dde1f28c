from django.contrib import admin

from accounts.models import ApiToken, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "role", "is_approved", "is_staff", "created_at"]
    list_filter = ["role", "is_approved", "is_staff"]
    search_fields = ["email", "name"]
    readonly_fields = ["id", "created_at", "last_login", "password"]
    exclude = ["user_permissions", "groups"]
    actions = ["approve_recruiters"]

    @admin.action(description="Approve the selected recruiters")
    def approve_recruiters(self, request, queryset) -> None:
        approved = queryset.filter(is_approved=False).update(is_approved=True)
        self.message_user(request, f"{approved} recruiter(s) approved.")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "name", "user", "created_at", "expires_at"]
    readonly_fields = [
        "prefix", "name", "key_hash", "user", "created_at", "expires_at", "last_used_at",
    ]  # fmt: skip
