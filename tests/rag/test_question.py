import pytest

from ingest.types import DocumentMeta
from rag.question import QuestionParser

DOCS = [
    DocumentMeta(id="prov", title="浙江省减污降碳协同创新区建设实施方案（征求意见稿）", file="p.txt", level="省", region="浙江省",
                 status="征求意见稿"),
    DocumentMeta(id="wz", title="温州市减污降碳协同增效实施方案", file="w.txt", level="市", region="温州市"),
    DocumentMeta(id="wzg", title="温州市人民政府公报 2023年第6期", file="g.txt", level="市", region="温州市", status="公报"),
    DocumentMeta(id="tz", title="台州市减污降碳协同试点建设实施方案（征求意见稿）", file="t.txt", level="市", region="台州市"),
]
UNITS = {"市生态环境局": "市生态环境局", "省生态环境厅": "省生态环境厅", "温州铁管中心": "温州铁管中心",
         "省建设厅": "省住房和城乡建设厅", "省住房和城乡建设厅": "省住房和城乡建设厅"}


@pytest.fixture
def qp():
    return QuestionParser(DOCS, UNITS, ["目标清单", "任务清单", "政策清单", "附表1"])


@pytest.mark.parametrize("question,intents", [
    ("秸秆综合利用那条谁牵头？", ["lead"]),
    ("禁塑限塑的参与单位有哪些？", ["participants"]),
    ("码头岸电设施全覆盖那项什么时候完成？", ["deadline"]),
    ("一般工业固废综合利用率目标多少？", ["target"]),
    ("PM2.5浓度的权重是多少？", ["weight"]),
    ("再生水利用率的数据来源是哪个部门？", ["data_source"]),
    ("政策清单一共几项？", ["count"]),
    ("秸秆综合利用那条已经完成了吗？", ["status"]),
    ("责任清单落实情况怎么样？", ["status"]),
    ("各部门工作落实情况每年向谁报告？", ["open"]),  # who receives the report is asked, not the status
    ("温州方案要求把温室气体排放控制目标完成情况纳入什么考核？", ["target"]),  # where the completion goes: a rule, no status
    ("公众对生态文明建设的参与度现状值是多少？", ["target"]),  # 参与度 is the indicator, not the column
    ("市政府党组会议由谁主持？", ["open"]),  # 由谁 + another act: who did it, not a list's lead
    ("秸秆综合利用那条由谁牵头？", ["lead"]),
    ("台州方案是正式的吗？", ["doc_fact"]),
    ("台州工业企业碳效综合评价由哪几家单位做？", ["lead"]),  # the units doing it: the lead column
    ("瓯江引水工程由哪个部门来抓？", ["lead"]),
    ("温州工业节水减排归哪几个部门管？", ["lead"]),
    ("省里秸秆焚烧管控是谁的活儿？", ["lead"]),  # whose job, spoken
    ("加大氮氧化物协同减排那条，除了牵头的还有哪些单位？", ["participants"]),
    ("活性炭再生工程在哪几个地方建？", ["open"]),  # 哪几个 asks which places, no value of the row
    ("要建几个活性炭再生中心？", ["target"]),
    ("台州指数里再生水利用率权重多少、数据谁出？", ["weight", "data_source"]),  # 谁出 of the data: its source  # the stage asked in the shortest words: no item word 正式
])
def test_intents(qp, question, intents):
    assert qp.run(question).intents == intents


def test_levels_and_regions_select_documents(qp):
    assert qp.run("省里一般工业固废综合利用率目标多少？").doc_ids == ["prov"]
    assert qp.run("温州这边秸秆那条谁牵头？").doc_ids == ["wz", "wzg"]
    assert qp.run("温州公报里美丽河湖创建谁负责？").doc_ids == ["wzg"]  # narrower word wins
    assert set(qp.run("一般工业固废综合利用率省里目标多少？台州呢？").doc_ids) == {"prov", "tz"}
    assert qp.run("秸秆综合利用那条谁牵头？").doc_ids == []


def test_a_region_s_document_named_by_its_kind_and_title_words_narrows_the_scope(qp):
    assert qp.run("温州减污降碳方案的发文字号？").doc_ids == ["wz"]  # the gazette is no 方案
    assert qp.run("温州的方案有哪些保障措施？").doc_ids == ["wz"]
    assert qp.run("温州规划的保障措施有哪些？").doc_ids == ["wz", "wzg"]  # no title says 规划: the region decides
    assert qp.run("温州秸秆那条谁牵头？").doc_ids == ["wz", "wzg"]


def test_the_title_words_naming_a_printed_document_are_no_item_words():
    qp = QuestionParser(DOCS, UNITS, [], printed_titles={"wzg": ["温州市人民政府关于印发温州市生态文明建设规划（2021-2030年）的通知"]})
    q = qp.run("温州生态文明规划里自然岸线保有率现状值是多少？")
    assert q.doc_ids == ["wzg"] and "生态" not in q.content and "自然岸线保有率" in q.content
    assert "生态" not in qp.run("温州的生态文明建设规划里城镇污水处理率多少？").content
    # a bare kind names the document but may be part of an item word ("规划环评"): it stays
    assert "规划" in qp.run("温州规划环评怎么要求？").content
    # ... and a level after it is of what the document holds ("温州规划省级指标…": the 规划's indicators)
    q = qp.run("温州规划省级指标已经达标的有多少项？")
    assert q.doc_ids == ["wzg"] and "规划" not in q.content


