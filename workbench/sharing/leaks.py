"""Private text in public fields: distinctive fragments of private lines, retyped or split, and mandate figures.

Both sides are normalised the same way (``normalise``): Unicode NFKC (non-breaking and other odd spaces, full-width
letters and ligatures become plain ones), zero-width and direction characters removed, dashes folded to "-",
case-folded, runs of white space folded to one space; then cut into word tokens (letters and digits), so spacing,
punctuation, dashes and case no longer matter. The public fields are the document's free-text fields
(``workbench.document.free_text``) joined in document order, so text split across a clause's title and its note (or
any two neighbouring fields) is still one run of tokens.

A private line is found when any run of ``FRAGMENT_TOKENS`` consecutive tokens of it appears in the public text; a
shorter line (``MIN_LINE_TOKENS`` tokens or more, ``MIN_LINE_CHARS`` characters or more) when the whole line does.
``FRAGMENT_TOKENS`` = 8: texts written independently on the same subject share runs of at most 5 tokens (our
docs against the default scenario's public text), and the longest stock phrase of negotiators met so far,
"nothing is agreed until everything is agreed", is 7; an 8-token run is therefore the shortest that says "copied"
rather than "same subject" (tests/test_leaks.py checks the default scenario's public text raises nothing).

A mandate figure (yearly fiscal ceiling, cap on present-value cost) is found when a number in a public field, read
with its scale word (k, thousand, m, mn, million, bn, billion) and either thousands convention (4,321,987 or
4.321.987 or 4 321 987), rounds the figure: 4321987, 4,321,987, 4.32 m, USD 4.3 million all give away 4,321,987.
A number must carry at least two significant digits ("USD 4 million" is not a figure anyone can read a mandate
from, and such round numbers fill ordinary text).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from workbench.document import Scenario
from workbench.document.free_text import free_texts

FRAGMENT_TOKENS = 8
MIN_LINE_TOKENS = 4
MIN_LINE_CHARS = 12
#: Mandate amounts below this are not searched for as figures (they would match ordinary numbers).
MIN_FIGURE = 1000

_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u2069\u3164\ufe00-\ufe0f\ufeff\uffa0]")
_DASHES = re.compile("[\u2010-\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]")
_TOKEN = re.compile(r"\w+")
_NUMBER = re.compile(r"(?<![\w.,'])(\d{1,3}(?:([ ,.'])\d{3})(?:\2\d{3})*(?!\d)(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
                     r"(?:\s?(k|thousand|m|mn|mio|million|millions|bn|b|billion|billions)\b)?")
_SCALES = {"k": 3, "thousand": 3, "m": 6, "mn": 6, "mio": 6, "million": 6, "millions": 6, "bn": 9, "b": 9,
           "billion": 9, "billions": 9}


def normalise(text: str) -> str:
    """``text`` as compared: NFKC, invisible characters removed, dashes folded, case-folded, spaces folded."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(_DASHES.sub("-", text).casefold().split())


def tokens(text: str) -> list[str]:
    """The word tokens (letters and digits) of ``text`` after ``normalise``."""
    return _TOKEN.findall(normalise(text))


def private_texts(scenario: Scenario) -> list[tuple[str, str]]:
    """(where, text) of every free text in the private block: notes, clause notes, comments, red lines."""
    p = scenario.private
    out = [("private notes", p.notes)]
    out += [(f"private note on clause {cid}", text) for cid, text in p.clause_notes.items()]
    out += [(f"internal comment {i + 1}", text) for i, text in enumerate(p.internal_comments)]
    out += [(f"mandate red line {i + 1}", text) for i, text in enumerate(p.mandate.red_lines)]
    return [(where, text) for where, text in out if text.strip()]


def private_text_in(scenario: Scenario) -> list[tuple[str, str]]:
    """(public field, private source) for every public field holding private text or a mandate figure; a fragment
    running over two neighbouring fields names both ("a + b")."""
    fields = [(path, text) for path, text, _ in free_texts(scenario.document.model_dump(mode="json"), "document")]
    found: dict[tuple[str, str], None] = {}
    for path, source in _fragments(scenario, fields) + _figures(scenario, fields):
        found.setdefault((path, source))
    return list(found)


