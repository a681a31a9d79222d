"""``workbench-cli gsim FILE.json [--json]``: the linear GSIM model (Francois & Hall 2003) on a trade experiment."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbench.cli.main import CliError
from workbench.files.json_input import JsonInputError, read_json_file

help = "run the linear GSIM model on FILE.json: world price change and welfare effects per region"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``gsim``."""
    p.add_argument("file", type=Path, metavar="FILE.json",
                   help="experiment: regions, trade, tariffs_initial, tariffs_final, elasticities")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--levels", action="store_true",
                   help="also solve the same market in levels (non-linear) and print its world price changes")


#: An experiment file is a handful of regions; 1 MiB holds a 300-region one, and bounds the work the solvers do.
MAX_EXPERIMENT_BYTES = 1024 * 1024


def run(args: argparse.Namespace) -> int:
    """Load the experiment, solve it, print one row per region."""
    from workbench.engine import EngineInputError
    from workbench.engine.gsim import parse, solve_levels, solve_linear

    try:
        g = parse(read_json_file(args.file, MAX_EXPERIMENT_BYTES, "an experiment file"))
        result = solve_linear(g)
        levels = solve_levels(g) if args.levels else None
    except JsonInputError as exc:
        raise CliError(str(exc)) from None
    except EngineInputError as exc:
        raise CliError(f"{args.file}: {exc}") from None
    if args.json:
        out = result.to_json()
        if levels is not None:
            for rec, dp in zip(out["regions"], levels):
                rec["levels_world_price_change_pct"] = 100 * float(dp)
        json.dump(out, sys.stdout, indent=2)
        print()
        return 0
    head = f"{'region':<8}{'world price %':>14}{'producer surplus':>18}{'consumer surplus':>18}" \
           f"{'tariff revenue':>16}{'net welfare':>13}" + (f"{'levels price %':>16}" if levels is not None else "")
    print(head)
    for i, r in enumerate(result.regions):
        row = (f"{r:<8}{100 * result.price_change[i]:>14.3f}{result.producer_surplus[i]:>18.3f}"
               f"{result.consumer_surplus[i]:>18.3f}{result.tariff_revenue[i]:>16.3f}{result.welfare[i]:>13.3f}")
        if levels is not None:
            row += f"{100 * levels[i]:>16.3f}"
        print(row)
    return 0