def test_the_have_of_a_question_word_is_no_item_word(qp):
    # jieba cuts "建制村有多少" into 建制 / 村有: the 有 goes with 多少, the item is 建制村
    assert qp.run("温州市下面建制村有多少？").content.endswith("建制村")
    assert "拥有" in qp.run("温州拥有多少森林康养基地？").content  # 拥有 is a verb of its own
    assert qp.run("台州的美丽海湾有哪几个？").content == "美丽海湾"  # (哪 of 哪几个 is no item word)
    assert qp.run("台州有没有提到氢能？").content == "氢能"  # whether a text speaks of it: the asking
    assert qp.run("省里要求哪一年前实现碳达峰？").content == "碳达峰"  # the 前 goes with the year asked
    assert qp.run("秸秆焚烧管控是谁的活儿？").content == "秸秆焚烧管控"  # whose job, spoken: no item word
    assert "百分之" not in qp.run("畜禽粪污处理率要保持在百分之多少以上？").content  # the value asked, said in words
    assert qp.run("台州打算把再生水回用到哪些行业？").content == "再生水回用到行业"  # 打算: the doer's intent, as 要
    assert qp.run("台州方案提到再生水可以作哪几种用水？").content == "再生水用水"  # 可以, 作: may be done, no item word
    assert qp.run("老旧营运货车淘汰省里定了多少？").content == "老旧营运货车淘汰"  # 定: what the plan sets, as 要
    assert qp.run("台州方案定稿了没有？").content == ""  # "…了没有": the yes-or-no asking, as 吗


def test_the_end_of_a_five_year_plan_is_its_last_year(qp):
    q = qp.run("温州“十四五”末要建成多少条省级美丽河湖？")
    assert q.years == [2025] and "十四五" not in q.content and "末" not in q.content
    q = qp.run("温州的碳达峰时间是哪年？")  # 时间 names the time asked: no word of a sentence, still a row's
    assert q.prose == "碳达峰" and "时间" in q.content


def test_department_names_are_not_read_as_regions(qp):
    q = qp.run("温州铁管中心牵头哪些事项？")
    assert q.units == ["温州铁管中心"] and q.doc_ids == [] and "list_by_dept" in q.intents
    assert qp.run("省建设厅负责什么？").units == ["省住房和城乡建设厅"]


def test_which_one_item_a_unit_leads_is_a_listing_of_its_rows(qp):
    # "哪项 / 哪一条" is the question: no item word, and the rows the unit leads are asked
    for question in ("温州铁管中心牵头的是哪项任务？", "省建设厅牵头的是哪一条？"):
        q = qp.run(question)
        assert q.units and "哪" not in q.content and "list_by_dept" in q.intents


def test_years_but_not_quantities(qp):
    assert qp.run("2023年到期的有哪些？").years == [2023]
    q = qp.run("完成岸坡生态化改造2000公里什么时候完成？")
    assert q.years == [] and "2000" in q.content_full


def test_places_other_documents_do_not_cover(qp):
    assert qp.run("宁波的减污降碳目标是什么？").foreign_places == ["宁波"]
    assert qp.run("椒江区的试点谁负责？").foreign_places == []  # a county of a covered city


def test_document_titles_and_quoted_item_names(qp):
    assert qp.run("《温州市减污降碳协同增效实施方案》里秸秆那条谁牵头？").doc_ids == ["wz"]
    assert "养殖水域滩涂规划" in qp.run("实施《台州市养殖水域滩涂规划》那条谁牵头？").content


def test_item_number_and_list(qp):
    q = qp.run("温州目标清单第23项谁牵头？")
    assert (q.list_name, q.item_no, q.doc_ids) == ("目标清单", "23", ["wz", "wzg"])


def test_a_table_named_by_its_number_alone_is_that_list():
    qp = QuestionParser(DOCS, UNITS, ["表2-1省级生态文明建设指标规划表", "表2-2国家级生态文明建设指标规划表", "附表1"])
    q = qp.run("表2－1里生态文明建设工作占党政实绩考核的比例参照值多少？")
    assert q.list_name == "表2-1省级生态文明建设指标规划表" and "表" not in q.content and "21" not in q.content
    assert qp.run("表2-2里公共交通出行分担率规划值多少？").list_name == "表2-2国家级生态文明建设指标规划表"
    assert qp.run("表2-10里公共交通出行分担率规划值多少？").list_name == ""  # no table of that number


def test_a_table_named_by_words_of_its_caption_is_that_list():
    qp = QuestionParser(DOCS, UNITS, ["表2-1省级生态文明建设指标规划表", "表2-2国家级生态文明建设指标规划表", "目标清单"])
    q = qp.run("国家级指标表里生态文明建设工作占党政实绩考核的比例参照值是多少？")
    assert q.list_name == "表2-2国家级生态文明建设指标规划表" and "国家" not in q.content and "表" not in q.content
    assert qp.run("省级表中河长制现状值？").list_name == "表2-1省级生态文明建设指标规划表"
    assert qp.run("指标表里河长制参照值多少？").list_name == ""  # both captions hold 指标: neither is named
    assert qp.run("目标表里河长制参照值多少？").list_name == ""  # a list no caption calls a table


@pytest.mark.parametrize("history,question,expect", [
    (["秸秆综合利用那条省里谁牵头？"], "那温州呢？", (["lead"], ["wz", "wzg"], "秸秆综合利用")),
    (["省里建筑垃圾综合利用率目标是多少？"], "谁牵头？", (["lead"], ["prov"], "建筑垃圾综合利用率")),
    ([{"role": "user", "content": "温州目标清单第12项谁牵头？"}, {"role": "assistant", "content": "…"}], "参与单位呢？",
     (["participants"], ["wz", "wzg"], "")),
    ([("全省活性炭再生处置建设规模目标多少？", "…")], "什么时候完成？", (["deadline"], ["prov"], "活性炭再生处置建设规模")),
])
def test_follow_ups_inherit_item_intent_and_region(qp, history, question, expect):
    q = qp.run(question, history=history)
    assert q.followup
    assert (q.intents, q.doc_ids, q.content) == expect


