"""``workbench-cli export FILE -o OUT.xlsx``: write the scenario's Excel term sheet for circulation."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.io import read_scenario, refuse_existing
from workbench.cli.main import CliError
from workbench.files import SaveError
from workbench.sharing.clean import find_leaks, leak_message

help = "write the Excel term sheet of scenario FILE (cover, clauses, fiscal cost, prices, sources) to OUT.xlsx"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``export``."""
    p.add_argument("file", type=Path, metavar="FILE", help="scenario file to export")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.xlsx",
                   help="term sheet to write (extension .xlsx)")
    p.add_argument("--force", action="store_true", help="replace OUT.xlsx if it exists")
    p.add_argument("--paths", type=int, default=None, metavar="N",
                   help="Monte Carlo price paths for P50/P95 (default: the scenario's setting)")
    p.add_argument("--seed", type=int, default=None, metavar="S",
                   help="Monte Carlo seed (default: the scenario's setting)")
    p.add_argument("--allow-unverified", action="store_true",
                   help="export a file whose content hash or signature fails, marked INTEGRITY NOT VERIFIED on the "
                        "cover and in every page header (refused otherwise)")


def run(args: argparse.Namespace) -> int:
    """Load, evaluate, run the Monte Carlo and write the term sheet; the private block is never exported."""
    from workbench.data import load_dataset
    from workbench.engine import EngineInputError, InfeasibleMarket, run_monte_carlo
    from workbench.export import IntegrityRefused, from_loaded, write_term_sheet
    from workbench.export.integrity import banner_for
    from workbench.sharing import Keyring, default_data_dir

    out: Path = args.output
    if out.suffix.lower() != ".xlsx":
        raise CliError(f"{out}: the term sheet must be an .xlsx file")
    refuse_existing(out, args.force)
    if args.paths is not None and not 100 <= args.paths <= 200_000:
        raise CliError(f"--paths must be between 100 and 200000 (got {args.paths})")
    loaded = read_scenario(args.file, warn=False)
    leaks = find_leaks(loaded.scenario)
    if leaks:
        raise CliError(f"{args.file}: not exported: {leak_message(leaks, 'the term sheet')}")
    provenance = from_loaded(str(args.file), loaded, Keyring(default_data_dir()))
    scenario = loaded.scenario.without_private()
    try:
        banner_for(provenance, args.allow_unverified)  # refuse before computing anything
        dataset = load_dataset()
        monte_carlo = run_monte_carlo(scenario, dataset=dataset, paths=args.paths, seed=args.seed)
        write_term_sheet(scenario, out, monte_carlo=monte_carlo, dataset=dataset, provenance=provenance,
                         allow_unverified=args.allow_unverified)
    except IntegrityRefused as exc:
        raise CliError(f"{exc} (--allow-unverified writes it marked INTEGRITY NOT VERIFIED)") from None
    except (EngineInputError, InfeasibleMarket) as exc:
        raise CliError(f"{args.file}: cannot evaluate: {exc}") from None
    except SaveError as exc:
        raise CliError(str(exc)) from None
    print(f"wrote {out}")
    return 0
