"""Legal text of clauses, rendered from the templates in resources/templates/, brackets as negotiators write them."""

from workbench.text.items import ITEM_NAMES, clause_items, definitions
from workbench.text.render import render_clause
from workbench.text.segments import RenderedClause, Segment
from workbench.text.templates import TemplateError

__all__ = ["ITEM_NAMES", "RenderedClause", "Segment", "TemplateError", "clause_items", "definitions", "render_clause"]
