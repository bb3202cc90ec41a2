"""The company logo: which files may be one (read from their first bytes, no image library).

A logo is a PNG or a JPEG of at most :data:`MAX_BYTES` and :data:`MAX_SIDE` pixels a
side: the renderer decodes it whole for every document, so a huge image would slow
every quote down (or exhaust memory). Whether its pixels decode is the renderer's to
say (``reports.assets.logo_reader`` raises :class:`LogoUnusable`).
"""

from __future__ import annotations

import struct
from pathlib import Path

from app.domain.errors import Phrase, ValidationError, phrase

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 4000
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8"
#: JPEG start-of-frame markers (every SOFn but DHT, JPG and DAC)
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


class LogoUnusable(ValidationError):
    """The company logo cannot be drawn (missing, not an image, too big, broken)."""

    @classmethod
    def because(cls, path: str, reason: Phrase | str) -> LogoUnusable:
        return LogoUnusable.of("the company logo {path} cannot be used: {reason}", path=path,
                               reason=reason)


def undecodable(path: str, detail: str) -> LogoUnusable:
    """The error of a logo whose bytes looked right but whose pixels do not decode."""
    return LogoUnusable.because(path, phrase("the image does not decode ({detail})",
                                             detail=detail))


def image_size(data: bytes) -> tuple[str, int, int] | None:
    """(``"png"`` or ``"jpeg"``, width, height) read from the file's bytes, or None."""
    if data.startswith(_PNG) and data[12:16] == b"IHDR" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return "png", width, height
    if not data.startswith(_JPEG):
        return None
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # padding
            at += 1
            continue
        (length,) = struct.unpack(">H", data[at + 2:at + 4])
        if marker in _SOF and at + 9 <= len(data):
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return "jpeg", width, height
        if length < 2:
            return None
        at += 2 + length
    return None


def check_logo(path: str) -> None:
    """Raise :class:`LogoUnusable` unless ``path`` is a PNG or JPEG a logo may be."""
    file = Path(path)
    if not file.is_absolute():
        raise LogoUnusable.because(path, phrase("give the full path of the file"))
    try:
        if not file.is_file():
            raise LogoUnusable.because(path, phrase("there is no such file"))
        if file.stat().st_size > MAX_BYTES:
            raise LogoUnusable.because(path, phrase("it is larger than 2 MB"))
        data = file.read_bytes()
    except OSError as exc:
        raise LogoUnusable.because(path, exc.strerror or type(exc).__name__) from None
    found = image_size(data)
    if found is None:
        raise LogoUnusable.because(path, phrase("it is not a PNG or JPEG image"))
    _, width, height = found
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        raise LogoUnusable.because(path, phrase(
            "it is {width} x {height} pixels; at most {side} a side", width=width,
            height=height, side=MAX_SIDE))
