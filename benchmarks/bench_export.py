"""Term-sheet export speed: the default scenario and a 200-clause scenario (targets 0.5 s and 3 s).

    python benchmarks/bench_export.py [--runs 5] [--clauses 200]

Prints, for each scenario, the export time with results given (what File > Export does after the window has
computed them; median of --runs, and the first, cold run) and the whole job as `workbench-cli export` does it
(evaluate + Monte Carlo + export).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from workbench.data import load_dataset
from workbench.defaults import default_scenario
from workbench.document import Scenario
from workbench.engine import evaluate, run_monte_carlo
from workbench.export import write_term_sheet

TARGETS_S = {"default": 0.5, "many": 3.0}


#: In the copies, prices and volumes scaled down so that 200 stacked clauses still leave markets that clear.
SCALE = {"floor_price": 0.05, "strike_price": 0.05, "annual_volume": 0.01, "agreed_price": 1.0}


def _scaled(value, factor: float):
    if isinstance(value, dict):
        return {k: (v * factor if k == "amount" else _scaled(v, factor)) for k, v in value.items()}
    if isinstance(value, list):
        return [_scaled(v, factor) for v in value]
    return value


def many_clauses(n: int) -> Scenario:
    """The default scenario with its clauses repeated (new ids, same legal text and brackets) up to ``n``."""
    data = default_scenario().to_data()
    base = data["document"]["clauses"]
    clauses = list(base)
    for k in range(len(base), n):
        c = {key: _scaled(v, SCALE[key]) if key in SCALE else v for key, v in base[k % len(base)].items()}
        c["id"] = f"{c['id'][:30]}-{k}"
        c["title"] = f"{c['title']} ({k + 1})"
        if c["kind"] == "tariff":
            c["rate"] = 0.01
        if c["kind"] == "cfd":  # a contracted volume: a transfer that does not move the market
            c["volume_basis"], c["contracted_volume"] = "fixed_volume", {"amount": 10.0, "unit": "t"}
        if c["kind"] == "price_gap_subsidy":
            c["volume_cap"] = {"amount": 10.0, "unit": "t"}
        clauses.append(c)
    data["document"]["clauses"] = clauses
    data["document"]["history"] = []
    return Scenario.from_data(data)


def bench(name: str, scenario: Scenario, runs: int, out: Path) -> None:
    dataset = load_dataset()
    t0 = time.perf_counter()
    result = evaluate(scenario, dataset=dataset)
    mc = run_monte_carlo(scenario, dataset=dataset)
    t_model = time.perf_counter() - t0
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        write_term_sheet(scenario, out, result=result, monte_carlo=mc, dataset=dataset)
        times.append(time.perf_counter() - t)
    target = TARGETS_S[name]
    median = statistics.median(times)
    print(f"{name:8s} {len(scenario.document.clauses):4d} clauses: export {median:.3f} s median of {runs} "
          f"(first {times[0]:.3f} s; target <= {target} s: {'ok' if median <= target else 'MISSED'}); "
          f"evaluate + Monte Carlo {t_model:.3f} s; file {out.stat().st_size / 1024:.0f} KiB")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--clauses", type=int, default=200)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench("default", default_scenario(), args.runs, Path(tmp) / "default.xlsx")
        bench("many", many_clauses(args.clauses), args.runs, Path(tmp) / "many.xlsx")


if __name__ == "__main__":
    main()
