"""The chat-routing study: realistic questions and the intent each should reach.

Written before the router was run. Candidates and recruiters, in their own
words; `unknown` marks questions the assistant should decline honestly.
"""

from __future__ import annotations

QUESTIONS: list[tuple[str, str]] = [
    # candidates
    ("How do I apply for this job?", "apply"),
    ("I got a job link from a recruiter, what do I do now?", "apply"),
    ("Can I upload my CV as a Word document?", "formats"),
    ("What file types do you accept for resumes?", "formats"),
    ("How is my resume score calculated?", "review_score"),
    ("Does a real person look at my application or only the AI?", "review_score"),
    ("My resume got 4 out of 10. How can I improve it?", "improve_score"),
    ("Why is my score so low?", "improve_score"),
    ("How should I prepare for the interview? I'm a nurse.", "interview_prep"),
    ("Any tips for my sales manager interview?", "interview_prep"),
    ("How does the AI interview work?", "interview_how"),
    ("How many questions are in the interview?", "interview_how"),
    ("What happens if my internet drops during the interview?", "connection"),
    ("My browser crashed halfway through the interview, did I lose it?", "connection"),
    ("Does the AI look at my age or gender?", "fairness"),
    ("Is the scoring fair? Do you use my photo?", "fairness"),
    ("Where can I see my interview results?", "results"),
    # recruiters
    ("How do I post a job?", "post_job"),
    ("Can I edit my job posting after it's published?", "post_job"),
    ("How do I share my job with candidates?", "share_link"),
    ("How do I see who applied to my job?", "applicants"),
    ("Can I rank the candidates for my opening?", "applicants"),
    ("How do I move a candidate to the interview stage?", "move_candidate"),
    ("How do I reject an applicant?", "move_candidate"),
    ("Can I use my own OpenAI key or a local model like Ollama?", "model"),
    ("Which AI model do you use?", "model"),
    # everyone
    ("How do I get an API token?", "account"),
    ("How do I delete my account and all my data?", "data"),
    ("Can I download everything you store about me?", "data"),
    ("Where is the API documentation?", "docs"),
    # outside what the assistant can do
    ("What's the weather in Paris tomorrow?", "unknown"),
    ("Can you write my cover letter for me?", "unknown"),
    ("Who will win the world cup?", "unknown"),
    ("Tell me a joke about cats", "unknown"),
]
