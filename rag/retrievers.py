"""Retrievers: one interface; BM25 (jieba), dense (Chroma + our embedder) and record lookup implement
it; :class:`FusionRetriever` composes them by reciprocal-rank fusion.

>>> from rag.types import Query
>>> class Fixed(Retriever):
...     def __init__(self, name, ids): self.name, self.ids = name, ids
...     def retrieve(self, query, k=20, doc_ids=None): return [Hit(i, 1.0, self.name, r + 1) for r, i in enumerate(self.ids)]
>>> [h.chunk_id for h in FusionRetriever([Fixed("a", ["c1", "c2"]), Fixed("b", ["c2", "c3"])]).retrieve(Query("x"))]
['c2', 'c1', 'c3']
"""
from __future__ import annotations

import json
import math
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Mapping, Sequence, Set as AbstractSet
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from ingest.types import Record
from ingest.vocab import WHOLE_AREA

from .types import Hit, Query

_TOKEN = re.compile(r"[\u4e00-\u9fff]|[A-Za-z]+|\d+(?:\.\d+)?")
_SYN = Path(__file__).parent / "data" / "synonyms.json"
#: a word that can be an anchor: two CJK characters (a bigram of any text that holds it)
CJK_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")
#: a pair jieba joins from a word and a particle ("部等" of 生态环境部等七部门): no item word, never an anchor
PARTICLE_JOIN = re.compile(r"^[等的]|[等的]$")


@lru_cache(maxsize=1)
def _synonyms() -> list[tuple[str, str]]:
    data = json.loads(_SYN.read_text(encoding="utf-8"))["canonical"]
    pairs = [(short, full) for full, shorts in data.items() for short in shorts]
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=65536)  # (the same sentences and rows are read question after question)
def canonical(text: str) -> str:
    """Rewrite common abbreviations to one form (固废 → 固体废物) so paraphrases match.

    >>> canonical("一般工业固废综合利用率")
    '一般工业固体废物综合利用率'
    """
    for short, full in _synonyms():
        if short in text and full not in text:
            text = text.replace(short, full)
    return text


def common_run(a: str, b: str) -> int:
    """Length of the longest run of characters two texts share (a title and a question, a quote and a row).

    >>> common_run("台州的减污降碳协同指数一共多少分", "台州市县（市、区）减污降碳协同指数")
    8
    >>> common_run("温州电镀等行业", "聚焦绍兴纺织温州电镀等行业开展")
    7
    """
    # (the longest common substring, which SequenceMatcher's find_longest_match without junk also gives,
    # found by bisecting its length: a run of n shared means runs of every shorter length shared, and a
    # substring test is C-fast — SequenceMatcher indexes the longer text in Python at every call)
    if len(a) > len(b):
        a, b = b, a
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if any(a[i:i + mid] in b for i in range(len(a) - mid + 1)):
            lo = mid
        else:
            hi = mid - 1
    return lo


#: words of the value asked that follow a measure in a number question ("…达标率2025年规划值是多少"): not
#: the measure itself, which is the word before them
VALUE_FIELD_WORDS = frozenset({"值", "规划", "规划值", "现状", "现状值", "目标值", "数值", "预期值"})


def without_runs(text: str, other: str, min_run: int = 2, kept_in: str = "") -> str:
    """``text`` with every run of ``min_run`` characters or more it shares with ``other`` taken out,
    longest first (the words of a title a question names it by); the longest run left standing in
    ``kept_in`` stops it (words a table's row writes too are the row's, not only its title's).

    >>> without_runs("台州协同指数噪声投诉", "台州市县（市、区）减污降碳协同指数")
    '噪声投诉'
    >>> without_runs("生态文明建设规划", "表2-2国家级生态文明建设指标规划表", 3, kept_in="生态文明建设规划")
    '生态文明建设规划'
    """
    while (n := common_run(text, other)) >= min_run:
        run = next(text[i:i + n] for i in range(len(text) - n + 1) if text[i:i + n] in other)
        if run in kept_in:
            break
        text = text.replace(run, "", 1)
    return text


