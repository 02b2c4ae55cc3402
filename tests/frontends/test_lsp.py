"""``fzlint lsp`` end to end: start the real server process and speak JSON-RPC to it.

The client here is a small Content-Length framed reader/writer (no pygls on the client
side), so the test sees exactly the bytes an editor would. Every read has a timeout and
the process is killed in a ``finally``.
"""
from __future__ import annotations

import json
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from linter import Document, lint, lint_text
from linter.frontends.lsp import Finding, LintState, PositionMap, code_actions, to_lsp_diagnostic
from linter.document.result import Diagnostic, Edit, Fix
from linter.engine.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "003_8816a6bf997989fe.txt"
TIMEOUT = 15.0
SEVERITY = {"error": 1, "warning": 2, "info": 3}


# -- a minimal LSP client ---------------------------------------------------------------

class Client:
    def __init__(self, cmd=None):
        cmd = cmd or [sys.executable, "-m", "linter", "lsp"]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox: queue.Queue = queue.Queue()
        self.backlog: list[tuple[float, dict]] = []
        self.stderr: list[bytes] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    # transport
    def _read(self):
        out = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    if name.lower() == "content-length":
                        length = int(value)
                body = out.read(length)
                self.inbox.put((time.monotonic(), json.loads(body.decode("utf-8"))))
        except Exception as exc:  # pragma: no cover - shows up as a timeout with context
            self.inbox.put((time.monotonic(), {"reader-error": repr(exc)}))

    def _drain_stderr(self):
        for line in self.proc.stderr:
            self.stderr.append(line)

    def send(self, message: dict) -> float:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return time.monotonic()

    def notify(self, method: str, params) -> float:
        return self.send({"method": method, "params": params})

    def _next(self, deadline: float):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        try:
            stamp, msg = self.inbox.get(timeout=remaining)
        except queue.Empty:
            raise TimeoutError from None
        if "method" in msg and "id" in msg:          # a request from the server: answer it
            self.send({"id": msg["id"], "result": None})
        return stamp, msg

    def request(self, method: str, params, timeout: float = TIMEOUT):
        self.next_id += 1
        rid = self.next_id
        self.send({"id": rid, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            try:
                stamp, msg = self._next(deadline)
            except TimeoutError:
                raise AssertionError(f"no response to {method} within {timeout}s; "
                                     f"stderr: {self.stderr_text()}") from None
            if msg.get("id") == rid and "method" not in msg:
                assert "error" not in msg, msg
                return msg.get("result")
            self.backlog.append((stamp, msg))

    def wait_for(self, method: str, predicate=lambda params: True, timeout: float = TIMEOUT):
        """The first (stamp, params) of a notification ``method`` matching ``predicate``."""
        for i, (stamp, msg) in enumerate(self.backlog):
            if msg.get("method") == method and predicate(msg.get("params")):
                del self.backlog[i]
                return stamp, msg["params"]
        deadline = time.monotonic() + timeout
        while True:
            try:
                stamp, msg = self._next(deadline)
            except TimeoutError:
                raise AssertionError(f"no {method} matching within {timeout}s; seen: "
                                     f"{[m.get('method') for _, m in self.backlog]}; "
                                     f"stderr: {self.stderr_text()}") from None
            if msg.get("method") == method and predicate(msg.get("params")):
                return stamp, msg["params"]
            self.backlog.append((stamp, msg))

    def drain(self, seconds: float) -> list[dict]:
        """Collect whatever arrives in the next ``seconds`` (into the backlog too)."""
        deadline = time.monotonic() + seconds
        got = []
        while True:
            try:
                stamp, msg = self._next(deadline)
            except TimeoutError:
                return got
            self.backlog.append((stamp, msg))
            got.append(msg)

    def stderr_text(self) -> str:
        return b"".join(self.stderr).decode("utf-8", "replace")[-2000:]

    # LSP conveniences
    def initialize(self, encodings=("utf-16",)):
        result = self.request("initialize", {
            "processId": None, "rootUri": ROOT.as_uri(),
            "capabilities": {
                "general": {"positionEncodings": list(encodings)},
                "textDocument": {
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "publishDiagnostics": {"versionSupport": True},
                    "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {
                        "valueSet": ["quickfix", "source.fixAll"]}}},
                },
            }})
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, version: int = 1, language: str = "plaintext"):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": version, "text": text}})

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = TIMEOUT):
        def match(p):
            return p["uri"] == uri and (version is None or p.get("version") == version)
        return self.wait_for("textDocument/publishDiagnostics", match, timeout)

    def close(self):
        """shutdown → exit; the process must end by itself."""
        assert self.request("shutdown", None) is None
        self.notify("exit", None)
        return self.proc.wait(timeout=TIMEOUT)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=TIMEOUT)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                stream.close()
            except Exception:
                pass


