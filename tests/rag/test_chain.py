"""The answer chain on the real corpus (fake embedder for the dense part)."""
import re

import pytest

from rag.types import Answer


def facts(ans: Answer, field: str) -> dict[str, object]:
    return {f.doc_id: f.value for f in ans.facts if f.field == field}


def turn(qa, question: str) -> list[dict[str, str]]:
    """The chat history after one turn: the question and the chain's answer to it."""
    return [{"role": "user", "content": question}, {"role": "assistant", "content": qa.answer(question).answer}]


def test_lead_and_participants_are_never_mixed(qa):
    ans = qa.answer("省里一般工业固体废物综合利用率那条谁牵头，哪些单位参与？")
    assert not ans.refused
    assert facts(ans, "lead")["zj-plan"] == ["省生态环境厅"]
    assert facts(ans, "participants")["zj-plan"] == ["省经信厅", "省建设厅"]
    assert "牵头单位为省生态环境厅；参与单位为省经信厅、省建设厅" in ans.answer
    assert "目标清单第23项" in ans.answer and "征求意见稿" in ans.answer


def test_a_count_of_departments_asked_is_given_with_their_names(qa):
    # wz:200-201: 建筑垃圾综合利用率 — lead 市综合行政执法局; four participants
    ans = qa.answer("温州建筑垃圾综合利用率那项有几个参与单位？")
    assert "参与单位共4个：市经信局、市住建局、市自然资源和规划局、市生态环境局" in ans.answer
    assert "目标值" not in ans.answer and "牵头单位" not in ans.answer  # no value of the row is asked
    later = qa.answer("几个部门牵头？", history=turn(qa, "温州建筑垃圾综合利用率那项有几个参与单位？"))
    assert "牵头单位共1个：市综合行政执法局" in later.answer
    # zj:609-620: 省目标清单第6项 has ten participants; "一共几个" of a row named counts them, not the list's rows
    ans = qa.answer("省目标清单第6项的参与单位一共几个？")
    assert "参与单位共10个" in ans.answer and "共32项" not in ans.answer


def test_shared_leads_are_all_listed(qa):
    ans = qa.answer("温州公用充电桩那条谁牵头？")
    assert facts(ans, "lead")["wz-plan"] == ["市发展改革委", "市交通运输局", "市机关事务管理局"]
    # in the list's own words, after the names (wz:151 "…市机关事务管理局按职责分工负责")
    assert "市发展改革委、市交通运输局、市机关事务管理局按职责分工负责" in ans.answer


def test_deadline_from_the_list_note_says_so_and_cites_the_note(qa):
    ans = qa.answer("省里码头岸电设施改造什么时候完成？")
    assert facts(ans, "deadline")["zj-plan"] == 2025
    assert "上表中未注明的" in ans.answer
    assert any(c.text.startswith("注：上表中未注明的") for c in ans.citations)


def test_deadline_stated_in_the_item_keeps_its_year(qa):
    ans = qa.answer("编制大气污染物和温室气体排放融合清单什么时候完成？")
    assert facts(ans, "deadline")["zj-plan"] == 2023 and "条目中注明" in ans.answer


def test_a_list_without_a_note_has_no_invented_deadline(qa):
    ans = qa.answer("码头岸电设施全覆盖那项什么时候完成？")
    assert facts(ans, "deadline")["wz-plan"] is None and "未注明完成时限" in ans.answer


def test_same_item_in_several_documents_is_answered_per_document(qa):
    ans = qa.answer("非化石能源占一次能源消费比重目标省里和温州分别是多少？")
    t = facts(ans, "target")
    assert t["zj-plan"] == ["24%"] and t["wz-plan"] == ["13%"]
    assert ans.answer.index("浙江省") < ans.answer.index("温州市")


def test_a_compared_document_without_a_row_answers_from_its_text(qa):
    # zj:740 is the province's 森林覆盖率 row; Taizhou's lists have none, tz:77 states "全市森林覆盖率达到61.5%"
    ans = qa.answer("省里和台州的森林覆盖率目标各是多少？")
    assert "全省森林覆盖率达到61.5%" in ans.answer and "全市森林覆盖率达到61.5%" in ans.answer
    assert "清单中未找到与“森林覆盖率”对应的条目，正文中的相关表述见下" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"zj-plan", "tz-pilot"}
    # a passage drawn for both documents does not quote Taizhou's sentence twice
    ans = qa.answer("温州和台州的湿地保护率目标分别是多少？")
    assert ans.answer.count("湿地保护率不减少") == 1


def test_a_follow_up_asking_for_the_n_th_listed_part_gets_that_part(qa):
    # wz:47-53: part 五 lists （十一）…（十三）; "里面第一条" is （十一）, not a row of another document
    first = qa.answer("温州方案第五部分讲什么？")
    hist = [{"role": "user", "content": "温州方案第五部分讲什么？"}, {"role": "assistant", "content": first.answer}]
    ans = qa.answer("里面第一条是什么？", history=hist)
    assert "（十一）建设全域“无废城市”" in ans.answer and {c.doc_id for c in ans.citations} == {"wz-plan"}


def test_a_count_of_a_longer_quoted_term_is_no_count_of_the_thing_asked(qa):
    # tz:201 counts 1000个以上“无废城市细胞”单元 and tz:63 says 全域建成“无废城市”: no count of cities
    ans = qa.answer("台州方案要建成几个无废城市？")
    assert ans.refused and "1000" not in ans.answer and "具体数值" in ans.answer
    assert "1000个以上“无废城市细胞”" in qa.answer("台州要建成多少个无废城市细胞？").answer
    assert "3个" in qa.answer("台州要建成几个美丽海湾？").answer  # a count of the quoted term itself


def test_spoken_negation_is_read_as_the_texts_write_it(qa):
    # gz:362 "未达标指标5项": "还没达标" is 未达标 (没 is no word of the texts: it was an unknown word)
    ans = qa.answer("按省级生态文明建设指标，温州有几项还没达标？")
    assert not ans.refused and "未达标指标5项" in ans.answer


def test_a_listing_asked_of_an_item_gets_the_row_and_sentence_enumerating_it(qa):
    # tz:171 (row 23) and tz:37 enumerate "台州湾、大陈岛诸湾和温岭东部诸湾3个美丽海湾"; the 协同创新清单 row
    # "《台州市“美丽海湾”建设规划和各湾区实施方案》" only names the item
    ans = qa.answer("换个话题，台州的美丽海湾有哪几个？")  # (talk opening the question is no item word)
    assert ans.answer.count("台州湾、大陈岛诸湾和温岭东部诸湾") == 2 and "建设规划和各湾区实施方案" not in ans.answer


def test_a_time_the_rows_do_not_state_is_shown_from_the_text_beside_them(qa):
    # wz-plan's 政策清单 states no time (no note); gz:926 "确保2030年前实现碳达峰": both, labelled
    ans = qa.answer("温州什么时候实现碳达峰？")
    assert "确保2030年前实现碳达峰" in ans.answer and "正文中的相关表述" in ans.answer
    # a question pointing at one row keeps to that row's own fields
    assert "正文中的相关表述" not in qa.answer("码头岸电设施全覆盖那项什么时候完成？").answer


def test_index_weight_and_data_source(qa):
    ans = qa.answer("浙江省协同指数里一般工业固废综合利用率的权重和数据来源？")
    assert facts(ans, "weight")["zj-plan"] == "0.5"
    assert facts(ans, "data_source")["zj-plan"] == "省生态环境厅、省经信厅"


def test_citations_quote_the_original_lines(qa, corpus_index):
    from ingest.store import Store

    ans = qa.answer("温州低碳生态农场要建多少家？")
    c = ans.citations[0]
    m = re.match(r"第(\d+)(?:-(\d+))?行", c.locator)
    start, end = int(m.group(1)), int(m.group(2) or m.group(1))
    lines, _ = Store(corpus_index.db_path).doc_lines(c.doc_id)
    assert c.text == "\n".join(ln for ln in lines[start - 1:end] if ln.strip())
    assert "\t" in c.text  # verbatim: the table's tab-separated cells, not the normalised text


@pytest.mark.parametrize("question", [
    "宁波市的减污降碳协同指数目标是多少？",
    "台州2030年森林覆盖率目标是多少？",
    "秸秆综合利用那条已经完成了吗？",
    "全省加氢站建设数量目标是多少座？",
])
def test_refusals_say_not_found_and_show_nearest_passages(qa, question):
    ans = qa.answer(question)
    assert ans.refused and ans.answer.startswith("文件中未找到")
    assert ans.nearest and ans.to_json()["citations"]


def test_a_status_question_naming_a_past_year_is_answered_from_the_state_the_text_reports(qa):
    ans = qa.answer("温州国家级生态文明建设指标2020年已经达到多少项？")
    assert not ans.refused and "35项" in ans.answer and ans.citations[0].locator == "第436行"
    # with no year: the sentence reporting what was achieved, which says as of when ("根据2020年各项工作
    # 完成情况") and names no target year, is the document's own statement; "现在" asks the state now
    ans = qa.answer("国家级指标温州已经达到多少项？")
    assert not ans.refused and "根据2020年各项工作完成情况,温州市已经达到指标35项" in ans.answer
    assert qa.answer("温州现在已经达到多少项国家级指标？").refused


def test_a_region_word_opening_a_phrase_another_document_writes_whole_does_not_confine_the_scope(qa):
    # "全省…现场会" is a meeting the city's log records, not the province's plan
    ans = qa.answer("哪位副市长参加了全省减污降碳协同创新建设现场会？")
    assert not ans.refused and "王彩莲" in ans.answer and ans.citations[0].doc_id == "wz-gazette-2023-06"


def test_follow_up_inherits_the_item(qa):
    first = "秸秆综合利用那条省里谁牵头？"
    ans = qa.answer("那温州呢？", history=[first])
    assert facts(ans, "lead") == {"wz-plan": ["市农业农村局"]}


def test_follow_up_naming_a_region_answers_only_that_region(qa):
    ans = qa.answer("那温州呢？", history=["秸秆综合利用那条谁牵头？"])
    assert set(facts(ans, "lead")) == {"wz-plan"}


def test_a_region_word_inside_the_item_wording_still_finds_the_item(qa):
    ans = qa.answer("支持温州开展红树林蓝碳试点建设那条谁牵头？")
    assert facts(ans, "lead")["zj-plan"] == ["省自然资源厅", "省农业农村厅"]


def test_filters_restrict_documents(qa):
    ans = qa.answer("秸秆综合利用那条谁牵头？", filters={"region": "温州市"})
    assert set(facts(ans, "lead")) == {"wz-plan"}
    ans = qa.answer("秸秆综合利用那条谁牵头？", filters={"doc_id": "zj-plan"})
    assert set(facts(ans, "lead")) == {"zj-plan"}


def test_listing_by_department_and_by_year(qa):
    ans = qa.answer("市气象局负责哪些事项？")
    assert "温室气体监测功能站" in ans.answer and not ans.refused
    ans = qa.answer("省里2023年要完成的有哪些？")
    assert "融合清单" in ans.answer and "温州" not in ans.answer


def test_counts(qa):
    assert "政策清单共9项" in qa.answer("省里政策清单一共几项？").answer


@pytest.mark.parametrize("question", ["", "   ", "？？？", "😀😀", "x" * 5000])
def test_empty_or_oversized_questions_get_a_clear_message(qa, question):
    ans = qa.answer(question)
    assert ans.refused and ans.answer


def test_every_answer_has_a_citation(qa):
    for q in ["秸秆综合利用那条谁牵头？", "温州任务清单共有多少项？", "台州的方案是征求意见稿吗？", "宁波的目标？"]:
        assert qa.answer(q).to_json()["citations"], q


def test_json_contract(qa):
    d = qa.answer("温州碳标签制度谁牵头？").to_json()
    assert list(d) == ["question", "answer", "refused", "citations", "records"]
    c = d["citations"][0]
    assert set(c) == {"n", "doc_id", "title", "section", "locator", "text", "start_line", "end_line", "page"}
    assert c["page"] is None  # a .txt source: cited by its lines
    assert c["locator"] in (f"第{c['start_line']}行", f"第{c['start_line']}-{c['end_line']}行")
    assert d["records"][0]["lead"] == ["市电力局"]


def test_a_new_document_is_answerable_after_refresh(tmp_path, corpus_index):
    from ingest.pipeline import Ingestor
    from rag.chain import PolicyQA
    from rag.resources import Resources
    from tests.conftest import FakeEmbedder

    settings = corpus_index.with_(home=tmp_path / "home")
    doc = tmp_path / "丽水市低碳试点方案.txt"
    doc.write_text("丽水市低碳试点方案\n\n一、目标清单\n\t序号\n\t指标目标\n\t牵头单位\n\t参与单位\n\n"
                   "\t1\n\t建成30个低碳示范村。\n\t市农业农村局\n\t市生态环境局\n\n注：上表中未注明的，完成时限均为2026年。\n",
                   encoding="utf-8")
    Ingestor(settings, FakeEmbedder()).run([tmp_path / "丽水市低碳试点方案.txt"], log=lambda m: None)
    qa2 = PolicyQA(Resources.load(settings, embedder=FakeEmbedder()))
    assert qa2.answer("低碳示范村那条谁牵头？").facts[0].value == ["市农业农村局"]
    doc2 = tmp_path / "丽水市海绵城市方案.txt"
    doc2.write_text("丽水市海绵城市方案\n\n一、目标清单\n\t序号\n\t指标目标\n\t牵头单位\n\t参与单位\n\n"
                    "\t1\n\t海绵城市建设面积达到40平方公里。\n\t市建设局\n\t市水利局\n", encoding="utf-8")
    assert qa2.answer("海绵城市建设面积目标多少？").refused
    Ingestor(settings, FakeEmbedder()).run([doc2], log=lambda m: None)
    assert qa2.refresh()
    ans = qa2.answer("海绵城市建设面积目标多少？")
    assert not ans.refused and facts(ans, "target") and "40" in ans.answer


def test_dense_search_runs_only_when_record_lookup_is_not_sure(qa):
    gate = next(r for r in qa.retriever.retrievers if r.name == "dense")
    calls, skipped = gate.calls, gate.skipped
    qa.answer("秸秆综合利用那条谁牵头？")  # the row's words are all there: no dense search
    assert gate.calls > calls and gate.skipped > skipped
    skipped = gate.skipped
    qa.answer("全省在推进工作时强调了哪些保障措施？")  # no row matches: dense search runs
    assert gate.skipped == skipped


def test_the_dense_gate_does_not_change_answers(qa):
    from rag.chain import ChainConfig, PolicyQA

    always = PolicyQA(qa.res, ChainConfig(dense_skip=2.5))
    for q in ["秸秆综合利用那条谁牵头？", "一般工业固废综合利用率省里目标多少？台州呢？", "码头岸电设施全覆盖那项什么时候完成？",
              "温州低碳生态农场要建多少家？", "市综合行政执法局牵头哪些工作？"]:
        a, b = qa.answer(q), always.answer(q)
        assert (a.answer, a.refused, [c.text for c in a.citations]) == (b.answer, b.refused, [c.text for c in b.citations])


def test_another_process_ingesting_is_picked_up_only_once_its_index_is_complete(tmp_path, corpus_index, monkeypatch):
    """Two app processes share an index: one ingests (commit, then BM25 rebuild), the other answers."""
    from ingest.pipeline import Ingestor
    from rag.chain import PolicyQA
    from rag.resources import Resources
    from tests.conftest import FakeEmbedder

    settings = corpus_index.with_(home=tmp_path / "home")
    Ingestor(settings, FakeEmbedder()).run([corpus_index.corpus_dir / "wenzhou_jwjt_plan.txt"], log=lambda m: None)
    reader = PolicyQA(Resources.load(settings, embedder=FakeEmbedder()))
    doc = tmp_path / "丽水市海绵城市方案.txt"
    doc.write_text("丽水市海绵城市方案\n\n一、总体要求\n\n统筹推进海绵城市建设，因地制宜建设雨水花园、下沉式绿地和透水铺装，"
                   "逐年提高城市建成区海绵城市建设面积比例，完善排水防涝体系。\n\n"
                   "二、目标清单\n\t序号\n\t指标目标\n\t牵头单位\n\t参与单位\n\n"
                   "\t1\n\t海绵城市建设面积达到40平方公里。\n\t市建设局\n\t市水利局\n", encoding="utf-8")
    writer = Ingestor(settings, FakeEmbedder())
    rebuild = writer.rebuild_bm25
    monkeypatch.setattr(writer, "rebuild_bm25", lambda: None)  # the writer has committed, BM25 not yet rebuilt
    writer.run([doc], log=lambda m: None)
    assert not reader.refresh()  # documents changed on disk, but the index is not complete: keep the snapshot
    loaded = set(reader.res.docs)
    for q in ("海绵城市建设面积目标多少？", "雨水花园和透水铺装怎么建设？"):  # new vectors, unknown chunks
        ans = reader.answer(q)
        assert ans.refused and "40" not in ans.answer  # the new document is not answerable yet
        assert {c.doc_id for c in [*ans.citations, *ans.nearest]} <= loaded  # only the snapshot is cited
    old_doc = reader.answer("秸秆综合利用那条谁牵头？")  # the loaded document still answers
    assert not old_doc.refused and {c.doc_id for c in old_doc.citations} == {"wz-plan"}
    rebuild()
    assert reader.refresh()
    ans = reader.answer("海绵城市建设面积目标多少？")
    assert not ans.refused and "40" in ans.answer


def test_hits_outside_the_loaded_snapshot_are_ignored(qa):
    """A replaced document's new vectors can be found before this process reloads its chunks."""
    from rag.chain import PolicyQA
    from rag.retrievers import FusionRetriever
    from tests.conftest import StaticRetriever

    chain = PolicyQA(qa.res)
    chain.retriever = FusionRetriever([StaticRetriever("dense", ["chunk-written-by-another-process"]),
                                       *chain.retriever.retrievers])
    ans = chain.answer("秸秆综合利用那条谁牵头？")
    assert not ans.refused and "省农业农村厅" in ans.answer


