"""``workbench-cli calibration [FILE] [--json]``: the base year's import shares by source, model next to data."""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path

from workbench.cli.io import read_scenario, print_warning
from workbench.cli.main import CliError
from workbench.untrusted_text import shown

help = ("calibration report: per mineral and importer, the model's base-year import shares by source next to the "
        "import-source data (US, EU, Japan), with the largest gap")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``calibration``."""
    p.add_argument("file", type=Path, metavar="FILE", nargs="?", default=None,
                   help="scenario file (its partners, minerals and data overrides); default: the shipped default "
                        "scenario with every mineral of the dataset")
    p.add_argument("--json", action="store_true", help="print the table as JSON records (see docs/cli.md)")


def run(args: argparse.Namespace) -> int:
    """Build the calibrated model and print the report; exit status 1 when a gap exceeds 1 percentage point."""
    from workbench.data import load_dataset
    from workbench.engine import EngineInputError
    from workbench.engine.calibration_report import GAP_LIMIT_PP, calibration_table, largest_gap, with_every_mineral
    from workbench.engine.evaluate import model_for

    dataset = load_dataset()
    if args.file is None:
        path = resources.files("workbench.resources").joinpath("scenarios", "default.cmws")
        with resources.as_file(path) as default:
            scenario = with_every_mineral(read_scenario(default, warn=False).scenario, dataset)
        name = "default scenario, every mineral of the dataset"
    else:
        scenario = read_scenario(args.file, warn=False).scenario
        name = shown(args.file)
    try:
        model = model_for(scenario, dataset)
    except EngineInputError as exc:
        raise CliError(f"{name}: cannot calibrate: {exc}") from None
    table = calibration_table(model, scenario, dataset)
    worst = largest_gap(table)
    if args.json:
        json.dump({"scenario": name, "gap_limit_pp": GAP_LIMIT_PP, "rows": table.to_dict(orient="records"),
                   "largest_gap": None if worst is None else worst.to_dict(),
                   "warnings": list(model.warnings)}, sys.stdout, indent=2)
        print()
    else:
        _print(name, table, worst)
        for w in model.warnings:
            print_warning(shown(w))
    return 1 if worst is not None and abs(worst["gap_pp"]) > GAP_LIMIT_PP else 0


def _print(name: str, table, worst) -> None:
    print(f"{name}: base-year import shares by source region, % of the importer's imports")
    print("data = the shares the data name for the region's countries; + other = the unnamed share "
          "('other countries') the region may also supply")
    print()
    print(f"{'mineral':<11}{'importer':<9}{'source':<7}{'data %':>8}{'+ other':>9}{'model %':>9}{'gap pp':>8}  named")
    last = None
    for row in table.itertuples(index=False):
        if last is not None and (row.mineral, row.importer) != last:
            print()
        last = (row.mineral, row.importer)
        gap = 0.0 if abs(row.gap_pp) < 0.005 else row.gap_pp
        print(f"{row.mineral:<11}{row.importer:<9}{row.source:<7}{row.data_pct:>8.1f}{row.data_other_pct:>9.1f}"
              f"{row.model_pct:>9.1f}{gap:>8.2f}  {row.named_countries}")
    print()
    if worst is None:
        print("no import-source data for these minerals and partners")
    elif abs(worst["gap_pp"]) < 0.005:
        print(f"largest gap: 0.00 pp - every known import share is reproduced ({len(table)} rows)")
    else:
        gap = worst["gap_pp"]
        print(f"largest gap: {gap:.2f} pp ({worst['mineral']}, {worst['importer']} from {worst['source']}: "
              f"model {worst['model_pct']:.1f}% against data {worst['data_pct']:.1f}%"
              + (f" + {worst['data_other_pct']:.1f}% other" if worst["data_other_pct"] else "") + ")")
