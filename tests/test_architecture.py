"""The layering rules: no Qt outside workbench/ui, every module documented, every package shipped."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "workbench"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")


def _core_modules() -> list[Path]:
    return [p for p in PKG.rglob("*.py") if "ui" not in p.relative_to(PKG).parts[:1]]


def _imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_source_never_imports_qt():
    offenders = []
    for path in _core_modules():
        for name in _imported_names(path):
            if name.split(".")[0] in QT_MODULES or name.startswith("matplotlib.backends.backend_qt"):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__") for p in _core_modules()
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_every_module_has_a_docstring():
    missing = [str(p.relative_to(ROOT)) for p in PKG.rglob("*.py")
               if ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None]
    assert missing == []


def test_every_subpackage_is_listed_for_installation():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in PKG.rglob("__init__.py")}
    assert found - listed == set()
    assert "workbench.resources" in listed
    assert config["tool"]["setuptools"]["package-dir"]["workbench.resources"] == "resources"


def test_evaluating_simulating_and_exporting_never_import_scipy(tmp_path):
    """scipy is a test dependency only (pyproject's test extra): the engine solves with numpy."""
    code = (
        "import sys\n"
        "from workbench.defaults import default_scenario\n"
        "from workbench.engine import evaluate, run_monte_carlo\n"
        "from workbench.export import write_term_sheet\n"
        "s = default_scenario()\n"
        "r, mc = evaluate(s), run_monte_carlo(s, paths=100, seed=1)\n"
        f"write_term_sheet(s, {str(tmp_path / 'x.xlsx')!r}, result=r, monte_carlo=mc)\n"
        "print(','.join(m for m in sys.modules if m.split('.')[0] == 'scipy'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""
    runtime = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert not [d for d in runtime if d.lower().startswith("scipy")]
