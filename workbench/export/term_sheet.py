"""write_term_sheet: the whole Excel term sheet of a scenario, computing results with the engine when not given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from workbench.export.cover import revision, write_cover
from workbench.export.integrity import Provenance, banner_for, unsaved
from workbench.export.package import save_workbook, set_properties
from workbench.export.results import write_fiscal, write_prices
from workbench.export.sources import annex, write_assumptions, write_sources
from workbench.export.stress_sheet import write_stress
from workbench.export.styles import register_styles
from workbench.export.terms import write_terms

SHEETS = (
    ("Cover", "Title, marking, revision, parties, stored content hash and what was verified, changes since the last "
              "round"),
    ("Term sheet", "Definitions and common terms, numbered clauses (items, commentary, reservations as footnotes), "
                   "final provisions and signature blocks; text in square brackets is not agreed"),
    ("Fiscal cost", "Net fiscal cost per partner: average a year, present value, peak, P50/P95, by year and "
                    "by instrument; charts of fiscal cost and of price changes"),
    ("Price effects", "Consumer and producer price changes per partner and per mineral"),
    ("Stress tests", "Each stress event (export restriction, dumping, outage) and per partner, without and with the "
                     "agreement: price change, shortfall, days of cover, fiscal cost and security value"),
    ("Assumptions", "Model settings, exchange rates, overrides of the dataset, the model's warnings and the sources "
                    "of each mineral's figures"),
    ("Data sources", "Annex: one numbered line per source of the embedded dataset"),
)


def write_term_sheet(scenario: Any, path: str | Path, *, result: Any = None, monte_carlo: Any = None,
                     dataset: Any = None, provenance: Provenance | None = None,
                     allow_unverified: bool = False, stress: Any = None) -> Path:
    """Write the term sheet of ``scenario`` (its private block is never read) to ``path`` (.xlsx), atomically.

    ``provenance`` describes the file the scenario came from (``workbench.export.integrity``; an unsaved scenario
    when None). A file whose content hash or signature failed raises IntegrityRefused, unless ``allow_unverified``:
    then the cover and every page header say INTEGRITY NOT VERIFIED. ``result`` (EvaluationResult) and
    ``monte_carlo`` (MonteCarloResult) are computed when not given, with ``dataset`` (the embedded dataset when
    None); so is ``stress`` (StressResult) when the scenario has stress tests (without any, the Stress tests sheet is
    left out). Returns the path written.
    """
    provenance = provenance or unsaved()
    banner = banner_for(provenance, allow_unverified)
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
    if stress is None and shared.document.stress_tests:
        from workbench.engine.stress import run_stress_tests
        stress = run_stress_tests(shared, dataset=dataset)
    contents = [s for s in SHEETS if s[0] != "Stress tests" or stress is not None]
    doc = shared.document
    meta = doc.metadata
    wb = Workbook()
    register_styles(wb)
    sheets = {name: (wb.active if i == 0 else wb.create_sheet()) for i, (name, _) in enumerate(contents)}
    for name, ws in sheets.items():
        ws.title = name
    entries = annex(dataset.sources_table(), {m.id: m.name for m in doc.minerals})
    write_cover(sheets["Cover"], shared, contents=contents, monte_carlo=monte_carlo, provenance=provenance,
                modelled="Each bracket's selected alternative (see each clause's 'Modelled' line)", banner=banner)
    write_terms(sheets["Term sheet"], shared, banner=banner,
                title_rows=[("Term sheet", "ts_title"), (meta.title, "ts_subtitle"),
                            (f"{meta.classification} \u2014 {revision(doc)}", "ts_marking")])
    price_chart = write_prices(sheets["Price effects"], shared, result, banner=banner)
    write_fiscal(sheets["Fiscal cost"], shared, result, monte_carlo, banner=banner,
                 more_charts=(price_chart,) if price_chart is not None else ())
    if stress is not None:
        write_stress(sheets["Stress tests"], shared, stress, banner=banner)
    write_assumptions(sheets["Assumptions"], shared, result, monte_carlo, entries, banner=banner)
    write_sources(sheets["Data sources"], shared, entries, banner=banner)
    set_properties(wb, delegation=meta.author_delegation, title=meta.title,
                   subject=f"Term sheet, round {meta.round}, {revision(doc)}")
    path = Path(path)
    save_workbook(wb, path, delegation=meta.author_delegation)
    return path
