"""House rules the linter does not check itself: every ``# noqa`` names its code and gives a reason."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOQA = re.compile(r"#\s*noqa\b(?P<rest>.*)$", re.IGNORECASE)
REASONED = re.compile(r"^:\s*[A-Z]+[0-9]+(\s*,\s*[A-Z]+[0-9]+)*\s+-\s+\S")


def _sources() -> list[Path]:
    folders = ("workbench", "tests", "benchmarks", "installer", "scripts")
    return [p for f in folders for p in (ROOT / f).rglob("*")
            if p.suffix in (".py", ".spec") and p.is_file() and p != Path(__file__).resolve()]


def test_every_noqa_names_a_code_and_a_reason():
    bare = []
    for path in _sources():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            m = NOQA.search(line)
            if m and not REASONED.match(m.group("rest")):
                bare.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert bare == []


def test_the_rule_recognises_a_bare_noqa():
    assert not REASONED.match(NOQA.search("x = 1  # noqa").group("rest"))
    assert not REASONED.match(NOQA.search("x = 1  # noqa: E501").group("rest"))
    assert REASONED.match(NOQA.search("x = 1  # noqa: E501 - a URL").group("rest"))
