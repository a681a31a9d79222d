"""The xlsx package: document properties naming the delegation (never a user or the library), atomic save."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook

from workbench.export.cells import clean
from workbench.files.atomic import atomic_write_bytes

APPLICATION = "Critical-minerals negotiation workbench"
APP_XML_PART = "docProps/app.xml"


def app_xml(company: str) -> bytes:
    """Extended properties naming the workbench as the application and the delegation as the company."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>{escape(APPLICATION)}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        f"<Company>{escape(company)}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode("utf-8")


def set_properties(wb: Workbook, *, delegation: str, title: str, subject: str) -> None:
    """Core properties: the delegation as author, the scenario title; no user name, no library name."""
    p = wb.properties
    who = f"{delegation} delegation"
    p.creator = who
    p.lastModifiedBy = who
    p.title = clean(title)          # at most 200 characters (the scenario's limit), within Excel's 255
    p.subject = clean(subject)
    p.description = None
    p.keywords = None
    now = datetime.now(timezone.utc).replace(tzinfo=None)   # written to the second (W3CDTF)
    p.created = now
    p.modified = now


def save_workbook(wb: Workbook, path: Path, *, delegation: str) -> int:
    """Save ``wb`` to ``path`` atomically with our own app.xml; returns the size in bytes."""
    buf = io.BytesIO()
    wb.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = app_xml(f"{delegation} delegation") if info.filename == APP_XML_PART else src.read(info)
            dst.writestr(info, data)
    payload = out.getvalue()
    atomic_write_bytes(Path(path), payload, keep_backup=False)
    return len(payload)
