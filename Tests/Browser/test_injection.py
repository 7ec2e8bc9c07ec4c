"""Hostile content: markup and script put into every field of every input kind must reach the
page as text. Each page is opened in headless Chromium twice: as built, and with its
Content-Security-Policy taken out, so that escaping is tested on its own and not hidden behind the
policy. No alert may open, no console entry appear, no element carry an event handler."""
import json
import os
import pathlib
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from selenium.common.exceptions import UnexpectedAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
CAIRN = pathlib.Path(os.environ.get("CAIRN_BINARY", ROOT / ".build" / "debug" / "cairn")).resolve()

# One string that breaks out of text, attributes, URLs and scripts if it is not escaped.
PAYLOAD = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'><svg onload=alert(3)></script>"
LINK = "javascript:alert(4)"
TIME = "2026-11-20T10:00:00Z"


def hostile_plan():
    p = PAYLOAD
    quoted = json.dumps(p)
    data = p.replace(" ", "%20")
    return f"""---
title: {json.dumps("Plan " + p)}
start: 2026-11-01
owner: {quoted}
---
# Plan {p}

Intro {p} with [a link]({LINK}) and [data](data:text/html,{data}) and <script>alert(5)</script>
and <img src=x onerror=alert(6)> and <a href="{LINK}">raw</a> and ![image]({LINK}) and <{LINK}>.

<div onclick="alert(7)">{p}</div>

## Phase 1: Setup {p} ✅

**Status:** In Progress {p}
**Estimated Time:** 1-2 weeks

**1.1: Section {p}**

- [x] Task {p} <!-- id: first -->
- [ ] Open task {p} [go]({LINK})
  - [ ] Child {p}
- [ ] ~~Dropped {p}~~

### Rollback Procedure {p}

1. Step {p}
   - Sub-step {p}
2. Run `{p}`

### Success Metrics

- Uptime > 99.9%
- {p} < 500ms

```
Build {p}
  ↓
Deploy {p}
```

| Column {p} | Other |
| --- | --- |
| {p} | [x]({LINK}) |

**Requires:** Phase 0 {p}

## Phase 2: Launch

**Status:** Not Started

### Pre-Launch Checklist {p}

- [ ] Check {p}
"""


def hostile_records():
    p = PAYLOAD
    deploy = {
        "schema": "cairn.deploy/v1", "environment": p, "version": p, "commit": p, "ref": p,
        "status": "success", "started_at": TIME, "finished_at": TIME, "url": LINK, "actor": p,
        "health": {"status": "healthy", "checks": [{"name": p, "status": "pass", "observed": p}]},
        "migrations": {"applied": 1, "status": "applied"},
        "producer": {"system": p, "run_url": LINK}, "notes": p, "evidence_for": ["phase-1/first"],
        p: p,
    }
    backup = {
        "schema": "cairn.backup/v1", "environment": p, "kind": "database", "tool": "other", "backup_id": p,
        "taken_at": TIME, "size_bytes": 10, "encrypted": True, "notes": p,
        "restore": {"tested_at": TIME, "status": "pass", "rto_s": 60,
                    "checks": [{"name": p, "status": "pass", "expected": p, "observed": p}]},
    }
    metrics = {
        "schema": "cairn.metrics/v1", "environment": p,
        "window": {"from": "2026-11-13T00:00:00Z", "to": TIME},
        "values": [{"name": "Uptime", "value": 99.95, "unit": "%", "stat": "ratio"},
                   {"name": p, "value": 1, "unit": p, "stat": p}],
        "notes": p,
    }
    return {"deploys/d.json": deploy, "backups/b.json": backup, "metrics/m.json": metrics}


