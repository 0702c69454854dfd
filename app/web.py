"""The web page (gradio Blocks, Chinese UI): 问答, 部门, 时限, 文档.

Everything shown from documents or questions is escaped: it is rendered as text, never as markup.
"""
from __future__ import annotations

import html
import re
import tempfile
from pathlib import Path
from typing import Any

from ingest.config import apply_offline_env

from .charts import deadline_counts, department_matrix
from .citations import official_citation, row_table
from .compare_view import changes_html, compare_html
from .feedback import VERDICT_LABELS
from .service import AdminError, Service, UploadError

apply_offline_env()
import gradio as gr  # noqa: E402 - after the offline environment is set

EXAMPLES = [
    "秸秆综合利用那条谁牵头？",
    "一般工业固废综合利用率省里目标多少？台州呢？",
    "码头岸电设施全覆盖那项什么时候完成？",
    "非化石能源占一次能源消费比重目标省里和温州分别是多少？",
    "2023年到期的有哪些？",
]
ALL = "全部"
TABLE_COLUMNS = [("document", "文件"), ("list", "清单"), ("item_no", "序号"), ("role", "角色"),
                 ("lead", "牵头/责任单位"), ("participants", "参与单位"), ("deadline", "完成时限"),
                 ("deadline_source", "时限来源"), ("source", "原文出处"), ("item", "事项")]
TABLE_TYPES = ["markdown" if k == "source" else "str" for k, _ in TABLE_COLUMNS]
CSS = """
.source-card {border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 12px; margin: 6px 0; background: #fafbfc;}
.source-card .meta {color: #57606a; font-size: 0.9em;}
.source-card pre {white-space: pre-wrap; font-family: inherit; margin: 6px 0 0 0;}
.page-view summary {cursor: pointer; color: #0969da; font-size: 0.9em; margin-top: 4px;}
.page-view img, img.page-image {max-width: 100%; border: 1px solid #d0d7de; margin-top: 4px;}
.badge {background: #fff1c2; border-radius: 4px; padding: 0 4px; font-size: 0.85em;}
.notfound {color: #9a3412; font-weight: 600;}
mark {background: #fde68a;}
.row-table {border-collapse: collapse; margin: 6px 0; font-size: 0.92em;}
.row-table th, .row-table td {border: 1px solid #d0d7de; padding: 2px 6px; vertical-align: top;}
.row-table th {background: #f0f3f6; white-space: nowrap;}
.row-table tr.differ td, .row-table tr.differ th {background: #fff1c2;}
"""

#: copies the citation box to the clipboard (127.0.0.1 is a secure context); falls back to selecting it
COPY_JS = """() => {
  const t = document.querySelector('#citation-text textarea');
  if (!t || !t.value) return;
  if (navigator.clipboard) { navigator.clipboard.writeText(t.value); } else { t.select(); document.execCommand('copy'); }
  const b = document.querySelector('#copy-citation'); if (b) { b.dataset.copied = '1'; }
}"""

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def md_text(text: str) -> str:
    """Document text shown in the chat as literal text (markdown and HTML characters escaped)."""
    return _MD_SPECIAL.sub(r"\\\1", text or "")


def message_text(msg: dict[str, Any]) -> str:
    """Plain text of a chat message (gradio may send content as a string or as typed parts)."""
    c = msg.get("content")
    if isinstance(c, str):
        text = c
    elif isinstance(c, list):
        text = "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in c)
    elif isinstance(c, dict):
        text = str(c.get("text", ""))
    else:
        text = ""
    return re.sub(r"\\(.)", r"\1", text)  # undo md_text escaping


