"""Term-sheet export speed and memory, against the previous commit measured in the same run.

    python benchmarks/bench_export.py [--runs 3] [--baseline REF] [--no-baseline]

Three cases: the default scenario (target 0.5 s), 200 clauses (3 s), 1,000 clauses x 50 partners (10 s, peak
400 MB of Python allocations while exporting, tracemalloc). Each is timed as File > Export runs it: results given
(evaluate + a short Monte Carlo computed once beforehand), median of --runs. The same cases are then run by the
workbench of --baseline (default HEAD~1: the previous commit, unpacked with git archive into a temporary folder) in
a subprocess, and the ratios printed: absolute times differ 2-3x between machines, ratios much less. CPU seconds
(process time) are printed beside the wall time: on a shared machine they are the steadier figure.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import string
import subprocess
import sys
import tarfile
import tempfile
import time
import tracemalloc
from pathlib import Path

from workbench.data import load_dataset
from workbench.defaults import default_scenario
from workbench.document import Scenario
from workbench.engine import evaluate, run_monte_carlo
from workbench.export import write_term_sheet

ROOT = Path(__file__).resolve().parents[1]
#: (case, clauses, partners, target seconds, target peak MB or None)
CASES = (("default", 0, 4, 0.5, None), ("200 clauses", 200, 4, 3.0, None),
         ("1000 x 50", 1000, 50, 10.0, 400.0))
MC_PATHS = 20  # the export only writes the Monte Carlo summary: its size does not depend on the paths

#: In the copies, prices and volumes scaled down so that 200 stacked clauses still leave markets that clear.
SCALE = {"floor_price": 0.05, "strike_price": 0.05, "annual_volume": 0.01, "agreed_price": 1.0}
#: Economies that become partners of their own in the 50-partner case (USGS country names, so they carry data).
EXTRA_PARTNERS = (
    "Argentina", "Australia", "Bolivia", "Brazil", "Canada", "Chile", "Congo (Kinshasa)", "Cote d'Ivoire", "Gabon",
    "Ghana", "India", "Indonesia", "Kazakhstan", "Korea, North", "Korea, Republic of", "Laos", "Madagascar",
    "Malaysia", "Mozambique", "New Caledonia (France)", "Norway", "Peru", "Philippines", "Russia", "Rwanda",
    "South Africa", "Sri Lanka", "Tanzania", "Turkey", "Ukraine", "Uzbekistan", "Vietnam", "Zambia", "Kenya",
    "Namibia", "Zimbabwe", "Mongolia", "Saudi Arabia", "United Arab Emirates", "Thailand", "Colombia", "Ecuador",
    "Guinea", "Mali", "Senegal", "Egypt")


def _scaled(value, factor: float):
    if isinstance(value, dict):
        return {k: (v * factor if k == "amount" else _scaled(v, factor)) for k, v in value.items()}
    if isinstance(value, list):
        return [_scaled(v, factor) for v in value]
    return value


def many_clauses(n: int, partners: int = 4) -> Scenario:
    """The default scenario with its clauses repeated (new ids, same legal text and brackets) up to ``n``, and
    observers added up to ``partners``."""
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
    codes = ("".join(p) for p in itertools.product(string.ascii_uppercase, repeat=2))
    taken = {p["code"] for p in data["document"]["partners"]} | {"CN"}
    for name in EXTRA_PARTNERS[:max(0, partners - len(data["document"]["partners"]))]:
        code = next(c for c in codes if c not in taken)
        taken.add(code)
        data["document"]["partners"].append({"code": code, "name": name, "role": "observer", "countries": [name]})
    return Scenario.from_data(data)


def measure(runs: int) -> dict[str, dict[str, float]]:
    """Per case: median export seconds, the first run, and the peak MB of Python allocations while exporting."""
    dataset = load_dataset()
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, clauses, partners, _target, _memory in CASES:
            scenario = default_scenario() if not clauses else many_clauses(clauses, partners)
            result = evaluate(scenario, dataset=dataset)
            mc = run_monte_carlo(scenario, dataset=dataset, paths=MC_PATHS)
            path = Path(tmp) / "t.xlsx"
            times, cpu = [], []
            for _ in range(runs):
                t, c = time.perf_counter(), time.process_time()
                write_term_sheet(scenario, path, result=result, monte_carlo=mc, dataset=dataset)
                times.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
            tracemalloc.start()
            write_term_sheet(scenario, path, result=result, monte_carlo=mc, dataset=dataset)
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            out[name] = {"median": statistics.median(times), "first": times[0], "peak_mb": peak,
                         "cpu": statistics.median(cpu),
                         "clauses": len(scenario.document.clauses), "partners": len(scenario.document.partners)}
    return out


def baseline(ref: str, runs: int) -> dict[str, dict[str, float]] | str:
    """The same cases run by the workbench of commit ``ref`` (a subprocess on an unpacked copy), or why not."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref, "workbench", "resources"],
                                 capture_output=True)
        if archive.returncode != 0:
            return f"git archive {ref} failed: {archive.stderr.decode(errors='replace').strip()}"
        tar_path = Path(tmp) / "src.tar"
        tar_path.write_bytes(archive.stdout)
        with tarfile.open(tar_path) as tar:
            tar.extractall(tmp, filter="data")
        os.replace(Path(tmp) / "resources", Path(tmp) / "workbench" / "resources")
        env = dict(os.environ, PYTHONPATH=tmp)
        proc = subprocess.run([sys.executable, __file__, "--worker", "--runs", str(runs)], env=env,
                              capture_output=True, text=True, cwd=tmp)
        if proc.returncode != 0:
            return f"the {ref} workbench failed: {proc.stderr.strip().splitlines()[-1:]}"
        return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--baseline", default="HEAD~1", metavar="REF", help="commit to compare with (default HEAD~1)")
    p.add_argument("--no-baseline", action="store_true", help="measure this checkout only")
    p.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        print(json.dumps(measure(args.runs)))
        return
    now = measure(args.runs)
    before = "not measured" if args.no_baseline else baseline(args.baseline, args.runs)
    print(f"term-sheet export, median of {args.runs} runs, results given; baseline {args.baseline}"
          + ("" if isinstance(before, dict) else f" ({before})"))
    for name, _clauses, _partners, target, memory in CASES:
        m = now[name]
        limit = f" (target {memory:.0f} MB {'ok' if m['peak_mb'] <= memory else 'MISSED'})" if memory else ""
        line = (f"{name:12s} {m['clauses']:5.0f} clauses {m['partners']:3.0f} partners: {m['median']:7.3f} s "
                f"(first {m['first']:.3f} s; target {target} s {'ok' if m['median'] <= target else 'MISSED'}); "
                f"CPU {m['cpu']:.3f} s; peak {m['peak_mb']:6.1f} MB{limit}")
        if isinstance(before, dict) and name in before:
            b = before[name]
            line += (f"; baseline {b['median']:.3f} s, CPU {b['cpu']:.3f} s, {b['peak_mb']:.1f} MB: ratio "
                     f"{m['median'] / b['median']:.2f} time, {m['cpu'] / b['cpu']:.2f} CPU, "
                     f"{m['peak_mb'] / b['peak_mb']:.2f} memory")
        print(line)


if __name__ == "__main__":
    main()
