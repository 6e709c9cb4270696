"""The dashboard in a real browser: overview -> dyad -> event -> article, the filters and
CSV button of a list, a country's page, and the map.

Screenshots go to ``docs/screenshots/`` (the README shows ``dyad.png``).
"""

from __future__ import annotations

import csv
import json
import time
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.integration

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
# How long to wait for scripts to draw, a page to load or a download to land before
# reporting it as missing. A guard against a hang, not a speed requirement: each takes well
# under a second here.
DRAW_WAIT_S = 60
# The tallest a full-page screenshot grows: a long list is cut rather than the image huge.
MAX_SHOT_HEIGHT = 2400


def _wait_for(driver: Any, css: str) -> list[Any]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, DRAW_WAIT_S).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))
    found: list[Any] = driver.find_elements(By.CSS_SELECTOR, css)
    return found


def _shot(driver: Any, name: str, *, full: bool = False) -> None:
    """A screenshot of the window, or with ``full`` of the whole page (up to a height)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = driver.get_window_size()
    if full:
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(size["width"], min(int(height) + 120, MAX_SHOT_HEIGHT))
    try:
        driver.save_screenshot(str(SCREENSHOTS / name))
    finally:
        driver.set_window_size(size["width"], size["height"])


def _listed(driver: Any) -> list[dict[str, str]]:
    """The rows of the page's event table: id, date, type and actor cell."""
    from selenium.webdriver.common.by import By

    rows = []
    for row in driver.find_elements(By.CSS_SELECTOR, "table.events tr[data-event-id]"):
        cells = row.find_elements(By.TAG_NAME, "td")
        rows.append(
            {
                "id": row.get_attribute("data-event-id"),
                "date": cells[0].text,
                "event": cells[1].find_element(By.TAG_NAME, "a").text,
                "actor": cells[2].text,
            }
        )
    return rows


def _match_count(driver: Any) -> int:
    from selenium.webdriver.common.by import By

    text = driver.find_element(By.CSS_SELECTOR, ".match-count").text  # "37 events match"
    return int(text.split()[0])


def _api_events(base: str, **params: str) -> list[dict[str, Any]]:
    """Every event ``GET /events`` returns for ``params`` (one page holds them all here)."""
    query = urllib.parse.urlencode({**params, "limit": "1000"})
    with urllib.request.urlopen(f"{base}/events?{query}") as response:
        body = json.load(response)
    assert body["next_cursor"] is None
    items: list[dict[str, Any]] = body["items"]
    return items


def _apply(driver: Any, **fields: str) -> None:
    """Fill the list's filter form and submit it; wait for the filtered page."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    form = driver.find_element(By.CSS_SELECTOR, "form.filters")
    for name, value in fields.items():
        field = form.find_element(By.NAME, name)
        if field.tag_name == "select":
            Select(field).select_by_value(value)
        elif field.get_attribute("type") == "date":
            # a date field's typed form follows the browser's locale; its value is ISO
            driver.execute_script("arguments[0].value = arguments[1]", field, value)
        else:
            field.clear()
            field.send_keys(value)
    old = driver.find_element(By.TAG_NAME, "html")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, DRAW_WAIT_S).until(lambda d: not _attached(old))
    _wait_for(driver, "form.filters")


def _attached(element: Any) -> bool:
    """Whether the element is still in the page. Chrome reports an element of a page being
    replaced either as stale or, mid-navigation, as a node of no document."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    try:
        element.is_enabled()
    except StaleElementReferenceException:
        return False
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return False
        raise
    return True


def _download_csv(driver: Any, folder: Path) -> list[dict[str, str]]:
    """Click the list's CSV button and read the file the browser saves."""
    from selenium.webdriver.common.by import By

    folder.mkdir(parents=True, exist_ok=True)
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)}
    )
    driver.find_element(By.CSS_SELECTOR, "a.csv-button").click()
    deadline = time.monotonic() + DRAW_WAIT_S  # a guard against a hang, as for drawing
    while time.monotonic() < deadline:
        done = [p for p in folder.glob("*.csv") if not p.name.endswith(".crdownload")]
        if done:
            with done[0].open(newline="", encoding="utf-8") as stream:
                return list(csv.DictReader(stream))
        time.sleep(0.1)
    raise AssertionError(f"no CSV downloaded into {folder}")


