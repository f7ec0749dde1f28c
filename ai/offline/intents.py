"""What people ask the OpenHire assistant, and what it answers.

Each `Intent` is a question candidates or recruiters really ask (how to
apply, what happens if the connection drops, how to rank applicants...),
found by its phrases and word forms, with an answer written to the person and
a longer `detail` for "tell me more". Use it as::

    from ai.offline import intents
    [i.name for i in intents.route("How do I reject an applicant?")]
    # ["move_candidate"]

Routing scores every intent: 2 per phrase found, 1 per keyword whose word
form appears; the best wins, ties in table order (specific before general),
and a second intent is added when it was asked clearly (score >= 2). Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ai.offline.cues import find_cues

CLEAR = 2  # the score of a second intent worth answering too


@dataclass(frozen=True)
class Intent:
    """One kind of question, how to recognise it, and the answer to give."""

    name: str
    words: str  # space-separated keywords, matched by word form
    phrases: tuple[str, ...]
    answer: str
    detail: str


INTENTS: tuple[Intent, ...] = (
    Intent(
        "apply",
        "apply",
        ("job link", "what do i do now", "send my cv", "submit my resume", "reviewed"),
        "To apply, open the job's link and send your resume (PDF, DOCX or text): "
        "your app posts it with the job's id to POST /review-resume. You get a "
        "score from 0 to 10 at once, with what matched the job, what is missing, "
        "and tips; the recruiter sees your application with the same review.",
        "The review reads your resume against the job's requirements, including "
        "synonyms and years of experience, and quotes the lines that count. After "
        "applying you can take the AI interview for the job.",
    ),
    Intent(
        "formats",
        "pdf docx doc txt format file type",
        ("word document", "file type", "what files"),
        "You can send your resume as a PDF, a Word document (DOCX) or plain text, "
        "up to the upload limit (10 MB unless the operator changed it). Scanned "
        "images are not read, so make sure your PDF has selectable text.",
        "Only text a human reader would see counts: white or tiny hidden text is "
        "dropped and flagged. Old .doc files should be saved as DOCX first.",
    ),
    Intent(
        "improve_score",
        "improve low raise increase",
        ("score so low", "low score", "why is my score", "better score", "improve it"),
        "To raise your score, show each requirement of the job in use: a line "
        "that says what you did with it, for how long and with what result "
        '("Reconciled 14 accounts monthly in NetSuite"), not a bare skills '
        "list. Use the job's own words where they are true for you, and state "
        "your years of experience with dates.",
        "Your review lists the requirements it found and the ones it missed: "
        "start with the missing ones you really have. Keyword blocks and hidden "
        "text are flagged and lower trust rather than raising the score.",
    ),
    Intent(
        "review_score",
        "calculate score scoring human person recruiter decide",
        (
            "score calculated",
            "how is my score",
            "how does the score",
            "real person",
            "only the ai",
            "who decides",
        ),
        "Your score compares your resume with the job's requirements: each "
        "requirement shown in your work counts, a skill listed without use counts "
        "little, and years of experience are read from your dates. The score is "
        "advice for the recruiter, not a decision: a person reviews your "
        "application, your resume and your interview, and decides.",
        "Every score comes with its evidence: the requirements matched, quoted "
        "from your resume, and those missing. The same resume for the same job "
        "always gets the same score.",
    ),
    Intent(
        "interview_prep",
        "prepare preparation tip practice ready advice",
        ("prepare for", "get ready", "any tips"),
        "",  # built for the person's field by the chat module
        "The interview asks five questions: an introduction, one piece of work "
        "from your resume, a follow-up on it, a situation from your field, and a "
        "follow-up on your approach.",
    ),
    Intent(
        "connection",
        "connection internet drop disconnect crash reconnect refresh wifi offline "
        "lose lost",
        ("connection drops", "closed the tab", "lost my", "went offline"),
        "Don't worry: your interview is saved after every answer. Reconnect with "
        "the same link (the same session id) and you continue at the question you "
        "were on; answers you already sent are kept. A finished interview shows "
        "its results again.",
        "Nothing is lost when a connection drops: every answer is stored before "
        "the next question is sent, on whichever server you reach.",
    ),
    Intent(
        "fairness",
        "fair bias biased age gender race photo picture religion discriminate "
        "ethnicity disability nationality",
        ("look at my", "use my photo"),
        "The AI never reads your name, age, gender, photo, ethnicity or emotions: "
        "it scores only what you did and said about the job, with the evidence "
        "quoted, and the same answers always get the same score. A recruiter "
        "makes the decision.",
        "Ages and personal details in a resume or an answer are skipped by the "
        "scoring, and instructions hidden in a resume are ignored and flagged.",
    ),
    Intent(
        "results",
        "result analysis feedback report",
        ("see my score", "my results", "how did i do"),
        "Your results appear as soon as you send your fifth answer (a "
        "submit_answer message): scores from 0 to 10, strengths, areas to "
        "improve and a recommendation, with a score and reasons for each answer. "
        "You can read them again later at GET /ai-interview/results/<session_id>.",
        "Recruiters see the same analysis for their own jobs; a finished "
        "interview is a record and cannot be retaken.",
    ),
    Intent(
        "interview_how",
        "interview question websocket ws session",
        ("ai interview", "how many questions", "interview work", "ws/ai-interview"),
        "The AI interview is five questions, answered in writing: an "
        "introduction, a piece of work from your resume, a follow-up on it, a "
        "situation from your field, and a follow-up on your approach. Apps open "
        "the WebSocket /ws/ai-interview?session_id=<id>&token=<token>, send "
        '{"type": "initialize_interview", "job_id": "...", "resume": "..."} and '
        'answer each question with {"type": "submit_answer", "answer": "..."}.',
        "The questions come in order: greeting, resume, follow_up, scenario, "
        "scenario_follow_up. GET /ai-interview/status/<session_id> shows progress, "
        "GET /ai-interview/results/<session_id> the analysis, and reconnecting with "
        'the same session_id resumes where you were. {"type": "end_interview"} '
        "finishes early.",
    ),
    Intent(
        "move_candidate",
        "move stage reject advance status hire",
        ("next stage", "move a candidate", "interview stage", "change the status"),
        "To move a candidate along, change their application's status: PATCH "
        '/applications/<id> with {"status": "reviewing"}, "interview_scheduled", '
        '"interviewed", "hired" or "rejected". Only the recruiter who owns the '
        "job can do it; the admin site offers the same.",
        "Statuses go applied, reviewing, interview_scheduled, interviewed, then "
        "hired or rejected. The candidate can read their application's status.",
    ),
    Intent(
        "applicants",
        "applicant applicants rank ranking shortlist candidate applied",
        ("who applied", "see applicants", "applications for my", "best candidates"),
        "Your applicants are listed best first at GET /jobs/<job_id>/applications "
        "(only for your own jobs): each with the resume score, the review's "
        "evidence and the interview results once taken. Open one with GET "
        "/applications/<id>.",
        "The ranking is by score, then by date. Read the evidence, not only the "
        "number: the score is advice, the decision is yours.",
    ),
    Intent(
        "find_jobs",
        "sort filter search browse salary",
        ("find jobs", "search jobs", "list jobs", "sort jobs"),
        "Browse jobs with GET /jobs: filter by title, job_type or recruiter_id, "
        "and sort with sort_by=created_at, salary or title and sort_order=asc or "
        "desc. Salaries are read as yearly ranges, so sorting by salary sorts by "
        "money.",
        "GET /jobs returns a plain JSON array with an X-Total-Count header and a "
        'Link header (rel="next") for the next page; page with limit and offset.',
    ),
    Intent(
        "post_job",
        "post publish edit vacancy posting listing",
        ("post a job", "create a job", "job description", "edit my job", "new job"),
        "To post a job, send POST /jobs with its title, description, salary, "
        "skills, job_type and end_date (company_name, location and status are "
        "optional). You can change it later with PUT or PATCH /jobs/<id>, pause it "
        "with PATCH /jobs/<id>/status, or remove it with DELETE /jobs/<id>.",
        "GET /jobs returns a plain JSON array with an X-Total-Count header and a "
        'Link header (rel="next") for the next page; page with limit and offset. '
        "Tip: list the skills the way candidates write them, and describe the "
        "duties: the interview's scenario comes from them.",
    ),
    Intent(
        "share_link",
        "link share short url code",
        ("short link", "/j/", "share my job", "share a job", "share the job"),
        "Every job gets a short link in its job_link field, like /j/Ab3dE9xZ. "
        "Share it with candidates: GET /j/<code> returns the job (a full job id "
        "works there too).",
        "The code is eight URL-safe characters made when the job is created; it "
        "does not change when you edit the job.",
    ),
    Intent(
        "data",
        "export download erase delete privacy gdpr store",
        ("delete my account", "my data", "about me", "remove my"),
        "You can download everything OpenHire holds about you with GET "
        "/users/me/export, and erase your account with DELETE /users/me: your "
        "resumes, files, reviews and interviews go with it.",
        "Erasure removes stored files too. Tokens can also be revoked one by one "
        "at DELETE /auth/tokens/<id>.",
    ),
    Intent(
        "account",
        "account token signup register login auth authenticate authentication "
        "authorize authorization password admin credential identity",
        ("sign up", "api key", "log in", "create an account"),
        'Create an account with POST /users and a body like {"email": '
        '"ana@example.com", "role": "recruiter", "name": "Ana"} (role is recruiter '
        "or candidate). The answer includes your API token once: keep it and send "
        "it as the header 'Authorization: Token <token>' (WebSocket clients may "
        "add ?token=<token> instead).",
        "A duplicate email gets 409. GET /users/<id> shows your own user. "
        "Recruiters who also send a password can log into the Django admin at "
        "/admin and see only their own jobs, applications and interviews.",
    ),
    Intent(
        "model",
        "model llm openai ollama gpt engine offline langchain vllm llama",
        ("language model", "own key", "local model"),
        "OpenHire's AI runs offline by default: deterministic rules for resume "
        "review, interview questions and analysis, and this assistant. An operator "
        "can set OPENHIRE_LLM=openai:<model> with OPENAI_API_KEY, or point "
        "OPENHIRE_LLM_BASE_URL at Ollama, vLLM or any OpenAI-compatible server; if "
        "the model times out or fails, the offline engine answers instead.",
        "Every AI result records its engine, prompt version, model calls, tokens "
        "and latency, so you can tell which engine produced it.",
    ),
    Intent(
        "docs",
        "docs documentation swagger openapi endpoint route health schema",
        ("list of endpoints", "api documentation"),
        "GET / lists every HTTP and WebSocket route with a summary and an example; "
        "GET /docs is the interactive API documentation and GET /openapi.json the "
        "OpenAPI schema; GET /health reports the database and channel layer.",
        'Errors always look like {"detail": "...", "code": "..."}, with '
        'field errors under "errors" for bad input.',
    ),
    Intent(
        "chat",
        "chat assistant sentiment conversation",
        ("this chat", "talk to you"),
        'This chat is POST /chat with {"user_input": "...", "messages": [...]} '
        "where messages is the history of {type: system|human|ai, content}. The "
        "answer holds response, sentiment (continue, or end when you say goodbye) "
        "and the updated messages.",
        "A conversation is limited to 100 history entries and 32,000 characters; "
        "send the messages you got back to continue it.",
    ),
    Intent(
        "about",
        "openhire feature capability",
        (
            "what can you do",
            "what do you do",
            "what is this",
            "how does it work",
            "who are you",
            "get started",
            "getting started",
        ),
        "OpenHire is an open-source hiring backend: recruiters post jobs and share "
        "short links, candidates get an AI review of their resume against a job and "
        "take a five-question AI interview, and recruiters read ranked "
        "applications and interview reports.",
        "A typical flow: POST /users to get a token, POST /jobs as a recruiter, "
        "share the job's /j/<code> link, candidates POST /review-resume and then "
        "open the interview WebSocket /ws/ai-interview. GET / lists every route "
        "with an example.",
    ),
)
BY_NAME = {intent.name: intent for intent in INTENTS}


@lru_cache(maxsize=1)
def _keywords() -> dict[str, tuple[str, ...]]:
    return {intent.name: tuple(intent.words.split()) for intent in INTENTS}


def scores(text: str) -> list[tuple[int, Intent]]:
    """Score each intent for `text`; best first, ties in table order."""
    lowered = " ".join(text.lower().split())
    keywords = _keywords()
    scored = []
    for index, intent in enumerate(INTENTS):
        score = len(find_cues(lowered, keywords[intent.name])) + 2 * len(
            find_cues(lowered, intent.phrases)
        )
        if score:
            scored.append((score, -index, intent))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [(score, intent) for score, _, intent in scored]


def route(text: str) -> list[Intent]:
    """Return the intent(s) a message asks about: the best, and a clear second."""
    scored = scores(text)
    if not scored:
        return []
    return [scored[0][1]] + [i for s, i in scored[1:2] if s >= CLEAR]
