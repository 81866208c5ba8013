/** The host-event outbox, the low-balance alert's arming, and the runway's index (dialect of sqlite/0005). */
export const sql = /* sql */ `
-- true until balance.low fires; true again once the balance is at or above the threshold.
ALTER TABLE accounts ADD COLUMN low_balance_alert_armed boolean NOT NULL DEFAULT true;

CREATE TABLE host_events (
  seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id               text NOT NULL UNIQUE,
  type             text NOT NULL,
  account_id       text NOT NULL REFERENCES accounts (id),
  payload          text NOT NULL,
  created_at       bigint NOT NULL,
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  bigint NOT NULL,
  delivered_at     bigint,
  failed_at        bigint,
  last_error       text
);
CREATE INDEX host_events_due ON host_events (next_attempt_at, seq) WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX host_events_by_account ON host_events (account_id, seq);

CREATE INDEX ledger_entries_by_account_kind_time ON ledger_entries (account_id, kind, created_at);
`;
