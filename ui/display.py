"""Whether the desktop app can open a window here (checked before Qt is loaded)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

NO_DISPLAY = ("rit-desk: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
              "not set): run it in a desktop session or a virtual display "
              "(xvfb-run rit-desk), or save the window as an image with "
              "'rit-desk --screenshot FILE.png'")


def no_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True on Linux without an X or Wayland display and without a Qt platform chosen
    (QT_QPA_PLATFORM): Qt would abort there with a message about its xcb plugin."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return False
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))
