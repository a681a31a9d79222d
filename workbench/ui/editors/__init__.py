"""Editors of the scenario: the selected clause, the scenario's metadata, partners, assumptions, stress tests, and
the private notes and mandate."""

from workbench.ui.editors.assumptions_editor import AssumptionsEditor
from workbench.ui.editors.clause_editor import ClauseEditor
from workbench.ui.editors.metadata_editor import MetadataEditor
from workbench.ui.editors.partners_editor import PartnersEditor
from workbench.ui.editors.private_editor import PrivateEditor
from workbench.ui.editors.stress_editor import StressEditor

__all__ = ["AssumptionsEditor", "ClauseEditor", "MetadataEditor", "PartnersEditor", "PrivateEditor", "StressEditor"]
