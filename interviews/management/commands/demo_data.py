"""Load the demo recruiter, candidate and two jobs (idempotent); print fresh tokens."""

import datetime as dt
import secrets

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from accounts.services import recruiter_password_set
from accounts.tokens import token_create
from jobs.models import Job
from jobs.services import job_create

RECRUITER_EMAIL = "recruiter@demo.openhire.local"
CANDIDATE_EMAIL = "candidate@demo.openhire.local"
DEMO_JOBS = [
    {
        "title": "Backend Engineer (Python/Django)",
        "description": "Build and run our hiring APIs. You will design REST endpoints in "
        "Django REST framework, model data in PostgreSQL, and keep real-time features "
        "working with Channels and Redis. 3+ years of Python experience required.",
        "salary": "$110k-$140k",
        "skills": ["Python", "Django", "PostgreSQL", "REST APIs", "Redis", "Docker"],
        "job_type": "full-time",
        "company_name": "OpenHire Demo Co",
        "location": "Remote",
    },
    {
        "title": "Frontend Developer (React)",
        "description": "Own our candidate-facing web app: React with TypeScript, "
        "accessible UI components, and tests with Jest. 2+ years of React experience.",
        "salary": "€55k-€70k",
        "skills": ["JavaScript", "TypeScript", "React", "CSS", "Jest"],
        "job_type": "full-time",
        "company_name": "OpenHire Demo Co",
        "location": "Berlin, Germany",
    },
]


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--port",
            type=int,
            default=settings.PORT,
            help="Port shown in the examples.",
        )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        base = f"http://127.0.0.1:{options['port']}"
        recruiter, _ = User.objects.get_or_create(
            email=RECRUITER_EMAIL,
            defaults={"name": "Demo Recruiter", "role": Role.RECRUITER},
        )
        candidate, _ = User.objects.get_or_create(
            email=CANDIDATE_EMAIL,
            defaults={"name": "Demo Candidate", "role": Role.CANDIDATE},
        )
        end_date = timezone.now() + dt.timedelta(days=90)
        for spec in DEMO_JOBS:
            if not Job.objects.filter(
                recruiter=recruiter, title=spec["title"]
            ).exists():
                job_create(recruiter=recruiter, fields={**spec, "end_date": end_date})
        # A fresh admin password for the local demo, shown once like the tokens.
        admin_password = "demo-" + secrets.token_urlsafe(12)
        recruiter_password_set(email=recruiter.email, password=admin_password)
        recruiter_token = token_create(user=recruiter)
        candidate_token = token_create(user=candidate)
        job = Job.objects.filter(recruiter=recruiter).order_by("created_at").first()
        self.stdout.write(
            "\nDemo data ready (tokens and the admin password are new on every run):\n"
            f"  recruiter  {recruiter.email}  id={recruiter.id}\n"
            f"             token={recruiter_token}\n"
            f"  candidate  {candidate.email}  id={candidate.id}\n"
            f"             token={candidate_token}\n"
            f"  job        {job.title}  link={job.job_link}\n\n"
            f"Take an interview in the browser: {base}/interview/?job={job.short_code}\n"
            f"Recruiter's desk: {base}/admin/  ({recruiter.email} / {admin_password})\n"
            f"Every route: {base}/   API docs: {base}/docs\n\n"
            "Try:\n"
            f"  curl {base}/jobs\n"
            f"  curl -H 'Authorization: Token {recruiter_token}' -H 'Content-Type: application/json' \\\n"
            '       -d \'{"title":"QA Engineer","description":"Test things","salary":"$80k",'
            '"skills":["pytest"],"job_type":"contract","end_date":"2027-01-31"}\' \\\n'
            f"       {base}/jobs\n"
        )
