"""The HTML blueprint in a real browser (headless Chromium): it opens offline with no console error,
a click on a card shows its details, focus and findings highlight, search finds, and hostile text
from `tests/files/` stays text. One browser for the whole module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from blueprint.export.html import export_html
from blueprint.fileformat import load

from browser import console_errors, open_page, start_chromium
from builders import sharing_blueprint

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    browser = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    export_html(sharing_blueprint(), folder / "sharing.html")
    with pytest.MonkeyPatch.context() as patch:  # the level of detail of 1,000 cards and more
        patch.setattr("blueprint.export.html.svg.DETAIL_CARDS", 3)
        export_html(sharing_blueprint(), folder / "detail.html")
    for name in ("ok-code-in-text", "ok-markup-in-text"):
        export_html(load(REPO / "tests" / "files" / f"{name}.blueprint"), folder / f"{name}.html")
    return folder


def _card(driver: Any, card_id: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, f'[data-card-id="{card_id}"]')


def _details(driver: Any) -> str:
    return driver.execute_script("return document.getElementById('details').innerText")


def test_a_click_on_a_card_shows_its_details_and_nothing_goes_wrong(driver: Any, pages: Path) -> None:
    open_page(driver, pages / "sharing.html")
    assert driver.execute_script("return document.querySelectorAll('[data-card-id]').length") == 6
    assert driver.execute_script("return document.getElementById('panel').hidden") is True
    _card(driver, "c1").click()
    assert driver.execute_script("return document.getElementById('panel').hidden") is False
    text = _details(driver)
    assert "Gets the key" in text
    assert "Key does not open" in text and "recovery: Team B" in text  # the fail point and its owner
    assert "Keys checked before hand-over (planned, due 2027-03-31" in text  # the plan that targets it
    assert "Customer's time here" in text and "Hands over the key" in text  # its chain
    assert "selected" in _card(driver, "c1").get_attribute("class")
    assert console_errors(driver) == []


def test_focus_findings_and_search_highlight_cards(driver: Any, pages: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(driver, pages / "sharing.html")
    driver.find_element(By.CSS_SELECTOR, '[data-function="team-a"]').click()
    faded = driver.execute_script(
        "return [...document.querySelectorAll('[data-card-id].faded')].map(e => e.dataset.cardId).sort()"
    )
    assert faded == ["b0", "s0"]
    assert "strong" in driver.find_element(By.CSS_SELECTOR, '[data-link-id="l1"]').get_attribute("class")
    driver.find_element(By.ID, "all-functions").click()
    assert driver.execute_script("return document.querySelectorAll('.faded').length") == 0
    unlinked = [b for b in driver.find_elements(By.CSS_SELECTOR, "[data-finding]") if "BP103" in b.text]
    unlinked[0].click()  # the support card nobody links to
    lit = driver.execute_script("return [...document.querySelectorAll('.lit')].map(e => e.dataset.cardId)")
    assert lit == ["s0"]
    search = driver.find_element(By.ID, "search")
    search.send_keys("room")
    driver.execute_script(
        "document.getElementById('search').dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}))"
    )
    hits = driver.execute_script(
        "return [...document.querySelectorAll('.hit')].map(e => e.dataset.cardId).sort()"
    )
    assert hits == ["b0", "c0"]  # "Prepares the room", "Orders a room"
    assert driver.find_element(By.ID, "hits").text == "2 cards"
    assert console_errors(driver) == []


@pytest.mark.parametrize("name", ["ok-code-in-text", "ok-markup-in-text"])
def test_hostile_titles_stay_text(driver: Any, pages: Path, name: str) -> None:
    open_page(driver, pages / f"{name}.html")
    # nothing in a title became an element: only the viewer's own two scripts, no image, no font tag
    counts = driver.execute_script(
        "return [document.scripts.length, document.images.length,"
        " document.querySelectorAll('font, b, i, para').length]"
    )
    assert counts == [2, 0, 0]
    hostile = "c2" if name == "ok-code-in-text" else "c1"
    title = load(REPO / "tests" / "files" / f"{name}.blueprint").cards_by_id()[hostile].title
    _card(driver, hostile).click()
    assert title in _details(driver)
    assert console_errors(driver) == []


def test_a_big_blueprint_draws_card_text_near_the_view_and_none_far_out(driver: Any, pages: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    open_page(driver, pages / "detail.html")
    title = "return document.querySelector('[data-card-id=\"c1\"] text')?.textContent"
    WebDriverWait(driver, 5).until(lambda d: d.execute_script(title) == "Gets the key")
    assert "near" in _card(driver, "c1").get_attribute("class")
    for _ in range(12):
        driver.find_element(By.ID, "zoom-out").click()
    WebDriverWait(driver, 5).until(
        lambda d: "far" in d.find_element(By.ID, "blueprint").get_attribute("class")
    )
    assert driver.execute_script("return document.querySelectorAll('.near').length") == 0
    assert console_errors(driver) == []


def test_printing_gives_the_whole_drawing_without_the_lists(driver: Any, pages: Path) -> None:
    open_page(driver, pages / "sharing.html")
    driver.execute_script("document.getElementById('zoom-in').click()")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        looks = driver.execute_script(
            "const style = (q) => getComputedStyle(document.querySelector(q));"
            "return [style('nav').display, style('#tools').display, style('#blueprint').transform,"
            " style('#blueprint').position]"
        )
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert looks == ["none", "none", "none", "static"]


def test_the_wheel_zooms_a_drag_pans_and_fit_shows_the_whole(driver: Any, pages: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(driver, pages / "sharing.html")
    transform = "return document.getElementById('blueprint').style.transform"
    fitted = driver.execute_script(transform)
    driver.execute_script(
        "document.getElementById('stage').dispatchEvent(new WheelEvent('wheel',"
        " {deltaY: -400, clientX: 600, clientY: 400, bubbles: true, cancelable: true}))"
    )
    zoomed = driver.execute_script(transform)
    assert zoomed != fitted and "scale(" in zoomed
    stage = driver.find_element(By.ID, "stage")
    ActionChains(driver).move_to_element_with_offset(stage, 5, 5).click_and_hold().move_by_offset(
        120, 60
    ).release().perform()
    assert driver.execute_script(transform) != zoomed
    assert (
        driver.execute_script("return document.getElementById('panel').hidden") is True
    )  # a drag is no click
    driver.find_element(By.ID, "fit").click()
    assert driver.execute_script(transform) == fitted
    assert console_errors(driver) == []
