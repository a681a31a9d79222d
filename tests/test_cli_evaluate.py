"""``workbench-cli evaluate``: the per-partner table, its JSON, and one-line failures."""

from __future__ import annotations

import json

import pytest

from workbench.cli.main import main
from workbench.engine.results import PARTNER_COLUMNS


@pytest.fixture(scope="module")
def default_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "default.cmws"
    assert main(["new", "-o", str(path)]) == 0
    return path


def test_table_has_every_region(default_file, capsys):
    assert main(["evaluate", str(default_file)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert "2026-2035" in lines[0]
    assert "PV USD m" in lines[1] and "cons. price %" in lines[1]
    assert [ln.split()[0] for ln in lines[2:8]] == ["US", "EU", "JP", "MX", "CN", "ROW"]
    assert lines[8].startswith("net = cash - stock PV")


def test_json_matches_the_documented_keys(default_file, capsys):
    assert main(["evaluate", str(default_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"years", "regions", "region_names", "minerals", "partners", "annual_net_fiscal_cost_usd",
                         "fiscal_pv_by_instrument_usd", "minerals_by_region", "warnings", "validity_warnings"}
    assert set(data["partners"]["JP"]) == set(PARTNER_COLUMNS)
    assert len(data["annual_net_fiscal_cost_usd"]["US"]) == len(data["years"])
    total = sum(data["partners"][r]["fiscal_cost_pv_usd"] for r in data["regions"])
    assert total == pytest.approx(sum(sum(v.values()) for v in data["fiscal_pv_by_instrument_usd"].values()))


def test_option_b_changes_the_result(default_file, capsys):
    main(["evaluate", str(default_file), "--json"])
    a = json.loads(capsys.readouterr().out)
    main(["evaluate", str(default_file), "--json", "--option", "B"])
    b = json.loads(capsys.readouterr().out)
    assert a["partners"]["US"]["fiscal_cost_pv_usd"] != b["partners"]["US"]["fiscal_cost_pv_usd"]


def test_missing_file_is_one_line(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "nope.cmws")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope.cmws" in err[0]
