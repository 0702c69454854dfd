"""The office renderings (Word .docx, its LibreOffice PDF) parse to the same gold as the .txt."""
import pytest

from evals.fixtures.render import DOCS, OUT as FIXTURES
from evals.formats_eval import score


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("doc_id", DOCS)
def test_rendering_parses_to_the_gold(doc_id, fmt):
    s = score(doc_id, FIXTURES / f"{doc_id}.{fmt}")
    for f in ("rows", "lead", "participants", "deadline", "targets"):
        if f in s:
            assert s[f] >= 0.98, (doc_id, fmt, f, s[f])


@pytest.mark.ocr
def test_scanned_list_is_read_by_ocr_to_the_gold():
    from evals.fixtures.render import SCAN

    doc_id, list_name, _ = SCAN
    s = score(doc_id, FIXTURES / f"{doc_id}-scan.pdf", (list_name,))
    for f in ("rows", "lead", "participants", "deadline", "targets"):
        assert s[f] >= 0.95, (f, s[f])


def test_the_qa_sets_are_answered_the_same_from_the_office_pdf():
    """The province and Taizhou plans ingested as their office PDFs instead of .txt."""
    from evals.formats_eval import qa_on_renderings
    from tests.conftest import FakeEmbedder

    pdf = qa_on_renderings("pdf", FakeEmbedder())
    assert pdf["field_accuracy"] >= 0.99 and pdf["refusal_recall"] == 1.0, pdf
