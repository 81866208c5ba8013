/** The host-event outbox, the low-balance alert's arming, and the index behind the runway. */
export const sql = /* sql */ `
-- 1 until balance.low fires; back to 1 once the balance is at or above the threshold again.
ALTER TABLE accounts ADD COLUMN low_balance_alert_armed INTEGER NOT NULL DEFAULT 1
  CHECK (low_balance_alert_armed IN (0, 1));

CREATE TABLE host_events (
  seq              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  type             TEXT NOT NULL,
  account_id       TEXT NOT NULL REFERENCES accounts (id),
  payload          TEXT NOT NULL,
  created_at       INTEGER NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL,
  delivered_at     INTEGER,
  failed_at        INTEGER,
  last_error       TEXT
) STRICT;
CREATE INDEX host_events_due ON host_events (next_attempt_at, seq) WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX host_events_by_account ON host_events (account_id, seq);

-- Spend over a window (the runway): debits of one kind of one account in a time range.
CREATE INDEX ledger_entries_by_account_kind_time ON ledger_entries (account_id, kind, created_at);
`;