def test_browser_walks_from_overview_to_article(served_dashboard: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(served_dashboard + "/")
    assert _wait_for(browser, "form.filters")
    _shot(browser, "overview.png", full=True)
    browser.find_element(By.CSS_SELECTOR, 'a.dyad-link[href="/dyad/KAZ/TUR"]').click()

    traces = _wait_for(browser, ".js-plotly-plot .trace")
    assert len(traces) >= 5  # four quad classes and the Goldstein line
    assert browser.find_elements(By.CSS_SELECTOR, ".js-plotly-plot .bars .point")
    assert _wait_for(browser, ".js-plotly-plot .rangeslider-bg")  # three years: a slider
    ticks = [t.text for t in browser.find_elements(By.CSS_SELECTOR, ".xaxislayer-above .xtick")]
    assert ticks and len(ticks) <= 13  # 41 months of bars, a readable number of labels
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


def test_browser_filters_narrow_the_list_and_its_csv(
    served_dashboard: str, browser: Any, tmp_path: Path
) -> None:
    """Each filter set in the form narrows the overview's list and its count to what the
    API selects with the same parameters; the CSV button saves exactly the rows shown."""
    browser.get(served_dashboard + "/")
    everything = _match_count(browser)
    assert everything == len(_api_events(served_dashboard))

    steps: list[tuple[dict[str, str], dict[str, str]]] = [
        ({"since": "2019-01-01", "until": "2020-12-31"}, {}),
        ({"country": "TUR"}, {"actor": "TUR"}),  # the picker's side is "actor" by default
        ({"type": "CONSULT"}, {"type": "CONSULT"}),
        ({"min_confidence": "0.7"}, {"min_confidence": "0.7"}),
    ]
    api: dict[str, str] = {}
    counts = [everything]
    for fields, params in steps:
        _apply(browser, **fields)
        api.update(params or fields)
        expected = _api_events(served_dashboard, **api)
        listed = _listed(browser)
        assert _match_count(browser) == len(expected) == len(listed)
        assert [row["id"] for row in listed] == [e["id"] for e in expected]
        counts.append(len(listed))
    assert counts == sorted(counts, reverse=True) and len(set(counts)) == len(counts)

    listed = _listed(browser)
    assert len(listed) == 4  # five CONSULT months in 2019-2020, one at confidence 0.55
    for row in listed:
        assert row["event"] == "CONSULT" and row["actor"].startswith("TUR government")
        assert date(2019, 1, 1) <= date.fromisoformat(row["date"]) <= date(2020, 12, 31)
    _shot(browser, "filtered.png", full=True)

    rows = _download_csv(browser, tmp_path / "downloads")
    assert [r["id"] for r in rows] == [row["id"] for row in listed]
    assert [r["event"] for r in rows] == [row["event"] for row in listed]
    assert [r["date"] for r in rows] == [row["date"] for row in listed]


def test_browser_country_page_draws_partners_timeline_and_events(
    served_dashboard: str, browser: Any
) -> None:
    from selenium.webdriver.common.by import By

    browser.get(served_dashboard + "/country/KAZ")
    traces = _wait_for(browser, "#country-chart .trace")
    assert len(traces) >= 5
    assert _wait_for(browser, "#country-chart .rangeslider-bg")
    partners = browser.find_elements(By.CSS_SELECTOR, "section.partners tr[data-partner]")
    assert [p.get_attribute("data-partner") for p in partners] == ["TUR"]
    events_with_turkey = len(_api_events(served_dashboard, between="KAZ,TUR"))
    assert partners[0].find_elements(By.TAG_NAME, "td")[2].text == str(events_with_turkey)
    assert _match_count(browser) == len(_api_events(served_dashboard, actor="KAZ"))
    _shot(browser, "country.png", full=True)

    _apply(browser, side="recipient")
    assert _match_count(browser) == len(_api_events(served_dashboard, recipient="KAZ"))
    assert all(row["actor"].startswith("TUR") for row in _listed(browser))


def test_browser_lists_name_sectors_and_organisations(served_dashboard: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(served_dashboard + "/?since=2021-03-01&until=2021-04-30")
    cells = {
        row.find_element(By.CSS_SELECTOR, "td:nth-child(2) a").text: [
            td.text for td in row.find_elements(By.TAG_NAME, "td")[2:4]
        ]
        for row in browser.find_elements(By.CSS_SELECTOR, "table.events tr[data-event-id]")
    }
    assert cells["ASSAULT"] == ["KEN police", "KEN civilians"]
    assert cells["SANCTION"] == ["EU", "RUS government"]
    assert cells["AID"][0] == "UN"


def test_browser_map_draws_land_and_places(served_dashboard: str, browser: Any) -> None:
    browser.get(served_dashboard + "/map")
    circles = _wait_for(browser, "svg#map circle.place")
    assert len(circles) == 3  # Astana, Ankara, Kyiv
    land = _wait_for(browser, "svg#map path.land")
    assert len(land[0].get_attribute("d")) > 10_000  # the world outline, not an empty path
    _shot(browser, "map.png")
