"""Parser behaviour on the real corpus. Expected values were read off the source text."""
from __future__ import annotations

import re

import pytest

from ingest.loaders import load_document
from ingest.pipeline import load_corpus_manifest
from ingest.structure import parse_document

from ..conftest import CORPUS


@pytest.fixture(scope="module")
def parsed():
    man = load_corpus_manifest(CORPUS)
    out = {}
    for fname, meta in man.items():
        doc = load_document(CORPUS / fname, meta)
        out[meta.id] = (doc, parse_document(doc))
    return out


def rec(parsed, doc_id, list_name, no, nth=0):
    hits = [r for r in parsed[doc_id][1].records if r.list_name == list_name and r.item_no == str(no)]
    return hits[nth]


def test_list_sizes(parsed):
    count = lambda d, l: sum(1 for r in parsed[d][1].records if r.list_name == l)  # noqa: E731
    assert (count("zj-plan", "目标清单"), count("zj-plan", "任务清单"), count("zj-plan", "政策清单")) == (32, 47, 9)
    assert (count("wz-plan", "目标清单"), count("wz-plan", "任务清单"), count("wz-plan", "政策清单")) == (30, 45, 5)


def test_empty_number_column_is_numbered_in_order(parsed):
    r = rec(parsed, "wz-plan", "目标清单", 13)
    assert r.item_no_assigned
    assert r.text == "铁路货运量占比完成省下达目标。"
    assert r.lead_names == ["温州铁管中心"] and r.participant_names == ["市发展改革委"]


def test_pdf_layout_lead_and_participant_on_one_line(parsed):
    r = rec(parsed, "zj-plan", "目标清单", 20)
    assert r.lead_names == ["省建设厅"]
    assert r.participant_names == ["省生态环境厅"]


def test_pdf_layout_wrapped_cells_with_note(parsed):
    r = rec(parsed, "zj-plan", "目标清单", 1)
    assert r.lead_names == ["省生态环境厅"]
    assert r.lead_note.startswith("以下各项工作均需各市")
    assert r.participant_names == ["省经信厅", "省交通运输厅", "省农业农村厅"]


def test_lead_to_be_decided(parsed):
    r = rec(parsed, "zj-plan", "目标清单", 2)
    assert r.lead_names == [] and r.lead_note == "待国家分工明确后确定"
    assert r.participant_names[0] == "省发展改革委" and len(r.participant_names) == 7


def test_row_continued_after_page_break(parsed):
    r = rec(parsed, "zj-plan", "任务清单", 3)
    assert r.lead_names == ["省发展改革委（省能源局）"]
    assert r.participant_names == ["省经信厅", "省交通运输厅", "省农业农村厅"]
    assert "加快终端能源消费电气化" in r.text and "— " not in r.text


def test_shore_power_and_straw_rows(parsed):
    r = rec(parsed, "zj-plan", "任务清单", 10)
    assert "码头岸电设施" in r.text
    assert r.lead_names == ["省交通运输厅"] and r.participant_names == ["省发展改革委", "浙江海事局"]
    r = rec(parsed, "zj-plan", "任务清单", 11)
    assert "秸秆" in r.text and r.lead_names == ["省农业农村厅"] and r.participant_names == []


def test_deadlines_stated_vs_list_note(parsed):
    r31 = rec(parsed, "zj-plan", "目标清单", 31)
    assert (r31.deadline_year, r31.deadline_source) == (2023, "item")
    r30 = rec(parsed, "zj-plan", "目标清单", 30)
    assert (r30.deadline_year, r30.deadline_source) == (2025, "list_note")
    # the Wenzhou task list has no closing note and its items state no year
    assert rec(parsed, "wz-plan", "任务清单", 1).deadline_year is None


def test_shared_leads(parsed):
    r = rec(parsed, "zj-plan", "任务清单", 47)
    assert r.shared_lead
    assert r.lead_names == ["省生态环境厅", "省地方金融监管局", "人行杭州中心支行", "浙江银保监局"]


def test_row_per_line_wrapped_row(parsed):
    r = rec(parsed, "tz-pilot", "协同治理清单", 52)
    assert r.lead_names == ["市建设局", "市综合行政执法局", "市生态环境局"] and r.shared_lead
    assert "54.8" in r.text


