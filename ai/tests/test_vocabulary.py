"""The one vocabulary store: fields as data files, abbreviations, word forms."""

from __future__ import annotations

import json

import pytest

from ai.offline import vocabulary


@pytest.fixture
def store():
    return vocabulary.default()


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("RN", "Registered Nurse"),
        ("med pass", "Medication administration"),
        ("administered medications", "Medication administration"),
        ("CPR", "BLS"),
        ("SFDC", "Salesforce"),
        ("131% of target", "Quota attainment"),
        ("MSK", "Kafka"),
        ("k8s", "Kubernetes"),
        ("data build tool", "dbt"),
        ("CoreData", "iOS"),
        ("month-end close", "Month-end close"),
        ("pick and pack", "Order fulfillment"),
        ("IEPs", "Special education"),
        ("ServSafe", "Food safety"),
        ("conduit bending", "Electrical wiring"),
        ("full-cycle recruiting", "Recruiting"),
    ],
)
def test_every_field_knows_its_abbreviations_and_variants(store, written, canonical):
    assert store.lookup(written).name == canonical


def test_the_store_covers_the_fields_jobs_are_posted_in(store):
    assert {
        "software",
        "health_care",
        "sales",
        "finance",
        "operations",
        "education",
        "hospitality",
        "trades",
        "hr",
    } <= set(store.fields)
    assert store.field_of("RN") == "health_care"


def test_a_term_is_found_where_the_text_names_it(store):
    found = store.find("Did the med pass for 30 patients")
    assert [(m.term.name, m.written) for m in found] == [
        ("Medication administration", "med pass")
    ]


def test_case_sensitive_short_names_are_not_ordinary_words(store):
    assert "Medical Assistant" not in store.find_names("Ma and Pa ran the shop")
    assert "Go" not in store.find_names("Our go-to-market plan")


def test_related_skills_go_both_ways(store):
    assert "Kotlin" in [t.name for t in store.related(store.get("Swift"))]
    assert "Swift" in [t.name for t in store.related(store.get("Kotlin"))]
    assert "Registered Nurse" in [
        t.name for t in store.related(store.get("Licensed Practical Nurse"))
    ]


def test_a_deployment_adds_its_own_field_from_a_directory(tmp_path):
    (tmp_path / "aviation.json").write_text(
        json.dumps(
            {
                "field": "aviation",
                "terms": [
                    {"name": "Airframe and Powerplant", "aliases": ["A&P license"]},
                    {"name": "Registered Nurse", "aliases": ["flight nurse"]},
                ],
            }
        )
    )
    store = vocabulary.load((str(tmp_path),))
    assert store.lookup("A&P license").name == "Airframe and Powerplant"
    assert store.field_of("Airframe and Powerplant") == "aviation"
    assert store.lookup("flight nurse").name == "Registered Nurse"
    assert store.field_of("flight nurse") == "health_care"


def test_a_broken_vocabulary_file_fails_loudly(tmp_path):
    (tmp_path / "bad.json").write_text('{"terms": [{"aliases": []}]}')
    with pytest.raises(ValueError, match="not valid"):
        vocabulary.load((str(tmp_path),))


def test_configuring_extra_directories_changes_the_default_store(tmp_path):
    (tmp_path / "extra.json").write_text(
        json.dumps({"field": "extra", "terms": [{"name": "Zorbing"}]})
    )
    try:
        vocabulary.configure(extra_dirs=[tmp_path])
        assert vocabulary.default().lookup("zorbing").name == "Zorbing"
    finally:
        vocabulary.configure(extra_dirs=[])
    assert vocabulary.default().lookup("zorbing") is None


def test_a_missing_vocabulary_directory_fails_loudly(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        vocabulary.load((str(tmp_path / "nowhere"),))
