"""policy-qa retrieval and answering (built on the ingest index)."""
