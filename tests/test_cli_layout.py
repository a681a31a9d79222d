"""The command line in a real terminal: every report fits the width it is given, numbers never split or dropped."""

from __future__ import annotations

import pytest

from workbench.cli import layout
from workbench.cli.main import main


@pytest.fixture(scope="module")
def default_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "d.cmws"
    assert main(["new", "-o", str(path)]) == 0
    return path


def test_blocks_sit_side_by_side_when_they_fit_and_stack_when_not():
    blocks = [[(("cost", "USD m"), ["1.0", "−22.5"])], [(("price", "%"), ["+4.6", "–"])]]
    wide = layout.table(["US", "ROW"], blocks, width=40)
    assert wide == ["           cost  price",
                    "region    USD m      %",
                    "US          1.0   +4.6",
                    "ROW       −22.5      –"]
    assert layout.table(["US", "ROW"], blocks, width=22) == wide  # exactly as wide as the terminal still fits
    narrow = layout.table(["US", "ROW"], blocks, width=21)
    assert narrow == ["           cost", "region    USD m", "US          1.0", "ROW       −22.5", "",
                      "          price", "region        %", "US         +4.6", "ROW           –"]


def test_wrapping_keeps_an_amount_with_its_currency():
    text = "the agreed price USD 312,500/t is below the market price USD 575,535/t in 2026"
    for width in range(20, 80):
        lines = layout.wrapped(text, width).splitlines()
        assert " ".join(lines) == text
        assert not any(ln.endswith("USD") for ln in lines)


@pytest.mark.parametrize("columns", [60, 80, 100])
@pytest.mark.parametrize("command", [["stress", "d.cmws"], ["diff", "d.cmws", "d.cmws"],
                                     ["evaluate", "d.cmws", "--paths", "50"]])
def test_reports_fit_the_terminal(default_file, capsys, monkeypatch, columns, command):
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.chdir(default_file.parent)
    assert main(command) == 0
    lines = capsys.readouterr().out.splitlines()
    too_wide = [ln for ln in lines if len(ln) > columns]
    assert not too_wide, too_wide[:3]


def test_stress_prints_every_figure_once_and_names_the_mineral(default_file, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.chdir(default_file.parent)
    assert main(["stress", "d.cmws"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [ln.split() for ln in lines if ln.split()[:1] and ln.split()[0] in {"US", "EU", "JP", "MX", "CN", "ROW"}]
    assert len(rows) == 3 * 2 * 6  # three tests, two blocks stacked, six regions
    assert sum(len(r) - 1 for r in rows) == 3 * 8 * 6
    assert any("(dumping, NdPr oxide, 2026-2028)" in ln for ln in lines)
    assert not any("-" in cell and cell != "-" for r in rows for cell in r[1:])  # minus is U+2212, never a hyphen


class _Terminal:
    """A stderr that is a terminal (what the user reads), collecting what is written."""

    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass

    def isatty(self):
        return True


@pytest.mark.parametrize("columns", [60, 100])
def test_warnings_fit_a_terminal_under_a_hanging_indent_and_stay_one_line_in_a_log(tmp_path, capsys, monkeypatch,
                                                                                   columns):
    """A received file whose hash no longer matches warns at length; in a terminal each line fits and continues
    under the text, not under "warning:"; piped to a log the warning stays on one line (one warning, one line)."""
    import json
    import sys
    from pathlib import Path

    monkeypatch.chdir(tmp_path)  # file names as typed; a path longer than the terminal is never split
    ours, path = Path("ours.cmws"), Path("changed.cmws")
    assert main(["new", "-o", str(ours)]) == 0
    data = json.loads(ours.read_text(encoding="utf-8"))
    data["document"]["metadata"]["title"] += " (changed by hand)"
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(["diff", str(ours), str(path)]) == 0
    logged = capsys.readouterr().err.splitlines()
    assert len(logged) == 1 and "content hash does not match" in logged[0] and len(logged[0]) > columns
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["diff", str(ours), str(path)]) == 0
    lines = terminal.text.splitlines()
    assert len(lines) > 1 and lines[0].startswith("warning: ")
    assert all(ln.startswith(" " * 9) and not ln.startswith(" " * 10) for ln in lines[1:])  # under the text
    assert all(len(ln) <= columns for ln in lines)
    assert " ".join(lines).split() == logged[0].split()  # the same words, nothing lost
