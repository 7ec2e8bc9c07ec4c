"""Nothing lost, nothing injected: bad input, killed and concurrent builds, determinism, a
full disk and hostile content, against the built binary. Run by `make test`."""
import hashlib
import json
import os
import pathlib
import random
import shutil
import signal
import subprocess
import tempfile
import threading
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CAIRN = pathlib.Path(os.environ.get("CAIRN_BINARY", ROOT / ".build" / "debug" / "cairn")).resolve()
BAD = ROOT / "Tests" / "Hardening" / "Fixtures" / "bad"
ENVIRONMENT = {**os.environ, "SOURCE_DATE_EPOCH": "1795564800", "NO_COLOR": "1"}


def build(content, output, cwd=None, timeout=600, cache=None):
    """`cairn build`; with `cache`, its cache goes there instead of beside the content folder."""
    extra = ["--cache-dir", str(cache)] if cache else []
    return subprocess.run([str(CAIRN), "build", "--content", str(content), "--output", str(output)] + extra,
                          capture_output=True, text=True, env=ENVIRONMENT, cwd=cwd, timeout=timeout)


def snapshot(folder):
    """Every file under `folder` by relative path, with its SHA-256."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("case", sorted(p.name for p in BAD.iterdir()))
def test_each_bad_input_gets_its_message_and_exit_code(case, tmp_path):
    expected = json.loads((BAD / case / "expected.json").read_text())
    # The fixtures are in the source tree: the cache goes to the test's own folder.
    result = build(BAD / case / "content", tmp_path / "site", cache=tmp_path / "cache")
    assert result.returncode == expected["exit"], result.stderr
    assert expected["message"] in result.stderr + result.stdout
    assert (tmp_path / "site").exists() == (expected["exit"] == 0)
    assert "Fatal error" not in result.stderr and "Stack dump" not in result.stderr


def write(root, files):
    for path, data in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data if isinstance(data, bytes) else data.encode())


def test_a_50_mb_plan_is_refused_with_its_size(tmp_path):
    content = tmp_path / "content"
    write(content, {"plans/small.md": "# Small\n"})
    with open(content / "plans" / "huge.md", "wb") as huge:
        line = b"- [ ] a task in a plan far too large to read\n"
        huge.write(line * (50 * 1024 * 1024 // len(line)))
    result = build(content, tmp_path / "site")
    assert result.returncode == 2
    assert "plans/huge.md: error: is 49 MiB; a document may be at most 16 MiB" in result.stderr


def test_a_list_nested_10000_deep_builds_without_a_crash(tmp_path):
    content = tmp_path / "content"
    write(content, {"plans/deep.md": "# Deep\n\n" + "- " * 10_000 + "[ ] the deepest task\n" + ">" * 10_000 + " quote\n"})
    result = build(content, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "the deepest task" in (tmp_path / "site" / "plans" / "deep.html").read_text()


def test_symlinks_out_of_the_content_or_in_a_loop_are_skipped_with_a_warning(tmp_path):
    content = tmp_path / "content"
    write(content, {"plans/plan.md": "# Plan\n", "../secret.md": "# Secret\n"})
    os.symlink(tmp_path / "secret.md", content / "plans" / "secret.md")
    os.symlink(content / "plans", content / "plans" / "loop")
    result = build(content, tmp_path / "site")
    assert result.returncode == 0
    assert "plans/secret.md: warning: symbolic link points outside the content folder" in result.stderr
    assert "plans/loop: warning: symbolic link loops back to a folder already read" in result.stderr
    assert not (tmp_path / "site" / "plans" / "secret.html").exists()


def test_a_status_record_that_is_a_folder_is_reported(tmp_path):
    content = tmp_path / "content"
    write(content, {"plans/plan.md": "# Plan\n", "status/deploys/x.json/inner.txt": ""})
    result = build(content, tmp_path / "site")
    assert result.returncode == 2
    assert "status/deploys/x.json: error: is a folder, not a status record file [status.not-a-record]" in result.stderr


def test_dots_in_a_name_and_a_link_climbing_out_stay_inside_the_site(tmp_path):
    content = tmp_path / "content"
    write(content, {"plans/a..b.md": "# Dots\n[up](../../etc/passwd.md)\n", "plans/.. hidden.md": "# Hidden\n"})
    result = build(content, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "plans" / "a..b.html").is_file()
    written = [path.resolve() for path in tmp_path.rglob("*") if path.is_file() and path.name != ".site.cairn-lock"]
    # The build's cache sits beside the content folder, as `cairn check`'s does.
    allowed = (site.resolve(), content.resolve(), (tmp_path / ".cairn-cache").resolve())
    assert all(any(path.is_relative_to(folder) for folder in allowed) for path in written)
    assert any(path.is_relative_to(allowed[2] / "build") for path in written)
    check = subprocess.run([str(CAIRN), "check", "--content", str(content)], capture_output=True, text=True)
    assert check.returncode == 1
    assert "plans/a..b.md:2:1: error: links to ../../etc/passwd.md, which is outside the content folder" in check.stdout


def as_unprivileged_user():
    """Root reads every file, so as root the build runs as `nobody` to meet a mode of 000."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv is not installed, and root reads any file")
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_an_unreadable_file_is_an_error():
    prefix = as_unprivileged_user()
    root = pathlib.Path(tempfile.mkdtemp(prefix="cairn-unreadable-"))
    try:
        root.chmod(0o777)
        content = root / "content"
        write(content, {"plans/plan.md": "# Plan\n", "plans/secret.md": "# Secret\n"})
        for folder in (content, content / "plans"):
            folder.chmod(0o755)
        (content / "plans" / "plan.md").chmod(0o644)
        (content / "plans" / "secret.md").chmod(0)
        result = subprocess.run(prefix + [str(CAIRN), "build", "--content", str(content), "--output",
                                          str(root / "site")], capture_output=True, text=True, env=ENVIRONMENT)
        assert result.returncode == 2, result.stderr
        assert "plans/secret.md: error: cannot read file: Permission denied [content.unreadable]" in result.stderr
        assert not (root / "site").exists()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_the_same_inputs_give_the_same_bytes(tmp_path):
    first = build(ROOT / "content", tmp_path / "one")
    second = build(ROOT / "content", tmp_path / "two")
    assert first.returncode == second.returncode == 0
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_a_build_killed_at_any_moment_leaves_the_previous_site_whole(tmp_path):
    site = tmp_path / "site"
    assert build(ROOT / "content", site).returncode == 0
    reference = snapshot(site)
    started = time.monotonic()
    assert build(ROOT / "content", tmp_path / "timing").returncode == 0
    duration = time.monotonic() - started
    rng = random.Random(7)
    for _ in range(25):
        process = subprocess.Popen([str(CAIRN), "build", "--output", str(site), "--quiet"], cwd=ROOT,
                                   env=ENVIRONMENT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, duration * 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert snapshot(site) == reference
    assert build(ROOT / "content", site).returncode == 0
    assert not [name for name in os.listdir(tmp_path) if "cairn-tmp" in name or "cairn-old" in name]


def test_two_builds_at_once_never_mix_their_sites(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    write(one, {"plans/plan.md": "# One\n- [ ] first\n"})
    write(two, {"plans/plan.md": "# Two\n- [ ] second\n", "plans/extra.md": "# Extra\n"})
    site = tmp_path / "site"
    for _ in range(5):
        results = []
        threads = [threading.Thread(target=lambda c=c: results.append(build(c, site))) for c in (one, two)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert all(result.returncode == 0 for result in results)
        plan = (site / "plans" / "plan.html").read_text()
        has_extra = (site / "plans" / "extra.html").exists()
        assert ("Two" in plan) == has_extra, "the site mixes two builds"


def mount_tmpfs(folder, size):
    folder.mkdir()
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


def test_a_full_disk_gives_a_clear_error_and_leaves_nothing_half_written(tmp_path):
    small = tmp_path / "small"
    if os.geteuid() != 0 or not mount_tmpfs(small, "300k"):
        pytest.skip("a small tmpfs cannot be mounted here")
    try:
        result = build(ROOT / "content", small / "site")
        assert result.returncode == 2
        assert "error: cannot write output" in result.stderr and "site" in result.stderr
        assert [name for name in os.listdir(small) if not name.endswith(".cairn-lock")] == []
        (small / "content").mkdir()  # a record goes only into a content folder that exists
        filler = os.open(small / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(filler, b"x" * 4096):
                pass
        except OSError:
            pass
        os.close(filler)
        record = subprocess.run([str(CAIRN), "record", "deploy", "--content", str(small / "content"), "--environment",
                                 "staging", "--version", "1.0.0", "--commit", "c", "--status", "success"],
                                capture_output=True, text=True)
        assert record.returncode == 2 and "error: cannot write output" in record.stderr
        assert "No space left on device" in record.stderr
        deploys = small / "content" / "status" / "deploys"
        assert not deploys.exists() or list(deploys.iterdir()) == []
    finally:
        subprocess.run(["umount", str(small)], check=False)


def test_an_output_folder_that_became_read_only_gives_a_clear_error_and_keeps_the_site(tmp_path):
    disk = tmp_path / "disk"
    if os.geteuid() != 0 or not mount_tmpfs(disk, "64m"):
        pytest.skip("a tmpfs cannot be mounted here")
    try:
        assert build(ROOT / "content", disk / "site").returncode == 0
        before = snapshot(disk / "site")
        assert subprocess.run(["mount", "-o", "remount,ro", str(disk)]).returncode == 0
        result = build(ROOT / "content", disk / "site")
        assert result.returncode == 2
        assert "error: cannot write output" in result.stderr and "Read-only file system" in result.stderr
        assert snapshot(disk / "site") == before
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_a_record_killed_at_any_moment_leaves_no_partial_file(tmp_path):
    content = tmp_path / "content"
    write(content, {"plans/plan.md": "# Plan\n"})
    deploys = content / "status" / "deploys"
    command = [str(CAIRN), "record", "deploy", "--content", str(content), "--environment", "staging",
               "--version", "1.0.0", "--commit", "abc1234", "--status", "success"]
    started = time.monotonic()
    assert subprocess.run(command, capture_output=True).returncode == 0
    duration = time.monotonic() - started
    rng = random.Random(11)
    for _ in range(20):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, duration * 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        for record in deploys.glob("*.json"):
            assert json.loads(record.read_text())["schema"] == "cairn.deploy/v1", record
    assert subprocess.run(command, capture_output=True).returncode == 0
    assert [name for name in os.listdir(deploys) if name.startswith(".")] == []
    assert build(content, tmp_path / "site").returncode == 0