def bigrams(text: str) -> set[str]:
    """Character bigrams over CJK characters, words and numbers (punctuation and spaces ignored).

    >>> sorted(bigrams("秸秆综合"))
    ['秆综', '秸秆', '综合']
    """
    toks = _TOKEN.findall(canonical(text or ""))
    if len(toks) == 1:
        return {toks[0]}
    return {a + b for a, b in zip(toks, toks[1:])}


def word_bigrams(words: Sequence[str]) -> set[str]:
    """The bigrams inside each of the question's words, none across two of them: the words of a
    question stand apart in the text ("建设多少个标杆项目" → 建设, 标杆; the text says "建设400个标杆项目",
    so "设标" would count as missing). One-character words add nothing.

    >>> sorted(word_bigrams(["城市", "型", "试点", "鼓励", "创建"]))
    ['创建', '城市', '试点', '鼓励']

    A compound jieba's search mode gives beside its parts ("建设", "项目", "建设项目") adds nothing: its
    pair across the parts ("设项") is the one the text need not write ("建设…等项目").

    >>> sorted(word_bigrams(["建设", "项目", "建设项目"]))
    ['建设', '项目']

    ... nor does a word of jieba's own across the seam of two parts (:func:`across_parts`).

    >>> sorted(word_bigrams(["化工", "工行", "行业", "化工行业"]))
    ['化工', '行业']

    Characters jieba leaves one by one, side by side, are a word it does not know ("占比" → 占 / 比):
    their run is one word.

    >>> sorted(word_bigrams(["提高", "清洁", "能源", "占", "比"]))
    ['占比', '提高', '清洁', '能源']
    """
    given = set(words)
    seams = across_parts(words)
    out: set[str] = set()
    run = ""  # the characters of one-character words side by side
    for w in [*words, ""]:
        if re.fullmatch(r"[\u4e00-\u9fff]", w):
            run += w
            continue
        if len(run) > 1:
            out |= bigrams(run)
        run = ""
        if any(w[:k] in given and w[k:] in given for k in range(1, len(w))) or w in seams:
            continue
        if len(_TOKEN.findall(canonical(w))) > 1:
            out |= bigrams(w)
    return out


def across_parts(words: Sequence[str]) -> set[str]:
    """The words jieba's search mode gives inside a compound across the seam of two of its parts that
    are given too: "化工行业" → 化工, 工行, 行业 — 工行 is a word of jieba's own (a bank), not of the item,
    and a text writing the item apart ("台州化工，…等行业") need not write it.

    >>> sorted(across_parts(["化工", "工行", "行业", "化工行业"]))
    ['工行']
    >>> sorted(across_parts(["综合", "利用", "用率", "利用率", "综合利用率"]))
    []
    """
    given = set(words)
    out: set[str] = set()
    for c in given:
        for k in range(1, len(c)):
            if c[:k] in given and c[k:] in given:  # the seam at k
                out |= {w for w in given if len(w) < len(c) and any(c.startswith(w, i) and k < i + len(w) for i in range(k))}
    return out


def apart_where_asked(content: str, question: str) -> str:
    """``content`` (item words joined with the asker's 的 dropped) with a space where the question wrote
    a 的 between two of its characters: jieba cuts "开发的区块" → "开发区块" as 开发区 + 块, a word the
    asker did not write; apart, it is 开发 + 区块 again.

    >>> apart_where_asked("规划统筹推进开发区块", "温州规划统筹推进开发的区块有哪些？")
    '规划统筹推进开发 区块'
    >>> apart_where_asked("海上风电", "海上风电的规模")
    '海上风电'
    """
    for m in re.finditer(r"(?<=[\u4e00-\u9fff])的(?=[\u4e00-\u9fff])", question):
        joined = question[m.start() - 1] + question[m.end()]
        if joined in content and joined not in question:
            content = content.replace(joined, joined[0] + " " + joined[1], 1)
    return content


def coverage(content: str, text: str) -> float:
    """Share of the question's item bigrams found in ``text`` (1.0 = every bigram present).

    >>> coverage("码头岸电全覆盖", "沿海五类专业化码头岸电设施全覆盖。")
    0.8333333333333334
    """
    q = bigrams(content)
    if not q:
        return 0.0
    return len(q & bigrams(text)) / len(q)


