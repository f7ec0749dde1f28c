"""Explain an interview's scores: red flags, strengths, areas, evidence, reasons.

Every sentence here is built from what `ai.offline.answers` read; nothing is
said about an answer that did not earn it. Pure.
"""

from __future__ import annotations

from ai.offline import answers, vocabulary
from ai.offline import text as textkit
from ai.offline.answers import Reading
from ai.offline.cues import COLLABORATION, find_cues
from ai.offline.rubric import TOTAL_QUESTIONS, Scores, answer_score

QUOTE_MAX_WORDS = 14
NOT_AN_ANSWER = {
    "empty": "is empty",
    "evasive": 'gives no answer ("I don\'t know" or a refusal)',
    "too_short": "is too short to show anything",
    "gibberish": "is not readable text",
    "injection": "holds only instructions to the scorer",
    "copied": "repeats the question's words instead of answering it",
    "keyword_list": "is a list of keywords with no claim about what was done",
    "off_topic": "is about something other than the question and the job",
    "padding": "is mostly padding: general phrases that say nothing about the question",
    "repeated": "repeats an earlier answer instead of answering this question",
}
_CREDENTIAL_WORDS = ("license", "licence", "certif", "degree", "diploma")


def quote(sentence: str, *, around: str = "") -> str:
    """Return at most QUOTE_MAX_WORDS words of `sentence`, centred on `around`."""
    words = sentence.strip().rstrip(".!?").split()
    if len(words) <= QUOTE_MAX_WORDS:
        return " ".join(words)
    start = 0
    if around:
        for index, word in enumerate(words):
            if around.lower() in word.lower():
                start = max(0, min(index - 4, len(words) - QUOTE_MAX_WORDS))
                break
    snippet = " ".join(words[start : start + QUOTE_MAX_WORDS])
    return ("…" if start else "") + snippet + "…"


# --- red flags and reasons -------------------------------------------------------


def red_flags(readings: list[Reading], *, ended_early: bool) -> list[str]:
    """Name every answer that is not an answer, and an interview cut short."""
    flags: list[str] = []
    for number, r in enumerate(readings, start=1):
        where = f"The answer to question {number} ({r.question_type})"
        if r.words < 5:
            flags.append(f"{where} has fewer than 5 words.")
        if r.injection:
            flags.append(
                f"{where} addresses instructions to the scorer; they were ignored."
            )
        if r.kind in NOT_AN_ANSWER and r.kind not in ("too_short", "injection"):
            flags.append(f"{where} {NOT_AN_ANSWER[r.kind]}.")
    answered = len(readings)
    if ended_early or answered < TOTAL_QUESTIONS:
        flags.append(
            f"The interview ended after {answered} of {TOTAL_QUESTIONS} questions "
            "were answered."
        )
    return flags


def reasons(r: Reading) -> list[str]:
    """Say, in short sentences, why one answer scored what it did."""
    if not r.counts:
        return [f"Earns nothing: the answer {NOT_AN_ANSWER[r.kind]}."]
    said = [
        _relevance_reason(r),
        _specificity_reason(r),
        "Structured: it sequences or explains its steps."
        if r.structure >= 0.6
        else "Loosely structured: no sequence or reasons given.",
    ]
    if r.honesty >= 0.5:
        said.append("Candid about limits or what it would do differently.")
    if r.padding >= 0.3:
        said.append(f"About {round(100 * r.padding)}% of it is padding.")
    return said


def _relevance_reason(r: Reading) -> str:
    if r.relevance >= 0.6:
        terms = ", ".join(r.relevant_terms[:5])
        return f"Addresses the question in the field's own terms ({terms})."
    if r.relevance > 0:
        return "Touches the question but stays general."
    return "Does not address the question's subject."


