"""On PostgreSQL, index title "contains" (pg_trgm GIN) and salary DESC NULLS LAST.

Django's `title__icontains` becomes `UPPER(title) LIKE UPPER('%…%')`, which a
B-tree cannot serve; a trigram GIN index on `UPPER(title)` can. SQLite skips this.
"""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS job_title_trgm_idx ON jobs_job "
    "USING gin (UPPER(title) gin_trgm_ops)",
    # ORDER BY salary_max DESC NULLS LAST, id DESC (the B-tree default is NULLS FIRST
    # when read backwards).
    "CREATE INDEX IF NOT EXISTS job_salary_desc_idx ON jobs_job "
    "(salary_max DESC NULLS LAST, id DESC)",
]
DROP = ["DROP INDEX IF EXISTS job_title_trgm_idx", "DROP INDEX IF EXISTS job_salary_desc_idx"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("jobs", "0001_initial")]
    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