def test_every_record_points_at_its_original_text(parsed):
    for doc_id, (doc, p) in parsed.items():
        for r in p.records:
            assert r.span is not None and r.span.doc_id == doc_id
            original = re.sub(r"\s", "", doc.text_of(r.span.start_line, r.span.end_line))
            head = re.sub(r"\s", "", r.text)[:8]
            assert head in original, (doc_id, r.list_name, r.item_no)
            for name in r.lead_names + r.participant_names:
                # a wrapped name may be interleaved with other cells, but never invented
                it = iter(original)
                assert all(ch in it for ch in name), (doc_id, r.list_name, r.item_no, name)


def test_gazette_indicator_tables_become_records(parsed):
    recs = [r for r in parsed["wz-gazette-2023-06"][1].records if r.kind == "indicator"]
    by = {(r.list_name[:5], r.item_no): r for r in recs}
    assert len([r for r in recs if r.list_name.startswith("表2-1")]) == 48
    assert len([r for r in recs if r.list_name.startswith("表2-2")]) == 39
    r = by[("表2-1省", "40")]
    assert r.text == "城镇人均公园绿地面积" and r.extra["规划值(2025年)"] == "≥13.78" and r.extra["规划值(2030年)"] == "≥15"
    assert r.extra["指标属性"] == "参考性" and r.extra["是否达标"] == "是"


def test_text_after_a_heading_title_on_the_same_line_is_kept():
    """"（三）推进…协同控制。控制农业领域甲烷…提升秸秆综合利用水平" — the body used to be dropped."""
    from ingest.structure import parse_document
    from ingest.types import DocumentMeta, Line, SourceDocument

    lines = ["一、重点任务", "（三）推进非二氧化碳温室气体协同控制。控制农业领域甲烷排放。提升秸秆综合利用水平。"]
    doc = SourceDocument(DocumentMeta(id="d", title="T", file="t.txt", level="市"),
                         tuple(Line(no=i + 1, text=t) for i, t in enumerate(lines)), "x", "txt")
    text = " ".join(p.text for p in parse_document(doc).paragraphs)
    assert "提升秸秆综合利用水平" in text


def test_a_compilation_s_parts_in_its_table_of_contents_head_their_own_sections():
    """A gazette lists its parts in a table of contents; the body printed under each title belongs to
    that part, not to the last table of the part before ("附表2" used to hold the personnel notice)."""
    from ingest.types import DocumentMeta, Line, SourceDocument

    lines = ["目录", "关于印发某某规划 （2023年）的通知", "（温政发〔2023〕19号）……………（05）",
             "机构人事", "6月份市政府人事任免……………（66）",
             "关于印发某某规划 (2023年)的通知", "一、总体要求", "附表2:重点工程", "张三任某局局长；",
             "6月份市政府人事任免", "李四任某中心主任（试用期一年）；"]
    doc = SourceDocument(DocumentMeta(id="d", title="T", file="t.txt", level="市"),
                         tuple(Line(no=i + 1, text=t) for i, t in enumerate(lines)), "x", "txt")
    paras = {p.text: p.section for p in parse_document(doc).paragraphs}
    assert paras["李四任某中心主任（试用期一年）；"] == ["6月份市政府人事任免"]
    assert paras["张三任某局局长；"][0] == "关于印发某某规划(2023年)的通知"  # the part, then its table
    assert "附表2" in paras["张三任某局局长；"][-1]


def test_a_numbered_heading_a_plan_s_contents_list_keeps_its_level():
    from ingest.types import DocumentMeta, Line, SourceDocument

    lines = ["第一章 总则……………（1）", "一、总体要求……………（3）", "第一章 总则", "一、总体要求", "坚持协同增效。"]
    doc = SourceDocument(DocumentMeta(id="d", title="T", file="t.txt", level="市"),
                         tuple(Line(no=i + 1, text=t) for i, t in enumerate(lines)), "x", "txt")
    para = next(p for p in parse_document(doc).paragraphs if p.text == "坚持协同增效。")
    assert para.section == ["第一章 总则", "一、总体要求"]  # the chapter still holds its section


