"""The relate stage: the claims it reads from real extraction."""
from __future__ import annotations

import pytest
import yaml

from kind_helpers import checker
from factcheck.builtin.relate.lexicon import LexiconError, RELATE_FILE, build_lexicon
from factcheck.model import AgeClaim, Bounded, Change, Conversion, Duration, Parts, Same, Share, Span


def claims(text: str, kind: type) -> list:
    return [c for c in checker().extract_text(text).claims if isinstance(c, kind)]


def test_from_to_change_with_verb_and_stated_size() -> None:
    [change] = claims("Membership climbed 30% to 5,200 from 4,600.", Change)
    assert (change.before.text, change.after.text, change.by.text, change.verb) == ("4,600", "5,200", "30%", "climbed")


def test_size_on_another_verb_stays_with_it() -> None:
    [change] = claims("Shares rose 6% after revenue grew from $3.8bn to $4.6bn.", Change)
    assert change.by is None and change.verb == "grew"


def test_fractions_and_multiples() -> None:
    [change] = claims("Visits fell by a quarter, from 1,200 to 900.", Change)
    assert change.by.value == 25 and change.by.unit == "percent"
    [change] = claims("Traffic rose from 9 million to 18 million, a threefold rise.", Change)
    assert change.factor.value == 3
    [change] = claims("Downloads rose three times more, from 50,000 to 200,000.", Change)
    assert (change.factor.low, change.factor.high) == (3, 4)


def test_two_clauses_are_two_changes() -> None:
    text = "Exports rose to €45bn from €36bn, while shipments to China rose 6% to €24bn."
    found = claims(text, Change)
    assert [(c.before and c.before.text, c.after.text) for c in found] == [("€36bn", "€45bn"), (None, "€24bn")]


def test_context_reaches_a_later_sentence_that_refers_back() -> None:
    text = ("The fleet will grow from 300 buses to 2,400. Drivers will be hired first. "
            "Officials called the increase gradual.")
    [change] = claims(text, Change)
    assert change.context.end == len(text)


def test_definite_mention_links_back_by_noun() -> None:
    [same] = claims("The navy ordered 12 light frigates. The 14 frigates cost £4bn.", Same)
    assert [m.text for m in same.mentions] == ["12 light frigates", "14 frigates"]


@pytest.mark.parametrize("text", [
    "The mission's ceiling is 9,000 troops. The 8,200 troops now deployed come from 30 countries.",
    "The city built 2,180 homes last year. That was double the 1,100 homes finished in 2021.",
    "The first six jets arrive in May. The 24 jets cost $3bn.",
    "Shops sold 4,000 bikes in March. The 3,000 bikes sold in April were cheaper.",
])
def test_time_and_role_words_keep_things_apart(text: str) -> None:
    assert claims(text, Same) == []


def test_yearly_amount_links_to_the_one_unnamed_yearly_amount() -> None:
    text = "The scheme will cost €20 million a year. Ministers defended the €24 million annual budget."
    [same] = claims(text, Same)
    assert [m.unit for m in same.mentions] == ["EUR / year", "EUR / year"]


def test_parts_with_coverage() -> None:
    [parts] = claims("The £30m fund is split between £14m for clinics, £11m for staff and £8m for vans.", Parts)
    assert parts.total.text == "£30m" and len(parts.parts) == 3 and parts.exhaustive
    [parts] = claims("The firm has 112 shops, including 48 in Spain and 31 in Italy.", Parts)
    assert not parts.exhaustive


def test_shares_need_a_named_whole_and_respect_several_answers() -> None:
    [share] = claims("Of the voters, 52% backed the plan and 47% opposed it.", Share)
    assert len(share.parts) == 2 and not share.multiple_answers
    assert claims("Uptake was 71% in Leeds, against 58% in Bradford.", Share) == []
    [share] = claims("People could give more than one answer: 70% named cost and 55% speed.", Share)
    assert share.multiple_answers


def test_conversions_and_differences() -> None:
    [conversion] = claims("The sea was 1.5C (2.7F) warmer than usual.", Conversion)
    assert conversion.source.difference
    [conversion] = claims("It reached 30C (86F).", Conversion)
    assert not conversion.source.difference


def test_durations_and_ages() -> None:
    [duration] = claims("The five-year plan, launched in 2016 and wound up in 2024, cost £2m.", Duration)
    assert (duration.start.text, duration.end.text) == ("2016", "2024")
    [age] = claims("On Monday, May 4, 2026, the 27-year-old, who was born in 1998, won.", AgeClaim)
    assert age.reference_year == 2026


def test_the_word_list_ships_valid_and_bad_entries_name_their_key() -> None:
    data = yaml.safe_load(RELATE_FILE.read_text(encoding="utf-8"))
    build_lexicon(data)
    data["multiples"]["twofold"] = "two"
    with pytest.raises(LexiconError) as err:
        build_lexicon(data)
    assert err.value.key == "multiples.twofold"
    data = yaml.safe_load(RELATE_FILE.read_text(encoding="utf-8"))
    data["change_nouns"] = ["rise", "ascent"]
    with pytest.raises(LexiconError) as err:
        build_lexicon(data)
    assert err.value.key == "change_nouns[1]"


