"""The interview rubric judges the answer to the question asked, in any field."""

from __future__ import annotations

import time

import pytest

from ai.offline import interview
from ai.types import QUESTION_TYPES, InterviewContext, JobSpec, Turn

NURSE = JobSpec(
    title="Registered Nurse, Medical-Surgical",
    description=(
        "Provide safe care to adult medical-surgical patients on a 32-bed ward: "
        "assess patients, administer medications, recognise and escalate "
        "deterioration, educate families, and document in Epic."
    ),
    skills=[
        "Registered Nurse license",
        "BLS certification",
        "Patient assessment",
        "Medication administration",
    ],
    company_name="St. Mary's Hospital",
)
NURSE_RESUME = (
    "Maria Santos, RN\nRegistered Nurse license, State of Ohio (2017)\n"
    "Experience\nStaff Nurse, Riverside General Hospital (2018-2025)\n"
    "- Cared for 5-6 post-operative patients per shift, using early warning "
    "scores to spot and escalate deterioration.\n"
    "Skills: Patient assessment, medication administration, wound care\n"
)
CONTEXT = InterviewContext(job=NURSE, resume_text=NURSE_RESUME)
EXCELLENT = [
    "I'm a registered nurse with seven years on a surgical ward, caring for "
    "post-operative adults. I'm drawn to this role because early recognition of "
    "deterioration and patient education are what I do best.",
    "I calculated each patient's early warning score at the start of the shift "
    "and set reassessment times by it. One night a score went from 2 to 5 with a "
    "heart rate of 118 and new confusion; I escalated with SBAR, started the "
    "sepsis bundle as prescribed, and the leak was treated before septic shock.",
    "The hardest part was getting a review at night when the registrar covered "
    "three wards. After 30 minutes I called the outreach team, as policy allows, "
    "and documented every call in Epic. Next time I would call outreach in "
    "parallel as soon as the score hit 5.",
    "First I would do an ABCDE assessment, a full set of vital signs and a blood "
    "glucose, because this could be sepsis or bleeding. I'd give oxygen per "
    "protocol, then escalate with SBAR and call the rapid response team if the "
    "doctor can't come. I'd ask a colleague to cover my other patients.",
    "I'd know it worked if repeat observations improve: heart rate and blood "
    "pressure stabilise and urine output recovers above 0.5 ml/kg/hour. The risk "
    "is my other patients, so I'd hand over to a colleague and tell the charge "
    "nurse rather than cut corners, and explain the plan to the family.",
]
VAGUE = [
    "I am a caring person and I have always wanted to help people.",
    "I did that on my ward. It was a lot of work but I tried my best.",
    "It was challenging sometimes but the team helped.",
    "I would make sure the patient is safe and get help.",
    "I would keep an eye on things and communicate with everyone involved.",
]
PADDING = (
    "To be honest, that is a really great question. At the end of the day, I "
    "believe that hard work and a positive attitude are what really matter, and "
    "I always give one hundred and ten percent. I am a team player, a fast "
    "learner and a very passionate person, and in today's fast-paced world it is "
    "very important to keep learning and growing. "
)
OFF_TOPIC = (
    "I bake sourdough every weekend. First I feed the starter the night before, "
    "then I mix 500 grams of flour with 350 grams of water and let it rest for an "
    "hour because the gluten needs time. After that I fold it four times, and the "
    "result is an open crumb and a crisp crust."
)


def interview_with(answers: list[str], context: InterviewContext = CONTEXT):
    """Run the five questions with `answers` (a callable gets the question)."""
    turns: list[Turn] = []
    for question_type, answer in zip(QUESTION_TYPES, answers, strict=True):
        asked = interview.question(
            context=context,
            question_type=question_type,
            history=turns,
            started=time.perf_counter(),
        ).text
        text = answer(asked) if callable(answer) else answer
        turns.append(Turn(question_type, asked, text))
    analysis = interview.analyze(
        context=context, history=turns, ended_early=False, started=time.perf_counter()
    )
    return turns, analysis


