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
