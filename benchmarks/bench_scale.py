"""Scale: a 1,000-clause, 50-partner scenario evaluated, compared with a changed copy of itself, and an infeasible
one reported, with this code and the previous commit's, measured in the same run (ratios printed).

    python benchmarks/bench_scale.py [--baseline REV] [--runs 3] [--clauses 1000] [--partners 50]

Targets (issue 13): evaluate <= 2 s, diff <= 2 s, an infeasible market reported <= 5 s. Export speed at this size is
benchmarks/bench_export.py's. The machine is usually shared: read the ratios, not the absolute times; the CPU
seconds of the process (this version's, and their ratio) show what a machine to itself would take.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from workbench.defaults import default_scenario
from workbench.document import Scenario
from workbench.files import save_scenario

#: Partners beyond the default four: the dataset's regions first (they have production and consumption figures),
#: then delegations named after producing countries the dataset lists, then observers with no data of their own.
_DATA_REGIONS = ["CA", "AU", "KR", "IN", "BR", "CL", "AR", "ID", "GB", "NO", "ZA", "CD", "PE", "PH", "RU", "MY"]
_COUNTRIES = ["Bolivia", "Kazakhstan", "Rwanda", "Vietnam", "Uzbekistan"]
#: In the copies, prices and volumes scaled down so that a thousand stacked clauses still leave markets that clear.
_SCALE = {"floor_price": 0.05, "strike_price": 0.05, "annual_volume": 0.001, "budget_cap": 0.001}


def _scaled(value: Any, factor: float) -> Any:
    if isinstance(value, dict):
        return {k: (v * factor if k == "amount" else _scaled(v, factor)) for k, v in value.items()}
    if isinstance(value, list):
        return [_scaled(v, factor) for v in value]
    return value


def _code(k: int) -> str:
    return "P" + chr(ord("A") + k // 26) + chr(ord("A") + k % 26)


def scale_data(clauses: int = 1000, partners: int = 50) -> dict[str, Any]:
    """Plain data of the default scenario grown to ``partners`` partners and ``clauses`` clauses (the default's seven
    repeated with new ids, smaller amounts and parties rotating over the members)."""
    data = default_scenario().to_data()
    doc = data["document"]
    extra = partners - len(doc["partners"])
    for k in range(extra):
        if k < len(_DATA_REGIONS):
            code, countries = _DATA_REGIONS[k], []
        else:
            code, countries = _code(k), [_COUNTRIES[k % len(_COUNTRIES)]] if k % 3 == 0 else []
        doc["partners"].append({"code": code, "name": f"Delegation {code}", "role": "member" if k % 4 else "observer",
                                "gdp_usd_bn": None, "countries": countries})
    members = [p["code"] for p in doc["partners"] if p["role"] == "member"]
    base = doc["clauses"]
    out = list(base)
    for k in range(len(base), clauses):
        source = base[k % len(base)]
        c = copy.deepcopy({key: _scaled(v, _SCALE[key]) if key in _SCALE else v for key, v in source.items()})
        c["id"] = f"{c['id'][:30]}-{k}"
        c["title"] = f"{c['title']} ({k + 1})"
        parties = [members[(k + j) % len(members)] for j in range(3)]
        if c["cost_sharing"]["rule"] == "fixed":
            c["cost_sharing"]["shares"] = {p: s for p, s in zip(parties, (0.4, 0.3, 0.3))}
        c["parties"] = parties
        if c["kind"] == "tariff":
            c["rate"] = 0.001
            c["exporters"] = ["CN"]
        if c["kind"] == "cfd":  # a contracted volume: a transfer that does not move the market
            c["volume_basis"], c["contracted_volume"] = "fixed_volume", {"amount": 1.0, "unit": "t"}
            c["eligible_producers"] = parties
        if c["kind"] == "price_gap_subsidy":
            c["volume_cap"] = {"amount": 1.0, "unit": "t"}
            c["eligible_producers"] = parties
        if c["kind"] == "purchase":
            c["sources"] = [*parties, "ROW"]
        c["reserved_by"] = [p for p in c["reserved_by"] if p in parties]
        c["proposed_by"] = parties[0]
        out.append(c)
    doc["clauses"] = out
    return data


def scale_scenario(clauses: int = 1000, partners: int = 50) -> Scenario:
    """``scale_data`` validated."""
    return Scenario.from_data(scale_data(clauses, partners))


def changed_copy(data: dict[str, Any], every: int = 20) -> dict[str, Any]:
    """Their version: every ``every``-th clause with a 10 % higher price or volume and a new title."""
    out = copy.deepcopy(data)
    for k, c in enumerate(out["document"]["clauses"]):
        if k % every == 0:
            c["title"] = f"{c['title']} (revised)"
            for key in ("floor_price", "strike_price", "annual_volume"):
                if isinstance(c.get(key), dict) and "amount" in c[key]:
                    c[key]["amount"] *= 1.1
    return out


def infeasible(data: dict[str, Any]) -> dict[str, Any]:
    """The same scenario with one uncapped cobalt purchase far beyond what producers can deliver at any price."""
    out = copy.deepcopy(data)
    c = next(c for c in out["document"]["clauses"] if c["kind"] == "purchase" and c["mineral"] == "cobalt")
    c["annual_volume"], c["budget_cap"] = {"amount": 1e9, "unit": "t"}, None
    return out


#: Run in a fresh interpreter on each version of the code (only API both versions have): prints one JSON object a
#: line, each figure as soon as it is measured (a version that runs out of time still shows what it did).
_MEASURE = r"""
import json, statistics, sys, time
big, theirs, bad, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def say(key, value):
    print(json.dumps({key: value}), flush=True)