@pytest.fixture
def client():
    c = Client()
    try:
        yield c
    finally:
        c.kill()


# -- helpers ------------------------------------------------------------------------------

def units(s: str, encoding: str = "utf-16") -> int:
    if encoding == "utf-8":
        return len(s.encode("utf-8"))
    if encoding == "utf-32":
        return len(s)
    return len(s.encode("utf-16-le")) // 2


def find(diags, code):
    return [d for d in diags if d["code"] == code]


def lsp_range(text: str, line0: int, start_char: int, end_char: int, encoding="utf-16"):
    """An LSP range on one line, from Python character indices, counted by hand."""
    line = text.split("\n")[line0]
    return {"start": {"line": line0, "character": units(line[:start_char], encoding)},
            "end": {"line": line0, "character": units(line[:end_char], encoding)}}


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def expected(text: str, path: str, encoding: str = "utf-16", fmt: str = "txt") -> list:
    """What the server should publish: the library's findings for the same text, with
    LSP positions counted by hand (0-based lines, code units of ``encoding``)."""
    assert not re.search("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", text)  # \n-only text
    lines = text.split("\n")
    out = []
    load_ruleset.cache_clear()   # read the rule files as the server process just did
    for d in lint(Document.from_text(text, path=path, fmt=fmt)).active():
        message = d.message + (f"\n建议：{d.suggestion}" if d.suggestion else "")
        start = {"line": d.line - 1, "character": units(lines[d.line - 1][:d.column - 1], encoding)}
        end = {"line": d.end_line - 1,
               "character": units(lines[d.end_line - 1][:d.end_column - 1], encoding)}
        out.append((d.code, SEVERITY[d.severity], message, {"start": start, "end": end}))
    return sorted(out, key=repr)


def published(diags: list) -> list:
    return sorted(((d["code"], d["severity"], d["message"], d["range"]) for d in diags), key=repr)


def astral_variant() -> tuple[str, int]:
    """Seed 003 with 𠀀 (U+20000: two UTF-16 units, four UTF-8) on a line with a finding:
    before the finding's start where some rule reports mid-line, else inside its range."""
    base = seed_text()
    lines = base.split("\n")
    findings = [d for d in lint_text(base, "seed.txt").active() if d.line == d.end_line]
    for strictly_before in (True, False):
        for d in findings:
            at = d.column - 1
            changed = list(lines)
            changed[d.line - 1] = changed[d.line - 1][:at] + "𠀀" + changed[d.line - 1][at:]
            text = "\n".join(changed)
            for e in lint_text(text, "seed.txt").active():
                if e.line == e.end_line == d.line and at < (e.column - 1 if strictly_before
                                                            else e.end_column - 1):
                    return text, d.line - 1
    raise AssertionError("could not place an astral character before any finding of seed 003")


def report_15k() -> str:
    """A ~15,000-character report: seed 003 with paragraphs of the other seeds in part 一."""
    lines = seed_text().split("\n")
    cut = next(i for i, ln in enumerate(lines) if ln.startswith("二、"))
    extra = []
    for other in sorted((ROOT / "seeds").glob("00[0-4]_*.txt")):
        extra += [ln for ln in other.read_text(encoding="utf-8").split("\n")
                  if len(ln.strip()) > 60]
    body, i = lines[:cut], 0
    while len("\n".join(body + lines[cut:])) < 15000:
        body.append(extra[i % len(extra)])
        i += 1
    return "\n".join(body + lines[cut:])


def safe_fix_case():
    """A rule example whose finding carries a safe fix, looked up at test time.

    Returns (text, code, line0, start_char, end_char, fix) with the finding placed after an
    astral character on its line, or None while no rule in the set offers a safe fix.
    """
    base = seed_text().rstrip("\n") + "\n"
    for rule in load_ruleset().rules:
        for example in rule.examples.get("fail", []):
            for prefix in ("𠀀", ""):
                text = base + prefix + example.strip() + "\n"
                for d in lint_text(text, "case.txt").active():
                    if (d.code == rule.code and d.fix and d.fix.safe and d.line == d.end_line
                            and d.line > base.count("\n")):
                        line = text.split("\n")[d.line - 1]
                        if prefix and not line[:d.column - 1].count("𠀀"):
                            continue
                        return text, d.code, d.line - 1, d.column - 1, d.end_column - 1, d.fix
    return None


