from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from jobs.views import PAGE_HEADERS
from openhire.auth import request_user
from openhire.errors import OpenHireError
from openhire.pagination import MAX_LIMIT, paginate
from openhire.schema import ERROR_RESPONSES, ErrorSerializer
from resumes.serializers import (
    ApplicationDetailSerializer,
    ApplicationSerializer,
    ApplicationStatusSerializer,
    ReviewJSONRequestSerializer,
    ReviewMultipartRequestSerializer,
    ReviewResponseSerializer,
    review_request,
    review_response,
)
from resumes.services import (
    application_list_for_job,
    application_read,
    application_set_status,
    max_body_bytes,
    resume_review_submit,
    too_large,
)

MSG_BAD_LENGTH = "The Content-Length header is not a number."


def refuse_oversized_body(request: Request) -> None:
    """Answer 413 from the Content-Length header, before the body is parsed."""
    raw = request.META.get("CONTENT_LENGTH") or "0"
    try:
        length = int(raw)
    except ValueError:
        raise OpenHireError(MSG_BAD_LENGTH, "invalid_content_length") from None
    if length > max_body_bytes():
        raise too_large()


def _caller(request: Request):
    """Return the caller, honouring recruiter_id or candidate_id in trusted mode."""
    return request_user(request, field="recruiter_id") or request_user(
        request, field="candidate_id"
    )


class ReviewResumeView(APIView):
    """Review a resume (PDF, DOCX, text or data: URL) against a job."""

    parser_classes = [JSONParser, MultiPartParser, FormParser]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "ai"
    example = {
        "resume": "Backend engineer, 5 years of Python and Django…",
        "job_id": "3f1c…-job-uuid",
    }

    @extend_schema(
        request={
            "application/json": ReviewJSONRequestSerializer,
            "multipart/form-data": ReviewMultipartRequestSerializer,
            "application/x-www-form-urlencoded": ReviewJSONRequestSerializer,
        },
        responses={
            200: ReviewResponseSerializer,
            413: OpenApiResponse(ErrorSerializer, description="Upload too large"),
            **ERROR_RESPONSES,
        },
    )
    def post(self, request: Request) -> Response:
        """Review a resume against a job and record the candidate's application."""
        refuse_oversized_body(request)
        try:
            data, files = request.data, request.FILES
        except RequestDataTooBig:
            raise too_large() from None
        except TooManyFieldsSent:
            raise OpenHireError("Too many form fields.", "invalid") from None
        job_id, upload = review_request(data, files)
        user = request_user(request, field="candidate_id")
        outcome = resume_review_submit(user=user, job_id=job_id, upload=upload)
        return Response(review_response(outcome))


class JobApplicationsView(APIView):
    """List a job's applications, best score first (the job's recruiter only)."""

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "limit", int, description=f"1 to {MAX_LIMIT}, default 20."
            ),
            OpenApiParameter("offset", int, description="Rows to skip."),
            OpenApiParameter(
                "recruiter_id", OpenApiTypes.UUID, description="Trusted mode only."
            ),
            *PAGE_HEADERS,
        ],
        responses={200: ApplicationSerializer(many=True), **ERROR_RESPONSES},
    )
    def get(self, request: Request, job_id: str) -> Response:
        """List a job's applications, ranked by score then date."""
        user = request_user(request, field="recruiter_id")
        page = paginate(request, application_list_for_job(job_id=job_id, user=user))
        return Response(
            ApplicationSerializer(page.items, many=True).data, headers=page.headers
        )


class ApplicationDetailView(APIView):
    """Read an application (its recruiter or candidate) or change its status."""

    example = {"status": "interview_scheduled"}

    @extend_schema(responses={200: ApplicationDetailSerializer, **ERROR_RESPONSES})
    def get(self, request: Request, application_id: str) -> Response:
        """Read an application."""
        application = application_read(
            application_id=application_id, user=_caller(request)
        )
        return Response(ApplicationDetailSerializer(application).data)

    @extend_schema(
        request=ApplicationStatusSerializer,
        responses={200: ApplicationDetailSerializer, **ERROR_RESPONSES},
    )
    def patch(self, request: Request, application_id: str) -> Response:
        """Change an application's status (the job's recruiter only)."""
        user = request_user(request, field="recruiter_id")
        serializer = ApplicationStatusSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        application = application_set_status(
            application_id=application_id,
            user=user,
            status=serializer.validated_data["status"],
        )
        return Response(ApplicationDetailSerializer(application).data)
