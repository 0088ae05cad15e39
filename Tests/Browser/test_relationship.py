"""Keeping the customer, in a real browser: the debtor chooses a payment plan and writes to the creditor on
their phone; the creditor records a call that ends in a plan offer, and a dispute with its photo."""
import sqlite3

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import SCREENSHOTS, STATE, wait
from test_creditor_pages import log_in
from test_notices import debtor_link


def test_the_debtor_chooses_a_payment_plan_on_a_phone(browser, server):
    link = debtor_link(offset=4)
    browser.delete_all_cookies()
    browser.set_window_size(390, 1600)
    browser.get(link)
    request = wait(browser).until(lambda b: b.find_elements(By.ID, "plan-request"))[0]
    request.find_element(By.TAG_NAME, "summary").click()
    choices = Select(request.find_element(By.NAME, "instalments"))
    assert len(choices.options) >= 2, "the demo limits allow several instalments"
    choices.select_by_value("2")
    request.find_element(By.CSS_SELECTOR, "form[method=get] button[type=submit]").click()
    preview = wait(browser).until(lambda b: b.find_elements(By.ID, "plan-preview"))[0]
    assert len(preview.find_elements(By.CSS_SELECTOR, ".plan-payments li")) == 2
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    browser.save_screenshot(str(SCREENSHOTS / "debtor-plan-preview-phone.png"))
    preview.find_element(By.CSS_SELECTOR, "form[method=post] button[type=submit]").click()
    wait(browser).until(lambda b: b.find_elements(By.ID, "plan-received"))
    plan = browser.find_element(By.CSS_SELECTOR, "#plans .plan")
    kids = [span.text for span in plan.find_elements(By.CSS_SELECTOR, ".plan-payments .mono")]
    assert len(kids) == 2 and all(any(ch.isdigit() for ch in kid) for kid in kids)
    browser.save_screenshot(str(SCREENSHOTS / "debtor-plan-accepted-phone.png"))
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT COUNT(*) FROM payment_plans WHERE status = 'active' AND accepted_by = 'debtor'").fetchone()[0] == 1

    browser.find_element(By.CSS_SELECTOR, "#contact summary").click()
    browser.find_element(By.CSS_SELECTOR, "#contact textarea").send_keys("Kan avdragene komme den 20. i stedet?")
    browser.find_element(By.CSS_SELECTOR, "#contact button[type=submit]").click()
    wait(browser).until(lambda b: b.find_elements(By.ID, "message-received"))
    browser.set_window_size(1280, 1000)
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT COUNT(*) FROM conversation_notes WHERE kind = 'message' AND handled_at IS NULL").fetchone()[0] == 1


def test_the_creditor_records_a_call_that_ends_in_a_plan_offer(browser, server):
    browser.delete_all_cookies()
    log_in(browser, server)
    with sqlite3.connect(STATE["database"]) as db:
        creditor, customer = db.execute("""
            SELECT c.creditor_id, c.customer_id FROM claims c JOIN creditors k ON k.id = c.creditor_id
            WHERE k.country = 'NO' AND c.open_minor > 100000
              AND c.customer_id NOT IN (SELECT customer_id FROM payment_plans)
              AND c.customer_id NOT IN (SELECT customer_id FROM disputes)
            ORDER BY c.invoice_number LIMIT 1""").fetchone()
    browser.get(f"{server}/creditors/{creditor.lower()}/customers/{customer.lower()}")
    wait(browser).until(lambda b: b.find_elements(By.ID, "customer-claims"))
    browser.find_element(By.CSS_SELECTOR, "details.schedule-call summary").click()
    browser.execute_script("arguments[0].value = '2026-11-23'", browser.find_element(By.CSS_SELECTOR, "#schedule-call input[name=date]"))
    browser.find_element(By.CSS_SELECTOR, "#schedule-call button[type=submit]").click()
    call = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "section.call"))[0]
    call.find_element(By.NAME, "note").send_keys("Avtalt tre avdrag fra januar")
    call.find_element(By.CSS_SELECTOR, "input[name=agreement][value=plan]").click()
    browser.execute_script("arguments[0].value = '2027-01-15'", call.find_element(By.NAME, "firstDate"))
    browser.save_screenshot(str(SCREENSHOTS / "customer-call-form.png"))
    call.find_element(By.CSS_SELECTOR, "button[value=reached]").click()
    # The page is replaced after the click: an element of the old page may go stale while waiting.
    wait(browser).until(
        lambda b: "Plan foreslått" in b.find_element(By.ID, "timeline-list").text)
    timeline = browser.find_element(By.ID, "timeline-list").text
    assert "Avtalt tre avdrag fra januar" in timeline and "Samtale" in timeline
    browser.save_screenshot(str(SCREENSHOTS / "customer-timeline.png"))
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT status FROM payment_plans WHERE customer_id = ?", (customer,)).fetchone()[0] == "offered"


