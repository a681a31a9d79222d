"""Excel term sheets (openpyxl) for circulation: cover, clauses with brackets, fiscal cost, prices, sources."""

from workbench.export.integrity import NOT_VERIFIED, IntegrityRefused, Provenance, for_file, from_loaded, unsaved
from workbench.export.term_sheet import SHEETS, write_term_sheet

__all__ = ["NOT_VERIFIED", "SHEETS", "IntegrityRefused", "Provenance", "for_file", "from_loaded", "unsaved",
           "write_term_sheet"]
