"""``workbench-cli stress``: tables per stress test, the documented JSON, --test, one-line failures."""

from __future__ import annotations

import json

import pytest

from workbench.cli.main import main
from workbench.engine.stress_results import STRESS_COLUMNS

ISSUE_KEYS = {"region", "consumer_price_change_pct_without", "consumer_price_change_pct_with",
              "shortfall_pct_without", "shortfall_pct_with", "days_of_cover_with", "fiscal_cost_pv_usd_with",
              "security_value_pv_usd"}


@pytest.fixture(scope="module")
def default_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "default.cmws"
    assert main(["new", "-o", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def stress_json(default_file):
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["stress", str(default_file), "--json"]) == 0
    return json.loads(out.getvalue())


def test_json_has_the_issue_shape_for_every_default_test(stress_json):
    tests = stress_json["tests"]
    assert [t["id"] for t in tests] == ["cn-indium-licensing", "cn-ndpr-dumping", "drc-cobalt-quota"]
    for t in tests:
        assert t["title"] and t["source_note"]
        assert [r["region"] for r in t["regions"]] == ["US", "EU", "JP", "MX", "CN", "ROW"]
        for row in t["regions"]:
            assert ISSUE_KEYS <= set(row) and set(STRESS_COLUMNS) <= set(row)
            assert all(v is None or isinstance(v, (int, float, str)) for v in row.values())


def test_default_tests_tell_the_story_the_agreement_is_for(stress_json):
    by_id = {t["id"]: {r["region"]: r for r in t["regions"]} for t in stress_json["tests"]}
    indium = by_id["cn-indium-licensing"]
    # the restriction raises US prices; the stock released softens the spike for the US
    assert indium["US"]["consumer_price_change_pct_without"] > 10
    assert indium["US"]["consumer_price_change_pct_with"] < indium["US"]["consumer_price_change_pct_without"]
    assert indium["US"]["released_t_with"] > 0 and indium["US"]["days_of_cover_with"] > 90
    assert indium["US"]["security_value_pv_usd"] > 0
    # dumping lowers prices without the agreement; the floor holds them for the parties it covers
    ndpr = by_id["cn-ndpr-dumping"]
    for p in ("EU", "JP"):
        assert ndpr[p]["consumer_price_change_pct_without"] < -10
        assert abs(ndpr[p]["consumer_price_change_pct_with"]) < 0.5
    # the outage raises everyone's price; the cobalt stock the US releases lowers it for all
    cobalt = by_id["drc-cobalt-quota"]
    assert all(r["consumer_price_change_pct_without"] > 50 for r in cobalt.values())
    assert cobalt["US"]["released_t_with"] > 0
    assert all(r["security_value_pv_usd"] > 0 for r in cobalt.values())


def test_table_and_test_filter(default_file, capsys):
    assert main(["stress", str(default_file), "--test", "cn-indium-licensing"]) == 0
    out = capsys.readouterr().out
    assert "[cn-indium-licensing]" in out and "[cn-ndpr-dumping]" not in out
    assert "export-tax equivalent" in out
    rows = [ln.split()[0] for ln in out.splitlines() if ln.split() and ln.split()[0] in {"US", "EU", "JP", "MX",
                                                                                         "CN", "ROW"}]
    assert rows == ["US", "EU", "JP", "MX", "CN", "ROW"]
    assert "-0.0" not in out


def test_unknown_test_is_a_one_line_failure(default_file, capsys):
    assert main(["stress", str(default_file), "--test", "nope"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "'nope' is not a stress test" in err


def test_a_changed_stress_test_shows_in_the_diff_between_delegations():
    from workbench.defaults import default_scenario
    from workbench.document import Scenario
    from workbench.sharing.diff import compare

    ours = default_scenario()
    data = ours.to_data()
    data["document"]["stress_tests"][0]["share_withheld"] = 0.8
    theirs = Scenario.from_data(data)
    text = compare(ours, theirs, with_impact=False).to_text()
    assert "stress tests" in text
    assert compare(ours, ours, with_impact=False).empty
