"""The scenario file's size limit, as documented (16 MiB), from both sides, for text handed over in memory."""

from __future__ import annotations

import pytest

from workbench.defaults import default_scenario
from workbench.files import FileFormatError, dumps_scenario, loads_scenario

SIXTEEN_MIB = 16 * 1024 * 1024


def test_content_of_exactly_16_mib_is_read_and_one_byte_more_is_refused():
    text = dumps_scenario(default_scenario())
    at_limit = text + " " * (SIXTEEN_MIB - len(text.encode("utf-8")))  # JSON allows trailing whitespace
    loaded = loads_scenario(at_limit.encode("utf-8"))
    assert loaded.integrity_ok and loaded.scenario == default_scenario()
    with pytest.raises(FileFormatError, match=r"^dropped\.cmws: over the 16,777,216-byte limit$"):
        loads_scenario(at_limit + " ", source="dropped.cmws")
