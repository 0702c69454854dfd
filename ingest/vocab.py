"""The project's vocabulary, in one place for ingest, rag and evals: what a department name ends
with, which table-header words name which column, which columns hold values. Each entry says why it
is there; tests/ingest/test_vocab.py checks each against the words it must (and must not) catch.

>>> bool(UNIT_SUFFIX.search("市城投集团")), bool(UNIT_SUFFIX.search("温州铁管中心"))
(True, True)
>>> bool(VALUE_COLUMN.search("规划值(2030年)")), bool(VALUE_COLUMN.search("指标名称"))
(True, False)
"""
from __future__ import annotations

import json
import re
from pathlib import Path

#: How a department or unit name ends, as Zhejiang lists write them: government bodies (厅 局 委 办
#: 政府 管委会 委员会 办事处 街道), agencies (中心 处 队 站 所 院), banks (行 支行 分行), state firms
#: (公司 集团), and list placeholders (部门 单位 部 会). Table cells are unit columns, so ingest
#: accepts all of them there.
UNIT_SUFFIXES = ("厅", "局", "委", "办", "中心", "支行", "分行", "行", "分局", "管委会", "委员会", "政府", "公司", "集团",
                 "处", "部门", "单位", "院", "所", "队", "部", "会", "站", "街道", "办事处")
#: A unit cell's name: a suffix at the end, optionally followed by a parenthetical note.
UNIT_SUFFIX = re.compile("(" + "|".join(sorted(UNIT_SUFFIXES, key=len, reverse=True)) + r")(（[^（）]*）|\([^()]*\))?$")

#: In running text (answers a model may write) single-character endings that are also everyday
#: words ("所有", "网站", "执行", "大会") need a longer name before them to count as a unit.
WEAK_UNIT_SUFFIXES = ("所", "站", "队", "处")
STRONG_UNIT_SUFFIXES = tuple(s for s in UNIT_SUFFIXES
                             if s not in WEAK_UNIT_SUFFIXES and s not in ("行", "会", "部", "部门", "单位", "街道"))

#: Province names (the gazetteer, ingest/data/places.json): "浙江省发展改革委" and "江苏省…" are
#: provincial units alike, so no province is written into the code.
PROVINCES: tuple[str, ...] = tuple(json.loads((Path(__file__).parent / "data" / "places.json")
                                              .read_text(encoding="utf-8"))["provinces"])
#: A provincial prefix: 省, or a province's name with or without 省 ("浙江省", "浙江").
PROVINCE_PREFIX = re.compile(r"^(?:(?:" + "|".join(sorted(PROVINCES, key=len, reverse=True)) + r")省?|省)")

#: Table-header words → the column they name (lists of tasks and targets).
HEADER_ROLES: dict[str, tuple[str, ...]] = {
    "num": ("序号",),
    "lead": ("牵头单位", "责任单位", "责任部门", "牵头部门"),
    "part": ("参与单位", "配合单位", "参与部门"),
    "item": ("指标目标", "工作任务", "具体内容", "指标名称", "评价体系", "试点名称", "主要任务", "任务内容", "重点工程", "项目名称"),
    "cat": ("指标类别", "领域", "类别", "评价方向", "环境要素", "协同领域"),
}

#: How header cells are built when the exact word is not in HEADER_ROLES (a new document's synonym:
#: 责任部门, 主责单位, 重点工程, 指标类别): a role word + 单位/部门, a kind of task + 名称/内容, a kind of
#: grouping. Anchored and short, so a data cell ("生态环境监测能力提升工程") is never a header.
#: tests/ingest/test_vocab.py checks each against header and data cells.
HEADER_PATTERNS: dict[str, re.Pattern[str]] = {
    "lead": re.compile(r"^(牵头|责任|主责|负责|主办)(单位|部门)$"),
    "part": re.compile(r"^(参与|配合|协同|协助|协办|参加)(单位|部门)$"),
    # not "主要内容"/"建设内容": those describe a row beside its item (the gazette's 重点工程 | 主要内容)
    "item": re.compile(r"^(主要|重点|具体|工作|建设)?(任务|目标|指标|工程|项目|措施|举措)(名称|目标)?$"),
    "cat": re.compile(r"^(指标|任务|项目|工作)?(类别|类型|分类)$|^[\u4e00-\u9fff]{2}(领域|方向|要素)$"),
}

#: Columns of an indicator table that hold values (现状值(2020年), 规划值(2025年), 目标值, a year).
VALUE_COLUMN = re.compile(r"现状|规划值|目标值|\d{4}\s*年")
#: the value columns of an indicator table a question names ("2025年规划值", "国家级创建参照值" — its
#: 国家级 names the table, kept): not words of the indicator
VALUE_WORDS = re.compile(r"现状值?|规划值|目标值|指标值|预期值|(?:创建)?参照值")
#: the level of an indicator table's standard ("表2-2国家级…", "省级和国家级创建参照值"): names a table
#: or its reference column, not an indicator
STANDARD_LEVEL = re.compile(r"省级|国家级|市级|县级")
#: a value column named in a question ("…现状值是什么"): it asks an indicator row's value
VALUE_COLUMN_NAMED = r"现状值|规划值|参照值|目标值"
#: the whole of a document's area opening a label or a question's item ("全市城镇生活污水厂新建改扩建",
#: "全市森林覆盖率"): the document's region says it, so the item is also named without it
#: ("城镇生活污水厂新建改扩建要新建几座"; the indicator "森林覆盖率" is 全市's)
WHOLE_AREA = re.compile(r"^全(?:省|市|县|区|域)")
