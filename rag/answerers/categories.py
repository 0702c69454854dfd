"""Answers "试点协同里产业科技类的试点有哪些" / "政策激励那块是哪几项": the rows a list groups under a category.

Lists group their rows under category cells ("试点协同 › 产业科技", "政策激励", "任务协同 › 海洋"). The
label is a word of the table, not of the rows, so the item words do not find them: the label does. The
label must be named as a class of entries — a class word after it ("产业科技类的", "政策激励那块") or the
list or a category above it named too ("试点协同里产业科技…") — so an ordinary word that happens to be
a label ("环境治理有什么要求") is left to the other answerers.

Usage::

    ca = CategoryAnswerer(res)
    draft = ca.run(Ask("台州试点协同里产业科技类的试点有哪些？", query, ["tz-pilot"]))
    # → "根据《…》协同管理清单“试点协同 › 产业科技”，共4项：7. 台州湾经济技术开发区…[1] …"
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ingest.types import Record

from ..compose import Citer, compose_record, doc_label
from ..question import names_table_number
from ..retrievers import canonical
from ..types import Fact
from .base import Answerer, Ask, Draft
from .section import heading_words

#: the question asks for the entries ("哪些", "哪几项", "都有啥", "包括什么", "几项")
ENTRIES_Q = re.compile(r"哪些|哪几|有啥|都有什么|包括什么|包含什么|几项|多少项|几条|多少条")
#: a class word right after the label: the label names a class of entries ("产业科技类的", "政策激励那块",
#: "政策激励这类的", "海洋方面", "大气领域")
AS_CLASS = re.compile(r"^(?:类|[这那]一?[块类]|方面|板块|领域|[这那]部分)")
#: the question asks what classes a list (or a category) is divided into ("分哪几类", "有哪几个方面")
CLASSES_Q = re.compile(r"哪几类|哪些类|几类|几个类别|哪些类别|哪几个方面|几个方面|哪几块|几块|哪几个领域|几个领域")
#: words saying rows stand under a class ("属于…的指标"): no words narrowing it
HAS_CLASS = re.compile(r"属于|归属于?|所属")
#: the label written after 属于 ("哪些指标属于“(五)空间格局优化”"): the class the rows stand under is asked
BELONGS_BEFORE = re.compile(r"属于[“\"「]?$")
#: a class named by a word of a long label ("固体废物方面的任务", "关于固废的任务" for "四、推进固体废物污染防治协同
#: 控制"): the word, before a class word or between 关于/有关 and 的 + what the entries are called
CLASS_WORD = re.compile(r"(?=(?:类|那块|这块|那一块|方面|板块|领域|那部分))"
                        r"|(?:关于|有关|涉及)(?P<y>[\u4e00-\u9fff]{2,8}?)的(?:试点|任务|项目|工程|条目|事项|措施|政策|目标|工作)")
#: the longest word before a class word looked for in the labels ("固体废物方面": 固体废物, not 清单里固体废物)
CLASS_WORD_CHARS = 8
#: labels this short are ordinary words too often ("水"): not looked for
MIN_LABEL_CHARS = 2
#: a row pointer right after a label written without its numbering: the class is the item asked
#: ("科技研发创新与应用示范那项谁负责" names the rows under "（二十五）科技研发创新与应用示范", whose own text
#: does not write the label)
AS_ITEM = re.compile(r"^(?:[那这该]一?[项条块]|的(?:任务|工作|事项|举措))")
#: closing quotes between a label and what follows it ("“推进水环境治理协同控制”这部分")
CLOSING = re.compile(r"^[”\"」』’]+")
#: ... or a class word naming a list's kind of entries ("空间格局优化这类指标"), not a part of the document
#: ("提升协同能力那部分" is the document's chapter, which a list's category may share a title with)
BARE_AS_CLASS = re.compile(r"^(?:[这那]一?)?类")
#: the shortest label named as an item this way: a shorter one is an ordinary phrase too often
MIN_ITEM_LABEL_CHARS = 4
#: what a list's entries are called, and the class words pointing at the class ("…产业科技类的试点",
#: "大气方面有哪些任务", "政策激励那块"), counted too ("这类的三项"), with a word placing within it ("“能力提升”类里",
#: which the word split keeps as one): no words narrowing the class
ENTRY_NOUNS = re.compile(r"(?:[一二三四五六七八九十两\d]+)?(?:试点|任务|项目|工程|内容|条目|事项|措施|政策|指标|目标|工作|条|项|[那这]一?块?|块|类|方面|板块|领域|部分)"
                         r"(?:里面?|中|下|内)?")
#: words pointing at the class named ("这部分", "那一块"): they say no more than the class, whatever the
#: word split makes of them ("这部")
POINTING = re.compile(r"[这那]一?(?:部分|块|类)")
#: what else a question may ask of the rows that this answerer does not narrow by: a department, a
#: year, a field ("大气方面哪些任务是市生态环境局牵头的" — not all 8 rows of the class)
NARROWING_INTENTS = {"lead", "participants", "deadline", "weight", "data_source", "list_by_dept", "list_by_year"}
#: ... but a field asked of every row of the class ("医药领域的任务谁负责", "海洋方面的任务什么时候完成")
#: is answered row by row
ROW_FIELDS = {"lead", "participants", "deadline"}


class CategoryAnswerer(Answerer):
    """Lists the rows a list groups under the category label a question names as a class."""

    name = "categories"

    def __init__(self, res: Any, max_rows: int = 40, words: Callable[[str], list[str]] = list,
                 generic: Callable[[str], bool] = lambda w: False) -> None:
        if max_rows < 1:
            raise ValueError("max_rows must be >= 1")
        self.res = res
        self.max_rows = max_rows
        self.words, self.generic = words, generic  # the parser's word split; the index's test of a common word
        # (document, list, category path up to the label) → its rows, in list order
        self.groups: dict[tuple[str, str, tuple[str, ...]], list[Record]] = {}
        for r in sorted(res.records.values(), key=lambda r: (r.doc_id, r.span.start_line if r.span else 0)):
            if r.kind not in ("list", "indicator"):  # (an indicator table groups its rows under 领域 › 任务 too)
                continue
            for k in range(1, len(r.categories) + 1):
                self.groups.setdefault((r.doc_id, r.list_name, tuple(r.categories[:k])), []).append(r)

    def named(self, ask: Ask) -> list[tuple[str, str, tuple[str, ...]]]:
        """The category groups of the documents in scope the question names as a class; the longest
        label wins where labels overlap.

        A group is named when its label stands in the question followed by a class word, or with the
        list's name or a category above it also standing in the question."""
        q = re.sub(r"\s", "", ask.question)
        hits = []
        for key in self.groups:
            doc, list_name, path = key
            label = path[-1]
            if doc not in ask.doc_ids or len(label) < MIN_LABEL_CHARS or label == list_name:
                continue
            if label not in q:
                bare = heading_words(label)
                if len(bare) >= MIN_ITEM_LABEL_CHARS and bare in q and (
                        AS_ITEM.match(after := q[q.index(bare) + len(bare):]) or BARE_AS_CLASS.match(after)
                        # ("温州任务清单“推进水环境治理协同控制”这部分…": the list named, its part is this class)
                        or (list_name in q and AS_CLASS.match(CLOSING.sub("", after)))):
                    hits.append(key)
                continue
            after = q[q.index(label) + len(label):]
            if (AS_CLASS.match(after) or BELONGS_BEFORE.search(q[:q.index(label)]) or list_name in q
                    or any(p in q for p in path[:-1] if len(p) >= MIN_LABEL_CHARS)):
                hits.append(key)
        # "表2-2里…": of the tables holding the label, the one whose number the question writes
        numbered = [k for k in hits if names_table_number(k[1], q)]
        # ... or the list the question names otherwise ("省级指标表里…": the parser's list)
        listed = [k for k in hits if k[1] == ask.query.list_name]
        hits = numbered or listed or hits
        if not hits:
            hits = self._named_by_a_word(ask, q)
        longest = max((len(k[2][-1]) for k in hits), default=0)
        return [k for k in hits if len(k[2][-1]) == longest]

    def _named_by_a_word(self, ask: Ask, q: str) -> list[tuple[str, str, tuple[str, ...]]]:
        """The groups of the list named whose label writes the word the question names a class by
        (:data:`CLASS_WORD`, abbreviations written out), the broadest such groups only: "固体废物方面" names
        "四、推进固体废物污染防治协同控制", not its "（十二）强化固体废物综合利用" too."""
        if not ask.query.list_name:
            return []
        groups = [key for key in self.groups if key[0] in ask.doc_ids and key[1] == ask.query.list_name]
        hits: list[tuple[str, str, tuple[str, ...]]] = []
        for m in CLASS_WORD.finditer(q):
            # the word: 关于…的's, or the longest end of the words before the class word some label writes
            tries = [m.group("y")] if m.group("y") else [q[max(0, m.start() - k):m.start()] for k in
                                                         range(CLASS_WORD_CHARS, MIN_LABEL_CHARS - 1, -1)]
            for w in tries:
                if len(w) < MIN_LABEL_CHARS or ENTRY_NOUNS.fullmatch(w):
                    continue
                if found := [key for key in groups if canonical(w) in canonical(key[2][-1])]:
                    hits += [k for k in found if k not in hits]
                    break
        shallowest = min((len(k[2]) for k in hits), default=0)
        return [k for k in hits if len(k[2]) == shallowest]

    def members(self, ask: Ask) -> tuple[set[str], str] | None:
        """The ids of the rows in the classes the question names, with the classes as an answer names them
        ("“任务协同 › 大气”"), for a listing by department or year to keep to ("大气方面哪些任务是市生态环境局
        牵头的"); None when it names none."""
        groups = self.named(ask)
        if not groups:
            return None
        ids = {r.id for g in groups for r in self.groups[g]}
        return ids, "、".join(dict.fromkeys(f"“{' › '.join(path)}”" for _, _, path in groups))

    def _narrowed(self, content: str, group: tuple[str, str, tuple[str, ...]]) -> bool:
        """Whether the item words say more than the class named: a word that is no label of the group, no
        name of its entries and no common word ("大气方面有哪些涉及VOCs的任务" asks some of its rows).

        >>> ca = CategoryAnswerer.__new__(CategoryAnswerer); ca.words, ca.generic = (lambda t: t.split()), (lambda w: False)
        >>> ca._narrowed("大气 任务", ("d", "协同治理清单", ("任务协同", "大气"))), ca._narrowed("大气 VOCs", ("d", "l", ("大气",)))
        (False, True)
        >>> ca._narrowed("省级 指标 生态文化", ("d", "表2-1省级指标规划表", ("生态文化",))), ca._narrowed("省级 指标 生态文化", ("d", "表2-2国家级指标规划表", ("生态文化",)))
        (False, True)
        >>> ca._narrowed("推进 水 环境 这部分", ("d", "任务清单", ("三、推进水环境治理协同控制",)))
        False
        """
        _, list_name, path = group
        rest = POINTING.sub(" ", HAS_CLASS.sub(" ", content))
        for name in sorted([list_name, *path], key=len, reverse=True):
            rest = rest.replace(name, " ")
        # (a word a label writes is the class, not narrower: "固废" of "四、推进固体废物污染防治协同控制"; a word
        # the list's caption writes names the list: "省级生态文明建设指标里生态文化领域" — the 省级 table's class,
        # and narrower than the 国家级 table's, whose caption does not write 省级)
        return any(not ENTRY_NOUNS.fullmatch(w) and not self.generic(w)
                   and not any(canonical(w) in canonical(p) for p in (list_name, *path))
                   for w in self.words(rest) if w.strip())

    def classes(self, ask: Ask) -> list[tuple[str, str, tuple[str, ...], list[tuple[str, ...]]]]:
        """(document, list, parent path, its classes) for "…分哪几类": the top classes of the list the
        question names, or the classes under a category it names ("试点协同分哪几个方面")."""
        parents = [(d, ln, p) for d, ln, p in self.named(ask)] or [
            (d, ask.query.list_name, ()) for d in dict.fromkeys(d for d, ln, _ in self.groups
                                                               if ln == ask.query.list_name and d in ask.doc_ids)]
        out = []
        for doc, list_name, path in parents:
            kids = [k[2] for k in self.groups if k[:2] == (doc, list_name) and len(k[2]) == len(path) + 1 and k[2][:len(path)] == path]
            if len(kids) >= 2:
                out.append((doc, list_name, path, kids))
        return out

    def _classes_draft(self, ask: Ask) -> Draft | None:
        found = self.classes(ask)
        if not found:
            return None
        citer = Citer(self.res)
        blocks = []
        for doc, list_name, path, kids in found:
            meta = self.res.docs.get(doc)
            where = f"{list_name}“{' › '.join(path)}”" if path else list_name
            parts = [f"{k[-1]}（{len(self.groups[(doc, list_name, k)])}项）[{citer.record(self.groups[(doc, list_name, k)][0])}]"
                     for k in kids]
            blocks.append(f"根据{doc_label(meta) if meta else doc}，{where}按类别划分如下：" + "；".join(parts) + "。")
        return Draft(self.name, 1.0, "\n".join(blocks), citer.citations)

    def run(self, ask: Ask) -> Draft | None:
        if ask.query.item_no:
            return None
        if CLASSES_Q.search(ask.question):
            return self._classes_draft(ask)
        q = ask.query
        fields = set(q.intents) & ROW_FIELDS
        if not ENTRIES_Q.search(ask.question) and not fields:
            return None
        if q.units or q.years or set(q.intents) & NARROWING_INTENTS - fields:
            return None
        groups = [g for g in self.named(ask) if not self._narrowed(q.content, g)]
        if not groups:
            return None
        citer = Citer(self.res)
        facts: list[Fact] = []
        blocks = []
        for doc, list_name, path in groups:
            rows = self.groups[(doc, list_name, path)]
            meta = self.res.docs.get(doc)
            shown = rows[: self.max_rows]
            head = (f"根据{doc_label(meta) if meta else doc}{list_name}“{' › '.join(path)}”，共{len(rows)}项"
                    + (f"（列出前{len(shown)}项）" if len(shown) < len(rows) else "") + "：")
            if fields:  # "医药领域的任务谁负责": each row with the field asked, as the row answerer gives it
                blocks.append("\n".join([head] + [compose_record(r, sorted(fields), citer, self.res, facts)
                                                   .removeprefix(f"根据{doc_label(meta) if meta else doc}")
                                                   for r in shown]))
            else:
                blocks.append("\n".join([head] + [f"{r.item_no}. {r.text}[{citer.record(r)}]" for r in shown]))
        return Draft(self.name, 1.0, "\n".join(blocks), citer.citations, facts=facts)
