<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="28"/>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="26"/>
        <source>Proposed</source>
        <extracomment>Role carrying a clause row&apos;s clause id (None on group rows).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="28"/>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="27"/>
        <source>Bracketed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="29"/>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="28"/>
        <source>Agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="35"/>
        <source>Clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="35"/>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="60"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="35"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="36"/>
        <source>Clause title (a warning icon: breaches the mandate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="37"/>
        <source>Where the clause stands in the talks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="37"/>
        <source>Delegation proposing the clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="179"/>
        <source>Status: {0}; proposed by {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="181"/>
        <source>Reserved by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="183"/>
        <source>In brackets: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="185"/>
        <source>Breaches the mandate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="16"/>
        <source>Flat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="16"/>
        <source>Trend (constant yearly change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="17"/>
        <source>Custom index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="18"/>
        <source>Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="18"/>
        <source>Consumption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="19"/>
        <source>Reference price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="19"/>
        <source>Volatility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="20"/>
        <source>Mean reversion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="76"/>
        <source>Bracket {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="86"/>
        <source>Add option {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="96"/>
        <source>Remove option {0} from {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="102"/>
        <source>Remove brackets from {0} (keep option {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="155"/>
        <source>[ ] Bracket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="155"/>
        <source>{0}: put in brackets (Option A / Option B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="160"/>
        <source>{0}, option {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="163"/>
        <source>{0}, option {1}: proposed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="164"/>
        <source>Delegation proposing option {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="168"/>
        <source>{0}: model option {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="169"/>
        <source>Option {0}; checked: the option used in the headline results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="172"/>
        <source>by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="176"/>
        <source>+ Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="176"/>
        <source>{0}: add an option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="178"/>
        <source>− Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="178"/>
        <source>{0}: remove the last option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="181"/>
        <source>(◉ = modelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="182"/>
        <source>The checked option is the one used in the headline results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="183"/>
        <source>Remove brackets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="184"/>
        <source>{0}: remove brackets, keep the modelled option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/cfd.py" line="42"/>
        <source>Every unit produced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/cfd.py" line="44"/>
        <source>A contracted volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/purchase.py" line="45"/>
        <location filename="../../workbench/instrument_kinds/purchase.py" line="47"/>
        <source>Agreed price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/purchase.py" line="46"/>
        <source>Market price plus premium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/border_floor.py" line="23"/>
        <source>Border-adjusted price floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/border_floor.py" line="28"/>
        <location filename="../../workbench/instrument_kinds/price_gap_subsidy.py" line="33"/>
        <source>Floor price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/border_floor.py" line="31"/>
        <source>Variable levy revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/price_gap_subsidy.py" line="34"/>
        <source>Upside share to government</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/price_gap_subsidy.py" line="13"/>
        <source>Eligible producers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/price_gap_subsidy.py" line="28"/>
        <source>Price-gap subsidy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/price_gap_subsidy.py" line="36"/>
        <source>Volume cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/price_gap_subsidy.py" line="40"/>
        <source>Price-gap payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/cfd.py" line="32"/>
        <source>Contract for difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/cfd.py" line="37"/>
        <source>Strike price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/cfd.py" line="38"/>
        <source>Rebate threshold (cap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/cfd.py" line="40"/>
        <source>Clawback share above the cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/cfd.py" line="41"/>
        <source>Pays on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/cfd.py" line="46"/>
        <source>Contracted volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/purchase.py" line="37"/>
        <source>Purchase commitment / stockpile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/purchase.py" line="42"/>
        <source>Annual volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/purchase.py" line="44"/>
        <source>Price basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/purchase.py" line="49"/>
        <source>Premium over market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/purchase.py" line="50"/>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/purchase.py" line="51"/>
        <source>Budget cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/purchase.py" line="53"/>
        <location filename="../../workbench/instrument_kinds/purchase.py" line="60"/>
        <source>Storage cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/purchase.py" line="54"/>
        <source> % of value a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/purchase.py" line="55"/>
        <source>Release in a crisis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/purchase.py" line="59"/>
        <source>Purchase outlays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/purchase.py" line="61"/>
        <source>Stock value at end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/tariff.py" line="24"/>
        <source>Tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/tariff.py" line="29"/>
        <source>Tariff rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/tariff.py" line="29"/>
        <source> % ad valorem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/tariff.py" line="31"/>
        <source>Exporters tariffed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="56"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="311"/>
        <source>Mineral</source>
        <extracomment>Fields every clause has, after the kind&apos;s own.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="57"/>
        <source>Parties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="58"/>
        <source>Proposed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="59"/>
        <source>Reservations by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="61"/>
        <source>Round introduced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="62"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="340"/>
        <source>Start year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="63"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="341"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="63"/>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="65"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="341"/>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="64"/>
        <source>Review after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="66"/>
        <source>Cost sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="67"/>
        <source>Drafting note (shared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="102"/>
        <source>Clause fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="105"/>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="110"/>
        <source>Legal text preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="121"/>
        <source>Select a clause in the navigator, or add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="141"/>
        <source>No clause selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="174"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="308"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="175"/>
        <source>Clause id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="199"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="296"/>
        <source>China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="199"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="296"/>
        <source>Rest of the world</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="231"/>
        <source>Edit {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="257"/>
        <source>Rename clause {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="259"/>
        <source>Reopen agreed clause {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="273"/>
        <source>Edit an agreed clause?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="274"/>
        <source>Clause {0} is agreed. Changing its {1} reopens it: it goes back to proposed (bracketed if it has brackets), as one step you can undo.

Change it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="282"/>
        <source>Rescale prices?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="283"/>
        <source>The prices of this clause were set for {0}. Rescale them to the reference price of {1} (×{2})?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/costsharing.py" line="14"/>
        <source>Each party its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/costsharing.py" line="15"/>
        <source>Fixed shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/costsharing.py" line="16"/>
        <source>By GDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/costsharing.py" line="17"/>
        <source>By consumption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/costsharing.py" line="18"/>
        <source>By imports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/costsharing.py" line="52"/>
        <source>{0}: rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/costsharing.py" line="85"/>
        <source>{0}: share of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="92"/>
        <location filename="../../workbench/ui/editors/fields.py" line="111"/>
        <location filename="../../workbench/ui/editors/fields.py" line="130"/>
        <source>{0}: amount</source>
        <extracomment>Whether a refused edit leaves the user&apos;s input in place to be corrected (text), rather than snapping back.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="93"/>
        <location filename="../../workbench/ui/editors/fields.py" line="131"/>
        <source>{0}: currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="94"/>
        <source>per {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="95"/>
        <source>{0}: per unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="112"/>
        <source>{0} a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="113"/>
        <source>{0}: unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="133"/>
        <source>{0}: million or billion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="252"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="82"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="275"/>
        <source>set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="276"/>
        <source>{0}: set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="16"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="16"/>
        <source>Observer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="17"/>
        <source>Non-member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="33"/>
        <source>Critical Minerals Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/tariff.py" line="35"/>
        <source>Tariff revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/cfd.py" line="51"/>
        <source>CfD payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/instrument_kinds/cfd.py" line="52"/>
        <source>CfD rebates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="174"/>
        <source>Fiscal cost per year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="175"/>
        <source>Fiscal cost, PV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="175"/>
        <source>Fiscal cost, peak year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="176"/>
        <source>Consumer price change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="177"/>
        <source>Producer price change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/messages.py" line="18"/>
        <source>{partner}: peak-year fiscal cost {value} exceeds the annual ceiling of {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/messages.py" line="21"/>
        <source>{partner}: present-value cost {value} exceeds the limit of {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/messages.py" line="24"/>
        <source>{partner}: consumer price change {value} exceeds the limit of {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/messages.py" line="32"/>
        <source>Whole scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/messages.py" line="32"/>
        <source>Whole scenario, option {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/messages.py" line="34"/>
        <source>Clause {0} alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/messages.py" line="35"/>
        <source>Clause {0} alone, option {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/messages.py" line="43"/>
        <source>Option {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/messages.py" line="50"/>
        <source>{0} — could not be solved, so it was not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="68"/>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="68"/>
        <location filename="../../workbench/ui/results/stress_model.py" line="80"/>
        <source>Partner, China or rest of world</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="69"/>
        <source>Fiscal cost per year, average (USD m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="69"/>
        <source>Cost
per yr
USD m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="72"/>
        <source>Peak
year
USD m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="72"/>
        <source>Fiscal cost in the peak year (USD m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="73"/>
        <source>Net fiscal cost in the costliest year: what an annual fiscal ceiling is checked against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="93"/>
        <source>Cost
PV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="70"/>
        <source>Mean annual net fiscal cost: + is a cost to the treasury, − net revenue; net of the value of the stock held at the end, which counts in the last year (see Cash PV and Stock value PV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="74"/>
        <source>Fiscal cost, present value (USD m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="74"/>
        <source>Cost
PV
USD m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="75"/>
        <source>Present value of net fiscal cost over the horizon at the scenario&apos;s discount rate: the cash cost minus the value of the stock held at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="77"/>
        <source>Cash cost, present value (USD m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="77"/>
        <source>Cash
PV
USD m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="78"/>
        <source>Present value of the cash flows alone (levies, tariffs, payments, purchases, storage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="79"/>
        <source>Stock value at the end, present value (USD m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="79"/>
        <source>Stock
PV
USD m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="80"/>
        <source>Value of the stock held at the end of the horizon: a non-cash item, not money received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="81"/>
        <source>P95 fiscal cost, present value (USD m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="81"/>
        <source>P95
PV
USD m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="82"/>
        <source>Bad case: 95th percentile of the present-value cost over the Monte Carlo price paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="83"/>
        <location filename="../../workbench/ui/results/stress_model.py" line="83"/>
        <source>Consumer price change (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="83"/>
        <source>Cons.
price
Δ %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="84"/>
        <source>Change of the price buyers pay against the baseline, value-weighted over minerals and years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="85"/>
        <source>Producer price change (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="85"/>
        <source>Prod.
price
Δ %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="86"/>
        <source>Change of the price producers receive against the baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="87"/>
        <source>Share of supply from China (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="87"/>
        <source>From
China
%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="88"/>
        <source>Share of consumption sourced from China under the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="56"/>
        <source>P5 PV cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="57"/>
        <source>P50 PV cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="57"/>
        <source>P95 PV cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="58"/>
        <source>P95 annual cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="31"/>
        <source>Cost PV</source>
        <extracomment>Impact columns: result field, header (ours / theirs / change under it), money or percentage.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="32"/>
        <source>Consumer price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="33"/>
        <source>Producer price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="51"/>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="296"/>
        <source>ours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="296"/>
        <source>theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="297"/>
        <source>change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="14"/>
        <source>Parties&apos; consumers by need (shortfall)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="15"/>
        <source>Parties&apos; consumers by cost share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="17"/>
        <source>Release while a stress event is in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="18"/>
        <source>Stop buying while releasing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="19"/>
        <source>Buy the released tonnes back afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="37"/>
        <source>price trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="37"/>
        <source> x baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="39"/>
        <source>maximum release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="41"/>
        <source>days of cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="42"/>
        <source> days a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="43"/>
        <source>to whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="44"/>
        <source>buy-back rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="50"/>
        <source>Or when the price exceeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="51"/>
        <source>At most a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="52"/>
        <source>Or days of cover a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="53"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/release.py" line="56"/>
        <source>Buy-back rate (default: release rate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="21"/>
        <source>Export restriction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="22"/>
        <source>Dumping episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="23"/>
        <source>Supply outage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="24"/>
        <source>All importers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="25"/>
        <source>The zone&apos;s members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="26"/>
        <source>Named importers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="43"/>
        <source>{0} on {1}</source>
        <extracomment>Region code of a supply outage that hits every producing region (e.g. refiners short of feed).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="62"/>
        <source> (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="86"/>
        <source>{0}: importers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="309"/>
        <source>Stress test id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="313"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="314"/>
        <source>Producing region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="315"/>
        <source>Every producing region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="316"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="317"/>
        <source>Share of output lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="319"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="320"/>
        <source>Supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="322"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="323"/>
        <source>Share of exports withheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="324"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="326"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="331"/>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="332"/>
        <source>Licensing delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="333"/>
        <source>A licensing delay (the share is what the licences hold back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="335"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="336"/>
        <source>Export price cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="342"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="345"/>
        <source>Source note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="81"/>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="81"/>
        <source>w/o: without the agreement, no clause on this mineral. with: every clause of the agreement on it, stockpile releases included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="83"/>
        <source>Price
change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="84"/>
        <source>Change of the price buyers pay over the years the stress is in force, against the same world without the stress (without the agreement: the baseline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="86"/>
        <source>Shortfall
t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="86"/>
        <source>Shortfall (t)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="87"/>
        <source>Tonnes consumers go without over the years in force, against the same world without the stress (released stock counts as supply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="89"/>
        <source>Shortfall
%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="89"/>
        <source>Shortfall (% of demand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="90"/>
        <source>The shortfall as a share of what consumers would have bought without the stress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="91"/>
        <source>Days of cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="91"/>
        <source>Cover
days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="92"/>
        <source>Stock the region owns when the stress begins, in days of its consumption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="93"/>
        <source>Fiscal cost under the stress, present value (USD m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="94"/>
        <source>Present value of the agreement&apos;s net fiscal cost on this mineral under the stress (+ cost, − revenue); nothing without the agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="96"/>
        <source>Security
value PV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="96"/>
        <source>Security value, present value (USD m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="97"/>
        <source>Consumer loss the stress causes without the agreement minus the loss it causes with it: what the clauses save consumers (present value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="283"/>
        <source>Chart loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssumptionsEditor</name>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="91"/>
        <source>Horizon and discounting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="93"/>
        <source>Base year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="94"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="95"/>
        <source>Horizon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="95"/>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="96"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="97"/>
        <source>Discount rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="100"/>
        <source>Exchange rates (USD per unit of currency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="103"/>
        <source>USD per {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="108"/>
        <source>{0}: prices, demand and elasticities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="112"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="113"/>
        <source>{0}: price path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="114"/>
        <source>Price path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="117"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="118"/>
        <source>{0}: yearly price change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="119"/>
        <source>Yearly price change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="122"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="123"/>
        <source>{0}: custom price index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="124"/>
        <source>Custom price index (e.g. 1, 1.05, 1.1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="127"/>
        <source>{0}: demand growth override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="129"/>
        <source> % a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="130"/>
        <source>Demand growth override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="133"/>
        <source>{0}: supply elasticities (e.g. US=0.3, CN=0.2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="134"/>
        <source>Supply elasticities (e.g. US=0.3, CN=0.2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="135"/>
        <source>{0}: demand elasticities (e.g. US=-0.3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="136"/>
        <source>Demand elasticities (e.g. US=-0.3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="141"/>
        <source>{0}: Armington elasticity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="143"/>
        <source>Armington elasticity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="148"/>
        <source>Data overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="150"/>
        <source>All regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="156"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="157"/>
        <source>Override {0}: mineral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="158"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="159"/>
        <source>Override {0}: region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="160"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="161"/>
        <source>Override {0}: field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="162"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="163"/>
        <source>Override {0}: value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="164"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="165"/>
        <source>Override {0}: reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="166"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="167"/>
        <source>Remove override {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="169"/>
        <source>Remove data override {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="173"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="174"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="175"/>
        <source>Add data override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="181"/>
        <source>Uncertainty (Monte Carlo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="183"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="184"/>
        <source>Price paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="185"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="186"/>
        <source>Random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="187"/>
        <source>Vary elasticities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="188"/>
        <source>Also draw elasticities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="189"/>
        <source>Disruptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="190"/>
        <source>Add supply disruptions (export bans, outages) as jumps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoundForm</name>
    <message>
        <location filename="../../workbench/ui/editors/form.py" line="182"/>
        <source>Edit {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CashFlowChart</name>
    <message>
        <location filename="../../workbench/ui/results/charts.py" line="136"/>
        <source>Annual cash flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/charts.py" line="163"/>
        <source>USD m per year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/charts.py" line="164"/>
        <source>Annual cash flows (+ cost, − revenue)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareChart</name>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="47"/>
        <source>Comparison of options chart</source>
        <extracomment>The &quot;Options of&quot; entry for the package views: every bracket at option A, at B...</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="73"/>
        <source>Compare with {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="76"/>
        <source>Their file: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="84"/>
        <source>Choose base...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="91"/>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="93"/>
        <source>Redline of clause texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="94"/>
        <source>Redline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="96"/>
        <source>Change in fiscal cost and prices per partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="104"/>
        <source>Fiscal cost and prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="107"/>
        <source>Their rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="132"/>
        <source>Base not used: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="136"/>
        <source>Common base version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="137"/>
        <source>Scenario files (*{0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="150"/>
        <source>No common base: we have no record of sharing the version they worked from, so every difference is listed and none can be called a conflict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="153"/>
        <source>chosen by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="153"/>
        <source>the copy we last shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="154"/>
        <source>Base: {0}. Only their changes since then are listed; parts both sides changed are conflicts ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="163"/>
        <source>Their changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="164"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="164"/>
        <source>Ours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="164"/>
        <source>Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="164"/>
        <source>Base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="165"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="172"/>
        <source>Accept selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="173"/>
        <source>Reject selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="174"/>
        <source>Accept all without conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="192"/>
        <source>Rounds history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="193"/>
        <source>Document settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="207"/>
        <source>No changes of theirs to take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="213"/>
        <source>{0} new history entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="215"/>
        <source>clause added by them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="215"/>
        <source>clause removed by them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="236"/>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="236"/>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="237"/>
        <source>CONFLICT: both changed it; your call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="237"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="263"/>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="274"/>
        <source>{0} changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="264"/>
        <source>Accept {0}&apos;s change: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="265"/>
        <source>Accepted {0}. Edit &gt; Undo takes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="275"/>
        <source>Rejected {0}: your version keeps its own text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="291"/>
        <source>Not computed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/compare_dialog.py" line="309"/>
        <source>Change = theirs − ours (price changes in percentage points, pp); each bracket&apos;s selected option modelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="102"/>
        <source>Measure compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="107"/>
        <source>Options compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="108"/>
        <source>A bracket: each of its options with every other bracket as modelled.
Packages: every bracket at option A, at option B...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="114"/>
        <source>Name of the alternative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="115"/>
        <source>Name of the alternative to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="116"/>
        <source>&amp;Keep current as alternative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="117"/>
        <source>Keep current scenario as alternative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="120"/>
        <source>Kept alternatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="121"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="122"/>
        <source>Remove the selected alternative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="124"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="125"/>
        <source>Make the selected alternative the current scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="129"/>
        <source>Comparison notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="130"/>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="131"/>
        <source>Comparison of options per partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="135"/>
        <source>Options &amp;of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="139"/>
        <source>&amp;Measure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="152"/>
        <source>Kept:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="192"/>
        <source>All brackets at {0} could not be solved: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="194"/>
        <source>{0} could not be solved: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="217"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="220"/>
        <source>Packages: all brackets at A, at B…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="254"/>
        <source>{0} (modelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="289"/>
        <source>All brackets
at {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="262"/>
        <source>Alternative {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="288"/>
        <source>As modelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/compare_view.py" line="323"/>
        <source>USD m</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComputeScheduler</name>
    <message>
        <location filename="../../workbench/ui/results/scheduler.py" line="116"/>
        <source>The market cannot clear under this scenario: {0}</source>
        <extracomment>A burst of edits (typing in a field) starts one background run, this long after its last edit. How often a background run held back by ``refine_when`` looks again. The engine and what the first result needs (pandas, numpy): imported in a background thread after the window&apos;s first paint, not before it (they were most of the start-up time). How often a pending evaluation looks whether the background import of ENGINE_MODULES has finished. Longest the GUI thread waits for the worker to hand back the GIL (Python&apos;s default is 5 ms; a keystroke&apos;s repaint goes through many GIL hand-offs, each of which could otherwise cost that much while Monte Carlo runs).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/scheduler.py" line="120"/>
        <source>The scenario is not valid:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/scheduler.py" line="124"/>
        <source>The model cannot evaluate this scenario: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FanChart</name>
    <message>
        <location filename="../../workbench/ui/results/fan_chart.py" line="31"/>
        <source>Uncertainty fan chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/fan_chart.py" line="49"/>
        <source>{0}: annual net fiscal cost, Monte Carlo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/fan_chart.py" line="51"/>
        <source>{0}: annual net fiscal cost (Monte Carlo pending…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/fan_chart.py" line="71"/>
        <location filename="../../workbench/ui/results/fan_chart.py" line="85"/>
        <source>P5–P95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/fan_chart.py" line="73"/>
        <location filename="../../workbench/ui/results/fan_chart.py" line="85"/>
        <source>P25–P75</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/fan_chart.py" line="74"/>
        <location filename="../../workbench/ui/results/fan_chart.py" line="85"/>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/fan_chart.py" line="76"/>
        <location filename="../../workbench/ui/results/fan_chart.py" line="86"/>
        <source>Modelled (reference prices)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/fan_chart.py" line="82"/>
        <source>USD m per year (+ cost, − revenue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/fan_chart.py" line="83"/>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiscalByInstrumentChart</name>
    <message>
        <location filename="../../workbench/ui/results/charts.py" line="33"/>
        <source>Fiscal cost by partner and instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/charts.py" line="66"/>
        <location filename="../../workbench/ui/results/charts.py" line="77"/>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/charts.py" line="84"/>
        <source>PV, USD m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/charts.py" line="85"/>
        <source>Fiscal cost by instrument
(+ cost, − revenue)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueLabel</name>
    <message>
        <location filename="../../workbench/ui/editors/form.py" line="30"/>
        <source>Validation message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="24"/>
        <source>Delegation keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="28"/>
        <source>Our signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="35"/>
        <source>Our delegation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="37"/>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="87"/>
        <source>Create key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="38"/>
        <source>Export public key...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="39"/>
        <source>Delegation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="47"/>
        <source>Keys we trust (files from these delegations show as verified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="50"/>
        <source>Trusted keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="51"/>
        <source>Delegation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="51"/>
        <source>Key id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="51"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="57"/>
        <source>Import public key...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="58"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="82"/>
        <source>No signing key yet: files we share go out unsigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="84"/>
        <source>{0}&apos;s key {1}
fingerprint {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="87"/>
        <source>Replace key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="106"/>
        <source>Created {0}&apos;s signing key {1}. Export the public key and give it to the other delegations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="116"/>
        <source>Wrote {0}&apos;s public key to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="126"/>
        <source>Now trusting {0}&apos;s key {1}. Check its fingerprint with the delegation by another channel:
{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="142"/>
        <source>Replace our signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="143"/>
        <source>Files signed with the old key will show &apos;signed by unknown key&apos; to delegations that only have the old public key. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="149"/>
        <source>Export public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/keys_dialog.py" line="155"/>
        <source>Import public key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="149"/>
        <source>Editors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="151"/>
        <source>&amp;Clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="152"/>
        <source>Sc&amp;enario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="153"/>
        <source>&amp;Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="154"/>
        <source>A&amp;ssumptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="155"/>
        <source>Stress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="156"/>
        <source>Stress tests: export restrictions, dumping episodes and supply outages the agreement is tested against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="158"/>
        <source>Pri&amp;vate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="159"/>
        <source>Private — never shared: notes and mandate of your delegation, removed from every shared copy and term sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="183"/>
        <source>&lt;as opened&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="184"/>
        <location filename="../../workbench/ui/main_window.py" line="185"/>
        <source>Undo history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="213"/>
        <source>Autosave failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="236"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="236"/>
        <source>Start from the default scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="237"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="237"/>
        <source>Open a scenario file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="238"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="238"/>
        <source>Save the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="239"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="240"/>
        <source>Save the scenario to another file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="241"/>
        <source>&amp;Export term sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="243"/>
        <source>Write an Excel term sheet (without private notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="244"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="245"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="247"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="250"/>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="76"/>
        <location filename="../../workbench/ui/main_window.py" line="255"/>
        <source>&amp;File</source>
        <extracomment>Below this available width or height (pixels) the window opens maximised the first time (1366x768 laptops). What a window opened with ``build_later`` imports in a background thread after its first frame: the document model, the files, the editors, the navigator and the results panel (about 0.45 s CPU, twice a bare window&apos;s start). How often a window opened with ``build_later`` looks whether WINDOW_MODULES are imported.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="257"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="76"/>
        <location filename="../../workbench/ui/main_window.py" line="264"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="76"/>
        <location filename="../../workbench/ui/main_window.py" line="266"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="268"/>
        <source>Undo &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="76"/>
        <location filename="../../workbench/ui/main_window.py" line="270"/>
        <source>C&amp;lause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="76"/>
        <location filename="../../workbench/ui/main_window.py" line="274"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="77"/>
        <location filename="../../workbench/ui/main_window.py" line="275"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="79"/>
        <source>Opening {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="79"/>
        <source>the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="300"/>
        <source>Open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="313"/>
        <source>Scenario from a newer version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="316"/>
        <source>Cannot open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="317"/>
        <source>The file could not be opened:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="326"/>
        <source>Scenario opened with warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="341"/>
        <source>Save scenario as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="353"/>
        <location filename="../../workbench/ui/main_window.py" line="360"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="354"/>
        <source>{0} was written by a newer version of the workbench and is never overwritten. Save under another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="360"/>
        <source>The scenario was not saved:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="363"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="372"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="373"/>
        <source>The scenario “{0}” has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="382"/>
        <source>Export term sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="383"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="392"/>
        <location filename="../../workbench/ui/main_window.py" line="409"/>
        <source>Term sheet not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="399"/>
        <source>Integrity not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="400"/>
        <source>{0}

Export it anyway, marked INTEGRITY NOT VERIFIED on the cover and on every page?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="410"/>
        <source>The term sheet could not be written to {0}:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="413"/>
        <source>Term sheet written to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="440"/>
        <source>a new scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="442"/>
        <source>Recover unsaved work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="443"/>
        <source>The workbench did not close properly. Unsaved changes to {0} were autosaved at {1}.

Yes: recover them. No: discard them. Cancel: decide next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="455"/>
        <source>Cannot recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="456"/>
        <source>The autosave could not be read:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="474"/>
        <source>Recover autosaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="476"/>
        <source>Recovered unsaved changes; save them to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="519"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="520"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; {1}&lt;br&gt;Draft critical-minerals clauses and see their fiscal cost and price effects per partner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="535"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="551"/>
        <source>Scenario files (*{0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetadataEditor</name>
    <message>
        <location filename="../../workbench/ui/editors/metadata_editor.py" line="22"/>
        <source>The author delegation is credited with new clauses and with Option A when a parameter is bracketed; the marking is printed on everything circulated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/metadata_editor.py" line="39"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/metadata_editor.py" line="40"/>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/metadata_editor.py" line="41"/>
        <source>Round label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/metadata_editor.py" line="42"/>
        <source>Author delegation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/metadata_editor.py" line="43"/>
        <source>Marking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/metadata_editor.py" line="44"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigatorPanel</name>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="60"/>
        <source>Group clauses by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="61"/>
        <source>By mineral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="62"/>
        <source>By partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="67"/>
        <source>Clauses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="85"/>
        <location filename="../../workbench/ui/navigator/panel.py" line="111"/>
        <source>Add clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="91"/>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="92"/>
        <source>Duplicate the clause as an alternative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="95"/>
        <source>De&amp;lete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="96"/>
        <source>Delete the clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="100"/>
        <source>Move clause &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="103"/>
        <source>Move clause do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="110"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="128"/>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="168"/>
        <source>Add clause {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="176"/>
        <source>Duplicate clause {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="188"/>
        <source>Delete clause {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="197"/>
        <source>Move clause {0} up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="197"/>
        <source>Move clause {0} down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartnerTableModel</name>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="68"/>
        <source>Partner</source>
        <extracomment>Translucent red: readable over light and dark bases alike.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="190"/>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="190"/>
        <source>pending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="210"/>
        <source>Monte Carlo failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="211"/>
        <source>Monte Carlo refinement running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/partner_model.py" line="214"/>
        <source>Baseline: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartnersEditor</name>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="60"/>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="61"/>
        <source>Add partner</source>
        <extracomment>Fields holding partner codes (values or list items) and dicts keyed by partner code, renamed with the partner.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="67"/>
        <source>Delegations in the scenario. China (CN) and the rest of the world (ROW) are added by the model. Renaming a code renames it throughout the scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="85"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="85"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="85"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="86"/>
        <source>GDP override
(USD bn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="90"/>
        <source>Partner {0}: code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="95"/>
        <source>Rename partner {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="97"/>
        <source>{0}: name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="100"/>
        <source>{0}: role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="103"/>
        <source>{0}: GDP override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="110"/>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="136"/>
        <source>Remove partner {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="111"/>
        <source>Remove partner {0} (refused while clauses or the mandate refer to it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="130"/>
        <source>Add partner {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="131"/>
        <source>New partner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriceEffectChart</name>
    <message>
        <location filename="../../workbench/ui/results/charts.py" line="95"/>
        <source>Price effect by partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/charts.py" line="118"/>
        <location filename="../../workbench/ui/results/charts.py" line="127"/>
        <source>Consumer price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/charts.py" line="119"/>
        <location filename="../../workbench/ui/results/charts.py" line="127"/>
        <source>Producer price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/charts.py" line="124"/>
        <source>Change vs baseline, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/charts.py" line="125"/>
        <source>Price effect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivateEditor</name>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="26"/>
        <source>&lt;b&gt;PRIVATE — never shared.&lt;/b&gt; Notes and mandate of your delegation. They stay in your scenario file and are removed from every copy you share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="29"/>
        <source>Private - never shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="50"/>
        <location filename="../../workbench/ui/editors/private_editor.py" line="52"/>
        <source>Private notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="58"/>
        <source>Internal comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="62"/>
        <source>Internal comment {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="65"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="66"/>
        <location filename="../../workbench/ui/editors/private_editor.py" line="68"/>
        <source>Remove internal comment {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="74"/>
        <location filename="../../workbench/ui/editors/private_editor.py" line="75"/>
        <location filename="../../workbench/ui/editors/private_editor.py" line="76"/>
        <source>Add internal comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="81"/>
        <source>Mandate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="84"/>
        <source>Sums in millions (m) or billions (bn), as the results show them. Breaches are flagged in the navigator and on the result cell that breaches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="93"/>
        <source>{0}: fiscal ceiling per year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="94"/>
        <source>{0}: maximum present-value cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="98"/>
        <source>{0}: maximum consumer price increase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="101"/>
        <source>Red lines (one a line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="111"/>
        <source>Private notes per clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="114"/>
        <source>Private note on {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="69"/>
        <source>Results</source>
        <extracomment>Breaches listed above the results; the rest are in the list&apos;s tooltip. The modules of the views built after the first paint (they import matplotlib). How often the panel looks whether the background import of VIEW_MODULES has finished.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="88"/>
        <source>Model error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="92"/>
        <source>Mandate breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="94"/>
        <source>Outside what the model can vouch for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="97"/>
        <source>Results per partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="98"/>
        <source>Cop&amp;y table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="99"/>
        <source>Copy the results table as tab-separated values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="100"/>
        <source>Copy the selected cells, or the whole table, for a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="107"/>
        <source>Result views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="108"/>
        <source>Per pa&amp;rtner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="109"/>
        <source>C&amp;ash flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="109"/>
        <source>Uncerta&amp;inty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="109"/>
        <source>Compare &amp;options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="109"/>
        <source>Stress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="113"/>
        <source>Results status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="116"/>
        <source>Monte Carlo %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="117"/>
        <source>Monte Carlo progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="119"/>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="323"/>
        <source>Modelled in {0:.0f} ms; refining uncertainty…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="328"/>
        <source>Outside what the model can vouch for (details on hover):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="330"/>
        <source>Model validity: every check passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="343"/>
        <source>Model validity: not checked (no result).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="344"/>
        <source>Results not updated. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="348"/>
        <source>Showing the last results the model could compute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="358"/>
        <source>⚠ Mandate: {0} breach(es), hover for all — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="360"/>
        <source>Mandate: no breach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="373"/>
        <source>Up to date: deterministic result and {0:,} Monte Carlo paths.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="385"/>
        <source>Monte Carlo expected cost and deterministic cost differ in sign for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="396"/>
        <source>Uncertainty refinement failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/panel.py" line="402"/>
        <source>Restore alternative “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoundsTimelineDialog</name>
    <message>
        <location filename="../../workbench/ui/compare/timeline_view.py" line="45"/>
        <source>Rounds timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoundsTimelineView</name>
    <message>
        <location filename="../../workbench/ui/compare/timeline_view.py" line="16"/>
        <source>Rounds timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/timeline_view.py" line="17"/>
        <source>Round / date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/timeline_view.py" line="17"/>
        <source>Delegation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/timeline_view.py" line="17"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/timeline_view.py" line="17"/>
        <source>Clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/timeline_view.py" line="18"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/timeline_view.py" line="25"/>
        <source>Round {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/timeline_view.py" line="31"/>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioForm</name>
    <message>
        <location filename="../../workbench/ui/editors/form.py" line="109"/>
        <source>Not applied:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="21"/>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="110"/>
        <source>Share with delegations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="27"/>
        <source>Sharing delegation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="30"/>
        <source>Shared by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="32"/>
        <source>Signature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="35"/>
        <source>Shared copy file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="37"/>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="40"/>
        <source>Write to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="49"/>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="71"/>
        <source>the mandate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="72"/>
        <source>Left out of the shared copy: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="73"/>
        <source>There are no private notes or mandate to leave out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="76"/>
        <source>Private text appears in shared fields: {0}. Remove it before sharing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="86"/>
        <source>Sign with {0}&apos;s key {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="88"/>
        <source>Unsigned (no key yet: Tools &gt; Delegation keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="90"/>
        <source>Unsigned (our key is {0}&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="93"/>
        <source>Shared copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/share_dialog.py" line="94"/>
        <source>Scenario files (*{0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StressChart</name>
    <message>
        <location filename="../../workbench/ui/results/stress_chart.py" line="31"/>
        <source>Stress test: price path and stockpile</source>
        <extracomment>Okabe-Ito: vermillion without the agreement, blue with it, sky blue with it in calm, orange releases, green stock.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_chart.py" line="60"/>
        <source>Consumer price in {0}, USD/kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_chart.py" line="65"/>
        <source>Without the agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_chart.py" line="65"/>
        <source>With the agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_chart.py" line="66"/>
        <source>With the agreement, no stress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_chart.py" line="66"/>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_chart.py" line="68"/>
        <source>No stockpile on {0}
in the agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_chart.py" line="77"/>
        <source>Stock (dashed: no stress)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_chart.py" line="77"/>
        <source>Released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_chart.py" line="79"/>
        <source>Stockpile, t</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StressEditor</name>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="137"/>
        <source>Crises the agreement is tested against: each is run with and without the agreement&apos;s clauses (results: the Stress tab of the results pane).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="141"/>
        <source>Stress tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="145"/>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="146"/>
        <source>Add stress test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="155"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="156"/>
        <source>Duplicate the selected stress test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="158"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="159"/>
        <source>Remove the selected stress test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="173"/>
        <source>Stress test fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="212"/>
        <source>Add stress test {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="224"/>
        <source>Duplicate stress test {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="234"/>
        <source>Remove stress test {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="275"/>
        <source>No stress tests yet. Add an export restriction, a dumping episode or a supply outage to see what the agreement protects against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="301"/>
        <source>Edit {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="310"/>
        <source>Rename stress test {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="337"/>
        <source>Modelled as an export subsidy: the supplier&apos;s buyers abroad pay this much less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/stress_editor.py" line="344"/>
        <source>e.g. precedent: Ga/Ge ban to the US, Dec 2024</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StressTableModel</name>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="80"/>
        <source>Partner</source>
        <extracomment>The two rows of each region, in order: the market without the agreement&apos;s clauses, then with them. After the Partner and Agreement columns. Without the agreement there is no stock and no clause to pay for: days of cover and fiscal cost are true zeros there; the security value compares the two rows, so it has one.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="147"/>
        <source>w/o</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="147"/>
        <source>with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="148"/>
        <source>without the agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_model.py" line="148"/>
        <source>with the agreement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StressView</name>
    <message>
        <location filename="../../workbench/ui/results/stress_view.py" line="34"/>
        <source>Stress test shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_view.py" line="39"/>
        <source>Partner whose price the chart shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_view.py" line="44"/>
        <source>About the stress test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_view.py" line="48"/>
        <source>Stress test status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_view.py" line="50"/>
        <source>Stress test per partner, without and with the agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_view.py" line="58"/>
        <source>Stress test:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_view.py" line="58"/>
        <source>Chart:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_view.py" line="76"/>
        <source>Running the stress tests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_view.py" line="112"/>
        <source>The scenario has no stress tests: add them in the Stress tab of the editors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_view.py" line="114"/>
        <source>{0} stress test(s) with and without the agreement in {1:.0f} ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_view.py" line="122"/>
        <source>Results below are for the scenario before the last edit; updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_view.py" line="129"/>
        <source>Stress tests not updated: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_view.py" line="142"/>
        <source>not in force within the horizon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_view.py" line="144"/>
        <source>No result: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/stress_view.py" line="145"/>
        <source>w/o: without the agreement; with: with its clauses on {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UncertaintyView</name>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="29"/>
        <source>Partner shown in the fan chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="33"/>
        <source>Monte Carlo status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="35"/>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="36"/>
        <source>Monte Carlo summary per partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="39"/>
        <source>Partner in the fan chart:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="56"/>
        <source>Expected PV cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="73"/>
        <source>Monte Carlo refinement pending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="81"/>
        <source>“{0}” {1:.0f} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="83"/>
        <source>{0:,} price paths, seed {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="85"/>
        <source>Probability that a CfD&apos;s net payments have a negative present value (rebates exceed payments): {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="93"/>
        <source>Monte Carlo failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/results/uncertainty.py" line="101"/>
        <source>USD m</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../workbench/ui/compare/__init__.py" line="67"/>
        <location filename="../../workbench/ui/compare/__init__.py" line="101"/>
        <source>Compare with another version</source>
        <extracomment>The dialogs, imported on first use: they load the sharing code and cryptography, which start-up does not need.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/__init__.py" line="82"/>
        <source>Delegation keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/__init__.py" line="90"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/__init__.py" line="90"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/__init__.py" line="102"/>
        <source>Scenario files (*{0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/__init__.py" line="121"/>
        <source>S&amp;hare with delegations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/__init__.py" line="122"/>
        <source>Co&amp;mpare with another version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/__init__.py" line="123"/>
        <source>Delegation &amp;keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/__init__.py" line="124"/>
        <source>&amp;Rounds timeline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/origin.py" line="22"/>
        <source>Origin of the opened file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/compare/origin.py" line="28"/>
        <source>Signature and content hash of the file as opened; cleared at the first change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
