"""The skills vocabulary: synonyms, word forms, case-sensitive short names."""

from __future__ import annotations

import pytest

from ai.offline import skills


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tuned Postgres indexes", "PostgreSQL"),
        ("Ran services on k8s", "Kubernetes"),
        ("Wrote JS widgets", "JavaScript"),
        ("Built RESTful services", "REST APIs"),
        ("Designed A/B tests", "A/B testing"),
        ("sklearn pipelines", "scikit-learn"),
        ("Backend in Golang", "Go"),
        ("Node.js workers", "Node.js"),
        ("Fixed WCAG findings", "Accessibility"),
    ],
)
def test_synonyms_find_the_skill(text, name):
    assert name in skills.find_skills(text)


@pytest.mark.parametrize(
    "text",
    ["Our go-to-market plan", "The rest of the team", "R&D budget", "JavaScript only"],
)
def test_ordinary_words_are_not_taken_for_short_skill_names(text):
    found = skills.find_skills(text)
    assert not {"Go", "REST APIs", "R", "Java"} & set(found)


def test_a_phrase_resolves_to_the_most_specific_skill():
    assert skills.lookup("Django REST Framework").name == "Django REST Framework"
    assert skills.lookup("Postgres").name == "PostgreSQL"
    assert skills.lookup("Underwater basket weaving") is None


def test_related_skills_imply_a_skill():
    implied = {skill.name for skill in skills.implied_by(skills.get("SQL"))}
    assert {"PostgreSQL", "MySQL", "SQLite"} <= implied


def test_an_unknown_phrase_matches_any_word_form():
    matcher = skills.phrase_matcher("Supply chain planning")
    assert matcher.mentioned_in("Planned supply chains for three plants")
    assert not matcher.mentioned_in("Planned the office move")