def highlight_values(answer: Any) -> list[str]:
    """Values to highlight in the source passages: departments, numbers with units, years of the answer
    (a prose answer has no row fields: the numbers with units and years its quote holds)."""
    from rag.answer_type import NUMBER_VALUE, YEAR_VALUE

    vals: set[str] = set()
    if not getattr(answer, "facts", None):
        quoted = " ".join(re.findall(r"“([^”]*)”", getattr(answer, "answer", "") or ""))
        vals |= {m.group(0).strip() for m in NUMBER_VALUE.finditer(quoted)}
        vals |= {m.group(0).strip() for m in YEAR_VALUE.finditer(quoted)}
    for f in getattr(answer, "facts", []):
        v = f.value
        for x in (v if isinstance(v, list) else [v]):
            if x not in (None, ""):
                vals.add(str(x))
                m = re.match(r"^(\d+(?:\.\d+)?)", str(x))
                if m:
                    vals.add(m.group(1))
    return sorted(vals, key=len, reverse=True)


def mark_passage(text: str, values: list[str]) -> str:
    """HTML-escaped passage with the answer's values wrapped in <mark>."""
    out = html.escape(text)
    for v in values:
        ev = html.escape(v)
        if ev and len(ev) >= 1:
            out = out.replace(ev, f"\x00{ev}\x01")
    return out.replace("\x00", "<mark>").replace("\x01", "</mark>")


def page_url(doc_id: str, page: int, start_line: int = 0, end_line: int = 0) -> str:
    """The source view's image of a PDF page, the cited lines highlighted.

    >>> page_url("zj-plan", 17, 320, 333)
    '/api/docs/zj-plan/pages/17.png?lines=320-333'
    """
    from urllib.parse import quote

    lines = f"?lines={start_line}-{end_line}" if start_line else ""
    return f"/api/docs/{quote(doc_id, safe='')}/pages/{page}.png{lines}"


def page_view_html(c: Any) -> str:
    """A PDF source's page with the cited region marked, folded until opened (the image loads then)."""
    page = getattr(c, "page", None)
    if not page:
        return ""
    src = html.escape(page_url(c.doc_id, page, c.start_line, c.end_line), quote=True)
    return (f'<details class="page-view"><summary>查看原页（第{page}页，引用处已标出）</summary>'
            f'<img loading="lazy" src="{src}" alt="《{html.escape(c.title)}》第{page}页"></details>')


def sources_html(answer: Any) -> str:
    """Numbered source cards (title and status, section, line/page, the verbatim passage)."""
    cites = answer.citations or answer.nearest
    if not cites:
        return ""
    head = ('<div class="notfound">文件中未找到答案 · 以下为最接近的原文段落</div>' if answer.refused
            else "<div><b>来源</b></div>")
    values = [] if answer.refused else highlight_values(answer)
    rows = {r.get("id"): r for r in getattr(answer, "records", [])}
    cards = []
    for c in cites:
        badge = f' <span class="badge">{html.escape(c.status)}</span>' if c.status in ("征求意见稿", "公报") else ""
        row = rows.get(getattr(c, "record_id", ""))
        # a list row reads as the small table it is in the document; the verbatim lines follow
        table = row_table(row) if row else ""
        link = f'<a href="/api/docs/{html.escape(c.doc_id, quote=True)}/text" target="_blank">查看原文</a>'
        cards.append(
            f'<div class="source-card" data-n="{c.n}"><div><b>[{c.n}] 《{html.escape(c.title)}》</b>{badge}</div>'
            f'<div class="meta">{html.escape(c.section)} · {html.escape(c.locator)} · {link}</div>'
            f"{table}<pre>{mark_passage(c.text, values)}</pre>{page_view_html(c)}</div>")
    return f'<div id="source-cards" data-question="{html.escape(answer.question, quote=True)}">{head}{"".join(cards)}</div>'


def _table(rows: list[dict[str, Any]]) -> list[list[Any]]:
    out = []
    for r in rows:
        r = dict(r)
        r["source"] = f"[{r['locator']}](/api/docs/{r['doc_id']}/text)"  # opens the document's original text
        out.append([r.get(k, "") for k, _ in TABLE_COLUMNS])
    return out


