"""Build the five interview questions from the job, the resume and the answers.

- ``greeting`` names the role (and the company when known).
- ``resume`` quotes a described piece of work from the resume (a line saying
  what was done, preferring one about the job's skills and duties); never a
  credential, a skills list, a heading, contact details or text addressed to
  a reader of the resume ("ignore previous instructions...").
- ``follow_up`` quotes the most specific claim of the previous answer; an
  empty, evasive, off-topic, copied, keyword-list or injected answer is never
  quoted: the question narrows to the resume's work or redirects instead.
- ``scenario`` is a situation from the field's real work (`ai.offline.fields`):
  patient deterioration for a nurse, a deal slipping at quarter end for a
  sales manager, a broken nightly pipeline for a data engineer.
- ``scenario_follow_up`` quotes the scenario answer and probes what it left
  out (verification, then trade-offs, then the people involved), or redirects.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ai.offline import answers, fields, vocabulary
from ai.offline import text as textkit
from ai.offline.cues import WORK_VERBS, find_cues, is_injection
from ai.offline.feedback import quote
from ai.types import InterviewContext, JobSpec, Turn

MIN_WORK_WORDS = 5
_LABELLED_LIST = re.compile(r"^\s*[A-Za-z &/]{2,30}:\s*\S")
_CREDENTIAL = re.compile(
    r"\b(?:licen[cs]ed?|certifi\w*|certificate|diploma|degree|b\.?sc|m\.?sc|mba|"
    r"bachelor|master'?s|ph\.?d|cpa|cma|acca)\b",
    re.IGNORECASE,
)
_CONTACT = re.compile(r"@|https?://|www\.|\+?\d[\d\s().-]{7,}\d")
NO_HOOK = (
    "Your resume does not give much detail. Please walk me through the most "
    "relevant piece of work you have done for the {title} role: what the "
    "problem was, what you personally did, and the result."
)


def greeting(context: InterviewContext) -> str:
    """Welcome the candidate to the role and ask them to introduce themselves."""
    title = context.job.title.strip()
    company = context.job.company_name.strip()
    role = f"{title or 'this'} role" + (f" at {company}" if company else "")
    return (
        f"Hello, and welcome to your interview for the {role}. To start, please "
        "introduce yourself and tell me what draws you to this "
        f"{title or 'position'} position."
    )


# --- resume ---------------------------------------------------------------------


def _is_work_line(sentence: str) -> bool:
    """Say whether a resume sentence describes a piece of work that was done."""
    if len(sentence.split()) < MIN_WORK_WORDS or is_injection(sentence):
        return False
    if _LABELLED_LIST.match(sentence) or _CREDENTIAL.search(sentence):
        return False
    if _CONTACT.search(sentence) or sentence.count(",") > len(sentence.split()) / 3:
        return False
    return bool(find_cues(sentence.lower(), WORK_VERBS))


def _names_skill(sentence: str, skill: str) -> bool:
    term = vocabulary.default().lookup(skill)
    if term is not None and term.mentioned_in(sentence):
        return True
    return bool(skill.strip()) and skill.strip().lower() in sentence.lower()


def _hook_rank(
    sentence: str, skills: tuple[str, ...], job_lemmas: frozenset[str]
) -> int:
    named = sum(1 for skill in skills if _names_skill(sentence, skill))
    return 3 * named + len(set(textkit.content_lemmas(sentence)) & job_lemmas)


def resume_hook(resume: str, job: JobSpec) -> tuple[str, str]:
    """Return (the resume sentence about work to ask about, a skill it names)."""
    job_text = f"{job.title} {' '.join(job.skills)} {job.description}"
    return _resume_hook(resume, tuple(job.skills), job_text)


@lru_cache(maxsize=128)
def _resume_hook(
    resume: str, skills: tuple[str, ...], job_text: str
) -> tuple[str, str]:
    sentences = [
        textkit.strip_bullet(s)
        for line in textkit.split_lines(resume)
        for s in textkit.split_unit(textkit.strip_bullet(line))
    ]
    work = [s for s in sentences if _is_work_line(s)]
    if not work:
        return "", ""
    job_lemmas = frozenset(textkit.content_lemmas(job_text))
    ranked = [(_hook_rank(s, skills, job_lemmas), -i) for i, s in enumerate(work)]
    best = work[-max(ranked)[1]]
    named = next((s for s in skills if s and s.lower() in best.lower()), "")
    return best, named.split()[0] if named else ""


def resume_question(context: InterviewContext) -> str:
    """Ask about a described piece of work from the resume."""
    sentence, around = resume_hook(context.resume_text, context.job)
    if not sentence:
        return NO_HOOK.format(title=context.job.title.strip() or "this")
    return (
        f'Your resume mentions "{quote(sentence, around=around)}". Can you walk me '
        "through that work in more detail: what problem you were solving, what "
        "you personally did, and what the outcome was?"
    )


# --- follow-ups -------------------------------------------------------------------


def _last_turn(history: list[Turn], question_type: str) -> Turn | None:
    """Return the turn of `question_type` (answered or not), else the last answer."""
    for turn in reversed(history):
        if turn.question_type == question_type:
            return turn
    return next((t for t in reversed(history) if t.answer.strip()), None)


def _claim_of(context: InterviewContext, turn: Turn | None) -> tuple[str, str]:
    """Return (the quotable claim of an answer or "", what the answer was)."""
    if turn is None:
        return "", "empty"
    reading = answers.read(turn, answers.subject_for(context, turn))
    if reading.counts and reading.relevance > 0 and reading.best_claim:
        return reading.best_claim, "answer"
    return "", reading.kind


REDIRECTS = {
    "off_topic": "Let's bring it back to your work as {title}.",
    "padding": "Let's make it concrete.",
    "copied": "Rather than repeating the question, let's take one real example.",
    "keyword_list": "Rather than a list of terms, let's take one real example.",
    "injection": "Let's stay with the interview questions.",
    "gibberish": "I couldn't follow that answer, so let me ask it differently.",
}


def _redirect(kind: str, title: str) -> str:
    opening = REDIRECTS.get(kind, "That's fine; let's narrow it down.")
    return opening.format(title=title or "this role")


def follow_up_question(context: InterviewContext, history: list[Turn]) -> str:
    """Dig into the most specific claim of the resume answer, or redirect."""
    claim, kind = _claim_of(context, _last_turn(history, "resume"))
    if claim:
        return (
            f'You said "{quote(claim)}". What was the hardest part of that, how did '
            "you deal with it, and what would you do differently next time?"
        )
    sentence, around = resume_hook(context.resume_text, context.job)
    subject = (
        f'the work in your resume where you "{quote(sentence, around=around)}"'
        if sentence
        else "one piece of work you are proud of"
    )
    return (
        f"{_redirect(kind, context.job.title.strip())} Think of {subject}: what was "
        "one decision you made there, what were the options, and why did you "
        "choose as you did?"
    )


# --- scenario -----------------------------------------------------------------------


def _stack(job: JobSpec) -> str:
    """Return up to two of the job's software tools ("Python and Django "), or ""."""
    store = vocabulary.default()
    found = store.find_names(f"{', '.join(job.skills)}\n{job.description}", ("skill",))
    tools = [n for n in found if store.field_of(n) == "software"][:2]
    return f"{' and '.join(tools)} " if tools else ""