def test_follow_up_to_a_region_whose_lists_lack_the_item_quotes_its_text(qa):
    """"那台州呢？" after 秸秆: 台州's lists have no such row (it used to answer its 核能 row); its text says it."""
    first = "秸秆综合利用那条谁牵头？"
    ans = qa.answer("那台州呢？", history=[first])
    assert "核电" not in ans.answer and "核能" not in ans.answer
    assert "清单中未找到" in ans.answer and "秸秆" in ans.answer and not ans.refused
    assert {c.doc_id for c in ans.citations} == {"tz-pilot"}


def test_a_follow_up_to_a_region_with_two_documents_answers_from_both(qa):
    """"温州呢？" after "台州全市森林覆盖率…": Wenzhou's plan writes "全市森林覆盖率保持60.7%左右" (wz:225), its
    gazette's indicator table "森林覆盖率 … 62" (gz:384) — the 全市 carried over does not drop the second."""
    ans = qa.answer("温州呢？", history=["台州全市森林覆盖率2025年要达到多少？"])
    assert "60.7%左右" in ans.answer and "62（原林业统计口径）" in ans.answer
    assert {c.doc_id for c in ans.citations} >= {"wz-plan", "wz-gazette-2023-06"}


def test_region_of_a_follow_up_carries_to_the_next_turn(qa):
    """"谁牵头？" after "那温州呢？" stays in 温州 (it used to go back to the province)."""
    hist = ["秸秆综合利用那条谁牵头？", "那温州呢？"]
    ans = qa.answer("谁牵头？", history=hist)
    assert "市农业农村局" in ans.answer and "省农业农村厅" not in ans.answer
    fresh = qa.answer("风电光伏装机目标多少？", history=hist)  # a new topic inherits nothing
    assert fresh.query is not None and fresh.query.inherited == [] and "3400" in fresh.answer


def test_a_row_sharing_only_common_words_does_not_answer(qa):
    ans = qa.answer("台州秸秆综合利用那条谁牵头？")
    assert "核能" not in ans.answer and "三门县政府" not in ans.answer


def test_what_a_named_item_requires_by_a_year_is_not_a_listing_by_year(qa):
    ans = qa.answer("温州新污染物风险管控到2025年要基本完成什么？")
    assert "首轮化学物质基本信息调查" in ans.answer and "条目共" not in ans.answer
    assert "条目共" in qa.answer("省里2025年要完成哪些任务？").answer  # a listing still lists


def test_a_sentence_of_one_document_does_not_drop_the_row_of_another(qa):
    ans = qa.answer("温州到2025年低碳试点县要建几个？")
    docs = {c.doc_id for c in ans.citations}
    assert {"wz-plan", "wz-gazette-2023-06"} <= docs and "2个低碳试点县" in ans.answer


def test_a_count_no_list_in_scope_holds_is_answered_from_the_sentence_stating_it(qa):
    ans = qa.answer("编制说明里附件有多少项目标清单和任务清单？")  # the note prints no list: note:55-57 states them
    assert not ans.refused and "32项目标清单" in ans.answer and "47项任务清单" in ans.answer


def test_a_value_column_asked_next_goes_on_with_the_indicator(qa):
    # gz:481/418 表2-1 "城镇人均公园绿地面积 … 13.54 ≥13.78 ≥15": the column asked now, the item of the last turn
    hist = [{"role": "user", "content": "城镇人均公园绿地面积现状值是多少？"},
            {"role": "assistant", "content": qa.answer("城镇人均公园绿地面积现状值是多少？").answer}]
    ans = qa.answer("规划值呢？", history=hist)
    assert not ans.refused and "城镇人均公园绿地面积" in ans.answer
    assert "规划值(2025年)为“≥13.78”" in ans.answer and "现状值" not in ans.answer
    # two parts of one message: the second asks the first part's indicator
    ans = qa.answer("公共交通出行分担率现状值多少？2025年规划值多少？")
    assert "现状值(2020年)为“30.2”" in ans.answer and "规划值(2025年)为“35”" in ans.answer


def test_a_follow_up_is_not_answered_from_another_item_sharing_common_words(qa):
    # 台州 writes 秸秆 only as "提升秸秆综合利用水平" (tz:47); "一般工业固体废物综合利用率保持98%以上" shares
    # 综合利用率 but not the item: not the answer to 秸秆综合利用率 (jieba's fragment 用率 is no item word)
    hist = [{"role": "user", "content": "温州秸秆综合利用率目标是多少？"},
            {"role": "assistant", "content": qa.answer("温州秸秆综合利用率目标是多少？").answer}]
    ans = qa.answer("台州呢？", history=hist)
    assert "98%" not in ans.answer


def test_a_follow_up_asking_whom_a_document_was_sent_to_gives_its_addressees(qa):
    # gz: the notice 温政发〔2023〕19号 is addressed "各县(市、区)人民政府,市各…" (its own header)
    first = "温政发〔2023〕19号是什么文件？"
    ans = qa.answer("发给谁？", history=[{"role": "user", "content": first},
                                      {"role": "assistant", "content": qa.answer(first).answer}])
    assert not ans.refused and "主送各县(市、区)人民政府" in ans.answer


def test_a_row_named_by_its_number_is_the_row_not_the_lists_section(qa):
    # wz:560-562 政策清单 row 3 "出台温州市低（零）碳试点建设实施方案"; "三、政策清单" itself has no prose
    ans = qa.answer("温州政策清单第3项是什么？")
    assert not ans.refused and "出台温州市低（零）碳试点建设实施方案" in ans.answer and "没有正文" not in ans.answer


def test_what_outcome_is_asked_is_no_item_word(qa):
    # "达到什么效果": the outcome the rows and the text state (zj:726, wz:210, zj:334-336)
    ans = qa.answer("塑料污染到2025年要达到什么效果？")
    assert not ans.refused and "城乡一体的多元共治体系基本形成" in ans.answer
    assert "清单中未找到" not in ans.answer


def test_a_long_row_asked_what_it_names_is_quoted_with_its_answer_clause(qa):
    # "以台州湾新材料产业园为核心，辐射…等区域，形成“一核多点”的…格局": the item words stand at the end,
    # the park asked at the start; an open question quotes the row up to OPEN_ROW_QUOTE_MAX
    ans = qa.answer("台州新材料产业“一核多点”格局以哪个园区为核心？")
    assert "以台州湾新材料产业园为核心" in ans.answer and {c.doc_id for c in ans.citations} == {"tz-pilot"}
    # a field asked keeps the short quote around the item words
    lead = qa.answer("台州新材料产业“一核多点”格局那项谁负责？")
    assert "市发展改革委、市经信局" in lead.answer and "以台州湾新材料产业园为核心" not in lead.answer


def test_how_firmly_a_target_is_set_is_no_item_word(qa):
    # "力争" is in no row or sentence about the benchmark projects, but in "…收集率力争达到80%以上",
    # which was quoted instead
    assert "力争" not in qa.parser.run("省里力争建设多少个减污降碳标杆项目？").content
    ans = qa.answer("省里力争建设多少个减污降碳标杆项目？")
    assert "200个标杆项目" in ans.answer and "80%" not in ans.answer


def test_a_second_part_switching_region_keeps_the_item_without_the_asked_bound(qa):
    # zj:694 writes "不低于20%", tz:57 "城区再生水利用率达到35%": "台州呢？" is answered from Taizhou's text
    ans = qa.answer("城市再生水利用率省里要求不低于多少？台州呢？")
    assert "20%" in ans.answer and "35%" in ans.answer
    assert {c.doc_id for c in ans.citations} >= {"zj-plan", "tz-pilot"}


def test_a_score_asked_is_not_answered_from_a_sentence_stating_a_percent(qa):
    # the Taizhou index has no 森林覆盖率 row; tz:77 states the coverage target (61.5%), no score
    ans = qa.answer("台州协同指数里森林覆盖率占几分？")
    assert ans.refused and "61.5%" not in ans.answer
    assert "3" in qa.answer("台州指数中低碳生活践行占几分？").answer


def test_an_item_stated_without_the_time_asked_is_not_answered_from_a_stray_sentence(qa):
    # gz:828 writes "积极创建国际湿地城市" with no year; the cover caption's 2023 and "湿地城市客厅" did answer
    ans = qa.answer("温州要在哪一年前建成国际湿地城市？")
    assert ans.refused and "双年展" not in ans.answer


def test_money_asked_of_a_row_stating_no_amount_is_refused(qa):
    ans = qa.answer("省里对建成清新园区的企业奖励多少钱？")
    assert ans.refused and "60%" not in ans.answer.split("以下为")[0]


def test_a_phase_the_table_does_not_split_is_not_answered_with_the_project_total_as_its_own(qa):
    # gz:1253: one row for the LNG project, "一期建设规模300万吨,二期…", 投资总预算 134 for the whole
    ans = qa.answer("温州LNG项目二期投资多少亿元？")
    assert ans.refused and "只列全项目" in ans.answer and "134" in ans.answer
    assert [c.locator for c in ans.citations] == ["第1253行"]
    # a row whose label names the phase answers it (gz:1281 "浙江三澳核能二期、三期")
    assert "420" in qa.answer("浙江三澳核能二期、三期投资总预算多少？").answer


def test_the_position_asked_after_a_row_is_that_row_s_number(qa):
    first = qa.answer("系统推进全市低（零）碳试点建设那项由谁负责？")
    ans = qa.answer("这是任务清单第几项？", history=[{"role": "user", "content": first.question},
                                             {"role": "assistant", "content": first.answer}])
    assert "第43项" in ans.answer and "共45项" not in ans.answer


def test_the_schedules_of_a_plan_a_compilation_prints_are_listed(qa):
    # gz:1203-1205 and gz:1275-1277: each title stands above its "附表N:" line
    ans = qa.answer("温州生态文明建设规划有哪些附表？")
    assert "附表1“温州市生态文明建建设近期重点工程清单”" in ans.answer
    assert "附表2“温州市生态文明建设远期重点工程清单”" in ans.answer
    assert [c.locator for c in ans.citations] == ["第1203-1205行", "第1275-1277行"]


def test_two_people_asked_together_get_the_entries_naming_both(qa):
    ans = qa.answer("6月29日李无文和章月影一起参加了什么会议？")
    assert "市第十四届人大常委会第十二次会议" in ans.answer and "建筑业高质量发展大会" not in ans.answer


def test_a_status_question_is_answered_from_the_baseline_the_plan_reports(qa):
    ans = qa.answer("温州整合优化后设了多少处自然保护地？")  # the 现状值(2020年) cell states it
    assert not ans.refused and "36处自然保护地" in ans.answer and "现状值" in ans.answer
    assert qa.answer("码头岸电设施全覆盖完成了吗？").refused  # no document reports it


def test_a_state_the_text_itself_reports_answers_what_is_already_done(qa):
    # gz:218 "全市已建成森林康养基地53处": the document's own statement, with no year of its own
    ans = qa.answer("温州已经建了多少处森林康养基地？")
    assert not ans.refused and "53处" in ans.answer and ans.citations[0].locator == "第218行"
    assert qa.answer("温州目前已经建了多少处森林康养基地？").refused  # the state now: no document reports it


def test_a_count_the_text_reports_as_done_answers_a_question_in_the_past_tense(qa):
    # gz:1616 "编制服装、模具、…等20个传统产业行业自律标准": that count of that very thing, no target year
    ans = qa.answer("温州行业协会安全生产自律标准编了多少个传统产业的？")
    assert not ans.refused and "20个传统产业" in ans.answer and ans.citations[0].locator == "第1616行"
    assert qa.answer("温州中国眼谷入驻了多少家企业？").refused  # no sentence counts them


def test_a_claimed_deadline_is_answered_with_the_row_s_own(qa):
    ans = qa.answer("省里排放融合清单要2025年完成对吧？")
    assert facts(ans, "deadline")["zj-plan"] == 2023 and "条目中注明" in ans.answer


def test_a_value_is_never_taken_from_a_row_sharing_only_the_measure(qa):
    # zj:622-624 states 风电、光伏 and 核电 装机; zj:960 names 沼气发电 with no capacity
    assert qa.answer("省里沼气发电装机要达到多少千瓦？").refused
    ans = qa.answer("省里核电装机要达到多少千瓦？")
    assert not ans.refused and "超过1000万千瓦" in ans.answer


def test_a_number_is_never_taken_from_a_sentence_holding_only_a_commoner_item_word(qa):
    # the gazette writes 飞灰 once (gz:712, no target) and 垃圾焚烧 with targets (gz:714-716): no answer
    ans = qa.answer("温州生态文明建设规划中垃圾焚烧飞灰的处置目标是多少？")
    assert ans.refused and "乐清市生活垃圾焚烧二期" not in ans.answer.split("以下为最接近的原文段落")[0]
    ans = qa.answer("温州生态文明建设规划里到2025年建筑垃圾产消能力要达到什么水平？")  # rarest word present
    assert not ans.refused and "基本平衡" in ans.answer


def test_a_short_follow_up_asks_another_field_of_the_row_the_last_answer_quoted(qa):
    first = "台州有几个美丽海湾要建？"
    history = turn(qa, first)
    ans = qa.answer("哪几个？", history=history)  # (a policy title naming 美丽海湾 is the shorter match)
    assert "协同治理清单第23项" in ans.answer and "台州湾、大陈岛诸湾和温岭东部诸湾" in ans.answer
    assert "协同创新清单" not in ans.answer


def test_a_choice_between_column_values_asked_next_reads_that_column_of_the_row(qa):
    # gz:1282 附表2 row 2 泰顺抽水蓄能电站: 建设性质 续建类
    history = turn(qa, "泰顺抽水蓄能电站投资多少？")
    ans = qa.answer("是新建还是续建？", history=history)
    assert not ans.refused and "附表2第2项“泰顺抽水蓄能电站”：建设性质为“续建类”" in ans.answer


def test_a_value_asked_of_one_clause_of_a_row_comes_first_the_others_named_as_the_row_s(qa):
    # wz:205 "畜禽粪污…保持在92%以上，农作物秸秆综合利用率达到96 %以上"
    ans = qa.answer("秸秆综合利用率温州目标多少？")
    assert "目标值：农作物秸秆综合利用率达到96 %以上（同一行另列：畜禽粪污资源化利用和无害化处理率保持在92%以上）" in ans.answer
    assert facts(ans, "target")["wz-plan"] == ["96%", "92%"]


def test_a_follow_up_asking_whether_another_place_has_the_like_asks_the_item_there(qa):
    first = "秸秆综合利用那条谁牵头？"
    history = turn(qa, first)
    ans = qa.answer("台州有类似的要求吗？", history=history)  # tz:47 states it in prose only
    assert not ans.refused and "提升秸秆综合利用水平" in ans.answer and ans.citations[0].doc_id == "tz-pilot"
    first = "省里公转铁那项谁牵头？"
    history = turn(qa, first)
    ans = qa.answer("温州也有这项任务吗？", history=history)
    assert "市交通运输局、温州铁管中心" in ans.answer


def test_a_value_the_question_names_picks_the_row_that_writes_it(qa):
    # zj:588 24%, tz:115 25%, wz:105 13%: only Taizhou's row writes 25%
    ans = qa.answer("非化石能源比重达到25%那条谁负责？")
    assert facts(ans, "lead") == {"tz-pilot": ["市发展改革委"]}
    # no row writes 30%: said, and what the rows do write is shown (the question's 30% is not repeated)
    ans = qa.answer("非化石能源比重达到30%那条谁牵头？")
    assert ans.answer.startswith("文件中未找到数值与问题所述一致的") and "达到24%" in ans.answer and "30%" not in ans.answer


def test_a_follow_up_s_day_and_person_are_asked_together(qa):
    first = "谁参加了省第十五次妇女代表大会开幕式？"
    history = turn(qa, first)
    ans = qa.answer("陈应许呢？6月30日他参加了什么？", history=history)
    assert "温州文旅（杭州）推介会" in ans.answer and "阳光护航" not in ans.answer
    day = "6月9日谁参加了全省现代社区建设工作推进会？"
    history = turn(qa, day)
    ans = qa.answer("杨胜杰那天参加了什么？", history=history)
    assert "全市安全生产隐患大排查大整治行动攻坚会" in ans.answer and "千项万亿" not in ans.answer


def test_a_news_item_s_later_sentence_is_found_by_its_title(qa):
    ans = qa.answer("温州市新闻传媒中心要以什么为魂？")
    assert "以导向为魂" in ans.answer and "“温州市新闻传媒中心成立”部分" in ans.answer


def test_a_year_stated_for_one_sentence_of_a_row_is_not_the_deadline_of_its_other_tasks(qa):
    other = qa.answer("建设“减污降碳在线”应用场景那项什么时候完成？")
    assert "完成时限为2025年（所问事项未单独注明，按清单表注" in other.answer and not other.refused
    own = qa.answer("编制大气污染物和温室气体排放融合清单什么时候完成？")
    assert "完成时限为2023年（条目中注明）" in own.answer and "2025" not in own.answer


def test_a_time_asked_of_rows_stating_none_is_the_text_s_to_say(qa):
    # zj-note:7 "2022年6月，生态环境部会同国家发展改革委等七部门联合印发了《减污降碳协同增效实施方案》";
    # the title without "温州市" names the national plan, not wz-plan; a Taizhou row naming a plan of its
    # own states no time and is not the answer
    ans = qa.answer("生态环境部等七部门什么时候印发《减污降碳协同增效实施方案》？")
    assert "2022年6月" in ans.answer and "未注明完成时限" not in ans.answer
    assert ("zj-note", "第7行") in {(c.doc_id, c.locator) for c in ans.citations}


