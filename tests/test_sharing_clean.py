"""Clean copies: where the leak check's length boundary lies, and what sharing leaves on disk."""

from __future__ import annotations

import pytest

from sharing_helpers import canary_scenario, clause, edited
from workbench.files import load_scenario, save_scenario
from workbench.sharing import ShareError, prepare_share, write_shared

#: The shortest private line the leak check looks for whole: 12 characters and 4 words (docs/sharing.md).
TWELVE = "cap at 40 pc"
ELEVEN = "cap at 4 pc"
THREE_WORDS = "withdraw at 40%"


def _pasted(private_notes: str, shared_text: str):
    def edit(data):
        data["private"].update(notes=private_notes)
        clause(data, "nickel-cfd").update(text_note=shared_text)
    return edited(canary_scenario()[0], edit)


def test_a_private_line_of_exactly_twelve_characters_and_four_words_is_a_leak():
    assert len(TWELVE) == 12 and len(TWELVE.split()) == 4
    scenario = _pasted(f"Mandate for round 3\n{TWELVE}\nask the minister first", f"Delegations: {TWELVE}, no more.")
    with pytest.raises(ShareError, match=r"private notes appears in document\.clauses\[\d+\]\.text_note"):
        prepare_share(scenario, "US")
    with pytest.raises(ShareError, match="private notes appears in"):
        prepare_share(_pasted(TWELVE, f"Delegations: {TWELVE.upper()}, no more."), "US")  # case does not hide it


def test_a_private_line_of_eleven_characters_is_ordinary_wording():
    assert len(ELEVEN) == 11 and len(ELEVEN.split()) == 4
    package = prepare_share(_pasted(f"Mandate for round 3\n{ELEVEN}", f"Delegations: {ELEVEN}, no more."), "US")
    assert ELEVEN in package.file_text()


def test_a_private_line_of_three_words_is_ordinary_wording_however_long():
    assert len(THREE_WORDS) > 12
    package = prepare_share(_pasted(f"Mandate for round 3\n{THREE_WORDS}", f"We {THREE_WORDS}."), "US")
    assert THREE_WORDS in package.file_text()


def test_replacing_an_earlier_shared_copy_leaves_no_backup_beside_it(tmp_path):
    scenario, canaries = canary_scenario()
    own = tmp_path / "us.cmws"
    save_scenario(own, scenario)
    target = tmp_path / "to-delegations.cmws"
    write_shared(target, prepare_share(scenario, "US"), source=own)
    later = edited(scenario, lambda d: clause(d, "nickel-cfd").update(text_note="Revised after round 2."))
    write_shared(target, prepare_share(later, "US"), source=own)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["to-delegations.cmws", "us.cmws"]
    assert clause(load_scenario(target).scenario.to_data(), "nickel-cfd")["text_note"] == "Revised after round 2."
    assert not any(c in target.read_text(encoding="utf-8") for c in canaries)


def test_a_leaked_red_line_is_named_by_its_number_as_the_private_tab_shows_it():
    scenario = edited(canary_scenario()[0], lambda d: d["document"]["metadata"].update(
        description="Position: CANARY-REDLINE-2 no cost share over 40%"))
    with pytest.raises(ShareError, match=r"^private text would be in the shared copy: mandate red line 2 appears in "
                                         r"document\.metadata\.description\. Remove it"):
        prepare_share(scenario, "US")


def test_the_refusal_names_the_first_five_leaks_only():
    secret = "CANARY-COMMENT-1 minister wants this by Friday"

    def paste_everywhere(data):
        for c in data["document"]["clauses"][:6]:
            c["text_note"] = f"See: {secret}"
    scenario = edited(canary_scenario()[0], paste_everywhere)
    with pytest.raises(ShareError) as info:
        prepare_share(scenario, "US")
    message = str(info.value)
    assert message.count("internal comment 1 appears in") == 5
    assert "document.clauses[4].text_note" in message and "document.clauses[5]" not in message
    assert "text_note (and 1 more). Remove it" in message  # the sixth is counted, not hidden
