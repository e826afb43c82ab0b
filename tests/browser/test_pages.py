"""The HTML pages in real headless Chromium: no errors, no network, nothing hostile runs, links land."""
from __future__ import annotations

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By

import html
import re
import shutil
from pathlib import Path

from audit.api import check_draft, run_audit, write_check, write_diff
from audit.diff import diff_audits, load_tables
from conftest import MIGRAINE, ROOT  # tests/conftest.py, for corpus paths
from helpers_audit import SEVEN_TYPES_DRAFT, audited_copy, four_to_seven

pytestmark = pytest.mark.browser
HOSTILE = ROOT / "tests" / "corpora" / "hostile"
PAGES = ["report", "migraine", "quality", "diff", "check", "hostile"]
PHONE, DESKTOP = 420, 1300

CHECK_DRAFT = SEVEN_TYPES_DRAFT + """
Calcinosis is treated with zorbafen, a new cream. Deposits shrink by 37 percent after a month of moonwater baths.

Calciphylaxis is very rare.
"""


def _hostile_links(folder: Path) -> None:
    """The hostile corpus with addresses a page must never turn into links (and one it must)."""
    manifest = folder / "sources.yaml"
    text = manifest.read_text()
    text = text.replace("    file: attacker.txt\n", "    file: attacker.txt\n    url: \"javascript:alert(9)\"\n")
    text = text.replace("    file: plain.txt\n", "    file: plain.txt\n    url: https://example.org/plain?a=1&b=2\n")
    text = text.replace("    file: html-attacker.html\n",
                        "    file: html-attacker.html\n    url: \"data:text/html,<script>alert(8)</script>\"\n")
    manifest.write_text(text)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pages")
    _, base, reports, _ = audited_copy(tmp, "base", data_quality=True)
    _, head, _, _ = audited_copy(tmp, "head", four_to_seven)
    write_diff(diff_audits(load_tables(base, "base"), load_tables(head, "head")), tmp / "diff")
    draft = tmp / "draft.md"
    draft.write_text(CHECK_DRAFT)
    write_check(check_draft(draft, ROOT / "sources" / "calcinosis"), tmp / "check")
    _, _, migraine, _ = audited_copy(tmp, "migraine", corpus=MIGRAINE)
    hostile = tmp / "hostile"
    shutil.copytree(HOSTILE, hostile)
    _hostile_links(hostile)
    run_audit(hostile, tmp / "hx", tmp / "hr", cache_dir=None, progress=False, data_quality=False)
    return {"report": reports / "report.html", "quality": reports / "data_quality" / "index.html",
            "migraine": migraine / "report.html", "diff": tmp / "diff" / "diff.html",
            "check": tmp / "check" / "check.html", "hostile": tmp / "hr" / "report.html"}


@pytest.fixture
def sized(browser):
    """Set the window width for one test; the session's desktop size is restored after it."""
    def size(width: int, height: int = 1000) -> None:
        browser.set_window_size(width, height)
    yield size
    browser.set_window_size(DESKTOP, 1400)


def _no_alert(driver) -> bool:
    try:
        driver.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


@pytest.mark.parametrize("name", PAGES)
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


def test_check_page_lists_what_no_reference_says(open_page, pages):
    page = open_page(pages["check"])
    driver = page.driver
    unsupported = driver.find_elements(By.CSS_SELECTOR, "article[data-verdict=unsupported]")
    texts = [card.text for card in unsupported]
    (zorbafen,) = [t for t in texts if "zorbafen is a treatment" in t]
    assert "no reference says this" in zorbafen and "Calcinosis is treated with zorbafen, a new cream." in zorbafen
    assert "not in the lexicon" in zorbafen
    assert any("37 percent" in t for t in texts)
    assert "very_rare" not in driver.find_element(By.TAG_NAME, "body").text  # words, not internal values
    link = unsupported[0].find_element(By.CSS_SELECTOR, "blockquote a.quote-link")
    link.click()
    target = driver.execute_script("return document.querySelector(':target')")
    assert target.tag_name == "mark" and target.text  # the draft sentence, highlighted
    driver.execute_script("arguments[0].scrollIntoView()", unsupported[0])
    page.screenshot("check-unsupported")


# ----------------------------------------------------------------------------- phone width

@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("width", [360, PHONE])
def test_page_fits_a_phone_without_sideways_scroll(open_page, pages, sized, name, width):
    sized(width)
    page = open_page(pages[name])
    driver = page.driver
    viewport = driver.execute_script("return document.documentElement.clientWidth")
    assert viewport <= width
    assert driver.execute_script("return document.documentElement.scrollWidth") <= viewport
    # nothing sticks out of the page but what scrolls inside its own box (tables, source texts, the menu)
    outside = driver.execute_script("""
        const limit = document.documentElement.clientWidth + 1;
        return [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > limit && !e.closest('.table-wrap, .source-text, nav.toc'))
          .slice(0, 5).map(e => e.tagName + '.' + e.className);""")
    assert outside == []
    if name in ("report", "migraine"):
        # the wide tables are there, and scroll inside their box
        boxes = driver.execute_script("""return [...document.querySelectorAll('.table-wrap')]
            .filter(w => w.scrollWidth > w.clientWidth).length""")
        assert boxes >= 1
    if width == PHONE:
        page.screenshot(f"{name}-phone-{width}")


