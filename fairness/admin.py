"""The adverse-impact report in the admin: a job's (its recruiter) or all jobs' (superuser).

Individual self-identification rows are never listed: the model is not
registered. The list shows the recruiter's jobs; a job's page is its report,
with one server-rendered SVG bar chart per category and the CSV download.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from accounts.admin_site import RecruiterScopedAdmin, is_superuser
from fairness.charts import category_svg
from fairness.models import AdverseImpactJob
from fairness.selectors import job_impact_report
from fairness.serializers import report_csv


@admin.register(AdverseImpactJob)
class AdverseImpactAdmin(RecruiterScopedAdmin, admin.ModelAdmin):
    """Jobs, each opening its adverse-impact report."""

    owner_lookup = "recruiter"
    list_display = ["title", "status", "created_at", "report_link"]
    search_fields = ["title"]

    def get_urls(self):
        return [
            path(
                "all/",
                self.admin_site.admin_view(self.all_jobs_view),
                name="fairness_adverseimpactjob_all",
            ),
            path(
                "all/report.csv",
                self.admin_site.admin_view(self.all_jobs_view),
                {"as_csv": True},
                name="fairness_adverseimpactjob_all_csv",
            ),
            path(
                "<path:object_id>/report.csv",
                self.admin_site.admin_view(self.change_view),
                {"extra_context": {"as_csv": True}},
                name="fairness_adverseimpactjob_csv",
            ),
            *super().get_urls(),
        ]

    @admin.display(description="report")
    def report_link(self, job: AdverseImpactJob) -> str:
        url = reverse("admin:fairness_adverseimpactjob_change", args=[job.pk])
        return format_html('<a href="{}">Adverse-impact report</a>', url)

    def _render(
        self,
        request: HttpRequest,
        *,
        report: dict,
        scope: str,
        csv_url: str,
        as_csv: bool = False,
    ) -> HttpResponse:
        if as_csv:
            response = HttpResponse(
                report_csv(report), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = 'attachment; filename="report.csv"'
            return response
        sections = [
            {**category, "svg": mark_safe(category_svg(category))}  # noqa: S308 - escaped
            for category in report["categories"]
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": f"Adverse impact: {scope}",
            "scope": scope,
            "report": report,
            "sections": sections,
            "csv_url": csv_url,
        }
        return TemplateResponse(request, "admin/fairness/report.html", context)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: Any = None,
    ) -> HttpResponse:
        job = self.get_object(request, object_id)  # scoped to the recruiter
        if job is None:
            raise Http404("No such job.")
        if not self.has_view_permission(request, job):
            raise PermissionDenied
        return self._render(
            request,
            report=job_impact_report(job_id=job.pk),
            scope=job.title,
            csv_url=reverse("admin:fairness_adverseimpactjob_csv", args=[job.pk]),
            as_csv=bool((extra_context or {}).get("as_csv")),
        )

    def all_jobs_view(self, request: HttpRequest, as_csv: bool = False) -> HttpResponse:
        if not is_superuser(request.user):
            raise PermissionDenied
        return self._render(
            request,
            report=job_impact_report(job_id=None),
            scope="all jobs",
            csv_url=reverse("admin:fairness_adverseimpactjob_all_csv"),
            as_csv=as_csv,
        )
