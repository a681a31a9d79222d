"""What the engine tells a negotiator in few words and in present values: short warning lines, the clauses named when
a market has no equilibrium (five, then 'and N more'), and consumer and producer gains discounted year by year."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from workbench.document import TariffClause
from workbench.engine import InfeasibleMarket
from workbench.engine import outcome
from workbench.engine.guards import ModelWarning
from tests.test_engine_cases import SINGLE, common, market, model, run


def _warning(code, figure, unit="x"):
    return ModelWarning("full text", code=code, clause_id="buy", mineral="ore", year=2027, figure=figure, unit=unit)


@pytest.mark.parametrize("code, figure, unit, line", [
    ("price_band", 2.5, "x", "Stockpile: price 2.50x the baseline (2027)"),
    ("purchase_share", 0.25, "share of world output", "Stockpile: buys 25% of world output (2027)"),
    ("purchase_share", 1.5, "x a source's output", "Stockpile: buys 1.5x a source's output (2027)"),
    ("below_market", 0.2, "share", "Stockpile: agreed price 20% below the market (2027)"),
    ("cfd_volume", 1.5, "x", "Stockpile: contracted volume 1.5x the eligible output (2027)"),
    ("revenue_above_imports", 3.0, "x", "Stockpile: revenue 3.0x the base import bill (2027)"),
])
def test_a_warning_in_one_short_line(code, figure, unit, line):
    assert _warning(code, figure, unit).short("Stockpile") == line
    assert _warning(code, figure, unit).short().startswith("buy: ")


def _no_equilibrium(monkeypatch, clauses: int):
    """solve_or_raise on one case that does not converge, with ``clauses`` clauses on its mineral that year."""
    setup = SimpleNamespace(minerals=["ore"], clauses=[SimpleNamespace(clause_id=f"c{i}", m=0, years=np.array([True]))
                                                       for i in range(1, clauses + 1)])
    failed = SimpleNamespace(converged=np.array([False]), residual=np.array([0.5]))
    monkeypatch.setattr(outcome, "solve", lambda cases, y0=None: failed)
    with pytest.raises(InfeasibleMarket) as info:
        outcome.solve_or_raise(setup, None, [2027], (1, 1, 1))
    return info.value


def test_a_market_without_equilibrium_names_five_clauses_then_counts_the_rest(monkeypatch):
    five = _no_equilibrium(monkeypatch, 5)
    assert "the ore market has no equilibrium in 2027 under clause(s) c1, c2, c3, c4, c5 (largest" in str(five)
    assert "more" not in str(five)
    six = _no_equilibrium(monkeypatch, 6)
    assert "under clause(s) c1, c2, c3, c4, c5 and 1 more (largest excess supply 5.00e-01" in str(six)
    assert six.clause_ids == ("c1", "c2", "c3", "c4", "c5", "c6") and six.year == 2027 and six.mineral == "ore"
    assert "under clause(s) (none)" in str(_no_equilibrium(monkeypatch, 0))


def test_consumer_and_producer_gains_are_discounted_year_by_year():
    # a tariff on CN's ore for three years at a 10 % discount rate: year t counts 1.1^-t
    clause = TariffClause(id="t", rate=0.5, exporters=["CN"], **common(duration_years=3))
    res = run(model(market(**SINGLE), rate=0.1), [clause])
    disc = 1.1 ** -np.arange(1, 4)
    us, cn = 0, 2
    yearly_cs = res.consumer_surplus[0, :, us]
    yearly_ps = res.producer_surplus[0, :, cn]
    assert yearly_cs.max() < 0 and yearly_ps.max() < 0        # US consumers pay more, CN producers sell for less
    table = res.partner_table
    assert table.at["US", "consumer_surplus_change_pv_usd"] == pytest.approx((yearly_cs * disc).sum(), rel=1e-12)
    assert table.at["CN", "producer_surplus_change_pv_usd"] == pytest.approx((yearly_ps * disc).sum(), rel=1e-12)
