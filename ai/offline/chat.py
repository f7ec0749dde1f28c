"""Offline chat assistant: answers about OpenHire itself, deterministically.

It recognises what the user asks about from keywords (jobs, short links,
resume review, interviews, accounts and tokens, the chat, the AI engine, docs),
greetings, thanks and goodbyes. A goodbye that asks nothing else ends the
conversation (`sentiment="end"`). A short follow-up ("tell me more", "an
example?") continues the topic of the user's previous message. Anything else
gets a plain answer saying what the offline assistant knows and that a
configured model (`OPENHIRE_LLM=openai:<model>`) gives open-ended answers.
Same input, same output; well under a millisecond per reply.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from ai.types import AIMeta, ChatMessage, ChatReply

PROMPT_VERSION = "offline-chat-1"

MODEL_NOTE = (
    "I am OpenHire's built-in offline assistant, so I answer questions about "
    "OpenHire itself; for open-ended answers, an operator can configure a model "
    "with OPENHIRE_LLM=openai:<model> (OpenAI, or Ollama and any OpenAI-compatible "
    "server through OPENHIRE_LLM_BASE_URL)."
)
GREETING = "Hello! I'm the OpenHire assistant."
WELCOME_OFFER = (
    "Ask me how to post a job, share a short link, get a resume reviewed, take an "
    "AI interview, or get an API token."
)
THANKS = "You're welcome!"
GOODBYE = "Goodbye, and good luck with your hiring! Come back any time."
EMPTY = "I didn't catch a question. " + WELCOME_OFFER


@dataclass(frozen=True)
class Topic:
    """One thing the assistant can explain, found by its keywords."""

    name: str
    words: str  # space-separated keywords
    phrases: tuple[str, ...]
    answer: str
    detail: str


TOPICS: tuple[Topic, ...] = (
    Topic(
        "about",
        "openhire feature capabilities",
        (
            "what can you do",
            "what do you do",
            "what is this",
            "how does it work",
            "what are you",
            "who are you",
            "get started",
            "getting started",
        ),
        "OpenHire is an open-source hiring backend: recruiters post jobs and share "
        "short links, candidates get an AI review of their resume against a job and "
        "take a five-question AI interview over a WebSocket, and recruiters read "
        "ranked applications and interview reports through the REST API or the "
        "admin. " + WELCOME_OFFER,
        "A typical flow: POST /users to get a token, POST /jobs as a recruiter, "
        "share the job's /j/<code> link, candidates POST /review-resume and then "
        "open the interview WebSocket /ws/ai-interview. GET / lists every route "
        "with an example.",
    ),
    Topic(
        "account",
        (
            "user account token signup register registration login log "
            "auth authenticate authentication authorize authorization "
            "password admin credential key identity"
        ),
        ("sign up", "api key", "log in", "create an account"),
        'Create an account with POST /users and a body like {"email": '
        '"ana@example.com", "role": "recruiter", "name": "Ana"} (role is recruiter '
        "or candidate). The answer includes your API token once: keep it and send "
        "it as the header 'Authorization: Token <token>' (WebSocket clients may add "
        "?token=<token> instead).",
        "A duplicate email gets 409. GET /users/<id> shows your own user. "
        "Recruiters who also send a password can log into the Django admin at "
        "/admin and see only their own jobs, applications and interviews.",
    ),
    Topic(
        "jobs",
        (
            "job vacancy vacancies position opening posting salary "
            "recruiter listing hiring"
        ),
        ("post a job", "create a job", "job description"),
        "Recruiters create a job with POST /jobs (title, description, salary, skills, "
        "job_type, end_date; optional company_name, location, status, "
        "interview_duration). Anyone can list jobs with GET /jobs, filtered by "
        "recruiter_id, job_type or title and sorted with sort_by=created_at, "
        "salary or title and sort_order=asc or desc. PUT/PATCH /jobs/<id> changes "
        "and DELETE /jobs/<id> removes your own job.",
        "GET /jobs returns a plain JSON array with an X-Total-Count header and a "
        'Link header (rel="next") for the next page; page with limit and offset. '
        "Salary stays as you wrote it and is also read as a yearly range, so "
        "sort_by=salary sorts by money. Tip: list the skills the way candidates "
        "write them; the resume review matches against them.",
    ),
    Topic(
        "links",
        "link short share url code",
        ("short link", "/j/"),
        "Every job gets a short link in its job_link field, like /j/Ab3dE9xZ. "
        "Share it with candidates: GET /j/<code> returns the job (a full job id "
        "works there too).",
        "The code is eight URL-safe characters made when the job is created; it "
        "does not change when you edit the job.",
    ),
    Topic(
        "resume",
        "resume cv review pdf docx upload score application applicant",
        ("review my resume", "resume review"),
        'Send POST /review-resume with {"resume": "<resume text>", "job_id": '
        '"<job id>"}, or upload a PDF, DOCX or TXT as multipart field file with '
        "job_id. You get a score from 0 to 10, a review, pros and cons, with the "
        "requirements that matched (quoted from the resume) and those missing.",
        "The review matches the job's skills and requirements against the resume, "
        "including synonyms and years of experience. To improve a score, name your "
        "skills the way the job does and state your experience concretely. Names, "
        "gender, age and photos never count.",
    ),
    Topic(
        "interview",
        (
            "interview websocket socket question session result analysis "
            "feedback candidate ws"
        ),
        ("ai interview", "ws/ai-interview"),
        "Candidates take the AI interview over the WebSocket "
        "/ws/ai-interview?session_id=<id>&token=<token>: send "
        '{"type": "initialize_interview", "job_id": "...", "resume": "..."}, then '
        'answer each of the five questions with {"type": "submit_answer", '
        '"answer": "..."}. After the fifth answer you get the analysis with scores '
        "from 0 to 10 and a recommendation.",
        "The questions come in order: greeting, resume, follow_up, scenario, "
        "scenario_follow_up. GET /ai-interview/status/<session_id> shows progress, "
        "GET /ai-interview/results/<session_id> the analysis, and reconnecting with "
        'the same session_id resumes where you were. {"type": "end_interview"} '
        "finishes early.",
    ),
    Topic(
        "chat",
        "chat assistant sentiment conversation message",
        ("this chat", "talk to you"),
        'This chat is POST /chat with {"user_input": "...", "messages": [...]} '
        "where messages is the history of {type: system|human|ai, content}. The "
        "answer holds response, sentiment (continue, or end when you say goodbye) "
        "and the updated messages.",
        "A conversation is limited to 100 history entries and 32,000 characters; "
        "send the messages you got back to continue it.",
    ),
    Topic(
        "engine",
        "model ai llm openai ollama gpt engine offline langchain vllm llama",
        ("language model",),
        "OpenHire's AI runs offline by default: deterministic rules for resume "
        "review, interview questions and analysis, and this assistant. An operator "
        "can set OPENHIRE_LLM=openai:<model> with OPENAI_API_KEY, or point "
        "OPENHIRE_LLM_BASE_URL at Ollama, vLLM or any OpenAI-compatible server; if "
        "the model times out or fails, the offline engine answers instead.",
        "Every AI result records its engine, prompt version, model calls, tokens "
        "and latency, so you can tell which engine produced it.",
    ),
    Topic(
        "docs",
        "docs documentation swagger openapi endpoint route api health status schema",
        ("list of endpoints",),
        "GET / lists every HTTP and WebSocket route with a summary and an example; "
        "GET /docs is the interactive API documentation and GET /openapi.json the "
        "OpenAPI schema; GET /health reports the database and channel layer.",
        'Errors always look like {"detail": "...", "code": "..."}, with '
        'field errors under "errors" for bad input.',
    ),
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
    [
        "more",
        "example",
        "detail",
        "details",
        "elaborate",
        "else",
        "explain",
        "how",
        "why",
        "and",
    ]
)
QUESTION_WORDS = frozenset(
    [
        "how",
        "what",
        "where",
        "when",
        "why",
        "which",
        "can",
        "could",
        "do",
        "does",
        "is",
        "should",
        "who",
    ]
)

_WORD = re.compile(r"[a-z0-9][a-z0-9'/+#-]*")


def _stem(word: str) -> str:
    """Drop a plural `s` (`jobs` -> `job`); crude but the same on both sides."""
    word = word.strip("'-/")
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    """Lowercase, stemmed words of `text`."""
    return [_stem(word) for word in _WORD.findall(text.lower())]


_STEMMED: dict[str, frozenset[str]] = {
    topic.name: frozenset(_stem(word) for word in topic.words.split())
    for topic in TOPICS
}


def _has_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    return any(re.search(rf"(?<![a-z]){re.escape(p)}(?![a-z])", text) for p in phrases)


def _topic_scores(text: str) -> list[tuple[int, Topic]]:
    """Score each topic for `text`; best first, ties in `TOPICS` order."""
    lowered = text.lower()
    words = set(_words(lowered))
    scored = []
    for index, topic in enumerate(TOPICS):
        score = len(words & _STEMMED[topic.name]) + 2 * sum(
            1 for phrase in topic.phrases if phrase in lowered
        )
        if score:
            scored.append((score, -index, topic))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [(score, topic) for score, _, topic in scored]


def _best_topics(text: str) -> list[Topic]:
    """The topic(s) a message is about: the best, and a second one asked clearly."""
    scored = _topic_scores(text)
    if not scored:
        return []
    return [scored[0][1]] + [topic for score, topic in scored[1:2] if score >= 2]


def _previous_topic(history: list[ChatMessage], user_input: str) -> Topic | None:
    """The topic of the user's latest earlier message that had one."""
    human = [m.content for m in history if m.type in ("human", "user")]
    if human and human[-1].strip() == user_input.strip():
        human = human[:-1]  # the client already put the current message last
    for content in reversed(human[-5:]):
        topics = _best_topics(content)
        if topics:
            return topics[0]
    return None


