"""Text for message boxes that Qt must never read as HTML (it guesses rich text from a tag on the first line)."""

from __future__ import annotations

from PySide6.QtGui import Qt


def as_plain_text(text: str) -> str:
    """``text`` unchanged when Qt would show it as plain text, else escaped so the box shows it literally.

    QMessageBox's static functions use Qt's automatic format: a first line holding something like ``<b>`` or
    ``<img src=...>`` from a received file would be rendered as HTML (a spoofed "verified" in large type, an image).
    """
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre) if Qt.mightBeRichText(text) else text
