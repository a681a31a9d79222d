"""The editors driven through their widgets: brackets, status, cost sharing, partners, assumptions, private block,
live legal text and accessible names."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextBrowser,
                               QTreeView, QWidget)

from workbench.document import Bracket, ClauseKind

NDPR = "ndpr-border-floor"


def clause(window: Any, clause_id: str = NDPR) -> Any:
    return window.controller.scenario.document.clause(clause_id)


def labels(window: Any) -> list[str]:
    stack = window.controller.undo_stack
    return [stack.text(i) for i in range(stack.count())]


def test_bracketing_a_parameter_models_the_chosen_option_and_can_be_removed(qtbot: Any, window: Any) -> None:
    window.navigator.select_clause(NDPR)
    floor = window.clause_editor.widgets["floor_price"]
    floor.bracket()
    value = clause(window).floor_price
    assert isinstance(value, Bracket) and [o.label for o in value.options] == ["A", "B"]
    assert clause(window).status.value == "bracketed"  # a proposed clause with brackets is bracketed text
    assert value.options[0].proposed_by == "US" and value.options[0].value.amount == 110.0
    _, option_b, proponent_b, radio_b = floor.rows[1]
    option_b.amount.setValue(130.0)
    proponent_b.setCurrentIndex(proponent_b.findData("EU"))
    radio_b.setChecked(True)
    value = clause(window).floor_price
    assert value.options[1].value.amount == 130.0 and value.options[1].proposed_by == "EU"
    assert value.selected == "B" and value.current.amount == 130.0
    preview = window.clause_editor.preview.toPlainText()
    assert "[Alt 1: USD 110/kg (US)] [Alt 2: USD 130/kg (EU)]" in preview
    floor.unbracket()
    assert clause(window).floor_price.amount == 130.0
    assert labels(window)[0] == "Bracket Floor price" and labels(window)[-1].startswith("Remove brackets from Floor")
    window.controller.undo_stack.setIndex(0)
    assert clause(window).floor_price.amount == 110.0 and floor.plain is not None
    assert clause(window).status.value == "proposed"


def test_agreeing_a_clause_with_brackets_is_refused_with_the_reason(window: Any) -> None:
    window.navigator.select_clause("nickel-cfd")
    status = window.clause_editor.widgets["status"].combo
    status.setCurrentIndex(status.findData("agreed"))
    assert clause(window, "nickel-cfd").status.value == "bracketed"
    assert window.clause_editor.messages() == [
        "\u26a0 Status: an agreed clause cannot keep bracketed parameters (strike_price) (got 'agreed')"]
    assert status.currentData() == "bracketed"  # the refused choice snapped back


def test_status_and_proponent_are_edited(window: Any) -> None:
    window.navigator.select_clause(NDPR)
    editor = window.clause_editor
    proposer = editor.widgets["proposed_by"].combo
    proposer.setCurrentIndex(proposer.findData("JP"))
    status = editor.widgets["status"].combo
    status.setCurrentIndex(status.findData("agreed"))
    assert clause(window).status.value == "agreed" and clause(window).proposed_by == "JP"
    index = window.navigator.model.clause_indexes(NDPR)[0]
    assert index.siblingAtColumn(1).data() == "Agreed" and index.siblingAtColumn(2).data() == "JP"


def test_adding_a_party_to_a_fixed_share_clause_rescales_the_shares(window: Any) -> None:
    window.navigator.select_clause("nickel-cfd")
    window.clause_editor.widgets["parties"].boxes["MX"].setChecked(True)
    shares = clause(window, "nickel-cfd").cost_sharing.shares
    assert shares == {"US": 0.3, "EU": 0.4, "JP": 0.3, "MX": 0.0}
    spins = window.clause_editor.widgets["cost_sharing"].spins
    spins["EU"].setValue(50.0)  # 110 % in total: refused, named
    assert clause(window, "nickel-cfd").cost_sharing.shares["EU"] == 0.4
    assert any("must add up to 1" in m for m in window.clause_editor.messages())


def test_renaming_a_clause_id_keeps_it_selected(window: Any) -> None:
    window.navigator.select_clause(NDPR)
    line = window.clause_editor.widgets["id"].line
    line.setText("ndpr-floor")
    line.setModified(True)
    line.editingFinished.emit()
    assert [c.id for c in window.controller.scenario.document.clauses][0] == "ndpr-floor"
    assert window.navigator.current_clause_id == "ndpr-floor"
    assert labels(window) == [f"Rename clause {NDPR} to ndpr-floor"]


def test_every_clause_kind_edits_its_own_parameters(window: Any) -> None:
    for kind in ClauseKind:
        window.navigator.add(kind)
        editor = window.clause_editor
        assert editor.clause_id == window.navigator.current_clause_id
        title = editor.widgets["title"].line
        title.setText(f"Edited {kind.value}")
        title.textEdited.emit(title.text())
        assert clause(window, editor.clause_id).title == f"Edited {kind.value}"
        assert editor.preview.toPlainText().strip()


def test_partner_rename_reaches_every_reference_and_removal_is_refused_while_used(window: Any) -> None:
    editor = window.partners_editor
    code = editor.widgets["Partner 1: code"]
    code.line.setText("USA")
    code.line.setModified(True)
    code.line.editingFinished.emit()
    doc = window.controller.scenario.document
    assert doc.partners[0].code == "USA" and doc.metadata.author_delegation == "USA"
    assert doc.clause(NDPR).parties[0] == "USA" and doc.clause(NDPR).proposed_by == "USA"
    assert "US" not in doc.clause("nickel-cfd").cost_sharing.shares
    assert labels(window) == ["Rename partner US to USA"]
    editor.remove_partner("MX")
    assert [p.code for p in window.controller.scenario.document.partners][-1] == "MX"
    assert "'MX'" in editor.general.text() and "is not a partner" in editor.general.text()


def test_assumptions_apply_and_bad_text_is_named(window: Any) -> None:
    editor = window.assumptions_editor
    widgets = editor.widgets
    widgets["Discount rate"].spin.setValue(5.0)
    assert window.controller.scenario.document.assumptions.discount_rate == 0.05
    index = widgets["Nickel: custom price index"]
    index.line.setText("1, 1.1, lots")
    index.line.setModified(True)
    index.line.editingFinished.emit()
    messages = editor.messages()
    assert any("Nickel: custom price index" in m and "lots" in m for m in messages), messages
    assert "nickel" not in window.controller.scenario.document.assumptions.price_paths


def test_private_block_is_marked_and_edits_the_mandate(window: Any) -> None:
    editor = window.private_editor
    tab = window.tabs.indexOf(editor)
    assert window.tabs.tabText(tab) == "Pri&vate" and not window.tabs.tabIcon(tab).isNull()
    assert "never shared" in window.tabs.tabToolTip(tab)
    widgets = editor.widgets
    ceiling = widgets["US: fiscal ceiling per year"]
    ceiling.check.setChecked(True)
    assert ceiling.inner.value() == {"amount": 5e8, "currency": "USD"}  # a ceiling starts at USD 500 m
    assert ceiling.inner.magnitude.currentText() == "m"
    ceiling.inner.amount.setValue(750.0)  # typed in USD m, as the results show money
    assert window.controller.scenario.private.mandate.fiscal_ceiling_per_year["US"].amount == 7.5e8
    ceiling.inner.amount.setValue(500.0)
    assert window.controller.scenario.private.mandate.fiscal_ceiling_per_year["US"].amount == 5e8
    ceiling.inner.magnitude.setCurrentIndex(ceiling.inner.magnitude.findData("bn"))
    assert window.controller.scenario.private.mandate.fiscal_ceiling_per_year["US"].amount == 5e11
    widgets[f"Private note on {NDPR}"].text.setPlainText("Fallback: 115")
    assert window.controller.scenario.private.clause_notes[NDPR] == "Fallback: 115"
    assert "Fallback" not in window.clause_editor.preview.toPlainText()


def button(root: QWidget, name: str) -> QAbstractButton:
    found = [b for b in root.findChildren(QAbstractButton) if b.accessibleName() == name]
    assert len(found) == 1, name
    return found[0]


def test_internal_comments_are_added_edited_and_removed_one_undo_step_each(window: Any) -> None:
    editor = window.private_editor
    private = lambda: window.controller.scenario.private  # noqa: E731 - a one-line getter reads best inline
    button(editor, "Add internal comment").click()
    button(editor, "Add internal comment").click()  # the tab was rebuilt: a new button
    assert private().internal_comments == ["", ""]
    first = editor.widgets["Internal comment 1"].text
    assert first.accessibleName() == "Internal comment 1"
    first.setPlainText("Minister")
    first.setPlainText("Minister wants it by Friday")
    editor.widgets["Internal comment 2"].text.setPlainText("EU is bluffing")
    assert private().internal_comments == ["Minister wants it by Friday", "EU is bluffing"]
    assert "Minister" not in window.controller.scenario.document.model_dump_json()
    button(editor, "Remove internal comment 1").click()
    assert private().internal_comments == ["EU is bluffing"]
    assert editor.widgets["Internal comment 1"].value() == "EU is bluffing"
    assert labels(window) == ["Add internal comment", "Add internal comment", "Edit Internal comment 1",
                              "Edit Internal comment 2", "Remove internal comment 1"]
    window.controller.undo_stack.undo()
    assert private().internal_comments == ["Minister wants it by Friday", "EU is bluffing"]
    window.controller.undo_stack.undo()
    assert private().internal_comments == ["Minister wants it by Friday", ""]
    window.controller.undo_stack.undo()
    assert private().internal_comments == ["", ""]
    assert _unnamed(editor) == []


INPUTS = (QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QAbstractButton, QTreeView, QTextBrowser)


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            continue  # a spin box's or combo box's own line edit is named through its owner
        if not widget.accessibleName().strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()} {getattr(widget, 'text', lambda: '')()}")
    return missing


def test_every_input_control_has_an_accessible_name(window: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(window.clause_editor, "confirm_reopen", lambda *_: True)  # brackets agreed clauses too
    for clause_id in [c.id for c in window.controller.scenario.document.clauses]:
        window.navigator.select_clause(clause_id)
        for field in window.clause_editor.widgets.values():
            if hasattr(field, "bracket") and field.plain is not None:
                field.bracket()
        assert _unnamed(window.clause_editor) == [], clause_id
        window.controller.undo_stack.setIndex(0)
    for part in (window.navigator, window.metadata_editor, window.partners_editor, window.assumptions_editor,
                 window.private_editor):
        assert _unnamed(part) == [], type(part).__name__


def test_a_refused_clause_id_stays_in_the_field_with_the_reason(window: Any) -> None:
    window.navigator.select_clause(NDPR)
    line = window.clause_editor.widgets["id"].line
    line.setText("NdPr Floor")
    line.setModified(True)
    line.editingFinished.emit()
    assert window.controller.scenario.document.clauses[0].id == NDPR
    assert line.text() == "NdPr Floor"
    assert any("Clause id" in m and "'NdPr Floor'" in m for m in window.clause_editor.messages())


def test_the_author_delegation_is_credited_with_new_clauses(window: Any) -> None:
    author = window.metadata_editor.widgets["Author delegation"].combo
    author.setCurrentIndex(author.findData("EU"))
    assert window.controller.scenario.document.metadata.author_delegation == "EU"
    window.navigator.add(ClauseKind.CFD)
    assert clause(window, window.navigator.current_clause_id).proposed_by == "EU"
    title = window.metadata_editor.widgets["Title"].line
    title.setText("")
    title.textEdited.emit("")
    assert window.controller.scenario.document.metadata.title != ""
    assert any(m.startswith("\u26a0 Title:") for m in window.metadata_editor.messages())


def test_release_rule_of_a_stockpile_is_edited_switched_off_and_undone(window: Any) -> None:
    window.navigator.select_clause("stockpile-cobalt")
    field = window.clause_editor.widgets["release_rule"]
    rule_edit = field.inner
    assert field.check.isChecked() and rule_edit.fields["max_release"].value() == {"amount": 5000.0, "unit": "t"}
    rule_edit.flags["replenish"].setChecked(False)
    assert clause(window, "stockpile-cobalt").release_rule.replenish is False
    rule_edit.fields["allocation"].combo.setCurrentIndex(rule_edit.fields["allocation"].combo.findData("cost_share"))
    assert clause(window, "stockpile-cobalt").release_rule.allocation.value == "cost_share"
    assert "in proportion to their shares of the cost" in window.clause_editor.preview.toPlainText()
    field.check.setChecked(False)
    assert clause(window, "stockpile-cobalt").release_rule is None
    window.controller.undo_stack.setIndex(0)
    rule = clause(window, "stockpile-cobalt").release_rule
    assert rule.replenish and rule.allocation.value == "need" and rule.price_trigger == 1.5


def test_monte_carlo_disruption_jumps_are_switched_on_in_the_assumptions(window: Any) -> None:
    box = window.assumptions_editor.widgets["Disruptions"]
    box.check.setChecked(True)
    assert window.controller.scenario.document.assumptions.monte_carlo.disruptions is True
    window.controller.undo_stack.undo()
    assert window.controller.scenario.document.assumptions.monte_carlo.disruptions is False
