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


def test_the_places_written_with_an_item(qa):
    # tz 协同治理清单 rows 54-65 name the county of each 减污降碳协同试点 (tz:209-219); the passage answer had
    # quoted a sentence on the working group
    ans = qa.answer("台州哪些县市有减污降碳协同试点？")
    assert "写到“减污降碳协同试点”的县市" in ans.answer
    assert all(p in ans.answer for p in ("椒江", "黄岩", "路桥", "临海", "温岭", "玉环", "天台", "仙居", "三门"))
    assert {c.start_line for c in ans.citations} <= set(range(209, 222))
    # the verb before the item is dropped when the text writes the item without it (tz:183 "…实施源头替代试点工作")
    ans = qa.answer("台州哪些县要开展源头替代试点？")
    assert "“源头替代试点”" in ans.answer and [c.start_line for c in ans.citations] == [183]
    # nearly all the item's pairs: gz:952 "…推进洞头、苍南、平阳及瑞安等风电项目" speaks of 海上风电项目 too
    ans = qa.answer("温州哪些县有海上风电项目？")
    assert all(p in ans.answer for p in ("洞头", "苍南", "平阳", "瑞安"))


def test_the_places_written_right_before_the_item_are_its_places(qa):
    # zj:138-142 "聚焦宁波、舟山石化，杭州、湖州水泥，嘉兴、绍兴、台州化工，宁波、衢州钢铁等行业开展…": the cities
    # of 石化 are 宁波 and 舟山 — all eight had been listed
    ans = qa.answer("省里聚焦哪些城市的石化行业开展减污降碳协同？")
    assert ". 宁波：" in ans.answer and ". 舟山：" in ans.answer and "杭州" not in ans.answer.split("”")[0]
    assert not any(f". {c}：" in ans.answer for c in ("杭州", "湖州", "嘉兴", "绍兴", "台州", "衢州"))
    # zj:224-228 "聚焦绍兴、嘉兴纺织，…": a sentence sharing only the rest of the item ("…等行业开展减污降碳协同")
    # does not say where 纺织 is (the 石化 sentence's eight cities had been listed); 要 before the verb is the asker's
    ans = qa.answer("哪些城市的纺织行业要开展减污降碳协同？")
    assert [c.start_line for c in ans.citations] == [224]
    assert ". 绍兴：" in ans.answer and ". 嘉兴：" in ans.answer and ". 衢州：" not in ans.answer


def test_places_before_an_items_head():
    import re

    from rag.answerers.places_named import places_before
    p = re.compile("绍兴|嘉兴|衢州|温州")
    text = "聚焦绍兴、嘉兴纺织，衢州、嘉兴造纸，温州电镀等行业开展减污降碳协同。"
    assert places_before(text, p, "造纸行业开展减污降碳协同") == ["衢州", "嘉兴"]
    assert places_before(text, p, "的电镀行业") == ["温州"] and places_before(text, p, "化工行业") == []
