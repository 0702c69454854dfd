"""Ingest speed by input format, per page, and the cold ingest of the corpus plus its office
renderings (the committed fixtures under ``evals/fixtures``).

- text PDF: the LibreOffice exports of the province and Taizhou plans, ruled and without rulings;
- .docx: the same plans as Word files; a .docx has no pages, so its seconds are divided by the
  pages of its own PDF export (the same content laid out), to compare like with like;
- OCR: the 5-page scan of the province 目标清单 and the 3-page scan of the Taizhou 协同指数 (RapidOCR
  on 2 cores).

Reading is timed in this process (parse included: ``load_document`` then ``parse_document``),
median of ``--runs``; OCR once per run. The cold ingest runs the whole pipeline (embedding with
the configured embedder) into an empty home.

Usage::

    python -m evals.bench.formats [--runs 3]    # writes evals/bench/formats.json and formats.png
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from evals.bench.common import machine, pyplot, save_figure, write_json
from evals.fixtures.render import OUT as FIXTURES

#: (label, file, pages-from) — pages of a .docx are those of its PDF export.
INPUTS = (
    ("text PDF", "zj-plan.pdf", "zj-plan.pdf"), ("text PDF", "tz-pilot.pdf", "tz-pilot.pdf"),
    ("text PDF, no rulings", "zj-plan-unruled.pdf", "zj-plan-unruled.pdf"),
    ("text PDF, no rulings", "tz-pilot-unruled.pdf", "tz-pilot-unruled.pdf"),
    (".docx", "zj-plan.docx", "zj-plan.pdf"), (".docx", "tz-pilot.docx", "tz-pilot.pdf"),
    ("OCR (scan)", "zj-plan-scan.pdf", "zj-plan-scan.pdf"), ("OCR (scan)", "tz-pilot-scan.pdf", "tz-pilot-scan.pdf"),
)
TARGETS = {"text PDF": 0.2, "text PDF, no rulings": 0.2, "OCR (scan)": 3.0}


def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def read_seconds(path: Path) -> float:
    """Seconds to read and parse one file into records and paragraphs."""
    from ingest.loaders import load_document
    from ingest.structure import parse_document
    from ingest.types import DocumentMeta

    meta = DocumentMeta(id="bench", title="bench", file=path.name, level="省", region="浙江省")
    t = time.perf_counter()
    parse_document(load_document(path, meta, max_ocr_pages=1000))
    return time.perf_counter() - t


def cold_ingest(embedder: Any = None) -> dict[str, Any]:
    """The corpus plus every office rendering ingested into an empty home (the renderings are
    documents of their own, metadata read from their first lines)."""
    from ingest.config import Settings
    from ingest.pipeline import Ingestor

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(FIXTURES.parents[1] / "corpus", corpus)
        for f in sorted(FIXTURES.iterdir()):
            if f.suffix in (".pdf", ".docx"):
                shutil.copy(f, corpus / f.name)
        settings = Settings.from_env().with_(home=Path(tmp) / "home", corpus_dir=corpus, max_ocr_pages=1000)
        t = time.perf_counter()
        rep = Ingestor(settings, embedder).run([corpus], log=lambda m: None)
        wall = time.perf_counter() - t
    return {"files": len(rep.ingested) + len(rep.failed), "failed": [f for f, _ in rep.failed], "records": rep.records,
            "chunks": rep.chunks, "wall_s": round(wall, 1), "embed_s": round(rep.embed_seconds, 1)}


def main() -> int:
    from ingest.config import Settings

    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    rows = []
    for label, name, pages_from in INPUTS:
        pages = pdf_pages(FIXTURES / pages_from)
        runs = [read_seconds(FIXTURES / name) for _ in range(args.runs)]
        med = statistics.median(runs)
        rows.append({"format": label, "file": name, "pages": pages, "runs_s": [round(r, 2) for r in runs],
                     "seconds": round(med, 2), "s_per_page": round(med / pages, 3), "target_s_per_page": TARGETS.get(label)})
        print(f"{label:22} {name:22} {pages:3d} pages  {med:6.2f} s  {med / pages:.3f} s/page")
    by_format: dict[str, list[dict]] = {}
    for r in rows:
        by_format.setdefault(r["format"], []).append(r)
    summary = {f: round(sum(r["seconds"] for r in rs) / sum(r["pages"] for r in rs), 3) for f, rs in by_format.items()}
    cold = cold_ingest()
    print("cold ingest of corpus + renderings:", cold)
    settings = Settings.from_env()
    res = {"machine": machine(settings.embedder), "runs": args.runs, "inputs": rows, "s_per_page": summary,
           "targets_s_per_page": TARGETS, "cold_ingest_with_renderings": cold}
    path = write_json("formats.json", res)
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(6, 3.2))
    labels = list(summary)
    ax.barh(labels, [summary[k] for k in labels], color="#3b7dd8")
    for y, k in enumerate(labels):
        if TARGETS.get(k):
            ax.plot([TARGETS[k], TARGETS[k]], [y - 0.4, y + 0.4], "k--")
    ax.set_xscale("log")
    ax.set_xlabel("seconds per page, read + parse (log; dashed: target)")
    save_figure(fig, path.with_suffix(".png"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