def test_an_excellent_nurse_is_recommended_and_scored_on_clinical_expertise():
    _, analysis = interview_with(EXCELLENT)
    assert analysis.recommendation in ("hire", "strong_hire")
    assert analysis.technical_score >= 7
    assert any("SBAR" in s or "figures" in s for s in analysis.strengths)


@pytest.mark.parametrize(
    ("style", "answers", "named"),
    [
        ("copied", [lambda q: q] * 5, "repeats the question's words"),
        (
            "keywords",
            ["Patient assessment, SBAR, vital signs, first, then, because, monitor."]
            * 5,
            "list of keywords",
        ),
        ("padding", [PADDING + v + " " + PADDING for v in VAGUE], "mostly padding"),
        ("off-topic", [OFF_TOPIC] * 5, "something other than the question"),
        ("gibberish", ["asdf qwerty zxcv blorp fnargle wibble snorf"] * 5, "readable"),
    ],
)
def test_non_answers_earn_nothing_and_are_named(style, answers, named):
    _, analysis = interview_with(answers)
    _, vague = interview_with(VAGUE)
    assert analysis.overall_score < vague.overall_score, style
    assert analysis.recommendation == "no_hire"
    assert any(named in flag for flag in analysis.red_flags), analysis.red_flags
    assert all(q["score"] == 0 for q in analysis.question_scores)
    assert not analysis.strengths


def test_i_dont_know_five_times_scores_zero_with_no_baseline():
    _, analysis = interview_with(["I don't know."] * 5)
    assert analysis.overall_score == 0.0
    assert analysis.technical_score == analysis.communication_score == 0.0
    assert analysis.confidence_score == 0.0


def test_padding_lowers_an_answer_instead_of_raising_it():
    _, plain = interview_with(VAGUE)
    _, padded = interview_with([PADDING + v + " " + PADDING for v in VAGUE])
    assert padded.overall_score < plain.overall_score
    assert padded.communication_score < plain.communication_score


def test_a_concise_excellent_answer_is_not_marked_down_for_being_short():
    concise = [
        "Seven years as a surgical-ward RN; early recognition of deterioration "
        "and patient education are what I do best.",
        *EXCELLENT[1:],
    ]
    _, full = interview_with(EXCELLENT)
    _, short = interview_with(concise)
    assert short.communication_score >= full.communication_score - 0.5


def test_each_answer_gets_a_score_and_its_reasons_and_the_rubric_is_published():
    _, analysis = interview_with(EXCELLENT[:4] + ["I don't know."])
    data = analysis.as_dict()
    assert [q["question_type"] for q in data["question_scores"]] == list(QUESTION_TYPES)
    assert data["question_scores"][1]["score"] > 5
    assert data["question_scores"][1]["reasons"]
    assert data["question_scores"][4]["score"] == 0
    assert data["question_scores"][4]["kind"] == "evasive"
    assert data["rubric"]["weights"] and data["rubric"]["version"]


def test_a_huge_answer_full_of_hidden_characters_is_read_quickly():
    noisy = ("\u200b\u00ad" + EXCELLENT[3] + " ") * 60  # ~ 4,000 words
    started = time.perf_counter()
    _, analysis = interview_with([noisy] * 5)
    assert time.perf_counter() - started < 5
    assert 0 <= analysis.overall_score <= 10


@pytest.mark.parametrize("junk", ["...", "!!!???", "\n\n\t", "1234 5678", "🙂" * 500])
def test_punctuation_numbers_and_emoji_are_not_answers(junk):
    _, analysis = interview_with([junk] * 5)
    assert analysis.overall_score == 0.0 and analysis.recommendation == "no_hire"


def test_one_answer_given_to_every_question_earns_once_and_is_named():
    salad = (
        "I assess patients with SBAR, monitor vital signs and escalate to the "
        "doctor because patient safety and teamwork matter on the ward."
    )
    _, analysis = interview_with([salad] * 5)
    kinds = [q["kind"] for q in analysis.question_scores]
    assert kinds[1:] == ["repeated"] * 4
    assert analysis.recommendation == "no_hire"
    assert sum("repeats an earlier answer" in f for f in analysis.red_flags) == 4
