"""Parser evaluation: per-field precision / recall / F1 of parsed records against hand-checked gold.

Gold lives in ``evals/gold`` (``list_rows.jsonl`` for list rows, ``index_rows.tsv`` for index
tables). Runtime code never reads it.

Usage::

    python -m evals.parser_eval            # prints the table, writes evals/reports/parser_eval.{md,json}

>>> PRF(tp=9, fp=1, fn=0).f1 > 0.94
True
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ingest.loaders import load_document
from ingest.pipeline import load_corpus_manifest
from ingest.structure import parse_document
from ingest.types import Record
from ingest.vocab import HEADER_ROLES

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "evals" / "gold"
REPORTS = ROOT / "evals" / "reports"
LIST_FIELDS = ("rows", "lead", "participants", "shared_lead", "deadline", "targets")
INDEX_FIELDS = ("rows", "name", "weight", "data_source", "parents")
REQUIRED = {"lead": 0.98, "participants": 0.98, "deadline": 0.98, "targets": 0.98, "weight": 0.98, "values": 0.98}


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: list, pred: list) -> None:
        g, p = Counter(gold), Counter(pred)
        both = sum((g & p).values())
        self.tp += both
        self.fp += sum(p.values()) - both
        self.fn += sum(g.values()) - both

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def load_gold_lists(path: Path = GOLD / "list_rows.jsonl") -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_gold_index(path: Path = GOLD / "index_rows.tsv") -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        doc_id, table, no, name, weight, source, parents = line.split("\t")
        rows.append({"doc_id": doc_id, "table": table, "no": no, "name": name, "weight": weight,
                     "data_source": source,
                     "parents": [tuple(p.split(":")) for p in parents.split("|")] if parents else []})
    return rows


def load_gold_indicators(path: Path = GOLD / "indicator_rows.jsonl") -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def parse_corpus(corpus_dir: Path = ROOT / "corpus") -> dict[str, list[Record]]:
    """doc id → parsed records, for every document of the corpus manifest."""
    out: dict[str, list[Record]] = {}
    for file, meta in load_corpus_manifest(corpus_dir).items():
        out[meta.id] = parse_document(load_document(corpus_dir / file, meta)).records
    return out


def header_word_owners(corpus_dir: Path = ROOT / "corpus") -> dict[str, set[str]]:
    """Header word of the vocabulary (ingest/vocab.py HEADER_ROLES) → the documents that use it as a
    table cell. A word only one document uses was, in effect, tuned on that document."""
    words = {w for ws in HEADER_ROLES.values() for w in ws}
    owners: dict[str, set[str]] = {w: set() for w in words}
    for file, meta in load_corpus_manifest(corpus_dir).items():
        for line in load_document(corpus_dir / file, meta).lines:
            for c in line.text.split():  # cells: tab-separated, or space-separated in PDF flow text
                if c in owners:
                    owners[c].add(meta.id)
    return owners


def parse_corpus_lodo(corpus_dir: Path = ROOT / "corpus") -> dict[str, list[Record]]:
    """Leave-one-document-out: each document parsed with the header vocabulary the *other* documents
    attest (the words only it uses are dropped), as a new document with an unseen header would be."""
    import ingest.structure as structure

    owners = header_word_owners(corpus_dir)
    out: dict[str, list[Record]] = {}
    saved = structure.ROLE_WORDS
    try:
        for file, meta in load_corpus_manifest(corpus_dir).items():
            structure.ROLE_WORDS = {role: tuple(w for w in ws if owners[w] - {meta.id})
                                    for role, ws in HEADER_ROLES.items()}
            out[meta.id] = parse_document(load_document(corpus_dir / file, meta)).records
    finally:
        structure.ROLE_WORDS = saved
    return out


def _list_pred(r: Record) -> dict:
    return {"lead": r.lead_names, "participants": r.participant_names, "shared_lead": [r.shared_lead] if r.shared_lead else [],
            "deadline": [f"{r.deadline_year}/{r.deadline_source}"] if r.deadline_year else [],
            "targets": [t.value + t.unit for t in r.targets]}


def _list_gold(g: dict) -> dict:
    return {"lead": g["lead"], "participants": g["participants"], "shared_lead": [True] if g["shared_lead"] else [],
            "deadline": [f"{g['deadline_year']}/{g['deadline_source']}"] if g["deadline_year"] else [],
            "targets": g["targets"]}


def _index_fields(name: str, weight: str, source: str, parents: list) -> dict:
    return {"name": [_norm(name)], "weight": [weight] if weight else [], "data_source": [_norm(source)] if source else [],
            "parents": [":".join(_norm(x) for x in p) for p in parents]}


def evaluate(records: dict[str, list[Record]] | None = None) -> dict:
    """Compare parsed records with the gold; returns totals and per (doc, list) scores."""
    records = records if records is not None else parse_corpus()
    groups: dict[tuple[str, str], dict[str, PRF]] = defaultdict(lambda: defaultdict(PRF))
    totals: dict[str, PRF] = defaultdict(PRF)
    mismatches: list[dict] = []

    def score(key: tuple[str, str], fname: str, gold: list, pred: list, where: str) -> None:
        groups[key][fname].add(gold, pred)
        totals[fname].add(gold, pred)
        if Counter(gold) != Counter(pred):
            mismatches.append({"where": where, "field": fname, "gold": gold, "parsed": pred})

    def compare(kind: str, golds: list[tuple[dict, dict[str, list]]], match, predict) -> None:
        """Score gold rows (gold, gold fields) against parsed rows of ``kind``; unmatched parsed rows are extra."""
        pool = {doc: [r for r in recs if r.kind == kind] for doc, recs in records.items()}
        for g, fields in golds:
            key = (g["doc_id"], g.get("list") or g.get("table"))
            where = f"{key[0]} {key[1]} #{g.get('item_no') or g.get('no')}"
            cands = [r for r in pool.get(g["doc_id"], []) if match(g, r)]
            if cands:
                pool[g["doc_id"]].remove(cands[0])
            if g.get("ambiguous"):  # the text cannot settle it: not scored
                continue
            pred = predict(cands[0]) if cands else {f: [] for f in fields}
            score(key, "rows", ["row"], ["row"] if cands else [], where)
            for f, v in fields.items():
                score(key, f, v, pred[f], where)
        for doc, rest in pool.items():  # parsed rows the gold does not have
            for r in rest:
                where = f"{doc} {r.list_name} #{r.item_no} (not in gold)"
                score((doc, r.list_name), "rows", [], ["row"], where)
                if kind == "list":
                    for f, v in _list_pred(r).items():
                        score((doc, r.list_name), f, [], v, where)

    # list rows: match on (doc, list, item number, start of item text)
    compare("list", [(g, _list_gold(g)) for g in load_gold_lists()],
            lambda g, r: r.list_name == g["list"] and r.item_no == g["item_no"]
            and _norm(r.text).startswith(_norm(g["text_start"])[:8]), _list_pred)
    # index tables: match on (doc, table, indicator number)
    compare("index", [(g, _index_fields(g["name"], g["weight"], g["data_source"], g["parents"])) for g in load_gold_index()],
            lambda g, r: _norm(r.list_name) == _norm(g["table"]) and r.item_no == g["no"],
            lambda r: _index_fields(r.text, r.weight, r.extra.get("数据来源", ""),
                                    [(p["level"], p["name"], p["weight"]) for p in r.parents]))
    # indicator tables: match on (doc, table, number); rows the text leaves ambiguous are not scored
    columns = ("现状值(2020年)", "规划值(2025年)", "规划值(2030年)")
    compare("indicator",
            [(g, {"indicator": [_norm(g["name"])], "values": [_norm(g[k]) for k in ("current", "plan_2025", "plan_2030")]})
             for g in load_gold_indicators()],
            lambda g, r: _norm(r.list_name) == _norm(g["table"]) and r.item_no == g["no"],
            lambda r: {"indicator": [_norm(r.text)], "values": [_norm(r.extra.get(k, "")) for k in columns]})

    return {
        "totals": {f: p.as_dict() for f, p in totals.items()},
        "groups": [{"doc_id": d, "list": lst, **{f: p.as_dict() for f, p in fields.items()}}
                   for (d, lst), fields in sorted(groups.items())],
        "required": REQUIRED,
        "mismatches": mismatches,
    }


def to_markdown(result: dict) -> str:
    lines = ["# Parser evaluation against hand-checked gold", "",
             "Micro-averaged over all rows of every list and index table in `evals/gold`.", "",
             "| field | precision | recall | F1 | required F1 |", "|---|---|---|---|---|"]
    for f, s in result["totals"].items():
        req = result["required"].get(f)
        lines.append(f"| {f} | {s['precision']:.4f} | {s['recall']:.4f} | {s['f1']:.4f} | {req if req else ''} |")
    lines += ["", "## Per document and list (F1)", ""]
    fields = sorted({f for g in result["groups"] for f in g if f not in ("doc_id", "list")})
    lines.append("| document | list | " + " | ".join(fields) + " |")
    lines.append("|---|---|" + "---|" * len(fields))
    for g in result["groups"]:
        cells = [f"{g[f]['f1']:.3f} ({g[f]['tp']}/{g[f]['tp'] + g[f]['fn']})" if f in g else "" for f in fields]
        lines.append(f"| {g['doc_id']} | {g['list']} | " + " | ".join(cells) + " |")
    lines += ["", f"## Mismatches ({len(result['mismatches'])})", ""]
    for m in result["mismatches"][:200]:
        lines.append(f"- {m['where']} · {m['field']}: gold {m['gold']} ≠ parsed {m['parsed']}")
    return "\n".join(lines) + "\n"


def lodo_markdown(in_sample: dict, lodo: dict, owners: dict[str, set[str]]) -> str:
    only = sorted(f"{w} ({next(iter(d))})" for w, d in owners.items() if len(d) == 1)
    unused = sorted(w for w, d in owners.items() if not d)
    lines = ["", "## Leave one document out", "",
             "The parser's rules are code; what was fitted to the documents is its header vocabulary "
             "(`ingest/vocab.py`). Here each document is parsed with only the header words the other four "
             "use, as a new document with an unseen header would be.", "",
             f"Header words only one document uses: {', '.join(only) or 'none'}. "
             f"Not used by any corpus document: {', '.join(unused) or 'none'}.", "",
             "| field | in-sample F1 | leave-one-document-out F1 |", "|---|---|---|"]
    for f, t in in_sample["totals"].items():
        lines.append(f"| {f} | {t['f1']:.4f} | {lodo['totals'].get(f, {}).get('f1', 0.0):.4f} |")
    lines += ["", "Per document (lead F1 / rows F1), leave-one-document-out:", ""]
    for d in sorted({g["doc_id"] for g in lodo["groups"]}):
        gs = [g for g in lodo["groups"] if g["doc_id"] == d]
        tp = sum(g["rows"]["tp"] for g in gs)
        gold = sum(g["rows"]["tp"] + g["rows"]["fn"] for g in gs)
        lines.append(f"- {d}: rows found {tp} of {gold}")
    return "\n".join(lines) + "\n"


def main() -> int:
    result = evaluate()
    lodo = evaluate(parse_corpus_lodo())
    result["lodo"] = {"totals": lodo["totals"], "groups": lodo["groups"]}
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "parser_eval.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    md = to_markdown(result) + lodo_markdown(result, lodo, header_word_owners())
    (REPORTS / "parser_eval.md").write_text(md, encoding="utf-8")
    print(md.split("## Per document")[0])
    print(md.split("## Leave one document out")[1])
    failed = [f for f, t in REQUIRED.items() if result["totals"].get(f, {}).get("f1", 0) < t]
    if failed:
        print("BELOW REQUIRED F1:", ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
