"""Applications in the admin: a recruiter reads ranked, explained reviews for their jobs.

The review (score, pros, cons, matched and missing requirements with the resume's
evidence) reads on one page; the resume downloads as an attachment, only through
the admin (never a public media URL); the status is the one thing a recruiter
changes, one at a time or several at once with the "Move … to status" action.
"""

from __future__ import annotations

import io
from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404, HttpRequest
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify

from accounts.admin_site import RecruiterScopedAdmin, html_list
from resumes.extraction import web_links
from resumes.models import Application, ApplicationStatus
from resumes.services import applications_allow_retake

CHOOSE_STATUS = "Choose the status to move the selected applications to."
MOVED = "{count} application(s) moved to “{status}”."
RETAKE_ALLOWED = (
    "{count} candidate(s) may now take the interview for their job once more."
)


class StatusActionForm(helpers.ActionForm):
    """The changelist's action bar, with the status the bulk action moves to."""

    status = forms.ChoiceField(
        label="to status",
        required=False,
        choices=[("", "---------"), *ApplicationStatus.choices],
    )


def rank_in_job() -> Case:
    """Annotate 1 + how many applications to the same job scored higher (None unscored)."""
    higher = (
        Application.objects.filter(job=OuterRef("job"), score__gt=OuterRef("score"))
        .order_by()
        .values("job")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Case(
        When(score__isnull=True, then=Value(None)),
        default=Coalesce(Subquery(higher, output_field=IntegerField()), 0) + 1,
        output_field=IntegerField(),
    )


def requirement_list(matches: list[dict[str, Any]]) -> str:
    """Render requirements with the resume text quoted as evidence."""
    if not matches:
        return "—"
    rows = (
        (
            match.get("requirement", ""),
            match.get("kind", ""),
            f"“{match['evidence']}”" if match.get("evidence") else "",
        )
        for match in matches
    )
    return format_html(
        '<ul class="openhire-list">{}</ul>',
        format_html_join(
            "", "<li><strong>{}</strong> <small>({})</small> {}</li>", rows
        ),
    )


@admin.register(Application)
class ApplicationAdmin(RecruiterScopedAdmin, admin.ModelAdmin):
    """Applications to the recruiter's jobs, best score first within each job."""

    owner_lookup = "job__recruiter"
    recruiter_can_change = True  # the status only: everything else is read-only

    list_display = [
        "job",
        "rank",
        "score",
        "candidate_name",
        "candidate_email",
        "status",
        "stage",
        "resume_link",
        "engine",
        "created_at",
    ]
    list_display_links = ["candidate_name"]
    list_filter = [
        ("job", admin.RelatedOnlyFieldListFilter),
        "stage",
        "engine",
    ]
    search_fields = ["job__title", "candidate__email", "candidate__name"]
    list_select_related = ["job", "candidate"]
    ordering = [
        "job__title",
        "job",
        F("score").desc(nulls_last=True),
        "created_at",
    ]
    actions = ["allow_interview_retake"]

    fieldsets = [
        (None, {"fields": ["candidate_shown", "job_shown", "status", "stage", "rank"]}),
        (
            "Review",
            {
                "fields": [
                    "score",
                    "review_summary",
                    "pros_shown",
                    "cons_shown",
                    "matched_shown",
                    "missing_shown",
                ]
            },
        ),
        (
            "Resume",
            {
                "fields": [
                    "resume_link",
                    "resume_format",
                    "resume_pages",
                    "links_shown",
                    "resume_text",
                ]
            },
        ),
        (
            "AI engine",
            {
                "classes": ["collapse"],
                "fields": [
                    "engine",
                    "prompt_version",
                    "model_calls",
                    "tokens_in",
                    "tokens_out",
                    "latency_ms",
                    "fallback_reason",
                    "resume_hash",
                    "job_hash",
                ],
            },
        ),
        (None, {"fields": ["id", "created_at", "updated_at"]}),
    ]
    # The review is the AI's; the status moves through hiring.admin.
    readonly_fields = flatten_fieldsets(fieldsets)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Application]:
        return (
            super()
            .get_queryset(request)
            .select_related("job", "candidate")  # the change page's title names both
            .annotate(rank=rank_in_job())
        )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/resume/",
                self.admin_site.admin_view(self.resume_download),
                name="resumes_application_resume",
            ),
            *super().get_urls(),
        ]

    def resume_download(self, request: HttpRequest, object_id: str) -> FileResponse:
        """Send the resume as an attachment: the uploaded file, else its text."""
        application = self.get_object(request, object_id)  # scoped to the recruiter
        if application is None:
            raise Http404("No such application.")
        if not self.has_view_permission(request, application):
            raise PermissionDenied
        stem = slugify(application.candidate.name or application.candidate.email)
        stem = f"resume-{stem or application.pk}"
        if application.resume_file:
            extension = application.resume_format or "bin"
            response = FileResponse(
                application.resume_file.open("rb"),
                as_attachment=True,
                filename=f"{stem}.{extension}",
            )
        else:
            response = FileResponse(
                io.BytesIO(application.resume_text.encode("utf-8")),
                as_attachment=True,
                filename=f"{stem}.txt",
                content_type="text/plain; charset=utf-8",
            )
        # A stranger's file: never rendered by the browser as what it claims to be.
        response["X-Content-Type-Options"] = "nosniff"
        return response

    @admin.action(
        description="Allow the selected candidates one interview retake",
        permissions=["change"],
    )
    def allow_interview_retake(
        self, request: HttpRequest, queryset: QuerySet[Application]
    ) -> None:
        count = applications_allow_retake(applications=queryset)
        self.message_user(request, RETAKE_ALLOWED.format(count=count))

    @admin.display(description="rank in job", ordering="rank")
    def rank(self, application: Application) -> Any:
        return application.rank if application.rank is not None else "—"

    @admin.display(description="candidate", ordering="candidate__name")
    def candidate_name(self, application: Application) -> str:
        return application.candidate.name or application.candidate.email

    @admin.display(description="email", ordering="candidate__email")
    def candidate_email(self, application: Application) -> str:
        return application.candidate.email

    @admin.display(description="candidate")
    def candidate_shown(self, application: Application) -> str:
        candidate = application.candidate
        return format_html("{} &lt;{}&gt;", candidate.name, candidate.email)

    @admin.display(description="job")
    def job_shown(self, application: Application) -> str:
        job = application.job
        url = reverse("admin:jobs_job_change", args=[job.pk])
        return format_html('<a href="{}">{}</a> ({})', url, job.title, job.job_link)

    @admin.display(description="resume")
    def resume_link(self, application: Application) -> str:
        if not application.pk:
            return "—"
        url = reverse("admin:resumes_application_resume", args=[application.pk])
        kind = (application.resume_format or "txt").upper()
        if not application.resume_file:
            kind = "TXT"
        return format_html('<a href="{}" download>Download ({})</a>', url, kind)

    @admin.display(description="pros")
    def pros_shown(self, application: Application) -> str:
        return html_list(application.pros)

    @admin.display(description="cons")
    def cons_shown(self, application: Application) -> str:
        return html_list(application.cons)

    @admin.display(description="matched requirements")
    def matched_shown(self, application: Application) -> str:
        return requirement_list((application.details or {}).get("matched", []))

    @admin.display(description="missing requirements")
    def missing_shown(self, application: Application) -> str:
        return requirement_list((application.details or {}).get("missing", []))

    @admin.display(description="links in the resume")
    def links_shown(self, application: Application) -> str:
        links = web_links(application.resume_links)
        if not links:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li>{} <small><a href="{}" rel="noopener noreferrer nofollow" '
                'target="_blank">{}</a></small></li>',
                ((link["text"], link["url"], link["url"]) for link in links),
            ),
        )