def test_a_year_an_indicator_s_cell_writes_a_value_for_is_answered_by_the_row(qa):
    # gz:429 "逐年提升(2019年81.77, 2020年82.05)" in the 现状值(2020年) column; gz:412 "2019—2020年…分别为99.10%、99.16%"
    ans = qa.answer("温州生态环境公众满意度2019年是多少？")
    assert "81.77" in ans.answer and not ans.refused
    ans = qa.answer("温州一般工业固体废物综合利用率2019年是多少？")
    assert "99.10%" in ans.answer and not ans.refused


def test_a_year_claimed_is_checked_against_the_sentence_writing_the_item(qa):
    # gz:834 "…力争2025年底前逐步完成全市域生物多样性调查": the 2030 of a claim does not hide the 2025 sentence
    ans = qa.answer("温州要在2030年前完成全市域生物多样性调查吧？")
    assert "2025年底前逐步完成全市域生物多样性调查" in ans.answer
    assert ("wz-gazette-2023-06", "第834行") in {(c.doc_id, c.locator) for c in ans.citations}
    # asked, not claimed, a year no sentence speaks of still finds none ("2030年前…完成了多少")
    assert "2025年底前" not in qa.answer("温州2030年全市域生物多样性调查要完成多少？").answer


def test_question_words_do_not_lower_how_well_a_row_covers_the_item(qa):
    # tz:204 "推进临海、天台开展新污染物治理试点工程建设" covers "新污染物治理试点…开展"; "哪里" is in no text
    ans = qa.answer("台州新污染物治理试点在哪里开展？")
    assert "临海、天台" in ans.answer and "非道路移动机械" not in ans.answer


def test_a_base_year_asked_is_not_a_row_s_completion_year(qa):
    # wz:21 "全市减污降碳协同指数较2021年提高10%"; the list row "减污降碳协同指数提高10%" is due 2025
    ans = qa.answer("温州减污降碳协同指数较哪一年提高10%？")
    assert "较2021年提高10%" in ans.answer and "完成时限为2025年" not in ans.answer


def test_a_number_in_a_later_clause_naming_what_is_measured_answers(qa):
    # gz:1263 "S2线一期工程:线路起于…,线路长约63.6公里。": the item opens the sentence, its length ends it
    ans = qa.answer("市域铁路S2线一期工程线路长约多少公里？")
    assert "63.6公里" in ans.answer and not ans.refused


def test_a_section_the_question_names_is_no_missing_list_row(qa):
    # gz:324 under "四、规划期限": "规划期限为2021—2030年…"; no list row is asked, so none is said missing
    ans = qa.answer("温州规划的规划期限？")
    assert "2021—2030年" in ans.answer and "清单中未找到" not in ans.answer


def test_two_fields_of_one_owner_asked_without_fenbie_are_both_answered(qa):
    # gz:324-326 "规划期限为2021—2030年…基准年为2020年"
    ans = qa.answer("温州规划的规划期限和基准年？")
    assert "2021—2030年" in ans.answer and "基准年为2020年" in ans.answer


def test_counts_in_hectares_and_quoted_formulas_are_values_sentences_state(qa):
    # gz:746 "保护修复红树林湿地不少于400公顷"; tz:29 "全面开展“13+X”个重点行业整治提升工作" (no list row counts them)
    assert "不少于400公顷" in qa.answer("温州红树林湿地要保护修复多少？").answer
    ans = qa.answer("台州全面开展多少个重点行业整治提升工作？")
    assert "“13+X”个重点行业" in ans.answer and "500个以上" not in ans.answer


def test_a_number_stated_beside_half_of_the_item_does_not_answer(qa):
    # "县级试点": gz:1046 holds 县级 (by 党政机关 and its 70%) and 试点 two clauses apart; gz:212 and the
    # key-project table hold 县级 alone ("县级以上集中式饮用水水源…100%", "3个县级以上…监测站")
    ans = qa.answer("温州方案里提到了几个县级试点？")
    for wrong in ("绿色工厂", "100%稳定达标", "自动监测站"):
        assert wrong not in ans.answer


def test_a_change_since_a_base_year_is_answered_by_the_sentence_stating_it(qa):
    # gz:212 "市区PM_{2.5}浓度为25微克/立方米，较2015年大幅下降43.4%" and "…优良率达97%，较2015年提升了
    # 11.3个百分点": not the indicator table's 2020 levels, and a report of the past is no status refusal
    ans = qa.answer("2020年温州市区PM2.5浓度较2015年下降了多少？")
    assert "43.4%" in ans.answer and not ans.refused
    ans = qa.answer("温州空气质量优良率较2015年提升了多少？")
    assert "11.3个百分点" in ans.answer and not ans.refused
    # a two-word item written with a formula ("PM2.5" / "PM_{2.5}") is held by the sentence
    assert "43.4%" in qa.answer("温州PM2.5浓度较2015年下降了多少？").answer


def test_two_number_questions_in_one_sentence_are_both_answered(qa):
    # gz:746 "整治修复沙滩不少于4个;保护修复红树林湿地不少于400公顷"
    ans = qa.answer("温州要整治修复多少个沙滩、保护修复多少红树林湿地？")
    assert "不少于4个" in ans.answer and "不少于400公顷" in ans.answer


def test_a_state_asked_of_a_year_an_indicator_table_reports_is_answered_by_the_row(qa):
    # gz:481 (表2-2) 城镇人均公园绿地面积: 国家级创建参照值 ≥15, 现状值(2020年) 13.54, 是否达标 否
    ans = qa.answer("温州城镇人均公园绿地面积2020年已经达到国家级创建参照值了吧？")
    assert "13.54" in ans.answer and "≥15" in ans.answer and not ans.refused
    # a state no table reports a column for is still refused ("目前已经建成多少家")
    assert qa.answer("温州的低碳生态农场目前已经建成多少家了？").refused


def test_a_list_no_document_in_scope_has_is_refused_naming_the_lists_it_has(qa):
    # tz-pilot's lists are 协同管理/治理/创新/能力清单 and the 协同指数; it has no 目标清单
    ans = qa.answer("台州的目标清单里有哪些指标？")
    assert ans.refused and "没有“目标清单”" in ans.answer and "协同管理清单" in ans.answer
    assert not qa.answer("温州目标清单第3项谁牵头？").refused  # wz-plan has one


def test_a_document_a_compilation_prints_is_named_by_its_kind(qa):
    # "温州规划" is the gazette's "温州市生态文明建设规划" (gz:111); wz-plan (a 方案) is not asked. The
    # plan states 湿地保护率 for 2023 (gz:828), no 2025 value: wz-plan's 2025 row does not answer
    ans = qa.answer("温州规划里湿地保护率2025年要达到多少？")
    assert "wz-plan" not in {c.doc_id for c in ans.citations} and "55%" not in ans.answer
    # a document whose own title is of the kind goes before one printing such a title ("温州方案")
    ans = qa.answer("温州方案的组织实施有哪些要求？")
    assert {c.doc_id for c in ans.citations} == {"wz-plan"}


def test_a_value_asked_of_an_indicator_is_not_its_index_weight(qa):
    # the index row of the same name holds a weight (4) and a source, no value of PM2.5
    ans = qa.answer("台州PM2.5浓度目标是多少？")
    assert "22微克/立方米以下" in ans.answer and "权重" not in ans.answer
    assert "权重为0.2" in qa.answer("那省里呢？", history=[{"role": "user", "content": "台州协同指数里PM2.5浓度权重多少？"},
                                                 {"role": "assistant", "content": "…"}]).answer
    assert "权重" in qa.answer("台州协同指数里PM2.5浓度权重多少？").answer  # the index asked: its row answers


def test_a_list_numbering_each_category_afresh_is_counted_by_category(qa):
    from rag.chain import numbering_runs
    from ingest.types import Record

    rows = [Record(doc_id="d", list_name="l", item_no=str(n), item_no_assigned=False, text="t", categories=[c], id=str(i))
            for i, (n, c) in enumerate([(1, "甲"), (2, "甲"), (1, "乙"), (2, "乙"), (3, "乙")])]
    assert [(label, len(run)) for label, run in numbering_runs(rows)] == [("甲", 2), ("乙", 3)]
    assert len(numbering_runs(rows[:2])) == 1
    ans = qa.answer("台州协同管理清单有几项？")  # was "共23项（最后一项为第10项）"
    assert "共23项，按类别分别编号：目标协同9项（第1—9项）[1]、评价协同4项（第1—4项）[2]、试点协同10项（第1—10项）[3]" in ans.answer
    assert not ans.refused  # the item ranges are locators, no claim the verifier looks for


def test_a_quantity_claimed_for_confirmation_is_checked_against_the_sentence_stating_one(qa):
    # "5个…对吗" asks the true count: the sentence stating 3个, not one about the bays' restoration
    ans = qa.answer("台州要建设5个美丽海湾，对吗？")
    assert "3个美丽海湾" in ans.answer
    # a row stating the value and a sentence stating another are both given
    ans = qa.answer("温州生态文明建设规划要求2025年森林覆盖率达到65%，对吗？")
    assert "62%左右" in ans.answer and "62（原林业统计口径）" in ans.answer


def test_a_rate_claimed_is_no_count_and_a_duty_is_no_quota(qa):
    # "完成国家下达的控制目标" states a duty, not the quota asked: refused, not quoted as the number
    assert qa.answer("国家下达给浙江的碳排放总量控制指标是多少？").refused
    from rag.answer_type import expected_type
    assert expected_type("台州到2025年单位GDP二氧化碳排放下降30%是吗？") != "number"  # the duty sentence may answer


def test_the_kind_of_place_asked_is_no_item_word_and_one_task_is_one_part(qa):
    # "哪些县市区的污水厂建设和改造": which counties, of one task — not two parts, not "各县（市、区）" sentences
    for q in ("台州要完成哪些县市区的污水厂建设和改造？", "台州要完成哪些县市区的污水厂建设？"):
        ans = qa.answer(q)
        assert "协同治理清单第38项" in ans.answer and "（1）" not in ans.answer, q


def test_a_department_cell_is_quoted_as_written(qa):
    # tz:175 writes "临海市、温岭市、玉环市、三门县人民政府": four governments, the suffix given once
    ans = qa.answer("台州海水养殖污染防治协同那项由谁负责？")
    assert "临海市、温岭市、玉环市、三门县人民政府" in ans.answer and "临海市人民政府" not in ans.answer
    assert "临海市人民政府" in facts(ans, "lead")["tz-pilot"]


def test_a_county_of_a_covered_city_asked_of_a_document_is_answered_only_where_it_is_named(qa):
    # 瑞安 is a county of 温州; the province plan never names it: its sentences on 试点 are not about it
    ans = qa.answer("省方案里瑞安要创建什么试点？")
    assert ans.refused and "瑞安" in ans.answer.split("以下为最接近的原文段落")[0]
    ans = qa.answer("瑞安要创建什么试点？")  # wz:64 "积极推动瑞安、平阳等创建城市型减污降碳协同试点"
    assert not ans.refused and ("wz-plan", "第64行") in {(c.doc_id, c.locator) for c in ans.citations}
    # the county named in a project's row label, not in its cell's sentence, still counts
    ans = qa.answer("华能瑞安1号海上风电场工程建多大装机？")
    assert not ans.refused and "30万千瓦" in ans.answer


def test_the_noun_naming_the_kind_of_answer_is_no_item_word_a_sentence_must_hold(qa):
    # tz:33 "坚持“一口一策”，持续推进入海排污口整治提升": 做法 (rare in the texts) is what is asked, unwritten
    ans = qa.answer("台州入海排污口整治坚持什么做法？")
    assert not ans.refused and "一口一策" in ans.answer


def test_a_document_named_with_its_drafts_stage_is_asked_of(qa):
    # tz:103-105 "附件：1.台州市减污降碳协同增效创新清单 2.台州市县（市、区）减污降碳协同指数"
    ans = qa.answer("台州方案征求意见稿里有几个附件？")
    assert not ans.refused and "附件共2项" in ans.answer


@pytest.mark.parametrize("question,note,value", [
    # wz-plan is a formal text (corpus/manifest.json status 正式); its row 7 (wz:124-127) answers
    ("温州方案征求意见稿里光伏装机目标是多少？", "《温州市减污降碳协同增效实施方案》未标注为征求意见稿", "500万千瓦以上"),
    # the province's plan is a draft (zj:2-3): no formal version is held; its row 7 (zj:621-625) answers
    ("浙江省正式印发的方案里风电光伏装机目标多少？", "为征求意见稿，文件库中没有其正式印发文本", "3400万千瓦以上"),
    ("温州方案草案里光伏装机目标是多少？", "《温州市减污降碳协同增效实施方案》未标注为草案", "500万千瓦以上"),
])
def test_a_stage_the_document_does_not_have_is_said_before_the_answer(qa, question, note, value):
    ans = qa.answer(question)
    assert not ans.refused and ans.answer.startswith("注意：") and note in ans.answer and value in ans.answer
    plain = qa.answer(question.replace("征求意见稿", "").replace("草案", "").replace("正式印发的", ""))
    assert not plain.answer.startswith("注意") and value in plain.answer  # no stage named, no note


def test_a_place_asked_of_a_named_document_is_answered_only_where_one_sentence_names_it_with_the_item(qa):
    # zj:1100-1120, row 26, names 光伏组件 (recycling) in one sentence and 宁波 (fly ash) in another:
    # no solar target of 宁波's
    ans = qa.answer("省方案里宁波的光伏目标？")
    assert ans.refused and "第26项" not in ans.answer
    # ... while the row naming 衢州 with the 资源循环利用基地 asked answers
    ans = qa.answer("省方案里衢州有什么资源循环利用基地？")
    assert not ans.refused and "依托衢州、台州等国家级" in ans.answer
    # tz:147 names 天台 with the project in one sentence
    ans = qa.answer("台州推进天台抽水蓄能项目那项是市能源局负责的吧？")
    assert not ans.refused and "市发展改革委、市水利局、市生态环境局" in ans.answer


def test_a_refusal_says_which_place_asked_the_named_document_never_writes(qa):
    ans = qa.answer("台州方案里温州的再生水利用率是多少？")
    assert ans.refused and "《台州市减污降碳协同试点建设实施方案（征求意见稿）》中未出现“温州”" in ans.answer
    ans = qa.answer("省方案里瑞安要创建什么试点？")
    assert ans.refused and "中未出现“瑞安”" in ans.answer
    assert "未出现" not in qa.answer("省方案里宁波的光伏目标？").answer  # (宁波 is written there)


def test_the_issue_of_a_document_the_rows_only_name_as_a_task_is_not_found(qa):
    # wz:552-554: the policy list's row 1 "制定实施温州市碳达峰实施方案" (lead 市发展改革委) — no date of its issue
    ans = qa.answer("温州碳达峰实施方案是哪天印发的？")
    assert ans.refused and "文件库未收录该文件" in ans.answer and "第1项" in ans.answer
    # gz:369: a row writing the number of the document asked answers
    ans = qa.answer("温州以前的生态文明建设规划文号是什么？")
    assert not ans.refused and "温政发〔2004〕63号" in ans.answer


@pytest.mark.parametrize("question,value", [
    ("温州市区PM2.5浓度跟2015年比降了多少？", "较2015年大幅下降43.4%"),  # gz:212, the present state's account
    ("温州空气质量优良率比2015年提升了多少？", "较2015年提升了11.3个百分点"),  # gz:212: 比 asked, 较 written
])
def test_a_change_since_a_base_year_is_answered_from_the_sentence_writing_it(qa, question, value):
    ans = qa.answer(question)
    assert not ans.refused and value in ans.answer


def test_a_bare_kind_before_a_locative_names_the_document(qa):
    # "温州规划里…": 规划 names the gazette's plan (gz:874 "示范园区亩均税收和亩均增加值分别达到40万元/亩…")
    assert qa.parser.run("温州规划里亩均税收目标多少？").content == "亩均税收"
    ans = qa.answer("温州规划里亩均税收目标多少？")
    assert not ans.refused and "亩均税收" in ans.answer and "40万元/亩" in ans.answer


def test_each_count_of_a_row_is_given_with_what_it_counts(qa):
    # wz:240 "建成2个低碳试点县、7个以上低（零）碳试点乡镇（街道）和70个以上低（零）碳试点村（社区）"
    ans = qa.answer("温州方案要建多少个低碳试点县，多少个试点乡镇？")
    assert "目标值：建成2个低碳试点县" in ans.answer
    assert "目标值：7个以上低（零）碳试点乡镇（街道）" in ans.answer


def test_a_short_form_finds_the_indicator_written_in_full(qa):
    # gz 表2-2 第33项 "公共交通出行分担率": 现状值 30.2
    ans = qa.answer("温州公交分担率现状是多少？")
    assert "公共交通出行分担率" in ans.answer and "30.2" in ans.answer


def test_listings_by_department_or_year_keep_to_the_list_named(qa):
    # wz 目标清单: 市水利局 leads rows 19 and 26; its task-list rows are no answer to "目标清单里…"
    ans = qa.answer("温州方案的目标清单里有哪些是市水利局牵头的？")
    assert "共2项" in ans.answer and "任务清单" not in ans.answer
    # zj: only 目标清单 第31项 states 2023; the task list's rows all take the note's 2025
    none = qa.answer("省任务清单里2023年完成的有哪些？")
    assert none.refused and "任务清单里完成时限为2023年的条目" in none.answer
    assert "目标清单第31项" in qa.answer("省目标清单里2023年完成的有哪些？").answer


def test_a_value_claimed_that_no_cited_passage_writes_is_said_not_to_be_the_documents(qa):
    # zj 目标清单第7项 "核电装机超过1000万千瓦"; tz:77 "湿地保护率不减少"
    ans = qa.answer("省里对核电装机的要求是1200万千瓦吧？")
    assert ans.answer.startswith("问题所述“1200万千瓦”与文件不一致") and "超过1000万千瓦" in ans.answer
    assert "与文件不一致" not in qa.answer("省里核电装机要超过1000万千瓦对吧？").answer  # a claim the text bears out
    # gz 表2-1 第12项 gives "62（原林业统计口径）" under the unit column %: 62% is what it says
    assert "与文件不一致" not in qa.answer("温州生态文明规划森林覆盖率2025年规划值是62%吧？").answer


