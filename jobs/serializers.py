from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jobs.models import Job, JobStatus
from jobs.skills import MAX_SKILLS, MAX_SKILLS_TEXT, skills_read, skills_text

END_DATE_FORMAT = "end_date must be an ISO 8601 date or date-time, e.g. 2026-12-31."
SKILLS_FORMAT = "skills must be a list of strings or a comma-separated string."
DESCRIPTION_FORMAT = "description must be text or a JSON object."
MAX_DESCRIPTION_CHARS = 50_000  # text, or the object written as JSON
DESCRIPTION_TOO_LONG = "description is longer than 50 000 characters."
SKILLS_TOO_LONG = f"skills is longer than {MAX_SKILLS_TEXT} characters."
SKILLS_TOO_MANY = f"skills may list at most {MAX_SKILLS} entries."


def iso_datetime(value: dt.datetime | None) -> str | None:
    """Return ISO 8601 in UTC with a Z, as DRF's DateTimeField writes it."""
    if value is None:
        return None
    text = value.astimezone(dt.UTC).isoformat()
    return text.removesuffix("+00:00") + "Z"


@extend_schema_field(OpenApiTypes.DATETIME)
class FlexibleDateTimeField(serializers.Field):
    """Accept `2026-12-31` (end of that day, UTC) or a full ISO 8601 date-time."""

    def to_internal_value(self, data: Any) -> dt.datetime:
        if not isinstance(data, str) or len(data) > 40:
            raise serializers.ValidationError(END_DATE_FORMAT)
        value = data.strip()
        try:
            parsed = (
                parse_datetime(value.replace("Z", "+00:00"))
                if "T" in value or " " in value
                else None
            )
        except ValueError:  # well-formed but out of range, e.g. minute 99
            raise serializers.ValidationError(END_DATE_FORMAT) from None
        if parsed is None:
            try:
                day = parse_date(value)
            except ValueError:
                day = None
            if day is None:
                raise serializers.ValidationError(END_DATE_FORMAT)
            parsed = dt.datetime.combine(day, dt.time(23, 59, 59))
        if timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed, dt.UTC)
        return parsed

    def to_representation(self, value: dt.datetime) -> str:
        return iso_datetime(value)


@extend_schema_field(
    {
        "oneOf": [
            {"type": "string", "maxLength": MAX_SKILLS_TEXT},
            {"type": "array", "items": {"type": "string"}, "maxItems": MAX_SKILLS},
        ],
        "example": "Python, FastAPI, SQL",
    }
)
class SkillsField(serializers.Field):
    """Skills as a comma-separated string (kept as sent) or a list of strings."""

    def to_internal_value(self, data: Any) -> str | list[str]:
        if isinstance(data, str):
            if len(data) > MAX_SKILLS_TEXT:
                raise serializers.ValidationError(SKILLS_TOO_LONG)
        elif not isinstance(data, list) or not all(
            isinstance(item, str) for item in data
        ):
            raise serializers.ValidationError(SKILLS_FORMAT)
        if len(skills_read(data)[1]) > MAX_SKILLS:
            raise serializers.ValidationError(SKILLS_TOO_MANY)
        return data

    def to_representation(self, value: str) -> str:
        return value


@extend_schema_field(
    {
        "oneOf": [
            {"type": "string", "minLength": 1, "maxLength": 50_000, "pattern": r"\S"},
            {
                "type": "object",
                "minProperties": 1,
                "description": "At most 50 000 characters as JSON.",
            },
        ]
    }
)
class DescriptionField(serializers.Field):
    def to_internal_value(self, data: Any) -> str | dict:
        if isinstance(data, str):
            if not data.strip():
                raise serializers.ValidationError("description may not be blank.")
            if len(data) > MAX_DESCRIPTION_CHARS:
                raise serializers.ValidationError(DESCRIPTION_TOO_LONG)
            return data
        if isinstance(data, dict) and data:
            if len(json.dumps(data, ensure_ascii=False)) > MAX_DESCRIPTION_CHARS:
                raise serializers.ValidationError(DESCRIPTION_TOO_LONG)
            return data
        raise serializers.ValidationError(DESCRIPTION_FORMAT)

    def to_representation(self, value: Any) -> Any:
        return value


