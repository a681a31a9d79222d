#!/usr/bin/env python3
"""Every mutant of the given modules, fast: each runs only the mapped tests that execute its line, in a forked child.

An exploration tool beside scripts/mutation.py (which stays the measurement): it finds the survivors of whole modules
in a fraction of the time, so tests can be written for all of them. It needs pytest-cov (``pip install pytest-cov``).

1. One run of the modules' mapped tests (TEST_MAP) under coverage records which test executes which line, and how
   long each test takes.
2. Each mutant then runs, fastest first, just the tests that execute a line of its span; a mutant on a line run while
   the modules are imported (constants, defaults, decorators) runs every mapped test. A mutant no test reaches
   survives without a run ("uncovered").
3. The runs are forked from a parent that has already imported the libraries, so a mutant costs its tests' time
   only; ``--workers`` children run at once, each in its own copy of the tree.

    python scripts/mutation_survey.py workbench/engine/budgets.py --json /tmp/budgets.json
    python scripts/mutation.py --survivors-of /tmp/budgets.json workbench/engine/budgets.py   # confirm, slowly

Its rows have mutation.py's JSON form, so ``--survivors-of`` accepts them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # no BLAS threads alive when the children are forked
os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))
import mutation  # noqa: E402 - after the path to it; the mutants, exclusions and test map are mutation.py's

_DURATION = re.compile(r"^([0-9.]+)s (setup|call|teardown)\s+(\S+)")


def _coverage_pass(tree: Path, modules: list[str], tests: list[str], env: dict[str, str]) -> tuple[dict, dict]:
    """``({module: {line: {node id, ...} or None}}, {node id: seconds})``; None marks a line run at import."""
    import coverage

    data_file = tree / ".survey-coverage"
    packages = sorted({str(Path(m).parent) for m in modules})     # --cov takes a package, not a file
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", "-W", "ignore",
           "--durations=0", "--durations-min=0", *[f"--cov={p}" for p in packages], "--cov-context=test",
           "--cov-report=", *tests]
    proc = subprocess.run(cmd, cwd=tree, env={**env, "COVERAGE_FILE": str(data_file)}, capture_output=True,
                          text=True)
    if proc.returncode != 0:
        sys.exit(f"the unmutated tests fail or cannot run:\n{proc.stdout[-3000:]}{proc.stderr[-2000:]}")
    seconds: dict[str, float] = {}
    for line in proc.stdout.splitlines():
        found = _DURATION.match(line)
        if found:
            seconds[found[3]] = seconds.get(found[3], 0.0) + float(found[1])
    data = coverage.CoverageData(str(data_file))
    data.read()
    lines_of: dict[str, dict[int, set[str] | None]] = {}
    for measured in data.measured_files():
        rel = str(Path(measured).resolve().relative_to(tree))
        per_line: dict[int, set[str] | None] = {}
        for number, contexts in data.contexts_by_lineno(measured).items():
            ids = {c.rsplit("|", 1)[0] for c in contexts if c}
            per_line[number] = None if "" in contexts else ids
        lines_of[rel] = per_line
    return lines_of, seconds


def _selection(m: mutation.Mutant, per_line: dict[int, set[str] | None], mapped: tuple[str, ...],
               seconds: dict[str, float]) -> list[str] | None:
    """The node ids to run for ``m``, fastest first; the mapped files when a line of it runs at import; None when
    no mapped test executes it."""
    ids: set[str] = set()
    for number in range(m.start[0], m.end[0] + 1):
        if number not in per_line:
            continue
        if per_line[number] is None:
            return list(mapped)
        ids |= {i for i in per_line[number] if i.split("::")[0] in mapped}
    if not ids:
        return None
    return sorted(ids, key=lambda i: (seconds.get(i, 1.0), i))


def _child(tree: Path, path: str, text: str, selected: list[str]) -> None:
    """In the forked child: put the mutant in place, run the selected tests, exit with pytest's code."""
    import pytest

    os.chdir(tree)
    sys.path.insert(0, str(tree))
    (tree / path).write_text(text, encoding="utf-8")
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    code = pytest.main(["-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", "--no-header", "-W", "ignore",
                        "--rootdir", str(tree), *selected])
    os._exit(int(code))


