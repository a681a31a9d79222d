"""The term sheet in LibreOffice headless: printed page by page as a negotiator gets it, and the same numbers.

Converts to PDF and reads every page with pdftotext: page count, marking and "Page n of N" on every page, each
clause's heading on the page where the clause starts (a clause longer than a page continues under "Clause N
(cont.)"), column headers on every page of the term sheet, no signed zero anywhere.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from workbench.data import load_dataset
from workbench.defaults import default_scenario
from workbench.engine import evaluate, run_monte_carlo
from workbench.export import SHEETS, write_term_sheet
from workbench.export.results import FISCAL_COLUMNS, MC_COLUMNS

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                                               "apt-get install --no-install-recommends libreoffice-calc"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"),
    pytest.mark.slow,
]
#: CSV filter: comma, double quote, UTF-8, raw values (not as shown), every sheet to its own file (-1).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
#: The issue's target: the default scenario, stress tests included, on at most 12 pages.
MAX_DEFAULT_PAGES = 12
SIGNED_ZERO = re.compile(r"(?<![\d.,])[-+\u2212]0\.0+(?!\d)")


def _convert(src: Path, target: str, outdir: Path, profile: Path) -> None:
    outdir.mkdir(exist_ok=True)
    proc = subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                           "--convert-to", target, "--outdir", str(outdir), str(src)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr


def _pages(src: Path, tmp: Path) -> list[str]:
    _convert(src, "pdf", tmp / "pdf", tmp / "profile")
    pdf = tmp / "pdf" / (src.stem + ".pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def _export(scenario, path: Path, paths: int = 200) -> tuple:
    dataset = load_dataset()
    result = evaluate(scenario, dataset=dataset)
    mc = run_monte_carlo(scenario, dataset=dataset, paths=paths)
    write_term_sheet(scenario, path, result=result, monte_carlo=mc, dataset=dataset)
    return result, mc


def _check_clauses_start_on_their_heading_page(pages: list[str], count: int) -> None:
    """Every clause's heading row and its first item on one page; continuation pages say so at the top."""
    term_pages = [p for p in pages if re.search(r"^\s*No\.\s+Item\s+Text\s*$", p, re.M)]
    for n in range(1, count + 1):
        heading = re.compile(rf"^\s*{n}\s+(Agreed|Bracketed|Proposed)\s+\S", re.M)
        first_item = re.compile(rf"^\s*{n}\.1\s+Commitment\b", re.M)
        where = [i for i, p in enumerate(term_pages) if heading.search(p)]
        assert len(where) == 1, f"clause {n}: heading on pages {where}"
        assert first_item.search(term_pages[where[0]]), f"clause {n} does not start on its heading's page"
        for later in term_pages[where[0] + 1:]:
            if re.search(rf"^\s*{n}\.\d+\s", later, re.M):  # the clause goes on: the page says which it is
                assert re.search(rf"Clause {n} \(cont\.\)", later), f"clause {n} continues without a heading"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lo")
    path = tmp / "term sheet.xlsx"
    result, mc = _export(default_scenario(), path)
    return tmp, path, result, mc, _pages(path, tmp)


