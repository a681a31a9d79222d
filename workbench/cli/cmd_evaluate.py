"""``workbench-cli evaluate FILE [--json] [--paths N]``: per-partner fiscal cost and price effects of a scenario."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from workbench.analysis.units import figure
from workbench.cli import layout
from workbench.cli.io import read_scenario, print_warning
from workbench.cli.main import CliError
from workbench.untrusted_text import shown

help = "evaluate scenario FILE: per-partner fiscal cost (annual, PV, peak) and price effects"

#: (column, heading over two lines, scale, signed): one decimal, as the window shows them. Two blocks: fiscal cost
#: and prices/sourcing, printed side by side when the terminal is wide enough, one under the other when not.
_FISCAL = (
    ("fiscal_cost_avg_usd", ("avg/yr", "USD m"), 1e-6, False),
    ("fiscal_cost_pv_usd", ("net PV", "USD m"), 1e-6, False),
    ("cash_cost_pv_usd", ("cash PV", "USD m"), 1e-6, False),
    ("stock_value_pv_usd", ("stock PV", "USD m"), 1e-6, False),
    ("fiscal_cost_peak_usd", ("peak", "USD m"), 1e-6, False),
)
_PRICES = (
    ("consumer_price_change_pct", ("cons.", "price %"), 1.0, True),
    ("producer_price_change_pct", ("prod.", "price %"), 1.0, True),
    ("china_share_pct", ("from CN", "%"), 1.0, False),
    ("china_share_base_pct", ("base", "CN %"), 1.0, False),
    ("welfare_change_pv_usd", ("welfare", "PV USD m"), 1e-6, False),
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``evaluate``."""
    p.add_argument("file", type=Path, metavar="FILE", help="scenario file to evaluate")
    p.add_argument("--json", action="store_true", help="print the full result as JSON (see docs/cli.md)")
    p.add_argument("--option", metavar="A|B|C|D", choices=["A", "B", "C", "D"], default=None,
                   help="model that option wherever a bracket has it (default: each bracket's selected option)")
    p.add_argument("--paths", type=int, metavar="N", default=None,
                   help="also run the Monte Carlo with N price paths (scenario seed) and print, per region, the "
                        "expected PV of the net fiscal cost and its P95 beside the deterministic PV")
    p.add_argument("--choose", metavar="CLAUSE_ID.PARAM=LABEL", action="append", default=[], type=parse_choice,
                   help="model option LABEL of one bracket, e.g. ndpr-border-floor.floor_price=B (repeatable; "
                        "the other brackets stay as modelled, or at --option)")


def parse_choice(text: str) -> tuple[tuple[str, str], str]:
    """``CLAUSE_ID.PARAM=LABEL`` -> ((clause id, parameter), label); a malformed choice names what is wrong."""
    target, sep, label = text.partition("=")
    clause_id, dot, parameter = target.rpartition(".")
    if not sep or not dot or not clause_id or not parameter or not label:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not CLAUSE_ID.PARAM=LABEL (e.g. ndpr-border-floor.floor_price=B)")
    return (clause_id.strip(), parameter.strip()), label.strip().upper()


def run(args: argparse.Namespace) -> int:
    """Load the scenario, evaluate it, print the per-partner table (or JSON)."""
    from workbench.engine import EngineInputError, InfeasibleMarket, evaluate

    scenario = read_scenario(args.file).scenario  # its load warnings (text cleaned, hash) are said first
    choices: dict[tuple[str, str], str] = {}
    for key, label in args.choose:
        if choices.get(key, label) != label:
            raise CliError(f"--choose: {key[0]}.{key[1]} chosen twice ({choices[key]} and {label})")
        choices[key] = label
    if args.paths is not None and args.paths < 1:
        raise CliError(f"--paths: must be a whole number of at least 1, got {args.paths}")
    try:
        result = evaluate(scenario, option=args.option, choices=choices, progress=_Progress(args.file))
        monte_carlo = None
        if args.paths is not None:
            from workbench.engine import run_monte_carlo

            monte_carlo = run_monte_carlo(scenario, paths=args.paths, option=args.option, choices=choices)
    except (EngineInputError, InfeasibleMarket) as exc:
        raise CliError(f"{args.file}: cannot evaluate: {exc}") from None
    if args.json:
        data = result.to_json()
        if monte_carlo is not None:
            data["monte_carlo"] = monte_carlo.to_json()
        json.dump(data, sys.stdout, indent=2)
        print()
        return 0
    checks = result.validity_warnings
    for w in result.warnings:
        if w not in checks:
            print_warning(shown(w))
    width = layout.terminal_width()
    rate = scenario.document.assumptions.discount_rate
    print(layout.wrapped(f"{shown(args.file)}: {result.years[0]}-{result.years[-1]}, discount rate {rate:.1%}; "
                         "+ = cost to the treasury", width))
    if choices or args.option:
        chosen = [f"{cid}.{param}={label}" for (cid, param), label in choices.items()]
        rest = f"other brackets at option {args.option}" if args.option else "other brackets as modelled"
        print(layout.wrapped("options: " + ", ".join([*chosen, rest]), width))
    for line in _partner_table(result, width):
        print(line)
    print(layout.wrapped("net = cash - stock PV (the value of the stock held at the end of the horizon, not cash); "
                         "avg/yr and peak are net too (the stock's value counts in the last year)", width))
    if monte_carlo is not None:
        _print_monte_carlo(result, monte_carlo)
    if checks:
        print()
        print("outside what the model can vouch for:")
        for w in checks:
            print(layout.wrapped(shown(w, limit=1000), width, first="  - ", rest="    "))
    return 0


def _partner_table(result, width: int) -> list[str]:
    """The per-region table: the fiscal columns, and the price and sourcing columns beside or under them."""
    table = result.partner_table
    blocks = [[(heading, [figure(table.at[region, c] * scale, 1, signed=signed) for region in result.regions])
               for c, heading, scale, signed in columns] for columns in (_FISCAL, _PRICES)]
    return layout.table(result.regions, blocks, width)


def _print_monte_carlo(result, monte_carlo) -> None:
    """Expected PV and P95 per region beside the deterministic PV; a flag where the signs differ."""
    from workbench.engine.guards import sign_flags

    summary = monte_carlo.summary
    table = result.partner_table
    flags = sign_flags(result, monte_carlo)
    print()
    print(layout.wrapped(f"Monte Carlo, {monte_carlo.paths:,} price paths (seed {monte_carlo.seed}): net fiscal cost "
                         "PV, USD m", layout.terminal_width()))
    print(f"{'region':<8}{'deterministic':>14}{'expected':>11}{'P95':>11}")
    for region in result.regions:
        det = table.at[region, "fiscal_cost_pv_usd"] * 1e-6
        exp = summary.at[region, "expected_cost_pv_usd"] * 1e-6
        p95 = summary.at[region, "p95_pv_usd"] * 1e-6
        flag = "  signs differ" if region in flags else ""
        print(f"{region:<8}{figure(det):>14}{figure(exp):>11}{figure(p95):>11}{flag}")
    for w in monte_carlo.warnings:
        print_warning(shown(w))


class _Progress:
    """Says on stderr, at most once a second and only after the first two seconds, how far a long run is."""

    def __init__(self, path: Path) -> None:
        self.path, self.started, self.said = path, time.monotonic(), 0.0

    def __call__(self, done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if now - self.started >= 2.0 and now - self.said >= 1.0:
            self.said = now
            print(f"{shown(self.path)}: still solving: capped purchases settling to their budgets, round {done} of "
                  f"at most {total} ({shown(what, 80)})", file=sys.stderr)

