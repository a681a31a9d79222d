"""The term sheet in LibreOffice headless: it opens, prints to PDF fitting the page, and shows the same numbers."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
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
    pytest.mark.slow,
]
#: CSV filter: comma, double quote, UTF-8, raw values (not as shown), every sheet to its own file (-1).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def _convert(src: Path, target: str, outdir: Path, profile: Path) -> None:
    outdir.mkdir(exist_ok=True)
    proc = subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                           "--convert-to", target, "--outdir", str(outdir), str(src)],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lo")
    s = default_scenario()
    dataset = load_dataset()
    result = evaluate(s, dataset=dataset)
    mc = run_monte_carlo(s, dataset=dataset, paths=200)
    path = tmp / "term sheet.xlsx"
    write_term_sheet(s, path, result=result, monte_carlo=mc, dataset=dataset)
    return tmp, path, result, mc


def test_pdf_print_is_landscape_fits_the_width_and_carries_the_marking(exported):
    tmp, path, _, _ = exported
    _convert(path, "pdf", tmp / "pdf", tmp / "profile")
    pdf = tmp / "pdf" / "term sheet.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout \
        if shutil.which("pdfinfo") else ""
    if info:
        width, height = (float(x) for x in info.split("Page size:")[1].split("pts")[0].split(" x "))
        assert width > height  # landscape
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed: cannot read the PDF's pages")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) >= len(SHEETS)
    for n, page in enumerate(pages, start=1):
        assert "DRAFT" in page and f"Page {n} of {len(pages)}" in page  # header/footer on every page
    term_pages = [p for p in pages if "Legal text" in p]
    assert term_pages
    for page in term_pages:  # fitted to the width: the repeated header row shows all four columns on each page
        assert all(head in page for head in ("No.", "Item", "Text", "Status"))
    source_pages = [p for p in pages if "Vintage" in p]
    assert source_pages
    for page in source_pages:  # the widest sheet: its whole header row on every page, no column cut off
        assert re.search(r"Mineral\s+Item\s+Value\s+Unit\s+Source\s+Vintage\s+Confidence\s+Low\s+High\s+Note", page)
    fiscal = next(p for p in pages if "Fiscal cost per partner" in p and "Code" in p)
    assert "Net fiscal cost," in fiscal and "P95 annual cost" in fiscal  # first and last column on one page
    assert "USD " in fiscal and " m" in fiscal


def test_csv_shows_the_same_numbers(exported):
    tmp, path, result, mc = exported
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
    assert "Strike price USD [17,000][18,500]/t" in text
