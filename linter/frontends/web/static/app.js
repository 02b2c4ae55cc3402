// The clerk's page: drop or pick a file, check it, filter, print, download with comments.
// No inline script anywhere (the Content-Security-Policy forbids it): everything is bound here.
// The file chosen stays in this page's memory, so re-checking and downloading need no second pick.
(function () {
  "use strict";
  var currentFile = null;

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  function setStatus(id, text, busy) {
    var el = document.getElementById(id);
    if (el) { el.textContent = text; el.classList.toggle("busy", !!busy); }
  }

  // the limit is on the whole request body: leave room for the form around the file
  function tooLarge(file) {
    var max = parseInt(document.body.getAttribute("data-max-bytes"), 10);
    return max && file.size + 8192 > max;
  }

  function tooLargeMessage() {
    return "文件过大：上限为 " + document.body.getAttribute("data-max-mb") +
      " MB。请压缩图片或另存为较小的文件后再检查。";
  }

  // the server's own 413 (sent before the body is read) is plain text, not a page
  function plainRefusal(response) {
    if (response.status === 413) { return tooLargeMessage(); }
    if (response.status >= 500) { return "服务器暂时无法检查（" + response.status + "），请稍后再试。"; }
    return null;
  }

  function showPage(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var main = doc.getElementById("app");
    if (!main) { return false; }
    var here = document.getElementById("app");
    here.replaceWith(document.importNode(main, true));
    document.title = doc.title;
    window.scrollTo(0, 0);
    bind();
    return true;
  }

  function post(url, fields) {
    var data = new FormData();
    data.append("file", currentFile, currentFile.name);
    Object.keys(fields || {}).forEach(function (k) { data.append(k, fields[k]); });
    return fetch(url, { method: "POST", body: data, credentials: "same-origin" });
  }

  function check(fields) {
    if (!currentFile) { return; }
    if (tooLarge(currentFile)) {
      setStatus("upload-status", tooLargeMessage());
      setStatus("action-status", tooLargeMessage());
      return;
    }
    setStatus("upload-status", "正在检查“" + currentFile.name + "”，请稍候……", true);
    setStatus("action-status", "正在重新检查，请稍候……", true);
    post("/check", fields).then(function (response) {
      return response.text().then(function (html) {
        if (showPage(html)) { return; }
        var text = plainRefusal(response) || "检查失败，请稍后再试。";
        setStatus("upload-status", text);
        setStatus("action-status", text);
      });
    })
      .catch(function () { setStatus("upload-status", "无法连接检查服务，请确认服务仍在运行后再试。"); });
  }

  function filenameFrom(response) {
    var header = response.headers.get("Content-Disposition") || "";
    var m = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (m) { try { return decodeURIComponent(m[1]); } catch (e) { /* fall through */ } }
    m = /filename="([^"]+)"/i.exec(header);
    return m ? m[1] : "report.docx";
  }

  function download(form) {
    setStatus("action-status", "正在生成带批注的 Word 文件……", true);
    var fields = { year: form.elements.year.value, level: form.elements.level.value };
    post("/annotate", fields).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (html) {
          if (!showPage(html)) { setStatus("action-status", plainRefusal(response) || "下载失败，请稍后再试。"); }
        });
      }
      return response.blob().then(function (blob) {
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = filenameFrom(response);
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
        setStatus("action-status", "已下载“" + a.download + "”：用 Word 或 WPS 打开即可看到批注。");
      });
    }).catch(function () { setStatus("action-status", "下载失败：无法连接检查服务。"); });
  }

  function bindUpload() {
    var form = document.getElementById("upload-form");
    if (!form) { return; }
    var input = document.getElementById("file-input");
    var zone = document.getElementById("drop-zone");
    input.addEventListener("change", function () {
      if (input.files.length) { currentFile = input.files[0]; check(); }
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (input.files.length) { currentFile = input.files[0]; }
      if (currentFile) { check(); } else { setStatus("upload-status", "请先选择一个报告文件。"); }
    });
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add("dragging"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove("dragging"); });
    });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) { currentFile = e.dataTransfer.files[0]; check(); }
    });
  }

  function bindResult() {
    var report = document.getElementById("report");
    if (!report) { return; }
    if (currentFile) {       // the file is still in memory: no second pick needed
      $all(".recheck, .annotate").forEach(function (f) { f.classList.add("has-file"); });
      $all(".again-file input").forEach(function (i) { i.required = false; });
    }
    $all(".sev-filter").forEach(function (box) {
      box.addEventListener("change", function () { report.classList.toggle("fz-hide-" + box.value, !box.checked); });
    });
    var printButton = document.getElementById("print-button");
    if (printButton) { printButton.addEventListener("click", function () { window.print(); }); }
    var annotate = document.getElementById("annotate-form");
    if (annotate) {
      annotate.addEventListener("submit", function (e) {
        if (!currentFile) { return; }      // no file in memory: the form posts the picked one
        e.preventDefault();
        download(annotate);
      });
    }
    var recheck = document.getElementById("recheck-form");
    if (recheck) {
      recheck.addEventListener("submit", function (e) {
        if (!currentFile) { return; }
        e.preventDefault();
        check({ year: recheck.elements.year.value, level: recheck.elements.level.value });
      });
    }
    // a checklist item goes to its place; a finding hidden by the filter is shown again
    $all(".fz-checklist a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function () {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        if (!target) { return; }
        ["error", "warning", "info"].forEach(function (sev) {
          if (target.classList.contains("fz-sev-" + sev) && report.classList.contains("fz-hide-" + sev)) {
            report.classList.remove("fz-hide-" + sev);
            var box = $(".sev-filter[value='" + sev + "']");
            if (box) { box.checked = true; }
          }
        });
        $all(".fz-targeted").forEach(function (el) { el.classList.remove("fz-targeted"); });
        target.classList.add("fz-targeted");
      });
    });
  }

  function bind() { bindUpload(); bindResult(); }

  document.addEventListener("DOMContentLoaded", bind);
})();
