"""IndexLookupAnswerer on the real corpus: indicators found by their data source or by an extreme weight."""
from rag.answerers.index_lookup import SUMS_AGREE, sums_agree


def test_an_indicator_is_found_by_the_department_providing_its_data(qa):
    # tz:291 "19 新能源车占注册登记车辆比例 4 市公安局": the only row whose data source is 市公安局
    ans = qa.answer("台州指数中哪个指标的数据由市公安局提供？")
    assert not ans.refused and "数据来源为市公安局的指标共1项：第19项“新能源车占注册登记车辆比例”（权重4）" in ans.answer
    assert [(c.doc_id, c.start_line) for c in ans.citations] == [("tz-pilot", 291)]
    # tz:284-285, 288: three rows from 市供电局
    assert "数据来源为市供电局的指标共3项" in qa.answer("台州指数里哪些指标的数据来源是市供电局？").answer


def test_the_highest_and_lowest_weight_are_found_within_the_parent_named(qa):
    # tz:300 "28 减污降碳协同试点示范 6" is the heaviest of 台州's rows; under 大气环境 (tz:272-275) rows 2 and 4 weigh 2
    top = qa.answer("台州协同指数里权重最高的三级指标是哪个？")
    assert "权重最高（6）的指标共1项：第28项“减污降碳协同试点示范”" in top.answer
    # the index's title holds the parent's name 减污降碳 (tz:278 "(二) 减污降碳 (24)"): no parent is named
    assert "第28项“减污降碳协同试点示范”" in qa.answer("台州减污降碳协同指数里权重最高的指标是哪个？").answer
    low = qa.answer("台州指数大气环境里权重最低的是哪个？")
    assert "共2项：第2项" in low.answer and "第4项“AQI指数优良比例改善率”" in low.answer


def test_weights_given_within_each_parent_are_compared_only_under_one_parent(qa):
    # 浙江's index weighs each level within its parent (环境质量 0.15 over 大气环境 1): rows under different
    # parents do not compare — said first; the table's own numbers follow, as numbers of the table, not a ranking
    # (zj:1479, 1487: 0.2 is the lowest number the weight column writes)
    tables = qa.index_lookup.tables
    assert sums_agree(tables[("zj-plan", "浙江省减污降碳协同指数")]) < SUMS_AGREE <= sums_agree(
        tables[("tz-pilot", "台州市县（市、区）减污降碳协同指数")])
    low = qa.answer("省协同指数里权重最低的三级指标是哪些？").answer
    assert "各指标权重是在各自上级指标内部分配的，不同上级指标下的权重不能直接比较；按表中所列数值，权重最低（0.2）的指标共2项" in low
    assert "第1项“PM2.5浓度”" in low and "第3项“AQI指数”" in low
    assert "不能直接比较" in qa.answer("省协同指数里哪个指标权重最大？").answer
    within = qa.answer("省协同指数大气环境下面哪个指标权重最大？")  # zj:1483, 1491: 0.3 each
    assert "权重最大（0.3）的指标共2项" in within.answer


def test_a_count_of_the_indicators_one_department_provides_names_each(qa):
    # tz:282-283 write "市统计局/市生态" (two sources, the second cut by the page): rows 11 and 12 are
    # 市统计局's too, with 15, 16, 18 and 31 (tz:286-287, 290, 303)
    ans = qa.answer("台州指数里市统计局提供哪些指标的数据？")
    assert "数据来源为市统计局的指标共6项：第11项“工业增加值碳排放”" in ans.answer
    # "负责几个指标的数据": the department named provides them, and how many is asked (tz:284-285, 288)
    assert "数据来源为市供电局的指标共3项" in qa.answer("台州指数里市供电局负责几个指标的数据？").answer


def test_a_source_no_indicator_has_is_said_to_be_absent(qa):
    # 市气象局 stands in 台州's 协同能力清单 (tz:264), never in its index's data sources
    ans = qa.answer("台州指数里市气象局负责哪个指标的数据？")
    assert ans.refused and "没有数据来源为市气象局的指标" in ans.answer and "AQI" not in ans.answer


def test_an_extreme_weight_is_looked_up_only_of_indicators(qa):
    # "远期重点工程" is a project table (gz 附表2), which weighs nothing: no index row of Taizhou answers
    ans = qa.answer("远期重点工程里权重最大的是哪个？")
    assert "减污降碳协同试点示范" not in ans.answer and not any(c.doc_id == "tz-pilot" for c in ans.citations)


def test_the_heaviest_indicator_of_a_level_asked_compares_that_levels_own_weights(qa):
    # "哪个二级指标分值最高": the 二级指标 weigh 12, 6, …, 22 (tz:300 "15.减污降碳激励创新(22)") — not the
    # heaviest 三级指标 (tz:300 "28 减污降碳协同试点示范 6")
    ans = qa.answer("台州协同指数里哪个二级指标分值最高？")
    assert "二级指标中权重最高的共1项：“减污降碳激励创新”（22）" in ans.answer and "第28项" not in ans.answer
    assert [(c.doc_id, c.start_line) for c in ans.citations] == [("tz-pilot", 300)]
    # tz:294 "(四)环境治理路径协同度(16)" is the lightest 一级指标 (18, 24, 18, 16, 24)
    assert "一级指标中权重最低的共1项：“环境治理路径协同度”（16）" in qa.answer("台州协同指数里哪个一级指标权重最低？").answer


def test_a_levels_weights_given_within_each_parent_are_not_ranked_across_parents(qa):
    # 浙江 weighs each 二级指标 within its 一级指标 (环境质量 0.15 over 大气环境 1): none is "the heaviest"
    ans = qa.answer("省协同指数里哪个二级指标权重最高？")
    assert ans.refused and "内部分配" in ans.answer and "权重最高的共" not in ans.answer


def test_the_weight_of_the_indicators_a_source_names_is_theirs(qa):
    # tz:293 "21 生活垃圾分类处理比例 3 市分类办": "市分类办提供数据的指标权重多少" had answered tz:274 AQI's row
    # (no 哪个 asked: the look-up stood aside and the row answerer took the words left, "指数")
    for q in ("台州指数中市分类办提供数据的指标权重多少？", "台州指数中由市分类办提供数据的那项指标权重多少？"):
        ans = qa.answer(q)
        assert not ans.refused and "第21项“生活垃圾分类处理比例”（权重3）" in ans.answer and "AQI" not in ans.answer
        assert [c.start_line for c in ans.citations] == [293]
