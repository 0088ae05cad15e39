"""After handover, in a real browser: a claim's original invoice is attached on its page; on the Inkasso page
the creditor sees the case an agency holds, takes the agency's update file, fetches the correction a direct
payment made, and recalls the case."""
import sqlite3
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import SCREENSHOTS, STATE, wait
from test_creditor_pages import log_in


# A camt.054 with one credit of 200 NOK quoting the claim's KID, as a bank sends it.
CAMT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn>
<GrpHdr><MsgId>BROWSER-HANDOVER-1</MsgId><CreDtTm>2026-11-22T10:00:00+01:00</CreDtTm></GrpHdr>
<Ntfctn><Id>N1</Id><CreDtTm>2026-11-22T10:00:00+01:00</CreDtTm><Acct><Id><Othr><Id>15036212345</Id></Othr></Id></Acct>
<Ntry><Amt Ccy="NOK">200.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-22</Dt></BookgDt>
<ValDt><Dt>2026-11-22</Dt></ValDt><AcctSvcrRef>BROWSER-HANDOVER-REF-1</AcctSvcrRef><BkTxCd/>
<NtryDtls><TxDtls><Refs><AcctSvcrRef>BROWSER-HANDOVER-TX-1</AcctSvcrRef></Refs><AmtDtls><TxAmt><Amt Ccy="NOK">200.00</Amt></TxAmt></AmtDtls>
<RmtInf><Strd><CdtrRefInf><Ref>{reference}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>
</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
"""


def hand_over_one_claim():
    """A Norwegian claim in the state a sent package leaves it (the package itself is tested in Swift)."""
    with sqlite3.connect(STATE["database"]) as db:
        creditor, claim, customer, sequence = db.execute("""
            SELECT c.creditor_id, c.id, c.customer_id, c.last_sequence FROM claims c JOIN creditors k ON k.id = c.creditor_id
            WHERE k.country = 'NO' AND c.open_minor > 100000 AND c.stage = 'open'
              AND c.customer_id NOT IN (SELECT customer_id FROM payment_plans)
              AND c.customer_id NOT IN (SELECT customer_id FROM disputes)
            ORDER BY c.invoice_number DESC LIMIT 1""").fetchone()
        agency, act, batch, case = (str(uuid.uuid4()).upper() for _ in range(4))
        db.execute("INSERT INTO agencies (id, creditor_id, name, agreement_reference, delivery, target, auto_send) "
                   "VALUES (?, ?, 'Nordisk Inkasso AS', 'AVT-77', 'download', '', 0)", (agency, creditor))
        db.execute("INSERT INTO collection_acts (id, creditor_id, claim_id, customer_id, step_id, kind, act_date, currency, fee_minor, "
                   "compensation_minor, interest_minor, amount_due_minor, group_key, reasons, delivery_status) "
                   "VALUES (?, ?, ?, ?, 'handover', 'handover', '2026-11-02', 'NOK', 0, 0, 0, 0, ?, '[]', 'handedOver')",
                   (act, creditor, claim, customer, f"{customer}/handover/2026-11-02"))
        db.execute("INSERT INTO handover_batches (id, creditor_id, agency_id, status, created_on, sent_on, case_count, file_name, content, sha256) "
                   "VALUES (?, ?, ?, 'sent', '2026-11-02', '2026-11-02', 1, 'handover-2026-11-02.zip', x'', '')", (batch, creditor, agency))
        db.execute("INSERT INTO handover_cases (id, creditor_id, batch_id, claim_id, act_id, status, reported_sequence) "
                   "VALUES (?, ?, ?, ?, ?, 'active', ?)", (case, creditor, batch, claim, act, sequence))
        db.execute("UPDATE claims SET stage = 'withAgency', next_action_date = NULL WHERE id = ?", (claim,))
        return creditor.lower(), claim.lower()


def test_original_invoice_is_attached_on_the_claim_page(browser, server, tmp_path):
    browser.delete_all_cookies()
    log_in(browser, server)
    with sqlite3.connect(STATE["database"]) as db:
        creditor, claim = db.execute("""
            SELECT c.creditor_id, c.id FROM claims c JOIN creditors k ON k.id = c.creditor_id
            WHERE k.country = 'NO' AND c.id NOT IN (SELECT claim_id FROM invoice_documents) ORDER BY c.invoice_number LIMIT 1""").fetchone()
    browser.get(f"{server}/creditors/{creditor.lower()}/claims/{claim.lower()}")
    form = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "form.attach-original"))[0]
    pdf = tmp_path / "faktura.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% faktura\n%%EOF\n")
    form.find_element(By.NAME, "file").send_keys(str(pdf))
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(browser).until(lambda b: b.find_elements(By.ID, "original-link"))
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT media_type, file_name FROM invoice_documents WHERE claim_id = ?", (claim,)).fetchone() == \
            ("application/pdf", "faktura.pdf")


def test_the_creditor_follows_a_case_at_the_agency(browser, server, tmp_path):
    creditor, claim = hand_over_one_claim()
    browser.delete_all_cookies()
    log_in(browser, server)
    # The debtor pays the creditor directly: a payment file with the claim's KID makes a correction for the agency.
    with sqlite3.connect(STATE["database"]) as db:
        reference, invoice = db.execute("SELECT payment_reference, invoice_number FROM claims WHERE id = ?", (claim.upper(),)).fetchone()
    browser.get(f"{server}/creditors/{creditor}/imports")
    payments = tmp_path / "direkte.xml"
    payments.write_text(CAMT.format(reference=reference), encoding="utf-8")
    upload = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#upload-payments form"))[0]
    upload.find_element(By.NAME, "file").send_keys(str(payments))
    upload.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(browser).until(lambda b: b.find_elements(By.ID, "payments-result") or b.find_elements(By.ID, "payments-error"))
    assert browser.find_elements(By.ID, "payments-result"), browser.find_element(By.ID, "payments-error").text

    browser.get(f"{server}/creditors/{creditor}/handover")
    cases = wait(browser).until(lambda b: b.find_elements(By.ID, "case-list"))[0]
    assert invoice in cases.text and "Hos inkasso" in cases.text
    messages = browser.find_element(By.ID, "message-list")
    assert "Korreksjon" in messages.text and "Klar til nedlasting" in messages.text

    updates = tmp_path / "fra-nordisk.csv"
    updates.write_text("update_id;claim_id;date;type;status;amount;currency;text\n"
                       f"N-1;{claim};2026-11-20;status;registered;;;\n"
                       f"N-2;{claim};2026-11-21;fee;;350,00;NOK;Inkassosalær\n"
                       f"N-3;{claim};2026-11-22;status;paymentDemandSent;;;\n", encoding="utf-8")
    form = browser.find_element(By.CSS_SELECTOR, "#agency-updates form")
    Select(form.find_element(By.NAME, "agency")).select_by_visible_text("Nordisk Inkasso AS")
    form.find_element(By.NAME, "file").send_keys(str(updates))
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    result = wait(browser).until(lambda b: b.find_elements(By.ID, "update-result"))[0]
    assert "Oppdateringer tatt inn: 3 (byråets salær 1, status 2)" in result.text, result.text
    assert "Betalingsoppfordring sendt" in browser.find_element(By.ID, "case-list").text
    browser.save_screenshot(str(SCREENSHOTS / "handover-cases-and-updates.png"))

    row = [r for r in browser.find_elements(By.CSS_SELECTOR, "#case-list tbody tr") if invoice in r.text][0]
    row.find_element(By.CSS_SELECTOR, "details.recall summary").click()
    row.find_element(By.NAME, "reason").send_keys("Kunden har tatt kontakt")
    row.find_element(By.CSS_SELECTOR, "details.recall button[type=submit]").click()
    # The page reloads after the form: an element found mid-reload may go stale, so look again.
    wait(browser).until(
        lambda b: "Tilbakekalt, venter svar" in b.find_element(By.ID, "case-list").text)
    assert "Tilbakekall" in browser.find_element(By.ID, "message-list").text

    browser.get(f"{server}/creditors/{creditor}/claims/{claim}")
    agency = wait(browser).until(lambda b: b.find_elements(By.ID, "agency-case"))[0]
    assert "Nordisk Inkasso AS" in agency.text
    timeline = browser.find_element(By.ID, "timeline").find_element(By.XPATH, "following-sibling::*[1]").text
    assert "Fra inkassobyrå" in timeline and "Til inkassobyrå" in timeline
    browser.save_screenshot(str(SCREENSHOTS / "claim-with-agency.png"))
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT status FROM handover_cases WHERE claim_id = ?", (claim.upper(),)).fetchone() == ("recallRequested",)
        assert db.execute("SELECT COUNT(*) FROM agency_messages WHERE claim_id = ?", (claim.upper(),)).fetchone() == (2,)

    # The agency confirms the recall: the claim, still owing money, waits in the work queue for a person.
    confirmation = tmp_path / "bekreftelse.csv"
    confirmation.write_text("update_id;claim_id;date;type;status;amount;currency;text\n"
                            f"N-4;{claim};2026-11-23;recallConfirmed;;;;Saken er gitt tilbake\n", encoding="utf-8")
    browser.get(f"{server}/creditors/{creditor}/handover")
    form = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#agency-updates form"))[0]
    Select(form.find_element(By.NAME, "agency")).select_by_visible_text("Nordisk Inkasso AS")
    form.find_element(By.NAME, "file").send_keys(str(confirmation))
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    result = wait(browser).until(lambda b: b.find_elements(By.ID, "update-result"))[0]
    assert "Oppdateringer tatt inn: 1 (tilbakekall bekreftet 1); saker tilbake hos deg: 1" in result.text, result.text
    browser.get(f"{server}/creditors/{creditor}/work-queue")
    given_back = wait(browser).until(lambda b: b.find_elements(By.ID, "queue-given-back"))[0]
    row = [r for r in given_back.find_elements(By.CSS_SELECTOR, "tbody tr") if invoice in r.text][0]
    assert "Nordisk Inkasso AS" in row.text and "23.11.2026" in row.text
    assert "Tilbake fra inkasso" in browser.find_element(By.ID, "given-back").text
    browser.execute_script("document.getElementById('given-back').scrollIntoView({block: 'start'})")
    browser.save_screenshot(str(SCREENSHOTS / "work-queue-given-back.png"))
    row.find_element(By.TAG_NAME, "a").click()
    wait(browser).until(lambda b: claim.upper() in b.current_url.upper() and b.find_elements(By.ID, "plans"))
