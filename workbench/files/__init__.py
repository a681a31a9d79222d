"""Scenario files: the JSON format, atomic saves with a backup, and migrations from older schemas."""

from workbench.files.errors import FileFormatError, NewerVersionError, SaveError
from workbench.files.scenario_file import (
    CURRENT_SCHEMA,
    FILE_EXTENSION,
    FORMAT_ID,
    MAX_FILE_BYTES,
    LoadedScenario,
    document_hash,
    dumps_scenario,
    load_scenario,
    loads_scenario,
    save_scenario,
)

__all__ = [
    "CURRENT_SCHEMA", "FILE_EXTENSION", "FORMAT_ID", "FileFormatError", "LoadedScenario", "MAX_FILE_BYTES",
    "NewerVersionError", "SaveError", "document_hash", "dumps_scenario", "load_scenario", "loads_scenario",
    "save_scenario",
]
