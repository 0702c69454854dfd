"""The one error type of ingest: a file that cannot be ingested, with a one-line message naming it."""


class IngestError(Exception):
    """A file that cannot be ingested; the message is one line naming the file."""
