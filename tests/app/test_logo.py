"""Issue 9, part 2: the company logo is checked when it is set, and a logo that breaks
afterwards never stops a quote from being sent (on SQLite and PostgreSQL, with the real
renderer).

Before, ``settings set company_logo_path`` took a missing file, ``/etc/passwd`` or a PDF,
and from then on every quote send failed with a traceback.
"""

from __future__ import annotations

import io
import logging
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from app.db import models as m
from app.db.database import Database
from app.domain.images import LogoUnusable, image_size
from app.services import quotes, settings
from reports.quote_pdf import render_quote
from tests.app.conftest import World, make_world
from tests.conftest import FakeClock


@pytest.fixture
def rendering(db_url: str, clock: FakeClock) -> Iterator[World]:
    """The small world, with the real quote renderer."""
    db = Database(db_url, clock=clock, renderer=render_quote)
    yield make_world(db)
    db.dispose()


def png(path: Path, size: tuple[int, int] = (300, 100)) -> Path:
    Image.new("RGB", size, (200, 30, 30)).save(path)
    return path


def images_in(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages[0].images)


def logo_setting(world: World) -> str:
    return settings.get_settings(world.db).company.logo_path or ""


def test_a_logo_is_checked_when_it_is_set(rendering: World, tmp_path: Path) -> None:
    noise = tmp_path / "noise.png"  # a real PNG of 3 MB: random pixels do not compress
    Image.frombytes("RGB", (1000, 1000), random.Random(9).randbytes(3_000_000)).save(noise)
    pdf = tmp_path / "logo.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    truncated = tmp_path / "truncated.png"
    truncated.write_bytes(png(tmp_path / "whole.png", (400, 400)).read_bytes()[:60])
    cases = {
        "logo.png": "give the full path",
        str(tmp_path / "nowhere.png"): "there is no such file",
        str(tmp_path): "there is no such file",
        "/etc/passwd": "not a PNG or JPEG image",
        str(pdf): "not a PNG or JPEG image",
        str(noise): "larger than 2 MB",
        str(png(tmp_path / "wide.png", (5000, 10))): "5000 x 10 pixels; at most 4000 a side",
        str(truncated): "does not decode",
    }
    for path, message in cases.items():
        with pytest.raises(LogoUnusable, match=message):
            settings.set_setting(rendering.db, "admin", "company_logo_path", path)
        assert logo_setting(rendering) == ""
    with rendering.db.read() as session:
        assert session.scalars(select(m.AuditEvent.action)).all().count("setting_changed") == 0

    good = png(tmp_path / "good.png")
    jpeg = tmp_path / "good.jpg"
    Image.new("RGB", (120, 80), (0, 90, 200)).save(jpeg, quality=80)
    for path in (str(good), str(jpeg)):
        assert settings.set_setting(rendering.db, "admin", "company_logo_path", path) == path
        assert logo_setting(rendering) == path
    assert settings.set_setting(rendering.db, "admin", "company_logo_path", "") == ""


@pytest.mark.parametrize("breakage", ["deleted", "replaced by text", "truncated", "huge"])
def test_a_logo_broken_after_it_was_set_never_stops_a_quote(
        rendering: World, tmp_path: Path, caplog: pytest.LogCaptureFixture, breakage: str) -> None:
    logo = png(tmp_path / "logo.png")
    settings.set_setting(rendering.db, "admin", "company_logo_path", str(logo))
    number = rendering.request()
    first = quotes.get_quote(rendering.db, rendering.fixed_quote(number))
    assert images_in(quotes.quote_pdf(rendering.db, first.id)) == 1  # the logo is drawn

    whole = logo.read_bytes()
    if breakage == "deleted":
        logo.unlink()
    elif breakage == "replaced by text":
        logo.write_text("root:x:0:0:root:/root:/bin/bash\n")
    elif breakage == "truncated":
        logo.write_bytes(whole[:60])
    else:
        png(logo, (6000, 100))
    second = rendering.request()
    with caplog.at_level(logging.WARNING, logger="app.services.quotes"):
        sent = quotes.get_quote(rendering.db, rendering.fixed_quote(second))
    assert sent.state == "sent"
    pdf = quotes.quote_pdf(rendering.db, sent.id)
    assert pdf.startswith(b"%PDF") and images_in(pdf) == 0  # rendered without the logo
    with rendering.db.read() as session:
        event = session.scalars(select(m.AuditEvent).where(
            m.AuditEvent.action == "quote_sent", m.AuditEvent.request_id == second)).one()
    assert "the company logo" in event.details and "cannot be used" in event.details
    assert any("without the company logo" in r.getMessage() for r in caplog.records)


def test_image_sizes_are_read_from_the_first_bytes(tmp_path: Path) -> None:
    out = io.BytesIO()
    Image.new("RGB", (321, 123)).save(out, "PNG")
    assert image_size(out.getvalue()) == ("png", 321, 123)
    for progressive in (False, True):
        out = io.BytesIO()
        Image.new("RGB", (640, 48)).save(out, "JPEG", progressive=progressive)
        assert image_size(out.getvalue()) == ("jpeg", 640, 48)
    for junk in (b"", b"\x89PNG", b"\xff\xd8\xff", b"GIF89a" + bytes(20), b"\xff\xd8\x00\x00"):
        assert image_size(junk) is None
