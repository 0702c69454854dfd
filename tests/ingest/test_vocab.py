"""The one vocabulary (ingest/vocab.py) catches the words it is there for, in ingest and in rag."""
from __future__ import annotations

import pytest

from ingest.units import is_unit_name
from ingest.vocab import HEADER_ROLES, UNIT_SUFFIX, UNIT_SUFFIXES, VALUE_COLUMN
from rag.verify import GENERIC_UNIT, Verifier


@pytest.mark.parametrize("name", ["市城投集团", "国网温州供电公司", "省环境科学研究院", "市环境监测中心站", "市生态环境局",
                                  "市交通运输局（市港航局）", "人行温州市中心支行"])
def test_unit_names_end_as_units_end(name):
    assert UNIT_SUFFIX.search(name), name


@pytest.mark.parametrize("name", ["市城投集团", "市交通投资集团", "省环境科学研究院", "市环境监测站", "省能源研究所", "市燃气公司"])
def test_the_verifier_sees_the_same_kinds_of_unit_that_ingest_accepts(name):
    """Invented names ending in 公司/集团/院/所/站 are claims too (the verifier used to miss them)."""
    assert Verifier([]).unsupported(f"该项由{name}牵头", ["省生态环境厅牵头"]) != []


@pytest.mark.parametrize("text", ["省里所有任务", "市里执行", "省里大会", "市部门"])
def test_everyday_words_are_not_units_in_running_text(text):
    assert GENERIC_UNIT.search(text) is None, text


def test_every_suffix_ends_a_unit_name_ingest_accepts():
    assert all(is_unit_name("市测试" + s) for s in UNIT_SUFFIXES if s not in ("部门", "单位"))


def test_header_roles_and_value_columns():
    assert "责任单位" in HEADER_ROLES["lead"] and "参与单位" in HEADER_ROLES["part"]
    assert all(VALUE_COLUMN.search(c) for c in ("现状值(2020年)", "规划值(2025年)", "目标值"))
    assert not VALUE_COLUMN.search("指标属性")


@pytest.mark.parametrize("cell, role", [("责任部门", "lead"), ("主责单位", "lead"), ("配合部门", "part"), ("重点工程", "item"),
                                        ("主要任务", "item"), ("项目名称", "item"), ("指标类别", "cat"), ("重点领域", "cat")])
def test_header_synonyms_no_document_used_yet(cell, role):
    from ingest.vocab import HEADER_PATTERNS

    assert HEADER_PATTERNS[role].match(cell)


@pytest.mark.parametrize("cell", ["生态环境监测能力提升工程", "主要内容", "建设内容", "市生态环境局", "相关单位", "新建类"])
def test_data_cells_are_not_headers(cell):
    from ingest.structure import _role_of

    assert _role_of(cell) == "", cell