def test_the_gazette_s_personnel_notice_is_its_own_section(parsed):
    p = parsed["wz-gazette-2023-06"][1]
    para = next(x for x in p.paragraphs if x.text.startswith("林国锋任温州铁路南站综合管理中心主任"))
    assert para.section == ["6月份市政府人事任免"]  # gz:1311, listed in the contents at gz:120


@pytest.mark.parametrize("line", ["二、对《温州市人民政府办公室关于进一步",  # wrapped: 《 is closed on the next line
                                  "一、对《细则》（温政发〔2021〕27号）等5件文件，予以修改。"])  # clauses closed by 。
def test_a_numbered_sentence_is_not_a_heading(line):
    from ingest.structure import _heading

    assert _heading(line) is None
    assert _heading("二、《实施方案》主要内容") == (1, "二、《实施方案》主要内容")


def test_a_decision_s_numbered_sentences_stand_under_the_decision(parsed):
    p = parsed["wz-gazette-2023-06"][1]
    para = next(x for x in p.paragraphs if "予以废止" in x.text)  # gz:148-150, wrapped after 关于进一步
    assert para.text.startswith("二、对《温州市人民政府办公室关于进一步加强地下水管理的实施意见》")
    assert para.section == ["温州市人民政府关于修改和废止部分行政规范性文件的决定"]


def test_one_line_items_under_a_lead_in_are_paragraphs_of_their_own(parsed):
    texts = [x.text for x in parsed["wz-gazette-2023-06"][1].paragraphs]
    at = texts.index("《温州市人民政府公报》集中赠阅点：")  # gz:1641, its items one a line at gz:1643-1651
    assert texts[at + 1: at + 6] == ["温州市档案馆", "温州市图书馆", "温州市市民中心",
                                     "各县（市、区）档案馆、图书馆、行政审批服务中心", "城市书房"]
    # a lead-in after a short caption line starts afresh (gz:1635-1637)
    assert "《温州市人民政府公报》赠阅范围：" in texts


def test_wrapped_prose_lines_are_still_joined():
    from ingest.structure import is_list_item
    from ingest.types import DocumentMeta, Line, SourceDocument

    doc = SourceDocument(DocumentMeta(id="d", title="T", file="t.txt", level="市"), tuple(Line(no=i + 1, text=t) for i, t in enumerate([
        "主要目标：", "到2025年，全省城乡生活垃圾分类实现全覆盖，基本实现危险废物", "“趋零填埋”。",
        "赠阅点：", "市档案馆", "市图书馆", "精神，落实党中央、国务院重大战略部署，高水平推进全国首", "个创新区建设。"])), "x", "txt")
    texts = [p.text for p in parse_document(doc).paragraphs]
    assert "到2025年，全省城乡生活垃圾分类实现全覆盖，基本实现危险废物“趋零填埋”。" in texts
    assert texts[-3:] == ["市档案馆", "市图书馆", "精神，落实党中央、国务院重大战略部署，高水平推进全国首个创新区建设。"]
    assert is_list_item("城市书房") and not is_list_item("市长张振丰，常务副市长杨胜杰，市委") and not is_list_item("")


def test_a_headline_after_a_bulleted_list_heads_a_new_part(parsed):
    p = parsed["wz-gazette-2023-06"][1]
    bullets = [x for x in p.paragraphs if x.text.startswith("-温政")]  # gz:1603-1606, one document a line
    assert [x.start_line for x in bullets] == [1603, 1604, 1605, 1606]
    para = next(x for x in p.paragraphs if x.text.startswith("一是推进行业协会抓生产"))  # gz:1614
    assert para.section == ["凝聚共识 突破“瓶颈”制约 市应急管理局积极探索安全管理自治共治新途径"]  # gz:1608, 1610
    assert not any("凝聚共识" in x.text for x in bullets)


