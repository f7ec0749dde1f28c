"""Self-identification stays the candidate's; the report shows only aggregates."""

from __future__ import annotations

import ast
import csv
import io
from pathlib import Path

import pytest

from fairness.models import SelfIdentification
from fairness.services import MSG_CANDIDATE_ONLY
from hiring.services import application_move
from hiring.tests.factories import operator_make
from resumes.tests.factories import application_make, candidate_make

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def application(job, candidate):
    return application_make(job=job, candidate=candidate, score=7)


def _url(application) -> str:
    return f"/applications/{application.id}/self-id"


def test_the_candidate_answers_reads_and_withdraws_their_self_identification(
    client_for, candidate, application
):
    client = client_for(candidate)
    response = client.post(
        _url(application), {"sex": "female", "age_band": "40_54"}, format="json"
    )
    assert response.status_code == 201
    body = client.get(_url(application)).json()
    assert (body["sex"], body["age_band"], body["race_ethnicity"]) == (
        "female",
        "40_54",
        "prefer_not_to_say",
    )
    assert client.delete(_url(application)).status_code == 204
    assert not SelfIdentification.objects.exists()


def test_an_unknown_answer_is_a_400_and_nothing_is_stored(
    client_for, candidate, application
):
    response = client_for(candidate).post(
        _url(application), {"sex": "female", "veteran_status": "maybe"}, format="json"
    )
    assert response.status_code == 400
    assert "veteran_status" in response.json()["errors"]
    assert not SelfIdentification.objects.exists()


@pytest.mark.parametrize("who", ["recruiter", "other_recruiter", "stranger"])
def test_nobody_but_the_candidate_reads_or_writes_one_persons_answers(
    request, client_for, candidate, application, who
):
    client_for(candidate).post(_url(application), {"sex": "male"}, format="json")
    client = client_for(request.getfixturevalue(who))
    for response in (
        client.get(_url(application)),
        client.post(_url(application), {"sex": "female"}, format="json"),
        client.delete(_url(application)),
    ):
        assert response.status_code == 403
        assert response.json()["detail"] == MSG_CANDIDATE_ONLY
    assert SelfIdentification.objects.get().sex == "male"


def test_the_application_never_carries_the_answers(
    client_for, candidate, recruiter, application
):
    client_for(candidate).post(_url(application), {"sex": "non_binary"}, format="json")
    for path in (
        f"/applications/{application.id}",
        f"/jobs/{application.job_id}/applications",
    ):
        assert "non_binary" not in client_for(recruiter).get(path).content.decode()


def test_the_export_holds_the_answers_and_erasure_deletes_them(
    client_for, candidate, application
):
    client = client_for(candidate)
    client.post(_url(application), {"disability": "yes"}, format="json")
    exported = client.get("/users/me/export").json()
    assert exported["self_identification"][0]["disability"] == "yes"
    assert client.delete("/users/me").status_code == 200
    assert not SelfIdentification.objects.exists()


def _applicants(job, recruiter, sex: str, *, count: int, moved: int) -> None:
    for n in range(count):
        person = candidate_make(f"{sex}{n}@ex.test")
        application = application_make(job=job, candidate=person, score=7)
        SelfIdentification.objects.create(application=application, sex=sex)
        if n < moved:
            application_move(
                application_id=str(application.id), user=recruiter, stage="interview"
            )
            application_move(
                application_id=str(application.id), user=recruiter, stage="rejected"
            )


@pytest.fixture
def applicants(job, recruiter):
    _applicants(job, recruiter, "female", count=10, moved=3)
    _applicants(job, recruiter, "male", count=10, moved=6)
    _applicants(job, recruiter, "non_binary", count=2, moved=2)
    _applicants(job, recruiter, "prefer_not_to_say", count=4, moved=0)


def _group(report: dict, category: str, stage: str, group: str) -> dict:
    found = next(c for c in report["categories"] if c["category"] == category)
    figures = next(s for s in found["stages"] if s["stage"] == stage)
    return next(g for g in figures["groups"] if g["group"] == group)


def test_the_recruiter_reads_the_jobs_report_with_rejected_candidates_counted_where_they_got(
    client_for, recruiter, job, applicants
):
    report = client_for(recruiter).get(f"/jobs/{job.id}/adverse-impact").json()
    female = _group(report, "sex", "interview", "female")
    assert (female["selected"], female["selection_rate"], female["impact_ratio"]) == (
        3,
        0.3,
        0.5,
    )
    assert female["four_fifths_flag"] is True
    assert _group(report, "sex", "interview", "male")["reference"] is True
    assert _group(report, "sex", "interview", "non_binary")["suppressed"] is True
    assert report["respondents"] == 26


def test_the_report_downloads_as_csv(client_for, recruiter, job, applicants):
    response = client_for(recruiter).get(f"/jobs/{job.id}/adverse-impact.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    female = next(
        r
        for r in rows
        if (r["category"], r["stage"], r["group"]) == ("sex", "interview", "female")
    )
    assert (female["impact_ratio"], female["four_fifths_flag"]) == ("0.5", "True")
    hidden = next(r for r in rows if r["group"] == "non_binary")
    assert (hidden["suppressed"], hidden["applicants"]) == ("True", "")


def test_only_the_operator_reads_the_all_jobs_report(
    client_for, recruiter, job, applicants
):
    assert client_for(recruiter).get("/adverse-impact").status_code == 403
    report = client_for(operator_make()).get("/adverse-impact").json()
    assert report["job_id"] is None and report["respondents"] == 26


def test_another_recruiter_cannot_read_the_jobs_report(
    client_for, other_recruiter, job
):
    for path in (
        f"/jobs/{job.id}/adverse-impact",
        f"/jobs/{job.id}/adverse-impact.csv",
    ):
        assert client_for(other_recruiter).get(path).status_code == 403


def test_the_admin_draws_the_report_as_svg_and_lists_no_one(
    desk_client, recruiter, other_recruiter, job, applicants
):
    client = desk_client(recruiter)
    page = client.get(f"/admin/fairness/adverseimpactjob/{job.pk}/change/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in text and "ratio 0.50" in text
    assert "suppressed" in text
    assert (
        client.get(f"/admin/fairness/adverseimpactjob/{job.pk}/report.csv").status_code
        == 200
    )
    assert client.get("/admin/fairness/selfidentification/").status_code == 404
    assert client.get("/admin/fairness/adverseimpactjob/all/").status_code == 403
    other = desk_client(other_recruiter)
    assert other.get(
        f"/admin/fairness/adverseimpactjob/{job.pk}/change/"
    ).status_code in (
        302,
        403,
        404,
    )


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_scoring_engine_or_other_app_can_reach_the_answers():
    apps = ("ai", "accounts", "jobs", "resumes", "interviews", "chat", "hiring")
    offenders = [
        str(path.relative_to(ROOT))
        for app in apps
        for path in (ROOT / app).rglob("*.py")
        if any(name.split(".")[0] == "fairness" for name in _imports(path))
    ]
    assert offenders == []
    contracts = (ROOT / ".importlinter").read_text()
    assert "forbidden_modules =\n    fairness" in contracts
