"""cell_values: the values of the lists' categorical columns and how questions write them."""
from rag.cell_values import categorical_values, cell_values, choice_of, value_forms


def test_a_cell_names_its_values_between_separators():
    assert cell_values("市自然资源和规划局、市生态环境局, 泰顺县政府") == ["市自然资源和规划局", "市生态环境局", "泰顺县政府"]


def test_only_short_recurring_values_without_digits_make_a_column_categorical():
    rows = [{"性质": "新建类", "地点": "全市", "期限": "2021-2025", "内容": "建设污水处理厂并完成提标改造"},
            {"性质": "续建类", "地点": "龙湾区、全市", "期限": "2021-2025", "内容": "新建管网二十公里以上并接入"},
            {"性质": "新建类", "地点": "泰顺县", "期限": "2022-2025", "内容": "建设污水处理厂并完成提标改造"}]
    cols = categorical_values(rows)
    assert set(cols) == {"性质", "地点"}  # 期限 holds digits; 内容 is long free text
    assert cols["地点"] == {"全市", "龙湾区", "泰顺县"}
    # values that never recur are names, not categories
    assert categorical_values([{"名称": "甲工程"}, {"名称": "乙工程"}]) == {}


def test_a_value_is_written_with_or_without_its_suffix():
    assert value_forms("续建类") == ["续建类", "续建"] and value_forms("乐清市") == ["乐清市", "乐清"]
    assert value_forms("全市") == ["全市"]  # one character would be left


def test_a_choice_names_the_column_only_when_every_option_is_its_value():
    cols = {"建设性质": ["新建类", "续建类"], "建设地点": ["全市", "泰顺县"]}
    assert choice_of("是新建还是续建", cols) == "建设性质"
    assert choice_of("属于新建类或是续建类", cols) == "建设性质"
    assert choice_of("新建还是泰顺", cols) is None  # two columns' values
    assert choice_of("新建", cols) is None  # no choice offered
