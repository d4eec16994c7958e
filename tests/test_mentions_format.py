"""The extract output: changes point at their figures by index into the quantities."""
from __future__ import annotations


def test_a_change_whose_figure_took_its_partners_unit_still_points_at_it(run_cli):
    text = "Hours fell from 52 hours a week to 40. Prices rose to 9 from $5."
    entry = run_cli("extract", "--format", "json", "-", stdin=text.encode()).json()["files"][0]
    quantities = entry["quantities"]
    pairs = [(quantities[c["from"]]["text"], quantities[c["to"]]["text"]) for c in entry["changes"]]
    assert pairs == [("52 hours a week", "40"), ("$5", "9")]
