"""`cairn serve` end to end: a page served, a plan file changed, the page reloaded in Chromium."""
import os
import pathlib
import socket
import subprocess
import time
import urllib.request

import pytest
import websocket
from selenium.webdriver.support.ui import WebDriverWait

from test_site import make_driver

ROOT = pathlib.Path(__file__).resolve().parents[2]
CAIRN = pathlib.Path(os.environ.get("CAIRN_BINARY", ROOT / ".build" / "debug" / "cairn")).resolve()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_serving(project, *options):
    """`cairn init` in `project`, then `cairn serve` there once it answers: the process and its URL."""
    subprocess.run([str(CAIRN), "init", str(project)], check=True, capture_output=True)
    port = free_port()
    process = subprocess.Popen([str(CAIRN), "serve", "--port", str(port), *options], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/", timeout=1).read()
            return process, base
        except OSError:
            time.sleep(0.1)
    process.kill()
    pytest.fail("cairn serve did not answer: " + process.stderr.read())


@pytest.fixture
def served(tmp_path):
    process, base = start_serving(tmp_path)
    yield tmp_path, base
    process.terminate()
    process.wait(timeout=10)


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode()


def test_serve_answers_with_pages_assets_and_the_reload_script(served):
    _, base = served
    status, page = fetch(base + "/plans/MIGRATION_PLAN.html")
    assert status == 200 and "Phase 1: Preparation" in page
    assert '<script src="/__cairn/live.js"></script></body>' in page
    assert "connect-src 'self' ws://127.0.0.1:" in page
    assert fetch(base + "/assets/cairn.css")[0] == 200
    assert "new WebSocket" in fetch(base + "/__cairn/live.js")[1]
    with pytest.raises(urllib.error.HTTPError):
        fetch(base + "/no-such-page.html")


def test_a_saved_plan_is_rebuilt_and_announced_over_the_socket(served):
    project, base = served
    socket_ = websocket.create_connection(base.replace("http", "ws") + "/__cairn/reload", timeout=5)
    plan = project / "content" / "plans" / "MIGRATION_PLAN.md"
    saved = time.monotonic()
    plan.write_text(plan.read_text() + "\n- [ ] Written while serving\n")
    assert socket_.recv() == "reload"
    announced = time.monotonic() - saved
    socket_.close()
    assert "Written while serving" in fetch(base + "/plans/MIGRATION_PLAN.html")[1]
    assert announced < 1.0, f"the reload came {announced:.2f} s after the save"


def test_a_failed_rebuild_keeps_the_last_good_site_and_shows_the_error(served):
    project, base = served
    socket_ = websocket.create_connection(base.replace("http", "ws") + "/__cairn/reload", timeout=5)
    (project / "content" / "plans" / "BROKEN.md").write_bytes(b"# Broken\n\xff\n")
    assert socket_.recv() == "reload"
    status, page = fetch(base + "/plans/MIGRATION_PLAN.html")
    assert status == 200 and "Phase 1: Preparation" in page
    assert "The last rebuild failed" in page and "BROKEN.md:2:1: error: invalid UTF-8" in page
    (project / "content" / "plans" / "BROKEN.md").write_text("# Mended\n")
    assert socket_.recv() == "reload"
    assert "The last rebuild failed" not in fetch(base + "/")[1]
    socket_.close()


def test_an_open_page_reloads_in_chromium_within_a_second_of_a_save(served):
    project, base = served
    driver = make_driver()
    try:
        driver.get(base + "/plans/MIGRATION_PLAN.html")
        WebDriverWait(driver, 5).until(
            lambda d: d.execute_script("return document.readyState") == "complete")
        time.sleep(0.3)  # let the page open its reload socket
        driver.get_log("browser")
        plan = project / "content" / "plans" / "MIGRATION_PLAN.md"
        saved = time.monotonic()
        plan.write_text(plan.read_text().replace("Write this plan", "Write this plan, reloaded"))
        # Read the text with a script: an element found before the reload goes stale during it.
        WebDriverWait(driver, 5, poll_frequency=0.05).until(
            lambda d: "reloaded" in (d.execute_script("return document.body ? document.body.innerText : ''") or ""))
        elapsed = time.monotonic() - saved
        assert elapsed < 1.0, f"the page showed the change {elapsed:.2f} s after the save"
        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        assert errors == []
    finally:
        driver.quit()


def test_a_port_in_use_is_an_error_without_a_serving_announcement(served):
    project, base = served
    port = base.rsplit(":", 1)[1]
    second = subprocess.run([str(CAIRN), "serve", "--port", port], cwd=project,
                            capture_output=True, text=True, timeout=60)
    assert second.returncode == 2
    assert second.stderr.endswith(f"error: cannot serve on 127.0.0.1:{port}: Address already in use\n")
    assert "Serving" not in second.stdout
    # The first server still answers.
    assert fetch(base + "/")[0] == 200


def test_a_host_that_is_not_an_address_is_an_error_that_says_so(tmp_path):
    subprocess.run([str(CAIRN), "init", str(tmp_path)], check=True, capture_output=True)
    result = subprocess.run([str(CAIRN), "serve", "--host", "localhost", "--port", "0"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr == ("error: cannot serve on localhost:0: 'localhost' is not an IPv4 address "
                             "(127.0.0.1, or 0.0.0.0 for every interface)\n")


def test_a_site_served_from_inside_the_content_folder_is_rebuilt_once_per_save(tmp_path):
    process, base = start_serving(tmp_path, "--output", "content/public")
    try:
        socket_ = websocket.create_connection(base.replace("http", "ws") + "/__cairn/reload", timeout=5)
        plan = tmp_path / "content" / "plans" / "MIGRATION_PLAN.md"
        plan.write_text(plan.read_text() + "\n- [ ] Written while serving\n")
        assert socket_.recv() == "reload"
        # Each build rewrites files in content/public; were they watched, builds would never stop.
        socket_.settimeout(2)
        with pytest.raises(websocket.WebSocketTimeoutException):
            socket_.recv()
        socket_.close()
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=10)
    assert output.count("Built ") == 2, output
