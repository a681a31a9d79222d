"""Legal text of clauses, rendered from the templates in resources/templates/ with brackets as negotiators write them."""

from workbench.text.render import render_clause
from workbench.text.segments import RenderedClause, Segment
from workbench.text.templates import TemplateError

__all__ = ["RenderedClause", "Segment", "TemplateError", "render_clause"]
