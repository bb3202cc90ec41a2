"""Validation of FatturaPA files: the official XML schema, then the SDI's own checks.

The schema files ship in ``resources/fatturapa/`` unmodified (``Schema_del_file_xml_
FatturaPA_v1.2.3.xsd`` of the Agenzia delle Entrate and the W3C ``xmldsig-core-schema.xsd``
it imports, as bundled by the OCA ``l10n_it_account`` package on PyPI); the import's
remote location is pointed at the local copy when the schema is loaded, so validation
never touches the network. Loaded once per process (about 50 ms).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from lxml import etree

import resources

__all__ = ["SCHEMA_FILE", "FatturaPAError", "latin", "validate_fatturapa"]

SCHEMA_DIR = Path(resources.__file__).resolve().parent / "fatturapa"
SCHEMA_FILE = SCHEMA_DIR / "Schema_del_file_xml_FatturaPA_v1.2.3.xsd"
XMLDSIG_FILE = SCHEMA_DIR / "xmldsig-core-schema.xsd"
XMLDSIG_REMOTE = "http://www.w3.org/TR/2002/REC-xmldsig-core-20020212/xmldsig-core-schema.xsd"

_NS_IN_MESSAGE = re.compile(r"\{[^}]*\}")


class FatturaPAError(ValueError):
    """A FatturaPA file that may not be stored or sent: ``problems`` lists each fault."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        listed = "\n".join(f"- {problem}" for problem in problems)
        super().__init__(f"The FatturaPA XML is not valid ({len(problems)} "
                         f"problem{'s' if len(problems) != 1 else ''}):\n{listed}")


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    text = SCHEMA_FILE.read_bytes()
    if XMLDSIG_REMOTE.encode() not in text:
        raise RuntimeError(f"{SCHEMA_FILE.name} no longer imports {XMLDSIG_REMOTE}")
    text = text.replace(XMLDSIG_REMOTE.encode(), XMLDSIG_FILE.as_uri().encode())
    parser = etree.XMLParser(no_network=True)
    document = etree.fromstring(text, parser, base_url=SCHEMA_FILE.as_uri())
    return etree.XMLSchema(etree.ElementTree(document))


def validate_fatturapa(xml: bytes) -> None:
    """Raise :class:`FatturaPAError` listing every fault of ``xml``: not well-formed, not
    valid against the official schema, or against the SDI's checks of the summary (the
    nature where and only where the rate is 0, its legal reference, the taxable amount of
    each rate and nature equal to its lines' total, the VAT of each summary row equal to
    its rate of the taxable amount, the document's total)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise FatturaPAError([f"not well-formed XML: {exc}"]) from None
    schema = _schema()
    if not schema.validate(root):
        # lxml-stubs declare the error log opaque; it is a sequence of _LogEntry
        entries: Iterable[etree._LogEntry] = schema.error_log  # type: ignore[assignment]
        raise FatturaPAError([_schema_message(entry) for entry in entries])
    problems = _sdi_checks(root)
    if problems:
        raise FatturaPAError(problems)


def _schema_message(error: etree._LogEntry) -> str:
    message = _NS_IN_MESSAGE.sub("", error.message)
    return f"line {error.line}: {message}"


# ------------------------------------------------------------------ the SDI's rules


def _sdi_checks(root: etree._Element) -> list[str]:
    problems: list[str] = []
    for body_no, body in enumerate(root.iterfind("FatturaElettronicaBody"), start=1):
        where = f"body {body_no}: "
        lines: dict[tuple[Decimal, str], Decimal] = {}
        for line in body.iterfind("DatiBeniServizi/DettaglioLinee"):
            number = line.findtext("NumeroLinea", "?")
            rate, nature = _decimal(line.findtext("AliquotaIVA")), line.findtext("Natura", "")
            problems += _nature_problems(rate, nature, f"{where}line {number}")
            key = (rate, nature)
            lines[key] = lines.get(key, Decimal(0)) + _decimal(line.findtext("PrezzoTotale"))
        total = Decimal(0)
        summarised: set[tuple[Decimal, str]] = set()
        for row in body.iterfind("DatiBeniServizi/DatiRiepilogo"):
            rate, nature = _decimal(row.findtext("AliquotaIVA")), row.findtext("Natura", "")
            taxable = _decimal(row.findtext("ImponibileImporto"))
            vat = _decimal(row.findtext("Imposta"))
            label = f"{where}summary at {rate} %{' ' + nature if nature else ''}"
            problems += _nature_problems(rate, nature, label)
            if nature and not row.findtext("RiferimentoNormativo", "").strip():
                problems.append(f"{label}: RiferimentoNormativo (the law of nature "
                                f"{nature}) is missing")
            summarised.add((rate, nature))
            lines_total = lines.get((rate, nature), Decimal(0))
            if abs(lines_total.quantize(Decimal("0.01"), ROUND_HALF_UP) - taxable) > Decimal("0.01"):
                problems.append(f"{label}: ImponibileImporto {taxable} is not the total of "
                                f"its lines, {lines_total}")
            expected = (taxable * rate / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
            if abs(expected - vat) > Decimal("0.01"):
                problems.append(f"{label}: Imposta {vat} is not {rate} % of {taxable} "
                                f"({expected})")
            total += taxable + vat
        for rate, nature in sorted(set(lines) - summarised):
            problems.append(f"{where}lines at {rate} %{' ' + nature if nature else ''} "
                            "have no summary row (DatiRiepilogo)")
        stated = body.findtext("DatiGenerali/DatiGeneraliDocumento/ImportoTotaleDocumento")
        if stated is not None and _decimal(stated) != total:
            problems.append(f"{where}ImportoTotaleDocumento {stated} is not the total of the "
                            f"summary, {total}")
    return problems


def _nature_problems(rate: Decimal, nature: str, label: str) -> list[str]:
    if rate == 0 and not nature:
        return [f"{label}: VAT at 0 % needs its nature (Natura N1 ... N7)"]
    if rate != 0 and nature:
        return [f"{label}: nature {nature} is only for VAT at 0 %, not {rate} %"]
    return []


def _decimal(value: str | None) -> Decimal:
    try:
        return Decimal(value or "0")
    except InvalidOperation:
        return Decimal(0)


# --------------------------------------------------------------------- the text


#: typographic characters outside Latin-1 and their plain equivalents
_PLAIN = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"',
    "–": "-", "—": "-", "‒": "-", "−": "-", "…": "...", "€": "EUR", "•": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Œ": "OE", "œ": "oe", "ı": "i",
})


def latin(value: str, limit: int | None = None) -> str:
    """``value`` as the schema's "Latin" strings want it: Basic Latin and Latin-1 only
    (typographic quotes, dashes and the euro sign made plain, other letters without their
    accents where Latin-1 has no such letter, anything else ``?``), spaces collapsed, cut
    to ``limit`` characters."""
    text = " ".join(unicodedata.normalize("NFC", value).translate(_PLAIN).split())
    out = []
    for char in text:
        if ord(char) <= 0xFF:
            out.append(char)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if ord(c) <= 0xFF
                       and not unicodedata.combining(c))
        out.append(base or "?")
    plain = "".join(out)
    return plain if limit is None else plain[:limit].rstrip()
