import pytest

from ingest.types import Record, Span
from ingest.vocab import WHOLE_AREA
from rag.retrievers import (FusionRetriever, Idf, RecordRetriever, across_parts, bigrams, canonical, common_run, coverage,
                            flat)
from rag.types import Query
from tests.conftest import StaticRetriever


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
    # "医化" is the usual short form of 医药化工 (tz-pilot:43 writes "头门港医化园区"): either wording matches
    assert canonical("医化行业") == canonical("医药化工行业") == "医药化工行业"
    # "公交" is the usual short form of 公共交通 (gz:964 writes "公交分担率", the indicator table "公共交通出行分担率")
    assert coverage("公交分担率", "公共交通出行分担率") > coverage("公交分担率", "公路分担率")
    assert canonical("公交车") == canonical("公共交通车")  # both sides alike: 公交车 still matches 公交车
    # "带动" is written for 推动 ("要带动哪些清洁能源发展" of tz:23 "推动核能、…等清洁能源及关联产业发展")
    assert canonical("带动清洁能源发展") == canonical("推动清洁能源发展")


def test_record_lookup_by_paraphrase(rr):
    hits = rr.retrieve(Query("q", content="一般工业固废综合利用率"))
    assert hits[0].chunk_id == "c0"


def test_record_lookup_by_list_and_number(rr):
    hits = rr.retrieve(Query("q", list_name="任务清单", item_no="1"))
    assert [h.chunk_id for h in hits] == ["c3"]


def test_the_whole_area_opening_an_item_is_no_word_a_row_must_hold():
    # "全市森林覆盖率": one document's row writes 全市 (wz:225), another's indicator is "森林覆盖率" (gz:384);
    # both are the city's, so the indicator is not scored down for the scope word it leaves out
    rows = [rec("1", "全市森林覆盖率保持60.7%左右。", doc="a"), rec("12", "森林覆盖率", doc="b", kind="indicator"),
            rec("2", "全市城乡生活垃圾分类实现全覆盖。", doc="a")]
    rr = RecordRetriever(rows, {r.id: r.id for r in rows})
    scores = {r.doc_id + r.item_no: s for s, r in rr.scored(Query("q", content="全市森林覆盖率"))}
    assert scores["b12"] > 1.0 and scores["a1"] - scores["b12"] < 0.1
    assert scores.get("a2", 0) < 0.5  # (全市 alone is no match)


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


def reference_scores(rr: RecordRetriever, query: Query, doc_ids=None) -> list[tuple[float, str]]:
    """The record score written plainly, one record at a time."""
    q = bigrams(WHOLE_AREA.sub("", query.content) or query.content)
    full = bigrams(query.content_full) if query.content_full and query.content_full != query.content else set()
    w = rr.idf.weight
    by_id = {r.id: r for r in rr.records}
    out = []
    for r in rr.records:
        g = bigrams(rr.match_text(r))
        if (doc_ids and r.doc_id not in doc_ids) or (query.list_name and r.list_name != query.list_name):
            continue
        if not q or not q & g:
            continue
        cov = sum(w(b) for b in q & g) / sum(w(b) for b in q)
        if full:
            cov = max(cov, sum(w(b) for b in full & g) / sum(w(b) for b in full))
        out.append((cov + 0.1 * 2 * len(q & g) / (len(q) + len(g)), r.id))
    out.sort(key=lambda x: -x[0])
    quote = flat(query.content_full or query.content)
    if len(quote) >= 4:  # the 40 best get the verbatim-overlap reward
        head = [(sc + 0.3 * common_run(quote, flat(by_id[i].text)) / len(quote), i) for sc, i in out[:40]]
        out = sorted(head, key=lambda x: -x[0]) + out[40:]
    return out


def test_vectorised_record_scores_equal_the_plain_definition(qa):
    from evals.qa_sets import all_sets

    rr = qa.records_ret
    questions = [i.question for i in all_sets() if not i.history][::25]
    assert len(questions) > 50
    for text in questions:
        query = qa.parser.run(text)
        if query.item_no:
            continue
        want = reference_scores(rr, query)
        got = [(s, r.id) for s, r in rr._score(query, None)]
        assert {i for _, i in got} == {i for _, i in want}
        assert all(abs(a[0] - b[0]) < 1e-9 for a, b in zip(got, want))


def test_the_scorer_gives_coverage_either_exactly():
    from rag.retrievers import Idf, bigrams, word_bigrams

    texts = ["推进秸秆综合利用", "建设400个标杆项目", "一般工业固体废物综合利用率达到98%", "码头岸电设施全覆盖"]
    idf = Idf([bigrams(t) for t in texts])
    for content, words in (("秸秆综合利用", ["秸秆", "综合", "利用"]), ("建设多少个标杆项目", ["建设", "标杆", "项目"]),
                           ("固废利用率", []), ("", [])):
        wg = word_bigrams(words) or None
        score = idf.scorer(content, wg)
        for t in texts:
            assert score(bigrams(t)) == idf.coverage_either(content, t, bigrams(t), wg)


def test_a_compound_beside_its_parts_adds_no_pair_across_them():
    from rag.retrievers import word_bigrams

    assert word_bigrams(["建设", "项目", "建设项目"]) == {"建设", "项目"}
    # 利用率 is no join of two words given (利用 + 率, 利 + 用率): kept, its own pairs
    assert word_bigrams(["利用", "用率", "利用率"]) == {"利用", "用率"}


def test_a_word_across_the_seam_of_two_item_words_is_no_item_word():
    from rag.retrievers import word_bigrams
    # jieba's search mode gives 工行 (a bank) inside 化工行业; a text writing "台州化工，…等行业" need not write it
    assert across_parts(["化工", "工行", "行业", "化工行业"]) == {"工行"}
    assert across_parts(["综合", "利用", "用率", "利用率", "综合利用率"]) == set()
    assert word_bigrams(["化工", "工行", "行业", "化工行业"]) == {"化工", "行业"}


def test_common_run_is_the_longest_common_substring_sequencematcher_finds():
    # common_run bisects the run's length with substring tests; it must give what SequenceMatcher's
    # find_longest_match (no junk) gives, on short alphabets (many partial runs) and on corpus-like text
    import random
    from difflib import SequenceMatcher

    rng = random.Random(7)
    texts = ["", "a", "秸秆综合利用", "台州市县（市、区）减污降碳协同指数", "台州的减污降碳协同指数一共多少分",
             "聚焦绍兴纺织温州电镀等行业开展", "温州电镀等行业"]
    for _ in range(400):
        alphabet = rng.choice(["ab", "abc", "减污降碳协同"])
        texts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))))
    for a in texts:
        for b in rng.sample(texts, 12):
            want = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
            assert common_run(a, b) == want == common_run(b, a), (a, b)
