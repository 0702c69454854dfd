"""The places of a kind a document names ("省方案提到哪些城市？", "台州方案里涉及哪些县市区？"), or names with
an item ("台州哪些县市有减污降碳协同试点？").

A kind such as 城市 or 县 is written by no place name ("杭州" writes no 城市), so neither the mentions of
the kind's word (``MentionsAnswerer``) nor a sentence search finds them: the gazetteer
(``ingest/data/places.json``) does. Each city (or county) of the kind asked that the documents in scope
write is listed once, in the order the document first writes it, with that first sentence or row
quoted and cited. The document's own city is not listed (a Wenzhou plan writes 温州 everywhere).

Usage::

    pn = PlacesNamedAnswerer(res, sentence_index)
    draft = pn.run(Ask("省方案提到哪些城市？", query, ["zj-plan"]))
    # → "《浙江省…》写到以下城市（按首次出现的先后）：\n1. 宁波：“…聚焦宁波、舟山石化…”[1]\n2. 舟山：…"
"""
from __future__ import annotations

import re
from typing import Any

from ..compose import Citer, doc_label, focus, row_label
from ..question import county_cities, gazetteer_names, of_own_kind
from ..retrievers import coverage
from ..sentences import SentenceIndex
from .base import Answerer, Ask, Draft

#: the places of a kind a document names, asked ("提到哪些城市", "涉及了哪些县市区", "点名了哪些地市")
PLACES_ASKED = re.compile(r"(?:提到|提及|涉及|写到|说到|点名|点到)了?哪些(?P<kind>城市|地市|设区市|县市区|县（市、区）|县区|区县|县市|县)"
                          r"(?:了|呢|吗)?[？?。！!]*$")
#: the places of a kind where an item is ("台州哪些县市有减污降碳协同试点", "哪些县要开展源头替代试点"): the
#: item as the text writes it, after the verb the asker puts before it
PLACES_OF_ITEM = re.compile(r"哪些(?P<kind>城市|地市|设区市|县市区|县（市、区）|县区|区县|县市|县)(?:有|要|在|将|会)?"
                            r"(?P<item>[\u4e00-\u9fff“”]{2,20}?)(?:了|呢|吗)?[？?。！!]*$")
#: share of the item's character pairs a sentence or row must write to speak of it: one pair of five may
#: differ ("海上风电场工程项目" for 海上风电项目); "…再生水利用配置试点" shares 1 of 7 pairs of 减污降碳协同试点
ITEM_COVER = 0.8
#: a verb opening the item asked ("开展…试点"): the text may name the item without it
ITEM_VERB = re.compile(r"^(?:开展|建设|创建|实施|推进|打造|建成|试点|探索)")
#: a modal before the item's verb ("纺织行业要开展减污降碳协同"): the asker's, not the text's words
MODAL = re.compile(r"(?:要|将|需要?|应当?)(?=开展|建设|创建|实施|推进|打造|建成|探索)")
#: the longest and shortest head of the item a run of places may stand right before ("宁波、舟山石化，杭州、湖州
#: 水泥" for "哪些城市的石化行业": the places written before 石化 are its places, not the sentence's others)
HEAD_CHARS = (4, 2)
#: what joins the places of one run ("宁波、舟山", "嘉兴和绍兴")
RUN_JOIN = "[、和及与]?"
#: the gazetteer's lists each kind asked reads: cities, or counties (县市区 and the like name counties)
KIND_LISTS = {"城市": ("cities",), "地市": ("cities",), "设区市": ("cities",)}