def an_open_claim(browser, server, without, descending=False):
    """Logs in if need be; (creditor, claim) of the first open claim by invoice number with no row in the tables `without`."""
    if not browser.find_elements(By.CSS_SELECTOR, ".sidenav"):
        log_in(browser, server)
    free = " ".join(f"AND id NOT IN (SELECT claim_id FROM {table})" for table in without)
    with sqlite3.connect(STATE["database"]) as db:
        return db.execute(f"""
            SELECT creditor_id, id FROM claims WHERE open_minor > 0 {free}
            ORDER BY invoice_number {'DESC' if descending else ''} LIMIT 1""").fetchone()


def test_the_creditor_records_a_dispute_with_a_photo(browser, server, tmp_path):
    creditor, claim = an_open_claim(browser, server, ["disputes", "payment_plan_claims"], descending=True)
    photo = tmp_path / "skadet-pall.png"
    photo.write_bytes(bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + bytes(200))
    browser.get(f"{server}/creditors/{creditor.lower()}/claims/{claim.lower()}")
    browser.find_element(By.CSS_SELECTOR, "details.raise-dispute summary").click()
    Select(browser.find_element(By.ID, "dispute-reason")).select_by_value("quality")
    browser.find_element(By.ID, "dispute-text").send_keys("Kunden ringte: pallen var skadet")
    browser.find_element(By.ID, "dispute-files").send_keys(str(photo))
    browser.find_element(By.CSS_SELECTOR, "#raise-dispute button[type=submit]").click()
    wait(browser).until(lambda b: b.find_elements(By.ID, "dispute-list"))
    link = browser.find_element(By.CSS_SELECTOR, "#dispute-list a.attachment")
    assert link.text == "skadet-pall.png"
    browser.execute_script("document.getElementById('disputes').scrollIntoView()")
    browser.save_screenshot(str(SCREENSHOTS / "claim-dispute-with-file.png"))
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT byte_count FROM dispute_attachments").fetchall() == [(208,)]


def test_a_wrong_amount_in_the_promise_form_is_shown_at_the_field(browser, server):
    creditor, claim = an_open_claim(browser, server, ["disputes", "promises"])
    browser.set_window_size(1280, 1400)
    browser.get(f"{server}/creditors/{creditor.lower()}/claims/{claim.lower()}")
    browser.find_element(By.CSS_SELECTOR, "details.record-promise summary").click()
    # A date input takes its value as the browser's locale types it; the script sets the ISO value the form sends.
    browser.execute_script("document.getElementById('promise-date').value = '2026-12-15'")
    browser.find_element(By.ID, "promise-amount").send_keys("1 23")
    browser.find_element(By.ID, "promise-reason").send_keys("Lønn kommer den 15.")
    browser.find_element(By.CSS_SELECTOR, "#record-promise button[type=submit]").click()
    error = wait(browser).until(lambda b: b.find_elements(By.ID, "promise-amount-error"))[0]
    assert error.text == "«1 23» er ikke et beløp (skriv for eksempel 1 234,50)."
    assert error.is_displayed(), "the form is open with its error"
    amount = browser.find_element(By.ID, "promise-amount")
    assert amount.get_attribute("value") == "1 23" and amount.get_attribute("aria-invalid") == "true"
    assert browser.find_element(By.ID, "promise-date").get_attribute("value") == "2026-12-15"
    assert browser.find_element(By.ID, "promise-reason").get_attribute("value") == "Lønn kommer den 15."
    assert browser.find_element(By.CSS_SELECTOR, ".sidenav"), "the claim page itself, not an error page"
    browser.execute_script("document.getElementById('promise-amount').scrollIntoView({block: 'center'})")
    browser.save_screenshot(str(SCREENSHOTS / "claim-promise-wrong-amount.png"))
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT COUNT(*) FROM promises WHERE claim_id = ?", (claim,)).fetchone()[0] == 0


