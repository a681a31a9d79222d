"""Legal text of clauses, rendered from the templates in resources/templates/, brackets as negotiators write them."""

from workbench.text.provisions import common_items, common_terms, defined_terms, definitions, final_provisions, members
from workbench.text.render import render_clause
from workbench.text.segments import RenderedClause, Segment
from workbench.text.templates import TemplateError

__all__ = ["RenderedClause", "Segment", "TemplateError", "common_items", "common_terms", "defined_terms", "definitions",
           "final_provisions", "members", "render_clause"]
