from django.contrib import admin

from jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "company_name",
        "status",
        "job_type",
        "short_code",
        "created_at",
    ]
    list_filter = ["status", "job_type"]
    search_fields = ["title", "company_name", "short_code"]
    readonly_fields = [
        "id",
        "short_code",
        "salary_min",
        "salary_max",
        "salary_currency",
        "created_at",
        "updated_at",
    ]
    list_select_related = ["recruiter"]
