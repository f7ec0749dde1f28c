"""The ledger cannot be changed or deleted: not by the ORM, the admin or SQL."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from hiring.models import MSG_IMMUTABLE, Decision, LedgerImmutable
from hiring.services import application_move
from hiring.tests.factories import operator_make
from resumes.models import Application
from resumes.tests.factories import application_make, candidate_make

pytestmark = pytest.mark.django_db

APPLICATIONS = "/admin/resumes/application/"
DECISIONS = "/admin/hiring/decision/"


@pytest.fixture
def decision(job, recruiter, candidate):
    application = application_make(job=job, candidate=candidate, score=8)
    application_move(
        application_id=str(application.id),
        user=recruiter,
        stage="screened",
        reason="Good.",
    )
    return Decision.objects.get()


def test_an_entry_cannot_be_saved_again(decision):
    decision.reason = "Rewritten."
    with pytest.raises(LedgerImmutable, match=MSG_IMMUTABLE):
        decision.save()
    assert Decision.objects.get().reason == "Good."


def test_an_entry_cannot_be_deleted_one_by_one_or_in_bulk(decision):
    with pytest.raises(LedgerImmutable):
        decision.delete()
    with pytest.raises(LedgerImmutable):
        Decision.objects.all().delete()
    with pytest.raises(LedgerImmutable):
        Decision.objects.filter(pk=decision.pk).update(reason="x")
    with pytest.raises(LedgerImmutable):
        Decision.objects.bulk_update([decision], ["reason"])
    assert Decision.objects.count() == 1


def test_deleting_the_application_leaves_its_decisions(decision):
    Application.objects.get(pk=decision.application_id).delete()
    assert Decision.objects.filter(pk=decision.pk).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL trigger")
def test_postgresql_refuses_raw_sql_updates_and_deletes(decision):
    for sql in (
        "UPDATE hiring_decision SET reason = 'x'",
        "DELETE FROM hiring_decision",
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql)
    assert Decision.objects.get().reason == "Good."


def test_the_admin_shows_the_ledger_read_only_even_to_a_superuser(
    decision, recruiter, desk_client
):
    for user in (recruiter, operator_make()):
        client = desk_client(user)
        page = client.get(f"{DECISIONS}{decision.pk}/change/")
        assert page.status_code == 200
        assert "Good." in page.content.decode()
        assert 'name="reason"' not in page.content.decode()
        assert client.get(f"{DECISIONS}add/").status_code == 403
        assert (
            client.post(
                f"{DECISIONS}{decision.pk}/delete/", {"post": "yes"}
            ).status_code
            == 403
        )
        client.post(f"{DECISIONS}{decision.pk}/change/", {"reason": "Rewritten."})
    assert Decision.objects.get().reason == "Good."


def test_another_recruiter_does_not_see_the_ledger(
    decision, other_recruiter, desk_client
):
    client = desk_client(other_recruiter)
    assert client.get(f"{DECISIONS}{decision.pk}/change/").status_code in (302, 403)
    assert "Good." not in client.get(DECISIONS).content.decode()


def test_a_status_change_in_the_admin_is_a_recorded_decision(
    job, recruiter, desk_client
):
    application = application_make(job=job, candidate=candidate_make("a@ex.test"))
    response = desk_client(recruiter).post(
        f"{APPLICATIONS}{application.pk}/change/",
        {"status": "interview_scheduled", "reason": "Call her."},
    )
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert (decision.to_stage, decision.reason, decision.via) == (
        "interview",
        "Call her.",
        "admin",
    )


def test_the_admin_refuses_a_low_scored_rejection_without_a_reason(
    job, recruiter, desk_client
):
    application = application_make(
        job=job, candidate=candidate_make("a@ex.test"), score=2
    )
    response = desk_client(recruiter).post(
        f"{APPLICATIONS}{application.pk}/change/", {"status": "rejected"}
    )
    assert response.status_code == 200  # the form again, with the error
    assert "needs a reason in your own words" in response.content.decode()
    application.refresh_from_db()
    assert application.stage == "applied"
    assert not Decision.objects.exists()


def test_the_bulk_action_moves_what_it_may_and_says_what_it_did_not(
    job, recruiter, desk_client
):
    fine = application_make(job=job, candidate=candidate_make("f@ex.test"), score=8)
    low = application_make(job=job, candidate=candidate_make("l@ex.test"), score=1)
    response = desk_client(recruiter).post(
        APPLICATIONS,
        {
            "action": "move_to_status",
            "status": "rejected",
            "index": "0",
            "_selected_action": [str(fine.pk), str(low.pk)],
        },
        follow=True,
    )
    text = response.content.decode()
    assert "1 application(s) moved to “Rejected”." in text
    assert "1 application(s) not moved" in text
    assert list(Decision.objects.values_list("application_id", flat=True)) == [fine.pk]