def flat(text: str) -> str:
    """Letters, digits and CJK only (no spaces or punctuation), for verbatim comparison."""
    return re.sub(r"[\W_]+", "", canonical(text or ""))



def written_prefix(phrase: str, text: str) -> int:
    """The length of the longest start of ``phrase`` that ``text`` writes (a question's words run on
    past the name it quotes: "全省千所联千会机制推进会是哪天开的" → the 13 characters up to 推进会).

    >>> written_prefix("全省千所联千会机制推进会是哪天开的", "参加全省千所联千会机制推进会。")
    12
    >>> written_prefix("全省农业", "市农业局")
    0
    """
    lo, hi = 0, len(phrase)  # every start of a written start is written: search the longest
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if phrase[:mid] in text:
            lo = mid
        else:
            hi = mid - 1
    return lo

K = TypeVar("K")
V = TypeVar("V")


def kept(cache: dict[K, V], key: K, make: Callable[[], V], limit: int = 50_000) -> V:
    """``cache[key]``, made by ``make()`` the first time; the cache is emptied when it grows past ``limit``
    (what is kept across questions — headings' bigrams — comes back at once, a question's own is let go).

    >>> c: dict[str, int] = {}
    >>> kept(c, "a", lambda: 1), kept(c, "a", lambda: 2), kept(c, "b", lambda: 3, limit=1), sorted(c)
    (1, 1, 3, ['b'])
    """
    got = cache.get(key)
    if got is None:
        if len(cache) >= limit:
            cache.clear()
        got = cache[key] = make()
    return got


