"""write_term_sheet: the whole Excel term sheet of a scenario, computing results with the engine when not given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from workbench.export.cover import write_cover
from workbench.export.package import save_workbook, set_properties
from workbench.export.results import write_fiscal, write_prices
from workbench.export.sources import write_assumptions, write_sources
from workbench.export.styles import register_styles
from workbench.export.terms import write_terms

SHEETS = (
    ("Cover", "Title, parties, round, version and status of the text"),
    ("Term sheet", "Definitions and numbered clauses with their parameters and legal text; brackets not agreed"),
    ("Fiscal cost", "Net fiscal cost per partner: average a year, present value, peak, P50/P95, by year and "
                    "by instrument, with charts"),
    ("Price effects", "Consumer and producer price changes per partner and per mineral, with a chart"),
    ("Assumptions", "Model settings, exchange rates, overrides of the dataset and the model's warnings"),
    ("Data sources", "Every dataset number behind the scenario's minerals, with its source, vintage and confidence"),
)


def write_term_sheet(scenario: Any, path: str | Path, *, result: Any = None, monte_carlo: Any = None,
                     dataset: Any = None) -> Path:
    """Write the term sheet of ``scenario`` (its private block is never read) to ``path`` (.xlsx), atomically.

    ``result`` (EvaluationResult) and ``monte_carlo`` (MonteCarloResult) are computed when not given, with
    ``dataset`` (the embedded dataset when None). Returns the path written.
    """
    shared = scenario.without_private()
    if dataset is None:
        from workbench.data import load_dataset
        dataset = load_dataset()
    if result is None:
        from workbench.engine import evaluate
        result = evaluate(shared, dataset=dataset)
    if monte_carlo is None:
        from workbench.engine import run_monte_carlo
        monte_carlo = run_monte_carlo(shared, dataset=dataset)
    meta = shared.document.metadata
    wb = Workbook()
    register_styles(wb)
    sheets = {name: (wb.active if i == 0 else wb.create_sheet()) for i, (name, _) in enumerate(SHEETS)}
    for name, ws in sheets.items():
        ws.title = name
    write_cover(sheets["Cover"], shared, contents=list(SHEETS), monte_carlo=monte_carlo,
                modelled="Each bracket's selected option (see the Term sheet: 'Option X modelled')")
    write_terms(sheets["Term sheet"], shared)
    write_fiscal(sheets["Fiscal cost"], shared, result, monte_carlo)
    write_prices(sheets["Price effects"], shared, result)
    write_assumptions(sheets["Assumptions"], shared, result, monte_carlo)
    write_sources(sheets["Data sources"], shared, dataset.sources_table())
    set_properties(wb, delegation=meta.author_delegation, title=meta.title,
                   subject=f"Term sheet, round {meta.round}")
    path = Path(path)
    save_workbook(wb, path, delegation=meta.author_delegation)
    return path
