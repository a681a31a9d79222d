#!/usr/bin/env python3
"""Mutation testing of the core modules: single-point AST mutants, each run against the tests mapped to its module.

Every mutant changes one thing in one module (an operator, a constant, a condition, a removed call or raise) in a
temporary copy of the tree; the module's tests then run with ``-x``. A mutant the tests fail on is *killed*; one they
pass with *survives* and points at behaviour no test pins. Read docs/testing.md before reading the numbers.

    python scripts/mutation.py                                # every core module; large ones sampled (see --help)
    python scripts/mutation.py workbench/sharing/clean.py     # one module, every mutant
    python scripts/mutation.py --list workbench/export/cells.py
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE_PACKAGES = ("document", "files", "engine", "instrument_kinds", "sharing", "export", "text")
#: Modules scored with every mutant whatever --max-per-module says (the four the mutation issue started from).
ALWAYS_FULL = ("workbench/engine/instruments.py", "workbench/files/scenario_file.py",
               "workbench/sharing/clean.py", "workbench/export/cells.py")
EXCLUSIONS = ROOT / "scripts" / "mutation_equivalent.txt"

#: Tests run against a module's mutants (-x stops at the first failure). Longest matching prefix wins. Chosen from
#: line coverage per test file (coverage.py with a context per test, the whole suite without the window tests): every
#: test file that runs a fair share of the module's lines, cheap ones first; a pytest start costs more than most of
#: these files, so a package shares one set and only modules with their own slow tests add them.
_DOCUMENT = ("tests/test_document.py", "tests/test_document_references.py", "tests/test_document_bounds.py",
             "tests/test_document_messages.py", "tests/test_document_free_text.py", "tests/test_legal_text.py",
             "tests/test_scenario_file_received.py", "tests/test_sharing_clean.py", "tests/test_leaks.py",
             "tests/test_cli_stress.py", "tests/test_sharing_diff_merge.py", "tests/test_sharing_term_sheet.py",
             "tests/test_engine_stress.py", "tests/test_scenario_file.py")
_FILES = ("tests/test_scenario_file_received.py", "tests/test_scenario_file_schema3.py", "tests/test_golden_file.py",
          "tests/test_json_input_edges.py", "tests/test_sharing_clean.py", "tests/test_sharing.py",
          "tests/test_sharing_signatures.py", "tests/test_cli_evaluate.py", "tests/test_gsim.py",
          "tests/test_scenario_file.py", "tests/test_scenario_file_limits.py", "tests/test_hostile_files.py")
_ENGINE = ("tests/test_engine_inputs_edges.py", "tests/test_engine_messages_and_pv.py",
           "tests/test_engine_cost_sharing.py", "tests/test_compare_options.py", "tests/test_engine_default.py",
           "tests/test_cli_stress.py", "tests/test_gsim.py", "tests/test_guards.py", "tests/test_sharing_term_sheet.py",
           "tests/test_engine_cases.py", "tests/test_engine_stress.py")
_SHARING = ("tests/test_sharing.py", "tests/test_sharing_clean.py", "tests/test_leaks.py", "tests/test_golden_file.py",
            "tests/test_sharing_signatures.py", "tests/test_sharing_cli.py", "tests/test_sharing_diff_merge.py",
            "tests/test_scenario_file_received.py", "tests/test_cli_stress.py", "tests/test_sharing_term_sheet.py",
            "tests/test_hostile_files.py", "tests/test_sharing_edges.py")
_EXPORT = ("tests/test_export_layout.py", "tests/test_export_cells.py", "tests/test_export_charts.py",
           "tests/test_sharing_term_sheet.py", "tests/test_export_text_robustness.py", "tests/test_export_stress.py",
           "tests/test_export_integrity.py", "tests/test_export.py")
_STRESS = (*_ENGINE, "tests/test_engine_stress_edges.py", "tests/test_engine_stress_premium.py",
           "tests/test_export_stress.py")
TEST_MAP: dict[str, tuple[str, ...]] = {
    "workbench/document/": _DOCUMENT,
    "workbench/document/free_text.py": (*_DOCUMENT, "tests/test_hostile_files.py"),
    "workbench/files/": _FILES,
    "workbench/files/atomic.py": (*_FILES, "tests/test_atomic_messages.py", "tests/test_atomic_stale_age.py",
                                  "tests/test_cli_robustness.py"),
    "workbench/files/json_input.py": (*_FILES, "tests/test_cli_robustness.py"),
    "workbench/files/migrations.py": ("tests/test_migrations_chain.py", *_FILES, "tests/test_cli_robustness.py"),
    "workbench/engine/": _ENGINE,
    "workbench/engine/calibrat": ("tests/test_calibration_by_hand.py", *_ENGINE, "tests/test_calibration.py"),
    "workbench/engine/budgets.py": ("tests/test_engine_budget_settling.py", *_ENGINE,
                                    "tests/test_engine_budget_premium.py"),
    "workbench/engine/montecarlo.py": (*_ENGINE, "tests/test_engine_montecarlo.py",
                                       "tests/test_engine_montecarlo_centred.py",
                                       "tests/test_engine_montecarlo_by_hand.py"),
    "workbench/engine/disruptions.py": (*_ENGINE, "tests/test_engine_montecarlo.py",
                                        "tests/test_engine_disruptions.py"),
    "workbench/engine/results.py": ("tests/test_results_by_hand.py", *_ENGINE, "tests/test_engine_mineral_table.py",
                                    "tests/test_export_charts.py", "tests/test_export.py"),
    "workbench/engine/ledger.py": ("tests/test_ledger_by_hand.py", *_ENGINE),
    "workbench/engine/support.py": ("tests/test_ledger_by_hand.py", *_ENGINE),
    "workbench/engine/guards.py": ("tests/test_guards_by_hand.py", *_ENGINE, "tests/test_cli_evaluate.py"),
    "workbench/engine/gsim.py": ("tests/test_gsim_by_hand.py", "tests/test_gsim.py", "tests/test_gsim_inputs_edges.py",
                                 "tests/test_cli_robustness.py"),
    "workbench/engine/stress": _STRESS,
    "workbench/engine/stress_results.py": ("tests/test_stress_results_by_hand.py", *_STRESS),
    "workbench/engine/stress_events.py": ("tests/test_stress_events_by_hand.py", *_STRESS),
    "workbench/engine/stress.py": ("tests/test_stress_worlds_by_hand.py", *_STRESS),
    "workbench/engine/evaluate.py": ("tests/test_engine_evaluate.py", *_ENGINE, "tests/test_bracket_choices.py"),
    "workbench/engine/outcome.py": ("tests/test_engine_outcome.py", *_ENGINE),
    "workbench/engine/cases.py": ("tests/test_engine_market_cases.py", *_ENGINE),
    "workbench/engine/solver.py": ("tests/test_engine_solver.py", *_ENGINE),
    "workbench/engine/releases.py": (*_ENGINE, "tests/test_engine_releases_by_hand.py", "tests/test_export_stress.py"),
    "workbench/instrument_kinds/": ("tests/test_instrument_kinds.py", "tests/test_instrument_kinds_starts.py",
                                    "tests/test_engine_cost_sharing.py", "tests/test_compare_options.py",
                                    "tests/test_legal_text.py", "tests/test_engine_cases.py",
                                    "tests/test_engine_montecarlo.py"),
    "workbench/sharing/": _SHARING,
    "workbench/sharing/keys.py": (*_SHARING, "tests/test_cli_robustness.py"),
    "workbench/export/": _EXPORT,
    "workbench/text/": ("tests/test_text_words.py", "tests/test_text_render.py", "tests/test_legal_text.py",
                        "tests/test_instrument_kinds.py", "tests/test_export_cells.py",
                        "tests/test_sharing_term_sheet.py", "tests/test_export.py"),
}

_BINOP_SWAP = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
               ast.Mod: ast.Mult, ast.Pow: ast.Mult, ast.BitAnd: ast.BitOr, ast.BitOr: ast.BitAnd}
_NEGATABLE = (ast.Eq, ast.NotEq, ast.Is, ast.IsNot, ast.In, ast.NotIn)
_CMP_SWAP = {ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE,
             ast.GtE: ast.Gt, ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn, ast.NotIn: ast.In}


@dataclass(frozen=True)
class Mutant:
    """One single-point change: where, what it looks like before and after, and the source text to splice in."""

    path: str          # relative to the repository root
    line: int
    function: str      # enclosing def/class, or <module>
    change: str        # "before -> after", one line
    start: tuple[int, int]
    end: tuple[int, int]
    replacement: str

    @property
    def key(self) -> str:
        """How the exclusion file names this mutant: stable when lines move."""
        return f"{self.path} | {self.function} | {self.change}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Finder(ast.NodeVisitor):
    """Collects the mutants of one module."""

    def __init__(self, path: str, source: str):
        self.path, self.source = path, source
        self.lines = source.splitlines()
        self.scope: list[str] = []
        self.found: list[Mutant] = []

    # -- helpers -----------------------------------------------------------------------------------------------
    def _segment(self, node: ast.AST) -> str:
        return ast.get_source_segment(self.source, node) or ast.unparse(node)

    def _skip(self, node: ast.AST) -> bool:
        line = self.lines[node.lineno - 1] if node.lineno - 1 < len(self.lines) else ""
        return "pragma: no cover" in line

    def _add(self, node: ast.AST, after: ast.AST | str, *, label: str | None = None, wrap: bool = True) -> None:
        if self._skip(node):
            return
        text = after if isinstance(after, str) else ast.unparse(after)
        change = label or f"{_one_line(self._segment(node))} -> {_one_line(text)}"
        self.found.append(Mutant(self.path, node.lineno, ".".join(self.scope) or "<module>", change,
                                 (node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset),
                                 f"({text})" if wrap else text))

    def _remove(self, node: ast.stmt) -> None:
        lines = self._segment(node).splitlines()
        self._add(node, "pass", label="remove: " + lines[0].strip() + (" ..." if len(lines) > 1 else ""), wrap=False)

    @staticmethod
    def _copy_with(node: ast.AST, **changes) -> ast.AST:
        clone = type(node)(**{f: getattr(node, f) for f in node._fields})
        for name, value in changes.items():
            setattr(clone, name, value)
        return clone

    # -- scopes and places never mutated --------------------------------------------------------------------------
    def _scoped(self, node, body_fields=("args", "body")):
        self.scope.append(node.name)
        for name in body_fields:
            value = getattr(node, name, None)
            if isinstance(value, list):
                for item in value:
                    self.visit(item)
            elif isinstance(value, ast.AST):
                self.visit(value)
        self.scope.pop()

    def visit_FunctionDef(self, node):
        self._scoped(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self._scoped(node, ("bases", "body"))

    def visit_arguments(self, node: ast.arguments) -> None:
        for default in [*node.defaults, *(d for d in node.kw_defaults if d is not None)]:
            self.visit(default)      # annotations are never evaluated (from __future__ import annotations)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.value)

    def visit_ImportFrom(self, node):
        return

    visit_Import = visit_ImportFrom

    def visit_Expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Constant):
            return                   # docstrings
        if isinstance(node.value, ast.Call):
            self._remove(node)
        self.generic_visit(node)

    def visit_Raise(self, node: ast.Raise) -> None:
        self._remove(node)
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                self.visit(value.value)  # the expressions of an f-string, not its format specs

    # -- mutation operators --------------------------------------------------------------------------------------
    def visit_BinOp(self, node: ast.BinOp) -> None:
        swap = _BINOP_SWAP.get(type(node.op))
        if swap is not None:
            self._add(node, self._copy_with(node, op=swap()))
        self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        self._add(node, self._copy_with(node, op=other))
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        for i, op in enumerate(node.ops):
            ops = list(node.ops)
            ops[i] = _CMP_SWAP[type(op)]()
            self._add(node, self._copy_with(node, ops=ops))
        self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        if isinstance(node.op, (ast.Not, ast.USub, ast.Invert)):
            if isinstance(node.operand, ast.Constant):   # "-1 -> 1" says little: show the mutated line
                after = ast.unparse(node.operand)
                self._add(node, node.operand, label=f"{_one_line(self._segment(node))} -> {after} in: "
                                                    f"{self._mutated_line(node, after)}")
            else:
                self._add(node, node.operand)
        self.generic_visit(node)

    def _mutated_line(self, node: ast.AST, after: str) -> str:
        """The source line of ``node`` with ``after`` in its place (comments cut)."""
        line = self.lines[node.lineno - 1].encode("utf-8")
        end = node.end_col_offset if node.end_lineno == node.lineno else len(line)
        mutated = (line[:node.col_offset] + after.encode("utf-8") + line[end:]).decode("utf-8")
        return mutated.split("  #")[0].strip()

    def _negate_test(self, node) -> None:
        test = node.test
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            return                   # the operator mutant already drops the "not"
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], _NEGATABLE):
            return                   # the same as swapping ==, is or in for its opposite
        self._add(test, f"not ({self._segment(test)})", label=f"negate: {_one_line(self._segment(test))}")

    def visit_If(self, node: ast.If) -> None:
        self._negate_test(node)
        self.generic_visit(node)

    visit_While = visit_If
    visit_IfExp = visit_If

    def visit_Constant(self, node: ast.Constant) -> None:
        value = node.value
        if isinstance(value, bool):
            after = repr(not value)
        elif isinstance(value, int):
            after = repr(value + 1)
        elif isinstance(value, float):
            after = repr(value + 1.0)
        else:
            return
        # a bare "10 -> 11" says little: show the mutated line, so equal constants stay apart in the exclusion file
        self._add(node, after, label=f"{_one_line(self._segment(node))} -> {after} in: "
                                     f"{self._mutated_line(node, after)}")


def find_mutants(path: str) -> list[Mutant]:
    """Every mutant of the module at ``path`` (relative to the root), in source order."""
    source = (ROOT / path).read_text(encoding="utf-8")
    finder = _Finder(path, source)
    finder.visit(ast.parse(source))
    seen: set[tuple] = set()
    unique = []
    for m in sorted(finder.found, key=lambda m: (m.start, m.end, m.change)):
        ident = (m.start, m.end, m.replacement)
        if ident not in seen:
            seen.add(ident)
            unique.append(m)
    return unique


def apply(source: str, mutant: Mutant) -> str:
    """``source`` with the mutant's span replaced by its replacement text."""
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode("utf-8")))
    raw = source.encode("utf-8")
    start = offsets[mutant.start[0] - 1] + mutant.start[1]
    end = offsets[mutant.end[0] - 1] + mutant.end[1]
    return (raw[:start] + mutant.replacement.encode("utf-8") + raw[end:]).decode("utf-8")


