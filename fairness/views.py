"""Self-identification (the candidate's own) and adverse-impact reports (aggregate)."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.identity import request_user
from fairness.selectors import job_impact_report
from fairness.serializers import (
    ImpactReportSerializer,
    SelfIdentificationSerializer,
    report_csv,
)
from fairness.services import (
    impact_job_check,
    impact_operator_check,
    self_id_read,
    self_id_record,
    self_id_withdraw,
)
from openhire.schema import error_responses, uuid_path

CSV_RESPONSE = OpenApiResponse(
    OpenApiTypes.STR, description="One row per category, stage and group."
)


class SelfIdentificationView(APIView):
    """The candidate's voluntary self-identification for their application."""

    example = {"sex": "female", "age_band": "25_39", "disability": "prefer_not_to_say"}

    @extend_schema(
        parameters=[uuid_path("application_id")],
        request=SelfIdentificationSerializer,
        responses={
            201: SelfIdentificationSerializer,
            **error_responses(400, 401, 403, 404, 413, 415),
        },
    )
    def post(self, request: Request, application_id: str) -> Response:
        """Answer (or re-answer) the voluntary questions; the candidate only."""
        user = request_user(request, field="candidate_id")
        serializer = SelfIdentificationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = self_id_record(
            application_id=application_id, user=user, answers=serializer.validated_data
        )
        return Response(SelfIdentificationSerializer(record).data, status=201)

    @extend_schema(
        parameters=[uuid_path("application_id")],
        responses={
            200: SelfIdentificationSerializer,
            **error_responses(400, 401, 403, 404),
        },
    )
    def get(self, request: Request, application_id: str) -> Response:
        """Read your own answers (nobody else can)."""
        user = request_user(request, field="candidate_id")
        record = self_id_read(application_id=application_id, user=user)
        return Response(SelfIdentificationSerializer(record).data)

    @extend_schema(
        parameters=[uuid_path("application_id")],
        responses={204: None, **error_responses(400, 401, 403, 404)},
    )
    def delete(self, request: Request, application_id: str) -> Response:
        """Withdraw your answers."""
        user = request_user(request, field="candidate_id")
        self_id_withdraw(application_id=application_id, user=user)
        return Response(status=204)


def _report(job_id: object | None) -> dict:
    return {"job_id": job_id, **job_impact_report(job_id=job_id)}


def _csv(report: dict, name: str) -> HttpResponse:
    response = HttpResponse(report_csv(report), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


class JobImpactView(APIView):
    """A job's adverse-impact report (its recruiter, or the operator)."""

    @extend_schema(
        parameters=[uuid_path("job_id")],
        responses={200: ImpactReportSerializer, **error_responses(400, 401, 403, 404)},
    )
    def get(self, request: Request, job_id: str) -> Response:
        """Selection rates, impact ratios and four-fifths flags per group and stage."""
        job = impact_job_check(
            job_id=job_id, user=request_user(request, field="recruiter_id")
        )
        return Response(ImpactReportSerializer(_report(job.pk)).data)


class JobImpactCSVView(APIView):
    """A job's adverse-impact report as CSV."""

    @extend_schema(
        parameters=[uuid_path("job_id")],
        responses={
            (200, "text/csv"): CSV_RESPONSE,
            **error_responses(400, 401, 403, 404),
        },
    )
    def get(self, request: Request, job_id: str) -> HttpResponse:
        """Download the report: one row per category, stage and group."""
        job = impact_job_check(
            job_id=job_id, user=request_user(request, field="recruiter_id")
        )
        return _csv(_report(job.pk), f"adverse-impact-{job.pk}")


class ImpactView(APIView):
    """The all-jobs adverse-impact report (the operator)."""

    @extend_schema(
        responses={200: ImpactReportSerializer, **error_responses(401, 403)},
    )
    def get(self, request: Request) -> Response:
        """The report over every job's applications."""
        impact_operator_check(user=request_user(request))
        return Response(ImpactReportSerializer(_report(None)).data)


class ImpactCSVView(APIView):
    """The all-jobs adverse-impact report as CSV (the operator)."""

    @extend_schema(
        responses={(200, "text/csv"): CSV_RESPONSE, **error_responses(401, 403)}
    )
    def get(self, request: Request) -> HttpResponse:
        """Download the all-jobs report."""
        impact_operator_check(user=request_user(request))
        return _csv(_report(None), "adverse-impact-all-jobs")
