"""Shapes of the self-identification and adverse-impact endpoints."""

from __future__ import annotations

import csv
import io

from rest_framework import serializers

from fairness.categories import QUESTIONS
from fairness.impact import CSV_HEADER, report_rows
from fairness.models import SelfIdentification


def _answer(category: str) -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=QUESTIONS[category],
        required=False,
        help_text="Optional; prefer_not_to_say when left out.",
    )


class SelfIdentificationSerializer(serializers.ModelSerializer):
    """The candidate's answers (every question may be `prefer_not_to_say`)."""

    application_id = serializers.UUIDField(read_only=True)
    sex = _answer("sex")
    race_ethnicity = _answer("race_ethnicity")
    age_band = _answer("age_band")
    disability = _answer("disability")
    veteran_status = _answer("veteran_status")

    class Meta:
        model = SelfIdentification
        fields = [
            "application_id",
            "sex",
            "race_ethnicity",
            "age_band",
            "disability",
            "veteran_status",
            "updated_at",
        ]
        read_only_fields = ["application_id", "updated_at"]


class GroupFiguresSerializer(serializers.Serializer):
    group = serializers.CharField()
    suppressed = serializers.BooleanField(
        help_text="Too few people to show (figures null)."
    )
    applicants = serializers.IntegerField(allow_null=True)
    selected = serializers.IntegerField(allow_null=True)
    selection_rate = serializers.FloatField(allow_null=True)
    impact_ratio = serializers.FloatField(
        allow_null=True, help_text="Rate / the highest compared rate."
    )
    four_fifths_flag = serializers.BooleanField(help_text="impact_ratio < 0.8.")
    fisher_p = serializers.FloatField(
        allow_null=True, help_text="Fisher's exact two-sided p vs the reference."
    )
    small_sample = serializers.BooleanField()
    reference = serializers.BooleanField(help_text="The highest-rate group.")


class StageFiguresSerializer(serializers.Serializer):
    stage = serializers.CharField()
    groups = GroupFiguresSerializer(many=True)


class CategoryFiguresSerializer(serializers.Serializer):
    category = serializers.CharField()
    stages = StageFiguresSerializer(many=True)


class ImpactReportSerializer(serializers.Serializer):
    """`GET /jobs/{id}/adverse-impact` and `GET /adverse-impact`."""

    job_id = serializers.UUIDField(allow_null=True)
    respondents = serializers.IntegerField(allow_null=True)
    min_group = serializers.IntegerField()
    four_fifths = serializers.FloatField()
    stages = serializers.ListField(child=serializers.CharField())
    categories = CategoryFiguresSerializer(many=True)


def report_csv(report: dict) -> str:
    """Return the report as CSV text (one row per category, stage and group)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in report_rows(report):
        writer.writerow(["" if value is None else value for value in row])
    return out.getvalue()
