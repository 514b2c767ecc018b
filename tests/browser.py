"""A real headless Chromium for the HTML viewer's tests, driven by selenium through chromedriver.

Debian's `chromium` and `chromium-driver` (installed by .ci/system-deps). Nothing is downloaded: the
driver and the browser are named by path, and Selenium Manager is told to stay offline. When the
browser cannot start here, the test is skipped with the reason, never passed silently.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,900",
]


def chromium_paths() -> tuple[str | None, str | None]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or (
        "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None
    )
    return browser, driver


def start_chromium(profile: Path) -> Any:
    """A headless Chromium with a fresh profile in `profile` (skips the test when it cannot start)."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as error:
        pytest.skip(f"selenium is not installed: {error}")
    browser, driver = chromium_paths()
    if browser is None or driver is None:
        pytest.skip(f"Chromium cannot start here: chromium at {browser}, chromedriver at {driver}")
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never fetch a driver or a browser
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        return webdriver.Chrome(options=options, service=Service(executable_path=driver))
    except Exception as error:  # no display libraries, a sandbox refusal, a version mismatch ...
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        pytest.skip(f"Chromium cannot start here: {first}")


def console_errors(driver: Any) -> list[str]:
    """The console's errors since the last call (Chromium hands each entry out once)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def open_page(driver: Any, path: Path, timeout: float = 10) -> None:
    """Open `path` and wait until the viewer's script has finished setting up."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.documentElement.getAttribute('data-ready')") == "true"
    )