def _needles(scenario: Scenario) -> dict[int, dict[tuple[str, ...], str]]:
    """Token runs to look for, by length: every FRAGMENT_TOKENS-run of each private text, and each whole shorter
    line long enough to be distinctive."""
    out: dict[int, dict[tuple[str, ...], str]] = {}
    for where, text in private_texts(scenario):
        run = tokens(text)
        for i in range(len(run) - FRAGMENT_TOKENS + 1):
            out.setdefault(FRAGMENT_TOKENS, {}).setdefault(tuple(run[i:i + FRAGMENT_TOKENS]), where)
        for line in text.splitlines():
            words = tokens(line)
            if MIN_LINE_TOKENS <= len(words) < FRAGMENT_TOKENS and len(normalise(line)) >= MIN_LINE_CHARS:
                out.setdefault(len(words), {}).setdefault(tuple(words), where)
    return out


def _fragments(scenario: Scenario, fields: list[tuple[str, str]]) -> list[tuple[str, str]]:
    needles = _needles(scenario)
    if not needles:
        return []
    stream: list[str] = []
    owner: list[int] = []
    for k, (_path, text) in enumerate(fields):
        words = tokens(text)
        stream += words
        owner += [k] * len(words)
    hits = []
    for length, wanted in needles.items():
        for i in range(len(stream)):   # the last windows are short: they match no run of ``length`` tokens
            source = wanted.get(tuple(stream[i:i + length]))
            if source is not None:
                paths = dict.fromkeys(fields[k][0] for k in owner[i:i + length])
                hits.append((i, " + ".join(paths), source))
    return [(path, source) for _i, path, source in sorted(hits)]


def mandate_figures(scenario: Scenario) -> list[tuple[str, Decimal]]:
    """(where, amount) of the mandate's money figures worth searching for."""
    m = scenario.private.mandate
    out = [(f"the mandate's yearly fiscal ceiling for {code}", money.amount)
           for code, money in m.fiscal_ceiling_per_year.items()]
    out += [(f"the mandate's cap on present-value cost for {code}", money.amount)
            for code, money in m.max_pv_cost.items()]
    return [(where, Decimal(repr(float(amount)))) for where, amount in out if amount >= MIN_FIGURE]


def _figures(scenario: Scenario, fields: list[tuple[str, str]]) -> list[tuple[str, str]]:
    figures = mandate_figures(scenario)
    if not figures:
        return []
    hits = []
    for path, text in fields:
        for written in _NUMBER.finditer(normalise(text)):
            for where, amount in figures:
                if any(_rounds_to(amount, value, half_unit) for value, half_unit in _readings(written)):
                    hits.append((path, where))
    return hits


def _rounds_to(amount: Decimal, value: Decimal, half_unit: Decimal) -> bool:
    return abs(amount - value) <= half_unit


def _readings(written: re.Match[str]) -> list[tuple[Decimal, Decimal]]:
    """(value, half of the last written unit) for each way the number can be read (which of "," and "." is the
    decimal point); a reading with fewer than two significant digits is left out."""
    digits, scale = written.group(1), _SCALES.get(written.group(3) or "", 0)
    out = []
    for decimal_point in (".", ","):
        body = digits.replace(" ", "").replace("'", "")
        other = "," if decimal_point == "." else "."
        body = body.replace(other, "").replace(decimal_point, ".")
        try:
            value = Decimal(body)
        except InvalidOperation:  # two decimal points (4,321,987 read with "," as the point): not this reading
            continue
        significant = body.replace(".", "").lstrip("0")
        exponent = value.as_tuple().exponent
        if "." not in body:  # 4,300,000 written for 4,321,987: trailing zeros are rounding
            exponent = len(significant) - len(significant.rstrip("0"))
            significant = significant.rstrip("0")
        if len(significant) < 2:
            continue
        out.append((value.scaleb(scale), Decimal(5).scaleb(int(exponent) - 1 + scale)))
    return out
