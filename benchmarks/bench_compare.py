"""Engine speed against an earlier commit in the same run: deterministic evaluate and Monte Carlo, alternating trees.

Usage: git worktree add /tmp/perf-base 3418ef4
       .venv/bin/python benchmarks/bench_compare.py /tmp/perf-base [--rounds 6]

Each round starts one process per tree (order alternating between rounds), each process imports the workbench of its
own tree (and its own resources/, checked), times the default scenario of that tree and prints JSON. Wall time and
CPU time of the process (time.process_time) are both reported: on a shared machine the wall time carries other
people's load, the CPU time much less of it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def _import_tree(tree: Path) -> None:
    """Import workbench and workbench.resources from ``tree`` (an editable install would map resources elsewhere)."""
    sys.path.insert(0, str(tree))
    import workbench

    spec = importlib.util.spec_from_file_location(
        "workbench.resources", tree / "resources" / "__init__.py",
        submodule_search_locations=[str(tree / "resources")])
    module = importlib.util.module_from_spec(spec)
    sys.modules["workbench.resources"] = module
    spec.loader.exec_module(module)
    workbench.resources = module
    from workbench.defaults import resource

    where = Path(str(resource("scenarios", "default.cmws")))
    if Path(workbench.__file__).resolve().parent.parent != tree or not where.is_relative_to(tree):
        raise SystemExit(f"tree {tree}: workbench from {workbench.__file__}, resources from {where}")


def _times(fn, repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of each of ``repeat`` calls."""
    wall, cpu = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        cpu.append((time.process_time() - c) * 1e3)
        wall.append((time.perf_counter() - w) * 1e3)
    return wall, cpu


def worker(tree: Path, det_repeat: int, mc_repeat: int) -> None:
    _import_tree(tree)
    from workbench.defaults import default_scenario
    from workbench.engine import evaluate, run_monte_carlo

    sc = default_scenario()
    evaluate(sc)  # calibration cached, as after the window's first keystroke
    run_monte_carlo(sc, paths=1000, seed=1)
    det_wall, det_cpu = _times(lambda: evaluate(sc), det_repeat)
    mc_wall, mc_cpu = _times(lambda: run_monte_carlo(sc, paths=10_000, seed=1), mc_repeat)
    print(json.dumps({"det_wall": det_wall, "det_cpu": det_cpu, "mc_wall": mc_wall, "mc_cpu": mc_cpu}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base", type=Path, help="work tree of the earlier commit")
    ap.add_argument("current", type=Path, nargs="?", default=HERE, help="work tree to compare (default: this one)")
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--det-repeat", type=int, default=15)
    ap.add_argument("--mc-repeat", type=int, default=2)
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.base.resolve(), args.det_repeat, args.mc_repeat)
        return
    trees = {"base": args.base.resolve(), "current": args.current.resolve()}
    samples: dict[str, dict[str, list[float]]] = {k: {} for k in trees}
    print(f"load average before the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    for r in range(args.rounds):
        order = list(trees) if r % 2 == 0 else list(reversed(trees))
        for name in order:
            out = subprocess.run([sys.executable, __file__, str(trees[name]), "--worker",
                                  "--det-repeat", str(args.det_repeat), "--mc-repeat", str(args.mc_repeat)],
                                 capture_output=True, text=True, check=True, env=env, cwd="/")
            for key, values in json.loads(out.stdout.strip().splitlines()[-1]).items():
                samples[name].setdefault(key, []).extend(values)
    print(f"load average after the run: {os.getloadavg()[0]:.2f}")
    print(f"{'':32}{'base':>10}{'current':>10}{'ratio':>8}")
    labels = {"det_wall": "deterministic evaluate, wall ms", "det_cpu": "deterministic evaluate, CPU ms",
              "mc_wall": "Monte Carlo 10,000 x 10, wall ms", "mc_cpu": "Monte Carlo 10,000 x 10, CPU ms"}
    for key, label in labels.items():
        base, cur = statistics.median(samples["base"][key]), statistics.median(samples["current"][key])
        print(f"{label:32}{base:10.2f}{cur:10.2f}{cur / base:8.2f}")
    print(f"(medians of {args.rounds} alternating processes per tree; base {trees['base']}, "
          f"current {trees['current']}; ratio <= 1.20 is the issue's target)")


if __name__ == "__main__":
    main()
