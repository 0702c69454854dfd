from rag.verify import Verifier, views

ROW = "23\n一般工业固体废物综合利用率达到 98%以上。打造 80个固废污染防\n治协同控制标杆项目。\n省生态环境厅 省经信厅、省建设厅"
V = Verifier(["省生态环境厅", "省经信厅", "省建设厅", "省发展改革委"])


def test_supported_answer_is_kept_whole():
    text = "根据《方案》目标清单第23项：牵头单位为省生态环境厅；参与单位为省经信厅、省建设厅；目标值：达到98%以上[1]。"
    r = V.run(text, {1: ROW})
    assert r.text == text and r.dropped == [] and r.kept_claims == 3


def test_altered_number_and_wrong_department_are_dropped():
    text = "根据《方案》目标清单第23项：牵头单位为省生态环境厅；目标值：达到99%以上；参与单位为省发展改革委[1]。"
    r = V.run(text, {1: ROW})
    assert "99%" not in r.text and "省发展改革委" not in r.text
    assert r.dropped == ["目标值：达到99%以上", "参与单位为省发展改革委"]
    assert "省生态环境厅" in r.text


def test_clause_checked_against_its_own_citation():
    r = V.run("牵头单位为省建设厅[2]。", {1: ROW, 2: "12 积极推广使用沼气发电等技术。 省生态环境厅"})
    assert r.text == "" and r.dropped


def test_titles_item_numbers_and_locators_are_not_claims():
    assert V.assertions("根据《2023年第6期公报》附件1目标清单第23项（第712-716行）") == []
    # the section a quote stands under is a locator when it is the cited passage's section; the
    # quote's own numbers are still claims, and a section label the citation does not have is one too
    sec = {1: "规划 / （一）近期目标（2021—2025年）"}
    text = "根据《规划》“（一）近期目标（2021—2025年）”部分：“比例力争达到100%”[1]。"
    assert V.run(text, {1: "比例力争达到100%。"}, sections=sec).text == text
    assert V.run(text, {1: "比例力争达到100%。"}).dropped  # no section known: 2021 is unsupported
    r = V.run(text.replace("100%", "99%"), {1: "比例力争达到100%。"}, sections=sec)
    assert r.text == "" and r.dropped
    other = {1: "规划 / （二）远期目标（2026—2030年）"}
    assert V.run(text, {1: "比例力争达到100%。"}, sections=other).dropped
    # a section title that quotes a word itself ("突破“瓶颈”制约") is still its label
    quoted = {1: "公报 / 凝聚共识 突破“瓶颈”制约 市应急管理局积极探索安全管理自治共治新途径"}
    text = "根据《公报》“凝聚共识 突破“瓶颈”制约 市应急管理局积极探索安全管理自治共治新途径”部分：“一是推进行业协会抓生产。”[1]。"
    assert V.run(text, {1: "一是推进行业协会抓生产。"}, sections=quoted).text == text


def test_department_split_over_table_cell_lines():
    passage = "52、推动铝灰。\t\t市建设局、市综合行政执法局、市生态\t\n综合整治\t扩容 54.8 万立方。\t环境局按职责分工负责"
    assert any("市生态环境局" in v for v in views(passage))
    v = Verifier(["市生态环境局", "市建设局"])
    assert v.unsupported("责任单位为市建设局、市生态环境局", [passage]) == []


def test_county_governments_sharing_one_suffix():
    v = Verifier([])
    assert v.unsupported("临海市人民政府", ["市生态环境局、临海市、温岭市、三门县人民政府"]) == []
    assert v.unsupported("仙居县人民政府", ["市生态环境局、临海市、温岭市、三门县人民政府"]) == ["仙居县人民政府"]


def test_a_row_s_list_default_is_a_deadline_it_states_when_its_own_year_is_one_sentence_s():
    from rag.verify import CitedRow, Verifier

    v = Verifier(["省生态环境厅"])
    row = CitedRow(lead=("省生态环境厅",), deadline_year=2023)
    assert v.wrong_roles("完成时限为2025年", [row], [])
    assert not v.wrong_roles("完成时限为2025年", [CitedRow(lead=("省生态环境厅",), deadline_year=2023, other_years=(2025,))], [])


def test_a_count_of_the_departments_listed_is_structure_only_when_it_agrees():
    row = "推广沼气发电。 省生态环境厅 省经信厅、省建设厅、省发展改革委"  # (no digit: the count is no quote)
    text = "根据《方案》目标清单第12项：参与单位共3个：省经信厅、省建设厅、省发展改革委[1]。"
    assert V.run(text, {1: row}).text == text
    wrong = V.run(text.replace("共3个", "共4个"), {1: row})
    assert wrong.text == "" and wrong.dropped  # a count the names do not bear out is a claim like any number


def test_a_count_of_the_things_listed_is_structure_only_when_it_agrees():
    # "其中列出的指标共4个：指标27、…": the answer's own count of the members it names, not a claim — unless
    # it disagrees with them
    src = {1: "指标27、指标28、指标29和指标30采用各年度累计得分。"}
    text = "其中列出的指标共4个：指标27、指标28、指标29、指标30[1]。"
    assert V.run(text, src).text == text
    assert V.run(text.replace("共4个", "共5个"), src).dropped
