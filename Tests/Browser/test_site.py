"""The built example handbook in a real headless Chromium, opened from disk.

Run by `make test` after the site is built into $CAIRN_SITE (default: public/).
"""
import json
import os
import pathlib
import re
import shutil
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.support.ui import WebDriverWait
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

os.environ.setdefault("SE_AVOID_STATS", "true")

SITE = pathlib.Path(os.environ.get("CAIRN_SITE", "public")).resolve()
PAGES = sorted(SITE.rglob("*.html"))
MOJIBAKE = ("ðŸ", "âœ", "â†", "â€")


def make_driver():
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1000", "--disable-background-networking",
                     "--disable-component-update", "--no-first-run"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)


def open_page(driver, path):
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(path.as_uri())
    return driver


def requested_urls(driver):
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def test_the_example_site_was_built():
    assert (SITE / "index.html").is_file()
    assert (SITE / "handbook.json").is_file()
    assert [p.relative_to(SITE).as_posix() for p in PAGES] == [
        "backups.html", "checks.html", "deploys.html", "index.html", "metrics.html",
        "plans/CI_CD_PLAN.html", "plans/HOSTING_GUIDE.html", "plans/HOSTING_MIGRATION_PLAN.html", "print.html",
        "runbooks/decision.html", "runbooks/deployment.html", "runbooks/pipeline.html", "runbooks/pre-launch.html",
        "runbooks/rollback-1.html", "runbooks/rollback.html", "runbooks/security.html", "search.html", "start.html"]


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(SITE).as_posix() for p in PAGES])
def test_page_opens_from_disk_with_no_console_error_and_no_outside_request(driver, page):
    open_page(driver, page)
    console = [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    assert console == []
    outside = [url for url in requested_urls(driver) if not url.startswith("file://")]
    assert outside == []
    # The stylesheet loaded (and the Content-Security-Policy let it): the layout is a grid.
    assert driver.execute_script("return getComputedStyle(document.querySelector('.site')).display") == "grid"
    text = driver.find_element(By.TAG_NAME, "body").text
    for garbled in MOJIBAKE:
        assert garbled not in text


def test_dashboard_shows_each_phase_with_its_figures_and_declared_status(driver):
    open_page(driver, SITE / "index.html")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.phases tbody tr")
    figures = [row.find_elements(By.CSS_SELECTOR, "td.num")[0].text for row in rows]
    assert figures == ["5/10", "0/25", "0/40", "0/19", "0/10", "0/21"]
    statuses = [row.find_element(By.CSS_SELECTOR, ".status").text for row in rows]
    assert statuses[0].endswith("In Progress") and all(s.endswith("Not Started") for s in statuses[1:])
    current = driver.find_element(By.CSS_SELECTOR, ".current-phase .phase-name").text
    assert current == "Phase 1: Preparation & Documentation"
    prerequisites = [li.text for li in driver.find_elements(By.CSS_SELECTOR, ".checklists li")]
    assert any(text.startswith("Pre-Deployment") and "0/7" in text for text in prerequisites)


def test_a_next_task_link_lands_on_that_task(driver):
    open_page(driver, SITE / "index.html")
    link = driver.find_element(By.CSS_SELECTOR, ".next-tasks a")
    assert link.text == "Choose hosting platform"
    link.click()
    assert driver.current_url.endswith("HOSTING_MIGRATION_PLAN.html#phase-1/choose-hosting-platform")
    target = driver.find_element(By.CSS_SELECTOR, "li.task:target")
    assert target.text == "Choose hosting platform"
    assert target.find_element(By.CSS_SELECTOR, "input[type=checkbox]").get_attribute("disabled") is not None


def test_document_page_has_contents_anchors_and_section_progress(driver):
    open_page(driver, SITE / "plans" / "HOSTING_MIGRATION_PLAN.html")
    headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "article h2")]
    assert headings[0].startswith("🎯 Overview")
    toc = driver.find_elements(By.CSS_SELECTOR, ".toc a")
    assert len(toc) > 20
    phase1 = driver.find_element(By.ID, "phase-1-preparation--documentation-")
    assert "5/10" in phase1.text
    boxes = driver.find_elements(By.CSS_SELECTOR, "article li.task input[type=checkbox]")
    assert len(boxes) == 165
    assert len([b for b in boxes if b.get_attribute("checked")]) == 5


