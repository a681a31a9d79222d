"""Stress tests of several events and minerals at once, each test reading its own event and its own mineral.

Two minerals, each the market of tests/test_engine_cases.py SINGLE: CN produces 2 t, the US and ROW consume 1 t each
(unit elasticities of supply and demand, P0 = USD 1,000/t, no discounting, 2026-28). An outage that takes a share s
of CN's output leaves it 2 (1 - s) x at price x P0 against demand 2 / x, so x = 1 / sqrt(1 - s): losing 75 % doubles
the price and halves what each consumer gets; losing nothing changes nothing.

Ore carries a CfD on 1 t a year of CN's output at a strike of 1.5 P0 (US the only party, so the US pays): a pure
transfer that pays USD 500 a year at the baseline price and claws back USD 500 a year at twice it. Salt carries a
stockpile: the US buys 0.2 t a year of CN's salt in 2026-27.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from workbench.defaults import default_scenario
from workbench.document import (
    CfdClause, ExportRestriction, PurchaseClause, ReleaseRule, SupplyOutage, TariffClause, Volume,
)
from workbench.engine import EngineInputError
from workbench.engine.instruments import compile_clauses
from workbench.engine.stress import run_stress_tests, stress_model
from tests.test_engine_cases import P0, REGIONS, SINGLE, common, market, usd_t
from workbench.engine.market import Model

US, CN = REGIONS.index("US"), REGIONS.index("CN")


def _model(**markets) -> Model:
    return Model(regions=REGIONS, region_names={c: c for c in REGIONS}, members=("US", "EU"), base_year=2025,
                 horizon=3, discount_rate=0.0, usd_per={}, markets=markets)


def _mineral(name, **kw):
    return dataclasses.replace(market(**SINGLE, **kw), mineral=name, name=name.title())


def _outage(cid, mineral, share, start=2026, years=3):
    return SupplyOutage(id=cid, title=cid, mineral=mineral, region="CN", share_lost=share, start_year=start,
                        duration_years=years)


CFD = CfdClause(id="cfd", strike_price=usd_t(1.5 * P0), rebate_threshold=usd_t(1.5 * P0), clawback_share=1.0,
                volume_basis="fixed_volume", contracted_volume=Volume(amount=1.0), eligible_producers=["CN"],
                **common(mineral="ore"))
STOCKPILE = PurchaseClause(id="stock", annual_volume=Volume(amount=0.2), agreed_price=usd_t(P0), sources=["CN"],
                           storage_cost_rate=0.0, **common(mineral="salt", duration_years=2))


@pytest.fixture(scope="module")
def result():
    mdl = _model(ore=_mineral("ore"), salt=_mineral("salt"))
    comps, warnings = compile_clauses(mdl, [CFD, STOCKPILE])
    events = [_outage("ore-none", "ore", 0.0), _outage("salt-out", "salt", 0.36, start=2027, years=2),
              _outage("ore-big", "ore", 0.75)]
    return stress_model(mdl, comps, events, {}, warnings=warnings)


def test_each_test_reads_its_own_event(result):
    assert [t.id for t in result.tests] == ["ore-none", "salt-out", "ore-big"]
    big, none = result.test("ore-big"), result.test("ore-none")
    for world in ("without", "with"):
        assert big.worlds[world].consumer_price[:, US] == pytest.approx([2 * P0] * 3, rel=1e-9), world
        assert big.worlds[world].consumption[:, US] == pytest.approx([0.5] * 3, rel=1e-9), world
        assert none.worlds[world].consumer_price[:, US] == pytest.approx([P0] * 3, rel=1e-9), world
    # the calm world with the agreement is the baseline: the CfD on a fixed volume moves no price
    for t in (big, none):
        assert t.worlds["with_calm"].consumer_price[:, US] == pytest.approx([P0] * 3, rel=1e-9)
    assert big.table.at["US", "consumer_price_change_pct_without"] == pytest.approx(100.0, rel=1e-9)
    assert big.table.at["US", "shortfall_t_without"] == pytest.approx(1.5, rel=1e-9)
    assert none.table.at["US", "consumer_price_change_pct_without"] == pytest.approx(0.0, abs=1e-9)


def test_the_cfd_pays_in_the_calm_and_claws_back_under_the_stress(result):
    big, none = result.test("ore-big"), result.test("ore-none")
    # calm: (1,500 - 1,000) x 1 t a year paid; doubled price: (2,000 - 1,500) x 1 t a year clawed back
    assert big.table.at["US", "fiscal_cost_pv_usd_with"] == pytest.approx(-1500.0, rel=1e-9)
    assert big.table.at["US", "fiscal_cost_change_pv_usd"] == pytest.approx(-3000.0, rel=1e-9)
    assert none.table.at["US", "fiscal_cost_pv_usd_with"] == pytest.approx(1500.0, rel=1e-9)
    assert big.worlds["with"].net[:, US] == pytest.approx([-500.0] * 3, rel=1e-9)
    assert big.worlds["with_calm"].net[:, US] == pytest.approx([500.0] * 3, rel=1e-9)
    rows = big.fiscal
    assert set(rows.instrument) == {"cfd_rebate"} and set(rows.region) == {"US"}
    assert rows.amount_usd.tolist() == pytest.approx([-500.0] * 3, rel=1e-9)
    # CN's producers are paid 500 a year in the calm, and pay 500 back under the stress, on top of the price
    assert big.worlds["with"].producer_surplus[:, CN] - big.worlds["without"].producer_surplus[:, CN] == \
        pytest.approx([-500.0] * 3, rel=1e-6)


def test_each_test_books_only_its_own_minerals_clauses(result):
    ore, salt = result.test("ore-big"), result.test("salt-out")
    assert {cid for cid, _inst in ore.worlds["with"].ledger} == {"cfd"}
    assert {cid for cid, _inst in salt.worlds["with"].ledger} == {"stock"}
    assert set(salt.fiscal.clause_id) == {"stock"} and set(ore.stock.clause_id) == set()
    assert salt.worlds["with_calm"].net[:, CN] == pytest.approx([0.0] * 3, abs=1e-9)


def test_the_calm_world_with_a_stockpile_is_solved_with_its_purchases(result):
    # buying 0.2 t of CN's salt a year: CN's 2x = 2 / x + 0.2, so x = (0.2 + sqrt(0.04 + 16)) / 4, in 2026-27
    x = (0.2 + math.sqrt(16.04)) / 4
    calm = result.test("salt-out").worlds["with_calm"]
    assert calm.consumer_price[:, US] == pytest.approx([x * P0, x * P0, P0], rel=1e-9)
    assert calm.consumption[:, US] == pytest.approx([1 / x, 1 / x, 1.0], rel=1e-9)
    # 0.2 t a year at the agreed P0; the 0.4 t held at the end valued at the baseline P0, the market's price in 2028
    assert calm.net[:, US] == pytest.approx([0.2 * P0, 0.2 * P0, -0.4 * P0], rel=1e-9)


def test_the_stockpile_held_when_the_salt_outage_starts_covers_73_days(result):
    salt = result.test("salt-out")
    # 0.2 t bought in 2026 is held at the start of 2027, when the outage starts: 0.2 t / (1 t / 365 days)
    assert salt.worlds["with"].held[:, US] == pytest.approx([0.0, 0.2, 0.4], rel=1e-9)   # none bought in 2028
    assert salt.table.days_of_cover_with.tolist() == pytest.approx([73.0, 0.0, 0.0, 0.0], rel=1e-9)  # only the US holds
    stock = salt.stock.set_index("year")
    assert stock.stock_start_t.tolist() == pytest.approx([0.0, 0.2, 0.4])
    assert stock.bought_t.tolist() == pytest.approx([0.2, 0.2, 0.0])
    assert stock.stock_end_t.tolist() == pytest.approx([0.2, 0.4, 0.4])
    assert stock.stock_end_calm_t.tolist() == pytest.approx([0.2, 0.4, 0.4])
    # without the agreement the outage (x = 1 / sqrt(0.64) = 1.25) raises the US price in 2027-28 only
    price = salt.worlds["without"].consumer_price[:, US]
    assert price[0] == pytest.approx(P0, rel=1e-9) and price[1] == pytest.approx(P0 / math.sqrt(0.64), rel=1e-9)


def test_a_test_whose_market_cannot_clear_leaves_the_other_minerals_tests_standing():
    # tin's demand does not bend and CN bans every shipment to the US: no price clears it; ore's outage still runs
    mdl = _model(ore=_mineral("ore"), tin=_mineral("tin", eta=0.0))
    ban = ExportRestriction(id="tin-ban", title="ban", supplier="CN", share_withheld=1.0, targets="partners",
                            target_partners=["US"], mineral="tin", start_year=2027, duration_years=1)
    with np.errstate(all="ignore"):
        res = stress_model(mdl, [], [ban, _outage("ore-big", "ore", 0.75)], {}, warnings=["from the calibration"])
    assert [t.id for t in res.tests] == ["tin-ban", "ore-big"] and res.warnings == ["from the calibration"]
    assert "the tin market has no equilibrium in 2027" in res.test("tin-ban").error
    ore = res.test("ore-big")
    assert not ore.error and ore.worlds["without"].consumer_price[:, US] == pytest.approx([2 * P0] * 3, rel=1e-9)


def test_an_unknown_test_id_is_named_with_the_tests_there_are():
    sc = default_scenario()
    known = ", ".join(sorted(t.id for t in sc.document.stress_tests))
    with pytest.raises(EngineInputError, match=rf"^test: 'nope' is not a stress test of the scenario \({known}\)$"):
        run_stress_tests(sc, test_ids=["nope"])
    bare = sc.model_copy(update={"document": sc.document.model_copy(update={"stress_tests": []})})
    with pytest.raises(EngineInputError, match=r"^test: 'nope' is not a stress test of the scenario \(it has none\)$"):
        run_stress_tests(bare, test_ids=["nope"])


def test_a_tariff_under_a_quota_is_levied_on_the_quota_price_at_the_border():
    # a 25 % US tariff on CN's ore, and CN halving its shipments to the US (ore alone, SINGLE). Calm, CN's 2x = 1/x
    # + 1 / (1.25 x): x = sqrt(0.9), and the US imports 1 / (1.25 x). The quota halves that; the US pays P0 / Q
    # for Q and CN's home price solves 2x = 1/x + Q. The border (FOB) price of the US's imports is P0 / (1.25 Q):
    # the duty 0.25 P0 / (1.25 Q) on Q tonnes is P0 / 5 a year, as it is calm (US spending is P0 at any price).
    tariff = TariffClause(id="duty", rate=0.25, exporters=["CN"], **common(mineral="ore"))
    quota = ExportRestriction(id="quota", title="quota", supplier="CN", share_withheld=0.5, targets="partners",
                              target_partners=["US"], mineral="ore", start_year=2026, duration_years=3)
    mdl = _model(ore=_mineral("ore"))
    comps, _ = compile_clauses(mdl, [tariff])
    t = stress_model(mdl, comps, [quota], {}).test("quota")
    q = 0.5 / (1.25 * math.sqrt(0.9))
    x = (q + math.sqrt(q * q + 8)) / 4
    assert t.worlds["with"].consumer_price[:, US] == pytest.approx([P0 / q] * 3, rel=1e-9)
    for world in ("with", "with_calm"):
        assert t.worlds[world].ledger[("duty", "tariff_revenue")][:, US] == pytest.approx([-P0 / 5] * 3, rel=1e-9)
    # the export tax that would do what the quota does: the border price over CN's home price, less one
    assert t.export_tax_equivalent_pct("with") == pytest.approx([100 * (1 / (1.25 * q) / x - 1)] * 3, rel=1e-9)


def test_a_release_by_need_gives_the_holder_its_shortfall_not_its_whole_stock():
    """A 10 % outage of CN's salt from 2027 while the US holds 0.2 t: released by need, the stock gives the US what
    the outage takes from its consumption (before any release), not the whole 0.2 t. Purchases go on (not suspended).
    2027: calm 2x = 2/x + 0.2, so the US uses 1/x_c; stressed 1.8x = 2/x + 0.2, x_s = (0.2 + sqrt(14.44)) / 3.6 =
    10/9, the US uses 0.9. 2028 (no purchase): calm 1 t, stressed x = 1/sqrt(0.9), the US uses sqrt(0.9)."""
    rule = ReleaseRule(suspend_purchases=False, replenish=False)
    held = STOCKPILE.model_copy(update={"release_rule": rule})
    mdl = _model(salt=_mineral("salt"))
    comps, warnings = compile_clauses(mdl, [held])
    report = stress_model(mdl, comps, [_outage("salt-10", "salt", 0.1, start=2027, years=2)], {"stock": rule},
                          warnings=warnings)
    x_calm = (0.2 + math.sqrt(16.04)) / 4
    need = [0.0, 1 / x_calm - 0.9, 1.0 - math.sqrt(0.9)]
    stock = report.test("salt-10").stock.set_index("year")
    assert stock.released_t.tolist() == pytest.approx(need, rel=1e-9, abs=1e-12)
    assert stock.stock_end_t.tolist() == pytest.approx([0.2, 0.4 - need[1], 0.4 - need[1] - need[2]], rel=1e-9)
