import pytest

from ingest.types import Record, Span
from rag.retrievers import FusionRetriever, Idf, RecordRetriever, StaticRetriever, bigrams, canonical, coverage
from rag.types import Query


def rec(no, text, doc="d", lst="目标清单", kind="list"):
    return Record(doc_id=doc, list_name=lst, item_no=no, item_no_assigned=False, text=text, kind=kind,
                  span=Span(doc, 1, 1))


RECORDS = [rec("1", "一般工业固体废物综合利用率达到98%以上。"), rec("2", "建筑垃圾综合利用率达到90%以上。"),
           rec("3", "推进减污降碳协同创新。"), rec("1", "修复河湖生态缓冲带1000公里。", lst="任务清单")]


@pytest.fixture
def rr():
    return RecordRetriever(RECORDS, {r.id: f"c{i}" for i, r in enumerate(RECORDS)})


def test_abbreviations_are_canonical_before_matching():
    assert canonical("固废") == "固体废物"
    assert coverage("一般工业固废综合利用率", RECORDS[0].text) == 1.0


def test_record_lookup_by_paraphrase(rr):
    hits = rr.retrieve(Query("q", content="一般工业固废综合利用率"))
    assert hits[0].chunk_id == "c0"


def test_record_lookup_by_list_and_number(rr):
    hits = rr.retrieve(Query("q", list_name="任务清单", item_no="1"))
    assert [h.chunk_id for h in hits] == ["c3"]


def test_generic_words_weigh_less_than_specific_ones():
    others = [bigrams(f"减污降碳试点{i}号") for i in range(30)]
    idf = Idf([bigrams(r.text) for r in RECORDS] + others)
    assert idf.generic("减污降碳")
    assert not idf.generic("建筑垃圾")
    assert idf.coverage("建筑垃圾减污降碳", RECORDS[1].text) > 0.6


def test_reciprocal_rank_fusion_prefers_agreement():
    fused = FusionRetriever([StaticRetriever("a", ["x", "y", "z"]), StaticRetriever("b", ["y", "x"]),
                             StaticRetriever("c", ["y"])]).retrieve(Query("q"))
    assert [h.chunk_id for h in fused] == ["y", "x", "z"]
    with pytest.raises(ValueError):
        FusionRetriever([])
    with pytest.raises(ValueError):
        FusionRetriever([StaticRetriever("a", [])], weights=[1, 2])
