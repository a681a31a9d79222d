"""Stress events compiled and laid onto market cases by hand: who is hit, when, and by how much.

No market is solved. A model of four regions (US, EU, JP, CN; the zone is the US and the EU), two minerals (ore,
salt) and three years (2026-28). Cases are laid out mineral by mineral, year by year, then one variant per event:
row (mineral x 3 + year) x variants + variant.
"""

from __future__ import annotations

import numpy as np
import pytest

from workbench.document import DumpingEpisode, ExportRestriction, SupplyOutage
from workbench.engine import EngineInputError
from workbench.engine.cases import build_cases, prepare
from workbench.engine.market import MineralMarket, Model
from workbench.engine.stress_events import capped_exports, compile_stress, stress_cases

REGIONS = ("US", "EU", "JP", "CN")
US, EU, JP, CN = range(4)
ORE, SALT = 0, 1


def _market(mineral, flows):
    flows = np.array(flows, float)
    return MineralMarket(
        mineral=mineral, name=mineral, price=100.0, production=flows.sum(axis=1), consumption=flows.sum(axis=0),
        flows=flows, supply_elasticity=np.ones(4), demand_elasticity=-np.ones(4), armington=5.0, demand_growth=0.0,
        price_index=np.ones(3), volatility=0.3, mean_reversion=0.5)


MODEL = Model(
    regions=REGIONS, region_names={c: c for c in REGIONS}, members=("US", "EU"), base_year=2025, horizon=3,
    discount_rate=0.0, usd_per={},
    markets={"ore": _market("ore", [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0], [2, 2, 4, 2]]),
             "salt": _market("salt", [[2, 1, 1, 0], [0, 0, 0, 0], [0, 0, 0, 0], [1, 2, 1, 4]])})


def _base(cid="x", mineral="ore", start=2027, years=1):
    return dict(id=cid, title=cid, mineral=mineral, start_year=start, duration_years=years)


def restriction(supplier="CN", share=0.5, targets="all", partners=(), **kw):
    return ExportRestriction(supplier=supplier, share_withheld=share, targets=targets, target_partners=list(partners),
                             **_base(**kw))


def dumping(cut=0.3, **kw):
    return DumpingEpisode(supplier="CN", price_cut=cut, **_base(**kw))


def outage(region="US", share=0.4, **kw):
    return SupplyOutage(region=region, share_lost=share, **_base(**kw))


# ---- compile_stress -------------------------------------------------------------------------------------------------

def test_an_event_is_in_force_from_its_first_year_for_its_duration():
    assert compile_stress(MODEL, restriction()).years.tolist() == [False, True, False]
    assert compile_stress(MODEL, restriction(start=2026, years=2)).years.tolist() == [True, True, False]
    assert compile_stress(MODEL, restriction(start=2028, years=5)).years.tolist() == [False, False, True]


def test_a_restriction_covers_its_targets_but_never_its_supplier():
    ev = compile_stress(MODEL, restriction())
    assert (ev.supplier, ev.targets.tolist(), ev.share, ev.price_cut) == (CN, [True, True, True, False], 0.5, 0.0)
    assert ev.kind == "export_restriction" and ev.in_force.tolist() == [False, True, False]
    # the zone (US, EU) restricted by one of its own members: the EU only
    zone = compile_stress(MODEL, restriction(supplier="US", targets="zone"))
    assert (zone.supplier, zone.targets.tolist()) == (US, [False, True, False, False])
    named = compile_stress(MODEL, restriction(targets="partners", partners=("JP", "US")))
    assert named.targets.tolist() == [True, False, True, False]


def test_regions_the_model_lacks_are_named_with_the_field():
    with pytest.raises(EngineInputError, match=r"^stress test 'x': 'KR' is not a region of the model "
                                               r"\(US, EU, JP, CN\)$"):
        compile_stress(MODEL, restriction(supplier="KR"))
    with pytest.raises(EngineInputError, match=r"^stress test 'x'\.target_partners: 'KR' is not a region"):
        compile_stress(MODEL, restriction(targets="partners", partners=("JP", "KR")))
    with pytest.raises(EngineInputError, match="'KR' is not a region"):
        compile_stress(MODEL, outage(region="KR"))


def test_dumping_and_outages_carry_their_cut_or_share():
    d = compile_stress(MODEL, dumping())
    assert (d.supplier, d.share, d.price_cut, d.targets.any()) == (CN, 0.0, 0.3, False)
    assert d.in_force.tolist() == [False, True, False]
    o = compile_stress(MODEL, outage())
    assert (o.supplier, o.share, o.price_cut, o.targets.any()) == (US, 0.4, 0.0, False)
    everywhere = compile_stress(MODEL, outage(region="*"))
    assert everywhere.targets.tolist() == [True] * 4 and everywhere.share == 0.4


