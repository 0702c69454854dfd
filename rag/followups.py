"""Follow-ups that point into the previous answer's numbered entries ("里面第一条是什么？").

A section answer lists a part's sub-headings as numbered lines ("1. （十一）建设全域“无废城市”[2]"). A
follow-up asking for the N-th of them is the question of that entry in that answer's document:

>>> prev = "根据《温州市减污降碳协同增效实施方案》“五、推进固体废物污染防治协同控制”[1]部分，共2项：\\n1. （十一）建设全域“无废城市”[2]\\n2. （十二）强化固体废物综合利用[3]"
>>> with_entry_pointed_to("里面第二条讲了什么？", prev)
'《温州市减污降碳协同增效实施方案》（十二）强化固体废物综合利用讲了什么？'
>>> with_entry_pointed_to("第三条呢？", prev)  # no third entry: the question goes on as it is
'第三条呢？'
>>> with_entry_pointed_to("第二部分呢？", prev, ["温州方案第五部分讲什么？"])  # a sibling of the part asked
'第二部分呢？'
>>> with_entry_pointed_to("第一条呢？", prev, ["…包括哪几条？", "第二条讲了什么？"])  # the same listing, pointed into again
'《温州市减污降碳协同增效实施方案》（十一）建设全域“无废城市”讲了什么？'
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ingest.values import numeral_value

from .question import ANSWER_ROW, answer_rows

#: a follow-up asking only for the N-th entry of what was just listed ("里面第一条是什么", "第2项呢",
#: "其中第三个讲的啥"); a question with words of its own ("第3项谁牵头") is no such pointer
ORDINAL_NO = r"第\s*(?P<n>\d{1,2}|[一二三四五六七八九十两]{1,3})\s*"  # "第三", "第 2"
ORDINAL_ASKED = re.compile(
    r"^(?:那么?)?(?:这|那)?(?:里面|其中|里头|上面|这里)?的?" + ORDINAL_NO + r"(?P<counter>条|项|个|点|部分|方面)"
    r"的?(?:是什么|是啥|讲的?是?什么|讲了?什么|说了?什么|讲的?啥|具体(?:是什么|内容)?|内容(?:是什么)?|呢)*\s*[？?。]?\s*$")
#: a follow-up naming the N-th of the documents just listed and asking something of it ("第二个文件是哪天
#: 印发的？", "其中第一份的文号呢？"): the document's quoted title stands for the pointer
DOCUMENT_POINTED = re.compile(r"^(?:那么?)?(?:其中|里面)?的?" + ORDINAL_NO + r"(?:个|份|件)(?:文件|通知|决定)?的?")
#: a numbered line of an answer ("2. （十二）强化固体废物综合利用[3]"), its citation marks aside
ENTRY_LINE = re.compile(r"^(?P<n>\d{1,2})\.\s*(?P<entry>.+?)(?:\[\d+\])*\s*$", re.M)
#: the document an answer speaks of, named in 《》 before its numbered lines
DOC_NAMED = re.compile(r"《([^》]{4,80})》")


def _ordinal(m: re.Match[str]) -> int:
    """The number an ``ORDINAL_NO`` match says, in digits or Chinese numerals ("第2" → 2, "第三" → 3)."""
    return numeral_value(m.group("n"))


def with_entry_pointed_to(question: str, previous_answer: str, earlier_questions: Sequence[str] = ()) -> str:
    """``question`` rewritten as the question of the entry it points to in ``previous_answer`` (its N-th
    numbered line, in the document that answer names); unchanged when it points to none, when the entries
    are rows of several documents (a line naming a document of its own), or when the last question
    (``earlier_questions[-1]``) named a part by its number with the same counting word ("第三部分讲什么" →
    "第四部分呢": the next part, not the fourth entry of the third)."""
    if not isinstance(question, str) or not isinstance(previous_answer, str):
        raise TypeError("question and previous_answer must be strings")
    m = ORDINAL_ASKED.match(question.strip())
    if not m or not previous_answer:
        return question
    counter = m.group("counter")
    if (earlier_questions and re.search(ORDINAL_NO + counter, earlier_questions[-1])
            and not ORDINAL_ASKED.match(earlier_questions[-1].strip())
            and not DOCUMENT_POINTED.match(earlier_questions[-1].strip())):
        return question  # (the last question pointing into a listing too, "第二条讲什么": this one points there)
    n = _ordinal(m)
    entries = {int(e.group("n")): e for e in ENTRY_LINE.finditer(previous_answer)}
    entry = entries.get(n)
    if entry is None or "《" in entry.group("entry"):
        return question
    titles = DOC_NAMED.findall(previous_answer[:entry.start()])
    if not titles:
        return question
    return f"《{titles[-1]}》{entry.group('entry').strip()}讲了什么？"


def with_document_pointed_to(question: str, previous_answer: str) -> str:
    """``question`` with its pointer at the N-th document ``previous_answer`` lists ("第二个文件") replaced
    by that document's quoted title — the entry's opening “…” —; unchanged when it points at no such
    entry or asks nothing besides (:func:`with_entry_pointed_to` takes that).

    >>> prev = "根据《某公报》，其中载有文号的文件共2项：\\n1. “甲市关于某事的决定”（甲〔2023〕1号）[1]\\n2. “乙市关于某事的通知”（乙〔2023〕2号）[2]"
    >>> with_document_pointed_to("第二个文件是哪天印发的？", prev), with_document_pointed_to("第三个文件呢？", prev)
    ('“乙市关于某事的通知”是哪天印发的？', '第三个文件呢？')
    """
    if not isinstance(question, str) or not isinstance(previous_answer, str):
        raise TypeError("question and previous_answer must be strings")
    q = question.strip()
    m = DOCUMENT_POINTED.match(q)
    if not m or ORDINAL_ASKED.match(q) or not q[m.end():].strip("？?。 呢"):
        return question
    n = _ordinal(m)
    entry = {int(e.group("n")): e for e in ENTRY_LINE.finditer(previous_answer)}.get(n)
    title = re.match(r"“[^”]{4,}”", entry.group("entry").strip()) if entry else None
    return title.group(0) + q[m.end():] if title else question


#: rows an answer lists inline by their numbers ("其下共2项：第22项“VOC源头替代完成比例”（2）、第23项“…”")
INLINE_ROWS = re.compile(r"共\d+项[：:]\s*(?P<rows>第\d+项“.+)")
INLINE_ROW_NO = re.compile(r"第(\d+)项“")
#: a question opening by pointing at the N-th of such rows by its place ("第一个指标的数据谁提供？"); an
#: ordinal inside a question of its own ("省方案第一项任务是什么") is no pointer into the last answer
PLACE_POINTED = re.compile(r"^\s*(?:那么?)?(?:其中|里面|这里)?的?" + ORDINAL_NO + r"(?P<counter>个|项|条)")
#: ... or at the last, or the N-th from the last, of them ("最后一个的参与单位是谁？", "倒数第二个呢？")
FROM_END_POINTED = re.compile(r"^\s*(?:那么?)?(?:其中|里面|这里)?的?(?:最后(?:一|那)?个|倒数" + ORDINAL_NO + r"个)")


def rows_listed(previous_answer: str) -> list[str]:
    """The rows ``previous_answer`` lists, in its order: those listed inline by number after "共N项：" (as
    "第22项"), else those it gives one a line, each as the row compose labels ("《…》目标清单第16项") —
    empty when it lists fewer than two so.

    >>> rows_listed("共2项：\\n《甲方案》目标清单第16项“…”[1]。\\n《甲方案》目标清单第23项“…”[2]。")
    ['《甲方案》目标清单第16项', '《甲方案》目标清单第23项']
    """
    inline = INLINE_ROWS.search(previous_answer)
    if inline:
        return [f"第{n}项" for n in INLINE_ROW_NO.findall(inline.group("rows"))]
    rows: list[str] = []
    for line in previous_answer.splitlines():
        m = ANSWER_ROW.search(re.sub(r"\s", "", line))
        if m and (ref := f"《{m.group(1)}》{m.group(2)}第{m.group(3)}项") not in rows:
            rows.append(ref)
    return rows if len(rows) >= 2 else []


def with_listed_row_pointed_to(question: str, previous_answer: str) -> str:
    """``question`` with its place pointer ("第N个", "最后一个", "倒数第N个") replaced by the N-th row
    ``previous_answer`` lists (:func:`rows_listed`: "其下共2项：第22项“…”、第23项“…”" → "第一个指标的数据谁
    提供" asks 第22项, not the list's row 1; rows one a line → that row with its document and list);
    unchanged when the answer lists no rows so, has fewer, or lists the number the question says itself
    (it is that row's own number then), and — rows one a line, where "第2项" names a list's row — when the
    pointer counts by 项 or 条.

    >>> prev = "二级指标“大气协同治理”：分值为4；其下共2项：第22项“VOC源头替代完成比例”（2）、第23项“低效VOCs治理设施升级改造完成比例”（2）[1]。"
    >>> with_listed_row_pointed_to("第一个指标的数据谁提供？", prev), with_listed_row_pointed_to("第23项呢？", prev)
    ('第22项指标的数据谁提供？', '第23项呢？')
    >>> with_listed_row_pointed_to("省方案第一项任务是什么？", prev), with_listed_row_pointed_to("最后一个呢？", prev)
    ('省方案第一项任务是什么？', '第23项呢？')
    """
    if not isinstance(question, str) or not isinstance(previous_answer, str):
        raise TypeError("question and previous_answer must be strings")
    rows = rows_listed(previous_answer)
    m = PLACE_POINTED.search(question) or FROM_END_POINTED.search(question)
    if not rows or not m:
        return question
    n = _ordinal(m) if m.groupdict().get("n") else 1
    inline = rows[0].startswith("第")
    if (not n or n > len(rows) or (m.re is PLACE_POINTED and (f"第{n}项" in rows if inline else m.group("counter") != "个"))):
        return question
    row = rows[n - 1] if m.re is PLACE_POINTED else rows[-n]
    return question[:m.start()] + row + question[m.end():]


#: a follow-up opening by pointing at the rows just answered together ("这两项的完成时限各是哪年？", "这几项分别
#:谁牵头？", "那三条呢？"): the rows stand for the pointer
ROWS_POINTED = re.compile(r"^\s*(?:那么?)?(?:这|那|上面|上述)(?:两|二|三|四|五|几)(?:项|条|个)(?:任务|目标|条目|指标)?的?")


def with_rows_pointed_to(question: str, previous_answer: str) -> str:
    """``question`` with its pointer at the rows just answered ("这两项") replaced by those rows, as the
    answer labels them ("《甲》目标清单第3项和第7项" — one document and list named once); unchanged when it
    points at none, or the answer quotes fewer than two rows or a number of them other than the one said.

    >>> prev = "（1）…\\n根据《甲》目标清单第3项“…”：…\\n（2）…\\n根据《甲》目标清单第7项“…”：…"
    >>> with_rows_pointed_to("这两项的完成时限各是哪年？", prev), with_rows_pointed_to("这三项呢？", prev)
    ('《甲》目标清单第3项和第7项的完成时限各是哪年？', '这三项呢？')
    """
    if not isinstance(question, str) or not isinstance(previous_answer, str):
        raise TypeError("question and previous_answer must be strings")
    m = ROWS_POINTED.match(question)
    rows = answer_rows(previous_answer)
    if not m or len(rows) < 2:
        return question
    said = re.search(r"两|二|三|四|五", m.group(0))
    if said and numeral_value("二" if said.group(0) == "两" else said.group(0)) != len(rows):
        return question
    if len({(t, l) for t, l, _ in rows}) == 1:
        title, list_name, _ = rows[0]
        named = f"《{title}》{list_name}" + _joined([f"第{n}项" for _, _, n in rows])
    else:
        named = _joined([f"《{t}》{l}第{n}项" for t, l, n in rows])
    rest = question[m.end():]
    return named + ("的" if rest and not rest.startswith(("呢", "分别", "各", "都", "谁", "是", "什么", "有")) else "") + rest


def _joined(names: list[str]) -> str:
    """Names joined as a question writes them: "甲和乙", "甲、乙和丙"."""
    return "、".join(names[:-1]) + "和" + names[-1] if len(names) > 1 else "".join(names)


def listing_pointed_into(questions: Sequence[str], answers: Sequence[str]) -> str:
    """The answer an ordinal follow-up points into: the last answer, or — when the turns since were
    ordinal follow-ups themselves, answered without numbered entries — the listing they pointed into
    ("温州方案基本原则有哪几条？" → "第二条具体讲什么？" → "第四条呢？": the fourth principle).
    ``questions`` and ``answers`` are the earlier turns', oldest first; unpaired, the last answer.

    >>> listing_pointed_into(["有哪几条？", "第二条讲什么？"], ["共2项：\\n1. 甲[1]\\n2. 乙[2]", "乙讲的是…"])
    '共2项：\\n1. 甲[1]\\n2. 乙[2]'
    >>> listing_pointed_into(["有哪几条？", "乙是谁牵头？"], ["共2项：\\n1. 甲[1]\\n2. 乙[2]", "乙讲的是…"])
    '乙讲的是…'
    """
    if not answers:
        return ""
    k = len(answers) - 1
    if len(questions) == len(answers):
        while (k > 0 and not ENTRY_LINE.search(answers[k])
               and (ORDINAL_ASKED.match(questions[k].strip()) or DOCUMENT_POINTED.match(questions[k].strip()))):
            k -= 1
    return answers[k]


#: a follow-up asking what else the unit just named leads or joins ("它还牵头了哪项？", "这个部门还负责哪些？"):
#: the pronoun stands for the one lead the last answer gave
UNIT_POINTER = re.compile(r"^\s*(?:那么?)?(?:它|该单位|该部门|这个单位|这个部门|这家单位|这个局)(?:还|另外还?|又|一共|总共)?"
                          r"(?P<rest>(?:牵头|负责|参与)[^？?。]*[？?。]?)\s*$")
#: the one lead (or the one unit of a list's single column of who answers) a row answer gives
LEAD_GIVEN = re.compile(r"(?:牵头单位|责任单位)为(?P<unit>[^，。；、\[（(]{3,20})(?=[\[。；，]|$)")


#: ... or at the several units it gave ("这两个单位还一起牵头了哪项？", "它们还共同负责哪些？")
UNITS_POINTER = re.compile(r"^\s*(?:那么?)?(?:这|那)(?:两|几|三|些)个?(?:单位|部门)|^\s*(?:那么?)?它们")
#: the leads (or the single column of who answers) a row answer gives, several joined by 、
LEADS_GIVEN = re.compile(r"(?:牵头单位|责任单位)为(?P<units>[^，。；\[（(]{3,80}?)(?=[\[。；，]|$)")


def with_unit_pointed_to(question: str, previous_answer: str, unit_forms: Mapping[str, str]) -> str:
    """``question`` with its pronoun replaced by the one unit ``previous_answer`` gives as a row's lead, in
    that answer's document ("它还牵头了哪项？" after "…第35项…：牵头单位为市电力局" → "《…》里市电力局牵头了哪项？");
    unchanged when the answer gives no lead, several, or one no list names (``unit_forms``: the units' forms);
    a pointer at several ("这两个单位") names all the leads of the one row given, each one a list names.

    >>> prev = "根据《温州市减污降碳协同增效实施方案》任务清单第35项“探索进行电力数据碳核算…”：牵头单位为市电力局[1]。"
    >>> with_unit_pointed_to("它还牵头了哪项？", prev, {"市电力局": "市电力局"})
    '《温州市减污降碳协同增效实施方案》里市电力局牵头了哪项？'
    >>> with_unit_pointed_to("它还牵头了哪项？", prev.replace("市电力局", "市电力局、市经信局"), {"市电力局": "k"})
    '它还牵头了哪项？'
    >>> with_unit_pointed_to("这两个单位还一起牵头了哪项？", prev.replace("市电力局", "市电力局、市经信局"),
    ...                      {"市电力局": "a", "市经信局": "b"})
    '《温州市减污降碳协同增效实施方案》里市电力局和市经信局还一起牵头了哪项？'
    """
    if not isinstance(question, str) or not isinstance(previous_answer, str):
        raise TypeError("question and previous_answer must be strings")
    doc = DOC_NAMED.search(previous_answer)
    if (many := UNITS_POINTER.match(question)) and doc is not None:
        given = [g.split("、") for g in LEADS_GIVEN.findall(previous_answer)]
        if len(given) == 1 and len(given[0]) >= 2 and all(u in unit_forms for u in given[0]):
            # "这两个单位还一起牵头了哪项任务？" after a row led by two: both named, in that answer's document
            return f"《{doc.group(1)}》里{'和'.join(given[0])}{question[many.end():]}"
        return question
    m = UNIT_POINTER.match(question)
    leads = LEAD_GIVEN.findall(previous_answer)
    if not m or len(set(leads)) != 1 or leads[0] not in unit_forms or doc is None:
        return question
    return f"《{doc.group(1)}》里{leads[0]}{m.group('rest')}"


#: a unit's role asked within the row pointed at ("省生态环境厅在这项里是牵头还是参与？"): the one row the last
#: answer quotes (a pointer opening the question — "它建在哪里" — is the parser's follow-up; "台州那项呢" is
#: another region's row, no role asked within this one)
ROW_POINTED_INSIDE = re.compile(r"^(?P<pre>[^？?]{2,}?)在(?:这|该|那)一?[项条](?:里面?|中|当中)"
                                r"(?P<post>[^？?]*(?:牵头|参与|负责|角色)[^？?]*[？?]?)\s*$")


def with_row_pointed_to(question: str, previous_answer: str) -> str:
    """``question`` asking of the one list row ``previous_answer`` quotes ("…第12项“…”") as that row's
    question ("省生态环境厅在这项里是牵头还是参与？" → "《…》目标清单第12项中省生态环境厅是牵头还是参与？");
    unchanged when it points at no row inside it or the answer quotes none or several.

    >>> prev = "根据《浙江省方案》目标清单第12项“全省国四及以下老旧营运货车更新淘汰4万辆”：牵头单位为省交通运输厅[1]。"
    >>> with_row_pointed_to("省生态环境厅在这项里是牵头还是参与？", prev)
    '《浙江省方案》目标清单第12项中省生态环境厅是牵头还是参与？'
    >>> with_row_pointed_to("台州那项呢？", prev), with_row_pointed_to("省生态环境厅在这项里是牵头还是参与？", prev + "《浙江省方案》目标清单第13项“…”")
    ('台州那项呢？', '省生态环境厅在这项里是牵头还是参与？')
    """
    if not isinstance(question, str) or not isinstance(previous_answer, str):
        raise TypeError("question and previous_answer must be strings")
    m = ROW_POINTED_INSIDE.match(question)
    rows = answer_rows(previous_answer)
    if not m or len(rows) != 1:
        return question
    title, list_name, n = rows[0]
    return f"《{title}》{list_name}第{n}项中{m.group('pre')}{m.group('post')}"


#: a follow-up asking another region's counterpart of the item just answered ("省里对应的目标是多少？",
#: "台州相应的那项呢？"): the region switched to, as "省里呢？" asks it
COUNTERPART_ASKED = re.compile(r"^\s*(?:那么?)?(?P<region>[\u4e00-\u9fff]{1,4}?(?:里|这边|那边)?)(?:对应|相应)的?"
                               r"(?:目标|任务|条目|指标|那项|那条|那一?项|内容|要求)?(?:是|为)?(?:多少|什么|哪项|哪条|哪一项|啥|呢)?\s*[？?。]?\s*$")


def with_counterpart_asked(question: str, regions_named: Sequence[str], earlier_questions: Sequence[str]) -> str:
    """``question`` asking a region's counterpart of the last item as the region switch it is ("省里对应的目标
    是多少？" → "省里呢？"); unchanged without an earlier question, or when the words before 对应 are not the
    region the question names (``regions_named``).

    >>> with_counterpart_asked("省里对应的目标是多少？", ["省"], ["温州目标清单第7项是什么？"])
    '省里呢？'
    >>> with_counterpart_asked("省里对应的目标是多少？", ["省"], []), with_counterpart_asked("对应的是哪条？", [], ["…"])
    ('省里对应的目标是多少？', '对应的是哪条？')
    """
    if not isinstance(question, str):
        raise TypeError("question must be a string")
    m = COUNTERPART_ASKED.match(question)
    if not m or not earlier_questions or not any(r and m.group("region").startswith(r) for r in regions_named):
        return question
    return f"{m.group('region')}呢？"