def test_earlier_figures_that_disagree_among_themselves_make_no_link() -> None:
    text = "The army sent 500 troops. Later it sent 900 troops. The 700 troops returned."
    assert claims(text, Same) == []
    text = "The army sent 500 troops. Later it sent about 500 troops. The 700 troops returned."
    [same] = claims(text, Same)
    assert [m.text for m in same.mentions] == ["500 troops", "about 500 troops", "700 troops"]


def test_agreeing_together_is_agreeing_pairwise() -> None:
    from itertools import combinations
    from types import SimpleNamespace

    from factcheck.builtin.relate.repeats import _agree_together
    from factcheck.builtin.tolerance import agree

    figures = [q for q in checker().extract_text(
        "about 500, 520, more than 480, 4,000, fewer than 300, 200 to 250, nearly 5,000, 4,800, "
        "at least 312, hundreds, 1.5 million, 12").quantities]
    stand_ins = [SimpleNamespace(quantity=figure) for figure in figures]  # all that the check reads
    for size in (1, 2, 3):
        for group in combinations(stand_ins, size):
            pairwise = all(agree(a.quantity, b.quantity) for a, b in combinations(group, 2))
            assert _agree_together(group) == pairwise, [d.quantity.text for d in group]


def test_changes_of_one_sentence_share_one_context() -> None:
    text = ("Pay rose from 5 to 6 and rents rose from 7 to 9. Staff said the increase was modest. "
            "Later, bills rose from 2 to 3.")
    first, second, third = claims(text, Change)
    assert first.context == second.context == Span(0, text.index(" Later"))
    assert third.context == Span(text.index("Later"), len(text))


def test_a_figure_stated_many_times_is_weighed_by_its_nearest_statements() -> None:
    from factcheck.builtin.relate.repeats import _MAX_CANDIDATES

    text = " ".join(f"The army sent 500 troops in week {i}." for i in range(2 * _MAX_CANDIDATES))
    [same] = claims(text + " The 900 troops left.", Same)
    assert len(same.mentions) == _MAX_CANDIDATES + 1 and same.mentions[-1].text == "900 troops"
    assert same.mentions[0].span.start > len(text) // 2, "the nearest statements, not the first ones"
    data = yaml.safe_load(RELATE_FILE.read_text(encoding="utf-8"))
    data["nationalities"][2] = ["scotland", ""]
    with pytest.raises(LexiconError) as err:
        build_lexicon(data)
    assert err.value.key == "nationalities[2]"
    data = yaml.safe_load(RELATE_FILE.read_text(encoding="utf-8"))
    data["separators"]["attributes"] = ["record", "all-time"]
    with pytest.raises(LexiconError) as err:
        build_lexicon(data)
    assert err.value.key == "separators.attributes[1]"
    data = yaml.safe_load(RELATE_FILE.read_text(encoding="utf-8"))
    data["separators"]["statuses"] = ["planned", "mooted"]
    with pytest.raises(LexiconError) as err:
        build_lexicon(data)
    assert err.value.key == "separators.statuses[1]"
    data = yaml.safe_load(RELATE_FILE.read_text(encoding="utf-8"))
    data["day_nouns"] = []
    with pytest.raises(LexiconError) as err:
        build_lexicon(data)
    assert err.value.key == "day_nouns"


@pytest.mark.parametrize("text", [
    "Rangers counted 3,380 occupied burrows, compared with 3,290 in the last full count in 2020.",
    "The counter logged 1,720 trips a day, compared with 1,140 a day over the same months last year.",
    "There were 204 cases this winter, against 118 in the same months a year earlier.",
])
def test_a_figure_compared_with_an_earlier_time_is_where_a_change_started(text: str) -> None:
    [change] = claims(text, Change)
    assert change.before.value < change.after.value and change.verb is None


def test_a_members_figure_after_a_range_stated_for_all_of_them() -> None:
    text = ("Across regions, the share of pay spent on rent ranges from 26% in the North East to 36% in London. "
            "Renters in the South West, who now hand over 39% of their pay, say rents rose fastest.")
    [bounded] = claims(text, Bounded)
    assert (bounded.low.value, bounded.high.value, bounded.member.text) == (26, 36, "39%")


@pytest.mark.parametrize("text", [
    # a change, not a range said of members
    "Rents rose from 26% of pay in 2015 to 36% in 2024. Renters in the South West now hand over 39% of their pay.",
    # the whole's figure, not a member's
    "Across regions, the share ranges from 26% in the North East to 36% in London. About 19% of all households rent.",
])
def test_no_member_without_a_range_of_members_or_with_a_whole(text: str) -> None:
    assert claims(text, Bounded) == []


def test_digits_swapped_in_a_restatement_are_one_figure() -> None:
    text = ("The trust still has 312 nursing vacancies, board papers show.\n\n"
            "The director said the 213 vacant nursing posts were hardest to fill.")
    [same] = claims(text, Same)
    assert [m.text for m in same.mentions] == ["312 nursing vacancies", "213 vacant nursing posts"]
