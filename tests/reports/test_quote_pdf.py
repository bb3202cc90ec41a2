"""The quote PDF: content in both languages, pages, fonts, metadata, determinism."""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from app.domain.images import LogoUnusable
from reports.quote_pdf import render_quote
from tests.reports.pdf_inspect import all_text, fonts, page_texts, words
from tests.reports.quote_samples import COMPANY, fixed_quote, hourly_quote, line, long_quote

ROOT = Path(__file__).resolve().parents[2]
BASE_14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


@pytest.fixture(scope="module")
def fixed_it() -> bytes:
    return render_quote(fixed_quote("it"))


@pytest.fixture(scope="module")
def hourly_en() -> bytes:
    return render_quote(hourly_quote("en"))


@pytest.fixture(scope="module")
def long_it() -> bytes:
    return render_quote(long_quote("it", 60))


def test_fixed_quote_in_italian_says_everything(fixed_it: bytes) -> None:
    text = all_text(fixed_it)
    expected = [
        # letterhead
        "Nuvola Italia S.p.A.", "Via dell'Industria 12", "P. IVA IT01234567890",
        # quote, revision, dates, validity
        "Preventivo RIT-000123/2", "Revisione 2", "Data emissione 05/03/2026",
        "Richiesta RIT-000123", "Offerta valida fino al 04/04/2026",
        # customer (accents and ampersand as typed)
        "Officine Meccaniche Bellà & Figli", "Codice cliente: C-004217",
        "P. IVA / C.F.: IT09876543210", "Corso d'Italia 221",
        # service, category, subject
        "Cloud Server Pro srv-mi-0042 (Cloud server)", "Installazione certificati SSL",
        "Certificato SSL wildcard e messa in sicurezza HTTPS dell'e-commerce",
        # kind in words
        "A corpo", "prezzo finale omnicomprensivo",
        # lines and totals, money the Italian way
        "redirect HTTP→HTTPS", "450,00 €", "180,00 €", "360,00 €", "1,50", "283,04 €",
        "424,56 €", "Imponibile 1.234,56 €", "IVA 22% 271,60 €", "Totale 1.506,16 €",
        # terms from the service
        "La richiesta di un preventivo è gratuita e non comporta alcun obbligo né costo",
        "addebitato solo a intervento concluso, sul credito prepagato del cliente",
        "procedura di termine del credito",
        "ricarica a copertura dell'importo mancante",
        "Il preventivo può essere accettato entro il 04/04/2026",
        # acceptance, notes, page numbers
        "Accettazione", "Timbro e firma del cliente", "Luogo e data",
        "Intervento programmabile in orario notturno (22:00–06:00) su richiesta.",
        "pagina 1 di 1",
    ]
    missing = [item for item in expected if item not in text]
    assert not missing, f"missing {missing} in:\n{text}"
    # hourly wording and English must not leak into a fixed Italian quote
    for wrong in ("indicativo", "consumo orario", "Quote", "page 1", "BOZZA"):
        assert wrong not in text


def test_hourly_quote_in_english_says_everything(hourly_en: bytes) -> None:
    text = all_text(hourly_en)
    expected = [
        "Quote RIT-004711/1", "Revision 1", "Issue date 1 Dec 2026",
        "Offer valid until 31 Dec 2026", "O'Brien Hosting Ltd", "Customer code: C-000988",
        "Physical-to-Virtual (P2V) / Virtual-to-Virtual (V2V) migration",
        "Hourly (a consumo orario)", "indicative final price",
        "may change while the work is done",
        "Any variation will be communicated to and agreed with the customer",
        "Hourly rate €68.00/hour", "Estimated hours 12.50",
        "Billing increment 15 minutes",
        "estimated hours × hourly rate 12.50 €68.00 €850.00",
        "Indicative net amount €850.00", "VAT 22% €187.00", "Indicative total €1,037.00",
        "Requesting a quote is free of charge and binds the customer to nothing",
        "charged only when the intervention is concluded",
        "against the customer's prepaid credit", "credit-exhaustion procedure",
        "a top-up covering the missing amount restarts the service",
        "The quote can be accepted until 31 Dec 2026", "Acceptance", "page 1 of 1",
    ]
    missing = [item for item in expected if item not in text]
    assert not missing, f"missing {missing} in:\n{text}"
    for wrong in ("all-inclusive", "Preventivo", "pagina", "€ "):
        assert wrong not in text


def test_the_kinds_are_explained_in_both_languages() -> None:
    fixed_en = all_text(render_quote(fixed_quote("en")))
    assert "Fixed price (a corpo)" in fixed_en
    assert "all-inclusive final price" in fixed_en
    assert "Total €1,506.16" in fixed_en
    hourly_it = all_text(render_quote(hourly_quote("it")))
    assert "A consumo orario" in hourly_it
    assert "prezzo finale indicativo" in hourly_it
    assert "Qualsiasi variazione sarà comunicata e concordata con il cliente" in hourly_it
    assert "Tariffa oraria 68,00 €/ora" in hourly_it
    assert "15 minuti" in hourly_it
    assert "Totale indicativo 1.037,00 €" in hourly_it


