"""Mandate breaches in words, translated: what the panel lists and what the navigator flags."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workbench.analysis import units
from workbench.analysis.mandate import Breach, MandateReport, Measure


def _tr(text: str) -> str:
    return QCoreApplication.translate("MandateMessages", text)


def describe(b: Breach) -> str:
    """``US: peak-year fiscal cost USD 120.0 m exceeds the annual ceiling of USD 100.0 m``."""
    if b.measure is Measure.ANNUAL_COST:
        text = _tr("{partner}: peak-year fiscal cost {value} exceeds the annual ceiling of {limit}")
        value, limit = units.usd(b.value), units.usd(b.limit)
    elif b.measure is Measure.PV_COST:
        text = _tr("{partner}: present-value cost {value} exceeds the limit of {limit}")
        value, limit = units.usd(b.value), units.usd(b.limit)
    else:
        text = _tr("{partner}: consumer price change {value} exceeds the limit of {limit}")
        value, limit = units.pct(b.value), units.pct(b.limit)
    return text.format(partner=b.partner, value=value, limit=limit)


def scope(clause_id: str | None, option: str | None) -> str:
    """Which variant of the scenario: ``Whole scenario``, ``Clause x, option B`` ..."""
    if clause_id is None:
        return _tr("Whole scenario") if option is None else _tr("Whole scenario, option {0}").format(option)
    if option is None:
        return _tr("Clause {0} alone").format(clause_id)
    return _tr("Clause {0} alone, option {1}").format(clause_id, option)


def by_clause(report: MandateReport) -> dict[str, list[str]]:
    """clause_id -> messages for the navigator: the clause alone, as modelled or under one of its options."""
    out: dict[str, list[str]] = {}
    for clause_id, breaches in report.by_clause().items():
        out[clause_id] = [describe(b) if b.option is None else
                          _tr("Option {0}: {1}").format(b.option, describe(b)) for b in breaches]
    return out


def summary(report: MandateReport) -> list[str]:
    """Every breach and every variant the model could not solve, one line each, scope first."""
    lines = [f"{scope(b.clause_id, b.option)} \u2014 {describe(b)}" for b in report.breaches]
    lines += [_tr("{0} \u2014 could not be solved, so it was not checked").format(scope(v.clause_id, v.option))
              for v in report.unsolved]
    return lines


def cells(breaches: list[Breach]) -> dict[tuple[str, str], list[str]]:
    """(partner, shown column) -> messages, for highlighting table cells.

    Each breach is flagged on the cell that breaches: the annual ceiling on the peak-year cost, the present-value
    limit on the PV, the price limit on the consumer price change; the message names the limit.
    """
    out: dict[tuple[str, str], list[str]] = {}
    for b in breaches:
        out.setdefault((b.partner, b.measure.column), []).append(describe(b))
    return out