def _csv_file(service: Service, rows: list[dict[str, Any]], stem: str) -> list[str] | None:
    """The table as two downloads: CSV (UTF-8 with BOM) and .xlsx (one sheet per document)."""
    from .exports import to_csv_bytes, to_xlsx_bytes

    if not rows:
        return None
    folder = Path(tempfile.mkdtemp(prefix="policy_qa_"))
    (folder / f"{stem}.csv").write_bytes(to_csv_bytes(rows))
    (folder / f"{stem}.xlsx").write_bytes(to_xlsx_bytes(rows, sheet_by="document"))
    return [str(folder / f"{stem}.csv"), str(folder / f"{stem}.xlsx")]


def build_ui(service: Service) -> gr.Blocks:
    docs = service.docs()
    regions = sorted({d["region"] for d in docs if d.get("region")})
    doc_choices = [(ALL, "")] + [(d["title"], d["id"]) for d in docs]
    dept_names = [d["name"] for d in service.departments()]
    years = sorted({r.deadline_year for r in service.qa.res.records.values() if r.deadline_year})

    with gr.Blocks(title="减污降碳政策文件问答") as demo:
        gr.Markdown("## 减污降碳政策文件问答\n牵头单位、参与单位、目标值、完成时限——答案均注明出处并附原文。")
        with gr.Tabs():
            # ---------------- 问答 ----------------
            with gr.Tab("问答", id="tab-qa"):
                with gr.Row():
                    region = gr.Dropdown([ALL] + regions, value=ALL, label="地区", elem_id="filter-region")
                    doc = gr.Dropdown(doc_choices, value="", label="文件", elem_id="filter-doc")
                chat = gr.Chatbot(label="对话", height=380, elem_id="chat", buttons=["copy"])
                with gr.Row():
                    question = gr.Textbox(label="问题", placeholder="例如：秸秆综合利用那条谁牵头？", scale=5,
                                          elem_id="question", max_lines=3)
                    send = gr.Button("提问", variant="primary", scale=1, elem_id="ask")
                    clear = gr.Button("新对话", scale=1, elem_id="clear")
                gr.Examples(EXAMPLES, inputs=question, label="示例问题")
                sources = gr.HTML(elem_id="sources")
                with gr.Row():
                    cite_box = gr.Textbox(label="引文（答案与出处，公文引用格式）", lines=3, interactive=False,
                                          elem_id="citation-text", scale=5)
                    copy_btn = gr.Button("复制为引文", elem_id="copy-citation", scale=1)
                copy_btn.click(None, None, None, js=COPY_JS)
                last = gr.State({})
                with gr.Row():
                    verdict = gr.Radio(list(VERDICT_LABELS.values()), label="这个回答", elem_id="verdict")
                    comment = gr.Textbox(label="意见（可选）", scale=3, elem_id="comment")
                    fb_btn = gr.Button("提交反馈", elem_id="feedback")
                fb_msg = gr.Markdown(elem_id="feedback-msg")

                def respond(message: str, history: list[dict[str, Any]] | None, region_v: str, doc_v: str):
                    history = list(history or [])
                    message = (message or "").strip()
                    if not message:
                        yield history, "", gr.update(), {}, gr.update()
                        return
                    earlier = [message_text(h) for h in history if h.get("role") == "user"]
                    filters = {k: v for k, v in (("region", "" if region_v == ALL else region_v), ("doc_id", doc_v)) if v}
                    history += [{"role": "user", "content": md_text(message)}, {"role": "assistant", "content": "…"}]
                    yield history, "", "", {}, ""
                    ans = service.ask(message, history=[e for e in earlier if e], filters=filters)
                    text = md_text(ans.answer)
                    step = max(8, len(text) // 12)
                    for i in range(step, len(text), step):  # answers appear progressively
                        history[-1] = {"role": "assistant", "content": text[:i]}
                        yield history, "", gr.update(), {}, gr.update()
                    history[-1] = {"role": "assistant", "content": text}
                    yield history, "", sources_html(ans), ans.to_json(), official_citation(ans)

                ins = [question, chat, region, doc]
                outs = [chat, question, sources, last, cite_box]
                send.click(respond, ins, outs)
                question.submit(respond, ins, outs)
                clear.click(lambda: ([], "", {}, "", ""), None, [chat, sources, last, fb_msg, cite_box])

                def give_feedback(v: str, c: str, data: dict[str, Any]) -> str:
                    if not data:
                        return "请先提问。"
                    code = next((k for k, lab in VERDICT_LABELS.items() if lab == v), None)
                    if code is None:
                        return "请选择“正确 / 答案错误 / 来源不对”。"
                    service.feedback.add(data["question"], data["answer"], code, c or "", data.get("citations"))
                    return "已记录反馈，谢谢。"

                fb_btn.click(give_feedback, [verdict, comment, last], fb_msg)

            # ---------------- 部门 ----------------
            with gr.Tab("部门", id="tab-dept"):
                with gr.Row():
                    dept = gr.Dropdown(dept_names, label="部门（可输入简称，如 省建设厅）", allow_custom_value=True,
                                       elem_id="dept-name", scale=3)
                    role = gr.Radio(["牵头或参与", "牵头", "参与"], value="牵头或参与", label="角色", elem_id="dept-role")
                    dept_btn = gr.Button("查询", variant="primary", elem_id="dept-search")
                dept_info = gr.Markdown(elem_id="dept-info")
                dept_table = gr.Dataframe(headers=[h for _, h in TABLE_COLUMNS], interactive=False, wrap=True,
                                          elem_id="dept-table", datatype=TABLE_TYPES)
                dept_csv = gr.File(label="下载 CSV / Excel", elem_id="dept-csv", file_count="multiple")

                def by_department(name: str, role_v: str):
                    r = {"牵头": "lead", "参与": "part"}.get(role_v)
                    rows = service.records(department=name, role=r)
                    keys = service.resolve_department(name)
                    shown = "、".join(service.qa.res.unit_display.get(k, k) for k in keys) or (name or "")
                    info = f"{md_text(shown)}：共 {len(rows)} 项" if rows else f"文件中未找到“{md_text(name or '')}”{role_v}的条目。"
                    return info, _table(rows), _csv_file(service, rows, "department")

                dept_btn.click(by_department, [dept, role], [dept_info, dept_table, dept_csv])

                res = service.qa.res
                doc_ids = [d["id"] for d in docs]
                titles = {d["id"]: d["title"] for d in docs}
                m_head, m_rows, m_keys = department_matrix(res.records.values(), doc_ids, titles, res.unit_display)
                gr.Markdown("**部门 × 文件**：各部门在各文件中牵头、参与的条目数（点击单元格列出这些条目）")
                matrix = gr.Dataframe(headers=m_head, value=m_rows, interactive=False, wrap=True, elem_id="dept-matrix")

                def matrix_cell(evt: gr.SelectData):
                    r, c = evt.index
                    if r >= len(m_keys):
                        return gr.update(), gr.update(), gr.update()
                    name = res.unit_display.get(m_keys[r], m_keys[r])
                    d = doc_ids[c - 1] if c >= 1 else None
                    rows = service.records(department=name, doc=d)
                    where = f"《{titles[d]}》" if d else "全部文件"
                    return (f"{md_text(name)} · {md_text(where)}：共 {len(rows)} 项", _table(rows),
                            _csv_file(service, rows, "department"))

                matrix.select(matrix_cell, None, [dept_info, dept_table, dept_csv])

            # ---------------- 时限 ----------------
            with gr.Tab("时限", id="tab-deadline"):
                with gr.Row():
                    year = gr.Dropdown([str(y) for y in years], value=str(years[0]) if years else None, label="完成年份",
                                       elem_id="dl-year")
                    dl_region = gr.Dropdown([ALL] + regions, value=ALL, label="地区")
                    dl_doc = gr.Dropdown(doc_choices, value="", label="文件")
                    dl_dept = gr.Textbox(label="部门（可选）")
                    dl_btn = gr.Button("查询", variant="primary", elem_id="dl-search")
                dl_info = gr.Markdown()
                dl_table = gr.Dataframe(headers=[h for _, h in TABLE_COLUMNS], interactive=False, wrap=True, elem_id="dl-table",
                                        datatype=TABLE_TYPES)
                dl_csv = gr.File(label="下载 CSV / Excel", file_count="multiple")

                def by_year(y: str, reg: str, d: str, dp: str):
                    rows = service.records(year=int(y) if y else None, region=None if reg == ALL else reg, doc=d or None,
                                           department=dp or None)
                    return f"完成时限为 {y} 年的条目：共 {len(rows)} 项", _table(rows), _csv_file(service, rows, f"deadline_{y}")

                dl_btn.click(by_year, [year, dl_region, dl_doc, dl_dept], [dl_info, dl_table, dl_csv])
                import pandas as pd

                counts = deadline_counts(service.qa.res.records.values(), {d["id"]: d["title"] for d in docs})
                gr.BarPlot(pd.DataFrame(counts or [{"年份": "", "文件": "", "条目数": 0}]), x="年份", y="条目数",
                           color="文件", title="各年份到期的条目数（按文件）", elem_id="dl-chart", height=320)

            # ---------------- 对比 ----------------
            with gr.Tab("对比", id="tab-compare"):
                with gr.Row():
                    cmp_q = gr.Textbox(label="事项或指标（如：非化石能源占一次能源消费比重）", scale=5, elem_id="cmp-q")
                    cmp_btn = gr.Button("对比", variant="primary", elem_id="cmp-btn")
                cmp_view = gr.HTML(elem_id="cmp-view")
                cmp_files = gr.File(label="下载 CSV / Excel", file_count="multiple", elem_id="cmp-files")

                def compare(text: str):
                    text = (text or "").strip()
                    if not text:
                        return '<div class="notfound">请输入要对比的事项。</div>', None
                    result = service.compare(text)
                    return compare_html(result), _csv_file(service, result["rows"], "compare")

                cmp_btn.click(compare, cmp_q, [cmp_view, cmp_files])
                cmp_q.submit(compare, cmp_q, [cmp_view, cmp_files])

            # ---------------- 文档 ----------------
            with gr.Tab("文档", id="tab-docs"):
                doc_cols = ["id", "title", "issuer", "level", "region", "date", "status", "n_records", "n_chunks"]
                docs_table = gr.Dataframe(headers=["编号", "标题", "发文单位", "层级", "地区", "日期", "状态", "条目数", "段落数"],
                                          value=[[d.get(k) for k in doc_cols] for d in docs], interactive=False,
                                          elem_id="docs-table")
                with gr.Row():
                    open_id = gr.Dropdown([(d["title"], d["id"]) for d in docs], label="打开文件阅读", elem_id="open-doc")
                    open_btn = gr.Button("打开")
                reader = gr.Textbox(label="原文", lines=16, max_lines=30, interactive=False, elem_id="reader")
                open_btn.click(lambda i: service.doc_text(i) if i else "", open_id, reader)
                with gr.Row():
                    page_no = gr.Number(value=1, precision=0, minimum=1, label="页码（PDF）", elem_id="page-no")
                    page_btn = gr.Button("查看原页", elem_id="page-btn")
                page_html = gr.HTML(elem_id="page-view")

                def show_page(doc_id: str, page: float | None) -> str:
                    if not doc_id:
                        return '<div class="notfound">请先选择文件。</div>'
                    n = service.doc_pages(doc_id)
                    if not n:
                        return '<div class="notfound">该文件不是 PDF：原文按行号（.txt）或段落、表格行（.docx）定位，见上方原文。</div>'
                    p = min(max(int(page or 1), 1), n)
                    return (f'<div class="meta">第{p}页 / 共{n}页</div>'
                            f'<img class="page-image" src="{html.escape(page_url(doc_id, p), quote=True)}" alt="第{p}页">')

                page_btn.click(show_page, [open_id, page_no], page_html)
                gr.Markdown("**与旧版本对比**：同一发文单位、标题相同（征求意见稿 → 正式稿）的文件会配对列出")
                with gr.Row():
                    pairs = service.versions()
                    ver_old = gr.Dropdown([(d["title"], d["id"]) for d in docs], value=pairs[-1]["old"] if pairs else None,
                                          label="旧版本", elem_id="ver-old")
                    ver_new = gr.Dropdown([(d["title"], d["id"]) for d in docs], value=pairs[-1]["new"] if pairs else None,
                                          label="新版本", elem_id="ver-new")
                    ver_btn = gr.Button("与旧版本对比", elem_id="ver-btn")
                ver_view = gr.HTML(elem_id="ver-view")
                ver_files = gr.File(label="下载 CSV / Excel", file_count="multiple", elem_id="ver-files")

                def version_changes(old_id: str, new_id: str):
                    from .changes import change_rows

                    if not old_id or not new_id or old_id == new_id:
                        return '<div class="notfound">请选择两份不同的文件。</div>', None
                    res = service.changes(old_id, new_id)
                    return changes_html(res), _csv_file(service, change_rows(res), f"changes_{old_id}_{new_id}")

                ver_btn.click(version_changes, [ver_old, ver_new], [ver_view, ver_files])
                admin_note = ("上传与删除需要管理员口令。" if service.admin_enabled
                              else "未配置 POLICY_QA_ADMIN_TOKEN：上传与删除已关闭。")
                gr.Markdown(f"**管理** · {admin_note}")
                with gr.Row():
                    upload = gr.File(label="上传 PDF / Word / TXT", file_types=[".pdf", ".docx", ".doc", ".wps", ".txt"], elem_id="upload",
                                     interactive=service.admin_enabled)
                    token = gr.Textbox(label="管理员口令", type="password", elem_id="admin-token",
                                       interactive=service.admin_enabled)
                with gr.Row():
                    up_btn = gr.Button("上传并入库", variant="primary", elem_id="upload-btn", interactive=service.admin_enabled)
                    del_id = gr.Dropdown([(d["title"], d["id"]) for d in docs], label="删除文件", elem_id="delete-doc",
                                         interactive=service.admin_enabled)
                    del_btn = gr.Button("删除", variant="stop", elem_id="delete-btn", interactive=service.admin_enabled)
                admin_msg = gr.Markdown(elem_id="admin-msg")

                def refreshed():
                    ds = service.docs()
                    choices = [(d["title"], d["id"]) for d in ds]
                    pairs = service.versions()  # a new version uploaded is offered for comparison at once
                    return ([[d.get(k) for k in doc_cols] for d in ds], gr.update(choices=choices),
                            gr.update(choices=choices), gr.update(choices=[(ALL, "")] + choices),
                            gr.update(choices=choices, value=pairs[-1]["old"] if pairs else None),
                            gr.update(choices=choices, value=pairs[-1]["new"] if pairs else None))

                def do_upload(f: Any, tok: str, progress=gr.Progress()):  # noqa: B008 - gradio's progress injection
                    if not f:
                        return ("请选择文件。", *refreshed())
                    path = Path(f if isinstance(f, str) else f.name)
                    progress(0.1, desc="校验文件")
                    try:
                        rep = service.upload(path, path.name, tok, progress=lambda f, d: progress(0.1 + 0.85 * f, desc=d))
                    except (AdminError, UploadError) as exc:
                        return (f"上传失败：{md_text(str(exc))}", *refreshed())
                    progress(1.0, desc="完成")
                    what = "、".join(rep.ingested) or ("内容未变化：" + "、".join(rep.unchanged))
                    return (f"已入库：{md_text(what)}（{rep.records} 个条目，{rep.chunks} 个段落），现在即可提问。", *refreshed())

                def do_delete(i: str, tok: str):
                    try:
                        ok = service.delete(i, tok) if i else False
                    except AdminError as exc:
                        return (f"删除失败：{md_text(str(exc))}", *refreshed())
                    return ((f"已删除：{md_text(i)}" if ok else "未找到该文件。"), *refreshed())

                up_outs = [admin_msg, docs_table, open_id, del_id, doc, ver_old, ver_new]
                up_btn.click(do_upload, [upload, token], up_outs)
                del_btn.click(do_delete, [del_id, token], up_outs)
    return demo
