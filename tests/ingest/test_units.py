from ingest.units import is_unit_name, looks_incomplete, split_units, unit_key, unit_level


def test_shared_leads_are_all_listed_and_flagged():
    units, note, shared = split_units("市交通运输局、市机关事务管理局、市邮政管理局、市财政局按职责分工负责")
    assert units == ["市交通运输局", "市机关事务管理局", "市邮政管理局", "市财政局"]
    assert shared and note == ""


def test_note_after_lead_is_kept_apart():
    units, note, _ = split_units("市生态环境局，以下各项工作均需各县（市、区）落实，以下不再列出")
    assert units == ["市生态环境局"]
    assert note.startswith("以下各项工作")


def test_cell_that_defers_to_another_document_has_no_units():
    units, note, shared = split_units("按《温州市低（零）碳试点建设实施方案》确定的职责分工负责")
    assert units == [] and note.startswith("按《") and not shared


def test_parenthesised_alias_stays_in_the_name():
    assert split_units("省发展改革委（省能源局）、省经信厅")[0] == ["省发展改革委（省能源局）", "省经信厅"]


def test_etc_clause_becomes_a_note():
    units, note, _ = split_units("省经信厅、省自然资源厅、省生态环境厅等省级相关部门")
    assert units == ["省经信厅", "省自然资源厅", "省生态环境厅"]
    assert note == "等省级相关部门"


def test_aliases_share_a_key():
    assert unit_key("省建设厅") == unit_key("省住房和城乡建设厅")
    assert unit_key("市住建局") == unit_key("市住房和城乡建设局")
    assert unit_key("省发展改革委（省能源局）") == unit_key("省发展改革委")
    assert unit_key("市生态环境局") != unit_key("省生态环境厅")


def test_levels():
    assert unit_level("省林业局") == "省"
    assert unit_level("市水利局") == "市"
    assert unit_level("椒江区政府") == "县"
    assert unit_level("温州铁管中心", "市") == "市"


def test_incomplete_names_continue_on_the_next_line():
    assert looks_incomplete("省发展改革委、浙江海")
    assert looks_incomplete("省统计局（负责区域碳排")
    assert not looks_incomplete("待国家分工明确后确定")
    assert not looks_incomplete("省经信厅")


def test_unit_name_recognition():
    assert is_unit_name("杭州铁路办事处")
    assert is_unit_name("人行杭州中心支行")
    assert not is_unit_name("主要污染物总量减排完成国家下达的控制目标。")


def test_no_province_is_written_into_the_code():
    """Provincial prefixes come from the gazetteer: a Jiangsu document's units are provincial too."""
    from ingest.units import unit_key, unit_level

    assert unit_key("浙江省生态环境厅") == "省生态环境厅" and unit_level("浙江省生态环境厅", "市") == "省"
    assert unit_key("江苏省生态环境厅") == "省生态环境厅" and unit_level("江苏省生态环境厅", "市") == "省"
    assert unit_key("浙江海事局") == "浙江海事局"  # a central agency in the province keeps its name
    assert unit_level("温州市生态环境局", "省") == "市"


def test_a_suffix_the_cell_gives_once_is_shown_once():
    from ingest.units import as_written

    # tz:175: "…、临海市、温岭市、玉环市、三门县人民政府" — four county governments for lookups
    units, _, _ = split_units("市港航口岸和渔业管理局、市生态环境局、临海市、温岭市、玉环市、三门县人民政府")
    assert units[2:] == ["临海市人民政府", "温岭市人民政府", "玉环市人民政府", "三门县人民政府"]
    cell = "持续推进…尾水零直排。\t市港航口岸和渔业管理局、市生态环境局、临海市、温岭市、玉环市、三门县人民政府"
    assert "、".join(as_written(units, cell)) == cell.split("\t")[1]
    # a cell that writes each name in full keeps them in full; a part written bare is undone only there
    full = ["临海市人民政府", "温岭市人民政府"]
    assert as_written(full, "临海市人民政府、温岭市人民政府") == full
    mixed = ["市生态环境局", "临海市人民政府", "温岭市人民政府", "三门县人民政府"]
    assert as_written(mixed, "市生态环境局、临海市人民政府、温岭市、三门县人民政府") == [
        "市生态环境局", "临海市人民政府", "温岭市", "三门县人民政府"]


def test_a_slash_separates_two_units():
    # tz:282 "市统计局/市生态": an index row's two data sources (the second cut by the page edge)
    assert split_units("市统计局/市生态环境局")[0] == ["市统计局", "市生态环境局"]
    # the second cut short by the page is kept as written, no unit (it would be found inside "温州市生态文明…")
    assert split_units("市统计局/市生态")[:2] == (["市统计局"], "市生态")