def _specificity_reason(r: Reading) -> str:
    parts = []
    if r.figures:
        parts.append(f"{r.figures} figure{'s' if r.figures > 1 else ''}")
    if r.named:
        parts.append("names " + ", ".join(r.named[:4]))
    if not parts and r.specificity < 0.2:
        return "Not specific: no figures, named methods or results."
    return "Specific: " + "; ".join(parts or ["concrete actions"]) + "."


def question_scores(readings: list[Reading]) -> list[dict]:
    """Return one entry per answer: its score, what it was, and why."""
    return [
        {
            "question_number": number,
            "question_type": r.question_type,
            "score": answer_score(r),
            "kind": r.kind,
            "relevance": round(10 * r.relevance, 1),
            "specificity": round(10 * r.specificity, 1),
            "structure": round(10 * r.structure, 1),
            "honesty": round(10 * r.honesty, 1),
            "reasons": reasons(r),
        }
        for number, r in enumerate(readings, start=1)
    ]


# --- strengths and areas -----------------------------------------------------------


def _union(readings: list[Reading], attribute: str) -> set:
    return {item for r in readings if r.counts for item in getattr(r, attribute)}


def _is_credential(skill: str) -> bool:
    term = vocabulary.default().lookup(skill)
    lower = skill.lower()
    return (term is not None and term.kind == "certification") or any(
        word in lower for word in _CREDENTIAL_WORDS
    )


def strengths_and_areas(
    readings: list[Reading], result: Scores, skills: tuple[str, ...]
) -> tuple[list[str], list[str]]:
    """Return (strengths, areas for improvement), each backed by the readings."""
    counted = [r for r in readings if r.counts]
    requirements = _union(readings, "requirements")
    problem = _union(
        [r for r in counted if r.question_type in answers.SCENARIO_TYPES] or counted,
        "problem",
    )
    strengths: list[str] = []
    areas: list[str] = []
    if requirements:
        named = ", ".join(sorted(requirements, key=str.lower)[:5])
        strengths.append(f"Connected answers to the job's requirements ({named}).")
    missing = [s for s in skills if s not in requirements and not _is_credential(s)]
    if missing and readings:
        areas.append(
            f"Did not address these job requirements: {', '.join(missing[:5])}."
        )
    _judge(counted, result, problem, strengths, areas)
    _name_non_answers(readings, areas)
    if not readings:
        areas.append("No question was answered, so no skill could be assessed.")
    return strengths, areas


# Each criterion: what it says when met, and what to improve when not.
CRITERIA = {
    "figures": (
        "Backed claims with concrete figures and results.",
        "Quantify results (numbers, time saved, scale) to make impact concrete.",
    ),
    "named": (
        "Named the field's methods and tools ({named}).",
        "Be specific: name the procedures, tools and steps you used.",
    ),
    "verification": (
        "Explained how to check that a solution worked.",
        "Say how you would verify a solution: what you would check or measure.",
    ),
    "trade_offs": (
        "Weighed trade-offs and risks before deciding.",
        "Discuss trade-offs and risks of the approaches you propose.",
    ),
    "collaboration": (
        "Described working with others: team, stakeholders and feedback.",
        "Describe how you work with your team and stakeholders.",
    ),
    "communication": (
        "Gave clear, structured answers that stayed on the question.",
        "Answer the question asked, in order: the situation, your actions, the result.",
    ),
}


def _met(counted: list[Reading], result: Scores, problem: set) -> dict[str, bool]:
    """Say which criteria the answers that count meet."""
    return {
        "figures": sum(r.figures for r in counted) >= 2,
        "named": len({n for r in counted for n in r.named}) >= 2,
        "verification": "verification" in problem,
        "trade_offs": "trade_offs" in problem,
        "collaboration": len(_union(counted, "collaboration")) >= 3,
        "communication": result.communication >= 7.0,
    }


