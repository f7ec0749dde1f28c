"""Jobs in the admin: a recruiter lists, creates and edits only their own jobs."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from accounts.admin_site import RecruiterScopedAdmin, is_superuser
from accounts.models import Role
from jobs.models import Job
from jobs.services import job_save


@admin.register(Job)
class JobAdmin(RecruiterScopedAdmin, admin.ModelAdmin):
    """A recruiter's jobs, with their application counts and public short links."""

    owner_lookup = "recruiter"
    recruiter_can_add = recruiter_can_change = recruiter_can_delete = True

    list_display = [
        "title",
        "company_name",
        "status_shown",
        "job_type",
        "applications_link",
        "short_link",
        "end_date",
        "recruiter",
        "created_at",
    ]
    list_filter = ["status", "job_type"]
    search_fields = ["title", "company_name", "short_code", "location"]
    list_select_related = ["recruiter"]
    date_hierarchy = "created_at"
    fields = [
        "recruiter",
        "title",
        "company_name",
        "location",
        "description",
        "skills",
        "salary",
        "job_type",
        "end_date",
        "status",
        "interview_duration",
        "short_link",
        "id",
        "salary_min",
        "salary_max",
        "salary_currency",
        "created_at",
        "updated_at",
    ]
    readonly_fields = [
        "id",
        "short_link",
        "salary_min",
        "salary_max",
        "salary_currency",
        "created_at",
        "updated_at",
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Job]:
        return (
            super()
            .get_queryset(request)
            .annotate(application_count=Count("applications"))
        )

    def get_readonly_fields(self, request: HttpRequest, obj: Job | None = None):
        fields = list(super().get_readonly_fields(request, obj))
        if not is_superuser(request.user):
            fields.insert(0, "recruiter")  # always the logged-in recruiter
        return fields

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs: Any):
        if db_field.name == "recruiter":
            kwargs["queryset"] = db_field.related_model.objects.filter(
                role=Role.RECRUITER
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Job, form, change: bool) -> None:
        if not change and not is_superuser(request.user):
            obj.recruiter = request.user
        # Salary, description and skills are re-read (parsed salary, plain text,
        # the skills string); a new job gets its short code.
        job_save(
            job=obj,
            fields={
                name: form.cleaned_data[name]
                for name in ("salary", "description", "skills")
                if name in form.cleaned_data
            },
        )

    @admin.display(description="status", ordering="status")
    def status_shown(self, job: Job) -> str:
        """Show the status a candidate sees: an active job past its end is expired."""
        return job.effective_status

    @admin.display(description="applications", ordering="application_count")
    def applications_link(self, job: Job) -> str:
        url = reverse("admin:resumes_application_changelist")
        return format_html(
            '<a href="{}?job__id__exact={}">{}</a>', url, job.pk, job.application_count
        )

    @admin.display(description="short link", ordering="short_code")
    def short_link(self, job: Job) -> str:
        if not job.short_code:
            return "—"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            job.job_link,
            job.job_link,
        )
