"""The frozen bundle's entry point: the same ``rit-desk`` command as the installed script."""

import sys

from ui.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