class PlacesNamedAnswerer(Answerer):
    """Lists the gazetteer places of the kind asked that the documents in scope write, each cited once."""

    name = "places_named"

    def __init__(self, res: Any, index: SentenceIndex, quote_chars: int = 60) -> None:
        if not hasattr(res, "records") or not hasattr(res, "chunks") or not hasattr(res, "docs"):
            raise TypeError("res must be the chain's Resources")
        if quote_chars < 10:
            raise ValueError("quote_chars ≥ 10")
        self.res, self.index, self.quote_chars = res, index, quote_chars
        self.lists = {key: gazetteer_names(key) for key in ("cities", "counties")}
        self.city_of = county_cities()

    def run(self, ask: Ask) -> Draft | None:
        question = re.sub(r"\s", "", ask.question)
        m = PLACES_ASKED.search(question)
        item = ""
        if not m and (m := PLACES_OF_ITEM.search(question)):
            # ("哪些城市的石化行业…": 石化 heads the item; "…行业要开展…": the text writes "…行业开展…")
            item = MODAL.sub("", m.group("item").strip("“”").removeprefix("的"))
        if not m or ask.query.item_no or ask.query.units:
            return None
        kind = m.group("kind")
        counties = "cities" not in KIND_LISTS.get(kind, ())
        docs = of_own_kind(ask.question, ask.doc_ids, {d: meta.title for d in ask.doc_ids if (meta := self.res.docs.get(d))})
        citer = Citer(self.res)
        out: list[str] = []
        none: list[str] = []
        for doc in docs:
            meta = self.res.docs.get(doc)
            label = doc_label(meta) if meta else doc
            own = re.sub(r"(省|市|县|区)$", "", (meta.region or "") if meta else "")
            # a city's document names its own counties (a county name inside another place's — 大龙湾 holds
            # 龙湾, a Wenzhou district — is no mention in a Taizhou plan); its own city is no place it names
            names = ([n for n in self.lists["counties"] if self.city_of.get(n) == own or own not in self.lists["cities"]]
                     if counties else [n for n in self.lists["cities"] if n != own])
            wanted = item
            first = self._first_mentions(doc, names, wanted)
            if not first and item and (bare := ITEM_VERB.sub("", item)) != item and len(bare) >= 2:
                wanted = bare  # ("开展源头替代试点": the text writes "源头替代试点")
                first = self._first_mentions(doc, names, wanted)
            if not first:
                none.append(label)
                continue
            out.append(f"{label}中写到“{wanted}”的{kind}（按首次出现的先后）：" if wanted
                       else f"{label}写到以下{kind}（按首次出现的先后）：")
            out += [f"{k}. {name}：{quote(citer)}" for k, (name, (_, quote)) in
                    enumerate(sorted(first.items(), key=lambda x: x[1][0]), 1)]
        if not out and item:
            return None  # (no place written with the item: a sentence may say where it is)
        if not out:
            # (none named: said so — not left to a search that quotes rows writing the kind's word)
            return Draft(self.name, 1.0, f"{'、'.join(none)}未写到其他{kind}名称（本地除外）。", [], refused=True)
        return Draft(self.name, 1.0, "\n".join(out), citer.citations)

    def _first_mentions(self, doc: str, names: list[str], item: str = "") -> dict[str, tuple[int, Any]]:
        """Each of ``names`` that ``doc`` writes → (its first line, a function citing and quoting it); with
        ``item``, only in sentences and rows writing it too — and where some write a run of places right
        before the item's head (:func:`places_before`), only those places of those: "聚焦绍兴、嘉兴纺织，…
        等行业开展减污降碳协同" says where 纺织 is; "聚焦宁波、舟山石化，…等行业开展…" shares the rest, not 纺织."""
        pattern = re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True))) if names else None
        if pattern is None:
            return {}
        texts = [(s.start_line, s, self._sentence_quote) for s in self.index.sentences if s.doc_id == doc
                 and (chunk := self.res.chunks.get(s.chunk_id)) is not None and chunk.kind != "row"]  # (a row is read whole)
        texts += [(r.span.start_line, r, self._row_quote) for r in self.res.records.values() if r.doc_id == doc and r.span is not None]
        written = [(line, x, quote, re.sub(r"\s", "", x.text)) for line, x, quote in texts if self._writes(x.text, item)]
        before = {id(x): run for _, x, _, text in written if item and (run := places_before(text, pattern, item))}
        first: dict[str, tuple[int, Any]] = {}
        for line, x, quote, text in written:
            if before and id(x) not in before:
                continue
            for name in dict.fromkeys(before.get(id(x)) or pattern.findall(text)):
                if name not in first or line < first[name][0]:
                    first[name] = (line, quote(x, name))
        return first

    @staticmethod
    def _writes(text: str, item: str) -> bool:
        """Whether ``text`` writes ``item`` (all of it, or nearly all its character pairs: "华能瑞安1号海上
        风电场工程项目" for 海上风电项目); True when no item is asked."""
        return not item or coverage(item, re.sub(r"\s", "", text)) >= ITEM_COVER

    def _sentence_quote(self, s: Any, name: str) -> Any:
        def cite(citer: Citer) -> str:
            n = citer.lines(s.doc_id, s.start_line, s.end_line, " / ".join(s.section))
            return f"“{focus(s.text.strip(), name, self.quote_chars)}”[{n}]"
        return cite

    def _row_quote(self, r: Any, name: str) -> Any:
        def cite(citer: Citer) -> str:
            return f"{row_label(r, content=name, limit=self.quote_chars)}[{citer.record(r)}]"
        return cite


def places_before(text: str, pattern: re.Pattern[str], item: str) -> list[str]:
    """The places of ``pattern`` written in a run right before the head of ``item`` in ``text`` (its first
    :data:`HEAD_CHARS` characters, the longest found), or [] when no run stands before it.

    >>> p = re.compile("宁波|舟山|杭州|湖州|衢州")
    >>> places_before("聚焦宁波、舟山石化，杭州、湖州水泥，宁波、衢州钢铁等行业开展减污降碳协同。", p, "的石化行业开展减污降碳协同")
    ['宁波', '舟山']
    >>> places_before("聚焦宁波、舟山石化。", p, "试点")
    []
    """
    core = item.lstrip("的")
    for n in range(HEAD_CHARS[0], HEAD_CHARS[1] - 1, -1):
        if len(core) < n:
            continue
        runs = re.findall(rf"((?:(?:{pattern.pattern}){RUN_JOIN})+){re.escape(core[:n])}", text)
        if runs:
            return [name for run in runs for name in pattern.findall(run)]
    return []
