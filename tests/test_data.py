"""Tests of the embedded dataset and its loader: provenance, balances, conversions, volatility, validation."""

from __future__ import annotations

import math
import shutil
from importlib import resources
from pathlib import Path

import pytest

from workbench.data import CONFIDENCE_LEVELS, DatasetError, load_dataset, load_dataset_from
from workbench.data.units import tonnes, usd_per_tonne

MINERAL_IDS = ("lithium", "cobalt", "nickel", "graphite", "ndpr_oxide", "gallium", "germanium", "indium", "tungsten",
               "antimony", "manganese", "copper", "bismuth")


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    src = resources.files("workbench.resources").joinpath("data")
    dst = tmp_path / "data"
    with resources.as_file(src) as folder:
        shutil.copytree(folder, dst)
    return dst


def edit_cell(folder: Path, name: str, line: int, column: str, value: str) -> None:
    """Replace one cell of a CSV file (line numbers as in an editor, header = 1)."""
    import csv

    path = folder / name
    rows = list(csv.reader(path.open(newline="", encoding="utf-8")))
    rows[line - 1][rows[0].index(column)] = value
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def test_all_thirteen_minerals_load_with_base_year_2025(ds):
    assert set(MINERAL_IDS) <= set(ds.minerals)
    for mid in MINERAL_IDS:
        m = ds.mineral(mid)
        assert m.id == mid and m.base_year == 2025
        assert m.reference_price.value > 0 and m.reference_price.unit == f"USD/{m.quantity_unit}"
        assert m.reference_price.value == m.price_history[2025]


def test_unknown_mineral_names_the_id_and_the_known_ids(ds):
    with pytest.raises(KeyError) as err:
        ds.mineral("unobtainium")
    assert "unobtainium" in str(err.value) and "ndpr_oxide" in str(err.value)


def test_every_number_has_source_vintage_and_valid_confidence(ds):
    items = ds.sourced_items()
    assert len(items) > 300
    for mineral, item, s in items:
        assert s.source.strip(), (mineral, item)
        assert s.vintage.strip(), (mineral, item)
        assert s.confidence in CONFIDENCE_LEVELS, (mineral, item, s.confidence)
        assert math.isfinite(s.value), (mineral, item)


def test_assumptions_have_ranges_that_contain_the_value(ds):
    assumptions = 0
    for mineral, item, s in ds.sourced_items():
        if s.confidence == "assumption":
            assumptions += 1
            assert s.low is not None and s.high is not None, (mineral, item)
            assert s.source.startswith(("assumption", "derived")), (mineral, item, s.source)
        if s.low is not None and s.high is not None:
            assert s.low <= s.value <= s.high, (mineral, item, s)
    assert assumptions > 100


def test_elasticity_signs_and_defaults(ds):
    for m in ds.minerals.values():
        assert 0 < m.supply_elasticity.low <= m.supply_elasticity.value <= m.supply_elasticity.high
        assert m.demand_elasticity.low <= m.demand_elasticity.value <= m.demand_elasticity.high < 0
        assert 4 <= m.armington_elasticity.value <= 10
        assert m.mean_reversion.confidence == "assumption" and m.demand_growth.confidence == "assumption"
    # by-product metals are the least elastic
    assert all(ds.mineral(b).supply_elasticity.value < ds.mineral("nickel").supply_elasticity.value
               for b in ("gallium", "germanium", "indium", "bismuth"))
    assert ds.mineral("copper").supply_elasticity.value == 1.5  # Pindyck & Rubinfeld textbook value
    assert "Pindyck" in ds.mineral("copper").supply_elasticity.source
    # the published cobalt estimates (elasticities_published.csv: a 2023 structural model, not peer-reviewed)
    cobalt = ds.mineral("cobalt")
    assert (cobalt.supply_elasticity.value, cobalt.demand_elasticity.value) == (0.38, -0.28)
    assert cobalt.supply_elasticity.confidence == "low"
    assert "City, University of London" in cobalt.supply_elasticity.source
    # the other minerals' elasticities stay flagged assumptions with ranges
    assert all(m.supply_elasticity.confidence == "assumption" for mid, m in ds.minerals.items()
               if mid not in ("cobalt", "copper"))


def test_world_consumption_equals_world_production(ds):
    for m in ds.minerals.values():
        world = sum(s.value for s in m.production.values())
        assert world == pytest.approx(m.world_production)
        assert sum(s.value for s in m.consumption.values()) == pytest.approx(world, rel=1e-12)
        assert {"US", "EU", "JP", "MX", "CN", "OTHER"} <= set(m.consumption)
        assert all(s.value >= 0 for s in m.consumption.values())
        assert "Other countries" in m.production and "China" in m.production


