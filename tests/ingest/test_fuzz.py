"""Property-based tests: the table parser, the unit splitter and the question parser never crash on
random or mutated input, and every record keeps a source span inside the document."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.structure import parse_document
from ingest.types import DocumentMeta, Line, SourceDocument
from ingest.units import split_units
from rag.question import QuestionParser
from tests.conftest import CORPUS

SAMPLE = (CORPUS / "wenzhou_jwjt_plan.txt").read_text(encoding="utf-8").splitlines()[85:140] + \
    (CORPUS / "taizhou_jwjt_pilot_draft.txt").read_text(encoding="utf-8").splitlines()[108:130] + \
    (CORPUS / "zhejiang_jwjt_innovation_draft.txt").read_text(encoding="utf-8").splitlines()[558:620]
PIECES = st.sampled_from(SAMPLE + ["\t", "序号\t指标目标\t牵头单位\t参与单位", "注：上表中未注明的，完成时限均为2025年。",
                                   "一级指标 二级指标 权重", "①PM2.5浓度 0.2 省生态", "— 12 —", ""])
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)


def doc_of(lines: list[str]) -> SourceDocument:
    meta = DocumentMeta(id="fz", title="T", file="t.txt", level="市")
    return SourceDocument(meta, tuple(Line(i + 1, t) for i, t in enumerate(lines)), "sha", "txt")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, TEXT), max_size=60))
def test_parser_never_crashes_and_records_have_spans(lines):
    doc = doc_of(lines)
    parsed = parse_document(doc)
    for r in parsed.records:
        assert r.span is not None and 1 <= r.span.start_line <= r.span.end_line <= len(lines)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(SAMPLE), min_size=5, max_size=50), st.randoms(use_true_random=False))
def test_mutated_real_tables(lines, rnd):
    lines = list(lines)
    for _ in range(rnd.randint(0, 5)):  # drop, duplicate or split lines
        i = rnd.randrange(len(lines))
        op = rnd.choice(["drop", "dup", "split"])
        if op == "drop" and len(lines) > 1:
            lines.pop(i)
        elif op == "dup":
            lines.insert(i, lines[i])
        else:
            k = rnd.randrange(len(lines[i]) + 1)
            lines[i:i + 1] = [lines[i][:k], lines[i][k:]]
    for r in parse_document(doc_of(lines)).records:
        assert r.span and 1 <= r.span.start_line <= r.span.end_line <= len(lines)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_unit_splitter_never_crashes(cell):
    units, note, shared = split_units(cell)
    assert isinstance(units, list) and isinstance(note, str) and isinstance(shared, bool)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.lists(TEXT, max_size=3))
def test_question_parser_never_crashes(q, history):
    qp = QuestionParser([DocumentMeta(id="w", title="温州市方案", file="w.txt", level="市", region="温州市")],
                        {"市生态环境局": "市生态环境局"}, ["目标清单"])
    out = qp.run(q, history=history)
    from rag.types import INTENTS

    assert set(out.intents) <= set(INTENTS) and len(set(out.intents)) == len(out.intents)
    assert set(out.doc_ids) <= {"w"} and set(out.units) <= {"市生态环境局"}
    said = q + "".join(history)
    assert all(ch in said for ch in out.content)  # item words come from what was asked, nothing invented
