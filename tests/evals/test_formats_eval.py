"""The office renderings (Word .docx, its LibreOffice PDF) parse to the same gold as the .txt."""
import pytest

from evals.fixtures.render import DOCS, OUT as FIXTURES
from evals.formats_eval import score


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("doc_id", DOCS)
def test_rendering_parses_to_the_gold(doc_id, fmt):
    """Lists and index tables alike: the index tables' names, weights, data sources and parents
    (totals such as "(四)环境治理路径协同度(16)") come out of the office PDF as from the .txt."""
    s = score(doc_id, FIXTURES / f"{doc_id}.{fmt}")
    for f in ("rows", "lead", "participants", "deadline", "targets", "name", "weight", "data_source", "parents"):
        if f in s:
            assert s[f] >= 0.98, (doc_id, fmt, f, s[f])


@pytest.mark.parametrize("doc_id", DOCS)
def test_pdf_without_rulings_parses_to_the_gold(doc_id):
    """Tables laid out by alignment only: both list layouts and the two-line index header. The
    Taizhou index table's last two rows are garbled in the source text itself (cells shifted)."""
    s = score(doc_id, FIXTURES / f"{doc_id}-unruled.pdf")
    for f in ("rows", "lead", "participants", "deadline", "targets"):
        if f in s:
            assert s[f] >= 0.95, (doc_id, f, s[f])
    for f in ("name", "weight", "data_source", "parents"):
        assert s[f] >= 0.93, (doc_id, f, s[f])


@pytest.mark.ocr
def test_scanned_list_is_read_by_ocr_to_the_gold():
    from evals.fixtures.render import SCANS, scan_path

    doc_id, list_name, _, _ = SCANS[0]
    s = score(doc_id, scan_path(doc_id), (list_name,))
    for f in ("rows", "lead", "participants", "deadline", "targets"):
        assert s[f] >= 0.95, (f, s[f])


@pytest.mark.ocr
def test_scanned_index_table_is_read_by_ocr():
    """A scanned index table: rows numbered in a 序号 column that is not the first (no wider gaps
    between rows than inside a cell), the two-line header, parents with their totals. What OCR
    misreads (full-width for half-width brackets, a dropped 、) costs some names and sources."""
    from evals.fixtures.render import SCANS, scan_path

    doc_id, list_name, _, _ = SCANS[1]
    s = score(doc_id, scan_path(doc_id), (list_name,))
    for f in ("rows", "weight", "parents"):
        assert s[f] >= 0.95, (f, s[f])
    for f in ("name", "data_source"):
        assert s[f] >= 0.9, (f, s[f])


def test_the_qa_sets_are_answered_the_same_from_the_office_pdf():
    """The province and Taizhou plans ingested as their office PDFs instead of .txt."""
    from evals.formats_eval import qa_on_renderings
    from tests.conftest import FakeEmbedder

    pdf = qa_on_renderings("pdf", FakeEmbedder())
    assert pdf["field_accuracy"] >= 0.99 and pdf["refusal_recall"] == 1.0, pdf
