"""Score the chain on the dev set (evals/dev): per category, fully right / refused though answerable /
answered wrong, citation precision, and the precision/recall of refusals.

A turn is **fully right** when every expected part (one of its alternatives) stands in the answer
text and every document the turn names is cited; a question to refuse is right when refused. A
premise question (the documents contradict what it assumes) may be declined, as long as the answer
names what the documents do say. A dialogue is fully right when all its scored turns are.
A bare number expected is found as that number, not inside another or as a citation mark (in a count,
not as a row's place either); what a turn lists as ``absent`` (a row outside the range asked, a wrong
department) makes the answer wrong where it stands. **Citation precision**: of the citations of answered turns, the share that point at the answer:
their lines overlap the lines the item names as its source (± ``SLACK`` lines), or their passage
holds one of the expected parts (the same value often stands in the text and in a list row).

``python -m evals.dev_eval`` scores the tune part and writes ``reports/dev_eval.md/.json``;
``--part heldout`` scores the held-out third (once, at the end: the file is then frozen).

>>> _overlaps(("tz-pilot", 35, 36), [("tz-pilot", 37, 37)])
True
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evals.devset import BARE_NUMBER, CATEGORIES, PAGE_MARK, PARTS, DevItem, Turn, load, norm, parse_src

REPORTS = Path(__file__).resolve().parent / "reports"
SLACK = 3  # a citation of the lines just around the source still points the reader at it
_LINES = re.compile(r"第(\d+)(?:-(\d+))?行")


@dataclass
class TurnResult:
    question: str
    outcome: str  # right | refused | wrong
    answer: str
    missing: list[list[str]] = field(default_factory=list)
    uncited_docs: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)  # what the turn says must not stand in the answer, found there
    citations: int = 0
    precise_citations: int = 0
    expected_refusal: bool = False
    refused: bool = False
    scored: bool = True


def _overlaps(span: tuple[str, int, int], src: list[tuple[str, int, int]]) -> bool:
    d, a, b = span
    return any(d == sd and a <= sb + SLACK and b >= sa - SLACK for sd, sa, sb in src)


def _span(c: Any) -> tuple[str, int, int] | None:
    m = _LINES.search(c.locator or "")
    if not m:
        return None
    a = int(m.group(1))
    return (c.doc_id, a, int(m.group(2) or a))


def _points_at(c: Any, src: list[tuple[str, int, int]], expect: list[list[str]]) -> bool:
    span = _span(c)
    if span is not None and _overlaps(span, src):
        return True
    text = norm(PAGE_MARK.sub("", c.text))
    return any(norm(a) in text for alts in expect for a in alts)


#: an expected part that is a bare number (``BARE_NUMBER``) is found as that number only: not inside a
#: longer one ("13", "2023"), nor as a citation mark ("[3]") — nor, in a count, as a row's place ("第3项")


def found(part: str, text: str, counting: bool = False) -> bool:
    """Whether the expected ``part`` stands in the (normalised) answer ``text``.

    >>> found("3", "共16项：第3项…[13]", counting=True), found("3", "共3项：第1项…[1]", counting=True)
    (False, True)
    >>> found("21", "任务清单第21项“…修复工厂”"), found("35%", "达到35%[1]")
    (True, True)
    """
    part = norm(part)
    if not BARE_NUMBER.fullmatch(part):
        return part in text
    before = r"(?<![\d.\[第])" if counting else r"(?<![\d.\[])"
    return re.search(before + re.escape(part) + r"(?![\d\]]|\.\d)", text) is not None


def score_turn(t: Turn, ans: Any, counting: bool = False) -> TurnResult:
    """One turn scored (``counting``: the item asks a count — its number is not a row's place)."""
    text = norm(PAGE_MARK.sub("", ans.answer))
    res = TurnResult(question=t.question, outcome="wrong", answer=ans.answer, expected_refusal=t.refuse,
                     refused=ans.refused, scored=t.scored)
    if t.refuse:
        res.outcome = "right" if ans.refused else "wrong"
        return res
    res.missing = [alts for alts in t.expect if not any(found(a, text, counting) for a in alts)]
    res.extra = [a for a in t.absent if norm(a) in text]
    cited = {c.doc_id for c in ans.citations}
    res.uncited_docs = [d for d in t.docs if d not in cited]
    if ans.refused and not (t.refuse_ok and not res.missing):
        res.outcome = "refused"
        return res
    if t.src and ans.citations:
        src = parse_src(t.src)
        res.citations = len(ans.citations)
        res.precise_citations = sum(1 for c in ans.citations if _points_at(c, src, t.expect))
    res.outcome = "right" if not res.missing and not res.extra and (ans.refused or not res.uncited_docs) else "wrong"
    return res


def run_item(qa: Any, item: DevItem) -> list[TurnResult]:
    history: list[dict[str, str]] = []
    out = []
    for t in item.turns:
        ans = qa.answer(t.question, history=list(history))
        out.append(score_turn(t, ans, counting=item.category == "count"))
        history += [{"role": "user", "content": t.question}, {"role": "assistant", "content": ans.answer}]
    return out


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def summarise(results: dict[str, list[TurnResult]], items: list[DevItem]) -> dict[str, Any]:
    cats: dict[str, dict[str, Any]] = {}
    by_cat: dict[str, list[DevItem]] = defaultdict(list)
    for it in items:
        by_cat[it.category].append(it)
    all_turns = [r for rs in results.values() for r in rs if r.scored]
    for cat in [c for c in CATEGORIES if c in by_cat]:
        n = len(by_cat[cat])
        outcomes = []
        for it in by_cat[cat]:
            rs = [r for r in results[it.id] if r.scored]
            outcomes.append("right" if all(r.outcome == "right" for r in rs) else
                            "wrong" if any(r.outcome == "wrong" for r in rs) else "refused")
        turns = [r for it in by_cat[cat] for r in results[it.id] if r.scored]
        cites = sum(r.citations for r in turns)
        cats[cat] = {"n": n, "turns": len(turns), "right": _ratio(outcomes.count("right"), n),
                     "refused": _ratio(outcomes.count("refused"), n), "wrong": _ratio(outcomes.count("wrong"), n),
                     "turns_right": _ratio(sum(r.outcome == "right" for r in turns), len(turns)),
                     "citation_precision": _ratio(sum(r.precise_citations for r in turns), cites)}
    n = len(items)
    item_out = [("right" if all(r.outcome == "right" for r in results[it.id] if r.scored) else
                 "wrong" if any(r.outcome == "wrong" for r in results[it.id] if r.scored) else "refused") for it in items]
    tp = sum(r.refused and r.expected_refusal for r in all_turns)
    refused = sum(r.refused for r in all_turns)
    should = sum(r.expected_refusal for r in all_turns)
    cites = sum(r.citations for r in all_turns)
    totals = {"n": n, "turns": len(all_turns), "right": _ratio(item_out.count("right"), n),
              "refused": _ratio(item_out.count("refused"), n), "wrong": _ratio(item_out.count("wrong"), n),
              "refusal_precision": _ratio(tp, refused), "refusal_recall": _ratio(tp, should),
              "citation_precision": _ratio(sum(r.precise_citations for r in all_turns), cites)}
    return {"totals": totals, "categories": cats}


def evaluate(qa: Any, items: list[DevItem]) -> dict[str, Any]:
    t0 = time.perf_counter()
    results = {it.id: run_item(qa, it) for it in items}
    res = summarise(results, items)
    res["seconds"] = round(time.perf_counter() - t0, 1)
    res["failures"] = [{"id": it.id, "category": it.category,
                        "turns": [{"q": r.question, "outcome": r.outcome, "answer": r.answer[:300],
                                   "missing": r.missing, "extra": r.extra, "uncited": r.uncited_docs}
                                  for r in results[it.id]]}
                       for it in items if any(r.outcome != "right" for r in results[it.id] if r.scored)]
    return res


def to_markdown(res: dict[str, Any], title: str) -> str:
    t = res["totals"]
    lines = [f"# {title}", "",
             f"{t['n']} questions ({t['turns']} scored turns): **{t['right']:.1%} fully right**, "
             f"{t['refused']:.1%} refused though answerable, **{t['wrong']:.1%} answered wrong**; "
             f"refusal precision {t['refusal_precision']:.3f}, recall {t['refusal_recall']:.3f}; "
             f"citation precision {t['citation_precision']:.3f}.", "",
             "| category | n | fully right | refused though answerable | answered wrong | citation precision |",
             "|---|---|---|---|---|---|"]
    for c, v in res["categories"].items():
        lines.append(f"| {c} | {v['n']} | {v['right']:.3f} | {v['refused']:.3f} | {v['wrong']:.3f} | "
                     f"{v['citation_precision']:.3f} |")
    lines += ["", "## Not fully right", ""]
    for f in res["failures"]:
        for k, turn in enumerate(f["turns"]):
            if turn["outcome"] != "right":
                miss = f" missing {turn['missing']}" if turn["missing"] else ""
                unc = f" uncited {turn['uncited']}" if turn["uncited"] else ""
                miss += f" not to stand {turn['extra']}" if turn.get("extra") else ""
                lines.append(f"- {f['id']} t{k + 1} [{turn['outcome']}] {turn['q']}{miss}{unc} → "
                             f"{turn['answer'][:160]!r}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    from ingest.config import Settings
    from rag.chain import PolicyQA

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", choices=list(PARTS), default="tune")
    args = ap.parse_args(argv)
    items = load(args.part)
    qa = PolicyQA.from_settings(Settings.from_env())
    res = evaluate(qa, items)
    REPORTS.mkdir(parents=True, exist_ok=True)
    name = f"dev_eval_{args.part}"
    (REPORTS / f"{name}.json").write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    md = to_markdown(res, f"Dev set ({args.part}): {len(items)} questions written by reading the documents")
    (REPORTS / f"{name}.md").write_text(md, encoding="utf-8")
    print(md.split("## Not fully right")[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
