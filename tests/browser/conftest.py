"""Real headless Chromium through Selenium, with the system chromium and chromedriver.

Outside CI, a machine without them skips these tests with a visible reason;
in CI (CI=true) a missing browser is a failure, because .ci/run installs it.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
_BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def _binary() -> str | None:
    for name in _BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser():
    binary, driver_path = _binary(), shutil.which("chromedriver")
    if not binary or not driver_path:
        reason = "headless Chromium tests need the Debian packages chromium and chromium-driver"
        if os.environ.get("CI"):
            pytest.fail(reason + " (CI must install them: see .ci/run)")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-extensions", "--window-size=1300,1400",
                 f"--user-data-dir={ARTIFACTS / '.chrome-profile'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


class Page:
    """A loaded page with its console messages and network requests."""

    def __init__(self, driver, path: Path):
        self.driver = driver
        driver.get("about:blank")
        driver.get_log("browser")
        driver.get_log("performance")
        driver.get(path.resolve().as_uri())
        self.console = driver.get_log("browser")
        self.requests = []
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])

    def network_requests(self) -> list[str]:
        """Requests other than the page itself (file:) and inline data."""
        return [url for url in self.requests if not url.startswith(("file:", "data:", "about:"))]

    def errors(self) -> list[dict]:
        return [entry for entry in self.console if entry["level"] in ("SEVERE", "ERROR")]

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.driver.save_screenshot(str(path))
        return path


@pytest.fixture
def open_page(browser):
    return lambda path: Page(browser, Path(path))