class Idf:
    """Inverse document frequency of bigrams over the records: generic words weigh little.

    >>> idf = Idf([bigrams("推进减污降碳协同"), bigrams("秸秆综合利用"), bigrams("减污降碳试点")])
    >>> idf.coverage("秸秆减污降碳", "减污降碳试点") < coverage("秸秆减污降碳", "减污降碳试点")
    True
    """

    def __init__(self, docs: Sequence[set[str]]) -> None:
        self.n = max(len(docs), 1)
        df: dict[str, int] = {}
        for g in docs:
            for b in g:
                df[b] = df.get(b, 0) + 1
        self.df = df
        self.max_idf = math.log(1 + self.n)
        # each bigram's weight, computed once: coverage runs over thousands of sentences per question
        self._w = {b: math.log(1 + (self.n - d + 0.5) / (d + 0.5)) for b, d in df.items()}
        self._totals: dict[frozenset[str], float] = {}  # (``share``)

    def weight(self, b: str) -> float:
        return self._w.get(b, self.max_idf)

    def share(self, want: frozenset[str], have: AbstractSet[str]) -> float:
        """:meth:`coverage` with both sides' bigrams given: the IDF-weighted share of ``want`` in
        ``have`` (the same float; ``want``'s total weight is kept, for callers scoring the same
        headings against question after question).

        >>> idf = Idf([bigrams("推进减污降碳协同"), bigrams("秸秆综合利用")])
        >>> idf.share(frozenset(bigrams("秸秆利用")), bigrams("秸秆综合利用")) == idf.coverage("秸秆利用", "秸秆综合利用")
        True
        """
        common = want & have
        if not common:
            return 0.0
        return self._ratio(common, kept(self._totals, want, lambda: math.fsum(self.weight(b) for b in want)))

    def _ratio(self, common: AbstractSet[str], total: float) -> float:
        """The IDF weight of ``common`` over ``total`` (0.0 when ``total`` is): what coverage and share give."""
        return math.fsum(self.weight(b) for b in common) / total if total else 0.0

    def coverage(self, content: str, text: str, grams: set[str] | None = None,
                 query_grams: set[str] | None = None) -> float:
        """IDF-weighted share of the item's bigrams (``bigrams(content)``, or ``query_grams`` when
        given) that stand in ``text`` (or its precomputed ``grams``)."""
        q = query_grams if query_grams is not None else bigrams(content)
        if not q:
            return 0.0
        g = grams if grams is not None else bigrams(text)
        # fsum: exactly rounded whatever the order, and a set's order changes with the process's hash
        # seed — a plain sum made equal coverages differ in the last bit from one run to the next
        return self._ratio(q & g, math.fsum(self.weight(b) for b in q))

    def coverage_either(self, content: str, text: str, grams: set[str] | None = None,
                        word_grams: set[str] | None = None) -> float:
        """The better of the coverage of ``content``'s bigrams and that of ``word_grams`` (its words'
        own bigrams, :func:`word_bigrams`): words the text writes apart ("建设 400个标杆项目") are found
        whole, and a question whose jieba split is off ("比重要" → 比 / 重要) loses nothing it had."""
        plain = self.coverage(content, text, grams)
        return max(plain, self.coverage(content, text, grams, word_grams)) if word_grams else plain

    def scorer(self, content: str, word_grams: set[str] | None = None) -> Callable[[set[str]], float]:
        """:meth:`coverage_either` of ``content`` (and ``word_grams``) as a function of a text's
        precomputed bigrams, with the question's side weighed once (the same floats: ``fsum`` is
        exactly rounded).

        >>> idf = Idf([bigrams("推进减污降碳协同"), bigrams("秸秆综合利用")])
        >>> idf.scorer("秸秆利用")(bigrams("秸秆综合利用")) == idf.coverage_either("秸秆利用", "秸秆综合利用")
        True
        """
        sides = [bigrams(content)]
        if word_grams:
            sides.append(word_grams)
        weighed = [({b: self.weight(b) for b in q}, math.fsum(self.weight(b) for b in q)) for q in sides]

        def score(grams: set[str]) -> float:
            best = 0.0
            for w, total in weighed:
                if total:
                    best = max(best, math.fsum(w[b] for b in w.keys() & grams) / total)
            return best
        return score

    def anchors(self, words: Sequence[str], rare_factor: float = 3.0) -> set[str]:
        """The rarest of the item's two-character ``words`` that occur in the records — those within
        ``rare_factor`` of the rarest one's record count: what the item is about ("秸秆" in
        秸秆/综合/利用), as against words many items share ("综合", "利用"). The factor was set on the
        QA sets: 2 lost items whose question has a stray rare pair ("比重要" → 重要), 3 loses none.

        >>> texts = ["推进秸秆综合利用", "核能综合利用示范", "固废综合利用率", "建筑垃圾综合利用", "污泥综合利用"]
        >>> sorted(Idf([bigrams(t) for t in texts]).anchors(["秸秆", "综合", "利用"]))
        ['秸秆']
        >>> sorted(Idf([bigrams(t) for t in texts + ["58"]]).anchors(["58", "综合"]))
        ['综合']
        >>> sorted(Idf([bigrams(t) for t in texts + ["固废填埋区，一般工业固体废物"]]).anchors(["固废", "综合"]))
        ['综合']
        >>> sorted(Idf([bigrams(t) for t in texts + ["利用率", "用率"]]).anchors(["秸秆", "利用", "用率", "利用率"]))
        ['秸秆']
        >>> sorted(Idf([bigrams(t) for t in texts + ["生态环境部等七部门"]]).anchors(["部等", "综合"]))
        ['综合']
        """
        # two CJK characters: a number ("58" of 58号) is one token, never a bigram of a longer text;
        # an abbreviation is read in its canonical form, as the texts' bigrams are (固废 → 固体废物:
        # the pair 固废 stands only where a text writes both forms)
        words = [canonical(w) for w in words]
        known = [(self.df[w], w) for w in words if CJK_PAIR.fullmatch(w) and self.df.get(w) and not PARTICLE_JOIN.search(w)]
        if not known:
            return set()
        rarest = min(d for d, _ in known)
        out = {w for d, w in known if d <= rare_factor * rarest}
        # the last pair jieba's search mode cuts from a three-character word ("用率" of 利用率) is no
        # item word of its own: when a whole word is among the rarest ("秸秆"), it does not stand in for it
        whole = {w for w in out if not any(len(v) == 3 and v.endswith(w) for v in words)}
        return whole or out

    @staticmethod
    def item_anchors(anchors: set[str], words: Sequence[str], unit: str = "") -> set[str]:
        """Of a number question's rare words (``anchors`` of ``words``, jieba's search mode), those of
        the item measured, not of the measure: its last word ("装机" of 沼气发电装机, "利用率") and the
        unit asked ("千瓦") are what is measured of it. A text holding only those speaks of another
        item measured alike ("核电装机超过1000万千瓦" is no answer to 沼气发电装机).

        >>> sorted(Idf.item_anchors({"沼气", "装机", "千瓦"}, ["沼气", "发电", "装机", "千瓦"], "千瓦"))
        ['沼气']
        >>> Idf.item_anchors({"装机"}, ["装机"])
        set()

        The value asked after the measure ("…达标率2025年规划值") is no part of the item: the measure is
        the last word before it.

        >>> sorted(Idf.item_anchors({"土壤", "达标"}, ["土壤", "环境", "质量", "达标", "达标率", "规划", "值"]))
        ['土壤']
        >>> Idf.item_anchors({"规划"}, ["PM2.5", "浓度", "规划", "值"])
        set()
        """
        kept = [w for w in words if w != unit]
        asked = {b for w in kept if w in VALUE_FIELD_WORDS for b in bigrams(w)}  # (the value's words: no item's)
        while len(kept) >= 2 and kept[-1] in VALUE_FIELD_WORDS:
            kept.pop()
        if len(kept) < 2:
            return set()
        return anchors - bigrams(kept[-1]) - bigrams(unit) - asked

    def generic(self, content: str, share: float = 0.08) -> bool:
        """True when every bigram of ``content`` occurs in more than ``share`` of the records."""
        q = bigrams(content)
        if self.n < 20:  # too few records to tell generic words from specific ones
            return False
        return bool(q) and all(self.df.get(b, 0) > share * self.n for b in q)