def test_an_empty_note_on_the_customer_page_is_refused_at_the_field(browser, server):
    creditor, claim = an_open_claim(browser, server, [])
    with sqlite3.connect(STATE["database"]) as db:
        customer = db.execute("SELECT customer_id FROM claims WHERE id = ?", (claim,)).fetchone()[0]
        notes_before = db.execute("SELECT COUNT(*) FROM conversation_notes").fetchone()[0]
    browser.set_window_size(1280, 1400)
    browser.get(f"{server}/creditors/{creditor.lower()}/customers/{customer.lower()}")
    # Spaces pass the browser's own check of a required field; the server refuses them.
    browser.find_element(By.CSS_SELECTOR, "#add-note textarea[name=text]").send_keys("   ")
    Select(browser.find_element(By.CSS_SELECTOR, "#add-note select[name=claim]")).select_by_value(claim)
    browser.find_element(By.CSS_SELECTOR, "#add-note button[type=submit]").click()
    error = wait(browser).until(lambda b: b.find_elements(By.ID, "note-text-error"))[0]
    assert error.text == "Skriv notatet først."
    assert browser.find_element(By.CSS_SELECTOR, "#add-note textarea[name=text]").get_attribute("aria-invalid") == "true"
    assert Select(browser.find_element(By.CSS_SELECTOR, "#add-note select[name=claim]")).first_selected_option.get_attribute("value") == claim
    assert browser.find_element(By.CSS_SELECTOR, ".sidenav"), "the customer page itself, not an error page"
    browser.execute_script("document.getElementById('add-note').scrollIntoView({block: 'center'})")
    browser.save_screenshot(str(SCREENSHOTS / "customer-note-empty.png"))
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT COUNT(*) FROM conversation_notes").fetchone()[0] == notes_before


def test_a_refused_call_agreement_comes_back_on_the_customer_page_as_typed(browser, server):
    creditor, claim = an_open_claim(browser, server, ["disputes", "payment_plan_claims"])
    with sqlite3.connect(STATE["database"]) as db:
        customer = db.execute("SELECT customer_id FROM claims WHERE id = ?", (claim,)).fetchone()[0]
        plans_before = db.execute("SELECT COUNT(*) FROM payment_plans").fetchone()[0]
    # A call planned by hand, with the date the form suggests.
    browser.get(f"{server}/creditors/{creditor.lower()}/customers/{customer.lower()}")
    browser.find_element(By.CSS_SELECTOR, "details.schedule-call summary").click()
    browser.find_element(By.CSS_SELECTOR, "#schedule-call button[type=submit]").click()

    def scheduled_call(_):
        with sqlite3.connect(STATE["database"]) as db:
            row = db.execute("""
                SELECT id FROM collection_acts WHERE customer_id = ? AND delivery_status = 'task' AND step_id = 'by-hand'""",
                (customer,)).fetchone()
        return row[0] if row else False

    act = wait(browser).until(scheduled_call)
    # The page the form's answer led to, with the new call's form on it.
    wait(browser).until(lambda b: b.find_elements(By.ID, f"call-{act}"))
    browser.set_window_size(1280, 1400)
    browser.get(f"{server}/creditors/{creditor.lower()}/customers/{customer.lower()}")
    form = browser.find_element(By.ID, f"call-{act}")
    form.find_element(By.CSS_SELECTOR, "textarea[name=note]").send_keys("Vil betale i tre avdrag")
    form.find_element(By.CSS_SELECTOR, "input[name=agreement][value=plan]").click()
    form.find_element(By.CSS_SELECTOR, "input[name=downPayment]").send_keys("tre hundre")
    form.find_element(By.CSS_SELECTOR, "button[value=reached]").click()
    error = wait(browser).until(lambda b: b.find_elements(By.ID, f"call-{act}-downPayment-error"))[0]
    assert error.text == "«tre hundre» er ikke et beløp (skriv for eksempel 1 234,50)."
    form = browser.find_element(By.ID, f"call-{act}")
    assert form.find_element(By.CSS_SELECTOR, "input[name=agreement][value=plan]").is_selected()
    assert form.find_element(By.CSS_SELECTOR, "input[name=downPayment]").get_attribute("aria-invalid") == "true"
    assert form.find_element(By.CSS_SELECTOR, "textarea[name=note]").get_attribute("value") == "Vil betale i tre avdrag"
    browser.execute_script(f"document.getElementById('call-{act}').scrollIntoView({{block: 'center'}})")
    browser.save_screenshot(str(SCREENSHOTS / "customer-call-plan-wrong-amount.png"))
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT delivery_status FROM collection_acts WHERE id = ?", (act,)).fetchone()[0] == "task"
        assert db.execute("SELECT COUNT(*) FROM payment_plans").fetchone()[0] == plans_before