def test_a_wrapped_bullet_keeps_its_next_line_and_a_headline_needs_prose_after_it():
    from ingest.types import DocumentMeta, Line, SourceDocument

    def parse(lines: list[str]):
        doc = SourceDocument(DocumentMeta(id="d", title="T", file="t.txt", level="市"),
                             tuple(Line(no=i + 1, text=t) for i, t in enumerate(lines)), "x", "txt")
        return parse_document(doc).paragraphs

    paras = parse(["发文目录", "- 温政办〔2023〕58号 关于建立土地利用年度计划和耕地占补平衡", "“指标银行”的通知",
                   "凝聚共识 突破瓶颈", "市应急管理局积极探索新途径",
                   "近年来，温州市建立一批安全生产互助管理联盟，着力破解安全生产难题。"])
    assert paras[1].text.endswith("耕地占补平衡“指标银行”的通知")  # a wrapped item, not a title
    assert paras[-1].section == ["凝聚共识 突破瓶颈 市应急管理局积极探索新途径"]
    # short lines with no prose after them are the list's items, not a headline
    paras = parse(["发文目录", "- 温政发〔2023〕18号 关于修改的决定", "温州市档案馆", "温州市图书馆"])
    assert all(x.section == [] for x in paras)


def test_a_tab_separated_row_no_list_parser_reads_is_a_paragraph_of_its_own(parsed):
    p = parsed["wz-gazette-2023-06"][1]
    rows = [x for x in p.paragraphs if 174 <= x.start_line <= 176]  # gz:174-176, 附件2's header and two rows
    assert [(x.start_line, x.end_line) for x in rows] == [(174, 174), (175, 175), (176, 176)]
    assert rows[2].text.startswith("2《温州市人民政府办公室关于支持农业“双强行动”的若干政策意见》")
    title = next(x for x in p.paragraphs if x.start_line == 172)
    assert title.text == "废止的市政府行政规范性文件目录"  # not run on into the rows


def _parse_lines(lines: list[str]):
    from ingest.types import DocumentMeta, Line, SourceDocument

    doc = SourceDocument(DocumentMeta(id="d", title="T", file="t.txt", level="市"),
                         tuple(Line(no=i + 1, text=t) for i, t in enumerate(lines)), "x", "txt")
    return parse_document(doc)


def test_chapter_headings_whose_numbers_the_export_dropped_get_them_back_from_the_gap():
    """wz-plan:25, 31, 74 print "加强源头防控" with no "二、" (Word's automatic numbering, lost): its
    sections were filed under "一、总体要求". Where the chapters skip from 一 to 四 and two unnumbered
    lines open chapters in between, they are 二 and 三; the heading paragraph keeps the printed text."""
    lines = ["一、总体要求", "（一）基本原则。坚持协同。", "加强源头防控", "", "（二）强化规划引领。增强管控。",
             "推进大气污染防治", "（三）推进重点行业。聚焦电力。", "四、推进水环境治理", "（四）节水。推进节水。"]
    paras = _parse_lines(lines).paragraphs
    by_line = {p.start_line: p for p in paras}
    assert by_line[5].section[0] == "二、加强源头防控" and by_line[7].section[0] == "三、推进大气污染防治"
    assert by_line[3].text == "加强源头防控"
    _, wz = parse_document_of("wenzhou_jwjt_plan.txt")
    titles = {p.section[1] for p in wz.paragraphs if len(p.section) > 1 and p.start_line < 88}
    assert {"二、加强源头防控", "三、推进大气污染防治协同控制", "九、提升协同能力"} <= titles


def test_unnumbered_lines_are_not_numbered_when_their_count_does_not_fill_the_gap():
    # one candidate for two lost numbers (二, 三): which one it is cannot be known, so none is guessed
    lines = ["一、总体要求", "（一）基本原则。坚持协同。", "加强源头防控", "（二）强化规划引领。增强管控。",
             "四、推进水环境治理", "（三）节水。推进节水。"]
    paths = {p.start_line: p.section for p in _parse_lines(lines).paragraphs}
    assert paths[4][0] == "一、总体要求"
    # a short line followed by prose, not by a section heading, opens no chapter
    lines = ["一、总体要求", "加强源头防控", "增强区域环境质量改善目标对能源和产业布局的约束。", "三、推进水环境治理"]
    assert all(not s[0].startswith("二、") for s in (p.section for p in _parse_lines(lines).paragraphs))


def parse_document_of(fname: str):
    man = load_corpus_manifest(CORPUS)
    doc = load_document(CORPUS / fname, man[fname])
    return doc, parse_document(doc)
