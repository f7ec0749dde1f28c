"""Offline chat assistant: answers candidates' and recruiters' questions, offline.

It recognises what the person asks (`ai.offline.intents`: applying, file
formats, how the score works, improving a score, preparing for an interview
in their field, a dropped connection, fairness, results, seeing and ranking
applicants, moving a candidate, posting and sharing jobs, accounts, data
export and erasure, the AI engine, the docs), greetings, thanks and goodbyes.
A goodbye that asks nothing else ends the conversation (`sentiment="end"`). A
short follow-up ("tell me more") continues the previous question's intent.
Anything else gets an honest "I can't help with that", with what it can do.
Same input, same output; well under a millisecond per reply.
"""

from __future__ import annotations

import time

from ai.offline import fields, intents
from ai.offline import text as textkit
from ai.offline.cues import find_cues
from ai.offline.intents import Intent
from ai.types import AIMeta, ChatMessage, ChatReply

PROMPT_VERSION = "offline-chat-2"

MODEL_NOTE = (
    "I am OpenHire's built-in offline assistant, so I answer questions about "
    "OpenHire itself; for open-ended answers, an operator can configure a model "
    "with OPENHIRE_LLM=openai:<model> (OpenAI, or Ollama and any OpenAI-compatible "
    "server through OPENHIRE_LLM_BASE_URL)."
)
GREETING = "Hello! I'm the OpenHire assistant."
WELCOME_OFFER = (
    "Ask me how to apply and get your resume reviewed, how the AI interview "
    "works and how to prepare for it, how to post a job and share it, or how to "
    "see and rank your applicants."
)
CANT_HELP = (
    "I can't help with that. Here is what I can do: explain how to apply and how "
    "your resume is scored, help you prepare for the AI interview in your field, "
    "say what happens if your connection drops, and show recruiters how to post "
    "jobs, rank applicants and move candidates along."
)
THANKS = "You're welcome!"
GOODBYE = "Goodbye, and good luck with your hiring! Come back any time."
EMPTY = "I didn't catch a question. " + WELCOME_OFFER
PREP_TIPS = (
    "Answer the question you were asked with one real example: the situation, "
    "what you did and in what order, the numbers, and the result; say how you "
    "checked that it worked and what you would do differently. Lists of "
    "keywords, padding and repeating the question earn nothing."
)

GREETING_WORDS = frozenset(
    ["hi", "hello", "hey", "hiya", "howdy", "greetings", "yo", "hola", "bonjour"]
)
GREETING_PHRASES = ("good morning", "good afternoon", "good evening")
THANKS_WORDS = frozenset(["thanks", "thank", "thx", "ty", "cheers"])
GOODBYE_WORDS = frozenset(["bye", "goodbye", "farewell", "ttyl", "exit", "quit"])
GOODBYE_PHRASES = (
    "good bye",
    "bye-bye",
    "see you",
    "see ya",
    "that's all",
    "thats all",
    "that is all",
    "that's it",
    "thats it",
    "i'm done",
    "im done",
    "i am done",
    "no more questions",
    "nothing else",
    "end chat",
    "end the chat",
    "have a nice day",
    "have a good day",
    "talk later",
    "talk to you later",
)
FOLLOW_UP_WORDS = frozenset(
    ["more", "example", "detail", "details", "elaborate", "else", "explain", "how"]
    + ["why", "and"]
)
# Words about applying itself: they say nothing about the person's field.
PROCESS_WORDS = frozenset(
    "interview interviews job jobs application apply applying resume cv role "
    "position tips tip prepare".split()
)
QUESTION_WORDS = frozenset(
    "how what where when why which can could do does is should who".split()
)


def _previous_intent(history: list[ChatMessage], user_input: str) -> Intent | None:
    """The intent of the person's latest earlier message that had one."""
    human = [m.content for m in history if m.type in ("human", "user")]
    if human and human[-1].strip() == user_input.strip():
        human = human[:-1]  # the client already put the current message last
    for content in reversed(human[-5:]):
        found = intents.route(content)
        if found:
            return found[0]
    return None


