"""QA evaluation of the answer chain: field accuracy, citation precision, refusal precision/recall,
and retrieval Recall@1/5 and MRR (each retriever alone and fused), per category.

Usage::

    python -m evals.qa_eval            # uses the index under POLICY_QA_HOME; writes evals/reports/qa_eval.*
"""
from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path
from typing import Any

from evals.qa_sets import QAItem, all_sets, frozen_status, heldout

REPORTS = Path(__file__).resolve().parent / "reports"
REQUIRED = {"field_accuracy": 0.95, "citation_precision": 0.98, "refusal_precision": 0.95, "refusal_recall": 0.95}


def _norm(s: Any) -> str:
    return re.sub(r"\s+", "", str(s))


def _same(field: str, got: Any, want: Any) -> bool:
    if isinstance(want, list):
        if not isinstance(got, list):
            return False
        return sorted(map(_norm, got)) == sorted(map(_norm, want))
    return _norm(got) == _norm(want)


def _atoms(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        out: list[str] = []
        for v in value:
            out += _atoms(v)
        return out
    v = _norm(value)
    m = re.match(r"^(\d+(?:\.\d+)?)", v)  # a target "98%" is checked by its number
    return [m.group(1)] if m and not re.search(r"[\u4e00-\u9fff]{2}", v) else ([v] if v else [])


def score_item(item: QAItem, ans: Any) -> dict[str, Any]:
    exp = item.expect
    should_refuse = bool(exp.get("refuse"))
    out: dict[str, Any] = {"id": item.id, "category": item.category, "question": item.question,
                           "refused": ans.refused, "should_refuse": should_refuse, "answer": ans.answer}
    correct = ans.refused == should_refuse
    row_ok = None
    if not should_refuse and not ans.refused:
        for f in exp.get("facts", []):
            hits = [a for a in ans.facts if a.doc_id == f["doc_id"] and a.field == f["field"]]
            ok = any(_same(f["field"], a.value, f["value"]) for a in hits)
            if "item_no" in f:
                row_ok = any(a.list_name == f["list"] and a.item_no == f["item_no"] for a in hits)
            correct = correct and ok
        for s in exp.get("contains", []):
            correct = correct and _norm(s) in _norm(ans.answer)
        for s in exp.get("not_contains", []):
            correct = correct and _norm(s) not in _norm(ans.answer)
    out["correct"] = correct
    out["row_correct"] = row_ok
    # citation precision: every asserted value occurs in a cited passage of its document
    checked = supported = 0
    for f in ([] if ans.refused else ans.facts):
        passages = [_norm(c.text) for c in ans.citations if c.doc_id == f.doc_id]
        for a in _atoms(f.value) if f.field != "count" else []:
            checked += 1
            supported += any(a in p for p in passages)
    out["cited_values"], out["supported_values"] = checked, supported
    out["has_citation"] = bool(ans.citations) or bool(ans.nearest)
    return out


def gold_record_id(qa: Any, fact: dict) -> str | None:
    for r in qa.res.records.values():
        if r.doc_id == fact["doc_id"] and r.list_name == fact["list"] and r.item_no == fact["item_no"]:
            return r.id
    return None


def retrieval_ranks(qa: Any, item: QAItem, query: Any) -> dict[str, int | None]:
    """Rank (1-based) of the gold row's chunk in each retriever's list and in the fusion."""
    facts = item.expect.get("facts", [])
    if not facts or "item_no" not in facts[0] or query is None:
        return {}
    rid = gold_record_id(qa, facts[0])
    cid = qa.res.chunk_of_record.get(rid or "")
    if not cid:
        return {}
    out: dict[str, int | None] = {}
    for ret in [*(getattr(r, "inner", r) for r in qa.retriever.retrievers), qa.retriever]:  # each one ungated
        hits = ret.retrieve(query, k=20)
        out[ret.name] = next((h.rank for h in hits if h.chunk_id == cid), None)
    return out


def evaluate(qa: Any, items: list[QAItem] | None = None, with_retrieval: bool = True) -> dict[str, Any]:
    items = items if items is not None else all_sets()
    rows: list[dict[str, Any]] = []
    latencies: list[float] = []
    for it in items:
        t = time.perf_counter()
        ans = qa.answer(it.question, history=it.history or None)
        latencies.append((time.perf_counter() - t) * 1000)
        row = score_item(it, ans)
        row["latency_ms"] = round(latencies[-1], 2)
        if with_retrieval:
            row["ranks"] = retrieval_ranks(qa, it, ans.query)
        rows.append(row)
    return summarise(rows, latencies)


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def summarise(rows: list[dict[str, Any]], latencies: list[float]) -> dict[str, Any]:
    cats: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        cats[r["category"]].append(r)
    answerable = [r for r in rows if not r["should_refuse"]]
    refused = [r for r in rows if r["refused"]]
    should = [r for r in rows if r["should_refuse"]]
    tp = sum(1 for r in refused if r["should_refuse"])
    totals = {
        "questions": len(rows),
        "answerable": len(answerable),
        "refusal_questions": len(should),
        "field_accuracy": _ratio(sum(r["correct"] for r in answerable), len(answerable)),
        "row_accuracy": _ratio(sum(1 for r in answerable if r["row_correct"]), sum(1 for r in answerable if r["row_correct"] is not None)),
        "citation_precision": _ratio(sum(r["supported_values"] for r in rows), sum(r["cited_values"] for r in rows)),
        "refusal_precision": _ratio(tp, len(refused)),
        "refusal_recall": _ratio(tp, len(should)),
        "answers_with_citation": _ratio(sum(r["has_citation"] for r in rows), len(rows)),
        "latency_ms_p50": round(statistics.median(latencies), 2) if latencies else 0,
        "latency_ms_p95": round(sorted(latencies)[int(0.95 * (len(latencies) - 1))], 2) if latencies else 0,
    }
    per_cat = {}
    for c, rs in sorted(cats.items()):
        ans = [r for r in rs if not r["should_refuse"]]
        per_cat[c] = {
            "n": len(rs),
            "accuracy": _ratio(sum(r["correct"] for r in rs), len(rs)),
            "citation_precision": _ratio(sum(r["supported_values"] for r in rs), sum(r["cited_values"] for r in rs)),
            "refused": sum(r["refused"] for r in rs),
            "answerable": len(ans),
        }
    retrieval: dict[str, dict[str, float]] = {}
    ranked = [r for r in rows if r.get("ranks")]
    for name in sorted({k for r in ranked for k in r["ranks"]}):
        ranks = [r["ranks"].get(name) for r in ranked]
        retrieval[name] = {
            "n": len(ranks),
            "recall@1": _ratio(sum(1 for x in ranks if x == 1), len(ranks)),
            "recall@5": _ratio(sum(1 for x in ranks if x and x <= 5), len(ranks)),
            "mrr": round(sum(1 / x for x in ranks if x) / len(ranks), 4) if ranks else 0.0,
        }
    failures = [r for r in rows if not r["correct"]]
    return {"totals": totals, "categories": per_cat, "retrieval": retrieval, "required": REQUIRED,
            "failures": failures[:300], "rows": rows}


def to_markdown(res: dict[str, Any], machine: str = "") -> str:
    t = res["totals"]
    lines = ["# QA evaluation", "", machine, "",
             f"{t['questions']} questions ({t['answerable']} answerable, {t['refusal_questions']} that must be refused).", "",
             "| measure | value | required |", "|---|---|---|"]
    for k in ("field_accuracy", "row_accuracy", "citation_precision", "refusal_precision", "refusal_recall",
              "answers_with_citation", "latency_ms_p50", "latency_ms_p95"):
        lines.append(f"| {k} | {t[k]} | {res['required'].get(k, '')} |")
    lines += ["", "## Per category", "", "| category | n | accuracy | citation precision | refused |", "|---|---|---|---|---|"]
    for c, s in res["categories"].items():
        lines.append(f"| {c} | {s['n']} | {s['accuracy']:.3f} | {s['citation_precision']:.3f} | {s['refused']} |")
    if res["retrieval"]:
        lines += ["", "## Retrieval of the gold row (questions with a gold row)", "",
                  "| retriever | n | Recall@1 | Recall@5 | MRR |", "|---|---|---|---|---|"]
        for name, s in res["retrieval"].items():
            lines.append(f"| {name} | {s['n']} | {s['recall@1']:.3f} | {s['recall@5']:.3f} | {s['mrr']:.3f} |")
        if res.get("dense_rows") is False:
            lines += ["", "The dense index holds prose passages, not table rows (POLICY_QA_DENSE_ROWS unset): rows are "
                      "found by record lookup and BM25, so dense scores 0 on row questions by design. What dense adds "
                      "for prose, and what embedding rows costs, is measured in evals/bench/README.md (chunking)."]
    if res.get("heldout"):
        h = res["heldout"]["totals"]
        lines += ["", "## Held-out questions (evals/qa_heldout, written after tuning, not in the required sets)", "",
                  f"{h['questions']} questions: field accuracy {h['field_accuracy']}, refusal precision "
                  f"{h['refusal_precision']}, recall {h['refusal_recall']}, citation precision {h['citation_precision']}.",
                  *[f"Status of `{name}`: {e['status']}." for name, e in res["heldout"].get("frozen", {}).items()],
                  *[f"- failure: {r['question']} → {r['answer'][:100]!r}" for r in res["heldout"]["failures"]]]
    if res.get("config"):
        lines += ["", "## Chain configuration of this run (rag.chain.ChainConfig)", "",
                  ", ".join(f"{k}={v}" for k, v in res["config"].items())]
    lines += ["", f"## Failures ({len([r for r in res['rows'] if not r['correct']])}, first 60)", ""]
    for r in res["failures"][:60]:
        lines.append(f"- [{r['category']}] {r['question']} → refused={r['refused']} · {r['answer'][:140]!r}")
    return "\n".join(lines) + "\n"


def _bars(plt: Any, path: Path, labels: list[str], values: list[float], line: float, title: str, color: str) -> Path:
    fig, ax = plt.subplots(figsize=(max(4, len(labels) * 0.9), 4))
    ax.bar(range(len(labels)), values, color=color)
    ax.axhline(line, color="red", lw=1, ls="--")
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plot(res: dict[str, Any], out_dir: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cats = list(res["categories"])
    paths = [
        _bars(plt, out_dir / "qa_accuracy.png", cats, [res["categories"][c]["accuracy"] for c in cats], 0.95,
              "accuracy per category", "#3b7dd8"),
        _bars(plt, out_dir / "qa_citation_precision.png", cats,
              [res["categories"][c]["citation_precision"] for c in cats], 0.98, "citation precision per category", "#2a9d8f"),
    ]
    if res["retrieval"]:
        names = list(res["retrieval"])
        fig, ax = plt.subplots(figsize=(7, 4))
        w = 0.27
        for k, key in enumerate(("recall@1", "recall@5", "mrr")):
            ax.bar([i + (k - 1) * w for i in range(len(names))], [res["retrieval"][n][key] for n in names], w, label=key)
        ax.set_xticks(range(len(names)), names)
        ax.set_ylim(0, 1.05)
        ax.legend()
        ax.set_title("retrieval of the gold row")
        fig.tight_layout()
        p = out_dir / "qa_retrieval.png"
        fig.savefig(p, dpi=110)
        plt.close(fig)
        paths.append(p)
    paths.append(_bars(plt, out_dir / "qa_refusal.png", ["precision", "recall"],
                       [res["totals"]["refusal_precision"], res["totals"]["refusal_recall"]], 0.95, "refusal", "#e76f51"))
    return paths


def main() -> int:
    import os
    import platform

    from ingest.config import Settings
    from rag.chain import PolicyQA

    settings = Settings.from_env()
    qa = PolicyQA.from_settings(settings)
    t0 = time.perf_counter()
    res = evaluate(qa)
    res["dense_rows"] = settings.dense_rows
    wall = time.perf_counter() - t0
    machine = (f"Index: {settings.home} · embedder {qa.res.embedder.name} · {os.cpu_count()} CPU · "
               f"{platform.python_version()} · eval wall time {wall:.0f} s.")
    held = evaluate(qa, heldout(), with_retrieval=False)
    res["heldout"] = {k: v for k, v in held.items() if k not in ("rows", "retrieval")}
    res["heldout"]["frozen"] = frozen_status()
    res["config"] = asdict(qa.config)
    REPORTS.mkdir(parents=True, exist_ok=True)
    slim = {k: v for k, v in res.items() if k != "rows"}
    (REPORTS / "qa_eval.json").write_text(json.dumps(slim, ensure_ascii=False, indent=1), encoding="utf-8")
    (REPORTS / "qa_eval.md").write_text(to_markdown(res, machine), encoding="utf-8")
    plot(res, REPORTS)
    print(to_markdown(res, machine).split("## Failures")[0])
    failed = [k for k, v in REQUIRED.items() if res["totals"][k] < v]
    if failed:
        print("BELOW REQUIRED:", ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
