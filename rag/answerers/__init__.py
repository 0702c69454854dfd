"""Answerers: each drafts a cited answer for the questions it can answer and says how well.

One interface (:class:`rag.answerers.base.Answerer`): ``run(ask) -> Draft | None``. The planner in
``rag.chain`` asks them and keeps the best draft by score.
"""
