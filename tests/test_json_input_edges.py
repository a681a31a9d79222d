"""Strict JSON input at its edges: the nesting limit counted from both sides (brackets inside text not counted), a
byte-order mark skipped, a file of blanks called empty, a number of exactly 1e308 read and 1e309 refused."""

from __future__ import annotations

import pytest

from workbench.files.json_input import MAX_NESTING, JsonInputError, parse_json


def _refusal(raw: bytes) -> str:
    with pytest.raises(JsonInputError) as info:
        parse_json(raw, "f.cmws")
    return info.value.reason


def test_sixty_four_levels_are_read_and_sixty_five_refused():
    assert MAX_NESTING == 64
    deepest = parse_json(b"[" * 64 + b"]" * 64, "f.cmws")
    for _ in range(63):
        deepest = deepest[0]
    assert deepest == []
    assert _refusal(b"[" * 65 + b"]" * 65) == "nested 65 levels deep, over the limit of 64"
    assert _refusal(b'{"a": ' * 65 + b"1" + b"}" * 65) == "nested 65 levels deep, over the limit of 64"


def test_brackets_in_text_and_closed_brackets_do_not_count_as_depth():
    assert parse_json(b'["' + b"[{" * 100 + b'"]', "f.cmws") == ["[{" * 100]
    wide = b"[" + b"[[]]," * 100 + b"[[]]]"                     # three levels, a hundred times over
    assert len(parse_json(wide, "f.cmws")) == 101


def test_a_byte_order_mark_is_skipped_and_a_file_of_blanks_is_empty():
    assert parse_json(b'\xef\xbb\xbf{"a": 1}', "f.cmws") == {"a": 1}
    assert _refusal(b" \n\t ") == "the file is empty"
    assert _refusal(b"\xef\xbb\xbf\n") == "the file is empty"


def test_the_largest_double_is_read_and_a_number_beyond_it_refused():
    assert parse_json(b"[1e308, -1e308]", "f.cmws") == [1e308, -1e308]
    assert _refusal(b"[1e309]") == "number 1e309 is out of range"
    assert parse_json(b"[123456789012345678901234567890]", "f.cmws") == [123456789012345678901234567890]
