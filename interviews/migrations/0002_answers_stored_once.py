"""Store each answer once: the state's turns keep their times; the history goes."""

from django.db import migrations, models


def stamps_into_turns(apps, schema_editor):
    """Copy each message's time from `conversation_history` into the state's turns."""
    InterviewSession = apps.get_model("interviews", "InterviewSession")
    for session in InterviewSession.objects.exclude(conversation_history=[]).iterator():
        stamps = {
            (m.get("role"), m.get("question_number")): m.get("timestamp") or ""
            for m in session.conversation_history or []
            if isinstance(m, dict)
        }
        turns = (session.state or {}).get("turns") or []
        for number, turn in enumerate(turns, start=1):
            turn.setdefault("asked_at", stamps.get(("interviewer", number), ""))
            turn.setdefault("answered_at", stamps.get(("candidate", number), ""))
        session.save(update_fields=["state"])


def history_from_turns(apps, schema_editor):
    """Rebuild `conversation_history` from the state's turns (to migrate back)."""
    InterviewSession = apps.get_model("interviews", "InterviewSession")
    for session in InterviewSession.objects.iterator():
        history = []
        for number, turn in enumerate((session.state or {}).get("turns") or [], 1):
            said = [("interviewer", turn.get("question"), turn.get("asked_at"))]
            if turn.get("answer"):
                said.append(("candidate", turn["answer"], turn.get("answered_at")))
            history += [
                {
                    "role": role,
                    "question_number": number,
                    "question_type": turn.get("question_type"),
                    "content": content,
                    "timestamp": at or None,
                }
                for role, content, at in said
            ]
        session.conversation_history = history
        session.save(update_fields=["conversation_history"])


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(stamps_into_turns, history_from_turns),
        migrations.RemoveField(
            model_name="interviewsession",
            name="conversation_history",
        ),
        migrations.AlterField(
            model_name="interviewsession",
            name="session_id",
            field=models.CharField(max_length=128, unique=True),
        ),
    ]
