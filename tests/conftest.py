"""Shared test setup: offscreen Qt and the tests folder on the import path (for strategies)."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))
