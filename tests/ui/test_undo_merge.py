"""Typing in one field is one undo step; a pause longer than the merge window starts a new one (fake clock)."""

from __future__ import annotations

from typing import Any

from workbench.defaults import default_scenario
from workbench.ui import commands
from workbench.ui.controller import DocumentController


def _titled(scenario: Any, title: str) -> Any:
    return scenario.model_copy(update={"document": scenario.document.model_copy(
        update={"metadata": scenario.document.metadata.model_copy(update={"title": title})})})


def test_edits_of_one_field_merge_within_the_window_and_not_after(monkeypatch: Any) -> None:
    monkeypatch.setattr(commands, "MERGE_WINDOW_S", 2.0)
    now = [100.0]
    monkeypatch.setattr(commands.time, "monotonic", lambda: now[0])
    controller = DocumentController(default_scenario())
    stack = controller.undo_stack
    for title, at in (("A", 100.0), ("AB", 101.9), ("ABC", 103.8)):  # each keystroke 1.9 s after the previous one
        now[0] = at
        controller.apply(_titled(controller.scenario, title), "Edit title", merge_key="title")
    assert stack.count() == 1 and controller.scenario.document.metadata.title == "ABC"
    now[0] = 106.0  # 2.2 s later: a new step
    controller.apply(_titled(controller.scenario, "ABCD"), "Edit title", merge_key="title")
    assert stack.count() == 2
    stack.undo()
    assert controller.scenario.document.metadata.title == "ABC"
    now[0] = 106.5  # another field never merges, however soon
    controller.apply(_titled(controller.scenario, "ABC!"), "Edit description", merge_key="description")
    assert stack.count() == 2 and stack.index() == 2
