"""Versions of one document (征求意见稿 → 正式稿): same issuer (or an unknown one) and the same title
once status marks are removed; the later ingest is the newer version.

>>> similar_title("台州市减污降碳协同试点建设实施方案（征求意见稿）", "台州市减污降碳协同试点建设实施方案")
True
"""
from __future__ import annotations

import re
from typing import Any

#: status marks a title carries that do not make it another document
STATUS_MARKS = re.compile(r"[（(]?(征求意见稿|送审稿|草案|讨论稿|修订稿|正式稿|试行)[)）]?")


def similar_title(a: str, b: str) -> bool:
    """Titles of two versions of one document: equal once status marks and spaces are removed."""
    def core(t: str) -> str:
        return re.sub(r"\s+", "", STATUS_MARKS.sub("", t or ""))
    return bool(core(a)) and core(a) == core(b)


def version_pairs(docs: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(old id, new id) for documents ``{"id", "title", "issuer", "ingested_at"}`` that are versions
    of one another, the earlier ingest first."""
    ds = sorted(docs, key=lambda d: (d.get("ingested_at") or "", d["id"]))
    out = []
    for i, a in enumerate(ds):
        for b in ds[i + 1:]:
            ia, ib = a.get("issuer") or "", b.get("issuer") or ""
            # an uploaded document's issuer may be unknown: then the title decides
            if (ia == ib or not ia or not ib) and similar_title(a["title"], b["title"]):
                out.append((a["id"], b["id"]))
    return out
