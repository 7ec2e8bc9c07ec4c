"""The CI recipes that `cairn init --ci` writes, with their shell steps run locally.

Each recipe's steps that call cairn run in a copy of the example project, with the variables
the CI system would set. The copy has its Pre-Deployment checklist ticked, as a team's would be
before a production deploy, so that the gate lets the deploy through.
"""
import json
import os
import pathlib
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
CAIRN = pathlib.Path(os.environ.get("CAIRN_BINARY", ROOT / ".build" / "debug" / "cairn")).resolve()


def calls_cairn(script):
    return any(line.strip().startswith("cairn ") for line in script.splitlines())


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    plan = tmp_path / "content" / "plans" / "HOSTING_MIGRATION_PLAN.md"
    lines = plan.read_bytes().split(b"\n")
    for index in range(313, 320):
        assert lines[index].startswith(b"- [ ] ")
        lines[index] = b"- [x] " + lines[index][6:]
    plan.write_bytes(b"\n".join(lines))
    return tmp_path


def run(script, cwd, environment):
    env = {**os.environ, **environment, "PATH": f"{CAIRN.parent}:{os.environ['PATH']}", "NO_COLOR": "1"}
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True, text=True)


def new_deploys(project):
    return sorted((project / "content" / "status" / "deploys").glob("*-production.json"))