def test_accepting_a_plan_withdrawn_meanwhile_says_so_in_the_plans_section(browser, server):
    creditor, claim = an_open_claim(browser, server, ["disputes", "payment_plan_claims"], descending=True)
    page = f"{server}/creditors/{creditor.lower()}/claims/{claim.lower()}"
    browser.set_window_size(1280, 1400)
    browser.get(page)
    browser.find_element(By.CSS_SELECTOR, "details.offer-plan summary").click()
    browser.find_element(By.ID, "plan-count").clear()
    browser.find_element(By.ID, "plan-count").send_keys("2")
    browser.find_element(By.CSS_SELECTOR, "#offer-plan button[type=submit]").click()
    accept = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "section.plan form[action$='/accept'] button"))[0]
    with sqlite3.connect(STATE["database"]) as db:
        plan = db.execute("SELECT plan_id FROM payment_plan_claims WHERE claim_id = ?", (claim,)).fetchone()[0]
        # Another user withdraws the offer while this page is open.
        db.execute("UPDATE payment_plans SET status = 'withdrawn' WHERE id = ?", (plan,))
    accept.click()
    error = wait(browser).until(lambda b: b.find_elements(By.ID, f"plan-{plan}-error"))[0]
    assert error.text == "Planen venter ikke på godkjenning."
    section = browser.find_element(By.ID, f"plan-{plan}")
    assert not section.find_elements(By.TAG_NAME, "form"), "a withdrawn plan has no buttons left"
    assert browser.find_element(By.CSS_SELECTOR, ".sidenav"), "the claim page itself, not an error page"
    language = browser.find_element(By.CSS_SELECTOR, "a[lang=en]").get_attribute("href")
    assert language.lower().endswith(f"back=/creditors/{creditor}/claims/{claim}".lower()), language
    browser.execute_script(f"document.getElementById('plan-{plan}').scrollIntoView({{block: 'center'}})")
    browser.save_screenshot(str(SCREENSHOTS / "claim-plan-accept-withdrawn.png"))
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT status, accepted_on FROM payment_plans WHERE id = ?", (plan,)).fetchone() == ("withdrawn", None)


def test_the_debtors_page_takes_five_messages_a_day(browser, server):
    link = debtor_link(descending=True, offset=3)
    browser.delete_all_cookies()
    browser.set_window_size(390, 1400)
    for number in range(1, 7):
        browser.get(link)
        wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#contact summary"))[0].click()
        browser.find_element(By.CSS_SELECTOR, "#contact textarea").send_keys(f"Melding nummer {number}")
        browser.find_element(By.CSS_SELECTOR, "#contact button[type=submit]").click()
        if number < 6:
            wait(browser).until(lambda b: b.find_elements(By.ID, "message-received"))
    # The sixth comes back with the contact form open, the text kept and why, in the customer's language.
    error = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#contact .form-error"))[0]
    assert error.text.startswith("Vi har fått m"), error.text
    assert browser.find_element(By.CSS_SELECTOR, "#contact textarea").get_attribute("value") == "Melding nummer 6"
    browser.execute_script("document.getElementById('contact').scrollIntoView()")
    browser.save_screenshot(str(SCREENSHOTS / "debtor-message-limit-phone.png"))
    browser.set_window_size(1280, 1000)


