"""REST API (FastAPI); the gradio page is mounted on the same app at "/".

POST /api/ask returns exactly the JSON of ``policy-qa ask --json``.
"""
from __future__ import annotations

import tempfile
import threading
import time
from collections import defaultdict, deque
from pathlib import Path
from typing import Any

from fastapi import FastAPI, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field, create_model

from rag.types import CITATION_FIELDS, CITATION_INTS

from .service import AdminError, Service, UploadError

MAX_BODY = 256 * 1024  # JSON requests; uploads are limited by POLICY_QA_MAX_FILE_MB


class AskFilters(BaseModel):
    region: str | None = Field(None, description="e.g. 温州市")
    level: str | None = Field(None, description="省 or 市")
    doc_id: str | list[str] | None = None


class AskRequest(BaseModel):
    question: str
    history: list[Any] | None = Field(None, description="earlier user questions, or chat messages {role, content}")
    filters: AskFilters | None = None


CitationOut = create_model("CitationOut", **{  # type: ignore[call-overload]
    name: (CITATION_INTS.get(name, str), ...) for name in CITATION_FIELDS})


class AskResponse(BaseModel):
    question: str
    answer: str
    refused: bool
    citations: list[CitationOut]  # type: ignore[valid-type]
    records: list[dict[str, Any]]


class FeedbackIn(BaseModel):
    question: str
    answer: str = ""
    verdict: str = Field(..., description="correct | wrong | wrong_source")
    comment: str = ""
    citations: list[dict[str, Any]] = []


class RateLimiter:
    """At most ``per_min`` requests per client in any 60-second window (0: unlimited).

    >>> rl = RateLimiter(2)
    >>> [rl.allow("a", now=t) for t in (0.0, 1.0, 2.0, 61.5)]
    [True, True, False, True]
    """

    def __init__(self, per_min: int) -> None:
        self.per_min = per_min
        self._hits: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def allow(self, client: str, now: float | None = None) -> bool:
        if self.per_min <= 0:
            return True
        now = time.monotonic() if now is None else now
        with self._lock:
            q = self._hits[client]
            while q and now - q[0] >= 60.0:
                q.popleft()
            if len(q) >= self.per_min:
                return False
            q.append(now)
            return True


