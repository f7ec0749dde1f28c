from django.contrib import admin
from django.http import HttpRequest

from interviews.models import InterviewArtifact, InterviewSession


class InterviewArtifactInline(admin.TabularInline):
    model = InterviewArtifact
    extra = 0
    can_delete = False
    readonly_fields = ["artifact_type", "file", "size_bytes", "created_at"]


@admin.register(InterviewSession)
class InterviewSessionAdmin(admin.ModelAdmin):
    """Interview reports; a recruiter sees only interviews for their own jobs."""

    list_display = [
        "session_id",
        "candidate",
        "job",
        "interview_phase",
        "questions_asked",
        "overall_recommendation",
        "technical_score",
        "communication_score",
        "early_termination",
        "created_at",
    ]
    list_filter = ["interview_phase", "overall_recommendation", "early_termination"]
    search_fields = ["session_id", "candidate__email", "job__title"]
    list_select_related = ["candidate", "job"]
    inlines = [InterviewArtifactInline]
    readonly_fields = [f.name for f in InterviewSession._meta.fields]

    def get_queryset(self, request: HttpRequest):
        sessions = super().get_queryset(request)
        if request.user.is_superuser:
            return sessions
        return sessions.filter(job__recruiter=request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # reports are read-only: the interview writes them
