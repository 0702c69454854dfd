"""ValueComparer: which region's value is higher, only when each region states one value in one unit."""
import pytest

from rag.comparison import ValueComparer
from rag.types import Citation


def cite(n: int, doc: str, text: str) -> Citation:
    return Citation(n=n, doc_id=doc, title=doc, section="", locator="", text=text)


REGIONS = {"prov": "浙江省", "wz": "温州市", "wzg": "温州市", "tz": "台州市"}


def test_the_higher_value_is_named_with_both_as_written():
    cs = [cite(1, "prov", "非化石能源占一次能源消费比重达到24%"), cite(2, "wz", "非化石能源占一次能源消费比重达到13%。")]
    v = ValueComparer().run("省里和温州的非化石能源占比目标哪个更高？", "非化石能源占比", cs, REGIONS)
    assert v is not None and v.text == "比较：按以上原文，浙江省（达到24%）高于温州市（达到13%）。"
    # asked the other way round, the same fact is said as asked: the lower first
    v = ValueComparer().run("温州和省里谁的目标低一些？", "非化石能源占比", cs, REGIONS)
    assert v is not None and v.text == "比较：按以上原文，温州市（达到13%）低于浙江省（达到24%）。"
    three = [*cs, cite(3, "tz", "非化石能源占一次能源消费比重达到25%")]
    v = ValueComparer().run("省里、温州和台州哪个更少？", "非化石能源占比", three, REGIONS)
    assert v is not None and v.text.startswith("比较：按以上原文，由低到高为温州市（达到13%）、浙江省")


def test_equal_values_are_said_equal_and_other_items_of_the_sentence_are_not_read():
    cs = [cite(1, "prov", "到2025年，一般工业固体废物综合利用率达到98%以上，建筑垃圾综合利用率达到90%以上。"),
          cite(2, "tz", "一般工业固体废物综合利用率保持98%以上；")]
    v = ValueComparer().run("省里和台州的一般工业固废综合利用率目标哪个更高？", "一般工业固废综合利用率", cs, REGIONS)
    assert v is not None and "所写数值相同" in v.text and "90%" not in v.text


def test_no_verdict_when_a_region_states_two_values_or_none_or_units_differ():
    two = [cite(1, "wz", "城市再生水利用率不低于20%"), cite(2, "wzg", "全市再生水利用率达到25%以上。"),
           cite(3, "tz", "城区再生水利用率达到35%。")]
    assert ValueComparer().run("温州和台州的再生水利用率谁的目标更高？", "再生水利用率", two, REGIONS) is None
    none = [cite(1, "wz", "城市再生水利用率不低于20%"), cite(2, "tz", "推进再生水利用。")]
    assert ValueComparer().run("温州和台州的再生水利用率哪个高？", "再生水利用率", none, REGIONS) is None
    units = [cite(1, "wz", "建成充电桩15000个"), cite(2, "tz", "建成充电桩3万千瓦")]
    assert ValueComparer().run("温州和台州的充电桩哪个多？", "建成充电桩", units, REGIONS) is None


def test_only_a_comparison_asked_gets_a_verdict():
    cs = [cite(1, "prov", "非化石能源占比达到24%"), cite(2, "wz", "非化石能源占比达到13%")]
    assert ValueComparer().run("省里和温州的非化石能源占比分别是多少？", "非化石能源占比", cs, REGIONS) is None
    assert ValueComparer().run("哪个更严？", "非化石能源占比", cs, REGIONS) is None  # (which way is stricter: not said)
    with pytest.raises(ValueError):
        ValueComparer(min_cover=0)