def test_vat_rate_and_zero_vat_are_printed_as_given() -> None:
    text = all_text(render_quote(fixed_quote("it", vat_rate="10.50")))
    assert "IVA 10,5% 129,63 €" in text
    text = all_text(render_quote(fixed_quote("en", vat_rate="0.00")))
    assert "VAT 0% €0.00" in text
    assert "Total €1,234.56" in text


def test_amounts_are_right_aligned(fixed_it: bytes) -> None:
    """The amount column and the totals end on the same right edge."""
    boxes = words(fixed_it)
    # an amount ends with its "€" (CLDR's Italian "1.234,56 €"): the sign is the edge
    ends = {w.text: boxes[i + 1] for i, w in enumerate(boxes[:-1])}
    assert all(end.text == "€" for end in ends.values() if end.text.startswith("€"))
    amounts = ["450,00", "360,00", "424,56", "1.234,56", "271,60", "1.506,16"]
    right_edges = {a: ends[a].x_max for a in amounts if ends.get(a) and ends[a].text == "€"}
    assert set(right_edges) == set(amounts)
    assert max(right_edges.values()) - min(right_edges.values()) < 0.5, right_edges
    unit_prices = [ends[a].x_max for a in ("283,04", "180,00")]
    assert abs(unit_prices[0] - unit_prices[1]) < 0.5


def test_long_descriptions_wrap_inside_their_column(fixed_it: bytes) -> None:
    boxes = words(fixed_it)
    quantity_left = min(w.x_min for w in boxes if w.text == "1,50")
    description = [w for w in boxes if w.text in ("Plesk", "verifica", "catena")]
    assert description, "the wrapped description lines are missing"
    assert all(w.x_max < quantity_left for w in description)


def test_sixty_lines_span_pages_with_header_and_page_numbers(long_it: bytes) -> None:
    pages = page_texts(long_it)
    count = len(pages)
    assert count >= 2
    for number, page in enumerate(pages, start=1):
        assert f"pagina {number} di {count}" in page
        assert "Nuvola Italia S.p.A." in page  # letterhead on every page
        assert "Preventivo RIT-000123/2" in page  # footer on every page
    table_pages = [page for page in pages if "Attività" in page]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert "Descrizione Quantità Prezzo unitario Importo" in page
    text = all_text(long_it)
    for number in range(1, 61):
        assert text.count(f"Attività {number:02d}:") == 1
    assert "Imponibile 600,00 €" in text
    assert "Totale 732,00 €" in text
    # the totals come after the last line
    assert text.index("Attività 60:") < text.index("Imponibile")


def test_page_numbers_in_english() -> None:
    pages = page_texts(render_quote(long_quote("en", 60)))
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in page


def test_only_embedded_dejavu_fonts(fixed_it: bytes, hourly_en: bytes) -> None:
    for pdf in (fixed_it, hourly_en):
        rows = fonts(pdf)
        assert rows
        for row in rows:
            assert row.embedded, row
            assert "DejaVuSans" in row.name, row
            assert not any(base in row.name for base in BASE_14), row


def test_draft_is_marked_on_every_page() -> None:
    draft = render_quote(replace(long_quote("it", 60), draft=True))
    pages = page_texts(draft)
    assert len(pages) >= 2
    for page in pages:
        assert "BOZZA / DRAFT" in page


def test_final_quote_has_no_draft_mark(fixed_it: bytes) -> None:
    assert "DRAFT" not in all_text(fixed_it)


def test_metadata(fixed_it: bytes, hourly_en: bytes) -> None:
    reader = PdfReader(io.BytesIO(fixed_it))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Preventivo RIT-000123/2"
    assert meta.author == "Nuvola Italia S.p.A."
    assert meta.subject is not None and "RIT-000123" in meta.subject
    assert str(reader.root_object["/Lang"]) == "it-IT"
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    english = PdfReader(io.BytesIO(hourly_en))
    assert english.metadata is not None and english.metadata.title == "Quote RIT-004711/1"
    assert str(english.root_object["/Lang"]) == "en-GB"


def test_pypdf_reads_the_same_text(fixed_it: bytes) -> None:
    text = PdfReader(io.BytesIO(fixed_it)).pages[0].extract_text()
    assert "Preventivo RIT-000123/2" in text
    assert "1.506,16 €" in text