@pytest.mark.parametrize("question", ["其下有哪些二级指标？", "下面有哪些二级指标？"])
def test_pointing_into_the_last_item_is_a_follow_up(qp, question):
    q = qp.run(question, history=["省里建筑垃圾综合利用率目标是多少？"])
    assert q.followup and q.basis == "省里建筑垃圾综合利用率目标是多少？" and "其下" not in q.content


def test_a_question_pointing_at_the_last_item_asks_a_part_of_it(qp):
    first = "台州加强海洋生态环境监测预测预警那项谁负责？"
    q = qp.run("这项要建设什么平台？", history=[first])
    # the item stays the one pointed at, its own words added; what it says is asked, not the lead again
    assert q.followup and q.content.startswith("加强海洋生态环境监测预测预警") and "平台" in q.content
    assert q.intents == ["open"]
    # ... and a turn after it still talks of that item
    q = qp.run("这项什么时候完成？", history=[first, "这项要建设什么平台？"])
    assert q.content == "加强海洋生态环境监测预测预警" and q.intents == ["deadline"]


def test_jihao_asks_a_day_as_natian_does(qp):
    # "是几号？" after a meeting asked of: that meeting's day, the item carried on (not 几号 as an item word)
    first = "温州讲坛报告会哪些市领导参加了？"
    q = qp.run("是几号？", history=[first])
    assert q.followup and "doc_fact" in q.intents and "几号" not in q.content
    assert q.content == qp.run(first).content
    assert "几号" in qp.run("第几号？").content  # a number's place, no day
    assert "几号" not in qp.run("是几号文？").content and "doc_fact" in qp.run("是几号文？").intents


def test_a_question_asking_words_the_last_quote_holds_asks_that_passage(qp):
    # "最终要淘汰什么？" after a quote "…加快使用含氢氯氟烃生产线改造，逐步淘汰氢氯氟烃使用。": another part of it
    hist = [{"role": "user", "content": "省里要加快哪类生产线改造？"},
            {"role": "assistant", "content": "根据《浙江省方案》“（七）推进非二氧化碳温室气体协同控制”部分："
                                             "“加快使用含氢氯氟烃生产线改造，逐步淘汰氢氯氟烃使用。”[1]。"}]
    first = qp.run("省里要加快哪类生产线改造？")
    q = qp.run("最终要淘汰什么？", hist)
    assert q.followup and q.content == first.content + "淘汰" and q.doc_ids == first.doc_ids
    # words the quote does not hold, or a place named, ask anew
    assert not qp.run("秸秆综合利用谁牵头？", hist).followup
    assert not qp.run("温州要淘汰什么？", hist).followup


def test_the_row_a_unit_holds_pointed_at_is_a_listing_of_its_rows(qp):
    # "…负责的那项…什么时候完成": the rows of that unit (one, as a rule), the field asked of them
    q = qp.run("市生态环境局负责的那项什么时候完成？")
    assert "list_by_dept" in q.intents and "deadline" in q.intents and q.units


def test_a_full_new_question_is_not_a_follow_up(qp):
    q = qp.run("建筑垃圾综合利用率谁牵头？", history=["秸秆综合利用那条省里谁牵头？"])
    assert not q.followup and q.doc_ids == []


def test_bad_input_types(qp):
    with pytest.raises(TypeError):
        qp.run(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        QuestionParser(DOCS, ["not a dict"], [])  # type: ignore[arg-type]


def test_the_question_tokenizer_is_built_once_under_concurrent_first_calls(monkeypatch):
    """Concurrent first questions must not each load jieba's dictionary (1 s and ~100 MB apiece)."""
    from concurrent.futures import ThreadPoolExecutor

    from rag import question

    monkeypatch.setattr(question, "_JIEBA", [])
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda _: question._jieba(), range(8)))
    assert len({id(t) for t in got}) == 1


def test_region_with_suffix_selects_every_document_and_keeps_the_item_words():
    """"X这边/那边/方面" worked only for the last document (a leftover loop variable), never for a province."""
    from ingest.types import DocumentMeta

    docs = [DocumentMeta(id="w", title="温州市方案", file="w.txt", level="市", region="温州市"),
            DocumentMeta(id="p", title="浙江省方案", file="p.txt", level="省", region="浙江省"),
            DocumentMeta(id="t", title="台州市方案", file="t.txt", level="市", region="台州市")]
    qp = QuestionParser(docs, unit_forms={}, list_names=[])
    for question, doc in (("温州这边秸秆综合利用谁牵头？", "w"), ("台州那边秸秆综合利用谁牵头？", "t"),
                          ("浙江方面秸秆综合利用谁牵头？", "p")):
        q = qp.run(question)
        assert q.doc_ids == [doc], question
        assert q.content == "秸秆综合利用", (question, q.content)


def test_question_words_are_not_item_words(qp):
    assert qp.run("台州海洋废塑料收集网络到2025年要达到什么程度？").prose == "海洋废塑料收集网络"
    assert qp.run("温州到2025年低碳试点县要建几个？").content == "低碳试点县"  # 要建: jieba's 要 + 建
    assert qp.run("台州红树林要种多少公顷？").content == "红树林公顷"  # 要种: jieba's 要 + 种


