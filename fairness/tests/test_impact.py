"""The adverse-impact figures against a small example computed by hand.

Sex, min_group 5 (the other questions are left unanswered: prefer not to say):

| group             | applicants | screened | interview | offer | hired |
|-------------------|-----------:|---------:|----------:|------:|------:|
| female            |         10 |        8 |         3 |     2 |     1 |
| male              |         20 |       16 |        10 |     5 |     4 |
| non_binary        |          3 |   (suppressed: under 5)                |
| prefer_not_to_say |          6 |   (suppressed too: 3 alone could be worked out) |

At interview: female 3/10 = 0.30, male 10/20 = 0.50, ratio 0.30/0.50 = 0.60 < 0.8:
flagged. At offer: 0.20 / 0.25 = 0.80: not below 0.8, not flagged. At hired:
0.10 / 0.20 = 0.50: flagged. At screened: 0.80 / 0.80 = 1.
"""

from __future__ import annotations

from math import comb

import pytest

from fairness.impact import (
    CSV_HEADER,
    Person,
    impact_report,
    report_rows,
    suppressed_groups,
)


def _people(sex: str, counts: dict[str, int]) -> list[Person]:
    """`counts`: how many stop at each furthest stage."""
    return [
        Person(answers={"sex": sex}, furthest=stage)
        for stage, n in counts.items()
        for _ in range(n)
    ]


PEOPLE = (
    _people(
        "female", {"applied": 2, "screened": 5, "interview": 1, "offer": 1, "hired": 1}
    )
    + _people(
        "male", {"applied": 4, "screened": 6, "interview": 5, "offer": 1, "hired": 4}
    )
    + _people("non_binary", {"hired": 3})
    + _people("prefer_not_to_say", {"applied": 6})
)


def _fisher_two_sided(a: int, b: int, c: int, d: int) -> float:
    """Sum the hypergeometric probabilities no larger than the observed table's."""
    row1, col1, total = a + b, a + c, a + b + c + d

    def p(x: int) -> float:
        return comb(col1, x) * comb(total - col1, row1 - x) / comb(total, row1)

    observed = p(a)
    low, high = max(0, row1 + col1 - total), min(row1, col1)
    return sum(p(x) for x in range(low, high + 1) if p(x) <= observed * (1 + 1e-7))


@pytest.fixture
def sex():
    report = impact_report(PEOPLE, min_group=5)
    category = next(c for c in report["categories"] if c["category"] == "sex")
    return {
        stage["stage"]: {g["group"]: g for g in stage["groups"]}
        for stage in category["stages"]
    }


def test_selection_rates_and_impact_ratios_match_the_hand_computation(sex):
    female, male = sex["interview"]["female"], sex["interview"]["male"]
    assert (female["applicants"], female["selected"], female["selection_rate"]) == (
        10,
        3,
        0.3,
    )
    assert (male["selected"], male["selection_rate"], male["reference"]) == (
        10,
        0.5,
        True,
    )
    assert female["impact_ratio"] == 0.6 and female["four_fifths_flag"] is True
    assert male["impact_ratio"] == 1.0 and male["four_fifths_flag"] is False
    assert sex["screened"]["female"]["impact_ratio"] == 1.0
    assert sex["hired"]["female"]["impact_ratio"] == 0.5
    assert sex["hired"]["female"]["four_fifths_flag"] is True


def test_exactly_four_fifths_is_not_flagged(sex):
    assert sex["offer"]["female"]["impact_ratio"] == 0.8
    assert sex["offer"]["female"]["four_fifths_flag"] is False


def test_the_p_value_is_fishers_exact_test_and_small_samples_are_marked(sex):
    female = sex["interview"]["female"]
    assert female["fisher_p"] == pytest.approx(
        _fisher_two_sided(3, 7, 10, 10), abs=1e-6
    )
    assert female["small_sample"] is True  # 10 and 20 applicants, under 30
    assert sex["interview"]["male"]["fisher_p"] is None  # the reference group


def test_small_groups_are_suppressed_and_so_is_the_next_smallest(sex):
    for stage in sex.values():
        for group in ("non_binary", "prefer_not_to_say"):
            shown = stage[group]
            assert shown["suppressed"] is True
            assert (
                shown["applicants"]
                is shown["selected"]
                is shown["selection_rate"]
                is None
            )


def test_suppression_stops_once_the_hidden_groups_are_big_enough():
    assert suppressed_groups({"a": 3, "b": 6, "c": 20}, min_group=5) == {"a", "b"}
    assert suppressed_groups({"a": 5, "b": 6}, min_group=5) == set()
    assert suppressed_groups({"a": 2, "b": 4, "c": 9}, min_group=5) == {"a", "b"}
    assert suppressed_groups({"a": 1, "b": 1}, min_group=5) == {"a", "b"}


def test_nobody_selected_gives_no_ratio_and_no_flag():
    people = _people("female", {"applied": 5}) + _people("male", {"applied": 5})
    report = impact_report(people, min_group=5)
    hired = report["categories"][0]["stages"][-1]["groups"]
    assert [g["impact_ratio"] for g in hired] == [None, None]
    assert not any(g["four_fifths_flag"] for g in hired)


def test_the_csv_rows_carry_every_figure_in_header_order():
    rows = report_rows(impact_report(PEOPLE, min_group=5))
    female_interview = next(r for r in rows if r[:3] == ("sex", "interview", "female"))
    named = dict(zip(CSV_HEADER, female_interview, strict=True))
    assert (named["selected"], named["impact_ratio"], named["four_fifths_flag"]) == (
        3,
        0.6,
        True,
    )