# -- unit tests of the position conversion ---------------------------------------------

def test_position_map_counts_utf16_units_and_lsp_line_breaks():
    text = "𠀀法制\u2028宣传\r\n第二行"
    pm = PositionMap(text, "utf-16")
    # linter line 1 is "𠀀法制", line 2 "宣传" (str.splitlines breaks at U+2028), line 3 "第二行"
    r = pm.range(1, 2, 1, 4)            # 法制
    assert (r.start.line, r.start.character, r.end.character) == (0, 2, 4)
    r = pm.range(2, 1, 2, 3)            # 宣传: same LSP line, after 𠀀 (2) + 法制 (2) + U+2028 (1)
    assert (r.start.line, r.start.character, r.end.character) == (0, 5, 7)
    r = pm.range(3, 1, 3, 4)            # 第二行: LSP line 1 (CRLF is one break)
    assert (r.start.line, r.start.character, r.end.line, r.end.character) == (1, 0, 1, 3)
    assert PositionMap(text, "utf-32").range(2, 1, 2, 3).start.character == 4
    assert PositionMap(text, "utf-8").range(1, 2, 1, 4).start.character == 4
    # out-of-range positions clamp instead of failing
    assert PositionMap("", "utf-16").range(5, 9, 6, 1).start.line == 0
    assert PositionMap("abc", "utf-16").range(1, 1, 1, 99).end.character == 3


def test_code_actions_offer_only_safe_fixes_with_lsp_positions():
    """The code-action builder on hand-made findings (no rule in the set needed)."""
    from lsprotocol import types
    text = "𠀀开展法制宣传，加强法制教育。\n第二行\n"
    pm = PositionMap(text, "utf-16")

    def finding(i, col, end, safe, new="法治"):
        d = Diagnostic("T999", "legacy-term", "warning", "“法制”宜作“法治”", 1, col, 1, end,
                       fix=Fix([Edit(1, col, 1, end, new)], safe=safe, description="改为“法治”"))
        return Finding(d, to_lsp_diagnostic(d, pm, None, i), None)

    # 法制 at 1-based columns 4 and 11, i.e. Python indices 3 and 10; 𠀀 adds a UTF-16 unit
    state = LintState("file:///r.txt", 3, text, [finding(0, 4, 6, True), finding(1, 11, 13, False),
                                                 finding(2, 11, 13, True, "法治（教育）")], pm)
    first = state.findings[0].lsp.range
    assert (first.start.character, first.end.character) == (4, 6)
    actions = code_actions(state, first, only=["quickfix"])
    assert [a.kind for a in actions] == [types.CodeActionKind.QuickFix]
    edit = actions[0].edit.changes["file:///r.txt"][0]
    assert (edit.range.start.character, edit.range.end.character, edit.new_text) == (4, 6, "法治")
    assert actions[0].is_preferred and actions[0].diagnostics[0].code == "T999"

    # unsafe: never an edit; shown disabled only to clients that support it
    second = state.findings[1].lsp.range
    only_unsafe = [a for a in code_actions(state, second) or []
                   if a.diagnostics[0].data["index"] == 1]
    assert only_unsafe == []
    disabled = [a for a in code_actions(state, second, disabled_ok=True)
                if a.diagnostics[0].data["index"] == 1]
    assert disabled and disabled[0].edit is None and disabled[0].disabled.reason

    # fix all: every safe fix once, versioned when the client supports documentChanges
    whole = types.Range(start=types.Position(line=0, character=0),
                        end=types.Position(line=2, character=0))
    fix_all = [a for a in code_actions(state, whole, only=["source.fixAll"], document_changes=True)]
    assert len(fix_all) == 1 and fix_all[0].kind == "source.fixAll.fzlint"
    doc_edit = fix_all[0].edit.document_changes[0]
    assert doc_edit.text_document.version == 3
    assert [(e.range.start.character, e.new_text) for e in doc_edit.edits] == \
        [(4, "法治"), (11, "法治（教育）")]
    assert code_actions(state, whole, only=["refactor"]) is None