def interview_prep(text: str, history: list[ChatMessage]) -> str:
    """Prepare the person for the interview of their field (from what they said)."""
    said = " ".join([m.content for m in history if m.type in ("human", "user")][-3:])
    kept = [w for w in textkit.words(f"{text} {said}") if w not in PROCESS_WORDS]
    name = fields.field_named_in(" ".join(kept))
    profile = fields.profiles().get(name)
    if profile is None or name == fields.GENERAL:
        return (
            "The interview asks five questions: an introduction, a piece of work "
            "from your resume, a follow-up, a situation from your field and a "
            f"follow-up on your approach. {PREP_TIPS} Tell me your field and I'll "
            "say which situations to expect."
        )
    situations = "; ".join(s.name.replace("_", " ") for s in profile.scenarios)
    return (
        f"For a {profile.label.lower()} interview, expect one question about a "
        f"situation from the work, such as: {situations}. Think through how you "
        f"would act, whom you would involve and how you would check the result. "
        f"{PREP_TIPS}"
    )


def _respond(intent: Intent, text: str, history: list[ChatMessage]) -> str:
    if intent.name == "interview_prep":
        return interview_prep(text, history)
    return intent.answer


def _social(text: str, lowered: str, words: list[str]) -> tuple[bool, bool, bool, bool]:
    """Return (greeted, thanked, said goodbye, asked something) for a message."""
    word_set = set(words)
    greeted = bool(word_set & GREETING_WORDS) or bool(
        find_cues(lowered, GREETING_PHRASES)
    )
    thanked = bool(word_set & THANKS_WORDS)
    farewell = bool(word_set & GOODBYE_WORDS) or bool(
        find_cues(lowered, GOODBYE_PHRASES)
    )
    asks = "?" in text or words[0] in QUESTION_WORDS
    return greeted, thanked, farewell, asks


def _without_intent(
    words: list[str], history: list[ChatMessage], user_input: str, social: bool
) -> str:
    """Answer a message no intent matched: a follow-up, help, or an honest no."""
    if set(words) & FOLLOW_UP_WORDS and len(words) <= 8:
        previous = _previous_intent(history, user_input)
        if previous is not None:
            return previous.detail
    if words == ["help"]:
        return intents.BY_NAME["about"].answer + " " + WELCOME_OFFER
    if social:
        return ""
    return f"{CANT_HELP} {MODEL_NOTE}"


def answer(*, user_input: str, history: list[ChatMessage]) -> tuple[str, str]:
    """Return (response text, sentiment) for one message; pure and deterministic."""
    text = " ".join(user_input.split())
    lowered = text.lower()
    words = textkit.words(lowered)
    if not words:
        return EMPTY, "continue"
    greeted, thanked, farewell, asks = _social(text, lowered, words)
    if farewell and not asks:
        return (f"{THANKS} {GOODBYE}" if thanked else GOODBYE), "end"
    found = intents.route(text)
    parts = [GREETING] if greeted else []
    if thanked and not found:
        parts.append(THANKS)
    parts.extend(_respond(intent, text, history) for intent in found)
    if not found:
        parts.append(_without_intent(words, history, user_input, greeted or thanked))
    if found and found[0].name == "about":
        parts.extend([WELCOME_OFFER, MODEL_NOTE])
    if (greeted or thanked) and not found and not parts[-1]:
        parts[-1] = WELCOME_OFFER if greeted else "Anything else I can help with?"
    return " ".join(p for p in parts if p), "continue"


def reply(*, user_input: str, history: list[ChatMessage], started: float) -> ChatReply:
    """Answer one chat message offline."""
    response, sentiment = answer(user_input=user_input, history=history)
    meta = AIMeta(
        "offline",
        PROMPT_VERSION,
        latency_ms=round((time.perf_counter() - started) * 1000, 3),
    )
    return ChatReply(response, sentiment, meta)
