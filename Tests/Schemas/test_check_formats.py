"""`cairn check`'s machine-readable outputs, read back by independent parsers.

SARIF is validated twice: against a JSON Schema written from the SARIF 2.1.0 specification
for the objects Cairn emits (the OASIS schema file itself cannot be fetched on this network),
and by sarif-pydantic's models, which are generated from the official schema.
"""
import json
import os
import pathlib
import re
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest
from jsonschema import Draft7Validator
from sarif_pydantic import Sarif

ROOT = pathlib.Path(__file__).resolve().parents[2]
CAIRN = pathlib.Path(os.environ.get("CAIRN_BINARY", ROOT / ".build" / "debug" / "cairn"))
ENVIRONMENT = {**os.environ, "SOURCE_DATE_EPOCH": "1795564800", "NO_COLOR": "1"}

LOCATION = {
    "type": "object", "required": ["physicalLocation"],
    "properties": {"physicalLocation": {
        "type": "object", "required": ["artifactLocation"],
        "properties": {
            "artifactLocation": {"type": "object", "required": ["uri"],
                                 "properties": {"uri": {"type": "string", "format": "uri-reference"}}},
            "region": {"type": "object", "required": ["startLine"],
                       "properties": {"startLine": {"type": "integer", "minimum": 1},
                                      "startColumn": {"type": "integer", "minimum": 1}}},
        }}},
}
SARIF_2_1_0 = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object", "required": ["version", "runs"],
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"enum": ["2.1.0"]},
        "runs": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["tool"],
            "properties": {
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                    "type": "object", "required": ["name"],
                    "properties": {"name": {"type": "string"}, "version": {"type": "string"},
                                   "rules": {"type": "array", "uniqueItems": True, "items": {
                                       "type": "object", "required": ["id"],
                                       "properties": {"id": {"type": "string"},
                                                      "shortDescription": {"type": "object", "required": ["text"]},
                                                      "defaultConfiguration": {"type": "object", "properties": {
                                                          "level": {"enum": ["none", "note", "warning", "error"]}}}}}}}}}},
                "results": {"type": "array", "items": {
                    "type": "object", "required": ["message"],
                    "properties": {"ruleId": {"type": "string"}, "ruleIndex": {"type": "integer", "minimum": -1},
                                   "level": {"enum": ["none", "note", "warning", "error"]},
                                   "message": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
                                   "locations": {"type": "array", "items": LOCATION}}}},
            }}},
    },
}


def check(*arguments, content="content"):
    return subprocess.run([str(CAIRN), "check", "--content", str(content), *arguments],
                          capture_output=True, text=True, cwd=ROOT, env=ENVIRONMENT)


def test_the_example_fails_the_check_and_names_the_phase_1_contradiction():
    result = check()
    assert result.returncode == 1
    assert ("content/plans/HOSTING_MIGRATION_PLAN.md:17:1: error: Phase 1: Preparation & Documentation is marked ✅"
            in result.stdout)
    assert result.stdout.rstrip().splitlines()[-1].startswith("cairn check: 2 errors, ")


def test_sarif_output_is_valid_sarif_2_1_0():
    result = check("--format", "sarif")
    assert result.returncode == 1
    log = json.loads(result.stdout)
    errors = sorted(Draft7Validator(SARIF_2_1_0).iter_errors(log), key=str)
    assert [e.message for e in errors] == []
    Sarif.model_validate(log)
    run = log["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for finding in run["results"]:
        assert rules[finding["ruleIndex"]] == finding["ruleId"]
    phase1 = next(r for r in run["results"] if r["ruleId"] == "phase.complete-with-open-tasks")
    location = phase1["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "content/plans/HOSTING_MIGRATION_PLAN.md"
    assert location["region"]["startLine"] == 17


GITHUB_COMMAND = re.compile(r"^::(error|warning|notice)( (file|line|col|endLine|endColumn|title)=[^,:\n]*"
                            r"(,(file|line|col|endLine|endColumn|title)=[^,:\n]*)*)?::[^\n]+$")


def test_github_output_is_one_workflow_command_per_finding():
    result = check("--format", "github")
    lines = result.stdout.splitlines()
    assert lines and all(GITHUB_COMMAND.match(line) for line in lines)
    assert "::error file=content/plans/HOSTING_MIGRATION_PLAN.md,line=17,col=1,title=phase.complete-with-open-tasks::" in result.stdout


def test_junit_output_has_a_test_case_per_rule_and_location():
    result = check("--format", "junit")
    suite = ElementTree.fromstring(result.stdout).find("testsuite")
    cases = suite.findall("testcase")
    failures = [case for case in cases if case.find("failure") is not None]
    assert int(suite.get("tests")) == len(cases)
    assert int(suite.get("failures")) == len(failures) == 2
    names = {(case.get("classname"), case.get("name")) for case in cases}
    assert ("phase.complete-with-open-tasks", "content/plans/HOSTING_MIGRATION_PLAN.md:17:1") in names
    assert any(classname == "task.duplicate-id" for classname, _ in names)


def test_json_output_counts_what_it_lists():
    report = json.loads(check("--format", "json").stdout)
    assert report["schema"] == "cairn.check/v1"
    assert report["summary"]["errors"] == sum(1 for f in report["findings"] if f["severity"] == "error") == 2


def test_the_production_deploy_gate_lists_seven_items_and_passes_once_they_are_ticked(tmp_path):
    result = check("--gate", "production-deploy")
    assert result.returncode == 1
    assert result.stdout.count("Pre-Deployment: '") == 7
    copy = tmp_path / "content"
    subprocess.run(["cp", "-r", str(ROOT / "content"), str(copy)], check=True)
    plan = copy / "plans" / "HOSTING_MIGRATION_PLAN.md"
    lines = plan.read_bytes().split(b"\n")
    for index in range(313, 320):
        assert lines[index].startswith(b"- [ ] ")
        lines[index] = b"- [x] " + lines[index][6:]
    plan.write_bytes(b"\n".join(lines))
    ticked = check("--gate", "production-deploy", content=copy)
    assert ticked.returncode == 0, ticked.stdout
    assert "cairn check: 0 errors" in ticked.stdout


def test_an_unknown_gate_and_unreadable_content_exit_2(tmp_path):
    assert check("--gate", "no-such-step").returncode == 2
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "bad.md").write_bytes(b"# Bad\n\xff\n")
    result = check(content=tmp_path)
    assert result.returncode == 2
    assert "plans/bad.md:2:1: error: invalid UTF-8" in result.stdout
