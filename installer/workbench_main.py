"""PyInstaller entry script: runs the desktop workbench exactly as the `workbench` gui-script does."""

import sys

from workbench.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
