"""The registry of instrument kinds: every kind complete in every part, and no layer keeping its own per-kind table."""

from __future__ import annotations

import re
import typing
from pathlib import Path
from xml.etree import ElementTree

import pytest

from workbench.document import ClauseKind
from workbench.document.clauses import Clause
from workbench.instrument_kinds import KINDS, LEDGER, FieldType, Part, Wedge, kind_of
from workbench.text.render import COMMON_PARAMS, kind_placeholders
from workbench.text.templates import load_template

ROOT = Path(__file__).resolve().parents[1]
HEX_COLOUR = re.compile(r"^#[0-9A-F]{6}$")
KIND_NAMES = [k.value for k in ClauseKind]


def test_every_kind_of_the_document_is_registered_once():
    assert list(KINDS) and set(KINDS) == set(ClauseKind)
    union = typing.get_args(typing.get_args(Clause)[0])
    assert {kind_of(k).model for k in ClauseKind} == set(union)
    assert len({k.id_stem for k in KINDS.values()}) == len(KINDS)


@pytest.mark.parametrize("name", KIND_NAMES)
def test_a_kind_declares_every_part(name):
    kind = kind_of(name)
    assert kind.model.model_fields["kind"].default == name
    assert kind.label.strip() and kind.id_stem
    assert (ROOT / "resources" / "templates" / f"{kind.template}.txt").is_file()
    # editor fields: every parameter of the model that is not common to all clauses, and only those
    common = set.intersection(*(set(k.model.model_fields) for k in KINDS.values()))
    own = set(kind.model.model_fields) - common - {"kind"}
    assert {p.name for p in kind.params} == own
    for p in kind.params:
        assert p.label.strip(), p.name
        assert (p.type is FieldType.CHOICE) == bool(p.choices), p.name
    # the legal template's items make the term sheet: it starts with the commitment
    assert load_template(kind.template, frozenset(COMMON_PARAMS | kind_placeholders(name)))[0].item == "Commitment"
    # engine hooks: a wedge, a compile hook, ledger entries with labels and colours
    assert isinstance(kind.wedge, Wedge) and callable(kind.compile)
    assert kind.ledger
    for entry in kind.ledger:
        assert entry.label.strip() and HEX_COLOUR.match(entry.colour), entry
        assert isinstance(entry.part, Part)


def test_ledger_keys_labels_and_colours_are_distinct():
    keys = [e.key for k in KINDS.values() for e in k.ledger]
    assert len(keys) == len(set(keys)) == len(LEDGER)
    assert len({e.label for e in LEDGER.values()}) == len(LEDGER)
    assert len({e.colour for e in LEDGER.values()}) == len(LEDGER)


@pytest.mark.parametrize("name", KIND_NAMES)
def test_each_template_parses_with_the_kinds_placeholders(name):
    kind = kind_of(name)
    allowed = frozenset(COMMON_PARAMS | kind_placeholders(name))
    assert load_template(kind.template, allowed)


def test_every_label_of_the_registry_is_in_the_translation_template():
    """The window translates kind, field, choice and ledger labels (context ""): lupdate must have extracted them."""
    tree = ElementTree.parse(ROOT / "resources" / "translations" / "workbench.ts")
    known = {m.findtext("source") for c in tree.getroot() if c.findtext("name") == "" for m in c.findall("message")}
    labels = {k.label for k in KINDS.values()} | {e.label for e in LEDGER.values()}
    for kind in KINDS.values():
        for p in kind.params:
            labels |= {p.label} | {c.label for c in p.choices}
            if p.type is FieldType.SHARE and any(ch.isalpha() for ch in p.suffix):  # " %" needs no translation
                labels.add(p.suffix)
    assert sorted(labels - known) == []
