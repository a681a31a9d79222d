"""Stress-test speed: all stress tests of the default scenario against the plain evaluate, and Monte Carlo with
disruption jumps against Monte Carlo without them, measured in the same run (prints figures and ratios)."""

from __future__ import annotations

import argparse
import os

from bench_engine import timed  # run as a script: benchmarks/ is on sys.path
from workbench.defaults import default_scenario
from workbench.engine import evaluate, run_monte_carlo
from workbench.engine.stress import run_stress_tests

TARGET_STRESS_MS, TARGET_JUMP_RATIO = 50.0, 2.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = ap.parse_args()
    rep = 5 if args.quick else 30
    print(f"load average before the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
          "(figures are medians; other processes inflate them, ratios less so)")
    sc = default_scenario()
    evaluate(sc)
    run_stress_tests(sc)  # calibrated model cached, as in the window
    det = timed(lambda: evaluate(sc), rep)
    stress = timed(lambda: run_stress_tests(sc), rep)
    n = len(sc.document.stress_tests)
    print(f"evaluate, default scenario: {det:.1f} ms; all {n} stress tests with and without the agreement: "
          f"{stress:.1f} ms (target <= {TARGET_STRESS_MS:.0f} ms), {stress / det:.2f}x evaluate")
    run_monte_carlo(sc, paths=1000, seed=1)
    plain, jumps = [], []
    for _ in range(2 if args.quick else 5):  # alternate, so both see the same machine load
        plain.append(timed(lambda: run_monte_carlo(sc, paths=10_000, seed=1), 1))
        jumps.append(timed(lambda: run_monte_carlo(sc, paths=10_000, seed=1, disruptions=True), 1))
    p, j = sorted(plain)[len(plain) // 2], sorted(jumps)[len(jumps) // 2]
    print(f"Monte Carlo 10,000 paths x 10 years: {p:.0f} ms without disruption jumps, {j:.0f} ms with them: "
          f"{j / p:.2f}x (target <= {TARGET_JUMP_RATIO:.0f}x)")


if __name__ == "__main__":
    main()