def test_production_world_totals_follow_usgs(ds):
    nickel = ds.mineral("nickel")
    assert nickel.world_production == pytest.approx(3_900_000)  # USGS world (rounded) 2025
    assert nickel.production["Indonesia"].value == 2_600_000
    # USGS "Other countries" 290,000 t plus rounding: 3,900,000 - sum of named countries
    named = sum(s.value for c, s in nickel.production.items() if c != "Other countries")
    assert nickel.production["Other countries"].value == pytest.approx(3_900_000 - named)
    # named countries exceed the rounded world total: the sum is used and the residual is zero
    bismuth = ds.mineral("bismuth")
    assert bismuth.world_production == pytest.approx(16_280)
    assert bismuth.production["Other countries"].value == 0
    # unit conversions of quantities: thousand t and kg
    assert ds.mineral("copper").production["China"].value == 14_000_000
    assert ds.mineral("gallium").production["Russia"].value == pytest.approx(6)


def test_producers_are_counted_at_the_traded_stage(ds):
    # refined cobalt: China's refining share of the USGS world total; the DRC ships hydroxide to be refined elsewhere
    cobalt = ds.mineral("cobalt")
    assert cobalt.stage == "refined" and cobalt.world_production == pytest.approx(310_000)
    assert cobalt.production["China"].value == pytest.approx(0.73 * 310_000)
    assert "Congo (Kinshasa)" not in cobalt.production and cobalt.production["Japan"].value == 6240
    assert "Congo (Kinshasa)" in cobalt.production["Other countries"].note
    # separated NdPr oxide: Lynas's reported output, Estonia and Japan, China the residual
    ndpr = ds.mineral("ndpr_oxide")
    assert ndpr.production["Malaysia"].value == 5655
    assert {"Estonia", "Japan"} <= set(ndpr.production)
    assert ndpr.production["China"].value / ndpr.world_production == pytest.approx(0.90, abs=0.01)
    # gallium metal: Japan's refining from JOGMEC's consumption minus imports (167 - 97 t)
    assert ds.mineral("gallium").production["Japan"].value == pytest.approx(70)
    # every producer set at the traded stage carries a source, a vintage and a confidence
    for m in ds.minerals.values():
        for country, s in m.production.items():
            assert s.source and s.vintage and s.confidence in CONFIDENCE_LEVELS, (m.id, country)

def test_copper_is_refinery_output_and_says_so(ds):
    copper = ds.mineral("copper")
    assert copper.stage == "refined"
    assert "refinery" in copper.production["Chile"].note
    assert copper.production["Chile"].value == 1_700_000


def test_germanium_is_a_flagged_estimate_from_the_china_share(ds):
    ge = ds.mineral("germanium")
    china = ge.production["China"]
    assert china.value == pytest.approx(85) and china.confidence == "low"
    # the world is China plus the refiners the import data need (a derived total): China 74%, inside 70-90%
    assert 0.70 <= china.value / ge.world_production <= 0.90
    other = ge.production["Other countries"]
    assert other.confidence == "low" and other.source.startswith("derived:")


def test_ndpr_oxide_derived_from_rare_earths_with_share_assumption(ds):
    ndpr = ds.mineral("ndpr_oxide")
    assert ndpr.quantity_unit == "t NdPr oxide" and ndpr.stage == "separated_oxide"
    assert ndpr.world_production == pytest.approx(0.20 * 390_000)  # NdPr share x USGS world REO mine output 2025
    assert ndpr.production["United States"].value == 1294
    assert ndpr.production["China"].confidence == "low" and ndpr.production["China"].source.startswith("derived:")
    share = [s for mid, item, s in ds.sourced_items() if mid == "ndpr_oxide" and item == "parameter:ndpr_share_of_reo"]
    assert share and share[0].confidence == "assumption" and (share[0].low, share[0].high) == (0.15, 0.25)
    assert ndpr.price_history == {2021: 92_000, 2022: 124_000, 2023: 75_000, 2024: 55_000, 2025: 69_000}


