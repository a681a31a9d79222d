"""Excel term sheets (openpyxl) for circulation: cover, clauses with brackets, fiscal cost, prices, sources."""

from workbench.export.term_sheet import SHEETS, write_term_sheet

__all__ = ["SHEETS", "write_term_sheet"]
