"""Hypothesis strategies that generate valid scenarios of every clause kind, with brackets and private notes."""

from __future__ import annotations

from hypothesis import strategies as st

from workbench.document import (
    Assumptions, Bracket, BorderFloorClause, CfdClause, CostSharing, Metadata, Mineral, Money, Option, Partner, Price,
    PriceGapSubsidyClause, PrivateBlock, PurchaseClause, Scenario, ScenarioDocument, TariffClause, Volume,
)
from workbench.document.scenario import Mandate

CODES = ["US", "EU", "JP", "MX", "KR", "AU", "CA", "IN"]
MINERALS = ["ndpr_oxide", "nickel", "indium", "cobalt", "tungsten", "antimony", "lithium", "gallium"]
# free text: tab and line breaks, no other control characters
text = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t"), max_size=40)
title = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(str.strip)
amount = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)
price = st.builds(Price, amount=amount, currency=st.sampled_from(["USD", "EUR", "JPY"]),
                  per=st.sampled_from(["kg", "t", "lb"]))
volume = st.builds(Volume, amount=st.floats(min_value=0, max_value=1e6, allow_nan=False),
                   unit=st.sampled_from(["t", "kg"]))
share = st.floats(min_value=0, max_value=1, allow_nan=False)


def bracketable(inner):
    """A plain value or a two/three-option bracket of it."""
    bracket = st.lists(inner, min_size=2, max_size=3).flatmap(
        lambda vals: st.sampled_from("ABC"[: len(vals)]).map(
            lambda sel: Bracket(options=[Option(label="ABC"[i], value=v) for i, v in enumerate(vals)], selected=sel)))
    return st.one_of(inner, bracket)


@st.composite
def scenarios(draw) -> Scenario:
    """A valid scenario with 1-5 partners, 1-3 minerals and 0-6 clauses of any kind."""
    codes = draw(st.lists(st.sampled_from(CODES), min_size=1, max_size=5, unique=True))
    minerals = draw(st.lists(st.sampled_from(MINERALS), min_size=1, max_size=3, unique=True))
    partners = [Partner(code=c, name=draw(title), role=draw(st.sampled_from(["member", "observer", "non_member"])),
                        gdp_usd_bn=draw(st.none() | st.floats(min_value=1, max_value=30000))) for c in codes]
    clauses = []
    for i in range(draw(st.integers(0, 6))):
        parties = draw(st.lists(st.sampled_from(codes), min_size=1, max_size=len(codes), unique=True))
        common = dict(id=f"c{i}", title=draw(title), mineral=draw(st.sampled_from(minerals)), parties=parties,
                      start_year=draw(st.integers(2025, 2035)), duration_years=draw(bracketable(st.integers(1, 20))),
                      proposed_by=draw(st.sampled_from(codes)), cost_sharing=CostSharing(rule="own"),
                      status="bracketed", text_note=draw(text))
        kind = draw(st.sampled_from(["border_floor", "price_gap_subsidy", "cfd", "purchase", "tariff"]))
        if kind == "border_floor":
            clauses.append(BorderFloorClause(**common, floor_price=draw(bracketable(price))))
        elif kind == "price_gap_subsidy":
            clauses.append(PriceGapSubsidyClause(**common, floor_price=draw(bracketable(price)),
                                                 upside_share=draw(bracketable(share)), eligible_producers=parties))
        elif kind == "cfd":
            strike = draw(price)
            cap = Price(amount=strike.amount * draw(st.floats(1, 3)), currency=strike.currency, per=strike.per)
            clauses.append(CfdClause(**common, strike_price=strike, rebate_threshold=cap,
                                     clawback_share=draw(bracketable(share)), volume_basis="fixed_volume",
                                     contracted_volume=draw(bracketable(volume))))
        elif kind == "purchase":
            clauses.append(PurchaseClause(**common, annual_volume=draw(bracketable(volume)), agreed_price=draw(price),
                                          sources=draw(st.lists(st.sampled_from(codes + ["CN", "ROW"]), min_size=1,
                                                                max_size=3, unique=True)),
                                          budget_cap=draw(st.none() | st.builds(Money, amount=amount))))
        else:
            clauses.append(TariffClause(**common, rate=draw(bracketable(st.floats(0, 2))), exporters=["CN"]))
    doc = ScenarioDocument(
        metadata=Metadata(title=draw(title), author_delegation=codes[0], created="2026-01-01T00:00:00Z",
                          modified="2026-01-02T00:00:00+01:00", description=draw(text)),
        partners=partners, minerals=[Mineral(id=m, name=m.title()) for m in minerals], clauses=clauses,
        assumptions=Assumptions(horizon_years=draw(st.integers(1, 30)), discount_rate=draw(st.floats(0, 0.2))))
    private = PrivateBlock(notes=draw(text), internal_comments=draw(st.lists(text, max_size=2)),
                           mandate=Mandate(red_lines=draw(st.lists(text, max_size=2))))
    return Scenario.from_data(Scenario(document=doc, private=private).to_data())
