"""Names the rows of a list that start or end earliest or latest ("近期重点工程里哪个项目开始得最早？",
"省目标清单里完成时限最早的是哪项？", "远期重点工程里哪个最晚完工？").

No row is named — the rows are what is asked —, and no column holds "earliest": the start or end year
of a period column ("2018-2023") or the row's completion year (its own, or the list's default from
the note under it) does. A start is read from a period column only; an end from the period column
when the list has one, else from the completion years. The list must be named (by name or printed
title); ties are all named, up to ``max_rows``, else counted.

Usage::

    te = TimeExtremeAnswerer(res, {doc: lines})
    draft = te.run(Ask("近期重点工程里哪个项目开始得最早？", query, ["wz-gazette-2023-06"]))
    # → "附表1（…）中，实施期限(年)开始最早的是《…》附表1第30项“温州液化天然气(LNG)项目”（2018-2023）[1]；…"
"""
from __future__ import annotations

import re
from typing import Any

from ingest.types import Record

from ..row_range import in_range
from ..compose import Citer, doc_label, quote
from .base import Ask, Draft
from .column_extreme import PERIOD, numeric_column, span
from .list_tables import ListKey, ListTableAnswerer

#: the earliest or latest start or end asked: "开始得最早", "最早开工", "最晚完成", "完成时限最早", "哪个先开始"
START_VERBS = "开始|开工|启动|起步"
END_VERBS = "完成|结束|完工|建成|到期|截止"
TIME_EXTREME = re.compile(rf"(?P<v1>{START_VERBS}|{END_VERBS})(?:的)?(?:得|时间|年份|年)?(?:最)(?P<w1>早|晚)"
                          rf"|最(?P<w2>早|晚)(?:的)?(?:一个|一项)?(?:就)?(?P<v2>{START_VERBS}|{END_VERBS})"
                          r"|(?:完成时限|完成期限|时限|期限)(?:是)?最(?P<w3>早|晚)")
#: the rows are asked ("哪个", "哪项", "是什么", "哪些")
WHICH_Q = re.compile(r"哪[个些几项一条]|是什么|什么项目|什么工程")


class TimeExtremeAnswerer(ListTableAnswerer):
    """The rows of the list named starting or ending earliest or latest."""

    name = "time_extreme"

    def __init__(self, res: Any, texts: dict[str, list[str]], max_rows: int = 10) -> None:
        super().__init__(res, texts)
        if not isinstance(max_rows, int) or max_rows < 1:
            raise ValueError("max_rows must be a positive integer")
        self.max_rows = max_rows
        #: each list's period column (the first whose filled cells are mostly periods, "2018-2023"), if any
        self.period: dict[ListKey, str] = {}
        for key, rows in self.tables.rows.items():
            if h := next((h for h in dict.fromkeys(k for r in rows for k in r.extra) if numeric_column(rows, h, span)), None):
                self.period[key] = h

    def _value(self, key: ListKey, r: Record, start: bool) -> int | None:
        """The year compared: the period's start or end, else (for an end) the row's completion year."""
        if (h := self.period.get(key)) is not None:
            m = PERIOD.match(str(r.extra.get(h, "")))
            return int(m.group(1 if start else 2)) if m else None
        return None if start else r.deadline_year

    def _shown(self, key: ListKey, r: Record, citer: Citer) -> str:
        if (h := self.period.get(key)) is not None:
            return f"（{r.extra[h]}）"
        if r.deadline_source == "list_note" and (n := citer.list_note(r)):
            return f"（{r.deadline_year}年，按清单表注）[{n}]"
        return f"（{r.deadline_year}年，条目中注明）"

    def run(self, ask: Ask) -> Draft | None:
        q = ask.query
        m = TIME_EXTREME.search(re.sub(r"\s", "", ask.question))
        if q.item_no or m is None or not WHICH_Q.search(ask.question):
            return None
        verb = m.group("v1") or m.group("v2") or ""
        start, word = bool(re.fullmatch(START_VERBS, verb)), m.group("w1") or m.group("w2") or m.group("w3")
        keys = [k for k in self.tables.rows if k[0] in ask.doc_ids and (k in self.period or not start)]
        named = self.tables.named(ask.question, keys, q.list_name)
        if not named:
            return None
        citer = Citer(self.res)
        blocks, absent = [], []
        for key in named:
            numbered, within = in_range(self.tables.rows[key], q.item_range)  # ("第1到10项里…": those rows)
            rows = [(v, r) for r in numbered if (v := self._value(key, r, start)) is not None]
            if not rows:
                absent.append(f"{self.where(key)}{within}未列完成时限")  # (no period column, no completion year)
                continue
            best = (min if word == "早" else max)(v for v, _ in rows)
            found = [r for v, r in rows if v == best]
            meta = self.res.docs.get(key[0])
            label = f"{self.period[key]}{'开始' if start else '结束'}" if key in self.period else "完成时限"
            shown = found[: self.max_rows]
            items = "；".join(f"{doc_label(meta) if meta else key[0]}{key[1]}第{r.item_no}项“{quote(r.text, 40)}”"
                             f"{self._shown(key, r, citer)}[{citer.record(r)}]" for r in shown)
            more = f"（共{len(found)}项并列，列出前{len(shown)}项）" if len(found) > len(shown) else ""
            blocks.append(f"{self.tables.label(key)}{within}中，{label}最{word}的是{items}{more}。")
        return self.picked(blocks, absent, citer.citations)
