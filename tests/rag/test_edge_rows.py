"""A list's first or last rows: one question per row once the list is known."""
from rag.edge_rows import EdgeRows


def test_the_rows_asked_and_what_is_asked_of_each():
    e = EdgeRows.asked("温州任务清单最后三项分别谁牵头？")
    assert (e.n, e.from_end, e.rest) == (3, True, "谁牵头？") and e.probe == "温州任务清单第1项谁牵头？"
    assert EdgeRows.run(e, range(1, 46), "《W》任务清单") == "《W》任务清单第43项谁牵头？《W》任务清单第44项谁牵头？《W》任务清单第45项谁牵头？"
    first = EdgeRows.asked("近期重点工程前三个项目分别是什么？")
    assert not first.from_end and first.rest == "是什么？" and first.probe == "近期重点工程第1项是什么？"
    for q in ("前一项呢？", "最后一项是什么？", "前两个月完成了什么？", "此前三项工作", "第三项是什么？"):
        assert EdgeRows.asked(q) is None, q


def test_too_many_rows_too_short_a_list_or_numbering_afresh_leave_the_question():
    assert EdgeRows.run(EdgeRows.asked("前五项是什么"), [1, 2, 3], "《W》清单") == ""  # (3 rows only)
    assert EdgeRows.run(EdgeRows.asked("前三项是什么"), [1, 2, 3, 1, 2], "《W》清单") == ""  # numbered afresh by class
    assert EdgeRows.run(EdgeRows.asked("前6项是什么"), range(1, 20), "《W》清单") == ""  # (more rows are a listing)


def test_more_first_rows_as_the_place_to_look_are_a_range_of_any_size():
    # "前十项里…" looks within rows 1-10 (as "第1到10项里…"), however many; not more rows than the list has
    e = EdgeRows.asked("温州任务清单前十项里市发展改革委牵头的有哪些？")
    assert e.within and e.n == 10
    assert EdgeRows.run(e, range(1, 46), "《W》任务清单") == "温州任务清单第1到10项里市发展改革委牵头的有哪些？"
    assert EdgeRows.run(EdgeRows.asked("前15项中没有参与单位的有几项"), range(1, 46), "《W》清单") == "第1到15项中没有参与单位的有几项"
    assert EdgeRows.run(e, range(1, 9), "《W》任务清单") == ""  # (8 rows only)


def test_first_rows_of_a_list_named_by_its_printed_title(qa):
    # 附表1 (the near-term projects, gz:1209-1211): rows 1-3
    ans = qa.answer("近期重点工程前三个项目分别是什么？")
    for k, name in enumerate(("生态环境信息化平台及监管基础设施建设", "生态环境监测能力提升工程", "环境执法及应急能力提升工程"), 1):
        assert f"附表1第{k}项“{name}”" in ans.answer
    assert "附表1第4项" not in ans.answer


def test_last_rows_and_a_field_of_each(qa):
    # 省政策清单 rows 8 and 9 (zj:1449, 1451); 台州协同创新清单 rows 1 and 2 (tz:227-228), both 市生态环境局（综合处）
    ans = qa.answer("省政策清单最后两项是什么？")
    assert "政策清单第8项“出台支持气候投融资试点的意见”" in ans.answer and "政策清单第9项" in ans.answer
    assert "政策清单第7项" not in ans.answer
    lead = qa.answer("台州协同创新清单前两项的责任单位是谁？")
    assert lead.answer.count("责任单位为市生态环境局（综合处）") == 2


def test_first_rows_as_the_place_to_look_are_a_range(qa):
    # 温州目标清单 rows 1-5 (wz:94-115): only row 3 lists no participant; the rows after 5 are not looked at
    ans = qa.answer("温州目标清单前五项里哪项没有参与单位？")
    assert "第1—5项，未列参与单位的共1项：第3项“非化石能源占一次能源消费比重达到13%”" in ans.answer
    assert EdgeRows.asked("排名前三个县是哪些") is None  # (a count of places, not of rows)
