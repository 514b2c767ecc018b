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
from blueprint.layout.audience import Audience

from browser import console_errors, open_page, start_chromium
from builders import blueprint_with, card, sharing_blueprint

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    browser = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield browser
    browser.quit()


def _tall_blueprint() -> Any:
    """Eighteen lanes over two steps: a drawing far taller than wide."""
    raw = blueprint_with(steps=2).model_dump(by_alias=True)
    raw["lanes"] = [{"id": f"lane{i}", "name": f"Lane {i}", "kind": "backstage"} for i in range(18)]
    raw["cards"] = [
        {"id": f"c{i}", "lane": f"lane{i}", "step": "step0", "title": f"Card {i}"} for i in range(18)
    ]
    from blueprint.model import Blueprint

    return Blueprint.model_validate(raw)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    export_html(sharing_blueprint(), folder / "sharing.html")
    with pytest.MonkeyPatch.context() as patch:  # the level of detail of 1,000 cards and more
        patch.setattr("blueprint.export.html.svg.DETAIL_CARDS", 3)
        export_html(sharing_blueprint(), folder / "detail.html")
    export_html(sharing_blueprint(), folder / "no-backstage.html", Audience(frozenset({"backstage"})))
    export_html(_tall_blueprint(), folder / "tall.html")
    export_html(
        blueprint_with(steps=60, cards=[card(f"c{i}", "customer", i) for i in range(60)]),
        folder / "wide.html",
    )
    for name in ("ok-code-in-text", "ok-markup-in-text"):
        export_html(load(REPO / "tests" / "files" / f"{name}.blueprint"), folder / f"{name}.html")
    return folder


def _card(driver: Any, card_id: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, f'[data-card-id="{card_id}"]')


def _transform(driver: Any) -> str:
    """The drawing's plane transform once the viewer has drawn its next frame (it moves the plane in
    requestAnimationFrame, once a frame however many wheel or pointer events came)."""
    return driver.execute_async_script(
        "const done = arguments[0];"
        "requestAnimationFrame(() => requestAnimationFrame(() =>"
        " done(document.getElementById('plane').style.transform)));"
    )


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
    open_page(driver, pages / "no-backstage.html")  # the chain of a view: hidden cards counted, not named
    _card(driver, "c1").click()
    assert "and 1 card in lanes this view hides" in _details(driver)
    assert driver.execute_script("return document.querySelector('[data-goto=\"b0\"]')") is None
    assert (
        driver.execute_script("return document.querySelectorAll('#details [data-goto]').length") == 3
    )  # f0, f1; from f1
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
    assert driver.find_element(By.ID, "hits").text == "1 of 2 cards"  # Enter went to the first
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
            "return [style('nav').display, style('#tools').display, style('#plane').transform,"
            " style('#plane').position]"
        )
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert looks == ["none", "none", "none", "static"]


def test_the_wheel_zooms_a_drag_pans_and_fit_shows_the_whole(driver: Any, pages: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(driver, pages / "sharing.html")
    fitted = _transform(driver)
    driver.execute_script(
        "document.getElementById('stage').dispatchEvent(new WheelEvent('wheel',"
        " {deltaY: -400, clientX: 600, clientY: 400, bubbles: true, cancelable: true}))"
    )
    zoomed = _transform(driver)
    assert zoomed != fitted and "scale(" in zoomed
    stage = driver.find_element(By.ID, "stage")
    ActionChains(driver).move_to_element_with_offset(stage, 5, 5).click_and_hold().move_by_offset(
        120, 60
    ).release().perform()
    assert _transform(driver) != zoomed
    assert (
        driver.execute_script("return document.getElementById('panel').hidden") is True
    )  # a drag is no click
    driver.find_element(By.ID, "fit").click()
    assert _transform(driver) == fitted
    assert console_errors(driver) == []


def _keys(driver: Any, *keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(*keys).perform()


def _state(driver: Any) -> list[Any]:
    return driver.execute_script(
        "return [document.getElementById('hits').textContent,"
        " document.querySelector('.card.selected')?.dataset.cardId ?? null,"
        " document.querySelectorAll('.hit').length]"
    )


def test_enter_goes_from_one_match_to_the_next_and_esc_clears_the_search(driver: Any, pages: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(driver, pages / "sharing.html")
    driver.find_element(By.ID, "search").click()
    _keys(driver, "room", Keys.ENTER)
    first = _state(driver)
    assert first[0] == "1 of 2 cards" and first[1] in {"b0", "c0"} and first[2] == 2
    _keys(driver, Keys.ENTER)
    second = _state(driver)
    assert second[0] == "2 of 2 cards" and second[1] in {"b0", "c0"} and second[1] != first[1]
    _keys(driver, Keys.ENTER)
    assert _state(driver)[:2] == first[:2]  # round again
    _keys(driver, Keys.SHIFT, Keys.ENTER, Keys.SHIFT)
    assert _state(driver)[:2] == second[:2]  # Shift+Enter goes back
    _keys(driver, Keys.ESCAPE)
    assert driver.find_element(By.ID, "search").get_attribute("value") == ""
    assert _state(driver)[0] == "" and _state(driver)[2] == 0
    assert console_errors(driver) == []


def test_cards_are_reached_by_the_keyboard_and_esc_closes_the_panel(driver: Any, pages: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(driver, pages / "sharing.html")
    driver.find_element(By.ID, "search").click()
    focused = None
    for _ in range(40):  # past the tools, the functions and the findings to the first card
        _keys(driver, Keys.TAB)
        focused = driver.execute_script("return document.activeElement.dataset.cardId ?? null")
        if focused:
            break
    assert focused is not None
    assert driver.execute_script("return document.getElementById('panel').hidden") is True
    _keys(driver, Keys.ENTER)
    assert driver.execute_script("return document.getElementById('panel').hidden") is False
    title = sharing_blueprint().cards_by_id()[focused].title
    assert title in _details(driver)
    _keys(driver, Keys.TAB)  # the next card, Space opens it too
    second = driver.execute_script("return document.activeElement.dataset.cardId ?? null")
    assert second is not None and second != focused
    _keys(driver, Keys.SPACE)
    assert sharing_blueprint().cards_by_id()[second].title in _details(driver)
    _keys(driver, Keys.ESCAPE)
    assert driver.execute_script("return document.getElementById('panel').hidden") is True
    assert driver.execute_script("return document.querySelectorAll('.selected').length") == 0
    assert console_errors(driver) == []


@pytest.mark.parametrize("name", ["tall", "wide", "sharing"])
def test_printing_fits_the_blueprint_on_one_landscape_page(driver: Any, pages: Path, name: str) -> None:
    import base64
    import io

    from pypdf import PdfReader

    open_page(driver, pages / f"{name}.html")
    driver.execute_script("document.getElementById('zoom-in').click()")  # printed whole however zoomed
    printed = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
    reader = PdfReader(io.BytesIO(base64.b64decode(printed["data"])))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert box.width > box.height  # landscape
    assert "Card 17" in reader.pages[0].extract_text() if name == "tall" else True