def load_exclusions(path: Path = EXCLUSIONS) -> dict[str, str]:
    """``{mutant key: reason}`` from the exclusion file: ``module | function | change | reason`` per line."""
    out: dict[str, str] = {}
    if not path.exists():
        return out
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) < 4 or not parts[-1]:
            sys.exit(f"{path.name}:{number}: expected 'module | function | change | reason'")
        out[" | ".join(parts[:-1])] = parts[-1]   # a change may hold " | " itself (an `or` of bit masks)
    return out


def tests_for(path: str) -> tuple[str, ...]:
    """The mapped test files of a module (longest matching prefix), keeping only those that exist."""
    best = max((p for p in TEST_MAP if path.startswith(p)), key=len, default=None)
    if best is None:
        return ()
    return tuple(t for t in TEST_MAP[best] if (ROOT / t).exists())


def core_modules() -> list[str]:
    """Every module of the core packages, sorted."""
    return sorted(str(p.relative_to(ROOT)) for pkg in CORE_PACKAGES for p in (ROOT / "workbench" / pkg).glob("*.py"))


def _copy_tree(dest: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", ".pytest_cache")
    for name in ("workbench", "tests", "resources"):
        shutil.copytree(ROOT / name, dest / name, ignore=ignore, symlinks=True)
    for name in ("pyproject.toml",):
        shutil.copy2(ROOT / name, dest / name)


def _pytest(tree: Path, tests: tuple[str, ...], timeout: float, env: dict[str, str]) -> tuple[str, float]:
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
           "--no-header", "-W", "ignore", *tests]
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        code = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return "timeout", time.monotonic() - t0
    except BaseException:        # interrupted (Ctrl-C, SIGTERM): leave no test run behind
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise
    outcome = "survived" if code == 0 else "no tests" if code == 5 else "killed"
    return outcome, time.monotonic() - t0