def test_a_measure_asked_by_its_size_is_no_item_word():
    # "多大功率以上": texts write the value with its unit ("对56千瓦以上的国二和国三机械…"), not 功率
    q = QuestionParser(DOCS, UNITS, []).run("台州对多大功率以上的非道路移动机械开展尾气达标治理？")
    assert "功率" not in q.content and "非道路移动机械" in q.content and "target" in q.intents


def test_the_word_timing_a_year_goes_with_the_year(qp):
    for question in ("城区公共交通出行分担率到2025年要达到多少？", "截至2020年城区公共交通出行分担率是多少？"):
        q = qp.run(question)
        assert q.years and q.content.endswith("分担率"), (question, q.content)


def test_intents_are_read_outside_the_quoted_item_wording(qa):
    """达到/规模/%/提高 inside an item made a lead question a target question."""
    import re

    q = qa.parser.run("一般工业固体废物综合利用率达到98%那条谁牵头？")
    assert q.intents == ["lead"] and not q.wants_number
    rows = [r for r in qa.res.records.values() if r.kind == "list" and r.lead_names
            and re.search(r"达到|规模|%|提高|比例|目标|要求|覆盖率|利用率", r.text[:30])]
    assert len(rows) > 20
    for r in rows:
        item = re.sub(r"\s+", "", r.text)[:26].rstrip("，。、；")
        assert qa.parser.run(f"{item}这一条谁牵头？").intents == ["lead"], item
    # a question word outside the quote still counts
    assert set(qa.parser.run("一般工业固体废物综合利用率省里目标多少？").intents) == {"target"}


def test_status_is_asked_only_when_achievement_is_asked(qa):
    """Ordinary words (目前, 现在, 已经, 今年, 了吗) no longer refuse questions that are not about progress."""
    status = ["温州市2024年减污降碳工作完成情况如何？", "省里一般工业固废综合利用率目前达到多少了？",
              "台州市减污降碳协同指数今年提高了多少？", "秸秆综合利用那条已经完成了吗？", "码头岸电设施改造的实际进度怎么样？"]
    not_status = ["现在省里谁牵头秸秆综合利用？", "今年要完成哪些任务？", "目前的方案是征求意见稿吗？",
                  "已经印发的文件有哪些？", "秸秆综合利用那条是省里的吗？",
                  # what a plan sets (定了, 下达了, 规划了): the target, stated
                  "老旧营运货车淘汰省里定了多少？", "国家下达了多少碳排放总量指标？", "温州规划了多少座污水处理厂？"]
    status.append("老旧营运货车淘汰了多少？")  # (what was done)
    assert all("status" in qa.parser.run(q).intents for q in status)
    assert not any("status" in qa.parser.run(q).intents for q in not_status)
    assert not qa.answer("现在省里谁牵头秸秆综合利用？").refused


def test_completion_words_ask_the_deadline(qa):
    for q in ("浙江三澳核能二期三期什么时候完工？", "城镇生活垃圾处理设施建设哪年竣工？"):
        assert "deadline" in qa.parser.run(q).intents, q


def test_two_latin_words_a_filler_joined_stay_two(qa):
    assert qa.parser.run("温州ODS和HFCs管理由哪个部门牵头？").content == "ODS HFCs管理"
    assert qa.parser.run("台州PM2.5浓度权重多少？").content.startswith("PM2.5")
    ans = qa.answer("温州ODS和HFCs管理由哪个部门牵头？")  # wz:328-329
    assert "牵头单位为市生态环境局" in ans.answer and "任务清单第12项" in ans.answer


def test_what_an_item_requires_asks_no_value(qa):
    assert "target" not in qa.parser.run("台州推进绿岛工程有什么要求？").intents
    assert "target" in qa.parser.run("台州绿岛工程要求达到多少？").intents
    ans = qa.answer("台州推进绿岛工程有什么要求？")
    assert "未列具体数值" not in ans.answer and "增加催化燃烧工艺" in ans.answer


def test_a_year_claimed_as_the_deadline_asks_the_true_deadline(qa):
    """"…要2025年完成对吧？": the deadline is asked, and the claimed year narrows nothing."""
    for text in ("省里排放融合清单要2025年完成对吧？", "建成1000家低碳生态农场是2023年完成的吗？",
                 "码头岸电设施全覆盖那项2025年底前完成，对吗？"):
        q = qa.parser.run(text)
        assert "deadline" in q.intents and not q.years, text
    # a year given as the time of a target stays the year asked
    q = qa.parser.run("温州建筑垃圾综合利用率到2025年达到90%对吗？")
    assert "deadline" not in q.intents and q.years == [2025]
    # "底前" goes with its year, never into the item words
    assert "底前" not in qa.parser.run("码头岸电设施全覆盖那项2025年底前完成吗？").content


def test_a_follow_up_naming_a_document_by_its_title_words_asks_the_item_there(qp):
    hist = [{"role": "user", "content": "温州红树林要营建多少？"}]
    q = qp.run("温州减污降碳方案里呢？", history=hist)
    assert q.followup and q.doc_ids == ["wz"] and "红树林" in q.content
    q = qp.run("温州呢？", history=hist)  # a region only: both of its documents
    assert set(q.doc_ids) == {"wz", "wzg"}


