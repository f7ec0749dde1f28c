from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.identity import request_user
from jobs.serializers import (
    JobInputSerializer,
    JobSerializer,
    JobStatsSerializer,
    JobStatusSerializer,
)
from jobs.services import (
    JOB_COUNT_SCOPE,
    JOB_PAGE_LIMIT,
    SORT_FIELDS,
    SORT_ORDERS,
    job_create,
    job_delete,
    job_filters_from_query,
    job_get,
    job_get_by_link,
    job_list,
    job_stats,
    job_update,
)
from openhire.pagination import paginate
from openhire.schema import (
    PAGE_HEADERS,
    ErrorSerializer,
    error_responses,
    page_parameters,
    uuid_path,
)
from openhire.throttling import WriteThrottle

RECRUITER_ID = (
    "A recruiter's id: our UUID, or in trusted mode the gateway's id as the "
    "client sends it (1-128 characters from [A-Za-z0-9_.@:-])."
)
LIST_PARAMETERS = [
    OpenApiParameter(
        "recruiter_id", str, description="Only this recruiter's jobs. " + RECRUITER_ID
    ),
    OpenApiParameter("job_type", str, description="Exact job type, any case."),
    OpenApiParameter("title", str, description="Title contains this, any case."),
    OpenApiParameter("status", str, enum=["active", "inactive", "expired"]),
    OpenApiParameter("sort_by", str, enum=list(SORT_FIELDS), default="created_at"),
    OpenApiParameter("sort_order", str, enum=list(SORT_ORDERS), default="desc"),
    *page_parameters(default=JOB_PAGE_LIMIT, high=JOB_PAGE_LIMIT),
]
TRUSTED_RECRUITER_ID = OpenApiParameter(
    "recruiter_id",
    str,
    description="Names the caller in trusted mode; must be the caller's own "
    "otherwise. " + RECRUITER_ID,
)
# 404: an unknown job, or (trusted mode) an unknown recruiter_id.
WRITE_ERRORS = error_responses(400, 401, 403, 404, 413, 415, 429)
SuccessSerializer = inline_serializer(
    "Success", {"success": serializers.BooleanField()}
)


class JobListCreateView(APIView):
    """List jobs (a bare JSON array) or post a new one (recruiters)."""

    throttle_classes = [WriteThrottle]
    example = {
        "title": "Backend Engineer",
        "description": "Build APIs in Django.",
        "salary": "$100k-$120k",
        "skills": ["Python", "Django"],
        "job_type": "full-time",
        "end_date": "2026-12-31",
    }

    @extend_schema(
        parameters=LIST_PARAMETERS + PAGE_HEADERS,
        responses={200: JobSerializer(many=True), **error_responses(400, 401)},
    )
    def get(self, request: Request) -> Response:
        """List jobs."""
        filters = job_filters_from_query(request.query_params)
        page = paginate(
            request,
            job_list(filters=filters),
            default_limit=JOB_PAGE_LIMIT,
            max_limit=JOB_PAGE_LIMIT,
            count_key=(JOB_COUNT_SCOPE, filters.count_key),
        )
        return Response(JobSerializer(page.items, many=True).data, headers=page.headers)

    @extend_schema(
        request={"application/json": JobInputSerializer},
        responses={201: JobSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        """Create a job."""
        user = request_user(request, field="recruiter_id")
        serializer = JobInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = serializer.validated_data
        fields.pop("recruiter_id", None)  # identity, taken by request_user above
        job = job_create(recruiter=user, fields=fields)
        return Response(JobSerializer(job).data, status=201)


class JobDetailView(APIView):
    """Read, change or delete one job."""

    throttle_classes = [WriteThrottle]

    @extend_schema(
        parameters=[uuid_path("job_id")],
        responses={200: JobSerializer, **error_responses(400, 401, 404)},
    )
    def get(self, request: Request, job_id: str) -> Response:
        """Read a job."""
        return Response(JobSerializer(job_get(job_id=job_id)).data)

    def _update(self, request: Request, job_id: str) -> Response:
        job = job_get(job_id=job_id)
        user = request_user(request, field="recruiter_id")
        serializer = JobInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fields = serializer.validated_data
        fields.pop("recruiter_id", None)  # identity, taken by request_user above
        job = job_update(job=job, user=user, fields=fields)
        return Response(JobSerializer(job).data)

    @extend_schema(
        parameters=[uuid_path("job_id")],
        # PUT is partial too: fields not sent are kept.
        request={"application/json": JobInputSerializer(partial=True)},
        responses={200: JobSerializer, **WRITE_ERRORS},
    )
    def put(self, request: Request, job_id: str) -> Response:
        """Change a job (fields not sent are kept)."""
        return self._update(request, job_id)

    @extend_schema(
        parameters=[uuid_path("job_id")],
        request={"application/json": JobInputSerializer},
        responses={200: JobSerializer, **WRITE_ERRORS},
    )
    def patch(self, request: Request, job_id: str) -> Response:
        """Change some fields of a job."""
        return self._update(request, job_id)

    @extend_schema(
        parameters=[uuid_path("job_id"), TRUSTED_RECRUITER_ID],
        responses={
            200: SuccessSerializer,
            **error_responses(400, 401, 403, 404, 429),
        },
    )
    def delete(self, request: Request, job_id: str) -> Response:
        """Delete a job."""
        job = job_get(job_id=job_id)
        job_delete(job=job, user=request_user(request, field="recruiter_id"))
        return Response({"success": True})


class JobStatusView(APIView):
    """Open or close a job to applications (its recruiter only)."""

    example = {"status": "inactive"}

    @extend_schema(
        parameters=[uuid_path("job_id")],
        request={"application/json": JobStatusSerializer},
        responses={200: JobSerializer, **WRITE_ERRORS},
    )
    def patch(self, request: Request, job_id: str) -> Response:
        """Set a job's status (active or inactive)."""
        job = job_get(job_id=job_id)
        user = request_user(request, field="recruiter_id")
        serializer = JobStatusSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        status = serializer.validated_data["status"]
        job = job_update(job=job, user=user, fields={"status": status})
        return Response(JobSerializer(job).data)


class JobStatsView(APIView):
    """Count a recruiter's jobs and the applications they drew."""

    @extend_schema(
        parameters=[TRUSTED_RECRUITER_ID],
        responses={200: JobStatsSerializer, **error_responses(400, 401, 403, 404)},
    )
    def get(self, request: Request) -> Response:
        """Count the caller's jobs, open jobs and applications."""
        user = request_user(request, field="recruiter_id")
        return Response(JobStatsSerializer(job_stats(recruiter=user)).data)


class JobShortLinkView(APIView):
    """Open a job's short link (or its full id)."""

    @extend_schema(
        responses={
            200: JobSerializer,
            **error_responses(401),
            404: OpenApiResponse(ErrorSerializer, description="Unknown link"),
        },
    )
    def get(self, request: Request, short_code: str) -> Response:
        """Open a short link."""
        return Response(JobSerializer(job_get_by_link(code=short_code)).data)