@extend_schema_field(OpenApiTypes.STR)
class SalaryField(serializers.CharField):
    """Salary as the recruiter wrote it; a bare number is accepted too."""

    def to_internal_value(self, data: Any) -> str:
        if isinstance(data, (int, float)) and not isinstance(data, bool):
            data = str(data)
        return super().to_internal_value(data)


class JobInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = DescriptionField()
    salary = SalaryField(max_length=200, allow_blank=True)
    skills = SkillsField()
    job_type = serializers.CharField(max_length=50)
    end_date = FlexibleDateTimeField()
    company_name = serializers.CharField(
        max_length=200, required=False, allow_blank=True
    )
    location = serializers.CharField(max_length=200, required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=JobStatus.choices, required=False)
    interview_duration = serializers.IntegerField(
        min_value=5, max_value=240, required=False
    )
    recruiter_id = serializers.CharField(
        required=False,
        write_only=True,
        max_length=128,
        help_text="Must be the caller's id (or, in trusted mode, names the caller: "
        "any 1-128 characters from [A-Za-z0-9_.@:-]).",
    )


class JobStatusSerializer(serializers.Serializer):
    """The body of PATCH /jobs/{id}/status."""

    status = serializers.ChoiceField(
        choices=[JobStatus.ACTIVE, JobStatus.INACTIVE],
        help_text="active or inactive.",
    )
    recruiter_id = serializers.CharField(
        required=False, write_only=True, max_length=128
    )


class JobStatsSerializer(serializers.Serializer):
    """GET /jobs/stats: one recruiter's jobs and applications, counted."""

    total_jobs = serializers.IntegerField()
    active_jobs = serializers.IntegerField()
    total_applications = serializers.IntegerField()
    avg_applications_per_job = serializers.FloatField()


class JobSerializer(serializers.ModelSerializer):
    recruiter_id = serializers.CharField(
        source="recruiter_public_id",
        read_only=True,
        help_text="The recruiter's id exactly as the client sent it (trusted mode: "
        "the gateway's id), else our UUID.",
    )
    skills = serializers.CharField(
        read_only=True,
        help_text="The skills string exactly as sent (an array is comma-joined).",
    )
    skills_list = serializers.ListField(
        child=serializers.CharField(),
        source="skills",
        read_only=True,
        help_text="The skills read from `skills`, for filtering and matching.",
    )
    description = serializers.SerializerMethodField()
    description_text = serializers.CharField(source="description", read_only=True)
    job_link = serializers.CharField(read_only=True)
    status = serializers.CharField(source="effective_status", read_only=True)
    end_date = FlexibleDateTimeField(read_only=True)

    class Meta:
        model = Job
        fields = [
            "id",
            "recruiter_id",
            "title",
            "description",
            "salary",
            "skills",
            "job_type",
            "created_at",
            "end_date",
            "job_link",
            "company_name",
            "location",
            "status",
            "interview_duration",
            "salary_min",
            "salary_max",
            "salary_currency",
            "short_code",
            "description_text",
            "skills_list",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field({"oneOf": [{"type": "string"}, {"type": "object"}]})
    def get_description(self, job: Job) -> str | dict:
        return (
            job.description_data
            if job.description_data is not None
            else job.description
        )

    def to_representation(self, job: Job) -> dict:
        # Written out by hand: GET /jobs serialises up to 1 000 jobs per request and
        # DRF's generic field machinery costs ~5x more. The declared fields above
        # still describe the shape for the OpenAPI schema; a test checks both agree.
        return {
            "id": str(job.id),
            "recruiter_id": job.recruiter_public_id,
            "title": job.title,
            "description": self.get_description(job),
            "salary": job.salary,
            "skills": skills_text(job.skills_as_sent, job.skills or []),
            "job_type": job.job_type,
            "created_at": iso_datetime(job.created_at),
            "end_date": iso_datetime(job.end_date),
            "job_link": job.job_link,
            "company_name": job.company_name,
            "location": job.location,
            "status": job.effective_status,
            "interview_duration": job.interview_duration,
            "salary_min": job.salary_min,
            "salary_max": job.salary_max,
            "salary_currency": job.salary_currency,
            "short_code": job.short_code,
            "description_text": job.description,
            "skills_list": list(job.skills or []),
            "updated_at": iso_datetime(job.updated_at),
        }
