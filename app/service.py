"""What the web page and the REST API share: answers, department and deadline tables, documents,
uploads and deletes (admin token), feedback.

Usage::

    svc = Service(Settings.from_env())
    svc.ask("秸秆综合利用那条谁牵头？").to_json()
    svc.records(department="市生态环境局", year=2025)
"""
from __future__ import annotations

import hmac
import re
import shutil
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ingest.config import Settings
from ingest.embed import Embedder
from ingest.loaders import SUPPORTED
from ingest.types import Record
from ingest.units import unit_aliases, unit_key

from .feedback import FeedbackStore


class AdminError(PermissionError):
    """Upload/delete without a configured or matching admin token."""


class UploadError(ValueError):
    """A file that cannot be ingested (type, name, content)."""


def safe_upload_name(name: str) -> str:
    """A file name that stays inside the upload folder: no directories, no dot files, known suffix.

    >>> safe_upload_name("../../etc/温州方案.TXT")
    '温州方案.txt'
    >>> safe_upload_name("a/b/..")
    Traceback (most recent call last):
    ...
    app.service.UploadError: ..: unsupported file type (use .pdf, .txt or .docx)
    """
    base = re.split(r"[\\/]", name or "")[-1].strip()
    stem, dot, suffix = base.rpartition(".")
    suffix = suffix.lower()
    if not dot or f".{suffix}" not in SUPPORTED or not stem.strip(". "):
        raise UploadError(f"{base or name}: unsupported file type (use .pdf, .txt or .docx)")
    stem = re.sub(r"[^\w\u4e00-\u9fff（）()\-—]+", "_", stem).strip("._ ")[:80] or "upload"
    return f"{stem}.{suffix}"


def sniff_type(data: bytes, suffix: str) -> None:
    """Check the content, not only the extension."""
    if suffix == ".pdf":
        if not data.lstrip()[:5].startswith(b"%PDF-"):
            raise UploadError("the file is not a PDF (content does not start with %PDF-)")
        return
    if suffix in (".docx", ".docm", ".doc", ".wps"):
        if suffix in (".docx", ".docm") and not data.startswith(b"PK\x03\x04"):
            raise UploadError("the file is not a Word .docx (not a zip container)")
        return  # the loader checks the container (macros, zip bombs) and converts .doc/.wps
    if b"\x00" in data[:4096]:
        raise UploadError("the file is binary, not text")


