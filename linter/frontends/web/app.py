"""The clerk's page as a Flask app: upload a report, see the checklist and the findings in
the report's own text, download the .docx with Word comments (批注).

Routes: ``GET /`` (the upload page), ``POST /check`` (the result page), ``POST /annotate``
(the annotated .docx), ``POST /api/check`` (the JSON contract of ``fzlint check --format
json``). Every upload is the multipart field ``file``; ``/check`` and ``/annotate`` also take
``year`` and ``level`` to correct what the tool read.

Safety: uploads stay in memory (``_MemoryRequest``: no spooling to temporary files) and go to
the worker pool as bytes; the upload's name only chooses a reader and is shown escaped; all
report text is escaped (Jinja autoescape and ``linter.formats.report_html``); every response
carries a Content-Security-Policy without inline script (the script and styles are files under
``/static``); a file that cannot be read gets a Chinese page with a 4xx status.
"""
from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from flask import Flask, Response, render_template, request
from markupsafe import Markup
from werkzeug.exceptions import HTTPException
from flask import Request

from ...formats import json as json_format, report_html
from ...document.result import FileResult
from ...vocab import LEVEL_LABELS, LEVELS, SEVERITIES
from ...writers.docx_comments import annotated_name
from .pool import Busy, LintPool, TimeLimit, WorkerLost

DEFAULT_MAX_BYTES = 30 * 1024 * 1024
ACCEPT = ".docx,.doc,.wps,.pdf,.txt,.html,.htm"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
LEVEL_CHOICES = [("", "自动识别")] + [(lv, LEVEL_LABELS[lv]) for lv in LEVELS]
# ReadError codes -> HTTP status: the file's type, its size, or its content
_STATUS = {"unsupported": 415, "too-large": 413, "needs-conversion": 415}


@dataclass
class Settings:
    max_bytes: int = DEFAULT_MAX_BYTES     # the largest request body accepted
    workers: int = 2                       # uploads checked at once
    time_limit: float = 60.0               # seconds one check may take
    queue_timeout: float = 120.0           # seconds an upload may wait for a free worker


class _MemoryRequest(Request):
    """Uploaded files are parsed into memory, never spooled to a temporary file."""

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        return io.BytesIO()


class UploadProblem(Exception):
    """A request we cannot check: its HTTP status, a code (as ``ReadError.code``), a Chinese message."""

    def __init__(self, status: int, code: str, message: str, name: str = ""):
        super().__init__(message)
        self.status, self.code, self.message, self.name = status, code, message, name


def create_app(settings: Settings | None = None, pool: LintPool | None = None) -> Flask:
    settings = settings or Settings()
    app = Flask(__name__, static_folder="static", template_folder="templates")
    app.request_class = _MemoryRequest
    app.config.update(MAX_CONTENT_LENGTH=settings.max_bytes, MAX_FORM_MEMORY_SIZE=1024 * 1024,
                      MAX_FORM_PARTS=20, SEND_FILE_MAX_AGE_DEFAULT=3600)
    state = {"pool": pool}

    def get_pool() -> LintPool:
        if state["pool"] is None:
            state["pool"] = LintPool(settings.workers, settings.time_limit, settings.queue_timeout)
        return state["pool"]

    app.extensions["fzlint_pool"] = get_pool
    app.jinja_env.globals.update(max_bytes=settings.max_bytes, max_mb=settings.max_bytes // (1024 * 1024),
                                 accept=ACCEPT)

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        if not request.path.startswith("/static/") and request.path != "/report.css":
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.get("/")
    def index():
        return render_template("index.html")

    @app.get("/report.css")
    def report_css():
        return Response(report_html.stylesheet(), mimetype="text/css")

    @app.get("/favicon.ico")
    def favicon():
        return Response(status=204)

    @app.post("/check")
    def check():
        upload = _upload()
        outcome = _run(get_pool(), "check", upload, settings)
        result: FileResult = outcome["result"]
        counts = {s: sum(1 for d in result.active() if d.severity == s) for s in SEVERITIES}
        return render_template(
            "result.html", name=upload.name, result=result, meta=result.meta or {}, counts=counts,
            year=upload.year, level=upload.level, levels=LEVEL_CHOICES,
            meta_html=Markup(report_html.meta_html(result)),
            checklist_html=Markup(report_html.checklist_html(result)),
            text_html=Markup(report_html.report_text_html(outcome["lines"], result,
                                                          rule_docs=report_html.rule_docs(result))))

    @app.post("/annotate")
    def annotate():
        upload = _upload()
        outcome = _run(get_pool(), "annotate", upload, settings)
        response = Response(outcome["docx"], mimetype="application/vnd.openxmlformats-officedocument."
                                                      "wordprocessingml.document")
        response.headers["Content-Disposition"] = content_disposition(annotated_name(upload.name))
        return response

    @app.post("/api/check")
    def api_check():
        try:
            upload = _upload()
            outcome = _run(get_pool(), "check", upload, settings)
        except UploadProblem as problem:
            result = FileResult(path=problem.name, error={"code": problem.code, "message": problem.message})
            return _json([result], problem.status)
        return _json([outcome["result"]], 200)

    def _json(results, status):
        return Response(json_format.render(results, None), status=status, mimetype="application/json")

    @app.errorhandler(UploadProblem)
    def upload_problem(problem: UploadProblem):
        return render_template("message.html", title=_TITLES.get(problem.status, "无法检查"),
                               message=problem.message, name=problem.name), problem.status

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        message = _HTTP_MESSAGES.get(exc.code, "请求无法处理。")
        if exc.code == 413:
            message = f"文件过大：上限为 {settings.max_bytes // (1024 * 1024)} MB。请压缩图片或另存为较小的文件后再检查。"
        if request.path.startswith("/api/"):         # the API answers in its own contract
            return _json([FileResult(path="", error={"code": f"http-{exc.code}", "message": message})], exc.code)
        return render_template("message.html", title=_TITLES.get(exc.code, "出错了"), message=message,
                               name=""), exc.code

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        app.logger.exception("unexpected error")
        return render_template("message.html", title="服务器出错",
                               message="检查时服务器出错，请稍后再试；如果总是如此，请把文件交给管理员。",
                               name=""), 500

    return app


