"""On PostgreSQL, refuse UPDATE and DELETE of decisions in the database itself.

The ORM guard (hiring.models) stops Django code; this stops everything else
that speaks SQL through the application's role. TRUNCATE (test-database
flushes) is not affected. Other databases rely on the ORM guard.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION hiring_decision_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'hiring_decision is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER hiring_decision_append_only
    BEFORE UPDATE OR DELETE ON hiring_decision
    FOR EACH ROW EXECUTE FUNCTION hiring_decision_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS hiring_decision_append_only ON hiring_decision;
DROP FUNCTION IF EXISTS hiring_decision_append_only();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("hiring", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