def main(argv: list[str] | None = None) -> int:
    """Command line: survey the modules' mutants and print each module's score and survivors."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("modules", nargs="+", help="module files")
    ap.add_argument("--workers", type=int, default=2, help="children run at once (default 2)")
    ap.add_argument("--json", metavar="FILE", help="write every mutant's outcome to FILE (mutation.py's form)")
    ap.add_argument("--survivors-of", metavar="FILE", help="run only the mutants that survived in an earlier FILE")
    ap.add_argument("--function", metavar="NAME",
                    help="only mutants inside this function (or class), e.g. settle_budgets")
    ap.add_argument("--sample", type=int, default=0, metavar="N", help="a seeded random sample of N mutants (0: all)")
    ap.add_argument("--seed", type=int, default=100, help="the sample's seed (default 100)")
    args = ap.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != "0":      # the same hashing as mutation.py's runs
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})

    modules = [str(Path(m).resolve().relative_to(mutation.ROOT)) for m in args.modules]
    exclusions = mutation.load_exclusions()
    earlier = None
    if args.survivors_of:
        rows = json.loads(Path(args.survivors_of).read_text(encoding="utf-8"))["results"]
        earlier = {(r["path"], r["function"], r["change"]) for r in rows if r["outcome"] in ("survived", "uncovered")}
    with tempfile.TemporaryDirectory(prefix="cmw-survey-") as tmp:
        trees = [Path(tmp) / f"w{i}" for i in range(max(1, args.workers))]
        for tree in trees:
            tree.mkdir()
            mutation._copy_tree(tree)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(trees[0]),
               "PYTHONDONTWRITEBYTECODE": "1"}
        mapped_all = sorted({t for m in modules for t in mutation.tests_for(m)})
        started = time.monotonic()
        lines_of, seconds = _coverage_pass(trees[0], modules, mapped_all, env)
        print(f"coverage pass: {len(seconds)} tests, {time.monotonic() - started:.0f} s", flush=True)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.dont_write_bytecode = True          # a mutant never leaves bytecode behind for the next one
        import matplotlib
        matplotlib.use("Agg")
        import numpy  # noqa: F401 - imported once here, before the forks, so no child pays for it
        import pandas  # noqa: F401 - as numpy
        import pydantic  # noqa: F401 - as numpy
        import pytest  # noqa: F401 - as numpy
        import scipy.optimize  # noqa: F401 - as numpy

        jobs = []
        for path in modules:
            source = (mutation.ROOT / path).read_text(encoding="utf-8")
            for m in mutation.find_mutants(path):
                if m.key in exclusions or (earlier is not None and (m.path, m.function, m.change) not in earlier):
                    continue
                if args.function and args.function not in m.function.split("."):
                    continue
                jobs.append((m, source))
        if 0 < args.sample < len(jobs):
            jobs = [jobs[i] for i in sorted(random.Random(args.seed).sample(range(len(jobs)), args.sample))]
        results = _run(jobs, trees, lines_of, seconds)
    for path in modules:
        rows = [r for r in results if r["path"] == path]
        killed, scored = mutation._score([{**r, "outcome": "survived" if r["outcome"] == "uncovered" else r["outcome"]}
                                          for r in rows])
        if scored:
            print(f"{path}: killed {killed}/{scored} = {100 * killed / scored:.1f} %")
        for r in rows:
            if r["outcome"] in ("survived", "uncovered"):
                print(f"  {r['outcome']:9s} {r['path']}:{r['line']}: [{r['function']}] {r['change']}")
    print(f"{len(results)} mutants in {(time.monotonic() - started) / 60:.1f} min")
    if args.json:
        Path(args.json).write_text(json.dumps({"survey": True, "results": results}, indent=1) + "\n",
                                   encoding="utf-8")
    return 0


def _run(jobs, trees, lines_of, seconds) -> list[dict]:
    """Run the jobs ``(mutant, module source)`` on the worker trees; one result row per mutant, in job order."""
    results: list[dict | None] = [None] * len(jobs)
    free = list(range(len(trees)))
    running: dict[int, tuple[int, int, float, float]] = {}    # pid: (job index, worker, start, timeout)
    queue = list(range(len(jobs)))
    while queue or running:
        while queue and free:
            index = queue.pop(0)
            m, source = jobs[index]
            text = mutation.apply(source, m)
            try:
                compile(text, m.path, "exec")
            except SyntaxError:
                results[index] = {**mutation._row(m), "outcome": "invalid", "seconds": 0.0}
                continue
            selected = _selection(m, lines_of.get(m.path, {}), mutation.tests_for(m.path), seconds)
            if selected is None:
                results[index] = {**mutation._row(m), "outcome": "uncovered", "seconds": 0.0}
                continue
            worker = free.pop()
            budget = 3 * sum(seconds.get(i, 1.0) for i in selected) + 20
            pid = os.fork()
            if pid == 0:
                try:
                    _child(trees[worker], m.path, text, selected)
                finally:
                    os._exit(3)
            running[pid] = (index, worker, time.monotonic(), budget)
        _reap(running, free, results, jobs, trees)
    return [r for r in results if r is not None]


def _reap(running, free, results, jobs, trees) -> None:
    """Collect finished (or overdue) children, put their mutated modules back, and record their outcomes."""
    time.sleep(0.02)
    for pid, (index, worker, start, budget) in list(running.items()):
        done, status = os.waitpid(pid, os.WNOHANG)
        elapsed = time.monotonic() - start
        if done == 0 and elapsed < budget:
            continue
        if done == 0:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            outcome = "timeout"
        else:
            code = os.waitstatus_to_exitcode(status)
            outcome = "survived" if code == 0 else "no tests" if code == 5 else "killed"
        m, source = jobs[index]
        (trees[worker] / m.path).write_text(source, encoding="utf-8")
        results[index] = {**mutation._row(m), "outcome": outcome, "seconds": round(elapsed, 1)}
        if outcome == "survived":
            print(f"  survived {m.path}:{m.line}: [{m.function}] {m.change}", flush=True)
        del running[pid]
        free.append(worker)


if __name__ == "__main__":
    sys.exit(main())