class Service:
    def __init__(self, settings: Settings, embedder: Embedder | None = None, qa: Any | None = None) -> None:
        self.settings = settings
        self._embedder = embedder
        self._qa = qa
        self._ingestor: Any = None
        self._lock = threading.Lock()
        self._ingest_lock = threading.Lock()
        self.feedback = FeedbackStore(settings.feedback_db)
        self._page_view: Any = None

    # ---- answer chain ---------------------------------------------------------
    @property
    def qa(self) -> Any:
        with self._lock:
            if self._qa is None:
                from rag.chain import PolicyQA

                self._qa = PolicyQA.from_settings(self.settings, embedder=self._embedder)
            return self._qa

    def ask(self, question: str, history: Sequence[Any] | None = None, filters: dict[str, Any] | None = None) -> Any:
        self.qa.refresh()
        return self.qa.answer(question, history=history, filters=filters)

    # ---- tables -----------------------------------------------------------------
    def departments(self) -> list[dict[str, Any]]:
        res = self.qa.res
        counts: dict[str, dict[str, int]] = {}
        for r in res.records.values():
            for role, units in (("lead", r.lead_units), ("part", r.participant_units)):
                for u in units:
                    c = counts.setdefault(u.key, {"lead": 0, "part": 0})
                    c[role] += 1
        out = []
        for key, c in sorted(counts.items()):
            name = res.unit_display.get(key, key)
            out.append({"key": key, "name": name, "aliases": unit_aliases(name), "lead": c["lead"], "participate": c["part"]})
        return out

    def resolve_department(self, text: str) -> list[str]:
        """Unit keys for a typed department name (exact, alias, or a unique part of a name)."""
        text = re.sub(r"\s+", "", text or "")
        if not text:
            return []
        res = self.qa.res
        if text in res.unit_forms:
            return [res.unit_forms[text]]
        key = unit_key(text)
        keys = {u for u in res.unit_forms.values()}
        if key in keys:
            return [key]
        return sorted({k for f, k in res.unit_forms.items() if text in f})

    def records(self, department: str | None = None, year: int | None = None, region: str | None = None,
                doc: str | None = None, role: str | None = None) -> list[dict[str, Any]]:
        res = self.qa.res
        keys = self.resolve_department(department) if department else None
        if department and not keys:
            return []
        rows: list[Record] = []
        for r in res.records.values():
            meta = res.docs.get(r.doc_id)
            if doc and r.doc_id != doc:
                continue
            if region and (not meta or meta.region != region):
                continue
            if year is not None and r.deadline_year != year:
                continue
            if keys:
                lead = any(u.key in keys for u in r.lead_units)
                part = any(u.key in keys for u in r.participant_units)
                if not (lead or part) or (role == "lead" and not lead) or (role == "part" and not part):
                    continue
            rows.append(r)
        order = {d: i for i, d in enumerate(sorted(res.docs, key=lambda d: ({"省": 0, "市": 1}.get(res.docs[d].level, 2), d)))}
        rows.sort(key=lambda r: (order.get(r.doc_id, 99), r.span.start_line if r.span else 0))
        return [self.row(r, keys) for r in rows]

    def row(self, r: Record, keys: list[str] | None = None) -> dict[str, Any]:
        meta = self.qa.res.docs.get(r.doc_id)
        role = ""
        if keys:
            role = "牵头" if any(u.key in keys for u in r.lead_units) else "参与"
        prov = {"item": "条目中注明", "list_note": "清单表注（未注明的均为该年）"}.get(r.deadline_source, "")
        return {
            "doc_id": r.doc_id, "document": meta.title if meta else r.doc_id, "status": meta.status if meta else "",
            "region": meta.region if meta else "", "list": r.list_name, "item_no": r.item_no, "item": r.text,
            "role": role, "lead": "、".join(r.lead_names) or r.lead_note, "participants": "、".join(r.participant_names),
            "deadline": r.deadline_year or "", "deadline_source": prov, "locator": r.span.locator() if r.span else "",
            "record_id": r.id,
        }

    COMPARE_FIELDS = ("item", "lead", "participants", "targets", "deadline")

    def compare(self, question: str) -> dict[str, Any]:
        """The item a question names, across documents side by side: wording, lead, participants,
        target values, deadline and source per document, and which of those fields differ."""
        self.qa.refresh()
        rows = []
        for r in self.qa.rows_across_documents(question):
            row = self.row(r)
            row["targets"] = "，".join(t.text for t in r.targets)
            rows.append(row)
        differ = [f for f in self.COMPARE_FIELDS if len({str(r.get(f, "")) for r in rows}) > 1] if len(rows) > 1 else []
        return {"question": question, "rows": rows, "differ": differ,
                "message": "" if rows else "文件中未找到可比较的条目"}

    # ---- versions -----------------------------------------------------------------
    def versions(self) -> list[dict[str, str]]:
        """Pairs (old, new) of documents that are versions of one another: same issuer (or one unknown),
        the same title once status marks (征求意见稿 …) are removed; the later ingest is the new version."""
        from rag.versions import version_pairs

        titles = {d["id"]: d["title"] for d in self.docs()}
        return [{"old": a, "new": b, "old_title": titles[a], "new_title": titles[b]} for a, b in version_pairs(self.docs())]

    def changes(self, old: str, new: str) -> dict[str, Any]:
        """Rows added, removed and changed field by field from document ``old`` to ``new``."""
        from .changes import diff_versions

        self.qa.refresh()
        res = self.qa.res
        for d in (old, new):
            if d not in res.docs:
                raise KeyError(d)
        if old == new:
            raise ValueError("the two versions are the same document")

        def rows(d: str) -> list[Record]:
            return sorted((r for r in res.records.values() if r.doc_id == d), key=lambda r: r.span.start_line if r.span else 0)

        result = diff_versions(rows(old), rows(new))
        result.update({"old": old, "new": new, "old_title": res.docs[old].title, "new_title": res.docs[new].title})
        return result

    # ---- documents --------------------------------------------------------------
    def docs(self) -> list[dict[str, Any]]:
        from ingest.store import Store

        keys = ("id", "title", "issuer", "level", "region", "date", "doc_number", "status", "kind", "n_records",
                "n_chunks", "ingested_at")
        return [{k: d.get(k) for k in keys} for d in Store(self.settings.db_path).documents()]

    def page_image(self, doc_id: str, page: int, start_line: int = 0, end_line: int = 0) -> Any:
        """A PDF page as PNG with the cited lines highlighted (``app.source_view.PageImage``); raises
        ``SourceViewError`` (a LookupError) with a one-line reason."""
        from ingest.store import Store

        from .source_view import PageView

        with self._lock:
            if self._page_view is None:
                self._page_view = PageView(Store(self.settings.db_path))
        return self._page_view.run(doc_id, page, start_line, end_line)

    def doc_pages(self, doc_id: str) -> int:
        """How many pages a PDF document has by its lines (0: not a PDF or unknown)."""
        lines = self.qa.res.store.source_lines(doc_id)
        return max((ln.page or 0 for ln in lines), default=0)

    def doc_text(self, doc_id: str) -> str:
        lines, pages = self.qa.res.store.doc_lines(doc_id)
        if not lines:
            return ""
        if pages:
            return "\n".join(f"[{p}页] {ln}" if p else ln for ln, p in zip(lines, pages))
        return "\n".join(f"{i + 1:>5}  {ln}" for i, ln in enumerate(lines))

    @property
    def admin_enabled(self) -> bool:
        return bool(self.settings.admin_token)

    def check_admin(self, token: str | None) -> None:
        if not self.admin_enabled:
            raise AdminError("upload and delete are disabled (no POLICY_QA_ADMIN_TOKEN configured)")
        if not token or not hmac.compare_digest(token.encode("utf-8"), self.settings.admin_token.encode("utf-8")):
            raise AdminError("wrong admin token")

    def _ingestor_for(self) -> Any:
        if self._ingestor is None:
            from ingest.pipeline import Ingestor

            self._ingestor = Ingestor(self.settings, self.qa.res.embedder)
        return self._ingestor

    def upload(self, src: Path, filename: str, token: str | None, log: Callable[[str], None] | None = None,
               progress: Callable[[float, str], Any] | None = None) -> Any:
        """Copy an uploaded file into the upload folder and ingest it; returns the IngestReport.
        ``progress(fraction, description)`` hears of pages read and chunks embedded."""
        self.check_admin(token)
        name = safe_upload_name(filename)
        size = src.stat().st_size
        if size > self.settings.max_file_mb * 1024 * 1024:
            raise UploadError(f"{name}: file too large ({size // (1024 * 1024)} MB > {self.settings.max_file_mb} MB)")
        with open(src, "rb") as fh:
            head = fh.read(8192)
        sniff_type(head, "." + name.rsplit(".", 1)[1])
        dest_dir = self.settings.uploads_dir
        dest_dir.mkdir(parents=True, exist_ok=True)
        dest = (dest_dir / name).resolve()
        if dest.parent != dest_dir.resolve():
            raise UploadError(f"{name}: bad file name")
        with self._ingest_lock:
            tmp = dest.with_name(dest.name + ".part")
            shutil.copyfile(src, tmp)
            tmp.replace(dest)
            ing = self._ingestor_for()
            from ingest.progress import CallbackProgress, Progress

            ing.progress = CallbackProgress(progress) if progress else Progress()
            try:
                report = ing.run([dest], log=log or (lambda m: None))
            finally:
                ing.progress = Progress()
        if report.failed:
            dest.unlink(missing_ok=True)
            raise UploadError("; ".join(msg for _, msg in report.failed))
        self.qa.refresh()
        return report

    def delete(self, doc_id: str, token: str | None) -> bool:
        self.check_admin(token)
        with self._ingest_lock:
            ok = self._ingestor_for().remove(doc_id)
        self.qa.refresh()
        return ok
