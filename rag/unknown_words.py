"""Item words the documents never use: "火星基地建设谁牵头？" asks about 火星, which no document mentions,
so a row about some other 基地建设 does not answer it.

A word counts when jieba tags it a common noun (``n``: place and person tags and the fragments
jieba makes at word joins — "指数中县", "诸湾要" — are other tags), it has two or more characters,
it occurs nowhere in the loaded documents (punctuation ignored), it is a word of jieba's dictionary
(not a join its HMM made of two words' ends, "考核时用前" → 时用), it is no question or intent word,
and it does not name the kind of answer asked ("哪些日子", "谁被任命", "主办单位是谁": a noun a
question word points at is what the answer is, not the item asked about).

Usage::

    uw = UnknownWords(corpus_text, tokenizer)
    uw.run("火星基地建设谁牵头？")   # ['火星']
    uw.run("轨道交通M3线什么时候建成？")   # ['M3']: a code no document writes
    uw.run("对垃圾焚烧二噁英排放有什么要求？")   # ['二噁英']: 噁 is in no document
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

from .answer_type import PLACE_KINDS
from .question import PREAMBLE

#: question and intent words are never item words (checked as whole tokens; so is the opening a question
#: points at, ``question.PREAMBLE``: "前言里说…" asks where to read)
QUESTION_WORDS = re.compile(r"多少|哪一?年|哪天|几[个家处条项类种批期大]?|第几个?|什么样?|怎么样?|有没有|分值|权重|一共|总共"
                            r"|目标|要求|期限|时限|日期|文号|单位|部门|数量|情况|内容|规定"
                            r"|计分|评分|打分|赋分|算分"  # how an index scores ("怎么计分"), as 分值 asks its total
                            r"|任命|任免|任职|免职"  # a post asked ("任命了哪些副局长"): notices write "…任…副局长"
                            r"|号码"  # "传真号码", "电话号码": the number asked, no item
                            r"|[两二三四五六七八九十几]?件事情?")  # "涉及哪两件事": the things asked, counted
#: a question word right before the noun: the noun is the kind of answer ("哪些日子"); after 被 it is
#: the passive's verb, which jieba tags a noun ("林国锋被任命为…", "谁被任命"), not an item; after 多大 /
#: 多少 it is the measure asked ("多大功率以上" → "56千瓦以上")
#: — also where the chain blanked the question word ("多大功率以上" reaches this check as "  功率以上")
KIND_BEFORE = re.compile(r"(哪些|哪个|哪几个|哪几|哪几?位|什么|哪种|哪类|几个|谁|被|多大|多少|\s{2,})$")
#: ... or right after it ("主办单位是谁")
KIND_AFTER = re.compile(r"^(是谁|是什么|是哪|有哪些|有什么)")
NOUN_TAGS = ("n",)
#: codes written in Latin letters: a letter-and-digit code ("M3线", "S2", "G60") or an upper-case
#: abbreviation ("LNG", "COD"); one no document writes names an item the documents do not have
CODE = re.compile(r"(?<![A-Za-z0-9.])(?:[A-Za-z]+[0-9][A-Za-z0-9.]*|[A-Z]{2,}[a-z]?)(?![A-Za-z0-9])")

#: a locative after a word the documents write ("重点工程表里" → 表 + 里, which jieba joins into the noun
#: 表里): where the item is, no item of its own
LOCATIVE = re.compile(r"^(?P<stem>[\u4e00-\u9fff]+)[里中内上]$")
#: ... and a class word after one ("产业科技类的试点" → 科技 + 类, which jieba joins into 科技类): the kind of
#: entries a list groups under the word, no item of its own
CLASS_SUFFIX = re.compile(r"^(?P<stem>[\u4e00-\u9fff]{2,})类$")
SINGLE_CJK = re.compile(r"[\u4e00-\u9fff]")

#: characters of asking and of talk that policy texts never write ("谁的", "咋办", "您", the 几 of "几大", the 那
#: of "固废那一部分" pointing at a part): never a strange item
ASK_CHARS = set("谁哪几吗呢吧啊呀么啥咋嘛您咱俺嗯哦那")

#: characters of the question each side of a word looked up with it ("污染" + "天气…")
CONTEXT = 2

_POS_LOCK = threading.Lock()


class UnknownWords:
    """Common nouns of a question that no loaded document contains."""

    def __init__(self, texts: Iterable[str], tokenizer: Any) -> None:
        self.corpus = "".join(re.sub(r"[^\w]", "", t) for t in texts)
        self._corpus_lower = self.corpus.lower()
        self._chars = set(self.corpus)
        self._known = getattr(tokenizer, "FREQ", None)  # the dictionary's words (None: no dictionary to ask)
        if not self.corpus:
            raise ValueError("no document text")
        import jieba.posseg

        with _POS_LOCK:
            self._pos = jieba.posseg.POSTokenizer(tokenizer=tokenizer)

    def strange(self, tokens: list[str]) -> list[str]:
        """Tokens holding a character no document writes; jieba cuts a word it does not know into
        single characters ("二噁英" → 二 / 噁 / 英), so a run of those is one word."""
        out, i = [], 0
        while i < len(tokens):
            j = i + 1
            if SINGLE_CJK.fullmatch(tokens[i]):
                while j < len(tokens) and SINGLE_CJK.fullmatch(tokens[j]):
                    j += 1
            word = "".join(tokens[i:j])
            if j - i >= 2 and any(ch not in self._chars and ch not in ASK_CHARS for ch in word):
                out.append(word)  # (a word jieba knows — 什么, 那条 — is its own token, never such a run)
            i = j
        return out

    def run(self, question: str, skip: Iterable[str] = ()) -> list[str]:
        """The unknown item nouns of ``question`` (``skip``: words already handled, e.g. places)."""
        if not isinstance(question, str):
            raise TypeError("question must be a string")
        skip = [s for s in skip if s]
        out: list[str] = [c for c in dict.fromkeys(m.group(0) for m in CODE.finditer(question))
                          if re.sub(r"[^\w]", "", c).lower() not in self._corpus_lower and not any(c in s for s in skip)]
        at = 0
        with _POS_LOCK:
            pairs = [(w.word, w.flag) for w in self._pos.cut(question)]
        out += [w for w in self.strange([w for w, _ in pairs]) if not any(w in s for s in skip)]
        for word, flag in pairs:
            start = question.find(word, at)
            at = start + len(word) if start >= 0 else at
            if (len(word) < 2 or flag not in NOUN_TAGS or not re.fullmatch(r"[\u4e00-\u9fff]+", word)
                    or word in self.corpus or QUESTION_WORDS.fullmatch(word) or PREAMBLE.fullmatch(word) or any(word in s or s in word for s in skip)):
                continue
            if start >= 0 and (KIND_BEFORE.search(question[:start]) or KIND_AFTER.match(question[start + len(word):])):
                continue
            if PLACE_KINDS.fullmatch(word):
                continue  # kinds of places ("多少个市镇"): what the answer counts (the documents write "1市10镇")
            if (m := LOCATIVE.match(word) or CLASS_SUFFIX.match(word)) and m.group("stem") in self.corpus:
                continue
            if self._known is not None and not self._known.get(word):
                continue  # a join the HMM made of two words' ends ("考核时用前" → 时用), no word of the dictionary
            if start >= 0 and self.written_across(question, start, start + len(word)):
                continue
            out.append(word)
        return out

    def written_across(self, question: str, start: int, end: int) -> bool:
        """Whether the word at ``question[start:end]`` is where two written phrases meet: its start runs
        on from the words before it and its end into the words after it as the documents write them
        ("污染天气预报准确率": "污染天气" and "预报准确率" are written, "天气预报" is not).

        >>> uw = UnknownWords(["研究建立轻、中度污染天气应对机制，进一步提升预报准确率。"], None)
        >>> uw.written_across("如何提升污染天气预报准确率？", 6, 10), uw.written_across("火星基地建设谁牵头？", 0, 2)
        (True, False)
        """
        word = question[start:end]
        for k in range(1, len(word)):
            left = re.sub(r"[^\w]", "", question[max(0, start - CONTEXT):start]) + word[:k]
            right = word[k:] + re.sub(r"[^\w]", "", question[end:end + CONTEXT])
            if len(left) > k and len(right) > len(word) - k and min(len(left), len(right)) >= 3 and left in self.corpus and right in self.corpus:
                return True
        return False
