"""PlacesNamedAnswerer on the real corpus: the cities or counties a document names."""
import pytest

from rag.answerers.places_named import PlacesNamedAnswerer


def test_the_cities_a_plan_names_are_listed_each_once_and_cited(qa):
    # zj names 湖州 first (zj:97), then the cities of its industry row (zj:138-142) … 丽水 (zj:448-456);
    # "城市" written alone (无废城市) names none
    ans = qa.answer("省方案提到哪些城市？")
    assert not ans.refused and ans.answer.count("1. 湖州") == 1
    for city in ("宁波", "杭州", "嘉兴", "绍兴", "台州", "衢州", "温州", "金华", "丽水", "舟山"):
        assert f". {city}：" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"zj-plan"} and min(c.start_line for c in ans.citations) == 97


def test_a_city_plan_names_its_own_counties_only(qa):
    # tz writes 大龙湾 (tz:178), which holds 龙湾 — a Wenzhou district, no county a Taizhou plan names
    ans = qa.answer("台州方案里涉及哪些县市区？")
    assert ". 椒江：" in ans.answer and ". 玉环：" in ans.answer and "龙湾：" not in ans.answer


def test_a_plan_naming_no_other_city_says_so(qa):
    # the Wenzhou plan names no city but its own: not rows quoted for writing 无废城市
    ans = qa.answer("温州方案提到了哪些城市？")
    assert ans.refused and "未写到其他城市名称" in ans.answer and "无废城市" not in ans.answer.split("以下为")[0]


def test_inputs_are_checked(qa):
    with pytest.raises(TypeError):
        PlacesNamedAnswerer(object(), qa.sentences)
    with pytest.raises(ValueError):
        PlacesNamedAnswerer(qa.res, qa.sentences, quote_chars=1)
