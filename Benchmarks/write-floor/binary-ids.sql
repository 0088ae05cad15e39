-- Turns the bench ledger's ids from 36-character text into 16-byte blobs, the form a redesign would keep them in.
PRAGMA foreign_keys = OFF;
BEGIN;
UPDATE creditors SET id = unhex(replace(id, '-', ''));
UPDATE customers SET id = unhex(replace(id, '-', '')), creditor_id = unhex(replace(creditor_id, '-', ''));
UPDATE claims SET id = unhex(replace(id, '-', '')), creditor_id = unhex(replace(creditor_id, '-', '')),
  customer_id = unhex(replace(customer_id, '-', ''));
UPDATE collection_acts SET id = unhex(replace(id, '-', '')), creditor_id = unhex(replace(creditor_id, '-', '')),
  claim_id = unhex(replace(claim_id, '-', '')), customer_id = unhex(replace(customer_id, '-', '')), run_id = unhex(replace(run_id, '-', ''));
UPDATE ledger_entries SET id = unhex(replace(id, '-', '')), creditor_id = unhex(replace(creditor_id, '-', '')),
  claim_id = unhex(replace(claim_id, '-', ''));
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
VACUUM;
