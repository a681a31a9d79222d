"""Options side by side: one measure per region across variants of a scenario."""

from __future__ import annotations

import math

import pytest

from workbench.analysis.compare import COMPARED_COLUMNS, Compared, comparison, region_names
from workbench.defaults import default_scenario
from workbench.document import Partner
from workbench.engine import evaluate


@pytest.fixture(scope="module")
def results():
    s = default_scenario()
    return s, evaluate(s), evaluate(s, option="A"), evaluate(s, option="B")


def test_columns_are_variants_and_values_come_from_each_result(results):
    _, modelled, a, b = results
    variants = [Compared("As modelled", modelled), Compared("Option A", a), Compared("Option B", b)]
    for column in COMPARED_COLUMNS:
        frame = comparison(variants, column)
        assert list(frame.columns) == ["As modelled", "Option A", "Option B"]
        assert list(frame.index) == modelled.regions
        for v in variants:
            assert frame[v.name].tolist() == pytest.approx(v.result.partner_table[column].tolist())
    # the default scenario's options really differ for the US
    pv = comparison(variants, "fiscal_cost_pv_usd")
    assert pv.at["US", "Option A"] != pytest.approx(pv.at["US", "Option B"])


def test_a_region_one_variant_lacks_is_missing_there(results):
    s, modelled, *_ = results
    doc = s.document
    extended = s.model_copy(update={"document": doc.model_copy(update={
        "partners": [*doc.partners, Partner(code="AU", name="Australia")]})})
    more = evaluate(extended)
    frame = comparison([Compared("Before", modelled), Compared("With Australia", more)], "consumer_price_change_pct")
    assert "AU" in frame.index
    assert math.isnan(frame.at["AU", "Before"]) and not math.isnan(frame.at["AU", "With Australia"])
    assert region_names([Compared("Before", modelled), Compared("With Australia", more)])["AU"] == "Australia"


def test_unknown_measure_is_refused(results):
    with pytest.raises(ValueError, match="cannot compare"):
        comparison([Compared("x", results[1])], "welfare")
