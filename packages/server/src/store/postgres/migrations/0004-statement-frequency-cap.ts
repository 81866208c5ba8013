/** Per-entry `details` JSON, the statement's indexes and the marketing frequency cap (dialect of sqlite/0004). */
export const sql = /* sql */ `
-- jsonb_typeof raises on malformed JSON, so the CHECK refuses it like SQLite's json_valid.
ALTER TABLE ledger_entries ADD COLUMN details text CHECK (details IS NULL OR jsonb_typeof(details::jsonb) IS NOT NULL);

CREATE INDEX ledger_entries_by_account_time ON ledger_entries (account_id, created_at, seq) INCLUDE (type, kind, amount_micros);
CREATE INDEX ledger_entries_by_account_type ON ledger_entries (account_id, type, seq);
CREATE INDEX ledger_entries_by_account_kind ON ledger_entries (account_id, kind, seq);

CREATE TABLE frequency_caps (
  account_id    text PRIMARY KEY REFERENCES accounts (id),
  enabled       boolean NOT NULL,
  max_messages  integer NOT NULL CHECK (max_messages BETWEEN 1 AND 100),
  window_hours  integer NOT NULL CHECK (window_hours BETWEEN 1 AND 720),
  updated_at    bigint NOT NULL
);

-- One marketing message to one recipient: recorded by an allowed check (message_id NULL until a
-- delivery claims it) or by a delivery that bypassed the check.
CREATE TABLE marketing_sends (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id  text NOT NULL REFERENCES accounts (id),
  recipient   text NOT NULL,
  message_id  text,
  sent_at     bigint NOT NULL
);
CREATE INDEX marketing_sends_by_recipient ON marketing_sends (account_id, recipient, sent_at);
CREATE UNIQUE INDEX marketing_sends_by_message ON marketing_sends (account_id, message_id) WHERE message_id IS NOT NULL;
CREATE INDEX marketing_sends_by_time ON marketing_sends (sent_at);
`;
