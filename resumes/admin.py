from django.contrib import admin

from resumes.models import Application


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["job", "candidate", "status", "score", "engine", "created_at"]
    list_filter = ["status", "engine"]
    search_fields = ["job__title", "candidate__email", "candidate__name"]
    list_select_related = ["job", "candidate"]
    raw_id_fields = ["job", "candidate"]
    readonly_fields = [
        "id",
        "resume_text",
        "resume_format",
        "resume_pages",
        "resume_links",
        "score",
        "review_summary",
        "pros",
        "cons",
        "details",
        "engine",
        "prompt_version",
        "model_calls",
        "tokens_in",
        "tokens_out",
        "latency_ms",
        "fallback_reason",
        "resume_hash",
        "job_hash",
        "created_at",
        "updated_at",
    ]
