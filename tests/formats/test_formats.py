"""Output formats: SARIF against the 2.1.0 schema's rules and GitHub's expectations,
GitHub annotations with escaping, JUnit, CSV for Excel, GitLab Code Quality, JSON lines."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ET

from click.testing import CliRunner

from linter import Config, lint_text
from linter.frontends.cli import main
from linter.formats import FORMATS, Options, render
from linter.formats.github import escape_data, escape_property
from linter.document.result import Edit, FileResult, Fix
from linter.engine.waivers import parse_waivers
from fixtures import two_part_report  # noqa: E402

REPORT = two_part_report("重庆市某某区某某镇人民政府")
SELECT = ["S102", "S103", "S104"]


def results(waive=False, text=REPORT, path="reports/a.txt"):
    waivers = parse_waivers([{"rule": "S103", "justification": "合并撰写，经区司法局同意",
                              "expires": "2999-12-31", "approver": "区司法局"}], "w.yaml") if waive else []
    ok = lint_text(text, path, Config(select=SELECT, waivers=waivers))
    bad = FileResult(path="reports/坏的.docx", error={"code": "corrupt", "message": "文件已损坏，无法打开"})
    return [ok, bad]


def rules():
    from linter.engine.ruleset import load_ruleset
    return {r.code: r for r in load_ruleset("outline-2021-2025").rules}


def test_every_format_is_registered_and_renders():
    assert set(FORMATS) >= {"text", "concise", "json", "json-lines", "sarif", "github", "junit", "csv", "gitlab"}
    for name in FORMATS:
        assert isinstance(render(name, results(True), Options(rules=rules())), str)


# -- SARIF ------------------------------------------------------------------------------
# The properties each object may carry and those it must carry, as in
# sarif-schema-2.1.0.json (every one of these objects has additionalProperties: false).
SCHEMA = {
    "log": ({"$schema", "version", "runs", "inlineExternalProperties", "properties"}, {"version", "runs"}),
    "run": ({"tool", "invocations", "conversion", "language", "versionControlProvenance",
             "originalUriBaseIds", "artifacts", "logicalLocations", "graphs", "results",
             "automationDetails", "runAggregates", "baselineGuid", "redactionTokens", "defaultEncoding",
             "defaultSourceLanguage", "newlineSequences", "columnKind", "externalPropertyFileReferences",
             "threadFlowLocations", "taxonomies", "addresses", "translations", "policies", "webRequests",
             "webResponses", "specialLocations", "properties"}, {"tool"}),
    "tool": ({"driver", "extensions", "properties"}, {"driver"}),
    "toolComponent": ({"guid", "name", "organization", "product", "productSuite", "shortDescription",
                       "fullDescription", "fullName", "version", "semanticVersion", "dottedQuadFileVersion",
                       "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings",
                       "notifications", "rules", "taxa", "locations", "language", "contents",
                       "isComprehensive", "localizedDataSemanticVersion",
                       "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent",
                       "translationMetadata", "supportedTaxonomies", "properties"}, {"name"}),
    "reportingDescriptor": ({"id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames",
                             "shortDescription", "fullDescription", "messageStrings",
                             "defaultConfiguration", "helpUri", "help", "relationships", "properties"},
                            {"id"}),
    "multiformatMessageString": ({"text", "markdown", "properties"}, {"text"}),
    "reportingConfiguration": ({"enabled", "level", "rank", "parameters", "properties"}, set()),
    "result": ({"ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations",
                "guid", "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints",
                "stacks", "codeFlows", "graphs", "graphTraversals", "relatedLocations", "suppressions",
                "baselineState", "rank", "attachments", "hostedViewerUri", "workItemUris", "provenance",
                "fixes", "taxa", "webRequest", "webResponse", "properties"}, {"message"}),
    "message": ({"text", "markdown", "id", "arguments", "properties"}, set()),
    "location": ({"id", "physicalLocation", "logicalLocations", "message", "annotations",
                  "relationships", "properties"}, set()),
    "physicalLocation": ({"address", "artifactLocation", "region", "contextRegion", "properties"}, set()),
    "artifactLocation": ({"uri", "uriBaseId", "index", "description", "properties"}, set()),
    "region": ({"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength",
                "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"}, set()),
    "suppression": ({"guid", "kind", "status", "justification", "location", "properties"}, {"kind"}),
    "invocation": ({"commandLine", "arguments", "responseFiles", "startTimeUtc", "endTimeUtc", "exitCode",
                    "ruleConfigurationOverrides", "notificationConfigurationOverrides",
                    "toolExecutionNotifications", "toolConfigurationNotifications", "exitCodeDescription",
                    "exitSignalName", "exitSignalNumber", "processStartFailureMessage",
                    "executionSuccessful", "machine", "account", "processId", "executableLocation",
                    "workingDirectory", "environmentVariables", "stdin", "stdout", "stderr",
                    "stdoutStderr", "properties"}, {"executionSuccessful"}),
    "notification": ({"locations", "message", "level", "threadId", "timeUtc", "exception", "descriptor",
                      "associatedRule", "properties"}, {"message"}),
    "reportingDescriptorReference": ({"id", "index", "guid", "toolComponent", "properties"}, set()),
}
LEVELS = {"none", "note", "warning", "error"}


def conforms(obj, kind, where="$"):
    allowed, required = SCHEMA[kind]
    assert isinstance(obj, dict), where
    assert set(obj) <= allowed, f"{where}: not allowed {set(obj) - allowed}"
    assert required <= set(obj), f"{where}: missing {required - set(obj)}"
    if "properties" in obj:
        bag = obj["properties"]
        assert isinstance(bag, dict)
        if "tags" in bag:
            assert len(set(bag["tags"])) == len(bag["tags"]) and all(isinstance(t, str) for t in bag["tags"])


def check_message(m, where):
    conforms(m, "message", where)
    assert "text" in m or "id" in m


def check_location(loc, where):
    conforms(loc, "location", where)
    phys = loc["physicalLocation"]
    conforms(phys, "physicalLocation", where + ".physicalLocation")
    conforms(phys["artifactLocation"], "artifactLocation", where + ".artifactLocation")
    if "region" in phys:
        region = phys["region"]
        conforms(region, "region", where + ".region")
        assert "startLine" in region
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            assert isinstance(region.get(key, 1), int) and region.get(key, 1) >= 1
        assert region["endLine"] >= region["startLine"]
        if region["endLine"] == region["startLine"]:
            assert region["endColumn"] >= region["startColumn"]


def validate_sarif(log):
    conforms(log, "log")
    assert log["version"] == "2.1.0"
    for i, run in enumerate(log["runs"]):
        conforms(run, "run", f"runs[{i}]")
        conforms(run["tool"], "tool")
        driver = run["tool"]["driver"]
        conforms(driver, "toolComponent", "driver")
        assert run.get("columnKind") in (None, "utf16CodeUnits", "unicodeCodePoints")
        for base in run.get("originalUriBaseIds", {}).values():
            conforms(base, "artifactLocation")
        ids = [r["id"] for r in driver.get("rules", [])]
        assert len(ids) == len(set(ids))
        for rule in driver.get("rules", []):
            conforms(rule, "reportingDescriptor", rule["id"])
            for key in ("shortDescription", "fullDescription", "help"):
                if key in rule:
                    conforms(rule[key], "multiformatMessageString", f"{rule['id']}.{key}")
            conf = rule.get("defaultConfiguration", {})
            conforms(conf, "reportingConfiguration")
            assert conf.get("level", "warning") in LEVELS
        for inv in run.get("invocations", []):
            conforms(inv, "invocation")
            for n in inv.get("toolExecutionNotifications", []):
                conforms(n, "notification")
                check_message(n["message"], "notification")
                assert n.get("level", "warning") in LEVELS
                if "descriptor" in n:
                    conforms(n["descriptor"], "reportingDescriptorReference")
                for loc in n.get("locations", []):
                    check_location(loc, "notification.location")
        for j, res in enumerate(run.get("results", [])):
            where = f"results[{j}]"
            conforms(res, "result", where)
            check_message(res["message"], where)
            assert res.get("level", "warning") in LEVELS
            assert res.get("ruleIndex", -1) >= -1
            for loc in res.get("locations", []):
                check_location(loc, where)
            for s in res.get("suppressions", []):
                conforms(s, "suppression", where + ".suppression")
                assert s["kind"] in ("inSource", "external")
                assert s.get("status", "accepted") in ("accepted", "underReview", "rejected")
            for value in res.get("partialFingerprints", {}).values():
                assert isinstance(value, str)


def github_expectations(log):
    """What GitHub code scanning needs beyond the schema."""
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "fzlint" and driver["version"]
    assert "informationUri" not in driver   # optional; fzlint has no public home page to point at
    rules = driver["rules"]
    for rule in rules:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and len(rule.get("properties", {}).get("tags", [])) <= 20
    assert len(run["results"]) <= 25000
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["message"]["text"]
        [loc] = res["locations"]
        art = loc["physicalLocation"]["artifactLocation"]
        assert not art["uri"].startswith(("/", "file:")) and art["uriBaseId"] == "%SRCROOT%"
        assert loc["physicalLocation"]["region"]["startLine"] >= 1
        assert res["partialFingerprints"]


def sarif(res, **kw):
    return json.loads(render("sarif", res, Options(rules=rules(), **kw)))


def test_sarif_conforms_to_the_schema_and_to_github():
    log = sarif(results(waive=True))
    validate_sarif(log)
    github_expectations(log)


def test_sarif_rules_carry_explanation_basis_and_level():
    log = sarif(results())
    rules_by_id = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    s102 = rules_by_id["S102"]
    assert s102["name"] == "shortcomings-section-missing"
    assert s102["defaultConfiguration"]["level"] == "error"
    assert "依据" in s102["help"]["text"] and "厅字〔2019〕28号" in s102["help"]["text"]
    assert rules_by_id["S105"]["defaultConfiguration"]["level"] == "note"
    assert not any("{" in r["shortDescription"]["text"] for r in rules_by_id.values())


def test_sarif_results_locations_levels_and_suppressions():
    log = sarif(results(waive=True))
    run = log["runs"][0]
    found = {r["ruleId"]: r for r in run["results"]}
    assert set(found) == {"S102", "S103"}
    assert found["S102"]["level"] == "error" and "suppressions" not in found["S102"]
    loc = found["S102"]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "reports/a.txt"
    assert loc["region"]["startLine"] == 1 and loc["region"]["startColumn"] == 1
    [s] = found["S103"]["suppressions"]
    assert s == {"kind": "external", "status": "accepted", "justification": "合并撰写，经区司法局同意",
                 "properties": {"rule": "S103", "unit": "*", "expires": "2999-12-31",
                                "approver": "区司法局", "source": "w.yaml#1"}}
    [note] = [n for n in run["invocations"][0]["toolExecutionNotifications"] if n["level"] == "error"]
    assert note["message"]["text"].endswith("文件已损坏，无法打开")
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "reports/%E5%9D%8F%E7%9A%84.docx"


def test_sarif_fingerprints_survive_edits_elsewhere():
    before = sarif(results())["runs"][0]["results"]
    moved = REPORT.replace("全年开展", "今年以来，我镇认真贯彻落实上级部署。\n全年开展")
    moved = "（2025年3月1日）\n" + moved
    after = sarif(results(text=moved))["runs"][0]["results"]
    fp = {r["ruleId"]: r["partialFingerprints"] for r in before}
    fp2 = {r["ruleId"]: r["partialFingerprints"] for r in after}
    assert fp.keys() == fp2.keys() and fp == fp2
    lines = {r["ruleId"]: r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after}
    assert lines["S102"] == 2                # the finding moved, its identity did not
    edited = sarif(results(text=REPORT.replace("某某镇人民政府关于", "某某镇人民政府关于本镇")))
    assert edited["runs"][0]["results"][0]["partialFingerprints"] != before[0]["partialFingerprints"]


def test_sarif_fingerprints_distinguish_repeated_findings():
    from linter.formats._fingerprint import fingerprints
    from linter.document.result import Diagnostic
    ds = [Diagnostic("F101", "n", "info", "m", i, 1, i, 2, context="同一段文字") for i in (1, 5)]
    a, b = fingerprints(ds)
    assert a != b


# -- GitHub annotations ---------------------------------------------------------------

def test_github_escaping():
    assert escape_data("50%\r\n下一行") == "50%25%0D%0A下一行"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    assert escape_data("a:b,c") == "a:b,c"


def test_github_annotations():
    out = render("github", results(waive=True), Options())
    lines = out.splitlines()
    pattern = re.compile(r"^::(error|warning|notice) (file=[^,]+(,[a-zA-Z]+=[^,:]*)*)::(.+)$")
    for line in lines:
        assert pattern.match(line), line
    [s102] = [ln for ln in lines if "S102" in ln]
    assert s102.startswith("::error file=reports/a.txt,line=1,col=1,endLine=1,endColumn=")
    assert ",title=S102 shortcomings-section-missing::" in s102
    assert "%0A依据：" in s102 and "\n" not in s102
    assert not any("S103" in ln for ln in lines)                       # waived
    assert any(ln.startswith("::error file=reports/坏的.docx,title=fzlint corrupt::") for ln in lines)


def test_github_escapes_commas_and_colons_in_paths():
    r = lint_text(REPORT, "a,b:c.txt", Config(select=["S102"]))
    [line] = render("github", [r], Options()).splitlines()
    assert line.startswith("::error file=a%2Cb%3Ac.txt,line=1")


# -- JUnit ----------------------------------------------------------------------------

def test_junit_cases_per_file_and_checklist_item():
    xml = render("junit", results(waive=True), Options(fail_on="warning"))
    root = ET.fromstring(xml)
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    ok, bad = suites["reports/a.txt"], suites["reports/坏的.docx"]
    cases = {c.get("name").split()[0]: c for c in ok.findall("testcase")}
    assert cases["section.shortcomings"].find("failure") is not None
    assert "缺少“存在的不足和原因”部分" in cases["section.shortcomings"].find("failure").get("message")
    assert cases["section.measures"].find("failure") is None
    assert cases["section.frp"].find("skipped").get("message").startswith("已豁免")
    other = [c for c in ok.findall("testcase") if c.get("name").startswith("其他问题")]
    assert len(other) == 1
    [err_case] = bad.findall("testcase")
    assert err_case.find("error").get("type") == "corrupt"
    assert int(root.get("errors")) == 1 and int(root.get("failures")) >= 1
    for s in root.findall("testsuite"):
        assert int(s.get("tests")) == len(s.findall("testcase"))
        assert int(s.get("failures")) == len([c for c in s.findall("testcase") if c.find("failure") is not None])


def test_junit_failures_follow_the_fail_level():
    res = [lint_text(REPORT, "a.txt", Config(select=["S105"]))]     # info only
    root = ET.fromstring(render("junit", res, Options(fail_on="warning")))
    assert root.get("failures") == "0"
    root = ET.fromstring(render("junit", res, Options(fail_on="info")))
    assert root.get("failures") == "1"


# -- CSV -------------------------------------------------------------------------------

def test_csv_is_utf8_with_bom_for_excel():
    text = render("csv", results(waive=True), Options())
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0])[:10] == ["path", "line", "column", "code", "name", "severity", "message", "basis",
                                  "checklist", "suppressed"]
    by_code = {r["code"]: r for r in rows}
    assert by_code["S102"]["message"] == "缺少“存在的不足和原因”部分"
    assert by_code["S102"]["suppressed"] == "false" and by_code["S103"]["suppressed"] == "true"
    assert by_code["S103"]["justification"] == "合并撰写，经区司法局同意"
    assert by_code["S102"]["issuer"] == "重庆市某某区某某镇人民政府"
    assert by_code["corrupt"]["path"] == "reports/坏的.docx" and by_code["corrupt"]["severity"] == "error"
    assert "\r\n" in text


def test_csv_defuses_formulas():
    from linter.formats.csv_ import _cell
    assert _cell("=1+1") == "'=1+1" and _cell("+86") == "'+86" and _cell("缺少") == "缺少"


# -- GitLab, JSON lines ---------------------------------------------------------------

def test_gitlab_code_quality():
    issues = json.loads(render("gitlab", results(waive=True), Options()))
    assert isinstance(issues, list)
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["path"] and issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    names = {i["check_name"]: i for i in issues}
    assert names["S102"]["severity"] == "critical" and "S103" not in names
    assert names["fzlint/corrupt"]["location"]["path"] == "reports/坏的.docx"


def test_json_lines():
    lines = render("json-lines", results(waive=True), Options()).splitlines()
    objs = [json.loads(ln) for ln in lines]
    assert {o["code"] for o in objs if "code" in o} == {"S102", "S103"}
    assert all(o["path"] in ("reports/a.txt", "reports/坏的.docx") for o in objs)
    assert [o for o in objs if "error" in o][0]["error"]["code"] == "corrupt"
    assert any(o.get("suppressed") for o in objs)


# -- text -----------------------------------------------------------------------------

def test_text_has_no_colour_codes_unless_asked():
    plain = render("text", results(), Options(color=False))
    assert "\x1b[" not in plain and "缺少“存在的不足和原因”部分" in plain
    assert "\x1b[" in render("text", results(), Options(color=True))


def test_text_marks_fixable_and_shows_unsafe_suggestions():
    r = lint_text(REPORT, "a.txt", Config(select=["S102", "S103"]))
    r.diagnostics[0].fix = Fix([Edit(1, 1, 1, 2, "X")], safe=True)
    r.diagnostics[1].fix = Fix([Edit(1, 1, 1, 2, "重庆市")], safe=False)
    out = render("text", [r], Options())
    assert "［可自动修复］" in out and "需人工确认" in out and "“重庆市”" in out and "--fix" in out
    assert " [*] " in render("concise", [r], Options())


# -- through the CLI: output file and encodings ---------------------------------------

def test_output_file_and_pipe_are_utf8_whatever_the_locale(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        runner = CliRunner()
        res = runner.invoke(main, ["check", "--select", "S102", "--format", "csv", "-o", "out.csv", "a.txt"])
        assert res.exit_code == 1 and res.stdout == ""
        raw = (tmp_path / "out.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and "S102".encode() in raw and b"\r\r\n" not in raw
        res = runner.invoke(main, ["check", "--select", "S102", "--format", "sarif", "a.txt"])
        validate_sarif(json.loads(res.stdout_bytes.decode("utf-8")))
    finally:
        os.chdir(old)
