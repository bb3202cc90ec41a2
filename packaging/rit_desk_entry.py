"""The frozen bundle's entry point: the same ``rit-desk`` command as the installed script."""

import multiprocessing
import sys

from ui.cli.main import main

if __name__ == "__main__":
    # a spawned process of the bundle (reports.batch renders PDFs in spawned processes)
    # runs its task, not the command line: PyInstaller's bundles need this first
    multiprocessing.freeze_support()
    sys.exit(main())
