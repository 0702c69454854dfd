"""QA evaluation sets: questions generated from the gold rows, plus hand-written sets.

Generated: every gold list row gives lead / participants / deadline questions (and target-value
questions for rows with numeric targets); every gold index row gives weight and data-source
questions; each in two phrasings, one naming the level/region and one not. The item is referred
to by a clause of its text that is unique within its document (a partial quote), never by the
value asked for.

Hand-written (``evals/qa/*.jsonl``): paraphrases, comparisons, index weights, counts, document
facts, follow-ups, listings, and refusals (questions the documents do not answer).

>>> clauses("全市森林覆盖率保持60.7%左右，建成林业增汇试点县1个。")
['全市森林覆盖率保持60.7%左右', '建成林业增汇试点县1个']
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from evals.parser_eval import load_gold_index, load_gold_lists

QA_DIR = Path(__file__).resolve().parent / "qa"

REGION_WORDS = {"zj-plan": ["省里", "全省", "浙江省"], "wz-plan": ["温州", "温州市"], "tz-pilot": ["台州", "台州市"],
                "wz-gazette-2023-06": ["温州公报", "温州市政府公报"]}


@dataclass
class QAItem:
    id: str
    category: str  # lead | participants | deadline | target | weight | data_source | ... | refusal
    question: str
    history: list[str] = field(default_factory=list)
    expect: dict[str, Any] = field(default_factory=dict)
    phrasing: str = ""


def clauses(text: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"[，。；：;:！？]", text) if p.strip()]
    return [p for p in parts if len(p) >= 4]


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _trim(c: str, limit: int = 18) -> str:
    """Cut a clause to ≤ ``limit`` characters at a word boundary (jieba)."""
    import jieba

    out = ""
    for w in jieba.lcut(c):
        if len(out) + len(w) > limit:
            break
        out += w
    return out.strip("“”\"、 ")


def _flat(s: str) -> str:
    return re.sub(r"[\W_]+", "", s)


def _unique_phrase(text: str, others: list[str], avoid: str = "") -> str | None:
    """A clause of ``text`` (cut to ≤ 18 chars at a word boundary) that no other row of the document contains."""
    cands = []
    for c in clauses(text):
        c = re.sub(r"^[\d、.．%％的]+", "", c)
        if avoid and avoid in c:
            c = c.split(avoid)[0]
        c = _trim(c)
        if len(c) < 5:
            continue
        if any(_flat(c) in _flat(o) for o in others):
            continue
        cands.append(c)
    if not cands:
        return None
    return max(cands, key=len)


def _target_stem(text: str, value: str) -> str | None:
    """The words before a target value, e.g. '一般工业固体废物综合利用率' for '…达到98%以上'."""
    num = re.match(r"[\d.]+", value)
    if not num:
        return None
    for c in clauses(text):
        i = _norm(c).find(num.group(0))
        if i > 0:
            stem = re.sub(r"(达到|达|保持在|保持|控制在|不低于|超过|提高|降低|下降|增加|新增|完成|建成|建设|打造|创建|为|在)$", "", _norm(c)[:i])
            stem = re.sub(r"^(全省|全市|力争|到2025年)", "", stem)
            if len(stem) >= 4:
                return stem[-16:]
    return None


LEAD_T = ["{p}那条谁牵头？", "{r}“{p}”由哪个部门牵头？"]
PART_T = ["{p}这项的参与单位有哪些？", "{r}“{p}”哪些单位参与？"]
DEADLINE_T = ["{p}什么时候完成？", "{r}“{p}”的完成时限是哪一年？"]
TARGET_T = ["{p}目标是多少？", "{r}{p}要达到多少？"]
WEIGHT_T = ["{p}这个指标的权重是多少？", "{r}协同指数里{p}的权重是多少？"]
SOURCE_T = ["{p}的数据来源是哪个部门？", "{r}协同指数中{p}的数据来源单位是谁？"]


def generated(seed: int = 7) -> list[QAItem]:
    rng = random.Random(seed)
    rows = load_gold_lists()
    by_doc: dict[str, list[dict]] = {}
    for g in rows:
        by_doc.setdefault(g["doc_id"], []).append(g)
    items: list[QAItem] = []

    def add(cat: str, templates: list[str], phrase: str, g: dict, expect: dict, key: str) -> None:
        for k, t in enumerate(templates):
            region = rng.choice(REGION_WORDS.get(g["doc_id"], [""])) if "{r}" in t else ""
            items.append(QAItem(id=f"gen-{cat}-{key}-{k}", category=cat, question=t.format(p=phrase, r=region),
                                expect=expect, phrasing="region" if region else "plain"))

    for doc, grows in by_doc.items():
        texts = [g["text"] for g in grows]
        for i, g in enumerate(grows):
            others = texts[:i] + texts[i + 1:]
            key = f"{doc}-{g['list']}-{g['item_no']}-{i}"
            row = {"doc_id": doc, "list": g["list"], "item_no": g["item_no"]}
            phrase = _unique_phrase(g["text"], others)
            if phrase:
                add("lead", LEAD_T, phrase, g, {"facts": [{**row, "field": "lead", "value": g["lead"]}]}, key)
                if g["participants"]:
                    add("participants", PART_T, phrase, g,
                        {"facts": [{**row, "field": "participants", "value": g["participants"]}]}, key)
                if g["deadline_year"]:
                    add("deadline", DEADLINE_T, phrase, g,
                        {"facts": [{**row, "field": "deadline", "value": g["deadline_year"]}]}, key)
            for t_i, value in enumerate(g["targets"][:1]):
                stem = _target_stem(g["text"], value)
                if stem and not any(_flat(stem) in _flat(o) for o in others):
                    add("target", TARGET_T, stem, g, {"facts": [{**row, "field": "target", "value": g["targets"]}]},
                        f"{key}-{t_i}")
    for g in load_gold_index():
        key = f"{g['doc_id']}-{g['no']}"
        row = {"doc_id": g["doc_id"], "list": g["table"], "item_no": g["no"]}
        name = g["name"].replace(" ", "")
        add("weight", WEIGHT_T, name, g, {"facts": [{**row, "field": "weight", "value": g["weight"]}]}, key)
        add("data_source", SOURCE_T, name, g, {"facts": [{**row, "field": "data_source", "value": g["data_source"]}]}, key)
    return items


HELDOUT_DIR = Path(__file__).resolve().parent / "qa_heldout"


class HeldoutEdited(RuntimeError):
    """A held-out file changed after it was scored (its hash no longer matches FROZEN.json)."""


def frozen_status(directory: Path = HELDOUT_DIR) -> dict[str, dict[str, str]]:
    """File name → {"sha256", "status"} of the frozen held-out files; raises :class:`HeldoutEdited`
    when a file's content no longer has its recorded hash, or a file is not recorded at all."""
    import hashlib

    frozen = json.loads((directory / "FROZEN.json").read_text(encoding="utf-8"))
    out = {}
    for f in sorted(directory.glob("*.jsonl")):
        entry = frozen.get(f.name)
        sha = hashlib.sha256(f.read_bytes()).hexdigest()
        if entry is None or entry["sha256"] != sha:
            raise HeldoutEdited(f"{f.name}: held-out questions are frozen once scored; write a new file instead "
                                "(and record it in FROZEN.json when it is first scored)")
        out[f.name] = entry
    return out


def heldout() -> list[QAItem]:
    """Questions written after tuning, reported separately (evals/qa_heldout); frozen once scored."""
    frozen_status()
    return handwritten(HELDOUT_DIR)


def handwritten(directory: Path = QA_DIR) -> list[QAItem]:
    items: list[QAItem] = []
    for path in sorted(directory.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            d = json.loads(line)
            items.append(QAItem(id=d.get("id") or f"{path.stem}-{n}", category=d["category"], question=d["question"],
                                history=d.get("history", []), expect=d.get("expect", {}), phrasing="hand"))
    return items


def all_sets() -> list[QAItem]:
    return generated() + handwritten()


if __name__ == "__main__":
    sets = all_sets()
    cats: dict[str, int] = {}
    for it in sets:
        cats[it.category] = cats.get(it.category, 0) + 1
    print(json.dumps(cats, ensure_ascii=False), len(sets))
    for it in sets[:: max(1, len(sets) // 25)]:
        print(json.dumps(asdict(it), ensure_ascii=False)[:200])