def test_a_turn_asking_only_a_column_follows_the_row_before():
    qp = QuestionParser(DOCS, UNITS, ["附表1"], column_names=["投资总预算", "建设地点"])
    hist = [{"role": "user", "content": "瓯江引水工程年引水量多少？"}]
    q = qp.run("投资多少？", history=hist)
    assert q.followup and "瓯江引水工程" in q.basis
    assert not qp.run("投资多少？").followup
    # "实施期限呢？" leaves 实施, which the titles of 实施方案 hold: a column asked, not a document named
    qp = QuestionParser(DOCS, UNITS, ["附表1"], column_names=["实施期限", "建设地点"])
    q = qp.run("实施期限呢？", history=[{"role": "user", "content": "温州LNG项目在哪里建设？"}])
    assert q.followup and "LNG" in q.basis and set(q.doc_ids) == {"wz", "wzg"}


def test_a_choice_between_a_columns_values_follows_the_row_before():
    # "是新建还是续建？" offers two values of 建设性质 (新建类 / 续建类): that column is asked of the
    # row the dialogue is about, as "建设性质呢？" would be
    qp = QuestionParser(DOCS, UNITS, ["附表1"], column_names=["建设性质"], column_values={"建设性质": ["新建类", "续建类"]})
    hist = [{"role": "user", "content": "瓯江引水工程投资多少？"}]
    q = qp.run("是新建还是续建？", history=hist)
    assert q.followup and "瓯江引水工程" in q.basis
    # a choice of words no column holds as values is no column asked
    assert not qp.run("是新建还是改造？", history=hist).followup


def test_words_pointing_at_the_document_in_scope_are_no_item_words(qp):
    assert qp.run("温州市政府公报这期有哪些文号？").content == ""


@pytest.mark.parametrize("question,docs", [
    ("省协同指数有几个一级指标？", ["prov"]),  # a bare 省 opening the question: the province's
    ("那省目标清单第5项呢？", ["prov"]),
    ("省级美丽河湖温州要建成多少条？", ["wz", "wzg"]),  # 省级 qualifies the item
    ("省生态环境厅牵头哪些任务？", []),  # a unit's name, found first
    ("省第十五次党代会提出要打造什么？", []),  # a numbered meeting of the province, which any document may quote
])
def test_a_leading_bare_province_word_selects_the_province(qp, question, docs):
    assert qp.run(question).doc_ids == docs


def test_a_comparator_asked_with_the_number_is_no_item_word(qp):
    # "不低于多少": the bound is the value's, not the item's; "台州呢？" must carry 城市再生水利用率 alone
    q = qp.run("城市再生水利用率省里要求不低于多少？")
    assert "不低于" not in q.content and "城市再生水利用率" in q.content_full
    assert "以上" in qp.run("省级以上园区有哪些？").content  # a bound inside an item's name stays


def test_the_position_of_the_item_a_turn_is_about_is_asked_of_that_item(qp):
    history = [{"role": "user", "content": "系统推进全市低（零）碳试点建设那项由谁负责？"},
               {"role": "assistant", "content": "……"}]
    q = qp.run("这是任务清单第几项？", history)
    assert q.followup and "count" not in q.intents and "position" in q.intents
    assert q.content == qp.run("系统推进全市低（零）碳试点建设那项由谁负责？").content
    assert "count" in qp.run("任务清单一共几项？").intents


@pytest.mark.parametrize("question,asked", [
    ("温州推进“绿岛”项目那条的参与单位有哪些？", True),
    ("哪些部门参与清新园区建设？", True),
    ("参与单位呢？", True),
    ("温州采取哪些方式调动社会资本参与碳达峰相关项目建设？", False),  # 参与 a verb of the item
    ("温州探索设立什么基金来激励公众参与垃圾分类？", False),
])
def test_participants_are_asked_only_where_参与_heads_the_column_or_follows_who(qp, question, asked):
    q = qp.run(question)
    assert ("participants" in q.intents) is asked
    if not asked:
        assert "参与" in q.prose  # the verb stays an item word


@pytest.mark.parametrize("question,intent", [
    ("温州建筑垃圾综合利用率那项有几个参与单位？", "participants"),
    ("台州入海排污口分类监管全覆盖那条几个单位负责？", "lead"),
])
def test_a_count_of_departments_asks_the_role_not_a_value(qp, question, intent):
    q = qp.run(question)
    assert intent in q.intents and "target" not in q.intents and not q.wants_number
    assert "target" in qp.run("温州要建成几个试点单位？").intents  # units counted with no role: a value


def test_a_drafts_stage_after_the_kind_names_the_document(qp):
    # tz's title is "…实施方案（征求意见稿）": "方案征求意见稿里" names it; the stage is no item word and no
    # question about the document's stage
    q = qp.run("台州方案征求意见稿里有几个附件？")
    assert q.content == "附件" and "doc_fact" not in q.intents and q.doc_ids == ["tz"]
    assert "doc_fact" in qp.run("台州方案是征求意见稿吗？").intents  # the stage asked stays a question


@pytest.mark.parametrize("question,content,stage", [
    ("温州方案征求意见稿里光伏装机目标是多少？", "光伏装机", "征求意见稿"),  # a stage the plan does not have
    ("台州方案征求意见稿里有几个附件？", "附件", "征求意见稿"),
    ("温州方案草案里光伏装机目标是多少？", "光伏装机", "草案"),  # a draft's stage as the question writes it
    ("台州正式方案里森林覆盖率目标多少？", "森林覆盖率", "正式"),
    ("浙江省正式印发的方案里风电光伏装机目标多少？", "风电光伏装机", "正式"),
    ("台州方案正式版里有几个附件？", "附件", "正式"),
    ("台州方案里森林覆盖率目标多少？", "森林覆盖率", ""),
])
def test_the_stage_named_with_the_document_is_kept_apart_from_the_item(qp, question, content, stage):
    q = qp.run(question)
    assert (q.content, q.stage_claimed) == (content, stage) and q.doc_ids


