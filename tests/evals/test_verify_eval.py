"""The verifier drops role swaps, altered numbers and altered years: measured over mutated answers."""
from __future__ import annotations

from evals.qa_sets import all_sets
from evals.verify_eval import evaluate, mutations
from rag.verify import CitedRow, Verifier


def test_every_mutation_of_real_answers_is_caught(qa):
    items = [i for i in all_sets() if not i.history]
    res = evaluate(qa, [i.question for i in items[::3]])
    assert set(res["kinds"]) >= {"role_swap", "role_swap_prose", "number", "year"}
    # few questions ask lead and participants at once: the prose swap has fewer cases
    assert all(k["n"] >= (3 if name == "role_swap_prose" else 50) for name, k in res["kinds"].items()), res["kinds"]
    assert res["total"]["rate"] == 1.0, res["misses"][:5]


def test_the_mangrove_swap_of_the_issue_is_dropped(qa):
    """Lead 市自然资源和规划局, participants 市发展改革委…: "由市发展改革委牵头，市自然资源和规划局参与" is false."""
    row = next(r for r in qa.res.records.values() if "红树林" in r.text and "市自然资源和规划局" in r.lead_names
               and "市发展改革委" in r.participant_names)
    passage = qa.res.chunks[qa.res.chunk_of_record[row.id]].text
    cited = {1: qa._cited_row(row.id)}
    swapped = qa.verifier.run("该项由市发展改革委牵头，市自然资源和规划局参与[1]。", {1: passage}, cited)
    assert swapped.text == "" and swapped.dropped
    right = qa.verifier.run("该项由市自然资源和规划局牵头，市发展改革委参与[1]。", {1: passage}, cited)
    assert right.dropped == [] and "市自然资源和规划局牵头" in right.text


def test_role_claims_in_the_ways_answers_write_them():
    v = Verifier(["省生态环境厅", "省经信厅", "省建设厅"])
    assert v.role_claims("牵头单位为省生态环境厅；参与单位为省经信厅、省建设厅") == [
        ("省生态环境厅", "lead"), ("省经信厅", "participants"), ("省建设厅", "participants")]
    assert v.role_claims("由省经信厅、省建设厅配合，省生态环境厅负责") == [
        ("省经信厅", "participants"), ("省建设厅", "participants"), ("省生态环境厅", "lead")]
    assert v.role_claims("责任单位：省建设厅") == [("省建设厅", "lead")]
    assert v.role_claims("数据来源为省经信厅") == [("省经信厅", "data_source")]
    row = CitedRow(lead=("省生态环境厅",), participants=("省经信厅", "省建设厅"), deadline_year=2025, weight="4")
    assert v.wrong_roles("完成时限为2027年", [row], []) == ["2027年（完成时限）"]
    assert v.wrong_roles("权重为5", [row], []) == ["权重5"]
    assert v.wrong_roles("省经信厅牵头", [row], []) == ["省经信厅（lead）"]


def test_mutations_change_one_thing():
    ans = "根据《方案》目标清单第23项“甲”：牵头单位为省生态环境厅；参与单位为省经信厅；完成时限为2025年[1]。"
    kinds = {m.kind: m for m in mutations("q", ans)}
    assert "参与单位为省生态环境厅" in kinds["role_swap"].text and "完成时限为2027年" in kinds["year"].text
    assert "number" not in kinds  # 第23项 is a locator and 2025 a year: no number claim to alter
