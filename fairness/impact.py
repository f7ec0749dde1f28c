"""Adverse impact: selection rates per group and stage, the four-fifths rule (pure).

Definitions (README "Adverse-impact report" repeats them):
- The people counted are applications whose candidate answered the voluntary
  self-identification (one row per application: a person who applied to two
  jobs counts in each job, and twice in the all-jobs report).
- Selected at stage S: the application reached S or a later stage of
  `applied → screened → interview → offer → hired` at any time (a candidate
  rejected after an interview was selected for `screened` and `interview`).
  The selection rate at S is selected / applicants of the group.
- Impact ratio: a group's rate / the highest rate among the groups compared
  (not suppressed, not "prefer not to say"); the four-fifths flag is raised
  when the ratio is below 0.8. Fisher's exact test (two-sided) compares each
  group's 2×2 table (selected, not selected) with the highest-rate group's:
  a flag with a large p-value may be chance, and `small_sample` says so
  whenever either group has fewer than `SMALL_SAMPLE` applicants.
- Suppression: a group with fewer than `min_group` applicants shows no figures.
  So that its figures cannot be worked out from the others' and a total, more
  groups are suppressed ("prefer not to say" first, then the smallest) until
  the suppressed together number at least `min_group` (or all are).

Use: `impact_report(people, min_group=5)`; `people` are `Person`s.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

from scipy.stats import fisher_exact

from fairness.categories import CATEGORIES, PREFER_NOT, QUESTIONS
from resumes.stages import PIPELINE

FOUR_FIFTHS = 0.8
SMALL_SAMPLE = 30
REPORTED_STAGES = PIPELINE[1:]  # everyone reached `applied`


@dataclass(frozen=True)
class Person:
    """One self-identified application: its answers and the furthest stage reached."""

    answers: dict[str, str]
    furthest: str


@dataclass
class GroupFigures:
    """One group at one stage (figures are None when suppressed)."""

    group: str
    suppressed: bool
    applicants: int | None = None
    selected: int | None = None
    selection_rate: float | None = None
    impact_ratio: float | None = None
    four_fifths_flag: bool = False
    fisher_p: float | None = None
    small_sample: bool = False
    reference: bool = False


@dataclass
class StageFigures:
    stage: str
    groups: list[GroupFigures] = field(default_factory=list)


@dataclass
class CategoryFigures:
    category: str
    stages: list[StageFigures] = field(default_factory=list)


def suppressed_groups(sizes: dict[str, int], *, min_group: int) -> set[str]:
    """Return the groups to suppress: the small ones, then the smallest until safe."""
    hidden = {group for group, size in sizes.items() if size < min_group}
    # "Prefer not to say" goes first (it is never compared), then the smallest.
    shown = sorted(
        (group != PREFER_NOT, size, group)
        for group, size in sizes.items()
        if group not in hidden
    )
    while hidden and shown and sum(sizes[g] for g in hidden) < min_group:
        hidden.add(shown.pop(0)[2])
    return hidden


def _rate(selected: int, applicants: int) -> float | None:
    return selected / applicants if applicants else None


def fisher_p(group: tuple[int, int], reference: tuple[int, int]) -> float:
    """Return Fisher's exact two-sided p for (selected, applicants) vs reference."""
    table = [
        [group[0], group[1] - group[0]],
        [reference[0], reference[1] - reference[0]],
    ]
    return float(fisher_exact(table, alternative="two-sided").pvalue)


def _compare(figures: list[GroupFigures]) -> None:
    """Fill impact ratios, flags and p-values against the highest-rate group."""
    compared = [f for f in figures if not f.suppressed and f.group != PREFER_NOT]
    if not compared:
        return
    best = max(compared, key=lambda f: (f.selection_rate or 0.0, f.applicants))
    best.reference = True
    for each in compared:
        if best.selection_rate:
            each.impact_ratio = round(each.selection_rate / best.selection_rate, 4)
            each.four_fifths_flag = each.impact_ratio < FOUR_FIFTHS
        if each is not best:
            each.fisher_p = round(
                fisher_p(
                    (each.selected, each.applicants), (best.selected, best.applicants)
                ),
                6,
            )
        each.small_sample = min(each.applicants, best.applicants) < SMALL_SAMPLE


def stage_figures(
    members: dict[str, list[Person]], stage: str, hidden: set[str]
) -> StageFigures:
    """Return every group's figures for `stage`."""
    at = PIPELINE.index(stage)
    figures = []
    for group, people in members.items():
        if group in hidden:
            figures.append(GroupFigures(group=group, suppressed=True))
            continue
        selected = sum(1 for p in people if PIPELINE.index(p.furthest) >= at)
        rate = _rate(selected, len(people))
        figures.append(
            GroupFigures(
                group=group,
                suppressed=False,
                applicants=len(people),
                selected=selected,
                selection_rate=None if rate is None else round(rate, 4),
            )
        )
    _compare(figures)
    return StageFigures(stage=stage, groups=figures)


def category_figures(
    people: Sequence[Person], category: str, *, min_group: int
) -> CategoryFigures:
    """Return one category's figures at every reported stage."""
    members: dict[str, list[Person]] = {}
    for value in QUESTIONS[category]:
        chosen = [p for p in people if p.answers.get(category, PREFER_NOT) == value]
        if chosen:
            members[value] = chosen
    hidden = suppressed_groups(
        {group: len(chosen) for group, chosen in members.items()}, min_group=min_group
    )
    return CategoryFigures(
        category=category,
        stages=[stage_figures(members, stage, hidden) for stage in REPORTED_STAGES],
    )


def impact_report(people: Iterable[Person], *, min_group: int) -> dict:
    """Return the adverse-impact figures for `people` as JSON-able data."""
    people = list(people)
    return {
        "respondents": len(people) if len(people) >= min_group else None,
        "min_group": min_group,
        "four_fifths": FOUR_FIFTHS,
        "stages": list(REPORTED_STAGES),
        "categories": [
            asdict(category_figures(people, category, min_group=min_group))
            for category in CATEGORIES
        ],
    }


CSV_HEADER = (
    "category",
    "stage",
    "group",
    "suppressed",
    "applicants",
    "selected",
    "selection_rate",
    "impact_ratio",
    "four_fifths_flag",
    "fisher_p",
    "small_sample",
    "reference",
)


def report_rows(report: dict) -> list[tuple]:
    """Flatten a report into CSV rows (after `CSV_HEADER`)."""
    rows = []
    for category in report["categories"]:
        for stage in category["stages"]:
            for g in stage["groups"]:
                rows.append(
                    (category["category"], stage["stage"])
                    + tuple(g[name] for name in CSV_HEADER[2:])
                )
    return rows
