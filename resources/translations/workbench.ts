<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="28"/>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="21"/>
        <source>Proposed</source>
        <extracomment>Role carrying a clause row&apos;s clause id (None on group rows).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="28"/>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="22"/>
        <source>Bracketed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/model.py" line="29"/>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="23"/>
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
        <location filename="../../workbench/ui/editors/clause_editor.py" line="92"/>
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
        <location filename="../../workbench/ui/editors/brackets.py" line="174"/>
        <source>+ Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="174"/>
        <source>{0}: add an option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="176"/>
        <source>− Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="176"/>
        <source>{0}: remove the last option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="179"/>
        <source>(◉ = modelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="180"/>
        <source>The checked option is the one used in the headline results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="181"/>
        <source>Remove brackets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/brackets.py" line="182"/>
        <source>{0}: remove brackets, keep the modelled option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="24"/>
        <source>Every unit produced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="25"/>
        <source>A contracted volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="26"/>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="71"/>
        <source>Agreed price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="27"/>
        <source>Market price plus premium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="51"/>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="53"/>
        <source>Floor price</source>
        <extracomment>Kind-specific fields: (field, label, widget factory), shown first because they carry the numbers.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="54"/>
        <source>Upside share to government</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="55"/>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="65"/>
        <source>Eligible producers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="56"/>
        <source>Volume cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="59"/>
        <source>Strike price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="60"/>
        <source>Rebate threshold (cap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="61"/>
        <source>Clawback share above the cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="62"/>
        <source>Pays on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="63"/>
        <source>Contracted volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="68"/>
        <source>Annual volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="69"/>
        <source>Price basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="73"/>
        <source>Premium over market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="74"/>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="75"/>
        <source>Budget cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="76"/>
        <source>Storage cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="77"/>
        <source> % of value a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="80"/>
        <source>Tariff rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="81"/>
        <source> % ad valorem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="82"/>
        <source>Exporters tariffed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="88"/>
        <source>Mineral</source>
        <extracomment>Fields every clause has, after the kind&apos;s own.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="89"/>
        <source>Parties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="90"/>
        <source>Proposed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="91"/>
        <source>Reservations by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="93"/>
        <source>Round introduced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="94"/>
        <source>Start year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="95"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="95"/>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="97"/>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="96"/>
        <source>Review after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="98"/>
        <source>Cost sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="99"/>
        <source>Drafting note (shared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="128"/>
        <source>Clause fields</source>
        <extracomment>Fields whose choices are region codes (partners plus CN and ROW) rather than partners only.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="131"/>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="136"/>
        <source>Legal text preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="147"/>
        <source>Select a clause in the navigator, or add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="167"/>
        <source>No clause selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="198"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="199"/>
        <source>Clause id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="223"/>
        <source>China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="223"/>
        <source>Rest of the world</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="255"/>
        <source>Edit {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/clause_editor.py" line="269"/>
        <source>Rename clause {0} to {1}</source>
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
        <location filename="../../workbench/ui/editors/fields.py" line="79"/>
        <location filename="../../workbench/ui/editors/fields.py" line="98"/>
        <location filename="../../workbench/ui/editors/fields.py" line="115"/>
        <source>{0}: amount</source>
        <extracomment>Whether a refused edit leaves the user&apos;s input in place to be corrected (text), rather than snapping back.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="80"/>
        <location filename="../../workbench/ui/editors/fields.py" line="116"/>
        <source>{0}: currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="81"/>
        <source>per {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="82"/>
        <source>{0}: per unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="99"/>
        <source>{0} a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="100"/>
        <source>{0}: unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="224"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="247"/>
        <source>set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/fields.py" line="248"/>
        <source>{0}: set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="15"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="15"/>
        <source>Observer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="16"/>
        <source>Non-member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="26"/>
        <source>Critical Minerals Workbench</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssumptionsEditor</name>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="81"/>
        <source>Horizon and discounting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="83"/>
        <source>Base year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="84"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="85"/>
        <source>Horizon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="85"/>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="86"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="87"/>
        <source>Discount rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="90"/>
        <source>Exchange rates (USD per unit of currency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="93"/>
        <source>USD per {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="98"/>
        <source>{0}: prices, demand and elasticities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="102"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="103"/>
        <source>{0}: price path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="106"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="107"/>
        <source>{0}: yearly price change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="110"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="111"/>
        <source>{0}: custom price index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="114"/>
        <source>{0}: demand growth override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="116"/>
        <source> % a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="118"/>
        <source>{0}: supply elasticities (e.g. US=0.3, CN=0.2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="119"/>
        <source>{0}: demand elasticities (e.g. US=-0.3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="124"/>
        <source>{0}: Armington elasticity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="130"/>
        <source>Data overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="132"/>
        <source>All regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="138"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="139"/>
        <source>Override {0}: mineral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="140"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="141"/>
        <source>Override {0}: region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="142"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="143"/>
        <source>Override {0}: field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="144"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="145"/>
        <source>Override {0}: value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="146"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="147"/>
        <source>Override {0}: reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="148"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="149"/>
        <source>Remove override {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="151"/>
        <source>Remove data override {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="155"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="156"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="157"/>
        <source>Add data override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="163"/>
        <source>Uncertainty (Monte Carlo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="165"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="166"/>
        <source>Price paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="167"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="168"/>
        <source>Random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="169"/>
        <source>Vary elasticities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="170"/>
        <source>Also draw elasticities</source>
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
    <name>IssueLabel</name>
    <message>
        <location filename="../../workbench/ui/editors/form.py" line="30"/>
        <source>Validation message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="49"/>
        <source>Editors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="50"/>
        <source>&amp;Clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="51"/>
        <source>Sc&amp;enario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="52"/>
        <source>&amp;Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="53"/>
        <source>A&amp;ssumptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="54"/>
        <source>Pri&amp;vate — never shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="70"/>
        <source>&lt;as opened&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="71"/>
        <location filename="../../workbench/ui/main_window.py" line="72"/>
        <source>Undo history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="96"/>
        <source>Autosave failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="114"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="114"/>
        <source>Start from the default scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="115"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="115"/>
        <source>Open a scenario file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="116"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="116"/>
        <source>Save the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="117"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="118"/>
        <source>Save the scenario to another file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="119"/>
        <source>&amp;Export term sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="120"/>
        <source>Write an Excel term sheet (without private notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="121"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="122"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="124"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="126"/>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="130"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="132"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="139"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="141"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="143"/>
        <source>Undo &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="145"/>
        <source>C&amp;lause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="149"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="150"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="173"/>
        <source>Open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="183"/>
        <source>Scenario from a newer version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="186"/>
        <source>Cannot open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="187"/>
        <source>The file could not be opened:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="195"/>
        <source>Scenario opened with warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="207"/>
        <source>Save scenario as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="220"/>
        <location filename="../../workbench/ui/main_window.py" line="229"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="221"/>
        <source>{0} was written by a newer version of the workbench and is never overwritten. Save under another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="229"/>
        <source>The scenario was not saved:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="232"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="241"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="242"/>
        <source>The scenario “{0}” has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="251"/>
        <source>Export term sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="252"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="263"/>
        <source>Term sheet not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="264"/>
        <source>The term sheet could not be written to {0}:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="267"/>
        <source>Term sheet written to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="277"/>
        <source>a new scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="279"/>
        <source>Recover unsaved work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="280"/>
        <source>The workbench did not close properly. Unsaved changes to {0} were autosaved at {1}.

Yes: recover them. No: discard them. Cancel: decide next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="292"/>
        <source>Cannot recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="293"/>
        <source>The autosave could not be read:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="309"/>
        <source>Recover autosaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="311"/>
        <source>Recovered unsaved changes; save them to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="346"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="347"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; {1}&lt;br&gt;Draft critical-minerals clauses and see their fiscal cost and price effects per partner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="362"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="373"/>
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
        <location filename="../../workbench/ui/navigator/panel.py" line="33"/>
        <source>Group clauses by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="34"/>
        <source>By mineral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="35"/>
        <source>By partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="40"/>
        <source>Clauses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="54"/>
        <location filename="../../workbench/ui/navigator/panel.py" line="80"/>
        <source>Add clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="60"/>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="61"/>
        <source>Duplicate the clause as an alternative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="64"/>
        <source>De&amp;lete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="65"/>
        <source>Delete the clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="69"/>
        <source>Move clause &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="72"/>
        <source>Move clause do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="79"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="97"/>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="137"/>
        <source>Add clause {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="145"/>
        <source>Duplicate clause {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="157"/>
        <source>Delete clause {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="166"/>
        <source>Move clause {0} up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/navigator/panel.py" line="166"/>
        <source>Move clause {0} down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartnersEditor</name>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="59"/>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="60"/>
        <source>Add partner</source>
        <extracomment>Fields holding partner codes (values or list items) and dicts keyed by partner code, renamed with the partner.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="66"/>
        <source>Delegations in the scenario. China (CN) and the rest of the world (ROW) are added by the model. Renaming a code renames it throughout the scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="84"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="84"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="84"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="85"/>
        <source>GDP override (USD bn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="89"/>
        <source>Partner {0}: code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="94"/>
        <source>Rename partner {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="96"/>
        <source>{0}: name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="99"/>
        <source>{0}: role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="102"/>
        <source>{0}: GDP override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="105"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="106"/>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="130"/>
        <source>Remove partner {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="124"/>
        <source>Add partner {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="125"/>
        <source>New partner</source>
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
        <location filename="../../workbench/ui/editors/private_editor.py" line="49"/>
        <location filename="../../workbench/ui/editors/private_editor.py" line="51"/>
        <source>Private notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="57"/>
        <source>Mandate (breaches are flagged in the navigator and the results)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="65"/>
        <source>{0}: fiscal ceiling per year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="66"/>
        <source>{0}: maximum present-value cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="70"/>
        <source>{0}: maximum consumer price increase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="73"/>
        <source>Red lines (one a line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="83"/>
        <source>Private notes per clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="86"/>
        <source>Private note on {0}</source>
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
</TS>
