"""SQLite store: documents (with original lines), records, chunks, unit index, embedding cache,
and the index manifest. One document is written in one transaction (all or nothing).

>>> import tempfile, pathlib
>>> st = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
>>> st.get_manifest()
{}
"""
from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any, Iterable

import numpy as np

from .types import Chunk, DocumentMeta, Line, Record, SourceDocument
from .units import paren_units, unit_aliases, unit_key

SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
  id TEXT PRIMARY KEY, meta TEXT NOT NULL, sha TEXT NOT NULL, kind TEXT NOT NULL,
  lines TEXT NOT NULL, pages TEXT, n_chunks INTEGER, n_records INTEGER, ingested_at TEXT,
  geo TEXT, path TEXT
);
CREATE TABLE IF NOT EXISTS records (
  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, list_name TEXT, item_no TEXT, seq INTEGER,
  deadline_year INTEGER, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_doc ON records(doc_id);
CREATE INDEX IF NOT EXISTS records_year ON records(deadline_year);
CREATE TABLE IF NOT EXISTS record_units (
  record_id TEXT NOT NULL, doc_id TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,
  key TEXT NOT NULL, level TEXT
);
CREATE INDEX IF NOT EXISTS ru_key ON record_units(key);
CREATE TABLE IF NOT EXISTS chunks (
  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, seq INTEGER, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE TABLE IF NOT EXISTS embed_cache (
  model TEXT NOT NULL, text_hash TEXT NOT NULL, vec BLOB NOT NULL, PRIMARY KEY (model, text_hash)
);
CREATE TABLE IF NOT EXISTS manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def geo_of(lines: Iterable[Line]) -> list[list[Any] | None] | None:
    """Per line [locator, ocr, box rounded to 0.1 pt] (None for a plain line); None when no line has any.

    >>> geo_of([Line(1, "a"), Line(2, "b", 3, "第3页", True, (1.04, 2, 3, 4))])
    [None, ['第3页', 1, [1.0, 2, 3, 4]]]
    """
    out = [[ln.locator, int(ln.ocr), [round(v, 1) for v in ln.box] if ln.box else None]
           if (ln.locator or ln.ocr or ln.box) else None for ln in lines]
    return out if any(out) else None


class Store:
    """Thread-safe wrapper around one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        # parsed lines per document, keyed by its (sha, ingested_at): an answer cites several passages
        # of one document and parsing its JSON lines each time cost ~5 ms; a re-ingest (also by another
        # process) changes the key, so a stale list is never returned
        self._lines: dict[str, tuple[tuple[str, str], tuple[tuple[Line, ...], bool]]] = {}
        self._db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        self._migrate()

    def _migrate(self) -> None:
        """Columns added after a store was first made (an older store opens and is rebuilt by the
        manifest check; the columns must exist for that)."""
        have = {row[1] for row in self._db.execute("PRAGMA table_info(docs)")}
        for col in ("geo", "path"):
            if col not in have:
                self._db.execute(f"ALTER TABLE docs ADD COLUMN {col} TEXT")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # ---- manifest -------------------------------------------------------------
    def get_manifest(self) -> dict[str, Any]:
        with self._lock:
            rows = self._db.execute("SELECT key, value FROM manifest").fetchall()
        return {k: json.loads(v) for k, v in rows}

    def set_manifest(self, values: dict[str, Any]) -> None:
        with self._lock:
            self._db.execute("BEGIN")
            self._db.execute("DELETE FROM manifest")
            self._db.executemany(
                "INSERT INTO manifest(key, value) VALUES (?, ?)",
                [(k, json.dumps(v, ensure_ascii=False)) for k, v in values.items()],
            )
            self._db.execute("COMMIT")

    def clear_index(self) -> None:
        """Drop all documents, records and chunks (the embedding cache is kept)."""
        with self._lock:
            self._db.execute("BEGIN")
            for t in ("docs", "records", "record_units", "chunks", "manifest"):
                self._db.execute(f"DELETE FROM {t}")
            self._db.execute("COMMIT")

    # ---- documents ------------------------------------------------------------
    def doc_sha(self, doc_id: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT sha FROM docs WHERE id=?", (doc_id,)).fetchone()
        return row[0] if row else None

    def put_document(self, doc: SourceDocument, records: list[Record], chunks: list[Chunk], when: str) -> None:
        """Replace one document with its records and chunks in a single transaction."""
        lines = [ln.text for ln in doc.lines]
        pages = [ln.page for ln in doc.lines] if doc.kind == "pdf" else None
        geo = geo_of(doc.lines)
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._delete_doc_rows(doc.meta.id)
                self._db.execute(
                    "INSERT INTO docs (id, meta, sha, kind, lines, pages, n_chunks, n_records, ingested_at, geo, path) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        doc.meta.id, json.dumps(doc.meta.to_dict(), ensure_ascii=False), doc.sha, doc.kind,
                        json.dumps(lines, ensure_ascii=False), json.dumps(pages) if pages else None,
                        len(chunks), len(records), when, json.dumps(geo, ensure_ascii=False) if geo else None, doc.path,
                    ),
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO records VALUES (?,?,?,?,?,?,?)",
                    [(r.id, r.doc_id, r.list_name, r.item_no, i, r.deadline_year, r.to_json()) for i, r in enumerate(records)],
                )
                unit_rows = []
                for r in records:
                    for role, units in (("lead", r.lead_units), ("part", r.participant_units), ("source", r.data_sources)):
                        for u in units:
                            unit_rows.append((r.id, r.doc_id, role, u.name, u.key, u.level))
                            # "省发展改革委（省能源局）": the row is found by the unit in its parentheses too
                            unit_rows += [(r.id, r.doc_id, role, b, unit_key(b), u.level) for b in paren_units(u.name)
                                          if unit_key(b) != u.key]
                self._db.executemany("INSERT INTO record_units VALUES (?,?,?,?,?,?)", unit_rows)
                self._db.executemany(
                    "INSERT OR REPLACE INTO chunks VALUES (?,?,?,?)",
                    [(c.id, c.doc_id, i, json.dumps(c.to_dict(), ensure_ascii=False)) for i, c in enumerate(chunks)],
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _delete_doc_rows(self, doc_id: str) -> None:
        for t, col in (("docs", "id"), ("records", "doc_id"), ("record_units", "doc_id"), ("chunks", "doc_id")):
            self._db.execute(f"DELETE FROM {t} WHERE {col}=?", (doc_id,))

    def delete_document(self, doc_id: str) -> bool:
        with self._lock:
            existed = self._db.execute("SELECT 1 FROM docs WHERE id=?", (doc_id,)).fetchone() is not None
            self._db.execute("BEGIN IMMEDIATE")
            self._delete_doc_rows(doc_id)
            self._db.execute("COMMIT")
        return existed

    def state(self) -> str:
        """Which documents, at which content and ingest time: changes whenever a document does."""
        with self._lock:
            rows = self._db.execute("SELECT id, sha, ingested_at FROM docs ORDER BY id").fetchall()
        return "|".join(f"{i}:{sha}:{at}" for i, sha, at in rows)

    def documents(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT meta, sha, kind, n_chunks, n_records, ingested_at FROM docs ORDER BY id"
            ).fetchall()
        return [
            {**json.loads(m), "sha": sha, "kind": kind, "n_chunks": nc, "n_records": nr, "ingested_at": at}
            for m, sha, kind, nc, nr, at in rows
        ]

    def doc_meta(self, doc_id: str) -> DocumentMeta | None:
        with self._lock:
            row = self._db.execute("SELECT meta FROM docs WHERE id=?", (doc_id,)).fetchone()
        return DocumentMeta(**json.loads(row[0])) if row else None

    def source_lines(self, doc_id: str) -> list[Line]:
        """The document's lines with page, locator, OCR mark and region on the page (empty for an
        unknown id). Parsed once per ingest of the document (:meth:`_parsed`).

        >>> import tempfile; st = Store(Path(tempfile.mkdtemp()) / "s.db")
        >>> st.source_lines("nope")
        []
        """
        parsed = self._parsed(doc_id)
        return list(parsed[0]) if parsed else []

    def _parsed(self, doc_id: str) -> tuple[tuple[Line, ...], bool] | None:
        """The document's lines and whether it stores pages (a PDF), from the cache while the
        document's (sha, ingested_at) is unchanged; None for an unknown id."""
        with self._lock:
            key = self._db.execute("SELECT sha, ingested_at FROM docs WHERE id=?", (doc_id,)).fetchone()
            if not key:
                return None
            cached = self._lines.get(doc_id)
            if cached is not None and cached[0] == tuple(key):
                return cached[1]
            row = self._db.execute("SELECT lines, pages, geo, sha, ingested_at FROM docs WHERE id=?",
                                   (doc_id,)).fetchone()
        if not row:
            return None
        key = row[3:]  # as read with the lines (a writer between the two reads changes both)
        texts = json.loads(row[0])
        pages = json.loads(row[1]) if row[1] else [None] * len(texts)
        geo = json.loads(row[2]) if row[2] else [None] * len(texts)
        out = []
        for i, (text, page, g) in enumerate(zip(texts, pages, geo)):
            locator, ocr, box = g if g else ("", 0, None)
            out.append(Line(no=i + 1, text=text, page=page, locator=locator, ocr=bool(ocr), box=tuple(box) if box else None))
        parsed = (tuple(out), bool(row[1]))
        with self._lock:
            self._lines[doc_id] = (tuple(key), parsed)
        return parsed

    def source_path(self, doc_id: str) -> str:
        """The file the document was read from ("" when unknown)."""
        with self._lock:
            row = self._db.execute("SELECT path FROM docs WHERE id=?", (doc_id,)).fetchone()
        return (row[0] or "") if row else ""

    def doc_lines(self, doc_id: str) -> tuple[list[str], list[int | None] | None]:
        """The document's line texts and, for a PDF, their pages (the parse :meth:`source_lines` keeps)."""
        parsed = self._parsed(doc_id)
        if not parsed:
            return [], None
        lines, has_pages = parsed
        return [ln.text for ln in lines], ([ln.page for ln in lines] if has_pages else None)

    def original_text(self, doc_id: str, start_line: int, end_line: int) -> str:
        """Verbatim original lines (blank lines dropped) for a citation."""
        lines, _ = self.doc_lines(doc_id)
        return "\n".join(l for l in lines[start_line - 1 : end_line] if l.strip())

    # ---- records and chunks ---------------------------------------------------
    def records(self, doc_id: str | None = None) -> list[Record]:
        sql, args = "SELECT data FROM records", ()
        if doc_id:
            sql, args = sql + " WHERE doc_id=?", (doc_id,)
        with self._lock:
            rows = self._db.execute(sql + " ORDER BY doc_id, seq", args).fetchall()
        return [Record.from_dict(json.loads(r[0])) for r in rows]

    def record(self, record_id: str) -> Record | None:
        with self._lock:
            row = self._db.execute("SELECT data FROM records WHERE id=?", (record_id,)).fetchone()
        return Record.from_dict(json.loads(row[0])) if row else None

    def query_records(
        self,
        doc_id: str | None = None,
        list_name: str | None = None,
        unit_key: str | None = None,
        role: str | None = None,
        year: int | None = None,
        region: str | None = None,
    ) -> list[Record]:
        """Records filtered by document, list, department key (lead/part), deadline year, region."""
        where, args = [], []
        if doc_id:
            where.append("r.doc_id=?"); args.append(doc_id)
        if list_name:
            where.append("r.list_name=?"); args.append(list_name)
        if year is not None:
            where.append("r.deadline_year=?"); args.append(year)
        if unit_key:
            sub = "SELECT record_id FROM record_units WHERE key=?"
            args.append(unit_key)
            if role:
                sub += " AND role=?"; args.append(role)
            where.append(f"r.id IN ({sub})")
        if region:
            where.append("r.doc_id IN (SELECT id FROM docs WHERE json_extract(meta, '$.region')=?)")
            args.append(region)
        sql = "SELECT r.data FROM records r" + (" WHERE " + " AND ".join(where) if where else "")
        with self._lock:
            rows = self._db.execute(sql + " ORDER BY r.doc_id, r.seq", args).fetchall()
        return [Record.from_dict(json.loads(r[0])) for r in rows]

    def unit_names(self) -> list[tuple[str, str, int]]:
        """(key, a display name, number of records) for every department."""
        with self._lock:
            rows = self._db.execute(
                "SELECT key, MIN(name), COUNT(DISTINCT record_id) FROM record_units GROUP BY key ORDER BY key"
            ).fetchall()
        return [(k, n, c) for k, n, c in rows]

    def all_unit_surface_forms(self) -> set[str]:
        with self._lock:
            rows = self._db.execute("SELECT DISTINCT name FROM record_units").fetchall()
        forms: set[str] = set()
        for (n,) in rows:
            forms.update(unit_aliases(n))
        return forms

    def chunks(self, doc_id: str | None = None) -> list[Chunk]:
        sql, args = "SELECT data FROM chunks", ()
        if doc_id:
            sql, args = sql + " WHERE doc_id=?", (doc_id,)
        with self._lock:
            rows = self._db.execute(sql + " ORDER BY doc_id, seq", args).fetchall()
        return [Chunk.from_dict(json.loads(r[0])) for r in rows]

    def chunk_ids(self) -> set[str]:
        with self._lock:
            return {r[0] for r in self._db.execute("SELECT id FROM chunks")}

    # ---- embedding cache ------------------------------------------------------
    def cached_embeddings(self, model: str, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        hashes = list(hashes)
        out: dict[str, np.ndarray] = {}
        with self._lock:
            for i in range(0, len(hashes), 500):
                part = hashes[i : i + 500]
                q = ",".join("?" * len(part))
                for h, blob in self._db.execute(
                    f"SELECT text_hash, vec FROM embed_cache WHERE model=? AND text_hash IN ({q})", [model, *part]
                ):
                    out[h] = np.frombuffer(blob, dtype="float32")
        return out

    def put_embeddings(self, model: str, items: dict[str, np.ndarray]) -> None:
        with self._lock:
            self._db.execute("BEGIN")
            self._db.executemany(
                "INSERT OR REPLACE INTO embed_cache VALUES (?,?,?)",
                [(model, h, np.asarray(v, dtype="float32").tobytes()) for h, v in items.items()],
            )
            self._db.execute("COMMIT")
