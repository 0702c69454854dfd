import sys, json
from ingest.config import Settings
from tests.conftest import FakeEmbedder, CORPUS
from pathlib import Path
from rag.chain import PolicyQA
from rag.resources import Resources
from evals.qa_sets import all_sets, heldout
from evals.qa_eval import evaluate
qa = PolicyQA(Resources.load(Settings(home=Path("/tmp/pqa_fake"), corpus_dir=CORPUS), embedder=FakeEmbedder()))
res = evaluate(qa, all_sets() + heldout(), with_retrieval=False)
print(json.dumps(res["totals"]))
for r in res["failures"][:20]: print(r["category"], r["question"], "→", r["answer"][:150])