# -- end to end ---------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8"])
def test_diagnostics_ranges_hover_and_clean_exit(client, encoding, tmp_path):
    init = client.initialize(encodings=[encoding])
    assert init["capabilities"]["positionEncoding"] == encoding
    assert init["capabilities"]["hoverProvider"]
    text, line0 = astral_variant()
    path = tmp_path / "report.txt"
    uri = path.as_uri()
    client.open(uri, text)
    _, params = client.diagnostics(uri, version=1)
    diags = params["diagnostics"]
    assert diags and all(d["source"] == "fzlint" for d in diags)
    # every finding, with code, severity, message (+ suggestion) and exact range
    assert published(diags) == expected(text, str(path), encoding)

    # the astral character sits before (at least) the end of a finding on its line, so the
    # exact-range check above covered a position that differs between Python characters and
    # UTF-16 / UTF-8 code units
    line = text.split("\n")[line0]
    astral_end = units(line[:line.index("𠀀") + 1], encoding)
    hit = next(d for d in diags if d["range"]["end"]["line"] == line0
               and d["range"]["end"]["character"] >= astral_end)

    # hover on that finding shows its rule's explanation, basis and suggestion (Markdown)
    rule = load_ruleset().by_code(hit["code"])
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": hit["range"]["start"]})
    assert hover["contents"]["kind"] == "markdown"
    value = hover["contents"]["value"]
    assert hit["code"] in value and rule.explanation[:20] in value and rule.basis[:15] in value
    if rule.suggestion:
        assert "怎么改" in value
    assert hover["range"]["start"] == hit["range"]["start"]
    # nothing to say where there is no finding
    quiet = next(i for i, ln in enumerate(text.split("\n"))
                 if ln.strip() and all(d["range"]["start"]["line"] != i for d in diags))
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": quiet, "character": 0}}) is None

    # a finding without a fix offers no edit
    unfixable = [d for d in diags if not d["data"]["fixable"]]
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": unfixable[0]["range"],
        "context": {"diagnostics": unfixable[:1], "only": ["quickfix"]}}) or []
    assert not [a for a in actions if a.get("edit")]

    assert client.close() == 0


def test_change_updates_diagnostics_fast_and_latest_version_wins(client, tmp_path):
    client.initialize()
    text = report_15k()
    assert len(text) >= 15000
    path = tmp_path / "big.md"
    uri = path.as_uri()

    def want(t):
        return expected(t, str(path), fmt="md")

    client.open(uri, text, language="markdown")
    _, params = client.diagnostics(uri, version=1)
    assert published(params["diagnostics"]) == want(text)
    before = want(text)

    # a burst of typing at the end (incremental changes, 20 ms apart): adds the part
    # "其他需要报告的情况"; only version 5 counts
    end = {"line": text.count("\n"), "character": units(text.split("\n")[-1])}
    for version, piece in enumerate(["四", "、其他", "需要报告的情况", "\n无。\n"], start=2):
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": end, "end": end}, "text": piece}]})
        text += piece
        lines = text.split("\n")
        end = {"line": len(lines) - 1, "character": units(lines[-1])}
        sent = time.monotonic()
        time.sleep(0.02)
    stamp, params = client.diagnostics(uri, version=5)
    latency = stamp - sent
    assert published(params["diagnostics"]) == want(text)
    gone = [d for d in before if d not in want(text)]
    assert gone, "adding the part should clear a finding (S105)"
    early = [m for _, m in client.backlog if m.get("method") == "textDocument/publishDiagnostics"
             and m["params"].get("version") in (2, 3, 4)]

    # one more edit, measured on its own: delete the part again → the finding is back
    lines = text.split("\n")
    last = len(lines) - 2                        # the "无。" line
    sent = client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 6},
        "contentChanges": [{"range": {"start": {"line": last - 1, "character": 0},
                                      "end": {"line": last + 1, "character": 0}}, "text": ""}]})
    stamp, params = client.diagnostics(uri, version=6)
    single = stamp - sent
    text = "\n".join(lines[:last - 1] + lines[last + 1:])
    assert published(params["diagnostics"]) == want(text) == before
    print(f"\nLSP latency for a {len(text)}-char report: burst {latency * 1000:.0f} ms after the "
          f"last change, single change {single * 1000:.0f} ms (debounce 150 ms included); "
          f"intermediate publishes: {len(early)}")
    assert latency < 1.5 and single < 1.5

    # a hover sent right after a change waits for that change's lint instead of answering
    # from the old version (or restarting the debounce)
    new_text = "\n".join(lines)
    kept = next(d for d in params["diagnostics"]
                if (d["code"], d["severity"], d["message"], d["range"]) in want(new_text))
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 7},
        "contentChanges": [{"range": {"start": {"line": last - 1, "character": 0},
                                      "end": {"line": last - 1, "character": 0}},
                            "text": "四、其他需要报告的情况\n无。\n"}]})
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": kept["range"]["start"]})
    assert hover and kept["code"] in hover["contents"]["value"]
    _, params = client.diagnostics(uri, version=7)
    assert published(params["diagnostics"]) == want(new_text)
    assert client.close() == 0