@pytest.mark.parametrize(("value", "unit", "expected"), [
    (69, "USD/kg", 69_000.0),                        # NdPr oxide 2025
    (25, "USD/lb", 55_115.5),                        # antimony 2025: 25 x 2,204.62
    (440, "US cents/lb", 9_700.328),                 # copper LME 2025: 4.40 x 2,204.62
    (380, "USD/mtu WO3", 47_919.2938),               # tungsten: 380 / 7.93 kg W x 1,000
    (9_000, "USD/t LCE", 47_907.0),                  # lithium carbonate: 9,000 x 5.323
    (4.5, "USD/mtu Mn", 450.0),                      # manganese ore: 100 mtu per t Mn
    (15_000, "USD/t", 15_000.0),
])
def test_price_conversions_by_hand(value, unit, expected):
    converted, how = usd_per_tonne(value, unit)
    assert converted == pytest.approx(expected, rel=1e-9)
    assert unit in how


def test_quantity_conversions_and_unknown_units():
    assert tonnes(850, "thousand t Cu") == 850_000
    assert tonnes(19_000, "kg Ga") == 19
    assert tonnes(5, "t Li content") == 5
    with pytest.raises(ValueError, match="'lb Cu'"):
        tonnes(1, "lb Cu")
    with pytest.raises(ValueError, match="'EUR/t'"):
        usd_per_tonne(1, "EUR/t")


def test_reference_prices_in_usd_per_tonne(ds):
    assert ds.mineral("antimony").reference_price.value == pytest.approx(55_115.5)
    assert ds.mineral("ndpr_oxide").reference_price.value == pytest.approx(69_000)
    assert ds.mineral("lithium").reference_price.value == pytest.approx(47_907.0)
    assert "5.323" in ds.mineral("lithium").reference_price.note


def test_volatility_equals_hand_computed_sd(ds):
    # antimony USD/lb 2021-25: 5.31, 6.18, 5.49, 10.24, 25.00 (the USD/t factor cancels in the ratios)
    changes = [math.log(6.18 / 5.31), math.log(5.49 / 6.18), math.log(10.24 / 5.49), math.log(25.00 / 10.24)]
    mean = sum(changes) / 4
    sd = math.sqrt(sum((c - mean) ** 2 for c in changes) / 3)
    assert sd == pytest.approx(0.45543, abs=1e-5)
    vol = ds.mineral("antimony").volatility
    assert vol.value == pytest.approx(sd, rel=1e-12)
    assert vol.confidence == "low" and "4 annual log changes" in vol.note


def test_copper_volatility_from_the_longer_us_series(ds):
    copper = ds.mineral("copper")
    assert sorted(copper.price_history) == [2024, 2025]
    assert "price_us_producer_cathode" in copper.volatility.source


def test_us_trade_data(ds):
    for m in ds.minerals.values():
        assert m.us_net_import_reliance_pct is not None
        assert 0 <= m.us_net_import_reliance_pct.value <= 100
        assert sum(m.us_import_sources.values()) == pytest.approx(1.0)
        assert all(0 <= v <= 1 for v in m.us_import_sources.values())
    assert ds.mineral("antimony").us_import_sources["China"] == pytest.approx(0.55)
    lithium = ds.mineral("lithium").us_net_import_reliance_pct
    assert (lithium.value, lithium.low, lithium.high) == (50, 50, 100)


def test_us_consumption_from_usgs(ds):
    assert ds.mineral("copper").consumption["US"].value == 2_200_000
    assert ds.mineral("copper").consumption["US"].confidence == "high"
    assert ds.mineral("gallium").consumption["US"].value == pytest.approx(19)
    assert ds.mineral("cobalt").consumption["EU"].confidence == "assumption"


def test_sources_table_covers_every_mineral(ds):
    table = ds.sources_table()
    assert list(table.columns[:7]) == ["mineral", "item", "value", "unit", "source", "vintage", "confidence"]
    assert set(MINERAL_IDS) <= set(table["mineral"])
    for mid in MINERAL_IDS:
        items = set(table.loc[table["mineral"] == mid, "item"])
        assert {"reference_price", "volatility", "supply_elasticity", "consumption:OTHER", "production:China"} <= items
        assert any(i.startswith("price:") for i in items)
    assert (table["source"].str.strip() != "").all()
    assert table["confidence"].isin(CONFIDENCE_LEVELS).all()
    assert "gdp_usd_bn:US" in set(table["item"])