def test_cairn_init_writes_each_recipe_where_its_ci_looks(tmp_path):
    for system, destination in (("github", ".github/workflows/cairn.yml"), ("gitlab", ".gitlab-ci.yml")):
        result = subprocess.run([str(CAIRN), "init", str(tmp_path), "--ci", system], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        written = (tmp_path / destination).read_text()
        assert written == (ROOT / "templates" / "ci" / f"{system}.yml").read_text()
        again = subprocess.run([str(CAIRN), "init", str(tmp_path), "--ci", system], capture_output=True, text=True)
        assert again.returncode == 2 and "never overwrites" in again.stderr


def test_the_github_recipe_records_gates_and_builds(project):
    workflow = yaml.safe_load((ROOT / "templates" / "ci" / "github.yml").read_text())
    steps = workflow["jobs"]["handbook"]["steps"]
    assert {"actions/upload-pages-artifact@v3", "actions/deploy-pages@v4"} <= {s.get("uses") for s in steps}
    scripts = [step["run"] for step in steps if "run" in step and calls_cairn(step["run"])]
    assert len(scripts) == 3
    environment = {
        "GITHUB_SHA": "0123456789abcdef0123456789abcdef01234567", "GITHUB_REF_NAME": "main",
        "ENVIRONMENT": "production", "DEPLOY_OUTCOME": "success",
        "RUN_URL": "https://github.com/example/shop/actions/runs/42",
    }
    for script in scripts:
        result = run(script, project, environment)
        assert result.returncode == 0, f"{script}\n{result.stdout}\n{result.stderr}"
    records = new_deploys(project)
    assert len(records) == 1
    record = json.loads(records[0].read_text())
    assert (record["version"], record["status"], record["producer"]["system"]) == ("0123456", "success", "github-actions")
    assert (project / "public" / "index.html").is_file()
    assert "0123456" in (project / "public" / "deploys.html").read_text()


def test_the_github_recipe_records_a_failed_deploy_as_failure(project):
    steps = yaml.safe_load((ROOT / "templates" / "ci" / "github.yml").read_text())["jobs"]["handbook"]["steps"]
    record_step = next(step["run"] for step in steps if step.get("name") == "Record the deploy")
    result = run(record_step, project, {"GITHUB_SHA": "f" * 40, "ENVIRONMENT": "production",
                                        "DEPLOY_OUTCOME": "failure", "RUN_URL": "https://example.test/run"})
    assert result.returncode == 0, result.stderr
    assert json.loads(new_deploys(project)[0].read_text())["status"] == "failure"


GITLAB_ENVIRONMENT = {
    "CI_COMMIT_SHORT_SHA": "89abcde", "CI_COMMIT_SHA": "89abcde" + "0" * 33, "CI_COMMIT_REF_NAME": "main",
    "CI_PIPELINE_URL": "https://gitlab.example/shop/-/pipelines/7",
}


def gitlab_jobs():
    pipeline = yaml.safe_load((ROOT / "templates" / "ci" / "gitlab.yml").read_text())
    environment = {**GITLAB_ENVIRONMENT, "ENVIRONMENT": pipeline["variables"]["ENVIRONMENT"]}
    return pipeline["pages"], pipeline["gate"], environment


def test_the_gitlab_recipe_records_builds_gates_and_reports_junit(project):
    pages, gate, environment = gitlab_jobs()
    assert pages["artifacts"]["paths"] == ["public", "content/status"]
    assert gate["needs"] == ["pages"], "the gate reads the new record from the pages job's artifacts"
    for job in (pages, gate):
        result = run("\n".join(job["script"]), project, environment)
        assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    assert json.loads(new_deploys(project)[0].read_text())["producer"]["system"] == "gitlab-ci"
    assert ElementTree.parse(project / "cairn-gate.xml").getroot().get("failures") == "0"
    assert ElementTree.parse(project / "cairn-check.xml").getroot().tag == "testsuites"
    assert (project / "public" / "index.html").is_file()


def test_the_gitlab_recipe_commits_the_record_when_it_may_push(project):
    pages, _, environment = gitlab_jobs()
    git = lambda *arguments: subprocess.run(["git", *arguments], cwd=project, capture_output=True, text=True, check=True)
    git("init", "-q")
    git("add", "content")
    git("-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-q", "-m", "the project")
    # Nothing listens on port 9 here: the commit is made, the push is refused at once, and a
    # refused push does not fail the job.
    pushing = {**environment, "CAIRN_PUSH_TOKEN": "token", "CI_SERVER_HOST": "127.0.0.1:9", "CI_PROJECT_PATH": "shop"}
    result = run("\n".join(pages["script"]), project, pushing)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    assert git("log", "-1", "--format=%s").stdout.strip() == "Record production deploy of 89abcde"
    committed = git("show", "--name-only", "--format=", "HEAD").stdout.split()
    assert committed == [f"content/status/deploys/{new_deploys(project)[0].name}"]


def test_an_open_prerequisite_fails_the_gitlab_gate_but_the_deploy_is_still_published(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    pages, gate, environment = gitlab_jobs()
    assert run("\n".join(pages["script"]), tmp_path, environment).returncode == 0
    assert "89abcde" in (tmp_path / "public" / "deploys.html").read_text()
    result = run("\n".join(gate["script"]), tmp_path, environment)
    assert result.returncode == 1
    assert ElementTree.parse(tmp_path / "cairn-gate.xml").getroot().get("failures") == "7"


def test_the_gate_step_stops_the_recipe_while_pre_deployment_is_open(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    steps = yaml.safe_load((ROOT / "templates" / "ci" / "github.yml").read_text())["jobs"]["handbook"]["steps"]
    gate = next(step["run"] for step in steps if step.get("name") == "Check the plan")
    result = run(gate, tmp_path, {})
    assert result.returncode == 1
    gate_errors = [line for line in result.stdout.splitlines() if "(required before production-deploy)" in line]
    assert len(gate_errors) == 7 and all(line.startswith("::error ") for line in gate_errors)


def test_the_github_gate_comes_after_the_record_is_kept_and_the_handbook_published():
    # The deploy has happened by the time this workflow runs: an open prerequisite must fail
    # the job without losing its record or the handbook that shows it.
    steps = yaml.safe_load((ROOT / "templates" / "ci" / "github.yml").read_text())["jobs"]["handbook"]["steps"]
    names = [step.get("name") or step.get("uses") for step in steps]
    assert names[-1] == "Check the plan"
    assert {"Record the deploy", "Build the handbook", "Keep the record", "actions/deploy-pages@v4"} <= set(names[:-1])