class MarkupFinder(HTMLParser):
    """Event handler attributes, inline scripts and scriptable URLs in a page, as parsed."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction") and re.match(
                    r"\s*(javascript|data|vbscript):", value or "", re.I):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "script" and not dict(attrs).get("src"):
            self.found.append("inline <script>")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    (content / "plans").mkdir(parents=True)
    (content / "plans" / "plan.md").write_text(hostile_plan())
    (content / "handbook.yml").write_text(
        f"title: {json.dumps('Handbook ' + PAYLOAD)}\ngates:\n  {json.dumps(PAYLOAD)}: [Phase 1]\n")
    for path, record in hostile_records().items():
        (content / "status" / path).parent.mkdir(parents=True, exist_ok=True)
        (content / "status" / path).write_text(json.dumps(record))
    result = subprocess.run([str(CAIRN), "build", "--content", str(content), "--output", str(root / "site"),
                             "--quiet"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    # The same pages with no Content-Security-Policy, where only escaping stands in the way.
    shutil.copytree(root / "site", root / "open")
    for page in (root / "open").rglob("*.html"):
        text = page.read_text()
        stripped = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
        assert stripped != text, f"{page} has no Content-Security-Policy"
        page.write_text(stripped)
    return root


def test_the_hostile_text_reaches_the_pages_as_text(hostile_site):
    pages = {page.relative_to(hostile_site / "site").as_posix(): page.read_text()
             for page in (hostile_site / "site").rglob("*.html")}
    carrying = [path for path, text in pages.items() if "&lt;script&gt;alert(1)&lt;/script&gt;" in text]
    assert "index.html" in carrying and "plans/plan.html" in carrying and "deploys.html" in carrying
    assert "backups.html" in carrying and "metrics.html" in carrying
    for path, text in pages.items():
        assert "<script>alert" not in text and "<img src=x" not in text and "<svg onload" not in text, path
        parser = MarkupFinder()
        parser.feed(text)
        assert parser.found == [], path
    index = (hostile_site / "site" / "assets" / "search-index.js").read_text()
    assert "</script>" not in index and "<" not in index
    handbook = json.loads((hostile_site / "site" / "handbook.json").read_text())
    assert handbook["title"] == "Handbook " + PAYLOAD


def test_raw_html_in_markdown_is_left_out(hostile_site):
    plan = (hostile_site / "site" / "plans" / "plan.html").read_text()
    assert plan.count("<!-- raw HTML omitted -->") >= 5
    assert "<script>alert(5)" not in plan and "<div onclick" not in plan and "onerror=alert(6)" not in plan
    assert 'href="javascript:' not in plan and 'href="data:' not in plan and 'src="javascript:' not in plan


@pytest.mark.parametrize("variant", ["site", "open"])
def test_no_script_runs_on_any_page(hostile_site, driver, variant):
    pages = sorted((hostile_site / variant).rglob("*.html"))
    assert len(pages) >= 8
    for page in pages:
        driver.get_log("browser")
        try:
            driver.get(page.as_uri())
            handlers = driver.execute_script("""
                const found = [];
                for (const element of document.querySelectorAll('*')) {
                  for (const attribute of element.attributes) {
                    if (attribute.name.startsWith('on')) found.push(element.tagName + ' ' + attribute.name);
                  }
                }
                for (const script of document.scripts) {
                  if (!script.src) found.push('inline script: ' + script.textContent.slice(0, 40));
                }
                for (const link of document.querySelectorAll('a[href], img[src], iframe, object, embed')) {
                  const url = link.getAttribute('href') || link.getAttribute('src') || '';
                  if (/^\\s*(javascript|data|vbscript):/i.test(url)) found.push(link.tagName + ' ' + url);
                }
                return found;""")
        except UnexpectedAlertPresentException:
            pytest.fail(f"{page}: an alert opened")
        assert handlers == [], f"{page}: {handlers}"
        assert driver.get_log("browser") == [], page


def test_searching_for_the_hostile_text_shows_it_as_text(hostile_site, driver):
    driver.get((hostile_site / "open" / "index.html").as_uri())
    box = driver.find_element(By.ID, "search-input")
    box.send_keys("img src")
    try:
        WebDriverWait(driver, 10).until(
            lambda _: driver.find_elements(By.CSS_SELECTOR, "form.search .search-results li"))
        results = driver.execute_script(
            "return [...document.querySelectorAll('img[src=x], svg[onload], script:not([src]), [onerror]')].length")
        assert results == 0
        shown = driver.find_element(By.CSS_SELECTOR, "form.search .search-results ol").text
        assert "onerror=alert(2)" in shown and "<script>alert(1)</script>" in shown
    except UnexpectedAlertPresentException:
        pytest.fail("an alert opened while searching")
    box.send_keys(Keys.ENTER)
    assert driver.get_log("browser") == []