FEEDBACK_COLUMNS = ("id", "created_at", "question", "answer", "verdict", "comment", "citations")
MEDIA = {"csv": "text/csv; charset=utf-8",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def table_file(rows: list[dict[str, Any]], stem: str, fmt: str, columns: Any = None, sheet_by: str = "") -> Response:
    """A table as a download: CSV with a UTF-8 BOM, or .xlsx."""
    from .exports import to_csv_bytes, to_xlsx_bytes

    data = to_csv_bytes(rows, columns) if fmt == "csv" else to_xlsx_bytes(rows, columns, sheet_by=sheet_by)
    return Response(data, media_type=MEDIA[fmt], headers={"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'})


def create_api(service: Service) -> FastAPI:
    # the schema is served at /openapi.json; the Swagger/ReDoc pages are off because they load from a CDN
    app = FastAPI(title="policy-qa", version="0.1.0", docs_url=None, redoc_url=None,
                  description="减污降碳政策文件问答：牵头单位、参与单位、目标值、完成时限，附原文出处。")
    limiter = RateLimiter(service.settings.rate_limit_per_min)

    @app.middleware("http")
    async def rate_limit(request: Request, call_next):  # noqa: ANN001, ANN202 - FastAPI middleware signature
        if request.url.path.startswith(("/api/", "/v1/")):
            client = request.client.host if request.client else "unknown"
            if not limiter.allow(client):
                return JSONResponse({"detail": "too many requests; try again in a minute"}, status_code=429)
        return await call_next(request)

    @app.middleware("http")
    async def limit_body(request: Request, call_next):  # noqa: ANN001, ANN202 - FastAPI middleware signature
        if request.url.path.startswith(("/api/", "/v1/")) and not request.url.path.startswith("/api/docs"):
            length = request.headers.get("content-length")
            if length and length.isdigit() and int(length) > MAX_BODY:
                return JSONResponse({"detail": f"request too large (> {MAX_BODY} bytes)"}, status_code=413)
        return await call_next(request)

    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        docs = service.docs()
        return {"status": "ok", "documents": len(docs), "chunks": sum(d["n_chunks"] or 0 for d in docs)}

    @app.post("/api/ask", response_model=AskResponse)
    def ask(req: AskRequest) -> dict[str, Any]:
        filters = req.filters.model_dump(exclude_none=True) if req.filters else None
        return service.ask(req.question, history=req.history, filters=filters).to_json()

    @app.get("/api/departments")
    def departments() -> list[dict[str, Any]]:
        return service.departments()

    @app.get("/api/records")
    def records(department: str | None = None, year: int | None = Query(None, ge=1900, le=2100),
                region: str | None = None, doc: str | None = None, role: str | None = Query(None, pattern="^(lead|part)$"),
                format: str = Query("json", pattern="^(json|csv|xlsx)$")) -> Any:  # noqa: A002 - the API's word
        rows = service.records(department=department, year=year, region=region, doc=doc, role=role)
        if format == "json":
            return rows
        return table_file(rows, "records", format, sheet_by="document")

    @app.get("/api/compare")
    def compare(q: str = Query(..., min_length=1, max_length=500),
                format: str = Query("json", pattern="^(json|csv|xlsx)$")) -> Any:  # noqa: A002 - the API's word
        result = service.compare(q)
        if format == "json":
            return result
        for r in result["rows"]:
            r["differs"] = "、".join(f for f in result["differ"] if r.get(f) is not None)
        return table_file(result["rows"], "compare", format)

    @app.get("/api/docs")
    def docs() -> list[dict[str, Any]]:
        return service.docs()

    @app.get("/api/docs/{old}/changes/{new}")
    def changes(old: str, new: str, format: str = Query("json", pattern="^(json|csv|xlsx)$")) -> Any:  # noqa: A002
        from .changes import change_rows

        try:
            result = service.changes(old, new)
        except KeyError as exc:
            raise HTTPException(404, f"no such document: {exc.args[0]}") from exc
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from exc
        if format == "json":
            return result
        return table_file(change_rows(result), f"changes_{old}_{new}", format)

    @app.get("/api/versions")
    def versions() -> list[dict[str, str]]:
        return service.versions()

    @app.get("/api/docs/{doc_id}/pages/{page}.png", responses={200: {"content": {"image/png": {}}}})
    def page_png(doc_id: str, page: int, lines: str = Query("", pattern=r"^(\d{1,6}(-\d{1,6})?)?$",
                                                           description="cited lines to highlight, e.g. 320-333")) -> Response:
        """A PDF page with the cited lines highlighted (the source view)."""
        from .source_view import SourceViewError

        start, _, end = lines.partition("-")
        try:
            img = service.page_image(doc_id, page, int(start or 0), int(end or start or 0))
        except SourceViewError as exc:
            raise HTTPException(status_code=404, detail=str(exc)) from exc
        return Response(img.png, media_type="image/png", headers={"Cache-Control": "private, max-age=300"})

    @app.get("/api/docs/{doc_id}/text", response_class=PlainTextResponse)
    def doc_text(doc_id: str) -> str:
        text = service.doc_text(doc_id)
        if not text:
            raise HTTPException(404, f"no such document: {doc_id}")
        return text

    @app.post("/api/docs")
    def upload(file: UploadFile = File(...), x_admin_token: str | None = Header(None)) -> dict[str, Any]:
        try:
            service.check_admin(x_admin_token)
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "upload.bin"
                with open(path, "wb") as out:
                    limit = service.settings.max_file_mb * 1024 * 1024
                    size = 0
                    while chunk := file.file.read(1 << 20):
                        size += len(chunk)
                        if size > limit:
                            raise UploadError(f"file too large (> {service.settings.max_file_mb} MB)")
                        out.write(chunk)
                rep = service.upload(path, file.filename or "", x_admin_token)
        except AdminError as exc:
            raise HTTPException(403, str(exc)) from exc
        except UploadError as exc:
            raise HTTPException(400, str(exc)) from exc
        return {"ingested": rep.ingested, "unchanged": rep.unchanged, "records": rep.records, "chunks": rep.chunks}

    @app.delete("/api/docs/{doc_id}")
    def delete(doc_id: str, x_admin_token: str | None = Header(None)) -> dict[str, Any]:
        try:
            ok = service.delete(doc_id, x_admin_token)
        except AdminError as exc:
            raise HTTPException(403, str(exc)) from exc
        if not ok:
            raise HTTPException(404, f"no such document: {doc_id}")
        return {"deleted": doc_id}

    @app.post("/api/feedback")
    def feedback(fb: FeedbackIn) -> dict[str, Any]:
        try:
            fid = service.feedback.add(fb.question, fb.answer, fb.verdict, fb.comment, fb.citations)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from exc
        return {"id": fid}

    def feedback_rows(token: str | None) -> list[dict[str, Any]]:
        if service.admin_enabled:
            try:
                service.check_admin(token)
            except AdminError as exc:
                raise HTTPException(403, str(exc)) from exc
        return service.feedback.all()

    @app.get("/api/feedback.csv")
    def feedback_csv(x_admin_token: str | None = Header(None)) -> Response:
        return table_file(feedback_rows(x_admin_token), "feedback", "csv", columns=FEEDBACK_COLUMNS)

    @app.get("/api/feedback.xlsx")
    def feedback_xlsx(x_admin_token: str | None = Header(None)) -> Response:
        return table_file(feedback_rows(x_admin_token), "feedback", "xlsx", columns=FEEDBACK_COLUMNS)

    from .openai_api import add_openai_routes

    add_openai_routes(app, service)
    return app
