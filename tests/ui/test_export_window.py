"""File > Export term sheet refuses a tampered file as workbench-cli export does, unless told to mark it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workbench.defaults import default_scenario
from workbench.export import NOT_VERIFIED
from workbench.files import save_scenario


def test_export_of_a_tampered_file_asks_and_marks_every_page(window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    src = tmp_path / "tampered.cmws"
    save_scenario(src, default_scenario())
    data = json.loads(src.read_text(encoding="utf-8"))
    data["document"]["metadata"]["title"] = "Changed outside the workbench"
    src.write_text(json.dumps(data), encoding="utf-8")
    answers: list[Any] = [QMessageBox.StandardButton.Ok]  # the opening warning
    shown: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        shown.append(text)
        return answers.pop(0)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(str(a[2])))
    assert window.open_path(src)
    out = tmp_path / "sheet.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))

    answers.append(QMessageBox.StandardButton.Cancel)
    window.export_action.trigger()
    assert "content hash does not match" in shown[-1] and NOT_VERIFIED in shown[-1]
    assert not out.exists()

    answers.append(QMessageBox.StandardButton.Yes)
    window.export_action.trigger()
    wb = openpyxl.load_workbook(out)
    assert all(NOT_VERIFIED in ws.oddHeader.center.text for ws in wb.worksheets)
    assert str(wb["Cover"]["A1"].value).startswith(NOT_VERIFIED)


def test_export_refuses_private_text_in_a_public_field_naming_it(window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    data = default_scenario().to_data()
    data["private"]["notes"] = "Do not reveal that the minister wants the indium purchase signed before the summit."
    data["document"]["clauses"][5]["title"] = "Do\u00a0not reveal that the minister wants the indium purchase signed"
    src = tmp_path / "leaky.cmws"
    save_scenario(src, type(default_scenario()).from_data(data))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(str(a[2])))
    assert window.open_path(src)
    out = tmp_path / "sheet.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.export_action.trigger()
    assert shown and "private notes appears in document.clauses[5].title" in shown[-1]
    assert not out.exists()