def test_a_letter_whose_claim_is_written_off_is_held_then_written_again(browser, server):
    # Last in the session: the delivery round it runs writes new letters the tests before would read.
    import subprocess
    from conftest import BINARY, TODAY
    with sqlite3.connect(STATE["database"]) as db:
        notice, group, creditor, claim = db.execute("""
            SELECT n.id, n.group_key, n.creditor_id, nc.claim_id FROM notices n JOIN notice_claims nc ON nc.notice_id = n.id
            JOIN claims c ON c.id = nc.claim_id
            WHERE n.status = 'toPrint' AND nc.act_id IS NOT NULL AND c.open_minor > 0
              AND (SELECT COUNT(*) FROM notice_claims x WHERE x.notice_id = n.id) >= 2
            ORDER BY n.group_key, c.invoice_number LIMIT 1""").fetchone()
    browser.delete_all_cookies()
    browser.set_window_size(1280, 1000)
    log_in(browser, server)
    base = f"{server}/creditors/{creditor.lower()}"
    browser.get(f"{base}/claims/{claim.lower()}")
    wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "details.write-off summary"))[0].click()
    browser.find_element(By.ID, "write-off-reason").send_keys("Kreditert i regnskapet")
    browser.find_element(By.CSS_SELECTOR, "#write-off button[type=submit]").click()
    wait(browser).until(lambda b: "#ledger" in b.current_url)

    browser.get(f"{base}/letters")
    held = wait(browser).until(lambda b: b.find_elements(By.ID, "letters-held"))[0]
    assert held.text.startswith("1 brev skrives ikke ut: kravene er betalt, kreditert eller avskrevet"), held.text
    boxes = [box.get_attribute("value").lower() for box in browser.find_elements(By.CSS_SELECTOR, "#to-print input[type=checkbox]")]
    assert notice.lower() not in boxes
    browser.save_screenshot(str(SCREENSHOTS / "letters-held.png"))

    deliver = subprocess.run([str(BINARY), "deliver", "--date", TODAY], env=STATE["env"], capture_output=True, text=True, timeout=300)
    assert deliver.returncode == 0, deliver.stderr
    assert "letters written again (claims changed meanwhile): 1" in deliver.stdout, deliver.stdout
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT status FROM notices WHERE id = ?", (notice,)).fetchone() == ("withdrawn",)
        new, = db.execute("SELECT id FROM notices WHERE group_key LIKE ? AND status = 'toPrint'", (group + "/%",)).fetchone()
        assert db.execute("SELECT COUNT(*) FROM notice_claims WHERE notice_id = ? AND claim_id = ?", (new, claim)).fetchone() == (0,)
    browser.get(f"{base}/letters")
    wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#to-print tbody tr"))
    assert not browser.find_elements(By.ID, "letters-held")
    boxes = [box.get_attribute("value").lower() for box in browser.find_elements(By.CSS_SELECTOR, "#to-print input[type=checkbox]")]
    assert new.lower() in boxes

    # The written-off claim's step never went to the debtor: its page says it does not count.
    browser.get(f"{base}/claims/{claim.lower()}")
    acts = wait(browser).until(lambda b: b.find_elements(By.ID, "acts"))[0]
    assert "Ikke sendt: teller ikke" in acts.text, acts.text
    browser.execute_script("arguments[0].scrollIntoView()", acts)
    browser.save_screenshot(str(SCREENSHOTS / "claim-act-not-sent.png"))


