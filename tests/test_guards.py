"""Validity guards (EvaluationResult.warnings) and the honest headlines: cash apart from the stock's end value."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.cli.main import main
from workbench.defaults import default_scenario
from workbench.document import Price, Volume
from workbench.document.clauses import VolumeBasis
from workbench.engine import evaluate

OUT_OF_RANGE = {"price_band", "purchase_share", "cfd_volume", "revenue_above_imports"}


def _replace(scenario, clause_id, **update):
    clauses = [c.model_copy(update=update) if c.id == clause_id else c for c in scenario.document.clauses]
    return scenario.model_copy(update={"document": scenario.document.model_copy(update={"clauses": clauses})})


def _codes(result, clause_id):
    return {w.code for w in result.validity_warnings if w.clause_id == clause_id}


@pytest.fixture(scope="module")
def default_result():
    return evaluate(default_scenario())


def test_the_default_scenario_is_inside_every_range_but_flags_its_indium_deal(default_result):
    codes = {w.code for w in default_result.validity_warnings}
    assert not codes & OUT_OF_RANGE
    [below] = [w for w in default_result.validity_warnings if w.code == "below_market"]
    # USD 312.50/kg against the sources' market price the purchase itself drives up (USGS reference 370/kg)
    assert below.clause_id == "indium-purchase" and below.mineral == "indium" and below.year == 2026
    assert below.figure > 0.15 and "312,500" in below and "would not deliver" in below
    assert below.short() == f"indium-purchase: agreed price {100 * below.figure:.0f}% below the market (2026)"
    # the antimony floor sits exactly at the reference price: near the money, named as such
    near = {w.clause_id for w in default_result.validity_warnings if w.code == "near_the_money"}
    assert "usmx-antimony-floor" in near and "ndpr-border-floor" not in near


def test_an_ndpr_floor_at_ten_times_the_price_is_flagged():
    sc = _replace(default_scenario(), "ndpr-border-floor", floor_price=Price(amount=690.0, currency="USD", per="kg"))
    result = evaluate(sc)
    assert {"price_band", "revenue_above_imports"} <= _codes(result, "ndpr-border-floor")
    [rev] = [w for w in result.validity_warnings if w.code == "revenue_above_imports"]
    assert rev.mineral == "ndpr_oxide" and rev.year in result.years and rev.figure > 1.0
    # check the figure against the ledger and the base flows: levy / (parties' base imports x baseline price)
    t = result.years.index(rev.year)
    levy = -result.fiscal.query("clause_id == 'ndpr-border-floor' and year == @rev.year").amount_usd.sum()
    m = result.minerals.index("ndpr_oxide")
    flows = result.base_flows[m, t]
    parties = [result.regions.index(r) for r in ("US", "EU", "JP")]
    bill = sum(flows[:, j].sum() - flows[j, j] for j in parties) * result.base_price[m, t]
    assert rev.figure == pytest.approx(levy / bill)
    # and the message gives both sums in millions, as the negotiator reads them
    assert f"levy revenue of USD {levy / 1e6:,.1f} m in {rev.year} exceeds" in rev
    assert f"import bill (USD {bill / 1e6:,.1f} m, {rev.figure:.1f}x)" in rev


def test_a_purchase_of_twice_world_indium_output_is_flagged():
    sc = default_scenario()
    world = 1100.0  # USGS world refinery output 2025, t
    sc = _replace(sc, "indium-purchase", annual_volume=Volume(amount=2 * world), budget_cap=None,
                  sources=["EU", "JP", "CN", "ROW"])
    result = evaluate(sc)
    [share] = [w for w in result.validity_warnings if w.code == "purchase_share" and w.unit == "share of world output"]
    t = result.years.index(share.year)
    world_that_year = result.base_production[result.minerals.index("indium"), t].sum()  # grows with demand
    assert share.clause_id == "indium-purchase" and share.figure == pytest.approx(2 * world / world_that_year)
    assert share.figure > 1.9
    assert "price_band" in _codes(result, "indium-purchase")


def test_a_fixed_volume_cfd_above_the_eligible_output_is_flagged():
    sc = _replace(default_scenario(), "nickel-cfd", volume_basis=VolumeBasis.FIXED_VOLUME,
                  contracted_volume=Volume(amount=100_000.0))
    result = evaluate(sc)
    [w] = [w for w in result.validity_warnings if w.code == "cfd_volume"]
    assert w.clause_id == "nickel-cfd" and w.year == 2027 and w.figure > 1.0


def test_a_fixed_volume_cfd_half_again_above_the_eligible_output_is_flagged_and_one_below_it_is_not():
    # written after the fresh seed-20 sample (its survivor guards.py:159). US, EU and JP nickel output in the year
    # they make least: a contract 1.5 times that is flagged at 1.5x, one at 0.9 times is not
    def cfd(volume):
        return evaluate(_replace(default_scenario(), "nickel-cfd", volume_basis=VolumeBasis.FIXED_VOLUME,
                                 contracted_volume=Volume(amount=round(volume))))

    def cfd_warnings(volume):
        return [w for w in cfd(volume).validity_warnings if w.code == "cfd_volume"]

    base = cfd(1)   # on a contracted volume the CfD is a transfer: output is the same whatever the volume
    eligible = [base.regions.index(code) for code in ("US", "EU", "JP")]
    least = base.production[base.minerals.index("nickel")][:, eligible].sum(axis=1)[1:].min()  # the CfD runs from 2027

    [w] = cfd_warnings(1.5 * least)
    assert w.figure == pytest.approx(1.5, rel=1e-3)
    assert cfd_warnings(0.9 * least) == []


def test_a_cfd_for_producers_that_make_none_of_the_mineral_is_flagged_from_one_tonne():
    # Japan mines no nickel (USGS MCS 2026 lists none): even a CfD of 1 t a year pays for volume nobody produces
    sc = _replace(default_scenario(), "nickel-cfd", volume_basis=VolumeBasis.FIXED_VOLUME,
                  contracted_volume=Volume(amount=1.0), eligible_producers=["JP"])
    result = evaluate(sc)
    assert result.base_production[result.minerals.index("nickel"), :, result.regions.index("JP")].max() == 0
    [w] = [w for w in result.validity_warnings if w.code == "cfd_volume"]
    assert "the contracted volume 1 t a year exceeds the eligible producers' output (0 t)" in w


def test_storage_and_end_value_use_one_valuation(default_result):
    # indium: 133.3 t a year bought 2026-28 (USD 125 m cap = 400 t); its market price is above the baseline
    # (370,000 USD/t), so both the storage cost (2% a year) and the end value use the baseline price
    fiscal = default_result.fiscal.query("clause_id == 'indium-purchase'")
    storage = fiscal.query("instrument == 'storage_cost'").groupby("year").amount_usd.sum()
    assert storage[2026] == pytest.approx(0.02 * (400 / 3) * 370_000, rel=1e-9)
    assert storage[2030] == pytest.approx(0.02 * 400 * 370_000, rel=1e-9)
    end = fiscal.query("instrument == 'stock_end_value'").amount_usd.sum()
    assert end == pytest.approx(-400 * 370_000, rel=1e-9)


def test_cash_plus_stock_valuation_is_the_old_net_figure(default_result):
    r = default_result
    pt = r.partner_table
    fiscal = r.fiscal.assign(pv=lambda d: d.amount_usd * r.discount[d.year - r.years[0]])
    net = fiscal.groupby("region").pv.sum().reindex(r.regions, fill_value=0.0)
    stock = fiscal.query("instrument == 'stock_end_value'").groupby("region").pv.sum().reindex(r.regions,
                                                                                                fill_value=0.0)
    assert np.allclose(pt.fiscal_cost_pv_usd, net, atol=1e-3)          # the net figure: every ledger row
    assert np.allclose(pt.cash_cost_pv_usd, net - stock, atol=1e-3)    # cash: all but the stock's end value
    assert np.allclose(pt.stock_value_pv_usd, -stock, atol=1e-3)
    assert np.allclose(pt.cash_cost_pv_usd - pt.stock_value_pv_usd, pt.fiscal_cost_pv_usd)
    assert pt.at["US", "stock_value_pv_usd"] > 0 and pt.at["EU", "stock_value_pv_usd"] == 0


def test_the_cli_prints_guards_cash_and_monte_carlo_beside_the_deterministic_figure(tmp_path, capsys):
    path = tmp_path / "default.cmws"
    assert main(["new", "-o", str(path)]) == 0
    capsys.readouterr()
    assert main(["evaluate", str(path), "--paths", "200"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()        # two heading lines since the tables fit the terminal (d782267)
    head = next(i for i, line in enumerate(lines) if "cash PV" in line)
    assert "stock PV" in lines[head] and "USD m" in lines[head + 1]
    assert "Monte Carlo, 200 price paths" in out
    rows = {ln.split()[0]: ln.split()[1:] for ln in out.split("Monte Carlo")[1].splitlines()[2:8]}
    assert set(rows) == {"US", "EU", "JP", "MX", "CN", "ROW"} and len(rows["US"]) >= 3
    assert "indium-purchase" in out.split("outside what the model can vouch for:")[1]
    assert main(["evaluate", str(path), "--paths", "0"]) == 1


def test_sign_flags_name_the_regions_whose_expected_cost_has_the_other_sign():
    import pandas as pd

    from workbench.engine.guards import sign_flags

    class Stub:
        def __init__(self, **columns):
            self.regions = ["US", "EU", "JP"]
            self.partner_table = self.summary = pd.DataFrame(columns, index=self.regions)

    det = Stub(fiscal_cost_pv_usd=[82.3e6, -601e6, 1e3])   # the US headline: +82 m ...
    mc = Stub(expected_cost_pv_usd=[-1.3e9, -500e6, -2e6])  # ... against a Monte Carlo expectation of -1.3 bn
    assert sign_flags(det, mc) == {"US": (82.3e6, -1.3e9)}  # JP's +1,000 USD has no sign worth flagging