def test_safe_fix_code_action(client, tmp_path):
    case = safe_fix_case()
    assert case is not None, "the rule set should offer a safe fix (typo/punctuation/term rules)"
    text, code, line0, start, end, fix = case
    client.initialize()
    uri = (tmp_path / "fix.txt").as_uri()
    client.open(uri, text)
    _, params = client.diagnostics(uri, version=1)
    ours = [d for d in find(params["diagnostics"], code) if d["range"]["start"]["line"] == line0]
    assert ours, params["diagnostics"]
    assert ours[0]["range"] == lsp_range(text, line0, start, end)

    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": ours[0]["range"],
        "context": {"diagnostics": ours, "only": ["quickfix"]}})
    quick = [a for a in actions or [] if a.get("kind") == "quickfix" and a.get("edit")]
    assert quick, actions
    edits = quick[0]["edit"].get("changes", {}).get(uri) or \
        quick[0]["edit"]["documentChanges"][0]["edits"]
    expected = [(lsp_range(text, e.line - 1, e.column - 1, e.end_column - 1), e.text)
                for e in fix.edits]
    assert [(e["range"], e["newText"]) for e in edits] == expected

    # apply the edits as an editor would (incremental changes in UTF-16 units)
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": e["range"], "text": e["newText"]}
                           for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"],
                                                                 e["range"]["start"]["character"]),
                                           reverse=True)]})
    _, params = client.diagnostics(uri, version=2)
    assert not [d for d in find(params["diagnostics"], code)
                if d["range"]["start"]["line"] == line0], "the fixed finding is gone"
    assert client.close() == 0


def test_bad_documents_do_not_crash_the_server(client, tmp_path):
    client.initialize()
    odd = ["", "\x00\x01\x02", "一、" * 5000, "\r\r\n\u2028\x85", "𠀀" * 300]
    for i, text in enumerate(odd):
        client.open((tmp_path / f"odd{i}.txt").as_uri(), text)
        client.diagnostics((tmp_path / f"odd{i}.txt").as_uri(), version=1)
    # a document that is not a report (by language and suffix) is left alone
    client.open((tmp_path / "x.py").as_uri(), "print('hi')\n", language="python")
    # changes for a document the server never saw, and a closed one, are harmless
    client.notify("textDocument/didChange", {"textDocument": {"uri": "file:///nowhere.txt",
                                                              "version": 2},
                                             "contentChanges": [{"text": "x"}]})
    uri = (tmp_path / "odd0.txt").as_uri()
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    _, params = client.diagnostics(uri)
    assert params["diagnostics"] == []
    # still answering requests
    client.request("textDocument/hover", {
        "textDocument": {"uri": (tmp_path / "odd4.txt").as_uri()},
        "position": {"line": 0, "character": 1}})
    extra = client.drain(0.3)
    assert not [m for m in extra if m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"].endswith("x.py")]
    assert client.proc.poll() is None
    assert client.close() == 0


def test_configuration_next_to_the_report(client, tmp_path):
    config = tmp_path / ".fzlint.yaml"
    config.write_text("ignore: [S105]\n", encoding="utf-8")
    client.initialize()
    report = str(tmp_path / "松源镇年度报告.txt")    # a Chinese name: percent-encoded in the URI
    uri = Path(report).as_uri()
    client.open(uri, seed_text())
    _, params = client.diagnostics(uri, version=1)
    assert not find(params["diagnostics"], "S105")
    assert published(params["diagnostics"]) == [
        d for d in expected(seed_text(), report) if d[0] != "S105"]

    # a broken configuration: defaults, and a message in the client's log (no crash)
    config.write_text("ignore: [S105\n", encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": config.as_uri(), "type": 2}]})
    _, params = client.diagnostics(uri, version=1)
    assert published(params["diagnostics"]) == expected(seed_text(), report)
    _, logged = client.wait_for("window/logMessage", lambda p: ".fzlint.yaml" in p["message"])
    assert logged["type"] == 2                                   # warning
    assert client.close() == 0