class Retriever(ABC):
    """Ranks chunk ids for a :class:`Query`, optionally restricted to some documents."""

    name: str = "retriever"

    @abstractmethod
    def retrieve(self, query: Query, k: int = 20, doc_ids: Collection[str] | None = None) -> list[Hit]: ...


class BM25Retriever(Retriever):
    """jieba-BM25 over all chunks (persisted sparse matrix)."""

    name = "bm25"

    def __init__(self, index, chunk_doc: Mapping[str, str]) -> None:  # index: ingest.index.BM25Index
        self.index, self.chunk_doc = index, chunk_doc

    def retrieve(self, query: Query, k: int = 20, doc_ids: Collection[str] | None = None) -> list[Hit]:
        text = " ".join(x for x in (query.content, query.text) if x)
        hits = self.index.search(text, k=k * 4 if doc_ids else k)
        if doc_ids:
            hits = [(i, s) for i, s in hits if self.chunk_doc.get(i) in doc_ids]
        return [Hit(i, s, self.name, r + 1) for r, (i, s) in enumerate(hits[:k])]


class DenseRetriever(Retriever):
    """Cosine search with the query embedded by our own embedder, in the Chroma collection
    (ingest.index.VectorIndex) or its in-memory snapshot (ingest.index.ExactVectors): anything with
    ``search(vector, k, doc_ids) -> [(id, cosine)]``."""

    name = "dense"

    def __init__(self, vectors, embedder) -> None:  # VectorIndex | ExactVectors, ingest.embed.Embedder
        if not callable(getattr(vectors, "search", None)) or not callable(getattr(embedder, "embed_query", None)):
            raise TypeError("DenseRetriever needs a vector index with search() and an embedder with embed_query()")
        self.vectors, self.embedder = vectors, embedder

    def retrieve(self, query: Query, k: int = 20, doc_ids: Collection[str] | None = None) -> list[Hit]:
        hits = self.vectors.search(self.embedder.embed_query(query.text), k=k, doc_ids=doc_ids)
        return [Hit(i, s, self.name, r + 1) for r, (i, s) in enumerate(hits)]


#: the value columns naming what a row plans (not 现状, not a standard's 参照值)
PLANNED_VALUE = re.compile(r"规划值|目标值|指标值|预期值")


