"""The Chromium session each browser test module shares."""
import pytest

from test_site import make_driver


@pytest.fixture(scope="module")
def driver():
    browser = make_driver()
    yield browser
    browser.quit()