def _judge(
    counted: list[Reading],
    result: Scores,
    problem: set,
    strengths: list[str],
    areas: list[str],
) -> None:
    """Add the strength or the area of each rubric criterion."""
    named = ", ".join(list(dict.fromkeys(n for r in counted for n in r.named))[:4])
    for criterion, met in _met(counted, result, problem).items():
        strength, area = CRITERIA[criterion]
        if met:
            strengths.append(strength.format(named=named))
        else:
            areas.append(area)
    if any(r.honesty >= 0.5 for r in counted):
        strengths.append("Was candid about limits and what they would do differently.")
    if sum(r.hedges for r in counted) >= 3:
        areas.append(
            "State decisions plainly; many answers were hedged (maybe, I guess)."
        )


def _name_non_answers(readings: list[Reading], areas: list[str]) -> None:
    junk = [
        f"{number} ({r.question_type}: {r.kind.replace('_', ' ')})"
        for number, r in enumerate(readings, start=1)
        if not r.counts
    ]
    if junk:
        areas.append(
            "These answers earned nothing because they did not answer the question: "
            + ", ".join(junk)
            + "."
        )


# --- evidence, levels, summary ------------------------------------------------------


def evidence(readings: list[Reading]) -> list[dict[str, str]]:
    """Quote the answer sentences behind each criterion."""
    counted = [r for r in readings if r.counts and r.best_claim]
    if not counted:
        return []
    found = [
        ("technical", max(counted, key=lambda r: r.specificity).best_claim),
        ("problem_solving", max(counted, key=lambda r: len(r.problem)).best_claim),
    ]
    team = [r for r in counted if r.collaboration]
    if team:
        best = max(team, key=lambda r: len(r.collaboration))
        found.append(("cultural_fit", _collaboration_sentence(best)))
    clearest = max(counted, key=lambda r: r.structure)
    first = (textkit.split_sentences(clearest.text) or [clearest.text])[0]
    found.append(("communication", first))
    return [{"criterion": name, "quote": quote(q)} for name, q in found]


def _collaboration_sentence(r: Reading) -> str:
    cues = tuple(c for group in COLLABORATION.values() for c in group)
    sentences = textkit.split_sentences(r.text)
    return next((s for s in sentences if find_cues(s.lower(), cues)), r.best_claim)


def levels(readings: list[Reading]) -> tuple[float, str, str]:
    """Return (confidence 0-10, comfort level, engagement level) from the wording."""
    counted = [r for r in readings if r.counts]
    hedges = sum(r.hedges for r in readings)
    actions = sum(r.actions for r in counted)
    confidence = round(min(10.0, max(0.0, 5.0 + 0.8 * actions - hedges)), 1)
    total_words = sum(r.words for r in readings)
    answered = len(readings)
    mean_words = total_words / answered if answered else 0.0
    hedge_rate = 100 * hedges / total_words if total_words else 0.0
    comfort = _level(
        high=mean_words >= 45 and hedge_rate <= 1.0,
        low=mean_words < 20 or hedge_rate > 4.0,
    )
    engagement = _level(
        high=answered == TOTAL_QUESTIONS and mean_words >= 50,
        low=answered < 3 or mean_words < 15,
    )
    return (confidence if counted else 0.0), comfort, engagement


def _level(*, high: bool, low: bool) -> str:
    return "high" if high else "low" if low else "medium"


def summary(
    answered: int,
    result: Scores,
    strengths: list[str],
    areas: list[str],
    recommendation: str,
    *,
    ended_early: bool,
) -> str:
    """Return the overall feedback paragraph."""
    return (
        f"{answered} of {TOTAL_QUESTIONS} questions answered"
        + (" before the interview was ended early" if ended_early else "")
        + f". Overall {result.overall}/10: technical {result.technical}, "
        f"communication {result.communication}, problem solving "
        f"{result.problem_solving}, cultural fit {result.cultural_fit}. "
        + (f"Strongest point: {strengths[0]} " if strengths else "")
        + (f"Main area to improve: {areas[0]} " if areas else "")
        + f"Recommendation: {recommendation.replace('_', ' ')}."
    )