def test_same_document_same_bytes() -> None:
    document = fixed_quote("it")
    first = render_quote(document)
    render_quote(hourly_quote("en", draft=True))  # nothing carries over between renders
    render_quote(long_quote("it", 60))
    assert render_quote(document) == first
    assert render_quote(fixed_quote("it")) == first  # an equal document


def test_same_bytes_in_a_fresh_interpreter(fixed_it: bytes) -> None:
    script = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]\n"
        "from quote_samples import fixed_quote\n"
        "from reports.quote_pdf import render_quote\n"
        "sys.stdout.buffer.write(render_quote(fixed_quote('it')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(ROOT), str(Path(__file__).parent)],
        check=True,
        capture_output=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
    )
    assert result.stdout == fixed_it


def test_different_documents_differ(fixed_it: bytes) -> None:
    assert render_quote(replace(fixed_quote("it"), revision=3)) != fixed_it


def test_markup_in_data_is_printed_literally() -> None:
    customer = replace(fixed_quote("it").customer, name="Rossi <b>& Bianchi</b> S.n.c.")
    document = replace(
        fixed_quote("it", (line("Voce con <i>tag</i> & simboli: 5 < 6 > 4", "1", "1.00"),)),
        customer=customer,
        request_subject="Oggetto con & e <br/>",
        notes="Prima riga\nSeconda riga con <font>",
    )
    text = all_text(render_quote(document))
    assert "Rossi <b>& Bianchi</b> S.n.c." in text
    assert "Voce con <i>tag</i> & simboli: 5 < 6 > 4" in text
    assert "Oggetto con & e <br/>" in text
    assert "Seconda riga con <font>" in text


def test_unknown_category_is_shown_as_is() -> None:
    document = replace(fixed_quote("en"), category="quantum_tuning")
    assert "quantum_tuning" in all_text(render_quote(document))


def test_custom_logo_is_used(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), (200, 30, 30)).save(logo)
    document = replace(fixed_quote("it"), company=replace(COMPANY, logo_path=str(logo)))
    reader = PdfReader(io.BytesIO(render_quote(document)))
    images = reader.pages[0].images
    assert len(images) == 1
    assert images[0].image is not None
    assert images[0].image.size == (300, 100)


def test_missing_custom_logo_is_an_error(tmp_path: Path) -> None:
    company = replace(COMPANY, logo_path=str(tmp_path / "nowhere.png"))
    with pytest.raises(LogoUnusable, match="there is no such file"):
        render_quote(replace(fixed_quote("it"), company=company))


def test_without_a_logo_the_letterhead_starts_at_the_margin(tmp_path: Path) -> None:
    company = replace(COMPANY, logo_path=str(tmp_path / "nowhere.png"), with_logo=False)
    pdf = render_quote(replace(fixed_quote("it"), company=company))
    assert len(PdfReader(io.BytesIO(pdf)).pages[0].images) == 0
    name = next(w for w in words(pdf) if w.text == COMPANY.name.split()[0])
    assert name.x_min < 18 * 72 / 25.4 + 2  # at the left margin, where the logo was


def test_long_company_and_customer_data_still_fit() -> None:
    company = replace(
        COMPANY,
        name="Nuvola Italia Servizi Cloud e Infrastrutture Digitali S.p.A. Società Benefit",
        address_lines=("Via dell'Industria 12", "Zona Industriale San Zeno", "52100 Arezzo",
                       "Italia", "Casella postale 44"),
    )
    document = replace(fixed_quote("it"), company=company)
    text = all_text(render_quote(document))
    assert "Casella postale 44" in text
    boxes = words(render_quote(document))
    page_width = 595.28
    assert all(w.x_max <= page_width - 18 * 72 / 25.4 + 0.5 for w in boxes), "text past margin"


def test_a_description_longer_than_a_page_continues_on_the_next() -> None:
    description = "parola " * 1500 + "https://example.com/" + "x" * 300
    pdf = render_quote(fixed_quote("it", (line(description, "1", "10.00"),)))
    pages = page_texts(pdf)
    assert len(pages) >= 3
    text = all_text(pdf)
    assert text.count("parola") == 1500
    assert "Totale 12,20 €" in text


def test_rows_that_fit_are_not_split_across_pages() -> None:
    long_text = (": configurazione componente con analisi dei log, verifica delle dipendenze, "
                 "test di regressione e documentazione delle modifiche effettuate")
    for count in (17, 23, 29):
        items = tuple(line(f"Voce {n:02d}{long_text}", "1", "10.00") for n in range(count))
        pages = page_texts(render_quote(fixed_quote("it", items)))
        assert len(pages) >= 2
        for page in pages[1:]:
            _, header, after_header = page.partition("Importo")
            if not header:  # a page after the table
                continue
            rows = [row for row in after_header.splitlines() if row.strip()]
            assert rows[0].lstrip().startswith(("Voce", "Imponibile")), rows[0]