def answer(*, user_input: str, history: list[ChatMessage]) -> tuple[str, str]:
    """Return (response text, sentiment) for one message; pure and deterministic."""
    text = " ".join(user_input.split())
    lowered = text.lower()
    words = _words(lowered)
    word_set = set(words)
    if not words:
        return EMPTY, "continue"

    greeted = bool(word_set & GREETING_WORDS) or _has_phrase(lowered, GREETING_PHRASES)
    thanked = bool(word_set & THANKS_WORDS)
    farewell = bool(word_set & GOODBYE_WORDS) or _has_phrase(lowered, GOODBYE_PHRASES)
    asks = "?" in text or (words[0] in QUESTION_WORDS)
    topics = _best_topics(text)

    if farewell and not asks:
        return (f"{THANKS} {GOODBYE}" if thanked else GOODBYE), "end"

    parts: list[str] = []
    if greeted:
        parts.append(GREETING)
    if thanked and not topics:
        parts.append(THANKS)

    if topics:
        parts.extend(topic.answer for topic in topics)
    elif word_set & FOLLOW_UP_WORDS and len(words) <= 8:
        previous = _previous_topic(history, user_input)
        if previous is not None:
            parts.append(previous.detail)
        elif not greeted and not thanked:
            parts.append(MODEL_NOTE + " " + WELCOME_OFFER)
    elif words == ["help"]:
        parts.append(TOPICS[0].answer)
    elif greeted or thanked:
        parts.append(WELCOME_OFFER if greeted else "Anything else I can help with?")
    else:
        parts.append(MODEL_NOTE + " " + WELCOME_OFFER)

    if topics and topics[0].name == "about":
        parts.append(MODEL_NOTE)
    return " ".join(parts), "continue"


def reply(*, user_input: str, history: list[ChatMessage], started: float) -> ChatReply:
    """Answer one chat message offline."""
    response, sentiment = answer(user_input=user_input, history=history)
    meta = AIMeta(
        "offline",
        PROMPT_VERSION,
        latency_ms=round((time.perf_counter() - started) * 1000, 3),
    )
    return ChatReply(response, sentiment, meta)
