import pytest

from jobs.salary import NO_SALARY, Salary, parse_salary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$100k-$120k", Salary(100_000, 120_000, "USD", "year")),
        ("100,000 - 120,000 USD", Salary(100_000, 120_000, "USD", "year")),
        ("€55k", Salary(55_000, 55_000, "EUR", "year")),
        ("$45/hour", Salary(93_600, 93_600, "USD", "hour")),
        ("$45 per hour", Salary(93_600, 93_600, "USD", "hour")),
        ("£4,000 per month", Salary(48_000, 48_000, "GBP", "month")),
        ("$100-120k", Salary(100_000, 120_000, "USD", "year")),
        ("90000", Salary(90_000, 90_000, "", "year")),
        ("1.2M", Salary(1_200_000, 1_200_000, "", "year")),
        ("competitive", NO_SALARY),
        ("", NO_SALARY),
        ("DOE", NO_SALARY),
    ],
)
def test_it_parses_salaries_into_yearly_numbers(text, expected):
    assert parse_salary(text) == expected


def test_a_reversed_range_is_put_in_order():
    assert parse_salary("120k - 100k") == Salary(100_000, 120_000, "", "year")