_TITLES = {400: "请求有误", 404: "没有这个页面", 405: "请求方式不对", 413: "文件过大",
           415: "不支持的文件", 422: "无法读取这个文件", 503: "服务器繁忙", 500: "服务器出错"}
_HTTP_MESSAGES = {404: "没有这个页面。请回到首页上传报告。", 405: "请在首页选择文件后点击“检查”。",
                  400: "请求有误：请在首页重新选择文件。"}


@dataclass
class Upload:
    data: bytes
    name: str
    year: int | None
    level: str | None


def _upload() -> Upload:
    file = request.files.get("file")
    if file is None or not file.filename:
        raise UploadProblem(400, "no-file", "没有收到文件：请选择一个报告文件（.docx、.doc、.wps、.pdf、.txt、.html）后再检查。")
    name = clean_name(file.filename)
    data = file.stream.getvalue() if isinstance(file.stream, io.BytesIO) else file.read()
    file.stream.close()                   # the parser's copy is not needed any more: free it now
    year_text = (request.form.get("year") or "").strip()
    year = None
    if year_text:
        if not re.fullmatch(r"(19|20)\d\d", year_text):
            raise UploadProblem(400, "bad-year", f"年度“{year_text}”不对：请填写四位数字的年份，如 2024。", name)
        year = int(year_text)
    level = (request.form.get("level") or "").strip() or None
    if level is not None and level not in LEVELS:
        raise UploadProblem(400, "bad-level", "层级不对：请从列表中选择。", name)
    return Upload(data, name, year, level)


def _run(pool: LintPool, job: str, upload: Upload, settings: Settings) -> dict:
    try:
        outcome = pool.run(job, upload.data, upload.name, upload.year, upload.level)
    except TimeLimit:
        raise UploadProblem(422, "time-limit", f"检查超时（超过 {settings.time_limit:g} 秒）：文件可能过大或格式异常。"
                            "请在 Word 或 WPS 中另存为 .docx 后再试。", upload.name) from None
    except Busy:
        raise UploadProblem(503, "busy", "服务器正忙，请稍后再试。", upload.name) from None
    except WorkerLost:
        raise UploadProblem(422, "worker-lost", "检查这个文件时出错（文件可能已损坏）。请在 Word 或 WPS 中另存为 .docx 后再试。",
                            upload.name) from None
    if "error" in outcome:
        error = outcome["error"]
        raise UploadProblem(_STATUS.get(error.get("code"), 422), error.get("code", "read-error"),
                            error.get("message", "无法读取这个文件"), upload.name)
    return outcome


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_name(raw: str) -> str:
    """The upload's file name as shown to the user: its last path part, no control
    characters, at most 120 characters (the suffix kept). Never used as a path."""
    name = unicodedata.normalize("NFC", raw).replace("\\", "/").rsplit("/", 1)[-1]
    name = _CONTROL.sub("", name).strip().strip(".") or "报告"
    if len(name) > 120:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[:110] + dot + suffix[:9]) if dot and len(suffix) < 10 else name[:120]
    return name


def content_disposition(filename: str) -> str:
    """``attachment`` with an ASCII fallback and the real name in RFC 5987 form."""
    ascii_name = re.sub(r"\.{2,}", ".", re.sub(r"[^A-Za-z0-9._ -]", "", filename)).strip(" .")
    stem, dot, ext = ascii_name.rpartition(".")
    if not stem:
        ascii_name = "report." + (ext or "docx")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"