def test_the_creditor_records_and_withdraws_a_customers_consent_to_email(browser, server):
    browser.delete_all_cookies()
    log_in(browser, server)
    with sqlite3.connect(STATE["database"]) as db:
        creditor, customer = db.execute("""
            SELECT u.creditor_id, u.id FROM customers u JOIN creditors k ON k.id = u.creditor_id
            WHERE k.country = 'NO' AND u.accepted_channels = '' AND u.email IS NOT NULL
            ORDER BY u.customer_number LIMIT 1""").fetchone()
    browser.set_window_size(1280, 1200)
    page = f"{server}/creditors/{creditor.lower()}/customers/{customer.lower()}"
    browser.get(page)
    consent = wait(browser).until(lambda b: b.find_elements(By.ID, "email-consent"))[0]
    assert consent.text == "Ikke godtatt: varsler sendes som brev."

    # Ticked without saying what the consent rests on: refused at the field, the box still ticked.
    browser.find_element(By.CSS_SELECTOR, "#notice-consent input[name=acceptsEmail]").click()
    browser.find_element(By.CSS_SELECTOR, "#notice-consent button[type=submit]").click()
    error = wait(browser).until(lambda b: b.find_elements(By.ID, "consent-basis-error"))[0]
    assert error.text.startswith("Skriv hva samtykket bygger på")
    assert browser.find_element(By.CSS_SELECTOR, "#notice-consent input[name=basis]").get_attribute("aria-invalid") == "true"
    assert browser.find_element(By.CSS_SELECTOR, "#notice-consent input[name=acceptsEmail]").is_selected()
    browser.execute_script("document.getElementById('notice-consent').scrollIntoView({block: 'center'})")
    browser.save_screenshot(str(SCREENSHOTS / "customer-consent-refused.png"))
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT accepted_channels FROM customers WHERE id = ?", (customer,)).fetchone()[0] == ""

    browser.find_element(By.CSS_SELECTOR, "#notice-consent input[name=basis]").send_keys("Godtatt i ordreskjema 01.03.2026")
    browser.find_element(By.CSS_SELECTOR, "#notice-consent button[type=submit]").click()
    wait(browser).until(lambda b: b.find_element(By.ID, "email-consent").text.startswith("Godtatt "))
    assert "«Godtatt i ordreskjema 01.03.2026»" in browser.find_element(By.ID, "email-consent").text
    assert browser.find_element(By.CSS_SELECTOR, "#notice-consent input[name=acceptsEmail]").is_selected()
    timeline = browser.find_element(By.ID, "timeline").find_element(By.XPATH, "following::*[contains(., 'Godtok varsler på e-post')]")
    assert timeline
    browser.execute_script("document.getElementById('notice-consent').scrollIntoView({block: 'center'})")
    browser.save_screenshot(str(SCREENSHOTS / "customer-consent-recorded.png"))
    with sqlite3.connect(STATE["database"]) as db:
        channels, basis = db.execute(
            "SELECT accepted_channels, email_consent_basis FROM customers WHERE id = ?", (customer,)).fetchone()
        assert (channels, basis) == ("email", "Godtatt i ordreskjema 01.03.2026")

    browser.find_element(By.CSS_SELECTOR, "#notice-consent input[name=acceptsEmail]").click()
    browser.find_element(By.CSS_SELECTOR, "#notice-consent button[type=submit]").click()
    wait(browser).until(lambda b: b.find_element(By.ID, "email-consent").text == "Ikke godtatt: varsler sendes som brev.")
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT accepted_channels, email_consent_on FROM customers WHERE id = ?", (customer,)).fetchone() == ("", None)
        assert db.execute(
            "SELECT COUNT(*) FROM conversation_notes WHERE customer_id = ? AND kind IN ('emailAccepted', 'emailWithdrawn')",
            (customer,)).fetchone()[0] == 2


def open_business_details(browser, server, country):
    """Logs in and opens the details form of the first business customer of a creditor of `country`; gives the
    customer's id and city as kept."""
    browser.delete_all_cookies()
    log_in(browser, server)
    with sqlite3.connect(STATE["database"]) as db:
        creditor, customer, city = db.execute("""
            SELECT u.creditor_id, u.id, u.city FROM customers u JOIN creditors k ON k.id = u.creditor_id
            WHERE k.country = ? AND u.kind = 'business'
            ORDER BY u.customer_number LIMIT 1""", (country,)).fetchone()
    browser.set_window_size(1280, 1400)
    browser.get(f"{server}/creditors/{creditor.lower()}/customers/{customer.lower()}")
    details = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "details.customer-details"))[0]
    details.find_element(By.TAG_NAME, "summary").click()
    return customer, city


def test_the_creditor_corrects_a_customers_address_and_organisation_number(browser, server):
    customer, old_city = open_business_details(browser, server, "NO")
    form = browser.find_element(By.ID, "customer-details")
    assert form.find_element(By.NAME, "city").get_attribute("value") == old_city, "the form starts from what is kept"
    assert form.find_element(By.NAME, "country").get_attribute("value") == "NO"

    # A typo in the organisation number: refused next to the field, what was typed kept, nothing saved.
    for name, value in [("addressLine", "Kirkeveien 5"), ("postalCode", "0368"), ("city", "Oslo"), ("organisationNumber", "923 609 017")]:
        field = form.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    error = wait(browser).until(
        lambda b: b.find_elements(By.ID, "details-organisationNumber-error"))[0]
    assert error.text == "«923 609 017» er ikke et gyldig norsk organisasjonsnummer (ni sifre, det siste et kontrollsiffer)."
    form = browser.find_element(By.ID, "customer-details")
    assert form.find_element(By.NAME, "organisationNumber").get_attribute("aria-invalid") == "true"
    assert form.find_element(By.NAME, "city").get_attribute("value") == "Oslo"
    browser.execute_script("document.getElementById('customer-details').scrollIntoView({block: 'center'})")
    browser.save_screenshot(str(SCREENSHOTS / "customer-details-refused.png"))
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT city FROM customers WHERE id = ?", (customer,)).fetchone()[0] == old_city

    field = form.find_element(By.NAME, "organisationNumber")
    field.clear()
    field.send_keys("923 609 016")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # The old page's element goes stale while the new page loads.
    wait(browser).until(
        lambda b: b.find_element(By.ID, "customer-address").text == "Kirkeveien 5, 0368 Oslo")
    line = browser.find_element(By.XPATH, "//ol[@id='timeline-list']/li[contains(., 'Kundeopplysninger endret')]")
    assert "Adresse: " in line.text and "→ Kirkeveien 5, 0368 Oslo" in line.text, line.text
    assert "Organisasjonsnummer: " in line.text and "→ 923609016" in line.text, line.text
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", line)
    browser.save_screenshot(str(SCREENSHOTS / "customer-details-changed.png"))
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute(
            "SELECT address_line, postal_code, city, organisation_number FROM customers WHERE id = ?", (customer,)
        ).fetchone() == ("Kirkeveien 5", "0368", "Oslo", "923609016")