def test_a_unit_claimed_in_a_role_no_cited_row_gives_it_is_said_not_to_be_the_documents(qa):
    # wz:229-232 新营建红树林: 市自然资源和规划局 leads, 市水利局 among the participants; no 市林业局 in any list
    ans = qa.answer("温州红树林那项是市林业局牵头吗？")
    assert ans.answer.startswith("问题所述“市林业局牵头”与文件不一致") and "牵头单位为市自然资源和规划局" in ans.answer
    assert "林业局" not in ans.query.content  # a unit by its shape, no item word
    assert qa.answer("温州红树林那项是市水利局牵头吗？").answer.startswith("问题所述“市水利局牵头”与文件不一致")
    assert "与文件不一致" not in qa.answer("温州红树林那项是市水利局参与的吧？").answer
    assert "与文件不一致" not in qa.answer("温州红树林那项是市自然资源和规划局牵头吗？").answer


def test_a_place_named_within_another_place_s_plan_is_no_second_document(qa):
    # "台州方案里温州的…": the Taizhou plan is asked about 温州, which it does not name — no Wenzhou row answers
    q = qa.parser.run("台州方案里温州的再生水利用率要达到多少？")
    assert q.doc_ids == ["tz-pilot"] and "温州" in q.local_places
    assert qa.answer("台州方案里温州的再生水利用率要达到多少？").refused


def test_a_count_of_people_no_text_states_is_refused(qa):
    # gz: the 新闻传媒中心 section counts "三个“一号工程”", never its staff
    assert qa.answer("温州市新闻传媒中心有多少工作人员？").refused


def test_a_city_the_province_acts_on_is_a_place_within_the_province_s_documents(qa):
    # "省里支持温州…", "省方案里对台州…": the city is what the province's text is asked about, not a
    # second document to search (zj:375-377 "支持温州开展红树林蓝碳试点建设")
    q = qa.parser.run("省里支持温州开展什么试点")
    assert set(q.doc_ids) == {"zj-plan", "zj-note"} and q.local_places == ["温州"]
    ans = qa.answer("省里支持温州开展什么试点")
    assert not ans.refused and "支持温州开展红树林蓝碳试点建设" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"zj-plan"}
    # zj:138-140 writes the item apart around the city ("台州化工，…等行业")
    ans = qa.answer("省方案里对台州化工行业有什么要求")
    assert not ans.refused and "台州化工" in ans.answer and {c.doc_id for c in ans.citations} == {"zj-plan"}
    # a city joined to the province, or compared with it, stays a document of its own
    for text in ("省里和台州分别怎么开展减污降碳宣传", "省里对温州和台州分别有什么要求"):
        q = qa.parser.run(text)
        assert not q.local_places and "tz-pilot" in q.doc_ids, text
    # ... while after a document named with its locative, what follows is asked of it, a comma or not
    assert qa.parser.run("台州方案里，温州的再生水利用率是多少？").local_places == ["温州"]


def test_each_part_asks_of_the_document_named_before_the_items(qa):
    # gz:828 "湿地率16%以上，湿地保护率55%以上": "温州规划要求…" names the gazette's plan for both parts
    ans = qa.answer("温州规划要求湿地率和湿地保护率分别达到多少？")
    assert "16%以上" in ans.answer and "55%以上" in ans.answer and not ans.refused
    assert {c.doc_id for c in ans.citations} == {"wz-gazette-2023-06"}


def test_an_item_the_named_table_lacks_is_answered_from_the_table_that_has_it_and_said_so(qa):
    # gz:485: 公共交通出行分担率 is 表2-2's 第33项 (规划值(2025年) 35); 表2-1 has no such row
    ans = qa.answer("表2-1里公共交通出行分担率规划值多少？")
    assert ans.answer.startswith("“表2-1省级生态文明建设指标规划表”中没有该项")
    assert "表2-2国家级生态文明建设指标规划表”第33项" in ans.answer and "35" in ans.answer
    # the table that has it answers without the note
    plain = qa.answer("表2-2里公共交通出行分担率规划值多少？")
    assert "中没有该项" not in plain.answer and "第33项" in plain.answer


def test_a_year_s_plan_asked_for_a_value_is_that_year_s_planned_value_of_the_item_talked_of(qa):
    # gz:477 表2-2 第27项 "城镇污水处理率 … 97.5 ≥98 ≥98.5": "2030年规划呢" is the 规划值(2030年) column,
    # not the row "生态文明建设规划" that the word 规划 would otherwise name
    later = qa.answer("2030年规划呢？", history=turn(qa, "温州城镇污水处理率现状值多少？"))
    assert "“城镇污水处理率”" in later.answer and "规划值(2030年)为“≥98.5”" in later.answer
    both = qa.answer("温州城镇污水处理率现状多少，2025年规划多少？")
    assert "规划值(2025年)为“≥98”" in both.answer and "生态文明建设规划”" not in both.answer


def test_a_document_number_no_document_writes_is_not_answered_with_a_near_one(qa):
    # the gazette prints 温政办〔2023〕56号 and 58号 (gz:1297, 1606); no document writes 60号
    ans = qa.answer("温政办〔2023〕60号是什么文件？")
    assert ans.refused and "文号“温政办〔2023〕60号”" in ans.answer and "56号" not in ans.answer.split("以下")[0]
    assert not qa.answer("温政办〔2023〕56号是什么文件？").refused
    # a number written with other brackets is the same number (gz:180 温政发〔2023〕19号)
    other = qa.answer("温政发[2023]19号主送哪些单位？")
    assert not other.refused and "（温政发〔2023〕19号）" in other.answer and "主送各县(市、区)人民政府" in other.answer
    # the end of a plan's span is no year's 规划 value ("2021—2030年规划是什么文件" asks the document)
    assert "规划值" not in qa.answer("温州2021—2030年规划是什么文件？").answer


def test_a_count_of_a_departments_rows_counts_those_rows_not_the_list(qa):
    # wz task list: 市农业农村局 leads rows 11, 14, 18, 22, 29, 31 (wz:324, 343, 367, 393, 438, 448)
    ans = qa.answer("温州任务清单里市农业农村局牵头的有几项？")
    assert "市农业农村局牵头的条目共6项" in ans.answer and "共45项" not in ans.answer  # was the list's size
    assert "任务清单第11项" in ans.answer and "任务清单第31项" in ans.answer
    assert "目标清单" not in ans.answer  # the list named


def test_a_row_number_alone_is_of_the_list_the_last_turns_named(qa):
    # wz:560-562 / 568-570: the Wenzhou policy list's rows 3 and 5 — not the third rows of four documents
    hist = turn(qa, "温州政策清单有几项？")
    ans = qa.answer("第3项是什么？", history=hist)
    assert "政策清单第3项“出台温州市低（零）碳试点建设实施方案”" in ans.answer and "共有4份文件" not in ans.answer
    hist += [{"role": "user", "content": "第3项是什么？"}, {"role": "assistant", "content": ans.answer}]
    later = qa.answer("第5项谁牵头？", history=hist)  # the list is named two turns back
    assert [c.doc_id for c in later.citations] == ["wz-plan"] and "牵头单位为市生态环境局" in later.answer


def test_a_column_asked_by_kind_of_the_one_row_found_is_answered_from_that_cell(qa):
    # gz:1243 row 24 "病死畜禽集中专业无害化处理建设工程", 建设地点 "永嘉县、泰顺县"; the question names it
    # in short, so no label match — the row answerer's one row, and the place column asked
    ans = qa.answer("病死畜禽无害化处理那个工程建在哪几个县？")
    assert "建设地点为“永嘉县、泰顺县”" in ans.answer and "未列具体数值" not in ans.answer


def test_two_rows_of_one_document_holding_the_item_with_other_leads_are_both_given(qa):
    # tz:127 协同管理清单 3 (市生态环境局、市统计局) and tz:263 协同能力清单 5 (市生态环境局) both write
    # "台州市工业企业碳账户碳排放评价体系": the question cannot tell them apart
    ans = qa.answer("台州工业企业碳账户碳排放评价体系谁负责？")
    assert "有2项载有该事项" in ans.answer and "份文件" not in ans.answer
    assert {c.start_line for c in ans.citations} == {127, 263} and "市生态环境局、市统计局" in ans.answer


def test_the_same_field_asked_again_of_a_second_item_is_a_second_part(qa):
    # "…谁负责，碳效综合评价又是谁？": tz:128 协同管理清单 4, 市经信局、市统计局、市供电局
    ans = qa.answer("台州工业企业碳账户碳排放评价体系谁负责，碳效综合评价又是谁？")
    assert "（2）台州碳效综合评价谁负责？" in ans.answer and "市经信局、市统计局、市供电局" in ans.answer
    assert 128 in {c.start_line for c in ans.citations}


def test_two_questions_of_two_regions_after_a_comma_are_each_answered_of_its_own(qa):
    # tz:188 协同治理清单 36 (市生态环境局…); zj:627-631 目标清单 8 "…达到60万吨/年以上"
    ans = qa.answer("台州活性炭再生工程谁牵头，省里活性炭再生处置规模目标多少？")
    assert "市生态环境局、温岭市政府、天台县政府" in ans.answer and "60万吨/年" in ans.answer
    assert {"tz-pilot", "zj-plan"} <= {c.doc_id for c in ans.citations} and "中未找到" not in ans.answer


def test_spoken_forms_of_the_stage_and_of_intent_are_answered(qa):
    assert "征求意见稿" in qa.answer("台州这个方案定稿了没有？").answer  # tz:5
    ans = qa.answer("台州打算把再生水回用到哪些行业？")  # tz:55
    assert "化工、印染、造纸、拆解、熔炼、热电、发电" in ans.answer and 55 in {c.start_line for c in ans.citations}
    ans = qa.answer("台州方案提到再生水可以作哪几种用水？")  # tz:55 (可以作: no "作用" glued from 作 + 用水)
    assert "生产用水、冷却用水和消防用水" in ans.answer and 55 in {c.start_line for c in ans.citations}
    ans = qa.answer("温州“十四五”末要建成多少条省级美丽河湖？")  # wz:219-220, the list's default year 2025
    assert "35条" in ans.answer and not ans.refused
    ans = qa.answer("台州三门华东能源城要带动哪些清洁能源发展？")  # tz:23 writes 推动
    assert "核能、储能、光伏、海上风电、天然气、抽水蓄能、氢能" in ans.answer


def test_a_follow_up_pointing_at_the_item_is_answered_within_its_paragraph(qa):
    # wz:45: the paragraph stating 全域创建国家级节水型社会 also writes "建设资源能源标杆再生水厂" — no one
    # sentence holds both the item's words and the follow-up's own
    first = "温州要全域创建节水型社会是哪一条讲的？"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": qa.answer(first).answer}]
    q = qa.parser.run("这条还要建设什么样的再生水厂？", history=history)
    assert q.followup and q.own and "再生水厂" in q.own
    ans = qa.answer("这条还要建设什么样的再生水厂？", history=history)
    assert not ans.refused and "建设资源能源标杆再生水厂" in ans.answer
    assert [(c.doc_id, c.start_line) for c in ans.citations] == [("wz-plan", 45)]
    # what the item's paragraph does not write is not taken from another one
    assert qa.answer("这条还要建设什么样的垃圾焚烧厂？", history=history).refused


def test_a_row_category_the_question_names_picks_the_rows_under_it(qa):
    # tz:159 stands under the category 汽车 and never says 汽车; row 1 (tz:145) shares the rest of the
    # words ("…形成“一核多点”的新能源产业发展格局") and had scored above it
    lead = qa.answer("台州汽车产业“一核多点”格局那条谁负责？")
    assert [c.locator for c in lead.citations] == ["第159行"] and "三门华东能源城" not in lead.answer
    where = qa.answer("台州汽车产业“一核多点”格局的核心区是哪些地方？")
    assert not where.refused and "台州湾新区南部（路桥）、台州湾经济技术开发区东部、温岭经济开发区北部" in where.answer


def test_a_follow_up_asking_its_own_words_is_not_answered_with_the_last_turns_field(qa):
    # "基准年呢？" carries on from "…规划期限是哪几年？": the document-facts answer of 规划期限 was given
    # again; the follow-up's own words (基准年) are in gz:322 "基准年为2020年；"
    first = "温州生态文明建设规划的规划期限是哪几年？"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": qa.answer(first).answer}]
    ans = qa.answer("基准年呢？", history=history)
    assert not ans.refused and "基准年为2020年" in ans.answer and "规划期限为2021" not in ans.answer


def test_a_documents_text_is_quoted_once_beside_another_documents_row(qa):
    # 温州's row answers, 台州's lists have none and its text does (tz:53); the text drafted for the
    # comparison quoted tz:53 a second time after the rows
    ans = qa.answer("温州和台州的城镇污水集中处理率目标各是多少？")
    lines = [(c.doc_id, c.start_line) for c in ans.citations]
    assert ("tz-pilot", 53) in lines and len(lines) == len(set(lines))
    assert ans.answer.count("城镇污水集中处理率达到95%") == 1


def test_a_run_in_title_asked_what_it_says_is_answered_with_its_paragraph(qa):
    # the principles are run-in titles opening their paragraphs (wz:14 "政府主导，市场激励。坚持双轮驱动…");
    # "第二条具体讲什么" quoted the title alone, and "第四条呢" after it found no listing to point into
    first = "温州方案基本原则有哪几条？"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": qa.answer(first).answer}]
    second = qa.answer("第二条具体讲什么？", history=history)
    assert "政府主导，市场激励" in second.answer and "坚持双轮驱动" in second.answer
    history += [{"role": "user", "content": "第二条具体讲什么？"}, {"role": "assistant", "content": second.answer}]
    fourth = qa.answer("第四条呢？", history=history)
    assert not fourth.refused and "数字赋能，机制创新" in fourth.answer and "以数字赋能改革为引领" in fourth.answer


def test_a_heading_holding_a_document_fact_word_is_asked_as_a_section(qa):
    # "发文" asks a document's date or number elsewhere; here it is a word of the heading the question
    # writes whole (gz:1601), whose four entries were answered with one line
    ans = qa.answer("6月份市政府、市政府办公室发文目录有哪些？")
    assert all(n in ans.answer for n in ("温政发〔2023〕18号", "温政发〔2023〕19号", "温政办〔2023〕56号", "温政办〔2023〕58号"))
    # a document fact asked is still one
    fact = qa.answer("温政发〔2023〕19号的发文日期是什么？")
    assert "2023年6月12日" in fact.answer


def test_a_document_fact_word_of_a_heading_named_shortened_asks_the_section(qa):
    # "6月份市政府发文目录" leaves out 、市政府办公室 of the heading (gz:1601); 发文 stands inside the
    # stretch "发文目录" the question shares with it: the section, not a document fact of one entry;
    # its bulleted lines (gz:1603-1606) are its items, one line each
    ans = qa.answer("6月份市政府发文目录有哪些")
    assert "共4项" in ans.answer
    for n, entry in enumerate(("温政发〔2023〕18号", "温政发〔2023〕19号", "温政办〔2023〕56号", "温政办〔2023〕58号"), 1):
        assert f"{n}. {entry}" in ans.answer


def test_a_count_asked_is_not_answered_by_a_direction(qa):
    # "…有几个" asks a number; gz:342 says only that 垃圾分类 "实现全覆盖" — no count of anything
    ans = qa.answer("近期重点工程里垃圾分类工程有几个")
    assert "全覆盖" not in ans.answer.split("以下为最接近的原文段落")[0]


def test_another_documents_text_beside_a_comparison_is_as_close_as_the_one_it_replaces(qa):
    # 台州's own sentence (tz:53) answers for 台州; the gazette's "农村生活污水治理率达到95%" (gz:344)
    # shares only 污水…率 with the item and was quoted in its place as "the text besides"
    ans = qa.answer("温州和台州的城镇污水集中处理率目标各是多少")
    assert ("tz-pilot", "第53行") in {(c.doc_id, c.locator) for c in ans.citations}
    assert "农村生活污水治理率" not in ans.answer and "wz-gazette-2023-06" not in {c.doc_id for c in ans.citations}


def test_a_process_asked_by_its_stages_is_its_section(qa):
    # "起草过程经历了哪些阶段": the heading "三、起草过程" (zj-note:21) named whole, its stages asked — its
    # paragraph (dated steps), not a refusal for want of a sentence writing 阶段
    ans = qa.answer("省里的编制说明提到起草过程经历了哪些阶段")
    assert not ans.refused and "2022年1月" in ans.answer and "成立编制工作组" in ans.answer


def test_the_plans_targets_are_asked_as_its_overall_goal(qa):
    # 规划目标 is a usual name of the goals section: "总体目标" asks "五、规划目标" (gz:326), whose two
    # parts are 近期目标 and 远期目标 — not the notice's opening paragraph
    ans = qa.answer("温州规划里生态文明建设的总体目标是什么")
    assert "五、规划目标" in ans.answer and "（一）近期目标（2021—2025年）" in ans.answer and "（二）远期目标（2026—2030年）" in ans.answer


def test_a_number_asked_of_a_project_row_shows_the_cell_writing_it(qa):
    # 附表1 row 4 (gz:1215) has no target column; its 主要内容 writes "新建7座…城镇污水处理厂": the count
    # asked is shown with the row's unit and period, not the unit alone
    ans = qa.answer("温州要新建几座污水处理厂")
    assert "新建7座" in ans.answer and "主要内容" in ans.answer


def test_a_count_asked_in_its_own_measure_word_needs_a_sentence_counting_in_it(qa):
    # "分几批": no document says in how many batches; a sentence counting 项 of lists (zj-note:55) answered it
    ans = qa.answer("省方案创新区建设分几批")
    assert ans.refused and "32项" not in ans.answer


