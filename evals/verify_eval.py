"""How often the verifier catches a wrong answer: mutate real answers and count the drops.

Each non-refused answer of the QA sets is mutated in three ways that an LLM (or a bug) could make:
- **role swap**: the lead and participant lists exchanged ("牵头单位为A；参与单位为B" → A and B trade
  places), also written the way a model would ("由B牵头，A参与");
- **altered number**: one asserted number changed (n → n+1; 98% → 99%);
- **altered year**: one deadline year moved by two years.

A mutation is caught when verification drops the mutated clause (its value is gone from the
answer) or the whole answer is refused. ``python -m evals.verify_eval`` writes
``evals/reports/verify_eval.{md,json}``; the target is 100% caught.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from rag.verify import EXEMPT

REPORTS = Path(__file__).resolve().parent / "reports"
LEAD = re.compile(r"(牵头单位|责任单位)为([^；（\[]+?)(?=（|；|\[|$)")
PART = re.compile(r"参与单位为([^；（\[]+?)(?=（|；|\[|$)")
DEADLINE = re.compile(r"完成时限为(20\d\d)年")


@dataclass
class Mutation:
    kind: str  # role_swap | role_swap_prose | number | year
    question: str
    text: str  # the mutated answer
    marker: str  # what must be gone from the verified answer for the mutation to count as caught


#: spans of an answer line that are not document claims: quoted item wording, titles, citation marks,
#: item numbers, and the answer's own count of the documents it lists ("共有3份文件载有该事项")
NOT_CLAIMS = re.compile(r"“[^”]*”|（[^）]*）|共有\d+份文件|" + EXEMPT.pattern)  # EXEMPT: the verifier's locators
NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")


def _mask_quotes(line: str) -> str:
    """The line with every quotation blanked, nested ones included (a verbatim passage quoting
    “公交优先” inside its own “…” is quoted text to its end, not a claim after the inner ”).

    >>> _mask_quotes("甲“乙“丙”丁”戊")
    '甲       戊'
    """
    out, depth = [], 0
    for ch in line:
        if ch == "“":
            depth += 1
        out.append(" " if depth else ch)
        if ch == "”" and depth:
            depth -= 1
    return "".join(out)


def _claim_numbers(line: str) -> list[re.Match[str]]:
    """Numbers the line asserts (not in quotes, titles, marks or item numbers; not years)."""
    masked = NOT_CLAIMS.sub(lambda m: " " * len(m.group(0)), _mask_quotes(line))
    return [m for m in NUMBER.finditer(masked) if not re.fullmatch(r"20\d\d", m.group(1))]


def mutations(question: str, answer: str, records: list[dict[str, Any]] = ()) -> Iterator[Mutation]:
    """The mutations of one answer (each changes one thing); the marker is the mutated line up to
    the changed value, so a verified answer that still holds it kept the mutation. ``records`` (the
    answer's rows) give the other role's units when a line names only one role."""
    for line in answer.split("\n"):
        row = next((r for r in records if r.get("text") and f"“{r['text'][:12]}" in line), None)
        def mutate(start: int, end: int, new: str) -> tuple[str, str]:
            changed = line[:start] + new + line[end:]
            return answer.replace(line, changed), changed[: start + len(new)]

        lead, part = LEAD.search(line), PART.search(line)
        mark = "".join(re.findall(r"\[\d+\]", line)[:1])
        head = line[: line.find("：") + 1] if "：" in line else ""

        def prose_swap(lead_now: str, part_now: str) -> Mutation:
            """The line rewritten as prose with the roles swapped ("该项由<participant>牵头，<lead>参与")."""
            prose = f"{head}该项由{lead_now}牵头，{part_now}参与{mark}。"
            return Mutation("role_swap_prose", question, answer.replace(line, prose), f"{head}该项由{lead_now}牵头")

        if lead and part and lead.group(2) != part.group(1):
            swapped = (line[: lead.start(2)] + part.group(1) + line[lead.end(2): part.start(1)] + lead.group(2)
                       + line[part.end(1):])
            yield Mutation("role_swap", question, answer.replace(line, swapped), swapped[: lead.start(2) + len(part.group(1))])
            yield prose_swap(part.group(1), lead.group(2))
        elif lead and row and row.get("participants"):  # only the lead asked: a participant put in its place
            other = row["participants"][0]
            text, marker = mutate(lead.start(2), lead.end(2), other)
            yield Mutation("role_swap", question, text, marker)
            # … and the row's roles said swapped in prose (its participant "牵头", its lead "参与")
            yield prose_swap(other, lead.group(2))
        elif part and row and row.get("lead"):  # only participants asked: the lead put among them
            text, marker = mutate(part.start(1), part.end(1), row["lead"][0])
            yield Mutation("role_swap", question, text, marker)
        m = DEADLINE.search(line)
        if m:
            text, marker = mutate(m.start(1), m.end(1), str(int(m.group(1)) + 2))
            yield Mutation("year", question, text, marker)
        nums = _claim_numbers(line)
        if nums:
            n = nums[0]
            v = n.group(1)
            text, marker = mutate(n.start(1), n.end(1), str(int(v) + 1) if v.isdigit() else f"{float(v) + 1:g}")
            yield Mutation("number", question, text, marker)


def caught(verified: Any, m: Mutation) -> bool:
    return bool(verified.refused) or m.marker not in verified.answer


def evaluate(qa: Any, questions: list[str]) -> dict[str, Any]:
    """Mutate each answer and verify it through the chain's own verification step."""
    from rag.chain import _State  # the chain's verify step, fed a mutated answer

    per: dict[str, dict[str, int]] = {}
    misses: list[dict[str, str]] = []
    answered = 0
    for q in questions:
        ans = qa.answer(q)
        if ans.refused:
            continue
        answered += 1
        for m in mutations(q, ans.answer, ans.records):
            st = _State(question=q, history=None, filters={})
            st.query = ans.query
            mutated = type(ans)(**{**ans.__dict__, "answer": m.text, "citations": list(ans.citations),
                                    "facts": list(ans.facts)})
            st.answer = mutated
            out = qa._verify(st)
            s = per.setdefault(m.kind, {"n": 0, "caught": 0})
            s["n"] += 1
            if caught(out, m):
                s["caught"] += 1
            else:
                misses.append({"kind": m.kind, "question": q, "mutated": m.text[:200], "kept": out.answer[:200]})
    total = {"n": sum(s["n"] for s in per.values()), "caught": sum(s["caught"] for s in per.values())}
    for s in [*per.values(), total]:
        s["rate"] = round(s["caught"] / s["n"], 4) if s["n"] else 1.0
    return {"answers": answered, "kinds": per, "total": total, "misses": misses}


def to_markdown(res: dict[str, Any], machine: str) -> str:
    lines = ["# Verifier catch rate on mutated answers (generated by `python -m evals.verify_eval`)", "", machine, "",
             f"{res['answers']} answered questions of the QA sets, each answer mutated one way at a time.", "",
             "| mutation | n | caught | rate |", "|---|---|---|---|"]
    for k, s in sorted(res["kinds"].items()):
        lines.append(f"| {k} | {s['n']} | {s['caught']} | {s['rate']:.4f} |")
    t = res["total"]
    lines += [f"| **all** | {t['n']} | {t['caught']} | {t['rate']:.4f} |", "", f"## Missed ({len(res['misses'])})", ""]
    lines += [f"- [{m['kind']}] {m['question']} → kept {m['kept']!r}" for m in res["misses"][:40]]
    return "\n".join(lines) + "\n"


def main() -> int:
    import os

    from ingest.config import Settings
    from rag.chain import PolicyQA

    from .qa_sets import all_sets

    settings = Settings.from_env()
    qa = PolicyQA.from_settings(settings)
    questions = [i.question for i in all_sets() if not i.history]
    res = evaluate(qa, questions)
    machine = f"Index: {settings.home} · embedder {qa.res.embedder.name} · {os.cpu_count()} CPU."
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "verify_eval.json").write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    (REPORTS / "verify_eval.md").write_text(to_markdown(res, machine), encoding="utf-8")
    print(to_markdown(res, machine))
    return 0 if res["total"]["rate"] == 1.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
