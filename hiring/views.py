"""Pipeline endpoints: move an application (PATCH), read its decision ledger."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from hiring.selectors import decision_list
from hiring.serializers import (
    ApplicationMoveSerializer,
    DecisionSerializer,
)
from hiring.services import application_move
from openhire.schema import error_responses, uuid_path
from resumes import views as resume_views
from resumes.serializers import ApplicationDetailSerializer
from resumes.services import application_read


class ApplicationDetailView(resume_views.ApplicationDetailView):
    """Read an application, or move it through the pipeline with a decision."""

    example = {"stage": "interview", "reason": "Strong Django experience."}

    @extend_schema(
        parameters=[uuid_path("application_id")],
        request=ApplicationMoveSerializer,
        examples=[
            OpenApiExample("Move", {"stage": "interview", "reason": "Strong fit."}),
            OpenApiExample("Withdraw (the candidate)", {"stage": "withdrawn"}),
            OpenApiExample("Older clients", {"status": "interview_scheduled"}),
        ],
        responses={
            200: ApplicationDetailSerializer,
            **error_responses(400, 401, 403, 404, 409, 413, 415),
        },
    )
    def patch(self, request: Request, application_id: str) -> Response:
        """Move an application: the job's recruiter; its candidate may withdraw."""
        serializer = ApplicationMoveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        application = application_move(
            application_id=application_id,
            user=resume_views.application_caller(request),
            stage=data.get("stage"),
            status=data.get("status"),
            reason=data["reason"],
        )
        return Response(ApplicationDetailSerializer(application).data)


class ApplicationDecisionsView(APIView):
    """The application's decision ledger, oldest first."""

    @extend_schema(
        parameters=[uuid_path("application_id")],
        responses={
            200: DecisionSerializer(many=True),
            **error_responses(400, 401, 403, 404),
        },
    )
    def get(self, request: Request, application_id: str) -> Response:
        """Read every decision on an application (its recruiter or candidate)."""
        application = application_read(
            application_id=application_id,
            user=resume_views.application_caller(request),
        )
        decisions = decision_list(application=application)
        return Response(DecisionSerializer(decisions, many=True).data)
