"""The mandate check: limits in model units, breaches per partner, per clause and per bracket option."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.analysis.mandate import Breach, Limits, Measure, Variant, check, option_labels, variants
from workbench.defaults import default_scenario
from workbench.document import Currency, Mandate, Money
from workbench.engine import Cancelled, evaluate


def with_mandate(scenario, **limits):
    return scenario.model_copy(update={"private": scenario.private.model_copy(update={"mandate": Mandate(**limits)})})


def table(**rows):
    """A partner table with just the checked columns: code=(peak, pv, consumer %)."""
    return pd.DataFrame(
        {"fiscal_cost_peak_usd": [r[0] for r in rows.values()], "fiscal_cost_pv_usd": [r[1] for r in rows.values()],
         "consumer_price_change_pct": [r[2] for r in rows.values()]}, index=list(rows))


@pytest.fixture(scope="module")
def scenario():
    return default_scenario()


def test_limits_convert_currencies_and_price_fractions(scenario):
    s = with_mandate(scenario, fiscal_ceiling_per_year={"EU": Money(amount=100e6, currency=Currency.EUR)},
                     max_pv_cost={"US": Money(amount=2e9)}, max_consumer_price_increase={"JP": 0.05})
    limits = Limits.of(s)
    eur = s.document.assumptions.usd_per_currency["EUR"]
    assert limits.by_measure[Measure.ANNUAL_COST] == {"EU": pytest.approx(100e6 * eur)}
    assert limits.by_measure[Measure.PV_COST] == {"US": 2e9}
    assert limits.by_measure[Measure.CONSUMER_PRICE] == {"JP": pytest.approx(5.0)}
    assert limits
    assert not Limits.of(scenario)


def test_breaches_are_strict_and_per_partner(scenario):
    s = with_mandate(scenario, fiscal_ceiling_per_year={"US": Money(amount=100e6)},
                     max_pv_cost={"EU": Money(amount=1e9)}, max_consumer_price_increase={"US": 0.05, "JP": 0.02})
    found = Limits.of(s).breaches(table(US=(150e6, 5e9, 5.0), EU=(0.0, 1e9, 9.0), JP=(0.0, 0.0, 2.5)),
                                  clause_id="c", option="B")
    assert found == [Breach("US", Measure.ANNUAL_COST, 150e6, 100e6, "c", "B"),
                     Breach("JP", Measure.CONSUMER_PRICE, 2.5, pytest.approx(2.0), "c", "B")]
    # at the limit exactly, and for partners without limits, nothing breaches
    assert Limits.of(s).breaches(table(US=(100e6, 9e12, 5.0), EU=(0.0, 1e9, 50.0), JP=(0, 0, 1.0))) == []


def test_variants_cover_options_and_clauses_without_repeating_the_modelled_option(scenario):
    found = variants(scenario)
    labels = option_labels(scenario)
    assert labels == ["A", "B"]
    for label in labels:
        differs = any(c.resolved(label) != c.resolved() for c in scenario.document.clauses)
        assert (Variant(None, label) in found) == differs
    assert Variant(None, "B") in found
    for clause in scenario.document.clauses:
        assert Variant(clause.id, None) in found
        for label in clause.option_labels():
            differs = clause.resolved(label) != clause.resolved()
            assert (Variant(clause.id, label) in found) == differs
    # the cobalt stockpile models option A: only its option B is costed separately
    assert Variant("stockpile-cobalt", "A") not in found and Variant("stockpile-cobalt", "B") in found


def test_empty_mandate_reports_nothing(scenario):
    report = check(scenario)
    assert report.breaches == () and report.by_clause() == {} and report.whole() == []


def test_pv_limit_flags_the_clauses_and_options_that_breach_it_alone(scenario):
    def us_pv(option=None, clause=None):
        return evaluate(scenario, option=option, clause_ids=[clause] if clause else None).partner_table.at[
            "US", "fiscal_cost_pv_usd"]

    cobalt_a, cobalt_b = us_pv(clause="stockpile-cobalt"), us_pv("B", "stockpile-cobalt")
    assert cobalt_b > cobalt_a  # option B buys more cobalt
    limit = (cobalt_a + cobalt_b) / 2
    s = with_mandate(scenario, max_pv_cost={"US": Money(amount=limit)})
    report = check(s)
    flagged = report.by_clause()
    assert [(b.option, b.measure) for b in flagged["stockpile-cobalt"]] == [("B", Measure.PV_COST)]
    assert flagged["stockpile-cobalt"][0].value == pytest.approx(cobalt_b)
    for clause in scenario.document.clauses:
        must = any(us_pv(opt, clause.id) > limit for opt in [None] + clause.option_labels())
        assert (clause.id in flagged) == must, clause.id
    whole = us_pv() > limit
    assert any(b.option is None for b in report.whole()) == whole


def test_consumer_price_limit_on_the_whole_scenario_and_its_options(scenario):
    def us_price(option=None):
        return evaluate(scenario, option=option).partner_table.at["US", "consumer_price_change_pct"]

    low, high = sorted([us_price("A"), us_price("B")])
    s = with_mandate(scenario, max_consumer_price_increase={"US": (low + high) / 2 / 100})
    report = check(s)
    breaching = "A" if us_price("A") > us_price("B") else "B"
    assert [(b.partner, b.option) for b in report.whole()
            if b.measure is Measure.CONSUMER_PRICE and b.option is not None] == [("US", breaching)]
    assert report.cells(breaching) == {("US", "consumer_price_change_pct")}
    # a generous limit: no breach anywhere
    assert check(with_mandate(scenario, max_consumer_price_increase={"US": 10.0})).breaches == ()


def test_annual_ceiling_is_checked_against_the_peak_year(scenario):
    result = evaluate(scenario)
    peak, avg = result.partner_table.loc["US", ["fiscal_cost_peak_usd", "fiscal_cost_avg_usd"]]
    assert peak > max(avg, 0)
    s = with_mandate(scenario, fiscal_ceiling_per_year={"US": Money(amount=(max(avg, 0) + peak) / 2)})
    report = check(s, modelled=result)
    assert Breach("US", Measure.ANNUAL_COST, pytest.approx(peak), pytest.approx((max(avg, 0) + peak) / 2)) \
        in report.whole()


def test_check_stops_when_cancelled(scenario):
    s = with_mandate(scenario, max_pv_cost={"US": Money(amount=1.0)})
    with pytest.raises(Cancelled):
        check(s, cancelled=lambda: True)
