"""policy-qa ingest: loaders, structure parser, records, chunks and the hybrid index."""