class RecordRetriever(Retriever):
    """Record lookup: item number in a named list, else bigram coverage of the item words."""

    name = "record"

    def __init__(self, records: Sequence[Record], chunk_of_record: Mapping[str, str]) -> None:
        import numpy as np
        from scipy import sparse

        self.records = list(records)
        self.chunk_of_record = chunk_of_record
        self._flat = {r.id: flat(r.text) for r in self.records}
        self.idf = Idf([bigrams(r.text) for r in self.records])
        self._memo: dict[tuple, list[tuple[float, Record]]] = {}
        # records × bigrams (0/1): coverage and dice for all records are two sparse products
        vocab: dict[str, int] = {}
        rows, cols = [], []
        for i, r in enumerate(self.records):
            for b in bigrams(self.match_text(r)):
                rows.append(i)
                cols.append(vocab.setdefault(b, len(vocab)))
        self._vocab = vocab
        self._m = sparse.csr_matrix((np.ones(len(rows), dtype="float64"), (rows, cols)),
                                    shape=(len(self.records), max(len(vocab), 1)))
        self._n_grams = np.asarray(self._m.sum(axis=1)).ravel()
        docs = sorted({r.doc_id for r in self.records})
        self._doc_index = {d: k for k, d in enumerate(docs)}
        self._doc_of = np.array([self._doc_index[r.doc_id] for r in self.records], dtype="int32")
        self._list_of = np.array([r.list_name for r in self.records], dtype=object)

    @staticmethod
    def match_text(r: Record) -> str:
        if r.kind == "index":
            return r.text + " " + " ".join(p.get("name", "") for p in r.parents) + " " + r.list_name
        if r.kind == "indicator":  # the table title and its value columns (现状值, 规划值 …)
            return r.text + " " + r.list_name + " " + " ".join(k for k in r.extra if "值" in k)
        return r.text

    def scored(self, query: Query, doc_ids: Collection[str] | None = None) -> list[tuple[float, Record]]:
        """Records scored against the query, best first (memoised: the chain and the fusion both ask)."""
        key = (query.content, query.content_full, query.list_name, query.item_no,
               frozenset(doc_ids) if doc_ids else None)
        hit = self._memo.get(key)
        if hit is None:
            hit = self._score(query, doc_ids)
            if len(self._memo) > 256:
                self._memo.clear()
            self._memo[key] = hit
        return list(hit)

    def _weights(self, grams: set[str]):  # -> (np.ndarray over the vocabulary, total weight of all grams)
        import numpy as np

        w = np.zeros(self._m.shape[1], dtype="float64")
        total = 0.0
        for b in grams:
            wb = self.idf.weight(b)
            total += wb
            j = self._vocab.get(b)
            if j is not None:
                w[j] = wb
        return w, (total or 1.0)

    def _score(self, query: Query, doc_ids: Collection[str] | None) -> list[tuple[float, Record]]:
        """score = IDF-weighted coverage of the item words (a leading 全市/全省 aside; or of the full quote, whichever is higher)
        + 0.1 × Dice overlap; an item number asked scores its rows 2.0; the 40 best are then
        rewarded for the longest verbatim overlap with a quoted phrase."""
        import numpy as np

        n = len(self.records)
        if n == 0:
            return []
        # (the whole of a document's area opening the item — "全市森林覆盖率" — is the scope of every row
        # of a city's lists, written in some and not in others: no word a row must hold)
        # (… and a planned value the question names — "规划值", "目标值" — is a column of an indicator table
        # or a list row's target, no word a row's text holds: "台州PM2.5浓度的规划值" asks the row whose
        # target is 22微克/立方米; 现状 stays: a list row states no current value)
        item = PLANNED_VALUE.sub("", query.content) or query.content
        q = bigrams(WHOLE_AREA.sub("", item) or item)
        qw, q_total = self._weights(q)
        inter = self._m @ (qw > 0).astype("float64") if q else np.zeros(n)
        keep = np.ones(n, dtype=bool)
        if doc_ids:
            wanted = [self._doc_index[d] for d in doc_ids if d in self._doc_index]
            keep &= np.isin(self._doc_of, wanted)
        if query.list_name:
            keep &= self._list_of == query.list_name
        if query.item_no:
            return [(2.0, self.records[i]) for i in np.flatnonzero(keep)
                    if self.records[i].item_no == query.item_no and (query.list_name or not q or inter[i] > 0)]
        if not q:
            return []
        keep &= inter > 0
        idx = np.flatnonzero(keep)
        cov = (self._m[idx] @ qw) / q_total
        full = bigrams(query.content_full) if query.content_full and query.content_full != query.content else set()
        if full:
            fw, f_total = self._weights(full)
            cov = np.maximum(cov, (self._m[idx] @ fw) / f_total)
        score = cov + 0.1 * (2 * inter[idx] / (len(q) + self._n_grams[idx]))
        order = np.argsort(-score, kind="stable")
        out = [(float(score[k]), self.records[idx[k]]) for k in order]
        quote = flat(query.content_full or query.content)
        if len(quote) >= 4:  # a partial quote: reward the longest verbatim overlap
            head = [(s + 0.3 * common_run(quote, self._flat[r.id]) / len(quote), r) for s, r in out[:40]]
            out = sorted(head, key=lambda x: -x[0]) + out[40:]
        return out

    def best(self, query: Query, doc_ids: Collection[str] | None = None) -> float:
        """Score of the best record (0.0 when none shares a word with the question)."""
        top = self.scored(query, doc_ids)[:1]
        return top[0][0] if top else 0.0

    def retrieve(self, query: Query, k: int = 20, doc_ids: Collection[str] | None = None) -> list[Hit]:
        hits = []
        for s, r in self.scored(query, doc_ids)[:k]:
            cid = self.chunk_of_record.get(r.id)
            if cid:
                hits.append(Hit(cid, s, self.name, len(hits) + 1))
        return hits


