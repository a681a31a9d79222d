"""Disruption jumps for Monte Carlo: risks per supplier and mineral (dataset defaults, scenario overrides), drawn."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from workbench.defaults import resource
from workbench.engine.market import Model

DEFAULTS_FILE = ("data", "disruption_risks.csv")


@dataclass(frozen=True)
class Risk:
    """One kind of disruption of one mineral: who loses output, how often, for how long, how much."""

    mineral: str
    supplier: str          # region code, or "*" for every producer
    annual_probability: float
    duration_years: int
    depth: float           # share of the supplier's output lost while it lasts
    source: str = ""


@lru_cache(maxsize=1)
def default_risks() -> tuple[Risk, ...]:
    """The dataset's defaults (resources/data/disruption_risks.csv: episodes since 2010, flagged assumptions)."""
    text = resource(*DEFAULTS_FILE).read_text(encoding="utf-8")
    return tuple(Risk(row["mineral"], row["supplier"], float(row["annual_probability"]), int(row["duration_years"]),
                      float(row["depth"]), row["source"]) for row in csv.DictReader(io.StringIO(text)))


def scenario_risks(scenario) -> list[Risk]:
    """The defaults with the scenario's ``assumptions.disruption_risks`` replacing those of the same mineral and
    supplier (and adding new ones)."""
    own = {(d.mineral, d.supplier): Risk(d.mineral, d.supplier, d.annual_probability, d.duration_years, d.depth,
                                         d.note) for d in scenario.document.assumptions.disruption_risks}
    out = [own.pop((r.mineral, r.supplier), r) for r in default_risks()]
    return out + list(own.values())


def draw_states(model: Model, minerals: list[str], risks: list[Risk], paths: int,
                rng: np.random.Generator) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """For each mineral index with risks: (supply factor by state (S, R), state of each year and path (H, P)).

    State 0 is calm; state k is risk k-1 in force (the deepest one when several overlap). A risk starts in a year
    with its annual probability and lasts ``duration_years`` (a start while it lasts extends it).
    """
    regions = list(model.regions)
    h = model.horizon
    out: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for mi, mineral in enumerate(minerals):
        mine = [r for r in risks if r.mineral == mineral and r.annual_probability > 0 and r.depth > 0
                and (r.supplier == "*" or r.supplier in regions)]
        if not mine:
            continue
        scales = np.ones((len(mine) + 1, len(regions)))
        state = np.zeros((h, paths), int)
        depth_now = np.zeros((h, paths))
        for k, risk in enumerate(mine):
            hit = slice(None) if risk.supplier == "*" else regions.index(risk.supplier)
            scales[k + 1, hit] = 1.0 - risk.depth
            starts = rng.random((h, paths)) < risk.annual_probability
            on = np.zeros((h, paths), bool)
            for t in range(h):
                on[t] = starts[max(0, t - risk.duration_years + 1):t + 1].any(axis=0)
            deeper = on & (risk.depth > depth_now)
            state[deeper] = k + 1
            depth_now[deeper] = risk.depth
        out[mi] = (scales, state)
    return out
