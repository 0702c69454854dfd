"""The size of a list named by its printed title ("近期重点工程一共多少项？" → 附表1, "…近期重点工程清单").

A list named by its name ("任务清单有几项", "附表1一共多少项") is counted by the chain's count path;
a title's words are item words to the parser, so a count asked of them reaches no list. Here the
question names the list by the longest run it shares with a title (``ListTables.named``), asks a
count, and holds no item words besides the title's: "近期重点工程里续建类有几个" names a value
(:class:`ColumnValueAnswerer`), "…垃圾分类工程有几个" something narrower — neither is the list's size.

Usage::

    ls = ListSizeAnswerer(res, {doc: lines})
    draft = ls.run(Ask("近期重点工程一共多少项？", query, ["wz-gazette-2023-06"]))
    # → "《…》附表1（温州市生态文明建设近期重点工程清单）共42项（最后一项为第42项）[1]。"
"""
from __future__ import annotations

import re

from ..answer_type import counts_another_thing
from ..compose import Citer, doc_label
from ..retrievers import without_runs
from ..types import Fact
from .base import Ask, Draft
from .list_tables import ListTableAnswerer, size_of_list

#: a count asked ("一共多少项", "有几个", "数量是多少") — of the rows, not of a value
COUNT_ASKED = re.compile(r"一共|总共|共有|共几|共多少|多少[项个条]|几[项个条]|数量|个数")
#: item words this long left besides the title's name something narrower than the list
OTHER_CHARS = 2
#: words a count question adds that name nothing ("一共", "有", "多少项")
COUNT_WORDS = re.compile(COUNT_ASKED.pattern + r"|[有是的里中]|清单|列表|多少|几")


class ListSizeAnswerer(ListTableAnswerer):
    """How many rows the list (or indicator table) named by its title has, the last row cited."""

    name = "list_size"
    kinds = ("list", "indicator")  # an indicator table is counted by its title too ("国家级…指标有多少项" → 表2-2)

    def run(self, ask: Ask) -> Draft | None:
        q = ask.query
        if q.item_no or q.list_name or q.units or q.years or not COUNT_ASKED.search(ask.question):
            return None
        keys = [k for k in self.tables.rows if k[0] in ask.doc_ids]
        named = self.tables.named(ask.question, keys, "")
        if not named:
            return None
        if counts_another_thing(ask.question, *(self.tables.titles.get(k, "") for k in named)):
            return None  # "重点工程一共涉及几个县": counties counted, not the list's rows
        rest = q.content
        for key in named:
            rest = without_runs(rest, self.tables.titles.get(key, ""))
        if len(COUNT_WORDS.sub("", rest)) >= OTHER_CHARS:
            return None  # "近期重点工程里垃圾分类工程有几个": something narrower than the list
        citer = Citer(self.res)
        out: list[str] = []
        facts: list[Fact] = []
        for key in named:
            meta = self.res.docs.get(key[0])
            text, fact = size_of_list(f"{doc_label(meta) if meta else key[0]}{self.tables.label(key)}",
                                      self.tables.rows[key], citer)
            out.append(text)
            facts.append(Fact(key[0], key[1], "", "count", fact.value, fact.citation))
        return Draft(self.name, 1.0, "\n".join(out), citer.citations, facts=facts)