def test_a_narrow_screen_folds_the_contents_above_the_text_and_opens_them_on_a_tap(driver):
    page = SITE / "plans" / "HOSTING_MIGRATION_PLAN.html"
    contents = (By.CSS_SELECTOR, ".toc details")
    driver.set_window_size(390, 900)
    try:
        open_page(driver, page)
        details = driver.find_element(*contents)
        assert details.get_attribute("open") is None
        assert not driver.find_element(By.CSS_SELECTOR, ".toc a").is_displayed()
        title = driver.find_element(By.CSS_SELECTOR, "article h1")
        assert title.location["y"] + title.size["height"] < 900, "the text starts below the first screen"
        driver.find_element(By.CSS_SELECTOR, ".toc summary").click()
        assert details.get_attribute("open") is not None
        links = driver.find_elements(By.CSS_SELECTOR, ".toc a")
        assert len(links) > 20 and links[0].is_displayed()
    finally:
        driver.set_window_size(1400, 1000)
    open_page(driver, page)
    assert driver.find_element(*contents).get_attribute("open") is not None
    assert driver.find_element(By.CSS_SELECTOR, ".toc a").is_displayed()


@pytest.mark.parametrize("name", ["deploys", "backups", "metrics"])
def test_a_narrow_screen_shows_each_history_row_as_a_card_with_its_column_names(driver, name):
    page = SITE / f"{name}.html"
    display = "return getComputedStyle(document.querySelector('table.history td')).display"
    label = ("return getComputedStyle(document.querySelector('table.history td'), '::before')"
             ".content")
    driver.set_window_size(390, 900)
    try:
        open_page(driver, page)
        assert driver.execute_script(display) == "block"
        assert driver.execute_script(label) == '"' + driver.find_element(By.CSS_SELECTOR, "table.history th").get_attribute("textContent") + '"'
        row = driver.find_element(By.CSS_SELECTOR, "table.history tbody tr")
        assert row.location["x"] + row.size["width"] <= driver.execute_script("return window.innerWidth")
        # The column names stay for screen readers, in a box of one pixel.
        assert driver.find_element(By.CSS_SELECTOR, "table.history thead").size["height"] <= 1
    finally:
        driver.set_window_size(1400, 1000)
    open_page(driver, page)
    assert driver.execute_script(display) == "table-cell"


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name):
                self.links.append(attributes[name])


def collect(page):
    collector = LinkCollector()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector


