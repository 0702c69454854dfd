"""The README's measured table is the one the reports give (no hand-typed figures)."""
from evals import readme_numbers


def test_readme_table_matches_the_reports():
    assert readme_numbers.main(["--check"]) == 0, "run: python -m evals.readme_numbers"


def test_every_report_of_the_table_is_committed():
    assert "not measured yet" not in readme_numbers.table()
