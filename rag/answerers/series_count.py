"""How many things a sentence enumerates, when a count of them is asked and no number in the text states
it ("台州指数季度考核时有几个指标用前一年度数据替代？" → the note "指标9、指标10、…和指标31，因季度数据
获取困难，季度考核评价时采用前一年度指标数据替代": 9, each named, the note quoted).

The sentence is the one the passage answerer gives for the same question asking which ("有哪些指标用…");
its series is counted only when every member names the counted thing ("指标9", "指标10" for 指标) and
nothing says the series goes on ("…等行业": 等 leaves the count open). Otherwise this answerer stands
aside and the passage answerer's own count rules decide.

Usage::

    sc = SeriesCountAnswerer(passage)
    draft = sc.run(Ask("台州指数季度考核时有几个指标用前一年度数据替代？", query, ["tz-pilot"]))
    # → "…列出的指标共9个：指标9、指标10、…、指标31[1]。\n根据《…》“附件2”部分：“备注说明：…”[1]。"
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..answer_type import asks_a_count, counts_it, expected_type
from .base import Answerer, Ask, Draft
from .passage import quote_sentences

#: a count asked of the thing named right after it ("有几个指标", "一共多少项措施"): the count words, and the
#: thing's first two characters (the head a member shares: 指标 of "指标9", 园区 of "化工园区")
COUNT_OF = re.compile(r"(?:一共|总共|共)?有?(?:几|多少)\s*[个项条家座处类种]\s*(?=(?P<noun>[\u4e00-\u9fff]{2}))")
#: a series in one clause: members parted by 、 with 和/及/以及/与 before the last ("指标9、指标10…和指标31")
SERIES = re.compile(r"[^，,。；;：:、（）()]+(?:、[^，,。；;：:、（）()]+)+(?:以及|和|及|与)[^，,。；;：:、（）()]+")
#: what parts the members (以及 before 及: "以及指标31" is one member's opening, not "以" + "及")
MEMBER_SEP = re.compile(r"、|以及|和|及|与")
#: the series goes on beyond what it names ("…和电镀等行业", "…和电镀行业等"): its size is no count of them
#: (not the 等 of 等级, 平等 …)
OPEN_END = re.compile(r"(?<!平|对|均|相)等(?!级|同|待|候|效|于)")
#: a series counted has at least this many members (two named are read by anyone; a count adds nothing)
MIN_MEMBERS = 3


def series_members(text: str, noun: str) -> list[str]:
    """The members of the first series of ``text`` each of which names ``noun``, when nothing says it
    goes on; [] otherwise.

    >>> series_members("备注说明：指标9、指标10、指标11和指标31，因季度数据获取困难，…", "指标")
    ['指标9', '指标10', '指标11', '指标31']
    >>> series_members("指标27、指标28、指标29和指标30采用各年度累计得分。", "指标")
    ['指标27', '指标28', '指标29', '指标30']
    >>> series_members("聚焦造纸行业、印染行业和电镀行业等行业", "行业")
    []
    """
    flat = re.sub(r"\s+", "", text)
    numbered = re.compile(re.escape(noun) + r"[\dA-Za-z]+")  # ("指标9": members named by a number)
    for m in SERIES.finditer(flat):
        members = [x for x in MEMBER_SEP.split(m.group(0)) if x]
        if OPEN_END.search(members[-1]) or OPEN_END.match(flat[m.end():]):
            continue
        if all(numbered.fullmatch(x) for x in members[:-1]) and (last := numbered.match(members[-1])):
            members[-1] = last.group(0)  # ("…和指标30采用各年度累计得分": the last member is its number)
        elif all(x.endswith(noun) for x in members[:-1]) and noun in members[-1]:
            members[-1] = members[-1][:members[-1].index(noun) + len(noun)]  # ("…和电镀园区纳入": ends as the others)
        elif len(members[-1]) > 2 * max(len(x) for x in members[:-1]):
            continue  # the last member runs on into what the sentence says of them: where it ends is unsure
        if len(members) >= MIN_MEMBERS and all(noun in x for x in members):
            return members
    return []


class SeriesCountAnswerer(Answerer):
    """Counts the members of the series the passage answerer's sentence for "which …" enumerates."""

    name = "series_count"

    def __init__(self, passage: object) -> None:
        if not hasattr(passage, "candidates"):
            raise TypeError("passage must be the chain's PassageAnswerer")
        self.passage = passage

    def run(self, ask: Ask) -> Draft | None:
        if not isinstance(ask, Ask):
            raise TypeError("ask must be an Ask")
        m = COUNT_OF.search(ask.question)
        if not m or not asks_a_count(ask.question) or ask.query.item_no:
            return None
        noun = m.group("noun")
        which = replace(ask, question=ask.question[:m.start()] + "哪些" + ask.question[m.end():])
        if expected_type(which.question) == "number":
            return None  # (another count or amount is still asked: "…有几个指标，权重多少")
        cands = self.passage.candidates(which)
        if not cands:
            return None
        top = cands[0][0]
        counted = [(s, members) for sc, s in cands if sc >= top - 1e-9 and (members := series_members(s.text, noun))]
        if len(counted) != 1:
            return None  # none, or two sentences enumerating alike: the passage answerer's to say
        s, members = counted[0]
        if counts_it(s.text, noun):
            return None  # the sentence states the count itself ("…和温岭东部诸湾3个美丽海湾"): the passage's
        draft = quote_sentences(self.passage.res, self.name, 1.0, [s], ask.query.prose or ask.query.content,
                                self.passage.config.list_quote_chars)
        return replace(draft, text=f"{draft.text}\n其中列出的{noun}共{len(members)}个：{'、'.join(members)}[1]。")