@pytest.mark.parametrize("name", ["report", "migraine", "diff", "check"])
def test_desktop_and_phone_screenshots_of_the_sections(open_page, pages, sized, name):
    """Artifacts for review: each page's main sections at desktop and phone width."""
    sections = {"report": ["findings", "overview"], "migraine": ["overview"], "diff": ["findings", "claims"],
                "check": ["claims"]}[name]
    for width, label in ((DESKTOP, "desktop"), (PHONE, "phone")):
        sized(width, 1100)
        page = open_page(pages[name])
        page.screenshot(f"{name}-{label}")
        for section in sections:
            page.driver.execute_script(f"document.getElementById('{section}').scrollIntoView()")
            path = page.screenshot(f"{name}-{section}-{label}")
            assert path.stat().st_size > 1000


# ----------------------------------------------------------------------------- links

@pytest.mark.parametrize("name", PAGES)
def test_every_link_is_http_or_lands_on_the_page(open_page, pages, name):
    page = open_page(pages[name])
    links = page.driver.execute_script("""return [...document.querySelectorAll('a')].map(a => ({
        href: a.getAttribute('href'), rel: a.getAttribute('rel') || '', text: a.textContent}))""")
    assert links or name == "quality"  # the data-quality page has no link
    for link in links:
        href = link["href"] or ""
        if href.startswith("#"):
            assert page.driver.execute_script("return document.getElementById(arguments[0]) !== null", href[1:]), href
        elif href == "data_quality/index.html":
            assert (pages[name].parent / href).is_file()  # the report's own sibling page
        else:
            assert re.match(r"^https?://[^\s/]+", href), href
            assert set(link["rel"].split()) >= {"noopener", "noreferrer"}, link


def test_only_http_addresses_become_links(open_page, pages):
    page = open_page(pages["hostile"])
    driver = page.driver
    hrefs = driver.execute_script("return [...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert "https://example.org/plain?a=1&b=2" in hrefs
    assert not [h for h in hrefs if h.startswith(("javascript:", "data:"))]
    body = driver.find_element(By.TAG_NAME, "body").text
    assert "javascript:alert(9)" in body and "data:text/html,<script>alert(8)</script>" in body  # shown as text
    assert _no_alert(driver)


# ----------------------------------------------------------------------------- who says what

@pytest.mark.parametrize("name", ["report", "migraine"])
def test_facet_tables_show_who_says_what_linked_to_quotes(open_page, pages, name):
    page = open_page(pages[name])
    driver = page.driver
    for table in ("types-table", "placements-table", "figures-table"):
        rows = driver.find_elements(By.CSS_SELECTOR, f"#{table} tbody tr")
        assert rows, table
        headers = [th.text for th in driver.find_elements(By.CSS_SELECTOR, f"#{table} thead th")][1:]
        assert all(len(row.find_elements(By.TAG_NAME, "td")) == len(headers) for row in rows)
    assert driver.find_elements(By.CSS_SELECTOR, "#types-table td.differ")  # the stated counts disagree
    links = driver.execute_script("""return [...document.querySelectorAll('table.facet td a')].map(a => {
        const cell = a.closest('td'), table = a.closest('table');
        return {target: a.getAttribute('href').slice(1),
                source: table.tHead.rows[0].cells[cell.cellIndex].textContent};})""")
    assert len(links) >= 5
    for link in links:
        mark = driver.execute_script("return document.getElementById(arguments[0])", link["target"])
        assert mark is not None and mark.tag_name == "mark" and mark.text
        # the quote of that column's source, in that source's text
        assert link["target"].startswith(f"q-{link['source']}-")
        assert driver.execute_script("return arguments[0].closest('section').id", mark) == f"src-{link['source']}"
    cells = driver.find_elements(By.CSS_SELECTOR, "table.facet td a")
    assert "_" not in driver.find_element(By.ID, "overview").text.replace("types-table", "")
    cells[0].click()
    assert driver.execute_script("return document.querySelector(':target')").tag_name == "mark"
    driver.execute_script("document.getElementById('overview').scrollIntoView()")
    page.screenshot(f"{name}-overview")


# ----------------------------------------------------------------------------- annotation targets

def _visible(text: str) -> str:
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"\]\([^)]*\)", "", text)
    return " ".join(html.unescape(re.sub(r"[*_`\\[\]]", "", text)).replace("|", " ").split())


@pytest.mark.parametrize("name", ["report", "migraine"])
def test_annotation_targets_exist_in_the_source_files(open_page, pages, name):
    """Each quote's location shown on the page names a source file, line and column holding that quote."""
    page = open_page(pages[name])
    found = page.driver.execute_script("""return [...document.querySelectorAll('article.finding blockquote')]
        .map(b => ({where: (b.querySelector('.who .code') || {}).textContent || '',
                    quote: (b.querySelector('a.quote-link') || b.firstChild || {}).textContent || ''}))
        .filter(item => item.where)""")
    assert len(found) >= 5
    suffixes = set()
    for item in found:
        path, line, column = item["where"].rsplit(":", 2)
        source = Path(path)
        assert source.is_file() and "extracted" not in source.parts, path
        suffixes.add(source.suffix)
        text = source.read_text().split("\n")
        start = int(line) - 1
        window = "\n".join(text[start:start + 12])[int(column) - 1:]
        assert _visible(window).startswith(_visible(item["quote"])[:40]), (path, line, item["quote"])
    if name == "migraine":
        assert suffixes == {".md", ".html", ".txt"}  # through every kind of cleaning
