/**
 * Statement and frequency cap: per-entry `details` JSON on the ledger, the indexes that keep the
 * statement's pages, filters and day totals index ranges, and the marketing frequency cap.
 */
export const sql = /* sql */ `
ALTER TABLE ledger_entries ADD COLUMN details TEXT CHECK (details IS NULL OR json_valid(details));

-- Maps time bounds to seq bounds and sums a day's amounts without reading the table (covering).
CREATE INDEX ledger_entries_by_account_time ON ledger_entries (account_id, created_at, seq, type, kind, amount_micros);
-- Filtered statement pages walk these instead of skipping non-matching rows of (account_id, seq).
CREATE INDEX ledger_entries_by_account_type ON ledger_entries (account_id, type, seq);
CREATE INDEX ledger_entries_by_account_kind ON ledger_entries (account_id, kind, seq);

CREATE TABLE frequency_caps (
  account_id    TEXT PRIMARY KEY REFERENCES accounts (id),
  enabled       INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  max_messages  INTEGER NOT NULL CHECK (max_messages BETWEEN 1 AND 100),
  window_hours  INTEGER NOT NULL CHECK (window_hours BETWEEN 1 AND 720),
  updated_at    INTEGER NOT NULL
) STRICT;

-- One marketing message to one recipient: recorded by an allowed check (message_id NULL until a
-- delivery claims it) or by a delivery that bypassed the check.
CREATE TABLE marketing_sends (
  id          INTEGER PRIMARY KEY,
  account_id  TEXT NOT NULL REFERENCES accounts (id),
  recipient   TEXT NOT NULL,
  message_id  TEXT,
  sent_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX marketing_sends_by_recipient ON marketing_sends (account_id, recipient, sent_at);
CREATE UNIQUE INDEX marketing_sends_by_message ON marketing_sends (account_id, message_id) WHERE message_id IS NOT NULL;
CREATE INDEX marketing_sends_by_time ON marketing_sends (sent_at);
`;
