"""Reading a resume: header, headings, entries, lists; dates and months."""

from __future__ import annotations

from ai.offline import dates, resume_sections

TODAY = (2025, 6)


def test_dates_read_ranges_seasons_and_present():
    assert dates.find_range("Mar 2019 - present", today=TODAY).months == 76
    assert dates.find_range("2018 - 2023", today=TODAY).months == 61
    assert dates.find_range("Summer 2020").months == 4
    assert dates.find_range("Since 2024 I work as a nurse", today=TODAY).months == 18
    assert dates.find_range("BSc, 2017") is None


def test_overlapping_spans_are_counted_once():
    a = dates.find_range("Jan 2015 - Dec 2018")
    b = dates.find_range("Jan 2017 - Dec 2019")
    assert dates.months([a, b]) == 60


def test_the_header_never_reaches_the_reader():
    parsed = resume_sections.parse(
        "Zoë Kafka, RN\nzoe@example.com | 555-201-7781\nAge: 41\n\nNurse, Acme (2020 - 2024)\n"
    )
    texts = " ".join(u.text for u in parsed.units)
    assert "Kafka" not in texts and "555" not in texts and "41" not in texts
    assert parsed.units[0].text == "Nurse, Acme (2020 - 2024)"


def test_headings_open_sections_and_inline_labels_mark_one_line():
    parsed = resume_sections.parse(
        "PROFESSIONAL SUMMARY\nNurse for six years.\n\nSKILLS\nEpic, IV therapy, BLS\n"
        "Education: BSN, 2017\n"
    )
    sections = {u.text: u.section for u in parsed.units}
    assert sections["Nurse for six years."] == "summary"
    assert sections["Epic, IV therapy, BLS"] == "skills"
    assert sections["BSN, 2017"] == "education"


def test_an_entry_is_titled_by_the_lines_before_its_dates():
    parsed = resume_sections.parse(
        "EXPERIENCE\nWarehouse Lead\nFresh Foods\nFeb 2020 - present\nRan the dock.\n",
        today=TODAY,
    )
    (entry,) = parsed.entries
    assert entry.title == "Warehouse Lead Fresh Foods Feb 2020 - present"
    assert entry.span.months == 65
    body = next(u for u in parsed.units if u.text == "Ran the dock.")
    assert body.entry == 0 and body.section == "experience" and not body.is_title


def test_a_list_of_short_items_is_a_keyword_list():
    assert resume_sections.is_keyword_list("Python, SQL, Airflow, dbt")
    assert not resume_sections.is_keyword_list(
        "Built pipelines in Python, wrote SQL, and ran Airflow for the team."
    )
