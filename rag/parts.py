"""Split a question that asks several things into parts the chain answers one by one.

- several questions in one message: "…省里目标多少？台州呢？" (later parts follow the earlier ones,
  as follow-up turns do);
- several years asked at once: "2025年和2030年分别是多少？" (one part per year);
- several items asked at once with 分别/各: "A和B分别要达到多少？" (one part per item, each keeping
  the region the question names).

All the patterns of the split are here, each with what it catches.

>>> split_parts("一般工业固废综合利用率省里目标多少？台州呢？")
['一般工业固废综合利用率省里目标多少？', '台州呢？']
>>> split_parts("省里非化石能源占比2025年和2030年分别是多少？")
['省里非化石能源占比2025年是多少？', '省里非化石能源占比2030年是多少？']
>>> split_parts("台州城镇污水集中处理率和城区再生水利用率分别要达到多少？", ["台州"])
['台州城镇污水集中处理率要达到多少？', '台州城区再生水利用率要达到多少？']
>>> split_parts("温州市生态文明建设规划的规划期限和基准年分别是什么？")
['温州市生态文明建设规划的规划期限是什么？', '温州市生态文明建设规划的基准年是什么？']
>>> split_parts("城市资源再生利用项目和异位修复中心建设的实施期限分别是？")
['城市资源再生利用项目的实施期限是？', '异位修复中心建设的实施期限是？']
>>> split_parts("温州蓝湾指数现状和2025年规划值分别是多少？", ["温州"])
['温州蓝湾指数现状是多少？', '温州蓝湾指数2025年规划值是多少？']
>>> split_parts("生态文明建设工作占党政实绩考核的比例，省级和国家级参照值分别是多少？")[1]
'生态文明建设工作占党政实绩考核的比例，国家级参照值是多少？'
>>> split_parts("秸秆综合利用那条谁牵头？")
['秸秆综合利用那条谁牵头？']
>>> split_parts("陈应许呢？6月30日他参加了什么？")
['6月30日陈应许参加了什么？']
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.vocab import STANDARD_LEVEL

from .edge_rows import WITHIN
from .question import DOC_NAMED_AFTER_REGION, ITEM_NO, LAST_ITEM

#: a question mark followed by more question: the message holds several questions
QUESTION_END = re.compile(r"(?<=[？?])(?=\s*\S{2,})")
#: "2025年和2030年" / "2025、2030年": two or more years joined
YEARS_JOINED = re.compile(r"((?:19|20)\d\d)\s*年?\s*(?:和|与|及|、|以及)\s*((?:19|20)\d\d)\s*年")
#: "分别 / 各是 / 各自 / 各多少": each of several things is asked
EACH = re.compile(r"分别|各自|各是|各为|各有|各要|各多少|各几")
#: the words joining the items asked ("A和B"); "、" only when no 和/与 joins them ("涂料、油墨" is one item)
#: (not the 与 of 参与 — "红树林的参与单位" —, nor the 及 of 涉及 / 普及 / 危及)
JOIN_STRONG = re.compile(r"和|(?<!参)与|以及|(?<![涉普危])及")
JOIN_WEAK = re.compile(r"、")
#: what a region word goes on with ("省里", "温州这边", "台州方面"): part of the region named, no item
REGION_TAIL = re.compile(r"^(?:里|这边|那边|方面|层面|一级)+")
MIN_ITEM = 4  # a conjunct shorter than this is part of one item's name ("风电光伏"), not an item
MIN_FIELD_ITEM = 3  # ... but with the field asked of each after it, three characters are an item ("红树林的参与单位")
#: the list the items are looked for in, before them ("目标清单里森林覆盖率和红树林…"): each part's too
LIST_WHERE = re.compile(r"^的?[\u4e00-\u9fff]{0,6}?清单(?:里面?|中|内)")
#: the items joined counted before the field asked of them ("森林覆盖率和红树林这两项的参与单位"): no item's words
#: the first of items joined that holds the subject before 在 ("PM2.5浓度在省协同指数和…"), and the last that
#: holds the field asked after 里/中 ("…和台州协同指数里权重"): both shared by every place joined
SUBJECT_IN = re.compile(r"^(?P<subject>[^在]{2,}?在)(?P<place>[^在]{2,})$")
WHERE_FIELD = re.compile(r"(?P<place>[^里中]{2,}?)(?P<field>(?:里|中)[\u4e00-\u9fff]{1,8})")
ITEMS_COUNTED = re.compile(r"(?:这|那)?[两三四](?:项|个|条)(?=的)")
#: "…规划的" before the first item: what the items belong to (up to the last 的)
OWNER = re.compile(r"^.*的")
MIN_OWNED_ITEM = 2  # items of a named owner ("规划期限和基准年") may be short words
#: "A和B的实施期限": the field asked of every item, after the last one (a short word after its last 的)
SHARED_FIELD = re.compile(r"的([\u4e00-\u9fff]{2,6})$")
#: an indicator's value column ("现状", "2025年规划值"): a later item that is only a column asks it of
#: the first item's indicator ("蓝湾指数现状和2025年规划值")
COLUMN = re.compile(r"(?:(?:19|20)\d\d\s*年)?(?:现状值?|规划值|目标值|预期值|参照值)$")
#: "…规划的规划期限和基准年？": two short fields of one named owner ending the question, asked without
#: 分别 — one part per field (an item's name runs longer, or stands before the owner's 的)
OWNED_PAIR = re.compile(r"^(?P<owner>.{2,}?的)(?P<a>[\u4e00-\u9fff]{2,6}?)(?:和|以及)(?P<b>[\u4e00-\u9fff]{2,6}?)"
                        r"(?P<tail>(?:是|为)?(?:什么|多少|哪一?年|几号|哪天)?[？?]?)$")
#: a question word before the 的: the pair is the item asked about, not two fields of an owner
#: ("台州要完成哪些县市区的污水厂建设和改造" asks which counties, of one task)
OWNER_ASKS = re.compile(r"哪|什么|多少|几|谁")
PAIR_SPREAD = 2  # the second field may run this many characters longer than the first ("规划期限和基准年"; 与 is no joiner: 参与)
#: "温州要整治修复多少个沙滩、保护修复多少红树林湿地？": two questions of a number joined by 、 or ， —
#: each side asks its own 多少/几 (not "谁牵头、什么时候完成", one item's fields, which the intents read)
ASK_JOIN = re.compile(r"[、，,]")
NUMBER_ASK = re.compile(r"多少|几(?=[个项家处条座件批种类])")
#: the end of a part asking again what the part before asked ("又是谁", "也是哪年", "呢"), and the asking
#: end of that part ("谁负责", "由谁牵头", "什么时候完成") — the words the second part borrows
ASK_AGAIN = re.compile(r"(?:又|也)(?:是|由|在)?(?:谁|什么|多少|哪[个些里年天]?|几[个项年]?)?[\u4e00-\u9fff]{0,3}$|呢$")
ASK_TAIL = re.compile(r"(?:由|是)?(?:谁|哪[个些几里年天]|什么|多少|几[个项年家条]).*$")
#: what the first question's subject says before its verb, shared by the second ("温州要", "省里需要")
SHARED_SUBJECT = re.compile(r"^(?P<subject>.*?(?:要|需要|将|计划|力争))")
MIN_ASK = 4  # each side holds at least this many characters besides its question word
#: two rows of one list named by their numbers or positions ("政策清单第1项和第3项分别是什么", "第一条和最后一条"):
#: a part each, the list named before them kept in both
ROW_NAMED = rf"(?:{ITEM_NO.pattern}|{LAST_ITEM.pattern})"
#: a row named with its own place and list ("温州目标清单第25项", "省目标清单第27项"): two joined are rows of two
#: lists, a part each with what follows them ("温州目标清单第25项和省目标清单第27项的目标有什么不同")
LISTED_ROW = r"[\u4e00-\u9fff]{0,8}?清单第\s*\d{1,3}\s*[项条]"
LISTED_ROWS_JOINED = re.compile(rf"(?P<a>{LISTED_ROW})\s*(?:和|与|及|以及|、)\s*(?P<b>{LISTED_ROW})")
ROWS_JOINED = re.compile(rf"{ROW_NAMED}(?:\s*(?:和|与|及|以及|、)\s*{ROW_NAMED})+")
#: a range of a list's rows asked of ("温州任务清单第10项到第12项分别谁牵头"): a part per row, when a list is named
#: before it and the range is at most ``MAX_ROWS_SPLIT`` rows (an index's "第27到30项指标怎么计分" is a note's
#: range, read whole by the item-range answerer)
ROW_RANGE = re.compile(r"第\s*(\d{1,3})\s*[项条]\s*(?:到|至|~|～|-|—)\s*第?\s*(\d{1,3})\s*[项条]")
LIST_BEFORE = re.compile(r"清单")
MAX_ROWS_SPLIT = 5
#: "…有几项，第一项是什么" ("…，最后一项是什么"): a part opening with a row number or a row counted from the
#: end, after a part asking about the list
ROW_AFTER = re.compile(rf"^(?:那|其中|而)?(?:{ITEM_NO.pattern}|{LAST_ITEM.pattern})")
#: "…现状多少，目标是什么": after a comma, another value column of the indicator the first side asks one
#: of — two parts, the second going on from the first (one part would give the first column only)
COLUMN_AFTER = re.compile(r"^(?:那|而|其)?(?:现状值?|规划值|目标值?|参照值|预期值)(?:是|为)?(?:多少|什么|几)")
COLUMN_BEFORE = re.compile(r"现状|规划值|目标值?|参照值|预期值")
#: the words that may open a second question before its region ("，那省里…", "，而台州…")
REGION_OPENING = re.compile(r"^(?:那么|那|而|另外)")
#: (the level of a standard, ``STANDARD_LEVEL`` — "省级和国家级创建参照值": items after the first that open
#: with a level are that level's value of the first item's indicator, the last one's column asked of each)
#: "陈应许呢？6月30日他参加了什么？": a part naming only who or what the next part is about, which
#: the next part refers back to by a pronoun — one question, the pronoun standing for the name
TOPIC_ONLY = re.compile(r"^(?:那么?)?([\u4e00-\u9fff]{2,8})呢[？?]$")
PRONOUN = re.compile(r"他们|她们|他|她")


def split_parts(question: str, regions: Sequence[str] = (), people: Sequence[str] = ()) -> list[str]:
    """The parts of ``question`` (the question itself when it asks one thing); ``people``: names the
    documents hold, which are items however short ("程鸿伟和苏志炜分别被免去什么职务").

    >>> split_parts("程鸿伟和苏志炜分别被免去什么职务？", people=["程鸿伟", "苏志炜"])
    ['程鸿伟被免去什么职务？', '苏志炜被免去什么职务？']
    >>> split_parts("省里和台州对清新园区的要求分别是什么", regions=["省", "台州"])
    ['省里和台州对清新园区的要求分别是什么']
    >>> split_parts("PM2.5浓度在省协同指数和台州协同指数里权重分别是多少？", regions=["省", "台州"])
    ['PM2.5浓度在省协同指数里权重是多少？', 'PM2.5浓度在台州协同指数里权重是多少？']
    >>> split_parts("温州目标清单里森林覆盖率和红树林两项的参与单位分别是？", regions=["温州"])
    ['温州目标清单里森林覆盖率的参与单位是？', '温州目标清单里红树林的参与单位是？']
    """
    if not isinstance(question, str):
        raise TypeError("question must be a string")
    parts = _with_topic([p.strip() for p in QUESTION_END.split(question) if p.strip()])
    out: list[str] = []
    for p in parts:
        out += (_split_years(p) or _split_rows(p) or _split_row_range(p) or _split_items(p, regions, people) or _split_owned_pair(p) or _split_asks(p)
                or _split_row_after(p) or _split_column_after(p) or _split_again(p, regions)
                or _split_regions(p, regions) or [p])
    return out


def _split_years(p: str) -> list[str]:
    m = YEARS_JOINED.search(p)
    if not m:
        return []
    years = [m.group(1), m.group(2)]
    rest = p[:m.start()] + "{Y}年" + p[m.end():]
    rest = EACH.sub("", rest, count=1)
    return [rest.replace("{Y}", y) for y in years]


def _split_rows(p: str) -> list[str]:
    """Rows of a list joined (:data:`ROWS_JOINED`; two or more): a part each, with what stands before and after them.

    >>> _split_rows("温州政策清单第1项和第3项分别是什么？")
    ['温州政策清单第1项是什么？', '温州政策清单第3项是什么？']
    >>> _split_rows("目标清单第16项、第20项和第23项有哪些参与单位？")
    ['目标清单第16项有哪些参与单位？', '目标清单第20项有哪些参与单位？', '目标清单第23项有哪些参与单位？']
    >>> _split_rows("温州目标清单第25项和省目标清单第27项的目标有什么不同？")
    ['温州目标清单第25项的目标有什么不同？', '省目标清单第27项的目标有什么不同？']
    >>> _split_rows("台州协同治理清单第一条和最后一条分别是什么？")[1], _split_rows("第1项是什么？")
    ('台州协同治理清单最后一条是什么？', [])
    """
    if m := LISTED_ROWS_JOINED.search(p):  # (rows of two lists, each named with its own)
        head, tail = p[:m.start()], EACH.sub("", p[m.end():], count=1)
        return [head + m.group("a") + tail, head + m.group("b") + tail]
    m = ROWS_JOINED.search(p)
    if not m:
        return []
    head, tail = p[:m.start()], EACH.sub("", p[m.end():], count=1)
    return [head + row.group(0) + tail for row in re.finditer(ROW_NAMED, m.group(0))]


def _split_row_range(p: str) -> list[str]:
    """A range of a named list's rows (:data:`ROW_RANGE`): a part per row, with what stands before and after.

    >>> _split_row_range("温州任务清单第10项到第12项分别谁牵头？")
    ['温州任务清单第10项谁牵头？', '温州任务清单第11项谁牵头？', '温州任务清单第12项谁牵头？']
    >>> _split_row_range("台州协同指数第27到30项指标怎么计分？"), _split_row_range("任务清单第1项到第9项是什么？")
    ([], [])
    >>> _split_row_range("温州任务清单第36项到第39项里哪几项是市电力局牵头的？")
    []
    """
    m = ROW_RANGE.search(p)
    if not m or not LIST_BEFORE.search(p[:m.start()]) or WITHIN.match(p[m.end():]):
        return []  # (none, or "第36项到第39项里哪几项…": the rows are where to look, one question of the range)
    a, b = int(m.group(1)), int(m.group(2))
    if not 0 < b - a < MAX_ROWS_SPLIT:
        return []
    head, tail = p[:m.start()], EACH.sub("", p[m.end():], count=1)
    return [f"{head}第{n}项{tail}" for n in range(a, b + 1)]


def _split_items(p: str, regions: Sequence[str], people: Sequence[str] = ()) -> list[str]:
    m = EACH.search(p)
    if not m:
        return []
    head, tail = p[:m.start()], p[m.end():]
    prefix = ""
    for r in sorted(regions, key=len, reverse=True):
        if r and head.startswith(r):
            prefix, head = r, head[len(r):]
            if t := REGION_TAIL.match(head):  # ("省里和台州…": the region word is 省里, not 省 and an item "里")
                prefix, head = prefix + t.group(0), head[t.end():]
            if d := DOC_NAMED_AFTER_REGION.match(head):  # "温州规划要求湿地率和…": each part asks of 温州's 规划
                prefix, head = prefix + d.group(0), head[d.end():]
            break
    if w := LIST_WHERE.match(head):  # "…目标清单里A和B的…": each part asks within that list
        prefix, head = prefix + w.group(0), head[w.end():]
    joiner = JOIN_STRONG if JOIN_STRONG.search(head) else JOIN_WEAK
    items = [x for x in joiner.split(head) if x]
    if len(items) >= 2:
        items[-1] = ITEMS_COUNTED.sub("", items[-1])
    owner = ""
    if len(items) >= 2 and (s := SUBJECT_IN.match(items[0])) and (f := WHERE_FIELD.fullmatch(items[-1])):
        # "PM2.5浓度在省协同指数和台州协同指数里权重分别是多少": the subject and the field are each part's
        places = [s.group("place"), *items[1:-1], f.group("place")]
        return [f"{prefix}{s.group('subject')}{x}{f.group('field')}{tail}" for x in places]
    if len(items) >= 2 and (lv := _levels(items)):
        # "…考核的比例，省级和国家级参照值": levels of one indicator, whatever 的 its name holds
        return [f"{prefix}{x}{tail}" for x in lv]
    if len(items) >= 2 and OWNER.search(items[0]):
        # "X规划的规划期限和基准年": both belong to X — each part names it, and a short item is an item
        m2 = OWNER.search(items[0])
        owner, items[0] = items[0][:m2.end()], items[0][m2.end():]
        if all(len(x) >= MIN_OWNED_ITEM for x in items):
            return [f"{prefix}{owner}{x}{tail}" for x in items]
        return []
    if len(items) >= 2 and (f := SHARED_FIELD.search(items[-1])) and f.start() >= MIN_FIELD_ITEM:
        # "城市资源再生利用项目和异位修复中心建设的实施期限分别是": the 实施期限 of each
        items = [x + f.group(0) for x in items[:-1]] + [items[-1]]
    if len(items) >= 2 and (c := COLUMN.search(items[0])) and c.start() >= MIN_ITEM:
        name = items[0][:c.start()]
        items = [items[0]] + [name + x if COLUMN.fullmatch(x) else x for x in items[1:]]
    if len(items) < 2 or any(len(x) < MIN_ITEM and x not in people for x in items):
        return []
    return [f"{prefix}{x}{tail}" for x in items]


def _split_asks(p: str) -> list[str]:
    """Two number questions joined by 、 or ， ([] when ``p`` is not that); the second shares the first's
    subject up to its modal verb.

    >>> _split_asks("温州要整治修复多少个沙滩、保护修复多少红树林湿地？")
    ['温州要整治修复多少个沙滩？', '温州要保护修复多少红树林湿地？']
    >>> _split_asks("秸秆综合利用那条谁牵头、什么时候完成？"), _split_asks("涂料、油墨要削减多少？")
    ([], [])
    """
    for left, right in _joined_sides(p):
        if not (NUMBER_ASK.search(left) and NUMBER_ASK.search(right)):
            continue
        if min(len(NUMBER_ASK.sub("", x)) for x in (left, right)) < MIN_ASK:
            continue
        subj = SHARED_SUBJECT.match(left)
        shared = subj.group("subject") if subj and not NUMBER_ASK.search(subj.group("subject")) else ""
        return [left + "？", (shared if not right.startswith(shared) else "") + right + "？"]
    return []


def _split_row_after(p: str) -> list[str]:
    """A question, then after a comma a row of what it asked about named by its number ("政策清单有几项，
    第一项是什么？"): two parts, the second going on from the first as a follow-up does ([] when ``p`` is
    not that).

    >>> _split_row_after("温州方案的政策清单有几项，第一项是什么？")
    ['温州方案的政策清单有几项？', '第一项是什么？']
    >>> _split_row_after("台州协同能力清单一共几项，最后一项是什么？")
    ['台州协同能力清单一共几项？', '最后一项是什么？']
    >>> _split_row_after("温州方案里，第一项是什么？"), _split_row_after("政策清单第一项是什么？")
    ([], [])
    """
    return next(([left + "？", right + "？"] for left, right in _joined_sides(p)
                 if ROW_AFTER.match(right) and OWNER_ASKS.search(left) and OWNER_ASKS.search(right)), [])


def _split_column_after(p: str) -> list[str]:
    """An indicator's value column asked, then after a comma another of its columns ("…现状多少，目标是
    什么？"): two parts, the second going on from the first ([] when ``p`` is not that).

    >>> _split_column_after("温州自然岸线保有率现状多少，目标是什么？")
    ['温州自然岸线保有率现状多少？', '目标是什么？']
    >>> _split_column_after("目标是什么，谁牵头？")
    []
    """
    return next(([left + "？", right + "？"] for left, right in _joined_sides(p)
                 if COLUMN_AFTER.match(right) and COLUMN_BEFORE.search(left) and OWNER_ASKS.search(left)), [])


def _joined_sides(p: str) -> list[tuple[str, str]]:
    """The two sides of ``p`` (its question mark dropped) at each 、 or ， that may join two questions.

    >>> _joined_sides("A多少、B多少？")
    [('A多少', 'B多少')]
    """
    body = p.rstrip("？?")
    return [(body[:m.start()], body[m.end():]) for m in ASK_JOIN.finditer(body)]


def _split_again(p: str, regions: Sequence[str] = ()) -> list[str]:
    """The same thing asked of a second item after a comma ("…谁负责，碳效综合评价又是谁？", "…谁牵头，沼气发电呢？"):
    the second part asks it in the first one's words, of its own region ([] when ``p`` is not that).

    >>> _split_again("台州工业企业碳账户评价体系谁负责，碳效综合评价又是谁？", ["台州"])
    ['台州工业企业碳账户评价体系谁负责？', '台州碳效综合评价谁负责？']
    >>> _split_again("秸秆综合利用谁牵头，温州呢？", ["温州"]), _split_again("秸秆综合利用谁牵头，什么时候完成？")
    ([], [])
    """
    body = p.rstrip("？?")
    m = ASK_JOIN.search(body)
    if m is None:
        return []
    left, right = body[:m.start()], body[m.end():]
    again, ask = ASK_AGAIN.search(right), ASK_TAIL.search(left)
    if again is None or ask is None:
        return []
    item, first = right[:again.start()], left[:ask.start()]
    if min(len(item), len(first)) < 2 or ASK_TAIL.search(item) or item in regions:
        return []
    region = next((w for w in regions if first.startswith(w) and w not in item), "")
    return [left + "？", region + item + ask.group(0) + "？"]


def _split_regions(p: str, regions: Sequence[str] = ()) -> list[str]:
    """Two whole questions after a comma, the second opening with a region of its own ("台州…谁牵头，省里…目标
    多少？"): each is its own part, asked of its own region ([] when ``p`` is not that).

    >>> _split_regions("台州活性炭再生工程谁牵头，省里活性炭再生处置规模目标多少？", ["台州", "省"])
    ['台州活性炭再生工程谁牵头？', '省里活性炭再生处置规模目标多少？']
    >>> _split_regions("秸秆综合利用谁牵头，温州呢？", ["温州"]), _split_regions("秸秆综合利用谁牵头，什么时候完成？", [])
    ([], [])
    """
    body = p.rstrip("？?")
    for m in ASK_JOIN.finditer(body):
        left, right = body[:m.start()], REGION_OPENING.sub("", body[m.end():])
        if not any(w and right.startswith(w) for w in regions):
            continue
        asks = [ASK_TAIL.search(x) for x in (left, right)]
        if all(a is not None and a.start() >= MIN_ASK for a in asks):
            return [left + "？", right + "？"]
    return []


def _split_owned_pair(p: str) -> list[str]:
    """Two fields of one owner asked together without 分别 (none when ``p`` is not that).

    >>> _split_owned_pair("温州规划的规划期限和基准年？")
    ['温州规划的规划期限？', '温州规划的基准年？']
    >>> _split_owned_pair("水环境治理和温室气体减排协同是什么？")
    []
    >>> _split_owned_pair("省里的风电和光伏装机目标是多少？")
    []
    >>> _split_owned_pair("台州要完成哪些县市区的污水厂建设和改造？")
    []
    """
    m = OWNED_PAIR.match(p)
    if not m or OWNER.search(m.group("a")) or OWNER_ASKS.search(m.group("owner")) or len(m.group("b")) - len(m.group("a")) > PAIR_SPREAD:
        return []  # a short first word before a long second shares its tail ("风电和光伏装机目标")
    return [m.group("owner") + m.group(k) + m.group("tail") for k in ("a", "b")]


def _levels(items: list[str]) -> list[str]:
    """Items naming levels of one indicator's standard, each with the indicator and the column asked
    (none when the items are not that).

    >>> _levels(["城镇新建绿色建筑比例省级", "国家级创建参照值"])
    ['城镇新建绿色建筑比例省级创建参照值', '城镇新建绿色建筑比例国家级创建参照值']
    >>> _levels(["省级园区", "国家级园区"])
    []
    """
    first = re.search(f"(?:{STANDARD_LEVEL.pattern})$", items[0])
    rest = [STANDARD_LEVEL.match(x) for x in items[1:]]
    if not first or first.start() < MIN_ITEM or not all(rest):
        return []
    name, column = items[0][:first.start()], items[-1][rest[-1].end():]
    return [name + first.group(0) + column] + [name + x + ("" if x[m.end():] else column) for x, m in zip(items[1:], rest)]


def _with_topic(parts: list[str]) -> list[str]:
    """Each topic-only part ("陈应许呢？") joined into the next part when that one refers to it by a pronoun."""
    out: list[str] = []
    k = 0
    while k < len(parts):
        m = TOPIC_ONLY.match(parts[k])
        if m and k + 1 < len(parts) and PRONOUN.search(parts[k + 1]):
            out.append(PRONOUN.sub(m.group(1), parts[k + 1], count=1))
            k += 2
            continue
        out.append(parts[k])
        k += 1
    return out
