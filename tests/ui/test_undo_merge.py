"""Typing in one field is one undo step; a pause longer than the merge window starts a new one (fake clock); keystrokes
queued faster than the window handles them are one step and one evaluation, of the last value."""

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


def test_keystrokes_queued_faster_than_the_window_repaints_end_with_the_last_value_in_one_step(qtbot: Any,
                                                                                               window: Any) -> None:
    """A fast typist (or key repeat) gets ahead of the window: five Up keystrokes queued before it handles any are
    each applied, merge into one undo step, and the results are computed once, for the fifth value; one undo goes
    back to where the typing started, results included."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QDoubleSpinBox

    from workbench.engine import evaluate

    window.navigator.select_clause("ndpr-border-floor")
    spin = next(s for s in window.clause_editor.widgets["floor_price"].findChildren(QDoubleSpinBox) if s.isVisible())
    start, step = spin.value(), spin.singleStep()
    stack, results = window.controller.undo_stack, window.results
    commands_before = stack.count()
    evaluated: list[Any] = []
    results.scheduler.evaluated.connect(lambda scenario, _result, _seconds: evaluated.append(scenario))
    for _ in range(5):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.postEvent(spin, QKeyEvent(kind, Qt.Key.Key_Up, Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: bool(evaluated) and not results.scheduler.is_pending())
    qtbot.wait(100)

    def floor() -> float:
        return window.controller.scenario.document.clause("ndpr-border-floor").floor_price.amount

    def shown_us_cost() -> float:
        return results.result.partner_table.at["US", "fiscal_cost_pv_usd"]

    assert spin.value() == floor() == start + 5 * step
    assert evaluated == [window.controller.scenario]  # once, the fifth value
    assert shown_us_cost() == evaluate(window.controller.scenario).partner_table.at["US", "fiscal_cost_pv_usd"]
    assert stack.count() == commands_before + 1
    assert stack.undoText() == "Edit Floor price of ndpr-border-floor"
    stack.undo()
    qtbot.waitUntil(lambda: len(evaluated) == 2 and not results.scheduler.is_pending())
    assert floor() == spin.value() == start
    assert shown_us_cost() == evaluate(window.controller.scenario).partner_table.at["US", "fiscal_cost_pv_usd"]


def test_merged_keystrokes_do_not_keep_their_scenarios_alive() -> None:
    """A long session of typing in one field is one undo step and must cost one step's memory: PySide keeps every
    absorbed command's Python object alive, and each kept the scenarios before and after its keystroke (about 50 kB
    per keystroke: 100 MB in a day's negotiation)."""
    import gc

    from workbench.document import Scenario

    def scenarios_alive() -> int:
        gc.collect()
        return sum(type(o) is Scenario for o in gc.get_objects())

    controller = DocumentController(default_scenario())
    controller.apply(_titled(controller.scenario, "T0"), "Edit title", merge_key="title")
    before = scenarios_alive()
    for index in range(1, 101):
        controller.apply(_titled(controller.scenario, f"T{index}"), "Edit title", merge_key="title")
    assert controller.undo_stack.count() == 1 and controller.scenario.document.metadata.title == "T100"
    assert scenarios_alive() <= before + 1  # 100 keystrokes kept 100 more scenarios before
    controller.undo_stack.undo()
    assert controller.scenario.document.metadata.title == default_scenario().document.metadata.title
