"""What changed between two versions of a document (征求意见稿 → 正式稿): list rows added, removed,
and changed field by field (wording, lead, participants, target values, deadline), each located in
both versions.

Rows are paired within the same list: the same wording first, then the most similar wording
(character-bigram Jaccard ≥ ``SIMILAR``); what stays unpaired was added or removed.

Usage::

    result = diff_versions(old_rows, new_rows)   # Record lists of the two documents
    result["changed"][0]["fields"]             # [{"field": "lead", "old": "...", "new": "..."}]

>>> similar_title("台州市减污降碳协同试点建设实施方案（征求意见稿）", "台州市减污降碳协同试点建设实施方案")
True
"""
from __future__ import annotations

from typing import Any

from rag.retrievers import bigrams
from rag.versions import similar_title  # noqa: F401 - re-exported for the service and tests

#: two rows of one list are the same item in two versions when their wording is at least this alike
SIMILAR = 0.6
FIELDS = [("text", "事项"), ("lead", "牵头单位"), ("participants", "参与单位"), ("targets", "目标值"), ("deadline", "完成时限")]


def _jaccard(a: str, b: str) -> float:
    x, y = bigrams(a), bigrams(b)
    return len(x & y) / len(x | y) if x | y else 0.0


def _fields(r: Any) -> dict[str, str]:
    return {"text": r.text, "lead": "、".join(r.lead_names) or r.lead_note,
            "participants": "、".join(r.participant_names) or r.participant_note,
            "targets": "，".join(t.text for t in r.targets), "deadline": str(r.deadline_year or "")}


def _where(r: Any) -> dict[str, Any]:
    return {"doc_id": r.doc_id, "list": r.list_name, "item_no": r.item_no, "text": r.text,
            "locator": r.span.locator() if r.span else ""}


def diff_versions(old_rows: list[Any], new_rows: list[Any]) -> dict[str, Any]:
    """{"added": [...], "removed": [...], "changed": [{"old", "new", "fields"}], "unchanged": n}."""
    old_left = list(old_rows)
    pairs: list[tuple[Any, Any]] = []
    added = []
    for n in new_rows:
        same = [o for o in old_left if o.list_name == n.list_name and o.text == n.text]
        if not same:
            scored = [(_jaccard(o.text, n.text), o) for o in old_left if o.list_name == n.list_name]
            scored = [x for x in scored if x[0] >= SIMILAR]
            same = [max(scored, key=lambda x: x[0])[1]] if scored else []
        if same:
            pairs.append((same[0], n))
            old_left.remove(same[0])
        else:
            added.append(_where(n))
    changed, unchanged = [], 0
    for o, n in pairs:
        fo, fn = _fields(o), _fields(n)
        diffs = [{"field": k, "label": lab, "old": fo[k], "new": fn[k]} for k, lab in FIELDS if fo[k] != fn[k]]
        if diffs:
            changed.append({"old": _where(o), "new": _where(n), "fields": diffs})
        else:
            unchanged += 1
    return {"added": added, "removed": [_where(o) for o in old_left], "changed": changed, "unchanged": unchanged}


def change_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """One flat row per change (for CSV / .xlsx)."""
    out = []
    for a in result["added"]:
        out.append({"change": "新增", "list": a["list"], "item_no": a["item_no"], "field": "", "old": "", "new": a["text"],
                    "old_locator": "", "new_locator": a["locator"]})
    for r in result["removed"]:
        out.append({"change": "删除", "list": r["list"], "item_no": r["item_no"], "field": "", "old": r["text"], "new": "",
                    "old_locator": r["locator"], "new_locator": ""})
    for c in result["changed"]:
        for f in c["fields"]:
            out.append({"change": "修改", "list": c["new"]["list"], "item_no": c["new"]["item_no"], "field": f["label"],
                        "old": f["old"], "new": f["new"], "old_locator": c["old"]["locator"],
                        "new_locator": c["new"]["locator"]})
    return out
