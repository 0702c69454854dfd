"""``policy-qa`` command line: ingest, docs, rm, ask, serve.

>>> build_parser().parse_args(["ingest", "--strict"]).strict
True
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ingest.config import Settings, apply_offline_env


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="policy-qa", description="减污降碳政策文件问答 (policy-qa)")
    sub = p.add_subparsers(dest="cmd", required=True)
    ing = sub.add_parser("ingest", help="ingest documents (default: the corpus folder)")
    ing.add_argument("paths", nargs="*", type=Path)
    ing.add_argument("--strict", action="store_true", help="exit non-zero if any file fails")
    ing.add_argument("--quiet", action="store_true", help="no progress bar")
    d = sub.add_parser("docs", help="list ingested documents")
    d.add_argument("--json", action="store_true")
    rm = sub.add_parser("rm", help="remove one document from the index")
    rm.add_argument("doc_id")
    ask = sub.add_parser("ask", help="ask a question (or --batch FILE, one question per line)")
    ask.add_argument("question", nargs="?", help="the question, in Chinese")
    ask.add_argument("--batch", type=Path, help="file with one question per line; answers in the same order")
    ask.add_argument("--json", action="store_true", help="one JSON object per answer")
    ask.add_argument("--region", help="only documents of this region, e.g. 温州市")
    ask.add_argument("--doc", help="only this document id")
    sv = sub.add_parser("serve", help="web chat and REST API (binds 127.0.0.1 unless told otherwise)")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=7860)
    return p


def _ingestor(settings: Settings, progress: bool = False):
    from ingest.pipeline import Ingestor

    return Ingestor(settings, progress=progress)


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    paths = args.paths or [settings.corpus_dir]
    ing = _ingestor(settings, progress=not args.quiet)
    rep = ing.run(paths)
    print(rep.summary())
    if rep.failed and (args.strict or not (rep.ingested or rep.unchanged)):
        return 1
    return 0


def cmd_docs(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.store import Store

    docs = Store(settings.db_path).documents()
    if args.json:
        print(json.dumps(docs, ensure_ascii=False, indent=1))
        return 0
    if not docs:
        print("no documents ingested (run: policy-qa ingest)")
        return 0
    for d in docs:
        print(f"{d['id']:<24} {d['level'] or '-':<2} {d['region'] or '-':<6} {d['status'] or '-':<6} "
              f"records={d['n_records']:<4} chunks={d['n_chunks']:<4} {d['title']}")
    return 0


def cmd_rm(args: argparse.Namespace, settings: Settings) -> int:
    ok = _ingestor(settings).remove(args.doc_id)
    print(("removed " if ok else "no such document: ") + args.doc_id)
    return 0 if ok else 1


def format_answer(ans) -> str:  # rag.types.Answer
    """Readable text: the answer, then numbered sources with their verbatim passages."""
    lines = [ans.answer, ""]
    cites = ans.citations or ans.nearest
    if cites:
        lines.append("最接近的原文：" if ans.refused else "来源：")
    for c in cites:
        lines.append(f"[{c.n}] 《{c.title}》 {c.section} · {c.locator}")
        lines += ["    " + t for t in c.text.splitlines()]
    return "\n".join(lines).rstrip()


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from rag.chain import PolicyQA
    from rag.resources import IndexNotReady

    if not args.question and not args.batch:
        print("give a question or --batch FILE", file=sys.stderr)
        return 2
    try:
        qa = PolicyQA.from_settings(settings)
    except IndexNotReady as exc:
        print(f"index not ready: {exc}", file=sys.stderr)
        return 2
    filters = {k: v for k, v in (("region", args.region), ("doc_id", args.doc)) if v}
    if args.batch:
        try:
            questions = [q for q in args.batch.read_text(encoding="utf-8").splitlines() if q.strip()]
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{args.batch}: cannot read ({exc})", file=sys.stderr)
            return 2
    else:
        questions = [args.question]
    for q in questions:
        ans = qa.answer(q, filters=filters)
        if args.json:
            print(json.dumps(ans.to_json(), ensure_ascii=False), flush=True)
        else:
            print(("问：" + q + "\n") if args.batch else "", end="")
            print(format_answer(ans) + ("\n" if args.batch else ""), flush=True)
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from app.server import serve

    serve(settings, host=args.host, port=args.port)
    return 0


def main(argv: list[str] | None = None) -> int:
    apply_offline_env()
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except ValueError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    return {"ingest": cmd_ingest, "docs": cmd_docs, "rm": cmd_rm, "ask": cmd_ask, "serve": cmd_serve}[args.cmd](args, settings)


if __name__ == "__main__":
    raise SystemExit(main())
