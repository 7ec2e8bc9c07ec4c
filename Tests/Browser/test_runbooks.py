"""Runbooks as a trainer uses them, from disk: drill mode remembered across a reload, and a
clean printed page."""
import base64
import pathlib
import re
import shutil
import subprocess

import pytest
from selenium.webdriver.common.by import By

from test_site import SITE, open_page

RUNBOOK = SITE / "runbooks" / "rollback.html"


def boxes(driver):
    return driver.find_elements(By.CSS_SELECTOR, "input.drill-step")


def test_the_rollback_runbook_shows_its_triggers_and_numbered_steps(driver):
    open_page(driver, RUNBOOK)
    assert driver.find_element(By.TAG_NAME, "h1").text == "🚨 Rollback Procedures"
    triggers = [li.text for li in driver.find_elements(By.CSS_SELECTOR, ".triggers li")]
    assert triggers[0] == "If Health check failures" and "If Error rate > 5%" in triggers
    steps = driver.find_elements(By.CSS_SELECTOR, ".runbook-step > label .step-text")
    assert [step.text for step in steps] == [
        "Identify Issue", "Stop Deployment", "Execute Rollback", "Verify System", "Investigate"]
    assert driver.get_log("browser") == []


def test_drill_ticks_survive_a_reload_and_reset_clears_them(driver):
    open_page(driver, RUNBOOK)
    driver.execute_script("window.localStorage.clear()")
    driver.refresh()
    assert driver.find_element(By.CSS_SELECTOR, ".drill").is_displayed()
    boxes(driver)[0].click()
    boxes(driver)[2].click()
    assert driver.find_element(By.CSS_SELECTOR, ".drill-count").text == "2"
    driver.refresh()
    assert [box.is_selected() for box in boxes(driver)] == [True, False, True, False, False]
    assert driver.find_element(By.CSS_SELECTOR, ".drill-progress").get_attribute("value") == "2"
    driver.find_element(By.CSS_SELECTOR, ".drill-reset").click()
    driver.refresh()
    assert not any(box.is_selected() for box in boxes(driver))
    assert driver.get_log("browser") == []


def test_a_checklist_runbook_does_not_repeat_its_title_as_a_heading(driver):
    # Its first steps stand under no heading of their own: the runbook's title is not one.
    for name, title in [("decision.html", "Decision Checklist"), ("pre-launch.html", "Pre-Launch Checklist")]:
        open_page(driver, SITE / "runbooks" / name)
        assert driver.find_element(By.TAG_NAME, "h1").text == title
        headings = [h2.text for h2 in driver.find_elements(By.CSS_SELECTOR, ".runbook h2, main h2")]
        assert title not in headings, headings
        assert boxes(driver), "the steps are still there"


def test_another_runbook_keeps_its_own_drill(driver):
    open_page(driver, RUNBOOK)
    boxes(driver)[1].click()
    open_page(driver, SITE / "runbooks" / "deployment.html")
    assert not any(box.is_selected() for box in boxes(driver))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_printing_a_runbook_gives_a_clean_pdf_of_that_runbook_only(driver, tmp_path):
    open_page(driver, RUNBOOK)
    boxes(driver)[0].click()
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})["data"])
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "rollback.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    for expected in ("Rollback Procedures", "When to use it", "Identify Issue", "Check monitoring alerts", "Investigate"):
        assert expected in text
    for chrome in ("Dashboard", "Reset the drill", "Skip to content", "Hosting Guide", "Deploys"):
        assert chrome not in text
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))
    assert 1 <= pages <= 2, f"{pages} pages for a five-step runbook"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_whole_handbook_prints_in_reading_order(driver, tmp_path):
    open_page(driver, SITE / "print.html")
    ids = driver.execute_script("return Array.from(document.querySelectorAll('[id]')).map(e => e.id)")
    assert len(ids) == len(set(ids)), "ids repeat across documents on the print page"
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})["data"])
    path = tmp_path / "handbook.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    first, second, third = (text.find(title) for title in ("Hosting Migration Plan", "Hosting Guide", "CI/CD Plan"))
    assert 0 <= first < second < third
    assert "Skip to content" not in text and "Built by Cairn" not in text


def test_start_here_lists_reading_order_phases_and_the_rollback_runbook_first(driver):
    open_page(driver, SITE / "start.html")
    order = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".reading-order > li > a")]
    assert order == ["Hosting Migration Plan", "Hosting Guide", "CI/CD Plan"]
    goals = driver.find_elements(By.CSS_SELECTOR, ".phase-goals dd")
    assert goals[1].text == "Set up a staging environment that mirrors production for testing deployments."
    first = driver.find_element(By.CSS_SELECTOR, ".runbook-list a")
    assert first.text.endswith("Rollback Procedures")
