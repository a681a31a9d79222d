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


REGIONS = ["US", "EU", "JP", "MX", "CN", "ROW"]


def test_table_has_every_region(default_file, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    assert main(["evaluate", str(default_file)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert "2026-2035" in lines[0]
    assert lines[1].split() == ["avg/yr", "net", "PV", "cash", "PV", "stock", "PV", "peak", "cons.", "prod.", "from",
                                "CN", "base", "welfare"]
    assert lines[2].split()[:3] == ["region", "USD", "m"] and lines[2].rstrip().endswith("PV USD m")
    assert [ln.split()[0] for ln in lines[3:9]] == REGIONS
    assert lines[9].startswith("net = cash - stock PV")


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_output_fits_the_terminal(default_file, capsys, monkeypatch, columns):
    """A negotiator's terminal: no line wider than it; the price columns go under the fiscal ones when they must."""
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.chdir(default_file.parent)
    assert main(["evaluate", default_file.name]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(ln) for ln in lines) <= columns
    rows = [ln.split() for ln in lines if ln.split()[:1] and ln.split()[0] in REGIONS]
    blocks = 1 if columns >= 100 else 2
    assert [r[0] for r in rows] == REGIONS * blocks
    assert sum(len(r) - 1 for r in rows) == 10 * len(REGIONS)  # every figure printed once
    text = " ".join(ln.strip() for ln in lines)
    assert "nickel reference price (USD 15,000/t)" in text  # an amount and its currency stay on one line


def test_wide_terminal_keeps_one_line_per_warning(default_file, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "1000")
    assert main(["evaluate", str(default_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    bullets = lines[lines.index("outside what the model can vouch for:") + 1:]
    assert bullets and all(ln.startswith("  - clause '") for ln in bullets)


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


def test_a_file_cleaned_on_reading_is_evaluated_with_its_warnings_said(default_file, tmp_path, capsys):
    """A received file whose clause title held an escape sequence is evaluated, but stderr says that control
    characters were removed and that the content hash no longer matches: nothing is changed silently."""
    data = json.loads(default_file.read_text(encoding="utf-8"))
    data["document"]["clauses"][0]["title"] = "Floor \x1b[31mRED\x1b[0m"
    changed = tmp_path / "changed.cmws"
    changed.write_text(json.dumps(data), encoding="utf-8")
    assert main(["evaluate", str(changed)]) == 0
    err = capsys.readouterr().err
    assert "control characters removed from 1 text field(s) (document.clauses[0].title)" in err
    assert "content hash does not match" in err
    assert main(["evaluate", str(default_file)]) == 0
    assert "warning" not in capsys.readouterr().err