def test_default_prints_on_few_landscape_pages_each_clause_whole(exported):
    tmp, path, _, _, pages = exported
    info = subprocess.run(["pdfinfo", str(tmp / "pdf" / "term sheet.pdf")], capture_output=True, text=True).stdout
    width, height = (float(x) for x in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width > height  # landscape
    assert len(pages) <= MAX_DEFAULT_PAGES, f"{len(pages)} pages"
    # each sheet on the pages it needs (named in each page's footer): the term sheet's definitions, seven clauses,
    # final provisions and signatures on 4, the three stress tests on 1
    per_sheet = Counter(next(name for name, _ in SHEETS if name in p.strip().splitlines()[-1]) for p in pages)
    assert per_sheet["Term sheet"] <= 4 and per_sheet["Stress tests"] == 1, per_sheet
    for n, page in enumerate(pages, start=1):
        assert "DRAFT" in page and f"Page {n} of {len(pages)}" in page  # header/footer on every page
        assert not SIGNED_ZERO.search(page), SIGNED_ZERO.search(page).group(0)
    _check_clauses_start_on_their_heading_page(pages, len(default_scenario().document.clauses))
    term_pages = [p for p in pages if "Term sheet" in p.splitlines()[-1] or re.search(r"\d+\.1\s+Commitment", p)]
    assert term_pages and all(re.search(r"No\.\s+Item\s+Text", p) for p in term_pages)  # headers on each page
    everything = "\n".join(pages)
    for expected in ("Final provisions", "For the United States", "Dispute settlement", "Rev. 1",
                     "[Alt 1: USD 17,000/t (JP)] [Alt 2: USD 18,500/t (EU)]", "EU reserves its position",
                     "Data sources (annex)", "[1]"):
        assert expected in everything, expected
    fiscal = next(p for p in pages if "Fiscal cost per partner" in p and "Code" in p)
    assert "Net fiscal cost," in fiscal and "P95 annual cost" in fiscal  # first and last column on one page
    assert "USD " in fiscal and " m" in fiscal
    # the price table's money columns are wide enough for their figures
    assert "###" not in everything


def test_two_hundred_clauses_stay_readable(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_export import many_clauses

    path = tmp_path / "many.xlsx"
    _export(many_clauses(200), path)
    pages = _pages(path, tmp_path)
    _check_clauses_start_on_their_heading_page(pages, 200)
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in page
    assert len(pages) < 200  # several clauses a page, not a page each


def test_a_clause_longer_than_a_page_continues_under_its_number(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_export import many_clauses

    data = many_clauses(7, partners=50).to_data()
    codes = [p["code"] for p in data["document"]["partners"]]
    long = data["document"]["clauses"][4]  # the cobalt stockpile: parties, sources, fixed shares and reservations
    long.update(parties=codes, sources=codes, text_note=("A very long explanatory note. " * 66)[:2000],
                cost_sharing={"rule": "fixed", "shares": {c: 1 / len(codes) for c in codes}},
                reserved_by=codes[1:])  # all name 50 partners: longer than a page
    from workbench.document import Scenario
    path = tmp_path / "long.xlsx"
    _export(Scenario.from_data(data), path, paths=20)
    pages = _pages(path, tmp_path)
    assert any(re.search(r"Clause 5 \(cont\.\)", p) for p in pages)
    _check_clauses_start_on_their_heading_page(pages, 7)


def test_csv_shows_the_same_numbers(exported):
    tmp, path, result, mc, _ = exported
    _convert(path, CSV_FILTER, tmp / "csv", tmp / "profile")
    files = {p.name for p in (tmp / "csv").iterdir()}
    assert {f"term sheet-{name}.csv" for name, _ in SHEETS} <= files
    with open(tmp / "csv" / "term sheet-Fiscal cost.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    start = next(i for i, r in enumerate(rows) if r[:2] == ["Code", "Partner"])
    table = {r[0]: r for r in rows[start + 1: start + 1 + len(result.regions)]}
    assert list(table) == list(result.regions)
    pt, summary = result.partner_table, mc.summary
    heads = {name: head for name, head, _ in FISCAL_COLUMNS + MC_COLUMNS}
    col = {name: rows[start].index(head) for name, head in heads.items()}  # by header, not by position
    for region, row in table.items():
        assert float(row[col["fiscal_cost_pv_usd"]]) == pytest.approx(pt.at[region, "fiscal_cost_pv_usd"], rel=1e-12,
                                                                      abs=1e-6)
        assert float(row[col["fiscal_cost_avg_usd"]]) == pytest.approx(pt.at[region, "fiscal_cost_avg_usd"],
                                                                       rel=1e-12, abs=1e-6)
        assert float(row[col["stock_value_pv_usd"]]) == pytest.approx(pt.at[region, "stock_value_pv_usd"],
                                                                      rel=1e-12, abs=1e-6)
        assert float(row[col["p95_pv_usd"]]) == pytest.approx(summary.at[region, "p95_pv_usd"], rel=1e-12, abs=1e-6)
    with open(tmp / "csv" / "term sheet-Term sheet.csv", encoding="utf-8", newline="") as fh:
        text = fh.read()
    assert "strike price of [Alt 1: USD 17,000/t (JP)] [Alt 2: USD 18,500/t (EU)]" in text


def test_stress_sheet_prints_whole_blocks_with_their_headers(exported):
    """The Stress tests sheet as LibreOffice prints it: every test's heading on a page with its column headers and
    all its partners; nothing cut at the right edge (the last column's header is on the page)."""
    *_, pages = exported
    stress_pages = [p for p in pages if "Stress tests" in p.splitlines()[-1]]
    assert stress_pages and "Stress tests: what the agreement buys" in stress_pages[0]
    titles = [t.title for t in default_scenario().document.stress_tests]
    for n, title in enumerate(titles, start=1):
        page = next(p for p in stress_pages if f"{n}. {title[:40]}" in p)
        assert "Security value PV" in page and "Rest of world (ROW)" in page
        assert page.count("Rest of world (ROW)") == sum(f"{k}. " in page for k in range(1, len(titles) + 1))
