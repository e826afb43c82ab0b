"""The HTML pages in real headless Chromium: no errors, no network, nothing hostile runs, links land."""
from __future__ import annotations

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By

from audit.api import check_draft, run_audit, write_check, write_diff
from audit.diff import diff_audits, load_tables
from conftest import ROOT  # noqa: F401  (tests/conftest.py, for corpus paths)
from helpers_audit import SEVEN_TYPES_DRAFT, audited_copy, four_to_seven

pytestmark = pytest.mark.browser
HOSTILE = ROOT / "tests" / "corpora" / "hostile"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pages")
    _, base, reports, _ = audited_copy(tmp, "base", data_quality=True)
    _, head, _, _ = audited_copy(tmp, "head", four_to_seven)
    write_diff(diff_audits(load_tables(base, "base"), load_tables(head, "head")), tmp / "diff")
    draft = tmp / "draft.md"
    draft.write_text(SEVEN_TYPES_DRAFT)
    write_check(check_draft(draft, ROOT / "sources" / "calcinosis"), tmp / "check")
    run_audit(HOSTILE, tmp / "hx", tmp / "hr", cache_dir=None, progress=False, data_quality=False)
    return {"report": reports / "report.html", "quality": reports / "data_quality" / "index.html",
            "diff": tmp / "diff" / "diff.html",
            "check": tmp / "check" / "check.html", "hostile": tmp / "hr" / "report.html"}


def _no_alert(driver) -> bool:
    try:
        driver.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


@pytest.mark.parametrize("name", ["report", "quality", "diff", "check", "hostile"])
def test_page_opens_offline_without_errors(open_page, pages, name):
    page = open_page(pages[name])
    page.screenshot(f"{name}-top")
    assert page.errors() == [], page.errors()
    assert page.network_requests() == []
    assert page.driver.find_element(By.TAG_NAME, "h1").text


def test_hostile_sources_run_nothing(open_page, pages):
    page = open_page(pages["hostile"])
    driver = page.driver
    assert _no_alert(driver)
    assert driver.execute_script("return document.scripts.length") == 1
    assert driver.execute_script("return document.querySelectorAll('img, svg[onload], [onerror], [onload]').length") == 0
    body = driver.find_element(By.TAG_NAME, "body").text
    assert "<script>alert(1)</script>" in body  # shown as text
    driver.execute_script("document.getElementById('src-attacker').scrollIntoView()")
    page.screenshot("hostile-source")
    assert _no_alert(driver)


def test_finding_link_reaches_the_highlighted_quote(open_page, pages):
    page = open_page(pages["report"])
    driver = page.driver
    link = driver.find_element(By.CSS_SELECTOR, "article.finding a.quote-link")
    target_id = link.get_attribute("data-target")
    quote = link.text
    link.click()
    assert driver.execute_script("return location.hash") == f"#{target_id}"
    target = driver.execute_script("return document.querySelector(':target')")
    assert target.tag_name == "mark" and target.get_attribute("id") == target_id
    assert quote in target.text
    top = driver.execute_script("return arguments[0].getBoundingClientRect().top", target)
    assert 0 <= top < driver.execute_script("return window.innerHeight")
    background = driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", target)
    assert background != driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    page.screenshot("report-link-target")


def test_severity_filter_hides_findings(open_page, pages):
    page = open_page(pages["report"])
    driver = page.driver
    visible = lambda: driver.execute_script(  # noqa: E731
        "return [...document.querySelectorAll('article.finding')].filter(a => !a.hidden).length")
    before = visible()
    driver.find_element(By.CSS_SELECTOR, "#filters input[value=info]").click()
    after = visible()
    assert 0 < after < before
    page.screenshot("report-filtered")


def test_diff_page_shows_the_change(open_page, pages):
    page = open_page(pages["diff"])
    driver = page.driver
    assert driver.find_element(By.CSS_SELECTOR, "tr.changed del").text == "Four"
    assert driver.find_element(By.CSS_SELECTOR, "tr.changed ins").text == "Seven"
    assert "4->7" in driver.find_element(By.ID, "table").text
    driver.execute_script("document.getElementById('claims').scrollIntoView()")
    page.screenshot("diff-claims")


def test_check_page_shows_the_contradiction(open_page, pages):
    page = open_page(pages["check"])
    text = page.driver.find_element(By.ID, "claims").text
    assert "contradicted" in text and "Four main forms exist." in text
    page.screenshot("check-claims")
