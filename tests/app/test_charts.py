"""The 时限 and 部门 pictures' data."""
from __future__ import annotations

import pytest

from app.charts import deadline_counts, department_matrix, short_title


def test_deadline_counts_per_year_and_document(qa):
    rows = deadline_counts(qa.res.records.values(), {d: m.title for d, m in qa.res.docs.items()})
    by = {(r["年份"], r["文件"]): r["条目数"] for r in rows}
    zj = short_title("浙江省减污降碳协同创新区建设实施方案（征求意见稿）")
    assert by[("2023", zj)] >= 1 and by[("2025", zj)] > 50
    assert [r["年份"] for r in rows] == sorted(r["年份"] for r in rows)


def test_department_matrix_counts_lead_and_participation_per_document(qa):
    res = qa.res
    docs = sorted(res.docs)
    head, rows, keys = department_matrix(res.records.values(), docs, {d: m.title for d, m in res.docs.items()},
                                         res.unit_display, top=10)
    assert head[0] == "部门" and len(head) == len(docs) + 1 and len(rows) == len(keys) == 10
    first = dict(zip(head, rows[0]))
    assert first["部门"] in ("市生态环境局", "省生态环境厅")
    zj = [c for c in head if c.startswith("浙江省")][0]
    cell = dict(zip(head, rows[keys.index(next(k for k in keys if res.unit_display.get(k) == "省生态环境厅"))]))[zj]
    n_lead = sum(1 for r in res.records.values() if r.doc_id == "zj-plan"
                 and any(res.unit_display.get(u.key) == "省生态环境厅" for u in r.lead_units))
    assert cell.startswith(f"牵头 {n_lead} / 参与")
    with pytest.raises(ValueError):
        department_matrix([], docs, {}, {}, top=0)
