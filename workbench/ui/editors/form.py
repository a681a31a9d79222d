"""Base of the editors: apply a change to the scenario data as an undoable edit, or show why it was refused."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from workbench.document import Issue, Scenario, ScenarioValidationError
from workbench.ui.controller import DocumentController
from workbench.ui.editors.fields import ValueEdit

Mutation = Callable[[dict[str, Any]], None]


def issue_text(field: str, issue: Issue) -> str:
    """``Floor price: Input should be greater than 0 (got 0.0)``: the field, the problem and the value."""
    shown = "" if issue.value is None else f" (got {issue.value!r})"
    return f"{field}: {issue.message}{shown}"


class IssueLabel(QLabel):
    """An inline message under a field, hidden while the field is valid; uses the palette, so dark mode works."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(self.tr("Validation message"))
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.hide()

    def show_message(self, text: str) -> None:
        """Show ``text`` (an empty text hides the label)."""
        self.setText(f"\u26a0 {text}" if text else "")
        self.setVisible(bool(text))


def replace_page(scroll: QScrollArea, page: QWidget) -> None:
    """Show ``page`` in ``scroll``; the old page is deleted later, not now: a rebuild can come from one of its own
    fields' signals (a new clause's mineral renames it, a stress test's kind changes its fields), and Qt goes on using
    the sender after the slot returns (QScrollArea.setWidget alone would delete it at once)."""
    old = scroll.takeWidget()
    if old is not None:
        old.deleteLater()
    scroll.setWidget(page)


def field_cell(widget: QWidget, issue: IssueLabel) -> QWidget:
    """A field's widget with its inline message below it."""
    cell = QWidget()
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(issue)
    return cell


class ScenarioForm(QWidget):
    """An editor of part of the scenario: edits validate the whole scenario; issues show next to their fields.

    Fields register the data path they edit (relative to :meth:`base_path`) with a display name and an
    :class:`IssueLabel`; an issue goes to the field with the longest matching path, others to ``general``.
    """

    def __init__(self, controller: DocumentController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self._targets: list[tuple[str, str, IssueLabel]] = []
        self.general = IssueLabel()

    def base_path(self) -> str:
        """The data path this form's field paths are relative to (e.g. ``document.clauses[2]``)."""
        return ""

    def register(self, relative_path: str, field: str, label: IssueLabel) -> None:
        """Send issues under ``base_path() + relative_path`` to ``label``, naming the field ``field``."""
        self._targets.append((relative_path, field, label))

    def clear_targets(self) -> None:
        """Forget the registered fields (before a form is rebuilt)."""
        self._targets = []

    def edit(self, label: str, mutate: Mutation, merge_key: str | None = None) -> bool:
        """Apply ``mutate`` to a copy of the scenario data; if it validates, push it as the undo step ``label``."""
        data = self.controller.scenario.to_data()
        mutate(data)
        try:
            new = Scenario.from_data(data)
        except ScenarioValidationError as exc:
            self.show_issues(exc.issues)
            return False
        self.show_issues([])
        self.controller.apply(new, label, merge_key)
        return True

    def show_issues(self, issues: list[Issue]) -> None:
        """Show each issue under its field (or in the general message); clear the others."""
        base = self.base_path()
        texts: dict[int, list[str]] = {}
        general: list[str] = []
        for issue in issues:
            best = -1
            for i, (rel, _, _) in enumerate(self._targets):
                full = f"{base}.{rel}" if base and rel else (base or rel)
                if _under(issue.path, full) and (best < 0 or len(rel) > len(self._targets[best][0])):
                    best = i
            if best < 0:
                general.append(issue_text(issue.path, issue))
            else:
                texts.setdefault(best, []).append(issue_text(self._targets[best][1], issue))
        for i, (_, _, target) in enumerate(self._targets):
            target.show_message("\n".join(texts.get(i, [])))
        if general:
            general.insert(0, self.tr("Not applied:"))
        self.general.show_message("\n".join(general))

    def messages(self) -> list[str]:
        """The messages showing now (the last edit was refused when there are any), general ones first."""
        labels = [self.general] + [t for _, _, t in self._targets]
        return [label.text() for label in labels if label.text()]


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + ".") or path.startswith(prefix + "[")


Key = str | int


def get_at(data: Any, keys: tuple[Key, ...]) -> Any:
    """The value at ``keys`` in nested dicts and lists (None where a dict key is absent)."""
    for key in keys:
        if isinstance(data, dict) and key not in data:
            return None
        data = data[key]
    return data


def put_at(data: Any, keys: tuple[Key, ...], value: Any) -> None:
    """Set the value at ``keys``; None removes a dict key (an override switched off)."""
    for key in keys[:-1]:
        data = data.setdefault(key, {}) if isinstance(data, dict) else data[key]
    if value is None and isinstance(data, dict):
        data.pop(keys[-1], None)
    else:
        data[keys[-1]] = value


def path_text(keys: tuple[Key, ...]) -> str:
    """``('document', 'partners', 0, 'code')`` -> ``document.partners[0].code`` (the issue path syntax)."""
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


class BoundForm(ScenarioForm):
    """A form whose widgets are bound to paths in the scenario data; rebuilt when :meth:`structure` changes.

    Subclasses implement ``structure(scenario)`` (what decides the set of widgets, e.g. the partner codes) and
    ``populate()`` (create the widgets with :meth:`bind`).
    """

    def __init__(self, controller: DocumentController, parent: QWidget | None = None):
        super().__init__(controller, parent)
        self._bindings: list[tuple[ValueEdit, Callable[[dict[str, Any]], Any]]] = []
        self.widgets: dict[str, ValueEdit] = {}  # by field name as shown
        self._structure: Any = None
        controller.scenarioChanged.connect(self.refresh)

    def bind(self, keys: tuple[Key, ...], name: str, widget: ValueEdit, *,
             get: Callable[[dict[str, Any]], Any] | None = None,
             put: Callable[[dict[str, Any], Any], None] | None = None,
             label_of: Callable[[Any], str] | None = None) -> QWidget:
        """Bind ``widget`` to the data at ``keys`` (or custom ``get``/``put``; ``label_of(value)`` names the undo
        step); returns the cell holding the widget and its inline message."""
        getter = get or (lambda data: get_at(data, keys))
        putter = put or (lambda data, value: put_at(data, keys, value))
        issue = IssueLabel()
        self.register(path_text(keys), name, issue)
        self._bindings.append((widget, getter))
        self.widgets[name] = widget

        def edited(typing: bool) -> None:
            value = widget.value()
            label = label_of(value) if label_of else (getattr(widget, "last_action", None)
                                                      or self.tr("Edit {0}").format(name))
            if not self.edit(label, lambda data: putter(data, value), path_text(keys) if typing else None) \
                    and not typing and not widget.keeps_input:
                widget.set_value(getter(self.controller.scenario.to_data()))  # a refused choice snaps back

        widget.edited.connect(edited)
        return field_cell(widget, issue)

    def refresh(self, scenario: Scenario | None = None) -> None:
        """Show the scenario: rebuild if its structure changed, else update the widgets' values in place."""
        scenario = scenario or self.controller.scenario
        structure = self.structure(scenario)
        if structure != self._structure:
            self._structure = structure
            self.clear_targets()
            self._bindings = []
            self.widgets = {}
            self.populate()
        data = scenario.to_data()
        for widget, getter in self._bindings:
            widget.set_value(getter(data))
        self.show_issues([])
