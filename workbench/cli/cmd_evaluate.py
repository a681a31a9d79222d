"""``workbench-cli evaluate FILE [--json]``: per-partner fiscal cost and price effects of a scenario."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbench.cli.io import read_scenario
from workbench.cli.main import CliError
from workbench.untrusted_text import shown

help = "evaluate scenario FILE: per-partner fiscal cost (annual, PV, peak) and price effects"

_COLUMNS = (  # (column, heading, scale, width, decimals)
    ("fiscal_cost_avg_usd", "avg/yr USD m", 1e-6, 13, 1),
    ("fiscal_cost_pv_usd", "PV USD m", 1e-6, 11, 1),
    ("fiscal_cost_peak_usd", "peak USD m", 1e-6, 11, 1),
    ("consumer_price_change_pct", "cons. price %", 1.0, 14, 2),
    ("producer_price_change_pct", "prod. price %", 1.0, 14, 2),
    ("china_share_pct", "from CN %", 1.0, 10, 1),
    ("china_share_base_pct", "base %", 1.0, 7, 1),
    ("welfare_change_pv_usd", "welfare PV USD m", 1e-6, 17, 1),
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``evaluate``."""
    p.add_argument("file", type=Path, metavar="FILE", help="scenario file to evaluate")
    p.add_argument("--json", action="store_true", help="print the full result as JSON (see docs/cli.md)")
    p.add_argument("--option", metavar="A|B|C|D", choices=["A", "B", "C", "D"], default=None,
                   help="model that option wherever a bracket has it (default: each bracket's selected option)")


def run(args: argparse.Namespace) -> int:
    """Load the scenario, evaluate it, print the per-partner table (or JSON)."""
    from workbench.engine import EngineInputError, InfeasibleMarket, evaluate

    scenario = read_scenario(args.file, warn=False).scenario
    try:
        result = evaluate(scenario, option=args.option)
    except (EngineInputError, InfeasibleMarket) as exc:
        raise CliError(f"{args.file}: cannot evaluate: {exc}") from None
    if args.json:
        json.dump(result.to_json(), sys.stdout, indent=2)
        print()
        return 0
    for w in result.warnings:
        print(f"warning: {shown(w)}", file=sys.stderr)
    print(f"{shown(args.file)}: {result.years[0]}-{result.years[-1]}, "
          f"discount rate {scenario.document.assumptions.discount_rate:.1%}; + = cost to the treasury")
    table = result.partner_table
    print(f"{'region':<8}" + "".join(f"{h:>{w}}" for _c, h, _s, w, _d in _COLUMNS))
    for region in result.regions:
        cells = (f"{_clean(table.at[region, c] * s, d):>{w},.{d}f}" for c, _h, s, w, d in _COLUMNS)
        print(f"{region:<8}" + "".join(cells))
    return 0


def _clean(x: float, decimals: int) -> float:
    """The value, with anything that would print as -0.0 shown as 0."""
    return 0.0 if abs(x) < 0.5 * 10 ** -decimals else float(x)