def test_every_internal_link_is_relative_and_resolves_to_a_file_and_anchor():
    ids = {page: collect(page).ids for page in PAGES}
    broken = []
    for page in PAGES:
        for link in collect(page).links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            assert not link.startswith("/"), f"{page.name}: root-absolute link {link}"
            assert parts.scheme == "", f"{page.name}: unexpected scheme in {link}"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.exists():
                broken.append(f"{page.relative_to(SITE)} → {link}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids.get(target, collect(target).ids):
                broken.append(f"{page.relative_to(SITE)} → {link} (no such anchor)")
    assert broken == []


def test_the_site_works_copied_under_a_sub_path(driver, tmp_path):
    copy = tmp_path / "hosting" / "handbook"
    shutil.copytree(SITE, copy)
    open_page(driver, copy / "plans" / "HOSTING_GUIDE.html")
    assert driver.execute_script("return getComputedStyle(document.querySelector('.site')).display") == "grid"
    driver.find_element(By.LINK_TEXT, "Dashboard").click()
    assert driver.current_url == (copy / "index.html").as_uri()


def test_a_320_pixel_wide_screen_has_no_horizontal_scroll(driver):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 320, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    try:
        for page in PAGES:
            open_page(driver, page)
            overflow = driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{page.name} scrolls sideways by {overflow}px"
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_dark_scheme_follows_the_system(driver):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        open_page(driver, SITE / "index.html")
        background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(20, 23, 28)"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_handbook_json_has_the_plan_figures():
    handbook = json.loads((SITE / "handbook.json").read_text(encoding="utf-8"))
    assert handbook["schema"] == "cairn.handbook/v1"
    plan = next(d for d in handbook["documents"] if d["path"] == "plans/HOSTING_MIGRATION_PLAN.md")
    assert plan["progress"] == {"done": 5, "total": 165}
    assert [(p["number"], p["progress"]["done"], p["progress"]["total"]) for p in handbook["phases"]] == [
        (1, 5, 10), (2, 0, 25), (3, 0, 40), (4, 0, 19), (5, 0, 10), (6, 0, 21)]
    assert handbook["phases"][0]["declared_status"] == "in_progress"
    assert handbook["phases"][0]["line"] == 17
    overall = handbook["progress"]
    assert overall["total"] == sum(d["progress"]["total"] for d in handbook["documents"]) > 165


def test_handbook_json_lists_the_mojibake_that_lost_bytes_as_findings():
    handbook = json.loads((SITE / "handbook.json").read_text(encoding="utf-8"))
    lost = [(f["file"], f["line"], f["column"]) for f in handbook["findings"] if f["rule"] == "encoding.lost-bytes"]
    assert lost == [("plans/HOSTING_MIGRATION_PLAN.md", 310, 4), ("plans/HOSTING_MIGRATION_PLAN.md", 409, 4)]


def test_dashboard_shows_the_latest_deploy_backup_and_targets(driver):
    open_page(driver, SITE / "index.html")
    deploy = driver.find_element(By.CSS_SELECTOR, "[aria-labelledby=deploys-heading] .status-line").text
    assert deploy.startswith("staging") and "1.4.1" in deploy
    restore = driver.find_element(By.CSS_SELECTOR, "[aria-labelledby=backups-heading]").text
    assert "Restore test:" in restore
    rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "table.targets tbody tr")]
    assert any(row.startswith("Response time < 500ms") and "missed, by 12 ms" in row for row in rows)
    assert any(row.startswith("Uptime > 99.9%") and "met" in row for row in rows)


def test_history_pages_draw_their_charts_without_script(driver):
    for page, charts in (("deploys.html", 1), ("backups.html", 1), ("metrics.html", 4)):
        open_page(driver, SITE / page)
        svgs = driver.find_elements(By.CSS_SELECTOR, "figure.chart-figure svg.chart")
        assert len(svgs) >= charts, page
        assert all(svg.size["width"] > 200 and svg.size["height"] > 60 for svg in svgs)
        # Drawn at build time: the SVG is in the file itself, not made by a script.
        assert '<svg class="chart"' in (SITE / page).read_text(encoding="utf-8")


def test_a_task_with_evidence_links_to_its_record(driver):
    open_page(driver, SITE / "plans" / "HOSTING_MIGRATION_PLAN.html")
    task = driver.find_element(By.ID, "phase-3/test-backup-restoration")
    badge = task.find_element(By.CSS_SELECTOR, "a.evidence")
    assert badge.text.startswith("✓ restore test pass")
    badge.click()
    row = driver.find_element(By.CSS_SELECTOR, "tr:target")
    assert "pass" in row.text and driver.current_url.split("#")[0].endswith("backups.html")


