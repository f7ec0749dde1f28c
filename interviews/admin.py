"""Interview reports in the admin: a recruiter reads the interviews for their own jobs.

Everything here was written by the interview and its AI engine, so it is
read-only for everyone: the status, the scores and recommendation, the transcript
(rendered as a conversation), strengths, areas to improve and red flags, and the
engine that produced each result. The JSON transcript downloads as an attachment
through the admin, never from a public media URL.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from accounts.admin_site import RecruiterScopedAdmin, html_list
from interviews.models import InterviewArtifact, InterviewSession

SCORES = [
    ("overall_score", "overall"),
    ("technical_score", "technical"),
    ("communication_score", "communication"),
    ("problem_solving_score", "problem solving"),
    ("cultural_fit_score", "cultural fit"),
    ("confidence_score", "confidence"),
]


def _score(session: InterviewSession, name: str) -> float | None:
    value = (session.analysis or {}).get(name)
    return value if isinstance(value, (int, float)) else None


def _engines(session: InterviewSession) -> list[str]:
    """Name each engine that produced this interview's questions and analysis."""
    meta = session.ai_meta or {}
    names = [q.get("engine", "") for q in meta.get("questions", []) or []]
    names.append((meta.get("analysis") or {}).get("engine", ""))
    return sorted({name for name in names if name})