def timed(fn):
    t, c = time.perf_counter(), time.process_time()
    fn()
    timed.cpu = time.process_time() - c
    return time.perf_counter() - t
def median(key, fn):
    walls, cpus = [], []
    for _ in range(runs):
        walls.append(timed(fn))
        cpus.append(timed.cpu)
    say(key, statistics.median(walls))
    say(key.replace("_s", "_cpu_s"), statistics.median(cpus))
def once(key, fn):
    say(key, timed(fn))
    say(key.replace("_s", "_cpu_s"), timed.cpu)
t = time.perf_counter()
import workbench
from workbench.engine import InfeasibleMarket, evaluate
from workbench.files import load_scenario
from workbench.sharing import compare
say("imports_s", time.perf_counter() - t)
say("code", workbench.__file__)
ours = load_scenario(big).scenario
median("load_s", lambda: load_scenario(big))
other = load_scenario(theirs).scenario
once("evaluate_first_s", lambda: evaluate(ours))
median("evaluate_s", lambda: evaluate(ours))
median("diff_text_s", lambda: compare(ours, other, with_impact=False))
median("diff_s", lambda: compare(ours, other))
def fail():
    try:
        evaluate(load_scenario(bad).scenario)
    except InfeasibleMarket as exc:
        say("infeasible_message", str(exc)[:160])
once("infeasible_s", fail)
"""

TARGETS_S = {"evaluate_s": 2.0, "diff_s": 2.0, "infeasible_s": 5.0}
LABELS = {"imports_s": "imports", "load_s": "read the file", "evaluate_first_s": "evaluate (first: calibrates)",
          "evaluate_s": "evaluate", "diff_text_s": "diff without the model runs", "diff_s": "diff (with impact)",
          "infeasible_s": "infeasible market reported"}


def _baseline_tree(rev: str, root: Path, into: Path) -> Path:
    """The code at ``rev`` extracted into ``into`` (importable: resources linked where the package expects them)."""
    archive = subprocess.run(["git", "-C", str(root), "archive", rev], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    link = into / "workbench" / "resources"
    if not link.exists():
        link.symlink_to(into / "resources", target_is_directory=True)
    return into


def _measure(tree: Path, files: list[Path], runs: int, timeout: float) -> dict[str, Any]:
    """The figures of the code in ``tree``; what it did not finish within ``timeout`` seconds is marked so."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    out: dict[str, Any] = {}
    try:
        done = subprocess.run([sys.executable, "-c", _MEASURE, *map(str, files), str(runs)], env=env, cwd=tree,
                              capture_output=True, text=True, timeout=timeout)
        text, failed = done.stdout, done.returncode != 0 and done.stderr.strip()[-300:]
    except subprocess.TimeoutExpired as exc:
        raw = exc.stdout or b""
        text = raw.decode() if isinstance(raw, bytes) else raw
        failed = f"stopped after {timeout:.0f} s"
        out["timeout_s"] = timeout
    for line in text.splitlines():
        out.update(json.loads(line))
    if failed:
        out["error"] = failed
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--baseline", default="HEAD~1", help="git revision to compare with (default: the previous commit)")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--clauses", type=int, default=1000)
    p.add_argument("--partners", type=int, default=50)
    p.add_argument("--timeout", type=float, default=300.0, help="seconds allowed to each version's whole run")
    args = p.parse_args()
    root = Path(__file__).resolve().parents[1]
    print(f"load average before the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (shared machine: read "
          "the ratios; both versions run in turn in the same session)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = scale_data(args.clauses, args.partners)
        files = [folder / "ours.cmws", folder / "theirs.cmws", folder / "infeasible.cmws"]
        for path, version in zip(files, (data, changed_copy(data), infeasible(data))):
            save_scenario(path, Scenario.from_data(version))
        (folder / "base").mkdir()
        trees = {"baseline": _baseline_tree(args.baseline, root, folder / "base"), "this": root}
        got = {label: _measure(tree, files, args.runs, args.timeout) for label, tree in trees.items()}
    print(f"{args.clauses} clauses, {args.partners} partners; baseline = {args.baseline}")
    for label, res in got.items():
        if "error" in res:
            print(f"  {label}: {res['error']} (figures it did not reach show as '>' that time)")
    print(f"  {'':34}{'baseline s':>11}{'this s':>9}{'ratio':>8}{'CPU s':>8}{'ratio':>8}  target (wall)")
    for key, name in LABELS.items():
        old, new = got["baseline"].get(key), got["this"].get(key)
        ratio = f"{old / new:.1f}x" if old and new else "-"
        old_text = _fmt(old)
        if old is None and "timeout_s" in got["baseline"]:
            old_text = f">{got['baseline']['timeout_s']:.0f}"
            ratio = f">{got['baseline']['timeout_s'] / new:.0f}x" if new else "-"
        target = f"<= {TARGETS_S[key]:.0f} s: {'ok' if new is not None and new <= TARGETS_S[key] else 'MISSED'}" \
            if key in TARGETS_S else ""
        old_cpu, new_cpu = got["baseline"].get(key[:-2] + "_cpu_s"), got["this"].get(key[:-2] + "_cpu_s")
        cpu_ratio = f"{old_cpu / new_cpu:.1f}x" if old_cpu and new_cpu else "-"
        print(f"  {name:34}{old_text:>11}{_fmt(new):>9}{ratio:>8}{_fmt(new_cpu):>8}{cpu_ratio:>8}  {target}")
    print(f"  infeasible: {got['this'].get('infeasible_message', '-')}")


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


if __name__ == "__main__":
    main()
