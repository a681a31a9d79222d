<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AssumptionsEditor</name>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="79"/>
        <source>Horizon and discounting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="81"/>
        <source>Base year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="82"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="83"/>
        <source>Horizon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="83"/>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="84"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="85"/>
        <source>Discount rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="88"/>
        <source>Exchange rates (USD per unit of currency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="91"/>
        <source>USD per {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="96"/>
        <source>{0}: prices, demand and elasticities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="100"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="101"/>
        <source>{0}: price path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="104"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="105"/>
        <source>{0}: yearly price change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="108"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="109"/>
        <source>{0}: custom price index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="112"/>
        <source>{0}: demand growth override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="114"/>
        <source> % a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="116"/>
        <source>{0}: supply elasticities (e.g. US=0.3, CN=0.2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="117"/>
        <source>{0}: demand elasticities (e.g. US=-0.3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="122"/>
        <source>{0}: Armington elasticity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="128"/>
        <source>Data overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="130"/>
        <source>All regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="136"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="137"/>
        <source>Override {0}: mineral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="138"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="139"/>
        <source>Override {0}: region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="140"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="141"/>
        <source>Override {0}: field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="142"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="143"/>
        <source>Override {0}: value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="144"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="145"/>
        <source>Override {0}: reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="146"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="147"/>
        <source>Remove override {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="149"/>
        <source>Remove data override {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="153"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="154"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="155"/>
        <source>Add data override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="161"/>
        <source>Uncertainty (Monte Carlo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="163"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="164"/>
        <source>Price paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="165"/>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="166"/>
        <source>Random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="167"/>
        <source>Vary elasticities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/assumptions_editor.py" line="168"/>
        <source>Also draw elasticities</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoundForm</name>
    <message>
        <location filename="../../workbench/ui/editors/form.py" line="179"/>
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
        <location filename="../../workbench/ui/main_window.py" line="47"/>
        <source>Editors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="48"/>
        <source>&amp;Clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="49"/>
        <source>&amp;Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="50"/>
        <source>A&amp;ssumptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="51"/>
        <source>Pri&amp;vate — never shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="100"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="100"/>
        <source>Start from the default scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="101"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="101"/>
        <source>Open a scenario file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="102"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="102"/>
        <source>Save the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="103"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="104"/>
        <source>Save the scenario to another file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="105"/>
        <source>&amp;Export term sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="106"/>
        <source>Write an Excel term sheet (without private notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="107"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="108"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="110"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="112"/>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="116"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="118"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="125"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="127"/>
        <source>C&amp;lause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="131"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="132"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="155"/>
        <source>Open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="165"/>
        <source>Scenario from a newer version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="168"/>
        <source>Cannot open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="169"/>
        <source>The file could not be opened:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="177"/>
        <source>Scenario opened with warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="189"/>
        <source>Save scenario as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="202"/>
        <location filename="../../workbench/ui/main_window.py" line="211"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="203"/>
        <source>{0} was written by a newer version of the workbench and is never overwritten. Save under another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="211"/>
        <source>The scenario was not saved:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="214"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="223"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="224"/>
        <source>The scenario “{0}” has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="233"/>
        <source>Export term sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="234"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="243"/>
        <source>Term sheet not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="244"/>
        <source>The term sheet could not be written to {0}:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="247"/>
        <source>Term sheet written to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="257"/>
        <source>a new scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="259"/>
        <source>Recover unsaved work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="260"/>
        <source>The workbench did not close properly. Unsaved changes to {0} were autosaved at {1}.

Yes: recover them. No: discard them. Cancel: decide next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="272"/>
        <source>Cannot recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="273"/>
        <source>The autosave could not be read:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="289"/>
        <source>Recover autosaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="291"/>
        <source>Recovered unsaved changes; save them to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="326"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="327"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; {1}&lt;br&gt;Draft critical-minerals clauses and see their fiscal cost and price effects per partner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="342"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="353"/>
        <source>Scenario files (*{0});;All files (*)</source>
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
        <location filename="../../workbench/ui/editors/partners_editor.py" line="57"/>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="58"/>
        <source>Add partner</source>
        <extracomment>Fields holding partner codes (values or list items) and dicts keyed by partner code, renamed with the partner.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="64"/>
        <source>Delegations in the scenario. China (CN) and the rest of the world (ROW) are added by the model. Renaming a code renames it throughout the scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="82"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="82"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="82"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="83"/>
        <source>GDP override (USD bn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="87"/>
        <source>Partner {0}: code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="91"/>
        <source>Rename partner {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="93"/>
        <source>{0}: name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="95"/>
        <source>{0}: role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="98"/>
        <source>{0}: GDP override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="101"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="102"/>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="126"/>
        <source>Remove partner {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="120"/>
        <source>Add partner {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/partners_editor.py" line="121"/>
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
        <location filename="../../workbench/ui/editors/private_editor.py" line="55"/>
        <source>Mandate (breaches are flagged in the navigator and the results)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="62"/>
        <source>{0}: fiscal ceiling per year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="63"/>
        <source>{0}: maximum present-value cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="67"/>
        <source>{0}: maximum consumer price increase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="70"/>
        <source>Red lines (one a line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="78"/>
        <source>Private notes per clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/editors/private_editor.py" line="81"/>
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