def _sample(mutants: list[Mutant], limit: int, seed: int, path: str) -> list[Mutant]:
    if limit <= 0 or len(mutants) <= limit or path in ALWAYS_FULL:
        return mutants
    chosen = random.Random(f"{seed}:{path}").sample(range(len(mutants)), limit)
    return [mutants[i] for i in sorted(chosen)]


def _compiles(mutant: Mutant, sources: dict[str, str]) -> bool:
    try:
        compile(apply(sources[mutant.path], mutant), mutant.path, "exec")
    except SyntaxError:
        return False
    return True


def _package_sample(live: dict[str, list[Mutant]], size: int, seed: int) -> dict[str, list[Mutant]]:
    """A seeded simple random sample of ``size`` compiling mutants per core package, drawn from all the package's
    non-excluded mutants at once (so each module weighs by its number of mutants); ``{module: its chosen mutants}``."""
    sources = {path: (ROOT / path).read_text(encoding="utf-8") for path in live}
    chosen: dict[str, list[Mutant]] = {path: [] for path in live}
    for pkg in CORE_PACKAGES:
        pool = [m for path in sorted(live) if path.startswith(f"workbench/{pkg}/") for m in live[path]]
        order = random.Random(f"{seed}:{pkg}").sample(range(len(pool)), len(pool))
        taken = 0
        for i in order:
            if taken == size:
                break
            if _compiles(pool[i], sources):     # an invalid mutant is no draw: the sample scores `size` mutants
                chosen[pool[i].path].append(pool[i])
                taken += 1
    return {path: sorted(ms, key=lambda m: (m.start, m.end, m.change)) for path, ms in chosen.items()}


