"""REST endpoints of the AI interview: status, results, deletion, health."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.generic import TemplateView
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

import ai as llm
from accounts.identity import request_user
from accounts.policies import interview_deletion_error
from interviews import serializers as s
from interviews import state_machine as sm
from interviews.retention import DELETED, interview_delete
from interviews.selectors import (
    interview_active_count,
    interview_get_for,
    interview_results,
    interview_status,
)
from interviews.state_machine import TOTAL_QUESTIONS
from openhire import __version__
from openhire.errors import OpenHireError
from openhire.schema import ErrorSerializer, error_responses

HEALTH_SERVICE = "AI Interview WebSocket"
READ_ERRORS = error_responses(401, 403, 404)


class InterviewStatusView(APIView):
    """Report an interview's progress (the candidate's own, or for a recruiter's job)."""

    @extend_schema(responses={200: s.InterviewStatusSerializer, **READ_ERRORS})
    def get(self, request: Request, session_id: str) -> Response:
        """Report an interview's progress."""
        session = interview_get_for(user=request_user(request), session_id=session_id)
        return Response(
            s.InterviewStatusSerializer(interview_status(session=session)).data
        )


class InterviewResultsView(APIView):
    """Return a finished interview's analysis, transcript and artifacts."""

    @extend_schema(
        responses={
            200: s.InterviewResultsSerializer,
            409: OpenApiResponse(ErrorSerializer, description="Not finished yet"),
            **READ_ERRORS,
        }
    )
    def get(self, request: Request, session_id: str) -> Response:
        """Return a finished interview's results."""
        session = interview_get_for(user=request_user(request), session_id=session_id)
        results = interview_results(session=session)
        return Response(s.InterviewResultsSerializer(results).data)


class InterviewSessionView(APIView):
    """Delete an interview session; a live socket for it, on any worker, is closed."""

    @extend_schema(responses={200: s.InterviewDeletedSerializer, **READ_ERRORS})
    def delete(self, request: Request, session_id: str) -> Response:
        """Delete an interview session and close its socket."""
        user = request_user(request)
        session = interview_get_for(user=user, session_id=session_id)
        # A finished interview is a record (issue 14): not its candidate's to delete.
        refusal = interview_deletion_error(
            caller_is_candidate=user is not None and session.candidate_id == user.pk,
            finished=session.interview_phase in sm.FINISHED_PHASES,
        )
        if refusal:
            raise OpenHireError(refusal, "interview_is_a_record", status=403)
        interview_delete(session=session)
        body = {
            "message": DELETED.format(session_id=session_id),
            "timestamp": timezone.now(),
        }
        return Response(s.InterviewDeletedSerializer(body).data)


class InterviewHealthView(APIView):
    """Count active interview sessions across all workers (from the database)."""

    authentication_classes: list = []  # public, like GET /health

    @extend_schema(responses={200: s.InterviewHealthSerializer})
    def get(self, request: Request) -> Response:
        """Count active interview sessions."""
        health = {
            "status": "healthy",
            "service": HEALTH_SERVICE,
            "active_sessions": interview_active_count(),
            "timestamp": timezone.now(),
            "version": __version__,
            "model_calls": llm.model_load(),
        }
        return Response(s.InterviewHealthSerializer(health).data)


class InterviewPageView(TemplateView):
    """Serve the built-in interview page (HTML, CSS, JS; no build step, no CDN)."""

    template_name = "interviews/interview.html"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """The interview page; `?job=<short_code>` fixes the job."""
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["job_code"] = (self.request.GET.get("job") or "").strip()[:64]
        context["total_questions"] = TOTAL_QUESTIONS
        context["max_upload_mb"] = settings.OPENHIRE_MAX_UPLOAD_MB
        return context
