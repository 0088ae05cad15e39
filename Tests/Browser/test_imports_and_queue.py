"""Money in as a person does it: upload an invoice CSV and a bank file, see the summaries and a refusal,
then place an unmatched payment from the work queue."""

from selenium.webdriver.common.by import By

from conftest import ROOT, SCREENSHOTS, wait
from test_creditor_pages import log_in

INVOICES = """invoice_number;issue_date;due_date;currency;amount;customer_number;customer_name
BR-1;2026-10-01;2026-10-15;NOK;1020,00;BR-C1;Berit Brukstest
BR-2;2026-10-05;2026-10-19;NOK;2500,00;BR-C1;Berit Brukstest
"""
MALFORMED = """invoice_number;issue_date;due_date;currency;amount;customer_name
BR-3;2026-10-01;2026-10-15;NOK;100,00;Kari
BR-4;2026-10-01;2026-02-30;NOK;100,00;Ola
"""
OCR_GIRO = ROOT.parent / "shared" / "fixtures" / "nets-ocr-giro" / "ocr_giro_transactions.txt"


def temp_file(directory, name, text):
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def upload(browser, kind, path):
    browser.find_element(By.ID, f"file-{kind}").send_keys(path)
    browser.find_element(By.CSS_SELECTOR, f"#upload-{kind} button[type=submit]").click()
    wait(browser, 20).until(
        lambda b: b.find_elements(By.ID, f"{kind}-result") or b.find_elements(By.ID, f"{kind}-error"))


def count(browser, kind, key):
    return int(browser.find_element(By.CSS_SELECTOR, f"#{kind}-result tr[data-count={key}] td").text)


def test_upload_invoices_and_payments(browser, server, tmp_path):
    browser.delete_all_cookies()
    browser.set_window_size(1280, 1000)
    log_in(browser, server)
    browser.find_element(By.LINK_TEXT, "Importer").click()
    wait(browser).until(lambda b: b.current_url.endswith("/imports"))
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "Importer"

    upload(browser, "invoices", temp_file(tmp_path, "fakturaer.csv", INVOICES))
    result = browser.find_element(By.ID, "invoices-result")
    assert "Filen er importert" in result.text and "fakturaer.csv" in result.text
    assert count(browser, "invoices", "invoicesCreated") == 2
    assert count(browser, "invoices", "invoicesUnchanged") == 0

    upload(browser, "payments", str(OCR_GIRO))
    assert count(browser, "payments", "paymentsUnmatched") == 20
    files = [row.find_elements(By.TAG_NAME, "td")[1].text for row in browser.find_elements(By.CSS_SELECTOR, "table.imports tbody tr")]
    assert files[:2] == ["ocr_giro_transactions.txt", "fakturaer.csv"]
    browser.save_screenshot(str(SCREENSHOTS / "imports.png"))

    upload(browser, "invoices", temp_file(tmp_path, "feil.csv", MALFORMED))
    error = browser.find_element(By.ID, "invoices-error")
    assert "Filen ble ikke importert" in error.text
    assert "line 3" in error.text and "due_date" in error.text
    browser.save_screenshot(str(SCREENSHOTS / "imports-error.png"))


def test_assign_an_unmatched_payment_from_the_work_queue(browser, server):
    browser.find_element(By.LINK_TEXT, "Arbeidskø").click()
    wait(browser).until(lambda b: b.current_url.endswith("/work-queue"))
    payments = browser.find_elements(By.CSS_SELECTOR, "tbody.queued")
    assert len(payments) == 20
    assert "20 · Side 1 av 1" in browser.find_element(By.CSS_SELECTOR, ".count").text
    first = payments[0]
    cells = first.find_elements(By.CSS_SELECTOR, "tr:first-child td")
    assert cells[6].text == "1 020,00 kr"
    assert cells[7].text == "Ikke koblet"
    suggestion = first.find_element(By.CSS_SELECTOR, "input[type=radio][value='BR-1']")
    browser.save_screenshot(str(SCREENSHOTS / "work-queue.png"))

    suggestion.click()
    first.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(browser).until(lambda b: b.find_elements(By.ID, "notice"))
    assert "koblet til faktura BR-1" in browser.find_element(By.ID, "notice").text
    assert len(browser.find_elements(By.CSS_SELECTOR, "tbody.queued")) == 19

    second = browser.find_elements(By.CSS_SELECTOR, "tbody.queued")[0]
    second.find_element(By.CSS_SELECTOR, "input[name=invoice]").send_keys("FINNES-IKKE")
    second.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "form.assign .field-error"))
    assert "Fant ingen faktura" in browser.find_element(By.CSS_SELECTOR, "form.assign .field-error").text
    browser.save_screenshot(str(SCREENSHOTS / "work-queue-error.png"))
