from adrf.views import APIView as AsyncAPIView
from asgiref.sync import sync_to_async
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.identity import request_user
from accounts.models import User
from openhire.jsonload import JSONParser
from openhire.pagination import paginate
from openhire.schema import PAGE_HEADERS, PAGE_PARAMETERS, error_responses, uuid_path
from openhire.throttling import AI_THROTTLES
from resumes.intake import ResumeUpload, review_request
from resumes.rescreen import rescreen_latest, rescreen_start
from resumes.serializers import (
    ApplicationDetailSerializer,
    ApplicationSerializer,
    RescreenSerializer,
    ReviewJSONRequestSerializer,
    ReviewMultipartRequestSerializer,
    ReviewResponseSerializer,
    review_response,
)
from resumes.services import (
    application_list_for_job,
    application_read,
    resume_review_asubmit,
)


def application_caller(request: Request):
    """Return the caller, honouring recruiter_id or candidate_id in trusted mode."""
    return request_user(request, field="recruiter_id") or request_user(
        request, field="candidate_id"
    )


def _review_call(request: Request) -> tuple[str, ResumeUpload, User | None]:
    """Read the body (parsing the upload) and the caller: blocking, off the loop."""
    job_id, upload = review_request(request.data, request.FILES)
    return job_id, upload, request_user(request, field="candidate_id")


class ReviewResumeView(AsyncAPIView):
    """Review a resume (PDF, DOCX, text or data: URL) against a job.

    An async view (adrf): authentication, throttles and body parsing run in the
    request's thread, the model is awaited on the event loop.
    """

    parser_classes = [JSONParser, MultiPartParser, FormParser]
    throttle_classes = AI_THROTTLES
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
            **error_responses(400, 401, 403, 404, 413, 415, 422, 429, 503),
        },
    )
    async def post(self, request: Request) -> Response:
        """Review a resume against a job and record the candidate's application."""
        job_id, upload, user = await sync_to_async(_review_call)(request)
        outcome = await resume_review_asubmit(user=user, job_id=job_id, upload=upload)
        return Response(review_response(outcome))


class JobApplicationsView(APIView):
    """List a job's applications, best score first (the job's recruiter only)."""

    @extend_schema(
        parameters=[
            uuid_path("job_id"),
            *PAGE_PARAMETERS,
            OpenApiParameter(
                "recruiter_id", str, description="Trusted mode only: any gateway id."
            ),
            *PAGE_HEADERS,
        ],
        responses={
            200: ApplicationSerializer(many=True),
            **error_responses(400, 401, 403, 404),
        },
    )
    def get(self, request: Request, job_id: str) -> Response:
        """List a job's applications, ranked by score then date."""
        user = request_user(request, field="recruiter_id")
        page = paginate(request, application_list_for_job(job_id=job_id, user=user))
        return Response(
            ApplicationSerializer(page.items, many=True).data, headers=page.headers
        )


class ApplicationDetailView(APIView):
    """Read an application (its recruiter or candidate).

    Served at `applications/<id>` by `hiring.views`, which adds the PATCH that
    moves it through the pipeline.
    """

    @extend_schema(
        parameters=[
            uuid_path("application_id"),
            OpenApiParameter(
                "candidate_id", str, description="Trusted mode only: any gateway id."
            ),
            OpenApiParameter(
                "recruiter_id", str, description="Trusted mode only: any gateway id."
            ),
        ],
        responses={
            200: ApplicationDetailSerializer,
            **error_responses(400, 401, 403, 404),
        },
    )
    def get(self, request: Request, application_id: str) -> Response:
        """Read an application."""
        application = application_read(
            application_id=application_id, user=application_caller(request)
        )
        return Response(ApplicationDetailSerializer(application).data)


class JobRescreenView(APIView):
    """Re-review every application of a job in the background; read its progress."""

    @extend_schema(
        parameters=[uuid_path("job_id")],
        responses={200: RescreenSerializer, **error_responses(400, 401, 403, 404)},
    )
    def get(self, request: Request, job_id: str) -> Response:
        """Read the progress of the job's latest rescreen."""
        user = request_user(request, field="recruiter_id")
        rescreen = rescreen_latest(job_id=job_id, user=user)
        return Response(RescreenSerializer(rescreen).data)

    @extend_schema(
        request=None,
        parameters=[uuid_path("job_id")],
        responses={
            202: RescreenSerializer,
            200: RescreenSerializer,
            **error_responses(400, 401, 403, 404, 413, 415),
        },
        description="Re-score every application of the job against its current "
        "text and engine, as background work. 202 when work was queued (a new "
        "rescreen, or a stalled one resumed); 200 with the running rescreen when "
        "one is already making progress. Applications already reviewed against "
        "the current job text and engine are skipped.",
    )
    def post(self, request: Request, job_id: str) -> Response:
        """Start (or resume) the job's rescreen."""
        user = request_user(request, field="recruiter_id")
        rescreen, queued = rescreen_start(job_id=job_id, user=user)
        rescreen.refresh_from_db()
        return Response(
            RescreenSerializer(rescreen).data, status=202 if queued else 200
        )
