"""The answerers over the real corpus (fake embedder): passage, section, index parents, document
facts, multi-part questions, sub-document scoping. Each asserts the value, the document and the lines."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from rag.answerers.base import Ask
from rag.answerers.docfacts import core_titles, find_subdocuments
from rag.answerers.index import IndexAnswerer
from rag.answerers.item_range import ItemRangeAnswerer
from rag.answerers.passage import PassageAnswerer, PassageConfig
from rag.answerers.section import SectionAnswerer, SectionConfig, heading_words
from rag.chain import _State


def lines_of(ans):
    return {(c.doc_id, c.locator) for c in ans.citations}


def markers_resolve(ans):
    used = {int(n) for n in re.findall(r"\[(\d+)\]", ans.answer)}
    return used and used <= {c.n for c in ans.citations}


# ---- passage ------------------------------------------------------------------
def test_a_prose_target_is_quoted_from_its_sentence(qa):
    ans = qa.answer("台州城区再生水利用率到2025年达到多少？")
    assert not ans.refused and "35%" in ans.answer
    assert ("tz-pilot", "第57行") in lines_of(ans) and markers_resolve(ans)


def test_the_year_asked_must_be_the_year_the_sentence_speaks_of(qa):
    assert qa.answer("省里到2030年非化石能源占一次能源消费比重要达到多少？").answer.count("30%") >= 1
    assert qa.answer("台州2030年森林覆盖率目标是多少？").refused


def test_the_rarest_item_words_and_a_named_department_must_stand_in_the_sentence(qa):
    assert qa.answer("温州市治水办主任是谁？").refused
    assert qa.answer("火星基地建设谁牵头？").refused


@pytest.mark.parametrize("kind", ["passage", "year_goals"])
def test_sentence_answerers_check_their_inputs(qa, kind):
    from rag.answerers.year_goals import YearGoalsAnswerer, YearGoalsConfig

    answerer, config, bad = {"passage": (PassageAnswerer, PassageConfig, {"accept": 0}),
                             "year_goals": (YearGoalsAnswerer, YearGoalsConfig, {"quote_chars": 5})}[kind]
    with pytest.raises(ValueError):
        answerer(qa.res, None)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        config(**bad)


# ---- sections -------------------------------------------------------------------
def test_a_section_question_gets_the_outline_cited_line_by_line(qa):
    ans = qa.answer("浙江省方案的基本原则有哪些？")
    for p in ("协同增效，源头防控", "政府主导，市场激励", "科技引领，优化路径", "数字赋能，机制创新"):
        assert p in ans.answer
    assert {("zj-plan", "第25行"), ("zj-plan", "第56行")} <= lines_of(ans) and markers_resolve(ans)


def test_a_follow_up_asks_the_same_section_of_another_document(qa):
    ans = qa.answer("温州的呢？", history=["浙江省方案的基本原则有哪些？"])
    assert "数字赋能，机制创新" in ans.answer and {c.doc_id for c in ans.citations} == {"wz-plan"}


def test_a_chapter_outlines_its_sections(qa):
    ans = qa.answer("温州市生态文明建设规划的保障措施有哪些？")
    for p in ("组织领导", "资金保障", "法制机制", "科技支撑", "行动保障"):
        assert p in ans.answer


def test_a_section_named_by_its_chapter_and_its_number_within(qa):
    # gz:788-814: "第五章 严格生态空间 管控…" → "二、加强重要生态空间保护" → (一) …, (二) …
    ans = qa.answer("温州生态文明规划第五章第二节讲什么？")
    assert "“二、加强重要生态空间保护”" in ans.answer and "完善自然保护地体系" in ans.answer
    assert "构建绿色发展空间格局" not in ans.answer  # not the chapter's outline


def test_the_province_plan_named_by_its_kind_is_not_its_drafting_note(qa):
    # "省方案": the plan (its title's kind), not the note whose title quotes the plan's ("《…方案》编制说明")
    ans = qa.answer("省方案第三部分讲什么？")
    assert "三、推进大气污染防治协同控制" in ans.answer and "起草过程" not in ans.answer


def test_a_follow_up_naming_the_next_part_asks_that_part(qa):
    first = "省方案第三部分讲什么？"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": qa.answer(first).answer}]
    ans = qa.answer("第四部分呢？", history=history)
    assert "四、推进水环境治理协同控制" in ans.answer and "甲烷" not in ans.answer  # not the third's fourth entry


def test_a_field_of_an_item_is_not_a_section_question(qa):
    ans = qa.answer("省里水环境治理与温室气体减排协同标杆项目那条的参与单位有哪些？")
    assert "省建设厅" in ans.answer and "省水利厅" in ans.answer


def test_names_of_a_kind_no_section_part_is_asked_of_the_text(qa):
    # wz:41 "聚焦电镀、不锈钢、皮革皮件等行业": the industries, not chapter 四's outline
    ans = qa.answer("温州方案水环境治理协同聚焦哪几个行业？")
    assert "电镀、不锈钢、皮革皮件" in ans.answer and "共3项" not in ans.answer
    # parts of a section asked as 方面 stay an outline
    assert "共3项" in qa.answer("温州方案加强源头防控包括哪几个方面？").answer


def test_a_drafting_note_asked_how_the_plan_it_describes_is_organised_answers_from_its_text(qa):
    # note:27 "《实施方案》共十章节…": the plan's chapters as the note states them, not the note's own four parts
    ans = qa.answer("编制说明里省方案一共几个章节？")
    assert "共十章节" in ans.answer and "出台必要性" not in ans.answer
    assert "出台必要性" in qa.answer("省方案编制说明分为哪几部分？").answer  # the note's own outline
    # a count of a thing asked: the sentence counting that very thing (note:55-57 "47 项任务清单"), not one
    # counting others near the words (note:27 "十章节…三部分及附件")
    ans = qa.answer("编制说明提到附件有多少项任务清单？")
    assert "47项任务清单" in ans.answer.replace(" ", "") and "十章节" not in ans.answer


@pytest.mark.parametrize("question,quoted", [
    # gz:926 ends "…确保2030年前实现碳达峰。" after 200 characters on the plan's indicators: the part stating the time
    ("温州的碳达峰时间是哪年？", "确保2030年前实现碳达峰"),
    # gz:1004 opens "积极推进海绵城市建设。", ends "规划至2030年，…径流总量控制75%。": a goal is the sentence stating a value
    ("温州生态文明规划中关于海绵城市的目标是什么？", "径流总量控制75%"),
    # gz:632 "…到2025年，建设投用…。全市再生水利用率达到25%以上。": of the one year its paragraph set before it
    ("温州生态文明规划里全市再生水利用率到2025年要多少？", "全市再生水利用率达到25%以上"),
])
def test_the_gazette_plan_sentence_quoted_is_the_one_answering(qa, question, quoted):
    d = qa.passage.run(Ask(question, qa.parser.run(question), ["wz-gazette-2023-06"]))
    assert d is not None and quoted in d.text


def test_a_run_in_title_led_into_its_sentence_is_not_quoted_twice(qa):
    # gz:846-848: the title "探索开展生物多样性体验地建设。" runs into the sentence naming the places
    q = "温州哪些地方要开展生物多样性体验地建设？"
    d = qa.passage.run(Ask(q, qa.parser.run(q), ["wz-gazette-2023-06"]))
    assert d is not None and "泰顺蝴蝶谷昆虫体验地" in d.text
    assert d.text.count("探索开展生物多样性体验地建设。") == 1


def test_section_units():
    assert heading_words("（十七）不同类型城市减污降碳协同创新试点") == "不同类型城市减污降碳协同创新试点"
    assert heading_words("第十章 保障措施") == "保障措施"
    with pytest.raises(ValueError):
        SectionConfig(accept=1.5)


# ---- index parents ----------------------------------------------------------------
def test_an_index_parent_total_is_given_as_the_table_states_it(qa):
    ans = qa.answer("台州协同指数中“环境治理路径协同度”的分值是多少？")
    assert "(四)环境治理路径协同度(16)" in ans.answer
    for child in ("大气协同治理", "水协同治理", "固废资源利用", "生态系统保护"):
        assert child in ans.answer
    assert markers_resolve(ans)


def test_a_province_parent_weight_cut_over_lines_is_cited_with_its_weight_line(qa):
    ans = qa.answer("浙江省协同指数“结构调整措施协同度”权重是多少？")
    assert not ans.refused and "0.2" in ans.answer
    # its name cut over lines 14 lines above its first leaf row (zj:1514 "3.协同耦" / "合度" / "0.1"):
    # the block is cited from there, so the weight and the children's weights stand in the citation
    ans = qa.answer("浙江省协同指数协同耦合度权重是多少？")
    assert not ans.refused and "权重为0.1" in ans.answer and "脱钩指数" in ans.answer
    assert ans.citations[0].locator.startswith("第1514-")


def test_a_leaf_indicator_named_whole_is_answered_by_its_row(qa):
    ans = qa.answer("减污降碳协同试点示范这个指标的权重是多少？")
    assert "权重为6" in ans.answer


def test_an_index_parent_s_children_are_listed_at_the_rank_asked(qa):
    # tz:272-279: 一级 环境质量 (18) over 二级 大气环境 (12), 水环境 (6) over rows 1-8
    two = qa.answer("台州协同指数里环境质量下面有哪些二级指标？").answer
    assert "其下共2项：二级指标“大气环境”（12）、二级指标“水环境”（6）" in two
    three = qa.answer("台州协同指数里环境质量下面有哪些三级指标？").answer
    assert "其下共8项：第1项“PM _{2.5}浓度”（4）" in three and "二级指标“大气环境”" not in three


def test_an_index_named_by_its_kind_counts_its_levels_and_its_rows(qa):
    # "台州指数": the one index table of tz-pilot (tz:268-303): 5 一级, 15 二级, rows 1-32
    assert "其一级指标共5项" in qa.answer("台州指数有几个一级指标？").answer
    assert "其二级指标共15项" in qa.answer("台州指数有多少个二级指标？").answer
    rows = qa.answer("台州指数一共多少项指标？")  # no level named: the numbered rows
    assert "其三级指标共32项" in rows.answer and "协同指数提高10%" not in rows.answer


def test_index_answerer_needs_an_index_word_to_list_children(qa):
    ia = IndexAnswerer(qa.res)
    q = qa.parser.run("台州推进固废减污降碳协同包括哪几条？")
    assert ia.run(Ask("台州推进固废减污降碳协同包括哪几条？", q, ["tz-pilot"])) is None


# ---- document facts ---------------------------------------------------------------
def test_the_documents_a_gazette_prints_are_found_from_their_headers(qa):
    lines, _ = qa.res.store.doc_lines("wz-gazette-2023-06")
    subs = find_subdocuments("wz-gazette-2023-06", lines)
    assert [s.number for s in subs] == ["温政发〔2023〕18号", "温政发〔2023〕19号", "温政办〔2023〕56号"]
    assert [s.date for s in subs] == ["2023年6月22日", "2023年6月12日", "2023年6月1日"]
    assert subs[0].title == "温州市人民政府关于修改和废止部分行政规范性文件的决定"
    assert subs[0].effective.startswith("本决定自2023年8月1日起施行")
    assert subs[2].addressees.startswith("鹿城、龙湾、瓯海、洞头区人民政府")


def test_a_sub_document_named_shortened_answers_its_facts(qa):
    # gz:178-188: "温州市人民政府 关于印发温州市生态文明建设规划 (2021-2030年)的通知" … "2023年6月12日"
    ans = qa.answer("温州生态文明规划什么时候印发的？")
    assert not ans.refused and "温政发〔2023〕19号" in ans.answer and "2023年6月12日" in ans.answer
    # a title no shortening names alone: several titles alike, none picked
    alike = "温州市人民政府印发的那个方案的通知是哪天"
    assert qa.docfacts._named(Ask(alike, qa.parser.run(alike), ["wz-gazette-2023-06"])) == []


def test_a_sub_document_fact_comes_from_its_own_header(qa):
    ans = qa.answer("温政发〔2023〕19号是什么时候发的？")
    assert "2023年6月12日" in ans.answer and "2023年7月20日" not in ans.answer
    assert ("wz-gazette-2023-06", "第188行") in lines_of(ans)
    assert "2023年8月1日" in qa.answer("修改和废止部分行政规范性文件的决定自什么时候起施行？").answer


def test_what_a_sub_document_is_made_under_is_quoted_from_its_own_opening(qa):
    ans = qa.answer("温政发〔2023〕18号是根据什么规定作出的？")
    assert "根据《浙江省行政规范性文件管理办法》（省政府令372号）的规定" in ans.answer and not ans.refused
    assert "原文未载制定依据" in qa.answer("温政发〔2023〕19号的依据是什么？").answer  # the notice states none
    # the drafting note's own section on its bases stays a section question
    assert "“二、编制依据”" in qa.answer("编制说明的编制依据有哪些？").answer


def test_the_period_a_plan_covers_is_its_own_sentence_on_it(qa):
    period = "规划期限为2021—2030年（近期2021—2025年，远期2026—2030年）。"
    ans = qa.answer("温州生态文明建设规划到哪一年？")  # refused before: the title's words were all it named
    assert period in ans.answer and "落款日期" not in ans.answer  # the year it runs to, not the day signed
    assert period in qa.answer("温州市生态文明建设规划是2021到2035年的规划吧？").answer  # a premise checked
    assert "落款日期为2023年6月12日" in qa.answer("温州生态文明建设规划是哪一年印发的？").answer


def test_a_page_asked_is_read_from_the_issue_s_contents(qa):
    # the entry runs over two lines (title, then 文号 and page); the title is named shortened
    ans = qa.answer("公报里温州市区声环境功能区划分方案的通知在第几页？")
    assert "即在第65页" in ans.answer and ("wz-gazette-2023-06", "第116-117行") in lines_of(ans)
    assert "即在第66页" in qa.answer("6月份市政府人事任免在公报第几页？").answer  # a one-line entry
    # the issuer and "关于印发" many titles share name none of them: a notice the issue does not print
    # is not given the 生态文明建设规划 notice's page or facts
    ans = qa.answer("温州市人民政府关于印发温州市海洋经济发展规划的通知在第几页？")
    assert "即在第" not in ans.answer and "温政发〔2023〕19号" not in ans.answer


def test_a_field_a_document_does_not_state_is_refused_and_its_draft_status_said(qa):
    ans = qa.answer("台州方案的发文文号是多少？")
    assert ans.refused and "征求意见稿" in ans.answer


def test_a_formal_issue_asked_of_a_draft_is_answered_with_its_marking(qa):
    for q in ("台州方案是正式印发的吗？", "台州方案是正式稿吗？", "台州方案正式发布了吗？"):
        ans = qa.answer(q)
        assert not ans.refused and "稿本标注“(征求意见稿)”" in ans.answer, q
        assert "并非正式印发的文件" in ans.answer, q
    assert "并非正式" not in qa.answer("台州方案是征求意见稿吗？").answer  # no formal issue claimed


def test_the_stage_of_a_document_marking_none_is_answered_from_its_heading(qa):
    # wz:4 is the plan's title line, no stage mark beside it; the manifest registers it 正式
    for q in ("温州方案是征求意见稿吗？", "温州减污降碳方案是正式印发的吗？"):
        ans = qa.answer(q)
        assert not ans.refused and "未标注征求意见稿等稿本字样" in ans.answer, q
        assert [(c.doc_id, c.start_line) for c in ans.citations] == [("wz-plan", 4)], q
    # gz:5: the gazette prints its title over several lines ("温州市人民政府公报" / "2023" / "第 6 期…"):
    # its first line is the heading, and the answer quotes that line as it stands
    ans = qa.answer("温州公报是征求意见稿吗？")
    assert not ans.refused and "标题“温州市人民政府公报”未标注征求意见稿等稿本字样" in ans.answer
    assert [(c.doc_id, c.start_line) for c in ans.citations] == [("wz-gazette-2023-06", 5)]
    # a document the gazette prints, named by its title: the stage its own title marks (gz:178-180)
    ans = qa.answer("温州生态文明建设规划是征求意见稿吗？")
    assert "（温政发〔2023〕19号）" in ans.answer and "标题未标注征求意见稿等稿本字样" in ans.answer
    assert "声环境功能区划分方案" in qa.answer("声环境功能区划分方案是正式的吗？").answer.split("：")[0]


def test_a_printed_document_named_by_its_title_is_read_within_and_asked_by_its_number(qa):
    # gz:138-176, the decision (温政发〔2023〕18号): its annex 2 lists the two documents it repeals
    ans = qa.answer("修改和废止部分行政规范性文件的决定废止了哪些文件？")
    assert "加强地下水管理的实施意见" in ans.answer and "支持农业“双强行动”的若干政策意见" in ans.answer
    assert "发文目录" not in ans.answer  # not the issue's list of what it prints
    ans = qa.answer("修改和废止部分行政规范性文件的决定是几号文？")
    assert "温政发〔2023〕18号" in ans.answer and "序号文件名称" not in ans.answer


def test_masthead_facts_of_the_issue(qa):
    assert "梁彬" in qa.answer("温州市人民政府公报的主编是谁？").answer


def test_core_titles():
    assert core_titles("温州市人民政府办公室关于印发温州市区声环境功能区划分方案(2023年)的通知") == [
        "温州市区声环境功能区划分方案", "声环境功能区划分方案"]


# ---- multi-part and sub-document scope ---------------------------------------------
def test_two_years_asked_at_once_are_both_answered_with_renumbered_citations(qa):
    ans = qa.answer("省里非化石能源占比2025年和2030年分别是多少？")
    assert "24%" in ans.answer and "30%" in ans.answer and markers_resolve(ans)
    assert ans.answer.startswith("（1）")


def test_another_field_of_the_same_item_stays_one_question(qa):
    ans = qa.answer("省里一般工业固体废物综合利用率那条谁牵头？目标多少？")
    assert "（1）" not in ans.answer and "省生态环境厅" in ans.answer and "98%" in ans.answer


def test_a_sub_document_named_scopes_the_question(qa):
    ans = qa.answer("温州市生态文明建设规划的规划期限是多少年？")
    assert "2021—2030年" in ans.answer and {c.doc_id for c in ans.citations} == {"wz-gazette-2023-06"}


def test_a_sub_document_named_by_its_head_and_kind_scopes_a_count_of_what_it_did(qa):
    # "修改和废止的决定" shortens 《温州市人民政府关于修改和废止部分行政规范性文件的决定》 (gz:138); it
    # modifies "等5件行政规范性文件" (gz:146) and repeals "等2件" (gz:150) — not a row of its annex tables
    changed = qa.answer("修改和废止的决定修改了几件文件？")
    assert "等5件行政规范性文件的部分内容，予以修改" in changed.answer and "2件" not in changed.answer
    assert [(c.start_line, c.end_line) for c in changed.citations] == [(144, 146)]
    repealed = qa.answer("修改和废止的决定废止了几件文件？")
    assert "等2件行政规范性文件，予以废止" in repealed.answer and "5件" not in repealed.answer


def test_a_fact_of_a_sub_document_named_by_its_head_and_kind(qa):
    # gz:152 "本决定自2023年8月1日起施行。" under 《…关于修改和废止部分行政规范性文件的决定》
    ans = qa.answer("修改和废止的决定什么时候开始施行？")
    assert not ans.refused and "2023年8月1日" in ans.answer and "温政发〔2023〕18号" in ans.answer


def test_a_total_beside_a_pointer_to_its_list_is_stated_by_its_section(qa):
    # gz:1149 "规划重点工程清单见附表1和2。" writes the item but no number; gz:1136, in the same section,
    # states "49项重点工程": it answers, though it shares only 重点工程 with the question
    # (the chain answers this from the summary table's 总计 row first: the passage answerer is asked here)
    ask = qa._ask(qa._understand(_State(question="温州规划重点工程一共多少项？", history=[], filters={})))
    d = qa.passage.run(ask)
    assert d is not None and "49项重点工程" in d.text and d.citations[0].start_line == 1136


def test_a_total_asked_of_a_summary_table_is_its_total_row_and_the_text_s_other_sum_is_given_too(qa):
    # gz:1147 "总计 49 3012.47" (表9.1-1 …重点工程汇总表); gz:1136 "…预算建设资金约3010.39亿元": both, labelled
    ans = qa.answer("温州规划重点工程总投资多少亿元？")
    assert not ans.refused and "3012.47" in ans.answer and "约3010.39亿元" in ans.answer
    assert ans.answer.index("3012.47") < ans.answer.index("正文中的相关表述") < ans.answer.index("3010.39")
    assert {(c.start_line, c.end_line) for c in ans.citations} == {(1138, 1147), (1136, 1136)}
    count = qa.answer("温州规划重点工程一共多少项？")  # the text's "49项" agrees with the 总计 row: the row alone
    assert "工程数量(个)为49" in count.answer and "正文中的相关表述" not in count.answer
    # a run shared with a list's title longer than with the caption asks that list, not the summary
    near = qa.answer("近期重点工程一共多少项？")
    assert "附表1" in near.answer and "共42项" in near.answer and "49" not in near.answer


def test_a_later_part_asking_a_quantity_in_a_unit_goes_on_from_the_part_before(qa):
    # "总投资多少亿元？" after "温州规划重点工程一共多少项，": 亿元 is the unit asked, no item word
    ans = qa.answer("温州规划重点工程一共多少项，总投资多少亿元？")
    assert "工程数量(个)为49" in ans.answer and "投资总预算(亿元)为3012.47" in ans.answer


def test_head_and_kind_needs_the_titles_own_kind():
    from rag.answerers.docfacts import head_and_kind

    title = "温州市人民政府关于修改和废止部分行政规范性文件的决定"
    assert head_and_kind("修改和废止的决定废止了哪些？", title) == (0, 8)
    assert head_and_kind("修改和废止的通知", title) is None  # another kind
    assert head_and_kind("修改的决定", title) is None  # a head too short to name it


# ---- words no document uses ----------------------------------------------------------
def test_an_item_word_no_document_uses_is_refused_not_answered_from_another_row(qa):
    ans = qa.answer("火星基地建设谁牵头？")
    assert ans.refused and "火星" in ans.answer


def test_unknown_words_skip_answer_kinds_places_and_join_fragments(qa):
    uw = qa.unknown
    assert uw.run("火星基地建设谁牵头？") == ["火星"]
    assert uw.run("温州利用哪些日子开展宣传教育活动？") == []  # the kind of answer asked
    assert uw.run("台州协同指数中县控及以上断面水质的数据来源单位是谁？") == []  # a jieba join fragment
    assert uw.run("宁波舟山港岸电覆盖率是多少？", skip=["宁波", "舟山"]) == ["港岸"]
    assert uw.run("林国锋被任命为什么职务？") == []  # the passive's verb, not an item
    assert uw.run("火星基地被任命为什么？") == ["火星"]
    # a dictionary word where two written phrases meet ("污染天气" + "预报准确率"): no unknown word
    assert uw.run("温州研究建立什么机制来进一步提升污染天气预报准确率？") == []
    assert uw.run("温州的天气预报谁负责？") == ["天气预报"]  # on its own it is still unwritten
    # a Latin code no document writes names no item of theirs; codes they write (M1, LNG, PM2.5) do
    assert uw.run("温州轨道交通M3线什么时候建成？") == ["M3"]
    assert uw.run("轨道交通M1线和温州LNG项目、PM2.5浓度呢？") == []
    # a character no document writes: jieba cuts the unknown word into single characters
    assert uw.run("台州试点方案对垃圾焚烧二噁英排放有什么要求？") == ["二噁英"]
    assert uw.run("那个呢？谁的？") == []  # characters of asking are no item
    assert uw.run("麻烦您说下秸秆那条谁牵头？") == []  # nor of talk
    assert uw.run("要实现几大重点行业碳排放评价全覆盖？") == []  # 几 (no policy text writes it) asks
    with pytest.raises(TypeError):
        uw.run(None)  # type: ignore[arg-type]


# ---- structure (annexes, lists) and unnumbered headings -------------------------------------
def test_a_document_s_annexes_are_listed_with_their_titles(qa):
    ans = qa.answer("浙江省方案有哪些附件？")
    assert not ans.refused and "附件2“浙江省减污降碳协同指数”" in ans.answer and markers_resolve(ans)
    assert {c.doc_id for c in ans.citations} == {"zj-plan"}  # the plan, not its drafting note's "（四）附件"
    # an annex whose heading line the text lost is taken from the "附件：1.… 2.…" line
    ans = qa.answer("温政发〔2023〕18号有哪些附件？")
    assert "附件1“修改的市政府行政规范性文件目录”" in ans.answer and "附件2" in ans.answer


def test_the_lists_of_an_annex_named_by_its_title(qa):
    ans = qa.answer("台州协同增效创新清单分哪几个清单？")
    for name in ("协同管理清单", "协同治理清单", "协同创新清单", "协同能力清单"):
        assert name in ans.answer
    assert "协同指数" not in ans.answer  # the other annex is not asked
    ans = qa.answer("温州方案有哪些清单？")
    assert all(n in ans.answer for n in ("目标清单", "任务清单", "政策清单")) and "表2-1" not in ans.answer


def test_lists_counted_in_the_annexes_are_the_lists_not_the_annexes(qa):
    # "附件里有几张清单": the 清单 are counted (tz:111, 142, 224, 256), not the two annexes; the index
    # (tz:268) is a table of another name, said apart
    ans = qa.answer("台州方案附件里有几张清单，分别叫什么？")
    assert "所列清单共4项" in ans.answer and "附件共2项" not in ans.answer
    assert "另列有：台州市县（市、区）减污降碳协同指数" in ans.answer
    assert "附件共2项" in qa.answer("台州方案有几个附件？").answer  # the annexes asked


def test_which_annex_a_document_is(qa):
    ans = qa.answer("温州市减污降碳协同增效实施方案是第几个附件？")
    assert "附件1" in ans.answer and ("wz-plan", "第2行") in lines_of(ans)
    assert qa.answer("台州方案是第几个附件？").refused  # it opens with its title, not an annex line


def test_an_unnumbered_heading_outlines_the_numbered_sections_under_it(qa):
    ans = qa.answer("温州方案提升协同能力有哪些内容？")
    for title in ("低（零）碳试点创建", "提升碳监测能力", "科技研发创新与应用示范"):
        assert title in ans.answer
    assert "构建减污降碳协同多元激励机制" not in ans.answer


def test_structure_units():
    from rag.answerers.structure import POSITION_Q, STRUCTURE_Q, annexes_of, names_title

    assert STRUCTURE_Q.search("温州方案有哪些清单？") and STRUCTURE_Q.search("台州方案有几个附件？")
    assert STRUCTURE_Q.search("附件里有几张清单") and STRUCTURE_Q.search("有多少份附件")
    assert not STRUCTURE_Q.search("秸秆综合利用那条谁牵头？")
    assert POSITION_Q.search("温州方案是第几个附件？") and not POSITION_Q.search("温州方案有几个附件？")
    assert annexes_of(["附件1", "温州市方案", "正文", "附件2", "目录"])[0].no == "2"
    assert not names_title("温州方案有哪些清单？", "浙江省减污降碳协同指数")


def test_a_what_question_gets_the_row_and_a_sentence_nearly_as_close(qa):
    """"台州危险废物到2025年要实现什么？": the list row (负增长或零增长) and the text (趋零填埋) both
    answer it, as closely: both are given, the text labelled."""
    ans = qa.answer("台州危险废物到2025年要实现什么？")
    assert "负增长或零增长" in ans.answer and "趋零填埋" in ans.answer and "正文中的相关表述" in ans.answer
    assert markers_resolve(ans)
    # a field of the row asked is answered by the row alone
    assert "正文中的相关表述" not in qa.answer("秸秆综合利用那条谁牵头？").answer


def test_a_department_asked_about_words_no_list_holds_is_answered_from_the_text(qa):
    ans = qa.answer("省生态环境厅组织哪些单位成立了编制工作组？")
    assert "省低碳发展中心" in ans.answer and "条目共" not in ans.answer
    assert "条目共" in qa.answer("省生态环境厅牵头哪些任务？").answer  # a department's rows, as before


def test_unnumbered_heading_shape():
    from rag.answerers.section import UNNUMBERED_HEADING

    assert UNNUMBERED_HEADING.fullmatch("提升协同能力") and UNNUMBERED_HEADING.fullmatch("推进大气污染防治协同控制")
    for text in ("九、提升协同能力", "（二十三）低（零）碳试点创建", "加强组织领导。各县（市、区）抓好落实", "提升"):
        assert not UNNUMBERED_HEADING.fullmatch(text), text


# ---- session 7: content questions, years, disagreeing values, sections, year goals ----------------
def test_a_which_question_answered_by_a_row_quotes_the_clause_holding_the_words_asked(qa):
    ans = qa.answer("温州鼓励污水处理厂推广哪些热能利用技术？")
    assert "污泥沼气热电联产" in ans.answer and "水源热泵" in ans.answer
    ans = qa.answer("省方案的重点产业园区试点聚集哪些产业园区？")  # the enumeration is not cut in two
    assert "聚集石化、化工、化纤" in ans.answer


def test_which_places_drops_the_word_places_and_finds_the_sentence(qa):
    ans = qa.answer("温州的城市型试点鼓励哪些地方创建？")
    assert not ans.refused and "瑞安、平阳" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"wz-plan"}


def test_question_words_apart_in_the_text_still_cover_the_sentence(qa):
    ans = qa.answer("省里到2030年要建设多少个标杆项目？")  # the text: "建设 400个标杆项目"
    assert "400个标杆项目" in ans.answer and "200个" not in ans.answer


def test_a_value_asked_for_a_year_is_not_taken_from_a_row_due_another_year(qa):
    ans = qa.answer("省里2030年非化石能源占比呢？", history=["台州到2030年的目标是什么？"])
    assert "30%" in ans.answer and "24%" not in ans.answer


def test_the_value_of_the_wording_asked_comes_from_the_text_not_a_row_of_another_wording(qa):
    # the text: "畜禽粪污资源化利用和无害化处理率达92%以上"; a list row: "畜禽排泄物资源化利用率达95%以上"
    ans = qa.answer("台州畜禽粪污资源化利用率目标是多少？")
    assert "92%以上" in ans.answer and {c.doc_id for c in ans.citations} == {"tz-pilot"} and markers_resolve(ans)


def test_values_differ_when_the_text_states_a_number_no_row_states(qa):
    from types import SimpleNamespace

    from rag.answerers.base import Draft
    from rag.types import Citation

    row = SimpleNamespace(text="推进畜禽养殖生产清洁化，畜禽排泄物资源化利用率达 95%以上。")
    cite = lambda t: Citation(n=1, doc_id="tz-pilot", title="t", section="", locator="第1行", text=t)  # noqa: E731
    assert qa._values_differ(Draft("passage", 0.9, "x", [cite("处理率达92%以上。")]), [(1.0, row)])
    assert not qa._values_differ(Draft("passage", 0.9, "x", [cite("利用率达95% 以上。")]), [(1.0, row)])


def test_a_department_no_row_or_sentence_names_is_refused_with_the_text_shown(qa):
    ans = qa.answer("温州方案中哪个部门牵头建设地铁？")
    assert ans.refused and ans.nearest and not re.search(r"(市|省)\w{1,8}(局|委|办)", ans.answer)
    # a follow-up to another region asks how that document treats the item: its text answers
    follow = qa.answer("那台州呢？", history=["秸秆综合利用那条谁牵头？"])
    assert not follow.refused and "秸秆" in follow.answer


def test_a_row_asked_by_its_number_is_quoted_whole(qa):
    ans = qa.answer("省方案任务清单第1项是什么，谁牵头？")
    assert "分区管控体系" in ans.answer and "省生态环境厅" in ans.answer


def test_the_goals_of_a_year_are_the_paragraphs_opening_with_it(qa):
    ans = qa.answer("台州到2030年的目标是什么？")
    assert not ans.refused and "减污降碳协同能力显著提升" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"tz-pilot"} and markers_resolve(ans)
    assert qa.year_goals.run(Ask("台州到2030年森林覆盖率目标是多少？", qa.parser.run("台州到2030年森林覆盖率目标是多少？"),
                                 ["tz-pilot"])) is None  # an item is named: not this answerer's question


def test_a_short_section_is_quoted_whole_not_outlined_by_its_measures(qa):
    ans = qa.answer("温州方案的主要目标是什么？")
    for v in ("13%", "2个以上省级创新城市", "45%"):
        assert v in ans.answer
    assert "加强源头防控" not in ans.answer  # the next part's title line is not this section's


def test_the_province_short_name_before_a_year_selects_the_province(qa):
    q = qa.parser.run("浙江到2025年的主要目标是什么？")
    assert set(q.doc_ids) == {"zj-plan", "zj-note"}
    assert qa.parser.run("浙江海事局牵头哪些任务？").doc_ids == []


def test_main_tasks_of_a_plan_without_such_a_heading_are_its_chapters_between_the_framing_ones(qa):
    ans = qa.answer("台州方案有哪些主要任务？")
    for t in ("加快推进临港产业带建设", "推进美丽海湾建设", "推进减污降碳制度创新"):
        assert t in ans.answer
    assert "总体要求" not in ans.answer.split("：", 1)[1] and "加强组织实施" not in ans.answer
    assert {c.doc_id for c in ans.citations} == {"tz-pilot"} and markers_resolve(ans)


def test_chapters_not_numbered_in_order_or_not_framed_are_not_taken_for_tasks(qa):
    # the gazette's "规划总则" holds 一、指导思想 … 六、建设指标: no closing framing chapter
    sa = qa.section
    q = qa.parser.run("温州生态文明建设规划有哪些主要任务？")
    assert sa._task_chapters(Ask("温州生态文明建设规划有哪些主要任务？", q, ["wz-gazette-2023-06"])) is None


def test_item_words_every_tenth_sentence_holds_pick_no_sentence(qa):
    ans = qa.answer("编制说明里重点任务共提出多少项具体工作任务？")  # item words left: "重点"
    assert "到2025年" not in ans.answer


def test_a_section_kind_named_by_another_usual_name_finds_the_heading(qa):
    ans = qa.answer("温州方案的总体目标是什么？")  # the plan's heading: "（二）主要目标"
    assert not ans.refused and "13%" in ans.answer and "45%" in ans.answer
    # a heading holding another usual name in its words: "九、加强组织实施" is the 保障措施 asked,
    # not its sub-section "（二）完善资金保障" that shares the word 保障
    ans = qa.answer("台州试点方案的保障措施有哪些？")
    for t in ("加强组织领导", "完善资金保障", "强化监督考核", "强化宣传引导"):
        assert t in ans.answer
    assert ("tz-pilot", "第91行") in lines_of(ans)
    # a heading named by another usual name is no better named than one writing the name asked: "温州方案的
    # 组织实施" lists wz-plan's "十、加强组织实施" (wz:80) beside the gazette plan's "第十章 保障措施"
    ans = qa.answer("温州方案的组织实施有哪些要求？")
    assert "加强监督考核" in ans.answer and ("wz-plan", "第80行") in lines_of(ans)


def test_two_fields_of_one_named_owner_are_both_answered(qa):
    ans = qa.answer("温州市生态文明建设规划的规划期限和基准年分别是什么？")
    assert "2021—2030年" in ans.answer and "基准年为2020年" in ans.answer
    assert "“四、规划期限”[" not in ans.answer  # a heading line is not quoted as the answer


def test_what_a_count_asked_counts_names_the_item(qa):
    # 任务 / 工作 are words questions use for anything, but "多少项具体工作任务" is what is counted
    ans = qa.answer("编制说明里重点任务共提出多少项具体工作任务？")
    assert "29项具体工作任务" in ans.answer and not ans.refused


def test_how_many_pieces_is_a_number_question(qa):
    ans = qa.answer("温政发〔2023〕18号修改了几件行政规范性文件？")
    assert "5件" in ans.answer and "2件" not in ans.answer


def test_intent_words_are_not_taken_for_unknown_item_words(qa):
    ans = qa.answer("台州“生活垃圾分类处理比例”指标由哪个部门提供数据？")
    assert not ans.refused and "市分类办" in ans.answer
    assert qa.answer("火星基地建设谁牵头？").refused


def test_a_which_n_question_gets_the_whole_enumeration(qa):
    ans = qa.answer("温州生态文明建设规划的“六个治理”新模式是哪六个治理？")
    for t in ("源治理", "善治理", "联治理", "法治理", "智治理", "亲治理"):
        assert t in ans.answer


def test_a_year_no_document_covers_is_refused_with_what_the_documents_say_for_their_years(qa):
    ans = qa.answer("台州2030年森林覆盖率目标是多少？")
    assert ans.refused and "2030年" in ans.answer and "61.5%" in ans.answer and "到2025年" in ans.answer
    assert ans.nearest and markers_resolve(SimpleNamespace(answer=ans.answer, citations=ans.nearest))


def test_main_tasks_no_heading_or_framed_chapters_give_are_not_answered_from_rows(qa):
    ans = qa.answer("温州生态文明建设规划有哪些重点任务？")  # its 规划总则 has no closing framing chapter
    assert ans.refused and "主要任务" in ans.answer and "牵头单位" not in ans.answer


def test_chapters_whose_lost_numbers_were_restored_are_one_run_apart_from_the_lists_after_them(qa):
    # wz-plan: chapters 二, 三 and 九 lost their numbers (restored at ingest); its lists "一、目标清单 …"
    # follow under the same annex heading and start a run of their own
    ans = qa.answer("温州方案的重点任务是什么？")
    assert not ans.refused and "共8项" in ans.answer and "1. 二、加强源头防控" in ans.answer
    assert "8. 九、提升协同能力" in ans.answer and "目标清单" not in ans.answer
    assert ("wz-plan", "第25行") in lines_of(ans) and markers_resolve(ans)
    ans = qa.answer("温州方案第二部分讲什么？")
    assert "“二、加强源头防控”" in ans.answer and "（一）强化规划引领减污降碳" in ans.answer
    assert "共10项" in qa.answer("温州方案分为哪几部分？").answer


# ---- a list row's own columns, and plain tables ----------------------------------------------
def test_a_project_row_named_answers_the_column_asked_by_name_kind_or_words(qa):
    ans = qa.answer("温州瓯江引水工程投资总预算多少亿元？")  # named column; the label's region left out
    assert "54.98" in ans.answer and "投资总预算" in ans.answer and ("wz-gazette-2023-06", "第1216行") in lines_of(ans)
    ans = qa.answer("瓯江引水工程年引水量多少？")  # no column named: the cell holding the other words
    assert "7.43亿立方米" in ans.answer and "主要内容" in ans.answer and markers_resolve(ans)
    ans = qa.answer("浙江三澳核电一期建在哪里？")  # a place column, by the kind asked
    assert "建设地点为“苍南县”" in ans.answer
    ans = qa.answer("瓯江引水工程什么时候完成？")  # a time column is quoted as the table has it
    assert "2021-2026" in ans.answer


def test_a_column_asked_after_a_row_is_asked_of_that_row(qa):
    first = qa.answer("温州市美丽海湾建设工程包括哪几个海湾？")
    assert "洞头岛群海域" in first.answer
    hist = [{"role": "user", "content": "温州市美丽海湾建设工程包括哪几个海湾？"},
            {"role": "assistant", "content": first.answer}]
    ans = qa.answer("投资多少？", history=hist)
    assert "4.5" in ans.answer and "美丽海湾建设" in ans.answer
    hist += [{"role": "user", "content": "投资多少？"}, {"role": "assistant", "content": ans.answer}]
    ans = qa.answer("建设地点呢？", history=hist)  # the row of the turn before the column turns
    assert "建设地点为“全市”" in ans.answer and "美丽海湾建设" in ans.answer


def test_each_clause_asking_a_column_is_answered_from_the_row(qa):
    ans = qa.answer("瓯江引水工程输水线路多长，实施期限是哪几年？")  # a cell by its words, a column by name
    assert "60公里" in ans.answer and "2021-2026" in ans.answer and markers_resolve(ans)
    assert qa.columns.clauses("输水线路多长，实施期限是哪几年？") == ["输水线路多长", "实施期限是哪几年"]


def test_a_label_s_bracketed_abbreviation_names_the_row_too(qa):
    from rag.retrievers import canonical

    assert qa.columns._label("*温州液化天然气(LNG)项目") == "液化天然气项目"
    assert canonical("温州LNG项目") == "温州液化天然气项目" and canonical("环评") == "环境影响评价"
    ans = qa.answer("温州LNG项目投资总预算多少？")
    assert "134" in ans.answer and "液化天然气(LNG)" in ans.answer


def test_a_post_asked_in_the_passive_is_answered_from_the_personnel_notice(qa):
    ans = qa.answer("毛正晓被任命为什么职务？")
    assert "温州市人民政府副秘书长" in ans.answer and "6月份市政府人事任免" in ans.answer


def test_a_count_asked_of_a_project_row_is_not_its_nature_column(qa):
    # "新建" in "要新建几座" asks a count, not whether the project is 新建类 or 续建类
    ans = qa.answer("全市城镇生活污水厂新建改扩建要新建几座污水处理厂？")
    assert "建设性质" not in ans.answer
    assert "建设性质为“续建类”" in qa.answer("瓯江引水工程是新建还是续建？").answer


def test_a_label_opening_with_its_whole_area_is_named_without_it(qa):
    # officials do not repeat "全市": the row is named whole, and the count asked is its 主要内容 cell
    assert qa.columns._label("*全市城镇生活污水厂新建改扩建") == "城镇生活污水厂新建改扩建"
    assert qa.columns._label("全市") == "全市"
    ans = qa.answer("温州城镇生活污水厂新建改扩建要新建几座？")
    assert "主要内容为“新建7座" in ans.answer and "责任单位为" not in ans.answer


def test_a_department_of_a_project_row_is_the_row_answerer_s(qa):
    ans = qa.answer("集中喷涂中心建设谁负责？")
    assert "责任单位为市交通运输局、市生态环境局" in ans.answer


def test_what_a_project_invests_in_building_is_its_content_not_its_budget(qa):
    # gz:1255 row 32: 主要内容 "项目主要投资建设海上风机总装工厂…", 投资总预算 21 — "投资建设哪些" asks the former
    ans = qa.answer("苍南远景智慧零碳产业基地项目主要投资建设哪些？")
    assert "海上风机总装工厂" in ans.answer and "投资总预算" not in ans.answer
    assert "“21”" in qa.answer("苍南远景智慧零碳产业基地项目投资多少？").answer


def test_column_helpers_and_config():
    from rag.answerers.columns import ColumnConfig, header_name, without

    assert header_name("投资总预算(亿元)") == "投资总预算"
    assert without("温州瓯江引水工程年引水量多少", "瓯江引水工程") == "温州年引水量多少"
    with pytest.raises(ValueError):
        ColumnConfig(row_accept=0)


def test_a_plain_summary_table_row_answers_its_columns(qa):
    ans = qa.answer("温州生态安全领域有多少项重点工程，投资总预算多少？")
    assert "工程数量(个)为11" in ans.answer and "134.39" in ans.answer
    assert ("wz-gazette-2023-06", "第1138-1142行") in lines_of(ans)


def test_find_tables_reads_runs_of_tab_lines_not_taken_by_records():
    from rag.answerers.table_cells import TableCellConfig, find_tables

    lines = ["表1 汇总表", "领域\t数量(个)\t投资(亿元)", "甲\t3\t1.5", "乙\t4\t2", "", "正文。", "a\tb", "c\td"]
    t = find_tables("d", lines, set(), TableCellConfig())
    assert [(x.header_line, x.caption, len(x.rows)) for x in t] == [(2, "表1 汇总表", 2)]
    assert find_tables("d", lines, {3, 4}, TableCellConfig()) == []  # rows of records: not a plain table
    with pytest.raises(ValueError):
        TableCellConfig(min_rows=0)


def test_a_heading_named_by_its_distinctive_part_is_outlined(qa):
    ans = qa.answer("温州的清废保卫战有哪些内容？")  # "四、全力打好清废保卫战" without its opening verb
    assert "健全固废闭环监管体系" in ans.answer and ("wz-gazette-2023-06", "第704行") in lines_of(ans)
    sa = qa.section
    key = next(k for k in sa.headings if k[0] == "wz-gazette-2023-06" and k[1][-1].endswith("清废保卫战"))
    assert sa._named_by_its_core("清废保卫战包括什么", key)
    assert not sa._named_by_its_core("保卫战包括什么", key)  # too short a part, and other headings hold it


def test_which_n_things_is_answered_by_the_sentence_stating_n_of_them(qa):
    ans = qa.answer("温州碳达峰实施方案以哪4个指标为核心？")  # not the row naming the plan, nor "研究制定…"
    for t in ("能源消费总量", "碳排放总量", "能耗强度", "碳排放强度"):
        assert t in ans.answer
    assert ("wz-gazette-2023-06", "第926行") in lines_of(ans)


def test_which_kinds_is_a_name_question_and_a_month_is_a_time_of_its_own(qa):
    ans = qa.answer("温州重点重金属污染物指哪几种？")  # 哪几种 asks names, not a number
    for t in ("镉", "铬", "砷", "铅", "汞"):
        assert t in ans.answer
    ans = qa.answer("每年几月是“温州生态文化月”？")  # a month with no year by it answers 几月
    assert "每年6月" in ans.answer and ("wz-gazette-2023-06", "第1108行") in lines_of(ans)


def test_a_count_asked_picks_the_cell_stating_it_and_a_department_asked_with_it_follows(qa):
    ans = qa.answer("美丽河湖创建工程要创建多少条？责任单位是谁？")
    assert "创建美丽河湖50条" in ans.answer and "责任单位为市水利局" in ans.answer
    ans = qa.answer("VOCs治理设施改造升级工程2022年要完成多少个？")  # a year in the quoted cell is no deadline claim
    assert "2022年完成600个" in ans.answer and not ans.refused


def test_a_verbatim_quote_of_a_cited_passage_claims_no_deadline():
    from rag.verify import mask_verbatim

    assert mask_verbatim("为“甲“乙”丙”。", ["甲“乙”丙"]) == "为 。"


def test_a_row_label_named_only_in_part_is_asked_by_column_name_or_kind_only(qa):
    # "推进几个美丽海湾保护与建设" is the plan's sentence (9个), not the project row "温州市美丽海湾建设" (3个)
    ans = qa.answer("温州要推进几个美丽海湾保护与建设？")
    assert "9个美丽海湾" in ans.answer and "附表1" not in ans.answer


def test_a_part_pointed_at_by_its_topic_word_is_the_highest_heading_about_it(qa):
    # "固废那一部分": the chapter holding 固废, not its sub-section "（十二）强化固废综合利用"
    ans = qa.answer("省方案固废那一部分有哪些任务？")
    assert "“五、推进固废污染防治协同控制”" in ans.answer and "（十三）加强塑料污染全链条治理" in ans.answer
    ans = qa.answer("台州方案大气这块讲了什么？")
    assert "四、推进大气污染减污降碳协同" in ans.answer and "（二）强化移动源大气污染物与温室气体协同控制" in ans.answer
    assert not qa.section._named_as_a_part("省方案固废有哪些任务？", ("zj-plan", ("五、推进固废污染防治协同控制",)))
    assert not qa.section._named_as_a_part("省方案固废那一部分有哪些任务？",  # a lower heading about it
                                           ("zj-plan", ("五、推进固废污染防治协同控制", "（十二）强化固废综合利用")))


def test_a_chapter_named_by_its_number_is_outlined(qa):
    ans = qa.answer("温州生态文明建设规划第九章讲了什么？")
    assert "工程内容与投资估算" in ans.answer and "效益分析" in ans.answer
    assert ("wz-gazette-2023-06", "第1132行") in lines_of(ans)


def test_a_part_named_by_its_number_is_the_chapter_numbered_so(qa):
    ans = qa.answer("台州方案第七部分讲了哪几方面？")  # "七、推进生态系统保护修复…"
    for t in ("扩大优质生态产品供给", "增强生态系统碳汇能力", "加强生态保护修复监管"):
        assert t in ans.answer
    assert ("tz-pilot", "第71行") in lines_of(ans)
    # the Wenzhou plan's chapters run 一、四、五… (二、三 lost in the text) beside its lists 一、二、三、:
    # which "三、" is meant cannot be told, so its 政策清单 is not taken for the third part
    assert "政策清单" not in qa.answer("温州方案第三部分讲了什么？").answer


def test_a_later_part_with_a_few_item_words_goes_on_from_the_part_before(qa):
    ans = qa.answer("瓯江引水工程输水线路多长？年引水量多少？")
    assert ans.answer.count("瓯江引水工程") >= 2 and "7.43亿立方米" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"wz-gazette-2023-06"}  # not the Wenzhou plan's 用水 row


def test_a_join_the_tokenizer_made_is_no_unknown_item_word(qa):
    ans = qa.answer("台州协同指数哪些指标季度考核时用前一年度数据替代？")  # jieba joins 时用; no such word
    assert not ans.refused and "指标31" in ans.answer
    assert qa.answer("火星基地建设谁牵头？").refused  # a dictionary noun no document uses still is


# ---- a range of items ------------------------------------------------------------------------
def test_a_range_of_items_is_answered_from_the_sentence_naming_each_of_them(qa):
    q = qa.parser.parse_one("台州协同指数第27到30项指标怎么计分？")
    assert q.item_range == (27, 28, 29, 30) and "27" not in q.content and not q.item_no
    ans = qa.answer("台州协同指数第27到30项指标怎么计分？")
    assert "采用各年度累计得分" in ans.answer and ("tz-pilot", "第306行") in lines_of(ans)
    # a range no sentence speaks of is not answered from a sentence naming only some of it
    assert qa.item_range.run(Ask("第27到33项", qa.parser.parse_one("第27到33项怎么计分"), ["tz-pilot"])) is None
    # a row outside the range named is not the answer ("秸秆" is 任务清单 item 11, not 3–5)
    assert "第11项" not in qa.answer("省方案任务清单第3到5项里秸秆那条谁牵头？").answer
    with pytest.raises(ValueError):
        ItemRangeAnswerer(qa.res, None)  # type: ignore[arg-type]


def test_a_follow_up_asking_the_lead_itself_is_not_answered_from_a_sentence_naming_none(qa):
    hist = [{"role": "user", "content": "秸秆综合利用那条谁牵头？"}, {"role": "assistant", "content": "…"}]
    t2 = qa.answer("那台州呢？", history=hist)  # carries the earlier question: the text is the answer
    assert not t2.refused and "提升秸秆综合利用水平" in t2.answer
    hist += [{"role": "user", "content": "那台州呢？"}, {"role": "assistant", "content": t2.answer}]
    t3 = qa.answer("台州这项谁牵头？", history=hist)  # asks the lead itself: Taizhou names none
    assert t3.refused and "牵头或参与单位" in t3.answer


def test_a_document_number_listed_only_in_the_issue_s_contents_is_answered_from_that_list(qa):
    ans = qa.answer("温政办〔2023〕58号是什么文件？")  # "58" is no anchor word: a number is never a bigram
    assert not ans.refused and "指标银行" in ans.answer


def test_who_holds_a_post_is_answered_only_by_a_sentence_naming_that_post(qa):
    # the centre's founding sentence names no 主任: not an answer to who heads it
    assert qa.answer("温州市新闻传媒中心主任是谁？").refused
    ans = qa.answer("谁任温州市应急管理局副局长？")
    assert not ans.refused and "叶明坚" in ans.answer


def test_an_earlier_version_of_a_document_is_not_answered_with_the_printed_one_s_number(qa):
    q = "温州以前的生态文明建设规划文号是什么？"
    assert qa.docfacts.run(Ask(q, qa.parser.parse_one(q), ["wz-gazette-2023-06"])) is None
    ans = qa.answer(q)
    assert "温政发〔2004〕63号" in ans.answer and "温政发〔2023〕19号" not in ans.answer.split("正文中的相关表述")[0]


def test_a_sentence_found_by_its_paragraph_s_run_in_title_is_quoted_with_it(qa):
    ans = qa.answer("温州活水畅水工程重点推进哪些水系连通？")
    assert not ans.refused and "开展活水畅水工程建设。…重点推进温瑞塘河" in ans.answer


def test_a_project_s_content_cell_answers_questions_about_what_it_builds(qa):
    # gz:1261 附表1 row 35 "城镇生活垃圾处理设施建设": the 主要内容 cell names 乐清市's incinerator; the
    # sentence of the plan naming 乐清市 and 生活垃圾焚烧 beside "1座建筑垃圾处置设施" is not the answer
    ans = qa.answer("乐清市要建成几座生活垃圾焚烧处理设施？")
    assert not ans.refused and "乐清市建成1座生活垃圾焚烧处理设施" in ans.answer
    assert ans.citations[0].locator == "第1261行" and "第35项" in ans.answer
    # a list's note is no cell of its rows
    assert not any(s.text.startswith("注：") and s.section[-1].startswith(("任务清单第", "目标清单第"))
                   for s in qa.sentences.sentences)


def test_an_event_s_day_is_answered_from_the_text_not_the_documents_dates(qa):
    ans = qa.answer("市政府党组会议哪天召开的？")
    assert not ans.refused and "6月14日" in ans.answer
    assert qa.answer("温州的方案是哪天印发的？").refused  # a document named: its own date, which it does not state


def test_who_did_an_act_is_quoted_with_the_next_sentence_naming_the_doer(qa):
    # gz:1379 "…召开重点专项工作调度会，研究部署…。市委副书记、市长张振丰主持会议并讲话。"
    ans = qa.answer("重点专项工作调度会由谁主持？")
    assert not ans.refused and "张振丰主持会议" in ans.answer
    # a sentence naming 总书记 names no one who acts here ("习近平总书记重要批示精神")
    assert not qa.passage.names_agent("传达学习贯彻习近平总书记重要批示精神")
    assert qa.passage.names_agent("市委副书记、市长张振丰主持会议并讲话。")
    assert qa.passage.names_unit("由市生态环境局牵头") and not qa.passage.names_unit("全市推进")
    with pytest.raises(ValueError):
        PassageAnswerer(qa.res, qa.sentences, unit_names=["市"])  # a bare "市" would name a unit anywhere


def test_a_column_the_question_names_is_the_value_given(qa):
    # gz:472 表2-2 row 22: 参照值 "≥4.5" (the header "国家级创建参照值" named in the question)
    ans = qa.answer("单位国内生产总值建设用地使用面积下降率的国家级创建参照值是多少？")
    assert not ans.refused and "参照值为“≥4.5”" in ans.answer and "表2-2" in ans.answer


def test_a_news_item_s_day_is_not_a_document_date(qa):
    ans = qa.answer("温州市新闻传媒中心是哪天成立的？")  # gz:1399, a news item: not the documents' 落款
    assert not ans.refused and "6月28日" in ans.answer


def test_a_month_asked_is_not_answered_with_a_row_s_completion_year(qa):
    ans = qa.answer("每年哪个月是温州的生态文化月？")  # gz:1108; 附表1 row 42 (生态文化载体, 2025) is no answer
    assert not ans.refused and "每年6月" in ans.answer and "完成时限" not in ans.answer


def test_a_series_cut_at_semicolons_is_quoted_whole_for_a_which_question(qa):
    # note:29 "基本原则为协同增效，源头防控；政府主导，市场激励；科技引领，优化路径；数字赋能，机制创新。"
    # (the index cuts it at "；"; the sentence before it only names the item: "明确基本原则和主要目标。")
    ans = qa.answer("编制说明里的基本原则都有哪些？")
    assert not ans.refused
    for p in ("协同增效，源头防控", "政府主导，市场激励", "科技引领，优化路径", "数字赋能，机制创新"):
        assert p in ans.answer
    first = next(s for s in qa.sentences.sentences if s.text.startswith("基本原则为协同增效"))
    assert first.text.endswith("；")
    joined = qa.passage.with_series(first)
    assert joined.text.endswith("数字赋能，机制创新。") and joined.end_line >= first.end_line
    assert qa.passage.with_series(joined) == joined  # a sentence ending in "。" is whole


def test_a_value_column_named_asks_the_indicator_row_not_a_section(qa):
    # gz:393 表2-1 row 18 "建设用地土壤污染风险管控和修复名录制度 … 已建立 持续实施 …": 现状值 asked with 是什么
    # is that column only (a section on 建设用地土壤污染 was quoted before)
    ans = qa.answer("建设用地土壤污染风险管控和修复名录制度的现状值是什么？")
    assert not ans.refused and "现状值(2020年)为“已建立”" in ans.answer and "规划值" not in ans.answer
    # gz:444 表2-2 row 4 "河长制 - 全面实施": 国家级创建参照值 names the column (and 国家级 the table)
    ans = qa.answer("河长制的国家级创建参照值是什么？")
    assert not ans.refused and "参照值为“全面实施”" in ans.answer and "表2-2" in ans.answer


def test_masthead_lines_asked_by_their_label_and_a_lone_label_line_is_no_masthead(qa):
    ans = qa.answer("温州政府公报的邮编是多少？")
    assert "325009" in ans.answer and ("wz-gazette-2023-06", "第92行") in lines_of(ans)  # gz:92, the masthead block
    assert "刊号：浙内准字第C021号" in qa.answer("温州市人民政府公报的刊号是什么？").answer
    assert "0577-88966929" in qa.answer("温州政府公报编辑部的联系电话是多少？").answer  # the label asked more fully
    assert "传真：0577-88966929" in qa.answer("温州政府公报的传真号码是多少？").answer
    # "附件：1.…" stands alone (tz): the annexes are listed, not that line quoted as a masthead fact
    assert "附件共2项" in qa.answer("台州方案有哪些附件？").answer
    # an item of its own ("溢油应急设备库") is no masthead question, though it names 地址
    assert "华润电力" in qa.answer("500吨市级地方溢油应急设备库的地址在哪？").answer


def test_masthead_block():
    from rag.answerers.docfacts import masthead_block

    facts = [("附件", "1.清单", 5), ("主编", "梁彬", 72), ("编辑", "陈威娜", 76), ("邮编", "325009", 80), ("网址", "x", 200)]
    assert [f[0] for f in masthead_block(facts)] == ["主编", "编辑", "邮编"]


def test_a_lead_in_is_quoted_with_the_items_or_the_sentence_it_introduces(qa):
    ans = qa.answer("温州政府公报有哪些集中赠阅点？")  # gz:1641-1651, one item a line
    assert all(x in ans.answer for x in ("温州市档案馆", "温州市图书馆", "温州市市民中心", "城市书房"))
    ans = qa.answer("温州政府公报的赠阅范围是什么？")  # gz:1637-1639: the sentence after it, its series whole
    assert "全市各村委会、居委会（社区）；有关行业协会、商会和企业等。" in ans.answer
    assert "指挥中心" not in ans.answer  # the photo caption before the lead-in is not part of it


def test_an_index_table_named_itself_gets_its_top_level_and_no_invented_total(qa):
    # tz:268-304: no line states a total; "减污降碳" here is the table's title, not its indicator (24)
    ans = qa.answer("台州的减污降碳协同指数一共多少分？")
    assert "表中未单列总分值" in ans.answer and "一级指标共5项" in ans.answer and "“减污降碳”（24）" in ans.answer
    assert "100" not in ans.answer and not ans.refused
    ans = qa.answer("省协同指数总共几个一级指标？")  # a bare leading 省 selects the province (zj:1457-1762)
    assert "一级指标共6项" in ans.answer and "“协同耦合度”（0.1）" in ans.answer
    # an indicator named on its own is still that indicator; a leaf named is its row; other words refuse
    assert "分值为24" in qa.answer("台州减污降碳这个一级指标多少分？").answer
    assert "第1项指标" in qa.answer("台州协同指数的PM2.5浓度权重多少？").answer
    assert qa.answer("台州协同指数里噪声投诉的权重是多少？").refused
    # a level the question names is listed, weights or not (zj: 评价内容 协同效果/协同路径/协同管理)
    ans = qa.answer("浙江省减污降碳协同指数的评价内容分哪几类？")
    assert "其评价内容共3项" in ans.answer and all(x in ans.answer for x in ("协同效果", "协同路径", "协同管理"))
    assert "其二级指标共15项" in qa.answer("台州协同指数有哪些二级指标？").answer
    # the rank below the lowest parent level is the rows' own (tz 1–32, zj ①–㉔); a rank the table
    # lacks is not answered from another level
    ans = qa.answer("台州协同指数一共有多少个三级指标？")
    assert "其三级指标共32项" in ans.answer and "“协同创新能力”（5）" in ans.answer and "一级指标" not in ans.answer
    assert "其三级指标共24项" in qa.answer("省协同指数有多少个三级指标？").answer
    assert "一级指标共5项" not in qa.answer("台州协同指数有几个四级指标？").answer


def test_index_table_helpers():
    from rag.answerers.index import within_title, words_besides

    title = "台州市县（市、区）减污降碳协同指数"
    assert within_title("台州的减污降碳协同指数一共多少分？", "减污降碳", title)
    assert not within_title("台州减污降碳这个一级指标多少分？", "减污降碳", title)
    assert not within_title("环境质量多少分", "减污降碳", title)
    assert words_besides("台州协同指数噪声投诉", title) == "噪声投诉"
    assert words_besides("减污降碳协同指数一级分", title) == ""


def test_a_document_asked_how_it_is_organised_gets_its_chapters(qa):
    ans = qa.answer("台州方案有哪几部分？")  # tz: 一、总体要求 … 九、加强组织实施
    assert "共9项" in ans.answer and "1. 一、总体要求" in ans.answer and "9. 九、加强组织实施" in ans.answer
    assert ("tz-pilot", "第9行") in lines_of(ans) and markers_resolve(ans)
    ans = qa.answer("温州生态文明建设规划分为哪几章？")  # the plan the gazette prints: 第一章 … 第十章
    assert "共10项" in ans.answer and "第十章 保障措施" in ans.answer
    # a heading the question names is outlined, not the document ("四、主要内容" of the drafting note)
    ans = qa.answer("编制说明的主要内容有哪些？")
    assert "“四、主要内容”" in ans.answer and "出台必要性" not in ans.answer


def test_a_compilation_asked_what_it_holds_lists_the_documents_it_prints(qa):
    # the gazette issue prints three numbered documents (gz:138-140, 178-180, 1295-1297); the chapters
    # of the plan it prints are not the issue's own parts
    for q in ("温州公报第250期有几篇文件？", "温州政府公报有哪几部分？"):
        ans = qa.answer(q)
        assert "载有文号的文件共3项" in ans.answer and "温政办〔2023〕56号" in ans.answer and "第一章" not in ans.answer
        assert ("wz-gazette-2023-06", "第178-180行") in lines_of(ans) and markers_resolve(ans)
    assert "载有文号的文件" not in qa.answer("台州方案有哪几部分？").answer  # one document, no compilation


def test_chapter_numbers():
    from rag.answerers.section import chapter_no

    assert [chapter_no(t) for t in ("三、推进", "第十章 保障措施", "（一）总体要求")] == ["三", "十", ""]


def test_who_holds_a_post_is_not_answered_from_a_clause_removing_someone_from_it(qa):
    # 1317 "王晓康任…局长，免去其温州市医疗保障局副局长职务"; 1321 "胡坚任温州市医疗保障局副局长"
    ans = qa.answer("谁任温州市医疗保障局副局长？")
    assert "胡坚" in ans.answer and "王晓康" not in ans.answer
    removed = qa.answer("谁被免去了温州市医疗保障局副局长职务？")  # a removal asked: that clause answers
    assert "王晓康" in removed.answer


def test_a_day_of_a_dated_log_lists_its_entries_naming_the_person(qa):
    ans = qa.answer("6月12日张振丰参加了哪些会议和活动？")
    for event in ("中国—东盟媒体合作论坛", "市政府党组会议", "市政府常务会议"):
        assert event in ans.answer
    assert ("wz-gazette-2023-06", "第1459行") in lines_of(ans)  # the day stamp's own line is cited
    assert "杭州亚运会赛事总指挥部专题会议" not in ans.answer  # 13日's entry
    one = qa.answer("6月5日副市长王振勇参加了什么会？")
    assert "全省“两个健康”工作推进会" in one.answer and "全民心理健康" not in one.answer  # 2日's entry


def test_a_list_a_sentence_names_is_no_question_about_the_document_s_lists(qa):
    ans = qa.answer("温州要建立信贷支持绿色低碳发展的什么清单？")
    assert "正面清单" in ans.answer and "所列清单共" not in ans.answer
    assert "所列清单共3项" in qa.answer("温州方案有哪些清单？").answer  # the words name no item: the lists


def test_a_log_entry_asked_when_is_answered_with_the_day_it_stands_under(qa):
    ans = qa.answer("杭州亚运会温州赛事分指挥部会议是哪天开的？")
    assert "8日" in ans.answer and "总指挥部专题会议" not in ans.answer  # 13日's entry names 总指挥部
    assert ("wz-gazette-2023-06", "第1435-1437行") in lines_of(ans)
    # a region word opening the meeting's name names the meeting, not the province's documents
    assert "16日" in qa.answer("全省“千所联千会”机制推进会是哪天开的？").answer
    # a day stated to be confirmed is a claim: the entry is answered under its own day
    claimed = qa.answer("杭州亚运会温州赛事分指挥部会议是6月6日开的吧？")
    assert not claimed.refused and "8日" in claimed.answer


def test_a_document_named_by_its_title_keeps_its_region_word(qa):
    ans = qa.answer("浙江省减污降碳协同创新区建设实施方案是什么稿？")
    assert {c.doc_id for c in ans.citations} <= {"zj-plan", "zj-note"}


def test_a_person_asked_about_is_not_answered_with_another_person_s_line(qa):
    ans = qa.answer("程鸿伟被任命为温州市司法局副局长了吗？")
    assert "免去程鸿伟" in ans.answer and "余海燕" not in ans.answer  # 1329 names the one appointed
    assert "余海燕" in qa.answer("谁任温州市司法局副局长？").answer


def test_a_heading_asked_with_the_question_word_inside_it_is_outlined(qa):
    ans = qa.answer("温州生态文明建设规划面临哪些挑战？")
    for sub in ("经济社会发展面临的挑战", "生态环境保护面临的挑战", "生态安全格局面临的挑战"):
        assert sub in ans.answer
    first = qa.answer("温州生态文明建设规划里生态安全格局面临什么挑战？")
    assert "治理体系不健全" in first.answer
    turns = [{"role": "user", "content": "温州生态文明建设规划里生态安全格局面临什么挑战？"},
             {"role": "assistant", "content": first.answer}]
    then = qa.answer("经济社会发展方面呢？", history=turns)  # the follow-up's own words name the heading
    assert "激烈的区域竞争" in then.answer and "电厂温排水" not in then.answer
    # words of a task, not a heading, with 哪些 inside: no outline of a heading sharing some of them
    assert "电镀、不锈钢、皮革皮件" in qa.answer("温州聚焦哪些行业开展水环境减污降碳协同？").answer
    # a 的 the question puts between the heading's words ("面临的挑战" for gz:278 "四、面临挑战"), with an
    # outline word ("分哪几方面"): the heading's sub-sections, not a sentence elsewhere writing 面临
    parts = qa.answer("温州生态文明建设规划里面临的挑战分哪几方面？")
    assert "“四、面临挑战”" in parts.answer and "共3项" in parts.answer
    assert [c.start_line for c in parts.citations] == [278, 280, 286, 290]


def test_several_asked_gets_every_sentence_of_the_paragraph_repeating_the_frame(qa):
    ans = qa.answer("亚运场馆检查时张振丰强调要做到哪几个到位？")
    for part in ("方案到位", "人员到位", "指挥到位", "处突到位", "保障到位"):
        assert part in ans.answer
    assert ans.answer.count("根据") == 1  # one section: its sentences quoted on one line
    pressures = qa.answer("温州经济社会发展面临哪些压力的挑战？").answer
    assert "产业链现代化升级压力" in pressures and "人口结构失衡压力" in pressures
    # one shared word is no frame: "要增强工作主动性" does not answer which 意识 are to be strengthened
    awareness = qa.answer("张振丰在重点专项工作调度会上要求增强哪些意识？").answer
    assert "风险意识、极限意识和发展意识" in awareness and "工作主动性" not in awareness
    # a series joined at its semicolons is not split again
    principles = qa.answer("编制说明里省方案的基本原则有哪几条？").answer
    assert "政府主导，市场激励" in principles and "数字赋能，机制创新" in principles


def test_two_levels_of_one_indicator_s_standard_are_each_answered(qa):
    ans = qa.answer("城镇新建绿色建筑比例省级和国家级创建参照值分别是多少？")
    assert "≥96" in ans.answer and "≥50" in ans.answer and "生物多样性" not in ans.answer


def test_a_follow_up_naming_only_a_person_gets_their_one_line(qa):
    turns = [{"role": "user", "content": "谁任温州市投资促进局副局长？"},
             {"role": "assistant", "content": qa.answer("谁任温州市投资促进局副局长？").answer}]
    ans = qa.answer("王云师呢？", history=turns)
    assert "温州市住房公积金管理中心副主任" in ans.answer and ("wz-gazette-2023-06", "第1325-1327行") in lines_of(ans)


def test_a_cell_comparing_with_another_year_still_speaks_of_its_column_s_year(qa):
    ans = qa.answer("2020年温州全市居民人均可支配收入是多少？")  # "54025元, 较2019年(51490)" under 现状值(2020年)
    assert not ans.refused and "54025元" in ans.answer


def test_a_sentence_writing_the_question_word_for_word_goes_before_one_sharing_scattered_words(qa):
    # 1359 "深化“大综合一体化”行政执法改革" and 1361 (刘小涛强调…综合改革…行政争议…) under one news item
    ans = qa.answer("依法治市委员会第五次会议上刘小涛要求深化哪种行政执法改革？")
    assert "“大综合一体化”" in ans.answer and "枫桥经验" not in ans.answer


def test_a_date_written_out_goes_before_a_log_entry_s_day_stamp(qa):
    ans = qa.answer("温州市新闻传媒中心什么时候成立的？")  # the news item's "6月28日，…成立", not the log's 28日
    assert "6月28日" in ans.answer


def test_a_speech_paragraph_s_speaker_is_found_and_cited_with_what_they_said(qa):
    ans = qa.answer("张振丰要求统筹抓好哪几项工作？")  # 1373: "张振丰强调，要把…。要统筹抓好稳增长与强动能…"
    assert "稳增长与强动能" in ans.answer and "迎亚运与优环境" in ans.answer
    other = qa.answer("刘小涛在共富领导小组会议上要求推广什么经验做法？")  # the speaker on 1347, the words on 1349
    assert "低效工业用地改造提升" in other.answer and "刘小涛强调[" in other.answer
    assert ("wz-gazette-2023-06", "第1347行") in lines_of(other)


def test_a_heading_named_with_its_words_in_another_order(qa):
    ans = qa.answer("温州规划面临的生态环境保护挑战有哪些？")
    assert "“(二) 生态环境保护面临的挑战”" in ans.answer and "历史遗留问题尚未根本解决" in ans.answer
    # a heading named as written still wins over one whose words merely all stand in the question
    assert "构建“六个治理”新模式" in qa.answer("温州生态文明建设规划“完善生态环境治理监管体系”部分有哪些内容？").answer


def test_a_headline_named_shortened_is_outlined(qa):
    # gz:1608-1610 "凝聚共识 突破“瓶颈”制约 / 市应急管理局积极探索安全管理自治共治新途径", its 一是…三是 at 1614-1618
    ans = qa.answer("市应急管理局探索安全管理自治共治有哪几条做法？")
    for part in ("推进行业协会抓生产", "建立自律标准体系", "开展隐患自查自纠"):
        assert part in ans.answer
    assert ("wz-gazette-2023-06", "第1614行") in lines_of(ans)
    assert "温政发〔2023〕18号" not in ans.answer  # not the list of documents above it


def test_what_a_wording_was_changed_to_is_quoted_from_the_new_wording(qa):
    # gz:167: "…将三21中“…应与物业服务人签订服务协议…”修改为“…提出用电报装;可以与物业服务人签订服务协议…”";
    # the quotation's ";" does not end the sentence, and the quote holds the new wording
    ans = qa.answer("居民自建充电基础设施的规定改成了什么？")
    assert "可以与物业服务人签订服务协议，委托其协助管理充电基础设施" in ans.answer.replace(",", "，")
    assert ("wz-gazette-2023-06", "第167行") in lines_of(ans)


def test_a_sentence_counting_the_rest_gets_the_table_listing_them(qa):
    # gz:148-150 "对《…》（温政办〔2021〕81号）等2件行政规范性文件，予以废止" and 附件2's two rows (gz:175-176)
    ans = qa.answer("温政发〔2023〕18号废止了哪些文件？")
    assert "温政办〔2021〕81号" in ans.answer and "温政办〔2022〕5号" in ans.answer
    assert {("wz-gazette-2023-06", "第175行"), ("wz-gazette-2023-06", "第176行")} <= set(lines_of(ans))
    assert "温政办〔2021〕61号" not in ans.answer  # a row of the other table (附件1, the amended ones)
    # gz:146 "…等5件行政规范性文件的部分内容，予以修改": tied at the top with one of the five rows, the
    # counting sentence goes first, with 附件1's five rows (gz:164-168: its title is a heading line, and a
    # row's later sentence "删除三8中…" is no new table)
    ans = qa.answer("温州这次修改了哪些行政规范性文件？")
    for no in ("温政办〔2021〕61号", "温政办〔2021〕69号", "温政办〔2021〕73号", "温政办〔2022〕2号", "温政发〔2021〕27号"):
        assert no in ans.answer
    assert "温政办〔2021〕81号" not in ans.answer


def test_the_number_of_a_document_a_table_row_names_is_no_quantity(qa):
    ans = qa.answer("《温州市支持新能源汽车产业发展及推广应用若干政策措施》文号是多少？")  # gz:167
    assert "温政办〔2022〕2号" in ans.answer and not ans.refused and "清单中未找到" not in ans.answer
    assert ("wz-gazette-2023-06", "第167行") in lines_of(ans)


def test_what_a_table_s_mark_means_is_its_note(qa):
    # gz:1273 and 1293, under 附表1 and 附表2: "注: *项目为针对未达标指标的重点提升项目。"
    ans = qa.answer("重点工程表里带*号的项目是什么意思？")
    assert "针对未达标指标的重点提升项目" in ans.answer and not ans.refused
    assert {("wz-gazette-2023-06", "第1273行"), ("wz-gazette-2023-06", "第1293行")} <= set(lines_of(ans))


def test_legend_units():
    from rag.answerers.legend import MARK_Q, NOTE

    assert MARK_Q.search("带*号的项目是什么意思").group(1) == "*" and MARK_Q.search("标※的指什么").group(1) == "※"
    assert not MARK_Q.search("这个项目是什么意思")  # no mark named
    assert NOTE.match("注: *项目为…") and NOTE.match("备注：带★的为…") and not NOTE.match("注重*项目")


def test_a_masthead_label_asked_with_its_caption_or_question_words_finds_its_line(qa):
    ans = qa.answer("温州市人民政府公报由哪家单位印刷？")  # gz:96 "印刷：温州市北大方印务有限公司"
    assert "温州市北大方印务有限公司" in ans.answer and ("wz-gazette-2023-06", "第96行") in lines_of(ans)
    ans = qa.answer("《温州市人民政府公报》电子版的网址是什么？")  # gz:98 the caption, gz:100 "网址：…"
    assert "www.wenzhou.gov.cn" in ans.answer
    # another label's value names an item of its own: the printer's address is not the editors'
    assert "鹿城区市府路500号" not in qa.answer("温州市北大方印务有限公司的地址在哪里？").answer


def test_a_place_asked_is_answered_only_by_a_sentence_naming_one(qa):
    # gz:612 "探索建立分质供水机制模式…" names no county
    assert qa.answer("温州分质供水机制先在哪个县试点？").refused
    assert "临海" in qa.answer("台州要在哪些县推进新污染物治理试点？").answer  # tz:204
    # "哪些市领导", "哪些区域" ask no place
    ans = qa.answer("哪些市领导参加了2023年第二季度重大项目集中签约活动？")  # gz:1565
    assert "章月影" in ans.answer and not ans.refused


def test_a_count_of_fields_asked_is_answered_by_one(qa):
    ans = qa.answer("温州围绕几大领域实施新品种选育重大科技专项？")  # gz:842
    assert "五大领域" in ans.answer and not ans.refused


def test_a_passage_quoting_only_lines_the_rows_cite_is_not_added(qa):
    ans = qa.answer("温州单位地区生产总值用水量2020年是多少？")
    assert "23.92" in ans.answer and "正文中的相关表述" not in ans.answer


def test_an_indicator_s_attribute_asked_as_a_choice_is_its_row(qa):
    ans = qa.answer("农村饮用水达标人口覆盖率是约束性还是参考性指标？")  # gz:415, not 362's list of unmet indicators
    assert "第35项指标“农村饮用水达标人口覆盖率”" in ans.answer and "指标属性：约束性" in ans.answer


def test_several_appointments_asked_get_each_line_of_the_notice(qa):
    ans = qa.answer("6月份温州市政府任命了哪些副局长？")  # 任命: the notice writes "…任…副局长"
    for person in ("叶明坚", "胡坚", "项欣华", "余海燕"):
        assert person in ans.answer
    assert "王晓康" not in ans.answer and "程鸿伟" not in ans.answer  # removed from a 副局长 post, not appointed


def test_a_claim_checked_is_answered_with_what_the_documents_say_not_filtered_by_it(qa):
    # 王振勇 had no 8日 entry; the 国家海洋日 entry is 李无文's — quoted, not another entry of 王振勇's
    ans = qa.answer("王振勇6月8日参加的是国家海洋日活动吧？")
    assert "李无文参加国家海洋日活动" in ans.answer and "两个健康直通车" not in ans.answer


def test_a_paragraph_s_year_after_its_run_in_title_dates_its_sentences(qa):
    # tz:13 "(二) 主要目标。到 2025 年，…": its later sentences speak of 2025; never "并非2025年"
    ans = qa.answer("台州到2025年单位GDP二氧化碳排放下降30%是吗？")
    assert "完成上级下达任务" in ans.answer and "并非2025年" not in ans.answer


def test_who_or_what_an_act_dealt_with_is_not_answered_from_a_sentence_that_does_not_say_it(qa):
    assert qa.answer("温州生态文明建设规划的编制单位是谁？").refused  # 369's cell: "已编制实施…", no one named
    assert qa.answer("温州生态文明建设规划是哪家单位编制的？").refused
    assert "胡坚" in qa.answer("谁任温州市医疗保障局副局长？").answer  # a person the notice names says who
    assert qa.answer("市国土空间规划委员会主任专题会议研究了什么？").refused  # the log says who attended only
    assert "2023年重点任务攻坚目标方案" in qa.answer("温州市打造共同富裕示范区市域样板领导小组会议审议了什么？").answer


def test_follow_ups_naming_a_column_or_another_person_keep_the_item_and_day(qa):
    turns: list[dict] = []
    for q in ("城镇人均公园绿地面积2025年规划值是多少？", "2030年呢？"):
        turns += [{"role": "user", "content": q}, {"role": "assistant", "content": qa.answer(q, history=list(turns)).answer}]
    ans = qa.answer("国家级参照值呢？", history=turns)  # the column asked of the same indicator, in 表2-2
    assert "第31项指标“城镇人均公园绿地面积”" in ans.answer and "≥15" in ans.answer
    day = [{"role": "user", "content": "陈宽6月12日参加了什么？"}, {"role": "assistant", "content": "…"}]
    then = qa.answer("那天张振丰呢？", history=day)  # 12日's entries naming 张振丰, not a news item of 28日
    assert "中国—东盟媒体合作论坛" in then.answer and "市政府党组会议" in then.answer
    assert "足球联赛" not in then.answer


def test_a_long_sentence_is_quoted_around_the_words_asked_not_its_section_s_name(qa):
    # "一、指导思想": the 300-character sentence is cut around 样板, not around its own 思想…指导
    ans = qa.answer("温州规划的指导思想要打造什么样板？")
    assert "“美丽中国温州样板”" in ans.answer


def test_an_indicator_named_without_its_particles_and_asked_how_it_stands(qa):
    ans = qa.answer("公众对生态文明建设的满意度国家级创建参照值是多少？")  # gz:491 "公众对生态文明建设的 满意度"
    assert "第38项指标“公众对生态文明建设的满意度”" in ans.answer and "≥80" in ans.answer
    assert "全面实施" in qa.answer("河长制这项指标现状怎么样？").answer  # 怎么样 asks, names nothing
    # the words of another indicator's name ("单位…用水量") are not this question's
    assert qa.answer("温州6月份的地区生产总值是多少？").refused
    # "生态文明建设…48项中已达标" names no indicator whole ("生态文明建设规划" lacks 规划)
    assert "“生态文明建设规划”" not in qa.answer("温州省级生态文明建设指标48项中已达标多少项？").answer


def test_a_follow_up_naming_only_a_day_gets_the_earlier_person_s_entries_of_that_day(qa):
    turns = [{"role": "user", "content": "王振勇6月14日参加了什么活动？"}, {"role": "assistant", "content": "…"}]
    ans = qa.answer("29日呢？", history=turns)
    assert "新能源智能网联汽车创新生态大会" in ans.answer and "重点建议提案办理面商会" in ans.answer


def test_who_stated_alike_in_several_lines_gets_every_one(qa):
    # gz:1325-1327 and gz:1335 both remove someone from a 副指挥长 post; 1333 from the 指挥长 post
    ans = qa.answer("谁被免去第十批温州市对口支援新疆拜城县指挥部副指挥长职务？")
    assert "王云师" in ans.answer and "苏志炜" in ans.answer and "池晓荣" not in ans.answer


def test_an_indicator_row_is_not_matched_by_its_table_s_title(qa):
    # "生态环境质量" is no indicator's name (表2-2's title holds 生态文明…; 水环境质量 is another item):
    # the 远期目标 sentence of 2030 answers
    ans = qa.answer("到2030年温州生态环境质量要达到什么水平？")
    assert "保持全国前列" in ans.answer and "水环境质量" not in ans.answer


def test_a_document_in_scope_not_stating_the_field_says_so_beside_those_that_do(qa):
    # the gazette prints three documents with numbers (gz:109-117); wz-plan (an annex) states none
    ans = qa.answer("温州的文件文号是多少？")
    assert "温政发〔2023〕19号" in ans.answer and "《温州市减污降碳协同增效实施方案》中未载文号" in ans.answer


def test_a_list_s_heading_asked_lists_its_rows(qa):
    # zj-plan "三、政策清单": nine rows, no prose under the heading; wz-plan "一、目标清单": 30 rows and the
    # list's note (wz:245), which is no prose of its own
    ans = qa.answer("省里政策清单有哪些内容？")
    assert "共9项" in ans.answer and "出台支持气候投融资试点的意见" in ans.answer and "没有正文" not in ans.answer
    ans = qa.answer("温州目标清单有哪些？")
    assert "共30项" in ans.answer and "新营建红树林200公顷" in ans.answer and "完成时限均为2025年" in ans.answer


def test_a_chapter_asked_what_it_says_without_le_is_outlined(qa):
    ans = qa.answer("温州规划第五章讲什么？")  # gz: 第五章 严格生态空间管控 … 四、强化生物多样性保护
    assert not ans.refused and "四、强化生物多样性保护" in ans.answer


def test_a_count_stated_beside_its_item_answers(qa):
    # gz:996: "…等在内的75个街镇，构建温州1小时都市圈" / "依托鳌江流域平原城镇群，涵盖…在内的1市10镇"
    ans = qa.answer("温州1小时都市圈包括多少个街镇？")
    assert not ans.refused and "75个街镇" in ans.answer
    for q in ("鳌江流域平原城镇群涵盖多少个市镇？", "鳌江流域平原城镇群涵盖多少？"):
        ans = qa.answer(q)
        assert not ans.refused and "1市10镇" in ans.answer, q


def test_a_governing_body_answers_who_only_for_the_act_asked(qa):
    # gz:504 "落实情况每年向市委、市政府报告"; gz:1614 "联合市工商联制定《…组建方案(试行)》"
    ans = qa.answer("温州市级有关部门的生态环境保护工作落实情况每年向谁报告？")
    assert not ans.refused and "向市委、市政府报告" in ans.answer
    ans = qa.answer("温州市行业协会安全生产协作组织组建方案是联合谁制定的？")
    assert not ans.refused and "联合市工商联制定" in ans.answer
    # "根据最新要求进行编制并由温州市政府颁布实施": the government 颁布s the plan; who 编制s it is not written
    assert qa.answer("温州生态文明建设规划是哪家单位编制的？").refused


def test_the_verb_asked_of_goes_with_its_object(qa):
    # gz:890 "推广“一品一导则、一场一标准”" — not gz:886's 渔业标准化 sentence, close in words, which 推广s nothing
    ans = qa.answer("温州推广什么农业标准化生产要求？")
    assert "“一品一导则、一场一标准”" in ans.answer


def test_a_row_holding_every_rare_item_word_goes_before_one_sharing_a_phrase(qa):
    # tz:155 (医化基地 … 构建“双核多点”的产业发展空间格局), not tz:165 (精密制造 … 产业发展空间格局)
    ans = qa.answer("台州医化产业要构建什么产业发展空间格局？")
    assert "“双核多点”" in ans.answer and "精密制造" not in ans.answer


def test_a_code_the_question_names_must_stand_in_a_sentence_naming_codes(qa):
    # gz:1287: "M2线一期工程…设站23座" and "S3线一期工程线路长度31.2公里" (no stations): S3 has none
    assert qa.answer("市域铁路S3线一期工程设站多少座？").refused
    assert "31.2公里" in qa.answer("市域铁路S3线一期工程线路长度是多少？").answer


def test_a_project_s_content_cell_answers_what_it_builds(qa):
    # gz:1291 主要内容 "建设中国寓言小镇、…等项目": "建设…项目" holds the words, though not "建设项目" joined
    ans = qa.answer("宣传文化阵地提升工程要建设哪些项目？")
    assert "中国寓言小镇" in ans.answer and "塘河博物馆群" in ans.answer


def test_an_item_written_short_is_found_by_its_full_wording(qa):
    ans = qa.answer("台州哪些医药化工园区要建成清新园区？")  # tz-pilot:43 "推进头门港医化园区等60%的省级以上园区建成…"
    assert not ans.refused and "头门港医化园区" in ans.answer and ("tz-pilot", "第43行") in lines_of(ans)


def test_a_part_named_by_its_number_is_the_document_s_own_chapter(qa):
    # tz: "三、推动海洋减污降碳协同…" (tz:31) is the plan's third chapter; "三、协同创新清单" (tz:224) is a
    # list its annex numbers alike, deeper: it used to win as the deeper heading
    ans = qa.answer("台州方案第三部分讲的是什么？")
    assert "“三、推动海洋减污降碳协同，推进美丽海湾建设”" in ans.answer and "协同创新清单" not in ans.answer
    # a claim about a numbered part: the number decides, not words naming another chapter (十、加强组织实施)
    ans = qa.answer("温州方案第九部分是组织实施吧？")
    assert "“九、提升协同能力”" in ans.answer and ("wz-plan", "第74行") in lines_of(ans) and markers_resolve(ans)


def test_a_section_asked_how_many_parts_it_has_is_outlined_with_its_count(qa):
    ans = qa.answer("温州方案提升协同能力那部分有几项？")  # wz:74-78: (二十三)…(二十五)
    assert not ans.refused and "“九、提升协同能力”" in ans.answer and "共3项" in ans.answer
    ans = qa.answer("台州方案加强组织实施有几条？")  # tz:91-101
    assert "共4项" in ans.answer and "（四）强化宣传引导" in ans.answer and markers_resolve(ans)
    # items counted by a state they are in are no section's parts (gz:362: 已经达标指标43项)
    assert "共2项" not in qa.answer("温州省级生态文明建设指标已达标多少项？").answer


def test_a_sub_heading_the_question_names_besides_its_chapter_is_the_section_asked(qa):
    ans = qa.answer("温州方案加强源头防控里面能源转型讲了什么？")  # wz:30 "（三）推动能源绿色低碳转型。…"
    assert "“（三）推动能源绿色低碳转型”" in ans.answer and "核电、海上风电" in ans.answer
    ans = qa.answer("温州方案加强源头防控有哪些措施？")  # 措施 names no sub-heading: the chapter's outline
    assert "“二、加强源头防控”" in ans.answer and "共3项" in ans.answer
    # a claim of what a numbered chapter is, naming another chapter: said where it stands (wz:74, wz:80)
    ans = qa.answer("温州方案第九部分是组织实施吧？")
    assert "“九、提升协同能力”" in ans.answer and "“组织实施”是另一部分：“十、加强组织实施”" in ans.answer and markers_resolve(ans)
    assert "另一部分" not in qa.answer("温州方案第二部分是加强源头防控吧？").answer  # a right claim
    # the chapter named by its number: its number words name no sub-heading (wz:28 "（二）加强生态环境准入管理")
    ans = qa.answer("温州方案第二部分里准入管理讲了什么？")
    assert "“（二）加强生态环境准入管理”" in ans.answer and "共3项" not in ans.answer


def test_rows_a_list_groups_under_a_category_named_as_a_class_are_listed(qa):
    # tz:137-140: 协同管理清单 groups rows 7-10 under "试点协同 › 产业科技"; the label is no word of the rows
    ans = qa.answer("台州试点协同里产业科技类的试点有哪些？")
    assert not ans.refused and "共4项" in ans.answer
    assert [c.start_line for c in ans.citations] == [137, 138, 139, 140]
    # tz:180-187 …: "任务协同 › 大气" holds rows 30-37, named with a class word
    ans = qa.answer("台州大气方面有哪些任务？")
    assert "“任务协同 › 大气”，共8项" in ans.answer and "30. 构建煤炭供应保障长效机制" in ans.answer


def test_a_category_label_not_named_as_a_class_is_left_to_the_other_answerers(qa):
    from rag.answerers.base import Ask
    q = qa.parser.run("台州环境治理有什么要求？")
    assert qa.categories.run(Ask("台州环境治理有什么要求？", q, ["tz-pilot"])) is None  # no class word, no list named
    q = qa.parser.run("台州环境治理类试点有哪些？")
    draft = qa.categories.run(Ask("台州环境治理类试点有哪些？", q, ["tz-pilot"]))
    assert draft is not None and "“试点协同 › 环境治理”，共6项" in draft.text
    q = qa.parser.run("台州产业科技类试点第7项谁负责？")
    assert qa.categories.run(Ask("台州产业科技类试点第7项谁负责？", q, ["tz-pilot"])) is None  # one row asked
    # some rows of the class asked — by words of their own, a department or a year — not all of them
    for question in ("台州大气方面有哪些涉及VOCs的任务？", "台州大气方面哪些任务是市生态环境局牵头的？",
                     "台州海洋方面有哪些任务要在2025年完成？"):
        assert qa.categories.run(Ask(question, qa.parser.run(question), ["tz-pilot"])) is None, question
    # ... which the listing by department keeps to: tz:180-189, rows 30-37 under 大气; 30 (市发展改革委) and 37
    # (市交通运输局) are led by others
    ans = qa.answer("台州大气方面哪些任务是市生态环境局牵头的？")
    assert "“任务协同 › 大气”中市生态环境局牵头的条目共6项" in ans.answer
    assert [c.start_line for c in ans.citations] == [183, 184, 185, 186, 187, 188]


def test_a_field_asked_of_a_class_is_given_for_each_of_its_rows(qa):
    # "医药领域的任务谁负责": the rows tz lists under "领域协同 › 医药" (tz:156-158), each with its 责任单位 —
    # it was answered from row 48 (tz:201), whose text names 医化 among other industries
    ans = qa.answer("台州医药领域的任务谁负责")
    assert "“领域协同 › 医药”，共3项" in ans.answer
    assert [c.start_line for c in ans.citations] == [156, 157, 158]
    assert ans.answer.count("责任单位为") == 3 and "第48项" not in ans.answer
    # the list's rows state no deadline and it has no note: said for each, none invented
    ans = qa.answer("台州协同治理清单海洋方面的任务什么时候完成")
    assert "“任务协同 › 海洋”，共9项" in ans.answer and ans.answer.count("该清单未注明完成时限") == 9


def test_a_part_of_a_named_list_quoted_without_its_numbering_is_the_class(qa):
    # wz:332-372: 任务清单 rows 13-19 stand under "三、推进水环境治理协同控制"; asked in quotes without "三、",
    # pointed at as "这部分" with the list named, each row's lead is given (it was refused: "这部" read as an item word)
    ans = qa.answer("温州任务清单“推进水环境治理协同控制”这部分有哪些牵头单位？")
    assert "任务清单“三、推进水环境治理协同控制”，共7项" in ans.answer and ans.answer.count("牵头单位为") == 7
    assert [c.start_line for c in ans.citations][0] == 336 and "第20项" not in ans.answer


def test_the_classes_a_list_or_a_category_is_divided_into_are_listed_with_their_sizes(qa):
    # tz:227-256: 协同创新清单's class cells 制度融合 (rows 1-10), 政策激励 (11-13), 机制创新 (14-17), 政策深化 (18-27)
    ans = qa.answer("台州协同创新清单分哪几类？")
    assert not ans.refused
    assert "制度融合（10项）" in ans.answer and "政策激励（3项）" in ans.answer and "政策深化（10项）" in ans.answer
    assert [c.start_line for c in ans.citations] == [227, 237, 240, 245]  # each class's first row, where its cell stands
    # tz:132-140: under 试点协同, 环境治理 (rows 1-6) and 产业科技 (7-10)
    ans = qa.answer("台州协同管理清单里试点协同分哪几个方面？")
    assert "“试点协同”按类别划分如下：环境治理（6项）" in ans.answer and "产业科技（4项）" in ans.answer


def test_a_document_number_asked_must_stand_in_the_answering_sentence(qa):
    # gz:166 is the row of 温政办〔2021〕73号; the rows of 61号 / 69号 and the clause on 81号 (gz:148-150)
    # are other documents of the same decision
    ans = qa.answer("温政办〔2021〕73号改了哪些内容？")
    assert not ans.refused and [c.locator for c in ans.citations] == ["第166行"]
    assert "而且被投资企业注册地迁往温州" in ans.answer and "81号" not in ans.answer


def test_a_number_naming_a_document_of_the_corpus_is_no_anchor(qa):
    # gz:140 prints "温政发〔2023〕18号" on a line of its own: it names the decision, whose sentences
    # (gz:146 "…等5件行政规范性文件的部分内容，予以修改") do not repeat it — asked without the
    # sub-document's lines, they still answer
    from rag.answerers.base import Ask
    q = "温政发〔2023〕18号修改了几件行政规范性文件？"
    cands = qa.passage.candidates(Ask(q, qa.parser.run(q), ["wz-gazette-2023-06"]))
    assert any("5件" in s.text for _, s in cands)


def test_total_patterns():
    from rag.answerers.table_cells import HEADER_UNIT, TOTAL_ASKED, TOTAL_LABEL
    assert all(TOTAL_ASKED.search(q) for q in ("一共多少项", "总投资多少", "合计多少", "共有几个"))
    assert not TOTAL_ASKED.search("生态安全领域投资多少")
    assert all(TOTAL_LABEL.match(x) for x in ("总计", "合 计", "全市合计"))
    assert not TOTAL_LABEL.match("生态文化")
    assert HEADER_UNIT.search("投资总预算(亿元)").group(1) == "亿元"
    assert HEADER_UNIT.search("领域") is None


def test_a_share_in_the_item_words_does_not_make_a_which_question_ask_a_number(qa):
    # gz:1169 "通过实施三澳核电项目、海上风电项目、光伏发电项目，清洁能源占比将逐渐提升": 占比 is the item's
    # (jieba cuts it 占 / 比: the two characters are one word), "哪些项目" asks names
    ans = qa.answer("温州规划靠哪些项目提高清洁能源占比？")
    assert "三澳核电项目、海上风电项目、光伏发电项目" in ans.answer and 1169 in {c.start_line for c in ans.citations}
    assert "天然气发电项目" not in ans.answer


def test_verbs_said_by_one_character_are_the_verbs_the_question_writes_whole(qa):
    # gz:144-146 "…等5件行政规范性文件的部分内容，予以修改"; gz:148-150 "…等2件行政规范性文件，予以废止"
    ans = qa.answer("修改和废止的决定一共改了几件文件、废了几件？")
    assert not ans.refused and "等5件行政规范性文件" in ans.answer and "等2件行政规范性文件" in ans.answer
    assert [(c.start_line, c.end_line) for c in ans.citations] == [(144, 146), (148, 150)]


def test_a_class_of_answer_no_text_writes_is_no_item_word(qa):
    # wz:85 "加强宣传引导，利用六五环境日、全国生态日、全国低碳日…等广泛开展宣传教育活动": the days are named,
    # the word 日子 stands nowhere
    ans = qa.answer("温州利用哪些日子开展宣传？")
    assert not ans.refused and "六五环境日、全国生态日" in ans.answer and ("wz-plan", "第85行") in lines_of(ans)
    # ... a class word some text writes ("节日安全") is one only while a sentence answers with it (the days, tz:101)
    assert ("tz-pilot", "第101行") in lines_of(qa.answer("台州利用哪些节日开展宣传？"))


def test_each_region_compared_in_prose_is_answered_or_said_to_be_missing(qa):
    # "省里和台州分别…": both documents' sentences, the province's though it scores below 台州's by more
    # than the margin (zj:540-544, tz:101)
    ans = qa.answer("省里和台州分别利用哪些日子开展宣传？")
    assert {d for d, _ in lines_of(ans)} == {"zj-plan", "tz-pilot"}
    # a region whose documents hold no sentence good enough is named as holding none, not left out
    ans = qa.answer("温州和台州分别怎么开展减污降碳宣传？")
    assert not ans.refused and {d for d, _ in lines_of(ans)} == {"tz-pilot"}
    assert "《温州市减污降碳协同增效实施方案》中未找到" in ans.answer
    # the place added is read as the best one is: "哪些日子" of 台州 is its paragraph's series (tz:101), which
    # holds the days, not only the paragraph's opening sentence on training
    ans = qa.answer("温州和台州分别利用哪些日子开展减污降碳宣传？")
    assert "利用六五环境日、全国低碳日" in ans.answer and "利用六五环境日、全国生态日" in ans.answer


def test_a_document_fact_is_not_read_into_words_ending_in_fa():
    from rag.answerers.docfacts import DOC_Q
    assert DOC_Q.search("温州规划是什么时候发的？") and DOC_Q.search("发文字号是什么")
    assert not DOC_Q.search("温州规划统筹推进开发的区块有哪些？") and not DOC_Q.search("自主研发的技术有哪些")


def test_a_class_named_by_a_word_of_a_long_label_lists_that_class(qa):
    # wz's 任务清单 groups rows under headings ("四、推进固体废物污染防治协同控制", wz:379-401: 5 rows): "固废" and
    # "固体废物方面" name it by a word of it — its rows, not the whole 45-row list
    for q in ("温州任务清单里关于固废的任务有哪些？", "温州任务清单里固体废物方面的任务有哪些？"):
        ans = qa.answer(q)
        assert "任务清单“四、推进固体废物污染防治协同控制”，共5项" in ans.answer, q
        assert "共45项" not in ans.answer
    # the broadest class writing the word, not its sub-heading "（十二）强化固体废物综合利用" beside it
    assert "› （十二）" not in qa.answer("温州任务清单里固体废物方面的任务有哪些？").answer
