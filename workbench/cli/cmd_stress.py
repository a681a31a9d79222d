"""``workbench-cli stress FILE [--json] [--test ID]``: each stress test with and without the agreement, per region."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbench.analysis.units import figure
from workbench.cli import layout
from workbench.cli.io import read_scenario, print_warning
from workbench.cli.main import CliError
from workbench.untrusted_text import shown

help = "stress-test scenario FILE: price spike, shortfall, stocks, fiscal cost and security value per region"

#: (column, heading over two lines, scale, decimals): the world's effect, then what the agreement's stocks and money do.
_EFFECTS = (
    ("consumer_price_change_pct_without", ("price %", "w/o"), 1.0, 1),
    ("consumer_price_change_pct_with", ("price %", "with"), 1.0, 1),
    ("shortfall_pct_without", ("short %", "w/o"), 1.0, 1),
    ("shortfall_pct_with", ("short %", "with"), 1.0, 1),
)
_RESPONSE = (
    ("days_of_cover_with", ("cover", "days"), 1.0, 0),
    ("released_t_with", ("released", "t"), 1.0, 0),
    ("fiscal_cost_pv_usd_with", ("cost PV", "USD m"), 1e-6, 1),
    ("security_value_pv_usd", ("security PV", "USD m"), 1e-6, 1),
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``stress``."""
    p.add_argument("file", type=Path, metavar="FILE", help="scenario file with stress tests")
    p.add_argument("--json", action="store_true", help="print the results as JSON (see docs/cli.md)")
    p.add_argument("--test", metavar="ID", action="append", default=None,
                   help="run only this stress test (repeatable; default: all of the scenario's)")
    p.add_argument("--option", metavar="A|B|C|D", choices=["A", "B", "C", "D"], default=None,
                   help="model that option wherever a bracket has it (default: each bracket's selected option)")


def run(args: argparse.Namespace) -> int:
    """Load the scenario, run its stress tests, print one table per test (or JSON); exit 1 if a test failed."""
    from workbench.engine import EngineInputError, InfeasibleMarket
    from workbench.engine.stress import run_stress_tests

    scenario = read_scenario(args.file, warn=False).scenario
    if not scenario.document.stress_tests:
        raise CliError(f"{shown(args.file)}: the scenario has no stress tests")
    try:
        result = run_stress_tests(scenario, option=args.option, test_ids=args.test)
    except (EngineInputError, InfeasibleMarket) as exc:
        raise CliError(f"{shown(args.file)}: cannot run the stress tests: {shown(exc)}") from None
    failed = [t for t in result.tests if t.error]
    if args.json:
        json.dump(result.to_json(), sys.stdout, indent=2, allow_nan=False)
        print()
        return 1 if failed else 0
    for w in result.warnings:
        print_warning(shown(w))
    width = layout.terminal_width()
    print(layout.wrapped(f"{shown(args.file)}: {len(result.tests)} stress test(s); 'w/o' = without the agreement's "
                         "clauses, 'with' = with them; price and shortfall over the years in force against the same "
                         "world calm; money PV, + = cost to the treasury", width))
    names = {m.id: m.name for m in scenario.document.minerals}
    for t in result.tests:
        years = [y for y, on in zip(t.years, t.active) if on]
        span = f"{years[0]}-{years[-1]}" if years else "not in force within the horizon"
        mineral = shown(names.get(t.mineral, t.mineral))
        print()
        print(layout.wrapped(f"[{t.id}] {shown(t.title)} ({t.kind.replace('_', ' ')}, {mineral}, {span})", width))
        if t.error:
            print(layout.wrapped(f"no result: {shown(t.error)}", width, first="  ", rest="  "))
            continue
        table = t.table
        blocks = [[(heading, [figure(table.at[region, c] * scale, decimals) for region in t.regions])
                   for c, heading, scale, decimals in columns] for columns in (_EFFECTS, _RESPONSE)]
        for line in layout.table(t.regions, blocks, width):
            print(line)
        if t.kind == "export_restriction":
            wedge = [x for x, on in zip(t.export_tax_equivalent_pct("with"), t.active) if on]
            figures = ", ".join("ban" if x is None else f"{figure(x, 1)} %" for x in wedge)
            print(layout.wrapped(f"export-tax equivalent of the restriction (with the agreement), by year in force: "
                                 f"{figures}", width, first="  ", rest="  "))
    for t in failed:
        print(f"workbench-cli stress: {shown(args.file)}: test {t.id}: {shown(t.error)}", file=sys.stderr)
    return 1 if failed else 0
