"""How sources read on the page and in official writing.

- ``row_table(record)``: a list row as the small table it is in the document (序号, 事项, 牵头单位,
  参与单位, 完成时限, and the list's note when the deadline comes from it), HTML-escaped.
- ``official_citation(answer)``: the answer with its sources in the style of official writing —
  "《浙江省…实施方案》附件1目标清单第23项", "《…》“（二）主要目标”部分" — for the copy button.

>>> ref_of({"doc_id": "zj", "title": "浙江省方案", "section": "附件1 / 一、目标清单", "locator": "第712-716行"},
...        {"list": "目标清单", "item_no": "23", "section": ["附件1", "一、目标清单"], "kind": "list"})
'《浙江省方案》附件1目标清单第23项'
"""
from __future__ import annotations

import html
import re
from typing import Any

from ingest.units import SHARED_LEAD

ANNEX = re.compile(r"^附\s*件\s*(\d+)")


def row_table(r: dict[str, Any]) -> str:
    """A list row as a small HTML table (values escaped)."""
    if r.get("kind") in ("index", "indicator"):
        cells = [("序号", r.get("item_no", "")), ("指标", r.get("text", "")), ("权重", r.get("weight") or ""),
                 ("数据来源", r.get("data_source") or "")]
    else:
        deadline = f"{r['deadline_year']}年" if r.get("deadline_year") else "未注明"
        if r.get("deadline_source") == "list_note":
            deadline += "（按清单表注）"
        lead = "、".join(r.get("lead") or []) or r.get("lead_note", "")
        if r.get("shared_lead"):
            lead += SHARED_LEAD
        cells = [("序号", r.get("item_no", "")), ("事项", r.get("text", "")), (r.get("lead_label") or "牵头单位", lead),
                 ("参与单位", "、".join(r.get("participants") or []) or r.get("participant_note", "")), ("完成时限", deadline)]
    head = "".join(f"<th>{html.escape(k)}</th>" for k, _ in cells)
    body = "".join(f"<td>{html.escape(str(v))}</td>" for _, v in cells)
    note_text = re.sub(r"^\s*注\s*[:：]\s*", "", r.get("list_note") or "")  # "注：上表中…" is shown as 表注：上表中…
    note = f'<div class="meta">表注：{html.escape(note_text)}</div>' if note_text else ""
    return f'<table class="row-table"><tr>{head}</tr><tr>{body}</tr></table>{note}'


def ref_of(c: dict[str, Any], record: dict[str, Any] | None) -> str:
    """One source as official writing cites it."""
    title = f"《{c['title']}》"
    if record and record.get("kind") not in ("index", "indicator"):
        annex = next((m.group(1) for s in record.get("section") or [] if (m := ANNEX.match(s))), "")
        return f"{title}{'附件' + annex if annex else ''}{record['list']}第{record['item_no']}项"
    if record:
        return f"{title}“{record['list']}”第{record['item_no']}项指标"
    section = (c.get("section") or "").split(" / ")[-1]
    return f"{title}{'“' + section + '”部分' if section else ''}（{c['locator']}）"


def official_citation(answer: Any) -> str:
    """The answer text without its [n] markers, then 出处：the sources, numbered as in the answer."""
    data = answer.to_json() if hasattr(answer, "to_json") else dict(answer)
    if data.get("refused"):
        return re.sub(r"\s*以下为最接近的原文段落，供参考。", "", data.get("answer", ""))
    by_id = {r.get("id"): r for r in data.get("records", [])}
    cites = getattr(answer, "citations", None)
    refs = []
    for k, c in enumerate(data.get("citations", [])):
        rid = getattr(cites[k], "record_id", "") if cites and k < len(cites) else ""
        refs.append(f"[{c['n']}]{ref_of(c, by_id.get(rid))}")
    text = data.get("answer", "").strip()
    return text + ("\n出处：" + "；".join(refs) + "。" if refs else "")