def test_a_swedish_sole_traders_personnummer_is_kept_masked(browser, server):
    customer, _ = open_business_details(browser, server, "SE")
    field = browser.find_element(By.ID, "customer-details").find_element(By.NAME, "organisationNumber")
    field.clear()
    field.send_keys("640823-3234")
    browser.find_element(By.ID, "customer-details").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    identity = wait(browser).until(lambda b: b.find_elements(By.ID, "customer-identity"))[0]
    assert identity.text == "19640823-****"
    line = browser.find_element(By.XPATH, "//ol[@id='timeline-list']/li[contains(., 'Kundeopplysninger endret')]")
    assert "Fødselsnummer: — → 19640823-****" in line.text, line.text
    page = browser.page_source
    assert "0823-3234" not in page and "08233234" not in page, "the personnummer is shown masked only"
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(SCREENSHOTS / "customer-sole-trader.png"))
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute(
            "SELECT organisation_number, national_identity_number FROM customers WHERE id = ?", (customer,)
        ).fetchone() == (None, "196408233234")

    # A country written out rather than as its code is refused next to the field.
    browser.execute_script("document.querySelector('details.customer-details').open = true")
    field = browser.find_element(By.ID, "customer-details").find_element(By.NAME, "country")
    field.clear()
    field.send_keys("Sverige")
    browser.find_element(By.ID, "customer-details").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    error = wait(browser).until(lambda b: b.find_elements(By.ID, "details-country-error"))[0]
    assert error.text == "«Sverige» er ikke en landkode (to bokstaver, som NO eller SE)."
    browser.execute_script("document.getElementById('customer-details').scrollIntoView({block: 'center'})")
    browser.save_screenshot(str(SCREENSHOTS / "customer-country-refused.png"))


def test_the_creditor_records_one_promise_for_a_customers_overdue_invoices(browser, server):
    from conftest import TODAY
    with sqlite3.connect(STATE["database"]) as db:
        creditor, claim, customer = db.execute("""
            SELECT c.creditor_id, c.id, c.customer_id FROM claims c
            WHERE c.open_minor > 0 AND c.due_date < ? AND c.stage NOT IN ('closed', 'withAgency')
              AND NOT EXISTS (SELECT 1 FROM promises p WHERE p.customer_id = c.customer_id)
              AND NOT EXISTS (SELECT 1 FROM disputes d WHERE d.customer_id = c.customer_id)
              AND NOT EXISTS (SELECT 1 FROM payment_plans p WHERE p.customer_id = c.customer_id)
              AND (SELECT COUNT(*) FROM claims o WHERE o.customer_id = c.customer_id AND o.open_minor > 0 AND o.due_date < ?
                   AND o.stage NOT IN ('closed', 'withAgency') AND o.currency = c.currency) >= 2
            ORDER BY c.invoice_number LIMIT 1""", (TODAY, TODAY)).fetchone()
    if not browser.find_elements(By.CSS_SELECTOR, ".sidenav"):
        log_in(browser, server)
    browser.set_window_size(1280, 1400)
    browser.get(f"{server}/creditors/{creditor.lower()}/claims/{claim.lower()}")
    browser.find_element(By.CSS_SELECTOR, "details.record-promise summary").click()
    browser.execute_script("document.getElementById('promise-date').value = '2026-12-15'")
    browser.find_element(By.ID, "promise-amount").send_keys("1 000")
    also = browser.find_element(By.NAME, "alsoOverdue")
    assert "Også kundens andre forfalte fakturaer" in also.find_element(By.XPATH, "..").text
    also.click()
    browser.execute_script("document.getElementById('record-promise').scrollIntoView({block: 'center'})")
    browser.save_screenshot(str(SCREENSHOTS / "claim-promise-several-invoices.png"))
    browser.find_element(By.CSS_SELECTOR, "#record-promise button[type=submit]").click()
    wait(browser).until(lambda b: b.find_elements(By.ID, "promise-list"))
    with sqlite3.connect(STATE["database"]) as db:
        rows = db.execute("SELECT claim_id, agreement_id, amount_minor FROM promises WHERE customer_id = ?", (customer,)).fetchall()
        other = db.execute("SELECT claim_id FROM promises WHERE customer_id = ? AND claim_id <> ? LIMIT 1", (customer, claim)).fetchone()[0]
    assert len(rows) >= 2 and len({agreement for _, agreement, _ in rows}) == 1 and {amount for *_, amount in rows} == {100_000}
    browser.get(f"{server}/creditors/{creditor.lower()}/claims/{other.lower()}")
    line = wait(browser).until(lambda b: b.find_elements(By.ID, "promise-list"))[0]
    assert "Gjelder også" in line.text, line.text
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", line)
    browser.save_screenshot(str(SCREENSHOTS / "claim-promise-also-covers.png"))


