"""Base-year bilateral flows against the import-source data shipped in resources/data (US, EU, Japan)."""

from __future__ import annotations

import csv
from importlib import resources

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.data import load_dataset
from workbench.engine.calibrate import UNNAMED_SOURCES, KnownImports, allocate_flows, build_model
from workbench.engine.calibration_report import calibration_table, with_every_mineral
from workbench.files.scenario_file import load_scenario

TOLERANCE_PP = 1.0


def _csv(name: str) -> list[dict[str, str]]:
    text = resources.files("workbench.resources").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _import_data() -> dict[tuple[str, str], dict[str, float]]:
    """(importer, mineral) -> country -> % of imports, read straight from the CSV files."""
    out: dict[tuple[str, str], dict[str, float]] = {}
    for row in _csv("us_import_sources.csv"):
        out.setdefault(("US", row["mineral"]), {})[row["country"]] = float(row["value"])
    for row in _csv("import_sources.csv"):
        out.setdefault((row["importer"], row["mineral"]), {})[row["country"]] = float(row["value"])
    return out


@pytest.fixture(scope="module")
def default_model():
    sc = load_scenario(resources.files("workbench.resources").joinpath("scenarios", "default.cmws")).scenario
    ds = load_dataset()
    sc = with_every_mineral(sc, ds)
    return sc, ds, build_model(sc, ds)


def test_every_known_import_share_is_reproduced_within_one_point(default_model):
    sc, ds, model = default_model
    region_of = {country: row["code"] for row in _csv("regions.csv") for country in [row["country"]]
                 if row["code"] in model.regions}
    regions = list(model.regions)
    checked = 0
    for (importer, mineral), shares in _import_data().items():
        if importer not in regions:
            continue
        j = regions.index(importer)
        col = model.markets[mineral].flows[:, j].copy()
        col[j] = 0.0
        model_pct = 100 * col / col.sum()
        named: dict[str, float] = {}
        for country, pct in shares.items():
            if country not in UNNAMED_SOURCES:
                code = region_of.get(country, "ROW")
                named[code] = named.get(code, 0.0) + pct
        other = 100.0 - sum(named.values())
        for code, pct in named.items():
            got = model_pct[regions.index(code)]
            checked += 1
            assert got >= pct - TOLERANCE_PP, f"{importer} {mineral} from {code}: model {got:.2f}% < data {pct:.2f}%"
            if code == "CN":  # China is one country: nothing "other" can come from it
                assert abs(got - pct) <= TOLERANCE_PP, f"{importer} {mineral} from CN: {got:.2f}% vs {pct:.2f}%"
            else:
                assert got <= pct + other + TOLERANCE_PP, f"{importer} {mineral} from {code}: {got:.2f}%"
    assert checked >= 50


def test_the_calibration_report_shows_no_gap_on_the_default_partners(default_model):
    sc, ds, model = default_model
    table = calibration_table(model, sc, ds)
    assert set(table["importer"]) == {"US", "EU", "JP"}
    assert table["gap_pp"].abs().max() <= TOLERANCE_PP
    assert not [w for w in model.warnings if "cannot" in w or "no producer" in w]


def test_a_hand_checked_allocation():
    # regions A (importer with data), B, C; A makes 2 and uses 10; B makes 10, C makes 8; B, C use 5 each
    prod, cons = np.array([2.0, 10.0, 8.0]), np.array([10.0, 5.0, 5.0])
    known = [KnownImports(0, named=np.array([0.0, 0.25, 0.0]), unnamed=np.array([0.0, 0.0, 8.0]), countries={})]
    f = allocate_flows(prod, cons, known)
    assert f[0, 0] == pytest.approx(2.0)             # home first: A sells its 2 t at home
    assert f[1, 0] == pytest.approx(0.25 * 8.0)      # 25% of A's 8 t of imports from B, as the data say
    assert f[2, 0] == pytest.approx(0.75 * 8.0)      # the unnamed 75% from C, the only unnamed producer
    assert np.allclose(f.sum(axis=1), prod) and np.allclose(f.sum(axis=0), cons)
    # the rest (B and C's own use) is the RAS fit of the production-share prior: B 8 t left, C 2 t left
    assert f[1, 1] + f[1, 2] == pytest.approx(8.0) and f[2, 1] + f[2, 2] == pytest.approx(2.0)
    assert f[1, 1] / f[2, 1] == pytest.approx(f[1, 2] / f[2, 2])


def test_without_import_data_the_flows_are_the_pooled_market():
    prod, cons = np.array([5.0, 0.0, 3.0, 2.0]), np.array([1.0, 4.0, 2.0, 3.0])
    assert np.allclose(allocate_flows(prod, cons), np.outer(prod, cons) / 10.0)


