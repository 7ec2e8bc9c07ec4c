"""Status records checked against the shipped JSON Schemas by an independent validator.

Every example record under content/status/ must validate, what `cairn record` writes must
validate, and the schemas must reject what Cairn rejects. Run by `make test`.
"""
import json
import os
import pathlib
import subprocess

import pytest
from jsonschema import Draft202012Validator, FormatChecker

ROOT = pathlib.Path(__file__).resolve().parents[2]
CAIRN = pathlib.Path(os.environ.get("CAIRN_BINARY", ROOT / ".build" / "debug" / "cairn"))
SCHEMAS = {kind: json.loads((ROOT / "schemas" / f"cairn.{kind}.v1.json").read_text()) for kind in ("deploy", "backup", "metrics")}
RECORDS = sorted((ROOT / "content" / "status").rglob("*.json"))


def validator(kind):
    return Draft202012Validator(SCHEMAS[kind], format_checker=FormatChecker())


def kind_of(record):
    return record["schema"].split(".")[1].split("/")[0]


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_each_schema_is_a_valid_draft_2020_12_schema(kind):
    Draft202012Validator.check_schema(SCHEMAS[kind])


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_cairn_schema_prints_the_shipped_schema(kind):
    printed = subprocess.run([str(CAIRN), "schema", kind], check=True, capture_output=True, text=True).stdout
    assert json.loads(printed) == SCHEMAS[kind]


def test_the_example_has_records_of_every_kind():
    kinds = {kind_of(json.loads(path.read_text())) for path in RECORDS}
    assert kinds == {"deploy", "backup", "metrics"}
    assert len(RECORDS) >= 20


@pytest.mark.parametrize("path", RECORDS, ids=[p.relative_to(ROOT).as_posix() for p in RECORDS])
def test_every_example_record_validates_against_its_schema(path):
    record = json.loads(path.read_text())
    errors = sorted(validator(kind_of(record)).iter_errors(record), key=str)
    assert [e.message for e in errors] == []


RECORD_COMMANDS = {
    "deploy": ["--environment", "staging", "--version", "1.4.2", "--commit", "abc1234", "--status", "success",
               "--started-at", "2026-11-25T09:00:00Z", "--finished-at", "2026-11-25T09:06:00Z", "--ref", "develop",
               "--url", "https://ci.example.test/runs/1", "--actor", "ci", "--health", "degraded",
               "--check", "/health:pass:120", "--check", "search:fail::stale index", "--migrations-applied", "2",
               "--migrations-status", "applied", "--rollback-of", "2026-11-24T09-00-00Z-staging",
               "--producer-system", "github-actions", "--producer-run-url", "https://ci.example.test/runs/1",
               "--notes", "ok", "--evidence-for", "phase-2/deploy-to-staging"],
    "backup": ["--environment", "staging", "--kind", "database", "--tool", "pg_dump", "--backup-id", "b1",
               "--taken-at", "2026-11-25T02:00:00Z", "--size-bytes", "1610612736", "--encrypted", "--retention-days", "14",
               "--restore-status", "pass", "--restore-tested-at", "2026-11-25T03:00:00Z", "--restore-duration-s", "600",
               "--restore-rto-s", "900", "--restore-rpo-s", "3600", "--restore-check", "row counts:pass:3518:3518"],
    "metrics": ["--environment", "staging", "--from", "2026-11-24T00:00:00Z", "--to", "2026-11-25T00:00:00Z",
                "--value", "Uptime=99.95%@ratio", "--value", "Response time=430ms@p95"],
}


@pytest.mark.parametrize("kind", sorted(RECORD_COMMANDS))
def test_what_cairn_record_writes_validates(kind, tmp_path):
    result = subprocess.run([str(CAIRN), "record", kind, "--content", str(tmp_path), *RECORD_COMMANDS[kind]],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    record = json.loads(pathlib.Path(result.stdout.strip()).read_text())
    assert kind_of(record) == kind
    assert [e.message for e in validator(kind).iter_errors(record)] == []


@pytest.mark.parametrize("change, field", [
    ({"status": "sucess"}, "status"),
    ({"started_at": "2026-13-01T00:00:00Z"}, "started_at"),
    ({"schema": "cairn.deploy/v2"}, "schema"),
    ({"version": ""}, "version"),
])
def test_the_schema_rejects_what_cairn_rejects(change, field):
    record = next(json.loads(p.read_text()) for p in RECORDS if kind_of(json.loads(p.read_text())) == "deploy")
    record.update(change)
    errors = list(validator("deploy").iter_errors(record))
    assert errors, f"the schema accepted a bad {field}"
