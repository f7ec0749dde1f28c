"""A small vocabulary of skills with synonyms, word forms and implications.

Use it as::

    from ai.offline import skills
    skills.find_skills("Built REST APIs on Postgres and k8s")
    # ["REST APIs", "PostgreSQL", "Kubernetes"]
    skill = skills.lookup("Postgres")             # the Skill "PostgreSQL"
    skill.mentioned_in("Tuned postgresql indexes")  # True
    skills.phrase_matcher("Figma prototyping")    # a matcher for unknown phrases

Aliases are matched case-insensitively on word boundaries, with an optional
plural ("REST API" also finds "REST APIs"). An alias written `=Go` is matched
case-sensitively (so "go" the verb is not the Go language); an alias written
`~regex` is a raw regular expression. `implies` lists skills a mention also
evidences, partially (MySQL implies SQL). Pure: no Django, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Skill:
    """One skill: its display name, the ways resumes write it, what it implies."""

    name: str
    aliases: tuple[str, ...]
    implies: tuple[str, ...] = ()
    key: str = field(default="", compare=False)

    @cached_property
    def _patterns(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        folded: list[str] = []
        exact: list[str] = []
        exact_names = {alias[1:].lower() for alias in self.aliases if alias[:1] == "="}
        names = (
            self.aliases
            if self.name.lower() in exact_names
            else (self.name, *self.aliases)
        )
        for alias in names:
            if alias.startswith("~"):
                folded.append(alias[1:])
            elif alias.startswith("="):
                exact.append(_alias_regex(alias[1:], after=_AFTER_EXACT))
            else:
                folded.append(_alias_regex(alias.lower()))
        insensitive = (
            re.compile("|".join(f"(?:{p})" for p in folded), re.IGNORECASE)
            if folded
            else None
        )
        sensitive = re.compile("|".join(f"(?:{p})" for p in exact)) if exact else None
        return insensitive, sensitive

    def mentioned_in(self, text: str) -> bool:
        """Say whether `text` mentions this skill under any of its names."""
        return any(p.search(text) for p in self._patterns if p)

    def first_position(self, text: str) -> int:
        """Return where the skill is first mentioned in `text`, or -1."""
        insensitive, sensitive = self._patterns
        found = [
            m.start()
            for p in (insensitive, sensitive)
            if p
            for m in [p.search(text)]
            if m
        ]
        return min(found) if found else -1


_BEFORE = r"(?<![A-Za-z0-9+#.])"
_AFTER = r"(?![A-Za-z0-9+#&])"
_AFTER_EXACT = r"(?![A-Za-z0-9+#&\-])"


def _alias_regex(alias: str, after: str = _AFTER) -> str:
    """Return the regex of one alias: flexible separators, optional plural."""
    parts = [re.escape(part) for part in re.split(r"[\s\-_]+", alias.strip()) if part]
    body = r"[\s\-_]*".join(parts)
    if alias[-1:].isalpha() and not alias.endswith("s") and len(alias) > 2:
        body += "(?:e?s)?"
    start = _BEFORE if alias[:1].isalnum() else r"(?<![A-Za-z0-9])"
    return f"{start}{body}{after}"


def _skill(name: str, *aliases: str, implies: tuple[str, ...] = ()) -> Skill:
    return Skill(name=name, aliases=aliases, implies=implies, key=name.lower())


_TESTING = ("Automated testing",)

VOCABULARY: tuple[Skill, ...] = (
    # languages
    _skill("Python", "python3", "cpython"),
    _skill("JavaScript", "=JS", "ecmascript", "es6", "es2015", "vanilla js"),
    _skill("TypeScript", "=TS", implies=("JavaScript",)),
    _skill("Java", "jvm", "java 8", "java 11", "java 17"),
    _skill("Go", "=Go", "golang"),
    _skill("Rust", "=Rust", "rustlang"),
    _skill("Ruby", "=Ruby"),
    _skill("C", "=C", "ansi c"),
    _skill("C++", "cpp", "c plus plus"),
    _skill("C#", "csharp", "c sharp"),
    _skill("PHP", "laravel", "symfony"),
    _skill("Kotlin"),
    _skill("Swift", "=Swift", "swiftui"),
    _skill("Scala"),
    _skill("R", "=R", "r language", "rstudio", "tidyverse", "ggplot2"),
    _skill("Julia", "=Julia", "julialang"),
    _skill("SQL", "t-sql", "pl/sql"),
    _skill("HTML", "html5", "xhtml"),
    _skill("CSS", "css3", "stylesheets"),
    _skill("Bash", "shell scripting", "shell scripts", "zsh"),
    # back-end frameworks
    _skill("Django", "django orm"),
    _skill(
        "Django REST Framework",
        "=DRF",
        "django rest framework",
        implies=("Django", "REST APIs"),
    ),
    _skill("Flask", implies=("Python",)),
    _skill("FastAPI", "fast api", implies=("Python",)),
    _skill("Celery", implies=("Message queues",)),
    _skill("Node.js", "nodejs", "node js", "=Node", implies=("JavaScript",)),
    _skill("Express", "express.js", "expressjs", "=Express", implies=("Node.js",)),
    _skill("Spring Boot", "spring framework", "spring mvc", implies=("Java",)),
    _skill("Ruby on Rails", "rails", "=RoR", implies=("Ruby",)),
    _skill(".NET", "dotnet", "asp.net", implies=("C#",)),
    # front-end
    _skill("React", "react.js", "reactjs", "react native", implies=("JavaScript",)),
    _skill("Next.js", "nextjs", "next js", implies=("React",)),
    _skill("Vue", "vue.js", "vuejs", "nuxt", implies=("JavaScript",)),
    _skill("Angular", "angularjs", implies=("TypeScript",)),
    _skill("Redux", implies=("React",)),
    _skill("Sass", "scss", implies=("CSS",)),
    _skill("Tailwind", "tailwind css", "tailwindcss", implies=("CSS",)),
    _skill(
        "Accessibility",
        "accessible",
        "a11y",
        "wcag",
        "=ARIA",
        "screen reader",
        "screen readers",
    ),
    _skill("Design system", "design systems", "component library", "ui kit"),
    _skill(
        "Performance profiling",
        "profiling",
        "web vitals",
        "core web vitals",
        "lighthouse",
        "largest contentful paint",
    ),
    _skill("Responsive design", "responsive web", "mobile-first"),
    _skill("Figma", "sketch app"),
    # testing
    _skill(
        "Automated testing",
        "automated test",
        "unit test",
        "unit tests",
        "unit testing",
        "integration test",
        "integration testing",
        "end-to-end test",
        "e2e test",
        "test suite",
        "test suites",
        "test coverage",
        "=TDD",
        "test-driven",
        "test driven development",
    ),
    _skill("pytest", "py.test", implies=("Automated testing", "Python")),
    _skill("Jest", implies=_TESTING),
    _skill("Testing Library", "react testing library", implies=_TESTING),
    _skill("Playwright", implies=_TESTING),
    _skill("Cypress", implies=_TESTING),
    _skill("Selenium", implies=_TESTING),
    # data
    _skill("pandas", implies=("Python",)),
    _skill("NumPy", implies=("Python",)),
    _skill("scikit-learn", "sklearn", "scikit learn", implies=("Machine learning",)),
    _skill("TensorFlow", "keras", implies=("Machine learning",)),
    _skill("PyTorch", "torch", implies=("Machine learning",)),
    _skill("XGBoost", "lightgbm", implies=("Machine learning",)),
    _skill("Spark", "apache spark", "pyspark", "=Spark"),
    _skill(
        "Statistics",
        "statistical",
        "stats",
        "statistician",
        "hypothesis testing",
        "bayesian",
    ),
    _skill(
        "A/B testing",
        "a/b test",
        "a/b tests",
        "ab testing",
        "ab test",
        "split test",
        "split testing",
        "a/b experiments",
    ),
    _skill(
        "Machine learning",
        "=ML",
        "predictive model",
        "predictive modelling",
        "predictive modeling",
        "prediction model",
        "classification model",
        "regression model",
    ),
    _skill("Causal inference", "causal analysis", "causal modelling"),
    _skill(
        "Time-series forecasting",
        "time series",
        "timeseries",
        "forecasting",
        "forecast",
        "demand forecasting",
    ),
    _skill("Experimentation platform", "experiment platform", "experimentation"),
    _skill("Tableau", "power bi", "looker"),
    _skill("Deep learning", "neural network", "neural networks"),
    _skill("NLP", "natural language processing"),
    # data stores and messaging
    _skill("PostgreSQL", "postgres", "psql", "postgis", implies=("SQL",)),
    _skill("MySQL", "mariadb", implies=("SQL",)),
    _skill("SQLite", implies=("SQL",)),
    _skill("Snowflake", implies=("SQL",)),
    _skill("BigQuery", "big query", implies=("SQL",)),
    _skill("MongoDB", "mongo"),
    _skill("Redis"),
    _skill("Elasticsearch", "elastic search", "opensearch"),
    _skill("Kafka"),
    _skill("RabbitMQ", "rabbit mq", implies=("Message queues",)),
    _skill(
        "Message queues",
        "message queue",
        "task queue",
        "task queues",
        "job queue",
        "queue",
        "queueing",
    ),
    _skill("Caching", "cache", "caches", "memcached"),
    _skill(
        "Query optimisation",
        "query optimization",
        "query tuning",
        r"~\btun(?:e|ed|ing)\b[^.\n]{0,40}\bquer(?:y|ies)\b",
        r"~\boptimi[sz](?:e|ed|ing)\b[^.\n]{0,40}\bquer(?:y|ies)\b",
    ),
    # infrastructure
    _skill(
        "Docker",
        "dockerfile",
        "docker compose",
        "containerised",
        "containerized",
        "containerisation",
        "containerization",
    ),
    _skill("Kubernetes", "k8s", "=EKS", "=GKE", "=AKS", "helm chart", "openshift"),
    _skill("AWS", "amazon web services", "=EC2", "=ECS", "=S3", "aws lambda"),
    _skill("GCP", "google cloud", "google cloud platform"),
    _skill("Azure", "microsoft azure"),
    _skill("Terraform", "infrastructure as code", "=IaC"),
    _skill("Ansible"),
    _skill(
        "CI/CD",
        "ci/cd",
        "continuous integration",
        "continuous delivery",
        "continuous deployment",
        "github actions",
        "gitlab ci",
        "jenkins",
        "circleci",
    ),
    _skill("Linux", "unix", "ubuntu", "debian"),
    _skill("Git", "=Git", "version control"),
    _skill("Prometheus", "grafana", "observability", "datadog"),
    _skill(
        "On-call",
        "on call",
        "pagerduty",
        "incident response",
        "incident reviews",
        "incident management",
        "on-call rotation",
    ),
    # APIs and architecture
    _skill(
        "REST APIs",
        "=REST",
        "rest api",
        "restful",
        "rest endpoint",
        "rest endpoints",
        "rest services",
        "http api",
        "web api",
        implies=("API design",),
    ),
    _skill("GraphQL", implies=("API design",)),
    _skill("gRPC", "protobuf", "protocol buffers"),
    _skill("API design", "api design", "designing apis", "openapi", "swagger"),
    _skill("Microservices", "microservice", "service-oriented"),
    # ways of working
    _skill("Agile", "scrum", "kanban"),
    _skill("Mentoring", "mentor", "mentored", "coaching", "coached"),
)

_BY_KEY: dict[str, Skill] = {skill.key: skill for skill in VOCABULARY}


def get(name: str) -> Skill:
    """Return the vocabulary skill called `name` (its display name, any case)."""
    return _BY_KEY[name.lower()]


def lookup(phrase: str) -> Skill | None:
    """Return the skill a short phrase names ("Postgres" → PostgreSQL), or None.

    The skill whose name or alias matches earliest (then longest) wins, so
    "Django REST Framework" is DRF, not Django.
    """
    best: tuple[int, int, Skill] | None = None
    for skill in VOCABULARY:
        position = skill.first_position(phrase)
        if position < 0:
            continue
        rank = (position, -len(skill.name), skill)
        if best is None or rank[:2] < best[:2]:
            best = rank
    return best[2] if best else None


def find_skills(text: str) -> list[str]:
    """Return the vocabulary skills `text` mentions, in order of first mention."""
    found = [(skill.first_position(text), skill.name) for skill in VOCABULARY]
    return [name for position, name in sorted(found) if position >= 0]


def implied_by(skill: Skill) -> list[Skill]:
    """Return the skills whose mention implies `skill` (MySQL, SQLite for SQL)."""
    return [other for other in VOCABULARY if skill.name in other.implies]


# --- unknown phrases ----------------------------------------------------------

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "of",
        "in",
        "on",
        "for",
        "with",
        "to",
        "the",
        "experience",
        "knowledge",
        "skills",
        "skill",
        "strong",
        "good",
        "solid",
        "proven",
        "ability",
        "using",
        "use",
        "working",
    ]
)


def stem(word: str) -> str:
    """Return a crude stem so that word forms meet ("designs", "designing")."""
    word = word.lower()
    for suffix, replacement in (
        ("ies", "y"),
        ("ing", ""),
        ("ied", "y"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + replacement
    return word


def words(text: str) -> list[str]:
    """Return the lowercase word tokens of `text` (keeping +, # and inner dots)."""
    return re.findall(r"[a-z0-9][a-z0-9+#]*(?:\.[a-z0-9]+)*", text.lower())


@dataclass(frozen=True)
class PhraseMatcher:
    """Match a phrase outside the vocabulary by its stemmed content words."""

    name: str
    stems: frozenset[str]

    def mentioned_in(self, text: str) -> bool:
        return bool(self.stems) and self.stems <= {stem(word) for word in words(text)}


def phrase_matcher(phrase: str) -> PhraseMatcher:
    """Return a matcher for `phrase` requiring all its content words, any word form."""
    content = [word for word in words(phrase) if word not in _STOPWORDS]
    return PhraseMatcher(name=phrase.strip(), stems=frozenset(stem(w) for w in content))