def test_an_event_that_withholds_nothing_is_never_in_force():
    assert compile_stress(MODEL, restriction(share=0.0)).in_force.tolist() == [False] * 3
    assert compile_stress(MODEL, outage(share=0.0)).in_force.tolist() == [False] * 3


# ---- stress_cases ---------------------------------------------------------------------------------------------------

def _cases(b):
    setup = prepare(MODEL, ["ore", "salt"], [])
    return setup, build_cases(setup, np.ones((2, 3, b)), np.zeros((2, 3, b, 4)))


def _row(mineral, year, variant, b):
    return (mineral * 3 + year - 2026) * b + variant


def test_each_event_changes_only_its_own_mineral_years_and_variant():
    events = [None,
              compile_stress(MODEL, outage(mineral="salt")),                        # US salt output -40 % in 2027
              compile_stress(MODEL, dumping(start=2027, years=2)),                  # CN ore 30 % cheaper abroad
              compile_stress(MODEL, restriction(supplier="US", mineral="salt", start=2026)),  # US halves salt exports
              compile_stress(MODEL, restriction(share=1.0, targets="partners", partners=("JP",), start=2028)),
              compile_stress(MODEL, outage(region="*", share=0.5, start=2026))]     # everyone's ore -50 % in 2026
    ev_m = [0, SALT, ORE, SALT, ORE, ORE]
    b = len(events)
    exports_ref = np.arange(18.0).reshape(3, 6)        # (H, B) shipments to the targets in the calm world
    setup, calm = _cases(b)
    cases = stress_cases(calm, events, ev_m, 3, exports_ref)
    x0 = setup.production_share

    production = calm.production_share.copy()
    production[_row(SALT, 2027, 1, b), US] = 0.6 * x0[SALT, US]
    production[_row(ORE, 2026, 5, b)] = 0.5 * x0[ORE]
    assert cases.production_share == pytest.approx(production)

    wedge = np.zeros((36, 4, 4))
    for year in (2027, 2028):
        wedge[_row(ORE, year, 2, b), CN, [US, EU, JP]] = np.log(0.7)
    assert cases.export_wedge == pytest.approx(wedge)

    imports = calm.import_share.copy()
    imports[_row(ORE, 2028, 4, b), CN, JP] = 0.0        # the total ban takes CN's ore out of Japan's basket
    assert cases.import_share == pytest.approx(imports)

    quota_row = _row(SALT, 2026, 3, b)
    expected_from = -np.ones(36, int)
    expected_from[quota_row] = US
    assert cases.quota_from.tolist() == expected_from.tolist()
    assert cases.quota_to[quota_row].tolist() == [False, True, True, True] and cases.quota_to.sum() == 3
    quota = np.full(36, np.inf)
    quota[quota_row] = 0.5 * exports_ref[0, 3]
    assert cases.quota.tolist() == quota.tolist()


def test_a_restriction_just_short_of_everything_is_a_total_ban():
    for share, ban in ((1.0 - 1e-9, True), (1.0 - 1e-8, False), (1.0, True)):
        ev = compile_stress(MODEL, restriction(share=share))
        _, calm = _cases(1)
        cases = stress_cases(calm, [ev], [ORE], 3, np.full((3, 1), 4.0))
        row = _row(ORE, 2027, 0, 1)
        assert bool(cases.import_share[row, CN, US] == 0.0) is ban, share
        assert (cases.quota is None) is ban, share


def test_events_that_change_nothing_leave_the_cases_alone():
    _, calm = _cases(2)
    idle = [None, compile_stress(MODEL, restriction(share=0.0))]
    cases = stress_cases(calm, idle, [0, ORE], 3, np.ones((3, 2)))
    assert cases.export_wedge is None and cases.quota_from is None and cases.quota is None
    assert cases.import_share == pytest.approx(calm.import_share)
    assert cases.production_share == pytest.approx(calm.production_share)


def test_a_restriction_caps_what_the_supplier_shipped_its_targets_in_the_calm_world():
    calm_flows = np.zeros((2, 3, 1, 4, 4))
    calm_flows[SALT, :, 0, CN] = [[1, 2, 3, 9], [1, 1, 1, 9], [0, 0, 5, 9]]   # CN's salt to US, EU, JP and home
    calm_flows[ORE, :, 0, CN] = 100.0
    events = [compile_stress(MODEL, restriction(mineral="salt", targets="partners", partners=("US", "JP"))),
              compile_stress(MODEL, dumping(mineral="salt")),
              compile_stress(MODEL, restriction(mineral="salt"))]
    out = capped_exports(calm_flows, events, [SALT, SALT, SALT])
    assert out.tolist() == [[4, 0, 6], [2, 0, 3], [5, 0, 5]]