class InterviewArtifactInline(admin.TabularInline):
    model = InterviewArtifact
    extra = 0
    can_delete = False
    fields = ["artifact_type", "download", "size_bytes", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return True  # shown only inside an interview the user may view

    @admin.display(description="file")
    def download(self, artifact: InterviewArtifact) -> str:
        url = reverse(
            "admin:interviews_interviewsession_artifact",
            args=[artifact.session_id, artifact.pk],
        )
        return format_html('<a href="{}" download>Download (JSON)</a>', url)


@admin.register(InterviewSession)
class InterviewSessionAdmin(RecruiterScopedAdmin, admin.ModelAdmin):
    """Interviews for the recruiter's jobs: status, scores, transcript, engine."""

    owner_lookup = "job__recruiter"  # read-only for recruiters (no add/change/delete)

    list_display = [
        "candidate_name",
        "job",
        "interview_phase",
        "questions_asked",
        "overall",
        "technical_score",
        "communication_score",
        "overall_recommendation",
        "engine",
        "created_at",
    ]
    list_display_links = ["candidate_name"]
    list_filter = [
        ("job", admin.RelatedOnlyFieldListFilter),
        "interview_phase",
        "overall_recommendation",
        "early_termination",
    ]
    search_fields = ["session_id", "candidate__email", "candidate__name", "job__title"]
    list_select_related = ["candidate", "job"]
    inlines = [InterviewArtifactInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "candidate_shown",
                    "job_shown",
                    "session_id",
                    "interview_phase",
                    "questions_asked",
                    "early_termination",
                    "start_time",
                    "end_time",
                    "duration_minutes",
                ]
            },
        ),
        (
            "Results",
            {
                "fields": [
                    "overall_recommendation",
                    "scores_shown",
                    "strengths_shown",
                    "areas_shown",
                    "red_flags_shown",
                    "final_feedback",
                    "comfort_level",
                    "engagement_level",
                ]
            },
        ),
        ("Transcript", {"fields": ["transcript"]}),
        ("AI engine", {"fields": ["engine", "ai_calls"]}),
        (
            "What the interview was about",
            {
                "classes": ["collapse"],
                "fields": ["job_title", "job_description", "resume_text"],
            },
        ),
        (None, {"fields": ["id", "created_at", "updated_at", "last_activity"]}),
    ]
    readonly_fields = flatten_fieldsets(fieldsets)  # AI results: all read-only

    def get_queryset(self, request: HttpRequest) -> QuerySet[InterviewSession]:
        return super().get_queryset(request).select_related("candidate", "job")

    def get_urls(self):
        return [
            path(
                "<path:object_id>/artifacts/<uuid:artifact_id>/",
                self.admin_site.admin_view(self.artifact_download),
                name="interviews_interviewsession_artifact",
            ),
            *super().get_urls(),
        ]

    def artifact_download(
        self, request: HttpRequest, object_id: str, artifact_id: Any
    ) -> FileResponse:
        """Send an interview's stored file (its JSON transcript) as an attachment."""
        session = self.get_object(request, object_id)  # scoped to the recruiter
        if session is None:
            raise Http404("No such interview.")
        if not self.has_view_permission(request, session):
            raise PermissionDenied
        artifact = session.artifacts.filter(pk=artifact_id).first()
        if artifact is None or not artifact.file:
            raise Http404("No such file.")
        return FileResponse(
            artifact.file.open("rb"),
            as_attachment=True,
            filename=f"interview-{session.session_id}-{artifact.artifact_type}.json",
        )

    @admin.display(description="candidate", ordering="candidate__name")
    def candidate_name(self, session: InterviewSession) -> str:
        return session.candidate.name or session.candidate.email

    @admin.display(description="overall")
    def overall(self, session: InterviewSession) -> Any:
        value = _score(session, "overall_score")
        return "—" if value is None else value

    @admin.display(description="engine")
    def engine(self, session: InterviewSession) -> str:
        return ", ".join(_engines(session)) or "—"

    @admin.display(description="candidate")
    def candidate_shown(self, session: InterviewSession) -> str:
        candidate = session.candidate
        return format_html("{} &lt;{}&gt;", candidate.name, candidate.email)

    @admin.display(description="job")
    def job_shown(self, session: InterviewSession) -> str:
        if session.job is None:
            return session.job_title or "— (a job description was sent)"
        url = reverse("admin:jobs_job_change", args=[session.job_id])
        return format_html(
            '<a href="{}">{}</a> ({})', url, session.job.title, session.job.job_link
        )

    @admin.display(description="scores (0-10)")
    def scores_shown(self, session: InterviewSession) -> str:
        rows = [
            (label, _score(session, name))
            for name, label in SCORES
            if _score(session, name) is not None
        ]
        if not rows:
            return "— (not analysed yet)"
        return format_html(
            "<table>{}</table>",
            format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows),
        )

    @admin.display(description="strengths")
    def strengths_shown(self, session: InterviewSession) -> str:
        return html_list(session.strengths_identified)

    @admin.display(description="areas for improvement")
    def areas_shown(self, session: InterviewSession) -> str:
        return html_list(session.areas_to_improve)

    @admin.display(description="red flags")
    def red_flags_shown(self, session: InterviewSession) -> str:
        return html_list(session.red_flags)

    @admin.display(description="conversation")
    def transcript(self, session: InterviewSession) -> str:
        messages = session.conversation_history or []
        if not messages:
            return "— (no questions asked yet)"
        turns = []
        for message in messages:
            asking = message.get("role") == "interviewer"
            who = (
                f"Interviewer · question {message.get('question_number', '?')} "
                f"({str(message.get('question_type', '')).replace('_', ' ')})"
                if asking
                else "Candidate"
            )
            turns.append(
                ("interviewer" if asking else "candidate", who, message.get("content"))
            )
        return format_html(
            '<div class="openhire-transcript">{}</div>',
            format_html_join(
                "",
                '<div class="turn {}"><span class="who">{}</span>'
                '<span class="text">{}</span></div>',
                turns,
            ),
        )

    @admin.display(description="AI calls")
    def ai_calls(self, session: InterviewSession) -> str:
        meta = session.ai_meta or {}
        calls = [
            (f"question: {q.get('question_type', '')}", q)
            for q in meta.get("questions", []) or []
        ]
        if meta.get("analysis"):
            calls.append(("analysis", meta["analysis"]))
        if not calls:
            return "—"
        rows = (
            (
                what,
                call.get("engine", ""),
                call.get("prompt_version", ""),
                call.get("model_calls", 0),
                f"{call.get('tokens_in', 0)}/{call.get('tokens_out', 0)}",
                round(float(call.get("latency_ms", 0) or 0), 1),
                call.get("fallback_reason", ""),
            )
            for what, call in calls
        )
        return format_html(
            "<table><tr><th>call</th><th>engine</th><th>prompt</th><th>model calls</th>"
            "<th>tokens in/out</th><th>ms</th><th>fallback</th></tr>{}</table>",
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                "<td>{}</td><td>{}</td></tr>",
                rows,
            ),
        )