def test_a_row_named_by_a_chinese_ordinal_is_that_row(qa):
    # "第一项" is row 1 of the list named (wz:552), not the list's outline
    ans = qa.answer("温州方案政策清单第一项是什么")
    assert "政策清单第1项" in ans.answer and "制定实施温州市碳达峰实施方案" in ans.answer
    assert "制定行业碳评价标准技术规范" not in ans.answer


def test_a_list_size_then_a_row_by_its_number_are_two_parts(qa):
    ans = qa.answer("温州方案的政策清单有几项，第一项是什么")
    assert "共5项" in ans.answer and "政策清单第1项" in ans.answer and "制定实施温州市碳达峰实施方案" in ans.answer


def test_the_state_and_the_target_asked_in_turn_are_each_answered_or_said_missing(qa):
    # 表2-2 row 27 (gz:477): 现状值 97.5, 规划值 ≥98 / ≥98.5; "规划多少？" was answered from another
    # indicator ("生态文明建设规划"), and "目标多少？" merged into the 现状 part and was lost
    for second in ("规划多少？", "目标多少？"):
        ans = qa.answer("温州规划里城镇污水处理率现状多少？" + second)
        first, _, rest = ans.answer.partition("（2）")
        assert "97.5" in first and "≥98" in rest and "生态文明建设规划”" not in rest
    # 台州's list row (tz:114) states a target only: the state is not found, the target is answered
    tz = qa.answer("台州的PM2.5浓度现状多少？目标多少？")
    first, _, rest = tz.answer.partition("（2）")
    assert "22微克" not in first and "22微克/立方米以下" in rest


def test_a_planned_value_asked_of_a_list_row_is_its_target(qa):
    ans = qa.answer("台州PM2.5浓度的规划值是多少")
    assert not ans.refused and "22微克/立方米以下" in ans.answer


def test_a_year_asked_of_a_sentence_stating_none_is_answered_and_said_so(qa):
    # gz:978 "…新增城市绿道500公里以上" states no year, nor does its heading: nothing contradicts 2025 —
    # it answers, saying the text names no year (it was refused as "其他年份的内容")
    ans = qa.answer("温州到2025年要新增多少公里城市绿道？")
    assert not ans.refused and "500公里" in ans.answer and "未注明年份" in ans.answer and "其他年份" not in ans.answer
    # a sentence stating another year still refuses the year asked
    other = qa.answer("到2035年温州森林覆盖率要达到多少")
    assert other.refused and "并非2035年" in other.answer
    # … and a list row has its year (its own, or its list's default 2025): not one stating "none"
    row = qa.answer("省里2035年森林覆盖率目标多少？")
    assert row.refused and "未注明年份" not in row.answer


def test_a_count_asked_inside_a_quoted_formula(qa):
    # "哪“三个一批”": the count is asked of the formula's words, written "巩固一批、创建一批、培育一批" (gz:1024)
    ans = qa.answer("温州美丽乡村创建要通过哪“三个一批”？")
    assert not ans.refused and "巩固一批、创建一批、培育一批" in ans.answer


def test_a_comparison_of_one_field_gives_that_field_side_by_side(qa):
    # "目标分别是多少" compares the targets (zj:740-744, wz:224-227): not each row's departments too
    ans = qa.answer("省里和温州的湿地保护率目标分别是多少？")
    rows = ans.answer.split("正文中的相关表述")[0]
    assert rows.count("湿地保护率达到55%以上") >= 2 and "牵头单位" not in rows


def test_what_a_section_or_a_titled_paragraph_requires(qa):
    # "要求什么" asks what the part requires (no target value): the outline of "十、加强组织实施"
    # (wz:80), and the whole paragraph a run-in title opens (wz:84), not the title alone
    part = qa.answer("温州方案的组织实施部分要求什么")
    assert not part.refused and "加强监督考核" in part.answer and "加强宣传教育" in part.answer
    para = qa.answer("温州方案对加强监督考核要求什么")
    assert "将温室气体排放控制目标完成情况纳入生态环境相关考核" in para.answer


def test_when_an_event_of_the_drafting_happened_comes_from_the_text(qa):
    # no document date answers "什么时候征求意见的"; the drafting note tells it (zj-note:23)
    ans = qa.answer("省方案什么时候征求意见的")
    assert not ans.refused and "2022年5月" in ans.answer and "征求" in ans.answer
    # a date the documents do not state is still refused
    assert qa.answer("台州方案什么时候印发的").refused


def test_a_heading_named_by_what_sets_it_apart_from_its_siblings_is_asked_whole(qa):
    # gz:1311 "6月份市政府人事任免" shares "6月份市政府" with "…记事" and "…发文目录"; the question writes
    # that opening and 任免, a word only this heading has after it: all twelve decisions (gz:1315-1339),
    # not one line of them
    ans = qa.answer("6月份市政府任免了哪些人")
    assert "6月份市政府人事任免" in ans.answer
    assert all(n in ans.answer for n in ("毛正晓", "余海燕", "金剑欣"))
    # the opening's own words (市政府) name no sibling: not the 发文目录 of "6月份市政府、市政府办公室"
    other = qa.answer("6月份市政府免去了哪些人的职务")
    assert "发文目录" not in other.answer and "金剑欣" in other.answer


def test_a_rise_asked_from_a_year_is_the_change_the_text_reports(qa):
    # "从2015年的多少提升到了多少" asks the two values gz:212 states ("由2015年的66.7%提升为87.5%"), not
    # progress on a plan (提升到了多少 reads as status): the text's report of the change answers
    ans = qa.answer("温州省控及以上断面Ⅰ-Ⅲ类水质比例从2015年的多少提升到了多少？")
    assert not ans.refused and "66.7%" in ans.answer and "87.5%" in ans.answer


def test_a_count_claimed_in_chinese_numerals_is_checked_not_searched_by(qa):
    # gz:218 writes "五大海湾被列入全国50个重点海湾": "六大" claimed is no item word to find the sentence
    # by, and is said not to be the document's
    ans = qa.answer("温州有六大海湾被列入全国50个重点海湾吧？")
    assert "五大海湾" in ans.answer and "问题所述“六大”与文件不一致" in ans.answer
    # the count as written (in digits in tz:37, "3个美丽海湾") is borne out
    right = qa.answer("台州要建成三个美丽海湾对吗")
    assert "3个美丽海湾" in right.answer and "不一致" not in right.answer


def test_a_region_word_going_on_is_no_item_of_a_comparison(qa):
    # "省里和台州…分别": the region word is 省里 — not 省 and an item "里" asked on its own
    ans = qa.answer("省里和台州对清新园区的要求分别是什么")
    assert "省里的要求是什么" not in ans.answer
    assert {c.doc_id for c in ans.citations} >= {"zj-plan", "tz-pilot"} and "60%的省级以上园区建成“清新园区”" in ans.answer
    # "省里这边…": 这边 only points at the province; no item "这边秸秆综合利用率"
    ans = qa.answer("省里这边秸秆综合利用率和畜禽粪污资源化利用率分别是多少")
    assert "“这边秸秆综合利用率”" not in ans.answer and "92%" in ans.answer


def test_a_follow_up_in_another_document_asks_the_indicator_as_the_row_answered_named_it(qa):
    # "建筑垃圾资源化利用率" is the asker's wording; wz row 22 (wz:199-202) names the indicator
    # "建筑垃圾综合利用率". Asked of the province, that name finds zj target row 24 (zj:718-721, 省建设厅) —
    # the asker's words had found task row 26 ("推进建筑垃圾和生活垃圾资源化利用", 省生态环境厅 …)
    hist = turn(qa, "温州方案里建筑垃圾资源化利用率目标多少")
    hist += turn_after(qa, "谁牵头", hist)
    ans = qa.answer("省里呢", history=hist)
    assert "目标清单第24项" in ans.answer and facts(ans, "lead")["zj-plan"] == ["省建设厅"]


def answer_after(qa, first: str, question: str):
    """The chain's answer to ``question`` asked after the one-turn dialogue ``first``."""
    return qa.answer(question, history=turn(qa, first))


def turn_after(qa, question: str, history: list[dict[str, str]]) -> list[dict[str, str]]:
    """One more turn of a dialogue: the question and the chain's answer to it given ``history``."""
    return [{"role": "user", "content": question},
            {"role": "assistant", "content": qa.answer(question, history=list(history)).answer}]


def test_what_is_already_up_to_standard_asks_the_state_the_text_reports(qa):
    # "已经达标" asks what has been achieved: the plan's own report (gz:362 "48项指标中，温州市已经达标指标43项")
    ans = qa.answer("温州省级指标已经达标的有多少项")
    assert "已经达标指标43项" in ans.answer and ans.citations[0].start_line == 362
    # with nothing naming what, no row that merely holds 达标 answers ("农村饮用水达标人口覆盖率", gz:415)
    bare = qa.answer("已经达标的有多少项")
    assert "农村饮用水达标人口覆盖率" not in bare.answer


def test_a_row_stating_no_year_in_a_list_with_no_default_is_not_said_to_be_of_another_year(qa):
    # tz 协同管理清单第1项 (tz:114) states no year and its list has no note giving one: "到2025年" asked is
    # answered from it, saying the text names no year — not "载明的是其他年份的内容"
    ans = qa.answer("台州到2025年PM2.5浓度要降到多少")
    assert "22微克/立方米以下" in ans.answer and "未注明年份" in ans.answer and "其他年份" not in ans.answer
    # "降到" asks the value: no item word ("PM2.5浓度降到" was refused)
    assert not qa.answer("台州PM2.5浓度要降到多少").refused
    # a row due in another year still is ("省里2035年森林覆盖率": target row 29, due 2025 by its list's note)
    assert "其他年份" in qa.answer("省里2035年森林覆盖率目标是多少").answer
    # ... and so does an indicator table's row, whose value columns are of years (gz:376, 规划值(2025年)…)
    assert "其他年份" in qa.answer("温州到2035年PM2.5浓度规划值是多少").answer


def test_a_field_asked_after_a_row_named_by_its_number_is_that_rows(qa):
    # "温州方案目标清单有几项" → "第5项是什么" → "谁牵头": wz 目标清单第5项 (wz:114-117), not the 5th row of
    # every list of every document
    hist = turn(qa, "温州方案目标清单有几项")
    hist += turn_after(qa, "第5项是什么", hist)
    ans = qa.answer("谁牵头", history=hist)
    assert [(c.doc_id, c.start_line) for c in ans.citations] == [("wz-plan", 114)]
    assert facts(ans, "lead")["wz-plan"] == ["市生态环境局"]


def test_a_table_of_a_document_asked_who_issues_it_is_not_said_to_be_missing_from_the_corpus(qa):
    # 台州市县（市、区）减污降碳协同指数 is tz's own table (tz:268 …); no text says who issues it: refused,
    # without "文件库未收录该文件", which is said of a document the corpus lacks
    ans = qa.answer("台州的协同指数是谁发布")
    assert ans.refused and "文件库未收录" not in ans.answer and "文件未载明由谁、何时发布" in ans.answer
    assert "文件库未收录该文件" in qa.answer("温州碳达峰实施方案是哪天印发的").answer


def test_a_follow_up_keeps_the_indicator_asked_of_a_row_stating_two(qa):
    # wz target row 23 (wz:204-207) states 畜禽粪污…处理率 and 农作物秸秆综合利用率: "台州呢" after it asks
    # the 秸秆 rate, not the other indicator of the row (tz:67 "畜禽粪污资源化利用和无害化处理率达92%以上")
    hist = turn(qa, "省方案里秸秆综合利用率目标是多少")
    hist += turn_after(qa, "温州呢", hist)
    ans = qa.answer("台州呢", history=hist)
    assert "畜禽粪污" not in ans.answer.split("以下为最接近的原文段落")[0]


def test_a_later_part_asking_its_own_value_is_not_asked_in_the_earlier_parts_unit(qa):
    # "…小微湿地多少处？湿地率要保持在多少以上？" (gz:828): the second part asks the rate, in no unit and
    # not as a count — not a sentence counting "36处" of nature reserves (gz:208)
    ans = qa.answer("温州到2024年新建或治理小微湿地多少处？湿地率要保持在多少以上？")
    second = ans.answer.split("（2）")[1]
    assert "湿地率16%以上" in second and "36处" not in second


def test_two_value_columns_asked_after_a_comma_are_both_answered(qa):
    # 自然岸线保有率 (gz:402): 现状值 38.2%, 规划值 "完成上级管控目标" — the second column asked after a
    # comma is answered too, not dropped
    ans = qa.answer("温州自然岸线保有率现状多少，目标是什么？")
    assert "38.2%" in ans.answer and "规划值(2025年)为“完成上级管控目标”" in ans.answer


def test_a_time_no_row_states_is_not_found(qa):
    # tz's list has no time column and no note (tz:178): the time asked is not found — the row is shown
    ans = qa.answer("台州大龙湾滨海产业带综合开发项目哪年完工？")
    assert ans.refused and "完成时限" in ans.answer and [c.start_line for c in ans.citations] == [178]
    # a question of the entry itself ("那项") is answered that its list states none (wz:315-318)
    ans = qa.answer("码头岸电设施全覆盖那项什么时候完成？")
    assert not ans.refused and "未注明完成时限" in ans.answer
    # a row whose list note gives the year still answers (zj 注：上表中未注明的，完成时限均为2025年)
    assert not qa.answer("编制大气污染物和温室气体排放融合清单什么时候完成？").refused


def test_words_the_asker_wrote_apart_are_not_searched_joined(qa):
    # "开发的区块": jieba cuts the joined "开发区块" as 开发区 + 块 — 开发区 sentences (gz:872) are not it;
    # gz:914 "统筹推进乐清湾、大小门岛、瓯江口、瓯飞等区块开发" is
    ans = qa.answer("温州规划统筹推进开发的区块有哪些？")
    assert [c.start_line for c in ans.citations] == [914] and "大小门岛" in ans.answer


def test_an_indicator_row_asked_for_its_value_gives_the_standard_too(qa):
    # 表2-2 row 12 (gz:456): 国家级创建参照值 "≥95 不明显 不降低" besides the 现状 and 规划 columns
    ans = qa.answer("温州国家重点保护野生动物保护率的指标值是多少？")
    assert "参照值为“≥95" in ans.answer and "现状值(2020年)" in ans.answer


def test_an_indicator_table_named_by_its_title_is_counted(qa):
    # 表2-2 (gz:438-492) has 39 rows; 表2-1's text lacks its row 24 (gz:399-401): 48, the gap said — not
    # the 重点工程汇总表's 总计 row (49 projects, gz:1147), a table sharing fewer of the words
    ans = qa.answer("温州规划国家级生态文明建设指标有多少项？")
    assert "表2-2" in ans.answer and "共39项" in ans.answer
    ans = qa.answer("温州省级生态文明建设指标一共几项？")
    assert "表2-1" in ans.answer and "共48项" in ans.answer and "未见第24项" in ans.answer
    assert "汇总表" not in ans.answer


def test_a_field_asked_with_its_item_is_asked_apart_when_not_found_together(qa):
    # "…是哪个岛？谁牵头？": no row is about it; the text names 椒江大陈岛 (tz:37) and no department —
    # the island is answered, the department said not found, not the whole refused
    ans = qa.answer("台州零碳岛屿试点是哪个岛？谁牵头？")
    assert not ans.refused and "大陈岛" in ans.answer and "（2）谁牵头？" in ans.answer
    # a row answering both fields together stays one answer (zj 任务清单第11项, zj:954-958)
    assert "（1）" not in qa.answer("秸秆综合利用那条谁牵头？什么时候完成？").answer


def test_a_follow_up_asking_only_a_column_is_of_the_last_turns_item(qa):
    # "达标了吗？" after 公共交通出行分担率 (表2-2 row 33, gz:485, 是否达标 否): that row, not rows holding
    # 达标 in their names (农村饮用水达标人口覆盖率, gz:415)
    ans = answer_after(qa, "温州公共交通出行分担率现状多少？", "达标了吗？")
    assert [c.start_line for c in ans.citations] == [485] and "是否达标：否" in ans.answer


def test_a_follow_up_asking_the_corresponding_row_of_another_place(qa):
    # "省里对应的是哪一条？" after wz 任务清单第6项 (涉VOCs治理“绿岛”, wz:293-296): the province's row of the
    # same item (zj 任务清单第6项, zj:873-900), as "省里呢？" would
    ans = answer_after(qa, "温州方案里VOCs治理绿岛那条谁牵头？", "省里对应的是哪一条？")
    assert not ans.refused and {c.doc_id for c in ans.citations} == {"zj-plan"} and "绿岛" in ans.answer


def test_the_n_th_of_rows_listed_inline_is_that_row_not_the_lists_n_th(qa):
    # "其下共2项：第22项…、第23项…" (tz:294-295): "第一个指标" is 第22项 (VOC源头替代完成比例), not the
    # index's row 1 (PM2.5浓度, tz:272)
    ans = answer_after(qa, "台州协同指数里大气协同治理占几分？", "第一个指标的数据谁提供？")
    assert [c.start_line for c in ans.citations] == [294] and "VOC源头替代完成比例" in ans.answer


def test_the_n_th_document_listed_is_asked_by_its_title(qa):
    # the gazette's documents listed (gz:138-140, 178-180, 1295-1297): "第二个文件是哪天印发的？" asks the
    # 生态文明建设规划 notice's date (2023年6月12日, gz:188); "第一个呢？" then the first document
    hist = turn(qa, "这期公报里有几个文件？")
    ans = qa.answer("第二个文件是哪天印发的？", history=hist)
    assert "2023年6月12日" in ans.answer and "共3项" not in ans.answer
    hist += turn_after(qa, "第二个文件是哪天印发的？", hist)
    assert "温政发〔2023〕18号" in qa.answer("第一个呢？", history=hist).answer