@pytest.mark.parametrize("question,content", [
    ("温州对小微企业园有什么目标？", "小微企业园"),  # jieba's "对小微": the preposition cut off
    ("里亩均税收目标多少？", "亩均税收"),  # jieba's "里亩"
    ("温州对标国际先进水平那条谁牵头？", "对标国际先进水平"),  # a word jieba does not know stays whole
])
def test_particles_jieba_glues_on_are_no_item_words(qp, question, content):
    assert qp.run(question).content == content


def test_a_follow_up_asks_what_the_nearest_turn_asked(qp):
    # "…谁牵头？" → "参与单位呢？" → "温州呢？": 温州's participants, not the first turn's lead
    turns = ["主要污染物总量减排那项省里谁牵头？", "参与单位呢？"]
    history = [m for t in turns for m in ({"role": "user", "content": t}, {"role": "assistant", "content": "……"})]
    q = qp.run("温州呢？", history)
    assert q.followup and "participants" in q.intents and "lead" not in q.intents
    assert q.content == qp.run(turns[0]).content  # the item still comes from the turn that named it


def test_a_later_turn_asking_for_itself_keeps_only_the_region(qp):
    history = [{"role": "user", "content": "温州污染地块治理修复工程投资多少亿元？"}, {"role": "assistant", "content": "……"}]
    q = qp.run("另外，瓯海南部开发保护要促进什么和谐共生？", history)
    assert not q.followup and "target" not in q.intents  # not the number the turn before asked
    assert "另外" not in q.content and q.content.startswith("瓯海南部")
    assert "region" in q.inherited and q.doc_ids == qp.run(history[0]["content"]).doc_ids
    cols = QuestionParser(DOCS, UNITS, ["附表1"], column_names=["投资总预算", "建设地点"])
    col = cols.run("投资多少？", [{"role": "user", "content": "龙港市循环经济产业园工程在哪？"}])
    assert col.followup and "龙港" in col.basis  # a column asked still follows the row before


def test_a_question_naming_no_item_of_its_own_asks_about_the_last_turn_s_item(qp):
    history = [{"role": "user", "content": "新闻传媒中心要以什么为魂？"}, {"role": "assistant", "content": "……"}]
    q = qp.run("以什么为王？", history)
    assert q.followup and q.content == qp.run(history[0]["content"]).content
    own = qp.run("规划期限是什么？", [{"role": "user", "content": "规划的基准年是哪一年？"}, {"role": "assistant", "content": "……"}])
    assert own.content == "规划"  # a word of its own (规划): not the turn before's item (基准)


def test_a_follow_up_naming_words_of_the_last_answer_asks_about_the_same_passage(qp):
    first = "未来乡村以什么为建设核心？"
    answer = "根据《…》“…”部分：“全市打造以“三基三主”为建设核心、“一统三化九场景”为主要特征的新时代未来乡村168个”[1]。"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": answer}]
    q = qp.run("主要特征呢？", history)
    assert q.followup and q.content.startswith(qp.run(first).content) and q.content.endswith("主要特征")
    other = qp.run("畜禽粪污呢？", history)  # words the answer does not hold: an item of its own
    assert not other.content.startswith(qp.run(first).content)


def test_people_the_documents_name_are_kept_whole():
    plain = QuestionParser(DOCS, UNITS, ["附表1"])
    named = QuestionParser(DOCS, UNITS, ["附表1"], person_names=["李无文", "章月影", "会议"])
    assert "李无文" not in plain.words("李无文章月影参加会议")
    assert {"李无文", "章月影"} <= set(named.words("李无文章月影参加会议"))
    assert sorted(named.people) == ["李无文", "章月影"]  # a dictionary word ("会议" after 主任) is no name


def test_a_city_s_urban_area_and_a_base_year_leave_the_item_whole(qp):
    q = qp.run("2020年温州市区PM2.5浓度较2015年下降了多少？")
    assert q.content == "市区PM2.5浓度" and q.regions_named == ["温州"] and q.years == [2020, 2015]


def test_a_kind_of_document_named_narrows_the_region_s_documents():
    docs = DOCS + [DocumentMeta(id="note", title="《浙江省减污降碳协同创新区建设实施方案（征求意见稿）》编制说明", file="n.txt",
                                level="省", region="浙江省")]
    qp = QuestionParser(docs, UNITS, ["目标清单"])
    # "省方案" selects the province's documents; "编制说明" names which of them
    assert qp.run("省方案编制说明里一共提出多少项具体工作任务？").doc_ids == ["note"]
    assert set(qp.run("省里一共提出多少项具体工作任务？").doc_ids) == {"prov", "note"}
    assert qp.run("温州公报里有哪些文件？").doc_ids == ["wzg"]


def test_a_county_of_a_covered_city_is_a_local_place_not_a_foreign_one():
    from rag.question import _places

    county, city = next(iter(_places()["counties"].items()))
    docs = [DocumentMeta(id="c", title=f"{city}市方案", file="c.txt", level="市", region=f"{city}市")]
    q = QuestionParser(docs, {}, []).run(f"{county}要创建什么试点？")
    assert q.local_places == [county] and q.foreign_places == []
    q = QuestionParser([DocumentMeta(id="p", title="某省方案", file="p.txt", level="省", region="某省")], {}, []).run(
        f"{county}要创建什么试点？")
    assert q.local_places == [] and q.foreign_places == [county]  # its city covered by no document: foreign