def test_an_exporter_too_small_for_its_named_share_is_scaled_down_and_named():
    prod, cons = np.array([0.0, 1.0, 9.0]), np.array([10.0, 0.0, 0.0])
    known = [KnownImports(0, named=np.array([0.0, 0.5, 0.0]), unnamed=np.array([0.0, 0.0, 9.0]), countries={})]
    warnings: list[str] = []
    f = allocate_flows(prod, cons, known, warnings, "ore", ("A", "B", "C"))
    assert f[1, 0] == pytest.approx(1.0) and np.allclose(f.sum(axis=1), prod)
    assert any("B's base-year output" in w for w in warnings)


@st.composite
def calibration_cases(draw):
    r = draw(st.integers(3, 6))
    prod = np.array(draw(st.lists(st.floats(0.0, 100.0), min_size=r, max_size=r)))
    prod[draw(st.integers(0, r - 1))] += 1.0
    weights = np.array(draw(st.lists(st.floats(0.01, 10.0), min_size=r, max_size=r)))
    cons = weights / weights.sum() * prod.sum()
    known = []
    for j in draw(st.sets(st.integers(0, r - 1), max_size=2)):
        named = np.array(draw(st.lists(st.floats(0.0, 1.0), min_size=r, max_size=r)))
        named[j] = 0.0
        total = named.sum()
        cap = draw(st.floats(0.0, 1.0))
        if total > cap:
            named *= cap / total if total > 0 else 0.0
        closed = np.array(draw(st.lists(st.booleans(), min_size=r, max_size=r)))
        unnamed = np.where(closed, 0.0, prod)
        unnamed[j] = 0.0
        known.append(KnownImports(j, named=named, unnamed=unnamed, countries={}))
    return prod, cons, known


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calibration_cases())
def test_calibration_never_overrides_a_known_share(case):
    prod, cons, known = case
    warnings: list[str] = []
    f = allocate_flows(prod, cons, known, warnings, "ore")
    total = prod.sum()
    assert np.all(f >= 0) and np.all(np.isfinite(f))
    assert np.allclose(f.sum(axis=1), prod, atol=1e-6 * total) and np.allclose(f.sum(axis=0), cons, atol=1e-6 * total)
    scaled = any("base-year output" in w for w in warnings)
    for k in known:
        col = f[:, k.importer].copy()
        col[k.importer] = 0.0
        if col.sum() <= 1e-9 * total:
            continue
        share = col / col.sum()
        spread = any("spread over every other producer" in w for w in warnings)
        for i in np.flatnonzero(k.named > 0):
            if not scaled:  # a named share is never cut unless the exporter cannot make it (and a warning says so)
                assert share[i] >= k.named[i] - 1e-6
            if not scaled and not spread and k.unnamed[i] == 0:
                assert share[i] == pytest.approx(k.named[i], abs=1e-6)  # nothing unnamed comes from a closed region


def test_the_cli_prints_the_report_and_exits_zero_within_one_point(capsys):
    from workbench.cli.main import main

    assert main(["calibration"]) == 0
    out = capsys.readouterr().out
    assert "largest gap: 0.00 pp" in out
    line = next(x for x in out.splitlines() if x.startswith("tungsten   US       CN"))
    assert line.split()[3:6] == ["26.0", "0.0", "26.0"]  # USGS: 26% of US tungsten imports from China
    assert main(["calibration", "--json"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert data["gap_limit_pp"] == 1.0 and abs(data["largest_gap"]["gap_pp"]) < 1e-6


def test_nickel_production_and_use_by_region_are_the_shipped_figures(default_model):
    """resources/data for nickel (2025, t Ni content): USGS mine output, US 10,000 t and China 120,000 t of a world
    total of 3,900,000 t (no EU, Japanese or Mexican mines); US use 90,000 t, China, EU, Japan and Mexico 60 %, 9 %,
    5 % and 0.5 % of world use; the rest of the world the remainder. No rescaling is needed."""
    sc, ds, model = default_model
    rows = [r for r in _csv("production.csv") if r["mineral"] == "nickel" and r["year"] == "2025"]
    world = next(float(r["value"]) for r in rows if r["country"] == "World (rounded)")
    usgs = {r["country"]: float(r["value"]) for r in rows}
    shares = {r["economy"]: float(r["value"]) for r in _csv("consumption.csv") if r["mineral"] == "nickel"}
    nickel = model.markets["nickel"]
    assert model.regions == ("US", "EU", "JP", "MX", "CN", "ROW")
    assert nickel.production.tolist() == [usgs["United States"], 0.0, 0.0, 0.0, usgs["China"],
                                          world - usgs["United States"] - usgs["China"]]
    use = [shares["US"], *(shares[c] * world for c in ("EU", "JP", "MX", "CN"))]
    assert nickel.consumption[:5] == pytest.approx(use, rel=1e-12)
    assert nickel.consumption[5] == pytest.approx(world - sum(use), rel=1e-12)
    assert nickel.flows.sum(axis=1) == pytest.approx(nickel.production, rel=1e-9)
    assert not [w for w in model.warnings if w.startswith("nickel")]
