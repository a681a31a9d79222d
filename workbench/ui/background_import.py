"""Importing heavy modules in a background thread so the window keeps answering input meanwhile."""

from __future__ import annotations

import importlib
import threading


def import_in_background(modules: tuple[str, ...], thread_name: str) -> threading.Event:
    """Start a thread importing ``modules`` in order; the returned event is set when it ends.

    If an import fails the event is still set: the code that needs the module meets the error again on its own import.
    """
    done = threading.Event()

    def run() -> None:
        try:
            for name in modules:
                importlib.import_module(name)
        finally:
            done.set()

    threading.Thread(target=run, name=thread_name, daemon=True).start()
    return done
