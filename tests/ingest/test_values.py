from ingest.values import find_deadline, find_list_default_year, find_targets


def test_stated_year_in_item():
    assert find_deadline("编制大气污染物和温室气体排放融合清单（完成期限为 2023年）。") == 2023
    assert find_deadline("2023年底前配备齐全相关装备") == 2023


def test_baseline_year_is_not_a_deadline():
    assert find_deadline("万元工业增加值用水量较2020年下降18%") is None
    assert find_deadline("具体参照《行动方案（2021—2025年）》职责分工") is None


def test_list_note_default_year():
    assert find_list_default_year("注：上表中未注明的，完成时限均为 2025年。") == 2025
    assert find_list_default_year("注：其他说明") is None


def test_targets_keep_value_unit_and_comparator():
    ts = find_targets("全省用水总量控制在 186.8亿立方米以内，万元地区生产总值用水量较 2020年下降 16%以上")
    assert [(t.value, t.unit, t.comparator) for t in ts] == [("186.8", "亿立方米", "以内"), ("16", "%", "以上")]
    assert find_targets("较2020年下降") == []