def test_checks_page_links_each_finding_to_its_heading_or_task(driver):
    open_page(driver, SITE / "index.html")
    summary = driver.find_element(By.CSS_SELECTOR, ".check-summary").text
    assert summary.startswith("Checks:") and "2 errors" in summary and "11 warnings" in summary
    driver.find_element(By.CSS_SELECTOR, ".check-summary a").click()
    first = driver.find_element(By.CSS_SELECTOR, ".severity-error .finding-list li")
    assert "Phase 1: Preparation & Documentation is marked ✅" in first.text
    first.find_element(By.CSS_SELECTOR, ".source a").click()
    assert driver.current_url.endswith("HOSTING_MIGRATION_PLAN.html#phase-1-preparation--documentation-")


def search(driver, query):
    box = driver.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys(query)
    # The index arrives after the first keystroke; until then the count says it is loading.
    WebDriverWait(driver, 10).until(
        lambda _: driver.find_element(By.CSS_SELECTOR, ".search-count").text
        not in ("", "Loading the search index…"))
    return driver.find_elements(By.CSS_SELECTOR, ".search-results li")


def test_the_search_index_is_loaded_only_once_the_search_box_is_used(driver):
    open_page(driver, SITE / "plans" / "HOSTING_GUIDE.html")
    assert not any(url.endswith("assets/search-index.js") for url in requested_urls(driver))
    assert driver.execute_script("return window.CAIRN_SEARCH_INDEX === undefined")
    driver.find_element(By.ID, "search-input").click()
    WebDriverWait(driver, 10).until(
        lambda _: driver.execute_script("return Array.isArray(window.CAIRN_SEARCH_INDEX)"))
    urls = requested_urls(driver)
    assert [url for url in urls if url.endswith("assets/search-index.js")] == [
        (SITE / "assets" / "search-index.js").as_uri()]
    assert search(driver, "rollback")
    assert not any(url.endswith("assets/search-index.js") for url in requested_urls(driver))
    assert driver.get_log("browser") == []


def test_search_finds_rollback_and_backup_restoration_as_you_type(driver):
    open_page(driver, SITE / "plans" / "HOSTING_GUIDE.html")
    results = search(driver, "rollback")
    titles = [item.find_element(By.TAG_NAME, "a").text for item in results]
    assert "🚨 Rollback Procedures" in titles[:3]
    assert "Manual Rollback Steps" in titles
    assert all("rollback" in title.lower() for title in titles)
    marks = results[0].find_elements(By.TAG_NAME, "mark")
    assert [mark.text.lower() for mark in marks] == ["rollback"]
    results = search(driver, "backup restoration")
    first = results[0].find_element(By.TAG_NAME, "a")
    assert first.text == "Test backup restoration"
    assert [mark.text for mark in first.find_elements(By.TAG_NAME, "mark")] == ["backup", "restoration"]
    first.click()
    assert driver.current_url.endswith("plans/HOSTING_MIGRATION_PLAN.html#phase-3/test-backup-restoration")
    assert driver.get_log("browser") == []


def test_search_without_javascript_lists_everything(driver):
    open_page(driver, SITE / "search.html")
    links = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".everything a")]
    assert "Hosting Migration Plan" in links and "🚨 Rollback Procedures" in links
    assert "Phase 3: Production Environment Setup" in links


def test_the_theme_button_switches_and_remembers_dark_mode(driver):
    open_page(driver, SITE / "index.html")
    driver.execute_script("window.localStorage.removeItem('cairn-theme')")
    driver.refresh()
    button = driver.find_element(By.CSS_SELECTOR, ".theme-toggle")
    assert button.text == "Dark theme"
    button.click()
    assert driver.execute_script("return getComputedStyle(document.body).backgroundColor") == "rgb(20, 23, 28)"
    driver.refresh()
    assert driver.execute_script("return document.documentElement.getAttribute('data-theme')") == "dark"
    driver.find_element(By.CSS_SELECTOR, ".theme-toggle").click()
    assert driver.execute_script("return getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    driver.execute_script("window.localStorage.removeItem('cairn-theme')")