def test_whether_an_indicator_meets_its_standard_is_answered_from_its_row(qa):
    # 表2-1 row 8 (gz:376) states 是否达标; the sentence on the city's PM2.5 level (gz:212) says nothing of
    # the standard: the row answers, the sentence only besides
    ans = qa.answer("温州PM2.5浓度是否达标？")
    assert ans.citations[0].start_line == 376 and "是否达标：" in ans.answer.split("正文中的相关表述")[0]


def test_the_row_a_unit_leads_asked_as_one_item(qa):
    # "哪项目标" is the question, not an item word: 杭州铁路办事处 leads one row, zj 目标清单第13项 (zj:661)
    for question in ("杭州铁路办事处牵头的是哪项目标？", "杭州铁路办事处牵头的是哪一项？"):
        ans = qa.answer(question)
        assert not ans.refused and "铁路货运量占比年均增速" in ans.answer and "共1项" in ans.answer


def test_an_investment_asked_of_a_row_stating_none_is_not_answered_with_its_target(qa):
    # wz 目标清单第8项 (wz:130) states how many centres and how large, no investment
    ans = qa.answer("温州活性炭集中再生中心总投资多少？")
    assert ans.refused and "7万吨" not in ans.answer
    # a row stating its investment still answers (gz:1249)
    assert "123.4" in qa.answer("苍南1#2#海上风电项目投资多少？").answer


def test_a_state_asked_is_not_answered_with_a_target(qa):
    # tz:57 "到2025年，城区再生水利用率达到35%" is a target; no text states the current rate
    ans = qa.answer("台州城区再生水利用率现状是多少？")
    assert ans.refused and "现状值" in ans.answer and "35%" not in ans.answer
    assert "35%" in qa.answer("台州城区再生水利用率目标是多少？").answer


def test_each_lists_size_asked_with_the_lists(qa):
    # zj's three lists (zj:562, 773, 1431) with their sizes, each cited at its last row: 目标清单 ends at row 32
    # (zj:763-770), 任务清单 at 47, 政策清单 at 9 (as the drafting note sums them, note:55-57); it had quoted a
    # sentence on 融合清单, and "分别有多少项" as a second part had been lost
    for question in ("省方案各清单分别有多少项？", "省方案有几个清单？分别有多少项？"):
        ans = qa.answer(question)
        assert "目标清单[1]：共32项" in ans.answer and "任务清单[3]：共47项" in ans.answer and "政策清单[5]：共9项" in ans.answer
    # the lists alone when only they are asked
    assert "共32项" not in qa.answer("省方案有几个清单").answer


def test_a_printed_document_named_by_its_kind_alone(qa):
    # "温州规划": of the three documents the gazette prints (gz:138, 178, 1295), only the notice printing the
    # 生态文明建设规划 has 规划 in its title: its schedules (gz:1203-1205, 1275-1277), not a row's sentence
    ans = qa.answer("温州规划里有几个附表？")
    assert "附表共2项" in ans.answer and [c.start_line for c in ans.citations] == [1203, 1275]


def test_a_later_part_asking_a_document_fact_stays_with_the_document_named(qa):
    # "文号是什么？" after a part naming 台州方案: 台州方案's (it has none: a draft), not every document's
    ans = qa.answer("台州方案什么时候印发的？文号是什么？")
    assert "温政发" not in ans.answer and "未载文号" in ans.answer
    # 发文字号 is the 文号 written out; "温州规划" is the one printed title writing 规划 (gz:178-180)
    ans = qa.answer("温州规划的发文字号是什么？")
    assert "温政发〔2023〕19号" in ans.answer and "温政发〔2023〕18号" not in ans.answer
    hist = turn(qa, "温州规划是哪天印发的？")
    assert "温政发〔2023〕18号" not in qa.answer("文号是什么？", history=hist).answer


def test_units_asked_together_are_the_rows_all_of_them_hold(qa):
    # "共同牵头": zj rows led by both 省发展改革委 and 省生态环境厅 (任务清单第7项 among them, zj:902-910),
    # not the 58 rows either leads
    ans = qa.answer("省里哪几项任务由省发展改革委和省生态环境厅共同牵头？")
    assert "共同牵头的条目共6项" in ans.answer and "任务清单第7项" in ans.answer
    assert "目标清单第3项" not in ans.answer  # (led by 省发展改革委 alone, zj:588)
    # "都参与了哪些": both among the participants (目标清单第2项, zj:578-586)
    ans = qa.answer("省经信厅和省建设厅都参与了哪些目标？")
    assert "共同参与的条目" in ans.answer and "目标清单第2项" in ans.answer
    # "…牵头的都有哪些": every row either leads (都有 lists; it does not join)
    ans = qa.answer("省发展改革委和省生态环境厅牵头的都有哪些？")
    assert "共同" not in ans.answer and "目标清单第3项" in ans.answer


def test_a_goal_year_no_document_sets_says_the_years_it_does(qa):
    # wz sets goals for 2025 and 2030 (wz:21, wz:23), none for 2035: refused, naming those years, cited
    ans = qa.answer("温州方案2035年的目标是什么？")
    assert ans.refused and "2025年" in ans.answer and "2030年" in ans.answer
    assert [c.start_line for c in ans.citations] == [21, 23]
    # a year only inside a title quoted (gz:306 "…规划纲要（2020—2035年）》") is no answer for 2035
    assert qa.answer("温州规划2035年目标是什么？").refused


def test_a_year_asked_of_a_sentence_is_the_year_its_paragraph_sets(qa):
    # tz:13-15 "到2025年，…。…创建8个减污降碳协同试点，建设40个省市减污降碳标杆项目。": the second sentence
    # writes no year, its paragraph sets 2025 — the answer leads with it; "到哪年？" as a follow-up asks
    # a year (not the earlier count), and a value the question names that no row writes but the text
    # does is no wrong premise
    hist = turn(qa, "台州要建设几个省市减污降碳标杆项目？")
    ans = qa.answer("到哪年？", history=hist)
    assert not ans.refused and "“到2025年…" in ans.answer and [c.start_line for c in ans.citations] == [13]
    ans = qa.answer("台州创建8个减污降碳协同试点是到哪年？")
    assert not ans.refused and "到2025年" in ans.answer and "玉环" not in ans.answer


def test_the_kinds_of_a_thing_asked_are_not_a_sections_outline(qa):
    # "哪些方面的政策措施": tz:95 "创新有利于减污降碳协同发展的财税、物价、金融等政策措施" — not the outline of
    # the paragraph headed "（二）创新协同政策" (tz:85), whose words the question only scatters
    ans = qa.answer("台州方案要创新哪些方面的政策措施支持减污降碳协同发展？")
    assert "财税、物价、金融" in ans.answer and [c.start_line for c in ans.citations] == [95]
    # a kind of section after 的 is still its outline (tz:91 "九、加强组织实施")
    assert "共4项" in qa.answer("台州方案有哪些方面的保障措施？").answer


def test_a_similar_question_earlier_is_read_as_the_place_asked_later(qa):
    # "台州有类似的吗？" stood for "台州呢？": after it, "省里呢？" asks the same item (the wind and solar row,
    # zj:621-625) and its lead, not an item named 类似
    hist = turn(qa, "温州风电光伏装机目标多少？")
    hist += turn_after(qa, "谁牵头？", hist)
    hist += turn_after(qa, "台州有类似的吗？", hist)
    ans = qa.answer("省里呢？", history=hist)
    assert not ans.refused and "目标清单第7项" in ans.answer and "牵头单位" in ans.answer


def test_a_measured_item_is_not_the_section_whose_words_it_holds(qa):
    # "一般工业固废综合利用率的目标": a rate (zj 目标清单第23项, zj:712-716: 98%以上), not the outline of
    # "（十二）强化固废综合利用" (zj:306), whose words it holds before 率
    ans = qa.answer("省里一般工业固废综合利用率的目标和牵头单位分别是什么？")
    first = ans.answer.split("（2）")[0]
    assert "目标清单第23项" in first and "98%以上" in first and "省生态环境厅" in ans.answer
    assert qa.answer("省方案的强化固废综合利用讲了什么？").citations[0].start_line == 306


def test_the_time_of_a_row_asked_by_its_number_is_that_its_list_states_none(qa):
    # tz 协同治理清单第30项 (tz:180-182) and its list state no time: the entry asked by number is answered so
    # (as "…那项什么时候完成" is), not refused with an empty item name ("未找到“”的完成时限")
    hist = turn(qa, "台州协同治理清单第30项是什么？")
    ans = qa.answer("什么时候完成？", history=hist)
    assert not ans.refused and "该清单未注明完成时限" in ans.answer and "“”" not in ans.answer


def test_a_class_of_answer_one_unrelated_sentence_writes_is_no_item_word(qa):
    # "利用哪些节日": the plan names the days (tz:101 "利用六五环境日、全国低碳日、全国节能宣传周等…开展宣传教育
    # 活动") without the word 节日, which only the gazette's "节日安全" holds; a sentence without the act (利用)
    # is not quoted for them
    ans = qa.answer("台州利用哪些节日开展宣传？")
    assert not ans.refused and "六五环境日" in ans.answer and ans.citations[0].start_line == 101
    ans = qa.answer("省里利用哪些节日开展减污降碳宣传？")
    assert not ans.refused and "六五环境日" in ans.answer and "科普活动" not in ans.answer


def test_who_made_a_document_is_its_signature_or_the_sentence_telling_who_drafted_it(qa):
    # "省方案是哪个部门编制的": the drafting note tells (zj-note:23 "省生态环境厅组织…成立编制工作组"), not the row
    # "发布…碳排放评价编制指南" whose lead is the same office by chance; a printed notice's issuer signs above its
    # date (gz:1303); a plan stating no maker is refused, not answered with a row "制定实施…控制方案"
    ans = qa.answer("省方案是哪个部门编制的？")
    assert not ans.refused and (ans.citations[0].doc_id, ans.citations[0].start_line) == ("zj-note", 23)
    assert "清单" not in ans.answer
    ans = qa.answer("温州市区声环境功能区划分方案是谁发的？")
    assert "发文机关为温州市人民政府办公室" in ans.answer and any(c.start_line == 1303 for c in ans.citations)
    assert qa.answer("台州方案是谁制定的？").refused
    # the issuer of the notice printing a plan did not draft it ("编制"): refused, not 温州市人民政府; a plan with
    # no signature asked who made it is answered by who drafted it, labelled so
    assert qa.answer("温州生态文明建设规划是哪个部门编制的？").refused
    assert "编制单位“2022年1月，省生态环境厅组织" in qa.answer("省方案是谁制定的？").answer


def test_which_of_two_values_is_higher_is_answered_with_both_values(qa):
    # "哪个目标更高" names no item ("…利用率更高"): 台州's prose value (tz:67 "保持98%以上") beside the province's
    # row; "谁的目标更高" asks no one: 台州's 35% (tz:57), not a 台州 row on 再生水 with no value
    ans = qa.answer("一般工业固废综合利用率省里和台州哪个目标更高？")
    assert {("zj-plan", 712), ("tz-pilot", 67)} <= {(c.doc_id, c.start_line) for c in ans.citations}
    ans = qa.answer("城区再生水利用率温州和台州谁的目标更高？")
    assert "35%" in ans.answer and "玉环市" not in ans.answer and "20%" in ans.answer


def test_a_unit_in_another_units_parentheses_leads_that_row_too(qa):
    # zj 目标清单第3项 is led by "省发展改革委（省能源局）" (zj:588): a row 省能源局 leads, shown as written; before,
    # only 第7项 (where 省能源局 stands alone) was listed
    ans = qa.answer("省方案里哪些任务是省能源局牵头的？")
    assert "共5项" in ans.answer and "目标清单第3项" in ans.answer and "原文写作“省发展改革委（省能源局）”" in ans.answer
    assert "目标清单第7项" in ans.answer and "省发展改革委牵头的条目共13项" in qa.answer("省发展改革委牵头的有几项？").answer


def test_the_things_of_a_kind_asked_with_no_item_are_every_mention(qa):
    # "台州有哪些示范区": tz writes four (tz:27, 89, 209, 260), not the one row nearest the bare word; asked with
    # item words ("在碳汇方面开展哪些试点") the passage answers (wz:60 "推进红树林蓝碳试点建设")
    ans = qa.answer("台州有哪些示范区？")
    assert "写到“示范区”的共有4处" in ans.answer
    assert {c.start_line for c in ans.citations} == {27, 89, 209, 260}
    ans = qa.answer("温州在碳汇方面开展哪些试点？")
    assert "写到“试点”" not in ans.answer and ans.citations[0].start_line == 60


def test_a_count_asked_is_a_rows_only_where_the_row_counts_the_thing(qa):
    # "标杆项目要建几个": tz 协同治理清单第48项 names 标杆项目 uncounted ("建成一批固体废物标杆项目和1000个以上…单元",
    # tz:201) — its counts are of other things; the 主要目标 sentence counts them (tz:13-15 "建设40个…标杆项目")
    ans = qa.answer("台州的标杆项目要建几个？")
    assert "第48项" not in ans.answer and ("tz-pilot", 13) == (ans.citations[0].doc_id, ans.citations[0].start_line)
    ans = qa.answer("台州氮磷拦截沟要新增几条？")  # a count after the thing counts it ("新增氮磷拦截沟40条")
    assert "40条" in ans.answer.replace(" ", "") and not ans.refused


def test_a_year_asked_anew_after_a_list_row_is_what_the_documents_state_for_it(qa):
    # "省里要建多少个创新园区？" is answered from zj 目标清单第6项 (due 2025); "到2030年呢？" asks the 2030 goal
    # (zj:85-91 "累计创建40个创新城市、100个创新园区"), not that row refused as of another year
    hist = turn(qa, "省里要建多少个创新园区？")
    ans = qa.answer("到2030年呢？", history=hist)
    assert not ans.refused and "100个创新园区" in ans.answer and ans.citations[0].start_line == 85


def test_a_class_the_texts_often_write_is_not_dropped(qa):
    # "深化什么改革": 改革 stands in some fifty sentences — no class the texts name by members only; without it
    # the act alone (深化) picked "深化农业科技服务支撑体系" of the gazette, another item (answered wrong)
    assert "机器换人" not in qa.answer("温州深化什么改革推进农业减污降碳？").answer


def test_a_part_named_by_number_in_a_follow_up_is_of_the_same_chapter(qa):
    # "第三部分呢？" after "温州规划第七章第二部分讲什么？": chapter seven's third part (gz:1030 "三、全域推进生态示范
    # 创建"), not chapter seven's outline nor a refusal
    hist = turn(qa, "温州规划第七章第二部分讲什么？")
    ans = qa.answer("第三部分呢？", history=hist)
    assert ans.citations[0].start_line == 1030 and "高质量推进生态示范创建" in ans.answer


def test_a_place_claimed_for_confirmation_is_checked_not_searched(qa):
    # "…在路桥区吧？": the sentence writing the pilot says 椒江区 (tz:87); 路桥 is the claim, not an item word
    ans = qa.answer("台州大陈岛海洋蓝碳交易试点在路桥区吧？")
    assert not ans.refused and "椒江区大陈岛海洋蓝碳交易试点" in ans.answer and ans.citations[0].start_line == 87


def test_the_members_of_a_group_are_those_the_text_says_set_it_up(qa):
    # "编制工作组由哪几家单位组成": note:23 "省生态环境厅组织部规划院、省低碳发展中心、省环科院成立编制工作组";
    # 哪几家 asked no unit 家 of the sentence, and 组成 was no item word (refused before)
    ans = qa.answer("编制工作组由哪几家单位组成？")
    assert not ans.refused and "部规划院、省低碳发展中心、省环科院成立编制工作组" in ans.answer
    assert ans.citations[0].doc_id == "zj-note" and ans.citations[0].start_line == 23


def test_which_ones_asked_is_no_value_of_the_row(qa):
    # "在哪几个地方建": 哪几个 asks which, not how many — tz:188's row "推进天台、温岭活性炭再生工程建设" had been
    # answered "该项未列具体数值" as if a count were asked
    ans = qa.answer("台州的活性炭再生工程在哪几个地方建？")
    assert "天台、温岭" in ans.answer and "未列具体数值" not in ans.answer and ans.citations[0].start_line == 188


def test_which_is_higher_is_said_after_the_values_side_by_side(qa):
    # zj 目标清单第3项 "…比重达到24%" and wz 目标清单第3项 "…达到13%": the values side by side, then which is
    # higher (before, both values stood without the answer to 哪个更高)
    ans = qa.answer("省里和温州的非化石能源占比目标哪个更高？")
    assert ans.answer.endswith("比较：按以上原文，浙江省（达到24%）高于温州市（达到13%）。")
    # Wenzhou's two documents state two 再生水利用率 (wz:185 20%, gz:632 25%): no verdict on which is higher
    assert "比较：" not in qa.answer("温州和台州的再生水利用率谁的目标更高？").answer


def test_what_was_asked_carries_through_a_turn_that_only_named_another_item(qa):
    # "台州森林覆盖率目标多少？" → "湿地保护率呢？" → "温州呢？": the target is still asked — wz 目标清单第27项's
    # 湿地保护率 value first, not the row's departments and deadline as for a question asking nothing
    hist = turn(qa, "台州森林覆盖率目标多少？")
    hist += turn_after(qa, "湿地保护率呢？", hist)
    ans = qa.answer("温州呢？", history=hist)
    assert "目标值：湿地保护率达到55%以上" in ans.answer and "牵头单位" not in ans.answer


def test_a_value_written_twice_alike_is_the_clause_asked(qa):
    # wz 目标清单第9项 "…分别降低20%和10%，溶剂型胶粘剂使用量降低20%": both 降低20% had been taken for the first
    # clause's, so no clause stood out and all three values were given unsorted
    ans = qa.answer("温州溶剂型胶粘剂使用量要降低多少？")
    assert "目标值：溶剂型胶粘剂使用量降低20%（同一行另列" in ans.answer