def test_a_customer_who_moves_abroad_gets_a_national_identity_number_the_new_country_knows(browser, server):
    browser.delete_all_cookies()
    log_in(browser, server)
    with sqlite3.connect(STATE["database"]) as db:
        creditor, customer, number = db.execute("""
            SELECT u.creditor_id, u.id, u.national_identity_number FROM customers u JOIN creditors k ON k.id = u.creditor_id
            WHERE k.country = 'NO' AND u.kind = 'consumer' AND u.country = 'NO' AND u.national_identity_number IS NOT NULL
            ORDER BY u.customer_number LIMIT 1""").fetchone()
    browser.set_window_size(1280, 1400)
    browser.get(f"{server}/creditors/{creditor.lower()}/customers/{customer.lower()}")
    assert number not in browser.page_source, "the number kept is nowhere in the page"
    browser.find_element(By.CSS_SELECTOR, "details.customer-details summary").click()
    form = browser.find_element(By.ID, "customer-details")
    assert f"Registrert: {number[:6]} *****." in form.text, form.text

    # Moved to Sweden: the fødselsnummer is no number a Swedish agency knows, so the move waits for the new one.
    for name, value in [("country", "SE"), ("addressLine", "Storgatan 1"), ("postalCode", "11122"), ("city", "Stockholm")]:
        field = form.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    error = wait(browser).until(lambda b: b.find_elements(By.ID, "details-nationalIdentityNumber-error"))[0]
    assert error.text.startswith("Ikke et gyldig svensk personnummer eller samordningsnummer"), error.text
    form = browser.find_element(By.ID, "customer-details")
    assert form.find_element(By.NAME, "nationalIdentityNumber").get_attribute("aria-invalid") == "true"
    browser.execute_script("document.getElementById('customer-details').scrollIntoView({block: 'center'})")
    browser.save_screenshot(str(SCREENSHOTS / "customer-moved-identity-refused.png"))
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT country FROM customers WHERE id = ?", (customer,)).fetchone()[0] == "NO"

    form.find_element(By.NAME, "nationalIdentityNumber").send_keys("640823-3234")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # The refused page shows the old number masked in the same place until the new page has loaded.
    wait(browser).until(lambda b: b.find_element(By.ID, "customer-identity").text == "19640823-****")
    line = browser.find_element(By.XPATH, "//ol[@id='timeline-list']/li[contains(., 'Kundeopplysninger endret')]")
    assert f"Fødselsnummer: {number[:6]} ***** → 19640823-****" in line.text, line.text
    assert "0823-3234" not in browser.page_source and number not in browser.page_source
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", line)
    browser.save_screenshot(str(SCREENSHOTS / "customer-moved-identity-changed.png"))
    with sqlite3.connect(STATE["database"]) as db:
        assert db.execute("SELECT country, national_identity_number FROM customers WHERE id = ?", (customer,)).fetchone() \
            == ("SE", "196408233234")