def test_the_occasion_a_document_is_is_no_item_word(qp):
    # "这次改了什么": 这次 is the decision itself, which no sentence writes
    assert "这次" not in qp.run("温政办〔2021〕73号这次改了什么？").content


def test_the_asking_verb_and_already_are_no_item_words(qp):
    # jieba glues 要 onto the word before it ("村要", "地要"): "要建" is the asking, not the item
    assert qp.run("温州到2025年A级景区村要建多少个？").content == "A级景区村"
    assert qp.run("生物多样性体验地要建哪些？").content == "生物多样性体验地"
    assert "主要污染物" in qp.run("主要污染物要减排多少？").content  # 主要 is a word of its own
    # 要 + a verb setting the value ("率要" is jieba's one token), and the bound asked after 多少
    assert qp.run("温州湿地率要达到多少？").content == "湿地率"
    assert qp.run("温州湿地率要保持在多少以上？").content == "湿地率"
    # 主要 before a verb hedges ("主要聚焦"); before a noun it names the item (主要目标)
    assert "主要" not in qp.run("三门县的试点主要聚焦什么行业？").content
    assert "主要" in qp.run("台州方案的主要目标是什么？").content
    # 已经 says when ("已经正式印发了吧" asks the stage), not what
    assert "已经" not in qp.run("台州方案已经正式印发了吧？").content


def test_data_provided_asks_the_data_source_only_of_indicators(qp):
    assert "data_source" in qp.run("台州指数里市生态环境局负责几个指标的数据？").intents
    # "谁负责数据共享": a lead asked, 数据 an item word
    assert "data_source" not in qp.run("温州生态环境信息化平台那项谁负责数据共享？").intents


def test_a_modal_verb_before_how_is_no_item_word(qp):
    assert qp.run("省里钢铁行业减污降碳要怎么做？").content == "钢铁行业减污降碳"


def test_the_kind_of_place_asked_is_no_item_word(qp):
    # "核心区是哪些地方": 地方 names the class of the answer; counted as an item word it kept the row
    # that answers ("…温岭经济开发区北部为核心区…") under the acceptance threshold
    assert "地方" not in qp.run("汽车产业的核心区是哪些地方？").content
    assert "地区" not in qp.run("先在哪个地区试点？").content
    assert "地方" in qp.run("地方政府怎么分工？").content  # a word of the item stays


def test_where_asked_is_no_item_word(qp):
    # "以哪里为核心区": 哪里 asks the place, as 什么 would ("以什么为核心区"); left in, it kept the row
    # that names the core area (tz:155) under the acceptance threshold
    q = qp.run("温州医化产业以哪里为核心区？")
    assert "哪里" not in q.content and "核心区" in q.content


def test_a_unit_that_took_part_asks_its_participation(qp):
    # "参与了哪些": the participants' column, as "参与的" is
    assert "participants" in qp.run("省建设厅参与了哪些任务？").intents


def test_a_place_before_a_document_named_by_kind_is_of_the_item(qp):
    # "温州电镀…写在省方案哪一部分": the province plan is asked; 温州 is part of its item ("温州电镀等行业")
    q = qp.run("温州电镀行业的减污降碳协同写在省方案哪一部分？")
    assert q.doc_ids == ["prov"] and q.local_places == ["温州"]
    # joined or compared, the place stays a document of its own
    assert "wz" in qp.run("温州和省方案的秸秆综合利用率目标分别是多少？").doc_ids
    assert "wz" in qp.run("温州的秸秆那条，省方案里谁牵头？").doc_ids


def test_the_last_row_asked_by_position_is_marked_not_read_as_item_words(qp):
    q = qp.run("温州任务清单最后一项是什么？")
    assert q.item_from_end == 1 and q.list_name == "任务清单" and not q.item_no and "最后" not in q.content
    assert not qp.run("温州任务清单第3项是什么？").item_from_end
    # the one before the last: not row 2, which its "第二项" names
    q = qp.run("温州任务清单倒数第二项是什么？")
    assert (q.item_from_end, q.item_no, q.list_name) == (2, "", "任务清单") and "倒数" not in q.content


def test_the_measure_word_after_a_quantity_asked_is_no_item_word(qp):
    # "建成多少家低碳生态农场": the item is 建成低碳生态农场 (the refusal names it so), not 建成家…
    assert qp.run("省里要建成多少家低碳生态农场？").content == "建成低碳生态农场"
    assert "座" not in qp.run("温州建成多少座污水厂？").content


def test_asking_which_file_divides_the_duties_asks_the_lead_column(qp):
    q = qp.run("温州科技研发创新与应用示范那项按哪个文件确定分工？")
    assert "lead" in q.intents and "分工" not in q.content



@pytest.mark.parametrize("question", ["温州低（零）碳试点创建那条职责怎么分？", "低（零）碳试点创建那条如何分工？"])
def test_asking_how_the_duties_are_divided_asks_the_lead_column(qp, question):
    q = qp.run(question)
    assert q.intents == ["lead"] and q.content == "低零碳试点创建"


@pytest.mark.parametrize("question", ["生态环境状况指数属于哪个领域？", "那条归哪一类？", "这个指标所属的领域是什么？",
                                      "台州湾新区固废利用“无废”机制是哪一类的？"])
def test_the_class_of_a_row_asked_is_no_item_word(qp, question):
    q = qp.run(question)
    assert "category" in q.intents and "领域" not in q.content and "类" not in q.content


