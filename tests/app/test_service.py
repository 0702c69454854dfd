import pytest

from app.service import AdminError, Service, UploadError, safe_upload_name, sniff_type


@pytest.mark.parametrize("name,expect", [
    ("方案.txt", "方案.txt"), ("../../etc/passwd.txt", "passwd.txt"), ("..\\..\\win.PDF", "win.pdf"),
    ("a b;rm -rf.txt", "a_b_rm_-rf.txt"),
])
def test_upload_names_stay_in_the_upload_folder(name, expect):
    assert safe_upload_name(name) == expect


@pytest.mark.parametrize("name", ["", "..", "x.exe", ".txt", "noext", "a/b/"])
def test_bad_upload_names(name):
    with pytest.raises(UploadError):
        safe_upload_name(name)


def test_content_is_checked_not_only_the_extension():
    with pytest.raises(UploadError):
        sniff_type(b"MZ\x90\x00binary", ".txt")
    with pytest.raises(UploadError):
        sniff_type(b"<html>", ".pdf")
    sniff_type(b"%PDF-1.7\n", ".pdf")


def test_admin_is_off_without_a_token_and_compares_exactly(corpus_index, qa):
    off = Service(corpus_index, qa=qa)
    with pytest.raises(AdminError, match="disabled"):
        off.check_admin("anything")
    on = Service(corpus_index.with_(admin_token="tok"), qa=qa)
    on.check_admin("tok")
    for bad in (None, "", "tok ", "TOK"):
        with pytest.raises(AdminError):
            on.check_admin(bad)


def test_department_aliases_resolve(corpus_index, qa):
    svc = Service(corpus_index, qa=qa)
    assert svc.resolve_department("省建设厅") == svc.resolve_department("省住房和城乡建设厅") != []
    rows = svc.records(department="市综合执法局")
    assert rows and all(r["role"] in ("牵头", "参与") for r in rows)
    from app.exports import to_csv_bytes

    assert to_csv_bytes(rows[:2]).decode("utf-8").startswith("\ufeff文件编号,文件,")


def test_feedback_and_index_survive_a_restart(corpus_index, tmp_path):
    from app.feedback import FeedbackStore
    from rag.resources import Resources
    from tests.conftest import FakeEmbedder

    path = tmp_path / "fb.sqlite"
    FeedbackStore(path).add("秸秆那条谁牵头？", "省农业农村厅", "correct", "好")
    assert [r["verdict"] for r in FeedbackStore(path).all()] == ["correct"]  # a new process sees it
    again = Resources.load(corpus_index, embedder=FakeEmbedder())  # reopening the index needs no ingest
    assert len(again.docs) == 5 and again.bm25 is not None and again.vectors is not None