def main(argv: list[str] | None = None) -> int:
    """Command line: run the mutants and print the score per module and package, and the survivors."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("modules", nargs="*", help="module files (default: every module of the core packages)")
    ap.add_argument("--max-per-module", type=int, default=0, metavar="N",
                    help="score a seeded sample of N mutants per module (0: all; the modules in ALWAYS_FULL are "
                         "always scored in full)")
    ap.add_argument("--per-package", type=int, default=0, metavar="N",
                    help="score a seeded random sample of N mutants per core package, drawn from all its modules "
                         "(what `make mutation` runs; overrides --max-per-module and ALWAYS_FULL)")
    ap.add_argument("--seed", type=int, default=17, help="sampling seed (default 17): the same seed, the same mutants")
    ap.add_argument("--list", action="store_true", help="list the mutants (and excluded ones) without running them")
    ap.add_argument("--json", metavar="FILE", help="also write every mutant's outcome to FILE")
    ap.add_argument("--survivors-of", metavar="FILE",
                    help="run only the mutants that survived in an earlier --json FILE (after adding tests)")
    ap.add_argument("--start-line", type=int, default=1, metavar="N",
                    help="only mutants at line N or later (to finish an interrupted run of one module)")
    ap.add_argument("--fail-under", type=float, default=0.0, metavar="PCT",
                    help="exit 1 when a module scores below PCT percent")
    args = ap.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(130))  # so the temporary copy is removed on kill

    modules = [str(Path(m).resolve().relative_to(ROOT)) for m in args.modules] or core_modules()
    exclusions = load_exclusions()
    earlier = None
    if args.survivors_of:
        rows = json.loads(Path(args.survivors_of).read_text(encoding="utf-8"))["results"]
        earlier = {(r["path"], r["function"], r["change"]) for r in rows if r["outcome"] == "survived"}
        # files written before constants were shown in their line: match the bare change on the same line
        earlier |= {(r["path"], r["function"], r["change"], r["line"]) for r in rows if r["outcome"] == "survived"}
    plan: list[tuple[str, list[Mutant], int, int]] = []   # module, to run, excluded, total
    used_exclusions: set[str] = set()
    live_of: dict[str, list[Mutant]] = {}
    total_of: dict[str, int] = {}
    excluded_of: dict[str, int] = {}
    for path in modules:
        every = find_mutants(path)
        live = [m for m in every if m.key not in exclusions and m.line >= args.start_line]
        if earlier is not None:
            live = [m for m in live if (m.path, m.function, m.change) in earlier
                    or (m.path, m.function, m.change.split(" in: ")[0], m.line) in earlier]
        used_exclusions |= {m.key for m in every if m.key in exclusions}
        live_of[path], total_of[path] = live, len(every)
        excluded_of[path] = sum(m.key in exclusions for m in every)
    if args.per_package > 0:
        chosen_of = _package_sample(live_of, args.per_package, args.seed)
    else:
        chosen_of = {path: _sample(live, args.max_per_module, args.seed, path) for path, live in live_of.items()}
    for path in modules:
        chosen = chosen_of[path]
        plan.append((path, chosen, excluded_of[path], total_of[path]))
    stale = [k for k in exclusions if k.split(" | ")[0] in modules and k not in used_exclusions]
    for key in stale:
        print(f"note: exclusion matches no mutant any more (code changed?): {key}")

    if args.list:
        for _path, chosen, _, _ in plan:
            for m in chosen:
                print(f"{m.path}:{m.line}: [{m.function}] {m.change}")
        for key in sorted(used_exclusions):
            print(f"excluded: {key}  ({exclusions[key]})")
        return 0

    results: list[dict] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cmw-mutation-") as tmp:
        tree = Path(tmp)
        _copy_tree(tree)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
        check = subprocess.run([sys.executable, "-c", "import workbench; print(workbench.__file__)"], cwd=tree,
                               env=env, capture_output=True, text=True)
        if not check.stdout.strip().startswith(str(tree)):
            print(f"error: the temporary copy is not the one imported ({check.stdout.strip()})", file=sys.stderr)
            return 2
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        baselines: dict[tuple[str, ...], tuple[str, float]] = {}
        for path, chosen, excluded, total in plan:
            tests = tests_for(path)
            if not chosen:
                continue
            if not tests:
                print(f"{path}: no tests mapped in TEST_MAP; skipped")
                continue
            if tests not in baselines:  # the unmutated run, once per set of test files
                baselines[tests] = _pytest(tree, tests, 1800, env)
            outcome, base_time = baselines[tests]
            if outcome != "survived":
                print(f"{path}: its tests fail without any mutant ({' '.join(tests)}); skipped")
                continue
            timeout = 3 * base_time + 10
            target = tree / path
            original = target.read_text(encoding="utf-8")
            print(f"== {path}: {len(chosen)} of {total - excluded} mutants ({excluded} excluded as equivalent); "
                  f"tests {' '.join(t.removeprefix('tests/') for t in tests)} ({base_time:.0f} s unmutated)",
                  flush=True)
            try:
                for m in chosen:
                    text = apply(original, m)
                    try:
                        compile(text, path, "exec")
                    except SyntaxError:
                        results.append({**_row(m), "outcome": "invalid", "seconds": 0.0})
                        continue
                    target.write_text(text, encoding="utf-8")
                    outcome, seconds = _pytest(tree, tests, timeout, env)
                    results.append({**_row(m), "outcome": outcome, "seconds": round(seconds, 1)})
                    if outcome == "survived":
                        print(f"  survived {m.path}:{m.line}: [{m.function}] {m.change}", flush=True)
            finally:
                target.write_text(original, encoding="utf-8")
            _report_module(path, [r for r in results if r["path"] == path], excluded, total)
            if args.json:            # after each module, so an interrupted run keeps what it measured
                _write_json(Path(args.json), args, results)
    elapsed = time.monotonic() - started
    worst = _report_packages(results, plan)
    print(f"\n{len(results)} mutants run in {elapsed / 60:.1f} min")
    if args.json:
        _write_json(Path(args.json), args, results)
    return 1 if worst is not None and worst < args.fail_under else 0


def _write_json(path: Path, args: argparse.Namespace, results: list[dict]) -> None:
    path.write_text(json.dumps({"seed": args.seed, "max_per_module": args.max_per_module,
                                "per_package": args.per_package, "results": results}, indent=1) + "\n",
                    encoding="utf-8")


def _row(m: Mutant) -> dict:
    return {"path": m.path, "line": m.line, "function": m.function, "change": m.change}


def _score(rows: list[dict]) -> tuple[int, int]:
    scored = [r for r in rows if r["outcome"] in ("killed", "survived", "timeout")]
    return sum(r["outcome"] != "survived" for r in scored), len(scored)


def _wilson(killed: int, scored: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson interval of a score measured on a random sample, in percent."""
    p = killed / scored
    centre = (p + z * z / (2 * scored)) / (1 + z * z / scored)
    half = z * ((p * (1 - p) / scored + z * z / (4 * scored * scored)) ** 0.5) / (1 + z * z / scored)
    return 100 * (centre - half), 100 * min(1.0, centre + half)


