"""The 对比 view: one item across documents side by side — documents as columns, fields as rows,
the fields that differ marked. Values are HTML-escaped.

>>> html_ = compare_html({"rows": [{"document": "甲", "lead": "A"}, {"document": "乙", "lead": "B"}], "differ": ["lead"]})
>>> 'class="differ"' in html_ and "<th>甲</th>" in html_
True
"""
from __future__ import annotations

import html
from typing import Any

#: (field, label) in the order the view shows them
FIELDS = [("item", "事项"), ("list_item", "清单 / 序号"), ("lead", "牵头单位"), ("participants", "参与单位"),
          ("targets", "目标值"), ("deadline_text", "完成时限"), ("locator", "原文位置")]


def _cells(r: dict[str, Any]) -> dict[str, str]:
    out = {k: str(r.get(k) or "") for k, _ in FIELDS}
    out["list_item"] = f"{r.get('list', '')} 第{r.get('item_no', '')}项" if r.get("list") else ""
    dl = f"{r['deadline']}年" if r.get("deadline") else "未注明"
    out["deadline_text"] = dl + (f"（{r['deadline_source']}）" if r.get("deadline_source") else "")
    return out


def compare_html(result: dict[str, Any]) -> str:
    rows = result.get("rows") or []
    if not rows:
        return f'<div class="notfound">{html.escape(result.get("message") or "文件中未找到可比较的条目")}</div>'
    differ = set(result.get("differ") or [])
    if "deadline" in differ:
        differ.add("deadline_text")
    cells = [_cells(r) for r in rows]
    head = "".join(f"<th>{html.escape(r.get('document', ''))}</th>" for r in rows)
    body = []
    for key, label in FIELDS:
        mark = ' class="differ"' if key in differ else ""
        tds = "".join(f"<td>{html.escape(c[key])}</td>" for c in cells)
        body.append(f"<tr{mark}><th>{html.escape(label)}{'（不同）' if mark else ''}</th>{tds}</tr>")
    n = len(rows)
    summary = (f"共{n}份文件载有该事项；不同之处：" + "、".join(lab for k, lab in FIELDS if k in differ)
               if differ else f"共{n}份文件载有该事项。") if n > 1 else "仅1份文件载有该事项。"
    return (f'<div id="compare-view"><div class="meta">{html.escape(summary)}</div>'
            f'<table class="row-table compare"><tr><th>字段</th>{head}</tr>{"".join(body)}</table></div>')


def changes_html(res: dict[str, Any]) -> str:
    """Rows added, removed and changed field by field between two versions, each located in both."""
    def esc(x: Any) -> str:
        return html.escape(str(x or ""))

    rows = []
    for a in res["added"]:
        rows.append(f"<tr><td>新增</td><td>{esc(a['list'])} 第{esc(a['item_no'])}项</td><td></td><td></td>"
                    f"<td>{esc(a['text'])}</td><td>—</td><td>{esc(a['locator'])}</td></tr>")
    for r in res["removed"]:
        rows.append(f"<tr><td>删除</td><td>{esc(r['list'])} 第{esc(r['item_no'])}项</td><td></td>"
                    f"<td>{esc(r['text'])}</td><td></td><td>{esc(r['locator'])}</td><td>—</td></tr>")
    for c in res["changed"]:
        for f in c["fields"]:
            rows.append(f'<tr class="differ"><td>修改</td><td>{esc(c["new"]["list"])} 第{esc(c["new"]["item_no"])}项</td>'
                        f"<td>{esc(f['label'])}</td><td>{esc(f['old'])}</td><td>{esc(f['new'])}</td>"
                        f"<td>{esc(c['old']['locator'])}</td><td>{esc(c['new']['locator'])}</td></tr>")
    summary = (f"《{esc(res.get('old_title'))}》→《{esc(res.get('new_title'))}》：新增 {len(res['added'])} 项，"
               f"删除 {len(res['removed'])} 项，修改 {len(res['changed'])} 项，未变 {res['unchanged']} 项。")
    head = "<tr><th>变化</th><th>条目</th><th>字段</th><th>旧版本</th><th>新版本</th><th>旧版本位置</th><th>新版本位置</th></tr>"
    return (f'<div id="changes-view"><div class="meta">{summary}</div>'
            f'<table class="row-table">{head}{"".join(rows)}</table></div>')
