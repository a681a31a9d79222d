"""Editors of the scenario: the selected clause, partners, assumptions, and the private notes and mandate."""

from workbench.ui.editors.assumptions_editor import AssumptionsEditor
from workbench.ui.editors.clause_editor import ClauseEditor
from workbench.ui.editors.partners_editor import PartnersEditor
from workbench.ui.editors.private_editor import PrivateEditor

__all__ = ["AssumptionsEditor", "ClauseEditor", "PartnersEditor", "PrivateEditor"]