def test_a_document_quoted_is_not_said_to_state_nothing(qa):
    # tz:53 "城镇污水集中处理率达到95%" is quoted for 台州 (its lists have no such row); the passage search over both
    # regions then found only Wenzhou's sentences and had added "台州…中未找到…相关的表述" — contradicting the quote
    ans = qa.answer("温州和台州的城镇污水处理率目标哪个高？")
    assert "城镇污水集中处理率达到95%" in ans.answer and "相关的表述。" not in ans.answer
    # a document not quoted at all is still said to state nothing (the Taizhou plan writes no 公用充电桩)
    assert "台州市减污降碳协同试点建设实施方案（征求意见稿）》中未找到与“公用充电桩”相关的表述" in qa.answer(
        "温州和台州哪个的公用充电桩目标多？").answer


def test_a_units_rows_asked_by_their_kind_are_the_rows_of_that_kind(qa):
    # tz:131 "2、玉环市国家典型地区再生水利用配置试点 玉环市政府": of 玉环市政府's five rows (tz:131, 149, 150,
    # 217, 233) two are 试点 (tz:131, 217) — "哪个试点" asks those, and the listing is no refusal
    ans = qa.answer("台州试点清单里由玉环市政府负责的是哪个试点？")
    assert not ans.refused and "共2项" in ans.answer and "玉环市国家典型地区再生水利用配置试点" in ans.answer
    assert [c.start_line for c in ans.citations] == [131, 217]
    # "有几个试点是…负责的": a count of the unit's rows (tz:130-140: 8 of the 10 试点 are 台州市政府's)
    count = qa.answer("台州试点清单里有几个试点是台州市政府负责的？")
    assert not count.refused and "台州市政府牵头或参与的条目共8项" in count.answer
    # "哪个目标": of 省林业局's four rows (zj:740, 1185, 1205, 1374) the 目标清单's one (zj:740-744)
    goal = qa.answer("省方案里省林业局牵头的是哪个目标？")
    assert "省林业局牵头的条目共1项" in goal.answer and "目标清单第29项" in goal.answer and "任务清单" not in goal.answer
    # "有几个单位参与的" counts units, not a unit's rows
    assert "牵头或参与的条目" not in qa.answer("省农业农村厅牵头的秸秆综合利用那条有几个单位参与的？").answer


def test_which_places_asked_of_a_row_naming_none_is_refused_with_the_row_shown(qa):
    # zj:741 "建成林业增汇试点县10个": the row says how many, not which — not answered with it as if it did
    ans = qa.answer("省里10个林业增汇试点县具体是哪几个县？")
    assert ans.refused and "具体是哪些县" in ans.answer and "建成林业增汇试点县10个" in ans.answer
    # a row that names the places answers (tz:190: 椒江区、黄岩区…)
    assert "椒江" in qa.answer("台州要完成哪几个县的污水厂建设？").answer


def test_a_comparison_reads_no_value_from_another_cell_of_a_cited_table_row(qa):
    # zj:718 and wz:200 both write "建筑垃圾综合利用率达到90%以上"; the gazette's project row cited beside them
    # (gz:1246) names the rate in one cell and "建筑垃圾(1000吨/日)" in another — no second Wenzhou value
    ans = qa.answer("温州和省里的建筑垃圾综合利用率目标哪个低？")
    assert "比较：按以上原文，浙江省（达到90%以上）、温州市（达到90%以上）所写数值相同。" in ans.answer


def test_which_is_due_earlier_is_read_from_the_rows_deadlines(qa):
    # zj:723 and wz:204 state no year of their own: each takes its list's note, 2025 (zj:772, wz:245)
    ans = qa.answer("省里和温州的畜禽粪污资源化利用率目标哪个完成得更早？")
    assert "完成时限为2025年" in ans.answer
    assert "比较：按以上条目，浙江省（2025年）、温州市（2025年）完成时限相同。" in ans.answer
    # "完成得更早" is the comparing, no item word
    assert "得更早" not in ans.query.content


def test_the_last_row_of_a_list_is_asked_by_position(qa):
    # wz:540-543 is the 任务清单's 45th and last row; tz:222 the 协同治理清单's 66th
    ans = qa.answer("温州任务清单最后一项是什么？")
    assert "任务清单第45项“依托温州市碳达峰碳中和集成改革工作契机" in ans.answer and "共45项" not in ans.answer
    lead = qa.answer("台州协同治理清单最后一条谁负责？")
    assert "协同治理清单第66项“三门县沿海工业城减污降碳协同试点”：责任单位为三门县沿海工业城发展服务中心" in lead.answer
    # a follow-up asking the last row is of the list the turn before named (wz:568-570)
    after = qa.answer("最后一项是什么？", history=turn(qa, "温州政策清单有几项？"))
    assert "政策清单第5项“制定行业碳评价标准技术规范”" in after.answer
    # a place counted from the end: 倒数第二 is the 44th of 45 (wz:533-536), not the 2nd its "第二项" names
    ans = qa.answer("温州任务清单倒数第二项是什么？")
    assert "任务清单第44项“在推动蓝碳生态系统监测评估试点建设的基础上" in ans.answer
    assert "第2项" not in ans.answer
    before = qa.answer("倒数第二条呢？", history=turn(qa, "温州政策清单有几项？"))
    assert "政策清单第4项“编制温州市减污降碳协同创新试点申报方案”" in before.answer


def test_two_rows_of_a_list_asked_together_are_each_answered(qa):
    # wz:552-554 and wz:560-562: 政策清单's 1st and 3rd rows — both answered, not the first alone
    ans = qa.answer("温州政策清单第1项和第3项分别是什么？")
    assert "政策清单第1项“制定实施温州市碳达峰实施方案”" in ans.answer
    assert "政策清单第3项“出台温州市低（零）碳试点建设实施方案”" in ans.answer
    # a position with a number: the list is named in both parts (tz:145, tz:222)
    both = qa.answer("台州协同治理清单第一条和最后一条分别是什么？")
    assert [c.start_line for c in both.citations] == [145, 222]


def test_a_bare_province_name_asks_the_provinces_documents(qa):
    # "浙江森林覆盖率…": the province's row (zj:740-744), not Wenzhou's and Taizhou's rates beside it
    ans = qa.answer("浙江森林覆盖率目标多少？")
    assert "全省森林覆盖率达到61.5%" in ans.answer and {c.doc_id for c in ans.citations} == {"zj-plan"}
    assert ans.query.regions_named == ["浙江"] and "浙江" not in ans.query.content
    # a name the documents write on from 浙江 is an item (gz:1250 "浙江三澳核电一期", a Wenzhou project)
    assert "376.6" in qa.answer("浙江三澳核电一期投资多少？").answer


def test_a_comparison_asked_after_the_regions_compares_every_region_the_item_was_asked_of(qa):
    # zj:588 "达到24%", tz:123 "达到25%": "两者哪个更高" names no item and no region — both turns' are meant
    history = turn(qa, "省里非化石能源占比目标多少？")
    history += turn_after(qa, "台州呢？", history)
    ans = qa.answer("两者哪个更高？", history=history)
    assert {"zj-plan", "tz-pilot"} <= {c.doc_id for c in ans.citations}
    assert "比较：按以上原文，台州市（达到25%）高于浙江省（达到24%）。" in ans.answer
    assert ans.query.content and "两者" not in ans.query.content


def test_a_row_numbered_within_a_class_is_the_classs_row_at_that_place(qa):
    # tz:200 "47、完成温岭市、仙居县危险废物集中处置设施…" opens the 固废 class of 协同治理清单 — "固废方面第一条"
    # is that row, not the list's first (tz:145)
    ans = qa.answer("台州协同治理清单里固废方面第一条是什么？")
    assert "协同治理清单第47项“完成温岭市、仙居县危险废物集中处置设施" in ans.answer
    assert [c.start_line for c in ans.citations] == [200]
    # the last of a class (tz:189, 大气's 37th row), and the list's own numbering when no class is named
    assert "协同治理清单第37项" in qa.answer("台州协同治理清单里大气方面最后一条谁负责？").answer
    assert "协同治理清单第1项“以三门华东能源城为核心" in qa.answer("台州协同治理清单第1条是什么？").answer


def test_each_unit_named_with_its_own_role_keeps_the_rows_where_each_holds_it(qa):
    # zj:873-879 任务清单第6项: lead 省生态环境厅, participants 省发展改革委、省经信厅 — "A牵头…B参与" asks such
    # rows (6 of them), not every row either unit leads or joins (39)
    ans = qa.answer("省方案任务清单中省生态环境厅既牵头又有省发展改革委参与的有几项？")
    assert "省生态环境厅牵头、省发展改革委参与的条目共6项" in ans.answer and "任务清单第6项" in ans.answer
    assert "共39项" not in ans.answer


def test_a_row_named_by_its_heading_answers_from_the_rows_under_it(qa):
    # the rows under "（二十五）科技研发创新与应用示范" do not write the heading: the heading names them
    ans = qa.answer("温州科技研发创新与应用示范那项谁负责？")
    assert not ans.refused and "按《温州市碳达峰碳中和集成改革实施方案》确定的职责分工负责" in ans.answer
    # ... not another document's row sharing its words (the gazette's "生态环境监测能力提升工程")
    ans = qa.answer("温州提升碳监测能力那项谁牵头？")
    assert not ans.refused and "温州市自然资源和规划局" in ans.answer and "生态环境监测能力提升工程" not in ans.answer
    assert "按《温州市碳达峰碳中和集成改革实施方案》" in qa.answer("温州科技研发创新与应用示范那项按哪个文件确定分工？").answer


def test_an_indicator_asked_with_its_tables_title_is_the_indicator(qa):
    # "国家级生态文明建设指标里…" names the table, not words of the indicator
    ans = qa.answer("国家级生态文明建设指标里河长制是约束性还是参考性？")
    assert not ans.refused and "河长制" in ans.answer and "约束性" in ans.answer and "表2-2" in ans.answer
    assert qa.answer("国家级生态文明建设指标里噪声投诉率是多少？").refused


def test_a_run_in_title_named_whole_answers_from_its_paragraph(qa):
    # the principle's title says nothing of the market's role: the rest of its paragraph does
    ans = qa.answer("省方案“政府主导，市场激励”里，市场要发挥什么作用？")
    assert not ans.refused and "决定性作用" in ans.answer
    assert "决定性作用" in qa.answer("省方案“政府主导，市场激励”讲了什么？").answer


def test_how_many_blocks_a_part_splits_into_is_an_outline(qa):
    # "分几块" asks a section's parts, as "有哪几条" does
    ans = qa.answer("台州方案推进大气污染减污降碳协同这部分分几块？")
    assert not ans.refused and "共3项" in ans.answer
    assert "强化移动源大气污染物与温室气体协同控制" in ans.answer


def test_the_indicators_a_department_provides_data_for_are_the_index_rows_it_sources(qa):
    # "提供数据的指标": the index's 数据来源 column — not the list rows the department leads
    ans = qa.answer("台州协同指数中市统计局提供数据的指标有哪些？")
    assert not ans.refused and "数据来源为市统计局的指标共6项" in ans.answer
    assert "协同管理清单" not in ans.answer and "单位GDP碳排放下降率" in ans.answer


def test_indicators_asked_by_the_weight_they_carry(qa):
    ans = qa.answer("台州协同指数中权重为6的指标是哪个？")
    assert not ans.refused and "减污降碳协同试点示范" in ans.answer and "权重为6的指标共1项" in ans.answer
    ans = qa.answer("台州协同指数中哪个二级指标分值是6？")
    assert not ans.refused and "“水环境”（6）" in ans.answer and "“协同减排”（6）" in ans.answer
    # a weight no row carries is said to be absent, not answered with the table's totals
    assert qa.answer("台州协同指数里权重为7的指标有哪些？").refused


def test_rows_with_no_lead_yet_are_counted(qa):
    ans = qa.answer("省目标清单里牵头单位待定的有几项？")
    assert not ans.refused and "共1项" in ans.answer and "单位GDP二氧化碳排放完成国家下达的控制目标" in ans.answer


def test_the_class_a_row_stands_under_is_its_categories(qa):
    ans = qa.answer("生态环境状况指数属于哪个领域？")
    assert not ans.refused and "所属类别：“生态安全”" in ans.answer
    ans = qa.answer("温州任务清单里可降解替代产品那条属于哪一类？")
    assert not ans.refused and "所属类别：“四、推进固体废物污染防治协同控制” › “（十三）加强塑料污染全链条治理。”" in ans.answer


def test_a_class_pointed_at_as_this_kind_with_its_rows_counted(qa):
    # "政策激励这类的三项": the class named, its rows counted — every row of it, each with its unit
    ans = qa.answer("台州协同创新清单里政策激励这类的三项分别由谁负责？")
    assert not ans.refused and "共3项" in ans.answer
    assert "椒江区政府" in ans.answer and "三门县政府" in ans.answer and "市自然资源规划局" in ans.answer


def test_a_value_asked_after_its_measure_is_no_part_of_the_item(qa):
    # "土壤环境质量达标率…规划值": 达标 is the measure's word; a sentence on 水质达标率 speaks of another item
    ans = qa.answer("温州生态文明规划里土壤环境质量达标率2025年规划值是多少？")
    assert ans.refused and "水质达标率达到100%" not in ans.answer
    assert "≥98.5" in qa.answer("温州城镇污水处理率2030年规划值是多少？").answer


def test_a_units_rows_asked_with_their_number(qa):
    # "负责的是哪两项": the unit's rows in the list named, not a search for the words "两项"
    ans = qa.answer("温州政策清单里市生态环境局负责的是哪两项？")
    assert not ans.refused and "共2项" in ans.answer
    assert "编制温州市减污降碳协同创新试点申报方案" in ans.answer and "制定行业碳评价标准技术规范" in ans.answer


def test_the_current_and_the_planned_values_asked_together_are_both_given(qa):
    ans = qa.answer("国家级指标里单位地区生产总值用水量现状多少，规划值怎么定的？")
    assert not ans.refused and "23.92立方米/万元" in ans.answer and "规划值(2025年)为“持续下降”" in ans.answer


def test_the_indicators_a_table_groups_under_a_task(qa):
    # an indicator table groups its rows under 领域 › 任务 as a list groups its rows under categories
    ans = qa.answer("表2-2里哪些指标属于“(五)空间格局优化”？")
    assert not ans.refused and "共3项" in ans.answer and "表2-2" in ans.answer and "表2-1" not in ans.answer
    assert all(name in ans.answer for name in ("自然生态空间", "自然岸线保有率", "河湖岸线保护率"))
    ans = qa.answer("表2-1里空间格局优化这类指标有哪些？")
    assert not ans.refused and "表2-1" in ans.answer and "自然保护地" in ans.answer


def test_a_follow_up_asking_words_of_the_last_quote_is_answered_from_that_passage(qa):
    # zj:216-220: "…加快使用含氢氯氟烃生产线改造，逐步淘汰氢氯氟烃使用。" — the second turn asks what it phases out
    history = turn(qa, "省里要加快哪类生产线改造？")
    ans = qa.answer("最终要淘汰什么？", history=history)
    assert not ans.refused and "逐步淘汰氢氯氟烃使用" in ans.answer
    assert all(c.doc_id == "zj-plan" for c in ans.citations)


def test_the_place_of_a_row_in_a_list_named_is_that_row_not_the_list(qa):
    # zj:995-996: 任务清单 row 17 "实施城镇“污水零直排区”建设攻坚行动…"; the list's section (47 rows) is no answer
    ans = qa.answer("污水零直排区建设攻坚行动是省方案任务清单第几项？")
    assert not ans.refused and "任务清单第17项" in ans.answer and "共47项" not in ans.answer


def test_a_field_of_the_one_row_a_unit_holds_is_that_rows_cell(qa):
    # gz:1263: 附表1 row 37 (市铁投集团): 实施期限(年) "2018-2023" — asked of the unit's row, its cell as written,
    # not only the deadline year a listing line gives; "什么时候完成" of it had answered a 台州 row on 试点工程
    for question in ("市铁投集团负责的那项重点工程实施期限是哪几年？", "市铁投集团负责的那项重点工程什么时候完成？"):
        ans = qa.answer(question)
        assert not ans.refused and "实施期限(年)为“2018-2023”" in ans.answer, question
        assert [(c.doc_id, c.start_line) for c in ans.citations] == [("wz-gazette-2023-06", 1263)], question


def test_when_a_document_was_issued_is_not_when_a_draft_went_out_for_comments(qa):
    # note:23: "2022年5月，形成…初稿并征求省级有关单位和设区市意见" — no date the note itself was 印发
    assert qa.answer("编制说明是哪天印发给各设区市的？").refused
    ans = qa.answer("省方案什么时候征求意见的？")  # ... which does tell when comments were sought
    assert not ans.refused and "2022年5月" in ans.answer


def test_how_many_parts_a_passage_just_quoted_has_is_asked_of_it(qa):
    # note:39: "…包括深化…、注重…、强化…等 3 方面内容" — "包括几方面内容？" goes on from the quote
    history = turn(qa, "编制说明里水环境治理协同控制的标志性成果有哪些？")
    ans = qa.answer("包括几方面内容？", history=history)
    assert not ans.refused and all(c.doc_id == "zj-note" for c in ans.citations) and ans.citations[0].start_line == 39