def _report_module(path: str, rows: list[dict], excluded: int, total: int) -> None:
    killed, scored = _score(rows)
    pct = 100.0 * killed / scored if scored else 100.0
    timeouts = sum(r["outcome"] == "timeout" for r in rows)
    extra = f", {timeouts} by timeout" if timeouts else ""
    print(f"   {path}: killed {killed}/{scored} = {pct:.1f} %{extra} "
          f"(run {len(rows)} of {total} mutants, {excluded} excluded as equivalent)", flush=True)


def _report_packages(results: list[dict], plan: list[tuple[str, list[Mutant], int, int]]) -> float | None:
    print("\nScore per module (killed / non-equivalent mutants run):")
    worst = None
    for path in sorted({r["path"] for r in results}):
        killed, scored = _score([r for r in results if r["path"] == path])
        if scored:
            pct = 100.0 * killed / scored
            print(f"  {path:45s} {killed:4d} / {scored:<4d} {pct:5.1f} %")
    print("Score per core package (killed / run; the package's mutants, equivalents excluded; 95 % interval):")
    for pkg in CORE_PACKAGES:
        killed, scored = _score([r for r in results if r["path"].startswith(f"workbench/{pkg}/")])
        mine = [(excluded, total) for path, _, excluded, total in plan if path.startswith(f"workbench/{pkg}/")]
        if scored:
            pct = 100.0 * killed / scored
            worst = pct if worst is None else min(worst, pct)
            low, high = _wilson(killed, scored)
            print(f"  {pkg:17s} {killed:4d} / {scored:<4d} {pct:5.1f} %  [{low:4.1f}-{high:5.1f}]  of "
                  f"{sum(t for _, t in mine)} mutants, {sum(e for e, _ in mine)} excluded as equivalent")
    survivors = [r for r in results if r["outcome"] == "survived"]
    if survivors:
        print("Surviving mutants (behaviour no test pins):")
        for r in survivors:
            print(f"  {r['path']}:{r['line']}: [{r['function']}] {r['change']}")
    return worst


if __name__ == "__main__":
    sys.exit(main())
