"""Calibrate the answerers' thresholds on the dev set's tune part (never on the held-out part).

Each threshold is swept alone with the others at their defaults; for each value the tune part is
scored (fully right, refused though answerable, answered wrong, refusal precision/recall) and, for
thresholds that also decide table-row answers, the QA sets' field accuracy (the regression check).
The chosen value has no QA-set regression, then the lowest cost — ``WRONG_COST`` × answered
wrong + refused though answerable (a wrong answer is the worst outcome) — then is closest to the
default. ``python -m evals.calibrate`` writes
``reports/calibration.md`` and ``.json``.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

REPORTS = Path(__file__).resolve().parent / "reports"
#: a wrong answer costs as much as this many refusals of answerable questions (the worst outcome)
WRONG_COST = 2.0

#: (name, where it lives, values swept, does it decide row answers too)
SWEEPS: list[tuple[str, str, list[float], bool]] = [
    ("passage.accept", "PassageConfig.accept: sentence coverage needed to answer from prose",
     [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7], False),
    ("chain.prose_over_row", "ChainConfig.prose_over_row: how much better a sentence must cover the words asked than the best row",
     [0.0, 0.05, 0.1, 0.15, 0.2, 0.3], True),
    ("chain.what_both", "ChainConfig.what_both: how close a sentence must come to the best row to be given with it for a what-question",
     [0.0, 0.05, 0.1, 0.15, 0.2, 0.3], True),
    ("chain.indicator_accept", "ChainConfig.indicator_accept: item-word coverage an indicator row needs",
     [0.6, 0.7, 0.8, 0.9], True),
    ("section.accept", "SectionConfig.accept: share of a heading's words the question must name",
     [0.5, 0.6, 0.7, 0.8, 0.9], False),
    ("index.accept", "IndexConfig.accept: share of an index parent's words the question must name",
     [0.6, 0.7, 0.8, 0.9], False),
    ("column.row_accept", "ColumnConfig.row_accept: share of a list row's label the question must name to ask its own columns",
     [0.5, 0.6, 0.7, 0.75, 0.8, 0.9], True),
    ("column.cell_accept", "ColumnConfig.cell_accept: share of the question's other words a cell must hold to be the one asked",
     [0.3, 0.4, 0.5, 0.6, 0.7], True),
    ("passage.item_rare_factor", "PassageConfig.item_rare_factor: of a number's item words, those within this factor of the rarest's count must stand in the sentence",
     [1.25, 1.5, 2.0, 2.5, 3.0], False),
    ("section.narrow_chars", "SectionConfig.narrow_chars: characters of the question's other words that name one sub-heading of the heading found",
     [2, 3, 4, 5, 6], False),
    ("section.core_share", "SectionConfig.core_share: share of a heading's words its distinctive part must be to name it",
     [0.3, 0.4, 0.5, 0.6, 0.7], False),
]
#: the component each prefix of a swept name configures (the chain's own config: "chain")
TARGETS = {"passage": "passage", "section": "section", "index": "index_parents", "column": "columns"}


def _set(qa: Any, name: str, value: float) -> None:
    part, field = name.split(".")
    if part == "chain":
        qa.config = replace(qa.config, **{field: value})
    else:
        target = getattr(qa, TARGETS[part])
        target.config = replace(target.config, **{field: value})


def _get(qa: Any, name: str) -> float:
    part, field = name.split(".")
    target = qa if part == "chain" else getattr(qa, TARGETS[part])
    return getattr(target.config, field)


def sweep(qa: Any, items: list[Any], qa_items: list[Any], only: str = "") -> dict[str, Any]:
    """Each threshold of :data:`SWEEPS` (or the one named ``only``) swept alone on ``items``."""
    from evals import dev_eval, qa_eval

    out: dict[str, Any] = {}
    for name, what, values, rows_too in SWEEPS:
        if only and name != only:
            continue
        default = _get(qa, name)
        rows = []
        for v in values:
            _set(qa, name, v)
            t = dev_eval.evaluate(qa, items)["totals"]
            row = {"value": v, "right": t["right"], "refused": t["refused"], "wrong": t["wrong"],
                   "refusal_precision": t["refusal_precision"], "refusal_recall": t["refusal_recall"]}
            if rows_too:
                row["qa_field_accuracy"] = qa_eval.evaluate(qa, qa_items, with_retrieval=False)["totals"]["field_accuracy"]
            rows.append(row)
        _set(qa, name, default)
        best_qa = max((r.get("qa_field_accuracy", 1.0) for r in rows), default=1.0)
        for r in rows:
            r["cost"] = round(WRONG_COST * r["wrong"] + r["refused"], 4)
        # no QA-set regression; then the lowest cost; then the value closest to the default
        ranked = sorted(rows, key=lambda r: (r.get("qa_field_accuracy", 1.0) < best_qa, r["cost"],
                                             abs(r["value"] - default)))
        out[name] = {"what": what, "default": default, "best": ranked[0]["value"], "rows": rows}
    return out


def to_markdown(res: dict[str, Any], n: int) -> str:
    lines = ["# Threshold calibration", "",
             f"Swept on the dev set's tune part ({n} questions; the held-out part is never used here). "
             "Each threshold alone, the others at their defaults. *best*: no QA-set regression, then the lowest "
             f"cost = {WRONG_COST:g} × answered wrong + refused though answerable, then closest to the default.", ""]
    for name, v in res.items():
        lines += [f"## {name}", "", v["what"] + f" — default **{v['default']}**, best on the tune part **{v['best']}**.", "",
                  "| value | fully right | refused | answered wrong | cost | refusal precision | refusal recall | QA field accuracy |",
                  "|---|---|---|---|---|---|---|---|"]
        for r in v["rows"]:
            qa = r.get("qa_field_accuracy")
            lines.append(f"| {r['value']} | {r['right']:.3f} | {r['refused']:.3f} | {r['wrong']:.3f} | {r['cost']:.3f} | "
                         f"{r['refusal_precision']:.3f} | {r['refusal_recall']:.3f} | {'' if qa is None else f'{qa:.4f}'} |")
        lines.append("")
    return "\n".join(lines)


def merged(new: dict[str, Any], kept: dict[str, Any]) -> dict[str, Any]:
    """The sweeps just run (``new``) in place of the ones last reported (``kept``), in :data:`SWEEPS` order.

    >>> list(merged({"passage.accept": 1}, {"section.accept": 2, "passage.accept": 0}).items())
    [('passage.accept', 1), ('section.accept', 2)]
    """
    return {n: new[n] if n in new else kept[n] for n, *_ in SWEEPS if n in new or n in kept}


def main(argv: list[str] | None = None) -> int:
    """``python -m evals.calibrate [--only NAME]``: with ``--only``, that threshold alone is swept again
    and its entry replaced in the report (the others are kept as last swept)."""
    import argparse

    from evals.devset import load
    from evals.qa_sets import all_sets
    from ingest.config import Settings
    from rag.chain import PolicyQA

    ap = argparse.ArgumentParser(prog="python -m evals.calibrate")
    ap.add_argument("--only", choices=[n for n, *_ in SWEEPS], default="")
    args = ap.parse_args(argv)
    qa = PolicyQA.from_settings(Settings.from_env())
    items = load("tune")
    res = sweep(qa, items, all_sets(), only=args.only)
    if args.only and (REPORTS / "calibration.json").exists():
        res = merged(res, json.loads((REPORTS / "calibration.json").read_text(encoding="utf-8")))
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "calibration.json").write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    md = to_markdown(res, len(items))
    (REPORTS / "calibration.md").write_text(md, encoding="utf-8")
    print(md)
    off = [f"{k}: default {v['default']} vs best {v['best']}" for k, v in res.items() if v["best"] != v["default"]]
    if off:
        print("defaults differ from the calibrated values:", "; ".join(off))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
