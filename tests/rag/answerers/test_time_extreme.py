"""TimeExtremeAnswerer on the real corpus: the rows of a list starting or ending earliest or latest."""
from rag.answerers.base import Ask
from rag.answerers.time_extreme import TIME_EXTREME

GZ = "wz-gazette-2023-06"


def test_the_project_starting_first_is_read_from_the_period_column(qa):
    # 附表1 实施期限: row 41 starts 2017 (gz:1269); rows 30 and 37 start 2018 (gz:1253, 1263)
    ans = qa.answer("近期重点工程里哪个项目开始得最早？")
    assert "实施期限(年)开始最早的是" in ans.answer and "附表1第41项“*温州生态园三垟城市湿地公园建设工程”（2017-2025）" in ans.answer
    assert [c.start_line for c in ans.citations] == [1269]


def test_the_earliest_deadline_of_a_list_with_a_note_default(qa):
    # 省目标清单: row 31 states 2023 (zj:753); the others take the note's 2025
    ans = qa.answer("省目标清单里完成时限最早的是哪项？")
    assert "完成时限最早的是" in ans.answer and "目标清单第31项" in ans.answer and "（2023年，条目中注明）" in ans.answer


def test_the_latest_end_and_a_list_without_times(qa):
    late = qa.answer("远期重点工程里哪个最晚完工？")
    assert "实施期限结束最晚的是" in late.answer and "附表2第1项“浙江三澳核能二期、三期”（2024-2030）" in late.answer
    none = qa.answer("温州任务清单里完成时限最晚的是哪项？")  # no note under it, no year in its rows
    assert none.refused and "任务清单未列完成时限" in none.answer


def test_what_is_asked_and_what_is_left_to_others(qa):
    for q, want in (("哪个项目开始得最早", "早"), ("最晚完成的是哪项", "晚"), ("完成时限最早的", "早")):
        m = TIME_EXTREME.search(q)
        assert m and want in m.group(0), q
    te = qa.time_extreme
    for q in ("哪个项目开始得最早？",  # no list named
              "近期重点工程里投资最多的是哪个？",  # a number's superlative
              "近期重点工程第14项什么时候开始？"):  # one row
        assert te.run(Ask(q, qa.parser.run(q), [GZ, "zj-plan"])) is None, q
