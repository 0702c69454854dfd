"""Source cards and the official-writing citation of an answer."""
from __future__ import annotations

from app.citations import official_citation, row_table
from app.web import sources_html


def test_a_row_reads_as_a_small_table_with_the_list_note_deadline(qa):
    ans = qa.answer("秸秆综合利用那条谁牵头？")
    row = next(r for r in ans.records if r["doc_id"] == "zj-plan")
    html_ = row_table(row)
    assert "<th>牵头单位</th>" in html_ and "省农业农村厅" in html_ and "2025年（按清单表注）" in html_
    assert "表注：上表中未注明的，完成时限均为" in html_ and "表注：注" not in html_
    assert 'class="row-table"' in sources_html(ans)


def test_values_are_escaped():
    html_ = row_table({"item_no": "1", "text": "<script>x</script>", "lead": ["A&B"], "participants": []})
    assert "<script>" not in html_ and "&lt;script&gt;" in html_ and "A&amp;B" in html_


def test_official_citation_names_annex_list_and_item(qa):
    ans = qa.answer("省里一般工业固体废物综合利用率目标多少？")
    text = official_citation(ans)
    assert "98%" in text and "出处：[1]《浙江省减污降碳协同创新区建设实施方案（征求意见稿）》附件1目标清单第23项" in text


def test_official_citation_of_prose_names_the_section_and_lines(qa):
    text = official_citation(qa.answer("台州城区再生水利用率到2025年达到多少？"))
    assert "出处：[1]《台州市减污降碳协同试点建设实施方案（征求意见稿）》“（二）加强水循环利用过程替碳”部分（第57行）" in text


def test_a_refusal_is_cited_as_not_found(qa):
    text = official_citation(qa.answer("火星基地建设谁牵头？"))
    assert text.startswith("文件中未找到") and "出处" not in text


def test_compare_view_puts_documents_side_by_side_and_marks_differences(qa):
    from app.compare_view import compare_html

    rows = qa.rows_across_documents("非化石能源占一次能源消费比重")
    assert {r.doc_id for r in rows} >= {"zj-plan", "wz-plan"}
    result = {"rows": [{"document": r.doc_id, "item": r.text, "lead": "、".join(r.lead_names), "list": r.list_name,
                        "item_no": r.item_no, "deadline": r.deadline_year or ""} for r in rows],
              "differ": ["item", "lead"]}
    html_ = compare_html(result)
    assert html_.count('class="differ"') == 2 and "省发展改革委（省能源局）" in html_ and "市发展改革委" in html_
    assert "不同之处：事项、牵头单位" in html_
    assert "文件中未找到" in compare_html({"rows": [], "message": ""})


def test_a_prose_source_card_marks_the_value_the_answer_quotes(qa):
    ans = qa.answer("台州城区再生水利用率到2025年达到多少？")
    assert "<mark>35%</mark>" in sources_html(ans).replace(" ", "")