def test_a_turn_naming_only_a_year_passes_the_item_on(qp):
    # "…现状是多少？" → "比2019年高了还是低了？" → "2019年是多少？": the middle turn asked a year of the item
    # before it; the third goes on with that item, not with a turn holding no item word
    hist = [{"role": "user", "content": "一般工业固体废物综合利用率2020年现状是多少？"}, {"role": "assistant", "content": "…"},
            {"role": "user", "content": "比2019年高了还是低了？"}, {"role": "assistant", "content": "…"}]
    q = qp.run("2019年是多少？", history=hist)
    assert q.followup and "固体废物" in q.content and q.years == [2019]
    # ... while a first turn naming only a year is the item itself
    q = qp.run("谁牵头？", history=[{"role": "user", "content": "2025年完成的有哪些？"}])
    assert q.followup and q.years == [2025]



def test_what_kind_asked_is_no_item_word(qp):
    # "构建什么样的发展格局": jieba keeps 什么样 whole; as an item word it kept tz:164's row below the bar
    q = qp.run("台州精密制造要构建什么样的发展格局？")
    assert "什么样" not in q.content and "样" not in q.content and "格局" in q.content
    # ... but 什么 + 样板 is the item's word ("打造什么样板")
    assert "样板" in qp.run("温州规划的指导思想要打造什么样板？").content


def test_a_sentence_pointed_to_is_no_item_word(qp):
    # "…那句的责任单位": 那句 points at the sentence as 那条 at a row; the item is what is named before it
    for pointer in ("那句", "这句"):
        q = qp.run(f"居民自建充电设施{pointer}的责任单位是谁？")
        assert pointer not in q.content and "充电设施" in q.content


def test_the_opening_pointed_at_is_where_to_read_no_item_word(qp):
    # "开头" / "前言" point at a document's opening paragraphs (read by the passage answerer), no item word
    for pointer in ("开头", "开篇", "前言里", "开头部分"):
        q = qp.run(f"温州方案{pointer}说要协同推进哪几方面？")
        assert q.preamble and "开" not in q.content and "前言" not in q.content and "协同推进" in q.content
    assert not qp.run("温州方案要协同推进哪几方面？").preamble
    # … and a follow-up asking it of another place reads that place's opening
    history = [{"role": "user", "content": "温州方案开头说要协同推进哪几方面？"}, {"role": "assistant", "content": "…"}]
    assert qp.run("那台州呢？", history).preamble


def test_a_year_excluded_asks_the_rows_of_other_years(qp):
    q = qp.parse_one("省目标清单里哪项指标的完成时限不是2025年？")
    assert q.years == [2025] and q.years_excluded and "list_by_year" in q.intents and "不是" not in q.content
    assert not qp.parse_one("目标清单里完成时限是2025年的有哪些？").years_excluded
    assert qp.parse_one("任务清单里2025年以外完成的有几项？").years_excluded


def test_a_bare_list_noun_with_a_row_number_names_no_item(qp):
    # "台州清单第33项": no list is named, and 清单 is no word of the row asked
    q = qp.parse_one("台州清单第33项说的是什么？")
    assert q.item_no == "33" and q.list_name == "" and "清单" not in q.content
    assert qp.parse_one("温州任务清单第3项是什么？").list_name == "任务清单"


def test_a_list_size_claimed_is_a_count_asked(qp):
    q = qp.parse_one("政策清单是不是只有4项？")
    assert q.count_claimed == 4 and "count" in q.intents and q.content == ""
    assert qp.parse_one("政策清单一共五项吧？").count_claimed == 5
    assert qp.parse_one("政策清单第4项是什么？").count_claimed == 0  # a row, not a size
    assert qp.parse_one("政策清单有4项").count_claimed == 0  # (no question: a statement)


def test_two_lists_compared_by_size_ask_their_counts(qp):
    q = qp.parse_one("温州和省里的政策清单，哪个条目多？")
    assert "count" in q.intents and q.content == ""


def test_units_named_after_a_negation():
    from rag.question import units_negated
    forms = {"省生态环境厅": "生态", "市财政局": "财政"}
    assert units_negated("政策清单里不是省生态环境厅牵头的有哪些", forms) == {"生态"}
    assert units_negated("除了市财政局以外还有谁", forms) == {"财政"} and units_negated("市财政局牵头的", forms) == set()


@pytest.mark.parametrize("question", ["省生态环境厅在省目标清单第12项里是牵头吗？", "温州和省任务清单第10项分别谁牵头？"])
def test_a_bare_province_inside_a_question_before_a_list_names_the_province(qp, question):
    q = qp.run(question)
    assert "省" in q.regions_named and q.content == ""


def test_a_unit_set_aside_in_a_question_of_a_row_is_no_unit_whose_rows_are_asked(qp):
    q = qp.run("温州任务清单第4项的参与单位除了市生态环境局还有哪些？")
    assert q.item_no == "4" and q.units == [] and "list_by_dept" not in q.intents
    assert qp.run("除了市生态环境局，还有谁牵头了温州任务清单的任务？").units  # (no row named: still asked)


def test_a_part_asking_only_how_it_stands_now_asks_the_present_column_of_the_item(qp):
    first = "土壤污染风险管控和修复名录制度到2030年怎么要求？"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": ""}]
    q = qp.run("现在建了没有？", history=history, continues=True)
    assert q.content.startswith("土壤污染风险管控") and q.content.endswith("现状") and q.years == []
    # a question with an item of its own, or one asking what was done, is not that
    assert not qp.run("现在省里谁牵头秸秆综合利用？", history=history).content.endswith("现状")
    assert "现状" not in qp.run("现在谁牵头？", history=history).content  # the lead asked, not the present value
    assert "status" in qp.run("现在达到了吗？", history=history).intents
