"""Notices as the creditor sees them: the claim page's notices with their archived documents, and the
template previews with the creditor's own details."""
import hashlib
import sqlite3
import urllib.request

from selenium.webdriver.common.by import By

from conftest import SCREENSHOTS, STATE, wait
from test_creditor_pages import log_in


def fetch(browser, url):
    """GETs a URL with the browser's session cookie; returns (headers, body bytes)."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    request = urllib.request.Request(url, headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers, response.read()


def debtor_link(descending=False, offset=0):
    """The private link printed in an archived letter, read back from the PDF as a debtor would find it."""
    import re
    import subprocess
    import tempfile
    with sqlite3.connect(STATE["database"]) as db:
        pdf = db.execute(
            f"SELECT content FROM archived_documents WHERE role = 'letter' ORDER BY file_name {'DESC' if descending else ''} LIMIT 1 OFFSET ?",
            (offset,)).fetchone()[0]
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        text = subprocess.run(["pdftotext", file.name, "-"], capture_output=True, text=True, check=True).stdout
    return re.search(r"https?://\S+/d/[A-Za-z0-9_-]{43}", text).group(0)


def a_claim_with_a_letter():
    with sqlite3.connect(STATE["database"]) as db:
        return db.execute("""
            SELECT nc.claim_id, n.creditor_id, n.title FROM notices n JOIN notice_claims nc ON nc.notice_id = n.id
            WHERE n.channel = 'letter' AND n.status = 'toPrint' ORDER BY n.group_key LIMIT 1""").fetchone()


def test_a_claims_notices_link_to_the_archived_documents(browser, server):
    if not browser.find_elements(By.CSS_SELECTOR, ".sidenav"):
        log_in(browser, server)
    claim_id, creditor_id, title = a_claim_with_a_letter()
    browser.get(f"{server}/creditors/{creditor_id.lower()}/claims/{claim_id.lower()}")
    rows = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#notices tbody tr"))
    cells = rows[0].find_elements(By.TAG_NAME, "td")
    assert cells[1].text == title
    assert cells[2].text in {"Brev", "E-post"}
    assert cells[4].text.startswith(("Til utskrift", "I utboksen", "Sendt"))
    link = rows[0].find_element(By.CSS_SELECTOR, "a[download]")
    shown_hash = rows[0].find_element(By.CSS_SELECTOR, ".hash").text
    headers, body = fetch(browser, link.get_attribute("href"))
    assert body.startswith(b"%PDF-")
    assert headers["Content-Type"] == "application/pdf"
    assert hashlib.sha256(body).hexdigest() == shown_hash
    rows[0].location_once_scrolled_into_view
    browser.save_screenshot(str(SCREENSHOTS / "claim-notices.png"))


def test_templates_preview_with_the_creditors_details(browser, server):
    if not browser.find_elements(By.CSS_SELECTOR, ".sidenav"):
        log_in(browser, server)
    browser.find_element(By.LINK_TEXT, "Brevmaler").click()
    rows = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#templates tbody tr"))
    assert len(rows) == 9  # every document kind, the plan reminder included
    assert "Inkassovarsel" in rows[2].text
    browser.save_screenshot(str(SCREENSHOTS / "templates.png"))
    creditor = browser.find_element(By.CSS_SELECTOR, "select#creditor option:checked").text
    letter = rows[2].find_element(By.LINK_TEXT, "Brev").get_attribute("href")
    headers, body = fetch(browser, letter)
    assert body.startswith(b"%PDF-") and headers["Content-Type"] == "application/pdf"
    rows[2].find_elements(By.LINK_TEXT, "E-post")[0].click()
    wait(browser).until(lambda b: b.find_elements(By.TAG_NAME, "h1"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Inkassovarsel"
    page = browser.find_element(By.TAG_NAME, "body").text
    assert creditor in page
    assert "Kravet vil bli oversendt til inkasso" in page
    browser.set_window_size(420, 1600)
    browser.save_screenshot(str(SCREENSHOTS / "email-preview-phone.png"))
    browser.set_window_size(1280, 1000)
    browser.back()


def test_letters_to_print_download_and_mark_posted(browser, server):
    import io
    import zipfile
    if not browser.find_elements(By.CSS_SELECTOR, ".sidenav"):
        log_in(browser, server)
    browser.find_element(By.LINK_TEXT, "Brev og avvik").click()
    rows = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#to-print tbody tr"))
    waiting = len(rows)
    assert waiting > 0
    browser.save_screenshot(str(SCREENSHOTS / "letters.png"))
    headers, body = fetch(browser, browser.find_element(By.ID, "download-letters").get_attribute("href"))
    assert headers["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        names = archive.namelist()
        assert len(names) == waiting
        assert all(name.endswith(".pdf") for name in names)
        assert archive.read(names[0]).startswith(b"%PDF-")
    # Only the first letter has been posted.
    browser.execute_script(
        "document.querySelectorAll('#to-print input[type=checkbox]').forEach((box, i) => box.checked = i === 0)")
    first_recipient = rows[0].find_elements(By.TAG_NAME, "td")[3].text
    browser.find_element(By.CSS_SELECTOR, "#posted-form button[type=submit]").click()
    wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".notice"))
    assert browser.find_element(By.CSS_SELECTOR, ".notice").text == "Merket som postlagt: 1"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#to-print tbody tr")) == waiting - 1
    with sqlite3.connect(STATE["database"]) as db:
        printed = db.execute("SELECT recipient FROM notices WHERE status = 'printed'").fetchall()
    assert [row[0] for row in printed] == [first_recipient]


def test_the_debtor_opens_the_link_from_a_letter_on_a_phone(browser, server):
    with sqlite3.connect(STATE["database"]) as db:
        name = db.execute("""
            SELECT c.name FROM archived_documents d JOIN customers c ON c.id = d.customer_id
            WHERE d.role = 'letter' ORDER BY d.file_name LIMIT 1""").fetchone()[0]
    link = debtor_link()
    assert link.startswith(server)
    browser.delete_all_cookies()
    browser.set_window_size(390, 1400)
    browser.get(link)
    wait(browser).until(lambda b: b.find_elements(By.TAG_NAME, "h1"))
    assert name in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_elements(By.CSS_SELECTOR, "#claims li")
    assert browser.find_element(By.ID, "account").text
    letters = browser.find_elements(By.CSS_SELECTOR, "#letters a")
    assert letters
    # Fits the phone: nothing wider than the screen.
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    browser.save_screenshot(str(SCREENSHOTS / "debtor-page-phone.png"))
    headers, body = fetch(browser, letters[0].get_attribute("href"))
    assert body.startswith(b"%PDF-")
    assert headers["Cache-Control"] == "no-store"
    browser.set_window_size(1280, 1000)


def test_the_debtor_disputes_a_claim_on_their_page(browser, server):
    from selenium.webdriver.support.ui import Select
    link = debtor_link(descending=True)
    browser.delete_all_cookies()
    browser.set_window_size(390, 1400)
    browser.get(link)
    first = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#claims li"))[0]
    invoice = first.find_element(By.CSS_SELECTOR, ".invoice strong").text
    first.find_element(By.CSS_SELECTOR, "details.dispute summary").click()
    Select(first.find_element(By.CSS_SELECTOR, "details.dispute select[name=reason]")).select_by_value("quality")
    first.find_element(By.NAME, "text").send_keys("Varen var skadet da den kom")
    first.find_element(By.CSS_SELECTOR, "details.dispute button[type=submit]").click()
    wait(browser).until(lambda b: b.find_elements(By.ID, "received"))
    item = next(li for li in browser.find_elements(By.CSS_SELECTOR, "#claims li") if invoice in li.text)
    assert "Innsigelse under behandling" in item.text or "Invändning under utredning" in item.text
    browser.save_screenshot(str(SCREENSHOTS / "debtor-dispute-phone.png"))
    browser.set_window_size(1280, 1000)
    with sqlite3.connect(STATE["database"]) as db:
        rows = db.execute("SELECT reason, raised_by, status FROM disputes").fetchall()
    assert ("quality", "debtor", "open") in rows


def test_the_debtor_promises_a_date_on_their_page(browser, server):
    link = debtor_link(offset=2)
    browser.delete_all_cookies()
    browser.set_window_size(390, 1400)
    browser.get(link)
    items = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#claims li"))
    item = next(li for li in items if li.find_elements(By.CSS_SELECTOR, "details.promise"))
    invoice = item.find_element(By.CSS_SELECTOR, ".invoice strong").text
    item.find_element(By.CSS_SELECTOR, "details.promise summary").click()
    browser.execute_script("arguments[0].value = '2026-12-15'", item.find_element(By.NAME, "payBy"))
    item.find_element(By.CSS_SELECTOR, "details.promise input[name=reason]").send_keys("Lønn kommer den 15.")
    # A mistyped amount comes back in the open form, with what was typed and the error under the field.
    item.find_element(By.CSS_SELECTOR, "details.promise input[name=amount]").send_keys("1 23")
    item.find_element(By.CSS_SELECTOR, "details.promise button[type=submit]").click()
    error = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "details.promise[open] .field-error"))[0]
    assert error.is_displayed() and "1 23" in error.text
    item = next(li for li in browser.find_elements(By.CSS_SELECTOR, "#claims li") if invoice in li.text)
    amount = item.find_element(By.CSS_SELECTOR, "details.promise input[name=amount]")
    assert amount.get_attribute("value") == "1 23" and amount.get_attribute("aria-invalid") == "true"
    assert item.find_element(By.NAME, "payBy").get_attribute("value") == "2026-12-15"
    assert item.find_element(By.CSS_SELECTOR, "details.promise input[name=reason]").get_attribute("value") == "Lønn kommer den 15."
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", amount)
    browser.save_screenshot(str(SCREENSHOTS / "debtor-promise-wrong-amount-phone.png"))
    amount.clear()
    item.find_element(By.CSS_SELECTOR, "details.promise button[type=submit]").click()
    wait(browser).until(lambda b: b.find_elements(By.ID, "promise-received"))
    again = next(li for li in browser.find_elements(By.CSS_SELECTOR, "#claims li") if invoice in li.text)
    assert "Betalingsløfte registrert" in again.text or "Betalningslöfte registrerat" in again.text
    browser.save_screenshot(str(SCREENSHOTS / "debtor-promise-phone.png"))
    browser.set_window_size(1280, 1000)
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT COUNT(*) FROM promises WHERE made_by = 'debtor' AND pay_by = '2026-12-15'").fetchone()[0] == 1
