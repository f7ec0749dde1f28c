"""The admin side of hiring: status moves recorded as decisions, a read-only ledger.

`resumes.admin.ApplicationAdmin` shows applications read-only; here it is
re-registered with the status editable (change page, list, bulk action), each
change going through `hiring.services.application_move` like the API, so a
move the table refuses, or a low-score rejection with no reason, is refused
on the page. The `Decision` admin is a read-only ledger: no one, not even a
superuser, may add, change or delete an entry.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join

from accounts.admin_site import RecruiterScopedAdmin
from hiring.models import Decision
from hiring.serializers import REASON_MAX_CHARS
from hiring.services import application_move, move_check, requested_move
from openhire.errors import OpenHireError
from resumes.admin import CHOOSE_STATUS, MOVED, ApplicationAdmin, StatusActionForm
from resumes.models import Application, ApplicationStatus

NOT_MOVED = "{count} application(s) not moved: {reason}"


class MoveActionForm(StatusActionForm):
    """The action bar: the status to move to, and the decider's reason."""

    reason = forms.CharField(
        label="reason", required=False, max_length=REASON_MAX_CHARS
    )


class ApplicationMoveForm(forms.ModelForm):
    """An application's status, checked against the pipeline before it is saved."""

    user: Any = None  # set per request by the admin
    reason = forms.CharField(
        required=False,
        max_length=REASON_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Why (recorded in the decision ledger; required to reject a "
        "candidate an AI scored low).",
    )

    class Meta:
        model = Application
        fields = ["status"]

    def clean(self) -> dict:
        data = super().clean()
        status = data.get("status")
        if status and "status" in self.changed_data:
            application = self.instance  # still the stored values during clean()
            move = requested_move(application=application, stage=None, status=status)
            if move.stage != application.stage:
                try:
                    move_check(
                        application=application,
                        user=self.user,
                        move=move,
                        reason=data.get("reason", ""),
                    )
                except OpenHireError as error:
                    raise forms.ValidationError(
                        error.message, code=error.code
                    ) from None
        return data


def _form_for(base: type[forms.ModelForm], request: HttpRequest) -> type:
    return type(base.__name__, (base,), {"user": request.user})


class PipelineApplicationAdmin(ApplicationAdmin):
    """Applications, whose status a recruiter moves with a recorded decision."""

    list_editable = ["status"]
    action_form = MoveActionForm
    actions = ["move_to_status", "allow_interview_retake"]
    form = ApplicationMoveForm
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "candidate_shown",
                    "job_shown",
                    "status",
                    "reason",
                    "stage",
                    "rank",
                    "decisions_shown",
                ]
            },
        ),
        *ApplicationAdmin.fieldsets[1:],
    ]
    readonly_fields = [
        f for f in flatten_fieldsets(fieldsets) if f not in ("status", "reason")
    ]

    def get_form(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> type:
        return _form_for(super().get_form(request, obj, **kwargs), request)

    def get_changelist_form(self, request: HttpRequest, **kwargs: Any) -> type:
        kwargs.setdefault("form", ApplicationMoveForm)
        return _form_for(super().get_changelist_form(request, **kwargs), request)

    def save_model(
        self, request: HttpRequest, obj: Application, form: Any, change: bool
    ) -> None:
        if change and "status" in form.changed_data:
            application_move(
                application_id=str(obj.pk),
                user=request.user,
                status=obj.status,
                reason=form.cleaned_data.get("reason", ""),
                via="admin",
            )

    @admin.action(
        description="Move selected applications to the status chosen",
        permissions=["change"],
    )
    def move_to_status(
        self, request: HttpRequest, queryset: QuerySet[Application]
    ) -> None:
        status = request.POST.get("status", "")
        if status not in ApplicationStatus.values:
            self.message_user(request, CHOOSE_STATUS, messages.ERROR)
            return
        moved, refused = 0, []
        for application in queryset:
            try:
                application_move(
                    application_id=str(application.pk),
                    user=request.user,
                    status=status,
                    reason=request.POST.get("reason", "")[:REASON_MAX_CHARS],
                    via="admin",
                )
                moved += 1
            except OpenHireError as error:
                refused.append(error.message)
        label = ApplicationStatus(status).label
        self.message_user(request, MOVED.format(count=moved, status=label))
        if refused:
            message = NOT_MOVED.format(count=len(refused), reason=refused[0])
            self.message_user(request, message, messages.WARNING)

    @admin.display(description="decisions")
    def decisions_shown(self, application: Application) -> str:
        rows = [
            (
                f"{d.decided_at:%Y-%m-%d %H:%M}",
                d.from_stage,
                d.to_stage,
                d.decided_by_role,
                d.reason or "—",
            )
            for d in application.decisions.order_by("decided_at", "id")
        ]
        if not rows:
            return "—"
        return format_html(
            '<ul class="openhire-list">{}</ul>',
            format_html_join("", "<li>{} {} → {} by the {}: {}</li>", rows),
        )


admin.site.unregister(Application)
admin.site.register(Application, PipelineApplicationAdmin)


@admin.register(Decision)
class DecisionAdmin(RecruiterScopedAdmin, admin.ModelAdmin):
    """The decision ledger, read-only for everyone."""

    owner_lookup = "application__job__recruiter"
    list_display = [
        "decided_at",
        "application_id",
        "from_stage",
        "to_stage",
        "decided_by_role",
        "via",
        "reason",
    ]
    list_filter = ["to_stage", "via"]
    readonly_fields = [
        "id",
        "application_id",
        "job_id",
        "decided_by_id",
        "decided_by_role",
        "from_stage",
        "to_stage",
        "from_status",
        "to_status",
        "reason",
        "ai_snapshot",
        "via",
        "decided_at",
    ]
    fields = readonly_fields
    actions = None

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
