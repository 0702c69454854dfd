from ingest.index_tables import header_levels, is_index_header, parse_index_flow, parse_index_rows

LEVELS = ["评价内容", "一级指标", "二级指标", "三级指标"]


def test_tab_rows_carry_parents_and_join_parents_split_over_a_page():
    rows = parse_index_rows([
        "协同效果\t(一) 环境质量 (18)\t1.大气环境 (12)\t1\tPM浓度\t4\t市生态环境局",
        "\t\t\t2\tPM浓度改善率\t2\t市生态环境局",
        "协同路\t(三) 重点领域 措施协同\t5.能源结构优化 (4)\t17\t可再生能源发电量增长率\t4\t市供电局",
        "",
        "径\t度(18)\t6.产业结构优化(4)\t18\t战略性新兴产业比重\t4\t市统计局",
        "31\t\t\t\t节能环保资金支出情况\t4\t市统计局",
    ], first_line_no=10, levels=LEVELS)
    assert [(r.no, r.name, r.weight, r.source, r.start_line) for r in rows] == [
        ("1", "PM浓度", "4", "市生态环境局", 10),
        ("2", "PM浓度改善率", "2", "市生态环境局", 11),
        ("17", "可再生能源发电量增长率", "4", "市供电局", 12),
        ("18", "战略性新兴产业比重", "4", "市统计局", 14),
        ("31", "节能环保资金支出情况", "4", "市统计局", 15),
    ]
    assert [(p["level"], p["name"], p["weight"]) for p in rows[1].parents] == [
        ("评价内容", "协同效果", ""), ("一级指标", "环境质量", "18"), ("二级指标", "大气环境", "12")]
    # the page break split 协同路|径 and 措施协同|度(18): row 17 sees the joined names too
    assert [p["name"] for p in rows[2].parents] == ["协同路径", "重点领域措施协同度", "能源结构优化"]
    assert rows[2].parents[1]["weight"] == "18"
    assert [p["name"] for p in rows[4].parents][-1] == "产业结构优化"


def test_flow_text_with_wrapped_names_weights_and_multi_unit_sources():
    lines = ["（一）协", "同效果", "1.环境质", "量", "0.15 （1）大气环", "境", "1",
             "①PM2.5浓度 0.2 省生态", "环境厅", "⑪铁路和水路货运", "量占比", "0.5", "省交通", "运输厅、", "省统计", "局"]
    rows = parse_index_flow(lines, first_line_no=100, levels=LEVELS)
    assert [(r.no, r.name, r.weight, r.source) for r in rows] == [
        ("1", "PM2.5浓度", "0.2", "省生态环境厅"), ("11", "铁路和水路货运量占比", "0.5", "省交通运输厅、省统计局")]
    assert [(p["level"], p["name"], p["weight"]) for p in rows[0].parents] == [
        ("评价内容", "协同效果", ""), ("一级指标", "环境质量", "0.15"), ("二级指标", "大气环境", "1")]
    assert rows[0].start_line == 107 and rows[1].end_line == 115


def test_header_detection_and_levels():
    assert is_index_header("评价内容\t一级指标\t二级指标\t三级指标\t数据来源")
    assert is_index_header("一级指标 二级指标 三级指标 数据来")
    assert not is_index_header("设区市减污降碳协同指数提高 10%。")
    assert header_levels("一级指标 二级指标 权重") == ["一级指标", "二级指标"]


def test_indicator_rows_anchor_on_the_attribute_cell_and_merge_sub_rows():
    from ingest.index_tables import parse_indicator_rows

    header = "领域\t任务\t序号\t指标名称\t单位\t参照值\t指标属性\t现状值(2020年)\t规划值(2025年)\t规划值(2030年)\t是否达标".split("\t")
    rows = parse_indicator_rows(header, [
        "\t\t36\t城市污水处理率\t%\t≥95\t约束性\t97.5\t≥98\t≥98.5\t≥98.5\t是",   # a merged cell written twice
        "\t\t\t\t生态环境状况指数（EI）\t%\t≥60\t参考性\t82.5\t完成省下达指标\t完成省下达指标\t是",  # no number
        "\t\t\t\t②外来物种入侵\t-\t不明显\t参考性\t②不明显\t不明显\t不明显",  # a sub-row of the row above
        "\t\t35\t绿色产品市场占有率\t%\t≥50\t参考性\t—\t≥50\t100\t保持稳定或持续改善\t否",
    ], first_line_no=100)
    assert [(r.no, r.name) for r in rows] == [("36", "城市污水处理率"), ("37", "生态环境状况指数（EI）"), ("35", "绿色产品市场占有率")]
    assert [rows[0].values[k] for k in ("现状值(2020年)", "规划值(2025年)", "规划值(2030年)", "是否达标")] == ["97.5", "≥98", "≥98.5", "是"]
    assert rows[1].parts and rows[1].end_line == 102
    assert rows[2].extra_values == ["保持稳定或持续改善"]  # left for the reader: the text does not say which column