@pytest.mark.parametrize("question,says,cited", [
    # gz:198 "围绕生态制度、…、生态文化六个领域" — three other sentences open with 围绕 as closely but count no 领域
    ("温州生态文明建设规划围绕哪几个领域提出目标和任务？", "生态制度、生态安全、生态空间、生态经济、生态生活、生态文化六个领域",
     [("wz-gazette-2023-06", 198)]),
    # gz:194-196 (Wenzhou's plan) quotes what 省第十五次党代会 proposed to 打造: a meeting of the province, which
    # any document may quote, does not scope the question to the province's documents
    ("省第十五次党代会提出要打造什么？", "打造生态文明高地", [("wz-gazette-2023-06", 194)]),
    # tz:179 (row 29) "…在大陈岛海域开展增殖放流…" never writes 活动, the kind of answer asked
    ("大陈岛海域要开展什么活动？", "增殖放流", [("tz-pilot", 179)]),
    # gz:20 (a cover caption) "…2023中国—东盟媒体合作论坛在温举行"; gz:1461 records who attended it, no venue
    ("2023中国—东盟媒体合作论坛在哪个城市举办？", "在温举行", [("wz-gazette-2023-06", 20)]),
    # note:19 writes the number; the plans' openings ("根据《…》等文件要求") name their basis, never that number
    ("编制依据里浙委发〔2022〕16号指的是哪个文件？", "关于深入打好污染防治攻坚战的实施意见", [("zj-note", 15)]),
    # gz:166 "…都应承诺5年内不迁出温州" — 几年内 asks a number of years, which no year ("2021") answers
    ("温州科技创新创业投资基金管理办法原来要求被投资企业几年内不迁出温州？", "5年内不迁出温州", [("wz-gazette-2023-06", 166)]),
    # gz:167: the amendment's new wording ends "…委托其协助管理充电基础设施。(责任单位:市住建局)”" — the part
    # naming the unit is quoted (a cell written with half-width commas); "那句" points, it names nothing
    ("温州新能源汽车政策措施修改后，居民自建充电设施那句的责任单位是谁？", "(责任单位:市住建局)", [("wz-gazette-2023-06", 167)]),
    # gz:146 "…等5件行政规范性文件的部分内容，予以修改" — a count claimed of a document named by its number is
    # checked against its text, not answered with its header
    ("温政发〔2023〕18号修改了6件行政规范性文件对吧？", "等5件行政规范性文件", [("wz-gazette-2023-06", 146)]),
])
def test_a_question_is_answered_from_the_line_stating_what_it_asks(qa, question, says, cited):
    ans = qa.answer(question)
    assert not ans.refused and says in ans.answer
    assert [(c.doc_id, c.start_line) for c in ans.citations] == cited


def test_a_class_asked_of_the_table_its_caption_words_name(qa):
    # gz:428-429: 表2-1 (省级) lists two indicators under 生态文化, 表2-2 (国家级, gz:489-492) four; a table named
    # by its caption's words is that table's class alone, and no note says the table lacks the item
    for question in ("温州省级生态文明建设指标里生态文化领域有哪些指标？", "省级指标表里生态文化领域有哪些指标？",
                     "表2-1里生态文化领域有哪些指标？"):
        ans = qa.answer(question)
        assert not ans.refused and "“生态文化”，共2项" in ans.answer, question
        assert "表2-2" not in ans.answer and "中没有该项" not in ans.answer, question
        assert [c.start_line for c in ans.citations] == [428, 429], question
    ans = qa.answer("生态文化领域有哪些指标？")  # no table named: both
    assert "表2-1" in ans.answer and "表2-2" in ans.answer


def test_one_indicator_of_two_tables_stating_it_differently_is_given_from_both(qa):
    # the province's and the nation's tables both hold 河湖岸线保护率, with different 现状 cells: both, labelled
    ans = qa.answer("温州河湖岸线保护率现状如何？")
    assert "上级无管控目标" in ans.answer and "上级未下达管控目标" in ans.answer
    assert "表2-1" in ans.answer and "表2-2" in ans.answer
    # ... a table named is that table's row only
    ans = qa.answer("国家级指标里河湖岸线保护率现状如何？")
    assert "上级未下达管控目标" in ans.answer and "表2-1" not in ans.answer


def test_a_follow_up_pointing_at_the_item_by_its_kind(qa):
    # "这个试点谁负责？", "该工程投资多少？": the item the turn before answered, called by its kind
    history = turn(qa, "椒江区减污降碳协同试点要构建什么激励机制？")
    ans = qa.answer("这个试点谁负责？", history=history)
    assert not ans.refused and "椒江区政府" in ans.answer
    history = turn(qa, "温州瓯江引水工程是新建还是续建？")
    ans = qa.answer("该工程投资多少？", history=history)
    assert not ans.refused and "54.98" in ans.answer


def test_a_number_a_project_row_states_in_its_cells(qa):
    # the row's own text names the project only; its 主要内容 cell states the capacity
    ans = qa.answer("附表2第2项是什么工程，装机多少？")
    assert not ans.refused and "泰顺抽水蓄能电站" in ans.answer and "120万千瓦" in ans.answer


def test_bodies_of_the_kind_a_who_question_asks_name_who_acts(qa):
    # gz:1187 "支持开发性金融机构、政策性银行以及商业银行建立优惠信贷专项…": no department of a list, yet the
    # bodies of the kind asked ("哪些机构") — the sentence was dropped for naming no one
    ans = qa.answer("温州由哪些机构建立优惠信贷专项？")
    assert not ans.refused and "开发性金融机构、政策性银行以及商业银行" in ans.answer
    assert [c.start_line for c in ans.citations] == [1187]


def test_a_year_compared_in_a_follow_up_is_of_the_item_before(qa):
    # gz:475 "99.16%, 较2019年(99.10%)持续改善": "比2019年高了还是低了？2019年是多少？" both ask the item of the turn
    # before; "高了还是低了" had been read as the item and both parts refused
    history = turn(qa, "一般工业固体废物综合利用率提高幅度2020年现状是多少？")
    ans = qa.answer("比2019年高了还是低了？2019年是多少？", history=history)
    assert not ans.refused and "99.10%" in ans.answer and "未找到" not in ans.answer


def test_a_frequency_asked_in_speech_matches_the_form_the_text_writes(qa):
    # gz:1201 "分年度制定…工作要点，明确年度任务清单、措施清单、责任清单": "每年" was an item word no
    # sentence of the section writes, and the question was refused
    ans = qa.answer("温州行动保障要求每年明确哪几张清单？")
    assert not ans.refused and "年度任务清单、措施清单、责任清单" in ans.answer
    assert [c.start_line for c in ans.citations] == [1201]


def test_things_asked_by_count_and_kind_are_no_item_words(qa):
    # "涉及哪两件事": the things asked (gz:1606 the contents line names 土地利用年度计划 and 耕地占补平衡); "两件事"
    # had been read as an unknown item word and the question refused
    ans = qa.answer("温政办〔2023〕58号说的“指标银行”涉及哪两件事？")
    assert not ans.refused and "土地利用年度计划和耕地占补平衡" in ans.answer
    assert [c.start_line for c in ans.citations] == [1606]


def test_places_asked_by_count_and_a_countys_name_running_into_a_rivers(qa):
    # tz:204 "推进临海、天台开展新污染物治理试点工程建设": "哪两个地方" asks the places (地方 is no item word;
    # it had drawn a sentence on 移动源 instead)
    ans = qa.answer("台州哪两个地方开展新污染物治理试点工程？谁负责？")
    assert "推进临海、天台开展新污染物治理试点工程建设" in ans.answer and "临海市政府、天台县政府" in ans.answer
    # tz:195 "开展黄岩溪等生物多样性调查": 黄岩溪 is a river, not the county 黄岩 asked about (the row had
    # been dropped for naming 黄岩 apart from the item)
    ans = qa.answer("台州要对黄岩溪等开展什么调查？")
    assert not ans.refused and "生物多样性调查" in ans.answer


def test_a_question_pointing_at_a_documents_opening_is_answered_from_it(qa):
    # wz:4-6, the Wenzhou plan's opening before "一、总体要求": "…协同推进降碳、减污、扩绿、增长…"; task row 11
    # ("协同推进种植业、畜牧业、渔业节能降碳…") shares the words but stands in a list, not in the opening
    ans = qa.answer("温州方案开头说要协同推进哪几方面？")
    assert not ans.refused and "降碳、减污、扩绿、增长" in ans.answer and "第11项" not in ans.answer
    assert [(c.doc_id, c.start_line) for c in ans.citations] == [("wz-plan", 4)]
    # "前言" is no word the documents write, yet it names where to read, not a strange item
    ans = qa.answer("省方案前言里说要高水平推进什么？")
    assert not ans.refused and "高水平推进全国首个减污降碳协同创新区建设" in ans.answer
    assert [c.doc_id for c in ans.citations] == ["zj-plan"] and ans.citations[0].start_line <= 7
    # what the opening says, no item words: its sentence quoted from its start
    ans = qa.answer("台州方案开头说了什么？")
    assert not ans.refused and "为贯彻落实全国生态环境保护大会精神" in ans.answer
    assert [(c.doc_id, c.start_line) for c in ans.citations] == [("tz-pilot", 3)]
    # tz:306, the index annex's note ("…季度考核评价时采用前一年度…"), stands after the body's numbered headings:
    # an appendix, no opening — the opening says nothing of it
    ans = qa.answer("台州方案开头说季度考核怎么评价？")
    assert ans.refused and "开头部分" in ans.answer
    # gz:184: a printed document named by its title — its own opening, not the compilation's cover (gz:5)
    ans = qa.answer("温州生态文明建设规划开头说了什么？")
    assert not ans.refused and "印发给你们" in ans.answer
    assert [(c.doc_id, c.start_line) for c in ans.citations] == [("wz-gazette-2023-06", 184)]


def test_a_units_few_rows_are_quoted_whole_under_the_lists_own_role_word(qa):
    # wz:316-317: the one row 温州海事局 answers for ends "…沿海五类专业化码头岸电设施全覆盖" — cut at 40 characters it
    # would not show what the row asks
    ans = qa.answer("温州方案任务清单里温州海事局负责的是哪一条？")
    assert not ans.refused and "沿海五类专业化码头岸电设施全覆盖" in ans.answer
    # tz:259-261: the capability list has one column, 责任单位 — its rows are not said to be led (牵头)
    ans = qa.answer("台州协同能力清单里市发展改革委负责的有哪几条？")
    assert not ans.refused and ans.answer.count("（责任单位）") == 3 and "（牵头" not in ans.answer
    assert "探索形成具有台州特色的碳管理体系和碳管理路径" in ans.answer


def test_the_parent_of_the_indicator_just_asked_is_asked_of_it(qa):
    # tz:298: 生物多样性保护 stands under 二级指标 "13.生态系统保护(4)"; "属于哪个二级指标？" asks that of it
    history = turn(qa, "台州协同指数里生物多样性保护权重多少？")
    ans = qa.answer("属于哪个二级指标？", history=history)
    assert not ans.refused and "二级指标“生态系统保护”" in ans.answer
    assert [(c.doc_id, c.start_line) for c in ans.citations] == [("tz-pilot", 298)]


def test_a_follow_up_goes_on_in_the_list_and_the_unit_the_turn_before_named(qa):
    # "其中…": the 协同能力清单 just counted (tz:259-264), its three rows 市生态环境局 answers for — not the unit's 80
    # rows across Taizhou's lists
    ans = qa.answer("其中市生态环境局负责的有哪些？", history=turn(qa, "台州协同能力清单有几条？"))
    assert "共3项" in ans.answer and [c.start_line for c in ans.citations] == [260, 261, 263]
    # "它参与的呢？" after the rows a unit leads: the rows of the same list it joins (wz:224-227, 229-232)
    joined = qa.answer("它参与的呢？", history=turn(qa, "温州目标清单里市水利局牵头的有哪些？"))
    assert "市水利局参与的条目共2项" in joined.answer
    assert "目标清单第27项" in joined.answer and "目标清单第28项" in joined.answer


def test_a_list_named_by_its_printed_title_is_no_item_word(qa):
    # "近期重点工程" names 附表1 by its title (gz:1206 "…近期重点工程清单"); row 26 writes "光伏项目" alone (gz:1247)
    ans = qa.answer("近期重点工程里光伏项目的责任单位是谁？")
    assert "附表1第26项“光伏项目”：责任单位为相关县(市、区)政府、功能区管委会" in ans.answer
    assert "近期" not in ans.query.content


def test_a_range_of_a_named_list_s_rows_is_asked_row_by_row(qa):
    # wz 任务清单 rows 10-12 (wz:315-318, 322-325, 327-330): each row's lead, labelled by its part
    ans = qa.answer("温州任务清单第10项到第12项分别谁牵头？")
    assert [c.start_line for c in ans.citations] == [315, 322, 327]
    assert "任务清单第12项“加强消耗臭氧层物质（ODS）和氢氟碳化物（HFCs）管理”：牵头单位为市生态环境局" in ans.answer
    # "其中…牵头的呢？" after a list counted: the unit's rows of that list (zj:1435, 1441, 1445, 1449)
    mine = qa.answer("其中省生态环境厅牵头的呢？", history=turn(qa, "省政策清单有几项？"))
    assert "省生态环境厅牵头的条目共4项" in mine.answer


def test_rows_of_a_year_other_than_the_one_named(qa):
    # 省目标清单: only row 31 states its own year (“完成期限为 2023年”, zj:753); the others take the note's 2025
    ans = qa.answer("省目标清单里哪项指标的完成时限不是2025年？")
    assert ans.answer.count("目标清单第") == 1 and "目标清单第31项" in ans.answer and "（条目中注明" in ans.answer
    none = qa.answer("省任务清单里完成时限不是2025年的有哪些？")  # every row takes the note's year
    assert none.refused and "任务清单里完成时限不是2025年的条目" in none.answer


def test_a_list_size_claimed_wrongly_is_said_to_differ(qa):
    ans = qa.answer("温州政策清单是不是只有4项？")  # 5 rows (wz:553-570)
    assert "政策清单共5项" in ans.answer and "问题所述为四项，与文件所列不一致" in ans.answer
    right = qa.answer("省政策清单有9项吗？")
    assert "政策清单共9项" in right.answer and "不一致" not in right.answer


def test_two_lists_sizes_compared(qa):
    ans = qa.answer("温州和省里的政策清单，哪个条目多？")
    assert "政策清单共5项" in ans.answer and "政策清单共9项" in ans.answer
    assert "比较：按以上清单，浙江省（9项）多于温州市（5项）。" in ans.answer


def test_whether_a_department_leads_any_row(qa):
    # 市财政局 leads row 40 (wz:508-509); 市公安局 only takes part (row 9, wz:313): none it leads
    ans = qa.answer("温州任务清单里有没有市财政局牵头的任务？")
    assert "任务清单第40项" in ans.answer and "（牵头）" in ans.answer
    none = qa.answer("温州任务清单里有没有市公安局牵头的任务？")
    assert none.refused and "市公安局牵头的条目" in none.answer


def test_a_count_then_the_last_row_are_two_parts(qa):
    ans = qa.answer("台州协同能力清单一共几项，最后一项是什么？")
    assert "协同能力清单共6项" in ans.answer and "协同能力清单第6项“建立温室气体监测功能站”" in ans.answer


def test_rows_not_led_by_a_department(qa):
    # 省政策清单 (zj:1435-1451): 省生态环境厅 leads rows 1, 4, 6, 8; the others' own leads are shown
    ans = qa.answer("省政策清单里不是省生态环境厅牵头的有哪些？")
    for n in (2, 3, 5, 7, 9):
        assert f"政策清单第{n}项" in ans.answer
    for n in (1, 4, 6, 8):
        assert f"政策清单第{n}项" not in ans.answer
    assert "（牵头单位：省统计局）" in ans.answer and "（参与" not in ans.answer


def test_a_row_number_after_a_lists_printed_title_is_of_that_list(qa):
    # "近期重点工程" is 附表1's title (gz:1204): its row 14 (gz:1229), not 表2-1's
    ans = qa.answer("近期重点工程第14项是什么？")
    assert "附表1第14项“异位修复中心建设”" in ans.answer and "表2-1" not in ans.answer


def test_a_pointed_follow_up_asks_a_field_of_the_row_just_given(qa):
    first = qa.answer("近期重点工程里投资最多的是哪个？")
    assert "附表1第29项“浙江三澳核电一期”" in first.answer
    ans = qa.answer("它的实施期限是哪几年？", history=[{"role": "user", "content": "近期重点工程里投资最多的是哪个？"},
                                                {"role": "assistant", "content": first.answer}])
    assert "附表1第29项“浙江三澳核电一期”：实施期限(年)为“2020-2025”" in ans.answer


def test_a_pointed_follow_up_asking_what_the_row_says_keeps_the_item_words(qa):
    # "这项要…什么" after one row: words of the row's text asked, not a field — the row is not forced on it
    first = qa.answer("温州任务清单第3项是什么？")
    ans = qa.answer("这项要制定什么技术规范？", history=[{"role": "user", "content": "温州任务清单第3项是什么？"},
                                                 {"role": "assistant", "content": first.answer}])
    assert "碳评价标准技术规范" in ans.answer


def test_a_listing_line_shows_a_rows_first_sentence_whole(qa):
    # wz:259: task row 1's first sentence ends at 80 characters or fewer ("…产业准入及退出清单机制。"): shown whole in a
    # listing of 8 rows, not cut at 40 characters mid-sentence ("…研究建立以区域环境目标改善和…")
    ans = qa.answer("温州任务清单里市发展改革委和市生态环境局共同牵头的有哪些？")
    assert "共同牵头的条目共8项" in ans.answer
    assert "以区域环境目标改善和碳达峰目标为导向的产业准入及退出清单机制”" in ans.answer


def test_the_present_asked_in_a_part_is_the_indicator_s_present_column_or_said_unlisted(qa):
    # gz:459: 现状值(2020年) 已建立, 规划值(2030年) 持续实施
    ans = qa.answer("土壤污染风险管控和修复名录制度到2030年怎么要求？现在建了没有？")
    first, _, rest = ans.answer.partition("（2）")
    assert "持续实施" in first and "现状值(2020年)为“已建立”" in rest
    # a list row states targets only: said so, the target given as such (not as the present value)
    ans = qa.answer("秸秆综合利用率目标多少？现在呢？")
    _, _, rest = ans.answer.partition("（2）")
    assert "未列现状值" in rest
