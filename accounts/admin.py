from django.contrib import admin

from accounts.models import ApiToken, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "role", "is_staff", "created_at"]
    list_filter = ["role", "is_staff"]
    search_fields = ["email", "name"]
    readonly_fields = ["id", "created_at", "last_login", "password"]
    exclude = ["user_permissions", "groups"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "user", "created_at"]
    readonly_fields = ["prefix", "key_hash", "user", "created_at"]