def scenario_question(context: InterviewContext) -> str:
    """Ask how the candidate would handle a situation from the field's real work."""
    job = context.job
    profile = fields.profile_for(job)
    company = job.company_name.strip()
    return profile.scenario_for(job).text.format(
        title=job.title.strip() or "a new member of the team",
        at=f" at {company}" if company else "",
        stack=_stack(job) if profile.name == "software" else "",
    )


PROBES = {
    "verification": "How would you know that your approach actually worked, and "
    "what would you measure?",
    "trade_offs": "What trade-offs or risks come with that approach, and what "
    "would make you change course?",
    "people": "Who would you need to involve or convince, and how would you keep "
    "them informed?",
}


def scenario_follow_up_question(context: InterviewContext, history: list[Turn]) -> str:
    """Probe what the scenario answer left out, quoting it, or redirect."""
    turn = _last_turn(history, "scenario")
    claim, kind = _claim_of(context, turn)
    if not claim:
        return (
            f"{_redirect(kind, context.job.title.strip())} Going back to the "
            "situation I described: what is the very first thing you would do, "
            "and why that rather than something else?"
        )
    reading = answers.read(turn, answers.subject_for(context, turn))
    missing = next((name for name in PROBES if name not in reading.problem), "people")
    return f'In your approach you said "{quote(claim)}". {PROBES[missing]}'
