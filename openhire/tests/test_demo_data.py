import re
from io import StringIO

import pytest
from django.core.management import call_command

from accounts.models import User
from jobs.models import Job

pytestmark = pytest.mark.django_db


def test_demo_data_is_idempotent_and_prints_working_credentials(api, client):
    call_command("demo_data", stdout=StringIO())
    out = StringIO()
    call_command("demo_data", "--port", "9000", stdout=out)
    text = out.getvalue()
    assert User.objects.count() == 2 and Job.objects.count() == 2
    tokens = re.findall(r"token=(\S+)", text)
    assert len(tokens) == 2
    api.credentials(HTTP_AUTHORIZATION=f"Token {tokens[0]}")
    assert api.get("/jobs?sort_by=salary").status_code == 200
    email, password = re.search(r"\((\S+) / (\S+)\)", text).groups()
    assert client.login(email=email, password=password)
    assert client.get("/admin/jobs/job/").status_code == 200
    assert "http://127.0.0.1:9000/interview/?job=" in text
