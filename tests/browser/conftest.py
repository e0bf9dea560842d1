"""One headless chromium per browser test module."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS

# Small, busy machines: give a page time to settle before a check gives up (a met check passes at once).
expect.set_options(timeout=20_000)


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: .ci/run installs Debian's chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