def test_regions_and_country_region(ds):
    assert len(ds.region_countries["EU"]) == 27
    assert "Czechia" in ds.region_countries["EU"] and "New Caledonia (France)" not in ds.region_countries["EU"]
    codes = ["US", "EU", "JP", "MX", "CN"]
    assert ds.country_region("China", codes) == "CN"
    assert ds.country_region("Germany", codes) == "EU"
    assert ds.country_region("Korea, Republic of", codes) == "ROW"
    assert ds.country_region("Korea, Republic of", codes + ["KR"]) == "KR"
    assert ds.country_region("Chile", codes) == "ROW"
    # every producing country spelt the USGS way maps somewhere or is deliberately ROW
    assert ds.country_region("Congo (Kinshasa)", ["CD"]) == "CD"


def test_gdp_is_flagged_as_recalled(ds):
    for code in ("US", "EU", "JP", "MX", "CN", "CA", "AU", "KR", "IN"):
        g = ds.gdp_usd_bn[code]
        assert g.value > 0 and g.confidence == "low" and "verify" in g.source


def test_load_dataset_is_cached():
    assert load_dataset() is load_dataset()


def test_copy_of_the_data_loads_the_same(data_copy, ds):
    copy = load_dataset_from(data_copy)
    assert copy.mineral("nickel").production == ds.mineral("nickel").production


@pytest.mark.parametrize(("name", "line", "column", "value", "message"), [
    ("production.csv", 5, "source", "  ", r"production\.csv, row 4 \(line 5\), column 'source': empty"),
    ("prices.csv", 3, "vintage", "", r"prices\.csv, row 2 \(line 3\), column 'vintage': empty"),
    ("prices.csv", 3, "confidence", "certain",
     r"prices\.csv, row 2 \(line 3\), column 'confidence': 'certain' is not one of"),
    ("production.csv", 2, "value", "12,5OO",
     r"production\.csv, row 1 \(line 2\), column 'value': '12,5OO' is not a number"),
    ("parameters.csv", 2, "high", "", r"parameters\.csv, row 1 \(line 2\), column 'high': empty; an assumption needs"),
    ("parameters.csv", 2, "value", "99",
     r"parameters\.csv, row 1 \(line 2\), column 'value': 99 lies outside its range"),
    ("prices.csv", 2, "unit", "EUR/t", r"prices\.csv, row 1 \(line 2\), column 'unit': price unit 'EUR/t'"),
    ("minerals.csv", 2, "production_rule", "guess",
     r"minerals\.csv, row 1 \(line 2\), column 'production_rule': unknown rule"),
])
def test_bad_cell_is_rejected_naming_file_line_and_column(data_copy, name, line, column, value, message):
    edit_cell(data_copy, name, line, column, value)
    with pytest.raises(DatasetError, match=message):
        load_dataset_from(data_copy)


def test_consumption_above_world_production_is_rejected(data_copy):
    import csv

    lines = list(csv.DictReader((data_copy / "consumption.csv").open(encoding="utf-8")))
    line = next(i for i, r in enumerate(lines, start=2) if r["mineral"] == "copper" and r["economy"] == "CN")
    edit_cell(data_copy, "consumption.csv", line, "value", "0.99")
    edit_cell(data_copy, "consumption.csv", line, "high", "0.99")
    with pytest.raises(DatasetError, match=r"exceeds world production .*'copper'"):
        load_dataset_from(data_copy)


def test_missing_file_is_named(data_copy):
    (data_copy / "gdp.csv").unlink()
    with pytest.raises(DatasetError, match=r"gdp\.csv: data file missing"):
        load_dataset_from(data_copy)


@pytest.mark.parametrize("name", ["minerals.csv", "production.csv", "prices.csv", "consumption.csv", "parameters.csv",
                                  "us_import_reliance.csv", "us_import_sources.csv", "regions.csv", "gdp.csv"])
def test_every_data_file_rejects_a_row_without_source(data_copy, name):
    edit_cell(data_copy, name, 3, "source", "")
    with pytest.raises(DatasetError, match=rf"{name.replace('.', '[.]')}, row 2 \(line 3\), column 'source': empty"):
        load_dataset_from(data_copy)


def test_a_figure_given_twice_is_rejected(data_copy):
    path = data_copy / "production.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [lines[1]]), encoding="utf-8")
    with pytest.raises(DatasetError, match=rf"production[.]csv, row {len(lines)} .*already given on line 2"):
        load_dataset_from(data_copy)


def test_residual_economy_cannot_be_given(data_copy):
    edit_cell(data_copy, "consumption.csv", 2, "economy", "OTHER")
    with pytest.raises(DatasetError, match="'OTHER' is reserved for the residual"):
        load_dataset_from(data_copy)
