"""The dashboard in a real browser: overview -> dyad -> event -> article, and the map.

Screenshots go to ``docs/screenshots/`` (the README shows ``dyad.png``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.integration

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
# How long to wait for scripts to draw before reporting the element as missing. A guard
# against a hang, not a speed requirement: drawing takes well under a second here.
DRAW_WAIT_S = 60


def _wait_for(driver: Any, css: str) -> list[Any]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, DRAW_WAIT_S).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))
    found: list[Any] = driver.find_elements(By.CSS_SELECTOR, css)
    return found


def _shot(driver: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / name))


def test_browser_walks_from_overview_to_article(served_dashboard: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(served_dashboard + "/")
    _shot(browser, "overview.png")
    browser.find_element(By.CSS_SELECTOR, 'a.dyad-link[href="/dyad/KAZ/TUR"]').click()

    traces = _wait_for(browser, ".js-plotly-plot .trace")
    assert len(traces) >= 5  # four quad classes and the Goldstein line
    assert browser.find_elements(By.CSS_SELECTOR, ".js-plotly-plot .bars .point")
    _shot(browser, "dyad.png")

    browser.find_element(By.CSS_SELECTOR, 'table.events a[href^="/event/"]').click()
    assert _wait_for(browser, "mark.trigger")
    assert browser.find_elements(By.CSS_SELECTOR, "mark.actor")
    _shot(browser, "event.png")

    browser.find_element(By.CSS_SELECTOR, "a.article-link").click()
    marks = _wait_for(browser, "article.body mark.trigger")
    assert marks[0].text in {"met", "agreed", "accused"}
    assert browser.find_elements(By.CSS_SELECTOR, "details.boilerplate")
    _shot(browser, "article.png")


def test_browser_map_draws_land_and_places(served_dashboard: str, browser: Any) -> None:
    browser.get(served_dashboard + "/map")
    circles = _wait_for(browser, "svg#map circle.place")
    assert len(circles) == 3  # Astana, Ankara, Kyiv
    land = _wait_for(browser, "svg#map path.land")
    assert len(land[0].get_attribute("d")) > 10_000  # the world outline, not an empty path
    _shot(browser, "map.png")