class GatedRetriever(Retriever):
    """Runs ``inner`` only when ``needed(query, doc_ids)`` says so, else returns nothing.

    The chain gates dense search this way: when record lookup already covers the item words of the
    question, embedding the question adds latency and no accuracy (measured in evals/bench).

    >>> from rag.types import Query
    >>> class One(Retriever):
    ...     name = "dense"
    ...     def retrieve(self, query, k=20, doc_ids=None): return [Hit("c1", 1.0, self.name, 1)]
    >>> g = GatedRetriever(One(), lambda q, d: len(q.text) > 3)
    >>> [h.chunk_id for h in g.retrieve(Query("短"))], [h.chunk_id for h in g.retrieve(Query("长一些的问题"))]
    ([], ['c1'])
    """

    def __init__(self, inner: Retriever, needed) -> None:  # needed: (Query, doc_ids) -> bool
        if not callable(needed):
            raise TypeError("needed must be callable")
        self.inner, self.needed, self.name = inner, needed, inner.name
        self.calls = self.skipped = 0

    def retrieve(self, query: Query, k: int = 20, doc_ids: Collection[str] | None = None) -> list[Hit]:
        self.calls += 1
        if not self.needed(query, doc_ids):
            self.skipped += 1
            return []
        return self.inner.retrieve(query, k=k, doc_ids=doc_ids)


class FusionRetriever(Retriever):
    """Reciprocal-rank fusion: score(d) = Σ weight / (k_rrf + rank)."""

    name = "fused"

    def __init__(self, retrievers: Sequence[Retriever], weights: Sequence[float] | None = None, k_rrf: int = 60) -> None:
        if not retrievers:
            raise ValueError("FusionRetriever needs at least one retriever")
        self.retrievers = list(retrievers)
        self.weights = list(weights) if weights else [1.0] * len(self.retrievers)
        if len(self.weights) != len(self.retrievers):
            raise ValueError("one weight per retriever")
        self.k_rrf = k_rrf

    def retrieve(self, query: Query, k: int = 20, doc_ids: Collection[str] | None = None) -> list[Hit]:
        scores: dict[str, float] = {}
        for ret, w in zip(self.retrievers, self.weights):
            for h in ret.retrieve(query, k=max(k, 30), doc_ids=doc_ids):
                scores[h.chunk_id] = scores.get(h.chunk_id, 0.0) + w / (self.k_rrf + h.rank)
        ranked = sorted(scores.items(), key=lambda x: -x[1])[:k]
        return [Hit(i, s, self.name, r + 1) for r, (i, s) in enumerate(ranked)]
