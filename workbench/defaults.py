"""The built-in default scenario and access to the files shipped in ``resources/``."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the document model (pydantic) is imported with the first scenario, not with the resources
    from workbench.document import Scenario

DEFAULT_SCENARIO = ("scenarios", "default.cmws")


def resource(*parts: str) -> Traversable:
    """A file or folder shipped in ``resources/`` (installed as the package ``workbench.resources``)."""
    node = resources.files("workbench.resources")
    for part in parts:
        node = node.joinpath(part)
    return node


def default_scenario() -> Scenario:
    """The built-in default scenario (the trilateral zone plus the US-Mexico action plan), freshly read."""
    from workbench.files import loads_scenario

    return loads_scenario(resource(*DEFAULT_SCENARIO).read_bytes(), source="built-in default scenario").scenario
