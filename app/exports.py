"""Tables as files an office opens: CSV with a UTF-8 BOM (Excel and WPS on Windows read it as
UTF-8) and .xlsx (openpyxl: bold, frozen header row, column widths, one sheet per document).

>>> rows = [{"document": "温州方案", "item": "建成80家低碳生态农场", "lead": "市农业农村局"}]
>>> to_csv_bytes(rows)[:3] == b"\\xef\\xbb\\xbf"
True
>>> import io, openpyxl
>>> wb = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(rows)))
>>> [c.value for c in wb.active[1]], wb.active["C2"].value, wb.active.freeze_panes
(['文件', '条目', '牵头单位'], '市农业农村局', 'A2')
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

#: Column headings officials read (API keys stay English in JSON).
HEADINGS = {
    "doc_id": "文件编号", "document": "文件", "status": "状态", "region": "地区", "list": "清单", "item_no": "序号",
    "item": "条目", "role": "角色", "lead": "牵头单位", "participants": "参与单位", "deadline": "完成时限",
    "deadline_source": "时限来源", "locator": "原文位置", "record_id": "记录编号", "id": "编号", "created_at": "时间",
    "question": "问题", "answer": "回答", "verdict": "评价", "comment": "意见", "citations": "引用",
    "targets": "目标值", "differs": "各文件不同的字段",
    "change": "变化", "field": "字段", "old": "旧版本", "new": "新版本", "old_locator": "旧版本位置",
    "new_locator": "新版本位置",
}
MAX_WIDTH = 60  # characters; longer cells wrap


def _cell(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return "、".join(map(str, v))
    return "" if v is None else v


def to_csv_bytes(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> bytes:
    """CSV (UTF-8 with BOM), Chinese headings."""
    cols = list(columns or (rows[0].keys() if rows else []))
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([HEADINGS.get(c, c) for c in cols])
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in cols])
    return buf.getvalue().encode("utf-8-sig")


def to_xlsx_bytes(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None, sheet_by: str = "",
                  title: str = "policy-qa") -> bytes:
    """An .xlsx workbook; with ``sheet_by`` (e.g. "document") one sheet per value of that column."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    cols = list(columns or (rows[0].keys() if rows else []))
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(str(r.get(sheet_by, "")) if sheet_by else title, []).append(r)
    wb = Workbook()
    wb.remove(wb.active)
    for name, part in (groups or {title: []}).items():
        ws = wb.create_sheet(_sheet_name(name, wb.sheetnames))
        ws.append([HEADINGS.get(c, c) for c in cols])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for r in part:
            ws.append([_cell(r.get(c)) for c in cols])
        ws.freeze_panes = "A2"
        for i, c in enumerate(cols, start=1):
            longest = max([len(str(HEADINGS.get(c, c)))] + [len(str(_cell(r.get(c)))) for r in part])
            ws.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, longest * 2 + 2)  # CJK is double width
            if longest > MAX_WIDTH:
                for row in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                    row[0].alignment = Alignment(wrap_text=True, vertical="top")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _sheet_name(name: str, taken: list[str]) -> str:
    """Excel sheet names: ≤ 31 characters, none of []:*?/\\ , unique."""
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:28] or "sheet"
    out, n = base, 2
    while out in taken:
        out, n = f"{base}_{n}", n + 1
    return out
